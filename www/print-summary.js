// The one-page print of the overview for a partner's leadership: each
// designation's score, status, deciding track and its top three next steps,
// dated. Drawn with the overview but shown only on paper (calculator.css,
// @media print), where it takes the place of the cards and the long list of
// next steps, so that the six areas fit one A4 or Letter page.

import { h, monthName, scoreText } from './dom.js';
import { PRINT_TEXT as P, STATUS } from './strings.js';

/** How many next steps each designation prints. */
const STEPS = 3;

/** "SMB: you need …" as "You need …": the track is in its own column. */
const step = (message) => String(message).replace(/^[^:]{1,40}: /, '').replace(/^./, (c) => c.toUpperCase());

/** An area's top next steps on its deciding track: the biggest gain first (ties: the report's order). */
export function topSteps(area, row) {
  const steps = (area?.recommendations ?? [])
    .filter((r) => r.best !== false && r.track === area.track)
    .map((r, i) => [r, i])
    .sort(([a, i], [b, j]) => b.gain - a.gain || i - j)
    .slice(0, STEPS)
    .map(([r]) => step(r.message));
  // Nothing to earn on the track, or a metric unknown: the overview's own next step.
  return steps.length ? steps : row?.next ? [step(row.next)] : [];
}

/** The print-only summary of `report`; `today` (a Date) dates it. */
export function printSummary(report, today = new Date()) {
  const rows = report.overview ?? [];
  const months = rows.map((r) => r.asOf).filter(Boolean).sort();
  const printed = today.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  const C = P.columns;
  return h(
    'section',
    { class: 'print-only print-summary', 'data-section': 'print' },
    h('p', { class: 'print-dated', 'data-field': 'dated' }, P.dated(months.length ? monthName(months.at(-1)) : '—', printed)),
    h(
      'table',
      {},
      h('caption', {}, P.title),
      h('thead', {}, h('tr', {}, [C.area, C.score, C.status, C.track, C.next].map((t) => h('th', { scope: 'col' }, t)))),
      h(
        'tbody',
        {},
        rows.map((row) => {
          const area = report.areas?.[row.area];
          const steps = row.status === 'qualified' && !topSteps(area, row).length ? [P.nothingToDo] : topSteps(area, row);
          return h(
            'tr',
            { 'data-area': row.area },
            h('th', { scope: 'row' }, row.label),
            h('td', { class: 'num', 'data-field': 'total' }, scoreText(row.score, row.atLeast)),
            h('td', { 'data-field': 'status' }, STATUS[row.status] ?? row.status),
            // The track's own name ("SMB"): the card's longer label says why it decides.
            h('td', { 'data-field': 'track' }, row.status === 'not_scored' ? '—' : (area?.tracks?.[row.track]?.label ?? row.trackLabel ?? row.track ?? '—')),
            h('td', { 'data-field': 'next' }, steps.length ? h('ol', {}, steps.map((s) => h('li', {}, s))) : '—'),
          );
        }),
      ),
    ),
  );
}
