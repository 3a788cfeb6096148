//! Defaults files in a folder of letters. A folder batch finds every
//! `*.yaml` below it, and the shared defaults files (letter format v2) often
//! live among the letters. The rule: a file that another file of the batch
//! names as its `defaults:` (directly or through other defaults files) is a
//! defaults file, not a letter; it is left out and reported as skipped.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::letter::{Source, defaults_named};

/// Splits found files into letters and defaults files. `files` holds each
/// file as given and as an absolute path; the order is kept.
pub(super) fn split(files: Vec<(PathBuf, PathBuf)>) -> (Vec<(PathBuf, PathBuf)>, Vec<PathBuf>) {
    let named: HashSet<PathBuf> = files
        .iter()
        .filter_map(|(path, _)| Source::read(path).ok())
        .flat_map(|source| defaults_named(&source))
        .map(|p| identity(&p))
        .collect();
    if named.is_empty() {
        return (files, Vec::new());
    }
    let (defaults, letters): (Vec<_>, Vec<_>) = files
        .into_iter()
        .partition(|(_, abs)| named.contains(&identity(abs)));
    (letters, defaults.into_iter().map(|(p, _)| p).collect())
}

fn identity(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}
