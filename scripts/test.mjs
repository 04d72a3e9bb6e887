// `npm test`: every check, in order, stopping at the first failure.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const steps = [
  ['format', 'cargo', ['fmt', '--all', '--', '--check']],
  ['lint', 'cargo', ['clippy', '--all-targets', '--', '-D', 'warnings']],
  ['lint (wasm)', 'cargo', ['clippy', '--lib', '--target', 'wasm32-unknown-unknown', '--', '-D', 'warnings']],
  ['native tests', 'cargo', ['test']],
  ['build', 'node', ['scripts/build.mjs']],
  ['wasm in Node and Chromium, CLI, types', 'node', ['--test', 'tests/js/']],
];
const browser = `${root}/tests/browser`;
if (existsSync(browser) && readdirSync(browser).some((f) => f.endsWith('.test.mjs'))) {
  steps.push(['browser', 'node', ['--test', '--test-concurrency=1', 'tests/browser/']]);
}
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  try {
    execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
  } catch {
    console.error(`\n=== ${name} failed`);
    process.exit(1);
  }
  console.log(`=== ${name}: ok in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
