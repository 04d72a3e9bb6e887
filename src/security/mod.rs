//! Security's data model (security.md): the Azure part from Azure usage
//! exports (security ACR per tenant and month, folded by the Azure store
//! while a file is read: [`azure`]), the Microsoft 365 part from the usage
//! model run with Security's bands ([`m365`]), answered and explained as
//! one model ([`model`]) with the numbers of the ruleset's `data` ([`rules`]).

mod azure;
mod m365;
mod model;
mod rules;

pub(crate) use model::Model;
pub use rules::Rules;

use crate::points::Points;

/// Points as a page shows them in a sentence: two decimals at most
/// (`3.33`, `6.67`, `20`), without formatting a float.
fn points_text(points: Points) -> String {
    let hundredths = (points.times(100) + Points::fraction(1, 2)).whole_part();
    let (whole, cents) = (hundredths / 100, hundredths % 100);
    match cents {
        0 => whole.to_string(),
        c if c % 10 == 0 => format!("{whole}.{}", c / 10),
        c => format!("{whole}.{c:02}"),
    }
}

/// A tenant id's bytes compared without case, as tenant ids are matched.
fn caseless(id: &str) -> impl Iterator<Item = u8> + '_ {
    id.bytes().map(|b| b.to_ascii_lowercase())
}

/// Points one more unit of the part fed by `from` with `measure` earns on
/// track `t`: the metric's max over the part's threshold.
fn per_unit_from(area: &crate::ruleset::Ruleset, t: usize, from: &str, measure: &str) -> Option<Points> {
    let metrics = &area.data.tracks.get(t)?.metrics;
    metrics.values().find_map(|metric| {
        let (_, _, threshold) = metric.parts().into_iter().find(|&(f, m, _)| f == from && m == measure)?;
        Some(Points::linear(Points::whole(1), threshold, metric.max()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_read_with_two_decimals() {
        let text = |num, den| points_text(Points::fraction(num, den));
        assert_eq!(
            [text(20, 6), text(40, 6), text(20, 1), text(3, 2), text(1, 400)],
            ["3.33", "6.67", "20", "1.5", "0"]
        );
    }
}
