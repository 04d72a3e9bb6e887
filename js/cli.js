#!/usr/bin/env node
// spd-score: the scoring core from the command line, through the same
// WebAssembly module the page uses.
import { fstatSync, writeSync } from 'node:fs';
import { load, rulesets, Scorer, version } from './node.js';
import { addPath } from './batch.js';
// The page's words for statuses, sources and metrics (www/strings.js, copied
// beside this file into dist/calculator/ by the build): one table for both.
import { BADGE_TEXT, INCENTIVE_TEXT, metricName, SOURCE, STATUS } from './calculator/strings.js';

const HELP = `Usage: spd-score score [options] FILE...
       spd-score batch [options] INPUT   (every partner of a portfolio: spd-score batch --help)

Scores the six Solutions Partner designations (Modern Work, Security,
Data & AI, Infrastructure, Digital & App Innovation, Business Applications)
from Partner Center's files: usage (contribution) exports, skilling lists
(TrainingCompletions), and the values its scorecards show typed into a CSV
(Area,Track,Metric,Value). Any layout the README lists. FILE '-' reads
standard input. Nothing leaves this machine.

Options:
  --as-of YYYY-MM           month to score (default: the latest in the data)
  --json                    print the whole report as JSON (schema 3:
                            docs/report.md) with every list inline, compact,
                            on one line
  --pretty                  with --json: indented by two spaces
  --history                 include every month's score
  --today YYYY-MM-DD        include the qualification window as of this date
                            (rows dated after its month are errors)
  --anniversary YYYY-MM-DD  the designation's anniversary, when enrolled
  --tenant-limit N          with --json, list at most N of Modern Work's
                            tenants, contributing ones first
  --area ID                 only this area after the overview (with --json:
                            its part of the report): modern-work, security,
                            data-ai, infrastructure, digital-app-innovation,
                            business-applications
  -h, --help                this help
  -v, --version             the version of the scoring core

Without --json it prints a summary: the Solutions Partner overview (every
area's score, status, track and 25-point incentive line), the Microsoft
Cloud badge and the badge groups, then each
scored area: its tracks, their metrics and what to do next; then the files
read, warnings and row errors.

Exit status: 0 a report was produced (even with row errors), 1 no file
could be read, 2 bad arguments.`;

const BATCH_HELP = `Usage: spd-score batch [options] INPUT

Scores every partner of a portfolio: INPUT is a folder of partner folders
(each folder's files are one partner's, named by the folder) or a manifest
CSV of partner,file lines (paths relative to the manifest). One row per
partner and designation (docs/portfolio.md): partner, area, score, atLeast,
status, track, incentiveLineMet, next, asOf, files, skippedRows, errors; a
partner that could not be scored gets one row with no area and the reason.
Rows are in partner name order, then the designations' order.

Options:
  --out FILE.csv|FILE.jsonl write the rows as CSV or as JSON lines
  --json                    print the rows as JSON lines, then a last line
                            {"summary": ...}
  --summary                 print the portfolio summary (on standard error
                            with --json); the default without --json or --out
  --workers N               worker threads (default: one per core)
  --as-of YYYY-MM           month to score (default: each partner's latest)
  -h, --help                this help

Exit status: 0 every partner was scored, 1 some partner could not be (its
row says why; every other partner is scored), 2 bad arguments.`;

function parseBatch(args) {
  const options = { batch: true, json: false, summary: false, workers: undefined };
  const inputs = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? args[++i];
    if (flag === '-h' || flag === '--help') return { batchHelp: true };
    else if ((flag === '--json' || flag === '--summary') && inline === undefined) options[flag.slice(2)] = true;
    else if (flag === '--out') {
      options.out = value();
      if (!/\.(csv|jsonl)$/i.test(options.out ?? '')) return { error: `--out needs a file ending in .csv or .jsonl${options.out ? `, not '${options.out}'` : ''}` };
    } else if (flag === '--workers') {
      const v = value();
      if (!/^[1-9]\d*$/.test(v ?? '')) return { error: `--workers needs a whole number above 0${v === undefined ? '' : `, not '${v}'`}` };
      options.workers = Number(v);
    } else if (flag === '--as-of') {
      const v = value();
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(v ?? '')) return { error: `--as-of needs a month as YYYY-MM${v === undefined ? '' : `, not '${v}'`}` };
      options.asOf = v;
    } else if (arg.startsWith('-') && arg !== '-') return { error: `unknown option '${arg}'` };
    else inputs.push(arg);
  }
  if (inputs.length !== 1) return { error: inputs.length ? 'batch takes one INPUT (a folder or a manifest)' : 'batch needs an INPUT: a folder of partner folders or a manifest CSV' };
  options.input = inputs[0];
  return options;
}

function fail(message) {
  console.error(`spd-score: ${message}\nTry 'spd-score --help'.`);
  process.exit(2);
}

function parseArgs(argv) {
  const options = { json: false, pretty: false, history: false, files: [] };
  const takesValue = {
    '--as-of': ['asOf', /^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM'],
    '--today': ['today', /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a date as YYYY-MM-DD'],
    '--anniversary': ['anniversary', /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a date as YYYY-MM-DD'],
    '--tenant-limit': ['tenantLimit', /^\d+$/, 'a whole number'],
    '--area': ['area', /^[a-z][a-z-]*$/, 'an area id'],
  };
  const args = [...argv];
  if (args[0] === '-h' || args[0] === '--help' || args[0] === 'help') return { help: true };
  if (args[0] === '-v' || args[0] === '--version') return { version: true };
  if (args[0] === 'batch') return parseBatch(args.slice(1));
  if (args[0] !== 'score') return { error: args.length ? `unknown command '${args[0]}'` : 'no command given' };
  let onlyFiles = false;
  for (let i = 1; i < args.length; i++) {
    const arg = args[i];
    if (onlyFiles || arg === '-' || !arg.startsWith('-')) {
      options.files.push(arg);
      continue;
    }
    // --as-of=2025-10 as well as --as-of 2025-10
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--') onlyFiles = true;
    else if (flag === '-h' || flag === '--help') return { help: true };
    else if ((flag === '--json' || flag === '--pretty' || flag === '--history') && inline === undefined) options[flag.slice(2)] = true;
    else if (takesValue[flag]) {
      const [key, pattern, what] = takesValue[flag];
      const value = inline ?? args[++i];
      if (value === undefined || !pattern.test(value)) return { error: `${flag} needs ${what}${value === undefined ? '' : `, not '${value}'`}` };
      options[key] = key === 'tenantLimit' ? Number(value) : value;
    } else return { error: `unknown option '${arg}'` };
  }
  if (!options.files.length) return { error: 'no files given' };
  if (options.pretty && !options.json) return { error: '--pretty goes with --json' };
  return options;
}

const points = (p) => (p === null ? '   ?' : p.toFixed(1).padStart(4));
const num = (v) => (v === null || v === undefined ? 'unknown' : Number(v).toLocaleString('en', { maximumFractionDigits: 2 }));
// Exact points, without float noise: 63.7625, 27.77, 74.
const exact = (p) => String(Number(p.toFixed(6)));
const score = (total) => `${Math.round(total)} / 100${Number.isInteger(total) ? '' : ` (${exact(total)})`}`;

/** What a metric's figure is, by its kind. */
function metricDetail(m) {
  switch (m.kind) {
    case 'options':
      // Every association option; the one whose points count is marked.
      return Object.entries(m.options)
        .map(([o, v]) => `${o} ${num(v.value)} of ${num(v.threshold)}${o === m.bestOption ? ' (counts)' : ''}`)
        .join(', ');
    case 'steps':
      return m.steps
        .map((s, i) => `step ${i + 1}${s.gate ? ' (gate)' : ''} ${s.people}${s.gate ? (s.met ? ' met' : ` of ${m.gate.people}, not met`) : ''}`)
        .join(', ');
    case 'parts':
      return Object.values(m.parts)
        .map((p) => `${p.label} ${num(p.value)} (${p.points === null ? 'unknown' : `${exact(p.points)} points`})`)
        .join(', ');
    case 'growth':
      return m.reason ?? `${num(m.value)} % of ${num(m.threshold)} %${m.baseline !== null ? `, baseline ${num(m.baseline)}` : ''}`;
    default:
      return `${num(m.value)} of ${num(m.threshold)}`;
  }
}

/** One area's tracks and metrics, and what to do next. */
function areaSummary(area) {
  const out = [];
  const asOf = area.asOf ? `as of ${area.asOf}${area.baseline ? ` (baseline ${area.baseline})` : ''}` : 'no month in the data';
  const rules = `rules ${area.ruleset.version}${area.ruleset.published ? `, Microsoft's text of ${area.ruleset.published}` : ''}`;
  out.push(`${area.ruleset.name}, ${asOf}; ${rules}`);
  const { status, tracks, track: trackId } = area;
  const how = { best: 'best track', classified: 'classified', user: 'your choice', default: 'not classified from the files' }[area.trackChoice] ?? 'track';
  out.push(`Status: ${STATUS[status]}${trackId && tracks[trackId] ? ` (${how}: ${tracks[trackId].label})` : ''}${area.source === 'manual' || area.source === 'both' ? `; values ${SOURCE[area.source]}` : ''}`);
  if (area.incentiveLine) out.push(`${INCENTIVE_TEXT.title(area.incentiveLine)}: ${INCENTIVE_TEXT.state(area.incentiveLine, area.total)}`);
  out.push('');
  for (const track of Object.values(tracks)) {
    // Partner Center shows whole points for totals; the exact total follows.
    out.push(`${track.label}: ${score(track.total)}, ${STATUS[track.status]}${track.complete ? '' : ' (some metrics are unknown, see the warnings)'}`);
    for (const [id, m] of Object.entries(track.metrics)) {
      const manual = m.source === 'manual' ? ' [entered by hand]' : '';
      out.push(`  ${metricName(id).padEnd(28)} ${points(m.points)} / ${String(m.max).padEnd(3)} ${metricDetail(m)}${manual}`);
    }
    out.push('');
  }
  if (area.missing) out.push(`Missing: ${area.missing}`, '');
  const next = area.recommendations.filter((r) => r.best);
  if (next.length) {
    out.push('What to do next:');
    for (const r of next) out.push(`  - ${r.message}`);
    out.push('');
  }
  // What the data model sees within reach (a customer, a deployment).
  const reach = [...(area.detail?.hints ?? []), ...(area.detail?.withinReach ?? []).map((g) => g.message)];
  if (reach.length) {
    out.push('Within reach:');
    for (const hint of reach.slice(0, 10)) out.push(`  - ${hint}`);
    out.push('');
  }
  for (const w of area.warnings) out.push(`Note: ${w.message}`);
  if (area.warnings.length) out.push('');
  return out;
}

/** The report as a person reads it: the overview, then each scored area. */
function summary(report, only) {
  const out = ['Solutions Partner overview'];
  for (const row of report.overview) {
    const shown = row.score === null ? '—' : `${row.atLeast ? 'at least ' : ''}${Math.round(row.score)}`;
    const line = row.incentiveLine ? `  · ${INCENTIVE_TEXT.title(row.incentiveLine)}: ${INCENTIVE_TEXT.state(row.incentiveLine, row.score)}` : '';
    out.push(`  ${row.label.padEnd(26)} ${shown.padStart(12)}  ${STATUS[row.status].padEnd(12)} ${row.track ? row.trackLabel : ''}${line}`.trimEnd());
    if (row.score === null && row.next) out.push(`  ${''.padEnd(26)} ${row.next}`);
  }
  out.push(`Solutions Partner for Microsoft Cloud: ${report.microsoftCloud.message}`);
  if (report.badges?.length) {
    out.push(`${BADGE_TEXT.title}:`);
    const width = Math.max(...report.badges.map((b) => b.label.length));
    for (const b of report.badges) {
      const labels = b.qualified.map((id) => report.areas[id]?.label ?? id).join(', ');
      out.push(`  ${b.label.padEnd(width)}  ${b.attained ? BADGE_TEXT.by(labels) : BADGE_TEXT.notAttained}`);
    }
  }
  if (report.bestAction) out.push(`Biggest single gain: ${report.areas[report.bestAction.area]?.label ?? report.bestAction.area}, ${report.bestAction.message}`);
  out.push('');
  for (const [id, area] of Object.entries(report.areas)) {
    if (only ? id !== only : area.status === 'not_scored') continue;
    out.push(...areaSummary(area));
  }
  out.push('Files:');
  for (const f of report.files) {
    out.push(`  ${f.name}: ${f.kind}, ${f.rows} rows, ${f.skippedRows} skipped${f.months.length ? `, ${f.months[0]} to ${f.months.at(-1)}` : ''}`);
  }
  if (report.warnings.length) {
    out.push('', 'Warnings:');
    for (const w of report.warnings) out.push(`  - ${w.file ? `${w.file}: ` : ''}${w.message}`);
  }
  if (report.errors.length) {
    out.push('', 'Errors:');
    for (const e of report.errors) {
      const where = [e.file, e.line].filter((x) => x !== null && x !== undefined).join(':');
      const column = e.column ? ` column ${e.column}` : '';
      const value = e.value !== null && e.value !== undefined ? ` value "${e.value}"` : '';
      out.push(`  - ${where}${column}${value}: ${e.message}`);
    }
  }
  return out.join('\n');
}

// Files are fed to the core a megabyte at a time (addPath, shared with
// batch): neither the file nor a copy of it in the module's memory is ever whole.
async function addStdin(scorer) {
  scorer.beginFile('stdin');
  for await (const chunk of process.stdin) scorer.push(chunk);
  scorer.endFile();
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) return console.log(HELP);
  if (options.error) fail(options.error);
  if (options.batchHelp) return console.log(BATCH_HELP);
  if (options.batch) {
    await load();
    const { batch } = await import('./batch.js');
    process.exitCode = await batch(options);
    return;
  }
  await load();
  if (options.version) return console.log(version());
  const areas = options.area ? rulesets().map((r) => r.id) : [];
  if (options.area && !areas.includes(options.area)) fail(`--area must be one of ${areas.join(', ')}, not '${options.area}'`);
  // `--today` is also the month after which a row's month is an error.
  const scorer = new Scorer(options.today ? { today: options.today } : {});
  let opened = 0;
  for (const path of options.files) {
    try {
      if (path === '-') await addStdin(scorer);
      else await addPath(scorer, path);
      opened++;
    } catch (e) {
      const why = { ENOENT: 'no such file', EISDIR: 'is a directory', EACCES: 'permission denied' }[e.code] ?? e.message;
      console.error(`spd-score: ${path}: ${why}`);
    }
  }
  const reportOptions = {
    asOf: options.asOf,
    history: options.history,
    today: options.today,
    anniversary: options.anniversary,
    tenantLimit: options.tenantLimit,
  };
  let files;
  if (!options.json) {
    // The summary prints no tenant or person: the core does not list them.
    const report = scorer.summary(reportOptions);
    files = report.files;
    if (opened) console.log(summary(report, options.area));
  } else if (opened) {
    // Rust writes the JSON text in pieces straight to standard output
    // (synchronous for files and pipes), every list row by row: no giant
    // string, no JS objects, no list built whole.
    // To a file, each piece straight from the module's memory (fs.writeSync
    // is done with it on return): no copy, no garbage (a 1 GB export's
    // report is 350 MB of pieces).
    const toFile = (() => {
      try {
        return fstatSync(1).isFile();
      } catch {
        return false;
      }
    })();
    const write = toFile
      ? (bytes) => {
          for (let at = 0; at < bytes.length; ) at += writeSync(1, bytes, at, bytes.length - at);
        }
      : (bytes) => process.stdout.write(bytes);
    ({ files } = scorer.writeReport(write, { ...reportOptions, detail: 'full', pretty: options.pretty, area: options.area, view: toFile }));
    process.stdout.write('\n');
  } else {
    files = scorer.summary(reportOptions).files;
  }
  scorer.free();
  // 1 when no file could be read as an export; exitCode rather than
  // process.exit() so that a long report piped elsewhere is written whole.
  process.exitCode = files.some((f) => f.kind !== 'unknown') ? 0 : 1;
}

try {
  await main();
} catch (e) {
  console.error(`spd-score: ${e.message}`);
  process.exitCode = 1;
}
