// 资产: the asset register searched with the API's filters, a page at a time.
import { gql, errorsAt } from '../api.js';
import { h, fill, table, money, text, link, notice, submitsTo } from '../dom.js';
import { label, values } from '../labels.js';
import { describeRefusal } from './access.js';

const QUERY = `query consoleAssets($filter: AssetFilter, $orderBy: AssetOrder, $first: Int, $after: String) {
  assets(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { registerNo name category type status originalValue completionDate placeCode } }
  }
}`;

const PAGE = 20;

const FIELDS = [
  ['placeCode', '所在地代码', 'text'],
  ['category', '资产类别', 'AssetCategory'],
  ['type', '资产类型', 'AssetType'],
  ['status', '资产状态', 'AssetStatus'],
  ['ownerId', '产权人编号', 'text'],
  ['custodianId', '管护主体信用代码', 'text'],
  ['operatorId', '经营主体编号', 'text'],
  ['fundSourceCode', '资金来源代码', 'text'],
  ['projectCode', '项目代码', 'text'],
  ['minValue', '原值下限（元）', 'number'],
  ['maxValue', '原值上限（元）', 'number'],
  ['completionYear', '建成年份', 'int'],
  ['asOf', '查询日期', 'date']
];

export async function render(view, route, current) {
  const params = route.params;
  const form = h('form', { class: 'filters card', id: 'asset-filters' },
    FIELDS.map(([name, title, kind]) => h('label', {}, title, input(name, kind, params.get(name)))),
    h('label', {}, '排序', h('select', { name: 'orderBy' },
      values('AssetOrder').map((o) => h('option', { value: o.key, selected: params.get('orderBy') === o.key }, o.label)))),
    h('button', { type: 'submit', class: 'primary' }, '查询'));
  submitsTo(form, '#/assets');
  const results = h('div', { class: 'card', id: 'asset-results' });
  fill(view, h('h1', {}, '资产查询'), form, results);

  const filter = {};
  for (const [name, , kind] of FIELDS) {
    const v = params.get(name);
    if (v) {
      // Bounds are filters, not amounts shown: a JSON number is what the API takes.
      filter[name] = kind === 'int' ? Number.parseInt(v, 10) : kind === 'number' ? Number(v) : v;
    }
  }
  const cursors = (params.get('after') || '').split(',').filter(Boolean);
  const after = cursors.length ? cursors[cursors.length - 1] : null;
  const { data, errors } = await gql(QUERY, { filter, orderBy: params.get('orderBy') || 'REGISTER_NO_ASC', first: PAGE, after });
  if (!current()) {
    return;
  }
  if (!data.assets) {
    fill(results, describeRefusal(errorsAt(errors, 'assets'), '资产列表'));
    return;
  }
  const a = data.assets;
  const page = (list) => {
    const next = new URLSearchParams(params);
    if (list.length) {
      next.set('after', list.join(','));
    } else {
      next.delete('after');
    }
    return '#/assets?' + next;
  };
  fill(results,
    h('p', { dataset: { field: 'totalCount' } }, `共 ${a.totalCount} 项，第 ${cursors.length + 1} 页`),
    table([
      { title: '登记编号', value: (n) => link('#/asset/' + encodeURIComponent(n.registerNo), n.registerNo) },
      { title: '名称', value: (n) => n.name },
      { title: '类别', value: (n) => label('AssetCategory', n.category) },
      { title: '类型', value: (n) => label('AssetType', n.type) },
      { title: '状态', value: (n) => label('AssetStatus', n.status) },
      { title: '原值（元）', value: (n) => money(n.originalValue), cls: 'num' },
      { title: '建成日期', value: (n) => text(n.completionDate) },
      { title: '所在地', value: (n) => link('#/dashboard/' + n.placeCode.substring(0, 6), n.placeCode) }
    ], a.edges.map((e) => e.node), { id: 'asset-table' }),
    a.edges.length ? null : notice('info', '没有符合条件的资产。'),
    h('div', { class: 'pager' },
      cursors.length ? link(page(cursors.slice(0, -1)), '‹ 上一页') : null,
      a.pageInfo.hasNextPage ? link(page(cursors.concat(a.pageInfo.endCursor)), '下一页 ›', { id: 'next-page' }) : null));
}

function input(name, kind, value) {
  if (kind === 'text' || kind === 'number' || kind === 'int' || kind === 'date') {
    return h('input', {
      name, value: value || '', size: kind === 'text' ? 18 : 10,
      type: kind === 'date' ? 'date' : 'text', inputmode: kind === 'text' || kind === 'date' ? null : 'decimal'
    });
  }
  return h('select', { name }, h('option', { value: '' }, '（全部）'),
    values(kind).map((v) => h('option', { value: v.key, selected: value === v.key }, v.label)));
}
