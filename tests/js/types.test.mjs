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
    import { load, Scorer, score, type Report, type TenantReport } from 'DIST';
    async function main(bytes: Uint8Array): Promise<string> {
      await load();
      const report: Report = new Scorer({ today: '2025-11' }).addFile('u.csv', bytes).report({ asOf: '2025-10', history: true });
      const smb = report.tracks.smb;
      const growth = smb.metrics.usageGrowth.options['CSP'];
      const points: number | null = smb.metrics.deployments.points;
      const first: TenantReport | undefined = report.tenants[0];
      const eligible: boolean | undefined = first?.tracks.enterprise?.eligible.asOf;
      const errors = report.errors.map((e) => \`\${e.file}:\${e.line} \${e.column} \${e.value}: \${e.message}\`);
      const sim = new Scorer().simulate({ customers: [{ association: 'CSP', workloads: ['Teams'], mau: 30, pau: 50 }] });
      const change: number = sim.changes.smb.totalChange;
      const again = await score([{ name: 'u.csv', bytes }], { asOf: '2025-10', detail: 'summary' });
      const scorer = new Scorer().addFile('u.csv', bytes);
      const brief: Report = scorer.summary({ asOf: '2025-10' });
      const pieces: Uint8Array[] = [];
      const { files } = scorer.writeReport((piece) => pieces.push(piece), { pretty: true, area: 'security', tenantLimit: 10 });
      return [report.status, smb.status, growth?.value, points, eligible, errors.length, change, again.bestTrack, brief.tenantCount, files[0]?.kind].join();
    }
    export { main };
  `);
  assert.equal(result.status, 0, result.stdout + result.stderr);
});

test('a wrong use is rejected', () => {
  const result = typeCheck(`
    import { Scorer } from 'DIST';
    const status: 'done' = new Scorer().report().status;
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
  const full = scorer.report({ history: true, today: '2025-10-20', anniversary: '2026-03-01', tenantLimit: 3 });
  const plain = new Scorer().addFile('seed-sample-usage.csv', read('seed-sample-usage.csv')).report();
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
    .report();
  // The Azure areas' detail, with every optional part: hints, ignored rows, a flagged row.
  const azure = new Scorer()
    .addFile('azure-usage-24-months.csv', read('areas/azure-usage-24-months.csv'))
    .addFile('skilling-all-areas.csv', read('areas/skilling-all-areas.csv'))
    .report();
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
    .report();
  const { defaultRuleset, rulesets } = await import('../../dist/node.js');
  const ruleset = defaultRuleset();
  const all = rulesets();
  // Object literals get TypeScript's excess property check at every level.
  const result = typeCheck(`
    import type { Report, Simulation, Ruleset } from 'DIST';
    export const full: Report = ${JSON.stringify(full)};
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
  assert.ok(full.history.length && full.window && full.errors.length && full.people.length && full.recommendations.length);
  assert.ok(plain.warnings.length && plain.tenants.length && empty.asOf === null);
  const detail = bizapps.areas['business-applications'].detail;
  assert.ok(detail.revenue.length && detail.consumption.length && detail.withinReach.length && detail.setAside.length && detail.classification);
  assert.ok(azure.areas['data-ai'].detail.hints.length && azure.areas['data-ai'].detail.tenants.length);
  const secDetail = security.areas.security.detail;
  assert.ok(secDetail.azure && secDetail.m365 && secDetail.hints.length && secDetail.tenants.some((t) => t.azure && t.m365));
  assert.ok(security.files.some((f) => f.kind === 'emsUsage') && security.warnings.some((w) => w.kind === 'freeSkuRows'));
  // Every metric kind but options appears in the six-area report; options in Modern Work's.
  const kinds = new Set(Object.values(areas.areas).flatMap((a) => Object.values(a.tracks).flatMap((t) => Object.values(t.metrics).map((m) => m.kind))));
  assert.deepEqual([...kinds].sort(), ['growth', 'options', 'parts', 'people', 'services', 'steps', 'tenants']);
});
