'use strict';
// One calibration session: progress, grading links for participants (the panel's calibration
// mode), reveal for the lead, and the report read the way a QA lead reads it.
(() => {
  const { api, h, field, fail, date, pct } = QC;
  const app = document.getElementById('app');
  const id = app.dataset.recordId;
  const role = (document.querySelector('meta[name="user-role"]') || {}).content;
  const lead = role === 'QC_LEAD' || role === 'ADMIN';
  const fixed = (x, n) => (x === null || x === undefined ? '—' : Number(x).toFixed(n));

  (async () => {
    try {
      const [me, detail] = await Promise.all([api('GET', '/api/v1/me'), api('GET', '/api/v1/calibrations/' + encodeURIComponent(id))]);
      const s = detail.session;
      const names = {};
      for (const p of detail.participants) names[p.id] = p.name;
      const done = new Set(detail.submitted.map((g) => g.qcId + '|' + g.ticketId));
      const participant = s.qcIds.includes(me.id);
      app.append(h('div', { class: 'card' },
        h('h2', { id: 'session-title' }, s.title),
        h('p', { id: 'session-status' }, s.status === 'OPEN' ? 'Grading blind' : 'Revealed ' + date(s.revealedAt),
          ' · deadline ', date(s.deadlineAt), ' · ', `${detail.submitted.length} of ${s.ticketIds.length * s.qcIds.length} grades in`),
        h('ul', { id: 'participants' }, detail.participants.map((p) => h('li', {}, p.name,
          p.benchmark ? h('span', { class: 'badge' }, 'benchmark') : null, ` — ${p.graded} of ${s.ticketIds.length} graded`)))));
      app.append(h('div', { class: 'table-scroll' }, h('table', { id: 'session-tickets' },
        h('thead', {}, h('tr', {}, ['Ticket', 'Channel', 'Your grade'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, detail.tickets.map((t) => h('tr', {},
          h('td', {}, h('strong', {}, t.key || ''), ' ', t.subject || ''),
          h('td', {}, t.channel || '—'),
          h('td', {}, !participant ? '—' : done.has(me.id + '|' + t.id) ? 'Submitted'
            : s.status === 'OPEN' ? h('a', { href: '/panel?ticketId=' + encodeURIComponent(t.id) + '&mode=calibration' }, 'Grade') : 'Not graded')))))));
      if (lead && s.status === 'OPEN') {
        const why = detail.revealable ? 'Everyone has graded, or the deadline passed.'
          : `${detail.missing} grade(s) missing; you can reveal when everyone has graded or after the deadline.`;
        const btn = h('button', { type: 'button', id: 'reveal', class: 'primary', disabled: !detail.revealable, onclick: async () => {
          try { await api('POST', '/api/v1/calibrations/' + encodeURIComponent(id) + '/reveal', {}); location.reload(); } catch (err) { fail(app)(err); }
        } }, 'Reveal the grades');
        app.append(h('div', { class: 'actions' }, btn, h('span', { class: 'muted', id: 'reveal-why' }, ' ', why)));
      }
      gate(s, detail.criteria).catch(fail(app));
      if (s.status === 'REVEALED' || (lead && !participant)) await showReport(names, detail);
      if (lead && s.status === 'REVEALED') await benchmarks(s, detail, names);
    } catch (err) { fail(app)(err); }
  })();

  async function showReport(names, detail) {
    const r = await api('GET', '/api/v1/calibrations/' + encodeURIComponent(id) + '/report');
    const old = document.getElementById('report');
    const el = report(r, names, detail);
    if (old) old.replaceWith(el); else app.append(el);
  }

  // The AutoQA agreement gate of the criteria bound to a check on this session's scorecard.
  async function gate(s, criteria) {
    const status = await api('GET', '/api/v1/autoqa/status');
    const names = Object.fromEntries(criteria.map((c) => [c.id, c.name]));
    const rows = status.criteria.filter((g) => g.scorecardVersionId === s.scorecardVersionId);
    const min = status.gate;
    const section = h('section', { id: 'autoqa-gate', class: 'card' }, h('h2', {}, 'AutoQA agreement gate'),
      h('p', { class: 'muted' }, `An automatic criterion counts in the AutoQA quality figures once Krippendorff's α ≥ ${fixed(min.minAlpha, 3)}`
        + ` against human grades on at least ${min.minPairs} double-scored tickets; until then it is a suggestion only.`
        + ` Only grades given without the AutoQA answer pre-filled count: calibration grades and the ${min.holdoutPercent} % of evaluations graded without suggestions.`));
    if (!rows.length) section.append(h('p', { id: 'gate-none' }, 'No criterion of this scorecard is bound to an AutoQA check.'));
    else section.append(h('div', { class: 'table-scroll' }, h('table', { id: 'gate-criteria' },
      h('thead', {}, h('tr', {}, ['Criterion', 'AutoQA check', "Krippendorff's α (95% CI)", 'Double-scored tickets', 'State'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, rows.map((g) => h('tr', { 'data-criterion': g.criterionId },
        h('td', {}, names[g.criterionId] || g.criterionId),
        h('td', {}, g.check),
        h('td', { class: 'alpha' }, h('strong', {}, fixed(g.alpha, 3)),
          g.alphaLow === null || g.alphaLow === undefined ? '' : ` (${fixed(g.alphaLow, 2)} to ${fixed(g.alphaHigh, 2)})`),
        h('td', { class: 'pairs' }, `${g.pairs} of ${min.minPairs} needed`,
          g.prefilledExcluded ? h('div', { class: 'muted prefilled' }, `${g.prefilledExcluded} not counted: graded with the AutoQA answer pre-filled`) : null),
        h('td', { class: 'state' }, g.state === 'OPEN' ? h('span', { class: 'gate-open' }, 'Open: counts in AutoQA quality')
          : h('span', { class: 'gate-closed' }, 'Closed: suggestion only'), h('div', { class: 'muted' }, g.reason))))))));
    const report = document.getElementById('report');
    if (report) report.before(section); else app.append(section);
  }

  // The lead's benchmark ("gold") answer per criterion per ticket, next to every grader's answer.
  async function benchmarks(s, detail, names) {
    const grades = (await api('GET', '/api/v1/calibrations/' + encodeURIComponent(id) + '/grades')).items;
    const label = (c, v) => (c.scale === 'BINARY' ? (v === 1 ? 'Yes' : 'No') : String(v));
    const options = (c) => (c.scale === 'BINARY' ? [1, 0] : c.scale === 'ONE_TO_FIVE' ? [5, 4, 3, 2, 1] : [...c.points].sort((a, b) => b - a));
    const answerText = (c, a) => (!a ? '—' : a.notApplicable ? 'N/A' : a.value === null || a.value === undefined ? '—' : label(c, a.value));
    const section = h('section', { id: 'benchmarks', class: 'card' }, h('h2', {}, 'Benchmark answers'),
      h('p', { class: 'muted' }, 'The agreed answer per criterion: the report then measures every grader against it.'
        + (s.benchmarkQcId ? ` Until you save one for a ticket, ${names[s.benchmarkQcId] || 'the benchmark grader'}'s answers count as the benchmark.` : '')));
    for (const t of detail.tickets) {
      const saved = (detail.benchmarks || {})[t.id] || {};
      const mine = grades.filter((g) => g.ticketId === t.id);
      const selects = {};
      const rows = detail.criteria.map((c) => {
        const b = saved[c.id];
        const current = !b ? '' : b.notApplicable ? 'na' : String(b.value);
        const sel = h('select', { id: `bm-${t.id}-${c.id}`, 'data-criterion': c.id, 'aria-label': `Benchmark for ${c.name}` },
          h('option', { value: '' }, 'Choose'), options(c).map((v) => h('option', { value: String(v) }, label(c, v))),
          c.naAllowed ? h('option', { value: 'na' }, 'N/A') : null);
        sel.value = current;
        selects[c.id] = sel;
        return h('tr', {}, h('th', { scope: 'row' }, c.name),
          h('td', { class: 'grader-answers' }, mine.map((g) => `${names[g.qcId] || g.qcId}: ${answerText(c, g.answers[c.id])}`).join(' · ') || '—'),
          h('td', {}, sel));
      });
      const note = h('input', { type: 'text', id: `bm-note-${t.id}`, maxlength: 500 });
      const status = h('span', { class: 'muted bm-status', role: 'status' }, Object.keys(saved).length ? 'Saved' : 'Not recorded yet');
      const form = h('form', { class: 'benchmark-form', 'data-ticket': t.id },
        h('h3', {}, h('strong', {}, t.key || ''), ' ', t.subject || ''),
        h('div', { class: 'table-scroll' }, h('table', {},
          h('thead', {}, h('tr', {}, ['Criterion', 'Graders answered', 'Benchmark'].map((x) => h('th', { scope: 'col' }, x)))),
          h('tbody', {}, rows))),
        field('Note (why this is the right answer)', note),
        h('div', { class: 'actions' }, h('button', { class: 'primary' }, 'Save benchmark for ' + (t.key || 'this ticket')), ' ', status));
      form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        const answers = {};
        for (const [cid, sel] of Object.entries(selects)) {
          if (sel.value === '') continue;
          answers[cid] = sel.value === 'na' ? { value: null, notApplicable: true } : { value: Number(sel.value), notApplicable: false };
        }
        try {
          await api('PUT', '/api/v1/calibrations/' + encodeURIComponent(id) + '/benchmarks/' + encodeURIComponent(t.id),
            { answers, note: note.value || undefined });
          status.textContent = 'Saved';
          await showReport(names, detail);
        } catch (err) { status.textContent = ''; fail(form)(err); }
      });
      section.append(form);
    }
    app.append(section);
  }

  const READING = { reliable: 'Reliable (α ≥ 0.800)', tentative: 'Tentative (0.667 ≤ α < 0.800): draw conclusions with care',
    unreliable: 'Unreliable (α < 0.667): graders read this differently — discuss it', 'not enough data': 'Not enough data' };

  function alphaCell(alpha, interval, reading) {
    return h('td', { class: 'reading-' + String(reading).replace(/\s+/g, '-') }, h('strong', {}, fixed(alpha, 3)),
      interval ? h('small', {}, ` (95% CI ${fixed(interval.low, 2)} to ${fixed(interval.high, 2)})`) : null,
      h('div', {}, READING[reading] || reading));
  }

  function report(r, names, detail) {
    const tickets = {};
    for (const t of detail.tickets) tickets[t.id] = (t.key || t.id) + ' ' + (t.subject || '');
    return h('section', { id: 'report', class: 'card' }, h('h2', {}, 'Report'),
      h('p', { id: 'score-alpha' }, 'Overall score agreement: α ', h('strong', {}, fixed(r.scoreAlpha, 3)),
        r.scoreAlphaInterval ? ` (95% CI ${fixed(r.scoreAlphaInterval.low, 2)} to ${fixed(r.scoreAlphaInterval.high, 2)})` : '',
        ' — ', READING[r.scoreReading] || r.scoreReading),
      h('h3', {}, 'Agreement per criterion'),
      h('div', { class: 'table-scroll' }, h('table', { id: 'criteria-agreement' },
        h('thead', {}, h('tr', {}, ["Criterion", "Krippendorff's α", 'Pairs agreeing', 'Agree with benchmark'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, r.criteria.map((c) => h('tr', { 'data-criterion': c.criterionId },
          h('td', {}, c.name), alphaCell(c.alpha, c.alphaInterval, c.reading),
          h('td', {}, c.pairwiseAgreement === null ? '—' : pct(100 * c.pairwiseAgreement)),
          h('td', {}, c.benchmarkAgreement === null || c.benchmarkAgreement === undefined ? '—' : pct(100 * c.benchmarkAgreement))))))),
      h('h3', {}, 'Graders against the benchmark'),
      h('div', { class: 'table-scroll' }, h('table', { id: 'grader-deviation' },
        h('thead', {}, h('tr', {}, ['Grader', 'Graded', 'Off the benchmark', 'Off their peers', 'Leaning'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, r.qcs.map((g) => h('tr', { 'data-qc': g.qcId },
          h('td', {}, names[g.qcId] || g.qcId), h('td', {}, String(g.graded)),
          h('td', {}, g.meanScoreDeviation === null || g.meanScoreDeviation === undefined ? '—' : signed(g.meanScoreDeviation) + ' points'),
          h('td', {}, g.meanPeerDeviation === null || g.meanPeerDeviation === undefined ? '—' : signed(g.meanPeerDeviation) + ' points'),
          h('td', { class: 'leaning' }, { STRICT: 'Strict', LENIENT: 'Lenient', IN_LINE: 'In line' }[g.leaning] || '—')))))),
      h('h3', {}, 'Where graders disagreed most'),
      h('ol', { id: 'disagreements' }, r.disagreements.filter((t) => t.scoreSpread || t.disputedCriteria.length).slice(0, 5).map((t) => h('li', {},
        tickets[t.ticketId] || t.ticketId, ': scores ', fixed(t.scoreSpread, 1), ' points apart',
        t.disputedCriteria.length ? ' · differing on ' + t.disputedCriteria.join(', ') : ''))));
  }

  const signed = (x) => (x > 0 ? '+' : '') + Number(x).toFixed(1);
})();
