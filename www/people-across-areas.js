// "People across designations": one row per person of the skilling list,
// one column per designation, each cell listing the person's certifications
// that area's lists name: where it counts (metric and step) or why not. The
// other areas' verdicts come from report.people[].certifications[].areas;
// Modern Work's is the certification's own status, placed in the metrics of
// Modern Work's ruleset that read its lists.

import { h, table } from './dom.js';
import { CERTIFICATION_STATUS } from './rules.js';
import { AREA_TEXT, PEOPLE_TEXT as T, metricName } from './strings.js';

/** "intermediate certifications, step 1" from "intermediateCertifications.step1". */
export function countsInText(path) {
  const [metricId, step] = path.split('.');
  const n = /^step(\d+)$/.exec(step ?? '')?.[1];
  return [metricName(metricId).toLowerCase(), n ? AREA_TEXT.step(n).toLowerCase() : step].filter(Boolean).join(', ');
}

/** The metrics (and steps) of a ruleset that count people from `lists`, as "metric" or "metric.stepN". */
export function usesLists(ruleset, lists) {
  const out = [];
  for (const track of ruleset?.tracks ?? []) {
    for (const [id, metric] of Object.entries(track.metrics ?? {})) {
      if (metric.list && lists.includes(metric.list) && !out.includes(id)) out.push(id);
      (metric.steps ?? []).forEach((s, i) => {
        const path = `${id}.step${i + 1}`;
        if (lists.includes(s.list) && !out.includes(path)) out.push(path);
      });
    }
  }
  return out;
}

/** Without the vendor prefix every certification's name starts with. */
const shortName = (name) => String(name ?? '').replace(/^Microsoft Certified:\s*/i, '');

/**
 * Every person's certifications per area: { [areaId]: [{ name, status, reason, countsIn }] }.
 * `modernWork` is Modern Work's area id, `ruleset` its ruleset (for where a counted certification counts).
 */
export function peopleByArea(person, { modernWork, ruleset }) {
  const byArea = {};
  // A certification listed twice (two rows of the file) shows once per verdict.
  const add = (area, entry) => {
    const list = (byArea[area] ??= []);
    if (!list.some((e) => e.name === entry.name && e.status === entry.status && e.countsIn.join() === entry.countsIn.join())) list.push(entry);
  };
  for (const c of person.certifications ?? []) {
    const name = shortName(c.matched ?? c.name);
    if (c.status !== 'not_on_list') add(modernWork, { name, status: c.status, reason: c.reason, countsIn: c.status === 'counted' ? usesLists(ruleset, c.lists ?? []) : [] });
    for (const a of c.areas ?? []) add(a.area, { name, status: a.status, reason: a.reason, countsIn: a.countsIn ?? [] });
  }
  return byArea;
}

/** The card; `modernWork` is Modern Work's area id and `ruleset` its ruleset. */
export function peopleAcrossAreas(report, { modernWork, ruleset }) {
  const areas = (report.overview ?? []).map((row) => [row.area, row.label]);
  const people = report.people ?? [];
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
    { class: 'card people-all', 'aria-labelledby': 'people-all-title' },
    h('h2', { id: 'people-all-title' }, T.title),
    people.length
      ? [
          h('p', { class: 'intro' }, T.intro),
          table({
            name: 'people-areas',
            caption: T.caption(people.length),
            head: [[T.person, ...areas.map(([, label]) => label)]],
            items: people,
            limit: 25,
            more: (n) => T.showAll(n),
            fewer: (n) => T.showFirst(n),
            row: (p) => {
              const byArea = peopleByArea(p, { modernWork, ruleset });
              return h(
                'tr',
                { 'data-person': p.id },
                h('th', { scope: 'row' }, p.name ?? p.email ?? p.id, p.email && p.name ? h('span', { class: 'muted person-email' }, p.email) : null),
                areas.map(([id]) => h('td', { 'data-area': id }, cell(byArea[id]))),
              );
            },
          }),
        ]
      : h('p', {}, T.empty),
  );
}
