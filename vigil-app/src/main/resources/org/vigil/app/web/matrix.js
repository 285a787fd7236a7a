'use strict';
/*
 * The who-wants-whom heat map, per election cycle; a click on a cell shows its balance month by month
 * and the claims behind it (a click on a month narrows them to it), each linking to its evidence.
 */
const M = {filter: {}, data: null, names: {}, claims: [], cell: null};

V.page(async () => {
  const p = V.params();
  const form = document.getElementById('filters');
  const [, all] = await Promise.all([V.cycleOptions(form.elements.cycle, p.get('cycle')), V.api('/api/matrix')]);
  V.options(form.elements.holder, all.holders.map(h => [h.code, h.name]), p.get('holder'));
  V.options(form.elements.target, all.targets.map(t => [t.code, t.name]), p.get('target'));
  form.elements.from.value = p.get('from') || '';
  form.elements.to.value = p.get('to') || '';
  form.elements.hedged.checked = p.get('hedged') !== 'false';
  form.elements.disputed.checked = p.get('disputed') !== 'false';
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    load().catch(V.showError);
  });
  form.elements.cycle.addEventListener('change', () => load().catch(V.showError));
  V.downloads('matrix-downloads', 'vigil-matrix', [
    ['state', c => c.holderName], ['state_code', c => c.holder], ['candidate', c => c.targetName], ['candidate_code', c => c.target],
    ['favours', c => c.favors], ['opposes', c => c.opposes], ['no_preference', c => c.none], ['balance', c => c.balance],
    ['share_hedged', c => c.shareHedged], ['share_disputed', c => c.shareDisputed],
    ['independent_sources', c => c.independentSources], ['first', c => c.first], ['last', c => c.last],
  ], () => M.data ? M.data.cells : []);
  V.downloads('claims-downloads', 'vigil-claims', claimColumns(), () => M.claims);
  await load();
  if (p.get('cellHolder') && p.get('cellTarget')) {
    await showCell(p.get('cellHolder'), p.get('cellTarget'));
  }
});

function readFilter() {
  const f = document.getElementById('filters').elements;
  const out = {cycle: f.cycle.value, holder: f.holder.value, target: f.target.value, from: f.from.value, to: f.to.value,
    hedged: f.hedged.checked ? 'true' : 'false', disputed: f.disputed.checked ? 'true' : 'false'};
  for (const k of Object.keys(out)) if (out[k] === '') delete out[k];
  return out;
}

async function load() {
  M.filter = readFilter();
  V.setQuery(M.filter);
  document.getElementById('cell').hidden = true;
  await V.withStatus('heatmap', async () => {
    M.data = await V.api('/api/matrix', M.filter);
    M.names = Object.fromEntries(M.data.targets.map(t => [t.code, t.name]));
    drawHeatmap(M.data);
    drawTable(M.data);
    V.clearError();
    return M.data.cells.length > 0;
  });
}

function targetLabel(t) {
  return t === '*' ? 'no clear preference' : (M.names[t] || t);
}

function sortedTargets(data) {
  return data.targets.map(t => t.code).sort((a, b) => (a === '*') - (b === '*') || a.localeCompare(b));
}

function drawHeatmap(data) {
  const holders = data.holders.map(h => h.code);
  const targets = sortedTargets(data);
  const names = Object.fromEntries(data.holders.map(h => [h.code, h.name]));
  const points = data.cells.map(c => ({value: [targets.indexOf(c.target), holders.indexOf(c.holder), c.balance], cell: c}));
  const extent = Math.max(1, ...data.cells.map(c => Math.abs(c.balance)));
  const node = document.getElementById('heatmap');
  const narrow = node.clientWidth < 640;
  node.style.height = Math.max(300, 130 + holders.length * (narrow ? 34 : 42)) + 'px'; // CSSOM, allowed by the CSP
  const chart = V.chart('heatmap');
  chart.resize();
  chart.clear();
  chart.setOption({
    tooltip: {
      confine: true,
      formatter: p => {
        const c = p.data.cell;
        return `<b>${V.esc(c.holderName)} → ${V.esc(targetLabel(c.target))}</b><br>` +
          `favours ${V.esc(c.favors)}, opposes ${V.esc(c.opposes)}, no preference ${V.esc(c.none)}<br>` +
          `hedged ${V.esc(V.pct(c.shareHedged))}, disputed ${V.esc(V.pct(c.shareDisputed))}<br>` +
          `${V.esc(c.independentSources)} independent sources, ${V.esc(V.day(c.first))} to ${V.esc(V.day(c.last))}`;
      },
    },
    grid: {left: narrow ? 80 : 150, right: narrow ? 8 : 40, top: 20, bottom: narrow ? 110 : 90},
    xAxis: {type: 'category', data: targets.map(targetLabel), splitArea: {show: true},
      axisLabel: {interval: 0, rotate: narrow ? 45 : 20, fontSize: narrow ? 10 : 12, width: 110, overflow: 'truncate'}},
    yAxis: {type: 'category', data: holders.map(h => names[h] || h), splitArea: {show: true}, inverse: true,
      axisLabel: {fontSize: narrow ? 10 : 12, width: narrow ? 74 : 140, overflow: 'truncate'}},
    visualMap: {min: -extent, max: extent, calculable: false, orient: 'horizontal', left: 'center', bottom: 0,
      itemWidth: 12, itemHeight: narrow ? 80 : 140,
      text: ['favours', 'opposes'], inRange: {color: ['#2166ac', '#f7f7f7', '#b2182b']}},
    series: [{
      name: 'balance', type: 'heatmap', data: points,
      label: {show: true, fontSize: narrow ? 10 : 12, lineHeight: 16, formatter: p => {
        const c = p.data.cell;
        return c.target === '*' ? c.none + '\nno pref.' : (c.balance > 0 ? '+' : '') + c.balance + '\n' + c.favors + '/' + c.opposes;
      }},
      emphasis: {itemStyle: {borderColor: '#000', borderWidth: 1}},
    }],
  });
  chart.off('click');
  chart.on('click', p => {
    if (p.data && p.data.cell) {
      showCell(p.data.cell.holder, p.data.cell.target).catch(V.showError);
    }
  });
  node.dataset.cells = String(points.length);
}

function drawTable(data) {
  const box = document.getElementById('matrix-table');
  if (data.cells.length === 0) {
    V.put(box, V.el('p', {class: 'empty', text: 'No claims pass these filters.'}));
    return;
  }
  const targets = sortedTargets(data);
  const byKey = new Map(data.cells.map(c => [c.holder + '\u0000' + c.target, c]));
  const head = V.el('tr', null, V.el('th', {text: 'State \\ candidate'}), targets.map(t => V.el('th', {text: targetLabel(t)})));
  const rows = data.holders.map(h => V.el('tr', null, V.el('th', {scope: 'row', text: h.name}), targets.map(t => {
    const c = byKey.get(h.code + '\u0000' + t);
    if (!c) return V.el('td', {class: 'empty', text: '·'});
    return V.el('td', null, V.el('button', {type: 'button', class: c.balance > 0 ? 'pos' : c.balance < 0 ? 'neg' : '',
      'data-holder': c.holder, 'data-target': c.target,
      'aria-label': `${h.name} and ${targetLabel(t)}: favours ${c.favors}, opposes ${c.opposes}`,
      text: c.target === '*' ? `${c.none} no preference` : `${c.balance > 0 ? '+' : ''}${c.balance} (${c.favors}/${c.opposes})`,
      onclick: () => showCell(c.holder, c.target).catch(V.showError)}));
  })));
  V.put(box, V.el('table', {class: 'data matrix'}, V.el('thead', null, head), V.el('tbody', null, rows)));
}

async function showCell(holder, target) {
  const cell = M.data.cells.find(c => c.holder === holder && c.target === target);
  M.cell = {holder, target, name: cell ? cell.holderName : holder};
  V.setQuery(Object.assign({}, M.filter, {cellHolder: holder, cellTarget: target}));
  const section = document.getElementById('cell');
  document.getElementById('cell-title').textContent =
    `${M.cell.name} → ${targetLabel(target)}: the claims behind the cell`;
  V.put('cell-summary', cell ? V.el('span', null,
    `${cell.favors} favour, ${cell.opposes} oppose, ${cell.none} no preference (articles) · ` +
    `${V.pct(cell.shareHedged)} hedged · ${V.pct(cell.shareDisputed)} disputed · ${cell.independentSources} independent sources`) : '');
  section.hidden = false;
  await Promise.all([drawTrend(holder, target), showClaims(null, 0)]);
  section.scrollIntoView({block: 'start'});
}

async function drawTrend(holder, target) {
  await V.withStatus('trend', async () => {
    const f = Object.assign({}, M.filter, {holder, target});
    const trend = await V.api('/api/trend', f);
    const chart = V.chart('trend');
    chart.resize();
    chart.clear();
    const months = trend.points.map(p => p.month);
    chart.setOption({
      animation: false,
      tooltip: {trigger: 'axis', confine: true, formatter: ps => {
        const p = trend.points[ps[0].dataIndex];
        return `<b>${V.esc(p.month)}</b><br>balance ${V.esc(p.balance)}<br>favours ${V.esc(p.favors)}, opposes ${V.esc(p.opposes)}, ` +
          `no preference ${V.esc(p.none)}<br>click for its claims`;
      }},
      grid: {left: 40, right: 16, top: 20, bottom: 40},
      xAxis: {type: 'category', data: months, axisLabel: {hideOverlap: true}},
      yAxis: {type: 'value', minInterval: 1, name: 'balance'},
      series: [
        {name: 'favours', type: 'bar', stack: 'n', data: trend.points.map(p => p.favors), itemStyle: {color: '#e8a0a8'}},
        {name: 'opposes', type: 'bar', stack: 'n', data: trend.points.map(p => -p.opposes), itemStyle: {color: '#9ec0e3'}},
        {name: 'balance', type: 'line', data: trend.points.map(p => p.balance), symbolSize: 10, itemStyle: {color: '#1d2330'}},
      ],
    });
    chart.off('click');
    chart.on('click', p => showClaims(months[p.dataIndex], 0).catch(V.showError));
    document.getElementById('trend').dataset.points = String(months.length);
    return months.length > 0;
  });
}

function monthBounds(month) {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return {from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}`};
}

async function showClaims(month, offset) {
  const {holder, target} = M.cell;
  const f = Object.assign({}, M.filter, {holder, target, offset, limit: 20}, month ? monthBounds(month) : {});
  const page = await V.api('/api/claims', f);
  M.claims = page.items;
  V.put('cell-period', month ? V.el('span', null, `Claims published in ${month} · `,
    V.el('button', {type: 'button', class: 'linkish', text: 'all months', onclick: () => showClaims(null, 0).catch(V.showError)}))
    : 'Claims of every month, newest first.');
  document.getElementById('cell-period').dataset.month = month || '';
  V.put('cell-claims', ...(page.items.length ? page.items.map(claimItem)
    : [V.el('li', {class: 'empty', text: 'No claims pass these filters.'})]));
  V.put('cell-pager', V.pager(page, o => showClaims(month, o).catch(V.showError)));
}

function claimColumns() {
  return [['id', c => c.id], ['state', c => c.holderName], ['candidate', c => c.targetName || c.target], ['stance', c => c.stance],
    ['cycle', c => c.cycle], ['hedged', c => c.hedged], ['disputed', c => c.disputed], ['basis', c => c.basis],
    ['sentence', c => c.evidence ? c.evidence.sentence : ''], ['title', c => c.article.title], ['url', c => c.article.url],
    ['published', c => c.article.published]];
}

function claimItem(c) {
  const url = c.article.url || (c.sources[0] && c.sources[0].url);
  return V.el('li', {class: 'claim', 'data-claim': c.id},
    V.el('div', {class: 'flags'}, V.el('b', {text: c.holderName}), ' ', V.stance(c.stance), ' ',
      V.el('b', {text: c.targetName || targetLabel(c.target)}),
      c.cycle ? V.el('span', {class: 'flag cycle', text: c.cycle + ' election'}) : null,
      V.flag(c.hedged, 'hedged'), V.flag(c.disputed, 'disputed'), c.basis ? V.el('span', {class: 'flag basis', text: c.basis}) : null),
    V.el('blockquote', {class: 'sentence', text: c.evidence ? c.evidence.sentence : '(no evidence sentence kept)'}),
    V.el('div', {class: 'meta'}, V.link('/evidence', {claim: c.id}, 'Evidence in context', 'evidence-link'), ' · ',
      c.article.title || c.article.doc, ' · ', V.day(c.article.published) || 'undated', ' · ',
      `${c.sources.length} source${c.sources.length === 1 ? '' : 's'}`, ' ',
      c.evidence ? V.cite(c.evidence.sentence, V.outlet(url) || c.article.doc, V.safeUrl(url), c.article.published) : null));
}
