//! The v2 blocks as printed: answer items, tables, joint signatures and the
//! draft mark, set from letter markup and read back from the PDF (and the
//! HTML preview) independently of the library.

use std::path::Path;

use crate::common::pdf::{Line, Page, Pdf, normalize_space};
use crate::common::{INDENT, LEFT_MARGIN};
use zhauap::document;
use zhauap::lang::Lang;
use zhauap::output::{html, pdf};
use zhauap::typeset::page::{Pages, Role};
use zhauap::typeset::{Resources, Rules, typeset};

struct Out {
    pages: Pages,
    pdf: Pdf,
    html: String,
}

fn render(markup: &str) -> Out {
    let lang = if markup.contains("lang=\"kk\"") {
        Lang::Kk
    } else {
        Lang::Ru
    };
    let doc = document::parse(markup, Path::new("test.tera"), lang)
        .unwrap_or_else(|e| panic!("markup refused:\n{}", e.render(false)));
    let pages = typeset(&doc, &Resources::default(), &Rules::default()).expect("typeset");
    let bytes = pdf::write(&pages).expect("a valid PDF/A");
    let pdf = Pdf::parse(&bytes).expect("reads back");
    let html = html::write(&pages);
    Out { pages, pdf, html }
}

/// `n` words of a reply's text, starting at a word chosen by `seed`.
fn words(n: usize, seed: usize) -> String {
    const TEXT: &str = "в целях обеспечения сельских медицинских организаций \
        квалифицированными кадрами государственными органами проводится работа \
        по информационной поддержке граждан и выпускников медицинских вузов в \
        регионах включая выплату подъемного пособия и предоставление жилья";
    let words: Vec<&str> = TEXT.split_whitespace().collect();
    words
        .iter()
        .cycle()
        .skip(seed * 5)
        .take(n)
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

fn head(lang: &str, draft: &str) -> String {
    format!(
        "[document lang=\"{lang}\" title=\"Ответ\" date=\"2025-05-14\" draft=\"{draft}\"]\n\
         [reference]\nНа № ДЗ-517\n[addressee]\nДепутату Мажилиса\n\
         [heading]\nОб обеспеченности сельских медицинских организаций кадрами\n\
         [salutation]\nУважаемый Ерлан Кайратович!\n"
    )
}

const SIGNATURE: &str = "[signature name=\"А. Ғиният\"]\nИ.о. министра здравоохранения\n";

fn items_markup(lang: &str) -> String {
    format!(
        "{}[paragraph]\n{}\n\
         [item number=\"1.\" level=\"1\"]\n{}\n\
         [item number=\"2.\" level=\"1\"]\n{}\n\
         [item number=\"2.1.\" level=\"2\"]\n{}\n\
         [item number=\"2.1.1.\" level=\"3\"]\n{}\n\
         [item number=\"2.2.\" level=\"2\"]\n{}\n\
         [item level=\"1\"]\n{}\n\
         [item number=\"3.\" level=\"1\"]\n{}\n\
         [paragraph]\n{}\n{SIGNATURE}",
        head(lang, ""),
        words(40, 1),
        words(70, 2),
        words(12, 3),
        words(50, 4),
        words(30, 5),
        words(25, 6),
        words(35, 7),
        words(90, 8),
        words(30, 9)
    )
}

/// Content lines of every page (no artifacts), with their page.
fn lines(pdf: &Pdf) -> Vec<(usize, &Line)> {
    pdf.pages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.content_lines().map(move |l| (i, l)))
        .collect()
}

#[test]
fn items_read_their_numbers_at_the_line_starts() {
    let out = render(&items_markup("ru"));
    let rows: Vec<String> = out.pdf.pages.iter().flat_map(Page::rows).collect();
    let numbered: Vec<&str> = rows
        .iter()
        .filter_map(|r| {
            let first = r.split([' ', '\t']).next()?;
            matches!(first, "1." | "2." | "2.1." | "2.1.1." | "2.2." | "3.").then_some(first)
        })
        .collect();
    assert_eq!(numbered, ["1.", "2.", "2.1.", "2.1.1.", "2.2.", "3."]);
    // Every number stands at the paragraph indent; the text hangs after it.
    let all = lines(&out.pdf);
    let label = |l: &Line| {
        let t = l.text();
        let first = t.split(' ').next().unwrap_or("").to_owned();
        ["1.", "2.", "2.1.", "2.1.1.", "2.2.", "3."]
            .contains(&first.as_str())
            .then_some(first)
    };
    let mut numbered = 0;
    for (_, l) in &all {
        if let Some(n) = label(l) {
            numbered += 1;
            assert!(
                (l.x0() - (LEFT_MARGIN + INDENT)).abs() < 0.5,
                "{n} at {}",
                l.x0()
            );
        }
    }
    assert_eq!(numbered, 6);
    // Item 1's text: right of «1.», and its other lines aligned with it,
    // not at the margin.
    let one = all
        .iter()
        .position(|(_, l)| label(l).as_deref() == Some("1."))
        .unwrap();
    let two = all
        .iter()
        .position(|(_, l)| label(l).as_deref() == Some("2."))
        .unwrap();
    let text_x = all[one].1.words()[1].x0;
    assert!(text_x > LEFT_MARGIN + INDENT + 5.0);
    assert!(two - one > 3);
    for (_, l) in &all[one + 1..two] {
        assert!((l.x0() - text_x).abs() < 0.5, "{}", l.text());
    }
    // The copied text reads item by item: number, then its text.
    let copied = out.pdf.copied_text();
    let at = |s: &str| copied.find(s).unwrap_or_else(|| panic!("{s} in {copied}"));
    assert!(at("1. ") < at("2. ") && at("2. ") < at("2.1. ") && at("2.1.1. ") < at("3. "));
}

#[test]
fn an_item_keeps_two_lines_on_each_side_of_a_page_break() {
    // Push the list down line by line so that breaks fall everywhere in it.
    for extra in 0..24 {
        let m = items_markup("ru").replacen(
            "[item number=\"1.\"",
            &format!(
                "[paragraph]\n{}\n[item number=\"1.\"",
                words(12 + extra * 9, 3)
            ),
            1,
        );
        let out = render(&m);
        let set = &out.pages;
        for (pi, page) in set.pages.iter().enumerate().skip(1) {
            let first = page
                .lines
                .iter()
                .find(|l| !l.block.is_page_number())
                .unwrap();
            // A page never starts with the last line of an item's
            // paragraph when the item went on the page before, nor right
            // after an item's lone first line.
            let prev = &set.pages[pi - 1];
            let prev_last = prev
                .lines
                .iter()
                .rev()
                .find(|l| !l.block.is_page_number())
                .unwrap();
            let item_of = |l: &zhauap::typeset::page::Line| match l.block.role {
                Role::ItemText { item, .. } | Role::Label { item, .. } => Some(item),
                _ => None,
            };
            if let (Some(a), Some(b)) = (item_of(prev_last), item_of(first))
                && a == b
            {
                let before = prev
                    .lines
                    .iter()
                    .filter(|l| {
                        item_of(l) == Some(a) && !matches!(l.block.role, Role::Label { .. })
                    })
                    .count();
                let after = page
                    .lines
                    .iter()
                    .filter(|l| {
                        item_of(l) == Some(a) && !matches!(l.block.role, Role::Label { .. })
                    })
                    .count();
                assert!(
                    before >= 2 && after >= 2,
                    "extra {extra}: item {a} split {before}/{after}"
                );
            }
        }
    }
}

fn table_markup(rows: usize, lang: &str) -> String {
    let mut m = format!(
        "{}[paragraph]\n{}\n[table widths=\"3 1 1 1\" align=\"left right right right\"]\n\
         [caption]\nТаблица 1. Прием на целевую подготовку, человек\n\
         [row header=\"true\"]\n[cell]\nОбласть\n[cell]\n2024\n[cell]\n2025\n[cell]\nРост, %\n",
        head(lang, ""),
        words(120, 1)
    );
    for k in 1..=rows {
        let name = if k % 7 == 0 {
            format!("Район {k} с прилегающими сельскими населенными пунктами")
        } else {
            format!("Район {k}")
        };
        m.push_str(&format!(
            "[row]\n[cell]\n{name}\n[cell]\n{}\n[cell]\n{}\n[cell]\n{},{}\n",
            100 + k,
            200 + k,
            k % 10,
            k % 7
        ));
    }
    m.push_str("[row total=\"true\"]\n[cell]\nИтого\n[cell]\n999\n[cell]\n1 998\n[cell]\n8,3\n");
    m.push_str(&format!("[paragraph]\n{}\n{SIGNATURE}", words(30, 2)));
    m
}

#[test]
fn a_long_table_repeats_its_header_on_every_page_and_splits_no_row() {
    let out = render(&table_markup(40, "ru"));
    let pages: Vec<&Page> = out
        .pdf
        .pages
        .iter()
        .filter(|p| p.rows().iter().any(|r| r.starts_with("Район")))
        .collect();
    assert!(pages.len() >= 2, "the table continues over pages");
    for (k, page) in pages.iter().enumerate() {
        let rows = page.rows();
        let first_row = rows.iter().position(|r| r.starts_with("Район")).unwrap();
        // Right above the first row of the page: the header, in bold.
        let header = &rows[first_row - 1];
        assert!(
            header.contains("Область") && header.contains("Рост, %"),
            "page {k}: {header}"
        );
        let header_line = page
            .lines
            .iter()
            .find(|l| l.text().contains("Область"))
            .unwrap();
        assert!(header_line.fonts().iter().any(|f| f.contains("Bold")));
        // On continuation pages the header is an artifact: copied once.
        assert_eq!(header_line.is_artifact(), k > 0, "page {k}");
    }
    // Every row's cells stand on one page, in order.
    let mut seen = Vec::new();
    for page in &out.pdf.pages {
        for row in page.rows() {
            if let Some(rest) = row.strip_prefix("Район ") {
                let n: usize = rest.split([' ', '\t']).next().unwrap().parse().unwrap();
                assert!(
                    row.contains(&format!("{}", 100 + n)),
                    "row {n} whole: {row}"
                );
                assert!(
                    row.contains(&format!("{}", 200 + n)),
                    "row {n} whole: {row}"
                );
                seen.push(n);
            }
        }
    }
    assert_eq!(seen, (1..=40).collect::<Vec<_>>());
    // Wrapped cells: the long district names take two lines, on one page.
    for (pi, page) in out.pages.pages.iter().enumerate() {
        for l in &page.lines {
            let _ = (pi, l);
        }
    }
    let copied = out.pdf.copied_text();
    assert_eq!(
        copied.matches("Область").count(),
        1,
        "the header copies once"
    );
    assert!(copied.contains("Таблица 1. Прием"));
    let total = copied
        .find("Итого 999 1 998 8,3")
        .expect("the total row reads in order");
    assert!(copied.find("Район 40 140 240").unwrap() < total);
    // The total row is bold.
    let total_line = out
        .pdf
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .find(|l| l.text() == "Итого")
        .unwrap();
    assert!(total_line.fonts().iter().any(|f| f.contains("Bold")));
}

#[test]
fn the_caption_stays_with_the_table() {
    for extra in 0..30 {
        let m = table_markup(6, "ru").replacen(
            "[table ",
            &format!("[paragraph]\n{}\n[table ", words(10 + extra * 8, 4)),
            1,
        );
        let out = render(&m);
        let page_of = |needle: &str| {
            out.pdf
                .pages
                .iter()
                .position(|p| p.rows().iter().any(|r| r.contains(needle)))
                .unwrap()
        };
        let caption = page_of("Таблица 1.");
        assert_eq!(caption, page_of("Область"), "extra {extra}");
        assert_eq!(caption, page_of("Район 1\t"), "extra {extra}");
    }
}

#[test]
fn joint_signatures_stand_on_one_page_with_two_lines_of_text() {
    let joint = "[signature name=\"А. Ғиният\"]\nМинистр здравоохранения\n\
                 [signature name=\"Е. Тугжанов\"]\nЗаместитель\nПремьер-Министра\n";
    for extra in 0..40 {
        let m = format!(
            "{}[paragraph]\n{}\n[paragraph]\n{}\n{joint}",
            head("ru", ""),
            words(300 + extra * 7, 2),
            words(25, 5)
        );
        let out = render(&m);
        let sig_pages: Vec<usize> = out
            .pdf
            .pages
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                p.rows().iter().any(|r| {
                    r.contains("Ғиният") || r.contains("Тугжанов") || r.contains("Премьер")
                })
            })
            .map(|(i, _)| i)
            .collect();
        assert_eq!(
            sig_pages.len(),
            1,
            "extra {extra}: signatures on {sig_pages:?}"
        );
        let page = &out.pages.pages[sig_pages[0]];
        let text_lines = page
            .lines
            .iter()
            .filter(|l| {
                l.block.kind == zhauap::document::BlockKind::Paragraph && !l.block.is_page_number()
            })
            .count();
        assert!(text_lines >= 2, "extra {extra}: {text_lines} lines of text");
    }
}

#[test]
fn the_draft_mark_is_on_every_page_and_copies_out_as_nothing() {
    let plain = render(&table_markup(40, "ru"));
    let draft = render(&table_markup(40, "ru").replacen("draft=\"\"", "draft=\"ПРОЕКТ\"", 1));
    assert!(draft.pdf.pages.len() >= 2);
    assert_eq!(draft.pdf.pages.len(), plain.pdf.pages.len());
    for (k, (d, p)) in draft.pdf.pages.iter().zip(&plain.pdf.pages).enumerate() {
        assert!(
            d.curves > p.curves + 10,
            "page {k}: the mark's outlines are drawn"
        );
        // Nothing of the mark is text, not even an artifact.
        assert_eq!(d.text(), p.text(), "page {k}");
    }
    assert_eq!(draft.pdf.copied_text(), plain.pdf.copied_text());
    assert!(!draft.pdf.copied_text().contains("ПРОЕКТ"));
    // The preview: an SVG path on every page, hidden from readers.
    assert_eq!(
        draft
            .html
            .matches("<svg class=\"draft\" aria-hidden=\"true\"")
            .count(),
        draft.pdf.pages.len()
    );
    assert!(!draft.html.contains("ПРОЕКТ"));
    assert!(!plain.html.contains("class=\"draft\""));
}

/// The preview's lines, page by page: each line's baseline and its text.
fn html_lines(html: &str) -> Vec<Vec<(f32, String)>> {
    html.split("<div class=\"page\"")
        .skip(1)
        .map(|page| {
            page.lines()
                .filter(|l| l.starts_with("<div class=\"l\" style="))
                .map(|l| {
                    let baseline = l
                        .split("pt,")
                        .nth(1)
                        .and_then(|s| s.split("pt)").next())
                        .and_then(|s| s.parse::<f32>().ok())
                        .unwrap_or_default();
                    let mut text = String::new();
                    let mut in_tag = false;
                    for c in l.chars() {
                        match c {
                            '<' => in_tag = true,
                            '>' => in_tag = false,
                            c if !in_tag => text.push(c),
                            _ => {}
                        }
                    }
                    let text = text
                        .replace("&amp;", "&")
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&quot;", "\"");
                    (baseline, text)
                })
                .collect::<Vec<_>>()
        })
        .map(rows_of)
        .collect()
}

/// Lines on one baseline joined as one row: a number and its item's text,
/// a signature's position and name, however a reader splits them.
fn rows_of(lines: Vec<(f32, String)>) -> Vec<(f32, String)> {
    let mut rows: Vec<(f32, String)> = Vec::new();
    for (b, t) in lines {
        match rows.last_mut() {
            Some((last, text)) if (*last - b).abs() < 0.01 => {
                text.push(' ');
                text.push_str(&t);
            }
            _ => rows.push((b, t)),
        }
    }
    rows.into_iter()
        .map(|(b, t)| (b, normalize_space(&t)))
        .filter(|(_, t)| !t.is_empty())
        .collect()
}

#[test]
fn the_preview_shows_the_same_lines_as_the_pdf() {
    for markup in [
        items_markup("ru"),
        table_markup(40, "ru"),
        items_markup("kk"),
    ] {
        let out = render(&markup);
        let html = html_lines(&out.html);
        assert_eq!(html.len(), out.pdf.pages.len());
        for (k, (h, p)) in html.iter().zip(&out.pdf.pages).enumerate() {
            let pdf: Vec<(f32, String)> = p
                .lines
                .iter()
                .map(|l| {
                    let t = normalize_space(&l.drawn());
                    let t = if l.ends_with_hyphen() {
                        t.trim_end_matches('-').to_owned()
                    } else {
                        t
                    };
                    (l.baseline, t)
                })
                .collect();
            let pdf = rows_of(pdf);
            assert_eq!(h.len(), pdf.len(), "page {k}: {h:?}\n{pdf:?}");
            for ((hb, ht), (pb, pt)) in h.iter().zip(&pdf) {
                assert!((hb - pb).abs() < 0.01, "page {k}: {ht} at {hb} vs {pb}");
                assert_eq!(ht, pt, "page {k}");
            }
        }
    }
}

#[test]
fn kazakh_items_and_tables_print_as_russian_ones_do() {
    let kk = "[document lang=\"kk\" title=\"Жауап\" date=\"2025-05-14\" draft=\"ЖОБА\"]\n[salutation]\nҚұрметті депутат!\n\
              [item number=\"1.\" level=\"1\"]\nМемлекеттік органдардың ақпараттық қолдауы туралы бірінші сұрақ бойынша хабарлаймыз, ауылдық медициналық ұйымдардың кадрлармен қамтамасыз етілуі жыл сайын артып келеді.\n\
              [item number=\"1.1.\" level=\"2\"]\nАқмола облысында мақсатты даярлауға қабылдау артты.\n\
              [table widths=\"2 1\" align=\"left right\"]\n[caption]\nКесте 1. Мақсатты даярлауға қабылдау\n\
              [row header=\"true\"]\n[cell]\nОблыс\n[cell]\n2024\n[row]\n[cell]\nАқмола облысы\n[cell]\n84\n\
              [row total=\"true\"]\n[cell]\nБарлығы\n[cell]\n84\n\
              [copies]\nКөшірмесі:\nҚазақстан Республикасы Үкіметінің Аппараты\n[signature name=\"А. Ғиният\"]\nДенсаулық сақтау министрінің м.а.\n";
    let out = render(kk);
    let rows: Vec<String> = out.pdf.pages.iter().flat_map(Page::rows).collect();
    assert!(
        rows.iter()
            .any(|r| r.starts_with("1.\tМемлекеттік") || r.starts_with("1. Мемлекеттік")),
        "{rows:?}"
    );
    assert!(rows.iter().any(|r| r.starts_with("1.1.")));
    assert!(
        rows.iter()
            .any(|r| r.contains("Облыс") && r.contains("2024"))
    );
    assert!(rows.iter().any(|r| r == "Көшірмесі:"));
    assert!(!out.pdf.copied_text().contains("ЖОБА"));
    assert!(out.pdf.pages[0].curves > 10);
}

/// Item numbers as the built-in templates print them from a letter's YAML:
/// every item of every level numbered after the one before it (a level-3
/// item once took the number of its paragraph, so every level-3 item of a
/// list printed as «n.m.1.»).
#[test]
fn items_of_every_level_are_numbered_in_turn_from_the_yaml() {
    let engine = crate::common::engine();
    for rel in [
        "tests/letters/typography/ru-items-nested.yaml",
        "tests/letters/typography/kk-four-pages.yaml",
    ] {
        let printed = crate::common::render(&engine, rel);
        let numbers: Vec<Vec<u32>> = printed
            .pdf
            .pages
            .iter()
            .flat_map(Page::rows)
            .filter_map(|r| {
                let first = r.split([' ', '\t']).next()?;
                let parts: Vec<&str> = first.strip_suffix('.')?.split('.').collect();
                parts.iter().map(|p| p.parse().ok()).collect()
            })
            .collect();
        let deep = numbers.iter().filter(|n| n.len() == 3).count();
        assert!(deep >= 2, "{rel}: {deep} level-3 items in {numbers:?}");
        // Each number follows the last one of its own level or opens a level.
        let mut last: Vec<u32> = Vec::new();
        for n in &numbers {
            let depth = n.len();
            let expected: Vec<u32> = if depth <= last.len() {
                let mut e = last[..depth].to_vec();
                e[depth - 1] += 1;
                e
            } else {
                let mut e = last.clone();
                e.resize(depth, 1);
                e
            };
            assert_eq!(n, &expected, "{rel}: numbers {numbers:?}");
            last = n.clone();
        }
    }
}
