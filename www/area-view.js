// One designation's view, built from report.areas[id] alone: both tracks
// (the deciding one marked, with how it was chosen), each metric drawn by
// its kind (metric-views.js), what is unknown and what would score it, the recommendations,
// the data model's explanation of the figures (area-detail.js), warnings and
// assumptions. Modern Work has its own, fuller view (modern-work.js); this
// one serves every area the report has.

import { areaDetail } from './area-detail.js';
import { badge, bar, h, totalPoints } from './dom.js';
import { metric } from './metric-views.js';
import { rulesLine } from './rules.js';
import { AREA_TEXT as T, SOURCE, metricName } from './strings.js';

function track(areaId, trackId, t, deciding, how, missingId) {
  // A track with an unknown metric is Incomplete and shows "at least"; one that qualifies anyway stands.
  const atLeast = t.status === 'incomplete';
  const score = totalPoints(t.total);
  return h(
    'section',
    { class: `area-track${deciding ? ' deciding' : ''}`, 'data-area-track': trackId, 'aria-labelledby': `area-${areaId}-${trackId}` },
    h(
      'header',
      {},
      h('h3', { id: `area-${areaId}-${trackId}` }, t.label, deciding ? h('span', { class: 'tag decides', 'data-field': 'decides', title: how }, T.decides) : null),
      badge(t.status, 'track-status'),
      h(
        'p',
        { class: 'total' },
        h('span', { 'data-field': 'area-total', 'data-exact': t.total, title: `Exact total ${t.total}` }, atLeast ? T.atLeast(score) : score),
        h('span', { class: 'of' }, ' / 100'),
      ),
      bar(t.total / 100, `${t.label}: ${T.total(score, atLeast)}`),
      atLeast ? h('p', { class: 'note' }, T.incompleteTrack) : !t.complete ? h('p', { class: 'note' }, T.standsUnknown) : null,
    ),
    h('div', { class: 'area-metrics' }, Object.entries(t.metrics ?? {}).map(([id, m]) => metric(id, m, missingId))),
  );
}

/**
 * The view of report.areas[id]; `onBack()` returns to the overview;
 * `enterValues` (an element or null) is its "Enter values" block; `charts`
 * its score by month (an element or null).
 */
export function areaView(report, id, { onBack, enterValues, charts } = {}) {
  const area = report.areas?.[id];
  if (!area) return null;
  const row = (report.overview ?? []).find((r) => r.area === id);
  const how = row?.trackLabel ?? area.track;
  const scored = area.status !== 'not_scored';
  const tracks = Object.entries(area.tracks ?? {});
  const missingId = `area-${id}-missing`;
  const anyUnknown = tracks.some(([, t]) => Object.values(t.metrics ?? {}).some((m) => m.points === null));
  const showMissing = Boolean(area.missing) && (!scored || anyUnknown);
  return h(
    'section',
    { class: 'card area-view', part: 'area', 'data-area': id, 'aria-labelledby': 'area-title' },
    h(
      'div',
      { class: 'headline' },
      h('h2', { id: 'area-title', tabindex: '-1' }, area.ruleset?.name ?? area.label),
      badge(area.status, 'area-status'),
    ),
    scored
      ? h(
          'p',
          { class: 'area-summary' },
          h('span', { 'data-field': 'area-score' }, T.total(totalPoints(area.total), area.status === 'incomplete')),
          '. ',
          h('span', { 'data-field': 'decided-by' }, T.decidedBy(how)),
        )
      : null,
    h(
      'p',
      { class: 'meta' },
      area.asOf ? `${T.asOf(area.asOf, area.baseline)} ` : null,
      h('span', { 'data-field': 'source' }, T.source(SOURCE[area.source] ?? area.source)),
      ' ',
      h('span', { 'data-field': 'rules' }, rulesLine(area.ruleset, area.label)),
    ),
    enterValues,
    showMissing
      ? h(
          'div',
          { class: 'missing', id: missingId, 'data-field': 'missing' },
          h('strong', {}, `${scored ? T.toScoreUnknown : T.whatWouldScore}: `),
          area.missing,
        )
      : null,
    area.warnings?.length ? h('ul', { class: 'notes', 'aria-label': T.warnings }, area.warnings.map((w) => h('li', { class: 'warning' }, w.message))) : null,
    charts,
    tracks.length ? h('div', { class: 'area-tracks' }, tracks.map(([trackId, t]) => track(id, trackId, t, trackId === area.track, how, showMissing ? missingId : null))) : null,
    area.recommendations?.length
      ? h(
          'div',
          { class: 'next area-next' },
          h('h3', { class: 'subhead' }, T.next),
          h(
            'ul',
            {},
            area.recommendations.map((r) =>
              h('li', { class: r.top ? 'top' : '', 'data-rec-track': r.track }, r.message, r.top ? [' ', h('span', { class: 'tag' }, T.mostPerStep)] : null),
            ),
          ),
        )
      : null,
    areaDetail(area, id),
    area.assumptions?.length
      ? h('details', { class: 'area-assumptions' }, h('summary', {}, T.assumptions(area.assumptions.length)), h('ul', {}, area.assumptions.map((a) => h('li', {}, a.text))))
      : null,
    onBack ? h('p', {}, h('button', { type: 'button', class: 'secondary', part: 'button', onclick: onBack }, T.back)) : null,
  );
}

/**
 * Where else a certification counts: "Data & AI (intermediate certifications,
 * step 1), Infrastructure (…)" from report.people[].certifications[].areas,
 * leaving out the area `except` (the view it is shown in).
 */
export function countsElsewhere(report, areas, except) {
  const label = (id) => report.areas?.[id]?.label ?? id;
  const where = (countsIn) =>
    countsIn
      .map((path) => {
        const [metricId, step] = path.split('.');
        const n = /^step(\d+)$/.exec(step ?? '')?.[1];
        return [metricName(metricId).toLowerCase(), n ? T.step(n).toLowerCase() : step].filter(Boolean).join(', ');
      })
      .join('; ');
  return (areas ?? [])
    .filter((a) => a.area !== except && a.status === 'counted')
    .map((a) => (a.countsIn?.length ? `${label(a.area)} (${where(a.countsIn)})` : label(a.area)))
    .join(', ');
}
