'use strict';
// The audit pack: period and team, the reader's time zone, download; the record-to-clause mapping
// (admins edit it).
(() => {
  const { api, h, field, message, fail } = QC;
  const app = document.getElementById('app');
  const role = (document.querySelector('meta[name="user-role"]') || {}).content;
  const today = new Date().toISOString().slice(0, 10);
  const f = { from: h('input', { type: 'date', name: 'from', required: true, value: today.slice(0, 8) + '01' }), to: h('input', { type: 'date', name: 'to', required: true, value: today }),
    team: h('select', { name: 'teamId' }), zone: h('input', { name: 'timeZone', value: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' }) };
  const link = h('a', { id: 'download', class: 'button primary', href: '#' }, 'Download audit pack');
  const form = h('form', { class: 'card', id: 'pack-form' }, h('div', { class: 'row' }, field('From', f.from), field('To', f.to, 'both days included'),
    field('Team', f.team), field('Time zone', f.zone, 'dates and times in the pack are local to it')), link);
  const clauses = h('tbody');
  app.append(form, h('h2', { id: 'clauses-title' }, 'What each record evidences'),
    h('p', { class: 'hint' }, 'Every record in the pack names its clause; the defaults come from the SOP\u2019s sections.'),
    h('table', { id: 'clauses', 'aria-labelledby': 'clauses-title' }, h('thead', {}, h('tr', {}, ['Records', 'Clause', 'Evidences', ''].map((x) => h('th', { scope: 'col' }, x)))), clauses));
  const update = () => {
    const p = new URLSearchParams({ from: f.from.value, to: f.to.value, timeZone: f.zone.value });
    if (f.team.value) p.set('teamId', f.team.value);
    link.href = '/api/v1/audit-pack?' + p;
  };
  for (const c of Object.values(f)) c.addEventListener('change', update);
  async function load() {
    const items = (await api('GET', '/api/v1/audit-pack/clauses')).items;
    clauses.replaceChildren(...items.map((c) => {
      const clause = h('input', { value: c.clause, 'aria-label': 'Clause for ' + c.recordKind, disabled: role !== 'ADMIN' });
      const title = h('input', { value: c.title, 'aria-label': 'What ' + c.recordKind + ' evidences', disabled: role !== 'ADMIN', size: 48 });
      return h('tr', { 'data-kind': c.recordKind }, h('td', {}, c.recordKind.replaceAll('_', ' ')), h('td', {}, clause), h('td', {}, title),
        h('td', {}, role === 'ADMIN' ? h('button', { type: 'button', onclick: async () => {
          try { await api('PUT', '/api/v1/audit-pack/clauses/' + encodeURIComponent(c.recordKind), { clause: clause.value, title: title.value }); message(app, 'Mapping saved.', 'ok'); } catch (err) { fail(app)(err); }
        } }, 'Save') : ''));
    }));
  }
  api('GET', '/api/v1/teams').then((ts) => {
    f.team.replaceChildren(...(role === 'ADMIN' ? [h('option', { value: '' }, 'all teams')] : []), ...ts.items.map((t) => h('option', { value: t.id }, t.name)));
    update();
  }).catch(fail(app));
  load().catch(fail(app));
})();
