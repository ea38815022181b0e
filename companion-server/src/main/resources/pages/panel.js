'use strict';
// The scoring panel: finds or starts this QC's evaluation of the ticket, shows the scorecard
// version's criteria with a live score, saves drafts, submits, then follows the write-back.
(() => {
  const { api, h, message, fail, pct } = QC;
  const root = document.getElementById('grading');
  const ticketId = root.dataset.ticketId;
  const me = root.dataset.userId;
  const sampled = root.dataset.sampled === 'true';
  const oops = fail(root);

  const conv = document.getElementById('conversation');
  conv.addEventListener('toggle', async () => {
    if (!conv.open || conv.dataset.loaded) return;
    conv.dataset.loaded = 'yes';
    const res = await fetch(conv.dataset.src, { credentials: 'same-origin' });
    conv.querySelector('.messages').innerHTML = await res.text(); // escaped server-side
  });

  async function start() {
    try {
      const list = await api('GET', '/api/v1/evaluations?ticketId=' + encodeURIComponent(ticketId) + '&qcId=' + encodeURIComponent(me));
      const mine = (list.items || []).find((e) => e.qcId === me && e.kind === 'REGULAR');
      if (mine) return show(await api('GET', '/api/v1/evaluations/' + mine.id));
      root.replaceChildren(h('button', { type: 'button', id: 'start', class: 'primary', onclick: begin },
        sampled ? 'Start grading' : 'Grade anyway (manual sample)'));
    } catch (err) { oops(err); }
  }

  async function begin() {
    try {
      if (!sampled) {
        try { await api('POST', '/api/v1/samples', { ticketId }); } catch (err) { if (err.status !== 409) throw err; }
      }
      show(await api('POST', '/api/v1/evaluations', { ticketId }));
    } catch (err) { oops(err); }
  }

  async function show(ev) {
    const version = await api('GET', '/api/v1/scorecard-versions/' + ev.scorecardVersionId);
    const def = version.definition;
    if (ev.status === 'DRAFT') edit(ev, def, version); else submitted(ev, def, version);
  }

  function edit(ev, def, version) {
    const live = h('div', { id: 'live-score', class: 'live-score', role: 'status', 'aria-live': 'polite' });
    const banner = h('div', { id: 'critical-banner', class: 'critical-banner', role: 'alert', hidden: true },
      'Critical fail: this evaluation scores 0%.');
    let answers = ev.answers || {};
    const form = ScoreForm.render(def, answers, {
      onChange: (a) => { answers = a; banner.hidden = !ScoreForm.summary(live, def, a).criticalFail; },
    });
    const overall = h('textarea', { rows: 3, value: ev.overallComment || '' });
    const coaching = h('textarea', { rows: 3, value: ev.coachingNote || '' });
    const change = () => {
      const all = {};
      for (const s of def.sections) for (const c of s.criteria) all[c.id] = answers[c.id] || null;
      return { answers: all, overallComment: overall.value, coachingNote: coaching.value };
    };
    const save = async () => {
      try {
        await api('PATCH', '/api/v1/evaluations/' + ev.id, change());
        message(root, 'Draft saved.', 'ok');
      } catch (err) { oops(err); }
    };
    const submit = async () => {
      try {
        const body = change();
        for (const k of Object.keys(body.answers)) if (body.answers[k] === null) delete body.answers[k];
        await api('PATCH', '/api/v1/evaluations/' + ev.id, change());
        const done = await api('POST', '/api/v1/evaluations/' + ev.id + '/submit', body);
        show(await api('GET', '/api/v1/evaluations/' + done.id));
      } catch (err) { oops(err); }
    };
    root.replaceChildren(
      h('p', { class: 'scorecard' }, `${def.name} v${version.version} · draft`),
      h('div', { class: 'sticky' }, live, banner),
      form,
      QC.field('Overall comment', overall),
      QC.field('Coaching note for the agent', coaching),
      h('div', { class: 'actions' },
        h('button', { type: 'button', id: 'save-draft', onclick: save }, 'Save draft'),
        h('button', { type: 'button', id: 'submit', class: 'primary', onclick: submit }, 'Submit')));
  }

  const WRITE_BACK = {
    PENDING: 'Queued for the host',
    FAILED: 'Write-back failed',
    WRITTEN: 'Written to the ticket as an internal note',
    ALREADY_PRESENT: 'Written to the ticket as an internal note',
    FELL_BACK: 'Fell back: kept on the companion, tags/fields set on the ticket',
  };

  function writeBackText(wb) {
    if (!wb) return 'No write-back';
    const text = wb.status === 'DONE' ? WRITE_BACK[wb.outcome] || 'Done' : WRITE_BACK[wb.status] || wb.status;
    return text + (wb.detail ? ' — ' + wb.detail : '');
  }

  function submitted(ev, def, version) {
    const verdict = ev.criticalFail ? 'CRITICAL FAIL' : ev.passed ? 'Pass' : ev.passed === false ? 'Fail' : 'Not scored';
    const failed = (ev.criteria || []).filter((c) => c.failed);
    const wb = h('p', { id: 'write-back', class: 'write-back', role: 'status' }, writeBackText(ev.writeBack));
    root.replaceChildren(
      h('p', { class: 'scorecard' }, `${def.name} v${version.version} · ${ev.status.toLowerCase()} revision ${ev.revision}`),
      h('div', { id: 'final-score', class: 'live-score ' + (ev.criticalFail ? 'critical-fail' : ev.passed ? 'pass' : 'fail') },
        h('strong', { class: 'score-value' }, pct(ev.score)), ' ', verdict),
      ev.criticalFail ? h('div', { class: 'critical-banner', role: 'alert' }, 'Critical fail: a compliance escalation is raised.') : null,
      h('h2', {}, 'Failed criteria'),
      failed.length ? h('ul', { class: 'failed-list' }, failed.map((c) =>
        h('li', {}, c.criterion, c.criticalFailed ? ' (critical)' : '', c.rootCauses && c.rootCauses.length ? ' — ' + c.rootCauses.join(', ') : ''))) : h('p', {}, 'None.'),
      h('h2', {}, 'Write-back'), wb);
    if (ev.writeBack && ev.writeBack.status === 'PENDING') poll(ev.id, wb, 10);
  }

  function poll(id, el, left) {
    if (left <= 0) return;
    setTimeout(async () => {
      try {
        const ev = await api('GET', '/api/v1/evaluations/' + id);
        el.textContent = writeBackText(ev.writeBack);
        if (ev.writeBack && ev.writeBack.status === 'PENDING') poll(id, el, left - 1);
      } catch (err) { oops(err); }
    }, 3000);
  }

  start();
})();
