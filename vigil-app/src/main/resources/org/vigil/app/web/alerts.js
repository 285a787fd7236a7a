'use strict';
/* The alerts vigil watch raised, newest first, each with its quoted sentences and article links. */
const KINDS = ['new-cell', 'balance-shift', 'first-technique', 'new-network', 'network-grew'];

V.page(async () => {
  const form = document.getElementById('filters');
  V.options(form.elements.kind, KINDS.map(k => [k, k.replace(/-/g, ' ')]), V.params().get('kind'));
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    load(0).catch(V.showError);
  });
  await load(0);
});

async function load(offset) {
  const filter = V.formValues(document.getElementById('filters'));
  V.setQuery(filter);
  const page = await V.api('/api/alerts', Object.assign({offset, limit: 50}, filter));
  const box = document.getElementById('alerts');
  if (page.total === 0) {
    V.put(box, V.el('p', {class: 'empty', text: 'No alerts yet: run vigil watch on this store.'}));
    V.put('alerts-pager');
    return;
  }
  V.put(box, V.el('ol', {class: 'alerts'}, page.items.map(alertItem)));
  V.put('alerts-pager', V.pager(page, o => load(o).catch(V.showError)));
}

function alertItem(a) {
  const evidence = a.evidence.map(e => V.el('li', null,
    e.sentence ? V.el('q', {text: e.sentence}) : null,
    e.url ? [' ', V.outLink(e.url, 'article')] : null));
  return V.el('li', {class: 'alert', 'data-kind': a.kind},
    V.el('div', {class: 'alert-head'},
      V.el('span', {class: 'flag alert-kind', text: a.kind.replace(/-/g, ' ')}), ' ',
      V.el('strong', {class: 'alert-summary', text: a.summary}), ' ',
      V.el('time', {datetime: a.raisedAt, text: V.minute(a.raisedAt)})),
    a.networkId ? V.el('div', {class: 'alert-network', text: 'network ' + a.networkId}) : null,
    evidence.length ? V.el('ul', {class: 'alert-evidence'}, evidence) : null);
}
