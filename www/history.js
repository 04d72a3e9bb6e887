// Modern Work's qualification window (from the anniversary date) and its
// score month by month, as a chart (charts.js) and a table.

import { h, metricPoints, totalPoints } from './dom.js';
import { STATUS } from './strings.js';

/**
 * The card. `anniversary` is the date chosen so far and `onAnniversary(date)`
 * rescores with another; `metricLabel` names the metric columns; `chart`
 * (charts.js) draws the months above the table.
 */
export function history(report, { anniversary: chosen, onAnniversary, metricLabel, chart }) {
  const anniversary = h('input', {
    type: 'date',
    value: chosen ?? '',
    onchange: () => onAnniversary(anniversary.value),
  });
  const w = report.window;
  const history = report.history ?? [];
  return h(
    'section',
    { class: 'card history', 'aria-labelledby': 'history-title' },
    h('h2', { id: 'history-title' }, 'Qualification window'),
    h('label', { class: 'inline' }, 'Anniversary date (leave empty if not enrolled): ', anniversary),
    w ? h('p', { 'data-field': 'window' }, w.message) : null,
    chart,
    history.length > 1
      ? h(
          'div',
          // Focusable, so that keyboard users can scroll it too.
          { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': 'Score by month' },
          h(
          'table',
          { 'data-table': 'history' },
          h('caption', {}, 'Score by month'),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Month'), h('th', { scope: 'col' }, 'Best score'), h('th', { scope: 'col' }, 'Status'), Object.values(metricLabel).map((l) => h('th', { scope: 'col' }, l)))),
          h(
            'tbody',
            {},
            // Consecutive months without data collapse into one row.
            history
              .reduce((runs, m) => {
                const last = runs.at(-1);
                if (!m.available && last && !last.available) last.to = m.month;
                else runs.push({ ...m, from: m.month, to: m.month });
                return runs;
              }, [])
              .map((m) =>
                m.available
                  ? h('tr', {}, h('th', { scope: 'row' }, m.month), h('td', {}, totalPoints(m.total)), h('td', {}, STATUS[m.status]), Object.keys(metricLabel).map((id) => h('td', {}, metricPoints(m.metrics[id]))))
                  : h(
                      'tr',
                      { class: 'unavailable' },
                      h('th', { scope: 'row' }, m.from === m.to ? m.from : `${m.from} to ${m.to}`),
                      h('td', { colspan: 7 }, `Data unavailable: ${m.from === m.to ? m.reason : 'no export for these months or for the months a year before them'}`),
                    ),
              ),
          ),
        ),
        )
      : null,
  );
}
