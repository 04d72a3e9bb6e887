// One designation's view, the same for all six, built from report.areas[id]:
// its score and status (the report's, the one the overview shows), both
// tracks (the deciding one marked) with their metrics by category, each drawn
// by its kind (metric-views.js), the score by month, what to do next, "Enter
// values", the tables of its data model a page at a time (area-detail.js),
// its people (only the certifications its lists name), warnings and
// assumptions.

import { areaDetail } from './area-detail.js';
import { areaPeople } from './area-people.js';
import { badge, bar, datesInWords, h, monthName, plural, table, totalPoints } from './dom.js';
import { metric } from './metric-views.js';
import { rulesLine } from './rules.js';
import { AREA_TEXT as T, METRIC_CATEGORY, SOURCE } from './strings.js';

/** A track's metrics by category, in the categories' order; a metric no table names goes under "Other". */
function byCategory(metrics) {
  const groups = new Map();
  for (const [id, m] of Object.entries(metrics ?? {})) {
    const category = METRIC_CATEGORY[id] ?? T.otherCategory;
    if (!groups.has(category)) groups.set(category, []);
    groups.get(category).push([id, m]);
  }
  const order = [...new Set(Object.values(METRIC_CATEGORY)), T.otherCategory];
  return [...groups].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
}

/** A track's card; `rules`: the ruleset's definition of the track (its metrics' units), if known. */
function track(areaId, trackId, t, deciding, how, missingId, rules) {
  // A track with an unknown metric is Incomplete and shows "at least"; one that qualifies anyway stands.
  const atLeast = t.status === 'incomplete';
  const score = totalPoints(t.total);
  const titleId = `area-${areaId}-${trackId}`;
  return h(
    'section',
    { class: `area-track${deciding ? ' deciding' : ''}`, 'data-track': trackId, part: 'track', 'aria-labelledby': titleId },
    h(
      'header',
      {},
      h('h3', { id: titleId }, t.label, deciding ? h('span', { class: 'tag decides', 'data-field': 'decides', title: how }, T.decides) : null),
      badge(t.status),
      h(
        'p',
        { class: 'total' },
        h('span', { 'data-field': 'total', 'data-exact': t.total, title: `Exact total ${t.total}` }, atLeast ? T.atLeast(score) : score),
        h('span', { class: 'of' }, ' / 100'),
      ),
      bar(t.total / 100, `${t.label}: ${T.total(score, atLeast)}`),
      atLeast ? h('p', { class: 'note' }, T.incompleteTrack) : !t.complete ? h('p', { class: 'note' }, T.standsUnknown) : null,
    ),
    byCategory(t.metrics).map(([category, list]) =>
      h('div', { class: 'category', 'data-category': category }, h('h4', { class: 'subhead' }, category), h('div', { class: 'area-metrics' }, list.map(([id, m]) => metric(id, m, missingId, rules?.metrics?.[id])))),
    ),
  );
}

/** The area's tenant actions, asked for (rows()) when the reader opens them, a page at a time, by kind. */
function tenantActions(id, count, rows) {
  const details = h('details', { 'data-field': 'tenant-actions' }, h('summary', {}, T.tenantActions(plural(count, 'action', 'actions'))));
  details.addEventListener('toggle', () => {
    if (!details.open || details.querySelector('table')) return;
    details.append(
      table({
        name: 'tenant-actions',
        caption: T.tenantActionsCaption(plural(count, 'action', 'actions')),
        head: [[T.actionKind, T.action]],
        page: (offset, limit) => rows({ list: 'tenantActions', area: id, sort: 'kind', offset, limit }),
        limit: 20,
        row: (a) => h('tr', { 'data-kind': a.kind, 'data-track': a.track }, h('td', {}, T.actionKinds[a.kind] ?? a.kind), h('td', {}, a.message)),
      }),
    );
  });
  return details;
}

/** "What to do next": the area's recommendations, its best per metric first; its tenant actions when its model has them. */
function nextSteps(id, area, rows) {
  const recs = (area.recommendations ?? []).filter((r) => r.best !== false);
  const actions = area.lists?.tenantActions ?? 0;
  if (!recs.length && !actions) return null;
  return h(
    'section',
    { class: 'next area-next', 'aria-labelledby': `area-${id}-next` },
    h('h3', { id: `area-${id}-next` }, T.next),
    recs.length
      ? h(
          'ul',
          {},
          recs.map((r) => h('li', { class: r.top ? 'top' : '', 'data-rec-track': r.track }, r.message, r.top ? [' ', h('span', { class: 'tag' }, T.mostPerStep)] : null)),
        )
      : null,
    actions ? tenantActions(id, actions, rows) : null,
  );
}

/**
 * The view of report.areas[id]. `back` is the element that returns to the
 * overview; `enterValues` its "Enter values" block (or null); `charts` its
 * score by month (or null); `rows` answers its lists (www/rows.js);
 * `tenantView` keeps its tenants table's choices; `ruleset` the area's
 * ruleset; `firstTrack` the track shown first.
 */
export function areaView(report, id, { back, enterValues, charts, rows, tenantView, ruleset, firstTrack } = {}) {
  const area = report.areas?.[id];
  if (!area) return null;
  const row = (report.overview ?? []).find((r) => r.area === id);
  const how = row?.trackLabel ?? area.track;
  const scored = area.status !== 'not_scored';
  // The host's track attribute puts its track first.
  const tracks = Object.entries(area.tracks ?? {}).sort(([a], [b]) => (b === firstTrack) - (a === firstTrack));
  const missingId = `area-${id}-missing`;
  const anyUnknown = tracks.some(([, t]) => Object.values(t.metrics ?? {}).some((m) => m.points === null));
  const showMissing = Boolean(area.missing) && (!scored || anyUnknown);
  return h(
    'section',
    { class: 'card area-view', part: 'area', 'data-view': 'area', 'data-area': id, 'aria-labelledby': 'area-title' },
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
      area.asOf ? `${T.asOf(monthName(area.asOf), area.baseline ? monthName(area.baseline) : null)} ` : null,
      h('span', { 'data-field': 'source' }, T.source(SOURCE[area.source] ?? area.source)),
      ' ',
      h('span', { 'data-field': 'rules' }, rulesLine(area.ruleset, area.label)),
    ),
    area.window?.message ? h('p', { class: 'window', 'data-field': 'window' }, datesInWords(area.window.message)) : null,
    showMissing
      ? h('div', { class: 'missing', id: missingId, 'data-field': 'missing' }, h('strong', {}, `${scored ? T.toScoreUnknown : T.whatWouldScore}: `), area.missing)
      : null,
    area.warnings?.length ? h('ul', { class: 'notes', 'aria-label': T.warnings }, area.warnings.map((w) => h('li', { class: 'warning' }, w.message))) : null,
    tracks.length ? h('div', { class: 'area-tracks' }, tracks.map(([trackId, t]) => track(id, trackId, t, trackId === area.track, how, showMissing ? missingId : null, ruleset?.tracks?.find((r) => r.id === trackId)))) : null,
    charts,
    nextSteps(id, area, rows),
    enterValues,
    areaDetail(report, id, { rows, tenantView, firstTrack, ruleset }),
    areaPeople(report, id, { rows }),
    area.assumptions?.length
      ? h('details', { class: 'area-assumptions' }, h('summary', {}, T.assumptions(area.assumptions.length)), h('ul', {}, area.assumptions.map((a) => h('li', {}, a.text))))
      : null,
    back ? h('p', { class: 'back' }, back) : null,
  );
}
