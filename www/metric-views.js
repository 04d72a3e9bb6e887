// One metric's card in an area view, drawn by its kind (the report's
// metric.kind): counts (tenants, people, services), options (one bar per
// association type), growth (with its baseline), gated steps (who counts,
// who is missing) and parts (Security's Azure and Microsoft 365). A metric
// typed from Partner Center says so.

import { bar, h, metricPoints, number } from './dom.js';
import { AREA_TEXT as T, metricName, unit } from './strings.js';

const manualTag = (source) => (source === 'manual' ? h('span', { class: 'tag manual', 'data-field': 'manual' }, T.enteredByHand) : null);
const capital = (text) => text.charAt(0).toUpperCase() + text.slice(1);
/** A step's, part's or option's own tag, when the metric's does not already say it. */
const childTag = (source, m) => (m.source === 'manual' ? null : manualTag(source));

/** "Azure Database Administrator Associate or another of the 11 listed", the full list a click away. */
function certifications(names) {
  if (names.length <= 3) return h('span', { class: 'step-certs' }, names.join(', '));
  return h('details', { class: 'step-certs' }, h('summary', {}, T.certificationsMore(names[0], names.length)), h('span', {}, names.join(', ')));
}

/** Count metrics: tenants, people, services. */
function countBody(id, m) {
  if (m.points === null) return null;
  return h(
    'p',
    { class: 'value' },
    `${T.countValue(number(m.value), unit(id, m.kind, m.value))}; ${T.fullPointsAt(number(m.threshold))}`,
  );
}

function optionsBody(m) {
  const known = m.points !== null;
  return h(
    'ul',
    { class: 'options' },
    Object.entries(m.options ?? {}).map(([option, o]) =>
      h(
        'li',
        { class: option === m.bestOption ? 'counts' : '', 'data-option': option },
        h('span', { class: 'option-name' }, option),
        bar(known && o.points !== null ? o.points / m.max : 0, `${option}: ${metricPoints(o.points)} of ${m.max}`),
        h('span', { class: 'option-value' }, o.value === null ? T.unknown : `${number(o.value)} of ${number(o.threshold)}`),
        option === m.bestOption ? h('span', { class: 'tag' }, T.bestOption) : null,
        childTag(o.source, m),
      ),
    ),
  );
}

function growthBody(m) {
  const lines = [];
  if (m.value !== null && m.value !== undefined) lines.push(`${T.growthValue(number(m.value))}; ${T.growthFull(number(m.threshold))}`);
  else lines.push(capital(T.growthFull(number(m.threshold))));
  if (m.baseline !== null && m.baseline !== undefined) lines.push(T.baseline(number(m.baseline), m.minimumBaseline === null ? null : number(m.minimumBaseline)));
  else if (m.minimumBaseline !== null && m.minimumBaseline !== undefined) lines.push(T.minimumOnly(number(m.minimumBaseline)));
  return [
    lines.map((line) => h('p', { class: 'value' }, line)),
    m.reason ? h('p', { class: 'note', 'data-field': 'reason' }, m.reason) : null,
  ];
}

function stepsBody(m) {
  const gatePeople = m.gate?.people ?? null;
  return [
    h('p', { class: 'value' }, T.stepsRule(number(m.threshold), gatePeople === null ? null : number(gatePeople))),
    h(
      'ol',
      { class: 'steps' },
      (m.steps ?? []).map((s, i) => {
        const short = s.gate && gatePeople !== null ? Math.max(0, gatePeople - s.people) : 0;
        // Typed counts have no names.
        const who = s.names?.length ? s.names.join(', ') : s.people || s.source === 'manual' ? '' : T.nobody;
        return h(
          'li',
          { class: `step ${s.met ? 'met' : 'not-met'}`, 'data-step': i + 1, 'data-list': s.list, 'data-gate': String(Boolean(s.gate)), 'data-met': String(Boolean(s.met)) },
          h(
            'div',
            { class: 'step-head' },
            h('span', { class: 'step-name' }, T.step(i + 1)),
            s.gate ? h('span', { class: 'tag gate' }, T.gate) : null,
            h('span', { class: `tag ${s.met ? 'met' : 'not-met'}`, 'data-field': 'met' }, s.met ? T.met : T.notMet),
            h('span', { class: 'step-points', 'data-field': 'step-points' }, T.points(metricPoints(s.points))),
            childTag(s.source, m),
          ),
          certifications(s.certifications ?? []),
          h(
            'p',
            { class: 'step-people' },
            h('span', { 'data-field': 'people' }, T.people(s.people)),
            who ? [': ', h('span', { 'data-field': 'names' }, who)] : null,
            short ? [' · ', h('span', { class: 'short', 'data-field': 'short' }, T.morePeople(short))] : null,
          ),
        );
      }),
    ),
  ];
}

/** A part's figure with its unit from the ruleset ("9,000 USD of security consumption growth"), else the bare number. */
function partFigure(value, rule) {
  const [one, many] = rule?.unit ?? [];
  const word = Math.abs(value) === 1 ? one : many;
  return word ? `${number(value)} ${word}` : number(value);
}

function partsBody(m, rules) {
  return h(
    'ul',
    { class: 'parts' },
    Object.entries(m.parts ?? {}).map(([id, p]) =>
      h(
        'li',
        { 'data-part': id },
        h('span', { class: 'part-name' }, p.label ?? id),
        h('span', { class: 'part-value', 'data-field': 'part-value' }, p.points === null ? T.partUnknown(number(p.threshold)) : T.partValue(partFigure(p.value, rules?.parts?.find((r) => r.id === id)), number(p.threshold))),
        h('span', { class: 'part-points', 'data-field': 'part-points' }, p.points === null ? '–' : T.points(metricPoints(p.points))),
        childTag(p.source, m),
      ),
    ),
  );
}

/** A metric's card, whatever its kind; `missingId` names the note on what would score an unknown one; `rules`: the ruleset's definition of the metric, if known. */
export function metric(id, m, missingId, rules) {
  const name = metricName(id);
  const known = m.points !== null;
  const body = { tenants: countBody, people: countBody, services: countBody }[m.kind]?.(id, m);
  return h(
    'article',
    { class: `metric ${known && m.points === 0 ? 'zero' : ''} ${known ? '' : 'unknown'}`, 'data-metric': id, 'data-kind': m.kind, part: 'metric' },
    h('div', { class: 'metric-head' }, h('h4', {}, name), manualTag(m.source)),
    h(
      'p',
      { class: 'points' },
      h('span', { 'data-field': 'points', title: known ? `Exact ${m.points}` : T.unknown }, known ? metricPoints(m.points) : '—'),
      h('span', { class: 'of' }, ` / ${m.max}`),
    ),
    bar(known ? m.points / m.max : 0, `${name}: ${known ? metricPoints(m.points) : T.unknown} of ${m.max} points`),
    known ? null : h('p', { class: 'value unknown-note', 'aria-describedby': missingId ?? undefined }, h('strong', {}, T.unknown), missingId ? `: ${T.unknownNote}` : ''),
    body ?? null,
    m.kind === 'options' ? optionsBody(m) : null,
    m.kind === 'growth' ? growthBody(m) : null,
    m.kind === 'steps' ? stepsBody(m) : null,
    m.kind === 'parts' ? partsBody(m, rules) : null,
  );
}
