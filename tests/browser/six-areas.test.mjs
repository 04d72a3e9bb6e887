// The page for six designations, scenario by scenario: every scenario of
// tests/fixtures/areas/manifest.txt dropped on the page, the overview's
// scores and statuses and each area view's metric points checked against
// the scenario's expected file; values entered by hand (typed, scored,
// downloaded as CSV and dropped again); the score-by-month chart; the
// next steps and the people across designations; axe and screenshots.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { areaPoints, axeViolations, fixture, fullReport, go, idle, loadFiles, openArea, reportAfter, screenshots, shown, start } from './harness.mjs';

const STATUS = { qualified: 'Qualified', incomplete: 'Incomplete', in_progress: 'In progress', not_scored: 'Not scored', partial: 'Partial', not_started: 'Not started' };
const scenarios = readFileSync(fixture('areas/manifest.txt'), 'utf8')
  .split('\n')
  .map((line) => line.trim().split(/\s+/).filter(Boolean))
  .filter((files) => files.length);
const expectedFor = (files) => JSON.parse(readFileSync(fixture(`areas/${files[0].replace('.csv', '.expected.json')}`), 'utf8'));
/** Partner Center's rounding: one decimal for a metric, "—" for unknown. */
const metricShown = (p) => (p === null ? '—' : (Math.round(p * 10) / 10).toFixed(1));
/** The overview's score: "—" not scored, "at least n" while a metric is unknown, else whole points. */
const scoreShown = (area) => (area.total === null ? '—' : area.status === 'incomplete' ? `at least ${Math.round(area.total)}` : String(Math.round(area.total)));

let app;
before(async () => {
  app = await start();
});
after(() => app.close());

/** Chooses area fixtures (or full paths) and waits for the overview of their report. */
const load = (page, names) => loadFiles(page, names.map((n) => (n.startsWith('/') ? n : fixture(`areas/${n}`))));

for (const files of scenarios) {
  test(`scenario ${files.join(' + ')}: the overview and every area view show the expected figures`, async () => {
    const want = expectedFor(files);
    const page = await app.open();
    await load(page, files);
    const rows = await page.locator('[data-view="overview"] li[data-area]').evaluateAll((trs) =>
      Object.fromEntries(trs.map((tr) => [tr.dataset.area, { score: tr.querySelector('[data-field="total"]').textContent, status: tr.querySelector('[data-field="status"]').textContent }])),
    );
    for (const [area, a] of Object.entries(want.areas)) {
      // An expected file may pin only an area's status (the FY27 scenarios' Modern Work when Incomplete).
      if (!('total' in a)) {
        assert.equal(rows[area].status, STATUS[a.status], `${area}: overview status`);
        continue;
      }
      assert.deepEqual(rows[area], { score: scoreShown(a), status: STATUS[a.status] }, `${area}: overview`);
      // Every area's view is built alike, Modern Work's too.
      const view = await openArea(page, area);
      const got = await areaPoints(view);
      assert.deepEqual(Object.keys(got).sort(), Object.keys(a.tracks).sort(), `${area}: tracks`);
      for (const [track, t] of Object.entries(a.tracks)) {
        assert.equal(got[track].status, STATUS[t.status], `${area} ${track} status`);
        assert.equal(got[track].total, t.status === 'incomplete' ? `at least ${Math.round(t.total)}` : String(Math.round(t.total)), `${area} ${track} total`);
        for (const [metric, m] of Object.entries(t.metrics)) assert.equal(got[track].metrics[metric], metricShown(m.points), `${area} ${track} ${metric}`);
      }
    }
    assert.deepEqual(page.errors, []);
  });
}

/** Every row of a paged table, read page by page with Next. */
async function everyPage(card, name, read) {
  const out = [];
  for (;;) {
    await idle(card.locator(`[data-table="${name}"]`));
    out.push(...(await card.locator(`[data-table="${name}"] tbody tr`).evaluateAll(read)));
    const next = card.locator(`[data-table-wrap="${name}"] [data-action="next-page"]`);
    if (!(await next.isVisible()) || !(await next.isEnabled())) return out;
    await next.click();
  }
}

/** The track spellings designations.md §7 accepts besides the ids. */
const TRACK_SPELLING = { ent: 'enterprise', 'small and medium business': 'smb' };

/**
 * Types the fixture's rows into an open "Enter values" form (a row for both
 * tracks fills both boxes); returns the metrics the form has no box for.
 */
async function typeRows(form, rows) {
  const missing = [];
  for (const row of rows) {
    if (row.metric === 'track') {
      await form.locator('select[data-metric="track"]').selectOption(row.value.toLowerCase());
      continue;
    }
    for (const track of row.track ? [row.track] : ['enterprise', 'smb']) {
      const box = form.locator(`input[data-track="${track}"][data-metric="${row.metric}"]`);
      if (await box.count()) await box.fill(row.value);
      else missing.push(row.metric);
    }
  }
  return [...new Set(missing)];
}

/** The typed-values fixture's rows for one area, as {track, metric, value} (track '' = both). */
function typedRows(area) {
  const [, ...lines] = readFileSync(fixture('areas/manual-values.csv'), 'utf8').trim().split(/\r?\n/);
  return lines
    .map((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((cell) => cell.replace(/,$/, '').replace(/^"|"$/g, '').replaceAll('""', '"')))
    .filter(([a]) => a.toLowerCase().replaceAll(' ', '-') === area)
    .map(([, track, metric, value]) => ({ track: TRACK_SPELLING[track.toLowerCase()] ?? track.toLowerCase(), metric, value }));
}

test('Enter values: Infrastructure typed by hand scores as the typed-values file does; saved as CSV and dropped again, it scores the same', async () => {
  const want = expectedFor(['manual-values.csv']).areas.infrastructure;
  const page = await app.open();
  await load(page, ['skilling-all-areas.csv']);
  const view = await openArea(page, 'infrastructure');
  const toggle = view.getByRole('button', { name: 'Enter values' });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.focus();
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  // The keyboard moves into the form: its first control (here the track, as Infrastructure classifies it).
  assert.equal(await page.evaluate(() => document.querySelector('spd-score-calculator').shadowRoot.activeElement?.dataset.metric), 'track');
  const form = view.locator('form.enter-values');
  // Prefilled from the skilling list: step 1 of intermediate certifications on SMB.
  const before = await page.evaluate(() => document.querySelector('spd-score-calculator').report.areas.infrastructure.tracks.smb.metrics.intermediateCertifications.steps[0].people);
  assert.equal(await form.locator('[data-track="smb"][data-metric="intermediateCertifications.step1"]').inputValue(), String(before));
  // Every box has its unit beside it and a label.
  assert.ok((await form.locator('.enter-field .unit').count()) >= 14);
  const rows = typedRows('infrastructure');
  assert.ok(rows.length > 5);
  assert.deepEqual(await typeRows(form, rows), []);
  const report = await reportAfter(page, () => form.getByRole('button', { name: 'Apply' }).click());
  const infra = report.areas.infrastructure;
  assert.equal(infra.source, 'both');
  assert.equal(infra.total, want.total);
  assert.equal(infra.status, want.status);
  assert.equal(infra.track, want.track);
  const shownNow = await areaPoints(page.locator('.area-view[data-area="infrastructure"]'));
  for (const [track, t] of Object.entries(want.tracks)) for (const [metric, m] of Object.entries(t.metrics)) assert.equal(shownNow[track].metrics[metric], metricShown(m.points), `${track} ${metric}`);
  assert.match(await page.locator('.area-view[data-area="infrastructure"] [data-field="source"]').textContent(), /files and entered by hand/);
  // The form stays open, the keyboard on Apply.
  assert.equal(await page.evaluate(() => document.querySelector('spd-score-calculator').shadowRoot.activeElement?.dataset.action), 'apply-values');

  // Download as CSV: the Area,Track,Metric,Value layout, one row per box typed.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-enter="infrastructure"] [data-action="download-values"]').click()]);
  const path = await download.path();
  const text = readFileSync(path, 'utf8');
  const lines = text.trim().split(/\r?\n/);
  assert.equal(lines[0], 'Area,Track,Metric,Value');
  const expectedLines = rows.flatMap((r) => (r.metric === 'track' ? 1 : r.track ? 1 : 2)).reduce((a, b) => a + b, 0);
  assert.equal(lines.length - 1, expectedLines);
  assert.ok(lines.slice(1).every((l) => l.startsWith('infrastructure,')));
  await go(page, '#/');
  assert.equal(await page.locator('[data-view="overview"] [data-area="infrastructure"] [data-field="total"]').textContent(), scoreShown(want));

  // Dropped beside the skilling list on a fresh page, the saved file scores the same.
  const again = await app.open();
  const saved = `${path}.csv`;
  (await import('node:fs')).copyFileSync(path, saved);
  const second = await load(again, ['skilling-all-areas.csv', saved]);
  assert.equal(second.areas.infrastructure.total, infra.total);
  assert.equal(second.areas.infrastructure.status, infra.status);
  assert.equal(second.files.at(-1).kind, 'manual');
  assert.deepEqual([...page.errors, ...again.errors], []);
});


for (const area of ['security', 'business-applications']) {
  test(`Enter values: ${area} typed by hand (parts, baselines, tracks) scores as the typed-values file does`, async () => {
    const want = expectedFor(['manual-values.csv']).areas[area];
    const page = await app.open();
    await load(page, ['skilling-all-areas.csv']);
    const view = await openArea(page, area);
    await view.getByRole('button', { name: 'Enter values' }).click();
    const form = view.locator('form.enter-values');
    const missing = await typeRows(form, typedRows(area));
    const report = await reportAfter(page, () => form.getByRole('button', { name: 'Apply' }).click());
    const got = report.areas[area];
    // The fixture's row for a metric the area does not have gets no box.
    for (const metric of missing) for (const track of Object.values(got.tracks)) assert.equal(track.metrics[metric.split('.')[0]], undefined, metric);
    assert.deepEqual([got.status, got.track, got.source], [want.status, want.track, 'both']);
    assert.ok(Math.abs(got.total - want.total) < 1e-6, `${got.total} ${want.total}`);
    const shownNow = await areaPoints(page.locator(`.area-view[data-area="${area}"]`));
    for (const [track, t] of Object.entries(want.tracks)) for (const [metric, m] of Object.entries(t.metrics)) assert.equal(shownNow[track].metrics[metric], metricShown(m.points), `${track} ${metric}`);
    await go(page, '#/');
    assert.equal(await page.locator(`[data-view="overview"] [data-area="${area}"] [data-field="total"]`).textContent(), scoreShown(want));
    assert.deepEqual(page.errors, []);
  });
}

test("Enter values on Modern Work's view: a typed option's value scores in its track card", async () => {
  const page = await app.open();
  await page.locator('.drop').waitFor();
  const first = await reportAfter(page, () => page.locator('spd-score-calculator input[type="file"]').first().setInputFiles(fixture('cpor-report-13-months.csv')));
  await page.locator('[data-view="overview"]').waitFor();
  const summary = await openArea(page, 'modern-work');
  await summary.getByRole('button', { name: 'Enter values' }).click();
  const metric = first.areas['modern-work'].tracks.smb.metrics.usageGrowth;
  const [option, o] = Object.entries(metric.options).find(([, v]) => v.points < metric.max);
  const box = summary.locator(`input[data-track="smb"][data-metric="usageGrowth.${option}"]`);
  assert.equal(await box.inputValue(), String(Math.round(o.value * 100) / 100));
  await box.fill(String(o.threshold));
  const report = await reportAfter(page, () => summary.getByRole('button', { name: 'Apply' }).click());
  const typed = report.areas['modern-work'].tracks.smb.metrics.usageGrowth;
  assert.equal(typed.options[option].source, 'manual');
  assert.equal(typed.options[option].value, o.threshold);
  assert.equal(typed.points, metric.max);
  assert.equal(report.areas['modern-work'].source, 'both');
  assert.equal((await shown(page)).smb.metrics.usageGrowth, (Math.round(metric.max * 10) / 10).toFixed(1));
  // Forgetting the typed value scores the files alone again.
  const back = await reportAfter(page, () => page.locator('.area-view[data-area="modern-work"] [data-action="clear-values"]').click());
  assert.equal(back.areas['modern-work'].tracks.smb.metrics.usageGrowth.points, metric.points);
  assert.deepEqual(page.errors, []);
});

test('Enter values for an area not scored yet: the boxes come from its ruleset; a bad number is shown in the form', async () => {
  const page = await app.open();
  await load(page, ['manual-values.csv']);
  const view = await openArea(page, 'data-ai');
  assert.equal(await view.locator('[data-field="area-status"]').textContent(), 'Not scored');
  await view.getByRole('button', { name: 'Enter values' }).click();
  const form = view.locator('form.enter-values');
  const ruleset = await page.evaluate(async () => {
    const api = await import('/pkg/index.js');
    await api.load();
    return api.defaultRuleset('data-ai');
  });
  // One box per metric, or per step for gated skilling, plus a growth's baseline, on each track.
  for (const track of ruleset.tracks) {
    const boxes = await form.locator(`input[data-track="${track.id}"]`).evaluateAll((inputs) => inputs.map((i) => i.dataset.metric));
    const wanted = Object.entries(track.metrics).flatMap(([id, m]) => (m.kind === 'steps' ? m.steps.map((_, i) => `${id}.step${i + 1}`) : m.kind === 'growth' ? [id, `${id}.baseline`] : [id]));
    assert.deepEqual(boxes, wanted, track.id);
  }
  await form.locator('input[data-track="smb"][data-metric="netCustomerAdds"]').fill('3');
  await form.locator('input[data-track="smb"][data-metric="usageGrowth"]').fill('lots');
  const report = await reportAfter(page, () => form.getByRole('button', { name: 'Apply' }).click());
  assert.equal(report.areas['data-ai'].tracks.smb.metrics.netCustomerAdds.source, 'manual');
  assert.match(await page.locator('[data-enter="data-ai"] [data-field="enter-errors"]').textContent(), /"lots" is not a number/);
  assert.deepEqual(page.errors, []);
});

test('score by month: one point per month with a score, the 70-point line, the qualification window shaded', async () => {
  const page = await app.open();
  // The window is the six months before today: today is fixed inside the data.
  await page.clock.setFixedTime(new Date('2025-11-15T12:00:00Z'));
  const report = await load(page, ['azure-usage-24-months.csv', 'skilling-all-areas.csv']);
  for (const area of ['data-ai', 'infrastructure']) {
    const view = await openArea(page, area);
    const chart = view.locator('[data-chart="score"]');
    const withScore = report.areas[area].history.filter((m) => m.available && m.total !== null);
    assert.ok(withScore.length >= 1, area);
    const points = await chart.locator('circle.chart-point').evaluateAll((cs) => cs.map((c) => [c.dataset.month, Number(c.dataset.total)]));
    assert.deepEqual(
      points,
      withScore.map((m) => [m.month, m.total]),
      area,
    );
    assert.equal(await chart.locator('[data-field="qualify-line"]').count(), 1);
    assert.equal(await chart.locator('rect[data-field="window"]').count(), 1);
    assert.match(await chart.locator('svg').getAttribute('aria-labelledby'), /^chart-\d+-title$/);
    // Points by metric: one bar per metric the deciding track has points in.
    const track = report.areas[area].tracks[report.areas[area].track];
    const bars = await view.locator('[data-chart="metrics"] rect.chart-bar').evaluateAll((rs) => rs.map((r) => r.dataset.metric));
    assert.deepEqual(bars, Object.entries(track.metrics).filter(([, m]) => m.points > 0).map(([id]) => id));
  }
  // Modern Work's chart, from its own history.
  const mwPage = await app.open();
  const mw = await reportAfter(mwPage, async () => {
    await mwPage.locator('.drop').waitFor();
    await mwPage.locator('spd-score-calculator input[type="file"]').first().setInputFiles(fixture('cpor-report-13-months.csv'));
  });
  const months = mw.areas['modern-work'].history.filter((m) => m.available && m.total !== null);
  await mwPage.locator('[data-view="overview"]').waitFor();
  const mwView = await openArea(mwPage, 'modern-work');
  assert.equal(await mwView.locator('[data-chart="score"] circle.chart-point').count(), months.length);
  assert.deepEqual([...page.errors, ...mwPage.errors], []);
});

test('next steps across designations: every area’s steps, the biggest gain first, each opening its area', async () => {
  const page = await app.open();
  const report = await load(page, ['azure-usage-24-months.csv', 'skilling-all-areas.csv']);
  const card = page.locator('.next-all');
  const rows = await everyPage(card, 'next-steps', (trs) => trs.map((tr) => ({ area: tr.dataset.area, gain: Number(tr.dataset.gain) })));
  const gains = rows.map((r) => r.gain);
  assert.deepEqual(gains, [...gains].sort((a, b) => b - a));
  const areasListed = new Set(rows.map((r) => r.area));
  for (const [id, area] of Object.entries(report.areas)) if (area.recommendations.length) assert.ok(areasListed.has(id), id);
  assert.equal(rows[0].gain, Math.max(...Object.values(report.areas).flatMap((a) => a.recommendations.map((r) => r.gain))));
  while (await card.locator('[data-action="previous-page"]').isEnabled()) {
    await card.locator('[data-action="previous-page"]').click();
    await idle(card.locator('[data-table="next-steps"]'));
  }
  const first = card.locator('[data-table="next-steps"] tbody tr').first();
  await first.getByRole('link').click();
  await page.locator(`.area-view[data-area="${rows[0].area}"]`).waitFor();
  assert.equal(new URL(page.url()).hash, `#/area/${rows[0].area}`);
  await page.goBack();
  await page.locator('[data-view="overview"]').waitFor();
  assert.equal(await page.locator(`[data-view="overview"] [data-area="${rows[0].area}"] [data-field="open-area"]`).getAttribute('aria-current'), 'true');
  assert.deepEqual(page.errors, []);
});

test('people across designations: a row per person, per area where each certification counts or why not', async () => {
  const page = await app.open();
  const summary = await load(page, ['skilling-all-areas.csv']);
  // The people are asked for a page at a time; the full report lists them all.
  const report = { ...summary, people: (await fullReport(page)).people };
  assert.equal(report.people.length, summary.lists.people);
  await go(page, '#/people');
  const card = page.locator('.people-all');
  const ids = await everyPage(card, 'people-areas', (trs) => trs.map((tr) => tr.dataset.person));
  assert.deepEqual(ids, report.people.map((p) => p.id));
  while (await card.locator('[data-action="previous-page"]').isEnabled()) {
    await card.locator('[data-action="previous-page"]').click();
    await idle(card.locator('[data-table="people-areas"]'));
  }
  const headers = await card.locator('[data-table="people-areas"] thead th').allTextContents();
  assert.deepEqual(headers.slice(1), report.overview.map((r) => r.label));
  // The first page's people.
  for (const person of report.people.slice(0, 25)) {
    const row = card.locator(`tr[data-person="${person.id}"]`);
    for (const { area } of report.overview) {
      if (area === 'modern-work') continue;
      const verdicts = person.certifications.flatMap((c) => (c.areas ?? []).filter((a) => a.area === area).map((a) => `${c.matched ?? c.name}|${a.status}|${a.countsIn.join()}`));
      const distinct = [...new Set(verdicts)];
      const cell = row.locator(`td[data-area="${area}"]`);
      assert.equal(await cell.locator('[data-field="counts-in"]').count(), distinct.filter((v) => v.split('|')[1] === 'counted').length, `${person.id} ${area} counts`);
      assert.equal(await cell.locator('[data-field="why-not"]').count(), distinct.filter((v) => v.split('|')[1] !== 'counted').length, `${person.id} ${area} why not`);
    }
  }
  // Where a certification counts reads metric and step.
  const counted = report.people.slice(0, 25).flatMap((p) => p.certifications.flatMap((c) => (c.areas ?? []).filter((a) => a.status === 'counted' && a.countsIn.some((w) => w.includes('.step'))).map((a) => [p.id, a.area, a.countsIn[0]])))[0];
  assert.ok(counted);
  const [personId, area, path] = counted;
  const step = path.split('.step')[1];
  assert.match(await card.locator(`tr[data-person="${personId}"] td[data-area="${area}"]`).textContent(), new RegExp(`step ${step}`));
  assert.deepEqual(page.errors, []);
});

for (const [name, options] of [
  ['light', { colorScheme: 'light' }],
  ['dark', { colorScheme: 'dark' }],
  ['narrow', { colorScheme: 'light', viewport: { width: 390, height: 844 } }],
  ['narrow-dark', { colorScheme: 'dark', viewport: { width: 390, height: 844 } }],
]) {
  test(`six designations (${name}): overview, an Azure area with its charts and typed values, Security, people; axe clean; screenshots`, async () => {
    const page = await app.open('/', { bypassCSP: true, ...options });
    await page.clock.setFixedTime(new Date('2025-11-15T12:00:00Z'));
    await load(page, ['azure-usage-24-months.csv', 'skilling-all-areas.csv', 'security-m365.csv', 'security-azure.csv']);
    await page.locator('.overview').screenshot({ path: `${screenshots}/page-overview-${name}.png` });
    await page.locator('.next-all').screenshot({ path: `${screenshots}/page-next-steps-${name}.png` });
    const azure = await openArea(page, 'infrastructure');
    await azure.getByRole('button', { name: 'Enter values' }).click();
    assert.deepEqual(await axeViolations(page), []);
    await azure.screenshot({ path: `${screenshots}/page-azure-${name}.png` });
    const security = await openArea(page, 'security');
    await security.screenshot({ path: `${screenshots}/page-security-${name}.png` });
    await go(page, '#/people');
    await page.locator('.people-all').screenshot({ path: `${screenshots}/page-people-${name}.png` });
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(page.errors, []);
  });
}
