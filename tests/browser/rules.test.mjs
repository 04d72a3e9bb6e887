// What the page shows of the rules follows the ruleset in use (Modern Work
// on Microsoft's 2026 rules): the version and the date of Microsoft's text,
// the what-if planner's workloads and certifications, why a tenant counts on
// a track, why a certification counts or not, and the 2026 sample.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { axeViolations, defaultRuleset, drop, expected, fixture, go, openArea, reportAfter, screenshots, settled, shown, start } from './harness.mjs';

let app;
let ruleset;
before(async () => {
  app = await start();
  ruleset = await defaultRuleset();
});
after(() => app.close());

const rulesLine = (r) => `Rules: ${r.label} ${r.version}, following Microsoft's text of ${r.published}.`;

/** The planner's workload checkboxes and certification groups, as shown. */
async function plannerChoices(page) {
  const simulator = page.locator('.simulator');
  await go(page, '#/what-if');
  await simulator.getByRole('button', { name: 'Plan a what-if' }).click();
  const workloads = await simulator.locator('[data-field="workloads"] label.check').evaluateAll((labels) =>
    labels.map((l) => ({ value: l.querySelector('input').value, label: l.textContent, checked: l.querySelector('input').checked })),
  );
  const groups = await simulator.locator('[data-field="certification"] optgroup').evaluateAll((groups) =>
    groups.map((g) => ({ label: g.label, list: g.dataset.list, options: [...g.querySelectorAll('option')].map((o) => ({ value: o.value, label: o.textContent })) })),
  );
  return { workloads, groups };
}

test("the ruleset's version and the date of Microsoft's text are shown, before and after scoring", async () => {
  assert.equal(ruleset.version, '2026.12');
  assert.equal(ruleset.published, '2026-04');
  const page = await app.open();
  const intake = page.locator('.intake [data-field="rules"]');
  await page.waitForFunction(() => document.querySelector('spd-score-calculator').shadowRoot.querySelector('.intake [data-field="rules"]')?.textContent);
  assert.equal(await intake.textContent(), "Rules: Modern Work 2026.12, following Microsoft's text of 2026-04.");
  await drop(page, ['cpor-report-13-months.csv', 'skilling-people.csv'].map(fixture));
  const view = await openArea(page, 'modern-work');
  assert.equal(await view.locator('[data-field="rules"]').textContent(), rulesLine(ruleset));
  assert.deepEqual(page.errors, []);
});

test("the what-if planner offers the ruleset's workloads and the certifications of its lists", async () => {
  const page = await app.open();
  await drop(page, ['cpor-report-13-months.csv', 'skilling-people.csv'].map(fixture));
  const { workloads, groups } = await plannerChoices(page);
  // Every workload of the ruleset, in its order; a restricted one says what it counts for.
  assert.deepEqual(
    workloads.map((w) => w.value),
    ruleset.workloads.map((w) => w.id),
  );
  const label = (id) => workloads.find((w) => w.value === id)?.label;
  assert.equal(label('Windows 365'), 'Windows 365');
  assert.equal(label('Microsoft 365 Copilot'), 'Microsoft 365 Copilot');
  assert.equal(label('Microsoft Entra ID P1'), 'Microsoft Entra ID P1');
  assert.equal(label('Teams Premium'), 'Teams Premium (usage growth and deployments only)');
  assert.ok(!workloads.some((w) => w.value === 'Exchange'), 'the old constant list is gone');
  assert.deepEqual(
    workloads.filter((w) => w.checked).map((w) => w.value),
    ['Exchange Online', 'SharePoint Online', 'Teams'],
  );
  // One group per certification list, each with exactly its certifications, labelled with name and id.
  assert.deepEqual(
    groups.map((g) => [g.list, g.label]),
    [
      ['intermediate', 'Intermediate certifications list'],
      ['advanced', 'Advanced certifications list'],
    ],
  );
  for (const g of groups) assert.deepEqual(g.options.map((o) => o.value), ruleset.certificationLists[g.list], g.list);
  const intermediate = groups.find((g) => g.list === 'intermediate').options;
  assert.equal(
    intermediate.find((o) => o.value === 'copilot-agent-administration-fundamentals')?.label,
    'Microsoft 365 Certified: Copilot and Agent Administration Fundamentals (copilot-agent-administration-fundamentals)',
  );
  assert.equal(intermediate.find((o) => o.value === 'MS-900')?.label, 'Microsoft 365 Fundamentals (MS-900), counts through 2027-03-31');
  assert.equal(groups.find((g) => g.list === 'advanced').options.find((o) => o.value === 'MS-102')?.label, 'Microsoft 365 Certified: Enterprise Administrator Expert (MS-102), counts through 2027-11-30');
  // Certifications no longer on Microsoft's list are not offered.
  const offered = groups.flatMap((g) => g.options.map((o) => o.value));
  for (const id of ruleset.droppedCertifications) assert.ok(!offered.includes(id), `${id} is offered`);
  assert.deepEqual(page.errors, []);
});

/** Simulates one plan on the 13-month sample: the SMB and Enterprise rows' change per metric. */
async function simulate(workloadLabels, certification) {
  const page = await app.open();
  await drop(page, ['cpor-report-13-months.csv', 'skilling-people.csv'].map(fixture));
  const simulator = page.locator('.simulator');
  await go(page, '#/what-if');
  await simulator.getByRole('button', { name: 'Plan a what-if' }).click();
  if (workloadLabels) {
    const boxes = simulator.locator('[data-field="workloads"] input');
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).uncheck();
    for (const l of workloadLabels) await simulator.locator('[data-field="workloads"]').getByLabel(l, { exact: true }).check();
    await simulator.getByLabel('How many').fill('2');
    await simulator.getByRole('button', { name: 'Add customer' }).click();
  }
  if (certification) {
    await simulator.getByLabel('Name', { exact: true }).fill('Pat');
    await simulator.getByLabel('Certification').selectOption(certification);
    await simulator.getByRole('button', { name: 'Add person' }).click();
  }
  await simulator.getByRole('button', { name: 'Simulate' }).click();
  await simulator.locator('[data-simulated]').waitFor();
  const changes = {};
  for (const track of ['enterprise', 'smb']) {
    const cells = await simulator.locator(`tr[data-track="${track}"] td`).allTextContents();
    // Now, simulated, change, then the five metrics in the page's order.
    changes[track] = { netCustomerAdds: cells[3], intermediateCertifications: cells[4], usageGrowth: cells[6] };
  }
  return { page, changes, plan: await simulator.locator('.plan').textContent(), problems: await simulator.locator('[data-simulated] .warning').count() };
}

test('planned customers on Windows 365 add customers; on Teams Premium alone they add none', async () => {
  const windows = await simulate(['Windows 365']);
  assert.match(windows.plan, /2 × new CSP customer: Windows 365, 30 MAU of 50 seats/);
  assert.equal(windows.problems, 0);
  assert.equal(windows.changes.smb.netCustomerAdds, '+4');
  const premium = await simulate(['Teams Premium (usage growth and deployments only)']);
  assert.match(premium.plan, /2 × new CSP customer: Teams Premium, 30 MAU of 50 seats/);
  assert.equal(premium.problems, 0);
  assert.equal(premium.changes.smb.netCustomerAdds, '0');
  assert.deepEqual([...windows.page.errors, ...premium.page.errors], []);
});

test('a planned person with Copilot and Agent Administration Fundamentals counts as intermediate', async () => {
  const { page, changes, plan, problems } = await simulate(null, 'copilot-agent-administration-fundamentals');
  assert.match(plan, /Pat: Microsoft 365 Certified: Copilot and Agent Administration Fundamentals \(copilot-agent-administration-fundamentals\)/);
  assert.equal(problems, 0);
  // Enterprise has 1 of 4 intermediate people: one more is 2.5 points.
  assert.equal(changes.enterprise.intermediateCertifications, '+2.5');
  assert.deepEqual(page.errors, []);
});

test('ruleset-url: the planner and the rules line follow the custom ruleset', async () => {
  const page = await app.open();
  const custom = structuredClone(ruleset);
  custom.version = 'test';
  custom.published = '2027-01';
  custom.workloads.push({ id: 'Contoso Boards', spellings: ['Contoso Boards'], metrics: ['netCustomerAdds'] });
  custom.certificationLists = { intermediate: ['MS-700'], advanced: ['MS-102'] };
  await page.route(`${app.origin}/rulesets/custom.json`, (route) => route.fulfill({ json: custom }));
  await page.evaluate(async () => {
    const el = document.createElement('spd-score-calculator');
    el.setAttribute('ruleset-url', '/rulesets/custom.json');
    document.querySelector('main').replaceChildren(el);
    await el.scoreFiles([{ name: 'people.csv', bytes: new TextEncoder().encode('Email,Certification\nana@example.com,MS-700\n') }]);
  });
  assert.equal(await page.locator('.intake [data-field="rules"]').textContent(), "Rules: Modern Work test, following Microsoft's text of 2027-01.");
  const view = await openArea(page, 'modern-work');
  assert.equal(await view.locator('[data-field="rules"]').textContent(), "Rules: Modern Work test, following Microsoft's text of 2027-01.");
  const { workloads, groups } = await plannerChoices(page);
  assert.equal(workloads.at(-1).label, 'Contoso Boards (net customer adds only)');
  assert.deepEqual(
    groups.map((g) => g.options.map((o) => o.value)),
    [['MS-700'], ['MS-102']],
  );
  assert.deepEqual(page.errors, []);
});

test('2026 rules: the tenant table explains the SMB carry-over and tenants that count for usage only', async () => {
  const page = await app.open();
  await drop(page, ['rules-2026.csv', 'training-completions.csv'].map(fixture));
  await openArea(page, 'modern-work');
  const tenants = page.locator('.tenants');
  const row = (id) => tenants.locator('[data-table="tenants"] tbody tr', { has: page.locator('.tenant-id', { hasText: new RegExp(`^${id}$`) }) });
  const notes = (id) => row(id).locator('[data-note]').allTextContents();
  await tenants.getByRole('combobox', { name: 'Track', exact: true }).selectOption('smb');
  await settled(page);
  // Grown to 420 seats: Enterprise now, still SMB through the carry-over.
  assert.deepEqual(await notes('PROMOTED-CPOR'), ['Now: SMB by carry-over: in the SMB band a year earlier']);
  assert.match(await row('PROMOTED-CPOR').locator('td').first().textContent(), /^yes \/ yes/);
  // Teams Premium alone: usage growth and deployments, not net customer adds.
  assert.deepEqual(await notes('PREMIUM-ONLY'), [
    'Now: usage growth and deployments only, not net customer adds: only workloads off that list (Teams Premium) are in the SMB band',
  ]);
  assert.match(await row('PREMIUM-ONLY').locator('td').first().textContent(), /^no \/ no/);
  // Tenants eligible on a net customer adds workload have no note.
  for (const id of ['W365-ONLY', 'ENTRA-P1', 'COPILOT', 'ROOMS']) assert.deepEqual(await notes(id), [], id);
  await page.locator('.tenants').screenshot({ path: `${screenshots}/tenants-2026.png` });
  // On Enterprise the promoted tenant is a new customer, with no carry-over.
  await tenants.getByRole('combobox', { name: 'Track', exact: true }).selectOption('enterprise');
  await settled(page);
  assert.deepEqual(await notes('PROMOTED-CPOR'), []);
  assert.match(await row('PROMOTED-CPOR').locator('td').nth(4).textContent(), /customer \+1/);
  // The CSV download carries the same facts.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download tenants (CSV)' }).click()]);
  const lines = readFileSync(await download.path(), 'utf8').trim().split('\r\n');
  const header = lines[0].split(',');
  const promoted = lines.find((l) => l.startsWith('PROMOTED-CPOR,')).split(',');
  assert.equal(promoted[header.indexOf('smb by carry-over now')], 'true');
  assert.equal(promoted[header.indexOf('enterprise by carry-over now')], 'false');
  const premium = lines.find((l) => l.startsWith('PREMIUM-ONLY,')).split(',');
  assert.equal(premium[header.indexOf('smb usage counts now')], 'true');
  assert.equal(premium[header.indexOf('smb eligible now')], 'false');
  assert.deepEqual(page.errors, []);
});

test('2026 rules: the people table says why each certification counts or not', async () => {
  const page = await app.open();
  await drop(page, ['rules-2026.csv', 'training-completions.csv'].map(fixture));
  const view = await openArea(page, 'modern-work');
  const person = (name) => view.locator('[data-table="area-people"] tbody tr', { hasText: name });
  const cert = async (name) => {
    const li = person(name).locator('.where li');
    assert.equal(await li.count(), 1, name);
    return { status: await li.getAttribute('data-status'), tag: await li.locator('.tag').textContent(), reason: (await li.locator('.reason').count()) ? (await li.locator('.reason').textContent()).trim() : null };
  };
  assert.deepEqual(await cert('Jon Berg'), { status: 'dropped', tag: 'no longer on the list', reason: "no longer on Microsoft's Modern Work list" });
  assert.deepEqual(await cert('Kai Lund'), { status: 'expired', tag: 'expired', reason: 'expired on 30 June 2025, before the as-of month October 2025' });
  assert.deepEqual(await cert('Mo Diaz'), { status: 'not_yet_earned', tag: 'earned after the as-of month', reason: 'earned on 20 November 2025, after the as-of month October 2025' });
  // Where a counted certification counts: the metric it feeds (the tag), and when Microsoft retires it.
  assert.deepEqual(await cert('Ines Moreau'), { status: 'counted', tag: 'intermediate certifications', reason: null });
  assert.deepEqual(await cert('Lea Ng'), { status: 'counted', tag: 'advanced certifications', reason: 'retiring: counts until 15 June 2027' });
  await view.locator('.area-people').screenshot({ path: `${screenshots}/people-2026.png` });
  assert.deepEqual(page.errors, []);
});

test('the sample buttons: the 2026 set and the first set, each replacing what was loaded', async () => {
  const page = await app.open();
  const names = async () => (await go(page, '#/files'), page.locator('.file .file-name').allTextContents());
  const figures = async (usage) => {
    const got = await shown(page);
    for (const [track, want] of Object.entries(expected(usage).tracks)) assert.equal(got[track].exact, want.total, `${usage} ${track}`);
  };
  await page.locator('.drop').waitFor();
  let report = await reportAfter(page, () => page.getByRole('button', { name: 'Try the 2026 rule changes' }).click());
  assert.deepEqual(report.files.map((f) => f.name), ['rules-2026.csv', 'training-completions.csv']);
  assert.deepEqual(await names(), ['rules-2026.csv', 'training-completions.csv']);
  await figures('rules-2026.csv');
  report = await reportAfter(page, () => page.getByRole('button', { name: 'Try it with sample data' }).click());
  assert.deepEqual(report.files.map((f) => f.name), ['cpor-report-13-months.csv', 'skilling-people.csv']);
  assert.deepEqual(await names(), ['cpor-report-13-months.csv', 'skilling-people.csv']);
  assert.equal(report.areas['modern-work'].asOf, '2025-10');
  await figures('cpor-report-13-months.csv');
  assert.deepEqual(page.errors, []);
});

for (const colorScheme of ['light', 'dark']) {
  test(`2026 sample with the planner open (${colorScheme}): axe finds no serious or critical violations`, async () => {
    const page = await app.open('/', { bypassCSP: true, colorScheme });
    await page.locator('.drop').waitFor();
    await reportAfter(page, () => page.getByRole('button', { name: 'Try the 2026 rule changes' }).click());
    await go(page, '#/what-if');
    await page.locator('.simulator').getByRole('button', { name: 'Plan a what-if' }).click();
    await page.screenshot({ path: `${screenshots}/results-2026-${colorScheme}.png`, fullPage: true });
    assert.deepEqual(await axeViolations(page), []);
  });
}
