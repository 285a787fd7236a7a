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
  await Promise.all([
    V.withStatus('graph', async () => {
      const graph = await V.api(base + '/graph', {run: W.run, maxNodes: 300, maxEdges: 3000});
      if (graph.nodes.length === 0) return false;
      drawGraph(graph);
      return true;
    }),
    V.withStatus('activity', async () => {
      const activity = await V.api(base + '/objects', {run: W.run, order: 'time', limit: 40});
      drawActivity(activity.items);
      return activity.items.length > 0;
    }),
    members(0),
  ]);
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

/** Colours of the co-action kinds, fixed so the legend always reads the same. */
const KIND_COLOURS = {'co-tweet': '#e08214', 'co-retweet': '#4d9221', 'co-link': '#1f4e8c', 'co-hashtag': '#b2182b',
  'co-similar-text': '#8073ac'};
const KIND_LABELS = {'co-tweet': 'same text', 'co-retweet': 'same re-share', 'co-link': 'same link', 'co-hashtag': 'same hashtag',
  'co-similar-text': 'similar text'};
/** Past this density a graph shows each account's strongest links only: the rest is a solid blob. */
const DENSE = 0.25;
const LINKS_PER_ACCOUNT = 3;

function kindOf(e) {
  let best = null;
  for (const [k, v] of Object.entries(e.coActions || {})) {
    if (v > 0 && (best === null || v > e.coActions[best])) best = k;
  }
  return best || 'other';
}

/** For a dense graph: the union of each account's few strongest links, so every account keeps its firmest ties. */
function strongest(edges, perNode) {
  const byNode = new Map();
  edges.forEach((e, i) => {
    for (const n of [e.source, e.target]) {
      if (!byNode.has(n)) byNode.set(n, []);
      byNode.get(n).push(i);
    }
  });
  const keep = new Set();
  for (const list of byNode.values()) {
    list.sort((a, b) => edges[b].weight - edges[a].weight);
    list.slice(0, perNode).forEach(i => keep.add(i));
  }
  return edges.filter((e, i) => keep.has(i));
}

function drawGraph(g) {
  const n = g.nodes.length;
  const density = n > 1 ? g.edges.length / (n * (n - 1) / 2) : 0;
  const dense = density > DENSE;
  const edges = dense ? strongest(g.edges, LINKS_PER_ACCOUNT) : g.edges;
  const parts = [];
  if (g.truncated) parts.push(`The ${n} firmest of ${V.num(g.totalNodes)} accounts and the strongest ${V.num(g.edges.length)} of ${V.num(g.totalEdges)} links.`);
  if (dense) {
    parts.push(`A dense group (${V.pct(density)} of all possible links): showing each account's ${LINKS_PER_ACCOUNT} strongest links, ` +
      `${V.num(edges.length)} of ${V.num(g.edges.length)}.`);
  } else {
    parts.push(`${n} accounts, ${V.num(edges.length)} links.`);
  }
  parts.push('Bigger accounts posted more; thicker links co-acted more; hover for details, click an account to open it.');
  document.getElementById('graph-note').textContent = parts.join(' ');
  document.getElementById('graph-note').dataset.dense = String(dense);
  const maxW = Math.max(1, ...edges.map(e => e.weight));
  // size by activity: a planted group's scores are often all 1.00, its members' posts are not
  const minPosts = Math.min(...g.nodes.map(x => x.posts));
  const maxPosts = Math.max(minPosts + 1, ...g.nodes.map(x => x.posts));
  const index = new Map(g.nodes.map((node, i) => [node.accountId, 'n' + i]));
  const elements = g.nodes.map((node, i) => ({data: {id: 'n' + i, account: node.accountId,
    label: node.accountId.length > 18 ? node.accountId.slice(0, 17) + '…' : node.accountId,
    score: node.score, posts: node.posts, partners: node.partners}}));
  const kinds = new Set();
  for (const e of edges) {
    if (!index.has(e.source) || !index.has(e.target)) continue;
    const kind = kindOf(e);
    kinds.add(kind);
    elements.push({data: {source: index.get(e.source), target: index.get(e.target), w: e.weight / maxW, weight: e.weight,
      kind, colour: KIND_COLOURS[kind] || '#9aa7b8', coActions: e.coActions}});
  }
  const layout = {name: 'cose', animate: false, randomize: true, nodeRepulsion: () => 12000, idealEdgeLength: () => 80,
    edgeElasticity: e => 40 + 60 * (1 - e.data('w')), gravity: 0.4, numIter: 1500, nodeDimensionsIncludeLabels: true, fit: true,
    padding: 20};
  const cy = cytoscape({
    container: document.getElementById('graph'),
    elements,
    style: [
      {selector: 'node', style: {'label': n <= 60 ? 'data(label)' : '', 'font-size': 11, 'min-zoomed-font-size': 7,
        'width': `mapData(posts, ${minPosts}, ${maxPosts}, 10, 34)`, 'height': `mapData(posts, ${minPosts}, ${maxPosts}, 10, 34)`, 'background-color': '#1f4e8c',
        'color': '#1d2330', 'text-valign': 'bottom', 'text-margin-y': 3, 'text-background-color': '#ffffff',
        'text-background-opacity': 0.75, 'text-background-padding': 1}},
      {selector: 'edge', style: {'width': 'mapData(w, 0, 1, 0.6, 6)', 'line-color': 'data(colour)', 'opacity': 0.55,
        'curve-style': 'haystack'}},
      {selector: '.hover', style: {'background-color': '#b2182b', 'label': 'data(label)', 'z-index': 10}},
      {selector: 'edge.hover', style: {'opacity': 1, 'line-color': '#1d2330'}},
      {selector: '.faded', style: {'opacity': 0.12}},
    ],
    layout,
    wheelSensitivity: 0.3,
  });
  const tip = document.getElementById('graph-tip');
  const show = (ev, html) => {
    V.put(tip, ...html);
    tip.hidden = false;
    const box = document.getElementById('graph').getBoundingClientRect();
    // a real pointer gives its position; an emitted event (keyboard, tests) falls back to the element's own
    const at = ev.renderedPosition || (ev.target.isNode() ? ev.target.renderedPosition() : ev.target.renderedMidpoint());
    tip.style.left = Math.max(0, Math.min(at.x + 12, box.width - 220)) + 'px';
    tip.style.top = (at.y + 12) + 'px';
  };
  cy.on('mouseover', 'node', ev => {
    const d = ev.target.data();
    const hood = ev.target.closedNeighborhood();
    cy.elements().not(hood).addClass('faded');
    hood.addClass('hover');
    show(ev, [V.el('b', {class: 'mono', text: d.account}), V.el('br'), `score ${V.num(d.score, 2)} · ${V.num(d.posts)} posts · ` +
      `${V.num(d.partners)} partners · ${ev.target.degree()} links shown`]);
  });
  cy.on('mouseover', 'edge', ev => {
    const d = ev.target.data();
    ev.target.addClass('hover');
    const acts = Object.entries(d.coActions || {}).filter(([, v]) => v > 0).map(([k, v]) => `${KIND_LABELS[k] || k} ${v}`).join(', ');
    show(ev, [V.el('b', {text: `${cy.getElementById(d.source).data('account')} — ${cy.getElementById(d.target).data('account')}`}),
      V.el('br'), `weight ${V.num(d.weight, 2)} · ${acts || 'no co-actions kept'}`]);
  });
  cy.on('mouseout', 'node, edge', () => {
    cy.elements().removeClass('faded hover');
    tip.hidden = true;
  });
  cy.on('tap', 'node', ev => {
    window.location.href = '/account' + V.query({id: ev.target.data('account'), run: W.run});
  });
  document.getElementById('graph-fit').onclick = () => cy.fit(undefined, 20);
  document.getElementById('graph-reset').onclick = () => cy.layout(layout).run();
  V.put('graph-legend',
    V.el('span', {class: 'legend-item'}, V.el('span', {class: 'legend-node small'}), V.el('span', {class: 'legend-node big'}), 'account: size = posts'),
    [...kinds].sort().map(k => V.el('span', {class: 'legend-item', 'data-kind': k}, V.el('span', {class: 'legend-edge k-' + k}),
      (KIND_LABELS[k] || k) + ' (link colour by strongest co-action)')),
    V.el('span', {class: 'legend-item'}, V.el('span', {class: 'legend-edge thin'}), V.el('span', {class: 'legend-edge thick'}), 'thicker = more co-actions'));
  const box = document.getElementById('graph');
  box.dataset.nodes = String(cy.nodes().length);
  box.dataset.edges = String(cy.edges().length);
  window.vigilGraph = cy; // for the browser tests and the curious
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
