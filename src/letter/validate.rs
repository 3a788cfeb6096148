//! Checks a parsed YAML tree against the letter contract, collecting every
//! problem before refusing.

use super::date::{Date, parse_iso};
use super::defaults::Files;
use super::node::{At, FileId, Key, Node, Value};
use super::*;
use crate::diagnostic::{Diagnostic, Error, nearest};

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

/// Collects diagnostics while the tree is walked.
pub(super) struct Checker<'a> {
    pub(super) files: Files<'a>,
    problems: Vec<Diagnostic>,
    /// Things that print, but probably not as the clerk meant.
    pub(super) warnings: Vec<Diagnostic>,
}

/// The fields of one mapping, checked against the names it may have.
pub(super) struct Fields<'n> {
    entries: Vec<(&'n Key, &'n Node)>,
    at: At,
    /// Dotted path of the mapping, for messages ("signature.name").
    path: String,
}

impl<'n> Fields<'n> {
    pub(super) fn get(&self, name: &str) -> Option<&'n Node> {
        self.entries
            .iter()
            .find(|(k, _)| k.name == name)
            .map(|(_, v)| *v)
            .filter(|v| v.value != Value::Null)
    }

    fn field_path(&self, name: &str) -> String {
        if self.path.is_empty() {
            name.to_owned()
        } else {
            format!("{}.{name}", self.path)
        }
    }
}

impl<'a> Checker<'a> {
    pub(super) fn error(&mut self, at: At, message: impl Into<String>, help: impl Into<String>) {
        self.problems
            .push(self.files.diagnostic(at, message).with_help(help));
    }

    pub(super) fn warn(&mut self, at: At, message: impl Into<String>, help: impl Into<String>) {
        self.warnings
            .push(self.files.diagnostic(at, message).with_help(help).warning());
    }

    /// The characters of a scalar as written in its file, where the reader
    /// kept its span: `0012` stays `0012`, `1e3` stays `1e3`.
    pub(super) fn written(&self, node: &Node) -> Option<String> {
        node.raw
            .and_then(|(a, b)| self.files.source(node.file).text.get(a..b))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    }

    /// A plain scalar followed by ` #…` on its line: YAML took the rest of
    /// the line as a comment, so the printed text lost its end.
    fn comment_after_plain(&mut self, node: &Node, path: &str) {
        let Some((a, b)) = node.raw else { return };
        let text = &self.files.source(node.file).text;
        // A one-line plain scalar: a block scalar's span runs over its
        // lines (and the comment lines after it), a quoted one starts with
        // its quote.
        let plain = text.get(a..b).is_some_and(|written| {
            !written.contains('\n') && !written.starts_with(['"', '\'', '|', '>'])
        });
        let Some(after) = text.get(b..) else { return };
        let line = after.split('\n').next().unwrap_or("");
        let Some(hash) = line.find('#') else { return };
        if !plain || !line[..hash].trim().is_empty() {
            return;
        }
        let comment = line[hash..].trim_end();
        self.warn(
            node.at(),
            format!(
                "'{path}' is cut short: YAML read `{comment}` after it as a comment, so it is not printed"
            ),
            "put the whole text in quotes, or write it as a `>-` block on the next lines; if it is meant as a comment, remove it",
        );
    }

    /// Opens a mapping, reporting unknown field names with the nearest valid one.
    pub(super) fn mapping<'n>(
        &mut self,
        node: &'n Node,
        path: &str,
        allowed: &[&str],
    ) -> Option<Fields<'n>> {
        let Value::Map(entries) = &node.value else {
            let what = if path.is_empty() {
                "the letter".to_owned()
            } else {
                format!("'{path}'")
            };
            self.error(
                node.at(),
                format!(
                    "{what} must be a mapping of fields, found {}",
                    node.value.kind()
                ),
                format!(
                    "write it as `field: value` lines; expected fields: {}",
                    allowed.join(", ")
                ),
            );
            return None;
        };
        for (key, _) in entries {
            if allowed.contains(&key.name.as_str()) {
                continue;
            }
            let full = if path.is_empty() {
                key.name.clone()
            } else {
                format!("{path}.{}", key.name)
            };
            let help = match nearest(&key.name, allowed) {
                Some(s) => format!("rename the field to '{s}'"),
                None => format!("the fields allowed here are: {}", allowed.join(", ")),
            };
            let message = match nearest(&key.name, allowed) {
                Some(s) => format!("unknown field '{full}', did you mean '{s}'?"),
                None => format!("unknown field '{full}'"),
            };
            self.error(key.at(), message, help);
        }
        Some(Fields {
            entries: entries.iter().map(|(k, v)| (k, v)).collect(),
            at: node.at(),
            path: path.to_owned(),
        })
    }

    pub(super) fn missing(&mut self, fields: &Fields, name: &str, example: &str) {
        let where_ = if fields.path.is_empty() {
            "the letter".to_owned()
        } else {
            format!("'{}'", fields.path)
        };
        self.error(
            fields.at,
            format!(
                "missing required field '{}' in {where_}",
                fields.field_path(name)
            ),
            format!("add it, for example: {example}"),
        );
    }

    /// A text value. Numbers and yes/no are taken as written (a phone
    /// number `0745674` without quotes keeps its leading zero).
    pub(super) fn text(&mut self, node: &Node, path: &str, fold: bool) -> Option<Text> {
        let raw = match &node.value {
            Value::Text(s) => {
                self.comment_after_plain(node, path);
                s.clone()
            }
            Value::Number(s) => self.written(node).unwrap_or_else(|| s.clone()),
            Value::Bool(b) => self.written(node).unwrap_or_else(|| b.to_string()),
            other @ (Value::Null | Value::Seq(_) | Value::Map(_)) => {
                self.error(
                    node.at(),
                    format!("'{path}' must be text, found {}", other.kind()),
                    "write the text after the colon; put it in quotes if it looks like something else",
                );
                return None;
            }
        };
        if let Some((offset, c)) = raw.char_indices().find(|&(_, c)| is_forbidden_control(c)) {
            let _ = offset;
            let pos = match node.file {
                FileId::DATA => node.pos,
                file => position_of_char(&self.files.source(file).text, node.pos, c),
            };
            self.error(
                At {
                    file: node.file,
                    pos,
                },
                format!(
                    "'{path}' contains the control character U+{:04X}, which cannot be printed",
                    c as u32
                ),
                "delete the invisible character (retype the text around it)",
            );
            return None;
        }
        let value = if fold {
            fold_text(&raw)
        } else {
            raw.trim().to_owned()
        };
        Some(Text {
            value,
            pos: node.pos,
            file: node.file,
        })
    }

    /// A required text that must not be blank.
    pub(super) fn nonblank(&mut self, node: &Node, path: &str) -> Option<Text> {
        let t = self.text(node, path, true)?;
        if t.value.is_empty() {
            self.error(
                node.at(),
                format!("'{path}' is empty"),
                "write the text, or remove the field if it is optional",
            );
            return None;
        }
        Some(t)
    }

    pub(super) fn optional_text(&mut self, fields: &Fields, name: &str) -> Option<Text> {
        let node = fields.get(name)?;
        self.text(node, &fields.field_path(name), true)
            .filter(|t| !t.value.is_empty())
    }

    /// Printed lines: a text whose line breaks are kept, or a list of lines.
    pub(super) fn lines(&mut self, node: &Node, path: &str) -> Option<Vec<Text>> {
        let lines: Vec<Text> = match &node.value {
            Value::Seq(items) => {
                let mut out = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    out.push(self.text(item, &format!("{path}[{}]", i + 1), true)?);
                }
                out
            }
            _ => {
                let t = self.text(node, path, false)?;
                t.value
                    .lines()
                    .map(|l| Text {
                        value: l.trim().to_owned(),
                        pos: node.pos,
                        file: node.file,
                    })
                    .collect()
            }
        };
        // Blank lines at the ends are an artefact of YAML block scalars.
        let first = lines.iter().position(|l| !l.value.is_empty());
        let last = lines.iter().rposition(|l| !l.value.is_empty());
        match (first, last) {
            (Some(a), Some(b)) => Some(lines[a..=b].to_vec()),
            _ => Some(Vec::new()),
        }
    }

    pub(super) fn date(&mut self, node: &Node, path: &str) -> Option<Date> {
        let raw = match &node.value {
            Value::Text(s) | Value::Number(s) => s.clone(),
            other => {
                self.error(
                    node.at(),
                    format!("'{path}' must be a date, found {}", other.kind()),
                    "write the date as YYYY-MM-DD, for example 2020-04-22",
                );
                return None;
            }
        };
        match parse_iso(&raw) {
            Ok(date) if !super::plausible::YEARS.contains(&chrono::Datelike::year(&date)) => {
                self.error(
                    node.at(),
                    format!(
                        "'{path}': the year {} is not between {} and {}",
                        chrono::Datelike::year(&date),
                        super::plausible::YEARS.start(),
                        super::plausible::YEARS.end()
                    ),
                    "check the year; write the date as YYYY-MM-DD, for example 2020-04-22",
                );
                None
            }
            Ok(date) => Some(Date {
                date,
                pos: node.pos,
            }),
            Err(why) => {
                self.error(
                    node.at(),
                    format!("'{path}': {why}"),
                    "write the date as YYYY-MM-DD, for example 2020-04-22",
                );
                None
            }
        }
    }

    pub(super) fn count(&mut self, node: &Node, path: &str) -> Option<u32> {
        let parsed = match &node.value {
            Value::Number(s) | Value::Text(s) => s.trim().parse::<u32>().ok().filter(|&n| n > 0),
            _ => None,
        };
        let most = if path.ends_with(".copies") {
            super::plausible::MAX_COPIES
        } else {
            super::plausible::MAX_SHEETS
        };
        if let Some(n) = parsed.filter(|&n| n > most) {
            self.error(
                node.at(),
                format!("'{path}' is {n}; at most {most} is plausible"),
                "check the number: count the sheets (copies) of the attachment",
            );
            return None;
        }
        if parsed.is_none() {
            self.error(
                node.at(),
                format!(
                    "'{path}' must be a whole number of at least 1, found {}",
                    describe(&node.value)
                ),
                "write a number such as 3",
            );
        }
        parsed
    }
}

pub(super) fn describe(v: &Value) -> String {
    match v {
        Value::Text(s) | Value::Number(s) => format!("'{s}'"),
        other => other.kind().to_owned(),
    }
}

/// Control characters other than line breaks and tabs have no printed form.
fn is_forbidden_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\r' | '\t')) || c == '\u{feff}'
}

/// Paragraph text is folded: line breaks and tabs inside one value are spaces.
fn fold_text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut pending_space = false;
    for c in raw.trim().chars() {
        if matches!(c, '\n' | '\r' | '\t' | ' ') {
            pending_space = true;
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    out
}

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
    };
    let letter = check_root(&mut c, root);
    if let Some(l) = &letter {
        super::warnings::check(&mut c, l);
    }
    let mut problems = c.problems;
    match letter {
        Some(mut l) if problems.is_empty() => {
            l.warnings = c.warnings;
            l.defaults = defaults;
            l.data = data.map(Path::to_path_buf);
            Ok(l)
        }
        _ => {
            if problems.is_empty() {
                problems.push(Diagnostic::new(
                    &source.path,
                    "the letter could not be read",
                ));
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
                        "Kazakh is written `kk` (ISO 639-1)".to_owned()
                    }
                    _ => "write `lang: ru` or `lang: kk`".to_owned(),
                };
                c.error(
                    n.at(),
                    format!("'lang' must be ru or kk, found {}", describe(other)),
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
                    format!("'template' must be a template name, found '{}'", t.value),
                    "use a name of letters, digits and dashes, such as deputy-reply",
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
            let number = match i.get("number") {
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

    let addressee = match f.get("addressee") {
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
                    "'addressee' is empty",
                    "write the addressee, one printed line per line",
                );
                None
            } else {
                Some(lines)
            }
        }),
    };

    let salutation = match f.get("salutation") {
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
                    let name = match a.get("name") {
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
                    format!("'attachments' must be a list, found {}", other.kind()),
                    "write each attachment as `- name: …` with `sheets: N`",
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
        assert!(
            text.contains("missing required field 'signature'"),
            "{text}"
        );
        assert!(e.diagnostics.len() >= 4, "{text}");
    }

    #[test]
    fn folding_joins_lines_with_spaces() {
        assert_eq!(fold_text("  a\nb \n\n c  "), "a b c");
    }

    #[test]
    fn numbers_are_accepted_as_text() {
        let yaml = format!("{MINIMAL}executor:\n  phone: 745674\n");
        let l = check(&yaml).unwrap();
        assert_eq!(l.executor.unwrap().phone.unwrap().value, "745674");
    }
}
