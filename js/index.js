// spd-score: the JavaScript face of the WebAssembly core.
//
// The browser and bundler entry: one ES module with no Node import. Call
// `load()` once (it is also called for you by `score`), then use `Scorer` or
// `score`. Node gets node.js (and CommonJS index.cjs, built from it): the
// same API with the module already read from disk.

import init, {
  CoreError,
  Scorer as RawScorer,
  catalogue as rawCatalogue,
  portfolioWrite as rawPortfolioWrite,
  rulesets as rawRulesets,
  version as rawVersion,
} from './spd_score.js';

let ready;

/**
 * Initialises the WebAssembly module once. `source` is anything
 * wasm-bindgen's init accepts: a URL, a Response, bytes or a WebAssembly.Module
 * (or a promise of one). Without it the module is fetched next to this file.
 */
export function load(source) {
  if (!ready) {
    ready = (async () => {
      source ??= defaultSource();
      // A URL from another realm is still a URL to wasm-bindgen.
      if (typeof source === 'object' && typeof source?.href === 'string' && !(source instanceof URL)) source = source.href;
      await init({ module_or_path: source });
    })();
    // A failed load (a missing file, a network error) can be tried again.
    ready.catch(() => (ready = undefined));
  }
  return ready;
}

/** spd_score_bg.wasm beside this module: its URL, or in Node its bytes. */
function defaultSource() {
  let url;
  try {
    // Written out like this, the URL is one that bundlers (webpack, Vite,
    // Parcel) see and emit the .wasm file for; esbuild leaves it as it is.
    url = new URL('./spd_score_bg.wasm', import.meta.url);
  } catch {
    throw new Error("spd-score: this copy of the module has no import.meta.url (an IIFE or CommonJS bundle?): pass the .wasm file's URL to load(url)");
  }
  if (url.protocol !== 'file:' || typeof process !== 'object' || !process?.versions?.node) return url;
  // This entry in Node (the package's Node entry preloads instead): read
  // the file without importing a Node module, which a bundler would try to
  // resolve for the browser. process.getBuiltinModule: Node 20.16 and later.
  const fs = process.getBuiltinModule?.('fs');
  if (!fs) throw new Error("spd-score: in this Node, import 'spd-score' (its Node entry), or pass the .wasm file's bytes to load()");
  return fs.readFileSync(url);
}

/**
 * What the core throws: an `Error` with the kind of input at fault (`kind`:
 * `options`, `ruleset`, `plan`, `area`, `portfolio` or `report`) and, where
 * there is one, its place: `path` (`manualValues[0].metric`,
 * `tracks[0].metrics.netCustomerAdds`) or `line` and `column` of a text that
 * is not JSON; a ruleset's fault also has `rulesetKind` (`syntax`, `field`,
 * `rule`). Rows, files and rows' errors are never thrown: they are in the
 * report.
 */
export class SpdScoreError extends Error {
  constructor(message, { kind, path, line, column, rulesetKind } = {}) {
    super(message);
    this.name = 'SpdScoreError';
    this.kind = kind;
    if (path != null) this.path = path;
    if (line != null) this.line = line;
    if (column != null) this.column = column;
    if (rulesetKind != null) this.rulesetKind = rulesetKind;
  }
}

/** Calls the core, turning what it throws into an `SpdScoreError`. */
function core(call) {
  try {
    return call();
  } catch (e) {
    if (!(e instanceof CoreError)) throw e;
    const { message, kind, path, line, column, rulesetKind } = e;
    e.free();
    throw new SpdScoreError(message, { kind, path, line, column, rulesetKind });
  }
}

function currentMonth() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/** A set of files scored together. Call `load()` first. */
export class Scorer {
  #raw;

  /**
   * @param {{ruleset?: object, rulesets?: object[], today?: string}} [options]
   *   `ruleset` / `rulesets`: rulesets shaped like `defaultRuleset(id)`, each
   *   replacing the embedded one of its id. `today` is `YYYY-MM` or
   *   `YYYY-MM-DD` (only its month is used here): rows dated after that
   *   month are errors. Defaults to the current month.
   */
  constructor(options = {}) {
    const { ruleset, rulesets = [], today = currentMonth() } = options;
    const month = typeof today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(today) ? today.slice(0, 7) : today;
    this.#raw = core(() => new RawScorer(JSON.stringify({ ruleset, rulesets, today: month })));
  }

  /** Loads a whole file: `bytes` is a Uint8Array or ArrayBuffer. */
  addFile(name, bytes) {
    this.#raw.addFile(name, bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
    return this;
  }

  /** Starts a file fed in chunks with `push`, finished with `endFile`. */
  beginFile(name) {
    this.#raw.beginFile(name);
    return this;
  }

  push(chunk) {
    this.#raw.push(chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk));
    return this;
  }

  endFile() {
    this.#raw.endFile();
    return this;
  }

  /**
   * The report (schema 3), a plain object (see index.d.ts and docs/report.md):
   * every area in one shape, each list counted in `lists` and asked for a
   * page at a time with `rows`.
   * @param {{asOf?: string, history?: boolean, today?: string, anniversary?: string, tenantLimit?: number,
   *   manualValues?: Array<{area: string, track?: string, metric: string, value: number|string}>,
   *   tracks?: Record<string, string>, detail?: 'summary'|'full'}} [options]
   *   `today` and `anniversary` are `YYYY-MM-DD`; with `today` each area has its qualification window.
   *   `manualValues`: values typed from Partner Center's scorecards; `tracks`: the track chosen per classified area.
   *   `detail: 'full'`: every list inline too (`areas[id].tenants`, `people`, ...): a large object.
   */
  report(options = {}) {
    return JSON.parse(core(() => this.#raw.report(JSON.stringify(options))));
  }

  /** The report without its lists (the default): takes `report`'s options. */
  summary(options = {}) {
    return this.report({ ...options, detail: 'summary' });
  }

  /**
   * One page of a list, from the data as the last `report` scored it:
   * `{total, rows}`, or with no rows and `error: {kind, message}` when the
   * query names no list there (it never throws for a query).
   * @param {{list: string, area?: string, track?: string, search?: string, only?: 'contributing',
   *   association?: string, band?: string, sort?: string, descending?: boolean, offset?: number,
   *   limit?: number}} query `list`: one of `report.areas[area].lists` (`tenants`,
   *   `tenantActions`, `services`, `revenue`, `consumption`, `setAside`) or `people`
   *   (across areas; with `area`, those with a certification that matters there).
   *   `sort`: `contribution` or a dotted path into the row (`name`, `tracks.smb.maxPau.asOf`).
   */
  rows(query) {
    return JSON.parse(this.#raw.rows(JSON.stringify(query ?? {})));
  }

  /**
   * Writes the report as JSON text without building it in JavaScript:
   * `write(bytes)` is called with pieces of about a megabyte of UTF-8 (each a
   * Uint8Array of its own), in order; together they are the report's JSON.
   * Takes `report`'s options (with `detail: 'full'` every list is written
   * inline, row by row, never whole in memory), and `pretty: true` (indented
   * by two spaces) or `area: id` (only `report.areas[id]`). Returns `{files}`,
   * the report's `files`. With `view: true` each piece is a view of the
   * module's memory, valid only until `write` returns, not a copy: for a
   * writer done with the bytes by then (`fs.writeSync`), and no garbage.
   * @param {(bytes: Uint8Array) => void} write
   * @param {object} [options]
   */
  writeReport(write, options = {}) {
    const { pretty = false, area, view = false, ...reportOptions } = options;
    // The bytes handed over are a view of the module's memory: copied here,
    // so that `write` may keep them (unless asked for the view).
    const sink = { write: view ? (bytes) => write(bytes) : (bytes) => write(bytes.slice()) };
    const files = core(() => this.#raw.writeReport(JSON.stringify(reportOptions), Boolean(pretty), area, sink));
    return { files: JSON.parse(files) };
  }

  /**
   * The report as it would be with `plan` carried out (planned customers and
   * people added, tenants removed, in every area): `{simulated, plan, report,
   * changes, areas, problems, assumptions}`.
   */
  simulate(plan, options = {}) {
    return JSON.parse(core(() => this.#raw.simulate(JSON.stringify(plan), JSON.stringify(options))));
  }

  /**
   * What a plan may name, from the rulesets and the Azure services of the
   * files loaded: `{associations, workloads, azureServices, bizappsWorkloads,
   * certifications}`, each entry `{id, label?, areas, parts?, note?}`.
   */
  planChoices() {
    return JSON.parse(core(() => this.#raw.planChoices()));
  }

  /**
   * This scorer's files as one partner's rows of a portfolio (docs/portfolio.md):
   * one per area, in the catalogue's order, or one with `area: null` when no
   * file could be read. Takes `report`'s options and `unread`: messages for
   * the partner's files that could not be opened (they go to `errors`).
   * @param {string} partner
   * @param {{unread?: string[], asOf?: string}} [options]
   */
  portfolioRows(partner, options = {}) {
    const { unread = [], ...reportOptions } = options;
    return JSON.parse(core(() => this.#raw.portfolioRows(partner, JSON.stringify(unread), JSON.stringify(reportOptions))));
  }

  /** Releases the WebAssembly memory held by this scorer. */
  free() {
    this.#raw.free();
  }
}

/**
 * Scores files in one call.
 * @param {Array<{name: string, bytes: Uint8Array|ArrayBuffer}>} files
 * @param {{asOf?: string, ruleset?: object, rulesets?: object[], today?: string, history?: boolean,
 *   anniversary?: string, tenantLimit?: number, manualValues?: object[], tracks?: Record<string, string>,
 *   detail?: 'summary'|'full'}} [options] `today` as
 *   `YYYY-MM-DD` also adds the qualification window; as `YYYY-MM` it only
 *   sets the month after which rows are errors.
 */
export async function score(files, options = {}) {
  await load();
  const { asOf, history, today, anniversary, tenantLimit, manualValues, tracks, detail } = options;
  const scorer = new Scorer(options);
  try {
    for (const { name, bytes } of files) scorer.addFile(name, bytes);
    const date = typeof today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(today) ? today : undefined;
    return scorer.report({ asOf, history, today: date, anniversary, tenantLimit, manualValues, tracks, detail });
  } finally {
    scorer.free();
  }
}

/**
 * Portfolio rows (as `Scorer#portfolioRows` gives them, any order) in the
 * portfolio's order (partner name, then the catalogue's), written as `'csv'`
 * (with its header) or `'jsonl'` (text), or their `'summary'` (an object:
 * per designation the partners qualified, within 10 points, above the
 * incentive line; the partners that could not be scored). Call `load()` first.
 */
export function portfolio(rows, format) {
  const text = core(() => rawPortfolioWrite(JSON.stringify(rows), format));
  return format === 'summary' ? JSON.parse(text) : text;
}

/**
 * An embedded area ruleset as data (Modern Work by default), with the
 * certifications it names from the shared catalogue, so that it is complete
 * on its own. Call `load()` first.
 */
export function defaultRuleset(id = 'modern-work') {
  const ruleset = rulesets().find((r) => r.id === id);
  if (!ruleset) throw new Error(`no embedded ruleset "${id}"`);
  const catalogue = JSON.parse(rawCatalogue());
  const named = new Set([...Object.values(ruleset.certificationLists ?? {}).flat(), ...(ruleset.droppedCertifications ?? [])]);
  const own = new Set((ruleset.certifications ?? []).map((c) => c.id));
  const shared = catalogue.certifications.filter((c) => named.has(c.id) && !own.has(c.id));
  // The workloads it counts, with the catalogue's spellings; the association
  // types exports name, when it reads usage exports.
  const spellings = new Map(catalogue.workloads.map((w) => [w.id, w.spellings]));
  const workloads = (ruleset.workloads ?? []).map((w) => ({ ...w, spellings: [...(spellings.get(w.id) ?? []), ...(w.spellings ?? [])] }));
  const usage = workloads.length ? { associations: catalogue.associations, otherAssociations: catalogue.otherAssociations, workloads } : {};
  return { ...ruleset, ...usage, certifications: [...(ruleset.certifications ?? []), ...shared] };
}

/** Every embedded area ruleset, in Partner Center's order. Call `load()` first. */
export function rulesets() {
  return rawRulesets().map((json) => JSON.parse(json));
}

/** The version of the scoring core. Call `load()` first. */
export function version() {
  return rawVersion();
}
