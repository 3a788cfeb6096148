//! The manifest: what each output was rendered from, so that an unchanged
//! letter is not rendered again.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::report::Outcome;
use crate::diagnostic::{Diagnostic, Error, Result};
use crate::document::Document;
use crate::letter::{Letter, Source};
use crate::{Engine, Options};

/// The manifest file in the output folder.
pub const MANIFEST: &str = ".zhauap-batch.json";

/// Bumped when the manifest's meaning changes, so that an old manifest is
/// ignored rather than misread.
const MANIFEST_VERSION: u32 = 1;

/// The files besides the letter that its output depends on: the defaults
/// files it was merged with and the images its document names (an emblem),
/// resolved as the typesetter resolves them, relative to the letter. Each
/// with the hash of its content now. Kept absolute, so that a run from
/// another folder finds the same files.
pub(super) fn referenced_files(
    source: &Source,
    letter: &Letter,
    document: &Document,
) -> Vec<(PathBuf, Hash)> {
    let base = source.path.parent().unwrap_or(Path::new(""));
    let mut files: Vec<PathBuf> = document
        .blocks
        .iter()
        .filter_map(|b| b.attr("emblem"))
        .filter(|p| !p.is_empty())
        .map(|p| base.join(p))
        .chain(letter.defaults.iter().map(|d| d.path.clone()))
        .map(|p| std::path::absolute(&p).unwrap_or(p))
        .collect();
    files.sort();
    files.dedup();
    files
        .into_iter()
        .map(|p| {
            let h = file_hash(&p);
            (p, h)
        })
        .collect()
}

/// The hash of a file's content. What the typesetter would refuse to read
/// (not a file, such as `/dev/zero`; larger than an emblem may be; missing)
/// is not read either: it hashes to a value no content has, and the letter
/// then fails in the typesetter with the reason.
fn file_hash(path: &Path) -> Hash {
    use std::io::Read;
    let limit = crate::typeset::image::MAX_EMBLEM_BYTES;
    let read = || -> Option<Vec<u8>> {
        // Looked at before it is opened: opening a named pipe would wait.
        if !std::fs::metadata(path).ok()?.is_file() {
            return None;
        }
        let file = std::fs::File::open(path).ok()?;
        let mut bytes = Vec::new();
        file.take(limit + 1).read_to_end(&mut bytes).ok()?;
        (bytes.len() as u64 <= limit).then_some(bytes)
    };
    match read() {
        Some(bytes) => Hash::of(&bytes),
        None => Hash([0; 32]),
    }
}

/// The key of everything all outputs of a run depend on: the program, its
/// fonts, the templates and the options.
pub(super) fn global_key(engine: &Engine, options: &Options) -> Hash {
    let mut h = Sha256::new();
    let mut field = |bytes: &[u8]| {
        h.update((bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    };
    field(b"zhauap batch key");
    field(env!("CARGO_PKG_VERSION").as_bytes());
    for (name, data) in crate::typeset::fonts::font_files() {
        field(name.as_bytes());
        field(data);
    }
    for (name, content) in engine.templates().files() {
        field(name.as_bytes());
        field(content.as_bytes());
    }
    field(options.format.extension().as_bytes());
    field(&[u8::from(options.typography)]);
    // Only a draft run adds to the key, so keys of earlier runs stay valid.
    if engine.draft() {
        field(b"draft");
    }
    Hash(h.finalize().into())
}

pub(super) fn letter_key(global: &Hash, letter: &Hash, inputs: &[(PathBuf, Hash)]) -> Hash {
    let mut h = Sha256::new();
    h.update(global.0);
    h.update(letter.0);
    for (path, hash) in inputs {
        let p = path.to_string_lossy();
        h.update((p.len() as u64).to_le_bytes());
        h.update(p.as_bytes());
        h.update(hash.0);
    }
    Hash(h.finalize().into())
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Hash([u8; 32]);

impl Hash {
    pub(super) fn of(bytes: &[u8]) -> Hash {
        Hash(Sha256::digest(bytes).into())
    }

    pub(super) fn hex(&self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// The manifest: per output (by the letter's relative path), what it was
/// rendered from.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(super) struct Manifest {
    version: u32,
    pub(super) entries: BTreeMap<String, Entry>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct Entry {
    /// [`letter_key`] of the inputs the output was rendered from.
    pub(super) key: String,
    /// The files besides the letter that the key covers.
    pub(super) inputs: Vec<String>,
    /// The hash of the output as written.
    pub(super) output: String,
    pub(super) pages: usize,
}

impl Entry {
    /// Whether the output on disk is the one these inputs render to.
    pub(super) fn is_current(&self, global: &Hash, letter: &Hash, output: &Path) -> bool {
        let inputs: Vec<(PathBuf, Hash)> = self
            .inputs
            .iter()
            .map(|p| {
                let p = PathBuf::from(p);
                let h = file_hash(&p);
                (p, h)
            })
            .collect();
        letter_key(global, letter, &inputs).hex() == self.key
            && std::fs::read(output).is_ok_and(|b| Hash::of(&b).hex() == self.output)
    }
}

impl Manifest {
    /// The manifest of `out_dir`; empty when there is none or it cannot be
    /// used (then every letter renders).
    pub(super) fn load(out_dir: &Path) -> Manifest {
        std::fs::read(out_dir.join(MANIFEST))
            .ok()
            .and_then(|b| serde_json::from_slice::<Manifest>(&b).ok())
            .filter(|m| m.version == MANIFEST_VERSION)
            .unwrap_or_default()
    }
}

/// Records this run's outputs. Read again just before writing, so that the
/// entries of another shard sharing the folder are kept; a failed letter's
/// entry goes, so it is tried again.
pub(super) fn save_manifest(out_dir: &Path, outcomes: &[Outcome]) -> Result<()> {
    let mut manifest = Manifest::load(out_dir);
    manifest.version = MANIFEST_VERSION;
    for o in outcomes {
        match &o.entry {
            Some(e) => manifest.entries.insert(o.relative.clone(), e.clone()),
            None => manifest.entries.remove(&o.relative),
        };
    }
    let json = serde_json::to_vec(&manifest).map_err(|e| {
        Error::one(Diagnostic::new(
            &out_dir.join(MANIFEST),
            format!("cannot save the batch manifest: {e}"),
        ))
    })?;
    crate::write::atomic(&out_dir.join(MANIFEST), &json)
}
