//! The letter: a YAML file read and checked into typed data.
//!
//! The contract is `letter-format.md`. Reading happens in two steps: the YAML
//! is parsed into a tree of positioned nodes ([`node`]), then `validate`
//! walks that tree, collecting every problem with its line and column before
//! refusing, so a clerk fixes a letter in one pass.

pub mod blocks;
mod checker;
pub mod date;
mod defaults;
mod fields;
pub mod node;
pub mod paths;
mod plausible;
mod requisites;
pub mod schema;
mod syntax;
mod validate;
mod warnings;

#[cfg(test)]
mod v2_tests;

use crate::tr;
use serde::Serialize;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Error, Result};
pub use date::Date;
pub use defaults::{MAX_DEFAULTS_DEPTH, defaults_named, may_name_defaults};
pub use fields::fields;
pub use node::FileId;
use node::{Node, Pos};

/// The largest letter file we read. A real letter is a few kilobytes; this
/// keeps a runaway or hostile file from costing memory and time.
pub const MAX_LETTER_BYTES: usize = 2 * 1024 * 1024;

// Limits on the YAML reader (serde-saphyr's budget), past which a letter is
// refused before anything is built from it. A real letter uses three levels
// of nesting, a few hundred values and rarely an alias; these leave room for
// any honest letter and keep an alias bomb or a nesting storm from costing
// memory or time.

/// Nesting of lists and mappings.
pub const MAX_YAML_DEPTH: usize = 32;
/// Values (texts, lists, mappings), aliases expanded.
pub const MAX_YAML_NODES: usize = 50_000;
/// Uses of aliases (`*name`).
pub const MAX_YAML_ALIASES: usize = 10_000;
/// Bytes of text in all values, aliases expanded: an alias cannot make a
/// letter hold more text than the file limit allows.
pub const MAX_TEXT_BYTES: usize = MAX_LETTER_BYTES;

pub use crate::lang::Lang;

/// A text value of the letter, with where it starts: the file it is
/// written in (the letter or one of its defaults files) and the place there.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Text {
    pub value: String,
    #[serde(skip)]
    pub pos: Pos,
    #[serde(skip)]
    pub file: FileId,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Letterhead {
    pub kk: Option<Text>,
    pub ru: Option<Text>,
    /// The emblem as written in the letter (relative to the letter file).
    pub emblem: Option<Text>,
    pub contacts_kk: Option<Text>,
    pub contacts_ru: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Outgoing {
    pub number: Option<Text>,
    pub date: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Inquiry {
    pub number: Text,
    pub date: Date,
    pub subject: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attachment {
    pub name: Text,
    pub sheets: u32,
    pub copies: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Signature {
    /// The signer's position, one printed line per item.
    pub position: Vec<Text>,
    pub name: Text,
    /// The signer acts for the position holder («И.о.» / «м.а.», worded by
    /// the template).
    pub acting: bool,
}

/// One block of the body (v2): a paragraph, a numbered list of answer items
/// or a table. Templates tell them apart by `kind`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Block {
    Paragraph { text: Text },
    Items { items: Vec<Item> },
    Table(Table),
}

impl Block {
    /// The block's text if it is a plain paragraph (a version 1 body).
    pub fn paragraph(&self) -> Option<&Text> {
        match self {
            Block::Paragraph { text } => Some(text),
            Block::Items { .. } | Block::Table(_) => None,
        }
    }
}

/// An answer item: one or more paragraphs and, above the third level, its
/// own sub-items. The template numbers them («2.1.»).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    pub paragraphs: Vec<Text>,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    Left,
    Center,
    Right,
}

/// A table. Every row (and the total) has as many cells as `columns`, and
/// `align` and `widths` are empty or have one entry per column. A cell is
/// its text exactly as written in the file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    pub caption: Option<Text>,
    pub columns: Vec<Text>,
    pub align: Vec<Align>,
    /// Relative widths, each as written (`3`, `1.5`).
    pub widths: Vec<Text>,
    pub rows: Vec<Vec<Text>>,
    pub total: Option<Vec<Text>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Executor {
    pub name: Option<Text>,
    pub phone: Option<Text>,
}

/// A checked letter. Field names follow `letter-format.md`; templates see
/// exactly these names.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Letter {
    pub lang: Lang,
    pub template: String,
    pub letterhead: Option<Letterhead>,
    pub outgoing: Outgoing,
    pub inquiry: Inquiry,
    /// One printed line per item.
    pub addressee: Vec<Text>,
    pub salutation: Text,
    pub opening: Option<Text>,
    pub heading: Option<Text>,
    pub body: Vec<Block>,
    pub closing: Option<Text>,
    pub attachments: Vec<Attachment>,
    /// The first signer: what a version 1 template prints.
    pub signature: Signature,
    /// Every signer, in order (one for most letters; a joint letter has more).
    pub signatures: Vec<Signature>,
    /// The distribution list, one recipient a line.
    pub copies: Vec<Text>,
    /// A draft for the approval loop: the template marks every page.
    pub draft: bool,
    /// The QR requisite's text (ГОСТ Р 7.0.97-2025): a QR code at the lower
    /// right of page 1 that carries it; drawn, never part of the copied text.
    pub qr: Option<Text>,
    pub executor: Option<Executor>,
    /// The defaults files the letter was merged with, nearest first; a
    /// [`Text`]'s `file` counts into this list.
    #[serde(skip)]
    pub defaults: Vec<Source>,
    /// The defaults files as read (absolute path, sha256 of the bytes):
    /// inputs of the output, as `batch` and `preview` need them.
    #[serde(skip)]
    pub defaults_read: Vec<crate::input::InputFile>,
    /// A mail merge's data file, when a row was laid over the letter.
    #[serde(skip)]
    pub data: Option<PathBuf>,
    /// What prints, but probably not as meant (another language's letters,
    /// starter placeholders, a comment that cut a text short).
    #[serde(skip)]
    pub warnings: Vec<crate::diagnostic::Diagnostic>,
}

impl Letter {
    /// The file a value of this letter is written in: the letter's own
    /// `source` or one of its defaults files.
    pub fn source_of<'a>(&'a self, source: &'a Source, file: FileId) -> &'a Source {
        self.files(source).source(file)
    }

    /// A diagnostic at the place `text` is written (or at `pos` in its file),
    /// whichever of the letter's files that is.
    pub fn diagnostic_at(
        &self,
        source: &Source,
        text: &Text,
        pos: Pos,
        message: impl Into<String>,
    ) -> Diagnostic {
        self.files(source).diagnostic(
            node::At {
                file: text.file,
                pos,
            },
            message,
        )
    }

    /// Where the first `c` of `text` physically stands in its file.
    pub fn position_of_char(&self, source: &Source, text: &Text, c: char) -> Pos {
        match text.file {
            FileId::DATA => text.pos,
            file => position_of_char(&self.source_of(source, file).text, text.pos, c),
        }
    }

    fn files<'a>(&'a self, source: &'a Source) -> defaults::Files<'a> {
        defaults::Files {
            letter: source,
            defaults: &self.defaults,
            data: self.data.as_deref(),
        }
    }
}

/// A letter file as read from disk: its path and its text, kept for
/// diagnostics of later stages.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub path: PathBuf,
    pub text: String,
}

impl Source {
    /// Reads a letter file, refusing what is too large or not UTF-8.
    pub fn read(path: &Path) -> Result<Source> {
        let meta = std::fs::metadata(path).map_err(|e| {
            Diagnostic::new(path, tr!("letter-cannot-read", reason = io_reason(&e)))
                .with_help(tr!("letter-cannot-read-help"))
        })?;
        if meta.is_dir() {
            return Err(Diagnostic::new(path, tr!("letter-is-folder"))
                .with_help(tr!("letter-is-folder-help"))
                .into());
        }
        if meta.len() > MAX_LETTER_BYTES as u64 {
            return Err(too_large(path, meta.len() as usize));
        }
        // Read at most one byte past the limit: a device or a /proc file
        // reports no size and may never end (`zhauap render /dev/zero`).
        // Room for the whole file: two reads, not a dozen growing ones.
        let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
        std::fs::File::open(path)
            .and_then(|f| {
                use std::io::Read;
                f.take(MAX_LETTER_BYTES as u64 + 1).read_to_end(&mut bytes)
            })
            .map_err(|e| {
                Diagnostic::new(path, tr!("letter-cannot-read", reason = io_reason(&e)))
            })?;
        Source::from_bytes(path, bytes)
    }

    /// Checks raw bytes: size, UTF-8 (with the position of the first bad
    /// byte), and drops a leading byte-order mark.
    pub fn from_bytes(path: &Path, bytes: Vec<u8>) -> Result<Source> {
        if bytes.len() > MAX_LETTER_BYTES {
            return Err(too_large(path, bytes.len()));
        }
        if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
            return Err(Diagnostic::new(path, tr!("letter-utf16"))
                .with_help(tr!("letter-utf8-help"))
                .into());
        }
        let text = match checked_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let valid = e.utf8_error().valid_up_to();
                let bytes = e.into_bytes();
                let before = String::from_utf8_lossy(&bytes[..valid]);
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                return Err(Diagnostic::new(
                    path,
                    tr!(
                        "letter-not-utf8",
                        byte = format!("{:02X}", bytes[valid]),
                        line = line,
                        column = column
                    ),
                )
                .with_help(tr!("letter-utf8-help"))
                .into_positioned(Pos { line, column })
                .into());
            }
        };
        let text = text
            .strip_prefix('\u{feff}')
            .map(str::to_owned)
            .unwrap_or(text);
        Ok(Source {
            path: path.to_path_buf(),
            text,
        })
    }
}

/// `bytes` as a string if they are UTF-8. A valid letter is checked by
/// `simdutf8` (its 8 KB of Cyrillic text took the standard library's check
/// 6-7 µs, and a batch checks each letter three times: finding defaults,
/// for its key, and in the worker); the standard library's check, which
/// says where the first bad byte is, runs only on invalid bytes.
fn checked_utf8(bytes: Vec<u8>) -> std::result::Result<String, std::string::FromUtf8Error> {
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: the bytes were just checked to be UTF-8.
        Ok(unsafe { String::from_utf8_unchecked(bytes) })
    } else {
        String::from_utf8(bytes)
    }
}

impl Diagnostic {
    fn into_positioned(mut self, pos: Pos) -> Self {
        self.pos = Some(pos);
        self
    }
}

fn too_large(path: &Path, len: usize) -> Error {
    let most = MAX_LETTER_BYTES / 1024;
    let message = if len > MAX_LETTER_BYTES + 1 {
        tr!(
            "letter-too-large-kib",
            most = most,
            size = len.div_ceil(1024)
        )
    } else {
        // Read from a stream: only known to be past the limit.
        tr!("letter-too-large-stream", most = most)
    };
    Diagnostic::new(path, message)
        .with_help(tr!("letter-too-large-help"))
        .into()
}

pub(crate) use crate::input::io_reason;

/// Parses and checks a letter, merged with its defaults files (read from
/// disk, relative to `source.path`). Every problem found is reported
/// together.
pub fn parse(source: &Source) -> Result<Letter> {
    let (node, defaults, read) = defaults::load(source)?;
    // What hides or changes text is named first: a look-alike field name is
    // also an unknown field, whose "did you mean" follows.
    let problems = plausible::check(&node, source);
    let mut letter = with_problems(problems, validate::letter(&node, source, defaults, None))?;
    letter.defaults_read = read;
    Ok(letter)
}

/// [`parse`] with a mail merge's row laid over the letter: the row's fields
/// (nodes of [`FileId::DATA`], placed at their row and column of `data`)
/// win over the letter's, which win over its defaults.
pub fn parse_with_row(source: &Source, data: &Path, row: Node) -> Result<Letter> {
    let (node, defaults, read) = defaults::load(source)?;
    // The letter's own text; the row's positions are in the data file.
    let problems = plausible::check(&node, source);
    let node = defaults::merge(row, node);
    let mut letter = with_problems(
        problems,
        validate::letter(&node, source, defaults, Some(data)),
    )?;
    letter.defaults_read = read;
    Ok(letter)
}

/// The letter, unless `problems` (found before checking it) or its checks
/// refuse it; every problem together.
fn with_problems(mut problems: Vec<Diagnostic>, checked: Result<Letter>) -> Result<Letter> {
    match checked {
        Ok(letter) if problems.is_empty() => Ok(letter),
        Ok(_) => Err(Error {
            diagnostics: problems,
        }),
        Err(e) => {
            problems.extend(e.diagnostics);
            Err(Error {
                diagnostics: problems,
            })
        }
    }
}

/// Every text value of the letter with its position, for checks that need
/// to point back into the file (such as characters no font has).
pub fn texts(letter: &Letter) -> Vec<&Text> {
    fields(letter).into_iter().map(|(_, t)| t).collect()
}

/// The position of the first `c` in the file at or after `from`: where a
/// character of a value physically stands.
pub fn position_of_char(source: &str, from: Pos, c: char) -> Pos {
    crate::diagnostic::lines::position_of_char(source, from, c)
}
