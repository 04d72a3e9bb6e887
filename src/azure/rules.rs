//! The numbers and lists the Azure model reads exports and scores with: the
//! `data` object of the Data & AI, Infrastructure and Digital & App
//! Innovation rulesets (azure.md sections 2 to 8). Nothing here is a rule
//! of its own: every threshold, spelling and word comes from the ruleset.

use crate::json::At;
use crate::keyed::Keyed;
use crate::text::{add_spellings, fold, fold_all, lower_all, lowercase, Spellings};

#[derive(Clone, Debug)]
pub struct Rules {
    pub classification: Classification,
    /// USD a tenant's ACR must reach in one month, by track id.
    pub customer_acr_at_least: Keyed<f64>,
    /// The months a tenant may reach it in, counting back from the one scored.
    pub customer_months: u32,
    /// Trailing months summed for usage growth.
    pub ttm_months: u32,
    /// Trailing months a service needs ACR in to count as a deployment.
    pub deployment_months: u32,
    /// The association types whose ACR counts, with their spellings.
    pub associations: Vec<Spelled>,
    /// Types that do not count, reported under these names.
    pub ignored_associations: Vec<String>,
    /// A row whose offer contains one of these words does not count.
    pub excluded_offer_words: Vec<String>,
    /// Services left out of deployments.
    pub deployment_excluded_services: Vec<Spelled>,
    pub duplicate_flags: DuplicateFlags,
    /// Said once when Azure data is loaded.
    pub unsupported_clouds: String,
    /// `Product` values of the Customers and tenants download that are Azure.
    pub azure_products: Vec<String>,
    /// Folded spelling to association index; folded ignored names to the name.
    lookup: Lookup,
}

#[derive(Clone, Debug, Default)]
pub struct Classification {
    /// The track a partner with at least this share of SMB customers is on.
    pub smb_track: String,
    pub smb_share_at_least: f64,
    /// USD of ACR in the as-of month above which a tenant is a customer.
    pub customer_acr_above: f64,
    pub smb_segment_words: Vec<String>,
}

/// A name with its spellings: the ruleset's association shape, so that
/// one reader reads both.
pub type Spelled = crate::ruleset::Association;

/// The ruleset also names the flags it `ignore`s, for people: nothing
/// reads them.
#[derive(Clone, Debug, Default)]
pub struct DuplicateFlags {
    /// Columns whose `1` drops the row.
    pub drop: Vec<String>,
}

#[derive(Clone, Debug, Default)]
struct Lookup {
    associations: Spellings,
    /// (Folded, as written.)
    ignored: Vec<(String, String)>,
    excluded_services: Vec<String>,
    segment_words: Vec<String>,
    offer_words: Vec<String>,
    products: Vec<String>,
}

/// Eligible association types are numbered in a byte whose top bit marks
/// a row flagged as another location's repeat.
pub const MAX_ASSOCIATIONS: usize = 64;

impl DuplicateFlags {
    pub(crate) fn read(at: At<'_, '_>) -> DuplicateFlags {
        DuplicateFlags { drop: at.object().get("drop", |at| at.strings()) }
    }
}

impl Rules {
    /// Reads and checks the `data` of a ruleset with tracks `tracks`.
    pub fn from_json(json: &str, tracks: &[&str]) -> Result<Rules, String> {
        let mut rules = crate::json::read_named(json, "", |at| {
            let o = at.object();
            let spelled = |at: At<'_, '_>| at.list(crate::ruleset::read_association);
            Rules {
                classification: o.get("classification", |at| {
                    let c = at.object();
                    Classification {
                        smb_track: c.string("smbTrack"),
                        smb_share_at_least: c.get("smbShareAtLeast", |at| at.f64()),
                        customer_acr_above: c.f64_or_default("customerAcrAbove"),
                        smb_segment_words: c.get("smbSegmentWords", |at| at.strings()),
                    }
                }),
                customer_acr_at_least: o.get("customerAcrAtLeast", |at| at.map(|at| at.f64())),
                customer_months: o.u32("customerMonths"),
                ttm_months: o.u32("ttmMonths"),
                deployment_months: o.u32("deploymentMonths"),
                associations: o.get("associations", spelled),
                ignored_associations: o.strings_or_default("ignoredAssociations"),
                excluded_offer_words: o.strings_or_default("excludedOfferWords"),
                deployment_excluded_services: o.or_default("deploymentExcludedServices", spelled),
                duplicate_flags: o.get("duplicateFlags", DuplicateFlags::read),
                unsupported_clouds: o.string_or_default("unsupportedClouds"),
                azure_products: o.strings_or_default("azureProducts"),
                lookup: Lookup::default(),
            }
        })
        .map_err(|e| format!("data: {e}"))?;
        if let Some(track) = tracks.iter().find(|t| rules.customer_acr_at_least.get(t).is_none()) {
            return Err(format!("data.customerAcrAtLeast has no threshold for track {track}"));
        }
        if !tracks.contains(&rules.classification.smb_track.as_str()) {
            return Err(format!("data.classification.smbTrack names unknown track {}", rules.classification.smb_track));
        }
        if rules.customer_months == 0 || rules.ttm_months == 0 || rules.deployment_months == 0 {
            return Err("data: customerMonths, ttmMonths and deploymentMonths must be at least 1".into());
        }
        if rules.associations.is_empty() || rules.associations.len() > MAX_ASSOCIATIONS {
            return Err(format!("data.associations: 1 to {MAX_ASSOCIATIONS} association types"));
        }
        let mut lookup = Lookup::default();
        for (i, a) in rules.associations.iter().enumerate() {
            add_spellings(&mut lookup.associations, i, &a.id, &a.spellings);
        }
        lookup.ignored = rules.ignored_associations.iter().map(|name| (fold(name), name.clone())).collect();
        for s in &rules.deployment_excluded_services {
            lookup.excluded_services.extend(fold_all(&s.spellings));
            lookup.excluded_services.push(fold(&s.id));
        }
        lookup.segment_words = fold_all(&rules.classification.smb_segment_words);
        lookup.offer_words = lower_all(&rules.excluded_offer_words);
        lookup.products = fold_all(&rules.azure_products);
        rules.lookup = lookup;
        Ok(rules)
    }

    /// The eligible association type a value names, matched as a whole
    /// (`Transacting partner of record` is not `Partner of record`).
    pub fn association(&self, text: &str) -> Option<u8> {
        self.lookup.associations.get(&fold(text)).map(|&i| i as u8)
    }

    /// The name an association type that does not count is reported under.
    pub fn ignored_name(&self, text: &str) -> String {
        // The last of a name written twice, as a map would keep it.
        let folded = fold(text);
        let found = self.lookup.ignored.iter().rev().find(|(key, _)| *key == folded);
        found.map_or_else(|| text.trim().to_string(), |(_, name)| name.clone())
    }

    /// True when an offer name or type holds one of the excluded words.
    pub fn excluded_offer(&self, offer: &str) -> bool {
        let offer = lowercase(offer);
        self.lookup.offer_words.iter().any(|w| offer.contains(w.as_str()))
    }

    /// True when a Service Level 2 name is left out of deployments.
    pub fn excluded_from_deployments(&self, service: &str) -> bool {
        self.lookup.excluded_services.contains(&fold(service))
    }

    /// True for a segment counted as SMB (its folded form holds a word).
    pub fn smb_segment(&self, segment: &str) -> bool {
        let folded = fold(segment);
        self.lookup.segment_words.iter().any(|w| !w.is_empty() && folded.contains(w.as_str()))
    }

    /// True for a Customers and tenants `Product` that is Azure.
    pub fn azure_product(&self, product: &str) -> bool {
        self.lookup.products.contains(&fold(product))
    }

    /// The monthly ACR a customer must reach on `track`, in cents.
    pub fn threshold_cents(&self, track: &str) -> Option<i64> {
        self.customer_acr_at_least.get(track).map(|usd| cents(*usd))
    }

    /// The ACR a customer must be above in the as-of month, in cents.
    pub fn customer_cents(&self) -> i64 {
        cents(self.classification.customer_acr_above)
    }

    /// The SMB share threshold in parts per ten thousand, so that exactly
    /// 80 % (32 of 40) compares exactly.
    pub fn smb_share_basis_points(&self) -> i64 {
        (self.classification.smb_share_at_least * 10_000.0).round() as i64
    }
}

/// USD as whole cents (`999.99` is 99,999 exactly).
fn cents(usd: f64) -> i64 {
    (usd * 100.0).round() as i64
}
