// <spd-score-calculator> as a host sees it: attributes, a custom ruleset,
// files added later, thousands of tenants, errors reported as events.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { defaultRuleset, drop, fixture, go, idle, loadFiles, openArea, root, shown, start } from './harness.mjs';

let app;
before(async () => {
  app = await start();
});
after(() => app.close());

const HEADER = 'CustomerTenantName,PartnerAttachType,WorkloadName,MonthName,ActiveUsage,QualifiedUsage';

test('files added later join the score', async () => {
  const page = await app.open();
  await drop(page, [fixture('semicolon-excel.csv')]);
  const before = await shown(page);
  assert.equal(before.smb.metrics.intermediateCertifications, '0.0');
  await page.locator('spd-score-calculator input[type="file"]').first().setInputFiles([fixture('skilling-people.csv')]);
  await page.waitForFunction(() => document.querySelector('spd-score-calculator').report?.files.length === 2);
  const later = await shown(page);
  assert.equal(later.smb.metrics.intermediateCertifications, '10.0');
  // 74.5 (semicolon-excel.expected.json), shown rounded.
  assert.equal(later.enterprise.total, '75');
  await go(page, '#/files');
  assert.equal(await page.locator('.file').count(), 2);
});

test('ruleset-url: a newer ruleset, fetched from the origin, changes the thresholds', async () => {
  const page = await app.open();
  // The core's own ruleset (rulesets/*.json may be ahead of the built core in www/pkg).
  const ruleset = await defaultRuleset();
  ruleset.version = 'test';
  ruleset.tracks.find((t) => t.id === 'smb').metrics.advancedCertifications.threshold = 2;
  await page.route(`${app.origin}/rulesets/test.json`, (route) => route.fulfill({ json: ruleset }));
  const result = await page.evaluate(async () => {
    const el = document.createElement('spd-score-calculator');
    el.setAttribute('ruleset-url', '/rulesets/test.json');
    document.querySelector('main').replaceChildren(el);
    const report = await el.scoreFiles([{ name: 'people.csv', bytes: new TextEncoder().encode('Email,Certification\nana@example.com,MS-102\n') }]);
    const modernWork = report.areas['modern-work'];
    return { version: modernWork.ruleset.version, advanced: modernWork.tracks.smb.metrics.advancedCertifications };
  });
  assert.equal(result.version, 'test');
  assert.equal(result.advanced.threshold, 2);
  assert.equal(result.advanced.points, 7.5);
  const view = await openArea(page, 'modern-work');
  assert.equal(await view.locator('.area-track[data-track="smb"] [data-metric="advancedCertifications"] [data-field="points"]').textContent(), '7.5');
});

test('a ruleset that cannot be loaded is reported as spd-score:error', async () => {
  const page = await app.open();
  const message = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const el = document.createElement('spd-score-calculator');
        el.setAttribute('ruleset-url', '/no-such-ruleset.json');
        el.addEventListener('spd-score:error', (e) => resolve(e.detail.message));
        document.querySelector('main').replaceChildren(el);
      }),
  );
  assert.match(message, /ruleset.*could not be loaded \(404\)/);
  assert.match(await page.locator('.alert').textContent(), /could not be loaded/);
});

test('the track attribute puts a track first, the as-of attribute picks the month', async () => {
  const page = await app.open();
  await drop(page, ['cpor-report-13-months.csv', 'skilling-people.csv'].map(fixture));
  await openArea(page, 'modern-work');
  const order = () => page.locator('.area-view .area-track[data-track]').evaluateAll((s) => s.map((e) => e.dataset.track));
  assert.deepEqual(await order(), ['enterprise', 'smb']);
  await page.evaluate(() => document.querySelector('spd-score-calculator').setAttribute('track', 'smb'));
  await page.waitForFunction(() => document.querySelector('spd-score-calculator').shadowRoot.querySelector('.area-view .area-track[data-track]')?.dataset.track === 'smb');
  await page.evaluate(() => document.querySelector('spd-score-calculator').setAttribute('as-of', '2025-09'));
  await page.waitForFunction(() => document.querySelector('spd-score-calculator').report?.areas['modern-work'].asOf === '2025-09');
  assert.equal(await page.locator('#as-of').inputValue(), '2025-09');
});

test('thousands of tenants: the table shows a page at a time and the page stays responsive', async () => {
  const page = await app.open();
  const rows = [HEADER];
  for (let i = 0; i < 4000; i++) {
    const id = `Tenant ${String(i).padStart(4, '0')}`;
    rows.push(`${id},CSP Tier1,Teams,Oct-2024,${10 + (i % 7)},${20 + (i % 50)}`);
    rows.push(`${id},CSP Tier1,Teams,Oct-2025,${12 + (i % 11)},${20 + (i % 50)}`);
  }
  // Long tasks on the page's own thread while the file is read and shown.
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
  });
  await page.locator('spd-score-calculator input[type="file"]').first().setInputFiles({ name: 'many.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
  await page.locator('[data-view="overview"]').waitFor();
  await openArea(page, 'modern-work');
  const table = page.locator('[data-table="tenants"]');
  const body = table.locator('tbody tr');
  await idle(table);
  assert.equal(await body.count(), 100);
  assert.equal(await page.locator('.tenants [data-field="tenants-title"]').textContent(), 'Tenants (4,000)');
  assert.match(await page.locator('.tenants .count').textContent(), /4,000 tenants shown, first 100 listed/);
  // "Show more" adds the next page below the first: Tenant 0100 … 0199 (sorted by id, A to Z).
  await page.locator('.tenants').getByRole('button', { name: 'Tenant', exact: true }).click();
  await idle(table);
  await page.locator('.tenants').getByRole('button', { name: 'Show more' }).click();
  await idle(table);
  assert.equal(await body.count(), 200);
  assert.equal(await body.nth(100).locator('.tenant-id').textContent(), 'Tenant 0100');
  assert.equal(await body.nth(199).locator('.tenant-id').textContent(), 'Tenant 0199');
  await page.locator('.tenants input[type="search"]').fill('Tenant 012');
  await idle(table);
  assert.equal(await body.count(), 10);
  assert.match(await page.locator('.tenants .count').textContent(), /^10 tenants shown\.$/);
  const longest = await page.evaluate(() => Math.max(0, ...window.longTasks));
  assert.ok(longest < 1000, `the main thread was blocked for ${longest} ms`);
});

test('module-url and wasm-url: the host serves the core from its own paths', async () => {
  const page = await app.open();
  const context = page.context();
  await context.route(`${app.origin}/vendor/spd/*`, (route) => route.fulfill({ path: `${root}www/pkg/${new URL(route.request().url()).pathname.split('/').pop()}` }));
  await context.route(`${app.origin}/vendor/engine/core.wasm`, (route) => route.fulfill({ path: `${root}www/pkg/spd_score_bg.wasm`, contentType: 'application/wasm' }));
  const total = await page.evaluate(async () => {
    const el = document.createElement('spd-score-calculator');
    el.setAttribute('module-url', '/vendor/spd/');
    el.setAttribute('wasm-url', '/vendor/engine/core.wasm');
    document.querySelector('main').replaceChildren(el);
    const report = await el.scoreFiles([{ name: 'people.csv', bytes: new TextEncoder().encode('Email,Certification\nana@example.com,MS-102\n') }]);
    return report.areas['modern-work'].tracks.smb.metrics.advancedCertifications.points;
  });
  assert.equal(total, 15);
  const paths = page.requests.map((url) => new URL(url).pathname);
  assert.ok(paths.includes('/vendor/spd/index.js'), paths.join('\n'));
  assert.ok(paths.includes('/vendor/engine/core.wasm'), paths.join('\n'));
});

test('accessibility in dark mode on a narrow screen: axe finds no serious or critical violations', async () => {
  // axe is injected as an inline script, which the page's own CSP rightly refuses.
  const page = await app.open('/', { bypassCSP: true, colorScheme: 'dark', viewport: { width: 390, height: 844 } });
  await drop(page, ['cpor-report-13-months.csv', 'skilling-people.csv'].map(fixture));
  await page.addScriptTag({ path: `${root}node_modules/axe-core/axe.min.js` });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.length} node(s): ${v.nodes[0]?.target}`);
  });
  assert.deepEqual(violations, []);
});

test('screen readers hear the outcome once scored, not every percent read', async () => {
  const page = await app.open();
  await drop(page, ['cpor-report-13-months.csv', 'skilling-people.csv'].map(fixture));
  assert.equal(await page.getByRole('status').textContent(), 'Scored: 6 designations, 1 qualified: Modern Work.');
  assert.equal(await page.locator('.progress').isHidden(), true);
});

test('styles are one constructable sheet and the page breaks none of its own CSP', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const refused = [];
  page.on('console', (m) => /Content Security Policy|Refused to/i.test(m.text()) && refused.push(m.text()));
  await page.goto(`${app.origin}/`);
  await page.evaluate(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to load ${e.blockedURI} (${e.violatedDirective})`), true));
  await page.getByRole('button', { name: 'Try it with sample data' }).click();
  await page.locator('[data-view="overview"] [data-field="total"]').first().waitFor();
  const sheets = await page.evaluate(() => {
    const root = document.querySelector('spd-score-calculator').shadowRoot;
    return { adopted: root.adoptedStyleSheets.length, elements: root.querySelectorAll('style, link').length };
  });
  // Progress bars are sized through CSSOM, which the policy allows.
  assert.deepEqual(sheets, { adopted: 1, elements: 0 });
  assert.deepEqual(refused, []);
  await context.close();
});

test("a host's partial theme stays readable when the system is dark (axe on the embed page)", async () => {
  const page = await app.open('/embed/', { bypassCSP: true, colorScheme: 'dark' });
  await drop(page, ['cpor-report-13-months.csv', 'skilling-people.csv'].map(fixture));
  await openArea(page, 'modern-work');
  // Muted text derives from the host's text and surface colours, not from the dark defaults.
  const muted = await page.evaluate(() => getComputedStyle(document.querySelector('spd-score-calculator').shadowRoot.querySelector('.metric .value')).color);
  assert.notEqual(muted, 'rgb(164, 171, 184)');
  await page.addScriptTag({ path: `${root}node_modules/axe-core/axe.min.js` });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.length} node(s): ${v.nodes[0]?.target}`);
  });
  assert.deepEqual(violations, []);
});

test('files dropped with the mouse are scored, and Start over forgets them', async () => {
  const page = await app.open();
  await page.locator('.drop').waitFor();
  const text = readFileSync(fixture('semicolon-excel.csv'), 'latin1');
  const dataTransfer = await page.evaluateHandle((csv) => {
    const dt = new DataTransfer();
    dt.items.add(new File([Uint8Array.from(csv, (c) => c.charCodeAt(0))], 'semicolon-excel.csv', { type: 'text/csv' }));
    return dt;
  }, text);
  await page.locator('.drop').dispatchEvent('dragover', { dataTransfer });
  await page.locator('.drop').dispatchEvent('drop', { dataTransfer });
  await page.locator('[data-view="overview"] [data-field="total"]').first().waitFor();
  // Without the skilling list: customer metrics only.
  const figures = await shown(page);
  assert.equal(figures.enterprise.total, '52');
  assert.equal(figures.enterprise.metrics.intermediateCertifications, '0.0');
  await go(page, '#/files');
  assert.equal(await page.locator('.file').count(), 1);
  await page.getByRole('button', { name: 'Start over' }).click();
  await page.locator('.results').waitFor({ state: 'hidden' });
  assert.equal(await page.locator('.file').count(), 0);
  // A file after starting over is scored alone.
  await drop(page, [fixture('skilling-people.csv')]);
  await page.waitForFunction(() => document.querySelector('spd-score-calculator').report?.files.length === 1);
  assert.equal((await shown(page)).smb.metrics.netCustomerAdds, '—');
});

test('tenant table: sort by a column, filter by what counts and by association, all asked of the worker; the report downloads in full', async () => {
  const page = await app.open();
  await drop(page, ['mixed-60-tenants.csv', 'skilling-people.csv'].map(fixture));
  const report = await page.evaluate(() => document.querySelector('spd-score-calculator').report);
  assert.equal(report.schemaVersion, 3);
  // The summary lists nothing: the JSON download is the report with every list inline.
  assert.equal(report.areas['modern-work'].tenants, undefined);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download report (JSON)' }).click()]);
  const full = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(full.schemaVersion, 3);
  const all = full.areas['modern-work'].tenants;
  assert.equal(all.length, report.areas['modern-work'].lists.tenants);
  assert.ok(all.length > 20, `${all.length} tenants`);
  await openArea(page, 'modern-work');
  const tenants = page.locator('.tenants');
  const table = tenants.locator('[data-table="tenants"]');
  const rows = table.locator('tbody tr');
  const ids = async () => (await idle(table), rows.locator('.tenant-id').allTextContents());
  await idle(table);
  assert.equal(await tenants.locator('[data-field="tenants-title"]').textContent(), `Tenants (${all.length})`);
  assert.equal(await rows.count(), Math.min(100, all.length));
  // Sort by tenant (its id, shown first): A to Z first, then Z to A; the header says so and keeps the keyboard.
  const byName = (a, b) => (a.id.toLowerCase() < b.id.toLowerCase() ? -1 : a.id.toLowerCase() > b.id.toLowerCase() ? 1 : 0);
  await tenants.getByRole('button', { name: 'Tenant', exact: true }).click();
  const ascending = await ids();
  assert.equal(ascending[0], [...all].sort(byName)[0].id);
  assert.equal(await tenants.locator('th[aria-sort="ascending"]').textContent(), 'Tenant');
  assert.equal(await page.evaluate(() => document.querySelector('spd-score-calculator').shadowRoot.activeElement?.dataset.sort), 'tenant');
  await page.keyboard.press('Enter');
  assert.equal((await ids())[0], [...all].sort(byName).at(-1).id);
  assert.equal(await tenants.locator('th[aria-sort="descending"]').textContent(), 'Tenant');
  // Paid seats, largest first, on SMB: the tenant with the most seats leads.
  await tenants.getByRole('combobox', { name: 'Track', exact: true }).selectOption('smb');
  await tenants.getByRole('button', { name: 'Paid seats now', exact: true }).click();
  const most = Math.max(...all.map((t) => t.tracks.smb?.maxPau.asOf ?? 0));
  assert.equal((await ids())[0], all.find((t) => t.tracks.smb?.maxPau.asOf === most).id);
  assert.equal(await rows.first().locator('[data-field="pau"]').textContent(), most.toLocaleString('en-US'));
  // Only the tenants that change a metric of the track shown.
  const counting = all.filter((t) => t.tracks.smb?.contributes);
  assert.ok(counting.length > 0 && counting.length < all.length);
  // By contribution, largest first: every tenant that counts before any that does not, those gaining or losing a customer first.
  await tenants.getByRole('button', { name: 'Contribution', exact: true }).click();
  if ((await tenants.locator('th[aria-sort="descending"]').count()) === 0) await tenants.getByRole('button', { name: 'Contribution', exact: true }).click();
  assert.equal(await tenants.locator('th[aria-sort="descending"]').textContent(), 'Contribution');
  const byContribution = await ids();
  assert.deepEqual(byContribution.slice(0, counting.length).sort(), counting.map((t) => t.id).sort());
  const customers = all.filter((t) => t.tracks.smb?.netAdd);
  assert.ok(customers.length > 0);
  assert.deepEqual(byContribution.slice(0, customers.length).sort(), customers.map((t) => t.id).sort());
  await tenants.getByRole('combobox', { name: 'Show', exact: true }).selectOption('contributing');
  assert.deepEqual((await ids()).sort(), counting.map((t) => t.id).sort());
  await tenants.getByRole('combobox', { name: 'Show', exact: true }).selectOption('all');
  // By association type.
  await tenants.getByRole('combobox', { name: 'Association', exact: true }).selectOption('CPOR');
  const cpor = all.filter((t) => t.associations.includes('CPOR'));
  assert.ok(cpor.length > 0 && cpor.length < all.length);
  assert.deepEqual((await ids()).sort(), cpor.map((t) => t.id).sort());
  // A search (any case, part of the id or name) narrows to one known tenant.
  const known = counting[0];
  const part = known.id.slice(3, 12).toLowerCase();
  await tenants.locator('input[type="search"]').fill(part);
  await tenants.getByRole('combobox', { name: 'Association', exact: true }).selectOption('all');
  const matching = all.filter((t) => [t.id, t.name].some((v) => v?.toLowerCase().includes(part)));
  assert.deepEqual(matching.map((t) => t.id), [known.id]);
  assert.deepEqual(await ids(), [known.id]);
  assert.match(await tenants.locator('.count').textContent(), /^1 tenant shown\.$/);
});

test('rows(query) sends values only: a function, an unknown field or no list is refused before the worker is asked', async () => {
  const page = await app.open();
  const got = await page.evaluate(async () => {
    const { cleanQuery, rowsClient } = await import('/rows.js');
    const asked = [];
    const rows = rowsClient(async (message) => (asked.push(message), { result: { total: 0, rows: [] } }));
    const refused = (query) => rows(query).then(() => 'sent', (e) => e.message);
    return {
      predicate: await refused({ list: 'tenants', area: 'modern-work', only: (t) => t.contributes }),
      filter: await refused({ list: 'tenants', filter: 'x' }),
      noList: await refused({ area: 'security' }),
      clean: cleanQuery({ list: 'people', area: undefined, search: '', sort: 'name', descending: false, offset: 0, limit: 25 }),
      sent: (await rows({ list: 'people', search: 'ana', limit: 5 }), asked),
    };
  });
  assert.deepEqual(got, {
    predicate: 'rows: only must be a value, not a function',
    filter: 'rows: no query field named filter',
    noList: 'rows: the query names no list',
    clean: { list: 'people', sort: 'name', descending: false, offset: 0, limit: 25 },
    sent: [{ type: 'rows', query: { list: 'people', search: 'ana', limit: 5 } }],
  });
});

test('a rows question asked again before its answer shares it', async () => {
  const page = await app.open();
  await loadFiles(page, [fixture('cpor-report-13-months.csv')]);
  const asked = await page.evaluate(async () => {
    const el = document.querySelector('spd-score-calculator');
    let posted = 0;
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, ...rest) {
      if (message?.type === 'rows') posted++;
      return post.call(this, message, ...rest);
    };
    const query = { list: 'tenants', area: 'modern-work', sort: 'contribution', descending: true, limit: 5 };
    const [a, b] = await Promise.all([el.rows(query), el.rows({ ...query })]);
    const once = posted;
    // Answered: asked again, it is a new question.
    const c = await el.rows(query);
    Worker.prototype.postMessage = post;
    return { once, after: posted, same: JSON.stringify(a) === JSON.stringify(b) && JSON.stringify(b) === JSON.stringify(c), total: a.total, shown: a.rows.length };
  });
  const { total, ...counts } = asked;
  assert.deepEqual(counts, { once: 1, after: 2, same: true, shown: 5 });
  assert.ok(total > 5, `${total} tenants`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
