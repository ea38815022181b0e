'use strict';
// One evaluation for its agent: score, failed criteria with the QC's comments, coaching note.
(() => {
  const { api, h, fail, date, pct } = QC;
  const app = document.getElementById('app');
  (async () => {
    try {
      const e = await api('GET', '/api/v1/evaluations/' + encodeURIComponent(app.dataset.evaluationId));
      const failed = (e.criteria || []).filter((c) => c.failed);
      app.append(
        h('div', { class: 'card' },
          h('h2', {}, (e.ticket && (e.ticket.key || '')) + ' ' + ((e.ticket && e.ticket.subject) || '')),
          h('p', { id: 'score', class: 'live-score ' + (e.criticalFail ? 'critical-fail' : e.passed ? 'pass' : 'fail') },
            h('strong', { class: 'score-value' }, pct(e.score)), ' ',
            e.criticalFail ? 'CRITICAL FAIL' : e.passed ? 'Pass' : 'Below pass mark'),
          h('p', { class: 'muted' }, `${e.scorecardName || 'Scorecard'} v${e.scorecardVersion || ''} · graded by ${e.qcName || 'QC'} · ${date(e.submittedAt)} · ${e.status}`)),
        h('h2', {}, 'What to improve'),
        failed.length ? h('ul', { id: 'failed-criteria' }, failed.map((c) => h('li', {},
          h('strong', {}, c.criterion), c.criticalFailed ? h('span', { class: 'badge critical' }, 'Critical') : null,
          c.notApplicable ? '' : ` (${c.points}/${c.maxPoints})`,
          c.rootCauses && c.rootCauses.length ? h('div', { class: 'muted' }, 'Root cause: ' + c.rootCauses.join(', ')) : null,
          c.comment ? h('div', {}, '“' + c.comment + '”') : null)))
          : h('p', {}, 'Every criterion met.'),
        h('h2', {}, 'Comments'), h('p', { id: 'overall' }, e.overallComment || '—'),
        h('h2', {}, 'Coaching note'), h('p', { id: 'coaching' }, e.coachingNote || '—'));
      const role = document.querySelector('meta[name="user-role"]');
      feedback(e, role && role.content === 'AGENT');
    } catch (err) { fail(app)(err); }
  })();

  // The agent's side: acknowledge, reply, or dispute (whole evaluation or one criterion).
  async function feedback(e, agent) {
    const history = h('ul', { id: 'feedback-history' });
    const box = h('section', { class: 'card', 'aria-label': 'Your feedback' }, h('h2', {}, 'Your feedback'), history);
    app.append(box);
    const refresh = async () => {
      const res = await api('GET', '/api/v1/feedback?evaluationId=' + encodeURIComponent(e.id));
      const items = res.items || [];
      history.replaceChildren(...(items.length ? items.map((f) => h('li', {},
        h('strong', {}, { ACKNOWLEDGE: 'Acknowledged', RESPONSE: 'Reply', DISPUTE: 'Dispute' }[f.kind] || f.kind),
        f.status ? ` (${f.status.toLowerCase()})` : '', ' · ', date(f.createdAt),
        f.text ? h('div', {}, f.text) : null, f.resolution ? h('div', { class: 'muted' }, 'Resolution: ' + f.resolution) : null))
        : [h('li', {}, 'Nothing yet.')]));
    };
    const act = (run, ok) => async (ev) => {
      if (ev) ev.preventDefault();
      try { await run(); QC.message(box, ok, 'ok'); await refresh(); } catch (err) { fail(box)(err); }
    };
    if (agent) {
      const reply = h('textarea', { rows: 2 });
      const reason = h('textarea', { rows: 2 });
      const criterion = h('select', {}, h('option', { value: '' }, 'the whole evaluation'),
        (e.criteria || []).map((c) => h('option', { value: c.criterionId }, c.criterion)));
      const replyForm = h('form', {}, QC.field('Reply to your QC', reply), h('button', {}, 'Send reply'));
      replyForm.addEventListener('submit', act(() => api('POST', '/api/v1/feedback/responses', { evaluationId: e.id, text: reply.value }), 'Reply sent.'));
      const disputeForm = h('form', { id: 'dispute-form' }, QC.field('Dispute', criterion), QC.field('Reason for the dispute', reason), h('button', { class: 'danger' }, 'Dispute'));
      disputeForm.addEventListener('submit', act(() => api('POST', '/api/v1/disputes',
        { evaluationId: e.id, criterionId: criterion.value || undefined, reason: reason.value }), 'Dispute sent to a QC lead.'));
      box.append(h('div', { class: 'actions' }, h('button', { type: 'button', id: 'acknowledge', class: 'primary',
        onclick: act(() => api('POST', '/api/v1/feedback/acknowledgements', { evaluationId: e.id }), 'Acknowledged.') }, 'Acknowledge')),
      replyForm, disputeForm);
    }
    try { await refresh(); } catch (err) { fail(box)(err); }
  }
})();
