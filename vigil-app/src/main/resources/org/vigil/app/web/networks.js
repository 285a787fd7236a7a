'use strict';
/* The networks of a coordination run, filterable, and an account finder. */
const N = {run: null};

V.page(async () => {
  const p = V.params();
  N.run = p.get('run');
  const form = document.getElementById('filters');
  for (const name of ['country', 'candidate', 'lean', 'minSize', 'sort']) {
    if (p.get(name)) form.elements[name].value = p.get(name);
  }
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    load(0).catch(V.showError);
  });
  document.getElementById('account-search').addEventListener('submit', ev => {
    ev.preventDefault();
    findAccounts(ev.target.elements.q.value).catch(V.showError);
  });
  const runs = await V.api('/api/runs');
  const run = N.run ? runs.items.find(r => r.runId === N.run) : runs.items[0];
  const picker = document.getElementById('run-picker');
  V.options(picker, runs.items.map(r => [r.runId, `${r.runId} · ${V.minute(r.startedAt)} · ${r.networks} networks`]), run ? run.runId : null);
  picker.hidden = runs.items.length === 0;
  picker.addEventListener('change', () => {
    N.run = picker.value || null;
    const q = V.formValues(document.getElementById('filters'));
    if (N.run) q.run = N.run;
    window.location.search = V.query(q);
  });
  V.put('run', run
    ? V.el('span', null, 'Run ', V.el('b', {text: run.runId}), ` · ${V.minute(run.startedAt)} · ${V.num(run.posts)} posts · ` +
      `${run.networks} networks, ${V.num(run.accounts)} accounts · method ${run.method}`)
    : V.el('span', {class: 'empty', text: 'No coordination run is stored: run vigil coordinate first.'}));
  V.downloads('networks-downloads', 'vigil-networks', [
    ['run', n => n.run], ['network', n => n.id], ['size', n => n.size], ['score', n => n.score], ['first_active', n => n.firstActive],
    ['last_active', n => n.lastActive], ['posts', n => n.posts], ['state_media_share', n => n.stateMediaShare],
    ['outlets', n => n.outlets.join(' ')], ['leans', n => n.leans.map(l => l.lean + ' ' + l.candidate).join('; ')],
  ], () => N.page || []);
  await load(0);
});

async function load(offset) {
  const filter = V.formValues(document.getElementById('filters'));
  if (filter.country) filter.country = filter.country.toUpperCase();
  if (N.run) filter.run = N.run;
  V.setQuery(filter);
  const page = await V.api('/api/networks', Object.assign({offset, limit: 50}, filter));
  const box = document.getElementById('networks');
  if (page.total === 0) {
    V.put(box, V.el('p', {class: 'empty', text: 'No networks pass these filters.'}));
  } else {
    N.page = page.items;
    V.put(box, V.table([
      ['Network', n => V.link('/network', {id: n.id, run: n.run}, 'network ' + n.id), 'nowrap'],
      ['Size', n => V.num(n.size), 'num'],
      ['Score', n => V.num(n.score, 2), 'num'],
      ['Active', n => `${V.minute(n.firstActive)} to ${V.minute(n.lastActive)}`],
      ['Posts', n => V.num(n.posts), 'num'],
      ['State media', n => V.pct(n.stateMediaShare), 'num'],
      ['Outlets', n => n.outlets.length ? n.outlets.join(', ') + (n.countries.length ? ' (' + n.countries.map(c => c.code).join(', ') + ')' : '') : ''],
      ['Candidate lean', n => V.el('div', null, n.leans.slice(0, 3).map(l => V.el('span', {class: 'tag ' + l.lean,
        text: `${l.lean === 'push' ? 'pushes' : 'attacks'} ${l.candidate} (${V.pct(l.share)})`})))],
    ], page.items));
  }
  V.put('networks-pager', V.pager(page, o => load(o).catch(V.showError)));
  if (page.total === 0) N.page = [];
}

async function findAccounts(q) {
  const page = await V.api('/api/accounts', {q, run: N.run, limit: 50});
  const box = document.getElementById('accounts');
  if (page.total === 0) {
    V.put(box, V.el('p', {class: 'empty', text: 'No account in any network matches.'}));
    return;
  }
  V.put(box, V.el('p', {class: 'meta', text: `${V.num(page.total)} accounts match; the first ${page.items.length}:`}),
    V.table([
      ['Account', a => V.link('/account', {id: a.accountId, run: page.run}, a.accountId, 'mono')],
      ['Network', a => V.link('/network', {id: a.networkId, run: page.run}, 'network ' + a.networkId)],
      ['Score', a => V.num(a.score, 2), 'num'],
      ['Posts', a => V.num(a.posts), 'num'],
      ['Partners', a => V.num(a.partners), 'num'],
    ], page.items));
}
