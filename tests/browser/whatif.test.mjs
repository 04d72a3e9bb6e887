// The what-if planner across areas in real Chromium: an Azure planned
// customer and a Microsoft 365 one on the area fixtures, entered with the
// keyboard and the mouse; every area's simulated score checked against the
// core's own simulation of the same files and plan in Node; the plan saved
// and loaded as a JSON file; axe; screenshots light, dark and at 390 px.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { axeViolations, fixture, go, loadFiles, reportAfter, root, screenshots, start } from './harness.mjs';

const FILES = ['areas/azure-usage-24-months.csv', 'areas/security-m365.csv', 'areas/skilling-all-areas.csv'];
/** What the page's form below produces. */
const PLAN = {
  customers: [
    { association: 'CSP Tier 1', workloads: [], mau: 30, pau: 50, count: 1, existingCustomer: false, existingDeployment: false, azureServices: ['Azure Cosmos DB'], ttmRevenue: 600 },
    { association: 'CSP Tier 1', workloads: ['Intune'], mau: 100, pau: 200, count: 1, existingCustomer: false, existingDeployment: false },
  ],
  people: [{ name: 'Pat', certification: 'AZ-700' }],
  removeTenants: [],
};
const SCREENS = process.env.WHATIF_SCREENS ?? screenshots;

let app;
let core;
before(async () => {
  app = await start();
  // The core the page runs, in Node: the same files and plan, simulated directly.
  const api = await import(`${root}www/pkg/index.js`);
  await api.load();
  const scorer = new api.Scorer();
  for (const name of FILES) scorer.addFile(name, readFileSync(fixture(name)));
  core = scorer.simulate(PLAN, { asOf: '2025-10', tenantLimit: 0 });
  scorer.free();
});
after(() => app.close());

const load = (page) => loadFiles(page, FILES.map(fixture));

/** Enters PLAN in the form: the Azure customer by keyboard, the Microsoft 365 one by mouse. */
async function enterPlan(page) {
  await go(page, '#/what-if');
  const simulator = page.locator('.simulator');
  const toggle = simulator.locator('button[aria-controls="sim-body"]');
  assert.equal(await toggle.textContent(), 'Plan a what-if');
  await toggle.focus();
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await toggle.textContent(), 'Hide the planner');
  const form = simulator.getByRole('form', { name: 'Planned customer' });
  // The core's association types, each saying what it is read for.
  await form.locator('select option[value="PAL"]').waitFor({ state: 'attached' });
  assert.match(await form.locator('select option[value="PAL"]').textContent(), /PAL – Azure, Business Applications/);
  await form.getByLabel('Association').selectOption('CSP Tier 1');
  const usual = await form.locator('[data-field="workloads"] input:checked').evaluateAll((boxes) => boxes.map((b) => b.value));
  for (const value of usual) {
    await form.locator(`[data-field="workloads"] input[value="${value}"]`).focus();
    await page.keyboard.press('Space');
  }
  assert.equal(await form.locator('[data-field="workloads"] input:checked').count(), 0);
  // The Azure services list opens from its summary with the keyboard.
  const summary = form.locator('details[data-list="azure-services"] > summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  const functions = form.locator('[data-field="azure-services"]').getByLabel('Azure Cosmos DB', { exact: true });
  await functions.focus();
  await page.keyboard.press('Space');
  assert.equal(await functions.isChecked(), true);
  await form.getByLabel('TTM revenue (USD)', { exact: true }).fill('600');
  await form.getByLabel('TTM revenue (USD)', { exact: true }).press('Enter');
  // The Microsoft 365 customer: Intune only, 100 active of 200 seats.
  await form.locator('[data-field="azure-services"]').getByLabel('Azure Cosmos DB', { exact: true }).uncheck();
  await form.getByLabel('TTM revenue (USD)', { exact: true }).fill('0');
  await form.locator('[data-field="workloads"]').getByLabel('Intune', { exact: true }).check();
  await form.getByLabel('MAU per workload').fill('100');
  await form.getByLabel('Paid seats (PAU)').fill('200');
  await form.getByRole('button', { name: 'Add customer' }).click();
  const plan = await simulator.locator('.plan li').allTextContents();
  assert.match(plan[0], /1 × new CSP Tier 1 customer: Azure services Azure Cosmos DB; USD 600 TTM/);
  assert.match(plan[1], /1 × new CSP Tier 1 customer: Intune, 100 MAU of 200 seats/);
  // A person certified for another area: its certifications, once that area is chosen.
  const person = simulator.getByRole('form', { name: 'Planned certified person' });
  await person.getByLabel('Name', { exact: true }).fill('Pat');
  await person.getByLabel('Counted in').selectOption({ label: 'Infrastructure' });
  await person.getByLabel('Certification').selectOption('AZ-700');
  await person.getByRole('button', { name: 'Add person' }).click();
  assert.match((await simulator.locator('.plan li').allTextContents())[2], /Pat: .*\(AZ-700\)/);
  await simulator.getByRole('button', { name: 'Simulate' }).click();
  await simulator.locator('[data-table="whatif-areas"]').waitFor();
  return simulator;
}

test('a what-if across Azure and Modern Work gives the core’s simulated score for every area', async () => {
  const page = await app.open('/', { bypassCSP: true, acceptDownloads: true });
  await load(page);
  const simulator = await enterPlan(page);
  const rows = await simulator.locator('[data-table="whatif-areas"] tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const cell = (f) => tr.querySelector(`[data-field="${f}"]`);
      return { area: tr.dataset.area, before: cell('area-before').dataset.value, after: cell('area-after').dataset.value, change: cell('area-change').dataset.value, shown: cell('area-after').textContent, status: cell('area-status').textContent };
    }),
  );
  assert.deepEqual(rows.map((r) => r.area), Object.keys(core.areas));
  const STATUS = { qualified: 'Qualified', in_progress: 'In progress', incomplete: 'Incomplete', partial: 'Partial', not_scored: 'Not scored', not_started: 'Not started' };
  for (const row of rows) {
    const want = core.areas[row.area];
    const num = (v) => (v === '' ? null : Number(v));
    assert.equal(num(row.before), want.totalBefore, `${row.area} before`);
    assert.equal(num(row.after), want.totalAfter, `${row.area} after`);
    assert.equal(num(row.change), want.totalChange, `${row.area} change`);
    assert.equal(row.shown, want.totalAfter === null ? '–' : String(Math.round(want.totalAfter)), row.area);
    assert.equal(row.status, STATUS[want.statusAfter], row.area);
  }
  // The plan moves both kinds of area: Infrastructure (a fifth service, more
  // growth), Security (Intune is a security workload too) and Modern Work's
  // SMB track (a new SMB customer; Enterprise stays the better track).
  assert.ok(core.areas.infrastructure.totalChange > 0 && core.areas.security.totalChange > 0, JSON.stringify(core.areas));
  assert.ok(core.changes.smb.totalChange > 0, JSON.stringify(core.changes.smb));
  assert.deepEqual(core.problems, []);
  assert.equal(await simulator.locator('[data-simulated] .warning').count(), 0);
  // Modern Work's per-track table is still there.
  assert.equal(await simulator.locator('tr[data-track="smb"] [data-field="simulated-total"]').textContent(), String(Math.round(core.changes.smb.totalAfter)));

  // Saved as JSON: the plan as simulated. Loaded back, the same plan.
  const [saved] = await Promise.all([page.waitForEvent('download'), simulator.getByRole('button', { name: 'Save plan' }).click()]);
  const file = join(tmpdir(), `whatif-plan-${process.pid}.json`);
  await saved.saveAs(file);
  assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), PLAN);
  await simulator.locator('.plan li button').first().click();
  assert.equal(await simulator.locator('.plan li').count(), 2);
  await simulator.locator('input[type="file"][accept*="json"]').setInputFiles(file);
  await page.waitForFunction(() => document.querySelector('spd-score-calculator').shadowRoot.querySelectorAll('.plan li').length === 3);
  // A file that is not a plan is said so.
  const bad = join(tmpdir(), `whatif-bad-${process.pid}.json`);
  writeFileSync(bad, '[1, 2]');
  await simulator.locator('input[type="file"][accept*="json"]').setInputFiles(bad);
  await page.getByText('is not a saved plan').waitFor();

  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.errors, []);
});

for (const [name, options] of [
  ['light', { colorScheme: 'light' }],
  ['dark', { colorScheme: 'dark' }],
  ['390', { colorScheme: 'light', viewport: { width: 390, height: 844 } }],
]) {
  test(`the what-if, ${name}: axe-clean, nothing wider than the screen, screenshot`, async () => {
    const page = await app.open('/', { bypassCSP: true, ...options });
    await load(page);
    const simulator = await enterPlan(page);
    // The light one shows the Azure services list as chosen; the others fold it.
    if (name !== 'light') await page.locator('details[data-list="azure-services"]').evaluate((d) => (d.open = false));
    assert.deepEqual(await axeViolations(page), []);
    // At 390 px the planner fits the screen: its tables scroll inside their box.
    const { overflow, wider } = await simulator.evaluate((el) => ({ overflow: el.scrollWidth - el.clientWidth, wider: el.getBoundingClientRect().width - window.innerWidth }));
    assert.ok(overflow <= 0 && wider <= 0, `the planner overflows by ${overflow}px, is ${wider}px wider than the screen`);
    mkdirSync(SCREENS, { recursive: true });
    await simulator.screenshot({ path: `${SCREENS}/whatif-${name}.png` });
    await simulator.screenshot({ path: `${screenshots}/whatif-${name}.png` });
    assert.deepEqual(page.errors, []);
  });
}
