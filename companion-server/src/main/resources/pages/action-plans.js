'use strict';
// SMART action plans (goal, measure, target, owner, due date) and their follow-up review, whose
// verdict explains itself with the numbers; an early review is refused with the reason.
(() => {
  const { api, h, field, message, fail, date, criteriaOf, criterionName } = QC;
  const app = document.getElementById('app');
  const body = h('tbody');
  const f = {
    agent: h('select', { name: 'agentId', required: true }), goal: h('input', { name: 'goal', required: true }),
    measure: h('select', { name: 'measure' }, [['CRITERION_PASS_RATE', 'Pass rate of one criterion'], ['PASS_RATE', 'Pass rate'], ['QUALITY_SCORE', 'Quality score']].map(([v, l]) => h('option', { value: v }, l))),
    criterion: h('select', { name: 'criterionId' }), target: h('input', { type: 'number', name: 'target', min: 0, max: 100, required: true }),
    over: h('input', { type: 'number', name: 'overEvaluations', min: 1, max: 200, value: 10 }),
    owner: h('select', { name: 'ownerId' }), due: h('input', { type: 'date', name: 'dueAt', required: true }),
  };
  const form = h('form', { class: 'card', id: 'plan-form' }, h('h2', {}, 'New action plan'),
    h('div', { class: 'row' }, field('Agent', f.agent), field('Specific goal', f.goal), field('Owner', f.owner), field('Due date', f.due)),
    h('div', { class: 'row' }, field('Measure', f.measure), field('Criterion', f.criterion, 'for a criterion pass rate; the agent\u2019s pass rate over 90 days shown'),
      field('Target %', f.target), field('Over evaluations', f.over, 'how many evaluations after the start are measured')),
    h('button', { class: 'primary' }, 'Start plan'));
  app.append(h('div', { class: 'table-scroll' }, h('table', { id: 'plans' }, h('caption', {}, 'Action plans, newest first'),
    h('thead', {}, h('tr', {}, ['Agent', 'Goal', 'Measure', 'Target', 'Due', 'Status', 'Verdict', ''].map((t) => h('th', { scope: 'col' }, t)))), body)), form);
  let agents = [];
  const agentName = (id) => (agents.find((a) => a.id === id) || { name: id }).name;
  const measure = (p, name) => (p.measure === 'CRITERION_PASS_RATE' ? 'pass rate of ' + (name || p.criterionId) : p.measure === 'PASS_RATE' ? 'pass rate' : 'quality score');
  async function review(p, row) {
    try {
      const r = await api('POST', '/api/v1/action-plans/' + encodeURIComponent(p.id) + '/review', {});
      message(app, 'Reviewed: ' + r.verdict, 'ok');
      load();
    } catch (err) {
      message(app, 'Not reviewed: ' + err.message, 'error');
    }
  }
  async function load() {
    try {
      const plans = await api('GET', '/api/v1/action-plans');
      const names = await Promise.all(plans.items.map((p) => criterionName(p.agentId, p.criterionId)));
      body.replaceChildren(...plans.items.map((p, i) => {
        const row = h('tr', { 'data-plan': p.id });
        row.append(h('td', {}, agentName(p.agentId)), h('td', {}, p.goal), h('td', { class: 'measure' }, measure(p, names[i])), h('td', {}, p.target + ' %'),
          h('td', {}, date(p.dueAt).slice(0, 10)), h('td', { class: 'status' }, p.status.replace('_', ' ').toLowerCase()), h('td', { class: 'verdict' }, p.verdict || '—'),
          h('td', {}, p.status === 'OPEN' ? h('button', { type: 'button', onclick: () => review(p, row) }, 'Review now') : ''));
        return row;
      }));
    } catch (err) { fail(app)(err); }
  }
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api('POST', '/api/v1/action-plans', { agentId: f.agent.value, goal: f.goal.value, measure: f.measure.value,
        criterionId: f.measure.value === 'CRITERION_PASS_RATE' ? f.criterion.value : undefined, target: Number(f.target.value),
        overEvaluations: Number(f.over.value), ownerId: f.owner.value || undefined, dueAt: f.due.value + 'T17:00:00Z' });
      message(app, 'Plan started.', 'ok'); form.reset(); load();
    } catch (err) { fail(app)(err); }
  });
  Promise.all([api('GET', '/api/v1/agents'), api('GET', '/api/v1/me')]).then(([as, me]) => {
    agents = as.items;
    f.agent.replaceChildren(...agents.map((a) => h('option', { value: a.id }, a.name)));
    criteriaOf(f.agent.value, f.criterion).catch(fail(app));
    f.agent.addEventListener('change', () => criteriaOf(f.agent.value, f.criterion).catch(fail(app)));
    f.owner.replaceChildren(h('option', { value: me.id }, me.name + ' (me)'));
  }).catch(fail(app)).finally(load);
})();
