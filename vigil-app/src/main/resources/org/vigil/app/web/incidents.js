'use strict';
/* Incident timeline (year x actor, one series per technique) and the table with DISARM ids, both filtered alike. */
const I = {filter: {}};

V.page(async () => {
  const p = V.params();
  const summary = await V.api('/api/incidents/summary');
  const form = document.getElementById('filters');
  V.options(form.elements.actor, summary.facets.actors.map(f => [f.value, `${f.name} (${f.count})`]), p.get('actor'));
  V.options(form.elements.technique, summary.facets.techniques.map(f => [f.value, `${f.value.replace(/_/g, ' ')} (${f.count})`]),
    p.get('technique'));
  V.options(form.elements.status, summary.facets.statuses.map(f => [f.value, `${f.value} (${f.count})`]), p.get('status'));
  form.elements.yearFrom.value = p.get('yearFrom') || '';
  form.elements.yearTo.value = p.get('yearTo') || '';
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    load(0).catch(V.showError);
  });
  await load(0);
});

async function load(offset) {
  I.filter = V.formValues(document.getElementById('filters'));
  V.setQuery(I.filter);
  const [summary, page] = await Promise.all([
    V.api('/api/incidents/summary', I.filter),
    V.api('/api/incidents', Object.assign({offset, limit: 50}, I.filter)),
  ]);
  drawTimeline(summary.counts);
  drawTable(page);
}

function drawTimeline(counts) {
  const years = [...new Set(counts.map(c => c.year === null ? 'unknown' : String(c.year)))];
  const actors = [...new Set(counts.map(c => c.actor))].sort();
  const techniques = [...new Set(counts.map(c => c.technique))].sort();
  const chart = V.chart('timeline');
  chart.clear();
  chart.setOption({
    tooltip: {formatter: p => `${V.esc(p.data.actor)} · ${V.esc(p.data.year)}<br>${V.esc(p.seriesName)}: ${V.esc(p.data.value[2])}`},
    legend: {type: 'scroll', top: 0, data: techniques.map(t => t.replace(/_/g, ' '))},
    grid: {left: 60, right: 30, top: 50, bottom: 40},
    xAxis: {type: 'category', data: years, name: 'year', boundaryGap: true},
    yAxis: {type: 'category', data: actors, name: 'actor'},
    series: techniques.map((t, k) => ({
      name: t.replace(/_/g, ' '), type: 'scatter',
      data: counts.filter(c => c.technique === t).map(c => ({
        value: [years.indexOf(c.year === null ? 'unknown' : String(c.year)), actors.indexOf(c.actor), c.count],
        actor: c.actor, year: c.year === null ? 'unknown' : c.year})),
      symbolSize: v => 10 + 6 * Math.sqrt(v[2]),
      // techniques sharing a cell are nudged apart so each stays visible
      symbolOffset: [(k % 5 - 2) * 6, 0],
    })),
  });
}

function drawTable(page) {
  const box = document.getElementById('incidents');
  if (page.total === 0) {
    V.put(box, V.el('p', {class: 'empty', text: 'No incidents pass these filters.'}));
  } else {
    V.put(box, V.table([
      ['Year', i => i.year === null ? '?' : String(i.year), 'num nowrap'],
      ['Reported', i => V.day(i.published), 'nowrap'],
      ['Actor', i => i.actorName],
      ['Technique', i => i.technique.replace(/_/g, ' ')],
      ['DISARM', i => V.el('span', {class: 'mono', text: i.disarmId || ''}), 'nowrap'],
      ['Target', i => i.target || ''],
      ['Status', i => i.status || ''],
      ['Evidence', i => i.evidence
        ? V.el('div', null, V.el('div', {class: 'snippet', text: i.evidence.sentence}),
          V.link('/evidence', {article: i.article.id, evidence: i.evidence.id}, 'in context'))
        : V.el('span', {class: 'empty', text: 'none kept'}), 'wrap'],
    ], page.items));
  }
  V.put('incidents-pager', V.pager(page, o => load(o).catch(V.showError)));
}
