// An area's explanation on the page (report.areas[id].detail, area-detail.js):
// Azure's for Data & AI, Business Applications', Security's, their tables asked
// for a page at a time (rows()) and checked against the full report's lists,
// models the page does not know left out; axe and screenshots.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { axeViolations, fixture, fullReport, reportAfter, screenshots, settled, start } from './harness.mjs';

const AZURE = ['areas/azure-usage-24-months.csv', 'areas/skilling-all-areas.csv'];
const BIZAPPS = ['areas/bizapps-revenue.csv', 'areas/bizapps-usage.csv'];
const SECURITY = ['areas/security-m365.csv', 'areas/security-azure.csv', 'areas/skilling-all-areas.csv'];

let app;
before(async () => {
  app = await start();
});
after(() => app.close());

/** Loads files, opens an area from the overview; returns the report (the summary), the area's lists (from the full report) and the explanation, its tables filled. */
async function openDetail(page, names, area) {
  await page.locator('.drop').waitFor();
  const report = await reportAfter(page, () => page.locator('spd-score-calculator input[type="file"]').first().setInputFiles(names.map((n) => fixture(n))));
  const lists = (await fullReport(page)).areas[area];
  await page.locator(`[data-view="overview"] [data-area="${area}"] [data-field="open-area"]`).click();
  const detail = page.locator(`.area-view[data-area="${area}"] .area-detail`);
  await detail.waitFor();
  await settled(page);
  return { report, lists, detail };
}

const text = (locator) => locator.evaluate((el) => el.textContent.replace(/\s+/g, ' ').trim());
/** A table's rows as { header: [cells…] } read from the DOM, keyed by a row attribute. */
const rows = (table, key) =>
  table.locator('tbody tr').evaluateAll(
    (trs, key) => trs.map((tr) => [tr.getAttribute(key), [...tr.children].map((c) => c.textContent.replace(/\s+/g, ' ').trim())]),
    key,
  );

test('Data & AI from the Azure usage export: classification, TTM growth, tenants, services, what does not count', async () => {
  const page = await app.open();
  const { report, lists, detail } = await openDetail(page, AZURE, 'data-ai');
  const d = report.areas['data-ai'].detail;
  assert.equal(d.tenants, undefined);
  assert.deepEqual([lists.tenants.length, lists.services.length], [report.areas['data-ai'].lists.tenants, report.areas['data-ai'].lists.services]);
  assert.equal(await detail.getAttribute('data-detail'), 'azure');
  assert.equal(await text(detail.locator('h3')), 'How the files were read');
  assert.equal(await text(detail.locator('[data-field="covers"]')), 'Read from the Azure usage export, November 2023 to October 2025.');
  assert.equal(await text(detail.locator('[data-field="classification"]')), '4 of 5 customers with a segment are SMB: 80% → SMB.');
  assert.equal(await text(detail.locator('[data-field="customers"]')), '6 customers with eligible ACR in October 2025.');
  assert.equal(await text(detail.locator('[data-field="ttm-as-of"]')), 'USD 11,499.98');
  assert.equal(await text(detail.locator('[data-field="ttm-baseline"]')), 'USD 10,222.20');
  assert.equal(await text(detail.locator('[data-field="growth"]')), '12.5%');
  assert.equal(
    await text(detail.locator('[data-field="ttm"]')),
    'ACR over the twelve months to October 2025: USD 11,499.98; to October 2024: USD 10,222.20; growth 12.5%.',
  );

  // Tenants: the four months named, every tenant of the detail, Contoso a customer on both tracks.
  const tenants = detail.locator('[data-table="detail-tenants"]');
  assert.equal(await text(tenants.locator('caption')), 'Tenants with ACR (8)');
  assert.deepEqual(await tenants.locator('thead tr').nth(1).locator('th').allTextContents(), ['Oct 2025', 'Sep 2025', 'Oct 2024', 'Sep 2024']);
  assert.deepEqual(
    await tenants.locator('thead tr').first().locator('th').allTextContents(),
    ['Tenant', 'Segment', 'ACR (USD)', 'Enterprise customer', 'SMB customer', 'Within reach'],
  );
  const byId = Object.fromEntries(await rows(tenants, 'data-tenant'));
  assert.deepEqual(Object.keys(byId), lists.tenants.map((t) => t.id));
  const contoso = lists.tenants.find((t) => t.name === 'Contoso Ltd');
  assert.deepEqual(byId[contoso.id], ['Contoso Ltd', 'SMB Commercial SMB', '1,000', '0', '0', '0', '+1 now only', '+1 now only', '']);
  const litware = Object.values(byId).find((r) => r[0] === 'Litware Inc');
  assert.deepEqual(litware.slice(2, 8), ['499.99', '0', '500', '0', '0 neither month', '-1 a year ago only']);
  assert.match(litware[8], /^Enterprise: USD 500\.01 more in October 2025 from Litware Inc makes it a customer \(\+1 net customer add\)\. ?SMB: USD 0\.01 more/);
  // Cells are labelled with their headers for the narrow layout.
  assert.equal(await tenants.locator(`tr[data-tenant="${contoso.id}"] td`).nth(1).getAttribute('data-label'), 'ACR (USD) Oct 2025');

  // Sorting by a month's ACR asks for the rows largest first; again, smallest first; a search narrows to one tenant.
  const largest = [...lists.tenants].sort((a, b) => b.acr.asOf - a.acr.asOf)[0];
  await tenants.getByRole('button', { name: 'Oct 2025', exact: true }).click();
  await settled(page);
  assert.equal(await tenants.locator('tbody tr').first().getAttribute('data-tenant'), largest.id);
  assert.equal(await tenants.locator('th[aria-sort="descending"]').textContent(), 'Oct 2025');
  await tenants.getByRole('button', { name: 'Oct 2025', exact: true }).click();
  await settled(page);
  assert.equal(await tenants.locator('th[aria-sort="ascending"]').textContent(), 'Oct 2025');
  assert.equal(await tenants.locator('tbody tr').last().getAttribute('data-tenant'), largest.id);
  const search = detail.locator('[data-table-wrap="detail-tenants"] input[type="search"]');
  await search.fill('contoso');
  await settled(page);
  assert.deepEqual(await tenants.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.tenant)), [contoso.id]);
  await search.fill('no tenant is called this');
  await settled(page);
  assert.equal(await text(tenants.locator('tbody')), 'Nothing matches the search.');
  await search.fill('');
  await settled(page);
  assert.equal(await tenants.locator('tbody tr').count(), lists.tenants.length);

  // Services: Virtual Machines excluded, Cosmos DB without positive ACR.
  const services = Object.fromEntries(await rows(detail.locator('[data-table="detail-services"]'), 'data-service'));
  assert.deepEqual(services['Azure SQL Database'], ['Azure SQL Database', '5,000', 'Yes']);
  assert.deepEqual(services['Virtual Machines'], ['Virtual Machines', '1,700', 'No: Virtual Machines are excluded']);
  assert.deepEqual(services['Azure Cosmos DB'], ['Azure Cosmos DB', '0', 'No: no positive ACR']);
  assert.equal(await detail.locator('[data-table="detail-services"] tr[data-deployment="true"]').count(), lists.services.filter((s) => s.deployment).length);

  // What does not count: set aside, the duplicate flag, association types, the Free Trial offer.
  const ignored = detail.locator('[data-field="not-counted"]');
  assert.equal(await text(ignored.locator('[data-ignored="offer"][data-name="Free Trial"]')), 'Offer Free Trial: 1 row, USD 600.');
  assert.equal(await text(ignored.locator('[data-ignored="association"][data-name="Deal registration"]')), 'Association type Deal registration: 1 row, USD 500.');
  assert.equal(await text(ignored.locator('[data-ignored="set-aside"]')), 'USD 9,000 counted once: the same consumption under a second association type.');
  assert.match(await text(ignored.locator('[data-ignored="flagged"]')), /IsACRDuplicateAtPGAAttachTypeLevel\): 1 row, USD 1,000\.$/);
  assert.deepEqual(await detail.locator('[data-field="hints"] li').allTextContents(), d.hints);
  assert.equal(await detail.locator('[data-field="pager"]:visible').count(), 0);
  assert.deepEqual(page.errors, []);
});

test('Business Applications from revenue and usage: Enterprise by 5 pairs, MCV, revenue and usage per pair, within reach, set aside', async () => {
  const page = await app.open();
  const { report, lists, detail } = await openDetail(page, BIZAPPS, 'business-applications');
  const d = report.areas['business-applications'].detail;
  assert.equal(await detail.getAttribute('data-detail'), 'businessApplications');
  assert.equal(
    await text(detail.locator('[data-field="classification"]')),
    'Pairs above USD 5,000 of revenue in both October 2025 and October 2024: 5 of 5 needed → Enterprise.',
  );
  assert.deepEqual(await detail.locator('[data-field="deciding"] li').allTextContents(), [
    'Contoso Ltd: Customer Service',
    'Contoso Ltd: Sales',
    'Fabrikam Inc: Finance',
    'Fabrikam Inc: Supply Chain',
    'Northwind Traders: Business Central',
  ]);
  assert.equal(await text(detail.locator('[data-field="total-mcv-as-of"]')), '59,400');
  assert.equal(await text(detail.locator('[data-field="total-mcv-baseline"]')), '49,000');
  assert.equal(await text(detail.locator('[data-field="mcv"]')), 'Monthly consumption value (MCV): 59,400 in October 2025, 49,000 in October 2024.');

  // Revenue: every pair, the five that classify tagged.
  const revenue = detail.locator('[data-table="detail-revenue"]');
  assert.equal(await text(revenue.locator('caption')), `Revenue by tenant and workload (${lists.revenue.length})`);
  assert.deepEqual(await revenue.locator('thead tr').first().locator('th').allTextContents(), ['Tenant', 'Workload', 'Revenue (USD)', 'Enterprise add', 'SMB add']);
  assert.equal(await revenue.locator('tbody tr').count(), lists.revenue.length);
  assert.equal(await revenue.locator('tr[data-classifies="true"]').count(), 5);
  const byPair = (table) => table.locator('tbody tr').evaluateAll((trs) => Object.fromEntries(trs.map((tr) => [`${tr.children[0].textContent}/${tr.dataset.workload}`, [...tr.children].map((c) => c.textContent.replace(/\s+/g, ' ').trim())])));
  const rev = await byPair(revenue);
  assert.deepEqual(rev['Northwind Traders/Business Central'], ['Northwind Traders', 'Business Central classifies', '5,000.01', '6,000', '0 both months', '0 both months']);
  assert.deepEqual(rev['Humongous Insurance/Commerce'], ['Humongous Insurance', 'Commerce', '1,500', '0', '+1 now only', '+1 now only']);

  // Usage: the column that counted, the rate, MCV, deployments per track.
  const usage = await byPair(detail.locator('[data-table="detail-consumption"]'));
  assert.equal(Object.keys(usage).length, lists.consumption.length);
  assert.deepEqual(usage['Northwind Traders/Power BI'], ['Northwind Traders', 'Power BI', '30 MAU (MAU)', '20 MAU (MAU)', '200', '6,000', '4,000', '0 neither month', '+1 now only']);
  assert.deepEqual(usage['Fabrikam Inc/Customer Insights'].slice(2, 7), ['52,000 profiles (MAC)', '40,000 profiles (MAC)', '0.2', '10,400', '8,000']);

  const reach = await detail.locator('[data-field="within-reach"] li').allTextContents();
  assert.ok(reach.some((m) => m.endsWith("4,000 more MCV in Northwind Traders' Power BI makes it a deployment: 20 more monthly users.")), reach.join('\n'));
  assert.deepEqual(reach, d.withinReach.map((w) => w.message));

  const setAside = detail.locator('[data-table="detail-set-aside"]');
  assert.equal(await setAside.locator('tbody tr').count(), lists.setAside.length);
  assert.deepEqual(
    await setAside.locator('tr[data-reason="trial"]').evaluate((tr) => [...tr.children].map((c) => c.textContent)),
    ['Power Automate', 'Usage', 'a trial', '1'],
  );
  assert.deepEqual(page.errors, []);
});

test('Security from the Microsoft 365 and Azure exports: 70 Qualified on SMB, security ACR and protected users per track, tenants per part, hints', async () => {
  const page = await app.open();
  await page.locator('.drop').waitFor();
  const report = await reportAfter(page, () => page.locator('spd-score-calculator input[type="file"]').first().setInputFiles(SECURITY.map((n) => fixture(n))));
  const tenants = (await fullReport(page)).areas.security.tenants;
  assert.equal(tenants.length, report.areas.security.lists.tenants);
  const overviewRow = page.locator('[data-view="overview"] [data-area="security"]');
  assert.equal(report.areas.security.track, 'smb');
  assert.equal(Math.round(report.areas.security.total * 10) / 10, 70.4);
  assert.equal(await text(overviewRow.locator('[data-field="total"]')), '70');
  assert.equal(await text(overviewRow.locator('[data-field="status"]')), 'Qualified');
  await overviewRow.locator('[data-field="open-area"]').click();
  const detail = page.locator('.area-view[data-area="security"] .area-detail');
  await detail.waitFor();
  await settled(page);
  const d = report.areas.security.detail;
  // Each part's table lists every tenant, those with the part first (by security ACR, by SMB seats: largest first).
  const first = (has, key) => [...tenants.filter(has).sort((a, b) => key(b) - key(a)), ...tenants.filter((t) => !has(t))].map((t) => t.id);
  assert.equal(await detail.getAttribute('data-detail'), 'security');
  assert.deepEqual(await detail.locator('h4').allTextContents(), ['Azure part', 'Microsoft 365 part', 'Within reach']);

  // Azure part: security ACR per track, now and a year ago; what is counted once.
  assert.equal(await text(detail.locator('[data-field="covers"]')), 'Read from the Azure usage export, November 2023 to October 2025.');
  const acr = (track) => detail.locator(`[data-field="sec-acr"] li[data-track="${track}"]`);
  assert.equal(await text(acr('enterprise')), 'Enterprise: USD 25,500 to October 2025; USD 13,000 to October 2024.');
  assert.deepEqual([await text(acr('smb').locator('[data-field="as-of"]')), await text(acr('smb').locator('[data-field="baseline"]'))], ['USD 30,600', 'USD 19,600']);
  assert.equal(await text(detail.locator('[data-field="set-aside"]')), 'USD 400 counted once: the same consumption under a second association type.');
  assert.equal(await detail.locator('[data-field="azure-unknown"]').count(), 0);

  // Microsoft 365 part: protected users per track, the 15% active test.
  const users = (track) => detail.locator(`[data-field="protected-users"] li[data-track="${track}"]`);
  assert.equal(await text(users('smb')), 'SMB: 252 in October 2025; 132 in October 2024.');
  assert.deepEqual([await text(users('enterprise').locator('[data-field="as-of"]')), await text(users('enterprise').locator('[data-field="baseline"]'))], ['200', '600']);
  assert.match(await text(detail.locator('[data-field="active-test"]')), /at least 15% active/);

  // Azure tenants: bands now / a year ago per track, Fabrikam carried over on SMB.
  const azure = detail.locator('[data-table="detail-security-azure"]');
  assert.equal(await text(azure.locator('caption')), `Azure: the security tenants (${tenants.length}), those with security consumption first`);
  assert.deepEqual(await azure.locator('thead tr').first().locator('th').allTextContents(), ['Tenant', 'Security ACR, 12 months (USD)', 'Enterprise', 'SMB']);
  assert.deepEqual(await azure.locator('thead tr').nth(1).locator('th').allTextContents(), ['Oct 2025', 'Oct 2024', 'Bands', 'Net change', 'Bands', 'Net change']);
  const az = Object.fromEntries(await rows(azure, 'data-tenant'));
  assert.deepEqual(Object.keys(az), first((t) => t.azure, (t) => t.azure.ttm.asOf));
  const noAzure = tenants.find((t) => !t.azure);
  assert.ok(noAzure, 'a tenant with Microsoft 365 seats only');
  assert.deepEqual(az[noAzure.id], [`${noAzure.name}${noAzure.contributes ? '' : ' changes no metric'}`, 'No security consumption in the Azure export.']);
  const fabrikam = tenants.find((t) => t.name === 'Fabrikam Inc').id;
  assert.deepEqual(az[fabrikam], [
    'Fabrikam Inc',
    '12,500',
    '8,000',
    'customer ✓ / ✓ deployment ✓ / – usage ✓ / –',
    'add 0 deployment +1 growth +12,500',
    'customer ✓ / ✓ deployment ✓ / ✓ usage ✓ / ✓ carried over now',
    'add 0 deployment 0 growth +4,500',
  ]);
  assert.equal(await text(azure.locator(`tr[data-tenant="${fabrikam}"] td[data-track="smb"] [data-field="carried-over"]`)), 'carried over now');
  assert.equal(await azure.locator(`tr[data-tenant="${fabrikam}"] td[data-track="enterprise"] [data-field="carried-over"]`).count(), 0);
  const northwind = Object.values(az).find((r) => r[0].startsWith('Northwind Traders'));
  assert.equal(northwind[0], 'Northwind Traders changes no metric');
  assert.equal(await azure.locator(`tr[data-tenant="${fabrikam}"] td`).first().getAttribute('data-label'), 'Security ACR, 12 months (USD) Oct 2025');

  // Microsoft 365 tenants: seats, best workload's activity, bands; Coho Winery deployed at 15%.
  const m365 = detail.locator('[data-table="detail-security-m365"]');
  assert.equal(await text(m365.locator('caption')), `Microsoft 365: the security tenants (${tenants.length}), those with security seats first`);
  assert.deepEqual(
    await m365.locator('thead tr').first().locator('th').allTextContents(),
    ['Tenant', 'Largest paid seats', 'Best workload active', 'Enterprise', 'SMB'],
  );
  assert.deepEqual(await m365.locator('thead tr').nth(1).locator('th').allTextContents(), ['Bands', 'Protected users', 'Net change', 'Bands', 'Protected users', 'Net change']);
  const m = Object.fromEntries(await rows(m365, 'data-tenant'));
  assert.deepEqual(Object.keys(m), first((t) => t.m365, (t) => t.m365.tracks.smb.maxPau.asOf));
  const coho = tenants.find((t) => t.name === 'Coho Winery').id;
  assert.deepEqual(m[coho], [
    'Coho Winery',
    '60 / 0',
    '15% / —',
    'in band – / – deployed – / –',
    '0 / 0',
    'add 0 deployment 0 growth 0',
    'in band ✓ / – deployed ✓ / –',
    '9 / 0',
    'add +1 deployment +1 growth +9',
  ]);
  const trey = tenants.find((t) => t.name === 'Trey Research').id;
  assert.deepEqual(m[trey].slice(1, 6), ['0 / 1,000', '— / 60%', 'in band – / ✓ deployed – / ✓', '0 / 600', 'add -1 deployment -1 growth -600']);
  assert.equal(await m365.locator(`tr[data-tenant="${coho}"] td[data-field="active"]`).getAttribute('data-label'), 'Best workload active');
  assert.equal(await m365.locator('tbody tr[data-part="true"]').count(), tenants.filter((t) => t.m365).length);
  assert.equal(await m365.locator('tbody tr').count(), tenants.length);

  assert.deepEqual(await detail.locator('[data-field="hints"] li').allTextContents(), d.hints);
  assert.equal(await detail.locator('[data-field="pager"]:visible').count(), 0);
  assert.deepEqual(page.errors, []);
});

test('Security without an Azure export, or with months missing, says the Azure part is unknown; long tenant lists fold at 50', async () => {
  const page = await app.open();
  await page.locator('.drop').waitFor();
  const got = await page.evaluate(async () => {
    const { areaDetail } = await import('/area-detail.js');
    const tracks = { enterprise: { label: 'Enterprise' }, smb: { label: 'SMB' } };
    // rows() over a list held here, as the worker answers it: a page of it, later.
    const over = (list) => async ({ offset = 0, limit = list.length }) => ({ total: list.length, rows: list.slice(offset, offset + limit) });
    const answered = () => new Promise((resolve) => setTimeout(resolve, 0));
    const both = (asOf, baseline) => ({ asOf, baseline });
    const m365Track = { eligible: both(true, false), carriedOver: both(false, true), maxPau: both(20, 0), protectedUsers: both(5, 0), deployed: both(true, false), bestActive: both(0.2, null), netAdd: 1, netDeployment: 1, growth: 5 };
    const base = { model: 'security', asOf: '2025-10', baseline: '2024-10', m365: { protectedUsers: { smb: both(5, 0) }, deploymentRatio: 0.15 }, hints: [] };
    const tenants = Array.from({ length: 60 }, (_, i) => ({ id: `t${i}`, name: `Tenant ${i}`, contributes: true, azure: null, m365: { tracks: { smb: m365Track } } }));
    const none = areaDetail({ areas: { security: { tracks, track: 'smb', lists: { tenants: 60 }, detail: { ...base, azure: null, tenantCount: 60 } } } }, 'security', { rows: over(tenants) });
    const missing = areaDetail(
      { areas: { security: { tracks, lists: { tenants: 0 }, detail: { ...base, azure: { firstMonth: '2024-06', lastMonth: '2025-10', known: false, secAcr: { enterprise: null, smb: null }, setAside: 0 }, m365: null, tenantCount: 0 } } } },
      'security',
      { rows: over([]) },
    );
    document.body.append(none, missing);
    await answered();
    const shown = () => none.querySelectorAll('[data-table="detail-security-m365"] tbody tr').length;
    const out = {
      none: none.querySelector('[data-field="azure-unknown"]').textContent,
      azureTable: none.querySelectorAll('[data-table="detail-security-azure"]').length,
      first: shown(),
      enterpriseCell: none.querySelector('[data-table="detail-security-m365"] tbody tr td[data-track="enterprise"]').textContent,
      carried: none.querySelector('[data-table="detail-security-m365"] tbody tr td[data-track="smb"] [data-field="carried-over"]').textContent,
      missing: missing.querySelector('[data-field="azure-unknown"]').textContent,
      secAcr: missing.querySelectorAll('[data-field="sec-acr"]').length,
      m365: missing.querySelector('[data-field="m365-unknown"]').textContent,
    };
    none.querySelector('[data-action="next-page"]').click();
    await answered();
    out.next = shown();
    out.page = none.querySelector('[data-table-wrap="detail-security-m365"] [data-field="page"]').textContent;
    return out;
  });
  assert.deepEqual(got, {
    none: 'No Azure usage export loaded: the Azure part is unknown.',
    azureTable: 0,
    first: 50,
    enterpriseCell: '—',
    carried: 'carried over a year ago',
    missing:
      'Months missing: the Azure usage export covers June 2024 to October 2025, and the twelve months to October 2025 and to October 2024 need every month: the Azure part is unknown.',
    secAcr: 0,
    m365: 'No Microsoft 365 usage data for both months: the Microsoft 365 part is unknown.',
    next: 10,
    page: 'Rows 51 to 60 of 60',
  });
  assert.deepEqual(page.errors, []);
});

test('long tables show 50 rows a page, with Previous and Next; a model the page does not know, or none, shows nothing', async () => {
  const page = await app.open();
  await page.locator('.drop').waitFor();
  const got = await page.evaluate(async () => {
    const { areaDetail } = await import('/area-detail.js');
    const tracks = { enterprise: { label: 'Enterprise' }, smb: { label: 'SMB' } };
    const over = (list) => async ({ offset = 0, limit = list.length }) => ({ total: list.length, rows: list.slice(offset, offset + limit) });
    const answered = () => new Promise((resolve) => setTimeout(resolve, 0));
    const tenant = (i) => ({
      id: `t${i}`,
      name: `Tenant ${i}`,
      segment: null,
      smb: null,
      customer: true,
      acr: { asOf: 1000 + i, previous: 0, baseline: 0, baselinePrevious: 0 },
      tracks: { enterprise: { eligible: { asOf: true, baseline: false }, netAdd: 1, hint: null } },
    });
    const detail = {
      model: 'azure',
      source: 'customersTenants',
      firstMonth: null,
      lastMonth: null,
      asOf: '2025-01',
      baseline: '2024-01',
      classification: { customers: 120, withSegment: 0, smb: 0, share: null, track: null },
      ttm: { asOf: null, baseline: null, growth: null },
      tenantCount: 120,
      setAside: 0,
      flagged: { rows: 0, acr: 0 },
      ignored: { associations: {}, offers: {} },
      offersChecked: false,
      hints: [],
    };
    const el = areaDetail({ areas: { test: { tracks, lists: { tenants: 120, services: 0 }, detail } } }, 'test', { rows: over(Array.from({ length: 120 }, (_, i) => tenant(i))) });
    document.body.append(el);
    await answered();
    const shown = () => el.querySelectorAll('[data-table="detail-tenants"] tbody tr').length;
    const wrap = el.querySelector('[data-table-wrap="detail-tenants"]');
    const next = wrap.querySelector('[data-action="next-page"]');
    const previous = wrap.querySelector('[data-action="previous-page"]');
    const page = () => wrap.querySelector('[data-field="page"]').textContent;
    const out = {
      caption: el.querySelector('caption').textContent,
      classification: el.querySelector('[data-field="classification"]').textContent,
      ttm: el.querySelector('[data-field="ttm"]').textContent,
      unchecked: el.querySelector('[data-ignored="offers-unchecked"]')?.textContent,
      first: shown(),
      page: page(),
      previousDisabled: previous.disabled,
      // The SMB column is there though no tenant has SMB figures.
      smbCell: el.querySelector('tbody tr td[data-track="smb"]').textContent,
    };
    next.click();
    await answered();
    next.click();
    await answered();
    Object.assign(out, { third: shown(), after: page(), nextDisabled: next.disabled, last: el.querySelector('tbody tr:last-child th').textContent });
    previous.click();
    await answered();
    Object.assign(out, { again: shown() });
    out.unknown = areaDetail({ areas: { someday: { tracks, detail: { model: 'someday', anything: [1, 2] } } } }, 'someday');
    out.none = areaDetail({ areas: { 'modern-work': { tracks, detail: null } } }, 'modern-work');
    return out;
  });
  assert.deepEqual(got, {
    caption: 'Tenants with ACR (120)',
    classification: 'No customer has a segment: the track is not classified from the files.',
    ttm: 'ACR over the twelve months to January 2025: unknown (a month is missing); to January 2024: unknown (a month is missing); growth unknown.',
    unchecked: 'The Azure usage file has no offer column: offers were not checked.',
    first: 50,
    page: 'Rows 1 to 50 of 120',
    previousDisabled: true,
    smbCell: '—',
    third: 20,
    after: 'Rows 101 to 120 of 120',
    nextDisabled: true,
    last: 'Tenant 119',
    again: 50,
    unknown: null,
    none: null,
  });
  assert.deepEqual(page.errors, []);
});

for (const [name, options] of [
  ['light', { colorScheme: 'light' }],
  ['dark', { colorScheme: 'dark' }],
  ['narrow', { colorScheme: 'dark', viewport: { width: 390, height: 844 } }],
]) {
  test(`explanations (${name}): screenshots, and axe finds no serious or critical violations`, async () => {
    for (const [area, files] of [
      ['data-ai', AZURE],
      ['business-applications', BIZAPPS],
      ['security', SECURITY],
    ]) {
      const page = await app.open('/', { bypassCSP: true, ...options });
      const { detail } = await openDetail(page, files, area);
      await detail.screenshot({ path: `${screenshots}/detail-${area}-${name}.png` });
      assert.deepEqual(await axeViolations(page), [], area);
      assert.deepEqual(page.errors, [], area);
      await page.context().close();
    }
  });
}
