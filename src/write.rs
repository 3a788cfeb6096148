//! Writing output files safely: to a temporary file in the target folder,
//! then renamed into place, so a failure never leaves a half-written file and
//! never touches an existing one.
//!
//! The temporary file is created exclusively (`O_EXCL`: an existing file or
//! a symbolic link planted under its name makes the open fail rather than be
//! followed) under an unpredictable name, so someone who can write to a
//! shared output folder cannot redirect the output. The target itself may
//! only be a regular file or absent: a device, a FIFO or a folder is never
//! replaced, and a symbolic link only when the user named it ([`atomic_named`]).

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Error, Result};
use crate::tr;

/// Writes `bytes` to `path` through a temporary file, flushed to disk
/// before it is renamed into place. `path` must not be a symbolic link: the
/// outputs a program derives (a batch's files, its manifest) could be
/// redirected by a link someone planted.
pub fn atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_renamed(path, bytes, true)
}

/// [`atomic`] for a path the user typed (`-o`, `--report`): a symbolic link
/// there is the user's choice, and the file it points to is replaced.
pub fn atomic_named(path: &Path, bytes: &[u8]) -> Result<()> {
    let target = check_target(path, Links::Follow)?;
    write_renamed(&target, bytes, true)
}

/// Writes `bytes` for `path` under a temporary name, to be put in place
/// by [`Unplaced::place`] (or removed, dropped): a batch's worker writes the
/// letter it rendered, and the batch puts it in place once it keeps the
/// letter. The flush to disk is left to one [`flush_filesystem`] call after
/// many files: a batch spent about a twentieth of its CPU time and most of
/// its disk waits in one `fsync` a letter. Where `syncfs` is not available,
/// each file is flushed as by [`atomic`]. Returns the file's metadata too.
pub fn unplaced(path: &Path, bytes: &[u8]) -> Result<(Unplaced, std::fs::Metadata)> {
    let mut staged = Staged::new(path)?;
    staged
        .write_all(bytes)
        .map_err(|e| write_failure(path, Step::Writing, &e))?;
    staged.unplaced(!CAN_SYNC_FILESYSTEM)
}

/// A file written whole under its temporary name beside its target: put in
/// place by [`Unplaced::place`]; dropped, it is removed, so a letter refused
/// after it was written (or a fault) leaves nothing.
#[derive(Debug)]
pub struct Unplaced {
    path: PathBuf,
    /// None once placed or handed over.
    tmp: Option<PathBuf>,
}

impl Unplaced {
    /// The temporary file `tmp` another process wrote for `path` (see
    /// [`Unplaced::hand_over`]); None unless it is one of this module's
    /// temporary names in `path`'s folder, so a confused answer cannot make
    /// the batch rename or remove any other file.
    pub fn adopt(path: &Path, tmp: PathBuf) -> Option<Unplaced> {
        // As [`Staged::new`] names it: a bare file name is in `.`.
        let folder = |p: &Path| {
            p.parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(Path::new("."))
                .to_path_buf()
        };
        let ours = folder(&tmp) == folder(path)
            && path
                .file_name()
                .zip(tmp.file_name())
                .is_some_and(|(target, name)| is_temp_of(target, name));
        ours.then(|| Unplaced {
            path: path.to_path_buf(),
            tmp: Some(tmp),
        })
    }

    /// The temporary file, left for the process that adopts it.
    pub fn hand_over(mut self) -> PathBuf {
        self.tmp.take().unwrap_or_default()
    }

    /// Renames the file into place.
    pub fn place(mut self) -> Result<()> {
        let Some(tmp) = self.tmp.take() else {
            return Ok(());
        };
        std::fs::rename(&tmp, &self.path).map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            write_failure(&self.path, Step::Renaming, &e)
        })
    }
}

impl Drop for Unplaced {
    fn drop(&mut self) {
        if let Some(tmp) = self.tmp.take() {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Links {
    Refuse,
    Follow,
}

/// What the output path holds now: nothing or a regular file may be
/// replaced. Returns the path to write (a named link's target).
fn check_target(path: &Path, links: Links) -> Result<PathBuf> {
    let refuse =
        |what: String, help: String| Err(Error::one(Diagnostic::new(path, what).with_help(help)));
    let meta = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        // Absent (or unreadable: the write will say why).
        Err(_) => return Ok(path.to_path_buf()),
    };
    let kind = meta.file_type();
    if kind.is_symlink() {
        return match links {
            Links::Refuse => refuse(tr!("output-is-link"), tr!("output-is-link-help")),
            Links::Follow => match std::fs::canonicalize(path) {
                Ok(target) => check_target(&target, Links::Refuse).map(|_| target),
                Err(_) => refuse(
                    tr!("output-is-dangling-link"),
                    tr!("output-is-dangling-link-help"),
                ),
            },
        };
    }
    if kind.is_dir() {
        return refuse(tr!("output-is-folder"), tr!("output-is-folder-help"));
    }
    if !kind.is_file() {
        return refuse(tr!("output-is-special"), tr!("output-is-special-help"));
    }
    Ok(path.to_path_buf())
}

/// The prefix and suffix of every temporary file, so that a later run can
/// tell its own strays (from a killed run) from the user's files.
const TEMP_PREFIX: &str = ".";
const TEMP_SUFFIX: &str = ".tmp";

/// An unpredictable temporary name for the file `target`:
/// `.TARGET.PID-RANDOM.tmp`, with the process id (a later run removes the
/// temps of processes that are gone) and 64 random bits. The target's name
/// is cut, at a character, so that the whole fits in 255 bytes.
fn temp_name(target: &std::ffi::OsStr) -> String {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    // RandomState is keyed from the operating system's random source.
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    if let Ok(t) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        h.write_u128(t.as_nanos());
    }
    let middle = format!("{}-{:016x}", std::process::id(), h.finish());
    let name = target.to_string_lossy();
    let room = MAX_NAME_BYTES - (TEMP_PREFIX.len() + 1 + middle.len() + TEMP_SUFFIX.len());
    let mut cut = name.len().min(room);
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{TEMP_PREFIX}{}.{middle}{TEMP_SUFFIX}", &name[..cut])
}

/// The longest file name most filesystems take.
const MAX_NAME_BYTES: usize = 255;

/// The process id and random part of a temporary file's name, and the
/// (possibly cut) target name before them.
fn temp_parts(candidate: &str) -> Option<(&str, u32)> {
    let inner = candidate
        .strip_prefix(TEMP_PREFIX)?
        .strip_suffix(TEMP_SUFFIX)?;
    let (target, middle) = inner.rsplit_once('.')?;
    // Versions before the random part wrote `.TARGET.PID.tmp`: their strays
    // are recognised too.
    let (pid, random) = middle
        .split_once('-')
        .unwrap_or((middle, "0123456789abcdef"));
    (random.len() == 16 && random.bytes().all(|b| b.is_ascii_hexdigit())).then_some(())?;
    Some((target, pid.parse().ok()?))
}

/// Removes, from `dir`, the temporary files of runs that were killed
/// (their process is gone); a live run's temps are left alone. Returns how
/// many were removed. Linux only: elsewhere it cannot tell and removes none.
pub fn remove_stale_temps(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some((_, pid)) = name.to_str().and_then(temp_parts) else {
            continue;
        };
        let gone = cfg!(target_os = "linux")
            && !Path::new(&format!("/proc/{pid}")).exists()
            && pid != std::process::id();
        let regular = entry.file_type().is_ok_and(|t| t.is_file());
        if gone && regular && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Removes the temporary files for `output` that the process `pid` (a
/// batch's worker, now dead) left beside it. Returns how many.
pub fn remove_temps_of(output: &Path, pid: u32) -> usize {
    let (Some(dir), Some(target)) = (output.parent(), output.file_name()) else {
        return 0;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let by_it = name
            .to_str()
            .and_then(temp_parts)
            .is_some_and(|(_, p)| p == pid);
        let regular = entry.file_type().is_ok_and(|t| t.is_file());
        if by_it
            && regular
            && is_temp_of(target, &name)
            && std::fs::remove_file(entry.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

/// Creates a new temporary file in `dir` for `target`, never opening an
/// existing one.
fn create_temp(dir: &Path, target: &Path) -> std::io::Result<(PathBuf, std::fs::File)> {
    let name = target.file_name().unwrap_or(std::ffi::OsStr::new("out"));
    let mut last = None;
    for _ in 0..16 {
        let tmp = dir.join(temp_name(name));
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(all(target_os = "linux", target_env = "gnu"))]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.custom_flags(libc::O_NOFOLLOW);
        }
        match options.open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no free temporary name")))
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
                    tr!("output-flush-failed", reason = crate::input::io_reason(&e)),
                )
                .with_help(tr!("output-flush-failed-help")),
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
        .map_err(|e| write_failure(path, Step::Writing, &e))?;
    staged.commit(flush)
}

/// The step of writing an output that failed.
#[derive(Clone, Copy)]
enum Step {
    Writing,
    CreatingTemp,
    Flushing,
    Renaming,
}

fn write_failure(path: &Path, step: Step, e: &std::io::Error) -> Error {
    let step = match step {
        Step::Writing => tr!("output-step-writing"),
        Step::CreatingTemp => tr!("output-step-creating-temp"),
        Step::Flushing => tr!("output-step-flushing"),
        Step::Renaming => tr!("output-step-renaming"),
    };
    Error::one(
        Diagnostic::new(
            path,
            tr!(
                "output-write-failed",
                step = step,
                reason = crate::input::io_reason(e)
            ),
        )
        .with_help(tr!("output-write-failed-help")),
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
        check_target(path, Links::Refuse)?;
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        if !dir.is_dir() {
            return Err(Error::one(
                Diagnostic::new(path, tr!("output-no-folder"))
                    .with_help(tr!("output-no-folder-help")),
            ));
        }
        let (tmp, file) =
            create_temp(dir, path).map_err(|e| write_failure(path, Step::CreatingTemp, &e))?;
        Ok(Staged {
            path: path.to_path_buf(),
            tmp,
            file: Some(std::io::BufWriter::new(file)),
        })
    }

    /// Writes the file out, flushed to disk first when `flush`, and leaves
    /// it under its temporary name.
    fn unplaced(mut self, flush: bool) -> Result<(Unplaced, std::fs::Metadata)> {
        let Some(file) = self.file.take() else {
            return Err(write_failure(
                &self.path,
                Step::Writing,
                &std::io::ErrorKind::BrokenPipe.into(),
            ));
        };
        let unplaced = Unplaced {
            path: std::mem::take(&mut self.path),
            tmp: Some(std::mem::take(&mut self.tmp)),
        };
        // From here on, a failure removes the file as `unplaced` is dropped.
        let file = file
            .into_inner()
            .map_err(|e| write_failure(&unplaced.path, Step::Writing, e.error()))?;
        if flush {
            file.sync_all()
                .map_err(|e| write_failure(&unplaced.path, Step::Flushing, &e))?;
        }
        let meta = file
            .metadata()
            .map_err(|e| write_failure(&unplaced.path, Step::Writing, &e))?;
        Ok((unplaced, meta))
    }

    /// Puts the file in place, flushed to disk first when `flush`.
    pub fn commit(mut self, flush: bool) -> Result<()> {
        let Some(file) = self.file.take() else {
            return Ok(());
        };
        let result = (|| {
            let file = file
                .into_inner()
                .map_err(|e| write_failure(&self.path, Step::Writing, e.error()))?;
            if flush {
                file.sync_all()
                    .map_err(|e| write_failure(&self.path, Step::Flushing, &e))?;
            }
            std::fs::rename(&self.tmp, &self.path)
                .map_err(|e| write_failure(&self.path, Step::Renaming, &e))
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

/// Whether `candidate` (a file name in the same folder) is a temporary file
/// made for `target` (a file name) by this module: what a killed run leaves.
pub fn is_temp_of(target: &std::ffi::OsStr, candidate: &std::ffi::OsStr) -> bool {
    let (Some(target), Some(candidate)) = (target.to_str(), candidate.to_str()) else {
        return false;
    };
    // A cut name is a prefix of its target and fills the name to its limit.
    temp_parts(candidate).is_some_and(|(name, _)| {
        name == target
            || (target.starts_with(name)
                && candidate.len() + 4 > MAX_NAME_BYTES
                && !name.is_empty())
    })
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
            Diagnostic::new(output, tr!("output-overwrites-letter"))
                .with_help(tr!("output-overwrites-letter-help")),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::FileTypeExt;

    #[test]
    fn deferred_writes_land_whole_and_flush_succeeds() {
        let dir = std::env::temp_dir().join(format!("zhauap-write-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("a.pdf");
        atomic(&path, b"old").unwrap();
        let (unplaced, meta) = super::unplaced(&path, b"new contents").unwrap();
        assert_eq!(meta.len(), 12);
        // Not in place until placed.
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        unplaced.place().unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new contents");
        flush_filesystem(&dir).unwrap();
        // Dropped unplaced (a refused letter), nothing is left or replaced.
        drop(super::unplaced(&path, b"refused").unwrap());
        assert_eq!(std::fs::read(&path).unwrap(), b"new contents");
        // Handed over to another process, and adopted back: only a
        // temporary file of the target's own folder can be adopted.
        let (unplaced, _) = super::unplaced(&path, b"from a worker").unwrap();
        let tmp = unplaced.hand_over();
        assert!(tmp.exists());
        assert!(Unplaced::adopt(&dir.join("other.pdf"), tmp.clone()).is_none());
        assert!(Unplaced::adopt(&path, dir.join("a.pdf")).is_none());
        // An output named without a folder has its temporary file in `.`.
        let bare = PathBuf::from(format!("./{}", temp_name("a.pdf".as_ref())));
        let adopted = Unplaced::adopt(Path::new("a.pdf"), bare.clone());
        assert_eq!(adopted.map(Unplaced::hand_over), Some(bare));
        Unplaced::adopt(&path, tmp).unwrap().place().unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"from a worker");
        // Only the output is left: no temporary file.
        let names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["a.pdf"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("zhauap-write-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_dead_worker_s_temporary_file_goes_and_no_other() {
        let dir = scratch("dead-worker");
        let output = dir.join("a.pdf");
        let its = dir.join(".a.pdf.4294967295-0123456789abcdef.tmp");
        // Another output's, by the same number (another machine's process
        // on a shared folder), and this output's by another process.
        let other_output = dir.join(".b.pdf.4294967295-0123456789abcdef.tmp");
        let other_process = dir.join(".a.pdf.4294967294-0123456789abcdef.tmp");
        for f in [&its, &other_output, &other_process] {
            std::fs::write(f, b"").unwrap();
        }
        assert_eq!(remove_temps_of(&output, 4294967295), 1);
        assert!(!its.exists() && other_output.exists() && other_process.exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn special_files_and_unnamed_links_are_never_replaced() {
        let dir = scratch("special");
        let fifo = dir.join("fifo.pdf");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        let e = atomic(&fifo, b"x").unwrap_err().render(false);
        assert!(e.contains("special file"), "{e}");
        let e = atomic_named(&fifo, b"x").unwrap_err().render(false);
        assert!(e.contains("special file"), "{e}");
        assert!(
            std::fs::symlink_metadata(&fifo)
                .unwrap()
                .file_type()
                .is_fifo()
        );
        let victim = dir.join("victim.txt");
        std::fs::write(&victim, b"keep").unwrap();
        let link = dir.join("out.pdf");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        let e = atomic(&link, b"x").unwrap_err().render(false);
        assert!(e.contains("symbolic link"), "{e}");
        assert_eq!(std::fs::read(&victim).unwrap(), b"keep");
        // Named by the user: the file the link points to is replaced.
        atomic_named(&link, b"new").unwrap();
        assert_eq!(std::fs::read(&victim).unwrap(), b"new");
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_255_byte_output_name_is_written() {
        let dir = scratch("long");
        let path = dir.join(format!("{}.pdf", "я".repeat(125)));
        assert_eq!(path.file_name().unwrap().len(), 254);
        atomic(&path, b"pdf").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"pdf");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn temp_names_are_unpredictable_and_stale_ones_are_removed() {
        let n = std::ffi::OsStr::new("a.pdf");
        assert_ne!(temp_name(n), temp_name(n));
        assert!(is_temp_of(n, temp_name(n).as_ref()));
        let long = "я".repeat(127);
        let cut = temp_name(long.as_ref());
        assert!(
            cut.len() <= MAX_NAME_BYTES && is_temp_of(long.as_ref(), cut.as_ref()),
            "{cut}"
        );
        let dir = scratch("stale");
        let dead = dir.join(".a.pdf.4294967295-0123456789abcdef.tmp");
        let live = dir.join(temp_name(n));
        let mine = dir.join(".notes.tmp");
        for f in [&dead, &live, &mine] {
            std::fs::write(f, b"").unwrap();
        }
        assert_eq!(
            remove_stale_temps(&dir),
            usize::from(cfg!(target_os = "linux"))
        );
        assert!(live.exists() && mine.exists());
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
