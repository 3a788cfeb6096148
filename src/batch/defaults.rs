//! Defaults files in a folder of letters. A folder batch finds every
//! `*.yaml` below it, and the shared defaults files (letter format v2) often
//! live among the letters. The rule: a file that another file of the batch
//! names as its `defaults:` (directly or through other defaults files) is a
//! defaults file, not a letter; it is left out and reported as skipped.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::letter::{MAX_LETTER_BYTES, Source, defaults_named, may_name_defaults};

/// Splits found files (each with what the caller keeps of it) into letters
/// and defaults files (paths relative to `cwd` as found); the order is
/// kept. `recorded` says, for a file the manifest of an earlier run trusts
/// unchanged, which defaults file it names itself (if any): that file is
/// not read, only the defaults files it names (once each).
pub(super) fn split<T>(
    cwd: &Path,
    files: Vec<(PathBuf, T)>,
    recorded: impl Fn(&Path, &T) -> Option<Option<PathBuf>>,
) -> (Vec<(PathBuf, T)>, Vec<PathBuf>) {
    let mut named = HashSet::new();
    // The chain of each recorded defaults file, read once.
    let mut chains: HashMap<PathBuf, Vec<PathBuf>> = HashMap::new();
    for (path, kept) in &files {
        match recorded(path, kept) {
            Some(None) => {}
            Some(Some(first)) => {
                let chain = chains
                    .entry(first)
                    .or_insert_with_key(|first| chain_from(first));
                named.extend(chain.iter().map(|p| identity(p)));
            }
            None => named.extend(read_named(path).iter().map(|p| identity(p))),
        }
    }
    if named.is_empty() {
        return (files, Vec::new());
    }
    let (defaults, letters): (Vec<_>, Vec<_>) = files
        .into_iter()
        .partition(|(path, _)| named.contains(&identity(&cwd.join(path))));
    (
        letters,
        defaults.into_iter().map(|(path, _)| path).collect(),
    )
}

/// The defaults files the letter at `path` names, read from it.
fn read_named(path: &Path) -> Vec<PathBuf> {
    // Most letters name no defaults file: their bytes say so before any
    // UTF-8 check or parse (which would be done again to render them).
    let Ok(bytes) = crate::input::read_bounded(path, MAX_LETTER_BYTES as u64) else {
        return Vec::new();
    };
    if !may_name_defaults(&bytes) {
        return Vec::new();
    }
    Source::from_bytes(path, bytes).map_or_else(|_| Vec::new(), |s| defaults_named(&s))
}

/// A defaults file a letter names and the ones it names in turn, as
/// [`defaults_named`] follows them from the letter; none when it is not a
/// file (the letter's chain breaks there).
fn chain_from(first: &Path) -> Vec<PathBuf> {
    if !first.is_file() {
        return Vec::new();
    }
    let mut chain = vec![first.to_path_buf()];
    if let Ok(source) = Source::read(first) {
        chain.extend(defaults_named(&source));
    }
    chain
}

fn identity(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}
