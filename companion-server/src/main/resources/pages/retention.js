'use strict';
// Retention: the period, a dry run with counts per kind of record, a real run, and the last run.
(() => {
  const { api, h, field, message, fail, date } = QC;
  const app = document.getElementById('app');
  const months = h('input', { type: 'number', name: 'months', min: 12, max: 120, required: true });
  const settings = h('form', { class: 'row card', id: 'settings' }, field('Keep records for (months)', months, 'at least 12, as the SOP requires'), h('button', {}, 'Save'));
  const counts = h('tbody'), countsTitle = h('h2', { id: 'counts-title' }, 'Dry run');
  const last = h('p', { id: 'last-run' });
  const dry = h('button', { type: 'button', id: 'dry-run', class: 'primary' }, 'Dry run: count what would go');
  const run = h('button', { type: 'button', id: 'run' }, 'Run retention now');
  app.append(settings, h('div', { class: 'row' }, dry, run), countsTitle,
    h('table', { id: 'counts', 'aria-labelledby': 'counts-title' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Kind of record'), h('th', { scope: 'col' }, 'Records'))), counts),
    h('h2', {}, 'Last run'), last);
  const show = (r, title) => {
    countsTitle.textContent = title + (r.cutoff ? ' · records before ' + date(r.cutoff) : '');
    counts.replaceChildren(...Object.entries(r.counts).map(([k, v]) => h('tr', { 'data-kind': k }, h('td', {}, k.replaceAll('_', ' ')), h('td', {}, String(v)))));
  };
  async function lastRun() {
    try {
      const r = await api('GET', '/api/v1/retention/last-run');
      last.textContent = date(r.at) + ' by ' + r.actorName + ': ' + Object.entries(r.result.counts).map(([k, v]) => v + ' ' + k.replaceAll('_', ' ')).join(', ');
    } catch (err) { last.textContent = err.status === 404 ? 'Retention has not run yet.' : err.message; }
  }
  settings.addEventListener('submit', async (e) => {
    e.preventDefault();
    try { await api('PUT', '/api/v1/retention/settings', { months: Number(months.value) }); message(app, 'Retention period saved.', 'ok'); } catch (err) { fail(app)(err); }
  });
  dry.addEventListener('click', async () => { try { show(await api('POST', '/api/v1/retention/run?dryRun=true', {}), 'Dry run'); } catch (err) { fail(app)(err); } });
  run.addEventListener('click', async () => {
    if (!confirm('Purge or anonymise every record older than ' + months.value + ' months? This cannot be undone.')) return;
    try { show(await api('POST', '/api/v1/retention/run?dryRun=false', {}), 'Run'); message(app, 'Retention ran.', 'ok'); lastRun(); } catch (err) { fail(app)(err); }
  });
  api('GET', '/api/v1/retention/settings').then((s) => { months.value = s.months; }).catch(fail(app));
  lastRun();
})();
