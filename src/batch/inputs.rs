//! Finding letter files: folders walked, globs matched, lists read. Symbolic
//! links to folders are never followed (one self-link would loop), and only
//! regular files are letters (opening a named pipe would wait forever).

use std::io::BufRead;
use std::path::{Component, Path, PathBuf};

use crate::diagnostic::{Diagnostic, Error, Result};
use crate::tr;

/// The extensions of letter files.
const LETTER_EXTENSIONS: [&str; 2] = ["yaml", "yml"];

pub(super) fn is_letter_name(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| LETTER_EXTENSIONS.iter().any(|l| e == *l))
}

/// Letter files below `dir` (`""` is the current folder), in name order:
/// `*.yaml` and `*.yml`, hidden entries and symbolic links to folders left
/// out. With `pattern`, only the files it matches, and every letter below
/// a folder it matches.
fn walk(
    dir: &Path,
    pattern: Option<&glob::Pattern>,
    found: &mut Vec<PathBuf>,
    problems: &mut Vec<Diagnostic>,
) {
    let listing = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let entries = match std::fs::read_dir(listing) {
        Ok(e) => e,
        Err(e) => {
            problems.push(Diagnostic::new(
                listing,
                tr!(
                    "batch-folder-unreadable",
                    reason = crate::input::io_reason(&e)
                ),
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
        let path = dir.join(&name);
        // The entry itself, not what a link points to.
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let matched = pattern.is_none_or(|p| p.matches_path_with(&path, GLOB_OPTIONS));
        if kind.is_dir() {
            walk(&path, pattern.filter(|_| !matched), found, problems);
        } else if matched && is_letter_name(&path) && is_regular_file(&path) {
            found.push(path);
        }
    }
}

/// `*` and `?` stop at `/`; only `**` crosses folders; hidden names are
/// matched only by a pattern that names the dot.
const GLOB_OPTIONS: glob::MatchOptions = glob::MatchOptions {
    case_sensitive: true,
    require_literal_separator: true,
    require_literal_leading_dot: true,
};

/// A regular file, or a link to one (a letter linked from elsewhere keeps
/// the place it was given at).
pub(super) fn is_regular_file(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file())
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

/// The letters a glob matches, found by walking its base folder ourselves:
/// the `glob` crate's own walk follows linked folders.
fn expand_glob(pattern: &Path, found: &mut Vec<PathBuf>, problems: &mut Vec<Diagnostic>) {
    let text = pattern.to_string_lossy();
    let compiled = match glob::Pattern::new(text.strip_prefix("./").unwrap_or(&text)) {
        Ok(p) => p,
        Err(e) => {
            problems.push(
                Diagnostic::new(pattern, tr!("batch-glob-malformed", reason = e.to_string()))
                    .with_help(tr!("batch-glob-malformed-help")),
            );
            return;
        }
    };
    let base = glob_base(pattern);
    let base: PathBuf = base
        .components()
        .filter(|c| *c != Component::CurDir)
        .collect();
    if !base.as_os_str().is_empty() && !std::fs::metadata(&base).is_ok_and(|m| m.is_dir()) {
        return;
    }
    walk(&base, Some(&compiled), found, problems);
}

/// The letter files of some inputs, as `batch` and `check` find them.
pub struct Found {
    /// Every letter file, in the order found (an input's letters in name
    /// order), defaults files included.
    pub letters: Vec<PathBuf>,
    /// The common folder (absolute) of the folders and globs given, if any.
    pub root: Option<PathBuf>,
}

/// Finds the letters of `inputs` (files, folders, globs) and `listed`
/// (paths of `--files-from`). Inputs that do not exist, are not regular
/// files or hold no letter become `problems`; the letters found are kept.
pub(super) fn find(
    cwd: &Path,
    inputs: &[PathBuf],
    listed: &[PathBuf],
    problems: &mut Vec<Diagnostic>,
) -> Found {
    let mut found: Vec<PathBuf> = Vec::new();
    // The common folder of the inputs, narrowed as they come: no list of
    // them is kept (ten thousand letters would make one).
    let mut root: Option<PathBuf> = None;
    for input in inputs {
        let before = found.len();
        match std::fs::metadata(input) {
            Ok(m) if m.is_dir() => {
                narrow(&mut root, &absolute(cwd, input));
                walk(input, None, &mut found, problems);
            }
            Ok(_) => named_file(input, &mut found, problems),
            Err(_) if is_glob(input) => {
                narrow(&mut root, &absolute(cwd, &glob_base(input)));
                expand_glob(input, &mut found, problems);
            }
            Err(e) => problems.push(
                Diagnostic::new(
                    input,
                    tr!(
                        "batch-input-unreadable",
                        reason = crate::input::io_reason(&e)
                    ),
                )
                .with_help(tr!("batch-input-unreadable-help")),
            ),
        }
        if found.len() == before && !problems.iter().any(|d| d.file == *input) {
            problems.push(
                Diagnostic::new(input, tr!("batch-no-letters"))
                    .with_help(tr!("batch-no-letters-help")),
            );
        }
    }
    for file in listed {
        named_file(file, &mut found, problems);
    }
    Found {
        letters: found,
        root,
    }
}

/// The letters of `inputs` for `check`: found as `batch` finds them, each
/// once, without the defaults files other letters name (which are not
/// letters); `problems` gets the inputs that hold none.
pub fn letters(inputs: &[PathBuf], problems: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let cwd = match std::env::current_dir() {
        Ok(c) => c,
        Err(e) => {
            problems.push(Diagnostic::new(
                Path::new("."),
                tr!("batch-cwd-unreadable", reason = crate::input::io_reason(&e)),
            ));
            return Vec::new();
        }
    };
    let mut letters = find(&cwd, inputs, &[], problems).letters;
    let mut seen = std::collections::HashSet::new();
    letters.retain(|l| seen.insert(absolute(&cwd, l)));
    // Finding defaults files parses every letter once more: one letter
    // cannot be the defaults of another, and a 2 MiB one is parsed once.
    if letters.len() < 2 {
        return letters;
    }
    let letters = letters.into_iter().map(|l| (l, ())).collect();
    let (letters, _) = super::defaults::split(&cwd, letters, |_, _| None);
    letters.into_iter().map(|(l, ())| l).collect()
}

/// Narrows `root` to the folders it shares with `path`.
pub(super) fn narrow(root: &mut Option<PathBuf>, path: &Path) {
    *root = Some(match root.take() {
        None => path.to_path_buf(),
        Some(r) => common_ancestor(&[r, path.to_path_buf()]).unwrap_or_default(),
    });
}

/// A letter named by the user (an argument, a line of a list): taken
/// whatever its extension, but only if it is a regular file.
fn named_file(file: &Path, found: &mut Vec<PathBuf>, problems: &mut Vec<Diagnostic>) {
    match std::fs::metadata(file) {
        Ok(_) if is_regular_file(file) => found.push(file.to_path_buf()),
        Ok(_) => problems.push(
            Diagnostic::new(file, tr!("batch-not-regular"))
                .with_help(tr!("batch-not-regular-help")),
        ),
        Err(e) => problems.push(
            Diagnostic::new(
                file,
                tr!(
                    "batch-letter-unreadable",
                    reason = crate::input::io_reason(&e)
                ),
            )
            .with_help(tr!("batch-letter-unreadable-help")),
        ),
    }
}

/// The letters named in a list (`--files-from`): one path a line, blank
/// lines and lines starting with `#` skipped. `-` reads the standard input.
pub fn read_list(list: &Path) -> Result<Vec<PathBuf>> {
    let fail = |e: std::io::Error| {
        Error::one(
            Diagnostic::new(
                list,
                tr!(
                    "batch-list-unreadable",
                    reason = crate::input::io_reason(&e)
                ),
            )
            .with_help(tr!("batch-list-help")),
        )
    };
    let reader: Box<dyn BufRead> = if list == Path::new("-") {
        Box::new(std::io::stdin().lock())
    } else {
        if !is_regular_file(list) {
            return Err(Error::one(
                Diagnostic::new(list, tr!("batch-list-not-regular"))
                    .with_help(tr!("batch-list-help")),
            ));
        }
        Box::new(std::io::BufReader::new(
            std::fs::File::open(list).map_err(fail)?,
        ))
    };
    let mut paths = Vec::new();
    for line in reader.lines() {
        let line = line.map_err(fail)?;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        paths.push(PathBuf::from(line));
    }
    Ok(paths)
}

/// `p` made absolute against `cwd`, with `.` and `..` resolved by name (not
/// by following links, so a linked letter keeps the place it was given at).
pub(super) fn absolute(cwd: &Path, p: &Path) -> PathBuf {
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

    #[test]
    fn letters_are_yaml_and_yml_files() {
        assert!(is_letter_name(Path::new("a/b.yaml")));
        assert!(is_letter_name(Path::new("b.yml")));
        assert!(!is_letter_name(Path::new("b.pdf")));
        assert!(!is_letter_name(Path::new("yaml")));
    }

    #[test]
    fn globs_do_not_follow_linked_folders() {
        let dir = std::env::temp_dir().join(format!("zhauap-glob-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("in/a")).unwrap();
        std::fs::write(dir.join("in/a/x.yaml"), "").unwrap();
        std::fs::write(dir.join("in/a/notes.txt"), "").unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("..", dir.join("in/a/loop")).unwrap();
            std::os::unix::fs::symlink("a", dir.join("in/b")).unwrap();
        }
        let (mut found, mut problems) = (Vec::new(), Vec::new());
        expand_glob(&dir.join("in/**/*.yaml"), &mut found, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(found, [dir.join("in/a/x.yaml")]);
        // A folder the pattern names is taken whole.
        found.clear();
        expand_glob(&dir.join("in/*"), &mut found, &mut problems);
        assert_eq!(found, [dir.join("in/a/x.yaml")]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
