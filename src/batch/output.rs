//! A letter's output on its way to its place: written under a temporary
//! name and hashed by whoever rendered it (a worker, or a render thread of
//! a batch without workers), then renamed into place by the batch once it
//! keeps the letter.
//!
//! The worker writing the file itself spares the batch the output's bytes
//! copied through a pipe and once more into the file from the batch (about
//! 55 KB a letter each way), a writer thread's wake-up, and the batch's own
//! pass over the bytes to hash them. The rename stays with the batch: a
//! letter it refuses (`--deny-warnings`), or whose worker dies before it
//! answers, is never put in place, so a failed letter still writes nothing
//! and overwrites nothing.

use std::path::{Path, PathBuf};

use super::key::Hash;
use super::manifest::{Written, modified_ns};
use crate::diagnostic::{Diagnostic, Error, Result};
use crate::tr;
use crate::write::Unplaced;

/// An output written whole under its temporary name, not yet in place;
/// dropped, the temporary file is removed.
#[derive(Debug)]
pub(super) struct Staged {
    file: Unplaced,
    pub written: Written,
}

/// How a worker tells the batch about a staged output: the temporary file,
/// the output's hash, size and modification time.
pub(super) type HandedOver = (PathBuf, [u8; 32], u64, u64);

/// Writes and hashes the output of the letter going to `path`.
pub(super) fn stage(path: &Path, bytes: &[u8]) -> Result<Staged> {
    // The folder usually exists: it is made only when the write fails, not
    // looked for (a `mkdir` that fails and a `stat`) a letter. Then it is
    // made and the write tried again, whether or not it is there by now:
    // another worker may have made it since.
    let (file, meta) = match crate::write::unplaced(path, bytes) {
        Ok(done) => done,
        Err(refused) => {
            let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) else {
                return Err(refused);
            };
            std::fs::create_dir_all(parent).map_err(|e| {
                Error::one(Diagnostic::new(
                    parent,
                    tr!(
                        "batch-out-dir-uncreatable",
                        reason = crate::input::io_reason(&e)
                    ),
                ))
            })?;
            crate::write::unplaced(path, bytes)?
        }
    };
    Ok(Staged {
        file,
        written: Written {
            sha256: Hash::of(bytes),
            bytes: bytes.len() as u64,
            // Renaming keeps the modification time.
            modified_ns: modified_ns(&meta).unwrap_or(0),
        },
    })
}

impl Staged {
    /// Leaves the temporary file to the batch (see [`Staged::adopt`]).
    pub fn hand_over(self) -> HandedOver {
        let w = self.written;
        (self.file.hand_over(), w.sha256.0, w.bytes, w.modified_ns)
    }

    /// The output a worker staged for `path`; None when what it names is no
    /// temporary file of `path`.
    pub fn adopt(path: &Path, (tmp, sha256, bytes, modified_ns): HandedOver) -> Option<Staged> {
        Some(Staged {
            file: Unplaced::adopt(path, tmp)?,
            written: Written {
                sha256: Hash(sha256),
                bytes,
                modified_ns,
            },
        })
    }

    /// Renames the output into place.
    pub fn place(self) -> Result<Written> {
        self.file.place()?;
        Ok(self.written)
    }
}
