// Size of what a browser downloads: the .wasm core (raw, gzipped, brotli)
// and the JavaScript glue of dist/, then the .wasm as each set of cargo
// features builds it (Modern Work alone, then the other areas joining).
// Run after `npm run build`:
//   node bench/size.mjs [--json] [--dist-only]
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { buildWasm, root } from '../scripts/wasm.mjs';

const dist = `${root}dist/`;
const FILES = ['spd_score_bg.wasm', 'spd_score.js', 'index.js'];

/** The builds measured: each adds an area's data model (cargo feature). */
export const FEATURE_SETS = [
  { name: 'Modern Work alone', features: [] },
  { name: '+ Security', features: ['security'] },
  { name: '+ the Azure areas', features: ['security', 'azure'] },
  { name: '+ Business Applications (all six)', features: ['security', 'azure', 'bizapps'] },
];

/** The gzipped .wasm for the six areas may weigh at most this (issue 27). */
export const SIX_AREAS_GZIP_TARGET = 250 * 1024;

/** Raw, gzip -9 and brotli (quality 11) byte counts of some bytes. */
function sizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** The sizes of each file in dist/. */
export function measure() {
  return FILES.map((name) => {
    const path = `${dist}${name}`;
    if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first`);
    return { file: `dist/${name}`, ...sizes(readFileSync(path)) };
  });
}

/** Builds the .wasm with each feature set (as scripts/build.mjs does, into
 *  target/sizes/) and returns its sizes. The last set is the default
 *  build, so target/ is left as `npm run build` leaves it. */
export function measureFeatureSets() {
  return FEATURE_SETS.map(({ name, features }, i) => {
    process.stderr.write(`building the .wasm: ${name} (${features.join(', ') || 'no features'})\n`);
    const wasm = buildWasm({ outDir: `target/sizes/${i}`, features, quiet: true });
    return { build: name, features, ...sizes(readFileSync(wasm)) };
  });
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(10);

/** Prints the sizes as tables (or JSON); returns them. */
export function printSizes({ json = false, featureSets = true } = {}) {
  const rows = measure();
  const builds = featureSets ? measureFeatureSets() : [];
  if (json) {
    console.log(JSON.stringify({ files: rows, builds }, null, 2));
    return { rows, builds };
  }
  console.log('== size: what the page downloads');
  console.log(`${'file'.padEnd(24)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`);
  for (const r of rows) console.log(`${r.file.padEnd(24)}${kib(r.raw)}${kib(r.gzip)}${kib(r.brotli)}`);
  const [wasm] = rows;
  console.log(`\n${wasm.file}: ${wasm.raw} bytes raw, ${wasm.gzip} bytes gzipped (${kib(wasm.raw).trim()} / ${kib(wasm.gzip).trim()})`);
  if (builds.length) {
    console.log('\n== size: the .wasm per cargo feature set');
    console.log(`${'build'.padEnd(36)}${'features'.padEnd(24)}${'raw bytes'.padStart(10)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`);
    for (const b of builds) {
      const features = b.features.join(',') || '(none)';
      console.log(`${b.build.padEnd(36)}${features.padEnd(24)}${String(b.raw).padStart(10)}${kib(b.raw)}${kib(b.gzip)}${kib(b.brotli)}`);
    }
    const six = builds[builds.length - 1];
    const ratio = six.gzip / SIX_AREAS_GZIP_TARGET;
    console.log(`\nsix areas gzipped: ${kib(six.gzip).trim()} = ${ratio.toFixed(3)} x the ${kib(SIX_AREAS_GZIP_TARGET).trim()} target (${ratio <= 1 ? 'met' : 'NOT met'})`);
  }
  return { rows, builds };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  printSizes({ json: process.argv.includes('--json'), featureSets: !process.argv.includes('--dist-only') });
}
