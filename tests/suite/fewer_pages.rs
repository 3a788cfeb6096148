//! Issue 15's pagination, read back from the PDF: a few paragraphs set a
//! line shorter (TeX's `\looseness`) where that saves the page that would
//! hold only the closing and the signature, and nowhere else; and a table's
//! caption set apart from the paragraph above, so that it reads (to a
//! reader and to typo2's ruler) as a block of its own.

use std::collections::BTreeMap;

use crate::common::{Printed, engine, render};

/// The four long paragraphs of the tightening letters end with this word.
const LONG_END: &str = "конец.";

/// Lines of each body paragraph that ends with [`LONG_END`], by block.
fn long_paragraph_lines(p: &Printed) -> BTreeMap<usize, usize> {
    let mut lines = BTreeMap::new();
    let mut long = Vec::new();
    for m in p.lines().into_iter().filter(|m| m.is_paragraph()) {
        *lines.entry(m.block()).or_insert(0) += 1;
        if m.text().trim_end().ends_with(LONG_END) {
            long.push(m.block());
        }
    }
    lines.retain(|block, _| long.contains(block));
    lines
}

/// No line of a paragraph letter-spaced by 0.02 em or more, and no space
/// between words shrunk below 0.6 of its natural width (a quarter em in
/// Liberation Serif; spaces shrink by at most 40%), less font expansion's 2%.
fn within_the_limits(p: &Printed) {
    for m in p.lines().into_iter().filter(|m| m.is_paragraph()) {
        // The median, as typo2 reads it: a kerning pair is not spacing.
        let mut spacing = m.pdf.letter_spacing();
        spacing.sort_by(f32::total_cmp);
        let median = spacing.get(spacing.len() / 2).copied().unwrap_or(0.0);
        assert!(median < 0.02, "{} spaced {median} em", m.at());
        for gap in m.pdf.gaps() {
            let em = gap.width / gap.size;
            assert!(
                em >= 0.25 * 0.6 * 0.98 - 1e-3,
                "{} has a gap of {em} em",
                m.at()
            );
        }
    }
}

#[test]
fn tightening_two_paragraphs_saves_the_page_of_the_signature() {
    let p = render(&engine(), "tests/letters/tighten/saves-last-page.yaml");
    // Set at their best (6, 7, 6 and 7 lines, see the next test) the
    // paragraphs leave the closing two lines and the signature alone on a
    // second page; two of them a line shorter fit the letter on one.
    assert_eq!(p.pdf.pages.len(), 1, "{}", p.pdf.pages[0].text());
    let lines: Vec<usize> = long_paragraph_lines(&p).into_values().collect();
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert_eq!(lines.iter().sum::<usize>(), 26 - 2, "{lines:?}");
    within_the_limits(&p);
    let text = p.pdf.pages[0].text();
    assert!(text.contains("Т. Карибаев"), "{text}");
}

#[test]
fn a_letter_tightening_cannot_shorten_keeps_every_paragraph_at_its_best() {
    let p = render(&engine(), "tests/letters/tighten/cannot-help.yaml");
    assert_eq!(p.pdf.pages.len(), 2);
    let lines: Vec<usize> = long_paragraph_lines(&p).into_values().collect();
    assert_eq!(lines, [6, 7, 6, 7]);
}

#[test]
fn a_table_caption_stands_apart_from_the_text_above() {
    let pitch = 14.0 * 1.15;
    for (letter, caption) in [
        ("tests/letters/typography/ru-budget-tables.yaml", "Таблица "),
        ("tests/letters/typography/kk-items-table.yaml", "-кесте. "),
    ] {
        let p = render(&engine(), letter);
        let mut captions = 0;
        for page in &p.pdf.pages {
            let mut lines: Vec<_> = page.content_lines().collect();
            lines.sort_by(|a, b| a.baseline.total_cmp(&b.baseline));
            for (k, line) in lines.iter().enumerate() {
                if !line.text().contains(caption) {
                    continue;
                }
                let Some(above) = lines[..k]
                    .iter()
                    .rev()
                    .find(|a| (line.baseline - a.baseline).abs() > 0.5)
                else {
                    continue;
                };
                captions += 1;
                let gap = (line.baseline - above.baseline).abs();
                // typo2 takes lines more than 1.5 pitches apart for a new
                // block; the caption is set 1.75 pitches below the text.
                assert!(
                    gap > 1.5 * pitch + 2.0,
                    "{letter}: «{}» is {gap} pt below «{}»",
                    line.text(),
                    above.text()
                );
            }
        }
        assert!(captions > 0, "{letter}: no caption under text");
    }
}
