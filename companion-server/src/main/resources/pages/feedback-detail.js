'use strict';
// One evaluation for its agent (also in the host sidebar): score against the pass mark, every
// criterion with the answer, root causes and the QC's comments; acknowledge once, reply, dispute
// the evaluation or one criterion; the history names the criterion and shows the outcome.
(() => {
  const { api, h, fail, date, pct } = QC;
  const app = document.getElementById('app');
  (async () => {
    try {
      const e = await api('GET', '/api/v1/evaluations/' + encodeURIComponent(app.dataset.evaluationId));
      const version = await api('GET', '/api/v1/scorecard-versions/' + e.scorecardVersionId);
      const byId = {};
      for (const s of version.definition.sections) for (const c of s.criteria) byId[c.id] = c;
      const results = {};
      for (const r of e.criteria || []) results[r.criterionId] = r;
      app.append(
        h('div', { class: 'card' },
          h('h2', {}, (e.ticket && (e.ticket.key || '')) + ' ' + ((e.ticket && e.ticket.subject) || '')),
          h('p', { id: 'score', class: 'live-score ' + (e.criticalFail ? 'critical-fail' : e.passed ? 'pass' : 'fail') },
            h('strong', { class: 'score-value' }, pct(e.score)), ' ',
            e.criticalFail ? 'CRITICAL FAIL' : e.passed ? 'Pass' : 'Below pass mark',
            h('small', {}, ` · pass mark ${e.passMark}%`)),
          h('p', { class: 'muted' }, `${e.scorecardName || 'Scorecard'} v${e.scorecardVersion || ''} · graded by ${e.qcName || 'QC'} · ${date(e.submittedAt)} · revision ${e.revision}`)),
        h('h2', {}, 'Every criterion'),
        h('ul', { id: 'criteria' }, Object.keys(byId).map((cid) => {
          const c = byId[cid], a = (e.answers || {})[cid], r = results[cid] || {};
          return h('li', { class: r.failed ? 'failed' : 'met', 'data-criterion': cid },
            h('strong', {}, c.name), r.criticalFailed ? h('span', { class: 'badge critical' }, 'Critical') : null,
            ': ', h('span', { class: 'answer' }, Scoring.answerText(c, a)), r.failed ? h('span', { class: 'badge' }, 'to improve') : null,
            a && a.rootCauses && a.rootCauses.length ? h('div', { class: 'muted' }, 'Root cause: ' + a.rootCauses.join(', ')) : null,
            a && a.comment ? h('div', {}, '“' + a.comment + '”') : null);
        })),
        h('h2', {}, 'Comments'), h('p', { id: 'overall' }, e.overallComment || '—'),
        h('h2', {}, 'Coaching note'), h('p', { id: 'coaching' }, e.coachingNote || '—'));
      const role = document.querySelector('meta[name="user-role"]');
      feedback(e, byId, role && role.content === 'AGENT');
    } catch (err) { fail(app)(err); }
  })();

  async function feedback(e, byId, agent) {
    const history = h('ul', { id: 'feedback-history' });
    const box = h('section', { class: 'card', 'aria-label': 'Your feedback' }, h('h2', {}, agent ? 'Your feedback' : 'Feedback'), history);
    app.append(box);
    const ackArea = h('div', { class: 'actions' });
    const name = (cid) => (cid ? (byId[cid] ? byId[cid].name : cid) : 'the whole evaluation');
    const refresh = async () => {
      const res = await api('GET', '/api/v1/feedback?evaluationId=' + encodeURIComponent(e.id));
      const items = res.items || [];
      history.replaceChildren(...(items.length ? items.map((f) => h('li', {},
        h('strong', {}, { ACKNOWLEDGE: 'Acknowledged', RESPONSE: 'Reply', DISPUTE: 'Dispute of ' + name(f.criterionId) }[f.kind] || f.kind),
        f.status ? ` (${{ OPEN: 'open', UPHELD: 'upheld', AMENDED: 'amended' }[f.status] || f.status.toLowerCase()})` : '', ' · ', date(f.createdAt),
        f.text ? h('div', {}, f.text) : null,
        f.status === 'AMENDED' || f.status === 'UPHELD'
          ? h('div', { class: 'outcome' }, 'Score ', pct(f.scoreBefore), ' → ', pct(f.scoreAfter), f.resolution ? ' — ' + f.resolution : '') : null))
        : [h('li', {}, 'Nothing yet.')]));
      const acked = items.find((f) => f.kind === 'ACKNOWLEDGE');
      if (agent) ackArea.replaceChildren(acked
        ? h('p', { id: 'acknowledged', class: 'muted' }, 'You acknowledged this evaluation on ' + date(acked.createdAt) + '.')
        : h('button', { type: 'button', id: 'acknowledge', class: 'primary',
          onclick: act(() => api('POST', '/api/v1/feedback/acknowledgements', { evaluationId: e.id }), 'Acknowledged.') }, 'Acknowledge'));
    };
    const act = (run, ok) => async (ev) => {
      if (ev) ev.preventDefault();
      try { await run(); QC.message(box, ok, 'ok'); await refresh(); } catch (err) { fail(box)(err); }
    };
    if (agent) {
      const reply = h('textarea', { rows: 2 });
      const reason = h('textarea', { rows: 2 });
      const criterion = h('select', {}, h('option', { value: '' }, 'the whole evaluation'),
        Object.keys(byId).map((cid) => h('option', { value: cid }, byId[cid].name)));
      const replyForm = h('form', {}, QC.field('Reply to your QC', reply), h('button', {}, 'Send reply'));
      replyForm.addEventListener('submit', act(() => api('POST', '/api/v1/feedback/responses', { evaluationId: e.id, text: reply.value }), 'Reply sent.'));
      const disputeForm = h('form', { id: 'dispute-form' }, QC.field('Dispute', criterion), QC.field('Reason for the dispute', reason), h('button', { class: 'danger' }, 'Dispute'));
      disputeForm.addEventListener('submit', act(() => api('POST', '/api/v1/disputes',
        { evaluationId: e.id, criterionId: criterion.value || undefined, reason: reason.value }), 'Dispute sent to a QC lead.'));
      box.append(ackArea, replyForm, disputeForm);
    }
    try { await refresh(); } catch (err) { fail(box)(err); }
  }
})();
