//! The QR requisite (`qr:` in the letter): a code at the lower right of
//! page 1, inside the margins, with no text beside or under it, drawn in
//! the PDF and the preview but never part of the copied text; a text too
//! long for the code is refused at its place.

use lopdf::content::Content;

use crate::common::pdf::Pdf;
use crate::common::{crate_path, engine, zhauap};
use zhauap::letter::Source;
use zhauap::typeset::Rules;
use zhauap::typeset::page::{MM, PAGE_HEIGHT, PAGE_WIDTH};
use zhauap::typeset::qr::{REQUISITE_GAP, REQUISITE_SIDE};
use zhauap::{Format, Options, Rendered};

const LINK: &str = "https://esedo.example.kz/d/12-15-2417";

/// `rel` with `qr: LINK` added, rendered as if it stood beside `rel` (its
/// emblem is found there).
fn with_qr(rel: &str, qr: Option<&str>, format: Format) -> Rendered {
    let path = crate_path(rel);
    let mut text = std::fs::read_to_string(&path).unwrap();
    if let Some(qr) = qr {
        text = format!("qr: \"{qr}\"\n{text}");
    }
    let source = Source::from_bytes(&path, text.into_bytes()).unwrap();
    let options = Options {
        format,
        ..Options::default()
    };
    engine()
        .render_source(source, &options)
        .unwrap_or_else(|e| panic!("{rel}: {}", e.render(false)))
}

/// The closed subpaths (`h`: krilla writes a rectangle as four lines and a close) page `index` of the PDF draws.
fn rectangles(bytes: &[u8], index: usize) -> usize {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let page = *doc.get_pages().values().nth(index).unwrap();
    let mut n = 0;
    let content = doc.get_page_content(page);
    n += Content::decode(&content)
        .unwrap()
        .operations
        .iter()
        .filter(|op| op.operator == "h")
        .count();
    // Krilla draws into form XObjects too.
    for (_, obj) in doc.objects.iter() {
        if let Ok(stream) = obj.as_stream()
            && stream.dict.get(b"Subtype").and_then(|s| s.as_name()).ok() == Some(b"Form")
            && let Ok(data) = stream.decompressed_content()
            && let Ok(c) = Content::decode(&data)
        {
            n += c.operations.iter().filter(|op| op.operator == "h").count();
        }
    }
    n
}

#[test]
fn the_code_stands_at_the_lower_right_of_page_1_with_no_text_beside_or_under_it() {
    for rel in ["examples/dz-83-reply.yaml", "tests/letters/kk-short.yaml"] {
        let r = with_qr(rel, Some(LINK), Format::Pdf);
        let pages = &r.pages.pages;
        assert_eq!(pages[0].codes.len(), 1, "{rel}: one code on page 1");
        assert!(
            pages[1..].iter().all(|p| p.codes.is_empty()),
            "{rel}: only page 1 has it"
        );
        let code = &pages[0].codes[0];
        // Inside the margins, in the lower right corner.
        assert!((code.side() - REQUISITE_SIDE).abs() < 0.01, "{rel}");
        assert!((code.x + code.side() - (PAGE_WIDTH - 15.0 * MM)).abs() < 0.01);
        assert!((code.y + code.side() - (PAGE_HEIGHT - 20.0 * MM)).abs() < 0.01);
        // Every line of page 1, the executor mark included, ends above the
        // code and its gap: none runs beside or under it.
        for line in &pages[0].lines {
            let text: String = pages[0].runs[line.runs.clone()]
                .iter()
                .map(|r| r.text.as_str())
                .collect();
            let size = pages[0].runs[line.runs.clone()]
                .iter()
                .map(|r| r.size)
                .fold(0.0, f32::max);
            let foot = line.baseline + size * Rules::default().descender;
            assert!(
                foot < code.y - REQUISITE_GAP + 0.01,
                "{rel}: «{text}» at baseline {} runs into the code's room (from {})",
                line.baseline,
                code.y - REQUISITE_GAP
            );
        }
        // The PDF draws it as rectangles, and it is not text.
        let plain = with_qr(rel, None, Format::Pdf);
        assert!(plain.pages.pages[0].codes.is_empty());
        assert_eq!(
            rectangles(&r.bytes, 0),
            rectangles(&plain.bytes, 0) + code.runs.len(),
            "{rel}: one rectangle per run of dark modules"
        );
        let pdf = Pdf::parse(&r.bytes).unwrap();
        let copied = pdf.copied_text();
        assert!(!copied.contains("esedo"), "{rel}: {copied}");
        // The same words as without the code: only the page breaks moved.
        let words = |t: String| t.split_whitespace().collect::<Vec<_>>().join(" ");
        let plain_pdf = Pdf::parse(&plain.bytes).unwrap();
        let strip = |pdf: &Pdf| {
            pdf.pages
                .iter()
                .flat_map(|p| p.content_lines().map(|l| l.text()))
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(words(strip(&pdf)), words(strip(&plain_pdf)), "{rel}");
    }
}

#[test]
fn the_preview_draws_the_same_code_hidden_from_copying() {
    let r = with_qr("examples/dz-83-reply.yaml", Some(LINK), Format::Html);
    let html = String::from_utf8(r.bytes).unwrap();
    let code = &r.pages.pages[0].codes[0];
    assert_eq!(
        html.matches("<svg class=\"qr\" aria-hidden=\"true\"")
            .count(),
        1
    );
    let page1 = html.split("id=\"page-2\"").next().unwrap();
    let svg = page1
        .split("<svg class=\"qr\"")
        .nth(1)
        .and_then(|s| s.split("</svg>").next())
        .expect("on page 1");
    assert_eq!(svg.matches('z').count(), code.runs.len(), "every run drawn");
    assert!(html.contains(&format!("translate({:.3}pt,{:.3}pt)", code.x, code.y)));
    assert!(
        !html.contains("esedo"),
        "the text itself is not in the page"
    );
}

#[test]
fn a_text_too_long_for_the_code_is_refused_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let letter = dir.path().join("long.yaml");
    let reference = std::fs::read_to_string(crate_path("tests/letters/kk-short.yaml")).unwrap();
    let long = "https://esedo.example.kz/".to_owned() + &"д".repeat(100);
    std::fs::write(&letter, format!("{reference}qr: {long}\n")).unwrap();
    let line = reference.lines().count() + 1;
    let out = zhauap()
        .args(["render", letter.to_str().unwrap()])
        .assert()
        .failure();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.contains(&format!("long.yaml:{line}:5")),
        "file:line:col of the value: {stderr}"
    );
    assert!(
        stderr.contains("'qr' is 225 bytes long; the QR code on page 1 holds at most 213 bytes"),
        "{stderr}"
    );
    assert!(stderr.contains("short link"), "says what to do: {stderr}");
    assert!(!dir.path().join("long.pdf").exists(), "nothing written");
}
