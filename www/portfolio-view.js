// A portfolio: the rows `spd-score batch --json` (or `--out FILE.jsonl`)
// writes, dropped on the page, as a partner x designation table that sorts
// by any column, with the portfolio summary above it. Read on this computer,
// nothing uploaded; the same in the standalone page and embedded in a portal.
// The rows' order and the summary are the core's (the worker's 'portfolio'
// answer: `portfolio(rows, 'summary')`), as the CLI writes them.

import { h, number, scoreText } from './dom.js';
import { INCENTIVE_TEXT, PORTFOLIO_TEXT as P, STATUS } from './strings.js';

/** The fields every batch row has (docs/portfolio.md, "Rows"). */
const FIELDS = ['partner', 'area', 'score', 'status', 'errors'];
const isRow = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) && FIELDS.every((f) => f in v) && typeof v.partner === 'string';

/**
 * The batch rows in `text`, or null when it is not batch output: JSON lines
 * (the last `{"summary": …}` line left out: the summary is recomputed from
 * the rows), a JSON array of rows, or `{rows: […]}`.
 */
export function readPortfolio(text) {
  const trimmed = String(text).trim();
  if (!trimmed) return null;
  let values;
  try {
    const whole = JSON.parse(trimmed);
    values = Array.isArray(whole) ? whole : Array.isArray(whole?.rows) ? whole.rows : [whole];
  } catch {
    try {
      values = trimmed.split(/\r?\n/).filter((l) => l.trim()).map((l) => JSON.parse(l));
    } catch {
      return null;
    }
  }
  const rows = values.filter((v) => !(v && typeof v === 'object' && 'summary' in v && Object.keys(v).length === 1));
  return rows.length && rows.every(isRow) ? rows : null;
}

/** The partners in row order, each with its rows by area: [{partner, byArea: {id: row}, unscored, files, errors}]. */
export function partnersOf(rows) {
  const out = [];
  const index = new Map();
  for (const row of rows) {
    let p = index.get(row.partner);
    if (!p) {
      p = { partner: row.partner, byArea: {}, unscored: false, files: row.files ?? 0, skippedRows: row.skippedRows ?? 0, errors: row.errors ?? [] };
      index.set(row.partner, p);
      out.push(p);
    }
    if (row.area === null) p.unscored = true;
    else p.byArea[row.area] = row;
  }
  return out;
}

/**
 * Per designation (the summary's areas), the partners scored there whose
 * files had errors: the "broken files per area" beside the summary's counts.
 */
export function brokenByArea(rows) {
  const out = {};
  for (const row of rows) if (row.area !== null && row.errors?.length) out[row.area] = (out[row.area] ?? 0) + 1;
  return out;
}

/** Whether a not-qualified score is within 10 points of `minTotal` (a lower bound counts), as the summary counts it. */
const withinTen = (row, minTotal) => row.status !== 'qualified' && typeof row.score === 'number' && row.score >= minTotal - 10;

/**
 * The portfolio view. `rows` in the core's order, `summary` the core's;
 * `rulesets` by id (each area's minimum total); `onClose()` hides it.
 */
export function portfolioView({ name, rows, summary, rulesets = {}, onClose }) {
  const partners = partnersOf(rows);
  const areas = summary.areas;
  const broken = brokenByArea(rows);
  const minTotal = (area) => rulesets[area]?.qualification?.minTotal ?? 70;
  const S = P.summaryColumns;

  const summaryTable = h(
    'div',
    { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': P.summaryCaption },
    h(
      'table',
      { 'data-table': 'portfolio-summary' },
      h('caption', {}, P.summaryCaption),
      h('thead', {}, h('tr', {}, [S.area, S.scored, S.qualified, S.withinTen, S.incentive, S.errors].map((t) => h('th', { scope: 'col' }, t)))),
      h(
        'tbody',
        {},
        areas.map((a) =>
          h(
            'tr',
            { 'data-area': a.area },
            h('th', { scope: 'row' }, a.label),
            h('td', { class: 'num', 'data-field': 'scored' }, number(a.scored)),
            h('td', { class: 'num', 'data-field': 'qualified' }, number(a.qualified)),
            h('td', { class: 'num', 'data-field': 'withinTen' }, number(a.withinTen)),
            h('td', { class: 'num', 'data-field': 'incentiveLineMet' }, a.incentiveLineMet === null ? INCENTIVE_TEXT.none : number(a.incentiveLineMet)),
            h('td', { class: 'num', 'data-field': 'withErrors' }, number(broken[a.area] ?? 0)),
          ),
        ),
      ),
    ),
  );
  const names = (label, list, field) => (list.length ? h('p', { class: 'portfolio-names', 'data-field': field }, h('strong', {}, label), ' ', list.join(', ')) : null);

  // The partner table: a column per designation, sorted by any column.
  const columns = [
    { id: 'partner', label: P.partner, key: (p) => p.partner.toLowerCase() },
    ...areas.map((a) => ({ id: a.area, label: a.label, key: (p) => p.byArea[a.area]?.score ?? null })),
    { id: 'errors', label: P.errors, key: (p) => p.errors.length },
  ];
  const state = { sort: 'partner', descending: false, search: '', offset: 0 };
  const LIMIT = 100;
  const headRow = h('tr');
  const body = h('tbody');
  const pageStatus = h('span', { class: 'page-status', 'data-field': 'page', 'aria-live': 'polite' });
  const previous = h('button', { type: 'button', class: 'secondary', 'data-action': 'previous-page', onclick: () => ((state.offset -= LIMIT), fill()) }, 'Previous');
  const next = h('button', { type: 'button', class: 'secondary', 'data-action': 'next-page', onclick: () => ((state.offset += LIMIT), fill()) }, 'Next');
  const pager = h('div', { class: 'pager', 'data-field': 'pager' }, previous, pageStatus, next);

  const cell = (p, area) => {
    const row = p.byArea[area.area];
    if (!row) return h('td', { 'data-area': area.area, class: 'muted' }, p.unscored ? P.notScored : INCENTIVE_TEXT.none);
    const near = withinTen(row, minTotal(area.area));
    return h(
      'td',
      { 'data-area': area.area, 'data-status': row.status, class: near ? 'within-ten' : null, title: row.next ?? undefined },
      row.status === 'not_scored' ? null : [h('span', { class: 'score', 'data-field': 'score', 'data-exact': row.score ?? undefined }, scoreText(row.score, row.atLeast)), ' '],
      h('span', { class: `badge ${row.status}`, 'data-field': 'status' }, STATUS[row.status] ?? row.status),
      near ? h('span', { class: 'portfolio-flag', 'data-field': 'within-ten' }, P.withinTen) : null,
      row.incentiveLineMet === true ? h('span', { class: 'portfolio-flag', 'data-field': 'incentive' }, P.incentiveMet) : null,
    );
  };

  const sorted = () => {
    const column = columns.find((c) => c.id === state.sort) ?? columns[0];
    const search = state.search.trim().toLowerCase();
    const list = partners.filter((p) => !search || p.partner.toLowerCase().includes(search));
    // Numbers and names ascending, nulls (not scored) last either way; ties keep the portfolio's order.
    const keyed = list.map((p, i) => [column.key(p), i, p]);
    const sign = state.descending ? -1 : 1;
    keyed.sort(([a, i], [b, j]) => (a === null && b === null ? i - j : a === null ? 1 : b === null ? -1 : a < b ? -sign : a > b ? sign : i - j));
    return keyed.map(([, , p]) => p);
  };

  const fill = () => {
    const list = sorted();
    state.offset = Math.max(0, Math.min(state.offset, Math.max(0, list.length - 1)));
    const page = list.slice(state.offset, state.offset + LIMIT);
    headRow.replaceChildren(
      ...columns.map((c) =>
        h(
          'th',
          { scope: 'col', 'data-column': c.id, 'aria-sort': state.sort === c.id ? (state.descending ? 'descending' : 'ascending') : null },
          h(
            'button',
            {
              type: 'button',
              class: 'sort',
              'data-action': 'sort',
              'aria-label': P.sortBy(c.label),
              onclick: () => {
                // A designation sorts highest first at the first press; the partner's name A to Z.
                state.descending = state.sort === c.id ? !state.descending : c.id !== 'partner';
                state.sort = c.id;
                state.offset = 0;
                fill();
                headRow.querySelector(`[data-column="${c.id}"] button`)?.focus();
              },
            },
            c.label,
          ),
        ),
      ),
    );
    body.replaceChildren(
      ...page.map((p) =>
        h(
          'tr',
          { 'data-partner': p.partner },
          h('th', { scope: 'row' }, p.partner),
          areas.map((a) => cell(p, a)),
          h('td', { class: 'errors', 'data-field': 'errors' }, p.errors.length ? h('details', {}, h('summary', {}, number(p.errors.length)), h('ul', {}, p.errors.map((e) => h('li', {}, e)))) : '0'),
        ),
      ),
    );
    pager.hidden = list.length <= LIMIT;
    pageStatus.textContent = P.pages(number(list.length ? state.offset + 1 : 0), number(state.offset + page.length), number(list.length));
    previous.disabled = state.offset === 0;
    next.disabled = state.offset + page.length >= list.length;
  };
  const search = h('input', { type: 'search', id: 'portfolio-search', oninput: () => ((state.search = search.value), (state.offset = 0), fill()) });
  fill();

  return h(
    'section',
    { class: 'card portfolio', 'data-section': 'portfolio', 'aria-labelledby': 'portfolio-title' },
    h('div', { class: 'portfolio-head' }, h('h2', { id: 'portfolio-title', tabindex: '-1' }, P.title), h('button', { type: 'button', class: 'secondary', 'data-action': 'close-portfolio', onclick: onClose }, P.close)),
    h('p', { class: 'muted' }, P.intro(name, summary.partners)),
    summaryTable,
    names(P.unscored(summary.unscored.length), summary.unscored, 'unscored'),
    names(P.withErrors(summary.withErrors.length), summary.withErrors, 'with-errors'),
    h('label', { class: 'inline portfolio-search' }, `${P.search} `, search),
    h(
      'div',
      { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': P.tableCaption },
      h('table', { 'data-table': 'portfolio' }, h('caption', {}, P.tableCaption), h('thead', {}, headRow), body),
    ),
    pager,
  );
}
