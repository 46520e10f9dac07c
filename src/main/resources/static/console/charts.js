// Apache ECharts (the WebJar, loaded by index.html as window.echarts). Labels and tooltips are
// drawn as canvas text (tooltip renderMode 'richText'), so no text from the data is ever parsed
// as HTML. Amounts are converted to numbers for bar lengths only; every amount shown as text is
// the API's own string.
import { h } from './dom.js';

const charts = new Set();

window.addEventListener('resize', () => charts.forEach((c) => c.resize()));

/** Disposes of the charts of the page being left. */
export function disposeCharts() {
  charts.forEach((c) => c.dispose());
  charts.clear();
}

/** A div with a chart in it; options get the console's common settings. */
export function chart(option, attrs) {
  const el = h('div', Object.assign({ class: 'chart' }, attrs || {}));
  // The element must be in the document to have a size: draw once it is.
  requestAnimationFrame(() => draw(el, option));
  return el;
}

function draw(el, option) {
  if (!el.isConnected) {
    return;
  }
  const instance = window.echarts.init(el, null, { renderer: 'canvas' });
  charts.add(instance);
  instance.setOption(Object.assign({
    animation: false,
    textStyle: { fontFamily: 'Noto Sans CJK SC, sans-serif' },
    tooltip: { trigger: 'item', renderMode: 'richText', confine: true }
  }, option));
  el.dataset.rendered = 'true';
  if (option.onClick) {
    instance.on('click', option.onClick);
  }
}

/** Resolves once every chart inside el has drawn. */
export function whenDrawn(el) {
  return new Promise((resolve) => {
    const check = () => {
      const pending = el.querySelectorAll('.chart:not([data-rendered])');
      if (pending.length === 0) {
        resolve();
      } else {
        requestAnimationFrame(check);
      }
    };
    check();
  });
}

/**
 * A bar chart of dashboard items ({ key, label, count, value }): counts, or amounts when
 * measure is 'value'. onPick(item) is called when a bar is clicked.
 */
export function itemsBar(items, measure, onPick, horizontal) {
  const names = items.map((i) => i.label);
  const data = items.map((i) => ({ value: measure === 'value' ? Number(i.value) : i.count, item: i }));
  const category = { type: 'category', data: names, axisLabel: { interval: 0, rotate: horizontal ? 0 : 30, width: 120, overflow: 'truncate' } };
  const number = { type: 'value' };
  return chart({
    grid: { left: 10, right: 20, top: 20, bottom: 10, containLabel: true },
    xAxis: horizontal ? number : category,
    yAxis: horizontal ? Object.assign({}, category, { inverse: true }) : number,
    tooltip: {
      trigger: 'item', renderMode: 'richText', confine: true,
      formatter: (p) => `${p.data.item.label}\n数量 ${p.data.item.count}\n金额 ${p.data.item.value} 元`
    },
    series: [{ type: 'bar', data, itemStyle: { color: measure === 'value' ? '#c23531' : '#2f4554' } }],
    onClick: onPick ? (p) => onPick(p.data.item) : null
  }, { class: horizontal ? 'chart tall' : 'chart' });
}

/** A pie of dashboard items by count. */
export function itemsPie(items, onPick) {
  return chart({
    tooltip: {
      trigger: 'item', renderMode: 'richText', confine: true,
      formatter: (p) => `${p.data.item.label}\n数量 ${p.data.item.count}（${p.percent}%）\n金额 ${p.data.item.value} 元`
    },
    series: [{
      type: 'pie', radius: ['35%', '65%'],
      data: items.filter((i) => i.count > 0).map((i) => ({ name: i.label, value: i.count, item: i })),
      label: { formatter: '{b}\n{c}' }
    }],
    onClick: onPick ? (p) => onPick(p.data.item) : null
  });
}
