'use strict';
/*
 * Exports of what the page shows (links to /api/export/...), and on the overview the curated
 * intelligence imported with 'vigil import stix'. Self-contained: a page opts in with an element
 * id="exports" (data-tables: the tables it shows) and, for the intelligence, id="curated".
 */
(() => {
  const box = document.getElementById('exports');
  const p = V.params();
  if (box) {
    const asked = p.get('actor') || p.get('holder') || p.get('country') || '';
    const actor = /^[A-Za-z]{2}$/.test(asked) ? asked.toUpperCase() : null;
    const links = [V.link('/api/export/stix', {actor}, actor ? `STIX 2.1 bundle (${actor})` : 'STIX 2.1 bundle')];
    for (const t of (box.dataset.tables || '').split(' ').filter(Boolean)) {
      links.push(V.link('/api/export/table', {table: t, format: 'csv'}, t + '.csv'));
      links.push(V.link('/api/export/table', {table: t, format: 'parquet'}, t + '.parquet'));
    }
    const run = p.get('run');
    if (box.dataset.gexf !== undefined) {
      links.push(V.link('/api/export/gexf', {run: run || null}, run ? 'GEXF of run ' + run : 'GEXF of the newest run'));
    }
    box.append(V.el('span', {class: 'meta', text: 'Export: '}));
    links.forEach((l, i) => box.append(...(i ? [' · ', l] : [l])));
  }
  const curated = document.getElementById('curated');
  if (curated) {
    V.api('/api/intel', {limit: 20}).then(r => {
      if (r.items.length === 0) {
        V.put('curated', V.el('p', {class: 'empty',
          text: 'No curated intelligence yet: import a STIX 2.1 bundle with vigil import stix FILE.'}));
        return;
      }
      V.put('curated', V.table([
        ['Type', i => i.type],
        ['Name', i => V.el('b', {text: i.name || i.id})],
        ['Published by', i => i.producer || ''],
        ['Ids', i => i.externalIds || ''],
        ['Modified', i => V.day(i.modified) || ''],
        ['From file', i => V.el('span', {class: 'meta', text: i.source})],
      ], r.items, 'data curated'));
    }).catch(V.showError);
  }
})();
