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

  // The criteria of an agent's scorecard, by name, each labelled with the agent's recent pass rate
  // (cached per agent); fills a <select> with them when given one.
  const criteriaCache = {};
  async function criteriaOf(agentId, select, keep) {
    if (!agentId) return [];
    criteriaCache[agentId] = criteriaCache[agentId] || api('GET', '/api/v1/coaching/criteria?agentId=' + encodeURIComponent(agentId));
    const answer = await criteriaCache[agentId];
    if (select) {
      const label = (c) => c.name + ' — ' + (c.passRatePercent == null ? 'not graded in 90 days' : c.passRatePercent + ' % pass over ' + c.answered + ' answers');
      select.replaceChildren(...(keep ? [h('option', { value: '' }, keep)] : []), ...answer.items.map((c) => h('option', { value: c.criterionId }, label(c))));
    }
    return answer.items;
  }
  async function criterionName(agentId, criterionId) {
    if (!criterionId) return null;
    try { const c = (await criteriaOf(agentId)).find((x) => x.criterionId === criterionId); return c ? c.name : criterionId; } catch (e) { return criterionId; }
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

  // a redirect target from the address bar: only a path on this origin (not //evil, /\\evil, https:)
  function sameOriginPath(next) {
    if (!next) return '/';
    try {
      const url = new URL(next, location.origin);
      if (url.origin !== location.origin || !next.startsWith('/')) return '/';
      return url.pathname + url.search + url.hash;
    } catch (e) {
      return '/';
    }
  }

  return { api, h, field, message, fail, date, pct, sameOriginPath, criteriaOf, criterionName };
})();
