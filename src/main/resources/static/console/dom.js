// Building the page: elements are made with createElement and text with textContent, never
// from HTML strings, so no text from the data can become markup or script.

/**
 * h('a', { href: '#/x', class: 'link', onclick: fn, dataset: { field: 'n' } }, 'text', child ...)
 * Strings, numbers and booleans become text nodes; null and undefined are skipped; arrays are flattened.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value == null || value === false) {
      continue;
    }
    if (key === 'class') {
      el.className = value;
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.substring(2), value);
    } else if (key in el && typeof value !== 'string') {
      el[key] = value;
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child == null || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(el, child);
    } else if (child instanceof Node) {
      el.appendChild(child);
    } else {
      el.appendChild(document.createTextNode(String(child)));
    }
  }
}

/** Replaces everything inside el. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/**
 * A table: columns are { title, value: row => text or node, cls }.
 */
export function table(columns, rows, attrs) {
  return h('table', attrs || {},
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { class: c.cls }, c.title)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, columns.map((c) => h('td', { class: c.cls }, c.value(row)))))));
}

/** A message box: kind is 'info', 'warn' or 'error'. */
export function notice(kind, ...text) {
  return h('p', { class: 'notice ' + kind, role: kind === 'error' ? 'alert' : 'status' }, ...text);
}

/** Money exactly as the API serialised it (no arithmetic, no rounding). */
export function money(value) {
  return value == null ? '—' : String(value);
}

export function text(value) {
  return value == null || value === '' ? '—' : String(value);
}

export function link(href, label, attrs) {
  return h('a', Object.assign({ href }, attrs || {}), label);
}

/**
 * Submitting a filter form goes to route with its non-blank fields as the query, so a
 * search is a link that can be kept and shared.
 */
export function submitsTo(form, route) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of new FormData(form)) {
      if (String(v).trim()) {
        next.set(k, String(v).trim());
      }
    }
    window.location.hash = route + '?' + next;
  });
}

/** A section with a heading. */
export function section(title, ...children) {
  return h('section', { class: 'card' }, h('h2', {}, title), ...children);
}
