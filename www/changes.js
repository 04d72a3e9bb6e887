// What changed since last time (opt-in, on this computer only). "Remember
// this result on this computer" keeps a summary of each month's result in
// the browser's IndexedDB: per area the score, status, deciding track, every
// metric's points and value, and the ids of the tenants and people that
// counted. The next drop shows, per designation, the score change, the
// metrics that moved, the tenants gained and lost on the deciding track and
// the certifications added or no longer counted. "Forget" deletes it all. A
// report downloaded from this page (JSON) can be dropped to compare with it
// instead. Nothing leaves the machine.
//
// The comparison is with the latest month remembered before the month
// shown (one summary is kept per month, the latest result of that month),
// so that scoring the same month again still compares with last month.

import { datesInWords, dayName, h, metricPoints, monthName, number, scoreText, signed } from './dom.js';
import { CHANGES_TEXT as C, STATUS, metricName } from './strings.js';

/** Names listed in full before "and N more". */
const SHOWN = 8;

// ---- lists ----------------------------------------------------------------

/**
 * The one place this module reads a list: {list, area, track, only}. The
 * page's live report in schema 3 keeps no list: `rows(query)` asks the worker
 * (the contract's {type: 'rows', query} message, as www/rows.js does); a
 * report with its lists inline (schema 2, or a downloaded one with every
 * list) answers from itself.
 */
async function listRows(report, query, rows) {
  if (rows && report.schemaVersion >= 3) return (await rows(query)).rows;
  return inlineRows(report, query);
}

/** A list as a report holds it inline: schema 2 (report.tenants, areas[id].detail.*) or schema 3's full report (areas[id].<list>). */
function inlineRows(report, { list, area, track, only }) {
  const a = report.areas?.[area] ?? {};
  const detail = a.detail ?? {};
  let out;
  if (list === 'people') {
    out = (report.people ?? []).filter((p) => certifications(report, p, area).length);
  } else if (list === 'tenants') {
    // Schema 2 keeps its own ruleset's usage tenants at the top (Modern Work).
    const own = report.schemaVersion < 3 && report.ruleset?.id === area ? report.tenants : null;
    out = own ?? a.tenants ?? detail.tenants ?? [];
  } else {
    out = a[list] ?? detail[list] ?? [];
  }
  if (!Array.isArray(out)) return [];
  return only === 'contributing' ? out.filter((row) => moves(row, track)) : out;
}

/**
 * Whether a row adds to `track`'s points (the core's `only: "contributing"`,
 * src/rows.rs): a customer added or lost, a deployment, growth.
 */
function moves(row, track) {
  const nonzero = (v) => typeof v === 'number' && v !== 0;
  if ('azure' in row || 'm365' in row) {
    return [row.azure, row.m365].some((part) => {
      const t = part?.tracks?.[track];
      return t && (nonzero(t.netAdd) || nonzero(t.netDeployment) || nonzero(t.growth));
    });
  }
  if (row.adds) return nonzero(row.adds[track]?.net);
  if (row.deployments) return nonzero(row.deployments[track]?.net);
  const part = row.tracks?.[track];
  if (!part) return false;
  const options = Object.values(part.options ?? {});
  return nonzero(part.netAdd) || options.some((o) => nonzero(o.growth) || nonzero(o.deployment));
}

/** A person's certifications and where each stands for `area`: [{name, status, reason}]. */
function certifications(report, person, area) {
  const out = [];
  for (const c of person.certifications ?? []) {
    const name = String(c.matched ?? c.name ?? '').replace(/^Microsoft Certified:\s*/i, '');
    // Schema 2 judges its own ruleset's certifications (Modern Work) on the certification itself.
    const judged = c.areas?.find((x) => x.area === area) ?? (report.schemaVersion < 3 && report.ruleset?.id === area ? c : null);
    if (judged && judged.status !== 'not_on_list' && !out.some((e) => e.name === name)) out.push({ name, status: judged.status, reason: judged.reason ?? null });
  }
  return out;
}

/** The lists an area's tenants are in: its tenants, else its pairs (Business Applications). */
function tenantLists(report, area) {
  const a = report.areas?.[area] ?? {};
  const named = Object.keys(a.lists ?? {});
  if (named.length) return ['tenants', 'pairs', 'revenue', 'consumption'].filter((l) => named.includes(l)).slice(0, named.includes('tenants') ? 1 : 3);
  const detail = a.detail ?? {};
  if (report.ruleset?.id === area && report.tenants) return ['tenants'];
  if (a.tenants || detail.tenants) return ['tenants'];
  return ['revenue', 'consumption', 'pairs'].filter((l) => a[l] || detail[l]);
}

// ---- the summary ----------------------------------------------------------

/**
 * What is remembered of a report: {month, savedAt, areas: {id: {label, total,
 * atLeast, status, track, asOf, tracks: {t: {label, total, metrics: {m:
 * {points, value, kind}}}}, tenants: {t: [{id, name}]}, certifications: [{person,
 * personName, name, status, reason}]}}}. `rows(query)`: for the page's own
 * report, how to ask for its lists; without it, a report read from a file
 * (its lists inline, if any).
 */
export async function summarize(report, { rows = null, savedAt = null } = {}) {
  const areas = {};
  for (const [id, a] of Object.entries(report.areas ?? {})) {
    if (!a || a.status === 'not_scored') continue;
    const tracks = {};
    const tenants = {};
    for (const [t, track] of Object.entries(a.tracks ?? {})) {
      tracks[t] = {
        label: track.label ?? t,
        total: track.total ?? null,
        metrics: Object.fromEntries(Object.entries(track.metrics ?? {}).map(([m, metric]) => [m, { points: metric.points ?? null, value: metric.value ?? null, kind: metric.kind ?? null }])),
      };
      const seen = new Map();
      for (const list of tenantLists(report, id)) {
        for (const row of await listRows(report, { list, area: id, track: t, only: 'contributing' }, rows)) {
          const tenantId = String(row.id ?? row.tenant ?? '');
          if (tenantId && !seen.has(tenantId)) seen.set(tenantId, { id: tenantId, name: row.name ?? row.tenantName ?? tenantId });
        }
      }
      tenants[t] = [...seen.values()];
    }
    const certs = [];
    for (const person of await listRows(report, { list: 'people', area: id }, rows)) {
      for (const c of certifications(report, person, id)) certs.push({ person: String(person.id ?? person.email ?? person.name), personName: person.name ?? person.email ?? person.id, ...c });
    }
    areas[id] = { label: a.label ?? id, total: a.total ?? null, atLeast: Boolean(a.atLeast), status: a.status, track: a.track ?? null, asOf: a.asOf ?? null, tracks, tenants, certifications: certs };
  }
  return { month: reportMonth(report), savedAt, areas };
}

/** The month a result is of: its latest scored area's as-of month (no list read). */
function reportMonth(report) {
  const scored = Object.values(report.areas ?? {}).filter((a) => a && a.status !== 'not_scored');
  const months = scored.map((a) => a.asOf).filter(Boolean).sort();
  return months.at(-1) ?? report.asOf ?? null;
}

/** A report downloaded from this page (its JSON text), or null. */
export function readReport(text) {
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' && typeof value.schemaVersion === 'number' && value.areas && typeof value.areas === 'object' ? value : null;
  } catch {
    return null;
  }
}

// ---- the comparison -------------------------------------------------------

/**
 * Per designation scored in either summary: {area, label, before, now,
 * status, track, metrics: [{track, metric, before, now}], gained, lost,
 * added, gone}; `changed` says whether anything moved.
 */
export function compare(before, now) {
  const ids = [...new Set([...Object.keys(now.areas), ...Object.keys(before.areas)])];
  return ids.map((id) => {
    const b = before.areas[id] ?? null;
    const n = now.areas[id] ?? null;
    const out = { area: id, label: (n ?? b).label, before: b, now: n, metrics: [], gained: [], lost: [], added: [], gone: [] };
    if (b && n) {
      // The deciding track now: its metrics, and its tenants against the same track before.
      const track = n.track;
      const bt = b.tracks[track];
      const nt = n.tracks[track];
      for (const [m, metric] of Object.entries(nt?.metrics ?? {})) {
        const was = bt?.metrics?.[m] ?? { points: null, value: null };
        if (was.points !== metric.points || was.value !== metric.value) out.metrics.push({ track, metric: m, before: was, now: metric });
      }
      const was = new Set((b.tenants[track] ?? []).map((t) => t.id));
      const is = new Set((n.tenants[track] ?? []).map((t) => t.id));
      out.gained = (n.tenants[track] ?? []).filter((t) => !was.has(t.id));
      out.lost = (b.tenants[track] ?? []).filter((t) => !is.has(t.id));
      const key = (c) => `${c.person}\u0000${c.name}`;
      const counted = (list) => new Map(list.filter((c) => c.status === 'counted').map((c) => [key(c), c]));
      const bc = counted(b.certifications);
      const nc = counted(n.certifications);
      const nowAll = new Map(n.certifications.map((c) => [key(c), c]));
      out.added = [...nc.values()].filter((c) => !bc.has(key(c)));
      // No longer counted: with why (expired, …) when the person still lists it.
      out.gone = [...bc.values()].filter((c) => !nc.has(key(c))).map((c) => ({ ...c, now: nowAll.get(key(c)) ?? null }));
    }
    out.changed =
      !b || !n || b.total !== n.total || b.status !== n.status || b.track !== n.track || out.metrics.length + out.gained.length + out.lost.length + out.added.length + out.gone.length > 0;
    return out;
  });
}

// ---- storage: IndexedDB, this browser only --------------------------------

const DB = 'spd-score';
const RESULTS = 'results';
const SETTINGS = 'settings';

function database() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => {
      open.result.createObjectStore(RESULTS, { keyPath: 'month' });
      open.result.createObjectStore(SETTINGS);
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

/** Runs `work(stores)` in one transaction; resolves with its request's result once committed. */
async function transact(mode, work) {
  const db = await database();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction([RESULTS, SETTINGS], mode);
      const request = work(tx.objectStore(RESULTS), tx.objectStore(SETTINGS));
      tx.oncomplete = () => resolve(request?.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export const storage = {
  /** {remembering, results (oldest month first)}. */
  async load() {
    // Nothing is created on this computer before the partner asks: no database yet, nothing remembered.
    if (indexedDB.databases && !(await indexedDB.databases()).some((d) => d.name === DB)) return { remembering: false, results: [] };
    const [remembering, results] = await Promise.all([transact('readonly', (_, settings) => settings.get('remember')), transact('readonly', (results) => results.getAll())]);
    return { remembering: remembering === true, results: (results ?? []).filter((r) => r.month).sort((a, b) => (a.month < b.month ? -1 : 1)) };
  },
  setRemembering: (on) => transact('readwrite', (_, settings) => settings.put(on, 'remember')),
  save: (summary) => transact('readwrite', (results) => results.put(summary)),
  /** Deletes everything remembered: the database itself. */
  forget: () =>
    new Promise((resolve, reject) => {
      const request = indexedDB.deleteDatabase(DB);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
      // Another tab holding it open: deleted once it closes; nothing is read from it meanwhile.
      request.onblocked = () => resolve();
    }),
};

// ---- the panel ------------------------------------------------------------

const names = (list, name) => {
  const shown = list.slice(0, SHOWN).map(name).join(', ');
  return list.length > SHOWN ? `${shown}, ${C.more(number(list.length - SHOWN))}` : shown;
};

/** A metric's own figure: growth in percent, anything else a number ("57.1%", "12"). */
const valueText = (m) => (m.kind === 'growth' && m.value !== null ? `${number(Math.round(m.value * 10) / 10)}%` : number(m.value));

/** One designation's changes. */
function areaChanges(change) {
  const { before: b, now: n } = change;
  const line = (field, label, text) => h('p', { 'data-field': field }, h('strong', {}, label), ' ', text);
  if (!b || !n) {
    return h('li', { class: 'change', 'data-area': change.area }, h('h4', {}, change.label), h('p', { 'data-field': 'score-change' }, n ? `${scoreText(n.total, n.atLeast)}: ${C.newArea}` : C.noLongerScored));
  }
  // The change of the scores as shown (whole points, as the cards round them), so the sum reads right.
  const delta = n.total !== null && b.total !== null ? Math.round(n.total) - Math.round(b.total) : null;
  const trackLabel = (s, t) => s.tracks[t]?.label ?? t;
  return h(
    'li',
    { class: 'change', 'data-area': change.area },
    h('h4', {}, change.label),
    h(
      'p',
      { class: 'change-score' },
      h('span', { 'data-field': 'score-change', 'data-before': b.total ?? undefined, 'data-now': n.total ?? undefined }, C.score(scoreText(b.total, b.atLeast), scoreText(n.total, n.atLeast), delta ? signed(delta) : '')),
      b.status !== n.status ? [' ', h('span', { 'data-field': 'status-change' }, C.status(STATUS[b.status] ?? b.status, STATUS[n.status] ?? n.status))] : null,
    ),
    b.track !== n.track ? h('p', { 'data-field': 'track-change' }, C.track(trackLabel(b, b.track), trackLabel(n, n.track))) : null,
    change.metrics.length
      ? h(
          'ul',
          { class: 'change-metrics', 'data-field': 'metrics' },
          change.metrics.map((m) =>
            h(
              'li',
              { 'data-metric': m.metric },
              C.metric(metricName(m.metric), metricPoints(m.before.points), metricPoints(m.now.points), m.before.value !== m.now.value ? C.values(valueText(m.before), valueText(m.now)) : ''),
            ),
          ),
        )
      : null,
    change.gained.length ? line('gained', C.gained(number(change.gained.length)), names(change.gained, (t) => t.name)) : null,
    change.lost.length ? line('lost', C.lost(number(change.lost.length)), names(change.lost, (t) => t.name)) : null,
    change.added.length ? line('added', C.added(number(change.added.length)), names(change.added, (c) => C.certification(c.personName, c.name, ''))) : null,
    change.gone.length ? line('gone', C.gone(number(change.gone.length)), names(change.gone, (c) => C.certification(c.personName, c.name, datesInWords(c.now?.reason) ?? (c.now ? STATUS[c.now.status] ?? c.now.status : null)))) : null,
  );
}

/**
 * The "what changed" panel of the overview (data-section="changes"), kept
 * by the element across views: `update(report)` after each report,
 * `compareWith(report, name)` for a report dropped as JSON, `clear()` when
 * every file is forgotten. Its `element` is drawn again whenever they change.
 */
export class ChangesPanel {
  element = h('section', { class: 'card changes', 'data-section': 'changes', 'aria-labelledby': 'changes-title' });
  #report = null;
  #current = null;
  #dropped = null;
  #remembering = false;
  #results = [];
  #note = '';
  #loaded;
  #turn = 0;

  #rows;

  /** `rows(query)` answers {total, rows} for the page's own report (schema 3). */
  constructor({ rows = null } = {}) {
    this.#rows = rows;
    this.#loaded = this.#reload().catch(() => {
      // No IndexedDB (a private window may refuse it): nothing to remember, nothing to compare.
    });
    this.#draw();
  }

  async #reload() {
    const { remembering, results } = await storage.load();
    this.#remembering = remembering;
    this.#results = results;
  }

  /**
   * The page's own report was drawn. It is summarised (its tenant and people
   * lists asked from the worker, area by area) only when there is something
   * to compare it with or to keep: otherwise those questions would queue
   * before the table the user opens next.
   */
  async update(report) {
    const turn = ++this.#turn;
    await this.#loaded;
    if (turn !== this.#turn) return;
    this.#report = report;
    this.#current = null;
    this.#note = '';
    const month = reportMonth(report);
    if (this.#remembering || this.#dropped || this.#results.some((r) => month && r.month < month)) {
      const summary = await this.#summary();
      if (turn !== this.#turn) return;
      if (this.#remembering && summary.month) await this.#keep(summary);
    }
    this.#draw();
  }

  /** A report read from a file: the result to compare with. */
  async compareWith(report, name) {
    this.#dropped = { summary: await summarize(report), name };
    if (this.#report) await this.#summary();
    this.#draw();
  }

  clear() {
    this.#turn++;
    this.#report = null;
    this.#current = null;
    this.#dropped = null;
    this.#draw();
  }

  /** The page's report summarised, once (kept only if no newer report came meanwhile). */
  async #summary() {
    if (this.#current) return this.#current;
    const report = this.#report;
    const summary = await summarize(report, { rows: this.#rows, savedAt: new Date().toISOString().slice(0, 10) });
    if (report === this.#report) this.#current = summary;
    return summary;
  }

  async #keep(summary) {
    await storage.save(summary);
    await this.#reload();
  }

  async #setRemembering(on) {
    await storage.setRemembering(on);
    this.#remembering = on;
    const summary = on && this.#report ? await this.#summary() : null;
    if (summary?.month) await this.#keep(summary);
    this.#note = '';
    this.#draw();
    this.element.querySelector('[data-action="remember"]')?.focus();
  }

  async #forget() {
    await storage.forget();
    await this.#reload();
    this.#note = C.forgotten;
    this.#draw();
    this.element.querySelector('[data-action="remember"]')?.focus();
  }

  /** What the result shown is compared with: the report dropped, else the latest month remembered before it. */
  #baseline() {
    if (this.#dropped) return { summary: this.#dropped.summary, from: C.fromFile(this.#dropped.name) };
    const month = this.#current?.month;
    const earlier = this.#results.filter((r) => month && r.month < month).at(-1);
    return earlier ? { summary: earlier, from: C.fromSaved(earlier.savedAt ? dayName(earlier.savedAt) : monthName(earlier.month)) } : null;
  }

  #draw() {
    const current = this.#current;
    const month = this.#report ? reportMonth(this.#report) : null;
    const baseline = current ? this.#baseline() : null;
    const changes = baseline ? compare(baseline.summary, current) : [];
    const moved = changes.filter((c) => c.changed);
    const still = changes.filter((c) => !c.changed);
    const remember = h('input', {
      type: 'checkbox',
      id: 'remember',
      'data-action': 'remember',
      checked: this.#remembering,
      'aria-describedby': 'remember-help',
      onchange: () => this.#setRemembering(remember.checked).catch((e) => ((this.#note = String(e?.message ?? e)), this.#draw())),
    });
    const rememberedMonths = this.#results.map((r) => monthName(r.month));
    const hint = !month || baseline ? null : this.#results.some((r) => r.month === month) ? C.sameMonth(monthName(month)) : C.firstTime;
    const parts = [
      h('h3', { id: 'changes-title' }, baseline ? C.since(monthName(baseline.summary.month)) : C.title),
      baseline ? h('p', { class: 'muted', 'data-field': 'compared-with' }, baseline.from) : null,
      moved.length ? h('ul', { class: 'changes-list' }, moved.map(areaChanges)) : null,
      still.length ? h('p', { 'data-field': 'unchanged' }, h('strong', {}, C.noChange), ' ', still.map((c) => c.label).join(', ')) : null,
      hint ? h('p', { class: 'muted', 'data-field': 'hint' }, hint) : null,
      h(
        'div',
        { class: 'remember' },
        h('label', { class: 'inline' }, remember, C.remember),
        this.#results.length ? h('button', { type: 'button', class: 'secondary', 'data-action': 'forget', onclick: () => this.#forget() }, C.forget) : null,
      ),
      h('p', { class: 'muted', id: 'remember-help' }, C.rememberHelp),
      rememberedMonths.length ? h('p', { class: 'muted', 'data-field': 'remembered' }, C.remembered(rememberedMonths)) : null,
      // Polite, not a second role="status": the element's own status line says what was scored.
      h('p', { 'aria-live': 'polite', 'data-field': this.#note ? 'note' : null, class: this.#note ? null : 'visually-hidden' }, this.#note),
    ];
    // replaceChildren would write a null as the text "null".
    this.element.replaceChildren(...parts.filter(Boolean));
  }
}
