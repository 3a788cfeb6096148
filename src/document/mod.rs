//! The document: letter markup parsed into a typed tree of blocks.
//!
//! This tree is the contract between composing and typesetting, as usvg's
//! tree is between parsing and rendering: templates produce markup, this
//! module reads it into typed blocks whose attributes are checked here, and
//! the typesetter and every writer read only this tree. A new block kind is a
//! new [`Content`] variant; the compiler then finds every place that must
//! handle it.
//!
//! The markup (see `templates/README.md`):
//! - a block starts with a header line `[kind key="value" …]` at column 1;
//! - the lines after it, up to the next header, are its content;
//! - `\` escapes the next character; `**bold**` and `*italic*` mark emphasis.

mod build;
mod inline;
pub mod list;
mod markup;
pub mod table;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use std::path::{Path, PathBuf};

use crate::diagnostic::Result;
use crate::lang::Lang;
use crate::span::Pos;
pub use inline::parse_inline;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Style {
    pub bold: bool,
    pub italic: bool,
}

/// A piece of text in one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub style: Style,
}

/// One line of text as runs. In a paragraph it is the whole paragraph.
pub type Inline = Vec<Run>;

/// How the lines of a paragraph sit between the margins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Align {
    Left,
    Center,
    Right,
    /// Both edges straight; the last line at the left.
    Justify,
}

/// Text set line by line: one printed line per markup line.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Lines {
    pub lines: Vec<Inline>,
    pub bold: bool,
}

/// Folded text: the markup lines joined into one paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    /// The paragraph; `None` when the block has no text.
    pub text: Option<Inline>,
    pub align: Align,
    pub bold: bool,
}

impl Text {
    /// The text as the lines the paragraph setter takes (none or one).
    pub fn lines(&self) -> &[Inline] {
        self.text.as_slice()
    }
}

/// The bilingual letterhead of page 1.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Letterhead {
    /// The Kazakh name, at the left.
    pub left: Option<Inline>,
    /// The Russian name, at the right.
    pub right: Option<Inline>,
    /// The emblem as the template wrote it (a path relative to the letter);
    /// loaded by [`crate::resolve`].
    pub emblem: Option<String>,
    pub contacts_left: Option<Inline>,
    pub contacts_right: Option<Inline>,
}

/// The signer's block: the position at the left, the name flush right.
#[derive(Debug, Clone, PartialEq)]
pub struct Signature {
    pub position: Vec<Inline>,
    pub name: Inline,
    pub bold: bool,
}

/// What a block is and holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    Letterhead(Letterhead),
    /// This letter's number and date (the left of the head).
    Outgoing(Lines),
    /// The inquiry answered (under the outgoing number).
    Reference(Lines),
    /// The addressee (the right of the head).
    Addressee(Lines),
    Salutation(Text),
    Paragraph(Text),
    /// The attachment mark after the text.
    Attachments(Lines),
    Signature(Signature),
    /// The executor mark at the foot of the last page.
    Executor(Lines),
    /// The heading to the text, under the head, ragged right.
    Heading(Text),
    /// The distribution list after the attachment mark.
    Copies(Lines),
    /// Answer items, grouped from consecutive `[item]` blocks.
    List(list::List),
    /// A table, grouped from `[table]` and its `[caption]`, `[row]`, `[cell]`.
    Table(table::Table),
}

/// The kind of a block without its content: what tagging, statistics and
/// messages need to know of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKind {
    Letterhead,
    Outgoing,
    Reference,
    Addressee,
    Salutation,
    Paragraph,
    Attachments,
    Signature,
    Executor,
    Heading,
    Copies,
    List,
    Table,
}

impl BlockKind {
    /// Every kind, by its markup name (a list's is its items').
    pub const ALL: [(&'static str, BlockKind); 13] = [
        ("letterhead", BlockKind::Letterhead),
        ("outgoing", BlockKind::Outgoing),
        ("reference", BlockKind::Reference),
        ("addressee", BlockKind::Addressee),
        ("salutation", BlockKind::Salutation),
        ("paragraph", BlockKind::Paragraph),
        ("attachments", BlockKind::Attachments),
        ("signature", BlockKind::Signature),
        ("executor", BlockKind::Executor),
        ("heading", BlockKind::Heading),
        ("copies", BlockKind::Copies),
        ("item", BlockKind::List),
        ("table", BlockKind::Table),
    ];

    /// The markup name, `[name]`.
    pub fn name(self) -> &'static str {
        match self {
            BlockKind::Letterhead => "letterhead",
            BlockKind::Outgoing => "outgoing",
            BlockKind::Reference => "reference",
            BlockKind::Addressee => "addressee",
            BlockKind::Salutation => "salutation",
            BlockKind::Paragraph => "paragraph",
            BlockKind::Attachments => "attachments",
            BlockKind::Signature => "signature",
            BlockKind::Executor => "executor",
            BlockKind::Heading => "heading",
            BlockKind::Copies => "copies",
            BlockKind::List => "item",
            BlockKind::Table => "table",
        }
    }
}

impl Content {
    pub fn kind(&self) -> BlockKind {
        match self {
            Content::Letterhead(_) => BlockKind::Letterhead,
            Content::Outgoing(_) => BlockKind::Outgoing,
            Content::Reference(_) => BlockKind::Reference,
            Content::Addressee(_) => BlockKind::Addressee,
            Content::Salutation(_) => BlockKind::Salutation,
            Content::Paragraph(_) => BlockKind::Paragraph,
            Content::Attachments(_) => BlockKind::Attachments,
            Content::Signature(_) => BlockKind::Signature,
            Content::Executor(_) => BlockKind::Executor,
            Content::Heading(_) => BlockKind::Heading,
            Content::Copies(_) => BlockKind::Copies,
            Content::List(_) => BlockKind::List,
            Content::Table(_) => BlockKind::Table,
        }
    }

    /// The block's content lines: the text the typographic pass works on.
    /// Texts given as header attributes (the letterhead, the signer's name)
    /// are names and are printed as written. A list's item texts and a
    /// table's cells are its texts, in reading order.
    pub fn lines(&self) -> Vec<&Inline> {
        match self {
            Content::Outgoing(l)
            | Content::Reference(l)
            | Content::Addressee(l)
            | Content::Attachments(l)
            | Content::Copies(l)
            | Content::Executor(l) => l.lines.iter().collect(),
            Content::Salutation(t) | Content::Paragraph(t) | Content::Heading(t) => {
                t.lines().iter().collect()
            }
            Content::Signature(s) => s.position.iter().collect(),
            Content::List(list) => list.texts(),
            Content::Table(table) => table.texts(),
            Content::Letterhead(_) => Vec::new(),
        }
    }

    fn lines_mut(&mut self) -> Vec<&mut Inline> {
        match self {
            Content::Outgoing(l)
            | Content::Reference(l)
            | Content::Addressee(l)
            | Content::Attachments(l)
            | Content::Copies(l)
            | Content::Executor(l) => l.lines.iter_mut().collect(),
            Content::Salutation(t) | Content::Paragraph(t) | Content::Heading(t) => {
                t.text.iter_mut().collect()
            }
            Content::Signature(s) => s.position.iter_mut().collect(),
            Content::List(list) => list.texts_mut(),
            Content::Table(table) => table.texts_mut(),
            Content::Letterhead(_) => Vec::new(),
        }
    }

    /// Every text the block prints, without styles: content lines and the
    /// texts of its attributes. What a message quotes and origins match.
    pub fn printed_texts(&self) -> Vec<String> {
        let plain = |i: &Inline| i.iter().map(|r| r.text.as_str()).collect::<String>();
        let mut out: Vec<String> = self.lines().into_iter().map(plain).collect();
        match self {
            Content::Letterhead(h) => out.extend(
                [&h.left, &h.right, &h.contacts_left, &h.contacts_right]
                    .into_iter()
                    .flatten()
                    .map(plain),
            ),
            Content::Signature(s) => out.push(plain(&s.name)),
            Content::List(list) => out.extend(list.walk().iter().map(|i| i.number.clone())),
            Content::Outgoing(_)
            | Content::Reference(_)
            | Content::Addressee(_)
            | Content::Salutation(_)
            | Content::Paragraph(_)
            | Content::Attachments(_)
            | Content::Executor(_)
            | Content::Heading(_)
            | Content::Copies(_)
            | Content::Table(_) => {}
        }
        out
    }
}

/// Where a block comes from: its place in the markup. The letter fields it
/// prints are found from its texts when a message needs them
/// ([`crate::origin::fields`]), so that a later stage names the right field
/// and line for any template without every letter paying for the search.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Origin {
    /// The header's place in the composed markup.
    pub markup: Pos,
}

/// A letter field a block prints.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// Its path in the letter, e.g. `signature.name`.
    pub name: String,
    pub pos: Pos,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub content: Content,
    pub origin: Origin,
}

impl Block {
    pub fn kind(&self) -> BlockKind {
        self.content.kind()
    }

    /// The block's content text without styles, lines joined by `\n`.
    pub fn plain_text(&self) -> String {
        self.content
            .lines()
            .into_iter()
            .map(|l| l.iter().map(|r| r.text.as_str()).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The output file's metadata, from the `[document]` header.
#[derive(Debug, Clone, PartialEq)]
pub struct Info {
    pub lang: Lang,
    pub title: String,
    pub author: String,
    pub subject: String,
    /// The PDF's creation date (never the clock).
    pub date: Option<NaiveDate>,
    /// The draft mark's word on every page; empty for a final letter.
    pub draft: String,
    /// The QR requisite's text, drawn as a code at the lower right of page
    /// 1; empty for none.
    pub qr: String,
}

impl Info {
    pub fn new(lang: Lang) -> Info {
        Info {
            lang,
            title: String::new(),
            author: String::new(),
            subject: String::new(),
            date: None,
            draft: String::new(),
            qr: String::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub info: Info,
    pub blocks: Vec<Block>,
}

impl Document {
    /// Calls `f` on every content line of every block (see [`Content::lines`]).
    pub fn for_each_line_mut(&mut self, mut f: impl FnMut(&mut Inline)) {
        for block in &mut self.blocks {
            for line in block.content.lines_mut() {
                f(line);
            }
        }
    }
}

/// Parses letter markup for a letter in `lang`. `origin` names the template
/// for messages. A `[document lang]` other than `lang` is refused: a
/// template must not print one language's labels around another's text.
pub fn parse(markup: &str, origin: &Path, lang: Lang) -> Result<Document> {
    build::document(markup, origin, lang, &[])
}

/// [`parse`] of markup composed from `templates` (each file's path and
/// text): a mistake written in a template is reported at its place there,
/// not in the composed markup.
pub fn parse_composed(
    markup: &str,
    origin: &Path,
    lang: Lang,
    templates: &[(PathBuf, &str)],
) -> Result<Document> {
    build::document(markup, origin, lang, templates)
}
