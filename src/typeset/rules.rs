//! The page rules: every length the typesetter uses, defaulting to
//! `docs/layout.md`. A margin, a size or a gap is changed here and nowhere
//! else.

use super::page::{MM, PAGE_WIDTH};

#[derive(Debug, Clone)]
pub struct Rules {
    pub margin_left: f32,
    pub margin_right: f32,
    pub margin_top: f32,
    pub margin_bottom: f32,
    pub body_size: f32,
    /// Line spacing as a multiple of the font size ("single" for Times is 1.15).
    pub leading: f32,
    pub indent: f32,
    pub letterhead_size: f32,
    pub contacts_size: f32,
    pub outgoing_size: f32,
    pub reference_size: f32,
    pub addressee_width: f32,
    pub executor_size: f32,
    pub page_number_size: f32,
    /// From the page's top edge to the top of the page number's line.
    pub page_number_top: f32,
    pub emblem_size: f32,
    /// Blank lines between the text and the signature.
    pub signature_gap_lines: f32,
    /// Between the letterhead's columns and the emblem (or the middle gap).
    pub letterhead_gap: f32,
    /// The middle of the letterhead when it has no emblem.
    pub letterhead_middle: f32,
    /// From the letterhead's lowest line to its rule, and from the rule to
    /// the contacts.
    pub letterhead_rule_gap: f32,
    pub letterhead_rule_thickness: f32,
    /// Between the head's left column (number, reference) and the addressee.
    pub head_gap: f32,
    /// At least this much between the signer's position and name.
    pub signature_name_gap: f32,
    /// The line box's ascender and descender, in em: the body face's own
    /// (Liberation Serif: 1825 and 443 of 2048 units), rounded as the
    /// output has always used them; `fonts` tests them against the face.
    pub ascender: f32,
    pub descender: f32,
    /// The heading's widest line.
    pub heading_width: f32,
    /// A table's text size, its cells' padding and its rules.
    pub table_size: f32,
    pub cell_pad_x: f32,
    pub cell_pad_y: f32,
    pub table_rule: f32,
    /// Between a table's caption and the text above, in body lines: more
    /// than the half line around an uncaptioned table, so that the caption
    /// reads as a block of its own, not as one more line of the paragraph
    /// above (a reader, and typo2's ruler, take lines more than 1.5 body
    /// lines apart for a new block).
    pub caption_space_lines: f32,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            margin_left: 30.0 * MM,
            margin_right: 15.0 * MM,
            margin_top: 20.0 * MM,
            margin_bottom: 20.0 * MM,
            body_size: 14.0,
            leading: 1.15,
            indent: 12.5 * MM,
            letterhead_size: 11.5,
            contacts_size: 8.5,
            outgoing_size: 12.0,
            reference_size: 12.0,
            addressee_width: 75.0 * MM,
            executor_size: 10.0,
            page_number_size: 12.0,
            page_number_top: 10.0 * MM,
            emblem_size: 24.0 * MM,
            signature_gap_lines: 2.0,
            letterhead_gap: 5.0 * MM,
            letterhead_middle: 10.0 * MM,
            letterhead_rule_gap: 3.0,
            letterhead_rule_thickness: 0.75,
            head_gap: 5.0 * MM,
            signature_name_gap: 10.0 * MM,
            ascender: 0.891,
            descender: 0.216,
            heading_width: 90.0 * MM,
            table_size: 12.0,
            cell_pad_x: 1.5 * MM,
            cell_pad_y: 0.6 * MM,
            table_rule: 0.5,
            caption_space_lines: 0.75,
        }
    }
}

impl Rules {
    pub fn text_width(&self) -> f32 {
        PAGE_WIDTH - self.margin_left - self.margin_right
    }

    /// The height of a body line.
    pub fn body_lead(&self) -> f32 {
        self.body_size * self.leading
    }

    /// Where the baseline sits in a line box of height `lead`: the extra
    /// leading is split evenly above and below the face's extent.
    pub fn baseline_in(&self, size: f32, lead: f32) -> f32 {
        let extra = (lead - size * (self.ascender + self.descender)).max(0.0);
        extra / 2.0 + size * self.ascender
    }
}
