// The dashboard's navigation and the files guide: hash routes on the
// standalone page (a direct link, back and forward), an embedded element that
// never touches its host's URL, the guide ticking the downloads read and
// naming what is missing, the overview's height, and no null, undefined or
// NaN in any view.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { fixture, go, loadFiles, reportAfter, start } from './harness.mjs';

let app;
before(async () => {
  app = await start();
});
after(() => app.close());

const SIX = ['azure-usage-24-months.csv', 'security-m365.csv', 'security-azure.csv', 'bizapps-revenue.csv', 'bizapps-usage.csv', 'skilling-all-areas.csv'].map((n) => fixture(`areas/${n}`));
const text = (page) => page.evaluate(() => document.querySelector('spd-score-calculator').shadowRoot.textContent);
/** The element's text but for a file's errors, which quote the ids a typed-values file may use (its Metric column's values). */
const prose = (page) =>
  page.evaluate(() => {
    const root = document.querySelector('spd-score-calculator').shadowRoot;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let out = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (!node.parentElement?.closest('li.error')) out += node.data;
    return out;
  });

test('a direct link opens its area once files are read; back and forward move between views', async () => {
  const page = await app.open('/#/area/security');
  await loadFiles(page, SIX).catch(() => {});
  const security = page.locator('.area-view[data-view="area"][data-area="security"]');
  await security.waitFor();
  // Its tracks carry the stable hooks.
  for (const track of ['enterprise', 'smb']) {
    assert.match(await security.locator(`.area-track[data-track="${track}"] [data-field="total"]`).textContent(), /^(at least )?\d+$/);
    assert.ok((await security.locator(`.area-track[data-track="${track}"] [data-field="status"]`).textContent()).length > 0);
  }
  await go(page, '#/people');
  await go(page, '#/area/data-ai');
  await page.goBack();
  await page.locator('.people-all').waitFor();
  assert.equal(new URL(page.url()).hash, '#/people');
  await page.goBack();
  await security.waitFor();
  await page.goForward();
  await page.locator('.people-all').waitFor();
  // The bar marks the view shown.
  assert.equal(await page.locator('nav.views [aria-current="page"]').getAttribute('data-route'), '#/people');
  assert.deepEqual(page.errors, []);
});

test('embedded, the element keeps its own view and leaves the host URL alone', async () => {
  const page = await app.open('/embed/');
  const before = page.url();
  await page.locator('spd-score-calculator .drop').waitFor();
  await page.locator('spd-score-calculator input[type="file"]').first().setInputFiles([fixture('cpor-report-13-months.csv'), fixture('skilling-people.csv')]);
  await page.locator('[data-view="overview"] [data-area="modern-work"] [data-field="open-area"]').click();
  await page.locator('.area-view[data-area="modern-work"]').waitFor();
  await go(page, '#/files');
  assert.equal(page.url(), before);
  // The host can open a view itself.
  await page.evaluate(() => document.querySelector('spd-score-calculator').show({ view: 'area', area: 'security' }));
  await page.locator('.area-view[data-area="security"]').waitFor();
  assert.equal(page.url(), before);
  assert.deepEqual(page.errors, []);
});

test('the files guide: before any file every download is missing; after, each recognised file is ticked with its months, the rest named as missing', async () => {
  const page = await app.open('/');
  const landing = page.locator('.landing [data-section="files-guide"]');
  await landing.waitFor();
  assert.equal(await landing.locator('.guide-area').count(), 6);
  assert.equal(await landing.locator('.need[data-read="true"]').count(), 0);
  assert.match(await landing.locator('.guide-area[data-area="data-ai"]').textContent(), /Azure usage report \(AzureUsage\).*Missing: without it net customer adds, usage growth and deployments cannot be scored/);
  assert.match(await landing.locator('.guide-downloads').textContent(), /the last 24 months/);
  // Only Azure usage and skilling: Security's Microsoft 365 part and Business Applications stay missing.
  await loadFiles(page, [fixture('areas/azure-usage-24-months.csv'), fixture('areas/skilling-all-areas.csv')]);
  await go(page, '#/files');
  const guide = page.locator('.view [data-section="files-guide"]');
  const need = (area, kinds) => guide.locator(`.guide-area[data-area="${area}"] .need[data-kinds="${kinds}"]`);
  assert.equal(await need('data-ai', 'azureUsage customersTenants').getAttribute('data-read'), 'true');
  assert.match(await need('data-ai', 'azureUsage customersTenants').locator('[data-field="months"]').textContent(), /^azure-usage-24-months\.csv: November 2023 to October 2025 \(\d+ months\)$/);
  assert.equal(await need('data-ai', 'skilling').getAttribute('data-read'), 'true');
  assert.equal(await need('security', 'usage emsUsage').getAttribute('data-read'), 'false');
  assert.match(await need('security', 'usage emsUsage').locator('[data-field="missing"]').textContent(), /net customer adds, usage growth and deployments/);
  assert.equal(await need('business-applications', 'bizappsRevenue').getAttribute('data-read'), 'false');
  assert.equal(await need('modern-work', 'usage emsUsage').getAttribute('data-read'), 'false');
  assert.deepEqual(page.errors, []);
});

test('the files guide: a download not loaded whose metrics were all typed from Partner Center is not called missing', async () => {
  const page = await app.open('/');
  await loadFiles(page, [fixture('areas/manual-values.csv')]);
  await go(page, '#/files');
  const need = (area, kinds) => page.locator(`.view [data-section="files-guide"] .guide-area[data-area="${area}"] .need[data-kinds="${kinds}"]`);
  // Infrastructure: every Azure metric typed, on its one track.
  assert.equal(await need('infrastructure', 'azureUsage customersTenants').getAttribute('data-read'), 'false');
  assert.equal(await need('infrastructure', 'azureUsage customersTenants').locator('[data-field="typed"]').textContent(), 'Not loaded: the values typed from Partner Center score net customer adds, usage growth and deployments.');
  assert.equal(await need('infrastructure', 'azureUsage customersTenants').locator('[data-field="missing"]').count(), 0);
  assert.match(await need('business-applications', 'bizappsRevenue').locator('[data-field="typed"]').textContent(), /score net customer adds\.$/);
  // Security: its deployments' Azure part and its usage growth's Microsoft 365 part were not typed: each download is missing for that metric only.
  assert.equal(await need('security', 'azureUsage customersTenants').locator('[data-field="missing"]').textContent(), 'Missing: without it deployments cannot be scored.');
  assert.equal(await need('security', 'usage emsUsage').locator('[data-field="missing"]').textContent(), 'Missing: without it usage growth cannot be scored.');
  // Modern Work: nothing typed.
  assert.match(await need('modern-work', 'usage emsUsage').locator('[data-field="missing"]').textContent(), /^Missing: /);
  // Its view says so where its tenants would be; no line about that one download on every view.
  await go(page, '#/area/modern-work');
  assert.equal(await page.locator('[data-field="no-tenants"]').textContent(), 'No usage download read yet: its tenants are listed here once it is (see the files guide).');
  assert.doesNotMatch(await text(page), /No usage export was loaded/);
  assert.deepEqual(page.errors, []);
});

test('a file the product does not read says which download was probably meant', async () => {
  const page = await app.open('/');
  await page.locator('spd-score-calculator .drop').waitFor();
  const odd = { name: 'azure-export-final.csv', mimeType: 'text/csv', buffer: Buffer.from('Foo,Bar\n1,2\n') };
  await page.locator('spd-score-calculator input[type="file"]').first().setInputFiles([{ name: 'skilling-people.csv', mimeType: 'text/csv', buffer: readFileSync(fixture('skilling-people.csv')) }, odd]);
  await page.locator('[data-view="overview"]').waitFor();
  await go(page, '#/files');
  assert.match(await page.locator('[data-field="unread"] li[data-file="azure-export-final.csv"]').textContent(), /meant to be the Azure usage report \(AzureUsage\)/);
});

/** The ids a ruleset gives its certification lists and metrics (camelCase, never words for a person): none may show. */
const RAW_IDS = readdirSync(new URL('../../rulesets/', import.meta.url))
  .map((f) => JSON.parse(readFileSync(new URL(`../../rulesets/${f}`, import.meta.url), 'utf8')))
  .flatMap((r) => [...Object.keys(r.certificationLists ?? {}), ...(r.tracks ?? []).flatMap((t) => Object.keys(t.metrics ?? {}))])
  .filter((id) => /[a-z][A-Z]/.test(id));

test('the overview of the six-area sample fits two screens at 1280x900, and no view shows null, undefined, NaN or a raw id, or scrolls sideways at 390 px', async () => {
  const page = await app.open('/');
  await loadFiles(page, SIX);
  const bottom = await page.locator('[data-view="overview"]').evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY);
  assert.ok(bottom <= 1800, `the overview ends at ${bottom} px`);
  // Every card the same width, whichever badge group it is in.
  const widths = await page.locator('[data-view="overview"] .area-card').evaluateAll((cards) => cards.map((c) => Math.round(c.getBoundingClientRect().width)));
  assert.equal(widths.length, 6);
  assert.equal(new Set(widths).size, 1, `card widths ${widths}`);
  assert.ok(RAW_IDS.includes('securityStep3') && RAW_IDS.includes('netCustomerAdds'), 'the rulesets name their lists and metrics');
  const raw = new RegExp(`\\b(${RAW_IDS.join('|')})\\b`);
  const routes = ['#/', '#/people', '#/what-if', '#/files', ...['modern-work', 'security', 'data-ai', 'infrastructure', 'digital-app-innovation', 'business-applications'].map((a) => `#/area/${a}`)];
  for (const route of routes) {
    await go(page, route);
    const shown = await text(page);
    assert.doesNotMatch(shown, /\b(null|undefined|NaN)\b/, route);
    assert.doesNotMatch(shown, raw, route);
  }

  await page.setViewportSize({ width: 390, height: 844 });
  for (const route of routes) {
    await go(page, route);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, route);
  }
  assert.deepEqual(page.errors, []);
});

test('after each sample on the page: every view free of null, undefined, NaN and raw ids, none scrolls sideways at 390 px; "Try all six designations" fits two screens', async () => {
  const page = await app.open('/');
  await page.locator('spd-score-calculator .drop').waitFor();
  const samples = await page.getByRole('button', { name: /^Try / }).allTextContents();
  assert.equal(samples.length, 4, samples.join(' / '));
  const raw = new RegExp(`\\b(${RAW_IDS.join('|')})\\b`);
  for (const sample of samples) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await reportAfter(page, () => page.getByRole('button', { name: sample, exact: true }).click());
    await page.locator('[data-view="overview"]').waitFor();
    if (sample === 'Try all six designations') {
      const bottom = await page.locator('[data-view="overview"]').evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY);
      assert.ok(bottom <= 1800, `the overview ends at ${bottom} px`);
    }
    const routes = await page.locator('nav.views [data-route]').evaluateAll((links) => links.map((a) => a.dataset.route));
    assert.ok(routes.length >= 5, `${sample}: ${routes}`);
    for (const route of routes) {
      await go(page, route);
      assert.doesNotMatch(await text(page), /\b(null|undefined|NaN)\b/, `${sample} ${route}`);
      const words = await prose(page);
      assert.doesNotMatch(words, raw, `${sample} ${route}`);
      // Points to at most one decimal, money grouped with its code.
      assert.doesNotMatch(words, /\d\.\d{2,} points?\b/, `${sample} ${route}`);
      assert.doesNotMatch(words, /USD \d{4,}|\b\d{4,} USD/, `${sample} ${route}`);
    }
    await page.setViewportSize({ width: 390, height: 844 });
    for (const route of routes) {
      await go(page, route);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, `${sample} ${route}`);
    }
    await go(page, '#/');
  }
  assert.deepEqual(page.errors, []);
});
