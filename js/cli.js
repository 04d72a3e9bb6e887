#!/usr/bin/env node
// spd-score: the scoring core from the command line, through the same
// WebAssembly module the page uses.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { load, Scorer, version } from './index.js';

const HELP = `Usage: spd-score score [options] FILE...

Scores Partner Center exports for the Solutions Partner for Modern Work
designation: usage (contribution) exports and skilling lists, CSV, any
layout the README lists. FILE '-' reads standard input. Nothing leaves
this machine.

Options:
  --as-of YYYY-MM           month to score (default: the latest in the data)
  --json                    print the whole report as JSON (schema: README)
  --history                 include every month's score
  --today YYYY-MM-DD        include the qualification window as of this date
  --anniversary YYYY-MM-DD  the designation's anniversary, when enrolled
  --tenant-limit N          report at most N tenants, contributing ones first
  -h, --help                this help
  -v, --version             the version of the scoring core

Without --json it prints a summary: status, best track, each track's total
and five metrics, what to do next, the files read, warnings and row errors.

Exit status: 0 a report was produced (even with row errors), 1 no file
could be read, 2 bad arguments.`;

function fail(message) {
  console.error(`spd-score: ${message}\nTry 'spd-score --help'.`);
  process.exit(2);
}

function parseArgs(argv) {
  const options = { json: false, history: false, files: [] };
  const takesValue = {
    '--as-of': ['asOf', /^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM'],
    '--today': ['today', /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a date as YYYY-MM-DD'],
    '--anniversary': ['anniversary', /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a date as YYYY-MM-DD'],
    '--tenant-limit': ['tenantLimit', /^\d+$/, 'a whole number'],
  };
  const args = [...argv];
  if (args[0] === '-h' || args[0] === '--help' || args[0] === 'help') return { help: true };
  if (args[0] === '-v' || args[0] === '--version') return { version: true };
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
    else if ((flag === '--json' || flag === '--history') && inline === undefined) options[flag.slice(2)] = true;
    else if (takesValue[flag]) {
      const [key, pattern, what] = takesValue[flag];
      const value = inline ?? args[++i];
      if (value === undefined || !pattern.test(value)) return { error: `${flag} needs ${what}${value === undefined ? '' : `, not '${value}'`}` };
      options[key] = key === 'tenantLimit' ? Number(value) : value;
    } else return { error: `unknown option '${arg}'` };
  }
  if (!options.files.length) return { error: 'no files given' };
  return options;
}

const STATUS = { qualified: 'Qualified', partial: 'Partial', in_progress: 'In progress', not_started: 'Not started' };
const METRICS = [
  ['netCustomerAdds', 'Net customer adds'],
  ['intermediateCertifications', 'Intermediate certifications'],
  ['advancedCertifications', 'Advanced certifications'],
  ['usageGrowth', 'Usage growth'],
  ['deployments', 'Deployments'],
];
const points = (p) => (p === null ? '   ?' : p.toFixed(1).padStart(4));
const num = (v) => (v === null || v === undefined ? 'unknown' : Number(v).toLocaleString('en', { maximumFractionDigits: 2 }));
// Exact points, without float noise: 63.7625, 27.77, 74.
const exact = (p) => String(Number(p.toFixed(6)));

/** The report as a person reads it. */
function summary(report) {
  const out = [];
  const asOf = report.asOf ? `as of ${report.asOf} (baseline ${report.baseline})` : 'no usage data';
  out.push(`Solutions Partner for Modern Work, ${asOf}`);
  const best = report.bestTrack ? ` (best track: ${report.tracks[report.bestTrack].label})` : '';
  out.push(`Status: ${STATUS[report.status]}${best}`, '');
  for (const track of Object.values(report.tracks)) {
    // Partner Center shows whole points for totals; the exact total follows.
    out.push(`${track.label}: ${Math.round(track.total)} / 100${Number.isInteger(track.total) ? '' : ` (${exact(track.total)})`}, ${STATUS[track.status]}${track.complete ? '' : ' (incomplete: some metrics are unknown, see the warnings)'}`);
    for (const [id, label] of METRICS) {
      const m = track.metrics[id];
      let detail;
      if (m.options) {
        // Every association option; the one whose points count is marked.
        detail = Object.entries(m.options)
          .map(([o, v]) => `${o} ${num(v.value)} of ${num(v.threshold)}${o === m.bestOption ? ' (counts)' : ''}`)
          .join(', ');
      } else {
        detail = `${num(m.value)} of ${num(m.threshold)}`;
      }
      out.push(`  ${label.padEnd(28)} ${points(m.points)} / ${String(m.max).padEnd(3)} ${detail}`);
    }
    out.push('');
  }
  const next = report.recommendations.filter((r) => r.best);
  if (next.length) {
    out.push('What to do next:');
    for (const r of next) out.push(`  - ${r.message}`);
    out.push('');
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

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) return console.log(HELP);
  if (options.error) fail(options.error);
  await load();
  if (options.version) return console.log(version());
  const scorer = new Scorer();
  let opened = 0;
  for (const path of options.files) {
    try {
      if (path === '-') scorer.addFile('stdin', await readStdin());
      else scorer.addFile(basename(path), await readFile(path));
      opened++;
    } catch (e) {
      const why = { ENOENT: 'no such file', EISDIR: 'is a directory', EACCES: 'permission denied' }[e.code] ?? e.message;
      console.error(`spd-score: ${path}: ${why}`);
    }
  }
  const report = scorer.report({
    asOf: options.asOf,
    history: options.history,
    today: options.today,
    anniversary: options.anniversary,
    tenantLimit: options.tenantLimit,
  });
  scorer.free();
  if (opened) console.log(options.json ? JSON.stringify(report, null, 2) : summary(report));
  // 1 when no file could be read as an export; exitCode rather than
  // process.exit() so that a long report piped elsewhere is written whole.
  process.exitCode = report.files.some((f) => f.kind !== 'unknown') ? 0 : 1;
}

try {
  await main();
} catch (e) {
  console.error(`spd-score: ${e.message}`);
  process.exitCode = 1;
}
