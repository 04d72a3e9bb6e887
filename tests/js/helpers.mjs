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
 * Every six-area scenario of tests/fixtures/areas (manifest.txt), each
 * compared with its expected file.
 */
export const areaCases = readFileSync(fixture('areas/manifest.txt'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => line.trim().split(/\s+/).map((name) => `areas/${name}`))
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

/** A kind (`bizapps-licence-usage`, `bizappsLicenceUsage`) without case or punctuation. */
const kind = (v) => String(v ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * As ../shared/tools/compare-areas.py: every key of `expected` is in
 * `actual`, numbers within 1e-6, and a `value: null` is not compared (the
 * spec does not pin it); badge groups by id (their areas as a set), files by
 * name, kinds without case or punctuation, and each expected error among the
 * report's by file and kind.
 */
export function assertAreas(expected, actual, path = 'report') {
  if (Array.isArray(expected) && /\.(badges|files)$/.test(path)) {
    const key = path.endsWith('.badges') ? 'id' : 'name';
    for (const e of expected) {
      const found = actual?.find((a) => kind(a[key]) === kind(e[key]));
      assert.ok(found, `${path}: no ${key} ${e[key]}`);
      assertAreas(e, found, `${path}[${e[key]}]`);
    }
  } else if (Array.isArray(expected) && path.endsWith('.errors')) {
    for (const e of expected) assert.ok(actual?.some((a) => a.file === e.file && kind(a.kind) === kind(e.kind)), `${path}: no ${e.kind} error for ${e.file}`);
  } else if (Array.isArray(expected) && /\.badges\[[^\]]+\]\.areas$/.test(path)) {
    assert.deepEqual([...actual].sort(), [...expected].sort(), path);
  } else if (expected !== null && typeof expected === 'object') {
    assert.ok(actual !== null && typeof actual === 'object', `${path} is missing`);
    for (const [key, value] of Object.entries(expected)) {
      if (key === 'value' && value === null) continue;
      assertAreas(value, actual[key], `${path}.${key}`);
    }
  } else if (path.endsWith('.kind')) {
    assert.equal(kind(actual), kind(expected), path);
  } else if (typeof expected === 'number') {
    assert.ok(typeof actual === 'number' && Math.abs(actual - expected) < 1e-6, `${path}: expected ${expected}, got ${actual}`);
  } else {
    assert.equal(actual, expected, path);
  }
}

/** Modern Work's part of a report (schema 3): what the usage fixtures' expected files describe. */
export const modernWork = (report) => report.areas['modern-work'];

/** Every leaf of `expected` must be in `actual` at the same path. */
export function assertSubset(expected, actual, path = 'report') {
  if (expected !== null && typeof expected === 'object') {
    assert.ok(actual !== null && typeof actual === 'object', `${path} is missing`);
    for (const [key, value] of Object.entries(expected)) assertSubset(value, actual[key], `${path}.${key}`);
  } else {
    assert.equal(actual, expected, path);
  }
}
