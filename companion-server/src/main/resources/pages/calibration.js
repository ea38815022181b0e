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

  // What AutoQA found, as a lead would pick it: check id → label.
  const FINDINGS = { greeting: 'No greeting', closing: 'No closing', empathy: 'No empathy or acknowledgement',
    apology: 'No apology to an unhappy customer', sentiment_end: 'Customer unhappy at the end',
    escalation: 'Escalation words from the customer', first_reply: 'First reply slower than the SLA',
    longest_wait: 'Customer waited longer than the SLA', reopens: 'Reopened', handle_time: 'Handle time over the target',
    readability: 'Hard to read' };

  // Ticket search: filters, a page of results with "Show more", and the tickets picked so far.
  function ticketSearch(agents, teams) {
    const picked = new Map();
    const q = h('input', { type: 'search', id: 'cal-q', placeholder: 'subject words, #ticket or key' });
    const agent = h('select', { id: 'cal-agent' }, h('option', { value: '' }, 'Any agent'),
      agents.map((a) => h('option', { value: a.id }, a.name)));
    const team = h('select', { id: 'cal-team' }, h('option', { value: '' }, 'Any team'),
      teams.map((t) => h('option', { value: t.id }, t.name)));
    const host = h('select', { id: 'cal-host' }, h('option', { value: '' }, 'Any host'));
    const from = h('input', { type: 'date', id: 'cal-from' });
    const to = h('input', { type: 'date', id: 'cal-to' });
    const finding = h('select', { id: 'cal-finding' }, h('option', { value: '' }, 'Anything'),
      Object.entries(FINDINGS).map(([id, label]) => h('option', { value: id }, label)));
    const rows = h('tbody');
    const more = h('button', { type: 'button', id: 'cal-more', hidden: true }, 'Show more');
    const count = h('p', { id: 'cal-count', class: 'muted', 'aria-live': 'polite' });
    const chosen = h('ul', { id: 'cal-picked' });
    let next = null;
    let shown = 0;
    let asked = 0; // only the latest search may draw its answer
    const drawPicked = () => chosen.replaceChildren(...(picked.size ? [...picked.values()].map((t) => h('li', {},
      h('strong', {}, t.key || t.id), ' ', t.subject || '', ' ',
      h('button', { type: 'button', class: 'link', 'aria-label': 'Remove ' + (t.key || t.id), onclick: () => {
        picked.delete(t.id); drawPicked();
        const box = rows.querySelector(`input[value="${CSS.escape(t.id)}"]`); if (box) box.checked = false;
      } }, 'Remove'))) : [h('li', { class: 'muted' }, 'No ticket picked yet.')]));
    const row = (t) => h('tr', { 'data-ticket': t.id },
      h('td', {}, h('input', { type: 'checkbox', value: t.id, checked: picked.has(t.id), 'aria-label': 'Pick ' + (t.key || t.id),
        onchange: (ev) => { if (ev.target.checked) picked.set(t.id, t); else picked.delete(t.id); drawPicked(); } })),
      h('td', {}, h('strong', {}, t.key || ''), ' ', t.subject || ''),
      h('td', {}, t.agentName || '—'), h('td', {}, t.teamName || '—'), h('td', {}, t.host),
      h('td', {}, date(t.solvedAt)),
      h('td', { class: 'findings' }, t.autoqaFailed.length ? t.autoqaFailed.map((c) => FINDINGS[c] || c).join(', ') : '—'));
    async function search(append) {
      const params = new URLSearchParams({ limit: '20' });
      for (const [k, el] of [['q', q], ['agentId', agent], ['teamId', team], ['host', host], ['solvedFrom', from], ['solvedTo', to], ['autoqaFailed', finding]])
        if (el.value) params.set(k, el.value);
      if (append && next) params.set('cursor', next);
      const mine = ++asked;
      try {
        const res = await api('GET', '/api/v1/calibrations/candidates?' + params);
        if (mine !== asked) return;
        if (res.hosts && host.options.length === 1) host.append(...res.hosts.map((x) => h('option', { value: x }, x)));
        if (!append) { rows.replaceChildren(); shown = 0; }
        rows.append(...res.items.map(row));
        shown += res.items.length;
        next = res.nextCursor || null;
        more.hidden = !next;
        count.textContent = shown ? `${shown} closed ticket(s) shown${next ? '; more below' : ''}` : 'No closed ticket matches.';
      } catch (err) { fail(box)(err); }
    }
    more.addEventListener('click', () => search(true));
    const go = h('button', { type: 'button', id: 'cal-search' }, 'Search');
    go.addEventListener('click', () => search(false));
    q.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') { ev.preventDefault(); search(false); } });
    const box = h('fieldset', { id: 'cal-tickets', class: 'ticket-search' }, h('legend', {}, 'Tickets'),
      h('div', { class: 'row' }, field('Search tickets', q), field('Agent', agent), field('Team', team), field('Host', host),
        field('Solved from', from), field('Solved to', to), field('AutoQA found', finding), go),
      count,
      h('div', { class: 'table-scroll' }, h('table', { id: 'cal-results' },
        h('thead', {}, h('tr', {}, ['Pick', 'Ticket', 'Agent', 'Team', 'Host', 'Solved', 'AutoQA found'].map((t) => h('th', { scope: 'col' }, t)))), rows)),
      more, h('h3', {}, 'Picked'), chosen);
    drawPicked();
    search(false);
    return { box, ids: () => [...picked.keys()] };
  }

  async function createForm() {
    const [cards, graders, agents, teams] = await Promise.all([
      api('GET', '/api/v1/scorecards'), api('GET', '/api/v1/calibrations/graders'),
      api('GET', '/api/v1/agents'), api('GET', '/api/v1/teams')]);
    const title = h('input', { type: 'text', id: 'cal-title', required: true });
    const version = h('select', { id: 'cal-version' }, (cards.items || []).filter((c) => c.versions && c.versions.length)
      .map((c) => { const v = c.versions[c.versions.length - 1]; return h('option', { value: v.id }, `${c.name} v${v.version}`); }));
    const deadline = h('input', { type: 'datetime-local', id: 'cal-deadline' });
    const tickets = ticketSearch(agents.items || [], teams.items || []);
    const extra = h('input', { type: 'text', id: 'cal-ticket-ids', placeholder: 'ticket ids, comma separated' });
    const people = h('fieldset', { id: 'cal-graders', class: 'choices' }, h('legend', {}, 'Graders'),
      graders.items.map((u) => h('label', { class: 'opt' }, h('input', { type: 'checkbox', value: u.id }), ' ', u.name)));
    const benchmark = h('select', { id: 'cal-benchmark' }, h('option', { value: '' }, 'none: record agreed answers after the reveal'),
      graders.items.map((u) => h('option', { value: u.id }, u.name)));
    const form = h('form', { id: 'new-session', class: 'card' }, h('h2', {}, 'New calibration session'),
      field('Title', title), field('Scorecard', version), tickets.box, field('More tickets', extra), people,
      field('Benchmark grader', benchmark), field('Deadline', deadline, 'after it you may reveal even if someone has not graded'),
      h('button', { class: 'primary', id: 'cal-create' }, 'Create and invite'));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const picked = (fs) => [...fs.querySelectorAll('input:checked')].map((i) => i.value);
      const ticketIds = [...new Set(tickets.ids().concat(extra.value.split(',').map((t) => t.trim()).filter(Boolean)))];
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
