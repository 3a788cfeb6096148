//! Defaults files in a folder of letters. A folder batch finds every
//! `*.yaml` below it, and the shared defaults files (letter format v2) often
//! live among the letters. The rule: a file that another file of the batch
//! names as its `defaults:` (directly or through other defaults files) is a
//! defaults file, not a letter; it is left out and reported as skipped.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::letter::{
    MAX_DEFAULTS_DEPTH, MAX_LETTER_BYTES, Source, defaults_named, may_name_defaults,
};

/// Splits found files (each with what the caller keeps of it) into letters
/// and defaults files (paths relative to `cwd` as found); the order is
/// kept. `recorded` says, for a file the manifest of an earlier run trusts
/// unchanged, which defaults file it names itself (if any): that file is
/// not read, only the defaults files it names (once each). A recorded
/// defaults file that is no longer there (the folder was moved or mounted
/// elsewhere: the path is absolute) is not trusted: the letter is read.
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
            Some(Some(first)) if first.is_file() => {
                let chain = chains
                    .entry(first)
                    .or_insert_with_key(|first| chain_from(first));
                // The letter's own walk stops where it meets the letter
                // again (a cycle), and after as many files as a chain may
                // have.
                let letter = identity(&cwd.join(path));
                named.extend(
                    chain
                        .iter()
                        .take(MAX_DEFAULTS_DEPTH)
                        .take_while(|p| **p != letter)
                        .cloned(),
                );
            }
            Some(Some(_)) | None => named.extend(read_named(path).iter().map(|p| identity(p))),
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

/// A defaults file (a file) and the ones it names in turn, as
/// [`defaults_named`] follows them from it, by identity: a letter naming it
/// draws on these up to itself (a cycle through the letter ends its chain
/// there) and up to [`MAX_DEFAULTS_DEPTH`] files, which is what [`split`]
/// takes of it.
fn chain_from(first: &Path) -> Vec<PathBuf> {
    let mut chain = vec![identity(first)];
    if let Ok(source) = Source::read(first) {
        chain.extend(defaults_named(&source).iter().map(|p| identity(p)));
    }
    chain
}

fn identity(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}
