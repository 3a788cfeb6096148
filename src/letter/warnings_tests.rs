//! Text kept as typed, and the warnings of [`super::check`].

use crate::diagnostic::Severity;
use crate::letter::{Letter, Source, parse};

const BASE: &str = "inquiry: { number: ДЗ-1, date: 2024-01-10 }
addressee: Депутату Иванову И. И.
salutation: Уважаемый Иван Иванович!
signature: { position: Министр, name: А. Б. Сидоров }
";

fn letter(extra: &str) -> Letter {
    parse(&Source {
        path: "t.yaml".into(),
        text: format!("{BASE}{extra}"),
    })
    .unwrap_or_else(|e| panic!("refused: {}", e.render(false)))
}

/// The warnings as `line:column message`.
fn warnings(extra: &str) -> Vec<String> {
    letter(extra)
        .warnings
        .iter()
        .map(|w| {
            assert_eq!(w.severity, Severity::Warning);
            assert!(w.help.is_some(), "{w:?}");
            let p = w.pos.expect("a warning has a position");
            format!("{}:{} {}", p.line, p.column, w.message)
        })
        .collect()
}

#[test]
fn numbers_and_yes_no_in_text_fields_keep_their_characters() {
    let l = letter(
        "outgoing: { number: 0012 }\nexecutor: { name: Петров, phone: 0745674 }\nclosing: yes\nbody: [Текст.]\n",
    );
    assert_eq!(l.outgoing.number.unwrap().value, "0012");
    assert_eq!(l.executor.unwrap().phone.unwrap().value, "0745674");
    assert_eq!(l.closing.unwrap().value, "yes");
    let l = parse(&Source {
        path: "t.yaml".into(),
        text: BASE.replace("number: ДЗ-1", "number: 1e3") + "body: [Текст.]\n",
    })
    .unwrap();
    assert_eq!(l.inquiry.number.value, "1e3");
}

#[test]
fn a_comment_that_cuts_a_plain_text_short_is_warned_with_its_place() {
    let w = warnings("body:\n  - В план (пункт #12 программы) на 2024 год.\n");
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].starts_with("6:5 'body[1]' is cut short"), "{w:?}");
    assert!(w[0].contains("#12 программы)"), "{w:?}");
}

#[test]
fn quoted_and_block_texts_and_comment_lines_are_not_warned() {
    let w = warnings(
        "body:\n  - \"В план (пункт #12)\"\n  - >-\n    В план (пункт #12)\n  # a comment line\n  - Текст.\nclosing: |\n  Конец.\n# comment\n",
    );
    assert!(w.is_empty(), "{w:?}");
}

#[test]
fn kazakh_text_in_a_russian_letter_is_warned_but_a_kazakh_name_is_not() {
    let w = warnings("body:\n  - Сіздің сұрағыңызға жауап береміз.\n");
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(
        w[0].starts_with("6:6 'body[1]' has the Kazakh letter і"),
        "{w:?}"
    );
    let w =
        warnings("body:\n  - Программа «Рухани жаңғыру» выполняется в срок и в полном объёме.\n");
    assert!(w.is_empty(), "{w:?}");
}

#[test]
fn a_kazakh_letter_with_only_russian_text_is_warned() {
    let russian = "Строительство школы включено в план на будущий год. ".repeat(6);
    let w = warnings(&format!("lang: kk\nbody:\n  - {russian}\n"));
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].contains("`lang: kk`"), "{w:?}");
}

#[test]
fn english_quotes_are_warned_at_the_quote() {
    let w = warnings("closing: Проект “Школа” готов.\nbody: [Текст.]\n");
    assert_eq!(
        w,
        ["5:17 'closing' has the English quote “, which a Russian or Kazakh letter does not use"]
    );
}

#[test]
fn starter_placeholders_are_warned() {
    let w = warnings("outgoing: { number: 01-01/0000 }\nbody: [Текст.]\n");
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].contains("'01-01/0000'"), "{w:?}");
}

#[test]
fn an_answer_dated_before_the_inquiry_is_warned() {
    let w = warnings("outgoing: { date: 2024-01-05 }\nbody: [Текст.]\n");
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].starts_with("5:19 the answer's date"), "{w:?}");
    assert!(warnings("outgoing: { date: 2024-01-10 }\nbody: [Текст.]\n").is_empty());
}

/// An item written a column or more deeper than the item above is, to
/// YAML, that item's text going on: the clerk is told at its dash.
#[test]
fn an_item_indented_under_the_item_above_is_warned_at_its_dash() {
    let l = letter(
        "body:\n  - items:\n      - Первый пункт.\n        - Второй пункт.\n      - Третий пункт.\n",
    );
    let w: Vec<String> = l
        .warnings
        .iter()
        .map(|w| {
            let p = w.pos.expect("a position");
            format!(
                "{}:{} {} / {}",
                p.line,
                p.column,
                w.message,
                w.help.clone().unwrap_or_default()
            )
        })
        .collect();
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].starts_with("8:9 'body[1].items[1]' goes on"), "{w:?}");
    assert!(w[0].contains("«- Второй пункт.»"), "{w:?}");
    assert!(w[0].contains("dash at column 7"), "{w:?}");
    assert_eq!(l.warnings[0].field.as_deref(), Some("body[1].items[1]"));
    // A paragraph of the body, and an item's `text:` with sub-items.
    let w = warnings("body:\n  - Первый абзац.\n   - Второй абзац.\n");
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].starts_with("7:4 'body[1]' goes on"), "{w:?}");
    let w = warnings(
        "body:\n  - items:\n      - text: Пункт\n          - ошибочный\n        items:\n          - Подпункт.\n",
    );
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].starts_with("8:11 'body[1].items[1].text'"), "{w:?}");
}

/// A dash inside a quoted or block text, or mid-line, is the clerk's text.
#[test]
fn dashes_written_as_text_are_not_warned() {
    let w = warnings(
        "body:\n  - \"Перечень:\n    - первое\"\n  - >-\n    Перечень:\n    - второе\n  - Сроки - до конца года,\n    ответственные - акиматы.\n",
    );
    assert!(w.is_empty(), "{w:?}");
}

#[test]
fn kazakh_letters_and_foreign_quotes_are_found_by_their_bytes_as_by_their_chars() {
    use super::{first_foreign_quote, first_kazakh_only, foreign_quote, kazakh_only};
    // Every char of the first three UTF-8 lengths' neighbourhoods of the
    // letters and quotes looked for, among Russian letters whose bytes
    // share theirs (ц D1 86, Ж D0 96, — E2 80 94), and twice, so that the
    // first is the one found.
    let chars = (0..=0x800)
        .chain(0x2000..=0x2100)
        .chain([0x2190, 0xfeff])
        .filter_map(char::from_u32);
    for c in chars {
        for text in [format!("цЖ—{c}ц{c}Ж"), format!("{c}"), format!("ж{c}ә")] {
            let first = |f: fn(char) -> bool| text.chars().find(|&ch| f(ch));
            assert_eq!(first_kazakh_only(&text), first(kazakh_only), "{text:?}");
            assert_eq!(first_foreign_quote(&text), first(foreign_quote), "{text:?}");
        }
    }
}
