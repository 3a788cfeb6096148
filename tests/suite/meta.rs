//! `render --meta`: the ЕСЭДО registration data of the letter written, valid
//! against its published schema, with sheets counted from the PDF itself;
//! a refused letter writes no data file.

use crate::common::pdf::Pdf;
use crate::common::{crate_path, zhauap};

fn meta_schema() -> serde_json::Value {
    let out = zhauap().args(["schema", "--meta"]).output().unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_published_schema_file_is_the_one_the_program_prints() {
    let printed = zhauap().args(["schema", "--meta"]).output().unwrap().stdout;
    let file = std::fs::read(crate_path("docs/esedo-meta.schema.json")).unwrap();
    assert!(
        printed == file,
        "docs/esedo-meta.schema.json is stale: write it again with\n  \
         cargo run --release -q -- schema --meta > docs/esedo-meta.schema.json"
    );
}

#[test]
fn meta_of_the_russian_and_kazakh_letters_validates_and_counts_the_pdf_pages() {
    let validator = jsonschema::validator_for(&meta_schema()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for (rel, lang, addressee) in [
        ("examples/dz-83-reply.yaml", "ru", "Депутатам Мажилиса"),
        ("examples/kk-reply.yaml", "kz", "Мәжіліс"),
    ] {
        let pdf = dir.path().join(format!("{lang}.pdf"));
        let json = dir.path().join(format!("{lang}/meta.json"));
        zhauap()
            .args(["render", crate_path(rel).to_str().unwrap(), "-o"])
            .arg(&pdf)
            .arg("--meta")
            .arg(&json)
            .assert()
            .success();
        let meta: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&meta)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{rel}: {errors:?}\n{meta:#}");
        let pages = Pdf::parse(&std::fs::read(&pdf).unwrap())
            .unwrap()
            .pages
            .len();
        assert_eq!(meta["sheets"], pages, "{rel}: sheets = the PDF's pages");
        assert_eq!(meta["language"], lang, "{rel}");
        assert_eq!(meta["number"], "12-15/2417", "{rel}");
        assert_eq!(meta["date"], "2020-05-14", "{rel}");
        assert_eq!(meta["reply_to"]["number"], "ДЗ-83", "{rel}");
        assert!(
            meta["addressee"][lang]
                .as_str()
                .is_some_and(|a| a.contains(addressee)),
            "{rel}: {meta:#}"
        );
        let other = if lang == "ru" { "kz" } else { "ru" };
        assert!(meta["addressee"].get(other).is_none(), "{rel}");
        // The letterhead names the sender in both languages.
        assert!(meta["sender"]["ru"].is_string() && meta["sender"]["kz"].is_string());
        assert!(meta["signers"][0]["name"].is_string(), "{rel}");
        // (The examples' signer has no position: none is invented.)
        assert!(meta["signers"][0].get("position").is_none(), "{meta:#}");
        assert!(meta["executor"]["phone"].is_string(), "{rel}");
        assert!(meta["attachments"].is_u64(), "{rel}");
    }
    // A wrong value is caught by the schema: it checks something.
    let mut bad = serde_json::json!({"language": "kk"});
    bad["sheets"] = 0.into();
    assert!(!validator.is_valid(&bad));
}

#[test]
fn a_refused_letter_writes_no_meta_file() {
    let dir = tempfile::tempdir().unwrap();
    let letter = dir.path().join("bad.yaml");
    std::fs::write(&letter, "inquiry:\n  number: ДЗ-1\n").unwrap();
    let json = dir.path().join("bad.json");
    zhauap()
        .args(["render", letter.to_str().unwrap(), "--meta"])
        .arg(&json)
        .assert()
        .code(1);
    assert!(!json.exists());
    assert!(!dir.path().join("bad.pdf").exists());
}
