// The `spd-score` command: figures, summary, exit codes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { areaCases, assertSubset, cases, fixture, modernWork } from './helpers.mjs';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const run = (...args) => spawnSync('node', [cli, ...args], { encoding: 'utf8' });
const path = (name) => fileURLToPath(fixture(name));

for (const { usage, files, expected } of cases) {
  test(`spd-score score --json ${usage}: same figures as expected`, () => {
    const result = run('score', '--json', ...files.map(path));
    assert.equal(result.status, 0, result.stderr);
    assertSubset(expected, modernWork(JSON.parse(result.stdout)), "report.areas['modern-work']");
  });
}

test('the summary reads like Partner Center', () => {
  const result = run('score', path('cpor-report-13-months.csv'), path('skilling-people.csv'));
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /Status: Qualified \(best track: SMB\)/);
  assert.match(result.stdout, /SMB: 74 \/ 100, Qualified/);
  assert.match(result.stdout, /Enterprise: 62 \/ 100 \(61\.5\), In progress/);
  assert.match(result.stdout, /Usage growth\s+30\.0 \/ 30/);
  assert.match(result.stdout, /cpor-report-13-months\.csv: usage, 1476 rows, 0 skipped, 2024-10 to 2025-10/);
});

test('the summary opens on the overview and the badge, then each scored area', () => {
  const result = run('score', path('areas/skilling-all-areas.csv'), path('areas/manual-values.csv'));
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^Solutions Partner overview\n {2}Modern Work +at least 5 +Incomplete/);
  assert.match(result.stdout, /Infrastructure +78 +Qualified +SMB \(typed from Partner Center\)/);
  assert.match(result.stdout, /Solutions Partner for Microsoft Cloud: 3 of 6 qualified/);
  // The badge groups, each attained by a qualified area of its own.
  assert.match(result.stdout, /\nBadge groups \(display only[^\n]*\n {2}Solutions Partner for AI Business Solutions +attained: Business Applications Qualified\n {2}Solutions Partner for Cloud & AI Platforms +attained: Infrastructure Qualified\n {2}Solutions Partner for Security +attained: Security Qualified\n/);
  assert.match(result.stdout, /Solutions Partner for Data & AI/);
  assert.match(result.stdout, /Intermediate certifications +16\.0 \/ 40 +step 1 \(gate\) 2 met, step 2 \(gate\) 1 met, step 3 2/);
  assert.match(result.stdout, /manual-values\.csv:19 column Metric value "advancedCertifications": Security has no metric/);
});

test('a group none of whose areas qualifies is not attained', () => {
  const result = run('score', path('areas/skilling-all-areas.csv'));
  assert.match(result.stdout, / {2}Solutions Partner for Cloud & AI Platforms +not attained\n/);
});

test('an area read from its exports says what is within reach', () => {
  const result = run('score', '--area', 'business-applications', path('areas/bizapps-revenue.csv'), path('areas/bizapps-usage.csv'));
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /Within reach:\n {2}- Enterprise: 4,000 more MCV in Northwind Traders' Power BI makes it a deployment: 20 more monthly users\./);
});

test('--area shows one area after the overview; with --json, its part of the report', () => {
  const text = run('score', '--area', 'security', path('areas/manual-values.csv')).stdout;
  assert.match(text, /Solutions Partner for Security/);
  assert.doesNotMatch(text, /Solutions Partner for Infrastructure \(Azure\),/);
  const json = JSON.parse(run('score', '--json', '--area', 'security', path('areas/manual-values.csv')).stdout);
  assert.equal(json.total, 72);
  assert.equal(json.status, 'qualified');
  const bad = run('score', '--area', 'nowhere', path('areas/manual-values.csv'));
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--area must be one of modern-work, security/);
});

test('the CLI gives the Azure usage scenario its three Azure areas\' figures', async () => {
  const { azureAreaCase, assertAreas } = await import('./helpers.mjs');
  const { files, areas, expected } = azureAreaCase;
  const result = run('score', '--json', ...files.map(path));
  assert.equal(result.status, 0, result.stderr);
  const json = JSON.parse(result.stdout);
  for (const id of areas) assertAreas(expected.areas[id], json.areas[id], `report.areas.${id}`);
  const text = run('score', ...files.map(path)).stdout;
  assert.match(text, /azure-usage-24-months\.csv: azureUsage, 21 rows, 0 skipped, 2023-11 to 2025-10/);
  assert.match(text, /Infrastructure +71 +Qualified +SMB \(classified: 80% SMB customers\)/);
});

test('the CLI gives every area scenario its expected figures', async () => {
  const { areaCases, assertAreas } = await import('./helpers.mjs');
  for (const { files, expected } of areaCases) {
    const json = JSON.parse(run('score', '--json', ...files.map(path)).stdout);
    assertAreas(expected, json);
  }
});

test('--as-of picks another month', () => {
  const result = run('score', '--json', '--as-of', '2025-09', path('cpor-report-13-months.csv'));
  assert.equal(modernWork(JSON.parse(result.stdout)).asOf, '2025-09');
});

test('row errors still exit 0 and are listed with file:line, column and value; warnings too', () => {
  const dir = mkdtempSync(join(tmpdir(), 'spd-cli-'));
  const bad = join(dir, 'bad.csv');
  writeFileSync(bad, 'CustomerTenantName,PartnerAttachType,WorkloadName,MonthName,ActiveUsage,QualifiedUsage\nT,CSP,Teams,Oct-2025,abc,20\n');
  const result = run('score', path('seed-sample-usage.csv'), bad, join(dir, 'no-such.csv'));
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stderr, /no-such\.csv: no such file/);
  assert.match(result.stdout, /Errors:\n {2}- bad\.csv:2 column ActiveUsage value "abc": /);
  assert.match(result.stdout, /Warnings:\n {2}- .*No skilling list was loaded/);
  const json = JSON.parse(run('score', '--json', bad).stdout);
  assert.deepEqual(json.errors.map((e) => [e.file, e.line, e.column, e.value]), [['bad.csv', 2, 'ActiveUsage', 'abc']]);
});

test('the metric the best option counts for is marked', () => {
  const result = run('score', path('mixed-60-tenants.csv'), path('skilling-people.csv'));
  assert.match(result.stdout, /Enterprise: 61 \/ 100 \(61\.2625\), In progress/);
  assert.match(result.stdout, /Usage growth\s+28\.8 \/ 30 +CPOR 352 of 1,000, DPOR 3,835 of 4,000 \(counts\)/);
  assert.match(result.stdout, /Deployments\s+10\.0 \/ 25 +CPOR 2 of 5 \(counts\), DPOR 0 of 10/);
});

test('a missing baseline: unknown metrics and an incomplete track, not zeros', () => {
  const csv = readFileSync(path('seed-sample-usage.csv'), 'utf8').split('\n');
  const dir = mkdtempSync(join(tmpdir(), 'spd-cli-'));
  writeFileSync(join(dir, 'one-month.csv'), [csv[0], ...csv.filter((l) => l.includes('2025'))].join('\n'));
  const result = run('score', join(dir, 'one-month.csv'));
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /Enterprise: 0 \/ 100, Incomplete \(some metrics are unknown/);
  assert.match(result.stdout, /Net customer adds\s+\? \/ 20 +unknown of 5/);
  assert.match(result.stdout, /The baseline month 2024-10 .* is not in the usage data/);
});

test('--as-of=YYYY-MM, and - reads standard input', () => {
  const result = spawnSync('node', [cli, 'score', '--json', '--as-of=2025-09', '-'], { input: readFileSync(path('cpor-report-13-months.csv')), encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  const report = JSON.parse(result.stdout);
  assert.equal(modernWork(report).asOf, '2025-09');
  assert.equal(report.files[0].name, 'stdin');
  assert.equal(report.files[0].kind, 'usage');
});

test('a large report piped out is written whole', () => {
  const result = run('score', '--json', '--history', path('cpor-report-13-months.csv'), path('skilling-people.csv'));
  assert.equal(result.status, 0);
  // More than a pipe's buffer.
  assert.ok(result.stdout.length > 65_536, `${result.stdout.length} characters`);
  assert.equal(modernWork(JSON.parse(result.stdout)).history.length, 13);
});

test('exit 1 when no file could be read', () => {
  assert.equal(run('score', '/nonexistent.csv').status, 1);
  assert.equal(run('score', cli).status, 1, 'a JavaScript file is no export');
});

test('exit 2 on bad arguments; --help', () => {
  assert.equal(run().status, 2);
  assert.equal(run('score').status, 2);
  assert.equal(run('score', '--as-of', 'Oct', path('seed-sample-usage.csv')).status, 2);
  assert.equal(run('score', '--as-of', '2025-13', path('seed-sample-usage.csv')).status, 2);
  assert.equal(run('score', '--bogus', path('seed-sample-usage.csv')).status, 2);
  assert.equal(run('score', '--json=yes', path('seed-sample-usage.csv')).status, 2);
  assert.equal(run('frobnicate', path('seed-sample-usage.csv')).status, 2);
  assert.match(run('score', '--bogus', 'x.csv').stderr, /unknown option '--bogus'/);
  const help = run('--help');
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Usage: spd-score score \[options\] FILE/);
  assert.match(help.stdout, /--as-of YYYY-MM/);
  assert.equal(run('score', '--help').status, 0);
  assert.match(run('--version').stdout, /^\d+\.\d+\.\d+\n$/);
});

test('--json is compact, --pretty indents it; --tenant-limit and --area still apply', () => {
  const files = [path('mixed-60-tenants.csv'), path('skilling-people.csv')];
  const compact = run('score', '--json', '--tenant-limit', '7', ...files);
  const pretty = run('score', '--json', '--pretty', '--tenant-limit', '7', ...files);
  assert.equal(compact.status, 0);
  assert.equal(compact.stdout.split('\n').length, 2, 'one line and its newline');
  assert.ok(pretty.stdout.startsWith('{\n  "schemaVersion": 3,\n'));
  const report = JSON.parse(compact.stdout);
  assert.deepStrictEqual(JSON.parse(pretty.stdout), report);
  // Every list inline: the tenants limited, their count whole.
  assert.equal(modernWork(report).tenants.length, 7);
  assert.equal(modernWork(report).lists.tenants, 49);
  assert.equal(report.people.length, report.lists.people);
  const area = JSON.parse(run('score', '--json', '--pretty', '--tenant-limit', '7', '--area', 'modern-work', ...files).stdout);
  assert.deepStrictEqual(area, modernWork(report));
  assert.equal(run('score', '--pretty', ...files).status, 2, '--pretty goes with --json');
});

test('a directory is no file', () => {
  const result = run('score', tmpdir());
  assert.equal(result.status, 1);
  assert.match(result.stderr, /is a directory/);
});

test("every area scenario passes ../shared/tools/compare-areas.py on the CLI's --json", (t) => {
  const tool = fileURLToPath(new URL('../../../shared/tools/compare-areas.py', import.meta.url));
  if (!existsSync(tool)) return t.skip('../shared/tools is not beside this checkout');
  const dir = mkdtempSync(join(tmpdir(), 'spd-compare-'));
  for (const { first, files } of areaCases) {
    const out = join(dir, 'report.json');
    const result = run('score', '--json', ...files.map(path));
    assert.equal(result.status, 0, result.stderr);
    writeFileSync(out, result.stdout);
    const compared = spawnSync('python3', [tool, path(first.replace('.csv', '.expected.json')), out], { encoding: 'utf8' });
    const mismatches = compared.stdout.split('\n').filter(Boolean);
    assert.deepEqual(mismatches, [], first);
  }
});

test('the overview and each area card show the 25-point incentive line (designations.md §12)', () => {
  const result = run('score', path('areas/azure-programmatic.csv'), path('areas/training-programmatic.csv'));
  assert.equal(result.status, 0, result.stderr);
  // Data & AI: SMB 23.83 known in full; Infrastructure: SMB above 25; Security: a lower bound below 25.
  assert.match(result.stdout, /Data & AI +24 +In progress .*· 25-point incentive line: not met: 1\.2 points to go/);
  assert.match(result.stdout, /Infrastructure +32 +In progress .*· 25-point incentive line: met\n/);
  assert.match(result.stdout, /Security +at least 4 +Incomplete .*· 25-point incentive line: cannot tell: at least 4\n/);
  assert.doesNotMatch(result.stdout, /Business Applications .*incentive line/);
  assert.match(result.stdout, /Solutions Partner for Data & AI \(Azure\), as of [^\n]*\nStatus: [^\n]*\n25-point incentive line: not met: 1\.2 points to go\n/);
});
