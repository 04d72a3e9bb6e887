//! The numbers and lists Security's Azure part reads exports and scores
//! with: the `data` object of the Security ruleset (security.md sections 3
//! to 5). Nothing here is a rule of its own: every band, spelling and word
//! comes from the ruleset.

use crate::azure::DuplicateFlags;
use crate::json::At;
use crate::keyed::Keyed;
use crate::text::{add_spellings, fold, lower_all, lowercase, Spellings};

/// A name with its spellings (the ruleset's association shape).
pub type Spelled = crate::ruleset::Association;

#[derive(Clone, Debug)]
pub struct Rules {
    /// Trailing months a tenant's security ACR is summed over (TTM).
    pub ttm_months: u32,
    /// The TTM bands of each use, by track id.
    pub azure_bands: AzureBands,
    /// The association types whose ACR counts for Security, with spellings.
    pub azure_associations: Vec<Spelled>,
    /// The service level columns a security service is looked for in.
    pub azure_service_levels: Vec<String>,
    /// The security services, each with its earlier names.
    pub azure_services: Vec<Spelled>,
    /// A row whose offer contains one of these words does not count.
    pub excluded_offer_words: Vec<String>,
    pub duplicate_flags: DuplicateFlags,
    lookup: Lookup,
}

/// What a tenant's TTM is tested for (security.md section 4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Use {
    Customers,
    Deployments,
    UsageGrowth,
}

#[derive(Clone, Debug, Default)]
pub struct AzureBands {
    pub customers: Keyed<TtmBand>,
    pub deployments: Keyed<TtmBand>,
    pub usage_growth: Keyed<TtmBand>,
}

/// A band on a tenant's TTM security ACR, in USD: each bound optional.
#[derive(Clone, Copy, Debug, Default)]
pub struct TtmBand {
    ttm_at_least: Option<f64>,
    ttm_above: Option<f64>,
    ttm_at_most: Option<f64>,
}

impl TtmBand {
    /// `{ttmAtLeast?, ttmAbove?, ttmAtMost?}`: any other field is an error
    /// (a misspelt bound would otherwise be no bound).
    fn read(at: At<'_, '_>) -> TtmBand {
        let o = at.object();
        o.only(&["ttmAtLeast", "ttmAbove", "ttmAtMost"]);
        TtmBand {
            ttm_at_least: o.opt_f64("ttmAtLeast"),
            ttm_above: o.opt_f64("ttmAbove"),
            ttm_at_most: o.opt_f64("ttmAtMost"),
        }
    }

    /// `ttm` in cents.
    pub fn contains(&self, ttm: i64) -> bool {
        self.ttm_at_least.is_none_or(|usd| ttm >= cents(usd))
            && self.ttm_above.is_none_or(|usd| ttm > cents(usd))
            && self.ttm_at_most.is_none_or(|usd| ttm <= cents(usd))
    }

    /// The least TTM (cents) in the band, when it has a lower bound.
    pub fn lowest(&self) -> Option<i64> {
        let at_least = self.ttm_at_least.map(cents);
        let above = self.ttm_above.map(|usd| cents(usd) + 1);
        at_least.max(above)
    }
}

#[derive(Clone, Debug, Default)]
struct Lookup {
    associations: Spellings,
    services: Spellings,
    offer_words: Vec<String>,
}

/// Eligible association types are numbered in a byte whose top bit the
/// Azure store keeps for flagged rows.
const MAX_ASSOCIATIONS: usize = crate::azure::MAX_ASSOCIATIONS;

impl Rules {
    /// Reads and checks the `data` of a ruleset with tracks `tracks`.
    pub fn from_json(json: &str, tracks: &[&str]) -> Result<Rules, String> {
        let mut rules = crate::json::read_named(json, "", |at| {
            let o = at.object();
            let bands = |at: At<'_, '_>| at.map(TtmBand::read);
            Rules {
                ttm_months: o.u32("ttmMonths"),
                azure_bands: o.get("azureBands", |at| {
                    let b = at.object();
                    AzureBands {
                        customers: b.get("customers", bands),
                        deployments: b.get("deployments", bands),
                        usage_growth: b.get("usageGrowth", bands),
                    }
                }),
                azure_associations: o.get("azureAssociations", |at| at.list(crate::ruleset::read_association)),
                azure_service_levels: o.get("azureServiceLevels", |at| at.strings()),
                azure_services: o.get("azureServices", |at| at.list(crate::ruleset::read_association)),
                excluded_offer_words: o.strings_or_default("excludedOfferWords"),
                duplicate_flags: o.get("duplicateFlags", crate::azure::DuplicateFlags::read),
                lookup: Lookup::default(),
            }
        })
        .map_err(|e| format!("data: {e}"))?;
        let bands = &rules.azure_bands;
        for (name, by_track) in
            [("customers", &bands.customers), ("deployments", &bands.deployments), ("usageGrowth", &bands.usage_growth)]
        {
            if let Some(track) = tracks.iter().find(|t| by_track.get(t).is_none()) {
                return Err(format!("data.azureBands.{name} has no band for track {track}"));
            }
        }
        if rules.ttm_months == 0 {
            return Err("data.ttmMonths must be at least 1".into());
        }
        if rules.azure_associations.is_empty() || rules.azure_associations.len() > MAX_ASSOCIATIONS {
            return Err(format!("data.azureAssociations: 1 to {MAX_ASSOCIATIONS} association types"));
        }
        if rules.azure_services.is_empty() || rules.azure_service_levels.is_empty() {
            return Err("data.azureServices and data.azureServiceLevels must not be empty".into());
        }
        let mut lookup = Lookup::default();
        for (i, a) in rules.azure_associations.iter().enumerate() {
            add_spellings(&mut lookup.associations, i, &a.id, &a.spellings);
        }
        for (i, s) in rules.azure_services.iter().enumerate() {
            add_spellings(&mut lookup.services, i, &s.id, &s.spellings);
        }
        lookup.offer_words = lower_all(&rules.excluded_offer_words);
        rules.lookup = lookup;
        Ok(rules)
    }

    /// The Security association type a value names, matched as a whole.
    pub fn association(&self, text: &str) -> Option<u8> {
        self.lookup.associations.get(&fold(text)).map(|&i| i as u8)
    }

    /// The security service a service level names, as a whole name (so
    /// `Azure Active Directory B2C` is not `Microsoft Entra`).
    pub fn service(&self, text: &str) -> Option<u16> {
        self.lookup.services.get(&fold(text)).map(|&i| i as u16)
    }

    /// True when an offer name or type holds one of the excluded words.
    pub fn excluded_offer(&self, offer: &str) -> bool {
        let offer = lowercase(offer);
        self.lookup.offer_words.iter().any(|w| offer.contains(w.as_str()))
    }

    /// The band of `track` for `use_`.
    pub fn band(&self, use_: Use, track: &str) -> Option<&TtmBand> {
        let bands = &self.azure_bands;
        match use_ {
            Use::Customers => bands.customers.get(track),
            Use::Deployments => bands.deployments.get(track),
            Use::UsageGrowth => bands.usage_growth.get(track),
        }
    }
}

/// USD as whole cents (`12000.00` is 1,200,000 exactly).
fn cents(usd: f64) -> i64 {
    (usd * 100.0).round() as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn band(json: &str) -> Result<TtmBand, String> {
        Ok(crate::json::read_named(json, "", TtmBand::read)?)
    }

    #[test]
    fn bands_compare_whole_cents_at_their_edges() {
        let smb = band(r#"{ "ttmAtLeast": 750, "ttmAtMost": 12000 }"#).unwrap();
        let ent = band(r#"{ "ttmAbove": 12000 }"#).unwrap();
        let usage = band(r#"{ "ttmAbove": 0, "ttmAtMost": 12000 }"#).unwrap();
        for (ttm, in_smb, in_ent, in_usage) in [
            (0, false, false, false),
            (74_999, false, false, true),
            (75_000, true, false, true),
            (1_200_000, true, false, true),
            (1_200_001, false, true, false),
            (-100, false, false, false),
        ] {
            assert_eq!(smb.contains(ttm), in_smb, "{ttm}");
            assert_eq!(ent.contains(ttm), in_ent, "{ttm}");
            assert_eq!(usage.contains(ttm), in_usage, "{ttm}");
        }
        assert_eq!((smb.lowest(), ent.lowest(), usage.lowest()), (Some(75_000), Some(1_200_001), Some(1)));
        assert_eq!(
            band(r#"{ "ttmAtleast": 1 }"#).unwrap_err(),
            "ttmAtleast: unknown field `ttmAtleast`",
            "a misspelt bound"
        );
    }
}
