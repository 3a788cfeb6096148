//! `zhauap render --stats=json` against the shared ruler typo2.py
//! (tests/data/typo/, a copy of the project's tools/typo2.py): the figures
//! the typesetter computes from its own data must be the ones the ruler
//! reads back from the PDF, on every example and test letter.
//!
//! The ruler needs python3, pdfminer.six and poppler's pdftotext. Where
//! they are missing the test says so and passes; CI sets
//! `ZHAUAP_REQUIRE_TYPO2=1` (.ci/typography-checks.sh installs them), so
//! there a missing tool fails it.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::common::{crate_path, zhauap};

/// Why the ruler cannot run here, if it cannot.
fn ruler_missing() -> Option<String> {
    let python = Command::new("python3")
        .args(["-c", "import pdfminer"])
        .output();
    match python {
        Err(e) => return Some(format!("python3 cannot be run: {e}")),
        Ok(o) if !o.status.success() => {
            return Some("python3 has no pdfminer (pip install pdfminer.six)".to_owned());
        }
        Ok(_) => {}
    }
    match Command::new("pdftotext").arg("-v").output() {
        Err(e) => Some(format!("pdftotext (poppler-utils) cannot be run: {e}")),
        Ok(_) => None,
    }
}

/// True when the ruler can run; otherwise prints why and, on CI, fails.
fn ruler_ready() -> bool {
    let Some(why) = ruler_missing() else {
        return true;
    };
    assert!(
        std::env::var_os("ZHAUAP_REQUIRE_TYPO2").is_none(),
        "ZHAUAP_REQUIRE_TYPO2 is set but typo2.py cannot run: {why}"
    );
    eprintln!("SKIPPED: typo2.py comparison not run: {why}");
    false
}

/// The letters compared: the examples and the stress letters.
fn letters() -> Vec<String> {
    letters_in(&["examples", "tests/letters"])
}

/// The `.yaml` letters of `dirs`, each folder's sorted.
fn letters_in(dirs: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for &dir in dirs {
        let mut names: Vec<String> = std::fs::read_dir(crate_path(dir))
            .unwrap_or_else(|e| panic!("{dir}: {e}"))
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".yaml"))
            .map(|n| format!("{dir}/{n}"))
            .collect();
        names.sort();
        out.extend(names);
    }
    assert!(out.len() >= 10, "letters: {out:?}");
    out
}

/// Letters written for issue 15 as a clerk writes them (Russian and Kazakh,
/// one to five pages, nested items, tables, headings, joint signatories),
/// set beside XeLaTeX by benches/peers.sh. Not in the comparison with the
/// ruler above: where numbered items are most of a letter's lines, typo2
/// takes the items' hanging text for the left margin and reads an item's
/// last line as underfull (and, across a page, as a widow, or a paragraph
/// that follows a table as an orphan). The typesetter's own figures know
/// the blocks.
const HELD_OUT: &str = "tests/letters/typography";

/// Renders `letter` to `pdf`, returning `--stats=json`'s figures.
fn our_figures(letter: &str, pdf: &Path) -> Value {
    let mut command = zhauap();
    command
        .args(["render", "-q", "--stats=json", "-o"])
        .arg(pdf)
        .arg(crate_path(letter));
    json_of(
        command.output(),
        &format!("zhauap render --stats=json {letter}"),
    )
}

fn ruler_figures(pdf: &Path) -> Value {
    let mut command = Command::new("python3");
    command.arg(crate_path("tests/data/typo/typo2.py")).arg(pdf);
    json_of(command.output(), "typo2.py")
}

/// The JSON a successful command printed.
fn json_of(out: std::io::Result<std::process::Output>, what: &str) -> Value {
    let out = out.unwrap_or_else(|e| panic!("{what} cannot run: {e}"));
    assert!(
        out.status.success(),
        "{what}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{what} printed no JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

fn number(v: &Value, key: &str, letter: &str) -> f64 {
    match &v[key] {
        Value::Null => 0.0,
        n => n
            .as_f64()
            .unwrap_or_else(|| panic!("{letter}: {key} is not a number: {n}")),
    }
}

/// Counts that must be equal, and figures with their tolerance: typo2 rounds
/// em figures to 4 places and ratios to 2, and the PDF's width table holds
/// advances to 1/1000 em.
const EQUAL: &[&str] = &[
    "pages",
    "tracked_lines_002",
    "condensed_lines",
    "underfull_lines",
    "page_end_hyphens",
    "runts",
    "widows",
    "orphans",
    "hyphenated_lines",
    "max_hyphen_run",
];
const CLOSE: &[(&str, f64)] = &[
    ("tracking_max_em", 0.0015),
    ("tracking_min_em", 0.0015),
    ("equiv_gap_p50", 0.015),
    ("equiv_gap_p95", 0.015),
    ("equiv_gap_max", 0.02),
];
/// Loose lines: a line whose mean gap is within rounding of 1.6 may fall
/// either side.
const LOOSE_TOLERANCE: f64 = 1.0;

#[test]
fn stats_agree_with_typo2_on_every_example_and_test_letter() {
    if !ruler_ready() {
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut failures = Vec::new();
    for letter in letters() {
        let pdf = dir.path().join(
            Path::new(&letter)
                .file_stem()
                .map(|s| format!("{}.pdf", s.to_string_lossy()))
                .expect("a file name"),
        );
        let ours = our_figures(&letter, &pdf);
        let ruler = ruler_figures(&pdf);
        for key in EQUAL {
            let (a, b) = (number(&ours, key, &letter), number(&ruler, key, &letter));
            if a != b {
                failures.push(format!("{letter}: {key}: --stats {a}, typo2 {b}"));
            }
        }
        for (key, tolerance) in CLOSE {
            let (a, b) = (number(&ours, key, &letter), number(&ruler, key, &letter));
            if (a - b).abs() > *tolerance {
                failures.push(format!(
                    "{letter}: {key}: --stats {a:.4}, typo2 {b:.4} (tolerance {tolerance})"
                ));
            }
        }
        let key = "equiv_loose_lines";
        let (a, b) = (number(&ours, key, &letter), number(&ruler, key, &letter));
        if (a - b).abs() > LOOSE_TOLERANCE {
            failures.push(format!("{letter}: {key}: --stats {a}, typo2 {b}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn stats_text_names_every_figure() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = zhauap()
        .args(["render", "-q", "--stats", "-o"])
        .arg(dir.path().join("dz.pdf"))
        .arg(crate_path(crate::common::REFERENCE))
        .output()
        .expect("zhauap runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for label in [
        "pages                      2",
        "letter-spacing, widest",
        "lines spaced >= 0.02 em    0",
        "gap, letter-spacing back",
        "loose lines, counted back",
        "underfull lines            0",
        "words broken across pages  0",
        "runts                      0",
        "widows",
        "orphans",
        "hyphenated lines",
        "longest hyphenated run",
    ] {
        assert!(text.contains(label), "{label:?} missing from:\n{text}");
    }
}

/// Issue 15's bar, met by font expansion: on the reference letter the word
/// gaps with letter-spacing counted back are no looser than XeLaTeX's on
/// the same letter (95th percentile 1.68, 3 loose lines), on two pages,
/// with no letter-spaced, condensed or underfull line. Without expansion
/// the letter had a 95th percentile of 1.71 and 6 loose lines. Checked on
/// the typesetter's own figures and, where it can run, on typo2's.
#[test]
fn the_reference_letter_is_no_looser_than_xelatex() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let pdf = dir.path().join("dz.pdf");
    let letter = crate::common::REFERENCE;
    let mut figures = vec![("--stats", our_figures(letter, &pdf))];
    if ruler_ready() {
        figures.push(("typo2", ruler_figures(&pdf)));
    }
    for (who, f) in figures {
        let at_most = |key: &str, limit: f64| {
            let v = number(&f, key, letter);
            assert!(v <= limit, "{who}: {key} {v} > {limit}");
        };
        at_most("equiv_gap_p95", 1.68);
        at_most("equiv_loose_lines", 3.0);
        at_most("pages", 2.0);
        at_most("tracked_lines_002", 0.0);
        at_most("condensed_lines", 0.0);
        at_most("underfull_lines", 0.0);
        at_most("page_end_hyphens", 0.0);
        at_most("max_hyphen_run", 2.0);
    }
}

/// Issue 15's rules on every held-out letter, from the typesetter's own
/// figures (the ones tested equal to typo2's above): no letter-spaced,
/// underfull or runt line, no word broken across a page, at most two
/// hyphenated lines in a row, and 95% of the word gaps, letter-spacing
/// counted back, within the widest space the tolerance allows (1.5 natural
/// spaces). Ranked past the tolerance as TeX's emergency stretch ranks
/// lines, ru-five-pages had a 95th percentile of 1.53 (its white in lines
/// of few spaces). (Condensed lines are not asserted: the ruler's median
/// reads the font's kerning of a short ragged line, «Жумабекову» in
/// ru-note's addressee, as -0.013 em.)
#[test]
fn held_out_letters_keep_the_typography_rules() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut failures = Vec::new();
    let held_out = letters_in(&[HELD_OUT]);
    assert!(held_out.len() >= 12, "held-out letters: {held_out:?}");
    for letter in &held_out {
        let f = our_figures(letter, &dir.path().join("held-out.pdf"));
        for (key, limit) in [
            ("tracked_lines_002", 0.0),
            ("underfull_lines", 0.0),
            ("runts", 0.0),
            ("page_end_hyphens", 0.0),
            ("max_hyphen_run", 2.0),
            ("equiv_gap_p95", 1.5),
        ] {
            let v = number(&f, key, letter);
            if v > limit {
                failures.push(format!("{letter}: {key} {v} > {limit}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
