//! Reading input files: the reasons a read fails, in a clerk's words, reads
//! bounded by a size limit, and the record of every file a letter used (its
//! path and sha256), which `batch`'s manifest and `preview`'s watcher key on.

use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::{Path, PathBuf};

/// A file read to make a letter: the letter itself, a defaults file, an
/// emblem. Its hash keys the incremental batch, its path the preview's watch.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct InputFile {
    pub path: PathBuf,
    pub sha256: [u8; 32],
}

impl InputFile {
    pub fn new(path: &Path, bytes: &[u8]) -> InputFile {
        InputFile {
            path: path.to_path_buf(),
            sha256: Sha256::digest(bytes).into(),
        }
    }

    /// The hash as lowercase hex, as manifests write it.
    pub fn hex(&self) -> String {
        self.sha256.iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// Why a file could not be read, in words for a clerk.
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => crate::tr!("common-io-not-found"),
        std::io::ErrorKind::PermissionDenied => crate::tr!("common-io-permission-denied"),
        std::io::ErrorKind::NotADirectory => crate::tr!("common-io-not-a-directory"),
        std::io::ErrorKind::IsADirectory => crate::tr!("common-io-is-a-directory"),
        std::io::ErrorKind::ReadOnlyFilesystem => crate::tr!("common-io-read-only"),
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
            crate::tr!("common-io-disk-full")
        }
        _ => e.to_string(),
    }
}

/// What a bounded read found.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    /// The file is larger than the limit; `len` is its size when known (a
    /// stream reports none and is only known to be past the limit).
    TooLarge {
        len: Option<u64>,
    },
}

/// Reads a file of at most `limit` bytes. It reads at most one byte past the
/// limit, so a device or a /proc file that reports no size and never ends
/// (`/dev/zero`) costs nothing.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len > limit {
        return Err(ReadError::TooLarge { len: Some(len) });
    }
    // Room for the whole file and the end-of-file probe: read in one call,
    // not in the dozen growing reads of an empty vector (32, 32, 64, … bytes:
    // a batch reads every letter of a folder this way to find its defaults).
    let mut bytes = Vec::with_capacity(usize::try_from(len).map_or(0, |n| n.saturating_add(1)));
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { len: None });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_reads_stop_past_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        std::fs::write(&p, b"12345").unwrap();
        assert_eq!(read_bounded(&p, 5).unwrap(), b"12345");
        assert!(matches!(
            read_bounded(&p, 4),
            Err(ReadError::TooLarge { len: Some(5) })
        ));
        assert!(matches!(
            read_bounded(Path::new("/dev/zero"), 10),
            Err(ReadError::TooLarge { len: None })
        ));
        assert!(matches!(
            read_bounded(&dir.path().join("none"), 10),
            Err(ReadError::Io(_))
        ));
    }

    #[test]
    fn hashes_are_sha256() {
        let f = InputFile::new(Path::new("a"), b"abc");
        assert_eq!(
            f.hex(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
