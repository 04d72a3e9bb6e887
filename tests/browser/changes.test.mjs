// What changed since last time: a September result remembered in the
// browser (IndexedDB), the page reloaded, October's downloads dropped: the
// "Since September 2025" panel shows the score and status change, the
// metrics that moved, the tenants gained and lost on the deciding track and
// the certifications added and no longer counted, each equal to the
// difference of the two reports as the core computes them; Forget deletes it.
// Then the same against a report downloaded from the page and dropped back.
// September's files are October's sample edited in the test: its last month
// left out (a month earlier, so September 2024 is made from October 2024's
// rows), one certification not yet earned and one person since gone.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { axeViolations, fixture, loadFiles, root, screenshots, settled, start } from './harness.mjs';

let app;
const dir = mkdtempSync(join(tmpdir(), 'spd-changes-'));
const OCTOBER = [fixture('cpor-report-13-months.csv'), fixture('skilling-people.csv')];
const SEPTEMBER = [join(dir, 'cpor-report-september.csv'), join(dir, 'skilling-september.csv')];
let expected;

/** Modern Work's usage tenants: rows() where the core answers it (schema 3), else the schema-2 report's own list. */
const tenantsOf = (scorer, report) => (typeof scorer.rows === 'function' ? scorer.rows({ list: 'tenants', area: 'modern-work' }).rows : report.tenants);

/** The tenants that move `track`'s points (the core's rows({only: 'contributing'})), by name. */
function contributing(scorer, report, area, track) {
  if (typeof scorer.rows === 'function') return scorer.rows({ list: 'tenants', area, track, only: 'contributing' }).rows.map((t) => t.name);
  const nonzero = (v) => typeof v === 'number' && v !== 0;
  return tenantsOf(scorer, report)
    .filter((t) => {
      const p = t.tracks[track];
      return p && (nonzero(p.netAdd) || Object.values(p.options).some((o) => nonzero(o.growth) || nonzero(o.deployment)));
    })
    .map((t) => t.name);
}

/** Modern Work's report from these files, scored by the core in Node; its contributing tenants on `track` (default: its deciding track). */
async function modernWork(files, track) {
  const api = await import(`${root}dist/node.js`);
  const scorer = new api.Scorer();
  for (const f of files) scorer.addFile(f.split('/').pop(), readFileSync(f));
  const report = scorer.report({ tenantLimit: 5000 });
  const area = report.areas['modern-work'];
  // October's deciding track decides which tenants are compared, on both months.
  const tenants = contributing(scorer, report, 'modern-work', track ?? area.track);
  // Tenant ids of the new customers on the deciding track (net customer adds).
  const added = tenantsOf(scorer, report).filter((t) => t.tracks[area.track]?.netAdd === 1).map((t) => t.id);
  const out = { area, tenants, added };
  scorer.free();
  return out;
}

before(async () => {
  const oct = await modernWork(OCTOBER);
  // Two of October's new customers on the deciding track: one left out of September's file
  // altogether (gained in October), one copied into September 2025 as another tenant (lost in October).
  const [left, copied] = oct.added;
  assert.ok(left && copied, 'October has two new customers');
  const [head, ...lines] = readFileSync(OCTOBER[0], 'utf8').trimEnd().split(/\r?\n/);
  const month = (l) => l.slice(l.lastIndexOf(',') + 1);
  const tenant = (l) => l.slice(0, l.indexOf(','));
  const earlier = lines.filter((l) => month(l) !== '2025-10-01' && tenant(l) !== left);
  const september = [
    head,
    ...earlier.filter((l) => month(l) === '2024-10-01').map((l) => l.replace(/2024-10-01$/, '2024-09-01')),
    ...earlier,
    ...lines.filter((l) => tenant(l) === copied && month(l) === '2025-10-01').map((l) => l.replace(copied, 'FFFF0000000000000042').replace(/,Customer \d+,/, ',Litware Gone,').replace(/2025-10-01$/, '2025-09-01')),
  ];
  writeFileSync(SEPTEMBER[0], `${september.join('\r\n')}\r\n`);
  const people = readFileSync(OCTOBER[1], 'utf8').trimEnd().split(/\r?\n/);
  // Ben's certification is October's; Gus Ito's counted in September and is gone in October.
  const skilling = [...people.filter((l) => !l.startsWith('Ben Okafor,')), 'Gus Ito,gus.ito@example.com,Microsoft 365 Certified: Teams Administrator Associate,2024-05-02'];
  writeFileSync(SEPTEMBER[1], `${skilling.join('\n')}\n`);

  const sep = await modernWork(SEPTEMBER, oct.area.track);
  assert.equal(sep.area.asOf, '2025-09');
  assert.equal(oct.area.asOf, '2025-10');
  const track = oct.area.track;
  const moved = Object.entries(oct.area.tracks[track].metrics)
    .filter(([m, x]) => x.points !== sep.area.tracks[track].metrics[m]?.points || x.value !== sep.area.tracks[track].metrics[m]?.value)
    .map(([m]) => m);
  expected = {
    before: sep.area.total,
    now: oct.area.total,
    statuses: [sep.area.status, oct.area.status],
    moved,
    gained: oct.tenants.filter((t) => !sep.tenants.includes(t)),
    lost: sep.tenants.filter((t) => !oct.tenants.includes(t)),
  };
  // The edit makes real differences: the test would be empty otherwise.
  assert.notEqual(expected.before, expected.now);
  assert.ok(expected.gained.length > 0 && expected.lost.length > 0 && moved.length > 0, JSON.stringify(expected));
  app = await start();
});
after(() => app.close());

const STATUS = { qualified: 'Qualified', in_progress: 'In progress', incomplete: 'Incomplete', partial: 'Partial', not_started: 'Not started' };

/** Checks Modern Work's block of the changes panel against the two reports. */
async function assertModernWork(panel) {
  assert.doesNotMatch(await panel.textContent(), /\bnull\b|undefined|NaN/);
  const mw = panel.locator('.change[data-area="modern-work"]');
  const score = mw.locator('[data-field="score-change"]');
  assert.equal(Number(await score.getAttribute('data-before')), expected.before);
  assert.equal(Number(await score.getAttribute('data-now')), expected.now);
  assert.match(await score.textContent(), new RegExp(`^Score ${Math.round(expected.before)} → ${Math.round(expected.now)} \\(\\+${Math.round(expected.now) - Math.round(expected.before)}\\)$`));
  if (expected.statuses[0] !== expected.statuses[1]) assert.equal(await mw.locator('[data-field="status-change"]').textContent(), `${STATUS[expected.statuses[0]]} → ${STATUS[expected.statuses[1]]}`);
  assert.deepEqual((await mw.locator('[data-field="metrics"] [data-metric]').evaluateAll((li) => li.map((l) => l.dataset.metric))).sort(), [...expected.moved].sort());
  const gained = await mw.locator('[data-field="gained"]').textContent();
  assert.ok(gained.startsWith(`Tenants gained (${expected.gained.length}):`), `${gained} ${JSON.stringify(expected)}`);
  for (const name of expected.gained) assert.ok(gained.includes(name), `${name} in ${gained}`);
  const lost = await mw.locator('[data-field="lost"]').textContent();
  assert.ok(lost.startsWith(`Tenants lost (${expected.lost.length}):`), lost);
  for (const name of expected.lost) assert.ok(lost.includes(name), `${name} in ${lost}`);
  assert.match(await mw.locator('[data-field="added"]').textContent(), /Ben Okafor: Microsoft 365 Certified: Endpoint Administrator Associate/);
  assert.match(await mw.locator('[data-field="gone"]').textContent(), /Gus Ito: Microsoft 365 Certified: Teams Administrator Associate/);
}

const databases = (page) => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));

test('remember September, reload, drop October: the changes are the difference of the two reports; Forget deletes them', async () => {
  const page = await app.open('/');
  await loadFiles(page, SEPTEMBER);
  const panel = page.locator('[data-view="overview"] ~ [data-section="changes"]');
  await panel.waitFor();
  assert.match(await panel.locator('[data-field="hint"]').textContent(), /Next month, drop the new downloads/);
  // Opt-in: nothing is stored before the switch.
  assert.deepEqual(await databases(page), []);
  await panel.locator('[data-action="remember"]').check();
  await panel.locator('[data-field="remembered"]').waitFor();
  assert.equal(await panel.locator('[data-field="remembered"]').textContent(), 'Remembered on this computer: September 2025.');
  assert.deepEqual(await databases(page), ['spd-score']);

  await page.reload();
  await loadFiles(page, OCTOBER);
  await panel.locator('h3:has-text("Since September 2025")').waitFor();
  assert.match(await panel.locator('[data-field="compared-with"]').textContent(), /^Compared with the result remembered on this computer on \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\.$/);
  await assertModernWork(panel);
  // Still remembering: October is kept beside September, and scoring October again still compares with September.
  await panel.locator('[data-field="remembered"]:has-text("October 2025")').waitFor();
  assert.equal(await panel.locator('[data-action="remember"]').isChecked(), true);
  await panel.screenshot({ path: `${screenshots}/changes.png` });

  await panel.locator('[data-action="forget"]').click();
  await panel.locator('[data-field="note"]').waitFor();
  assert.equal(await panel.locator('[data-field="note"]').textContent(), 'Nothing is remembered on this computer any more.');
  assert.equal(await panel.locator('h3').textContent(), 'What changed');
  assert.equal(await panel.locator('.change').count(), 0);
  assert.equal(await panel.locator('[data-action="remember"]').isChecked(), false);
  assert.deepEqual(await databases(page), []);
  await page.reload();
  await loadFiles(page, OCTOBER);
  await panel.waitFor();
  assert.equal(await panel.locator('.change').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('last month\'s report downloaded from the page and dropped back: the same changes, nothing stored', async () => {
  const page = await app.open('/');
  await loadFiles(page, SEPTEMBER);
  const saving = page.waitForEvent('download');
  await page.locator('button:has-text("Download report (JSON)")').click();
  const download = await saving;
  const saved = join(dir, 'spd-score-report-september.json');
  await download.saveAs(saved);
  await page.locator('button:has-text("Start over")').click();
  await loadFiles(page, OCTOBER);
  await page.locator('spd-score-calculator input[type="file"]').first().setInputFiles([saved]);
  const panel = page.locator('[data-section="changes"]');
  await panel.locator('h3:has-text("Since September 2025")').waitFor();
  assert.equal(await panel.locator('[data-field="compared-with"]').textContent(), 'Compared with spd-score-report-september.json.');
  await assertModernWork(panel);
  assert.deepEqual(await databases(page), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the changes panel at 390 px in dark mode: no sideways scroll, axe finds nothing serious', async () => {
  const page = await app.open('/', { bypassCSP: true, colorScheme: 'dark', viewport: { width: 390, height: 844 } });
  await loadFiles(page, OCTOBER);
  await page.locator('spd-score-calculator input[type="file"]').first().setInputFiles([join(dir, 'spd-score-report-september.json')]);
  const panel = page.locator('[data-section="changes"]');
  await panel.locator('.change[data-area="modern-work"]').waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll');
  assert.deepEqual(await axeViolations(page), []);
  await panel.screenshot({ path: `${screenshots}/changes-390-dark.png` });
  await page.context().close();
});

test('nothing remembered and nothing to compare: no list is asked for after the report until the switch is on', async () => {
  const page = await app.open('/');
  // Every question the page puts to its worker, as sent.
  await page.evaluate(() => {
    window.asked = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, ...rest) {
      window.asked.push(message?.type === 'rows' ? { ...message.query } : { type: message?.type });
      return post.call(this, message, ...rest);
    };
  });
  await loadFiles(page, OCTOBER);
  const panel = page.locator('[data-section="changes"]');
  await panel.locator('[data-field="hint"]').waitFor();
  await settled(page);
  const whole = () => page.evaluate(() => window.asked.filter((q) => q.list && q.limit === undefined));
  // The overview asks for pages of lists (if any); a whole list would sit before the table opened next.
  assert.deepEqual(await whole(), []);
  await panel.locator('[data-action="remember"]').check();
  await panel.locator('[data-field="remembered"]').waitFor();
  // Now the result is kept: the tenants that count on each Modern Work track, asked for whole.
  const asked = await whole();
  assert.ok(asked.some((q) => q.list === 'tenants' && q.area === 'modern-work' && q.only === 'contributing'), JSON.stringify(asked));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
