// The Solutions Partner overview: one row per designation in Partner
// Center's order (report.overview), the Microsoft Cloud badge and the single
// step worth the most points. Everything shown is read from the report.

import { badge, h, scoreText } from './dom.js';
import { AREA_TEXT as T, CLOUD_STATUS, SOURCE } from './strings.js';

/**
 * The overview card. `selected` is the area whose view is shown; `onSelect(id)`
 * opens another. `controls` is the id of the element the rows open.
 */
export function overview(report, { selected, onSelect, controls }) {
  const areas = report.areas ?? {};
  const rows = report.overview ?? [];
  const c = T.columns;
  const otherTrack = (row) => {
    if (!row.otherTrack || row.otherTotal === null || row.otherTotal === undefined) return T.notScored;
    const track = areas[row.area]?.tracks?.[row.otherTrack];
    const label = track?.label ?? row.otherTrack;
    return `${label}: ${scoreText(row.otherTotal, track?.status === 'incomplete')}`;
  };
  const body = rows.map((row) => {
    const open = h(
      'button',
      {
        type: 'button',
        class: 'area-link',
        'data-field': 'open-area',
        'aria-controls': controls,
        'aria-current': row.area === selected ? 'true' : undefined,
        onclick: (e) => (e.stopPropagation(), onSelect(row.area)),
      },
      row.label,
    );
    return h(
      'tr',
      { 'data-area': row.area, class: row.area === selected ? 'selected' : '', onclick: () => onSelect(row.area) },
      h(
        'th',
        { scope: 'row' },
        open,
        row.area === selected ? h('span', { class: 'visually-hidden' }, ` (${T.shown})`) : null,
        row.next ? h('span', { class: 'next-text', 'data-field': 'next' }, row.next) : null,
      ),
      h('td', { 'data-label': c.score, 'data-field': 'score', title: row.score === null ? undefined : `Exact ${row.score}` }, scoreText(row.score, row.atLeast)),
      h('td', { 'data-label': c.status }, badge(row.status, 'area-status')),
      h('td', { 'data-label': c.track, 'data-field': 'track' }, row.trackLabel ?? T.notScored),
      h('td', { 'data-label': c.other, 'data-field': 'other-track' }, otherTrack(row)),
      h('td', { 'data-label': c.asOf, 'data-field': 'as-of' }, row.asOf ?? T.notScored),
      h('td', { 'data-label': c.source, 'data-field': 'source' }, SOURCE[row.source] ?? row.source),
    );
  });
  const cloud = report.microsoftCloud;
  const best = report.bestAction;
  const bestArea = best ? areas[best.area] : null;
  return h(
    'section',
    { class: 'card overview', part: 'overview', 'aria-labelledby': 'overview-title' },
    h('h2', { id: 'overview-title' }, T.overviewTitle),
    h('p', { class: 'intro' }, T.overviewIntro),
    h(
      'table',
      { 'data-table': 'overview' },
      h('caption', { class: 'visually-hidden' }, T.overviewCaption),
      h('thead', {}, h('tr', {}, [c.area, c.score, c.status, c.track, c.other, c.asOf, c.source].map((label) => h('th', { scope: 'col' }, label)))),
      h('tbody', {}, body),
    ),
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
          bestArea
            ? h('button', { type: 'button', class: 'link', 'aria-controls': controls, onclick: () => onSelect(best.area) }, T.in(bestArea.label))
            : null,
          ': ',
          h('span', { 'data-field': 'best-message' }, best.message),
        )
      : null,
  );
}
