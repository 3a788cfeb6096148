//! The version 2 examples (`examples/v2/`) end to end: a reply with a
//! heading, numbered items and sub-items, a table, copies and an acting
//! signer, whose letterhead, signatory and executor come from a defaults
//! file; and its Kazakh sibling with a joint signature. Read back from the
//! PDF with the independent reader.

use crate::common::{Printed, engine, render};

/// Every line of the PDF as the reader finds it (all glyphs on one
/// baseline, so a table row is one line), top to bottom: its page and text.
fn lines(p: &Printed) -> Vec<(usize, String)> {
    p.pdf
        .pages
        .iter()
        .enumerate()
        .flat_map(|(i, page)| page.lines.iter().map(move |l| (i, l.text())))
        .collect()
}

fn texts(p: &Printed) -> Vec<String> {
    lines(p).into_iter().map(|(_, t)| t).collect()
}

/// Index of the first line that starts with `start`.
fn line_starting(all: &[String], start: &str) -> usize {
    all.iter()
        .position(|t| t.starts_with(start))
        .unwrap_or_else(|| panic!("no line starts with {start:?}:\n{}", all.join("\n")))
}

#[test]
fn the_russian_v2_reply_prints_items_table_and_requisites() {
    let p = render(&engine(), "examples/v2/dz-517-reply.yaml");
    let all = texts(&p);
    // Items numbered at their line starts, in order.
    let numbers = ["1. ", "2. ", "2.1. ", "2.2. ", "2.3. ", "3. "];
    let at: Vec<usize> = numbers.iter().map(|n| line_starting(&all, n)).collect();
    assert!(
        at.windows(2).all(|w| w[0] < w[1]),
        "items out of order: {at:?}"
    );
    // The heading, before the salutation.
    let heading = line_starting(&all, "Об обеспеченности сельских");
    assert!(heading < line_starting(&all, "Уважаемый Нурлан Кайратович!"));
    // The table's rows in order, each one line with its figures.
    let rows = [
        "Акмолинская 84 97 15,5",
        "Жамбылская 102 118 15,7",
        "Кызылординская 91 99 8,8",
        "Туркестанская 188 214 13,8",
        "Абайская 57 66 15,8",
        "Итого 522 594 13,8",
    ];
    // Words on one baseline of one page, left to right: a table row.
    let mut squeezed: Vec<String> = Vec::new();
    for page in &p.pdf.pages {
        let mut words: Vec<_> = page.lines.iter().flat_map(|l| l.words()).collect();
        words.sort_by(|a, b| {
            a.baseline
                .total_cmp(&b.baseline)
                .then(a.x0.total_cmp(&b.x0))
        });
        let mut row: Vec<String> = Vec::new();
        let mut baseline = f32::NAN;
        for w in words {
            if (w.baseline - baseline).abs() > 0.5 && !row.is_empty() {
                squeezed.push(row.join(" "));
                row.clear();
            }
            baseline = w.baseline;
            row.push(w.text);
        }
        squeezed.push(row.join(" "));
    }
    let at: Vec<usize> = rows
        .iter()
        .map(|r| {
            squeezed
                .iter()
                .position(|t| t == r)
                .unwrap_or_else(|| panic!("no table row {r:?}:\n{}", squeezed.join("\n")))
        })
        .collect();
    assert!(
        at.windows(2).all(|w| w[0] < w[1]),
        "rows out of order: {at:?}"
    );
    // Copies, the acting signer, and what the defaults file shares.
    for expected in [
        "Копия:",
        "Аппарат Правительства Республики Казахстан",
        "И.о. вице-министра",
        "МИНИСТЕРСТВО",
        "ЗДРАВООХРАНЕНИЯ РЕСПУБЛИКИ",
        "А. Ғиният",
        "Сейтказина Д.М.",
    ] {
        assert!(
            all.iter().any(|t| t.contains(expected)),
            "{expected:?} is not printed:\n{}",
            all.join("\n")
        );
    }
}

#[test]
fn the_kazakh_v2_reply_uses_only_kazakh_labels() {
    let p = render(&engine(), "examples/v2/kk-items-reply.yaml");
    let all = texts(&p);
    for n in ["1. ", "2. ", "2.1. ", "2.2. "] {
        line_starting(&all, n);
    }
    let text = all.join("\n");
    assert!(text.contains("Көшірмесі:"), "{text}");
    assert!(text.contains("м.а."), "{text}");
    for russian in ["Копия", "И.о.", "Исп.", "Приложение", "На №", "года"]
    {
        assert!(
            !text.contains(russian),
            "a Russian label {russian:?}:\n{text}"
        );
    }
}
