'use strict';
// One calibration session: progress, grading links for participants (the panel's calibration
// mode), reveal for the lead, and the report read the way a QA lead reads it.
(() => {
  const { api, h, fail, date, pct } = QC;
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
      if (s.status === 'REVEALED' || (lead && !participant)) report(await api('GET', '/api/v1/calibrations/' + encodeURIComponent(id) + '/report'), names, detail);
    } catch (err) { fail(app)(err); }
  })();

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
    app.append(h('section', { id: 'report', class: 'card' }, h('h2', {}, 'Report'),
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
        t.disputedCriteria.length ? ' · differing on ' + t.disputedCriteria.join(', ') : '')))));
  }

  const signed = (x) => (x > 0 ? '+' : '') + Number(x).toFixed(1);
})();
