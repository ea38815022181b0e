'use strict';
// Sampling policy per team: tier rates, tier thresholds, triggers, weekly quotas; preview the
// effect on last week's tickets before saving.
(() => {
  const { api, h, field, message, fail } = QC;
  const app = document.getElementById('app');
  const team = h('select', { id: 'policy-team' });
  const formEl = h('form', { id: 'policy-form' });
  const previewEl = h('div', { id: 'policy-preview', class: 'card', 'aria-live': 'polite' }, 'Preview shows how many of last week\'s tickets this policy would pick.');
  app.append(h('div', { class: 'row' }, field('Team', team)), h('div', { class: 'two' }, formEl, h('aside', {}, h('h2', {}, 'Effect on last week'), previewEl)));

  const FIELDS = [
    ['Rates (share of tickets, 0–1)', [['rates.newAgent', 'New agent'], ['rates.standard', 'Standard'], ['rates.proven', 'Proven'], ['rates.atRisk', 'At risk']]],
    ['Tiers', [['tiers.newTickets', 'New until N evaluated tickets'], ['tiers.newWeeks', '… and W weeks'], ['tiers.provenWindow', 'Proven window K'],
      ['tiers.target', 'Quality target %'], ['tiers.atRiskWindow', 'At-risk window'], ['tiers.atRiskThreshold', 'At-risk below %'],
      ['tiers.criticalDays', 'Critical fail keeps at risk (days)'], ['tiers.recoveryCount', 'Recovery evaluations']]],
    ['Triggers (always sample)', [['triggers.badCsat', 'Bad CSAT', 'bool'], ['triggers.reopened', 'Reopened', 'bool'],
      ['triggers.handleTimeSeconds', 'Handle time over (s, 0 = off)'], ['triggers.tags', 'Tags', 'list'], ['triggers.keywords', 'Subject keywords', 'list']]],
    ['Weekly quota per agent', [['quota.minPerWeek', 'Minimum'], ['quota.maxPerWeek', 'Maximum'], ['quota.topUpDays', 'Top up in the last N days'], ['dueBusinessDays', 'Due in business days']]],
  ];
  const get = (o, path) => path.split('.').reduce((x, k) => (x == null ? x : x[k]), o);
  const set = (o, path, v) => { const ks = path.split('.'); const last = ks.pop(); ks.reduce((x, k) => (x[k] = x[k] || {}), o)[last] = v; };
  let inputs = {}, seed = null;

  function render(config) {
    inputs = {}; seed = config.seed;
    formEl.replaceChildren(...FIELDS.map(([legend, fields]) => h('fieldset', { class: 'card' }, h('legend', {}, legend),
      h('div', { class: 'row' }, fields.map(([path, label, kind]) => {
        const v = get(config, path);
        const el = kind === 'bool' ? h('input', { type: 'checkbox', checked: !!v })
          : h('input', kind === 'list' ? { value: (v || []).join(', ') } : { type: 'number', step: 'any', value: v ?? '' });
        inputs[path] = [el, kind];
        return field(label, el);
      })))),
    h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'preview-policy', onclick: preview }, 'Preview on last week'),
      h('button', { class: 'primary', id: 'save-policy' }, 'Save policy')));
  }

  function policy() {
    const out = { seed };
    for (const [path, [el, kind]] of Object.entries(inputs))
      set(out, path, kind === 'bool' ? el.checked : kind === 'list' ? el.value.split(',').map((s) => s.trim()).filter(Boolean) : Number(el.value));
    return out;
  }
  const path = () => '/api/v1/sampling/policies' + (team.value ? '/' + encodeURIComponent(team.value) : '');

  let loads = 0; // only the latest team's policy is shown when answers arrive out of order
  async function load() {
    const mine = ++loads;
    try {
      const p = await api('GET', path());
      if (mine !== loads) return;
      render(p.config);
      message(formEl, p.inherited ? 'This team uses the organisation default; saving creates its own policy.' : 'Policy of this team.', 'info');
    } catch (err) { fail(app)(err); }
  }

  async function preview() {
    try {
      const to = new Date(), from = new Date(to.getTime() - 7 * 86400000);
      const r = await api('POST', '/api/v1/sampling/preview', { teamId: team.value || null, from: from.toISOString(), to: to.toISOString(), policy: policy() });
      const kv = (m) => Object.entries(m || {}).map(([k, v]) => `${k}: ${v}`).join(', ') || '—';
      previewEl.replaceChildren(
        h('p', { id: 'preview-total' }, h('strong', {}, `${r.selected} of ${r.pairs}`), ` tickets selected (${(r.selectedShare * 100).toFixed(1)}%)`),
        h('p', {}, 'By reason: ' + kv(r.byReason)), h('p', {}, 'By tier: ' + kv(r.byTier)),
        h('p', {}, `Stopped by the weekly maximum: ${r.overMax} · topped up: ${r.toppedUp}`));
    } catch (err) { fail(previewEl)(err); }
  }

  formEl.addEventListener('submit', async (e) => {
    e.preventDefault();
    try { await api('PUT', path(), policy()); message(formEl, 'Policy saved.', 'ok'); } catch (err) { fail(formEl)(err); }
  });
  team.addEventListener('change', load);
  (async () => {
    try {
      const ts = await api('GET', '/api/v1/teams');
      team.replaceChildren(h('option', { value: '' }, 'Organisation default'), ...ts.items.map((t) => h('option', { value: t.id }, t.name)));
      load();
    } catch (err) { fail(app)(err); }
  })();
})();
