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

test('the host asks the element for a list a page at a time; a list the area lacks is an error', async () => {
  const page = await app.open('/embed/');
  await page.locator('spd-score-calculator .drop').waitFor();
  const got = await page.evaluate(async () => {
    const el = document.querySelector('spd-score-calculator');
    const fetchFile = async (name) => ({ name, bytes: new Uint8Array(await (await fetch(`/samples/${name}`)).arrayBuffer()) });
    const report = await el.scoreFiles(await Promise.all(['cpor-report-13-months.csv', 'skilling-people.csv'].map(fetchFile)));
    const page = await el.rows({ list: 'tenants', area: 'modern-work', sort: 'id', limit: 3 });
    const next = await el.rows({ list: 'tenants', area: 'modern-work', sort: 'id', offset: 3, limit: 3 });
    const people = await el.rows({ list: 'people' });
    const wrong = await el.rows({ list: 'pairs', area: 'modern-work' }).then(() => 'answered', (e) => e.message);
    return { count: report.areas['modern-work'].lists.tenants, people: report.lists.people, total: page.total, ids: [...page.rows, ...next.rows].map((t) => t.id), peopleTotal: people.total, peopleRows: people.rows.length, wrong };
  });
  assert.ok(got.count > 6);
  assert.equal(got.total, got.count);
  assert.equal(got.ids.length, 6);
  assert.deepEqual(got.ids, [...got.ids].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
  assert.deepEqual([got.peopleTotal, got.peopleRows], [got.people, got.people]);
  assert.match(got.wrong, /pairs/);
});
