//! Reading a card back (`zhauap verify CARD.pdf`): its embedded files in
//! the order of its name tree, and the QR codes its pages draw, rebuilt
//! from the filled rectangles (zhauap draws each code as one path of
//! module rectangles, see [`crate::typeset::qr`]).

use lopdf::content::Content;
use lopdf::{Document, Object};

/// An embedded file: its name and bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Embedded {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The catalog's `/Lang` of a PDF.
pub fn catalog_lang(pdf: &[u8]) -> Option<String> {
    let doc = Document::load_mem(pdf).ok()?;
    let lang = doc.catalog().ok()?.get(b"Lang").ok()?;
    match lang {
        Object::String(bytes, _) => Some(String::from_utf8_lossy(bytes).into_owned()),
        _ => None,
    }
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Object> {
    match o {
        Object::Reference(id) => doc.get_object(*id).ok(),
        other => Some(other),
    }
}

/// The embedded files of `pdf`, in the order of its `/EmbeddedFiles` name
/// tree (one level, as krilla writes it and as ddcard readers take it).
pub fn embedded_files(pdf: &[u8]) -> Result<Vec<Embedded>, String> {
    let doc =
        Document::load_mem(pdf).map_err(|e| crate::tr!("card-not-pdf", reason = e.to_string()))?;
    let names = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Names").ok())
        .and_then(|n| deref(&doc, n))
        .and_then(|n| n.as_dict().ok())
        .and_then(|n| n.get(b"EmbeddedFiles").ok())
        .and_then(|e| deref(&doc, e))
        .and_then(|e| e.as_dict().ok())
        .and_then(|e| e.get(b"Names").ok())
        .and_then(|a| deref(&doc, a))
        .and_then(|a| a.as_array().ok())
        .ok_or_else(|| crate::tr!("card-pdf-no-files"))?;
    let mut out = Vec::new();
    for pair in names.chunks(2) {
        let [key, spec] = pair else { break };
        let name = match deref(&doc, key) {
            Some(Object::String(b, _)) => String::from_utf8_lossy(b).into_owned(),
            _ => return Err(crate::tr!("card-file-no-name")),
        };
        let stream = deref(&doc, spec)
            .and_then(|s| s.as_dict().ok())
            .and_then(|s| s.get(b"EF").ok())
            .and_then(|ef| deref(&doc, ef))
            .and_then(|ef| ef.as_dict().ok())
            .and_then(|ef| ef.get(b"F").ok())
            .and_then(|f| deref(&doc, f))
            .and_then(|f| f.as_stream().ok())
            .ok_or_else(|| crate::tr!("card-file-no-data", name = &name))?;
        let bytes = if stream.dict.get(b"Filter").is_ok() {
            stream.decompressed_content().map_err(|e| {
                crate::tr!("card-file-unreadable", name = &name, reason = e.to_string())
            })?
        } else {
            stream.content.clone()
        };
        out.push(Embedded { name, bytes });
    }
    Ok(out)
}

/// A code as drawn: its dark modules as runs `(row, col, count)`, with
/// its width in modules.
pub type DrawnCode = (usize, Vec<(u16, u16, u16)>);

/// The QR codes drawn directly on the pages from `first_page` (0-based) on,
/// in drawing order: every filled path of more than `MIN_RECTS` axis-
/// aligned rectangles (a table rule is one rectangle a path).
pub fn drawn_codes(pdf: &[u8], first_page: usize) -> Result<Vec<DrawnCode>, String> {
    const MIN_RECTS: usize = 20;
    let doc =
        Document::load_mem(pdf).map_err(|e| crate::tr!("card-not-pdf", reason = e.to_string()))?;
    let mut out = Vec::new();
    for (_, &page) in doc.get_pages().iter().skip(first_page) {
        let content = doc
            .get_and_decode_page_content(page)
            .unwrap_or(Content { operations: vec![] });
        let mut rects: Vec<[f32; 4]> = Vec::new();
        let mut points: Vec<(f32, f32)> = Vec::new();
        let num = |o: &Object| o.as_float().unwrap_or(0.0);
        for op in &content.operations {
            match op.operator.as_str() {
                "m" | "l" if op.operands.len() == 2 => {
                    points.push((num(&op.operands[0]), num(&op.operands[1])));
                }
                "h" => {
                    if let [(x0, y0), _, (x1, y1), _] = points[..] {
                        rects.push([x0.min(x1), y0.min(y1), (x1 - x0).abs(), (y1 - y0).abs()]);
                    }
                    points.clear();
                }
                "f" | "f*" => {
                    if rects.len() > MIN_RECTS
                        && let Some(code) = modules(&rects)
                    {
                        out.push(code);
                    }
                    rects.clear();
                    points.clear();
                }
                "n" | "S" | "B" | "b" => {
                    rects.clear();
                    points.clear();
                }
                _ => {}
            }
        }
    }
    Ok(out)
}

/// The module runs of rectangles that are one module high each.
fn modules(rects: &[[f32; 4]]) -> Option<DrawnCode> {
    let module = rects.iter().map(|r| r[3]).fold(f32::MAX, f32::min);
    if module <= 0.0 {
        return None;
    }
    let x0 = rects.iter().map(|r| r[0]).fold(f32::MAX, f32::min);
    let y0 = rects.iter().map(|r| r[1]).fold(f32::MAX, f32::min);
    let x1 = rects.iter().map(|r| r[0] + r[2]).fold(f32::MIN, f32::max);
    let width = ((x1 - x0) / module).round() as usize;
    let mut runs: Vec<(u16, u16, u16)> = rects
        .iter()
        .map(|r| {
            (
                ((r[1] - y0) / module).round() as u16,
                ((r[0] - x0) / module).round() as u16,
                (r[2] / module).round() as u16,
            )
        })
        .collect();
    runs.sort_unstable();
    Some((width, runs))
}
