'use strict';
// GROW coaching sessions linked to evaluations, and training assigned from a gap, completed and
// measured.
(() => {
  const { api, h, field, message, fail, date, criteriaOf, criterionName } = QC;
  const app = document.getElementById('app');
  const sessions = h('tbody'), trainings = h('tbody');
  const g = {
    agent: h('select', { name: 'agentId', required: true }), evaluations: h('select', { name: 'evaluationIds', multiple: true, size: 4 }),
    goal: h('textarea', { name: 'goal', required: true, rows: 2 }), reality: h('textarea', { name: 'reality', rows: 2 }),
    options: h('textarea', { name: 'options', rows: 2 }), wayForward: h('textarea', { name: 'wayForward', rows: 2 }),
  };
  const grow = h('form', { class: 'card', id: 'grow-form' }, h('h2', {}, 'Record a coaching session (GROW)'),
    h('div', { class: 'row' }, field('Agent', g.agent), field('Evaluations discussed', g.evaluations)),
    h('div', { class: 'row' }, field('Goal', g.goal), field('Reality', g.reality), field('Options', g.options), field('Way forward', g.wayForward)),
    h('button', { class: 'primary' }, 'Save session'));
  const t = { agent: h('select', { name: 'agentId', required: true }), topic: h('input', { name: 'topic', required: true }),
    criterion: h('select', { name: 'criterionId' }), rootCause: h('input', { name: 'rootCause' }), due: h('input', { type: 'date', name: 'dueAt' }) };
  const train = h('form', { class: 'card', id: 'training-form' }, h('h2', {}, 'Assign training from a gap'),
    h('div', { class: 'row' }, field('Agent', t.agent), field('Topic', t.topic), field('Criterion', t.criterion, 'the gap, with the agent\u2019s pass rate over 90 days; it becomes the baseline'),
      field('Root cause', t.rootCause), field('Due', t.due)), h('button', { class: 'primary' }, 'Assign training'));
  const table = (id, caption, heads, body) => h('div', { class: 'table-scroll' }, h('table', { id }, h('caption', {}, caption),
    h('thead', {}, h('tr', {}, heads.map((x) => h('th', { scope: 'col' }, x)))), body));
  app.append(table('sessions', 'Coaching sessions', ['Held', 'Agent', 'Coach', 'Goal', 'Way forward', 'Evaluations', 'Acknowledged'], sessions), grow,
    table('training', 'Training', ['Agent', 'Topic', 'Gap', 'Assigned', 'Completed', 'Baseline', 'After', 'Effect', ''], trainings), train);
  let agents = [];
  const agentName = (id) => (agents.find((a) => a.id === id) || { name: id }).name;
  const pct = (v) => (v == null ? '—' : Math.round(v * 10) / 10 + ' %');
  async function evaluationsOf(agentId) {
    if (!agentId) return;
    const page = await api('GET', '/api/v1/summaries/evaluations?period=quarter&limit=50&agentId=' + encodeURIComponent(agentId));
    g.evaluations.replaceChildren(...page.items.map((e) => h('option', { value: e.id }, date(e.submittedAt).slice(0, 10) + ' · ' + (e.ticketKey || e.ticketId) + ' · ' + (e.score == null ? '—' : e.score + ' %'))));
  }
  g.agent.addEventListener('change', () => evaluationsOf(g.agent.value).catch(fail(app)));
  t.agent.addEventListener('change', () => criteriaOf(t.agent.value, t.criterion, 'none: a root cause only').catch(fail(app)));
  const act = (label, path) => h('button', { type: 'button', onclick: async () => {
    try { const r = await api('POST', path, {}); message(app, label + ': ' + (r.verdict || 'done'), 'ok'); load(); } catch (err) { message(app, err.message, 'error'); }
  } }, label);
  async function load() {
    try {
      const [ss, ts] = await Promise.all([api('GET', '/api/v1/coaching/sessions'), api('GET', '/api/v1/training')]);
      sessions.replaceChildren(...ss.items.map((s) => h('tr', { 'data-session': s.id }, h('td', {}, date(s.heldAt)), h('td', {}, agentName(s.agentId)), h('td', { class: 'coach' }, s.coachName || '—'), h('td', {}, s.goal),
        h('td', {}, s.wayForward || ''), h('td', { class: 'evaluations' }, s.evaluationIds.map((id, i) => [h('a', { href: '/feedback/' + encodeURIComponent(id) }, 'ticket ' + (s.evaluationTickets[i] || id)), ' '])),
        h('td', {}, s.acknowledgedAt ? date(s.acknowledgedAt) : 'not yet'))));
      const gaps = await Promise.all(ts.items.map((x) => criterionName(x.agentId, x.criterionId)));
      trainings.replaceChildren(...ts.items.map((x, i) => h('tr', { 'data-training': x.id }, h('td', {}, agentName(x.agentId)), h('td', {}, x.topic),
        h('td', { class: 'gap' }, [gaps[i], x.rootCause].filter(Boolean).join(' · ') || '—'), h('td', {}, date(x.assignedAt).slice(0, 10)),
        h('td', {}, x.completedAt ? date(x.completedAt).slice(0, 10) : 'not yet'), h('td', {}, pct(x.baseline)), h('td', {}, pct(x.afterRate)),
        h('td', { class: 'verdict' }, x.verdict ? x.verdict.replace('_', ' ').toLowerCase() : '—'),
        h('td', {}, !x.completedAt ? act('Mark completed', '/api/v1/training/' + encodeURIComponent(x.id) + '/complete')
          : !x.verdict ? act('Measure effect', '/api/v1/training/' + encodeURIComponent(x.id) + '/review') : ''))));
    } catch (err) { fail(app)(err); }
  }
  grow.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api('POST', '/api/v1/coaching/sessions', { agentId: g.agent.value, evaluationIds: [...g.evaluations.selectedOptions].map((o) => o.value),
        goal: g.goal.value, reality: g.reality.value || undefined, options: g.options.value || undefined, wayForward: g.wayForward.value || undefined });
      message(app, 'Session saved.', 'ok'); grow.reset(); load();
    } catch (err) { fail(app)(err); }
  });
  train.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api('POST', '/api/v1/training', { agentId: t.agent.value, topic: t.topic.value, criterionId: t.criterion.value || undefined,
        rootCause: t.rootCause.value || undefined, dueAt: t.due.value ? t.due.value + 'T17:00:00Z' : undefined });
      message(app, 'Training assigned.', 'ok'); train.reset(); criteriaOf(t.agent.value, t.criterion, 'none: a root cause only'); load();
    } catch (err) { fail(app)(err); }
  });
  api('GET', '/api/v1/agents').then((as) => {
    agents = as.items;
    const opts = () => agents.map((a) => h('option', { value: a.id }, a.name));
    g.agent.replaceChildren(...opts()); t.agent.replaceChildren(...opts());
    criteriaOf(t.agent.value, t.criterion, 'none: a root cause only').catch(fail(app));
    return evaluationsOf(g.agent.value);
  }).catch(fail(app)).finally(load);
})();
