'use strict';
// Shared helpers for every page: JSON calls with the session's CSRF token, a tiny element builder,
// problem+json messages people can act on, and the shell's logout button.
const QC = (() => {
  const csrf = () => {
    const meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : sessionStorage.getItem('qc.csrf');
  };

  async function api(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && csrf()) headers['X-CSRF-Token'] = csrf();
    const res = await fetch(path, {
      method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status === 401 && !path.startsWith('/api/v1/auth/')) {
      location.href = '/login?next=' + encodeURIComponent(location.pathname + location.search);
      throw new Error('Your session ended: log in again.');
    }
    const text = await res.text();
    const json = text && (res.headers.get('content-type') || '').includes('json');
    const data = json ? JSON.parse(text) : text || null;
    if (!res.ok) {
      const detail = data && data.detail ? data.detail : res.status + ' ' + res.statusText;
      const err = new Error(data && data.field ? detail + ' (' + data.field + ')' : detail);
      err.status = res.status;
      err.problem = data;
      throw err;
    }
    return data;
  }

  // h('button', {class: 'x', onclick: f}, 'text', child...) → element
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else if (k === 'class') el.className = v;
      else if (k === 'text') el.textContent = v;
      else if (k === 'value') el.value = v;
      else if (k === 'checked') el.checked = !!v;
      else el.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) {
      if (c === undefined || c === null || c === false) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }

  // A labelled form field: label + input/select/textarea with a generated id.
  let seq = 0;
  function field(label, control, hint) {
    const id = control.id || 'f' + (++seq);
    control.id = id;
    return h('div', { class: 'field' }, h('label', { for: id }, label), control,
      hint ? h('small', { class: 'hint' }, hint) : null);
  }

  function message(container, text, kind) {
    const old = container.querySelector(':scope > .flash');
    if (old) old.remove();
    const el = h('p', { class: 'flash ' + (kind || 'info'), role: kind === 'error' ? 'alert' : 'status' }, text);
    container.prepend(el);
    return el;
  }

  function fail(container) {
    return (err) => message(container, err.message || String(err), 'error');
  }

  const date = (iso) => (iso ? String(iso).replace('T', ' ').slice(0, 16) : '—');
  const pct = (n) => (n === null || n === undefined ? '—' : Number(n).toFixed(1) + '%');

  document.addEventListener('DOMContentLoaded', () => {
    const out = document.getElementById('logout');
    if (out) out.addEventListener('click', async () => {
      try { await api('POST', '/api/v1/auth/logout'); } finally {
        sessionStorage.removeItem('qc.csrf');
        location.href = '/login';
      }
    });
  });

  return { api, h, field, message, fail, date, pct };
})();
