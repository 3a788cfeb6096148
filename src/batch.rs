//! Batch regeneration: many letters in one process, in parallel, skipping
//! those whose output is already up to date.
//!
//! - **Inputs** are letter files, folders (searched recursively for
//!   `*.yaml`) and globs. The output folder mirrors the input folders below
//!   their common root: `in/a/b.yaml` → `OUT/a/b.pdf`.
//! - **Sharing:** one [`Engine`] (templates) and the process-wide fonts and
//!   hyphenation patterns serve every letter on every thread.
//! - **Failures** are per letter: a refused letter is reported with its
//!   `file:line:col` and the others carry on.
//! - **Incremental:** a manifest in the output folder ([`MANIFEST`]) keeps,
//!   per output, a key over everything the output depends on: the letter's
//!   text, the files its document refers to (the emblem), the templates, the
//!   fonts, the options and the program version, and a hash of the output
//!   written. A letter is skipped only when the key is the same and the
//!   output on disk is the one written. Every doubt (no manifest, a damaged
//!   one, a missing file) re-renders: the manifest can only save work, never
//!   leave a stale output.
//! - **Shards:** `--shard K/N` takes the letters whose path hashes to K, so
//!   N machines share a regeneration without talking to each other.

use std::collections::{BTreeMap, HashMap};
use std::io::IsTerminal;
use std::path::{Component, Path, PathBuf};
use std::str::FromStr;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::diagnostic::{Diagnostic, Error, Result};
use crate::letter::Source;
use crate::{Engine, Format, Options};

/// The manifest file in the output folder.
pub const MANIFEST: &str = ".zhauap-batch.json";

/// Bumped when the manifest's meaning changes, so that an old manifest is
/// ignored rather than misread.
const MANIFEST_VERSION: u32 = 1;

// Letters share one engine across threads.
const _: fn() = || {
    fn shared<T: Sync + Send>() {}
    shared::<Engine>();
};

/// Tells the C allocator to keep freed memory for reuse instead of handing
/// it back to the system at once.
///
/// Every PDF stream is compressed with a fresh deflate state of about 300 KB
/// (krilla → flate2 → miniz_oxide); glibc serves each from new pages (mmap,
/// or a heap it trims right after) and the kernel zeroes them again: about
/// 400 page faults a letter, an eighth of a letter's time. Kept, they are
/// reused. Costs nothing in peak memory: the pages were needed anyway.
pub fn keep_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // Allocations below 32 MiB come from the heap, and the heap is trimmed
        // only when 256 MiB are free at its top.
        const MMAP_THRESHOLD: libc::c_int = 32 << 20;
        const TRIM_THRESHOLD: libc::c_int = 256 << 20;
        // SAFETY: mallopt only sets allocator parameters; glibc documents it as
        // callable at any time, from any thread, and bad values are refused
        // (returning 0), not undefined.
        unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
            libc::mallopt(libc::M_TRIM_THRESHOLD, TRIM_THRESHOLD);
        }
    }
}

/// The K-th of N shares of a batch (K counted from 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u32,
    pub count: u32,
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Shard, String> {
        let (k, n) = s
            .split_once('/')
            .ok_or_else(|| format!("'{s}' is not K/N, such as 1/4"))?;
        let number = |t: &str| {
            t.trim()
                .parse::<u32>()
                .map_err(|_| format!("'{t}' in '{s}' is not a whole number"))
        };
        let (index, count) = (number(k)?, number(n)?);
        if count == 0 || index == 0 || index > count {
            return Err(format!(
                "in '{s}', K must be from 1 to N and N at least 1, such as 1/4"
            ));
        }
        Ok(Shard { index, count })
    }
}

impl Shard {
    /// Whether the letter at `relative` (its path below the input root, with
    /// `/` separators) is in this shard. By a hash of the path rather than its
    /// rank in a sorted list: adding a letter then moves no other letter to
    /// another shard, and each runner's incremental state stays valid.
    pub fn takes(&self, relative: &str) -> bool {
        let hash = Sha256::digest(relative.as_bytes());
        let mut first = [0u8; 8];
        first.copy_from_slice(&hash[..8]);
        u64::from_be_bytes(first) % u64::from(self.count) == u64::from(self.index - 1)
    }
}

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

/// The letters of a batch, in the order of their relative paths.
#[derive(Debug, Clone)]
pub struct Plan {
    pub jobs: Vec<Job>,
    /// The common folder of the inputs, mirrored by the output folder.
    pub root: PathBuf,
    pub out_dir: PathBuf,
    /// Letters found but left to other shards.
    pub other_shards: usize,
}

/// Finds the letters of `inputs` and where each output goes. Refuses inputs
/// that do not exist or hold no letter, and two letters that would write the
/// same output, before anything is rendered.
pub fn plan(
    inputs: &[PathBuf],
    out_dir: &Path,
    format: Format,
    shard: Option<Shard>,
) -> Result<Plan> {
    let cwd = std::env::current_dir().map_err(|e| {
        Error::one(Diagnostic::new(
            Path::new("."),
            format!(
                "cannot read the current folder: {}",
                crate::letter::io_reason(&e)
            ),
        ))
    })?;
    let mut problems = Vec::new();
    let mut found: Vec<PathBuf> = Vec::new();
    let mut roots: Vec<PathBuf> = Vec::new();
    for input in inputs {
        let before = found.len();
        match std::fs::metadata(input) {
            Ok(m) if m.is_dir() => {
                roots.push(absolute(&cwd, input));
                walk(input, &mut found, &mut problems);
            }
            Ok(_) => {
                found.push(input.clone());
                roots.push(absolute(&cwd, input.parent().unwrap_or(Path::new(""))));
            }
            Err(_) if is_glob(input) => {
                roots.push(absolute(&cwd, &glob_base(input)));
                expand_glob(input, &mut found, &mut problems);
            }
            Err(e) => problems.push(
                Diagnostic::new(
                    input,
                    format!("cannot read this input: {}", crate::letter::io_reason(&e)),
                )
                .with_help(
                    "give letter files, folders of letters, or globs such as 'in/**/*.yaml'",
                ),
            ),
        }
        if found.len() == before && !problems.iter().any(|d| d.file == *input) {
            problems.push(
                Diagnostic::new(input, "no letters (*.yaml files) here")
                    .with_help("a folder is searched, with its subfolders, for *.yaml files"),
            );
        }
    }

    // One job per letter file, however many inputs name it.
    let mut letters: Vec<(PathBuf, PathBuf)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for f in found {
        let abs = absolute(&cwd, &f);
        if seen.insert(abs.clone()) {
            if let Some(parent) = abs.parent() {
                roots.push(parent.to_path_buf());
            }
            letters.push((f, abs));
        }
    }
    let root = common_ancestor(&roots).unwrap_or_else(|| cwd.clone());

    let mut jobs = Vec::new();
    let mut by_output: HashMap<PathBuf, PathBuf> = HashMap::new();
    let mut other_shards = 0;
    for (letter, abs) in letters {
        let below = abs.strip_prefix(&root).unwrap_or(&abs);
        let relative = below
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if shard.is_some_and(|s| !s.takes(&relative)) {
            other_shards += 1;
            continue;
        }
        let output = out_dir.join(below).with_extension(format.extension());
        if let Some(first) = by_output.insert(output.clone(), letter.clone()) {
            problems.push(
                Diagnostic::new(
                    &letter,
                    format!(
                        "{} and this letter would both be written to {}",
                        first.display(),
                        output.display()
                    ),
                )
                .with_help(
                    "rename one of them: letters that differ only in extension share an output",
                ),
            );
        }
        jobs.push(Job {
            letter,
            relative,
            output,
        });
    }
    if !problems.is_empty() {
        return Err(Error {
            diagnostics: problems,
        });
    }
    jobs.sort_by(|a, b| a.relative.cmp(&b.relative));
    Ok(Plan {
        jobs,
        root,
        out_dir: out_dir.to_path_buf(),
        other_shards,
    })
}

/// Letter files below `dir`: `*.yaml`, hidden entries and symbolic links to
/// folders left out (the latter can loop).
fn walk(dir: &Path, found: &mut Vec<PathBuf>, problems: &mut Vec<Diagnostic>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(Diagnostic::new(
                dir,
                format!("cannot read this folder: {}", crate::letter::io_reason(&e)),
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
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(&path, found, problems);
        } else if path.extension().is_some_and(|e| e == "yaml") && path.is_file() {
            found.push(path);
        }
    }
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

fn expand_glob(pattern: &Path, found: &mut Vec<PathBuf>, problems: &mut Vec<Diagnostic>) {
    let paths = match glob::glob(&pattern.to_string_lossy()) {
        Ok(p) => p,
        Err(e) => {
            problems.push(
                Diagnostic::new(pattern, format!("this glob is malformed: {e}"))
                    .with_help("use * for any name, ** for any folders, ? for one character"),
            );
            return;
        }
    };
    for path in paths.filter_map(|p| p.ok()) {
        if path.is_dir() {
            walk(&path, found, problems);
        } else if path.is_file() {
            found.push(path);
        }
    }
}

/// `p` made absolute against `cwd`, with `.` and `..` resolved by name (not
/// by following links, so a linked letter keeps the place it was given at).
fn absolute(cwd: &Path, p: &Path) -> PathBuf {
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

/// How a batch renders.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub options: Options,
    /// Render every letter, up to date or not.
    pub force: bool,
    /// Threads; all cores when `None`.
    pub jobs: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Rendered,
    Unchanged,
    Failed,
}

/// What became of one letter.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub letter: PathBuf,
    pub output: PathBuf,
    pub status: Status,
    pub error: Option<Error>,
    pub pages: Option<usize>,
    pub time: Duration,
    /// The manifest entry to keep for the output (none for a failure).
    entry: Option<Entry>,
    relative: String,
}

/// The outcome of a batch.
#[derive(Debug)]
pub struct Summary {
    /// One per letter, in the plan's order.
    pub outcomes: Vec<Outcome>,
    pub elapsed: Duration,
    /// Letters left to other shards.
    pub other_shards: usize,
    /// Problems that cost no letter, such as a manifest that could not be
    /// saved (the next run then renders again).
    pub warnings: Vec<Error>,
}

impl Summary {
    pub fn count(&self, status: Status) -> usize {
        self.outcomes.iter().filter(|o| o.status == status).count()
    }

    pub fn failed(&self) -> bool {
        self.count(Status::Failed) > 0
    }

    /// One line: how many letters were rendered, unchanged and failed, and
    /// how long it took.
    pub fn line(&self) -> String {
        let secs = self.elapsed.as_secs_f64();
        let n = self.outcomes.len();
        let mut line = format!(
            "{n} letter{}: {} rendered, {} unchanged, {} failed in {secs:.2} s",
            if n == 1 { "" } else { "s" },
            self.count(Status::Rendered),
            self.count(Status::Unchanged),
            self.count(Status::Failed),
        );
        if n > 0 && secs > 0.0 {
            line.push_str(&format!(" ({:.0} letters/s)", n as f64 / secs));
        }
        if self.other_shards > 0 {
            line.push_str(&format!("; {} left to other shards", self.other_shards));
        }
        line
    }

    /// The `--report` file: one entry per letter with its status, output,
    /// error and time.
    pub fn report_json(&self) -> String {
        #[derive(Serialize)]
        struct Report {
            program: &'static str,
            version: &'static str,
            elapsed_ms: f64,
            rendered: usize,
            unchanged: usize,
            failed: usize,
            other_shards: usize,
            letters: Vec<Letter>,
        }
        #[derive(Serialize)]
        struct Letter {
            letter: String,
            status: Status,
            output: Option<String>,
            pages: Option<usize>,
            /// The first problem's `file:line:col`.
            location: Option<String>,
            /// Every problem, as printed (without colour).
            error: Option<String>,
            ms: f64,
        }
        let report = Report {
            program: "zhauap",
            version: env!("CARGO_PKG_VERSION"),
            elapsed_ms: ms(self.elapsed),
            rendered: self.count(Status::Rendered),
            unchanged: self.count(Status::Unchanged),
            failed: self.count(Status::Failed),
            other_shards: self.other_shards,
            letters: self
                .outcomes
                .iter()
                .map(|o| Letter {
                    letter: o.letter.display().to_string(),
                    status: o.status,
                    output: (o.status != Status::Failed).then(|| o.output.display().to_string()),
                    pages: o.pages,
                    location: o
                        .error
                        .as_ref()
                        .and_then(|e| e.diagnostics.first())
                        .map(Diagnostic::location),
                    error: o.error.as_ref().map(|e| e.render(false)),
                    ms: ms(o.time),
                })
                .collect(),
        };
        let mut json = serde_json::to_string_pretty(&report).unwrap_or_default();
        json.push('\n');
        json
    }
}

fn ms(d: Duration) -> f64 {
    (d.as_secs_f64() * 1e6).round() / 1e3
}

/// Renders the letters of `plan`, calling `done` as each one finishes (from
/// any thread, in the order they finish).
pub fn run(
    engine: &Engine,
    plan: &Plan,
    settings: &Settings,
    done: &(dyn Fn(&Outcome) + Sync),
) -> Result<Summary> {
    let started = Instant::now();
    std::fs::create_dir_all(&plan.out_dir).map_err(|e| {
        Error::one(
            Diagnostic::new(
                &plan.out_dir,
                format!(
                    "cannot create the output folder: {}",
                    crate::letter::io_reason(&e)
                ),
            )
            .with_help("choose another folder with -o"),
        )
    })?;
    let context = Context {
        engine,
        options: &settings.options,
        global: global_key(engine, &settings.options),
        manifest: if settings.force {
            Manifest::default()
        } else {
            Manifest::load(&plan.out_dir)
        },
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(settings.jobs.unwrap_or(0))
        .build()
        .map_err(|e| {
            Error::one(Diagnostic::new(
                &plan.out_dir,
                format!("cannot start the worker threads: {e}"),
            ))
        })?;

    // Rendering is work for the cores; writing is mostly waiting for the disk
    // (each output is flushed before it is renamed into place). Writer threads
    // do the waiting, so the cores never do.
    let finished = Mutex::new(Vec::with_capacity(plan.jobs.len()));
    let finish = |index: usize, outcome: Outcome| {
        done(&outcome);
        finished
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((index, outcome));
    };
    let (to_writers, queue) = std::sync::mpsc::sync_channel::<Pending>(WRITE_QUEUE);
    let queue = Mutex::new(queue);
    std::thread::scope(|scope| {
        for _ in 0..WRITERS {
            scope.spawn(|| {
                loop {
                    // The lock is held only while waiting for the next output.
                    let next = queue.lock().unwrap_or_else(PoisonError::into_inner).recv();
                    let Ok(pending) = next else { break };
                    let index = pending.index;
                    finish(index, pending.write());
                }
            });
        }
        pool.install(|| {
            plan.jobs.par_iter().enumerate().for_each_with(
                to_writers,
                |to_writers, (index, job)| {
                    match context.prepare(index, job) {
                        Prepared::Done(outcome) => finish(index, outcome),
                        Prepared::Write(pending) => {
                            // Fails only if every writer is gone, which a
                            // writer's panic would do; the scope then panics too.
                            let _ = to_writers.send(pending);
                        }
                    }
                },
            )
        });
    });
    let mut outcomes = finished
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner);
    outcomes.sort_by_key(|(index, _)| *index);
    let outcomes: Vec<Outcome> = outcomes.into_iter().map(|(_, o)| o).collect();

    let mut warnings = Vec::new();
    // The outputs reach the disk before the manifest says they are there.
    let flushed = crate::write::flush_filesystem(&plan.out_dir);
    match flushed {
        Ok(()) => {
            if let Err(e) = save_manifest(&plan.out_dir, &outcomes) {
                warnings.push(e);
            }
        }
        Err(e) => warnings.push(e),
    }
    Ok(Summary {
        outcomes,
        elapsed: started.elapsed(),
        other_shards: plan.other_shards,
        warnings,
    })
}

/// What every letter of a run shares.
struct Context<'a> {
    engine: &'a Engine,
    options: &'a Options,
    /// The key over what all outputs depend on.
    global: Hash,
    /// The outputs of earlier runs (empty with `--force`).
    manifest: Manifest,
}

/// Outputs waiting for a writer, at most: bounds the memory held by rendered
/// letters when the disk is slower than the cores.
const WRITE_QUEUE: usize = 32;
/// Writer threads: enough flushes in flight for the file system to commit
/// them together.
const WRITERS: usize = 8;

/// A letter after the cores' part: done, or rendered and to be written.
enum Prepared {
    Done(Outcome),
    Write(Pending),
}

/// A rendered letter on its way to the disk.
struct Pending {
    index: usize,
    bytes: Vec<u8>,
    /// Its outcome once written.
    outcome: Outcome,
    started: Instant,
}

impl Pending {
    fn write(self) -> Outcome {
        let mut outcome = self.outcome;
        if let Err(e) = write_output(&outcome.output, &self.bytes) {
            outcome.status = Status::Failed;
            outcome.error = Some(e);
            outcome.entry = None;
            outcome.pages = None;
        }
        outcome.time = self.started.elapsed();
        outcome
    }
}

fn write_output(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| {
            Error::one(Diagnostic::new(
                parent,
                format!(
                    "cannot create the output folder: {}",
                    crate::letter::io_reason(&e)
                ),
            ))
        })?;
    }
    crate::write::atomic_deferred(path, bytes)
}

impl Context<'_> {
    fn prepare(&self, index: usize, job: &Job) -> Prepared {
        let started = Instant::now();
        let outcome = |status, entry: Option<Entry>, error| Outcome {
            letter: job.letter.clone(),
            output: job.output.clone(),
            status,
            pages: entry.as_ref().map(|e| e.pages),
            error,
            time: started.elapsed(),
            entry,
            relative: job.relative.clone(),
        };
        match self.up_to_date_or_render(job) {
            Ok(Checked::UpToDate(entry)) => {
                Prepared::Done(outcome(Status::Unchanged, Some(entry), None))
            }
            Ok(Checked::Rendered(bytes, entry)) => Prepared::Write(Pending {
                index,
                bytes,
                outcome: outcome(Status::Rendered, Some(entry), None),
                started,
            }),
            Err(e) => Prepared::Done(outcome(Status::Failed, None, Some(e))),
        }
    }

    fn up_to_date_or_render(&self, job: &Job) -> Result<Checked> {
        let source = Source::read(&job.letter)?;
        let letter_hash = Hash::of(source.text.as_bytes());
        if let Some(entry) = self.manifest.entries.get(&job.relative)
            && entry.is_current(&self.global, &letter_hash, &job.output)
        {
            return Ok(Checked::UpToDate(entry.clone()));
        }

        let checked = self.engine.check_source(source)?;
        // The files the letter's document refers to, as read (and hashed)
        // once by the engine for this very rendering.
        let inputs: Vec<(PathBuf, Hash)> = checked
            .inputs()
            .into_iter()
            .map(|f| (f.path, Hash(f.sha256)))
            .collect();
        let key = letter_key(&self.global, &letter_hash, &inputs);
        let rendered = self.engine.render_checked(checked, self.options)?;
        let entry = Entry {
            key: key.hex(),
            inputs: inputs
                .into_iter()
                .map(|(p, _)| p.to_string_lossy().into_owned())
                .collect(),
            output: Hash::of(&rendered.bytes).hex(),
            pages: rendered.pages.pages.len(),
        };
        Ok(Checked::Rendered(rendered.bytes, entry))
    }
}

enum Checked {
    UpToDate(Entry),
    Rendered(Vec<u8>, Entry),
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
fn global_key(engine: &Engine, options: &Options) -> Hash {
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
    Hash(h.finalize().into())
}

fn letter_key(global: &Hash, letter: &Hash, inputs: &[(PathBuf, Hash)]) -> Hash {
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
struct Hash([u8; 32]);

impl Hash {
    fn of(bytes: &[u8]) -> Hash {
        Hash(Sha256::digest(bytes).into())
    }

    fn hex(&self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// The manifest: per output (by the letter's relative path), what it was
/// rendered from.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Manifest {
    version: u32,
    entries: BTreeMap<String, Entry>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    /// [`letter_key`] of the inputs the output was rendered from.
    key: String,
    /// The files besides the letter that the key covers.
    inputs: Vec<String>,
    /// The hash of the output as written.
    output: String,
    pages: usize,
}

impl Entry {
    /// Whether the output on disk is the one these inputs render to.
    fn is_current(&self, global: &Hash, letter: &Hash, output: &Path) -> bool {
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
    fn load(out_dir: &Path) -> Manifest {
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
fn save_manifest(out_dir: &Path, outcomes: &[Outcome]) -> Result<()> {
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

/// How progress is shown.
#[derive(Debug, Clone, Copy, Default)]
pub struct Console {
    pub quiet: bool,
    pub verbose: bool,
    pub color: bool,
}

/// Progress of a batch: a bar on a terminal, a line per letter otherwise.
/// Failures are always printed, in full.
pub struct Progress {
    bar: Option<ProgressBar>,
    console: Console,
    total: usize,
    finished: std::sync::atomic::AtomicUsize,
}

impl Progress {
    pub fn new(total: usize, console: Console) -> Progress {
        let bar = (!console.quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::new(total as u64);
            if let Ok(style) = ProgressStyle::with_template(
                "{bar:40} {pos}/{len} letters, {per_sec}, {eta} left  {wide_msg}",
            ) {
                bar.set_style(style);
            }
            bar
        });
        Progress {
            bar,
            console,
            total,
            finished: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    pub fn letter_done(&self, o: &Outcome) {
        let n = self
            .finished
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            + 1;
        let line = match (&o.error, o.status) {
            (Some(e), _) => Some(e.render(self.console.color)),
            (None, Status::Rendered) if !self.console.quiet && self.bar.is_none() => Some(format!(
                "[{n}/{}] {} → {}",
                self.total,
                o.letter.display(),
                o.output.display()
            )),
            (None, Status::Unchanged) if self.console.verbose && self.bar.is_none() => Some(
                format!("[{n}/{}] {} unchanged", self.total, o.letter.display()),
            ),
            _ => None,
        };
        match &self.bar {
            Some(bar) => {
                if let Some(line) = line {
                    bar.suspend(|| eprintln!("{line}"));
                }
                bar.set_message(o.letter.display().to_string());
                bar.inc(1);
            }
            None => {
                if let Some(line) = line {
                    eprintln!("{line}");
                }
            }
        }
    }

    pub fn finish(&self, summary: &Summary) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        for w in &summary.warnings {
            eprintln!("{}", w.render(self.console.color));
        }
        if !self.console.quiet {
            eprintln!("{}", summary.line());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shard_spec_is_checked() {
        assert_eq!("2/5".parse(), Ok(Shard { index: 2, count: 5 }));
        assert!("0/3".parse::<Shard>().is_err());
        assert!("4/3".parse::<Shard>().is_err());
        assert!("1/0".parse::<Shard>().is_err());
        assert!("1-3".parse::<Shard>().is_err());
        assert!("a/3".parse::<Shard>().is_err());
    }

    #[test]
    fn shards_partition_any_set_of_paths() {
        let paths: Vec<String> = (0..500)
            .map(|i| format!("d{}/letter-{i}.yaml", i % 7))
            .collect();
        let shards: Vec<Shard> = (1..=4).map(|k| Shard { index: k, count: 4 }).collect();
        let mut sizes = [0usize; 4];
        for p in &paths {
            let takers: Vec<usize> = (0..4).filter(|&k| shards[k].takes(p)).collect();
            assert_eq!(takers.len(), 1, "{p} taken by {takers:?}");
            sizes[takers[0]] += 1;
        }
        // A hash split is not exact, but no shard is starved.
        assert!(sizes.iter().all(|&s| s > 80), "{sizes:?}");
    }

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
}
