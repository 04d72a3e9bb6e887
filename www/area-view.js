// One designation's view, built from report.areas[id] alone: both tracks
// (the deciding one marked, with how it was chosen), each metric drawn by
// its kind, what is unknown and what would score it, the recommendations,
// the data model's explanation of the figures (area-detail.js), warnings and
// assumptions. Modern Work has its own, fuller view in the component; this
// one serves every area the report has.

import { areaDetail } from './area-detail.js';
import { badge, bar, h, metricPoints, number, totalPoints } from './dom.js';
import { rulesLine } from './rules.js';
import { AREA_TEXT as T, SOURCE, metricName, unit } from './strings.js';

const manualTag = (source) => (source === 'manual' ? h('span', { class: 'tag manual', 'data-field': 'manual' }, T.enteredByHand) : null);
const capital = (text) => text.charAt(0).toUpperCase() + text.slice(1);
/** A step's, part's or option's own tag, when the metric's does not already say it. */
const childTag = (source, m) => (m.source === 'manual' ? null : manualTag(source));

/** "Azure Database Administrator Associate or another of the 11 listed", the full list a click away. */
function certifications(names) {
  if (names.length <= 3) return h('span', { class: 'step-certs' }, names.join(', '));
  return h('details', { class: 'step-certs' }, h('summary', {}, T.certificationsMore(names[0], names.length)), h('span', {}, names.join(', ')));
}

/** Count metrics: tenants, people, services. */
function countBody(id, m) {
  if (m.points === null) return null;
  return h(
    'p',
    { class: 'value' },
    `${T.countValue(number(m.value), unit(id, m.kind, m.value))}; ${T.fullPointsAt(number(m.threshold))}`,
  );
}

function optionsBody(m) {
  const known = m.points !== null;
  return h(
    'ul',
    { class: 'options' },
    Object.entries(m.options ?? {}).map(([option, o]) =>
      h(
        'li',
        { class: option === m.bestOption ? 'counts' : '', 'data-option': option },
        h('span', { class: 'option-name' }, option),
        bar(known && o.points !== null ? o.points / m.max : 0, `${option}: ${metricPoints(o.points)} of ${m.max}`),
        h('span', { class: 'option-value' }, o.value === null ? T.unknown : `${number(o.value)} of ${number(o.threshold)}`),
        option === m.bestOption ? h('span', { class: 'tag' }, T.bestOption) : null,
        childTag(o.source, m),
      ),
    ),
  );
}

function growthBody(m) {
  const lines = [];
  if (m.value !== null && m.value !== undefined) lines.push(`${T.growthValue(number(m.value))}; ${T.growthFull(number(m.threshold))}`);
  else lines.push(capital(T.growthFull(number(m.threshold))));
  if (m.baseline !== null && m.baseline !== undefined) lines.push(T.baseline(number(m.baseline), m.minimumBaseline === null ? null : number(m.minimumBaseline)));
  else if (m.minimumBaseline !== null && m.minimumBaseline !== undefined) lines.push(T.minimumOnly(number(m.minimumBaseline)));
  return [
    lines.map((line) => h('p', { class: 'value' }, line)),
    m.reason ? h('p', { class: 'note', 'data-field': 'reason' }, m.reason) : null,
  ];
}

function stepsBody(m) {
  const gatePeople = m.gate?.people ?? null;
  return [
    h('p', { class: 'value' }, T.stepsRule(number(m.threshold), gatePeople === null ? null : number(gatePeople))),
    h(
      'ol',
      { class: 'steps' },
      (m.steps ?? []).map((s, i) => {
        const short = s.gate && gatePeople !== null ? Math.max(0, gatePeople - s.people) : 0;
        // Typed counts have no names.
        const who = s.names?.length ? s.names.join(', ') : s.people || s.source === 'manual' ? '' : T.nobody;
        return h(
          'li',
          { class: `step ${s.met ? 'met' : 'not-met'}`, 'data-step': i + 1, 'data-list': s.list, 'data-gate': String(Boolean(s.gate)), 'data-met': String(Boolean(s.met)) },
          h(
            'div',
            { class: 'step-head' },
            h('span', { class: 'step-name' }, T.step(i + 1)),
            s.gate ? h('span', { class: 'tag gate' }, T.gate) : null,
            h('span', { class: `tag ${s.met ? 'met' : 'not-met'}`, 'data-field': 'met' }, s.met ? T.met : T.notMet),
            h('span', { class: 'step-points', 'data-field': 'step-points' }, T.points(metricPoints(s.points))),
            childTag(s.source, m),
          ),
          certifications(s.certifications ?? []),
          h(
            'p',
            { class: 'step-people' },
            h('span', { 'data-field': 'people' }, T.people(s.people)),
            who ? [': ', h('span', { 'data-field': 'names' }, who)] : null,
            short ? [' · ', h('span', { class: 'short', 'data-field': 'short' }, T.morePeople(short))] : null,
          ),
        );
      }),
    ),
  ];
}

function partsBody(m) {
  return h(
    'ul',
    { class: 'parts' },
    Object.entries(m.parts ?? {}).map(([id, p]) =>
      h(
        'li',
        { 'data-part': id },
        h('span', { class: 'part-name' }, p.label ?? id),
        h('span', { class: 'part-value', 'data-field': 'part-value' }, p.points === null ? T.partUnknown(number(p.threshold)) : T.partValue(number(p.value), number(p.threshold))),
        h('span', { class: 'part-points', 'data-field': 'part-points' }, p.points === null ? '–' : T.points(metricPoints(p.points))),
        childTag(p.source, m),
      ),
    ),
  );
}

function metric(id, m, missingId) {
  const name = metricName(id);
  const known = m.points !== null;
  const body = { tenants: countBody, people: countBody, services: countBody }[m.kind]?.(id, m);
  return h(
    'article',
    { class: `metric ${known && m.points === 0 ? 'zero' : ''} ${known ? '' : 'unknown'}`, 'data-metric': id, 'data-kind': m.kind, part: 'metric' },
    h('div', { class: 'metric-head' }, h('h4', {}, name), manualTag(m.source)),
    h(
      'p',
      { class: 'points' },
      h('span', { 'data-field': 'points', title: known ? `Exact ${m.points}` : T.unknown }, known ? metricPoints(m.points) : '—'),
      h('span', { class: 'of' }, ` / ${m.max}`),
    ),
    bar(known ? m.points / m.max : 0, `${name}: ${known ? metricPoints(m.points) : T.unknown} of ${m.max} points`),
    known ? null : h('p', { class: 'value unknown-note', 'aria-describedby': missingId ?? undefined }, h('strong', {}, T.unknown), missingId ? `: ${T.unknownNote}` : ''),
    body ?? null,
    m.kind === 'options' ? optionsBody(m) : null,
    m.kind === 'growth' ? growthBody(m) : null,
    m.kind === 'steps' ? stepsBody(m) : null,
    m.kind === 'parts' ? partsBody(m) : null,
  );
}

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

/** The view of report.areas[id]; `onBack()` returns to the overview. */
export function areaView(report, id, { onBack } = {}) {
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
    showMissing
      ? h(
          'div',
          { class: 'missing', id: missingId, 'data-field': 'missing' },
          h('strong', {}, `${scored ? T.toScoreUnknown : T.whatWouldScore}: `),
          area.missing,
        )
      : null,
    area.warnings?.length ? h('ul', { class: 'notes', 'aria-label': T.warnings }, area.warnings.map((w) => h('li', { class: 'warning' }, w.message))) : null,
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
