// "Enter values" on an area's card (designations.md §7): one box per metric,
// option, part or step and track, the unit beside it, prefilled from the
// report; the boxes typed in are the values entered by hand, scored through the worker's `manualValues` option and saved as the
// CSV the scorer reads back (Area,Track,Metric,Value). Which boxes an area
// has comes from its tracks in the report (their kinds), or, for an area
// not scored yet, from its ruleset: nothing here names an area.

import { download, h, manualValuesCsv, number } from './dom.js';
import { ENTER_TEXT as T, metricName } from './strings.js';

/** "12.5" for a box: the report's figure as Partner Center shows it (two decimals at most). */
const boxValue = (v) => (v === null || v === undefined ? '' : String(Math.round(v * 100) / 100));

/**
 * The boxes of one track, from the report's metrics (kinds, options, parts,
 * steps) or, without them, the ruleset's: [{ metric, label, unit, value, typed }].
 */
export function trackFields(reportMetrics, rulesetMetrics) {
  const fields = [];
  const ids = Object.keys(reportMetrics ?? rulesetMetrics ?? {});
  for (const id of ids) {
    const m = reportMetrics?.[id];
    const r = rulesetMetrics?.[id];
    const kind = m?.kind ?? r?.kind;
    const name = metricName(id);
    const typed = (source) => source === 'manual';
    const field = (metric, label, unit, value, source) => fields.push({ metric, label, unit, value: boxValue(value), typed: typed(source) });
    if (kind === 'options') {
      const options = m?.options ? Object.keys(m.options) : (r?.options ?? []).map((o) => o.association);
      for (const o of options) field(`${id}.${o}`, `${name} · ${o}`, T.unit(kind, r?.measure, id), m?.options?.[o]?.value, m?.options?.[o]?.source);
    } else if (kind === 'parts') {
      const parts = m?.parts ? Object.entries(m.parts).map(([p, v]) => [p, v.label ?? p]) : (r?.parts ?? []).map((p) => [p.id, p.label ?? p.id]);
      for (const [p, label] of parts) {
        const measure = r?.parts?.find((x) => x.id === p)?.measure;
        field(`${id}.${p}`, `${name} · ${label}`, T.unit(kind, measure, id), m?.parts?.[p]?.value, m?.parts?.[p]?.source);
      }
    } else if (kind === 'steps') {
      const steps = m?.steps ?? r?.steps ?? [];
      steps.forEach((s, i) => field(`${id}.step${i + 1}`, `${name} · ${T.step(i + 1)}`, T.unit(kind, null, id), m?.steps ? s.people : null, s.source));
    } else {
      field(id, name, T.unit(kind, r?.measure, id), m?.value, m?.source);
      // A growth's baseline may be typed too (designations.md §7).
      if (kind === 'growth') field(`${id}.baseline`, `${name} · ${T.baseline}`, T.baselineUnit, m?.baseline, null);
    }
  }
  return fields;
}

/**
 * The "Enter values" block of area `areaId`. `ruleset` is the area's ruleset
 * (for an area not scored yet, and for units); `typed` the rows entered so
 * far for every area; `state` ({ open }) is kept across refreshes;
 * `onApply(rows)` scores with this area's rows replaced by `rows`.
 */
export function enterValues(report, areaId, { ruleset, typed, state, onApply }) {
  const area = report.areas?.[areaId];
  if (!area && !ruleset) return null;
  const label = area?.label ?? ruleset?.label ?? areaId;
  const trackIds = Object.keys(area?.tracks ?? {}).length ? Object.keys(area.tracks) : (ruleset?.tracks ?? []).map((t) => t.id);
  const trackLabel = (id) => area?.tracks?.[id]?.label ?? ruleset?.tracks?.find((t) => t.id === id)?.label ?? id;
  const mine = typed.filter((v) => v.area === areaId);
  const typedValue = (track, metric) => mine.find((v) => v.metric === metric && (v.track ?? '') === track)?.value;
  const boxes = [];
  const fieldsets = trackIds.map((trackId) => {
    const rulesetMetrics = ruleset?.tracks?.find((t) => t.id === trackId)?.metrics;
    const fields = trackFields(area?.tracks?.[trackId]?.metrics, rulesetMetrics);
    return h(
      'fieldset',
      { class: 'enter-track', 'data-enter-track': trackId },
      h('legend', {}, trackLabel(trackId)),
      fields.map((f) => {
        const again = typedValue(trackId, f.metric) ?? typedValue('', f.metric);
        const input = h('input', {
          type: 'text',
          inputmode: 'decimal',
          autocomplete: 'off',
          value: again !== undefined ? String(again) : f.value,
          'data-metric': f.metric,
          'data-track': trackId,
        });
        const box = { input, track: trackId, metric: f.metric, prefilled: f.value, typed: f.typed || again !== undefined };
        // A box typed in counts as entered by hand, even with the files' figure.
        input.addEventListener('input', () => (box.typed = true));
        boxes.push(box);
        return h('label', { class: 'enter-field' }, h('span', { class: 'enter-label' }, f.label), input, h('span', { class: 'unit' }, f.unit));
      }),
    );
  });
  // Areas whose track is classified from the files may have it typed.
  const classified = (area?.trackChoice && area.trackChoice !== 'best') || (ruleset?.trackChoice?.rule && ruleset.trackChoice.rule !== 'best');
  const trackSelect = classified
    ? h(
        'select',
        { 'data-metric': 'track' },
        h('option', { value: '' }, T.trackFromFiles),
        trackIds.map((id) => h('option', { value: id, selected: String(typedValue('', 'track') ?? '').toLowerCase() === id }, trackLabel(id))),
      )
    : null;
  /** The values entered by hand: boxes typed in (now or before) or changed from the report's figure, and the track. */
  const rows = () => {
    const out = [];
    for (const b of boxes) {
      const value = b.input.value.trim();
      if (value === '' || (value === b.prefilled && !b.typed)) continue;
      out.push({ area: areaId, track: b.track, metric: b.metric, value });
    }
    if (trackSelect?.value) out.push({ area: areaId, track: '', metric: 'track', value: trackSelect.value });
    return out;
  };
  const status = h('p', { class: 'enter-status', role: 'status' });
  // The scorer's complaints about typed values (not about a file read).
  const fileNames = new Set((report.files ?? []).map((f) => f.name));
  const errors = (report.errors ?? []).filter((e) => e.file && !fileNames.has(e.file));
  const panelId = `enter-${areaId}`;
  const panel = h(
    'form',
    {
      id: panelId,
      class: 'enter-values',
      hidden: !state.open,
      'aria-label': T.formLabel(label),
      onsubmit: (e) => {
        e.preventDefault();
        const list = rows();
        status.textContent = T.applying(list.length);
        onApply(list);
      },
    },
    h('p', { class: 'note' }, T.help),
    errors.length ? h('ul', { class: 'notes', 'data-field': 'enter-errors' }, errors.map((e) => h('li', { class: 'error' }, e.value ? `${e.value}: ${e.message}` : e.message))) : null,
    trackSelect ? h('label', { class: 'enter-field enter-track-choice' }, h('span', { class: 'enter-label' }, T.track), trackSelect) : null,
    h('div', { class: 'enter-tracks' }, fieldsets),
    h(
      'div',
      { class: 'downloads' },
      h('button', { type: 'submit', class: 'primary', part: 'button', 'data-action': 'apply-values' }, T.apply),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          part: 'button',
          'data-action': 'download-values',
          onclick: () => download(`spd-score-values-${areaId}.csv`, 'text/csv', manualValuesCsv(rows())),
        },
        T.download,
      ),
      mine.length
        ? h('button', { type: 'button', class: 'secondary', part: 'button', 'data-action': 'clear-values', onclick: () => onApply([]) }, T.clear(mine.length))
        : null,
    ),
    status,
  );
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'secondary',
      part: 'button',
      'data-action': 'enter-values',
      'aria-expanded': String(state.open),
      'aria-controls': panelId,
      onclick: () => {
        state.open = !state.open;
        toggle.setAttribute('aria-expanded', String(state.open));
        panel.hidden = !state.open;
        if (state.open) panel.querySelector('input, select')?.focus();
      },
    },
    T.open,
  );
  return h('div', { class: 'enter', 'data-enter': areaId }, toggle, mine.length ? h('span', { class: 'muted enter-count' }, ` ${T.typedCount(number(mine.length))}`) : null, panel);
}
