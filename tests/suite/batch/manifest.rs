//! The manifest: one record per letter matching the files, its schema, and
//! the re-runs it makes cheap (unchanged, `--verify`, `--prune`).

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::SystemTime;

use serde_json::Value;
use sha2::{Digest, Sha256};

use super::{batch, count, exits, files_below, letter, letters, set, write, zhauap};

pub(crate) fn records(path: &Path) -> Vec<Value> {
    fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The lines of the unsharded manifest of `dir/out`.
pub(crate) fn manifest_lines(dir: &Path) -> Vec<String> {
    fs::read_to_string(dir.join("out/manifest.jsonl"))
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

/// Records of rendered letters as an unchanged re-run keeps them.
pub(crate) fn as_unchanged(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .map(|l| l.replace(r#""status":"rendered""#, r#""status":"unchanged""#))
        .collect()
}

pub(crate) fn sha256(path: &Path) -> String {
    Sha256::digest(fs::read(path).unwrap())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Every record's output exists with the recorded hash and size, relative
/// to `dir` (the folder the batch ran in).
pub(crate) fn assert_records_match_files(dir: &Path, records: &[Value]) {
    for r in records {
        let out = &r["output"];
        let path = dir.join(out["path"].as_str().unwrap());
        assert_eq!(out["sha256"].as_str().unwrap(), sha256(&path), "{r}");
        assert_eq!(
            out["bytes"].as_u64().unwrap(),
            fs::metadata(&path).unwrap().len()
        );
    }
}

/// Name, size and modification time of every file below `dir`, hidden ones
/// and manifests included.
fn snapshot(dir: &Path) -> BTreeMap<String, (u64, SystemTime)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            let m = fs::metadata(&p).unwrap();
            if m.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                out.insert(rel, (m.len(), m.modified().unwrap()));
            }
        }
    }
    out
}

#[test]
fn the_manifest_has_one_record_per_letter_valid_by_the_published_schema() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    letters(dir);
    write(&dir.join("in/a/broken.yaml"), super::BROKEN);
    let (code, _, stderr) = batch(dir, &[]);
    assert_eq!(code, 1, "{stderr}");
    let records = records(&dir.join("out/manifest.jsonl"));
    let keys: Vec<&str> = records.iter().map(|r| r["key"].as_str().unwrap()).collect();
    assert_eq!(keys, ["a/b.yaml", "a/broken.yaml", "a/d/e.yaml", "c.yaml"]);
    let rendered: Vec<Value> = records
        .iter()
        .filter(|r| r["status"] == "rendered")
        .cloned()
        .collect();
    assert_eq!(rendered.len(), 3);
    assert_records_match_files(dir, &rendered);
    for r in &rendered {
        let input = dir.join(r["input"]["path"].as_str().unwrap());
        assert_eq!(r["input"]["sha256"].as_str().unwrap(), sha256(&input));
        assert_eq!(r["version"], env!("CARGO_PKG_VERSION"));
        assert!(r.get("ms").is_none(), "the manifest holds no times: {r}");
    }
    // The emblem is among the files the output was made from.
    let e = &records[2];
    let emblem = e["files"][0]["path"].as_str().unwrap();
    assert!(emblem.ends_with("in/a/d/emblem.svg"), "{emblem}");
    assert_eq!(
        e["files"][0]["sha256"].as_str().unwrap(),
        sha256(&dir.join("in/a/d/emblem.svg"))
    );
    assert_eq!(records[1]["problems"][0]["line"], 2);

    let schema = zhauap(dir).args(["schema", "--manifest"]).output().unwrap();
    assert_eq!(schema.status.code(), Some(0));
    let schema: Value = serde_json::from_slice(&schema.stdout).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let report = super::report(&dir.join("report.json"));
    for r in records.iter().chain(report["letters"].as_array().unwrap()) {
        let errors: Vec<String> = validator.iter_errors(r).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{r}: {errors:?}");
    }
    // And the schema is not vacuous: a wrong hash or status is refused.
    let mut bad = records[0].clone();
    bad["output"]["sha256"] = Value::from("not a hash");
    assert!(!validator.is_valid(&bad));
    bad = records[0].clone();
    bad["status"] = Value::from("done");
    assert!(!validator.is_valid(&bad));
}

#[test]
fn an_unchanged_re_run_writes_nothing_and_exits_0() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    letters(dir);
    let run = |extra: &[&str]| {
        zhauap(dir)
            .args(["batch", "in", "-o", "out", "-q"])
            .args(extra)
            .output()
            .unwrap()
    };
    assert_eq!(run(&[]).status.code(), Some(0));
    let before = snapshot(&dir.join("out"));
    assert!(before.contains_key("manifest.jsonl"));
    let again = run(&[]);
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(snapshot(&dir.join("out")), before);
    // --verify reads every output, and still writes nothing.
    assert_eq!(run(&["--verify"]).status.code(), Some(0));
    assert_eq!(snapshot(&dir.join("out")), before);
}

#[test]
fn size_and_time_are_trusted_and_verify_reads_the_content() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    letters(dir);
    batch(dir, &[]);
    // Altered by hand, keeping the size and the modification time.
    let out = dir.join("out/c.pdf");
    let meta = fs::metadata(&out).unwrap();
    let mut bytes = fs::read(&out).unwrap();
    let last = bytes.len() - 10;
    bytes[last] ^= 1;
    fs::write(&out, &bytes).unwrap();
    fs::File::options()
        .write(true)
        .open(&out)
        .unwrap()
        .set_modified(meta.modified().unwrap())
        .unwrap();
    let (_, rep, _) = batch(dir, &[]);
    assert_eq!(count(&rep, "unchanged"), 3);
    let (_, rep, _) = batch(dir, &["--verify"]);
    assert_eq!((count(&rep, "rendered"), count(&rep, "unchanged")), (1, 2));
    assert_ne!(fs::read(&out).unwrap(), bytes);
}

#[test]
fn prune_removes_the_outputs_of_deleted_letters_only_when_asked() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    letters(dir);
    batch(dir, &[]);
    fs::remove_file(dir.join("in/a/b.yaml")).unwrap();
    let (code, rep, stderr) = batch(dir, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("1 output of deleted letters kept"),
        "{stderr}"
    );
    assert_eq!(rep["orphans"], 1);
    assert!(dir.join("out/a/b.pdf").exists());
    // Its record stays, so that --prune can find it later.
    let keys = |dir: &Path| -> Vec<String> {
        records(&dir.join("out/manifest.jsonl"))
            .iter()
            .map(|r| r["key"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(keys(dir).contains(&"a/b.yaml".to_owned()));

    let (code, rep, stderr) = batch(dir, &["--prune"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("1 output of deleted letters removed"),
        "{stderr}"
    );
    assert_eq!(rep["pruned"], serde_json::json!(["out/a/b.pdf"]));
    assert_eq!(files_below(&dir.join("out")), set(&["a/d/e.pdf", "c.pdf"]));
    assert_eq!(keys(dir), ["a/d/e.yaml", "c.yaml"]);
    // An output changed by hand is not the batch's to remove.
    fs::remove_file(dir.join("in/c.yaml")).unwrap();
    fs::write(dir.join("out/c.pdf"), b"edited").unwrap();
    let (_, rep, _) = batch(dir, &["--prune"]);
    assert_eq!(rep["pruned"], serde_json::json!([]));
    assert!(dir.join("out/c.pdf").exists());
}

#[test]
fn yml_letters_and_lists_of_letters_are_read() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    write(&dir.join("in/a.yml"), &letter(1));
    write(&dir.join("in/sub/b.yaml"), &letter(2));
    write(&dir.join("in/sub/c.yaml"), &letter(3));
    let o = zhauap(dir)
        .args(["batch", "in", "-o", "all", "-q"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        files_below(&dir.join("all")),
        set(&["a.pdf", "sub/b.pdf", "sub/c.pdf"])
    );

    write(
        &dir.join("list.txt"),
        "# staged letters\nin/a.yml\n\nin/sub/c.yaml\n",
    );
    let o = zhauap(dir)
        .args(["batch", "--files-from", "list.txt", "-o", "listed", "-q"])
        .output()
        .unwrap();
    exits(&o, 0);
    assert_eq!(
        files_below(&dir.join("listed")),
        set(&["a.pdf", "sub/c.pdf"])
    );

    let o = zhauap(dir)
        .args(["batch", "--files-from", "-", "-o", "stdin", "-q"])
        .write_stdin("in/sub/b.yaml\n")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(files_below(&dir.join("stdin")), set(&["b.pdf"]));

    // Two letters that differ only in extension would share an output.
    write(&dir.join("in/sub/a.yaml"), &letter(4));
    write(&dir.join("in/sub/a.yml"), &letter(5));
    let o = zhauap(dir)
        .args(["batch", "in/sub", "-o", "twice"])
        .output()
        .unwrap();
    let stderr = exits(&o, 1);
    assert!(
        stderr.contains("in/sub/a.yaml and this letter would both be written to twice/a.pdf"),
        "{stderr}"
    );
    assert!(!dir.join("twice").exists());

    // A listed letter that is missing is named.
    write(&dir.join("bad.txt"), "in/a.yml\nin/nowhere.yaml\n");
    let o = zhauap(dir)
        .args(["batch", "--files-from", "bad.txt", "-o", "bad"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("in/nowhere.yaml"));
    assert!(!dir.join("bad").exists());
}
