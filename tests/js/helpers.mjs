// Shared by the JS tests: fixtures and the subset comparison of reports.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

export const root = new URL('../../', import.meta.url);
export const fixture = (name) => new URL(`tests/fixtures/${name}`, root);
export const readFixture = (name) => readFileSync(fixture(name));

/** Each usage fixture, the files it is scored with, and its expected figures. */
export const cases = [
  ['seed-sample-usage.csv', []],
  ['mixed-60-tenants.csv', ['skilling-people.csv']],
  ['cpor-report-13-months.csv', ['skilling-people.csv']],
  ['semicolon-excel.csv', ['skilling-people.csv']],
  ['rules-2026.csv', ['training-completions.csv']],
].map(([usage, others]) => ({
  usage,
  files: [usage, ...others],
  expected: JSON.parse(readFileSync(fixture(usage.replace('.csv', '.expected.json')), 'utf8')),
}));

/** Every leaf of `expected` must be in `actual` at the same path. */
export function assertSubset(expected, actual, path = 'report') {
  if (expected !== null && typeof expected === 'object') {
    assert.ok(actual !== null && typeof actual === 'object', `${path} is missing`);
    for (const [key, value] of Object.entries(expected)) assertSubset(value, actual[key], `${path}.${key}`);
  } else {
    assert.equal(actual, expected, path);
  }
}
