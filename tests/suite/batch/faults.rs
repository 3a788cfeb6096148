//! Faults and hostile folders: a batch killed mid-run resumes, never
//! writes over its inputs, special files or links, and never waits on a
//! pipe.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use super::manifest::{assert_records_match_files, records};
use super::orchestrated::many_letters;
use super::{batch, count, exits, files_below, letter, letters, write, zhauap};
use crate::common::in_english;

fn mkfifo(path: &Path) -> bool {
    std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

/// Every file below `dir`, hidden ones included.
fn all_files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p.strip_prefix(dir).unwrap().to_string_lossy().into_owned());
            }
        }
    }
    out.sort();
    out
}

#[test]
fn a_batch_killed_mid_run_leaves_no_partial_file_and_its_re_run_completes() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    // On one thread, so that the run lasts well past the kill.
    const LETTERS: usize = 1000;
    many_letters(dir, LETTERS as u32);
    let mut child = in_english(&mut std::process::Command::new(env!(
        "CARGO_BIN_EXE_zhauap"
    )))
    .current_dir(dir)
    .args(["batch", "in", "-o", "out", "-q", "-j", "1"])
    .spawn()
    .unwrap();
    // Killed once some letters are out (each is journaled as it finishes).
    let start = Instant::now();
    loop {
        let done = dir.join("out").exists() && files_below(&dir.join("out")).len() >= 40;
        if (done && start.elapsed() > Duration::from_millis(1500))
            || start.elapsed() > Duration::from_secs(120)
        {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        child.try_wait().unwrap().is_none(),
        "the batch ended before it could be killed"
    );
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    for rel in files_below(&dir.join("out")) {
        let bytes = fs::read(dir.join("out").join(&rel)).unwrap();
        assert!(
            bytes.starts_with(b"%PDF-") && bytes.trim_ascii_end().ends_with(b"%%EOF"),
            "{rel} is partial ({} bytes)",
            bytes.len()
        );
    }
    let finished_before = files_below(&dir.join("out")).len();
    assert!(finished_before < LETTERS);

    let (code, rep, stderr) = batch(dir, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(files_below(&dir.join("out")).len(), LETTERS);
    // Only what was missing (or not yet recorded) was rendered again: the
    // journal kept the letters finished more than a second before the kill.
    let unchanged = count(&rep, "unchanged") as usize;
    assert!(unchanged > 0 && unchanged <= finished_before, "{stderr}");
    // No temporary file is left, and the manifest is whole.
    let stray: Vec<String> = all_files(&dir.join("out"))
        .into_iter()
        .filter(|f| !f.ends_with(".pdf") && f != "manifest.jsonl")
        .collect();
    assert!(stray.is_empty(), "{stray:?}");
    let recs = records(&dir.join("out/manifest.jsonl"));
    assert_eq!(recs.len(), LETTERS);
    assert_records_match_files(dir, &recs);
    let (code, rep, _) = batch(dir, &[]);
    assert_eq!((code, count(&rep, "unchanged")), (0, LETTERS as u64));
}

#[test]
fn stale_temporary_files_of_a_killed_run_are_removed() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    letters(dir);
    fs::create_dir_all(dir.join("out/a")).unwrap();
    // What a SIGKILL leaves: empty temps of outputs and of the manifest.
    for stale in [
        "out/.c.pdf.4242.tmp",
        "out/a/.b.pdf.17.tmp",
        "out/.manifest.jsonl.9.tmp",
    ] {
        fs::write(dir.join(stale), b"").unwrap();
    }
    // Not ours: kept.
    fs::write(dir.join("out/.notes.txt.1.tmp"), b"keep").unwrap();
    let (code, _, stderr) = batch(dir, &[]);
    assert_eq!(code, 0, "{stderr}");
    let hidden: Vec<String> = all_files(&dir.join("out"))
        .into_iter()
        .filter(|f| f.rsplit('/').next().unwrap().starts_with('.'))
        .collect();
    assert_eq!(hidden, [".notes.txt.1.tmp"]);
}

#[test]
fn a_batch_never_writes_over_its_inputs_special_files_or_links() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    // A letter named like its own output.
    write(&dir.join("letter.pdf"), &letter(1));
    let o = zhauap(dir)
        .args(["batch", "letter.pdf", "-o", "."])
        .output()
        .unwrap();
    let stderr = exits(&o, 1);
    assert!(
        stderr.contains("would overwrite one of the letters"),
        "{stderr}"
    );
    assert_eq!(
        fs::read_to_string(dir.join("letter.pdf")).unwrap(),
        letter(1)
    );

    // The report on a letter.
    letters(dir);
    let o = zhauap(dir)
        .args(["batch", "in", "-o", "out", "--report", "in/a/b.yaml"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        fs::read_to_string(dir.join("in/a/b.yaml")).unwrap(),
        letter(2)
    );

    // A link and a pipe where outputs would go; a linked output folder.
    #[cfg(unix)]
    {
        fs::create_dir_all(dir.join("o1")).unwrap();
        fs::write(dir.join("target.txt"), b"precious").unwrap();
        std::os::unix::fs::symlink(dir.join("target.txt"), dir.join("o1/c.pdf")).unwrap();
        let o = zhauap(dir)
            .args(["batch", "in", "-o", "o1"])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&o.stderr).contains("symbolic link"));
        assert_eq!(fs::read(dir.join("target.txt")).unwrap(), b"precious");
        assert!(
            fs::symlink_metadata(dir.join("o1/c.pdf"))
                .unwrap()
                .is_symlink()
        );

        fs::create_dir_all(dir.join("o2")).unwrap();
        if mkfifo(&dir.join("o2/c.pdf")) {
            let o = zhauap(dir)
                .args(["batch", "in", "-o", "o2"])
                .output()
                .unwrap();
            assert_eq!(o.status.code(), Some(1));
            assert!(String::from_utf8_lossy(&o.stderr).contains("not a regular file"));
        }

        fs::create_dir_all(dir.join("o3")).unwrap();
        fs::create_dir_all(dir.join("elsewhere")).unwrap();
        std::os::unix::fs::symlink(dir.join("elsewhere"), dir.join("o3/a")).unwrap();
        let o = zhauap(dir)
            .args(["batch", "in", "-o", "o3"])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1));
        assert!(
            fs::read_dir(dir.join("elsewhere"))
                .unwrap()
                .next()
                .is_none()
        );
    }
}

#[test]
fn a_letter_that_is_a_pipe_is_refused_at_once() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    letters(dir);
    if !mkfifo(&dir.join("in/pipe.yaml")) {
        return;
    }
    let started = Instant::now();
    // Named: refused before any work.
    let o = zhauap(dir)
        .args(["batch", "in/pipe.yaml", "in/c.yaml", "-o", "named"])
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not a regular file"));
    assert!(!dir.join("named").exists());
    // In a folder: not a letter, the others are rendered.
    let (code, rep, stderr) = batch(dir, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(count(&rep, "rendered"), 3);
    assert!(started.elapsed() < Duration::from_secs(60));
}

#[test]
fn threads_are_bounded() {
    let t = tempfile::tempdir().unwrap();
    letters(t.path());
    let o = zhauap(t.path())
        .args(["batch", "in", "-o", "out", "--jobs", "15000"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let (code, _, _) = batch(t.path(), &["--jobs", "256"]);
    assert_eq!(code, 0);
}

/// Letters from files, but the program fails (panics) on one of them.
struct FaultOn(&'static str);

impl zhauap::batch::LetterSource for FaultOn {
    fn load(
        &self,
        index: usize,
        job: &zhauap::batch::Job,
    ) -> zhauap::diagnostic::Result<zhauap::batch::Loaded> {
        assert!(job.relative != self.0, "a fault on {}", self.0);
        zhauap::batch::Files.load(index, job)
    }
}

#[test]
fn a_fault_of_the_program_on_one_letter_costs_only_that_letter() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    letters(dir);
    let engine = zhauap::Engine::new(None).unwrap();
    let plan = zhauap::batch::plan(
        &[dir.join("in")],
        &[],
        &dir.join("out"),
        zhauap::Format::Pdf,
        None,
        false,
    )
    .unwrap();
    let settings = zhauap::batch::Settings {
        report: Some(dir.join("report.json")),
        ..Default::default()
    };
    let summary =
        zhauap::batch::run_from(&engine, &plan, &FaultOn("a/b.yaml"), &settings, &|_| {}).unwrap();
    assert_eq!((summary.rendered, summary.failed), (2, 1));
    assert_eq!(files_below(&dir.join("out")).len(), 2);
    let recs = records(&dir.join("out/manifest.jsonl"));
    assert_eq!(recs.len(), 3);
    let failed = &recs[0];
    assert_eq!(
        (&failed["key"], &failed["status"]),
        (&"a/b.yaml".into(), &"failed".into())
    );
    let message = failed["problems"][0]["message"].as_str().unwrap();
    assert!(message.contains("a fault on a/b.yaml"), "{message}");
    let report = super::report(&dir.join("report.json"));
    assert_eq!(report["failed"], 1);
}
