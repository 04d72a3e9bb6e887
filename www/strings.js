// The words of the Solutions Partner overview and of the area views, in one
// place. Area and track names are not here: they come from the report
// (area.label, track.label); metric names come from METRIC_NAME, with any
// metric a ruleset adds named from its id.

/** Every status an area or a track can have. */
export const STATUS = {
  qualified: 'Qualified',
  partial: 'Partial',
  incomplete: 'Incomplete',
  in_progress: 'In progress',
  not_started: 'Not started',
  not_scored: 'Not scored',
};

/** The Solutions Partner for Microsoft Cloud badge. */
export const CLOUD_STATUS = { qualified: 'Qualified', cannot_tell: 'Cannot tell', not_qualified: 'Not qualified' };

/** Where an area's or a metric's figures come from. */
export const SOURCE = { files: 'files', manual: 'entered by hand', both: 'files and entered by hand', none: 'none' };

/** Metric names by id; see metricName for the others. */
export const METRIC_NAME = {
  netCustomerAdds: 'Net customer adds',
  intermediateCertifications: 'Intermediate certifications',
  advancedCertifications: 'Advanced certifications',
  usageGrowth: 'Usage growth',
  deployments: 'Deployments',
};

/** "Net customer adds", or "Partner led revenue" from an id no table knows (partnerLedRevenue). */
export function metricName(id) {
  if (METRIC_NAME[id]) return METRIC_NAME[id];
  const words = String(id).replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[-_]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What a count metric counts, [one, many]: by metric id first, else by kind. */
const UNIT_BY_METRIC = { netCustomerAdds: ['net customer add', 'net customer adds'], deployments: ['net deployment', 'net deployments'] };
const UNIT_BY_KIND = { tenants: ['customer', 'customers'], people: ['person', 'people'], services: ['service', 'services'] };
export function unit(metricId, kind, value) {
  const [one, many] = (kind === 'services' ? UNIT_BY_KIND.services : UNIT_BY_METRIC[metricId]) ?? UNIT_BY_KIND[kind] ?? ['', ''];
  return Math.abs(value) === 1 ? one : many;
}

/** The overview's and the area views' texts. */
export const AREA_TEXT = {
  overviewTitle: 'Solutions Partner overview',
  overviewIntro: 'Each designation, scored from the files loaded and the values typed. Choose one to see its tracks and metrics.',
  overviewCaption: 'The six Solutions Partner designations',
  columns: { area: 'Designation', score: 'Score', status: 'Status', track: 'Track', other: 'Other track', asOf: 'As of', source: 'Source' },
  atLeast: (score) => `at least ${score}`,
  notScored: '—',
  open: (label) => `Open ${label}`,
  shown: 'shown below',
  cloud: 'Solutions Partner for Microsoft Cloud',
  bestAction: 'Best next step',
  in: (label) => `in ${label}`,
  // Area view
  back: 'Back to the overview',
  decides: 'decides',
  decidedBy: (how) => `Track that decides: ${how}.`,
  total: (score, atLeast) => (atLeast ? `At least ${score} of 100 points` : `${score} of 100 points`),
  asOf: (asOf, baseline) => `As of ${asOf}${baseline ? `, compared with ${baseline}` : ''}.`,
  source: (source) => `Source: ${source}.`,
  notScoredTitle: 'Not scored yet',
  whatWouldScore: 'What would score it',
  toScoreUnknown: 'To score the unknown metrics',
  unknown: 'Unknown',
  unknownNote: 'nothing loaded scores it yet (see what would, above)',
  incompleteTrack: 'Incomplete: a metric is unknown, so the total is at least the points shown and the track cannot qualify.',
  standsUnknown: 'Some figures are unknown, but the points known already qualify.',
  enteredByHand: 'entered by hand',
  fullPointsAt: (threshold) => `full points at ${threshold}`,
  countValue: (value, noun) => `${value} ${noun}`,
  growthValue: (value) => `${value}% growth`,
  growthFull: (threshold) => `full points at ${threshold}%`,
  baseline: (baseline, minimum) => `Baseline ${baseline}${minimum !== null && minimum !== undefined ? ` (at least ${minimum} needed)` : ''}`,
  minimumOnly: (minimum) => `The baseline must be at least ${minimum}`,
  stepsRule: (threshold, gate) => `Full points at ${threshold} people${gate ? `; each gate needs ${gate}` : ''}.`,
  step: (n) => `Step ${n}`,
  gate: 'gate',
  met: 'met',
  notMet: 'not met',
  people: (n) => (n === 1 ? '1 person' : `${n} people`),
  morePeople: (n) => (n === 1 ? '1 more person needed' : `${n} more people needed`),
  nobody: 'nobody yet',
  points: (p) => `${p} points`,
  certificationsMore: (first, count) => `${first} or another of the ${count} listed`,
  partValue: (value, threshold) => `${value}; full points at ${threshold}`,
  partUnknown: (threshold) => `unknown; full points at ${threshold}`,
  bestOption: 'counts',
  next: 'What to do next',
  mostPerStep: 'most points per step',
  warnings: 'Warnings',
  assumptions: (n) => `What this score assumes (${n})`,
  countsIn: 'Also counts in',
};
