// The npm package as a consumer gets it: packed, installed into an empty
// project, imported by name (exports map), typed, and run as `spd-score`.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, test } from 'node:test';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = join(root, 'tests/fixtures');
const project = mkdtempSync(join(tmpdir(), 'spd-consumer-'));
let packed;

before(() => {
  // --ignore-scripts: the build already ran (npm test builds first).
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', project], { cwd: root, encoding: 'utf8' });
  [packed] = JSON.parse(out);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  // No dependencies: nothing is fetched from the registry.
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', `./${packed.filename}`], { cwd: project, stdio: 'ignore' });
});

test('the package holds what consumers need and nothing else', () => {
  const files = packed.files.map((f) => f.path).sort();
  assert.deepEqual(files, [
    'README.md',
    'dist/cli.js',
    'dist/index.d.ts',
    'dist/index.js',
    'dist/node.js',
    'dist/spd_score.js',
    'dist/spd_score_bg.wasm',
    'package.json',
  ]);
});

test('import "spd-score" in Node scores a fixture', () => {
  const script = `
    import { readFileSync } from 'node:fs';
    import { score, Scorer, version } from 'spd-score';
    const read = (n) => ({ name: n, bytes: readFileSync(${JSON.stringify(fixtures)} + '/' + n) });
    const report = await score([read('cpor-report-13-months.csv'), read('skilling-people.csv')]);
    // The Node entry has the module loaded already: Scorer works at once.
    const empty = new Scorer().report();
    console.log(JSON.stringify([report.status, report.tracks.smb.total, empty.status, version()]));
  `;
  const out = execFileSync('node', ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' });
  const [status, smb, empty, version] = JSON.parse(out);
  assert.deepEqual([status, smb, empty], ['qualified', 74, 'not_started']);
  assert.match(version, /^\d+\.\d+\.\d+$/);
});

test('browsers and bundlers get the plain ES module, Node the preloaded entry', () => {
  const pkg = JSON.parse(readFileSync(join(project, 'node_modules/spd-score/package.json'), 'utf8'));
  assert.deepEqual(pkg.exports['.'], { types: './dist/index.d.ts', node: './dist/node.js', default: './dist/index.js' });
  assert.equal(pkg.browser, './dist/index.js');
  assert.equal(pkg.module, './dist/index.js');
  const resolved = execFileSync('node', ['--input-type=module', '-e', "console.log(import.meta.resolve('spd-score'))"], { cwd: project, encoding: 'utf8' });
  assert.match(resolved, /node_modules\/spd-score\/dist\/node\.js$/m);
});

test('the spd-score command is installed and runs', () => {
  const bin = join(project, 'node_modules/.bin/spd-score');
  const result = spawnSync(bin, ['score', join(fixtures, 'seed-sample-usage.csv')], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^Solutions Partner overview\n(.|\n)*^Solutions Partner for Modern Work, as of 2025-10/m);
});

test('TypeScript resolves the declarations through the package name', () => {
  writeFileSync(
    join(project, 'use.ts'),
    `import { score, type Report } from 'spd-score';\nexport const f = async (b: Uint8Array): Promise<Report['status']> => (await score([{ name: 'a.csv', bytes: b }])).status;\n`,
  );
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const result = spawnSync('node', [tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', 'use.ts'], { cwd: project, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.ok(readdirSync(join(project, 'node_modules/spd-score/dist')).includes('index.d.ts'));
});
