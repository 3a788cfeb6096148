//! `zhauap check` finds letters as `batch` does (folders, globs, `.yml`),
//! and `check --format json` gives each problem as the batch manifest
//! records it: file, line, column, field, message, help, severity.

use std::path::Path;

use serde_json::Value;

use super::batch::{BROKEN, letter, write, zhauap};

/// A letter that renders but warns: its answer is dated before the inquiry
/// (line 2, at the outgoing date).
const WARNS: &str = "lang: ru
outgoing: { number: \"12-15/1\", date: 2024-01-05 }
inquiry: { number: ДЗ-1, date: 2024-01-10 }
addressee: Депутату Иванову И. И.
salutation: Уважаемый Иван Иванович!
body:
  - Строительство школы включено в план на 2024 год.
signature: { position: Министр, name: А. Б. Сидоров }
";

/// in/a.yaml (good), in/sub/b.yml (good), in/sub/bad.yaml (a misspelt
/// field on line 2), in/sub/notes.txt (not a letter).
fn folder(dir: &Path) {
    write(&dir.join("in/a.yaml"), &letter(1));
    write(&dir.join("in/sub/b.yml"), &letter(2));
    write(&dir.join("in/sub/bad.yaml"), BROKEN);
    write(&dir.join("in/sub/notes.txt"), "not a letter");
}

fn json(out: &std::process::Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}):\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn files_and_statuses(report: &Value) -> Vec<(String, String)> {
    report["letters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["file"].as_str().unwrap().to_owned(),
                l["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn check_of_a_folder_checks_every_yaml_and_yml_letter_below_it() {
    let t = tempfile::tempdir().unwrap();
    folder(t.path());
    let out = zhauap(t.path()).args(["check", "in"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("in/a.yaml: ok"), "{err}");
    assert!(err.contains("in/sub/b.yml: ok"), "the .yml letter: {err}");
    assert!(err.contains("in/sub/bad.yaml:2:1: error"), "{err}");
    assert!(!err.contains("notes.txt"), "{err}");
    // Nothing is written.
    assert!(!t.path().join("in/a.pdf").exists());
}

#[test]
fn check_of_a_glob_takes_only_what_it_matches() {
    let t = tempfile::tempdir().unwrap();
    folder(t.path());
    let out = zhauap(t.path())
        .args(["check", "in/**/*.yml", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        files_and_statuses(&json(&out)),
        [("in/sub/b.yml".to_owned(), "ok".to_owned())]
    );
    // A glob or folder with no letter is refused, as batch refuses it.
    let none = zhauap(t.path())
        .args(["check", "in/**/*.toml", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(none.status.code(), Some(1));
    let report = json(&none);
    assert_eq!(report["refused"], 1);
    assert_eq!(report["letters"][0]["status"], "refused");
}

#[test]
fn check_json_gives_each_problem_with_its_place_field_and_severity() {
    let t = tempfile::tempdir().unwrap();
    folder(t.path());
    write(&t.path().join("in/warns.yaml"), WARNS);
    let date = letter(3).replace("date: 2020-04-22", "date: 2020-13-22");
    assert_ne!(date, letter(3), "the reference letter has an inquiry date");
    write(&t.path().join("in/date.yaml"), &date);
    let out = zhauap(t.path())
        .args(["check", "in", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    // The report is all of standard output; nothing is printed for people.
    let report = json(&out);
    assert_eq!(report["program"], "zhauap");
    assert_eq!(report["refused"], 2);
    assert_eq!(
        files_and_statuses(&report),
        [
            ("in/a.yaml", "ok"),
            ("in/date.yaml", "refused"),
            ("in/sub/b.yml", "ok"),
            ("in/sub/bad.yaml", "refused"),
            ("in/warns.yaml", "warnings"),
        ]
        .map(|(f, s)| (f.to_owned(), s.to_owned()))
    );
    let problem = |file: &str| -> Value {
        report["letters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["file"] == file)
            .unwrap()["problems"][0]
            .clone()
    };
    let misspelt = problem("in/sub/bad.yaml");
    assert_eq!(misspelt["severity"], "error");
    assert_eq!(misspelt["file"], "in/sub/bad.yaml");
    assert_eq!(
        (&misspelt["line"], &misspelt["column"]),
        (&2.into(), &1.into())
    );
    assert_eq!(misspelt["field"], "sigature");
    assert!(misspelt["message"].as_str().unwrap().contains("signature"));
    assert!(misspelt["help"].is_string());

    let line = date.lines().position(|l| l.contains("2020-13-22")).unwrap() + 1;
    let column = date
        .lines()
        .nth(line - 1)
        .unwrap()
        .find("2020-13-22")
        .unwrap()
        + 1;
    let month = problem("in/date.yaml");
    assert_eq!(
        (&month["line"], &month["column"], &month["field"]),
        (&line.into(), &column.into(), &"inquiry.date".into())
    );

    let warning = problem("in/warns.yaml");
    assert_eq!(warning["severity"], "warning");
    assert_eq!(
        (&warning["line"], &warning["column"]),
        (&2.into(), &38.into())
    );

    // The report is what `zhauap schema --check` describes.
    let schema = zhauap(t.path())
        .args(["schema", "--check"])
        .output()
        .unwrap();
    let schema: Value = serde_json::from_slice(&schema.stdout).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&report)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let mut bad = report.clone();
    bad["letters"][0]["status"] = "fine".into();
    assert!(!validator.is_valid(&bad));
}

#[test]
fn check_deny_warnings_refuses_a_letter_with_warnings() {
    let t = tempfile::tempdir().unwrap();
    write(&t.path().join("warns.yaml"), WARNS);
    let out = zhauap(t.path())
        .args(["check", "warns.yaml", "--deny-warnings", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report = json(&out);
    let letter = &report["letters"][0];
    assert_eq!(letter["status"], "refused");
    assert_eq!(crate::common::severities(letter), ["warning", "error"]);
    // Without the flag it passes, warned.
    let out = zhauap(t.path())
        .args(["check", "warns.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("warns.yaml:2:38: warning"));
}
