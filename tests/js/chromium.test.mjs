// The same wasm module in headless Chromium (Debian's), on the same figures.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { chromium } from 'playwright-core';
import { areaCases, assertAreas, assertSubset, cases, modernWork } from './helpers.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
let server, browser, page;
const consoleMessages = [];
const wasmResponses = [];

before(async () => {
  server = createServer(sirv(root, { dev: true })).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
  page = await browser.newPage();
  page.on('console', (m) => consoleMessages.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => consoleMessages.push(`pageerror: ${e.message}`));
  page.on('response', (r) => {
    if (r.url().endsWith('.wasm')) wasmResponses.push(r.headers()['content-type']);
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) consoleMessages.push(`error: ${r.status()} ${r.url()}`);
  });
  // Any page of the origin will do: the module is imported into it.
  await page.goto(`http://127.0.0.1:${server.address().port}/tests/fixtures/README.md`);
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Scores fixture files in the page, fetched from the server as a browser would. */
const scoreInPage = (names) =>
  page.evaluate(async (names) => {
    const { score } = await import('/dist/index.js');
    const files = await Promise.all(
      // Named as a user's files are, without the folder.
      names.map(async (name) => ({ name: name.split('/').pop(), bytes: new Uint8Array(await (await fetch(`/tests/fixtures/${name}`)).arrayBuffer()) })),
    );
    return score(files);
  }, names);

for (const { usage, files, expected } of cases) {
  test(`Chromium: ${usage} gives the expected figures`, async () => {
    assertSubset(expected, modernWork(await scoreInPage(files)), "report.areas['modern-work']");
  });
}

for (const { first, files, expected } of areaCases) {
  test(`Chromium: ${first} gives every area's expected figures`, async () => {
    assertAreas(expected, await scoreInPage(files));
  });
}

test('Chromium: the module compiled from the stream (served as application/wasm), with no console errors', async () => {
  const ready = await page.evaluate(async () => {
    const { load, version } = await import('/dist/index.js');
    await load();
    return version();
  });
  assert.match(ready, /^\d+\.\d+\.\d+$/);
  assert.deepEqual([...new Set(wasmResponses)], ['application/wasm']);
  // wasm-bindgen warns and falls back to a slower path on a wrong MIME type.
  const problems = consoleMessages.filter((m) => /^(error|warning|pageerror)/.test(m) && !/Failed to load resource/.test(m));
  assert.deepEqual(problems, []);
});
