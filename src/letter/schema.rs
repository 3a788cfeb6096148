//! The JSON Schema of the letter file, for editors (`zhauap schema`).
//!
//! These types describe the file's shape only; reading and checking a letter
//! is `validate`'s job. A test keeps the two in step: every field named here
//! is accepted by the validator and every field it accepts is here.

use schemars::JsonSchema;

/// A reply letter (zhauap letter format, version 2).
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, title = "zhauap letter")]
#[allow(dead_code)]
pub struct LetterFile {
    /// The language of the letter: labels, date forms, hyphenation. Default `ru`.
    lang: Option<LangCode>,
    /// Which template lays the letter out (a folder under templates/ or --templates DIR). Default `deputy-reply`.
    #[schemars(regex(pattern = r"^[A-Za-z0-9_-]+$"))]
    template: Option<String>,
    /// The bilingual letterhead on page 1. Leave it out for pre-printed paper.
    letterhead: Option<LetterheadFile>,
    /// This letter's registration number and date. Absent parts stay blank lines to fill by hand.
    outgoing: Option<OutgoingFile>,
    /// The inquiry this letter answers.
    inquiry: InquiryFile,
    /// The addressee block, one printed line per line (a text with line breaks, or a list).
    addressee: Lines,
    /// The salutation, e.g. `Уважаемые депутаты!`
    salutation: String,
    /// The first paragraph. Absent: the template builds it from inquiry.subject.
    opening: Option<String>,
    /// The heading to the text («О мерах по …» / «… туралы»), before the salutation.
    heading: Option<String>,
    /// The answer: paragraphs (texts), numbered answer items (`items:`) and tables (`table:`). `**bold**` and `*italic*` mark emphasis in paragraphs and items.
    #[schemars(length(min = 1))]
    body: Vec<BodyBlock>,
    /// The last paragraph.
    closing: Option<String>,
    /// Attachments, printed as the attachment mark after the text.
    attachments: Option<Vec<AttachmentFile>>,
    /// The signer, or a list of signers for a joint letter (all on one page). Required, but may come from the defaults file.
    signature: Option<Signatures>,
    /// The distribution list, one recipient a line, printed as «Копия:» / «Көшірмесі:».
    copies: Option<Lines>,
    /// A draft: every page carries a «ПРОЕКТ» / «ЖОБА» mark that does not copy out. Also set by `--draft`.
    draft: Option<bool>,
    /// The QR requisite: a QR code at the lower right of page 1 carrying this text (usually a link to the document); it does not copy out. At most 213 bytes.
    qr: Option<String>,
    /// The executor mark at the foot of the last page.
    executor: Option<ExecutorFile>,
    /// A YAML file of shared fields, relative to this file; the letter's own fields win, mapping by mapping, lists are replaced whole. At most 8 levels.
    defaults: Option<String>,
}

/// A block of the body: a paragraph's text, a numbered list or a table.
#[derive(JsonSchema)]
#[schemars(untagged)]
#[allow(dead_code)]
enum BodyBlock {
    Paragraph(String),
    Items(ItemsBlock),
    Table(TableBlock),
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct ItemsBlock {
    /// Numbered answer items: «1.», «2.1.», «2.1.1.» (at most three levels).
    #[schemars(length(min = 1))]
    items: Vec<AnswerItem>,
}

/// An answer item: its text, or `{text, items}`, or `{paragraphs: [...]}`.
#[derive(JsonSchema)]
#[schemars(untagged)]
#[allow(dead_code)]
enum AnswerItem {
    Text(String),
    Parts(ItemParts),
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct ItemParts {
    /// The item's text (one paragraph).
    text: Option<String>,
    /// The item's paragraphs, when it has several (instead of `text`).
    paragraphs: Option<Vec<String>>,
    /// Sub-items, numbered under this item («2.1.»); at most three levels in all.
    items: Option<Vec<AnswerItem>>,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct TableBlock {
    /// A table spanning the text width.
    table: TableFile,
}

/// A table cell, printed exactly as written.
#[derive(JsonSchema)]
#[schemars(untagged)]
#[allow(dead_code)]
enum Cell {
    Text(String),
    Number(f64),
    Empty(()),
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct TableFile {
    /// The caption, kept with the table, e.g. `Таблица 1. …`.
    caption: Option<String>,
    /// The header row: one name per column, set bold and repeated on every page.
    #[schemars(length(min = 1))]
    columns: Vec<Cell>,
    /// One alignment per column; default left.
    align: Option<Vec<AlignName>>,
    /// One relative width per column, e.g. [3, 1, 1].
    widths: Option<Vec<f64>>,
    /// The rows, each with as many cells as `columns`.
    #[schemars(length(min = 1))]
    rows: Vec<Vec<Cell>>,
    /// The total row, set bold, with as many cells as `columns`.
    total: Option<Vec<Cell>>,
}

/// A column's alignment.
#[derive(JsonSchema)]
#[allow(dead_code)]
#[schemars(rename_all = "lowercase")]
enum AlignName {
    Left,
    Center,
    Right,
}

/// One signer, or a list of signers.
#[derive(JsonSchema)]
#[schemars(untagged)]
#[allow(dead_code)]
enum Signatures {
    One(SignatureFile),
    Several(Vec<SignatureFile>),
}

/// `ru` (Russian) or `kk` (Kazakh).
#[derive(JsonSchema)]
#[allow(dead_code)]
#[schemars(rename_all = "lowercase")]
enum LangCode {
    Ru,
    Kk,
}

/// Printed lines: a text whose line breaks are kept, or a list of lines.
#[derive(JsonSchema)]
#[schemars(untagged)]
#[allow(dead_code)]
enum Lines {
    Text(String),
    List(Vec<String>),
}

/// A date written YYYY-MM-DD.
#[derive(JsonSchema)]
#[schemars(transparent)]
#[allow(dead_code)]
struct IsoDate(#[schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))] String);

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct LetterheadFile {
    /// The issuing body's name in Kazakh, printed at the left.
    kk: Option<String>,
    /// The issuing body's name in Russian, printed at the right.
    ru: Option<String>,
    /// A PNG or SVG image for the centre, relative to the letter file.
    emblem: Option<String>,
    /// Address / phone / e-mail line under the rule, Kazakh (left).
    contacts_kk: Option<String>,
    /// Address / phone / e-mail line under the rule, Russian (right).
    contacts_ru: Option<String>,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct OutgoingFile {
    /// This letter's registration number, e.g. `12-15/2417`.
    number: Option<String>,
    /// This letter's date (YYYY-MM-DD); also the PDF's creation date.
    date: Option<IsoDate>,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct InquiryFile {
    /// The inquiry's number as registered, e.g. `ДЗ-83`.
    number: String,
    /// The inquiry's date (YYYY-MM-DD).
    date: IsoDate,
    /// What the inquiry is about, as the opening sentence needs it (Russian: genitive after «касательно»).
    subject: Option<String>,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct AttachmentFile {
    /// The attachment's title.
    name: String,
    /// Number of sheets.
    #[schemars(range(min = 1))]
    sheets: u32,
    /// Number of copies.
    #[schemars(range(min = 1))]
    copies: Option<u32>,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct SignatureFile {
    /// The signer's position, one printed line per line, at the left of the signature.
    position: Option<Lines>,
    /// Initials and surname, flush with the right margin, e.g. `Е. Тугжанов`. Required, but may come from the defaults file.
    name: Option<String>,
    /// The signer acts for the position holder: «И.о.» before the position (ru), «м.а.» after it (kk). Write the position in the form this needs.
    acting: Option<bool>,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct ExecutorFile {
    /// The executor's name, e.g. `Турганбаев А.Е.`
    name: Option<String>,
    /// The executor's phone.
    phone: Option<String>,
}

/// The schema as pretty-printed JSON.
pub fn json() -> String {
    let schema = schemars::schema_for!(LetterFile);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn props<'a>(schema: &'a Value, path: &[&str]) -> Vec<&'a str> {
        let mut node = schema;
        for p in path {
            node = &node["properties"][*p];
            // Follow a $ref (possibly under anyOf for optional fields).
            let r = node["$ref"].as_str().or_else(|| {
                node["anyOf"]
                    .as_array()
                    .and_then(|a| a.iter().find_map(|v| v["$ref"].as_str()))
            });
            if let Some(r) = r {
                let name = r.rsplit('/').next().unwrap();
                node = &schema["$defs"][name];
            }
        }
        let mut names: Vec<&str> = node["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        names.sort();
        names
    }

    fn sorted(fields: &[&'static str]) -> Vec<&'static str> {
        let mut v = fields.to_vec();
        v.sort();
        v
    }

    #[test]
    fn schema_fields_match_the_validator() {
        let schema: Value = serde_json::from_str(&json()).unwrap();
        use super::super::validate::fields as f;
        assert_eq!(props(&schema, &[]), sorted(f::ROOT));
        assert_eq!(props(&schema, &["letterhead"]), sorted(f::LETTERHEAD));
        assert_eq!(props(&schema, &["outgoing"]), sorted(f::OUTGOING));
        assert_eq!(props(&schema, &["inquiry"]), sorted(f::INQUIRY));
        let def = |name: &str| -> Vec<&str> {
            let mut v: Vec<&str> = schema["$defs"][name]["properties"]
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            v.sort();
            v
        };
        assert_eq!(def("SignatureFile"), sorted(f::SIGNATURE));
        assert_eq!(def("ItemParts"), sorted(f::ITEM));
        assert_eq!(def("TableFile"), sorted(f::TABLE));
        assert_eq!(props(&schema, &["executor"]), sorted(f::EXECUTOR));
        assert_eq!(
            schema["$defs"]["AttachmentFile"]["properties"]
                .as_object()
                .unwrap()
                .len(),
            f::ATTACHMENT.len()
        );
    }

    #[test]
    fn schema_refuses_unknown_fields_and_describes_every_field() {
        let text = json();
        let schema: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(schema["additionalProperties"], Value::Bool(false));
        for (name, prop) in schema["properties"].as_object().unwrap() {
            assert!(prop["description"].is_string(), "{name} has no description");
        }
        for (def, body) in schema["$defs"].as_object().unwrap() {
            if let Some(props) = body["properties"].as_object() {
                assert_eq!(body["additionalProperties"], Value::Bool(false), "{def}");
                for (name, prop) in props {
                    assert!(
                        prop["description"].is_string(),
                        "{def}.{name} has no description"
                    );
                }
            }
        }
    }

    #[test]
    fn schema_accepts_the_v2_examples_and_refuses_a_bad_block() {
        let schema: Value = serde_json::from_str(&json()).unwrap();
        let validator = jsonschema::validator_for(&schema).unwrap();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/v2");
        for name in ["dz-517-reply.yaml", "kk-items-reply.yaml"] {
            let text = std::fs::read_to_string(dir.join(name)).unwrap();
            let letter: Value = serde_saphyr::from_str(&text).unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&letter)
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{name}: {errors:?}");
        }
        let text = std::fs::read_to_string(dir.join("dz-517-reply.yaml")).unwrap();
        let mut bad: Value = serde_saphyr::from_str(&text).unwrap();
        bad["body"][1]["table"]["align"][0] = "middle".into();
        assert!(!validator.is_valid(&bad));
        let mut bad: Value = serde_saphyr::from_str(&text).unwrap();
        bad["body"][0]["itms"] = bad["body"][0]["items"].take();
        assert!(!validator.is_valid(&bad));
    }
}
