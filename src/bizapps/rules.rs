//! The Business Applications ruleset's `data`, read and checked once:
//! thresholds, association types, workloads, the rate card and which usage
//! number counts (business-applications.md sections 2 to 9). Every number
//! and list is the ruleset's; this module only gives them types.

use super::Units;
use crate::json::{At, Number};
use crate::report::Keyed;
use crate::text::{add_spellings, fold, fold_all, Spellings};

/// Association type index into [`Rules::associations`].
pub type AssociationId = u8;
/// Index into [`Rules::workloads`] (net customer adds workloads).
pub type WorkloadId = u16;
/// Index into [`Rules::lines`] (rate-card lines).
pub type LineId = u8;

/// The usage numbers a bizapps usage download has, by the names the
/// ruleset's `usageColumns` use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UsageColumn {
    Pamau,
    Mac,
    Mau,
}

impl UsageColumn {
    pub const ALL: [UsageColumn; 3] = [UsageColumn::Pamau, UsageColumn::Mac, UsageColumn::Mau];

    pub fn name(self) -> &'static str {
        match self {
            UsageColumn::Pamau => "PAMAU",
            UsageColumn::Mac => "MAC",
            UsageColumn::Mau => "MAU",
        }
    }
}

/// A money or consumption figure as the ruleset writes it (`5000`, `0.2`),
/// kept to millionths without float formatting.
#[derive(Clone, Copy, Debug, Default)]
struct Micro(i64);

impl Micro {
    /// A number, as serde_json read them before: a whole one exactly, any
    /// other as a double rounded to millionths; at most 1e9 either way.
    fn read(at: At<'_, '_>) -> Micro {
        let micro = match at.number() {
            None => return Micro(0),
            Some(Number::Whole(n)) => n.checked_mul(1_000_000).filter(|m| m.abs() <= 1_000_000_000_000_000),
            Some(Number::TooLarge) => None,
            Some(Number::Double(f)) => {
                Some((f * 1e6).round()).filter(|m| m.is_finite() && m.abs() <= 1e15).map(|m| m as i64)
            }
        };
        micro.map(Micro).unwrap_or_else(|| {
            at.fail("the number is too large");
            Micro(0)
        })
    }

    /// In the model's units (1e-8).
    fn units(self) -> Units {
        Units::from(self.0) * 100
    }
}

/// The ruleset's `data` as written.
struct Written {
    classification: WrittenClassification,
    pair_revenue_at_least: Keyed<Micro>,
    deployment_mcv_at_least: Keyed<Micro>,
    /// Pairs this close to a deployment (percent of the threshold) are
    /// shown with what they miss; 0 shows every pair with consumption.
    deployment_within_reach_percent: u32,
    associations: Vec<Entry>,
    net_customer_adds_associations: Vec<String>,
    usage_associations: Keyed<Vec<String>>,
    net_customer_adds_workloads: Vec<Entry>,
    dropped_net_customer_adds_workloads: Vec<String>,
    rate_card: Vec<Entry>,
    usage_columns: Keyed<Vec<String>>,
    trial_metric_type_words: Vec<String>,
    paid_only: bool,
    claim_types: WrittenClaimTypes,
}

/// Partner Center's claim-type names for association types (inputs.md
/// section 9); none in a ruleset written before them.
#[derive(Default)]
struct WrittenClaimTypes {
    /// (name, association type id).
    names: Vec<(String, String)>,
    prefixes: Vec<String>,
    suffixes: Vec<String>,
}

#[derive(Default)]
struct WrittenClassification {
    /// The track of a partner with enough pairs.
    track: String,
    /// The track otherwise.
    otherwise: String,
    enterprise_pairs_at_least: u32,
    pair_revenue_above: Micro,
    /// `M`, `M-12`: the months a pair must be above in.
    months: Vec<String>,
}

/// An association type, a workload or a rate-card line as written: one
/// reader for the three.
struct Entry {
    id: String,
    spellings: Vec<String>,
    /// Association types: CPOR without its sub-type.
    bare: bool,
    /// Rate-card lines: consumption value per unit, the unit, the family
    /// whose association types count.
    rate: Option<Micro>,
    unit: Option<String>,
    family: Option<String>,
}

impl Written {
    fn read(at: At<'_, '_>) -> Written {
        let o = at.object();
        let entries = |at: At<'_, '_>| at.list(Entry::read);
        let keyed_micro = |key: &str| Keyed(o.keyed(key, Micro::read));
        let keyed_strings = |key: &str| Keyed(o.keyed(key, |at| at.strings()));
        Written {
            classification: o.get("classification", |at| {
                let c = at.object();
                WrittenClassification {
                    track: c.string("track"),
                    otherwise: c.string("otherwise"),
                    enterprise_pairs_at_least: c.u32("enterprisePairsAtLeast"),
                    pair_revenue_above: c.get("pairRevenueAbove", Micro::read),
                    months: c.get("months", |at| at.strings()),
                }
            }),
            pair_revenue_at_least: keyed_micro("pairRevenueAtLeast"),
            deployment_mcv_at_least: keyed_micro("deploymentMcvAtLeast"),
            deployment_within_reach_percent: o.u32_or_default("deploymentWithinReachPercent"),
            associations: o.get("associations", entries),
            net_customer_adds_associations: o.get("netCustomerAddsAssociations", |at| at.strings()),
            usage_associations: keyed_strings("usageAssociations"),
            net_customer_adds_workloads: o.get("netCustomerAddsWorkloads", entries),
            dropped_net_customer_adds_workloads: o.strings_or_default("droppedNetCustomerAddsWorkloads"),
            rate_card: o.get("rateCard", entries),
            usage_columns: keyed_strings("usageColumns"),
            trial_metric_type_words: o.strings_or_default("trialMetricTypeWords"),
            paid_only: o.bool_or_default("paidOnly"),
            claim_types: o.or_default("claimTypes", |at| {
                let c = at.object();
                let name = |at: At<'_, '_>| {
                    let n = at.object();
                    (n.string("name"), n.string("association"))
                };
                WrittenClaimTypes {
                    names: c.get("names", |at| at.list(name)),
                    prefixes: c.strings_or_default("prefixes"),
                    suffixes: c.strings_or_default("suffixes"),
                }
            }),
        }
    }
}

impl Entry {
    fn read(at: At<'_, '_>) -> Entry {
        let o = at.object();
        Entry {
            id: o.string("id"),
            spellings: o.strings_or_default("spellings"),
            bare: o.bool_or_default("bare"),
            rate: o.opt("rate", Micro::read),
            unit: o.opt_string("unit"),
            family: o.opt_string("family"),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Association {
    pub id: String,
    /// CPOR without its sub-type: counted, with a warning.
    pub bare: bool,
}

/// A rate-card line: a workload's consumption value per unit of usage.
#[derive(Clone, Debug)]
pub struct Line {
    pub id: String,
    /// Consumption value per user (or profile), in millionths.
    pub rate_micro: i64,
    /// `MAU`, `profiles`.
    pub unit: String,
    /// Association types whose usage counts for the line's family.
    pub associations: u32,
    /// The usage numbers read for it, the first filled one counting.
    pub columns: Vec<UsageColumn>,
}

/// The classification (business-applications.md section 2).
#[derive(Clone, Debug)]
pub struct ClassRule {
    pub track: String,
    pub otherwise: String,
    pub pairs_at_least: u32,
    pub revenue_above: Units,
    /// Months before M the revenue must be above in (0 = M, 12 = B).
    pub months_before: Vec<u32>,
}

/// Business Applications' data rules, checked.
#[derive(Clone, Debug)]
pub struct Rules {
    pub classification: ClassRule,
    pair_revenue_at_least: Vec<(String, Units)>,
    deployment_at_least: Vec<(String, Units)>,
    pub within_reach_percent: u32,
    pub associations: Vec<Association>,
    association_keys: Spellings,
    /// Bit per association type counting for net customer adds.
    pub nca_associations: u32,
    pub workloads: Vec<String>,
    workload_keys: Spellings,
    dropped: Vec<String>,
    pub lines: Vec<Line>,
    line_keys: Spellings,
    trial_words: Vec<String>,
    /// Claim-type names (folded) to the association type they are read as.
    claim_types: Vec<(String, AssociationId)>,
    /// What a claim-type name may carry around it, folded.
    claim_prefixes: Vec<String>,
    claim_suffixes: Vec<String>,
}

/// How a spelling is compared: case, spaces and punctuation aside, with or
/// without a leading "Microsoft" or "Dynamics 365".
fn keys(text: &str) -> impl Iterator<Item = String> {
    let folded = fold(text);
    let mut out = vec![folded.clone()];
    let mut rest = folded.as_str();
    for prefix in ["microsoft", "dynamics365"] {
        if let Some(r) = rest.strip_prefix(prefix).filter(|r| !r.is_empty()) {
            rest = r;
            out.push(r.to_string());
        }
    }
    out.into_iter()
}

/// Every spelling (and the id) of each entry, folded, to the entry.
fn table(entries: &[Entry]) -> Spellings {
    let mut out = Spellings::new();
    for (i, e) in entries.iter().enumerate() {
        add_spellings(&mut out, i, &e.id, &e.spellings);
    }
    out
}

/// The bits of the association types `ids` name.
fn mask(associations: &[Entry], ids: &[String]) -> Result<u32, String> {
    let mut mask = 0;
    for id in ids {
        match associations.iter().position(|a| a.id == *id) {
            Some(i) => mask |= 1 << i,
            None => return Err(format!("unknown association type {id}")),
        }
    }
    Ok(mask)
}

fn find(table: &Spellings, text: &str) -> Option<usize> {
    keys(text).find_map(|k| table.get(&k).copied())
}

/// What checking the written rules computes; checked by borrowing, so that
/// a failed check drops only these, not every field of what was written.
struct Checked {
    nca_associations: u32,
    claim_types: Vec<(String, AssociationId)>,
    lines: Vec<Line>,
    months_before: Vec<u32>,
    pair_revenue_at_least: Vec<(String, Units)>,
    deployment_at_least: Vec<(String, Units)>,
}

impl Checked {
    /// The checks in the order they are told: the first broken one is the error.
    fn of(w: &Written, tracks: &[&str]) -> Result<Checked, String> {
        if w.associations.len() > 32 {
            return Err("at most 32 association types".into());
        }
        if w.net_customer_adds_workloads.len() > usize::from(WorkloadId::MAX) || w.rate_card.len() > 255 {
            return Err("too many workloads or rate-card lines".into());
        }
        let mask = |ids: &[String]| mask(&w.associations, ids);
        let nca_associations = mask(&w.net_customer_adds_associations)?;
        let mut claim_types = Vec::with_capacity(w.claim_types.names.len());
        for (name, id) in &w.claim_types.names {
            let Some(i) = w.associations.iter().position(|a| a.id == *id) else {
                return Err(format!("claim type {name}: unknown association type {id}"));
            };
            claim_types.push((fold(name), i as AssociationId));
        }
        let column = |name: &String| {
            UsageColumn::ALL
                .into_iter()
                .find(|c| fold(c.name()) == fold(name))
                .ok_or(format!("unknown usage column {name} (the columns are PAMAU, MAC, MAU)"))
        };
        let default_columns = w.usage_columns.get("default").ok_or("usageColumns needs \"default\"")?;
        let mut lines = Vec::with_capacity(w.rate_card.len());
        for line in &w.rate_card {
            let (Some(rate), Some(unit), Some(family)) = (line.rate, &line.unit, &line.family) else {
                return Err(format!("rate-card line {} needs rate, unit and family", line.id));
            };
            if rate.0 <= 0 || rate.0 > 1_000_000_000_000 {
                return Err(format!("rate-card line {}: the rate must be above 0 and at most 1,000,000", line.id));
            }
            let columns = w.usage_columns.get(family).unwrap_or(default_columns);
            let family = (w.usage_associations.get(family))
                .ok_or(format!("rate-card line {}: family {family} has no usageAssociations", line.id))?;
            let associations = mask(family)?;
            let mut read = Vec::with_capacity(columns.len());
            for name in columns {
                read.push(column(name)?);
            }
            lines.push(Line {
                id: line.id.clone(),
                rate_micro: rate.0,
                unit: unit.clone(),
                associations,
                columns: read,
            });
        }
        let c = &w.classification;
        for track in [&c.track, &c.otherwise] {
            if !tracks.contains(&track.as_str()) {
                return Err(format!("the classification names unknown track {track}"));
            }
        }
        let mut months_before = Vec::with_capacity(c.months.len());
        for m in &c.months {
            months_before.push(self::months_before(m)?);
        }
        let per_track = |written: &Keyed<Micro>, what: &str| -> Result<Vec<(String, Units)>, String> {
            if let Some(t) = tracks.iter().find(|t| written.get(t).is_none()) {
                return Err(format!("{what} has no figure for track {t}"));
            }
            let mut out = Vec::with_capacity(written.0.len());
            for (t, v) in &written.0 {
                out.push((t.clone(), v.units()));
            }
            Ok(out)
        };
        let pair_revenue_at_least = per_track(&w.pair_revenue_at_least, "pairRevenueAtLeast")?;
        let deployment_at_least = per_track(&w.deployment_mcv_at_least, "deploymentMcvAtLeast")?;
        Ok(Checked { nca_associations, claim_types, lines, months_before, pair_revenue_at_least, deployment_at_least })
    }
}

impl Rules {
    /// Reads the ruleset's `data` (JSON text) for an area with tracks
    /// `tracks`; `Err` says what is wrong.
    pub fn from_json(json: &str, tracks: &[&str]) -> Result<Rules, String> {
        let w = crate::json::read_named(json, "", Written::read)?;
        let checked = Checked::of(&w, tracks)?;
        Ok(Rules::build(w, checked))
    }

    fn build(w: Written, checked: Checked) -> Rules {
        let c = w.classification;
        Rules {
            classification: ClassRule {
                track: c.track,
                otherwise: c.otherwise,
                pairs_at_least: c.enterprise_pairs_at_least,
                revenue_above: c.pair_revenue_above.units(),
                months_before: checked.months_before,
            },
            pair_revenue_at_least: checked.pair_revenue_at_least,
            deployment_at_least: checked.deployment_at_least,
            within_reach_percent: w.deployment_within_reach_percent.min(100),
            association_keys: table(&w.associations),
            associations: w.associations.into_iter().map(|a| Association { id: a.id, bare: a.bare }).collect(),
            nca_associations: checked.nca_associations,
            workload_keys: table(&w.net_customer_adds_workloads),
            workloads: w.net_customer_adds_workloads.into_iter().map(|n| n.id).collect(),
            dropped: fold_all(&w.dropped_net_customer_adds_workloads),
            lines: checked.lines,
            line_keys: table(&w.rate_card),
            trial_words: if w.paid_only { fold_all(&w.trial_metric_type_words) } else { vec![] },
            claim_types: checked.claim_types,
            claim_prefixes: fold_all(&w.claim_types.prefixes),
            claim_suffixes: fold_all(&w.claim_types.suffixes),
        }
    }

    pub fn association(&self, text: &str) -> Option<AssociationId> {
        find(&self.association_keys, text).map(|i| i as AssociationId)
    }
    /// The association type a claim-type name is read as: the name as a
    /// whole, case, space and punctuation aside, with or without one of the
    /// ruleset's prefixes (`CPOR`) and suffixes (`Non Incentivised`).
    pub fn claim_type(&self, text: &str) -> Option<AssociationId> {
        let folded = fold(text);
        let mut name = folded.as_str();
        if let Some(rest) = self.claim_prefixes.iter().find_map(|p| name.strip_prefix(p.as_str())) {
            name = rest;
        }
        if let Some(rest) = self.claim_suffixes.iter().find_map(|s| name.strip_suffix(s.as_str())) {
            name = rest;
        }
        self.claim_types.iter().find(|(n, _)| n == name).map(|&(_, a)| a)
    }
    /// A net customer adds workload.
    pub fn workload(&self, text: &str) -> Option<WorkloadId> {
        find(&self.workload_keys, text).map(|i| i as WorkloadId)
    }
    /// A workload no longer on the net customer adds list (Marketing).
    pub fn is_dropped(&self, text: &str) -> bool {
        keys(text).any(|k| self.dropped.contains(&k))
    }
    /// The rate-card line a usage workload is read as (renamed products too).
    pub fn line(&self, text: &str) -> Option<LineId> {
        find(&self.line_keys, text).map(|i| i as LineId)
    }
    /// A `MetricType` that says trial (only paid subscriptions count).
    pub fn is_trial(&self, metric_type: &str) -> bool {
        let folded = fold(metric_type);
        self.trial_words.iter().any(|w| folded.contains(w.as_str()))
    }
    pub fn counts_for_adds(&self, association: AssociationId) -> bool {
        self.nca_associations & 1 << association != 0
    }
    pub fn counts_for_usage(&self, line: LineId, association: AssociationId) -> bool {
        self.lines.get(usize::from(line)).is_some_and(|l| l.associations & 1 << association != 0)
    }
    /// Revenue a pair needs in a month to count on `track`.
    pub fn pair_revenue_at_least(&self, track: &str) -> Option<Units> {
        self.pair_revenue_at_least.iter().find(|(t, _)| t == track).map(|&(_, v)| v)
    }
    /// Consumption value a pair needs in a month to be a deployment on `track`.
    pub fn deployment_at_least(&self, track: &str) -> Option<Units> {
        self.deployment_at_least.iter().find(|(t, _)| t == track).map(|&(_, v)| v)
    }
    /// The tracks with their figures, in the ruleset's order.
    pub fn tracks(&self) -> impl Iterator<Item = &str> {
        self.pair_revenue_at_least.iter().map(|(t, _)| t.as_str())
    }
}

/// `M` = 0, `M-12` = 12.
fn months_before(text: &str) -> Result<u32, String> {
    let bad = || format!("classification month {text}: expected M or M-n");
    let rest = text.trim().strip_prefix('M').ok_or_else(bad)?;
    if rest.is_empty() {
        return Ok(0);
    }
    rest.strip_prefix('-').and_then(|n| n.parse().ok()).filter(|&n: &u32| n <= 120).ok_or_else(bad)
}

// The embedded Business Applications ruleset is there with the feature only.
#[cfg(all(test, feature = "bizapps"))]
mod tests {
    use crate::ruleset::Ruleset;

    fn rules() -> Ruleset {
        Ruleset::embedded().into_iter().find(|r| r.data.id == "business-applications").unwrap()
    }

    #[test]
    fn the_embedded_rules_resolve_spellings_and_renamed_products() {
        let ruleset = rules();
        let r = ruleset.bizapps().unwrap();
        let line = |t: &str| r.line(t).map(|l| r.lines[usize::from(l)].id.as_str());
        assert_eq!(line("Sales"), Some("Customer Engagement (Common Data Service)"));
        assert_eq!(line("Dynamics 365 Field Service"), Some("Customer Engagement (Common Data Service)"));
        assert_eq!(line("Power Pages"), Some("Portals"));
        assert_eq!(line("Commerce"), Some("Retail"));
        assert_eq!(line("human resources"), Some("Core HR"));
        assert_eq!(line("Microsoft Power BI"), Some("Power BI"));
        assert_eq!(line("Supply Chain"), None);
        let association = |t: &str| r.association(t).map(|a| r.associations[usize::from(a)].id.as_str());
        assert_eq!(association("CSP T1"), Some("CSP Tier 1"));
        assert_eq!(association("RevRec"), Some("CPOR RevRec"));
        assert_eq!(association("OSU"), Some("CPOR OSU"));
        assert_eq!(association("Transacting partner of record"), None);
        // Partner Center's claim-type names, whole, with their prefix and suffix.
        let claim = |t: &str| r.claim_type(t).map(|a| r.associations[usize::from(a)].id.as_str());
        assert_eq!(claim("Influenced Revenue Recognition"), Some("CPOR RevRec"));
        assert_eq!(claim("Influenced Revenue Recognition – Non Incentivised"), Some("CPOR RevRec"));
        assert_eq!(claim("CPOR - Usage Recognition (Non-Incentivized)"), Some("CPOR OSU"));
        assert_eq!(claim("Build Intent – Advisor (Pre-sales)"), None);
        assert_eq!(claim("Usage Recognition Bonus"), None);
        assert_eq!(association("Usage Recognition"), None);
        let bare = r.association("CPOR").unwrap();
        assert!(r.associations[usize::from(bare)].bare && r.counts_for_adds(bare));
        assert!(!r.counts_for_adds(r.association("PAL").unwrap()));
        assert!(!r.counts_for_adds(r.association("CPOR OSU").unwrap()));
        let power_apps = r.line("Power Apps").unwrap();
        assert!(r.counts_for_usage(power_apps, r.association("PAL").unwrap()));
        assert!(!r.counts_for_usage(power_apps, r.association("CSP T1").unwrap()));
        assert!(r.counts_for_usage(r.line("Finance").unwrap(), r.association("DPOR").unwrap()));
        assert!(r.workload("Human Resources").is_some() && r.workload("Marketing").is_none());
        assert!(r.is_dropped("Marketing") && !r.is_dropped("Sales"));
        assert!(r.is_trial("Trial") && r.is_trial("Paid trial") && !r.is_trial("Paid"));
        assert_eq!(r.classification.months_before, [0, 12]);
        assert_eq!((r.classification.track.as_str(), r.classification.otherwise.as_str()), ("enterprise", "smb"));
        assert_eq!(r.pair_revenue_at_least("smb"), Some(250 * super::super::UNIT));
    }

    #[test]
    fn bad_data_is_a_ruleset_error() {
        let mut embedded = crate::ruleset::EMBEDDED.iter().copied();
        let json = embedded.find(|json| json.starts_with("{\"id\":\"business-applications\"")).unwrap();
        for (from, to, says) in [
            ("\"rate\":0.2", "\"rate\":0", "the rate must be above 0"),
            ("\"powerPlatform\":[\"PAL\"]", "\"powerPlatform\":[\"XYZ\"]", "unknown association type XYZ"),
            ("\"default\":[\"PAMAU\",\"MAU\"]", "\"default\":[\"PAU\"]", "unknown usage column PAU"),
            ("\"otherwise\":\"smb\"", "\"otherwise\":\"small\"", "unknown track small"),
            ("\"smb\":250}", "\"small\":250}", "pairRevenueAtLeast has no figure for track smb"),
        ] {
            assert!(json.contains(from), "{from}");
            let err = Ruleset::from_json(&json.replacen(from, to, 1)).unwrap_err();
            assert!(err.to_string().contains(says), "{err}");
        }
    }
}
