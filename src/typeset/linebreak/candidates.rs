//! Pricing a candidate line (TeX's demerits) and the dominance rule that keeps
//! the active list short.

use std::cmp::Ordering;

use super::sums::{Break, Expansion, Fit, Leeway, Paragraph};
use super::{CAPPED_DEMERITS, DECENT, INF_BAD, Line, Params, Pass, fin};

/// Total cost of a partial solution, compared lexicographically. In the normal passes only
/// `demerits` is ever non-zero; the fallback pass uses the other two to prefer the least
/// overfull result, then the one breaking the hyphen limit least often. Each component is
/// additive, so the lexicographic order is compatible with dynamic programming.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cost {
    pub(super) overfull: f64,
    pub(super) excess_hyphens: usize,
    pub(super) demerits: f64,
}

impl Cost {
    pub(super) const ZERO: Cost = Cost {
        overfull: 0.0,
        excess_hyphens: 0,
        demerits: 0.0,
    };

    pub(super) fn order(&self, other: &Cost) -> Ordering {
        self.overfull
            .total_cmp(&other.overfull)
            .then(self.excess_hyphens.cmp(&other.excess_hyphens))
            .then(self.demerits.total_cmp(&other.demerits))
    }
}

/// A feasible break together with the best way found to reach it. Also used for the
/// paragraph start (with `prev: None`).
#[derive(Debug, Clone)]
pub(super) struct Node {
    /// First item of the line that follows this break.
    pub(super) next_start: usize,
    /// Lines set up to and including the one ending here.
    pub(super) lines: usize,
    /// Fitness class of the line ending here.
    pub(super) fitness: u8,
    /// Consecutive flagged breaks ending here, saturating at `Setup::hyphen_cap`.
    pub(super) hyphens: usize,
    pub(super) cost: Cost,
    /// Arena index of the previous break.
    pub(super) prev: Option<usize>,
    /// The line ending here, ready for output.
    pub(super) line: Line,
}

impl Node {
    /// The paragraph's start: no line yet, nothing paid.
    pub(super) fn start() -> Node {
        Node {
            next_start: 0,
            lines: 0,
            fitness: DECENT,
            hyphens: 0,
            cost: Cost::ZERO,
            prev: None,
            line: Line {
                start: 0,
                end: 0,
                ratio: 0.0,
                expansion: 0.0,
                hyphenated: false,
            },
        }
    }
}

/// Sanitised parameters.
pub(super) struct Setup {
    widths: Vec<f64>,
    line_penalty: f64,
    double_hyphen: f64,
    final_hyphen: f64,
    fitness: f64,
    max_hyphens: usize,
    /// Saturation point of `Node::hyphens`: counts beyond the limit are all alike, but at
    /// least 1 so that "ended at a flagged break" survives for the demerits.
    hyphen_cap: usize,
    /// (demerits, ratio)
    short_last_line: Option<(f64, f64)>,
    /// (width, demerits)
    runt: (f64, f64),

    pub(super) expansion: Expansion,
    /// Font expansion past the tolerance.
    last_resort_expansion: Expansion,
    /// The factor on the glue's shrink past the tolerance.
    last_resort_shrink: f64,
}

impl Setup {
    pub(super) fn new(p: &Params) -> Self {
        let mut widths: Vec<f64> = p.line_widths.iter().map(|&w| fin(w).max(0.0)).collect();
        if widths.is_empty() {
            widths.push(0.0);
        }
        // A negative or absurd expansion would turn glyphs inside out.
        let expansion = Expansion {
            max: fin(p.expansion).clamp(0.0, 0.5),
            unit: fin(p.expansion).clamp(0.0, 0.5),
            badness: fin(p.expansion_badness).max(0.0),
        };
        Self {
            widths,
            line_penalty: fin(p.line_penalty),
            // Negative values would be rewards; the dominance pruning assumes they are not.
            double_hyphen: fin(p.double_hyphen_demerits).max(0.0),
            final_hyphen: fin(p.final_hyphen_demerits).max(0.0),
            fitness: fin(p.fitness_demerits).max(0.0),
            max_hyphens: p.max_consecutive_hyphens,
            hyphen_cap: p.max_consecutive_hyphens.max(1),
            short_last_line: p
                .short_last_line
                .map(|d| (fin(d).max(0.0), fin(p.short_last_line_ratio))),
            runt: (fin(p.runt_width), fin(p.runt_demerits).max(0.0)),

            expansion,
            last_resort_expansion: Expansion {
                max: expansion
                    .max
                    .max(fin(p.last_resort_expansion).clamp(0.0, 0.5)),
                ..expansion
            },
            // Less than 1 would take shrink away where the tolerance
            // passes had it; more than a glue's own width turns it negative.
            last_resort_shrink: fin(p.last_resort_shrink).clamp(1.0, 3.0),
        }
    }

    /// Whether every line's demerits are at least `(line_penalty +
    /// badness)²` or the cap, so a path's cost only grows (see
    /// [`super::bound`]); penalties are looked at by the caller.
    pub(super) fn costs_only_grow(&self) -> bool {
        self.line_penalty >= 0.0
    }

    pub(super) fn line_penalty(&self) -> f64 {
        self.line_penalty
    }

    /// What `pass` lets a line do: past the tolerance, where the
    /// alternative is a loose line, more font expansion and shrink.
    pub(super) fn leeway(&self, pass: Pass) -> Leeway {
        let within = pass.threshold < INF_BAD;
        Leeway {
            extra_stretch: pass.extra_stretch,
            honest: pass.honest,
            expansion: if within {
                self.expansion
            } else {
                self.last_resort_expansion
            },
            shrink: if within { 1.0 } else { self.last_resort_shrink },
        }
    }

    /// Width of the line following `lines` finished lines.
    pub(super) fn width(&self, lines: usize) -> f64 {
        self.widths[self.class(lines)]
    }

    /// Nodes whose following lines all have the same widths are interchangeable for the
    /// rest of the paragraph, so the line count only matters up to the last listed width.
    pub(super) fn class(&self, lines: usize) -> usize {
        lines.min(self.widths.len() - 1)
    }

    /// The line from `from` (arena index `a`) to `brk` measured, and the node it
    /// reaches if this pass accepts it: the one step the pass and its greedy
    /// bound both take.
    pub(super) fn line_to(
        &self,
        para: &Paragraph,
        a: usize,
        from: &Node,
        brk: &Break,
        pass: Pass,
    ) -> (Fit, Option<Node>) {
        let fit = para.measure(
            from.next_start,
            brk,
            self.width(from.lines),
            self.leeway(pass),
        );
        let node = self.candidate(a, from, brk, &fit, pass);
        (fit, node)
    }

    /// The node reached by setting the line from `from` (arena index `a`) to `brk`, if
    /// this pass accepts that line.
    fn candidate(&self, a: usize, from: &Node, brk: &Break, fit: &Fit, pass: Pass) -> Option<Node> {
        let hyphens = if brk.flagged { from.hyphens + 1 } else { 0 };
        let over_limit = brk.flagged && hyphens > self.max_hyphens;
        if !pass.fallback && (over_limit || fit.overfull.is_some()) {
            return None;
        }
        if fit.badness > pass.threshold {
            return None;
        }

        // Demerits as in TeX §859.
        let lb = self.line_penalty + fit.badness;
        let mut d = if pass.honest {
            lb * lb
        } else if lb.abs() >= INF_BAD {
            CAPPED_DEMERITS
        } else {
            lb * lb
        };
        if brk.penalty > 0.0 {
            d += brk.penalty * brk.penalty;
        } else if !brk.forced {
            d -= brk.penalty * brk.penalty;
        }
        if from.hyphens > 0 {
            if brk.is_last {
                d += self.final_hyphen;
            } else if brk.flagged {
                d += self.double_hyphen;
            }
        }
        if from.fitness.abs_diff(fit.fitness) > 1 {
            d += self.fitness;
        }

        // A one-line paragraph cannot avoid a short last line, so it is not charged.
        if brk.is_last
            && from.lines > 0
            && let Some((demerits, ratio)) = self.short_last_line
            && fit.natural < ratio * fit.line_width
        {
            d += demerits;
        }
        if brk.is_last && from.lines > 0 && fit.natural < self.runt.0 {
            // Not a line the tolerance passes accept: a paragraph that has
            // only runt endings within the tolerance is set again by the
            // passes after them, where a looser line may save it.
            if pass.threshold < INF_BAD {
                return None;
            }
            d += self.runt.1;
        }

        Some(Node {
            next_start: 0, // filled in by the caller, which knows the paragraph
            lines: from.lines + 1,
            fitness: fit.fitness,
            hyphens: hyphens.min(self.hyphen_cap),
            cost: Cost {
                overfull: from.cost.overfull + fit.overfull.unwrap_or(0.0),
                excess_hyphens: from.cost.excess_hyphens + usize::from(over_limit),
                demerits: from.cost.demerits + d,
            },
            prev: Some(a),
            line: Line {
                start: from.next_start.min(brk.pos),
                end: brk.pos,
                ratio: fit
                    .ratio
                    .clamp(-self.leeway(pass).shrink, f64::from(f32::MAX))
                    as f32,
                expansion: fit.expansion as f32,
                hyphenated: brk.width != 0.0,
            },
        })
    }

    /// Whether `k` is at least as good as `c` for every possible continuation; both end at
    /// the same break in the same line class, and `k` sorts no later than `c`.
    pub(super) fn dominates(&self, k: &Node, c: &Node) -> bool {
        if k.fitness == c.fitness && k.hyphens == c.hyphens {
            // Same identity: identical futures, and `k` is no costlier.
            return true;
        }
        // Fewer consecutive hyphens never hurts the future. A different fitness class can
        // cost the next line at most `fitness` demerits more.
        let slack = if k.fitness == c.fitness {
            0.0
        } else {
            self.fitness
        };
        k.hyphens <= c.hyphens
            && k.cost.overfull <= c.cost.overfull
            && k.cost.excess_hyphens <= c.cost.excess_hyphens
            && k.cost.demerits + slack <= c.cost.demerits
    }
}
