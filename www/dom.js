// The few DOM and number helpers every view of <spd-score-calculator>
// shares. Every text is set as a text node, never as HTML.

import { STATUS } from './strings.js';

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

/** Partner Center shows one decimal for metrics, whole points for totals. */
export const metricPoints = (p) => (p === null || p === undefined ? '–' : (Math.round(p * 10) / 10).toFixed(1));
export const totalPoints = (p) => String(Math.round(p));
export const number = (v) => (v === null || v === undefined ? '–' : Number(v).toLocaleString('en', { maximumFractionDigits: 2 }));
export const percent = (r) => (r === null || r === undefined ? '' : `${Math.round(r * 1000) / 10}%`);
/** "1 error", "2 errors". */
export const plural = (n, one, many) => `${number(n)} ${n === 1 ? one : many}`;
export const signed = (v) => (v > 0 ? `+${number(v)}` : number(v));

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
