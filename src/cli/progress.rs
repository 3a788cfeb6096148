//! The progress of `zhauap batch` on the terminal: a bar, or a line per
//! letter when stderr is not a terminal.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

use zhauap::batch::{Outcome, Status, Summary};

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
