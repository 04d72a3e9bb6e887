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

// The release module is built with std compiled from its sources, for size:
// std's `optimize_for_size` (small sorts and formatting) and panics that
// abort at once, with no message machinery (a panic is a trap either way;
// the page's worker reports it). These are -Z flags of the pinned stable
// toolchain, opened by RUSTC_BOOTSTRAP for this build only; together they
// take about 10% off the gzipped module. Needs the rust-src component
// (scripts/setup.sh adds it); without it the build falls back to the
// prebuilt std and says so.
const SMALL_STD = {
  cargo: ['-Z', 'build-std=std,panic_abort', '-Z', 'build-std-features=optimize_for_size'],
  env: {
    RUSTC_BOOTSTRAP: '1',
    CARGO_ENCODED_RUSTFLAGS: ['-Zunstable-options', '-Cpanic=immediate-abort'].join('\x1f'),
  },
};

function hasStdSources() {
  try {
    const sysroot = execFileSync('rustc', ['--print', 'sysroot'], { encoding: 'utf8' }).trim();
    return existsSync(`${sysroot}/lib/rustlib/src/rust/library/std/Cargo.toml`);
  } catch {
    return false;
  }
}

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
  const small = !dev && hasStdSources();
  if (!dev && !small) {
    process.stderr.write('note: rust-src is not installed (`rustup component add rust-src`): the .wasm is built with the prebuilt std, about 30 KiB larger gzipped\n');
  }
  const targetDir = small ? 'target/wasm-small' : 'target';
  execFileSync('cargo', [
    'build', '--lib', '--target', 'wasm32-unknown-unknown', '--target-dir', targetDir,
    ...(dev ? [] : ['--release']), ...cargoFeatures, ...(small ? SMALL_STD.cargo : []),
  ], { cwd: root, stdio, env: small ? { ...process.env, ...SMALL_STD.env } : process.env });
  const built = `${targetDir}/wasm32-unknown-unknown/${dev ? 'debug' : 'release'}/spd_score.wasm`;
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
