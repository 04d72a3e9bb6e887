// `spd-score batch`: every partner of a portfolio scored on every core.
// The main thread finds the partners and hands them out one at a time to
// worker threads (this same file), each with its own WebAssembly instance;
// rows, their order, CSV, JSON lines and the summary are the core's
// (src/portfolio.rs). docs/portfolio.md describes the rows.
import { open, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { portfolio, Scorer } from './node.js';

const CHUNK = 1 << 20;
const WHY = { ENOENT: 'no such file', EISDIR: 'is a directory', EACCES: 'permission denied', ENOTDIR: 'not a folder' };

/** A file fed to the scorer a megabyte at a time, never held whole (`spd-score score` and `batch`). */
export async function addPath(scorer, path, name = basename(path)) {
  const file = await open(path);
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    // The first read fails on a directory, before the file is begun.
    let { bytesRead } = await file.read(buffer, 0, CHUNK, null);
    scorer.beginFile(name);
    while (bytesRead > 0) {
      scorer.push(buffer.subarray(0, bytesRead));
      ({ bytesRead } = await file.read(buffer, 0, CHUNK, null));
    }
    scorer.endFile();
  } finally {
    await file.close();
  }
}

/** One partner's rows: its files read, the ones that cannot be opened named. */
export async function scorePartner({ name, files, problem }, reportOptions = {}) {
  const scorer = new Scorer();
  try {
    const unread = problem ? [problem] : [];
    for (const path of files) {
      try {
        await addPath(scorer, path, basename(path));
      } catch (e) {
        unread.push(`${basename(path)}: ${WHY[e.code] ?? e.message}`);
      }
    }
    return scorer.portfolioRows(name, { ...reportOptions, unread });
  } finally {
    scorer.free();
  }
}

if (!isMainThread && workerData?.spdScoreBatch) {
  parentPort.on('message', async (partner) => {
    parentPort.postMessage(await scorePartner(partner, workerData.reportOptions));
  });
}

/** The fields of a CSV line (quotes as RFC 4180; a manifest is small). */
function csvFields(line) {
  const out = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') out.push(field), (field = '');
    else field += c;
  }
  out.push(field);
  return out.map((f) => f.trim());
}

/**
 * The partners of INPUT: a folder of partner folders (each folder's files,
 * hidden ones left out), or a manifest CSV `partner,file` (paths relative
 * to the manifest; a header line is optional). Partners in name order.
 */
export async function findPartners(input) {
  const info = await stat(input).catch((e) => {
    throw new Error(`${input}: ${e.code === 'ENOENT' ? 'no such folder or manifest' : e.message}`);
  });
  const partners = new Map();
  if (info.isDirectory()) {
    for (const entry of await readdir(input, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || !entry.isDirectory()) continue;
      const folder = join(input, entry.name);
      let files = [];
      let problem;
      try {
        const inside = await readdir(folder, { withFileTypes: true });
        files = inside.filter((f) => !f.name.startsWith('.') && !f.isDirectory()).map((f) => join(folder, f.name)).sort();
        if (!files.length) problem = `${entry.name}: no files in the folder`;
      } catch (e) {
        problem = `${entry.name}: ${WHY[e.code] ?? e.message}`;
      }
      partners.set(entry.name, { name: entry.name, files, problem });
    }
  } else {
    const base = dirname(resolve(input));
    const lines = (await readFile(input, 'utf8')).replace(/^\uFEFF/, '').split(/\r?\n/);
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      const [partner, file] = csvFields(line);
      if (i === 0 && partner.toLowerCase() === 'partner' && file?.toLowerCase() === 'file') return;
      if (!partner || !file) throw new Error(`${input}:${i + 1}: a manifest line is partner,file`);
      const entry = partners.get(partner) ?? { name: partner, files: [] };
      entry.files.push(resolve(base, file));
      partners.set(partner, entry);
    });
  }
  return [...partners.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A progress bar on standard error, only when it is a terminal. */
function progress(total) {
  if (!process.stderr.isTTY || !total) return { tick() {}, done() {} };
  let done = 0;
  const draw = () => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} partners`);
  };
  draw();
  return {
    tick() {
      done++;
      draw();
    },
    done() {
      process.stderr.write('\r\x1b[K');
    },
  };
}

/**
 * Scores every partner on `workers` threads and returns their rows (in the
 * order they finish: `portfolio()` puts them in the portfolio's order).
 */
export async function scorePartners(partners, { workers = availableParallelism(), reportOptions = {} } = {}) {
  const bar = progress(partners.length);
  const rows = [];
  const count = Math.max(1, Math.min(workers, partners.length));
  let next = 0;
  const pool = Array.from({ length: count }, () => new Worker(new URL(import.meta.url), { workerData: { spdScoreBatch: true, reportOptions } }));
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise((done, fail) => {
            const give = () => (next < partners.length ? worker.postMessage(partners[next++]) : done());
            worker.on('message', (partnerRows) => {
              rows.push(...partnerRows);
              bar.tick();
              give();
            });
            worker.on('error', fail);
            give();
          }),
      ),
    );
  } finally {
    bar.done();
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return rows;
}

/** The summary as a person reads it. */
export function summaryText(summary) {
  const out = [`Portfolio: ${summary.partners} partners`];
  const width = Math.max(24, ...summary.areas.map((a) => a.label.length));
  out.push(`  ${'Designation'.padEnd(width)}  ${'qualified'.padStart(9)}  ${'within 10'.padStart(9)}  ${'25-point line'.padStart(13)}`);
  for (const a of summary.areas) {
    out.push(`  ${a.label.padEnd(width)}  ${String(a.qualified).padStart(9)}  ${String(a.withinTen).padStart(9)}  ${String(a.incentiveLineMet ?? '—').padStart(13)}`);
  }
  if (summary.unscored.length) out.push(`Not scored (${summary.unscored.length}): ${summary.unscored.join(', ')}`);
  if (summary.withErrors.length) out.push(`Scored with file errors (${summary.withErrors.length}): ${summary.withErrors.join(', ')}`);
  return out.join('\n');
}

/** `spd-score batch` once its arguments are read; returns the exit status. */
export async function batch({ input, out, json, summary: showSummary, workers, asOf }) {
  const partners = await findPartners(input);
  const rows = await scorePartners(partners, { workers, reportOptions: { asOf } });
  if (out) await writeFile(out, portfolio(rows, out.endsWith('.jsonl') ? 'jsonl' : 'csv'));
  const summary = portfolio(rows, 'summary');
  if (json) {
    process.stdout.write(portfolio(rows, 'jsonl'));
    process.stdout.write(`${JSON.stringify({ summary })}\n`);
  }
  if (showSummary || (!json && !out)) (json ? console.error : console.log)(summaryText(summary));
  // As `spd-score score`: 1 when a partner had no file that could be read.
  return partners.length && !summary.unscored.length ? 0 : 1;
}
