'use strict';
// An agent's evaluations (the API returns only their own to an agent).
(() => {
  const { api, h, fail, date, pct } = QC;
  const app = document.getElementById('app');
  (async () => {
    try {
      const page = await api('GET', '/api/v1/evaluations?limit=100');
      const items = page.items || [];
      if (!items.length) { app.append(h('p', {}, 'No feedback yet.')); return; }
      app.append(h('table', { id: 'feedback' },
        h('thead', {}, h('tr', {}, ['Ticket', 'Score', 'Result', 'Status', 'Submitted'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, items.map((e) => h('tr', {},
          h('td', {}, h('a', { href: '/feedback/' + encodeURIComponent(e.id) }, (e.ticket && (e.ticket.key || e.ticket.id)) || e.id, ' ', (e.ticket && e.ticket.subject) || '')),
          h('td', {}, pct(e.score)),
          h('td', {}, e.criticalFail ? h('strong', { class: 'error' }, 'Critical fail') : e.passed ? 'Pass' : 'Below pass mark'),
          h('td', {}, e.status),
          h('td', {}, date(e.submittedAt)))))));
    } catch (err) { fail(app)(err); }
  })();
})();
