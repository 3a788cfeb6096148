//! The progress of `zhauap batch` on the terminal: a bar, or a line per
//! letter when stderr is not a terminal.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

use zhauap::batch::{Outcome, Status, Summary};
use zhauap::tr;

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
            // indicatif's own {per_sec} prints four decimals ("3.2154/s").
            let template = tr!("cli-batch-bar");
            if let Ok(style) = ProgressStyle::with_template(&template) {
                bar.set_style(style.with_key(
                    "rate",
                    |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                        let _ = w.write_str(&rate(state.per_sec()));
                    },
                ));
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
        // A letter's warnings are printed whatever the verbosity, as
        // `render` prints them; a refused letter's are in its error.
        let warnings = o.error.is_none() && !o.warnings.is_empty();
        let warnings = warnings.then(|| {
            o.warnings
                .iter()
                .map(|w| w.render(self.console.color))
                .collect::<Vec<_>>()
                .join("\n")
        });
        let line = match (&o.error, o.status) {
            (Some(e), _) => Some(e.render(self.console.color)),
            (None, Status::Rendered) if !self.console.quiet && self.bar.is_none() => Some(format!(
                "[{n}/{}] {} → {}",
                self.total,
                o.letter.display(),
                o.output.display()
            )),
            (None, Status::Unchanged) if self.console.verbose && self.bar.is_none() => {
                Some(format!(
                    "[{n}/{}] {}",
                    self.total,
                    tr!("cli-batch-unchanged", file = o.letter.display().to_string())
                ))
            }
            _ => None,
        };
        let line = match (warnings, line) {
            (Some(w), Some(l)) => Some(format!("{w}\n{l}")),
            (w, l) => w.or(l),
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

/// Letters a second as people read a rate: whole numbers, one decimal
/// below ten.
fn rate(per_sec: f64) -> String {
    if !per_sec.is_finite() || per_sec <= 0.0 {
        "0".to_owned()
    } else if per_sec < 10.0 {
        format!("{per_sec:.1}")
    } else {
        format!("{per_sec:.0}")
    }
}

#[cfg(test)]
mod tests {
    use super::rate;

    #[test]
    fn the_rate_has_at_most_one_decimal() {
        assert_eq!(rate(3.215_4), "3.2");
        assert_eq!(rate(312.718_2), "313");
        assert_eq!(rate(0.0), "0");
        assert_eq!(rate(f64::INFINITY), "0");
        assert_eq!(rate(f64::NAN), "0");
    }
}
