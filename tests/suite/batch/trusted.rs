//! Letters trusted unchanged by their file's stat: the size, modification
//! and change times and inode the manifest recorded when the letter was
//! read, at least two seconds after its last change. An unchanged re-run
//! reads no letter (issue 20); an edit shows in the change time even when
//! the size and modification time are put back; a letter changed too
//! recently is read by every run; the defaults files trusted letters name,
//! and the ones those name, are still left out of the folder's letters.

use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

use serde_json::Value;

use super::manifest::{as_unchanged, manifest_lines, records};
use super::{batch, count, letter, letters, write, zhauap};

/// Long enough after the last change for a stat to be recorded.
fn settle() {
    std::thread::sleep(Duration::from_millis(2100));
}

fn quiet_batch(dir: &Path) {
    let out = zhauap(dir)
        .args(["batch", "in", "-o", "out", "-q"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn record_of<'a>(records: &'a [Value], key: &str) -> &'a Value {
    records.iter().find(|r| r["key"] == key).unwrap()
}

fn ns(time: SystemTime) -> u64 {
    time.duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
}

fn set_modified(path: &Path, time: SystemTime) {
    fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(time)
        .unwrap();
}

/// The manifest's bytes and modification time.
fn manifest_state(dir: &Path) -> (Vec<u8>, SystemTime) {
    let path = dir.join("out/manifest.jsonl");
    (
        fs::read(&path).unwrap(),
        fs::metadata(&path).unwrap().modified().unwrap(),
    )
}

#[test]
fn a_same_size_edit_with_its_old_modification_time_renders_again() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    letters(dir);
    settle();
    quiet_batch(dir);
    let recorded = records(&dir.join("out/manifest.jsonl"));
    for r in &recorded {
        let path = dir.join(r["input"]["path"].as_str().unwrap());
        let meta = fs::metadata(&path).unwrap();
        let stat = &r["input"]["stat"];
        assert_eq!(stat["bytes"], meta.len(), "{r}");
        assert_eq!(stat["modified_ns"], ns(meta.modified().unwrap()), "{r}");
    }
    // Another outgoing number of as many characters, and the old time back.
    let c = dir.join("in/c.yaml");
    let before = fs::metadata(&c).unwrap();
    let edited = letter(1).replace("12-15/1\n", "12-15/7\n");
    assert_ne!(edited, letter(1));
    fs::write(&c, &edited).unwrap();
    set_modified(&c, before.modified().unwrap());
    let after = fs::metadata(&c).unwrap();
    assert_eq!(
        (after.len(), after.modified().unwrap()),
        (before.len(), before.modified().unwrap())
    );
    let (code, rep, stderr) = batch(dir, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!((count(&rep, "rendered"), count(&rep, "unchanged")), (1, 2));
    let c_record = record_of(&rep["letters"].as_array().unwrap()[..], "c.yaml").clone();
    assert_eq!(c_record["status"], "rendered", "{c_record}");
}

#[test]
fn a_letter_changed_too_recently_is_read_by_every_run_and_nothing_is_written() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    letters(dir);
    settle();
    // Its times say it changes after the batch reads it: not settled.
    let c = dir.join("in/c.yaml");
    set_modified(&c, SystemTime::now() + Duration::from_secs(3600));
    quiet_batch(dir);
    let recorded = records(&dir.join("out/manifest.jsonl"));
    assert!(
        record_of(&recorded, "c.yaml")["input"]
            .get("stat")
            .is_none()
    );
    assert!(record_of(&recorded, "c.yaml")["input"]["sha256"].is_string());
    assert!(record_of(&recorded, "a/b.yaml")["input"]["stat"].is_object());
    // Read and hashed again, found unchanged, and still no stat to record.
    let before = manifest_state(dir);
    quiet_batch(dir);
    assert_eq!(manifest_state(dir), before);
    // An edit of such a letter shows in its content.
    fs::write(&c, letter(8)).unwrap();
    set_modified(&c, SystemTime::now() + Duration::from_secs(3600));
    let (_, rep, _) = batch(dir, &[]);
    assert_eq!((count(&rep, "rendered"), count(&rep, "unchanged")), (1, 2));
}

#[test]
fn a_touched_letter_is_read_once_its_record_takes_the_new_stat_and_then_nothing_is_written() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    letters(dir);
    settle();
    quiet_batch(dir);
    let c = dir.join("in/c.yaml");
    let old = record_of(&records(&dir.join("out/manifest.jsonl")), "c.yaml").clone();
    set_modified(&c, SystemTime::now() - Duration::from_secs(60));
    settle();
    let outputs = fs::read(dir.join("out/c.pdf")).unwrap();
    let output_time = fs::metadata(dir.join("out/c.pdf"))
        .unwrap()
        .modified()
        .unwrap();
    quiet_batch(dir);
    // The output is as it was; the record has the file's new stat.
    assert_eq!(fs::read(dir.join("out/c.pdf")).unwrap(), outputs);
    assert_eq!(
        fs::metadata(dir.join("out/c.pdf"))
            .unwrap()
            .modified()
            .unwrap(),
        output_time
    );
    let recorded = records(&dir.join("out/manifest.jsonl"));
    assert_eq!(recorded.len(), 3, "compacted: one record a letter");
    let new = record_of(&recorded, "c.yaml");
    assert_eq!(
        new["input"]["stat"]["modified_ns"],
        ns(fs::metadata(&c).unwrap().modified().unwrap())
    );
    assert_ne!(new["input"]["stat"], old["input"]["stat"]);
    assert_eq!(new["output"], old["output"]);
    assert_eq!(new["status"], "unchanged");
    // The records of the letters not touched are kept as they were.
    for key in ["a/b.yaml", "a/d/e.yaml"] {
        let was = record_of(&records(&dir.join("out/manifest.jsonl")), key).clone();
        assert!(was["input"]["stat"].is_object(), "{was}");
        assert!(was["pages"].as_u64().unwrap() >= 1, "{was}");
    }
    let before = manifest_state(dir);
    quiet_batch(dir);
    assert_eq!(manifest_state(dir), before);
}

#[test]
fn a_compacted_manifest_keeps_the_records_of_letters_trusted_without_a_report() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    // In key order the changed letter comes last: the trusted ones finish
    // first, with no record read back, and the sink reads them when the
    // manifest comes to be rewritten.
    write(&dir.join("in/a.yaml"), &letter(1));
    write(&dir.join("in/b.yaml"), &letter(2));
    write(&dir.join("in/c.yaml"), &letter(3));
    settle();
    quiet_batch(dir);
    let before = manifest_lines(dir);
    write(&dir.join("in/c.yaml"), &letter(4));
    quiet_batch(dir);
    let after = manifest_lines(dir);
    assert_eq!(after.len(), 3, "{after:?}");
    assert_eq!(after[..2], as_unchanged(&before[..2])[..]);
    assert_ne!(after[2], before[2]);
}

const SHARED: &str = "lang: ru
letterhead:
  kk: ҚАЗАҚСТАН РЕСПУБЛИКАСЫ ДЕНСАУЛЫҚ САҚТАУ МИНИСТРЛІГІ
  ru: МИНИСТЕРСТВО ЗДРАВООХРАНЕНИЯ РЕСПУБЛИКИ КАЗАХСТАН
signature:
  position: Вице-министр здравоохранения
  name: А. Ғиният
";

const EXECUTOR: &str = "executor: { name: Сейтказина Д.М., phone: 74-37-12 }\n";

fn uses_shared(number: &str) -> String {
    format!(
        "defaults: ../../outside/ministry.yaml
inquiry: {{ number: {number}, date: 2026-02-27 }}
outgoing: {{ number: 04-1/8800, date: 2026-03-16 }}
addressee: Депутату Мажилиса Парламента Республики Казахстан
salutation: Уважаемый депутат!
body:
  - Министерство рассмотрело ваш запрос и сообщает следующее.
"
    )
}

/// Writes `files` (path below `dir`, text), the ministry's defaults file
/// at `ministry` among them, lets them settle and renders them once; the
/// report.
fn rendered_once(dir: &Path, ministry: &str, letters: &[(&str, String)]) -> Value {
    write(&dir.join(ministry), &format!("{SHARED}{EXECUTOR}"));
    for (path, text) in letters {
        write(&dir.join(path), text);
    }
    settle();
    let (code, rep, stderr) = batch(dir, &[]);
    assert_eq!(code, 0, "{stderr}");
    rep
}

/// How many files the run left out as defaults files.
fn skipped(rep: &Value) -> usize {
    rep["skipped_defaults"].as_array().unwrap().len()
}

#[test]
fn defaults_files_of_trusted_letters_stay_out_and_their_own_defaults_are_followed() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    // The shared defaults file lives outside the letters' folder.
    let letters = [
        ("in/a/one.yaml", uses_shared("ДЗ-1")),
        ("in/a/two.yaml", uses_shared("ДЗ-2")),
    ];
    let rep = rendered_once(dir, "outside/ministry.yaml", &letters);
    assert_eq!(count(&rep, "rendered"), 2);
    let recorded = records(&dir.join("out/manifest.jsonl"));
    let named = record_of(&recorded, "a/one.yaml")["defaults_file"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(Path::new(&named).is_absolute(), "{named}");
    assert!(named.ends_with("ministry.yaml"), "{named}");
    assert!(record_of(&recorded, "a/one.yaml")["input"]["stat"].is_object());
    // Trusted: not read, and the file they name is still no letter.
    let (code, rep, stderr) = batch(dir, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(count(&rep, "unchanged"), 2, "{stderr}");
    // The defaults file now draws on one among the letters: that one is a
    // defaults file too, though the letters naming the first are not read.
    write(
        &dir.join("outside/ministry.yaml"),
        &format!("defaults: ../in/common/executor.yaml\n{SHARED}"),
    );
    write(&dir.join("in/common/executor.yaml"), EXECUTOR);
    let (code, rep, stderr) = batch(dir, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(skipped(&rep), 1, "{rep}");
    assert_eq!((count(&rep, "rendered"), count(&rep, "failed")), (2, 0));
    assert!(!dir.join("out/common/executor.pdf").exists());
}

#[test]
fn a_record_of_an_older_build_learns_its_defaults_file_before_its_letter_is_trusted() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    let one = uses_shared("ДЗ-1").replace("../../outside/", "../common/");
    rendered_once(dir, "in/common/ministry.yaml", &[("in/a/one.yaml", one)]);
    // As an older build wrote it: the defaults' hash, no file, no stat.
    let manifest = dir.join("out/manifest.jsonl");
    let older: Vec<String> = records(&manifest)
        .into_iter()
        .map(|mut r| {
            let object = r.as_object_mut().unwrap();
            object.remove("defaults_file");
            object["input"].as_object_mut().unwrap().remove("stat");
            assert!(object["defaults"].is_string());
            serde_json::to_string(&r).unwrap()
        })
        .collect();
    fs::write(&manifest, older.join("\n") + "\n").unwrap();
    // Read, found unchanged, and its record completed.
    let (code, rep, stderr) = batch(dir, &[]);
    assert_eq!((code, count(&rep, "unchanged")), (0, 1), "{stderr}");
    let record = records(&manifest)[0].clone();
    assert!(record["input"]["stat"].is_object(), "{record}");
    let named = record["defaults_file"].as_str().unwrap();
    assert!(named.ends_with("common/ministry.yaml"), "{named}");
    // Trusted now, and the defaults file stays out.
    let before = manifest_state(dir);
    let (code, rep, stderr) = batch(dir, &[]);
    assert_eq!((code, count(&rep, "unchanged")), (0, 1), "{stderr}");
    assert_eq!(skipped(&rep), 1);
    assert_eq!(manifest_state(dir), before);
}

#[test]
fn a_moved_folder_s_defaults_files_stay_out_though_the_recorded_paths_are_gone() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    let one = uses_shared("ДЗ-1").replace("../../outside/", "../common/");
    rendered_once(dir, "in/common/ministry.yaml", &[("in/a/one.yaml", one)]);
    // Moved whole: each file keeps its size, times and inode.
    fs::rename(dir.join("in"), dir.join("moved")).unwrap();
    let out = zhauap(dir)
        .args(["batch", "moved", "-o", "out", "--report", "report.json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let rep = super::report(&dir.join("report.json"));
    assert_eq!(skipped(&rep), 1, "{rep}");
    assert!(!dir.join("out/common/ministry.pdf").exists());
}

#[test]
fn a_trusted_letter_its_defaults_file_names_back_is_a_letter_still() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    let letters = [
        ("in/a/one.yaml", uses_shared("ДЗ-1")),
        ("in/a/two.yaml", letter(2)),
    ];
    rendered_once(dir, "outside/ministry.yaml", &letters);
    // A cycle through the letter: read, the letter would be refused for
    // it, and it must not pass for a defaults file (nor be pruned).
    write(
        &dir.join("outside/ministry.yaml"),
        &format!("defaults: ../in/a/one.yaml\n{SHARED}{EXECUTOR}"),
    );
    let (code, rep, stderr) = batch(dir, &["--prune"]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(skipped(&rep), 0, "{rep}");
    assert_eq!((count(&rep, "failed"), count(&rep, "unchanged")), (1, 1));
    assert!(rep["pruned"].as_array().unwrap().is_empty(), "{rep}");
}
