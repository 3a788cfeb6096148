//! Setting one block's text into lines: words are shaped, hyphenation
//! points found, the paragraph broken as a whole (Knuth–Plass, see
//! [`super::linebreak`]) and every line turned into glyph runs.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::ops::Range;
use std::rc::Rc;

use super::fonts::{FaceId, FontSet};
use super::hyphenate;
use super::linebreak::{self, INFINITY_PENALTY, Item};
use super::page::{BlockRef, Glyph, TextRun};
use super::shape::{ShapedGlyph, WordHasher, shape_styled};
use crate::document::{Inline, Style};
use crate::lang::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Justify,
    Left,
    Right,
    Center,
}

/// How a block's text is set.
#[derive(Debug, Clone)]
pub struct Setting {
    pub size: f32,
    pub width: f32,
    pub first_indent: f32,
    pub align: Align,
    pub lang: Lang,
    pub hyphenate: bool,
    pub bold: bool,
}

/// A line of a block, runs positioned relative to the line's left edge.
#[derive(Debug, Clone)]
pub struct SetLine {
    pub runs: Vec<TextRun>,
    pub x: f32,
    pub width: f32,
    pub natural_space: f32,
    pub gaps: Vec<f32>,
    pub justified: bool,
    pub hyphenated: bool,
}

/// What a character outside any font is, and where in the block text it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Uncovered {
    pub c: char,
}

/// Justification: a space may stretch by 40% and shrink by a third of its
/// width; letters may also be spaced by 3% of an em (and tightened by 1%)
/// at the same ratio, as microtype's font expansion does, so the breaker
/// finds tight lines without loose spaces.
const SPACE_STRETCH: f32 = 0.4;
const SPACE_SHRINK: f32 = 0.33;
const TRACK_STRETCH: f32 = 0.03;
const TRACK_SHRINK: f32 = 0.01;
/// Lines up to this badness are accepted in the first pass: a ratio of about
/// 1.26, spaces at most 1.5 of their natural width.
const TOLERANCE: f32 = 200.0;
/// The most a space or letter-spacing is ever stretched, whatever the
/// breaker asks: past these a line reads as holes (and readers such as
/// poppler split words whose letters stand 0.1 em apart).
const MAX_GAP: f32 = 1.58;
const MAX_TRACKING: f32 = 0.04;
/// Letter-spacing may reach this only to fill a line the spaces cannot.
const MAX_TRACKING_LAST: f32 = 0.07;

/// Penalties for the kinds of in-word break.
const HYPHEN_PENALTY: f32 = 50.0;
const EXPLICIT_PENALTY: f32 = 50.0;
const URL_PENALTY: f32 = 200.0;
/// Tokens wider than this share of the line get breaks inside them.
const LONG_TOKEN: f32 = 0.45;
const EMERGENCY_PENALTY: f32 = 5_000.0;

#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(u8)]
enum BreakKind {
    /// A hyphen is added at the line end.
    Hyphen,
    /// After a hyphen that is part of the word: nothing is added.
    Explicit,
    /// After / . ? & - _ in an overlong token, nothing added.
    Url,
    /// Between any two characters of a token wider than a line.
    Emergency,
}

/// A word: text between spaces, shaped, with its possible breaks.
struct Word {
    text: String,
    glyphs: Vec<ShapedGlyph>,
    /// Byte offsets of the glyph clusters' text: glyph i draws text[ranges[i]].
    ranges: Vec<Range<usize>>,
    breaks: Vec<(usize, BreakKind)>,
    /// The style at each break, for the hyphen's face.
    hyphen: Option<ShapedGlyph>,
}

/// Per-item data the line breaker does not need but line building does.
#[derive(Clone, Copy)]
enum Source {
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

pub fn set(
    fonts: &FontSet,
    lines: &[Inline],
    setting: &Setting,
    block: BlockRef,
) -> Result<Vec<SetLine>, Uncovered> {
    let mut out = Vec::new();
    for (i, inline) in lines.iter().enumerate() {
        let mut s = setting.clone();
        if i > 0 {
            s.first_indent = 0.0;
        }
        out.extend(set_inline(fonts, inline, &s, block)?);
    }
    Ok(out)
}

fn set_inline(
    fonts: &FontSet,
    inline: &Inline,
    s: &Setting,
    block: BlockRef,
) -> Result<Vec<SetLine>, Uncovered> {
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
    let mut items: Vec<Item> = Vec::new();
    let mut sources: Vec<Source> = Vec::new();
    let mut natural_space = 0.0f32;
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
                forbid_break(&mut items, &mut sources);
            }
            let (stretch, shrink) = match s.align {
                Align::Justify => (w * SPACE_STRETCH, w * SPACE_SHRINK),
                _ => (0.0, 0.0),
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
        // «30 челленджей», «№ ДЗ-83», «Е. Тугжанов», «г. Алматы» stay whole
        // on one line: the word tied to such a token is not hyphenated.
        let tied = start > 0
            && chars[..start]
                .iter()
                .rev()
                .take_while(|c| matches!(c.0, ' ' | '\u{a0}' | '\t'))
                .any(|c| c.0 == '\u{a0}');
        let hyphenate =
            s.hyphenate && !(tied && words.last().is_some_and(|w| binds_whole(&w.text)));
        let word = cached_word(fonts, &chars[start..i], s, hyphenate, &mut scratch)?;
        let wi = words.len();
        push_word_items(&word, wi, s, &mut items, &mut sources);
        words.push(word);
    }
    if words.is_empty() {
        return Ok(Vec::new());
    }
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

    let widths = vec![(s.width - s.first_indent).max(s.size), s.width];
    let breaks: Vec<linebreak::Line> = match s.align {
        Align::Justify => {
            let params = linebreak::Params {
                line_widths: widths.clone(),
                tolerance: TOLERANCE,
                hyphen_penalty: HYPHEN_PENALTY,
                emergency_stretch: 0.0,
                ..linebreak::Params::default()
            };
            linebreak::break_lines(&items, &params)
        }
        _ => ragged_breaks(&items, &widths),
    };

    let mut lines = Vec::with_capacity(breaks.len());
    let last_line = breaks.len().saturating_sub(1);
    // Words whose rest was carried by a line end's carrier glyph: their
    // later fragments copy out as nothing.
    let mut carried = vec![false; words.len()];
    for (li, b) in breaks.iter().enumerate() {
        let indent = if li == 0 { s.first_indent } else { 0.0 };
        let line_width = widths[li.min(1)];
        let ratio = if s.align == Align::Justify {
            b.ratio
        } else {
            0.0
        };
        let mut builder = LineBuilder::new(s.size, block);
        let mut gaps = Vec::new();
        let mut end = b.end.min(items.len());
        // Trailing glue before the break is never drawn.
        while end > b.start && matches!(items[end - 1], Item::Glue { .. }) {
            end -= 1;
        }
        let set_widths = glue_widths(&items[b.start..end], &sources[b.start..end], ratio, s.size);
        // Letter-spacing owed to the next fragment, per glyph gap.
        let mut tracking = 0.0;
        for (k, &width) in (b.start..end).zip(&set_widths) {
            match sources[k] {
                Source::Fragment { word, glyphs } => {
                    builder.fragment(&words[word], glyphs.0..glyphs.1, tracking, carried[word]);
                    tracking = 0.0;
                }
                Source::Tracking { gaps } => tracking = width / gaps.max(1) as f32,
                Source::Space { glyph } => {
                    gaps.push(width);
                    builder.space(glyph, width);
                }
                _ => {}
            }
        }
        let mut hyphenated = false;
        if let (Some(Item::Penalty { width, .. }), Some(&Source::Break { word, kind, at })) =
            (items.get(b.end), sources.get(b.end))
        {
            hyphenated = true;
            let w = &words[word];
            match (kind, w.hyphen) {
                (BreakKind::Hyphen, Some(h)) if *width > 0.0 => builder.hyphen(h, carried[word]),
                _ if !carried[word] => {
                    // No hyphen is added here, so a reader would join the two
                    // lines with a space: the carrier keeps the word whole.
                    if let Some(last) = w.glyphs.last() {
                        builder.carrier(fonts, last.face, &w.text[at..]);
                        carried[word] = true;
                    }
                }
                _ => {}
            }
        }
        let mut runs = builder.finish();
        let natural: f32 = runs.iter().map(TextRun::width).sum();
        let justified = s.align == Align::Justify && li != last_line;
        let x = indent
            + match s.align {
                Align::Justify | Align::Left => 0.0,
                Align::Right => (line_width - natural).max(0.0),
                Align::Center => ((line_width - natural) / 2.0).max(0.0),
            };
        let mut pen = x;
        for r in &mut runs {
            r.x = pen;
            pen += r.width();
        }
        lines.push(SetLine {
            runs,
            x,
            width: natural,
            natural_space,
            gaps,
            justified,
            hyphenated,
        });
    }
    Ok(lines)
}

/// The widths a line's glues are set at for the breaker's `ratio`, within
/// the limits a reader tolerates: a space at most `MAX_GAP` natural spaces,
/// letters at most `MAX_TRACKING` em apart. What a capped glue cannot take
/// goes to the spaces still under their limit; a line that cannot be filled
/// within the limits stays a little short of the margin rather than show
/// holes (it happens only where ties leave no better break).
fn glue_widths(items: &[Item], sources: &[Source], ratio: f32, size: f32) -> Vec<f32> {
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

fn space_glyph(fonts: &FontSet, style: Style) -> Result<ShapedGlyph, Uncovered> {
    shape_styled(fonts, " ", style)
        .map_err(|c| Uncovered { c })?
        .first()
        .copied()
        .ok_or(Uncovered { c: ' ' })
}

/// Tokens whose tie to the next word keeps that word unbroken: numbers, №,
/// initials and abbreviations (anything ending with a period).
fn binds_whole(token: &str) -> bool {
    token.chars().any(|c| c.is_ascii_digit()) || token.starts_with('№') || token.ends_with('.')
}

/// What a word's shape and breaks depend on besides its text: the style,
/// whether it may be hyphenated, the language, and the size and measure
/// (which decide whether it is a long token with breaks everywhere).
#[derive(Clone, Copy, PartialEq)]
struct WordSetting {
    style: Style,
    hyphenate: bool,
    lang: Lang,
    size: u32,
    width: u32,
}

type WordMap = HashMap<Box<str>, Vec<(WordSetting, Rc<Word>)>, BuildHasherDefault<WordHasher>>;

thread_local! {
    /// Words repeat within a letter («в», «по», «Республики») and far more
    /// across a batch: a word is shaped and hyphenated once per thread and
    /// setting. Bounded like the shaping cache.
    static WORDS: RefCell<WordMap> = RefCell::new(WordMap::default());
}

const WORD_CACHE_LIMIT: usize = 50_000;

/// [`build_word`], remembered for words of one style. `scratch` is the
/// caller's buffer for the word's text, so a hit allocates nothing.
fn cached_word(
    fonts: &FontSet,
    chars: &[(char, Style)],
    s: &Setting,
    hyphenate: bool,
    scratch: &mut String,
) -> Result<Rc<Word>, Uncovered> {
    let Some(&(_, style)) = chars.first() else {
        return build_word(fonts, chars, s, hyphenate).map(Rc::new);
    };
    if chars.iter().any(|c| c.1 != style) {
        return build_word(fonts, chars, s, hyphenate).map(Rc::new);
    }
    scratch.clear();
    scratch.extend(chars.iter().map(|c| c.0));
    let setting = WordSetting {
        style,
        hyphenate,
        lang: s.lang,
        size: s.size.to_bits(),
        width: s.width.to_bits(),
    };
    let hit = WORDS.with(|m| {
        m.borrow()
            .get(scratch.as_str())
            .and_then(|v| v.iter().find(|(k, _)| *k == setting))
            .map(|(_, w)| w.clone())
    });
    if let Some(word) = hit {
        return Ok(word);
    }
    let word = Rc::new(build_word(fonts, chars, s, hyphenate)?);
    WORDS.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() > WORD_CACHE_LIMIT {
            m.clear();
        }
        m.entry(scratch.as_str().into())
            .or_default()
            .push((setting, word.clone()));
    });
    Ok(word)
}

fn build_word(
    fonts: &FontSet,
    chars: &[(char, Style)],
    s: &Setting,
    hyphenate: bool,
) -> Result<Word, Uncovered> {
    let text: String = chars.iter().map(|(c, _)| *c).collect();
    // Shape each same-style stretch, keeping clusters as offsets into `text`.
    let mut glyphs = Vec::new();
    let mut seg_start_byte = 0;
    let mut k = 0;
    while k < chars.len() {
        let style = chars[k].1;
        let mut j = k;
        let mut bytes = 0;
        while j < chars.len() && chars[j].1 == style {
            bytes += chars[j].0.len_utf8();
            j += 1;
        }
        let seg = &text[seg_start_byte..seg_start_byte + bytes];
        let shaped = shape_styled(fonts, seg, style).map_err(|c| Uncovered { c })?;
        glyphs.extend(shaped.into_iter().map(|g| ShapedGlyph {
            cluster: g.cluster + seg_start_byte,
            ..g
        }));
        seg_start_byte += bytes;
        k = j;
    }
    // Each glyph's text: from its cluster to the next greater cluster. Found
    // walking backwards, so a cluster of many glyphs (a letter under
    // thousands of accents) costs linear time, not quadratic.
    let mut ranges = vec![0..0; glyphs.len()];
    let mut next_greater = text.len();
    for gi in (0..glyphs.len()).rev() {
        let c = glyphs[gi].cluster;
        if gi + 1 < glyphs.len() && glyphs[gi + 1].cluster > c {
            next_greater = glyphs[gi + 1].cluster;
        }
        ranges[gi] = c..next_greater.max(c);
    }

    let mut breaks: Vec<(usize, BreakKind)> = Vec::new();
    // Byte offset of each char, precomputed: summing a prefix per call made
    // words with many break points (a/a/a…, а1а1…) quadratic.
    let offsets: Vec<usize> = chars
        .iter()
        .scan(0, |at, (c, _)| {
            let here = *at;
            *at += c.len_utf8();
            Some(here)
        })
        .chain(std::iter::once(text.len()))
        .collect();
    let byte_at = |ci: usize| offsets[ci];
    if hyphenate {
        // Letters-only stretches are hyphenated by the language's rules.
        let mut a = 0;
        while a < chars.len() {
            if !hyphenate::is_letter(chars[a].0) {
                a += 1;
                continue;
            }
            let mut b = a;
            while b < chars.len() && hyphenate::is_letter(chars[b].0) {
                b += 1;
            }
            let (ba, bb) = (byte_at(a), byte_at(b));
            for p in hyphenate::break_points(&text[ba..bb], s.lang) {
                breaks.push((ba + p, BreakKind::Hyphen));
            }
            a = b;
        }
    }
    // A compound's own hyphen: break after it, adding nothing.
    for ci in 1..chars.len().saturating_sub(2) {
        if chars[ci].0 == '-'
            && hyphenate::is_letter(chars[ci - 1].0)
            && hyphenate::is_letter(chars[ci + 1].0)
            && hyphenate::is_letter(chars[ci + 2].0)
            && ci >= 2
        {
            breaks.push((byte_at(ci + 1), BreakKind::Explicit));
        }
    }
    let width: f32 = glyphs.iter().map(|g| g.advance).sum::<f32>() * s.size;
    if width > s.width * LONG_TOKEN {
        // A token too long to move about freely (a URL, a long hashtag): it
        // may break after / . ? & - _ = #, and, at a high cost, between any
        // two characters, so that it never overflows the margin nor leaves a
        // loose line before it. Nothing is added at such a break.
        let n = chars.len();
        for ci in 2..n.saturating_sub(2) {
            let kind = if matches!(
                chars[ci - 1].0,
                '/' | '.' | '?' | '&' | '-' | '_' | '=' | '#'
            ) {
                BreakKind::Url
            } else {
                BreakKind::Emergency
            };
            breaks.push((byte_at(ci), kind));
        }
    }
    // Where a position has several kinds, the cheapest (first by kind) wins.
    breaks.sort_by_key(|b| (b.0, b.1 as u8));
    breaks.dedup_by_key(|b| b.0);
    // Only breaks that fall on a glyph boundary can be set.
    let mut clusters: Vec<usize> = glyphs.iter().map(|g| g.cluster).collect();
    clusters.sort_unstable();
    breaks.retain(|&(at, _)| at > 0 && at < text.len() && clusters.binary_search(&at).is_ok());
    let hyphen = if breaks.iter().any(|b| b.1 == BreakKind::Hyphen) {
        let style = chars.last().map(|c| c.1).unwrap_or_default();
        shape_styled(fonts, "-", style)
            .ok()
            .and_then(|g| g.first().copied())
    } else {
        None
    };
    Ok(Word {
        text,
        glyphs,
        ranges,
        breaks,
        hyphen,
    })
}

fn push_word_items(
    word: &Word,
    wi: usize,
    s: &Setting,
    items: &mut Vec<Item>,
    sources: &mut Vec<Source>,
) {
    let mut g0 = 0;
    for &(at, kind) in &word.breaks {
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
                HYPHEN_PENALTY,
                true,
            ),
            BreakKind::Explicit => (0.0, EXPLICIT_PENALTY, true),
            BreakKind::Url => (0.0, URL_PENALTY, false),
            BreakKind::Emergency => (0.0, EMERGENCY_PENALTY, false),
        };
        items.push(Item::Penalty {
            width,
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

/// First-fit breaking for ragged blocks (addressee, signature position):
/// break at the last space that fits; a word wider than the line gets its
/// own line, split at its in-word breaks if it has any.
fn ragged_breaks(items: &[Item], widths: &[f32]) -> Vec<linebreak::Line> {
    let n = items.len();
    let mut lines = Vec::new();
    let mut start = 0;
    while start < n {
        let limit = widths[lines.len().min(widths.len() - 1)] + 0.01;
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
        lines.push(linebreak::Line {
            start,
            end,
            ratio: 0.0,
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

/// Collects a line's glyphs into runs of one face.
struct LineBuilder {
    size: f32,
    block: BlockRef,
    runs: Vec<TextRun>,
}

impl LineBuilder {
    fn new(size: f32, block: BlockRef) -> Self {
        LineBuilder {
            size,
            block,
            runs: Vec::new(),
        }
    }

    fn push(
        &mut self,
        face: FaceId,
        g: &ShapedGlyph,
        text: &str,
        advance: f32,
        copy_nothing: bool,
    ) {
        if self
            .runs
            .last()
            .is_none_or(|r| r.face != face || r.copy_nothing != copy_nothing || r.carrier)
        {
            self.runs.push(TextRun {
                face,
                size: self.size,
                x: 0.0,
                baseline: 0.0,
                // About half a justified line: one growth for most lines
                // instead of six, without holding much for a short run.
                glyphs: Vec::with_capacity(48),
                text: String::with_capacity(96),
                block: self.block,
                hyphen: false,
                carrier: false,
                copy_nothing,
            });
        }
        let run = self.runs.last_mut().expect("a run was just ensured");
        let start = run.text.len();
        run.text.push_str(text);
        run.glyphs.push(Glyph {
            id: g.id,
            advance,
            x_offset: g.x_offset * self.size,
            y_offset: g.y_offset * self.size,
            text: start..run.text.len(),
        });
    }

    /// Glyphs `glyphs` of word `w`, each gap inside the word widened by
    /// `tracking` points.
    fn fragment(&mut self, w: &Word, glyphs: Range<usize>, tracking: f32, copy_nothing: bool) {
        let mut last_cluster = None;
        for gi in glyphs {
            let g = &w.glyphs[gi];
            // Glyphs of one cluster share its text; the first one carries it.
            let same_cluster = last_cluster == Some(w.ranges[gi].start);
            let text = if same_cluster {
                ""
            } else {
                &w.text[w.ranges[gi].clone()]
            };
            last_cluster = Some(w.ranges[gi].start);
            let extra = if gi + 1 < w.glyphs.len() {
                tracking
            } else {
                0.0
            };
            self.push(g.face, g, text, g.advance * self.size + extra, copy_nothing);
        }
    }

    fn space(&mut self, glyph: ShapedGlyph, advance: f32) {
        self.push(glyph.face, &glyph, " ", advance, false);
    }

    fn hyphen(&mut self, h: ShapedGlyph, copy_nothing: bool) {
        self.push(h.face, &h, "-", h.advance * self.size, copy_nothing);
        if let Some(r) = self.runs.last_mut() {
            r.hyphen = true;
        }
    }

    /// Appends zero-width carrier glyphs holding `text` for copying. Long
    /// text is cut into pieces of a few dozen characters: the first carrier
    /// of a document becomes a ToUnicode entry, and readers such as poppler
    /// drop entries over 63 UTF-16 units.
    fn carrier(&mut self, fonts: &FontSet, face: FaceId, text: &str) {
        const PIECE: usize = 30;
        let Some(id) = fonts.face(face).carrier else {
            return;
        };
        let g = ShapedGlyph {
            face,
            id,
            advance: 0.0,
            x_offset: 0.0,
            y_offset: 0.0,
            cluster: 0,
        };
        let chars: Vec<char> = text.chars().collect();
        for piece in chars.chunks(PIECE) {
            let piece: String = piece.iter().collect();
            self.push(face, &g, &piece, 0.0, false);
            // Each carrier piece is a run of its own (`push` starts a new run
            // after a carrier), so the flag always marks its one glyph.
            if let Some(r) = self.runs.last_mut() {
                r.carrier = true;
            }
        }
    }

    fn finish(self) -> Vec<TextRun> {
        self.runs
            .into_iter()
            .filter(|r| !r.glyphs.is_empty())
            .collect()
    }
}
