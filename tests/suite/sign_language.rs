//! `zhauap verify` in the clerk's language (issues 16 and 18): with
//! `LANG=ru_RU.UTF-8` or `kk_KZ.UTF-8`, what verify prints about a genuine
//! and a tampered letter has no English word besides names (the signer's,
//! the issuer's, files) and the ids of algorithms and formats; with
//! `--ui-lang en` it is the English of the other tests.

use std::path::Path;

use super::sign::letter;
use crate::common::sign::{self, RSA_NAME, rsa_signer};
use crate::common::zhauap;

/// ASCII words a Russian or Kazakh line may hold: algorithms, formats,
/// standards, the programs named in the help and the program itself.
const ALLOWED: &[&str] = &[
    "RSA", "PSS", "ECDSA", "SHA", "GOST", "UTC", "PDF", "CMS", "OCSP", "CRL", "DER", "PEM",
    "NCALayer", "ezSigner", "zhauap", "P",
];

/// verify `letter.pdf rsa.cms` in `dir` with `LANG=lang` (and `args`):
/// exit code and everything printed.
fn verify(dir: &Path, lang: &str, args: &[&str]) -> (Option<i32>, String) {
    let out = zhauap()
        .current_dir(dir)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env("LANG", lang)
        .args(args)
        .args(["verify", "letter.pdf", "rsa.cms"])
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code(), text)
}

/// The ASCII words of `text` not allowed in a Russian or Kazakh message,
/// after names, files, options, OIDs and hex serials are taken out.
fn english_words(text: &str) -> Vec<String> {
    let cert = rsa_signer().cert.tbs_certificate();
    let serial = zhauap::sign::parse_signature(
        Path::new("x.cms"),
        sign::detached_cms(letter(), rsa_signer()),
    )
    .unwrap()
    .signers[0]
        .serial
        .clone();
    let issuer = zhauap::sign::common_name(cert.issuer());
    let mut text = text.to_owned();
    for name in [RSA_NAME, &issuer, &serial, "letter.pdf", "rsa.cms"] {
        text = text.replace(name, " ");
    }
    text.split(|c: char| c.is_whitespace() || ",;:()«»".contains(c))
        .filter(|w| !w.starts_with("--") && !w.contains('.'))
        .flat_map(|w| {
            w.split(|c: char| !c.is_ascii_alphabetic())
                .filter(|p| !p.is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .filter(|w| !ALLOWED.contains(&w.as_str()))
        .collect()
}

#[test]
fn verify_speaks_russian_and_kazakh_on_a_genuine_and_a_tampered_letter() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("rsa.cms"),
        sign::detached_cms(letter(), rsa_signer()),
    )
    .unwrap();
    let mut tampered = letter().to_vec();
    let middle = tampered.len() / 2;
    tampered[middle] ^= 1;
    for (lang, valid, invalid) in [
        ("ru_RU.UTF-8", "верно", "НЕВЕРНО"),
        ("kk_KZ.UTF-8", "дұрыс", "ДҰРЫС ЕМЕС"),
    ] {
        std::fs::write(dir.path().join("letter.pdf"), letter()).unwrap();
        let (code, said) = verify(dir.path(), lang, &[]);
        assert_eq!(code, Some(0), "{lang}: {said}");
        assert!(
            said.contains(valid) && said.contains(RSA_NAME),
            "{lang}: {said}"
        );
        assert_eq!(
            english_words(&said),
            Vec::<String>::new(),
            "{lang}:\n{said}"
        );

        std::fs::write(dir.path().join("letter.pdf"), &tampered).unwrap();
        let (code, said) = verify(dir.path(), lang, &[]);
        assert_eq!(code, Some(1), "{lang}: {said}");
        assert!(said.contains(invalid), "{lang}: {said}");
        assert_eq!(
            english_words(&said),
            Vec::<String>::new(),
            "{lang}:\n{said}"
        );
    }
    // The check finds English: the English output is full of it.
    std::fs::write(dir.path().join("letter.pdf"), letter()).unwrap();
    let (code, said) = verify(dir.path(), "ru_RU.UTF-8", &["--ui-lang", "en"]);
    assert_eq!(code, Some(0), "{said}");
    assert!(
        said.contains("verified: 1 signer(s) of letter.pdf")
            && said.contains("valid         digest: the letter's digest is the one signed"),
        "{said}"
    );
    assert!(english_words(&said).contains(&"signer".to_owned()));
}
