// The TypeScript declarations type-check an example that uses the API and
// the report the way a consumer would (and reject a wrong use).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsc = join(root, 'node_modules/typescript/bin/tsc');

function typeCheck(source) {
  const dir = mkdtempSync(join(tmpdir(), 'spd-types-'));
  writeFileSync(join(dir, 'example.ts'), source.replaceAll('DIST', join(root, 'dist/index.js')));
  return spawnSync('node', [tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', join(dir, 'example.ts')], { encoding: 'utf8' });
}

test('an example consumer type-checks', () => {
  const result = typeCheck(`
    import { load, Scorer, score, type Report, type TenantReport, type Rows, type TrackReport } from 'DIST';
    async function main(bytes: Uint8Array): Promise<string> {
      await load();
      const scorer = new Scorer({ today: '2025-11' }).addFile('u.csv', bytes);
      const report: Report = scorer.report({ asOf: '2025-10', history: true });
      const mw = report.areas['modern-work'];
      const smb = mw.tracks.smb as TrackReport;
      const growth = smb.metrics.usageGrowth.options['CSP'];
      const points: number | null = smb.metrics.deployments.points;
      const page: Rows = scorer.rows({ list: 'tenants', area: 'modern-work', sort: 'contribution', descending: true, limit: 50 });
      const first = page.rows[0] as TenantReport | undefined;
      const eligible: boolean | undefined = first?.tracks.enterprise?.eligible.asOf;
      const failed: string | undefined = scorer.rows({ list: 'nothing', area: 'security' }).error?.kind;
      const errors = report.errors.map((e) => \`\${e.file}:\${e.line} \${e.column} \${e.value}: \${e.message}\`);
      const sim = new Scorer().simulate({ customers: [{ association: 'CSP', workloads: ['Teams'], mau: 30, pau: 50 }] });
      const change: number = sim.changes.smb.totalChange;
      const again = await score([{ name: 'u.csv', bytes }], { asOf: '2025-10', detail: 'full' });
      const brief: Report = scorer.summary({ asOf: '2025-10' });
      const pieces: Uint8Array[] = [];
      const { files } = scorer.writeReport((piece) => pieces.push(piece), { pretty: true, area: 'security', detail: 'full', tenantLimit: 10 });
      return [mw.status, smb.status, growth?.value, points, page.total, eligible, failed, errors.length, change, again.areas['modern-work'].tenants?.length, brief.lists.people, files[0]?.kind].join();
    }
    export { main };
  `);
  assert.equal(result.status, 0, result.stdout + result.stderr);
});

test('a wrong use is rejected', () => {
  const result = typeCheck(`
    import { Scorer } from 'DIST';
    const status: 'done' = new Scorer().report().areas['modern-work'].status;
    export { status };
  `);
  assert.notEqual(result.status, 0);
  assert.match(result.stdout, /not assignable/);
  const detail = typeCheck(`
    import { Scorer } from 'DIST';
    export const r = new Scorer().report({ detail: 'none' });
  `);
  assert.notEqual(detail.status, 0);
  assert.match(detail.stdout, /not assignable/);
});

test('real reports and a simulation match the declarations exactly (no missing or undeclared fields)', async () => {
  const { Scorer } = await import('../../dist/node.js');
  const read = (name) => readFileSync(join(root, 'tests/fixtures', name));
  const scorer = new Scorer({ today: '2025-11' })
    .addFile('cpor-report-13-months.csv', read('cpor-report-13-months.csv'))
    .addFile('skilling-people.csv', read('skilling-people.csv'))
    .addFile('bad.csv', new TextEncoder().encode('CustomerTenantName,PartnerAttachType,WorkloadName,MonthName,ActiveUsage,QualifiedUsage\nT,CSP,Teams,Oct-2025,abc,20\n'));
  const full = scorer.report({ history: true, today: '2025-10-20', anniversary: '2026-03-01', tenantLimit: 3, detail: 'full' });
  const page = scorer.rows({ list: 'tenants', area: 'modern-work', limit: 2 });
  const failed = scorer.rows({ list: 'pairs', area: 'modern-work' });
  const plain = new Scorer().addFile('seed-sample-usage.csv', read('seed-sample-usage.csv')).report({ detail: 'full' });
  const empty = new Scorer().report();
  const sim = scorer.simulate(
    { customers: [{ association: 'CSP', workloads: ['Teams'], mau: 30, pau: 50 }], people: [{ name: 'A', certification: 'MS-102' }], removeTenants: ['nope'] },
    { tenantLimit: 2 },
  );
  const areas = new Scorer()
    .addFile('skilling-all-areas.csv', read('areas/skilling-all-areas.csv'))
    .addFile('manual-values.csv', read('areas/manual-values.csv'))
    .report();
  const bizapps = new Scorer()
    .addFile('bizapps-revenue.csv', read('areas/bizapps-revenue.csv'))
    .addFile('bizapps-usage.csv', read('areas/bizapps-usage.csv'))
    .report({ detail: 'full' });
  // The Azure areas' detail, with every optional part: hints, ignored rows, a flagged row.
  const azure = new Scorer()
    .addFile('azure-usage-24-months.csv', read('areas/azure-usage-24-months.csv'))
    .addFile('skilling-all-areas.csv', read('areas/skilling-all-areas.csv'))
    .report({ detail: 'full' });
  // Security's detail with both parts, hints, and an EMS usage file with its warnings.
  const ems = [
    'SubscriptionId,Month,CustomerTenantId,PartnerAttachType,FreeVsPaidSKU,AADPPaidAvailableUnits,AADPMonthlyActiveUsers,IntunePaidAvailableUnits',
    's1,2025-10-01,t1,CPOR,Paid,40,2,9',
    's2,2025-10-01,t2,CPOR,Free,40,2,9',
  ].join('\n');
  const security = new Scorer()
    .addFile('security-m365.csv', read('areas/security-m365.csv'))
    .addFile('security-azure.csv', read('areas/security-azure.csv'))
    .addFile('ems.csv', new TextEncoder().encode(ems))
    .report({ detail: 'full' });
  const { defaultRuleset, rulesets } = await import('../../dist/node.js');
  const ruleset = defaultRuleset();
  const all = rulesets();
  // Object literals get TypeScript's excess property check at every level.
  const result = typeCheck(`
    import type { Report, Rows, Simulation, Ruleset } from 'DIST';
    export const full: Report = ${JSON.stringify(full)};
    export const page: Rows = ${JSON.stringify(page)};
    export const failed: Rows = ${JSON.stringify(failed)};
    export const plain: Report = ${JSON.stringify(plain)};
    export const empty: Report = ${JSON.stringify(empty)};
    export const sim: Simulation = ${JSON.stringify(sim)};
    export const areas: Report = ${JSON.stringify(areas)};
    export const bizapps: Report = ${JSON.stringify(bizapps)};
    export const azure: Report = ${JSON.stringify(azure)};
    export const security: Report = ${JSON.stringify(security)};
    export const ruleset: Ruleset = ${JSON.stringify(ruleset)};
    export const all: Ruleset[] = ${JSON.stringify(all)};
  `);
  assert.equal(result.status, 0, result.stdout + result.stderr);
  // The reports above do exercise the optional parts.
  const mw = full.areas['modern-work'];
  assert.ok(mw.history.length && mw.window && mw.tenants.length && mw.tenantActions && full.errors.length && full.people.length && mw.recommendations.length);
  assert.ok(page.rows.length === 2 && failed.error.kind === 'unknownList');
  assert.ok(plain.warnings.length && plain.areas['modern-work'].tenants.length && empty.areas['modern-work'].asOf === null);
  const ba = bizapps.areas['business-applications'];
  assert.ok(ba.revenue.length && ba.consumption.length && ba.detail.withinReach.length && ba.setAside.length && ba.detail.classification);
  assert.ok(azure.areas['data-ai'].detail.hints.length && azure.areas['data-ai'].tenants.length && azure.areas['data-ai'].services.length);
  const secDetail = security.areas.security.detail;
  assert.ok(secDetail.azure && secDetail.m365 && secDetail.hints.length && security.areas.security.tenants.some((t) => t.azure && t.m365));
  assert.ok(security.files.some((f) => f.kind === 'emsUsage') && security.warnings.some((w) => w.kind === 'freeSkuRows'));
  // Every metric kind but options appears in the six-area report; options in Modern Work's.
  const kinds = new Set(Object.values(areas.areas).flatMap((a) => Object.values(a.tracks).flatMap((t) => Object.values(t.metrics).map((m) => m.kind))));
  assert.deepEqual([...kinds].sort(), ['growth', 'options', 'parts', 'people', 'services', 'steps', 'tenants']);
});
