'use strict';
// Production per agent and day against target; exceptions (downtime, training, leave, system
// outage) entered here and shown as a reduced target; a team roll-up. Without a production target
// the page shows counts and says no target is set.
(() => {
  const { api, h, field, message, fail } = QC;
  const app = document.getElementById('app');
  const monday = (() => { const d = new Date(); d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7)); return d.toISOString().slice(0, 10); })();
  const plus = (iso, days) => { const d = new Date(iso + 'T00:00:00Z'); d.setUTCDate(d.getUTCDate() + days); return d.toISOString().slice(0, 10); };
  const from = h('input', { type: 'date', name: 'from', value: monday }), to = h('input', { type: 'date', name: 'to', value: plus(monday, 6) });
  const team = h('select', { name: 'teamId' });
  const filters = h('form', { class: 'row', id: 'filters' }, field('From', from), field('To', to), field('Team', team), h('button', {}, 'Show'));
  const note = h('p', { id: 'target-note', class: 'hint' });
  const rows = h('tbody'), rollup = h('tbody'), exceptions = h('tbody');
  const ex = {
    agent: h('select', { name: 'agentId', required: true }), date: h('input', { type: 'date', name: 'date', required: true, value: new Date().toISOString().slice(0, 10) }),
    kind: h('select', { name: 'kind' }, [['DOWNTIME', 'Downtime'], ['TRAINING', 'Training'], ['LEAVE', 'Leave'], ['SYSTEM_OUTAGE', 'System outage']].map(([v, l]) => h('option', { value: v }, l))),
    hours: h('input', { type: 'number', name: 'hours', min: 0.25, max: 24, step: 0.25, required: true }), note: h('input', { name: 'note' }),
  };
  const exForm = h('form', { class: 'card', id: 'exception-form' }, h('h2', {}, 'Record an exception'),
    h('div', { class: 'row' }, field('Agent', ex.agent), field('Day', ex.date), field('Kind', ex.kind), field('Hours', ex.hours), field('Reason', ex.note)),
    h('p', { class: 'hint' }, 'Exception hours reduce that day\u2019s target pro rata to the shift length.'), h('button', { class: 'primary' }, 'Record exception'));
  const table = (id, caption, heads, body) => h('div', { class: 'table-scroll' }, h('table', { id }, h('caption', {}, caption),
    h('thead', {}, h('tr', {}, heads.map((t) => h('th', { scope: 'col' }, t)))), body));
  app.append(filters, note, table('production', 'Per agent and day', ['Day', 'Agent', 'Closed', 'Exception hours', 'Target', 'Attainment'], rows),
    table('rollup', 'Team roll-up', ['Team', 'Closed', 'Exception hours', 'Target', 'Attainment'], rollup), exForm,
    table('exceptions', 'Exceptions in the period', ['Day', 'Agent', 'Kind', 'Hours', 'Reason', ''], exceptions));
  let agents = [], teams = [];
  const nameOf = (list, id) => (list.find((x) => x.id === id) || { name: id || '—' }).name;
  const target = (r) => (r.targetSet ? String(r.targetTickets) : 'no target set');
  const attainment = (r) => (r.attainmentPercent == null ? '—' : r.attainmentPercent + ' %');
  const kinds = [['DOWNTIME', 'Downtime'], ['TRAINING', 'Training'], ['LEAVE', 'Leave'], ['SYSTEM_OUTAGE', 'System outage']];
  const kindLabel = (k) => (kinds.find(([v]) => v === k) || [k, k])[1];
  // one exception: read-only with Edit and Delete, or in place as a small form that PATCHes it
  function exceptionRow(e) {
    const row = h('tr', { 'data-exception': e.id });
    const show = () => row.replaceChildren(h('td', {}, e.date), h('td', {}, nameOf(agents, e.agentId)), h('td', {}, kindLabel(e.kind)),
      h('td', { class: 'hours' }, String(e.hours)), h('td', { class: 'reason' }, e.note || ''), h('td', {},
        h('button', { type: 'button', onclick: edit, 'aria-label': 'Edit the exception of ' + nameOf(agents, e.agentId) + ' on ' + e.date }, 'Edit'), ' ',
        h('button', { type: 'button', 'aria-label': 'Delete the exception of ' + nameOf(agents, e.agentId) + ' on ' + e.date, onclick: async () => {
          if (!confirm('Delete this exception?')) return;
          try { await api('DELETE', '/api/v1/production/exceptions/' + encodeURIComponent(e.id)); load(); } catch (err) { fail(app)(err); }
        } }, 'Delete')));
    function edit() {
      const who = ' of ' + nameOf(agents, e.agentId);
      const d = h('input', { type: 'date', name: 'date', value: e.date, required: true, 'aria-label': 'Day' + who });
      const k = h('select', { name: 'kind', 'aria-label': 'Kind' + who }, kinds.map(([v, l]) => h('option', { value: v, selected: v === e.kind }, l)));
      const hr = h('input', { type: 'number', name: 'hours', min: 0.25, max: 24, step: 0.25, value: e.hours, required: true, 'aria-label': 'Hours' + who });
      const r = h('input', { name: 'note', value: e.note || '', 'aria-label': 'Reason' + who });
      const save = async () => {
        try {
          await api('PATCH', '/api/v1/production/exceptions/' + encodeURIComponent(e.id), { date: d.value, kind: k.value, hours: Number(hr.value), note: r.value });
          message(app, 'Exception changed; the target is recomputed.', 'ok'); load();
        } catch (err) { fail(app)(err); }
      };
      row.replaceChildren(h('td', {}, d), h('td', {}, nameOf(agents, e.agentId)), h('td', {}, k), h('td', {}, hr), h('td', {}, r),
        h('td', {}, h('button', { type: 'button', class: 'primary', onclick: save }, 'Save'), ' ', h('button', { type: 'button', onclick: show }, 'Cancel')));
      hr.focus();
    }
    show();
    return row;
  }
  const query = () => { const p = new URLSearchParams({ from: from.value, to: to.value }); if (team.value) p.set('teamId', team.value); return p; };
  async function load() {
    try {
      const [report, list] = await Promise.all([api('GET', '/api/v1/production?' + query()), api('GET', '/api/v1/production/exceptions?' + query())]);
      note.textContent = report.total.targetSet ? '' : 'No production target is set for these teams: the page shows counts only. Set one on the Targets page.';
      rows.replaceChildren(...report.items.map((r) => h('tr', { 'data-agent': r.agentId, 'data-day': r.bucketStart },
        h('td', {}, r.bucketStart), h('td', {}, r.agentName), h('td', {}, String(r.ticketsClosed)), h('td', {}, String(r.exceptionHours)),
        h('td', { class: 'target' }, target(r)), h('td', { class: r.onTarget === false ? 'bad' : null }, attainment(r)))));
      const byTeam = {};
      for (const r of report.items) {
        const t = byTeam[r.teamId] || (byTeam[r.teamId] = { closed: 0, hours: 0, target: 0, set: false });
        t.closed += r.ticketsClosed; t.hours += r.exceptionHours;
        if (r.targetSet) { t.set = true; t.target += r.targetTickets; }
      }
      rollup.replaceChildren(...Object.entries(byTeam).map(([id, t]) => h('tr', {}, h('td', {}, nameOf(teams, id)), h('td', {}, String(t.closed)),
        h('td', {}, String(t.hours)), h('td', {}, t.set ? String(Math.round(t.target * 100) / 100) : 'no target set'),
        h('td', {}, t.set && t.target > 0 ? (Math.round(t.closed * 10000 / t.target) / 100) + ' %' : '—'))));
      exceptions.replaceChildren(...list.items.map(exceptionRow));
    } catch (err) { fail(app)(err); }
  }
  filters.addEventListener('submit', (e) => { e.preventDefault(); load(); });
  exForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api('POST', '/api/v1/production/exceptions', { agentId: ex.agent.value, date: ex.date.value, kind: ex.kind.value, hours: Number(ex.hours.value), note: ex.note.value || undefined });
      message(app, 'Exception recorded.', 'ok'); ex.hours.value = ''; ex.note.value = ''; load();
    } catch (err) { fail(app)(err); }
  });
  Promise.all([api('GET', '/api/v1/agents'), api('GET', '/api/v1/teams')]).then(([as, ts]) => {
    agents = as.items; teams = ts.items;
    team.replaceChildren(h('option', { value: '' }, 'all my teams'), ...teams.map((t) => h('option', { value: t.id }, t.name)));
    ex.agent.replaceChildren(...agents.map((a) => h('option', { value: a.id }, a.name + (a.teamName ? ' · ' + a.teamName : ''))));
  }).catch(fail(app)).finally(load);
})();
