//! Recommendations: for every metric below its maximum, the smallest whole
//! number of additional units that reaches it (spec section 8), phrased as
//! the partner deck phrases them.

use crate::points::Points;
use crate::report::{Keyed, OptionMetric, Recommendation, SimpleMetric, TrackReport};
use crate::ruleset::Ruleset;

pub fn recommendations(ruleset: &Ruleset, tracks: &Keyed<TrackReport>) -> Vec<Recommendation> {
    let mut out = vec![];
    for (track, report) in &tracks.0 {
        let label = ruleset.data.tracks.iter().find(|t| &t.id == track).map_or(track.as_str(), |t| t.label.as_str());
        let m = &report.metrics;
        let simple: [(&str, &SimpleMetric, &str, &str); 3] = [
            ("netCustomerAdds", &m.net_customer_adds, "net customer add", "net customer adds"),
            (
                "intermediateCertifications",
                &m.intermediate_certifications,
                "person with an intermediate certification",
                "people with an intermediate certification",
            ),
            (
                "advancedCertifications",
                &m.advanced_certifications,
                "person with an advanced certification",
                "people with an advanced certification",
            ),
        ];
        for (metric, s, one, many) in simple {
            let (Some(points), Some(value)) = (s.points, s.value) else { continue };
            if points >= Points::whole(s.max) {
                continue;
            }
            let needed = (i64::from(s.threshold) - value).max(1) as u64;
            let gain = gain(s.max, points);
            let unit_gain = unit_gain(s.max, s.threshold, gain);
            out.push(Recommendation {
                track: track.clone(),
                metric: metric.into(),
                option: None,
                needed,
                unit: many.into(),
                gain,
                unit_gain,
                best: true,
                top: false,
                message: format!(
                    "{label}: you need {needed} more {} to achieve {} points.",
                    if needed == 1 { one } else { many },
                    gain
                ),
            });
        }
        let optioned: [(&str, &OptionMetric, &str, &str); 2] = [
            ("usageGrowth", &m.usage_growth, "MAU growth", "MAU growth"),
            ("deployments", &m.deployments, "deployment", "deployments"),
        ];
        for (metric, o, one, many) in optioned {
            let Some(points) = o.points else { continue };
            if points >= Points::whole(o.max) {
                continue;
            }
            let gain = gain(o.max, points);
            let first = out.len();
            for (option, score) in &o.options.0 {
                let Some(value) = score.value else { continue };
                // Growth values carry hundredths: round the need up to a whole unit.
                let needed = (f64::from(score.threshold) - value).ceil().max(1.0) as u64;
                out.push(Recommendation {
                    track: track.clone(),
                    metric: metric.into(),
                    option: Some(option.clone()),
                    needed,
                    unit: many.into(),
                    gain,
                    unit_gain: unit_gain(o.max, score.threshold, gain),
                    best: false,
                    top: false,
                    message: format!(
                        "{label}: you need {needed} more qualified {option} {} to achieve {} points.",
                        if needed == 1 { one } else { many },
                        gain
                    ),
                });
            }
            if let Some(best) = out[first..].iter_mut().min_by_key(|r| r.needed) {
                best.best = true;
            }
        }
        // The single action that gains the most points on this track.
        let top = out.iter_mut().filter(|r| &r.track == track).fold(None::<&mut Recommendation>, |top, r| match top {
            Some(t) if t.unit_gain >= r.unit_gain => Some(t),
            _ => Some(r),
        });
        if let Some(top) = top {
            top.top = true;
        }
    }
    out
}

/// Points one more unit earns, up to what is left to gain.
fn unit_gain(max: u32, threshold: u32, gain: Points) -> Points {
    Points::scaled(1, 1, threshold, max).min(gain)
}

fn gain(max: u32, points: Points) -> Points {
    Points::difference(Points::whole(max), points)
}
