// A portfolio dropped on the page: `spd-score batch --json` run in the test
// on partner folders made of the fixtures (one partner qualified, one a few
// points short, one with a broken file beside good ones, one that cannot be
// scored), the JSON lines dropped on the standalone page and on the embedded
// element: the summary equals the CLI's, each cell its row, the columns sort,
// and nothing leaves the page.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { axeViolations, fixture, root, screenshots, start } from './harness.mjs';

let app;
const dir = mkdtempSync(join(tmpdir(), 'spd-portfolio-'));
const PARTNERS = {
  'Adatum Six Areas': ['areas/azure-usage-24-months.csv', 'areas/security-m365.csv', 'areas/security-azure.csv', 'areas/bizapps-revenue.csv', 'areas/bizapps-usage.csv', 'areas/skilling-all-areas.csv'],
  'Contoso Modern Work': ['cpor-report-13-months.csv', 'skilling-people.csv'],
  'Fabrikam Typed': ['areas/skilling-all-areas.csv', 'areas/manual-values.csv'],
  'Northwind Broken': ['cpor-report-13-months.csv'],
  'Tailspin Unknown': [],
};
let rows;
let summary;
let jsonl;

before(async () => {
  for (const [partner, files] of Object.entries(PARTNERS)) {
    mkdirSync(join(dir, 'partners', partner), { recursive: true });
    for (const f of files) copyFileSync(fixture(f), join(dir, 'partners', partner, f.split('/').pop()));
  }
  // A file of no known layout: beside good ones, and alone.
  writeFileSync(join(dir, 'partners', 'Northwind Broken', 'notes.csv'), 'Colour,Taste\nred,sweet\n');
  writeFileSync(join(dir, 'partners', 'Tailspin Unknown', 'notes.csv'), 'Colour,Taste\nred,sweet\n');
  const batch = spawnSync('node', [`${root}dist/cli.js`, 'batch', join(dir, 'partners'), '--json', '--workers', '1'], { encoding: 'utf8' });
  assert.equal(batch.status, 1, batch.stderr); // one partner could not be scored
  jsonl = join(dir, 'portfolio.jsonl');
  writeFileSync(jsonl, batch.stdout);
  const lines = batch.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  summary = lines.pop().summary;
  rows = lines;
  app = await start();
});
after(() => app.close());

/** The table as shown: partner → {area: {score, status}}, in the order shown. */
const tableShown = (page) =>
  page.locator('[data-table="portfolio"] tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [
      tr.dataset.partner,
      Object.fromEntries([...tr.querySelectorAll('td[data-area][data-status]')].map((td) => [td.dataset.area, { score: td.querySelector('[data-field="score"]')?.textContent ?? null, status: td.dataset.status }])),
    ]),
  );

test('the batch JSON lines dropped on the page: the summary is the CLI\'s, every cell its row, columns sort', async () => {
  const page = await app.open('/');
  await page.locator('spd-score-calculator .drop').waitFor();
  await page.locator('spd-score-calculator input[type="file"]').first().setInputFiles([jsonl]);
  const view = page.locator('[data-section="portfolio"]');
  await view.waitFor();
  // Before any report: the portfolio in place of the files guide.
  assert.equal(await page.locator('.landing').isHidden(), true);
  assert.match(await view.textContent(), /portfolio\.jsonl: 5 partners/);
  // The summary, per designation, equals the CLI's summary line.
  for (const a of summary.areas) {
    const tr = view.locator(`[data-table="portfolio-summary"] tr[data-area="${a.area}"]`);
    const cell = (f) => tr.locator(`[data-field="${f}"]`).textContent();
    assert.deepEqual([await cell('scored'), await cell('qualified'), await cell('withinTen'), await cell('incentiveLineMet')], [String(a.scored), String(a.qualified), String(a.withinTen), a.incentiveLineMet === null ? '—' : String(a.incentiveLineMet)]);
    // Partners scored there whose files had errors: Northwind's notes.csv.
    const broken = rows.filter((r) => r.area === a.area && r.errors.length).length;
    assert.equal(await cell('withErrors'), String(broken));
  }
  assert.ok(summary.areas.some((a) => a.qualified > 0), 'some partner qualifies somewhere');
  assert.deepEqual(summary.unscored, ['Tailspin Unknown']);
  // Partners scored despite errors in some files, as their rows say.
  assert.deepEqual(summary.withErrors, [...new Set(rows.filter((r) => r.area !== null && r.errors.length).map((r) => r.partner))]);
  assert.ok(summary.withErrors.includes('Northwind Broken'));
  assert.match(await view.locator('[data-field="unscored"]').textContent(), /Tailspin Unknown/);
  assert.match(await view.locator('[data-field="with-errors"]').textContent(), /Northwind Broken/);

  // Every cell is its row: score as the overview rounds it, and the status.
  const shown = await tableShown(page);
  assert.deepEqual(shown.map(([p]) => p), Object.keys(PARTNERS));
  for (const [partner, cells] of shown) {
    const own = rows.filter((r) => r.partner === partner && r.area !== null);
    assert.deepEqual(Object.keys(cells).sort(), own.map((r) => r.area).sort(), partner);
    for (const r of own) assert.deepEqual(cells[r.area], { score: r.status === 'not_scored' ? null : r.score === null ? '—' : `${r.atLeast ? 'at least ' : ''}${Math.round(r.score)}`, status: r.status }, `${partner} ${r.area}`);
  }
  const northwind = view.locator('tr[data-partner="Northwind Broken"] [data-field="errors"]');
  assert.match(await northwind.textContent(), /notes\.csv/);

  // Sort by Security: highest first, partners without a Security score last; again: lowest first.
  await view.locator('th[data-column="security"] button').click();
  assert.equal(await view.locator('th[data-column="security"]').getAttribute('aria-sort'), 'descending');
  const bySecurity = rows.filter((r) => r.area === 'security' && r.score !== null).sort((a, b) => b.score - a.score).map((r) => r.partner);
  assert.ok(bySecurity.length >= 2);
  const order = (await tableShown(page)).map(([p]) => p);
  assert.deepEqual(order.slice(0, bySecurity.length), bySecurity);
  assert.equal(order.at(-1), 'Tailspin Unknown');
  await view.locator('th[data-column="security"] button').click();
  // Ties keep the portfolio's order either way.
  const ascending = rows.filter((r) => r.area === 'security' && r.score !== null).sort((a, b) => a.score - b.score).map((r) => r.partner);
  assert.deepEqual((await tableShown(page)).map(([p]) => p).slice(0, ascending.length), ascending);
  // Find a partner.
  await view.locator('#portfolio-search').fill('north');
  assert.deepEqual((await tableShown(page)).map(([p]) => p), ['Northwind Broken']);
  await page.screenshot({ path: `${screenshots}/portfolio.png`, fullPage: true });

  // Nothing uploaded: every request stayed on the page's origin, none sent data.
  assert.deepEqual(page.requests.filter((u) => !u.startsWith(app.origin) && !u.startsWith('data:') && !u.startsWith('blob:')), []);
  // Closing it brings the guide back.
  await view.locator('[data-action="close-portfolio"]').click();
  await page.locator('.landing [data-section="files-guide"]').waitFor();
  assert.deepEqual(page.errors, []);
});

test('embedded in a host portal, a dropped portfolio shows the same and the host URL stays', async () => {
  const page = await app.open('/embed/');
  const url = page.url();
  await page.locator('spd-score-calculator .drop').waitFor();
  await page.locator('spd-score-calculator input[type="file"]').first().setInputFiles([jsonl]);
  await page.locator('[data-section="portfolio"] [data-table="portfolio"]').waitFor();
  assert.equal(await page.locator('[data-table="portfolio"] tbody tr').count(), Object.keys(PARTNERS).length);
  const mw = summary.areas.find((a) => a.area === 'modern-work');
  assert.equal(await page.locator('[data-table="portfolio-summary"] tr[data-area="modern-work"] [data-field="qualified"]').textContent(), String(mw.qualified));
  assert.equal(page.url(), url);
  // A JSON that is neither batch output nor a report is refused with a reason.
  await page.locator('spd-score-calculator input[type="file"]').first().setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await page.locator('.alert:not([hidden])').waitFor();
  assert.match(await page.locator('.alert').textContent(), /other\.json is neither a report/);
  await page.screenshot({ path: `${screenshots}/portfolio-embedded.png`, fullPage: true });
  assert.deepEqual(page.errors, []);
});

test('at 390 px in dark mode the portfolio scrolls inside its table, never sideways, and axe finds nothing serious', async () => {
  // axe is injected inline, which the page's CSP rightly refuses.
  const page = await app.open('/', { bypassCSP: true, colorScheme: 'dark', viewport: { width: 390, height: 844 } });
  await page.locator('spd-score-calculator .drop').waitFor();
  await page.locator('spd-score-calculator input[type="file"]').first().setInputFiles([jsonl]);
  await page.locator('[data-section="portfolio"] [data-table="portfolio"]').waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll');
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: `${screenshots}/portfolio-390-dark.png`, fullPage: true });
});
