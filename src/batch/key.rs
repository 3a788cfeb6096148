//! The keys that decide whether an output is up to date: hashes of
//! everything an output depends on.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use sha2::{Digest, Sha256};

use crate::{Engine, Options};

/// A SHA-256.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Hash(pub [u8; 32]);

impl Hash {
    pub fn of(bytes: &[u8]) -> Hash {
        Hash(Sha256::digest(bytes).into())
    }

    pub fn hex(&self) -> String {
        let mut s = String::with_capacity(64);
        for b in self.0 {
            s.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
            s.push(char::from_digit(u32::from(b & 15), 16).unwrap_or('0'));
        }
        s
    }

    pub fn from_hex(s: &str) -> Option<Hash> {
        if s.len() != 64 {
            return None;
        }
        let mut out = [0u8; 32];
        for (i, byte) in out.iter_mut().enumerate() {
            *byte = u8::from_str_radix(s.get(2 * i..2 * i + 2)?, 16).ok()?;
        }
        Some(Hash(out))
    }
}

/// What all outputs of a run depend on.
pub struct Global {
    /// The program, its fonts, the templates and the options.
    pub key: Hash,
    /// The templates alone (reported per letter).
    pub templates: Hash,
}

impl Global {
    pub fn new(engine: &Engine, options: &Options, deny_warnings: bool) -> Global {
        let mut templates = Fields::new(b"zhauap templates");
        for (name, content) in engine.templates().files() {
            templates.field(name.as_bytes());
            templates.field(content.as_bytes());
        }
        let templates = templates.finish();

        let mut key = Fields::new(b"zhauap batch key");
        key.field(env!("CARGO_PKG_VERSION").as_bytes());
        for (name, data) in crate::typeset::fonts::font_files() {
            key.field(name.as_bytes());
            key.field(data);
        }
        key.field(&templates.0);
        key.field(options.format.extension().as_bytes());
        key.field(&[u8::from(options.typography)]);
        // Only a draft run adds to the key, so keys of earlier runs stay valid.
        if engine.draft() {
            key.field(b"draft");
        }
        // Likewise `--deny-warnings`: a letter rendered with warnings before
        // is checked again, and refused.
        if deny_warnings {
            key.field(b"deny-warnings");
        }
        Global {
            key: key.finish(),
            templates,
        }
    }
}

/// A hash over length-prefixed fields, so that no two field lists collide.
struct Fields(Sha256);

impl Fields {
    fn new(label: &[u8]) -> Fields {
        let mut f = Fields(Sha256::new());
        f.field(label);
        f
    }

    fn field(&mut self, bytes: &[u8]) {
        self.0.update((bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
    }

    fn finish(self) -> Hash {
        Hash(self.0.finalize().into())
    }
}

/// A file besides the letter that an output depends on, with the hash of
/// its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileHash {
    pub path: Arc<Path>,
    pub sha256: Hash,
}

/// The key of one output: the run's key, the letter's text, the data row
/// it was merged with, and the other files it read.
pub fn letter_key(
    global: &Hash,
    letter: &Hash,
    data_row: Option<&Hash>,
    files: &[FileHash],
) -> Hash {
    let mut f = Fields::new(b"zhauap letter key");
    f.field(&global.0);
    f.field(&letter.0);
    f.field(data_row.map_or(&[][..], |h| &h.0[..]));
    for file in files {
        f.field(file.path.as_os_str().as_encoded_bytes());
        f.field(&file.sha256.0);
    }
    f.finish()
}

/// The hashes of the files letters refer to, kept for the run: ten
/// thousand letters with one emblem read and hash it once. A file is
/// hashed again when its size or modification time changes.
#[derive(Default)]
pub struct FileHashes {
    known: Mutex<HashMap<PathBuf, (u64, std::time::SystemTime, Hash)>>,
}

impl FileHashes {
    /// The hash of a file's content. What the typesetter would refuse to
    /// read (not a file, such as `/dev/zero`; larger than an emblem may be;
    /// missing) is not read either: it hashes to a value no content has,
    /// and the letter then fails in the typesetter with the reason.
    pub fn hash(&self, path: &Path) -> Hash {
        let Some(meta) = std::fs::metadata(path).ok().filter(|m| m.is_file()) else {
            return Hash([0; 32]);
        };
        let stamp = (meta.len(), meta.modified().unwrap_or(std::time::UNIX_EPOCH));
        let lock = || self.known.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((len, time, hash)) = lock().get(path)
            && (*len, *time) == stamp
        {
            return *hash;
        }
        let hash = read_limited(path).map_or(Hash([0; 32]), |b| Hash::of(&b));
        lock().insert(path.to_path_buf(), (stamp.0, stamp.1, hash));
        hash
    }
}

/// A file's bytes, if it is a regular file no larger than an emblem may be.
fn read_limited(path: &Path) -> Option<Vec<u8>> {
    use std::io::Read;
    let limit = crate::typeset::image::MAX_EMBLEM_BYTES;
    let (file, len) = open_regular(path).ok()?;
    let mut bytes = Vec::with_capacity(len.min(limit) as usize + 1);
    file.take(limit + 1).read_to_end(&mut bytes).ok()?;
    (bytes.len() as u64 <= limit).then_some(bytes)
}

/// Opens a file for reading only if it is a regular file, without waiting:
/// a named pipe put in place of a letter is refused at once instead of
/// blocking the open. Returns the file and its size.
pub fn open_regular(path: &Path) -> std::io::Result<(std::fs::File, u64)> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            crate::tr!("batch-not-a-regular-file"),
        ));
    }
    Ok((file, meta.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_goes_both_ways() {
        let h = Hash::of(b"zhauap");
        assert_eq!(Hash::from_hex(&h.hex()), Some(h));
        assert_eq!(h.hex().len(), 64);
        assert_eq!(Hash::from_hex("zz"), None);
        assert_eq!(Hash::from_hex(&"g".repeat(64)), None);
    }

    #[test]
    fn every_part_of_a_letter_key_counts() {
        let g = Hash::of(b"g");
        let l = Hash::of(b"l");
        let file = |p: &str, c: &[u8]| FileHash {
            path: Path::new(p).into(),
            sha256: Hash::of(c),
        };
        let base = letter_key(&g, &l, None, &[file("/e.svg", b"1")]);
        assert_ne!(
            base,
            letter_key(&Hash::of(b"h"), &l, None, &[file("/e.svg", b"1")])
        );
        assert_ne!(
            base,
            letter_key(&g, &Hash::of(b"m"), None, &[file("/e.svg", b"1")])
        );
        assert_ne!(base, letter_key(&g, &l, Some(&g), &[file("/e.svg", b"1")]));
        assert_ne!(base, letter_key(&g, &l, None, &[file("/f.svg", b"1")]));
        assert_ne!(base, letter_key(&g, &l, None, &[file("/e.svg", b"2")]));
        assert_ne!(base, letter_key(&g, &l, None, &[]));
    }
}
