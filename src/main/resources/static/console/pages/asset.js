// 资产卡片: one asset with its place path, owners through time (on a date the user picks),
// custody, contracts, income and its distribution, the provenance chain, the change history
// and the rules it breaks.
import { gql, errorsAt } from '../api.js';
import { chart, whenDrawn } from '../charts.js';
import { h, fill, table, money, text, link, section, notice } from '../dom.js';
import { label } from '../labels.js';
import { describeRefusal } from './access.js';

const PARTY = `__typename
  ... on Organisation { creditCode name kind }
  ... on Household { householdNo headName }
  ... on Place { code name }`;

const QUERY = `query consoleAsset($registerNo: ID!, $asOf: Date) {
  asset(registerNo: $registerNo) {
    registerNo name type category originalValue completionDate status statusSince illustrative placeCode
    placePath { level code name }
    project { code name year }
    owners(asOf: $asOf) { ownerId share validFrom validTo certificateNo current owner { ${PARTY} } }
    ownershipHistory(first: 100) { totalCount edges { node { ownerId share validFrom validTo certificateNo current owner { ${PARTY} } } } }
    custody(asOf: $asOf) { duty validFrom validTo custodian { creditCode name } responsiblePerson { personId name } }
    custodyHistory(first: 50) { totalCount edges { node { duty validFrom validTo custodian { creditCode name } responsiblePerson { personId name } } } }
    operationContracts(first: 50) { totalCount edges { node { contractNo mode startDate endDate annualRent operator { ${PARTY} } } } }
    disposal { mode date approvalRef proceeds transferee { ${PARTY} } }
    auditFindings { rule severity message }
    changes(first: 20) { totalCount edges { node { id at actor operation before after } } }
  }
  provenance(registerNo: $registerNo) {
    funding { fund { code name kind } amount }
    fundingTotal
    incomes { year amount distributed uses { use amount beneficiaries(first: 5) { totalCount edges { node { beneficiaryId amount beneficiary { ${PARTY} } } } } } }
    incomeTotal distributedTotal beneficiaryCount beneficiaryTotal
  }
}`;

export function partyName(p) {
  if (!p) {
    return '—';
  }
  if (p.__typename === 'Household') {
    return `${p.headName || ''}户（${p.householdNo}）`;
  }
  return p.name || p.creditCode || p.code || '—';
}

export async function render(view, route, current) {
  const registerNo = route.path[0];
  const asOf = route.params.get('asOf') || null;
  const { data, errors } = await gql(QUERY, { registerNo, asOf });
  if (!current()) {
    return;
  }
  const a = data.asset;
  if (!a) {
    fill(view, h('h1', {}, '资产卡片 ', registerNo), describeRefusal(errorsAt(errors, 'asset'), '资产卡片'));
    return;
  }
  const p = data.provenance;
  const today = new Date().toISOString().substring(0, 10);
  const picker = h('input', { type: 'date', id: 'as-of', value: asOf || '' });
  picker.addEventListener('change', () => {
    window.location.hash = '#/asset/' + encodeURIComponent(registerNo) + (picker.value ? '?asOf=' + picker.value : '');
  });
  const history = a.ownershipHistory.edges.map((e) => e.node);

  fill(view,
    h('nav', { class: 'breadcrumb', 'aria-label': '所在地' }, link('#/dashboard', '全国'),
      a.placePath.map((pl) => [h('span', { class: 'sep' }, '›'),
        ['PROVINCE', 'PREFECTURE', 'COUNTY'].includes(pl.level) ? link('#/dashboard/' + pl.code, pl.name) : h('span', {}, pl.name)])),
    h('h1', { id: 'asset-name' }, a.name),
    h('section', { class: 'card' }, h('dl', { class: 'facts' },
      h('dt', {}, '登记编号'), h('dd', { id: 'register-no' }, a.registerNo),
      h('dt', {}, '类别 / 类型'), h('dd', {}, `${label('AssetCategory', a.category)} / ${label('AssetType', a.type)}`),
      h('dt', {}, '状态'), h('dd', {}, label('AssetStatus', a.status) + (a.statusSince ? `（自 ${a.statusSince}）` : '')),
      h('dt', {}, '原值（元）'), h('dd', { dataset: { field: 'originalValue' } }, money(a.originalValue)),
      h('dt', {}, '建成日期'), h('dd', {}, text(a.completionDate)),
      h('dt', {}, '扶贫项目'), h('dd', {}, a.project ? `${a.project.name}（${a.project.code}，${text(a.project.year)}年）` : '—'),
      a.illustrative ? [h('dt', {}, '说明'), h('dd', {}, '示例数据（illustrative）')] : null)),

    section('产权人（按日期）',
      h('p', {}, h('label', {}, '查询日期 ', picker), ' ', asOf ? `显示 ${asOf} 的产权人` : `显示今天（${today}）的产权人`),
      a.owners.length ? table([
        { title: '产权人', value: (o) => partyName(o.owner) },
        { title: '编号', value: (o) => o.ownerId },
        { title: '份额（%）', value: (o) => String(o.share), cls: 'num' },
        { title: '起', value: (o) => o.validFrom },
        { title: '止', value: (o) => text(o.validTo) },
        { title: '证书号', value: (o) => text(o.certificateNo) }
      ], a.owners, { id: 'owners-on-date' }) : notice('info', '该日期没有产权人。'),
      h('h2', {}, '产权变更时间线'),
      history.length ? ownershipTimeline(history, asOf || today) : notice('info', '没有产权记录。')),

    section('管护',
      a.custody ? h('p', { id: 'custody' }, `${partyName(a.custody.custodian)}，责任人 ${a.custody.responsiblePerson ? a.custody.responsiblePerson.name : '—'}，${a.custody.validFrom} 起` + (a.custody.duty ? `，职责：${a.custody.duty}` : ''))
        : notice('info', '该日期没有管护主体。'),
      a.custodyHistory.totalCount ? table([
        { title: '管护主体', value: (c) => partyName(c.custodian) },
        { title: '责任人', value: (c) => c.responsiblePerson ? c.responsiblePerson.name : '—' },
        { title: '起', value: (c) => c.validFrom },
        { title: '止', value: (c) => text(c.validTo) }
      ], a.custodyHistory.edges.map((e) => e.node)) : null),

    section('经营合同',
      a.operationContracts.totalCount ? table([
        { title: '合同号', value: (c) => c.contractNo },
        { title: '经营主体', value: (c) => partyName(c.operator) },
        { title: '方式', value: (c) => label('OperationMode', c.mode) },
        { title: '起', value: (c) => c.startDate },
        { title: '止', value: (c) => text(c.endDate) },
        { title: '年租金（元）', value: (c) => money(c.annualRent), cls: 'num' }
      ], a.operationContracts.edges.map((e) => e.node)) : notice('info', '没有经营合同。')),

    section('收益与分配',
      p ? [
        h('p', {}, `收益合计 ${money(p.incomeTotal)} 元，已分配 ${money(p.distributedTotal)} 元，受益对象 ${p.beneficiaryCount} 个，到户 ${money(p.beneficiaryTotal)} 元。`),
        p.incomes.length ? table([
          { title: '年度', value: (i) => String(i.year) },
          { title: '收益（元）', value: (i) => money(i.amount), cls: 'num' },
          { title: '已分配（元）', value: (i) => money(i.distributed), cls: 'num' },
          { title: '用途', value: (i) => h('ul', {}, i.uses.map((u) => h('li', {}, `${label('IncomeUseKind', u.use)} ${money(u.amount)} 元` + (u.beneficiaries.totalCount ? `，受益对象 ${u.beneficiaries.totalCount} 个` : '')))) }
        ], p.incomes) : notice('info', '没有收益记录。')
      ] : notice('info', '没有收益记录。')),

    section('来源链条（资金 → 项目 → 资产 → 产权人 → 收益 → 受益对象）',
      p ? provenanceDiagram(a, p, history) : notice('info', '—')),

    a.disposal ? section('处置', h('p', {}, `${label('DisposalMode', a.disposal.mode)}，${a.disposal.date}，批准文号 ${text(a.disposal.approvalRef)}，收入 ${money(a.disposal.proceeds)} 元，受让方 ${partyName(a.disposal.transferee)}`)) : null,

    section('审计发现',
      a.auditFindings.length ? table([
        { title: '规则', value: (f) => label('AuditRule', f.rule) },
        { title: '严重程度', value: (f) => h('span', { class: 'severity-' + f.severity }, label('Severity', f.severity)) },
        { title: '说明', value: (f) => f.message }
      ], a.auditFindings, { id: 'asset-findings' }) : notice('info', '今天没有违反任何审计规则。')),

    section('变更记录',
      a.changes && a.changes.totalCount ? table([
        { title: '时间', value: (c) => c.at },
        { title: '操作人', value: (c) => c.actor },
        { title: '操作', value: (c) => label('ChangeOperation', c.operation) },
        { title: '变更前', value: (c) => h('pre', { class: 'json' }, c.before == null ? '—' : JSON.stringify(c.before, null, 1)) },
        { title: '变更后', value: (c) => h('pre', { class: 'json' }, c.after == null ? '—' : JSON.stringify(c.after, null, 1)) }
      ], a.changes.edges.map((e) => e.node)) : notice('info', errorsAt(errors, 'asset', 'changes').length ? '当前身份无权查看变更记录。' : '没有变更记录（种子数据不记变更）。')));
  await whenDrawn(view);
}

/** Ownership periods as bars on a time axis, one row per owner, with a line on the date shown. */
function ownershipTimeline(periods, asOf) {
  const owners = [...new Set(periods.map((o) => `${partyName(o.owner)}（${o.ownerId}）`))];
  const today = new Date().toISOString().substring(0, 10);
  const end = (o) => o.validTo || (asOf > today ? asOf : today);
  const data = periods.map((o) => ({
    value: [owners.indexOf(`${partyName(o.owner)}（${o.ownerId}）`), o.validFrom, end(o), String(o.share)],
    period: o
  }));
  return chart({
    grid: { left: 220, right: 30, top: 20, bottom: 30 },
    xAxis: { type: 'time' },
    yAxis: { type: 'category', data: owners, axisLabel: { width: 200, overflow: 'truncate' } },
    tooltip: {
      trigger: 'item', renderMode: 'richText', confine: true,
      formatter: (p) => `${partyName(p.data.period.owner)}\n份额 ${p.data.period.share}%\n${p.data.period.validFrom} 至 ${p.data.period.validTo || '今'}`
    },
    series: [{
      type: 'custom',
      renderItem: (params, api) => {
        const start = api.coord([api.value(1), api.value(0)]);
        const stop = api.coord([api.value(2), api.value(0)]);
        const height = api.size([0, 1])[1] * 0.5;
        return {
          type: 'rect',
          shape: { x: start[0], y: start[1] - height / 2, width: Math.max(2, stop[0] - start[0]), height },
          style: { fill: '#2f4554' }
        };
      },
      encode: { x: [1, 2], y: 0 },
      data,
      markLine: { symbol: 'none', label: { formatter: '查询日期 ' + asOf }, lineStyle: { color: '#c23531' }, data: [{ xAxis: asOf }] }
    }]
  }, { class: 'chart', id: 'ownership-timeline' });
}

/** funds → project → asset → owners → income → beneficiaries, as a diagram in columns. */
function provenanceDiagram(a, p, history) {
  const nodes = [];
  const links = [];
  const add = (id, name, column, row, color) => {
    nodes.push({ id, name, x: column * 200, y: row * 60, itemStyle: { color }, symbolSize: 14 });
    return id;
  };
  const fundIds = p.funding.map((f, i) => add('fund:' + f.fund.code + i, `${f.fund.name}\n${money(f.amount)} 元`, 0, i, '#91cc75'));
  const project = a.project ? add('project', a.project.name, 1, 0, '#fac858') : null;
  const asset = add('asset', a.name, 2, 0, '#c23531');
  fundIds.forEach((f) => links.push({ source: f, target: project || asset }));
  if (project) {
    links.push({ source: project, target: asset });
  }
  const seen = new Set();
  history.forEach((o) => {
    if (!seen.has(o.ownerId)) {
      seen.add(o.ownerId);
      links.push({ source: asset, target: add('owner:' + o.ownerId, partyName(o.owner) + (o.current ? '（现）' : ''), 3, seen.size - 1, '#5470c6') });
    }
  });
  p.incomes.forEach((i, n) => {
    const income = add('income:' + i.year, `${i.year}年收益\n${money(i.amount)} 元`, 4, n, '#ee6666');
    links.push({ source: asset, target: income });
  });
  if (p.beneficiaryCount) {
    const b = add('beneficiaries', `受益对象 ${p.beneficiaryCount} 个\n${money(p.beneficiaryTotal)} 元`, 5, 0, '#73c0de');
    p.incomes.forEach((i) => links.push({ source: 'income:' + i.year, target: b }));
  }
  return chart({
    tooltip: { show: false },
    series: [{
      type: 'graph', layout: 'none', roam: true, data: nodes, links,
      edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 8,
      label: { show: true, position: 'bottom', fontSize: 11 },
      lineStyle: { color: '#999', curveness: 0.1 }
    }]
  }, { class: 'chart tall', id: 'provenance' });
}
