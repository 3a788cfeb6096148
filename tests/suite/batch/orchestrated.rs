//! Batches as an orchestrator runs them: `--shard auto` from the worker's
//! index, shards into one folder at once, merged manifests.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Stdio;

use super::manifest::{assert_records_match_files, records};
use super::{exits, files_below, letter, write, zhauap};
use crate::common::in_english;

/// `n` distinct letters in five folders below `in/`.
pub(crate) fn many_letters(dir: &Path, n: u32) {
    for i in 0..n {
        write(
            &dir.join(format!("in/d{}/l{i:04}.yaml", i % 5)),
            &letter(1000 + i),
        );
    }
}

/// Every output below `dir` with its bytes.
fn contents(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    files_below(dir)
        .into_iter()
        .map(|rel| {
            let bytes = fs::read(dir.join(&rel)).unwrap();
            (rel, bytes)
        })
        .collect()
}

/// The manifests of a folder, concatenated as an office would merge them.
fn merged_manifests(dir: &Path) -> Vec<serde_json::Value> {
    let mut names: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("manifest") && n.ends_with(".jsonl"))
        .collect();
    names.sort();
    names.iter().flat_map(|n| records(&dir.join(n))).collect()
}

#[test]
fn eight_indexed_workers_equal_one_unsharded_run() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    const LETTERS: u32 = 240;
    many_letters(dir, LETTERS);
    let o = zhauap(dir)
        .args(["batch", "in", "-o", "whole", "-q"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    for index in 0..8 {
        let o = zhauap(dir)
            .args(["batch", "in", "-o", "sharded", "-q", "--shard", "auto"])
            .env("JOB_COMPLETION_INDEX", index.to_string())
            .env("JOB_COMPLETIONS", "8")
            .output()
            .unwrap();
        exits(&o, 0);
    }
    let whole = contents(&dir.join("whole"));
    assert_eq!(whole.len(), LETTERS as usize);
    assert!(whole == contents(&dir.join("sharded")), "the files differ");

    let merged = merged_manifests(&dir.join("sharded"));
    assert_eq!(merged.len(), LETTERS as usize);
    assert_records_match_files(dir, &merged);
    // The same records as the unsharded run, but for the output's place and time.
    let strip = |mut r: serde_json::Value| {
        r["output"]["path"] = serde_json::Value::Null;
        r["output"]["modified_ns"] = serde_json::Value::Null;
        r
    };
    let mut merged: Vec<_> = merged.into_iter().map(strip).collect();
    merged.sort_by_key(|r| r["key"].as_str().unwrap().to_owned());
    let whole: Vec<_> = records(&dir.join("whole/manifest.jsonl"))
        .into_iter()
        .map(strip)
        .collect();
    assert!(
        merged == whole,
        "the merged records differ from the unsharded ones"
    );

    // A retried worker writes nothing and exits 0.
    let o = zhauap(dir)
        .args([
            "batch", "in", "-o", "sharded", "--shard", "auto", "--shards", "8",
        ])
        .env("JOB_COMPLETION_INDEX", "5")
        .output()
        .unwrap();
    let stderr = exits(&o, 0);
    assert!(stderr.contains(" 0 rendered,"), "{stderr}");
}

#[test]
fn shard_auto_without_an_orchestrator_is_a_usage_error() {
    let t = tempfile::tempdir().unwrap();
    super::letters(t.path());
    let o = zhauap(t.path())
        .args(["batch", "in", "-o", "out", "--shard", "auto"])
        .env_remove("JOB_COMPLETION_INDEX")
        .env_remove("AWS_BATCH_JOB_ARRAY_INDEX")
        .env_remove("CLOUD_RUN_TASK_INDEX")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("JOB_COMPLETION_INDEX"), "{stderr}");
    assert!(!t.path().join("out").exists());
    // AWS Batch and Cloud Run say how many workers there are.
    for (index, size) in [
        ("AWS_BATCH_JOB_ARRAY_INDEX", "AWS_BATCH_JOB_ARRAY_SIZE"),
        ("CLOUD_RUN_TASK_INDEX", "CLOUD_RUN_TASK_COUNT"),
    ] {
        let o = zhauap(t.path())
            .args(["batch", "in", "-o", index, "-q", "--shard", "auto"])
            .env(index, "0")
            .env(size, "1")
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0));
        assert_eq!(files_below(&t.path().join(index)).len(), 3);
        assert!(
            t.path()
                .join(index)
                .join("manifest.shard-1-of-1.jsonl")
                .exists()
        );
    }
}

#[test]
fn concurrent_runs_into_one_folder_lose_no_record() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    const LETTERS: u32 = 200;
    many_letters(dir, LETTERS);
    // Four shards and, on top, two unsharded runs that share one manifest.
    let mut children = Vec::new();
    for k in 1..=4 {
        let shard = format!("{k}/4");
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_zhauap"));
        in_english(&mut c);
        c.current_dir(dir).args([
            "batch", "in", "-o", "out", "-q", "-j", "1", "--shard", &shard,
        ]);
        children.push(c.stderr(Stdio::piped()).spawn().unwrap());
    }
    for _ in 0..2 {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_zhauap"));
        in_english(&mut c);
        c.current_dir(dir)
            .args(["batch", "in", "-o", "same", "-q", "-j", "1"]);
        children.push(c.stderr(Stdio::piped()).spawn().unwrap());
    }
    for c in children {
        let o = c.wait_with_output().unwrap();
        exits(&o, 0);
    }
    let merged = merged_manifests(&dir.join("out"));
    assert_eq!(merged.len(), LETTERS as usize);
    assert_records_match_files(dir, &merged);
    let same = records(&dir.join("same/manifest.jsonl"));
    assert_eq!(same.len(), LETTERS as usize);
    assert_records_match_files(dir, &same);
    assert_eq!(files_below(&dir.join("same")).len(), LETTERS as usize);
}
