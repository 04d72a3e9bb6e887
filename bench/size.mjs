// Size of what a browser downloads: the .wasm core (raw, gzipped, brotli)
// and the JavaScript glue. Run after `npm run build`:
//   node bench/size.mjs [--json]
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const FILES = ['spd_score_bg.wasm', 'spd_score.js', 'index.js'];

/** Raw, gzip -9 and brotli (quality 11) byte counts of each file in dist/. */
export function measure() {
  return FILES.map((name) => {
    const path = `${dist}${name}`;
    if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first`);
    const bytes = readFileSync(path);
    return {
      file: `dist/${name}`,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(10);

/** Prints the sizes as a table (or JSON); returns them. */
export function printSizes({ json = false } = {}) {
  const rows = measure();
  if (json) {
    console.log(JSON.stringify(rows, null, 2));
    return rows;
  }
  console.log('== size: what the page downloads');
  console.log(`${'file'.padEnd(24)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`);
  for (const r of rows) console.log(`${r.file.padEnd(24)}${kib(r.raw)}${kib(r.gzip)}${kib(r.brotli)}`);
  const [wasm] = rows;
  console.log(`\n${wasm.file}: ${wasm.raw} bytes raw, ${wasm.gzip} bytes gzipped (${kib(wasm.raw).trim()} / ${kib(wasm.gzip).trim()})`);
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  printSizes({ json: process.argv.includes('--json') });
}
