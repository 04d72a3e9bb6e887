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
//             track="smb"       track shown first (and in the tenant table)
//             ruleset-url       a ruleset JSON fetched from the host's origin
//             module-url        folder holding index.js (default: the worker's own ./pkg/index.js)
//             wasm-url          the .wasm itself (default: spd_score_bg.wasm beside index.js)
//             sample-url        folder of the sample files (default: ./samples/)
// Events      spd-score:report  detail = the report (bubbles, composed)
//             spd-score:error   detail = {message}
// Methods     scoreFiles([File | {name, bytes}]) -> Promise<report>; reset(); .report
// Theming     --spd-accent, --spd-accent-text, --spd-bg, --spd-surface, --spd-text,
//             --spd-muted, --spd-border, --spd-track, --spd-good, --spd-warn,
//             --spd-bad, --spd-font, --spd-radius; ::part(container | dropzone |
//             file | overview | area | summary | track | metric | badge | bar | button |
//             tenants | simulator)
//
// After scoring, the Solutions Partner overview (overview.js) lists the six
// designations; each row opens its area: Modern Work's own detailed view
// below, or the view of any other area built from the report (area-view.js).

import { areaView, countsElsewhere } from './area-view.js';
import { badge, bar, h, metricPoints, number, percent, plural, signed, totalPoints } from './dom.js';
import { overview } from './overview.js';
import { CERTIFICATION_STATUS, certificationGroups, certificationLabel, rulesLine, tenantNotes, workloadChoices } from './rules.js';
import { AREA_TEXT, STATUS } from './strings.js';

/** The styles, fetched once (literal, so that bundlers emit the file). */
const STYLES_URL = new URL('./calculator.css', import.meta.url);
/** The area with the detailed view below (the rest of this file). */
const MODERN_WORK = 'modern-work';
const CATEGORIES = [
  ['Performance', [['netCustomerAdds', 'Net customer adds', ['net customer add', 'net customer adds']]]],
  [
    'Skilling',
    [
      ['intermediateCertifications', 'Intermediate certifications', ['person', 'people']],
      ['advancedCertifications', 'Advanced certifications', ['person', 'people']],
    ],
  ],
  [
    'Customer success',
    [
      ['usageGrowth', 'Usage growth', ['MAU growth', 'MAU growth']],
      ['deployments', 'Deployments', ['net deployment', 'net deployments']],
    ],
  ],
];
const METRIC_LABEL = Object.fromEntries(CATEGORIES.flatMap(([, ms]) => ms.map(([id, label]) => [id, label])));
/** The planner's workloads ticked at first, when the ruleset has them (else its first). */
const USUAL_WORKLOADS = ['Exchange Online', 'SharePoint Online', 'Teams'];
/** The sample files, in www/samples/ (see its README), each named in full so that bundlers emit it. */
const SAMPLE_URLS = {
  'cpor-report-13-months.csv': new URL('./samples/cpor-report-13-months.csv', import.meta.url),
  'skilling-people.csv': new URL('./samples/skilling-people.csv', import.meta.url),
  'rules-2026.csv': new URL('./samples/rules-2026.csv', import.meta.url),
  'training-completions.csv': new URL('./samples/training-completions.csv', import.meta.url),
  'skilling-all-areas.csv': new URL('./samples/skilling-all-areas.csv', import.meta.url),
  'manual-values.csv': new URL('./samples/manual-values.csv', import.meta.url),
};
/** The sample sets. */
const SAMPLES = [
  { label: 'Try it with sample data', files: ['cpor-report-13-months.csv', 'skilling-people.csv'] },
  { label: 'Try the 2026 rule changes', files: ['rules-2026.csv', 'training-completions.csv'] },
  { label: 'Try all six designations', files: ['skilling-all-areas.csv', 'manual-values.csv'] },
];
const PAGE_SIZE = 100;
/** Tenants the worker sends; beyond, the table says how many more there are. */
const TENANT_LIMIT = 5000;

/** A CSV cell a spreadsheet will never run as a formula. */
function csvCell(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

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
  #asOf = null;
  #plan = { customers: [], people: [], removeTenants: [] };
  #simulatorOpen = false;
  /** The area whose view is shown under the overview (null: chosen on the next report). */
  #area = null;
  #tenantView = { track: null, search: '', filter: 'all', association: 'all', sort: 'contribution', descending: true, shown: PAGE_SIZE };
  #els = {};

  connectedCallback() {
    if (this.#els.main) return;
    this.#render();
    this.#ready = this.#start();
    this.#ready.catch((e) => this.#fail(e));
  }

  disconnectedCallback() {
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

  /** Scores files the host already has: File objects or {name, bytes}. */
  async scoreFiles(files) {
    const list = [...files].map((f) => (f instanceof Blob ? f : new File([f.bytes], f.name)));
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
    this.#area = null;
    this.#els.results.hidden = true;
    this.#els.files.replaceChildren();
    this.#els.clear.hidden = true;
    this.#els.alert.hidden = true;
    this.#els.progressStatus.textContent = 'All files forgotten.';
    this.#els.drop.focus();
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
    this.#els.rules.textContent = rulesLine(this.#ruleset);
  }

  #ask(message, answer) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      if (this.#broken || !this.#worker) return reject(this.#broken ?? new Error('The calculator is not on the page.'));
      this.#pending.set(id, { resolve, reject, answer });
      this.#worker.postMessage({ ...message, id });
    });
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
      const anniversary = this.#els.anniversary?.value || undefined;
      const options = {
        asOf: this.#asOf ?? this.getAttribute('as-of') ?? undefined,
        history: true,
        today: today.toISOString().slice(0, 10),
        anniversary,
        tenantLimit: TENANT_LIMIT,
      };
      const { report } = await this.#ask({ type: 'report', options }, 'report');
      this.#progress(null);
      this.#report = report;
      this.#asOf = report.asOf;
      this.#els.alert.hidden = true;
      this.#show(report);
      const best = report.bestTrack ? report.tracks[report.bestTrack] : null;
      // Modern Work's outcome, or, when only other areas were scored, the overview's.
      const modernWorkScored = report.areas?.[MODERN_WORK]?.status !== 'not_scored';
      this.#els.progressStatus.textContent = !modernWorkScored && report.microsoftCloud
        ? `Scored: ${report.microsoftCloud.message}`
        : best
          ? `Scored: ${STATUS[report.status]}, best track ${best.label} with ${totalPoints(best.total)} of 100 points.`
          : `Scored: ${STATUS[report.status] ?? report.status}.`;
      this.dispatchEvent(new CustomEvent('spd-score:report', { detail: report, bubbles: true, composed: true }));
      return report;
    } catch (e) {
      this.#fail(e);
      throw e;
    }
  }

  // ---- layout -------------------------------------------------------------

  #render() {
    const input = h('input', {
      type: 'file',
      multiple: true,
      accept: '.csv,.txt,.tsv,text/csv',
      class: 'visually-hidden',
      id: 'file-input',
      tabindex: '-1',
      'aria-hidden': 'true',
      onchange: () => {
        if (input.files.length) this.scoreFiles(input.files);
        input.value = '';
      },
    });
    const drop = h(
      'div',
      {
        class: 'drop',
        part: 'dropzone',
        role: 'button',
        tabindex: '0',
        'aria-describedby': 'drop-help',
        onclick: () => input.click(),
        onkeydown: (e) => {
          if (e.key === 'Enter' || e.key === ' ') (e.preventDefault(), input.click());
        },
        // Files dropped anywhere on the calculator are taken (see main below).
        ondragover: () => drop.classList.add('over'),
        ondragleave: () => drop.classList.remove('over'),
        ondrop: () => drop.classList.remove('over'),
      },
      h('strong', {}, 'Drop your Partner Center exports here'),
      h(
        'span',
        { id: 'drop-help' },
        'or press Enter to choose files: usage (contribution) exports, skilling lists and values typed from Partner Center (columns Area, Track, Metric, Value), CSV in any delimiter or encoding. Files added later join the score.',
      ),
    );
    const samples = SAMPLES.map(({ label, files }) => h('button', { type: 'button', class: 'secondary', part: 'button', onclick: () => this.#loadSample(files) }, label));
    const clear = h('button', { type: 'button', class: 'secondary', part: 'button', hidden: true, onclick: () => this.reset() }, 'Start over');
    const progress = h('progress', { max: '1', value: '0', 'aria-labelledby': 'progress-label' });
    const progressLabel = h('span', { id: 'progress-label' }, 'Reading…');
    const progressStatus = h('span', { class: 'visually-hidden', role: 'status' });
    const alert = h('p', { class: 'alert', role: 'alert', hidden: true });
    const rules = h('p', { class: 'rules', 'data-field': 'rules' });
    const files = h('ul', { class: 'files', 'aria-label': 'Files' });
    const results = h('div', { class: 'results', hidden: true });
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
      h(
        'section',
        { class: 'intake', 'aria-label': 'Your files' },
        drop,
        input,
        h('div', { class: 'intake-actions' }, samples, clear, h('span', { class: 'privacy' }, 'Files are read on this computer and never uploaded.')),
        rules,
        h('div', { class: 'progress', hidden: true }, progress, progressLabel),
        progressStatus,
        alert,
        files,
      ),
      results,
    );
    this.#root.replaceChildren(main);
    const link = () => this.#root.prepend(h('link', { rel: 'stylesheet', href: STYLES_URL.href }));
    if (adoptable) {
      main.hidden = true;
      loadStyles()
        .then((sheet) => (this.#root.adoptedStyleSheets = [sheet]), link)
        .finally(() => (main.hidden = false));
    } else link();
    Object.assign(this.#els, { main, input, drop, clear, progress, progressLabel, progressStatus, alert, files, results, rules });
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
    this.#area = null;
    // scoreFiles shows its own errors.
    await this.scoreFiles(files).catch(() => {});
  }

  #show(report) {
    this.#showFiles(report);
    this.#els.clear.hidden = !report.files.length;
    const { results } = this.#els;
    results.hidden = false;
    const tracks = Object.entries(report.tracks);
    const first = this.getAttribute('track');
    if (first && report.tracks[first]) tracks.sort(([a]) => (a === first ? -1 : 1));
    const areas = report.areas ?? {};
    if (!this.#area || !areas[this.#area]) this.#area = this.#defaultArea(report);
    // The overview, then the view of the area chosen in it: another area's, or Modern Work's below.
    const overviewSlot = h('div', { class: 'overview-slot' });
    const areaSlot = h('div', { class: 'area-slot' });
    const modernWork = h('div', { class: 'modern-work-view', 'data-area': MODERN_WORK });
    this.#els.overviewSlot = overviewSlot;
    this.#els.areaSlot = areaSlot;
    this.#els.modernWork = modernWork;
    results.replaceChildren(report.overview?.length ? overviewSlot : null, h('div', { id: 'area-view', class: 'area-pane' }, areaSlot, modernWork));
    modernWork.replaceChildren(
      this.#summary(report),
      h('div', { class: 'tracks' }, tracks.map(([id, track]) => this.#track(id, track, report))),
      this.#nextSteps(report),
      this.#simulator(report),
      this.#history(report),
      this.#tenants(report),
      this.#people(report),
      this.#assumptions(report),
    );
    this.#showArea();
  }

  /** Modern Work, unless only other areas were scored: then the first of them. */
  #defaultArea(report) {
    const areas = report.areas ?? {};
    if (!areas[MODERN_WORK] || areas[MODERN_WORK].status !== 'not_scored') return MODERN_WORK;
    return (report.overview ?? []).find((row) => row.status !== 'not_scored')?.area ?? MODERN_WORK;
  }

  /** Opens an area from the overview; `focus` moves the keyboard to its heading. */
  #selectArea(id, focus = true) {
    if (!this.#report?.areas?.[id]) return;
    this.#area = id;
    this.#showArea();
    if (!focus) return;
    const heading = id === MODERN_WORK ? this.#els.modernWork.querySelector('#summary-title') : this.#els.areaSlot.querySelector('#area-title');
    heading?.focus();
  }

  #showArea() {
    const report = this.#report;
    const { overviewSlot, areaSlot, modernWork } = this.#els;
    if (!report || !areaSlot) return;
    const id = this.#area;
    const other = id !== MODERN_WORK && report.areas?.[id];
    overviewSlot.replaceChildren(overview(report, { selected: id, controls: 'area-view', onSelect: (area) => this.#selectArea(area) }));
    areaSlot.replaceChildren(
      other
        ? areaView(report, id, {
            onBack: () => this.#els.overviewSlot.querySelector(`tr[data-area="${id}"] [data-field="open-area"]`)?.focus(),
          })
        : '',
    );
    areaSlot.hidden = !other;
    modernWork.hidden = Boolean(other);
  }

  #showFiles(report) {
    const warningsFor = (name) => report.warnings.filter((w) => w.file === name);
    const errorsFor = (name) => report.errors.filter((e) => e.file === name);
    const kinds = { usage: 'Usage export', skilling: 'Skilling list', manual: 'Typed values', unknown: 'Not recognised' };
    this.#els.files.replaceChildren(
      ...report.files.map((f) => {
        const errors = errorsFor(f.name);
        const warnings = warningsFor(f.name);
        const months = f.months.length ? `${f.months[0]} to ${f.months.at(-1)}` : 'no months';
        const details = [...errors.map((e) => this.#errorLine(e)), ...warnings.map((w) => h('li', { class: 'warning' }, w.message))];
        return h(
          'li',
          { class: `file ${f.kind}`, part: 'file' },
          h('span', { class: 'file-name' }, f.name),
          h('span', { class: 'file-kind' }, kinds[f.kind] ?? f.kind),
          h('span', {}, [`${number(f.rows)} rows read`, `${number(f.skippedRows)} skipped`, f.duplicateRows ? `${number(f.duplicateRows)} duplicates counted once` : null, f.kind === 'usage' ? months : null].filter(Boolean).join(', ')),
          details.length
            ? h(
                'details',
                // A file that was not recognised opens on why.
                { open: f.kind === 'unknown' },
                h('summary', { class: errors.length ? 'has-errors' : 'has-warnings' }, [errors.length ? plural(errors.length, 'error', 'errors') : null, warnings.length ? plural(warnings.length, 'warning', 'warnings') : null].filter(Boolean).join(', ')),
                h('ul', { class: 'issues' }, details),
              )
            : null,
        );
      }),
    );
  }

  #errorLine(e) {
    const where = [e.line !== null ? `line ${e.line}` : null, e.column ? `column ${e.column}` : null].filter(Boolean).join(', ');
    return h(
      'li',
      { class: 'error' },
      where ? h('strong', {}, `${where}: `) : null,
      e.value !== null && e.value !== '' ? h('code', {}, e.value) : null,
      e.value !== null && e.value !== '' ? ' ' : null,
      e.message,
    );
  }

  #summary(report) {
    const best = report.bestTrack ? report.tracks[report.bestTrack] : null;
    const select = h(
      'select',
      {
        id: 'as-of',
        onchange: () => {
          this.#asOf = select.value;
          this.#refresh();
        },
      },
      report.months.map((m) => h('option', { value: m, selected: m === report.asOf }, m)),
    );
    const general = report.warnings.filter((w) => !w.file);
    return h(
      'section',
      { class: 'summary card', part: 'summary', 'aria-label': 'Summary' },
      h(
        'div',
        { class: 'headline' },
        h('h2', { id: 'summary-title', tabindex: '-1' }, report.ruleset?.name ?? 'Solutions Partner for Modern Work'),
        h('span', { class: 'area-status', 'data-field': 'area-status' }, badge(report.status)),
      ),
      h(
        'p',
        {},
        best ? `Best track: ${best.label}, ${totalPoints(best.total)} of 100 points. ` : 'No points yet. ',
        `Qualifying takes ${this.#ruleset?.qualification?.minTotal ?? 70} points with every metric above zero.`,
      ),
      report.months.length
        ? h('label', { class: 'inline' }, 'Score as of ', select, report.baseline ? ` compared with ${report.baseline}` : '')
        : null,
      general.length ? h('ul', { class: 'notes' }, general.map((w) => h('li', { class: 'warning' }, w.message))) : null,
      h(
        'div',
        { class: 'downloads' },
        h('button', { type: 'button', class: 'secondary', part: 'button', onclick: () => download('spd-score-report.json', 'application/json', JSON.stringify(this.#report, null, 2)) }, 'Download report (JSON)'),
        h('button', { type: 'button', class: 'secondary', part: 'button', onclick: () => this.#downloadTenants() }, 'Download tenants (CSV)'),
        h('button', { type: 'button', class: 'secondary', part: 'button', onclick: () => window.print() }, 'Print'),
      ),
    );
  }

  #track(id, track, report) {
    const exact = `Exact total ${track.total}`;
    return h(
      'section',
      { class: 'track card', 'data-track': id, part: 'track', 'aria-labelledby': `track-${id}` },
      h(
        'header',
        {},
        h('h3', { id: `track-${id}` }, track.label),
        badge(track.status),
        h('p', { class: 'total' }, h('span', { 'data-field': 'total', title: exact, 'data-exact': track.total }, totalPoints(track.total)), h('span', { class: 'of' }, ' / 100')),
        bar(track.total / 100, `${track.label}: ${totalPoints(track.total)} of 100 points`),
        track.complete ? null : h('p', { class: 'note' }, `Incomplete: the baseline month ${report.baseline} is missing, so customer metrics are unknown.`),
      ),
      CATEGORIES.map(([category, metrics]) =>
        h('div', { class: 'category' }, h('h4', {}, category), metrics.map(([metricId, label, unit]) => this.#metric(metricId, label, unit, track.metrics[metricId]))),
      ),
    );
  }

  #metric(id, label, unit, m) {
    const known = m.points !== null;
    const options = m.options
      ? h(
          'ul',
          { class: 'options' },
          Object.entries(m.options).map(([option, o]) =>
            h(
              'li',
              { class: option === m.bestOption ? 'counts' : '' },
              h('span', { class: 'option-name' }, option),
              bar(known && o.points !== null ? o.points / m.max : 0, `${option}: ${metricPoints(o.points)} of ${m.max}`),
              h('span', { class: 'option-value', title: `${option}: ${signed(o.value)} ${unit[1]}, ${number(o.threshold)} for full points` }, `${number(o.value)} of ${number(o.threshold)}`),
              option === m.bestOption ? h('span', { class: 'tag' }, 'counts') : null,
            ),
          ),
        )
      : null;
    return h(
      'article',
      { class: `metric ${known && m.points === 0 ? 'zero' : ''}`, 'data-metric': id, part: 'metric' },
      h('h5', {}, label),
      h(
        'p',
        { class: 'points' },
        h('span', { 'data-field': 'points', title: known ? `Exact ${m.points}` : 'Unknown' }, metricPoints(m.points)),
        h('span', { class: 'of' }, ` / ${m.max}`),
      ),
      bar(known ? m.points / m.max : 0, `${label}: ${metricPoints(m.points)} of ${m.max} points`),
      m.options ? null : h('p', { class: 'value' }, known ? `${number(m.value)} ${unit[Math.abs(m.value) === 1 ? 0 : 1]}, ${number(m.threshold)} for full points` : 'Unknown: baseline month missing'),
      options,
    );
  }

  #nextSteps(report) {
    const recs = report.recommendations.filter((r) => r.best);
    const actions = report.tenantActions;
    if (!recs.length && !actions.length) return null;
    const byTrack = Object.entries(report.tracks).map(([id, t]) => {
      const items = recs.filter((r) => r.track === id);
      if (!items.length) return null;
      return h(
        'div',
        {},
        h('h3', { class: 'subhead' }, t.label),
        h(
          'ul',
          {},
          items.map((r) => {
            const text = r.message.replace(/^[^:]+: /, '');
            return h('li', { class: r.top ? 'top' : '' }, text[0].toUpperCase() + text.slice(1), r.top ? h('span', { class: 'tag' }, 'most points per step') : null);
          }),
        ),
      );
    });
    const kinds = { activateUsers: 'Activate users', removeSeats: 'Remove unused seats', addSeats: 'Add seats', lostCustomer: 'Lost customers' };
    return h(
      'section',
      { class: 'card next', 'aria-labelledby': 'next-title' },
      h('h2', { id: 'next-title' }, 'What to do next'),
      h('div', { class: 'columns' }, byTrack),
      actions.length
        ? h(
            'details',
            {},
            h('summary', {}, `Tenant by tenant: ${plural(actions.length, 'action', 'actions')} Partner Center does not show`),
            Object.entries(kinds).map(([kind, title]) => {
              const list = actions.filter((a) => a.kind === kind);
              return list.length ? h('div', {}, h('h3', { class: 'subhead' }, title), h('ul', { class: 'actions' }, list.slice(0, 20).map((a) => h('li', {}, a.message)))) : null;
            }),
          )
        : null,
    );
  }

  // ---- simulator ----------------------------------------------------------

  #simulator(report) {
    const field = (label, control) => h('label', {}, h('span', {}, label), control);
    const association = h('select', {}, ['CSP', 'CPOR', 'DPOR'].map((a) => h('option', { value: a }, a)));
    // The choices are the ruleset's: its workloads (saying which count for some metrics only)
    // and the certifications of its lists.
    const choices = workloadChoices(this.#ruleset, METRIC_LABEL);
    const usual = choices.some((w) => USUAL_WORKLOADS.includes(w.id)) ? USUAL_WORKLOADS : [choices[0]?.id];
    const workloads = h(
      'fieldset',
      { class: 'workloads', 'data-field': 'workloads' },
      h('legend', {}, 'Workloads'),
      choices.map((w) => h('label', { class: 'check' }, h('input', { type: 'checkbox', value: w.id, checked: usual.includes(w.id) }), w.label)),
    );
    const mau = h('input', { type: 'number', min: '0', value: '30', required: true });
    const pau = h('input', { type: 'number', min: '0', value: '50', required: true });
    const count = h('input', { type: 'number', min: '1', max: '1000', value: '1' });
    const existing = h('input', { type: 'checkbox' });
    const deployed = h('input', { type: 'checkbox' });
    const person = h('input', { type: 'text', placeholder: 'Name' });
    const certification = h(
      'select',
      { 'data-field': 'certification' },
      certificationGroups(this.#ruleset, METRIC_LABEL).map((g) => h('optgroup', { label: g.label, dataset: g.list ? { list: g.list } : {} }, g.options.map((o) => h('option', { value: o.id }, o.label)))),
    );
    const remove = h('input', { type: 'text', placeholder: 'Tenant id' });
    const planList = h('ul', { class: 'plan', 'aria-live': 'polite' });
    const result = h('div', { class: 'simulation', 'aria-live': 'polite' });
    const renderPlan = () => {
      const item = (text, onRemove) => h('li', {}, text, ' ', h('button', { type: 'button', class: 'link', onclick: onRemove, 'aria-label': `Remove ${text}` }, 'remove'));
      planList.replaceChildren(
        ...this.#plan.customers.map((c, i) =>
          item(`${c.count} × ${c.existingCustomer ? 'existing' : 'new'} ${c.association} customer: ${c.workloads.join(', ')}, ${c.mau} MAU of ${c.pau} seats`, () => {
            this.#plan.customers.splice(i, 1);
            renderPlan();
          }),
        ),
        ...this.#plan.people.map((p, i) =>
          item(`${p.name}: ${certificationLabel(this.#ruleset, p.certification)}`, () => {
            this.#plan.people.splice(i, 1);
            renderPlan();
          }),
        ),
        ...this.#plan.removeTenants.map((t, i) =>
          item(`Without tenant ${t}`, () => {
            this.#plan.removeTenants.splice(i, 1);
            renderPlan();
          }),
        ),
      );
    };
    const addCustomer = (e) => {
      e.preventDefault();
      const chosen = [...workloads.querySelectorAll('input:checked')].map((i) => i.value);
      if (!chosen.length) return;
      this.#plan.customers.push({
        association: association.value,
        workloads: chosen,
        mau: Number(mau.value),
        pau: Number(pau.value),
        count: Math.max(1, Number(count.value) || 1),
        existingCustomer: existing.checked,
        existingDeployment: existing.checked && deployed.checked,
      });
      renderPlan();
    };
    const addPerson = (e) => {
      e.preventDefault();
      this.#plan.people.push({ name: person.value.trim() || `Planned person ${this.#plan.people.length + 1}`, certification: certification.value });
      person.value = '';
      renderPlan();
    };
    const removeTenant = (e) => {
      e.preventDefault();
      if (remove.value.trim()) this.#plan.removeTenants.push(remove.value.trim());
      remove.value = '';
      renderPlan();
    };
    const run = async () => {
      try {
        const { simulation } = await this.#ask({ type: 'simulate', plan: this.#plan, options: { asOf: report.asOf, tenantLimit: 0 } }, 'simulation');
        result.replaceChildren(this.#simulation(simulation));
      } catch (e) {
        this.#fail(e);
      }
    };
    const loadPlan = h('input', {
      type: 'file',
      accept: '.json,application/json',
      class: 'visually-hidden',
      tabindex: '-1',
      'aria-hidden': 'true',
      onchange: async () => {
        const file = loadPlan.files[0];
        if (!file) return;
        try {
          const plan = JSON.parse(await file.text());
          this.#plan = { customers: plan.customers ?? [], people: plan.people ?? [], removeTenants: plan.removeTenants ?? [] };
          renderPlan();
        } catch {
          this.#fail(new Error(`${file.name} is not a saved plan.`));
        }
        loadPlan.value = '';
      },
    });
    renderPlan();
    // Closed until asked for, so the page stays calm; open stays open across refreshes.
    const toggle = h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        part: 'button',
        'aria-expanded': String(this.#simulatorOpen),
        'aria-controls': 'sim-body',
        onclick: () => {
          this.#simulatorOpen = !this.#simulatorOpen;
          toggle.setAttribute('aria-expanded', String(this.#simulatorOpen));
          toggle.textContent = this.#simulatorOpen ? 'Hide the planner' : 'Plan a what-if';
          this.#els.main.querySelector('#sim-body').hidden = !this.#simulatorOpen;
        },
      },
      this.#simulatorOpen ? 'Hide the planner' : 'Plan a what-if',
    );
    return h(
      'section',
      { class: 'card simulator', part: 'simulator', 'aria-labelledby': 'sim-title' },
      h('h2', { id: 'sim-title' }, 'What if…'),
      h('p', {}, 'Plan customers to win, people to certify or tenants to lose, and see the score they would give. Simulated results are approximations.'),
      toggle,
      h(
        'div',
        { id: 'sim-body', class: 'sim-body', hidden: !this.#simulatorOpen },
        h(
          'div',
          { class: 'columns' },
          h(
            'form',
            { onsubmit: addCustomer, 'aria-label': 'Planned customer' },
            h('h3', { class: 'subhead' }, 'Planned customer'),
            field('Association', association),
            workloads,
            h('div', { class: 'row' }, field('MAU per workload', mau), field('Paid seats (PAU)', pau), field('How many', count)),
            h('label', { class: 'check' }, existing, 'Already a customer a year ago'),
            h('label', { class: 'check' }, deployed, 'Already deployed a year ago'),
            h('button', { type: 'submit', part: 'button' }, 'Add customer'),
          ),
          h(
            'div',
            {},
            h('form', { onsubmit: addPerson, 'aria-label': 'Planned certified person' }, h('h3', { class: 'subhead' }, 'Planned certified person'), field('Name', person), field('Certification', certification), h('button', { type: 'submit', part: 'button' }, 'Add person')),
            h('form', { onsubmit: removeTenant, 'aria-label': 'Tenant to remove' }, h('h3', { class: 'subhead' }, 'Tenant to lose'), field('Tenant id', remove), h('button', { type: 'submit', part: 'button' }, 'Remove tenant')),
          ),
        ),
        h('h3', { class: 'subhead' }, 'Plan'),
        planList,
        h(
          'div',
          { class: 'downloads' },
          h('button', { type: 'button', part: 'button', class: 'primary', onclick: run, 'data-action': 'simulate' }, 'Simulate'),
          h('button', { type: 'button', class: 'secondary', part: 'button', onclick: () => download('spd-score-plan.json', 'application/json', JSON.stringify(this.#plan, null, 2)) }, 'Save plan'),
          h('button', { type: 'button', class: 'secondary', part: 'button', onclick: () => loadPlan.click() }, 'Load plan'),
          loadPlan,
        ),
        result,
      ),
    );
  }

  #simulation(simulation) {
    return h(
      'div',
      { 'data-simulated': 'true' },
      h('p', { class: 'note' }, 'Simulated: an approximation of what Partner Center would show.'),
      simulation.problems.length ? h('ul', {}, simulation.problems.map((p) => h('li', { class: 'warning' }, p))) : null,
      h(
        'table',
        {},
        h('caption', { class: 'visually-hidden' }, 'Simulated score'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Track'), h('th', { scope: 'col' }, 'Now'), h('th', { scope: 'col' }, 'Simulated'), h('th', { scope: 'col' }, 'Change'), Object.values(METRIC_LABEL).map((l) => h('th', { scope: 'col' }, l)))),
        h(
          'tbody',
          {},
          Object.entries(simulation.changes).map(([id, c]) =>
            h(
              'tr',
              { 'data-track': id },
              h('th', { scope: 'row' }, simulation.report.tracks[id].label),
              h('td', {}, `${totalPoints(c.totalBefore)} (${STATUS[c.statusBefore]})`),
              h('td', {}, h('span', { 'data-field': 'simulated-total', title: `Exact ${c.totalAfter}` }, totalPoints(c.totalAfter)), ` (${STATUS[c.statusAfter]})`),
              h('td', { 'data-field': 'change' }, signed(Math.round(c.totalChange * 10) / 10)),
              Object.keys(METRIC_LABEL).map((m) => h('td', {}, c.metrics[m] === null ? '–' : signed(Math.round(c.metrics[m] * 10) / 10))),
            ),
          ),
        ),
      ),
    );
  }

  // ---- history and window ---------------------------------------------------

  #history(report) {
    const anniversary = h('input', {
      type: 'date',
      value: this.#els.anniversary?.value ?? '',
      onchange: () => this.#refresh(),
    });
    this.#els.anniversary = anniversary;
    const w = report.window;
    const history = report.history ?? [];
    return h(
      'section',
      { class: 'card history', 'aria-labelledby': 'history-title' },
      h('h2', { id: 'history-title' }, 'Qualification window'),
      h('label', { class: 'inline' }, 'Anniversary date (leave empty if not enrolled): ', anniversary),
      w ? h('p', { 'data-field': 'window' }, w.message) : null,
      history.length > 1
        ? h(
            'div',
            // Focusable, so that keyboard users can scroll it too.
            { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': 'Score by month' },
            h(
            'table',
            { 'data-table': 'history' },
            h('caption', {}, 'Score by month'),
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Month'), h('th', { scope: 'col' }, 'Best score'), h('th', { scope: 'col' }, 'Status'), Object.values(METRIC_LABEL).map((l) => h('th', { scope: 'col' }, l)))),
            h(
              'tbody',
              {},
              // Consecutive months without data collapse into one row.
              history
                .reduce((runs, m) => {
                  const last = runs.at(-1);
                  if (!m.available && last && !last.available) last.to = m.month;
                  else runs.push({ ...m, from: m.month, to: m.month });
                  return runs;
                }, [])
                .map((m) =>
                  m.available
                    ? h('tr', {}, h('th', { scope: 'row' }, m.month), h('td', {}, totalPoints(m.total)), h('td', {}, STATUS[m.status]), Object.keys(METRIC_LABEL).map((id) => h('td', {}, metricPoints(m.metrics[id]))))
                    : h(
                        'tr',
                        { class: 'unavailable' },
                        h('th', { scope: 'row' }, m.from === m.to ? m.from : `${m.from} to ${m.to}`),
                        h('td', { colspan: 7 }, `Data unavailable: ${m.from === m.to ? m.reason : 'no export for these months or for the months a year before them'}`),
                      ),
                ),
            ),
          ),
          )
        : null,
    );
  }

  // ---- tenants ------------------------------------------------------------

  #tenants(report) {
    const view = this.#tenantView;
    const trackIds = Object.keys(report.tracks);
    view.track = [view.track, this.getAttribute('track'), report.bestTrack, trackIds[0]].find((t) => trackIds.includes(t));
    const body = h('tbody');
    const count = h('p', { class: 'count', 'aria-live': 'polite' });
    const more = h('button', { type: 'button', class: 'secondary', part: 'button', onclick: () => ((view.shown += PAGE_SIZE), draw()) }, 'Show more');
    const headers = [
      ['tenant', 'Tenant'],
      ['eligible', 'Eligible now / a year ago'],
      ['pau', 'Paid seats now'],
      ['mau', 'MAU now / then'],
      ['deployed', 'Deployed now / then (best ratio)'],
      ['contribution', 'Contribution'],
    ];
    const headRow = h('tr');
    // Whether the tenant changes a metric of the track shown.
    const counts = (t) => {
      const tt = t.tracks[view.track];
      return Boolean(tt && (tt.netAdd || Object.values(tt.options).some((o) => o.deployment || o.growth)));
    };
    const rows = () => {
      const search = view.search.toLowerCase();
      let list = report.tenants.filter((t) => {
        if (search && !t.id.toLowerCase().includes(search) && !(t.name ?? '').toLowerCase().includes(search)) return false;
        if (view.filter === 'counts' && !counts(t)) return false;
        if (view.filter === 'not' && counts(t)) return false;
        return view.association === 'all' || t.associations.includes(view.association);
      });
      const key = (t) => {
        const tt = t.tracks[view.track];
        if (!tt) return 0;
        const options = Object.values(tt.options);
        switch (view.sort) {
          case 'tenant': return t.id;
          case 'eligible': return Number(tt.eligible.asOf) * 2 + Number(tt.eligible.baseline);
          case 'pau': return tt.maxPau.asOf;
          case 'mau': return options.reduce((s, o) => s + o.asOf.mau, 0);
          case 'deployed': return Math.max(0, ...options.map((o) => o.asOf.bestRatio ?? 0));
          default: return Math.abs(tt.netAdd) * 1e9 + options.reduce((s, o) => s + Math.abs(o.growth ?? 0) + Math.abs(o.deployment) * 1e6, 0);
        }
      };
      list = list.map((t) => [key(t), t]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, t]) => t);
      if (view.descending) list.reverse();
      return list;
    };
    const yesNo = (b) => (b ? 'yes' : 'no');
    const draw = () => {
      headRow.replaceChildren(
        ...headers.map(([id, label]) =>
          h(
            'th',
            { scope: 'col', 'aria-sort': view.sort === id ? (view.descending ? 'descending' : 'ascending') : 'none' },
            h('button', { type: 'button', class: 'sort', onclick: () => ((view.descending = view.sort === id ? !view.descending : id !== 'tenant'), (view.sort = id), draw()) }, label),
          ),
        ),
      );
      const list = rows();
      const shown = list.slice(0, view.shown);
      body.replaceChildren(
        ...shown.map((t) => {
          const tt = t.tracks[view.track];
          // Only the options the tenant has rows under.
          const options = tt ? Object.entries(tt.options).filter(([o]) => t.associations.includes(o)) : [];
          const perOption = (f) => options.map(([o, v]) => `${o} ${f(v)}`).join(' · ');
          const growth = options.reduce((s, [, o]) => s + (o.growth ?? 0), 0);
          const deployments = options.map(([o, v]) => (v.deployment ? `${o} ${signed(v.deployment)}` : null)).filter(Boolean);
          // Counted on the track by the carry-over, or for usage growth and deployments only.
          const notes = tenantNotes(tt, view.track, this.#ruleset, report.tracks[view.track]?.label);
          return h(
            'tr',
            { class: counts(t) ? 'contributes' : '' },
            h('th', { scope: 'row' }, h('span', { class: 'tenant-id' }, t.id), h('span', { class: 'tenant-name' }, [t.name && t.name !== t.id ? t.name : null, t.associations.join(', ')].filter(Boolean).join(' · '))),
            h(
              'td',
              { 'data-label': headers[1][1] },
              tt ? `${yesNo(tt.eligible.asOf)} / ${yesNo(tt.eligible.baseline)}` : '–',
              notes.map((n) => h('span', { class: `tenant-note ${n.kind}`, 'data-note': n.kind }, n.text)),
            ),
            h('td', { 'data-label': headers[2][1] }, tt ? number(tt.maxPau.asOf) : '–'),
            h('td', { 'data-label': headers[3][1], title: perOption((v) => `${number(v.asOf.mau)} / ${number(v.baseline.mau)}`) }, perOption((v) => `${number(v.asOf.mau)} / ${number(v.baseline.mau)}`)),
            h('td', { 'data-label': headers[4][1] }, perOption((v) => `${yesNo(v.asOf.deployed)}${v.asOf.bestRatio !== null ? ` (${percent(v.asOf.bestRatio)})` : ''} / ${yesNo(v.baseline.deployed)}`)),
            h('td', { 'data-label': headers[5][1] }, tt ? [tt.netAdd ? `customer ${signed(tt.netAdd)}` : null, growth ? `MAU ${signed(growth)}` : null, deployments.length ? `deployed ${deployments.join(', ')}` : null].filter(Boolean).join('; ') || 'none' : '–'),
          );
        }),
      );
      const omitted = report.tenantCount - report.tenants.length;
      count.textContent = `${list.length === 1 ? '1 tenant' : `${number(list.length)} tenants`} shown${list.length > shown.length ? `, first ${number(shown.length)} listed` : ''}${omitted > 0 ? `; ${number(omitted)} more that change no metric are left out` : ''}.`;
      more.hidden = list.length <= shown.length;
    };
    const search = h('input', { type: 'search', placeholder: 'Tenant id or name', value: view.search, oninput: () => ((view.search = search.value), (view.shown = PAGE_SIZE), draw()) });
    const filter = h(
      'select',
      { onchange: () => ((view.filter = filter.value), draw()) },
      [['all', 'All tenants'], ['counts', 'Counts on this track'], ['not', 'Does not count on this track']].map(([v, l]) => h('option', { value: v, selected: view.filter === v }, l)),
    );
    const associations = [...new Set(report.tenants.flatMap((t) => t.associations))];
    const association = h(
      'select',
      { onchange: () => ((view.association = association.value), draw()) },
      h('option', { value: 'all' }, 'Every association'),
      associations.map((a) => h('option', { value: a, selected: view.association === a }, a)),
    );
    const track = h(
      'select',
      { onchange: () => ((view.track = track.value), draw()) },
      trackIds.map((id) => h('option', { value: id, selected: view.track === id }, report.tracks[id].label)),
    );
    draw();
    return h(
      'section',
      { class: 'card tenants', part: 'tenants', 'aria-labelledby': 'tenants-title' },
      h('h2', { id: 'tenants-title' }, 'Tenants'),
      h(
        'div',
        { class: 'filters' },
        h('label', {}, 'Track ', track),
        h('label', {}, 'Search ', search),
        h('label', {}, 'Show ', filter),
        h('label', {}, 'Association ', association),
      ),
      count,
      h('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': 'Tenants table' }, h('table', { 'data-table': 'tenants' }, h('caption', { class: 'visually-hidden' }, 'Tenants and what each contributes'), h('thead', {}, headRow), body)),
      more,
    );
  }

  #downloadTenants() {
    const report = this.#report;
    if (!report) return;
    const tracks = Object.keys(report.tracks);
    // A track's association options, from its metrics: a tenant lists only
    // those it has rows under (schemaVersion 2), each column its own.
    const options = Object.fromEntries(tracks.map((t) => [t, Object.keys(Object.values(report.tracks[t].metrics).find((m) => m.options)?.options ?? {})]));
    const header = ['tenant', 'name', 'associations', 'contributes'];
    for (const t of tracks) {
      header.push(`${t} eligible now`, `${t} eligible baseline`, `${t} usage counts now`, `${t} usage counts baseline`, `${t} by carry-over now`, `${t} by carry-over baseline`, `${t} paid seats now`, `${t} net add`);
      for (const o of options[t]) header.push(`${t} ${o} MAU now`, `${t} ${o} MAU baseline`, `${t} ${o} deployed now`, `${t} ${o} deployed baseline`, `${t} ${o} growth`, `${t} ${o} deployment`);
    }
    const lines = [header.map(csvCell).join(',')];
    for (const tenant of report.tenants) {
      const row = [tenant.id, tenant.name, tenant.associations.join(' '), tenant.contributes];
      for (const t of tracks) {
        const tt = tenant.tracks[t];
        row.push(tt?.eligible.asOf, tt?.eligible.baseline, tt?.serves?.asOf, tt?.serves?.baseline, tt?.carriedOver?.asOf, tt?.carriedOver?.baseline, tt?.maxPau.asOf, tt?.netAdd);
        for (const id of tt ? options[t] : []) {
          // An option the tenant has no rows under is all zero.
          const o = tt.options[id] ?? { asOf: { mau: 0, deployed: false }, baseline: { mau: 0, deployed: false }, growth: 0, deployment: 0 };
          row.push(o.asOf.mau, o.baseline.mau, o.asOf.deployed, o.baseline.deployed, o.growth, o.deployment);
        }
      }
      lines.push(row.map(csvCell).join(','));
    }
    download('spd-score-tenants.csv', 'text/csv', `${lines.join('\r\n')}\r\n`);
  }

  // ---- people and assumptions ----------------------------------------------

  #people(report) {
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
    );
  }

  #assumptions(report) {
    return h(
      'section',
      { class: 'card assumptions', 'aria-labelledby': 'assumptions-title' },
      h('h2', { id: 'assumptions-title' }, 'What this score assumes'),
      h('p', {}, h('span', { 'data-field': 'rules' }, rulesLine(report.ruleset, this.#ruleset?.id === report.ruleset.id ? this.#ruleset.label : undefined)), ' Where Microsoft publishes no rule, this score relies on:'),
      h('ul', {}, report.assumptions.map((a) => h('li', {}, a.text))),
    );
  }
}

if (!customElements.get('spd-score-calculator')) customElements.define('spd-score-calculator', SpdScoreCalculator);
