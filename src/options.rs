//! The options every front end takes as JSON text (the JavaScript API's,
//! which the Python package takes too), read in one place: camelCase names,
//! every field optional (absent or null is the default), fields not named
//! here ignored. Read with `crate::json`, so no serde deserializer is in the
//! module.

use crate::json::{At, JsonError};
use crate::{Date, DetailLevel, ManualValue, Month, Ruleset, RulesetData, RulesetError, ScoreOptions, Workbook};
use std::collections::BTreeMap;
use std::fmt;

/// Options that cannot be used, and where.
#[derive(Clone, Debug, PartialEq)]
pub enum OptionsError {
    /// The text is not JSON, or a field has the wrong shape: `what` names
    /// the options (`options`, `report options`), the error the field.
    Json { what: &'static str, error: JsonError },
    /// A field read but not usable: a month that is not `YYYY-MM`, an
    /// unknown `detail`. `name` is the field.
    Value { name: &'static str, message: String },
    /// A ruleset given in the options does not hold.
    Ruleset(RulesetError),
}

impl OptionsError {
    /// The field at fault, when there is one.
    pub fn path(&self) -> Option<&str> {
        let path = match self {
            OptionsError::Json { error, .. } => error.path.as_str(),
            OptionsError::Value { name, .. } => name,
            OptionsError::Ruleset(e) => e.path.as_str(),
        };
        Some(path).filter(|p| !p.is_empty())
    }

    /// Line and column (from 1) of a text that is not JSON.
    pub fn position(&self) -> Option<(u32, u32)> {
        match self {
            OptionsError::Json { error, .. } => error.position,
            OptionsError::Value { .. } => None,
            OptionsError::Ruleset(e) => e.position,
        }
    }
}

impl fmt::Display for OptionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OptionsError::Json { what, error } => write!(f, "invalid {what}: {error}"),
            OptionsError::Value { message, .. } => f.write_str(message),
            OptionsError::Ruleset(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for OptionsError {}

/// `None` or an empty text: the defaults.
fn read<T: Default>(
    json: Option<&str>,
    what: &'static str,
    read: impl FnOnce(At<'_, '_>) -> T,
) -> Result<T, OptionsError> {
    match json {
        None | Some("") => Ok(T::default()),
        Some(json) => crate::json::read_named(json, "", read).map_err(|error| OptionsError::Json { what, error }),
    }
}

fn month(text: Option<String>, name: &'static str) -> Result<Option<Month>, OptionsError> {
    let bad =
        |t: &str| OptionsError::Value { name, message: format!("{name} must be a month as YYYY-MM, not \"{t}\"") };
    text.map(|t| Month::parse_iso(&t).ok_or_else(|| bad(&t))).transpose()
}

fn date(text: Option<String>, name: &'static str) -> Result<Option<Date>, OptionsError> {
    let bad =
        |t: &str| OptionsError::Value { name, message: format!("{name} must be a date as YYYY-MM-DD, not \"{t}\"") };
    text.map(|t| Date::parse(&t).ok_or_else(|| bad(&t))).transpose()
}

impl Workbook {
    /// A workbook from the scorer's options,
    /// `{"ruleset": {...}, "rulesets": [...], "today": "YYYY-MM"}`: each ruleset
    /// replaces the embedded one of its id (or adds an area); rows dated
    /// after `today` are errors.
    pub fn from_options_json(json: Option<&str>) -> Result<Workbook, OptionsError> {
        let (ruleset, rulesets, today) = read(json, "options", |at| {
            let o = at.object();
            let ruleset: Option<RulesetData> = o.opt("ruleset", RulesetData::read);
            let rulesets: Vec<RulesetData> = o.or_default("rulesets", |at| at.list(RulesetData::read));
            (ruleset, rulesets, o.opt_string("today"))
        })?;
        let mut book = Workbook::default();
        for data in ruleset.into_iter().chain(rulesets) {
            book.replace_ruleset(Ruleset::new(data).map_err(OptionsError::Ruleset)?);
        }
        if let Some(today) = month(today, "today")? {
            book.set_today(today);
        }
        Ok(book)
    }
}

/// The report options as read, before their values are checked.
#[derive(Default)]
struct Written {
    as_of: Option<String>,
    history: bool,
    today: Option<String>,
    anniversary: Option<String>,
    tenant_limit: Option<usize>,
    manual_values: Vec<ManualValue>,
    tracks: BTreeMap<String, String>,
    detail: Option<String>,
}

impl ScoreOptions {
    /// The report options, `{"asOf": "YYYY-MM", "history": true, "today":
    /// "YYYY-MM-DD", "anniversary": "YYYY-MM-DD", "tenantLimit": 5000,
    /// "manualValues": [{area, track, metric, value}], "tracks": {area: track},
    /// "detail": "summary" | "full"}`; without `detail`, `default_detail`.
    pub fn from_json(json: Option<&str>, default_detail: DetailLevel) -> Result<ScoreOptions, OptionsError> {
        let written = read(json, "report options", |at| {
            let o = at.object();
            Written {
                as_of: o.opt_string("asOf"),
                history: o.bool_or_default("history"),
                today: o.opt_string("today"),
                anniversary: o.opt_string("anniversary"),
                tenant_limit: o.opt("tenantLimit", |at| {
                    let n = at.u64();
                    usize::try_from(n).unwrap_or_else(|_| {
                        at.fail(&format!("{n} is too large"));
                        0
                    })
                }),
                manual_values: o.or_default("manualValues", |at| at.list(ManualValue::read)),
                // Inserted as read (an area written twice: the last).
                tracks: o.or_default("tracks", |at| {
                    let mut tracks = BTreeMap::new();
                    at.entries(|area, at| {
                        tracks.insert(area.to_string(), at.string());
                    });
                    tracks
                }),
                detail: o.opt_string("detail"),
            }
        })?;
        let detail = match written.detail.as_deref() {
            None => default_detail,
            Some("summary") => DetailLevel::Summary,
            Some("full") => DetailLevel::Full,
            Some(other) => {
                let message = format!("detail must be \"summary\" or \"full\", not \"{other}\"");
                return Err(OptionsError::Value { name: "detail", message });
            }
        };
        Ok(ScoreOptions {
            detail,
            as_of: month(written.as_of, "asOf")?,
            history: written.history,
            today: date(written.today, "today")?,
            anniversary: date(written.anniversary, "anniversary")?,
            tenant_limit: written.tenant_limit,
            manual_values: written.manual_values,
            tracks: written.tracks,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_options_read_with_their_defaults_and_faults_named() {
        let o = ScoreOptions::from_json(None, DetailLevel::Full).unwrap();
        assert_eq!((o.as_of, o.detail, o.history), (None, DetailLevel::Full, false));
        let o = ScoreOptions::from_json(
            Some(r#"{"asOf": "2025-09", "detail": "summary", "tracks": {"security": "smb"}, "tenantLimit": 3}"#),
            DetailLevel::Full,
        )
        .unwrap();
        assert_eq!(o.as_of, Month::parse_iso("2025-09"));
        assert_eq!((o.detail, o.tenant_limit), (DetailLevel::Summary, Some(3)));
        assert_eq!(o.tracks.get("security").map(String::as_str), Some("smb"));

        let e = ScoreOptions::from_json(Some(r#"{"asOf": "October"}"#), DetailLevel::Summary).unwrap_err();
        assert_eq!(
            (e.path(), e.to_string().as_str()),
            (Some("asOf"), "asOf must be a month as YYYY-MM, not \"October\"")
        );
        let e = ScoreOptions::from_json(Some(r#"{"detail": "all"}"#), DetailLevel::Summary).unwrap_err();
        assert_eq!(e.path(), Some("detail"));
        let e = ScoreOptions::from_json(Some(r#"{"manualValues": [{"area": "security"}]}"#), DetailLevel::Summary)
            .unwrap_err();
        assert!(matches!(e, OptionsError::Json { what: "report options", .. }), "{e:?}");
        assert_eq!(e.path(), Some("manualValues[0]"));
        let e = ScoreOptions::from_json(Some("{\n  \"asOf\": }"), DetailLevel::Summary).unwrap_err();
        assert_eq!((e.path(), e.position()), (None, Some((2, 11))));
    }

    #[test]
    fn a_workbook_from_its_options() {
        assert!(Workbook::from_options_json(Some(r#"{"today": "2025-10"}"#)).is_ok());
        let e = Workbook::from_options_json(Some(r#"{"today": "soon"}"#)).err().unwrap();
        assert_eq!(e.path(), Some("today"));
        let e = Workbook::from_options_json(Some(r#"{"ruleset": {"id": "x"}}"#)).err().unwrap();
        assert!(matches!(e, OptionsError::Json { what: "options", .. }), "{e:?}");
    }
}
