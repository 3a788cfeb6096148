//! Writing output files safely: to a temporary file in the target folder,
//! then renamed into place, so a failure never leaves a half-written file and
//! never touches an existing one.

use std::io::Write;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Error, Result};

/// Writes `bytes` to `path` through a temporary file, flushed to disk
/// before it is renamed into place.
pub fn atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_renamed(path, bytes, true)
}

/// Like [`atomic`], but the flush to disk is left to one
/// [`flush_filesystem`] call after many files: a batch spent about a
/// twentieth of its CPU time and most of its disk waits in one `fsync` a
/// letter. Renaming still means an interrupted run leaves no partial file.
/// Where `syncfs` is not available, each file is flushed as by [`atomic`].
pub fn atomic_deferred(path: &Path, bytes: &[u8]) -> Result<()> {
    write_renamed(path, bytes, !CAN_SYNC_FILESYSTEM)
}

const CAN_SYNC_FILESYSTEM: bool = cfg!(all(target_os = "linux", target_env = "gnu"));

/// Flushes every file written to the filesystem that holds `dir`: the end
/// of a batch, before its manifest records the outputs as written.
pub fn flush_filesystem(dir: &Path) -> Result<()> {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        use std::os::fd::AsRawFd;
        let fail = |e: std::io::Error| {
            Error::one(
                Diagnostic::new(
                    dir,
                    format!(
                        "cannot flush the outputs to disk: {}",
                        crate::input::io_reason(&e)
                    ),
                )
                .with_help("check the disk; the files are written but may not survive a power cut"),
            )
        };
        let folder = std::fs::File::open(dir).map_err(fail)?;
        // SAFETY: syncfs only reads the descriptor, which `folder` keeps
        // open for the duration of the call.
        if unsafe { libc::syncfs(folder.as_raw_fd()) } != 0 {
            return Err(fail(std::io::Error::last_os_error()));
        }
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    let _ = dir;
    Ok(())
}

fn write_renamed(path: &Path, bytes: &[u8], flush: bool) -> Result<()> {
    let mut staged = Staged::new(path)?;
    staged
        .write_all(bytes)
        .map_err(|e| write_failure(path, "writing", &e))?;
    staged.commit(flush)
}

fn write_failure(path: &Path, what: &str, e: &std::io::Error) -> Error {
    Error::one(
        Diagnostic::new(
            path,
            format!(
                "cannot write the output: {what}: {}",
                crate::input::io_reason(e)
            ),
        )
        .with_help("check that the output folder exists and is writable"),
    )
}

/// A file being written through a temporary file in its target folder:
/// [`Staged::commit`] renames it into place; dropped uncommitted, the
/// temporary file is removed. For files written piece by piece, such as a
/// batch's manifest and report.
pub struct Staged {
    path: std::path::PathBuf,
    tmp: std::path::PathBuf,
    file: Option<std::io::BufWriter<std::fs::File>>,
}

impl Staged {
    pub fn new(path: &Path) -> Result<Staged> {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        if !dir.is_dir() {
            return Err(Error::one(
                Diagnostic::new(path, "cannot write the output: the folder does not exist")
                    .with_help("create the folder first, or choose another with -o"),
            ));
        }
        let tmp = temp_path(dir, path);
        let file = std::fs::File::create(&tmp)
            .map_err(|e| write_failure(path, "creating a temporary file", &e))?;
        Ok(Staged {
            path: path.to_path_buf(),
            tmp,
            file: Some(std::io::BufWriter::new(file)),
        })
    }

    /// Puts the file in place, flushed to disk first when `flush`.
    pub fn commit(mut self, flush: bool) -> Result<()> {
        let Some(file) = self.file.take() else {
            return Ok(());
        };
        let result = (|| {
            let file = file
                .into_inner()
                .map_err(|e| write_failure(&self.path, "writing", e.error()))?;
            if flush {
                file.sync_all()
                    .map_err(|e| write_failure(&self.path, "flushing", &e))?;
            }
            std::fs::rename(&self.tmp, &self.path)
                .map_err(|e| write_failure(&self.path, "renaming into place", &e))
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&self.tmp);
        }
        result
    }
}

impl Write for Staged {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match &mut self.file {
            Some(f) => f.write(buf),
            None => Ok(0),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.file {
            Some(f) => f.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if self.file.take().is_some() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

/// The temporary file for `path` in `dir`: hidden, named after the target,
/// ending in `.tmp` (see [`is_temp_of`]).
fn temp_path(dir: &Path, path: &Path) -> std::path::PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    dir.join(format!(".{name}.{}.tmp", std::process::id()))
}

/// Whether `candidate` (a file name in the same folder) is a temporary file
/// made for `target` (a file name) by this module: what a killed run leaves.
pub fn is_temp_of(target: &std::ffi::OsStr, candidate: &std::ffi::OsStr) -> bool {
    let (Some(target), Some(candidate)) = (target.to_str(), candidate.to_str()) else {
        return false;
    };
    candidate
        .strip_prefix('.')
        .and_then(|c| c.strip_prefix(target))
        .and_then(|c| c.strip_prefix('.'))
        .and_then(|c| c.strip_suffix(".tmp"))
        .is_some_and(|middle| !middle.is_empty() && !middle.contains('.'))
}

/// Refuses an output path that is the input file itself (`-o letter.yaml`,
/// or a letter named `x.pdf`): rendering must never destroy the letter.
pub fn not_the_input(input: &Path, output: &Path) -> Result<()> {
    let same = match (std::fs::canonicalize(input), std::fs::canonicalize(output)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same {
        return Err(Error::one(
            Diagnostic::new(output, "the output would overwrite the letter itself")
                .with_help("choose another output file with -o"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deferred_writes_land_whole_and_flush_succeeds() {
        let dir = std::env::temp_dir().join(format!("zhauap-write-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("a.pdf");
        atomic(&path, b"old").unwrap();
        atomic_deferred(&path, b"new contents").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new contents");
        flush_filesystem(&dir).unwrap();
        // Only the output is left: no temporary file.
        let names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["a.pdf"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn temp_files_are_recognised_by_their_target() {
        let dir = std::env::temp_dir().join(format!("zhauap-staged-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("b.pdf");
        let mut staged = Staged::new(&path).unwrap();
        staged.write_all(b"part").unwrap();
        let tmp_name = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .next()
            .unwrap();
        assert!(is_temp_of("b.pdf".as_ref(), &tmp_name));
        assert!(!is_temp_of("a.pdf".as_ref(), &tmp_name));
        assert!(!is_temp_of("b".as_ref(), &tmp_name));
        assert!(!is_temp_of("b.pdf".as_ref(), "b.pdf".as_ref()));
        // Dropped uncommitted: nothing is left.
        drop(staged);
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
        let mut staged = Staged::new(&path).unwrap();
        staged.write_all(b"whole").unwrap();
        staged.commit(false).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"whole");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn flushing_a_missing_folder_is_an_error_naming_it() {
        let missing = Path::new("/nonexistent-zhauap-folder");
        if CAN_SYNC_FILESYSTEM {
            let e = flush_filesystem(missing).unwrap_err();
            assert!(e.render(false).contains("nonexistent-zhauap-folder"));
        } else {
            assert!(flush_filesystem(missing).is_ok());
        }
    }
}
