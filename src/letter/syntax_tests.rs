//! YAML mistakes said where the clerk made them, in each language.

use super::*;
use crate::i18n::{self, UiLang};
use std::path::PathBuf;

const TAIL: &str = "addressee: Депутату\nsalutation: Уважаемый депутат!\nbody:\n  - Текст.\nsignature:\n  name: А. Б. Иванов\n";

/// The first problem of `yaml` in `lang`: `line:column`, message, help.
fn first(yaml: &str, lang: UiLang) -> (String, String, String) {
    let source = Source {
        path: PathBuf::from("t.yaml"),
        text: yaml.to_owned(),
    };
    let e = i18n::with(lang, || crate::letter::parse(&source)).unwrap_err();
    let d = &e.diagnostics[0];
    let p = d.pos.expect("a position");
    (
        format!("{}:{}", p.line, p.column),
        d.message.clone(),
        d.help.clone().unwrap_or_default(),
    )
}

fn in_all(yaml: &str, at: &str, ru: &str, kk: &str) {
    let (en_at, en, _) = first(yaml, UiLang::En);
    assert_eq!(en_at, at, "{en}");
    for (lang, words) in [(UiLang::Ru, ru), (UiLang::Kk, kk)] {
        let (p, message, help) = first(yaml, lang);
        assert_eq!(p, at, "{message}");
        assert!(message.contains(words), "{lang:?}: {message}");
        assert!(!help.is_empty(), "{message}");
    }
}

/// A quote never closed ran on to the next quote, lines later: it is said
/// at the quote that opened it.
#[test]
fn an_unclosed_quote_is_said_at_its_opening_quote() {
    let yaml = format!(
        "lang: ru\ninquiry:\n  number: \"ДЗ-83\n  date: 2020-04-22\n{}",
        TAIL.replace("  - Текст.", "  - Текст \"первый\".")
    );
    in_all(
        &yaml,
        "3:11",
        "кавычка открыта, но не закрыта",
        "тырнақша ашылған, бірақ жабылмаған",
    );
    let single = format!("lang: ru\ninquiry:\n  number: 'ДЗ-83\n  date: 2020-04-22\n{TAIL}");
    in_all(&single, "3:11", "кавычка открыта", "тырнақша ашылған");
    // In a list item, the error found at a later, well-formed quote.
    let item = format!(
        "lang: ru\ninquiry:\n  number: ДЗ-83\n  date: 2020-04-22\n{}",
        TAIL.replace("  - Текст.", "  - \"Текст.\n  - Второй.")
            .replace("name: А. Б. Иванов", "name: \"А. Б. Иванов\"")
    );
    in_all(&item, "8:5", "кавычка открыта", "тырнақша ашылған");
}

#[test]
fn an_unclosed_bracket_is_said_at_its_opening_bracket() {
    let yaml = "lang: ru\ninquiry: {number: ДЗ-83, date: 2020-04-22\naddressee: Депутату\n";
    in_all(yaml, "2:10", "скобка { открыта", "{ жақшасы ашылған");
}

/// A field indented too far is said at its own line and first letter, not
/// at its colon or the line after.
#[test]
fn an_over_indented_field_is_said_at_its_first_letter() {
    let yaml = format!("lang: ru\ninquiry:\n  number: ДЗ-83\n   date: 2020-04-22\n{TAIL}");
    in_all(
        &yaml,
        "4:4",
        "поле написано с лишним отступом",
        "өріс артық шегініспен жазылған",
    );
    let (_, _, help) = first(&yaml, UiLang::Ru);
    assert!(help.contains("3-й позиции"), "{help}");
    let nested = format!(
        "lang: ru\ninquiry:\n  number: ДЗ-83\n  date: 2020-04-22\n{TAIL}    position: Министр\n"
    );
    in_all(&nested, "11:5", "с лишним отступом", "артық шегініспен");
}

#[test]
fn a_field_between_two_levels_is_said_at_its_line() {
    let yaml = format!(
        "lang: ru\ninquiry:\n  number: ДЗ-83\n  date: 2020-04-22\n{TAIL} position: Министр\n"
    );
    in_all(
        &yaml,
        "11:2",
        "поле написано с неверным отступом",
        "өріс қате шегініспен жазылған",
    );
}

/// The parser's words ("simple key expected ':'", "invalid trailing
/// content after double-quoted scalar") become what happened.
#[test]
fn parser_words_become_the_clerks_words() {
    let no_colon = format!(
        "lang: ru\ninquiry:\n  number: ДЗ-83\n  date: 2020-04-22\n{}",
        TAIL.replace("salutation: Уважаемый", "salutation Уважаемый")
    );
    in_all(
        &no_colon,
        "6:1",
        "после имени поля нет двоеточия",
        "өріс атауынан кейін қос нүкте жоқ",
    );
    let trailing =
        format!("lang: ru\ninquiry:\n  number: \"ДЗ-83\" год\n  date: 2020-04-22\n{TAIL}");
    in_all(
        &trailing,
        "3:19",
        "после закрывающей кавычки ещё есть текст",
        "жабатын тырнақшадан кейін тағы мәтін бар",
    );
    // English keeps the parser's message, as before.
    assert!(first(&trailing, UiLang::En).1.contains("trailing content"));
}

/// A date written day first gets the exact fix, in each language.
#[test]
fn a_day_first_date_gets_the_exact_fix() {
    let yaml = format!("lang: ru\ninquiry:\n  number: ДЗ-83\n  date: 22.04.2020\n{TAIL}");
    for (lang, words) in [
        (UiLang::En, "write the date as YYYY-MM-DD: 2020-04-22"),
        (UiLang::Ru, "напишите дату в виде ГГГГ-ММ-ДД: 2020-04-22"),
        (UiLang::Kk, "күнді ЖЖЖЖ-АА-КК түрінде жазыңыз: 2020-04-22"),
    ] {
        let (at, _, help) = first(&yaml, lang);
        assert_eq!(at, "4:9");
        assert_eq!(help, words);
    }
}

/// A misspelt field is one problem, not also a missing one; problems come
/// in the order of the file.
#[test]
fn a_misspelt_field_is_not_also_missing_and_problems_are_in_file_order() {
    let yaml = format!(
        "lang: ru\ninquiry:\n  number: ДЗ-83\n  date: 30.02.2020\n{}",
        TAIL.replace("signature:", "sigature:")
    );
    let source = Source {
        path: PathBuf::from("t.yaml"),
        text: yaml,
    };
    let e = i18n::with(UiLang::Ru, || crate::letter::parse(&source)).unwrap_err();
    let messages: Vec<String> = e.diagnostics.iter().map(|d| d.message.clone()).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(messages[0].contains("inquiry.date"), "{messages:?}");
    assert!(messages[1].contains("«signature»"), "{messages:?}");
}

/// `~` in a text field is printed as typed, like `yes` and `0012`.
#[test]
fn a_tilde_in_a_text_field_stays_as_typed() {
    let yaml = format!(
        "lang: ru\ninquiry:\n  number: ~\n  date: 2020-04-22\n{}",
        TAIL.replace("salutation: Уважаемый депутат!", "salutation: ~")
    );
    let source = Source {
        path: PathBuf::from("t.yaml"),
        text: yaml,
    };
    let letter = crate::letter::parse(&source).unwrap();
    assert_eq!(letter.salutation.value, "~");
    assert_eq!(letter.inquiry.number.value, "~");
}

/// An item whose dash stands a column left of the item above: said at
/// its dash with the column of the dash above.
#[test]
fn an_item_out_of_line_is_said_at_its_dash() {
    let yaml = format!(
        "lang: ru\ninquiry:\n  number: ДЗ-83\n  date: 2020-04-22\n{}",
        TAIL.replace(
            "  - Текст.",
            "  - items:\n      - Первый пункт.\n     - Второй пункт."
        )
    );
    in_all(
        &yaml,
        "10:6",
        "пункт написан не на одной линии",
        "тармақ жоғарыдағы тармақпен бір сызықта жазылмаған",
    );
    for (lang, column) in [
        (UiLang::En, "column 7"),
        (UiLang::Ru, "7-й позиции"),
        (UiLang::Kk, "7-позициядан"),
    ] {
        let (_, _, help) = first(&yaml, lang);
        assert!(help.contains(column), "{help}");
    }
}
