'use strict';
/* The who-wants-whom heat map; a click on a cell lists the claims behind it, each linking to its evidence. */
const M = {filter: {}, data: null};

V.page(async () => {
  const p = V.params();
  const form = document.getElementById('filters');
  form.elements.from.value = p.get('from') || '';
  form.elements.to.value = p.get('to') || '';
  form.elements.hedged.checked = p.get('hedged') !== 'false';
  form.elements.disputed.checked = p.get('disputed') !== 'false';
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    try {
      await load();
    } catch (e) {
      V.showError(e);
    }
  });
  await load();
  if (p.get('cellHolder') && p.get('cellTarget')) {
    await showCell(p.get('cellHolder'), p.get('cellTarget'), 0);
  }
});

function readFilter() {
  const f = document.getElementById('filters').elements;
  return {from: f.from.value, to: f.to.value, hedged: f.hedged.checked ? 'true' : 'false',
    disputed: f.disputed.checked ? 'true' : 'false'};
}

async function load() {
  M.filter = readFilter();
  V.setQuery(M.filter);
  M.data = await V.api('/api/matrix', M.filter);
  drawHeatmap(M.data);
  drawTable(M.data);
  document.getElementById('cell').hidden = true;
}

function targetLabel(t) {
  return t === '*' ? 'no clear preference' : t;
}

function drawHeatmap(data) {
  const holders = data.holders.map(h => h.code);
  const targets = data.targets.map(t => t.code).sort((a, b) => (a === '*') - (b === '*') || a.localeCompare(b));
  const names = Object.fromEntries(data.holders.map(h => [h.code, h.name]));
  const points = data.cells.map(c => ({value: [targets.indexOf(c.target), holders.indexOf(c.holder), c.balance], cell: c}));
  const extent = Math.max(1, ...data.cells.map(c => Math.abs(c.balance)));
  const chart = V.chart('heatmap');
  chart.clear();
  chart.setOption({
    tooltip: {
      formatter: p => {
        const c = p.data.cell;
        return `<b>${V.esc(c.holderName)} → ${V.esc(targetLabel(c.target))}</b><br>` +
          `favours ${V.esc(c.favors)}, opposes ${V.esc(c.opposes)}, no preference ${V.esc(c.none)}<br>` +
          `hedged ${V.esc(V.pct(c.shareHedged))}, disputed ${V.esc(V.pct(c.shareDisputed))}<br>` +
          `${V.esc(c.independentSources)} independent sources, ${V.esc(V.day(c.first))} to ${V.esc(V.day(c.last))}`;
      },
    },
    grid: {left: 150, right: 40, top: 20, bottom: 90},
    xAxis: {type: 'category', data: targets.map(targetLabel), splitArea: {show: true}, axisLabel: {interval: 0, rotate: 20}},
    yAxis: {type: 'category', data: holders.map(h => names[h] || h), splitArea: {show: true}, inverse: true},
    visualMap: {min: -extent, max: extent, calculable: false, orient: 'horizontal', left: 'center', bottom: 0,
      text: ['favours', 'opposes'], inRange: {color: ['#2166ac', '#f7f7f7', '#b2182b']}},
    series: [{
      name: 'balance', type: 'heatmap', data: points,
      label: {show: true, fontSize: 12, lineHeight: 16, formatter: p => {
        const c = p.data.cell;
        return c.target === '*' ? c.none + '\nno pref.' : (c.balance > 0 ? '+' : '') + c.balance + '\n' + c.favors + '/' + c.opposes;
      }},
      emphasis: {itemStyle: {borderColor: '#000', borderWidth: 1}},
    }],
  });
  chart.off('click');
  chart.on('click', p => {
    if (p.data && p.data.cell) {
      showCell(p.data.cell.holder, p.data.cell.target, 0).catch(V.showError);
    }
  });
  document.getElementById('heatmap').dataset.cells = String(points.length);
}

function drawTable(data) {
  const box = document.getElementById('matrix-table');
  if (data.cells.length === 0) {
    V.put(box, V.el('p', {class: 'empty', text: 'No claims pass these filters.'}));
    return;
  }
  const targets = data.targets.map(t => t.code).sort((a, b) => (a === '*') - (b === '*') || a.localeCompare(b));
  const byKey = new Map(data.cells.map(c => [c.holder + '\u0000' + c.target, c]));
  const head = V.el('tr', null, V.el('th', {text: 'State \\ candidate'}), targets.map(t => V.el('th', {text: targetLabel(t)})));
  const rows = data.holders.map(h => V.el('tr', null, V.el('th', {scope: 'row', text: h.name}), targets.map(t => {
    const c = byKey.get(h.code + '\u0000' + t);
    if (!c) return V.el('td', {class: 'empty', text: '·'});
    return V.el('td', null, V.el('button', {type: 'button', class: c.balance > 0 ? 'pos' : c.balance < 0 ? 'neg' : '',
      'data-holder': c.holder, 'data-target': c.target,
      'aria-label': `${h.name} and ${targetLabel(t)}: favours ${c.favors}, opposes ${c.opposes}`,
      text: c.target === '*' ? `${c.none} no preference` : `${c.balance > 0 ? '+' : ''}${c.balance} (${c.favors}/${c.opposes})`,
      onclick: () => showCell(c.holder, c.target, 0).catch(V.showError)}));
  })));
  V.put(box, V.el('table', {class: 'data matrix'}, V.el('thead', null, head), V.el('tbody', null, rows)));
}

async function showCell(holder, target, offset) {
  const cell = M.data.cells.find(c => c.holder === holder && c.target === target);
  const page = await V.api('/api/claims', Object.assign({}, M.filter, {holder, target, offset, limit: 20}));
  V.setQuery(Object.assign({}, M.filter, {cellHolder: holder, cellTarget: target}));
  const section = document.getElementById('cell');
  document.getElementById('cell-title').textContent =
    `${cell ? cell.holderName : holder} → ${targetLabel(target)}: the claims behind the cell`;
  V.put('cell-summary', cell ? V.el('span', null,
    `${cell.favors} favour, ${cell.opposes} oppose, ${cell.none} no preference (articles) · ` +
    `${V.pct(cell.shareHedged)} hedged · ${V.pct(cell.shareDisputed)} disputed · ${cell.independentSources} independent sources`) : '');
  V.put('cell-claims', ...page.items.map(claimItem));
  V.put('cell-pager', V.pager(page, o => showCell(holder, target, o).catch(V.showError)));
  section.hidden = false;
  section.scrollIntoView({block: 'start'});
}

function claimItem(c) {
  return V.el('li', {class: 'claim', 'data-claim': c.id},
    V.el('div', {class: 'flags'}, V.el('b', {text: c.holderName}), ' ', V.stance(c.stance), ' ',
      V.el('b', {text: targetLabel(c.target)}),
      V.flag(c.hedged, 'hedged'), V.flag(c.disputed, 'disputed'), c.basis ? V.el('span', {class: 'flag basis', text: c.basis}) : null),
    V.el('blockquote', {class: 'sentence', text: c.evidence ? c.evidence.sentence : '(no evidence sentence kept)'}),
    V.el('div', {class: 'meta'}, V.link('/evidence', {claim: c.id}, 'Evidence in context', 'evidence-link'), ' · ',
      c.article.title || c.article.doc, ' · ', V.day(c.article.published) || 'undated', ' · ',
      `${c.sources.length} source${c.sources.length === 1 ? '' : 's'}`));
}
