//! Layout never loses text: no glyph of any letter that renders is placed
//! outside the page's text area (issue 19). Every example, test letter and
//! corpus letter is rendered and read back from the PDF; each glyph must
//! start and end between the margins, and every glyph of the text (page
//! numbers, artifacts, stand above the top margin by design) must stand
//! between the top and bottom margins.

use std::path::{Path, PathBuf};

use crate::common::pdf::Pdf;
use crate::common::{BOTTOM_EDGE, LEFT_MARGIN, RIGHT_EDGE, engine};
use zhauap::Options;

const MM: f32 = 72.0 / 25.4;
const TOP_EDGE: f32 = 20.0 * MM;
/// Rounding in the PDF's coordinates.
const SLACK: f32 = 0.5;

fn letters_in(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    out.sort();
    out
}

/// The places where a glyph of `pdf` leaves the text area.
fn outside(pdf: &Pdf) -> Vec<String> {
    let mut found = Vec::new();
    for (i, page) in pdf.pages.iter().enumerate() {
        for line in &page.lines {
            for g in &line.glyphs {
                if g.drawn.trim().is_empty() {
                    continue;
                }
                let end = g.x0 + g.natural;
                let across = g.x0 < LEFT_MARGIN - SLACK || end > RIGHT_EDGE + SLACK;
                let down = !g.artifact
                    && (g.baseline < TOP_EDGE - SLACK || g.baseline > BOTTOM_EDGE + SLACK);
                if across || down {
                    found.push(format!(
                        "page {}: «{}» at x {:.1}..{:.1}, baseline {:.1}",
                        i + 1,
                        g.drawn,
                        g.x0,
                        end,
                        g.baseline
                    ));
                }
            }
        }
    }
    found
}

#[test]
fn no_glyph_of_any_letter_leaves_the_text_area() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let engine = engine();
    let mut checked = 0;
    let mut problems = Vec::new();
    for dir in [
        "examples",
        "examples/v2",
        "tests/letters",
        "tests/letters/typography",
        "tests/corpus/letters",
    ] {
        for letter in letters_in(&root.join(dir)) {
            // Refused letters are the corpus's business; what renders must fit.
            let Ok(rendered) = engine.render(&letter, &Options::default()) else {
                continue;
            };
            let pdf = Pdf::parse(&rendered.bytes).unwrap();
            checked += 1;
            for p in outside(&pdf) {
                problems.push(format!("{}: {p}", letter.display()));
            }
        }
    }
    assert!(checked >= 20, "only {checked} letters rendered");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_tied_run_wider_than_the_line_stays_inside_it() {
    let dir = tempfile::tempdir().unwrap();
    let numbers: Vec<String> = (0..40).map(|i| format!("{}", 101 + i * 7)).collect();
    let letter = dir.path().join("payments.yaml");
    std::fs::write(
        &letter,
        format!(
            "inquiry:\n  number: ДЗ-1\n  date: 2024-01-10\naddressee: Депутату\nsalutation: Уважаемый депутат!\nbody:\n  - >-\n    Платежи № {} оплачены полностью.\nsignature:\n  name: Е. Тугжанов\n",
            numbers.join(" ")
        ),
    )
    .unwrap();
    let rendered = engine().render(&letter, &Options::default()).unwrap();
    let pdf = Pdf::parse(&rendered.bytes).unwrap();
    assert_eq!(outside(&pdf), Vec::<String>::new());
    let text = rendered.pages.text();
    for n in &numbers {
        assert!(text.contains(n.as_str()), "{n} is not printed");
    }
    assert!(text.contains("оплачены полностью"));
}
