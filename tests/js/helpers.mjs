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

/**
 * The six-area scenarios of tests/fixtures/areas (manifest.txt) whose files
 * this version reads, each compared area by area with its expected file:
 * skilling lists, typed values, the business applications downloads, the
 * Azure usage report (the Azure areas and Security's Azure part) and the
 * Office usage download (Security's Microsoft 365 part).
 */
const readLayouts = (name) => /^(skilling|manual|bizapps|azure|security)/.test(name);
export const areaCases = readFileSync(fixture('areas/manifest.txt'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => line.trim().split(/\s+/).map((name) => `areas/${name}`))
  .filter((files) => files.every((f) => readLayouts(f.slice('areas/'.length))))
  .map((files) => ({
    first: files[0],
    files,
    expected: JSON.parse(readFileSync(fixture(files[0].replace('.csv', '.expected.json')), 'utf8')),
  }));

/** The Azure usage scenario, for what its three Azure areas explain beyond the expected figures. */
export const azureAreaCase = {
  files: ['areas/azure-usage-24-months.csv', 'areas/skilling-all-areas.csv'],
  areas: ['data-ai', 'infrastructure', 'digital-app-innovation'],
  expected: JSON.parse(readFileSync(fixture('areas/azure-usage-24-months.expected.json'), 'utf8')),
};

/**
 * As ../shared/tools/compare-areas.py: every key of `expected` is in
 * `actual`, numbers within 1e-6, and a `value: null` is not compared (the
 * spec does not pin it).
 */
export function assertAreas(expected, actual, path = 'report') {
  if (expected !== null && typeof expected === 'object') {
    assert.ok(actual !== null && typeof actual === 'object', `${path} is missing`);
    for (const [key, value] of Object.entries(expected)) {
      if (key === 'value' && value === null) continue;
      assertAreas(value, actual[key], `${path}.${key}`);
    }
  } else if (typeof expected === 'number') {
    assert.ok(typeof actual === 'number' && Math.abs(actual - expected) < 1e-6, `${path}: expected ${expected}, got ${actual}`);
  } else {
    assert.equal(actual, expected, path);
  }
}

/** Every leaf of `expected` must be in `actual` at the same path. */
export function assertSubset(expected, actual, path = 'report') {
  if (expected !== null && typeof expected === 'object') {
    assert.ok(actual !== null && typeof actual === 'object', `${path} is missing`);
    for (const [key, value] of Object.entries(expected)) assertSubset(value, actual[key], `${path}.${key}`);
  } else {
    assert.equal(actual, expected, path);
  }
}
