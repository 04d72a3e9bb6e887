// Types of the spd-score JavaScript API and of the report (schemaVersion 1).
// The report is plain JSON: keys are camelCase, months are "YYYY-MM", dates
// "YYYY-MM-DD", points are exact values (round only to display them).

/** Initialises the WebAssembly module once (Node reads it from disk). */
export function load(source?: RequestInfo | URL | Response | BufferSource | WebAssembly.Module): Promise<void>;

export interface ScorerOptions {
  /** A ruleset of the same shape as `defaultRuleset()`. */
  ruleset?: Ruleset;
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
  /** "YYYY-MM-DD": with it, the report has the qualification window. */
  today?: string;
  /** "YYYY-MM-DD": the designation's anniversary, when enrolled. */
  anniversary?: string;
  /** At most this many tenants in `tenants`, contributing ones first. */
  tenantLimit?: number;
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
  report(options?: ReportOptions): Report;
  /** The report as it would be with `plan` carried out. */
  simulate(plan: Plan, options?: ReportOptions): Simulation;
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

/** The embedded Modern Work ruleset. Call `load()` first. */
export function defaultRuleset(): Ruleset;
/** The version of the scoring core. Call `load()` first. */
export function version(): string;

export type Month = string;
export type DateString = string;
export type TrackId = 'enterprise' | 'smb' | (string & {});
export type AssociationId = 'CPOR' | 'DPOR' | 'CSP' | (string & {});
export type Status = 'qualified' | 'partial' | 'in_progress' | 'not_started';
export type MetricId =
  | 'netCustomerAdds'
  | 'intermediateCertifications'
  | 'advancedCertifications'
  | 'usageGrowth'
  | 'deployments';

export interface Report {
  schemaVersion: 1;
  ruleset: {
    id: string;
    version: string;
    /** When Microsoft's text the ruleset follows was published, `YYYY-MM`. */
    published: string | null;
    name: string;
  };
  /** The month scored; null when no usage data was loaded. */
  asOf: Month | null;
  /** asOf minus 12 months. */
  baseline: Month | null;
  /** Every month present in the usage data, oldest first. */
  months: Month[];
  /** The best status of the tracks. */
  status: Status;
  /** The track with the higher total; null when both are 0. */
  bestTrack: TrackId | null;
  /** Every track of the ruleset, in its order: `enterprise` and `smb`. */
  tracks: Record<TrackId, TrackReport>;
  /** Every tenant, or with `tenantLimit` the contributing ones first. */
  tenants: TenantReport[];
  /** How many tenants the data has. */
  tenantCount: number;
  people: PersonReport[];
  recommendations: Recommendation[];
  tenantActions: TenantAction[];
  /** With the `history` option: every month from the first to the last with data. */
  history: HistoryMonth[] | null;
  /** With the `today` option. */
  window: QualificationWindow | null;
  /** Rules Microsoft does not publish that this report relied on. */
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

export interface SimpleMetric {
  /** null when the metric cannot be computed (baseline month missing). */
  points: number | null;
  max: number;
  value: number | null;
  threshold: number;
}

export interface OptionMetric {
  points: number | null;
  max: number;
  /** The association option whose points count (the best, not the sum). */
  bestOption: AssociationId | null;
  /** One entry per association option of the track (enterprise: CPOR, DPOR; smb: CPOR, CSP). */
  options: Partial<Record<AssociationId, OptionScore>>;
}

export interface OptionScore {
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
  /** Per association option of the track. */
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
  /** Best MAU/PAU ratio of an eligible workload; 0.4 = 40%. */
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
    reason: string;
  }>;
}

export interface Recommendation {
  track: TrackId;
  metric: MetricId;
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

export interface HistoryMonth {
  month: Month;
  /** False shows as "Data unavailable": the month or its baseline is missing. */
  available: boolean;
  reason: string | null;
  bestTrack: TrackId | null;
  total: number | null;
  status: Status | null;
  /** The best track's five metrics' points. */
  metrics: Record<MetricId, number | null> | null;
  /** Every track's total and status; empty when the month is unavailable. */
  tracks: Partial<Record<TrackId, { total: number; status: Status }>>;
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
  kind: 'usage' | 'skilling' | 'unknown';
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
  | 'associationAfterBaseline';

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
  | 'raggedRow'
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
  | 'badValue';

export interface RowError {
  kind: ErrorKind;
  file: string;
  line: number | null;
  column: string | null;
  value: string | null;
  message: string;
}

export interface Plan {
  customers?: Array<{
    /** Optional; null in the plan a simulation echoes back. */
    name?: string | null;
    /** How many customers like this one. */
    count?: number;
    /** CSP, CPOR, DPOR or any spelling of them. */
    association: string;
    /** Each workload gets the MAU and PAU below. */
    workloads: string[];
    mau: number;
    pau: number;
    /** Already a customer a year ago with the same paid seats. */
    existingCustomer?: boolean;
    /** Already deployed a year ago with the same MAU. */
    existingDeployment?: boolean;
  }>;
  people?: Array<{ name: string; certification: string }>;
  /** Tenant ids to take out of the data. */
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
  /** Parts of the plan that could not be applied, and why. */
  problems: string[];
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
  deploymentRatioPercent: number;
  categories?: Array<{ id: string; label: string; metrics: MetricId[] }>;
  tracks: Array<{
    id: TrackId;
    label: string;
    band: { over: number; upTo?: number };
    customerAssociations: AssociationId[];
    nearBandSeats?: number;
    /** Tenants grown into `fromTrack`'s band stay eligible here when they were in this band `months` earlier. */
    carryOver?: { fromTrack: TrackId; months: number };
    metrics: {
      netCustomerAdds: { max: number; threshold: number };
      /** `list`: the key in `certificationLists` people count from. */
      intermediateCertifications: { max: number; threshold: number; list?: string };
      advancedCertifications: { max: number; threshold: number; list?: string };
      usageGrowth: { max: number; options: Array<{ association: AssociationId; threshold: number }> };
      deployments: { max: number; options: Array<{ association: AssociationId; threshold: number }> };
    };
  }>;
  associations: Array<{ id: AssociationId; label?: string; spellings: string[] }>;
  /** Association types that count on no track, reported under one name. */
  otherAssociations?: Array<{ id: string; label?: string; spellings: string[] }>;
  /** `metrics`: the customer metrics whose workload list names it (all when absent). */
  workloads: Array<{ id: string; spellings: string[]; confirmed?: boolean; metrics?: MetricId[] }>;
  certifications: Array<{
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
}
