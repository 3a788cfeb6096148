//! The letterhead of page 1: the Kazakh name at the left, the Russian at the
//! right, the emblem between them, a rule, and the contacts under it.

use super::{Column, Ctx, shift};
use crate::document::{Inline, Letterhead};
use crate::typeset::TypesetError;
use crate::typeset::flow::{Drawn, VItem};
use crate::typeset::page::{BlockRef, PlacedImage, Rule};
use crate::typeset::paragraph::Align;

impl Ctx<'_> {
    pub fn letterhead(&self, head: &Letterhead, at: BlockRef) -> Result<VItem, TypesetError> {
        let r = self.rules;
        let width = r.text_width();
        let emblem = match &head.emblem {
            Some(written) => Some(
                self.resources
                    .emblem(written)
                    .ok_or_else(|| TypesetError::Unresolved(written.clone()))?,
            ),
            None => None,
        };
        let gap = r.letterhead_gap;
        let middle = if emblem.is_some() {
            r.emblem_size
        } else {
            r.letterhead_middle
        };
        let col = (width - middle - 2.0 * gap) / 2.0;
        let mut draw = Vec::new();
        let mut height: f32 = 0.0;
        let sides = [
            (&head.left, r.margin_left),
            (&head.right, r.margin_left + width - col),
        ];
        for (text, x) in sides {
            if let Some(text) = text {
                let (lines, h) = self.column(
                    std::slice::from_ref(text),
                    at,
                    Column {
                        size: r.letterhead_size,
                        width: col,
                        align: Align::Center,
                        bold: true,
                        x,
                    },
                )?;
                draw.extend(lines);
                height = height.max(h);
            }
        }
        if let Some(e) = emblem {
            let scale = (r.emblem_size / e.width).min(r.emblem_size / e.height);
            let (w, h) = (e.width * scale, e.height * scale);
            draw.push(Drawn::Image(PlacedImage {
                x: r.margin_left + (width - w) / 2.0,
                y: 0.0,
                width: w,
                height: h,
                image: e,
            }));
            height = height.max(h);
        }
        let rule_y = height + r.letterhead_rule_gap;
        draw.push(Drawn::Rule(Rule {
            x0: r.margin_left,
            x1: r.margin_left + width,
            y: rule_y,
            thickness: r.letterhead_rule_thickness,
        }));
        let mut y = rule_y + r.letterhead_rule_gap;
        let half = (width - gap) / 2.0;
        let sides: Vec<(&Inline, f32, Align, f32)> =
            match (&head.contacts_left, &head.contacts_right) {
                (Some(l), Some(rt)) => vec![
                    (l, r.margin_left, Align::Left, half),
                    (rt, r.margin_left + width - half, Align::Right, half),
                ],
                (Some(one), None) | (None, Some(one)) => {
                    vec![(one, r.margin_left, Align::Center, width)]
                }
                (None, None) => Vec::new(),
            };
        let mut h_max: f32 = 0.0;
        for (text, x, align, w) in sides {
            let (lines, h) = self.column(
                std::slice::from_ref(text),
                at,
                Column {
                    size: r.contacts_size,
                    width: w,
                    align,
                    bold: false,
                    x,
                },
            )?;
            draw.extend(shift(lines, y));
            h_max = h_max.max(h);
        }
        y += h_max;
        Ok(VItem::group(y + r.body_lead(), draw))
    }
}
