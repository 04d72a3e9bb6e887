// The `spd-score` command: figures, summary, exit codes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { assertSubset, cases, fixture } from './helpers.mjs';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const run = (...args) => spawnSync('node', [cli, ...args], { encoding: 'utf8' });
const path = (name) => fileURLToPath(fixture(name));

for (const { usage, files, expected } of cases) {
  test(`spd-score score --json ${usage}: same figures as expected`, () => {
    const result = run('score', '--json', ...files.map(path));
    assert.equal(result.status, 0, result.stderr);
    assertSubset(expected, JSON.parse(result.stdout));
  });
}

test('the summary reads like Partner Center', () => {
  const result = run('score', path('cpor-report-13-months.csv'), path('skilling-people.csv'));
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /Status: Qualified \(best track: SMB\)/);
  assert.match(result.stdout, /SMB: 74 \/ 100 \(74\), Qualified/);
  assert.match(result.stdout, /Enterprise: 64 \/ 100 \(64\), In progress/);
  assert.match(result.stdout, /Usage growth\s+30\.0 \/ 30/);
  assert.match(result.stdout, /cpor-report-13-months\.csv: usage, 1476 rows, 0 skipped, 2024-10 to 2025-10/);
});

test('--as-of picks another month', () => {
  const result = run('score', '--json', '--as-of', '2025-09', path('cpor-report-13-months.csv'));
  assert.equal(JSON.parse(result.stdout).asOf, '2025-09');
});

test('row errors still exit 0 and are listed with file, line, column and value', () => {
  const bad = path('skilling-people.csv').replace('skilling-people.csv', 'no-such.csv');
  const result = run('score', path('seed-sample-usage.csv'), bad);
  assert.equal(result.status, 0);
  assert.match(result.stderr, /no-such\.csv: no such file/);
});

test('exit 1 when no file could be read', () => {
  assert.equal(run('score', '/nonexistent.csv').status, 1);
  assert.equal(run('score', cli).status, 1, 'a JavaScript file is no export');
});

test('exit 2 on bad arguments; --help', () => {
  assert.equal(run().status, 2);
  assert.equal(run('score').status, 2);
  assert.equal(run('score', '--as-of', 'Oct', path('seed-sample-usage.csv')).status, 2);
  assert.equal(run('score', '--bogus', path('seed-sample-usage.csv')).status, 2);
  const help = run('--help');
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Usage: spd-score score \[options\] FILE/);
});
