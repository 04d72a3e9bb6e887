// Shared by the package tests: the npm package as a consumer gets it, packed
// and installed into an empty project from the tarball alone (no registry),
// and this repository's dev tools (bundlers) linked in rather than installed.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const fixtures = join(root, 'tests/fixtures');

/**
 * Packs the package (already built: `npm test` builds first) into a new
 * project that depends on the tarball, and installs it offline: the package
 * has no dependencies, so nothing is fetched. Returns the project's folder
 * and `npm pack`'s description of the tarball.
 */
export function consumerProject(prefix, { type = 'module' } = {}) {
  const project = mkdtempSync(join(tmpdir(), prefix));
  // --ignore-scripts: no prepack build.
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', project], { cwd: root, encoding: 'utf8' });
  const [packed] = JSON.parse(out);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type, dependencies: { 'spd-score': `file:./${packed.filename}` } }, null, 2),
  );
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: project, stdio: 'ignore' });
  return { project, packed };
}

/** Links packages of this repository's node_modules into the project's (after its install, which would prune them). */
export function linkDevTools(project, names) {
  for (const name of names) symlinkSync(join(root, 'node_modules', name), join(project, 'node_modules', name), 'dir');
}

/** Runs a command; resolves to its output, rejects with it on a non-zero exit. */
export function run(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}:\n${output}`))));
  });
}

/** The figures every consumer must agree on: each track's and each area's total. */
export const totals = (report) => ({
  tracks: Object.fromEntries(Object.entries(report.areas['modern-work'].tracks).map(([id, t]) => [id, t.total])),
  areas: Object.fromEntries(Object.entries(report.areas).map(([id, a]) => [id, a.total])),
});

/** The fixture sets scored by every consumer (paths under tests/fixtures). */
export const fixtureSets = [
  ['cpor-report-13-months.csv', 'skilling-people.csv'],
  ['rules-2026.csv', 'training-completions.csv'],
  ['areas/skilling-all-areas.csv', 'areas/manual-values.csv'],
];

/** What the installed `spd-score` command reports for each set, as totals. */
export async function cliTotals(project) {
  const bin = join(project, 'node_modules/.bin/spd-score');
  return Promise.all(fixtureSets.map(async (set) => totals(JSON.parse(await run(bin, ['score', '--json', ...set.map((f) => join(fixtures, f))])))));
}
