// The packed package in a browser app, as a consumer builds it: esbuild,
// webpack and Vite bundle (a) a page using load/Scorer/score and (b) a page
// using <spd-score-calculator> (`import 'spd-score/calculator'`), plus the
// same pages with no bundler (an import map). Each is opened in headless
// Chromium and must give the same totals as the CLI. The configurations are
// what the README tells each bundler's users: nothing for webpack and Vite;
// for esbuild, the worker as one more entry point and the files it leaves to
// copy (the .wasm, the styles, the samples).
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import sirv from 'sirv';
import { chromium } from 'playwright-core';
import { cliTotals, consumerProject, fixtureSets, fixtures, linkDevTools, run } from './consumer.mjs';

let project, server, origin, browser, expected;
const timings = {};
/** What each bundler warned about (esbuild and Vite print only warnings here). */
const warnings = {};

// The app's two pages. `run(sets)` scores each set of fixtures and returns
// the totals (fixtures are served at /fixtures/).
const common = `
const fetchFile = async (path) => ({ name: path.split('/').pop(), bytes: new Uint8Array(await (await fetch('/fixtures/' + path)).arrayBuffer()) });
const totals = (r) => ({
  tracks: Object.fromEntries(Object.entries(r.areas['modern-work'].tracks).map(([k, t]) => [k, t.total])),
  areas: Object.fromEntries(Object.entries(r.areas).map(([k, a]) => [k, a.total])),
});
`;
const libPage = `import { load, Scorer, score, version } from 'spd-score';
${common}
window.run = async (sets) => {
  await load();
  const out = [];
  for (const [i, paths] of sets.entries()) {
    const files = await Promise.all(paths.map(fetchFile));
    if (i === 0) {
      out.push(totals(await score(files)));
      continue;
    }
    const scorer = new Scorer();
    for (const f of files) scorer.addFile(f.name, f.bytes);
    out.push(totals(scorer.report()));
    scorer.free();
  }
  return { version: version(), totals: out };
};
`;
const componentPage = `import 'spd-score/calculator';
${common}
window.run = async (sets) => {
  const el = document.querySelector('spd-score-calculator');
  const out = [];
  for (const paths of sets) {
    await el.reset();
    out.push(totals(await el.scoreFiles(await Promise.all(paths.map(fetchFile)))));
  }
  return { totals: out, styled: el.shadowRoot.adoptedStyleSheets.length };
};
`;
const html = (name, script) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${name}</title></head>
<body><spd-score-calculator></spd-score-calculator>${script}</body></html>
`;

const timed = async (name, work) => {
  const started = Date.now();
  const result = await work();
  timings[name] = Date.now() - started;
  return result;
};

before(async () => {
  ({ project } = await timed('install', async () => consumerProject('spd-bundlers-')));
  linkDevTools(project, ['esbuild', 'webpack', 'webpack-cli', 'vite']);
  mkdirSync(join(project, 'src'));
  writeFileSync(join(project, 'src/lib.js'), libPage);
  writeFileSync(join(project, 'src/component.js'), componentPage);
  // Vite builds from its HTML pages.
  for (const name of ['lib', 'component']) writeFileSync(join(project, `${name}.html`), html(name, `<script type="module" src="/src/${name}.js"></script>`));
  writeFileSync(
    join(project, 'webpack.config.js'),
    `import { fileURLToPath } from 'node:url';
const dir = fileURLToPath(new URL('.', import.meta.url));
export default {
  mode: 'production',
  context: dir,
  entry: { lib: './src/lib.js', component: './src/component.js' },
  output: { path: dir + 'out/webpack', clean: true },
  // The .wasm (about 540 KB) is above webpack's advice for one file.
  performance: { hints: false },
};
`,
  );
  writeFileSync(
    join(project, 'vite.config.js'),
    // base: the pages are served from out/vite/, not from the root.
    `export default { logLevel: 'warn', base: './', build: { outDir: 'out/vite', rollupOptions: { input: { lib: 'lib.html', component: 'component.html' } } } };\n`,
  );
  const out = join(project, 'out');
  const bin = (name, path) => join(project, 'node_modules', name, path);
  const builds = [
    timed('esbuild', async () => {
      warnings.esbuild = await run(bin('esbuild', 'bin/esbuild'), ['src/lib.js', 'src/component.js', 'spd-score/calculator/score-worker.js', '--bundle', '--format=esm', '--outdir=out/esbuild', '--entry-names=[name]', '--log-level=warning'], { cwd: project });
      // esbuild leaves new URL('./…', import.meta.url) as it is: the files it names go beside the bundles.
      const dist = join(project, 'node_modules/spd-score/dist');
      cpSync(join(dist, 'spd_score_bg.wasm'), join(out, 'esbuild/spd_score_bg.wasm'));
      cpSync(join(dist, 'calculator/calculator.css'), join(out, 'esbuild/calculator.css'));
      cpSync(join(dist, 'calculator/samples'), join(out, 'esbuild/samples'), { recursive: true });
      for (const name of ['lib', 'component']) writeFileSync(join(out, `esbuild/${name}.html`), html(name, `<script type="module" src="${name}.js"></script>`));
    }),
    timed('webpack', async () => {
      const output = await run('node', [bin('webpack-cli', 'bin/cli.js'), '--config', 'webpack.config.js'], { cwd: project });
      warnings.webpack = output.split('\n').filter((line) => /WARNING|ERROR|Critical dependency/.test(line)).join('\n');
      for (const name of ['lib', 'component']) writeFileSync(join(out, `webpack/${name}.html`), html(name, `<script src="${name}.js"></script>`));
    }),
    timed('vite', async () => (warnings.vite = await run('node', [bin('vite', 'bin/vite.js'), 'build'], { cwd: project }))),
  ];
  // No bundler: the package's files served as they are, named by an import map.
  mkdirSync(join(out, 'none'), { recursive: true });
  const importMap = `<script type="importmap">{"imports":{"spd-score":"/spd-score/index.js","spd-score/calculator":"/spd-score/calculator/spd-score-calculator.js"}}</script>`;
  for (const name of ['lib', 'component']) writeFileSync(join(out, `none/${name}.html`), html(name, `${importMap}<script type="module" src="/src/${name}.js"></script>`));

  const files = sirv(out, { dev: true });
  const fixtureFiles = sirv(fixtures, { dev: true });
  const packageFiles = sirv(join(project, 'node_modules/spd-score/dist'), { dev: true });
  const sources = sirv(join(project, 'src'), { dev: true });
  const mounts = [['/fixtures/', fixtureFiles], ['/spd-score/', packageFiles], ['/src/', sources]];
  server = createServer((req, res) => {
    const notFound = () => ((res.statusCode = 404), res.end());
    for (const [prefix, serve] of mounts) {
      if (req.url.startsWith(prefix)) {
        req.url = req.url.slice(prefix.length - 1);
        return serve(req, res, notFound);
      }
    }
    files(req, res, notFound);
  }).listen(0, '127.0.0.1');
  const launched = chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
  [expected, browser] = await Promise.all([cliTotals(project), launched, ...builds, new Promise((resolve) => server.once('listening', resolve))]);
  origin = `http://127.0.0.1:${server.address().port}`;
});

after(async () => {
  await browser?.close();
  server?.close();
  if (project && !process.env.KEEP_CONSUMER) rmSync(project, { recursive: true, force: true });
  console.log(`timings (ms): ${JSON.stringify(timings)}`);
});

/** Opens a page; `problems` collects script errors, console errors and failed requests. */
async function open(path, prepare) {
  const page = await browser.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && !/Failed to load resource/.test(m.text()) && page.problems.push(`console: ${m.text()}`));
  page.on('response', (r) => r.status() >= 400 && page.problems.push(`${r.status()} ${r.url()}`));
  // The element's error events, from the start (it may fail as it connects).
  await page.addInitScript(() => {
    window.spdErrors = [];
    document.addEventListener('spd-score:error', (e) => window.spdErrors.push(e.detail.message));
  });
  await prepare?.(page);
  await page.goto(`${origin}${path}`);
  await page.waitForFunction(() => typeof window.run === 'function', null, { timeout: 10_000 });
  return page;
}

test('esbuild, webpack and Vite bundle the package without a warning', () => {
  assert.deepEqual(warnings, { esbuild: '', webpack: '', vite: '' });
});

for (const bundler of ['esbuild', 'webpack', 'vite', 'none']) {
  const how = bundler === 'none' ? 'no bundler' : bundler;
  test(`${how}: a page using load, Scorer and score gives the CLI's totals`, async () => {
    const page = await open(`/${bundler}/lib.html`);
    const result = await page.evaluate((sets) => window.run(sets), fixtureSets);
    assert.match(result.version, /^\d+\.\d+\.\d+$/);
    assert.deepEqual(result.totals, expected);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test(`${how}: a page using <spd-score-calculator> gives the CLI's totals, styled, and its sample button works`, async () => {
    const page = await open(`/${bundler}/component.html`);
    const result = await page.evaluate((sets) => window.run(sets), fixtureSets);
    assert.deepEqual(result.totals, expected);
    assert.equal(result.styled, 1, 'calculator.css was not found');
    // The first sample set is the first fixture set.
    const sample = await page.evaluate(async () => {
      const el = document.querySelector('spd-score-calculator');
      const report = new Promise((resolve) => el.addEventListener('spd-score:report', (e) => resolve(e.detail), { once: true }));
      [...el.shadowRoot.querySelectorAll('button')].find((b) => b.textContent === 'Try it with sample data').click();
      return { tracks: Object.fromEntries(Object.entries((await report).areas['modern-work'].tracks).map(([k, t]) => [k, t.total])), files: (await report).files.length };
    });
    assert.deepEqual(sample, { tracks: expected[0].tracks, files: 2 });
    assert.deepEqual(page.problems, []);
    await page.close();
  });
}

const failures = [
  ['esbuild', 'score-worker.js', /^rejected: The scoring worker could not start: /],
  ['none', 'score-worker.js', /^rejected: The scoring worker could not start: /],
  ['none', 'spd_score_bg.wasm', /^rejected: The scoring core could not be loaded: .*404/],
];
for (const [bundler, missing, message] of failures) {
  test(`${bundler === 'none' ? 'no bundler' : bundler}: without ${missing}, scoreFiles() rejects with a clear error, shown in the element`, async (t) => {
    const page = await open(`/${bundler}/component.html`, (p) => p.route(`**/${missing}`, (route) => route.fulfill({ status: 404, body: '' })));
    const result = await page.evaluate(async () => {
      const el = document.querySelector('spd-score-calculator');
      const timeout = new Promise((resolve) => setTimeout(() => resolve('still pending after 5 s'), 5000));
      const outcome = await Promise.race([el.scoreFiles([{ name: 'a.csv', bytes: new Uint8Array() }]).then(() => 'resolved', (e) => `rejected: ${e.message}`), timeout]);
      const again = await el.reset().then(() => 'resolved', (e) => `rejected: ${e.message}`);
      const alert = el.shadowRoot.querySelector('[role="alert"]');
      return { outcome, again, alert: alert.hidden ? null : alert.textContent, events: window.spdErrors };
    });
    t.diagnostic(result.outcome);
    assert.match(result.outcome, message);
    // Told once to the host, as it happened.
    assert.deepEqual(result.events, [result.alert]);
    assert.equal(result.again, result.outcome);
    assert.equal(result.alert, result.outcome.slice('rejected: '.length));
    await page.close();
  });
}
