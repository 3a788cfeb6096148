//! Which letters a batch renders and where each output goes: the inputs
//! (files, folders, globs) walked, the common root found, the shard taken.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::str::FromStr;

use sha2::{Digest, Sha256};

use crate::Format;
use crate::diagnostic::{Diagnostic, Error, Result};

/// The K-th of N shares of a batch (K counted from 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u32,
    pub count: u32,
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Shard, String> {
        let (k, n) = s
            .split_once('/')
            .ok_or_else(|| format!("'{s}' is not K/N, such as 1/4"))?;
        let number = |t: &str| {
            t.trim()
                .parse::<u32>()
                .map_err(|_| format!("'{t}' in '{s}' is not a whole number"))
        };
        let (index, count) = (number(k)?, number(n)?);
        if count == 0 || index == 0 || index > count {
            return Err(format!(
                "in '{s}', K must be from 1 to N and N at least 1, such as 1/4"
            ));
        }
        Ok(Shard { index, count })
    }
}

impl Shard {
    /// Whether the letter at `relative` (its path below the input root, with
    /// `/` separators) is in this shard. By a hash of the path rather than its
    /// rank in a sorted list: adding a letter then moves no other letter to
    /// another shard, and each runner's incremental state stays valid.
    pub fn takes(&self, relative: &str) -> bool {
        let hash = Sha256::digest(relative.as_bytes());
        let mut first = [0u8; 8];
        first.copy_from_slice(&hash[..8]);
        u64::from_be_bytes(first) % u64::from(self.count) == u64::from(self.index - 1)
    }
}

/// One letter of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// The letter file, as found from the inputs given (for messages).
    pub letter: PathBuf,
    /// Its path below the input root, with `/` separators: the key of the
    /// manifest and of the shard.
    pub relative: String,
    /// Where its output goes.
    pub output: PathBuf,
    /// In a mail merge, the data row laid over the letter.
    pub row: Option<super::merge::RowRef>,
}

/// The letters of a batch, in the order of their relative paths.
#[derive(Debug, Clone)]
pub struct Plan {
    pub jobs: Vec<Job>,
    /// The common folder of the inputs, mirrored by the output folder.
    pub root: PathBuf,
    pub out_dir: PathBuf,
    /// Letters found but left to other shards.
    pub other_shards: usize,
    /// Files found but left out as defaults files of other letters.
    pub defaults: Vec<PathBuf>,
}

/// Finds the letters of `inputs` and where each output goes. Refuses inputs
/// that do not exist or hold no letter, and two letters that would write the
/// same output, before anything is rendered.
pub fn plan(
    inputs: &[PathBuf],
    out_dir: &Path,
    format: Format,
    shard: Option<Shard>,
) -> Result<Plan> {
    let cwd = std::env::current_dir().map_err(|e| {
        Error::one(Diagnostic::new(
            Path::new("."),
            format!(
                "cannot read the current folder: {}",
                crate::letter::io_reason(&e)
            ),
        ))
    })?;
    let mut problems = Vec::new();
    let mut found: Vec<PathBuf> = Vec::new();
    let mut roots: Vec<PathBuf> = Vec::new();
    for input in inputs {
        let before = found.len();
        match std::fs::metadata(input) {
            Ok(m) if m.is_dir() => {
                roots.push(absolute(&cwd, input));
                walk(input, &mut found, &mut problems);
            }
            Ok(_) => {
                found.push(input.clone());
                roots.push(absolute(&cwd, input.parent().unwrap_or(Path::new(""))));
            }
            Err(_) if is_glob(input) => {
                roots.push(absolute(&cwd, &glob_base(input)));
                expand_glob(input, &mut found, &mut problems);
            }
            Err(e) => problems.push(
                Diagnostic::new(
                    input,
                    format!("cannot read this input: {}", crate::letter::io_reason(&e)),
                )
                .with_help(
                    "give letter files, folders of letters, or globs such as 'in/**/*.yaml'",
                ),
            ),
        }
        if found.len() == before && !problems.iter().any(|d| d.file == *input) {
            problems.push(
                Diagnostic::new(input, "no letters (*.yaml files) here")
                    .with_help("a folder is searched, with its subfolders, for *.yaml files"),
            );
        }
    }

    // One job per letter file, however many inputs name it.
    let mut letters: Vec<(PathBuf, PathBuf)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for f in found {
        let abs = absolute(&cwd, &f);
        if seen.insert(abs.clone()) {
            if let Some(parent) = abs.parent() {
                roots.push(parent.to_path_buf());
            }
            letters.push((f, abs));
        }
    }
    let root = common_ancestor(&roots).unwrap_or_else(|| cwd.clone());
    let (letters, defaults) = super::defaults::split(letters);

    let mut jobs = Vec::new();
    let mut by_output: HashMap<PathBuf, PathBuf> = HashMap::new();
    let mut other_shards = 0;
    for (letter, abs) in letters {
        let below = abs.strip_prefix(&root).unwrap_or(&abs);
        let relative = below
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if shard.is_some_and(|s| !s.takes(&relative)) {
            other_shards += 1;
            continue;
        }
        let output = out_dir.join(below).with_extension(format.extension());
        if let Some(first) = by_output.insert(output.clone(), letter.clone()) {
            problems.push(
                Diagnostic::new(
                    &letter,
                    format!(
                        "{} and this letter would both be written to {}",
                        first.display(),
                        output.display()
                    ),
                )
                .with_help(
                    "rename one of them: letters that differ only in extension share an output",
                ),
            );
        }
        jobs.push(Job {
            letter,
            relative,
            output,
            row: None,
        });
    }
    if !problems.is_empty() {
        return Err(Error {
            diagnostics: problems,
        });
    }
    jobs.sort_by(|a, b| a.relative.cmp(&b.relative));
    Ok(Plan {
        jobs,
        root,
        out_dir: out_dir.to_path_buf(),
        other_shards,
        defaults,
    })
}

/// Letter files below `dir`: `*.yaml`, hidden entries and symbolic links to
/// folders left out (the latter can loop).
fn walk(dir: &Path, found: &mut Vec<PathBuf>, problems: &mut Vec<Diagnostic>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(Diagnostic::new(
                dir,
                format!("cannot read this folder: {}", crate::letter::io_reason(&e)),
            ));
            return;
        }
    };
    let mut entries: Vec<_> = entries.filter_map(|e| e.ok()).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(&path, found, problems);
        } else if path.extension().is_some_and(|e| e == "yaml") && path.is_file() {
            found.push(path);
        }
    }
}

fn is_glob(p: &Path) -> bool {
    p.to_string_lossy().contains(['*', '?', '['])
}

/// The folder a glob searches: its components before the first wildcard.
fn glob_base(pattern: &Path) -> PathBuf {
    pattern
        .components()
        .take_while(|c| !is_glob(Path::new(c.as_os_str())))
        .collect()
}

fn expand_glob(pattern: &Path, found: &mut Vec<PathBuf>, problems: &mut Vec<Diagnostic>) {
    let paths = match glob::glob(&pattern.to_string_lossy()) {
        Ok(p) => p,
        Err(e) => {
            problems.push(
                Diagnostic::new(pattern, format!("this glob is malformed: {e}"))
                    .with_help("use * for any name, ** for any folders, ? for one character"),
            );
            return;
        }
    };
    for path in paths.filter_map(|p| p.ok()) {
        if path.is_dir() {
            walk(&path, found, problems);
        } else if path.is_file() {
            found.push(path);
        }
    }
}

/// `p` made absolute against `cwd`, with `.` and `..` resolved by name (not
/// by following links, so a linked letter keeps the place it was given at).
fn absolute(cwd: &Path, p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in cwd.join(p).components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

fn common_ancestor(paths: &[PathBuf]) -> Option<PathBuf> {
    let (first, rest) = paths.split_first()?;
    let mut common: Vec<Component> = first.components().collect();
    for p in rest {
        let same = common
            .iter()
            .zip(p.components())
            .take_while(|(a, b)| **a == *b)
            .count();
        common.truncate(same);
    }
    Some(common.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shard_spec_is_checked() {
        assert_eq!("2/5".parse(), Ok(Shard { index: 2, count: 5 }));
        assert!("0/3".parse::<Shard>().is_err());
        assert!("4/3".parse::<Shard>().is_err());
        assert!("1/0".parse::<Shard>().is_err());
        assert!("1-3".parse::<Shard>().is_err());
        assert!("a/3".parse::<Shard>().is_err());
    }

    #[test]
    fn shards_partition_any_set_of_paths() {
        let paths: Vec<String> = (0..500)
            .map(|i| format!("d{}/letter-{i}.yaml", i % 7))
            .collect();
        let shards: Vec<Shard> = (1..=4).map(|k| Shard { index: k, count: 4 }).collect();
        let mut sizes = [0usize; 4];
        for p in &paths {
            let takers: Vec<usize> = (0..4).filter(|&k| shards[k].takes(p)).collect();
            assert_eq!(takers.len(), 1, "{p} taken by {takers:?}");
            sizes[takers[0]] += 1;
        }
        // A hash split is not exact, but no shard is starved.
        assert!(sizes.iter().all(|&s| s > 80), "{sizes:?}");
    }

    #[test]
    fn common_ancestor_of_folders() {
        let p = |s: &str| PathBuf::from(s);
        assert_eq!(
            common_ancestor(&[p("/w/in/a"), p("/w/in/b/c"), p("/w/in")]),
            Some(p("/w/in"))
        );
        assert_eq!(common_ancestor(&[p("/w/in/a")]), Some(p("/w/in/a")));
        assert_eq!(common_ancestor(&[]), None);
    }

    #[test]
    fn absolute_resolves_dots_by_name() {
        let cwd = Path::new("/w/x");
        assert_eq!(
            absolute(cwd, Path::new("../in/./a.yaml")),
            PathBuf::from("/w/in/a.yaml")
        );
        assert_eq!(
            absolute(cwd, Path::new("/abs/b.yaml")),
            PathBuf::from("/abs/b.yaml")
        );
    }

    #[test]
    fn glob_base_stops_at_the_first_wildcard() {
        assert_eq!(
            glob_base(Path::new("in/a/**/*.yaml")),
            PathBuf::from("in/a")
        );
        assert_eq!(glob_base(Path::new("*.yaml")), PathBuf::from(""));
        assert_eq!(glob_base(Path::new("in/l?/x.yaml")), PathBuf::from("in"));
    }
}
