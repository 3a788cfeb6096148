//! What became of each letter of a batch: the outcomes, the summary line
//! and the `--report` file, written record by record as letters finish (its
//! size in memory does not grow with the number of letters).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::record::Record;
pub use super::record::Status;
use crate::diagnostic::{Diagnostic, Error, Result};
use crate::tr;

/// What became of one letter.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub letter: PathBuf,
    pub output: PathBuf,
    pub status: Status,
    pub error: Option<Error>,
    /// The letter's warnings, when it was checked in this run (an unchanged
    /// letter's are in its record, from the run that rendered it).
    pub warnings: Vec<Diagnostic>,
    pub pages: Option<usize>,
    pub time: Duration,
    /// Its record for the manifest and the report. None for a letter
    /// trusted unchanged without being read, while nothing asks for its
    /// record (no report, the manifest not rewritten): it stays in the
    /// manifest, where the sink reads it back if it comes to be asked for.
    pub record: Option<Record>,
    /// An unchanged letter whose record changed all the same (what its
    /// file's stat is now): the manifest is written, the output is not.
    pub refreshed: bool,
}

/// The outcome of a batch.
#[derive(Debug, Default)]
pub struct Summary {
    pub rendered: usize,
    pub unchanged: usize,
    pub failed: usize,
    /// Outputs removed by `--prune`: their letters are gone.
    pub pruned: Vec<PathBuf>,
    /// Outputs whose letters are gone, left in place (without `--prune`,
    /// or changed since they were written).
    pub orphans: usize,
    pub elapsed: Duration,
    /// Letters left to other shards.
    pub other_shards: usize,
    /// Files left out as defaults files of other letters.
    pub skipped_defaults: Vec<PathBuf>,
    /// Problems that cost no letter, such as a manifest that could not be
    /// saved (the next run then renders again).
    pub warnings: Vec<Error>,
}

impl Summary {
    pub fn count(&self, status: Status) -> usize {
        match status {
            Status::Rendered => self.rendered,
            Status::Unchanged => self.unchanged,
            Status::Failed => self.failed,
        }
    }

    pub fn letters(&self) -> usize {
        self.rendered + self.unchanged + self.failed
    }

    pub fn failed(&self) -> bool {
        self.failed > 0
    }

    pub(super) fn add(&mut self, status: Status) {
        match status {
            Status::Rendered => self.rendered += 1,
            Status::Unchanged => self.unchanged += 1,
            Status::Failed => self.failed += 1,
        }
    }

    /// One line: how many letters were rendered, unchanged and failed, and
    /// how long it took.
    pub fn line(&self) -> String {
        let secs = self.elapsed.as_secs_f64();
        let n = self.letters();
        let mut line = tr!(
            "batch-summary",
            letters = n,
            rendered = self.rendered,
            unchanged = self.unchanged,
            failed = self.failed,
            secs = format!("{secs:.2}")
        );
        if n > 0 && secs > 0.0 {
            line.push_str(&tr!(
                "batch-summary-rate",
                rate = format!("{:.0}", n as f64 / secs)
            ));
        }
        if self.other_shards > 0 {
            line.push_str(&tr!(
                "batch-summary-other-shards",
                count = self.other_shards
            ));
        }
        if !self.pruned.is_empty() {
            line.push_str(&tr!("batch-summary-pruned", count = self.pruned.len()));
        }
        if self.orphans > 0 {
            line.push_str(&tr!("batch-summary-orphans", count = self.orphans));
        }
        line
    }
}

pub(super) fn ms(d: Duration) -> f64 {
    (d.as_secs_f64() * 1e6).round() / 1e3
}

/// The `--report` file, written as letters finish: `{"program", "version",
/// "letters": [records…], then the counts}`. Put in place only when the
/// batch ends; a killed batch leaves none.
pub(super) struct Report {
    file: crate::write::Staged,
    path: PathBuf,
    first: bool,
    error: Option<std::io::Error>,
}

impl Report {
    pub fn create(path: &Path) -> Result<Report> {
        let mut report = Report {
            file: crate::write::Staged::new(path)?,
            path: path.to_path_buf(),
            first: true,
            error: None,
        };
        let head = format!(
            "{{\"program\":\"zhauap\",\"version\":\"{}\",\"letters\":[",
            env!("CARGO_PKG_VERSION")
        );
        report.put(head.as_bytes());
        Ok(report)
    }

    fn put(&mut self, bytes: &[u8]) {
        if self.error.is_none()
            && let Err(e) = self.file.write_all(bytes)
        {
            self.error = Some(e);
        }
    }

    pub fn record(&mut self, record: &Record) {
        let mut line = Vec::with_capacity(1024);
        line.extend_from_slice(if self.first { b"\n" } else { b",\n" });
        self.first = false;
        if serde_json::to_writer(&mut line, record).is_ok() {
            self.put(&line);
        }
    }

    pub fn finish(mut self, summary: &Summary) -> Result<()> {
        let pruned: Vec<String> = summary
            .pruned
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        let tail = serde_json::json!({
            "rendered": summary.rendered,
            "unchanged": summary.unchanged,
            "failed": summary.failed,
            "pruned": pruned,
            "orphans": summary.orphans,
            "other_shards": summary.other_shards,
            "skipped_defaults": summary
                .skipped_defaults
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>(),
            "elapsed_ms": ms(summary.elapsed),
        });
        // The counts follow the letters: they are known only at the end.
        let tail = tail.to_string();
        let tail = format!("\n],{}\n", tail.strip_prefix('{').unwrap_or(&tail));
        self.put(tail.as_bytes());
        if let Some(e) = self.error.take() {
            return Err(Error::one(Diagnostic::new(
                &self.path,
                tr!(
                    "batch-report-unwritable",
                    reason = crate::input::io_reason(&e)
                ),
            )));
        }
        self.file.commit(true)
    }
}
