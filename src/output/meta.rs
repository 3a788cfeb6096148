//! The outgoing document's registration card for ЕСЭДО (`render --meta`):
//! the fields a registry system asks for when the letter is sent, taken
//! from the checked letter and the typeset pages, as JSON with a published
//! schema (`zhauap schema --meta`, `docs/esedo-meta.schema.json`).
//!
//! The names are ЕСЭДО's concepts in English; the language is spelled as
//! ЕСЭДО spells it (`ru`, `kz`), not as ISO 639-1 does (`kk`).

use schemars::JsonSchema;
use serde::Serialize;

use crate::lang::Lang;
use crate::letter::{Letter, Text};
use crate::typeset::page::Pages;

/// Registration data of an outgoing letter, for ЕСЭДО.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields, title = "zhauap ESEDO metadata")]
pub struct Meta {
    /// The letter's registration number (`outgoing.number`); absent while the registry has not given one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The registration date, YYYY-MM-DD (`outgoing.date`); absent while not registered.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    pub date: Option<String>,
    /// The document's language as ЕСЭДО writes it: `ru` Russian, `kz` Kazakh.
    pub language: EsedoLang,
    /// Sheets of the document itself: its page count.
    #[schemars(range(min = 1))]
    pub sheets: usize,
    /// How many attachments the letter lists.
    pub attachments: usize,
    /// Sheets of all attachments together (their copies counted).
    pub attachment_sheets: u64,
    /// The document this letter answers.
    pub reply_to: ReplyTo,
    /// The heading (summary) of the letter, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The issuing body, as its letterhead names it, in each language given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sender: Option<Bilingual>,
    /// The addressee block, its lines joined by line breaks, in the letter's language.
    pub addressee: Bilingual,
    /// Who signs, in order (a joint letter has several).
    #[schemars(length(min = 1))]
    pub signers: Vec<Signer>,
    /// The executor (who prepared the letter) and their phone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub executor: Option<Executor>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub enum EsedoLang {
    #[serde(rename = "ru")]
    Ru,
    #[serde(rename = "kz")]
    Kz,
}

impl From<Lang> for EsedoLang {
    fn from(lang: Lang) -> Self {
        match lang {
            Lang::Ru => EsedoLang::Ru,
            Lang::Kk => EsedoLang::Kz,
        }
    }
}

/// A text in the state languages; a language not given is left out.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Bilingual {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ru: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kz: Option<String>,
}

impl Bilingual {
    /// `text` in `lang` only.
    fn one(lang: Lang, text: String) -> Bilingual {
        match lang {
            Lang::Ru => Bilingual {
                ru: Some(text),
                kz: None,
            },
            Lang::Kk => Bilingual {
                ru: None,
                kz: Some(text),
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ReplyTo {
    /// The inquiry's number as registered.
    pub number: String,
    /// The inquiry's date, YYYY-MM-DD.
    #[schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    pub date: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Signer {
    /// Initials and surname, as printed.
    pub name: String,
    /// The position, its lines joined by spaces, in the letter's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<Bilingual>,
    /// Signs for the position holder («И.о.» / «м.а.»).
    pub acting: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Executor {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

fn value(t: &Text) -> String {
    t.value.clone()
}

fn joined(lines: &[Text], sep: &str) -> String {
    lines
        .iter()
        .map(|t| t.value.as_str())
        .collect::<Vec<_>>()
        .join(sep)
}

/// The metadata of `letter` as typeset on `pages`.
pub fn of(letter: &Letter, pages: &Pages) -> Meta {
    let lang = letter.lang;
    let iso = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    let sender = letter
        .letterhead
        .as_ref()
        .map(|h| Bilingual {
            ru: h.ru.as_ref().map(value),
            kz: h.kk.as_ref().map(value),
        })
        .filter(|b| b.ru.is_some() || b.kz.is_some());
    Meta {
        number: letter.outgoing.number.as_ref().map(value),
        date: letter.outgoing.date.map(|d| iso(d.date)),
        language: lang.into(),
        sheets: pages.pages.len(),
        attachments: letter.attachments.len(),
        attachment_sheets: letter
            .attachments
            .iter()
            .map(|a| u64::from(a.sheets) * u64::from(a.copies.unwrap_or(1)))
            .sum(),
        reply_to: ReplyTo {
            number: value(&letter.inquiry.number),
            date: iso(letter.inquiry.date.date),
        },
        summary: letter.heading.as_ref().map(value),
        sender,
        addressee: Bilingual::one(lang, joined(&letter.addressee, "\n")),
        signers: letter
            .signatures
            .iter()
            .map(|s| Signer {
                name: value(&s.name),
                position: (!s.position.is_empty())
                    .then(|| Bilingual::one(lang, joined(&s.position, " "))),
                acting: s.acting,
            })
            .collect(),
        executor: letter.executor.as_ref().map(|e| Executor {
            name: e.name.as_ref().map(value),
            phone: e.phone.as_ref().map(value),
        }),
    }
}

/// The metadata as the file `--meta` writes: pretty JSON, one newline at
/// the end.
pub fn json(meta: &Meta) -> String {
    let mut text = serde_json::to_string_pretty(meta).unwrap_or_default();
    text.push('\n');
    text
}

/// The JSON Schema of [`Meta`] (`zhauap schema --meta`).
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(Meta);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
