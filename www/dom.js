// The few DOM helpers every view of <spd-score-calculator> shares (and,
// re-exported, the DOM-free formatting of format.js). Every text is set as a text node, never as HTML.

import { STATUS } from './strings.js';

// The DOM-free formatting, re-exported so that a view imports its helpers from one place.
export * from './format.js';
import { number } from './format.js';

/** Creates an element; strings and numbers become text nodes, never HTML. */
export function h(tag, attributes = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Creates an SVG element: attributes as given (presentation attributes, never style), text as text nodes. */
export function svg(tag, attributes = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/**
 * A question a view asked (rows(), a download) failed: the element shows
 * `error` as it shows any other (it listens for this event on its root).
 */
export function failed(el, error) {
  el.dispatchEvent(new CustomEvent('spd-score:failed', { detail: error, bubbles: true }));
}

/** Offers `text` as a file named `name` to save. */
export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A progress bar drawn with CSSOM (allowed by the CSP, unlike style attributes). */
export function bar(fraction, label) {
  const fill = h('span', { class: 'fill' });
  fill.style.width = `${Math.max(0, Math.min(1, fraction)) * 100}%`;
  return h('span', { class: 'bar', role: 'img', 'aria-label': label, part: 'bar' }, fill);
}

/** A status as a coloured pill ("Qualified", "Incomplete", …). */
export function badge(status, field = 'status') {
  return h('span', { class: `badge ${status}`, 'data-field': field, part: 'badge' }, STATUS[status] ?? status);
}

/**
 * A table in a scrolling region, a page at a time: a visible caption, header
 * rows (`head`: rows of cells, each a text or { text, colspan, rowspan, class,
 * sort }), one row per item built by `row(item)`, its cells labelled with their
 * column's headers (data-label, shown when a narrow page draws each row as a
 * card). `page(offset, limit, {search, sort, descending})` answers {total,
 * rows} or a promise of it (www/rows.js); beyond `limit` rows, "Previous" and
 * "Next" page through them and `pages(from, to, total)` says which are shown.
 * A header cell with `sort` (a dotted path into the row) is a button that
 * sorts by it (text A to Z first, `descending: true` for figures: largest
 * first; again: the other way); `search` (a placeholder) adds a search box.
 * Each is a new question for the first page. The table is aria-busy while a
 * page is asked for; a later question wins over an earlier one.
 */
export function table({ name, caption, head, page, row, limit = 50, search: searchLabel, pages = (from, to, total) => `Rows ${from} to ${to} of ${total}`, empty = 'Nothing matches the search.' }) {
  const order = { sort: undefined, descending: undefined, search: undefined };
  const th = (cell) => {
    const c = typeof cell === 'object' && cell !== null ? cell : { text: cell };
    const scope = c.colspan > 1 ? 'colgroup' : 'col';
    const button = c.sort
      ? h(
          'button',
          {
            type: 'button',
            class: 'sort',
            'data-sort': c.sort,
            onclick: () => {
              order.descending = order.sort === c.sort ? !order.descending : Boolean(c.descending);
              order.sort = c.sort;
              for (const other of tableEl.querySelectorAll('thead th[aria-sort]')) other.setAttribute('aria-sort', other.querySelector('button')?.dataset.sort === order.sort ? (order.descending ? 'descending' : 'ascending') : 'none');
              show(0);
            },
          },
          c.text,
        )
      : null;
    return h('th', { scope, colspan: c.colspan > 1 ? c.colspan : null, rowspan: c.rowspan > 1 ? c.rowspan : null, class: c.class, 'aria-sort': c.sort ? 'none' : null }, button ?? c.text);
  };
  // Each column's header texts ("ACR (USD) Oct 2025"), for the cells' data-label: narrow, a row is a card.
  const labels = [];
  const taken = [];
  head.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      const { text, colspan = 1, rowspan = 1 } = typeof cell === 'object' && cell !== null ? cell : { text: cell };
      while (taken[r]?.[c]) c++;
      for (let dr = 0; dr < rowspan; dr++) for (let dc = 0; dc < colspan; dc++) ((taken[r + dr] ??= [])[c + dc] = true), (labels[c + dc] ??= new Set()).add(text);
      c += colspan;
    }
  });
  const labelled = (tr) => {
    [...tr.children].forEach((cell, i) => cell.tagName === 'TD' && labels[i] && !cell.dataset.label && (cell.dataset.label = [...labels[i]].join(' ')));
    return tr;
  };
  const body = h('tbody');
  const status = h('span', { class: 'page-status', 'data-field': 'page', 'aria-live': 'polite' });
  const previous = h('button', { type: 'button', class: 'secondary', 'data-action': 'previous-page' }, 'Previous');
  const next = h('button', { type: 'button', class: 'secondary', 'data-action': 'next-page' }, 'Next');
  const pager = h('div', { class: 'pager', 'data-field': 'pager', hidden: true }, previous, status, next);
  const tableEl = h('table', { 'data-table': name, 'aria-busy': 'true' }, h('caption', {}, caption));
  tableEl.append(h('thead', {}, head.map((cells) => h('tr', {}, cells.map(th)))), body);
  const searchBox = searchLabel
    ? h('input', {
        type: 'search',
        placeholder: searchLabel,
        'aria-label': `${searchLabel} (${caption})`,
        'data-field': 'search',
        // Asked once typing pauses (each question is a pass over the data in the worker); busy at once.
        oninput: () => {
          order.search = searchBox.value.trim() || undefined;
          tableEl.setAttribute('aria-busy', 'true');
          asked++; // an answer to an earlier question is no longer wanted
          clearTimeout(typing);
          typing = setTimeout(() => show(0), 200);
        },
      })
    : null;
  let typing;
  let offset = 0;
  let asked = 0;
  const fill = async (at) => {
    const question = ++asked;
    tableEl.setAttribute('aria-busy', 'true');
    const { total, rows } = await page(Math.max(0, at), limit, { ...order });
    if (question !== asked) return;
    offset = Math.max(0, at);
    body.replaceChildren(...rows.map((item) => labelled(row(item))));
    if (!rows.length && order.search) body.append(h('tr', { 'data-field': 'empty' }, h('td', { colspan: labels.length }, empty)));
    pager.hidden = total <= limit;
    status.textContent = pages(number(offset + 1), number(offset + rows.length), number(total));
    previous.disabled = offset === 0;
    next.disabled = offset + rows.length >= total;
    tableEl.removeAttribute('aria-busy');
  };
  const show = (at) => fill(at).catch((e) => failed(tableEl, e));
  previous.onclick = () => show(offset - limit);
  next.onclick = () => show(offset + limit);
  show(0);
  return h(
    'div',
    { class: 'detail-table', 'data-table-wrap': name },
    searchBox ? h('div', { class: 'filters' }, searchBox) : null,
    h(
      'div',
      { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': caption },
      tableEl,
    ),
    pager,
  );
}
