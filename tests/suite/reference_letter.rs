//! Issue 2: the reference letter end to end. It is rendered through the
//! library, its PDF read back with the test reader (`common::pdf`), and the
//! printed pages checked against `docs/layout.md`: every paragraph present and in
//! order, the head on page 1, page numbers from page 2, the signature and the
//! executor mark on the last page, embedded subset fonts, determinism. The
//! error cases go through the binary: what a clerk sees.

use std::path::Path;

use crate::common;
use crate::common::pdf::{Line, Page, join_lines, normalize_space};
use crate::common::{LEFT_MARGIN, REFERENCE, RIGHT_EDGE, crate_path, engine, render, zhauap};
use serde::Deserialize;
use zhauap::typeset::page::{MM, PAGE_WIDTH};

/// The parts of the letter file these tests compare the PDF with, read
/// straight from the YAML (not through the library's letter parser).
#[derive(Deserialize)]
struct LetterFile {
    inquiry: Inquiry,
    addressee: String,
    body: Vec<String>,
    closing: String,
    signature: Signature,
    executor: Executor,
}

#[derive(Deserialize)]
struct Inquiry {
    subject: String,
}

#[derive(Deserialize)]
struct Signature {
    name: String,
}

#[derive(Deserialize)]
struct Executor {
    name: String,
    phone: String,
}

fn letter_file() -> LetterFile {
    let text = std::fs::read_to_string(crate_path(REFERENCE)).expect("the reference letter");
    serde_saphyr::from_str(&text).expect("the reference letter is YAML")
}

/// The line of `page` whose copied text is `text` (spaces normalised).
fn line_with<'a>(page: &'a Page, text: &str) -> Option<&'a Line> {
    page.lines
        .iter()
        .find(|l| normalize_space(&l.text()) == text)
}

/// The top of a line's text: its baseline less the font's ascent.
fn top(pdf: &common::pdf::Pdf, line: &Line) -> f32 {
    let g = &line.glyphs[0];
    line.baseline - pdf.fonts[&g.font].ascent * g.size
}

#[test]
fn every_paragraph_is_present_verbatim_and_in_order() {
    let printed = render(&engine(), REFERENCE);
    let letter = letter_file();
    let text = printed.pdf.copied_text();
    // The opening is the template's default sentence around the subject.
    let mut paragraphs = vec![format!(
        "Рассмотрев ваш депутатский запрос касательно {}, сообщаю следующее.",
        letter.inquiry.subject
    )];
    paragraphs.extend(letter.body.iter().cloned());
    paragraphs.push(letter.closing.clone());
    let mut from = 0;
    for (i, p) in paragraphs.iter().enumerate() {
        let p = normalize_space(p);
        match text[from..].find(&p) {
            Some(at) => from += at + p.len(),
            None => {
                let anywhere = text.contains(&p);
                panic!(
                    "paragraph {} is {} in the PDF's text:\n«{p}»\n\nthe text read back:\n{text}",
                    i + 1,
                    if anywhere {
                        "out of order"
                    } else {
                        "not verbatim"
                    }
                );
            }
        }
    }
    assert!(
        !text.contains(['\u{ad}', '\u{2010}']),
        "soft hyphens or U+2010 in the copied text"
    );
}

#[test]
fn the_page_lines_read_back_match_what_was_set() {
    // Pairs every line the library set with the PDF's (panics on a mismatch),
    // which is what lets the other tests trust the reader's lines.
    let printed = render(&engine(), REFERENCE);
    let lines = printed.lines();
    assert!(lines.len() > 60, "only {} lines", lines.len());
}

#[test]
fn the_reference_and_the_addressee_head_page_one() {
    let printed = render(&engine(), REFERENCE);
    let pdf = &printed.pdf;
    let letter = letter_file();
    let page = &pdf.pages[0];
    let reference: Vec<&Line> = ["На № ДЗ-83", "от 22.04.2020 года"]
        .iter()
        .map(|t| line_with(page, t).unwrap_or_else(|| panic!("«{t}» is not a line of page 1")))
        .collect();
    assert!(
        reference[0].baseline < reference[1].baseline,
        "«На № ДЗ-83» comes first"
    );
    for l in &reference {
        assert!(
            (l.x0() - LEFT_MARGIN).abs() < 0.5,
            "«{}» starts at {:.2}, not at the left margin {LEFT_MARGIN:.2}",
            l.text(),
            l.x0()
        );
    }
    let addressee: Vec<&Line> = letter
        .addressee
        .lines()
        .map(|t| {
            line_with(page, t).unwrap_or_else(|| panic!("addressee line «{t}» is not on page 1"))
        })
        .collect();
    assert_eq!(addressee.len(), 4);
    for pair in addressee.windows(2) {
        assert!(
            pair[0].baseline < pair[1].baseline,
            "the addressee's lines are in order"
        );
    }
    for l in &addressee {
        // Left-aligned inside a block in the right half, right of the reference.
        assert!(
            (l.x0() - addressee[0].x0()).abs() < 0.1,
            "addressee lines share a left edge"
        );
        assert!(
            l.x0() >= PAGE_WIDTH / 2.0,
            "«{}» starts at {:.2}, left of the page's middle",
            l.text(),
            l.x0()
        );
        assert!(
            l.x1() <= RIGHT_EDGE + 0.5,
            "«{}» passes the margin",
            l.text()
        );
    }
    let reference_right = reference.iter().map(|l| l.x1()).fold(0.0, f32::max);
    assert!(addressee[0].x0() > reference_right);
    // `docs/layout.md`: the addressee's top is level with the reference block.
    // The two are set in different sizes (12 and 14 pt), so their tops, not
    // their baselines, are compared.
    let (a, r) = (top(pdf, addressee[0]), top(pdf, reference[0]));
    assert!(
        (a - r).abs() <= 1.0,
        "the addressee's top ({a:.2}) is not level with the reference's ({r:.2}); \
         baselines {:.2} and {:.2}",
        addressee[0].baseline,
        reference[0].baseline
    );
    // Nothing of the head repeats on later pages.
    for (i, p) in pdf.pages.iter().enumerate().skip(1) {
        assert!(
            line_with(p, "На № ДЗ-83").is_none(),
            "the reference repeats on page {}",
            i + 1
        );
    }
}

#[test]
fn page_numbers_start_on_page_two_at_the_top_centre() {
    let printed = render(&engine(), REFERENCE);
    let pdf = &printed.pdf;
    assert!(
        pdf.pages[0].lines.iter().all(|l| l.text().trim() != "1"),
        "page 1 is not numbered"
    );
    let centre = (LEFT_MARGIN + RIGHT_EDGE) / 2.0;
    for (i, page) in pdf.pages.iter().enumerate().skip(1) {
        let first = &page.lines[0];
        let number = (i + 1).to_string();
        assert_eq!(
            first.drawn(),
            number,
            "page {} starts with «{}»",
            i + 1,
            first.text()
        );
        let topmost = page
            .lines
            .iter()
            .map(|l| l.baseline)
            .fold(f32::INFINITY, f32::min);
        assert_eq!(first.baseline, topmost, "the number is the top line");
        let middle = (first.x0() + first.x1()) / 2.0;
        assert!(
            (middle - centre).abs() <= 1.0,
            "page {}'s number is centred at {middle:.2}, not {centre:.2}",
            i + 1
        );
        assert!(
            top(pdf, first) >= 10.0 * MM - 0.5,
            "page {}'s number is closer than 10 mm to the top edge",
            i + 1
        );
        assert!(
            first.is_artifact(),
            "the page number is a pagination artifact"
        );
    }
}

#[test]
fn the_signature_and_the_executor_mark_end_the_last_page() {
    let printed = render(&engine(), REFERENCE);
    let letter = letter_file();
    let pages = &printed.pdf.pages;
    assert_eq!(
        pages.len(),
        2,
        "the reference letter with its letterhead takes 2 pages (issue 15)"
    );
    let last = pages.last().expect("pages");
    let name = normalize_space(&letter.signature.name);
    let signature =
        line_with(last, &name).unwrap_or_else(|| panic!("«{name}» is not on the last page"));
    assert!(
        (signature.x1() - RIGHT_EDGE).abs() <= 1.0,
        "«{name}» ends at {:.2}, not flush with the right margin {RIGHT_EDGE:.2}",
        signature.x1()
    );
    for (i, p) in pages.iter().enumerate().take(pages.len() - 1) {
        assert!(
            line_with(p, &name).is_none(),
            "the signature is on page {}",
            i + 1
        );
    }
    let executor = [
        format!("Исп.: {}", letter.executor.name),
        format!("Тел. {}", letter.executor.phone),
    ];
    let marks: Vec<&Line> = executor
        .iter()
        .map(|t| line_with(last, t).unwrap_or_else(|| panic!("«{t}» is not on the last page")))
        .collect();
    assert!(marks[0].baseline < marks[1].baseline);
    let others = last
        .lines
        .iter()
        .filter(|l| !marks.iter().any(|m| std::ptr::eq(*m, *l)));
    for other in others {
        assert!(
            other.baseline < marks[0].baseline,
            "«{}» is below the executor mark",
            other.text()
        );
    }
    for m in &marks {
        assert!(
            m.baseline <= common::BOTTOM_EDGE,
            "«{}» is in the bottom margin",
            m.text()
        );
        assert!(
            (m.x0() - LEFT_MARGIN).abs() < 0.5,
            "«{}» is at the left",
            m.text()
        );
    }
    assert!(
        signature.baseline < marks[0].baseline,
        "the executor mark is under the signature"
    );
}

#[test]
fn rendering_is_deterministic_across_letters_in_one_process() {
    let engine = engine();
    let first = render(&engine, REFERENCE).rendered.bytes;
    let again = render(&engine, REFERENCE).rendered.bytes;
    assert!(first == again, "rendering twice gives different bytes");
    let other = render(&engine, "tests/letters/emphasis-quotes.yaml")
        .rendered
        .bytes;
    assert!(other != first);
    render(&engine, "tests/letters/four-pages.yaml");
    let after = render(&engine, REFERENCE).rendered.bytes;
    assert!(
        first == after,
        "the reference letter's bytes change after other letters were rendered"
    );
    let fresh = render(&common::engine(), REFERENCE).rendered.bytes;
    assert!(first == fresh, "a second engine gives different bytes");
}

#[test]
fn fonts_are_embedded_subsets_that_map_to_unicode() {
    let printed = render(&engine(), REFERENCE);
    let pdf = &printed.pdf;
    assert!(!pdf.fonts.is_empty());
    for f in pdf.fonts.values() {
        assert!(f.is_subset(), "{} is not a subset", f.base_font);
        assert!(
            f.family().starts_with("LiberationSerif"),
            "{} is not Liberation Serif",
            f.base_font
        );
        assert!(f.has_font_file2, "{} is not embedded", f.base_font);
        assert!(f.has_to_unicode, "{} has no ToUnicode map", f.base_font);
        assert_eq!(f.subtype, "Type0");
        assert_eq!(f.descendant_subtype.as_deref(), Some("CIDFontType2"));
        assert_eq!(f.encoding.as_deref(), Some("Identity-H"));
    }
    for (i, page) in pdf.pages.iter().enumerate() {
        assert!(
            page.fonts.iter().all(|f| pdf.fonts.contains_key(f)),
            "page {}",
            i + 1
        );
        for g in page.lines.iter().flat_map(|l| &l.glyphs) {
            assert!(
                !g.drawn.is_empty(),
                "page {}: a glyph of {} at x {:.1} maps to no text",
                i + 1,
                g.font,
                g.x0
            );
        }
    }
    // The body is regular; the letterhead is bold.
    assert!(pdf.fonts.keys().any(|f| f.ends_with("+LiberationSerif")));
    assert!(
        pdf.fonts
            .keys()
            .any(|f| f.ends_with("+LiberationSerif-Bold"))
    );
}

/// Letter-spacing is written once per line with `Tc` (the patch in
/// vendor/krilla), not as a `TJ` adjustment after every glyph: that halves
/// the content streams and their compression time. Glyph positions are
/// unchanged, which the other tests of this file check from the same PDF.
#[test]
fn letter_spacing_is_set_with_tc_not_glyph_by_glyph() {
    let printed = render(&engine(), REFERENCE);
    let doc = lopdf::Document::load_mem(&printed.rendered.bytes).expect("PDF loads");
    let (mut tc, mut glyphs, mut adjustments) = (0, 0, 0);
    for (_, page) in doc.get_pages() {
        let content =
            lopdf::content::Content::decode(&doc.get_page_content(page)).expect("content decodes");
        for op in &content.operations {
            match op.operator.as_str() {
                "Tc" if op.operands.first().and_then(|o| o.as_float().ok()) != Some(0.0) => {
                    tc += 1;
                }
                "TJ" => {
                    for item in op.operands[0].as_array().unwrap() {
                        match item {
                            lopdf::Object::String(bytes, _) => glyphs += bytes.len() / 2,
                            _ => adjustments += 1,
                        }
                    }
                }
                _ => {}
            }
        }
    }
    // Letter-spacing is a last resort (issue 15): a few lines take it, and
    // those that do set it with Tc.
    assert!(tc >= 1, "no run sets Tc");
    // What remains are word ends, spaces and kerning: about two adjustments
    // a word (its end and the space after it), not one a glyph.
    assert!(
        adjustments * 2 < glyphs,
        "{adjustments} TJ adjustments for {glyphs} glyphs"
    );
}

#[test]
fn line_end_hyphens_rejoin_into_the_words_of_the_letter() {
    // Every hyphenated line end, re-joined, gives a word of the letter.
    let engine = engine();
    let printed = render(&engine, REFERENCE);
    let words = printed.source_words(&engine);
    let lines: Vec<&Line> = printed
        .pdf
        .pages
        .iter()
        .flat_map(|p| p.content_lines())
        .collect();
    let mut joined = 0;
    for pair in lines.windows(2) {
        if pair[0].ends_with_hyphen() {
            let (a, b) = (pair[0].text(), pair[1].text());
            let last = a.split_whitespace().last().unwrap_or("").to_string();
            let first = b.split_whitespace().next().unwrap_or("").to_string();
            for word in common::words_of(&join_lines([last.clone(), first.clone()])) {
                assert!(
                    words.contains(&word),
                    "«{last}» + «{first}» gives «{word}», not a word of the letter"
                );
            }
            joined += 1;
        }
    }
    assert!(joined >= 10, "only {joined} hyphenated lines");
}

// ---------------------------------------------------------------------------
// Refused letters, through the binary
// ---------------------------------------------------------------------------

fn reference_text() -> String {
    std::fs::read_to_string(crate_path(REFERENCE)).expect("the reference letter")
}

/// The 1-based line and column where `needle` starts in `text`.
fn line_col(text: &str, needle: &str) -> (usize, usize) {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("«{needle}» not in the letter"));
    let line = text[..at].matches('\n').count() + 1;
    let col = text[..at].rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

/// Renders `text` as `name` in a fresh folder, over an existing output file,
/// and checks that the letter is refused (exit 1), nothing is written or
/// changed in the folder, and the first error is at `line:col`. Returns the
/// messages.
fn refused(name: &str, text: &str, line: usize, col: usize) -> String {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let letter = dir.path().join(name);
    std::fs::write(&letter, text).expect("write the letter");
    let out = dir.path().join("out.pdf");
    let before = b"%PDF-1.7 an earlier letter that must survive".to_vec();
    std::fs::write(&out, &before).expect("write the old output");
    let listing = |d: &Path| {
        let mut names: Vec<String> = std::fs::read_dir(d)
            .expect("list the folder")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let files = listing(dir.path());
    let result = zhauap()
        .arg("render")
        .arg(&letter)
        .arg("-o")
        .arg(&out)
        .output()
        .expect("run zhauap");
    let stderr = String::from_utf8_lossy(&result.stderr).into_owned();
    assert_eq!(result.status.code(), Some(1), "{name}: {stderr}");
    assert_eq!(
        std::fs::read(&out).expect("the old output"),
        before,
        "{name}: the existing output was touched"
    );
    assert_eq!(
        listing(dir.path()),
        files,
        "{name}: files appeared or vanished"
    );
    // The default output beside the letter is not written either.
    let beside = zhauap()
        .arg("render")
        .arg(&letter)
        .output()
        .expect("run zhauap");
    assert_eq!(beside.status.code(), Some(1));
    assert_eq!(
        listing(dir.path()),
        files,
        "{name}: a PDF beside the letter"
    );
    let first = stderr.lines().next().unwrap_or("");
    let at = format!("{}:{line}:{col}: error: ", letter.display());
    assert!(
        first.starts_with(&at),
        "{name}: the first message is «{first}», expected it to start with «{at}»\n{stderr}"
    );
    stderr
}

#[test]
fn an_unknown_field_is_refused_with_the_nearest_name() {
    let text = reference_text().replace("\nsignature:\n", "\nsigature:\n");
    let (line, col) = line_col(&text, "sigature:");
    let err = refused("unknown.yaml", &text, line, col);
    assert!(err.contains("did you mean 'signature'"), "{err}");
}

#[test]
fn a_wrong_type_is_refused_where_it_is() {
    let text = reference_text();
    let (start, end) = (
        text.find("\nbody:\n").expect("body"),
        text.find("\nclosing:").expect("closing"),
    );
    let text = format!(
        "{}\nbody:\n  first: Текст письма.\n{}",
        &text[..start],
        &text[end..]
    );
    let (line, col) = line_col(&text, "first:");
    let err = refused("wrong-type.yaml", &text, line, col);
    assert!(err.contains("'body'"), "{err}");
}

#[test]
fn a_missing_field_is_refused_naming_it() {
    let text = reference_text().replace("salutation: Уважаемые депутаты!\n", "");
    // Reported at the start of the letter's mapping: its first field.
    let (line, col) = line_col(&text, "lang: ru");
    let err = refused("missing.yaml", &text, line, col);
    assert!(err.contains("missing required field 'salutation'"), "{err}");
}

#[test]
fn an_impossible_date_is_refused_at_the_date() {
    let text = reference_text().replace("  date: 2020-04-22", "  date: 2020-02-30");
    let (line, col) = line_col(&text, "2020-02-30");
    let err = refused("date.yaml", &text, line, col);
    assert!(err.contains("2020-02-30"), "{err}");
}

#[test]
fn all_errors_of_a_letter_are_reported_together() {
    let text = reference_text()
        .replace("  date: 2020-04-22", "  date: 2020-02-30")
        .replace("\nsignature:\n", "\nsigature:\n");
    let (date_line, date_col) = line_col(&text, "2020-02-30");
    let (field_line, _) = line_col(&text, "sigature:");
    // In the order of the file: the date (line 17) before the field.
    let err = refused("two.yaml", &text, date_line, date_col);
    assert!(
        err.contains(&format!("two.yaml:{field_line}:1: error: ")),
        "the field error is missing:\n{err}"
    );
}

#[test]
fn a_usage_error_exits_with_2() {
    for args in [
        &["render"][..],
        &["frobnicate"],
        &["render", "--bogus", "x.yaml"],
    ] {
        let out = zhauap().args(args).output().expect("run zhauap");
        assert_eq!(out.status.code(), Some(2), "zhauap {args:?}");
    }
}
