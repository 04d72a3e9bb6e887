// <spd-score-calculator>: the whole calculator as one custom element, used
// by the page itself and embeddable in a partner portal. Files are read and
// scored in a Web Worker by the WebAssembly core; nothing leaves the page.
//
// Every text that comes from a file is set with textContent, never as HTML.
//
// Embedding (see embed/index.html):
//   <script type="module" src="/spd/spd-score-calculator.js"></script>
//   <spd-score-calculator track="smb"></spd-score-calculator>
// or, from the npm package, `import 'spd-score/calculator'` (with a bundler).
// The worker, the styles, the core and the samples are found by literal
// `new URL('./…', import.meta.url)`, which bundlers follow.
// Attributes  as-of="YYYY-MM"   month scored (default: latest in the data)
//             track="smb"       track shown first in an area's view (and in the tenant table)
//             routing="hash"    the views are the URL's hash (#/area/security): the
//                               standalone page sets it; embedded, the element keeps
//                               its view itself and never touches the host's URL
//             ruleset-url       a ruleset JSON fetched from the host's origin
//             module-url        folder holding index.js (default: the worker's own ./pkg/index.js)
//             wasm-url          the .wasm itself (default: spd_score_bg.wasm beside index.js)
//             sample-url        folder of the sample files (default: ./samples/)
// Events      spd-score:report  detail = the report: schema 3's summary, every list
//                               counted, not listed (bubbles, composed)
//             spd-score:error   detail = {message}
// Methods     scoreFiles([File | {name, bytes}]) -> Promise<report>; reset(); .report;
//             rows(query) -> Promise<{total, rows}>: one page of a list of the report
//             shown (www/rows.js has the query);
//             show({view, area}) opens a view ('overview', 'area', 'people', 'what-if', 'files')
// Theming     --spd-accent, --spd-accent-text, --spd-bg, --spd-surface, --spd-text,
//             --spd-muted, --spd-border, --spd-track, --spd-good, --spd-warn,
//             --spd-bad, --spd-font, --spd-radius; ::part(container | dropzone |
//             file | nav | overview | area | track | metric | badge | bar | button |
//             tenants | simulator | chart)
//
// The element itself (this file) talks to the worker, keeps the state and
// the route (router.js); each view is its own module:
//   intake.js          drop zone, samples, progress, files read
//   overview.js        the dashboard: the designations as cards by badge group
//   next-steps-all.js  every area's recommendations, the biggest gain first
//   area-view.js       a designation's view, the same for all six; metric-views.js draws
//                      a metric by kind; area-detail*.js its data model's tables;
//                      area-people.js its people; tenants.js the usage model's tenants
//   people-across-areas.js  where each person counts in every area
//   planner.js         the what-if across designations
//   print-summary.js   the overview on one printed page (shown only in print)
//   changes.js         what changed since a result remembered here (IndexedDB) or a report dropped
//   portfolio-view.js  spd-score batch output dropped on the page: partners x designations
//   files-guide.js     which downloads feed which designation, ticked as files are read
//   enter-values.js    "Enter values": typed scorecard figures, saved and loaded as CSV
//   charts.js          score by month and progress per metric, as inline SVG
//   rows.js            rows(query): every list asked of the worker a page at a time
//   format.js          DOM-free formatting (numbers, months, CSV); dom.js: the DOM helpers
//   strings.js, rules.js    the words, and what the page says about the rules

import { areaView } from './area-view.js';
import { ChangesPanel, readReport } from './changes.js';
import { download, failed, h, monthName, tenantsCsv } from './dom.js';
import { enterValues } from './enter-values.js';
import { filesGuide } from './files-guide.js';
import { fileList, intake } from './intake.js';
import { metricChart, scoreChart } from './charts.js';
import { nextStepsAll } from './next-steps-all.js';
import { overview } from './overview.js';
import { peopleAcrossAreas } from './people-across-areas.js';
import { planner } from './planner.js';
import { portfolioView, readPortfolio } from './portfolio-view.js';
import { printSummary } from './print-summary.js';
import { formatRoute, parseRoute, sameRoute } from './router.js';
import { rowsClient } from './rows.js';
import { rulesLine } from './rules.js';
import { METRIC_NAME, NAV_TEXT as N, PORTFOLIO_TEXT } from './strings.js';
import { tenantView } from './tenants.js';

/** The styles, fetched once (literal, so that bundlers emit the file). */
const STYLES_URL = new URL('./calculator.css', import.meta.url);
/** File-less warnings the files guide says instead: a kind of download not loaded at all. */
const GUIDE_SAYS = new Set(['noUsage', 'noSkilling']);
/** The sample files, in www/samples/ (see its README), each named in full so that bundlers emit it. */
const SAMPLE_URLS = {
  'cpor-report-13-months.csv': new URL('./samples/cpor-report-13-months.csv', import.meta.url),
  'skilling-people.csv': new URL('./samples/skilling-people.csv', import.meta.url),
  'rules-2026.csv': new URL('./samples/rules-2026.csv', import.meta.url),
  'training-completions.csv': new URL('./samples/training-completions.csv', import.meta.url),
  'skilling-all-areas.csv': new URL('./samples/skilling-all-areas.csv', import.meta.url),
  'manual-values.csv': new URL('./samples/manual-values.csv', import.meta.url),
  'azure-usage-24-months.csv': new URL('./samples/azure-usage-24-months.csv', import.meta.url),
  'security-m365.csv': new URL('./samples/security-m365.csv', import.meta.url),
  'security-azure.csv': new URL('./samples/security-azure.csv', import.meta.url),
  'bizapps-revenue.csv': new URL('./samples/bizapps-revenue.csv', import.meta.url),
  'bizapps-usage.csv': new URL('./samples/bizapps-usage.csv', import.meta.url),
};
/** The sample sets. */
const SAMPLES = [
  { label: 'Try it with sample data', files: ['cpor-report-13-months.csv', 'skilling-people.csv'] },
  { label: 'Try the 2026 rule changes', files: ['rules-2026.csv', 'training-completions.csv'] },
  { label: 'Try all six designations', files: ['skilling-all-areas.csv', 'manual-values.csv'] },
  {
    label: 'Try the Azure, Security and Business Applications exports',
    files: ['azure-usage-24-months.csv', 'security-m365.csv', 'security-azure.csv', 'bizapps-revenue.csv', 'bizapps-usage.csv', 'skilling-all-areas.csv'],
  },
];

/**
 * The component's styles: one constructable stylesheet shared by every
 * instance, built from calculator.css, so a style-src 'self' policy holds
 * (no inline style) and nothing shows unstyled while it loads.
 */
let styles;
const adoptable = 'adoptedStyleSheets' in ShadowRoot.prototype && 'replaceSync' in CSSStyleSheet.prototype;
function loadStyles() {
  styles ??= fetch(STYLES_URL)
    .then((response) => {
      if (!response.ok) throw new Error(`calculator.css: ${response.status}`);
      return response.text();
    })
    .then((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      return sheet;
    });
  return styles;
}

export class SpdScoreCalculator extends HTMLElement {
  static observedAttributes = ['as-of', 'track'];

  #root = this.attachShadow({ mode: 'open' });
  #worker;
  #ready;
  /** Why the worker cannot answer (it failed to start or stopped), else null. */
  #broken = null;
  #pending = new Map();
  #nextId = 1;
  #report = null;
  /** The ruleset in use, from the worker: the planner's choices and the rules line. */
  #ruleset = null;
  /** Every area's ruleset by id, from the worker: the boxes "Enter values" offers. */
  #rulesets = {};
  /** Values typed in "Enter values" ([{area, track, metric, value}]), scored as `manualValues`. */
  #typed = [];
  /** Per area, whether its "Enter values" form is open. */
  #entering = {};
  #asOf = null;
  /** The options the report shown was made with: the what-if simulates with the same. */
  #options = {};
  /** The what-if planner's plan and whether it is open, kept across refreshes. */
  #planner = { plan: { customers: [], people: [], removeTenants: [] }, open: false };
  /** The view shown ({view, area}): from the URL's hash when routing="hash", else the element's own. */
  #route = { view: 'overview' };
  /** The area last opened: its card in the overview says so, and "Back" returns to it. */
  #lastArea = null;
  #onHash = () => this.#go(parseRoute(location.hash), { fromUrl: true });
  /** rows(query): one page of a list, asked of the worker (www/rows.js). */
  /** Rows questions not answered yet, by their query's text (see #ask). */
  #unanswered = new Map();
  #rows = rowsClient((message, answer) => this.#ask(message, answer));
  /** Per area, its tenants table's choices (search, sort, filters), kept across refreshes. */
  #tenantViews = {};
  /** "What changed": the overview's panel, kept across views and reports. */
  #changes = new ChangesPanel({ rows: (query) => this.#rows(query) });
  /** The anniversary date typed in the history card ('' when not enrolled). */
  #anniversary = '';
  #els = {};

  /** Whether the views are the URL's hash (the standalone page asks with routing="hash"). */
  get #hashRouting() {
    return this.getAttribute('routing') === 'hash';
  }

  connectedCallback() {
    if (this.#hashRouting) {
      this.#route = parseRoute(location.hash);
      window.addEventListener('hashchange', this.#onHash);
    }
    if (this.#els.main) return;
    this.#render();
    this.#ready = this.#start();
    this.#ready.catch((e) => this.#fail(e));
  }

  disconnectedCallback() {
    window.removeEventListener('hashchange', this.#onHash);
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#stopped(new Error('The calculator was removed from the page.'));
    this.#els = {};
    this.#root.replaceChildren();
  }

  attributeChangedCallback(name) {
    if (name === 'as-of' && this.#report) this.#asOf = this.getAttribute('as-of');
    if (this.#report) this.#refresh();
  }

  /** The report shown, or null before any file. */
  get report() {
    return this.#report;
  }

  /** One page of a list of the report shown: rows({list, area, search, sort, offset, limit, …}) -> {total, rows}. */
  async rows(query) {
    await this.#ready;
    return this.#rows(query);
  }

  /** Opens a view: {view: 'overview' | 'area' | 'people' | 'what-if' | 'files', area}. */
  show(route) {
    this.#go(route);
  }

  /** Scores files the host already has: File objects or {name, bytes}. JSON files are batch output or an earlier report. */
  async scoreFiles(files) {
    const list = await this.#takeJson([...files].map((f) => (f instanceof Blob ? f : new File([f.bytes], f.name))));
    // Only JSON: nothing to score.
    if (!list.length) return this.#report;
    await this.#ready;
    this.#progress(0);
    this.#worker.postMessage({ type: 'add', files: list });
    return this.#refresh();
  }

  /** Forgets every file. */
  async reset() {
    await this.#ready;
    this.#worker.postMessage({ type: 'reset' });
    this.#report = null;
    this.#asOf = null;
    this.#lastArea = null;
    this.#typed = [];
    this.#changes.clear();
    // The next files start on the overview.
    this.#route = { view: 'overview' };
    if (this.#hashRouting && location.hash) history.replaceState(null, '', '#/');
    this.#els.results.hidden = true;
    this.#els.main.classList.remove('has-report');
    this.#els.files.replaceChildren();
    this.#showLanding();
    this.#els.clear.hidden = true;
    this.#els.alert.hidden = true;
    this.#els.progressStatus.textContent = 'All files forgotten.';
    this.#els.drop.focus();
  }

  /**
   * Takes the JSON files out of `files`: `spd-score batch` output opens the
   * portfolio, a report downloaded earlier is compared with (changes.js);
   * anything else is said to be of no known kind. Returns the others.
   */
  async #takeJson(files) {
    const rest = [];
    for (const file of files) {
      if (!/\.(json|jsonl|ndjson)$/i.test(file.name)) {
        rest.push(file);
        continue;
      }
      const text = await file.text();
      const rows = readPortfolio(text);
      const report = rows ? null : readReport(text);
      if (rows) await this.#showPortfolio(file.name, rows).catch((e) => this.#fail(e));
      // A report downloaded earlier: what changed since.
      else if (report) await this.#changes.compareWith(report, file.name).catch((e) => this.#fail(e));
      else this.#fail(new Error(PORTFOLIO_TEXT.notPortfolio(file.name)));
    }
    return rest;
  }

  /** A portfolio (batch rows) above the results, in the core's order with the core's summary. */
  async #showPortfolio(name, dropped) {
    await this.#ready;
    const { rows, summary } = await this.#ask({ type: 'portfolio', rows: dropped }, 'portfolio');
    const slot = this.#els.portfolio;
    const close = () => {
      slot.replaceChildren();
      slot.hidden = true;
      this.#showLanding();
      this.#els.drop.focus();
    };
    slot.replaceChildren(portfolioView({ name, rows, summary, rulesets: this.#rulesets, onClose: close }));
    slot.hidden = false;
    this.#els.alert.hidden = true;
    this.#showLanding();
    slot.querySelector('h2')?.focus();
  }

  async #start() {
    this.#broken = null;
    // Host-set URLs resolve against the host page; without them the worker
    // imports the core next to itself.
    const pkg = this.hasAttribute('module-url') ? new URL(this.getAttribute('module-url'), document.baseURI).href : undefined;
    const wasm = this.hasAttribute('wasm-url') ? new URL(this.getAttribute('wasm-url'), document.baseURI).href : undefined;
    let ruleset;
    const rulesetUrl = this.getAttribute('ruleset-url');
    if (rulesetUrl) {
      const response = await fetch(new URL(rulesetUrl, document.baseURI));
      if (!response.ok) throw new Error(`The ruleset at ${rulesetUrl} could not be loaded (${response.status}).`);
      ruleset = await response.json();
    }
    // Written out in full, as bundlers (webpack, Vite) recognise a worker.
    this.#worker = new Worker(new URL('./score-worker.js', import.meta.url), { type: 'module' });
    this.#worker.onmessage = ({ data }) => this.#onMessage(data);
    let started = false;
    this.#worker.onerror = (e) => {
      e.preventDefault?.();
      const why = e.message || 'score-worker.js or a module it imports could not be loaded';
      const error = new Error(started ? `The scoring worker stopped: ${why}.` : `The scoring worker could not start: ${why}.`);
      // Pending answers reject (and show the error); with none, show it here.
      if (!this.#stopped(error)) this.#fail(error);
    };
    const ready = await this.#ask({ type: 'init', pkg, wasm, ruleset }, 'ready');
    started = true;
    this.#ruleset = ready.ruleset ?? ruleset ?? null;
    this.#rulesets = Object.fromEntries((ready.rulesets ?? []).map((r) => [r.id, r]));
    this.#els.rules.textContent = rulesLine(this.#ruleset);
    this.#showLanding();
  }

  #ask(message, answer) {
    // The worker answers in turn. A rows question asked again before its
    // answer came (a view drawn again when the report with the history
    // arrives) shares that answer instead of queueing a second pass; any
    // other question may change what rows answer, so it ends the sharing.
    const key = message.type === 'rows' ? JSON.stringify(message.query) : null;
    if (!key) this.#unanswered.clear();
    const asked = key && this.#unanswered.get(key);
    if (asked) return asked;
    const id = this.#nextId++;
    const answered = new Promise((resolve, reject) => {
      if (this.#broken || !this.#worker) return reject(this.#broken ?? new Error('The calculator is not on the page.'));
      this.#pending.set(id, { resolve, reject, answer });
      this.#worker.postMessage({ ...message, id });
    });
    if (key) {
      this.#unanswered.set(key, answered);
      const settled = () => this.#unanswered.get(key) === answered && this.#unanswered.delete(key);
      answered.then(settled, settled);
    }
    return answered;
  }

  /** The worker is gone: every pending and later question fails with `error`. Were any pending? */
  #stopped(error) {
    this.#broken = error;
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const p of pending) p.reject(error);
    return pending.length > 0;
  }

  #onMessage(data) {
    if (data.type === 'progress') return this.#progress(data.loaded / Math.max(1, data.total), data.file);
    if (data.type === 'ready') {
      for (const [id, p] of this.#pending) if (p.answer === 'ready') (this.#pending.delete(id), p.resolve(data));
      return;
    }
    const pending = this.#pending.get(data.id);
    if (!pending) return;
    this.#pending.delete(data.id);
    if (data.type === 'error') pending.reject(new Error(data.message));
    else pending.resolve(data);
  }

  #fail(error) {
    // Removed from the page meanwhile: nothing to show (callers were told).
    if (!this.#els.alert) return;
    this.#progress(null);
    const message = error?.message ?? String(error);
    this.#els.alert.textContent = message;
    this.#els.alert.hidden = false;
    this.dispatchEvent(new CustomEvent('spd-score:error', { detail: { message }, bubbles: true, composed: true }));
  }

  #progress(fraction, file) {
    const { progress, progressLabel } = this.#els;
    if (!progress) return;
    progress.parentElement.hidden = fraction === null;
    if (fraction === null) return;
    progress.value = fraction;
    progressLabel.textContent = !file ? 'Reading…' : fraction < 1 ? `Reading ${file}: ${Math.round(fraction * 100)}%` : 'Scoring…';
    // Screen readers hear the phase, not every percent.
    const phase = !file ? 'Reading…' : fraction < 1 ? `Reading ${file}…` : 'Scoring…';
    if (this.#els.progressStatus.textContent !== phase) this.#els.progressStatus.textContent = phase;
  }

  async #refresh() {
    try {
      const today = new Date();
      const anniversary = this.#anniversary || undefined;
      const options = {
        asOf: this.#asOf ?? this.getAttribute('as-of') ?? undefined,
        history: true,
        today: today.toISOString().slice(0, 10),
        anniversary,
        manualValues: this.#typed.length ? this.#typed : undefined,
      };
      // The totals first: the report without the history and window (a
      // scoring pass per month of data) is shown at once, then the whole one.
      const first = await this.#ask({ type: 'report', options: { ...options, history: false, today: undefined } }, 'report');
      this.#progress(null);
      this.#report = first.report;
      this.#options = options;
      this.#els.alert.hidden = true;
      this.#show(first.report);
      const { report } = await this.#ask({ type: 'report', options }, 'report');
      this.#report = report;
      this.#show(report);
      this.#changes.update(report).catch(() => {});
      // One status per question: each area's own, as the overview shows it.
      const rows = (report.overview ?? []).filter((r) => r.status !== 'not_scored');
      this.#els.progressStatus.textContent = N.scored(rows.length, rows.filter((r) => r.status === 'qualified').map((r) => r.label));
      this.dispatchEvent(new CustomEvent('spd-score:report', { detail: report, bubbles: true, composed: true }));
      return report;
    } catch (e) {
      this.#fail(e);
      throw e;
    }
  }

  // ---- layout -------------------------------------------------------------

  #render() {
    const parts = intake({
      samples: SAMPLES,
      onFiles: (files) => this.scoreFiles(files),
      onSample: (names) => this.#loadSample(names),
      onReset: () => this.reset(),
    });
    // Before any file: the guide to the downloads, under the drop zone.
    const landing = h('div', { class: 'landing' });
    // A portfolio dropped (batch output): above any report.
    const portfolio = h('div', { class: 'portfolio-slot', hidden: true });
    const nav = h('nav', { class: 'views', part: 'nav', 'aria-label': N.label });
    const toolbar = h('div', { class: 'toolbar', 'data-field': 'toolbar' });
    const view = h('div', { class: 'view', id: 'view' });
    const results = h('div', { class: 'results', hidden: true }, nav, toolbar, view);
    const hasFiles = (e) => e.dataTransfer?.types.includes('Files');
    const main = h(
      'div',
      {
        class: 'calculator',
        part: 'container',
        ondragover: (e) => hasFiles(e) && e.preventDefault(),
        ondrop: (e) => {
          if (!hasFiles(e)) return;
          e.preventDefault();
          if (e.dataTransfer.files.length) this.scoreFiles(e.dataTransfer.files);
        },
      },
      parts.section,
      portfolio,
      landing,
      results,
    );
    // A view's question (rows(), a download) that failed shows like any other error.
    main.addEventListener('spd-score:failed', (e) => this.#fail(e.detail));
    this.#root.replaceChildren(main);
    const link = () => this.#root.prepend(h('link', { rel: 'stylesheet', href: STYLES_URL.href }));
    if (adoptable) {
      main.hidden = true;
      loadStyles()
        .then((sheet) => (this.#root.adoptedStyleSheets = [sheet]), link)
        .finally(() => (main.hidden = false));
    } else link();
    const { section, ...els } = parts;
    Object.assign(this.#els, els, { main, results, landing, portfolio, nav, toolbar, view });
  }

  /** The guide under the drop zone while no file is loaded. */
  #showLanding() {
    const { landing } = this.#els;
    if (!landing) return;
    landing.hidden = Boolean(this.#report) || this.#els.portfolio?.hidden === false;
    landing.replaceChildren(this.#report ? '' : filesGuide(null, { rulesets: this.#rulesets }));
  }

  /** A sample set replaces the files loaded, so that it shows as it is. */
  async #loadSample(names) {
    const base = this.hasAttribute('sample-url') ? new URL(this.getAttribute('sample-url'), document.baseURI) : null;
    const files = await Promise.all(
      names.map(async (name) => {
        const response = await fetch(base ? new URL(name, base) : SAMPLE_URLS[name]);
        if (!response.ok) throw new Error(`The sample ${name} could not be loaded (${response.status}).`);
        return new File([await response.arrayBuffer()], name, { type: 'text/csv' });
      }),
    ).catch((e) => this.#fail(e));
    if (!files) return;
    await this.#ready;
    this.#worker.postMessage({ type: 'reset' });
    this.#asOf = null;
    this.#lastArea = null;
    this.#typed = [];
    // scoreFiles shows its own errors.
    await this.scoreFiles(files).catch(() => {});
  }

  /**
   * The element that opens `route`: on the standalone page a link to its
   * hash (the browser's history keeps it), embedded a button.
   */
  #link(route, attributes, ...children) {
    if (this.#hashRouting) return h('a', { ...attributes, href: formatRoute(route) }, ...children);
    return h('button', { type: 'button', ...attributes, class: `link ${attributes.class ?? ''}`.trim(), onclick: () => this.#go(route) }, ...children);
  }

  /** Opens `route`; the keyboard moves to its heading. `fromUrl`: the hash changed (a link, back or forward). */
  #go(route, { fromUrl = false } = {}) {
    const previous = this.#route;
    if (this.#hashRouting && !fromUrl && formatRoute(route) !== (location.hash || '#/')) {
      // The hashchange that follows draws it.
      location.hash = formatRoute(route);
      return;
    }
    this.#route = route;
    if (!this.#report) return;
    this.#showView();
    if (sameRoute(previous, route) && fromUrl) return;
    // Back to the overview: to the card of the area left; elsewhere: the view's heading.
    const card = route.view === 'overview' && previous.view === 'area' ? this.#els.view.querySelector(`[data-area="${previous.area}"] [data-field="open-area"]`) : null;
    (card ?? this.#els.view.querySelector('h2[tabindex="-1"]'))?.focus();
  }

  #show(report) {
    fileList(this.#els.files, report);
    this.#els.clear.hidden = !report.files.length;
    this.#els.results.hidden = false;
    this.#els.main.classList.add('has-report');
    this.#showLanding();
    this.#toolbar(report);
    this.#showView();
  }

  /** The bar of views: the overview, each designation, people, the what-if and the files guide. */
  #nav(report) {
    const route = this.#route;
    const item = (target, label, extra = {}) =>
      h('li', {}, this.#link(target, { class: 'nav-link', 'aria-current': sameRoute(route, target) ? 'page' : undefined, 'data-route': formatRoute(target), ...extra }, label));
    const unread = report.files.filter((f) => f.kind === 'unknown' || report.errors.some((e) => e.file === f.name && e.kind === 'unscoredDownload')).length;
    this.#els.nav.replaceChildren(
      h(
        'ul',
        {},
        item({ view: 'overview' }, N.overview),
        (report.overview ?? []).map((row) => item({ view: 'area', area: row.area }, row.label, { 'data-area': row.area })),
        item({ view: 'people' }, N.people),
        item({ view: 'what-if' }, N.whatIf),
        item({ view: 'files' }, N.files, { title: N.filesRead(report.files.length, unread) }),
      ),
    );
  }

  /** The month scored, the anniversary and the downloads: for every view. */
  #toolbar(report) {
    const areas = Object.values(report.areas ?? {});
    // The months any area's data covers; the month scored is the latest as-of (an area without its data has none).
    const months = [...new Set(areas.flatMap((a) => a.months ?? []))].sort();
    const asOf = areas.map((a) => a.asOf).filter(Boolean).sort().at(-1);
    const baselines = [...new Set(areas.filter((a) => a.asOf === asOf).map((a) => a.baseline).filter(Boolean))];
    const select = h(
      'select',
      { id: 'as-of', onchange: () => ((this.#asOf = select.value), this.#refresh()) },
      months.map((m) => h('option', { value: m, selected: m === asOf }, monthName(m))),
    );
    const anniversary = h('input', {
      type: 'date',
      id: 'anniversary',
      value: this.#anniversary ?? '',
      onchange: () => ((this.#anniversary = anniversary.value), this.#refresh()),
    });
    // A download not loaded at all is the files guide's to say, per designation and metric (not a line on every view about one model).
    const general = report.warnings.filter((w) => !w.file && !GUIDE_SAYS.has(w.kind));
    // The tenants of the areas whose model lists usage tenants, as CSV.
    const usage = Object.entries(report.areas ?? {}).find(([, a]) => a.detail?.model === 'usage' && a.lists?.tenants);
    const button = (label, onclick) => h('button', { type: 'button', class: 'secondary', part: 'button', onclick }, label);
    this.#els.toolbar.replaceChildren(
      months.length
        ? h('label', { class: 'inline' }, `${N.asOf} `, select, baselines.length === 1 ? h('span', { class: 'muted' }, ` ${N.comparedWith(monthName(baselines[0]))}`) : null)
        : '',
      h('label', { class: 'inline' }, `${N.anniversary} `, anniversary),
      h(
        'span',
        { class: 'downloads' },
        button(N.downloadReport, (e) => this.#downloadReport().catch((error) => failed(e.target, error))),
        usage ? button(N.downloadTenants, (e) => this.#downloadTenants(usage[0]).catch((error) => failed(e.target, error))) : null,
        button(N.print, () => window.print()),
      ),
      general.length ? h('ul', { class: 'notes' }, general.map((w) => h('li', { class: 'warning' }, w.message))) : '',
    );
  }

  /** The report with every list inline (detail "full"), as JSON. */
  async #downloadReport() {
    const { report } = await this.#ask({ type: 'report', options: { ...this.#options, detail: 'full' } }, 'report');
    download('spd-score-report.json', 'application/json', JSON.stringify(report, null, 2));
  }

  /** Every tenant of area `id` (its usage model's), as CSV. */
  async #downloadTenants(id) {
    const { rows } = await this.#rows({ list: 'tenants', area: id });
    download('spd-score-tenants.csv', 'text/csv', tenantsCsv(this.#report.areas[id].tracks, rows));
  }

  /** Draws the view of the current route (an area the report lacks: the overview). */
  #showView() {
    const report = this.#report;
    if (!report) return;
    if (this.#route.view === 'area' && !report.areas?.[this.#route.area]) this.#route = { view: 'overview' };
    const route = this.#route;
    if (route.view === 'area') this.#lastArea = route.area;
    this.#nav(report);
    const link = (target, attributes, ...children) => this.#link(target, attributes, ...children);
    const { view } = this.#els;
    view.dataset.route = formatRoute(route);
    switch (route.view) {
      case 'area':
        view.replaceChildren(this.#areaView(report, route.area));
        break;
      case 'people':
        view.replaceChildren(peopleAcrossAreas(report, { rows: this.#rows }));
        break;
      case 'what-if':
        view.replaceChildren(
          planner(report, { options: this.#options, ruleset: this.#ruleset, state: this.#planner, ask: (message, answer) => this.#ask(message, answer), fail: (e) => this.#fail(e), metricLabel: METRIC_NAME }),
        );
        break;
      case 'files':
        view.replaceChildren(filesGuide(report, { rulesets: this.#rulesets, files: this.#els.files }));
        break;
      default:
        view.replaceChildren(overview(report, { link, current: this.#lastArea }), printSummary(report), this.#changes.element, nextStepsAll(report, { link }) ?? '');
    }
  }

  /** A designation's view: the same for every area. */
  #areaView(report, id) {
    const first = this.getAttribute('track');
    return areaView(report, id, {
      back: this.#link({ view: 'overview' }, { class: 'secondary', part: 'button', 'data-action': 'back' }, N.back),
      enterValues: this.#enterValues(report, id),
      charts: this.#charts(report, id),
      rows: this.#rows,
      tenantView: (this.#tenantViews[id] ??= tenantView()),
      ruleset: this.#rulesets[id] ?? (this.#ruleset?.id === id ? this.#ruleset : null),
      firstTrack: first,
    });
  }

  /** An area's score by month and its deciding track's points by metric. */
  #charts(report, id) {
    const area = report.areas?.[id];
    if (!area || area.status === 'not_scored') return null;
    const track = area.tracks?.[area.track];
    return h(
      'div',
      { class: 'area-charts' },
      scoreChart({ months: area.history ?? null, window: area.window ?? null, qualifyAt: this.#rulesets[id]?.qualification?.minTotal ?? 70, label: area.label }),
      metricChart(track, { label: track?.label ?? area.track }),
    );
  }

  /** The "Enter values" block of an area; applying rescores with its rows in place of its earlier ones. */
  #enterValues(report, id) {
    const state = (this.#entering[id] ??= { open: false });
    return enterValues(report, id, {
      ruleset: this.#rulesets[id] ?? (this.#ruleset?.id === id ? this.#ruleset : null),
      typed: this.#typed,
      state,
      onApply: async (rows) => {
        this.#typed = [...this.#typed.filter((v) => v.area !== id), ...rows];
        await this.#refresh().catch(() => {});
        // The form was drawn again: the keyboard goes back to it.
        this.#root.querySelector(`[data-enter="${id}"] [data-action="apply-values"]`)?.focus();
      },
    });
  }
}

if (!customElements.get('spd-score-calculator')) customElements.define('spd-score-calculator', SpdScoreCalculator);
