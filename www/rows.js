// Every list the page shows, asked for a page at a time: `rows(query)`
// answers {total, rows} from the worker (www/score-worker.js), which asks the
// core (scorer.rows). Views hold no list: a search, a sort, a filter or
// "Show more" is a new query. The query (/work/notes/contract-schema3.md):
//
//   list         'tenants', 'tenantActions', 'services', 'revenue', 'consumption',
//                'setAside', 'pairs', 'people' (an area's `lists` says which it has)
//   area         the area whose list it is (optional for 'people': with it, only
//                people with a certification that area lists)
//   track        the track 'contributing' means (default: the area's deciding track)
//   search       text a row's id, name, email, tenant or workload contains (any case)
//   only         'contributing': rows that add to the track's points
//   association, band   exact-match filters, where the row has that field
//   sort         a dotted path into the row ('name', 'tracks.smb.maxPau.asOf'), or
//                'contribution' (how much the row moves the track: a customer, then
//                deployments, then growth); numbers numerically, text in any case,
//                false before true, missing last
//   descending   largest first
//   offset, limit   the page (default: everything)

const FIELDS = new Set(['list', 'area', 'track', 'search', 'only', 'association', 'band', 'sort', 'descending', 'offset', 'limit']);

/** The query as sent: only the contract's fields, none of them a function, empty ones left out. */
export function cleanQuery(query) {
  const out = {};
  for (const [key, value] of Object.entries(query)) {
    if (!FIELDS.has(key)) throw new Error(`rows: no query field named ${key}`);
    if (typeof value === 'function') throw new Error(`rows: ${key} must be a value, not a function`);
    if (value === undefined || value === null || value === '') continue;
    out[key] = value;
  }
  if (!out.list) throw new Error('rows: the query names no list');
  return out;
}

/**
 * The page's `rows(query)`, asking through `ask(message, answerType)` (the
 * element's question to its worker): an async function answering {total, rows}.
 */
export function rowsClient(ask) {
  return async (query) => (await ask({ type: 'rows', query: cleanQuery(query) }, 'rows')).result;
}
