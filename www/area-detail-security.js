// Security's explanation (detail.model "security"), part by part: the Azure
// part's security ACR (the trailing twelve months of the tenants in the usage
// band) per track, the Microsoft 365 part's protected users and its active
// test, then each part's tenants with their bands now and a year ago, what
// they change, and what is within reach.

import { amount, h, monthName, number, percent, signed, table, usd } from './dom.js';
import { DETAIL_TEXT as T } from './strings.js';

const orUnknown = (v) => (v === null || v === undefined ? T.unknownAmount : usd(v));
/** ✓ or – now / a year ago. */
const mark = (b) => (b ? '✓' : '–');
const both = (x) => `${mark(x?.asOf)} / ${mark(x?.baseline)}`;
/** A cell's lines, a space between them: one line each when wide, one run when narrow. */
const lines = (spans) => spans.filter(Boolean).flatMap((span, i) => (i ? [' ', span] : [span]));

/** "customer ✓ / –" lines, then the carry-over note when it applies. */
function bands(id, x, names) {
  if (!x) return h('td', { 'data-track': id, class: 'bands' }, T.none);
  const c = x.carriedOver ?? {};
  const carried = c.asOf && c.baseline ? T.carriedOver.both : c.asOf ? T.carriedOver.asOf : c.baseline ? T.carriedOver.baseline : null;
  return h(
    'td',
    { 'data-track': id, 'data-field': 'bands', class: 'bands' },
    lines([
      ...names.map((name) => h('span', { 'data-band': name }, `${T.band[name]} ${both(x[name])}`)),
      carried ? h('span', { class: 'muted', 'data-field': 'carried-over' }, carried) : null,
    ]),
  );
}

/** "add +1", "deployment 0", "growth +5,000". */
function net(id, x, growth) {
  if (!x) return h('td', { 'data-track': id, class: 'net-cell' }, T.none);
  const line = (field, label, value) => h('span', { 'data-field': field }, `${label} `, h('span', { class: value === '0' ? 'net zero' : 'net' }, value));
  return h(
    'td',
    { 'data-track': id, 'data-field': 'net', class: 'net-cell' },
    lines([
      line('net-add', T.netLine.add, signed(x.netAdd ?? 0)),
      line('net-deployment', T.netLine.deployment, signed(x.netDeployment ?? 0)),
      line('growth', T.netLine.growth, growth(x.growth ?? 0)),
    ]),
  );
}

function tenantName(t) {
  return h(
    'th',
    { scope: 'row', 'data-field': 'tenant' },
    t.name ?? h('span', { class: 'tenant-id' }, t.id),
    t.contributes ? null : [' ', h('span', { class: 'muted' }, T.changesNothing)],
  );
}

function azurePart(d, kit, tracks) {
  const a = d.azure;
  const out = [h('h4', {}, T.azurePart)];
  if (!a) return [...out, h('p', { 'data-field': 'azure-unknown' }, T.noAzure)];
  if (a.firstMonth && a.lastMonth) out.push(h('p', { class: 'meta', 'data-field': 'covers' }, T.covers(T.azureSource.azureUsage, monthName(a.firstMonth), monthName(a.lastMonth))));
  if (!a.known) out.push(h('p', { 'data-field': 'azure-unknown' }, T.azureUnknown(monthName(a.firstMonth), monthName(a.lastMonth), monthName(d.asOf), monthName(d.baseline))));
  else {
    out.push(h('p', {}, T.secAcrRule));
    out.push(
      h(
        'ul',
        { class: 'detail-list', 'data-field': 'sec-acr' },
        tracks.map((id) => {
          const x = a.secAcr?.[id];
          return h(
            'li',
            { 'data-track': id },
            T.secAcr(kit.label(id), h('strong', { 'data-field': 'as-of' }, orUnknown(x?.asOf)), h('span', { 'data-field': 'baseline' }, orUnknown(x?.baseline)), monthName(d.asOf), monthName(d.baseline)),
          );
        }),
      ),
    );
  }
  if (a.setAside > 0) out.push(h('p', { class: 'meta', 'data-field': 'set-aside' }, T.setAside(usd(a.setAside))));
  const count = kit.size('tenants');
  if (!count) return out;
  const month = (m) => ({ text: monthName(m, true), class: 'num' });
  out.push(
    h('p', { class: 'meta legend', 'data-field': 'legend' }, T.bandsLegend),
    table({
      name: 'detail-security-azure',
      caption: T.azureTenantsCaption(number(count)),
      head: [
        [{ text: T.tenant, rowspan: 2, sort: 'name' }, { text: T.secTtm, colspan: 2, class: 'group' }, ...tracks.map((id) => ({ text: kit.label(id), colspan: 2, class: 'group' }))],
        [{ ...month(d.asOf), sort: 'azure.ttm.asOf', descending: true }, { ...month(d.baseline), sort: 'azure.ttm.baseline', descending: true }, ...tracks.flatMap(() => [T.bands, T.net])],
      ],
      // Every tenant of the area, those with an Azure part first (missing values sort last).
      page: kit.page('tenants', { sort: 'azure.ttm.asOf', descending: true }),
      search: T.searchTenants,
      row: (t) =>
        h(
          'tr',
          { 'data-tenant': t.id, 'data-contributes': String(Boolean(t.contributes)), 'data-part': String(Boolean(t.azure)) },
          tenantName(t),
          t.azure
            ? [
                h('td', { class: 'num', 'data-field': 'ttm-as-of' }, amount(t.azure.ttm?.asOf)),
                h('td', { class: 'num', 'data-field': 'ttm-baseline' }, amount(t.azure.ttm?.baseline)),
                tracks.map((id) => {
                  const x = t.azure.tracks?.[id];
                  return [bands(id, x, ['customer', 'deployment', 'usage']), net(id, x, signed)];
                }),
              ]
            : h('td', { colspan: 2 + 2 * tracks.length, class: 'no-part', 'data-field': 'no-part', 'data-label': T.azurePart }, T.noAzurePart),
        ),
      pages: T.pages,
    }),
  );
  return out;
}

function m365Part(d, kit, tracks) {
  const m = d.m365;
  const out = [h('h4', {}, T.m365Part)];
  if (!m) out.push(h('p', { 'data-field': 'm365-unknown' }, T.noM365));
  else {
    out.push(h('p', {}, T.protectedRule));
    out.push(
      h(
        'ul',
        { class: 'detail-list', 'data-field': 'protected-users' },
        tracks.map((id) => {
          const x = m.protectedUsers?.[id];
          return h(
            'li',
            { 'data-track': id },
            T.protectedUsers(kit.label(id), h('strong', { 'data-field': 'as-of' }, number(x?.asOf)), h('span', { 'data-field': 'baseline' }, number(x?.baseline)), monthName(d.asOf), monthName(d.baseline)),
          );
        }),
      ),
    );
    out.push(h('p', { 'data-field': 'active-test' }, T.activeTest(percent(m.deploymentRatio))));
  }
  const count = kit.size('tenants');
  if (!count) return out;
  // Seats and activity are the tenant's, the same on every track: read from the first track that has them.
  const first = (t, key) => Object.values(t.m365.tracks ?? {}).find((x) => x?.[key])?.[key] ?? {};
  out.push(
    h('p', { class: 'meta legend', 'data-field': 'legend' }, T.bandsLegend),
    table({
      name: 'detail-security-m365',
      caption: T.m365TenantsCaption(number(count)),
      head: [
        [
          { text: T.tenant, rowspan: 2, sort: 'name' },
          { text: T.maxPau, rowspan: 2, class: 'wrap' },
          { text: T.bestActive, rowspan: 2, class: 'wrap' },
          ...tracks.map((id) => ({ text: kit.label(id), colspan: 3, class: 'group' })),
        ],
        tracks.flatMap(() => [T.bands, { text: T.protectedColumn, class: 'wrap' }, T.net]),
      ],
      // Every tenant of the area, those with a Microsoft 365 part first (missing values sort last).
      page: kit.page('tenants', { sort: `m365.tracks.${kit.area.track ?? tracks[0]}.maxPau.asOf`, descending: true }),
      search: T.searchTenants,
      row: (t) => {
        if (!t.m365)
          return h(
            'tr',
            { 'data-tenant': t.id, 'data-contributes': String(Boolean(t.contributes)), 'data-part': 'false' },
            tenantName(t),
            h('td', { colspan: 2 + 3 * tracks.length, class: 'no-part', 'data-field': 'no-part', 'data-label': T.m365Part }, T.noM365Part),
          );
        const pau = first(t, 'maxPau');
        const active = first(t, 'bestActive');
        const ratio = (r) => (r === null || r === undefined ? T.none : percent(r));
        return h(
          'tr',
          { 'data-tenant': t.id, 'data-contributes': String(Boolean(t.contributes)), 'data-part': 'true' },
          tenantName(t),
          h('td', { class: 'num', 'data-field': 'max-pau' }, `${number(pau.asOf)} / ${number(pau.baseline)}`),
          h('td', { class: 'num', 'data-field': 'active' }, `${ratio(active.asOf)} / ${ratio(active.baseline)}`),
          tracks.map((id) => {
            const x = t.m365.tracks?.[id];
            return [
              bands(id, x, ['eligible', 'deployed']),
              h('td', { class: 'num', 'data-track': id, 'data-field': 'protected-users' }, x ? `${number(x.protectedUsers?.asOf)} / ${number(x.protectedUsers?.baseline)}` : T.none),
              net(id, x, signed),
            ];
          }),
        );
      },
      pages: T.pages,
    }),
  );
  return out;
}

/** The explanation's content; `kit` has the area's track labels. */
export function securityDetail(d, kit) {
  const tracks = kit.tracks([d.azure?.secAcr, d.m365?.protectedUsers]);
  return [
    azurePart(d, kit, tracks),
    m365Part(d, kit, tracks),
    d.hints?.length ? [h('h4', {}, T.withinReach), h('ul', { class: 'detail-list', 'data-field': 'hints' }, d.hints.map((hint) => h('li', {}, hint)))] : null,
  ];
}
