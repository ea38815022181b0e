'use strict';
// Personal API tokens for scripts: create (the secret is shown once), list, revoke.
(() => {
  const { api, h, field, message, fail, date } = QC;
  const app = document.getElementById('app');
  const name = h('input', { required: true, placeholder: 'e.g. nightly export' });
  const list = h('tbody');
  const form = h('form', { class: 'row' }, field('Token name', name), h('button', { class: 'primary' }, 'Create token'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const t = await api('POST', '/api/v1/me/tokens', { name: name.value });
      message(app, 'Copy this token now, it is not shown again: ' + t.token, 'ok');
      name.value = '';
      load();
    } catch (err) { fail(app)(err); }
  });
  app.append(form, h('table', {}, h('thead', {}, h('tr', {}, ['Name', 'Created', 'Last used', ''].map((t) => h('th', { scope: 'col' }, t)))), list));
  async function load() {
    try {
      const res = await api('GET', '/api/v1/me/tokens');
      const items = res.items || res;
      list.replaceChildren(...items.map((t) => h('tr', {}, h('td', {}, t.name), h('td', {}, date(t.createdAt)), h('td', {}, date(t.lastUsedAt)),
        h('td', {}, h('button', { type: 'button', class: 'danger', onclick: async () => {
          try { await api('DELETE', '/api/v1/me/tokens/' + t.id); load(); } catch (err) { fail(app)(err); }
        } }, 'Revoke')))));
    } catch (err) { fail(app)(err); }
  }
  load();
})();
