//! The markup the built-in templates write for the v2 blocks (see
//! `markup-v2` in templates/README.md), in both languages.

use std::path::Path;

use super::Templates;
use crate::letter::{self, Source};

fn compose_file(path: &Path) -> String {
    let source = Source::read(path).unwrap();
    let letter = letter::parse(&source).unwrap_or_else(|e| panic!("{}", e.render(false)));
    Templates::builtin()
        .unwrap()
        .compose(&letter, &source)
        .unwrap()
}

fn compose_text(dir: &Path, name: &str, yaml: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, yaml).unwrap();
    compose_file(&path)
}

/// The lines of the markup, blank ones dropped: what the parser reads.
fn lines(markup: &str) -> Vec<&str> {
    markup.lines().filter(|l| !l.trim().is_empty()).collect()
}

/// The lines following the first header line that starts with `header`.
fn after<'m>(markup: &'m str, header: &str, n: usize) -> Vec<&'m str> {
    let all = lines(markup);
    let at = all
        .iter()
        .position(|l| l.starts_with(header))
        .unwrap_or_else(|| panic!("no {header} in\n{markup}"));
    all[at..(at + 1 + n).min(all.len())].to_vec()
}

fn example() -> String {
    compose_file(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/v2/dz-517-reply.yaml"))
}

#[test]
fn the_v2_example_numbers_items_and_sub_items() {
    let m = example();
    let items: Vec<&str> = lines(&m)
        .into_iter()
        .filter(|l| l.starts_with("[item"))
        .collect();
    assert_eq!(
        items,
        [
            "[item number=\"1.\" level=\"1\"]",
            "[item number=\"2.\" level=\"1\"]",
            "[item number=\"2.1.\" level=\"2\"]",
            "[item number=\"2.2.\" level=\"2\"]",
            "[item number=\"2.3.\" level=\"2\"]",
            "[item number=\"3.\" level=\"1\"]",
            // The third item's second paragraph continues it, unnumbered.
            "[item level=\"1\"]",
        ],
        "{m}"
    );
    assert!(
        after(&m, "[item number=\"2.1.\"", 1)[1].starts_with("выплата подъемного пособия"),
        "{m}"
    );
}

#[test]
fn the_v2_example_table_is_written_cell_by_cell_as_in_the_file() {
    let m = example();
    let t = after(&m, "[table", 14);
    assert_eq!(
        t[0],
        "[table widths=\"3 1 1 1\" align=\"left right right right\"]"
    );
    assert_eq!(t[1], "[caption]");
    assert_eq!(t[2], "Таблица 1. Прием на целевую подготовку, человек");
    assert_eq!(t[3], "[row header=\"true\"]");
    assert_eq!(&t[4..6], ["[cell]", "Область"]);
    assert_eq!(&t[10..14], ["[cell]", "Рост, %", "[row]", "[cell]"]);
    let total = after(&m, "[row total=\"true\"]", 8);
    assert_eq!(
        total[1..],
        [
            "[cell]",
            "Итого",
            "[cell]",
            "522",
            "[cell]",
            "594",
            "[cell]",
            "13,8"
        ]
    );
    let rows = lines(&m).iter().filter(|l| **l == "[row]").count();
    assert_eq!(rows, 5, "{m}");
}

#[test]
fn the_v2_example_has_heading_copies_acting_signer_and_shared_fields() {
    let m = example();
    assert_eq!(
        after(&m, "[heading]", 1)[1],
        "Об обеспеченности сельских медицинских организаций кадрами"
    );
    assert_eq!(
        after(&m, "[copies]", 3)[1..],
        [
            "Копия:",
            "Аппарат Правительства Республики Казахстан",
            "Акиматы областей"
        ]
    );
    // The name comes from the defaults file, the position from the letter.
    assert_eq!(
        after(&m, "[signature", 2),
        [
            "[signature name=\"А. Ғиният\"]",
            "И.о. вице-министра",
            "здравоохранения"
        ]
    );
    assert!(
        m.contains("[letterhead left=\"ҚАЗАҚСТАН РЕСПУБЛИКАСЫ"),
        "{m}"
    );
    assert!(
        after(&m, "[executor]", 1)[1].contains("Сейтказина Д.М."),
        "{m}"
    );
    // The heading stands after the addressee and before the salutation.
    let all = lines(&m);
    let at = |h: &str| all.iter().position(|l| l.starts_with(h)).unwrap();
    assert!(at("[addressee]") < at("[heading]") && at("[heading]") < at("[salutation]"));
    assert!(!m.contains("draft="), "{m}");
}

const KK: &str = "lang: kk
inquiry: { number: ДЗ-5, date: 2026-02-27 }
heading: Ауылдық медициналық ұйымдарды кадрлармен қамтамасыз ету туралы
addressee: Депутатқа
salutation: Құрметті Нұрлан Қайратұлы!
draft: true
body:
  - Кіріспе.
  - items:
      - Бірінші сұрақ бойынша.
      - text: Екінші сұрақ бойынша.
        items:
          - text: Бірінші шара.
            items: [Үшінші деңгей.]
  - table:
      columns: [Облыс, \"2025\"]
      rows:
        - [Ақмола, 12.50]
copies: [Облыстардың әкімдіктері]
signature:
  - { position: \"Вице-министрдің\", name: А. Ғиният, acting: true }
  - { position: Министр, name: Б. Бекұлы }
";

#[test]
fn a_kazakh_letter_uses_only_kazakh_labels() {
    let dir = tempfile::tempdir().unwrap();
    let m = compose_text(dir.path(), "kk.yaml", KK);
    assert!(lines(&m)[0].ends_with(" draft=\"ЖОБА\"]"), "{m}");
    assert_eq!(after(&m, "[copies]", 1)[1], "Көшірмесі:");
    assert_eq!(
        after(&m, "[signature", 1),
        ["[signature name=\"А. Ғиният\"]", "Вице-министрдің м.а."]
    );
    assert_eq!(
        after(&m, "[signature name=\"Б. Бекұлы\"]", 1)[1],
        "Министр",
        "the second signer is not acting"
    );
    assert!(
        m.contains("[item number=\"2.1.1.\" level=\"3\"]\nҮшінші деңгей."),
        "{m}"
    );
    // A number in a cell prints as written, not as the number it reads as.
    assert!(m.contains("[cell]\n12.50\n"), "{m}");
    for russian in ["Копия", "И.о.", "ПРОЕКТ"] {
        assert!(!m.contains(russian), "{russian} in a Kazakh letter:\n{m}");
    }
}

#[test]
fn a_russian_draft_is_marked_in_russian() {
    let dir = tempfile::tempdir().unwrap();
    let ru = KK
        .replace("lang: kk", "lang: ru")
        .replace("Вице-министрдің", "вице-министра");
    let m = compose_text(dir.path(), "ru.yaml", &ru);
    assert!(lines(&m)[0].ends_with(" draft=\"ПРОЕКТ\"]"), "{m}");
    assert_eq!(
        after(&m, "[signature", 1),
        ["[signature name=\"А. Ғиният\"]", "И.о. вице-министра"]
    );
    for kazakh in ["Көшірмесі", "м.а.", "ЖОБА"] {
        assert!(!m.contains(kazakh), "{kazakh} in a Russian letter:\n{m}");
    }
}

#[test]
fn the_kazakh_v2_example_over_a_russian_defaults_file_is_all_kazakh() {
    let m = compose_file(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/v2/kk-items-reply.yaml"),
    );
    assert!(lines(&m)[0].starts_with("[document lang=\"kk\""), "{m}");
    assert_eq!(after(&m, "[copies]", 1)[1], "Көшірмесі:");
    assert_eq!(
        after(&m, "[signature", 4),
        [
            "[signature name=\"А. Ғиният\"]",
            "Вице-министрдің м.а.",
            "[signature name=\"Б. Сейітов\"]",
            "Департамент директоры",
            "[executor]"
        ]
    );
    assert!(m.contains("[item number=\"2.2.\" level=\"2\"]"), "{m}");
    assert!(m.contains("Орынд.: Сейтказина Д.М."), "{m}");
    for russian in ["Копия", "И.о.", "Исп.", "На №"] {
        assert!(!m.contains(russian), "{russian} in a Kazakh letter:\n{m}");
    }
}
