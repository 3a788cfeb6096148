//! Total-fit line breaking (Knuth & Plass, "Breaking Paragraphs into Lines", 1981).
//!
//! The caller shapes text into boxes, glue and penalties; this module only decides
//! where lines end and how far each line's glue has to stretch or shrink. The
//! algorithm follows TeX's `line_break` (tex.web §813–§890) wherever the two agree,
//! so TeX's parameter intuitions (tolerance 200, line penalty 10, …) carry over.
//!
//! Deliberate differences from TeX, each explained where it is implemented:
//! * every line that ends at a forced break is set ragged (as if `\hfil` preceded it);
//! * a hard limit on consecutive hyphenated lines, tracked in the node identity;
//! * a final pass that never fails: it minimises total overfullness first;
//! * a safety cap on the active list, so absurd line widths cannot go quadratic.
//!
//! Standalone tests: `rustc --edition 2024 --test src/typeset/linebreak/mod.rs -o /tmp/lb && /tmp/lb`.
//!
//! Phases, one file each: [`sums`] prepares the paragraph (prefix sums and
//! legal breaks) so any line is measured in O(1); [`candidates`] prices a line
//! and prunes dominated nodes; [`pass`] runs one pass of the dynamic
//! programme; [`first_fit`] is the greedy breaker for ragged text.

mod bound;
mod candidates;
mod first_fit;
mod looseness;
mod pass;
mod sums;
#[cfg(test)]
mod tests;

pub use first_fit::first_fit;

use candidates::Setup;
use pass::run_pass;
use sums::Paragraph;

/// One element of a paragraph, in the Knuth–Plass box/glue/penalty model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Item {
    /// Unbreakable material of fixed width (a word fragment, already shaped).
    Box { width: f32 },
    /// Stretchable space; a legal break point if preceded by a Box.
    Glue {
        width: f32,
        stretch: f32,
        shrink: f32,
    },
    /// A possible break. `width` is added only if the line breaks here (e.g. the hyphen).
    /// `flagged` marks hyphen breaks (for consecutive-hyphen demerits).
    /// `penalty >= INFINITY_PENALTY` forbids a break; `<= -INFINITY_PENALTY` forces one.
    Penalty {
        width: f32,
        penalty: f32,
        flagged: bool,
    },
}

/// Penalties at or beyond this magnitude forbid (positive) or force (negative) a break.
pub const INFINITY_PENALTY: f32 = 10_000.0;

/// Badness TeX assigns to a line that cannot stretch enough (`inf_bad`). Such lines are
/// feasible only once the tolerance reaches this value.
const INF_BAD: f64 = 10_000.0;

/// TeX caps the demerits of any line whose `line_penalty + badness` reaches `INF_BAD`.
const CAPPED_DEMERITS: f64 = 1.0e8;

// Fitness classes as in TeX §817. They are numbered so that "more than one apart" means
// visually incompatible neighbours (e.g. a tight line directly above a very loose one).
const VERY_LOOSE: u8 = 0;
const LOOSE: u8 = 1;
const DECENT: u8 = 2;
const TIGHT: u8 = 3;

/// Active nodes kept at most (pruned back to this once twice as many accumulate).
/// With real line widths the active list holds one line's worth of break points (a few
/// dozen nodes), so this never triggers; it only stops absurdly wide lines, where
/// nothing is ever deactivated, from making the algorithm quadratic.
const MAX_ACTIVE: usize = 512;

/// Line-breaking parameters; names and defaults follow TeX where TeX has an equivalent.
#[derive(Debug, Clone)]
pub struct Params {
    /// Line widths: line i uses `widths[min(i, len-1)]` (so a hanging/first-line setup is possible).
    /// An empty list is treated as a single zero width (everything overfull, but no panic).
    pub line_widths: Vec<f32>,
    /// Maximum badness accepted in the first pass (TeX `\tolerance`).
    pub tolerance: f32,
    /// Added to each line's badness before squaring (TeX `\linepenalty`).
    pub line_penalty: f32,
    /// Penalty value the caller uses on hyphen penalties; see [`Params::hyphen`].
    pub hyphen_penalty: f32,
    /// Added when two consecutive lines end at flagged breaks (TeX `\doublehyphendemerits`).
    pub double_hyphen_demerits: f32,
    /// Added when the second-last line ends at a flagged break (TeX `\finalhyphendemerits`).
    pub final_hyphen_demerits: f32,
    /// Added when adjacent lines differ by more than one fitness class (TeX `\adjdemerits`).
    pub fitness_demerits: f32,
    /// Hard limit: the (max+1)th flagged break in a row is never chosen unless no
    /// solution without it exists. 0 forbids flagged breaks (with the same escape hatch).
    pub max_consecutive_hyphens: usize,
    /// Demerits added when the paragraph's last line (of two or more) is shorter than
    /// `short_last_line_ratio` of its width. `None` disables the check.
    pub short_last_line: Option<f32>,
    /// See `short_last_line`.
    pub short_last_line_ratio: f32,
    /// A paragraph's last line (of two or more) narrower than this is a runt
    /// (shorter than the first line's indent, it reads as a hole): the
    /// tolerance passes refuse it, the later passes charge `runt_demerits`.
    /// 0 disables the check.
    pub runt_width: f32,
    /// See `runt_width`.
    pub runt_demerits: f32,
    /// Extra stretch assumed for every line when ranking lines in the emergency passes
    /// (TeX `\emergencystretch`). It only changes which breaks are chosen; the reported
    /// ratios always use the real stretch of the glue.
    pub emergency_stretch: f32,
    /// Extra stretch assumed when ranking lines in the passes past the
    /// tolerance (3 and 4), where badness alone, capped at 10 000, would rate
    /// every line with little stretch alike from a ratio of about 4.6 on, and
    /// a line of two stretched spaces as good as one of ten. TeX uses
    /// `\emergencystretch` there too, the default.
    pub last_resort_stretch: f32,
    /// Past the tolerance, price a line by how loose it really is: its
    /// badness from its own spaces' stretch (`last_resort_stretch` only for
    /// a line without a space), not capped at 10 000. Ranked with the extra
    /// stretch, a line of four spaces rates far better than its gaps look
    /// (the stretch is shared over fewer of them), and capped, every line
    /// past a ratio of about 4.6 rates alike, so the white of a paragraph
    /// that misses the tolerance collects in its shortest lines.
    pub honest_last_resort: bool,
    /// Font expansion (pdfTeX's, as microtype sets it): a line's glyphs may
    /// be scaled horizontally by at most this fraction either way, taken
    /// before the spaces stretch or shrink, so the spaces stay near their
    /// natural width. 0 turns it off.
    pub expansion: f32,
    /// Badness of a line expanded (or condensed) by the whole `expansion`,
    /// growing with the cube of the share used like TeX's badness: well
    /// below what the same white in the spaces costs, so the breaker
    /// prefers it, yet not free, so it never expands without need.
    pub expansion_badness: f32,
    /// Past the tolerance (passes 3 and 4), the glue may shrink this many
    /// times its `shrink` (at least 1): a line a little too long for the
    /// normal shrink is then set tight rather than leaving the white to a
    /// loose neighbour. Which glue is a space and which the letters' own
    /// spacing the breaker does not know: the caller keeps the product
    /// within what every kind of glue may take.
    pub last_resort_shrink: f32,
    /// Past the tolerance, the most the glyphs may be scaled either way
    /// (font expansion), if more than `expansion`; each line is priced by
    /// the same curve, so the share beyond `expansion` costs ever more.
    pub last_resort_expansion: f32,
    /// TeX's `\looseness`: set the paragraph this many lines longer (or,
    /// negative, shorter) than its best setting, as near as the tolerance
    /// allows, the cheapest such setting. Only the passes within the
    /// tolerance heed it (a paragraph that misses the tolerance keeps its
    /// best setting); 0, the default, is the best setting.
    pub looseness: i32,
}

impl Default for Params {
    fn default() -> Self {
        Self {
            // The project's text width (A4 with the letter margins).
            line_widths: vec![467.0],
            tolerance: 200.0,
            line_penalty: 10.0,
            hyphen_penalty: 50.0,
            double_hyphen_demerits: 10_000.0,
            final_hyphen_demerits: 5_000.0,
            fitness_demerits: 10_000.0,
            max_consecutive_hyphens: 2,
            // Comparable to loosening one line from badness ~0 to ~35: enough to lift a
            // lone short word onto the previous line when that is cheap, not at any cost.
            short_last_line: Some(2_000.0),
            short_last_line_ratio: 0.15,
            runt_width: 0.0,
            // Far more than any line within tolerance, less than one line
            // beyond it (`CAPPED_DEMERITS`).
            runt_demerits: 1.0e6,
            // TeX folklore: about a tenth of the line width.
            emergency_stretch: 46.7,
            last_resort_stretch: 46.7,
            honest_last_resort: false,
            expansion: 0.0,
            expansion_badness: 0.0,
            last_resort_shrink: 1.0,
            last_resort_expansion: 0.0,
            looseness: 0,
        }
    }
}

impl Params {
    /// The penalty item for a discretionary hyphen of the given width, using
    /// `hyphen_penalty`.
    #[must_use]
    pub fn hyphen(&self, width: f32) -> Item {
        Item::Penalty {
            width,
            penalty: self.hyphen_penalty,
            flagged: true,
        }
    }
}

/// One line of the broken paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Index range into items: the items set on this line (start is after discarded
    /// glue/penalties at the line start; end is the break item index, exclusive — the break
    /// item itself (glue or penalty) is not part of the line, but a penalty's width
    /// (hyphen) IS drawn: report it via `hyphenated`). The first line starts at 0 (nothing
    /// is discarded at the paragraph start, so leading glue can serve as an indent). An
    /// empty line (two forced breaks in a row) has `start == end`.
    pub start: usize,
    pub end: usize,
    /// Adjustment ratio r: each glue's width becomes width + r*stretch (r >= 0) or
    /// width + r*shrink (r < 0). r is clamped to >= -1, or to >=
    /// -[`Params::last_resort_shrink`] past the tolerance. Every line ending at a forced
    /// break — in particular the paragraph's last line — is set ragged: r is 0 if it
    /// would stretch. r is also 0 for an underfull line without any stretch.
    pub ratio: f32,
    /// The horizontal scale of the line's boxes less one (font expansion):
    /// their widths become `width * (1 + expansion)`. Taken before the glue
    /// moves, so `ratio` sets the glue for what is left. Always 0 when
    /// [`Params::expansion`] is.
    pub expansion: f32,
    /// The line ends at a penalty whose (non-zero) width must be drawn, i.e. a
    /// discretionary hyphen. A flagged penalty of width 0 (a break after an explicit
    /// hyphen already in a box) is not reported, as nothing needs adding.
    pub hyphenated: bool,
}

/// Breaks a paragraph. `items` should end with the usual finishing sequence
/// (`Glue { 0, stretch: large fill, shrink: 0 }` + `Penalty { -INFINITY_PENALTY }`); if the
/// last item is not a forced break, one is added logically (it then appears as `end ==
/// items.len()` of the last line). The fill glue is optional: lines ending at forced
/// breaks are ragged anyway. Glue or penalties followed only by glue/penalties up to a
/// forced break are not break points (breaking there would only add an empty line).
///
/// Always returns at least one line; the lines are in order, do not overlap, and together
/// contain every `Box`. Passes, each tried only if the previous found nothing:
/// 1. `tolerance`;
/// 2. `tolerance` with `emergency_stretch` (skipped when that is 0);
/// 3. badness up to 10 000 ("infinite" tolerance: every line that is not overfull), ranked
///    with `last_resort_stretch`, or, with `honest_last_resort`, every line that is not
///    overfull, ranked by its own uncapped badness; from here on the glue may shrink by
///    `last_resort_shrink` times its shrink and the glyphs scale by `last_resort_expansion`;
/// 4. anything goes: minimise total overfullness, then the number of violations of
///    `max_consecutive_hyphens`, then demerits.
#[must_use]
pub fn break_lines(items: &[Item], params: &Params) -> Vec<Line> {
    let para = Paragraph::new(items);
    let setup = Setup::new(params);
    let emergency = fin(params.emergency_stretch).max(0.0);
    let last_resort = fin(params.last_resort_stretch).max(0.0);
    let tolerance = fin(params.tolerance).max(0.0);
    let passes = [
        Pass {
            threshold: tolerance,
            extra_stretch: 0.0,
            fallback: false,
            honest: false,
            looseness: params.looseness,
        },
        // TeX's order: emergency stretch is tried at the normal tolerance before giving
        // up on tolerance altogether. The other way round it would be useless: the
        // infinite-tolerance pass already accepts every line that is not overfull, and
        // extra stretch cannot cure an overfull line.
        Pass {
            threshold: tolerance,
            extra_stretch: emergency,
            fallback: false,
            honest: false,
            looseness: params.looseness,
        },
        // Priced honestly, badness has no cap: every line that is not
        // overfull is taken.
        Pass {
            threshold: if params.honest_last_resort {
                f64::INFINITY
            } else {
                INF_BAD.max(tolerance)
            },
            extra_stretch: last_resort,
            fallback: false,
            honest: params.honest_last_resort,
            looseness: 0,
        },
        Pass {
            threshold: f64::INFINITY,
            extra_stretch: last_resort,
            fallback: true,
            honest: params.honest_last_resort,
            looseness: 0,
        },
    ];
    let mut previous: Option<Pass> = None;
    for pass in passes {
        // Identical consecutive passes (no emergency stretch, tolerance >= 10 000) would
        // fail identically.
        if previous == Some(pass) {
            continue;
        }
        previous = Some(pass);
        if let Some(lines) = run_pass(&para, &setup, pass) {
            return clamp_to_input(lines, items.len());
        }
    }
    // The fallback pass accepts every line, so it cannot fail; this keeps the promise of
    // never returning nothing even if that reasoning were wrong.
    vec![Line {
        start: 0,
        end: items.len(),
        ratio: 0.0,
        expansion: 0.0,
        hyphenated: false,
    }]
}

/// Converts a caller-supplied float for internal f64 arithmetic. NaN becomes 0 and
/// infinities saturate, so sums of many huge values stay finite (f64 has the headroom)
/// and no comparison ever meets a NaN.
fn fin(x: f32) -> f64 {
    if x.is_nan() {
        0.0
    } else {
        f64::from(x.clamp(-f32::MAX, f32::MAX))
    }
}

/// Maps line ranges over the logically extended item list back onto the caller's items:
/// a forced break we appended lies one past the end.
fn clamp_to_input(mut lines: Vec<Line>, len: usize) -> Vec<Line> {
    for line in &mut lines {
        line.end = line.end.min(len);
        line.start = line.start.min(line.end);
    }
    lines
}

/// TeX's badness: about 100·(t/s)³, capped at `INF_BAD`.
fn badness(t: f64, s: f64) -> f64 {
    if t <= 0.0 {
        0.0
    } else if s <= 0.0 {
        INF_BAD
    } else {
        let r = t / s;
        // Overflow to +inf is fine here: min() brings it back to the cap.
        (100.0 * r * r * r).min(INF_BAD)
    }
}

/// One attempt at breaking the paragraph.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Pass {
    /// Highest badness a line may have.
    threshold: f64,
    /// Extra stretch assumed when computing badness (never when setting glue).
    extra_stretch: f64,
    /// Overfull lines and hyphen-limit violations are allowed (at a cost).
    fallback: bool,
    /// Badness from the line's own stretch, uncapped (see
    /// [`Params::honest_last_resort`]); `extra_stretch` only for a line
    /// without any.
    honest: bool,
    /// Lines more (or fewer) than the best setting's, as near as the pass
    /// can (see [`Params::looseness`]).
    looseness: i32,
}
