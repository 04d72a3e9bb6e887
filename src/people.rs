//! Certified people: which certifications count in the as-of month, in
//! which of the ruleset's lists, and why the others do not.

use crate::month::{Date, Month};
use crate::report::{CertificationInArea, CertificationStatus, PersonCertification, PersonReport};
use crate::ruleset::{CertificationId, Ruleset};
use crate::text::fold;

/// One certification of one person, as read.
#[derive(Clone, Debug)]
pub struct CertificationRow {
    /// Normalised identity: lower-cased e-mail, else id, else folded name.
    pub person: String,
    pub name: Option<String>,
    pub email: Option<String>,
    pub certification: String,
    pub earned: Option<Date>,
    pub expires: Option<Date>,
    /// The file's training type (`Exam`, `Certification`, ...), when it has one.
    pub training_type: Option<String>,
    /// The file's activation status (`Active`, `Expired`, ...), when it has one.
    pub activation: Option<String>,
    /// The reporting month of the row, when the file has one.
    pub reported: Option<Month>,
}

/// One certification of a person: its key (catalogue id, else the folded
/// name), the row that stands for it, and what it matched.
type Held<'a> = (String, &'a CertificationRow, Option<CertificationId>);

/// People with their certifications judged against the ruleset as of `as_of`
/// (dates are not judged without an as-of month). Sorted by identity.
pub fn evaluate(rows: &[CertificationRow], ruleset: &Ruleset, as_of: Option<Month>) -> Vec<PersonReport> {
    // Rows by person, each person's in file order (a stable sort: smaller
    // code than a map of people).
    let mut order: Vec<&CertificationRow> = rows.iter().collect();
    order.sort_by(|a, b| a.person.cmp(&b.person));
    let mut out = vec![];
    for same in order.chunk_by(|a, b| a.person == b.person) {
        out.push(person(same, ruleset, as_of));
    }
    out
}

/// One person from their rows (at least one).
fn person(rows: &[&CertificationRow], ruleset: &Ruleset, as_of: Option<Month>) -> PersonReport {
    // One row per certification: the same certification listed again
    // (another reporting month, another spelling) is the same one.
    let mut held: Vec<Held> = vec![];
    for &row in rows {
        let known = ruleset.certification(&row.certification);
        let key = known.map_or_else(|| fold(&row.certification), |c| ruleset.certification_data(c).id.clone());
        match held.iter_mut().find(|(k, _, _)| *k == key) {
            Some(entry) if supersedes(row, entry.1, ruleset, as_of) => entry.1 = row,
            Some(_) => {}
            None => held.push((key, row, known)),
        }
    }
    let mut person = PersonReport {
        id: rows.first().map(|r| r.person.clone()).unwrap_or_default(),
        name: held.iter().find_map(|(_, r, _)| r.name.clone()),
        email: held.iter().find_map(|(_, r, _)| r.email.clone()),
        intermediate: false,
        advanced: false,
        lists: vec![],
        certifications: vec![],
    };
    for (_, row, known) in held {
        let (status, reason) = judge(row, known, ruleset, as_of);
        let lists: Vec<String> = known.map(|c| ruleset.lists_of(c).map(str::to_string).collect()).unwrap_or_default();
        if status == CertificationStatus::Counted {
            for list in &lists {
                if !person.lists.contains(list) {
                    person.lists.push(list.clone());
                }
            }
        }
        // Named when the area's lists hold it (or held it).
        let listed = known.filter(|&c| !lists.is_empty() || ruleset.is_dropped(c));
        person.certifications.push(PersonCertification {
            name: row.certification.clone(),
            matched: listed.map(|c| ruleset.certification_data(c).name.clone()),
            lists,
            status,
            earned: row.earned,
            expires: row.expires,
            eligible_through: known.and_then(|c| ruleset.eligible_through(c)),
            reason,
            areas: vec![],
        });
    }
    person.lists.sort_unstable();
    person.intermediate = person.lists.iter().any(|l| l == "intermediate");
    person.advanced = person.lists.iter().any(|l| l == "advanced");
    person
}

/// Whether `row` replaces `held` for the same person and certification:
/// a later reporting month wins (its dates are the current ones); without
/// one, a row that counts wins over one that does not.
fn supersedes(row: &CertificationRow, held: &CertificationRow, ruleset: &Ruleset, as_of: Option<Month>) -> bool {
    match (row.reported, held.reported) {
        (Some(new), Some(old)) if new != old => new > old,
        _ => {
            let counts = |r: &CertificationRow| {
                judge(r, ruleset.certification(&r.certification), ruleset, as_of).0 == CertificationStatus::Counted
            };
            counts(row) && !counts(held)
        }
    }
}

/// The one place a certification row is judged: whether it counts in the
/// as-of month, and the reason a person reads.
fn judge(
    row: &CertificationRow,
    known: Option<CertificationId>,
    ruleset: &Ruleset,
    as_of: Option<Month>,
) -> (CertificationStatus, String) {
    let area = ruleset.label();
    let word = |text: &Option<String>| text.as_deref().map(fold).unwrap_or_default();
    let training_type = word(&row.training_type);
    if training_type.contains("exam") || training_type.contains("course") {
        let kind = crate::text::lowercase(row.training_type.as_deref().unwrap_or_default());
        return (
            CertificationStatus::NotACertification,
            format!("a passed {kind}, not the certification: the certification itself counts once earned"),
        );
    }
    let activation = word(&row.activation);
    if ["expired", "inactive", "revoked"].iter().any(|s| activation.contains(s)) {
        let said = row.activation.as_deref().unwrap_or_default();
        return (CertificationStatus::Inactive, format!("marked \"{said}\" in the export"));
    }
    let Some(c) = known else {
        // A title holding the exam code of a certification on the area's
        // lists, but longer than it, is the exam's (designations.md section 5).
        let listed = |code: &&str| ruleset.certification(code).is_some_and(|c| ruleset.lists_of(c).next().is_some());
        if let Some(exam) = exam_code(&row.certification).filter(listed) {
            return (
                CertificationStatus::NotACertification,
                format!("the title names exam {exam}, not the certification: a passed exam earns no points; the certification itself counts once earned"),
            );
        }
        return (CertificationStatus::NotOnList, format!("not on Microsoft's {area} list of eligible certifications"));
    };
    if ruleset.is_dropped(c) {
        return (CertificationStatus::Dropped, format!("no longer on Microsoft's {area} list"));
    }
    let lists: Vec<&str> = ruleset.lists_of(c).collect();
    if lists.is_empty() {
        return (CertificationStatus::NotOnList, format!("not on Microsoft's {area} list of eligible certifications"));
    }
    if let Some(m) = as_of {
        if let Some(earned) = row.earned.filter(|d| d.month > m) {
            return (CertificationStatus::NotYetEarned, format!("earned on {earned}, after the as-of month {m}"));
        }
        if let Some(expires) = row.expires.filter(|d| d.month < m) {
            return (CertificationStatus::Expired, format!("expired on {expires}, before the as-of month {m}"));
        }
        if let Some(through) = ruleset.eligible_through(c).filter(|d| d.month < m) {
            return (
                CertificationStatus::PastEligibleThrough,
                format!("retired: eligible through {through}, before the as-of month {m}"),
            );
        }
    }
    let through = ruleset.eligible_through(c).map(|d| format!(" (retiring: eligible through {d})")).unwrap_or_default();
    (CertificationStatus::Counted, format!("counts for {} certifications{through}", lists.join(" and ")))
}

/// The first exam code in a title (`AB-100` in `Exam AB-100: Agentic AI
/// Business Solutions Architect`).
fn exam_code(title: &str) -> Option<&str> {
    let at = title.as_bytes().windows(6).position(|w| {
        w[..2].iter().all(u8::is_ascii_alphabetic) && w[2] == b'-' && w[3..].iter().all(u8::is_ascii_digit)
    })?;
    title.get(at..at + 6)
}

/// Modern Work's people, each certification also saying, for every other
/// area whose lists name it (or named it), whether it counts there, where
/// (metric and step), and why not.
pub fn across_areas(mut people: Vec<PersonReport>, areas: &[(&Ruleset, Vec<PersonReport>)]) -> Vec<PersonReport> {
    for person in &mut people {
        for certification in &mut person.certifications {
            for (ruleset, judged) in areas {
                let theirs = judged
                    .iter()
                    .find(|p| p.id == person.id)
                    .and_then(|p| p.certifications.iter().find(|c| c.name == certification.name));
                let Some(theirs) = theirs else { continue };
                if theirs.status == CertificationStatus::NotOnList {
                    continue;
                }
                let counts_in =
                    if theirs.status == CertificationStatus::Counted { uses(ruleset, &theirs.lists) } else { vec![] };
                certification.areas.push(CertificationInArea {
                    area: ruleset.data.id.clone(),
                    status: theirs.status,
                    reason: theirs.reason.clone(),
                    counts_in,
                });
            }
        }
    }
    people
}

/// The metrics (and steps) of an area that count people from `lists`.
fn uses(ruleset: &Ruleset, lists: &[String]) -> Vec<String> {
    let mut out = vec![];
    for track in &ruleset.data.tracks {
        for (id, metric) in &track.metrics.0 {
            for (path, list) in metric.lists(id) {
                if lists.contains(&list) && !out.contains(&path) {
                    out.push(path);
                }
            }
        }
    }
    out
}
