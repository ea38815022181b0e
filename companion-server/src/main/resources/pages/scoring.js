'use strict';
// Live score in the browser, the same rules as the server's ScoringEngine (the server stays
// authoritative): score% = Σ(weight × earned/max) / Σ(weight of answered, non-N/A) × 100, rounded
// half-up to one decimal; a failed critical criterion (1-5 scale: value ≤ 2) sets the score to 0;
// pass = no critical fail and rounded score ≥ pass mark.
const Scoring = (() => {
  const maxPoints = (c) => (c.scale === 'POINTS' ? Math.max(...(c.points || [0])) : 1);
  const earned = (c, v) => (c.scale === 'ONE_TO_FIVE' ? (v - 1) / 4 : v);
  const round1 = (x) => Math.round(x * 10 + 1e-9) / 10;

  /** {score, passed, criticalFail, failed: [criterion ids], answered, total} for partial answers. */
  function score(def, answers) {
    let sum = 0, weights = 0, criticalFail = false, answered = 0, total = 0;
    const failed = [];
    for (const s of def.sections || []) {
      for (const c of s.criteria || []) {
        total++;
        const a = answers[c.id];
        if (!a) continue;
        if (a.notApplicable) { answered++; continue; }
        if (a.value === null || a.value === undefined) continue;
        answered++;
        const pts = earned(c, a.value), max = maxPoints(c);
        if (pts < max) failed.push(c.id);
        if (c.critical && (c.scale === 'ONE_TO_FIVE' ? a.value <= 2 : pts < max)) criticalFail = true;
        sum += c.weight * (pts / max);
        weights += c.weight;
      }
    }
    if (weights === 0) return { score: null, passed: null, criticalFail: false, failed, answered, total };
    const value = criticalFail ? 0 : round1((sum * 100) / weights);
    const passed = !criticalFail && value >= (def.passMark ?? 90);
    return { score: value, passed, criticalFail, failed, answered, total };
  }

  /** The values a criterion's scale allows, best first on every scale, as [value, label] pairs. */
  function options(c) {
    if (c.scale === 'BINARY') return [[1, 'Yes'], [0, 'No']];
    if (c.scale === 'ONE_TO_FIVE') return [5, 4, 3, 2, 1].map((v) => [v, String(v)]);
    return [...(c.points || [])].sort((a, b) => b - a).map((v) => [v, String(v)]);
  }

  /** An answer as a person reads it: "Yes", "4 of 5", "3 of 5 points", "N/A". */
  function answerText(c, a) {
    if (!a) return 'not answered';
    if (a.notApplicable) return 'N/A';
    if (a.value === null || a.value === undefined) return 'not answered';
    if (c.scale === 'BINARY') return a.value >= 1 ? 'Yes' : 'No';
    if (c.scale === 'ONE_TO_FIVE') return a.value + ' of 5';
    return a.value + ' of ' + maxPoints(c) + ' points';
  }

  return { score, options, maxPoints, earned, answerText };
})();

// The criteria form shared by the scoring panel and the scorecard preview.
const ScoreForm = (() => {
  const { h } = QC;

  /** Renders def's criteria with answers; onChange(answers) runs on every change. */
  function render(def, answers, opts) {
    const readOnly = !!(opts && opts.readOnly);
    const prefix = (opts && opts.prefix) || 'c';
    const root = h('div', { class: 'criteria' });
    for (const s of def.sections || []) {
      const sec = h('section', { class: 'section' }, h('h2', {}, s.name));
      for (const c of s.criteria || []) sec.append(criterion(c, answers[c.id] || {}, prefix, readOnly));
      root.append(sec);
    }
    const changed = () => {
      const a = collect(def, root, prefix);
      for (const s of def.sections || []) for (const c of s.criteria || []) {
        const box = root.querySelector(`[data-criterion="${CSS.escape(c.id)}"]`);
        const ans = a[c.id];
        const failed = ans && !ans.notApplicable && ans.value !== undefined
          && Scoring.earned(c, ans.value) < Scoring.maxPoints(c);
        const rc = box.querySelector('.root-causes');
        if (rc) rc.hidden = !failed;
        box.classList.toggle('failed', !!failed);
      }
      if (opts && opts.onChange) opts.onChange(a);
    };
    root.addEventListener('change', changed);
    root.addEventListener('input', changed);
    setTimeout(changed);
    return root;
  }

  function criterion(c, a, prefix, readOnly) {
    const name = `${prefix}-${c.id}`;
    const box = h('fieldset', { class: 'criterion' + (c.critical ? ' is-critical' : ''), 'data-criterion': c.id },
      h('legend', {}, c.name, c.critical ? h('span', { class: 'badge critical', title: 'A fail sets the score to 0' }, 'Critical') : null,
        h('span', { class: 'weight' }, ' ×' + c.weight)));
    if (c.guidance) box.append(h('p', { class: 'guidance' }, c.guidance));
    const scale = h('div', { class: 'scale', role: 'radiogroup', 'aria-label': c.name + ' score' });
    const opts = Scoring.options(c).map(([v, label]) => [String(v), label]);
    if (c.naAllowed) opts.push(['na', 'N/A']);
    const current = a.notApplicable ? 'na' : a.value === undefined || a.value === null ? null : String(a.value);
    for (const [v, label] of opts) {
      const id = `${name}-${v}`;
      scale.append(h('span', { class: 'opt' },
        h('input', { type: 'radio', id, name, value: v, checked: current === v, disabled: readOnly }),
        h('label', { for: id }, label)));
    }
    box.append(scale);
    if ((c.rootCauses || []).length) {
      const rc = h('fieldset', { class: 'root-causes', hidden: true }, h('legend', {}, 'Root cause'));
      for (const cause of c.rootCauses) {
        const id = `${name}-rc-${cause.replace(/\W+/g, '_')}`;
        rc.append(h('span', { class: 'opt' },
          h('input', { type: 'checkbox', id, value: cause, checked: (a.rootCauses || []).includes(cause), disabled: readOnly }),
          h('label', { for: id }, cause)));
      }
      box.append(rc);
    }
    // Reserved for machine suggestions (AutoQA) per criterion; filled by a later feature.
    box.append(h('div', { class: 'suggestion', 'data-suggestion-for': c.id, hidden: true }));
    // Comments open on demand, so a long scorecard stays short at 320 px.
    const comment = h('textarea', { id: `${name}-comment`, rows: 2, disabled: readOnly, value: a.comment || '' });
    const commentField = QC.field('Comment', comment);
    const hasComment = !!(a.comment && a.comment.trim());
    commentField.hidden = !hasComment;
    if (!readOnly && !hasComment) {
      const add = h('button', { type: 'button', class: 'link add-comment', 'aria-controls': comment.id },
        'Add comment');
      add.addEventListener('click', () => { commentField.hidden = false; add.remove(); comment.focus(); });
      box.append(add);
    }
    box.append(commentField);
    return box;
  }

  /** Answers as the evaluations API takes them; unanswered criteria are left out. */
  function collect(def, root, prefix) {
    const out = {};
    for (const s of def.sections || []) for (const c of s.criteria || []) {
      const name = `${prefix || 'c'}-${c.id}`;
      const picked = root.querySelector(`input[name="${CSS.escape(name)}"]:checked`);
      const comment = root.querySelector(`#${CSS.escape(name + '-comment')}`).value.trim();
      if (!picked) { if (comment) out[c.id] = { comment }; continue; }
      if (picked.value === 'na') { out[c.id] = { notApplicable: true, rootCauses: [], comment: comment || undefined }; continue; }
      const value = Number(picked.value);
      const failed = Scoring.earned(c, value) < Scoring.maxPoints(c);
      const causes = failed
        ? [...root.querySelectorAll(`[data-criterion="${CSS.escape(c.id)}"] .root-causes input:checked`)].map((i) => i.value)
        : [];
      out[c.id] = { value, notApplicable: false, rootCauses: causes, comment: comment || undefined };
    }
    return out;
  }

  /** The live score box text and state. */
  function summary(el, def, answers) {
    const r = Scoring.score(def, answers);
    el.classList.toggle('critical-fail', r.criticalFail);
    el.classList.toggle('pass', r.passed === true);
    el.classList.toggle('fail', r.passed === false);
    el.replaceChildren(
      h('strong', { class: 'score-value' }, r.score === null ? '—' : r.score.toFixed(1) + '%'),
      ' ', r.passed === null ? 'not scored yet' : r.criticalFail ? 'CRITICAL FAIL — score 0' : r.passed ? 'Pass' : 'Below pass mark',
      h('small', {}, ` ${r.answered}/${r.total} answered · pass mark ${def.passMark ?? 90}%`));
    return r;
  }

  return { render, collect, summary };
})();
