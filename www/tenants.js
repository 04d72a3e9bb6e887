// The usage model's tenants (Modern Work: detail.model "usage"): per track
// whether each tenant is in the band now and a year ago, its seats, MAU and
// deployments, and what it contributes. Asked for a page at a time with
// rows() (www/rows.js): the search box, the filters, the sortable column
// headers and "Show more" each make a new query; the page holds no list.

import { failed, h, number, percent, signed } from './dom.js';
import { tenantNotes } from './rules.js';
import { TENANTS_TEXT as T } from './strings.js';

/** Rows asked for at first, and added by "Show more". */
export const PAGE_SIZE = 100;
/** Milliseconds of no typing before a search is asked for. */
export const SEARCH_PAUSE = 200;

/** A fresh table state, kept by the component across refreshes. */
export const tenantView = () => ({ track: null, search: '', only: 'all', association: 'all', sort: 'contribution', descending: true, shown: PAGE_SIZE });

/**
 * The columns: id, header, and the dotted path each sorts by on `track`
 * ('contribution': the core's weight of what the tenant moves; null: not sortable). MAU and deployments are per association type: they
 * sort once one is chosen.
 */
function columns(track, association) {
  const option = association === 'all' ? null : `tracks.${track}.options.${association}`;
  return [
    ['tenant', T.tenant, 'id'],
    ['eligible', T.eligible, `tracks.${track}.eligible.asOf`],
    ['pau', T.pau, `tracks.${track}.maxPau.asOf`],
    ['mau', T.mau, option && `${option}.asOf.mau`],
    ['deployed', T.deployed, option && `${option}.asOf.bestRatio`],
    // The core weighs what a tenant moves on the track: a customer first, then deployments, then growth.
    ['contribution', T.contribution, 'contribution'],
  ];
}

/** The association types a track's options metrics name (CSP, DPOR, CPOR …). */
function associationsOf(area) {
  const out = new Set();
  for (const track of Object.values(area.tracks ?? {})) for (const m of Object.values(track.metrics ?? {})) for (const o of Object.keys(m.options ?? {})) out.add(o);
  return [...out];
}

/** The tenants card of an area whose model lists usage tenants; `kit` from area-detail.js. */
export function tenants({ area, areaId, rows, tenantView: kept, firstTrack, ruleset }) {
  const view = kept ?? tenantView();
  const trackIds = Object.keys(area.tracks ?? {});
  view.track = [view.track, firstTrack, area.track, trackIds[0]].find((t) => trackIds.includes(t));
  const associations = associationsOf(area);
  if (!associations.includes(view.association)) view.association = 'all';
  const titleId = `area-${areaId}-tenants`;
  const body = h('tbody');
  const count = h('p', { class: 'count', 'data-field': 'tenant-count', 'aria-live': 'polite' });
  const headRow = h('tr');
  const tableEl = h('table', { 'data-table': 'tenants', 'aria-busy': 'true' }, h('caption', { class: 'visually-hidden' }, T.caption), h('thead', {}, headRow), body);
  const more = h('button', { type: 'button', class: 'secondary', part: 'button', 'data-action': 'show-more', hidden: true }, T.showMore);
  const yesNo = (b) => (b ? T.yes : T.no);

  /** The query of the choices made, for rows from `offset`. */
  const query = (offset, limit) => {
    const sortBy = columns(view.track, view.association).find(([id]) => id === view.sort)?.[2];
    return {
      list: 'tenants',
      area: areaId,
      track: view.track,
      search: view.search.trim() || undefined,
      only: view.only === 'contributing' ? 'contributing' : undefined,
      association: view.association === 'all' ? undefined : view.association,
      sort: sortBy ?? undefined,
      descending: sortBy ? view.descending : undefined,
      offset,
      limit,
    };
  };

  const row = (t) => {
    const tt = t.tracks?.[view.track];
    // Only the options the tenant has rows under.
    const options = tt ? Object.entries(tt.options ?? {}).filter(([o]) => (t.associations ?? []).includes(o)) : [];
    const perOption = (f) => options.map(([o, v]) => `${o} ${f(v)}`).join(' · ');
    const growth = options.reduce((s, [, o]) => s + (o.growth ?? 0), 0);
    const deployments = options.map(([o, v]) => (v.deployment ? `${o} ${signed(v.deployment)}` : null)).filter(Boolean);
    // Counted on the track by the carry-over, or for usage growth and deployments only.
    const notes = tenantNotes(tt, view.track, ruleset, area.tracks?.[view.track]?.label);
    const contribution = tt
      ? [tt.netAdd ? T.customer(signed(tt.netAdd)) : null, growth ? T.mauChange(signed(growth)) : null, deployments.length ? T.deployedChange(deployments.join(', ')) : null].filter(Boolean).join('; ') || T.none
      : '–';
    const labels = columns(view.track, view.association).map(([, label]) => label);
    return h(
      'tr',
      { class: tt?.contributes ? 'contributes' : '', 'data-tenant': t.id },
      h('th', { scope: 'row' }, h('span', { class: 'tenant-id' }, t.id), h('span', { class: 'tenant-name' }, [t.name && t.name !== t.id ? t.name : null, (t.associations ?? []).join(', ')].filter(Boolean).join(' · '))),
      h(
        'td',
        { 'data-label': labels[1] },
        tt ? `${yesNo(tt.eligible?.asOf)} / ${yesNo(tt.eligible?.baseline)}` : '–',
        notes.map((n) => h('span', { class: `tenant-note ${n.kind}`, 'data-note': n.kind }, n.text)),
      ),
      h('td', { 'data-label': labels[2], 'data-field': 'pau' }, tt ? number(tt.maxPau?.asOf) : '–'),
      h('td', { 'data-label': labels[3], title: perOption((v) => `${number(v.asOf.mau)} / ${number(v.baseline.mau)}`) }, perOption((v) => `${number(v.asOf.mau)} / ${number(v.baseline.mau)}`)),
      h('td', { 'data-label': labels[4] }, perOption((v) => `${yesNo(v.asOf.deployed)}${v.asOf.bestRatio !== null && v.asOf.bestRatio !== undefined ? ` (${percent(v.asOf.bestRatio)})` : ''} / ${yesNo(v.baseline.deployed)}`)),
      h('td', { 'data-label': labels[5], 'data-field': 'contribution' }, contribution),
    );
  };

  const headers = () =>
    headRow.replaceChildren(
      ...columns(view.track, view.association).map(([id, label, path]) =>
        h(
          'th',
          { scope: 'col', 'aria-sort': path ? (view.sort === id ? (view.descending ? 'descending' : 'ascending') : 'none') : undefined },
          path
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'sort',
                  'data-sort': id,
                  // Text sorts A to Z first, figures largest first.
                  onclick: () => ((view.descending = view.sort === id ? !view.descending : id !== 'tenant'), (view.sort = id), draw(), headRow.querySelector(`[data-sort="${id}"]`)?.focus()),
                },
                label,
              )
            : label,
        ),
      ),
    );

  let shown = 0;
  let total = 0;
  let asked = 0;
  const tell = () => {
    count.textContent = T.count(number(total), number(shown), shown < total);
    more.hidden = total <= shown;
    tableEl.removeAttribute('aria-busy');
  };
  /** The first `view.shown` rows of the choices made (a new question replaces any earlier one). */
  const draw = async () => {
    const question = ++asked;
    headers();
    tableEl.setAttribute('aria-busy', 'true');
    const page = await rows(query(0, view.shown));
    if (question !== asked) return;
    body.replaceChildren(...page.rows.map(row));
    shown = page.rows.length;
    total = page.total;
    tell();
  };
  /** "Show more": the next page, added below. */
  const showMore = async () => {
    const question = ++asked;
    tableEl.setAttribute('aria-busy', 'true');
    const page = await rows(query(shown, PAGE_SIZE));
    if (question !== asked) return;
    body.append(...page.rows.map(row));
    shown += page.rows.length;
    total = page.total;
    view.shown = Math.max(PAGE_SIZE, shown);
    tell();
  };
  const redraw = () => {
    view.shown = PAGE_SIZE;
    draw().catch((e) => fail(e));
  };
  // Typing asks once it pauses (each question is a pass over the data in the worker); busy at once.
  let typing;
  const search = h('input', {
    type: 'search',
    placeholder: T.searchPlaceholder,
    value: view.search,
    oninput: () => {
      view.search = search.value;
      tableEl.setAttribute('aria-busy', 'true');
      asked++; // an answer to an earlier question is no longer wanted
      clearTimeout(typing);
      typing = setTimeout(redraw, SEARCH_PAUSE);
    },
  });
  const only = h(
    'select',
    { onchange: () => ((view.only = only.value), redraw()) },
    [
      ['all', T.all],
      ['contributing', T.contributing],
    ].map(([v, l]) => h('option', { value: v, selected: view.only === v }, l)),
  );
  const association = h(
    'select',
    { onchange: () => ((view.association = association.value), redraw()) },
    h('option', { value: 'all' }, T.everyAssociation),
    associations.map((a) => h('option', { value: a, selected: view.association === a }, a)),
  );
  const track = h(
    'select',
    { onchange: () => ((view.track = track.value), redraw()) },
    trackIds.map((id) => h('option', { value: id, selected: view.track === id }, area.tracks[id].label)),
  );
  const section = h(
    'section',
    { class: 'tenants', part: 'tenants', 'data-area': areaId, 'aria-labelledby': titleId },
    h('h4', { id: titleId, 'data-field': 'tenants-title' }, T.title(number(area.lists?.tenants ?? 0))),
    h('div', { class: 'filters' }, h('label', {}, `${T.track} `, track), h('label', {}, `${T.search} `, search), h('label', {}, `${T.show} `, only), h('label', {}, `${T.association} `, association)),
    count,
    h('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': T.caption }, tableEl),
    more,
  );
  const fail = (e) => failed(section, e);
  more.onclick = () => showMore().catch(fail);
  draw().catch(fail);
  return section;
}

/** The usage model's explanation: its tenants, when it lists any. */
export function usageDetail(d, kit) {
  if (kit.size('tenants')) return tenants(kit);
  return h('p', { 'data-field': 'no-tenants' }, kit.area.months?.length ? T.noTenants : T.noUsage);
}
