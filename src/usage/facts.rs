//! What the usage model computes from the store for the months a report
//! needs: per tenant, month and association type, one slice of usage over
//! the eligible workloads, and each tenant's eligibility on a track.

use crate::month::Month;
use crate::number::Count;
use crate::report::Warning;
use crate::ruleset::{AssociationId, Ruleset, WorkloadUse};
use crate::usage::store::{CellKey, TenantId, Usage, UsageStore};

/// The workload lists of the customer metrics (spec section 6): net
/// customer adds has its own; usage growth and deployments share one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum List {
    Customers,
    CustomerSuccess,
}

/// One tenant's usage under one association type in one month, over the
/// eligible workloads.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Slice {
    /// MAU summed over the customer-success workloads, in hundredths.
    pub(crate) mau: i64,
    /// Active paid licences, min(MAU, PAU) per workload, summed likewise:
    /// Security's protected users.
    pub(crate) protected: i64,
    /// Bit `t` set when a customer-success workload's paid units fall in
    /// track `t`'s band.
    pub(crate) bands: u8,
    /// The same over the net-customer-adds workloads.
    pub(crate) customer_bands: u8,
    /// Largest paid units of a net-customer-adds workload.
    pub(crate) max_pau: Count,
    pub(crate) deployed: bool,
    /// The workload with the best MAU/PAU ratio, as (MAU, PAU); none when
    /// its PAU is zero (only paid workloads have a ratio). Not an `Option`:
    /// its tag made every slice of a 1 GB export 8 bytes larger.
    ratio: (Count, Count),
}

impl Slice {
    /// One workload's usage, counted in the lists that name the workload.
    fn of(usage: Usage, lists: WorkloadUse, ruleset: &Ruleset) -> Slice {
        let (mau, pau) = (usage.mau, usage.pau);
        let mut bands = 0;
        for (t, track) in ruleset.data.tracks.iter().enumerate() {
            if track.band.is_some_and(|band| band.contains(pau.0)) {
                bands |= 1 << t;
            }
        }
        let ratio = u64::from(ruleset.data.deployment_ratio_percent);
        let paid = pau.0 > 0;
        let mut slice = Slice::default();
        if lists.customers {
            slice.customer_bands = bands;
            slice.max_pau = pau;
        }
        if lists.customer_success {
            slice.mau = mau.hundredths();
            slice.protected = mau.min(pau).hundredths();
            slice.bands = bands;
            slice.deployed = paid && u64::from(mau.0) * 100 >= u64::from(pau.0) * ratio;
            if paid {
                slice.ratio = (mau, pau);
            }
        }
        slice
    }

    /// The workload with the best MAU/PAU ratio, as (MAU, PAU).
    pub(crate) fn best_ratio(&self) -> Option<(Count, Count)> {
        (self.ratio.1 .0 > 0).then_some(self.ratio)
    }

    fn bands(&self, list: List) -> u8 {
        match list {
            List::Customers => self.customer_bands,
            List::CustomerSuccess => self.bands,
        }
    }

    /// Adds another workload's (or workloads') usage; on equal ratios the
    /// best workload already here stays.
    fn add(&mut self, other: &Slice) {
        self.mau += other.mau;
        self.protected += other.protected;
        self.bands |= other.bands;
        self.customer_bands |= other.customer_bands;
        self.max_pau = self.max_pau.max(other.max_pau);
        self.deployed |= other.deployed;
        let better = match (self.best_ratio(), other.best_ratio()) {
            (_, None) => false,
            (None, Some(_)) => true,
            (Some((m, p)), Some((mau, pau))) => u64::from(mau.0) * u64::from(p.0) > u64::from(m.0) * u64::from(pau.0),
        };
        if better {
            self.ratio = other.ratio;
        }
    }
}

/// Slices of the months a report needs, keyed by tenant, month and
/// association (a cell key with no workload): one sorted vector, with
/// where each tenant's slices start, so a lookup searches a handful.
/// The usage table yields its cells by tenant and key, so the slices come
/// out sorted; only cells not yet merged there need a sort.
pub(crate) struct Facts {
    slices: Vec<(CellKey, Slice)>,
    /// Per tenant id, the index of its first slice; one more entry at the end.
    starts: Vec<usize>,
    /// Per track of the ruleset: its options, read once here rather than
    /// for every tenant's part.
    options: Vec<TrackOptions>,
}

/// A track's usage growth and deployments options: association types in
/// ruleset order, and both lists together (growth's, then the others).
pub(crate) struct TrackOptions {
    pub(crate) growth: Vec<AssociationId>,
    pub(crate) deployments: Vec<AssociationId>,
    pub(crate) all: Vec<AssociationId>,
}

impl TrackOptions {
    fn of(ruleset: &Ruleset, t: usize) -> TrackOptions {
        let (growth, deployments) = (option_ids(ruleset, t, "activeUsers"), option_ids(ruleset, t, "deployedTenants"));
        let mut all = growth.clone();
        all.extend(deployments.iter().filter(|a| !growth.contains(a)));
        TrackOptions { growth, deployments, all }
    }
}

/// The association types of the options of track `t`'s metric measuring
/// `measure`, in ruleset order.
fn option_ids(ruleset: &Ruleset, t: usize, measure: &str) -> Vec<AssociationId> {
    let options = ruleset.options(t, measure).map_or(&[][..], |rule| &rule.options[..]);
    let mut out = vec![];
    for option in options {
        out.extend(ruleset.association_index(&option.association));
    }
    out
}

impl Facts {
    /// `months`: sorted, each once (a handful: searched as a slice).
    pub(crate) fn build(store: &UsageStore, ruleset: &Ruleset, months: &[Month]) -> Facts {
        // Counted first, so that the vector is allocated once at its size:
        // grown by doubling, it held a third more than needed (a 1 GB
        // export: 24 MB for 19), and the WebAssembly memory that a growth
        // copies into is never given back.
        let mut count = 0;
        let mut last = None;
        for (key, _) in store.cells.in_months(months) {
            let key = CellKey::new(key.tenant(), key.month(), key.association(), 0);
            count += usize::from(last != Some(key));
            last = Some(key);
        }
        let mut slices: Vec<(CellKey, Slice)> = Vec::with_capacity(count);
        let mut sorted = true;
        for (key, usage) in store.cells.in_months(months) {
            let month = key.month();
            let cell = Slice::of(usage, ruleset.workload_use(key.workload()), ruleset);
            let key = CellKey::new(key.tenant(), month, key.association(), 0);
            match slices.last_mut() {
                Some((last, slice)) if *last == key => slice.add(&cell),
                last => {
                    sorted &= last.is_none_or(|(last, _)| *last < key);
                    slices.push((key, cell));
                }
            }
        }
        if !sorted {
            // Stable, so equal keys are added in the order the cells came.
            slices.sort_by_key(|&(key, _)| key);
            slices.dedup_by(|(key, slice), (kept_key, kept)| {
                let same = key == kept_key;
                if same {
                    kept.add(slice);
                }
                same
            });
        }
        slices.shrink_to_fit();
        let mut starts = Vec::with_capacity(store.tenants.len() + 1);
        let mut i = 0;
        for tenant in 0..=store.tenants.len() as TenantId {
            starts.push(i);
            while slices.get(i).is_some_and(|(key, _)| key.tenant() == tenant) {
                i += 1;
            }
        }
        let options = (0..ruleset.data.tracks.len()).map(|t| TrackOptions::of(ruleset, t)).collect();
        Facts { slices, starts, options }
    }

    /// Track `t`'s options.
    pub(crate) fn options(&self, t: usize) -> &TrackOptions {
        &self.options[t]
    }

    /// The tenant's slices, in key order (month, then association type):
    /// a handful (the months a report needs x association types).
    fn own(&self, tenant: TenantId) -> &[(CellKey, Slice)] {
        let t = tenant as usize;
        match (self.starts.get(t), self.starts.get(t + 1)) {
            (Some(&start), Some(&end)) => self.slices.get(start..end).unwrap_or_default(),
            _ => &[],
        }
    }

    pub(crate) fn slice(&self, tenant: TenantId, month: Month, association: AssociationId) -> Option<&Slice> {
        let key = CellKey::new(tenant, month, association, 0);
        // Scanned, which beats a binary search at that size.
        let own = self.own(tenant).iter();
        own.take_while(|(k, _)| *k <= key).find(|(k, _)| *k == key).map(|(_, slice)| slice)
    }

    /// The tenant's slices in `month` under the associations in `mask`, in
    /// association order.
    pub(crate) fn slices_in(&self, mask: u32, tenant: TenantId, month: Month) -> impl Iterator<Item = &Slice> {
        let wanted = move |k: &CellKey| k.month() == month && mask & (1 << k.association()) != 0;
        self.own(tenant).iter().filter(move |(k, _)| wanted(k)).map(|(_, slice)| slice)
    }

    /// Eligible on track `t` for the metrics of `list`, directly or
    /// through a carry-over.
    pub(crate) fn eligible(&self, ruleset: &Ruleset, t: usize, tenant: TenantId, month: Month, list: List) -> bool {
        self.eligibility(ruleset, t, tenant, month, list).eligible
    }

    /// Eligible on track `t`: a workload of `list` under one of the track's
    /// customer associations has paid units in the track's band; or, with
    /// a carry-over (SMB), they are in the band of the track it carries
    /// from and were in this track's band the set number of months before.
    pub(crate) fn eligibility(
        &self,
        ruleset: &Ruleset,
        t: usize,
        tenant: TenantId,
        month: Month,
        list: List,
    ) -> Eligibility {
        let mask = ruleset.customer_mask(t);
        // The bands any of the month's slices is in.
        let bands = |month: Month| self.slices_in(mask, tenant, month).fold(0u8, |bands, s| bands | s.bands(list));
        let now = bands(month);
        if now & (1 << t) != 0 {
            return Eligibility { eligible: true, carried_over: false };
        }
        let carried = ruleset.carry_from(t).is_some_and(|(from, months)| {
            now & (1 << from) != 0 && month.minus(months).is_some_and(|earlier| bands(earlier) & (1 << t) != 0)
        });
        Eligibility { eligible: carried, carried_over: carried }
    }

    /// The best MAU / PAU of a customer-success workload under the track's
    /// customer associations, as (MAU, PAU).
    pub(crate) fn best_ratio(
        &self,
        ruleset: &Ruleset,
        t: usize,
        tenant: TenantId,
        month: Month,
    ) -> Option<(Count, Count)> {
        let ratios = self.slices_in(ruleset.customer_mask(t), tenant, month).filter_map(Slice::best_ratio);
        ratios.max_by(|&(m, p), &(mau, pau)| {
            (u64::from(m.0) * u64::from(pau.0)).cmp(&(u64::from(mau.0) * u64::from(p.0)))
        })
    }

    /// Largest paid units of a net-customer-adds workload under the track's
    /// customer associations: what decides the size band.
    pub(crate) fn max_pau(&self, ruleset: &Ruleset, t: usize, tenant: TenantId, month: Month) -> Count {
        self.slices_in(ruleset.customer_mask(t), tenant, month).map(|s| s.max_pau).max().unwrap_or_default()
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Eligibility {
    pub(crate) eligible: bool,
    /// Eligible only through the track's carry-over.
    pub(crate) carried_over: bool,
}

/// Which decisions of the ruleset a report relied on: a dozen ids at most,
/// kept sorted (a vector: smaller code than a set).
#[derive(Clone, Default)]
pub(crate) struct Applied(Vec<&'static str>);

impl Applied {
    pub(crate) fn note(&mut self, id: &'static str) {
        if let Err(at) = self.0.binary_search(&id) {
            self.0.insert(at, id);
        }
    }

    /// The decisions noted, in id order.
    pub(crate) fn ids(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.0.iter().copied()
    }
}

/// What the main scoring pass records besides the metrics: which tenants
/// contribute, and what it had to assume or warn about. History passes
/// skip it.
pub(crate) struct Detail<'a> {
    pub contributes: &'a mut [bool],
    pub warnings: &'a mut Vec<Warning>,
    pub applied: &'a mut Applied,
}

/// The month scored and its baseline, when both have usage data.
pub(crate) type Period = (Month, Month);

/// Facts for the period's months, plus the association months inside it
/// (where a growth baseline may move to).
pub(crate) fn facts_for(ruleset: &Ruleset, store: &UsageStore, (m, b): Period) -> Facts {
    // At most 13 months, then their lookbacks: a vector searched in full.
    let mut needed = vec![b, m];
    for &associated in store.associated.values() {
        if associated > b && associated <= m && !needed.contains(&associated) {
            needed.push(associated);
        }
    }
    // A carry-over looks back from each of these months.
    let own = needed.len();
    for t in 0..ruleset.data.tracks.len() {
        let Some((_, months)) = ruleset.carry_from(t) else { continue };
        for i in 0..own {
            if let Some(earlier) = needed[i].minus(months) {
                needed.push(earlier);
            }
        }
    }
    needed.sort_unstable();
    needed.dedup();
    Facts::build(store, ruleset, &needed)
}

/// The period for `as_of`, when both it and its baseline have data.
pub(crate) fn period(store: &UsageStore, as_of: Option<Month>) -> Option<Period> {
    let m = as_of?;
    let b = m.minus(12)?;
    (store.months.contains(&m) && store.months.contains(&b)).then_some((m, b))
}
