//! Collect: the block's characters turned into words and spaces, and those
//! into the breaker's boxes, glues and penalties, with a parallel list of
//! [`Source`]s saying what each item draws.

use std::rc::Rc;

use super::super::fonts::FontSet;
use super::super::linebreak::{INFINITY_PENALTY, Item};
use super::super::shape::ShapedGlyph;
use super::justify::{SPACE_SHRINK, SPACE_STRETCH, TRACK_SHRINK, TRACK_STRETCH};
use super::words::{BreakKind, Word, cached_word, space_glyph};
use super::{Align, Setting, Uncovered};
use crate::document::{Inline, Style};

/// Penalties for the kinds of in-word break.
pub(super) const HYPHEN_PENALTY: f32 = 50.0;
const EXPLICIT_PENALTY: f32 = 50.0;
const URL_PENALTY: f32 = 200.0;
const EMERGENCY_PENALTY: f32 = 5_000.0;
/// A hyphen inside one part of a hyphenated compound: dearer than the
/// compound's own hyphen, so «жилищно-|коммунального» wins over
/// «жи-|лищно-коммунального».
const COMPOUND_PART_PENALTY: f32 = 150.0;
/// A tie (no-break space) in a tied run wider than the line: a last resort,
/// dearer than any line within the tolerance, cheaper than breaking a word
/// anywhere or than a line far past the tolerance.
const TIE_PENALTY: f32 = 3_000.0;

/// Per-item data the line breaker does not need but line building does.
#[derive(Clone, Copy)]
pub(super) enum Source {
    /// Glyphs `glyphs` of word `word`.
    Fragment { word: usize, glyphs: (usize, usize) },
    /// A space after word `word`; the glyph to draw it.
    Space { glyph: ShapedGlyph },
    /// The letter-spacing that a fragment may take, spread over `glyphs`
    /// gaps.
    Tracking { gaps: usize },
    /// A possible break inside word `word`, before byte `at` of its text.
    Break {
        word: usize,
        kind: BreakKind,
        at: usize,
    },
    /// Structure: forbidding penalties and the paragraph's end.
    Marker,
}

/// A block's text as the breaker's items, with what each item draws.
pub(super) struct Collected {
    pub(super) words: Vec<Rc<Word>>,
    pub(super) items: Vec<Item>,
    pub(super) sources: Vec<Source>,
    /// The widest space's natural width: the unit of the gap ratios.
    pub(super) natural_space: f32,
}

/// Collects `inline` into items ending with the paragraph's finishing
/// sequence; `None` when it holds no word.
pub(super) fn collect(
    fonts: &FontSet,
    inline: &Inline,
    s: &Setting,
) -> Result<Option<Collected>, Uncovered> {
    let style_of = |st: Style| Style {
        bold: st.bold || s.bold,
        italic: st.italic,
    };
    // Characters with their styles, then words and spaces.
    let mut chars: Vec<(char, Style)> =
        Vec::with_capacity(inline.iter().map(|r| r.text.len()).sum());
    for r in inline {
        let style = style_of(r.style);
        chars.extend(r.text.chars().map(|c| (c, style)));
    }
    let mut words: Vec<Rc<Word>> = Vec::new();
    let mut scratch = String::new();
    let mut spaces: [Option<ShapedGlyph>; 4] = [None; 4];
    // About an item a character (a word's fragments, breaks and tracking,
    // a glue a space): grown once or not at all.
    let mut items: Vec<Item> = Vec::with_capacity(chars.len());
    let mut sources: Vec<Source> = Vec::with_capacity(chars.len());
    let mut natural_space = 0.0f32;
    // The tied run being collected: its first item and its ties' penalties.
    let mut run_start = 0;
    let mut ties: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (c, style) = chars[i];
        if c == ' ' || c == '\u{a0}' || c == '\t' {
            // Runs of spaces are one space.
            let mut nobreak = false;
            while i < chars.len() && matches!(chars[i].0, ' ' | '\u{a0}' | '\t') {
                nobreak |= chars[i].0 == '\u{a0}';
                i += 1;
            }
            if words.is_empty() || i >= chars.len() {
                continue; // leading or trailing space
            }
            // One space glyph per style and paragraph: shaping it anew for
            // every space was a tenth of the setting time.
            let slot = usize::from(style.bold) * 2 + usize::from(style.italic);
            let glyph = match spaces[slot] {
                Some(g) => g,
                None => *spaces[slot].insert(space_glyph(fonts, style)?),
            };
            let w = glyph.advance * s.size;
            natural_space = natural_space.max(w);
            if nobreak {
                ties.push(items.len());
                forbid_break(&mut items, &mut sources);
            } else {
                open_wide_run(&mut items[run_start..], &ties, run_start, s.width);
                ties.clear();
                // The run starts after the space pushed below.
                run_start = items.len() + 1;
            }
            let (stretch, shrink) = match s.align {
                Align::Justify => (w * SPACE_STRETCH, w * SPACE_SHRINK),
                // Ragged lines keep their spaces natural.
                Align::Left | Align::Right | Align::Center => (0.0, 0.0),
            };
            items.push(Item::Glue {
                width: w,
                stretch,
                shrink,
            });
            sources.push(Source::Space { glyph });
            continue;
        }
        let start = i;
        while i < chars.len() && !matches!(chars[i].0, ' ' | '\u{a0}' | '\t') {
            i += 1;
        }
        // A word tied to a number or an abbreviation («30 челленджей»,
        // «г. Петропавловска») may still be hyphenated: the tie keeps the
        // two on one line, the word's own break points stay.
        let word = cached_word(fonts, &chars[start..i], s, s.hyphenate, &mut scratch)?;
        let wi = words.len();
        push_word_items(&word, wi, s, &mut items, &mut sources);
        words.push(word);
    }
    if words.is_empty() {
        return Ok(None);
    }
    open_wide_run(&mut items[run_start..], &ties, run_start, s.width);
    if natural_space == 0.0 {
        natural_space = space_glyph(fonts, style_of(Style::default()))?.advance * s.size;
    }
    // The paragraph's end: the last line is set at its natural width.
    forbid_break(&mut items, &mut sources);
    items.push(Item::Glue {
        width: 0.0,
        stretch: 1.0e6,
        shrink: 0.0,
    });
    sources.push(Source::Marker);
    items.push(Item::Penalty {
        width: 0.0,
        penalty: -INFINITY_PENALTY,
        flagged: false,
    });
    sources.push(Source::Marker);
    Ok(Some(Collected {
        words,
        items,
        sources,
        natural_space,
    }))
}

/// Opens the ties of a tied run (`run`, starting at item `offset`, ties at
/// `ties`) wider than the line, at [`TIE_PENALTY`]: kept whole it would run
/// past the margin (40 tied payment numbers). Every tie of it becomes a
/// break, so the breaker, only where it must, picks the ones that cost least.
fn open_wide_run(run: &mut [Item], ties: &[usize], offset: usize, width: f32) {
    if ties.is_empty() {
        return;
    }
    let natural: f32 = run
        .iter()
        .map(|item| match *item {
            Item::Box { width } | Item::Glue { width, .. } => width,
            Item::Penalty { .. } => 0.0,
        })
        .sum();
    if natural <= width {
        return;
    }
    for &t in ties {
        if let Some(Item::Penalty { penalty, .. }) = run.get_mut(t - offset) {
            *penalty = TIE_PENALTY;
        }
    }
}

/// Makes the next glue unbreakable: a glue is a legal break only right
/// after a box.
fn forbid_break(items: &mut Vec<Item>, sources: &mut Vec<Source>) {
    items.push(Item::Penalty {
        width: 0.0,
        penalty: INFINITY_PENALTY,
        flagged: false,
    });
    sources.push(Source::Marker);
}

fn push_word_items(
    word: &Word,
    wi: usize,
    s: &Setting,
    items: &mut Vec<Item>,
    sources: &mut Vec<Source>,
) {
    let compound = word.breaks.iter().any(|b| b.1 == BreakKind::Explicit);
    let mut g0 = 0;
    for (&(at, kind), &kern) in word.breaks.iter().zip(&word.kerns) {
        // Breaks are sorted: search on from the last one, not from the
        // word's start (quadratic for a long word with many breaks).
        let g1 = g0
            + word.glyphs[g0..]
                .iter()
                .position(|g| g.cluster >= at)
                .unwrap_or(word.glyphs.len() - g0);
        if g1 <= g0 {
            continue;
        }
        push_fragment(word, wi, s, (g0, g1), items, sources);
        let (width, penalty, flagged) = match kind {
            BreakKind::Hyphen => (
                word.hyphen.map_or(0.0, |h| h.advance * s.size),
                if compound {
                    COMPOUND_PART_PENALTY
                } else {
                    HYPHEN_PENALTY
                },
                true,
            ),
            BreakKind::Explicit => (0.0, EXPLICIT_PENALTY, true),
            BreakKind::Url => (0.0, URL_PENALTY, false),
            BreakKind::Emergency => (0.0, EMERGENCY_PENALTY, false),
        };
        items.push(Item::Penalty {
            // The kerning dropped at the break is added to the line there.
            width: width + kern * s.size,
            penalty,
            flagged,
        });
        sources.push(Source::Break { word: wi, kind, at });
        g0 = g1;
    }
    push_fragment(word, wi, s, (g0, word.glyphs.len()), items, sources);
}

/// A fragment's box, preceded by the letter-spacing it may take. That glue
/// follows a forbidding penalty, so it is never a break.
fn push_fragment(
    word: &Word,
    wi: usize,
    s: &Setting,
    (g0, g1): (usize, usize),
    items: &mut Vec<Item>,
    sources: &mut Vec<Source>,
) {
    // Every glyph gap inside the word can take spacing; the word's end cannot,
    // or the space after it would widen.
    let gaps = if g1 == word.glyphs.len() {
        g1 - g0 - 1
    } else {
        g1 - g0
    };
    if s.align == Align::Justify && gaps > 0 {
        forbid_break(items, sources);
        items.push(Item::Glue {
            width: 0.0,
            stretch: gaps as f32 * TRACK_STRETCH * s.size,
            shrink: gaps as f32 * TRACK_SHRINK * s.size,
        });
        sources.push(Source::Tracking { gaps });
    }
    let width = word.glyphs[g0..g1].iter().map(|g| g.advance).sum::<f32>() * s.size;
    items.push(Item::Box { width });
    sources.push(Source::Fragment {
        word: wi,
        glyphs: (g0, g1),
    });
}
