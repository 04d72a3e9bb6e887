// The npm package as a consumer gets it: packed, installed into an empty
// project, imported by name from ES modules and CommonJS, typed (without the
// DOM library too), and run as `spd-score`. Bundlers and the component:
// bundlers.test.mjs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { cliTotals, consumerProject, fixtureSets, fixtures, root, run } from './consumer.mjs';

let project, packed, installed;

before(() => {
  ({ project, packed } = consumerProject('spd-consumer-'));
  installed = join(project, 'node_modules/spd-score');
});
after(() => project && !process.env.KEEP_CONSUMER && rmSync(project, { recursive: true, force: true }));

test('the package holds what consumers need and nothing else', () => {
  const files = packed.files.map((f) => f.path).sort();
  const calculator = readdirSync(join(root, 'dist/calculator'), { recursive: true })
    .filter((f) => f.includes('.'))
    .map((f) => `dist/calculator/${f}`);
  assert.deepEqual(
    files,
    [
      'LICENSE',
      'README.md',
      'dist/batch.js',
      'dist/cli.js',
      'dist/index.cjs',
      'dist/index.d.cts',
      'dist/index.d.ts',
      'dist/index.js',
      'dist/node.js',
      'dist/spd_score.js',
      'dist/spd_score_bg.wasm',
      'package.json',
      ...calculator,
    ].sort(),
  );
  // The component, its worker, styles and samples.
  for (const f of ['spd-score-calculator.js', 'spd-score-calculator.d.ts', 'score-worker.js', 'calculator.css', 'overview.js', 'samples/skilling-people.csv']) {
    assert.ok(files.includes(`dist/calculator/${f}`), f);
  }
  assert.match(readFileSync(join(installed, 'LICENSE'), 'utf8'), /^MIT License/);
});

test('package.json: entries per condition, side effects, no invented links', () => {
  const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  assert.deepEqual(pkg.exports['.'], {
    types: { require: './dist/index.d.cts', default: './dist/index.d.ts' },
    browser: './dist/index.js',
    node: { require: './dist/index.cjs', default: './dist/node.js' },
    default: './dist/index.js',
  });
  assert.deepEqual(pkg.exports['./calculator'], { types: './dist/calculator/spd-score-calculator.d.ts', default: './dist/calculator/spd-score-calculator.js' });
  assert.equal(pkg.main, './dist/index.cjs');
  assert.equal(pkg.browser, './dist/index.js');
  assert.equal(pkg.module, './dist/index.js');
  // Only the element registers itself (and the worker is a script of its own).
  assert.deepEqual(pkg.sideEffects, ['./dist/calculator/spd-score-calculator.js', './dist/calculator/score-worker.js']);
  assert.equal(pkg.license, 'MIT');
  // There is no public repository: no repository, homepage or bugs URL rather than a made-up one.
  for (const field of ['repository', 'homepage', 'bugs']) assert.equal(pkg[field], undefined, field);
});

test('the browser entry and the component import nothing from Node', () => {
  const browserFiles = ['dist/index.js', 'dist/spd_score.js', ...readdirSync(join(installed, 'dist/calculator')).filter((f) => f.endsWith('.js')).map((f) => `dist/calculator/${f}`)];
  for (const file of browserFiles) {
    const text = readFileSync(join(installed, file), 'utf8');
    assert.doesNotMatch(text, /\bfrom\s*['"]node:|\bimport\s*\(\s*['"](node:|fs|path|url)|\brequire\s*\(/, file);
  }
  // The .wasm is found by a literal URL bundlers understand.
  assert.match(readFileSync(join(installed, 'dist/index.js'), 'utf8'), /new URL\('\.\/spd_score_bg\.wasm', import\.meta\.url\)/);
});

test('the README links only to the web or within itself (they work on the npm page)', () => {
  const readme = readFileSync(join(installed, 'README.md'), 'utf8');
  const slug = (heading) => heading.trim().toLowerCase().replace(/[^\w\- ]/g, '').replaceAll(' ', '-');
  const anchors = new Set([...readme.matchAll(/^#+ (.+)$/gm)].map(([, h]) => slug(h)));
  const links = [...readme.replace(/```[\s\S]*?```/g, '').matchAll(/\]\(([^)\s]+)\)/g)].map(([, href]) => href);
  assert.ok(links.length > 0);
  for (const href of links) {
    if (href.startsWith('#')) assert.ok(anchors.has(href.slice(1)), `no heading for ${href}`);
    else assert.match(href, /^https:\/\//, `a relative link: ${href}`);
  }
});

const script = (read) => `
  const read = (n) => ({ name: n.split('/').pop(), bytes: ${read}(${JSON.stringify(fixtures)} + '/' + n) });
  const totals = (r) => ({
    tracks: Object.fromEntries(Object.entries(r.areas['modern-work'].tracks).map(([k, t]) => [k, t.total])),
    areas: Object.fromEntries(Object.entries(r.areas).map(([k, a]) => [k, a.total])),
  });
  const sets = ${JSON.stringify(fixtureSets)};
`;

test('import "spd-score" in Node: the Node entry, loaded already, with the same totals as the CLI', async () => {
  const source = `
    import { readFileSync } from 'node:fs';
    import { load, score, Scorer, version } from 'spd-score';
    ${script('readFileSync')}
    // The Node entry has the module loaded already: Scorer works at once.
    const empty = new Scorer().report().areas['modern-work'].status;
    const out = [];
    for (const set of sets) out.push(totals(await score(set.map(read))));
    await load();
    console.log(JSON.stringify({ empty, version: version(), out, entry: import.meta.resolve('spd-score') }));
  `;
  const [stdout, expected] = await Promise.all([run('node', ['--input-type=module', '-e', source], { cwd: project }), cliTotals(project)]);
  const result = JSON.parse(stdout);
  assert.equal(result.empty, 'not_scored');
  assert.match(result.version, /^\d+\.\d+\.\d+$/);
  assert.match(result.entry, /node_modules\/spd-score\/dist\/node\.js$/);
  assert.deepEqual(result.out, expected);
  assert.equal(expected[0].tracks.smb, 74);
});

test('require("spd-score"): the CommonJS entry, the same API loaded at once, the same totals', async () => {
  const source = `
    const { readFileSync } = require('node:fs');
    const spd = require('spd-score');
    ${script('readFileSync')}
    (async () => {
      // Loaded on require: Scorer and the rest work at once; load() resolves.
      const scorer = new spd.Scorer();
      for (const f of sets[0].map(read)) scorer.addFile(f.name, f.bytes);
      const first = totals(scorer.report());
      scorer.free();
      await spd.load();
      const rest = [];
      for (const set of sets.slice(1)) rest.push(totals(await spd.score(set.map(read))));
      console.log(JSON.stringify({
        exports: Object.keys(spd).sort(),
        version: spd.version(),
        rulesets: spd.rulesets().length,
        modernWork: spd.defaultRuleset().id,
        out: [first, ...rest],
        entry: require.resolve('spd-score'),
      }));
    })();
  `;
  writeFileSync(join(project, 'use.cjs'), source);
  const [stdout, expected] = await Promise.all([run('node', ['use.cjs'], { cwd: project }), cliTotals(project)]);
  const result = JSON.parse(stdout);
  assert.deepEqual(result.exports, ['Scorer', 'SpdScoreError', 'defaultRuleset', 'load', 'portfolio', 'rulesets', 'score', 'version']);
  assert.match(result.version, /^\d+\.\d+\.\d+$/);
  assert.equal(result.rulesets, 6);
  assert.equal(result.modernWork, 'modern-work');
  assert.match(result.entry, /node_modules\/spd-score\/dist\/index\.cjs$/);
  assert.deepEqual(result.out, expected);
});

test('the spd-score command is installed and runs', () => {
  const bin = join(project, 'node_modules/.bin/spd-score');
  const result = spawnSync(bin, ['score', join(fixtures, 'seed-sample-usage.csv')], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^Solutions Partner overview\n(.|\n)*^Solutions Partner for Modern Work, as of 2025-10/m);
});

// ---- TypeScript ------------------------------------------------------------

const tsc = join(root, 'node_modules/typescript/bin/tsc');
/** Writes the files and a tsconfig.json in a folder of the project; runs tsc there. */
function typeCheck(folder, compilerOptions, files) {
  const dir = join(project, folder);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, noEmit: true, skipLibCheck: false, target: 'es2022', types: [], ...compilerOptions }, files: Object.keys(files) }),
  );
  return run('node', [tsc, '-p', dir, '--listFiles'], { cwd: dir }).catch((e) => assert.fail(e.message));
}

const esmUse = `
  import { load, score, Scorer, defaultRuleset, version, type Report, type WasmSource } from 'spd-score';
  export async function main(bytes: Uint8Array, source: WasmSource): Promise<string> {
    await load();
    await load(bytes);
    await load(source);
    await load(bytes.buffer);
    await load('./spd_score_bg.wasm');
    // @ts-expect-error: not a source
    await load(42);
    const report: Report = await score([{ name: 'a.csv', bytes }], { today: '2025-11-01', asOf: '2025-10' });
    const scorer = new Scorer({ today: '2025-11', ruleset: defaultRuleset('security') }).addFile('b.csv', bytes);
    const total: number | null = report.areas['security'].total;
    return [report.areas['modern-work'].tracks.smb?.total, total, scorer.report({ history: true }).areas['modern-work'].status, version()].join();
  }
`;

test('TypeScript without the DOM library: nodenext, from an ES module and from a .cts file', async () => {
  const out = await typeCheck('ts-nodenext', { module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2022'] }, {
    'esm.ts': esmUse,
    'cjs.cts': `
      import spd = require('spd-score');
      export async function main(bytes: Uint8Array): Promise<spd.Status> {
        const scorer = new spd.Scorer().addFile('a.csv', bytes);
        const report: spd.Report = scorer.report();
        scorer.free();
        const status = report.areas['modern-work'].status;
        return (await spd.score([{ name: 'a.csv', bytes }])).areas['modern-work'].status === status ? status : 'not_started';
      }
    `,
  });
  // ES modules are typed by index.d.ts, CommonJS by index.d.cts; no DOM library is read.
  assert.match(out, /node_modules\/spd-score\/dist\/index\.d\.ts$/m);
  assert.match(out, /node_modules\/spd-score\/dist\/index\.d\.cts$/m);
  assert.doesNotMatch(out, /lib\.dom\.d\.ts/);
});

test('TypeScript without the DOM library: bundler resolution', async () => {
  const out = await typeCheck('ts-bundler', { module: 'esnext', moduleResolution: 'bundler', lib: ['es2022'] }, { 'app.ts': esmUse });
  assert.match(out, /node_modules\/spd-score\/dist\/index\.d\.ts$/m);
  assert.doesNotMatch(out, /lib\.dom\.d\.ts/);
});

test("TypeScript with the DOM library: the browser's own types fit load(), and the component is typed", async () => {
  const out = await typeCheck('ts-dom', { module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'dom'] }, {
    'page.ts': `
      import { load, type Report } from 'spd-score';
      import { SpdScoreCalculator } from 'spd-score/calculator';
      await load(new URL('./spd_score_bg.wasm', location.href));
      await load(fetch('/spd_score_bg.wasm'));
      await load(await fetch('/spd_score_bg.wasm'));
      await load(new Request('/spd_score_bg.wasm'));
      await load(await WebAssembly.compileStreaming(fetch('/spd_score_bg.wasm')));
      const el = document.querySelector('spd-score-calculator');
      const same: SpdScoreCalculator | null = el;
      el?.addEventListener('spd-score:report', (e) => console.log(e.detail.areas['modern-work'].tracks.smb?.total));
      el?.addEventListener('spd-score:error', (e) => console.log(e.detail.message));
      const report: Report | undefined = await el?.scoreFiles([new File(['x'], 'a.csv'), { name: 'b.csv', bytes: new Uint8Array() }]);
      // @ts-expect-error: the report is read-only
      if (el) el.report = null;
      export { same, report };
    `,
  });
  assert.match(out, /node_modules\/spd-score\/dist\/calculator\/spd-score-calculator\.d\.ts$/m);
});
