//! The paragraph prepared for measuring: prefix sums of widths, stretch and
//! shrink, and the legal break points, so that any line is measured in O(1).

use super::{DECENT, INF_BAD, INFINITY_PENALTY, Item, LOOSE, TIGHT, VERY_LOOSE, badness, fin};

/// A legal break point.
#[derive(Debug, Clone, Copy)]
pub(super) struct Break {
    /// Index of the break item.
    pub(super) pos: usize,
    /// Width added to the line if it ends here (a hyphen); 0 for glue.
    pub(super) width: f64,
    /// Penalty value, clamped into the open range (-10 000, 10 000) unless forced.
    pub(super) penalty: f64,
    pub(super) flagged: bool,
    pub(super) forced: bool,
    /// The paragraph's final break.
    pub(super) is_last: bool,
}

/// The paragraph prepared for O(1) measurement of any line.
pub(super) struct Paragraph {
    /// Prefix sums over boxes and glue: `width[i]` is the natural width of items `0..i`.
    pub(super) width: Vec<f64>,
    pub(super) stretch: Vec<f64>,
    pub(super) shrink: Vec<f64>,
    /// Prefix sums of the boxes' widths alone: what font expansion scales.
    pub(super) boxes: Vec<f64>,
    /// `next_box[i]`: first Box at index >= i (or the item count): where a line starts
    /// after a break at `i - 1`, since glue and penalties after a break are discarded.
    pub(super) next_box: Vec<usize>,
    pub(super) breaks: Vec<Break>,
    /// Whether no width or stretch is negative, so that the prefix sums only
    /// grow: [`Paragraph::first_reachable`] relies on it.
    pub(super) monotone: bool,
    /// The widest break (a hyphen), for the same bound.
    pub(super) widest_break: f64,
}

impl Paragraph {
    pub(super) fn new(items: &[Item]) -> Self {
        let ends_forced = matches!(
            items.last(),
            Some(Item::Penalty { penalty, .. }) if *penalty <= -INFINITY_PENALTY
        );
        let mut ext = items.to_vec();
        // Only the forced break is appended: lines ending at forced breaks are set ragged
        // anyway, so the fill glue would change nothing.
        if !ends_forced {
            ext.push(Item::Penalty {
                width: 0.0,
                penalty: -INFINITY_PENALTY,
                flagged: false,
            });
        }
        let m = ext.len();

        let mut width = Vec::with_capacity(m + 1);
        let mut stretch = Vec::with_capacity(m + 1);
        let mut shrink = Vec::with_capacity(m + 1);
        let mut boxes = Vec::with_capacity(m + 1);
        let (mut w, mut y, mut z, mut x) = (0.0, 0.0, 0.0, 0.0);
        width.push(w);
        stretch.push(y);
        shrink.push(z);
        boxes.push(x);
        for item in &ext {
            match *item {
                Item::Box { width } => {
                    w += fin(width);
                    x += fin(width);
                }
                Item::Glue {
                    width,
                    stretch,
                    shrink,
                } => {
                    w += fin(width);
                    y += fin(stretch);
                    z += fin(shrink);
                }
                Item::Penalty { .. } => {}
            }
            width.push(w);
            stretch.push(y);
            shrink.push(z);
            boxes.push(x);
        }

        let mut next_box = vec![m; m + 1];
        // `only_discardable[i]`: items from i up to the next forced break contain no Box.
        // Breaking at i would then just add an empty line before that forced break (e.g.
        // at the fill glue of the finishing sequence), so such breaks are not legal.
        let mut only_discardable = vec![false; m + 1];
        for i in (0..m).rev() {
            match ext[i] {
                Item::Box { .. } => next_box[i] = i,
                Item::Glue { .. } => {
                    next_box[i] = next_box[i + 1];
                    only_discardable[i] = only_discardable[i + 1];
                }
                Item::Penalty { penalty, .. } => {
                    next_box[i] = next_box[i + 1];
                    only_discardable[i] = penalty <= -INFINITY_PENALTY || only_discardable[i + 1];
                }
            }
        }

        let mut breaks = Vec::new();
        for (i, item) in ext.iter().enumerate() {
            match *item {
                Item::Box { .. } => {}
                Item::Glue { .. } => {
                    let after_box = i > 0 && matches!(ext[i - 1], Item::Box { .. });
                    if after_box && !only_discardable[i + 1] {
                        breaks.push(Break {
                            pos: i,
                            width: 0.0,
                            penalty: 0.0,
                            flagged: false,
                            forced: false,
                            is_last: false,
                        });
                    }
                }
                Item::Penalty {
                    width,
                    penalty,
                    flagged,
                } => {
                    let forced = penalty <= -INFINITY_PENALTY;
                    // A NaN penalty compares false both ways: it is never a break.
                    let allowed = penalty < INFINITY_PENALTY && !only_discardable[i + 1];
                    if forced || allowed {
                        breaks.push(Break {
                            pos: i,
                            width: fin(width),
                            penalty: if forced {
                                -f64::from(INFINITY_PENALTY)
                            } else {
                                f64::from(penalty)
                            },
                            flagged,
                            forced,
                            is_last: i + 1 == m,
                        });
                    }
                }
            }
        }

        let monotone = ext.iter().all(|item| match *item {
            Item::Box { width } => fin(width) >= 0.0,
            Item::Glue { width, stretch, .. } => fin(width) >= 0.0 && fin(stretch) >= 0.0,
            Item::Penalty { .. } => true,
        });
        let widest_break = breaks.iter().map(|b| b.width).fold(0.0, f64::max);
        Self {
            width,
            stretch,
            shrink,
            boxes,
            next_box,
            breaks,
            monotone,
            widest_break,
        }
    }

    /// The index of the first break at which a line starting at item
    /// `start` could be stretched to `line_width` with a ratio of at most
    /// `max_ratio` (the extra stretch included), its boxes expanded by
    /// `expansion`. Breaks before it give lines
    /// too short for the pass, so they need not be measured: most of a
    /// paragraph's (node, break) pairs are such. 0 when the sums do not only
    /// grow, where no such bound holds.
    pub(super) fn first_reachable(
        &self,
        start: usize,
        line_width: f64,
        max_ratio: f64,
        extra: f64,
        expansion: f64,
    ) -> usize {
        if !self.monotone || !max_ratio.is_finite() {
            return 0;
        }
        // A margin well above the rounding `measure` forgives.
        let target = line_width - 1e-6 * (1.0 + line_width.abs());
        self.breaks.partition_point(|b| {
            let s = start.min(b.pos);
            let longest = self.width[b.pos] - self.width[s] + self.widest_break;
            let expanded = (self.boxes[b.pos] - self.boxes[s] + self.widest_break) * expansion;
            let stretch = self.stretch[b.pos] - self.stretch[s] + extra;
            longest + expanded + stretch * max_ratio < target
        })
    }

    /// Measures the line that starts at item `start` (or is empty if `start` lies beyond
    /// the break) and ends at `brk`, set to `line_width` within what `leeway`
    /// allows. Font expansion is taken first, the glue then sets what is left.
    pub(super) fn measure(
        &self,
        start: usize,
        brk: &Break,
        line_width: f64,
        leeway: Leeway,
    ) -> Fit {
        let Leeway {
            extra_stretch,
            honest,
            expansion,
            shrink: shrink_factor,
        } = leeway;
        let b = brk.pos;
        let s = start.min(b);
        let natural = self.width[b] - self.width[s] + brk.width;
        let stretch = self.stretch[b] - self.stretch[s];
        let shrink = (self.shrink[b] - self.shrink[s]) * shrink_factor;
        // The hyphen is a glyph of the line too.
        let boxes = (self.boxes[b] - self.boxes[s] + brk.width).max(0.0);
        // Prefix sums lose a few ulps of their (possibly large) running totals; an exact
        // fit must not turn into an "overfull" or "underfull without stretch" line.
        let eps = 1e-9 * (1.0 + self.width[b].abs() + self.width[s].abs() + line_width.abs());
        let mut shortfall = line_width - natural;
        if shortfall.abs() <= eps {
            shortfall = 0.0;
        }

        let mut fit = Fit {
            natural,
            line_width,
            badness: 0.0,
            ratio: 0.0,
            expansion: 0.0,
            fitness: DECENT,
            overfull: None,
        };
        if shortfall > 0.0 {
            // A line ending at a forced break is ragged (TeX needs \hfil or \parfillskip
            // for that; here it is implied), so being short costs nothing.
            if !brk.forced {
                let (factor, rest) = expansion.take(shortfall, boxes);
                fit.expansion = factor;
                fit.badness = if honest {
                    // Past the tolerance: the line's own looseness, uncapped;
                    // the extra stretch only where it has no space to stretch.
                    let s = if stretch > 0.0 {
                        stretch
                    } else {
                        extra_stretch
                    };
                    uncapped_badness(rest, s) + expansion.badness(factor)
                } else {
                    (badness(rest, stretch + extra_stretch) + expansion.badness(factor))
                        .min(INF_BAD)
                };
                if stretch > 0.0 {
                    fit.ratio = rest / stretch;
                }
                fit.fitness = if fit.badness > 99.0 {
                    VERY_LOOSE
                } else if fit.badness > 12.0 {
                    LOOSE
                } else {
                    DECENT
                };
            }
        } else if shortfall < 0.0 {
            let (factor, rest) = expansion.take(-shortfall, boxes);
            fit.expansion = -factor;
            let excess = rest - shrink;
            if excess > eps {
                // Shrink never goes beyond r = -1: the rest sticks out.
                fit.overfull = Some(excess);
                fit.badness = INF_BAD;
                fit.ratio = if shrink > 0.0 { -shrink_factor } else { 0.0 };
                fit.fitness = TIGHT;
            } else {
                // Here shrink >= rest - eps; a rest within eps is no shrink.
                let rest = if rest <= eps { 0.0 } else { rest };
                fit.badness = (badness(rest, shrink) + expansion.badness(factor)).min(INF_BAD);
                if rest > 0.0 {
                    fit.ratio = (-rest / shrink).max(-1.0) * shrink_factor;
                }
                if fit.badness > 12.0 {
                    fit.fitness = TIGHT;
                }
            }
        }
        fit
    }
}

/// TeX's badness, 100·(t/s)³, without its cap (a line without stretch
/// that must stretch: the cap, growing with what it lacks).
fn uncapped_badness(t: f64, s: f64) -> f64 {
    if t <= 0.0 {
        0.0
    } else if s <= 0.0 {
        INF_BAD * (1.0 + t)
    } else {
        let r = t / s;
        100.0 * r * r * r
    }
}

/// What a pass lets a line do to fit, and how it ranks it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Leeway {
    /// Extra stretch assumed when ranking (never when setting glue).
    pub(super) extra_stretch: f64,
    /// Ranked by its own uncapped badness (see [`super::Pass::honest`]).
    pub(super) honest: bool,
    pub(super) expansion: Expansion,
    /// The glue may shrink this many times its shrink; the ratio is still
    /// reported against its own shrink, so it then goes below -1.
    pub(super) shrink: f64,
}

/// Font expansion as the breaker sees it (see [`super::Params::expansion`]).
#[derive(Debug, Clone, Copy)]
pub(super) struct Expansion {
    /// The largest scale change, as a fraction of the glyphs' width.
    pub(super) max: f64,
    /// The scale change whose badness is `badness`: the normal `max`, also
    /// where a pass allows more.
    pub(super) unit: f64,
    /// The badness of a line scaled by `unit`.
    pub(super) badness: f64,
}

impl Expansion {
    /// Takes as much of `white` (to add or to remove) as the glyphs, `boxes`
    /// wide, can by scaling: the scale change and the white left for the
    /// glue.
    fn take(self, white: f64, boxes: f64) -> (f64, f64) {
        if self.max <= 0.0 || boxes <= 0.0 {
            return (0.0, white);
        }
        let factor = (white / boxes).min(self.max);
        (factor, (white - factor * boxes).max(0.0))
    }

    /// The badness of scaling by `factor`: like TeX's, with the cube of the
    /// share of `unit` used.
    fn badness(self, factor: f64) -> f64 {
        if self.max <= 0.0 || self.unit <= 0.0 {
            return 0.0;
        }
        let r = factor.abs() / self.unit;
        self.badness * r * r * r
    }
}

/// How a candidate line fits.
#[derive(Debug, Clone, Copy)]
pub(super) struct Fit {
    pub(super) natural: f64,
    pub(super) line_width: f64,
    pub(super) badness: f64,
    pub(super) ratio: f64,
    /// The glyphs' scale less one (font expansion).
    pub(super) expansion: f64,
    pub(super) fitness: u8,
    /// How far the line sticks out even at maximum shrink, if it does.
    pub(super) overfull: Option<f64>,
}
