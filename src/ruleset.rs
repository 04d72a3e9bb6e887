//! The rules as data: thresholds, weights, bands, spellings, certifications.
//!
//! Microsoft changes these without notice, so none of them is code. The
//! default ruleset is embedded from `rulesets/modern-work.json`; a newer one
//! can be loaded from JSON of the same shape.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;

/// The embedded default ruleset, as written (also what `defaultRuleset()` returns).
pub const DEFAULT_JSON: &str = include_str!("../rulesets/modern-work.json");

/// The ruleset as written in JSON.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RulesetData {
    pub id: String,
    pub version: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub source: String,
    pub qualification: Qualification,
    pub deployment_ratio_percent: u32,
    #[serde(default)]
    pub categories: Vec<Category>,
    pub tracks: Vec<TrackRules>,
    pub associations: Vec<Association>,
    /// Association types that count on no track, so that their spellings
    /// are reported under one name.
    #[serde(default)]
    pub other_associations: Vec<Association>,
    pub workloads: Vec<Workload>,
    pub certifications: Vec<Certification>,
    #[serde(default)]
    pub window: Window,
    #[serde(default)]
    pub decisions: Vec<Decision>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Qualification {
    pub min_total: u32,
    pub every_metric_above_zero: bool,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Category {
    pub id: String,
    pub label: String,
    pub metrics: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TrackRules {
    pub id: String,
    pub label: String,
    pub band: Band,
    /// Association types whose tenants count for net customer adds.
    pub customer_associations: Vec<String>,
    pub metrics: TrackMetrics,
    /// Tenants this many seats or fewer below the band are shown as "add
    /// seats" actions; 0 turns them off.
    #[serde(default)]
    pub near_band_seats: u32,
}

/// A customer size band on paid units: `over < PAU <= upTo`.
#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Band {
    pub over: u32,
    #[serde(default)]
    pub up_to: Option<u32>,
}

impl Band {
    /// `pau` in hundredths.
    pub fn contains(self, pau_hundredths: u32) -> bool {
        let pau = u64::from(pau_hundredths);
        pau > u64::from(self.over) * 100 && self.up_to.is_none_or(|up| pau <= u64::from(up) * 100)
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TrackMetrics {
    pub net_customer_adds: Simple,
    pub intermediate_certifications: Simple,
    pub advanced_certifications: Simple,
    pub usage_growth: Optioned,
    pub deployments: Optioned,
}

/// A metric earning `max` points at `threshold` units, pro rata below.
#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Simple {
    pub max: u32,
    pub threshold: u32,
}

/// A metric scored per association option; the best option counts.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Optioned {
    pub max: u32,
    pub options: Vec<MetricOption>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MetricOption {
    pub association: String,
    pub threshold: u32,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Association {
    pub id: String,
    #[serde(default)]
    pub label: String,
    pub spellings: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Workload {
    pub id: String,
    pub spellings: Vec<String>,
    #[serde(default = "yes")]
    pub confirmed: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Level {
    Intermediate,
    Advanced,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Certification {
    pub name: String,
    pub level: Level,
    #[serde(default)]
    pub retired: bool,
    #[serde(default)]
    pub spellings: Vec<String>,
}

/// The qualification window of spec section 7.
#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
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
#[derive(Clone, Debug, Deserialize)]
pub struct Decision {
    pub id: String,
    pub text: String,
}

fn yes() -> bool {
    true
}

/// Case-, space- and punctuation-insensitive form used for every lookup:
/// `Teams Meetings`, `TeamsMeetings` and `teams-meetings` are one name.
pub fn fold(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Looks a name up by its folded form; failing that, by the part in
/// parentheses (`Digital Partner of Record (DPOR)`), by the part before
/// them, or without a leading "Microsoft" (`Microsoft Viva Insights`).
fn lookup<'a, V>(table: &'a HashMap<String, V>, text: &str) -> Option<&'a V> {
    let folded = fold(text);
    if let Some(found) = table.get(&folded) {
        return Some(found);
    }
    let inside = text.split_once('(').and_then(|(_, rest)| rest.split_once(')')).map(|(inside, _)| inside);
    let before = text.split_once('(').map(|(before, _)| before);
    let candidates = [inside, before].into_iter().flatten().map(fold);
    let without_brand = folded.strip_prefix("microsoft").filter(|rest| !rest.is_empty()).map(str::to_string);
    candidates.chain(without_brand).find_map(|key| table.get(&key))
}

/// Why a ruleset could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RulesetError(pub String);

impl fmt::Display for RulesetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid ruleset: {}", self.0)
    }
}

impl std::error::Error for RulesetError {}

/// A validated ruleset with its lookup tables.
#[derive(Clone, Debug)]
pub struct Ruleset {
    pub data: RulesetData,
    associations: HashMap<String, u8>,
    workloads: HashMap<String, u8>,
    certifications: HashMap<String, usize>,
    /// Per track, per association index: does the association count for
    /// net customer adds (and so for eligibility) on that track?
    customer_masks: Vec<u32>,
}

/// Index of an association type in `RulesetData::associations`.
pub type AssociationId = u8;
/// Index of a workload in `RulesetData::workloads`.
pub type WorkloadId = u8;

impl Ruleset {
    /// The embedded Modern Work ruleset.
    pub fn modern_work() -> Ruleset {
        // The embedded JSON is checked by the test suite, so this cannot fail
        // in a released build; fall back to a panic-free error path anyway.
        Ruleset::from_json(DEFAULT_JSON).unwrap_or_else(|e| unreachable!("embedded ruleset: {e}"))
    }

    pub fn from_json(json: &str) -> Result<Ruleset, RulesetError> {
        let data: RulesetData = serde_json::from_str(json).map_err(|e| RulesetError(e.to_string()))?;
        Ruleset::new(data)
    }

    pub fn new(data: RulesetData) -> Result<Ruleset, RulesetError> {
        let err = |msg: String| Err(RulesetError(msg));
        if data.associations.len() > 32 || data.workloads.len() > 255 || data.tracks.len() > 8 {
            return err("at most 32 associations, 255 workloads and 8 tracks".into());
        }
        if data.tracks.is_empty() {
            return err("no tracks".into());
        }
        let mut associations = HashMap::new();
        for (i, a) in data.associations.iter().enumerate() {
            for s in a.spellings.iter().chain([&a.id]) {
                associations.insert(fold(s), i as u8);
            }
        }
        let mut workloads = HashMap::new();
        for (i, w) in data.workloads.iter().enumerate() {
            for s in w.spellings.iter().chain([&w.id]) {
                workloads.insert(fold(s), i as u8);
            }
        }
        let mut certifications = HashMap::new();
        for (i, c) in data.certifications.iter().enumerate() {
            for s in c.spellings.iter().chain([&c.name]) {
                certifications.insert(fold(s), i);
            }
        }
        let index_of = |id: &str| data.associations.iter().position(|a| a.id == id);
        let mut customer_masks = Vec::new();
        for track in &data.tracks {
            let mut mask = 0u32;
            for id in &track.customer_associations {
                match index_of(id) {
                    Some(i) => mask |= 1 << i,
                    None => return err(format!("track {} names unknown association {id}", track.id)),
                }
            }
            customer_masks.push(mask);
            let m = &track.metrics;
            let simple = [&m.net_customer_adds, &m.intermediate_certifications, &m.advanced_certifications];
            let options = m.usage_growth.options.iter().chain(&m.deployments.options);
            if simple.iter().any(|s| s.threshold == 0) || options.clone().any(|o| o.threshold == 0) {
                return err(format!("track {}: every threshold must be above zero", track.id));
            }
            if let Some(o) = options.clone().find(|o| index_of(&o.association).is_none()) {
                return err(format!("track {} names unknown association {}", track.id, o.association));
            }
            if m.usage_growth.options.is_empty() || m.deployments.options.is_empty() {
                return err(format!("track {}: usage growth and deployments need options", track.id));
            }
        }
        Ok(Ruleset { data, associations, workloads, certifications, customer_masks })
    }

    pub fn association(&self, text: &str) -> Option<AssociationId> {
        lookup(&self.associations, text).copied()
    }
    /// The name of an association type that counts on no track (`PAL` for
    /// `Partner admin link`).
    pub fn other_association(&self, text: &str) -> Option<&str> {
        let folded = fold(text);
        let known =
            self.data.other_associations.iter().find(|a| a.spellings.iter().chain([&a.id]).any(|s| fold(s) == folded));
        known.map(|a| a.id.as_str())
    }
    pub fn association_index(&self, id: &str) -> Option<AssociationId> {
        self.data.associations.iter().position(|a| a.id == id).map(|i| i as u8)
    }
    pub fn workload(&self, text: &str) -> Option<WorkloadId> {
        lookup(&self.workloads, text).copied()
    }
    /// A certification by name, spelling or an exam code in the text
    /// (`MS-102: Microsoft 365 Administrator`).
    pub fn certification(&self, text: &str) -> Option<&Certification> {
        let exam_code = || {
            text.as_bytes().windows(6).find_map(|w| {
                let code =
                    w[..2].iter().all(u8::is_ascii_alphabetic) && w[2] == b'-' && w[3..].iter().all(u8::is_ascii_digit);
                code.then(|| String::from_utf8_lossy(w).to_lowercase().replace('-', ""))
            })
        };
        let found = lookup(&self.certifications, text).or_else(|| self.certifications.get(&exam_code()?));
        found.map(|&i| &self.data.certifications[i])
    }
    /// Bit `a` set when association `a` counts for customers on `track`.
    pub fn customer_mask(&self, track: usize) -> u32 {
        self.customer_masks.get(track).copied().unwrap_or(0)
    }
    pub fn decision(&self, id: &str) -> Option<&Decision> {
        self.data.decisions.iter().find(|d| d.id == id)
    }
}

impl Default for Ruleset {
    fn default() -> Self {
        Ruleset::modern_work()
    }
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
        assert_eq!(w("EXO"), Some("Exchange"));
        assert_eq!(w("SPO"), Some("SharePoint"));
        assert_eq!(w("ProPlus"), Some("Microsoft 365 Apps"));
        assert_eq!(w("Yammer"), Some("Viva Engage"));
        assert_eq!(w("Azure"), None);
        assert_eq!(r.certification("MS-102").map(|c| c.level), Some(Level::Advanced));
        // Spellings beyond the list: an acronym in parentheses, a brand prefix.
        assert_eq!(id(r.association("Digital Partner of Record (DPOR)")), Some("DPOR"));
        assert_eq!(id(r.association("CPOR (Claiming partner of record)")), Some("CPOR"));
        assert_eq!(w("Microsoft Viva Insights"), Some("Viva Insights"));
        assert_eq!(w("Exchange Online (EXO)"), Some("Exchange"));
        assert_eq!(w("Microsoft"), None);
        assert_eq!(
            r.certification("Exam MS-102 (Microsoft 365 Administrator)").map(|c| c.level),
            Some(Level::Advanced)
        );
        assert!(r.certification("AZ-104: Azure Administrator").is_none());
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
        let mut data = Ruleset::modern_work().data;
        data.tracks[0].metrics.net_customer_adds.threshold = 0;
        assert!(Ruleset::new(data).is_err());
        let mut data = Ruleset::modern_work().data;
        data.tracks[1].customer_associations.push("XYZ".into());
        assert!(Ruleset::new(data).unwrap_err().0.contains("XYZ"));
    }
}
