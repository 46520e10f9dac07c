// The console: a hash-routed page per view, each a plain client of /graphql.
import { renderAuth } from './auth.js';
import { disposeCharts } from './charts.js';
import { h, fill, notice } from './dom.js';
import { describe, loadLabels } from './labels.js';
import * as dashboard from './pages/dashboard.js';
import * as assets from './pages/assets.js';
import * as asset from './pages/asset.js';
import * as findings from './pages/findings.js';
import * as pairings from './pages/pairings.js';

const routes = { dashboard, assets, asset, findings, pairings };

const main = document.getElementById('main');
const auth = document.getElementById('auth');
let generation = 0;

/** '#/asset/ZC-1?asOf=2023-01-01' -> { page: 'asset', path: ['ZC-1'], params: URLSearchParams } */
function parse(hash) {
  const [path, query] = (hash.replace(/^#\/?/, '') || 'dashboard').split('?');
  const parts = path.split('/').map(decodeURIComponent);
  return { page: parts[0], path: parts.slice(1), params: new URLSearchParams(query || '') };
}

async function show() {
  const mine = ++generation;
  const route = parse(window.location.hash);
  const page = routes[route.page] || dashboard;
  document.querySelectorAll('nav a[data-nav]').forEach((a) => a.classList.toggle('active',
    a.dataset.nav === route.page || (route.page === 'asset' && a.dataset.nav === 'assets')));
  disposeCharts();
  delete main.dataset.ready;
  performance.clearMarks('fupin:ready');
  const view = h('div', { class: 'view', dataset: { page: route.page } });
  fill(main, view);
  try {
    await loadLabels();
    await page.render(view, route, () => mine === generation);
  } catch (e) {
    if (mine !== generation) {
      return;
    }
    fill(view, notice('error', describe(e)));
  }
  if (mine === generation) {
    main.dataset.ready = 'true';
    performance.mark('fupin:ready');
  }
}

function refreshAuth() {
  renderAuth(auth, () => {
    refreshAuth();
    show();
  });
}

window.addEventListener('hashchange', show);
window.addEventListener('fupin:signed-out', refreshAuth);
loadLabels().then(refreshAuth, refreshAuth);
show();
