// Shared by the browser tests: the page served on a free loopback port,
// Debian's Chromium driven by playwright-core, and the shared fixtures.
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { chromium } from 'playwright-core';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const fixture = (name) => `${root}tests/fixtures/${name}`;
export const expected = (usage) => JSON.parse(readFileSync(fixture(usage.replace('.csv', '.expected.json')), 'utf8'));
export const screenshots = `${root}test-results/screenshots`;
mkdirSync(screenshots, { recursive: true });

export async function start() {
  const server = createServer(sirv(`${root}www`, { dev: true })).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
  return {
    origin,
    browser,
    /** A page that records every request and every script error. */
    async open(path = '/', options = {}) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
      const page = await context.newPage();
      page.requests = [];
      page.errors = [];
      page.dialogs = [];
      page.on('request', (r) => page.requests.push(r.url()));
      page.on('pageerror', (e) => page.errors.push(e.message));
      page.on('dialog', (d) => (page.dialogs.push(d.message()), d.dismiss()));
      await page.goto(origin + path);
      return page;
    },
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/** Chooses files in the component's picker and waits for the dashboard. */
export async function drop(page, files, host = page) {
  await host.locator('spd-score-calculator input[type="file"]').first().setInputFiles(files);
  await page.locator('[data-view="overview"] [data-area] [data-field="total"]').first().waitFor();
}

/** Waits until the component has shown a report after `action`. */
export async function reportAfter(page, action) {
  const done = page.evaluate(
    () => new Promise((resolve) => document.querySelector('spd-score-calculator').addEventListener('spd-score:report', (e) => resolve(e.detail), { once: true })),
  );
  await action();
  return done;
}

/** The displayed figures of each track of an area (default: Modern Work), as Partner Center rounds them; opens its view. */
export async function shown(page, area = 'modern-work') {
  await openArea(page, area);
  return page.evaluate((area) => {
    const root = document.querySelector('spd-score-calculator').shadowRoot;
    const out = {};
    for (const section of root.querySelectorAll(`.area-view[data-area="${area}"] .area-track[data-track]`)) {
      const metrics = {};
      for (const card of section.querySelectorAll('[data-metric]')) metrics[card.dataset.metric] = card.querySelector('[data-field="points"]').textContent;
      out[section.dataset.track] = {
        total: section.querySelector('[data-field="total"]').textContent,
        exact: Number(section.querySelector('[data-field="total"]').dataset.exact),
        status: section.querySelector('[data-field="status"]').textContent,
        metrics,
      };
    }
    return out;
  }, area);
}

/** Serious and critical axe violations on the page (open it with bypassCSP: axe is injected inline). */
export async function axeViolations(page) {
  await page.addScriptTag({ path: `${root}node_modules/axe-core/axe.min.js` });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.length} node(s): ${v.nodes[0]?.target}`);
  });
}

/** The ruleset built into the page's core (www/pkg), as the worker reads it. */
export async function defaultRuleset() {
  const api = await import(`${root}www/pkg/index.js`);
  await api.load();
  return api.defaultRuleset();
}

/** Opens an area from its card in the overview (going to the overview first); returns its view, its tables filled. */
export async function openArea(page, area) {
  const view = page.locator(`.area-view[data-area="${area}"]`);
  if (await view.count()) return (await settled(page), view);
  await page.locator('nav.views [data-route="#/"]').click();
  await page.locator(`[data-view="overview"] [data-area="${area}"] [data-field="open-area"]`).click();
  await view.waitFor();
  await settled(page);
  return view;
}

/** The metric points of each track of an area view, as shown ("16.0", "—"). */
export function areaPoints(view) {
  return view.locator('.area-track[data-track]').evaluateAll((tracks) =>
    Object.fromEntries(
      tracks.map((t) => [
        t.dataset.track,
        {
          total: t.querySelector('[data-field="total"]').textContent,
          status: t.querySelector('[data-field="status"]').textContent,
          decides: Boolean(t.querySelector('[data-field="decides"]')),
          metrics: Object.fromEntries([...t.querySelectorAll('[data-metric]')].map((m) => [m.dataset.metric, m.querySelector('[data-field="points"]').textContent])),
        },
      ]),
    ),
  );
}

/** Chooses files (full paths) in the component's file input; waits for the overview of their report and returns the report. */
export async function loadFiles(page, paths) {
  await page.locator('.drop').waitFor();
  const report = await reportAfter(page, () => page.locator('spd-score-calculator input[type="file"]').first().setInputFiles(paths));
  await page.locator('[data-view="overview"]').waitFor();
  return report;
}

/** Opens a view from the bar of views: '#/', '#/people', '#/what-if', '#/files', '#/area/<id>'. */
export async function go(page, route) {
  await page.locator(`nav.views [data-route="${route}"]`).click();
  await page.locator(`.view[data-route="${route}"]`).waitFor();
  await settled(page);
}

/** Waits until a table (a locator) has its rows: it is aria-busy while it asks the worker for them. */
export async function idle(table) {
  await table.first().waitFor();
  await table.page().waitForFunction((el) => !el.hasAttribute('aria-busy'), await table.first().elementHandle());
}

/** Waits until no table or section of the element is waiting for rows (aria-busy). */
export async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('spd-score-calculator')?.shadowRoot?.querySelector('[aria-busy]'));
}

/** The report with every list inline, as "Download report (JSON)" saves it. */
export async function fullReport(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download report (JSON)' }).click()]);
  return JSON.parse(readFileSync(await download.path(), 'utf8'));
}
