//! Messages in the clerk's language (issue 16): every case of the
//! robustness corpus (`tests/corpus/cases.yaml`), run with
//! `LANG=ru_RU.UTF-8` and `LANG=kk_KZ.UTF-8`, says its problems in that
//! language (no English word outside the small allowed set below) at the
//! same `file:line:col` as in English.
//!
//! The cases are grouped by the area of the program whose messages they
//! show, so that each area can be checked alone:
//! `cargo test --release --test main messages::letter`.

use std::collections::BTreeSet;

use super::robustness::{Case, Names, cases, setup};

/// ASCII words a Russian or Kazakh message may hold besides what it
/// quotes: names of formats and standards. Field names, values, options
/// and file names are quoted («…», `…`) or are paths, and are taken out
/// before the words are looked at.
const ALLOWED: &[&str] = &[
    "YAML", "UTF", "ISO", "PNG", "SVG", "JPG", "PDF", "HTML", "U",
];

/// The letter's field names, from its JSON schema: lists of fields
/// ("здесь допустимы поля: lang, template, …") name them as they are
/// written. Split into words at `_`, as the check splits them.
pub(super) fn field_names() -> BTreeSet<String> {
    fn walk(v: &serde_json::Value, out: &mut BTreeSet<String>) {
        match v {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    if k == "properties"
                        && let serde_json::Value::Object(fields) = v
                    {
                        out.extend(fields.keys().flat_map(|f| f.split('_')).map(str::to_owned));
                    }
                    walk(v, out);
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|i| walk(i, out)),
            _ => {}
        }
    }
    let schema: serde_json::Value =
        serde_json::from_str(&zhauap::letter::schema::json()).expect("the schema is JSON");
    let mut out = BTreeSet::new();
    walk(&schema, &mut out);
    // Values the messages name as they are written: alignments.
    out.extend(["left", "center", "right"].map(String::from));
    out
}

/// Where a case's first message comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Area {
    /// Reading and checking the letter (src/letter).
    Letter,
    /// Templates and composing.
    Compose,
    /// Writing the output.
    Output,
    /// Reading the files the letter names (the emblem: src/resolve.rs).
    Images,
}

fn area(case: &Case) -> Area {
    match case.names {
        Names::Output => Area::Output,
        Names::Template => Area::Compose,
        Names::Letter if case.templates.is_some() => Area::Compose,
        Names::Letter if case.output.is_some() => Area::Output,
        Names::Letter if case.letter.starts_with("emblem-") => Area::Images,
        // The template a letter names is looked up by the composer.
        Names::Letter if case.letter.starts_with("template-") => Area::Compose,
        Names::Letter => Area::Letter,
    }
}

/// The binary in `lang` as the machine's locale chooses it.
pub(super) fn run(args: &[String], lang: Option<&str>) -> String {
    let mut command = crate::common::zhauap();
    if let Some(lang) = lang {
        command
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANGUAGE")
            .env("LANG", lang);
    }
    let out = command.args(args).output().expect("the binary runs");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The lines of messages: `file:line:col: level: …` and the help lines.
/// Not the snippets' lines (the letter's own text) nor what the CLI says
/// besides (`ok`, `wrote …`: the cli area's words, checked with it).
pub(super) fn message_line(line: &str, dir: &str) -> bool {
    let t = line.trim_start();
    let levels = [
        "ошибка",
        "қате",
        "error",
        "предупреждение",
        "ескерту",
        "warning",
    ];
    let located = line.starts_with(dir) || line.starts_with("<built-in>");
    located && levels.iter().any(|l| line.contains(&format!(": {l}: ")))
        || ["подсказка:", "кеңес:", "help:"]
            .iter()
            .any(|h| t.starts_with(h))
        || t.starts_with('…')
}

/// The `file:line:col` (or `file`) each message starts with.
pub(super) fn places(stderr: &str, dir: &str) -> Vec<String> {
    stderr
        .lines()
        .filter(|l| l.starts_with(dir) || l.starts_with("<built-in>"))
        .filter_map(|l| l.split_once(": ").map(|(place, _)| place.to_owned()))
        .collect()
}

/// What is left of a message line to be in the clerk's language: quoted
/// parts («…», `…`, '…', "…"), paths, options and code points taken out.
pub(super) fn words_to_check(line: &str, dir: &str, fields: &BTreeSet<String>) -> Vec<String> {
    let mut text = line.replace(dir, " ");
    for (open, close) in [('«', '»'), ('`', '`'), ('"', '"'), ('\'', '\'')] {
        let mut out = String::new();
        let mut inside = false;
        for c in text.chars() {
            if !inside && c == open {
                inside = true;
            } else if inside && c == close {
                inside = false;
            } else if !inside {
                out.push(c);
            }
        }
        text = out;
    }
    text.split(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == '(' || c == ')')
        .filter(|w| !w.starts_with("--") && !w.contains('/') && !w.contains('.'))
        .filter(|w| !w.starts_with("U+") && !w.starts_with("0x"))
        .flat_map(|w| {
            w.split(|c: char| !c.is_ascii_alphabetic())
                .filter(|p| !p.is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .filter(|w| !ALLOWED.contains(&w.as_str()) && !fields.contains(w))
        .collect()
}

fn check_area(wanted: Area) {
    let mut problems = Vec::new();
    let mut seen = 0;
    let fields = field_names();
    for case in cases().iter().filter(|c| area(c) == wanted) {
        let s = setup(case);
        let dir = s.dir.path().display().to_string();
        let mut check = vec!["check".to_owned(), s.letter.display().to_string()];
        if let Some(i) = s.args.iter().position(|a| a == "--templates") {
            check.extend_from_slice(&s.args[i..i + 2]);
        }
        for args in [s.args.clone(), check] {
            let english = run(&args, None);
            let english_places = places(&english, &dir);
            for lang in ["ru_RU.UTF-8", "kk_KZ.UTF-8"] {
                let said = run(&args, Some(lang));
                seen += 1;
                if places(&said, &dir) != english_places {
                    problems.push(format!(
                        "{} ({} {lang}): places differ from English:\n{said}\n--- English:\n{english}",
                        case.letter, args[0]
                    ));
                }
                let english_words: BTreeSet<String> = said
                    .lines()
                    .filter(|l| message_line(l, &dir))
                    .flat_map(|l| words_to_check(l, &dir, &fields))
                    .collect();
                if !english_words.is_empty() {
                    problems.push(format!(
                        "{} ({} {lang}): English words {english_words:?} in:\n{said}",
                        case.letter, args[0]
                    ));
                }
            }
        }
    }
    assert!(seen > 0, "no case of {wanted:?}");
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn letter_messages_are_in_russian_and_kazakh_at_the_same_places() {
    check_area(Area::Letter);
}

#[test]
fn compose_messages_are_in_russian_and_kazakh_at_the_same_places() {
    check_area(Area::Compose);
}

#[test]
fn output_messages_are_in_russian_and_kazakh_at_the_same_places() {
    check_area(Area::Output);
}

#[test]
fn image_messages_are_in_russian_and_kazakh_at_the_same_places() {
    check_area(Area::Images);
}

#[test]
fn the_check_of_words_finds_english_and_passes_quotes() {
    let dir = "/tmp/x";
    let fields = field_names();
    assert!(fields.contains("signature") && fields.contains("contacts"));
    assert_eq!(
        words_to_check(
            "/tmp/x/a.yaml:3:1: ошибка: unknown field «sigature»",
            dir,
            &fields
        ),
        ["unknown", "field"]
    );
    assert!(
        words_to_check(
            "/tmp/x/a.yaml:3:1: ошибка: в «inquiry.date» U+200B, `lang: kk`, YAML --deny-warnings; поля: lang, contacts_kk",
            dir,
            &fields
        )
        .is_empty()
    );
}
