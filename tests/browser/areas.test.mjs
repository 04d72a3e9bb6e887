// The six designations on the page: the Solutions Partner overview, each
// area's view built from the report (tracks, metrics by kind, gates and who
// is missing, typed values), keyboard access, the third sample, screenshots.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { areaPoints, axeViolations, fixture, go, loadFiles, openArea, reportAfter, root, screenshots, settled, shown, start } from './harness.mjs';

const AREAS = ['modern-work', 'security', 'data-ai', 'infrastructure', 'digital-app-innovation', 'business-applications'];
const STATUS = { qualified: 'Qualified', incomplete: 'Incomplete', in_progress: 'In progress', not_scored: 'Not scored' };
const wanted = (name) => JSON.parse(readFileSync(fixture(`areas/${name.replace('.csv', '.expected.json')}`), 'utf8'));

let app;
before(async () => {
  app = await start();
});
after(() => app.close());

/** Chooses fixture files (paths below tests/fixtures) and waits for the overview of their report. */
const load = (page, names) => loadFiles(page, names.map((n) => fixture(n)));

/** The overview as shown: one object per row, in the page's order. */
function overviewRows(page) {
  return page.locator('[data-view="overview"] li[data-area]').evaluateAll((rows) =>
    rows.map((tr) => {
      const field = (f) => tr.querySelector(`[data-field="${f}"]`)?.textContent ?? null;
      return {
        area: tr.dataset.area,
        label: field('open-area'),
        score: field('total'),
        status: field('status'),
        track: field('track'),
        other: field('other-track'),
        asOf: field('as-of'),
        source: field('source'),
        next: field('next'),
      };
    }),
  );
}

/** The steps of a metric on a track: [{step, gate, met, people, names, short, points}]. */
function steps(view, track, metric) {
  return view.locator(`.area-track[data-track="${track}"] [data-metric="${metric}"] li[data-step]`).evaluateAll((items) =>
    items.map((li) => ({
      step: Number(li.dataset.step),
      gate: li.dataset.gate === 'true',
      met: li.dataset.met === 'true',
      certifications: li.querySelector('.step-certs').textContent,
      people: li.querySelector('[data-field="people"]').textContent,
      names: li.querySelector('[data-field="names"]')?.textContent ?? null,
      short: li.querySelector('[data-field="short"]')?.textContent ?? null,
      points: li.querySelector('[data-field="step-points"]').textContent,
    })),
  );
}

const shownPoints = (p) => (p === null ? '—' : (Math.round(p * 10) / 10).toFixed(1));

test('a skilling list alone: six areas in the overview, every one Incomplete, the badge cannot tell', async () => {
  const page = await app.open();
  const report = await load(page, ['areas/skilling-all-areas.csv']);
  const rows = await overviewRows(page);
  // Cards grouped by the report's badges, in its order: AI Business Solutions, Cloud & AI Platforms, Security.
  const byBadge = report.badges.flatMap((b) => report.overview.filter((r) => r.badge === b.id).map((r) => r.area));
  assert.deepEqual(byBadge, ['modern-work', 'business-applications', 'data-ai', 'infrastructure', 'digital-app-innovation', 'security']);
  assert.deepEqual(
    rows.map((r) => r.area),
    byBadge,
  );
  assert.deepEqual(await page.locator('[data-view="overview"] [data-badge]').evaluateAll((g) => g.map((e) => [e.dataset.badge, [...e.querySelectorAll('[data-area]')].map((c) => c.dataset.area)])), [
    ['ai-business-solutions', ['modern-work', 'business-applications']],
    ['cloud-ai-platforms', ['data-ai', 'infrastructure', 'digital-app-innovation']],
    ['security', ['security']],
  ]);
  // Labels come from the report.
  assert.deepEqual(
    rows.map((r) => r.label),
    byBadge.map((a) => report.areas[a].label),
  );
  assert.deepEqual(new Set(rows.map((r) => r.area)), new Set(AREAS));
  for (const row of rows) {
    assert.equal(row.status, 'Incomplete', row.area);
    assert.match(row.score, /^at least \d+$/, row.area);
  }
  const want = wanted('skilling-all-areas.csv');
  const score = (area) => rows.find((r) => r.area === area).score;
  for (const [area, a] of Object.entries(want.areas)) assert.equal(score(area), `at least ${Math.round(a.total)}`, area);
  assert.equal(score('security'), 'at least 32');
  assert.equal(score('business-applications'), 'at least 31');
  // Data & AI is decided by Enterprise by default (not classified); its SMB would give 16.
  const dataAi = rows.find((r) => r.area === 'data-ai');
  assert.equal(dataAi.track, 'Track: Enterprise (default: not classified from the files)');
  assert.match(dataAi.next, /Azure usage export/);
  // The Microsoft Cloud badge and the step worth the most points.
  assert.equal(await page.locator('[data-field="cloud-status"]').textContent(), 'Cannot tell');
  assert.match(await page.locator('[data-field="microsoft-cloud"]').textContent(), /0 of 6 qualified; the others cannot be told/);
  assert.equal(await page.locator('[data-field="best-message"]').textContent(), report.bestAction.message.replace(/^[^:]+: /, '').replace(/^./, (c) => c.toUpperCase()));
  // The dashboard comes first: no area's view until one is opened.
  assert.equal(await page.locator('.area-view').count(), 0);
  assert.deepEqual(page.errors, []);
});

test('a skilling list alone: each area shows its skilling points, the gates met or not and who is missing', async () => {
  const page = await app.open();
  await load(page, ['areas/skilling-all-areas.csv']);
  const want = wanted('skilling-all-areas.csv');
  for (const [area, a] of Object.entries(want.areas)) {
    const view = await openArea(page, area);
    assert.equal(await view.locator('[data-field="area-status"]').first().textContent(), STATUS[a.status], area);
    const got = await areaPoints(view);
    assert.deepEqual(Object.keys(got).sort(), Object.keys(a.tracks).sort(), area);
    for (const [track, t] of Object.entries(a.tracks)) {
      assert.equal(got[track].total, `at least ${Math.round(t.total)}`, `${area} ${track} total`);
      assert.equal(got[track].status, STATUS[t.status], `${area} ${track} status`);
      assert.equal(got[track].decides, track === a.track, `${area} ${track} decides`);
      for (const [metric, m] of Object.entries(t.metrics)) assert.equal(got[track].metrics[metric], shownPoints(m.points), `${area} ${track} ${metric}`);
    }
    // Unknown metrics say so, and what would score them is shown once.
    assert.ok((await view.locator('.unknown-note').count()) > 0, area);
    assert.match(await view.locator('[data-field="missing"]').textContent(), /enter the values Partner Center shows/, area);
  }

  // Data & AI: one architect is not enough for the Enterprise gate (two needed).
  let view = await openArea(page, 'data-ai');
  const enterprise = await steps(view, 'enterprise', 'intermediateCertifications');
  assert.deepEqual(enterprise[0], {
    step: 1,
    gate: true,
    met: true,
    certifications: 'Azure Administrator Associate',
    people: '2 people',
    names: 'Ana Silva, Ben Okafor',
    short: null,
    points: '0.0 points',
  });
  assert.deepEqual(enterprise[1], {
    step: 2,
    gate: true,
    met: false,
    certifications: 'Azure Solutions Architect Expert',
    people: '1 person',
    names: 'Cai Wong',
    short: '1 more person needed',
    points: '0.0 points',
  });
  assert.equal(enterprise[2].met, false);
  assert.equal(enterprise[2].names, 'Eli Ross, Fay Lin');
  // On SMB one person opens each gate: 4 + 4 + 8 = 16.
  const smb = await steps(view, 'smb', 'intermediateCertifications');
  assert.deepEqual(
    smb.map((s) => [s.met, s.points]),
    [
      [true, '4.0 points'],
      [true, '4.0 points'],
      [true, '8.0 points'],
    ],
  );
  assert.match(await view.locator('.area-track[data-track="smb"] [data-metric="intermediateCertifications"]').textContent(), /each gate needs 1/);
  assert.match(await view.textContent(), /Enterprise: you need 1 more person with Azure Solutions Architect Expert to unlock 8 points/);

  // Security SMB: 32 from three steps, Sue's retired certification still counting.
  view = await openArea(page, 'security');
  const security = await steps(view, 'smb', 'intermediateCertifications');
  assert.deepEqual(
    security.map((s) => [s.step, s.gate, s.met, s.names, s.points]),
    [
      [1, true, true, 'Mia Novak, Ned Holm', '4.0 points'],
      [2, true, true, 'Ana Silva, Oli Grant', '4.0 points'],
      [3, false, true, 'Quinn Yu, Ray Adams, Sue Kim', '24.0 points'],
    ],
  );
  // Security's two-part metrics show each part, unknown here.
  const parts = await view.locator('.area-track[data-track="smb"] [data-metric="deployments"] [data-part]').evaluateAll((li) => li.map((l) => [l.dataset.part, l.querySelector('[data-field="part-value"]').textContent]));
  assert.deepEqual(parts, [
    ['azure', 'unknown; full points at 6'],
    ['m365', 'unknown; full points at 6'],
  ]);

  // Infrastructure Enterprise advanced: Jay alone, the architect gate not met.
  view = await openArea(page, 'infrastructure');
  const advanced = await steps(view, 'enterprise', 'advancedCertifications');
  assert.deepEqual(
    advanced.map((s) => [s.gate, s.met, s.names, s.short]),
    [
      [true, false, 'Cai Wong', '1 more person needed'],
      // Ivy's certification was earned after the as-of month.
      [false, false, 'Jay Patel', null],
    ],
  );

  // Business Applications SMB: advanced 15 (Vic and Xia), people counted without steps.
  view = await openArea(page, 'business-applications');
  const bizapps = view.locator('.area-track[data-track="smb"] [data-metric="advancedCertifications"]');
  assert.equal(await bizapps.locator('[data-field="points"]').textContent(), '15.0');
  assert.equal(await bizapps.getAttribute('data-kind'), 'people');
  assert.match(await bizapps.locator('.value').textContent(), /^2 people; full points at 2$/);
  assert.match(await view.locator('[data-field="decided-by"]').textContent(), /SMB \(default: not classified from the files\)/);

  // Modern Work's view is built like the others, from areas["modern-work"].
  const mwView = await openArea(page, 'modern-work');
  assert.equal(await mwView.getAttribute('data-view'), 'area');
  const mw = await shown(page);
  assert.equal(mw.smb.metrics.intermediateCertifications, '5.0');
  assert.equal(mw.enterprise.metrics.intermediateCertifications, '2.5');
  // An area's people are the ones its lists name: Ana's Azure and Security certifications are not Modern Work's business.
  const mwPeople = mwView.locator('[data-table="area-people"] tbody tr');
  assert.ok((await mwPeople.count()) > 0);
  assert.equal(await mwPeople.filter({ hasText: 'Ana Silva' }).count(), 0);
  assert.doesNotMatch(await mwView.textContent(), /not on Microsoft's Modern Work list/);
  const dataAiView = await openArea(page, 'data-ai');
  const ana = dataAiView.locator('[data-table="area-people"] tbody tr', { hasText: 'Ana Silva' });
  assert.equal(await ana.locator('[data-field="counts-in"]').first().textContent(), 'intermediate certifications, step 1');
  // A search asks for the people whose name or e-mail holds the text, in any case.
  const everyone = await dataAiView.locator('[data-table="area-people"] tbody tr').count();
  await dataAiView.locator('[data-table-wrap="area-people"] input[type="search"]').fill('ANA SILVA');
  await settled(page);
  assert.deepEqual(await dataAiView.locator('[data-table="area-people"] tbody tr th').evaluateAll((ths) => ths.map((th) => th.firstChild.textContent)), ['Ana Silva']);
  await dataAiView.locator('[data-table-wrap="area-people"] input[type="search"]').fill('');
  await settled(page);
  assert.equal(await dataAiView.locator('[data-table="area-people"] tbody tr').count(), everyone);
  assert.deepEqual(page.errors, []);
});

test('values typed from Partner Center: Infrastructure 78 Qualified on SMB, entered by hand; Data & AI not scored', async () => {
  const page = await app.open();
  await load(page, ['areas/manual-values.csv']);
  await go(page, '#/files');
  assert.equal(await page.locator('.file .file-kind').textContent(), 'Typed values');
  await go(page, '#/');
  const rows = await overviewRows(page);
  const row = (area) => rows.find((r) => r.area === area);
  assert.deepEqual(
    { score: row('infrastructure').score, status: row('infrastructure').status, track: row('infrastructure').track },
    { score: '78', status: 'Qualified', track: 'Track: SMB (typed from Partner Center)' },
  );
  assert.deepEqual([row('security').score, row('security').status], ['72', 'Qualified']);
  assert.deepEqual([row('business-applications').score, row('business-applications').status], ['75', 'Qualified']);
  for (const area of ['modern-work', 'data-ai', 'digital-app-innovation']) {
    assert.deepEqual([row(area).score, row(area).status], ['—', 'Not scored'], area);
    assert.match(row(area).next, /or enter the values Partner Center shows/, area);
  }
  assert.equal(await page.locator('[data-field="cloud-status"]').textContent(), 'Cannot tell');
  assert.match(await page.locator('[data-field="cloud-message"]').textContent(), /^3 of 6 qualified/);
  // Screen readers hear the overview's outcome.
  assert.equal(await page.getByRole('status').textContent(), 'Scored: 3 designations, 3 qualified: Security, Infrastructure, Business Applications.');

  const view = await openArea(page, 'infrastructure');
  const got = await areaPoints(view);
  assert.equal(got.smb.total, '78');
  assert.equal(got.smb.status, 'Qualified');
  assert.equal(got.smb.decides, true);
  assert.equal(got.enterprise.total, '62');
  assert.equal(got.enterprise.status, 'In progress');
  assert.deepEqual(got.smb.metrics, { netCustomerAdds: '30.0', intermediateCertifications: '16.0', advancedCertifications: '12.0', usageGrowth: '12.0', deployments: '8.0' });
  // Every metric says it was entered by hand.
  assert.equal(await view.locator('.area-track[data-track="smb"] [data-metric] > .metric-head [data-field="manual"]').count(), 5);
  assert.equal(await view.locator('.area-track[data-track="smb"] [data-metric="usageGrowth"] .value').first().textContent(), '12% growth; full points at 20%');
  assert.match(await view.locator('[data-field="source"]').textContent(), /entered by hand/);
  // A typed count of one architect leaves Enterprise's advanced gate unmet.
  const advanced = await steps(view, 'enterprise', 'advancedCertifications');
  assert.deepEqual([advanced[0].met, advanced[0].people, advanced[0].names, advanced[0].short], [false, '1 person', null, '1 more person needed']);

  // Security qualifies with one Microsoft 365 part unknown: its total stands.
  const security = await openArea(page, 'security');
  const sec = await areaPoints(security);
  assert.deepEqual([sec.smb.total, sec.smb.status, sec.enterprise.total], ['72', 'Qualified', 'at least 61']);
  assert.deepEqual(
    await security.locator('.area-track[data-track="smb"] [data-metric="usageGrowth"] [data-part]').evaluateAll((li) => li.map((l) => l.querySelector('[data-field="part-value"]').textContent)),
    ['9,000 USD of security consumption growth; full points at 15,000', 'unknown; full points at 1,000'],
  );

  // Data & AI: not scored, with what would score it.
  const dataAi = await openArea(page, 'data-ai');
  assert.equal(await dataAi.locator('[data-field="area-status"]').textContent(), 'Not scored');
  assert.match(await dataAi.locator('[data-field="missing"]').textContent(), /^What would score it: Load Partner Center's Azure usage export/);
  assert.equal(await dataAi.locator('.area-track').count(), 0);
  assert.deepEqual(page.errors, []);
});

test('keyboard: the overview rows are reached with Tab and open their area; back returns to the row', async () => {
  const page = await app.open();
  await load(page, ['areas/skilling-all-areas.csv']);
  const active = () =>
    page.evaluate(() => {
      const el = document.querySelector('spd-score-calculator').shadowRoot.activeElement;
      return el ? { field: el.dataset.field ?? null, area: el.closest('[data-area]')?.dataset.area ?? null, id: el.id, text: el.textContent } : null;
    });
  await page.locator('.drop').focus();
  let focused = await active();
  for (let i = 0; i < 60 && focused?.field !== 'open-area'; i++) {
    await page.keyboard.press('Tab');
    focused = await active();
  }
  assert.deepEqual([focused.field, focused.area], ['open-area', 'modern-work']);
  await page.keyboard.press('Tab');
  assert.deepEqual(await active().then((f) => [f.field, f.area]), ['open-area', 'business-applications']);
  await page.keyboard.press('Enter');
  await page.locator('.area-view[data-area="business-applications"]').waitFor();
  // The view opened, its route is in the URL and the keyboard is on its heading.
  assert.equal(new URL(page.url()).hash, '#/area/business-applications');
  assert.deepEqual(await active().then((f) => [f.id, f.text]), ['area-title', 'Solutions Partner for Business Applications']);
  await page.locator('.area-view [data-action="back"]').press('Enter');
  await page.locator('[data-view="overview"]').waitFor();
  // Back on the overview, the keyboard is on the card it left, which says it was the one open.
  assert.deepEqual(await active().then((f) => [f.field, f.area]), ['open-area', 'business-applications']);
  assert.equal(await page.locator('[data-view="overview"] [data-area="business-applications"] [data-field="open-area"]').getAttribute('aria-current'), 'true');
  // Shift+Tab to Modern Work, Enter opens its view, built like every other.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await page.locator('.area-view[data-area="modern-work"]').waitFor();
  assert.equal(await active().then((f) => f.id), 'area-title');
  assert.deepEqual(page.errors, []);
});

test('the sample "Try all six designations": typed values and a skilling list score several areas', async () => {
  const page = await app.open();
  await page.locator('.drop').waitFor();
  const report = await reportAfter(page, () => page.getByRole('button', { name: 'Try all six designations' }).click());
  assert.deepEqual(
    report.files.map((f) => [f.name, f.kind]),
    [
      ['skilling-all-areas.csv', 'skilling'],
      ['manual-values.csv', 'manual'],
    ],
  );
  await page.locator('[data-view="overview"]').waitFor();
  const rows = await overviewRows(page);
  assert.equal(rows.filter((r) => r.score !== '—').length, 6);
  assert.deepEqual(
    rows.filter((r) => r.status === 'Qualified').map((r) => [r.area, r.score]),
    [
      ['business-applications', '75'],
      ['infrastructure', '78'],
      ['security', '72'],
    ],
  );
  assert.deepEqual(page.errors, []);
});

test('the sample "Try the Azure, Security and Business Applications exports": every area from its own downloads, as the core scores them', async () => {
  const files = ['azure-usage-24-months.csv', 'security-m365.csv', 'security-azure.csv', 'bizapps-revenue.csv', 'bizapps-usage.csv', 'skilling-all-areas.csv'];
  // The same files through the core in Node: the overview must show its figures.
  const api = await import(`${root}www/pkg/index.js`);
  await api.load();
  const scorer = new api.Scorer();
  for (const name of files) scorer.addFile(name, readFileSync(fixture(`areas/${name}`)));
  const core = scorer.report({ tenantLimit: 0 });
  scorer.free();
  const page = await app.open();
  await page.locator('.drop').waitFor();
  const report = await reportAfter(page, () => page.getByRole('button', { name: 'Try the Azure, Security and Business Applications exports' }).click());
  assert.deepEqual(
    report.files.map((f) => f.kind),
    ['azureUsage', 'usage', 'azureUsage', 'bizappsRevenue', 'bizappsUsage', 'skilling'],
  );
  await page.locator('[data-view="overview"]').waitFor();
  const rows = await overviewRows(page);
  assert.deepEqual(new Set(rows.map((r) => r.area)), new Set(AREAS));
  for (const row of rows) {
    const area = core.areas[row.area];
    assert.equal(row.status, STATUS[area.status], row.area);
    assert.equal(row.score, String(Math.round(area.total)), row.area);
  }
  // Every area is scored from files: none is left unknown.
  assert.ok(rows.every((r) => r.score !== '—'));
  // At 390 px wide every table scrolls in its own box: the page does not.
  await page.setViewportSize({ width: 390, height: 844 });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390);
  assert.deepEqual(page.errors, []);
});

for (const [name, options] of [
  ['light', { colorScheme: 'light' }],
  ['dark', { colorScheme: 'dark' }],
  ['narrow', { colorScheme: 'dark', viewport: { width: 390, height: 844 } }],
]) {
  test(`overview and area view (${name}): screenshots, and axe finds no serious or critical violations`, async () => {
    const page = await app.open('/', { bypassCSP: true, ...options });
    await page.locator('.drop').waitFor();
    await reportAfter(page, () => page.getByRole('button', { name: 'Try all six designations' }).click());
    await page.locator('.overview').screenshot({ path: `${screenshots}/overview-${name}.png` });
    assert.deepEqual(await axeViolations(page), []);
    const view = await openArea(page, 'data-ai');
    await view.locator('details.step-certs').first().locator('summary').click();
    await view.screenshot({ path: `${screenshots}/area-data-ai-${name}.png` });
    assert.deepEqual(await axeViolations(page), []);
    // The people across designations and the files guide, too.
    for (const route of ['#/people', '#/files']) {
      await go(page, route);
      await page.locator('.view').screenshot({ path: `${screenshots}/${route.slice(2)}-${name}.png` });
      assert.deepEqual(await axeViolations(page), [], route);
    }
    assert.deepEqual(page.errors, []);
  });
}
