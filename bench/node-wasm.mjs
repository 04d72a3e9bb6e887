// The wasm core in Node on one file, streamed in 1 MiB chunks; prints one
// JSON line: seconds, CPU seconds (steadier than wall time on a shared
// machine), rows, peak resident memory, and the module's linear memory once
// the file is loaded and at the end (it never shrinks, so the end is its
// peak). Run in its own process so that the peak belongs to this file alone.
//   node bench/node-wasm.mjs FILE
import { createReadStream } from 'node:fs';
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
for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) scorer.push(chunk);
scorer.endFile();
const wasmBytesLoaded = wasm.memory.buffer.byteLength;
const report = scorer.report({ tenantLimit: 1000 });
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStarted);
console.log(
  JSON.stringify({
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    rows: report.files[0]?.rows ?? 0,
    peakBytes: process.resourceUsage().maxRSS * 1024,
    total: report.tracks.smb.total,
    wasmBytesLoaded,
    wasmBytesPeak: wasm.memory.buffer.byteLength,
  }),
);
