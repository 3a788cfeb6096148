//! Setting one block's text into lines: words are shaped, hyphenation
//! points found, the paragraph broken as a whole (Knuth–Plass, see
//! [`super::linebreak`]) and every line turned into glyph runs.
//!
//! Phases in typst's style, one file each: [`words`] shapes and hyphenates a
//! word; [`items`] collects the block into boxes, glues and penalties;
//! [`super::linebreak`] breaks them; [`justify`] sets each line's glue; and
//! [`line`] turns each line into glyph runs.

mod items;
mod justify;
mod line;
mod reuse;
#[cfg(test)]
mod tests;
mod tighter;
mod words;

use super::fonts::FontSet;
use super::linebreak;
use super::page::{BlockRef, LineEnd, TextRun};
use crate::document::Inline;
use crate::lang::Lang;
pub use tighter::{Tighter, set_tighter};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
    pub end: LineEnd,
}

impl SetLine {
    /// Whether the line ends inside a word (hyphenated or not).
    pub fn hyphenated(&self) -> bool {
        self.end.inside_word()
    }
}

/// What a character outside any font is, and where in the block text it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Uncovered {
    pub c: char,
}

pub fn set(
    fonts: &FontSet,
    lines: &[Inline],
    setting: &Setting,
    block: BlockRef,
) -> Result<Vec<SetLine>, Uncovered> {
    let mut out = Vec::new();
    for (inline, s) in pieces(lines, setting) {
        out.extend(set_best(fonts, inline, &s, block)?);
    }
    Ok(out)
}

/// The block's paragraphs (its text between forced line breaks) with their
/// settings: only the first has the first-line indent.
fn pieces<'a>(
    lines: &'a [Inline],
    setting: &'a Setting,
) -> impl Iterator<Item = (&'a Inline, Setting)> {
    lines.iter().enumerate().map(|(i, inline)| {
        let mut s = setting.clone();
        if i > 0 {
            s.first_indent = 0.0;
        }
        (inline, s)
    })
}

/// One paragraph's best setting, set once a thread (see [`reuse`]).
fn set_best(
    fonts: &FontSet,
    inline: &Inline,
    s: &Setting,
    block: BlockRef,
) -> Result<Vec<SetLine>, Uncovered> {
    reuse::reuse_or_set(fonts, inline, s, block, || {
        set_inline(fonts, inline, s, block)
    })
}

/// Sets one paragraph of the block: collect, break, commit.
fn set_inline(
    fonts: &FontSet,
    inline: &Inline,
    s: &Setting,
    block: BlockRef,
) -> Result<Vec<SetLine>, Uncovered> {
    Ok(match break_inline(fonts, inline, s, 0)? {
        Some(broken) => broken.commit(fonts, s, block),
        None => Vec::new(),
    })
}

/// A paragraph collected and broken, its lines not yet built.
struct Broken {
    para: items::Collected,
    breaks: Vec<linebreak::Line>,
    widths: Vec<f32>,
}

impl Broken {
    fn commit(&self, fonts: &FontSet, s: &Setting, block: BlockRef) -> Vec<SetLine> {
        line::commit(fonts, &self.para, &self.breaks, &self.widths, s, block)
    }
}

/// Collects and breaks one paragraph, `looseness` lines longer than its
/// best setting as near as the tolerance allows (TeX's `\looseness`; a
/// justified paragraph only); `None` when it holds no word.
fn break_inline(
    fonts: &FontSet,
    inline: &Inline,
    s: &Setting,
    looseness: i32,
) -> Result<Option<Broken>, Uncovered> {
    let Some(para) = items::collect(fonts, inline, s)? else {
        return Ok(None);
    };
    let widths = vec![(s.width - s.first_indent).max(s.size), s.width];
    let breaks: Vec<linebreak::Line> = match s.align {
        Align::Justify => {
            let params = linebreak::Params {
                line_widths: widths.clone(),
                tolerance: justify::TOLERANCE,
                hyphen_penalty: items::HYPHEN_PENALTY,
                emergency_stretch: 0.0,
                runt_width: s.first_indent,
                last_resort_stretch: justify::LAST_RESORT_STRETCH * s.width,
                honest_last_resort: true,
                expansion: justify::EXPANSION,
                expansion_badness: justify::EXPANSION_BADNESS,
                last_resort_shrink: justify::LAST_RESORT_SHRINK,
                last_resort_expansion: justify::LAST_RESORT_EXPANSION,
                looseness,
                ..linebreak::Params::default()
            };
            linebreak::break_lines(&para.items, &params)
        }
        Align::Left | Align::Right | Align::Center => linebreak::first_fit(&para.items, &widths),
    };
    Ok(Some(Broken {
        para,
        breaks,
        widths,
    }))
}
