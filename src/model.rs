//! What every data model answers: figures for the metric kinds
//! (`crate::kinds::Measures`) and, for an area's report, its
//! classification, detail, lists and rows, what is missing and warnings.
//! The kinds see only the figures; the assembly sees the rest.

use crate::kinds::Measures;
use crate::points::Points;
use crate::report::{AreaDetail, Classification, EachRow, Warning};

/// A data model as an area's report reads it (`crate::azure::AzureModel`,
/// `crate::bizapps::Model`, ...): each method has a default, as a model
/// explains only what it can.
pub trait DataModel: Measures {
    /// The partner's class for a classified area, when the data can tell.
    fn classify(&self) -> Option<Classification> {
        None
    }

    /// What the model explains: its counts, hints and what is within reach.
    fn detail(&self) -> Option<AreaDetail> {
        None
    }

    /// The lists the model gives row by row (`tenants`, `services`, ...),
    /// with how many rows each holds.
    fn lists(&self) -> Vec<(&'static str, usize)> {
        vec![]
    }

    /// Hands every row of `list` to `each`, in the list's natural order, as
    /// a function that builds it (a row nobody looks at is never built);
    /// false when the model has no such list.
    fn rows(&self, list: &str, each: &mut EachRow<'_>) -> bool {
        let _ = (list, each);
        false
    }

    /// Why some of its metrics are unknown (a missing month), when it knows.
    fn missing(&self) -> Option<String> {
        None
    }

    /// What the area's score relies on that the user should know.
    fn warnings(&self) -> Vec<Warning> {
        vec![]
    }
}

/// Several data models: each metric is answered by the first that can.
pub struct Models<'a>(pub Vec<&'a dyn DataModel>);

impl Measures for Models<'_> {
    fn measure(&self, from: &str, measure: &str, track: &str, option: Option<&str>) -> Option<Points> {
        self.0.iter().find_map(|m| m.measure(from, measure, track, option))
    }
}

impl DataModel for Models<'_> {
    fn classify(&self) -> Option<Classification> {
        self.0.iter().find_map(|m| m.classify())
    }

    fn detail(&self) -> Option<AreaDetail> {
        self.0.iter().find_map(|m| m.detail())
    }

    fn lists(&self) -> Vec<(&'static str, usize)> {
        self.0.iter().flat_map(|m| m.lists()).collect()
    }

    fn rows(&self, list: &str, each: &mut EachRow<'_>) -> bool {
        self.0.iter().any(|m| m.rows(list, each))
    }

    fn missing(&self) -> Option<String> {
        self.0.iter().find_map(|m| m.missing())
    }

    fn warnings(&self) -> Vec<Warning> {
        self.0.iter().flat_map(|m| m.warnings()).collect()
    }
}
