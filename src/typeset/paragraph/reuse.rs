//! Paragraphs set once per thread: a batch sets the same paragraphs in many
//! letters (the letterhead, the labels, a mail merge's fixed text, the
//! common paragraphs of replies), and setting one (shaping, hyphenating,
//! breaking it as a whole) was a third of a batch letter's instructions.
//! The lines depend only on the text, its styles, the setting and the fonts,
//! so a paragraph set before gives the same lines again, drawn for the new
//! block. Bounded like the word caches (two generations of [`LIMIT`]), so
//! a batch's memory does not grow with its letters.

use std::cell::RefCell;
use std::hash::{BuildHasherDefault, Hash, Hasher};

use super::super::fonts::FontSet;
use super::super::page::BlockRef;
use super::super::recent::Recent;
use super::super::shape::WordHasher;
use super::{Align, SetLine, Setting, Uncovered};
use crate::document::Run;
use crate::lang::Lang;

/// Paragraphs kept per generation: a letter sets a few dozen, a set
/// paragraph holds its glyphs (about 20 KB for a long one), so at most a
/// few MB a thread.
const LIMIT: usize = 64;

/// Everything a paragraph's lines depend on. Lengths by their bits: a
/// different rounding is a miss, never a wrong hit.
#[derive(PartialEq, Eq)]
struct Key {
    /// The face set, by address: the lines' glyphs and widths come from it.
    fonts: usize,
    runs: Vec<Run>,
    size: u32,
    width: u32,
    first_indent: u32,
    align: Align,
    lang: Lang,
    hyphenate: bool,
    bold: bool,
}

impl Hash for Key {
    fn hash<H: Hasher>(&self, h: &mut H) {
        self.fonts.hash(h);
        for run in &self.runs {
            run.text.hash(h);
            run.style.hash(h);
        }
        (self.size, self.width, self.first_indent).hash(h);
        (self.align, self.lang, self.hyphenate, self.bold).hash(h);
    }
}

/// Hashed like the word caches' keys (FxHash): SipHash over every
/// paragraph's text cost more than the rest of finding it.
type SetMap = Recent<Key, Vec<SetLine>, BuildHasherDefault<WordHasher>>;

thread_local! {
    static SET: RefCell<SetMap> = RefCell::new(SetMap::new(LIMIT));
}

/// The lines of `runs` set by `s`, for `block`: from this thread's earlier
/// setting of the same paragraph if there was one, else by `set` (whose
/// refusals are not kept).
pub(super) fn reuse_or_set(
    fonts: &FontSet,
    runs: &[Run],
    s: &Setting,
    block: BlockRef,
    set: impl FnOnce() -> Result<Vec<SetLine>, Uncovered>,
) -> Result<Vec<SetLine>, Uncovered> {
    let key = Key {
        fonts: std::ptr::from_ref(fonts) as usize,
        runs: runs.to_vec(),
        size: s.size.to_bits(),
        width: s.width.to_bits(),
        first_indent: s.first_indent.to_bits(),
        align: s.align,
        lang: s.lang,
        hyphenate: s.hyphenate,
        bold: s.bold,
    };
    let found = SET.with_borrow_mut(|m| m.find(&key, Clone::clone));
    let mut lines = match found {
        Some(lines) => lines,
        None => {
            let lines = set()?;
            SET.with_borrow_mut(|m| {
                m.entry(key, || lines.clone());
            });
            lines
        }
    };
    for line in &mut lines {
        for run in &mut line.runs {
            run.block = block;
        }
    }
    Ok(lines)
}
