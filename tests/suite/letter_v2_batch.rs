//! Letter format v2 in `batch`: a mail merge renders one letter per data
//! row, reports a bad cell at its row and column and renders the others,
//! and re-renders only the rows that changed; defaults files found among the
//! letters are skipped, and changing one re-renders exactly the letters that
//! use it. PDFs are read back with the test reader.

use std::fs;
use std::path::Path;

use crate::common::pdf::Pdf;
use crate::common::zhauap as command;
use serde_json::Value;

const SHARED: &str = "lang: ru
letterhead:
  kk: ҚАЗАҚСТАН РЕСПУБЛИКАСЫ ДЕНСАУЛЫҚ САҚТАУ МИНИСТРЛІГІ
  ru: МИНИСТЕРСТВО ЗДРАВООХРАНЕНИЯ РЕСПУБЛИКИ КАЗАХСТАН
signature:
  position: |
    Вице-министр
    здравоохранения
  name: А. Ғиният
executor: { name: Сейтказина Д.М., phone: 74-37-12 }
";

fn letter(defaults: Option<&str>, number: &str) -> String {
    let head = defaults.map_or(String::new(), |d| format!("defaults: {d}\n"));
    format!(
        "{head}inquiry: {{ number: {number}, date: 2026-02-27 }}
outgoing: {{ number: 04-1/8800, date: 2026-03-16 }}
addressee: |
  Депутату Мажилиса
  Парламента Республики Казахстан
salutation: Уважаемый депутат!
body:
  - Министерство рассмотрело ваш запрос и сообщает следующее.
signature: {{ name: Е. Тугжанов }}
"
    )
}

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn zhauap(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = command().current_dir(dir).args(args).output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn text_of(path: &Path) -> String {
    let pdf = Pdf::parse(&fs::read(path).unwrap()).unwrap();
    pdf.pages
        .iter()
        .flat_map(|p| p.rows())
        .collect::<Vec<_>>()
        .join("\n")
}

fn report(dir: &Path) -> Value {
    serde_json::from_slice(&fs::read(dir.join("report.json")).unwrap()).unwrap()
}

/// (output file name, status) of every rendered or unchanged letter.
fn statuses(report: &Value) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = report["letters"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|l| {
            let out = l["output"]["path"].as_str()?;
            let name = Path::new(out).file_name()?.to_string_lossy().into_owned();
            Some((name, l["status"].as_str()?.to_owned()))
        })
        .collect();
    v.sort();
    v
}

/// Runs `args` in `dir`, which must succeed, and checks the status of every
/// output of the report.
fn run_expecting(dir: &Path, args: &[&str], expected: &[(&str, &str)]) {
    let (code, stderr) = zhauap(dir, args);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(statuses(&report(dir)), pairs(expected), "{stderr}");
}

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

const ROWS: &str = "file,addressee,salutation,outgoing.number,outgoing.date
abenov,\"Депутату Мажилиса
Абенову Н.К.\",Уважаемый Нурлан Кайратович!,04-1/8812,2026-03-16
sarsenova,\"Депутату Мажилиса
Сарсеновой Г.Т.\",Уважаемая Гульнара Толеуовна!,04-1/8813,2026-03-16
bad,Депутату,Уважаемый депутат!,04-1/8814,2026-02-30
";

#[test]
fn a_mail_merge_renders_a_letter_per_row_and_reports_a_bad_cell() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    write(&dir.join("m.yaml"), SHARED);
    write(&dir.join("reply.yaml"), &letter(Some("m.yaml"), "ДЗ-517"));
    write(&dir.join("rows.csv"), ROWS);
    let args = [
        "batch",
        "reply.yaml",
        "--data",
        "rows.csv",
        "-o",
        "out",
        "--report",
        "report.json",
    ];
    let (code, stderr) = zhauap(dir, &args);
    assert_eq!(code, 1, "a failed row fails the run:\n{stderr}");
    // The bad cell: row 4 (the header is row 1), column 5, with its field.
    assert!(stderr.contains("rows.csv:4:5"), "{stderr}");
    assert!(stderr.contains("outgoing.date"), "{stderr}");
    assert!(stderr.contains("February 2026 has 28 days"), "{stderr}");
    assert!(!dir.join("out/bad.pdf").exists());
    assert_eq!(
        statuses(&report(dir)),
        pairs(&[("abenov.pdf", "rendered"), ("sarsenova.pdf", "rendered")])
    );
    let abenov = text_of(&dir.join("out/abenov.pdf"));
    assert!(abenov.contains("Абенову Н.К."), "{abenov}");
    assert!(abenov.contains("Уважаемый Нурлан Кайратович!"), "{abenov}");
    assert!(abenov.contains("04-1/8812"), "{abenov}");
    // The shared letterhead from the defaults file, the letter's own signer.
    assert!(abenov.contains("ЗДРАВООХРАНЕНИЯ РЕСПУБЛИКИ"), "{abenov}");
    assert!(
        abenov.contains("Е. Тугжанов") && !abenov.contains("Ғиният"),
        "{abenov}"
    );
    let sarsenova = text_of(&dir.join("out/sarsenova.pdf"));
    assert!(sarsenova.contains("Сарсеновой Г.Т.") && !sarsenova.contains("Абенову"));

    // Fixing the bad row renders that row only.
    write(
        &dir.join("rows.csv"),
        &ROWS.replace("2026-02-30", "2026-02-27"),
    );
    run_expecting(
        dir,
        &args,
        &[
            ("abenov.pdf", "unchanged"),
            ("bad.pdf", "rendered"),
            ("sarsenova.pdf", "unchanged"),
        ],
    );
    // Changing one row's cell renders that row again, and no other.
    let changed = ROWS
        .replace("2026-02-30", "2026-02-27")
        .replace("Толеуовна!", "Толеуовна!!");
    write(&dir.join("rows.csv"), &changed);
    run_expecting(
        dir,
        &args,
        &[
            ("abenov.pdf", "unchanged"),
            ("bad.pdf", "unchanged"),
            ("sarsenova.pdf", "rendered"),
        ],
    );
}

#[test]
fn a_mail_merge_without_a_file_column_numbers_the_rows() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    write(&dir.join("reply.yaml"), &letter(None, "ДЗ-1"));
    write(
        &dir.join("rows.csv"),
        "salutation;signature.name\nУважаемый депутат!;А. Б.\nУважаемые депутаты!;В. Г.\n",
    );
    let (code, stderr) = zhauap(
        dir,
        &["batch", "reply.yaml", "--data", "rows.csv", "-o", "out"],
    );
    assert_eq!(code, 0, "{stderr}");
    let second = text_of(&dir.join("out/reply-2.pdf"));
    assert!(
        second.contains("Уважаемые депутаты!") && second.contains("В. Г."),
        "{second}"
    );
    assert!(dir.join("out/reply-1.pdf").exists());

    // A column that names no field refuses the merge before anything renders.
    write(&dir.join("rows.csv"), "file,adressee\nx,y\n");
    let (code, stderr) = zhauap(
        dir,
        &["batch", "reply.yaml", "--data", "rows.csv", "-o", "out2"],
    );
    assert_eq!(code, 1);
    assert!(stderr.contains("rows.csv:1:2"), "{stderr}");
    assert!(stderr.contains("did you mean 'addressee'"), "{stderr}");
    assert!(!dir.join("out2").exists());
}

#[test]
fn changing_a_defaults_file_re_renders_exactly_the_letters_that_use_it() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    write(&dir.join("in/common/ministry.yaml"), SHARED);
    let uses = |n: &str| {
        letter(Some("../common/ministry.yaml"), n).replace("signature: { name: Е. Тугжанов }\n", "")
    };
    write(&dir.join("in/a/one.yaml"), &uses("ДЗ-1"));
    write(&dir.join("in/a/two.yaml"), &uses("ДЗ-2"));
    write(&dir.join("in/b/own.yaml"), &letter(None, "ДЗ-3"));
    let args = ["batch", "in", "-o", "out", "--report", "report.json"];
    let (code, stderr) = zhauap(dir, &args);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("skipped 1 defaults file"), "{stderr}");
    assert!(stderr.contains("ministry.yaml"), "{stderr}");
    let rep = report(dir);
    assert_eq!(rep["skipped_defaults"].as_array().unwrap().len(), 1);
    assert_eq!(
        statuses(&rep),
        pairs(&[
            ("one.pdf", "rendered"),
            ("own.pdf", "rendered"),
            ("two.pdf", "rendered")
        ])
    );
    assert!(!dir.join("out/common/ministry.pdf").exists());
    assert!(text_of(&dir.join("out/a/one.pdf")).contains("А. Ғиният"));

    write(
        &dir.join("in/common/ministry.yaml"),
        &SHARED.replace("А. Ғиният", "Т. Султангазиев"),
    );
    run_expecting(
        dir,
        &args,
        &[
            ("one.pdf", "rendered"),
            ("own.pdf", "unchanged"),
            ("two.pdf", "rendered"),
        ],
    );
    let one = text_of(&dir.join("out/a/one.pdf"));
    assert!(
        one.contains("Т. Султангазиев") && !one.contains("Ғиният"),
        "{one}"
    );
}

#[test]
fn draft_flag_marks_pages_and_has_its_own_batch_key() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    write(&dir.join("in/one.yaml"), &letter(None, "ДЗ-1"));
    let (code, stderr) = zhauap(dir, &["check", "--draft", "in/one.yaml"]);
    assert_eq!(code, 0, "{stderr}");
    let args = ["batch", "in", "-o", "out", "--report", "report.json"];
    let (code, _) = zhauap(dir, &args);
    assert_eq!(code, 0);
    let plain = fs::read(dir.join("out/one.pdf")).unwrap();
    // A draft run does not take the plain output for its own.
    let (code, stderr) = zhauap(dir, &[&args[..], &["--draft"]].concat());
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(statuses(&report(dir)), pairs(&[("one.pdf", "rendered")]));
    let draft = fs::read(dir.join("out/one.pdf")).unwrap();
    assert_ne!(plain, draft);
    // The mark copies out as nothing.
    let text = text_of(&dir.join("out/one.pdf"));
    assert!(!text.contains("ПРОЕКТ"), "{text}");
}
