// spd-score: the JavaScript face of the WebAssembly core.
//
// One ES module for browsers, bundlers and Node. Call `load()` once (it is
// also called for you by `score`), then use `Scorer` or `score`.

import init, {
  Scorer as RawScorer,
  catalogue as rawCatalogue,
  rulesets as rawRulesets,
  version as rawVersion,
} from './spd_score.js';

let ready;

/**
 * Initialises the WebAssembly module once. `source` is anything
 * wasm-bindgen's init accepts: a URL, a Response, bytes or a WebAssembly.Module.
 * Without it the module is fetched next to this file (in Node, read from disk).
 */
export function load(source) {
  ready ??= (async () => {
    if (source === undefined && typeof process !== 'undefined' && process.versions?.node) {
      const { readFile } = await import('node:fs/promises');
      source = await readFile(new URL('./spd_score_bg.wasm', import.meta.url));
    }
    await init(source === undefined ? undefined : { module_or_path: source });
  })();
  return ready;
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
    this.#raw = new RawScorer(JSON.stringify({ ruleset, rulesets, today: month }));
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
   * The report, a plain object (see index.d.ts and the README).
   * @param {{asOf?: string, history?: boolean, today?: string, anniversary?: string, tenantLimit?: number,
   *   manualValues?: Array<{area: string, track?: string, metric: string, value: number|string}>,
   *   tracks?: Record<string, string>}} [options]
   *   `today` and `anniversary` are `YYYY-MM-DD`; with `today` the report has the qualification window.
   *   `manualValues`: values typed from Partner Center's scorecards; `tracks`: the track chosen per classified area.
   */
  report(options = {}) {
    return JSON.parse(this.#raw.report(JSON.stringify(options)));
  }

  /**
   * The report as it would be with `plan` carried out (planned customers and
   * people added, tenants removed): `{simulated, plan, report, changes, problems}`.
   */
  simulate(plan, options = {}) {
    return JSON.parse(this.#raw.simulate(JSON.stringify(plan), JSON.stringify(options)));
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
 *   anniversary?: string, tenantLimit?: number, manualValues?: object[], tracks?: Record<string, string>}} [options] `today` as
 *   `YYYY-MM-DD` also adds the qualification window; as `YYYY-MM` it only
 *   sets the month after which rows are errors.
 */
export async function score(files, options = {}) {
  await load();
  const { asOf, history, today, anniversary, tenantLimit, manualValues, tracks } = options;
  const scorer = new Scorer(options);
  try {
    for (const { name, bytes } of files) scorer.addFile(name, bytes);
    const date = typeof today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(today) ? today : undefined;
    return scorer.report({ asOf, history, today: date, anniversary, tenantLimit, manualValues, tracks });
  } finally {
    scorer.free();
  }
}

/**
 * An embedded area ruleset as data (Modern Work by default), with the
 * certifications it names from the shared catalogue, so that it is complete
 * on its own. Call `load()` first.
 */
export function defaultRuleset(id = 'modern-work') {
  const ruleset = rulesets().find((r) => r.id === id);
  if (!ruleset) throw new Error(`no embedded ruleset "${id}"`);
  const named = new Set([...Object.values(ruleset.certificationLists ?? {}).flat(), ...(ruleset.droppedCertifications ?? [])]);
  const own = new Set((ruleset.certifications ?? []).map((c) => c.id));
  const shared = JSON.parse(rawCatalogue()).certifications.filter((c) => named.has(c.id) && !own.has(c.id));
  return { ...ruleset, certifications: [...(ruleset.certifications ?? []), ...shared] };
}

/** Every embedded area ruleset, in Partner Center's order. Call `load()` first. */
export function rulesets() {
  return rawRulesets().map((json) => JSON.parse(json));
}

/** The version of the scoring core. Call `load()` first. */
export function version() {
  return rawVersion();
}
