'use strict';
// Agent home: my score trend against the quality target and the pass mark, pass rate, strongest
// and weakest criteria, every evaluation, self-review of my own tickets, and the coaching sessions
// and action plans addressed to me. Staff see the evaluations in their scope.
(() => {
  const { api, h, fail, date, pct, field, message } = QC;
  const app = document.getElementById('app');
  const role = (document.querySelector('meta[name="user-role"]') || {}).content;
  const agent = role === 'AGENT';

  (async () => {
    try {
      if (agent) await summary();
      await evaluations();
      if (agent) { await coaching(); await selfReview(); }
    } catch (err) { fail(app)(err); }
  })();

  async function summary() {
    const s = await api('GET', '/api/v1/feedback/summary');
    const marks = (s.passMarks || []).map((m) => `${m.passMarkPercent}% (${m.scorecardName})`).join(', ') || '—';
    // CSSOM, not a style attribute: the page's CSP allows no inline styles.
    const bar = (value, target) => {
      const el = h('span', { class: 'bar' + (value >= target ? ' on-target' : '') });
      el.style.width = Math.max(0, Math.min(100, value)) + '%';
      return el;
    };
    const trend = h('ol', { id: 'trend', class: 'trend', 'aria-label': 'Average score by week' },
      (s.trend || []).map((w) => h('li', {},
        h('span', { class: 'week' }, 'Week of ' + w.weekStart),
        h('span', { class: 'bar-track', 'aria-hidden': 'true' }, bar(w.averageScore, s.qualityTargetPercent)),
        h('span', { class: 'value' }, pct(w.averageScore), ` (${w.evaluations})`))));
    const share = (list, id) => h('ul', { id }, (list || []).map((c) => h('li', {}, c.name, ': ', pct(c.percentOfPoints), ' of points')));
    app.append(h('section', { id: 'summary', class: 'tiles', 'aria-label': 'My quality' },
      h('div', { class: 'tile' }, h('h2', {}, 'Average score'), h('p', { id: 'average', class: 'big' }, pct(s.averageScore)),
        h('p', { class: 'muted' }, 'Quality target ', h('strong', { id: 'quality-target' }, pct(s.qualityTargetPercent)), ' (your team\'s goal for the average)')),
      h('div', { class: 'tile' }, h('h2', {}, 'Pass rate'), h('p', { id: 'pass-rate', class: 'big' }, pct(s.passRatePercent)),
        h('p', { class: 'muted' }, 'Pass mark ', h('strong', { id: 'pass-mark' }, marks), ': one evaluation passes at or above it')),
      h('div', { class: 'tile' }, h('h2', {}, 'Evaluations'), h('p', { id: 'evaluation-count', class: 'big' }, String(s.evaluations)),
        h('p', { class: 'muted' }, 'last 90 days'))),
      h('h2', {}, 'Trend by week'), (s.trend || []).length ? trend : h('p', {}, 'No evaluations yet.'),
      h('div', { class: 'row' }, h('div', {}, h('h2', {}, 'Strongest'), share(s.strongest, 'strongest')),
        h('div', {}, h('h2', {}, 'To work on'), share(s.weakest, 'weakest'))));
  }

  async function evaluations() {
    const page = await api('GET', '/api/v1/evaluations?limit=100');
    const items = page.items || [];
    app.append(h('h2', {}, 'Evaluations'));
    if (!items.length) { app.append(h('p', {}, 'No feedback yet.')); return; }
    app.append(h('div', { class: 'table-scroll' }, h('table', { id: 'feedback' },
      h('thead', {}, h('tr', {}, ['Ticket', 'Score', 'Result', 'Status', 'Submitted'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, items.map((e) => h('tr', {},
        h('td', {}, h('a', { href: '/feedback/' + encodeURIComponent(e.id) }, (e.ticket && (e.ticket.key || e.ticket.id)) || e.id, ' ', (e.ticket && e.ticket.subject) || '')),
        h('td', {}, pct(e.score)),
        h('td', {}, e.criticalFail ? h('strong', { class: 'error' }, 'Critical fail') : e.passed ? 'Pass' : 'Below pass mark',
          h('small', { class: 'muted' }, ` (pass mark ${e.passMark}%)`)),
        h('td', {}, { SUBMITTED: 'New', DISPUTED: 'Disputed', AMENDED: 'Amended', UPHELD: 'Upheld' }[e.status] || e.status),
        h('td', {}, date(e.submittedAt))))))));
  }

  async function coaching() {
    const [sessions, plans] = await Promise.all([api('GET', '/api/v1/coaching/sessions'), api('GET', '/api/v1/action-plans')]);
    const box = h('section', { id: 'coaching', class: 'card', 'aria-label': 'Coaching' }, h('h2', {}, 'Coaching sessions'));
    const ack = (path, done) => async () => {
      try { await api('POST', path, {}); message(box, 'Acknowledged.', 'ok'); done(); } catch (err) { fail(box)(err); }
    };
    const sessionList = h('ul', { id: 'coaching-sessions' }, (sessions.items || []).map((s) => {
      const li = h('li', {}, h('strong', {}, s.goal), ' · ', date(s.heldAt),
        s.wayForward ? h('div', {}, 'Way forward: ', s.wayForward) : null);
      if (s.acknowledgedAt) li.append(h('div', { class: 'muted' }, 'Acknowledged ', date(s.acknowledgedAt)));
      else li.append(h('button', { type: 'button', class: 'ack-session', onclick: ack('/api/v1/coaching/sessions/' + encodeURIComponent(s.id) + '/acknowledge',
        () => li.querySelector('button').replaceWith(h('div', { class: 'muted' }, 'Acknowledged'))) }, 'Acknowledge'));
      return li;
    }));
    const planList = h('ul', { id: 'action-plans' }, (plans.items || []).map((p) => {
      const li = h('li', { id: 'plans' }, h('strong', {}, p.goal), ` · target ${p.target} over ${p.overEvaluations} evaluations · due ${date(p.dueAt)} · ${p.status.toLowerCase()}`,
        p.verdict ? h('div', {}, 'Verdict: ', p.verdict) : null);
      if (p.acknowledgedAt) li.append(h('div', { class: 'muted' }, 'Acknowledged ', date(p.acknowledgedAt)));
      else li.append(h('button', { type: 'button', class: 'ack-plan', onclick: ack('/api/v1/action-plans/' + encodeURIComponent(p.id) + '/acknowledge',
        () => li.querySelector('button').replaceWith(h('div', { class: 'muted' }, 'Acknowledged'))) }, 'Acknowledge'));
      return li;
    }));
    box.append((sessions.items || []).length ? sessionList : h('p', {}, 'None yet.'),
      h('h2', {}, 'Action plans'), (plans.items || []).length ? planList : h('p', {}, 'None yet.'));
    app.append(box);
  }

  async function selfReview() {
    const res = await api('GET', '/api/v1/self-reviews/candidates');
    const box = h('section', { id: 'self-review', class: 'card', 'aria-label': 'Self-review' }, h('h2', {}, 'Review one of your tickets'));
    app.append(box);
    if (!res.items.length) { box.append(h('p', {}, 'No ungraded tickets of yours to review.')); return; }
    const pick = h('select', { id: 'self-review-ticket' }, res.items.map((t) => h('option', { value: t.id }, (t.ticket_key || t.id) + ' ' + (t.subject || ''))));
    const area = h('div');
    box.append(field('Ticket', pick), h('button', { type: 'button', id: 'self-review-start', onclick: start }, 'Start self-review'), area);
    async function start() {
      try {
        const card = await api('GET', '/api/v1/self-reviews/scorecard?ticketId=' + encodeURIComponent(pick.value));
        const live = h('div', { class: 'live-score', role: 'status' });
        let answers = {};
        const form = ScoreForm.render(card.definition, {}, { prefix: 'self', onChange: (a) => { answers = a; ScoreForm.summary(live, card.definition, a); } });
        const save = h('button', { type: 'button', id: 'self-review-save', class: 'primary', onclick: async () => {
          try {
            const r = await api('POST', '/api/v1/self-reviews', { ticketId: pick.value, answers });
            area.replaceChildren(h('p', { id: 'self-review-saved', role: 'status' }, 'Saved: you scored yourself ', pct(r.selfScore),
              '. When a QC grades this ticket you will see both side by side.'));
          } catch (err) { fail(area)(err); }
        } }, 'Save self-review');
        area.replaceChildren(h('p', { class: 'muted' }, `${card.definition.name} — the scorecard a QC would use for this ticket`), live, form, save);
      } catch (err) { fail(area)(err); }
    }
  }
})();
