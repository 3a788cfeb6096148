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

#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub id: u16,
    /// Advance in points as drawn: the glyph's own advance times the run's
    /// `scale`, plus the letter-spacing after it.
    pub advance: f32,
    pub x_offset: f32,
    pub y_offset: f32,
    /// The bytes of the run's `text` this glyph's cluster stands for.
    pub text: Range<usize>,
}

/// Glyphs of one face and size on one baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    pub face: FaceId,
    pub size: f32,
    /// The glyphs' horizontal scale (font expansion of a justified line; 1
    /// elsewhere): each is drawn that much wider or narrower, its advance
    /// with it. Letter-spacing and spaces are not scaled.
    pub scale: f32,
    /// Pen position of the first glyph, from the page's top-left corner.
    pub x: f32,
    pub baseline: f32,
    pub glyphs: Vec<Glyph>,
    /// The characters the glyphs draw.
    pub text: String,
    /// The block the run belongs to, for tagging and the preview.
    pub block: BlockRef,
    /// Whether the run ends with a hyphen added by line breaking.
    pub hyphen: bool,
    /// Whether the run ends with a zero-width carrier glyph whose text is the
    /// rest of a word broken without an added hyphen (`интернет-|ресурсов`,
    /// a URL): copied text then keeps the word whole on the first line.
    pub carrier: bool,
    /// Whether the run copies out as nothing: the rest of a word whose text
    /// the previous line's carrier already holds.
    pub copy_nothing: bool,
}

impl TextRun {
    pub fn width(&self) -> f32 {
        self.glyphs.iter().map(|g| g.advance).sum()
    }
}

/// Which block a run or line comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BlockRef {
    pub kind: BlockKind,
    /// Index of the block in the document (see [`BlockRef::PAGE_NUMBER`]).
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
}

impl BlockRef {
    /// A page number: running furniture, no block of the document (tagged as
    /// an artifact, left out of the text's statistics).
    pub const PAGE_NUMBER: BlockRef = BlockRef {
        kind: BlockKind::Paragraph,
        index: usize::MAX,
        role: Role::Text,
    };

    pub fn is_page_number(self) -> bool {
        self == BlockRef::PAGE_NUMBER
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
    pub hyphenated: bool,
    pub runs: Range<usize>,
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

/// A typeset letter.
#[derive(Debug, Clone)]
pub struct Pages {
    pub info: Info,
    pub pages: Vec<Page>,
    /// The draft mark drawn on every page, if the letter is a draft.
    pub draft: Option<super::draft::DraftMark>,
}

impl Pages {
    /// The text of every page, line by line, as it copies out.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for page in &self.pages {
            for line in &page.lines {
                for run in page.runs[line.runs.clone()]
                    .iter()
                    .filter(|r| !r.copy_nothing)
                {
                    out.push_str(&run.text);
                }
                out.push('\n');
            }
            out.push('\u{c}');
        }
        out
    }
}
