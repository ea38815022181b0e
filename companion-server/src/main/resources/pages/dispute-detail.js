'use strict';
// One dispute for a QC lead: the evaluation with every criterion, the disputed one and the agent's
// reason; uphold with an explanation or amend answers (the difference shown before and after).
(() => {
  const { api, h, fail, date, pct, message } = QC;
  const app = document.getElementById('app');
  const id = app.dataset.recordId;

  (async () => {
    try {
      const d = await api('GET', '/api/v1/disputes/' + encodeURIComponent(id));
      const e = await api('GET', '/api/v1/evaluations/' + encodeURIComponent(d.evaluationId));
      const version = await api('GET', '/api/v1/scorecard-versions/' + e.scorecardVersionId);
      const def = version.definition;
      const byId = {};
      for (const s of def.sections) for (const c of s.criteria) byId[c.id] = c;
      const disputed = d.criterionId ? byId[d.criterionId] : null;
      app.append(
        h('div', { class: 'card' },
          h('h2', {}, (e.ticket && e.ticket.key) || '', ' ', (e.ticket && e.ticket.subject) || ''),
          h('p', {}, 'Agent ', h('strong', {}, (e.ticket && e.ticket.agentName) || '—'), ' · graded by ', e.qcName || '—',
            ' · ', def.name, ' v', String(version.version), ' · revision ', String(e.revision)),
          h('p', { id: 'dispute-score', class: 'live-score ' + (e.passed ? 'pass' : 'fail') },
            h('strong', { class: 'score-value' }, pct(e.score)), ' ', e.criticalFail ? 'CRITICAL FAIL' : e.passed ? 'Pass' : 'Below pass mark',
            h('small', {}, ` · pass mark ${e.passMark}%`))),
        h('div', { class: 'card', id: 'dispute-reason' },
          h('h2', {}, 'Disputed: ', disputed ? disputed.name : 'the whole evaluation'),
          h('blockquote', {}, d.text || ''),
          h('p', { class: 'muted' }, 'Opened ', date(d.createdAt), ' · due ', date(d.dueAt), d.overdue ? ' · past the SLA' : '')),
        criteriaTable(e, byId, d.criterionId));
      if (d.status !== 'OPEN') return resolved(d, e, byId);
      const me = await api('GET', '/api/v1/me');
      if (me.id === e.qcId) { app.append(h('p', { class: 'note warn' }, 'You graded this evaluation, so another QC lead resolves its dispute.')); return; }
      resolveForm(d, e, def, byId);
    } catch (err) { fail(app)(err); }
  })();

  function criteriaTable(e, byId, disputedId) {
    return h('div', { class: 'table-scroll' }, h('table', { id: 'evaluation-criteria' },
      h('caption', {}, 'Answers of revision ' + e.revision),
      h('thead', {}, h('tr', {}, ['Criterion', 'Answer', 'Root causes', 'QC comment'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, Object.keys(byId).map((cid) => {
        const a = (e.answers || {})[cid];
        return h('tr', { class: cid === disputedId ? 'disputed' : null, 'data-criterion': cid },
          h('td', {}, byId[cid].name, cid === disputedId ? h('span', { class: 'badge' }, 'disputed') : null),
          h('td', {}, Scoring.answerText(byId[cid], a)),
          h('td', {}, a && a.rootCauses && a.rootCauses.length ? a.rootCauses.join(', ') : '—'),
          h('td', {}, (a && a.comment) || '—'));
      }))));
  }

  function resolveForm(d, e, def, byId) {
    const explanation = h('textarea', { rows: 3, id: 'explanation', required: true });
    const live = h('div', { id: 'amend-score', class: 'live-score', role: 'status' });
    const diff = h('ul', { id: 'amend-diff' });
    let answers = JSON.parse(JSON.stringify(e.answers || {}));
    const changedOnly = () => {
      const out = {};
      for (const [cid, a] of Object.entries(answers)) {
        const o = (e.answers || {})[cid] || {};
        if (a.value !== o.value || !!a.notApplicable !== !!o.notApplicable
          || JSON.stringify(a.rootCauses || []) !== JSON.stringify(o.rootCauses || [])
          || (a.comment || '') !== (o.comment || '')) out[cid] = a;
      }
      return out;
    };
    const form = ScoreForm.render(def, answers, { prefix: 'amend', onChange: (a) => {
      answers = a;
      const r = ScoreForm.summary(live, def, a);
      const changes = changedOnly();
      diff.replaceChildren(...(Object.keys(changes).length ? Object.keys(changes).map((cid) => h('li', {},
        byId[cid].name, ': ', Scoring.answerText(byId[cid], (e.answers || {})[cid]), ' → ', Scoring.answerText(byId[cid], changes[cid])))
        : [h('li', {}, 'No answer changed yet.')]), h('li', { id: 'amend-score-change' }, 'Score ', pct(e.score), ' → ', r.score === null ? '—' : r.score.toFixed(1) + '%'));
    } });
    const send = (outcome) => async () => {
      try {
        const body = { outcome, explanation: explanation.value };
        if (outcome === 'AMEND') body.answers = changedOnly();
        await api('POST', '/api/v1/disputes/' + encodeURIComponent(d.id) + '/resolve', body);
        location.reload();
      } catch (err) { fail(box)(err); }
    };
    const box = h('section', { class: 'card', 'aria-label': 'Resolve' }, h('h2', {}, 'Resolve'),
      QC.field('Explanation for the agent and the QC', explanation),
      h('div', { class: 'actions' }, h('button', { type: 'button', id: 'uphold', onclick: send('UPHOLD') }, 'Uphold the grade')),
      h('details', { id: 'amend', open: true }, h('summary', {}, 'Amend the answers'),
        h('div', { class: 'sticky' }, live), form, h('h3', {}, 'Difference'), diff,
        h('div', { class: 'actions' }, h('button', { type: 'button', id: 'amend-submit', class: 'primary', onclick: send('AMEND') }, 'Amend as a new revision'))));
    app.append(box);
  }

  async function resolved(d, e, byId) {
    const revs = (await api('GET', '/api/v1/evaluations/' + encodeURIComponent(e.id) + '/revisions')).items || [];
    const before = revs.find((r) => r.revision === e.revision - 1);
    const changes = [];
    if (before && d.status === 'AMENDED')
      for (const cid of Object.keys(byId)) {
        const o = (before.answers || {})[cid], n = (e.answers || {})[cid];
        if (Scoring.answerText(byId[cid], o) !== Scoring.answerText(byId[cid], n))
          changes.push(h('li', {}, byId[cid].name, ': ', Scoring.answerText(byId[cid], o), ' → ', Scoring.answerText(byId[cid], n)));
      }
    app.append(h('section', { class: 'card', id: 'resolution' },
      h('h2', {}, d.status === 'AMENDED' ? 'Amended' : 'Upheld', ' · ', date(d.resolvedAt)),
      h('p', { id: 'resolution-score' }, 'Score ', pct(d.scoreBefore), ' → ', pct(d.scoreAfter)),
      changes.length ? h('ul', { id: 'resolution-diff' }, changes) : null,
      h('p', {}, d.resolution || '')));
    message(app, 'This dispute is resolved.', 'info');
  }
})();
