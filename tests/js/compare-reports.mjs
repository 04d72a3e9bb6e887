// Compares the reports and the CLI output of an earlier build with this one's,
// on every fixture set and every tests/corpus file, modulo the documented
// schemaVersion 2 change (README, "The report"):
//   - a tenant's options list only the association types it has rows under
//     (those left out must have been all zero);
//   - bestRatio and bestActive are rounded to four decimals.
// The CLI summary must be byte for byte the same; `--json` must parse to
// the same report (it is compact now, and Rust writes 64 as 64.0).
//   node tests/js/compare-reports.mjs OLD_DIST_DIR [NEW_DIST_DIR]
// Not a test (it needs an earlier build): the lead or a reviewer runs it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const [oldDir, newDir = join(root, 'dist')] = process.argv.slice(2).map((d) => resolve(d));
if (!oldDir) {
  console.error('usage: node tests/js/compare-reports.mjs OLD_DIST_DIR [NEW_DIST_DIR]');
  process.exit(2);
}
const older = await import(join(oldDir, 'node.js'));
const newer = await import(join(newDir, 'node.js'));

const fixtures = join(root, 'tests/fixtures');
const sets = [
  ['seed-sample-usage.csv'],
  ['mixed-60-tenants.csv', 'skilling-people.csv'],
  ['cpor-report-13-months.csv', 'skilling-people.csv'],
  ['semicolon-excel.csv', 'skilling-people.csv'],
  ['rules-2026.csv', 'training-completions.csv'],
  ...readFileSync(join(fixtures, 'areas/manifest.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => l.trim().split(/\s+/).map((f) => `areas/${f}`)),
].map((files) => files.map((f) => join(fixtures, f)));
const corpus = join(root, 'tests/corpus');
for (const f of readdirSync(corpus).filter((f) => f.endsWith('.csv')).sort()) sets.push([join(corpus, f)]);

const round = (r) => (r === null ? null : Math.round(r * 1e4) / 1e4);
const ZERO_MONTH = { mau: 0, deployed: false, bestRatio: null };

/** The earlier report with the documented change applied. */
function migrate(report, counts) {
  const copy = structuredClone(report);
  copy.schemaVersion = 2;
  for (const tenant of copy.tenants) {
    for (const track of Object.values(tenant.tracks)) {
      for (const [association, option] of Object.entries(track.options)) {
        if (tenant.associations.includes(association)) {
          option.asOf.bestRatio = round(option.asOf.bestRatio);
          option.baseline.bestRatio = round(option.baseline.bestRatio);
          continue;
        }
        // Left out: it must have been all zero.
        assert.deepStrictEqual(option.asOf, ZERO_MONTH, `${tenant.id} ${association}`);
        assert.deepStrictEqual(option.baseline, ZERO_MONTH, `${tenant.id} ${association}`);
        assert.ok(!option.growth && !option.deployment, `${tenant.id} ${association}`);
        delete track.options[association];
        counts.optionsDropped++;
      }
    }
  }
  for (const area of Object.values(copy.areas)) {
    for (const tenant of area.detail?.tenants ?? []) {
      for (const track of Object.values(tenant.m365?.tracks ?? {})) {
        track.bestActive = { asOf: round(track.bestActive.asOf), baseline: round(track.bestActive.baseline) };
      }
    }
  }
  return copy;
}

function reportOf(api, files, options) {
  const scorer = new api.Scorer({ today: '2025-11' });
  for (const f of files) scorer.addFile(f.split('/').pop(), readFileSync(f));
  const report = scorer.report(options);
  scorer.free();
  return report;
}

const cli = (dir, args) => spawnSync('node', [join(dir, 'cli.js'), ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });

const counts = { sets: 0, reports: 0, optionsDropped: 0, summaries: 0, jsonOutputs: 0, areaOutputs: 0, oldBytes: 0, newBytes: 0 };
for (const files of sets) {
  counts.sets++;
  const name = files.map((f) => f.split('/').pop()).join(' ');
  for (const options of [{}, { history: true, today: '2025-11-05', anniversary: '2026-03-01' }, { tenantLimit: 5 }]) {
    const before = reportOf(older, files, options);
    const after = reportOf(newer, files, options);
    assert.deepStrictEqual(after, migrate(before, counts), `${name} ${JSON.stringify(options)}`);
    counts.reports++;
  }
  const summaryOld = cli(oldDir, ['score', '--today', '2025-11-05', ...files]);
  const summaryNew = cli(newDir, ['score', '--today', '2025-11-05', ...files]);
  assert.equal(summaryNew.stdout, summaryOld.stdout, `summary of ${name}`);
  assert.equal(summaryNew.stderr, summaryOld.stderr, `stderr of ${name}`);
  assert.equal(summaryNew.status, summaryOld.status, `exit status of ${name}`);
  counts.summaries++;
  for (const area of ['modern-work', 'security']) {
    const o = cli(oldDir, ['score', '--area', area, ...files]);
    const n = cli(newDir, ['score', '--area', area, ...files]);
    assert.equal(n.stdout, o.stdout, `--area ${area} summary of ${name}`);
  }
  const jsonOld = cli(oldDir, ['score', '--json', ...files]);
  const jsonNew = cli(newDir, ['score', '--json', ...files]);
  assert.equal(jsonNew.status, jsonOld.status);
  assert.deepStrictEqual(JSON.parse(jsonNew.stdout), migrate(JSON.parse(jsonOld.stdout), counts), `--json ${name}`);
  counts.oldBytes += jsonOld.stdout.length;
  counts.newBytes += jsonNew.stdout.length;
  counts.jsonOutputs++;
  const areaOld = cli(oldDir, ['score', '--json', '--area', 'security', ...files]);
  const areaNew = cli(newDir, ['score', '--json', '--area', 'security', ...files]);
  assert.deepStrictEqual(JSON.parse(areaNew.stdout), migrate({ tenants: [], areas: { s: JSON.parse(areaOld.stdout) } }, counts).areas.s);
  counts.areaOutputs++;
}
console.log(JSON.stringify(counts));
