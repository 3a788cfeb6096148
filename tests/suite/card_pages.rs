//! `zhauap card … --source LETTER.yaml` (issue 18): the card shows the
//! letter's own pages first, typeset again from its source and drawn by
//! zhauap's writer, then the signature sheets and the QR pages. The
//! letter's text copies out of the card's first pages exactly, the card
//! is still PDF/A-3b with its inputs embedded byte for byte and the same
//! bytes every run, and a source that does not give the signed PDF is
//! refused with nothing written.

use lopdf::Document;

use super::card::{assert_embeds_inputs, make_card as card, signed, verify};
use super::sign::letter;
use crate::common::pdf::Pdf;
use crate::common::sign::{detached_cms, ecdsa_signer, rsa_signer};
use crate::common::{REFERENCE, crate_path, engine, render};

/// The copied text of each page (artifacts left out).
fn page_texts(pdf: &Pdf) -> Vec<String> {
    pdf.pages
        .iter()
        .map(|p| {
            p.content_lines()
                .map(|l| l.text())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect()
}

/// The value of the card's XMP `pdfaid:` property `name`.
fn pdfa_id(doc: &Document, name: &str) -> Option<String> {
    let id = doc
        .catalog()
        .ok()?
        .get(b"Metadata")
        .ok()?
        .as_reference()
        .ok()?;
    let stream = doc.get_object(id).ok()?.as_stream().ok()?;
    let xmp = stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone());
    let xmp = String::from_utf8_lossy(&xmp).into_owned();
    // As an element (<pdfaid:part>3</pdfaid:part>) or an attribute (pdfaid:part="3").
    let element = format!("<pdfaid:{name}>");
    let attribute = format!("pdfaid:{name}=\"");
    let (at, end) = match (xmp.find(&element), xmp.find(&attribute)) {
        (Some(i), _) => (i + element.len(), '<'),
        (None, Some(i)) => (i + attribute.len(), '"'),
        (None, None) => return None,
    };
    xmp[at..].split(end).next().map(str::to_owned)
}

#[test]
fn a_card_with_the_source_shows_the_letter_first_and_stays_a_pdf_a_3b_of_its_inputs() {
    let dir = signed();
    let (ok, err, sheets_only) = card(dir.path(), "sheets.pdf", None);
    assert!(ok, "{err}");
    assert!(
        err.contains("--source"),
        "a card without the letter's pages says how to show them: {err}"
    );
    let (ok, err, shown) = card(dir.path(), "card.pdf", Some(&crate_path(REFERENCE)));
    assert!(ok, "{err}");
    let (ok, err, again) = card(dir.path(), "card-2.pdf", Some(&crate_path(REFERENCE)));
    assert!(ok, "{err}");
    let bytes = std::fs::read(&shown).unwrap();
    assert!(
        bytes == std::fs::read(&again).unwrap(),
        "two runs gave different cards"
    );

    // Pages: the letter's, then the sheets and the QR pages as before.
    let letter_pdf = Pdf::parse(letter()).unwrap();
    let sheets = Pdf::parse(&std::fs::read(&sheets_only).unwrap()).unwrap();
    let card_pdf = Pdf::parse(&bytes).unwrap();
    let n = letter_pdf.pages.len();
    assert!(n >= 2, "the reference letter has {n} pages");
    assert_eq!(card_pdf.pages.len(), n + sheets.pages.len());

    // The letter's text copies out of the card's first pages exactly,
    // page by page, and the rest is the sheets-only card's text.
    let (card_text, letter_text) = (page_texts(&card_pdf), page_texts(&letter_pdf));
    assert_eq!(card_text[..n], letter_text[..]);
    assert_eq!(card_text[n..], page_texts(&sheets)[..]);

    // PDF/A-3b, the letter and the CMS files embedded byte for byte.
    let doc = Document::load_mem(&bytes).unwrap();
    assert_eq!(pdfa_id(&doc, "part").as_deref(), Some("3"));
    assert_eq!(pdfa_id(&doc, "conformance").as_deref(), Some("B"));
    assert_embeds_inputs(&doc, dir.path());

    let (code, said) = verify(&shown);
    assert_eq!(code, Some(0), "{said}");
}

#[test]
fn a_source_that_does_not_give_the_signed_letter_is_refused_and_nothing_is_written() {
    let dir = signed();
    let (ok, err, out) = card(
        dir.path(),
        "card.pdf",
        Some(&crate_path("examples/kk-reply.yaml")),
    );
    assert!(!ok, "a card from another letter's source was made");
    assert!(!out.exists(), "a refused card was written");
    assert!(
        err.contains("kk-reply.yaml")
            && err.contains("byte for byte")
            && err.contains("--templates"),
        "{err}"
    );
    // A source with an error is refused at its place.
    let broken = dir.path().join("broken.yaml");
    std::fs::write(&broken, "lang: ru\nnumber: [\n").unwrap();
    let (ok, err, _) = card(dir.path(), "card.pdf", Some(&broken));
    assert!(!ok && !out.exists(), "{err}");
    assert!(err.contains("broken.yaml:"), "{err}");
}

#[test]
fn a_card_of_a_letter_with_a_qr_requisite_verifies_with_the_letter_shown() {
    // The letter's own QR code (page 1) comes before the signatures' codes.
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(crate_path(REFERENCE)).unwrap();
    let source = dir.path().join("letter.yaml");
    std::fs::write(
        &source,
        format!("qr: \"https://esedo.example.kz/d/1\"\n{text}"),
    )
    .unwrap();
    let letter = render(&engine(), source.to_str().unwrap()).rendered.bytes;
    std::fs::write(dir.path().join("letter.pdf"), &letter).unwrap();
    for (name, signer) in [("rsa.cms", rsa_signer()), ("ecdsa.cms", ecdsa_signer())] {
        std::fs::write(dir.path().join(name), detached_cms(&letter, signer)).unwrap();
    }
    let (ok, err, _) = card(dir.path(), "card.pdf", Some(&source));
    assert!(ok, "{err}");
    let card = std::fs::read(dir.path().join("card.pdf")).unwrap();
    let shown = zhauap::card::read::drawn_codes(&card, 0).unwrap();
    let own = zhauap::card::read::drawn_codes(&letter, 0).unwrap();
    assert_eq!(own.len(), 1, "the letter draws its requisite");
    assert!(
        shown.len() > 1 && shown[0] == own[0],
        "{} codes",
        shown.len()
    );
    let (code, said) = verify(&dir.path().join("card.pdf"));
    assert_eq!(code, Some(0), "{said}");
}
