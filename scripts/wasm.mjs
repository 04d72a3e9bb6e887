// The WebAssembly core's build steps, shared by scripts/build.mjs (the
// package) and bench/size.mjs (the module per cargo feature set):
// cargo for wasm32, wasm-bindgen's glue, then wasm-opt -Oz.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
const run = (cmd, args, stdio) => execFileSync(cmd, args, { cwd: root, stdio });

// Only npm's binaryen (a devDependency) is used: Debian's older wasm-opt
// 108 breaks wasm-bindgen's externref table.
const wasmOpt = `${root}/node_modules/.bin/wasm-opt`;

/**
 * Builds the core into `outDir` (relative to the repository): the .wasm
 * (`spd_score_bg.wasm`) and its glue. `features`: the cargo features, or
 * null for the default ones (all areas). `dev`: a debug build, not
 * optimised. `quiet`: cargo's and the tools' output not shown.
 * Returns the .wasm's path.
 */
export function buildWasm({ outDir, features = null, dev = false, quiet = false }) {
  const stdio = quiet ? ['ignore', 'ignore', 'pipe'] : 'inherit';
  const cargoFeatures = features === null ? [] : ['--no-default-features', ...(features.length ? ['--features', features.join(',')] : [])];
  run('cargo', ['build', '--lib', '--target', 'wasm32-unknown-unknown', ...(dev ? [] : ['--release']), ...cargoFeatures], stdio);
  const built = `target/wasm32-unknown-unknown/${dev ? 'debug' : 'release'}/spd_score.wasm`;
  rmSync(`${root}/${outDir}`, { recursive: true, force: true });
  run('wasm-bindgen', ['--target', 'web', '--out-dir', outDir, built], stdio);
  const wasm = `${outDir}/spd_score_bg.wasm`;
  if (!dev && existsSync(wasmOpt)) {
    run(wasmOpt, [
      '-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
      '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
      wasm, '-o', wasm,
    ], stdio);
  }
  return `${root}/${wasm}`;
}
