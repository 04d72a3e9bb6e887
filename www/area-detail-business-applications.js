// Business Applications' explanation (detail.model "businessApplications"):
// the pairs of tenant and workload that classify the track, the monthly
// consumption value (MCV), each pair's revenue and usage in the as-of month
// and its baseline with what it adds per track, the pairs within reach of a
// deployment and the rows set aside.

import { amount, h, monthName, number, table, usd } from './dom.js';
import { DETAIL_TEXT as T } from './strings.js';

const tenantName = (p) => p.tenantName ?? p.tenant;

function monthsText(months) {
  const names = months.map((m) => monthName(m));
  if (names.length === 2) return T.bothMonths(names[0], names[1]);
  if (names.length === 1) return names[0];
  return T.everyMonth(`${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);
}

function summary(d, kit) {
  const c = d.classification;
  const mcv = d.mcv ?? {};
  const mcvText = (v) => (v === null || v === undefined ? T.unknownMcv : number(v));
  return [
    c
      ? [
          h('p', { 'data-field': 'classification' }, T.pairsRule(usd(c.revenueAbove), monthsText(c.months ?? []), number(c.pairs), number(c.pairsNeeded), kit.label(c.track))),
          c.deciding?.length
            ? h(
                'div',
                { class: 'deciding' },
                h('span', { id: 'detail-deciding' }, T.deciding),
                h('ul', { class: 'pairs', 'aria-labelledby': 'detail-deciding', 'data-field': 'deciding' }, c.deciding.map((p) => h('li', { 'data-tenant': p.tenant, 'data-workload': p.workload }, `${tenantName(p)}: ${p.workload}`))),
              )
            : null,
        ]
      : h('p', { 'data-field': 'classification' }, T.notClassified),
    h(
      'p',
      { 'data-field': 'mcv' },
      T.mcv(h('span', { 'data-field': 'total-mcv-as-of' }, mcvText(mcv.asOf)), h('span', { 'data-field': 'total-mcv-baseline' }, mcvText(mcv.baseline)), monthName(d.asOf), monthName(d.baseline)),
    ),
  ];
}

function revenue(d, kit) {
  const tracks = kit.tracks([]);
  return table({
    name: 'detail-revenue',
    caption: T.revenueCaption(number(kit.size('revenue'))),
    head: [
      [
        { text: T.tenant, rowspan: 2, sort: 'tenantName' },
        { text: T.workload, rowspan: 2, sort: 'workload' },
        { text: T.revenue, colspan: 2, class: 'group' },
        ...tracks.map((id) => ({ text: T.add(kit.label(id)), rowspan: 2 })),
      ],
      [d.asOf, d.baseline].map((m, i) => ({ text: monthName(m, true), class: 'num', sort: i ? 'baseline' : 'asOf', descending: true })),
    ],
    page: kit.page('revenue'),
    search: T.searchPairs,
    pages: T.pages,
    row: (p) =>
      h(
        'tr',
        { 'data-tenant': p.tenant, 'data-workload': p.workload, 'data-classifies': String(Boolean(p.classifies)) },
        h('th', { scope: 'row' }, tenantName(p)),
        h('td', {}, p.workload, p.classifies ? [' ', h('span', { class: 'tag' }, T.classifies)] : null),
        h('td', { class: 'num', 'data-field': 'as-of' }, amount(p.asOf)),
        h('td', { class: 'num', 'data-field': 'baseline' }, amount(p.baseline)),
        tracks.map((id) => h('td', { 'data-track': id }, kit.count(p.adds?.[id]))),
      ),
  });
}

function usage(u, unit) {
  if (!u) return T.none;
  return [number(u.usage), ' ', unit, u.columns?.length ? [' ', h('span', { class: 'muted', 'data-field': 'columns' }, `(${u.columns.join(', ')})`)] : null];
}

function consumption(d, kit) {
  const tracks = kit.tracks([]);
  const months = [d.asOf, d.baseline].map((m) => ({ text: monthName(m, true), class: 'num' }));
  return table({
    name: 'detail-consumption',
    caption: T.consumptionCaption(number(kit.size('consumption'))),
    head: [
      [
        { text: T.tenant, rowspan: 2, sort: 'tenantName' },
        { text: T.workload, rowspan: 2, sort: 'workload' },
        { text: T.usage, colspan: 2, class: 'group' },
        { text: T.rate, rowspan: 2, class: 'num' },
        { text: T.mcvColumn, colspan: 2, class: 'group' },
        ...tracks.map((id) => ({ text: T.deploymentOn(kit.label(id)), rowspan: 2 })),
      ],
      [...months, ...months],
    ],
    page: kit.page('consumption'),
    search: T.searchPairs,
    pages: T.pages,
    row: (p) =>
      h(
        'tr',
        { 'data-tenant': p.tenant, 'data-workload': p.workload },
        h('th', { scope: 'row' }, tenantName(p)),
        h('td', {}, p.workload),
        h('td', { class: 'num', 'data-field': 'usage-as-of' }, usage(p.asOf, p.unit)),
        h('td', { class: 'num', 'data-field': 'usage-baseline' }, usage(p.baseline, p.unit)),
        h('td', { class: 'num', 'data-field': 'rate' }, number(p.rate)),
        h('td', { class: 'num', 'data-field': 'mcv-as-of' }, p.asOf ? number(p.asOf.mcv) : T.none),
        h('td', { class: 'num', 'data-field': 'mcv-baseline' }, p.baseline ? number(p.baseline.mcv) : T.none),
        tracks.map((id) => h('td', { 'data-track': id }, kit.count(p.deployments?.[id]))),
      ),
  });
}

function setAside(d, kit) {
  return table({
    name: 'detail-set-aside',
    caption: T.setAsideCaption(number(kit.size('setAside'))),
    head: [[T.name, T.download, T.why, { text: T.rowsColumn, class: 'num' }]],
    page: kit.page('setAside'),
    pages: T.pages,
    row: (s) =>
      h(
        'tr',
        { 'data-dataset': s.dataset, 'data-reason': s.reason },
        h('th', { scope: 'row' }, s.name),
        h('td', {}, T.dataset[s.dataset] ?? s.dataset),
        h('td', {}, T.reason[s.reason] ?? s.reason),
        h('td', { class: 'num' }, number(s.rows)),
      ),
  });
}

/** The explanation's content; `kit` has the area's track labels and the shared cells. */
export function businessApplicationsDetail(d, kit) {
  return [
    summary(d, kit),
    kit.size('revenue') ? revenue(d, kit) : null,
    kit.size('consumption') ? consumption(d, kit) : null,
    d.withinReach?.length ? [h('h4', {}, T.withinReach), h('ul', { class: 'detail-list', 'data-field': 'within-reach' }, d.withinReach.map((w) => h('li', { 'data-tenant': w.tenant, 'data-workload': w.workload, 'data-track': w.track }, w.message)))] : null,
    kit.size('setAside') ? setAside(d, kit) : null,
  ];
}
