//! How each kind of block is set: the shared setting helpers here, a file
//! for each block with a layout of its own.

mod head;
mod letterhead;
pub mod list;
mod signature;
pub mod table;

use super::flow::{Drawn, VItem};
use super::fonts::FontSet;
use super::page::BlockRef;
use super::paragraph::{self, Align, SetLine, Setting};
use super::{Resources, Rules, TypesetError};
use crate::document::{BlockKind, Inline};
use crate::lang::Lang;

/// Where and how a block's lines are set as a column.
#[derive(Debug, Clone, Copy)]
pub(super) struct Column {
    pub size: f32,
    pub width: f32,
    pub align: Align,
    pub bold: bool,
    pub x: f32,
}

/// What setting any block needs: the fonts, the rules, the language and
/// the resolved files.
pub(super) struct Ctx<'a> {
    pub fonts: &'a FontSet,
    pub rules: &'a Rules,
    pub lang: Lang,
    pub resources: &'a Resources,
}

impl Ctx<'_> {
    pub fn setting(&self, size: f32, width: f32, indent: f32, align: Align, bold: bool) -> Setting {
        Setting {
            size,
            width,
            first_indent: indent,
            align,
            lang: self.lang,
            hyphenate: align == Align::Justify,
            bold,
        }
    }

    /// A body-size line at the left margin as a piece of the flow.
    pub fn body_line(&self, line: SetLine, break_before: bool, at: BlockRef) -> VItem {
        let size = self.rules.body_size;
        let lead = self.rules.body_lead();
        VItem {
            height: lead,
            draw: vec![Drawn::Line {
                line,
                x: self.rules.margin_left,
                baseline: self.rules.baseline_in(size, lead),
                block: at,
            }],
            break_before,
            discardable: false,
            text_line: matches!(at.kind, BlockKind::Paragraph | BlockKind::List),
            reserve_below: 0.0,
            repeat: None,
        }
    }

    pub fn set(
        &self,
        lines: &[Inline],
        s: &Setting,
        at: BlockRef,
    ) -> Result<Vec<SetLine>, TypesetError> {
        paragraph::set(self.fonts, lines, s, at).map_err(|u| TypesetError::Uncovered {
            c: u.c,
            block: at.index,
        })
    }

    /// Sets lines into a column and returns them with their baselines, from
    /// the column's top, and the column's height.
    pub fn column(
        &self,
        lines: &[Inline],
        at: BlockRef,
        c: Column,
    ) -> Result<(Vec<Drawn>, f32), TypesetError> {
        let lead = c.size * self.rules.leading;
        let setting = self.setting(c.size, c.width, 0.0, c.align, c.bold);
        let set = self.set(lines, &setting, at)?;
        let mut y = 0.0;
        let mut out = Vec::with_capacity(set.len());
        for line in set {
            out.push(Drawn::Line {
                line,
                x: c.x,
                baseline: y + self.rules.baseline_in(c.size, lead),
                block: at,
            });
            y += lead;
        }
        Ok((out, y))
    }
}

/// The content of the first block of `markup` (a Russian letter), for the
/// tests of the blocks' settings.
#[cfg(test)]
fn first_content(markup: &str) -> crate::document::Content {
    let doc = crate::document::parse(markup, std::path::Path::new("t"), Lang::Ru)
        .unwrap_or_else(|e| panic!("{}", e.render(false)));
    doc.blocks
        .into_iter()
        .next()
        .map(|b| b.content)
        .expect("a block")
}

/// Moves drawn lines down by `dy` (a column placed below another).
pub(super) fn shift(lines: Vec<Drawn>, dy: f32) -> impl Iterator<Item = Drawn> {
    lines.into_iter().map(move |mut d| {
        if let Drawn::Line { baseline, .. } = &mut d {
            *baseline += dy;
        }
        d
    })
}
