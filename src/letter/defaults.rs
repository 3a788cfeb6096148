//! Defaults files (letter format v2): `defaults: FILE` lays a letter over a
//! file of shared fields (letterhead, signatory, executor), which may name
//! its own defaults in turn.
//!
//! The files are read into positioned trees and merged before the letter is
//! checked, so every value keeps the file and place it is written in and a
//! problem is reported there, whichever file that is.

use crate::tr;
use std::path::{Path, PathBuf};

use super::Source;
use super::node::{At, FileId, Node, Value};
use super::syntax::parse_yaml;
use crate::diagnostic::{Diagnostic, Error, Result};
use crate::input::InputFile;

/// How many defaults files may stand behind one letter, one naming the next.
/// Real use is one or two (a ministry's, a department's); more is a mistake.
pub const MAX_DEFAULTS_DEPTH: usize = 8;

/// Reads the letter and the defaults files it names, and merges them: the
/// letter's own fields win. Returns the merged tree and the defaults files
/// read, nearest first (their [`FileId`]s count into this list), with the
/// hash of each as read.
pub(super) fn load(source: &Source) -> Result<(Node, Vec<Source>, Vec<InputFile>)> {
    let mut nodes = vec![parse_yaml(source)?];
    let mut read = Vec::new();
    let mut files: Vec<Source> = Vec::new();
    // The letter's identity is looked up (a path walk) only for a letter
    // that names defaults: most name none.
    let mut chain = Vec::new();
    while let Some(reference) = nodes.last().and_then(defaults_entry) {
        if chain.is_empty() {
            chain.push(identity(&source.path));
        }
        let referring = files.last().unwrap_or(source);
        let at = |message: String, help: &str| -> Error {
            Diagnostic::at(&referring.path, &referring.text, reference.pos, message)
                .with_help(help)
                .into()
        };
        let name = match &reference.value {
            Value::Text(s) if !s.trim().is_empty() => s.trim().to_owned(),
            other => {
                return Err(at(
                    tr!("letter-defaults-not-path", kind = other.kind()),
                    &tr!("letter-defaults-not-path-help"),
                ));
            }
        };
        let path = referring.path.parent().unwrap_or(Path::new("")).join(&name);
        let names = |last: &Path| -> String {
            std::iter::once(source.path.as_path())
                .chain(files.iter().map(|f| f.path.as_path()))
                .chain(std::iter::once(last))
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(" → ")
        };
        if files.len() == MAX_DEFAULTS_DEPTH {
            return Err(at(
                tr!(
                    "letter-defaults-deep",
                    most = MAX_DEFAULTS_DEPTH,
                    nth = MAX_DEFAULTS_DEPTH + 1,
                    chain = names(&path)
                ),
                &tr!("letter-defaults-deep-help"),
            ));
        }
        if !path.is_file() {
            return Err(at(
                tr!(
                    "letter-defaults-missing",
                    name = &name,
                    path = path.display().to_string()
                ),
                &tr!("letter-defaults-missing-help"),
            ));
        }
        let id = identity(&path);
        if chain.contains(&id) {
            return Err(at(
                tr!("letter-defaults-cycle", chain = names(&path)),
                &tr!("letter-defaults-cycle-help"),
            ));
        }
        // Read once: the hash recorded is of the very bytes merged.
        let defaults = match crate::input::read_bounded(&path, super::MAX_LETTER_BYTES as u64) {
            Ok(bytes) => {
                let file = std::path::absolute(&path).unwrap_or_else(|_| path.clone());
                read.push(InputFile::new(&file, &bytes));
                Source::from_bytes(&path, bytes)?
            }
            // Source::read words the reason for the clerk.
            Err(_) => Source::read(&path)?,
        };
        let mut node = parse_yaml(&defaults)?;
        if !matches!(node.value, Value::Map(_)) {
            return Err(Diagnostic::at(
                &defaults.path,
                &defaults.text,
                node.pos,
                tr!("letter-defaults-not-map", kind = node.value.kind()),
            )
            .with_help(tr!("letter-defaults-not-map-help"))
            .into());
        }
        node.set_file(FileId::defaults(files.len()));
        chain.push(id);
        files.push(defaults);
        nodes.push(node);
    }
    let mut merged = nodes.pop().expect("the letter's own tree is always there");
    while let Some(own) = nodes.pop() {
        merged = merge(own, merged);
    }
    Ok((merged, files, read))
}

/// The `defaults` value of a file's top mapping, if it has one.
fn defaults_entry(node: &Node) -> Option<&Node> {
    let Value::Map(entries) = &node.value else {
        return None;
    };
    entries
        .iter()
        .find(|(k, _)| k.name == "defaults")
        .map(|(_, v)| v)
        .filter(|v| v.value != Value::Null)
}

/// A file's identity for finding cycles: its canonical path where it has one
/// (a letter read from memory has none).
fn identity(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

/// Lays `own` over `base`, mapping by mapping: a field `own` writes wins, a
/// field only `base` writes is kept, and two mappings under one name merge
/// in turn. A list is replaced whole. An empty value (`name:` with nothing
/// after it) counts as not written, so a letter's unfilled field falls back
/// to the shared one.
pub(super) fn merge(own: Node, base: Node) -> Node {
    match (own.value, base.value) {
        (Value::Null, base_value) => Node {
            value: base_value,
            ..base
        },
        (Value::Map(own_entries), Value::Map(base_entries)) => {
            let mut base_entries: Vec<_> = base_entries.into_iter().map(Some).collect();
            let mut entries = Vec::with_capacity(own_entries.len() + base_entries.len());
            for (key, value) in own_entries {
                let under = base_entries
                    .iter_mut()
                    .find(|e| e.as_ref().is_some_and(|(k, _)| k.name == key.name))
                    .and_then(Option::take);
                let value = match under {
                    Some((_, base_value)) => merge(value, base_value),
                    None => value,
                };
                entries.push((key, value));
            }
            entries.extend(base_entries.into_iter().flatten());
            Node {
                value: Value::Map(entries),
                ..own
            }
        }
        (own_value, _) => Node {
            value: own_value,
            ..own
        },
    }
}

/// The files a letter's values come from, to build a diagnostic at a place
/// in whichever of them it is.
pub(crate) struct Files<'a> {
    pub letter: &'a Source,
    pub defaults: &'a [Source],
    /// A mail merge's data file: places in it are a row and a column.
    pub data: Option<&'a Path>,
}

impl<'a> Files<'a> {
    pub fn source(&self, file: FileId) -> &'a Source {
        file.defaults_index()
            .and_then(|i| self.defaults.get(i))
            .unwrap_or(self.letter)
    }

    pub fn diagnostic(&self, at: At, message: impl Into<String>) -> Diagnostic {
        match (at.file, self.data) {
            (FileId::DATA, Some(data)) => {
                let mut d = Diagnostic::new(data, message);
                d.pos = Some(at.pos);
                d
            }
            _ => {
                let s = self.source(at.file);
                Diagnostic::at(&s.path, &s.text, at.pos, message)
            }
        }
    }
}

/// Whether a file with these bytes may have a `defaults` key, that is
/// whether [`defaults_named`] needs to parse it to tell. A key's name is
/// its text as written, except for the escapes of a double-quoted key
/// (`"def\x61ults"`), which need a backslash: a file with neither the word
/// nor a backslash names no defaults file. A batch asks this of every file
/// of its folder, and parsing each only to find no `defaults` was as much
/// work as checking the letter later. A tag can make a key's text from
/// other bytes too (serde-saphyr decodes a `!!binary` key's base64, and a
/// `%TAG` directive or `!<…>` can spell that tag): a `!` followed by a
/// character a tag can have counts as well. Prose puts a `!` before a
/// space, a line's end, a closing quote or a letter past ASCII (`!»`).
pub fn may_name_defaults(bytes: &[u8]) -> bool {
    memchr::memchr(b'\\', bytes).is_some()
        || memchr::memmem::find(bytes, b"defaults").is_some()
        || memchr::memchr_iter(b'!', bytes).any(|at| {
            bytes
                .get(at + 1)
                .is_some_and(|&next| next.is_ascii_graphic() && next != b'"')
        })
}

/// The defaults files a letter draws on, nearest first, as far as they can
/// be read: what `preview` watches and what `batch` leaves out of a folder
/// of letters. Unlike [`load`] it refuses nothing; it stops where the chain
/// breaks (a missing or unreadable file, a cycle, the depth limit).
pub fn defaults_named(source: &Source) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if !may_name_defaults(source.text.as_bytes()) {
        return out;
    }
    let mut chain = vec![identity(&source.path)];
    let mut current = source.clone();
    while out.len() < MAX_DEFAULTS_DEPTH {
        if !may_name_defaults(current.text.as_bytes()) {
            break;
        }
        let Ok(node) = parse_yaml(&current) else {
            break;
        };
        let Some(Value::Text(name)) = defaults_entry(&node).map(|n| &n.value) else {
            break;
        };
        let path = current
            .path
            .parent()
            .unwrap_or(Path::new(""))
            .join(name.trim());
        let id = identity(&path);
        if !path.is_file() || chain.contains(&id) {
            break;
        }
        let Ok(next) = Source::read(&path) else {
            break;
        };
        chain.push(id);
        out.push(path);
        current = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The defaults `defaults_named` finds for a letter with this text, by file name.
    fn named(letter: &str) -> Vec<String> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("base.yaml"), "lang: ru\n").unwrap();
        let path = dir.path().join("letter.yaml");
        let source = Source::from_bytes(&path, letter.as_bytes().to_vec()).unwrap();
        defaults_named(&source)
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn a_defaults_key_is_found_however_it_is_written_and_only_then() {
        // The word written out, plain or quoted, or spelled by escapes.
        for letter in [
            "lang: ru\ndefaults: base.yaml\n",
            "'defaults': base.yaml\n",
            "\"def\\x61ults\": base.yaml\n",
            "\"\\u0064efaults\": base.yaml\n",
            "{lang: ru, defaults: base.yaml}\n",
            "\"d\\x65faults\": base.yaml\n",
            // An escaped line break inside a double-quoted key.
            "? \"defa\\\n  ults\"\n: base.yaml\n",
            // A key decoded from base64, by the tag's every spelling.
            "? !!binary ZGVmYXVsdHM=\n: base.yaml\n",
            "? !<tag:yaml.org,2002:%62inary> ZGVmYXVsdHM=\n: base.yaml\n",
            "%TAG !e! tag:yaml.org,2002:\n---\n? !e!binary ZGVmYXVsdHM=\n: base.yaml\n",
        ] {
            assert_eq!(named(letter), ["base.yaml"], "{letter}");
        }
        // Folded or not at the top, it is not the key; no word, no parse.
        for letter in [
            "? \"def\n  aults\"\n: base.yaml\n",
            "letterhead:\n  defaults: base.yaml\n",
            "lang: ru\nbody: [Текст]\n",
            // Folded without an escape, the words stay apart.
            "? 'defa\n  ults'\n: base.yaml\n",
        ] {
            assert!(named(letter).is_empty(), "{letter}");
        }
        assert!(!may_name_defaults("lang: ru\nbody: [Текст]\n".as_bytes()));
        assert!(may_name_defaults(b"a: \"\\t\"\n"));
        // Exclamations in prose are no tags: no parse for them.
        assert!(!may_name_defaults(
            "salutation: Уважаемые депутаты!\nbody: [«Берегитесь!», \"Да!\"]\n".as_bytes()
        ));
    }
}
