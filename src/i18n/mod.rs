//! Every word zhauap says to its user (messages, help lines, the CLI's and
//! the preview's texts), in Russian, Kazakh and English.
//!
//! The words are Project Fluent files compiled into the binary,
//! `locales/<ru|kk|en>/<area>.ftl`, one file per area of the program so
//! that each area's messages are edited in one place; [`AREAS`] lists them.
//! Code asks for a message by id with [`tr!`](crate::tr):
//!
//! ```
//! let s = zhauap::tr!("common-help");
//! assert!(!s.is_empty());
//! ```
//!
//! The language is chosen once per process ([`set`], by the CLI) or per
//! thread ([`with`], tests); see [`lang`] for how and for the default.
//! Letters' own words are not here: they come from the Tera templates.

pub mod lang;
pub mod schema;

#[cfg(test)]
mod tests;

pub use lang::{UiLang, current, set, with};

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The message files of one area in each language, in [`UiLang::ALL`] order.
macro_rules! area {
    ($name:literal) => {
        (
            $name,
            [
                include_str!(concat!("../../locales/ru/", $name, ".ftl")),
                include_str!(concat!("../../locales/kk/", $name, ".ftl")),
                include_str!(concat!("../../locales/en/", $name, ".ftl")),
            ],
        )
    };
}

/// The areas: adding one is a line here and a file in each language.
pub const AREAS: &[(&str, [&str; 3])] = &[
    // Diagnostic chrome: "error", "warning", "help", counts.
    area!("common"),
    // Checking a letter: fields, values, YAML mistakes, warnings.
    area!("letter"),
    // The command line: --help, init, render, check.
    area!("cli"),
    // Templates and composing.
    area!("compose"),
    // The letter markup templates print.
    area!("document"),
    // batch and mail merge.
    area!("batch"),
    // Writing output files.
    area!("output"),
    // Setting the pages and writing the PDF.
    area!("typeset"),
    // The editor schema's descriptions.
    area!("schema"),
    // The command line's own help: `--help`, headings, the parser's errors.
    area!("help"),
    // The live preview.
    area!("preview"),
    // Signatures: verify and card.
    area!("sign"),
];

/// The bundle of one area's messages in one language (indexes into
/// [`UiLang::ALL`] and [`AREAS`]), built the first time one of them is asked
/// for: a run shows few messages, mostly of one or two areas, and parsing
/// all of a language's files for the first was 1.9 M instructions, a
/// twentieth of a cold render. (A message refers only to messages of its
/// own file: `tests::references_stay_in_their_file`.)
fn bundle_of(lang: usize, area: usize) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: [[OnceLock<FluentBundle<FluentResource>>; AREAS.len()]; UiLang::ALL.len()] =
        [const { [const { OnceLock::new() }; AREAS.len()] }; UiLang::ALL.len()];
    BUNDLES[lang][area].get_or_init(|| {
        let code = UiLang::ALL[lang].code();
        let mut bundle = FluentBundle::new_concurrent(vec![code.parse().unwrap_or_default()]);
        // No U+2068/U+2069 around values: they would show in terminals and
        // logs, and are the very characters the letter's checks refuse.
        bundle.set_use_isolating(false);
        // A file that does not parse, or repeats an id, still gives its
        // good messages; the tests parse every file and refuse repeats.
        let text = AREAS[area].1[lang];
        let resource = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
        bundle
    })
}

/// The bundle that defines `id` in language `lang`: the area the id's first
/// word names (`letter-…` is in letter.ftl), else (for the few ids named
/// otherwise, such as sign.ftl's `card-…`) the first area whose file has
/// the id's text and defines it. Ids are unique across the areas
/// (`tests::every_message_is_in_every_language_with_the_same_variables`).
fn bundle_with(lang: usize, id: &str) -> Option<&'static FluentBundle<FluentResource>> {
    let named = AREAS.iter().position(|(name, _)| {
        id.strip_prefix(name)
            .is_some_and(|rest| rest.starts_with('-'))
    });
    let others =
        (0..AREAS.len()).filter(|&area| Some(area) != named && AREAS[area].1[lang].contains(id));
    named
        .into_iter()
        .chain(others)
        .map(|area| bundle_of(lang, area))
        .find(|bundle| bundle.has_message(id))
}

/// A value given to a message.
pub struct Arg<'a>(FluentValue<'a>);

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg(FluentValue::from(s))
    }
}
impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg(FluentValue::from(s.as_str()))
    }
}
impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg(FluentValue::from(s))
    }
}
impl<'a> From<Cow<'a, str>> for Arg<'a> {
    fn from(s: Cow<'a, str>) -> Self {
        Arg(FluentValue::from(s))
    }
}
impl From<char> for Arg<'_> {
    fn from(c: char) -> Self {
        Arg(FluentValue::from(c.to_string()))
    }
}
macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg(FluentValue::from(n))
            }
        }
    )*};
}
number_arg!(usize, u8, u16, u32, u64, i32, i64);

/// The message `id` in the current language, with `args` put in.
pub fn message(id: &str, args: &[(&str, Arg<'_>)]) -> String {
    message_in(current(), id, args)
}

/// The message `id` in `lang`. An id no file defines gives the id itself
/// (`tests::every_id_used_is_defined` keeps that from happening).
pub fn message_in(lang: UiLang, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    let Some(bundle) = bundle_with(lang.index(), id) else {
        return id.to_owned();
    };
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_owned();
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fluent_args.set(*name, value.0.clone());
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors)
        .into_owned()
}

/// The message `id` in `lang` without values, or `None` when no file of
/// that language defines it: for texts whose ids are made from names (the
/// command line's arguments, the schema's fields) rather than written in a
/// `tr!`.
pub fn lookup(lang: UiLang, id: &str) -> Option<String> {
    let bundle = bundle_with(lang.index(), id)?;
    let pattern = bundle.get_message(id).and_then(|m| m.value())?;
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, None, &mut errors)
            .into_owned(),
    )
}

/// A message in the current language: `tr!("id")` or
/// `tr!("id", name = value, …)`, each value a string, a `char` or a number
/// (numbers choose plural forms: `{ $n -> [one] … *[other] … }`).
#[macro_export]
macro_rules! tr {
    ($id:literal $(,)?) => {
        $crate::i18n::message($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::message(
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        )
    };
}
