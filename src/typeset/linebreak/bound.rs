//! A bound for the passes past the tolerance, which take every line that
//! is not overfull: without one, every line from every active node is
//! measured and priced (three quarters of the breaker's work on letters
//! where a paragraph misses the tolerance). The cost of one whole solution,
//! the greedy one priced exactly as the pass prices it, bounds the best:
//! a line's demerits never fall below `(line_penalty + badness)²` (or the
//! cap), so a line that would lift a node's cost past the bound is not
//! measured, and a node past it is not kept. Neither could be on the best
//! solution, and what is kept keeps its order, so the result is the one
//! the unbounded pass finds.

use super::candidates::{Node, Setup};
use super::sums::Paragraph;
use super::{CAPPED_DEMERITS, INF_BAD, Pass};

/// The cost of the greedy solution of `pass` (each line as long as the
/// pass takes), or infinity where there is none or the bound would not
/// hold (a negative penalty or line penalty is a reward).
pub(super) fn greedy(para: &Paragraph, setup: &Setup, pass: Pass) -> f64 {
    if !setup.costs_only_grow() || para.breaks.iter().any(|b| b.penalty < 0.0 && !b.forced) {
        return f64::INFINITY;
    }
    let mut node = Node::start();
    let mut k = 0;
    while k < para.breaks.len() {
        let mut longest: Option<(usize, Node)> = None;
        for (j, brk) in para.breaks.iter().enumerate().skip(k) {
            let (fit, next) = setup.line_to(para, 0, &node, brk, pass);
            if let Some(mut next) = next {
                next.next_start = para.next_box[brk.pos + 1];
                longest = Some((j, next));
            }
            if fit.overfull.is_some() || brk.forced {
                break;
            }
        }
        let Some((j, next)) = longest else {
            return f64::INFINITY;
        };
        node = next;
        k = j + 1;
    }
    // The last break is forced: the loop ended on it.
    node.cost.demerits
}

/// The largest adjustment ratio of a line from a node of cost `cost` that
/// keeps it within `bound`, with the margin `run_pass` gives its own bound.
/// An `honest` pass caps neither badness nor demerits.
pub(super) fn max_ratio(setup: &Setup, bound: f64, cost: f64, honest: bool) -> f64 {
    let room = bound - cost;
    if room.is_nan() || (!honest && room >= CAPPED_DEMERITS) {
        return f64::INFINITY;
    }
    let badness = room.max(0.0).sqrt() - setup.line_penalty();
    if !honest && badness >= INF_BAD {
        f64::INFINITY
    } else if badness <= 0.0 {
        0.0
    } else {
        (badness / 100.0).cbrt() * 1.001 + 1e-9
    }
}
