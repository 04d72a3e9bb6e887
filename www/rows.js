// Every list the page shows a page at a time, read from the report in one
// place: `rows(report, query)` answers {total, rows}. Today (report schema 2)
// the lists are in the report itself; when the core answers lists on demand,
// this is the one file that changes (the views only ever ask for a page).
//
// query: {
//   list     'tenants' (the report's own usage tenants: its ruleset's area),
//            'people', 'area-tenants', 'services', 'revenue', 'consumption',
//            'set-aside', 'recommendations'
//   area     the area whose list it is (area-tenants … set-aside, people, recommendations)
//   ruleset  with list 'people' and an area: the area's ruleset (where a certification counts)
//   search   text a row's id or name contains (case-insensitive)
//   filter   a predicate on a row (the view's own choice)
//   sort     a key function on a row; descending: largest first
//   offset, limit   the page (default: everything)
// }

import { recommendationsAcrossAreas } from './format.js';

/** The report's list a query names, unfiltered. */
function source(report, query) {
  const { list, area } = query;
  const detail = report.areas?.[area]?.detail ?? {};
  switch (list) {
    case 'tenants':
      return report.tenants ?? [];
    case 'people':
      return area ? (report.people ?? []).filter((p) => certificationsIn(report, p, area, query.ruleset).length) : (report.people ?? []);
    case 'area-tenants':
      return detail.tenants ?? [];
    case 'services':
      return detail.services ?? [];
    case 'revenue':
      return detail.revenue ?? [];
    case 'consumption':
      return detail.consumption ?? [];
    case 'set-aside':
      return Array.isArray(detail.setAside) ? detail.setAside : [];
    case 'recommendations':
      // Every area's best steps, the biggest gain first (format.js, shared with the CLI).
      return recommendationsAcrossAreas(report).filter((r) => !area || r.area === area);
    default:
      throw new Error(`rows: no list named ${list}`);
  }
}

/** Text a search matches: the row's ids and names. */
const searchable = (row) =>
  [row.id, row.name, row.email, row.tenant, row.tenantName, row.workload].filter((v) => typeof v === 'string').join(' ').toLowerCase();

/** One page of a list: {total (after filtering), rows}. */
export function rows(report, query) {
  let list = source(report, query);
  const search = (query.search ?? '').trim().toLowerCase();
  if (search) list = list.filter((row) => searchable(row).includes(search));
  if (query.filter) list = list.filter(query.filter);
  if (query.sort) {
    const keyed = list.map((row, i) => [query.sort(row), i, row]);
    keyed.sort(([a, i], [b, j]) => (a < b ? -1 : a > b ? 1 : i - j));
    if (query.descending) keyed.reverse();
    list = keyed.map(([, , row]) => row);
  }
  const offset = Math.max(0, query.offset ?? 0);
  const limit = query.limit ?? list.length;
  return { total: list.length, rows: list.slice(offset, offset + limit) };
}

/**
 * A person's certifications that matter to `area`: [{name, status, reason, countsIn}].
 * The report's own ruleset (Modern Work in schema 2) judges each certification
 * itself (certification.status); every other area in certification.areas.
 * A certification not on an area's list is not shown for that area; `ruleset`
 * (the area's) says which metrics a certification the report's own ruleset counts feeds.
 */
export function certificationsIn(report, person, area, ruleset) {
  const own = report.ruleset?.id;
  const out = [];
  const add = (entry) => {
    if (!out.some((e) => e.name === entry.name && e.status === entry.status && e.countsIn.join() === entry.countsIn.join())) out.push(entry);
  };
  for (const c of person.certifications ?? []) {
    const name = String(c.matched ?? c.name ?? '').replace(/^Microsoft Certified:\s*/i, '');
    if (area === own) {
      if (c.status !== 'not_on_list') add({ name, status: c.status, reason: c.reason, countsIn: c.status === 'counted' ? usesLists(ruleset, c.lists ?? []) : [] });
    } else {
      for (const a of c.areas ?? []) if (a.area === area && a.status !== 'not_on_list') add({ name, status: a.status, reason: a.reason, countsIn: a.countsIn ?? [] });
    }
  }
  return out;
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
