//! The command line's own words in the clerk's language: `--help`, `-h`,
//! `zhauap help SUB`, the headings, and the parser's error messages.
//!
//! The command line stays declared with clap's derive in English (its doc
//! comments); [`command`] builds it and then puts in every text from
//! `locales/<lang>/help.ftl`, by an id made of the command and the argument
//! (`help-render-output`, `help-check-about`; arguments every command has,
//! such as `--quiet` and `--help`, are `help-arg-…`). The English file holds
//! the derive's very texts (a test keeps them equal), so that `--ui-lang en`
//! prints what it always did, and a test fails on an id missing in any
//! language.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command, CommandFactory, FromArgMatches};

use zhauap::i18n::{self, UiLang};
use zhauap::tr;

use super::Cli;

/// The command line with its texts in `lang`, built (subcommands, the
/// generated `--help`/`--version` and `help` included) so that each of
/// those is translated too.
pub fn command(lang: UiLang) -> Command {
    let mut cmd = Cli::command();
    cmd.build();
    let mut put = |id: &str, _english: &str| i18n::lookup(lang, id);
    // English keeps clap's own "[default: …]" and "[possible values: …]".
    let specs = (lang != UiLang::En).then_some(lang);
    visit(&mut cmd, "zhauap", specs, &mut put);
    cmd
}

/// Calls `put(id, text)` for each text of `cmd` and its subcommands, and
/// puts in what it returns. `specs`: also write the default and possible
/// values in that language (clap writes them in English).
fn visit(
    cmd: &mut Command,
    key: &str,
    specs: Option<UiLang>,
    put: &mut dyn FnMut(&str, &str) -> Option<String>,
) {
    let id = |part: &str| format!("help-{key}-{part}");
    let mut c = std::mem::take(cmd);
    if let Some(text) = c.get_about().map(ToString::to_string)
        && let Some(new) = put(&id("about"), &text)
    {
        c = c.about(new);
    }
    if let Some(text) = c.get_long_about().map(ToString::to_string)
        && let Some(new) = put(&id("long-about"), &text)
    {
        c = c.long_about(new);
    }
    if let Some(text) = c.get_after_help().map(ToString::to_string)
        && let Some(new) = put(&id("after"), &text)
    {
        c = c.after_help(new);
    }
    if let Some(text) = c.get_after_long_help().map(ToString::to_string)
        && let Some(new) = put(&id("after-long"), &text)
    {
        c = c.after_long_help(new);
    }
    if c.has_subcommands()
        && let Some(heading) = put("help-heading-commands", "Commands")
    {
        c = c.subcommand_help_heading(heading);
    }
    if let Some(usage) = put("help-heading-usage", "Usage") {
        let style = *c.get_styles().get_usage();
        c = c.help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{style}{usage}:{style:#} {{usage}}\n\n{{all-args}}{{after-help}}"
        ));
    }
    c = c.mut_args(|arg| visit_arg(arg, key, specs, put));
    for sub in c.get_subcommands_mut() {
        // `zhauap help`'s own list of subcommands repeats their abouts:
        // the same ids.
        let name = sub.get_name().to_owned();
        visit(sub, &name, specs, put);
    }
    *cmd = c;
}

/// The texts of one argument: its help, long help, heading, and (with
/// `specs`) its default and possible values.
fn visit_arg(
    mut arg: Arg,
    key: &str,
    specs: Option<UiLang>,
    put: &mut dyn FnMut(&str, &str) -> Option<String>,
) -> Arg {
    let name = arg.get_id().as_str().replace('_', "-");
    // The same argument in every command: one id.
    let shared = arg.is_global_set() || name == "help" || name == "version";
    let id = if shared {
        format!("help-arg-{name}")
    } else {
        format!("help-{key}-{name}")
    };
    let long = arg.get_long_help().map(ToString::to_string);
    let short_id = if long.is_some() {
        format!("{id}-short")
    } else {
        id.clone()
    };
    let mut help = arg.get_help().map(ToString::to_string);
    if let Some(text) = &help
        && let Some(new) = put(&short_id, text)
    {
        help = Some(new);
    }
    let mut long_help = long
        .as_ref()
        .and_then(|text| put(&format!("{id}-long"), text).or(Some(text.clone())));
    let heading = if arg.is_positional() {
        put("help-heading-arguments", "Arguments")
    } else {
        put("help-heading-options", "Options")
    };
    if let Some(heading) = heading {
        arg = arg.help_heading(heading);
    }
    // Possible values with a help of their own: named in English by clap's
    // derive; their translations are written out with the values below.
    let values: Vec<(String, Option<String>)> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| {
            let help = v.get_help().map(|h| {
                let h = h.to_string();
                put(&format!("{id}-value-{}", v.get_name()), &h).unwrap_or(h)
            });
            (v.get_name().to_owned(), help)
        })
        .collect();
    if let Some(lang) = specs {
        let word = |id: &str| i18n::message_in(lang, id, &[]);
        let mut spec = Vec::new();
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if arg.get_action().takes_values() && !defaults.is_empty() {
            spec.push(format!(
                "[{}: {}]",
                word("help-spec-default"),
                defaults.join(" ")
            ));
        }
        let names: Vec<&str> = values.iter().map(|(n, _)| n.as_str()).collect();
        let listed = if names.is_empty() {
            None
        } else {
            Some(format!(
                "[{}: {}]",
                word("help-spec-values"),
                names.join(", ")
            ))
        };
        let text = help.take().unwrap_or_default();
        if values.iter().any(|(_, h)| h.is_some()) {
            // As clap does: `--help` lists the values with their help
            // and then the default; `-h` names them after the default.
            let mut list = format!("\n\n{}:", word("help-spec-values-long"));
            for (name, help) in &values {
                list.push_str(&format!("\n- {name}: {}", help.as_deref().unwrap_or("")));
            }
            let base = long_help.take().unwrap_or_else(|| text.clone());
            long_help = Some(join(&format!("{base}{list}\n"), &spec));
        }
        spec.extend(listed);
        help = Some(join(&text, &spec));
        arg = arg.hide_default_value(true).hide_possible_values(true);
    }
    if let Some(text) = help {
        arg = arg.help(text);
    }
    if let Some(text) = long_help {
        arg = arg.long_help(text);
    }
    arg
}

/// `text` and the bracketed `specs` after it, as clap writes them.
fn join(text: &str, specs: &[String]) -> String {
    if specs.is_empty() {
        return text.to_owned();
    }
    let specs = specs.join(" ");
    if text.is_empty() {
        specs
    } else if text.ends_with('\n') {
        format!("{text}\n{specs}")
    } else {
        format!("{text} {specs}")
    }
}

/// Parses the process's arguments with the texts in `lang`.
pub fn parse(lang: UiLang) -> Result<Cli, clap::Error> {
    // A good command line prints no text: parse it with the derive's own
    // command, and build the translated one (every text looked up in the
    // message files: 3.3 M instructions, a thirteenth of a cold render)
    // only when a help or an error is to be printed. Both parse alike; only
    // their words differ.
    if let Ok(cli) = <Cli as clap::Parser>::try_parse_from(std::env::args_os()) {
        return Ok(cli);
    }
    let mut cmd = command(lang);
    let mut matches = cmd.try_get_matches_from_mut(std::env::args_os())?;
    Cli::from_arg_matches_mut(&mut matches).map_err(|e| e.format(&mut cmd))
}

/// Prints a parse error or the help it stands for; the exit code.
pub fn print_error(e: &clap::Error, lang: UiLang) -> i32 {
    if !e.use_stderr() {
        let _ = e.print();
        return super::EXIT_OK;
    }
    match (lang, error_message(e)) {
        // English: clap's own words, as always.
        (UiLang::En, _) | (_, None) => {
            let _ = e.print();
        }
        (_, Some(message)) => eprint!("{message}"),
    }
    super::EXIT_USAGE
}

fn context(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(list) => Some(list.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(list) => Some(
            list.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        ContextValue::Bool(b) => Some(b.to_string()),
        ContextValue::None => None,
        _ => None,
    }
}

/// A parse error in the current language: what is wrong, a similar
/// argument, subcommand or value if there is one, the usage and where to
/// read more. `None` for the errors clap gives no details of (they are
/// printed as clap writes them).
fn error_message(e: &clap::Error) -> Option<String> {
    let arg = || context(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = || context(e, ContextKind::InvalidValue).unwrap_or_default();
    let what = match e.kind() {
        ErrorKind::ArgumentConflict => {
            let prior = context(e, ContextKind::PriorArg);
            match (context(e, ContextKind::InvalidArg), prior) {
                (Some(a), Some(p)) if a == p => tr!("help-error-repeated", arg = a),
                (Some(a), Some(p)) => tr!("help-error-conflict", arg = a, other = p),
                (Some(a), None) => tr!("help-error-conflict-any", arg = a),
                (None, _) => return None,
            }
        }
        ErrorKind::NoEquals => tr!("help-error-no-equals", arg = arg()),
        ErrorKind::InvalidValue if value().is_empty() => {
            tr!("help-error-value-missing", arg = arg())
        }
        ErrorKind::InvalidValue => {
            let mut what = tr!("help-error-invalid-value", arg = arg(), value = value());
            if let Some(values) = context(e, ContextKind::ValidValue) {
                what.push_str(&format!("\n  [{}: {values}]", tr!("help-spec-values")));
            }
            what
        }
        ErrorKind::InvalidSubcommand => tr!(
            "help-error-unknown-subcommand",
            name = context(e, ContextKind::InvalidSubcommand)?
        ),
        ErrorKind::MissingRequiredArgument => match e.get(ContextKind::InvalidArg)? {
            ContextValue::Strings(missing) => {
                let mut what = tr!("help-error-missing");
                for m in missing {
                    what.push_str(&format!("\n  {m}"));
                }
                what
            }
            _ => return None,
        },
        ErrorKind::MissingSubcommand => tr!(
            "help-error-missing-subcommand",
            name = context(e, ContextKind::InvalidSubcommand)?
        ),
        ErrorKind::TooManyValues => tr!("help-error-too-many", arg = arg(), value = value()),
        ErrorKind::ValueValidation => {
            let reason = std::error::Error::source(e)
                .map(ToString::to_string)
                .unwrap_or_default();
            // clap's number ranges say "0 is not in 1..=256".
            let reason = match reason.split_once(" is not in ") {
                Some((_, range)) => tr!("help-error-range", range = range),
                None => reason,
            };
            tr!(
                "help-error-validation",
                arg = arg(),
                value = value(),
                reason = reason
            )
        }
        ErrorKind::UnknownArgument => tr!("help-error-unknown-argument", arg = arg()),
        ErrorKind::TooFewValues
        | ErrorKind::WrongNumberOfValues
        | ErrorKind::InvalidUtf8
        | ErrorKind::DisplayHelp
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        | ErrorKind::DisplayVersion
        | ErrorKind::Io
        | ErrorKind::Format => return None,
        // A kind added to clap later: its own words.
        _ => return None,
    };
    let mut text = format!("{}: {what}\n", tr!("common-error"));
    for (kind, id) in [
        (
            ContextKind::SuggestedSubcommand,
            "help-error-similar-subcommand",
        ),
        (ContextKind::SuggestedArg, "help-error-similar-argument"),
        (ContextKind::SuggestedValue, "help-error-similar-value"),
    ] {
        if let Some(similar) = context(e, kind) {
            text.push_str(&format!(
                "\n  {}: {}\n",
                tr!("common-help"),
                i18n::message(id, &[("similar", i18n::Arg::from(similar))])
            ));
        }
    }
    if let Some(usage) = context(e, ContextKind::Usage) {
        // clap's usage starts with its English "Usage:".
        let usage = usage.trim().trim_start_matches("Usage:").trim_start();
        text.push_str(&format!("\n{}: {usage}\n", tr!("help-heading-usage")));
    }
    text.push_str(&format!("\n{}\n", tr!("help-error-more")));
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every id of the command line's texts, with the derive's English.
    fn texts() -> Vec<(String, String)> {
        let mut cmd = Cli::command();
        cmd.build();
        let mut found = Vec::new();
        visit(&mut cmd, "zhauap", None, &mut |id, english| {
            if !found.iter().any(|(i, _)| i == id) {
                found.push((id.to_owned(), english.to_owned()));
            }
            None
        });
        found
    }

    #[test]
    fn every_text_has_its_id_in_every_language_and_english_is_the_derive_s() {
        let texts = texts();
        assert!(texts.len() > 80, "{}", texts.len());
        for (id, english) in &texts {
            for lang in UiLang::ALL {
                let text = i18n::lookup(lang, id).unwrap_or_else(|| {
                    panic!("{id} is missing in locales/{}/help.ftl", lang.code())
                });
                assert!(!text.trim().is_empty(), "{id} is empty in {}", lang.code());
            }
            assert_eq!(i18n::lookup(UiLang::En, id).as_ref(), Some(english), "{id}");
        }
    }

    #[test]
    fn every_id_of_the_help_file_is_used() {
        let used: Vec<String> = texts().into_iter().map(|(id, _)| id).collect();
        let source = include_str!("help.rs");
        for line in include_str!("../../locales/en/help.ftl").lines() {
            let Some((id, _)) = line.split_once(" =") else {
                continue;
            };
            if id.starts_with("help-") && !id.contains(' ') {
                assert!(
                    used.iter().any(|u| u == id) || source.contains(&format!("\"{id}\"")),
                    "{id} is not used"
                );
            }
        }
    }

    /// Every page of help: the main one and each subcommand's, short and
    /// long.
    fn pages(mut cmd: Command) -> Vec<(String, String)> {
        let mut pages = vec![
            ("-h".to_owned(), cmd.render_help().to_string()),
            ("--help".to_owned(), cmd.render_long_help().to_string()),
        ];
        for sub in cmd.get_subcommands_mut() {
            let name = sub.get_name().to_owned();
            pages.push((format!("{name} -h"), sub.render_help().to_string()));
            pages.push((format!("{name} --help"), sub.render_long_help().to_string()));
        }
        pages
    }

    #[test]
    fn english_help_is_what_clap_writes_from_the_derive() {
        let mut derive = Cli::command();
        derive.build();
        let before = pages(derive);
        let after = pages(command(UiLang::En));
        assert_eq!(before.len(), after.len());
        assert!(before.len() >= 20);
        for ((page, b), (_, a)) in before.iter().zip(&after) {
            assert_eq!(a, b, "zhauap {page}");
        }
    }

    #[test]
    fn russian_and_kazakh_help_write_defaults_and_values_in_their_words() {
        for (lang, default, values) in [
            (UiLang::Ru, "[по умолчанию: text]", "Значения:"),
            (UiLang::Kk, "[әдепкі: text]", "Мәндері:"),
        ] {
            let mut cmd = command(lang);
            let check = cmd.find_subcommand_mut("check").unwrap();
            let short = check.render_help().to_string();
            let long = check.render_long_help().to_string();
            assert!(short.contains(default), "{short}");
            assert!(long.contains(values) && long.contains("- json: "), "{long}");
            for english in ["default:", "possible values", "Possible values"] {
                assert!(
                    !short.contains(english) && !long.contains(english),
                    "{long}"
                );
            }
        }
    }
}
