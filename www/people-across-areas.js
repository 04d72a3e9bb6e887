// "People across designations": one row per person of the skilling list,
// one column per designation, each cell listing the person's certifications
// that area's lists name: where it counts (metric and step) or why not
// (rows.js certificationsIn says which matter to which area).

import { h, number, table } from './dom.js';
import { CERTIFICATION_STATUS } from './rules.js';
import { certificationsIn, rows } from './rows.js';
import { AREA_TEXT, PEOPLE_TEXT as T, metricName } from './strings.js';

/** "intermediate certifications, step 1" from "intermediateCertifications.step1". */
export function countsInText(path) {
  const [metricId, step] = path.split('.');
  const n = /^step(\d+)$/.exec(step ?? '')?.[1];
  return [metricName(metricId).toLowerCase(), n ? AREA_TEXT.step(n).toLowerCase() : step].filter(Boolean).join(', ');
}

/** The view; `rulesets` holds every area's ruleset by id. */
export function peopleAcrossAreas(report, { rulesets = {} } = {}) {
  const areas = (report.overview ?? []).map((row) => [row.area, row.label]);
  const { total } = rows(report, { list: 'people', limit: 0 });
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
            head: [[T.person, ...areas.map(([, label]) => label)]],
            page: (offset, limit) => rows(report, { list: 'people', offset, limit }),
            limit: 25,
            pages: T.pages,
            row: (p) =>
              h(
                'tr',
                { 'data-person': p.id },
                h('th', { scope: 'row' }, p.name ?? p.email ?? p.id, p.email && p.name ? h('span', { class: 'muted person-email' }, p.email) : null),
                areas.map(([id]) => h('td', { 'data-area': id }, cell(certificationsIn(report, p, id, rulesets[id])))),
              ),
          }),
        ]
      : h('p', {}, T.empty),
  );
}
