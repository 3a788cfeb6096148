//! Prepare: a word (text between spaces) shaped once, with its possible
//! breaks found (hyphenation, a compound's own hyphen, the emergency breaks
//! of an overlong token), remembered per thread.

use std::cell::RefCell;
use std::hash::BuildHasherDefault;
use std::ops::Range;
use std::rc::Rc;

use super::super::fonts::FontSet;
use super::super::hyphenate;
use super::super::recent::Recent;
use super::super::shape::{CACHE_LIMIT, ShapedGlyph, WordHasher, shape_in_face, shape_styled};
use super::{Setting, Uncovered};
use crate::document::Style;
use crate::lang::Lang;

/// Tokens wider than this share of the line get breaks inside them.
const LONG_TOKEN: f32 = 0.45;

/// Whether `chars` is a word of letters (a compound's hyphens allowed),
/// with at most quotes or brackets before it and punctuation after it: not
/// a URL, an address, a hashtag or a number.
fn is_plain_word(chars: &[(char, Style)]) -> bool {
    let opening = |c: char| matches!(c, '«' | '„' | '"' | '(' | '[');
    let closing = |c: char| {
        matches!(
            c,
            '»' | '“' | '"' | ')' | ']' | ',' | '.' | ';' | ':' | '!' | '?'
        )
    };
    let start = chars.iter().take_while(|(c, _)| opening(*c)).count();
    let end = chars.len()
        - chars[start..]
            .iter()
            .rev()
            .take_while(|(c, _)| closing(*c))
            .count();
    let core = &chars[start..end];
    !core.is_empty()
        && core
            .iter()
            .all(|&(c, _)| hyphenate::is_letter(c) || c == '-')
}

#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(u8)]
pub(super) enum BreakKind {
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
pub(super) struct Word {
    pub(super) text: String,
    pub(super) glyphs: Vec<ShapedGlyph>,
    /// Byte offsets of the glyph clusters' text: glyph i draws text[ranges[i]].
    pub(super) ranges: Vec<Range<usize>>,
    pub(super) breaks: Vec<(usize, BreakKind)>,
    /// Per break, in em: the glyph before it drawn at its own advance less
    /// its advance as shaped, which holds the kerning with the glyph after
    /// the break; a line ending there drops that kerning (the glyph's ink
    /// would otherwise reach past the line's end: «Г|ражданам»).
    pub(super) kerns: Vec<f32>,
    /// The style at each break, for the hyphen's face.
    pub(super) hyphen: Option<ShapedGlyph>,
}

pub(super) fn space_glyph(fonts: &FontSet, style: Style) -> Result<ShapedGlyph, Uncovered> {
    shape_styled(fonts, " ", style)
        .map_err(|c| Uncovered { c })?
        .first()
        .copied()
        .ok_or(Uncovered { c: ' ' })
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

type WordMap = Recent<Box<str>, Vec<(WordSetting, Rc<Word>)>, BuildHasherDefault<WordHasher>>;

thread_local! {
    /// Words repeat within a letter («в», «по», «Республики») and far more
    /// across a batch: a word is shaped and hyphenated once per thread and
    /// setting. Bounded like the shaping cache.
    static WORDS: RefCell<WordMap> = RefCell::new(WordMap::new(CACHE_LIMIT));
}

/// [`build_word`], remembered for words of one style. `scratch` is the
/// caller's buffer for the word's text, so a hit allocates nothing.
pub(super) fn cached_word(
    fonts: &FontSet,
    chars: &[(char, Style)],
    s: &Setting,
    hyphenate: bool,
    scratch: &mut String,
) -> Result<Rc<Word>, Uncovered> {
    scratch.clear();
    scratch.extend(chars.iter().map(|c| c.0));
    let Some(&(_, style)) = chars.first() else {
        return build_word(fonts, chars, scratch, s, hyphenate).map(Rc::new);
    };
    if chars.iter().any(|c| c.1 != style) {
        return build_word(fonts, chars, scratch, s, hyphenate).map(Rc::new);
    }
    let setting = WordSetting {
        style,
        hyphenate,
        lang: s.lang,
        size: s.size.to_bits(),
        width: s.width.to_bits(),
    };
    let hit = WORDS.with(|m| {
        m.borrow_mut()
            .find(scratch.as_str(), |v| {
                v.iter()
                    .find(|(k, _)| *k == setting)
                    .map(|(_, w)| w.clone())
            })
            .flatten()
    });
    if let Some(word) = hit {
        return Ok(word);
    }
    let word = Rc::new(build_word(fonts, chars, scratch, s, hyphenate)?);
    WORDS.with(|m| {
        m.borrow_mut()
            .entry(scratch.as_str().into(), Vec::new)
            .push((setting, word.clone()));
    });
    Ok(word)
}

/// Shapes and finds the breaks of the word `chars`, whose text is `text`.
fn build_word(
    fonts: &FontSet,
    chars: &[(char, Style)],
    text: &str,
    s: &Setting,
    hyphenate: bool,
) -> Result<Word, Uncovered> {
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
        if seg_start_byte == 0 {
            // The first (most often the only) stretch: its clusters already
            // are offsets into the word.
            glyphs = shaped;
        } else {
            glyphs.extend(shaped.into_iter().map(|g| ShapedGlyph {
                cluster: g.cluster + seg_start_byte,
                ..g
            }));
        }
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
    let mut offsets: Vec<usize> = Vec::with_capacity(chars.len() + 1);
    offsets.extend(chars.iter().scan(0, |at, (c, _)| {
        let here = *at;
        *at += c.len_utf8();
        Some(here)
    }));
    offsets.push(text.len());
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
            hyphenate::break_points(&text[ba..bb], s.lang, |p| {
                breaks.push((ba + p, BreakKind::Hyphen));
            });
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
    // A word of letters breaks only where it hyphenates, unless it cannot
    // fit a line at all: torn without a hyphen it reads as a misprint, and
    // a line priced by its real looseness (past the tolerance) would
    // otherwise prefer that to a loose line on a narrow measure.
    let token = width > s.width || !is_plain_word(chars);
    if token && width > s.width * LONG_TOKEN {
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
    // Only breaks that fall on a glyph boundary can be set. Left-to-right
    // text has its clusters in order; any other is sorted first.
    if glyphs.is_sorted_by_key(|g| g.cluster) {
        breaks.retain(|&(at, _)| {
            at > 0 && at < text.len() && glyphs.binary_search_by_key(&at, |g| g.cluster).is_ok()
        });
    } else {
        let mut clusters: Vec<usize> = glyphs.iter().map(|g| g.cluster).collect();
        clusters.sort_unstable();
        breaks.retain(|&(at, _)| at > 0 && at < text.len() && clusters.binary_search(&at).is_ok());
    }
    let hyphen = if breaks.iter().any(|b| b.1 == BreakKind::Hyphen) {
        let style = chars.last().map(|c| c.1).unwrap_or_default();
        shape_styled(fonts, "-", style)
            .ok()
            .and_then(|g| g.first().copied())
    } else {
        None
    };
    let kerns = breaks
        .iter()
        .map(|&(at, _)| {
            let Some(i) = glyphs.iter().rposition(|g| g.cluster < at) else {
                return 0.0;
            };
            let g = glyphs[i];
            match &*shape_in_face(fonts, g.face, &text[ranges[i].clone()]) {
                [alone] if alone.id == g.id => alone.advance - g.advance,
                _ => 0.0,
            }
        })
        .collect();
    Ok(Word {
        text: text.to_owned(),
        glyphs,
        ranges,
        breaks,
        kerns,
        hyphen,
    })
}
