'use strict';
// The quality dashboard: /api/v1/summaries as tiles (against targets, change from the previous
// period), charts with table alternatives (partial weeks left out of trend lines), a ranked league
// table and the drill-down team → agent → evaluations → evaluation, root cause → evaluations.
(() => {
  const { api, h, date } = QC;
  const form = document.getElementById('filters');
  const charts = {};
  let teams = [];
  let lastRows = [];
  let sortKey = 'quality';
  const params = new URLSearchParams(location.search);
  for (const n of ['period', 'from', 'to', 'team', 'groupBy']) if (params.get(n)) form[n].value = params.get(n);
  if (params.get('from')) form.period.value = 'custom';

  const teamId = () => {
    const v = form.team.value.trim();
    const t = teams.find((x) => x.name.toLowerCase() === v.toLowerCase() || x.id === v);
    return t ? t.id : v;
  };
  function scope() {
    const p = new URLSearchParams();
    if (form.period.value === 'custom') { p.set('from', form.from.value); p.set('to', form.to.value); } else p.set('period', form.period.value);
    if (form.team.value.trim()) p.set('teamId', teamId());
    return p;
  }
  const url = (path, extra) => { const p = scope(); for (const [k, v] of Object.entries(extra)) p.set(k, v); return path + '?' + p; };
  const value = (k) => (k && k.value != null ? k.value : null);
  const show = (v, unit) => (v === null || v === undefined ? '—' : v + unit);

  function draw(id, type, labels, datasets) {
    if (charts[id]) charts[id].destroy();
    charts[id] = new Chart(document.getElementById(id), { type, data: { labels, datasets },
      options: { responsive: true, animation: false, scales: { y: { beginAtZero: true } } } });
  }
  function tile(name, kpi, unit, key) {
    const on = kpi && kpi.onTarget === true, off = kpi && kpi.onTarget === false;
    const lines = [h('div', {}, name), h('div', { class: 'v', 'data-kpi': key }, show(value(kpi), unit))];
    if (kpi && kpi.target != null) lines.push(h('div', {}, 'target ' + kpi.comparator + ' ' + kpi.target + unit + (on ? ' · on target' : off ? ' · off target' : '')));
    if (kpi && kpi.delta != null) lines.push(h('div', { class: 'delta' }, (kpi.delta > 0 ? '+' : '') + kpi.delta + unit + ' vs previous period (' + show(kpi.previous, unit) + ')'));
    return h('div', { class: 'tile ' + (on ? 'on' : off ? 'off' : ''), 'data-tile': key }, ...lines);
  }
  // the design-weighted estimate next to the sample mean it corrects, with interval and n_eff
  function weightedLines(w) {
    if (!w || w.weightedPercent == null) return [h('div', { class: 'v' }, '—'), h('div', {}, 'no evaluation with a sampling probability')];
    return [h('div', { class: 'v', 'data-kpi': 'weighted' }, w.weightedPercent + ' %'),
      h('div', { class: 'interval' }, w.low == null ? '95 % interval: needs two evaluations' : '95 % interval ' + w.low + '–' + w.high + ' %'),
      h('div', { class: 'neff' }, 'effective sample size ' + w.effectiveSampleSize + ' of ' + w.evaluations + ' evaluations'),
      h('div', { class: 'mean' }, 'sample mean of the same: ' + w.samplePercent + ' %'),
      w.withoutProbability ? h('div', { class: 'left-out' }, w.withoutProbability + ' sampled by hand, left out') : null];
  }
  function weightedTile(w) {
    return h('div', { class: 'tile', 'data-tile': 'weighted' }, h('div', {}, 'Quality, design-weighted'), ...weightedLines(w));
  }
  function teamTile(r) {
    const q = r.qualityPercent || {};
    return h('div', { class: 'tile ' + (q.onTarget === true ? 'on' : q.onTarget === false ? 'off' : ''), 'data-team': r.groupKey },
      h('h3', {}, r.groupLabel || r.groupKey || 'No team'),
      h('div', { class: 'sample' }, 'Sample mean ', h('span', { class: 'sample-value' }, show(value(q), ' %')), ' of ' + (r.evaluations || 0) + ' evaluations'),
      h('div', {}, 'Design-weighted'), ...weightedLines(r.weightedQuality));
  }
  const gateLabel = (c) => (c.state === 'OPEN' ? 'open: ' + c.reason : 'suggestion only: ' + c.reason);
  function autoqa(status) {
    document.querySelector('#autoqa-coverage tbody').replaceChildren(...status.coverage.map((c) => h('tr', { 'data-host': c.host },
      h('td', {}, c.host), h('td', {}, String(c.closedTickets)), h('td', {}, String(c.withConversation)), h('td', {}, String(c.scored)),
      h('td', { class: 'coverage' }, c.coverage == null ? '—' : String(Math.round(c.coverage * 1000) / 10)))));
    document.querySelector('#autoqa-gates tbody').replaceChildren(...status.criteria.map((c) => h('tr', { 'data-criterion': c.criterionId, 'data-state': c.state },
      h('td', {}, c.criterionName || c.criterionId), h('td', {}, c.check), h('td', {}, String(c.pairs)),
      h('td', {}, c.alpha == null ? '—' : c.alpha.toFixed(3) + (c.alphaLow == null ? '' : ' (' + c.alphaLow.toFixed(3) + '–' + c.alphaHigh.toFixed(3) + ')')),
      h('td', { class: 'gate' }, gateLabel(c)),
      h('td', { class: 'autoqa-quality' }, c.quality ? (c.quality.meanPercent == null ? '—' : c.quality.meanPercent + ' %') + ' over ' + c.quality.tickets + ' tickets' : 'not shown: gate closed'))));
    document.getElementById('autoqa-note').textContent = status.criteria.length
      ? 'A criterion counts in AutoQA quality once α ≥ ' + status.gate.minAlpha + ' on at least ' + status.gate.minPairs + ' tickets graded both ways; figures cover every automatically scored ticket solved in the period.'
      : 'No scorecard criterion is bound to an AutoQA check yet: AutoQA gives suggestions in the panel only.';
  }
  const sorters = {
    quality: (r) => value(r.qualityPercent), evaluations: (r) => r.evaluations, pass: (r) => r.passRatePercent,
    csat: (r) => value(r.csatPercent), fcr: (r) => value(r.fcrPercent), aht: (r) => -value(r.ahtMinutesMean), coverage: (r) => r.coveragePercent,
  };
  function league() {
    const by = sorters[sortKey];
    const rows = [...lastRows].sort((a, b) => ((by(b) ?? -Infinity) - (by(a) ?? -Infinity)));
    document.querySelectorAll('#rows th[data-sort]').forEach((th) => th.setAttribute('aria-sort', th.dataset.sort === sortKey ? 'descending' : 'none'));
    const group = form.groupBy.value;
    document.querySelector('#rows tbody').replaceChildren(...rows.map((r, i) => {
      const label = r.groupLabel || r.groupKey;
      const link = group === 'team' || group === 'agent'
        ? h('a', { href: '#', onclick: (e) => { e.preventDefault(); drillGroup(group, r.groupKey, label); } }, label) : label;
      const cell = (v, off) => h('td', { class: off ? 'bad' : null }, v === null || v === undefined ? '—' : String(v));
      return h('tr', { 'data-key': r.groupKey }, h('td', {}, String(i + 1)), h('td', {}, link), cell(r.evaluations),
        cell(value(r.qualityPercent), r.offTarget.includes('qualityPercent')), cell(r.passRatePercent),
        cell(value(r.csatPercent), r.offTarget.includes('csatPercent')), cell(value(r.fcrPercent), r.offTarget.includes('fcrPercent')),
        cell(value(r.ahtMinutesMean), r.offTarget.includes('ahtMinutesMean')), cell(r.coveragePercent));
    }));
  }
  function drillGroup(group, key, label) {
    if (group === 'team') { form.team.value = label; form.groupBy.value = 'agent'; load(); return; }
    drill('Evaluations of ' + label, { agentId: key });
  }
  async function drill(title, extra) {
    const section = document.getElementById('drill');
    document.getElementById('drill-title').textContent = title;
    try {
      const page = await api('GET', url('/api/v1/summaries/evaluations', Object.assign({ limit: 100 }, extra)));
      document.querySelector('#drill-table tbody').replaceChildren(...page.items.map((e) => h('tr', { 'data-evaluation': e.id },
        h('td', {}, date(e.submittedAt)), h('td', {}, h('a', { href: '/feedback/' + encodeURIComponent(e.id) }, e.ticketKey || e.ticketId)),
        h('td', {}, e.agentName || e.agentId), h('td', {}, e.qcName || '—'), h('td', {}, e.score == null ? '—' : e.score + ' %'),
        h('td', {}, e.criticalFail ? 'critical fail' : e.passed ? 'pass' : 'fail'))));
      section.hidden = false;
      section.scrollIntoView();
    } catch (err) { document.getElementById('error').textContent = err.message; }
  }
  document.getElementById('drill-close').addEventListener('click', () => { document.getElementById('drill').hidden = true; });
  document.querySelectorAll('#rows th[data-sort]').forEach((th) => {
    const b = h('button', { type: 'button', class: 'link', onclick: () => { sortKey = th.dataset.sort; league(); } }, th.textContent);
    th.replaceChildren(b);
  });

  async function load(e) {
    if (e) e.preventDefault();
    const error = document.getElementById('error');
    error.textContent = '';
    try {
      const groupBy = form.groupBy.value;
      const [weekly, grouped, byTeam] = await Promise.all([api('GET', url('/api/v1/summaries', { bucket: 'week' })),
        api('GET', url('/api/v1/summaries', { groupBy, sort: 'quality' })), api('GET', url('/api/v1/summaries', { groupBy: 'team' }))]);
      document.getElementById('csv').href = url('/api/v1/summaries', { groupBy, format: 'csv' });
      form.from.value = grouped.period.from; form.to.value = grouped.period.to;
      const partial = new Set(weekly.partialBuckets);
      document.getElementById('period-note').textContent = grouped.period.from + ' to ' + grouped.period.to
        + (grouped.partial ? ' · the period is not over yet: figures are so far' : '')
        + (partial.size ? '; partial weeks (' + [...partial].join(', ') + ') are left out of the trend lines' : '')
        + ' · compared with ' + grouped.previousPeriod.from + ' to ' + grouped.previousPeriod.to + '.';
      const t = grouped.total;
      document.getElementById('tiles').replaceChildren(tile('Quality, sample mean', t.qualityPercent, ' %', 'quality'), weightedTile(t.weightedQuality),
        tile('CSAT', t.csatPercent, ' %', 'csat'), tile('FCR', t.fcrPercent, ' %', 'fcr'), tile('AHT', t.ahtMinutesMean, ' min', 'aht'),
        tile('Evaluations', { value: t.evaluations }, '', 'evaluations'), tile('Coverage', { value: t.coveragePercent }, ' %', 'coverage'),
        tile('Dispute rate', { value: grouped.disputes.disputeRatePercent }, ' %', 'disputes'));
      const whole = weekly.rows.filter((r) => !partial.has(r.bucketStart));
      const weeks = whole.map((r) => r.bucketStart);
      draw('trend', 'line', weeks, [{ label: 'Quality %', data: whole.map((r) => value(r.qualityPercent)) },
        { label: 'Target', data: weeks.map(() => weekly.targets.qualityPercent), borderDash: [6, 4] }]);
      draw('tickets', 'line', weeks, [{ label: 'CSAT %', data: whole.map((r) => value(r.csatPercent)) },
        { label: 'FCR %', data: whole.map((r) => value(r.fcrPercent)) }]);
      document.querySelector('#trend-table tbody').replaceChildren(...whole.map((r) => h('tr', {}, h('td', {}, r.bucketStart), h('td', {}, show(value(r.qualityPercent), '')), h('td', {}, String(r.evaluations)))));
      document.querySelector('#tickets-table tbody').replaceChildren(...whole.map((r) => h('tr', {}, h('td', {}, r.bucketStart), h('td', {}, show(value(r.csatPercent), '')), h('td', {}, show(value(r.fcrPercent), '')))));
      draw('groups', 'bar', grouped.rows.map((r) => r.groupLabel || r.groupKey), [{ label: 'Quality %', data: grouped.rows.map((r) => value(r.qualityPercent)),
        backgroundColor: grouped.rows.map((r) => (r.qualityPercent && r.qualityPercent.onTarget === false ? '#d64040' : '#2e9d57')) }]);
      draw('causes', 'bar', grouped.rootCauses.map((c) => c.rootCause), [{ label: 'Failed answers', data: grouped.rootCauses.map((c) => c.count) }]);
      document.querySelector('#causes-table tbody').replaceChildren(...grouped.rootCauses.map((c) => h('tr', {},
        h('td', {}, h('a', { href: '#', onclick: (ev) => { ev.preventDefault(); drill('Evaluations with root cause ' + c.rootCause, { rootCause: c.rootCause }); } }, c.rootCause)),
        h('td', {}, String(c.count)), h('td', {}, show(c.sharePercent, ' %')))));
      document.getElementById('team-tiles').replaceChildren(...byTeam.rows.filter((r) => r.evaluations).map(teamTile));
      lastRows = grouped.rows;
      league();
      const aq = new URLSearchParams({ from: grouped.period.from, to: grouped.period.to });
      if (form.team.value.trim()) aq.set('teamId', teamId());
      autoqa(await api('GET', '/api/v1/autoqa/status?' + aq));
    } catch (err) {
      error.textContent = 'Could not load the summary: ' + err.message;
    }
  }
  form.period.addEventListener('change', () => { if (form.period.value !== 'custom') load(); });
  for (const n of ['from', 'to']) form[n].addEventListener('change', () => { form.period.value = 'custom'; });
  form.addEventListener('submit', load);
  api('GET', '/api/v1/teams').then((ts) => {
    teams = ts.items;
    document.getElementById('team-names').replaceChildren(...teams.map((t) => h('option', { value: t.name })));
  }).catch(() => {}).finally(() => load());
})();
