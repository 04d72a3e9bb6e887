// Modern Work's tenants: a table of every tenant the report lists, per track
// whether it is in the band now and a year ago, its seats, MAU and
// deployments, and what it contributes; sortable, searchable, filterable.

import { h, number, percent, signed } from './dom.js';
import { tenantNotes } from './rules.js';
import { rows } from './rows.js';

/** Rows shown at first, and added by "Show more". */
const PAGE_SIZE = 100;

/** A fresh table state, kept by the component across refreshes. */
export const tenantView = () => ({ track: null, search: '', filter: 'all', association: 'all', sort: 'contribution', descending: true, shown: PAGE_SIZE });

/** The card; `view` (from tenantView()) holds the user's choices, `firstTrack` the host's track attribute. */
export function tenants(report, { view, firstTrack, ruleset }) {
  const trackIds = Object.keys(report.tracks);
  view.track = [view.track, firstTrack, report.bestTrack, trackIds[0]].find((t) => trackIds.includes(t));
  const body = h('tbody');
  const count = h('p', { class: 'count', 'aria-live': 'polite' });
  const more = h('button', { type: 'button', class: 'secondary', part: 'button', onclick: () => ((view.shown += PAGE_SIZE), draw()) }, 'Show more');
  const headers = [
    ['tenant', 'Tenant'],
    ['eligible', 'Eligible now / a year ago'],
    ['pau', 'Paid seats now'],
    ['mau', 'MAU now / then'],
    ['deployed', 'Deployed now / then (best ratio)'],
    ['contribution', 'Contribution'],
  ];
  const headRow = h('tr');
  // Whether the tenant changes a metric of the track shown.
  const counts = (t) => {
    const tt = t.tracks[view.track];
    return Boolean(tt && (tt.netAdd || Object.values(tt.options).some((o) => o.deployment || o.growth)));
  };
  const filters = { counts: (t) => counts(t), not: (t) => !counts(t) };
  const key = (t) => {
    const tt = t.tracks[view.track];
    if (!tt) return 0;
    const options = Object.values(tt.options);
    switch (view.sort) {
      case 'tenant': return t.id;
      case 'eligible': return Number(tt.eligible.asOf) * 2 + Number(tt.eligible.baseline);
      case 'pau': return tt.maxPau.asOf;
      case 'mau': return options.reduce((s, o) => s + o.asOf.mau, 0);
      case 'deployed': return Math.max(0, ...options.map((o) => o.asOf.bestRatio ?? 0));
      default: return Math.abs(tt.netAdd) * 1e9 + options.reduce((s, o) => s + Math.abs(o.growth ?? 0) + Math.abs(o.deployment) * 1e6, 0);
    }
  };
  /** The first `view.shown` tenants the choices select, and how many they select (rows.js). */
  const page = () =>
    rows(report, {
      list: 'tenants',
      search: view.search,
      filter: (t) => (filters[view.filter]?.(t) ?? true) && (view.association === 'all' || t.associations.includes(view.association)),
      sort: key,
      descending: view.descending,
      limit: view.shown,
    });
  const yesNo = (b) => (b ? 'yes' : 'no');
  const draw = () => {
    headRow.replaceChildren(
      ...headers.map(([id, label]) =>
        h(
          'th',
          { scope: 'col', 'aria-sort': view.sort === id ? (view.descending ? 'descending' : 'ascending') : 'none' },
          h('button', { type: 'button', class: 'sort', onclick: () => ((view.descending = view.sort === id ? !view.descending : id !== 'tenant'), (view.sort = id), draw()) }, label),
        ),
      ),
    );
    const { total, rows: shown } = page();
    body.replaceChildren(
      ...shown.map((t) => {
        const tt = t.tracks[view.track];
        // Only the options the tenant has rows under.
        const options = tt ? Object.entries(tt.options).filter(([o]) => t.associations.includes(o)) : [];
        const perOption = (f) => options.map(([o, v]) => `${o} ${f(v)}`).join(' · ');
        const growth = options.reduce((s, [, o]) => s + (o.growth ?? 0), 0);
        const deployments = options.map(([o, v]) => (v.deployment ? `${o} ${signed(v.deployment)}` : null)).filter(Boolean);
        // Counted on the track by the carry-over, or for usage growth and deployments only.
        const notes = tenantNotes(tt, view.track, ruleset, report.tracks[view.track]?.label);
        return h(
          'tr',
          { class: counts(t) ? 'contributes' : '' },
          h('th', { scope: 'row' }, h('span', { class: 'tenant-id' }, t.id), h('span', { class: 'tenant-name' }, [t.name && t.name !== t.id ? t.name : null, t.associations.join(', ')].filter(Boolean).join(' · '))),
          h(
            'td',
            { 'data-label': headers[1][1] },
            tt ? `${yesNo(tt.eligible.asOf)} / ${yesNo(tt.eligible.baseline)}` : '–',
            notes.map((n) => h('span', { class: `tenant-note ${n.kind}`, 'data-note': n.kind }, n.text)),
          ),
          h('td', { 'data-label': headers[2][1] }, tt ? number(tt.maxPau.asOf) : '–'),
          h('td', { 'data-label': headers[3][1], title: perOption((v) => `${number(v.asOf.mau)} / ${number(v.baseline.mau)}`) }, perOption((v) => `${number(v.asOf.mau)} / ${number(v.baseline.mau)}`)),
          h('td', { 'data-label': headers[4][1] }, perOption((v) => `${yesNo(v.asOf.deployed)}${v.asOf.bestRatio !== null ? ` (${percent(v.asOf.bestRatio)})` : ''} / ${yesNo(v.baseline.deployed)}`)),
          h('td', { 'data-label': headers[5][1] }, tt ? [tt.netAdd ? `customer ${signed(tt.netAdd)}` : null, growth ? `MAU ${signed(growth)}` : null, deployments.length ? `deployed ${deployments.join(', ')}` : null].filter(Boolean).join('; ') || 'none' : '–'),
        );
      }),
    );
    const omitted = report.tenantCount - report.tenants.length;
    count.textContent = `${total === 1 ? '1 tenant' : `${number(total)} tenants`} shown${total > shown.length ? `, first ${number(shown.length)} listed` : ''}${omitted > 0 ? `; ${number(omitted)} more that change no metric are left out` : ''}.`;
    more.hidden = total <= shown.length;
  };
  const search = h('input', { type: 'search', placeholder: 'Tenant id or name', value: view.search, oninput: () => ((view.search = search.value), (view.shown = PAGE_SIZE), draw()) });
  const filter = h(
    'select',
    { onchange: () => ((view.filter = filter.value), draw()) },
    [['all', 'All tenants'], ['counts', 'Counts on this track'], ['not', 'Does not count on this track']].map(([v, l]) => h('option', { value: v, selected: view.filter === v }, l)),
  );
  const associations = [...new Set(report.tenants.flatMap((t) => t.associations))];
  const association = h(
    'select',
    { onchange: () => ((view.association = association.value), draw()) },
    h('option', { value: 'all' }, 'Every association'),
    associations.map((a) => h('option', { value: a, selected: view.association === a }, a)),
  );
  const track = h(
    'select',
    { onchange: () => ((view.track = track.value), draw()) },
    trackIds.map((id) => h('option', { value: id, selected: view.track === id }, report.tracks[id].label)),
  );
  draw();
  return h(
    'section',
    { class: 'tenants', part: 'tenants', 'aria-labelledby': 'tenants-title' },
    h('h3', { id: 'tenants-title' }, 'Tenants'),
    h(
      'div',
      { class: 'filters' },
      h('label', {}, 'Track ', track),
      h('label', {}, 'Search ', search),
      h('label', {}, 'Show ', filter),
      h('label', {}, 'Association ', association),
    ),
    count,
    h('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': 'Tenants table' }, h('table', { 'data-table': 'tenants' }, h('caption', { class: 'visually-hidden' }, 'Tenants and what each contributes'), h('thead', {}, headRow), body)),
    more,
  );
}
