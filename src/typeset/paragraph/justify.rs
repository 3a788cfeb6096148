//! Justify: how far each space and each word's letter-spacing is set on a
//! line, for the breaker's adjustment ratio, within what a reader tolerates.

use super::super::linebreak::Item;
use super::items::Source;

/// Justification: a space may stretch by 40% and shrink by 40% of its
/// width. Letters are not spaced out to fill a line (Russian readers take
/// spaced-out letters for emphasis): the breaker counts on no stretch from
/// them, so it prefers a hyphen or a slightly wider space, and they take
/// white only when the spaces reach `MAX_GAP`, never past `MAX_TRACKING`.
/// They may be tightened by at most 0.004 em, which no reader sees (issue
/// 15 allows -0.005 em).
/// (Measured on the test letters: letter stretch of 0.005 em or 0.01 em per
/// ratio gave more loose lines, white counted back, than none.)
///
/// Shrink is where the white of a hard paragraph can go without a reader
/// faulting it: a line a little tight instead of its neighbour loose. On
/// the 24 peers letters (benches/peers.sh, typo2), spaces shrinking by a
/// third and letters by 0.003 em left 15 loose lines; by 40% and 0.004 em
/// (no last resort below), 10: letters with more loose lines than XeLaTeX
/// 6 -> 2, with a higher word gap 95th percentile 3 -> 2, 29 fewer hyphens,
/// and kk-four-pages on three pages instead of four. The tightest space is then 0.6 of its natural
/// width (TeX's is 2/3): still a visible gap.
pub(super) const SPACE_STRETCH: f32 = 0.4;
pub(super) const SPACE_SHRINK: f32 = 0.4;
pub(super) const TRACK_STRETCH: f32 = 0.0;
pub(super) const TRACK_SHRINK: f32 = 0.004;
/// Where no paragraph within the tolerance exists, the glue may shrink a
/// little further (`linebreak::Params::last_resort_shrink`): spaces to 0.55
/// of their width, letters by 0.0045 em. The loose lines left on the peers
/// letters were lines next to one that could not take its next word by a
/// point or two (a number tied to its word, «1 408 сельских»).
pub(super) const LAST_RESORT_SHRINK: f32 = 1.125;
// Letter-spacing never tighter than issue 15's -0.005 em, with a margin for
// the ruler's rounding, however far the last resort shrinks.
const _: () = assert!(TRACK_SHRINK * LAST_RESORT_SHRINK <= 0.0045 + 1e-6);
/// Lines up to this badness are accepted in the first pass: a ratio of about
/// 1.26, spaces at most 1.5 of their natural width.
pub(super) const TOLERANCE: f32 = 200.0;
/// Where no paragraph within the tolerance exists, lines are ranked by how
/// loose they really are, uncapped (`linebreak::Params::honest_last_resort`),
/// and a line without a space as if it had this share of the measure to
/// stretch. Ranked as TeX's emergency stretch ranks them (this extra stretch
/// on every line, badness capped) the white collected in lines of few
/// spaces: on the 24 peers letters (benches/peers.sh) the word-gap 95th
/// percentile fell on 6 letters (ru-long-words 1.48 -> 1.20, ru-five-pages
/// 1.53 -> 1.48) and loose lines from 15 to 14, for 4 more hyphens; with
/// no extra stretch and capped badness, a first line of four words was set
/// with 2-em gaps.
pub(super) const LAST_RESORT_STRETCH: f32 = 0.02;
/// Font expansion: a justified line's glyphs may be drawn up to 2% wider
/// or narrower (pdfTeX's microtype sets stretch and shrink 20 alike; a
/// reader does not see it), taken before the spaces move. See
/// `linebreak::Params::expansion`.
pub(super) const EXPANSION: f32 = 0.02;
/// Where no paragraph within the tolerance exists, glyphs may be scaled by
/// up to 2.5% (`linebreak::Params::last_resort_expansion`), the share past
/// 2% priced on the same cubic curve. With the shrink above, on the peers
/// letters: loose lines 10 -> 3, and no letter with a word gap 95th
/// percentile or loose lines above XeLaTeX's (long-words 1.81 / 4 loose ->
/// 1.59 / 1). 3% left one loose line, but two adjacent lines would then
/// differ by 6% in width of glyphs.
pub(super) const LAST_RESORT_EXPANSION: f32 = 0.025;
/// The badness of a line expanded by the whole 2%: far less than the same
/// white in its spaces would cost (about half their stretch, badness 12),
/// so the breaker takes expansion first. Measured with typo2 on the test
/// letters: 1, 3 and 8 gave the same loose lines and gaps, 8 two more
/// hyphens.
pub(super) const EXPANSION_BADNESS: f32 = 3.0;
/// The most a space or letter-spacing is stretched while the line can be
/// filled otherwise: past these a line reads as holes or as emphasis.
const MAX_GAP: f32 = 1.58;
/// Below the 0.02 em at which a reader sees spaced-out letters.
const MAX_TRACKING: f32 = 0.018;

/// The widths a line's glues are set at for the breaker's `ratio`, within
/// the limits a reader tolerates: a space at most `MAX_GAP` natural spaces,
/// letters at most `MAX_TRACKING` em apart. What a capped glue cannot take
/// goes to the spaces still under their limit, then to letter-spacing still
/// under its own; what is left after that (only where ties or long words
/// leave the breaker no better line) goes to the spaces beyond their cap, so
/// a justified line (`fill` is then its width) always reaches the margin. A
/// line without a space takes it as letter-spacing, the only white it has.
/// The line's boxes are `scale` times their width (font expansion).
pub(super) fn glue_widths(
    items: &[Item],
    sources: &[Source],
    ratio: f32,
    size: f32,
    scale: f32,
    fill: Option<f32>,
) -> Vec<f32> {
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
    // below its cap, evenly, a few rounds each.
    let is_space = |k: usize| matches!(sources[k], Source::Space { .. });
    let cap = |k: usize| match (items[k], sources[k]) {
        (Item::Glue { width, .. }, Source::Space { .. }) => Some(width * MAX_GAP),
        (_, Source::Tracking { gaps }) => Some(gaps as f32 * MAX_TRACKING * size),
        _ => None,
    };
    for spaces in [true, false] {
        for _ in 0..4 {
            if excess <= 0.01 {
                break;
            }
            let open: Vec<(usize, f32)> = (0..items.len())
                .filter(|&k| is_space(k) == spaces)
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
    // The emergency: past the caps rather than short of the margin. The
    // shortfall is measured, not taken from the ratio, which is 0 on a line
    // the breaker could not stretch at all.
    if let Some(fill) = fill {
        let set: f32 = items
            .iter()
            .zip(&widths)
            .map(|(item, w)| match *item {
                Item::Box { width } => width * scale,
                Item::Glue { .. } | Item::Penalty { .. } => *w,
            })
            .sum();
        excess = fill - set;
    }
    if excess > 0.01 {
        let spaces: Vec<usize> = (0..items.len()).filter(|&k| is_space(k)).collect();
        let takers = if spaces.is_empty() {
            (0..items.len())
                .filter(|&k| matches!(sources[k], Source::Tracking { .. }))
                .collect()
        } else {
            spaces
        };
        if !takers.is_empty() {
            let share = excess / takers.len() as f32;
            for k in takers {
                widths[k] += share;
            }
        }
    }
    widths
}
