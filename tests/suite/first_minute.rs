//! Issue 8: a new user's first minute — init, schema, completions, man, help.

use std::path::Path;

use crate::common::zhauap;

#[test]
fn init_writes_a_letter_that_checks_and_renders_in_both_languages() {
    for lang in ["ru", "kk"] {
        let dir = tempfile::tempdir().unwrap();
        let letter = dir.path().join(format!("{lang}.yaml"));
        zhauap()
            .args(["init", "--lang", lang])
            .arg(&letter)
            .assert()
            .success();
        let text = std::fs::read_to_string(&letter).unwrap();
        assert!(
            text.starts_with("# yaml-language-server: $schema=zhauap-letter.schema.json\n"),
            "modeline first: {text:.80}"
        );
        assert!(dir.path().join("zhauap-letter.schema.json").exists());
        assert!(text.contains(&format!("lang: {lang}")));
        // Every field of the format is present, each with a comment before it.
        for field in [
            "lang:",
            "template:",
            "letterhead:",
            "outgoing:",
            "inquiry:",
            "addressee:",
            "salutation:",
            "opening:",
            "body:",
            "closing:",
            "attachments:",
            "signature:",
            "executor:",
        ] {
            let at = text
                .find(&format!("\n{field}"))
                .unwrap_or_else(|| panic!("{lang}: {field} missing"));
            let before = text[..at].lines().last().unwrap_or("");
            assert!(
                before.starts_with('#'),
                "{lang}: no comment before {field}: {before:?}"
            );
        }
        zhauap().arg("check").arg(&letter).assert().success();
        zhauap().arg("render").arg(&letter).assert().success();
        let pdf = letter.with_extension("pdf");
        assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    }
}

#[test]
fn init_never_overwrites_a_letter() {
    let dir = tempfile::tempdir().unwrap();
    let letter = dir.path().join("mine.yaml");
    std::fs::write(&letter, "my own letter").unwrap();
    zhauap().arg("init").arg(&letter).assert().code(1);
    assert_eq!(std::fs::read_to_string(&letter).unwrap(), "my own letter");
}

fn schema() -> serde_json::Value {
    let out = zhauap().arg("schema").output().unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

fn yaml_as_json(path: &Path) -> serde_json::Value {
    serde_saphyr::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn schema_validates_the_reference_letter_and_rejects_a_misspelled_field() {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    let reference = yaml_as_json(Path::new("examples/dz-83-reply.yaml"));
    let errors: Vec<String> = validator
        .iter_errors(&reference)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    for starter in ["examples/starter-ru.yaml", "examples/starter-kk.yaml"] {
        assert!(
            validator.is_valid(&yaml_as_json(Path::new(starter))),
            "{starter}"
        );
    }
    let mut bad = reference.clone();
    let sig = bad.as_object_mut().unwrap().remove("signature").unwrap();
    bad.as_object_mut().unwrap().insert("sigature".into(), sig);
    assert!(!validator.is_valid(&bad));
    let mut bad_date = reference;
    bad_date["inquiry"]["date"] = "22.04.2020".into();
    assert!(!validator.is_valid(&bad_date));
}

#[test]
fn check_rejects_a_misspelled_field_with_a_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let letter = dir.path().join("bad.yaml");
    let text = std::fs::read_to_string("examples/dz-83-reply.yaml")
        .unwrap()
        .replace("\nsalutation:", "\nsalutaton:");
    std::fs::write(&letter, text).unwrap();
    let out = zhauap().arg("check").arg(&letter).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("did you mean 'salutation'"), "{err}");
}

#[test]
fn completions_and_man_page_generate() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = zhauap().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("zhauap"),
            "{shell}"
        );
    }
    let man = zhauap().arg("man").output().unwrap();
    assert!(man.status.success());
    let text = String::from_utf8_lossy(&man.stdout);
    assert!(text.contains(".TH zhauap 1"));
    assert!(text.contains("render"));
}

#[test]
fn every_command_has_help_with_an_example() {
    let commands = crate::common::subcommands();
    for expected in [
        "render",
        "check",
        "batch",
        "preview",
        "init",
        "schema",
        "completions",
        "man",
    ] {
        assert!(
            commands.iter().any(|c| c == expected),
            "--help does not list {expected}: {commands:?}"
        );
    }
    for c in &commands {
        let out = zhauap().args([c, "--help"]).output().unwrap();
        assert!(out.status.success(), "{c}");
        let h = String::from_utf8_lossy(&out.stdout);
        assert!(
            h.contains("Example:") && h.contains("zhauap "),
            "{c} --help has no example:\n{h}"
        );
    }
}

#[test]
fn no_colour_when_not_a_terminal_or_no_color_is_set() {
    let out = zhauap()
        .args(["check", "no-such-letter.yaml"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        !out.stderr.contains(&0x1b),
        "escape codes in {:?}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn quiet_prints_nothing_on_success_and_verbose_prints_time() {
    let dir = tempfile::tempdir().unwrap();
    let out_pdf = dir.path().join("r.pdf");
    let q = zhauap()
        .args(["-q", "render", "examples/dz-83-reply.yaml", "-o"])
        .arg(&out_pdf)
        .output()
        .unwrap();
    assert!(q.status.success());
    assert!(q.stderr.is_empty() && q.stdout.is_empty());
    let v = zhauap()
        .args(["-v", "render", "examples/dz-83-reply.yaml", "-o"])
        .arg(&out_pdf)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&v.stderr).contains(" ms"));
}
