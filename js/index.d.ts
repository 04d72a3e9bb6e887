// Types of the spd-score JavaScript API and of the report (schemaVersion 3).
// The report is plain JSON: keys are camelCase, months are "YYYY-MM", dates
// "YYYY-MM-DD", points are exact values (round only to display them).

/**
 * Initialises the WebAssembly module once; a failed load can be tried again.
 * Without `source`, spd_score_bg.wasm beside the module (in Node, already
 * read from disk by the Node entry).
 */
export function load(source?: WasmSource | PromiseLike<WasmSource>): Promise<void>;

// What load() takes, typed by shape so that these declarations need neither
// the DOM library nor Node's types: `URL`, `Request`, `Response`, `Uint8Array`,
// `ArrayBuffer` and `WebAssembly.Module` are all accepted where they exist.

/** The .wasm file's location: a URL string, or a `URL`. */
export type WasmLocation = string | { readonly href: string };
/** A `fetch` Response (or a `Request`) for the .wasm file. */
export interface WasmResponse {
  readonly url: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}
/** The .wasm file's bytes. */
export type WasmBytes = ArrayBuffer | ArrayBufferView;
/** A compiled `WebAssembly.Module` (opaque: any object passes this type). */
export type WasmModule = object;
export type WasmSource = WasmLocation | WasmResponse | WasmBytes | WasmModule;

export interface ScorerOptions {
  /** A ruleset of the same shape as `defaultRuleset(id)`: it replaces the embedded one of its id. */
  ruleset?: Ruleset;
  /** More rulesets, each replacing the embedded one of its id (or adding an area). */
  rulesets?: Ruleset[];
  /**
   * "YYYY-MM" (or "YYYY-MM-DD", of which only the month is used): rows dated
   * after this month are errors. Defaults to the current month.
   */
  today?: string;
}

export interface ReportOptions {
  /** "YYYY-MM": the month to score; the latest month in the data by default. */
  asOf?: string;
  /** Score every month too, for the history table. */
  history?: boolean;
  /** "YYYY-MM-DD": with it, each area has its qualification window. */
  today?: string;
  /** "YYYY-MM-DD": the designation's anniversary, when enrolled. */
  anniversary?: string;
  /** With `detail: 'full'`: at most this many of Modern Work's tenants inline, contributing ones first. */
  tenantLimit?: number;
  /** Metric values typed from Partner Center's scorecards (designations.md section 7). */
  manualValues?: ManualValue[];
  /** The track chosen per classified area id, e.g. `{ 'business-applications': 'smb' }`. */
  tracks?: Record<string, TrackId>;
  /**
   * `'summary'` (the default): each list counted in `lists`, asked for with
   * `Scorer.rows`; `'full'`: every list inline too (`areas[id].tenants`,
   * `people`, ...), a large object.
   */
  detail?: 'summary' | 'full';
}

/** What `Scorer.writeReport` takes besides the report's options. */
export interface WriteReportOptions extends ReportOptions {
  /** Indented by two spaces; compact (one line) by default. */
  pretty?: boolean;
  /** Only this area's part of the report (`report.areas[area]`). */
  area?: AreaId;
  /** Each piece a view of the module's memory, valid only until `write` returns (no copy): for a writer done with it by then, as `fs.writeSync` is. */
  view?: boolean;
}

/** A value typed from a Partner Center scorecard. */
export interface ManualValue {
  /** Area id or name, matched loosely (`Data & AI`, `data-ai`). */
  area: string;
  /** `enterprise`, `smb` (also `Ent`, `Small and medium business`); absent or empty: both. */
  track?: string;
  /** A metric id, with `.stepN`, `.baseline`, a part (`.azure`, `.m365`) or an option (`.CSP`); or `track`. */
  metric: string;
  /** A number, or a text as shown (`12 %`, `USD 9,000`); for `track`, the track. */
  value: number | string;
}

/**
 * What the core throws (bad options, a ruleset, a plan, an unknown area):
 * the kind of input at fault and, where there is one, its place. Rows and
 * files with errors are never thrown: they are in the report.
 */
export class SpdScoreError extends Error {
  name: 'SpdScoreError';
  kind: 'options' | 'ruleset' | 'plan' | 'area' | 'portfolio' | 'report';
  /** The field at fault: `manualValues[0].metric`, `tracks[0].metrics.netCustomerAdds`, `asOf`. */
  path?: string;
  /** Line and column (from 1) of a text that is not JSON. */
  line?: number;
  column?: number;
  /** A ruleset's fault: not JSON, a field, or a rule. */
  rulesetKind?: 'syntax' | 'field' | 'rule';
}

/** A set of files scored together. Call `load()` first. */
export class Scorer {
  constructor(options?: ScorerOptions);
  /** Loads a whole file. */
  addFile(name: string, bytes: Uint8Array | ArrayBuffer): this;
  /** Starts a file fed in chunks with `push`, finished with `endFile`. */
  beginFile(name: string): this;
  push(chunk: Uint8Array | ArrayBuffer): this;
  endFile(): this;
  /** The report (schema 3); with `detail: 'full'` every list inline. */
  report(options?: ReportOptions): Report;
  /** `report` with `detail: 'summary'` (the default). */
  summary(options?: ReportOptions): Report;
  /**
   * One page of a list, from the data as the last `report` scored it. Never
   * throws for a query: one it cannot answer has no rows and an `error`.
   */
  rows(query: RowsQuery): Rows;
  /**
   * Writes the report's JSON text without building it in JavaScript:
   * `write` gets pieces of about a megabyte of UTF-8 (each its own copy), in
   * order; with `detail: 'full'` each list row by row. Returns the report's
   * `files`. Throws what `write` throws.
   */
  writeReport(write: (bytes: Uint8Array) => void, options?: WriteReportOptions): { files: FileReport[] };
  /** The report as it would be with `plan` carried out. */
  simulate(plan: Plan, options?: ReportOptions): Simulation;
  /** What a plan may name (association types, workloads, Azure services, certifications), each with the areas it counts for. */
  planChoices(): PlanChoices;
  /** This scorer's files as one partner's rows of a portfolio; `unread`: files that could not be opened. */
  portfolioRows(partner: string, options?: { unread?: string[]; asOf?: Month }): PortfolioRow[];
  /** Releases the WebAssembly memory held by this scorer. */
  free(): void;
}

/**
 * Scores files in one call (loads the module if needed). `today` as
 * "YYYY-MM-DD" both sets the current month and adds the qualification window.
 */
export function score(
  files: Array<{ name: string; bytes: Uint8Array | ArrayBuffer }>,
  options?: ScorerOptions & ReportOptions,
): Promise<Report>;

/**
 * An embedded area ruleset (Modern Work by default), with the certifications
 * it names from the shared catalogue. Call `load()` first.
 */
export function defaultRuleset(id?: AreaId): Ruleset;
/** Every embedded area ruleset, in Partner Center's order (certifications in the shared catalogue). */
export function rulesets(): Ruleset[];
/** The version of the scoring core. Call `load()` first. */
export function version(): string;

export type Month = string;
export type DateString = string;
export type TrackId = 'enterprise' | 'smb' | (string & {});
export type AssociationId = 'CPOR' | 'DPOR' | 'CSP' | (string & {});
/** `incomplete` and `not_scored` are given to areas, not to tracks. */
export type Status = 'qualified' | 'partial' | 'incomplete' | 'in_progress' | 'not_started' | 'not_scored';
export type AreaId =
  | 'modern-work'
  | 'security'
  | 'data-ai'
  | 'infrastructure'
  | 'digital-app-innovation'
  | 'business-applications'
  | (string & {});
/** Where a metric's figure came from: the files, or typed by hand. */
export type MetricSource = 'file' | 'manual';
export type MetricId =
  | 'netCustomerAdds'
  | 'intermediateCertifications'
  | 'advancedCertifications'
  | 'usageGrowth'
  | 'deployments';

/** The report, schema 3 (docs/report.md): every area in one shape. */
export interface Report {
  schemaVersion: 3;
  /** What wrote it. */
  generator: { name: 'spd-score'; version: string };
  /** Every designation, Modern Work like the others, in Partner Center's order. */
  areas: Record<AreaId, AreaReport>;
  /** The Solutions Partner overview: one row per area. */
  overview: OverviewRow[];
  /** Solutions Partner for Microsoft Cloud (all six qualified). */
  microsoftCloud: MicrosoftCloud;
  /** The 2026 badge groups, in the catalogue's order (display only). */
  badges: Badge[];
  /** The single action that gains the most points across all areas. */
  bestAction: Recommendation | null;
  /** The lists that span areas, with how many rows each holds (`Scorer.rows`). */
  lists: { people: number };
  /** With `detail: 'full'`: every person and certification, where it counts and why not. */
  people?: PersonReport[];
  /** The rules Microsoft does not publish that span areas (each area has its own). */
  assumptions: Array<{ id: string; text: string }>;
  ignored: {
    /** Rows per association type that counts on no track (PAL, ...). */
    associations: Record<string, number>;
    /** Rows per workload not eligible for Modern Work. */
    workloads: Record<string, number>;
  };
  files: FileReport[];
  warnings: Warning[];
  errors: RowError[];
}

/** What `Scorer.rows` is asked (docs/report.md, "Lists on demand"). */
export interface RowsQuery {
  /** One of `report.areas[area].lists`, or `people` (across areas). */
  list: ListName;
  /** The area whose list it is; for `people`, only those with a certification that matters there. */
  area?: AreaId;
  /** The track `only` and the `contribution` sort look at; the area's deciding track by default. */
  track?: TrackId;
  /** Text of a row's id, name, e-mail, tenant or workload, case aside. */
  search?: string;
  /** Only rows that add to the track's points. */
  only?: 'contributing';
  /** Exact association type (a tenant's associations, an action's option). */
  association?: AssociationId;
  /** Exact band (an Azure tenant's customer segment). */
  band?: string;
  /** `contribution`, or a dotted path into the row (`name`, `tracks.smb.maxPau.asOf`). */
  sort?: 'contribution' | (string & {});
  descending?: boolean;
  offset?: number;
  /** All by default. */
  limit?: number;
}

export type ListName = 'tenants' | 'tenantActions' | 'services' | 'revenue' | 'consumption' | 'setAside' | 'people' | (string & {});

/** A row of a list: its entry as `detail: 'full'` writes it. */
export type Row =
  | TenantReport
  | TenantAction
  | SecurityTenant
  | AzureTenant
  | AzureService
  | BusinessApplicationsRevenuePair
  | BusinessApplicationsConsumptionPair
  | BusinessApplicationsSetAside
  | PersonReport;

/** One page of a list: how many rows the query selects, and the page's. */
export interface Rows<R = Row> {
  total: number;
  rows: R[];
  /** A query it cannot answer. */
  error?: { kind: 'unknownList' | 'unknownArea' | 'unknownTrack' | 'badQuery' | 'noRulesets'; message: string };
}

/** A Modern Work track (`report.areas['modern-work'].tracks[id]`), its metrics by name. */
export interface TrackReport {
  label: string;
  /** Exact total of the metrics that could be computed (Partner Center shows it rounded). */
  total: number;
  status: Status;
  /** False when a metric is unknown (its baseline month is missing). */
  complete: boolean;
  metrics: {
    netCustomerAdds: SimpleMetric;
    intermediateCertifications: SimpleMetric;
    advancedCertifications: SimpleMetric;
    usageGrowth: OptionMetric;
    deployments: OptionMetric;
  };
}

/** A count scored pro rata: net adds (`tenants`), people (`people`), services (`services`). */
export interface SimpleMetric {
  /** null when the metric cannot be computed (baseline month missing). */
  points: number | null;
  max: number;
  value: number | null;
  threshold: number;
  kind: 'tenants' | 'people' | 'services';
  source: MetricSource | null;
}
export type CountMetric = SimpleMetric;

/** Percent growth of a consumption measure, with a minimum baseline. */
export interface GrowthMetric {
  points: number | null;
  max: number;
  /** Growth in percent. */
  value: number | null;
  threshold: number;
  baseline: number | null;
  minimumBaseline: number;
  /** Why it earns nothing (baseline below the minimum). */
  reason: string | null;
  kind: 'growth';
  source: MetricSource | null;
}

/** Certified people in gated steps. */
export interface StepsMetric {
  points: number | null;
  max: number;
  /** People at the scoring step that would earn `max`. */
  threshold: number;
  /** People needed to meet a gate, and the points a met gate earns. */
  gate: { people: number; points: number };
  steps: Array<{
    list: string;
    certifications: string[];
    gate: boolean;
    people: number;
    /** Who, when read from a skilling list. */
    names: string[];
    /** Gates: met; the scoring step: every gate met. */
    met: boolean;
    points: number;
    source: MetricSource;
  }>;
  kind: 'steps';
  source: MetricSource | null;
}

/** Parts computed separately and added (Security's Azure and Microsoft 365 parts). */
export interface PartsMetric {
  /** The known parts' points added; null when no part is known. */
  points: number | null;
  max: number;
  parts: Record<string, { label: string; points: number | null; value: number | null; threshold: number; source: MetricSource | null }>;
  kind: 'parts';
  source: MetricSource | null;
}

export type Metric = SimpleMetric | OptionMetric | GrowthMetric | StepsMetric | PartsMetric;

/** A track of any area: metrics by id, each shaped by its kind. */
export interface AreaTrack {
  label: string;
  total: number;
  status: Status;
  complete: boolean;
  metrics: Record<string, Metric>;
}

export interface AreaReport {
  label: string;
  ruleset: { id: AreaId; version: string; published: string | null; name: string };
  /** The month the area is scored as of; null when nothing dates it. */
  asOf: Month | null;
  baseline: Month | null;
  /** Every month the area's data covers, oldest first. */
  months: Month[];
  status: Status;
  /** The deciding track's total; null when not scored. */
  total: number | null;
  /** The total is a lower bound (Incomplete). */
  atLeast: boolean;
  track: TrackId | null;
  trackChoice: 'best' | 'classified' | 'user' | 'default' | null;
  classification: { track: TrackId; basis: string; value: number | null } | null;
  source: 'files' | 'manual' | 'both' | 'none';
  /** The 25-point incentive line (designations.md §12); null for an area without one (Business Applications). */
  incentiveLine: IncentiveLine | null;
  /** Empty when not scored. */
  tracks: Partial<Record<TrackId, AreaTrack>>;
  recommendations: Recommendation[];
  /** What would score the unknown metrics (or the area). */
  missing: string | null;
  assumptions: Array<{ id: string; text: string }>;
  warnings: Warning[];
  /** The area's data model summed up (counts, hints, what is within reach), when its exports are read; never a list. */
  detail: AreaDetail | null;
  /** The lists `Scorer.rows` answers for this area, with how many rows each holds. */
  lists: Partial<Record<ListName, number>>;
  /** With the `history` option: the area month by month, from the first
   * month of any loaded export to the last (files only, no typed values). */
  history?: AreaMonth[];
  /** With the `today` option: the area's qualification window. */
  window?: QualificationWindow;
  /** With `detail: 'full'`, each list of `lists` inline. */
  tenants?: TenantReport[] | SecurityTenant[] | AzureTenant[];
  tenantActions?: TenantAction[];
  services?: AzureService[];
  revenue?: BusinessApplicationsRevenuePair[];
  consumption?: BusinessApplicationsConsumptionPair[];
  setAside?: BusinessApplicationsSetAside[];
}

/** The Microsoft 365 usage model's counts (Modern Work): its tenants are listed on demand. */
export interface UsageDetail {
  model: 'usage';
  /** Tenants in the usage data. */
  tenantCount: number;
  /** Those that change a metric on some track. */
  contributingTenants: number;
}

/** A data model's explanation of an area's figures; `model` says which. */
export type AreaDetail = UsageDetail | BusinessApplicationsDetail | AzureDetail | SecurityDetail;

/**
 * Business Applications explained: every (tenant, workload) pair of the revenue
 * and usage downloads in the as-of month and its baseline, what decides the
 * classification, pairs within reach of a deployment, rows set aside.
 */
export interface BusinessApplicationsDetail {
  model: 'businessApplications';
  asOf: Month | null;
  baseline: Month | null;
  /** Monthly consumption value over every pair; null without usage data for the month. */
  mcv: Both<number | null>;
  /** null without revenue data for every month the classification needs. */
  classification: {
    track: TrackId;
    /** Pairs above `revenueAbove` USD in every one of `months`. */
    pairs: number;
    pairsNeeded: number;
    revenueAbove: number;
    months: Month[];
    deciding: BusinessApplicationsPair[];
  } | null;
  /** Pairs close to a track's deployment threshold: what they miss. */
  withinReach: Array<BusinessApplicationsPair & {
    track: TrackId;
    mcvMissing: number;
    usageMissing: number;
    unit: string;
    /** "Enterprise: 4,000 more MCV in Northwind Traders' Power BI makes it a deployment: 20 more monthly users." */
    message: string;
  }>;
}

/** Rows of a business applications download that do not count, by download, reason and name (a workload, an association type): list `setAside`. */
export interface BusinessApplicationsSetAside {
  dataset: 'revenue' | 'usage';
  reason: 'smallerDuplicate' | 'trial' | 'notOnRateCard' | 'notNcaWorkload' | 'droppedWorkload' | 'unknownAssociation' | 'associationNotCounted';
  name: string;
  rows: number;
}

/** One tenant's workload (a rate-card line for consumption). */
export interface BusinessApplicationsPair {
  tenant: string;
  tenantName: string | null;
  workload: string;
}

/** Counted (a workload add, a deployment) in the as-of month and its baseline on a track. */
export interface BusinessApplicationsPairCount {
  asOf: boolean;
  baseline: boolean;
  /** +1, 0 or -1. */
  net: number;
}

export interface BusinessApplicationsRevenuePair extends BusinessApplicationsPair {
  /** USD; null when the revenue data has no rows for the month. */
  asOf: number | null;
  baseline: number | null;
  adds: Partial<Record<TrackId, BusinessApplicationsPairCount>>;
  /** Above the classification's revenue in every month it looks at. */
  classifies: boolean;
}

export interface BusinessApplicationsPairUsage {
  /** Users (or profiles), summed over subscriptions. */
  usage: number;
  /** The numbers that counted. */
  columns: Array<'PAMAU' | 'MAC' | 'MAU'>;
  /** usage x rate. */
  mcv: number;
}

export interface BusinessApplicationsConsumptionPair extends BusinessApplicationsPair {
  rate: number;
  /** 'MAU', 'profiles'. */
  unit: string;
  /** null when the usage data has no rows for the month. */
  asOf: BusinessApplicationsPairUsage | null;
  baseline: BusinessApplicationsPairUsage | null;
  deployments: Partial<Record<TrackId, BusinessApplicationsPairCount>>;
}


/** Rows that do not count under one name, and their ACR (USD). */
export interface AzureRows {
  rows: number;
  acr: number;
}

/** The Azure areas' figures explained (Data & AI, Infrastructure, Digital & App Innovation). Amounts in USD. */
export interface AzureDetail {
  model: 'azure';
  /** The export the figures come from. */
  source: 'azureUsage' | 'customersTenants';
  /** The months the data covers; a month outside them is missing. */
  firstMonth: Month | null;
  lastMonth: Month | null;
  asOf: Month;
  baseline: Month | null;
  classification: {
    /** Tenants with eligible ACR in the as-of month. */
    customers: number;
    withSegment: number;
    smb: number;
    /** smb / withSegment; null without segments. */
    share: number | null;
    track: TrackId | null;
  };
  /** Trailing-twelve-month ACR of the whole customer base; null when a month is missing. */
  ttm: { asOf: number | null; baseline: number | null; growth: number | null };
  /** Tenants with ACR in the months net customer adds look at (list `tenants`; the services: list `services`). */
  tenantCount: number;
  /** ACR of the same consumption under a second association type, not counted twice. */
  setAside: number;
  /** Rows dropped by a duplicate flag (IsACRDuplicateAtPGAAttachTypeLevel). */
  flagged: AzureRows;
  /** Rows of a download without that flag repeating a consumption another partner location (MPNId) reports: only the largest location's counts. */
  locationRepeats: AzureRows;
  /** Rows that do not count, per association type and per offer. */
  ignored: { associations: Record<string, AzureRows>; offers: Record<string, AzureRows> };
  /** False when an Azure usage file had no offer column. */
  offersChecked: boolean;
  /** Tenants within reach of a customer threshold, nearest first. */
  hints: string[];
}

/** An Azure area's tenant (list `tenants`: the ones whose net add is not 0 first, then by ACR in the as-of month). */
export interface AzureTenant {
  id: string;
  name: string | null;
  segment: string | null;
  /** Counted as SMB in the classification; null without a segment. */
  smb: boolean | null;
  /** Eligible ACR in the as-of month. */
  customer: boolean;
  /** Eligible ACR per month; null when the month is missing. */
  acr: { asOf: number | null; previous: number | null; baseline: number | null; baselinePrevious: number | null };
  tracks: Partial<Record<TrackId, { eligible: Both<boolean>; netAdd: number; hint: string | null }>>;
}

/** A Service Level 2 service with ACR over the deployment months, across all tenants (list `services`). */
export interface AzureService {
  name: string;
  acr: number;
  deployment: boolean;
  reason: 'excluded' | 'noPositiveAcr' | null;
}

/**
 * Security explained: tenant by tenant, each part's bands on each track in the
 * as-of month and its baseline, its part in each metric, and what is within reach.
 * Amounts in USD.
 */
export interface SecurityDetail {
  model: 'security';
  asOf: Month;
  baseline: Month | null;
  /** The Azure part; null without an Azure usage export. */
  azure: {
    /** The months the Azure usage data covers; a month outside them is missing. */
    firstMonth: Month | null;
    lastMonth: Month | null;
    /** False when a month the trailing twelve months need is missing: the part is unknown. */
    known: boolean;
    /** Per track: security ACR of the tenants in the usage-growth band; null when unknown. */
    secAcr: Partial<Record<TrackId, Both<number> | null>>;
    /** Security ACR of the same consumption under a second association type, not counted twice. */
    setAside: number;
  } | null;
  /** The Microsoft 365 part; null without usage data for both months. */
  m365: {
    /** Per track: protected users of the tenants in band. */
    protectedUsers: Partial<Record<TrackId, Both<number>>>;
    /** 0.15 = a workload 15 % active deploys a tenant in band. */
    deploymentRatio: number;
  } | null;
  /** Tenants with security consumption or seats in either month, in either part (list `tenants`: matched by id across the exports, the ones that change a metric first). */
  tenantCount: number;
  /** "SMB: 2 more Microsoft Defender for Office 365 tenants at 15 % active add up to 6.67 points: ...", nearest first. */
  hints: string[];
}

export interface SecurityTenant {
  id: string;
  name: string | null;
  /** Changes a metric of either part on either track. */
  contributes: boolean;
  azure: {
    /** Security ACR over the trailing twelve months ending in each month. */
    ttm: Both<number>;
    tracks: Partial<Record<TrackId, {
      /** In the band of each use (net customers, deployments, usage growth), the carry-over included. */
      customer: Both<boolean>;
      deployment: Both<boolean>;
      usage: Both<boolean>;
      /** In some band only through the SMB carry-over. */
      carriedOver: Both<boolean>;
      netAdd: number;
      netDeployment: number;
      /** USD it adds to the security ACR growth. */
      growth: number;
    }>>;
  } | null;
  m365: {
    tracks: Partial<Record<TrackId, {
      /** In the track's seat band, the carry-over included. */
      eligible: Both<boolean>;
      carriedOver: Both<boolean>;
      /** Largest paid units of a security workload under the part's association types. */
      maxPau: Both<number>;
      /** Active paid licences counted (0 out of band). */
      protectedUsers: Both<number>;
      deployed: Both<boolean>;
      /** Best workload's MAU / PAU (0.4 = 40 %, to four decimals); null without paid units. */
      bestActive: Both<number | null>;
      netAdd: number;
      netDeployment: number;
      /** Protected users it adds to usage growth. */
      growth: number;
    }>>;
  } | null;
}

export interface OverviewRow {
  area: AreaId;
  label: string;
  /** null when not scored. */
  score: number | null;
  /** The score is a lower bound (Incomplete). */
  atLeast: boolean;
  status: Status;
  track: TrackId | null;
  /** "SMB (best of both)", "Enterprise (default: not classified from the files)". */
  trackLabel: string;
  otherTrack: TrackId | null;
  otherTotal: number | null;
  asOf: Month | null;
  source: 'files' | 'manual' | 'both' | 'none';
  /** What would score an unknown metric, else the top recommendation. */
  next: string | null;
  /** The badge group the area belongs to. */
  badge: BadgeId | null;
  /** The area's incentive line (null: the area has none). */
  incentiveLine: IncentiveLine | null;
}

/**
 * The incentive line (designations.md §12): shown, not incentive eligibility.
 * `met`: a deciding track's total is at least `points` (even as a lower bound);
 * false: every deciding total is known in full and below; null: cannot tell.
 */
/** One partner and designation of a portfolio (docs/portfolio.md). */
export interface PortfolioRow {
  /** The partner's folder or manifest name. */
  partner: string;
  /** null: the partner could not be scored (`errors` says why). */
  area: AreaId | null;
  score: number | null;
  atLeast: boolean;
  status: Status | null;
  track: TrackId | null;
  /** The 25-point incentive line: null when it cannot tell or the area has none. */
  incentiveLineMet: boolean | null;
  next: string | null;
  asOf: Month | null;
  /** The partner's files read with a known layout. */
  files: number;
  skippedRows: number;
  /** One line per file with errors, and files that could not be opened. */
  errors: string[];
}

export interface PortfolioSummary {
  partners: number;
  /** Partners that could not be scored. */
  unscored: string[];
  /** Partners scored despite errors in some files. */
  withErrors: string[];
  areas: Array<{ area: AreaId; label: string; scored: number; qualified: number; withinTen: number; incentiveLineMet: number | null }>;
}

/** Rows in the portfolio's order as CSV or JSON lines, or their summary. */
export function portfolio(rows: PortfolioRow[], format: 'csv' | 'jsonl'): string;
export function portfolio(rows: PortfolioRow[], format: 'summary'): PortfolioSummary;

export interface IncentiveLine {
  points: number;
  met: boolean | null;
}

export type BadgeId = 'ai-business-solutions' | 'cloud-ai-platforms' | 'security' | (string & {});

/** A badge group (designations.md §13): attained when any of its areas is Qualified. */
export interface Badge {
  id: BadgeId;
  /** "Solutions Partner for Cloud & AI Platforms". */
  label: string;
  /** Its areas scored in this report. */
  areas: AreaId[];
  /** Those of them Qualified. */
  qualified: AreaId[];
  attained: boolean;
}

export interface MicrosoftCloud {
  status: 'qualified' | 'cannot_tell' | 'not_qualified';
  qualified: AreaId[];
  unknown: AreaId[];
  message: string;
}

export interface OptionMetric {
  points: number | null;
  max: number;
  /** The association option whose points count (the best, not the sum). */
  bestOption: AssociationId | null;
  /** One entry per association option of the track (enterprise: CPOR, DPOR; smb: CPOR, CSP). */
  options: Partial<Record<AssociationId, OptionScore>>;
  kind: 'options';
  source: MetricSource | null;
}

export interface OptionScore {
  source: MetricSource | null;
  /** Usage growth (MAU) or net deployments under this association; null when unknown. */
  value: number | null;
  threshold: number;
  points: number | null;
}

export interface TenantReport {
  id: string;
  name: string | null;
  associations: AssociationId[];
  /** True when the tenant changes any metric on any track. */
  contributes: boolean;
  /** Per track; empty when the customer metrics cannot be computed. */
  tracks: Partial<Record<TrackId, TenantTrack>>;
}

export interface Both<T> {
  asOf: T;
  baseline: T;
}

export interface TenantTrack {
  /** In the track's band on a net-customer-adds workload. */
  eligible: Both<boolean>;
  /** In the track's band on a usage-growth and deployments workload: its usage counts for those two metrics. */
  serves: Both<boolean>;
  /** Eligible only through the track's carry-over (grown out of the SMB band, in it a year before). */
  carriedOver: Both<boolean>;
  /** Largest paid units of an eligible workload under the track's customer associations. */
  maxPau: Both<number>;
  /** +1, 0 or -1 to net customer adds. */
  netAdd: number;
  /** True when the tenant changes a metric of this track. */
  contributes: boolean;
  /** Per association option of the track the tenant has rows under (one of its `associations`). */
  options: Partial<Record<AssociationId, TenantOption>>;
}

export interface TenantOption {
  asOf: TenantMonth;
  baseline: TenantMonth;
  /** What the tenant adds to usage growth; null when left out. */
  growth: number | null;
  /** +1, 0 or -1 to net deployments. */
  deployment: number;
}

export interface TenantMonth {
  /** MAU over eligible workloads under this association type. */
  mau: number;
  deployed: boolean;
  /** Best MAU/PAU ratio of an eligible workload; 0.4 = 40%, to four decimals. */
  bestRatio: number | null;
}

export interface PersonReport {
  /** Lower-cased e-mail, else id, else the folded name. */
  id: string;
  name: string | null;
  email: string | null;
  intermediate: boolean;
  advanced: boolean;
  /** The ruleset's certification lists the person counts in. */
  lists: string[];
  certifications: Array<{
    /** As written in the file. */
    name: string;
    /** The ruleset's name for it, when it is on the list. */
    matched: string | null;
    /** The ruleset's certification lists that name it. */
    lists: string[];
    status: CertificationStatus;
    earned: DateString | null;
    expires: DateString | null;
    /** The last day a retiring certification counts. */
    eligibleThrough: DateString | null;
    /** `status` and `reason` are Modern Work's; here every area whose lists name it (or named it). */
    areas: Array<{ area: AreaId; status: CertificationStatus; reason: string; countsIn: string[] }>;
    reason: string;
  }>;
}

export interface Recommendation {
  area: AreaId;
  track: TrackId;
  metric: MetricId | (string & {});
  /** The association option, or the part (`azure`, `m365`). */
  option: AssociationId | null;
  /** Smallest whole number of additional units that reaches the maximum. */
  needed: number;
  unit: string;
  /** Points the metric gains by reaching its maximum. */
  gain: number;
  /** Points one more unit would gain. */
  unitGain: number;
  /** The option of its metric that needs the fewest units. */
  best: boolean;
  /** The single action that gains the most points on its track. */
  top: boolean;
  message: string;
}

export interface TenantAction {
  tenant: string;
  track: TrackId;
  option: AssociationId | null;
  kind: 'activateUsers' | 'removeSeats' | 'addSeats' | 'lostCustomer';
  workload: string | null;
  /** Users to activate or seats to add or remove. */
  needed: number;
  message: string;
}

/** One month of an area's history: the area scored as of that month. */
export interface AreaMonth {
  month: Month;
  /** False when the month has no verdict: no export of the area covers it,
   * or a metric is unknown (its baseline month is missing). */
  available: boolean;
  status: Status;
  /** The deciding track's total (a lower bound when not available). */
  total: number | null;
  track: string | null;
}

export interface QualificationWindow {
  enrolled: boolean;
  today: DateString;
  /** The renewal date the window leads to (enrolled partners). */
  anniversary: DateString | null;
  start: DateString;
  end: DateString;
  months: Array<{ month: Month; available: boolean; status: Status | null }>;
  /** May enrol (not enrolled) or renew (enrolled) on what the data shows. */
  eligible: boolean;
  message: string;
}

/** Why a certification counts or not in the as-of month. */
export type CertificationStatus =
  | 'counted'
  | 'expired'
  | 'past_eligible_through'
  | 'not_yet_earned'
  | 'not_a_certification'
  | 'inactive'
  | 'dropped'
  | 'not_on_list';

export interface FileReport {
  name: string;
  /** `emsUsage`, `azureUsage`, `customersTenants`, `bizappsRevenue`, `bizappsUsage` are the spec's `ems-usage`, `azure-usage`, `customers-tenants`, `bizapps-revenue`, `bizapps-usage`. */
  kind: 'usage' | 'emsUsage' | 'azureUsage' | 'customersTenants' | 'bizappsRevenue' | 'bizappsUsage' | 'skilling' | 'manual' | 'bizappsLicenceUsage' | 'msLearn' | 'unknown';
  encoding: string | null;
  delimiter: string | null;
  /** Data rows read, not counting the header. */
  rows: number;
  skippedRows: number;
  duplicateRows: number;
  /** Rows dropped as another location's repeat of the same partner global account (IsDuplicateRowForPGA). */
  pgaDuplicateRows: number;
  months: Month[];
}

/** What a warning is about, for programs (`message` says it to people). */
export type WarningKind =
  | 'preamble'
  | 'windows1252'
  | 'repeatedHeader'
  | 'duplicateRows'
  | 'moreErrors'
  | 'noDataRows'
  | 'asOfMissing'
  | 'noUsage'
  | 'missingBaseline'
  | 'noSkilling'
  | 'pgaDuplicates'
  | 'trackByDefault'
  | 'workloadNote'
  | 'associationAfterBaseline'
  | 'missingMonth'
  | 'bareCpor'
  | 'noSubscription'
  | 'overlappingMonths'
  | 'serviceNameAlias'
  | 'offersNotChecked'
  | 'unsupportedClouds'
  | 'unsegmentedCustomers'
  | 'freeSkuRows'
  | 'unreadColumns'
  | 'usageOverEms'
  | 'subscriptionLevelAcr'
  | 'locationsUnknown'
  | 'expiryUnknown'
  | 'claimTypeName'
  | 'emsWorkloadWithoutSeats';

export interface Warning {
  kind: WarningKind;
  /** The file it is about; null for the data as a whole. */
  file: string | null;
  message: string;
}

/** What went wrong, for programs (`message` says it to people). */
export type ErrorKind =
  | 'notCsv'
  | 'emptyFile'
  | 'unknownHeader'
  | 'shortRow'
  | 'longRow'
  | 'longField'
  | 'tooManyColumns'
  | 'unclosedQuote'
  | 'nulByte'
  | 'emptyValue'
  | 'badNumber'
  | 'badMonth'
  | 'badDate'
  | 'futureMonth'
  | 'conflictingDuplicate'
  | 'unknownArea'
  | 'unknownTrack'
  | 'unknownMetric'
  | 'badValue'
  | 'unscoredDownload'
  | 'noRulesets';

export interface RowError {
  kind: ErrorKind;
  file: string;
  line: number | null;
  column: string | null;
  value: string | null;
  message: string;
}

export interface PlannedCustomer {
  /** Optional; null in the plan a simulation echoes back. Customers of one name are one tenant. */
  name?: string | null;
  /** How many customers like this one. */
  count?: number;
  /** Any spelling of an association type a ruleset names (`CSP Tier 1`, `CPOR`, `DPOR`, `PAL`...); each part reads it with its own list. */
  association?: string;
  /** Microsoft 365 workloads (Modern Work, Security's Microsoft 365 part); each gets the MAU and PAU below. */
  workloads?: string[];
  /** Monthly active users of each Microsoft 365 workload, and the usage of each Business Applications workload. */
  mau?: number;
  /** Paid available units (Security: protected users) of each Microsoft 365 workload. */
  pau?: number;
  /** Azure Service Level 2 services (the Azure areas; Security's Azure part for its security services). */
  azureServices?: string[];
  /** Business Applications workloads (workload adds from the revenue, consumption value from the MAU). */
  bizappsWorkloads?: string[];
  /** USD over the trailing twelve months ending in the as-of month, spread evenly over them and split evenly across the Azure services and Business Applications workloads. */
  ttmRevenue?: number;
  /** An existing customer's USD over the twelve months ending a year earlier (default: `ttmRevenue`). */
  previousTtmRevenue?: number;
  /** Already a customer a year ago with the same paid seats (and the year-earlier revenue). */
  existingCustomer?: boolean;
  /** Already deployed a year ago with the same MAU. */
  existingDeployment?: boolean;
}

export interface Plan {
  customers?: PlannedCustomer[];
  people?: Array<{ name: string; certification: string }>;
  /** Tenant ids to take out of the data (every export's). */
  removeTenants?: string[];
}

export interface Simulation {
  simulated: true;
  plan: Plan;
  report: Report;
  changes: Record<
    TrackId,
    {
      totalBefore: number;
      totalAfter: number;
      totalChange: number;
      statusBefore: Status;
      statusAfter: Status;
      metrics: Record<MetricId, number | null>;
    }
  >;
  /** Every area's total and status before and after. */
  areas: Record<
    AreaId,
    { totalBefore: number | null; totalAfter: number | null; totalChange: number | null; statusBefore: Status; statusAfter: Status }
  >;
  /** Parts of the plan that could not be applied, and why. */
  problems: string[];
  /** How the plan was read where the rules are silent (how TTM revenue is spread...), for the parts it uses. */
  assumptions: string[];
}

/** One thing a plan may name, with the areas it counts for. */
export interface PlanChoice {
  id: string;
  label?: string;
  areas: AreaId[];
  /** Association types: the plan's lists they are read for. */
  parts?: Array<'workloads' | 'azureServices' | 'bizappsWorkloads'>;
  /** What it counts for, where that is only part of the area's figures. */
  note?: string;
}

/** What a plan may name: from the rulesets, and the Azure services of the files loaded. */
export interface PlanChoices {
  associations: PlanChoice[];
  /** Microsoft 365 workloads. */
  workloads: PlanChoice[];
  azureServices: PlanChoice[];
  bizappsWorkloads: PlanChoice[];
  certifications: PlanChoice[];
}

export interface Ruleset {
  id: string;
  version: string;
  /** When Microsoft's text the ruleset follows was published, `YYYY-MM`. */
  published?: string;
  name?: string;
  /** The short name, e.g. `Modern Work`. */
  label?: string;
  source?: string;
  qualification: { minTotal: number; everyMetricAboveZero: boolean };
  /** Best of both tracks, or one track by the partner's class. */
  trackChoice?: { rule: 'best' | 'classified'; basis?: string; fallback?: TrackId; group?: string };
  /** What would score the area when nothing feeds it. */
  notScored?: string;
  /** Microsoft 365 usage: MAU/PAU at or above this percentage deploys. */
  deploymentRatioPercent?: number;
  categories?: Array<{ id: string; label: string; metrics: MetricId[] }>;
  tracks: Array<{
    id: TrackId;
    label: string;
    band?: { over: number; upTo?: number };
    customerAssociations?: AssociationId[];
    nearBandSeats?: number;
    /** Tenants grown into `fromTrack`'s band stay eligible here when they were in this band `months` earlier. */
    carryOver?: { fromTrack: TrackId; months: number };
    /** By metric id, in report order; each names its kind and numbers. */
    metrics: Record<string, MetricRule>;
  }>;
  associations?: Array<{ id: AssociationId; label?: string; spellings?: string[] }>;
  /** Association types that count on no track, reported under one name. */
  otherAssociations?: Array<{ id: string; label?: string; spellings?: string[] }>;
  /** `metrics`: the customer metrics whose workload list names it (all when absent). */
  /** The workloads it counts (catalogue ids; spellings add to the catalogue's); `warning`: said when their rows count. */
  workloads?: Array<{ id: string; spellings?: string[]; confirmed?: boolean; metrics?: MetricId[]; warning?: string }>;
  /** Certifications it adds to (or replaces in) the shared catalogue. */
  certifications?: Array<{
    /** The exam code where there is one (`MS-102`), else a short name. */
    id: string;
    name: string;
    spellings?: string[];
    /** `YYYY-MM-DD` */
    retires?: string;
    /** The last day it counts, `YYYY-MM-DD`. */
    eligibleThrough?: string;
  }>;
  /** Named lists of certification ids that metrics count people from. */
  certificationLists?: Record<string, string[]>;
  /** Certification ids no longer on Microsoft's list: holders are told so. */
  droppedCertifications?: string[];
  window?: { monthsBefore: number; enrolmentDays: number };
  decisions?: Array<{ id: string; text: string }>;
  /** The numbers an area's data readers use (bands, rate card, service lists); read by later versions. */
  data?: Record<string, unknown>;
}

/**
 * A metric of a ruleset track: its kind and numbers (points = value x max / threshold, within 0..max).
 * `unit`: the words for one and several units in its recommendations (`['net customer add', 'net customer adds']`).
 */
export type MetricRule =
  | { kind: 'tenants' | 'services'; max: number; threshold: number; from: string; measure: string; unit?: [string, string] }
  | { kind: 'people'; max: number; threshold: number; list: string; unit?: [string, string] }
  | {
      kind: 'steps';
      max: number;
      threshold: number;
      gate: { people: number; points: number };
      steps: Array<{ list: string; gate?: boolean }>;
    }
  | {
      kind: 'options';
      max: number;
      from: string;
      measure: string;
      options: Array<{ association: AssociationId; threshold: number }>;
      unit?: [string, string];
    }
  | { kind: 'growth'; max: number; threshold: number; minimumBaseline?: number; from: string; measure: string }
  | {
      kind: 'parts';
      max: number;
      parts: Array<{ id: string; label?: string; from: string; measure: string; threshold: number; unit?: [string, string] }>;
    };
