'use strict';
// Users (role, agent link, teams), teams and agents.
(() => {
  const { api, h, field, message, fail } = QC;
  const app = document.getElementById('app');
  const users = h('tbody'), teamsEl = h('ul'), agentsEl = h('ul');
  let teams = [], agents = [];
  const u = {
    email: h('input', { type: 'email', required: true }), name: h('input', { required: true }),
    role: h('select', {}, ['AGENT', 'QC', 'QC_LEAD', 'MANAGER', 'ADMIN'].map((r) => h('option', { value: r }, r))),
    password: h('input', { type: 'password', minlength: 10, autocomplete: 'new-password' }),
    agent: h('select'), team: h('select'),
  };
  const userForm = h('form', { class: 'card' }, h('h2', {}, 'New user'),
    h('div', { class: 'row' }, field('Email', u.email), field('Name', u.name), field('Role', u.role), field('Password', u.password, 'at least 10 characters')),
    h('div', { class: 'row' }, field('Agent (for agents)', u.agent), field('Team scope', u.team)),
    h('button', { class: 'primary' }, 'Create user'));
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
  app.append(h('h2', {}, 'Users'),
    h('table', {}, h('thead', {}, h('tr', {}, ['Name', 'Email', 'Role', 'Teams', 'Active'].map((t) => h('th', { scope: 'col' }, t)))), users),
    userForm, h('div', { class: 'two' }, h('div', { class: 'card' }, h('h2', {}, 'Teams'), teamsEl, teamForm),
      h('div', { class: 'card' }, h('h2', {}, 'Agents'), agentsEl, agentForm)));

  const teamName_ = (id) => (teams.find((t) => t.id === id) || { name: id }).name;
  async function load() {
    try {
      const [us, ts, as] = await Promise.all([api('GET', '/api/v1/users'), api('GET', '/api/v1/teams'), api('GET', '/api/v1/agents')]);
      teams = ts.items; agents = as.items;
      users.replaceChildren(...us.items.map((x) => h('tr', {}, h('td', {}, x.name), h('td', {}, x.email), h('td', {}, x.role),
        h('td', {}, (x.teamIds || []).map(teamName_).join(', ') || 'all'), h('td', {}, x.active ? 'yes' : 'no'))));
      teamsEl.replaceChildren(...teams.map((t) => h('li', {}, t.name)));
      agentsEl.replaceChildren(...agents.map((a) => h('li', {}, a.name, a.teamId ? ' · ' + teamName_(a.teamId) : '')));
      const opts = (items, none) => [h('option', { value: '' }, none), ...items.map((x) => h('option', { value: x.id }, x.name))];
      u.agent.replaceChildren(...opts(agents, '— none —'));
      u.team.replaceChildren(...opts(teams, 'every team'));
      agentTeam.replaceChildren(...opts(teams, '— none —'));
    } catch (err) { fail(app)(err); }
  }
  load();
})();
