//! spd-score: the Solutions Partner designation scores, computed from
//! Partner Center's CSV exports and values typed from its scorecards.
//!
//! The core is pure Rust and knows nothing of JavaScript or Python; the
//! bindings are thin modules beside it: `wasm` (the browser and Node) and
//! `python` (the `python` feature, built by maturin). Start with [`Workbook`]: add files, then ask for a
//! [`Report`]. How a file travels from bytes to report, and where an area,
//! a metric kind and a certification live: `ARCHITECTURE.md`.

mod areas;
mod azure;
mod bizapps;
mod data;
mod decode;
mod hash;
mod incentive;
mod input_row;
mod json;
mod keyed;
mod kinds;
mod layout;
mod load;
mod manual;
mod model;
mod month;
mod number;
mod options;
mod people;
mod points;
pub mod portfolio;
mod reader;
mod report;
mod rows;
mod ruleset;
mod score;
mod security;
mod simulate;
mod text;
mod to_json;
mod usage;
mod window;
mod workbook;

#[cfg(target_arch = "wasm32")]
mod wasm;

#[cfg(feature = "python")]
mod python;

pub use kinds::{
    CountMetric, GrowthMetric, Metric, MetricRule, OptionMetric, OptionScore, PartScore, PartsMetric, Source,
    StepScore, StepsMetric,
};
pub use layout::FileKind;
pub use manual::{ManualValue, TypedText};
pub use month::{Date, Month};
pub use points::Points;
// Every type the report holds, so that a Rust caller can name what it reads.
pub use json::{JsonError, JsonErrorKind};
pub use options::OptionsError;
pub use report::DetailLevel;
pub use report::{
    indented, ActionKind, AreaDetail, AreaMonth, AreaReport, Assumption, AzureClassification, AzureDetail,
    AzureIgnored, AzureRows, AzureService, AzureTenant, AzureTenantAcr, AzureTenantTrack, AzureTtm, Badge, Both,
    BusinessApplicationsDetail, CertificationInArea, CertificationStatus, Classification, ClassificationDetail,
    ConsumptionPair, DeploymentGap, ErrorKind, FileReport, Generator, Ignored, IncentiveLine, Keyed, MicrosoftCloud,
    OverviewRow, PairCount, PairName, PairUsage, PersonCertification, PersonReport, QualificationWindow,
    Recommendation, Report, RevenuePair, Row, RowError, RulesetRef, SecurityAzureDetail, SecurityAzureTenant,
    SecurityAzureTrack, SecurityDetail, SecurityM365Detail, SecurityM365Tenant, SecurityM365Track, SecurityTenant,
    SetAside, SetAsideReason, Status, TenantAction, TenantMonth, TenantOption, TenantReport, TenantTrack, TrackReport,
    UsageDetail, Warning, WarningKind, WindowMonth, SCHEMA_VERSION,
};
pub use rows::{Rows, RowsError, RowsErrorKind, RowsQuery};
pub use ruleset::{Ruleset, RulesetData, RulesetError, RulesetErrorKind};
pub use score::ScoreOptions;
pub use simulate::{AreaChange, Choice, Plan, PlanChoices, PlannedCustomer, PlannedPerson, Simulation, TrackChange};
pub use to_json::{to_string as to_json, to_string_pretty as to_json_pretty, ToJson};
pub use workbook::Workbook;

/// Scores a set of whole files with the embedded rulesets: the one-call
/// form of [`Workbook`].
pub fn score_files<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>, options: &ScoreOptions) -> Report {
    let mut book = Workbook::default();
    for (name, bytes) in files {
        book.add_file(name, bytes);
    }
    book.report(options)
}
