//! The head of the letter: the outgoing number and the inquiry reference at
//! the left, the addressee at the right, its top level with the reference.

use super::{Column, Ctx, shift};
use crate::document::{Block, Content};
use crate::typeset::TypesetError;
use crate::typeset::flow::VItem;
use crate::typeset::page::{BlockRef, Role};
use crate::typeset::paragraph::Align;

impl Ctx<'_> {
    /// `blocks` are consecutive outgoing, reference and addressee blocks,
    /// the first at `first_index` in the document.
    pub fn head(&self, blocks: &[Block], first_index: usize) -> Result<VItem, TypesetError> {
        let r = self.rules;
        let width = r.text_width();
        let right_x = r.margin_left + width - r.addressee_width;
        let left_width = width - r.addressee_width - r.head_gap;
        let mut draw = Vec::new();
        let mut left_y: f32 = 0.0;
        let mut right_top: Option<f32> = None;
        let mut addressees = Vec::new();
        for (k, b) in blocks.iter().enumerate() {
            let at = BlockRef {
                kind: b.kind(),
                index: first_index + k,
                role: Role::Text,
            };
            let (lines, size) = match &b.content {
                Content::Outgoing(l) => (l, r.outgoing_size),
                Content::Reference(l) => {
                    if left_y > 0.0 {
                        left_y += r.reference_size * r.leading * 0.5;
                    }
                    right_top.get_or_insert(left_y);
                    (l, r.reference_size)
                }
                Content::Addressee(l) => {
                    addressees.push((l, at));
                    continue;
                }
                Content::Letterhead(_)
                | Content::Salutation(_)
                | Content::Paragraph(_)
                | Content::Attachments(_)
                | Content::Signature(_)
                | Content::Executor(_)
                | Content::Heading(_)
                | Content::Copies(_)
                | Content::List(_)
                | Content::Table(_) => unreachable!("the flow passes only head blocks"),
            };
            let (set, h) = self.column(
                &lines.lines,
                at,
                Column {
                    size,
                    width: left_width,
                    align: Align::Left,
                    bold: lines.bold,
                    x: r.margin_left,
                },
            )?;
            draw.extend(shift(set, left_y));
            left_y += h;
        }
        let mut right_y = right_top.unwrap_or(0.0);
        for (l, at) in addressees {
            let (set, h) = self.column(
                &l.lines,
                at,
                Column {
                    size: r.body_size,
                    width: r.addressee_width,
                    align: Align::Left,
                    bold: l.bold,
                    x: right_x,
                },
            )?;
            draw.extend(shift(set, right_y));
            right_y += h;
        }
        Ok(VItem::group(left_y.max(right_y), draw))
    }
}
