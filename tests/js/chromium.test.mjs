// The same wasm module in headless Chromium (Debian's), on the same figures.
import { after, before, test } from 'node:test';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { chromium } from 'playwright-core';
import { assertSubset, cases } from './helpers.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
let server, browser, page;

before(async () => {
  server = createServer(sirv(root, { dev: true })).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
  page = await browser.newPage();
  // Any page of the origin will do: the module is imported into it.
  await page.goto(`http://127.0.0.1:${server.address().port}/tests/fixtures/README.md`);
});

after(async () => {
  await browser?.close();
  server?.close();
});

for (const { usage, files, expected } of cases) {
  test(`Chromium: ${usage} gives the expected figures`, async () => {
    const report = await page.evaluate(async (names) => {
      const { score } = await import('/dist/index.js');
      const files = await Promise.all(
        names.map(async (name) => ({ name, bytes: new Uint8Array(await (await fetch(`/tests/fixtures/${name}`)).arrayBuffer()) })),
      );
      return score(files);
    }, files);
    assertSubset(expected, report);
  });
}
