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

/// Points as a page shows them in a sentence: one decimal at most (`3.3`, `20`).
fn points_text(points: Points) -> String {
    crate::points::prose(points)
}

/// A tenant id's bytes compared without case, as tenant ids are matched.
fn caseless(id: &str) -> impl Iterator<Item = u8> + '_ {
    id.bytes().map(|b| b.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_read_with_one_decimal() {
        let text = |num, den| points_text(Points::fraction(num, den));
        assert_eq!([text(20, 6), text(40, 6), text(20, 1), text(3, 2), text(1, 400)], ["3.3", "6.7", "20", "1.5", "0"]);
    }
}
