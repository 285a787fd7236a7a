'use strict';
/* One account: where the run placed it and whom it acted in concert with. */
V.page(async () => {
  const p = V.params();
  const id = p.get('id');
  if (!id) throw new Error('say which account to show: /account?id=ACCOUNT');
  await load(id, p.get('run'), 0);
});

async function load(id, run, offset) {
  const res = await V.api('/api/account', {id, run, offset, limit: 100});
  const a = res.account;
  document.getElementById('crumb').textContent = 'account';
  document.getElementById('title').textContent = 'Account ' + a.accountId;
  const net = res.network;
  V.put('summary', 
    V.el('span', null, 'in ', V.link('/network', {id: a.networkId, run: res.run}, 'network ' + a.networkId),
      net ? ` (${net.size} accounts, ${V.pct(net.stateMediaShare)} state media)` : ''),
    V.el('span', null, 'score ', V.el('b', {text: V.num(a.score, 2)})),
    V.el('span', null, V.el('b', {text: V.num(a.posts)}), ' posts'),
    V.el('span', null, V.el('b', {text: V.num(a.partners)}), ' partners in its network'),
    V.el('span', null, 'run ', V.el('b', {text: res.run})));
  const links = res.links;
  V.put('links', links.total === 0 ? V.el('p', {class: 'empty', text: 'No significant links kept.'})
    : V.table([
      ['Partner', e => V.link('/account', {id: e.target, run: res.run}, e.target, 'mono')],
      ['Same network', e => e.networkId === a.networkId ? 'yes' : (e.networkId === -1 ? 'no (crosses networks)' : 'network ' + e.networkId)],
      ['Weight', e => V.num(e.weight, 1), 'num'],
      ['Co-actions', e => Object.entries(e.coActions).filter(([, v]) => v > 0).map(([k, v]) => `${k} ${v}`).join(', ')],
    ], links.items));
  V.put('links-pager', V.pager(links, o => load(id, res.run, o).catch(V.showError)));
}
