// The Azure areas' explanation (detail.model "azure": Data & AI,
// Infrastructure, Digital & App Innovation): how the track was classified,
// the trailing twelve months' ACR and its growth, each tenant's ACR in the
// four months net customer adds look at, each service and whether it is a
// deployment, what does not count and what is within reach.

import { addMonths, amount, h, monthName, number, percent, plural, table, usd } from './dom.js';
import { DETAIL_TEXT as T } from './strings.js';

const growth = (g) => (g === null || g === undefined ? T.unknownGrowth : `${number(Math.round(g * 10) / 10)}%`);
const orUnknown = (v) => (v === null || v === undefined ? T.unknownAmount : usd(v));
const rows = (n) => plural(n, ...T.rows);

function summary(d, kit) {
  const c = d.classification ?? {};
  const classified = c.share !== null && c.share !== undefined && c.withSegment > 0;
  const ttm = d.ttm ?? {};
  return [
    d.firstMonth && d.lastMonth
      ? h('p', { class: 'meta', 'data-field': 'covers' }, T.covers(T.azureSource[d.source] ?? d.source, monthName(d.firstMonth), monthName(d.lastMonth)))
      : null,
    h(
      'p',
      {},
      h('span', { 'data-field': 'classification' }, classified ? T.classification(number(c.smb), number(c.withSegment), percent(c.share), c.track ? kit.label(c.track) : T.none) : T.noSegments),
      ' ',
      h('span', { class: 'muted-inline', 'data-field': 'customers' }, T.customers(c.customers ?? 0, monthName(d.asOf))),
    ),
    h(
      'p',
      { 'data-field': 'ttm' },
      T.ttm(
        h('span', { 'data-field': 'ttm-as-of' }, orUnknown(ttm.asOf)),
        h('span', { 'data-field': 'ttm-baseline' }, orUnknown(ttm.baseline)),
        h('strong', { 'data-field': 'growth' }, growth(ttm.growth)),
        monthName(d.asOf),
        monthName(d.baseline),
      ),
    ),
  ];
}

function tenants(d, kit) {
  const count = kit.size('tenants');
  const tracks = kit.tracks([]);
  const months = [d.asOf, addMonths(d.asOf, -1), d.baseline, addMonths(d.baseline, -1)].map((m) => monthName(m, true));
  const cell = (v) => h('td', { class: 'num' }, amount(v));
  return table({
    name: 'detail-tenants',
    caption: T.tenantsCaption(number(count)),
    head: [
      [
        { text: T.tenant, rowspan: 2, sort: 'name' },
        { text: T.segment, rowspan: 2, sort: 'segment' },
        { text: T.acr, colspan: 4, class: 'group' },
        ...tracks.map((id) => ({ text: T.customer(kit.label(id)), rowspan: 2 })),
        { text: T.withinReach, rowspan: 2 },
      ],
      // ACR in each month, largest first.
      months.map((text, i) => ({ text, class: 'num', sort: `acr.${['asOf', 'previous', 'baseline', 'baselinePrevious'][i]}`, descending: true })),
    ],
    page: kit.page('tenants'),
    search: T.searchTenants,
    row: (t) =>
      h(
        'tr',
        { 'data-tenant': t.id, 'data-customer': String(Boolean(t.customer)) },
        h('th', { scope: 'row', 'data-field': 'tenant' }, t.name ?? h('span', { class: 'tenant-id' }, t.id)),
        h(
          'td',
          { 'data-field': 'segment' },
          t.segment ?? T.none,
          t.smb === null || t.smb === undefined ? null : [' ', h('span', { class: 'muted' }, T.smb[t.smb])],
        ),
        cell(t.acr?.asOf),
        cell(t.acr?.previous),
        cell(t.acr?.baseline),
        cell(t.acr?.baselinePrevious),
        tracks.map((id) => {
          const x = t.tracks?.[id];
          return h('td', { 'data-track': id }, kit.count(x && { asOf: x.eligible?.asOf, baseline: x.eligible?.baseline, net: x.netAdd }));
        }),
        h(
          'td',
          { class: 'hint', 'data-field': 'hint' },
          tracks.map((id) => t.tracks?.[id]?.hint).filter(Boolean).map((hint) => h('span', {}, hint)),
        ),
      ),
    pages: T.pages,
  });
}

function services(d, kit) {
  return table({
    name: 'detail-services',
    caption: T.servicesCaption(number(kit.size('services'))),
    head: [[{ text: T.service, sort: 'name' }, { text: T.serviceAcr, class: 'num', sort: 'acr', descending: true }, T.deployment]],
    page: kit.page('services'),
    search: T.searchServices,
    row: (s) =>
      h(
        'tr',
        { 'data-service': s.name, 'data-deployment': String(Boolean(s.deployment)) },
        h('th', { scope: 'row' }, s.name),
        h('td', { class: 'num', 'data-field': 'acr' }, amount(s.acr)),
        h('td', { 'data-field': 'deployment' }, s.deployment ? T.yes : (T.notDeployment[s.reason] ?? `No: ${s.reason ?? ''}`)),
      ),
    pages: T.pages,
  });
}

function notCounted(d) {
  const items = [];
  if (d.setAside > 0) items.push(h('li', { 'data-ignored': 'set-aside' }, T.setAside(usd(d.setAside))));
  if (d.flagged?.rows > 0) items.push(h('li', { 'data-ignored': 'flagged' }, T.flagged(rows(d.flagged.rows), usd(d.flagged.acr))));
  for (const [name, r] of Object.entries(d.ignored?.associations ?? {}))
    items.push(h('li', { 'data-ignored': 'association', 'data-name': name }, T.association(name, rows(r.rows), usd(r.acr))));
  for (const [name, r] of Object.entries(d.ignored?.offers ?? {})) items.push(h('li', { 'data-ignored': 'offer', 'data-name': name }, T.offer(name, rows(r.rows), usd(r.acr))));
  if (d.offersChecked === false) items.push(h('li', { 'data-ignored': 'offers-unchecked' }, T.offersUnchecked));
  return items.length ? [h('h4', {}, T.notCounted), h('ul', { class: 'detail-list', 'data-field': 'not-counted' }, items)] : null;
}

/** The explanation's content; `kit` has the area's track labels and the shared cells. */
export function azureDetail(d, kit) {
  return [
    summary(d, kit),
    kit.size('tenants') ? tenants(d, kit) : null,
    kit.size('services') ? services(d, kit) : null,
    notCounted(d),
    d.hints?.length ? [h('h4', {}, T.withinReach), h('ul', { class: 'detail-list', 'data-field': 'hints' }, d.hints.map((hint) => h('li', {}, hint)))] : null,
  ];
}
