// 统计看板: the dashboard of the country, a province, prefecture or county, with the places one
// level down to click into and a breadcrumb back up. Every number is the API's `dashboard`.
import { gql } from '../api.js';
import { itemsBar, itemsPie, whenDrawn } from '../charts.js';
import { h, fill, table, money, link } from '../dom.js';
import { label } from '../labels.js';

const ITEM = '{ key label count value }';

const DASHBOARD = `query consoleDashboard($placeCode: ID) {
  dashboard(placeCode: $placeCode) {
    placeCode name level asOf assetCount assetValue
    assetsByCategory ${ITEM} assetsByType ${ITEM} assetsByStatus ${ITEM} assetsByCompletionYear ${ITEM}
    incomeByYear ${ITEM} incomeByUse ${ITEM} ownershipByOwnerKind ${ITEM} auditFindingsByRule ${ITEM}
    pairingsByProgram ${ITEM}
    keyCountiesWithEnterpriseLink { numerator denominator ratio }
    westernProvincesWithPartner { numerator denominator ratio }
  }
}`;

const PLACES = '(first: 100) { edges { node { code name } } }';

/** The places one level down and the places above, by the level a code's length tells. */
function placesQuery(code) {
  switch (code ? code.length : 0) {
    case 0:
      return { query: `{ below: provinces${PLACES} }` };
    case 2:
      return { query: `query($c: ID!) { place: province(code: $c) { code name prefectures${PLACES} counties${PLACES} } }` };
    case 4:
      return { query: `query($c: ID!) { place: prefecture(code: $c) { code name province { code name } counties${PLACES} } }` };
    default:
      return { query: `query($c: ID!) { place: place(code: $c) { code name ... on County { province { code name } prefecture { code name } } } }` };
  }
}

export async function render(view, route, current) {
  const code = route.path[0] || null;
  const places = placesQuery(code);
  const [{ data }, { data: around }] = await Promise.all([
    gql(DASHBOARD, { placeCode: code }),
    gql(places.query, code ? { c: code } : undefined)
  ]);
  if (!current()) {
    return;
  }
  const d = data.dashboard;
  const place = around.place || {};
  let below = [];
  if (!code) {
    below = around.below.edges;
  } else if (code.length === 2) {
    below = place.prefectures.edges.length ? place.prefectures.edges : place.counties.edges;
  } else if (code.length === 4) {
    below = place.counties.edges;
  }

  const crumbs = [link('#/dashboard', '全国', { dataset: { code: '' } })];
  for (const up of [place.province, place.prefecture]) {
    if (up) {
      crumbs.push(h('span', { class: 'sep' }, '›'), link('#/dashboard/' + up.code, up.name, { dataset: { code: up.code } }));
    }
  }
  if (code) {
    crumbs.push(h('span', { class: 'sep' }, '›'), h('strong', { dataset: { code } }, d.name));
  }

  const ratio = (r) => `${r.numerator} / ${r.denominator}` + (r.ratio == null ? '' : `（${(r.ratio * 100).toFixed(1)}%）`);
  const figure = (name, value, field) => h('div', { class: 'figure' },
    h('div', { class: 'name' }, name), h('div', { class: 'number', dataset: { field } }, value));
  const filterBy = (key) => (item) => {
    const params = new URLSearchParams(code ? { placeCode: code } : {});
    params.set(key, item.key);
    window.location.hash = '#/assets?' + params;
  };
  const breakdown = (title, field, items, drawn) => h('section', { class: 'card', dataset: { breakdown: field } },
    h('h2', {}, title), drawn,
    h('details', {}, h('summary', {}, '数据表'),
      table([
        { title: '项目', value: (i) => i.label },
        { title: '数量', value: (i) => String(i.count), cls: 'num' },
        { title: '金额（元）', value: (i) => money(i.value), cls: 'num' }
      ], items, { dataset: { items: field } })));

  fill(view,
    h('nav', { class: 'breadcrumb', 'aria-label': '位置' }, crumbs),
    h('h1', {}, `${d.name} 统计看板`, h('small', {}, d.level ? `  ${label('PlaceLevel', d.level)} · ${d.placeCode}` : '')),
    h('p', { class: 'asof' }, `统计日期 ${d.asOf}（产权人与审计发现按此日计）`),
    h('div', { class: 'figures' },
      figure('资产数量', String(d.assetCount), 'assetCount'),
      figure('资产原值（元）', money(d.assetValue), 'assetValue'),
      figure('重点帮扶县企业结对覆盖率', ratio(d.keyCountiesWithEnterpriseLink), 'keyCountiesWithEnterpriseLink'),
      figure('西部省份东西部协作覆盖率', ratio(d.westernProvincesWithPartner), 'westernProvincesWithPartner')),
    h('p', {}, link('#/assets' + (code ? '?placeCode=' + code : ''), '查看资产列表'), '　',
      link('#/findings' + (code ? '?placeCode=' + code : ''), '查看审计发现'), '　',
      link('#/pairings' + (code ? '?root=' + code : ''), '查看帮扶网络')),
    below.length ? h('section', { class: 'card' }, h('h2', {}, '下级地区（点击进入）'),
      h('div', { class: 'children' }, below.map((e) => link('#/dashboard/' + e.node.code, e.node.name,
        { dataset: { code: e.node.code } })))) : null,
    h('div', { class: 'grid' },
      breakdown('资产按类别', 'assetsByCategory', d.assetsByCategory, itemsPie(d.assetsByCategory, filterBy('category'))),
      breakdown('资产按类型', 'assetsByType', d.assetsByType, itemsBar(d.assetsByType, 'count', filterBy('type'))),
      breakdown('资产按状态', 'assetsByStatus', d.assetsByStatus, itemsBar(d.assetsByStatus, 'count', filterBy('status'))),
      breakdown('资产按建成年份', 'assetsByCompletionYear', d.assetsByCompletionYear,
        itemsBar(d.assetsByCompletionYear, 'count', filterBy('completionYear'))),
      breakdown('资产收益按年度（金额）', 'incomeByYear', d.incomeByYear, itemsBar(d.incomeByYear, 'value')),
      breakdown('收益按用途（金额）', 'incomeByUse', d.incomeByUse, itemsBar(d.incomeByUse, 'value')),
      breakdown('产权按所有者类型', 'ownershipByOwnerKind', d.ownershipByOwnerKind, itemsBar(d.ownershipByOwnerKind, 'count')),
      breakdown('审计发现按规则', 'auditFindingsByRule', d.auditFindingsByRule,
        itemsBar(d.auditFindingsByRule, 'count', (item) => {
          window.location.hash = '#/findings?' + new URLSearchParams(Object.assign(code ? { placeCode: code } : {}, { rule: item.key }));
        }, true)),
      breakdown('结对帮扶按项目（投入金额见数据表）', 'pairingsByProgram', d.pairingsByProgram,
        itemsBar(d.pairingsByProgram, 'count', null, true))));
  await whenDrawn(view);
}
