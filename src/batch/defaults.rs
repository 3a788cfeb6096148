//! Defaults files in a folder of letters. A folder batch finds every
//! `*.yaml` below it, and the shared defaults files (letter format v2) often
//! live among the letters. The rule: a file that another file of the batch
//! names as its `defaults:` (directly or through other defaults files) is a
//! defaults file, not a letter; it is left out and reported as skipped.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::letter::{Source, defaults_named};

/// Splits found files into letters and defaults files (paths relative to
/// `cwd` as found); the order is kept.
pub(super) fn split(cwd: &Path, files: Vec<PathBuf>) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let named: HashSet<PathBuf> = files
        .iter()
        .filter_map(|path| Source::read(path).ok())
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
