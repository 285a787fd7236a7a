'use strict';
/* One network: its graph (Cytoscape), when it shared what (ECharts), its shared objects and its members. */
const W = {id: null, run: null};

V.page(async () => {
  const p = V.params();
  W.id = p.get('id');
  W.run = p.get('run');
  if (!W.id) throw new Error('say which network to show: /network?id=N');
  const base = '/api/networks/' + encodeURIComponent(W.id);
  const net = await V.api(base, {run: W.run});
  W.run = net.run;
  document.getElementById('crumb').textContent = 'network ' + net.id;
  document.getElementById('title').textContent = `Network ${net.id}: ${net.size} accounts`;
  const kinds = Object.entries(net.coActions).filter(([, v]) => v > 0).map(([k, v]) => `${k} ${V.num(v)}`).join(', ');
  V.put('summary', 
    V.el('span', null, 'score ', V.el('b', {text: V.num(net.score, 2)})),
    V.el('span', null, 'density ', V.el('b', {text: V.num(net.density, 2)})),
    V.el('span', null, 'active ', V.el('b', {text: `${V.minute(net.firstActive)} to ${V.minute(net.lastActive)}`})),
    V.el('span', null, V.el('b', {text: V.num(net.posts)}), ' posts'),
    V.el('span', null, 'state media ', V.el('b', {text: V.pct(net.stateMediaShare)}),
      net.outlets.length ? ` (${net.outlets.join(', ')})` : ''),
    V.el('span', null, 'co-actions: ', kinds || 'none'),
    V.el('span', null, 'run ', V.el('b', {text: net.run})));
  V.put('leans', ...(net.leans.length ? net.leans.map(l => V.el('span', {class: 'tag ' + l.lean,
    text: `${l.lean === 'push' ? 'pushes' : 'attacks'} ${l.candidate}: ${l.posts} posts (${V.pct(l.share)}), cues ${l.cues.join(' ')}`}))
    : [V.el('span', {class: 'empty', text: 'no candidate lean found'})]));
  showObjects(net.objects);
  const [graph, activity] = await Promise.all([
    V.api(base + '/graph', {run: W.run, maxNodes: 300, maxEdges: 3000}),
    V.api(base + '/objects', {run: W.run, order: 'time', limit: 40}),
    members(0),
  ]);
  drawGraph(graph);
  drawActivity(activity.items);
});

function objectLabel(o) {
  return o.kind === 'hashtag' ? '#' + o.value : o.value;
}

function showObjects(objects) {
  const box = document.getElementById('objects');
  const parts = [];
  const titles = {link: 'Links', domain: 'Domains', hashtag: 'Hashtags', text: 'Texts', reshared_post: 'Re-shared posts'};
  for (const [kind, items] of Object.entries(objects)) {
    if (!items.length) continue;
    parts.push(V.el('h3', {text: titles[kind] || kind}), V.table([
      ['#', o => String(o.rank), 'num'],
      [kind === 'link' ? 'URL' : 'Value', o => kind === 'link' ? V.outLink(o.value) : V.el('span', {class: 'wrap', text: objectLabel(o)}), 'wrap'],
      ['Accounts', o => V.num(o.accounts), 'num'],
      ['Shares', o => V.num(o.shares), 'num'],
      ['First', o => V.minute(o.firstSeen)],
      ['Last', o => V.minute(o.lastSeen)],
      ['Detail', o => o.detail || '', 'wrap'],
    ], items));
  }
  V.put(box, ...(parts.length ? parts : [V.el('p', {class: 'empty', text: 'No shared objects were kept for this network.'})]));
}

async function members(offset) {
  const page = await V.api('/api/networks/' + encodeURIComponent(W.id) + '/members', {run: W.run, offset, limit: 100});
  V.put('members', V.table([
    ['Account', a => V.link('/account', {id: a.accountId, run: W.run}, a.accountId, 'mono')],
    ['Score', a => V.num(a.score, 2), 'num'],
    ['Posts', a => V.num(a.posts), 'num'],
    ['Partners', a => V.num(a.partners), 'num'],
  ], page.items));
  V.put('members-pager', V.pager(page, o => members(o).catch(V.showError)));
  return page;
}

function drawGraph(g) {
  document.getElementById('graph-note').textContent = g.truncated
    ? `Showing the ${g.nodes.length} firmest of ${g.totalNodes} accounts and ${g.edges.length} of ${g.totalEdges} links. Click an account to open it.`
    : `${g.nodes.length} accounts, ${g.edges.length} links; thicker links are more significant. Click an account to open it.`;
  const maxW = Math.max(1, ...g.edges.map(e => e.weight));
  const n = g.nodes.length;
  const density = n > 1 ? g.edges.length / (n * (n - 1) / 2) : 0;
  // a near-clique is a blob under a force layout; a circle shows it as what it is
  const layout = density > 0.3 ? {name: 'circle', animate: false}
    : n > 150 ? {name: 'concentric', animate: false, minNodeSpacing: 6}
      : {name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 8000, idealEdgeLength: () => 60};
  const elements = g.nodes.map(n => ({data: {id: 'n' + g.nodes.indexOf(n), account: n.accountId, label: n.accountId, score: n.score}}));
  const index = new Map(g.nodes.map((n, i) => [n.accountId, 'n' + i]));
  for (const e of g.edges) {
    if (!index.has(e.source) || !index.has(e.target)) continue;
    elements.push({data: {source: index.get(e.source), target: index.get(e.target), w: e.weight / maxW}});
  }
  const cy = cytoscape({
    container: document.getElementById('graph'),
    elements,
    style: [
      {selector: 'node', style: {'label': n <= 80 ? 'data(label)' : '', 'font-size': 7, 'width': 'mapData(score, 0, 1, 6, 14)',
        'height': 'mapData(score, 0, 1, 6, 14)', 'background-color': '#1f4e8c', 'color': '#333', 'text-valign': 'bottom',
        'text-max-width': 120, 'text-wrap': 'ellipsis'}},
      {selector: 'edge', style: {'width': 'mapData(w, 0, 1, 0.3, 3)', 'line-color': '#9aa7b8', 'opacity': density > 0.3 ? 0.25 : 0.6}},
      {selector: 'node:selected', style: {'background-color': '#b2182b'}},
    ],
    layout,
    wheelSensitivity: 0.3,
  });
  cy.on('tap', 'node', ev => {
    window.location.href = '/account' + V.query({id: ev.target.data('account'), run: W.run});
  });
  document.getElementById('graph').dataset.nodes = String(cy.nodes().length);
  document.getElementById('graph').dataset.edges = String(cy.edges().length);
}

function drawActivity(objects) {
  const box = document.getElementById('activity');
  if (!objects.length) {
    box.hidden = true;
    return;
  }
  const labels = objects.map(o => {
    const s = objectLabel(o);
    return s.length > 32 ? s.slice(0, 31) + '…' : s;
  });
  box.style.height = (90 + 18 * objects.length) + 'px'; // CSSOM, which the CSP allows (unlike style attributes)
  const colors = {link: '#1f4e8c', domain: '#6a8cc0', hashtag: '#b2182b', text: '#e08214', reshared_post: '#4d9221'};
  const chart = V.chart('activity');
  chart.setOption({
    tooltip: {formatter: p => {
      const o = objects[p.data.value[0]];
      return `${V.esc(o.kind)}: ${V.esc(objectLabel(o))}<br>${V.esc(o.accounts)} accounts, ${V.esc(o.shares)} shares<br>` +
        `${V.esc(V.minute(o.firstSeen))} to ${V.esc(V.minute(o.lastSeen))}`;
    }},
    grid: {left: 220, right: 30, top: 10, bottom: 40},
    xAxis: {type: 'time', axisLabel: {formatter: '{MM}-{dd} {HH}:{mm}', hideOverlap: true}},
    yAxis: {type: 'category', data: labels, inverse: true, axisLabel: {fontSize: 10}},
    series: [{
      type: 'custom',
      encode: {x: [1, 2], y: 0},
      data: objects.map((o, i) => ({value: [i, Date.parse(o.firstSeen), Date.parse(o.lastSeen)],
        itemStyle: {color: colors[o.kind] || '#555'}})),
      renderItem: (params, api) => {
        const y = api.value(0);
        const start = api.coord([api.value(1), y]);
        const end = api.coord([api.value(2), y]);
        const h = api.size([0, 1])[1] * 0.6;
        return {type: 'rect', shape: {x: start[0], y: start[1] - h / 2, width: Math.max(end[0] - start[0], 3), height: h},
          style: api.style()};
      },
    }],
  });
}
