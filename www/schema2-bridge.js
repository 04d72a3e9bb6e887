// TRANSITION (issue 27): the page reads report schema 3 and asks for lists
// with rows(query) (/work/notes/contract-schema3.md, ../shared/spec/report.md).
// Until the core answers both itself, score-worker.js turns the core's
// schema-2 report into schema 3 here and answers rows() from it. When the
// core's scorer.rows exists this file is not used: delete it, and the lines
// marked TRANSITION in score-worker.js, in one commit.

/** The lists each area's schema-2 report keeps, by list name (contract names). */
function areaLists(r2, id) {
  const area = r2.areas?.[id];
  if (!area) return null;
  const d = area.detail ?? {};
  if (id === r2.ruleset?.id) return { tenants: r2.tenants ?? [], tenantActions: r2.tenantActions ?? [] };
  switch (d.model) {
    case 'azure':
      return { tenants: d.tenants ?? [], services: d.services ?? [] };
    case 'security':
      return { tenants: d.tenants ?? [] };
    case 'businessApplications':
      return { revenue: d.revenue ?? [], consumption: d.consumption ?? [], setAside: Array.isArray(d.setAside) ? d.setAside : [] };
    default:
      return {};
  }
}

/** A person's certifications that area `id` lists (whatever their status). */
const listedIn = (person, id) => (person.certifications ?? []).some((c) => (c.areas ?? []).some((a) => a.area === id && a.status !== 'not_on_list'));
const countedIn = (person, id) => (person.certifications ?? []).some((c) => (c.areas ?? []).some((a) => (!id || a.area === id) && a.status === 'counted'));

/** Schema 2's lists inside detail, left out of the summary. */
const DETAIL_LISTS = ['tenants', 'services', 'revenue', 'consumption'];

/**
 * The schema-3 report of a schema-2 report: every area in one shape, no
 * top-level Modern Work fields; `full`: every list inline under its
 * schema-3 name (areas[id].tenants …, people).
 */
export function toSchema3(r2, { version, full = false } = {}) {
  const areas = {};
  for (const [id, area] of Object.entries(r2.areas ?? {})) {
    const own = id === r2.ruleset?.id;
    const lists = areaLists(r2, id);
    const detail = own ? { model: 'usage', asOf: r2.asOf, baseline: r2.baseline, tenantCount: r2.tenantCount ?? 0 } : { ...area.detail };
    for (const name of DETAIL_LISTS) delete detail[name];
    if (Array.isArray(detail.setAside)) delete detail.setAside;
    const counts = Object.fromEntries(Object.entries(lists).map(([name, list]) => [name, list.length]));
    const people = (r2.people ?? []).filter((p) => listedIn(p, id)).length;
    areas[id] = {
      ...area,
      months: area.status === 'not_scored' ? [] : (r2.months ?? []),
      detail: area.detail || own ? detail : null,
      lists: { ...counts, people },
      // Schema 2 judges the qualification window for its own area only; the others get its dates (their charts shade it).
      ...(r2.window ? { window: own ? r2.window : { today: r2.window.today, anniversary: r2.window.anniversary, start: r2.window.start, end: r2.window.end } } : {}),
      ...(full ? lists : {}),
    };
  }
  return {
    schemaVersion: 3,
    generator: { name: 'spd-score', version },
    areas,
    overview: r2.overview,
    microsoftCloud: r2.microsoftCloud,
    badges: r2.badges,
    bestAction: r2.bestAction,
    lists: { people: (r2.people ?? []).length },
    ...(full ? { people: r2.people ?? [] } : {}),
    assumptions: r2.assumptions,
    ignored: r2.ignored,
    files: r2.files,
    warnings: r2.warnings,
    errors: r2.errors,
  };
}

/** An error value, as the core's: a kind and a message. */
function fail(kind, message) {
  return Object.assign(new Error(message), { kind });
}

/** The value at a dotted path ("tracks.smb.maxPau.asOf"), or undefined. */
const at = (row, path) => path.split('.').reduce((v, key) => (v === null || v === undefined ? undefined : v[key]), row);

/**
 * How much a row moves `track`'s metrics, as the core weighs it for the
 * "contribution" sort: a customer added or lost first, then deployments,
 * then growth; null when the row has nothing on the track.
 */
function contribution(list, row, track) {
  const weigh = (net, deployments, growth) => Math.abs(net ?? 0) * 1e9 + Math.abs(deployments ?? 0) * 1e6 + Math.abs(growth ?? 0);
  switch (list) {
    case 'tenants': {
      if ('azure' in row || 'm365' in row) {
        const azure = row.azure?.tracks?.[track];
        const m365 = row.m365?.tracks?.[track];
        if (!azure && !m365) return null;
        return (azure ? weigh(azure.netAdd, azure.netDeployment, azure.growth) : 0) + (m365 ? weigh(m365.netAdd, m365.netDeployment, m365.growth) : 0);
      }
      const part = row.tracks?.[track];
      if (!part) return null;
      if (!part.options) return weigh(part.netAdd, 0, 0);
      const options = Object.values(part.options);
      return weigh(
        part.netAdd,
        options.reduce((sum, o) => sum + Math.abs(o.deployment ?? 0), 0),
        options.reduce((sum, o) => sum + Math.abs(o.growth ?? 0), 0),
      );
    }
    case 'revenue':
      return row.adds?.[track] ? weigh(row.adds[track].net, 0, 0) : null;
    case 'consumption':
      return row.deployments?.[track] ? weigh(0, row.deployments[track].net, 0) : null;
    case 'services':
      return Number(Boolean(row.deployment));
    default:
      return null;
  }
}

/** Whether a row adds to `track`'s points (query.only === 'contributing'); a person: counts in the area. */
function contributes(list, row, track, areaId) {
  switch (list) {
    case 'people':
      return countedIn(row, areaId);
    case 'services':
      return Boolean(row.deployment);
    case 'setAside':
      return false;
    case 'tenantActions':
      return !track || row.track === track;
    default: {
      const c = contribution(list, row, track);
      return c !== null && c !== 0;
    }
  }
}

/** Sort order of two values: numbers numerically, strings case-insensitively, false before true. */
function compare(a, b) {
  if (typeof a === 'string' && typeof b === 'string') {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = typeof a === 'boolean' ? Number(a) : a;
  const y = typeof b === 'boolean' ? Number(b) : b;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The fields a search looks in, as the core's: ids, names, e-mails, tenants, workloads. */
const SEARCHED = ['id', 'name', 'email', 'tenant', 'tenantName', 'workload'];

/**
 * rows(query) over a schema-2 report: {total, rows}, as the contract says; a
 * query it cannot answer gives no rows and error {kind, message}, as the core's.
 */
export function rowsOf(r2, query = {}) {
  try {
    return page(r2, query);
  } catch (e) {
    if (!e.kind) throw e;
    return { total: 0, rows: [], error: { kind: e.kind, message: e.message } };
  }
}

function page(r2, query) {
  const { list, area } = query;
  if (!r2) throw fail('noReport', 'rows: no report yet; score files first.');
  let source;
  if (list === 'people') {
    if (area && !r2.areas?.[area]) throw fail('unknownArea', `rows: no area named ${area}.`);
    source = (r2.people ?? []).filter((p) => !area || listedIn(p, area));
  } else {
    const lists = areaLists(r2, area);
    if (!lists) throw fail('unknownArea', `rows: no area named ${area}.`);
    if (!lists[list]) throw fail('unknownList', `rows: ${r2.areas[area].label} has no list named ${list}.`);
    source = lists[list];
  }
  const search = String(query.search ?? '').trim().toLowerCase();
  const track = query.track ?? r2.areas?.[area]?.track;
  let out = source.filter(
    (row) =>
      (!search || SEARCHED.some((key) => typeof row[key] === 'string' && row[key].toLowerCase().includes(search))) &&
      (query.only !== 'contributing' || contributes(list, row, track, area)) &&
      (query.association === undefined || query.association === null || (Array.isArray(row.associations) ? row.associations.includes(query.association) : 'option' in row ? row.option === query.association : true)) &&
      (query.band === undefined || query.band === null || !('segment' in row) || row.segment === query.band),
  );
  if (query.sort) {
    const missing = (v) => v === null || v === undefined;
    out = out
      .map((row, i) => [query.sort === 'contribution' ? contribution(list, row, track) : at(row, query.sort), i, row])
      .sort(([a, i], [b, j]) => {
        if (missing(a) || missing(b)) return missing(a) - missing(b) || i - j;
        return (query.descending ? compare(b, a) : compare(a, b)) || i - j;
      })
      .map(([, , row]) => row);
  }
  const offset = Math.max(0, query.offset ?? 0);
  const limit = query.limit ?? out.length;
  return { total: out.length, rows: out.slice(offset, offset + limit) };
}
