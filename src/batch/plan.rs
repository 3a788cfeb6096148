//! Which letters a batch renders and where each output goes: the inputs
//! found, the common root, the shard taken, and every output checked so that
//! a batch never writes over an input, a special file or a link.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::inputs::{Found, absolute, find, narrow};
use super::manifest::{MANIFEST, Manifest};
use super::record::FileStat;
use super::shard::Shard;
use crate::Format;
use crate::diagnostic::{Diagnostic, Error, Result};
use crate::tr;

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
}

impl Job {
    /// A job holding no more memory than its paths take: the plan is kept
    /// for the whole run, and its size is most of what a batch holds per
    /// letter (issue 20).
    pub fn new(letter: PathBuf, relative: String, output: PathBuf) -> Job {
        Job {
            letter: letter.into_boxed_path().into(),
            relative: relative.into_boxed_str().into(),
            output: output.into_boxed_path().into(),
        }
    }
}

/// The letters of a batch, in the order of their relative paths.
#[derive(Debug)]
pub struct Plan {
    pub jobs: Vec<Job>,
    /// The common folder of the inputs, mirrored by the output folder.
    pub root: PathBuf,
    pub out_dir: PathBuf,
    pub format: Format,
    /// The shard taken, if any.
    pub shard: Option<Shard>,
    /// Letters found but left to other shards.
    pub other_shards: usize,
    /// Every letter found, in any shard, by a hash of its relative path:
    /// an output is pruned only when its letter is in no shard.
    found: Vec<u64>,
    /// The letter files, by file identity, sorted: no output may be one of
    /// them.
    letter_ids: Vec<FileId>,
    /// Files found but left out as defaults files of other letters.
    pub defaults: Vec<PathBuf>,
    /// The manifest of an earlier run, opened and locked by the planning
    /// (which reads what it says of the letters) for the run to take.
    previous: Previous,
}

/// A manifest passed from the planning to the run.
#[derive(Default)]
struct Previous(std::sync::Mutex<Option<Manifest>>);

impl std::fmt::Debug for Previous {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Previous")
    }
}

impl Plan {
    /// The name of the manifest of this plan's shard.
    pub(super) fn manifest_name(&self) -> String {
        manifest_name(self.shard)
    }

    /// The manifest the planning opened, if it found one (once).
    pub(super) fn take_manifest(&self) -> Option<Manifest> {
        self.previous
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take()
    }

    /// Whether a letter with this relative path was found, in any shard.
    pub fn has_letter(&self, relative: &str) -> bool {
        self.found.binary_search(&path_hash(relative)).is_ok()
    }

    /// Refuses a file the batch would write besides its outputs (the
    /// report): not a letter, not a special file, not a link.
    pub fn check_extra_output(&self, path: &Path) -> Result<()> {
        match output_problem(path, &self.letter_ids) {
            Some(d) => Err(Error::one(d)),
            None => Ok(()),
        }
    }
}

/// The 8 bytes a plan keeps of a letter's relative path.
pub(super) fn path_hash(relative: &str) -> u64 {
    let h = Sha256::digest(relative.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&h[..8]);
    u64::from_le_bytes(first)
}

/// A file's identity on its file system (device and inode), to recognise
/// one file under two names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct FileId(u64, u64);

impl FileId {
    /// None where the platform gives no identity (then only the paths
    /// themselves are compared, by `write::not_the_input` in `render`).
    fn of(meta: &std::fs::Metadata) -> Option<FileId> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Some(FileId(meta.dev(), meta.ino()))
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            None
        }
    }
}

/// Finds the letters of `inputs` (files, folders, globs) and `listed`
/// (the files of `--files-from`), and where each output goes. Refuses,
/// before anything is rendered: inputs that do not exist, are not regular
/// files or hold no letter; two letters that would write the same output;
/// an output that is a letter, a special file or a link.
///
/// The manifest of an earlier run in `out_dir`, if any, is opened (and
/// locked) here: a letter whose file it saw as it is now (size, times,
/// inode) is not read to learn which defaults files it names, unless
/// `verify`.
pub fn plan(
    inputs: &[PathBuf],
    listed: &[PathBuf],
    out_dir: &Path,
    format: Format,
    shard: Option<Shard>,
    verify: bool,
) -> Result<Plan> {
    let cwd = std::env::current_dir().map_err(|e| {
        Error::one(Diagnostic::new(
            Path::new("."),
            tr!("batch-cwd-unreadable", reason = crate::input::io_reason(&e)),
        ))
    })?;
    let mut problems = Vec::new();
    let Found {
        letters: found,
        root,
    } = find(&cwd, inputs, listed, &mut problems);
    let mut root = root;
    let mut letter_ids = Vec::with_capacity(found.len());
    let mut found_stats = Vec::with_capacity(found.len());
    for f in found {
        if let Some(parent) = absolute(&cwd, &f).parent() {
            narrow(&mut root, parent);
        }
        let meta = std::fs::metadata(&f).ok();
        if let Some(id) = meta.as_ref().and_then(FileId::of) {
            letter_ids.push(id);
        }
        let stat = meta.as_ref().and_then(FileStat::of);
        found_stats.push((f, stat.map_or(0, |s| s.fingerprint())));
    }
    letter_ids.sort_unstable();
    letter_ids.dedup();
    let root = root.unwrap_or_else(|| cwd.clone());
    let previous = Manifest::open_existing(out_dir, &manifest_name(shard))?;
    // What the manifest says a letter names, when it saw the file as it
    // is now: the planning does not read it.
    let recorded = |letter: &Path, stat: &u64| {
        let known = previous
            .as_ref()?
            .known
            .get(&relative_key(&cwd, &root, letter))?;
        (!verify && *stat != 0 && known.letter_stat == *stat)
            .then(|| known.defaults_file.as_deref().map(Path::to_path_buf))
    };
    let (found, defaults) = super::defaults::split(&cwd, found_stats, recorded);

    let mut jobs = Vec::with_capacity(found.len());
    let mut all = Vec::with_capacity(found.len());
    for (letter, _) in found {
        let relative = relative_key(&cwd, &root, &letter);
        all.push(path_hash(&relative));
        if shard.is_some_and(|s| !s.takes(&relative)) {
            continue;
        }
        let abs = absolute(&cwd, &letter);
        let below = abs.strip_prefix(&root).unwrap_or(&abs);
        let output = out_dir.join(below).with_extension(format.extension());
        jobs.push(Job::new(letter, relative, output));
    }
    // One job per letter file, however many inputs name it.
    jobs.sort_by(|a, b| a.relative.cmp(&b.relative));
    jobs.dedup_by(|a, b| a.relative == b.relative);
    jobs.shrink_to_fit();
    all.sort_unstable();
    all.dedup();
    let other_shards = all.len().saturating_sub(jobs.len());

    let mut by_output: Vec<usize> = (0..jobs.len()).collect();
    by_output.sort_by(|&a, &b| jobs[a].output.cmp(&jobs[b].output));
    for pair in by_output.windows(2) {
        let (first, second) = (&jobs[pair[0]], &jobs[pair[1]]);
        if first.output == second.output {
            problems.push(
                Diagnostic::new(
                    &second.letter,
                    tr!(
                        "batch-same-output",
                        other = first.letter.display().to_string(),
                        output = second.output.display().to_string()
                    ),
                )
                .with_help(tr!("batch-same-output-help")),
            );
        }
    }
    drop(by_output);
    let mut checked_dirs = HashSet::new();
    for job in &jobs {
        if let Some(d) = folder_problem(out_dir, Path::new(&job.relative), &mut checked_dirs)
            .or_else(|| output_problem(&job.output, &letter_ids))
        {
            problems.push(d);
        }
    }
    if !problems.is_empty() {
        return Err(Error {
            diagnostics: problems,
        });
    }
    drop(checked_dirs);
    crate::process::release_freed_memory();
    Ok(Plan {
        jobs,
        root,
        out_dir: out_dir.to_path_buf(),
        format,
        shard,
        other_shards,
        found: all,
        letter_ids,
        defaults,
        previous: Previous(std::sync::Mutex::new(previous)),
    })
}

/// The name of a shard's manifest.
fn manifest_name(shard: Option<Shard>) -> String {
    shard.map_or_else(|| MANIFEST.to_owned(), |s| s.manifest_name())
}

/// A letter's path below `root`, with `/` separators: its key in the
/// manifest and for the shards.
fn relative_key(cwd: &Path, root: &Path, letter: &Path) -> String {
    let abs = absolute(cwd, letter);
    let below = abs.strip_prefix(root).unwrap_or(&abs);
    below
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

impl Plan {
    /// The plan of a mail merge: `jobs` render rows of one letter; `found`
    /// holds the [`path_hash`] of every row's relative path, in any shard.
    pub(super) fn of_rows(
        jobs: Vec<Job>,
        letter: &Path,
        out_dir: &Path,
        format: Format,
        shard: Option<Shard>,
        mut found: Vec<u64>,
    ) -> Result<Plan> {
        let letter_ids: Vec<FileId> = std::fs::metadata(letter)
            .ok()
            .as_ref()
            .and_then(FileId::of)
            .into_iter()
            .collect();
        let problems: Vec<Diagnostic> = jobs
            .iter()
            .filter_map(|j| output_problem(&j.output, &letter_ids))
            .collect();
        if !problems.is_empty() {
            return Err(Error {
                diagnostics: problems,
            });
        }
        found.sort_unstable();
        Ok(Plan {
            other_shards: found.len() - jobs.len(),
            jobs,
            root: letter.parent().unwrap_or(Path::new("")).to_path_buf(),
            out_dir: out_dir.to_path_buf(),
            format,
            shard,
            found,
            letter_ids,
            defaults: Vec::new(),
            previous: Previous::default(),
        })
    }
}

/// Why `path`, where the batch would write, must not be written: it is a
/// letter of the batch, a special file (a device, a pipe) or a symbolic
/// link. A rename would replace it (as root, `/dev/null` itself).
fn output_problem(path: &Path, letters: &[FileId]) -> Option<Diagnostic> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    let why = if meta.file_type().is_symlink() {
        tr!("batch-output-is-link")
    } else if !meta.is_file() {
        tr!("batch-output-is-special")
    } else if FileId::of(&meta).is_some_and(|id| letters.binary_search(&id).is_ok()) {
        tr!("batch-output-is-letter")
    } else {
        return None;
    };
    Some(Diagnostic::new(path, why).with_help(tr!("batch-output-help")))
}

/// A symbolic link among the folders between `out_dir` and an output
/// (`below`, the letter's place below the root): outputs would land
/// outside the output folder. `out_dir` itself was named by the user and
/// may be a link. Each folder is looked at once.
fn folder_problem(
    out_dir: &Path,
    below: &Path,
    checked: &mut HashSet<PathBuf>,
) -> Option<Diagnostic> {
    let mut dir = out_dir.to_path_buf();
    let parent = below.parent()?;
    for c in parent.components() {
        dir.push(c);
        if !checked.insert(dir.clone()) {
            continue;
        }
        match std::fs::symlink_metadata(&dir) {
            Ok(m) if m.file_type().is_symlink() || !m.is_dir() => {
                return Some(
                    Diagnostic::new(&dir, tr!("batch-output-folder-is-link"))
                        .with_help(tr!("batch-output-folder-is-link-help")),
                );
            }
            Ok(_) => {}
            // Missing: created when the output is written, and so are the
            // folders below it.
            Err(_) => break,
        }
    }
    None
}
