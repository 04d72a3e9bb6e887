//! Tenant-level actions Partner Center never shows: which users to
//! activate, which seats to add or remove, which lost customers pull net
//! adds down.

use crate::month::Month;
use crate::number::Count;
use crate::points::Points;
use crate::report::{ActionKind, Keyed, TenantAction, TrackReport};
use crate::ruleset::{Ruleset, TrackRules};
use crate::usage::facts::{Facts, List, Period};
use crate::usage::store::{CellKey, Tenant, TenantId, UsageStore};

/// Actions listed per track, option and kind: the closest ones first.
const MAX_PER_KIND: usize = 50;

/// Per track of `ruleset`, whether its net customer adds as scored are
/// below zero: its tenant actions then list the customers lost.
pub(crate) fn losing_customers(ruleset: &Ruleset, tracks: &Keyed<TrackReport>) -> Vec<bool> {
    let mut out = vec![];
    for (t, track) in ruleset.data.tracks.iter().enumerate() {
        let customers = ruleset.measured_by(t, "customers");
        let net_adds = tracks.get(&track.id).zip(customers).and_then(|(r, id)| r.metric(id)?.value());
        out.push(net_adds.is_some_and(|n| n < Points::ZERO));
    }
    out
}

/// `losing`: per track, from [`losing_customers`].
pub(crate) fn tenant_actions(
    ruleset: &Ruleset,
    store: &UsageStore,
    facts: &Facts,
    (m, b): Period,
    losing: &[bool],
) -> Vec<TenantAction> {
    let ratio = u64::from(ruleset.data.deployment_ratio_percent);
    let mut out = vec![];
    for (t, track) in ruleset.data.tracks.iter().enumerate() {
        for &a in &facts.options(t).deployments {
            let association = &ruleset.data.associations[usize::from(a)].id;
            let mut activate = vec![];
            let mut remove = vec![];
            for (index, tenant) in store.tenants.iter().enumerate() {
                let id = index as TenantId;
                if !facts.eligible(ruleset, t, id, m, List::CustomerSuccess)
                    || facts.slice(id, m, a).is_none_or(|s| s.deployed)
                {
                    continue;
                }
                // The workload closest to the ratio decides: fewest users to activate.
                let mut closest = None;
                for w in 0..ruleset.data.workloads.len() as u8 {
                    let Some(&usage) = store.cells.get(&CellKey::new(id, m, a, w)) else { continue };
                    let users = users_to_activate(usage.mau, usage.pau, ratio);
                    if usage.pau.0 > 0 && closest.is_none_or(|(_, _, fewest)| users < fewest) {
                        closest = Some((w, usage, users));
                    }
                }
                let Some((workload, usage, users)) = closest else { continue };
                let name = &ruleset.data.workloads[usize::from(workload)].id;
                let message = format!(
                    "Activate {users} more {name} user{} in {} ({} of {} seats active) to count it as a {association} deployment.",
                    plural(users),
                    tenant.id,
                    usage.mau,
                    usage.pau
                );
                let kind = ActionKind::ActivateUsers;
                activate.push(action(tenant, track, Some(association), kind, Some(name), users, message));
                // Removing unused seats works only while the tenant stays in the band.
                let seats = seats_to_remove(usage.mau, usage.pau, ratio);
                let remaining = usage.pau.0.saturating_sub(u32::try_from(seats * 100).unwrap_or(u32::MAX));
                if seats > 0 && track.band.is_some_and(|band| band.contains(remaining)) {
                    let message = format!(
                        "Or remove {seats} unused {name} seat{} in {} to reach the {ratio}% ratio.",
                        plural(seats),
                        tenant.id
                    );
                    let kind = ActionKind::RemoveSeats;
                    remove.push(action(tenant, track, Some(association), kind, Some(name), seats, message));
                }
            }
            out.extend(closest_first(activate));
            out.extend(closest_first(remove));
        }
        out.extend(closest_first(near_band(ruleset, store, facts, t, m)));
        if losing.get(t).copied().unwrap_or(false) {
            out.extend(lost_customers(ruleset, store, facts, t, (m, b)));
        }
    }
    out
}

/// Whole users to activate so that MAU/PAU reaches the ratio.
fn users_to_activate(mau: Count, pau: Count, ratio: u64) -> u64 {
    // Needed MAU in hundredths, rounded up, then whole users rounded up.
    let needed = (u64::from(pau.0) * ratio).div_ceil(100);
    needed.saturating_sub(u64::from(mau.0)).div_ceil(100)
}

/// Whole seats to remove so that MAU/PAU reaches the ratio.
fn seats_to_remove(mau: Count, pau: Count, ratio: u64) -> u64 {
    // Largest PAU (in whole seats) with MAU/PAU >= ratio.
    let max_pau = u64::from(mau.0) / ratio;
    (u64::from(pau.0) / 100).saturating_sub(max_pau)
}

/// One action for a tenant on a track (and option, and workload).
fn action(
    tenant: &Tenant,
    track: &TrackRules,
    option: Option<&String>,
    kind: ActionKind,
    workload: Option<&String>,
    needed: u64,
    message: String,
) -> TenantAction {
    TenantAction {
        tenant: tenant.id.clone(),
        track: track.id.clone(),
        option: option.cloned(),
        kind,
        workload: workload.cloned(),
        needed,
        message,
    }
}

fn plural(n: u64) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn closest_first(mut actions: Vec<TenantAction>) -> Vec<TenantAction> {
    actions.sort_by(|a, b| a.needed.cmp(&b.needed).then_with(|| a.tenant.cmp(&b.tenant)));
    actions.truncate(MAX_PER_KIND);
    actions
}

/// Tenants a few seats below the track's band: adding seats makes them count.
fn near_band(ruleset: &Ruleset, store: &UsageStore, facts: &Facts, t: usize, m: Month) -> Vec<TenantAction> {
    let track = &ruleset.data.tracks[t];
    let Some(band) = track.band.filter(|_| track.near_band_seats > 0) else { return vec![] };
    let mut out = vec![];
    for (index, tenant) in store.tenants.iter().enumerate() {
        let id = index as TenantId;
        if facts.eligible(ruleset, t, id, m, List::Customers) {
            continue;
        }
        let pau = facts.max_pau(ruleset, t, id, m);
        // Seats (whole) needed to pass the band's lower edge.
        let edge = u64::from(band.over) * 100;
        let below = edge.saturating_sub(u64::from(pau.0));
        if pau.0 == 0 || u64::from(pau.0) > edge || below >= u64::from(track.near_band_seats) * 100 {
            continue;
        }
        let seats = below / 100 + 1;
        let message = format!(
            "{} has {pau} paid seats on its largest workload: {seats} more would make it count on the {} track.",
            tenant.id, track.label
        );
        out.push(action(tenant, track, None, ActionKind::AddSeats, None, seats, message));
    }
    out
}

/// For negative net customer adds: the tenants counted a year ago and not
/// now, and why.
fn lost_customers(ruleset: &Ruleset, store: &UsageStore, facts: &Facts, t: usize, (m, b): Period) -> Vec<TenantAction> {
    let track = &ruleset.data.tracks[t];
    let mut out = vec![];
    for (index, tenant) in store.tenants.iter().enumerate() {
        let id = index as TenantId;
        if !facts.eligible(ruleset, t, id, b, List::Customers) || facts.eligible(ruleset, t, id, m, List::Customers) {
            continue;
        }
        let now = facts.max_pau(ruleset, t, id, m);
        let then = facts.max_pau(ruleset, t, id, b);
        let why = if now.0 == 0 {
            format!("has no {} usage in {m}", track.label)
        } else {
            format!("has {now} paid seats in {m}, outside the {} band", track.label)
        };
        let message = format!(
            "{} counted in {b} ({then} paid seats) but {why}: it pulls {} net customer adds down.",
            tenant.id, track.label
        );
        out.push(action(tenant, track, None, ActionKind::LostCustomer, None, 0, message));
        if out.len() == MAX_PER_KIND {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratio_arithmetic() {
        // 8 of 21 active: 40% of 21 is 8.4, so 1 more user (9 of 21 = 42.9%).
        assert_eq!(users_to_activate(Count(800), Count(2100), 40), 1);
        assert_eq!(users_to_activate(Count(0), Count(1000), 40), 4);
        // 8 active: at most 20 seats keep 40%, so remove 1 of 21.
        assert_eq!(seats_to_remove(Count(800), Count(2100), 40), 1);
        assert_eq!(seats_to_remove(Count(900), Count(2100), 40), 0);
    }
}
