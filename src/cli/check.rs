//! `zhauap check`: letters found as `batch` finds them (files, folders,
//! globs), checked without writing anything, and reported for people
//! (diagnostics on stderr) or programs (`--format json` on stdout, the
//! problem records of the batch manifest).

use std::path::{Path, PathBuf};

use clap::ValueEnum;

use zhauap::Engine;
use zhauap::batch::{CheckReport, CheckStatus, CheckedLetter, problem};
use zhauap::diagnostic::Diagnostic;
use zhauap::tr;

use super::{EXIT_OK, EXIT_REFUSED, Ui};

/// How `check` reports.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum CheckFormat {
    /// Diagnostics with source snippets, for people.
    Text,
    /// One JSON document on standard output (`zhauap schema --check`).
    Json,
}

/// What `check` was asked.
pub struct CheckRequest<'a> {
    pub inputs: &'a [PathBuf],
    pub deny_warnings: bool,
    pub format: CheckFormat,
}

pub fn check(engine: &Engine, ui: &Ui, request: &CheckRequest) -> i32 {
    let mut not_found = Vec::new();
    let letters = zhauap::batch::letters(request.inputs, &mut not_found);
    let mut report = CheckReport::new();
    // Inputs that hold no letter are refused as letters are.
    for d in &not_found {
        report.add(CheckedLetter {
            file: d.file.display().to_string(),
            status: CheckStatus::Refused,
            problems: vec![problem(d)],
        });
        if request.format == CheckFormat::Text {
            ui.error(&zhauap::diagnostic::Error::one(d.clone()));
        }
    }
    for letter in &letters {
        let checked = one(engine, letter, request.deny_warnings);
        match request.format {
            CheckFormat::Text => {
                let status = checked.status;
                print_text(ui, letter, checked);
                report.add(CheckedLetter {
                    file: letter.display().to_string(),
                    status,
                    problems: Vec::new(),
                });
            }
            CheckFormat::Json => report.add(CheckedLetter {
                file: letter.display().to_string(),
                status: checked.status,
                problems: checked.diagnostics.iter().map(problem).collect(),
            }),
        }
    }
    if request.format == CheckFormat::Json {
        println!("{}", report.json());
    }
    if report.refused > 0 {
        EXIT_REFUSED
    } else {
        EXIT_OK
    }
}

/// One letter's verdict and what was said about it.
struct Verdict {
    status: CheckStatus,
    /// Its warnings, or (refused) its errors and warnings.
    diagnostics: Vec<Diagnostic>,
}

fn one(engine: &Engine, letter: &Path, deny_warnings: bool) -> Verdict {
    // A letter whose check never ends is refused and ends the process.
    let _watch = super::watchdog::watch(letter, false);
    let checked = match engine.check(letter) {
        Ok(c) => c,
        Err(e) => {
            return Verdict {
                status: CheckStatus::Refused,
                diagnostics: e.diagnostics,
            };
        }
    };
    if deny_warnings && let Some(refusal) = checked.denied() {
        return Verdict {
            status: CheckStatus::Refused,
            diagnostics: refusal.diagnostics,
        };
    }
    let warnings = checked.letter.warnings;
    Verdict {
        status: if warnings.is_empty() {
            CheckStatus::Ok
        } else {
            CheckStatus::Warnings
        },
        diagnostics: warnings,
    }
}

fn print_text(ui: &Ui, letter: &Path, verdict: Verdict) {
    match verdict.status {
        CheckStatus::Ok => ui.info(&tr!("cli-check-ok", file = letter.display().to_string())),
        CheckStatus::Warnings => {
            for w in &verdict.diagnostics {
                eprintln!("{}", w.render(ui.color));
            }
            ui.info(&tr!("cli-check-ok", file = letter.display().to_string()));
        }
        CheckStatus::Refused => ui.error(&zhauap::diagnostic::Error {
            diagnostics: verdict.diagnostics,
        }),
    }
}
