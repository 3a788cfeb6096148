//! Rendering a plan: the letters on the cores, their outputs on writer
//! threads, the outcomes gathered and the manifest saved.

use std::path::Path;
use std::sync::{Mutex, PoisonError};
use std::time::Instant;

use rayon::prelude::*;

use super::manifest::{
    Entry, Hash, Manifest, global_key, letter_key, referenced_files, save_manifest,
};
use super::plan::{Job, Plan};
use super::report::{Outcome, Status, Summary};
use crate::diagnostic::{Diagnostic, Error, Result};
use crate::letter::Source;
use crate::{Engine, Options};

/// How a batch renders.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub options: Options,
    /// Render every letter, up to date or not.
    pub force: bool,
    /// Threads; all cores when `None`.
    pub jobs: Option<usize>,
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
        skipped_defaults: plan.defaults.clone(),
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
        let letter_hash = match &job.row {
            None => Hash::of(source.text.as_bytes()),
            Some(row) => Hash::of(&[source.text.as_bytes(), &row.fingerprint()].concat()),
        };
        if let Some(entry) = self.manifest.entries.get(&job.relative)
            && entry.is_current(&self.global, &letter_hash, &job.output)
        {
            return Ok(Checked::UpToDate(entry.clone()));
        }

        let (source, letter, document) = match &job.row {
            None => self.engine.check_source(source)?,
            Some(row) => self
                .engine
                .check_source_with_row(source, row.data_path(), row.node())?,
        };
        // Hashed before typesetting reads them: if one changes in between,
        // the key is the older content and the next run renders again.
        let inputs = referenced_files(&source, &letter, &document);
        let key = letter_key(&self.global, &letter_hash, &inputs);
        let rendered = self
            .engine
            .render_checked(&source, &letter, document, self.options)?;
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
