//! One pass of the dynamic programme over the paragraph's breaks.

use super::bound;
use super::candidates::{Node, Setup};
use super::looseness;
use super::sums::Paragraph;
use super::{INF_BAD, Line, MAX_ACTIVE, Pass};

/// Runs one pass; `None` if it found no solution.
pub(super) fn run_pass(para: &Paragraph, setup: &Setup, pass: Pass) -> Option<Vec<Line>> {
    let mut nodes = vec![Node::start()];
    // Badness above the threshold means a ratio above this (badness is
    // 100·r³ below its cap); a little more, so rounding never skips a line
    // the pass would take. No bound where the threshold reaches the cap.
    let max_ratio = if pass.threshold < INF_BAD {
        (pass.threshold / 100.0).cbrt() * 1.001 + 1e-9
    } else {
        f64::INFINITY
    };
    // Past the tolerance every line that is not overfull is taken, so no
    // ratio bounds the lines worth measuring; the cost of one whole
    // solution does (see `bound`).
    let bound = if max_ratio.is_finite() || pass.fallback {
        f64::INFINITY
    } else {
        bound::greedy(para, setup, pass)
    };
    let reachable = |node: &Node| {
        let max_ratio = max_ratio.min(bound::max_ratio(
            setup,
            bound,
            node.cost.demerits,
            pass.honest,
        ));
        para.first_reachable(
            node.next_start,
            setup.width(node.lines),
            max_ratio,
            pass.extra_stretch,
            setup.leeway(pass).expansion.max,
        )
    };
    // Per arena node: the first break worth measuring a line to.
    let mut ready = vec![reachable(&nodes[0])];
    let mut active = vec![0];
    let mut candidates: Vec<Node> = Vec::new();

    for (k, brk) in para.breaks.iter().enumerate() {
        candidates.clear();
        let next_start = para.next_box[brk.pos + 1];
        active.retain(|&a| {
            if k < ready[a] && !brk.forced {
                // Too short for this pass: no line, and the node stays.
                return true;
            }
            let from = &nodes[a];
            let (fit, node) = setup.line_to(para, a, from, brk, pass);
            if let Some(mut node) = node
                // Dearer than a whole solution already: never on the best.
                && node.cost.demerits <= bound
            {
                node.next_start = next_start;
                // Nodes with the same identity have identical futures: keep only the best
                // (by the same total order as the sort below). There are only a handful of
                // identities, so this linear search is cheaper than sorting every
                // candidate.
                let class = looseness::identity(setup, pass, node.lines);
                let twin = candidates.iter_mut().find(|c| {
                    looseness::identity(setup, pass, c.lines) == class
                        && c.fitness == node.fitness
                        && c.hyphens == node.hyphens
                });
                match twin {
                    Some(twin) => {
                        if node
                            .cost
                            .order(&twin.cost)
                            .then(node.prev.cmp(&twin.prev))
                            .is_lt()
                        {
                            *twin = node;
                        }
                    }
                    None => candidates.push(node),
                }
            }
            // A line that is already overfull only gets worse with more material; nothing
            // may cross a forced break.
            fit.overfull.is_none() && !brk.forced
        });

        // Drop candidates another one provably beats (TeX's adj_demerits trick,
        // generalised). The sort is total (`prev` is unique), so the result never depends
        // on the order of the active list.
        let identity = |lines| looseness::identity(setup, pass, lines);
        candidates.sort_unstable_by(|x, y| {
            identity(x.lines)
                .cmp(&identity(y.lines))
                .then(x.cost.order(&y.cost))
                .then(x.prev.cmp(&y.prev))
        });
        let mut group_start = nodes.len();
        let mut group_class = None;
        for node in candidates.drain(..) {
            let class = identity(node.lines);
            if group_class != Some(class) {
                group_class = Some(class);
                group_start = nodes.len();
            }
            if nodes[group_start..]
                .iter()
                .any(|kept| setup.dominates(kept, &node))
            {
                continue;
            }
            active.push(nodes.len());
            ready.push(reachable(&node));
            nodes.push(node);
        }

        if active.is_empty() {
            return None;
        }
        if active.len() > 2 * MAX_ACTIVE {
            // Keep the cheapest; ties broken by index so the choice is deterministic.
            active.select_nth_unstable_by(MAX_ACTIVE, |&a, &b| {
                nodes[a].cost.order(&nodes[b].cost).then(a.cmp(&b))
            });
            active.truncate(MAX_ACTIVE);
        }
    }

    // The last break is forced, so every node still active ends there.
    let best = looseness::pick(&nodes, &active, pass.looseness)?;
    let mut lines = Vec::with_capacity(nodes[best].lines);
    let mut cursor = best;
    while let Some(prev) = nodes[cursor].prev {
        lines.push(nodes[cursor].line.clone());
        cursor = prev;
    }
    lines.reverse();
    Some(lines)
}
