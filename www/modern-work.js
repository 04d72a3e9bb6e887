// Modern Work's own detailed view: the summary card (status, as-of month,
// downloads), then one card per track with its five metrics by category,
// each option of a metric with its bar. The other areas' views are built
// from the report alone (area-view.js); Modern Work keeps the fuller layout
// its users know.

import { badge, bar, h, metricPoints, number, signed, totalPoints } from './dom.js';

/** The area this view draws. */
export const MODERN_WORK = 'modern-work';
/** Modern Work's metrics by category, with their units [one, many]. */
export const CATEGORIES = [
  ['Performance', [['netCustomerAdds', 'Net customer adds', ['net customer add', 'net customer adds']]]],
  [
    'Skilling',
    [
      ['intermediateCertifications', 'Intermediate certifications', ['person', 'people']],
      ['advancedCertifications', 'Advanced certifications', ['person', 'people']],
    ],
  ],
  [
    'Customer success',
    [
      ['usageGrowth', 'Usage growth', ['MAU growth', 'MAU growth']],
      ['deployments', 'Deployments', ['net deployment', 'net deployments']],
    ],
  ],
];
/** Metric id → label, in the categories' order. */
export const METRIC_LABEL = Object.fromEntries(CATEGORIES.flatMap(([, ms]) => ms.map(([id, label]) => [id, label])));

/**
 * The summary card. `onAsOf(month)` scores another month; the downloads call
 * `onDownloadReport` and `onDownloadTenants`; `enterValues` (an element or
 * null) is the "Enter values" form for Modern Work.
 */
export function summary(report, { ruleset, onAsOf, onDownloadReport, onDownloadTenants, enterValues }) {
  const best = report.bestTrack ? report.tracks[report.bestTrack] : null;
  const select = h(
    'select',
    {
      id: 'as-of',
      onchange: () => onAsOf(select.value),
    },
    report.months.map((m) => h('option', { value: m, selected: m === report.asOf }, m)),
  );
  const general = report.warnings.filter((w) => !w.file);
  return h(
    'section',
    { class: 'summary card', part: 'summary', 'aria-label': 'Summary' },
    h(
      'div',
      { class: 'headline' },
      h('h2', { id: 'summary-title', tabindex: '-1' }, report.ruleset?.name ?? 'Solutions Partner for Modern Work'),
      h('span', { class: 'area-status', 'data-field': 'area-status' }, badge(report.status)),
    ),
    h(
      'p',
      {},
      best ? `Best track: ${best.label}, ${totalPoints(best.total)} of 100 points. ` : 'No points yet. ',
      `Qualifying takes ${ruleset?.qualification?.minTotal ?? 70} points with every metric above zero.`,
    ),
    report.months.length
      ? h('label', { class: 'inline' }, 'Score as of ', select, report.baseline ? ` compared with ${report.baseline}` : '')
      : null,
    general.length ? h('ul', { class: 'notes' }, general.map((w) => h('li', { class: 'warning' }, w.message))) : null,
    h(
      'div',
      { class: 'downloads' },
      h('button', { type: 'button', class: 'secondary', part: 'button', onclick: onDownloadReport }, 'Download report (JSON)'),
      h('button', { type: 'button', class: 'secondary', part: 'button', onclick: onDownloadTenants }, 'Download tenants (CSV)'),
      h('button', { type: 'button', class: 'secondary', part: 'button', onclick: () => window.print() }, 'Print'),
    ),
    enterValues,
  );
}

/** One track's card: its total and bar, then its metrics by category. */
export function track(id, track, report) {
  const exact = `Exact total ${track.total}`;
  return h(
    'section',
    { class: 'track card', 'data-track': id, part: 'track', 'aria-labelledby': `track-${id}` },
    h(
      'header',
      {},
      h('h3', { id: `track-${id}` }, track.label),
      badge(track.status),
      h('p', { class: 'total' }, h('span', { 'data-field': 'total', title: exact, 'data-exact': track.total }, totalPoints(track.total)), h('span', { class: 'of' }, ' / 100')),
      bar(track.total / 100, `${track.label}: ${totalPoints(track.total)} of 100 points`),
      track.complete ? null : h('p', { class: 'note' }, `Incomplete: the baseline month ${report.baseline} is missing, so customer metrics are unknown.`),
    ),
    CATEGORIES.map(([category, metrics]) =>
      h('div', { class: 'category' }, h('h4', {}, category), metrics.map(([metricId, label, unit]) => metric(metricId, label, unit, track.metrics[metricId]))),
    ),
  );
}

/** A metric's card: points, bar, value or each option's progress. */
function metric(id, label, unit, m) {
  const known = m.points !== null;
  const options = m.options
    ? h(
        'ul',
        { class: 'options' },
        Object.entries(m.options).map(([option, o]) =>
          h(
            'li',
            { class: option === m.bestOption ? 'counts' : '' },
            h('span', { class: 'option-name' }, option),
            bar(known && o.points !== null ? o.points / m.max : 0, `${option}: ${metricPoints(o.points)} of ${m.max}`),
            h('span', { class: 'option-value', title: `${option}: ${signed(o.value)} ${unit[1]}, ${number(o.threshold)} for full points` }, `${number(o.value)} of ${number(o.threshold)}`),
            option === m.bestOption ? h('span', { class: 'tag' }, 'counts') : null,
          ),
        ),
      )
    : null;
  return h(
    'article',
    { class: `metric ${known && m.points === 0 ? 'zero' : ''}`, 'data-metric': id, part: 'metric' },
    h('h5', {}, label),
    h(
      'p',
      { class: 'points' },
      h('span', { 'data-field': 'points', title: known ? `Exact ${m.points}` : 'Unknown' }, metricPoints(m.points)),
      h('span', { class: 'of' }, ` / ${m.max}`),
    ),
    bar(known ? m.points / m.max : 0, `${label}: ${metricPoints(m.points)} of ${m.max} points`),
    m.options ? null : h('p', { class: 'value' }, known ? `${number(m.value)} ${unit[Math.abs(m.value) === 1 ? 0 : 1]}, ${number(m.threshold)} for full points` : 'Unknown: baseline month missing'),
    options,
  );
}
