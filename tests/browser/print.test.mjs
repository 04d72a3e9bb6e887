// The one-page print of the overview: the six-area sample prints on one A4
// and one Letter page (Chromium's own PDF), dated, each designation with its
// score, status, deciding track and top three next steps from the report;
// on screen the print summary stays hidden and the cards show.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { fixture, loadFiles, screenshots, start } from './harness.mjs';

let app;
before(async () => {
  app = await start();
});
after(() => app.close());

const SIX = ['azure-usage-24-months.csv', 'security-m365.csv', 'security-azure.csv', 'bizapps-revenue.csv', 'bizapps-usage.csv', 'skilling-all-areas.csv'].map((n) => fixture(`areas/${n}`));
/** Pages in a PDF: its page objects (not the page tree, /Pages). */
const pages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;

test('the overview of the six-area sample prints on one A4 page and one Letter page, dated, with each area\'s top three next steps', async () => {
  const page = await app.open('/');
  const report = await loadFiles(page, SIX);
  const summary = page.locator('[data-section="print"]');
  // On screen: the cards, not the print summary.
  assert.equal(await summary.isVisible(), false);
  assert.equal(await page.locator('[data-view="overview"] .area-card').first().isVisible(), true);

  for (const format of ['A4', 'Letter']) {
    const pdf = await page.pdf({ format });
    writeFileSync(`${screenshots}/overview-${format}.pdf`, pdf);
    assert.ok(pdf.subarray(0, 5).toString() === '%PDF-');
    assert.equal(pages(pdf), 1, `${format}: ${pages(pdf)} pages`);
  }

  await page.emulateMedia({ media: 'print' });
  assert.equal(await summary.isVisible(), true);
  assert.equal(await page.locator('[data-view="overview"] .area-card').first().isVisible(), false);
  assert.equal(await page.locator('.next-all').isVisible(), false);
  const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  assert.equal(await summary.locator('[data-field="dated"]').textContent(), `Scores as of October 2025, printed ${today}, by spd-score from Partner Center's downloads.`);
  const rows = report.overview.filter((r) => r.status !== 'not_scored');
  assert.equal(rows.length, 6);
  for (const row of rows) {
    const tr = summary.locator(`tr[data-area="${row.area}"]`);
    assert.equal(await tr.locator('[data-field="total"]').textContent(), `${row.atLeast ? 'at least ' : ''}${Math.round(row.score)}`);
    assert.equal(await tr.locator('[data-field="status"]').textContent(), await page.locator(`[data-view="overview"] [data-area="${row.area}"] [data-field="status"]`).textContent());
    const area = report.areas[row.area];
    assert.equal(await tr.locator('[data-field="track"]').textContent(), area.tracks[area.track].label);
    // The deciding track's best steps, the biggest gain first, at most three.
    const own = area.recommendations.filter((r) => r.best !== false && r.track === area.track).sort((a, b) => b.gain - a.gain);
    const shown = await tr.locator('[data-field="next"] li').allTextContents();
    assert.equal(shown.length, Math.min(3, own.length) || 1, row.area);
    shown.forEach((text, i) => own.length && assert.ok(own[i].message.toLowerCase().endsWith(text.toLowerCase()), `${row.area}: ${text} / ${own[i].message}`));
  }
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.screenshot({ path: `${screenshots}/print-overview.png`, fullPage: true });
  assert.deepEqual(page.errors, []);
});
