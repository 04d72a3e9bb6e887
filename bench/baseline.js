// The JavaScript way, for comparison: Papa Parse plus a straightforward
// aggregation of the same metrics on the 2026 rules (a workload list per
// metric, the SMB carry-over), as a JavaScript developer would write it
// without the Rust core. Scores the deck layout only; no error reporting.

const TRACKS = {
  enterprise: { over: 300, upTo: Infinity, customers: ['CPOR', 'DPOR'], options: ['CPOR', 'DPOR'] },
  // A tenant grown into the Enterprise band stays SMB when it was in the SMB band a year earlier.
  smb: { over: 10, upTo: 300, customers: ['CPOR', 'CSP'], options: ['CPOR', 'CSP'], carryFrom: 'enterprise' },
};
const ASSOCIATIONS = {
  csptier1: 'CSP', csptier2: 'CSP', cspt1: 'CSP', cspt2: 'CSP', indirectreseller: 'CSP', csp: 'CSP',
  cpor: 'CPOR', claimingpartnerofrecord: 'CPOR', dpor: 'DPOR', digitalpartnerofrecord: 'DPOR', partnerofrecord: 'DPOR',
};
// Net customer adds' workloads; usage growth and deployments add Teams Premium.
const WORKLOADS = new Set([
  'intune', 'exchange', 'exchangeonline', 'exo', 'microsoft365apps', 'proplus', 'sharepoint', 'sharepointonline',
  'spo', 'teams', 'teamsmeetings', 'teamsphone', 'teamsphonecalling', 'teamsphoneenabledusers', 'teamsplatform',
  'teamsapps', 'teamsforfrontlineworkers', 'teamsroomsmonthlyactivedevices', 'teamsrooms', 'vivaengage', 'yammer',
  'vivaconnections', 'vivainsights', 'vivalearning', 'vivatopics', 'vivagoals', 'windows365', 'w365',
  'microsoft365copilot', 'copilot', 'm365copilot', 'microsoftentraidp1', 'entraidp1', 'aadp1',
]);
const SUCCESS_ONLY = new Set(['teamspremium']);
const MONTHS = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const fold = (s) => String(s ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
const monthIndex = (s) => {
  const [name, year] = String(s).split(/[- ]/);
  return Number(year) * 12 + MONTHS[name.slice(0, 3).toLowerCase()] - 1;
};

export function createBaseline() {
  // tenant|month -> association -> { mau, deployed, paus (customers' list), successPaus (usage growth and deployments') }
  const slices = new Map();
  const months = new Set();
  return {
    /** Rows as Papa Parse gives them with `header: true`. */
    rows(rows) {
      for (const row of rows) {
        const association = ASSOCIATIONS[fold(row.PartnerAttachType)];
        const workload = fold(row.WorkloadName);
        const customers = WORKLOADS.has(workload);
        if (!association || (!customers && !SUCCESS_ONLY.has(workload))) continue;
        const month = monthIndex(row.MonthName);
        const mau = parseFloat(String(row.ActiveUsage).replace(/,/g, ''));
        const pau = parseFloat(String(row.QualifiedUsage).replace(/,/g, ''));
        if (!Number.isFinite(month) || !Number.isFinite(mau) || !Number.isFinite(pau)) continue;
        months.add(month);
        const key = `${row.CustomerTenantName}|${month}`;
        let byAssociation = slices.get(key);
        if (!byAssociation) slices.set(key, (byAssociation = {}));
        const slice = (byAssociation[association] ??= { mau: 0, paus: [], successPaus: [], deployed: false });
        slice.mau += mau;
        if (customers) slice.paus.push(pau);
        slice.successPaus.push(pau);
        if (pau > 0 && mau / pau >= 0.4) slice.deployed = true;
      }
    },
    finish() {
      const m = Math.max(...months);
      const b = m - 12;
      const result = {};
      for (const [id, track] of Object.entries(TRACKS)) {
        const inBand = (band, byAssociation, list) =>
          track.customers.some((a) => byAssociation?.[a]?.[list].some((p) => p > band.over && p <= band.upTo));
        const eligible = (tenant, month, list) => {
          const now = slices.get(`${tenant}|${month}`);
          if (inBand(track, now, list)) return true;
          const from = TRACKS[track.carryFrom];
          return !!from && inBand(from, now, list) && inBand(track, slices.get(`${tenant}|${month - 12}`), list);
        };
        let netAdds = 0;
        const growth = Object.fromEntries(track.options.map((o) => [o, 0]));
        const deployments = Object.fromEntries(track.options.map((o) => [o, 0]));
        for (const [key, byAssociation] of slices) {
          const cut = key.lastIndexOf('|');
          const [tenant, month] = [key.slice(0, cut), Number(key.slice(cut + 1))];
          const sign = month === m ? 1 : month === b ? -1 : 0;
          if (!sign) continue;
          if (eligible(tenant, month, 'paus')) netAdds += sign;
          if (!eligible(tenant, month, 'successPaus')) continue;
          for (const option of track.options) {
            const slice = byAssociation[option];
            if (!slice) continue;
            growth[option] += sign * slice.mau;
            if (slice.deployed) deployments[option] += sign;
          }
        }
        result[id] = { netAdds, growth, deployments };
      }
      return result;
    },
  };
}
