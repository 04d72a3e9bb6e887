// The files guide: for each designation, the Partner Center downloads that
// feed it, ticked as files of that kind are read, with the months they cover
// and, while one is missing, the metrics it would score; then where to find
// each download and which period to choose; then the files read, and for a
// file not used, which download it probably was meant to be.
//
// What feeds what is read from each area's ruleset (a metric's data model,
// `from`, and the people lists of its people and steps metrics), so a new
// area or metric needs no change here; only a new data model does (FEEDS).

import { h, monthName } from './dom.js';
import { DOWNLOADS, GUIDE_TEXT as T, metricName } from './strings.js';

/**
 * The downloads a data model reads, by what a metric measures: each entry is
 * the file kinds any one of which feeds it (inputs.md §4).
 */
const FEEDS = {
  usage: () => ['usage', 'emsUsage'],
  azure: () => ['azureUsage', 'customersTenants'],
  bizapps: (measure) => (measure === 'workloadAdds' || measure === 'customers' ? ['bizappsRevenue'] : ['bizappsUsage']),
  people: () => ['skilling'],
};

/** Kinds compare without case or punctuation (inputs.md §4): `azure-usage` is `azureUsage`. */
const same = (a, b) => String(a).replace(/[^a-z0-9]/gi, '').toLowerCase() === String(b).replace(/[^a-z0-9]/gi, '').toLowerCase();

/**
 * A ruleset's needs: [{kinds, metrics: [metric id], feeds: [[metric id, part id or null]]}], one per set of
 * downloads, in the order first needed.
 */
export function needs(ruleset) {
  const out = [];
  const need = (kinds, metric, part = null) => {
    let entry = out.find((n) => n.kinds.join() === kinds.join());
    if (!entry) out.push((entry = { kinds, metrics: [], feeds: [] }));
    if (!entry.metrics.includes(metric)) entry.metrics.push(metric);
    if (!entry.feeds.some(([m, p]) => m === metric && p === part)) entry.feeds.push([metric, part]);
  };
  for (const track of ruleset?.tracks ?? []) {
    for (const [id, m] of Object.entries(track.metrics ?? {})) {
      if (m.kind === 'people' || m.kind === 'steps') need(FEEDS.people(), id);
      if (m.kind === 'parts') for (const part of m.parts ?? []) FEEDS[part.from] && need(FEEDS[part.from](part.measure), id, part.id ?? null);
      else if (FEEDS[m.from]) need(FEEDS[m.from](m.measure), id);
    }
  }
  return out;
}

/**
 * Whether a metric (or one of its parts) has points on every track of the area that has it:
 * known without the download that feeds it (typed from Partner Center).
 */
function known(area, metric, part) {
  const figures = Object.values(area.tracks ?? {})
    .map((track) => track.metrics?.[metric])
    .filter(Boolean)
    .map((m) => (part ? m.parts?.[part] : m));
  return figures.length > 0 && figures.every((f) => f && f.points !== null && f.points !== undefined);
}

/** The metrics a download not read leaves unknown in the area (before any file: all it feeds). */
const unknownWithout = (area, need) => (area ? need.metrics.filter((m) => need.feeds.some(([metric, part]) => metric === m && !known(area, metric, part))) : need.metrics);

/** The report's files of any of `kinds` that were read (rows counted, no file-level error). */
function readFiles(report, kinds) {
  const refused = new Set((report?.errors ?? []).filter((e) => e.kind === 'unscoredDownload').map((e) => e.file));
  return (report?.files ?? []).filter((f) => kinds.some((k) => same(f.kind, k)) && !refused.has(f.name));
}

/** "October 2024 to October 2025 (13 months)" from the files' months. */
function covers(files) {
  const months = [...new Set(files.flatMap((f) => f.months ?? []))].sort();
  if (!months.length) return T.noMonths;
  return T.covers(monthName(months[0]), monthName(months.at(-1)), months.length);
}

const list = (names) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);
/** "net customer adds, usage growth and deployments" from metric ids. */
const names = (metrics) => list(metrics.map((m) => metricName(m).toLowerCase()));

/** One designation's block. */
function areaBlock(report, id, ruleset) {
  const area = report?.areas?.[id];
  const label = area?.label ?? ruleset?.label ?? ruleset?.name ?? id;
  const unknown = Object.values(area?.tracks ?? {}).some((t) => Object.values(t.metrics ?? {}).some((m) => m.points === null));
  const items = needs(ruleset).map((n) => {
    const files = readFiles(report, n.kinds);
    const read = files.length > 0;
    const metrics = names(n.metrics);
    const unknown = read ? [] : unknownWithout(area, n);
    return h(
      'li',
      { class: `need ${read ? 'read' : 'missing'}`, 'data-kinds': n.kinds.join(' '), 'data-read': String(read) },
      h('span', { class: 'tick', 'aria-hidden': 'true' }, read ? '✓' : '○'),
      h(
        'span',
        { class: 'need-body' },
        h('span', { class: 'need-name' }, n.kinds.map((k) => DOWNLOADS[k]?.name ?? k).join(` ${T.oneOf} `)),
        h('span', { class: 'visually-hidden' }, `: ${read ? T.read : T.notRead}`),
        read
          ? h('span', { class: 'need-months', 'data-field': 'months' }, `${files.map((f) => f.name).join(', ')}: ${covers(files)}`)
          : unknown.length
            ? h('span', { class: 'need-missing', 'data-field': 'missing' }, T.missingFor(names(unknown)))
            : h('span', { class: 'muted', 'data-field': 'typed' }, T.typedInstead(metrics)),
        read ? h('span', { class: 'muted' }, T.feeds(metrics)) : null,
      ),
    );
  });
  return h(
    'section',
    { class: 'guide-area', 'data-area': id, 'aria-labelledby': `guide-${id}` },
    h('h3', { id: `guide-${id}` }, label),
    h('ul', { class: 'needs' }, items),
    area?.missing && unknown ? h('p', { class: 'note', 'data-field': 'still-unknown' }, h('strong', {}, `${T.stillUnknown}: `), area.missing) : null,
  );
}

/** The download a file not used was probably meant to be: the refusal's own words, else a guess from its name. */
function meant(report, file) {
  const refusal = (report.errors ?? []).find((e) => e.file === file.name && e.kind === 'unscoredDownload');
  if (refusal) return refusal.message;
  const kind = T.hints.find(([pattern]) => pattern.test(file.name))?.[1];
  return kind ? T.probably(DOWNLOADS[kind].name) : null;
}

/**
 * The guide; `rulesets` holds every area's ruleset by id (before any file,
 * the areas come from them), `files` is the element listing the files read
 * (intake.js fileList).
 */
export function filesGuide(report, { rulesets, files }) {
  const ids = report?.overview?.length ? report.overview.map((r) => r.area) : Object.keys(rulesets ?? {});
  const refused = new Set((report?.errors ?? []).filter((e) => e.kind === 'unscoredDownload').map((e) => e.file));
  const unread = (report?.files ?? []).filter((f) => f.kind === 'unknown' || refused.has(f.name));
  const used = new Set(ids.flatMap((id) => needs(rulesets?.[id]).flatMap((n) => n.kinds)));
  used.add('manual');
  return h(
    'section',
    { class: 'card files-guide', 'data-section': 'files-guide', 'data-view': 'files', 'aria-labelledby': 'guide-title' },
    h('h2', { id: 'guide-title', tabindex: '-1' }, T.title),
    h('p', { class: 'intro' }, T.intro),
    h('div', { class: 'guide-areas' }, ids.map((id) => areaBlock(report, id, rulesets?.[id]))),
    unread.length
      ? h(
          'section',
          { class: 'guide-unread', 'data-field': 'unread', 'aria-labelledby': 'guide-unread' },
          h('h3', { id: 'guide-unread' }, T.unreadTitle),
          h('ul', {}, unread.map((f) => h('li', { 'data-file': f.name }, h('strong', {}, f.name), ': ', meant(report, f) ?? (report.errors ?? []).find((e) => e.file === f.name)?.message ?? ''))),
        )
      : null,
    report?.files?.length ? h('section', { class: 'guide-files', 'aria-labelledby': 'guide-files' }, h('h3', { id: 'guide-files' }, T.filesTitle), files) : null,
    h(
      'details',
      { class: 'guide-downloads', open: !report?.files?.length },
      h('summary', {}, T.downloads),
      h(
        'dl',
        {},
        Object.entries(DOWNLOADS)
          .filter(([kind]) => used.has(kind))
          .map(([kind, d]) => [
            h('dt', { 'data-kind': kind }, d.name),
            h('dd', {}, h('span', {}, `${T.where}: ${d.where}.`), ' ', h('span', {}, `${T.period}: ${d.period}.`)),
          ]),
      ),
    ),
  );
}
