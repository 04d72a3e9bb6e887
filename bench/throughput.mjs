// Throughput and peak memory of the scoring core, four ways, on generated
// exports of 1 MB, 100 MB and 1 GB:
//   (a) native Rust, (b) the wasm core in Node, (c) the wasm core in
//   headless Chromium through a worker fed by File.stream(), as the page
//   does, (d) the JavaScript way in the same Chromium: Papa Parse plus a
//   straightforward JS aggregation (bench/baseline.js).
//   node bench/throughput.mjs [--sizes 1,100,1000]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const sizesArg = process.argv.indexOf('--sizes');
const sizes = (sizesArg > 0 ? process.argv[sizesArg + 1] : '1,100,1000').split(',').map(Number);
const run = (cmd, args, options = {}) => execFileSync(cmd, args, { cwd: root, encoding: 'utf8', ...options });

run('cargo', ['build', '--release', '--example', 'gen', '--example', 'bench_native'], { stdio: 'inherit' });
mkdirSync(`${root}/bench-data`, { recursive: true });
const dataFile = (mb) => {
  const path = `${root}/bench-data/generated-${mb}mb.csv`;
  if (!existsSync(path)) {
    console.error(`generating ${path}`);
    execFileSync(`${root}/target/release/examples/gen`, ['--size-mb', String(mb)], { stdio: ['ignore', openSync(path, 'w'), 'inherit'] });
  }
  return path;
};

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

const mb = (bytes) => bytes / 1e6;
const rows = [];
for (const size of sizes) {
  const path = dataFile(size);
  const bytes = statSync(path).size;
  console.error(`\n${size} MB: native`);
  const native = JSON.parse(run(`${root}/target/release/examples/bench_native`, [path, '1000']));
  console.error(`${size} MB: wasm in Node`);
  const node = JSON.parse(run('node', ['bench/node-wasm.mjs', path]));
  console.error(`${size} MB: wasm in Chromium`);
  const wasm = await inChromium('wasm', path);
  console.error(`${size} MB: Papa Parse in Chromium`);
  const papa = await inChromium('papa', path);
  const agree = !papa.error && !wasm.error && JSON.stringify(papa.metrics) === JSON.stringify(wasm.metrics);
  rows.push({ size, bytes, rows: native.rows, native, node, wasm, papa, agree });
}
server.close();

const rate = (bytes, seconds) => (seconds ? `${(mb(bytes) / seconds).toFixed(0)} MB/s` : '-');
const cell = (bytes, r) => (r.error ? `failed: ${r.error.slice(0, 40)}` : `${rate(bytes, r.seconds ?? r.totalSeconds)}, ${mb(r.peakBytes).toFixed(0)} MB peak`);
console.log('\n| file | rows | (a) native | (b) wasm, Node | (c) wasm, Chromium | (d) Papa Parse + JS, Chromium | (c)/(d) | (c)/(a) | same figures (c)=(d) |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const c = r.wasm.seconds, d = r.papa.seconds, a = r.native.totalSeconds;
  const ratio = (x, y) => (x && y ? `${(y / x).toFixed(1)}x` : '-');
  console.log(
    `| ${r.size} MB | ${r.rows.toLocaleString('en')} | ${cell(r.bytes, r.native)} | ${cell(r.bytes, r.node)} | ${cell(r.bytes, r.wasm)} | ${cell(r.bytes, r.papa)} | ${ratio(c, d)} | ${a && c ? (a / c).toFixed(2) : '-'} | ${r.agree ? 'yes' : 'no'} |`,
  );
}
const wasmBytes = readFileSync(`${root}/dist/spd_score_bg.wasm`);
console.log(`\n.wasm: ${wasmBytes.length.toLocaleString('en')} bytes raw, ${gzipSync(wasmBytes, { level: 9 }).length.toLocaleString('en')} bytes gzipped`);
console.log(`machine: ${run('nproc').trim()} cores, ${(Number(readFileSync('/proc/meminfo', 'utf8').match(/MemTotal:\s+(\d+)/)[1]) / 1048576).toFixed(0)} GiB, ${run('node', ['-p', 'require("os").cpus()[0].model']).trim()}`);
