//! The signature: the signer's position at the left, the name flush right
//! on the baseline of the position's last line, after a gap.

use super::{Column, Ctx, shift};
use crate::document::Signature;
use crate::typeset::TypesetError;
use crate::typeset::flow::{Drawn, VItem};
use crate::typeset::page::BlockRef;
use crate::typeset::paragraph::Align;

impl Ctx<'_> {
    pub fn signature(&self, s: &Signature, at: BlockRef) -> Result<VItem, TypesetError> {
        let r = self.rules;
        let width = r.text_width();
        let lead = r.body_lead();
        let name_setting = self.setting(r.body_size, width, 0.0, Align::Right, s.bold);
        let name_lines = self.set(std::slice::from_ref(&s.name), &name_setting, at)?;
        let name_width = name_lines.iter().map(|l| l.width).fold(0.0, f32::max);
        let gap = r.signature_gap_lines * lead;
        let position_width = (width - name_width - r.signature_name_gap).max(width * 0.4);
        let (position, h) = self.column(
            &s.position,
            at,
            Column {
                size: r.body_size,
                width: position_width,
                align: Align::Left,
                bold: s.bold,
                x: r.margin_left,
            },
        )?;
        let mut draw: Vec<Drawn> = shift(position, gap).collect();
        // The name sits flush right on the baseline of the position's last line.
        let last_baseline = gap + (h - lead).max(0.0) + r.baseline_in(r.body_size, lead);
        let name_count = name_lines.len();
        for (k, line) in name_lines.into_iter().enumerate() {
            draw.push(Drawn::Line {
                line,
                x: r.margin_left,
                baseline: last_baseline + k as f32 * lead,
                block: at,
            });
        }
        // A name set on more than one line reaches below the position's last
        // line: the group is as tall as whichever ends lower.
        let height = (gap + h.max(lead)).max(gap + (h - lead).max(0.0) + name_count as f32 * lead);
        Ok(VItem::group(height, draw))
    }
}
