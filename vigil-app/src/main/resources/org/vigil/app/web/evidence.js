'use strict';
/* One claim (or an article's evidence sentence) shown inside its article, with the article's sources and flags. */
V.page(async () => {
  const p = V.params();
  let articleId = p.get('article');
  let selected = p.get('evidence');
  let claim = null;
  if (p.get('claim')) {
    claim = await V.api('/api/claims/' + encodeURIComponent(p.get('claim')));
    articleId = claim.article.id;
    selected = claim.evidence ? claim.evidence.id : null;
  }
  if (!articleId) {
    throw new Error('say which claim or article to show: /evidence?claim=ID or /evidence?article=ID');
  }
  const article = await V.api('/api/articles/' + encodeURIComponent(articleId));
  if (!claim && selected) {
    claim = article.claims.find(c => c.evidence && c.evidence.id === selected) || null;
  }
  if (claim) {
    showClaim(claim);
  } else if (selected) {
    const incident = article.incidents.find(i => i.evidence && i.evidence.id === selected);
    if (incident) showIncident(incident);
  }
  showArticle(article, selected);
  showSources(article);
  showRelated(article, selected);
});

function showClaim(c) {
  V.put('claim-title', c.holderName + ' ', V.stance(c.stance), ' ',
    c.target === '*' ? 'any candidate' : (c.targetName || c.target));
  V.put('claim-flags', 
    V.el('span', {class: 'flag', text: 'named as: ' + (c.actor || c.holder)}),
    V.flag(c.hedged, 'hedged'), V.flag(c.disputed, 'disputed'),
    c.basis ? V.el('span', {class: 'flag basis', text: 'basis: ' + c.basis}) : null,
    c.hedged || c.disputed ? null : V.el('span', {class: 'flag', text: 'firm, undisputed'}),
    c.cycle ? V.el('span', {class: 'flag cycle', text: c.cycle + ' election'}) : null,
    c.evidence ? V.cite(c.evidence.sentence, V.outlet(c.article.url) || c.article.doc, V.safeUrl(c.article.url), c.article.published) : null);
  document.getElementById('claim-sentence').textContent = c.evidence ? c.evidence.sentence : '(no evidence sentence kept)';
  document.getElementById('claim').hidden = false;
}

function showIncident(i) {
  document.getElementById('claim-title').textContent = `${i.actorName}: ${i.technique.replace(/_/g, ' ')}`;
  V.put('claim-flags', 
    V.el('span', {class: 'flag', text: 'DISARM ' + (i.disarmId || '?')}),
    i.status ? V.el('span', {class: 'flag basis', text: i.status}) : null,
    i.year ? V.el('span', {class: 'flag', text: String(i.year)}) : null,
    i.target ? V.el('span', {class: 'flag', text: 'target: ' + i.target}) : null,
    i.cycle ? V.el('span', {class: 'flag cycle', text: i.cycle + ' election'}) : null);
  document.getElementById('claim-sentence').textContent = i.evidence ? i.evidence.sentence : '';
  document.getElementById('claim').hidden = false;
}

function showArticle(a, selected) {
  document.getElementById('article-title').textContent = a.title || a.doc;
  V.put('article-meta', 
    V.day(a.published) || 'undated', ' · ', a.doc, a.language ? ' · ' + a.language : '', ' · ',
    a.url ? V.outLink(a.url) : 'no URL');
  const spans = new Map();
  for (const x of a.claims.concat(a.incidents)) {
    if (x.evidence && x.evidence.start !== null && x.evidence.end !== null) spans.set(x.evidence.id, x.evidence);
  }
  // marks are built span by span so the selected one can carry its own class
  const box = document.getElementById('article-text');
  const text = a.text;
  const sorted = [...spans.values()].sort((x, y) => x.start - y.start);
  const frag = document.createDocumentFragment();
  let at = 0;
  for (const e of sorted) {
    if (e.start < at || e.end > text.length) continue;
    frag.append(document.createTextNode(text.slice(at, e.start)));
    frag.append(V.el('mark', {class: e.id === selected ? 'evidence current' : 'evidence', 'data-evidence': e.id},
      text.slice(e.start, e.end)));
    at = e.end;
  }
  frag.append(document.createTextNode(text.slice(at)));
  V.put(box, frag);
  const current = box.querySelector('mark.current');
  if (current) {
    box.scrollTop = Math.max(0, current.offsetTop - box.offsetTop - 80);
  }
}

function showSources(a) {
  const n = a.sources.length;
  document.getElementById('sources-note').textContent = n > 1
    ? `The same story was seen at ${n} places; it is stored once and counted once per independent site.`
    : 'Seen at one place.';
  V.put('sources', V.table([
    ['URL', s => s.url ? V.outLink(s.url) : V.el('span', {class: 'empty', text: 'none'}), 'wrap'],
    ['Title', s => s.title || ''],
    ['Published', s => V.day(s.published)],
    ['Read from', s => s.origin || '', 'mono'],
  ], a.sources));
}

const STANCES = {favors: 'favours', opposes: 'opposes', none: 'has no clear preference'};

function showRelated(a, selected) {
  const claims = a.claims.map(c => V.el('li', null,
    V.link('/evidence', {claim: c.id}, `${c.holderName} ${STANCES[c.stance] || c.stance} ${c.target === '*' ? '' : c.target}`),
    V.flag(c.hedged, 'hedged'), V.flag(c.disputed, 'disputed'),
    c.evidence && c.evidence.id === selected ? V.el('span', {class: 'flag', text: 'shown above'}) : null));
  const incidents = a.incidents.map(i => V.el('li', null,
    V.link('/evidence', {article: a.id, evidence: i.evidence ? i.evidence.id : ''},
      `${i.actorName}: ${i.technique.replace(/_/g, ' ')} (${i.disarmId || 'no DISARM id'}, ${i.status || 'status unknown'}, ${i.year || 'year unknown'})`)));
  V.put('related', 
    V.el('h3', {text: `Claims (${claims.length})`}), claims.length ? V.el('ul', null, claims) : V.el('p', {class: 'empty', text: 'none'}),
    V.el('h3', {text: `Incidents (${incidents.length})`}), incidents.length ? V.el('ul', null, incidents) : V.el('p', {class: 'empty', text: 'none'}));
}
