// Builds the WebAssembly core into dist/ (the npm package) and www/pkg/ (the page).
//   node scripts/build.mjs [--dev]
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dev = process.argv.includes('--dev');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
const has = (cmd) => {
  try {
    execFileSync(cmd, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

run('cargo', ['build', '--lib', '--target', 'wasm32-unknown-unknown', ...(dev ? [] : ['--release'])]);
const wasm = `target/wasm32-unknown-unknown/${dev ? 'debug' : 'release'}/spd_score.wasm`;
rmSync(`${root}/dist`, { recursive: true, force: true });
run('wasm-bindgen', ['--target', 'web', '--out-dir', 'dist', wasm]);

// wasm-opt shrinks the module further. Only npm's binaryen (a devDependency)
// is used: Debian's older wasm-opt 108 breaks wasm-bindgen's externref table.
const wasmOpt = `${root}/node_modules/.bin/wasm-opt`;
if (!dev && has(wasmOpt)) {
  run(wasmOpt, [
    '-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
    '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
    'dist/spd_score_bg.wasm', '-o', 'dist/spd_score_bg.wasm',
  ]);
}
for (const f of ['index.js', 'index.d.ts', 'node.js', 'cli.js']) cpSync(`${root}/js/${f}`, `${root}/dist/${f}`);
rmSync(`${root}/www/pkg`, { recursive: true, force: true });
mkdirSync(`${root}/www/pkg`, { recursive: true });
for (const f of ['index.js', 'spd_score.js', 'spd_score_bg.wasm']) cpSync(`${root}/dist/${f}`, `${root}/www/pkg/${f}`);
console.log(`built dist/spd_score_bg.wasm: ${statSync(`${root}/dist/spd_score_bg.wasm`).size} bytes`);
