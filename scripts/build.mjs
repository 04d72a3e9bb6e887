// Builds the WebAssembly core into dist/ (the npm package) and www/pkg/ (the page).
//   node scripts/build.mjs [--dev] [--features=LIST]
// --features=LIST: exactly these cargo features (docs/performance.md, "Cargo
// features"); `--features=` builds Modern Work alone. Default: all areas.
// dist/: index.js (browsers and bundlers), node.js (Node, ESM), index.cjs
// (Node, CommonJS: node.js bundled by esbuild), cli.js, the declarations
// (index.d.ts, and index.d.cts for CommonJS), the wasm-bindgen glue and the
// .wasm; dist/calculator/: <spd-score-calculator>, copied from www/.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { buildWasm, root } from './wasm.mjs';

const dev = process.argv.includes('--dev');
const featuresArg = process.argv.find((a) => a.startsWith('--features='));
const features = featuresArg === undefined ? null : featuresArg.slice('--features='.length).split(',').filter(Boolean);
buildWasm({ outDir: 'dist', dev, features });
for (const f of ['index.js', 'index.d.ts', 'node.js', 'cli.js', 'batch.js']) cpSync(`${root}/js/${f}`, `${root}/dist/${f}`);
// The same declarations for require(): in a .d.cts they describe CommonJS.
cpSync(`${root}/js/index.d.ts`, `${root}/dist/index.d.cts`);

// CommonJS: node.js (no top-level await) with the glue, as one CommonJS file.
// It has its own copy of the module: a program that both requires and
// imports spd-score gets two, which share nothing.
await build({
  entryPoints: [`${root}/dist/node.js`],
  outfile: `${root}/dist/index.cjs`,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node18',
  define: { 'import.meta.url': '__spdModuleUrl' },
  banner: { js: "// spd-score for require(): dist/node.js bundled as CommonJS by scripts/build.mjs.\n'use strict';\nconst __spdModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: 'none',
  logLevel: 'warning',
});

// <spd-score-calculator>: the component's modules, found by following the
// imports of the element and its worker, its styles and samples, copied to
// dist/calculator/. The worker's default core, ./pkg/ in www/, is the
// package's own ../index.js there.
const calculator = `${root}/dist/calculator`;
mkdirSync(calculator, { recursive: true });
const modules = new Set();
const follow = (name) => {
  if (modules.has(name)) return;
  modules.add(name);
  const text = readFileSync(`${root}/www/${name}`, 'utf8');
  for (const [, spec] of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)'\.\/([^']+)'/g)) if (!spec.startsWith('pkg/')) follow(spec);
};
follow('spd-score-calculator.js');
follow('score-worker.js');
for (const name of modules) {
  let text = readFileSync(`${root}/www/${name}`, 'utf8');
  const rewritten = text.replaceAll("'./pkg/", "'../");
  if (name === 'score-worker.js' && rewritten === text) throw new Error('www/score-worker.js no longer imports ./pkg/index.js: update scripts/build.mjs');
  writeFileSync(`${calculator}/${name}`, rewritten);
}
cpSync(`${root}/js/calculator.d.ts`, `${calculator}/spd-score-calculator.d.ts`);
// Whatever the modules name by `new URL('./…', import.meta.url)` (styles,
// samples) is copied beside them; a missing one fails the build.
for (const name of modules) {
  const text = readFileSync(`${calculator}/${name}`, 'utf8');
  for (const [, asset] of text.matchAll(/new URL\('\.\/(\w[\w./-]*)', import\.meta\.url\)/g)) {
    const target = join(calculator, asset);
    if (existsSync(target)) continue;
    if (!existsSync(`${root}/www/${asset}`)) throw new Error(`www/${name} names ./${asset}, which is not in www/`);
    mkdirSync(dirname(target), { recursive: true });
    cpSync(`${root}/www/${asset}`, target);
  }
}
rmSync(`${root}/www/pkg`, { recursive: true, force: true });
mkdirSync(`${root}/www/pkg`, { recursive: true });
for (const f of ['index.js', 'spd_score.js', 'spd_score_bg.wasm']) cpSync(`${root}/dist/${f}`, `${root}/www/pkg/${f}`);
// The standalone page's service worker (www/sw.js) keeps exactly the page's
// own files: the page, its modules and what they name, the core and the
// samples; versioned by a hash of their contents, so a new build replaces them.
const pageFiles = new Set(['./', 'page.css', 'offline.js', 'manifest.webmanifest', 'icon.svg', ...[...modules].sort(), 'pkg/index.js', 'pkg/spd_score.js', 'pkg/spd_score_bg.wasm']);
for (const name of modules) {
  for (const [, asset] of readFileSync(`${root}/www/${name}`, 'utf8').matchAll(/new URL\('\.\/(\w[\w./-]*)', import\.meta\.url\)/g)) pageFiles.add(asset);
}
const hash = createHash('sha256');
for (const name of pageFiles) {
  const file = `${root}/www/${name === './' ? 'index.html' : name}`;
  if (!existsSync(file)) throw new Error(`the service worker's list names www/${name}, which is not there`);
  hash.update(`${name}\0`).update(readFileSync(file));
}
writeFileSync(
  `${root}/www/sw-files.js`,
  `// Written by scripts/build.mjs: the files www/sw.js keeps for offline use, and their version.\nself.SPD_VERSION = ${JSON.stringify(hash.digest('hex').slice(0, 16))};\nself.SPD_FILES = ${JSON.stringify([...pageFiles], null, 1)};\n`,
);
console.log(`built dist/spd_score_bg.wasm: ${statSync(`${root}/dist/spd_score_bg.wasm`).size} bytes; dist/calculator/: ${readdirSync(calculator).join(', ')}`);
