'use strict';
// The QC's assigned samples: filter, sort, open in the host or in the companion panel.
(() => {
  const { api, h, field, fail, date } = QC;
  const app = document.getElementById('app');
  let items = [], next = null;
  const search = h('input', { type: 'search', placeholder: 'subject, key, reason' });
  const reason = h('select', {}, h('option', { value: '' }, 'any reason'));
  const sort = h('select', {},
    h('option', { value: 'due' }, 'due date, soonest first'),
    h('option', { value: 'due-desc' }, 'due date, latest first'),
    h('option', { value: 'decided' }, 'newest selection first'));
  const body = h('tbody');
  const more = h('button', { type: 'button', hidden: true, onclick: () => load(next) }, 'Load more');
  app.append(
    h('div', { class: 'row' }, field('Filter', search), field('Reason', reason), field('Sort by', sort)),
    h('table', { id: 'queue' }, h('caption', { class: 'muted' }, 'Samples assigned to you'),
      h('thead', {}, h('tr', {}, ['Ticket', 'Why sampled', 'Tier', 'Due', 'Open'].map((t) => h('th', { scope: 'col' }, t)))), body),
    more);
  [search, reason, sort].forEach((el) => el.addEventListener('input', draw));

  async function load(cursor) {
    try {
      const page = await api('GET', '/api/v1/queue?limit=100' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
      items = items.concat(page.items || []);
      next = page.nextCursor;
      more.hidden = !next;
      const reasons = new Set(items.flatMap((s) => s.reasons || []));
      reason.replaceChildren(h('option', { value: '' }, 'any reason'), [...reasons].sort().map((r) => h('option', { value: r }, r)));
      draw();
    } catch (err) { fail(app)(err); }
  }

  function draw() {
    const q = search.value.trim().toLowerCase();
    const rows = items.filter((s) => (!reason.value || (s.reasons || []).includes(reason.value))
      && (!q || [s.subject, s.ticketKey, (s.reasons || []).join(' ')].join(' ').toLowerCase().includes(q)));
    const key = { due: (s) => s.dueAt || '9', 'due-desc': (s) => s.dueAt || '', decided: (s) => s.decidedAt || '' }[sort.value];
    rows.sort((a, b) => key(a).localeCompare(key(b)));
    if (sort.value !== 'due') rows.reverse();
    const overdue = (s) => s.dueAt && new Date(s.dueAt) < new Date();
    body.replaceChildren(...(rows.length ? rows.map((s) => h('tr', { class: overdue(s) ? 'overdue' : null },
      h('td', {}, h('strong', {}, s.ticketKey || ''), ' ', s.subject || ''),
      h('td', {}, (s.reasons || []).join(', ')),
      h('td', {}, s.tier || '—'),
      h('td', {}, date(s.dueAt), overdue(s) ? h('span', { class: 'badge critical' }, 'overdue') : null),
      h('td', {},
        h('a', { href: '/panel?ticketId=' + encodeURIComponent(s.ticketId) }, 'Grade'),
        s.url ? [' · ', h('a', { href: s.url, target: '_blank', rel: 'noopener' }, 'Open in host')] : null)))
      : [h('tr', {}, h('td', { colspan: 5 }, 'Nothing assigned to you.'))]));
  }

  load(null);
})();
