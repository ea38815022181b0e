'use strict';
// The transcript: the stored conversation, rendered (and escaped) by the server's template, loaded
// when its section opens; loaded() resolves once it is in the page.
const Transcript = (() => {
  let ready = null;
  const conv = () => document.getElementById('conversation');
  function loaded() {
    const el = conv();
    if (!el || !el.dataset.src) return Promise.resolve();
    if (!ready) {
      ready = fetch(el.dataset.src, { credentials: 'same-origin' })
        .then((res) => res.text())
        .then((html) => { el.querySelector('.messages').innerHTML = html; }); // jte-escaped fragment
    }
    return ready;
  }
  const init = () => {
    const el = conv();
    if (!el) return;
    if (el.open) loaded();
    el.addEventListener('toggle', () => { if (el.open) loaded(); });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
  return { loaded };
})();

// The scoring panel: finds or starts this QC's evaluation of the ticket (a calibration grade in
// calibration mode), shows the scorecard version's criteria with a live score, saves drafts,
// submits, follows the write-back until it is final, offers the next ticket of the queue, edits
// within the edit window (a new revision) and replaces an unsuitable sample with a reason.
(() => {
  const { api, h, message, fail, pct, date } = QC;
  const root = document.getElementById('grading');
  const ticketId = root.dataset.ticketId;
  const me = root.dataset.userId;
  const sampled = root.dataset.sampled === 'true';
  const sampleId = root.dataset.sampleId || '';
  const calibration = root.dataset.mode === 'calibration';
  const kind = calibration ? 'CALIBRATION' : 'REGULAR';
  const oops = fail(root);

  async function start() {
    try {
      const list = await api('GET', '/api/v1/evaluations?ticketId=' + encodeURIComponent(ticketId) + '&qcId=' + encodeURIComponent(me));
      const mine = (list.items || []).find((e) => e.qcId === me && e.kind === kind);
      if (mine) return show(await api('GET', '/api/v1/evaluations/' + mine.id));
      const actions = h('div', { class: 'actions' },
        h('button', { type: 'button', id: 'start', class: 'primary', onclick: begin },
          calibration ? 'Start calibration grade' : sampled ? 'Start grading' : 'Grade anyway (manual sample)'));
      root.replaceChildren(calibration ? h('p', { class: 'note', id: 'calibration-mode' },
        'Calibration mode: grade blind; nobody sees your answers until the lead reveals them.') : '', actions);
      if (!calibration && sampleId) root.append(replaceForm());
    } catch (err) { oops(err); }
  }

  function replaceForm() {
    const reason = h('input', { type: 'text', id: 'replace-reason', required: true, maxlength: 300 });
    const form = h('form', { id: 'replace-form', class: 'card' },
      h('h2', {}, 'Not worth grading?'),
      QC.field('Reason for replacing this ticket', reason, 'e.g. spam, duplicate, merged into another ticket'),
      h('button', { id: 'replace' }, 'Replace with another ticket'));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      try {
        await api('POST', '/api/v1/samples/' + encodeURIComponent(sampleId) + '/replace', { reason: reason.value });
        message(root, 'Replaced. The next ticket of your queue:', 'ok');
        root.append(await nextLink());
      } catch (err) { fail(form)(err); }
    });
    return form;
  }

  async function begin() {
    try {
      if (!sampled && !calibration) {
        try { await api('POST', '/api/v1/samples', { ticketId }); } catch (err) { if (err.status !== 409) throw err; }
      }
      show(await api('POST', '/api/v1/evaluations', { ticketId, kind }));
    } catch (err) { oops(err); }
  }

  async function show(ev) {
    const version = await api('GET', '/api/v1/scorecard-versions/' + ev.scorecardVersionId);
    const def = version.definition;
    let suggested = {};
    try {
      suggested = await Suggestions.load(ticketId, ev.scorecardVersionId, ev.id);
    } catch (err) { message(root, 'AutoQA suggestions are unavailable: ' + err.message, 'info'); }
    if (ev.status === 'DRAFT') edit(ev, def, version, false, suggested); else submitted(ev, def, version, suggested);
  }

  // Grading form; revising = editing a submitted evaluation within the window (a new revision).
  function edit(ev, def, version, revising, suggested) {
    const live = h('div', { id: 'live-score', class: 'live-score', role: 'status', 'aria-live': 'polite' });
    const banner = h('div', { id: 'critical-banner', class: 'critical-banner', role: 'alert', hidden: true },
      'Critical fail: this evaluation scores 0%.');
    let answers = Suggestions.prefill(ev.answers || {}, suggested || {});
    let track = () => {};
    const form = ScoreForm.render(def, answers, {
      onChange: (a) => { answers = a; banner.hidden = !ScoreForm.summary(live, def, a).criticalFail; track(a); },
    });
    track = Suggestions.render(form, def, suggested || {});
    const overall = h('textarea', { rows: 3, value: ev.overallComment || '' });
    const coaching = h('textarea', { rows: 3, value: ev.coachingNote || '' });
    const change = () => {
      const all = {};
      for (const s of def.sections) for (const c of s.criteria) all[c.id] = answers[c.id] || null;
      return { answers: all, overallComment: overall.value, coachingNote: coaching.value };
    };
    const filled = () => {
      const body = change();
      for (const k of Object.keys(body.answers)) if (body.answers[k] === null) delete body.answers[k];
      return body;
    };
    const save = async () => {
      if (revising) return;
      try {
        await api('PATCH', '/api/v1/evaluations/' + ev.id, change());
        message(root, 'Draft saved.', 'ok');
      } catch (err) { oops(err); }
    };
    const submit = async () => {
      try {
        let done;
        if (revising) done = await api('POST', '/api/v1/evaluations/' + ev.id + '/revise', filled());
        else {
          await api('PATCH', '/api/v1/evaluations/' + ev.id, change());
          done = await api('POST', '/api/v1/evaluations/' + ev.id + '/submit', filled());
        }
        shortcuts(null);
        show(await api('GET', '/api/v1/evaluations/' + done.id));
      } catch (err) { oops(err); }
    };
    root.replaceChildren(
      h('p', { class: 'scorecard' }, `${def.name} v${version.version} · ` +
        (revising ? `editing revision ${ev.revision} (until ${date(ev.editableUntil)})` : calibration ? 'calibration draft' : 'draft')),
      h('div', { class: 'sticky' }, live, banner),
      Object.keys(suggested || {}).length ? h('p', { class: 'note', id: 'autoqa-note' },
        'AutoQA pre-filled ' + Object.keys(suggested).length + ' criteria. Check each against the conversation; choose its evidence to see it marked.')
        : Suggestions.withheld() ? h('p', { class: 'note', id: 'autoqa-note' }, Suggestions.withheld() === 'CALIBRATION'
          ? 'Calibration grades are given without AutoQA suggestions.'
          : 'This evaluation is graded without AutoQA suggestions: your answers measure how well AutoQA agrees with graders.') : null,
      h('p', { id: 'evidence-status', class: 'visually-hidden', role: 'status' }),
      form,
      QC.field('Overall comment', overall),
      calibration ? '' : QC.field('Coaching note for the agent', coaching),
      h('div', { class: 'actions' },
        revising ? null : h('button', { type: 'button', id: 'save-draft', onclick: save }, 'Save draft'),
        h('button', { type: 'button', id: 'submit', class: 'primary', onclick: submit }, revising ? 'Save as new revision' : 'Submit')),
      help());
    shortcuts({ form, save, submit });
  }

  function help() {
    return h('details', { id: 'shortcuts', class: 'muted' }, h('summary', {}, 'Keyboard shortcuts'),
      h('ul', {},
        h('li', {}, h('kbd', {}, 'j'), ' / ', h('kbd', {}, 'k'), ' next / previous criterion'),
        h('li', {}, h('kbd', {}, '1'), '–', h('kbd', {}, '9'), ' pick an option (best first)'),
        h('li', {}, h('kbd', {}, 'n'), ' N/A where allowed · ', h('kbd', {}, 'c'), ' comment'),
        h('li', {}, h('kbd', {}, 'Ctrl'), '+', h('kbd', {}, 's'), ' save draft · ', h('kbd', {}, 'Ctrl'), '+', h('kbd', {}, 'Enter'), ' submit')));
  }

  let keyHandler = null;
  function shortcuts(ctx) {
    if (keyHandler) document.removeEventListener('keydown', keyHandler);
    keyHandler = null;
    if (!ctx) return;
    const boxes = () => [...ctx.form.querySelectorAll('fieldset.criterion')];
    const current = () => (document.activeElement && document.activeElement.closest
      ? document.activeElement.closest('fieldset.criterion') : null);
    const focusBox = (box) => {
      if (!box) return;
      const input = box.querySelector('.scale input:checked') || box.querySelector('.scale input');
      if (input) input.focus();
      box.scrollIntoView({ block: 'nearest' });
    };
    keyHandler = (ev) => {
      const typing = ev.target.matches && ev.target.matches('textarea, input[type="text"], input[type="search"], input[type="number"]');
      if ((ev.ctrlKey || ev.metaKey) && ev.key === 'Enter') { ev.preventDefault(); ctx.submit(); return; }
      if ((ev.ctrlKey || ev.metaKey) && ev.key.toLowerCase() === 's') { ev.preventDefault(); ctx.save(); return; }
      if (typing || ev.ctrlKey || ev.metaKey || ev.altKey) return;
      const all = boxes();
      const box = current();
      const i = box ? all.indexOf(box) : -1;
      if (ev.key === 'j') { ev.preventDefault(); focusBox(all[Math.min(i + 1, all.length - 1)]); return; }
      if (ev.key === 'k') { ev.preventDefault(); focusBox(all[Math.max(i - 1, 0)]); return; }
      if (!box) return;
      const options = [...box.querySelectorAll('.scale input')];
      let pick = null;
      if (/^[1-9]$/.test(ev.key)) pick = options.filter((o) => o.value !== 'na')[Number(ev.key) - 1];
      if (ev.key === 'n') pick = options.find((o) => o.value === 'na');
      if (pick) {
        ev.preventDefault();
        pick.checked = true;
        pick.focus();
        pick.dispatchEvent(new Event('change', { bubbles: true }));
      }
      if (ev.key === 'c') {
        ev.preventDefault();
        const add = box.querySelector('.add-comment');
        if (add) add.click(); else { const t = box.querySelector('textarea'); if (t) t.focus(); }
      }
    };
    document.addEventListener('keydown', keyHandler);
  }

  const WRITE_BACK = {
    PENDING: 'Queued for the host',
    FAILED: 'Write-back failed',
    WRITTEN: 'Written to the ticket as an internal note',
    ALREADY_PRESENT: 'Written to the ticket as an internal note',
    FELL_BACK: 'Fell back: kept on the companion, tags/fields set on the ticket',
  };

  function writeBackText(wb) {
    if (!wb) return calibration ? 'Calibration grades are never written to the ticket' : 'No write-back';
    const text = wb.status === 'DONE' ? WRITE_BACK[wb.outcome] || 'Done' : WRITE_BACK[wb.status] || wb.status;
    return text + (wb.detail ? ' — ' + wb.detail : '');
  }

  async function nextLink() {
    try {
      const res = await api('GET', '/api/v1/queue/next?after=' + encodeURIComponent(ticketId));
      if (!res.item) return h('p', { id: 'next-ticket' }, 'Your queue is empty. ', h('a', { href: '/queue' }, 'Back to the queue'));
      return h('p', { id: 'next-ticket' },
        h('a', { class: 'button primary', id: 'next-in-queue', href: '/panel?ticketId=' + encodeURIComponent(res.item.ticketId) },
          'Next in my queue: ', res.item.ticketKey || '', ' ', res.item.subject || ''),
        ' · ', h('a', { href: '/queue' }, 'Back to the queue'));
    } catch (err) { return h('p', {}, h('a', { href: '/queue' }, 'Back to the queue')); }
  }

  async function submitted(ev, def, version, suggested) {
    const verdict = ev.criticalFail ? 'CRITICAL FAIL' : ev.passed ? 'Pass' : ev.passed === false ? 'Fail' : 'Not scored';
    const failed = (ev.criteria || []).filter((c) => c.failed);
    const wb = h('p', { id: 'write-back', class: 'write-back', role: 'status' }, writeBackText(ev.writeBack));
    const editable = ev.editable;
    root.replaceChildren(
      h('p', { class: 'scorecard' }, `${def.name} v${version.version} · ${ev.status.toLowerCase()} revision ${ev.revision}`),
      h('div', { id: 'final-score', class: 'live-score ' + (ev.criticalFail ? 'critical-fail' : ev.passed ? 'pass' : 'fail') },
        h('strong', { class: 'score-value' }, pct(ev.score)), ' ', verdict,
        h('small', {}, ` · pass mark ${ev.passMark}%`)),
      ev.criticalFail ? h('div', { class: 'critical-banner', role: 'alert' }, 'Critical fail: a compliance escalation is raised.') : null,
      h('h2', {}, 'Failed criteria'),
      failed.length ? h('ul', { class: 'failed-list' }, failed.map((c) =>
        h('li', {}, c.criterion, c.criticalFailed ? ' (critical)' : '', c.rootCauses && c.rootCauses.length ? ' — ' + c.rootCauses.join(', ') : ''))) : h('p', {}, 'None.'),
      h('h2', {}, 'Write-back'), wb,
      editable ? h('p', {}, h('button', { type: 'button', id: 'edit-evaluation', onclick: () => edit(ev, def, version, true, suggested) },
        'Edit (until ' + date(ev.editableUntil) + ')')) : null);
    try {
      const recorded = await Suggestions.overrides(ev.id, def);
      if (recorded) root.insertBefore(recorded, wb.previousSibling);
    } catch (err) { message(root, 'AutoQA overrides could not be read: ' + err.message, 'info'); }
    if (!calibration) root.append(await nextLink());
    else root.append(h('p', {}, h('a', { href: '/calibration' }, 'Back to calibration sessions')));
    if (ev.writeBack && ev.writeBack.status === 'PENDING') follow(ev.id, wb, 0);
  }

  // Follows the write-back until it is final, backing off from 2 s to 30 s between checks.
  function follow(id, el, attempt) {
    const wait = Math.min(30000, 2000 * Math.pow(1.5, attempt));
    setTimeout(async () => {
      try {
        const ev = await api('GET', '/api/v1/evaluations/' + id);
        el.textContent = writeBackText(ev.writeBack);
        if (ev.writeBack && ev.writeBack.status === 'PENDING') follow(id, el, attempt + 1);
      } catch (err) { oops(err); }
    }, wait);
  }

  start();
})();
