//! A letter that takes its process down (an abort) costs only that letter:
//! `batch` renders in worker processes (issue 19).

use std::fs;
use std::path::Path;

use super::manifest::records;
use super::{count, letter, report, write, zhauap};

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

/// Runs `zhauap --templates templates batch ARGS -o out -j 2 --report
/// report.json` in `dir`, whose `letters` letters hold one bomb, and checks
/// that the letter `aborted` alone failed, for its worker's abort. A memory
/// limit makes the bomb's allocation fail quickly (and keeps the machine's
/// memory safe); one malloc arena keeps the batch's own many threads well
/// inside it. Returns the failed letter's manifest record.
#[cfg(unix)]
fn bomb_batch(dir: &Path, args: &str, aborted: &str, letters: u64) -> serde_json::Value {
    let out = crate::common::in_english(&mut std::process::Command::new("sh"))
        .current_dir(dir)
        .env("MALLOC_ARENA_MAX", "1")
        .arg("-c")
        .arg(format!(
            "ulimit -v 800000 && exec '{}' --templates templates batch {args} -o out -j 2 --report report.json",
            env!("CARGO_BIN_EXE_zhauap")
        ))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let why = "zhauap stopped while rendering this letter (ended by signal 6 (an abort";
    assert!(
        stderr.contains(&format!("{aborted}: error: {why}")),
        "{stderr}"
    );
    let rep = report(&dir.join("report.json"));
    let counts = (count(&rep, "rendered"), count(&rep, "failed"));
    assert_eq!(counts, (letters - 1, 1));
    let recs = records(&dir.join("out/manifest.jsonl"));
    assert_eq!(recs.len() as u64, letters);
    let mut failed = recs.into_iter().filter(|r| r["status"] == "failed");
    let first = failed.next().unwrap();
    assert!(failed.next().is_none());
    first
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
    let failed = bomb_batch(dir, "in", "in/l117.yaml", 200);
    assert_eq!(failed["key"], "l117.yaml");
    assert!(!dir.join("out/l117.pdf").exists());
    assert!(dir.join("out/l116.pdf").exists() && dir.join("out/l118.pdf").exists());
}

/// `rows` rows for the reference letter, each its own output and inquiry
/// number: `file,inquiry.number` then `r00,ДЗ-100`, `r01,ДЗ-101`, ….
fn rows(rows: usize) -> String {
    let mut csv = String::from("file,inquiry.number\n");
    for n in 0..rows {
        csv.push_str(&format!("r{n:02},ДЗ-{}\n", 100 + n));
    }
    csv
}

/// A mail merge's rows render in the workers too (issue 17): a row whose
/// letter takes its process down fails alone, the batch goes on.
#[test]
#[cfg(unix)]
fn an_abort_in_one_row_of_a_mail_merge_costs_only_that_row() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    bomb_templates(&dir.join("templates"));
    write(&dir.join("reply.yaml"), &letter(1));
    write(
        &dir.join("rows.csv"),
        &rows(40).replace("r17,ДЗ-117", "r17,BOMB"),
    );
    let failed = bomb_batch(dir, "reply.yaml --data rows.csv", "reply.yaml", 40);
    assert_eq!(failed["key"], "reply.yaml#r17");
    assert!(!dir.join("out/r17.pdf").exists());
    assert!(dir.join("out/r16.pdf").exists() && dir.join("out/r18.pdf").exists());
}

/// The rows rendered by workers are the bytes the batch's own threads
/// render (`ZHAUAP_BATCH_IN_PROCESS=1`), and a bad cell is refused at its
/// row and column of the data file, with its field, either way.
#[test]
fn a_mail_merge_in_workers_writes_the_bytes_it_writes_in_process() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    write(&dir.join("reply.yaml"), &letter(1));
    // Row 8, column 3: a date that does not exist.
    let header = "file,inquiry.number,outgoing.date";
    let csv = rows(6).replacen("file,inquiry.number", header, 1) + "bad,ДЗ-1,2026-02-30\n";
    write(&dir.join("rows.csv"), &csv);
    let mut stderrs = Vec::new();
    for (out, in_process) in [("workers", "0"), ("threads", "1")] {
        let o = zhauap(dir)
            .env("ZHAUAP_BATCH_IN_PROCESS", in_process)
            .args([
                "batch",
                "reply.yaml",
                "--data",
                "rows.csv",
                "-o",
                out,
                "-j",
                "2",
            ])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
        assert_eq!(o.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains("rows.csv:8:3") && stderr.contains("outgoing.date"),
            "{stderr}"
        );
        stderrs.push(stderr);
    }
    for n in 0..6 {
        let name = format!("r{n:02}.pdf");
        let (a, b) = (
            fs::read(dir.join("workers").join(&name)).unwrap(),
            fs::read(dir.join("threads").join(&name)).unwrap(),
        );
        assert!(a == b, "{name} differs between workers and threads");
    }
    assert!(!dir.join("workers/bad.pdf").exists() && !dir.join("threads/bad.pdf").exists());
    let refusal = |s: &str| {
        s.lines()
            .find(|l| l.contains("rows.csv:8:3"))
            .map(str::to_owned)
    };
    assert_eq!(refusal(&stderrs[0]), refusal(&stderrs[1]));
}

/// A command that renders one letter from a cold start (`render`; the
/// setup is `zhauap::process::keep_freed_memory` under glibc's malloc) has
/// its heap marked for 2 MiB pages from the heap's first 2 MiB boundary on.
/// A change that loses the mark brings back ~490 page faults of 4 KiB to a
/// cold render (a seventh of its CPU time). A batch's workers use mimalloc
/// (`zhauap::process::heap_for`), whose arenas are not this heap.
#[test]
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn a_render_s_heap_is_marked_for_huge_pages() {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    if !Path::new("/sys/kernel/mm/transparent_hugepage/enabled").exists() {
        return; // a kernel without transparent huge pages: nothing to mark
    }
    // The letter is a FIFO: the command has set up its heap and waits in
    // the open until the test lets it go, so its mappings can be read.
    let dir = tempfile::tempdir().unwrap();
    let letter = dir.path().join("letter.yaml");
    assert!(
        Command::new("mkfifo")
            .arg(&letter)
            .status()
            .unwrap()
            .success()
    );
    let mut render = Command::new(env!("CARGO_BIN_EXE_zhauap"))
        .args(["render", "-q", "-o"])
        .arg(dir.path().join("letter.pdf"))
        .arg(&letter)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Each mapping: a header line (its address range first), then its
    // fields; `hg` among the VmFlags is the mark.
    let marked = |smaps: &str| {
        let mut heap = false;
        smaps.lines().any(|line| {
            let first = line.split_whitespace().next().unwrap_or("");
            if first.contains('-') && !first.ends_with(':') {
                heap = line.ends_with("[heap]");
                false
            } else {
                heap && first == "VmFlags:" && line.split_whitespace().any(|f| f == "hg")
            }
        })
    };
    let start = Instant::now();
    let mut smaps = String::new();
    while start.elapsed() < Duration::from_secs(20) {
        smaps = fs::read_to_string(format!("/proc/{}/smaps", render.id())).unwrap_or_default();
        if marked(&smaps) {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    render.kill().unwrap();
    render.wait().unwrap();
    assert!(
        marked(&smaps),
        "no [heap] mapping with VmFlags hg:\n{smaps}"
    );
}

/// A letter whose file name is not UTF-8 (a Latin-1 `é` from an old
/// archive) cannot be named in a worker's JSON request: it is rendered in
/// the batch's own process, to the same bytes as a single render (it was
/// failed as if its worker had run out of memory).
#[test]
#[cfg(target_os = "linux")]
fn a_letter_named_in_no_utf_8_is_rendered_in_process() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    let name = OsStr::from_bytes(b"caf\xe9");
    write(
        &dir.join("in").join(name).with_extension("yaml"),
        &letter(1),
    );
    write(&dir.join("in/ok.yaml"), &letter(2));
    let (code, report, stderr) = super::batch(dir, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(count(&report, "rendered"), 2, "{stderr}");
    let single = dir.join("single.pdf");
    let o = zhauap(dir)
        .arg("render")
        .arg(dir.join("in").join(name).with_extension("yaml"))
        .arg("-o")
        .arg(&single)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let batched = fs::read(dir.join("out").join(name).with_extension("pdf")).unwrap();
    assert!(batched == fs::read(&single).unwrap());
}
