//! The typesetter's result: pages of positioned glyph runs, rules and
//! images. Both writers (PDF and HTML) draw exactly this and nothing else,
//! which is what makes the preview show the printed letter line for line.

use std::ops::Range;
use std::sync::Arc;

use super::fonts::FaceId;
use crate::document::{BlockKind, Info};

/// Page size and margins in points (1 pt = 1/72 in).
pub const MM: f32 = 72.0 / 25.4;
pub const PAGE_WIDTH: f32 = 210.0 * MM;
pub const PAGE_HEIGHT: f32 = 297.0 * MM;

/// A glyph as the shaper gave it and the white the setting added after it.
/// Where it is drawn follows from these and its run's `scale`, in one place:
/// [`TextRun::pens`].
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub id: u16,
    /// The glyph's own advance in points at its run's size, kerning
    /// included (a glyph ending a line inside a word has its advance alone,
    /// without the kerning with the letter on the next line). The run's
    /// `scale` widens it.
    pub advance: f32,
    /// The white set after the glyph, in points, not scaled: letter-spacing
    /// inside a word (justification's tracking); after a space, how far a
    /// justified line stretched or shrank it; after a list number's space,
    /// the room to the item's text. Taken to the bit as what the set
    /// advance exceeds the scaled natural one by, so positions are exactly
    /// the ones set.
    pub tracking: f32,
    /// Offsets from the pen in points at the run's size; the run's `scale`
    /// widens `x_offset` as it does the advance.
    pub x_offset: f32,
    pub y_offset: f32,
    /// The bytes of the run's `text` this glyph's cluster stands for.
    pub text: Range<usize>,
}

impl Glyph {
    /// How far the pen moves over the glyph in a run of horizontal scale
    /// `scale`: its natural advance scaled, then its tracking.
    pub fn drawn_advance(&self, scale: f32) -> f32 {
        self.advance * scale + self.tracking
    }

    /// The glyph's horizontal offset from the pen in a run of scale `scale`.
    pub fn drawn_x_offset(&self, scale: f32) -> f32 {
        self.x_offset * scale
    }

    /// The tracking that puts the end of a glyph of natural advance
    /// `advance` at `drawn` points from its pen in a run of scale `scale`:
    /// `drawn - advance * scale`, nudged by a unit in the last place where
    /// the subtraction rounded. Exact to the bit wherever the white is less
    /// than the scaled advance (every letter, a space stretched to less than
    /// twice its width), within a unit in the last place elsewhere.
    pub fn tracking_to(advance: f32, scale: f32, drawn: f32) -> f32 {
        let base = advance * scale;
        let t = drawn - base;
        [t, t.next_up(), t.next_down()]
            .into_iter()
            .find(|&t| base + t == drawn)
            .unwrap_or(t)
    }
}

/// Glyphs of one face and size on one baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    pub face: FaceId,
    pub size: f32,
    /// The glyphs' horizontal scale (font expansion of a justified line; 1
    /// elsewhere): each is drawn that much wider or narrower, its advance
    /// with it. Tracking (letter-spacing, a space's stretch) is not scaled.
    pub scale: f32,
    /// Pen position of the first glyph, from the page's top-left corner.
    pub x: f32,
    pub baseline: f32,
    pub glyphs: Vec<Glyph>,
    /// The characters the glyphs draw.
    pub text: String,
    /// The block the run belongs to, for tagging and the preview.
    pub block: BlockRef,
    /// Whether the run's glyphs are the rest of a word that an earlier line
    /// ended inside of with nothing added ([`LineEnd::WordContinues`]): its
    /// text copies out with that line, where the word begins.
    pub continues_word: bool,
}

impl TextRun {
    pub fn width(&self) -> f32 {
        self.glyphs
            .iter()
            .map(|g| g.drawn_advance(self.scale))
            .sum()
    }

    /// Each glyph with its pen position (before its offset): the run's `x`,
    /// then the drawn advances of the glyphs before it.
    pub fn pens(&self) -> impl Iterator<Item = (f32, &Glyph)> {
        let mut pen = self.x;
        self.glyphs.iter().map(move |g| {
            let at = pen;
            pen += g.drawn_advance(self.scale);
            (at, g)
        })
    }
}

/// Which block a run or line comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BlockRef {
    pub kind: BlockKind,
    /// Index of the block in the document; a page number, which belongs to
    /// no block ([`Role::PageNumber`]), has none that means anything.
    pub index: usize,
    /// The part of the block, for the tags of lists and tables.
    pub role: Role,
}

/// What a line is inside its block, where the block has structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Role {
    /// The block's own text.
    #[default]
    Text,
    /// An item's number; `item` counts the list's items in reading order.
    Label {
        item: u32,
        level: u8,
    },
    /// A line of paragraph `part` of an item's text.
    ItemText {
        item: u32,
        level: u8,
        part: u32,
    },
    Caption,
    /// A line of a cell; `cols` is the row's number of cells.
    Cell {
        row: u32,
        col: u32,
        cols: u32,
        header: bool,
    },
    /// A header row drawn again at the top of a page the table continues
    /// on: a pagination artifact, not content.
    RepeatedHeader,
    /// A page number: running furniture, no block of the document (an
    /// artifact to the PDF's tags, left out of the text's statistics).
    PageNumber,
}

impl BlockRef {
    /// A page number's: set as a paragraph, in no block.
    pub const PAGE_NUMBER: BlockRef = BlockRef {
        kind: BlockKind::Paragraph,
        index: usize::MAX,
        role: Role::PageNumber,
    };

    pub fn is_page_number(self) -> bool {
        self.role == Role::PageNumber
    }
}

/// A vertical rule (a table's column rules).
#[derive(Debug, Clone, PartialEq)]
pub struct VRule {
    pub x: f32,
    pub y0: f32,
    pub y1: f32,
    pub thickness: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub x0: f32,
    pub x1: f32,
    pub y: f32,
    pub thickness: f32,
}

/// A decoded image with its placement.
#[derive(Debug, Clone)]
pub struct PlacedImage {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    pub image: Arc<super::image::Emblem>,
}

/// A set line: its runs, for measurements and the preview.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub block: BlockRef,
    pub baseline: f32,
    pub x: f32,
    pub width: f32,
    /// Natural width of one space in this line's font, and the gaps set.
    pub natural_space: f32,
    pub gaps: Vec<f32>,
    /// Whether the line is justified (not the last of its paragraph).
    pub justified: bool,
    pub end: LineEnd,
    pub runs: Range<usize>,
}

impl Line {
    /// Whether the line ends inside a word (hyphenated or not).
    pub fn hyphenated(&self) -> bool {
        self.end.inside_word()
    }
}

/// How a line ends. What a line that ends inside a word means for copied
/// text is said here; how a file keeps it is its writer's business (the
/// PDF's carrier glyph and empty ActualText, the preview's drawn hyphen).
#[derive(Debug, Clone, PartialEq, Default)]
pub enum LineEnd {
    /// After a whole word (or the last line of a block): the next line
    /// starts a new one.
    #[default]
    WordEnd,
    /// Inside a word, with a hyphen added: the line's last glyph, drawn but
    /// not part of the word's text.
    Hyphenated,
    /// Inside a word, with nothing added (after a compound's own hyphen, in
    /// an address): a reader joining the lines with a space would split the
    /// word, so copied text keeps it whole on this line. `rest` is the
    /// word's text after the break; the runs that draw it on the next lines
    /// are marked [`TextRun::continues_word`].
    WordContinues { rest: String },
}

impl LineEnd {
    pub fn inside_word(&self) -> bool {
        match self {
            LineEnd::WordEnd => false,
            LineEnd::Hyphenated | LineEnd::WordContinues { .. } => true,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Page {
    pub runs: Vec<TextRun>,
    pub lines: Vec<Line>,
    pub rules: Vec<Rule>,
    pub vrules: Vec<VRule>,
    pub images: Vec<PlacedImage>,
    /// QR codes (the letter's requisite on page 1, a card's signatures).
    pub codes: Vec<super::qr::QrMark>,
}

impl Page {
    /// The rest of the word `line` ends inside of with nothing added, where
    /// copied text takes it: on the line where the word begins, not on a
    /// line that itself continues a word begun higher up.
    pub fn carried_rest<'a>(&'a self, line: &'a Line) -> Option<&'a str> {
        match &line.end {
            LineEnd::WordContinues { rest } => {
                let last = self.runs[line.runs.clone()].last();
                (!last.is_some_and(|r| r.continues_word)).then_some(rest.as_str())
            }
            LineEnd::WordEnd | LineEnd::Hyphenated => None,
        }
    }
}

/// A typeset letter.
#[derive(Debug, Clone)]
pub struct Pages {
    pub info: Info,
    pub pages: Vec<Page>,
    /// The draft mark drawn on every page, if the letter is a draft.
    pub draft: Option<super::draft::DraftMark>,
}

impl Pages {
    /// The text of every page, line by line, as it copies out: an added
    /// hyphen stays, and a word broken with nothing added is copied whole on
    /// the line where it begins.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for page in &self.pages {
            for line in &page.lines {
                let runs = &page.runs[line.runs.clone()];
                for run in runs.iter().filter(|r| !r.continues_word) {
                    out.push_str(&run.text);
                }
                if let Some(rest) = page.carried_rest(line) {
                    out.push_str(rest);
                }
                out.push('\n');
            }
            out.push('\u{c}');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(advance: f32, tracking: f32) -> Glyph {
        Glyph {
            id: 1,
            advance,
            tracking,
            x_offset: 0.0,
            y_offset: 0.0,
            text: 0..0,
        }
    }

    #[test]
    fn positions_are_natural_advances_scaled_plus_tracking() {
        let run = TextRun {
            face: FaceId(0),
            size: 14.0,
            scale: 1.02,
            x: 10.0,
            baseline: 100.0,
            glyphs: vec![glyph(7.0, 0.1), glyph(3.5, -0.05), glyph(6.0, 0.0)],
            text: String::new(),
            block: BlockRef::PAGE_NUMBER,
            continues_word: false,
        };
        let pens: Vec<f32> = run.pens().map(|(x, _)| x).collect();
        let second = 10.0 + (7.0 * 1.02 + 0.1);
        let third = second + (3.5 * 1.02 - 0.05);
        assert_eq!(pens, [10.0, second, third]);
        assert!((run.width() - (16.5 * 1.02 + 0.05)).abs() < 1e-5);
        // Tracking is not scaled, the advance and the offset are.
        let g = Glyph {
            x_offset: 0.5,
            ..glyph(2.0, 0.3)
        };
        assert_eq!(g.drawn_advance(2.0), 4.3);
        assert_eq!(g.drawn_x_offset(2.0), 1.0);
    }

    #[test]
    fn tracking_puts_a_glyph_end_where_it_was_set_to_the_bit() {
        let mut checked = 0;
        for advance in [0.0, 2.1, 3.337, 5.55, 7.001, 12.9] {
            for scale in [0.98, 0.9931, 1.0, 1.0133, 1.02] {
                // Letter-spacing, a space's stretch or shrink, a kerning.
                for white in [-0.9, -0.042, 0.0, 0.0123, 0.3, 1.7] {
                    let drawn = advance * scale + white;
                    let t = Glyph::tracking_to(advance, scale, drawn);
                    assert_eq!(glyph(advance, t).drawn_advance(scale), drawn);
                    assert!((t - white).abs() < 1e-5, "{t} {white}");
                    checked += 1;
                }
            }
        }
        assert_eq!(checked, 180);
    }

    #[test]
    fn page_numbers_are_a_role() {
        assert!(BlockRef::PAGE_NUMBER.is_page_number());
        let text = BlockRef {
            index: usize::MAX,
            role: Role::Text,
            ..BlockRef::PAGE_NUMBER
        };
        assert!(!text.is_page_number());
    }
}
