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
    } catch (err) { fail(app)(err); }
  })();
})();
