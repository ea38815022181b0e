'use strict';
// The compliance escalations inbox: by severity, owner, due date and status, with resolution
// notes and a CSV export.
(() => {
  const { api, h, field, message, fail, date } = QC;
  const app = document.getElementById('app');
  const status = h('select', { name: 'status' }, [['', 'open and in progress'], ['OPEN', 'open'], ['IN_PROGRESS', 'in progress'], ['RESOLVED', 'resolved'], ['ALL', 'all']].map(([v, l]) => h('option', { value: v }, l)));
  const exportLink = h('a', { href: '/api/v1/compliance/escalations/export', id: 'export' }, 'Export CSV');
  const body = h('tbody');
  app.append(h('form', { class: 'row', id: 'filters' }, field('Show', status), exportLink),
    h('div', { class: 'table-scroll' }, h('table', { id: 'escalations' }, h('caption', {}, 'Critical first, then by due date'),
      h('thead', {}, h('tr', {}, ['Severity', 'Reason', 'Agent', 'Evaluation', 'Owner', 'Due', 'Status', 'Resolution notes', ''].map((x) => h('th', { scope: 'col' }, x)))), body)));
  let people = [], agents = [];
  const nameOf = (list, id) => (list.find((x) => x.id === id) || { name: id || '—' }).name;
  const rank = { CRITICAL: 0, HIGH: 1 };
  async function load() {
    try {
      const q = status.value && status.value !== 'ALL' ? '?status=' + status.value : '';
      exportLink.href = '/api/v1/compliance/escalations/export' + q;
      let items = (await api('GET', '/api/v1/compliance/escalations' + q)).items;
      if (!status.value) items = items.filter((e) => e.status !== 'RESOLVED');
      items.sort((a, b) => (rank[a.severity] ?? 9) - (rank[b.severity] ?? 9) || String(a.dueAt).localeCompare(String(b.dueAt)));
      body.replaceChildren(...items.map((e) => {
        const owner = h('select', { 'aria-label': 'Owner' }, h('option', { value: '' }, '— nobody —'), ...people.map((p) => h('option', { value: p.id, selected: p.id === e.ownerId }, p.name)));
        const st = h('select', { 'aria-label': 'Status' }, ['OPEN', 'IN_PROGRESS', 'RESOLVED'].map((s) => h('option', { value: s, selected: s === e.status }, s.replace('_', ' ').toLowerCase())));
        const notes = h('textarea', { 'aria-label': 'Resolution notes', rows: 2 }, e.resolutionNotes || '');
        const save = h('button', { type: 'button', onclick: async () => {
          try {
            await api('PATCH', '/api/v1/compliance/escalations/' + encodeURIComponent(e.id),
              { ownerId: owner.value || undefined, status: st.value, resolutionNotes: notes.value || undefined });
            message(app, 'Escalation saved.', 'ok'); load();
          } catch (err) { fail(app)(err); }
        } }, 'Save');
        return h('tr', { 'data-escalation': e.id, class: e.overdue ? 'overdue' : null }, h('td', {}, h('span', { class: 'badge ' + (e.severity === 'CRITICAL' ? 'critical' : '') }, e.severity.toLowerCase())),
          h('td', {}, e.reason), h('td', {}, nameOf(agents, e.agentId)), h('td', {}, h('a', { href: '/feedback/' + encodeURIComponent(e.evaluationId) }, 'open')),
          h('td', {}, owner), h('td', { class: e.overdue ? 'bad' : null }, date(e.dueAt) + (e.overdue ? ' (overdue)' : '')), h('td', {}, st), h('td', {}, notes), h('td', {}, save));
      }));
      if (!items.length) body.replaceChildren(h('tr', {}, h('td', { colspan: 9 }, 'No escalations to show.')));
    } catch (err) { fail(app)(err); }
  }
  status.addEventListener('change', load);
  Promise.all([api('GET', '/api/v1/people'), api('GET', '/api/v1/agents')]).then(([ps, as]) => { people = ps.items; agents = as.items; }).catch(fail(app)).finally(load);
})();
