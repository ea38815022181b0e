'use strict';
// The caller's notifications (newest first, unread marked) and which kinds they receive.
(() => {
  const { api, h, fail, date, message } = QC;
  const app = document.getElementById('app');
  const list = h('ul', { id: 'notifications', class: 'inbox' });
  const unread = h('p', { id: 'unread', role: 'status' });
  const prefs = h('tbody');
  const mailNote = h('p', { class: 'muted', id: 'mail-note' });
  app.append(unread,
    h('div', { class: 'actions' }, h('button', { type: 'button', id: 'read-all', onclick: readAll }, 'Mark all read')),
    list,
    h('h2', {}, 'What you receive'), mailNote,
    h('div', { class: 'table-scroll' }, h('table', { id: 'preferences' },
      h('thead', {}, h('tr', {}, ['Notification', 'In the app', 'By e-mail'].map((t) => h('th', { scope: 'col' }, t)))), prefs)));

  const badge = (n) => {
    const b = document.getElementById('notifications-badge');
    if (!b) return;
    b.hidden = n === 0;
    b.firstChild.textContent = String(n);
  };

  async function load() {
    try {
      const page = await api('GET', '/api/v1/notifications?limit=100');
      const items = page.items || [];
      unread.textContent = page.unread === 1 ? '1 unread notification' : `${page.unread} unread notifications`;
      badge(page.unread);
      list.replaceChildren(...(items.length ? items.map((n) => h('li', { class: n.readAt ? 'read' : 'unread', 'data-id': n.id },
        h('a', { href: n.link, onclick: (ev) => open(ev, n) }, n.title),
        h('span', { class: 'muted' }, ' · ', date(n.createdAt)),
        n.readAt ? null : h('span', { class: 'badge' }, 'new')))
        : [h('li', {}, 'Nothing yet.')]));
    } catch (err) { fail(app)(err); }
  }

  async function open(ev, n) {
    if (n.readAt) return;
    ev.preventDefault();
    try { await api('POST', '/api/v1/notifications/' + encodeURIComponent(n.id) + '/read', {}); } finally { location.href = n.link; }
  }

  async function readAll() {
    try { await api('POST', '/api/v1/notifications/read-all', {}); await load(); } catch (err) { fail(app)(err); }
  }

  async function loadPrefs() {
    try {
      const res = await api('GET', '/api/v1/notifications/preferences');
      mailNote.textContent = res.mailConfigured ? 'E-mail goes to the address of your account.'
        : 'E-mail is not set up on this server; only in-app notifications are shown.';
      prefs.replaceChildren(...res.items.map((p) => {
        const inApp = h('input', { type: 'checkbox', checked: p.inApp, 'aria-label': p.label + ' in the app' });
        const email = h('input', { type: 'checkbox', checked: p.email, disabled: !res.mailConfigured, 'aria-label': p.label + ' by e-mail' });
        const save = async () => {
          try {
            await api('PUT', '/api/v1/notifications/preferences', { items: [{ kind: p.kind, inApp: inApp.checked, email: email.checked }] });
            message(app, 'Saved: ' + p.label + '.', 'ok');
          } catch (err) { fail(app)(err); }
        };
        inApp.addEventListener('change', save);
        email.addEventListener('change', save);
        return h('tr', { 'data-kind': p.kind }, h('td', {}, p.label), h('td', {}, inApp), h('td', {}, email));
      }));
    } catch (err) { fail(app)(err); }
  }

  load();
  loadPrefs();
})();
