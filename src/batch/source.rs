//! Where the letters of a batch come from. Today letter files; mail merge
//! adds a source whose letters are one letter file merged with the rows of
//! a table. A source turns a [`Job`] into the letter's text, and says what
//! besides the text its key must cover.

use crate::tr;
use std::io::Read;

use super::key::{Hash, open_regular};
use super::plan::Job;
use crate::diagnostic::{Diagnostic, Result};
use crate::letter::{MAX_LETTER_BYTES, Source};

/// A letter as the batch renders it.
pub struct Loaded {
    pub source: Source,
    /// The hash of the data row the letter was merged with, if any: part of
    /// its key and of its manifest record.
    pub data_row: Option<Hash>,
    /// The data row's fields to lay over the letter, with their places in
    /// the data file.
    pub row: Option<super::merge::RowFields>,
}

/// A source of letters. Called from many threads at once.
pub trait LetterSource: Sync {
    /// The letter of `job`, the plan's job number `index`.
    fn load(&self, index: usize, job: &Job) -> Result<Loaded>;

    /// Whether a letter is its file's content and nothing else: then a
    /// file the manifest saw as it is now (size, times, inode) holds an
    /// unchanged letter, which is not loaded at all.
    fn is_the_file(&self) -> bool {
        false
    }
}

/// Letters read from their files.
pub struct Files;

impl LetterSource for Files {
    fn is_the_file(&self) -> bool {
        true
    }

    fn load(&self, _index: usize, job: &Job) -> Result<Loaded> {
        let path = &job.letter;
        let fail = |e: std::io::Error| {
            Diagnostic::new(
                path,
                tr!(
                    "batch-source-unreadable",
                    reason = crate::input::io_reason(&e)
                ),
            )
            .with_help(tr!("batch-source-unreadable-help"))
        };
        // Read at most one byte past the limit; `Source::from_bytes` refuses
        // what is larger. Room for the whole file (and the byte that shows
        // its end) makes it two reads, not a dozen growing ones.
        let mut bytes = Vec::new();
        open_regular(path)
            .and_then(|(f, len)| {
                let limit = MAX_LETTER_BYTES as u64 + 1;
                bytes.reserve_exact(len.min(limit) as usize + 1);
                f.take(limit).read_to_end(&mut bytes).map(drop)
            })
            .map_err(fail)?;
        Ok(Loaded {
            source: Source::from_bytes(path, bytes)?,
            data_row: None,
            row: None,
        })
    }
}
