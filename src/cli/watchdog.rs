//! The last guard of `render` and `check` against a letter that never ends
//! (issue 19). The stages check the letter's budget between them and in
//! their loops ([`zhauap::budget`]), and Tera's `range` checks it at every
//! call, but a template can loop over a range made once
//! (`{% set r = range(end=100000) %}` and nested `{% for %}` over `r`)
//! without calling anything that looks at the clock. `batch` kills such a
//! worker; a one-letter command cannot be given up from inside, so a
//! watchdog thread ends the process: the letter is refused with its name
//! and nothing is written, because the output is written only after the
//! guard of the letter's work is dropped.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use zhauap::budget::LETTER_SECONDS;

/// Time past the budget before the process is ended: the stages stop by
/// themselves well within it whenever they can.
const GRACE: Duration = Duration::from_secs(5);

/// The letter being worked on and when its work started.
static CURRENT: Mutex<Option<(PathBuf, Instant)>> = Mutex::new(None);

/// Watches the work on `letter` until the guard is dropped.
pub fn watch(letter: &Path, color: bool) -> Guard {
    static WATCHDOG: OnceLock<()> = OnceLock::new();
    WATCHDOG.get_or_init(|| {
        // If the thread cannot start, the letter is only unguarded, as
        // before: the budget's own checks still hold.
        let _ = std::thread::Builder::new()
            .name("watchdog".into())
            .spawn(move || run(color));
    });
    *CURRENT.lock().unwrap_or_else(|e| e.into_inner()) =
        Some((letter.to_path_buf(), Instant::now()));
    Guard
}

/// Ends the watch of the current letter.
pub struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        *CURRENT.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }
}

fn run(color: bool) {
    let limit = Duration::from_secs(LETTER_SECONDS) + GRACE;
    loop {
        std::thread::sleep(Duration::from_millis(250));
        // The lock is held until the process ends, so the letter's guard
        // cannot be dropped, and its output written, in between.
        let current = CURRENT.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((letter, started)) = current.as_ref()
            && started.elapsed() >= limit
        {
            eprintln!("{}", zhauap::budget::over(letter).render(color));
            std::process::exit(super::EXIT_REFUSED);
        }
    }
}
