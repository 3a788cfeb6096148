//! What became of each letter of a batch: the outcomes, the summary line
//! and the `--report` file.

use std::path::PathBuf;
use std::time::Duration;

use serde::Serialize;

use super::manifest::Entry;
use crate::diagnostic::{Diagnostic, Error};

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
    pub(super) entry: Option<Entry>,
    pub(super) relative: String,
}

/// The outcome of a batch.
#[derive(Debug)]
pub struct Summary {
    /// One per letter, in the plan's order.
    pub outcomes: Vec<Outcome>,
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
            skipped_defaults: Vec<String>,
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
            skipped_defaults: self
                .skipped_defaults
                .iter()
                .map(|p| p.display().to_string())
                .collect(),
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
