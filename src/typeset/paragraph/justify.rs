//! Justify: how far each space and each word's letter-spacing is set on a
//! line, for the breaker's adjustment ratio, within what a reader tolerates.

use super::super::linebreak::Item;
use super::items::Source;

/// Justification: a space may stretch by 40% and shrink by a third of its
/// width; letters may also be spaced by 3% of an em (and tightened by 1%)
/// at the same ratio, as microtype's font expansion does, so the breaker
/// finds tight lines without loose spaces.
pub(super) const SPACE_STRETCH: f32 = 0.4;
pub(super) const SPACE_SHRINK: f32 = 0.33;
pub(super) const TRACK_STRETCH: f32 = 0.03;
pub(super) const TRACK_SHRINK: f32 = 0.01;
/// Lines up to this badness are accepted in the first pass: a ratio of about
/// 1.26, spaces at most 1.5 of their natural width.
pub(super) const TOLERANCE: f32 = 200.0;
/// The most a space or letter-spacing is ever stretched, whatever the
/// breaker asks: past these a line reads as holes (and readers such as
/// poppler split words whose letters stand 0.1 em apart).
const MAX_GAP: f32 = 1.58;
const MAX_TRACKING: f32 = 0.04;
/// Letter-spacing may reach this only to fill a line the spaces cannot.
const MAX_TRACKING_LAST: f32 = 0.07;

/// The widths a line's glues are set at for the breaker's `ratio`, within
/// the limits a reader tolerates: a space at most `MAX_GAP` natural spaces,
/// letters at most `MAX_TRACKING` em apart. What a capped glue cannot take
/// goes to the spaces still under their limit; a line that cannot be filled
/// within the limits stays a little short of the margin rather than show
/// holes (it happens only where ties leave no better break).
pub(super) fn glue_widths(items: &[Item], sources: &[Source], ratio: f32, size: f32) -> Vec<f32> {
    let mut widths = Vec::with_capacity(items.len());
    let mut excess = 0.0;
    for (item, source) in items.iter().zip(sources) {
        let w = match (*item, *source) {
            (
                Item::Glue {
                    width,
                    stretch,
                    shrink,
                },
                _,
            ) => {
                let set = if ratio >= 0.0 {
                    width + ratio * stretch
                } else {
                    width + ratio * shrink
                };
                let cap = match *source {
                    Source::Space { .. } => width * MAX_GAP,
                    Source::Tracking { gaps } => gaps as f32 * MAX_TRACKING * size,
                    _ => f32::INFINITY,
                };
                if set > cap {
                    excess += set - cap;
                    cap
                } else {
                    set
                }
            }
            _ => 0.0,
        };
        widths.push(w);
    }
    // Hand the excess to the spaces below their cap, then to letter-spacing
    // up to a second, wider cap, evenly, a few rounds each.
    for (kind_is_space, limit) in [(true, MAX_GAP), (false, MAX_TRACKING_LAST)] {
        for _ in 0..4 {
            if excess <= 0.01 {
                break;
            }
            let cap = |k: usize| match (items[k], sources[k]) {
                (Item::Glue { width, .. }, Source::Space { .. }) if kind_is_space => {
                    Some(width * limit)
                }
                (_, Source::Tracking { gaps }) if !kind_is_space => {
                    Some(gaps as f32 * limit * size)
                }
                _ => None,
            };
            let open: Vec<(usize, f32)> = (0..items.len())
                .filter_map(|k| cap(k).map(|c| (k, c)))
                .filter(|&(k, c)| widths[k] < c - 0.001)
                .collect();
            if open.is_empty() {
                break;
            }
            let share = excess / open.len() as f32;
            excess = 0.0;
            for (k, c) in open {
                let take = share.min(c - widths[k]);
                widths[k] += take;
                excess += share - take;
            }
        }
    }
    widths
}
