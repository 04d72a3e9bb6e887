#!/usr/bin/env node
// spd-score: the scoring core from the command line, through the same
// WebAssembly module the page uses.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { load, Scorer, version } from './index.js';

const HELP = `Usage: spd-score score [options] FILE...

Scores Partner Center contribution exports (usage) and skilling lists for
the Solutions Partner for Modern Work designation. Nothing leaves this machine.

Options:
  --as-of YYYY-MM         month to score (default: the latest in the data)
  --json                  print the full report as JSON
  --history               include every month's score
  --today YYYY-MM-DD      include the qualification window as of this date
  --anniversary YYYY-MM-DD  the designation's anniversary, when enrolled
  --tenant-limit N        report at most N tenants (contributing ones first)
  -h, --help              this help
  -v, --version           the version

Exit codes: 0 a report was produced (even with row errors), 1 no file could
be read, 2 bad arguments.`;

function fail(message) {
  console.error(`spd-score: ${message}\nTry 'spd-score --help'.`);
  process.exit(2);
}

function parseArgs(argv) {
  const options = { json: false, history: false, files: [] };
  const takesValue = {
    '--as-of': ['asOf', /^\d{4}-\d{2}$/, 'YYYY-MM'],
    '--today': ['today', /^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'],
    '--anniversary': ['anniversary', /^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'],
    '--tenant-limit': ['tenantLimit', /^\d+$/, 'a whole number'],
  };
  const args = [...argv];
  if (args[0] === '-h' || args[0] === '--help') return { help: true };
  if (args[0] === '-v' || args[0] === '--version') return { version: true };
  if (args[0] !== 'score') return { error: args.length ? `unknown command '${args[0]}'` : 'no command given' };
  for (let i = 1; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-h' || arg === '--help') return { help: true };
    if (arg === '--json') options.json = true;
    else if (arg === '--history') options.history = true;
    else if (takesValue[arg]) {
      const [key, pattern, what] = takesValue[arg];
      const value = args[++i];
      if (value === undefined || !pattern.test(value)) return { error: `${arg} needs ${what}` };
      options[key] = key === 'tenantLimit' ? Number(value) : value;
    } else if (arg.startsWith('-') && arg !== '-') return { error: `unknown option '${arg}'` };
    else options.files.push(arg);
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
const num = (v) => (v === null ? 'unknown' : Number(v).toLocaleString('en'));

/** The report as a person reads it. */
function summary(report) {
  const out = [];
  const asOf = report.asOf ? `as of ${report.asOf} (baseline ${report.baseline})` : 'no usage data';
  out.push(`Solutions Partner for Modern Work, ${asOf}`);
  const best = report.bestTrack ? ` (best track: ${report.tracks[report.bestTrack].label})` : '';
  out.push(`Status: ${STATUS[report.status]}${best}`, '');
  for (const track of Object.values(report.tracks)) {
    // Partner Center shows whole points for totals; the exact total follows.
    out.push(`${track.label}: ${Math.round(track.total)} / 100 (${track.total}), ${STATUS[track.status]}`);
    for (const [id, label] of METRICS) {
      const m = track.metrics[id];
      let detail;
      if (m.options) {
        const options = Object.entries(m.options).map(([o, v]) => `${o} ${num(v.value)} of ${num(v.threshold)}`);
        detail = m.bestOption ? `best ${options.join(', ')}`.replace(`best ${m.bestOption}`, `${m.bestOption} (counts)`) : options.join(', ');
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
      scorer.addFile(basename(path), await readFile(path));
      opened++;
    } catch (e) {
      console.error(`spd-score: ${path}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
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
  const readable = report.files.some((f) => f.kind !== 'unknown');
  if (opened) console.log(options.json ? JSON.stringify(report, null, 2) : summary(report));
  process.exit(readable ? 0 : 1);
}

await main();
