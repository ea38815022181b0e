'use strict';
// Scorecard builder: sections, criteria (scale, weight, N/A, critical, root causes, guidance), a
// live preview with the panel's scoring, save the draft and publish it as an immutable version.
(() => {
  const { api, h, field, message, fail, date } = QC;
  const app = document.getElementById('app');
  const listEl = h('div', { id: 'scorecard-list' });
  const editorEl = h('div', { id: 'builder' });
  const previewEl = h('div', { id: 'preview', class: 'card' });
  app.append(listEl, h('div', { class: 'two' }, editorEl, h('aside', { 'aria-label': 'Preview' }, h('h2', {}, 'Preview'), previewEl)));
  let teams = [];
  let card = null; // {id?, draft fields..., versions}

  const blankCriterion = () => ({ id: '', name: '', guidance: '', scale: 'BINARY', points: [], weight: 1, naAllowed: false, critical: false, compliance: false, rootCauses: [] });
  const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'criterion';

  async function loadList(selectId) {
    try {
      const [cards, t] = await Promise.all([api('GET', '/api/v1/scorecards'), api('GET', '/api/v1/teams')]);
      teams = t.items || [];
      const items = cards.items || cards;
      listEl.replaceChildren(h('div', { class: 'row' },
        field('Scorecard', h('select', { id: 'scorecard-select', onchange: (e) => open(e.target.value) },
          h('option', { value: '' }, '— choose —'),
          items.map((c) => h('option', { value: c.id, selected: c.id === selectId }, c.name + ((c.versions || []).length ? ` (v${c.versions.length})` : ' (draft)'))))),
        h('button', { type: 'button', id: 'new-scorecard', onclick: () => edit({ name: '', description: '', teamId: null, isDefault: false, passMark: 90, sections: [{ name: 'Section 1', criteria: [blankCriterion()] }], versions: [] }) }, 'New scorecard')));
    } catch (err) { fail(app)(err); }
  }

  async function open(id) {
    if (!id) return;
    try { edit(await api('GET', '/api/v1/scorecards/' + encodeURIComponent(id))); } catch (err) { fail(app)(err); }
  }

  function input(obj, key, attrs, cast) {
    const el = h(attrs && attrs.rows ? 'textarea' : 'input', Object.assign({ value: obj[key] ?? '' }, attrs || {}));
    el.addEventListener('input', () => { obj[key] = cast ? cast(el.value) : el.value; preview(); });
    return el;
  }
  function check(obj, key) {
    const el = h('input', { type: 'checkbox', checked: !!obj[key] });
    el.addEventListener('change', () => { obj[key] = el.checked; preview(); });
    return el;
  }
  const list = (v) => v.split(',').map((s) => s.trim()).filter(Boolean);

  function edit(c) {
    card = c;
    const team = h('select', { onchange: (e) => { card.teamId = e.target.value || null; } },
      h('option', { value: '' }, 'every team'), teams.map((t) => h('option', { value: t.id, selected: t.id === card.teamId }, t.name)));
    const sections = h('div');
    card.sections.forEach((s, si) => sections.append(section(s, si)));
    const versions = (card.versions || []).map((v) => h('li', {}, `v${v.version} published ${date(v.publishedAt)}`));
    editorEl.replaceChildren(
      h('h2', {}, card.id ? 'Edit draft' : 'New scorecard'),
      h('div', { class: 'row' },
        field('Scorecard name', input(card, 'name', { required: true })),
        field('Team', team),
        field('Pass mark %', input(card, 'passMark', { type: 'number', min: 0, max: 100, step: 1 }, Number)),
        field('Default for the team (applies when published)', check(card, 'isDefault'))),
      field('Description', input(card, 'description', { rows: 2 })),
      sections,
      h('div', { class: 'actions' },
        h('button', { type: 'button', onclick: () => { card.sections.push({ name: 'Section ' + (card.sections.length + 1), criteria: [blankCriterion()] }); edit(card); } }, 'Add section'),
        h('button', { type: 'button', id: 'save-scorecard', onclick: () => save(false) }, 'Save draft'),
        h('button', { type: 'button', id: 'publish-scorecard', class: 'primary', onclick: () => save(true) }, 'Publish version')),
      versions.length ? h('div', {}, h('h2', {}, 'Published versions'), h('ul', { id: 'versions' }, versions)) : null);
    preview();
  }

  function section(s, si) {
    const box = h('fieldset', { class: 'builder-section' }, h('legend', {}, 'Section ' + (si + 1)),
      field('Section name', input(s, 'name')));
    s.criteria.forEach((c, ci) => box.append(criterion(s, c, ci)));
    box.append(h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: () => { s.criteria.push(blankCriterion()); edit(card); } }, 'Add criterion'),
      h('button', { type: 'button', class: 'danger', onclick: () => { card.sections.splice(si, 1); edit(card); } }, 'Remove section')));
    return box;
  }

  function criterion(s, c, ci) {
    const scale = h('select', {}, ['BINARY', 'ONE_TO_FIVE', 'POINTS'].map((v) => h('option', { value: v, selected: c.scale === v }, { BINARY: 'Yes / No', ONE_TO_FIVE: '1 – 5', POINTS: 'Custom points' }[v])));
    const points = h('input', { value: (c.points || []).join(', '), placeholder: '0, 5, 10', disabled: c.scale !== 'POINTS' });
    scale.addEventListener('change', () => { c.scale = scale.value; points.disabled = c.scale !== 'POINTS'; if (c.scale !== 'POINTS') c.points = []; preview(); });
    points.addEventListener('input', () => { c.points = list(points.value).map(Number).filter((n) => !Number.isNaN(n)); preview(); });
    const name = input(c, 'name', { required: true });
    name.addEventListener('change', () => { if (!c.id) { c.id = slug(c.name); edit(card); } });
    const causes = h('input', { value: (c.rootCauses || []).join(', '), placeholder: 'knowledge, process, tone' });
    causes.addEventListener('input', () => { c.rootCauses = list(causes.value); preview(); });
    return h('div', { class: 'builder-criterion' },
      h('div', { class: 'row' }, field('Criterion name', name), field('Criterion id', input(c, 'id', { pattern: '[a-z0-9][a-z0-9_-]*' }))),
      h('div', { class: 'row' }, field('Scale', scale), field('Points', points),
        field('Weight', input(c, 'weight', { type: 'number', min: 0.1, step: 0.5 }, Number)),
        field('N/A allowed', check(c, 'naAllowed')), field('Critical', check(c, 'critical')),
        field('Compliance flag', check(c, 'compliance'))),
      field('Root causes', causes, 'comma-separated'),
      field('Guidance', input(c, 'guidance', { rows: 2 })),
      h('button', { type: 'button', class: 'danger', onclick: () => { s.criteria.splice(ci, 1); edit(card); } }, 'Remove criterion'));
  }

  function draft() {
    return {
      name: card.name, description: card.description || '', teamId: card.teamId || null,
      isDefault: !!card.isDefault, passMark: Number(card.passMark),
      sections: card.sections.map((s) => ({
        name: s.name,
        criteria: s.criteria.map((c) => ({
          id: c.id || slug(c.name), name: c.name, guidance: c.guidance || '', scale: c.scale,
          points: c.scale === 'POINTS' ? c.points : [], weight: Number(c.weight), naAllowed: !!c.naAllowed,
          critical: !!c.critical, compliance: !!c.compliance, rootCauses: c.rootCauses || [],
        })),
      })),
    };
  }

  function preview() {
    const def = draft();
    const live = h('div', { class: 'live-score', role: 'status' });
    const form = ScoreForm.render(def, {}, { prefix: 'preview', onChange: (a) => ScoreForm.summary(live, def, a) });
    previewEl.replaceChildren(h('p', { class: 'muted' }, 'Try answers: the score updates as the panel will.'), live, form);
  }

  async function save(publish) {
    try {
      const body = draft();
      const saved = card.id ? await api('PUT', '/api/v1/scorecards/' + card.id, body) : await api('POST', '/api/v1/scorecards', body);
      let id = saved.id || card.id;
      if (publish) {
        const v = await api('POST', '/api/v1/scorecards/' + id + '/publish');
        message(app, `Published “${body.name}” version ${v.version}.`, 'ok');
      } else message(app, 'Draft saved.', 'ok');
      await loadList(id);
      await open(id);
    } catch (err) { fail(app)(err); }
  }

  loadList(null);
})();
