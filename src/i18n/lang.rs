//! Which language zhauap speaks to its user, and how it is chosen.
//!
//! The CLI chooses once, before it prints anything: `--ui-lang ru|kk|en`,
//! else the environment ([`UiLang::from_env`]), else Russian. The library
//! itself, when no one has chosen ([`current`] before [`set`]), speaks
//! English: a program or test that embeds it gets the same texts on every
//! machine, whatever the machine's `LANG`; only the CLI, which a clerk runs,
//! follows the clerk's locale.

use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};

/// A language of messages (not of letters: see [`crate::lang::Lang`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UiLang {
    Ru,
    Kk,
    En,
}

impl UiLang {
    pub const ALL: [UiLang; 3] = [UiLang::Ru, UiLang::Kk, UiLang::En];

    /// Where the language stands in [`UiLang::ALL`] (and in each area's
    /// files).
    pub fn index(self) -> usize {
        match self {
            UiLang::Ru => 0,
            UiLang::Kk => 1,
            UiLang::En => 2,
        }
    }

    /// The language's code: `ru`, `kk`, `en` (the `--ui-lang` values and
    /// the folders of `locales/`).
    pub fn code(self) -> &'static str {
        match self {
            UiLang::Ru => "ru",
            UiLang::Kk => "kk",
            UiLang::En => "en",
        }
    }

    /// The language of a code as `--ui-lang` takes it.
    pub fn from_code(code: &str) -> Option<UiLang> {
        UiLang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language of a POSIX locale name (`ru_RU.UTF-8`, `kk_KZ`, `en`,
    /// `C.UTF-8`): `ru*` Russian, `kk*` Kazakh, `en*` English; `C` and
    /// `POSIX` English, because they are what scripts set to get a
    /// program's untranslated, stable output (gettext does the same). Any
    /// other language is not known: `None`.
    pub fn from_locale(locale: &str) -> Option<UiLang> {
        let name = locale
            .split(['.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let language = name.split(['_', '-']).next().unwrap_or("");
        match language {
            "ru" => Some(UiLang::Ru),
            "kk" => Some(UiLang::Kk),
            "en" | "c" | "posix" => Some(UiLang::En),
            _ => None,
        }
    }

    /// The language the environment asks for, as gettext reads it: the
    /// locale of messages is the first non-empty of `LC_ALL`,
    /// `LC_MESSAGES`, `LANG`; unless that is `C`/`POSIX`, `LANGUAGE` (a
    /// list such as `kk:ru`) takes precedence, its first known entry. An
    /// unset locale or one of another language gives Russian: the clerks
    /// who use zhauap speak Russian or Kazakh, and Russian is the language
    /// both read.
    pub fn from_env() -> UiLang {
        UiLang::from_vars(|name| std::env::var(name).ok())
    }

    /// [`UiLang::from_env`] over any source of variables, for tests.
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> UiLang {
        let set = |name: &str| var(name).filter(|v| !v.is_empty());
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().find_map(&set);
        let neutral = locale.as_deref().is_some_and(|l| {
            let base = l.split('.').next().unwrap_or("");
            base == "C" || base == "POSIX"
        });
        if !neutral
            && let Some(list) = set("LANGUAGE")
            && let Some(lang) = list.split(':').find_map(UiLang::from_locale)
        {
            return lang;
        }
        locale
            .as_deref()
            .and_then(UiLang::from_locale)
            .unwrap_or(UiLang::Ru)
    }

    /// The value of `--ui-lang` in a command line, looked for before the
    /// command line is parsed, so that even the parser's own messages
    /// (`--help`, a mistyped option) are in the chosen language. Stops at
    /// `--`; an unknown value is left for the parser to refuse.
    pub fn from_args<I, S>(args: I) -> Option<UiLang>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut args = args.into_iter();
        let mut found = None;
        while let Some(arg) = args.next() {
            let arg = arg.as_ref().to_string_lossy().into_owned();
            if arg == "--" {
                break;
            }
            if arg == "--ui-lang" {
                let value = args.next();
                found = value.and_then(|v| UiLang::from_code(&v.as_ref().to_string_lossy()));
            } else if let Some(value) = arg.strip_prefix("--ui-lang=") {
                found = UiLang::from_code(value);
            }
        }
        found
    }
}

/// The process's language: 0 while no one has chosen, else 1 + index in
/// [`UiLang::ALL`].
static CHOSEN: AtomicU8 = AtomicU8::new(0);

thread_local! {
    /// A language for this thread only ([`with`]): tests of messages in
    /// several languages run side by side in one process.
    static THREAD: Cell<Option<UiLang>> = const { Cell::new(None) };
}

/// Chooses the language of every message from now on (the CLI, once).
pub fn set(lang: UiLang) {
    CHOSEN.store(lang.index() as u8 + 1, Ordering::Relaxed);
}

/// The language messages are in now: this thread's ([`with`]), else the
/// one [`set`], else English (see the module's comment).
pub fn current() -> UiLang {
    if let Some(lang) = THREAD.with(Cell::get) {
        return lang;
    }
    match CHOSEN.load(Ordering::Relaxed) {
        0 => UiLang::En,
        n => UiLang::ALL[usize::from(n - 1).min(2)],
    }
}

/// Runs `f` with messages in `lang` on this thread.
pub fn with<T>(lang: UiLang, f: impl FnOnce() -> T) -> T {
    struct Restore(Option<UiLang>);
    impl Drop for Restore {
        fn drop(&mut self) {
            THREAD.with(|t| t.set(self.0));
        }
    }
    let _restore = Restore(THREAD.with(|t| t.replace(Some(lang))));
    f()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> UiLang {
        UiLang::from_vars(|name| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn the_environment_chooses_as_gettext_does() {
        assert_eq!(env(&[("LANG", "ru_RU.UTF-8")]), UiLang::Ru);
        assert_eq!(env(&[("LANG", "kk_KZ.UTF-8")]), UiLang::Kk);
        assert_eq!(env(&[("LANG", "en_GB.UTF-8")]), UiLang::En);
        // Unset, empty or another language: Russian.
        assert_eq!(env(&[]), UiLang::Ru);
        assert_eq!(env(&[("LANG", "")]), UiLang::Ru);
        assert_eq!(env(&[("LANG", "de_DE.UTF-8")]), UiLang::Ru);
        // C and POSIX: the untranslated messages, and LANGUAGE is ignored.
        assert_eq!(env(&[("LANG", "C.UTF-8")]), UiLang::En);
        assert_eq!(env(&[("LC_ALL", "POSIX"), ("LANGUAGE", "kk")]), UiLang::En);
        // LC_ALL over LC_MESSAGES over LANG; LANGUAGE over all three.
        assert_eq!(
            env(&[("LC_ALL", "kk_KZ.UTF-8"), ("LANG", "ru_RU.UTF-8")]),
            UiLang::Kk
        );
        assert_eq!(
            env(&[("LC_MESSAGES", "en_US.UTF-8"), ("LANG", "ru_RU.UTF-8")]),
            UiLang::En
        );
        assert_eq!(
            env(&[("LANGUAGE", "de:kk:ru"), ("LANG", "ru_RU.UTF-8")]),
            UiLang::Kk
        );
    }

    #[test]
    fn the_flag_is_found_before_parsing() {
        assert_eq!(
            UiLang::from_args(["zhauap", "check", "--ui-lang", "kk", "a.yaml"]),
            Some(UiLang::Kk)
        );
        assert_eq!(
            UiLang::from_args(["zhauap", "--ui-lang=en", "check"]),
            Some(UiLang::En)
        );
        assert_eq!(UiLang::from_args(["zhauap", "--", "--ui-lang=en"]), None);
        assert_eq!(UiLang::from_args(["zhauap", "--ui-lang", "de"]), None);
    }

    #[test]
    fn a_thread_may_speak_its_own_language() {
        with(UiLang::Kk, || {
            assert_eq!(current(), UiLang::Kk);
            with(UiLang::Ru, || assert_eq!(current(), UiLang::Ru));
            assert_eq!(current(), UiLang::Kk);
        });
    }
}
