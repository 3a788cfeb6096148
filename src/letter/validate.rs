//! Checks a parsed YAML tree against the letter contract, collecting every
//! problem before refusing.

use crate::tr;

use super::defaults::Files;
use super::node::{Node, Value};
use super::*;
use crate::diagnostic::{Diagnostic, Error};

/// The field names each mapping accepts (the schema test checks that
/// `schema.rs` names the same).
pub(super) mod fields {
    pub const ROOT: &[&str] = &[
        "lang",
        "template",
        "letterhead",
        "outgoing",
        "inquiry",
        "addressee",
        "salutation",
        "opening",
        "heading",
        "body",
        "closing",
        "attachments",
        "signature",
        "copies",
        "draft",
        "qr",
        "executor",
        "defaults",
    ];
    pub const LETTERHEAD: &[&str] = &["kk", "ru", "emblem", "contacts_kk", "contacts_ru"];
    pub const OUTGOING: &[&str] = &["number", "date"];
    pub const INQUIRY: &[&str] = &["number", "date", "subject"];
    pub const ATTACHMENT: &[&str] = &["name", "sheets", "copies"];
    pub const SIGNATURE: &[&str] = &["position", "name", "acting"];
    pub const ITEM: &[&str] = &["text", "paragraphs", "items"];
    pub const TABLE: &[&str] = &["caption", "columns", "align", "widths", "rows", "total"];
    pub const EXECUTOR: &[&str] = &["name", "phone"];
}
use fields::{
    ATTACHMENT as ATTACHMENT_FIELDS, EXECUTOR as EXECUTOR_FIELDS, INQUIRY as INQUIRY_FIELDS,
    LETTERHEAD as LETTERHEAD_FIELDS, OUTGOING as OUTGOING_FIELDS, ROOT as ROOT_FIELDS,
};

pub(super) use super::checker::{Checker, describe};

pub(super) fn letter(
    root: &Node,
    source: &Source,
    defaults: Vec<Source>,
    data: Option<&Path>,
) -> std::result::Result<Letter, Error> {
    let mut c = Checker {
        files: Files {
            letter: source,
            defaults: &defaults,
            data,
        },
        problems: Vec::new(),
        warnings: Vec::new(),
        last_was_warning: false,
        absent: Vec::new(),
    };
    let letter = check_root(&mut c, root);
    if let Some(l) = &letter {
        super::warnings::check(&mut c, l);
    }
    // Problems and warnings in the order of the file, as the clerk reads
    // it (issue 16; the walk finds hidden characters first and some
    // problems across fields), then the fields that are not there.
    let mut problems = c.problems;
    crate::diagnostic::sort_by_place(&mut problems);
    problems.append(&mut c.absent);
    crate::diagnostic::sort_by_place(&mut c.warnings);
    match letter {
        Some(mut l) if problems.is_empty() => {
            l.warnings = c.warnings;
            l.defaults = defaults;
            l.data = data.map(Path::to_path_buf);
            Ok(l)
        }
        _ => {
            if problems.is_empty() {
                problems.push(Diagnostic::new(&source.path, tr!("letter-not-read")));
            }
            Err(Error {
                diagnostics: problems,
            })
        }
    }
}

fn check_root(c: &mut Checker, root: &Node) -> Option<Letter> {
    let f = c.mapping(root, "", ROOT_FIELDS)?;

    let lang = match f.get("lang") {
        None => Some(Lang::Ru),
        Some(n) => match &n.value {
            Value::Text(s) if s == "ru" => Some(Lang::Ru),
            Value::Text(s) if s == "kk" => Some(Lang::Kk),
            other => {
                let help = match other {
                    Value::Text(s) if s.eq_ignore_ascii_case("kz") || s.starts_with("kaz") => {
                        tr!("letter-lang-kz-help")
                    }
                    _ => tr!("letter-lang-help"),
                };
                c.error(
                    n.at(),
                    tr!("letter-lang-bad", found = describe(other)),
                    help,
                );
                None
            }
        },
    };

    let template = match f.get("template") {
        None => Some("deputy-reply".to_owned()),
        Some(n) => c.text(n, "template", true).and_then(|t| {
            let ok = !t.value.is_empty()
                && t.value
                    .chars()
                    .all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_');
            if ok {
                Some(t.value)
            } else {
                c.error(
                    n.at(),
                    tr!("letter-template-bad", found = &t.value),
                    tr!("letter-template-help"),
                );
                None
            }
        }),
    };

    let letterhead = f.get("letterhead").and_then(|n| {
        let h = c.mapping(n, "letterhead", LETTERHEAD_FIELDS)?;
        Some(Letterhead {
            kk: c.optional_text(&h, "kk"),
            ru: c.optional_text(&h, "ru"),
            emblem: c
                .optional_text(&h, "emblem")
                .map(|e| super::requisites::emblem_from_letter(c, e)),
            contacts_kk: c.optional_text(&h, "contacts_kk"),
            contacts_ru: c.optional_text(&h, "contacts_ru"),
        })
    });

    let outgoing = match f.get("outgoing") {
        None => Some(Outgoing::default()),
        Some(n) => c.mapping(n, "outgoing", OUTGOING_FIELDS).map(|o| Outgoing {
            number: c.optional_text(&o, "number"),
            date: o.get("date").and_then(|d| c.date(d, "outgoing.date")),
        }),
    };

    let inquiry = match f.get("inquiry") {
        None => {
            c.missing(
                &f,
                "inquiry",
                "inquiry: { number: ДЗ-83, date: 2020-04-22 }",
            );
            None
        }
        Some(n) => c.mapping(n, "inquiry", INQUIRY_FIELDS).and_then(|i| {
            let number = match i.get_text("number") {
                Some(n) => c.nonblank(n, "inquiry.number"),
                None => {
                    c.missing(&i, "number", "number: ДЗ-83");
                    None
                }
            };
            let date = match i.get("date") {
                Some(d) => c.date(d, "inquiry.date"),
                None => {
                    c.missing(&i, "date", "date: 2020-04-22");
                    None
                }
            };
            let subject = c.optional_text(&i, "subject");
            Some(Inquiry {
                number: number?,
                date: date?,
                subject,
            })
        }),
    };

    let addressee = match f.get_text("addressee") {
        None => {
            c.missing(
                &f,
                "addressee",
                "addressee: | (then one line per printed line)",
            );
            None
        }
        Some(n) => c.lines(n, "addressee").and_then(|lines| {
            if lines.is_empty() {
                c.error(
                    n.at(),
                    tr!("letter-addressee-empty"),
                    tr!("letter-addressee-help"),
                );
                None
            } else {
                Some(lines)
            }
        }),
    };

    let salutation = match f.get_text("salutation") {
        None => {
            c.missing(&f, "salutation", "salutation: Уважаемые депутаты!");
            None
        }
        Some(n) => c.nonblank(n, "salutation"),
    };

    let opening = c.optional_text(&f, "opening");

    let heading = c.optional_text(&f, "heading");

    let body = match f.get("body") {
        None => {
            c.missing(&f, "body", "body: [ \"first paragraph\" ]");
            None
        }
        Some(n) => super::blocks::body(c, n),
    };

    let closing = c.optional_text(&f, "closing");

    let attachments = match f.get("attachments") {
        None => Some(Vec::new()),
        Some(n) => match &n.value {
            Value::Seq(items) => {
                let mut out = Vec::new();
                let mut ok = true;
                for (i, item) in items.iter().enumerate() {
                    let path = format!("attachments[{}]", i + 1);
                    let Some(a) = c.mapping(item, &path, ATTACHMENT_FIELDS) else {
                        ok = false;
                        continue;
                    };
                    let name = match a.get_text("name") {
                        Some(n) => c.nonblank(n, &format!("{path}.name")),
                        None => {
                            c.missing(&a, "name", "name: Справка");
                            None
                        }
                    };
                    let sheets = match a.get("sheets") {
                        Some(n) => c.count(n, &format!("{path}.sheets")),
                        None => {
                            c.missing(&a, "sheets", "sheets: 3");
                            None
                        }
                    };
                    let copies = match a.get("copies") {
                        Some(n) => c.count(n, &format!("{path}.copies")).map(Some),
                        None => Some(None),
                    };
                    match (name, sheets, copies) {
                        (Some(name), Some(sheets), Some(copies)) => out.push(Attachment {
                            name,
                            sheets,
                            copies,
                        }),
                        _ => ok = false,
                    }
                }
                ok.then_some(out)
            }
            other => {
                c.error(
                    n.at(),
                    tr!("letter-attachments-not-list", kind = other.kind()),
                    tr!("letter-attachments-help"),
                );
                None
            }
        },
    };

    let signatures = match f.get("signature") {
        None => {
            c.missing(&f, "signature", "signature: { name: Е. Тугжанов }");
            None
        }
        Some(n) => super::requisites::signatures(c, n),
    };
    let copies = super::requisites::copies(c, f.get("copies"));
    let draft = super::requisites::flag(c, f.get("draft"), "draft");
    let qr = super::requisites::qr(c, f.get("qr"));

    let executor = match f.get("executor") {
        None => Some(None),
        Some(n) => c.mapping(n, "executor", EXECUTOR_FIELDS).map(|e| {
            let ex = Executor {
                name: c.optional_text(&e, "name"),
                phone: c.optional_text(&e, "phone"),
            };
            (ex.name.is_some() || ex.phone.is_some()).then_some(ex)
        }),
    };

    Some(Letter {
        lang: lang?,
        template: template?,
        letterhead: letterhead.filter(|h| h.kk.is_some() || h.ru.is_some() || h.emblem.is_some()),
        outgoing: outgoing?,
        inquiry: inquiry?,
        addressee: addressee?,
        salutation: salutation?,
        opening,
        heading,
        body: body?,
        closing,
        attachments: attachments?,
        signature: signatures.as_ref()?.first()?.clone(),
        signatures: signatures?,
        copies: copies?,
        draft: draft?,
        qr: qr?,
        executor: executor?,
        defaults: Vec::new(),
        defaults_read: Vec::new(),
        data: None,
        warnings: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::super::checker::{first_forbidden_control, fold_text, is_forbidden_control};
    use super::*;

    fn check(yaml: &str) -> std::result::Result<Letter, Error> {
        let source = Source {
            path: "t.yaml".into(),
            text: yaml.to_owned(),
        };
        parse(&source)
    }

    const MINIMAL: &str = "inquiry:\n  number: ДЗ-1\n  date: 2020-04-22\naddressee: Депутату\nsalutation: Уважаемый депутат!\nbody:\n  - Текст.\nsignature:\n  name: А. Б. Иванов\n";

    #[test]
    fn minimal_letter_is_accepted_with_defaults() {
        let l = check(MINIMAL).unwrap();
        assert_eq!(l.lang, Lang::Ru);
        assert_eq!(l.template, "deputy-reply");
        assert_eq!(l.body.len(), 1);
        assert!(l.letterhead.is_none());
        assert_eq!(l.addressee[0].value, "Депутату");
    }

    #[test]
    fn all_problems_are_reported_together() {
        let yaml = "lang: de\nsigature:\n  name: X\ninquiry:\n  number: ДЗ-1\n  date: 2020-02-30\naddressee: A\nsalutation: B\nbody: [x]\n";
        let e = check(yaml).unwrap_err();
        let text = e.render(false);
        assert!(text.contains("t.yaml:1:"), "{text}");
        assert!(text.contains("did you mean 'signature'"), "{text}");
        assert!(text.contains("February 2020 has 29 days"), "{text}");
        // The misspelt field is said once: not again as a missing one.
        assert!(
            !text.contains("missing required field 'signature'"),
            "{text}"
        );
        assert_eq!(e.diagnostics.len(), 3, "{text}");
        // In the order of the file.
        let lines: Vec<usize> = e.diagnostics.iter().map(|d| d.pos.unwrap().line).collect();
        assert!(lines.is_sorted(), "{lines:?}");
    }

    #[test]
    fn folding_joins_lines_with_spaces() {
        assert_eq!(fold_text("  a\nb \n\n c  "), "a b c");
    }

    #[test]
    fn control_characters_are_found_by_their_bytes_as_by_their_chars() {
        // Every character, between Cyrillic and Latin-1 neighbours whose
        // UTF-8 shares lead bytes with the controls' (C2, EF).
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let text = format!("а«{c}»\u{fefe}б");
            let expected = is_forbidden_control(c).then_some(c);
            assert_eq!(first_forbidden_control(&text), expected, "{:04X}", c as u32);
        }
        assert_eq!(first_forbidden_control("\u{a0}x\u{1b}"), Some('\u{1b}'));
    }

    #[test]
    fn a_control_after_a_long_plain_stretch_is_found_at_every_offset() {
        use super::super::checker::CONTROL_SCAN_BLOCK;
        // The characters whose bytes a block test must not miss, and their
        // neighbours, at every place in and across the blocks passed over.
        let chars = (0..=0x100)
            .chain([0x7ff, 0x800, 0xfefe, 0xfeff, 0xffff])
            .filter_map(char::from_u32);
        for c in chars {
            for len in 0..3 * CONTROL_SCAN_BLOCK {
                let plain: String = "жx".chars().cycle().take(len).collect();
                let text = format!("{plain}{c}ё{plain}");
                let expected = is_forbidden_control(c).then_some(c);
                assert_eq!(
                    first_forbidden_control(&text),
                    expected,
                    "{:04X} after {len}",
                    c as u32
                );
            }
        }
    }

    #[test]
    fn folding_keeps_other_spaces_and_joins_runs_of_breaks() {
        assert_eq!(fold_text("\u{a0}a\t\r\n b\u{a0} c"), "a b\u{a0} c");
        assert_eq!(fold_text(" \n "), "");
        assert_eq!(fold_text("x"), "x");
    }

    #[test]
    fn numbers_are_accepted_as_text() {
        let yaml = format!("{MINIMAL}executor:\n  phone: 745674\n");
        let l = check(&yaml).unwrap();
        assert_eq!(l.executor.unwrap().phone.unwrap().value, "745674");
    }
}
