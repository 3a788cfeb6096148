//! The manifest: `OUTDIR/manifest.jsonl` (one file per shard), a [`Record`]
//! a line, saying what each output was rendered from, so that an unchanged
//! letter is not rendered again.
//!
//! - **Locked** while a run uses it: two runs of the same shard never
//!   interleave; shards write different files, so they never wait.
//! - **Journal:** each letter whose record changed is appended as it
//!   finishes (one `write`, not flushed to disk: a killed or aborted process
//!   loses nothing the kernel has; a power cut may, and the size and time
//!   of the outputs, or `--verify`, then catch it). On reading, the last
//!   record of a letter wins.
//! - **Compacted** at the end of a run that changed anything: one record a
//!   letter, in the order of their keys, written to a temporary file and
//!   renamed over the journal. A run that changed nothing writes nothing.

use crate::tr;
use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::key::{FileHash, FileHashes, Hash, letter_key};
use super::record::{FileStat, RECORD_VERSION, Record, Status};
use crate::diagnostic::{Diagnostic, Error, Result};

/// The manifest of an unsharded batch.
pub const MANIFEST: &str = "manifest.jsonl";

/// What the manifest says about an output, kept in memory for the run:
/// only what decides whether the output is up to date (about two hundred
/// bytes a letter). The rest of the record (pages, warnings, defaults and
/// data row) stays in the file and is read back, by its place, for the
/// letters whose records are written again ([`Manifest::record_of`]): a
/// re-run's memory is not the manifest's size (issue 20).
#[derive(Debug, Clone)]
pub(super) struct Known {
    pub cache_key: Option<Hash>,
    pub letter: Option<Hash>,
    /// The [`FileStat::fingerprint`] of the letter file as it was read for
    /// a render that succeeded; 0 when there is none to trust.
    pub letter_stat: u64,
    /// The defaults file the letter names itself, if any.
    pub defaults_file: Option<Arc<Path>>,
    pub files: Vec<FileHash>,
    pub output: Option<Written>,
    /// The line of the manifest holding this record (the last one, if the
    /// letter has several).
    pub line: u32,
    /// Where that line starts in the file, and its length in bytes.
    at: u64,
    len: u32,
}

/// An output as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Written {
    pub sha256: Hash,
    pub bytes: u64,
    pub modified_ns: u64,
}

impl Written {
    /// Whether `path` still holds this output: a regular file (not a link)
    /// of the same size and modification time and, with `verify`, the same
    /// content.
    pub fn is_at(&self, path: &Path, verify: bool) -> bool {
        let Ok(meta) = std::fs::symlink_metadata(path) else {
            return false;
        };
        meta.is_file()
            && meta.len() == self.bytes
            && modified_ns(&meta) == Some(self.modified_ns)
            && (!verify || std::fs::read(path).is_ok_and(|b| Hash::of(&b) == self.sha256))
    }
}

pub(super) fn modified_ns(meta: &std::fs::Metadata) -> Option<u64> {
    nanoseconds(meta.modified().ok()?)
}

fn nanoseconds(time: std::time::SystemTime) -> Option<u64> {
    let since = time.duration_since(std::time::UNIX_EPOCH).ok()?;
    u64::try_from(since.as_nanos()).ok()
}

/// How long after its last change a file's times are trusted to show the
/// next one: file systems keep times in ticks (a few milliseconds on Linux,
/// two seconds on FAT), and a change in the tick of a read would not show.
const SETTLED_NS: u64 = 2_000_000_000;

impl FileStat {
    /// What `meta` says of a file (as `std::fs::metadata` gives it).
    /// None where the system keeps no change time and inode: the size and
    /// modification time alone are not trusted (a copy can keep both), and
    /// letters are read and hashed.
    pub fn of(meta: &std::fs::Metadata) -> Option<FileStat> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let changed = u64::try_from(meta.ctime()).ok()?;
            let changed_ns = changed
                .checked_mul(1_000_000_000)?
                .checked_add(u64::try_from(meta.ctime_nsec()).ok()?)?;
            Some(FileStat {
                bytes: meta.len(),
                modified_ns: modified_ns(meta)?,
                changed_ns,
                inode: meta.ino(),
            })
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            None
        }
    }

    /// The stat of `path` (following links, as letters are read).
    pub fn of_path(path: &Path) -> Option<FileStat> {
        FileStat::of(&std::fs::metadata(path).ok()?)
    }

    /// Eight bytes standing for the whole stat, never 0 (which stands for
    /// none): what the plan keeps of each letter. Compared only within one
    /// process, so the hasher need not be stable across builds.
    pub fn fingerprint(&self) -> u64 {
        use std::hash::{Hash as _, Hasher};
        let mut hasher = std::hash::DefaultHasher::new();
        self.hash(&mut hasher);
        hasher.finish().max(1)
    }

    /// Whether the file had last changed at least [`SETTLED_NS`] before
    /// `read`, the time it was read: only then does a later change show in
    /// its times.
    pub fn settled(&self, read: std::time::SystemTime) -> bool {
        let last = self.modified_ns.max(self.changed_ns);
        nanoseconds(read).is_some_and(|read| last.saturating_add(SETTLED_NS) <= read)
    }
}

impl Known {
    /// Whether the output on disk is the one these inputs render to.
    pub fn is_current(
        &self,
        global: &Hash,
        letter: &Hash,
        data_row: Option<&Hash>,
        hashes: &FileHashes,
        output: &Path,
        verify: bool,
    ) -> bool {
        let (Some(key), Some(written)) = (&self.cache_key, &self.output) else {
            return false;
        };
        let files: Vec<FileHash> = self
            .files
            .iter()
            .map(|f| FileHash {
                path: f.path.clone(),
                sha256: hashes.hash(&f.path),
            })
            .collect();
        self.letter.as_ref() == Some(letter)
            && letter_key(global, letter, data_row, &files) == *key
            && written.is_at(output, verify)
    }

    fn from_record(
        r: &Record,
        (line, at, len): (u32, u64, u32),
        paths: &mut HashMap<String, Arc<Path>>,
    ) -> Known {
        let hash = |s: &super::record::Sha256| Hash::from_hex(&s.0);
        let ok = r.status != Status::Failed;
        let mut path_of = |p: &String| {
            paths
                .entry(p.clone())
                .or_insert_with(|| Path::new(p).into())
                .clone()
        };
        Known {
            cache_key: r.cache_key.as_ref().and_then(hash).filter(|_| ok),
            letter: r.input.sha256.as_ref().and_then(hash),
            // Trusted only with its defaults file known (a record of an
            // older build has the defaults' hash alone).
            letter_stat: r
                .input
                .stat
                .filter(|_| ok && (r.defaults.is_none() || r.defaults_file.is_some()))
                .map_or(0, |s| s.fingerprint()),
            defaults_file: r.defaults_file.as_ref().map(&mut path_of),
            files: r
                .files
                .iter()
                .map(|f| FileHash {
                    path: path_of(&f.path),
                    sha256: f.sha256.as_ref().and_then(hash).unwrap_or(Hash([0; 32])),
                })
                .collect(),
            output: r.output.as_ref().filter(|_| ok).and_then(|o| {
                Some(Written {
                    sha256: hash(&o.sha256)?,
                    bytes: o.bytes,
                    modified_ns: o.modified_ns,
                })
            }),
            line,
            at,
            len,
        }
    }
}

/// A record as a line of the manifest.
pub(super) fn line(record: &Record) -> Vec<u8> {
    let mut line = serde_json::to_vec(record).unwrap_or_default();
    line.push(b'\n');
    line
}

/// The manifest of one run, open and locked.
pub(super) struct Manifest {
    path: PathBuf,
    file: File,
    /// The last record of each letter, by key.
    pub known: HashMap<String, Known>,
    /// Whether the file holds exactly one readable record per letter and
    /// nothing else: if not, it is rewritten even when nothing changed.
    pub compact: bool,
    /// The file ends inside a line (a write cut short): the journal starts
    /// on a new line. Behind a lock of its own: letters are journaled from
    /// every thread, outside the sink's lock.
    ends_inside_line: std::sync::Mutex<bool>,
}

impl Manifest {
    /// Opens (creating it empty if need be) and locks the manifest `name` in
    /// `out_dir`, then reads it. Waits while another run holds it.
    pub fn open(out_dir: &Path, name: &str) -> Result<Manifest> {
        // Created if missing: never none.
        Manifest::open_with(out_dir, name, true)?.ok_or_else(|| {
            let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
            Error::one(Diagnostic::new(
                &out_dir.join(name),
                tr!(
                    "batch-manifest-unopenable",
                    reason = crate::input::io_reason(&missing)
                ),
            ))
        })
    }

    /// [`Manifest::open`] for a manifest that exists; none when there is
    /// none (nothing is created): what the planning reads.
    pub fn open_existing(out_dir: &Path, name: &str) -> Result<Option<Manifest>> {
        Manifest::open_with(out_dir, name, false)
    }

    fn open_with(out_dir: &Path, name: &str, create: bool) -> Result<Option<Manifest>> {
        let path = out_dir.join(name);
        let fail = |e: std::io::Error| {
            Error::one(
                Diagnostic::new(
                    &path,
                    tr!(
                        "batch-manifest-unopenable",
                        reason = crate::input::io_reason(&e)
                    ),
                )
                .with_help(tr!("batch-manifest-unopenable-help")),
            )
        };
        let file = loop {
            let mut options = std::fs::OpenOptions::new();
            options.read(true).append(true).create(create);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                // Never through a link planted in a shared folder, and never
                // waiting on a pipe.
                options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
            }
            let file = match options.open(&path) {
                Ok(file) => file,
                // No manifest, or no folder for it yet (the run says why
                // it cannot make one).
                Err(e)
                    if !create
                        && matches!(
                            e.kind(),
                            std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
                        ) =>
                {
                    return Ok(None);
                }
                Err(e) => return Err(fail(e)),
            };
            if !file.metadata().map_err(fail)?.is_file() {
                return Err(fail(std::io::Error::new(
                    std::io::ErrorKind::InvalidInput,
                    tr!("batch-not-a-regular-file"),
                )));
            }
            match file.lock() {
                Ok(()) => {}
                // A file system without locks (some network ones): shards
                // still never share a manifest; only two runs of one shard
                // at once could interleave.
                Err(e) if e.kind() == std::io::ErrorKind::Unsupported => {}
                Err(e) => return Err(fail(e)),
            }
            // A run that held the lock may have replaced the file by its
            // compacted version meanwhile: lock the file now at the path.
            if same_file(&file, &path) {
                break file;
            }
        };
        let mut manifest = Manifest {
            path: path.clone(),
            file,
            known: HashMap::new(),
            compact: true,
            ends_inside_line: std::sync::Mutex::new(false),
        };
        manifest.read().map_err(fail)?;
        Ok(Some(manifest))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn read(&mut self) -> std::io::Result<()> {
        let mut paths = HashMap::new();
        let mut line = 0u32;
        let mut at = 0u64;
        // Bytes, not a String: serde_json checks the UTF-8 of what it reads
        // (a second check cost a tenth of an unchanged re-run).
        let mut reader = BufReader::with_capacity(1 << 16, &self.file);
        reader.rewind()?;
        let mut text = Vec::new();
        loop {
            text.clear();
            let len = reader.read_until(b'\n', &mut text)?;
            if len == 0 {
                break;
            }
            *self
                .ends_inside_line
                .get_mut()
                .unwrap_or_else(std::sync::PoisonError::into_inner) = text.last() != Some(&b'\n');
            let record = serde_json::from_slice::<Record>(&text)
                .ok()
                .filter(|r| r.record_version == RECORD_VERSION);
            match record {
                Some(r) => {
                    let place = (line, at, u32::try_from(len).unwrap_or(u32::MAX));
                    let known = Known::from_record(&r, place, &mut paths);
                    if self.known.insert(r.key, known).is_some() {
                        self.compact = false;
                    }
                }
                None => self.compact = false,
            }
            line += 1;
            at += len as u64;
        }
        self.known.shrink_to_fit();
        Ok(())
    }

    /// The record of `known` as the manifest holds it, read back from its
    /// place in the file (which this run only ever appends to).
    pub fn record_of(&self, known: &Known) -> std::io::Result<Record> {
        let mut text = vec![0; known.len as usize];
        read_exact_at(&self.file, &self.path, &mut text, known.at)?;
        serde_json::from_slice(&text).map_err(std::io::Error::other)
    }

    /// Appends a changed record (a [`line`] of it), in one write: a killed
    /// run leaves whole lines, or a last line cut short that the next run
    /// skips.
    pub fn journal(&self, line: &[u8]) -> Result<()> {
        let mut torn = self
            .ends_inside_line
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let written = if *torn {
            (&self.file).write_all(&[b"\n", line].concat())
        } else {
            (&self.file).write_all(line)
        };
        written.map_err(|e| {
            Error::one(Diagnostic::new(
                &self.path,
                tr!(
                    "batch-manifest-unsaved",
                    reason = crate::input::io_reason(&e)
                ),
            ))
        })?;
        *torn = false;
        Ok(())
    }

    /// The lines of the manifest with these numbers, as they are.
    pub fn lines(&self, wanted: &[u32]) -> std::io::Result<Vec<String>> {
        let mut reader = BufReader::new(&self.file);
        reader.rewind()?;
        let mut out = Vec::with_capacity(wanted.len());
        for (n, line) in reader.lines().enumerate() {
            let line = line?;
            if u32::try_from(n).is_ok_and(|n| wanted.binary_search(&n).is_ok()) {
                out.push(line);
            }
        }
        Ok(out)
    }
}

#[cfg(unix)]
fn read_exact_at(file: &File, _path: &Path, buf: &mut [u8], at: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, at)
}

/// Elsewhere, through a handle of its own (the run's handle is shared by
/// threads; its position is not theirs to move). The path names this very
/// file until the run ends.
#[cfg(not(unix))]
fn read_exact_at(_file: &File, path: &Path, buf: &mut [u8], at: u64) -> std::io::Result<()> {
    use std::io::{Read, SeekFrom};
    let mut own = File::open(path)?;
    own.seek(SeekFrom::Start(at))?;
    own.read_exact(buf)
}

fn same_file(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), std::fs::symlink_metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (file, path);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_record_of_a_letter_wins_and_a_torn_line_is_skipped() {
        let dir = std::env::temp_dir().join(format!("zhauap-manifest-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let line = |key: &str, pages: u32| {
            format!(
                r#"{{"record_version":2,"key":"{key}","input":{{"path":"x","sha256":null}},"files":[],"templates":"{z}","defaults":null,"data_row":null,"version":"0","cache_key":null,"output":null,"pages":{pages},"status":"failed","problems":[]}}"#,
                z = "0".repeat(64)
            )
        };
        let text = format!(
            "{}\n{}\n{}\n{{\"record_ver",
            line("a", 1),
            line("b", 1),
            line("a", 2)
        );
        std::fs::write(dir.join(MANIFEST), &text).unwrap();
        let m = Manifest::open(&dir, MANIFEST).unwrap();
        assert!(!m.compact);
        assert_eq!(m.known.len(), 2);
        assert_eq!(m.known["a"].line, 2);
        // The rest of a record is read back from its place.
        assert_eq!(m.record_of(&m.known["a"]).unwrap().pages, Some(2));
        assert_eq!(m.record_of(&m.known["b"]).unwrap().key, "b");
        assert_eq!(m.lines(&[1]).unwrap(), [line("b", 1)]);
        // The journal starts on a line of its own after the torn one.
        let record: Record = serde_json::from_str(&line("c", 1)).unwrap();
        m.journal(&super::line(&record)).unwrap();
        let after = std::fs::read_to_string(dir.join(MANIFEST)).unwrap();
        assert!(
            after.ends_with(&format!("{{\"record_ver\n{}\n", line("c", 1))),
            "{after}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
