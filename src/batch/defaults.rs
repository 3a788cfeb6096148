//! Defaults files in a folder of letters. A folder batch finds every
//! `*.yaml` below it, and the shared defaults files (letter format v2) often
//! live among the letters. The rule: a file that another file of the batch
//! names as its `defaults:` (directly or through other defaults files) is a
//! defaults file, not a letter; it is left out and reported as skipped.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::letter::{MAX_LETTER_BYTES, Source, defaults_named, may_name_defaults};

/// Splits found files into letters and defaults files (paths relative to
/// `cwd` as found); the order is kept.
pub(super) fn split(cwd: &Path, files: Vec<PathBuf>) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let named: HashSet<PathBuf> = files
        .iter()
        // Most letters name no defaults file: their bytes say so before any
        // UTF-8 check or parse (which would be done again to render them).
        .filter_map(|path| {
            let bytes = crate::input::read_bounded(path, MAX_LETTER_BYTES as u64).ok()?;
            may_name_defaults(&bytes)
                .then(|| Source::from_bytes(path, bytes).ok())
                .flatten()
        })
        .flat_map(|source| defaults_named(&source))
        .map(|p| identity(&p))
        .collect();
    if named.is_empty() {
        return (files, Vec::new());
    }
    let (defaults, letters): (Vec<_>, Vec<_>) = files
        .into_iter()
        .partition(|path| named.contains(&identity(&cwd.join(path))));
    (letters, defaults)
}

fn identity(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}
