// Throughput and peak memory of the scoring core, four ways, on generated
// exports of 1 MB, 100 MB and 1 GB, and of 78,000 tenants over two months
// (`78k`: the size of a large partner's usage export):
//   (a) native Rust, (b) the wasm core in Node, (c) the wasm core in
//   headless Chromium through a worker fed by File.stream(), as the page
//   does, (d) the JavaScript way in the same Chromium: Papa Parse plus a
//   straightforward JS aggregation (bench/baseline.js).
// Then the command line as a user runs it, end to end (Node's start, the
// module's load, reading, scoring, printing), against the JavaScript way in
// Node (bench/papa-node.mjs), each a process of its own timed whole:
//   (e) `node dist/cli.js score FILE` (the summary), (f) `... --json FILE`
//   (the whole report, to a file), (g) Papa Parse + JS in Node.
//   node bench/throughput.mjs [--sizes 1,100,1000,78k,97k13p] [--page-only]   (Nk: N thousand tenants, 2 months;
//   NkM: over M months; NkMp: a large partner's export, `gen --profile partner`: 97k13p is 35.6 MB,
//   78,002 tenants, as issue 27's file)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const sizesArg = process.argv.indexOf('--sizes');
const sizes = (sizesArg > 0 ? process.argv[sizesArg + 1] : '1,100,1000,78k,97k13p').split(',').map((s) => s.trim());
const run = (cmd, args, options = {}) => execFileSync(cmd, args, { cwd: root, encoding: 'utf8', ...options });

run('cargo', ['build', '--release', '--example', 'gen', '--example', 'bench_native'], { stdio: 'inherit' });
mkdirSync(`${root}/bench-data`, { recursive: true });
// `100`: 100 MB of 13 months; `78k`: 78,000 tenants over two months;
// `100k13`: 100,000 generated tenants over 13 months (`npm run gen -- --tenants 100000 --months 13`).
const dataFile = (size) => {
  const tenants = /^(\d+)k(\d+)?(p)?$/.exec(size);
  const months = tenants?.[2] ?? '2';
  const profile = tenants?.[3] ? ['--profile', 'partner'] : [];
  const path = tenants
    ? `${root}/bench-data/generated-${Number(tenants[1])}k-tenants-${months}-months${profile.length ? '-partner' : ''}.csv`
    : `${root}/bench-data/generated-${size}mb.csv`;
  const args = tenants ? ['--tenants', String(Number(tenants[1]) * 1000), '--months', months, ...profile] : ['--size-mb', String(Number(size))];
  if (!existsSync(path)) {
    console.error(`generating ${path}`);
    execFileSync(`${root}/target/release/examples/gen`, args, { stdio: ['ignore', openSync(path, 'w'), 'inherit'] });
  }
  return path;
};

/**
 * A command run as a process of its own, timed whole: wall seconds, CPU
 * seconds (user + system: steadier than wall time on a shared machine) and
 * peak resident memory (GNU time); the run of median wall time of `runs`.
 */
function timed(args, { out = '/dev/null', runs = 1 } = {}) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const times = `${root}/bench-data/.time`;
    const started = performance.now();
    const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', '-o', times, ...args], { cwd: root, stdio: ['ignore', openSync(out, 'w'), 'pipe'] });
    const seconds = (performance.now() - started) / 1000;
    if (r.status !== 0) return { error: `exit ${r.status}: ${String(r.stderr).split('\n')[0]}` };
    const [kb, user, system] = readFileSync(times, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
    results.push({ seconds, cpuSeconds: user + system, peakBytes: kb * 1024 });
  }
  results.sort((a, b) => a.seconds - b.seconds);
  return results[Math.floor(results.length / 2)];
}

/** Peak resident memory of a process tree (Linux /proc), in bytes. */
function treePeak(pid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {}
  }
  let peak = 0;
  const visit = (p) => {
    try {
      const hwm = readFileSync(`/proc/${p}/status`, 'utf8').match(/VmHWM:\s+(\d+)/);
      // The renderer runs the page and its workers: the largest process is the figure.
      if (hwm) peak = Math.max(peak, Number(hwm[1]) * 1024);
    } catch {}
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return peak;
}

const server = createServer(sirv(root, { dev: true })).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const origin = `http://127.0.0.1:${server.address().port}`;

/** The pid of the process whose command line holds `marker`. */
function pidWith(marker) {
  for (const entry of readdirSync('/proc')) {
    try {
      if (/^\d+$/.test(entry) && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker)) return Number(entry);
    } catch {}
  }
  return undefined;
}

async function inChromium(kind, path) {
  // An unknown switch marks this run's browser process, to find its renderers.
  const marker = `--spd-bench=${process.pid}-${kind}-${Date.now()}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', marker],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/bench/browser/index.html`);
    await page.setInputFiles('#file', path);
    const result = await page.evaluate((k) => window.runBench(k), kind);
    return { ...result, peakBytes: treePeak(pidWith(marker)) };
  } catch (e) {
    return { error: String(e.message ?? e).split('\n')[0] };
  } finally {
    await browser.close();
  }
}

/**
 * The page as a user meets it (www/index.html, its worker started): the
 * file dropped on <spd-score-calculator>, timed in the page from the input's
 * change to Modern Work's total on screen (and to the whole report, with
 * the history, painted after it), then to the first page of its tenants
 * table on screen once the area is opened (from the click).
 */
async function onPage(path) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${origin}/www/index.html`);
    const input = page.locator('spd-score-calculator input[type=file]').first();
    // The worker is ready when the landing guide is drawn.
    await page.waitForFunction(() => document.querySelector('spd-score-calculator')?.shadowRoot?.querySelector('input[type=file]'));
    await page.waitForTimeout(1500);
    await page.evaluate(() => {
      const root = document.querySelector('spd-score-calculator').shadowRoot;
      const marks = (window.benchMarks = {});
      root.querySelector('input[type=file]').addEventListener('change', () => (marks.dropped = performance.now()), { capture: true });
      const watch = (name, selector) =>
        new MutationObserver((_, observer) => {
          if (root.querySelector(selector)) {
            marks[name] = performance.now();
            observer.disconnect();
          }
        }).observe(root, { subtree: true, childList: true, characterData: true });
      watch('totals', '[data-area="modern-work"] [data-field="total"]');
      // The whole report (history and qualification window too), painted after the totals.
      document.querySelector('spd-score-calculator').addEventListener('spd-score:report', () => (marks.report = performance.now()), { once: true });
    });
    await input.setInputFiles(path);
    await page.waitForFunction(() => window.benchMarks.totals && window.benchMarks.report, null, { timeout: 300_000, polling: 50 });
    // Modern Work's view, its tenants table's first page (sorted by contribution, the table's default).
    await page.evaluate(() => {
      const root = document.querySelector('spd-score-calculator').shadowRoot;
      const marks = window.benchMarks;
      new MutationObserver((_, observer) => {
        if (root.querySelector('[data-table="tenants"]:not([aria-busy]) tbody tr')) {
          marks.tenants = performance.now();
          observer.disconnect();
        }
      }).observe(root, { subtree: true, childList: true, attributes: true });
      marks.opened = performance.now();
      root.querySelector('[data-area="modern-work"] [data-field="open-area"]').click();
    });
    await page.waitForFunction(() => window.benchMarks.tenants, null, { timeout: 120_000, polling: 50 });
    const m = await page.evaluate(() => window.benchMarks);
    return { totalsSeconds: (m.totals - m.dropped) / 1000, reportSeconds: (m.report - m.dropped) / 1000, tenantsSeconds: (m.tenants - m.opened) / 1000 };
  } catch (e) {
    return { error: String(e.message ?? e).split('\n')[0] };
  } finally {
    await browser.close();
  }
}

const mb = (bytes) => bytes / 1e6;
const label = (size) => {
  const tenants = /^(\d+)k(\d+)?(p)?$/.exec(size);
  if (tenants?.[3]) return `a large partner (${tenants[1]}k generated tenants, ${tenants[2] ?? 2} months)`;
  return tenants ? `${tenants[1]}k tenants, ${tenants[2] ?? 2} months` : `${size} MB`;
};
/** The figures the Papa Parse baseline computes, from a report. */
const metricsOf = (report) =>
  Object.fromEntries(
    Object.entries(report.areas['modern-work'].tracks).map(([id, t]) => [
      id,
      {
        netAdds: t.metrics.netCustomerAdds.value,
        growth: Object.fromEntries(Object.entries(t.metrics.usageGrowth.options).map(([k, v]) => [k, v.value])),
        deployments: Object.fromEntries(Object.entries(t.metrics.deployments.options).map(([k, v]) => [k, v.value])),
      },
    ]),
  );
if (process.argv.includes('--page-only')) {
  // The page alone (a quick look while working on it): `--sizes` files, three runs each.
  for (const size of sizes) {
    const runs = [1, 2, 3].map(() => null);
    for (let i = 0; i < runs.length; i++) runs[i] = await onPage(dataFile(size));
    console.log(label(size), JSON.stringify(runs));
  }
  server.close();
  process.exit(0);
}
const rows = [];
for (const size of sizes) {
  const path = dataFile(size);
  const bytes = statSync(path).size;
  const name = label(size);
  console.error(`\n${name}: native`);
  const native = JSON.parse(run(`${root}/target/release/examples/bench_native`, [path, '1000']));
  console.error(`${name}: wasm in Node`);
  const node = JSON.parse(run('node', ['bench/node-wasm.mjs', path]));
  console.error(`${name}: wasm in Chromium`);
  const wasm = await inChromium('wasm', path);
  console.error(`${name}: Papa Parse in Chromium`);
  const papa = await inChromium('papa', path);
  const baselineless = !wasm.error && Object.values(wasm.metrics).some((t) => t.netAdds === null);
  const agree = baselineless ? 'n/a (no baseline month)' : !papa.error && !wasm.error && JSON.stringify(papa.metrics) === JSON.stringify(wasm.metrics) ? 'yes' : 'no';
  // The command line and Papa Parse in Node: three runs each, the median,
  // but one for files of 200 MB and more.
  const runs = bytes < 200e6 ? 3 : 1;
  console.error(`${name}: CLI summary, CLI --json, Papa Parse in Node (${runs} run${runs > 1 ? 's' : ''} each)`);
  const summary = timed(['node', 'dist/cli.js', 'score', path], { runs });
  const reportPath = `${root}/bench-data/.report.json`;
  const json = timed(['node', 'dist/cli.js', 'score', '--json', path], { out: reportPath, runs });
  json.reportBytes = statSync(reportPath).size;
  const papaOut = `${root}/bench-data/.papa.json`;
  const papaNode = timed(['node', 'bench/papa-node.mjs', path], { out: papaOut, runs });
  // The same figures, when the core has them (a baseline month).
  let cliAgrees = '-';
  if (!json.error && !papaNode.error && json.reportBytes < 500e6) {
    const core = metricsOf(JSON.parse(readFileSync(reportPath, 'utf8')));
    const known = Object.values(core).every((t) => t.netAdds !== null);
    cliAgrees = known ? (JSON.stringify(core) === JSON.stringify(JSON.parse(readFileSync(papaOut, 'utf8')).metrics) ? 'yes' : 'no') : 'n/a (no baseline month)';
  }
  rmSync(reportPath, { force: true });
  rmSync(papaOut, { force: true });
  // The page as a user meets it, below 200 MB (the median of three drops).
  let onThePage = null;
  if (bytes < 200e6) {
    console.error(`${name}: the page (three drops)`);
    const drops = [];
    for (let i = 0; i < 3; i++) drops.push(await onPage(path));
    const ok = drops.filter((d) => !d.error).sort((a, b) => a.totalsSeconds - b.totalsSeconds);
    onThePage = ok.length ? ok[Math.floor(ok.length / 2)] : drops[0];
  }
  rows.push({ size, name, bytes, rows: native.rows, tenants: native.tenants, native, node, wasm, papa, agree, summary, json, papaNode, cliAgrees, onThePage });
}
server.close();

const rate = (bytes, seconds) => (seconds ? `${(mb(bytes) / seconds).toFixed(0)} MB/s` : '-');
const cell = (bytes, r) => (r.error ? `failed: ${r.error.slice(0, 40)}` : `${rate(bytes, r.seconds ?? r.totalSeconds)}, ${mb(r.peakBytes).toFixed(0)} MB peak`);
const ratio = (x, y) => (x && y ? `${(y / x).toFixed(1)}x` : '-');
console.log('\n| file | rows | tenants | (a) native | (b) wasm, Node | (c) wasm, Chromium | (d) Papa Parse + JS, Chromium | (c)/(d) | (c)/(a) | same figures (c)=(d) |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const c = r.wasm.seconds, d = r.papa.seconds, a = r.native.totalSeconds;
  console.log(
    `| ${r.name} | ${r.rows.toLocaleString('en')} | ${r.tenants.toLocaleString('en')} | ${cell(r.bytes, r.native)} | ${cell(r.bytes, r.node)} | ${cell(r.bytes, r.wasm)} | ${cell(r.bytes, r.papa)} | ${ratio(c, d)} | ${a && c ? (a / c).toFixed(2) : '-'} | ${r.agree} |`,
  );
}

// The command line against the JavaScript way in Node, end to end, with the
// targets: the summary at least 3x Papa Parse + JS, --json at least 1.5x,
// and the JSON report no larger than the file read.
const secs = (r) => (r.error ? `failed: ${r.error.slice(0, 40)}` : `${r.seconds.toFixed(2)} s (CPU ${r.cpuSeconds.toFixed(2)} s), ${mb(r.peakBytes).toFixed(0)} MB peak`);
// Wall time as a user sees it, CPU time in brackets.
const target = (r, base, goal) => {
  if (r.error || base.error) return '-';
  const wall = base.seconds / r.seconds;
  return `${wall.toFixed(2)}x (CPU ${(base.cpuSeconds / r.cpuSeconds).toFixed(2)}x), ${wall >= goal ? 'meets' : 'below'} ${goal}x`;
};
console.log('\n| file | size | tenants | (e) CLI summary | (f) CLI --json | (g) Papa Parse + JS, Node | (g)/(e), target 3x | (g)/(f), target 1.5x | JSON / input, target <= 1 | same figures (f)=(g) |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const share = r.json.error ? '-' : `${(r.json.reportBytes / r.bytes).toFixed(2)} (${mb(r.json.reportBytes).toFixed(1)} MB${r.json.reportBytes <= r.bytes ? '' : ', over'})`;
  console.log(
    `| ${r.name} | ${mb(r.bytes).toFixed(1)} MB | ${r.tenants.toLocaleString('en')} | ${secs(r.summary)} | ${secs(r.json)} | ${secs(r.papaNode)} | ${target(r.summary, r.papaNode, 3)} | ${target(r.json, r.papaNode, 1.5)} | ${share} | ${r.cliAgrees} |`,
  );
}
// Lists on demand (report schema 3): the first page (50 rows) of Modern
// Work's tenants as the page asks for it, timed from the ask, (c) through
// the page's worker in Chromium and (b) the wasm core in Node; target 0.3 s.
const s2 = (x) => (x === undefined ? '-' : `${x.toFixed(2)} s`);
console.log('\n| file | tenants | rows() first page, target 0.3 s: list order | by contribution | a search | a path sort |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) {
  const c = r.wasm.rowsSeconds ?? {};
  const b = r.node;
  const both = (worker, node) => `${s2(worker)} (Node ${s2(node)})${Math.max(worker ?? 0, node ?? 0) <= 0.3 ? '' : ', over'}`;
  console.log(
    `| ${r.name} | ${(b.tenants ?? 0).toLocaleString('en')} | ${both(c.listOrder, b.rowsFirstPageSeconds)} | ${both(c.contribution, b.rowsByContributionSeconds)} | ${both(c.search, b.rowsSearchSeconds)} | ${both(c.pathSort, b.rowsPathSortSeconds)} |`,
  );
}

// The page against the CLI summary on the same file: drop to Modern Work's
// total on screen (h), target at most 1.3x (e); then the whole report with
// the history (i), and the tenants table's first page on screen from the
// click into Modern Work (j).
console.log('\n| file | (e) CLI summary, wall | (h) page: drop to the totals | (h)/(e), target <= 1.3x | (i) page: the whole report | (j) page: tenants table, from the click |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) {
  const p = r.onThePage;
  if (!p) continue;
  if (p.error || r.summary.error) {
    console.log(`| ${r.name} | - | failed: ${(p.error ?? r.summary.error).slice(0, 60)} | - | - | - |`);
    continue;
  }
  const ratio = p.totalsSeconds / r.summary.seconds;
  console.log(
    `| ${r.name} | ${s2(r.summary.seconds)} | ${s2(p.totalsSeconds)} | ${ratio.toFixed(2)}x, ${ratio <= 1.3 ? 'meets' : 'over'} | ${s2(p.reportSeconds)} | ${s2(p.tenantsSeconds)} |`,
  );
}

// Every target of issue 27 measured above, one line each.
console.log('\nTargets (issue 27), this run:');
for (const r of rows) {
  const lines = [];
  if (r.onThePage && !r.onThePage.error && !r.summary.error) {
    const ratio = r.onThePage.totalsSeconds / r.summary.seconds;
    lines.push(`page totals ${ratio.toFixed(2)}x the CLI summary (target <= 1.3x): ${ratio <= 1.3 ? 'meets' : 'MISSES'}`);
  }
  const firstPages = Object.values(r.wasm.rowsSeconds ?? {});
  if (firstPages.length && r.tenants >= 10000) {
    const worst = Math.max(...firstPages);
    lines.push(`slowest first page through the worker ${s2(worst)} (target <= 0.3 s): ${worst <= 0.3 ? 'meets' : 'MISSES'}`);
  }
  if (r.onThePage && !r.onThePage.error && r.tenants >= 10000) {
    const click = r.onThePage.tenantsSeconds;
    lines.push(`the page's tenants table on screen ${s2(click)} after the click (target <= 0.3 s): ${click <= 0.3 ? 'meets' : 'MISSES'}`);
  }
  // From 10 MB (at 1 MB the CLI's fixed costs, Node's start and the module's load, outweigh the work).
  if (!r.json.error && !r.papaNode.error && r.bytes >= 10e6) {
    const ratio = r.papaNode.seconds / r.json.seconds;
    const cpu = r.papaNode.cpuSeconds / r.json.cpuSeconds;
    lines.push(`CLI --json ${ratio.toFixed(2)}x Papa Parse + JS (CPU ${cpu.toFixed(2)}x; target >= 1.5x): ${ratio >= 1.5 ? 'meets' : 'MISSES'}`);
  }
  if (!r.json.error && r.bytes >= 500e6) {
    const peak = mb(r.json.peakBytes);
    lines.push(`CLI --json peak ${peak.toFixed(0)} MB (target < 300 MB): ${peak < 300 ? 'meets' : 'MISSES'}`);
  }
  if (lines.length) console.log(`  ${r.name}: ${lines.join('; ')}`);
}
const wasmBytes = readFileSync(`${root}/dist/spd_score_bg.wasm`);
console.log(`\n.wasm: ${wasmBytes.length.toLocaleString('en')} bytes raw, ${gzipSync(wasmBytes, { level: 9 }).length.toLocaleString('en')} bytes gzipped`);
console.log(`machine: ${run('nproc').trim()} cores, ${(Number(readFileSync('/proc/meminfo', 'utf8').match(/MemTotal:\s+(\d+)/)[1]) / 1048576).toFixed(0)} GiB, ${run('node', ['-p', 'require("os").cpus()[0].model']).trim()}`);
