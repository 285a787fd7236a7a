'use strict';
/*
 * Interference events on a real date axis (x: first report, y: actor, colour: technique, fixed per
 * technique), the event behind a dot with its sentences and sources, and the events as a table.
 */
const I = {filter: {}, events: [], page: []};

V.page(async () => {
  const p = V.params();
  const form = document.getElementById('filters');
  const [summary] = await Promise.all([V.api('/api/incidents/summary'), V.cycleOptions(form.elements.cycle, p.get('cycle'))]);
  V.options(form.elements.actor, summary.facets.actors.map(f => [f.value, `${f.name} (${f.count})`]), p.get('actor'));
  V.options(form.elements.technique, summary.facets.techniques.map(f => [f.value, `${V.label(f.value)} (${f.count})`]),
    p.get('technique'));
  V.options(form.elements.target, summary.facets.targets.map(f => [f.value, `${V.label(f.value)} (${f.count})`]), p.get('target'));
  V.options(form.elements.status, summary.facets.statuses.map(f => [f.value, `${f.value} (${f.count})`]), p.get('status'));
  for (const k of ['disarm', 'yearFrom', 'yearTo']) form.elements[k].value = p.get(k) || '';
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    load(0).catch(V.showError);
  });
  form.elements.cycle.addEventListener('change', () => load(0).catch(V.showError));
  V.downloads('events-downloads', 'vigil-events', [
    ['event', e => e.id], ['first_reported', e => e.first], ['last_reported', e => e.last], ['cycle', e => e.cycle],
    ['actor', e => e.actorName], ['actor_code', e => e.actor], ['technique', e => e.technique],
    ['disarm', e => e.reports[0].disarmId], ['target', e => e.target], ['status', e => e.status],
    ['reports', e => e.reports.length], ['sources', e => e.sources.map(s => s.url || s.domain).join(' ')],
    ['sentence', e => e.reports[0].evidence ? e.reports[0].evidence.sentence : ''],
  ], () => I.page);
  await load(0);
  if (p.get('event')) await showEvent(p.get('event'));
});

async function load(offset) {
  I.filter = V.formValues(document.getElementById('filters'));
  V.setQuery(I.filter);
  document.getElementById('event').hidden = true;
  let all = null;
  await V.withStatus('timeline', async () => {
    all = await V.api('/api/incidents/events', Object.assign({limit: 1000}, I.filter));
    I.events = all.items;
    drawTimeline(all);
    return all.items.length > 0;
  });
  // the server merges every incident passing the filters per call: page the table from the answer in hand when it is whole
  const page = all.total <= all.items.length
    ? {total: all.total, offset, limit: 50, items: all.items.slice(offset, offset + 50)}
    : await V.api('/api/incidents/events', Object.assign({offset, limit: 50}, I.filter));
  I.page = page.items;
  drawTable(page);
  V.clearError();
}

function drawTimeline(all) {
  const events = all.items;
  const dated = events.filter(e => e.first);
  const actors = [...new Set(dated.map(e => e.actorName))].sort();
  const techniques = Object.keys(V.TECHNIQUE_COLOURS).filter(t => dated.some(e => e.technique === t))
    .concat([...new Set(dated.map(e => e.technique))].filter(t => !(t in V.TECHNIQUE_COLOURS)));
  const node = document.getElementById('timeline');
  const narrow = node.clientWidth < 640;
  node.style.height = Math.max(320, 150 + actors.length * 36) + 'px';
  const day = 24 * 3600 * 1000;
  const times = dated.flatMap(e => [Date.parse(e.first), Date.parse(e.last || e.first)]);
  const span = times.length ? {from: Math.min(...times) - 30 * day, to: Math.max(...times) + 30 * day} : {from: null, to: null};
  const chart = V.chart('timeline');
  chart.resize();
  chart.clear();
  chart.setOption({
    animation: false, // dots appear where they are, so a click lands on what the reader sees
    tooltip: {confine: true, formatter: p => {
      const e = p.data.event;
      return `<b>${V.esc(e.actorName)} · ${V.esc(V.label(e.technique))}</b><br>` +
        `${V.esc(V.day(e.first))}${e.last !== e.first ? ' to ' + V.esc(V.day(e.last)) : ''} · ${V.esc(e.status || '')}<br>` +
        `${V.esc(e.reports.length)} reports, ${V.esc(e.sources.length)} sources · click for the sentences`;
    }},
    legend: {type: 'scroll', top: 0, data: techniques.map(V.label)},
    grid: {left: narrow ? 70 : 110, right: 20, top: narrow ? 60 : 40, bottom: 50},
    // at least a month either side, so a lone event still sits on a calendar rather than on hours
    xAxis: {type: 'time', name: 'first reported (a line runs to the last report)', nameLocation: 'middle', nameGap: 30,
      axisLabel: {hideOverlap: true}, min: span.from, max: span.to},
    yAxis: {type: 'category', data: actors, axisLabel: {width: narrow ? 64 : 104, overflow: 'truncate'}},
    series: [{
      name: 'report span', type: 'custom', silent: true, z: 1,
      data: dated.filter(e => e.last && e.last !== e.first).map(e => ({value: [e.first, e.actorName, e.last],
        itemStyle: {color: V.techniqueColour(e.technique)}})),
      renderItem: (params, api) => {
        const a = api.coord([api.value(0), api.value(1)]);
        const b = api.coord([api.value(2), api.value(1)]);
        return {type: 'line', shape: {x1: a[0], y1: a[1], x2: b[0], y2: b[1]}, style: {stroke: api.visual('color'), lineWidth: 2, opacity: 0.6}};
      },
    }].concat(techniques.map(t => ({
      name: V.label(t), type: 'scatter', itemStyle: {color: V.techniqueColour(t), opacity: 0.85},
      data: dated.filter(e => e.technique === t).map(e => ({value: [e.first, e.actorName, e.sources.length], event: e})),
      symbolSize: v => 9 + 5 * Math.sqrt(v[2]),
    }))),
  });
  chart.off('click');
  chart.on('click', p => {
    if (p.data && p.data.event) showEvent(p.data.event.id).catch(V.showError);
  });
  node.dataset.events = String(dated.length);
  const undated = events.length - dated.length;
  document.getElementById('timeline-note').textContent = (all.total > events.length
    ? `The chart shows the first ${events.length} of ${all.total} events; narrow the filters for the rest. ` : '')
    + (undated ? `${undated} event${undated === 1 ? ' has' : 's have'} no report date and ${undated === 1 ? 'is' : 'are'} listed below only.` : '');
}

function drawTable(page) {
  const box = document.getElementById('incidents');
  if (page.total === 0) {
    V.put(box, V.el('p', {class: 'empty', text: 'No events pass these filters.'}));
  } else {
    V.put(box, V.table([
      ['Reported', e => e.first ? V.day(e.first) + (e.last !== e.first ? ' to ' + V.day(e.last) : '') : 'undated', 'nowrap'],
      ['Cycle', e => e.cycle ? String(e.cycle) : '?', 'num nowrap'],
      ['Actor', e => e.actorName],
      ['Technique', e => V.el('span', {class: 'technique'}, V.el('span', {class: 'swatch t-' + e.technique}), V.label(e.technique))],
      ['DISARM', e => V.el('span', {class: 'mono', text: e.reports[0].disarmId || ''}), 'nowrap'],
      ['Target', e => V.label(e.target)],
      ['Status', e => e.status || '', 'nowrap'],
      ['Sources', e => String(e.sources.length), 'num'],
      ['Evidence', e => {
        const r = e.reports[0];
        return V.el('div', null, r.evidence ? V.el('div', {class: 'snippet', text: r.evidence.sentence}) : V.el('span', {class: 'empty', text: 'none kept'}),
          V.el('button', {type: 'button', class: 'linkish event-open', 'data-event': e.id, text: `all ${e.reports.length} report${e.reports.length === 1 ? '' : 's'}`,
            onclick: () => showEvent(e.id).catch(V.showError)}));
      }, 'wrap'],
    ], page.items));
  }
  V.put('incidents-pager', V.pager(page, o => load(o).catch(V.showError)));
}

async function showEvent(id) {
  const e = await V.api('/api/incidents/events/' + encodeURIComponent(id));
  V.setQuery(Object.assign({}, I.filter, {event: e.id}));
  const section = document.getElementById('event');
  section.dataset.event = e.id;
  document.getElementById('event-title').textContent = `${e.actorName}: ${V.label(e.technique)}` + (e.target ? ` against ${V.label(e.target)}` : '');
  V.put('event-summary',
    V.el('span', null, 'reported ', V.el('b', {text: e.first ? V.day(e.first) + (e.last !== e.first ? ' to ' + V.day(e.last) : '') : 'undated'})),
    V.el('span', null, 'election ', V.el('b', {text: e.cycle ? String(e.cycle) : 'unknown'})),
    V.el('span', null, 'status ', V.el('b', {text: e.status || 'unknown'})),
    V.el('span', null, V.el('b', {text: String(e.reports.length)}), ' reports, ', V.el('b', {text: String(e.sources.length)}), ' sources'));
  V.put('event-statuses', ...(e.statuses.length ? e.statuses.map(s => V.el('li', null, V.el('b', {text: s.status}), ' since ',
    V.day(s.date) || 'an undated report')) : [V.el('li', {class: 'empty', text: 'no status reported'})]));
  const byIncident = new Map();
  for (const s of e.sources) {
    if (!byIncident.has(s.incidentId)) byIncident.set(s.incidentId, []);
    byIncident.get(s.incidentId).push(s);
  }
  V.put('event-reports', ...e.reports.map(r => {
    const src = (byIncident.get(r.id) || [])[0];
    return V.el('li', {class: 'report', 'data-incident': r.id},
      V.el('div', {class: 'flags'}, V.el('b', {text: V.day(r.published) || 'undated'}), r.status ? V.el('span', {class: 'flag', text: r.status}) : null,
        src ? V.el('span', {class: 'flag basis', text: src.domain}) : null),
      V.el('blockquote', {class: 'sentence', text: r.evidence ? r.evidence.sentence : '(no sentence kept)'}),
      V.el('div', {class: 'meta'}, r.evidence ? V.link('/evidence', {article: r.article.id, evidence: r.evidence.id}, 'in context') : null,
        ' · ', r.article.title || r.article.doc, ' ',
        r.evidence ? V.cite(r.evidence.sentence, src ? src.domain : r.article.doc, src ? V.safeUrl(src.url) : null, r.published) : null));
  }));
  V.put('event-sources', V.table([
    ['Outlet', s => s.domain],
    ['Title', s => s.title || ''],
    ['Published', s => V.day(s.published), 'nowrap'],
    ['Link', s => s.url ? V.outLink(s.url) : V.el('span', {class: 'empty', text: 'no URL'}), 'wrap'],
  ], e.sources));
  section.hidden = false;
  section.scrollIntoView({block: 'start'});
}
