//! Rows of the Azure usage export and of the Customers and tenants
//! download (inputs.md sections 7 and 8) into the Azure store: what counts,
//! what does not and why, as azure.md sections 7 and 8 say.

use super::rules::Rules;
use super::store::{AzureStore, Entry, FileRows, Lookups, Source, TenantId, FLAGGED};
use crate::input_row::{flag_set, Row, NONE};
use crate::layout::{AzureColumns, Layout, TenantsColumns, SERVICE_LEVEL2};
use crate::month::Month;
use crate::number::{parse_amount, parse_plain_amount, CountError};
use crate::report::{ErrorKind, Warning, WarningKind};
use crate::security::Rules as SecurityRules;
use crate::text::fold;
use crate::usage::store::FastMap;
use std::collections::BTreeMap;

/// What became of a row; the month is the row's, for the file's months.
pub(crate) enum Outcome {
    Counted(Month),
    /// Dropped by a duplicate flag.
    Flagged(Month),
    /// An association type, offer or product that does not count.
    NotCounted(Month),
    /// Its month was loaded from an earlier file of the same kind.
    Overlap(Month),
    Error,
}

/// Spellings remembered; a hostile file of unique ones is resolved row by row.
const MAX_CACHED: usize = 4096;

/// The fields every Azure row has, read and checked together so that a
/// row's errors are all listed.
struct Common {
    tenant: TenantId,
    month: Month,
    acr: i64,
    /// An eligible association type, or the name of one that does not count.
    association: Result<u8, String>,
}

fn common(
    row: &mut Row<'_, '_>,
    (tenant, tenant_name, month, acr, association): (usize, Option<usize>, usize, usize, usize),
    rules: Option<&Rules>,
    store: &mut AzureStore,
) -> Option<Common> {
    let raw = row.raw(tenant);
    let known = store.file.as_ref().and_then(|f| f.lookups.tenant.get(raw));
    let tenant_text = if known.is_some() { None } else { row.required(tenant, "tenant") };
    let month = row.month(month);
    let acr = amount(row, acr);
    let association = resolve_association(row, association, rules, store);
    let tenant = match (known, tenant_text) {
        (Some(id), _) => id,
        (None, Some(text)) => {
            let name = tenant_name.and_then(|i| row.name(i));
            let id = store.tenant(&text, name.as_deref());
            let file = store.file.as_mut()?;
            file.lookups.tenant.set(row.raw(tenant), id)
        }
        (None, None) => return None,
    };
    Some(Common { tenant, month: month?, acr: acr?, association: association? })
}

fn resolve_association(
    row: &mut Row<'_, '_>,
    column: usize,
    rules: Option<&Rules>,
    store: &mut AzureStore,
) -> Option<Result<u8, String>> {
    let raw = row.raw(column);
    if let Some(lookups) = store.file.as_ref().map(|f| &f.lookups) {
        if let Some(code) = lookups.associations.get(raw) {
            return Some(match code.checked_sub(256) {
                None => Ok(code as u8),
                Some(i) => Err(lookups.ignored_names[i as usize].clone()),
            });
        }
    }
    let text = row.required(column, "association type")?;
    let resolved = match rules.and_then(|r| r.association(&text)) {
        Some(eligible) => Ok(eligible),
        None => Err(rules.map_or_else(|| text.clone(), |r| r.ignored_name(&text))),
    };
    let lookups = &mut store.file.as_mut()?.lookups;
    if !lookups.associations.full() {
        let code = match &resolved {
            Ok(eligible) => u32::from(*eligible),
            Err(name) => {
                lookups.ignored_names.push(name.clone());
                255 + lookups.ignored_names.len() as u32
            }
        };
        lookups.associations.insert(row.raw(column), code);
    }
    Some(resolved)
}

/// An ACR amount: signed (credits), in cents.
fn amount(row: &mut Row<'_, '_>, column: usize) -> Option<i64> {
    if let Some(cents) = parse_plain_amount(row.raw(column)) {
        return Some(cents);
    }
    let text = row.text(column).into_owned();
    match parse_amount(&text) {
        Ok(cents) => Some(cents),
        Err(e) => {
            let (kind, message) = match e {
                CountError::Empty => (ErrorKind::EmptyValue, "empty ACR where an amount in USD is required"),
                CountError::TooLarge => (ErrorKind::BadNumber, "ACR too large for an amount in USD"),
                _ => (ErrorKind::BadNumber, "not an amount in USD (expected e.g. 1250.40 or -300.00)"),
            };
            row.error(column, &text, kind, message.to_string());
            None
        }
    }
}

/// Records the row's month and segment; false when the month was already
/// loaded from an earlier file of the same kind.
fn note_month(
    row: &mut Row<'_, '_>,
    store: &mut AzureStore,
    source: Source,
    c: &Common,
    segment: Option<usize>,
) -> bool {
    let Some(file) = store.file.as_mut() else { return false };
    if store.totals.months[source as usize].contains(&c.month) {
        *file.overlap.entry(c.month).or_insert(0) += 1;
        return false;
    }
    file.months.insert(c.month);
    let Some(column) = segment else { return true };
    let segment = match file.lookups.segment.get(row.raw(column)) {
        Some(id) => id,
        None => {
            let id = store.segment(&row.text(column));
            let file = store.file.as_mut().map(|f| &mut f.lookups.segment);
            file.map_or(id, |last| last.set(row.raw(column), id))
        }
    };
    if let (Some(file), true) = (store.file.as_mut(), segment != 0) {
        file.segments.insert((c.tenant, c.month), segment);
    }
    true
}

/// The offer a row is excluded by, if any.
fn excluded_offer(row: &mut Row<'_, '_>, offers: &[usize], rules: &Rules, store: &mut AzureStore) -> Option<String> {
    let file = store.file.as_mut()?;
    for &column in offers {
        let raw = row.raw(column);
        let excluded = match file.lookups.offer.get(raw) {
            Some(excluded) => excluded,
            None => {
                let offer = row.text(column).trim().to_string();
                let excluded = rules.excluded_offer(&offer).then_some(offer);
                file.lookups.offer.set(row.raw(column), excluded)
            }
        };
        if excluded.is_some() {
            return excluded;
        }
    }
    None
}

/// A row of the Azure usage export: counted for the Azure areas (their
/// association types and offers) and, when it names a security service,
/// for Security's Azure part (its own types and offers), each on its own.
pub(crate) fn usage_row(
    row: &mut Row<'_, '_>,
    c: &AzureColumns,
    rules: Option<&Rules>,
    security: Option<&SecurityRules>,
    store: &mut AzureStore,
) -> Outcome {
    if store.file.is_none() {
        store.file = Some(new_usage_file(row.header(), c, rules, security));
    }
    let fields = common(row, (c.tenant, c.tenant_name, c.month, c.acr, c.association), rules, store);
    let service = !row.raw(c.service).trim_ascii().is_empty() || row.required(c.service, "service").is_some();
    let (Some(fields), true) = (fields, service) else { return Outcome::Error };
    if !note_month(row, store, Source::AzureUsage, &fields, c.segment) {
        return Outcome::Overlap(fields.month);
    }
    let (month, acr) = (fields.month, fields.acr);
    let flagged = store.file.as_ref().is_some_and(|f| f.drop_columns.iter().any(|&i| flag_set(row.raw(i))));
    if flagged {
        store.flagged.add(acr);
        return Outcome::Flagged(month);
    }
    let for_security = security.and_then(|s| security_association(row, c.association, s, store));
    let association = match fields.association {
        Ok(association) => Some(association),
        Err(name) => {
            store.ignored_associations.add(name, acr);
            None
        }
    };
    let association = match association {
        Some(association) => match rules.and_then(|r| excluded_offer(row, &c.offers, r, store)) {
            Some(offer) => {
                store.ignored_offers.add(offer, acr);
                None
            }
            None => Some(association),
        },
        None => None,
    };
    // Security's rows are few: their offers are read only for them.
    let for_security = for_security.filter(|_| {
        let offers: Vec<String> = c.offers.iter().map(|&i| row.text(i).into_owned()).collect();
        security.is_some_and(|s| !offers.iter().any(|offer| s.excluded_offer(offer)))
    });
    if association.is_none() && for_security.is_none() {
        return Outcome::NotCounted(month);
    }
    let Some(combo) = combo(row, c, security, store) else { return Outcome::Error };
    let Some(file) = store.file.as_mut() else { return Outcome::Error };
    let site = site(row, c, file);
    let entry =
        |association: u8| Entry { tenant: fields.tenant, site, month, line: combo << 8 | u32::from(association), acr };
    if let Some(association) = association {
        file.entries.push(entry(association));
    }
    let security_service = file.combo_security.get(combo as usize).copied().unwrap_or(false);
    match for_security.filter(|_| security_service) {
        Some(association) => file.security.push(entry(association)),
        None if association.is_none() => return Outcome::NotCounted(month),
        None => {}
    }
    Outcome::Counted(month)
}

/// The state of an Azure usage file, from its header: the columns whose
/// `1` drops a row (both rulesets' drop flags) and those a security
/// service is looked for in.
fn new_usage_file(
    header: &[String],
    c: &AzureColumns,
    rules: Option<&Rules>,
    security: Option<&SecurityRules>,
) -> FileRows {
    let header: Vec<String> = header.iter().map(|h| fold(h)).collect();
    let position = |name: &String| header.iter().position(|h| *h == fold(name));
    let flags = rules.map(|r| &r.duplicate_flags.drop).into_iter().chain(security.map(|s| &s.duplicate_flags.drop));
    let mut drop: Vec<usize> = flags.flatten().filter_map(position).collect();
    drop.sort_unstable();
    drop.dedup();
    // Without the attach-type flag, a consumption repeated for several
    // partner locations is told apart by its location (inputs.md section 7).
    let by_location = drop.is_empty() && c.location.is_some();
    let mut file = FileRows::new(Source::AzureUsage, drop);
    if by_location {
        file.sites.push((0, 0));
    }
    // Only levels the rows are keyed by, so that a combination's match
    // holds for every row of it; the service column when none is found.
    // Service Level 2 is the column read as it, an alias (`ServiceName`,
    // `MeterCategory`) included, also beside `ServiceLevel3` (inputs.md
    // section 7: matching on level 3 alone lost security ACR).
    let keyed = |i: &usize| *i == c.service || c.finer_services.contains(i);
    let column = |name: &String| if SERVICE_LEVEL2.names(name) { Some(c.service) } else { position(name) };
    let levels = security.map(|s| s.azure_service_levels.iter().filter_map(column).filter(keyed).collect());
    file.security_levels = match levels {
        Some(levels) if Vec::is_empty(&levels) => vec![c.service],
        Some(levels) => levels,
        None => vec![],
    };
    file
}

/// Security's association type a row is under, if any.
fn security_association(
    row: &mut Row<'_, '_>,
    column: usize,
    rules: &SecurityRules,
    store: &mut AzureStore,
) -> Option<u8> {
    let raw = row.raw(column);
    if let Some(code) = store.file.as_ref().and_then(|f| f.lookups.security_associations.get(raw)) {
        return (code != NONE).then_some(code as u8);
    }
    let resolved = rules.association(&row.text(column));
    let file = store.file.as_mut()?;
    file.lookups.security_associations.insert(raw, resolved.map_or(NONE, u32::from));
    resolved
}

/// The row's service levels (2, then 3 and 4 when the file has them) as
/// one id, matched without case, space or punctuation as service names are.
fn combo(
    row: &mut Row<'_, '_>,
    c: &AzureColumns,
    security: Option<&SecurityRules>,
    store: &mut AzureStore,
) -> Option<u32> {
    let file = store.file.as_mut()?;
    let mut raw = std::mem::take(&mut file.lookups.buffer);
    raw.clear();
    raw.extend_from_slice(row.raw(c.service));
    for &column in &c.finer_services {
        raw.push(0x1f);
        raw.extend_from_slice(row.raw(column));
    }
    let combo = match file.combos.get(raw.as_slice()) {
        Some(&combo) => combo,
        None => {
            let levels = std::iter::once(c.service).chain(c.finer_services.iter().copied());
            let key = levels.map(|i| fold(&row.text(i))).collect::<Vec<_>>().join("\u{1f}");
            let level2 = store.service(&row.text(c.service));
            let file = store.file.as_mut()?;
            let next = file.combo_service.len() as u32;
            let combo = *file.combo_index.entry(key).or_insert(next);
            if combo == next {
                file.combo_service.push(level2);
                let levels = &file.security_levels;
                let named = security.is_some_and(|s| levels.iter().any(|&i| s.service(&row.text(i)).is_some()));
                file.combo_security.push(named);
            }
            if file.combos.len() < MAX_CACHED {
                file.combos.insert(raw.as_slice().into(), combo);
            }
            combo
        }
    };
    store.file.as_mut()?.lookups.buffer = raw;
    Some(combo)
}

/// The row's site: its subscription's id in the file (0 for none), and
/// where locations are told apart, that subscription at the row's location.
fn site(row: &Row<'_, '_>, c: &AzureColumns, file: &mut FileRows) -> u32 {
    let subscription = c.subscription.map_or(0, |i| number(row.raw(i), &mut file.subscriptions, &mut file.lookups));
    let Some(column) = c.location.filter(|_| !file.sites.is_empty()) else { return subscription };
    let location = number(row.raw(column), &mut file.locations, &mut file.lookups);
    let next = file.sites.len() as u32;
    let site = *file.site_index.entry((subscription, location)).or_insert(next);
    if site == next {
        file.sites.push((subscription, location));
    }
    site
}

/// A value's number in `numbers` (from 1; 0 for an empty one), its case ignored.
fn number(raw: &[u8], numbers: &mut FastMap<Box<[u8]>, u32>, lookups: &mut Lookups) -> u32 {
    let raw = raw.trim_ascii();
    if raw.is_empty() {
        return 0;
    }
    let mut key = std::mem::take(&mut lookups.buffer);
    key.clear();
    key.extend(raw.iter().map(u8::to_ascii_lowercase));
    let next = numbers.len() as u32 + 1;
    let id = match numbers.get(key.as_slice()) {
        Some(&id) => id,
        None => {
            numbers.insert(key.as_slice().into(), next);
            next
        }
    };
    lookups.buffer = key;
    id
}

/// A row of the Customers and tenants download: its Microsoft Azure rows
/// give ACR per tenant and month, every row a segment.
pub(crate) fn tenants_row(
    row: &mut Row<'_, '_>,
    c: &TenantsColumns,
    rules: Option<&Rules>,
    store: &mut AzureStore,
) -> Outcome {
    if store.file.is_none() {
        store.file = Some(FileRows::new(Source::CustomersTenants, Vec::new()));
    }
    let fields = common(row, (c.tenant, c.tenant_name, c.month, c.acr, c.association), rules, store);
    let product = row.required(c.product, "product");
    let (Some(fields), Some(product)) = (fields, product) else { return Outcome::Error };
    if !note_month(row, store, Source::CustomersTenants, &fields, c.segment) {
        return Outcome::Overlap(fields.month);
    }
    let (month, acr) = (fields.month, fields.acr);
    if !rules.is_some_and(|r| r.azure_product(&product)) {
        return Outcome::NotCounted(month);
    }
    let association = match fields.association {
        Ok(association) => association,
        Err(name) => {
            store.ignored_associations.add(name, acr);
            return Outcome::NotCounted(month);
        }
    };
    let flagged = c.pga_duplicate.is_some_and(|i| flag_set(row.raw(i)));
    let association = if flagged { association | FLAGGED } else { association };
    let Some(file) = store.file.as_mut() else { return Outcome::Error };
    file.entries.push(Entry { tenant: fields.tenant, site: 0, month, line: u32::from(association), acr });
    Outcome::Counted(month)
}

/// Ends an Azure file: its rows folded into the totals, and what the user
/// should know about it.
pub(crate) fn finish_file(
    store: &mut AzureStore,
    name: &str,
    layout: &Layout,
    rules: Option<&Rules>,
    warnings: &mut Vec<Warning>,
) {
    let before = store.totals.location_repeats;
    let Some(file) = store.finish_file() else { return };
    let repeats = store.totals.location_repeats;
    let mut warn = |kind, message: String| warnings.push(Warning { kind, file: Some(name.to_string()), message });
    if !file.overlap.is_empty() {
        let rows: u64 = file.overlap.values().sum();
        warn(
            WarningKind::OverlappingMonths,
            format!(
                "{rows} row(s) of {} were skipped: those months were already loaded from an earlier file of this kind, and overlapping downloads are not added twice.",
                month_list(&file.overlap)
            ),
        );
    }
    if let Layout::AzureUsage(c) = layout {
        if c.service_alias {
            warn(WarningKind::ServiceNameAlias, "the file has no ServiceLevel2 column: its service column (ServiceName, else MeterCategory) was read as the Service Level 2 service for every area, Security's Azure services included, though it does not always name it; deployments may count services differently.".into());
        }
        if c.acr_per_subscription {
            warn(WarningKind::SubscriptionLevelAcr, "the file's only ACR column is MonthlySubscriptionLevelACR, named for the subscription's month: each service's ACR may be its subscription's, counted once per service. Download the report with ACR_USD (or TotalACR) if you can.".into());
        }
        if file.drop_columns.is_empty() && c.location.is_none() {
            warn(WarningKind::LocationsUnknown, "the file has neither the IsACRDuplicateAtPGAAttachTypeLevel column nor a partner location column (MPNId, PartnerID): its rows were summed, so a download at partner global account level would count a consumption once per location.".into());
        }
        let rows = repeats.rows - before.rows;
        if rows > 0 {
            let acr = repeats.acr.saturating_sub(before.acr);
            warn(WarningKind::PgaDuplicates, format!("{rows} row(s) repeat a consumption another partner location of the same global account reports (same subscription, month, service and association type; the file has no IsACRDuplicateAtPGAAttachTypeLevel column): only the largest location's ACR counts, {} set aside.", super::usd_text(acr)));
        }
        if c.offers.is_empty() {
            store.offers_unchecked = true;
            let words = rules.map(|r| r.excluded_offer_words.join(", ")).unwrap_or_default();
            warn(
                WarningKind::OffersNotChecked,
                format!("the file has no offer column, so offers were not checked: every row counts (offers named {words} would not)."),
            );
        }
    }
    let clouds = rules.map(|r| r.unsupported_clouds.clone()).filter(|text| !text.is_empty());
    if let Some(text) = clouds {
        if !warnings.iter().any(|w| w.kind == WarningKind::UnsupportedClouds) {
            warnings.push(Warning { kind: WarningKind::UnsupportedClouds, file: None, message: text });
        }
    }
}

/// `2025-09 and 2025-10`, `2025-01 to 2025-06`.
fn month_list(months: &BTreeMap<Month, u64>) -> String {
    let (Some(first), Some(last)) = (months.keys().next(), months.keys().next_back()) else { return String::new() };
    match months.len() {
        1 => first.to_string(),
        2 => format!("{first} and {last}"),
        n if last.index() - first.index() + 1 == n as u32 => format!("{first} to {last}"),
        _ => months.keys().map(Month::to_string).collect::<Vec<_>>().join(", "),
    }
}
