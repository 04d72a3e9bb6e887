// `npm test`: every check, in order, stopping at the first failure.
//   1. cargo fmt --check
//   2. clippy, native; 3. clippy, wasm32
//   4. cargo test (native), then clippy and the Modern Work tests with
//      --no-default-features (Modern Work alone)
//   5. the build (scripts/build.mjs)
//   6. tests/js: the wasm core in Node and in headless Chromium, the CLI,
//      the types, the `npm start` server
//   7. the Python package and the Spark job (scripts/python-test.sh)
//   8. tests/browser (the page's end-to-end tests), when that folder has tests
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Test files are listed rather than the folder passed, so every Node version
// runs the same files.
const testsIn = (dir) =>
  existsSync(`${root}/${dir}`)
    ? readdirSync(`${root}/${dir}`)
        .filter((f) => /\.test\.(mjs|js)$/.test(f))
        .sort()
        .map((f) => `${dir}/${f}`)
    : [];

const steps = [
  ['format', 'cargo', ['fmt', '--all', '--', '--check']],
  ['lint', 'cargo', ['clippy', '--all-targets', '--', '-D', 'warnings']],
  ['lint (wasm)', 'cargo', ['clippy', '--lib', '--target', 'wasm32-unknown-unknown', '--', '-D', 'warnings']],
  // The Python front end (src/python.rs) lints here, minutes before its wheel is built.
  ['lint (python)', 'cargo', ['clippy', '--lib', '--features', 'python', '--', '-D', 'warnings']],
  ['native tests', 'cargo', ['test']],
  // Modern Work alone (docs/performance.md, "Cargo features"): the build a distributor
  // may ship must lint clean and score its fixtures.
  ['lint, Modern Work alone', 'cargo', ['clippy', '--all-targets', '--no-default-features', '--', '-D', 'warnings']],
  ['native tests, Modern Work alone', 'cargo', ['test', '--no-default-features', '--lib', '--test', 'features', '--test', 'fixtures', '--test', 'rules']],
  ['build', 'node', ['scripts/build.mjs']],
  ['wasm in Node and Chromium, CLI, types, server', 'node', ['--test', ...testsIn('tests/js')]],
  // The wheel (maturin) in .venv, the fixtures and batch rows through Python, the Spark job.
  ['Python package and Spark (python/)', 'bash', ['scripts/python-test.sh']],
];
// The page's end-to-end tests (tests/browser/, owned by the page): one file
// at a time, as they share a browser and a server port range.
const browser = testsIn('tests/browser');
if (browser.length) steps.push(['page in Chromium (tests/browser)', 'node', ['--test', '--test-concurrency=1', ...browser]]);

const started = Date.now();
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const stepStarted = Date.now();
  try {
    execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
  } catch {
    console.error(`\n=== ${name}: FAILED`);
    process.exit(1);
  }
  console.log(`=== ${name}: ok in ${((Date.now() - stepStarted) / 1000).toFixed(1)} s`);
}
console.log(`\n=== all ${steps.length} steps passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
