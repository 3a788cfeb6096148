//! A clerk's text is printed as typed or warned about: numbers keep their
//! characters, a ` #` comment that cut a text short is named with its place,
//! and `--deny-warnings` turns warnings into a refusal. Also `render -`
//! (standard input and output) and `-o` into a folder not there yet.

use std::path::Path;

use crate::common::pdf::Pdf;
use crate::common::zhauap;

const LETTER: &str = "lang: ru
outgoing:
  number: 0012
inquiry:
  number: 1e3
  date: 2024-01-10
addressee: Депутату Иванову И. И.
salutation: Уважаемый Иван Иванович!
body:
  - Строительство школы включено в план на 2024 год.
signature: { position: Министр, name: А. Б. Сидоров }
executor: { name: Петров А. А., phone: 0745674 }
";

fn pdf_text(bytes: &[u8]) -> String {
    let pdf = Pdf::parse(bytes).expect("reads back");
    pdf.pages
        .iter()
        .map(|p| p.text())
        .collect::<Vec<_>>()
        .join("\n")
        .replace(['\u{a0}', '\u{202f}'], " ")
}

fn write(dir: &Path, text: &str) -> std::path::PathBuf {
    let path = dir.join("letter.yaml");
    std::fs::write(&path, text).unwrap();
    path
}

/// Asserts exit 0, showing what the run printed if not.
fn succeeded(out: &std::process::Output) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
}

#[test]
fn numbers_in_text_fields_print_as_written_without_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let letter = write(dir.path(), LETTER);
    let out = zhauap().arg("render").arg(&letter).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(!err.contains("warning"), "{err}");
    let text = pdf_text(&std::fs::read(letter.with_extension("pdf")).unwrap());
    for written in ["№ 0012", "№ 1e3", "0745674"] {
        assert!(text.contains(written), "{written} not in:\n{text}");
    }
}

#[test]
fn a_comment_cutting_a_paragraph_is_warned_and_denied_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let letter = write(
        dir.path(),
        &LETTER.replace(
            "включено в план на 2024 год.",
            "включено в план (пункт #12 программы) на 2024 год.",
        ),
    );
    let out = zhauap().arg("check").arg(&letter).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("letter.yaml:10:5: warning: 'body[1]' is cut short"),
        "{err}"
    );
    assert!(err.contains("help: put the whole text in quotes"), "{err}");

    let out = zhauap()
        .args(["render", "--deny-warnings"])
        .arg(&letter)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("--deny-warnings"), "{err}");
    assert!(
        !letter.with_extension("pdf").exists(),
        "a denied letter wrote its PDF"
    );
}

#[test]
fn render_dash_reads_stdin_and_writes_stdout() {
    let out = zhauap()
        .args(["render", "-"])
        .write_stdin(LETTER)
        .output()
        .unwrap();
    succeeded(&out);
    assert!(out.stdout.starts_with(b"%PDF-"));
    assert!(pdf_text(&out.stdout).contains("№ 0012"));
}

#[test]
fn render_into_a_missing_folder_creates_it() {
    let dir = tempfile::tempdir().unwrap();
    let letter = write(dir.path(), LETTER);
    let target = dir.path().join("new/deeper/out.pdf");
    let out = zhauap()
        .arg("render")
        .arg(&letter)
        .arg("-o")
        .arg(&target)
        .output()
        .unwrap();
    succeeded(&out);
    assert!(std::fs::read(&target).unwrap().starts_with(b"%PDF-"));
}

/// A character only a regular face has (DejaVu Serif's 𝔸, U+1D538) that
/// `check` accepts prints wherever it is written, bold letterhead and
/// emphasis included, in the one shape there is (`render` refused it,
/// blaming the built-in template).
#[test]
fn a_character_only_a_regular_face_has_prints_in_bold_places_too() {
    let dir = tempfile::tempdir().unwrap();
    let text = LETTER
        .replace("lang: ru\n", "lang: ru\nletterhead: { ru: ВЕДОМСТВО 𝔸 }\n")
        .replace(
            "план на 2024 год.",
            "план на 2024 год, **раздел 𝔹** и *пункт ℂ𝔻*.",
        );
    let letter = write(dir.path(), &text);
    let out = zhauap().arg("check").arg(&letter).output().unwrap();
    succeeded(&out);
    let out = zhauap().arg("render").arg(&letter).output().unwrap();
    succeeded(&out);
    let printed = pdf_text(&std::fs::read(letter.with_extension("pdf")).unwrap());
    for written in ["ВЕДОМСТВО 𝔸", "раздел 𝔹", "пункт ℂ𝔻"] {
        assert!(printed.contains(written), "{written} not in:\n{printed}");
    }
}
