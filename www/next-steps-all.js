// "Next steps across designations": the recommendations of every area in
// one list, the biggest gain in points first, each naming its area (a link
// that opens it) and its track. A classified area lists only the track that
// decides it; the others list both, as either may decide.

import { h, metricPoints, number, recommendationsAcrossAreas, table } from './dom.js';
import { NEXT_TEXT as T } from './strings.js';

/** The card, or null when no area has a step to take; `link(route, attributes, ...children)` opens an area. */
export function nextStepsAll(report, { link }) {
  const areas = report.areas ?? {};
  const decides = (r) => {
    const area = areas[r.area];
    return !area || area.trackChoice === 'best' || !area.trackChoice || !area.track || r.track === area.track;
  };
  // The summary's own recommendations (not a list asked for), paged here.
  const steps = recommendationsAcrossAreas(report).filter(decides);
  const total = steps.length;
  if (!total) return null;
  const trackLabel = (r) => areas[r.area]?.tracks?.[r.track]?.label ?? r.track;
  return h(
    'section',
    { class: 'card next-all', 'aria-labelledby': 'next-all-title' },
    h('h2', { id: 'next-all-title' }, T.title),
    h('p', { class: 'intro' }, T.intro),
    table({
      name: 'next-steps',
      caption: T.caption(number(total)),
      head: [[T.step, T.area, T.gain]],
      page: (offset, limit) => ({ total, rows: steps.slice(offset, offset + limit) }),
      limit: 5,
      pages: T.pages,
      row: (r) =>
        h(
          'tr',
          { 'data-area': r.area, 'data-track': r.track, 'data-gain': r.gain },
          h('th', { scope: 'row', 'data-field': 'message' }, r.message.replace(/^[^:]+: /, '').replace(/^./, (c) => c.toUpperCase()), r.top ? [' ', h('span', { class: 'tag' }, T.mostPerStep)] : null),
          h('td', { 'data-field': 'area' }, link({ view: 'area', area: r.area }, { class: 'link' }, areas[r.area]?.label ?? r.area), h('span', { class: 'muted' }, ` · ${trackLabel(r)}`)),
          h('td', { class: 'num gain', 'data-field': 'gain' }, T.points(metricPoints(r.gain))),
        ),
    }),
  );
}
