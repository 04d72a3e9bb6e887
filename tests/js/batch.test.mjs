// `spd-score batch` on a generated portfolio of 200 partners (examples/gen.rs,
// `--portfolio`), broken ones among them: every row against that partner's
// own report (every partner through the Node API in-process, a sample
// through `spd-score score --json` itself), CSV against JSON lines, the
// manifest against the folder, one worker against two, and the summary
// against the rows.
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { before, test } from 'node:test';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/cli.js');
const run = (...args) => spawnSync('node', [cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
const dir = mkdtempSync(join(tmpdir(), 'spd-batch-'));
const portfolio = join(dir, 'partners');
const PARTNERS = 200;
// examples/gen.rs breaks partners at fixed places: of every 50, the 3rd has
// only a file of no known layout, the 5th is an empty folder.
const broken = (n) => Array.from({ length: PARTNERS / 50 }, (_, i) => `partner-${String(i * 50 + n).padStart(4, '0')}`);
const UNSCORED = [...broken(3), ...broken(5)].sort();

let folderRun;
let rows;
let summary;

before(() => {
  // The debug example: `cargo test` has built it already.
  const gen = spawnSync('cargo', ['run', '--quiet', '--example', 'gen', '--', '--portfolio', String(PARTNERS), '--out', portfolio], { cwd: root, encoding: 'utf8' });
  assert.equal(gen.status, 0, gen.stderr);
  folderRun = run('batch', portfolio, '--json', '--workers', '2', '--out', join(dir, 'rows.csv'));
  const lines = folderRun.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  summary = lines.pop().summary;
  rows = lines;
});

const FIELDS = ['partner', 'area', 'score', 'atLeast', 'status', 'track', 'incentiveLineMet', 'next', 'asOf', 'files', 'skippedRows', 'errors'];

test('every partner has its rows, in partner then catalogue order, with exactly the named fields; exit 1 for the broken ones', () => {
  assert.equal(folderRun.status, 1, folderRun.stderr);
  const partners = readdirSync(portfolio).filter((n) => n.startsWith('partner-')).sort();
  assert.equal(partners.length, PARTNERS);
  assert.deepEqual([...new Set(rows.map((r) => r.partner))], partners);
  for (const row of rows) assert.deepEqual(Object.keys(row), FIELDS);
  const areas = ['modern-work', 'security', 'data-ai', 'infrastructure', 'digital-app-innovation', 'business-applications'];
  for (const partner of partners) {
    const own = rows.filter((r) => r.partner === partner).map((r) => r.area);
    assert.ok(own.length === 1 ? own[0] === null : own.join() === areas.join(), `${partner}: ${own}`);
  }
});

test('a broken partner gets one row with the reason, and the others are scored', () => {
  const of = (p) => rows.filter((r) => r.partner === p);
  // partner-0003: only a file of no known layout; partner-0005: an empty folder.
  const [onlyUnknown] = of('partner-0003');
  assert.equal(of('partner-0003').length, 1);
  assert.equal(onlyUnknown.area, null);
  assert.equal(onlyUnknown.files, 0);
  assert.match(onlyUnknown.errors.join(), /^notes\.csv: the header matches no known layout\. Columns found: "Partner notes", "Owner"\.$/);
  assert.deepEqual(of('partner-0005').map((r) => [r.area, r.errors]), [[null, ['partner-0005: no files in the folder']]]);
  // partner-0007: a file of no known layout beside good ones is named, and the partner scored.
  const beside = of('partner-0007');
  assert.equal(beside.length, 6);
  assert.equal(beside[0].files, 2);
  assert.match(beside[0].errors.join(), /^readme\.csv: the header matches no known layout/);
  assert.ok(beside.every((r) => r.status !== null));
  assert.deepEqual(summary.unscored, UNSCORED);
  assert.equal(summary.partners, PARTNERS);
});

/** A row's figures from a report (`spd-score score --json`'s), as docs/portfolio.md defines them. */
function expectedRows(report) {
  return report.overview.map((o) => ({
    area: o.area,
    score: o.score,
    atLeast: o.atLeast,
    status: o.status,
    track: o.track,
    incentiveLineMet: o.incentiveLine?.met ?? null,
    next: o.next,
    asOf: o.asOf,
    files: report.files.filter((f) => f.kind !== 'unknown').length,
    skippedRows: report.files.reduce((n, f) => n + f.skippedRows, 0),
  }));
}

function assertRowsMatch(partner, report) {
  const own = rows.filter((r) => r.partner === partner);
  const expected = expectedRows(report);
  assert.equal(own.length, expected.length, partner);
  own.forEach(({ partner: _, errors, ...figures }, j) => {
    assert.deepEqual(figures, expected[j], `${partner} ${expected[j].area}`);
    assert.equal(errors.length > 0, report.errors.length > 0, `${partner} errors`);
  });
  return own;
}

const scoredPartners = () => [...new Set(rows.filter((r) => r.area !== null).map((r) => r.partner))];
const filesOf = (partner) => readdirSync(join(portfolio, partner)).sort().map((f) => join(portfolio, partner, f));

test("every partner's rows equal its own report (the Node API, in this process, as spd-score score --json scores)", async () => {
  const { Scorer } = await import(join(root, 'dist/node.js'));
  const { addPath } = await import(join(root, 'dist/batch.js'));
  const partners = scoredPartners();
  assert.equal(partners.length, PARTNERS - UNSCORED.length);
  let qualified = 0;
  for (const partner of partners) {
    // What the CLI's score does: each file fed by addPath, the full report.
    const scorer = new Scorer();
    try {
      for (const path of filesOf(partner)) await addPath(scorer, path, basename(path));
      const own = assertRowsMatch(partner, scorer.report());
      qualified += own.filter((r) => r.status === 'qualified').length;
    } finally {
      scorer.free();
    }
  }
  // A portfolio where nobody qualifies would test little.
  assert.ok(qualified > 0);
});

test("a sample of partners' rows equal spd-score score --json itself", async () => {
  const exec = promisify(execFile);
  // Every 20th scored partner, and the one with a file of no known layout beside good ones.
  const sample = [...new Set([...scoredPartners().filter((_, i) => i % 20 === 0), 'partner-0007'])];
  assert.ok(sample.length >= 10);
  // Two at a time: the machine's two cores.
  for (let i = 0; i < sample.length; i += 2) {
    await Promise.all(
      sample.slice(i, i + 2).map(async (partner) => {
        const { stdout } = await exec('node', [cli, 'score', '--json', ...filesOf(partner)], { maxBuffer: 1 << 28 });
        assertRowsMatch(partner, JSON.parse(stdout));
      }),
    );
  }
});

test('the CSV file holds the same rows as the JSON lines', () => {
  const text = readFileSync(join(dir, 'rows.csv'), 'utf8');
  const records = parseCsv(text);
  assert.deepEqual(records[0], FIELDS);
  assert.equal(records.length - 1, rows.length);
  const cell = (v) => (v === null ? '' : Array.isArray(v) ? v.join(' | ') : String(v));
  records.slice(1).forEach((record, i) => {
    const row = rows[i];
    FIELDS.forEach((f, j) => {
      if (f === 'score' && row.score !== null) assert.equal(Number(record[j]), row.score, `${row.partner} ${row.area} score`);
      else assert.equal(record[j], cell(row[f]), `${row.partner} ${row.area} ${f}`);
    });
  });
});

test('one worker writes exactly what two do; --out FILE.jsonl the same lines as --json', () => {
  const one = run('batch', portfolio, '--json', '--workers', '1', '--out', join(dir, 'rows.jsonl'));
  assert.equal(one.status, 1);
  assert.equal(one.stdout, folderRun.stdout);
  const lines = folderRun.stdout.trimEnd().split('\n');
  assert.equal(readFileSync(join(dir, 'rows.jsonl'), 'utf8'), `${lines.slice(0, -1).join('\n')}\n`);
});

test("the manifest scores the same files as the folders; a partner whose file is missing says so", () => {
  const result = run('batch', join(portfolio, 'manifest.csv'), '--json');
  assert.equal(result.status, 1);
  const lines = result.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  const last = lines.pop();
  const missing = lines.filter((r) => r.partner === 'partner-missing');
  assert.deepEqual(missing.map((r) => [r.area, r.errors]), [[null, ['usage.csv: no such file']]]);
  // Empty folders have no manifest line; every other partner's rows are the folder's.
  const fromFolders = rows.filter((r) => !broken(5).includes(r.partner));
  assert.deepEqual(lines.filter((r) => r.partner !== 'partner-missing'), fromFolders);
  assert.deepEqual(last.summary.unscored, [...broken(3), 'partner-missing']);
});

test('the summary counts what the rows say, per designation', () => {
  for (const a of summary.areas) {
    const mine = rows.filter((r) => r.area === a.area);
    assert.equal(a.scored, mine.filter((r) => r.status !== 'not_scored').length, a.area);
    assert.equal(a.qualified, mine.filter((r) => r.status === 'qualified').length, a.area);
    assert.equal(a.withinTen, mine.filter((r) => r.status !== 'qualified' && r.score >= 60).length, a.area);
    const met = mine.filter((r) => r.incentiveLineMet === true).length;
    assert.equal(a.incentiveLineMet, a.area === 'business-applications' ? null : met, a.area);
  }
  assert.deepEqual(summary.withErrors, [...new Set(rows.filter((r) => r.area !== null && r.errors.length).map((r) => r.partner))]);
  const text = run('batch', portfolio, '--summary', '--workers', '2');
  assert.match(text.stdout, new RegExp(`^Portfolio: ${PARTNERS} partners\\n`));
  const mw = summary.areas[0];
  assert.match(text.stdout, new RegExp(`Modern Work +${mw.qualified} +${mw.withinTen} +${mw.incentiveLineMet}\\n`));
  assert.match(text.stdout, /Business Applications +\d+ +\d+ +—\n/);
  assert.match(text.stdout, new RegExp(`Not scored \\(${UNSCORED.length}\\): ${UNSCORED.join(', ')}\n`));
});

test('bad arguments exit 2; a missing input exits 1 and says so', () => {
  assert.equal(run('batch').status, 2);
  assert.equal(run('batch', portfolio, '--out', 'rows.txt').status, 2);
  assert.equal(run('batch', portfolio, '--workers', '0').status, 2);
  const missing = run('batch', join(dir, 'nowhere'));
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /nowhere: no such folder or manifest/);
});

/** RFC 4180 records (quoted fields may hold commas, quotes and newlines). */
function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') record.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      (record = []), (field = ''), i++;
    } else field += c;
  }
  return records;
}
