//! The command line's own words in the clerk's language: `--help` of zhauap
//! and of every subcommand, the parser's errors, and the editor schema's
//! descriptions, chosen by `LANG` or `--ui-lang`; English kept as it was.

use crate::common::{subcommands, zhauap};

/// zhauap run with `LANG=locale` and nothing that outranks it.
fn with_lang(locale: &str) -> assert_cmd::Command {
    let mut command = zhauap();
    command
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env("LANG", locale);
    command
}

/// The words of `text` written in Latin letters that are neither option
/// names, placeholders, paths, values nor names: what a translation missed.
fn english_words(text: &str, subs: &[String]) -> Vec<String> {
    // Names that are the same in every language: the program, formats,
    // values the options take, and tools.
    const NAMES: &[&str] = &[
        "zhauap",
        "text",
        "json",
        "pdf",
        "html",
        "ru",
        "kk",
        "en",
        "bash",
        "zsh",
        "fish",
        "elvish",
        "powershell",
        "auto",
        "glob",
        "roff",
        "man",
        "base64",
        "ddcard",
        "file",
        "true",
        "draft",
        "items",
        "table",
        "Ctrl-C",
    ];
    let mut found = Vec::new();
    for token in text.split_whitespace() {
        let token = token.trim_matches(|c: char| "«»()[],;:.…'\"`".contains(c));
        // Options, placeholders, paths, file names, variables, acronyms.
        let technical = token.contains(['-', '.', '/', '<', '>', '[', ']', '=', '*', '_', '$'])
            || token.chars().all(|c| !c.is_lowercase());
        if technical || !token.chars().any(|c| c.is_ascii_alphabetic()) {
            continue;
        }
        if !NAMES.contains(&token) && !subs.iter().any(|s| s == token) {
            found.push(token.to_owned());
        }
    }
    found
}

#[test]
fn every_help_page_is_in_russian_and_kazakh_with_lang() {
    let mut subs = subcommands();
    assert!(subs.len() >= 10, "{subs:?}");
    subs.push("help".to_owned());
    // The check finds what it looks for: English help is full of it.
    let english = with_lang("C.UTF-8").arg("--help").output().unwrap();
    let english = english_words(&String::from_utf8(english.stdout).unwrap(), &subs);
    assert!(english.len() > 50, "{english:?}");
    for (locale, usage, options) in [
        ("ru_RU.UTF-8", "Использование: zhauap", "Параметры:"),
        ("kk_KZ.UTF-8", "Қолданылуы: zhauap", "Параметрлер:"),
    ] {
        let mut pages: Vec<Vec<String>> = vec![vec!["--help".into()], vec!["-h".into()]];
        for sub in &subs {
            // `zhauap help` takes no --help of its own.
            if sub != "help" {
                pages.push(vec![sub.clone(), "--help".into()]);
                pages.push(vec![sub.clone(), "-h".into()]);
            }
            pages.push(vec!["help".into(), sub.clone()]);
        }
        for args in pages {
            let out = with_lang(locale).args(&args).output().unwrap();
            assert!(out.status.success(), "{locale} {args:?}");
            let help = String::from_utf8(out.stdout).unwrap();
            // `zhauap help help` has commands but no options.
            let has_options = args != ["help", "help"];
            assert!(
                help.contains(usage) && (help.contains(options) || !has_options),
                "{locale} {args:?}:\n{help}"
            );
            let english = english_words(&help, &subs);
            assert!(
                english.is_empty(),
                "{locale} {args:?}: {english:?} in\n{help}"
            );
        }
    }
}

#[test]
fn the_english_help_is_kept_with_ui_lang_en_and_c() {
    for mut command in [with_lang("ru_RU.UTF-8"), with_lang("C.UTF-8")] {
        let out = command
            .args(["--ui-lang", "en", "render", "--help"])
            .output()
            .unwrap();
        let help = String::from_utf8(out.stdout).unwrap();
        for english in [
            "Render a letter to PDF (or HTML) next to it, or to -o OUT",
            "Usage: zhauap render [OPTIONS] <LETTER>",
            "Arguments:",
            "Options:",
            "[default: pdf]",
            "[possible values: pdf, html]",
            "Print help",
        ] {
            assert!(help.contains(english), "{english} not in:\n{help}");
        }
    }
}

#[test]
fn a_mistyped_command_line_is_refused_in_the_clerk_s_language() {
    for (locale, words) in [
        (
            "ru_RU.UTF-8",
            [
                "ошибка: неизвестный параметр «--formt»",
                "есть похожий параметр: «--format»",
                "Подробнее: «--help».",
            ],
        ),
        (
            "kk_KZ.UTF-8",
            [
                "қате: белгісіз параметр «--formt»",
                "ұқсас параметр бар: «--format»",
                "Толығырақ: «--help».",
            ],
        ),
    ] {
        let out = with_lang(locale)
            .args(["render", "--formt", "pdf", "a.yaml"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8(out.stderr).unwrap();
        for w in words {
            assert!(err.contains(w), "{w} not in:\n{err}");
        }
    }
    let out = with_lang("ru_RU.UTF-8")
        .args(["batch", "in", "-o", "out", "--jobs", "0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("значение должно быть в пределах 1..="),
        "{err}"
    );
    // English: clap's own message, as before.
    let out = with_lang("ru_RU.UTF-8")
        .args(["--ui-lang", "en", "render", "--formt", "pdf", "a.yaml"])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("error: unexpected argument '--formt' found"),
        "{err}"
    );
}

/// The description of `field` in a printed letter schema.
fn description(schema: &str, field: &str) -> String {
    let schema: serde_json::Value = serde_json::from_str(schema).unwrap();
    schema["properties"][field]["description"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn the_schema_and_the_one_init_writes_describe_in_the_clerk_s_language() {
    for (locale, inquiry) in [
        ("ru_RU.UTF-8", "Запрос, на который отвечает письмо."),
        ("kk_KZ.UTF-8", "Осы хат жауап беретін сұрау."),
        ("C.UTF-8", "The inquiry this letter answers."),
    ] {
        let out = with_lang(locale).arg("schema").output().unwrap();
        let printed = String::from_utf8(out.stdout).unwrap();
        assert_eq!(description(&printed, "inquiry"), inquiry, "{locale}");
        let t = tempfile::tempdir().unwrap();
        let init = with_lang(locale)
            .current_dir(t.path())
            .args(["init", "a.yaml"])
            .output()
            .unwrap();
        assert!(init.status.success());
        let written = std::fs::read_to_string(t.path().join("zhauap-letter.schema.json")).unwrap();
        assert_eq!(written, printed, "{locale}");
    }
    // --ui-lang outranks LANG, and the schema stays a valid one.
    let out = with_lang("kk_KZ.UTF-8")
        .args(["schema", "--ui-lang", "ru"])
        .output()
        .unwrap();
    let printed = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        description(&printed, "inquiry"),
        "Запрос, на который отвечает письмо."
    );
    assert!(jsonschema_like(&printed));
}

/// The schema keeps its structure: the same keywords as the English one.
fn jsonschema_like(schema: &str) -> bool {
    let v: serde_json::Value = serde_json::from_str(schema).unwrap();
    v["$schema"].is_string() && v["$defs"]["OutgoingFile"]["properties"]["number"].is_object()
}
