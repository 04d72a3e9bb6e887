// `npm run bench`: the .wasm size, then throughput and memory four ways.
//   npm run bench [-- --sizes 1,100]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const wasm = readFileSync(`${root}/dist/spd_score_bg.wasm`);
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`dist/spd_score_bg.wasm: ${kb(wasm.length)} raw, ${kb(gzipSync(wasm, { level: 9 }).length)} gzipped`);
execFileSync('node', ['bench/throughput.mjs', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
