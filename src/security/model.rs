//! Security's two parts answered as one data model: `from: "azure"` by
//! the Azure part, `from: "usage"` by the Microsoft 365 part; explained
//! together, tenant by tenant; each part unknown on its own when its data
//! is not there, naming what is missing.

use super::azure::AzurePart;
use super::m365::M365Part;
use super::Rules;
use crate::kinds::Measures;
use crate::load::Loaded;
use crate::month::Month;
use crate::points::Points;
use crate::report::{AreaDetail, SecurityDetail, SecurityTenant, Warning, WarningKind};
use crate::ruleset::Ruleset;
use crate::store::tenant_key;
use std::collections::BTreeMap;

/// Tenants listed in the detail: a page shows a few hundred, not 30,000.
const MAX_TENANTS_LISTED: usize = 1000;
/// Hints listed in the detail, nearest first.
const MAX_HINTS: usize = 10;

pub(crate) struct Model {
    azure: Option<AzurePart>,
    m365: Option<M365Part>,
    /// Usage rows were loaded (the Microsoft 365 part may still lack a month).
    usage_loaded: bool,
    as_of: Month,
    detail: SecurityDetail,
}

impl Model {
    /// `usage`: the period of the Microsoft 365 part, when the area reads
    /// usage exports and they hold both months. `None` when no export
    /// feeds either part.
    pub(crate) fn new(
        loaded: &Loaded,
        area: &Ruleset,
        rules: &Rules,
        as_of: Month,
        usage: Option<crate::score::Period>,
    ) -> Option<Model> {
        let azure = AzurePart::new(&loaded.azure, area, rules, as_of);
        let m365 = usage.map(|period| M365Part::new(area, &loaded.usage, period));
        let usage_loaded = area.reads_usage() && !loaded.usage.months.is_empty();
        if azure.is_none() && !usage_loaded {
            return None;
        }
        let detail = detail(loaded, area, as_of, azure.as_ref(), m365.as_ref());
        Some(Model { azure, m365, usage_loaded, as_of, detail })
    }

    /// Why the Azure part is unknown.
    fn azure_missing(&self) -> Option<String> {
        let m = self.as_of;
        match &self.azure {
            None => Some("No Azure usage export was loaded: Security's Azure part needs Partner Center's Azure usage report (Insights) for the longest period (24 months).".into()),
            Some(part) => {
                let month = part.missing?;
                let month = month.map_or("earlier months".to_string(), |month| month.to_string());
                Some(format!(
                    "The Azure usage data covers {} to {}, without {month}: Security's Azure part needs the trailing twelve months ending in {m} and in {}, so it is unknown. Download Partner Center's Azure usage report for the longest period (24 months).",
                    part.first,
                    part.last,
                    crate::areas::baseline(m).map_or("the baseline".to_string(), |b| b.to_string())
                ))
            }
        }
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

/// Both parts' tenants, matched by tenant id across the exports.
fn detail(
    loaded: &Loaded,
    area: &Ruleset,
    as_of: Month,
    azure: Option<&AzurePart>,
    m365: Option<&M365Part>,
) -> SecurityDetail {
    let mut tenants: BTreeMap<String, SecurityTenant> = BTreeMap::new();
    fn entry<'a>(
        tenants: &'a mut BTreeMap<String, SecurityTenant>,
        tenant: &crate::store::Tenant,
    ) -> &'a mut SecurityTenant {
        tenants.entry(tenant_key(&tenant.id)).or_insert_with(|| SecurityTenant {
            id: tenant.id.clone(),
            name: tenant.name.clone(),
            contributes: false,
            azure: None,
            m365: None,
        })
    }
    for part in azure.map_or(&[][..], |a| &a.tenants[..]) {
        let Some(tenant) = loaded.azure.tenants.get(part.tenant as usize) else { continue };
        let listed = entry(&mut tenants, tenant);
        listed.contributes |= part.contributes;
        listed.azure = Some(part.detail.clone());
    }
    for part in m365.map_or(&[][..], |m| &m.tenants[..]) {
        let Some(tenant) = loaded.usage.tenants.get(part.tenant as usize) else { continue };
        let listed = entry(&mut tenants, tenant);
        listed.contributes |= part.contributes;
        listed.name = listed.name.clone().or_else(|| tenant.name.clone());
        listed.m365 = Some(part.detail.clone());
    }
    let tenant_count = tenants.len();
    let mut listed: Vec<SecurityTenant> = tenants.into_values().collect();
    // Stable: the contributing ones first, each group by tenant id.
    listed.sort_by_key(|t| !t.contributes);
    listed.truncate(MAX_TENANTS_LISTED);
    // Nearest first within each part; Microsoft 365's users before Azure's USD.
    let mut users: Vec<(u64, String)> = m365.map_or(vec![], |m| m.hints.clone());
    users.sort();
    let usd: Vec<(i64, String)> = azure.map_or(vec![], |a| a.hints(&loaded.azure, area, as_of, MAX_HINTS));
    let mut hints: Vec<String> = users.into_iter().map(|(_, h)| h).chain(usd.into_iter().map(|(_, h)| h)).collect();
    hints.truncate(MAX_HINTS);
    SecurityDetail {
        model: "security",
        as_of,
        baseline: crate::areas::baseline(as_of),
        azure: azure.map(|a| a.detail(area)),
        m365: m365.map(|m| m.detail(area)),
        tenant_count,
        tenants: listed,
        hints,
    }
}

impl Measures for Model {
    fn measure(&self, from: &str, measure: &str, track: &str, option: Option<&str>) -> Option<Points> {
        match (from, option) {
            ("azure", None) => self.azure.as_ref()?.measure(measure, track),
            ("usage", _) => self.m365.as_ref()?.measures.measure(from, measure, track, option),
            _ => None,
        }
    }

    fn detail(&self) -> Option<AreaDetail> {
        Some(AreaDetail::Security(Box::new(self.detail.clone())))
    }

    fn missing(&self) -> Option<String> {
        let parts: Vec<String> = [self.azure_missing(), self.m365_missing()].into_iter().flatten().collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    }

    /// A part whose data is loaded but lacks a month it needs.
    fn warnings(&self) -> Vec<Warning> {
        let azure = self.azure.as_ref().and_then(|_| self.azure_missing());
        let m365 = self.m365_missing().filter(|_| self.usage_loaded);
        [azure, m365]
            .into_iter()
            .flatten()
            .map(|message| Warning { kind: WarningKind::MissingMonth, file: None, message })
            .collect()
    }
}
