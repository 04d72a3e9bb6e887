// An area's people: each person with a certification the area's lists name,
// whether it counts (the metric and step it feeds) or why not. A
// certification the area does not list is not shown here (People across
// designations has every one); asked for a page at a time (rows(), www/rows.js).

import { failed, h, number, table } from './dom.js';
import { CERTIFICATION_STATUS } from './rules.js';
import { certificationsIn, countsInText } from './people-across-areas.js';
import { PEOPLE_TEXT as T } from './strings.js';

/** People shown a page. */
const LIMIT = 25;

/**
 * The section; its content (the table, or a line saying nobody holds a
 * certification the area counts) once rows() answers: two questions, the
 * first page (with how many there are) and how many count.
 */
export function areaPeople(report, id, { rows } = {}) {
  const area = report.areas?.[id];
  if (!area) return null;
  const titleId = `area-${id}-people`;
  const section = h('section', { class: 'area-people', 'data-section': 'area-people', 'aria-labelledby': titleId, 'aria-busy': 'true' }, h('h3', { id: titleId }, T.areaTitle(area.label)));
  Promise.all([rows({ list: 'people', area: id, offset: 0, limit: LIMIT }), rows({ list: 'people', area: id, only: 'contributing', limit: 0 })])
    .then(([first, { total: countedTotal }]) => {
      // The table's first page is the answer already here; later pages, searches and sorts ask again.
      let prefetched = first;
      const page = (offset, limit, chosen) => {
        const answer = prefetched && offset === 0 && !chosen.search && !chosen.sort ? prefetched : null;
        prefetched = null;
        return answer ?? rows({ list: 'people', area: id, ...chosen, offset, limit });
      };
      section.append(...[content(report, id, area, page, first.total, countedTotal)].flat());
      section.removeAttribute('aria-busy');
    })
    .catch((e) => failed(section, e));
  return section;
}

function content(report, id, area, page, total, countedTotal) {
  return total
      ? [
          h('p', { class: 'meta', 'data-field': 'people-count' }, T.areaIntro(number(countedTotal), number(total), area.label)),
          table({
            name: 'area-people',
            caption: T.areaCaption(area.label, number(total)),
            head: [[{ text: T.person, sort: 'name' }, T.certifications]],
            page,
            search: T.searchPeople,
            limit: LIMIT,
            pages: T.pages,
            row: (p) =>
              h(
                'tr',
                { 'data-person': p.id },
                h('th', { scope: 'row' }, p.name ?? p.email ?? p.id, p.email && p.name ? h('span', { class: 'muted person-email' }, p.email) : null),
                h(
                  'td',
                  {},
                  h(
                    'ul',
                    { class: 'where' },
                    certificationsIn(p, id).map((c) =>
                      h(
                        'li',
                        { class: c.status, 'data-status': c.status },
                        h('span', { class: 'cert-name' }, c.name),
                        ' ',
                        c.status === 'counted'
                          ? h('span', { class: 'tag met', 'data-field': 'counts-in' }, c.countsIn.length ? c.countsIn.map(countsInText).join('; ') : T.counts)
                          : h('span', { class: 'tag not-met', 'data-field': 'why-not' }, CERTIFICATION_STATUS[c.status] ?? c.status.replaceAll('_', ' ')),
                        c.reason ? h('span', { class: 'muted reason' }, ` ${c.reason}`) : null,
                      ),
                    ),
                  ),
                ),
              ),
          }),
        ]
      : h('p', { 'data-field': 'people-none' }, report.lists?.people ? T.areaNone(area.label) : T.empty);
}
