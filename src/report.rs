//! The report every entry point returns (`spec/report.md`): plain data,
//! serialised with camelCase keys. Change it only by adding fields, or by
//! bumping [`SCHEMA_VERSION`].

use crate::layout::FileKind;
use crate::month::{Date, Month};
use crate::points::Points;
use crate::ruleset::Level;
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
    pub eligible: Both<bool>,
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
    pub certifications: Vec<PersonCertification>,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PersonCertification {
    /// As written in the file.
    pub name: String,
    /// The ruleset's name for it, when it is on the list.
    pub matched: Option<String>,
    pub level: Option<Level>,
    pub status: CertificationStatus,
    pub earned: Option<Date>,
    pub expires: Option<Date>,
    pub reason: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CertificationStatus {
    Counted,
    /// Counted, but Partner Center may no longer count it.
    Retired,
    Expired,
    NotOnList,
}

impl CertificationStatus {
    pub fn counts(self) -> bool {
        matches!(self, CertificationStatus::Counted | CertificationStatus::Retired)
    }
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
    pub months: Vec<Month>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// What the warning is about, for programs; `message` says it to people.
    pub kind: WarningKind,
    pub file: Option<String>,
    pub message: String,
}

/// Every kind of [`Warning`]. A closed set: a new kind is a report change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
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
    /// A certification counted that is no longer on the current list.
    RetiredCertification,
    /// A tenant associated after the baseline month, with no usage for the
    /// month it was associated in, is left out of usage growth.
    AssociationAfterBaseline,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RowError {
    /// What went wrong, for programs; `message` says it to people.
    pub kind: ErrorKind,
    pub file: String,
    pub line: Option<u64>,
    pub column: Option<String>,
    pub value: Option<String>,
    pub message: String,
}

/// Every kind of [`RowError`]. A closed set: a new kind is a report change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ErrorKind {
    /// Not a CSV file (a workbook, an image, another binary file).
    NotCsv,
    /// No bytes, or only blank lines (or a byte-order mark, a `sep=`
    /// line, delimiters).
    EmptyFile,
    /// The header matches no known layout.
    UnknownHeader,
    /// A row with missing fields, or extra fields holding values.
    RaggedRow,
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
            RaggedRow,
            UnclosedQuote,
            NulByte,
            EmptyValue,
            BadNumber,
            BadMonth,
            BadDate,
            FutureMonth,
            ConflictingDuplicate,
        ];
        // A new kind stops this compiling until it is listed above.
        for kind in &all {
            match kind {
                NotCsv | EmptyFile | UnknownHeader | RaggedRow | UnclosedQuote | NulByte | EmptyValue | BadNumber
                | BadMonth | BadDate | FutureMonth | ConflictingDuplicate => {}
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
            RetiredCertification,
            AssociationAfterBaseline,
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
                | RetiredCertification
                | AssociationAfterBaseline => {}
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

    fn names<T: Serialize>(kinds: &[T]) -> Vec<String> {
        kinds.iter().map(|k| serde_json::to_value(k).unwrap().as_str().unwrap().to_string()).collect()
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
            serde_json::to_string(&error).unwrap(),
            r#"{"kind":"badNumber","file":"a.csv","line":2,"column":"ActiveUsage","value":"abc","message":"not a number"}"#
        );
        let warning = Warning { kind: WarningKind::Windows1252, file: None, message: "m".into() };
        assert_eq!(serde_json::to_string(&warning).unwrap(), r#"{"kind":"windows1252","file":null,"message":"m"}"#);
    }
}
