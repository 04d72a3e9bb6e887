// What the page says about the rules it scores by: the ruleset's version and
// the date of Microsoft's text, the what-if planner's workload and
// certification choices, why a tenant counts (or counts only in part) and
// why a certification counts or not. Everything here is read from the
// ruleset in use (the core's defaultRuleset() or the host's ruleset-url), so
// the page follows the rules without edits. Plain data and strings: the
// component builds the elements.

import { datesInWords } from './format.js';

/** The page's texts about the rules, in one place. */
export const TEXT = {
  rules: 'Rules',
  followingText: (published) => `following Microsoft's text of ${published}`,
  onlyFor: (metrics) => `${metrics} only`,
  listGroup: (label) => `${label} list`,
  otherList: 'Eligible certifications',
  countsThrough: (date) => `counts through ${date}`,
  now: 'Now',
  yearAgo: 'A year ago',
  monthsAgo: (months) => (months === 12 ? 'a year' : `${months} months`),
  carriedOver: (track, months) => `${track} by carry-over: in the ${track} band ${TEXT.monthsAgo(months)} earlier`,
  servesOnly: (track, workloads) =>
    `usage growth and deployments only, not net customer adds: only workloads off that list${workloads ? ` (${workloads})` : ''} are in the ${track} band`,
};

/** How each certification status reads in the people table. */
export const CERTIFICATION_STATUS = {
  counted: 'counts',
  expired: 'expired',
  past_eligible_through: 'past eligible-through',
  not_yet_earned: 'earned after the as-of month',
  not_a_certification: 'exam, not a certification',
  inactive: 'marked inactive',
  dropped: 'no longer on the list',
  not_on_list: 'not on the list',
};

/** "Rules: Modern Work 2026.11, following Microsoft's text of 2026-04." (a ruleset, or report.areas[id].ruleset). */
export function rulesLine(ruleset, label) {
  if (!ruleset) return '';
  const name = label ?? ruleset.label ?? ruleset.name ?? ruleset.id;
  return `${TEXT.rules}: ${name} ${ruleset.version}${ruleset.published ? `, ${TEXT.followingText(datesInWords(String(ruleset.published)))}` : ''}.`;
}

/** "usage growth and deployments" from ['usageGrowth', 'deployments']. */
function metricList(ids, metricLabel) {
  const names = ids.map((id) => (metricLabel[id] ?? id).toLowerCase());
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * Every workload of the ruleset, in its order: {id, label}, where a workload
 * that counts for some metrics only says so ("Teams Premium (usage growth and
 * deployments only)").
 */
export function workloadChoices(ruleset, metricLabel) {
  return (ruleset?.workloads ?? []).map((w) => ({
    id: w.id,
    label: w.metrics?.length ? `${w.id} (${TEXT.onlyFor(metricList(w.metrics, metricLabel))})` : w.id,
    metrics: w.metrics ?? null,
  }));
}

/**
 * The certifications people count from, grouped by the ruleset's lists:
 * [{list, label, options: [{id, label}]}]. A ruleset without lists offers
 * every certification still on Microsoft's list, in one group.
 */
export function certificationGroups(ruleset, metricLabel) {
  const certifications = new Map((ruleset?.certifications ?? []).map((c) => [c.id, c]));
  const option = (id) => {
    const c = certifications.get(id);
    if (!c) return { id, label: id };
    const name = c.name && c.name !== c.id ? `${c.name} (${c.id})` : c.id;
    return { id, label: c.eligibleThrough ? `${name}, ${TEXT.countsThrough(c.eligibleThrough)}` : name };
  };
  const lists = ruleset?.certificationLists;
  if (lists && Object.keys(lists).length) {
    // A list is named after the metric that counts from it ("Intermediate certifications list").
    const metricOf = (list) => {
      for (const track of ruleset.tracks ?? []) for (const [id, m] of Object.entries(track.metrics ?? {})) if (m?.list === list) return id;
      return null;
    };
    return Object.entries(lists).map(([list, ids]) => {
      const metric = metricOf(list);
      const label = metric && metricLabel[metric] ? metricLabel[metric] : list[0].toUpperCase() + list.slice(1);
      return { list, label: TEXT.listGroup(label), options: ids.map(option) };
    });
  }
  const dropped = new Set(ruleset?.droppedCertifications ?? []);
  return [{ list: null, label: TEXT.otherList, options: [...certifications.keys()].filter((id) => !dropped.has(id)).map(option) }];
}

/** The label of a certification id or spelling, for the plan list. */
export function certificationLabel(ruleset, value) {
  const c = (ruleset?.certifications ?? []).find((x) => x.id === value);
  return c?.name && c.name !== c.id ? `${c.name} (${c.id})` : value;
}

/**
 * Why a tenant counts on a track only in part or only by a rule of 2026:
 * [{when: 'asOf' | 'baseline', kind: 'carriedOver' | 'servesOnly', text}].
 * `tenantTrack` is a tenants row's tracks[trackId] (rows({list: 'tenants'})).
 */
export function tenantNotes(tenantTrack, trackId, ruleset, trackLabel) {
  if (!tenantTrack) return [];
  const notes = [];
  const track = (ruleset?.tracks ?? []).find((t) => t.id === trackId);
  const label = trackLabel ?? track?.label ?? trackId;
  const months = track?.carryOver?.months ?? 12;
  // The workloads whose list leaves out net customer adds (Teams Premium).
  const partial = (ruleset?.workloads ?? []).filter((w) => w.metrics?.length && !w.metrics.includes('netCustomerAdds')).map((w) => w.id);
  for (const when of ['asOf', 'baseline']) {
    const prefix = when === 'asOf' ? TEXT.now : TEXT.yearAgo;
    if (tenantTrack.carriedOver?.[when]) notes.push({ when, kind: 'carriedOver', text: `${prefix}: ${TEXT.carriedOver(label, months)}` });
    if (tenantTrack.serves?.[when] && !tenantTrack.eligible?.[when]) notes.push({ when, kind: 'servesOnly', text: `${prefix}: ${TEXT.servesOnly(label, partial.join(', '))}` });
  }
  return notes;
}
