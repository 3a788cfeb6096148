//! Letter format v2 on the letter side: defaults files, body blocks,
//! requisites, and refusals placed in the file where the bad value stands.

use std::path::{Path, PathBuf};

use super::*;
use crate::diagnostic::Error;

/// Writes files into a fresh folder and parses the first as the letter.
struct Folder {
    dir: tempfile::TempDir,
}

impl Folder {
    fn new(files: &[(&str, &str)]) -> Folder {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        Folder { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn parse(&self, name: &str) -> std::result::Result<Letter, Error> {
        parse(&Source::read(&self.path(name)).unwrap())
    }

    fn refusal(&self, name: &str) -> String {
        match self.parse(name) {
            Ok(_) => panic!("{name} was accepted"),
            Err(e) => e.render(false),
        }
    }
}

fn parse_text(yaml: &str) -> std::result::Result<Letter, Error> {
    parse(&Source {
        path: "t.yaml".into(),
        text: yaml.to_owned(),
    })
}

const SHARED: &str = "lang: kk
letterhead:
  kk: ДЕНСАУЛЫҚ САҚТАУ МИНИСТРЛІГІ
  ru: МИНИСТЕРСТВО ЗДРАВООХРАНЕНИЯ
  emblem: emblem.svg
signature:
  position: |
    Вице-министр
  name: А. Ғиният
copies: [Бірінші, Екінші]
executor: { name: Сейтказина Д.М., phone: 74-37-12 }
";

const OWN: &str = "inquiry: { number: ДЗ-1, date: 2026-02-27 }
addressee: Депутатқа
salutation: Құрметті депутат!
body: [Мәтін.]
";

#[test]
fn defaults_merge_mapping_by_mapping_and_replace_lists() {
    let own = format!(
        "defaults: shared/ministry.yaml\n{OWN}signature:\n  name: Б. Бекұлы\ncopies: [Үшінші]\nexecutor:\n  phone:\n"
    );
    let f = Folder::new(&[("letter.yaml", &own), ("shared/ministry.yaml", SHARED)]);
    let l = f.parse("letter.yaml").unwrap();
    assert_eq!(l.lang, Lang::Kk, "lang comes from the defaults");
    assert_eq!(l.signature.name.value, "Б. Бекұлы", "the letter wins");
    assert_eq!(l.signature.position[0].value, "Вице-министр", "kept");
    assert_eq!(l.signature.position[0].file, FileId::defaults(0));
    assert_eq!(l.signature.name.file, FileId::LETTER);
    let copies: Vec<&str> = l.copies.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(copies, ["Үшінші"], "a list is replaced whole");
    // An empty value in the letter falls back to the shared one.
    assert_eq!(l.executor.unwrap().phone.unwrap().value, "74-37-12");
    // The emblem is written relative to the defaults file.
    let emblem = l.letterhead.unwrap().emblem.unwrap().value;
    assert_eq!(Path::new(&emblem), Path::new("shared/emblem.svg"));
    assert_eq!(l.defaults.len(), 1);
    assert_eq!(
        l.defaults[0].path,
        f.path("letter.yaml")
            .parent()
            .unwrap()
            .join("shared/ministry.yaml")
    );
}

#[test]
fn a_bad_value_in_a_defaults_file_is_reported_there() {
    let shared = SHARED.replace("executor: {", "executor: { phne: 1,");
    let f = Folder::new(&[
        ("letter.yaml", &format!("defaults: ministry.yaml\n{OWN}")),
        ("ministry.yaml", &shared),
    ]);
    let text = f.refusal("letter.yaml");
    assert!(text.contains("ministry.yaml:11:13"), "{text}");
    assert!(
        text.contains("unknown field 'executor.phne', did you mean 'phone'?"),
        "{text}"
    );
    assert!(!text.contains("letter.yaml:"), "{text}");
}

#[test]
fn a_bad_value_in_the_letter_over_defaults_is_reported_in_the_letter() {
    let f = Folder::new(&[
        (
            "letter.yaml",
            &format!("defaults: ministry.yaml\n{OWN}signature:\n  acting: да\n"),
        ),
        ("ministry.yaml", SHARED),
    ]);
    let text = f.refusal("letter.yaml");
    assert!(text.contains("letter.yaml:7:11"), "{text}");
    assert!(
        text.contains("'signature.acting' must be true or false"),
        "{text}"
    );
}

#[test]
fn a_defaults_cycle_is_refused_naming_the_files() {
    let f = Folder::new(&[
        ("letter.yaml", &format!("defaults: a.yaml\n{OWN}")),
        ("a.yaml", "defaults: b.yaml\nlang: ru\n"),
        ("b.yaml", "defaults: a.yaml\n"),
    ]);
    let text = f.refusal("letter.yaml");
    assert!(text.contains("b.yaml:1:11"), "{text}");
    assert!(text.contains("form a cycle"), "{text}");
    assert!(
        text.contains("letter.yaml → ") && text.contains("a.yaml → ") && text.contains("b.yaml → "),
        "{text}"
    );
}

#[test]
fn defaults_deeper_than_eight_are_refused() {
    let mut files: Vec<(String, String)> = vec![(
        "letter.yaml".into(),
        format!("defaults: d1.yaml\n{OWN}signature: {{name: X}}\n"),
    )];
    for i in 1..=9 {
        files.push((format!("d{i}.yaml"), format!("defaults: d{}.yaml\n", i + 1)));
    }
    files.push(("d10.yaml".into(), "lang: ru\n".into()));
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let f = Folder::new(&refs);
    let text = f.refusal("letter.yaml");
    assert!(text.contains("d8.yaml:1:11"), "{text}");
    assert!(text.contains("at most 8 deep"), "{text}");
    assert!(text.contains("d9.yaml"), "{text}");
    // Eight levels are fine.
    let mut eight = files.clone();
    eight[8].1 = "lang: ru\n".into();
    let refs: Vec<(&str, &str)> = eight
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    assert_eq!(
        Folder::new(&refs)
            .parse("letter.yaml")
            .unwrap()
            .defaults
            .len(),
        8
    );
}

#[test]
fn a_missing_defaults_file_is_reported_at_the_reference() {
    let f = Folder::new(&[("letter.yaml", &format!("{OWN}defaults: nowhere.yaml\n"))]);
    let text = f.refusal("letter.yaml");
    assert!(text.contains("letter.yaml:5:11"), "{text}");
    assert!(
        text.contains("the defaults file 'nowhere.yaml' does not exist"),
        "{text}"
    );
}

#[test]
fn required_fields_may_come_from_defaults_only() {
    let f = Folder::new(&[
        ("letter.yaml", &format!("defaults: m.yaml\n{OWN}")),
        ("m.yaml", "signature: { name: Е. Тугжанов }\n"),
    ]);
    assert_eq!(
        f.parse("letter.yaml").unwrap().signature.name.value,
        "Е. Тугжанов"
    );
    // Missing in both: reported in the letter.
    let f = Folder::new(&[
        ("letter.yaml", &format!("defaults: m.yaml\n{OWN}")),
        ("m.yaml", "lang: ru\n"),
    ]);
    let text = f.refusal("letter.yaml");
    assert!(text.contains("letter.yaml:1:1"), "{text}");
    assert!(
        text.contains("missing required field 'signature'"),
        "{text}"
    );
}

const TABLE: &str = "inquiry: { number: ДЗ-1, date: 2026-02-27 }
addressee: Депутату
salutation: Уважаемый депутат!
signature: { name: Е. Тугжанов }
body:
  - table:
      caption: Таблица 1
      columns: [Регион, \"2024\", \"Рост, %\"]
      align: [left, right, right]
      widths: [3, 1, 1.5]
      rows:
        - [г. Астана, 1 250, 12.50]
        - [г. Алматы, 2004, ~]
      total: [Итого, 3 254, true]
";

#[test]
fn a_table_keeps_every_cell_as_written() {
    let l = parse_text(TABLE).unwrap();
    let Block::Table(t) = &l.body[0] else {
        panic!("not a table")
    };
    let cells = |row: &[Text]| row.iter().map(|c| c.value.clone()).collect::<Vec<_>>();
    assert_eq!(cells(&t.columns), ["Регион", "2024", "Рост, %"]);
    assert_eq!(cells(&t.rows[0]), ["г. Астана", "1 250", "12.50"]);
    assert_eq!(cells(&t.rows[1]), ["г. Алматы", "2004", ""]);
    assert_eq!(cells(t.total.as_ref().unwrap()), ["Итого", "3 254", "true"]);
    assert_eq!(t.align, [Align::Left, Align::Right, Align::Right]);
    assert_eq!(cells(&t.widths), ["3", "1", "1.5"]);
}

#[test]
fn bad_tables_are_refused_with_line_and_column() {
    let cases = [
        (
            "        - [г. Алматы, 2004, ~]",
            "        - [г. Алматы, 2004]",
            "13:11",
            "'body[1].table.rows[2]' has 2 cells; the table has 3 columns",
        ),
        (
            "      widths: [3, 1, 1.5]",
            "      widths: [3, 1]",
            "10:15",
            "'body[1].table.widths' has 2 entries; the table has 3 columns",
        ),
        (
            "      align: [left, right, right]",
            "      align: [left, middle, right]",
            "9:21",
            "must be left, center or right, found 'middle'",
        ),
        (
            "      widths: [3, 1, 1.5]",
            "      widths: [3, 0, 1]",
            "10:19",
            "must be a positive number, found '0'",
        ),
        (
            "      total: [Итого, 3 254, true]",
            "      total: [Итого]",
            "14:14",
            "'body[1].table.total' has 1 cells",
        ),
    ];
    for (from, to, at, what) in cases {
        let text = parse_text(&TABLE.replace(from, to))
            .unwrap_err()
            .render(false);
        assert!(
            text.contains(&format!("t.yaml:{at}")),
            "{at} {what}:\n{text}"
        );
        assert!(text.contains(what), "{what}:\n{text}");
    }
    let empty = TABLE.split("      rows:").next().unwrap().to_owned() + "      rows: []\n";
    let text = parse_text(&empty).unwrap_err().render(false);
    assert!(text.contains("t.yaml:11:13"), "{text}");
    assert!(text.contains("has no rows"), "{text}");
}

const ITEMS: &str = "lang: kk
inquiry: { number: ДЗ-1, date: 2026-02-27 }
addressee: Депутатқа
salutation: Құрметті депутат!
signature: { name: А. Ғиният }
body:
  - Кіріспе.
  - items:
      - Бірінші.
      - text: Екінші.
        items:
          - text: Екіншінің бірі.
            items:
              - Үшінші деңгей.
      - paragraphs: [Бір абзац., Екінші абзац.]
";

#[test]
fn items_nest_three_levels_with_paragraphs() {
    let l = parse_text(ITEMS).unwrap();
    assert_eq!(l.body[0].paragraph().unwrap().value, "Кіріспе.");
    let Block::Items { items } = &l.body[1] else {
        panic!("not items")
    };
    assert_eq!(items.len(), 3);
    assert_eq!(
        items[1].items[0].items[0].paragraphs[0].value,
        "Үшінші деңгей."
    );
    assert_eq!(items[2].paragraphs.len(), 2);
}

#[test]
fn bad_items_are_refused_where_they_stand() {
    let four = ITEMS.replace(
        "              - Үшінші деңгей.",
        "              - text: Үшінші.\n                items: [Төртінші.]",
    );
    let text = parse_text(&four).unwrap_err().render(false);
    assert!(text.contains("t.yaml:15:24"), "{text}");
    assert!(text.contains("items nest at most 3 levels"), "{text}");

    let both = ITEMS.replace(
        "      - paragraphs:",
        "      - text: X\n        paragraphs:",
    );
    let text = parse_text(&both).unwrap_err().render(false);
    assert!(text.contains("has both `text` and `paragraphs`"), "{text}");

    let typo = ITEMS.replace("  - items:", "  - itms:");
    let text = parse_text(&typo).unwrap_err().render(false);
    assert!(text.contains("t.yaml:8:5"), "{text}");
    assert!(text.contains("did you mean 'items'"), "{text}");

    let empty = ITEMS.replace("      - Бірінші.", "      - \"  \"");
    let text = parse_text(&empty).unwrap_err().render(false);
    assert!(text.contains("'body[2].items[1]' is empty"), "{text}");
}

#[test]
fn joint_and_acting_signatures() {
    let joint = ITEMS.replace(
        "signature: { name: А. Ғиният }",
        "signature:\n  - { name: А. Ғиният, position: Вице-министрдің, acting: true }\n  - { name: Б. Бекұлы }",
    );
    let l = parse_text(&joint).unwrap();
    assert_eq!(l.signatures.len(), 2);
    assert!(l.signatures[0].acting && !l.signatures[1].acting);
    assert_eq!(l.signature, l.signatures[0]);

    let no_position = ITEMS.replace("{ name: А. Ғиният }", "{ name: А. Ғиният, acting: true }");
    let text = parse_text(&no_position).unwrap_err().render(false);
    assert!(
        text.contains("'signature.acting' needs the position"),
        "{text}"
    );

    let empty = ITEMS.replace("signature: { name: А. Ғиният }", "signature: []");
    let text = parse_text(&empty).unwrap_err().render(false);
    assert!(text.contains("t.yaml:5:12"), "{text}");
}

#[test]
fn draft_heading_and_copies() {
    let l = parse_text(&format!(
        "{ITEMS}draft: true\nheading: Кадрлар туралы\ncopies: |\n  Бірінші\n  Екінші\n"
    ))
    .unwrap();
    assert!(l.draft);
    assert_eq!(l.heading.unwrap().value, "Кадрлар туралы");
    assert_eq!(l.copies.len(), 2);
    let text = parse_text(&format!("{ITEMS}draft: иә\n"))
        .unwrap_err()
        .render(false);
    assert!(text.contains("'draft' must be true or false"), "{text}");
}

/// The starters show the v2 blocks commented out; uncommented, they are
/// valid letters (all but `defaults`, which names a file of the reader's).
#[test]
fn the_starters_v2_examples_are_valid_once_uncommented() {
    for (name, text) in [
        ("starter-ru", include_str!("../../examples/starter-ru.yaml")),
        ("starter-kk", include_str!("../../examples/starter-kk.yaml")),
    ] {
        let uncommented: String = text
            .lines()
            .map(|l| {
                let yaml = [
                    "  # - ",
                    "  #     ",
                    "  #       ",
                    "  #   ",
                    "  # acting:",
                    "# copies:",
                    "#   - ",
                    "# draft:",
                ];
                match yaml.iter().find(|p| l.starts_with(*p)) {
                    Some(_) => l.replacen("# ", "", 1).replacen("#", " ", 1),
                    None => l.to_owned(),
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        let l = parse_text(&uncommented)
            .unwrap_or_else(|e| panic!("{name}:\n{}\n{uncommented}", e.render(false)));
        assert!(
            l.draft && l.signature.acting && l.copies.len() == 1,
            "{name}"
        );
        let kinds: Vec<bool> = l.body.iter().map(|b| b.paragraph().is_some()).collect();
        assert_eq!(kinds, [true, true, false, false], "{name}");
    }
}
