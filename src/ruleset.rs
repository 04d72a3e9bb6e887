//! The rules as data: one ruleset per designation (area), with its tracks,
//! metrics (each of a kind, see [`crate::kinds`]), thresholds, bands,
//! spellings and certification lists; and one catalogue of certifications
//! the six share.
//!
//! Microsoft changes these without notice, so none of them is code. The
//! rulesets are embedded from `rulesets/*.json`; a newer one can be loaded
//! from JSON of the same shape and replaces the embedded one of its id.

use crate::json::{At, JsonError, JsonErrorKind};
use crate::keyed::Keyed;
use crate::kinds::MetricRule;
use crate::month::Date;
use crate::points::Points;
use crate::text::{add_spellings, fold, Spellings};
use std::fmt;
use std::sync::Arc;

/// A ruleset of `rulesets/`, embedded minified by `build.rs`.
macro_rules! embedded {
    ($name:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/", $name))
    };
}

/// The embedded Modern Work ruleset (what `defaultRuleset()` starts from).
pub const DEFAULT_JSON: &str = embedded!("modern-work.json");

// EMBEDDED: the areas of this build (build.rs: Modern Work, then those
// whose data model's cargo feature is on).
include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// The certifications the six areas share, with their spellings and dates.
/// The catalogue the six areas share: association types and workloads as
/// exports spell them, and certifications with their dates.
pub const CATALOGUE_JSON: &str = embedded!("catalogue.json");

struct Catalogue {
    /// Area ids in Partner Center's order: the report lists areas so.
    area_order: Vec<String>,
    /// The area the report's top-level fields describe (schema 3 keeps
    /// Modern Work's shape there).
    headline: Option<String>,
    associations: Vec<Association>,
    other_associations: Vec<Association>,
    workloads: Vec<Workload>,
    certifications: Vec<Certification>,
    incentive_line: IncentiveLine,
}

/// The 25-point incentive line (designations.md section 12), as the
/// catalogue writes it: its points, the areas that have it, its Decision.
#[derive(Default)]
pub(crate) struct IncentiveLine {
    pub points: u32,
    pub areas: Vec<String>,
    pub decision: Option<Decision>,
}

/// The catalogue, read once (every ruleset joins it, and the incentive
/// line is read from it).
fn catalogue() -> Result<&'static Catalogue, &'static str> {
    static READ: std::sync::OnceLock<Result<Catalogue, String>> = std::sync::OnceLock::new();
    READ.get_or_init(|| Catalogue::from_json(CATALOGUE_JSON)).as_ref().map_err(String::as_str)
}

/// The catalogue's incentive line (none when the catalogue cannot be
/// read: the embedded one is checked by the test suite).
pub(crate) fn incentive_line() -> &'static IncentiveLine {
    static NONE: IncentiveLine = IncentiveLine { points: 0, areas: Vec::new(), decision: None };
    catalogue().map_or(&NONE, |c| &c.incentive_line)
}

/// Adds the catalogue's entries to a ruleset's own, matched by id: the
/// catalogue's come first, in its order, so that every area indexes
/// associations and workloads alike; an area's own spellings join them.
fn merge<T: Clone>(catalogue: Vec<T>, own: &[T], id: impl Fn(&T) -> &str, join: impl Fn(&mut T, &T)) -> Vec<T> {
    let mut all = catalogue;
    for entry in own {
        match all.iter_mut().find(|c| id(c) == id(entry)) {
            Some(shared) => join(shared, entry),
            None => all.push(entry.clone()),
        }
    }
    all
}

/// The ruleset as written in JSON.
#[derive(Clone, Debug)]
pub struct RulesetData {
    pub id: String,
    pub version: String,
    /// When Microsoft's text the ruleset follows was published (`YYYY-MM`).
    pub published: Option<String>,
    pub name: String,
    /// The short name (`Modern Work`).
    pub label: String,
    pub source: String,
    pub qualification: Qualification,
    /// How the track that decides is chosen.
    pub track_choice: TrackChoice,
    /// What would score the area when nothing feeds it.
    pub not_scored: String,
    /// Microsoft 365 usage: MAU / PAU at or above this percentage deploys.
    pub deployment_ratio_percent: u32,
    pub categories: Vec<Category>,
    pub tracks: Vec<TrackRules>,
    pub associations: Vec<Association>,
    /// Association types that count on no track, so that their spellings
    /// are reported under one name.
    pub other_associations: Vec<Association>,
    pub workloads: Vec<Workload>,
    /// Certifications this ruleset adds to the shared catalogue (or
    /// replaces in it, by id): the catalogue is usually enough.
    pub certifications: Vec<Certification>,
    /// Named lists of certification ids that metrics count people from.
    /// (Sorted by name.)
    pub certification_lists: Keyed<Vec<String>>,
    /// Certifications no longer on Microsoft's list: holders are told so.
    pub dropped_certifications: Vec<String>,
    pub window: Window,
    pub decisions: Vec<Decision>,
    /// What the area's data models need (thresholds, association types,
    /// workloads, rates, service lists), kept as written and read by the
    /// model its metrics are fed from (`from`): its shape is the model's.
    /// (Its text, checked to be JSON.)
    pub data: Option<String>,
}

#[derive(Clone, Debug, Default)]
pub struct Qualification {
    pub min_total: u32,
    pub every_metric_above_zero: bool,
}

/// How an area's track is chosen (designations.md section 3).
#[derive(Clone, Debug, Default)]
pub struct TrackChoice {
    pub rule: TrackRule,
    /// What classifies the partner (`smbCustomerShare`, `workloadRevenue`).
    pub basis: Option<String>,
    /// The track when the class cannot be computed and the user chose none.
    pub fallback: Option<String>,
    /// Areas classified together (the three Azure areas).
    pub group: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TrackRule {
    /// Both tracks scored, the higher total taken.
    #[default]
    Best,
    /// One track decides: the partner's class.
    Classified,
}

#[derive(Clone, Debug)]
pub struct Category {
    pub id: String,
    pub label: String,
    pub metrics: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct TrackRules {
    pub id: String,
    pub label: String,
    /// Microsoft 365 usage: the paid-seat band of a customer on this track.
    pub band: Option<Band>,
    /// Association types whose tenants count for net customer adds.
    pub customer_associations: Vec<String>,
    /// The track's metrics in report order, each of a kind.
    pub metrics: Keyed<MetricRule>,
    /// Tenants this many seats or fewer below the band are shown as "add
    /// seats" actions; 0 turns them off.
    pub near_band_seats: u32,
    /// Tenants grown out of this track's band into another track's stay
    /// eligible here when they were in this band a while earlier.
    pub carry_over: Option<CarryOver>,
}

/// The SMB carry-over: a tenant in `from_track`'s band under this track's
/// association types is still eligible when it was in this track's band
/// `months` earlier.
#[derive(Clone, Debug)]
pub struct CarryOver {
    pub from_track: String,
    pub months: u32,
}

/// A customer size band on paid units: `over < PAU <= upTo`.
#[derive(Clone, Copy, Debug)]
pub struct Band {
    pub over: u32,
    pub up_to: Option<u32>,
}

impl Band {
    /// `pau` in hundredths.
    pub fn contains(self, pau_hundredths: u32) -> bool {
        let pau = u64::from(pau_hundredths);
        pau > u64::from(self.over) * 100 && self.up_to.is_none_or(|up| pau <= u64::from(up) * 100)
    }
}

#[derive(Clone, Debug)]
pub struct Association {
    pub id: String,
    pub label: String,
    pub spellings: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct Workload {
    pub id: String,
    pub spellings: Vec<String>,
    pub confirmed: bool,
    /// The metrics whose workload list names this workload; every
    /// customer metric when absent (Teams Premium: usage growth and
    /// deployments only).
    pub metrics: Option<Vec<String>>,
    /// Said in the area's warnings when rows of this workload count.
    pub warning: Option<String>,
    /// The prefix of its column pair in the EMS usage dataset
    /// (`AADP`: `AADPPaidAvailableUnits`, `AADPMonthlyActiveUsers`).
    pub ems_columns: Option<String>,
}

impl Workload {
    pub fn counts_for(&self, metric: &str) -> bool {
        self.metrics.as_ref().is_none_or(|m| m.iter().any(|m| m == metric))
    }
}

#[derive(Clone, Debug)]
pub struct Certification {
    /// The exam code where there is one (`MS-102`), else a short name.
    pub id: String,
    pub name: String,
    pub spellings: Vec<String>,
    /// Microsoft's retirement date, `YYYY-MM-DD`.
    pub retires: Option<String>,
    /// The last day it still counts, `YYYY-MM-DD` (retired ones count about
    /// a year longer).
    pub eligible_through: Option<String>,
}

/// The qualification window of spec section 7.
#[derive(Clone, Copy, Debug)]
pub struct Window {
    pub months_before: u32,
    pub enrolment_days: u32,
}

impl Default for Window {
    fn default() -> Self {
        Window { months_before: 5, enrolment_days: 30 }
    }
}

/// A rule Microsoft does not publish, implemented one way and named in the
/// report as an assumption whenever it applied.
#[derive(Clone, Debug)]
pub struct Decision {
    pub id: String,
    pub text: String,
}

// Reading the rulesets' JSON (crate::json: one parser, a call per field;
// serde's derives cost far more module). Fields absent or null take their
// defaults; a field written twice, a missing one or one of the wrong type
// is an error naming its path.

impl RulesetData {
    /// Reads a ruleset as written in `rulesets/*.json`.
    pub fn from_json(json: &str) -> Result<RulesetData, RulesetError> {
        Ok(crate::json::read(json, RulesetData::read)?)
    }

    /// Reads a ruleset where it is (the page's options hold some).
    pub(crate) fn read(at: crate::json::At<'_, '_>) -> RulesetData {
        let o = at.object();
        RulesetData {
            id: o.string("id"),
            version: o.string("version"),
            published: o.opt_string("published"),
            name: o.string_or_default("name"),
            label: o.string_or_default("label"),
            source: o.string_or_default("source"),
            qualification: o.get("qualification", |at| {
                let q = at.object();
                Qualification {
                    min_total: q.u32("minTotal"),
                    every_metric_above_zero: q.get("everyMetricAboveZero", |at| at.bool()),
                }
            }),
            track_choice: o.or_default("trackChoice", |at| {
                let c = at.object();
                let rule = c.get("rule", |at| match at.string().as_str() {
                    "best" => TrackRule::Best,
                    "classified" => TrackRule::Classified,
                    other => {
                        at.fail(&format!("unknown variant `{other}`, expected `best` or `classified`"));
                        TrackRule::Best
                    }
                });
                TrackChoice {
                    rule,
                    basis: c.opt_string("basis"),
                    fallback: c.opt_string("fallback"),
                    group: c.opt_string("group"),
                }
            }),
            not_scored: o.string_or_default("notScored"),
            deployment_ratio_percent: o.u32_or_default("deploymentRatioPercent"),
            categories: o.or_default("categories", |at| {
                at.list(|at| {
                    let c = at.object();
                    Category {
                        id: c.string("id"),
                        label: c.string("label"),
                        metrics: c.get("metrics", |at| at.strings()),
                    }
                })
            }),
            tracks: o.get("tracks", |at| at.list(read_track)),
            associations: o.or_default("associations", |at| at.list(read_association)),
            other_associations: o.or_default("otherAssociations", |at| at.list(read_association)),
            workloads: o.or_default("workloads", |at| at.list(read_workload)),
            certifications: o.or_default("certifications", |at| at.list(read_certification)),
            certification_lists: o.or_default("certificationLists", |at| at.map(|at| at.strings())),
            dropped_certifications: o.strings_or_default("droppedCertifications"),
            window: o.or_default("window", |at| {
                let w = at.object();
                Window { months_before: w.u32("monthsBefore"), enrolment_days: w.u32("enrolmentDays") }
            }),
            decisions: o.or_default("decisions", |at| at.list(read_decision)),
            data: o.raw("data").map(str::to_string),
        }
    }
}

impl Catalogue {
    fn from_json(json: &str) -> Result<Catalogue, String> {
        crate::json::read(json, |at| {
            let o = at.object();
            let areas = o.opt("areas", |at| {
                let a = at.object();
                (a.strings_or_default("order"), a.opt_string("headline"))
            });
            let (area_order, headline) = areas.unwrap_or_default();
            Catalogue {
                area_order,
                headline,
                associations: o.or_default("associations", |at| at.list(read_association)),
                other_associations: o.or_default("otherAssociations", |at| at.list(read_association)),
                workloads: o.or_default("workloads", |at| at.list(read_workload)),
                certifications: o.get("certifications", |at| at.list(read_certification)),
                incentive_line: o.or_default("incentiveLine", |at| {
                    let o = at.object();
                    IncentiveLine {
                        points: o.u32("points"),
                        areas: o.get("areas", |at| at.strings()),
                        decision: o.opt("decision", read_decision),
                    }
                }),
            }
        })
        .map_err(String::from)
    }
}

fn read_track(at: At<'_, '_>) -> TrackRules {
    let t = at.object();
    // Pushed as read: no Vec of Options to flatten (its collect is code).
    let mut metrics = Vec::new();
    t.get("metrics", |at| {
        at.entries(|id, at| {
            if let Some(m) = MetricRule::read(at) {
                metrics.push((id.to_string(), m));
            }
        })
    });
    TrackRules {
        id: t.string("id"),
        label: t.string("label"),
        band: t.opt("band", |at| {
            let b = at.object();
            Band { over: b.u32("over"), up_to: b.opt("upTo", |at| at.u32()) }
        }),
        customer_associations: t.strings_or_default("customerAssociations"),
        metrics: Keyed(metrics),
        near_band_seats: t.u32_or_default("nearBandSeats"),
        carry_over: t.opt("carryOver", |at| {
            let c = at.object();
            CarryOver { from_track: c.string("fromTrack"), months: c.u32("months") }
        }),
    }
}

fn read_decision(at: At<'_, '_>) -> Decision {
    let d = at.object();
    Decision { id: d.string("id"), text: d.string("text") }
}

pub(crate) fn read_association(at: At<'_, '_>) -> Association {
    let a = at.object();
    Association {
        id: a.string("id"),
        label: a.string_or_default("label"),
        spellings: a.strings_or_default("spellings"),
    }
}

fn read_workload(at: At<'_, '_>) -> Workload {
    let w = at.object();
    Workload {
        id: w.string("id"),
        spellings: w.strings_or_default("spellings"),
        confirmed: w.bool_or("confirmed", true),
        metrics: w.opt("metrics", |at| at.strings()),
        warning: w.opt_string("warning"),
        ems_columns: w.opt_string("emsColumns"),
    }
}

fn read_certification(at: At<'_, '_>) -> Certification {
    let c = at.object();
    Certification {
        id: c.string("id"),
        name: c.string("name"),
        spellings: c.strings_or_default("spellings"),
        retires: c.opt_string("retires"),
        eligible_through: c.opt_string("eligibleThrough"),
    }
}

/// Looks a name up by its `key` (folded); failing that, by the part in
/// parentheses (`Digital Partner of Record (DPOR)`), by the part before
/// them, or without a leading "Microsoft" (`Microsoft Viva Insights`),
/// each of these only where `partial` takes its key.
fn lookup(table: &Spellings, text: &str, key: fn(&str) -> String, partial: fn(&str) -> bool) -> Option<usize> {
    let whole = key(text);
    if let Some(&found) = table.get(&whole) {
        return Some(found);
    }
    let inside = text.split_once('(').and_then(|(_, rest)| rest.split_once(')')).map(|(inside, _)| inside);
    let before = text.split_once('(').map(|(before, _)| before);
    let without_brand = whole.strip_prefix("microsoft").filter(|rest| !rest.is_empty()).map(str::to_string);
    let mut keys = [inside, before].into_iter().flatten().map(key).chain(without_brand);
    keys.find_map(|k| table.get(&k).filter(|_| partial(&k)).copied())
}

/// Any part of a name may name it.
fn any_part(_: &str) -> bool {
    true
}

/// Why a ruleset could not be used: what kind of fault, where (the
/// field's path in the ruleset's JSON, or the line and column of a text
/// that is not JSON), and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RulesetError {
    pub kind: RulesetErrorKind,
    /// The field at fault (`tracks[0].metrics.netCustomerAdds`); empty
    /// when it is the ruleset as a whole or a syntax error.
    pub path: String,
    /// Line and column (from 1) of a text that is not JSON.
    pub position: Option<(u32, u32)>,
    /// What is wrong, without the place.
    pub message: String,
}

/// What kind of fault a [`RulesetError`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RulesetErrorKind {
    /// The text is not JSON.
    Syntax,
    /// A field is missing, unknown, repeated or of another type.
    Field,
    /// Well-formed, but a rule cannot be used: a name no list holds, a
    /// threshold not above zero, a measure no data model answers.
    Rule,
}

impl RulesetErrorKind {
    /// The kind as programs name it (`syntax`, `field`, `rule`).
    pub fn name(self) -> &'static str {
        match self {
            RulesetErrorKind::Syntax => "syntax",
            RulesetErrorKind::Field => "field",
            RulesetErrorKind::Rule => "rule",
        }
    }
}

impl RulesetError {
    fn rule(path: impl Into<String>, message: impl Into<String>) -> RulesetError {
        RulesetError { kind: RulesetErrorKind::Rule, path: path.into(), position: None, message: message.into() }
    }
}

impl From<JsonError> for RulesetError {
    fn from(e: JsonError) -> RulesetError {
        let kind = match e.kind {
            JsonErrorKind::Syntax => RulesetErrorKind::Syntax,
            JsonErrorKind::Field => RulesetErrorKind::Field,
        };
        RulesetError { kind, path: e.path, position: e.position, message: e.message }
    }
}

impl fmt::Display for RulesetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let place = JsonError {
            kind: JsonErrorKind::Field,
            path: self.path.clone(),
            position: self.position,
            message: self.message.clone(),
        };
        write!(f, "invalid ruleset: {place}")
    }
}

impl std::error::Error for RulesetError {}

/// A validated ruleset with its lookup tables. Both are shared, not
/// copied, by its clones: every workbook starts from the embedded
/// rulesets, and copying them was a deep clone's code for every type here.
#[derive(Clone, Debug)]
pub struct Ruleset {
    pub data: Arc<RulesetData>,
    tables: Arc<Tables>,
}

/// What [`Ruleset::new`] derives from the data.
#[derive(Debug)]
struct Tables {
    associations: Spellings,
    other_associations: Spellings,
    workloads: Spellings,
    certifications: Spellings,
    /// Per certification (as in `data.certifications`): its last eligible day.
    eligible_through: Vec<Option<Date>>,
    /// Per track, per association index: does the association count for
    /// net customer adds (and so for eligibility) on that track?
    customer_masks: Vec<u32>,
    /// Per workload: counts for net customer adds, and for usage growth
    /// and deployments.
    workload_use: Vec<WorkloadUse>,
    /// Per track: the index of the track it carries tenants over from.
    carry_from: Vec<Option<usize>>,
    /// The data rules of an area fed by Business Applications' downloads.
    bizapps: Option<Box<crate::bizapps::Rules>>,
    /// The Azure model's rules, for an area whose metrics are fed `from: "azure"`.
    azure: Option<Box<crate::azure::Rules>>,
    /// Security's Azure part's rules, for an area whose metrics have parts
    /// fed `from: "azure"` (security ACR per tenant, not the Azure areas' totals).
    security: Option<Box<crate::security::Rules>>,
    /// A data model its metrics are fed from is not in this build.
    model_left_out: bool,
    /// Its place in the catalogue's area order (areas it does not name
    /// come after, by id): see [`in_order`].
    rank: usize,
    /// The catalogue names it as the area of the report's top level.
    headline: bool,
}

/// The rulesets in the catalogue's order (Partner Center's), whatever
/// order a caller gave them in: a report never depends on it.
/// (An insertion sort, stable as `sort_by`: a few rulesets, and no sort's
/// code in the module for them.)
pub(crate) fn in_order(mut rulesets: Vec<Ruleset>) -> Vec<Ruleset> {
    for i in 1..rulesets.len() {
        let mut j = i;
        while j > 0 && rulesets[j - 1].order(&rulesets[j]).is_gt() {
            rulesets.swap(j - 1, j);
            j -= 1;
        }
    }
    rulesets
}

/// The ruleset Microsoft 365 usage exports are read with (their association
/// types and workloads indexed by it): the headline area when it reads
/// usage, else the first area that does in the catalogue's order. `None`
/// when no area reads usage.
pub(crate) fn usage_reader(rulesets: &[Ruleset]) -> Option<&Ruleset> {
    let readers = || rulesets.iter().filter(|r| r.reads_usage());
    readers().find(|r| r.tables.headline).or_else(|| readers().min_by(|a, b| a.order(b)))
}

/// The area the report's top-level fields describe: the catalogue's
/// headline area, else the usage reader, else the first area in the
/// catalogue's order. `None` only without rulesets.
pub(crate) fn headline(rulesets: &[Ruleset]) -> Option<&Ruleset> {
    let by_catalogue = rulesets.iter().find(|r| r.tables.headline);
    by_catalogue.or_else(|| usage_reader(rulesets)).or_else(|| rulesets.iter().min_by(|a, b| a.order(b)))
}

/// Which customer metrics' workload lists name a workload.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WorkloadUse {
    pub customers: bool,
    pub customer_success: bool,
}

/// Index of an association type in `RulesetData::associations`.
pub type AssociationId = u8;
/// Index of a workload in `RulesetData::workloads`.
pub type WorkloadId = u8;
/// Index of a certification in `RulesetData::certifications`.
pub type CertificationId = usize;

/// The folded form certification names are matched on: with or without
/// the "Microsoft Certified:" prefix and its kin.
fn certification_key(text: &str) -> String {
    let folded = fold(text);
    for prefix in ["microsoft365certified", "microsoftcertified", "githubcertified"] {
        if let Some(rest) = folded.strip_prefix(prefix).filter(|rest| !rest.is_empty()) {
            return rest.to_string();
        }
    }
    folded
}

/// True when a metric of `data` (not a part of one) is fed from `model`.
fn fed_by(data: &RulesetData, model: &str) -> bool {
    data.tracks.iter().any(|t| t.metrics.0.iter().any(|(_, m)| m.from() == Some(model)))
}

/// True when a part of a metric of `data` is fed from `model`.
fn parts_fed_by(data: &RulesetData, model: &str) -> bool {
    data.tracks.iter().any(|t| t.metrics.0.iter().any(|(_, m)| m.parts().iter().any(|p| p.0 == model)))
}

/// A folded exam code: two letters and three digits (`ab100`).
fn is_exam_code(key: &str) -> bool {
    let bytes = key.as_bytes();
    bytes.len() == 5 && bytes[..2].iter().all(u8::is_ascii_alphabetic) && bytes[2..].iter().all(u8::is_ascii_digit)
}

/// Adds the catalogue's certifications, association types and workloads
/// to a ruleset's own.
fn join_catalogue(data: &mut RulesetData, catalogue: &Catalogue) {
    for c in &catalogue.certifications {
        if !data.certifications.iter().any(|own| own.id == c.id) {
            data.certifications.push(c.clone());
        }
    }
    let spellings = |shared: &mut Association, own: &Association| shared.spellings.extend(own.spellings.clone());
    data.associations = merge(catalogue.associations.clone(), &data.associations, |a| &a.id, spellings);
    let others = catalogue.other_associations.clone();
    data.other_associations = merge(others, &data.other_associations, |a| &a.id, spellings);
    // The workloads an area names are the ones it counts (for the metrics
    // it lists); every other catalogue workload counts for none of them.
    let mut workloads = catalogue.workloads.clone();
    for w in &mut workloads {
        w.metrics = Some(vec![]);
    }
    let selection = |shared: &mut Workload, own: &Workload| {
        shared.spellings.extend(own.spellings.clone());
        shared.metrics = own.metrics.clone();
        shared.confirmed = own.confirmed;
        shared.warning = own.warning.clone();
    };
    data.workloads = merge(workloads, &data.workloads, |w| &w.id, selection);
}

/// The rules a ruleset's data must keep, checked in the order they are
/// told: the first broken one is the error.
fn check(data: &RulesetData) -> Result<(), RulesetError> {
    let err = |path: String, message: String| Err(RulesetError::rule(path, message));
    if data.associations.len() > 32 || data.workloads.len() > 255 || data.tracks.len() > 8 {
        return err(String::new(), "at most 32 associations, 255 workloads and 8 tracks".into());
    }
    if data.tracks.is_empty() {
        return err("tracks".into(), "no tracks".into());
    }
    for w in &data.workloads {
        if w.counts_for("usageGrowth") != w.counts_for("deployments") {
            return err(format!("workloads.{}", w.id), "usage growth and deployments share one workload list".into());
        }
    }
    for c in &data.certifications {
        for date in [&c.retires, &c.eligible_through].into_iter().flatten() {
            if Date::parse(date).is_none() {
                return err(format!("certifications.{}", c.id), format!("\"{date}\" is not a date (YYYY-MM-DD)"));
            }
        }
    }
    let known_certification = |id: &String| data.certifications.iter().any(|c| &c.id == id);
    for (list, ids) in &data.certification_lists.0 {
        if let Some(id) = ids.iter().find(|id| !known_certification(id)) {
            return err(format!("certificationLists.{list}"), format!("unknown certification {id}"));
        }
    }
    if let Some(id) = data.dropped_certifications.iter().find(|id| !known_certification(id)) {
        return err("droppedCertifications".into(), format!("unknown certification {id}"));
    }
    let known_association = |id: &str| data.associations.iter().any(|a| a.id == id);
    let known_list = |list: &str| data.certification_lists.get(list).is_some();
    for (t, track) in data.tracks.iter().enumerate() {
        if let Some(id) = track.customer_associations.iter().find(|id| !known_association(id)) {
            return err(format!("tracks[{t}].customerAssociations"), format!("unknown association {id}"));
        }
        for (id, metric) in &track.metrics.0 {
            let at = || format!("tracks[{t}].metrics.{id}");
            metric.validate(&known_list).map_err(|e| RulesetError::rule(at(), e))?;
            if let MetricRule::Options(rule) = metric {
                if let Some(o) = rule.options.iter().find(|o| !known_association(&o.association)) {
                    return err(at() + ".options", format!("unknown association {}", o.association));
                }
            }
        }
        if let Some(c) = track.carry_over.as_ref().filter(|c| !data.tracks.iter().any(|t| t.id == c.from_track)) {
            return err(format!("tracks[{t}].carryOver.fromTrack"), format!("unknown track {}", c.from_track));
        }
    }
    Ok(())
}

/// The rules of the data models an area's metrics are fed from.
struct Models {
    bizapps: Option<Box<crate::bizapps::Rules>>,
    azure: Option<Box<crate::azure::Rules>>,
    security: Option<Box<crate::security::Rules>>,
    model_left_out: bool,
}

impl Models {
    fn read(data: &RulesetData) -> Result<Models, RulesetError> {
        let fed_by = |model: &str| fed_by(data, model);
        let parts_fed_by = |model: &str| parts_fed_by(data, model);
        let tracks: Vec<&str> = data.tracks.iter().map(|t| t.id.as_str()).collect();
        let bad = |e: String| RulesetError::rule("data", e);
        // A model compiled out (its cargo feature off) reads no rules: its
        // metrics stay unknown, as if its exports were not loaded.
        let bizapps = if cfg!(feature = "bizapps") && fed_by("bizapps") {
            let json = data.data.as_deref().unwrap_or("null");
            Some(Box::new(crate::bizapps::Rules::from_json(json, &tracks).map_err(bad)?))
        } else {
            None
        };
        let azure = match (&data.data, cfg!(feature = "azure") && fed_by("azure")) {
            (Some(json), true) => Some(Box::new(crate::azure::Rules::from_json(json, &tracks).map_err(bad)?)),
            (None, true) => return Err(bad("metrics fed from azure need the model's \"data\"".into())),
            _ => None,
        };
        let security = match (&data.data, cfg!(feature = "security") && parts_fed_by("azure")) {
            (Some(json), true) => Some(Box::new(crate::security::Rules::from_json(json, &tracks).map_err(bad)?)),
            (None, true) => return Err(bad("parts fed from azure need the model's \"data\"".into())),
            _ => None,
        };
        // Its metrics fed by a model this build left out (a cargo feature
        // off): no model reads its data, as if its exports were not loaded.
        let model_left_out = (!cfg!(feature = "bizapps") && fed_by("bizapps"))
            || (!cfg!(feature = "azure") && fed_by("azure"))
            || (!cfg!(feature = "security") && parts_fed_by("azure"));
        Ok(Models { bizapps, azure, security, model_left_out })
    }
}

impl Tables {
    /// The lookup tables of a checked ruleset.
    fn build(data: &RulesetData, models: Models, rank: usize, headline: bool) -> Tables {
        let mut associations = Spellings::new();
        for (i, a) in data.associations.iter().enumerate() {
            add_spellings(&mut associations, i, &a.id, &a.spellings);
        }
        // Backwards: a spelling two of them share names the first.
        let mut other_associations = Spellings::new();
        for (i, a) in data.other_associations.iter().enumerate().rev() {
            add_spellings(&mut other_associations, i, &a.id, &a.spellings);
        }
        let mut workloads = Spellings::new();
        let mut workload_use = Vec::with_capacity(data.workloads.len());
        for (i, w) in data.workloads.iter().enumerate() {
            add_spellings(&mut workloads, i, &w.id, &w.spellings);
            workload_use.push(WorkloadUse {
                customers: w.counts_for("netCustomerAdds"),
                customer_success: w.counts_for("usageGrowth"),
            });
        }
        let mut certifications = Spellings::new();
        let mut eligible_through = Vec::with_capacity(data.certifications.len());
        for (i, c) in data.certifications.iter().enumerate() {
            for s in c.spellings.iter().chain([&c.name, &c.id]) {
                certifications.insert(certification_key(s), i);
            }
            eligible_through.push(c.eligible_through.as_deref().and_then(Date::parse));
        }
        let index_of = |id: &str| data.associations.iter().position(|a| a.id == id);
        let mut customer_masks = Vec::with_capacity(data.tracks.len());
        let mut carry_from = Vec::with_capacity(data.tracks.len());
        for track in &data.tracks {
            let mask = track.customer_associations.iter().filter_map(|id| index_of(id)).fold(0, |m, i| m | 1 << i);
            customer_masks.push(mask);
            let from = track.carry_over.as_ref().and_then(|c| data.tracks.iter().position(|t| t.id == c.from_track));
            carry_from.push(from);
        }
        let Models { bizapps, azure, security, model_left_out } = models;
        Tables {
            associations,
            other_associations,
            workloads,
            certifications,
            eligible_through,
            customer_masks,
            workload_use,
            carry_from,
            bizapps,
            azure,
            security,
            model_left_out,
            rank,
            headline,
        }
    }
}

impl Ruleset {
    /// The embedded Modern Work ruleset.
    pub fn modern_work() -> Ruleset {
        // The embedded JSON is checked by the test suite, so this cannot fail
        // in a released build; fall back to a panic-free error path anyway.
        Ruleset::from_json(DEFAULT_JSON).unwrap_or_else(|e| unreachable!("embedded ruleset: {e}"))
    }

    pub fn from_json(json: &str) -> Result<Ruleset, RulesetError> {
        let data = RulesetData::from_json(json)?;
        Ruleset::new(data)
    }

    /// The six embedded rulesets, in Partner Center's order.
    pub fn embedded() -> Vec<Ruleset> {
        // Read once and cloned: every workbook starts from them (a portfolio
        // makes one per partner), and reading them, the catalogue six times
        // over, costs more than scoring a small partner's files.
        static READ: std::sync::OnceLock<Vec<Ruleset>> = std::sync::OnceLock::new();
        // The embedded JSON is checked by the test suite.
        let read = || {
            let mut read = Vec::with_capacity(EMBEDDED.len());
            for json in EMBEDDED {
                read.extend(Ruleset::from_json(json).ok());
            }
            read
        };
        READ.get_or_init(read).clone()
    }

    /// Validates a ruleset; certifications it names come from the shared
    /// catalogue unless it defines them itself.
    ///
    /// Checked first, by borrowing, then built: a check that fails returns
    /// with nothing built to drop (drop code at every early return was
    /// much of this function's size).
    pub fn new(mut data: RulesetData) -> Result<Ruleset, RulesetError> {
        let catalogue = catalogue().map_err(|e| RulesetError::rule("", format!("catalogue: {e}")))?;
        let rank = catalogue.area_order.iter().position(|id| *id == data.id).unwrap_or(catalogue.area_order.len());
        let headline = catalogue.headline.as_ref() == Some(&data.id);
        join_catalogue(&mut data, catalogue);
        check(&data)?;
        let models = Models::read(&data)?;
        let tables = Tables::build(&data, models, rank, headline);
        Ok(Ruleset { data: Arc::new(data), tables: Arc::new(tables) })
    }

    /// Points one more unit of the part fed by `from` with `measure` earns on
    /// track `t`: the metric's max over the part's threshold.
    pub(crate) fn per_unit_from(&self, t: usize, from: &str, measure: &str) -> Option<Points> {
        let metrics = &self.data.tracks.get(t)?.metrics;
        metrics.values().find_map(|metric| {
            let (_, _, threshold) = metric.parts().into_iter().find(|&(f, m, _)| f == from && m == measure)?;
            Some(Points::linear(Points::whole(1), threshold, metric.max()))
        })
    }

    pub fn association(&self, text: &str) -> Option<AssociationId> {
        lookup(&self.tables.associations, text, fold, any_part).map(|i| i as AssociationId)
    }
    /// The name of an association type that counts on no track (`PAL` for
    /// `Partner admin link`).
    pub fn other_association(&self, text: &str) -> Option<&str> {
        let found = self.tables.other_associations.get(&fold(text));
        found.map(|&i| self.data.other_associations[i].id.as_str())
    }
    pub fn association_index(&self, id: &str) -> Option<AssociationId> {
        self.data.associations.iter().position(|a| a.id == id).map(|i| i as u8)
    }
    pub fn workload(&self, text: &str) -> Option<WorkloadId> {
        lookup(&self.tables.workloads, text, fold, any_part).map(|i| i as WorkloadId)
    }
    /// The workload whose EMS usage column pair has `prefix`.
    pub fn ems_workload(&self, prefix: &str) -> Option<WorkloadId> {
        let prefix = fold(prefix);
        let found =
            self.data.workloads.iter().position(|w| w.ems_columns.as_deref().is_some_and(|p| fold(p) == prefix));
        found.map(|w| w as WorkloadId)
    }
    pub fn workload_use(&self, workload: WorkloadId) -> WorkloadUse {
        self.tables.workload_use.get(usize::from(workload)).copied().unwrap_or_default()
    }
    /// A certification by its name, a spelling or an exam code
    /// (`Microsoft Certified: Azure Administrator Associate`, `AZ-104`), the
    /// name also with its code in parentheses. A code matches only as the
    /// whole title (designations.md section 5, a Decision): a longer title
    /// holding one (`Exam AB-100: ...`, `AZ-104: Azure Administrator`)
    /// names the exam, not the certification.
    pub fn certification(&self, text: &str) -> Option<CertificationId> {
        // The parts before and inside parentheses, the title without a
        // leading "Microsoft"; never a code on its own.
        lookup(&self.tables.certifications, text, certification_key, |key| !is_exam_code(key))
    }
    pub fn certification_data(&self, id: CertificationId) -> &Certification {
        &self.data.certifications[id]
    }
    /// A certification by its id (`AZ-305`).
    pub fn certification_by_id(&self, id: &str) -> Option<&Certification> {
        self.data.certifications.iter().find(|c| c.id == id)
    }
    /// The id of a track's metric fed by the data model's `measure`
    /// (`customers`: net customer adds).
    pub fn measured_by(&self, track: usize, measure: &str) -> Option<&str> {
        let metrics = &self.data.tracks.get(track)?.metrics;
        metrics.0.iter().find(|(_, m)| m.measure() == Some(measure)).map(|(id, _)| id.as_str())
    }
    /// The options rule of a track's metric measuring `measure` (Modern
    /// Work's usage growth: `activeUsers`; deployments: `deployedTenants`).
    pub fn options(&self, track: usize, measure: &str) -> Option<&crate::kinds::OptionsRule> {
        let metrics = &self.data.tracks.get(track)?.metrics;
        metrics.values().find_map(|m| match m {
            MetricRule::Options(rule) if rule.measure == measure => Some(rule),
            _ => None,
        })
    }
    /// The last day a certification counts, when it has one.
    pub fn eligible_through(&self, id: CertificationId) -> Option<Date> {
        self.tables.eligible_through.get(id).copied().flatten()
    }
    /// The names of the certification lists that hold a certification.
    pub fn lists_of(&self, id: CertificationId) -> impl Iterator<Item = &str> {
        let cert = &self.data.certifications[id].id;
        self.data.certification_lists.0.iter().filter(move |(_, ids)| ids.contains(cert)).map(|(name, _)| name.as_str())
    }
    pub fn is_dropped(&self, id: CertificationId) -> bool {
        self.data.dropped_certifications.contains(&self.data.certifications[id].id)
    }
    /// Bit `a` set when association `a` counts for customers on `track`.
    pub fn customer_mask(&self, track: usize) -> u32 {
        self.tables.customer_masks.get(track).copied().unwrap_or(0)
    }
    /// The track whose band a tenant may have grown into and still count on `track`.
    pub fn carry_from(&self, track: usize) -> Option<(usize, u32)> {
        let from = self.tables.carry_from.get(track).copied().flatten()?;
        Some((from, self.data.tracks[track].carry_over.as_ref()?.months))
    }
    /// The rules of Business Applications' downloads, when the area's
    /// metrics are fed from them (`from: "bizapps"`).
    /// (`cfg!`: with the feature off the answer is a constant None, and
    /// the model behind it leaves the module.)
    pub fn bizapps(&self) -> Option<&crate::bizapps::Rules> {
        self.tables.bizapps.as_deref().filter(|_| cfg!(feature = "bizapps"))
    }
    /// The Azure model's rules, when the area's metrics are fed from it.
    pub(crate) fn azure(&self) -> Option<&crate::azure::Rules> {
        self.tables.azure.as_deref().filter(|_| cfg!(feature = "azure"))
    }
    /// Security's Azure part's rules, when the area's metrics have parts
    /// fed from Azure exports.
    pub(crate) fn security(&self) -> Option<&crate::security::Rules> {
        self.tables.security.as_deref().filter(|_| cfg!(feature = "security"))
    }
    /// True when a data model the area's metrics are fed from is not in
    /// this build (its cargo feature off): the area is scored from typed
    /// values only, as if its exports were not loaded.
    pub fn model_left_out(&self) -> bool {
        self.tables.model_left_out
    }
    pub fn decision(&self, id: &str) -> Option<&Decision> {
        self.data.decisions.iter().find(|d| d.id == id)
    }
    /// Catalogue order, then id.
    fn order(&self, other: &Ruleset) -> std::cmp::Ordering {
        self.tables.rank.cmp(&other.tables.rank).then_with(|| self.data.id.cmp(&other.data.id))
    }
    /// True when a metric of the area (not a part of one) is fed from
    /// `model` and that model is in this build.
    pub(crate) fn fed_by(&self, model: &str) -> bool {
        !self.tables.model_left_out && fed_by(&self.data, model)
    }
    /// True when the area reads Microsoft 365 usage exports (its tracks
    /// have paid-seat bands).
    /// (Not with a model of its left out of this build: it reads nothing.)
    pub fn reads_usage(&self) -> bool {
        !self.tables.model_left_out && self.data.tracks.iter().any(|t| t.band.is_some())
    }
    /// The short name shown for the area.
    pub fn label(&self) -> &str {
        if self.data.label.is_empty() {
            &self.data.name
        } else {
            &self.data.label
        }
    }
}

impl Default for Ruleset {
    fn default() -> Self {
        Ruleset::modern_work()
    }
}

/// The rules Business Applications' downloads are read with: those of the
/// first area whose metrics are fed from them.
pub(crate) fn bizapps_rules(rulesets: &[Ruleset]) -> Option<&crate::bizapps::Rules> {
    rulesets.iter().find_map(Ruleset::bizapps)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_ruleset_loads_and_resolves_spellings() {
        let r = Ruleset::modern_work();
        let id = |a: Option<u8>| a.map(|i| r.data.associations[i as usize].id.as_str());
        assert_eq!(id(r.association("CSP Tier1")), Some("CSP"));
        assert_eq!(id(r.association("csp t1")), Some("CSP"));
        assert_eq!(id(r.association("Indirect reseller")), Some("CSP"));
        assert_eq!(id(r.association("Claiming partner of record")), Some("CPOR"));
        assert_eq!(id(r.association("Partner of record")), Some("DPOR"));
        assert_eq!(r.association("PAL"), None);
        assert_eq!(r.other_association("Partner admin link"), Some("PAL"));
        assert_eq!(r.other_association("Something else"), None);
        let w = |t: &str| r.workload(t).map(|i| r.data.workloads[i as usize].id.as_str());
        assert_eq!(w("TeamsMeetings"), Some("Teams Meetings"));
        assert_eq!(w("EXO"), Some("Exchange Online"));
        assert_eq!(w("SPO"), Some("SharePoint Online"));
        assert_eq!(w("W365"), Some("Windows 365"));
        assert_eq!(w("AADP1"), Some("Microsoft Entra ID P1"));
        assert_eq!(w("Entra ID P1"), Some("Microsoft Entra ID P1"));
        assert_eq!(w("Copilot"), Some("Microsoft 365 Copilot"));
        assert_eq!(w("Teams Platform"), Some("Teams Apps"));
        assert_eq!(w("Teams Calling 1p"), Some("Teams Phone calling"));
        assert_eq!(w("Teams Phone Enabled Users"), Some("Teams Phone Enabled Users"));
        assert_eq!(w("ProPlus"), Some("Microsoft 365 Apps"));
        assert_eq!(w("Yammer"), Some("Viva Engage"));
        assert_eq!(w("Azure"), None);
        let cert = |t: &str| r.certification(t).map(|i| r.certification_data(i).id.as_str());
        assert_eq!(cert("MS-102"), Some("MS-102"));
        assert_eq!(cert("Microsoft 365 Certified: Administrator Expert"), Some("MS-102"));
        assert_eq!(cert("Enterprise Administrator Expert"), Some("MS-102"));
        assert_eq!(cert("microsoft certified: identity and access administrator associate"), Some("SC-300"));
        assert_eq!(
            cert("Microsoft 365 Certified: Copilot and Agent Administration Fundamentals"),
            Some("copilot-agent-administration-fundamentals")
        );
        assert_eq!(r.certification("MS-102").and_then(|i| r.lists_of(i).next()), Some("advanced"));
        assert!(r.certification("MS-203").is_some_and(|i| r.is_dropped(i)));
        assert_eq!(
            r.certification("MS-900").and_then(|i| r.eligible_through(i)).map(|d| d.to_string()).as_deref(),
            Some("2027-03-31")
        );
        // Spellings beyond the list: an acronym in parentheses, a brand prefix.
        assert_eq!(id(r.association("Digital Partner of Record (DPOR)")), Some("DPOR"));
        assert_eq!(id(r.association("CPOR (Claiming partner of record)")), Some("CPOR"));
        assert_eq!(w("Microsoft Viva Insights"), Some("Viva Insights"));
        assert_eq!(w("Exchange Online (EXO)"), Some("Exchange Online"));
        assert_eq!(w("Microsoft"), None);
        // An exam code is a certification's spelling only as the whole title;
        // a longer title holding one names the exam.
        assert_eq!(cert("AB-100"), Some("agentic-ai-business-solutions-architect"));
        assert_eq!(cert("Exam MS-102 (Microsoft 365 Administrator)"), None);
        assert_eq!(cert("Exam AB-100: Agentic AI Business Solutions Architect"), None);
        assert_eq!(cert("Microsoft Azure Administrator (AZ-104)"), None);
        assert_eq!(cert("Microsoft Certified: Azure Administrator Associate (AZ-104)"), Some("AZ-104"));
        // The catalogue knows every area's certifications; Modern Work's lists do not hold AZ-104.
        let az104 = r.certification("AZ-104").unwrap();
        assert_eq!(r.lists_of(az104).count(), 0);
        assert_eq!(r.certification("AZ-104: Azure Administrator"), None);
        assert!(r.certification("Underwater Basket Weaving").is_none());
    }

    #[test]
    fn every_embedded_ruleset_loads_and_totals_100() {
        let rulesets = Ruleset::embedded();
        let ids: Vec<&str> = rulesets.iter().map(|r| r.data.id.as_str()).collect();
        // An area is embedded with its data model's cargo feature (build.rs).
        let built = [
            ("modern-work", true),
            ("security", cfg!(feature = "security")),
            ("data-ai", cfg!(feature = "azure")),
            ("infrastructure", cfg!(feature = "azure")),
            ("digital-app-innovation", cfg!(feature = "azure")),
            ("business-applications", cfg!(feature = "bizapps")),
        ];
        let expected: Vec<&str> = built.iter().filter(|(_, on)| *on).map(|(id, _)| *id).collect();
        assert_eq!(ids, expected);
        for r in &rulesets {
            for track in &r.data.tracks {
                let total: u32 = track.metrics.values().map(MetricRule::max).sum();
                assert_eq!(total, 100, "{} {}", r.data.id, track.id);
            }
            assert!(r.data.published.is_some(), "{}", r.data.id);
        }
        // One catalogue: a certification is found the same way in every area.
        let pl300 = |r: &Ruleset| r.certification("PL-300").map(|i| r.certification_data(i).id.clone());
        assert!(rulesets.iter().all(|r| pl300(r).as_deref() == Some("PL-300")));
    }

    #[test]
    fn the_reader_names_what_is_wrong() {
        let err = |json: &str| Ruleset::from_json(json).unwrap_err().to_string().replacen("invalid ruleset: ", "", 1);
        assert_eq!(err(&DEFAULT_JSON.replacen("\"version\":", "\"versio\":", 1)), "missing field `version`");
        let text = DEFAULT_JSON.replacen("\"max\":20,\"threshold\":5", "\"max\":\"20\",\"threshold\":5", 1);
        let error = err(&text);
        assert!(error.starts_with("tracks[0].metrics."), "{error}");
        assert!(error.ends_with(".max: expected a whole number, found a string"), "{error}");
        let twice = DEFAULT_JSON.replacen("\"version\":", "\"id\":\"x\",\"version\":", 1);
        assert_eq!(err(&twice), "id: duplicate field `id`");
        let kind = DEFAULT_JSON.replacen("\"rule\":\"best\"", "\"rule\":\"worst\"", 1);
        assert_eq!(err(&kind), "trackChoice.rule: unknown variant `worst`, expected `best` or `classified`");
        assert!(err(&DEFAULT_JSON[..DEFAULT_JSON.len() - 1]).starts_with("expected `,` or `}` at line 1 column"));
    }

    #[test]
    fn a_rulesets_data_is_kept_as_written() {
        // The `data` a model reads is kept as written.
        let with_data = DEFAULT_JSON.replacen("{", "{\"data\":{\"a\": [1, 2]},", 1);
        let read = RulesetData::from_json(&with_data).unwrap();
        assert_eq!(read.data.as_deref(), Some("{\"a\": [1, 2]}"));
        let error = RulesetData::from_json("{\"id\": 1}").unwrap_err().to_string();
        assert!(error.ends_with("id: expected a string, found a number"), "{error}");
    }

    #[test]
    fn bands_have_no_gaps() {
        let smb = Band { over: 10, up_to: Some(300) };
        let ent = Band { over: 300, up_to: None };
        for (pau, in_smb, in_ent) in [
            (1000, false, false),
            (1001, true, false),
            (1100, true, false),
            (30000, true, false),
            (30001, false, true),
            (30100, false, true),
        ] {
            assert_eq!(smb.contains(pau), in_smb, "{pau}");
            assert_eq!(ent.contains(pau), in_ent, "{pau}");
        }
    }

    #[test]
    fn bad_rulesets_are_errors() {
        assert!(Ruleset::from_json("{").is_err());
        let zero = DEFAULT_JSON.replacen("\"max\":20,\"threshold\":5", "\"max\":20,\"threshold\":0", 1);
        assert!(Ruleset::from_json(&zero).unwrap_err().to_string().contains("threshold"));
        let mut data = RulesetData::clone(&Ruleset::modern_work().data);
        data.tracks[1].customer_associations.push("XYZ".into());
        assert!(Ruleset::new(data).unwrap_err().to_string().contains("XYZ"));
    }
}
