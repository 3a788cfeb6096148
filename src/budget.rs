//! The time budget of one letter: rendering a letter must end, or be
//! refused with its name, within [`LETTER_SECONDS`], whatever the letter,
//! its emblem or the templates ask for.
//!
//! The budget belongs to the thread rendering the letter ([`Budget::start`]
//! sets it, dropping the guard clears it): `render`, each `batch` worker and
//! the preview's build thread start one per letter, and the stages check it
//! between them and inside their long loops ([`check`]). Work that cannot be
//! interrupted (krilla writing the PDF) is bounded by the input limits
//! instead (emblem size, filters, pages).

use std::cell::Cell;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::diagnostic::{Diagnostic, Error, Result};

/// Seconds one letter may take. The reference letter renders in well under
/// a second; a 100-page letter in a few.
pub const LETTER_SECONDS: u64 = 30;

thread_local! {
    static DEADLINE: Cell<Option<Instant>> = const { Cell::new(None) };
}

/// The budget of the letter this thread renders; cleared when dropped.
pub struct Budget {
    previous: Option<Instant>,
}

impl Budget {
    /// Starts a budget of `limit` for this thread.
    pub fn start(limit: Duration) -> Budget {
        let previous = DEADLINE.with(|d| d.replace(Some(Instant::now() + limit)));
        Budget { previous }
    }

    /// The budget of one letter, [`LETTER_SECONDS`], unless this thread
    /// already runs under one (a caller's, kept as it is).
    pub fn letter() -> Budget {
        match DEADLINE.with(Cell::get) {
            Some(at) => Budget { previous: Some(at) },
            None => Budget::start(Duration::from_secs(LETTER_SECONDS)),
        }
    }
}

impl Drop for Budget {
    fn drop(&mut self) {
        DEADLINE.with(|d| d.set(self.previous));
    }
}

/// Whether this thread's budget is spent (never, without a budget).
pub fn spent() -> bool {
    DEADLINE.with(|d| d.get().is_some_and(|at| Instant::now() >= at))
}

/// Refuses the letter `file` once its budget is spent.
pub fn check(file: &Path) -> Result<()> {
    if spent() { Err(over(file)) } else { Ok(()) }
}

/// The refusal of a letter over its budget.
pub fn over(file: &Path) -> Error {
    Error::one(
        Diagnostic::new(
            file,
            crate::tr!("common-over-budget", seconds = LETTER_SECONDS),
        )
        .with_help(crate::tr!("common-over-budget-help")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spent_budget_refuses_with_the_letter_name_and_is_cleared_after() {
        assert!(check(Path::new("a.yaml")).is_ok());
        {
            let _b = Budget::start(Duration::ZERO);
            let e = check(Path::new("slow.yaml")).unwrap_err().render(false);
            assert!(
                e.starts_with("slow.yaml: error: rendering this letter took longer"),
                "{e}"
            );
            assert!(e.contains("help:"), "{e}");
        }
        assert!(!spent());
    }
}
