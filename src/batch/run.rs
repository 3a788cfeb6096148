//! Rendering a plan: letters taken in order by the render threads, each
//! output written beside its place by whoever rendered it and renamed into
//! place by its render thread ([`super::output`]), and every outcome passed,
//! in the plan's order, to the [`Sink`] that keeps the manifest and the
//! report.

use crate::tr;
use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, PoisonError};
use std::time::Instant;

use super::key::{FileHashes, Global, Hash, letter_key};
use super::manifest::{self, Known, Manifest};
use super::output::Staged;
use super::plan::{Job, Plan};
use super::record::{self, FileRecord, FileStat, OutputRecord, Record, Status};
use super::report::{Outcome, Report, Summary};
use super::sink::{Sink, unchanged_record};
use super::source::{Files, LetterSource};
use super::tidy;
use super::worker::{self, Deadlines, Worker, WorkerCommand};
use crate::diagnostic::{Diagnostic, Error, Result};
use crate::{Engine, Options};

/// How a batch renders.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub options: Options,
    /// Render every letter, up to date or not.
    pub force: bool,
    /// Check an up-to-date output by its content, not only its size and
    /// modification time.
    pub verify: bool,
    /// Remove the outputs of letters that are gone.
    pub prune: bool,
    /// Render threads; one per core when `None`, never more than
    /// [`MAX_JOBS`] nor than letters.
    pub jobs: Option<usize>,
    /// Where to write the report, if anywhere.
    pub report: Option<PathBuf>,
    /// Render in worker processes started so (see [`super::worker`]), the
    /// rows of a mail merge as the letters of files; in the render threads
    /// when `None`.
    pub worker: Option<WorkerCommand>,
    /// Refuse letters with warnings (nothing is written for them).
    pub deny_warnings: bool,
}

/// The most render threads a batch starts, whatever `--jobs` says.
pub const MAX_JOBS: usize = 256;

/// How far past the first unfinished letter a render thread may start: the
/// outcomes waiting for their turn in the sink stay few.
const WINDOW: usize = 512;

/// Renders the letters of `plan` from their files; see [`run_from`].
pub fn run(
    engine: &Engine,
    plan: &Plan,
    settings: &Settings,
    done: &(dyn Fn(&Outcome) + Sync),
) -> Result<Summary> {
    run_from(engine, plan, &Files, settings, done)
}

/// Renders the letters of `plan`, read through `source`, calling `done` as
/// each one finishes (from any thread, in the order they finish). Whatever
/// happens to one letter (a refusal, a fault of the program), the others go
/// on and the manifest and report of the finished ones are written.
pub fn run_from(
    engine: &Engine,
    plan: &Plan,
    source: &dyn LetterSource,
    settings: &Settings,
    done: &(dyn Fn(&Outcome) + Sync),
) -> Result<Summary> {
    let started = Instant::now();
    std::fs::create_dir_all(&plan.out_dir).map_err(|e| {
        Error::one(
            Diagnostic::new(
                &plan.out_dir,
                tr!(
                    "batch-out-dir-uncreatable",
                    reason = crate::input::io_reason(&e)
                ),
            )
            .with_help(tr!("batch-out-dir-uncreatable-help")),
        )
    })?;
    let name = plan.manifest_name();
    if let Some(report) = &settings.report {
        check_report_path(plan, report, &plan.out_dir.join(&name))?;
    }
    let mut manifest = match plan.take_manifest() {
        Some(opened) => opened,
        None => Manifest::open(&plan.out_dir, &name)?,
    };
    tidy::remove_stale_temps(plan, manifest.path(), settings.report.as_deref());
    let gone = tidy::gone(plan, &manifest, settings.prune);
    let rewrite = !manifest.compact || !gone.pruned.is_empty() || gone.moved > 0;
    let known = std::mem::take(&mut manifest.known);
    let nothing = HashMap::new();
    let records_wanted = AtomicBool::new(rewrite || settings.report.is_some());
    let global = &Global::new(engine, &settings.options, settings.deny_warnings);
    let context = Context {
        engine,
        options: &settings.options,
        source,
        global,
        known: if settings.force { &nothing } else { &known },
        manifest: &manifest,
        records_wanted: &records_wanted,
        hashes: FileHashes::default(),
        verify: settings.verify,
        deny_warnings: settings.deny_warnings,
    };
    let report = settings.report.as_deref().map(Report::create).transpose()?;
    let summary = Summary {
        orphans: gone.kept_lines.len(),
        pruned: gone.pruned,
        other_shards: plan.other_shards,
        skipped_defaults: plan.defaults.clone(),
        ..Summary::default()
    };
    let mut sink = Sink::new(plan, &known, global, &manifest, report, summary);
    if rewrite {
        sink.start_compacting();
    }
    let sink = Mutex::new(sink);
    let advanced = Condvar::new();
    // The sink's count of letters emitted, readable without its lock.
    let emitted = AtomicUsize::new(0);
    // Render threads waiting on `advanced`: it is notified only when there
    // are some (a notification is a system call, even for nobody).
    let waiting = AtomicUsize::new(0);
    let lock = || sink.lock().unwrap_or_else(PoisonError::into_inner);

    let finish = |index: usize, outcome: Outcome| {
        done(&outcome);
        let changed = match outcome.status {
            Status::Unchanged => outcome.refreshed,
            Status::Rendered | Status::Failed => true,
        };
        if changed {
            // The manifest will be rewritten: every record is wanted.
            records_wanted.store(true, Ordering::Relaxed);
        }
        let line = outcome.record.as_ref().map(manifest::line);
        // Journaled at once, whatever its place in the plan: a run that dies
        // (killed, or aborted by a fault) keeps every letter it finished.
        let journaled = match &line {
            Some(line) if changed => manifest.journal(line),
            Some(_) | None => Ok(()),
        };
        let mut sink = lock();
        if let Err(e) = journaled {
            sink.warn(e);
        }
        sink.arrive(index, outcome, line);
        emitted.store(sink.emitted(), Ordering::Release);
        drop(sink);
        // A waiter counts itself under the sink's lock before it looks at
        // `emitted`: one that looked before this letter arrived is seen here.
        if waiting.load(Ordering::SeqCst) > 0 {
            advanced.notify_all();
        }
    };
    let threads = settings
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .clamp(1, MAX_JOBS)
        .min(plan.jobs.len().max(1));
    let next = AtomicUsize::new(0);
    let deadlines = Deadlines::default();
    // Outputs are written by whoever renders them and flushed to disk once,
    // at the end (`Sink::finish`): no thread waits for the disk a letter.
    std::thread::scope(|scope| {
        if settings.worker.is_some() {
            scope.spawn(|| deadlines.watch());
        }
        let mut renderers = Vec::with_capacity(threads);
        for _ in 0..threads {
            let (next, context, lock, advanced, finish, emitted, waiting) = (
                &next, &context, &lock, &advanced, &finish, &emitted, &waiting,
            );
            let deadlines = &deadlines;
            renderers.push(scope.spawn(move || {
                let mut worker = settings
                    .worker
                    .as_ref()
                    .map(|command| Worker::new(command, deadlines));
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = plan.jobs.get(index) else {
                        break;
                    };
                    if index >= emitted.load(Ordering::Acquire) + WINDOW {
                        let mut sink = lock();
                        waiting.fetch_add(1, Ordering::SeqCst);
                        while index >= sink.emitted() + WINDOW {
                            sink = advanced.wait(sink).unwrap_or_else(PoisonError::into_inner);
                        }
                        waiting.fetch_sub(1, Ordering::SeqCst);
                    }
                    let outcome = catch_unwind(AssertUnwindSafe(|| {
                        context.prepare(index, job, worker.as_mut())
                    }))
                    .unwrap_or_else(|fault| faulted(job, global, fault));
                    finish(index, outcome);
                }
            }));
        }
        // The deadlines are watched while letters render.
        let joined: Vec<_> = renderers.into_iter().map(|r| r.join()).collect();
        deadlines.stop();
        for j in joined {
            if let Err(fault) = j {
                std::panic::resume_unwind(fault);
            }
        }
    });
    let mut sink = sink.into_inner().unwrap_or_else(PoisonError::into_inner);
    Ok(sink.finish(&gone.kept_lines, started))
}

/// The report may not be a letter, a special file, a link, an output or the
/// manifest.
fn check_report_path(plan: &Plan, report: &Path, manifest: &Path) -> Result<()> {
    plan.check_extra_output(report)?;
    let clash = report == manifest || plan.jobs.iter().any(|j| j.output == report);
    if clash {
        return Err(Error::one(
            Diagnostic::new(report, tr!("batch-report-overwrites-output"))
                .with_help(tr!("batch-report-overwrites-output-help")),
        ));
    }
    Ok(())
}

/// The outcome of a letter on which the program itself failed (a panic):
/// contained, reported, and the batch goes on.
fn faulted(job: &Job, global: &Global, fault: Box<dyn std::any::Any + Send>) -> Outcome {
    let error = fault_error(&job.letter, fault.as_ref());
    failed(job, base_record(job, global), error, Instant::now())
}

/// The refusal of a letter on which the program panicked.
pub(super) fn fault_error(letter: &Path, fault: &(dyn std::any::Any + Send)) -> Error {
    let why = fault
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| fault.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| tr!("batch-fault-no-message"));
    Error::one(
        Diagnostic::new(letter, tr!("batch-fault", why = why)).with_help(tr!("batch-fault-help")),
    )
}

/// A letter file as the run looked at it, before reading it.
#[derive(Debug, Default)]
struct Looked {
    /// Its stat's [`FileStat::fingerprint`]; 0 when it has none.
    fingerprint: u64,
    /// Its stat, when its times had settled (see [`FileStat::settled`]):
    /// what its record may keep.
    settled: Option<FileStat>,
}

/// The defaults file a letter names itself, by absolute path (as a render
/// records it), read from its text.
fn defaults_file_of(source: &crate::letter::Source) -> Option<String> {
    let first = crate::letter::defaults_named(source).into_iter().next()?;
    let path = std::path::absolute(&first).ok()?;
    Some(path.display().to_string())
}

/// What every letter of a run shares.
struct Context<'a> {
    engine: &'a Engine,
    options: &'a Options,
    source: &'a dyn LetterSource,
    global: &'a Global,
    /// The outputs of earlier runs (none with `--force`).
    known: &'a HashMap<String, Known>,
    /// Where the rest of their records is.
    manifest: &'a Manifest,
    /// Whether the records of letters trusted unchanged are wanted (for the
    /// report, or a manifest being rewritten); when not, they are not read
    /// back from the manifest.
    records_wanted: &'a AtomicBool,
    hashes: FileHashes,
    verify: bool,
    deny_warnings: bool,
}

/// A record with what is known of any letter before it is read: its
/// place, the templates and the program. Failed until shown otherwise.
fn base_record(job: &Job, global: &Global) -> Record {
    Record {
        record_version: record::RECORD_VERSION,
        key: job.relative.clone(),
        input: FileRecord {
            path: job.letter.display().to_string(),
            sha256: None,
            stat: None,
        },
        files: Vec::new(),
        templates: global.templates.into(),
        defaults: None,
        defaults_file: None,
        data_row: None,
        version: env!("CARGO_PKG_VERSION").to_owned(),
        cache_key: None,
        output: None,
        pages: None,
        status: Status::Failed,
        problems: Vec::new(),
        warnings: Vec::new(),
        ms: None,
    }
}

fn failed(job: &Job, mut record: Record, error: Error, started: Instant) -> Outcome {
    record.status = Status::Failed;
    record.problems = record::problems(&error);
    Outcome {
        letter: job.letter.clone(),
        output: job.output.clone(),
        status: Status::Failed,
        error: Some(error),
        warnings: Vec::new(),
        pages: None,
        time: started.elapsed(),
        record: Some(record),
        refreshed: false,
    }
}

impl Context<'_> {
    fn prepare(&self, index: usize, job: &Job, worker: Option<&mut Worker>) -> Outcome {
        let started = Instant::now();
        let looked = self.look_at(job);
        if let Some(known) = self.trusted_unchanged(job, &looked) {
            let record = if self.records_wanted.load(Ordering::Relaxed) {
                match unchanged_record(job, known, self.global, self.manifest) {
                    Ok(record) => Some(record),
                    // A record that cannot be read back is a doubt: the
                    // letter is read and renders if it must.
                    Err(_) => return self.prepare_read(index, job, worker, started, &looked),
                }
            } else {
                None
            };
            return Outcome {
                letter: job.letter.clone(),
                output: job.output.clone(),
                status: Status::Unchanged,
                error: None,
                warnings: Vec::new(),
                pages: record.as_ref().and_then(|r| r.pages).map(|p| p as usize),
                time: started.elapsed(),
                record,
                refreshed: false,
            };
        }
        self.prepare_read(index, job, worker, started, &looked)
    }

    /// The letter file's stat, looked at before it is read (a change after
    /// this shows next time); none for letters that are not files as they
    /// are (a mail merge's rows).
    fn look_at(&self, job: &Job) -> Looked {
        if !self.source.is_the_file() {
            return Looked::default();
        }
        // The time before the stat: a change after the stat is later than
        // this, and a stat whose times are at least a tick older would show
        // it.
        let before = std::time::SystemTime::now();
        let stat = FileStat::of_path(&job.letter);
        Looked {
            fingerprint: stat.map_or(0, |s| s.fingerprint()),
            settled: stat.filter(|s| s.settled(before)),
        }
    }

    /// [`Context::prepare`] for a letter that is read.
    fn prepare_read(
        &self,
        index: usize,
        job: &Job,
        worker: Option<&mut Worker>,
        started: Instant,
        looked: &Looked,
    ) -> Outcome {
        let mut record = base_record(job, self.global);
        let mut warnings = Vec::new();
        let mut refreshed = false;
        let status =
            match self.up_to_date_or_render(index, job, looked, &mut record, worker, &mut warnings)
            {
                Ok(None) => {
                    // A record that says more of the letter's file than the
                    // manifest did is written, though the output is not.
                    refreshed = self.known.get(&job.relative).is_some_and(|known| {
                        known.letter_stat != record.input.stat.map_or(0, |s| s.fingerprint())
                    });
                    Status::Unchanged
                }
                Ok(Some(staged)) => match staged.and_then(Staged::place) {
                    Ok(written) => {
                        record.status = Status::Rendered;
                        record.output = Some(OutputRecord {
                            path: job.output.display().to_string(),
                            sha256: written.sha256.into(),
                            bytes: written.bytes,
                            modified_ns: written.modified_ns,
                        });
                        Status::Rendered
                    }
                    // Rendered, but not written: the record keeps what the
                    // letter read and its warnings.
                    Err(e) => {
                        record.cache_key = None;
                        record.pages = None;
                        return Outcome {
                            warnings,
                            ..failed(job, record, e, started)
                        };
                    }
                },
                Err(e) => return failed(job, record, e, started),
            };
        Outcome {
            letter: job.letter.clone(),
            output: job.output.clone(),
            status,
            error: None,
            warnings,
            pages: record.pages.map(|p| p as usize),
            time: started.elapsed(),
            record: Some(record),
            refreshed,
        }
    }

    /// What the manifest knows of a letter whose file the planning found
    /// as the manifest last saw it (size, times, inode) and whose output is
    /// up to date: the letter is not read. Never with `--verify`, which reads and hashes
    /// every letter and output.
    fn trusted_unchanged(&self, job: &Job, looked: &Looked) -> Option<&Known> {
        if self.verify || looked.fingerprint == 0 {
            return None;
        }
        let known = self.known.get(&job.relative)?;
        let letter = known
            .letter
            .filter(|_| known.letter_stat == looked.fingerprint)?;
        known
            .is_current(
                &self.global.key,
                &letter,
                None,
                &self.hashes,
                &job.output,
                false,
            )
            .then_some(known)
    }

    /// Fills `record` as far as the letter gets; the output staged (or why
    /// it could not be written), or none when the output is up to date
    /// (then `record` is its record).
    /// `warnings` gets the letter's warnings when it is checked.
    fn up_to_date_or_render(
        &self,
        index: usize,
        job: &Job,
        looked: &Looked,
        record: &mut Record,
        worker: Option<&mut Worker>,
        warnings: &mut Vec<Diagnostic>,
    ) -> Result<Option<Result<Staged>>> {
        let loaded = self.source.load(index, job)?;
        let letter_hash = Hash::of(loaded.source.text.as_bytes());
        record.input.sha256 = Some(letter_hash.into());
        record.input.stat = looked.settled;
        record.data_row = loaded.data_row.map(Into::into);
        // A record that cannot be read back is a doubt: the letter renders.
        let unchanged = self
            .known
            .get(&job.relative)
            .filter(|known| {
                known.is_current(
                    &self.global.key,
                    &letter_hash,
                    loaded.data_row.as_ref(),
                    &self.hashes,
                    &job.output,
                    self.verify,
                )
            })
            .and_then(|known| unchanged_record(job, known, self.global, self.manifest).ok());
        if let Some(mut unchanged) = unchanged {
            // Read because its file's stat was not the recorded one (it was
            // touched, copied back, or recorded by an older build or too
            // soon after a change): the record takes the settled stat, so
            // that the next run need not read it. A record that names its
            // defaults (by hash) but not their file, from an older build,
            // learns it from the letter first: a trusted letter's defaults
            // file must be known, or the planning would take it for a letter.
            let defaults_known =
                unchanged.defaults.is_none() || unchanged.defaults_file.is_some() || {
                    unchanged.defaults_file = defaults_file_of(&loaded.source);
                    unchanged.defaults_file.is_some()
                };
            if let Some(settled) = record.input.stat.filter(|_| defaults_known) {
                unchanged.input.stat = Some(settled);
            }
            *record = unchanged;
            return Ok(None);
        }

        let row = loaded.row.as_ref();
        let deny = self.deny_warnings;
        let in_worker =
            worker.and_then(|w| w.make(&loaded.source, row, self.options, &job.output, deny));
        let made = match in_worker {
            Some(made) => made?,
            None => worker::make(
                self.engine,
                loaded.source,
                row,
                self.options,
                &job.output,
                deny,
            )?,
        };
        record.warnings = made.warnings.iter().map(record::problem).collect();
        if self.deny_warnings
            && let Some(refusal) = crate::denied(&job.letter, &made.warnings)
        {
            return Err(refusal);
        }
        *warnings = made.warnings.clone();
        // The files the document refers to, as the engine read and hashed
        // them for this very rendering (absolute paths).
        let files = made.files;
        record.files = files
            .iter()
            .map(|f| FileRecord {
                path: f.path.display().to_string(),
                sha256: (f.sha256 != Hash([0; 32])).then(|| f.sha256.into()),
                stat: None,
            })
            .collect();
        record.defaults = made.defaults.as_ref().map(|d| d.sha256.into());
        record.defaults_file = made.defaults.map(|d| d.path.display().to_string());
        let key = letter_key(
            &self.global.key,
            &letter_hash,
            loaded.data_row.as_ref(),
            &files,
        );
        record.cache_key = Some(key.into());
        record.pages = u32::try_from(made.pages).ok();
        Ok(Some(made.output))
    }
}
