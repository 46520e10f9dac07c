// 结对帮扶: the assistance network around a place or organisation drawn as a graph (click a node
// to expand it), the explained path between two parties, coverage gaps and the per-province summary.
import { gql } from '../api.js';
import { chart, whenDrawn } from '../charts.js';
import { h, fill, table, money, text, link, notice, section } from '../dom.js';
import { describe, label, values } from '../labels.js';

const NETWORK = `query consoleNetwork($rootId: ID!, $depth: Int, $programs: [PairingProgram!]) {
  assistanceNetwork(rootId: $rootId, depth: $depth, programs: $programs, maxNodes: 100) {
    rootId depth truncated
    nodes { id name type kind distance }
    edges { id source target program kind status startDate endDate }
  }
}`;

const REST = `query consolePairings($placeCode: ID, $after: String) {
  coverageGaps(placeCode: $placeCode, first: 20, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { rule subjectId subjectName message } }
  }
  pairingSummary {
    placeCode placeName eastWestPartnerNames countyPairs designatedUnits enterprisesLinked villagesLinked investment cadres projects
  }
}`;

const CONNECTIONS = `query consoleConnections($fromId: ID!, $toId: ID!) {
  connections(fromId: $fromId, toId: $toId, maxLength: 6) { length nodes { id name type } steps { from to zh } }
}`;

const COLORS = { PROVINCE: '#c23531', PREFECTURE: '#d48265', COUNTY: '#2f4554', TOWNSHIP: '#61a0a8', VILLAGE: '#91c7ae', ORGANISATION: '#ca8622' };

export async function render(view, route, current) {
  const params = route.params;
  const rootId = params.get('root') || '44';
  const depth = Number.parseInt(params.get('depth') || '2', 10);
  const program = params.get('program') || '';
  const form = h('form', { class: 'filters card', id: 'network-form' },
    h('label', {}, '中心（地区代码或统一社会信用代码）', h('input', { name: 'root', value: rootId, size: 20 })),
    h('label', {}, '深度', h('select', { name: 'depth' }, [1, 2, 3].map((d) => h('option', { value: d, selected: d === depth }, String(d))))),
    h('label', {}, '帮扶项目', h('select', { name: 'program' }, h('option', { value: '' }, '（全部）'),
      values('PairingProgram').map((p) => h('option', { value: p.key, selected: p.key === program }, p.label)))),
    h('button', { type: 'submit', class: 'primary' }, '绘制网络'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams(params);
    for (const [k, v] of new FormData(form)) {
      next.set(k, String(v).trim());
    }
    window.location.hash = '#/pairings?' + next;
  });
  const networkCard = h('section', { class: 'card' }, notice('info', '正在加载网络…'));
  const pathCard = h('section', { class: 'card' });
  const restCard = h('div', {});
  fill(view, h('h1', {}, '结对帮扶'), form, networkCard, pathCard, restCard);

  const programs = program ? [program] : null;
  const [network, rest] = await Promise.all([
    gql(NETWORK, { rootId, depth, programs }),
    gql(REST, { placeCode: params.get('gapPlace') || null, after: params.get('gapAfter') || null })
  ]);
  if (!current()) {
    return;
  }
  renderNetwork(networkCard, network.data.assistanceNetwork, programs);
  await renderConnections(pathCard, params, current);
  renderRest(restCard, rest.data, params);
  await whenDrawn(view);
}

function renderNetwork(card, net, programs) {
  const nodes = new Map();
  const edges = new Map();
  const merge = (n) => {
    n.nodes.forEach((x) => { if (!nodes.has(x.id)) nodes.set(x.id, x); });
    n.edges.forEach((x) => edges.set(x.id, x));
  };
  merge(net);
  const status = h('p', { id: 'network-status' });
  const list = h('div', {});
  const option = () => ({
    tooltip: {
      trigger: 'item', renderMode: 'richText', confine: true,
      formatter: (p) => p.dataType === 'edge'
        ? `${label('PairingProgram', p.data.edge.program)}\n${label('PairingKind', p.data.edge.kind)}\n${label('PairingStatus', p.data.edge.status)} ${text(p.data.edge.startDate)} 至 ${text(p.data.edge.endDate)}`
        : `${text(p.data.node.name)}\n${p.data.node.id}\n${label('NetworkNodeType', p.data.node.type)}${p.data.node.kind ? ' · ' + p.data.node.kind : ''}\n点击展开`
    },
    legend: { data: Object.keys(COLORS).map((k) => label('NetworkNodeType', k)), bottom: 0 },
    series: [{
      type: 'graph', layout: 'force', roam: true, draggable: true,
      force: { repulsion: 220, edgeLength: 90, layoutAnimation: false },
      categories: Object.keys(COLORS).map((k) => ({ name: label('NetworkNodeType', k), itemStyle: { color: COLORS[k] } })),
      data: [...nodes.values()].map((n) => ({
        id: n.id, name: n.name || n.id, node: n, category: Object.keys(COLORS).indexOf(n.type),
        symbolSize: n.id === net.rootId ? 30 : 16
      })),
      links: [...edges.values()].map((e) => ({ source: e.source, target: e.target, edge: e })),
      edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 6,
      label: { show: true, position: 'right', fontSize: 11 },
      lineStyle: { color: '#aaa' }
    }]
  });
  const describeNodes = () => {
    fill(status, `${nodes.size} 个节点，${edges.size} 条结对` + (net.truncated ? '（已截断：节点数达上限）' : '') + '。点击节点展开它的结对。');
    fill(list, h('details', {}, h('summary', {}, '节点列表'), table([
      { title: '名称', value: (n) => text(n.name) },
      { title: '代码', value: (n) => n.type === 'ORGANISATION' ? n.id : link('#/dashboard/' + n.id.substring(0, 6), n.id) },
      { title: '类型', value: (n) => label('NetworkNodeType', n.type) },
      { title: '类别', value: (n) => text(n.kind) }
    ], [...nodes.values()], { id: 'network-nodes' })));
  };
  const graph = chart(Object.assign(option(), {
    onClick: async (p) => {
      if (p.dataType !== 'node') {
        return;
      }
      const more = await gql(NETWORK, { rootId: p.data.id, depth: 1, programs });
      merge(more.data.assistanceNetwork);
      const instance = window.echarts.getInstanceByDom(graph);
      instance.setOption(option(), { replaceMerge: ['series'] });
      graph.dataset.nodeCount = String(nodes.size);
      describeNodes();
    }
  }), { class: 'chart graph', id: 'network', dataset: { nodeCount: String(nodes.size) } });
  describeNodes();
  fill(card, h('h2', {}, '帮扶网络'), status, graph, list);
}

async function renderConnections(card, params, current) {
  const from = params.get('from') || '';
  const to = params.get('to') || '';
  const form = h('form', { class: 'filters', id: 'connections-form' },
    h('label', {}, '从', h('input', { name: 'from', value: from, placeholder: '如 44', size: 20 })),
    h('label', {}, '到', h('input', { name: 'to', value: to, placeholder: '如 520324', size: 20 })),
    h('button', { type: 'submit' }, '查找关联路径'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams(params);
    next.set('from', form.elements.from.value.trim());
    next.set('to', form.elements.to.value.trim());
    window.location.hash = '#/pairings?' + next;
  });
  const result = h('div', { id: 'connections' });
  fill(card, h('h2', {}, '关联路径'), form, result);
  if (!from || !to) {
    return;
  }
  try {
    const { data } = await gql(CONNECTIONS, { fromId: from, toId: to });
    if (!current()) {
      return;
    }
    const names = (path) => new Map(path.nodes.map((n) => [n.id, n.name || n.id]));
    fill(result, data.connections.length ? data.connections.map((path, i) => h('div', {},
      h('h3', {}, `路径 ${i + 1}：${path.length} 步`),
      h('ol', { class: 'steps' }, path.steps.map((s) => h('li', {}, `${names(path).get(s.from)} → ${names(path).get(s.to)}：${s.zh}`)))))
      : notice('info', `在 6 步之内没有找到 ${from} 与 ${to} 之间的关联。`));
  } catch (e) {
    fill(result, notice('error', describe(e)));
  }
}

function renderRest(card, data, params) {
  const gaps = data.coverageGaps;
  const nextGaps = new URLSearchParams(params);
  nextGaps.set('gapAfter', gaps.pageInfo.endCursor || '');
  fill(card,
    section(`帮扶缺口：共 ${gaps.totalCount} 项`,
      table([
        { title: '缺口', value: (g) => label('CoverageGapRule', g.rule) },
        { title: '对象', value: (g) => `${text(g.subjectName)}（${g.subjectId}）` },
        { title: '说明', value: (g) => g.message }
      ], gaps.edges.map((e) => e.node), { id: 'coverage-gaps' }),
      h('div', { class: 'pager' },
        params.get('gapAfter') ? link('#/pairings?' + withoutKey(params, 'gapAfter'), '‹ 第一页') : null,
        gaps.pageInfo.hasNextPage ? link('#/pairings?' + nextGaps, '下一页 ›') : null)),
    section('西部省份结对帮扶统计',
      table([
        { title: '省份', value: (s) => link('#/dashboard/' + s.placeCode, s.placeName) },
        { title: '东西部协作伙伴', value: (s) => s.eastWestPartnerNames.join('、') || '—' },
        { title: '县级结对', value: (s) => String(s.countyPairs), cls: 'num' },
        { title: '定点帮扶单位', value: (s) => String(s.designatedUnits), cls: 'num' },
        { title: '结对企业', value: (s) => String(s.enterprisesLinked), cls: 'num' },
        { title: '结对村', value: (s) => String(s.villagesLinked), cls: 'num' },
        { title: '投入（元）', value: (s) => money(s.investment), cls: 'num' },
        { title: '干部', value: (s) => String(s.cadres), cls: 'num' },
        { title: '项目', value: (s) => String(s.projects), cls: 'num' }
      ], data.pairingSummary, { id: 'pairing-summary' })));
}

function withoutKey(params, key) {
  const next = new URLSearchParams(params);
  next.delete(key);
  return next;
}
