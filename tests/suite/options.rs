//! Render options: the typographic pass can be switched off, and HTML is
//! written from the same pages as the PDF.

use std::path::Path;
use zhauap::{Engine, Format, Options};

fn letter_with_quotes(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("q.yaml");
    std::fs::write(
        &path,
        "inquiry:\n  number: ДЗ-7\n  date: 2021-03-01\naddressee: Депутату\nsalutation: Уважаемый депутат!\nbody:\n  - 'Фильм \"Мы - вместе\" показан 30 раз в г. Алматы.'\nsignature:\n  name: Е. Тугжанов\n",
    )
    .unwrap();
    path
}

#[test]
fn typography_on_by_default_and_off_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let letter = letter_with_quotes(dir.path());
    let engine = Engine::new(None).unwrap();
    let on = engine
        .render(&letter, &Options::default())
        .unwrap()
        .pages
        .text();
    // Quotes and dashes are visible in the text; the non-breaking spaces
    // copy out as plain spaces (their effect is on line breaking).
    assert!(on.contains("«Мы — вместе»"), "{on}");
    let off = engine
        .render(
            &letter,
            &Options {
                typography: false,
                format: Format::Pdf,
            },
        )
        .unwrap()
        .pages
        .text();
    assert!(off.contains("\"Мы - вместе\""), "{off}");
    assert!(!off.contains("«Мы"), "{off}");
}

#[test]
fn no_typography_flag_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let letter = letter_with_quotes(dir.path());
    let out = dir.path().join("q.html");
    crate::common::zhauap()
        .args(["render", "--no-typography", "--format", "html", "-o"])
        .arg(&out)
        .arg(&letter)
        .assert()
        .success();
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("&quot;Мы"), "straight quotes kept");
    assert!(!html.contains("«Мы"));
}
