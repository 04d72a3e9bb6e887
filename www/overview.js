// The dashboard: the six designations as cards, grouped the way Partner
// Center groups their badges (report.badges), each with its score and
// status, the track that decides it, the single best next step and, when the
// report has one, its incentive line; then the Microsoft Cloud badge and the
// step worth the most points. Everything shown is read from the report.

import { h, scoreText } from './dom.js';
import { AREA_TEXT as T, CLOUD_STATUS, INCENTIVE_TEXT, OVERVIEW_TEXT as O, STATUS } from './strings.js';

/** The step without its track's prefix ("SMB: "), capitalised: "You need 2 more people…". */
function step(message, area) {
  const text = String(message ?? '');
  const label = Object.values(area?.tracks ?? {}).map((t) => `${t.label}: `).find((prefix) => text.startsWith(prefix));
  const rest = label ? text.slice(label.length) : text;
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** The area's 25-point incentive line, in the CLI's words ("25-point incentive line: met"); null where the area has none. */
function incentive(row, area) {
  const line = row.incentiveLine ?? area?.incentiveLine;
  if (!line) return null;
  return `${INCENTIVE_TEXT.title(line)}: ${INCENTIVE_TEXT.state(line, row.score)}`;
}

/** One designation's card; `link(route, attributes, ...children)` opens its view. */
function card(report, row, { link, current }) {
  const area = report.areas?.[row.area] ?? {};
  const scored = row.status !== 'not_scored';
  const line = incentive(row, area);
  const titleId = `card-${row.area}`;
  return h(
    'li',
    { class: `area-card ${row.status}`, 'data-area': row.area, 'aria-labelledby': titleId },
    h(
      'h4',
      { id: titleId },
      link({ view: 'area', area: row.area }, { 'data-field': 'open-area', class: 'card-link', 'aria-current': current === row.area ? 'true' : undefined }, row.label),
    ),
    h(
      'p',
      { class: 'card-score' },
      h('span', { class: 'score', 'data-field': 'total', 'data-exact': row.score ?? undefined }, scoreText(row.score, row.atLeast)),
      scored ? h('span', { class: 'of' }, ' / 100') : null,
      ' ',
      h('span', { class: `badge ${row.status}`, 'data-field': 'status', part: 'badge' }, STATUS[row.status] ?? row.status),
    ),
    h('p', { class: 'card-track', 'data-field': 'track' }, scored ? O.decidedBy(row.trackLabel ?? T.notScored) : O.notScored),
    row.next ? h('p', { class: 'card-next', 'data-field': 'next' }, h('span', { class: 'label' }, `${O.next} `), step(row.next, area)) : null,
    line ? h('p', { class: 'card-incentive', 'data-field': 'incentive' }, line) : null,
  );
}

/**
 * The overview. `link(route, attributes, ...children)` makes the element that
 * opens a route (a link on the standalone page, a button when embedded);
 * `current` is the area last opened (its card says so).
 */
export function overview(report, { link, current }) {
  const rows = report.overview ?? [];
  const badges = report.badges ?? [];
  const known = new Set(badges.map((b) => b.id));
  const groups = badges.map((b) => ({ ...b, rows: rows.filter((r) => r.badge === b.id) })).filter((g) => g.rows.length);
  const others = rows.filter((r) => !known.has(r.badge));
  if (others.length) groups.push({ id: 'other', label: O.otherGroup, rows: others, attained: null });
  const cloud = report.microsoftCloud;
  const best = report.bestAction;
  const bestArea = best ? report.areas?.[best.area] : null;
  return h(
    'section',
    { class: 'card overview', part: 'overview', 'data-view': 'overview', 'aria-labelledby': 'overview-title' },
    h('h2', { id: 'overview-title', tabindex: '-1' }, T.overviewTitle),
    h(
      'div',
      { class: 'overview-lines' },
      cloud
        ? h(
            'p',
            { class: 'cloud', 'data-field': 'microsoft-cloud', 'data-status': cloud.status },
            h('strong', {}, `${T.cloud}: `),
            h('span', { class: `badge ${cloud.status}`, part: 'badge', 'data-field': 'cloud-status' }, CLOUD_STATUS[cloud.status] ?? cloud.status),
            ' ',
            h('span', { 'data-field': 'cloud-message' }, cloud.message),
          )
        : null,
      best
        ? h(
            'p',
            { class: 'best-action', 'data-field': 'best-action', 'data-area': best.area },
            h('strong', {}, `${T.bestAction} `),
            bestArea ? link({ view: 'area', area: best.area }, { class: 'link' }, T.in(bestArea.label)) : null,
            ': ',
            h('span', { 'data-field': 'best-message' }, step(best.message, bestArea)),
          )
        : null,
    ),
    h(
      'div',
      { class: 'badge-groups' },
      groups.map((g) =>
        h(
          'section',
          { class: 'badge-group', 'data-badge': g.id, 'aria-labelledby': `badge-${g.id}` },
          h(
            'h3',
            { id: `badge-${g.id}` },
            g.label,
            g.attained === null || g.attained === undefined
              ? null
              : [' ', h('span', { class: `badge ${g.attained ? 'qualified' : 'not_started'}`, 'data-field': 'badge-status' }, g.attained ? O.attained : O.notAttained)],
          ),
          h('ul', { class: 'area-cards' }, g.rows.map((row) => card(report, row, { link, current }))),
        ),
      ),
    ),
  );
}
