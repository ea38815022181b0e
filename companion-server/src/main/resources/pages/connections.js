'use strict';
// Connections: create and edit with every option the connector declares (from
// GET /api/v1/connectors when the server has it, else key=value lines), how to get a token, the
// test result as a checklist, the first sync only after a passing test or an explicit start,
// delete with confirmation.
(() => {
  const { api, h, field, message, fail, date } = QC;
  const app = document.getElementById('app');
  const list = h('div', { id: 'connections' });
  const HELP = {
    zendesk: { placeholder: 'https://acme.zendesk.com', user: 'admin-api-user@acme.com',
      token: 'Admin Center → Apps and integrations → APIs → Zendesk API → add an API token. Use a dedicated admin service account: the incremental export needs an admin.',
      docs: 'https://developer.zendesk.com/api-reference/introduction/security-and-auth/' },
    jira: { placeholder: 'https://acme.atlassian.net', user: 'service-account@acme.com',
      token: 'Jira Cloud: id.atlassian.com → Security → Create and manage API tokens (email + token). Jira Data Center: profile → Personal Access Tokens (Bearer).',
      docs: 'https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/' },
  };
  let declared = {};
  let editing = null;
  const f = {
    name: h('input', { name: 'name', required: true }), host: h('select', { name: 'host' }, h('option', { value: 'zendesk' }, 'Zendesk'), h('option', { value: 'jira' }, 'Jira')),
    baseUrl: h('input', { name: 'baseUrl', type: 'url', required: true }),
    authKind: h('select', { name: 'authKind' }, h('option', { value: 'API_TOKEN' }, 'email + API token'), h('option', { value: 'BEARER' }, 'Bearer / PAT')),
    username: h('input', { name: 'username', type: 'email' }), secret: h('input', { name: 'secret', type: 'password', autocomplete: 'off' }),
    webhookSecret: h('input', { name: 'webhookSecret', type: 'password', autocomplete: 'off' }),
    closedStatuses: h('input', { name: 'closedStatuses' }),
    attribution: h('select', { name: 'attribution' }, [['ASSIGNEE_AT_SOLVE', 'assignee when solved'], ['LAST_ASSIGNEE', 'last assignee'], ['ALL_REPLIERS', 'every agent who replied']].map(([v, l]) => h('option', { value: v }, l))),
    startFrom: h('input', { name: 'startFrom', type: 'date' }), intervalSeconds: h('input', { name: 'intervalSeconds', type: 'number', min: 60, max: 86400, value: 300 }),
  };
  const tokenHelp = h('p', { class: 'hint', id: 'token-help' });
  const optionsBox = h('div', { id: 'options' });
  const title = h('h2', {}, 'New connection');
  const submit = h('button', { class: 'primary' }, 'Create connection');
  const cancel = h('button', { type: 'button', hidden: true, onclick: () => reset() }, 'Cancel editing');
  const form = h('form', { id: 'connection-form', class: 'card' }, title,
    h('div', { class: 'row' }, field('Name', f.name), field('Host', f.host), field('Base URL', f.baseUrl)),
    h('div', { class: 'row' }, field('Authentication', f.authKind), field('API user email', f.username), field('Secret / token', f.secret, 'left empty when editing: unchanged')),
    tokenHelp,
    h('div', { class: 'row' }, field('Webhook secret', f.webhookSecret, 'signs the host\u2019s webhooks (optional)'),
      field('Closed statuses', f.closedStatuses, 'comma-separated; tickets in these statuses are ingested'),
      field('Attribute tickets to', f.attribution), field('Start from', f.startFrom, 'first day to ingest (create only)'),
      field('Sync every (seconds)', f.intervalSeconds)),
    h('h3', {}, 'Connector options'), optionsBox, h('div', { class: 'row' }, submit, cancel));
  const optionInputs = {};
  function drawOptions(values) {
    const spec = declared[f.host.value];
    for (const k of Object.keys(optionInputs)) delete optionInputs[k];
    if (spec && spec.options) {
      optionsBox.replaceChildren(...spec.options.map((o) => {
        const input = h('input', { name: 'option-' + o.name, type: o.secret ? 'password' : o.type === 'INTEGER' || o.type === 'integer' ? 'number' : 'text', required: !!o.required && !editing,
          value: values && values[o.name] != null ? values[o.name] : '' });
        optionInputs[o.name] = input;
        return field(o.name + (o.required ? ' (required)' : ''), input, o.help);
      }), spec.docsUrl ? h('p', {}, h('a', { href: spec.docsUrl }, 'Connector documentation')) : '');
    } else {
      const ta = h('textarea', { name: 'options', rows: 3, placeholder: 'panel.publicKey=...\npanel.audience=...' },
        Object.entries(values || {}).map(([k, v]) => k + '=' + v).join('\n'));
      optionsBox.replaceChildren(field('Options (one key=value per line)', ta, 'e.g. the sidebar login\u2019s panel.publicKey and panel.audience, or the handle-time field for AHT'));
      optionInputs.__lines = ta;
    }
  }
  function hostChanged() {
    const help = HELP[f.host.value] || {};
    f.baseUrl.placeholder = help.placeholder || '';
    f.username.placeholder = help.user || '';
    tokenHelp.replaceChildren('How to get a token: ' + (help.token || ''), ' ', help.docs ? h('a', { href: help.docs }, 'host documentation') : '');
    if (!editing) f.closedStatuses.value = f.host.value === 'zendesk' ? 'solved, closed' : 'Done, Resolved';
    drawOptions(editing ? editing.options : null);
  }
  f.host.addEventListener('change', hostChanged);
  function options() {
    if (optionInputs.__lines) {
      const out = {};
      for (const line of optionInputs.__lines.value.split('\n')) { const i = line.indexOf('='); if (i > 0) out[line.slice(0, i).trim()] = line.slice(i + 1).trim(); }
      return out;
    }
    const out = {};
    for (const [k, input] of Object.entries(optionInputs)) if (input.value !== '') out[k] = input.value;
    return out;
  }
  function reset() {
    editing = null; form.reset(); f.intervalSeconds.value = 300; f.host.disabled = false; f.startFrom.disabled = false;
    title.textContent = 'New connection'; submit.textContent = 'Create connection'; cancel.hidden = true; hostChanged();
  }
  function edit(c) {
    editing = c;
    f.name.value = c.name; f.host.value = c.host; f.host.disabled = true; f.baseUrl.value = c.baseUrl; f.authKind.value = c.authKind;
    f.username.value = c.username || ''; f.secret.value = ''; f.webhookSecret.value = ''; f.closedStatuses.value = (c.closedStatuses || []).join(', ');
    f.attribution.value = c.attribution; f.startFrom.value = (c.startFrom || '').slice(0, 10); f.startFrom.disabled = true; f.intervalSeconds.value = c.intervalSeconds;
    title.textContent = 'Edit ' + c.name; submit.textContent = 'Save changes'; cancel.hidden = false; hostChanged();
    form.scrollIntoView();
  }
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = { name: f.name.value, baseUrl: f.baseUrl.value, authKind: f.authKind.value, username: f.username.value || undefined,
      closedStatuses: f.closedStatuses.value.split(',').map((s) => s.trim()).filter(Boolean), attribution: f.attribution.value,
      intervalSeconds: Number(f.intervalSeconds.value), options: options() };
    if (f.secret.value) body.secret = f.secret.value;
    if (f.webhookSecret.value) body.webhookSecret = f.webhookSecret.value;
    try {
      if (editing) {
        await api('PATCH', '/api/v1/connections/' + encodeURIComponent(editing.id), body);
        message(app, 'Connection saved.', 'ok');
      } else {
        body.host = f.host.value;
        if (f.startFrom.value) body.startFrom = f.startFrom.value + 'T00:00:00Z';
        await api('POST', '/api/v1/connections', body);
        message(app, 'Connection created. It syncs once a test passes, or when you start it.', 'ok');
      }
      reset(); load();
    } catch (err) { fail(app)(err); }
  });
  app.append(list, form);

  const act = (label, run, cls) => h('button', { type: 'button', class: cls, onclick: async (e) => {
    const b = e.currentTarget; b.disabled = true;
    try { await run(b); } catch (err) { fail(app)(err); } finally { b.disabled = false; }
  } }, label);

  async function load() {
    try {
      const res = await api('GET', '/api/v1/connections');
      list.replaceChildren(...(res.items.length ? res.items.map(row) : [h('p', {}, 'No connections yet.')]));
    } catch (err) { fail(app)(err); }
  }
  const statusText = { UNTESTED: 'not started: test it or start it', ACTIVE: 'active', PAUSED: 'paused' };
  function row(v) {
    const c = v.connection, s = v.sync || {};
    const result = h('div', { class: 'test-result', 'aria-live': 'polite' });
    return h('div', { class: 'card connection', 'data-connection': c.id },
      h('h2', {}, c.name, ' ', h('span', { class: 'status-' + c.status }, statusText[c.status] || c.status)),
      h('p', { class: 'muted' }, c.host + ' · ' + c.baseUrl + ' · every ' + c.intervalSeconds + ' s'),
      v.alert ? h('p', { class: 'flash error', role: 'alert' }, v.alert) : null,
      h('p', {}, 'Last run ' + date(s.lastRunAt) + ' · last success ' + date(s.lastSuccessAt) + ' · ' + (s.ticketsTotal ?? 0) + ' tickets'
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
          const r = await api('POST', '/api/v1/connections/' + encodeURIComponent(c.id) + '/test');
          result.replaceChildren(h('h3', {}, r.items.every((i) => i.ok) ? 'Test passed' : 'Test failed'),
            h('ul', { class: 'checklist' }, r.items.map((i) => h('li', { 'data-mark': i.ok ? '✔' : '✘', class: i.ok ? 'ok' : 'bad' },
              h('span', { class: 'visually-hidden' }, i.ok ? 'passed: ' : 'failed: '), i.name, i.detail ? ' — ' + i.detail : '',
              i.action ? h('div', { class: 'hint' }, 'What to do: ' + i.action) : ''))),
            r.timeZone ? h('p', { class: 'hint' }, 'Host time zone ' + r.timeZone + (r.rateLimitRemaining != null ? ' · ' + r.rateLimitRemaining + ' requests left this minute' : '')) : '');
          setTimeout(load, 2500);
        }),
        c.status === 'UNTESTED' ? act('Start syncing', async () => { await api('POST', '/api/v1/connections/' + encodeURIComponent(c.id) + '/start'); load(); })
          : c.status === 'PAUSED' ? act('Resume', async () => { await api('POST', '/api/v1/connections/' + encodeURIComponent(c.id) + '/resume'); load(); })
            : act('Pause', async () => { await api('POST', '/api/v1/connections/' + encodeURIComponent(c.id) + '/pause'); load(); }),
        act('Sync now', async () => {
          result.textContent = 'Syncing…';
          const r = await api('POST', '/api/v1/connections/' + encodeURIComponent(c.id) + '/sync');
          result.textContent = 'Sync ' + String(r.result.outcome).toLowerCase() + ': ' + (r.result.tickets ?? 0) + ' tickets.';
          setTimeout(load, 1500);
        }),
        act('Edit', async () => edit(c)),
        act('Delete', async () => {
          if (!confirm('Delete the connection "' + c.name + '"? Only a connection without tickets can be deleted; pause it otherwise.')) return;
          await api('DELETE', '/api/v1/connections/' + encodeURIComponent(c.id));
          message(app, 'Connection deleted.', 'ok'); load();
        }, 'danger')),
      result);
  }
  api('GET', '/api/v1/connectors').then((r) => {
    for (const x of r.items || []) declared[x.host || x.id] = x;
  }).catch(() => {}).finally(() => { reset(); load(); });
})();
