//! `zhauap card` and `zhauap verify CARD.pdf` (issue 18): the document card
//! of a signed letter is the same bytes on every run, carries the letter
//! and its CMS files byte for byte, prints the law's sentence and the
//! signers in both state languages, and a card whose letter or signature
//! was swapped after it was made is refused.

use std::path::{Path, PathBuf};

use lopdf::{Document, Object};

use super::sign::letter;
use crate::common::pdf::Pdf;
use crate::common::sign::{self, Options, ecdsa_signer, rsa_signer};
use crate::common::zhauap;

const RU: &str = "Данный документ согласно пункту 1 статьи 7 ЗРК от 7 января 2003 года \
                  N370-II «Об электронном документе и электронной цифровой подписи» \
                  равнозначен документу на бумажном носителе.";
const KK: &str = "Осы құжат «Электрондық құжат және электрондық цифрлық қолтаңба туралы» \
                  Қазақстан Республикасының 2003 жылғы 7 қаңтардағы N370-II Заңы 7 бабының \
                  1 тармағына сәйкес қағаз тасығыштағы құжатпен бірдей.";

/// A folder with the reference letter, its RSA and ECDSA signatures and a
/// joint signature by both.
pub(super) fn signed() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("letter.pdf"), letter()).unwrap();
    std::fs::write(
        dir.path().join("rsa.cms"),
        sign::detached_cms(letter(), rsa_signer()),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("ecdsa.cms"),
        sign::detached_cms(letter(), ecdsa_signer()),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("joint.cms"),
        sign::cms(
            letter(),
            &[rsa_signer(), ecdsa_signer()],
            &Options::default(),
        ),
    )
    .unwrap();
    dir
}

/// `zhauap card letter.pdf rsa.cms ecdsa.cms -o OUT [--source SOURCE]` in
/// `dir`: whether it succeeded, its stderr, and the card's path.
pub(super) fn make_card(dir: &Path, out: &str, source: Option<&Path>) -> (bool, String, PathBuf) {
    let mut command = zhauap();
    command
        .current_dir(dir)
        .args(["card", "letter.pdf", "rsa.cms", "ecdsa.cms", "-o", out]);
    if let Some(source) = source {
        command.arg("--source").arg(source);
    }
    let run = command.output().unwrap();
    (
        run.status.success(),
        String::from_utf8_lossy(&run.stderr).into_owned(),
        dir.join(out),
    )
}

fn card(dir: &Path, out: &str) -> PathBuf {
    let (ok, err, card) = make_card(dir, out, None);
    assert!(ok, "{err}");
    card
}

pub(super) fn verify(card: &Path) -> (Option<i32>, String) {
    let run = zhauap().arg("verify").arg(card).output().unwrap();
    (
        run.status.code(),
        String::from_utf8_lossy(&run.stdout).into_owned() + &String::from_utf8_lossy(&run.stderr),
    )
}

/// The streams of the card's embedded files, in the order of its name tree,
/// read with lopdf (not with the program's own reader).
pub(super) fn embedded(doc: &Document) -> Vec<(String, lopdf::ObjectId)> {
    let get = |o: &Object| match o {
        Object::Reference(id) => doc.get_object(*id).unwrap().clone(),
        other => other.clone(),
    };
    let names = get(doc.catalog().unwrap().get(b"Names").unwrap());
    let files = get(names.as_dict().unwrap().get(b"EmbeddedFiles").unwrap());
    let pairs = get(files.as_dict().unwrap().get(b"Names").unwrap());
    let pairs = pairs.as_array().unwrap();
    pairs
        .chunks(2)
        .map(|pair| {
            let Object::String(name, _) = get(&pair[0]) else {
                panic!("a file without a name")
            };
            let spec = get(&pair[1]);
            let ef = get(spec.as_dict().unwrap().get(b"EF").unwrap());
            let Object::Reference(id) = ef.as_dict().unwrap().get(b"F").unwrap() else {
                panic!("an embedded file's data is not a stream object")
            };
            (String::from_utf8(name).unwrap(), *id)
        })
        .collect()
}

/// The card embeds letter.pdf, rsa.cms and ecdsa.cms of `dir`, in that
/// order, byte for byte.
pub(super) fn assert_embeds_inputs(doc: &Document, dir: &Path) {
    let files = embedded(doc);
    let inputs = ["letter.pdf", "rsa.cms", "ecdsa.cms"];
    assert_eq!(files.len(), inputs.len(), "{files:?}");
    for ((name, id), input) in files.iter().zip(inputs) {
        assert!(
            content(doc, *id) == std::fs::read(dir.join(input)).unwrap(),
            "{name} is not {input} byte for byte"
        );
    }
}

fn content(doc: &Document, id: lopdf::ObjectId) -> Vec<u8> {
    let stream = doc.get_object(id).unwrap().as_stream().unwrap();
    match stream.dict.get(b"Filter") {
        Ok(_) => stream.decompressed_content().unwrap(),
        Err(_) => stream.content.clone(),
    }
}

#[test]
fn a_card_is_the_same_bytes_every_run_and_carries_its_inputs_byte_for_byte() {
    let dir = signed();
    let first = std::fs::read(card(dir.path(), "card-1.pdf")).unwrap();
    let second = std::fs::read(card(dir.path(), "card-2.pdf")).unwrap();
    assert!(first == second, "two runs gave different cards");
    assert_embeds_inputs(&Document::load_mem(&first).unwrap(), dir.path());
    assert_eq!(verify(&dir.path().join("card-1.pdf")).0, Some(0));
}

#[test]
fn the_signature_sheets_copy_out_the_law_and_the_signers_in_both_languages() {
    let dir = signed();
    let bytes = std::fs::read(card(dir.path(), "card.pdf")).unwrap();
    let pdf = Pdf::parse(&bytes).unwrap();
    let text: String = pdf.pages.iter().map(|p| p.text()).collect();
    // Lines joined as a reader copies a paragraph.
    let flat = text.replace("-\n", "").replace('\n', " ");
    for sentence in [RU, KK] {
        assert!(flat.contains(sentence), "missing «{sentence}» in\n{text}");
    }
    // A Russian letter: the Russian sheet first.
    assert!(flat.find(RU).unwrap() < flat.find(KK).unwrap());
    for signer in [rsa_signer(), ecdsa_signer()] {
        let read =
            zhauap::sign::parse_signature(Path::new("x.cms"), sign::detached_cms(letter(), signer))
                .unwrap();
        let s = &read.signers[0];
        for field in [
            Some(&s.name),
            s.iin.as_ref(),
            s.bin.as_ref(),
            Some(&s.serial),
        ]
        .into_iter()
        .flatten()
        {
            assert_eq!(
                flat.matches(field.as_str()).count(),
                2,
                "«{field}» should print once on each sheet:\n{text}"
            );
        }
    }
}

#[test]
fn a_card_whose_letter_or_signature_was_swapped_is_refused() {
    let dir = signed();
    let made = card(dir.path(), "card.pdf");
    let bytes = std::fs::read(&made).unwrap();
    let joint = std::fs::read(dir.path().join("joint.cms")).unwrap();
    let mut changed_letter = letter().to_vec();
    let at = changed_letter.len() / 2;
    changed_letter[at] ^= 1;
    let cases: [(&str, usize, Vec<u8>, &str); 2] = [
        // The letter changed by one byte: its digest no longer matches.
        ("letter", 0, changed_letter, "digest"),
        // A genuine signature of the same letter, but not the one the
        // card's QR codes carry.
        ("signature", 2, joint, "QR"),
    ];
    for (what, index, replacement, expected) in cases {
        let mut doc = Document::load_mem(&bytes).unwrap();
        let id = embedded(&doc)[index].1;
        let stream = doc.get_object_mut(id).unwrap().as_stream_mut().unwrap();
        stream.dict.remove(b"DecodeParms");
        stream.set_plain_content(replacement);
        let forged = dir.path().join(format!("forged-{what}.pdf"));
        doc.save(&forged).unwrap();
        let (code, said) = verify(&forged);
        assert_eq!(code, Some(1), "swapped {what}: {said}");
        assert!(said.contains(expected), "swapped {what}: {said}");
    }
}
