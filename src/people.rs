//! Certified people: who counts at which level, and why a certification
//! does not count.

use crate::month::Month;
use crate::report::{CertificationStatus, PersonCertification, PersonReport};
use crate::ruleset::{fold, Level, Ruleset};
use crate::store::CertificationRow;
use std::collections::BTreeMap;

/// People with their certifications judged against the ruleset as of `as_of`
/// (expiry is not judged without an as-of month). Sorted by identity.
pub fn evaluate(rows: &[CertificationRow], ruleset: &Ruleset, as_of: Option<Month>) -> Vec<PersonReport> {
    let mut people: BTreeMap<&str, PersonReport> = BTreeMap::new();
    for row in rows {
        let person = people.entry(&row.person).or_insert_with(|| PersonReport {
            id: row.person.clone(),
            name: None,
            email: None,
            intermediate: false,
            advanced: false,
            certifications: vec![],
        });
        person.name = person.name.take().or_else(|| row.name.clone());
        person.email = person.email.take().or_else(|| row.email.clone());
        let known = ruleset.certification(&row.certification);
        // The same certification listed twice for a person is one certification.
        let key = known.map_or_else(|| fold(&row.certification), |c| fold(&c.name));
        if person.certifications.iter().any(|c| fold(c.matched.as_deref().unwrap_or(&c.name)) == key) {
            continue;
        }
        let expired = matches!((row.expires, as_of), (Some(expires), Some(as_of)) if expires.month < as_of);
        let (status, reason) = match known {
            None => {
                (CertificationStatus::NotOnList, "not on the Modern Work list of eligible certifications".to_string())
            }
            Some(_) if expired => (
                CertificationStatus::Expired,
                format!("expired on {} before the as-of month", row.expires.map(|d| d.to_string()).unwrap_or_default()),
            ),
            Some(c) if c.retired => (
                CertificationStatus::Retired,
                "counted, but absent from the current list: Partner Center may no longer count it".to_string(),
            ),
            Some(c) => (CertificationStatus::Counted, format!("counts at {} level", level_name(c.level))),
        };
        if status.counts() {
            match known.map(|c| c.level) {
                Some(Level::Intermediate) => person.intermediate = true,
                Some(Level::Advanced) => person.advanced = true,
                None => {}
            }
        }
        person.certifications.push(PersonCertification {
            name: row.certification.clone(),
            matched: known.map(|c| c.name.clone()),
            level: known.map(|c| c.level),
            status,
            earned: row.earned,
            expires: row.expires,
            reason,
        });
    }
    people.into_values().collect()
}

pub fn level_name(level: Level) -> &'static str {
    match level {
        Level::Intermediate => "intermediate",
        Level::Advanced => "advanced",
    }
}
