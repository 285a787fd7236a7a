'use strict';
/* Overview: per foreign state, its claimed preference from the news beside the networks amplifying its state media. */
V.page(async () => {
  const run = V.params().get('run');
  const [meta, ov] = await Promise.all([V.api('/api/meta'), V.api('/api/overview', {run})]);
  const n = meta.news;
  V.put('stats', 
    V.el('span', null, V.el('b', {text: V.num(n.articles)}), ' articles'),
    V.el('span', null, V.el('b', {text: V.num(n.claims)}), ' claims'),
    V.el('span', null, V.el('b', {text: V.num(n.incidents)}), ' incidents'),
    V.el('span', null, 'published ', V.el('b', {text: (V.day(n.firstPublished) || '?') + ' to ' + (V.day(n.lastPublished) || '?')})),
    V.el('span', null, 'coordination run ', V.el('b', {text: ov.run || 'none stored'})));

  const states = ov.states;
  if (states.length === 0) {
    V.put('states', V.el('p', {class: 'empty', text: 'The store holds no claims, incidents or networks yet.'}));
    document.getElementById('states-chart').hidden = true;
    return;
  }
  await V.withStatus('states-chart', async () => drawChart(states));
  V.put('states', V.table([
    ['State', s => V.el('span', null, V.el('b', {text: s.name}), ' ', V.el('span', {class: 'meta', text: s.code}))],
    ['Claimed preference (news)', s => preference(s)],
    ['Favours / opposes per candidate', s => cells(s)],
    ['Incidents', s => s.news.incidents ? V.link('/incidents', {actor: s.code}, V.num(s.news.incidents)) : '0', 'num'],
    ['Networks amplifying its state media', s => networks(s)],
  ], states, 'data overview'));
});

function preference(s) {
  const parts = [];
  if (s.news.preference) {
    parts.push(V.el('div', null, V.el('span', {class: 'stance stance-favors', text: 'favours ' + (s.news.preferenceName || s.news.preference)}),
      ' ', V.el('span', {class: 'meta', text: '(balance +' + s.news.preferenceBalance + ')'})));
  }
  if (s.news.opposes) {
    parts.push(V.el('div', null, V.el('span', {class: 'stance stance-opposes', text: 'against ' + (s.news.opposesName || s.news.opposes)})));
  }
  if (parts.length === 0) {
    parts.push(V.el('span', {class: 'empty', text: s.news.claims ? 'no clear preference' : 'no claims in the news'}));
  }
  return V.el('div', null, parts);
}

function cells(s) {
  // a no-preference cell has neither favours nor opposes: it shows how many articles say so
  return V.el('div', null, s.news.cells.map(c => V.link('/matrix', {cellHolder: s.code, cellTarget: c.target},
    c.target === '*' ? `no preference ${c.none}` : `${c.targetName || c.target} ${c.favors}/${c.opposes}`, 'tag')));
}

function networks(s) {
  if (s.networks.total === 0) return V.el('span', {class: 'empty', text: 'none found'});
  const items = s.networks.items.slice(0, 5).map(net => V.el('li', null,
    V.link('/network', {id: net.id, run: net.run}, 'network ' + net.id),
    ` · ${net.size} accounts · ${V.pct(net.stateMediaShare)} state media (${net.stateOutlets.join(', ')})`,
    net.leans.length ? ' · ' + net.leans.slice(0, 2).map(l => (l.lean === 'push' ? 'pushes ' : 'attacks ') + l.candidate).join(', ') : ''));
  const more = s.networks.total > 5 ? V.el('li', null, V.link('/networks', {country: s.code, sort: 'state-media'},
    `all ${s.networks.total} networks`)) : null;
  return V.el('ul', {class: 'plain'}, items, more);
}

function drawChart(states) {
  const names = states.map(s => s.name);
  const chart = V.chart('states-chart');
  chart.setOption({
    tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'},
      formatter: ps => ps.map(p => V.esc(p.seriesName) + ': ' + V.esc(p.value)).join('<br>') + '<br>' + V.esc(ps[0].name)},
    legend: {data: ['claims in the news', 'incidents', 'amplifying networks']},
    grid: {left: 140, right: 30, top: 40, bottom: 30},
    xAxis: {type: 'value'},
    yAxis: {type: 'category', data: names, inverse: true},
    series: [
      {name: 'claims in the news', type: 'bar', data: states.map(s => s.news.claims), itemStyle: {color: '#b2182b'}},
      {name: 'incidents', type: 'bar', data: states.map(s => s.news.incidents), itemStyle: {color: '#e08214'}},
      {name: 'amplifying networks', type: 'bar', data: states.map(s => s.networks.total), itemStyle: {color: '#2166ac'}},
    ],
  });
}
