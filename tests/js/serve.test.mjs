// `npm start` serves www/ with sirv-cli (the `serve` script): on $PORT, on
// 127.0.0.1, and with the MIME type WebAssembly.instantiateStreaming needs.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
let server, base;

const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

before(async () => {
  const port = await freePort();
  // The `serve` script's own command, without a shell in between.
  const [cmd, ...args] = pkg.scripts.serve.split(' ');
  server = spawn(`${root}node_modules/.bin/${cmd}`, args, { cwd: root, env: { ...process.env, PORT: String(port), HOST: '' }, stdio: 'ignore' });
  base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      await fetch(`${base}/pkg/index.js`);
      return;
    } catch (e) {
      if (i > 100) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
});

after(() => server?.kill());

test('npm start runs the build, then the serve script on 127.0.0.1', () => {
  assert.match(pkg.scripts.start, /scripts\/build\.mjs.*npm run serve/);
  assert.match(pkg.scripts.serve, /^sirv www .*--host 127\.0\.0\.1/);
});

test('the .wasm is served as application/wasm, the modules as JavaScript', async () => {
  const wasm = await fetch(`${base}/pkg/spd_score_bg.wasm`);
  assert.equal(wasm.status, 200);
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  assert.ok(WebAssembly.validate(new Uint8Array(await wasm.arrayBuffer())));
  for (const name of ['index.js', 'spd_score.js']) {
    const js = await fetch(`${base}/pkg/${name}`);
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type'), /^(text|application)\/javascript/);
  }
});
