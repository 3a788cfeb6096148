//! The markup a template writes is checked while it is parsed: a wrong
//! attribute value, an attribute a block does not take, or a language other
//! than the letter's is refused at the template's own file, line and column,
//! and nothing is written.

use std::fs;
use std::path::Path;

use crate::common::{crate_path, zhauap};

/// A copy of the built-in templates with `from` replaced by `to` in
/// `deputy-reply/FILE`, and the line and column where `to` stands.
fn templates_with(dir: &Path, file: &str, from: &str, to: &str) -> (String, usize, usize) {
    let src = crate_path("templates/deputy-reply");
    let dst = dir.join("templates/deputy-reply");
    fs::create_dir_all(&dst).unwrap();
    for name in ["base.tera", "ru.tera", "kk.tera"] {
        fs::copy(src.join(name), dst.join(name)).unwrap();
    }
    let path = dst.join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} has no {from:?}");
    let text = text.replacen(from, to, 1);
    fs::write(&path, &text).unwrap();
    let at = text.find(to).unwrap();
    let line = text[..at].matches('\n').count() + 1;
    let column = text[..at].rsplit('\n').next().unwrap().chars().count() + 1;
    (path.display().to_string(), line, column)
}

/// Renders the reference letter with the changed templates: refused, at
/// `file:line:col` of the template, with `help`, and no PDF written.
fn refused_at(file: &str, from: &str, to: &str, needle: &str, help: &str) {
    let dir = tempfile::tempdir().unwrap();
    let (path, line, column) = templates_with(dir.path(), file, from, to);
    let column = column + to.find(needle).unwrap();
    let letter = dir.path().join("letter.yaml");
    fs::copy(crate_path("examples/dz-83-reply.yaml"), &letter).unwrap();
    fs::copy(
        crate_path("examples/emblem.svg"),
        dir.path().join("emblem.svg"),
    )
    .ok();
    let out = dir.path().join("letter.pdf");
    let run = zhauap()
        .args(["render", "--templates"])
        .arg(dir.path().join("templates"))
        .arg(&letter)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{to}: {stderr}");
    let place = format!("{path}:{line}:{column}");
    assert!(
        stderr.contains(&place),
        "{to}: expected {place} in:\n{stderr}"
    );
    assert!(
        stderr.contains(help),
        "{to}: expected help {help:?} in:\n{stderr}"
    );
    assert!(!out.exists(), "{to}: a refused letter writes nothing");
}

#[test]
fn a_misspelt_alignment_is_refused_at_its_template_line() {
    refused_at(
        "base.tera",
        "[paragraph]\n{{ closing",
        "[paragraph align=\"centre\"]\n{{ closing",
        "align=",
        "left, center, right, justify",
    );
}

#[test]
fn a_bold_that_is_not_true_or_false_is_refused_on_every_block() {
    // The signature blocks are written by the language files (the acting
    // signer's wording differs), the others by base.tera.
    for (file, from, to) in [
        ("base.tera", "[salutation]", "[salutation bold=\"ture\"]"),
        ("base.tera", "[addressee]", "[addressee bold=\"yes\"]"),
        (
            "ru.tera",
            "[signature name=\"{{ s.name }}\"]",
            "[signature name=\"{{ s.name }}\" bold=\"1\"]",
        ),
    ] {
        refused_at(file, from, to, "bold=", "bold=\"true\"");
    }
}

#[test]
fn a_language_code_that_is_not_the_letters_is_refused() {
    refused_at(
        "base.tera",
        "[document lang=\"{{ lang }}\"",
        "[document lang=\"kz\"",
        "lang=",
        "lang=\"ru\" or lang=\"kk\"",
    );
    refused_at(
        "base.tera",
        "[document lang=\"{{ lang }}\"",
        "[document lang=\"kk\"",
        "lang=",
        "lang=\"{{ lang }}\"",
    );
}

#[test]
fn a_document_date_that_is_not_iso_is_refused() {
    refused_at(
        "base.tera",
        "date=\"{% if outgoing.date %}{{ outgoing.date }}{% else %}{{ inquiry.date }}{% endif %}\"",
        "date=\"22 апреля\"",
        "date=",
        "YYYY-MM-DD",
    );
}

#[test]
fn an_attribute_a_block_does_not_take_is_refused() {
    refused_at(
        "base.tera",
        "[salutation]",
        "[salutation align=\"left\"]",
        "align=",
        "[salutation] takes: bold",
    );
    refused_at(
        "base.tera",
        "[document lang=\"{{ lang }}\"",
        "[document keywords=\"x\" lang=\"{{ lang }}\"",
        "keywords=",
        "title",
    );
}
