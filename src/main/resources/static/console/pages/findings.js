// 审计发现: findings per place, rule and severity, the count per rule, each linked to its asset card.
import { gql, errorsAt } from '../api.js';
import { chart, whenDrawn } from '../charts.js';
import { h, fill, table, link, notice, submitsTo } from '../dom.js';
import { label, values } from '../labels.js';
import { describeRefusal } from './access.js';

const QUERY = `query consoleFindings($placeCode: ID, $filter: AuditFindingFilter, $first: Int, $after: String) {
  auditFindingCounts(placeCode: $placeCode) { rule severity count }
  auditFindings(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { registerNo rule severity message placeCode asset { name } } }
  }
}`;

export async function render(view, route, current) {
  const params = route.params;
  const placeCode = params.get('placeCode') || null;
  const form = h('form', { class: 'filters card', id: 'finding-filters' },
    h('label', {}, '所在地代码', h('input', { name: 'placeCode', value: placeCode || '', size: 14 })),
    h('label', {}, '规则', h('select', { name: 'rule' }, h('option', { value: '' }, '（全部）'),
      values('AuditRule').map((r) => h('option', { value: r.key, selected: params.get('rule') === r.key }, r.label)))),
    h('label', {}, '严重程度', h('select', { name: 'severity' }, h('option', { value: '' }, '（全部）'),
      values('Severity').map((r) => h('option', { value: r.key, selected: params.get('severity') === r.key }, r.label)))),
    h('button', { type: 'submit', class: 'primary' }, '查询'));
  submitsTo(form, '#/findings');
  const body = h('div', {});
  fill(view, h('h1', {}, '审计发现'), form, body);

  const filter = { placeCode, rule: params.get('rule') || null, severity: params.get('severity') || null };
  const cursors = (params.get('after') || '').split(',').filter(Boolean);
  const { data, errors } = await gql(QUERY, { placeCode, filter, first: 20, after: cursors[cursors.length - 1] || null });
  if (!current()) {
    return;
  }
  if (!data.auditFindings || !data.auditFindingCounts) {
    fill(body, describeRefusal(errorsAt(errors, 'auditFindings').concat(errorsAt(errors, 'auditFindingCounts')), '审计发现'));
    return;
  }
  const counts = data.auditFindingCounts;
  const f = data.auditFindings;
  const pick = (rule) => {
    const next = new URLSearchParams(placeCode ? { placeCode } : {});
    next.set('rule', rule);
    window.location.hash = '#/findings?' + next;
  };
  const page = (list) => {
    const next = new URLSearchParams(params);
    if (list.length) {
      next.set('after', list.join(','));
    } else {
      next.delete('after');
    }
    return '#/findings?' + next;
  };
  fill(body,
    h('section', { class: 'card' }, h('h2', {}, '各规则发现数量（点击筛选）'),
      chart({
        grid: { left: 200, right: 30, top: 10, bottom: 30 },
        xAxis: { type: 'value' },
        yAxis: { type: 'category', inverse: true, data: counts.map((c) => label('AuditRule', c.rule)) },
        tooltip: {
          trigger: 'item', renderMode: 'richText', confine: true,
          formatter: (p) => `${label('AuditRule', p.data.rule)}\n${label('Severity', p.data.severity)}\n${p.data.value} 项`
        },
        series: [{
          type: 'bar',
          data: counts.map((c) => ({ value: c.count, rule: c.rule, severity: c.severity,
            itemStyle: { color: c.severity === 'HIGH' ? '#b71c1c' : c.severity === 'MEDIUM' ? '#e6a23c' : '#909399' } }))
        }],
        onClick: (p) => pick(p.data.rule)
      }, { class: 'chart tall' }),
      h('details', {}, h('summary', {}, '数据表'), table([
        { title: '规则', value: (c) => link('#', label('AuditRule', c.rule), { onclick: (e) => { e.preventDefault(); pick(c.rule); } }) },
        { title: '严重程度', value: (c) => h('span', { class: 'severity-' + c.severity }, label('Severity', c.severity)) },
        { title: '数量', value: (c) => String(c.count), cls: 'num' }
      ], counts, { id: 'finding-counts' }))),
    h('section', { class: 'card' },
      h('h2', {}, `发现列表：共 ${f.totalCount} 项`),
      f.edges.length ? table([
        { title: '资产', value: (n) => link('#/asset/' + encodeURIComponent(n.registerNo), n.registerNo) },
        { title: '名称', value: (n) => n.asset ? n.asset.name : '—' },
        { title: '规则', value: (n) => label('AuditRule', n.rule) },
        { title: '严重程度', value: (n) => h('span', { class: 'severity-' + n.severity }, label('Severity', n.severity)) },
        { title: '说明', value: (n) => n.message },
        { title: '所在地', value: (n) => n.placeCode }
      ], f.edges.map((e) => e.node), { id: 'finding-table' }) : notice('info', '没有符合条件的审计发现。'),
      h('div', { class: 'pager' },
        cursors.length ? link(page(cursors.slice(0, -1)), '‹ 上一页') : null,
        f.pageInfo.hasNextPage ? link(page(cursors.concat(f.pageInfo.endCursor)), '下一页 ›') : null)));
  await whenDrawn(view);
}
