'use strict';
/* Full-text search: each hit's best passage and matching evidence sentences, with the matches marked. */
V.page(async () => {
  const q = V.params().get('q') || '';
  const form = document.getElementById('search-form');
  form.elements.q.value = q;
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    search(form.elements.q.value, 0).catch(V.showError);
  });
  if (q) {
    await search(q, 0);
  } else {
    document.getElementById('search-summary').textContent = 'Words are all required; use "quotes" for a phrase and -word to exclude.';
  }
});

async function search(q, offset) {
  V.setQuery({q});
  if (!q.trim()) return;
  const res = await V.api('/api/search', {q, offset, limit: 20});
  V.put('search-summary', 
    V.el('span', null, V.el('b', {text: V.num(res.total)}), ` article${res.total === 1 ? '' : 's'} match `, V.el('q', {text: res.query})));
  V.put('results', ...res.items.map(hit => V.el('li', {class: 'hit'},
    V.el('div', null, V.link('/evidence', {article: hit.articleId}, hit.title || hit.doc, 'hit-title'), ' ',
      V.el('span', {class: 'meta', text: `${V.day(hit.published) || 'undated'} · ${hit.doc}`})),
    hit.snippet ? V.el('p', {class: 'snippet'}, V.highlighted(hit.snippet.text, hit.snippet.highlights)) : null,
    hit.evidence.length ? V.el('ul', {class: 'evidence-hits'}, hit.evidence.map(e => V.el('li', null,
      V.highlighted(e.snippet.text, e.snippet.highlights), ' ',
      V.link('/evidence', {article: hit.articleId, evidence: e.id}, 'evidence')))) : null)));
  V.put('results-pager', V.pager(
    {total: res.total, offset: res.offset, limit: res.limit, items: res.items}, o => search(q, o).catch(V.showError)));
}
