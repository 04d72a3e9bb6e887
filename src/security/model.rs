//! Security's two parts answered as one data model: `from: "azure"` by
//! the Azure part, `from: "usage"` by the Microsoft 365 part; explained
//! together, tenant by tenant; each part unknown on its own when its data
//! is not there, naming what is missing.

use super::azure::AzurePart;
use super::m365::M365Part;
use super::{caseless, Rules};
use crate::kinds::Measures;
use crate::load::Loaded;
use crate::model::DataModel;
use crate::month::Month;
use crate::points::Points;
use crate::report::DetailLevel;
use crate::report::{AreaDetail, EachRow, Row, SecurityDetail, SecurityTenant, Warning, WarningKind};
use crate::ruleset::Ruleset;

/// Hints listed in the detail, nearest first.
const MAX_HINTS: usize = 10;

pub(crate) struct Model<'a> {
    loaded: &'a Loaded,
    azure: Option<AzurePart<'a>>,
    m365: Option<M365Part<'a>>,
    /// Usage rows were loaded (the Microsoft 365 part may still lack a month).
    usage_loaded: bool,
    as_of: Month,
    detail: SecurityDetail,
    /// With `DetailLevel::Full`: every tenant of either part, the ones that
    /// change a metric first, each built when its row is asked for.
    listed: Vec<Listed>,
}

impl<'a> Model<'a> {
    /// `usage`: the period of the Microsoft 365 part, when the area reads
    /// usage exports and they hold both months. `None` when no export
    /// feeds either part. With `DetailLevel::Summary` the model keeps no
    /// tenant list (their count and the hints stay).
    pub(crate) fn new(
        loaded: &'a Loaded,
        area: &'a Ruleset,
        rules: &'a Rules,
        as_of: Month,
        usage: Option<crate::usage::facts::Period>,
        level: DetailLevel,
    ) -> Option<Model<'a>> {
        let azure = AzurePart::new(&loaded.azure, area, rules, as_of);
        let m365 = usage.map(|period| M365Part::new(area, &loaded.usage, period));
        let usage_loaded = area.reads_usage() && !loaded.usage.months.is_empty();
        if azure.is_none() && !usage_loaded {
            return None;
        }
        let (detail, listed) = detail(loaded, as_of, azure.as_ref(), m365.as_ref(), level);
        Some(Model { azure, m365, usage_loaded, as_of, detail, listed, loaded })
    }

    /// Why the Azure part is unknown.
    fn azure_missing(&self) -> Option<String> {
        let m = self.as_of;
        let Some(part) = &self.azure else {
            return Some("No Azure usage export was loaded: Security's Azure part needs Partner Center's Azure usage report (Insights) for the longest period (24 months).".into());
        };
        let month = part.missing?.map_or("earlier months".to_string(), |month| month.to_string());
        let (first, last) = part.months();
        let b = crate::areas::baseline(m).map_or("the baseline".to_string(), |b| b.to_string());
        Some(format!(
            "The Azure usage data covers {first} to {last}, without {month}: Security's Azure part needs the trailing twelve months ending in {m} and in {b}, so it is unknown. Download Partner Center's Azure usage report for the longest period (24 months)."
        ))
    }

    /// Why the Microsoft 365 part is unknown.
    fn m365_missing(&self) -> Option<String> {
        if self.m365.is_some() {
            return None;
        }
        let m = self.as_of;
        let b = crate::areas::baseline(m).map_or("the baseline".to_string(), |b| b.to_string());
        Some(if self.usage_loaded {
            format!("The usage data does not hold both {m} and {b} (12 months before): Security's Microsoft 365 part is unknown. Add the Office usage or EMS usage download that covers them.")
        } else {
            format!("No Office usage or EMS usage download was loaded: Security's Microsoft 365 part needs {m} and {b} (12 months before).")
        })
    }
}

/// One tenant in either part: indexes into each part's candidates.
struct Listed {
    azure: Option<usize>,
    m365: Option<usize>,
    contributes: bool,
}

/// Both parts' tenants, matched by tenant id across the exports (in full
/// detail, in the order they are listed), and the detail.
fn detail(
    loaded: &Loaded,
    as_of: Month,
    azure: Option<&AzurePart>,
    m365: Option<&M365Part>,
    level: DetailLevel,
) -> (SecurityDetail, Vec<Listed>) {
    let azure_candidates = azure.map_or(&[][..], |a| &a.candidates[..]);
    let m365_candidates = m365.map_or(&[][..], |m| &m.candidates[..]);
    // Per Azure tenant id, its entry: a usage tenant of the same id joins it.
    let mut by_azure_tenant = vec![u32::MAX; loaded.azure.tenants.len()];
    let mut listed: Vec<Listed> = Vec::with_capacity(azure_candidates.len() + m365_candidates.len());
    for (i, c) in azure_candidates.iter().enumerate() {
        if let Some(slot) = by_azure_tenant.get_mut(c.tenant as usize) {
            *slot = listed.len() as u32;
        }
        listed.push(Listed { azure: Some(i), m365: None, contributes: c.contributes });
    }
    for (i, c) in m365_candidates.iter().enumerate() {
        let id = loaded.usage.tenants.get(c.tenant as usize).map(|t| t.id.as_str()).unwrap_or_default();
        let same = loaded.azure.find_tenant(id).and_then(|t| by_azure_tenant.get(t as usize)).copied();
        match same.and_then(|at| listed.get_mut(at as usize)) {
            Some(entry) => {
                entry.m365 = Some(i);
                entry.contributes |= c.contributes;
            }
            None => listed.push(Listed { azure: None, m365: Some(i), contributes: c.contributes }),
        }
    }
    drop(by_azure_tenant);
    let tenant_count = listed.len();
    if !level.is_full() {
        listed = vec![];
    }
    // The contributing ones first, each group by tenant id (case aside), so
    // that the order of rows and files does not show.
    let id_of = |l: &Listed| {
        let azure_tenant =
            l.azure.and_then(|i| azure_candidates.get(i)).and_then(|c| loaded.azure.tenants.get(c.tenant as usize));
        let usage_tenant =
            l.m365.and_then(|i| m365_candidates.get(i)).and_then(|c| loaded.usage.tenants.get(c.tenant as usize));
        azure_tenant.or(usage_tenant).map_or("", |t| t.id.as_str())
    };
    listed.sort_unstable_by(|a, b| {
        (!a.contributes).cmp(&!b.contributes).then_with(|| caseless(id_of(a)).cmp(caseless(id_of(b))))
    });
    // Nearest first within each part; Microsoft 365's users before Azure's USD.
    let mut users: Vec<(i64, String)> = m365.map_or(vec![], |m| m.hints.clone());
    users.sort_unstable();
    let mut hints = vec![];
    for (_, hint) in users {
        hints.push(hint);
    }
    for (_, hint) in azure.map_or(vec![], |a| a.hints(MAX_HINTS)) {
        hints.push(hint);
    }
    hints.truncate(MAX_HINTS);
    let detail = SecurityDetail {
        model: "security",
        as_of,
        baseline: crate::areas::baseline(as_of),
        azure: azure.map(AzurePart::detail),
        m365: m365.map(M365Part::detail),
        tenant_count,
        hints,
    };
    (detail, listed)
}

impl Model<'_> {
    /// One listed tenant with its part in each part's metrics.
    fn tenant(&self, l: &Listed) -> SecurityTenant {
        let (azure, m365, loaded) = (self.azure.as_ref(), self.m365.as_ref(), self.loaded);
        let azure_candidate = azure.zip(l.azure).and_then(|(a, i)| a.candidates.get(i));
        let usage_tenant = m365.zip(l.m365).and_then(|(m, i)| m.candidates.get(i)).map(|c| c.tenant);
        let from_azure = azure_candidate.and_then(|c| loaded.azure.tenants.get(c.tenant as usize));
        let from_usage = usage_tenant.and_then(|t| loaded.usage.tenants.get(t as usize));
        SecurityTenant {
            id: from_azure.or(from_usage).map(|t| t.id.clone()).unwrap_or_default(),
            name: from_azure.and_then(|t| t.name.clone()).or_else(|| from_usage.and_then(|t| t.name.clone())),
            contributes: l.contributes,
            azure: azure.zip(azure_candidate).map(|(a, c)| a.tenant_detail(c)),
            m365: m365.zip(usage_tenant).map(|(m, t)| m.tenant_detail(t)),
        }
    }
}

impl Measures for Model<'_> {
    fn measure(&self, from: &str, measure: &str, track: &str, option: Option<&str>) -> Option<Points> {
        match (from, option) {
            ("azure", None) => self.azure.as_ref()?.measure(measure, track),
            ("usage", _) => self.m365.as_ref()?.measures.measure(from, measure, track, option),
            _ => None,
        }
    }
}

impl DataModel for Model<'_> {
    fn detail(&self) -> Option<AreaDetail> {
        Some(AreaDetail::Security(Box::new(self.detail.clone())))
    }

    fn lists(&self) -> Vec<(&'static str, usize)> {
        vec![("tenants", self.detail.tenant_count)]
    }

    fn rows(&self, list: &str, each: &mut EachRow<'_>) -> bool {
        if list != "tenants" {
            return false;
        }
        for listed in &self.listed {
            each(&|| Row::SecurityTenant(Box::new(self.tenant(listed))));
        }
        true
    }

    fn missing(&self) -> Option<String> {
        match (self.azure_missing(), self.m365_missing()) {
            (Some(azure), Some(m365)) => Some(format!("{azure} {m365}")),
            (azure, m365) => azure.or(m365),
        }
    }

    /// A part whose data is loaded but lacks a month it needs.
    fn warnings(&self) -> Vec<Warning> {
        let azure = self.azure.as_ref().and_then(|_| self.azure_missing());
        let m365 = self.m365_missing().filter(|_| self.usage_loaded);
        let mut out = vec![];
        for message in [azure, m365].into_iter().flatten() {
            out.push(Warning { kind: WarningKind::MissingMonth, file: None, message });
        }
        out
    }
}
