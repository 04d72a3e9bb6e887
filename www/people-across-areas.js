// "People across designations": one row per person of the skilling list,
// one column per designation, each cell listing the person's certifications
// that area's lists name: where it counts (metric and step) or why not
// (certificationsIn says which matter to which area). Asked for a page at a
// time (rows(), www/rows.js).

import { datesInWords, dayName, h, number, table } from './dom.js';
import { CERTIFICATION_STATUS } from './rules.js';
import { AREA_TEXT, PEOPLE_TEXT as T, metricName } from './strings.js';

/**
 * A person's certifications that matter to `area` (a people row's
 * certifications[i].areas, Modern Work like every other area):
 * [{name, status, reason, countsIn}]; a counted one's reason is its retirement, if any. A certification the area does not list
 * is not shown for it.
 */
export function certificationsIn(person, area) {
  const out = [];
  for (const c of person.certifications ?? []) {
    const name = String(c.matched ?? c.name ?? '').replace(/^Microsoft Certified:\s*/i, '');
    for (const a of c.areas ?? []) {
      if (a.area !== area || a.status === 'not_on_list') continue;
      // Counted: the core's reason names its lists by id; the metric and step (countsIn) and any retirement say it for a person.
      const reason = a.status === 'counted' ? (c.eligibleThrough ? T.retiring(dayName(c.eligibleThrough)) : null) : datesInWords(a.reason);
      const entry = { name, status: a.status, reason, countsIn: a.countsIn ?? [] };
      if (!out.some((e) => e.name === entry.name && e.status === entry.status && e.countsIn.join() === entry.countsIn.join())) out.push(entry);
    }
  }
  return out;
}

/** "intermediate certifications, step 1" from "intermediateCertifications.step1". */
export function countsInText(path) {
  const [metricId, step] = path.split('.');
  const n = /^step(\d+)$/.exec(step ?? '')?.[1];
  return [metricName(metricId).toLowerCase(), n ? AREA_TEXT.step(n).toLowerCase() : step].filter(Boolean).join(', ');
}

/** The view; `rows` answers the people list (www/rows.js); report.lists.people says how many there are. */
export function peopleAcrossAreas(report, { rows }) {
  const areas = (report.overview ?? []).map((row) => [row.area, row.label]);
  const total = report.lists?.people ?? 0;
  const cell = (entries) =>
    entries?.length
      ? h(
          'ul',
          { class: 'where' },
          entries.map((e) =>
            h(
              'li',
              { class: e.status, 'data-status': e.status },
              h('span', { class: 'cert-name' }, e.name),
              ' ',
              e.status === 'counted'
                ? h('span', { class: 'tag met', 'data-field': 'counts-in' }, e.countsIn.length ? e.countsIn.map(countsInText).join('; ') : T.counts)
                : h('span', { class: 'tag not-met', 'data-field': 'why-not', title: e.reason }, CERTIFICATION_STATUS[e.status] ?? e.status.replaceAll('_', ' ')),
            ),
          ),
        )
      : h('span', { class: 'muted' }, T.none);
  return h(
    'section',
    { class: 'card people-all', 'data-view': 'people', 'aria-labelledby': 'people-all-title' },
    h('h2', { id: 'people-all-title', tabindex: '-1' }, T.title),
    total
      ? [
          h('p', { class: 'intro' }, T.intro),
          table({
            name: 'people-areas',
            caption: T.caption(number(total)),
            head: [[{ text: T.person, sort: 'name' }, ...areas.map(([, label]) => label)]],
            page: (offset, limit, chosen) => rows({ list: 'people', ...chosen, offset, limit }),
            search: T.searchPeople,
            limit: 25,
            pages: T.pages,
            row: (p) =>
              h(
                'tr',
                { 'data-person': p.id },
                h('th', { scope: 'row' }, p.name ?? p.email ?? p.id, p.email && p.name ? h('span', { class: 'muted person-email' }, p.email) : null),
                areas.map(([id]) => h('td', { 'data-area': id }, cell(certificationsIn(p, id)))),
              ),
          }),
        ]
      : h('p', {}, T.empty),
  );
}
