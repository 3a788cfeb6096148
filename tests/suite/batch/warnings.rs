//! A batch prints each letter's warnings with their `file:line:col`, keeps
//! them in the manifest and the report, and with `--deny-warnings` refuses
//! such a letter: reported, exit 1, nothing written for it.

use super::manifest::{as_unchanged, manifest_lines, records};
use super::{batch, count, files_below, letter, set, write};

/// The reference letter answered before the inquiry was written: a warning
/// on the outgoing date (line 13).
fn warns() -> String {
    letter(7).replacen("date: 2020-05-14", "date: 2020-04-01", 1)
}

fn warnings_of(record: &serde_json::Value) -> Vec<&serde_json::Value> {
    record["warnings"]
        .as_array()
        .map(|w| w.iter().collect())
        .unwrap_or_default()
}

#[test]
fn a_batch_prints_and_records_warnings_and_renders_the_letter() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    write(&dir.join("in/good.yaml"), &letter(1));
    write(&dir.join("in/warns.yaml"), &warns());
    let (code, report, stderr) = batch(dir, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("in/warns.yaml:13:9: warning"), "{stderr}");
    assert_eq!(count(&report, "rendered"), 2);
    assert_eq!(
        files_below(&dir.join("out")),
        set(&["good.pdf", "warns.pdf"])
    );
    let manifest = records(&dir.join("out/manifest.jsonl"));
    for records in [&manifest, report["letters"].as_array().unwrap()] {
        let warned = records.iter().find(|r| r["key"] == "warns.yaml").unwrap();
        let w = warnings_of(warned);
        assert_eq!(w.len(), 1, "{warned}");
        assert_eq!(
            (&w[0]["severity"], &w[0]["line"], &w[0]["column"]),
            (&"warning".into(), &13.into(), &9.into())
        );
        let good = records.iter().find(|r| r["key"] == "good.yaml").unwrap();
        assert!(warnings_of(good).is_empty(), "{good}");
    }
    // An unchanged re-run keeps the warnings in its records.
    let (code, report, _) = batch(dir, &[]);
    assert_eq!((code, count(&report, "unchanged")), (0, 2));
    let warned = report["letters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == "warns.yaml")
        .unwrap();
    assert_eq!(warnings_of(warned).len(), 1, "{warned}");
}

#[test]
fn deny_warnings_refuses_a_letter_with_warnings_and_writes_nothing_for_it() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    write(&dir.join("in/good.yaml"), &letter(1));
    write(&dir.join("in/warns.yaml"), &warns());
    // Alone in its folder: no output folder is made for it either.
    write(&dir.join("in/new/warns.yaml"), &warns());
    let (code, report, stderr) = batch(dir, &["--deny-warnings"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("in/warns.yaml:13:9: warning"), "{stderr}");
    assert!(stderr.contains("--deny-warnings"), "{stderr}");
    assert_eq!(
        (count(&report, "rendered"), count(&report, "failed")),
        (1, 2)
    );
    assert_eq!(files_below(&dir.join("out")), set(&["good.pdf"]));
    assert!(!dir.join("out/new").exists());
    // The refused letter was written by its worker under a temporary name
    // (`files_below` skips those): the batch removed it, nothing is left.
    let names: Vec<String> = std::fs::read_dir(dir.join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.ends_with(".tmp")), "{names:?}");
    let refused = report["letters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == "warns.yaml")
        .unwrap();
    assert_eq!(refused["status"], "failed");
    assert_eq!(crate::common::severities(refused), ["warning", "error"]);

    // A letter rendered earlier with its warnings is checked again under
    // --deny-warnings, not skipped as up to date.
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    write(&dir.join("in/warns.yaml"), &warns());
    assert_eq!(batch(dir, &[]).0, 0);
    let (code, report, _) = batch(dir, &["--deny-warnings"]);
    assert_eq!((code, count(&report, "failed")), (1, 1));
}

#[test]
fn a_manifest_compacted_after_a_change_keeps_the_unchanged_records_as_they_were() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    // In key order the changed letter comes last: the unchanged ones are
    // emitted before the compacted manifest begins, and their records are
    // written into it from the old manifest, read back by their place.
    write(&dir.join("in/a-warns.yaml"), &warns());
    write(&dir.join("in/b-good.yaml"), &letter(1));
    write(&dir.join("in/c-changed.yaml"), &letter(2));
    let (code, _, stderr) = batch(dir, &[]);
    assert_eq!(code, 0, "{stderr}");
    let before = manifest_lines(dir);
    write(&dir.join("in/c-changed.yaml"), &letter(3));
    let (code, report, stderr) = batch(dir, &[]);
    assert_eq!(
        (
            code,
            count(&report, "unchanged"),
            count(&report, "rendered")
        ),
        (0, 2, 1),
        "{stderr}"
    );
    let after = manifest_lines(dir);
    assert_eq!(after.len(), 3, "{after:?}");
    // As they were but for their status, warnings and pages included.
    assert_eq!(after[..2], as_unchanged(&before[..2])[..]);
    assert_ne!(after[2], before[2]);
    let kept: serde_json::Value = serde_json::from_str(&after[0]).unwrap();
    assert_eq!(warnings_of(&kept).len(), 1, "{kept}");
    assert!(kept["pages"].as_u64().unwrap() >= 1, "{kept}");
}
