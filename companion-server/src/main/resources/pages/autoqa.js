'use strict';
// AutoQA settings of a team: SLA targets, the product dictionary and process rules on internal
// notes, read from and saved to /api/v1/autoqa/teams/{teamId}/rules. "In effect" shows the rules as
// the API holds them after every load and save.
(() => {
  const { api, h, field, message, fail, date } = QC;
  const app = document.getElementById('app');
  const num = (name, max, step) => h('input', { type: 'number', name, min: 0, max, step: step || 'any' });
  const f = {
    team: h('select', { name: 'team' }),
    firstReplyMinutes: num('firstReplyMinutes', 43200),
    longestWaitMinutes: num('longestWaitMinutes', 43200),
    handleTimeMinutes: num('handleTimeMinutes', 1440),
    maxReopens: num('maxReopens', 100, 1),
    dictionary: h('textarea', { name: 'dictionary', rows: 3, maxlength: 70000 }),
  };
  const rulesBody = h('tbody');
  const source = h('p', { id: 'rules-source', class: 'hint' });
  const effect = h('dl', { id: 'in-effect' });
  const effectRules = h('ul', { id: 'in-effect-rules' });
  const version = h('p', { id: 'rule-set-version', class: 'hint' });
  let names = {};

  function ruleRow(rule) {
    const r = rule || { name: '', keywords: [], regex: '', required: true };
    const required = h('select', { name: 'required', 'aria-label': 'Rule kind' },
      h('option', { value: 'true' }, 'must be noted'), h('option', { value: 'false' }, 'must not be noted'));
    required.value = String(r.required !== false);
    const row = h('tr', { class: 'rule' },
      h('td', {}, h('input', { type: 'text', name: 'name', value: r.name, maxlength: 64, 'aria-label': 'Rule name', placeholder: 'identity-verified' })),
      h('td', {}, h('input', { type: 'text', name: 'keywords', value: (r.keywords || []).join(', '), maxlength: 4200, 'aria-label': 'Keywords, comma-separated' })),
      h('td', {}, h('input', { type: 'text', name: 'regex', value: r.regex || '', maxlength: 500, 'aria-label': 'Regular expression' })),
      h('td', {}, required),
      h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => row.remove() }, 'Remove')));
    return row;
  }

  const form = h('form', { class: 'card', id: 'rules-form' }, h('h2', {}, 'Edit the rules'),
    h('div', { class: 'row' }, field('Team', f.team)),
    h('fieldset', {}, h('legend', {}, 'SLA targets (empty: no target)'),
      h('div', { class: 'row' }, field('First reply ≤ min', f.firstReplyMinutes),
        field('Longest wait for an agent reply ≤ min', f.longestWaitMinutes, 'from a customer message to the next agent reply'),
        field('Handle time ≤ min', f.handleTimeMinutes), field('Reopens ≤', f.maxReopens))),
    field('Product dictionary', f.dictionary, 'one word per line or separated by commas: never reported as a spelling mistake'),
    h('fieldset', {}, h('legend', {}, 'Process rules on internal notes'),
      h('div', { class: 'table-scroll' }, h('table', { id: 'rules-table' },
        h('thead', {}, h('tr', {}, ['Name', 'Keywords', 'Regular expression', 'Kind', ''].map((t) => h('th', { scope: 'col' }, t)))),
        rulesBody)),
      h('button', { type: 'button', id: 'add-rule', onclick: () => rulesBody.append(ruleRow()) }, 'Add a process rule')),
    h('button', { class: 'primary' }, 'Save rules'));
  app.append(h('section', { class: 'card', 'aria-labelledby': 'effect-title' }, h('h2', { id: 'effect-title' }, 'In effect'),
    source, effect, h('h3', {}, 'Process rules'), effectRules, version), form);

  const minutes = (v) => (v === null || v === undefined ? 'no target' : '≤ ' + v + ' min');
  function show(view) {
    const r = view.rules;
    const team = names[view.teamId] || view.teamId;
    source.textContent = view.inherited ? team + ' uses the SOP defaults.'
      : team + ' uses its own rules, changed ' + date(view.updatedAt) + '.';
    const item = (label, key, text) => [h('dt', {}, label), h('dd', { 'data-field': key }, text)];
    effect.replaceChildren(...item('First reply', 'firstReplyMinutes', minutes(r.firstReplyMinutes)),
      ...item('Longest wait for an agent reply', 'longestWaitMinutes', minutes(r.longestWaitMinutes)),
      ...item('Handle time', 'handleTimeMinutes', minutes(r.handleTimeMinutes)),
      ...item('Reopens', 'maxReopens', r.maxReopens === null || r.maxReopens === undefined ? 'no target' : '≤ ' + r.maxReopens),
      ...item('Product dictionary', 'dictionary', (r.dictionary || []).length ? r.dictionary.join(', ') : 'none'));
    const rules = r.processRules || [];
    effectRules.replaceChildren(...(rules.length ? rules.map((p) => h('li', { 'data-rule': p.name },
      h('strong', {}, p.name), ': an internal note ' + (p.required ? 'must' : 'must not') + ' mention '
        + [...(p.keywords || []).map((k) => '“' + k + '”'), ...(p.regex ? ['/' + p.regex + '/'] : [])].join(' or ')))
      : [h('li', {}, 'No process rule.')]));
    version.textContent = 'Rule-set version ' + view.ruleSetVersion + ': a change scores the team’s closed tickets again.';
    for (const k of ['firstReplyMinutes', 'longestWaitMinutes', 'handleTimeMinutes', 'maxReopens'])
      f[k].value = r[k] === null || r[k] === undefined ? '' : r[k];
    f.dictionary.value = (r.dictionary || []).join('\n');
    rulesBody.replaceChildren(...rules.map(ruleRow));
  }

  const path = () => '/api/v1/autoqa/teams/' + encodeURIComponent(f.team.value) + '/rules';
  async function load() {
    try { show(await api('GET', path())); } catch (err) { fail(app)(err); }
  }
  f.team.addEventListener('change', load);

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const number = (el) => (el.value === '' ? null : Number(el.value));
    const req = {
      firstReplyMinutes: number(f.firstReplyMinutes), longestWaitMinutes: number(f.longestWaitMinutes),
      handleTimeMinutes: number(f.handleTimeMinutes), maxReopens: number(f.maxReopens),
      dictionary: f.dictionary.value.split(/[\s,]+/).filter(Boolean),
      processRules: [...rulesBody.querySelectorAll('tr.rule')].map((row) => {
        const v = (n) => row.querySelector(`[name=${n}]`).value;
        return { name: v('name').trim(), keywords: v('keywords').split(',').map((k) => k.trim()).filter(Boolean),
          regex: v('regex') === '' ? null : v('regex'), required: v('required') === 'true' };
      }),
    };
    try {
      show(await api('PUT', path(), req));
      message(app, 'AutoQA rules saved for ' + names[f.team.value] + '. Its closed tickets are scored again.', 'ok');
    } catch (err) { fail(app)(err); }
  });

  (async () => {
    try {
      const [teams, me] = await Promise.all([api('GET', '/api/v1/teams'), api('GET', '/api/v1/me')]);
      names = {};
      teams.items.forEach((t) => { names[t.id] = t.name; });
      // an admin or an unscoped user edits every team, anyone else their own teams
      const mine = teams.items.filter((t) => me.role === 'ADMIN' || !me.teamIds.length || me.teamIds.includes(t.id));
      f.team.replaceChildren(...mine.map((t) => h('option', { value: t.id }, t.name)));
      if (mine.length) await load();
      else message(app, 'No team yet: create one under Users & teams.', 'info');
    } catch (err) { fail(app)(err); }
  })();
})();
