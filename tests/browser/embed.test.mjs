// The component embedded in a host page with a foreign theme.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { expected, fixture, reportAfter, screenshots, shown, start } from './harness.mjs';

let app;
before(async () => {
  app = await start();
});
after(() => app.close());

test('the embedded component scores a dropped file and tells the host', async () => {
  const page = await app.open('/embed/');
  const report = await reportAfter(page, () =>
    page.locator('spd-score-calculator input[type="file"]').first().setInputFiles([fixture('semicolon-excel.csv'), fixture('skilling-people.csv')]),
  );
  const want = expected('semicolon-excel.csv');
  const modernWork = report.areas['modern-work'];
  assert.equal(modernWork.tracks.enterprise.total, want.tracks.enterprise.total);
  assert.equal(modernWork.tracks.smb.total, want.tracks.smb.total);
  assert.equal(modernWork.status, 'qualified');
  const figures = await shown(page);
  // 74.5, shown rounded: Messaging Administrator no longer counts in 2026.
  assert.equal(figures.enterprise.total, '75');
  assert.equal(figures.smb.status, 'In progress');
  // track="smb": the SMB section comes first.
  const order = await page.evaluate(() => [...document.querySelector('spd-score-calculator').shadowRoot.querySelectorAll('.area-view .area-track[data-track]')].map((s) => s.dataset.track));
  assert.deepEqual(order, ['smb', 'enterprise']);
  const scored = report.overview.filter((row) => row.status !== 'not_scored');
  assert.equal(scored[0].area, 'modern-work');
  assert.equal(
    await page.locator('#host-status').textContent(),
    `Host received a report: ${scored.map((row) => `${row.label} ${Math.round(row.score)} / 100 (${row.status})`).join('; ')}.`,
  );
  assert.match(await page.locator('#host-status').textContent(), /^Host received a report: Modern Work 75 \/ 100 \(qualified\)/);
  const foreign = page.requests.filter((url) => !url.startsWith(app.origin) && !url.startsWith('data:') && !url.startsWith('blob:'));
  assert.deepEqual(foreign, []);
  await page.screenshot({ path: `${screenshots}/embed.png`, fullPage: true });
});

test("the host's theme variables reach the component", async () => {
  const page = await app.open('/embed/');
  await page.locator('spd-score-calculator .drop').waitFor();
  const style = (selector, property) =>
    page.evaluate(([s, p]) => getComputedStyle(document.querySelector('spd-score-calculator').shadowRoot.querySelector(s))[p], [selector, property]);
  assert.equal(await style('.intake button', 'borderTopColor'), 'rgb(91, 42, 134)');
  assert.equal(await style('.intake', 'borderTopLeftRadius'), '2px');
  assert.match(await style('.calculator', 'fontFamily'), /Georgia/);
  // The same component on the main page keeps its own colours.
  const plain = await app.open('/');
  await plain.locator('spd-score-calculator .drop').waitFor();
  const color = await plain.evaluate(() => getComputedStyle(document.querySelector('spd-score-calculator').shadowRoot.querySelector('.intake button')).borderTopColor);
  assert.equal(color, 'rgb(15, 108, 189)');
});

test('the host can score files it already has, and hears about errors', async () => {
  const page = await app.open('/embed/');
  const result = await page.evaluate(async () => {
    const el = document.querySelector('spd-score-calculator');
    const errors = [];
    el.addEventListener('spd-score:error', (e) => errors.push(e.detail.message));
    const text = 'Email,Certification\nana@example.com,MS-102\n';
    const report = await el.scoreFiles([{ name: 'people.csv', bytes: new TextEncoder().encode(text) }]);
    return { smb: report.areas['modern-work'].tracks.smb.metrics.advancedCertifications.points, kind: report.files[0].kind, errors };
  });
  assert.deepEqual(result, { smb: 15, kind: 'skilling', errors: [] });
});
