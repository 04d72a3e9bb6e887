// An area's explanation on the page (report.areas[id].detail, area-detail.js):
// Azure's for Data & AI, Business Applications', long tables behind "Show
// all", models the page does not know left out; axe and screenshots.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { axeViolations, fixture, reportAfter, screenshots, start } from './harness.mjs';

const AZURE = ['areas/azure-usage-24-months.csv', 'areas/skilling-all-areas.csv'];
const BIZAPPS = ['areas/bizapps-revenue.csv', 'areas/bizapps-usage.csv'];

let app;
before(async () => {
  app = await start();
});
after(() => app.close());

/** Loads files, opens an area from the overview; returns the report and the explanation. */
async function openDetail(page, names, area) {
  await page.locator('.drop').waitFor();
  const report = await reportAfter(page, () => page.locator('spd-score-calculator input[type="file"]').first().setInputFiles(names.map((n) => fixture(n))));
  await page.locator(`[data-table="overview"] tr[data-area="${area}"] [data-field="open-area"]`).click();
  const detail = page.locator(`.area-view[data-area="${area}"] .area-detail`);
  await detail.waitFor();
  return { report, detail };
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
  const { report, detail } = await openDetail(page, AZURE, 'data-ai');
  const d = report.areas['data-ai'].detail;
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
  assert.deepEqual(Object.keys(byId), d.tenants.map((t) => t.id));
  const contoso = d.tenants.find((t) => t.name === 'Contoso Ltd');
  assert.deepEqual(byId[contoso.id], ['Contoso Ltd', 'SMB Commercial SMB', '1,000', '0', '0', '0', '+1 now only', '+1 now only', '']);
  const litware = Object.values(byId).find((r) => r[0] === 'Litware Inc');
  assert.deepEqual(litware.slice(2, 8), ['499.99', '0', '500', '0', '0 neither month', '-1 a year ago only']);
  assert.match(litware[8], /^Enterprise: USD 500\.01 more in October 2025 from Litware Inc makes it a customer \(\+1 net customer add\)\. ?SMB: USD 0\.01 more/);
  // Cells are labelled with their headers for the narrow layout.
  assert.equal(await tenants.locator(`tr[data-tenant="${contoso.id}"] td`).nth(1).getAttribute('data-label'), 'ACR (USD) Oct 2025');

  // Services: Virtual Machines excluded, Cosmos DB without positive ACR.
  const services = Object.fromEntries(await rows(detail.locator('[data-table="detail-services"]'), 'data-service'));
  assert.deepEqual(services['Azure SQL Database'], ['Azure SQL Database', '5,000', 'Yes']);
  assert.deepEqual(services['Virtual Machines'], ['Virtual Machines', '1,700', 'No: Virtual Machines are excluded']);
  assert.deepEqual(services['Azure Cosmos DB'], ['Azure Cosmos DB', '0', 'No: no positive ACR']);
  assert.equal(await detail.locator('[data-table="detail-services"] tr[data-deployment="true"]').count(), d.services.filter((s) => s.deployment).length);

  // What does not count: set aside, the duplicate flag, association types, the Free Trial offer.
  const ignored = detail.locator('[data-field="not-counted"]');
  assert.equal(await text(ignored.locator('[data-ignored="offer"][data-name="Free Trial"]')), 'Offer Free Trial: 1 row, USD 600.');
  assert.equal(await text(ignored.locator('[data-ignored="association"][data-name="Deal registration"]')), 'Association type Deal registration: 1 row, USD 500.');
  assert.equal(await text(ignored.locator('[data-ignored="set-aside"]')), 'USD 9,000 counted once: the same consumption under a second association type.');
  assert.match(await text(ignored.locator('[data-ignored="flagged"]')), /IsACRDuplicateAtPGAAttachTypeLevel\): 1 row, USD 1,000\.$/);
  assert.deepEqual(await detail.locator('[data-field="hints"] li').allTextContents(), d.hints);
  assert.equal(await detail.locator('[data-field="show-all"]').count(), 0);
  assert.deepEqual(page.errors, []);
});

test('Business Applications from revenue and usage: Enterprise by 5 pairs, MCV, revenue and usage per pair, within reach, set aside', async () => {
  const page = await app.open();
  const { report, detail } = await openDetail(page, BIZAPPS, 'business-applications');
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
  assert.equal(await text(revenue.locator('caption')), `Revenue by tenant and workload (${d.revenue.length})`);
  assert.deepEqual(await revenue.locator('thead tr').first().locator('th').allTextContents(), ['Tenant', 'Workload', 'Revenue (USD)', 'Enterprise add', 'SMB add']);
  assert.equal(await revenue.locator('tbody tr').count(), d.revenue.length);
  assert.equal(await revenue.locator('tr[data-classifies="true"]').count(), 5);
  const byPair = (table) => table.locator('tbody tr').evaluateAll((trs) => Object.fromEntries(trs.map((tr) => [`${tr.children[0].textContent}/${tr.dataset.workload}`, [...tr.children].map((c) => c.textContent.replace(/\s+/g, ' ').trim())])));
  const rev = await byPair(revenue);
  assert.deepEqual(rev['Northwind Traders/Business Central'], ['Northwind Traders', 'Business Central classifies', '5,000.01', '6,000', '0 both months', '0 both months']);
  assert.deepEqual(rev['Humongous Insurance/Commerce'], ['Humongous Insurance', 'Commerce', '1,500', '0', '+1 now only', '+1 now only']);

  // Usage: the column that counted, the rate, MCV, deployments per track.
  const usage = await byPair(detail.locator('[data-table="detail-consumption"]'));
  assert.equal(Object.keys(usage).length, d.consumption.length);
  assert.deepEqual(usage['Northwind Traders/Power BI'], ['Northwind Traders', 'Power BI', '30 MAU (MAU)', '20 MAU (MAU)', '200', '6,000', '4,000', '0 neither month', '+1 now only']);
  assert.deepEqual(usage['Fabrikam Inc/Customer Insights'].slice(2, 7), ['52,000 profiles (MAC)', '40,000 profiles (MAC)', '0.2', '10,400', '8,000']);

  const reach = await detail.locator('[data-field="within-reach"] li').allTextContents();
  assert.ok(reach.some((m) => m.endsWith("4,000 more MCV in Northwind Traders' Power BI makes it a deployment: 20 more monthly users.")), reach.join('\n'));
  assert.deepEqual(reach, d.withinReach.map((w) => w.message));

  const setAside = detail.locator('[data-table="detail-set-aside"]');
  assert.equal(await setAside.locator('tbody tr').count(), d.setAside.length);
  assert.deepEqual(
    await setAside.locator('tr[data-reason="trial"]').evaluate((tr) => [...tr.children].map((c) => c.textContent)),
    ['Power Automate', 'Usage', 'a trial', '1'],
  );
  assert.deepEqual(page.errors, []);
});

test('long tables show 50 rows and "Show all n"; a model the page does not know, or none, shows nothing', async () => {
  const page = await app.open();
  await page.locator('.drop').waitFor();
  const got = await page.evaluate(async () => {
    const { areaDetail } = await import('/area-detail.js');
    const tracks = { enterprise: { label: 'Enterprise' }, smb: { label: 'SMB' } };
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
      tenantCount: 1200,
      tenants: Array.from({ length: 120 }, (_, i) => tenant(i)),
      services: [],
      setAside: 0,
      flagged: { rows: 0, acr: 0 },
      ignored: { associations: {}, offers: {} },
      offersChecked: false,
      hints: [],
    };
    const el = areaDetail({ tracks, detail }, 'test');
    document.body.append(el);
    const shown = () => el.querySelectorAll('[data-table="detail-tenants"] tbody tr').length;
    const button = el.querySelector('[data-field="show-all"]');
    const out = {
      caption: el.querySelector('caption').textContent,
      classification: el.querySelector('[data-field="classification"]').textContent,
      ttm: el.querySelector('[data-field="ttm"]').textContent,
      unchecked: el.querySelector('[data-ignored="offers-unchecked"]')?.textContent,
      first: shown(),
      button: button.textContent,
      // The SMB column is there though no tenant has SMB figures.
      smbCell: el.querySelector('tbody tr td[data-track="smb"]').textContent,
    };
    button.click();
    Object.assign(out, { all: shown(), after: button.textContent, last: el.querySelector('tbody tr:last-child th').textContent });
    button.click();
    Object.assign(out, { again: shown() });
    out.security = areaDetail({ tracks, detail: { model: 'security', anything: [1, 2] } }, 'security');
    out.none = areaDetail({ tracks, detail: null }, 'modern-work');
    return out;
  });
  assert.deepEqual(got, {
    caption: 'Tenants with ACR: the first 120 of 1,200',
    classification: 'No customer has a segment: the track is not classified from the files.',
    ttm: 'ACR over the twelve months to January 2025: unknown (a month is missing); to January 2024: unknown (a month is missing); growth unknown.',
    unchecked: 'The Azure usage file has no offer column: offers were not checked.',
    first: 50,
    button: 'Show all 120',
    smbCell: '—',
    all: 120,
    after: 'Show the first 50 only',
    last: 'Tenant 119',
    again: 50,
    security: null,
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
