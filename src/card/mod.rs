//! The document card (`zhauap card`): a PDF/A-3b file after the ddcard
//! specification (docs/card.md says where zhauap departs from it). Its
//! pages are the letter's own pages when its source is given (typeset
//! again and drawn by our writer: krilla's PDF/A validator refuses
//! embedded PDF pages), then the signature sheet in the letter's language
//! and the other state language (the Art. 7 sentence and a table of the
//! signers, worded by `templates/card/`), then the QR codes that
//! carry each signature whole ([`chunks`]). Its embedded files are the
//! letter, byte for byte, and then the CMS files. Same inputs, same bytes:
//! no clock, no random identifier.

pub mod chunks;
pub mod read;

use std::path::Path;

use serde::Serialize;
use tera::{Context, Tera};

use crate::document;
use crate::lang::Lang;
use crate::sign::Signature;
use crate::typeset::page::{MM, PAGE_HEIGHT, Page, Pages};
use crate::typeset::qr::{self, QrMark};
use crate::typeset::{Resources, Rules};

/// The QR codes' side on the page: 117 modules (version 25) of 0.6 mm,
/// which a phone and `zbarimg` read from a print or a 200 dpi scan.
pub const CODE_SIDE: f32 = 70.0 * MM;
/// Codes on a QR page: two columns of three.
const COLUMNS: usize = 2;
const ROWS: usize = 3;

const TEMPLATES: [(&str, &str); 2] = [
    ("card/ru.tera", include_str!("../../templates/card/ru.tera")),
    ("card/kk.tera", include_str!("../../templates/card/kk.tera")),
];

/// A signer as the sheet's template sees it.
#[derive(Serialize)]
struct SheetSigner {
    number: usize,
    name: String,
    iin: Option<String>,
    bin: Option<String>,
    organization: Option<String>,
    serial: String,
    issuer: String,
    not_before: String,
    not_after: String,
    signing_time: Option<String>,
    algorithm: String,
}

fn time(t: chrono::NaiveDateTime) -> String {
    t.format("%Y-%m-%d %H:%M:%S").to_string()
}

/// The date the card is of: the last signing time, else the latest start
/// of a certificate's validity (never the clock).
pub fn card_date(signatures: &[Signature]) -> Option<chrono::NaiveDateTime> {
    let signers = signatures.iter().flat_map(|s| &s.signers);
    signers
        .clone()
        .filter_map(|s| s.signing_time)
        .max()
        .or_else(|| signers.map(|s| s.not_before).max())
}

/// The sheet's pages in `lang`.
fn sheet(
    lang: Lang,
    letter: &str,
    signatures: &[Signature],
    codes: usize,
) -> Result<Pages, String> {
    let mut tera = Tera::new();
    tera.set_escape_fn(crate::compose::escape_markup);
    tera.autoescape_on([".tera"]);
    for (name, text) in TEMPLATES {
        tera.add_raw_template(name, text)
            .map_err(|e| format!("templates/{name}: {e}"))?;
    }
    let signers: Vec<SheetSigner> = signatures
        .iter()
        .flat_map(|s| &s.signers)
        .enumerate()
        .map(|(i, s)| SheetSigner {
            number: i + 1,
            name: s.name.clone(),
            iin: s.iin.clone(),
            bin: s.bin.clone(),
            organization: s.organization.clone(),
            serial: s.serial.clone(),
            issuer: s.issuer.clone(),
            not_before: time(s.not_before),
            not_after: time(s.not_after),
            signing_time: s.signing_time.map(time),
            algorithm: format!("{}, {}", s.algorithm.name(), s.digest.name()),
        })
        .collect();
    let mut context = Context::new();
    context.insert("letter", letter);
    context.insert(
        "date",
        &card_date(signatures)
            .map(|t| t.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
    );
    context.insert("signers", &signers);
    context.insert("codes", &codes);
    let name = format!("card/{}.tera", lang.code());
    let markup = tera
        .render(&name, &context)
        .map_err(|e| format!("templates/{name}: {e}"))?;
    let doc = document::parse(&markup, Path::new(&format!("<built-in>/{name}")), lang)
        .map_err(|e| e.render(false))?;
    crate::typeset::typeset(&doc, &Resources::default(), &Rules::default())
        .map_err(|e| format!("the signature sheet could not be set: {e:?}"))
}

/// Every signature's QR codes, in order, each with the text it carries.
pub fn codes(signatures: &[Signature]) -> Result<Vec<(String, qr::Symbol)>, String> {
    let mut out = Vec::new();
    for (i, s) in signatures.iter().enumerate() {
        for chunk in chunks::split(i as u32 + 1, &s.bytes) {
            let text = chunk.json();
            let symbol = qr::encode(text.as_bytes(), chunks::VERSION)
                .map_err(|e| format!("a QR chunk does not fit its code: {e:?}"))?;
            out.push((text, symbol));
        }
    }
    Ok(out)
}

/// The codes laid out on pages: two columns of three a page, inside the
/// margins, in reading order.
pub fn code_pages(symbols: &[qr::Symbol]) -> Vec<Vec<QrMark>> {
    let r = Rules::default();
    let gap_x = (r.text_width() - COLUMNS as f32 * CODE_SIDE) / (COLUMNS as f32 - 1.0);
    let height = PAGE_HEIGHT - r.margin_top - r.margin_bottom;
    let gap_y = (height - ROWS as f32 * CODE_SIDE) / (ROWS as f32 - 1.0);
    symbols
        .chunks(COLUMNS * ROWS)
        .map(|page| {
            page.iter()
                .enumerate()
                .map(|(k, s)| {
                    let (row, col) = (k / COLUMNS, k % COLUMNS);
                    s.place(
                        r.margin_left + col as f32 * (CODE_SIDE + gap_x),
                        r.margin_top + row as f32 * (CODE_SIDE + gap_y),
                        CODE_SIDE,
                    )
                })
                .collect()
        })
        .collect()
}

/// The other state language.
fn other(lang: Lang) -> Lang {
    match lang {
        Lang::Ru => Lang::Kk,
        Lang::Kk => Lang::Ru,
    }
}

/// Puts `more`'s pages after `into`'s. Each typeset document numbers its
/// blocks from 0, and the PDF writer groups a tagged block's lines by that
/// number: `more`'s blocks are renumbered after `into`'s so that two
/// documents' blocks never merge into one structure element.
fn append(into: &mut Pages, more: Pages) {
    let first_free = into
        .pages
        .iter()
        .flat_map(|p| {
            p.runs
                .iter()
                .map(|r| r.block)
                .chain(p.lines.iter().map(|l| l.block))
        })
        .filter(|b| !b.is_page_number())
        .map(|b| b.index + 1)
        .max()
        .unwrap_or(0);
    for mut page in more.pages {
        for block in page
            .runs
            .iter_mut()
            .map(|r| &mut r.block)
            .chain(page.lines.iter_mut().map(|l| &mut l.block))
        {
            if !block.is_page_number() {
                block.index += first_free;
            }
        }
        into.pages.push(page);
    }
}

/// The card's own pages (after the letter's): the sheet in `lang` and in
/// the other state language, then the QR pages.
pub fn pages(lang: Lang, letter: &str, signatures: &[Signature]) -> Result<Pages, String> {
    let codes = codes(signatures)?;
    let mut first = sheet(lang, letter, signatures, codes.len())?;
    let second = sheet(other(lang), letter, signatures, codes.len())?;
    append(&mut first, second);
    let symbols: Vec<qr::Symbol> = codes.into_iter().map(|(_, s)| s).collect();
    for marks in code_pages(&symbols) {
        first.pages.push(Page {
            codes: marks,
            ..Page::default()
        });
    }
    Ok(first)
}

/// The language of a letter PDF zhauap wrote (its catalog's `/Lang`),
/// Russian when it does not say.
pub fn letter_lang(pdf: &[u8]) -> Lang {
    read::catalog_lang(pdf)
        .and_then(|l| Lang::parse(&l))
        .unwrap_or(Lang::Ru)
}

/// The names the card embeds its files under: the letter's own name, and
/// after it the signatures as `LETTER.1.cms`, `LETTER.2.cms`… A PDF's name
/// tree is sorted by name; these names sort in the specification's order
/// (the document first, then its signatures in order).
pub fn file_names(letter: &str, count: usize) -> Vec<String> {
    let width = count.to_string().len();
    let mut names = vec![letter.to_owned()];
    names.extend((1..=count).map(|i| format!("{letter}.{i:0width$}.cms")));
    names
}

fn pdf_time(t: chrono::NaiveDateTime) -> krilla::metadata::DateTime {
    use chrono::{Datelike, Timelike};
    krilla::metadata::DateTime::new(t.year().clamp(0, 9999) as u16)
        .month(t.month() as u8)
        .day(t.day() as u8)
        .hour(t.hour() as u8)
        .minute(t.minute() as u8)
        .second(t.second() as u8)
        .utc_offset_hour(0)
        .utc_offset_minute(0)
}

/// The card of `letter` (its file name and bytes) signed by `signatures`.
/// `shown`: the letter's typeset pages, drawn first (the caller has made
/// sure they are the pages of `letter`: `zhauap card --source` renders the
/// letter again and compares the bytes); without them
/// the card opens with the signature sheet.
pub fn build(
    letter_name: &str,
    letter: &[u8],
    signatures: &[Signature],
    shown: Option<&Pages>,
) -> Result<Vec<u8>, String> {
    use krilla::embed::{AssociationKind, EmbeddedFile, MimeType};
    if lopdf::Document::load_mem(letter).is_err() {
        return Err(crate::tr!("card-letter-not-pdf"));
    }
    let lang = letter_lang(letter);
    let own = pages(lang, letter_name, signatures)?;
    let pages = match shown {
        Some(letter_pages) => {
            if letter_pages.draft.is_some() {
                return Err(crate::tr!("card-letter-draft"));
            }
            let mut all = Pages {
                info: own.info.clone(),
                pages: letter_pages.pages.clone(),
                draft: None,
            };
            append(&mut all, own);
            all
        }
        None => own,
    };
    let date = card_date(signatures).map(pdf_time);
    let names = file_names(letter_name, signatures.len());
    let mut files = vec![EmbeddedFile {
        path: names[0].clone(),
        mime_type: MimeType::new("application/pdf"),
        description: Some("the signed document".into()),
        association_kind: AssociationKind::Source,
        data: letter.to_vec().into(),
        modification_date: date,
        compress: Some(false),
        location: None,
    }];
    for (s, name) in signatures.iter().zip(&names[1..]) {
        files.push(EmbeddedFile {
            path: name.clone(),
            mime_type: MimeType::new("application/pkcs7-signature"),
            description: Some("a detached CMS signature of the document".into()),
            association_kind: AssociationKind::Supplement,
            data: s.bytes.clone().into(),
            modification_date: date,
            compress: Some(false),
            location: None,
        });
    }
    let mut pages = pages;
    if let Some(t) = card_date(signatures) {
        pages.info.date = Some(t.date());
    }
    crate::output::pdf::write_card(&pages, crate::output::pdf::CardParts { files })
}

/// A card read back: the letter and its signatures' files as embedded.
pub struct Opened {
    pub letter: read::Embedded,
    pub signatures: Vec<read::Embedded>,
}

/// Opens a card: its embedded files (the letter first), checking that the
/// QR codes its pages draw carry exactly its embedded signatures.
pub fn open(card: &[u8]) -> Result<Opened, String> {
    let mut files = read::embedded_files(card)?.into_iter();
    let letter = files.next().ok_or_else(|| crate::tr!("card-no-files"))?;
    let signatures: Vec<read::Embedded> = files.collect();
    if signatures.is_empty() {
        return Err(crate::tr!("card-no-signature", letter = &letter.name));
    }
    let mut expected = Vec::new();
    for (i, s) in signatures.iter().enumerate() {
        for chunk in chunks::split(i as u32 + 1, &s.bytes) {
            let symbol = qr::encode(chunk.json().as_bytes(), chunks::VERSION)
                .map_err(|e| format!("a QR chunk does not fit its code: {e:?}"))?;
            let mut runs = symbol.runs;
            runs.sort_unstable();
            expected.push((symbol.width, runs));
        }
    }
    let mut drawn = read::drawn_codes(card, 0)?;
    // A card made with the letter's source shows the letter first, and
    // with it the letter's own QR requisite (page 1): exactly those codes
    // may come before the signatures'.
    let own = read::drawn_codes(&letter.bytes, 0).unwrap_or_default();
    if !own.is_empty() && drawn.len() == own.len() + expected.len() && drawn.starts_with(&own) {
        drawn.drain(..own.len());
    }
    if drawn != expected {
        return Err(crate::tr!(
            "card-qr-disagrees",
            drawn = drawn.len(),
            differ = drawn.iter().zip(&expected).filter(|(a, b)| a != b).count()
                + drawn.len().abs_diff(expected.len())
        ));
    }
    Ok(Opened { letter, signatures })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn blocks(pages: &[Page]) -> BTreeSet<usize> {
        pages
            .iter()
            .flat_map(|p| &p.runs)
            .filter(|r| !r.block.is_page_number())
            .map(|r| r.block.index)
            .collect()
    }

    #[test]
    fn appended_documents_never_share_a_block_number() {
        // Two typeset documents both number their blocks from 0: the PDF
        // writer would merge their lines into one tagged block.
        let ru = sheet(Lang::Ru, "letter.pdf", &[], 0).unwrap();
        let kk = sheet(Lang::Kk, "letter.pdf", &[], 0).unwrap();
        let (first, second) = (blocks(&ru.pages), blocks(&kk.pages));
        assert!(
            !first.is_disjoint(&second),
            "the test needs overlapping numbers"
        );
        let split = ru.pages.len();
        let mut both = ru.clone();
        append(&mut both, kk.clone());
        let (a, b) = (blocks(&both.pages[..split]), blocks(&both.pages[split..]));
        assert_eq!(a, first);
        assert!(a.is_disjoint(&b), "{a:?} {b:?}");
        assert_eq!(b.len(), second.len());
        // The text is unchanged.
        assert_eq!(both.text(), ru.text() + &kk.text());
    }
}
