// How the calculator writes figures, months and CSV, with no DOM: the page's
// views import it (through dom.js), and so could the CLI (js/cli.js) or any
// Node script, to print a report the way the page shows it. Partner Center
// shows one decimal for metrics and whole points for totals.

/** "16.0" (one decimal, as Partner Center shows a metric), "–" for unknown. */
export const metricPoints = (p) => (p === null || p === undefined ? '–' : (Math.round(p * 10) / 10).toFixed(1));
/** "72": whole points, as Partner Center shows a total. */
export const totalPoints = (p) => String(Math.round(p));
/** "1,234.5"; "–" for unknown. */
export const number = (v) => (v === null || v === undefined ? '–' : Number(v).toLocaleString('en', { maximumFractionDigits: 2 }));
/** 0.125 as "12.5%"; '' for unknown. */
export const percent = (r) => (r === null || r === undefined ? '' : `${Math.round(r * 1000) / 10}%`);
/** "1 error", "2 errors". */
export const plural = (n, one, many) => `${number(n)} ${n === 1 ? one : many}`;
/** "+3", "-1", "0". */
export const signed = (v) => (v > 0 ? `+${number(v)}` : number(v));

/** "USD 5,000", "USD 999.99": whole dollars without cents, else two decimals. */
export const amount = (v) =>
  v === null || v === undefined ? '–' : Number(v).toLocaleString('en', { minimumFractionDigits: Number.isInteger(Number(v)) ? 0 : 2, maximumFractionDigits: 2 });
export const usd = (v) => (v === null || v === undefined ? '–' : `USD ${amount(v)}`);

/** An area's score as the overview shows it: "at least 32", "72" or "—" (not scored). */
export function scoreText(score, atLeast) {
  if (score === null || score === undefined) return '—';
  return atLeast ? `at least ${totalPoints(score)}` : totalPoints(score);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "2025-10" as "October 2025" (or "Oct 2025" when `short`); anything else as it is. */
export function monthName(month, short = false) {
  const m = /^(\d{4})-(\d{2})$/.exec(month ?? '');
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return month ?? '–';
  const name = MONTHS[Number(m[2]) - 1];
  return `${short ? name.slice(0, 3) : name} ${m[1]}`;
}
/** "2027-08-31" (or a timestamp of that day) as "31 August 2027"; anything else as it is. */
export function dayName(day) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day ?? '');
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return day ?? '–';
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}
/**
 * The core's prose with its dates in words: "expired on 2025-10-10, before the as-of month 2025-11" reads
 * "expired on 10 October 2025, before the as-of month November 2025"; "6 month(s)" reads "6 months".
 * Only a date standing as a word (after a space or "(", before a space, punctuation or the end): never
 * inside a file name or an id.
 */
export function datesInWords(text) {
  if (typeof text !== 'string') return text;
  return text
    .replace(/(^|[\s(])(\d{4}-\d{2}-\d{2}|\d{4}-\d{2})(?=$|[\s.,;:)])/g, (all, before, date) => before + (date.length === 10 ? dayName(date) : monthName(date)))
    .replace(/\b1 month\(s\)([^.]*?) have\b/g, '1 month$1 has')
    .replace(/\b(\d+) month\(s\)/g, (_, n) => `${n} ${n === '1' ? 'month' : 'months'}`);
}
/** "2025-10" and -1: "2025-09"; null when `month` is not a month. */
export function addMonths(month, n) {
  const m = /^(\d{4})-(\d{2})$/.exec(month ?? '');
  if (!m) return null;
  const index = Number(m[1]) * 12 + Number(m[2]) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** A CSV cell a spreadsheet will never run as a formula. */
export function csvCell(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows of cells as CSV text, CRLF line ends. */
export const csv = (rows) => `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;

/**
 * Values typed from Partner Center ([{area, track, metric, value}], the
 * ManualValue of js/index.d.ts) as the CSV the scorer reads back
 * (designations.md §7: Area,Track,Metric,Value). Numbers are written plainly
 * (a leading minus is a number, not a formula, so it is not escaped).
 */
export function manualValuesCsv(values) {
  const cell = (v) => (typeof v === 'number' ? String(v) : csvCell(v));
  const lines = ['Area,Track,Metric,Value', ...values.map((v) => [csvCell(v.area), csvCell(v.track ?? ''), csvCell(v.metric), cell(v.value)].join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * An area's usage tenants (rows({list: 'tenants'})) as CSV: one row per tenant, per track (`areaTracks`:
 * report.areas[id].tracks) its eligibility, seats, net add and per option MAU, deployment and change.
 */
export function tenantsCsv(areaTracks, tenants) {
  const tracks = Object.keys(areaTracks);
  // A track's association options, from its metrics: a tenant lists only
  // those it has rows under (schemaVersion 2), each column its own.
  const options = Object.fromEntries(tracks.map((t) => [t, Object.keys(Object.values(areaTracks[t].metrics).find((m) => m.options)?.options ?? {})]));
  const header = ['tenant', 'name', 'associations', 'contributes'];
  for (const t of tracks) {
    header.push(`${t} eligible now`, `${t} eligible baseline`, `${t} usage counts now`, `${t} usage counts baseline`, `${t} by carry-over now`, `${t} by carry-over baseline`, `${t} paid seats now`, `${t} net add`);
    for (const o of options[t]) header.push(`${t} ${o} MAU now`, `${t} ${o} MAU baseline`, `${t} ${o} deployed now`, `${t} ${o} deployed baseline`, `${t} ${o} growth`, `${t} ${o} deployment`);
  }
  const rows = [header];
  for (const tenant of tenants) {
    const row = [tenant.id, tenant.name, tenant.associations.join(' '), tenant.contributes];
    for (const t of tracks) {
      const tt = tenant.tracks[t];
      row.push(tt?.eligible.asOf, tt?.eligible.baseline, tt?.serves?.asOf, tt?.serves?.baseline, tt?.carriedOver?.asOf, tt?.carriedOver?.baseline, tt?.maxPau.asOf, tt?.netAdd);
      for (const id of tt ? options[t] : []) {
        // An option the tenant has no rows under is all zero.
        const o = tt.options[id] ?? { asOf: { mau: 0, deployed: false }, baseline: { mau: 0, deployed: false }, growth: 0, deployment: 0 };
        row.push(o.asOf.mau, o.baseline.mau, o.asOf.deployed, o.baseline.deployed, o.growth, o.deployment);
      }
    }
    rows.push(row);
  }
  return csv(rows);
}

/** Every area's recommendations in one list, the biggest gain first (ties: the area's order, then the fewest units). */
export function recommendationsAcrossAreas(report) {
  const order = Object.keys(report.areas ?? {});
  return Object.entries(report.areas ?? {})
    .flatMap(([, area]) => area.recommendations ?? [])
    .filter((r) => r.best !== false)
    .sort((a, b) => b.gain - a.gain || order.indexOf(a.area) - order.indexOf(b.area) || a.needed - b.needed);
}
