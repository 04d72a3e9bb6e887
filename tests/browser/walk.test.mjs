// Issue 23's new user, end to end, as one walk in Chromium: the page opened
// with nothing; the files guide says which Partner Center downloads feed
// Security, where to find each and which period to choose; those downloads
// (Security's fixtures) are dropped, the guide ticks them, Security opens
// from its card; the result is remembered. Next month the user comes back
// with newer downloads (made here: the same exports one month later, one
// customer gone, one new) and the "Since October 2025" panel shows
// Security's score change, the metrics that moved and the tenants gained and
// lost, each equal to the difference of the two reports the core computes.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fixture, go, loadFiles, openArea, root, screenshots, start } from './harness.mjs';

const dir = mkdtempSync(join(tmpdir(), 'spd-walk-'));
const OCTOBER = ['security-m365.csv', 'security-azure.csv', 'skilling-all-areas.csv'].map((n) => fixture(`areas/${n}`));
const NOVEMBER = ['security-m365.csv', 'security-azure.csv'].map((n) => join(dir, n)).concat(fixture('areas/skilling-all-areas.csv'));
/** October's customer who is gone in November, and the November newcomer copied from another October customer. */
const GONE = 'Tailspin Toys';
const LIKE = 'Coho Winery';
const NEW = { id: 'c3c3c3c3-0000-4000-8000-000000000013', name: 'Alpine Ski House' };

/** Every YYYY-MM-01 month in a line, one month later. */
const later = (line) => line.replace(/\b(20\d\d)-(\d\d)-01\b/g, (_, y, m) => (m === '12' ? `${Number(y) + 1}-01-01` : `${y}-${String(Number(m) + 1).padStart(2, '0')}-01`));

/** Security as the core scores these files in Node: the area, and per track the tenants that move its points ({id, name}). */
async function security(files) {
  const api = await import(`${root}dist/node.js`);
  const scorer = new api.Scorer();
  for (const f of files) scorer.addFile(f.split('/').pop(), readFileSync(f));
  const report = scorer.report({});
  const area = report.areas.security;
  const tenants = Object.fromEntries(Object.keys(area.tracks).map((t) => [t, scorer.rows({ list: 'tenants', area: 'security', track: t, only: 'contributing' }).rows.map((r) => ({ id: r.id, name: r.name }))]));
  scorer.free();
  return { area, tenants, report };
}

let app;
let october;
let expected;
before(async () => {
  october = await security(OCTOBER);
  const track = october.area.track;
  const id = (name) => october.tenants[track].find((t) => t.name === name)?.id;
  assert.ok(id(GONE) && id(LIKE), `${GONE} and ${LIKE} count on October's deciding track`);
  // November's downloads: every month one later, GONE's rows left out, LIKE's rows copied as NEW.
  for (const [i, file] of OCTOBER.slice(0, 2).entries()) {
    const [head, ...lines] = readFileSync(file, 'utf8').trimEnd().split(/\r?\n/);
    const copies = lines.filter((l) => l.includes(id(LIKE))).map((l) => l.replaceAll(id(LIKE), NEW.id).replaceAll(LIKE, NEW.name));
    writeFileSync(NOVEMBER[i], `${[head, ...[...lines.filter((l) => !l.includes(id(GONE))), ...copies].map(later)].join('\r\n')}\r\n`);
  }
  const november = await security(NOVEMBER);
  assert.equal(october.area.asOf, '2025-10');
  assert.equal(november.area.asOf, '2025-11');
  // Compared on November's deciding track, as the panel does.
  const now = november.area.track;
  const ids = (list) => new Set(list.map((t) => t.id));
  expected = {
    before: october.area.total,
    now: november.area.total,
    moved: Object.entries(november.area.tracks[now].metrics)
      .filter(([m, x]) => x.points !== october.area.tracks[now]?.metrics[m]?.points || x.value !== october.area.tracks[now]?.metrics[m]?.value)
      .map(([m]) => m)
      .sort(),
    gained: november.tenants[now].filter((t) => !ids(october.tenants[now]).has(t.id)).map((t) => t.name),
    lost: october.tenants[now].filter((t) => !ids(november.tenants[now]).has(t.id)).map((t) => t.name),
  };
  // Data & AI reads the same Azure export: its usage growth (a percentage) moves a month on.
  const growth = (r) => r.report.areas['data-ai'].tracks[r.report.areas['data-ai'].track].metrics.usageGrowth.value;
  expected.growth = [growth(october), growth(november)];
  // The edit makes real differences, or the walk would prove nothing.
  assert.notEqual(Math.round(expected.before), Math.round(expected.now));
  assert.deepEqual([expected.gained, expected.lost], [[NEW.name], [GONE]]);
  assert.ok(expected.moved.length > 0);
  app = await start();
});
after(() => app.close());

test('a new user: the guide names Security\'s downloads, they are dropped and ticked, Security opens; next month\'s downloads show what changed', async () => {
  const page = await app.open('/');

  // 1. Nothing loaded: the guide on the landing says which downloads feed Security.
  const guide = page.locator('.landing [data-section="files-guide"]');
  await guide.waitFor();
  const needs = guide.locator('.guide-area[data-area="security"] .need');
  const wanted = await needs.evaluateAll((items) => items.map((li) => ({ kinds: li.dataset.kinds, read: li.dataset.read, name: li.querySelector('.need-name').textContent })));
  // security.md: the Azure part from Azure usage (or Customers and tenants), the Microsoft 365 part from Office or EMS usage, people from the skilling list.
  assert.deepEqual(wanted.map((n) => [n.kinds, n.read]), [['azureUsage customersTenants', 'false'], ['usage emsUsage', 'false'], ['skilling', 'false']]);
  // Each download's Partner Center name, where to find it and which period to choose.
  const where = guide.locator('.guide-downloads');
  assert.equal(await where.getAttribute('open'), '', 'the list of where to find each download is open before any file');
  for (const kind of ['azureUsage', 'usage', 'skilling']) {
    const name = await where.locator(`dt[data-kind="${kind}"]`).textContent();
    assert.ok(wanted.some((n) => n.name.includes(name)), `${name} is one of Security's downloads`);
    assert.match(await where.locator(`dt[data-kind="${kind}"] + dd`).textContent(), /^Where: Partner Center › Insights › Download reports › \w+.*\. Period: .+\.$/);
  }
  assert.match(await where.locator('dt[data-kind="azureUsage"] + dd').textContent(), /Period: the last 24 months/);
  assert.match(await where.locator('dt[data-kind="usage"] + dd').textContent(), /Period: the last 13 months/);
  await page.screenshot({ path: `${screenshots}/walk-1-guide.png`, fullPage: true });

  // 2. The downloads dropped: the guide ticks all three with the months each covers.
  await loadFiles(page, OCTOBER);
  await go(page, '#/files');
  const ticked = page.locator('.view [data-section="files-guide"] .guide-area[data-area="security"] .need');
  assert.deepEqual(await ticked.evaluateAll((items) => items.map((li) => li.dataset.read)), ['true', 'true', 'true']);
  assert.match(await ticked.nth(0).locator('[data-field="months"]').textContent(), /^security-azure\.csv: November 2023 to October 2025 \(\d+ months\)$/);
  assert.match(await ticked.nth(1).locator('[data-field="months"]').textContent(), /^security-m365\.csv: October 2024 to October 2025 \(\d+ months\)$/);
  assert.equal(await page.locator('.view [data-section="files-guide"] .guide-area[data-area="security"] [data-field="still-unknown"]').count(), 0);

  // 3. Security opened from its card: the core's figures.
  const card = page.locator('[data-view="overview"] [data-area="security"]');
  await go(page, '#/');
  assert.equal(await card.locator('[data-field="total"]').textContent(), String(Math.round(october.area.total)));
  assert.equal(await card.locator('[data-field="status"]').textContent(), 'Qualified');
  const view = await openArea(page, 'security');
  assert.equal(new URL(page.url()).hash, '#/area/security');
  const decides = view.locator(`.area-track[data-track="${october.area.track}"]`);
  assert.equal(await decides.locator('[data-field="total"]').textContent(), String(Math.round(october.area.tracks[october.area.track].total)));
  assert.equal(await decides.locator('[data-field="decides"]').count(), 1);
  // One status per question: the view says the card's.
  assert.equal(await view.locator('[data-field="area-status"]').textContent(), 'Qualified');
  // Months and days in words, as the rest of the page says them.
  assert.match(await view.locator('.meta').first().textContent(), /^As of October 2025, compared with October 2024\. /);
  const window = view.locator('[data-field="window"]');
  assert.match(await window.textContent(), /window \d{1,2} [A-Z][a-z]+ \d{4} to \d{1,2} [A-Z][a-z]+ \d{4}\./);
  assert.doesNotMatch(await window.textContent(), /\d{4}-\d{2}|month\(s\)/);

  // 4. Remembered on this computer.
  await go(page, '#/');
  const panel = page.locator('[data-view="overview"] ~ [data-section="changes"]');
  await panel.locator('[data-action="remember"]').check();
  await panel.locator('[data-field="remembered"]').waitFor();
  assert.equal(await panel.locator('[data-field="remembered"]').textContent(), 'Remembered on this computer: October 2025.');

  // 5. A month later: the page opened again, November's downloads dropped.
  await page.reload();
  await loadFiles(page, NOVEMBER);
  await panel.locator('h3:has-text("Since October 2025")').waitFor();
  const change = panel.locator('.change[data-area="security"]');
  const score = change.locator('[data-field="score-change"]');
  assert.equal(Number(await score.getAttribute('data-before')), expected.before);
  assert.equal(Number(await score.getAttribute('data-now')), expected.now);
  const delta = Math.round(expected.now) - Math.round(expected.before);
  assert.equal(await score.textContent(), `Score ${Math.round(expected.before)} → ${Math.round(expected.now)} (${delta > 0 ? '+' : ''}${delta})`);
  assert.deepEqual((await change.locator('[data-field="metrics"] [data-metric]').evaluateAll((li) => li.map((l) => l.dataset.metric))).sort(), expected.moved);
  assert.equal(await change.locator('[data-field="gained"]').textContent(), `Tenants gained (1): ${NEW.name}`);
  assert.equal(await change.locator('[data-field="lost"]').textContent(), `Tenants lost (1): ${GONE}`);
  // A certification that lapsed with the month: why, in words.
  const gone = change.locator('[data-field="gone"]');
  assert.match(await gone.textContent(), /\(expired on \d{1,2} [A-Z][a-z]+ \d{4}, before the as-of month November 2025\)/);
  // A metric's own figure with its unit, points to one decimal.
  const tenth = (v) => `${(Math.round(v * 10) / 10).toLocaleString('en')}%`;
  assert.notEqual(expected.growth[0], expected.growth[1]);
  assert.match(await panel.locator('.change[data-area="data-ai"] [data-metric="usageGrowth"]').textContent(), new RegExp(`^Usage growth: \\d+\\.\\d → \\d+\\.\\d points \\(${tenth(expected.growth[0]).replace('.', '\\.')} → ${tenth(expected.growth[1]).replace('.', '\\.')}\\)$`));
  assert.doesNotMatch(await panel.textContent(), /\b(null|undefined|NaN)\b/);
  await panel.screenshot({ path: `${screenshots}/walk-2-changes.png` });
  // And Security's card is November's.
  assert.equal(await card.locator('[data-field="total"]').textContent(), String(Math.round(expected.now)));
  assert.deepEqual(page.errors, []);
});
