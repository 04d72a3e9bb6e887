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

/** Metrics by category, as Partner Center groups a scorecard; a metric no table names goes under AREA_TEXT.otherCategory. */
export const METRIC_CATEGORY = {
  netCustomerAdds: 'Performance',
  intermediateCertifications: 'Skilling',
  advancedCertifications: 'Skilling',
  usageGrowth: 'Customer success',
  deployments: 'Customer success',
};

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
  otherCategory: 'Other',
  tenantActions: (n) => `Tenant by tenant: ${n} Partner Center does not show`,
  tenantActionsCaption: (n) => `Tenant by tenant (${n}), by kind`,
  actionKind: 'Kind',
  action: 'What to do',
  actionKinds: { activateUsers: 'Activate users', removeSeats: 'Remove unused seats', addSeats: 'Add seats', lostCustomer: 'Lost customers' },
};

/** The dashboard's words (www/overview.js). */
export const OVERVIEW_TEXT = {
  decidedBy: (track) => `Track: ${track}`,
  notScored: 'Not scored yet: see the files guide for what would score it.',
  next: 'Next:',
  attained: 'badge attained',
  notAttained: 'badge not attained',
  otherGroup: 'Other designations',
};

/** The views and the bar that switches between them. */
export const NAV_TEXT = {
  label: 'Views',
  overview: 'Overview',
  people: 'People',
  whatIf: 'What if',
  files: 'Files guide',
  back: 'Back to the overview',
  asOf: 'Score as of',
  comparedWith: (month) => `compared with ${month}`,
  anniversary: 'Anniversary date',
  downloadReport: 'Download report (JSON)',
  downloadTenants: 'Download tenants (CSV)',
  print: 'Print',
  scored: (n, qualified) => `Scored: ${n} ${n === 1 ? 'designation' : 'designations'}, ${qualified.length} qualified${qualified.length ? `: ${qualified.join(', ')}` : ''}.`,
  filesRead: (n, unread) => `${n} ${n === 1 ? 'file' : 'files'} read${unread ? `, ${unread} not used` : ''}.`,
  guideLink: 'Which files do I need?',
};

/**
 * Partner Center's downloads, by file kind (report.files[].kind): the name
 * Partner Center gives them, where to find them and which period to choose.
 * The CLI and the page say the same.
 */
export const DOWNLOADS = {
  usage: {
    name: 'Office usage report (OfficeUsage)',
    where: 'Partner Center › Insights › Download reports › OfficeUsage (Microsoft 365 usage); or Insights › Solutions Partner › Download on a scorecard (the detailed contribution export)',
    period: 'the last 13 months: the month scored and the same month a year before',
  },
  emsUsage: {
    name: 'EMS usage report (EMSUsage)',
    where: 'Partner Center › Insights › Download reports › EMSUsage',
    period: 'the last 13 months',
  },
  azureUsage: {
    name: 'Azure usage report (AzureUsage)',
    where: 'Partner Center › Insights › Download reports › AzureUsage',
    period: 'the last 24 months, the longest Insights offers (the default six months is not enough)',
  },
  customersTenants: {
    name: 'Customers report (CustomersAndTenants)',
    where: 'Partner Center › Insights › Download reports › CustomersAndTenants',
    period: 'the last 24 months',
  },
  bizappsRevenue: {
    name: 'Business applications revenue report',
    where: 'Partner Center › Insights › Download reports › BusinessApplicationsRevenue',
    period: 'the last 13 months',
  },
  bizappsUsage: {
    name: 'Business applications usage report',
    where: 'Partner Center › Insights › Download reports › BusinessApplicationsUsage',
    period: 'the last 13 months',
  },
  skilling: {
    name: 'Trainings, exams and certifications report (TrainingCompletions)',
    where: 'Partner Center › Insights › Download reports › TrainingCompletions; or any list of your people and their certifications',
    period: 'the latest (today’s certifications)',
  },
  manual: {
    name: 'Values typed from Partner Center (optional)',
    where: 'Columns Area, Track, Metric, Value; made by "Enter values" in a designation’s view',
    period: 'the month Partner Center shows',
  },
};

/** A file's kind (report.files[].kind) in a word or two. */
export const FILE_KIND = {
  usage: 'Office usage',
  emsUsage: 'EMS usage',
  azureUsage: 'Azure usage',
  customersTenants: 'Customers',
  bizappsRevenue: 'Business applications revenue',
  bizappsUsage: 'Business applications usage',
  skilling: 'Skilling list',
  manual: 'Typed values',
  bizappsLicenceUsage: 'Dynamics 365 / Power BI licence usage (not scored)',
  msLearn: 'MS Learn (not scored)',
  unknown: 'Not recognised',
};

/** The files guide's words (www/files-guide.js). */
export const GUIDE_TEXT = {
  title: 'Which files to download',
  intro: 'Download each report below from Partner Center as CSV and drop them all at once. Each designation lists the downloads that feed it; a tick means a file of that kind was read.',
  downloads: 'Where to find each download',
  read: 'read',
  notRead: 'not loaded yet',
  oneOf: 'or',
  covers: (from, to, n) => `${from} to ${to} (${n} ${n === 1 ? 'month' : 'months'})`,
  noMonths: 'no months',
  feeds: (metrics) => `Feeds ${metrics}.`,
  missingFor: (metrics) => `Missing: without it ${metrics} cannot be scored.`,
  typedInstead: (metrics) => `Not loaded: the values typed from Partner Center score ${metrics}.`,
  stillUnknown: 'Still unknown',
  filesTitle: 'Files read',
  unreadTitle: 'Files not used',
  probably: (name) => `This looks like it was meant to be the ${name}: check that it is that download, as Partner Center writes it.`,
  where: 'Where',
  period: 'Period',
  feedsAreas: 'Feeds',
  /** A file's name hints at a download: the first pattern that matches. */
  hints: [
    [/azure|acr/i, 'azureUsage'],
    [/\bems\b|intune|entra/i, 'emsUsage'],
    [/customer|tenant/i, 'customersTenants'],
    [/revenue/i, 'bizappsRevenue'],
    [/dynamics|bizapp|business.?app|power.?bi/i, 'bizappsUsage'],
    [/skill|training|cert|learn|exam/i, 'skilling'],
    [/office|o365|m365|usage|contribution|cpor/i, 'usage'],
  ],
};

/** The words of an area's explanation (report.areas[id].detail), by data model. */
/** The usage model's tenants table (www/tenants.js). */
export const TENANTS_TEXT = {
  title: (n) => `Tenants (${n})`,
  noUsage: 'No usage download read yet: its tenants are listed here once it is (see the files guide).',
  noTenants: 'The usage downloads read list no tenant.',
  caption: 'Tenants and what each contributes',
  tenant: 'Tenant',
  eligible: 'Eligible now / a year ago',
  pau: 'Paid seats now',
  mau: 'MAU now / then',
  deployed: 'Deployed now / then (best ratio)',
  contribution: 'Contribution',
  track: 'Track',
  search: 'Search',
  searchPlaceholder: 'Tenant id or name',
  show: 'Show',
  all: 'All tenants',
  contributing: 'Counts on this track',
  association: 'Association',
  everyAssociation: 'Every association',
  showMore: 'Show more',
  yes: 'yes',
  no: 'no',
  none: 'none',
  customer: (n) => `customer ${n}`,
  mauChange: (n) => `MAU ${n}`,
  deployedChange: (list) => `deployed ${list}`,
  /** "4,000 tenants shown, first 100 listed." (`total`, `shown`: formatted; `more`: not all are listed). */
  count: (total, shown, more) => `${total} ${total === '1' ? 'tenant' : 'tenants'} shown${more ? `, first ${shown} listed` : ''}.`,
};

export const DETAIL_TEXT = {
  searchTenants: 'Tenant name or id',
  searchPairs: 'Tenant or workload',
  searchServices: 'Service',
  title: 'How the files were read',
  /** A table's page: "Rows 51 to 100 of 230". */
  pages: (from, to, total) => `Rows ${from} to ${to} of ${total}`,
  /** A track's count in the as-of month and its baseline: "+1", "now only". */
  when: { both: 'both months', asOf: 'now only', baseline: 'a year ago only', neither: 'neither month' },
  tenant: 'Tenant',
  workload: 'Workload',
  withinReach: 'Within reach',
  none: '—',
  yes: 'Yes',
  // Azure
  azureSource: { azureUsage: 'the Azure usage export', customersTenants: 'the customers and tenants download' },
  covers: (source, first, last) => `Read from ${source}, ${first} to ${last}.`,
  classification: (smb, withSegment, share, track) => `${smb} of ${withSegment} customers with a segment are SMB: ${share} → ${track}.`,
  noSegments: 'No customer has a segment: the track is not classified from the files.',
  customers: (n, month) => `${n} ${n === 1 ? 'customer' : 'customers'} with eligible ACR in ${month}.`,
  /** Texts or nodes, in the order they read. */
  ttm: (asOf, baseline, growth, month, baselineMonth) => [`ACR over the twelve months to ${month}: `, asOf, `; to ${baselineMonth}: `, baseline, '; growth ', growth, '.'],
  unknownAmount: 'unknown (a month is missing)',
  unknownGrowth: 'unknown',
  tenantsCaption: (count) => `Tenants with ACR (${count})`,
  segment: 'Segment',
  smb: { true: 'SMB', false: 'not SMB' },
  acr: 'ACR (USD)',
  customer: (track) => `${track} customer`,
  servicesCaption: (n) => `Services and deployments (${n})`,
  service: 'Service',
  serviceAcr: 'ACR, 12 months (USD)',
  deployment: 'Deployment',
  notDeployment: { excluded: 'No: Virtual Machines are excluded', noPositiveAcr: 'No: no positive ACR' },
  notCounted: 'What does not count',
  setAside: (acr) => `${acr} counted once: the same consumption under a second association type.`,
  flagged: (rows, acr) => `Flagged as a duplicate (IsACRDuplicateAtPGAAttachTypeLevel): ${rows}, ${acr}.`,
  association: (name, rows, acr) => `Association type ${name}: ${rows}, ${acr}.`,
  offer: (name, rows, acr) => `Offer ${name}: ${rows}, ${acr}.`,
  offersUnchecked: 'The Azure usage file has no offer column: offers were not checked.',
  rows: ['row', 'rows'],
  // Business Applications
  pairsRule: (above, months, pairs, needed, track) => `Pairs above ${above} of revenue in ${months}: ${pairs} of ${needed} needed → ${track}.`,
  bothMonths: (a, b) => `both ${a} and ${b}`,
  everyMonth: (list) => `each of ${list}`,
  deciding: 'The pairs that decide:',
  notClassified: 'Not classified: the revenue download does not cover every month the classification needs.',
  mcv: (asOf, baseline, month, baselineMonth) => ['Monthly consumption value (MCV): ', asOf, ` in ${month}, `, baseline, ` in ${baselineMonth}.`],
  unknownMcv: 'unknown',
  revenueCaption: (n) => `Revenue by tenant and workload (${n})`,
  revenue: 'Revenue (USD)',
  classifies: 'classifies',
  add: (track) => `${track} add`,
  consumptionCaption: (n) => `Usage by tenant and workload (${n})`,
  usage: 'Usage',
  rate: 'Rate',
  mcvColumn: 'MCV',
  deploymentOn: (track) => `${track} deployment`,
  setAsideCaption: (n) => `Rows set aside (${n})`,
  dataset: { revenue: 'Revenue', usage: 'Usage' },
  download: 'Download',
  name: 'Name',
  why: 'Why',
  rowsColumn: 'Rows',
  reason: {
    smallerDuplicate: 'a smaller duplicate',
    trial: 'a trial',
    notOnRateCard: 'not on the rate card',
    notNcaWorkload: 'not a workload net customer adds count',
    droppedWorkload: 'a workload no longer counted',
    unknownAssociation: 'an unknown association type',
    associationNotCounted: 'an association type that does not count',
  },
  // Security
  azurePart: 'Azure part',
  m365Part: 'Microsoft 365 part',
  noAzure: 'No Azure usage export loaded: the Azure part is unknown.',
  azureUnknown: (first, last, month, baselineMonth) =>
    `Months missing: the Azure usage export covers ${first} to ${last}, and the twelve months to ${month} and to ${baselineMonth} need every month: the Azure part is unknown.`,
  secAcrRule: 'Security ACR: the security consumption over the trailing twelve months of the tenants in each track’s usage band, added up.',
  /** Texts or nodes, in the order they read. */
  secAcr: (track, asOf, baseline, month, baselineMonth) => [`${track}: `, asOf, ` to ${month}; `, baseline, ` to ${baselineMonth}.`],
  noM365: 'No Microsoft 365 usage data for both months: the Microsoft 365 part is unknown.',
  protectedRule: 'Protected users: the active paid licences of the tenants in each track’s seat band, added up.',
  protectedUsers: (track, asOf, baseline, month, baselineMonth) => [`${track}: `, asOf, ` in ${month}; `, baseline, ` in ${baselineMonth}.`],
  activeTest: (ratio) =>
    `A tenant in the seat band is a deployment when its best security workload is at least ${ratio} active (monthly active users ÷ paid units).`,
  bandsLegend: 'Each cell reads now / a year ago; ✓ in the band, – not.',
  azureTenantsCaption: (n) => `Azure: the security tenants (${n}), those with security consumption first`,
  m365TenantsCaption: (n) => `Microsoft 365: the security tenants (${n}), those with security seats first`,
  noAzurePart: 'No security consumption in the Azure export.',
  noM365Part: 'No security seats in the Microsoft 365 export.',
  secTtm: 'Security ACR, 12 months (USD)',
  bands: 'Bands',
  net: 'Net change',
  band: { customer: 'customer', deployment: 'deployment', usage: 'usage', eligible: 'in band', deployed: 'deployed' },
  carriedOver: { asOf: 'carried over now', baseline: 'carried over a year ago', both: 'carried over both months' },
  netLine: { add: 'add', deployment: 'deployment', growth: 'growth' },
  changesNothing: 'changes no metric',
  maxPau: 'Largest paid seats',
  bestActive: 'Best workload active',
  protectedColumn: 'Protected users',
};

/** The what-if planner's words (www/planner.js). */
export const PLANNER = {
  title: 'What if…',
  intro: 'Plan customers to win in any area, people to certify or tenants to lose, and see every area’s score they would give. Simulated results are approximations.',
  open: 'Plan a what-if',
  close: 'Hide the planner',
  customer: 'Planned customer',
  association: 'Association',
  /** What an association type is read for, by the plan's list. */
  parts: { workloads: 'Microsoft 365', azureServices: 'Azure', bizappsWorkloads: 'Business Applications' },
  workloads: 'Microsoft 365 workloads',
  otherWorkloads: 'More Microsoft 365 workloads',
  azureServices: 'Azure services',
  otherService: 'Other Azure service (Service Level 2 name)',
  bizappsWorkloads: 'Business Applications workloads',
  also: (areas) => `also ${areas}`,
  only: (areas) => `${areas} only`,
  mau: 'MAU per workload',
  pau: 'Paid seats (PAU)',
  pauHint: 'Security counts protected users: the smaller of MAU and paid seats, per workload.',
  ttm: 'TTM revenue (USD)',
  ttmHint: 'Azure ACR or Business Applications revenue over the last 12 months, spread evenly over them and shared by the services and workloads chosen.',
  previousTtm: 'Year-earlier TTM revenue (USD)',
  previousTtmHint: 'For an existing customer; empty: the same as now.',
  count: 'How many',
  existing: 'Already a customer a year ago',
  deployed: 'Already deployed a year ago',
  addCustomer: 'Add customer',
  nothingChosen: 'Choose at least one workload or service.',
  person: 'Planned certified person',
  name: 'Name',
  namePlaceholder: 'Name',
  certification: 'Certification',
  certificationArea: 'Counted in',
  addPerson: 'Add person',
  tenant: 'Tenant to lose',
  tenantId: 'Tenant id',
  removeTenant: 'Remove tenant',
  plan: 'Plan',
  remove: 'remove',
  removeItem: (text) => `Remove ${text}`,
  simulate: 'Simulate',
  save: 'Save plan',
  load: 'Load plan',
  notAPlan: (file) => `${file} is not a saved plan.`,
  simulated: 'Simulated: an approximation of what Partner Center would show.',
  areasCaption: 'Every area, now and simulated',
  area: 'Area',
  now: 'Now',
  simulatedColumn: 'Simulated',
  change: 'Change',
  statusAfter: 'Status after',
  track: 'Track',
  byTrack: (area) => `${area} by track`,
  trackCaption: 'Simulated score',
  assumptions: 'How the plan was read',
  /** "2 × new CSP customer: Teams, 30 MAU of 50 seats". */
  customerLine: (c) => {
    const parts = [];
    if (c.workloads?.length) parts.push(`${c.workloads.join(', ')}, ${c.mau} MAU of ${c.pau} seats`);
    if (c.azureServices?.length) parts.push(`Azure services ${c.azureServices.join(', ')}`);
    if (c.bizappsWorkloads?.length) parts.push(`${c.bizappsWorkloads.join(', ')}${c.workloads?.length ? '' : `, ${c.mau} MAU`}`);
    if (c.ttmRevenue) parts.push(`USD ${Number(c.ttmRevenue).toLocaleString('en')} TTM${c.previousTtmRevenue !== undefined ? ` (USD ${Number(c.previousTtmRevenue).toLocaleString('en')} a year earlier)` : ''}`);
    return `${c.count} × ${c.existingCustomer ? 'existing' : 'new'} ${c.association} customer: ${parts.join('; ')}`;
  },
  without: (tenant) => `Without tenant ${tenant}`,
};

/** What one typed value counts, by what the ruleset measures (else by the metric's kind). */
const ENTER_UNIT_BY_MEASURE = {
  customers: 'net customers',
  workloadAdds: 'net workload adds',
  activeUsers: 'MAU growth',
  deployedTenants: 'net deployments',
  deployments: 'net deployments',
  services: 'services',
  acrGrowth: 'USD growth',
  mcvGrowth: '%',
  protectedUsers: 'protected users',
};
const ENTER_UNIT_BY_KIND = { tenants: 'net customers', people: 'people', steps: 'people', services: 'services', growth: '%' };

/** The words of "Enter values". */
export const ENTER_TEXT = {
  open: 'Enter values',
  formLabel: (area) => `Values for ${area} typed from Partner Center`,
  help: 'Type the figures Partner Center’s scorecard shows; the boxes start with what the files give. A box you type in counts as entered by hand; empty it to go back to the files. To reuse saved values, drop the CSV with your exports.',
  track: 'Track (Partner Center’s)',
  trackFromFiles: 'as classified from the files',
  step: (n) => `step ${n}`,
  baseline: 'baseline',
  baselineUnit: 'USD',
  apply: 'Apply',
  download: 'Download as CSV',
  clear: (n) => `Forget the ${n === 1 ? 'value' : `${n} values`} typed`,
  applying: (n) => (n === 1 ? 'Scoring with 1 value entered by hand…' : `Scoring with ${n} values entered by hand…`),
  typedCount: (n) => `(${n} entered by hand)`,
  /** Growth is a percentage whatever it grows, except a part measured in its own unit. */
  unit: (kind, measure, metricId) =>
    kind === 'growth' ? '%' : kind === 'steps' || kind === 'people' ? 'people' : (ENTER_UNIT_BY_MEASURE[measure] ?? (metricId === 'deployments' ? 'net deployments' : ENTER_UNIT_BY_KIND[kind] ?? '')),
};

/** The words of the charts (their text alternatives too). */
export const CHART_TEXT = {
  windowShaded: (from, to) => ` Shaded: the qualification window, ${from} to ${to}.`,
  windowOutside: (from, to) => `The qualification window (${from} to ${to}) lies outside these months.`,
  qualify: (points) => `${points} to qualify`,
  point: (month, total, status) => `${month}: ${total} points${status ? `, ${status}` : ''}`,
  summary: (area, n, of, points, qualifyAt) => `${area}, score by month: ${n} of ${of} months have a score (${points}); ${qualifyAt} points qualify.`,
  noPoints: (area, of) => `${area}, score by month: none of the ${of} months has a complete score yet.`,
  scoreCaption: (first, last, n) => `Score by month, ${first} to ${last}: ${n === 1 ? 'one month has' : `${n} months have`} a complete score; the other months lack an export or the month a year before.`,
  metricsCaption: (track) => `Points by metric, ${track}`,
  metricLine: (metric, points, max) => `${metric} ${points === null ? 'unknown' : points} of ${max}`,
  unknownOf: (max) => `unknown / ${max}`,
  title: 'Progress',
};

/** The words of the next steps across designations. */
export const NEXT_TEXT = {
  title: 'Next steps across designations',
  intro: 'Every designation’s recommendations in one list, the most points first.',
  caption: (n) => `Recommendations (${n})`,
  gain: 'Gain',
  area: 'Designation and track',
  step: 'Step',
  points: (p) => `+${p} points`,
  mostPerStep: 'most points per step',
  pages: (from, to, total) => `Steps ${from} to ${to} of ${total}`,
};

/** The words of the people table across designations. */
export const PEOPLE_TEXT = {
  searchPeople: 'Name or email',
  title: 'People across designations',
  intro: 'Where each person’s certifications count in every designation (metric and step), and why not where they do not.',
  caption: (n) => `People and where they count (${n})`,
  person: 'Person',
  counts: 'counts',
  none: '—',
  empty: 'No skilling list yet: add a list of your people and their certifications (one row per person and certification) to see where each counts.',
  pages: (from, to, total) => `People ${from} to ${to} of ${total}`,
  certifications: 'Certifications on this designation’s lists',
  areaTitle: (area) => `People for ${area}`,
  areaIntro: (counted, total, area) => `${counted} of ${total} people with a certification ${area} lists count.`,
  areaCaption: (area, n) => `People with a certification ${area} lists (${n})`,
  areaNone: (area) => `Nobody on the skilling list holds a certification ${area} lists.`,
  /** A counted certification Microsoft retires: "retiring: counts until 31 August 2027". */
  retiring: (day) => `retiring: counts until ${day}`,
};

/** The 2026 badge groups (designations.md §13): their line in the CLI summary; the page may use them for its group headings. */
export const BADGE_TEXT = {
  title: 'Badge groups (display only; the designations above are what Partner Center scores)',
  attained: 'attained',
  notAttained: 'not attained',
  /** "attained: Business Applications Qualified". */
  by: (labels) => `attained: ${labels} Qualified`,
};

/** The 25-point incentive line (designations.md §12): the overview's column and the area's card, in the CLI and on the page. */
export const INCENTIVE_TEXT = {
  column: 'Incentive line',
  none: '—',
  /** "25-point incentive line". */
  title: (line) => `${line.points}-point incentive line`,
  /** "met", "not met: 3.5 points to go", "cannot tell: at least 18" (score: the area's total, a lower bound when Incomplete). */
  state: (line, score) => {
    if (line.met === true) return 'met';
    // Points in prose: at most one decimal. Never "0 points to go" for 24.999: the points still missing, rounded up;
    // a lower bound rounded down, so that it stays one.
    const shown = (tenths) => (tenths / 10).toLocaleString('en', { maximumFractionDigits: 1 });
    if (line.met === false) return `not met: ${shown(Math.max(1, Math.ceil((line.points - score) * 10 - 1e-9)))} points to go`;
    return score === null || score === undefined ? 'cannot tell' : `cannot tell: at least ${shown(Math.floor(score * 10 + 1e-9))}`;
  },
};

/** A portfolio: `spd-score batch` rows dropped on the page (www/portfolio-view.js). */
export const PORTFOLIO_TEXT = {
  title: 'Portfolio',
  intro: (file, partners) => `${file}: ${partners} ${partners === 1 ? 'partner' : 'partners'}, as spd-score batch scored them. Read on this computer, nothing uploaded.`,
  close: 'Close the portfolio',
  summaryCaption: 'Per designation',
  summaryColumns: { area: 'Designation', scored: 'Scored', qualified: 'Qualified', withinTen: 'Within 10 points', incentive: 'At or above the incentive line', errors: 'Partners with file errors' },
  unscored: (n) => `Not scored (${n}):`,
  withErrors: (n) => `Scored despite file errors (${n}):`,
  tableCaption: 'Partners by designation',
  partner: 'Partner',
  files: 'Files',
  errors: 'File errors',
  search: 'Find a partner',
  sortBy: (column) => `Sort by ${column}`,
  notScored: 'could not be scored',
  withinTen: 'within 10 points',
  incentiveMet: 'incentive line met',
  pages: (from, to, total) => `Partners ${from} to ${to} of ${total}`,
  notPortfolio: (file) => `${file} is neither a report downloaded from this page nor spd-score batch output (JSON lines or a JSON array of rows).`,
};

/** What changed since last time (www/changes.js): a result remembered on this computer, or a report downloaded earlier. */
export const CHANGES_TEXT = {
  title: 'What changed',
  since: (month) => `Since ${month}`,
  remember: 'Remember this result on this computer',
  rememberHelp: 'A summary of each month\'s result (scores, metrics, the tenants and people that counted) is kept in this browser, never uploaded, so that next month this shows what changed.',
  remembered: (months) => `Remembered on this computer: ${months.join(', ')}.`,
  forget: 'Forget',
  forgotten: 'Nothing is remembered on this computer any more.',
  firstTime: 'Next month, drop the new downloads here to see what changed. You can also drop a report downloaded from this page (JSON) to compare with it.',
  sameMonth: (month) => `${month} is remembered. Drop a later month's downloads to see what changed, or a report downloaded earlier (JSON) to compare with it.`,
  fromSaved: (date) => `Compared with the result remembered on this computer on ${date}.`,
  fromFile: (name) => `Compared with ${name}.`,
  score: (before, now, delta) => `Score ${before} → ${now}${delta ? ` (${delta})` : ''}`,
  status: (before, now) => `${before} → ${now}`,
  track: (before, now) => `Deciding track: ${before} → ${now}`,
  metric: (name, before, now, values) => `${name}: ${before} → ${now} points${values ? ` (${values})` : ''}`,
  values: (before, now) => `${before} → ${now}`,
  gained: (n) => `Tenants gained (${n}):`,
  lost: (n) => `Tenants lost (${n}):`,
  added: (n) => `Certifications added (${n}):`,
  gone: (n) => `Certifications no longer counted (${n}):`,
  newArea: 'scored for the first time',
  noLongerScored: 'no longer scored',
  noChange: 'No change:',
  more: (n) => `and ${n} more`,
  certification: (person, name, why) => `${person}: ${name}${why ? ` (${why})` : ''}`,
  notReport: (name) => `${name} is not a report downloaded from this page.`,
};

/** The one-page print of the overview (www/print-summary.js). */
export const PRINT_TEXT = {
  title: 'Solutions Partner designations',
  dated: (asOf, printed) => `Scores as of ${asOf}, printed ${printed}, by spd-score from Partner Center's downloads.`,
  columns: { area: 'Designation', score: 'Score', status: 'Status', track: 'Track', next: 'Top next steps' },
  nothingToDo: 'Nothing: every metric is at its maximum.',
};
