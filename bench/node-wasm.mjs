// The wasm core in Node on one file, streamed in 1 MiB chunks; prints one
// JSON line: seconds, CPU seconds (steadier than wall time on a shared
// machine), rows, peak resident memory, and the module's linear memory once
// the file is loaded and at the end (it never shrinks, so the end is its
// peak); then the first page (50 rows) of Modern Work's tenants, as the
// page asks for it after the summary: in the list's order, by
// contribution (every tenant weighed), a search and a path sort, each timed
// from the ask. Run in its own process so that the peak belongs to this file alone.
//   node bench/node-wasm.mjs FILE
import { open } from 'node:fs/promises';
import { load, Scorer } from '../dist/index.js';
import init from '../dist/spd_score.js';

const file = process.argv[2];
await load();
// Already initialised by load(): this only hands back the instance's exports.
const wasm = await init();
const started = performance.now();
const cpuStarted = process.cpuUsage();
const scorer = new Scorer();
scorer.beginFile(file);
// Read as the CLI reads a file: into one buffer, reused. A stream's fresh
// megabyte per chunk waits for the collector, and moved this peak by 40 MB
// from one run to the next (283 to 322 MB for the same 1 GB file).
const handle = await open(file);
const buffer = Buffer.allocUnsafe(1 << 20);
for (let read; (read = (await handle.read(buffer, 0, buffer.length, null)).bytesRead) > 0; ) {
  scorer.push(buffer.subarray(0, read));
}
await handle.close();
scorer.endFile();
const wasmBytesLoaded = wasm.memory.buffer.byteLength;
const report = scorer.report();
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStarted);
const modernWork = report.areas['modern-work'];
const firstPage = (query) => {
  const asked = performance.now();
  const { rows } = scorer.rows({ list: 'tenants', area: 'modern-work', track: modernWork.track ?? 'smb', limit: 50, ...query });
  return { seconds: (performance.now() - asked) / 1000, rows: rows.length };
};
const rowsFirstPage = firstPage({});
const rowsByContribution = firstPage({ sort: 'contribution', descending: true });
const rowsSearch = firstPage({ search: '0a1' });
const rowsPathSort = firstPage({ sort: `tracks.${modernWork.track ?? 'smb'}.maxPau.asOf`, descending: true });
console.log(
  JSON.stringify({
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    rows: report.files[0]?.rows ?? 0,
    peakBytes: process.resourceUsage().maxRSS * 1024,
    total: modernWork.tracks.smb?.total ?? null,
    tenants: modernWork.lists.tenants,
    rowsFirstPageSeconds: rowsFirstPage.seconds,
    rowsByContributionSeconds: rowsByContribution.seconds,
    rowsSearchSeconds: rowsSearch.seconds,
    rowsPathSortSeconds: rowsPathSort.seconds,
    wasmBytesLoaded,
    wasmBytesPeak: wasm.memory.buffer.byteLength,
  }),
);
