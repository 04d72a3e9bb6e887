// The wasm core in Node gives the figures the native tests check.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Scorer, SpdScoreError, defaultRuleset, score, version } from '../../dist/node.js';
import { areaCases, assertAreas, assertSubset, azureAreaCase, cases, fixture, modernWork, readFixture } from './helpers.mjs';

for (const { usage, files, expected } of cases) {
  test(`${usage}: same figures as expected`, async () => {
    const report = await score(files.map((name) => ({ name, bytes: readFixture(name) })));
    assertSubset(expected, modernWork(report), "report.areas['modern-work']");
    assert.equal(report.schemaVersion, 3);
    assert.equal(report.generator.name, 'spd-score');
  });
}

// Not only the expected figures: the whole report, field for field, is the
// one the native build gives (examples/score.rs).
for (const { usage, files } of cases) {
  test(`${usage}: the whole report equals the native core's`, async () => {
    const native = JSON.parse(
      execFileSync('cargo', ['run', '--quiet', '--example', 'score', '--', ...files], { cwd: fileURLToPath(fixture('')), encoding: 'utf8', maxBuffer: 1 << 28 }),
    );
    const wasm = await score(files.map((name) => ({ name, bytes: readFixture(name) })));
    assert.deepStrictEqual(wasm, native);
  });
}

for (const { first, files, expected } of areaCases) {
  test(`${first}: every area's expected figures`, async () => {
    // Named as a user's files are, without the folder.
    const report = await score(files.map((name) => ({ name: name.split('/').pop(), bytes: readFixture(name) })));
    assertAreas(expected, report);
  });
}

test('bizapps-revenue.csv: the business applications area from both downloads, explained', async () => {
  const files = ['areas/bizapps-revenue.csv', 'areas/bizapps-usage.csv', 'areas/skilling-all-areas.csv'];
  const expected = JSON.parse(readFixture('areas/bizapps-revenue.expected.json'));
  const report = await score(files.map((name) => ({ name, bytes: readFixture(name) })));
  const area = report.areas['business-applications'];
  assertAreas(expected.areas['business-applications'], area, "areas['business-applications']");
  assert.deepEqual(report.files.map((f) => f.kind), ['bizappsRevenue', 'bizappsUsage', 'skilling']);
  assert.deepEqual(area.classification, { track: 'enterprise', basis: 'workloadRevenue', value: 5 });
  assert.equal(area.detail.model, 'businessApplications');
  assert.deepEqual(area.detail.mcv, { asOf: 59400, baseline: 49000 });
  assert.ok(area.detail.withinReach.some((g) => g.message === "Enterprise: 4,000 more MCV in Northwind Traders' Power BI makes it a deployment: 20 more monthly users."));
});

test('azure-usage-24-months.csv: the three Azure areas\' expected figures', async () => {
  const { files, areas, expected } = azureAreaCase;
  const report = await score(files.map((name) => ({ name, bytes: readFixture(name) })));
  for (const id of areas) assertAreas(expected.areas[id], report.areas[id], `report.areas.${id}`);
  assert.equal(report.files[0].kind, 'azureUsage');
  const detail = report.areas['data-ai'].detail;
  assert.equal(detail.model, 'azure');
  assert.equal(detail.setAside, 9000);
  assert.deepEqual(detail.ignored.offers, { 'Free Trial': { rows: 1, acr: 600 } });
});

test('security-m365.csv: Security from both parts, explained tenant by tenant', async () => {
  const files = ['areas/security-m365.csv', 'areas/security-azure.csv', 'areas/skilling-all-areas.csv'];
  const expected = JSON.parse(readFixture('areas/security-m365.expected.json'));
  const scorer = new Scorer();
  for (const name of files) scorer.addFile(name, readFixture(name));
  const report = scorer.report();
  const area = report.areas.security;
  assertAreas(expected.areas.security, area, 'areas.security');
  assert.deepEqual(report.files.map((f) => f.kind), ['usage', 'azureUsage', 'skilling']);
  assert.equal(area.detail.model, 'security');
  assert.deepEqual(area.detail.azure.secAcr.enterprise, { asOf: 25500, baseline: 13000 });
  assert.deepEqual(area.detail.m365.protectedUsers.smb, { asOf: 252, baseline: 132 });
  const { rows: tenants, total } = scorer.rows({ list: 'tenants', area: 'security' });
  assert.equal(total, area.lists.tenants);
  const fabrikam = tenants.find((t) => t.name === 'Fabrikam Inc');
  assert.equal(fabrikam.azure.tracks.smb.carriedOver.asOf, true);
  assert.equal(fabrikam.m365.tracks.smb.carriedOver.asOf, true);
  assert.ok(area.detail.hints.includes('SMB: USD 50 more security consumption from Woodgrove Bank over the 12 months to October 2025 makes it a deployment (+1 net deployment, up to 3.3 points).'));
});

test('values typed through the API score as the manual CSV does', async () => {
  const fromFile = await score([{ name: 'm.csv', bytes: readFixture('areas/manual-values.csv') }]);
  const manualValues = [
    { area: 'Infrastructure', metric: 'netCustomerAdds', value: 3 },
    { area: 'infrastructure', metric: 'intermediateCertifications.step1', value: 2 },
    { area: 'infrastructure', metric: 'intermediateCertifications.step2', value: '3' },
    { area: 'infrastructure', metric: 'advancedCertifications.step1', value: 1 },
    { area: 'infrastructure', metric: 'advancedCertifications.step2', value: 2 },
    { area: 'infrastructure', metric: 'usageGrowth', value: '12 %' },
    { area: 'infrastructure', metric: 'deployments', value: 4 },
    { area: 'infrastructure', metric: 'track', value: 'SMB' },
  ];
  const typed = await score([], { manualValues });
  assert.deepEqual(typed.areas.infrastructure.tracks, fromFile.areas.infrastructure.tracks);
  assert.equal(typed.areas.infrastructure.total, 78);
  assert.equal(typed.areas.infrastructure.status, 'qualified');
  // A bad row is an error with a kind; the scorer stays usable.
  const bad = await score([], { manualValues: [{ area: 'Nowhere', metric: 'deployments', value: 1 }] });
  assert.deepEqual(bad.errors.map((e) => [e.kind, e.column, e.value]), [['unknownArea', 'Area', 'Nowhere']]);
});

test('every embedded ruleset is complete on its own and a replacement ruleset is used', async () => {
  const { rulesets } = await import('../../dist/node.js');
  assert.deepEqual(rulesets().map((r) => r.id), ['modern-work', 'security', 'data-ai', 'infrastructure', 'digital-app-innovation', 'business-applications']);
  const security = defaultRuleset('security');
  assert.ok(security.certifications.some((c) => c.id === 'SC-200'));
  // A newer Security ruleset: Enterprise gates need three people.
  for (const track of security.tracks) track.metrics.intermediateCertifications.gate.people = 3;
  const bytes = readFixture('areas/skilling-all-areas.csv');
  const scorer = new Scorer({ ruleset: security }).addFile('s.csv', bytes);
  assert.equal(scorer.report().areas.security.tracks.enterprise.total, 0);
  assert.equal(new Scorer().addFile('s.csv', bytes).report().areas.security.tracks.enterprise.total, 20);
});

test('chunked feeding gives the same report as whole files', () => {
  const bytes = readFixture('cpor-report-13-months.csv');
  const whole = new Scorer().addFile('a.csv', bytes).report();
  const chunked = new Scorer().beginFile('a.csv');
  for (let i = 0; i < bytes.length; i += 777) chunked.push(bytes.subarray(i, i + 777));
  assert.deepEqual(chunked.endFile().report(), whole);
});

test('a bad file beside a good one: the good one scores, the bad one is named', () => {
  const scorer = new Scorer()
    .addFile('good.csv', readFixture('semicolon-excel.csv'))
    .addFile('bad.csv', new TextEncoder().encode('CustomerTenantName,PartnerAttachType,WorkloadName,MonthName,ActiveUsage,QualifiedUsage\nT,CSP,Teams,Oct-2025,abc,20\n'))
    .addFile('book.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
  const report = scorer.report();
  // 77 with the skilling list (see the fixtures); without it the 25 skilling points go.
  assert.equal(modernWork(report).tracks.enterprise.total, 52);
  const [bad, xlsx] = report.errors;
  assert.deepEqual([bad.file, bad.line, bad.column, bad.value], ['bad.csv', 2, 'ActiveUsage', 'abc']);
  assert.equal(xlsx.file, 'book.xlsx');
  assert.match(xlsx.message, /Excel workbook/);
  assert.deepEqual(report.files.map((f) => f.kind), ['usage', 'usage', 'unknown']);
});

test('history, window and a simulation through the binding', () => {
  const scorer = new Scorer().addFile('c.csv', readFixture('cpor-report-13-months.csv'));
  const report = scorer.report({ history: true, today: '2025-10-20' });
  // Every area has its history and its window, Modern Work like the others.
  for (const area of Object.values(report.areas)) assert.equal(area.history.length, 13);
  const latest = modernWork(report).history.at(-1);
  assert.equal(latest.total, modernWork(report).total);
  assert.equal(modernWork(report).window.start, '2025-05-01');
  assert.ok(report.areas.security.window.months.length > 0);
  assert.equal(scorer.rows({ list: 'tenants', area: 'modern-work', limit: 5 }).rows.length, 5);
  assert.ok(modernWork(report).lists.tenants > 5);
  const sim = scorer.simulate({ people: [{ name: 'New Admin', certification: 'MS-102' }] });
  assert.equal(sim.simulated, true);
  assert.equal(sim.changes.smb.metrics.advancedCertifications, 15);
});

test('bad options are Errors with a message, not traps', () => {
  assert.throws(() => new Scorer().report({ asOf: 'October' }), /asOf must be a month as YYYY-MM/);
  assert.throws(() => new Scorer({ ruleset: { id: 'x' } }), /invalid options/);
  const ruleset = defaultRuleset();
  ruleset.tracks[0].metrics.netCustomerAdds.threshold = 0;
  assert.throws(() => new Scorer({ ruleset }), /threshold must be above zero/);
  assert.throws(() => new Scorer().simulate({ customers: 'no' }), /invalid plan/);
  // Each with the kind of input at fault and its place.
  const thrown = (f) => {
    try {
      f();
    } catch (e) {
      return e;
    }
    assert.fail('expected a throw');
  };
  const asOf = thrown(() => new Scorer().report({ asOf: 'October' }));
  assert.ok(asOf instanceof SpdScoreError && asOf instanceof Error);
  assert.deepEqual([asOf.name, asOf.kind, asOf.path], ['SpdScoreError', 'options', 'asOf']);
  const typed = thrown(() => new Scorer().report({ manualValues: [{ area: 'security', value: 3 }] }));
  assert.deepEqual([typed.kind, typed.path], ['options', 'manualValues[0]']);
  assert.match(typed.message, /metric/);
  const rule = thrown(() => new Scorer({ ruleset }));
  assert.deepEqual([rule.kind, rule.rulesetKind, rule.path], ['ruleset', 'rule', 'tracks[0].metrics.netCustomerAdds']);
  assert.equal(thrown(() => new Scorer().simulate({ customers: 'no' })).kind, 'plan');
  const area = thrown(() => new Scorer().writeReport(() => {}, { area: 'nowhere' }));
  assert.deepEqual([area.kind, area.path], ['area', 'area']);
  assert.match(area.message, /no area "nowhere"/);
  // The scorer still works after a thrown error.
  assert.equal(modernWork(new Scorer().report()).status, 'not_scored');
});

test('a newer ruleset replaces the embedded one', () => {
  const ruleset = defaultRuleset();
  assert.equal(ruleset.id, 'modern-work');
  ruleset.version = 'test';
  ruleset.tracks.find((t) => t.id === 'smb').metrics.advancedCertifications.threshold = 2;
  const report = new Scorer({ ruleset }).addFile('p.csv', readFixture('skilling-people.csv')).report();
  assert.equal(modernWork(report).ruleset.version, 'test');
  assert.equal(modernWork(report).tracks.smb.metrics.advancedCertifications.points, 15);
  assert.equal(modernWork(report).tracks.enterprise.metrics.advancedCertifications.points, 15);
  assert.match(version(), /^\d+\.\d+\.\d+$/);
});

test('score() passes the report options through; today may be a date', async () => {
  const files = [{ name: 'c.csv', bytes: readFixture('cpor-report-13-months.csv') }];
  const report = await score(files, { asOf: '2025-09', history: true, today: '2025-10-20', tenantLimit: 2, detail: 'full' });
  assert.equal(modernWork(report).asOf, '2025-09');
  assert.equal(modernWork(report).history.length, 13);
  assert.equal(modernWork(report).window.today, '2025-10-20');
  assert.equal(modernWork(report).tenants.length, 2);
  // A month as today: rows after it are errors, and there is no window.
  const early = await score(files, { today: '2025-06' });
  assert.equal(modernWork(early).window, undefined);
  assert.ok(early.errors.length > 0);
  assert.equal(new Scorer({ today: '2025-06-15' }).addFile('c.csv', files[0].bytes).report().errors.length, early.errors.length);
});

/** The full report as the summary has it: without the lists it holds inline. */
function withoutLists(report) {
  const copy = structuredClone(report);
  delete copy.people;
  for (const area of Object.values(copy.areas)) for (const list of Object.keys(area.lists)) delete area[list];
  return copy;
}

const summaryCases = [...cases.map((c) => c.files), ...areaCases.map((c) => c.files)];
test("detail 'full': the summary with every list inline, each list the rows() answer, on every fixture", () => {
  let listed = 0;
  for (const files of summaryCases) {
    const scorer = new Scorer();
    for (const name of files) scorer.addFile(name, readFixture(name));
    const full = scorer.report({ history: true, today: '2025-11-05', detail: 'full' });
    const summary = scorer.report({ history: true, today: '2025-11-05' });
    assert.deepStrictEqual(summary, withoutLists(full), files.join(' '));
    assert.deepStrictEqual(scorer.summary({ history: true, today: '2025-11-05' }), summary);
    for (const [id, area] of Object.entries(full.areas)) {
      for (const [list, count] of Object.entries(area.lists)) {
        const answer = scorer.rows({ list, area: id });
        assert.equal(answer.total, count, `${files.join(' ')}: ${id} ${list}`);
        assert.deepStrictEqual(answer.rows, area[list], `${files.join(' ')}: ${id} ${list}`);
        listed += count;
      }
    }
    assert.equal(full.people.length, full.lists.people);
    assert.deepStrictEqual(scorer.rows({ list: 'people' }).rows, full.people);
    listed += full.people.length;
    scorer.free();
  }
  // The fixtures do have lists.
  assert.ok(listed > 100);
});

test('writeReport(): the JSON text of report(), in pieces, compact or pretty, whole or one area', () => {
  const files = ['mixed-60-tenants.csv', 'skilling-people.csv'];
  const scorer = new Scorer();
  for (const name of files) scorer.addFile(name, readFixture(name));
  const options = { tenantLimit: 20, detail: 'full' };
  const report = scorer.report(options);
  const text = (options) => {
    const pieces = [];
    const { files: read } = scorer.writeReport((bytes) => pieces.push(bytes), options);
    assert.deepStrictEqual(read, report.files);
    return Buffer.concat(pieces).toString('utf8');
  };
  const compact = text(options);
  assert.ok(!compact.includes('\n'));
  assert.deepStrictEqual(JSON.parse(compact), report);
  assert.equal(modernWork(report).tenants.length, 20);
  assert.equal(modernWork(report).lists.tenants, 49);
  const pretty = text({ ...options, pretty: true });
  // Indented as JSON.stringify(…, null, 2) would, numbers aside (Rust writes 64.0 for 64).
  const jsPretty = JSON.stringify(JSON.parse(compact), null, 2);
  assert.equal(pretty.replace(/(\d)\.0\b/g, '$1').split('\n').length, jsPretty.split('\n').length);
  assert.ok(pretty.startsWith('{\n  "schemaVersion": 3,\n  "generator": {\n    "name": "spd-score",'));
  assert.deepStrictEqual(JSON.parse(pretty), report);
  assert.deepStrictEqual(JSON.parse(text({ ...options, area: 'modern-work', pretty: true })), modernWork(report));
  // The summary by default.
  assert.deepStrictEqual(JSON.parse(text({ area: 'security' })), scorer.report().areas.security);
  assert.throws(() => text({ area: 'nope' }), /no area "nope"/);
  // What the writer throws is what writeReport throws.
  assert.throws(() => scorer.writeReport(() => { throw new Error('closed'); }), /closed/);
  assert.throws(() => scorer.writeReport(() => { throw new Error('closed'); }, { detail: 'full' }), /closed/);
  scorer.free();
});

test('rows(): a page of a list through the binding, sorted and filtered by the core; errors as values', () => {
  const scorer = new Scorer();
  for (const name of ['mixed-60-tenants.csv', 'skilling-people.csv']) scorer.addFile(name, readFixture(name));
  const report = scorer.report();
  const mw = modernWork(report);
  const all = scorer.rows({ list: 'tenants', area: 'modern-work' });
  assert.equal(all.total, mw.lists.tenants);
  const page = scorer.rows({ list: 'tenants', area: 'modern-work', sort: 'id', descending: true, offset: 2, limit: 3 });
  const byId = all.rows.map((t) => t.id).sort((a, b) => b.toLowerCase().localeCompare(a.toLowerCase()));
  assert.deepEqual(page.rows.map((t) => t.id), byId.slice(2, 5));
  assert.equal(page.total, all.total);
  const contributing = scorer.rows({ list: 'tenants', area: 'modern-work', only: 'contributing' });
  assert.deepEqual(contributing.rows, all.rows.filter((t) => t.tracks[mw.track].contributes));
  assert.equal(mw.detail.contributingTenants, all.rows.filter((t) => t.contributes).length);
  // The rows of the last report's month.
  const months = new Scorer().addFile('c.csv', readFixture('cpor-report-13-months.csv'));
  const latest = months.rows({ list: 'tenants', area: 'modern-work' }).rows;
  months.report({ asOf: '2025-09' });
  const earlier = months.rows({ list: 'tenants', area: 'modern-work' }).rows;
  assert.equal(earlier.length, latest.length);
  assert.notDeepEqual(earlier, latest);
  months.free();
  assert.deepEqual(scorer.rows({ list: 'pairs', area: 'modern-work' }).error.kind, 'unknownList');
  assert.deepEqual(scorer.rows({ area: 'modern-work' }).error.kind, 'badQuery');
  assert.equal(scorer.rows({ list: 'tenants', area: 'nowhere' }).total, 0);
  scorer.free();
});
