'use strict';
// Connections: create, test, status with the last error or alert, pause/resume, sync now.
(() => {
  const { api, h, field, message, fail, date } = QC;
  const app = document.getElementById('app');
  const list = h('div', { id: 'connections' });
  const f = {
    name: h('input', { required: true }), host: h('select', {}, h('option', { value: 'zendesk' }, 'Zendesk'), h('option', { value: 'jira' }, 'Jira')),
    baseUrl: h('input', { type: 'url', placeholder: 'https://acme.zendesk.com', required: true }),
    authKind: h('select', {}, h('option', { value: 'API_TOKEN' }, 'email + API token'), h('option', { value: 'BEARER' }, 'Bearer / PAT')),
    username: h('input', { type: 'email', placeholder: 'api-user@acme.com' }), secret: h('input', { type: 'password', autocomplete: 'off' }),
    intervalSeconds: h('input', { type: 'number', min: 60, max: 86400, value: 300 }),
  };
  const form = h('form', { id: 'connection-form', class: 'card' }, h('h2', {}, 'New connection'),
    h('div', { class: 'row' }, field('Name', f.name), field('Host', f.host), field('Base URL', f.baseUrl)),
    h('div', { class: 'row' }, field('Authentication', f.authKind), field('API user email', f.username), field('Secret / token', f.secret),
      field('Sync every (seconds)', f.intervalSeconds)),
    h('button', { class: 'primary' }, 'Create connection'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api('POST', '/api/v1/connections', {
        name: f.name.value, host: f.host.value, baseUrl: f.baseUrl.value, authKind: f.authKind.value,
        username: f.username.value || undefined, secret: f.secret.value, intervalSeconds: Number(f.intervalSeconds.value),
      });
      form.reset();
      message(app, 'Connection created. Test it before the first sync.', 'ok');
      load();
    } catch (err) { fail(app)(err); }
  });
  app.append(list, form);

  const act = (label, run, cls) => h('button', { type: 'button', class: cls, onclick: async (e) => {
    const b = e.target; b.disabled = true;
    try { await run(b); } catch (err) { fail(app)(err); } finally { b.disabled = false; }
  } }, label);

  async function load() {
    try {
      const res = await api('GET', '/api/v1/connections');
      list.replaceChildren(...(res.items.length ? res.items.map(row) : [h('p', {}, 'No connections yet.')]));
    } catch (err) { fail(app)(err); }
  }

  function row(v) {
    const c = v.connection, s = v.sync || {};
    const progress = h('p', { class: 'muted', role: 'status' });
    return h('div', { class: 'card connection' },
      h('h2', {}, c.name, ' ', h('span', { class: 'status-' + c.status }, c.status)),
      h('p', { class: 'muted' }, `${c.host} · ${c.baseUrl} · every ${c.intervalSeconds}s`),
      v.alert ? h('p', { class: 'flash error', role: 'alert' }, v.alert) : null,
      h('p', {}, `Last run ${date(s.lastRunAt)} · last success ${date(s.lastSuccessAt)} · ${s.ticketsTotal ?? 0} tickets`
        + (s.lastError ? ' · last error: ' + s.lastError : '') + (s.running ? ' · running now' : '')),
      v.writeBack ? h('p', { class: 'write-back' }, `Write-back: ${v.writeBack.done} done · `
        + `${v.writeBack.pending} pending · ${v.writeBack.failed} failed`) : null,
      v.writeBack && v.writeBack.recentFailures.length
        ? h('ul', { class: 'write-back-failures' }, ...v.writeBack.recentFailures.map(f =>
          h('li', {}, `${f.ticketKey}: failed at step "${f.failedStep || 'note'}"`
            + (f.done.length ? ` after ${f.done.join(', ')}` : '') + ` — ${f.detail}`)))
        : null,
      h('div', { class: 'actions' },
        act('Test', async () => {
          const r = await api('POST', `/api/v1/connections/${c.id}/test`);
          progress.textContent = 'Test result: ' + JSON.stringify(r).slice(0, 400);
        }),
        c.status === 'PAUSED'
          ? act('Resume', async () => { await api('POST', `/api/v1/connections/${c.id}/resume`); load(); })
          : act('Pause', async () => { await api('POST', `/api/v1/connections/${c.id}/pause`); load(); }),
        act('Sync now', async () => {
          progress.textContent = 'Syncing…';
          const r = await api('POST', `/api/v1/connections/${c.id}/sync`);
          progress.textContent = 'Sync finished: ' + JSON.stringify(r.result).slice(0, 300);
          setTimeout(load, 1500);
        })),
      progress);
  }
  load();
})();
