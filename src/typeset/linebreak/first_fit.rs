//! The greedy breaker for ragged text, where total fit buys nothing: a
//! ragged line's length is free, so the best break is the last that fits.

use super::{INFINITY_PENALTY, Item, Line};

/// First-fit breaking for ragged blocks (addressee, signature position):
/// break at the last space that fits; a word wider than the line gets its
/// own line, split at its in-word breaks if it has any.
pub fn first_fit(items: &[Item], widths: &[f32]) -> Vec<Line> {
    let n = items.len();
    let mut lines = Vec::new();
    let mut start = 0;
    while start < n {
        // No widths at all: every line is as narrow as can be, as in
        // `break_lines`.
        let width = widths
            .get(lines.len().min(widths.len().saturating_sub(1)))
            .copied()
            .unwrap_or(0.0);
        let limit = width + 0.01;
        let mut width = 0.0;
        let mut space_fit: Option<usize> = None;
        let mut any_fit: Option<usize> = None;
        let mut end = n - 1;
        let mut finished = false;
        for (k, item) in items.iter().enumerate().skip(start) {
            match *item {
                Item::Box { width: w } => width += w,
                Item::Glue { width: w, .. } => {
                    if k > start && matches!(items[k - 1], Item::Box { .. }) {
                        if width <= limit {
                            space_fit = Some(k);
                        } else {
                            end = space_fit.or(any_fit).unwrap_or(k);
                            break;
                        }
                    }
                    width += w;
                }
                Item::Penalty {
                    width: w, penalty, ..
                } => {
                    if penalty <= -INFINITY_PENALTY {
                        end = if width <= limit {
                            k
                        } else {
                            space_fit.or(any_fit).unwrap_or(k)
                        };
                        finished = end == k;
                        break;
                    }
                    if penalty < INFINITY_PENALTY && width + w <= limit {
                        any_fit = Some(k);
                    }
                }
            }
        }
        let hyphenated = matches!(items.get(end), Some(Item::Penalty { flagged: true, .. }));
        lines.push(Line {
            start,
            end,
            ratio: 0.0,
            expansion: 0.0,
            hyphenated,
        });
        if finished || end + 1 >= n {
            break;
        }
        // The next line starts after the break and the spaces that follow it.
        start = end + 1;
        while start < n
            && (matches!(items[start], Item::Glue { .. })
                || matches!(items[start], Item::Penalty { penalty, .. } if penalty >= INFINITY_PENALTY))
        {
            start += 1;
        }
        if matches!(items.get(start), Some(Item::Penalty { penalty, .. }) if *penalty <= -INFINITY_PENALTY)
        {
            break;
        }
    }
    lines
}
