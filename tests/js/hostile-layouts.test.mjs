// The hostile corpus of every layout (tests/corpus-layouts/README.md), in
// Node through the wasm core (every case) and through the CLI (a case of
// every error kind): the good rows score as the good file, and the broken
// one is one error of its kind, file and line.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { score } from '../../dist/node.js';

const dir = fileURLToPath(new URL('../corpus-layouts/', import.meta.url));
const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const read = (name) => readFileSync(join(dir, name));
const cell = (s) => s.trim().replace(/^`|`$/g, '');

const cases = readFileSync(join(dir, 'README.md'), 'utf8')
  .split('\n')
  .filter((l) => l.startsWith('| `'))
  .map((l) => {
    const cells = l.replace(/^\||\|$/g, '').split('|');
    const kind = cell(cells[3]);
    const line = Number.parseInt(cell(cells[4]), 10);
    return {
      file: cell(cells[0]),
      good: cell(cells[1]),
      beside: cells[2].split('+').map(cell).filter((b) => b !== '-'),
      kind: kind === '-' ? null : kind,
      line: Number.isNaN(line) ? null : line,
    };
  });
// A file of its own, dropped beside the good file rather than in its place.
const ownFile = (c) => c.kind === 'notCsv' || c.kind === 'tooManyColumns';

const figures = (r) => ({ asOf: r.asOf, months: r.months, tracks: r.tracks, tenants: r.tenants, people: r.people, areas: r.areas });

/** Checks a case's report against its good file's. */
function check(c, good, report) {
  const file = ownFile(c) ? 'dropped.csv' : c.good;
  if (c.kind === null) {
    assert.equal(report.errors.length, good.errors.length, JSON.stringify(report.errors));
  } else {
    assert.equal(report.errors.length, good.errors.length + 1, JSON.stringify(report.errors));
    assert.ok(
      report.errors.some((e) => e.kind === c.kind && e.file === file && e.line === c.line),
      `${c.kind} on line ${c.line} of ${file}: ${JSON.stringify(report.errors)}`,
    );
  }
  assert.deepStrictEqual(figures(report), figures(good));
}

test('the table has a case of every layout', () => {
  assert.ok(cases.length >= 100, `${cases.length}`);
  assert.equal(new Set(cases.map((c) => c.good)).size, 12);
});

const goodReports = new Map();
for (const c of cases) {
  test(`${c.file} in Node: ${c.kind ?? 'no error'}${c.line ? ` on line ${c.line}` : ''}, the good rows kept`, async () => {
    const beside = c.beside.map((name) => ({ name, bytes: read(name) }));
    const key = [c.good, ...c.beside].join('+');
    if (!goodReports.has(key)) goodReports.set(key, await score([{ name: c.good, bytes: read(c.good) }, ...beside], { today: '2026-12' }));
    const broken = read(`cases/${c.file}`);
    const files = ownFile(c)
      ? [{ name: c.good, bytes: read(c.good) }, ...beside, { name: 'dropped.csv', bytes: broken }]
      : [{ name: c.good, bytes: broken }, ...beside];
    check(c, goodReports.get(key), await score(files, { today: '2026-12' }));
  });
}

// Through the CLI: the first case of each error kind (a process per run).
const tmp = mkdtempSync(join(tmpdir(), 'spd-hostile-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const runCli = (paths) => {
  const result = spawnSync('node', [cli, 'score', '--json', '--today', '2026-12-05', ...paths], { encoding: 'utf8', maxBuffer: 1 << 26 });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout);
};
const kinds = new Set();
for (const c of cases.filter((c) => !kinds.has(c.kind) && kinds.add(c.kind))) {
  test(`spd-score score ${c.file}: ${c.kind ?? 'no error'}, the good rows kept`, () => {
    const here = mkdtempSync(join(tmp, 'case-'));
    const beside = c.beside.map((name) => join(dir, name));
    const good = runCli([join(dir, c.good), ...beside]);
    copyFileSync(join(dir, 'cases', c.file), join(here, ownFile(c) ? 'dropped.csv' : c.good));
    const paths = ownFile(c) ? [join(dir, c.good), ...beside, join(here, 'dropped.csv')] : [join(here, c.good), ...beside];
    check(c, good, runCli(paths));
  });
}
