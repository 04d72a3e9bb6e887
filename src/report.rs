//! The report every entry point returns (`spec/report.md`): plain data,
//! serialised with camelCase keys. Change it only by adding fields, or by
//! bumping [`SCHEMA_VERSION`].

use crate::kinds::Metric;
use crate::layout::FileKind;
use crate::month::{Date, Month};
use crate::points::Points;
use crate::to_json::{json_names, json_object, Object, ToJson};

pub use crate::keyed::Keyed;
pub use crate::kinds::Recommendation;

/// 3: every area in one shape (Modern Work's too, no longer at the top
/// level); what is listed one by one (tenants, people, pairs...) is asked
/// for by list (`Workbook::rows`), or inline with `DetailLevel::Full`.
/// (2: a tenant's options list only the association types it has rows
/// under; ratios are rounded to four decimals.)
pub const SCHEMA_VERSION: u32 = 3;

/// How much of the report `ScoreOptions` asks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DetailLevel {
    /// Every list inline (`Workbook::write_report`): each area's tenants,
    /// services, pairs, tenant actions; the people.
    Full,
    /// Scores, statuses, recommendations, hints, files, warnings, errors and
    /// how many rows each list holds; the lists are asked for
    /// (`Workbook::rows`).
    #[default]
    Summary,
}

impl DetailLevel {
    pub fn is_full(self) -> bool {
        self == DetailLevel::Full
    }
}

/// A ratio (0.4 = 40 %) to four decimals (0.01 %): finer than any threshold
/// the rules compare it with, and 6 bytes rather than 18 in the JSON.
pub(crate) fn round_ratio(ratio: f64) -> f64 {
    (ratio * 10_000.0).round() / 10_000.0
}

/// One row of a list (`Workbook::rows`), written as the row itself.
#[derive(Clone, Debug)]
pub enum Row {
    /// Modern Work's usage tenants (`tenants`).
    Tenant(Box<TenantReport>),
    TenantAction(Box<TenantAction>),
    /// Security's tenants, in either part (`tenants`).
    SecurityTenant(Box<SecurityTenant>),
    /// The Azure areas' tenants (`tenants`) and services (`services`).
    AzureTenant(Box<AzureTenant>),
    Service(Box<AzureService>),
    /// Business Applications' pairs (`revenue`, `consumption`) and the rows
    /// it set aside (`setAside`).
    Revenue(Box<RevenuePair>),
    Consumption(Box<ConsumptionPair>),
    SetAside(Box<SetAside>),
    /// A person and their certifications, across areas (`people`).
    Person(Box<PersonReport>),
}

/// How much a row moves a track, for the `contribution` sort: a customer
/// added or lost first, then deployments, then growth (each as its size).
pub(crate) fn weigh(
    net: i32,
    deployments: impl Iterator<Item = i32>,
    growth: impl Iterator<Item = Option<f64>>,
) -> f64 {
    let deployments: i32 = deployments.map(i32::abs).sum();
    let growth: f64 = growth.map(|g| g.unwrap_or(0.0).abs()).sum();
    f64::from(net.abs()) * 1e9 + f64::from(deployments.abs()) * 1e6 + growth.abs()
}

/// What a data model hands each row of a list to: a function that builds
/// the row, called only for a row that is looked at.
pub type EachRow<'a> = dyn FnMut(&dyn Fn() -> Row) + 'a;

#[derive(Clone, Debug)]
pub struct Report {
    pub schema_version: u32,
    /// What wrote the report: `spd-score` and its version.
    pub generator: Generator,
    /// Every designation, Modern Work like the others, by ruleset id in
    /// Partner Center's order (designations.md section 8).
    pub areas: Keyed<AreaReport>,
    /// Partner Center's Solutions Partner overview: one row per area.
    pub overview: Vec<OverviewRow>,
    /// The Solutions Partner for Microsoft Cloud badge (all six qualified).
    pub microsoft_cloud: MicrosoftCloud,
    /// The 2026 badge groups (designations.md section 13), in the
    /// catalogue's order.
    pub badges: Vec<Badge>,
    /// The single action that gains the most points across all areas.
    pub best_action: Option<Recommendation>,
    /// The lists that span areas (`people`), with how many rows each holds:
    /// asked for one page at a time (`Workbook::rows`).
    pub lists: Keyed<usize>,
    /// The Decisions that span areas (each area's are its own).
    pub assumptions: Vec<Assumption>,
    pub ignored: Ignored,
    pub files: Vec<FileReport>,
    pub warnings: Vec<Warning>,
    pub errors: Vec<RowError>,
}

/// What wrote a report.
#[derive(Clone, Debug)]
pub struct Generator {
    pub name: &'static str,
    pub version: &'static str,
}

impl Generator {
    pub const THIS: Generator = Generator { name: "spd-score", version: env!("CARGO_PKG_VERSION") };
}

#[derive(Clone, Debug)]
pub struct RulesetRef {
    pub id: String,
    pub version: String,
    /// When Microsoft's text the ruleset follows was published (`YYYY-MM`).
    pub published: Option<String>,
    pub name: String,
}

/// A track's or an area's status (designations.md section 2), ordered from
/// worst to best.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Nothing feeds the area: no score, never 0.
    NotScored,
    NotStarted,
    InProgress,
    /// Some metric unknown: the total is "at least".
    Incomplete,
    Partial,
    Qualified,
}

#[derive(Clone, Debug)]
pub struct TrackReport {
    pub label: String,
    /// Exact total of the metrics that could be computed.
    pub total: Points,
    pub status: Status,
    /// False when a metric is unknown (its baseline month is missing).
    pub complete: bool,
    /// By metric id, in the ruleset's order.
    pub metrics: Keyed<Metric>,
}

impl TrackReport {
    pub fn metric(&self, id: &str) -> Option<&Metric> {
        self.metrics.get(id)
    }
}

#[derive(Clone, Debug)]
pub struct TenantReport {
    pub id: String,
    pub name: Option<String>,
    /// Association types the tenant has rows under (Modern Work ones).
    pub associations: Vec<String>,
    /// True when the tenant changes any metric on any track.
    pub contributes: bool,
    pub tracks: Keyed<TenantTrack>,
}

#[derive(Clone, Debug)]
pub struct TenantTrack {
    /// In the track's band on a net-customer-adds workload.
    pub eligible: Both<bool>,
    /// In the track's band on a usage-growth and deployments workload: its
    /// usage counts for those two metrics.
    pub serves: Both<bool>,
    /// Eligible only through the track's carry-over (a tenant grown out of
    /// the SMB band that was in it a year before).
    pub carried_over: Both<bool>,
    /// Largest paid units of an eligible workload under the track's
    /// customer associations, which decides the size band.
    pub max_pau: Both<f64>,
    /// +1, 0 or -1 to net customer adds.
    pub net_add: i32,
    /// True when the tenant changes a metric of this track.
    pub contributes: bool,
    pub options: Keyed<TenantOption>,
}

#[derive(Clone, Debug)]
pub struct TenantOption {
    pub as_of: TenantMonth,
    pub baseline: TenantMonth,
    /// What the tenant adds to usage growth; `None` when it is left out
    /// (associated after the baseline with no data for that month).
    pub growth: Option<f64>,
    /// +1, 0 or -1 to net deployments.
    pub deployment: i32,
}

#[derive(Clone, Debug, Default)]
pub struct TenantMonth {
    /// MAU over eligible workloads under this association type.
    pub mau: f64,
    pub deployed: bool,
    /// Best MAU/PAU ratio of an eligible workload, 0.4 = 40%.
    pub best_ratio: Option<f64>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Both<T> {
    pub as_of: T,
    pub baseline: T,
}

#[derive(Clone, Debug)]
pub struct PersonReport {
    pub id: String,
    pub name: Option<String>,
    pub email: Option<String>,
    pub intermediate: bool,
    pub advanced: bool,
    /// The ruleset's certification lists the person counts in.
    pub lists: Vec<String>,
    pub certifications: Vec<PersonCertification>,
}

#[derive(Clone, Debug)]
pub struct PersonCertification {
    /// As written in the file.
    pub name: String,
    /// The ruleset's name for it, when it is on the list.
    pub matched: Option<String>,
    /// The ruleset's certification lists that name it.
    pub lists: Vec<String>,
    pub status: CertificationStatus,
    pub earned: Option<Date>,
    pub expires: Option<Date>,
    /// The last day a retiring certification counts.
    pub eligible_through: Option<Date>,
    /// `status` and `reason` are Modern Work's; here, every area whose
    /// lists name the certification (or named it).
    pub areas: Vec<CertificationInArea>,
    pub reason: String,
}

/// A certification in one area: counted or not, why, and where it counts.
#[derive(Clone, Debug)]
pub struct CertificationInArea {
    pub area: String,
    pub status: CertificationStatus,
    pub reason: String,
    /// Metric paths it counts in (`intermediateCertifications.step1`).
    pub counts_in: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CertificationStatus {
    Counted,
    /// Expired before the as-of month.
    Expired,
    /// Retired, and the as-of month is after its eligible-through date.
    PastEligibleThrough,
    /// Earned after the as-of month.
    NotYetEarned,
    /// An exam or course row, not the certification.
    NotACertification,
    /// Marked expired, inactive or revoked in the export.
    Inactive,
    /// On an earlier list, no longer on Microsoft's.
    Dropped,
    NotOnList,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActionKind {
    /// Activate users on a workload to pass the deployment ratio.
    ActivateUsers,
    /// Remove unused paid seats to pass the deployment ratio.
    RemoveSeats,
    /// Add paid seats to enter a size band.
    AddSeats,
    /// Counted a year ago, not now: pulls net customer adds down.
    LostCustomer,
}

#[derive(Clone, Debug)]
pub struct TenantAction {
    pub tenant: String,
    pub track: String,
    pub option: Option<String>,
    pub kind: ActionKind,
    pub workload: Option<String>,
    /// Users to activate or seats to add or remove.
    pub needed: u64,
    pub message: String,
}

#[derive(Clone, Debug)]
pub struct QualificationWindow {
    pub enrolled: bool,
    pub today: Date,
    /// The renewal date the window leads to (enrolled partners).
    pub anniversary: Option<Date>,
    pub start: Date,
    pub end: Date,
    /// Months of the window with the data's verdict on each.
    pub months: Vec<WindowMonth>,
    /// May enrol (not enrolled) or renew (enrolled) on what the data shows.
    pub eligible: bool,
    pub message: String,
}

#[derive(Clone, Debug)]
pub struct WindowMonth {
    pub month: Month,
    pub available: bool,
    pub status: Option<Status>,
}

#[derive(Clone, Debug)]
pub struct Assumption {
    pub id: String,
    pub text: String,
}

#[derive(Clone, Debug, Default)]
pub struct Ignored {
    /// Rows per association type that counts on no track (PAL, …).
    pub associations: Keyed<u64>,
    /// Rows per workload that is not eligible for Modern Work.
    pub workloads: Keyed<u64>,
}

#[derive(Clone, Debug)]
pub struct FileReport {
    pub name: String,
    pub kind: FileKind,
    pub encoding: Option<String>,
    pub delimiter: Option<String>,
    /// Data rows read (not counting the header).
    pub rows: u64,
    pub skipped_rows: u64,
    pub duplicate_rows: u64,
    /// Rows dropped as another location's repeat of the same partner
    /// global account (`IsDuplicateRowForPGA` = 1).
    pub pga_duplicate_rows: u64,
    pub months: Vec<Month>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// What the warning is about, for programs; `message` says it to people.
    pub kind: WarningKind,
    pub file: Option<String>,
    pub message: String,
}

/// Every kind of [`Warning`]. A closed set: a new kind is a report change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WarningKind {
    /// Lines above the header (a title) were skipped.
    Preamble,
    /// Text that is not valid UTF-8 was read as Windows-1252.
    Windows1252,
    /// Lines repeating the header (exports pasted together) were skipped.
    RepeatedHeader,
    /// Rows repeating rows already loaded were counted once.
    DuplicateRows,
    /// More row errors than are listed.
    MoreErrors,
    /// A header and no data rows.
    NoDataRows,
    /// The month asked for has no usage data; the latest was scored.
    AsOfMissing,
    /// No usage export: the customer metrics cannot be computed.
    NoUsage,
    /// The baseline month is not in the usage data.
    MissingBaseline,
    /// No skilling list: certification metrics count no one.
    NoSkilling,
    /// Rows flagged `IsDuplicateRowForPGA` repeat another location's and were dropped.
    PgaDuplicates,
    /// A classified area's track could not be computed: the fallback decides.
    TrackByDefault,
    /// A workload an area counts with a caution from its ruleset (Defender
    /// for Endpoint rows that name no plan).
    WorkloadNote,
    /// A tenant associated after the baseline month, with no usage for the
    /// month it was associated in, is left out of usage growth.
    AssociationAfterBaseline,
    /// A month an area's metrics compare is not in its data: they are unknown.
    MissingMonth,
    /// CPOR without its sub-type: counted for both net customer adds and usage.
    BareCpor,
    /// A business applications download without subscriptions: rows of one
    /// tenant, workload and month compared as one subscription.
    NoSubscription,
    /// Months already loaded from an earlier file of the same kind were skipped.
    OverlappingMonths,
    /// An Azure usage file without ServiceLevel2: another column was read as it.
    ServiceNameAlias,
    /// An Azure usage file without an offer column: offers not checked.
    OffersNotChecked,
    /// Azure China and sovereign clouds cannot be told apart in exports.
    UnsupportedClouds,
    /// Customers without a segment were left out of the SMB share.
    UnsegmentedCustomers,
    /// EMS usage rows of free licences (`FreeVsPaidSKU`) were ignored.
    FreeSkuRows,
    /// Columns of a file that cannot be read (an EMS usage workload with
    /// one column of its pair, a prefix no workload has).
    UnreadColumns,
    /// A usage file and an EMS usage file gave the same tenant, association
    /// type, workload and month: the usage file's figures count.
    UsageOverEms,
    /// An Azure usage file whose only ACR column is the subscription's
    /// (`MonthlySubscriptionLevelACR`): ACR per service may be the subscription's.
    SubscriptionLevelAcr,
    /// An Azure usage file with neither the attach-type duplicate flag nor
    /// a partner location column: repeats across locations cannot be told apart.
    LocationsUnknown,
    /// A TrainingCompletions file without expiry or activation columns (the
    /// API's): its certifications were taken as active.
    ExpiryUnknown,
    /// Business applications rows whose association type is a claim-type
    /// name (`Influenced Revenue Recognition`), read as its CPOR sub-type.
    ClaimTypeName,
    /// An EMS usage file's active-user columns without paid units
    /// (`AATPActiveUsage`, `MCASActiveUsage`): not read.
    EmsWorkloadWithoutSeats,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// What went wrong, for programs; `message` says it to people.
    pub kind: ErrorKind,
    pub file: String,
    pub line: Option<u64>,
    pub column: Option<String>,
    pub value: Option<String>,
    pub message: String,
}

/// One designation scored: what the overview and the area's page show.
/// The same shape for every area.
#[derive(Clone, Debug)]
pub struct AreaReport {
    /// The short name (`Data & AI`).
    pub label: String,
    pub ruleset: RulesetRef,
    pub as_of: Option<Month>,
    pub baseline: Option<Month>,
    /// Every month the area's data covers, oldest first.
    pub months: Vec<Month>,
    pub status: Status,
    /// The deciding track's total; `None` when not scored.
    pub total: Option<Points>,
    /// True when the total is a lower bound (Incomplete).
    pub at_least: bool,
    /// The track that decides.
    pub track: Option<String>,
    /// How that track was chosen: `best`, `classified`, `user`, `default`.
    pub track_choice: Option<String>,
    pub classification: Option<Classification>,
    /// What feeds the area: `files`, `manual`, `both` or `none`.
    pub source: String,
    /// The 25-point incentive line (designations.md section 12); `None` for
    /// an area without one.
    pub incentive_line: Option<IncentiveLine>,
    /// Both tracks, each in full; empty when not scored.
    pub tracks: Keyed<TrackReport>,
    pub recommendations: Vec<Recommendation>,
    /// What would score the metrics that are unknown (or the whole area).
    pub missing: Option<String>,
    pub assumptions: Vec<Assumption>,
    /// What the area's score relies on that the user should know (a track
    /// chosen by default, a typed value that differs from the files).
    pub warnings: Vec<Warning>,
    /// The area's data model explained (counts, hints, what is within
    /// reach), when it has one; never a list.
    pub detail: Option<AreaDetail>,
    /// The lists `Workbook::rows` answers for this area, with how many rows
    /// each holds (`tenants`, `tenantActions`, `services`, ...).
    pub lists: Keyed<usize>,
    /// With the `history` option: the area's score month by month, from the
    /// first month of any loaded export to the last.
    pub history: Option<Vec<AreaMonth>>,
    /// With today's date: the area's qualification window.
    pub window: Option<QualificationWindow>,
}

/// One month of an area's history: the area scored as if that month were
/// the as-of month, from the files alone.
#[derive(Clone, Debug)]
pub struct AreaMonth {
    pub month: Month,
    /// False when the month has no verdict: no export covers it for this
    /// area, or a metric is unknown (its baseline month is missing).
    pub available: bool,
    pub status: Status,
    /// The deciding track's total (a lower bound when not available).
    pub total: Option<Points>,
    pub track: Option<String>,
}

/// A data model's explanation of an area's figures; one variant per model.
#[derive(Clone, Debug)]
pub enum AreaDetail {
    Usage(UsageDetail),
    BusinessApplications(Box<BusinessApplicationsDetail>),
    Azure(Box<AzureDetail>),
    Security(Box<SecurityDetail>),
}

/// The Microsoft 365 usage model's counts (modern-work.md): its tenants are
/// listed on demand (`tenants`, `tenantActions`).
#[derive(Clone, Debug)]
pub struct UsageDetail {
    /// `usage`.
    pub model: &'static str,
    /// Tenants in the usage data.
    pub tenant_count: usize,
    /// Those that change a metric on some track.
    pub contributing_tenants: usize,
}

/// Security explained (security.md): tenant by tenant, each part's bands on
/// each track in the as-of month and its baseline, its part in each metric,
/// and what is within reach. Amounts in USD.
#[derive(Clone, Debug)]
pub struct SecurityDetail {
    /// `security`.
    pub model: &'static str,
    pub as_of: Month,
    pub baseline: Option<Month>,
    /// The Azure part; null without an Azure usage export.
    pub azure: Option<SecurityAzureDetail>,
    /// The Microsoft 365 part; null without usage data for both months.
    pub m365: Option<SecurityM365Detail>,
    /// Tenants with security consumption or seats in either month, in
    /// either part (list `tenants`).
    pub tenant_count: usize,
    /// What would add points, nearest first.
    pub hints: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct SecurityAzureDetail {
    /// The months the Azure usage data covers; a month outside them is missing.
    pub first_month: Option<Month>,
    pub last_month: Option<Month>,
    /// False when a month the trailing twelve months need is missing: the
    /// part is unknown and its tenants are not listed.
    pub known: bool,
    /// Per track: security ACR of the tenants in the usage-growth band
    /// (trailing twelve months); null when unknown.
    pub sec_acr: Keyed<Option<Both<f64>>>,
    /// Security ACR of the same consumption under a second association
    /// type, not counted twice.
    pub set_aside: f64,
}

#[derive(Clone, Debug)]
pub struct SecurityM365Detail {
    /// Per track: protected users of the tenants in band.
    pub protected_users: Keyed<Both<f64>>,
    /// A workload with at least this share of its paid units active
    /// deploys a tenant in band (0.15 = 15 %).
    pub deployment_ratio: f64,
}

/// One tenant in either part, matched by tenant id across the exports.
#[derive(Clone, Debug)]
pub struct SecurityTenant {
    pub id: String,
    pub name: Option<String>,
    /// True when it changes a metric of either part on either track.
    pub contributes: bool,
    pub azure: Option<SecurityAzureTenant>,
    pub m365: Option<SecurityM365Tenant>,
}

#[derive(Clone, Debug)]
pub struct SecurityAzureTenant {
    /// Security ACR over the trailing twelve months ending in each month.
    pub ttm: Both<f64>,
    pub tracks: Keyed<SecurityAzureTrack>,
}

#[derive(Clone, Debug)]
pub struct SecurityAzureTrack {
    /// In the band of each use, in each month (the carry-over included).
    pub customer: Both<bool>,
    pub deployment: Both<bool>,
    pub usage: Both<bool>,
    /// In some band only through the SMB carry-over.
    pub carried_over: Both<bool>,
    /// +1, 0 or -1 to net customer adds and to net deployments.
    pub net_add: i32,
    pub net_deployment: i32,
    /// What it adds to the security ACR growth, in USD.
    pub growth: f64,
}

#[derive(Clone, Debug)]
pub struct SecurityM365Tenant {
    pub tracks: Keyed<SecurityM365Track>,
}

#[derive(Clone, Debug)]
pub struct SecurityM365Track {
    /// In the track's seat band (the carry-over included).
    pub eligible: Both<bool>,
    /// In band only through the SMB carry-over.
    pub carried_over: Both<bool>,
    /// Largest paid units of a security workload under the part's association types.
    pub max_pau: Both<f64>,
    /// Active paid licences counted (0 out of band).
    pub protected_users: Both<f64>,
    /// In band with a workload at or above the deployment ratio.
    pub deployed: Both<bool>,
    /// Best workload's MAU / PAU (0.4 = 40 %); null without paid units.
    pub best_active: Both<Option<f64>>,
    /// +1, 0 or -1 to net customer adds and to net deployments.
    pub net_add: i32,
    pub net_deployment: i32,
    /// What it adds to protected-user growth.
    pub growth: f64,
}

/// Business Applications explained (business-applications.md): every
/// (tenant, workload) pair of the revenue and usage downloads in the as-of
/// month and its baseline, what decides the classification, the pairs
/// within reach of a deployment, and the rows set aside.
#[derive(Clone, Debug)]
pub struct BusinessApplicationsDetail {
    /// `businessApplications`: which model explains.
    pub model: &'static str,
    pub as_of: Option<Month>,
    pub baseline: Option<Month>,
    /// Monthly consumption value over every pair; null without usage data for the month.
    pub mcv: Both<Option<f64>>,
    /// `None` without revenue data for every month the classification needs.
    pub classification: Option<ClassificationDetail>,
    /// Pairs within reach of a deployment, per track: what they miss.
    pub within_reach: Vec<DeploymentGap>,
}

/// One tenant's workload.
#[derive(Clone, Debug, PartialEq)]
pub struct PairName {
    pub tenant: String,
    pub tenant_name: Option<String>,
    pub workload: String,
}

#[derive(Clone, Debug)]
pub struct RevenuePair {
    pub pair: PairName,
    /// USD in the month; null when the revenue data has no rows for it.
    pub as_of: Option<f64>,
    pub baseline: Option<f64>,
    /// Per track: counted as an add in each month, and the pair's net.
    pub adds: Keyed<PairCount>,
    /// Above the classification's revenue in every month it looks at.
    pub classifies: bool,
}

/// A pair counted (or not) in the as-of month and its baseline on a track.
#[derive(Clone, Copy, Debug)]
pub struct PairCount {
    pub as_of: bool,
    pub baseline: bool,
    /// +1, 0 or -1.
    pub net: i32,
}

#[derive(Clone, Debug)]
pub struct ConsumptionPair {
    pub pair: PairName,
    /// Consumption value per unit of usage, and the unit (`MAU`, `profiles`).
    pub rate: f64,
    pub unit: String,
    /// Null when the usage data has no rows for the month.
    pub as_of: Option<PairUsage>,
    pub baseline: Option<PairUsage>,
    /// Per track: a deployment in each month, and the pair's net.
    pub deployments: Keyed<PairCount>,
}

#[derive(Clone, Debug)]
pub struct PairUsage {
    /// Users (or profiles), summed over subscriptions.
    pub usage: f64,
    /// The numbers that counted (`PAMAU`, `MAC`, `MAU`).
    pub columns: Vec<&'static str>,
    /// Usage x rate.
    pub mcv: f64,
}

#[derive(Clone, Debug)]
pub struct ClassificationDetail {
    pub track: String,
    /// Pairs above `revenueAbove` USD in every one of `months`.
    pub pairs: u32,
    /// Pairs that make `track` (the classification's own track).
    pub pairs_needed: u32,
    pub revenue_above: f64,
    pub months: Vec<Month>,
    /// The pairs that count.
    pub deciding: Vec<PairName>,
}

/// A pair below a track's deployment threshold in the as-of month.
#[derive(Clone, Debug)]
pub struct DeploymentGap {
    pub pair: PairName,
    pub track: String,
    /// Consumption value missing, rounded up.
    pub mcv_missing: u64,
    /// Users (or profiles) at the pair's rate that bring it, rounded up.
    pub usage_missing: u64,
    pub unit: String,
    pub message: String,
}

/// Rows of a business applications download that do not count, by reason
/// and name (a workload, an association type).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAside {
    /// `revenue` or `usage`.
    pub dataset: &'static str,
    pub reason: SetAsideReason,
    pub name: String,
    pub rows: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum SetAsideReason {
    /// The same tenant, subscription, workload and month under another
    /// type (or again): the larger value counted, not the sum.
    SmallerDuplicate,
    /// A trial subscription (`MetricType`): only paid ones count.
    Trial,
    /// A usage workload not on the rate card.
    NotOnRateCard,
    /// A revenue workload not on the net customer adds list.
    NotNcaWorkload,
    /// On an earlier net customer adds list, no longer (Marketing).
    DroppedWorkload,
    /// An association type the ruleset does not know.
    UnknownAssociation,
    /// A known association type that does not count for this metric
    /// (PAL for revenue, CSP for Power Platform usage).
    AssociationNotCounted,
}

/// The Azure areas' figures explained (azure.md): tenant by tenant, service
/// by service, and what did not count. Amounts in USD.
#[derive(Clone, Debug)]
pub struct AzureDetail {
    /// `azure`.
    pub model: &'static str,
    /// The export the figures come from: `azureUsage`, else `customersTenants`.
    pub source: FileKind,
    /// The months the data covers; a month outside them is missing.
    pub first_month: Option<Month>,
    pub last_month: Option<Month>,
    pub as_of: Month,
    pub baseline: Option<Month>,
    pub classification: AzureClassification,
    /// Trailing-twelve-month ACR of the whole customer base.
    pub ttm: AzureTtm,
    /// Tenants with ACR in the months net customer adds look at (list
    /// `tenants`; the distinct services are list `services`).
    pub tenant_count: usize,
    /// ACR of the same consumption under a second association type, not
    /// counted twice (azure.md section 8).
    pub set_aside: f64,
    /// Rows dropped by a duplicate flag (`IsACRDuplicateAtPGAAttachTypeLevel`).
    pub flagged: AzureRows,
    /// Rows of a download without that flag that repeat a consumption
    /// another partner location reports: only the largest location's counts.
    pub location_repeats: AzureRows,
    /// Rows that do not count, per association type and per offer.
    pub ignored: AzureIgnored,
    /// False when an Azure usage file had no offer column.
    pub offers_checked: bool,
    /// Tenants within reach of a customer threshold, nearest first.
    pub hints: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct AzureClassification {
    /// Tenants with eligible ACR in the as-of month.
    pub customers: u64,
    pub with_segment: u64,
    pub smb: u64,
    /// `smb / withSegment`; null without segments.
    pub share: Option<f64>,
    /// The track the share gives; null when it cannot be computed.
    pub track: Option<String>,
}

#[derive(Clone, Debug)]
pub struct AzureTtm {
    /// Null when a month it needs is missing.
    pub as_of: Option<f64>,
    pub baseline: Option<f64>,
    /// Percent; null when unknown.
    pub growth: Option<f64>,
}

#[derive(Clone, Debug)]
pub struct AzureTenant {
    pub id: String,
    pub name: Option<String>,
    /// `CustomerSegment` in the as-of month.
    pub segment: Option<String>,
    /// Counted as SMB in the classification; null without a segment.
    pub smb: Option<bool>,
    /// Eligible ACR in the as-of month (a customer for the classification).
    pub customer: bool,
    pub acr: AzureTenantAcr,
    /// Per track: eligible in the as-of and baseline months, its net add,
    /// and what would make it a customer.
    pub tracks: Keyed<AzureTenantTrack>,
}

/// Eligible ACR of the months net customer adds look at; null when missing.
#[derive(Clone, Debug)]
pub struct AzureTenantAcr {
    pub as_of: Option<f64>,
    pub previous: Option<f64>,
    pub baseline: Option<f64>,
    pub baseline_previous: Option<f64>,
}

#[derive(Clone, Debug)]
pub struct AzureTenantTrack {
    pub eligible: Both<bool>,
    /// +1, 0 or -1.
    pub net_add: i32,
    pub hint: Option<String>,
}

#[derive(Clone, Debug)]
pub struct AzureService {
    /// Service Level 2.
    pub name: String,
    /// ACR over the deployment months, across all tenants.
    pub acr: f64,
    pub deployment: bool,
    /// Why not: `excluded` (Virtual Machines) or `noPositiveAcr`.
    pub reason: Option<&'static str>,
}

#[derive(Clone, Copy, Debug, Default)]
pub struct AzureRows {
    pub rows: u64,
    /// USD.
    pub acr: f64,
}

#[derive(Clone, Debug, Default)]
pub struct AzureIgnored {
    pub associations: Keyed<AzureRows>,
    pub offers: Keyed<AzureRows>,
}

/// How a classified area's track was found.
#[derive(Clone, Debug)]
pub struct Classification {
    pub track: String,
    /// `smbCustomerShare`, `workloadRevenue`, `typed`.
    pub basis: String,
    pub value: Option<f64>,
}

/// A row of the Solutions Partner overview (designations.md section 6).
#[derive(Clone, Debug)]
pub struct OverviewRow {
    pub area: String,
    pub label: String,
    /// The total on the area's track; `None` when not scored.
    pub score: Option<Points>,
    /// True when the score is a lower bound (Incomplete).
    pub at_least: bool,
    pub status: Status,
    pub track: Option<String>,
    /// "SMB (best of both)", "Enterprise (classified: 62% SMB customers)".
    pub track_label: String,
    /// The other track's id and total.
    pub other_track: Option<String>,
    pub other_total: Option<Points>,
    pub as_of: Option<Month>,
    pub source: String,
    /// The input that would score an unknown metric, else the top recommendation.
    pub next: Option<String>,
    /// The badge group the area belongs to (`cloud-ai-platforms`), if any.
    pub badge: Option<String>,
    /// The area's incentive line.
    pub incentive_line: Option<IncentiveLine>,
}

/// An area's incentive line (designations.md section 12): `met` is `None`
/// when a lower bound below the line (or no score) cannot tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IncentiveLine {
    pub points: Points,
    pub met: Option<bool>,
}

/// A badge group (designations.md section 13): display only, attained when
/// any of its areas is Qualified.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Badge {
    pub id: String,
    /// `Solutions Partner for Cloud & AI Platforms`.
    pub label: String,
    /// Its areas scored here, in the catalogue's order.
    pub areas: Vec<String>,
    /// Those of them Qualified.
    pub qualified: Vec<String>,
    pub attained: bool,
}

/// Solutions Partner for Microsoft Cloud: all six areas qualified.
#[derive(Clone, Debug)]
pub struct MicrosoftCloud {
    /// `qualified`, `cannot_tell` or `not_qualified`.
    pub status: String,
    pub qualified: Vec<String>,
    /// Areas Incomplete or Not scored.
    pub unknown: Vec<String>,
    pub message: String,
}

/// Every kind of [`RowError`]. A closed set: a new kind is a report change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// Not a CSV file (a workbook, an image, another binary file).
    NotCsv,
    /// No bytes, or only blank lines (or a byte-order mark, a `sep=`
    /// line, delimiters).
    EmptyFile,
    /// The header matches no known layout.
    UnknownHeader,
    /// A row with fewer fields than the header.
    ShortRow,
    /// A row with more fields than the header, the extra ones not empty
    /// (or more fields than a row is read with).
    LongRow,
    /// A field longer than 64 KiB (the rest of its line is skipped).
    LongField,
    /// A header of more than 1,000 columns: the file is refused.
    TooManyColumns,
    /// A quote that is never closed: the lines after it were read as one
    /// field (to the end of the file, or to the next quote).
    UnclosedQuote,
    /// A NUL byte in a row (a damaged file).
    NulByte,
    /// A required value is empty (tenant, association, workload, month, a
    /// count, a certification, a person).
    EmptyValue,
    /// Not a number, a negative number, or one too large.
    BadNumber,
    BadMonth,
    BadDate,
    /// A month after today (when today is given).
    FutureMonth,
    /// The same tenant, association, workload and month already loaded
    /// with other figures.
    ConflictingDuplicate,
    /// A typed value names no area of the rulesets.
    UnknownArea,
    /// A typed value names a track the area does not have.
    UnknownTrack,
    /// A typed value names a metric (or step, part, option) the area lacks.
    UnknownMetric,
    /// A typed value is not a number (or, for `track`, not a track).
    BadValue,
    /// A Partner Center download recognised but not scored (a Dynamics 365
    /// license usage or MS Learn download): the message names the one to use.
    UnscoredDownload,
    /// No ruleset was given: there is no area to score.
    NoRulesets,
}

/// Compact JSON text as it is, or indented as `serde_json::to_string_pretty`.
pub fn indented(compact: &[u8], pretty: bool) -> std::borrow::Cow<'_, [u8]> {
    if !pretty {
        return compact.into();
    }
    let mut out = Vec::with_capacity(compact.len() * 2);
    crate::to_json::Indent::default().write(compact, &mut out);
    out.into()
}

/// The output buffer of a report written in pieces (`rows::write_report`),
/// indenting on the way when pretty.
pub(crate) struct Pieces {
    buffer: Vec<u8>,
    piece: usize,
    indent: Option<crate::to_json::Indent>,
}

impl Pieces {
    pub(crate) fn new(pretty: bool, piece: usize) -> Pieces {
        Pieces { buffer: Vec::with_capacity(piece + 4096), piece, indent: pretty.then(crate::to_json::Indent::default) }
    }

    pub(crate) fn push<E>(&mut self, text: &[u8], emit: &mut dyn FnMut(&[u8]) -> Result<(), E>) -> Result<(), E> {
        match &mut self.indent {
            Some(indent) => indent.write(text, &mut self.buffer),
            None => self.buffer.extend_from_slice(text),
        }
        if self.buffer.len() >= self.piece {
            self.flush(emit)?;
        }
        Ok(())
    }

    pub(crate) fn flush<E>(&mut self, emit: &mut dyn FnMut(&[u8]) -> Result<(), E>) -> Result<(), E> {
        if !self.buffer.is_empty() {
            emit(&self.buffer)?;
            self.buffer.clear();
        }
        Ok(())
    }
}

// How the report is written (`crate::to_json`): each type's members in
// order, under the names of spec/report.md.
json_object! {
    TenantMonth => |t| { "mau": t.mau, "deployed": t.deployed, "bestRatio": t.best_ratio.map(round_ratio) }
    SecurityM365Track => |t| {
        "eligible": t.eligible, "carriedOver": t.carried_over, "maxPau": t.max_pau, "protectedUsers": t.protected_users,
        "deployed": t.deployed,
        "bestActive": Both { as_of: t.best_active.as_of.map(round_ratio), baseline: t.best_active.baseline.map(round_ratio) },
        "netAdd": t.net_add, "netDeployment": t.net_deployment, "growth": t.growth
    }
    Report => |t| { "schemaVersion": t.schema_version, "generator": t.generator, "areas": t.areas, "overview": t.overview, "microsoftCloud": t.microsoft_cloud, "badges": t.badges, "bestAction": t.best_action, "lists": t.lists, "assumptions": t.assumptions, "ignored": t.ignored, "files": t.files, "warnings": t.warnings, "errors": t.errors }
    Generator => |t| { "name": t.name, "version": t.version }
    RulesetRef => |t| { "id": t.id, "version": t.version, "published": t.published, "name": t.name }
    TrackReport => |t| { "label": t.label, "total": t.total, "status": t.status, "complete": t.complete, "metrics": t.metrics }
    TenantReport => |t| { "id": t.id, "name": t.name, "associations": t.associations, "contributes": t.contributes, "tracks": t.tracks }
    TenantTrack => |t| { "eligible": t.eligible, "serves": t.serves, "carriedOver": t.carried_over, "maxPau": t.max_pau, "netAdd": t.net_add, "contributes": t.contributes, "options": t.options }
    TenantOption => |t| { "asOf": t.as_of, "baseline": t.baseline, "growth": t.growth, "deployment": t.deployment }
    PersonReport => |t| { "id": t.id, "name": t.name, "email": t.email, "intermediate": t.intermediate, "advanced": t.advanced, "lists": t.lists, "certifications": t.certifications }
    PersonCertification => |t| { "name": t.name, "matched": t.matched, "lists": t.lists, "status": t.status, "earned": t.earned, "expires": t.expires, "eligibleThrough": t.eligible_through, "areas": t.areas, "reason": t.reason }
    CertificationInArea => |t| { "area": t.area, "status": t.status, "reason": t.reason, "countsIn": t.counts_in }
    TenantAction => |t| { "tenant": t.tenant, "track": t.track, "option": t.option, "kind": t.kind, "workload": t.workload, "needed": t.needed, "message": t.message }
    QualificationWindow => |t| { "enrolled": t.enrolled, "today": t.today, "anniversary": t.anniversary, "start": t.start, "end": t.end, "months": t.months, "eligible": t.eligible, "message": t.message }
    WindowMonth => |t| { "month": t.month, "available": t.available, "status": t.status }
    Assumption => |t| { "id": t.id, "text": t.text }
    Ignored => |t| { "associations": t.associations, "workloads": t.workloads }
    FileReport => |t| { "name": t.name, "kind": t.kind, "encoding": t.encoding, "delimiter": t.delimiter, "rows": t.rows, "skippedRows": t.skipped_rows, "duplicateRows": t.duplicate_rows, "pgaDuplicateRows": t.pga_duplicate_rows, "months": t.months }
    Warning => |t| { "kind": t.kind, "file": t.file, "message": t.message }
    RowError => |t| { "kind": t.kind, "file": t.file, "line": t.line, "column": t.column, "value": t.value, "message": t.message }
    AreaMonth => |t| { "month": t.month, "available": t.available, "status": t.status, "total": t.total, "track": t.track }
    UsageDetail => |t| { "model": t.model, "tenantCount": t.tenant_count, "contributingTenants": t.contributing_tenants }
    SecurityDetail => |t| { "model": t.model, "asOf": t.as_of, "baseline": t.baseline, "azure": t.azure, "m365": t.m365, "tenantCount": t.tenant_count, "hints": t.hints }
    SecurityAzureDetail => |t| { "firstMonth": t.first_month, "lastMonth": t.last_month, "known": t.known, "secAcr": t.sec_acr, "setAside": t.set_aside }
    SecurityM365Detail => |t| { "protectedUsers": t.protected_users, "deploymentRatio": t.deployment_ratio }
    SecurityTenant => |t| { "id": t.id, "name": t.name, "contributes": t.contributes, "azure": t.azure, "m365": t.m365 }
    SecurityAzureTenant => |t| { "ttm": t.ttm, "tracks": t.tracks }
    SecurityAzureTrack => |t| { "customer": t.customer, "deployment": t.deployment, "usage": t.usage, "carriedOver": t.carried_over, "netAdd": t.net_add, "netDeployment": t.net_deployment, "growth": t.growth }
    SecurityM365Tenant => |t| { "tracks": t.tracks }
    BusinessApplicationsDetail => |t| { "model": t.model, "asOf": t.as_of, "baseline": t.baseline, "mcv": t.mcv, "classification": t.classification, "withinReach": t.within_reach }
    PairCount => |t| { "asOf": t.as_of, "baseline": t.baseline, "net": t.net }
    PairUsage => |t| { "usage": t.usage, "columns": t.columns, "mcv": t.mcv }
    ClassificationDetail => |t| { "track": t.track, "pairs": t.pairs, "pairsNeeded": t.pairs_needed, "revenueAbove": t.revenue_above, "months": t.months, "deciding": t.deciding }
    SetAside => |t| { "dataset": t.dataset, "reason": t.reason, "name": t.name, "rows": t.rows }
    AzureDetail => |t| { "model": t.model, "source": t.source, "firstMonth": t.first_month, "lastMonth": t.last_month, "asOf": t.as_of, "baseline": t.baseline, "classification": t.classification, "ttm": t.ttm, "tenantCount": t.tenant_count, "setAside": t.set_aside, "flagged": t.flagged, "locationRepeats": t.location_repeats, "ignored": t.ignored, "offersChecked": t.offers_checked, "hints": t.hints }
    AzureClassification => |t| { "customers": t.customers, "withSegment": t.with_segment, "smb": t.smb, "share": t.share, "track": t.track }
    AzureTtm => |t| { "asOf": t.as_of, "baseline": t.baseline, "growth": t.growth }
    AzureTenant => |t| { "id": t.id, "name": t.name, "segment": t.segment, "smb": t.smb, "customer": t.customer, "acr": t.acr, "tracks": t.tracks }
    AzureTenantAcr => |t| { "asOf": t.as_of, "previous": t.previous, "baseline": t.baseline, "baselinePrevious": t.baseline_previous }
    AzureTenantTrack => |t| { "eligible": t.eligible, "netAdd": t.net_add, "hint": t.hint }
    AzureService => |t| { "name": t.name, "acr": t.acr, "deployment": t.deployment, "reason": t.reason }
    AzureRows => |t| { "rows": t.rows, "acr": t.acr }
    AzureIgnored => |t| { "associations": t.associations, "offers": t.offers }
    Classification => |t| { "track": t.track, "basis": t.basis, "value": t.value }
    OverviewRow => |t| { "area": t.area, "label": t.label, "score": t.score, "atLeast": t.at_least, "status": t.status, "track": t.track, "trackLabel": t.track_label, "otherTrack": t.other_track, "otherTotal": t.other_total, "asOf": t.as_of, "source": t.source, "next": t.next, "badge": t.badge, "incentiveLine": t.incentive_line }
    IncentiveLine => |t| { "points": t.points, "met": t.met }
    Badge => |t| { "id": t.id, "label": t.label, "areas": t.areas, "qualified": t.qualified, "attained": t.attained }
    MicrosoftCloud => |t| { "status": t.status, "qualified": t.qualified, "unknown": t.unknown, "message": t.message }
}
json_names! {
    Status { NotScored => "not_scored", NotStarted => "not_started", InProgress => "in_progress", Incomplete => "incomplete", Partial => "partial", Qualified => "qualified" }
    CertificationStatus { Counted => "counted", Expired => "expired", PastEligibleThrough => "past_eligible_through", NotYetEarned => "not_yet_earned", NotACertification => "not_a_certification", Inactive => "inactive", Dropped => "dropped", NotOnList => "not_on_list" }
    ActionKind { ActivateUsers => "activateUsers", RemoveSeats => "removeSeats", AddSeats => "addSeats", LostCustomer => "lostCustomer" }
    WarningKind { Preamble => "preamble", Windows1252 => "windows1252", RepeatedHeader => "repeatedHeader", DuplicateRows => "duplicateRows", MoreErrors => "moreErrors", NoDataRows => "noDataRows", AsOfMissing => "asOfMissing", NoUsage => "noUsage", MissingBaseline => "missingBaseline", NoSkilling => "noSkilling", PgaDuplicates => "pgaDuplicates", TrackByDefault => "trackByDefault", WorkloadNote => "workloadNote", AssociationAfterBaseline => "associationAfterBaseline", MissingMonth => "missingMonth", BareCpor => "bareCpor", NoSubscription => "noSubscription", OverlappingMonths => "overlappingMonths", ServiceNameAlias => "serviceNameAlias", OffersNotChecked => "offersNotChecked", UnsupportedClouds => "unsupportedClouds", UnsegmentedCustomers => "unsegmentedCustomers", FreeSkuRows => "freeSkuRows", UnreadColumns => "unreadColumns", UsageOverEms => "usageOverEms", SubscriptionLevelAcr => "subscriptionLevelAcr", LocationsUnknown => "locationsUnknown", ExpiryUnknown => "expiryUnknown", ClaimTypeName => "claimTypeName", EmsWorkloadWithoutSeats => "emsWorkloadWithoutSeats" }
    SetAsideReason { SmallerDuplicate => "smallerDuplicate", Trial => "trial", NotOnRateCard => "notOnRateCard", NotNcaWorkload => "notNcaWorkload", DroppedWorkload => "droppedWorkload", UnknownAssociation => "unknownAssociation", AssociationNotCounted => "associationNotCounted" }
    ErrorKind { NotCsv => "notCsv", EmptyFile => "emptyFile", UnknownHeader => "unknownHeader", ShortRow => "shortRow", LongRow => "longRow", LongField => "longField", TooManyColumns => "tooManyColumns", UnclosedQuote => "unclosedQuote", NulByte => "nulByte", EmptyValue => "emptyValue", BadNumber => "badNumber", BadMonth => "badMonth", BadDate => "badDate", FutureMonth => "futureMonth", ConflictingDuplicate => "conflictingDuplicate", UnknownArea => "unknownArea", UnknownTrack => "unknownTrack", UnknownMetric => "unknownMetric", BadValue => "badValue", UnscoredDownload => "unscoredDownload", NoRulesets => "noRulesets" }
}

impl<T: ToJson> ToJson for Both<T> {
    fn write_json(&self, out: &mut Vec<u8>) {
        let mut object = Object::new(out);
        object.field("asOf", &self.as_of);
        object.field("baseline", &self.baseline);
        object.end();
    }
}

impl ToJson for Row {
    fn write_json(&self, out: &mut Vec<u8>) {
        match self {
            Row::Tenant(row) => row.write_json(out),
            Row::TenantAction(row) => row.write_json(out),
            Row::SecurityTenant(row) => row.write_json(out),
            Row::AzureTenant(row) => row.write_json(out),
            Row::Service(row) => row.write_json(out),
            Row::Revenue(row) => row.write_json(out),
            Row::Consumption(row) => row.write_json(out),
            Row::SetAside(row) => row.write_json(out),
            Row::Person(row) => row.write_json(out),
        }
    }
}

impl ToJson for AreaDetail {
    fn write_json(&self, out: &mut Vec<u8>) {
        match self {
            AreaDetail::Usage(detail) => detail.write_json(out),
            AreaDetail::BusinessApplications(detail) => detail.write_json(out),
            AreaDetail::Azure(detail) => detail.write_json(out),
            AreaDetail::Security(detail) => detail.write_json(out),
        }
    }
}

impl ToJson for AreaReport {
    fn write_json(&self, out: &mut Vec<u8>) {
        let t = self;
        let mut o = Object::new(out);
        o.field("label", &t.label);
        o.field("ruleset", &t.ruleset);
        o.field("asOf", &t.as_of);
        o.field("baseline", &t.baseline);
        o.field("months", &t.months);
        o.field("status", &t.status);
        o.field("total", &t.total);
        o.field("atLeast", &t.at_least);
        o.field("track", &t.track);
        o.field("trackChoice", &t.track_choice);
        o.field("classification", &t.classification);
        o.field("source", &t.source);
        o.field("incentiveLine", &t.incentive_line);
        o.field("tracks", &t.tracks);
        o.field("recommendations", &t.recommendations);
        o.field("missing", &t.missing);
        o.field("assumptions", &t.assumptions);
        o.field("warnings", &t.warnings);
        o.field("detail", &t.detail);
        o.field("lists", &t.lists);
        // Only when asked for.
        if let Some(history) = &t.history {
            o.field("history", history);
        }
        if let Some(window) = &t.window {
            o.field("window", window);
        }
        o.end();
    }
}

/// A pair's tenant and workload, first among its row's members.
impl PairName {
    fn fields(&self, o: &mut Object<'_>) {
        o.field("tenant", &self.tenant);
        o.field("tenantName", &self.tenant_name);
        o.field("workload", &self.workload);
    }
}

impl ToJson for PairName {
    fn write_json(&self, out: &mut Vec<u8>) {
        let mut o = Object::new(out);
        self.fields(&mut o);
        o.end();
    }
}

impl ToJson for RevenuePair {
    fn write_json(&self, out: &mut Vec<u8>) {
        let mut o = Object::new(out);
        self.pair.fields(&mut o);
        o.field("asOf", &self.as_of);
        o.field("baseline", &self.baseline);
        o.field("adds", &self.adds);
        o.field("classifies", &self.classifies);
        o.end();
    }
}

impl ToJson for ConsumptionPair {
    fn write_json(&self, out: &mut Vec<u8>) {
        let mut o = Object::new(out);
        self.pair.fields(&mut o);
        o.field("rate", &self.rate);
        o.field("unit", &self.unit);
        o.field("asOf", &self.as_of);
        o.field("baseline", &self.baseline);
        o.field("deployments", &self.deployments);
        o.end();
    }
}

impl ToJson for DeploymentGap {
    fn write_json(&self, out: &mut Vec<u8>) {
        let mut o = Object::new(out);
        self.pair.fields(&mut o);
        o.field("track", &self.track);
        o.field("mcvMissing", &self.mcv_missing);
        o.field("usageMissing", &self.usage_missing);
        o.field("unit", &self.unit);
        o.field("message", &self.message);
        o.end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_errors() -> Vec<ErrorKind> {
        use ErrorKind::*;
        let all = vec![
            NotCsv,
            EmptyFile,
            UnknownHeader,
            ShortRow,
            LongRow,
            LongField,
            TooManyColumns,
            UnclosedQuote,
            NulByte,
            EmptyValue,
            BadNumber,
            BadMonth,
            BadDate,
            FutureMonth,
            ConflictingDuplicate,
            UnknownArea,
            UnknownTrack,
            UnknownMetric,
            BadValue,
            UnscoredDownload,
            NoRulesets,
        ];
        // A new kind stops this compiling until it is listed above.
        for kind in &all {
            match kind {
                NotCsv | EmptyFile | UnknownHeader | ShortRow | LongRow | LongField | TooManyColumns
                | UnclosedQuote | NulByte | EmptyValue | BadNumber | BadMonth | BadDate | FutureMonth
                | ConflictingDuplicate | UnknownArea | UnknownTrack | UnknownMetric | BadValue | UnscoredDownload
                | NoRulesets => {}
            }
        }
        all
    }

    fn all_warnings() -> Vec<WarningKind> {
        use WarningKind::*;
        let all = vec![
            Preamble,
            Windows1252,
            RepeatedHeader,
            DuplicateRows,
            MoreErrors,
            NoDataRows,
            AsOfMissing,
            NoUsage,
            MissingBaseline,
            NoSkilling,
            PgaDuplicates,
            TrackByDefault,
            WorkloadNote,
            AssociationAfterBaseline,
            MissingMonth,
            BareCpor,
            NoSubscription,
            OverlappingMonths,
            ServiceNameAlias,
            OffersNotChecked,
            UnsupportedClouds,
            UnsegmentedCustomers,
            FreeSkuRows,
            UnreadColumns,
            UsageOverEms,
            SubscriptionLevelAcr,
            LocationsUnknown,
            ExpiryUnknown,
            ClaimTypeName,
            EmsWorkloadWithoutSeats,
        ];
        for kind in &all {
            match kind {
                Preamble
                | Windows1252
                | RepeatedHeader
                | DuplicateRows
                | MoreErrors
                | NoDataRows
                | AsOfMissing
                | NoUsage
                | MissingBaseline
                | NoSkilling
                | PgaDuplicates
                | TrackByDefault
                | WorkloadNote
                | AssociationAfterBaseline
                | MissingMonth
                | BareCpor
                | NoSubscription
                | OverlappingMonths
                | ServiceNameAlias
                | OffersNotChecked
                | UnsupportedClouds
                | UnsegmentedCustomers
                | FreeSkuRows
                | UnreadColumns
                | UsageOverEms
                | SubscriptionLevelAcr
                | LocationsUnknown
                | ExpiryUnknown
                | ClaimTypeName
                | EmsWorkloadWithoutSeats => {}
            }
        }
        all
    }

    /// The string-literal union `export type NAME = | 'a' | 'b';` of js/index.d.ts.
    fn typescript_union(name: &str) -> Vec<String> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("js/index.d.ts");
        let text = std::fs::read_to_string(path).unwrap();
        let start = text.find(&format!("export type {name} =")).unwrap_or_else(|| panic!("{name} not declared"));
        let body = &text[start..];
        let body = &body[..body.find(';').unwrap()];
        body.split('\'').skip(1).step_by(2).map(String::from).collect()
    }

    fn names<T: ToJson>(kinds: &[T]) -> Vec<String> {
        kinds.iter().map(|k| crate::to_json::to_string(k).trim_matches('"').to_string()).collect()
    }

    #[test]
    fn typescript_declares_every_kind() {
        assert_eq!(typescript_union("ErrorKind"), names(&all_errors()));
        assert_eq!(typescript_union("WarningKind"), names(&all_warnings()));
    }

    #[test]
    fn kind_comes_first() {
        let error = RowError {
            kind: ErrorKind::BadNumber,
            file: "a.csv".into(),
            line: Some(2),
            column: Some("ActiveUsage".into()),
            value: Some("abc".into()),
            message: "not a number".into(),
        };
        assert_eq!(
            crate::to_json::to_string(&error),
            r#"{"kind":"badNumber","file":"a.csv","line":2,"column":"ActiveUsage","value":"abc","message":"not a number"}"#
        );
        let warning = Warning { kind: WarningKind::Windows1252, file: None, message: "m".into() };
        assert_eq!(crate::to_json::to_string(&warning), r#"{"kind":"windows1252","file":null,"message":"m"}"#);
    }
}
