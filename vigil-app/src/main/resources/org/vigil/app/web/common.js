/*
 * Shared helpers for every dashboard page. All text from the store is hostile: it only ever
 * reaches the page through textContent (V.el) or through V.esc for ECharts tooltips, which
 * take HTML. Links to data (source URLs) pass V.safeUrl, which keeps http(s) only.
 */
'use strict';

const V = (() => {
  /** Builds an element. props: class, text, href, title, id, type, name, value, for, colspan, data-*, aria-*, on* (functions). */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    if (props) {
      for (const [k, v] of Object.entries(props)) {
        if (v === null || v === undefined || v === false) continue;
        if (k === 'text') node.textContent = String(v);
        else if (k === 'class') node.className = v;
        else if (k === 'href') node.setAttribute('href', v);
        else if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
        else if (v === true) node.setAttribute(k, '');
        else node.setAttribute(k, String(v));
      }
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  /** The URL if it is absolute http(s), else null: a source URL such as javascript:... never becomes a link. */
  function safeUrl(u) {
    if (typeof u !== 'string' || u.length > 2000) return null;
    try {
      const url = new URL(u);
      return (url.protocol === 'http:' || url.protocol === 'https:') ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  /** An outbound link, or the plain text when the URL is not http(s). */
  function outLink(u, label) {
    const safe = safeUrl(u);
    if (!safe) return el('span', {class: 'unsafe-url', title: 'not an http(s) link', text: label || u || ''});
    return el('a', {href: safe, rel: 'noopener noreferrer nofollow', target: '_blank', text: label || u});
  }

  /** A link inside the dashboard: path plus query parameters, each encoded. */
  function link(path, params, label, cls) {
    return el('a', {href: path + query(params), text: label, class: cls});
  }

  function query(params) {
    if (!params) return '';
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) {
      if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
    }
    const s = q.toString();
    return s ? '?' + s : '';
  }

  /** HTML-escapes text for the one place that takes HTML: ECharts tooltips. */
  function esc(s) {
    return String(s === null || s === undefined ? '' : s)
      .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }

  function params() {
    return new URLSearchParams(window.location.search);
  }

  /** GETs /api/...; on a problem answer, shows its detail and throws. */
  async function api(path, params) {
    const res = await fetch(path + query(params), {headers: {'Accept': 'application/json'}, credentials: 'same-origin'});
    const type = res.headers.get('Content-Type') || '';
    const body = type.includes('json') ? await res.json() : null;
    if (!res.ok) {
      const detail = body && body.detail ? body.detail : res.status + ' ' + res.statusText;
      const err = new Error(detail);
      err.status = res.status;
      err.problem = body;
      throw err;
    }
    return body;
  }

  function showError(e) {
    const box = document.getElementById('error');
    if (box) {
      box.replaceChildren(el('strong', {text: 'Could not load: '}), e && e.message ? e.message : String(e));
      box.hidden = false;
    }
    document.body.dataset.ready = 'error';
  }

  /** Hides the error box again once a later load succeeds. */
  function clearError() {
    const box = document.getElementById('error');
    if (box) box.hidden = true;
    if (document.body.dataset.ready === 'error') document.body.dataset.ready = 'true';
  }

  /** Runs the page's loader, then marks the page ready (the browser tests wait for it). */
  function page(load) {
    document.addEventListener('DOMContentLoaded', async () => {
      try {
        await load();
        document.body.dataset.ready = 'true';
      } catch (e) {
        showError(e);
      }
    });
  }

  /** Text with [start, end) spans wrapped in <mark>, as DOM nodes. */
  function highlighted(text, spans, markClass) {
    const frag = document.createDocumentFragment();
    let at = 0;
    const sorted = (spans || []).slice().sort((a, b) => a[0] - b[0]);
    for (const [start, end] of sorted) {
      if (start < at || end > text.length || end < start) continue;
      frag.append(document.createTextNode(text.slice(at, start)));
      frag.append(el('mark', {class: markClass}, text.slice(start, end)));
      at = end;
    }
    frag.append(document.createTextNode(text.slice(at)));
    return frag;
  }

  function pct(x) {
    return x === null || x === undefined ? '' : Math.round(x * 100) + '%';
  }

  function num(x, digits) {
    if (x === null || x === undefined) return '';
    return digits === undefined ? Number(x).toLocaleString('en') : Number(x).toFixed(digits);
  }

  function day(iso) {
    return iso ? String(iso).slice(0, 10) : '';
  }

  function minute(iso) {
    return iso ? String(iso).slice(0, 16).replace('T', ' ') : '';
  }

  /** Replaces the children of an element (or the element with that id), skipping null, undefined and false. */
  function put(target, ...children) {
    const node = typeof target === 'string' ? document.getElementById(target) : target;
    node.replaceChildren(...children.flat().filter(c => c !== null && c !== undefined && c !== false)
      .map(c => c instanceof Node ? c : document.createTextNode(String(c))));
    return node;
  }

  /** A table from rows: columns are [header, cell(row) -> Node|string, class?]. */
  function table(columns, rows, cls) {
    const head = el('tr', null, columns.map(c => el('th', {class: c[2], scope: 'col', text: c[0]})));
    const body = rows.map(r => el('tr', null, columns.map(c => el('td', {class: c[2]}, c[1](r)))));
    return el('table', {class: cls || 'data'}, el('thead', null, head), el('tbody', null, body));
  }

  /** "1-50 of 230" with previous/next buttons that call onPage(newOffset). */
  function pager(page, onPage) {
    const from = page.total === 0 ? 0 : page.offset + 1;
    const to = Math.min(page.offset + page.items.length, page.total);
    const prev = el('button', {type: 'button', class: 'pager-prev', text: 'Previous', disabled: page.offset === 0,
      onclick: () => onPage(Math.max(0, page.offset - page.limit))});
    const next = el('button', {type: 'button', class: 'pager-next', text: 'Next', disabled: to >= page.total,
      onclick: () => onPage(page.offset + page.limit)});
    return el('div', {class: 'pager'}, prev, el('span', {class: 'pager-range', text: `${from}-${to} of ${num(page.total)}`}), next);
  }

  function flag(on, label, cls) {
    return on ? el('span', {class: 'flag ' + (cls || label), text: label}) : null;
  }

  function stance(s) {
    const labels = {favors: 'favours', opposes: 'opposes', none: 'no clear preference'};
    return el('span', {class: 'stance stance-' + s, text: labels[s] || s});
  }

  /** Fills a <select> with options [value, label]; keeps the first (blank) option. */
  function options(select, items, selected) {
    for (const [value, label] of items) {
      select.append(el('option', {value: value, text: label, selected: value === selected}));
    }
  }

  /** Reads a form's fields into an object, dropping empty values. */
  function formValues(form) {
    const out = {};
    for (const [k, v] of new FormData(form).entries()) {
      if (v !== '') out[k] = v;
    }
    return out;
  }

  /** Replaces the address bar's query without reloading, so a filtered view can be bookmarked. */
  function setQuery(values) {
    history.replaceState(null, '', window.location.pathname + query(values));
  }

  function chart(id) {
    const node = document.getElementById(id);
    const existing = echarts.getInstanceByDom(node);
    if (existing) return existing;
    const c = echarts.init(node, null, {renderer: 'canvas'});
    window.addEventListener('resize', () => c.resize());
    return c;
  }

  /**
   * Says what a chart (or any box) is doing: 'loading', 'empty' or 'error' with a message, or
   * 'ready'. The words go in a status line just above the box, which is dimmed while not ready.
   */
  function status(id, state, message) {
    const node = document.getElementById(id);
    if (!node) return;
    let line = document.getElementById(id + '-status');
    if (!line) {
      line = el('p', {id: id + '-status', class: 'box-status', role: 'status', 'aria-live': 'polite'});
      node.before(line);
    }
    node.dataset.state = state;
    node.setAttribute('aria-busy', state === 'loading' ? 'true' : 'false');
    const words = {loading: 'Loading…', empty: 'Nothing to show for these filters.', error: 'Could not load this chart.'};
    line.textContent = state === 'ready' ? '' : (message || words[state] || '');
    line.className = 'box-status ' + state;
    line.hidden = state === 'ready';
  }

  /** Runs load() for box id, with its loading state, then 'ready', 'empty' (load returned false) or 'error'. */
  async function withStatus(id, load) {
    status(id, 'loading');
    try {
      const shown = await load();
      status(id, shown === false ? 'empty' : 'ready');
    } catch (e) {
      status(id, 'error', 'Could not load: ' + (e && e.message ? e.message : String(e)));
      throw e;
    }
  }

  /** A CSV cell: quoted when needed; text with a leading = + - @ defused so a spreadsheet never runs it (numbers stay numbers). */
  function csvCell(v) {
    let s = v === null || v === undefined ? '' : String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  function save(name, type, text) {
    const url = URL.createObjectURL(new Blob([text], {type}));
    const a = el('a', {href: url, download: name});
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  /**
   * "CSV" and "JSON" buttons that download what a page shows: rows() gives the current rows,
   * columns are [header, row -> value]. The last file built is kept on the box for tests (data-csv).
   */
  function downloads(container, name, columns, rows) {
    const box = typeof container === 'string' ? document.getElementById(container) : container;
    const csv = () => [columns.map(c => csvCell(c[0])).join(',')]
      .concat(rows().map(r => columns.map(c => csvCell(c[1](r))).join(','))).join('\r\n') + '\r\n';
    const json = () => JSON.stringify(rows().map(r => Object.fromEntries(columns.map(c => [c[0], c[1](r)]))), null, 2);
    put(box,
      el('button', {type: 'button', class: 'download csv', text: 'Download CSV', onclick: () => {
        const text = csv();
        box.dataset.csv = text;
        save(name + '.csv', 'text/csv;charset=utf-8', text);
      }}),
      el('button', {type: 'button', class: 'download json', text: 'Download JSON', onclick: () => {
        const text = json();
        box.dataset.json = text;
        save(name + '.json', 'application/json', text);
      }}));
    box.classList.add('downloads');
  }

  /** The citation of a sentence: quoted, then outlet, URL and date. */
  function citation(sentence, outlet, url, date) {
    return `"${sentence}" — ${outlet || 'unknown outlet'}${url ? ', ' + url : ''}${date ? ', ' + day(date) : ''}`;
  }

  /** A "Cite" button that copies citation(...) to the clipboard (the text also lands on the button, data-citation). */
  function cite(sentence, outlet, url, date) {
    const text = citation(sentence, outlet, url, date);
    return el('button', {type: 'button', class: 'cite', title: 'Copy sentence, outlet, URL and date', text: 'Cite',
      onclick: async ev => {
        const b = ev.currentTarget;
        b.dataset.citation = text;
        try {
          await navigator.clipboard.writeText(text);
          b.textContent = 'Copied';
        } catch (e) {
          b.textContent = 'Copy failed: select the text below';
          b.after(el('textarea', {class: 'citation', readonly: true, rows: 3, text}));
        }
      }});
  }

  /** The outlet of a URL: its host without www. */
  function outlet(u) {
    const safe = safeUrl(u);
    return safe ? new URL(safe).hostname.replace(/^www\./, '') : null;
  }

  /** One fixed colour per technique, the same on every page and under every filter. */
  const TECHNIQUE_COLOURS = {
    hack_and_leak: '#d62728', phishing: '#ff7f0e', intrusion: '#8c564b', disinformation: '#1f77b4',
    inauthentic_accounts: '#9467bd', ai_generated_content: '#e377c2', covert_funding: '#bcbd22', state_media: '#17becf',
    threats_violence: '#000000', influence_operation: '#7f7f7f',
  };

  function techniqueColour(t) {
    return TECHNIQUE_COLOURS[t] || '#555555';
  }

  function label(wire) {
    return String(wire || '').replace(/_/g, ' ');
  }

  /** Fills a cycle <select> from /api/cycles (keeps its first "all" option) and selects the given one. */
  async function cycleOptions(select, selected) {
    const data = await api('/api/cycles');
    options(select, data.cycles.filter(c => c.cycle !== null).map(c => [String(c.cycle),
      `${c.cycle} (${num(c.claims)} claims, ${num(c.incidents)} incidents)`]), selected);
  }

  return {el, put, safeUrl, outLink, link, query, esc, params, api, showError, page, highlighted, pct, num, day, minute,
    table, pager, flag, stance, options, formValues, setQuery, chart, status, clearError, withStatus, downloads, csvCell, cite, citation,
    outlet, techniqueColour, TECHNIQUE_COLOURS, label, cycleOptions};
})();
