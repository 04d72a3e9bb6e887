//! Metric values typed by hand from Partner Center's scorecards
//! (designations.md section 7): the `manual` CSV layout and the same rows
//! given through the API, checked against the areas' rulesets and turned
//! into per-area, per-track typed values.

use crate::json::{At, Json, Number};
use crate::keyed::Keyed;
use crate::kinds::Typed;
use crate::points::Points;
use crate::report::{ErrorKind, RowError, Warning};
use crate::ruleset::Ruleset;
use crate::text::fold;
use std::collections::BTreeMap;

/// One typed value as read, before it is checked.
#[derive(Clone, Debug)]
pub struct ManualValue {
    pub area: String,
    pub track: Option<String>,
    pub metric: String,
    pub value: TypedText,
    /// Where it was read, for errors: `None` for values given through the API.
    pub at: Option<(String, u64)>,
    /// True when the file's delimiter lets a comma be the decimal mark.
    pub decimal_comma: bool,
}

// Read by the wasm binding only (a native caller builds its values).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
impl ManualValue {
    /// Reads `{area, track?, metric, value}` (the API's `manualValues`).
    pub(crate) fn read(at: At<'_, '_>) -> ManualValue {
        let o = at.object();
        ManualValue {
            area: o.string("area"),
            track: o.opt_string("track"),
            metric: o.string("metric"),
            value: o.get("value", TypedText::read),
            at: None,
            decimal_comma: false,
        }
    }
}

/// A typed value as given: a number or a text (`"12 %"`, `"USD 9,000"`, `"SMB"`).
#[derive(Clone, Debug)]
pub enum TypedText {
    /// A JSON number, kept to millionths (no figure Partner Center shows
    /// has more decimals).
    Number(Points),
    Text(String),
}

/// What a missing value reads as (the missing field is an error anyway).
impl Default for TypedText {
    fn default() -> TypedText {
        TypedText::Text(String::new())
    }
}

impl TypedText {
    /// A number or a text. A whole number is read as such; any other as a
    /// double rounded to millionths (as serde_json read them before).
    fn read(at: At<'_, '_>) -> TypedText {
        match at.json() {
            Json::String(text) => return TypedText::Text(text.clone()),
            Json::Number(_) => {}
            other => {
                at.fail(&format!("expected a number or a text, found {}", other.kind()));
                return TypedText::default();
            }
        }
        let millionths = match at.number() {
            None => return TypedText::default(),
            Some(Number::Whole(n)) => return TypedText::Number(Points::fraction(n, 1)),
            Some(Number::TooLarge) => f64::INFINITY,
            Some(Number::Double(f)) => (f * 1e6).round(),
        };
        if !millionths.is_finite() || millionths.abs() > 9e18 {
            at.fail("the number is too large");
            return TypedText::default();
        }
        TypedText::Number(Points::fraction(millionths as i64, 1_000_000))
    }
}

/// An area's typed values: per track, by metric path; and a typed track.
#[derive(Clone, Debug, Default)]
pub struct AreaTyped {
    pub tracks: Keyed<Typed>,
    pub track: Option<String>,
}

impl AreaTyped {
    pub fn is_empty(&self) -> bool {
        self.track.is_none() && self.tracks.values().all(|t| t.values.is_empty())
    }
}

/// The areas' typed values, and the rows that could not be used.
#[derive(Default)]
pub struct Resolved {
    pub areas: Keyed<AreaTyped>,
    pub errors: Vec<RowError>,
    pub warnings: Vec<Warning>,
    /// Rows skipped per file, to add to the file's count.
    pub skipped: BTreeMap<String, u64>,
}

/// Checks every typed value against the rulesets; a bad row is an error
/// naming file, line, column and value, and the others still count.
pub fn resolve(values: &[ManualValue], rulesets: &[Ruleset]) -> Resolved {
    let mut out = Resolved::default();
    for value in values {
        match resolve_one(value, rulesets) {
            Ok((area, tracks, path, typed)) => {
                let area = entry(&mut out.areas, area);
                match typed {
                    Typed1::Track(track) => area.track = Some(track),
                    Typed1::Number(n) => {
                        for track in tracks {
                            entry(&mut area.tracks, track).insert(path.clone(), n);
                        }
                    }
                }
            }
            Err((kind, column, text, message)) => {
                let (file, line) =
                    value.at.clone().map_or(("values entered by hand".to_string(), None), |(f, l)| (f, Some(l)));
                *out.skipped.entry(file.clone()).or_default() += 1;
                out.errors.push(RowError { kind, file, line, column: Some(column.into()), value: Some(text), message });
            }
        }
    }
    out
}

/// The value of `key`, put in as the default when not there yet. (A few
/// areas and tracks: a Vec, not a BTreeMap of each value type.)
fn entry<V: Default>(map: &mut Keyed<V>, key: String) -> &mut V {
    let i = match map.0.iter().position(|(k, _)| *k == key) {
        Some(i) => i,
        None => {
            map.0.push((key, V::default()));
            map.0.len() - 1
        }
    };
    &mut map.0[i].1
}

enum Typed1 {
    Number(Points),
    Track(String),
}

type Checked = (String, Vec<String>, String, Typed1);
type Rejected = (ErrorKind, &'static str, String, String);

fn resolve_one(value: &ManualValue, rulesets: &[Ruleset]) -> Result<Checked, Rejected> {
    let area_key = fold(&value.area);
    let ruleset = rulesets.iter().find(|r| area_names(r).any(|n| n == area_key)).ok_or_else(|| {
        let mut known = String::new();
        for r in rulesets {
            if !known.is_empty() {
                known.push_str(", ");
            }
            known.push_str(&r.data.id);
        }
        (
            ErrorKind::UnknownArea,
            "Area",
            value.area.clone(),
            format!("unknown area \"{}\"; the areas are {known}", value.area),
        )
    })?;
    let tracks = match value.track.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        None => ruleset.data.tracks.iter().map(|t| t.id.clone()).collect(),
        Some(text) => vec![track_id(ruleset, text).ok_or_else(|| {
            (
                ErrorKind::UnknownTrack,
                "Track",
                text.to_string(),
                format!("unknown track \"{text}\"; write enterprise or smb, or leave it empty for both"),
            )
        })?],
    };
    let metric_key = fold(&value.metric);
    if metric_key == "track" {
        let text = value.value.text();
        let track = track_id(ruleset, &text).ok_or_else(|| {
            (ErrorKind::BadValue, "Value", text.clone(), format!("\"{text}\" is not a track: write Enterprise or SMB"))
        })?;
        return Ok((ruleset.data.id.clone(), tracks, "track".into(), Typed1::Track(track)));
    }
    let mut paths: Vec<String> = vec![];
    for (id, m) in ruleset.data.tracks.iter().flat_map(|t| &t.metrics.0) {
        for p in m.typed_paths(id) {
            if !paths.contains(&p) {
                paths.push(p);
            }
        }
    }
    let path = paths.iter().find(|p| fold(p) == metric_key).cloned().ok_or_else(|| {
        (
            ErrorKind::UnknownMetric,
            "Metric",
            value.metric.clone(),
            format!("{} has no metric \"{}\"; its metrics are {}", ruleset.label(), value.metric, paths.join(", ")),
        )
    })?;
    let number = value.value.number(value.decimal_comma).ok_or_else(|| {
        let text = value.value.text();
        (
            ErrorKind::BadValue,
            "Value",
            text.clone(),
            format!("\"{text}\" is not a number (e.g. 12, 12.5 %, USD 9,000, -1)"),
        )
    })?;
    // A number of certified people is whole and not negative; nets,
    // growth and money may be below zero (inputs.md section 3).
    let mut people = false;
    for (id, m) in ruleset.data.tracks.iter().flat_map(|t| &t.metrics.0) {
        people |= m.lists(id).iter().any(|(counted, _)| *counted == path);
    }
    if people && (number.as_f64() < 0.0 || !number.is_whole()) {
        let text = value.value.text();
        return Err((
            ErrorKind::BadValue,
            "Value",
            text.clone(),
            format!("\"{text}\" is not a number of people (a whole number, 0 or more)"),
        ));
    }
    Ok((ruleset.data.id.clone(), tracks, path, Typed1::Number(number)))
}

/// The folded names an area is typed under: id, short name, full name.
fn area_names(ruleset: &Ruleset) -> impl Iterator<Item = String> + '_ {
    let full = fold(&ruleset.data.name);
    let short = full.strip_prefix("solutionspartnerfor").map(str::to_string);
    let without_azure = short.as_deref().and_then(|s| s.strip_suffix("azure")).map(str::to_string);
    [Some(fold(&ruleset.data.id)), Some(fold(ruleset.label())), Some(full.clone()), short, without_azure]
        .into_iter()
        .flatten()
}

/// `enterprise`, `Ent`, `SMB`, `Small and medium business`, or a track's own id or label.
fn track_id(ruleset: &Ruleset, text: &str) -> Option<String> {
    let key = fold(text);
    let alias = match key.as_str() {
        "ent" | "enterprise" => Some("enterprise"),
        "smb" | "smallandmediumbusiness" | "smallmediumbusiness" | "smallandmedium" | "smallbusiness" => Some("smb"),
        _ => None,
    };
    let own = ruleset.data.tracks.iter().find(|t| fold(&t.id) == key || fold(&t.label) == key).map(|t| t.id.as_str());
    own.or(alias).filter(|id| ruleset.data.tracks.iter().any(|t| t.id == *id)).map(str::to_string)
}

impl TypedText {
    fn text(&self) -> String {
        match self {
            TypedText::Number(n) => n.to_string(),
            TypedText::Text(t) => t.trim().to_string(),
        }
    }

    /// A number as Partner Center shows it: sign, decimals, thousands
    /// separators, an optional `%` or `USD`; a decimal comma only where the
    /// file's delimiter allows it.
    fn number(&self, decimal_comma: bool) -> Option<Points> {
        let text = match self {
            TypedText::Number(n) => return Some(*n),
            TypedText::Text(t) => t,
        };
        let mut s: String = text.chars().filter(|c| !c.is_whitespace() && *c != '\u{a0}').collect();
        for unit in ["%", "USD", "usd", "$"] {
            s = s.trim_start_matches(unit).trim_end_matches(unit).to_string();
        }
        let (thousands, decimal) = if decimal_comma { ('.', ',') } else { (',', '.') };
        if let Some((whole, _)) = s.split_once(decimal) {
            if whole.contains(thousands) && !thousands_groups(whole, thousands) {
                return None;
            }
        } else if s.contains(thousands) && !thousands_groups(&s, thousands) {
            return None;
        }
        let plain: String = s.chars().filter(|&c| c != thousands).map(|c| if c == decimal { '.' } else { c }).collect();
        Points::parse_decimal(&plain)
    }
}

/// `9,000` and `-1,234,567` group by three; `9,00` does not.
fn thousands_groups(whole: &str, sep: char) -> bool {
    let digits = whole.trim_start_matches(['-', '+']);
    let mut groups = digits.split(sep);
    let first = groups.next().unwrap_or_default();
    (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str, comma: bool) -> Option<f64> {
        TypedText::Text(t.into()).number(comma).map(Points::as_f64)
    }

    #[test]
    fn typed_values_read_from_json() {
        let read =
            |json: &str| crate::json::read_named(json, "", |at| at.list(ManualValue::read)).map_err(String::from);
        let values = read(
            r#"[{"area": "Modern Work", "metric": "deployments", "value": 12, "note": "ignored"},
                {"area": "security", "track": "smb", "metric": "m", "value": 1.5},
                {"area": "a", "track": null, "metric": "m", "value": "12 %"},
                {"area": "a", "metric": "m", "value": 2e1}]"#,
        )
        .unwrap();
        let shown: Vec<String> = values
            .iter()
            .map(|v| match &v.value {
                TypedText::Number(n) => format!("{}/{:?}/{}/{}", v.area, v.track, v.metric, n.as_f64()),
                TypedText::Text(t) => format!("{}/{:?}/{}/{t:?}", v.area, v.track, v.metric),
            })
            .collect();
        assert_eq!(
            shown,
            ["Modern Work/None/deployments/12", "security/Some(\"smb\")/m/1.5", "a/None/m/\"12 %\"", "a/None/m/20",]
        );
        let error = |json: &str| read(json).unwrap_err();
        assert_eq!(error(r#"[{"area": "a", "value": 1}]"#), "[0]: missing field `metric`");
        assert_eq!(
            error(r#"[{"area": "a", "metric": "m", "value": true}]"#),
            "[0].value: expected a number or a text, found a boolean"
        );
        assert_eq!(
            error(r#"[{"area": "a", "metric": "m", "value": 9223372036854775808}]"#),
            "[0].value: the number is too large"
        );
        assert_eq!(error(r#"[{"area": "a", "metric": "m", "value": 1e300}]"#), "[0].value: the number is too large");
        assert_eq!(error(r#"{"area": "a"}"#), "expected an array, found an object");
    }

    #[test]
    fn numbers_as_partner_center_shows_them() {
        assert_eq!(text("12 %", false), Some(12.0));
        assert_eq!(text("USD 9,000", false), Some(9000.0));
        assert_eq!(text("-1", false), Some(-1.0));
        assert_eq!(text("12.5", false), Some(12.5));
        assert_eq!(text("60,000", false), Some(60000.0));
        assert_eq!(text("12,5", true), Some(12.5));
        assert_eq!(text("9.000,50", true), Some(9000.5));
        assert_eq!(text("9,00", false), None);
        assert_eq!(text("abc", false), None);
        assert_eq!(text("", false), None);
    }

    #[test]
    #[cfg(all(feature = "security", feature = "azure", feature = "bizapps"))]
    fn areas_tracks_and_metrics_match_loosely() {
        let rulesets = Ruleset::embedded();
        let value = |area: &str, track: &str, metric: &str, v: &str| ManualValue {
            area: area.into(),
            track: Some(track.into()),
            metric: metric.into(),
            value: TypedText::Text(v.into()),
            at: None,
            decimal_comma: false,
        };
        let resolved = resolve(
            &[
                value("Data & AI", "", "intermediateCertifications.step1", "2"),
                value("Infrastructure", "Ent", "usageGrowth", "12 %"),
                value("security", "Small and medium business", "netCustomerAdds.m365", "-1"),
                value("business applications", "", "track", "Enterprise"),
                value("security", "", "advancedCertifications", "2"),
                value("Nowhere", "", "netCustomerAdds", "2"),
            ],
            &rulesets,
        );
        let typed = |area: &str, track: &str, path: &str| {
            resolved.areas.get(area).and_then(|a| a.tracks.get(track)).and_then(|t| t.get(path)).map(Points::as_f64)
        };
        assert_eq!(typed("data-ai", "smb", "intermediateCertifications.step1"), Some(2.0));
        assert_eq!(typed("data-ai", "enterprise", "intermediateCertifications.step1"), Some(2.0));
        assert_eq!(typed("infrastructure", "enterprise", "usageGrowth"), Some(12.0));
        assert_eq!(typed("infrastructure", "smb", "usageGrowth"), None);
        assert_eq!(typed("security", "smb", "netCustomerAdds.m365"), Some(-1.0));
        assert_eq!(resolved.areas.get("business-applications").unwrap().track.as_deref(), Some("enterprise"));
        assert_eq!(resolved.errors.len(), 2);
        assert_eq!(resolved.errors[0].column.as_deref(), Some("Metric"));
        assert!(
            resolved.errors[0].message.contains("intermediateCertifications.step3"),
            "{}",
            resolved.errors[0].message
        );
        assert_eq!(resolved.errors[1].column.as_deref(), Some("Area"));
    }
}
