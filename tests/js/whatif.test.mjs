// What-if across areas through the binding: `Scorer.simulate` and
// `Scorer.planChoices` on the area fixtures (all as of 2025-10). Expected
// figures are worked out from the rules here, as in tests/whatif.rs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Scorer } from '../../dist/node.js';
import { readFixture } from './helpers.mjs';

const files = ['areas/azure-usage-24-months.csv', 'areas/security-m365.csv', 'areas/skilling-all-areas.csv'];
const scorer = () => {
  const s = new Scorer({ today: '2025-11' });
  for (const name of files) s.addFile(name, readFixture(name));
  return s;
};
const close = (actual, expected, what) => assert.ok(Math.abs(actual - expected) < 1e-6, `${what}: ${actual}, expected ${expected}`);

// The Azure fixture's trailing-12-month ACR (its README): now and a year earlier.
const TTM_M = 11_499.98;
const TTM_B = 10_222.2;

const plan = {
  customers: [
    // USD 600 a year on a service with no counted ACR yet: 50 a month, no
    // net add; growth (11,499.98 + 600 - 10,222.20) / 10,222.20; a fifth
    // deployed service (10 points).
    { name: 'Cloud', association: 'CSP Tier 1', azureServices: ['Azure Functions'], ttmRevenue: 600 },
    // Intune, 200 seats, 100 active, new: an SMB customer and a CSP
    // deployment on Modern Work (11 to 300 seats, 40 % active).
    { name: 'Seats', association: 'CSP Tier 1', workloads: ['Intune'], mau: 100, pau: 200 },
  ],
};

test('a plan across Azure and Modern Work moves both, by the rules', () => {
  const s = scorer();
  try {
    const before = s.report();
    const sim = s.simulate(plan);
    assert.deepEqual(sim.problems, []);
    assert.equal(sim.simulated, true);
    const growth = ((TTM_M + 600 - TTM_B) * 100) / TTM_B;
    for (const area of ['infrastructure', 'data-ai', 'digital-app-innovation']) {
      const smb = sim.report.areas[area].tracks.smb.metrics;
      close(smb.usageGrowth.value, growth, `${area} growth`);
      assert.equal(smb.deployments.value, 5, area);
      assert.equal(smb.netCustomerAdds.value, before.areas[area].tracks.smb.metrics.netCustomerAdds.value, area);
      // SMB decides: 8 - 12.500049 points replaced by 10 + growth.
      const gain = 10 - 8 + growth - (TTM_M - TTM_B) * 100 / TTM_B;
      close(sim.areas[area].totalChange, gain, `${area} change`);
      close(sim.areas[area].totalAfter, before.areas[area].total + gain, `${area} after`);
    }
    const mw = (r) => r.areas['modern-work'].tracks.smb.metrics;
    assert.equal(mw(sim.report).netCustomerAdds.value, mw(before).netCustomerAdds.value + 1);
    close(mw(sim.report).usageGrowth.options.CSP.value - mw(before).usageGrowth.options.CSP.value, 100, 'CSP growth');
    close(mw(sim.report).deployments.options.CSP.value - mw(before).deployments.options.CSP.value, 1, 'CSP deployments');
    assert.equal(sim.areas['modern-work'].totalBefore, before.areas['modern-work'].total);
    assert.ok(sim.assumptions.some((a) => a.includes('spread evenly over the 12 months')), sim.assumptions.join('\n'));
  } finally {
    s.free();
  }
});

test('a plan saved as JSON and loaded again gives the same simulation', () => {
  const s = scorer();
  try {
    const first = s.simulate(plan);
    const saved = JSON.stringify(first.plan);
    const again = s.simulate(JSON.parse(saved));
    assert.deepEqual(again.areas, first.areas);
    assert.deepEqual(JSON.parse(saved), first.plan);
  } finally {
    s.free();
  }
});

test('plan choices come from the rulesets and the files loaded', () => {
  const s = scorer();
  try {
    const choices = s.planChoices();
    const find = (list, id) => choices[list].find((c) => c.id === id);
    assert.deepEqual(find('associations', 'PAL').parts, ['azureServices', 'bizappsWorkloads']);
    assert.deepEqual(find('workloads', 'Intune').areas, ['modern-work', 'security']);
    // A service of the Azure file loaded, counted by the three Azure areas.
    assert.deepEqual(find('azureServices', 'Azure Kubernetes Service').areas, ['data-ai', 'infrastructure', 'digital-app-innovation']);
    assert.ok(find('bizappsWorkloads', 'Business Central'));
    assert.ok(find('certifications', 'AZ-104').label.includes('Azure Administrator'));
  } finally {
    s.free();
  }
});
