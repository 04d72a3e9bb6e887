// `spd-score batch` at scale: a generated portfolio (examples/gen.rs,
// `--portfolio N`, reused when already there) scored with 1 worker and with
// 2, partners per second for each, their ratio, and the peak memory of the
// whole process (main thread and workers). Run after the build:
//   node bench/batch.mjs [--partners 1000] [--json]
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const partners = Number(args[args.indexOf('--partners') + 1]) || 1000;
const dir = `${root}target/bench-portfolio-${partners}`;
if (!existsSync(`${dir}/manifest.csv`)) {
  execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'gen', '--', '--portfolio', String(partners), '--out', dir], { cwd: root, stdio: 'inherit' });
}
const bytes = Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0]);

// Each run in a fresh process, so that its peak memory is its own.
const runOnce = (workers) => {
  const script = `
    const { findPartners, scorePartners } = await import(${JSON.stringify(`${root}dist/batch.js`)});
    const { portfolio } = await import(${JSON.stringify(`${root}dist/node.js`)});
    const started = performance.now();
    const partners = await findPartners(${JSON.stringify(dir)});
    const rows = await scorePartners(partners, { workers: ${workers} });
    portfolio(rows, 'csv');
    const seconds = (performance.now() - started) / 1000;
    console.log(JSON.stringify({ partners: partners.length, rows: rows.length, seconds, peakMB: process.resourceUsage().maxRSS / 1024 }));`;
  // A file, not --eval: worker threads inherit the process's flags.
  const file = `${dir}.run.mjs`;
  writeFileSync(file, script);
  return JSON.parse(execFileSync('node', [file], { encoding: 'utf8' }));
};

const one = runOnce(1);
const two = runOnce(2);
const rate = (r) => r.partners / r.seconds;
const result = {
  partners,
  megabytes: Math.round(bytes / 1e6),
  oneWorker: { seconds: one.seconds, partnersPerSecond: rate(one), peakMB: one.peakMB },
  twoWorkers: { seconds: two.seconds, partnersPerSecond: rate(two), peakMB: two.peakMB },
  ratio: rate(two) / rate(one),
};
if (args.includes('--json')) console.log(JSON.stringify(result));
else {
  console.log(`spd-score batch: ${partners} partners, ${result.megabytes} MB of files`);
  for (const [name, r] of [['1 worker ', result.oneWorker], ['2 workers', result.twoWorkers]]) {
    console.log(`  ${name}  ${r.seconds.toFixed(1).padStart(6)} s  ${r.partnersPerSecond.toFixed(1).padStart(7)} partners/s  peak ${Math.round(r.peakMB)} MB`);
  }
  console.log(`  2 workers / 1 worker: ${result.ratio.toFixed(2)}x (target 1.7x on 2 cores)`);
}
