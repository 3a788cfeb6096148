//! `zhauap batch`: mirroring, failures, incremental runs, shards, and output
//! identical to `zhauap render`; the manifest, orchestrators and faults in
//! the submodules.

#[path = "batch/faults.rs"]
mod faults;
#[path = "batch/manifest.rs"]
mod manifest;
#[path = "batch/orchestrated.rs"]
mod orchestrated;
#[path = "batch/trusted.rs"]
mod trusted;
#[path = "batch/warnings.rs"]
mod warnings;
#[path = "batch/worker.rs"]
pub(super) mod worker;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

const REFERENCE: &str = include_str!("../../examples/dz-83-reply.yaml");
const EMBLEM_RED: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><circle cx="10" cy="10" r="9" fill="red"/></svg>"#;
const EMBLEM_BLUE: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><circle cx="10" cy="10" r="9" fill="blue"/></svg>"#;

pub(crate) fn zhauap(dir: &Path) -> Command {
    let mut c = crate::common::zhauap();
    c.current_dir(dir);
    c
}

/// The reference letter with another outgoing number, so that each test
/// letter is distinct.
pub(crate) fn letter(n: u32) -> String {
    REFERENCE.replace("12-15/2417", &format!("12-15/{n}"))
}

pub(crate) fn with_emblem(text: &str, emblem: &str) -> String {
    text.replacen(
        "letterhead:\n",
        &format!("letterhead:\n  emblem: {emblem}\n"),
        1,
    )
}

/// A letter with a misspelt field on line 2.
pub(crate) const BROKEN: &str = "lang: ru\nsigature:\n  name: X\n";

pub(crate) fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// in/c.yaml, in/a/b.yaml, in/a/d/e.yaml (with an emblem).
pub(crate) fn letters(dir: &Path) {
    write(&dir.join("in/c.yaml"), &letter(1));
    write(&dir.join("in/a/b.yaml"), &letter(2));
    write(
        &dir.join("in/a/d/e.yaml"),
        &with_emblem(&letter(3), "emblem.svg"),
    );
    write(&dir.join("in/a/d/emblem.svg"), EMBLEM_RED);
}

/// The outputs below `dir`: every file but hidden ones and the manifests.
pub(crate) fn files_below(dir: &Path) -> BTreeSet<String> {
    fn go(root: &Path, dir: &Path, out: &mut BTreeSet<String>) {
        for e in fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                go(root, &p, out);
            } else {
                let rel = p.strip_prefix(root).unwrap().to_string_lossy().into_owned();
                let manifest = rel.starts_with("manifest") && rel.ends_with(".jsonl");
                if !rel.starts_with('.') && !manifest {
                    out.insert(rel);
                }
            }
        }
    }
    let mut out = BTreeSet::new();
    if dir.exists() {
        go(dir, dir, &mut out);
    }
    out
}

pub(crate) fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

pub(crate) fn report(path: &Path) -> Value {
    serde_json::from_slice(&fs::read(path).unwrap()).unwrap()
}

/// Status of each letter in a report, by letter path.
pub(crate) fn statuses(report: &Value) -> Vec<(String, String)> {
    report["letters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["input"]["path"].as_str().unwrap().to_owned(),
                l["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

pub(crate) fn batch(dir: &Path, extra: &[&str]) -> (i32, Value, String) {
    let out = zhauap(dir)
        .args(["batch", "in", "-o", "out", "--report", "report.json"])
        .args(extra)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (
        out.status.code().unwrap(),
        report(&dir.join("report.json")),
        stderr,
    )
}

/// Asserts that a run exited with `code`; its stderr, for further checks.
pub(crate) fn exits(o: &std::process::Output, code: i32) -> String {
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(code), "{stderr}");
    stderr
}

pub(crate) fn count(report: &Value, status: &str) -> u64 {
    report[status].as_u64().unwrap()
}

#[test]
fn output_folder_mirrors_the_input_folders() {
    let t = tempfile::tempdir().unwrap();
    letters(t.path());
    let (code, rep, stderr) = batch(t.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        files_below(&t.path().join("out")),
        set(&["a/b.pdf", "a/d/e.pdf", "c.pdf"])
    );
    assert_eq!(count(&rep, "rendered"), 3);
    assert!(
        stderr.contains("3 letters: 3 rendered, 0 unchanged, 0 failed"),
        "{stderr}"
    );
}

#[test]
fn files_and_globs_mirror_below_their_common_folder() {
    let t = tempfile::tempdir().unwrap();
    letters(t.path());
    // Two files in different folders: their common folder is in/.
    let code = zhauap(t.path())
        .args(["batch", "in/c.yaml", "in/a/b.yaml", "-o", "files", "-q"])
        .output()
        .unwrap();
    assert_eq!(code.status.code(), Some(0));
    assert_eq!(
        files_below(&t.path().join("files")),
        set(&["a/b.pdf", "c.pdf"])
    );
    // A glob the program expands itself (quoted from the shell): below in/a.
    let code = zhauap(t.path())
        .args([
            "batch",
            "in/a/**/*.yaml",
            "-o",
            "glob",
            "--format",
            "html",
            "-q",
        ])
        .output()
        .unwrap();
    assert_eq!(code.status.code(), Some(0));
    assert_eq!(
        files_below(&t.path().join("glob")),
        set(&["b.html", "d/e.html"])
    );
}

#[test]
fn a_broken_letter_is_reported_by_name_and_the_others_are_written() {
    let t = tempfile::tempdir().unwrap();
    letters(t.path());
    write(&t.path().join("in/a/broken.yaml"), BROKEN);
    let (code, rep, stderr) = batch(t.path(), &[]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("in/a/broken.yaml:2:1: error: unknown field 'sigature'"),
        "{stderr}"
    );
    assert_eq!(
        files_below(&t.path().join("out")),
        set(&["a/b.pdf", "a/d/e.pdf", "c.pdf"])
    );
    assert_eq!((count(&rep, "rendered"), count(&rep, "failed")), (3, 1));
    let broken = rep["letters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["input"]["path"] == "in/a/broken.yaml")
        .unwrap();
    assert_eq!(broken["status"], "failed");
    assert_eq!(broken["output"], Value::Null);
    let problem = &broken["problems"][0];
    assert_eq!(
        (&problem["file"], &problem["line"], &problem["column"]),
        (
            &Value::from("in/a/broken.yaml"),
            &Value::from(2),
            &Value::from(1)
        )
    );
    assert!(
        problem["message"]
            .as_str()
            .unwrap()
            .contains("did you mean 'signature'?")
    );
    // A failure is tried again on the next run; the others are up to date.
    let (code, rep, _) = batch(t.path(), &[]);
    assert_eq!(code, 1);
    assert_eq!((count(&rep, "unchanged"), count(&rep, "failed")), (3, 1));
}

#[test]
fn an_emblem_that_is_no_file_fails_its_letter_without_hanging() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    letters(dir);
    write(
        &dir.join("in/zero.yaml"),
        &with_emblem(&letter(4), "/dev/zero"),
    );
    let fifo = dir.join("in/pipe.svg");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        write(
            &dir.join("in/pipe.yaml"),
            &with_emblem(&letter(5), "pipe.svg"),
        );
    }
    let (code, rep, stderr) = batch(dir, &[]);
    assert_eq!(code, 1);
    assert!(stderr.contains("in/zero.yaml:"), "{stderr}");
    assert!(
        stderr.contains("letterhead.emblem: the emblem is not a file"),
        "{stderr}"
    );
    assert_eq!(count(&rep, "rendered"), 3);
    assert_eq!(files_below(&dir.join("out")).len(), 3);
}

#[test]
fn the_report_has_one_entry_per_letter() {
    let t = tempfile::tempdir().unwrap();
    letters(t.path());
    let (_, rep, _) = batch(t.path(), &[]);
    assert_eq!(rep["program"], "zhauap");
    assert_eq!(rep["version"], env!("CARGO_PKG_VERSION"));
    let letters = rep["letters"].as_array().unwrap();
    assert_eq!(letters.len(), 3);
    let names: Vec<&str> = letters
        .iter()
        .map(|l| l["input"]["path"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["in/a/b.yaml", "in/a/d/e.yaml", "in/c.yaml"]);
    let keys: Vec<&str> = letters.iter().map(|l| l["key"].as_str().unwrap()).collect();
    assert_eq!(keys, ["a/b.yaml", "a/d/e.yaml", "c.yaml"]);
    for l in letters {
        assert_eq!(l["status"], "rendered");
        assert_eq!(l["problems"], Value::Array(vec![]));
        assert!(l["ms"].as_f64().unwrap() > 0.0);
        assert!(l["pages"].as_u64().unwrap() >= 1);
        let out = l["output"]["path"].as_str().unwrap();
        assert!(out.starts_with("out/") && out.ends_with(".pdf"), "{out}");
        assert!(fs::read(t.path().join(out)).unwrap().starts_with(b"%PDF-"));
    }
    assert!(rep["elapsed_ms"].as_f64().unwrap() > 0.0);
}

#[test]
fn an_unchanged_letter_is_skipped_and_a_changed_one_rendered_again() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    letters(dir);
    batch(dir, &[]);
    let out_e = dir.join("out/a/d/e.pdf");
    let written = fs::metadata(&out_e).unwrap().modified().unwrap();
    let first = fs::read(&out_e).unwrap();

    let (code, rep, stderr) = batch(dir, &[]);
    assert_eq!(code, 0);
    assert_eq!(count(&rep, "unchanged"), 3, "{stderr}");
    assert!(stderr.contains("0 rendered, 3 unchanged"), "{stderr}");
    assert_eq!(fs::metadata(&out_e).unwrap().modified().unwrap(), written);

    // The letter's text.
    write(&dir.join("in/c.yaml"), &letter(11));
    let (_, rep, _) = batch(dir, &[]);
    assert_eq!(
        statuses(&rep),
        [
            ("in/a/b.yaml".into(), "unchanged".into()),
            ("in/a/d/e.yaml".into(), "unchanged".into()),
            ("in/c.yaml".into(), "rendered".into()),
        ]
    );

    // The emblem of one letter.
    write(&dir.join("in/a/d/emblem.svg"), EMBLEM_BLUE);
    let (_, rep, _) = batch(dir, &[]);
    assert_eq!(count(&rep, "rendered"), 1);
    assert_eq!(statuses(&rep)[1].1, "rendered");
    assert_ne!(fs::read(&out_e).unwrap(), first);

    // An output deleted or altered by hand.
    fs::remove_file(dir.join("out/c.pdf")).unwrap();
    fs::write(dir.join("out/a/b.pdf"), b"%PDF-1.7 not ours").unwrap();
    let (_, rep, _) = batch(dir, &[]);
    assert_eq!((count(&rep, "rendered"), count(&rep, "unchanged")), (2, 1));
    assert!(fs::read(dir.join("out/a/b.pdf")).unwrap().len() > 1000);

    // Other options are other outputs.
    let (_, rep, _) = batch(dir, &["--no-typography"]);
    assert_eq!(count(&rep, "rendered"), 3);
}

#[test]
fn a_changed_template_renders_every_letter_again() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    letters(dir);
    let templates = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/deputy-reply");
    for f in ["base.tera", "ru.tera", "kk.tera"] {
        write(
            &dir.join("tpl/deputy-reply").join(f),
            &fs::read_to_string(templates.join(f)).unwrap(),
        );
    }
    let (code, rep, stderr) = batch(dir, &["--templates", "tpl"]);
    assert_eq!((code, count(&rep, "rendered")), (0, 3), "{stderr}");
    let (_, rep, _) = batch(dir, &["--templates", "tpl"]);
    assert_eq!(count(&rep, "unchanged"), 3);

    let base = dir.join("tpl/deputy-reply/base.tera");
    let text = fs::read_to_string(&base).unwrap();
    write(
        &base,
        &format!("{text}\n{{# a comment changes the key #}}\n"),
    );
    let (_, rep, _) = batch(dir, &["--templates", "tpl"]);
    assert_eq!(count(&rep, "rendered"), 3);
    // And the built-in templates are other templates.
    let (_, rep, _) = batch(dir, &[]);
    assert_eq!(count(&rep, "rendered"), 3);
}

#[test]
fn force_renders_every_letter() {
    let t = tempfile::tempdir().unwrap();
    letters(t.path());
    batch(t.path(), &[]);
    let (code, rep, _) = batch(t.path(), &["--force"]);
    assert_eq!((code, count(&rep, "rendered")), (0, 3));
    let (_, rep, _) = batch(t.path(), &[]);
    assert_eq!(count(&rep, "unchanged"), 3);
}

#[test]
fn shards_split_the_letters_without_overlap_or_gap() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    for i in 0..9 {
        write(
            &dir.join(format!("in/f{}/l{i}.yaml", i % 3)),
            &letter(100 + i),
        );
    }
    let mut union = BTreeSet::new();
    let mut total = 0;
    for k in 1..=3 {
        let out = format!("shard{k}");
        let o = zhauap(dir)
            .args([
                "batch",
                "in",
                "-o",
                &out,
                "-q",
                "--shard",
                &format!("{k}/3"),
            ])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0));
        let files = files_below(&dir.join(&out));
        total += files.len();
        union.extend(files);
    }
    assert_eq!(total, 9, "a letter was in two shards");
    assert_eq!(union.len(), 9);
    // The same split on every run.
    let again = zhauap(dir)
        .args(["batch", "in", "-o", "again", "-q", "--shard", "2/3"])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(
        files_below(&dir.join("again")),
        files_below(&dir.join("shard2"))
    );
}

#[test]
fn a_batch_output_is_byte_identical_to_a_single_render() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    letters(dir);
    for format in ["pdf", "html"] {
        let o = zhauap(dir)
            .args([
                "batch", "in", "-o", format, "--format", format, "-q", "-j", "2",
            ])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0));
        for rel in ["c", "a/b", "a/d/e"] {
            let single = dir.join(format!("single.{format}"));
            let o = zhauap(dir)
                .args([
                    "render",
                    &format!("in/{rel}.yaml"),
                    "--format",
                    format,
                    "-o",
                ])
                .arg(&single)
                .output()
                .unwrap();
            assert_eq!(o.status.code(), Some(0));
            let batched: PathBuf = dir.join(format!("{format}/{rel}.{format}"));
            assert!(
                fs::read(&batched).unwrap() == fs::read(&single).unwrap(),
                "{rel}.{format} differs from a single render"
            );
        }
    }
}

#[test]
fn missing_inputs_and_bad_shards_are_refused_before_any_work() {
    let t = tempfile::tempdir().unwrap();
    letters(t.path());
    let o = zhauap(t.path())
        .args(["batch", "in", "nowhere", "-o", "out"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("nowhere"), "{stderr}");
    assert!(!t.path().join("out").exists());

    fs::create_dir_all(t.path().join("empty")).unwrap();
    let o = zhauap(t.path())
        .args(["batch", "empty", "-o", "out"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no letters"));

    for bad in ["0/2", "3/2", "x", "Auto"] {
        let o = zhauap(t.path())
            .args(["batch", "in", "-o", "out", "--shard", bad])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "--shard {bad}");
    }
}
