'use strict';
// The audit log: who changed what and when, filtered, paged and exported.
(() => {
  const { api, h, field, fail, date } = QC;
  const app = document.getElementById('app');
  const f = { from: h('input', { type: 'date', name: 'from' }), to: h('input', { type: 'date', name: 'to' }),
    entityType: h('input', { name: 'entityType', list: 'entity-types', placeholder: 'e.g. evaluation' }), entityId: h('input', { name: 'entityId' }), actor: h('select', { name: 'actor' }) };
  const types = h('datalist', { id: 'entity-types' }, ['evaluation', 'connection', 'scorecard', 'user', 'agent', 'team', 'kpi_targets', 'action_plan', 'training', 'retention', 'audit_pack_clause']
    .map((t) => h('option', { value: t })));
  const form = h('form', { class: 'row', id: 'filters' }, field('From', f.from), field('To', f.to), field('Record type', f.entityType), types,
    field('Record id', f.entityId), field('Who', f.actor), h('button', {}, 'Filter'));
  const exportLink = h('a', { id: 'export', href: '/api/v1/audit/export' }, 'Export CSV');
  const body = h('tbody');
  const more = h('button', { type: 'button', hidden: true }, 'Load more');
  app.append(form, h('p', {}, exportLink), h('div', { class: 'table-scroll' }, h('table', { id: 'audit' }, h('caption', {}, 'Newest changes last'),
    h('thead', {}, h('tr', {}, ['When', 'Who', 'What', 'Record', 'Before → after'].map((x) => h('th', { scope: 'col' }, x)))), body)), more);
  let people = [], cursor = null;
  const who = (id) => (id ? (people.find((p) => p.id === id) || { name: id }).name : 'system');
  const query = () => {
    const p = new URLSearchParams();
    if (f.from.value) p.set('from', f.from.value + 'T00:00:00Z');
    if (f.to.value) { const d = new Date(f.to.value + 'T00:00:00Z'); d.setUTCDate(d.getUTCDate() + 1); p.set('to', d.toISOString()); }
    for (const k of ['entityType', 'entityId']) if (f[k].value.trim()) p.set(k, f[k].value.trim());
    if (f.actor.value) p.set('actor', f.actor.value);
    return p;
  };
  const short = (v) => { const s = v == null ? '' : JSON.stringify(v); return s.length > 160 ? s.slice(0, 160) + '…' : s; };
  async function load(append) {
    try {
      const p = query();
      exportLink.href = '/api/v1/audit/export?' + p;
      p.set('limit', 50);
      if (append && cursor) p.set('cursor', cursor);
      const page = await api('GET', '/api/v1/audit?' + p);
      const rows = page.items.map((e) => h('tr', {}, h('td', {}, date(e.at)), h('td', {}, who(e.actorId)), h('td', {}, e.action),
        h('td', {}, e.entityType + (e.entityId ? ' ' + e.entityId : '')), h('td', {}, h('code', {}, short(e.before)), ' → ', h('code', {}, short(e.after)))));
      if (append) body.append(...rows); else body.replaceChildren(...rows);
      cursor = page.nextCursor || null;
      more.hidden = !cursor;
    } catch (err) { fail(app)(err); }
  }
  form.addEventListener('submit', (e) => { e.preventDefault(); load(false); });
  more.addEventListener('click', () => load(true));
  api('GET', '/api/v1/people').then((ps) => {
    people = ps.items;
    f.actor.replaceChildren(h('option', { value: '' }, 'anyone'), ...people.map((p) => h('option', { value: p.id }, p.name)));
  }).catch(fail(app)).finally(() => load(false));
})();
