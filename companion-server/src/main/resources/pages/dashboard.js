// Renders /api/v1/summaries with Chart.js (served by the companion, no CDN).
(function () {
  const form = document.getElementById('filters');
  const charts = {};
  const today = new Date();
  const iso = d => d.toISOString().slice(0, 10);
  form.to.value = iso(today);
  form.from.value = iso(new Date(today.getTime() - 90 * 86400000));

  function query(extra) {
    const p = new URLSearchParams();
    for (const n of ['from', 'to', 'teamId']) if (form[n].value) p.set(n, form[n].value);
    for (const [k, v] of Object.entries(extra)) p.set(k, v);
    return '/api/v1/summaries?' + p;
  }
  async function get(url) {
    const r = await fetch(url, { credentials: 'same-origin' });
    const body = await r.json();
    if (!r.ok) throw new Error(body.detail || r.statusText);
    return body;
  }
  function draw(id, type, labels, datasets) {
    if (charts[id]) charts[id].destroy();
    charts[id] = new Chart(document.getElementById(id), { type, data: { labels, datasets },
      options: { responsive: true, animation: false, scales: type === 'line' || type === 'bar' ? { y: { beginAtZero: true } } : {} } });
  }
  const text = (el, t) => { el.textContent = t == null ? '–' : t; return el; };
  function tile(name, kpi, unit) {
    const div = document.createElement('div');
    div.className = 'tile ' + (kpi && kpi.onTarget === true ? 'on' : kpi && kpi.onTarget === false ? 'off' : '');
    div.append(text(document.createElement('div'), name));
    div.append(text(document.createElement('div'), kpi && kpi.value != null ? kpi.value + unit : null));
    div.lastChild.className = 'v';
    if (kpi && kpi.target != null) div.append(text(document.createElement('div'),
      'target ' + kpi.comparator + ' ' + kpi.target + unit + (kpi.delta != null ? ' · Δ ' + kpi.delta : '')));
    return div;
  }
  async function show(e) {
    if (e) e.preventDefault();
    const error = document.getElementById('error');
    error.textContent = '';
    try {
      const groupBy = form.groupBy.value;
      const [weekly, grouped] = await Promise.all([
        get(query({ bucket: 'week' })), get(query({ groupBy }))]);
      document.getElementById('csv').href = query({ groupBy, format: 'csv' });
      const t = grouped.total;
      const tiles = document.getElementById('tiles');
      tiles.replaceChildren(tile('Quality', t.qualityPercent, ' %'), tile('CSAT', t.csatPercent, ' %'),
        tile('FCR', t.fcrPercent, ' %'), tile('AHT', t.ahtMinutesMean, ' min'),
        tile('Evaluations', { value: t.evaluations }, ''), tile('Coverage', { value: t.coveragePercent }, ' %'),
        tile('Disputes', { value: grouped.disputes.disputeRatePercent }, ' %'));
      const weeks = weekly.rows.map(r => r.bucketStart);
      const target = weekly.targets.qualityPercent;
      draw('trend', 'line', weeks, [
        { label: 'Quality %', data: weekly.rows.map(r => r.qualityPercent && r.qualityPercent.value) },
        { label: 'Target', data: weeks.map(() => target), borderDash: [6, 4] }]);
      draw('tickets', 'line', weeks, [
        { label: 'CSAT %', data: weekly.rows.map(r => r.csatPercent && r.csatPercent.value) },
        { label: 'FCR %', data: weekly.rows.map(r => r.fcrPercent && r.fcrPercent.value) }]);
      draw('groups', 'bar', grouped.rows.map(r => r.groupLabel || r.groupKey), [
        { label: 'Quality %', data: grouped.rows.map(r => r.qualityPercent && r.qualityPercent.value),
          backgroundColor: grouped.rows.map(r => r.qualityPercent && r.qualityPercent.onTarget === false ? '#d64040' : '#2e9d57') }]);
      draw('causes', 'bar', grouped.rootCauses.map(c => c.rootCause), [
        { label: 'Failed answers', data: grouped.rootCauses.map(c => c.count) }]);
      const body = document.querySelector('#rows tbody');
      body.replaceChildren(...grouped.rows.map(r => {
        const tr = document.createElement('tr');
        const cell = (v, off) => { const td = text(document.createElement('td'), v); if (off) td.className = 'bad'; tr.append(td); };
        const k = x => x ? x.value : null;
        cell(r.groupLabel || r.groupKey); cell(r.evaluations);
        cell(k(r.qualityPercent), r.offTarget.includes('qualityPercent')); cell(r.passRatePercent);
        cell(k(r.csatPercent), r.offTarget.includes('csatPercent')); cell(k(r.fcrPercent), r.offTarget.includes('fcrPercent'));
        cell(k(r.ahtMinutesMean), r.offTarget.includes('ahtMinutesMean')); cell(r.coveragePercent);
        return tr;
      }));
    } catch (err) {
      error.textContent = 'Could not load the summary: ' + err.message;
    }
  }
  form.addEventListener('submit', show);
  show();
})();
