// Hostile inputs at full size (issue 25), each dropped beside a good Azure
// usage file and scored by the CLI as a user runs it (`spd-score score
// --json`): a header of 100 MB of empty fields (`x,` 50 million times), a
// 300 MB line and a 300 MB customer name. For each: wall and CPU time, peak
// memory, the report's size against the good file's alone, and whether the
// good file still scores exactly as alone. Each runs once (the machine is
// shared). The targets: peak under 300 MB, report under 1 MB larger.
//   node bench/hostile.mjs [--scale N]   (N: sizes divided by N, for a quick look)
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const scaleArg = process.argv.indexOf('--scale');
const scale = scaleArg > 0 ? Number(process.argv[scaleArg + 1]) : 1;
const MB = 1 << 20;
const good = `${root}/tests/corpus-layouts/azure-usage.csv`;
const goodText = readFileSync(good, 'utf8');
const [azureHeader, firstRow] = goodText.split('\n');
mkdirSync(`${root}/bench-data`, { recursive: true });

/** Writes `head`, then `fill` repeated to `bytes`, then `tail`, a MB at a time. */
function generate(name, head, fill, bytes, tail) {
  const path = `${root}/bench-data/${name}`;
  if (existsSync(path) && statSync(path).size === head.length + bytes + tail.length) return path;
  const fd = openSync(path, 'w');
  writeSync(fd, head);
  const block = Buffer.from(fill.repeat(MB / fill.length));
  for (let left = bytes; left > 0; left -= block.length) writeSync(fd, block, 0, Math.min(left, block.length));
  writeSync(fd, tail);
  closeSync(fd);
  return path;
}

const [tenant, , ...rest] = firstRow.split(',');
const size = (mb) => Math.round((mb * MB) / scale / 2) * 2;
const cases = [
  ['a header of 100 MB of empty fields', generate(`hostile-header-${100 / scale}mb.csv`, '', 'x,', size(100), '\n')],
  ['a 300 MB line', generate(`hostile-line-${300 / scale}mb.csv`, 'CustomerTenantName,PartnerAttachType,WorkloadName,MonthName,ActiveUsage,QualifiedUsage\n', '77', size(300), '\n')],
  ['a 300 MB customer name', generate(`hostile-name-${300 / scale}mb.csv`, `${azureHeader}\n${tenant}-2,`, 'NN', size(300), `,${rest.join(',')}\n`)],
];

/** The CLI's report of `files`, timed: seconds, CPU seconds, peak bytes (GNU time), the report. */
function score(files) {
  const out = `${root}/bench-data/.hostile-report.json`;
  const times = `${root}/bench-data/.time`;
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', '-o', times, 'node', 'dist/cli.js', 'score', '--json', ...files], {
    cwd: root,
    stdio: ['ignore', openSync(out, 'w'), 'pipe'],
  });
  const seconds = (performance.now() - started) / 1000;
  const [kb, user, system] = readFileSync(times, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
  const text = readFileSync(out, 'utf8');
  return { status: r.status, seconds, cpuSeconds: user + system, peakBytes: kb * 1024, bytes: text.length, report: r.status === 0 ? JSON.parse(text) : null };
}

const alone = score([good]);
const mb = (b) => (b / MB).toFixed(1);
console.log(`good file alone: report ${alone.bytes} bytes, peak ${mb(alone.peakBytes)} MB${scale > 1 ? ` (sizes divided by ${scale})` : ''}`);
for (const [what, path] of cases) {
  const r = score([path, good]);
  if (!r.report) {
    console.log(`${what}: FAILED, exit ${r.status}`);
    continue;
  }
  const kept = JSON.stringify(r.report.areas) === JSON.stringify(alone.report.areas);
  const errors = r.report.errors.map((e) => `${e.kind} line ${e.line}`).join(', ');
  console.log(
    `${what} (${mb(statSync(path).size)} MB): ${r.seconds.toFixed(1)} s (${r.cpuSeconds.toFixed(1)} s CPU), peak ${mb(r.peakBytes)} MB, ` +
      `report +${r.bytes - alone.bytes} bytes; good file ${kept ? 'scored as alone' : 'NOT scored as alone'}; errors: ${errors}`,
  );
}
