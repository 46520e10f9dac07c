// The explorer: GraphiQL against this application's /graphql. A token the console holds
// (signed in through the console) is offered as the Authorization header.
(function () {
  'use strict';
  var token = window.sessionStorage.getItem('fupin.token');
  var headers = token ? JSON.stringify({ Authorization: 'Bearer ' + token }, null, 2) : undefined;
  var fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultHeaders: headers,
    shouldPersistHeaders: false,
    defaultQuery: '# 统计看板: the dashboard of the whole country\n{\n  dashboard {\n    name\n    assetCount\n    assetValue\n  }\n}\n'
  }));
}());
