'use strict';
// AutoQA suggestions in the scoring panel: criteria bound to an automatic check are pre-filled
// with the check's value; each suggestion lists its evidence, and choosing one marks the span in
// the transcript (<mark>) and scrolls the message into view. The server records on submit whether
// the grader kept (accepted) or changed (overrode) each pre-filled answer. Calibration grades and a
// held-out share of evaluations get no suggestions, so the agreement gate has independent grades.
const Suggestions = (() => {
  const { api, h } = QC;

  let withheldReason = null;
  /**
   * {criterionId: suggestion} for the ticket and version; {} when the ticket is not scored yet, or
   * when the evaluation is graded without suggestions (see withheld()).
   */
  async function load(ticketId, versionId, evaluationId) {
    const res = await api('GET', '/api/v1/tickets/' + encodeURIComponent(ticketId)
      + '/suggestions?scorecardVersionId=' + encodeURIComponent(versionId)
      + (evaluationId ? '&evaluationId=' + encodeURIComponent(evaluationId) : ''));
    withheldReason = res.withheld || null;
    const out = {};
    for (const s of res.suggestions || []) out[s.criterionId] = s;
    return out;
  }

  /** Why the last loaded evaluation goes without suggestions (HOLDOUT, CALIBRATION), or null. */
  const withheld = () => withheldReason;

  /** Answers with every unanswered suggested criterion pre-filled with the automatic value. */
  function prefill(answers, suggestions) {
    const out = { ...answers };
    for (const [id, s] of Object.entries(suggestions)) {
      const a = out[id];
      const answered = a && (a.notApplicable || (a.value !== null && a.value !== undefined));
      if (!answered && s.value !== null && s.value !== undefined) out[id] = { ...(a || {}), value: s.value };
    }
    return out;
  }

  const criteria = (def) => Object.fromEntries((def.sections || []).flatMap((s) => s.criteria || []).map((c) => [c.id, c]));

  /** Fills each criterion's suggestion slot in form; call update(answers) on every change. */
  function render(form, def, suggestions) {
    const byId = criteria(def);
    const slots = {};
    for (const [id, s] of Object.entries(suggestions)) {
      const slot = form.querySelector(`.suggestion[data-suggestion-for="${CSS.escape(id)}"]`);
      const c = byId[id];
      if (!slot || !c) continue;
      const auto = s.value === null || s.value === undefined ? null : { value: s.value };
      const state = h('p', { class: 'suggestion-state', 'aria-live': 'polite' });
      const use = h('button', { type: 'button', class: 'link use-suggestion', hidden: true }, 'Use the AutoQA answer');
      use.addEventListener('click', () => {
        const input = form.querySelector(`input[name="c-${CSS.escape(id)}"][value="${CSS.escape(String(s.value))}"]`);
        if (input) { input.checked = true; input.dispatchEvent(new Event('change', { bubbles: true })); input.focus(); }
      });
      slot.replaceChildren(...[
        h('p', { class: 'suggestion-head' }, h('strong', {}, 'AutoQA: '),
          auto ? Scoring.answerText(c, auto) : 'does not apply',
          h('small', {}, ' · ' + describe(s))),
        s.note ? h('p', { class: 'suggestion-note' }, s.note) : null,
        evidenceList(s),
        auto ? state : null, auto ? use : null].filter(Boolean));
      slot.hidden = false;
      slots[id] = { s, c, state, use, auto };
    }
    return (answers) => {
      for (const { s, c, state, use, auto } of Object.values(slots)) {
        if (!auto) continue;
        const a = answers[c.id];
        const human = !a ? null : a.notApplicable ? 'na' : a.value === undefined || a.value === null ? null : Number(a.value);
        const kept = human !== null && human !== 'na' && Math.abs(human - s.value) < 1e-9;
        state.classList.toggle('overridden', !kept);
        state.textContent = kept ? 'Pre-filled from AutoQA: keep it to accept, or pick another answer to override.'
          : human === null ? 'Not answered: AutoQA suggested ' + Scoring.answerText(c, auto) + '.'
            : 'Overridden: you answered ' + Scoring.answerText(c, a) + '; AutoQA suggested ' + Scoring.answerText(c, auto) + '. Recorded when you submit.';
        use.hidden = kept;
      }
    };
  }

  // "greeting: present · confidence 90%", "spelling grammar: 1.5 errors per 100 words · …"
  function describe(s) {
    const name = s.check.replace(/^process:/, 'rule ').replace(/_/g, ' ');
    let raw = 'does not apply';
    if (s.rawValue !== null && s.rawValue !== undefined) {
      raw = /^1 = /.test(s.unit) ? (s.rawValue >= 1 ? s.unit.slice(4) : 'not ' + s.unit.slice(4))
        : (Math.round(s.rawValue * 100) / 100) + ' ' + s.unit;
    }
    return name + ': ' + raw + ' · confidence ' + Math.round(s.confidence * 100) + '%';
  }

  const SHOWN = 5;
  function evidenceList(s) {
    const items = s.evidence || [];
    if (!items.length) return null;
    const list = h('ul', { class: 'evidence', 'aria-label': 'Evidence' });
    items.slice(0, SHOWN).forEach((e) => list.append(h('li', {},
      h('button', { type: 'button', class: 'link show-evidence', 'aria-controls': 'msg-' + e.messageIndex,
        'data-message': e.messageIndex, 'data-start': e.start, 'data-end': e.end,
        onclick: () => highlight(e) },
      '“' + e.excerpt + '”'),
      h('small', {}, ` message ${e.messageIndex + 1}, characters ${e.start}–${e.end}, rule ${e.ruleId}`),
      e.note ? h('small', { class: 'evidence-note' }, ' — ' + e.note) : null)));
    if (items.length > SHOWN) list.append(h('li', { class: 'muted' }, `and ${items.length - SHOWN} more`));
    return list;
  }

  // Opens the transcript (loading it if needed), marks the span and brings the message into view.
  async function highlight(e) {
    const conv = document.getElementById('conversation');
    if (!conv) return;
    if (!conv.open) conv.open = true;
    await Transcript.loaded();
    for (const old of conv.querySelectorAll('mark.evidence-mark')) {
      const parent = old.parentNode;
      old.replaceWith(document.createTextNode(old.textContent));
      parent.normalize();
    }
    const msg = conv.querySelector(`.msg[data-index="${CSS.escape(String(e.messageIndex))}"]`);
    const text = msg && msg.querySelector('.text');
    if (!text || !text.firstChild || text.firstChild.nodeType !== Node.TEXT_NODE) return;
    const node = text.firstChild;
    const end = Math.min(e.end, node.length);
    const range = document.createRange();
    range.setStart(node, Math.min(e.start, end));
    range.setEnd(node, end);
    const mark = h('mark', { class: 'evidence-mark', title: e.ruleId });
    range.surroundContents(mark);
    msg.scrollIntoView({ block: 'center' });
    msg.focus({ preventScroll: true });
    const status = document.getElementById('evidence-status');
    if (status) status.textContent = `Evidence marked in message ${e.messageIndex + 1}: “${mark.textContent}”`;
  }

  /** The submitted evaluation's recorded overrides, as a list a person reads. */
  async function overrides(evaluationId, def) {
    const res = await api('GET', '/api/v1/autoqa/overrides?evaluationId=' + encodeURIComponent(evaluationId));
    const byId = criteria(def);
    const items = (res.items || []).filter((o) => byId[o.criterionId]);
    if (!items.length) return null;
    return h('div', { id: 'autoqa-overrides' }, h('h2', {}, 'AutoQA overrides recorded'),
      h('ul', {}, items.map((o) => {
        const c = byId[o.criterionId];
        const human = o.humanValue === null ? { notApplicable: true } : { value: o.humanValue };
        return h('li', {}, c.name, ': AutoQA ', Scoring.answerText(c, { value: o.automaticValue }),
          ' → you ', Scoring.answerText(c, human));
      })));
  }

  return { load, withheld, prefill, render, overrides, highlight };
})();
