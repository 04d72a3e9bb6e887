// An area's people: each person with a certification the area's lists name,
// whether it counts (the metric and step it feeds) or why not. A
// certification the area does not list is not shown here (People across
// designations has every one); read a page at a time through rows.js.

import { h, number, table } from './dom.js';
import { CERTIFICATION_STATUS } from './rules.js';
import { countsInText } from './people-across-areas.js';
import { certificationsIn, rows } from './rows.js';
import { PEOPLE_TEXT as T } from './strings.js';

/** The section, or a line saying nobody holds a certification the area counts. */
export function areaPeople(report, id, { ruleset } = {}) {
  const area = report.areas?.[id];
  if (!area) return null;
  const titleId = `area-${id}-people`;
  const { total } = rows(report, { list: 'people', area: id, ruleset, limit: 0 });
  const counted = (p) => certificationsIn(report, p, id, ruleset).some((c) => c.status === 'counted');
  const countedTotal = rows(report, { list: 'people', area: id, ruleset, filter: counted, limit: 0 }).total;
  return h(
    'section',
    { class: 'area-people', 'data-section': 'area-people', 'aria-labelledby': titleId },
    h('h3', { id: titleId }, T.areaTitle(area.label)),
    total
      ? [
          h('p', { class: 'meta', 'data-field': 'people-count' }, T.areaIntro(number(countedTotal), number(total), area.label)),
          table({
            name: 'area-people',
            caption: T.areaCaption(area.label, number(total)),
            head: [[T.person, T.certifications]],
            page: (offset, limit) => rows(report, { list: 'people', area: id, ruleset, offset, limit }),
            limit: 25,
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
                    certificationsIn(report, p, id, ruleset).map((c) =>
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
      : h('p', { 'data-field': 'people-none' }, report.people?.length ? T.areaNone(area.label) : T.empty),
  );
}
