'use strict';
// The QC's assigned samples: counts, readable reasons and tiers, agent, team, channel, due date;
// filters and sort; open in the companion panel or in the host.
(() => {
  const { api, h, field, fail, date } = QC;
  const app = document.getElementById('app');
  let items = [], next = null;
  const search = h('input', { type: 'search', placeholder: 'subject, key, agent' });
  const any = (label) => h('option', { value: '' }, label);
  const reason = h('select', {}, any('any reason'));
  const agent = h('select', {}, any('any agent'));
  const team = h('select', {}, any('any team'));
  const channel = h('select', {}, any('any channel'));
  const sort = h('select', {},
    h('option', { value: 'due' }, 'due date, soonest first'),
    h('option', { value: 'due-desc' }, 'due date, latest first'),
    h('option', { value: 'decided' }, 'newest selection first'));
  const counts = h('p', { id: 'queue-counts', class: 'counts', role: 'status' });
  const body = h('tbody');
  const shown = h('p', { id: 'queue-shown', class: 'muted' });
  const more = h('button', { type: 'button', hidden: true, onclick: () => load(next) }, 'Load more');
  app.append(counts,
    h('div', { class: 'row filters' }, field('Filter', search), field('Reason', reason), field('Agent', agent),
      field('Team', team), field('Channel', channel), field('Sort by', sort)),
    shown,
    h('div', { class: 'table-scroll' },
      h('table', { id: 'queue' }, h('caption', { class: 'muted' }, 'Samples assigned to you'),
        h('thead', {}, h('tr', {}, ['Ticket', 'Agent', 'Team', 'Channel', 'Why sampled', 'Tier', 'Due', 'Open']
          .map((t) => h('th', { scope: 'col' }, t)))), body)),
    more);
  [search, reason, agent, team, channel, sort].forEach((el) => el.addEventListener('input', draw));

  const options = (select, label, values) => {
    const keep = select.value;
    select.replaceChildren(any(label), [...values].sort().map((v) => h('option', { value: v }, v)));
    select.value = keep;
  };

  async function load(cursor) {
    try {
      const page = await api('GET', '/api/v1/queue?limit=100' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
      items = items.concat(page.items || []);
      next = page.nextCursor;
      more.hidden = !next;
      const c = page.counts || {};
      counts.replaceChildren(
        h('span', { class: 'count' }, h('strong', { id: 'count-open' }, String(c.open ?? items.length)), ' open'),
        h('span', { class: 'count' + (c.overdue ? ' critical' : '') }, h('strong', { id: 'count-overdue' }, String(c.overdue ?? 0)), ' overdue'),
        h('span', { class: 'count' }, h('strong', { id: 'count-soon' }, String(c.dueWithinADay ?? 0)), ' due within a day'));
      options(reason, 'any reason', new Set(items.flatMap((s) => s.reasonLabels || s.reasons || [])));
      options(agent, 'any agent', new Set(items.map((s) => s.agentName).filter(Boolean)));
      options(team, 'any team', new Set(items.map((s) => s.teamName).filter(Boolean)));
      options(channel, 'any channel', new Set(items.map((s) => s.channel).filter(Boolean)));
      draw();
    } catch (err) { fail(app)(err); }
  }

  function draw() {
    const q = search.value.trim().toLowerCase();
    const rows = items.filter((s) => (!reason.value || (s.reasonLabels || []).includes(reason.value))
      && (!agent.value || s.agentName === agent.value)
      && (!team.value || s.teamName === team.value)
      && (!channel.value || s.channel === channel.value)
      && (!q || [s.subject, s.ticketKey, s.agentName, (s.reasonLabels || []).join(' ')].join(' ').toLowerCase().includes(q)));
    const key = { due: (s) => s.dueAt || '9', 'due-desc': (s) => s.dueAt || '', decided: (s) => s.decidedAt || '' }[sort.value];
    rows.sort((a, b) => key(a).localeCompare(key(b)));
    if (sort.value !== 'due') rows.reverse();
    shown.textContent = `Showing ${rows.length} of ${items.length}`;
    const overdue = (s) => s.dueAt && new Date(s.dueAt) < new Date();
    body.replaceChildren(...(rows.length ? rows.map((s) => h('tr', { class: overdue(s) ? 'overdue' : null },
      h('td', {}, h('strong', {}, s.ticketKey || ''), ' ', s.subject || ''),
      h('td', { class: 'agent' }, s.agentName || '—'),
      h('td', {}, s.teamName || '—'),
      h('td', {}, s.channel || '—'),
      h('td', { class: 'reasons' }, (s.reasonLabels || []).join(', ')),
      h('td', { class: 'nowrap tier' }, s.tierLabel ? h('span', { class: 'badge tier-' + String(s.tier).toLowerCase() }, s.tierLabel) : '—'),
      h('td', { class: 'nowrap' }, date(s.dueAt), overdue(s) ? h('span', { class: 'badge critical' }, 'overdue') : null),
      h('td', { class: 'nowrap' },
        h('a', { href: '/panel?ticketId=' + encodeURIComponent(s.ticketId) }, 'Grade'),
        s.url ? [' · ', h('a', { href: s.url, target: '_blank', rel: 'noopener' }, 'Open in host')] : null)))
      : [h('tr', {}, h('td', { colspan: 8 }, 'Nothing assigned to you.'))]));
  }

  load(null);
})();
