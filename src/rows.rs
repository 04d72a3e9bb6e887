//! Lists on demand (spec/report.md, "Lists on demand"): one page of one
//! list (an area's tenants, services, pairs, tenant actions; the people
//! across areas), filtered, sorted and paged here rather than by the caller.
//! Each data model answers its own lists from its store (`Measures::rows`),
//! building only the rows a page shows when nothing filters or sorts them.
//!
//! And the full report: the summary with every list inline, written in
//! pieces, the rows one by one, so that no list is ever whole in memory.

use crate::json::Json;
use crate::load::Loaded;
use crate::model::DataModel;
use crate::report::DetailLevel;
use crate::report::{AreaReport, Both, CertificationStatus, Pieces, Report, Row, TenantMonth, TenantTrack};
use crate::ruleset::Ruleset;
use crate::score::{areas_pass, Lists, ScoreOptions, Typing};
use crate::text::lowercase;
use crate::to_json::{json_names, json_object, to_vec};
use crate::usage::tenants::TenantSource;
use std::cmp::Ordering;

/// What `Workbook::rows` is asked: a list, where, which rows, in what
/// order, and which page of them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RowsQuery {
    /// `tenants`, `tenantActions`, `services`, `revenue`, `consumption`,
    /// `setAside` (an area's, as its `lists` names them) or `people`.
    pub list: String,
    /// The area (ruleset id); for `people`, only those with a certification
    /// that matters to it.
    pub area: Option<String>,
    /// The track `only: "contributing"` and the `contribution` sort look
    /// at; the area's deciding track when not given.
    pub track: Option<String>,
    /// Case-insensitive text of the row's id, name, e-mail, tenant or workload.
    pub search: Option<String>,
    /// `contributing`: only rows that add to the track's points.
    pub only: Option<String>,
    /// Exact association type (a tenant's associations, an action's option).
    pub association: Option<String>,
    /// Exact band (an Azure tenant's customer segment).
    pub band: Option<String>,
    /// `contribution`, or a dotted path into the row as its JSON shows it
    /// (`name`, `tracks.smb.maxPau.asOf`): numbers numerically, text case
    /// aside, missing values last; ties keep the list's order.
    pub sort: Option<String>,
    pub descending: bool,
    pub offset: usize,
    /// At most this many rows; all when `None`.
    pub limit: Option<usize>,
}

impl RowsQuery {
    /// Reads a query as the JavaScript API gives it (camelCase; every field
    /// but `list` optional).
    pub fn from_json(text: &str) -> Result<RowsQuery, String> {
        crate::json::read_named(text, "query", |at| {
            let o = at.object();
            RowsQuery {
                list: o.string("list"),
                area: o.opt_string("area"),
                track: o.opt_string("track"),
                search: o.opt_string("search"),
                only: o.opt_string("only"),
                association: o.opt_string("association"),
                band: o.opt_string("band"),
                sort: o.opt_string("sort"),
                descending: o.bool_or_default("descending"),
                offset: o.opt("offset", |at| at.u64()).map_or(0, |n| usize::try_from(n).unwrap_or(usize::MAX)),
                limit: o.opt("limit", |at| at.u64()).map(|n| usize::try_from(n).unwrap_or(usize::MAX)),
            }
        })
        .map_err(String::from)
    }
}

/// One page of a list: how many rows the query selects, and those of the page.
#[derive(Clone, Debug)]
pub struct Rows {
    pub total: usize,
    pub rows: Vec<Row>,
}

/// Why a query has no answer: a value with a kind, never a panic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowsError {
    pub kind: RowsErrorKind,
    pub message: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowsErrorKind {
    /// No list of that name here (the message names those there are).
    UnknownList,
    /// No area of that id.
    UnknownArea,
    /// The area has no track of that id.
    UnknownTrack,
    /// A value the query cannot take (`only` other than `contributing`, a
    /// list that needs an area without one).
    BadQuery,
    /// The workbook has no rulesets: there is nothing to list.
    NoRulesets,
}

fn fail<T>(kind: RowsErrorKind, message: String) -> Result<T, RowsError> {
    Err(RowsError { kind, message })
}

/// Answers `query` from the loaded files, scored with `options` (their
/// month, typed values and chosen tracks).
pub fn rows(
    rulesets: &[Ruleset],
    loaded: &Loaded,
    options: &ScoreOptions,
    query: &RowsQuery,
) -> Result<Rows, RowsError> {
    if rulesets.is_empty() {
        return fail(RowsErrorKind::NoRulesets, "No area to list: the workbook was given no rulesets.".into());
    }
    if query.only.as_deref().is_some_and(|only| only != "contributing") {
        let only = query.only.as_deref().unwrap_or_default();
        return fail(RowsErrorKind::BadQuery, format!("only must be \"contributing\", not \"{only}\""));
    }
    let area = match query.area.as_deref() {
        None => None,
        Some(id) => match rulesets.iter().find(|r| r.data.id == id) {
            Some(area) => Some(area),
            None => {
                let known: Vec<&str> = rulesets.iter().map(|r| r.data.id.as_str()).collect();
                return fail(
                    RowsErrorKind::UnknownArea,
                    format!("no area \"{id}\"; the areas are {}", known.join(", ")),
                );
            }
        },
    };
    if let (Some(area), Some(track)) = (area, query.track.as_deref()) {
        if !area.data.tracks.iter().any(|t| t.id == track) {
            let known: Vec<&str> = area.data.tracks.iter().map(|t| t.id.as_str()).collect();
            let message = format!("{} has no track \"{track}\"; its tracks are {}", area.data.id, known.join(", "));
            return fail(RowsErrorKind::UnknownTrack, message);
        }
    }
    // The rows of the report these options give, whatever its tenant limit.
    let options = ScoreOptions { detail: DetailLevel::Full, tenant_limit: None, ..options.clone() };
    let area_id = area.map(|a| a.data.id.clone());
    if query.list == "people" {
        let mut page = Page::new(query, None, area_id.as_deref());
        // No skilling list, nobody to list: no scoring pass to find that out.
        if loaded.certifications.is_empty() {
            return Ok(page.finish());
        }
        let pass = areas_pass(rulesets, loaded, &options, Typing::FilesAndOptions, None, Lists::None);
        for person in crate::people::across_areas(pass.people, &pass.all_people) {
            let matters = area_id
                .as_deref()
                .is_none_or(|id| person.certifications.iter().any(|c| c.areas.iter().any(|a| a.area == id)));
            if matters {
                page.offer(&|| Row::Person(Box::new(person.clone())));
            }
        }
        return Ok(page.finish());
    }
    let Some(area) = area else {
        let message = format!("the list \"{}\" is an area's: name the area", query.list);
        return fail(RowsErrorKind::BadQuery, message);
    };
    // The usage tenants straight from the store when no deciding track is
    // needed: no scoring pass for the first page of the largest list.
    let needs_track = query.only.is_some() || query.sort.as_deref() == Some("contribution");
    if query.list == "tenants" && (query.track.is_some() || !needs_track) {
        if let Some(source) = TenantSource::new(rulesets, &loaded.usage, options.as_of, &area.data.id) {
            return Ok(tenants_page(&source, query));
        }
    }
    let mut answer: Option<Page> = None;
    let mut lists = vec![];
    let mut visit = |report: &AreaReport, models: &dyn DataModel| {
        let track = query.track.clone().or_else(|| report.track.clone());
        let mut page = Page::new(query, track, Some(&report.ruleset.id));
        if models.rows(&query.list, &mut |build| page.offer(build)) {
            answer = Some(page);
        } else {
            lists = models.lists().into_iter().map(|(name, _)| name).collect();
        }
    };
    let only = Some(area.data.id.as_str());
    areas_pass(rulesets, loaded, &options, Typing::FilesAndOptions, only, Lists::Visit(&mut visit));
    match answer {
        Some(page) => Ok(page.finish()),
        None => {
            let there = if lists.is_empty() { "none".to_string() } else { lists.join(", ") };
            let message = format!("{} has no list \"{}\"; its lists: {there}", area.data.id, query.list);
            fail(RowsErrorKind::UnknownList, message)
        }
    }
}

/// One page of the usage tenants, selected and sorted on what each
/// tenant's row would show (`Page`'s rules) without building the rows: a
/// search reads the id and name, the filters and the contribution sort the
/// tenant's part; only the page's rows are built (and for a sort by a path
/// into a track, that track's part of each row).
fn tenants_page(source: &TenantSource, query: &RowsQuery) -> Rows {
    let search = query.search.as_deref().map(|s| lowercase(s.trim())).filter(|s| !s.is_empty());
    let track = query.track.as_deref().and_then(|id| source.track(id));
    let wanted = query.limit.map_or(usize::MAX, |limit| query.offset.saturating_add(limit));
    // A path into one track reads that track's part alone.
    let sort_track = query.sort.as_deref().and_then(|path| {
        let rest = path.strip_prefix("tracks.")?;
        source.track(rest.split('.').next()?)
    });
    let key = |i: usize| match query.sort.as_deref() {
        None => Key::Missing,
        Some("contribution") => track.and_then(|t| source.weight(i, t)).map_or(Key::Missing, Key::Number),
        Some("id") => Key::Text(lowercase(source.text(i).0)),
        Some("name") => source.text(i).1.map_or(Key::Missing, |name| Key::Text(lowercase(name))),
        Some(path) => {
            // The table's columns straight from the facts, when they are its.
            let rest = path.strip_prefix("tracks.").and_then(|p| p.split_once('.')).map(|(_, rest)| rest);
            if let Some(n) = sort_track.zip(rest).and_then(|(t, rest)| source.figure(i, t, rest)) {
                return Key::Number(n);
            }
            let row = source.row(i, sort_track);
            let Row::Tenant(tenant) = &row else { unreachable!("a usage tenant's row") };
            // Read from the row itself when the path is one of a track's
            // figures, else from its JSON text.
            let track = sort_track.and_then(|_| tenant.tracks.0.first());
            let at =
                track.and_then(|(id, part)| Some((part, path.strip_prefix("tracks.")?.strip_prefix(id.as_str())?)));
            at.and_then(|(part, rest)| track_key(part, rest.strip_prefix('.')?))
                .unwrap_or_else(|| Key::at(&to_vec(&row), path))
        }
    };
    let mut total = 0;
    let mut kept: Vec<(Key, usize)> = vec![];
    let order = |kept: &mut Vec<(Key, usize)>| {
        kept.sort_by(|a, b| a.0.compare(&b.0, query.descending).then(a.1.cmp(&b.1)));
    };
    for i in 0..source.len() {
        if let Some(search) = &search {
            let (id, name) = source.text(i);
            if ![Some(id), name].into_iter().flatten().any(|text| lowercase(text).contains(search.as_str())) {
                continue;
            }
        }
        if query.association.as_deref().is_some_and(|a| !source.has_association(i, a)) {
            continue;
        }
        if query.only.is_some() && !track.and_then(|t| source.weight(i, t)).is_some_and(|c| c != 0.0) {
            continue;
        }
        let position = total;
        total += 1;
        if query.sort.is_none() {
            if (query.offset..wanted).contains(&position) {
                kept.push((Key::Missing, i));
            }
            continue;
        }
        kept.push((key(i), i));
        // Never more than twice the page's end: sorted and cut back.
        if kept.len() >= wanted.saturating_mul(2).max(1024) {
            order(&mut kept);
            kept.truncate(wanted);
        }
    }
    if query.sort.is_some() {
        order(&mut kept);
        kept = kept.into_iter().skip(query.offset).take(query.limit.unwrap_or(usize::MAX)).collect();
    }
    Rows { total, rows: kept.into_iter().map(|(_, i)| source.row(i, None)).collect() }
}

/// The sort key at `path` in a tenant's track part (`tracks.ID.` cut off)
/// read from the part itself, as `Key::at` reads it from the part's JSON;
/// `None` for a path it does not know (read from the JSON then).
fn track_key(part: &TenantTrack, path: &str) -> Option<Key> {
    let flag = |b: bool| Key::Number(f64::from(u8::from(b)));
    let number = |n: Option<f64>| n.filter(|n| n.is_finite()).map_or(Key::Missing, Key::Number);
    let both = |both: Both<bool>, which: &str| match which {
        "asOf" => Some(flag(both.as_of)),
        "baseline" => Some(flag(both.baseline)),
        _ => None,
    };
    let (head, rest) = path.split_once('.').unwrap_or((path, ""));
    match (head, rest) {
        ("netAdd", "") => Some(Key::Number(f64::from(part.net_add))),
        ("contributes", "") => Some(flag(part.contributes)),
        ("eligible", which) => both(part.eligible, which),
        ("serves", which) => both(part.serves, which),
        ("carriedOver", which) => both(part.carried_over, which),
        ("maxPau", "asOf") => Some(number(Some(part.max_pau.as_of))),
        ("maxPau", "baseline") => Some(number(Some(part.max_pau.baseline))),
        ("options", rest) => {
            let (association, field) = rest.split_once('.')?;
            let Some(option) = part.options.get(association) else { return Some(Key::Missing) };
            let month = |month: &TenantMonth, field: &str| match field {
                "mau" => Some(number(Some(month.mau))),
                "deployed" => Some(flag(month.deployed)),
                "bestRatio" => Some(number(month.best_ratio.map(crate::report::round_ratio))),
                _ => None,
            };
            match field.split_once('.').unwrap_or((field, "")) {
                ("growth", "") => Some(number(option.growth)),
                ("deployment", "") => Some(Key::Number(f64::from(option.deployment))),
                ("asOf", field) => month(&option.as_of, field),
                ("baseline", field) => month(&option.baseline, field),
                _ => None,
            }
        }
        _ => None,
    }
}

/// A value rows are sorted by.
#[derive(Clone, Debug, PartialEq)]
enum Key {
    Number(f64),
    Text(String),
    Missing,
}

impl Key {
    /// Numbers before text; a missing value last whichever the direction.
    fn compare(&self, other: &Key, descending: bool) -> Ordering {
        let order = match (self, other) {
            (Key::Missing, Key::Missing) => return Ordering::Equal,
            (Key::Missing, _) => return Ordering::Greater,
            (_, Key::Missing) => return Ordering::Less,
            (Key::Number(a), Key::Number(b)) => a.total_cmp(b),
            (Key::Text(a), Key::Text(b)) => a.cmp(b),
            (Key::Number(_), Key::Text(_)) => Ordering::Less,
            (Key::Text(_), Key::Number(_)) => Ordering::Greater,
        };
        if descending {
            order.reverse()
        } else {
            order
        }
    }

    /// The value at a dotted path of a row's JSON text, found by scanning
    /// the text (a row's tree is never built: sorting 100,000 rows by a
    /// path costs their serialisation and a scan).
    fn at(text: &[u8], path: &str) -> Key {
        let mut at = 0;
        for key in path.split('.') {
            match scan::member(text, at, key.as_bytes()) {
                Some(found) => at = found,
                None => return Key::Missing,
            }
        }
        match text.get(at) {
            Some(b'"') => {
                let end = scan::skip(text, at);
                let value = std::str::from_utf8(&text[at..end]).ok().and_then(|t| crate::json::parse(t).ok());
                match value {
                    Some(Json::String(s)) => Key::Text(lowercase(&s)),
                    _ => Key::Missing,
                }
            }
            Some(b't') => Key::Number(1.0),
            Some(b'f') => Key::Number(0.0),
            Some(b'-' | b'0'..=b'9') => {
                let end = scan::skip(text, at);
                // The JSON reader's doubles (Rust's parser is 19 KB of module).
                std::str::from_utf8(&text[at..end]).map_or(Key::Missing, |n| Key::Number(crate::json::double(n)))
            }
            _ => Key::Missing,
        }
    }
}

/// Walking compact JSON text (as serde_json writes it) without parsing it.
mod scan {
    /// Where the value that starts at `at` ends.
    pub(super) fn skip(text: &[u8], at: usize) -> usize {
        let mut i = at;
        let mut depth = 0usize;
        let mut in_string = false;
        while let Some(&c) = text.get(i) {
            i += 1;
            if in_string {
                match c {
                    b'\\' => i += 1,
                    b'"' => {
                        in_string = false;
                        if depth == 0 {
                            return i;
                        }
                    }
                    _ => {}
                }
                continue;
            }
            match c {
                b'"' => in_string = true,
                b'{' | b'[' => depth += 1,
                // A scalar's end, or its container's.
                b'}' | b']' if depth == 0 => return i - 1,
                b'}' | b']' => {
                    depth -= 1;
                    if depth == 0 {
                        return i;
                    }
                }
                b',' | b':' if depth == 0 => return i - 1,
                _ => {}
            }
        }
        // A scalar at the very end of the text.
        i
    }

    /// Where the value of member `key` of the object at `at` starts.
    pub(super) fn member(text: &[u8], at: usize, key: &[u8]) -> Option<usize> {
        if text.get(at) != Some(&b'{') {
            return None;
        }
        let mut i = at + 1;
        while text.get(i) == Some(&b'"') {
            let name_end = skip(text, i);
            let name = &text[i + 1..name_end - 1];
            let value = name_end + 1;
            if name == key {
                return Some(value);
            }
            i = skip(text, value);
            if text.get(i) != Some(&b',') {
                return None;
            }
            i += 1;
        }
        None
    }
}

/// The page a query selects, gathered as the rows come: the total, and only
/// as many rows as the page needs (sorted, the first `offset + limit` so far).
struct Page<'q> {
    query: &'q RowsQuery,
    track: Option<String>,
    area: Option<String>,
    search: Option<String>,
    total: usize,
    /// Rows offered so far (their natural order, for ties).
    seen: usize,
    kept: Vec<(Key, usize, Row)>,
}

impl<'q> Page<'q> {
    fn new(query: &'q RowsQuery, track: Option<String>, area: Option<&str>) -> Page<'q> {
        let search = query.search.as_deref().map(|s| lowercase(s.trim())).filter(|s| !s.is_empty());
        Page { query, track, area: area.map(str::to_string), search, total: 0, seen: 0, kept: vec![] }
    }

    /// Rows kept: the page's end.
    fn wanted(&self) -> usize {
        self.query.limit.map_or(usize::MAX, |limit| self.query.offset.saturating_add(limit))
    }

    fn filtered(&self) -> bool {
        let q = self.query;
        self.search.is_some() || q.only.is_some() || q.association.is_some() || q.band.is_some()
    }

    fn offer(&mut self, build: &dyn Fn() -> Row) {
        let index = self.seen;
        self.seen += 1;
        if !self.filtered() && self.query.sort.is_none() {
            // The list's own order: only the page's rows are built.
            if (self.query.offset..self.wanted()).contains(&self.total) {
                self.kept.push((Key::Missing, index, build()));
            }
            self.total += 1;
            return;
        }
        let row = build();
        if !self.selects(&row) {
            return;
        }
        let position = self.total;
        self.total += 1;
        let Some(sort) = self.query.sort.as_deref() else {
            if (self.query.offset..self.wanted()).contains(&position) {
                self.kept.push((Key::Missing, index, row));
            }
            return;
        };
        let key = match sort {
            "contribution" => row.contribution(self.track.as_deref()).map_or(Key::Missing, Key::Number),
            path => Key::at(&to_vec(&row), path),
        };
        self.kept.push((key, index, row));
        // Never more than twice the page's end: sorted and cut back.
        let wanted = self.wanted();
        if self.kept.len() >= wanted.saturating_mul(2).max(1024) {
            self.sort();
            self.kept.truncate(wanted);
        }
    }

    fn sort(&mut self) {
        let descending = self.query.descending;
        // Total (the row's index breaks ties): unstable is the same order.
        self.kept.sort_unstable_by(|a, b| a.0.compare(&b.0, descending).then(a.1.cmp(&b.1)));
    }

    fn selects(&self, row: &Row) -> bool {
        let q = self.query;
        if let Some(search) = &self.search {
            if !row.search_text().iter().any(|text| lowercase(text).contains(search.as_str())) {
                return false;
            }
        }
        if q.only.is_some() && !row.contributes(self.track.as_deref(), self.area.as_deref()) {
            return false;
        }
        let exact = |wanted: &Option<String>, has: Option<bool>| wanted.is_none() || has != Some(false);
        exact(&q.association, q.association.as_deref().and_then(|a| row.has_association(a)))
            && exact(&q.band, q.band.as_deref().and_then(|b| row.has_band(b)))
    }

    fn finish(mut self) -> Rows {
        let offset = self.query.offset;
        let rows = if self.query.sort.is_some() {
            self.sort();
            self.kept.into_iter().skip(offset).take(self.query.limit.unwrap_or(usize::MAX)).map(|(_, _, r)| r).collect()
        } else {
            self.kept.into_iter().map(|(_, _, r)| r).collect()
        };
        Rows { total: self.total, rows }
    }
}

impl Row {
    /// The text a search looks in: ids, names, e-mails, tenants, workloads.
    fn search_text(&self) -> Vec<&str> {
        fn some<'a>(values: &[Option<&'a str>]) -> Vec<&'a str> {
            values.iter().flatten().copied().collect()
        }
        match self {
            Row::Tenant(t) => some(&[Some(&t.id), t.name.as_deref()]),
            Row::TenantAction(a) => some(&[Some(&a.tenant), a.workload.as_deref()]),
            Row::SecurityTenant(t) => some(&[Some(&t.id), t.name.as_deref()]),
            Row::AzureTenant(t) => some(&[Some(&t.id), t.name.as_deref()]),
            Row::Service(s) => vec![&s.name],
            Row::Revenue(p) => some(&[Some(&p.pair.tenant), p.pair.tenant_name.as_deref(), Some(&p.pair.workload)]),
            Row::Consumption(p) => some(&[Some(&p.pair.tenant), p.pair.tenant_name.as_deref(), Some(&p.pair.workload)]),
            Row::SetAside(s) => vec![&s.name],
            Row::Person(p) => some(&[Some(&p.id), p.name.as_deref(), p.email.as_deref()]),
        }
    }

    /// Adds to `track`'s points (a person: counts in `area`, or anywhere).
    fn contributes(&self, track: Option<&str>, area: Option<&str>) -> bool {
        match self {
            Row::Person(p) => p.certifications.iter().any(|c| {
                c.areas.iter().any(|a| a.status == CertificationStatus::Counted && area.is_none_or(|id| a.area == id))
            }),
            Row::Service(s) => s.deployment,
            Row::SetAside(_) => false,
            Row::TenantAction(a) => track.is_none_or(|t| a.track == t),
            _ => self.contribution(track).is_some_and(|c| c != 0.0),
        }
    }

    /// How much the row moves `track`'s metrics, for sorting: a customer
    /// added or lost first, then deployments, then growth.
    fn contribution(&self, track: Option<&str>) -> Option<f64> {
        let track = track?;
        let weigh = |net: i32, deployments: i32, growth: f64| {
            crate::report::weigh(net, std::iter::once(deployments), std::iter::once(Some(growth)))
        };
        match self {
            Row::Tenant(t) => {
                let part = t.tracks.get(track)?;
                let options = &part.options.0;
                Some(crate::report::weigh(
                    part.net_add,
                    options.iter().map(|(_, o)| o.deployment),
                    options.iter().map(|(_, o)| o.growth),
                ))
            }
            Row::SecurityTenant(t) => {
                let azure = t.azure.as_ref().and_then(|a| a.tracks.get(track));
                let m365 = t.m365.as_ref().and_then(|m| m.tracks.get(track));
                let a = azure.map_or(0.0, |a| weigh(a.net_add, a.net_deployment, a.growth));
                let m = m365.map_or(0.0, |m| weigh(m.net_add, m.net_deployment, m.growth));
                (azure.is_some() || m365.is_some()).then_some(a + m)
            }
            Row::AzureTenant(t) => t.tracks.get(track).map(|p| weigh(p.net_add, 0, 0.0)),
            Row::Revenue(p) => p.adds.get(track).map(|c| weigh(c.net, 0, 0.0)),
            Row::Consumption(p) => p.deployments.get(track).map(|c| weigh(0, c.net, 0.0)),
            Row::Service(s) => Some(f64::from(u8::from(s.deployment))),
            Row::TenantAction(_) | Row::SetAside(_) | Row::Person(_) => None,
        }
    }

    /// `None` when the row has no association type to match.
    fn has_association(&self, association: &str) -> Option<bool> {
        match self {
            Row::Tenant(t) => Some(t.associations.iter().any(|a| a == association)),
            Row::TenantAction(a) => Some(a.option.as_deref() == Some(association)),
            _ => None,
        }
    }

    /// `None` when the row has no band to match.
    fn has_band(&self, band: &str) -> Option<bool> {
        match self {
            Row::AzureTenant(t) => Some(t.segment.as_deref() == Some(band)),
            _ => None,
        }
    }
}

/// Writes the report of `options` as JSON text to `emit`, in pieces of about
/// `piece` bytes, compact or `pretty` (as serde_json's pretty printer). With
/// `DetailLevel::Full` every list is inline (each area's under its `lists`
/// names, `people` at the top), written row by row; with `area`, only that
/// area's object. Returns the report (its summary), or the first error of `emit`.
pub fn write_report<E>(
    rulesets: &[Ruleset],
    loaded: &Loaded,
    options: &ScoreOptions,
    area: Option<&str>,
    pretty: bool,
    piece: usize,
    emit: &mut dyn FnMut(&[u8]) -> Result<(), E>,
) -> Result<Report, E> {
    let mut out = Pieces::new(pretty, piece);
    if !options.detail.is_full() || rulesets.is_empty() {
        let report = crate::score::score(rulesets, loaded, options);
        match area {
            Some(id) => out.push(&to_vec(&report.areas.get(id)), emit)?,
            None => out.push(&to_vec(&report), emit)?,
        }
        out.flush(emit)?;
        return Ok(report);
    }
    // The report's text up to its areas (its schema and generator), the
    // same for every report: that of a report of nothing.
    const AREAS: &[u8] = b"\"areas\":{}";
    let empty = to_vec(&crate::score::score(&[], &Loaded::default(), options));
    let at =
        |text: &[u8]| text.windows(AREAS.len()).position(|w| w == AREAS).map_or(text.len(), |at| at + AREAS.len() - 1);
    if area.is_none() {
        out.push(&empty[..at(&empty)], emit)?;
    }
    // Each area is written as the pass scores it: its summary, then its
    // lists row by row; the rest of the report once every area is scored.
    let mut failed: Option<E> = None;
    let mut first = true;
    let mut visit = |summary: &AreaReport, models: &dyn DataModel| {
        if failed.is_some() {
            return;
        }
        let mut write = |bytes: &[u8]| {
            if failed.is_none() {
                if let Err(e) = out.push(bytes, emit) {
                    failed = Some(e);
                }
            }
        };
        if area.is_none() {
            if !first {
                write(b",");
            }
            write(&to_vec(&summary.ruleset.id));
            write(b":");
        }
        first = false;
        let text = to_vec(summary);
        write(&text[..text.len() - 1]);
        for (name, _) in &summary.lists.0 {
            write(format!(",{}:[", String::from_utf8_lossy(&to_vec(name))).as_bytes());
            let mut index = 0;
            models.rows(name, &mut |build| {
                if index > 0 {
                    write(b",");
                }
                index += 1;
                write(&to_vec(&build()));
            });
            write(b"]");
        }
        write(b"}");
    };
    let full = ScoreOptions { detail: DetailLevel::Full, ..options.clone() };
    let (report, (people, all_people)) = crate::score::score_visiting(rulesets, loaded, &full, area, &mut visit);
    if let Some(e) = failed {
        return Err(e);
    }
    if area.is_some() {
        out.flush(emit)?;
        return Ok(report);
    }
    // The report's text without its areas, which were written where `"areas":{}` is.
    let mut shell = report;
    let areas = std::mem::take(&mut shell.areas);
    let text = to_vec(&shell);
    shell.areas = areas;
    let report = shell;
    // The people go after the top level's `lists`, which holds only numbers.
    let rest = &text[at(&text)..];
    const LISTS: &[u8] = b"\"lists\":{";
    let lists_end = (rest.windows(LISTS.len()).position(|w| w == LISTS))
        .and_then(|start| rest[start..].iter().position(|&c| c == b'}').map(|end| start + end + 1))
        .unwrap_or(rest.len());
    out.push(&rest[..lists_end], emit)?;
    out.push(b",\"people\":[", emit)?;
    for (i, person) in crate::people::across_areas(people, &all_people).iter().enumerate() {
        if i > 0 {
            out.push(b",", emit)?;
        }
        out.push(&to_vec(person), emit)?;
    }
    out.push(b"]", emit)?;
    out.push(&rest[lists_end..], emit)?;
    out.flush(emit)?;
    Ok(report)
}

// How it is written (`crate::to_json`).
json_object! {
    Rows => |t| { "total": t.total, "rows": t.rows }
    RowsError => |t| { "kind": t.kind, "message": t.message }
}
json_names! {
    RowsErrorKind { UnknownList => "unknownList", UnknownArea => "unknownArea", UnknownTrack => "unknownTrack", BadQuery => "badQuery", NoRulesets => "noRulesets" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_found_in_compact_json_text() {
        let text = br#"{"id":"T-1","name":null,"n":-1.5e2,"ok":true,"s":"a\"}b","tracks":{"smb":{"x":[1,{"y":2}],"maxPau":{"asOf":12}},"e":{}},"last":7}"#;
        assert_eq!(Key::at(text, "id"), Key::Text("t-1".into()));
        assert_eq!(Key::at(text, "n"), Key::Number(-150.0));
        assert_eq!(Key::at(text, "ok"), Key::Number(1.0));
        assert_eq!(Key::at(text, "s"), Key::Text("a\"}b".into()));
        assert_eq!(Key::at(text, "tracks.smb.maxPau.asOf"), Key::Number(12.0));
        assert_eq!(Key::at(text, "last"), Key::Number(7.0));
        for missing in ["name", "tracks.smb", "tracks.smb.x", "tracks.e.asOf", "nothing", "id.x", ""] {
            assert_eq!(Key::at(text, missing), Key::Missing, "{missing}");
        }
    }
}
