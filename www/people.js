// Modern Work's people: each certified person, whether they count for the
// intermediate or advanced metric, and every certification with why it counts
// or not and where else it counts. The table across every area is
// people-across-areas.js.

import { countsElsewhere } from './area-view.js';
import { h } from './dom.js';
import { MODERN_WORK } from './modern-work.js';
import { CERTIFICATION_STATUS } from './rules.js';
import { AREA_TEXT } from './strings.js';

/** The card. */
export function people(report) {
  if (!report.people.length)
    return h(
      'section',
      { class: 'card people', 'aria-labelledby': 'people-title' },
      h('h2', { id: 'people-title' }, 'People'),
      h('p', {}, 'No skilling list yet, so the skilling metrics count nobody. Add a list of your people and their certifications (one row per person and certification) to score them.'),
    );
  return h(
    'section',
    { class: 'card people', 'aria-labelledby': 'people-title' },
    h('h2', { id: 'people-title' }, 'People'),
    // A narrow screen scrolls the table, not the page.
    h(
      'div',
      { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': 'Certified people and what counts' },
      h(
        'table',
        { 'data-table': 'people' },
        h('caption', { class: 'visually-hidden' }, 'Certified people and what counts'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Person'), h('th', { scope: 'col' }, 'Intermediate'), h('th', { scope: 'col' }, 'Advanced'), h('th', { scope: 'col' }, 'Certifications'))),
        h(
          'tbody',
          {},
          report.people.map((p) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, p.name ?? p.email ?? p.id, p.email && p.name ? h('span', { class: 'muted' }, p.email) : null),
              h('td', {}, p.intermediate ? 'counts' : '–'),
              h('td', {}, p.advanced ? 'counts' : '–'),
              h(
                'td',
                {},
                h(
                  'ul',
                  { class: 'certs' },
                  p.certifications.map((c) => {
                    // The other designations it counts in (report.people[].certifications[].areas).
                    const elsewhere = countsElsewhere(report, c.areas, MODERN_WORK);
                    return h(
                      'li',
                      { class: c.status, 'data-status': c.status },
                      h('span', { class: 'tag' }, CERTIFICATION_STATUS[c.status] ?? c.status.replaceAll('_', ' ')),
                      ' ',
                      c.matched ?? c.name,
                      h('span', { class: 'muted' }, ` ${c.reason}`),
                      elsewhere ? h('span', { class: 'counts-elsewhere', 'data-field': 'counts-elsewhere' }, `${AREA_TEXT.countsIn}: ${elsewhere}`) : null,
                    );
                  }),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
