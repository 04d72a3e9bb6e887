//! The report every entry point returns (`spec/report.md`): plain data,
//! serialised with camelCase keys. Change it only by adding fields, or by
//! bumping [`SCHEMA_VERSION`].

use crate::layout::FileKind;
use crate::month::{Date, Month};
use crate::points::Points;
use serde::{Serialize, Serializer};

pub const SCHEMA_VERSION: u32 = 1;

/// A JSON object whose keys keep the ruleset's order (tracks, options).
#[derive(Clone, Debug, PartialEq)]
pub struct Keyed<V>(pub Vec<(String, V)>);

impl<V> Keyed<V> {
    pub fn get(&self, key: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.0.iter().map(|(_, v)| v)
    }
}

impl<V> Default for Keyed<V> {
    fn default() -> Self {
        Keyed(vec![])
    }
}

impl<V: Serialize> Serialize for Keyed<V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub schema_version: u32,
    pub ruleset: RulesetRef,
    /// The month scored; `None` when no usage data was loaded.
    pub as_of: Option<Month>,
    pub baseline: Option<Month>,
    /// Every month present in the usage data, oldest first.
    pub months: Vec<Month>,
    pub status: Status,
    pub best_track: Option<String>,
    pub tracks: Keyed<TrackReport>,
    /// Every tenant, or with a `tenantLimit` the contributing ones first,
    /// up to the limit.
    pub tenants: Vec<TenantReport>,
    /// How many tenants the data has (more than `tenants` holds when limited).
    pub tenant_count: usize,
    pub people: Vec<PersonReport>,
    pub recommendations: Vec<Recommendation>,
    /// Tenant by tenant, what would change a metric.
    pub tenant_actions: Vec<TenantAction>,
    /// Every month's score, when asked for (`history` option).
    pub history: Option<Vec<HistoryMonth>>,
    /// The qualification window, when today's date is given.
    pub window: Option<QualificationWindow>,
    pub assumptions: Vec<Assumption>,
    pub ignored: Ignored,
    pub files: Vec<FileReport>,
    pub warnings: Vec<Warning>,
    pub errors: Vec<RowError>,
}

#[derive(Clone, Debug, Serialize)]
pub struct RulesetRef {
    pub id: String,
    pub version: String,
    /// When Microsoft's text the ruleset follows was published (`YYYY-MM`).
    pub published: Option<String>,
    pub name: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    NotStarted,
    InProgress,
    Partial,
    Qualified,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TrackReport {
    pub label: String,
    /// Exact total of the metrics that could be computed.
    pub total: Points,
    pub status: Status,
    /// False when a metric is unknown (its baseline month is missing).
    pub complete: bool,
    pub metrics: Metrics,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Metrics {
    pub net_customer_adds: SimpleMetric,
    pub intermediate_certifications: SimpleMetric,
    pub advanced_certifications: SimpleMetric,
    pub usage_growth: OptionMetric,
    pub deployments: OptionMetric,
}

impl Metrics {
    /// The five metrics' points, in report order.
    pub fn points(&self) -> [Option<Points>; 5] {
        [
            self.net_customer_adds.points,
            self.intermediate_certifications.points,
            self.advanced_certifications.points,
            self.usage_growth.points,
            self.deployments.points,
        ]
    }
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SimpleMetric {
    /// `None` when the metric cannot be computed (baseline month missing).
    pub points: Option<Points>,
    pub max: u32,
    pub value: Option<i64>,
    pub threshold: u32,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OptionMetric {
    pub points: Option<Points>,
    pub max: u32,
    /// The association option whose points count.
    pub best_option: Option<String>,
    pub options: Keyed<OptionScore>,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OptionScore {
    pub value: Option<f64>,
    pub threshold: u32,
    pub points: Option<Points>,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TenantReport {
    pub id: String,
    pub name: Option<String>,
    /// Association types the tenant has rows under (Modern Work ones).
    pub associations: Vec<String>,
    /// True when the tenant changes any metric on any track.
    pub contributes: bool,
    pub tracks: Keyed<TenantTrack>,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
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

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TenantOption {
    pub as_of: TenantMonth,
    pub baseline: TenantMonth,
    /// What the tenant adds to usage growth; `None` when it is left out
    /// (associated after the baseline with no data for that month).
    pub growth: Option<f64>,
    /// +1, 0 or -1 to net deployments.
    pub deployment: i32,
}

#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TenantMonth {
    /// MAU over eligible workloads under this association type.
    pub mau: f64,
    pub deployed: bool,
    /// Best MAU/PAU ratio of an eligible workload, 0.4 = 40%.
    pub best_ratio: Option<f64>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Both<T> {
    pub as_of: T,
    pub baseline: T,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
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

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
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
    pub reason: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
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

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Recommendation {
    pub track: String,
    pub metric: String,
    pub option: Option<String>,
    /// Smallest whole number of additional units that reaches the maximum.
    pub needed: u64,
    pub unit: String,
    /// Points the metric gains by reaching its maximum.
    pub gain: Points,
    /// Points one more unit would gain.
    pub unit_gain: Points,
    /// True for the option of its metric that needs the fewest units.
    pub best: bool,
    /// True for the single action that gains the most points on its track.
    pub top: bool,
    pub message: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
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

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
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

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HistoryMonth {
    pub month: Month,
    /// False shows as "Data unavailable": the month or its baseline is missing.
    pub available: bool,
    pub reason: Option<String>,
    pub best_track: Option<String>,
    /// The best track's total and status, and its five metrics' points.
    pub total: Option<Points>,
    pub status: Option<Status>,
    pub metrics: Option<Keyed<Option<Points>>>,
    /// Every track's total and status.
    pub tracks: Keyed<TrackSummary>,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TrackSummary {
    pub total: Points,
    pub status: Status,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
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

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WindowMonth {
    pub month: Month,
    pub available: bool,
    pub status: Option<Status>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Assumption {
    pub id: String,
    pub text: String,
}

#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Ignored {
    /// Rows per association type that counts on no track (PAL, …).
    pub associations: Keyed<u64>,
    /// Rows per workload that is not eligible for Modern Work.
    pub workloads: Keyed<u64>,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
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

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub file: Option<String>,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RowError {
    pub file: String,
    pub line: Option<u64>,
    pub column: Option<String>,
    pub value: Option<String>,
    pub message: String,
}
