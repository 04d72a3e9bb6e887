// Offline and installable: the standalone page registers its service worker,
// which keeps only the page's own files (the build's list), so that with the
// network off the page reloads and scores a dropped file and a sample; the
// manifest makes it installable; the embedded element registers nothing.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { fixture, loadFiles, root, screenshots, start } from './harness.mjs';

let app;
before(async () => {
  app = await start();
});
after(() => app.close());

/** The build's list of the page's files (www/sw-files.js), as the worker reads it. */
function pageFiles() {
  const self = {};
  new Function('self', readFileSync(`${root}www/sw-files.js`, 'utf8'))(self);
  return self;
}

/** Waits until the page is controlled by its installed service worker. */
async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  // The first load is not controlled until the worker claims it.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test('offline: after one visit the page reloads, scores a dropped file and loads a sample with the network off', async () => {
  const page = await app.open('/');
  const context = page.context();
  const workerRequests = [];
  context.on('request', (r) => r.serviceWorker() && workerRequests.push(r.url()));
  await controlled(page);
  const { SPD_FILES, SPD_VERSION } = pageFiles();
  // The cache holds exactly the build's list, under the build's version.
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const out = {};
    for (const k of keys) out[k] = (await (await caches.open(k)).keys()).map((r) => new URL(r.url).pathname);
    return out;
  });
  assert.deepEqual(Object.keys(cached), [`spd-score-${SPD_VERSION}`]);
  const paths = cached[`spd-score-${SPD_VERSION}`].sort();
  assert.deepEqual(paths, SPD_FILES.map((f) => new URL(f, `${app.origin}/`).pathname).sort());
  assert.ok(paths.includes('/pkg/spd_score_bg.wasm') && paths.includes('/samples/security-m365.csv') && paths.includes('/calculator.css'));
  // The worker fetched nothing but those files, all from the page's origin.
  const listed = new Set(SPD_FILES.map((f) => new URL(f, `${app.origin}/`).href));
  const sw = workerRequests.filter((u) => !u.endsWith('/sw.js') && !u.endsWith('/sw-files.js'));
  assert.ok(sw.length >= SPD_FILES.length, `the worker fetched ${sw.length} files`);
  assert.deepEqual(sw.filter((u) => !listed.has(u)), []);

  await context.setOffline(true);
  // The network is really off: a file the worker does not keep cannot load.
  assert.equal(await page.evaluate(() => fetch('/samples/README.md').then(() => 'loaded', () => 'failed')), 'failed');
  await page.reload();
  await page.locator('spd-score-calculator .drop').waitFor();
  const report = await loadFiles(page, [fixture('cpor-report-13-months.csv'), fixture('skilling-people.csv')]);
  const card = page.locator('[data-view="overview"] [data-area="modern-work"]');
  assert.equal(await card.locator('[data-field="total"]').textContent(), String(Math.round(report.areas['modern-work'].total)));
  assert.ok(report.areas['modern-work'].total > 0);
  // A sample set, read from the worker's cache.
  await page.locator('[data-action="reset"], button:has-text("Start over")').first().click();
  await page.locator('button:has-text("Try all six designations")').click();
  await page.locator('[data-view="overview"] [data-area="security"] [data-field="total"]').waitFor();
  assert.match(await page.locator('[data-view="overview"] [data-area="security"] [data-field="status"]').textContent(), /Qualified/);
  await page.screenshot({ path: `${screenshots}/offline-six-areas.png` });
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('installable: the manifest and its icon load, Chromium names no installability error', async () => {
  // A profile of its own: Chromium installs nothing from an incognito context, which every other test uses.
  const profile = mkdtempSync(join(tmpdir(), 'spd-install-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const page = await context.newPage();
    await page.goto(`${app.origin}/`);
    await controlled(page);
    const manifest = await page.evaluate(async () => (await fetch(document.querySelector('link[rel="manifest"]').href)).json());
    assert.equal(manifest.start_url, './');
    assert.equal(manifest.display, 'standalone');
    const icon = await page.evaluate(async (src) => (await fetch(src)).headers.get('content-type'), manifest.icons[0].src);
    assert.match(icon, /^image\/svg\+xml/);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    const { url, errors } = await cdp.send('Page.getAppManifest');
    assert.equal(url, `${app.origin}/manifest.webmanifest`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('embedded in a host portal, the element registers no service worker', async () => {
  const page = await app.open('/embed/');
  await page.locator('spd-score-calculator .drop').waitFor();
  await page.locator('spd-score-calculator input[type="file"]').first().setInputFiles([fixture('cpor-report-13-months.csv')]);
  await page.locator('[data-view="overview"] [data-area="modern-work"] [data-field="total"]').waitFor();
  assert.deepEqual(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller), null);
  await page.context().close();
});
