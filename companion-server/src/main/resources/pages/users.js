'use strict';
// Users (edit, deactivate, role and team change, password reset, host identities), teams
// (create, rename) and agents (one person, one agent: host badges, link and unlink).
(() => {
  const { api, h, field, message, fail } = QC;
  const app = document.getElementById('app');
  const users = h('tbody'), teamsEl = h('tbody'), agentsEl = h('tbody');
  let teams = [], agents = [];
  const ROLES = ['AGENT', 'QC', 'QC_LEAD', 'MANAGER', 'ADMIN'];
  const roleSelect = (value) => h('select', { 'aria-label': 'Role' }, ROLES.map((r) => h('option', { value: r, selected: r === value }, r)));
  const u = {
    email: h('input', { type: 'email', required: true }), name: h('input', { required: true }), role: roleSelect('AGENT'),
    password: h('input', { type: 'password', minlength: 10, autocomplete: 'new-password' }), agent: h('select'), team: h('select'),
  };
  const userForm = h('form', { class: 'card', id: 'user-form' }, h('h2', {}, 'New user'),
    h('div', { class: 'row' }, field('Email', u.email), field('Name', u.name), field('Role', u.role), field('Password', u.password, 'at least 10 characters')),
    h('div', { class: 'row' }, field('Agent (for agents)', u.agent), field('Team scope', u.team)), h('button', { class: 'primary' }, 'Create user'));
  userForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api('POST', '/api/v1/users', { email: u.email.value, name: u.name.value, role: u.role.value, password: u.password.value,
        agentId: u.agent.value || undefined, teamIds: u.team.value ? [u.team.value] : [] });
      userForm.reset(); message(app, 'User created.', 'ok'); load();
    } catch (err) { fail(app)(err); }
  });
  const teamName = h('input', { required: true });
  const teamForm = h('form', { class: 'row' }, field('New team', teamName), h('button', {}, 'Add team'));
  teamForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    try { await api('POST', '/api/v1/teams', { name: teamName.value }); teamName.value = ''; load(); } catch (err) { fail(app)(err); }
  });
  const agentName = h('input', { required: true }), agentEmail = h('input', { type: 'email' }), agentTeam = h('select');
  const agentForm = h('form', { class: 'row' }, field('New agent', agentName), field('Agent email', agentEmail), field('Agent team', agentTeam), h('button', {}, 'Add agent'));
  agentForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api('POST', '/api/v1/agents', { name: agentName.value, email: agentEmail.value || undefined, teamId: agentTeam.value || undefined });
      agentForm.reset(); load();
    } catch (err) { fail(app)(err); }
  });
  const table = (id, caption, heads, body) => h('div', { class: 'table-scroll' }, h('table', { id }, h('caption', {}, caption),
    h('thead', {}, h('tr', {}, heads.map((t) => h('th', { scope: 'col' }, t)))), body));
  app.append(table('users', 'Users', ['Name', 'Email', 'Role', 'Team scope', 'Active', 'New password', 'Host logins', ''], users), userForm,
    h('h2', {}, 'Teams'), table('teams', 'Teams', ['Name', ''], teamsEl), teamForm,
    h('h2', {}, 'Agents'), h('p', { class: 'hint' }, 'One person, one agent: identities on several hosts with the same e-mail are linked at sync; link the rest here.'),
    table('agents', 'Agents with their host identities', ['Name', 'Team', 'Hosts', 'Link into this agent', ''], agentsEl), agentForm);

  const opts = (items, none, value) => [h('option', { value: '' }, none), ...items.map((x) => h('option', { value: x.id, selected: x.id === value }, x.name))];
  const save = (label, run) => h('button', { type: 'button', onclick: async () => { try { await run(); message(app, label, 'ok'); load(); } catch (err) { fail(app)(err); } } }, 'Save');
  function userRow(x) {
    const name = h('input', { value: x.name, 'aria-label': 'Name of ' + x.email }), role = roleSelect(x.role);
    const team = h('select', { 'aria-label': 'Team scope of ' + x.email }, opts(teams, 'every team', (x.teamIds || [])[0]));
    const active = h('input', { type: 'checkbox', checked: x.active, 'aria-label': 'Active' });
    const password = h('input', { type: 'password', autocomplete: 'new-password', 'aria-label': 'New password for ' + x.email, minlength: 10 });
    const logins = h('td', {}, h('button', { type: 'button', onclick: async () => {
      const r = await api('GET', '/api/v1/users/' + encodeURIComponent(x.id) + '/host-identities');
      logins.replaceChildren(...(r.items.length ? r.items.map((i) => h('span', { class: 'host-badge' }, i.host + ': ' + i.hostUserId)) : ['none']));
    } }, 'Show'));
    return h('tr', { 'data-user': x.id }, h('td', {}, name), h('td', {}, x.email), h('td', {}, role), h('td', {}, team), h('td', {}, active),
      h('td', {}, password), logins, h('td', {}, save('User saved.', () => {
        const body = { name: name.value, role: role.value, teamIds: team.value ? [team.value] : [], active: active.checked };
        if (password.value) body.password = password.value;
        return api('PATCH', '/api/v1/users/' + encodeURIComponent(x.id), body);
      })));
  }
  function teamRow(t) {
    const name = h('input', { value: t.name, 'aria-label': 'Name of team ' + t.name });
    return h('tr', {}, h('td', {}, name), h('td', {}, save('Team renamed.', () => api('PATCH', '/api/v1/teams/' + encodeURIComponent(t.id), { name: name.value }))));
  }
  function agentRow(a) {
    const other = h('select', { 'aria-label': 'Agent to link into ' + a.name }, opts(agents.filter((x) => x.id !== a.id), '—'));
    const link = h('button', { type: 'button', onclick: async () => {
      if (!other.value) return;
      const o = agents.find((x) => x.id === other.value);
      if (!confirm('Link ' + o.name + ' into ' + a.name + '? Their tickets and evaluations become ' + a.name + '\u2019s.')) return;
      try { await api('POST', '/api/v1/agents/' + encodeURIComponent(a.id) + '/links', { agentId: other.value }); message(app, 'Agents linked.', 'ok'); load(); } catch (err) { fail(app)(err); }
    } }, 'Link');
    const badges = a.hosts.map((i) => h('span', { class: 'host-badge' }, i.host + ' · ' + i.connectionName,
      a.hosts.length > 1 ? h('button', { type: 'button', class: 'link', 'aria-label': 'Unlink ' + i.host + ' identity ' + i.hostId, onclick: async () => {
        if (!confirm('Split the ' + i.connectionName + ' identity into its own agent?')) return;
        try { await api('DELETE', '/api/v1/agents/' + encodeURIComponent(a.id) + '/identities/' + encodeURIComponent(i.connectionId) + '/' + encodeURIComponent(i.hostId)); load(); } catch (err) { fail(app)(err); }
      } }, ' ✕') : ''));
    return h('tr', { 'data-agent': a.id }, h('td', {}, a.name), h('td', {}, a.teamName || '—'), h('td', {}, badges.length ? badges : 'no host identity'),
      h('td', {}, other, ' ', link), h('td', {}));
  }
  async function load() {
    try {
      const [us, ts, as] = await Promise.all([api('GET', '/api/v1/users'), api('GET', '/api/v1/teams'), api('GET', '/api/v1/agents')]);
      teams = ts.items; agents = as.items;
      users.replaceChildren(...us.items.map(userRow));
      teamsEl.replaceChildren(...teams.map(teamRow));
      agentsEl.replaceChildren(...agents.map(agentRow));
      u.agent.replaceChildren(...opts(agents, '— none —'));
      u.team.replaceChildren(...opts(teams, 'every team'));
      agentTeam.replaceChildren(...opts(teams, '— none —'));
    } catch (err) { fail(app)(err); }
  }
  load();
})();
