// An area's explanation, below its tracks: report.areas[id].detail drawn by
// its data model (detail.model), its tables asked for a page at a time
// (rows(), www/rows.js; area.lists says which lists it has and their counts).
// The usage model's (Modern Work) is in tenants.js, Azure's (Data & AI,
// Infrastructure, Digital & App Innovation) in area-detail-azure.js, Business
// Applications' in area-detail-business-applications.js, Security's in
// area-detail-security.js. A model the page does not know yet is not shown.

import { azureDetail } from './area-detail-azure.js';
import { businessApplicationsDetail } from './area-detail-business-applications.js';
import { securityDetail } from './area-detail-security.js';
import { h, signed } from './dom.js';
import { DETAIL_TEXT as T } from './strings.js';
import { usageDetail } from './tenants.js';

const MODELS = { usage: usageDetail, azure: azureDetail, businessApplications: businessApplicationsDetail, security: securityDetail };

/** "+1" and "now only": a track's count in the as-of month and its baseline. */
function count(c) {
  if (!c) return T.none;
  const when = c.asOf && c.baseline ? T.when.both : c.asOf ? T.when.asOf : c.baseline ? T.when.baseline : T.when.neither;
  return [h('span', { class: 'net', 'data-field': 'net' }, signed(c.net ?? 0)), ' ', h('span', { class: 'muted', 'data-field': 'when' }, when)];
}

/** The fields of `o` that have a value. */
const defined = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));

/**
 * The explanation of report.areas[id], or null. `rows` answers the area's
 * lists (www/rows.js); `tenantView` keeps a tenants table's choices across
 * refreshes; `firstTrack`, `ruleset`: the area's.
 */
export function areaDetail(report, areaId, { rows, tenantView, firstTrack, ruleset } = {}) {
  const area = report.areas?.[areaId];
  const detail = area?.detail;
  const draw = MODELS[detail?.model];
  if (!draw) return null;
  const kit = {
    label: (id) => area.tracks?.[id]?.label ?? id,
    /** The area's tracks in its order, then any other in `byTrack` objects (a row's per-track counts). */
    tracks: (byTrack) => {
      const ids = Object.keys(area.tracks ?? {});
      for (const o of byTrack) for (const id of Object.keys(o ?? {})) if (!ids.includes(id)) ids.push(id);
      return ids;
    },
    count,
    /** How many rows the area's list `list` holds (area.lists), 0 when it has none. */
    size: (list) => area.lists?.[list] ?? 0,
    /**
     * A table's pages of the area's list `list`, with the query's other fields in `query` (a default sort, only …);
     * the reader's search and sort (dom.js table()) come in `chosen`, and win.
     */
    page: (list, query = {}) => (offset, limit, chosen = {}) => rows({ list, area: areaId, ...query, ...defined(chosen), offset, limit }),
    rows: (query) => rows({ area: areaId, ...query }),
    area,
    areaId,
    tenantView,
    firstTrack,
    ruleset,
  };
  const titleId = `area-${areaId}-detail`;
  return h(
    'section',
    { class: 'area-detail', 'data-detail': detail.model, 'aria-labelledby': titleId },
    h('h3', { id: titleId }, T.title),
    draw(detail, kit),
  );
}
