// Two charts, drawn as inline SVG: an area's score month by month (the line
// of the months with a verdict, the 70-point line, the qualification window
// shaded) and the points of each metric of a track against its maximum.
// Each is a handful of shapes, so no charting library: nothing to fetch or
// keep, no inline style (the CSP's style-src 'self' holds: colours come from
// calculator.css through classes), and the theme's colours apply as they do
// to the rest of the component. Every chart has a text alternative.

import { h, metricPoints, monthName, svg, totalPoints } from './dom.js';
import { CHART_TEXT as T, STATUS, metricName } from './strings.js';

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 46, right: 40, top: 16, bottom: 34 };
let nextId = 1;

/** "2025-06-01" → "2025-06". */
const monthOf = (date) => (typeof date === 'string' ? date.slice(0, 7) : null);

/**
 * An area's score by month. `months`: [{ month, available, total, status }],
 * oldest first (report.areas[id].history);
 * `window`: report.areas[id].window ({ start, end } dates) or null; `qualifyAt`: the
 * points that qualify; `label`: the area's name.
 */
export function scoreChart({ months, window, qualifyAt = 70, label }) {
  if (!months?.length) return null;
  const id = `chart-${nextId++}`;
  const list = months.map((m) => m.month);
  const points = months.filter((m) => m.available && m.total !== null && m.total !== undefined);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const step = list.length > 1 ? plotW / (list.length - 1) : 0;
  const x = (i) => PAD.left + (list.length > 1 ? i * step : plotW / 2);
  const y = (v) => PAD.top + plotH * (1 - Math.max(0, Math.min(100, v)) / 100);
  const shapes = [];
  // The qualification window, where it overlaps the months shown.
  const from = monthOf(window?.start);
  const to = monthOf(window?.end);
  let windowNote = null;
  let windowShown = false;
  if (from && to) {
    const first = list.findIndex((m) => m >= from);
    const last = list.findLastIndex((m) => m <= to);
    if (first !== -1 && last !== -1 && first <= last) {
      const half = list.length > 1 ? step / 2 : plotW / 2;
      const x0 = Math.max(PAD.left, x(first) - half);
      const x1 = Math.min(WIDTH - PAD.right, x(last) + half);
      shapes.push(svg('rect', { class: 'chart-window', x: x0, y: PAD.top, width: Math.max(1, x1 - x0), height: plotH, 'data-field': 'window' }));
      windowShown = true;
    } else windowNote = T.windowOutside(monthName(from), monthName(to));
  }
  // Grid: 0, 50, 100, and the line that qualifies.
  for (const v of [0, 50, 100]) {
    shapes.push(svg('line', { class: 'chart-grid', x1: PAD.left, x2: WIDTH - PAD.right, y1: y(v), y2: y(v) }));
    shapes.push(svg('text', { class: 'chart-axis', x: PAD.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, String(v)));
  }
  shapes.push(svg('line', { class: 'chart-qualify', x1: PAD.left, x2: WIDTH - PAD.right, y1: y(qualifyAt), y2: y(qualifyAt), 'data-field': 'qualify-line' }));
  // Labelled at the left: the latest months, on the right, hold the points that matter most.
  shapes.push(svg('text', { class: 'chart-note qualify', x: PAD.left + 4, y: y(qualifyAt) - 6 }, T.qualify(qualifyAt)));
  // Month labels: at most eight, counted back from the last; on a narrow
  // card (calculator.css) only every other one of them shows.
  const every = Math.max(1, Math.ceil(list.length / 8));
  list.forEach((m, i) => {
    const back = list.length - 1 - i;
    if (back % every !== 0) return;
    const sparse = (back / every) % 2 === 0;
    shapes.push(svg('text', { class: `chart-axis month${sparse ? '' : ' dense'}`, x: x(i), y: HEIGHT - 10, 'text-anchor': 'middle' }, monthName(m, true)));
  });
  // The line joins consecutive months with a verdict; a month without one breaks it.
  let d = '';
  let previous = -2;
  months.forEach((m, i) => {
    if (!(m.available && m.total !== null && m.total !== undefined)) return;
    d += `${i === previous + 1 ? 'L' : 'M'}${x(i).toFixed(1)},${y(m.total).toFixed(1)} `;
    previous = i;
  });
  if (d) shapes.push(svg('path', { class: 'chart-line', d: d.trim() }));
  months.forEach((m, i) => {
    if (!(m.available && m.total !== null && m.total !== undefined)) return;
    const text = T.point(monthName(m.month), totalPoints(m.total), STATUS[m.status] ?? m.status ?? '');
    shapes.push(
      svg(
        'circle',
        { class: `chart-point ${m.status ?? ''}`, cx: x(i), cy: y(m.total), r: 4.5, 'data-month': m.month, 'data-total': m.total },
        svg('title', {}, text),
      ),
    );
  });
  const summary = points.length
    ? T.summary(label, points.length, list.length, points.map((m) => T.point(monthName(m.month), totalPoints(m.total), STATUS[m.status] ?? m.status ?? '')).join('; '), qualifyAt)
    : T.noPoints(label, list.length);
  return h(
    'figure',
    { class: 'chart score-chart', 'data-chart': 'score' },
    svg(
      'svg',
      { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-labelledby': `${id}-title`, preserveAspectRatio: 'xMidYMid meet', part: 'chart' },
      svg('title', { id: `${id}-title` }, summary),
      shapes,
    ),
    h(
      'figcaption',
      {},
      T.scoreCaption(monthName(list[0], true), monthName(list.at(-1), true), points.length),
      windowShown ? [' ', h('span', { class: 'legend-window', 'aria-hidden': 'true' }), T.windowShaded(monthName(from), monthName(to))] : null,
      windowNote ? ` ${windowNote}` : '',
    ),
  );
}

/**
 * The points of each metric of one track against its maximum, as bars
 * (`track`: report.areas[id].tracks[t]).
 */
export function metricChart(track, { label }) {
  const metrics = Object.entries(track?.metrics ?? {});
  if (!metrics.length) return null;
  const id = `chart-${nextId++}`;
  // Each metric on two lines, its name and points above its bar, so that the
  // names fit at any width.
  const row = 46;
  const barW = WIDTH;
  const height = metrics.length * row;
  const shapes = metrics.flatMap(([metricId, m], i) => {
    const y0 = i * row;
    const known = m.points !== null && m.points !== undefined;
    const fill = known ? Math.max(0, Math.min(1, m.points / m.max)) : 0;
    return [
      svg('text', { class: 'chart-label', x: 0, y: y0 + 16 }, metricName(metricId)),
      svg('text', { class: 'chart-value', x: WIDTH, y: y0 + 16, 'text-anchor': 'end' }, known ? `${metricPoints(m.points)} / ${m.max}` : T.unknownOf(m.max)),
      svg('rect', { class: known ? 'chart-bar-bg' : 'chart-bar-bg unknown', x: 0, y: y0 + 24, width: barW, height: 14, rx: 4 }),
      fill > 0 ? svg('rect', { class: `chart-bar${fill >= 1 ? ' full' : ''}`, x: 0, y: y0 + 24, width: Math.max(2, barW * fill), height: 14, rx: 4, 'data-metric': metricId }) : null,
    ];
  });
  const text = metrics.map(([metricId, m]) => T.metricLine(metricName(metricId), m.points === null ? null : metricPoints(m.points), m.max)).join('; ');
  return h(
    'figure',
    { class: 'chart metric-chart', 'data-chart': 'metrics' },
    svg(
      'svg',
      { viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-labelledby': `${id}-title`, part: 'chart' },
      svg('title', { id: `${id}-title` }, `${T.metricsCaption(label)}: ${text}`),
      shapes,
    ),
    h('figcaption', {}, T.metricsCaption(label)),
  );
}
