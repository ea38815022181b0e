'use strict';
// The QC lead's dispute inbox: open disputes oldest first, age against the SLA, team, agent.
(() => {
  const { api, h, field, fail, date } = QC;
  const app = document.getElementById('app');
  const status = h('select', {},
    ['OPEN', 'AMENDED', 'UPHELD', 'ALL'].map((s) => h('option', { value: s }, { OPEN: 'Open', AMENDED: 'Amended', UPHELD: 'Upheld', ALL: 'All' }[s])));
  const counts = h('p', { id: 'dispute-counts', role: 'status' });
  const body = h('tbody');
  app.append(h('div', { class: 'row' }, field('Status', status)), counts,
    h('div', { class: 'table-scroll' }, h('table', { id: 'disputes' },
      h('thead', {}, h('tr', {}, ['Ticket', 'Agent', 'Team', 'Criterion', 'Reason', 'Age / SLA', 'Graded by', 'Status']
        .map((t) => h('th', { scope: 'col' }, t)))), body)));
  status.addEventListener('change', load);

  const age = (hours) => (hours < 48 ? hours + ' h' : Math.floor(hours / 24) + ' d ' + (hours % 24) + ' h');

  async function load() {
    try {
      const res = await api('GET', '/api/v1/disputes/inbox?status=' + status.value);
      counts.textContent = `${res.open} open · ${res.overdue} past the SLA`;
      body.replaceChildren(...(res.items.length ? res.items.map((d) => h('tr', { class: d.overdue ? 'overdue' : null },
        h('td', {}, h('a', { href: '/disputes/' + encodeURIComponent(d.id) }, d.ticketKey || d.evaluationId, ' ', d.ticketSubject || '')),
        h('td', {}, d.agentName || '—'),
        h('td', {}, d.teamName || '—'),
        h('td', {}, d.criterionId || 'whole evaluation'),
        h('td', {}, d.reason || ''),
        h('td', { class: 'nowrap' }, age(d.ageHours), ' / ', age(d.slaHours),
          d.overdue ? h('span', { class: 'badge critical' }, 'past SLA') : null),
        h('td', {}, d.qcName || '—', d.canResolve || d.status !== 'OPEN' ? '' : h('span', { class: 'muted' }, ' (you cannot resolve)')),
        h('td', {}, d.status.toLowerCase(), ' · ', date(d.createdAt))))
        : [h('tr', {}, h('td', { colspan: 8 }, 'No disputes.'))]));
    } catch (err) { fail(app)(err); }
  }
  load();
})();
