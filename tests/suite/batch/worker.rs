//! A letter that takes its process down (an abort) costs only that letter:
//! `batch` renders in worker processes (issue 19).

use std::fs;

use super::manifest::records;
use super::{count, letter, report, write};

/// A template that doubles a string until memory runs out, for the letter
/// whose inquiry number is BOMB only. Nothing is printed, so neither the
/// output budget nor the time budget (checked at output) sees it: the
/// allocation fails, and Rust aborts the process.
const BOMB: &str = r#"{% if inquiry.number == "BOMB" %}{% set_global s = "xxxxxxxxxxxxxxxx" %}{% for i in range(end=60) %}{% set_global s = s ~ s %}{% endfor %}{% endif %}"#;

/// The standard templates, with [`BOMB`] in the Russian one.
pub(in crate::suite) fn bomb_templates(templates: &std::path::Path) {
    for entry in fs::read_dir(crate::common::crate_path("templates/deputy-reply")).unwrap() {
        let p = entry.unwrap().path();
        let mut text = fs::read_to_string(&p).unwrap();
        if p.ends_with("ru.tera") {
            text = text.replacen(
                "{% block title %}",
                &format!("{{% block title %}}{BOMB}"),
                1,
            );
        }
        write(
            &templates.join("deputy-reply").join(p.file_name().unwrap()),
            &text,
        );
    }
}

#[test]
#[cfg(unix)]
fn an_abort_in_one_letter_of_200_costs_only_that_letter() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    bomb_templates(&dir.join("templates"));
    for n in 0..200 {
        let mut text = letter(n);
        if n == 117 {
            text = text.replace("number: ДЗ-83", "number: BOMB");
            assert!(text.contains("BOMB"));
        }
        write(&dir.join(format!("in/l{n:03}.yaml")), &text);
    }
    // A memory limit makes the allocation fail quickly (and keeps the
    // machine's memory safe); one malloc arena keeps the batch's own many
    // threads well inside it.
    let out = crate::common::in_english(&mut std::process::Command::new("sh"))
        .current_dir(dir)
        .env("MALLOC_ARENA_MAX", "1")
        .arg("-c")
        .arg(format!(
            "ulimit -v 800000 && exec '{}' --templates templates batch in -o out -j 2 --report report.json",
            env!("CARGO_BIN_EXE_zhauap")
        ))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "in/l117.yaml: error: zhauap stopped while rendering this letter (ended by signal 6 (an abort"
        ),
        "{stderr}"
    );
    let rep = report(&dir.join("report.json"));
    assert_eq!((count(&rep, "rendered"), count(&rep, "failed")), (199, 1));
    let recs = records(&dir.join("out/manifest.jsonl"));
    assert_eq!(recs.len(), 200);
    let failed: Vec<_> = recs.iter().filter(|r| r["status"] == "failed").collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0]["key"], "l117.yaml");
    assert!(!dir.join("out/l117.pdf").exists());
    assert!(dir.join("out/l116.pdf").exists() && dir.join("out/l118.pdf").exists());
}
