'use strict';
// KPI targets per team with the day each takes effect, and their history.
(() => {
  const { api, h, field, message, fail, date } = QC;
  const app = document.getElementById('app');
  const body = h('tbody'), history = h('tbody');
  const num = (attrs) => h('input', Object.assign({ type: 'number', step: 'any', min: 0 }, attrs));
  const f = {
    team: h('select', { name: 'team' }), effectiveFrom: h('input', { type: 'date', name: 'effectiveFrom', required: true }),
    qualityPercent: num({ name: 'qualityPercent', max: 100 }), csatPercent: num({ name: 'csatPercent', max: 100 }),
    fcrPercent: num({ name: 'fcrPercent', max: 100 }), ahtMinutes: num({ name: 'ahtMinutes' }),
    productionPerDay: num({ name: 'productionPerDay' }), shiftHours: num({ name: 'shiftHours', min: 0.5, max: 24 }),
  };
  f.effectiveFrom.value = new Date().toISOString().slice(0, 10);
  const form = h('form', { class: 'card', id: 'target-form' }, h('h2', {}, 'Set targets'),
    h('div', { class: 'row' }, field('Team', f.team), field('Takes effect on', f.effectiveFrom)),
    h('div', { class: 'row' }, field('Quality ≥ %', f.qualityPercent), field('CSAT ≥ %', f.csatPercent), field('FCR ≥ %', f.fcrPercent),
      field('AHT ≤ min', f.ahtMinutes), field('Tickets per day', f.productionPerDay, 'in a full shift'), field('Shift hours', f.shiftHours)),
    h('p', { class: 'hint' }, 'Empty fields keep the value in effect on that day.'),
    h('button', { class: 'primary' }, 'Save targets'));
  const historyTitle = h('h2', { id: 'history-title' }, 'History');
  app.append(h('div', { class: 'table-scroll' }, h('table', { id: 'targets' }, h('caption', {}, 'Targets in effect today'),
    h('thead', {}, h('tr', {}, ['Team', 'Quality', 'CSAT', 'FCR', 'AHT', 'Production', ''].map((t) => h('th', { scope: 'col' }, t)))), body)),
  form, historyTitle, h('table', { id: 'history', 'aria-labelledby': 'history-title' },
    h('thead', {}, h('tr', {}, ['Takes effect', 'Quality', 'CSAT', 'FCR', 'AHT', 'Production', 'Set by', 'Set at'].map((t) => h('th', { scope: 'col' }, t)))), history));
  const production = (t) => (t.productionPerDay == null ? 'no target set' : t.productionPerDay + ' tickets/day');
  const cells = (t) => [h('td', {}, '≥ ' + t.qualityPercent + ' %'), h('td', {}, '≥ ' + t.csatPercent + ' %'), h('td', {}, '≥ ' + t.fcrPercent + ' %'),
    h('td', {}, '≤ ' + t.ahtMinutes + ' min'), h('td', {}, production(t))];
  let names = {};
  async function showHistory(teamId) {
    const r = await api('GET', '/api/v1/targets/' + encodeURIComponent(teamId) + '/history');
    historyTitle.textContent = 'History of ' + (names[teamId] || teamId);
    history.replaceChildren(...(r.items.length ? r.items.map((x) => h('tr', {}, h('td', {}, x.effectiveFrom + (x.inEffect ? ' (in effect)' : '')),
      ...cells(x.targets), h('td', {}, x.updatedByName || '—'), h('td', {}, date(x.updatedAt))))
      : [h('tr', {}, h('td', { colspan: 8 }, 'No change recorded: the organisation default and the SOP apply.'))]));
  }
  async function load() {
    try {
      const [targets, teams] = await Promise.all([api('GET', '/api/v1/targets'), api('GET', '/api/v1/teams')]);
      names = { default: 'Organisation default' };
      teams.items.forEach((t) => { names[t.id] = t.name; });
      body.replaceChildren(...targets.items.map((x) => h('tr', { 'data-team': x.teamId }, h('th', { scope: 'row' }, names[x.teamId] || x.teamId,
        x.inherited ? h('span', { class: 'hint' }, ' (organisation default)') : null), ...cells(x.targets),
        h('td', {}, h('button', { type: 'button', onclick: () => showHistory(x.teamId).catch(fail(app)) }, 'History')))));
      f.team.replaceChildren(...targets.items.map((x) => h('option', { value: x.teamId }, names[x.teamId] || x.teamId)));
    } catch (err) { fail(app)(err); }
  }
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const req = { effectiveFrom: f.effectiveFrom.value };
    for (const k of ['qualityPercent', 'csatPercent', 'fcrPercent', 'ahtMinutes', 'productionPerDay', 'shiftHours'])
      if (f[k].value !== '') req[k] = Number(f[k].value);
    try {
      await api('PUT', '/api/v1/targets/' + encodeURIComponent(f.team.value), req);
      message(app, 'Targets saved for ' + names[f.team.value] + ' from ' + req.effectiveFrom + '.', 'ok');
      await load(); await showHistory(f.team.value);
    } catch (err) { fail(app)(err); }
  });
  load();
})();
