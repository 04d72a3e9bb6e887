// `spd-score batch` at scale: a generated portfolio (examples/gen.rs,
// `--portfolio N`, reused when already there) scored with 1 worker and with
// one per core, partners per second for each, their ratio, and the peak
// memory of the whole process (main thread and workers). Each is the best
// of `--runs` runs, alternated, so that another process's burst on a shared
// machine weighs on neither side alone. Then, when .venv (scripts/setup.sh)
// has the Python package, the same for spd_score.batch (threads) and the
// Spark job in local mode (bench/python.py). Run after the build:
//   node bench/batch.mjs [--partners 1000] [--runs 3] [--json]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) || fallback : fallback);
const partners = option('--partners', 1000);
const runs = option('--runs', 3);
const cores = availableParallelism();
const dir = `${root}target/bench-portfolio-${partners}`;
if (!existsSync(`${dir}/manifest.csv`)) {
  execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'gen', '--', '--portfolio', String(partners), '--out', dir], { cwd: root, stdio: 'inherit' });
}
const bytes = Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0]);

// Each run in a fresh process, so that its peak memory is its own: what
// `spd-score batch DIR --out FILE.csv` does, less writing the file.
const runOnce = (workers) => {
  const script = `
    const { findPartners, scorePartners } = await import(${JSON.stringify(`${root}dist/batch.js`)});
    const { portfolio } = await import(${JSON.stringify(`${root}dist/node.js`)});
    const started = performance.now();
    const partners = await findPartners(${JSON.stringify(dir)});
    const rows = await scorePartners(partners, { workers: ${workers} });
    portfolio(rows, 'csv');
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage();
    console.log(JSON.stringify({ partners: partners.length, rows: rows.length, seconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6, peakMB: process.resourceUsage().maxRSS / 1024 }));`;
  // A file, not --eval: worker threads inherit the process's flags.
  const file = `${dir}.run.mjs`;
  writeFileSync(file, script);
  return JSON.parse(execFileSync('node', [file], { encoding: 'utf8' }));
};

// The machine's own ceiling, beside: a CPU loop on 1 thread and on one per
// core, the same work per thread. On a machine others share, a ratio below
// the target says little when this one is as low.
const loopScript = `${dir}.loop.mjs`;
writeFileSync(
  loopScript,
  `import { Worker, isMainThread } from 'node:worker_threads';
   if (!isMainThread) { let x = 0; for (let i = 0; i < 1e8; i++) x = (x + i * 7) % 1000003; }
   else {
     const run = async (n) => { const t = performance.now(); await Promise.all(Array.from({ length: n }, () => new Promise((r) => new Worker(new URL(import.meta.url)).on('exit', r)))); return performance.now() - t; };
     const one = await run(1); const all = await run(${cores});
     console.log(${cores} * one / all);
   }`,
);
const loopRatio = () => Number(execFileSync('node', [loopScript], { encoding: 'utf8' }));

const best = { one: null, all: null };
const loops = [loopRatio()];
for (let i = 0; i < runs; i++) {
  for (const [key, workers] of [['one', 1], ['all', cores]]) {
    const r = runOnce(workers);
    if (!best[key] || r.seconds < best[key].seconds) best[key] = r;
  }
  loops.push(loopRatio());
}
const figures = (r) => ({ seconds: r.seconds, partnersPerSecond: r.partners / r.seconds, cpuSeconds: r.cpuSeconds, peakMB: r.peakMB });
const result = {
  partners,
  megabytes: Math.round(bytes / 1e6),
  cores,
  runs,
  oneWorker: figures(best.one),
  everyCore: figures(best.all),
  ratio: best.one.seconds / best.all.seconds,
  // A CPU loop's speed-up on every core, before the first run and after each pair.
  machineRatios: loops,
};
// The Python package and Spark, when scripts/setup.sh's .venv has the
// package (scripts/python-test.sh installs it).
const python = `${root}.venv/bin/python`;
if (existsSync(python) && spawnSync(python, ['-c', 'import spd_score, pyspark']).status === 0) {
  result.python = JSON.parse(execFileSync(python, [`${root}bench/python.py`, dir, String(runs)], { encoding: 'utf8' }));
}
if (args.includes('--json')) console.log(JSON.stringify(result));
else {
  console.log(`spd-score batch: ${partners} partners, ${result.megabytes} MB of files (best of ${runs} runs each)`);
  for (const [name, r] of [['1 worker  ', result.oneWorker], [`${cores} workers`.padEnd(10), result.everyCore]]) {
    console.log(
      `  ${name} ${r.seconds.toFixed(1).padStart(6)} s  ${r.partnersPerSecond.toFixed(1).padStart(7)} partners/s  ${r.cpuSeconds.toFixed(1).padStart(5)} s CPU  peak ${Math.round(r.peakMB)} MB`,
    );
  }
  console.log(`  ${cores} workers / 1 worker: ${result.ratio.toFixed(2)}x (target 1.7x on 2 cores)`);
  console.log(`  the machine meanwhile: a CPU loop on ${cores} threads ${loops.map((r) => `${r.toFixed(2)}x`).join(', ')} (${cores}x when the cores are free)`);
  const py = result.python;
  if (py) {
    console.log(`spd_score.batch (Python, native core): peak ${Math.round(py.peakMB)} MB`);
    for (const [name, r] of [['1 thread  ', py.oneThread], [`${py.cores} threads`.padEnd(10), py.everyCore]]) {
      console.log(`  ${name} ${r.seconds.toFixed(1).padStart(6)} s  ${r.partnersPerSecond.toFixed(1).padStart(7)} partners/s`);
    }
    const s = py.spark;
    console.log(`python -m spd_score.spark, local[${py.cores}] (JVM start included): ${s.partners} partners`);
    console.log(`  ${s.seconds.toFixed(1).padStart(17)} s  ${s.partnersPerSecond.toFixed(1).padStart(7)} partners/s`);
  }
}
