'use strict';
// Calibration sessions: mine (or all, for leads) with progress; leads create a new one.
(() => {
  const { api, h, field, fail, date, message } = QC;
  const app = document.getElementById('app');
  const role = (document.querySelector('meta[name="user-role"]') || {}).content;
  const lead = role === 'QC_LEAD' || role === 'ADMIN';
  const body = h('tbody');
  app.append(h('div', { class: 'table-scroll' }, h('table', { id: 'sessions' },
    h('thead', {}, h('tr', {}, ['Session', 'Status', 'Tickets', 'Graders', 'Grades in', 'Yours', 'Deadline']
      .map((t) => h('th', { scope: 'col' }, t)))), body)));

  async function load() {
    try {
      const res = await api('GET', '/api/v1/calibrations');
      body.replaceChildren(...(res.items.length ? res.items.map((s) => h('tr', {},
        h('td', {}, h('a', { href: '/calibration/' + encodeURIComponent(s.id) }, s.title)),
        h('td', {}, s.status === 'OPEN' ? 'Grading (blind)' : 'Revealed'),
        h('td', {}, String(s.tickets)),
        h('td', {}, String(s.participants)),
        h('td', {}, `${s.gradesSubmitted} of ${s.gradesExpected}`),
        h('td', {}, s.participating ? `${s.myGradesSubmitted} of ${s.tickets}` : '—'),
        h('td', {}, date(s.deadlineAt))))
        : [h('tr', {}, h('td', { colspan: 7 }, 'No calibration sessions yet.'))]));
    } catch (err) { fail(app)(err); }
  }

  async function createForm() {
    const [cards, graders, samples] = await Promise.all([
      api('GET', '/api/v1/scorecards'), api('GET', '/api/v1/calibrations/graders'),
      api('GET', '/api/v1/samples?selected=true&limit=100')]);
    const title = h('input', { type: 'text', id: 'cal-title', required: true });
    const version = h('select', { id: 'cal-version' }, (cards.items || []).filter((c) => c.versions && c.versions.length)
      .map((c) => { const v = c.versions[c.versions.length - 1]; return h('option', { value: v.id }, `${c.name} v${v.version}`); }));
    const deadline = h('input', { type: 'datetime-local', id: 'cal-deadline' });
    const tickets = h('fieldset', { id: 'cal-tickets', class: 'choices' }, h('legend', {}, 'Tickets (from recent samples)'),
      (samples.items || []).slice(0, 30).map((s) => h('label', { class: 'opt' },
        h('input', { type: 'checkbox', value: s.ticketId }), ' ', s.ticketKey || s.ticketId, ' ', s.subject || '')));
    const extra = h('input', { type: 'text', id: 'cal-ticket-ids', placeholder: 'ticket ids, comma separated' });
    const people = h('fieldset', { id: 'cal-graders', class: 'choices' }, h('legend', {}, 'Graders'),
      graders.items.map((u) => h('label', { class: 'opt' }, h('input', { type: 'checkbox', value: u.id }), ' ', u.name)));
    const benchmark = h('select', { id: 'cal-benchmark' }, h('option', { value: '' }, 'none: record agreed answers after the reveal'),
      graders.items.map((u) => h('option', { value: u.id }, u.name)));
    const form = h('form', { id: 'new-session', class: 'card' }, h('h2', {}, 'New calibration session'),
      field('Title', title), field('Scorecard', version), tickets, field('More tickets', extra), people,
      field('Benchmark grader', benchmark), field('Deadline', deadline, 'after it you may reveal even if someone has not graded'),
      h('button', { class: 'primary' }, 'Create and invite'));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const picked = (fs) => [...fs.querySelectorAll('input:checked')].map((i) => i.value);
      const ticketIds = picked(tickets).concat(extra.value.split(',').map((t) => t.trim()).filter(Boolean));
      try {
        const s = await api('POST', '/api/v1/calibrations', {
          title: title.value, scorecardVersionId: version.value, ticketIds, qcIds: picked(people),
          benchmarkQcId: benchmark.value || undefined,
          deadline: deadline.value ? new Date(deadline.value).toISOString() : undefined });
        location.href = '/calibration/' + encodeURIComponent(s.id);
      } catch (err) { fail(form)(err); }
    });
    app.append(form);
  }

  load();
  if (lead) createForm().catch((err) => message(app, err.message, 'error'));
})();
