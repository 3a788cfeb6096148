//! Where outcomes go, in the plan's order: the summary's counts, the
//! report, the manifest's journal and its compacted copy. Outcomes that
//! finish early wait here for their turn; the render threads stay within a
//! window of the first unfinished letter, so few ever wait.

use crate::tr;
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::time::Instant;

use super::key::Global;
use super::manifest::{Known, Manifest};
use super::plan::{Job, Plan};
use super::record::{FileRecord, OutputRecord, RECORD_VERSION, Record, Status};
use super::report::{Outcome, Report, Summary, ms};
use crate::diagnostic::{Diagnostic, Error};
use crate::write::Staged;

pub(super) struct Sink<'a> {
    plan: &'a Plan,
    known: &'a HashMap<String, Known>,
    global: &'a Global,
    /// Outcomes emitted so far: the plan's letters before this index.
    emitted: usize,
    /// Outcomes that finished before their turn, with their manifest line.
    waiting: BTreeMap<usize, (Outcome, Option<Vec<u8>>)>,
    manifest: &'a Manifest,
    /// The compacted manifest, once this run has something to change.
    compacted: Option<Staged>,
    compact_failed: Option<std::io::Error>,
    report: Option<Report>,
    summary: Summary,
}

impl<'a> Sink<'a> {
    pub fn new(
        plan: &'a Plan,
        known: &'a HashMap<String, Known>,
        global: &'a Global,
        manifest: &'a Manifest,
        report: Option<Report>,
        summary: Summary,
    ) -> Sink<'a> {
        Sink {
            plan,
            known,
            global,
            emitted: 0,
            waiting: BTreeMap::new(),
            manifest,
            compacted: None,
            compact_failed: None,
            report,
            summary,
        }
    }

    pub fn emitted(&self) -> usize {
        self.emitted
    }

    /// Takes a finished letter with its manifest line (already journaled by
    /// the caller, outside this lock) and emits what is now in order.
    /// A letter trusted unchanged comes without its record (and line) when
    /// none was wanted as it finished.
    pub fn arrive(&mut self, index: usize, outcome: Outcome, line: Option<Vec<u8>>) {
        self.waiting.insert(index, (outcome, line));
        while let Some((outcome, line)) = self.waiting.remove(&self.emitted) {
            self.emit(outcome, line);
            self.emitted += 1;
        }
    }

    pub fn warn(&mut self, warning: Error) {
        self.summary.warnings.push(warning);
    }

    fn emit(&mut self, outcome: Outcome, line: Option<Vec<u8>>) {
        self.summary.add(outcome.status);
        let changed = outcome.status != Status::Unchanged || outcome.refreshed;
        if changed && self.compacted.is_none() {
            self.start_compacting();
        }
        let wanted = self.report.is_some() || self.compacted.is_some();
        let mut record = outcome.record;
        let mut line = line;
        if wanted && record.is_none() {
            // Trusted unchanged while no record was wanted yet.
            let job = &self.plan.jobs[self.emitted];
            let read = self
                .known
                .get(&job.relative)
                .map(|known| unchanged_record(job, known, self.global, self.manifest));
            match read {
                Some(Ok(r)) => {
                    line = Some(super::manifest::line(&r));
                    record = Some(r);
                }
                Some(Err(e)) => {
                    self.compact_failed.get_or_insert(e);
                }
                None => {}
            }
        }
        if let Some(report) = &mut self.report
            && let Some(mut record) = record
        {
            record.ms = Some(ms(outcome.time));
            report.record(&record);
        }
        if let Some(file) = &mut self.compacted
            && let Some(line) = line
            && let Err(e) = file.write_all(&line)
        {
            self.compact_failed.get_or_insert(e);
        }
    }

    /// Begins the compacted manifest: the letters emitted so far were all
    /// unchanged, and their records are written from what the manifest said.
    pub fn start_compacting(&mut self) {
        let mut file = match Staged::new(self.manifest.path()) {
            Ok(f) => f,
            Err(e) => {
                self.summary.warnings.push(e);
                return;
            }
        };
        for job in &self.plan.jobs[..self.emitted] {
            let Some(known) = self.known.get(&job.relative) else {
                continue;
            };
            let written = unchanged_record(job, known, self.global, self.manifest)
                .and_then(|r| file.write_all(&super::manifest::line(&r)));
            if let Err(e) = written {
                self.compact_failed.get_or_insert(e);
            }
        }
        self.compacted = Some(file);
    }

    /// Ends the run: outputs flushed to disk before the compacted
    /// manifest (with the kept records of gone letters, by line) and the
    /// report put in place.
    pub fn finish(&mut self, kept_lines: &[u32], started: Instant) -> Summary {
        let mut summary = std::mem::take(&mut self.summary);
        if summary.rendered > 0
            && let Err(e) = crate::write::flush_filesystem(&self.plan.out_dir)
        {
            summary.warnings.push(e);
        }
        if let Some(mut file) = self.compacted.take() {
            match self.manifest.lines(kept_lines) {
                Ok(lines) => {
                    for line in lines {
                        if let Err(e) = writeln!(file, "{line}") {
                            self.compact_failed.get_or_insert(e);
                        }
                    }
                }
                Err(e) => {
                    self.compact_failed.get_or_insert(e);
                }
            }
            let saved = match self.compact_failed.take() {
                None => file.commit(true),
                Some(e) => Err(Error::one(Diagnostic::new(
                    self.manifest.path(),
                    tr!(
                        "batch-manifest-uncompacted",
                        reason = crate::input::io_reason(&e)
                    ),
                ))),
            };
            // The journal still holds every record: nothing is lost.
            if let Err(e) = saved {
                summary.warnings.push(e);
            }
        }
        summary.elapsed = started.elapsed();
        if let Some(report) = self.report.take()
            && let Err(e) = report.finish(&summary)
        {
            summary.warnings.push(e);
        }
        summary
    }
}

/// The record of a letter whose output is up to date, from what the
/// manifest said about it (what is not kept in memory read back from it).
pub(super) fn unchanged_record(
    job: &Job,
    known: &Known,
    global: &Global,
    manifest: &Manifest,
) -> std::io::Result<Record> {
    let stored = manifest.record_of(known)?;
    Ok(Record {
        record_version: RECORD_VERSION,
        key: job.relative.clone(),
        input: FileRecord {
            path: job.letter.display().to_string(),
            sha256: known.letter.map(Into::into),
            stat: stored.input.stat,
        },
        files: known
            .files
            .iter()
            .map(|f| FileRecord {
                path: f.path.display().to_string(),
                sha256: Some(f.sha256.into()),
                stat: None,
            })
            .collect(),
        templates: global.templates.into(),
        defaults: stored.defaults,
        defaults_file: stored.defaults_file,
        data_row: stored.data_row,
        version: env!("CARGO_PKG_VERSION").to_owned(),
        cache_key: known.cache_key.map(Into::into),
        output: known.output.map(|w| OutputRecord {
            path: job.output.display().to_string(),
            sha256: w.sha256.into(),
            bytes: w.bytes,
            modified_ns: w.modified_ns,
        }),
        pages: Some(stored.pages.unwrap_or(0)),
        status: Status::Unchanged,
        problems: Vec::new(),
        warnings: stored.warnings,
        ms: None,
    })
}
