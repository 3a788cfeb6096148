//! The letterhead emblem: a PNG or an SVG, checked and decoded once.
//!
//! An emblem is read only as an image. A file that is not one is refused
//! without echoing any of its content (`emblem: /etc/passwd` must never leak
//! into a message or an output), and an SVG may not reach outside itself.

use std::path::Path;
use std::sync::Arc;

/// Largest emblem file read.
pub const MAX_EMBLEM_BYTES: u64 = 8 * 1024 * 1024;
/// Largest PNG side, in pixels. The emblem prints 24 mm wide: 4096 pixels
/// is over 4000 dpi. Decoding and compressing costs grow with the pixel
/// count: at this limit a 16-bit RGBA emblem takes about 6 s and 275 MB; at
/// 6000 it took 12 s and 575 MB.
pub const MAX_EMBLEM_PIXELS: u32 = 4096;

#[derive(Debug)]
pub enum EmblemData {
    Png {
        bytes: Arc<Vec<u8>>,
    },
    Svg {
        tree: Arc<usvg::Tree>,
        bytes: Arc<Vec<u8>>,
    },
}

#[derive(Debug)]
pub struct Emblem {
    pub data: EmblemData,
    /// Intrinsic size, for the aspect ratio.
    pub width: f32,
    pub height: f32,
}

/// Reads and decodes an emblem file. Why an emblem was refused; the caller
/// adds file and position.
pub fn load(path: &Path) -> Result<Emblem, String> {
    decode(read(path)?)
}

/// Reads an emblem file's bytes within the limits, without decoding them.
pub fn read(path: &Path) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => "the emblem file does not exist".to_owned(),
        _ => format!("the emblem cannot be read: {}", crate::input::io_reason(&e)),
    })?;
    if !meta.is_file() {
        return Err("the emblem is not a file".into());
    }
    if meta.len() > MAX_EMBLEM_BYTES {
        return Err(format!(
            "the emblem file is {} KiB; the limit is {} KiB",
            meta.len() / 1024,
            MAX_EMBLEM_BYTES / 1024
        ));
    }
    // At most one byte past the limit: a /proc file reports no size and may
    // be endless (`emblem: /proc/self/pagemap`).
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| {
            use std::io::Read;
            f.take(MAX_EMBLEM_BYTES + 1).read_to_end(&mut bytes)
        })
        .map_err(|e| format!("the emblem cannot be read: {}", crate::input::io_reason(&e)))?;
    if bytes.len() as u64 > MAX_EMBLEM_BYTES {
        return Err(format!(
            "the emblem file is larger than the limit of {} KiB",
            MAX_EMBLEM_BYTES / 1024
        ));
    }
    Ok(bytes)
}

pub fn decode(bytes: Vec<u8>) -> Result<Emblem, String> {
    const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if bytes.starts_with(PNG_SIGNATURE) {
        return decode_png(bytes);
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_lowercase();
    if head.contains("<svg") {
        return decode_svg(bytes);
    }
    Err("the emblem is not a PNG or SVG image".into())
}

fn decode_png(bytes: Vec<u8>) -> Result<Emblem, String> {
    // IHDR is the first chunk: width and height are big-endian at 16..24.
    if bytes.len() < 33 || &bytes[12..16] != b"IHDR" {
        return Err("the emblem PNG is damaged (no image header)".into());
    }
    let w = u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
    let h = u32::from_be_bytes([bytes[20], bytes[21], bytes[22], bytes[23]]);
    if w == 0 || h == 0 {
        return Err("the emblem PNG has no pixels".into());
    }
    if w > MAX_EMBLEM_PIXELS || h > MAX_EMBLEM_PIXELS {
        return Err(format!(
            "the emblem is {w}×{h} pixels; the limit is {MAX_EMBLEM_PIXELS} on each side"
        ));
    }
    // Decode every row now, so a damaged file is refused before any output:
    // krilla decodes only when the PDF is written, the preview never. Row by
    // row, so checking costs one row of memory.
    let damaged = |_| "the emblem PNG is damaged and cannot be decoded".to_owned();
    let mut decoder = png::Decoder::new(std::io::Cursor::new(&bytes[..]));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().map_err(damaged)?;
    while reader.next_row().map_err(damaged)?.is_some() {}
    let bytes = Arc::new(bytes);
    let data: Arc<dyn AsRef<[u8]> + Send + Sync> = bytes.clone();
    if krilla::image::Image::from_png(data.into(), false).is_err() {
        return Err("the emblem PNG cannot be decoded".into());
    }
    Ok(Emblem {
        data: EmblemData::Png { bytes },
        width: w as f32,
        height: h as f32,
    })
}

fn decode_svg(bytes: Vec<u8>) -> Result<Emblem, String> {
    let text = std::str::from_utf8(&bytes).map_err(|_| "the emblem SVG is not UTF-8 text")?;
    if let Some(reference) = external_reference(text) {
        return Err(format!(
            "the emblem SVG refers to something outside itself ({reference}); embed it in the SVG or remove it"
        ));
    }
    let options = usvg::Options {
        resources_dir: None,
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: usvg::ImageHrefResolver::default_data_resolver(),
            resolve_string: Box::new(|_, _| None),
        },
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_data(&bytes, &options)
        .map_err(|e| format!("the emblem SVG cannot be read: {e}"))?;
    let size = tree.size();
    Ok(Emblem {
        width: size.width(),
        height: size.height(),
        data: EmblemData::Svg {
            tree: Arc::new(tree),
            bytes: Arc::new(bytes),
        },
    })
}

/// The first `href`/`src`/`url(...)` that points outside the SVG.
fn external_reference(svg: &str) -> Option<String> {
    let lower = svg.to_lowercase();
    for key in ["href=\"", "href='", "url(", "@import"] {
        let mut from = 0;
        while let Some(i) = lower[from..].find(key) {
            let start = from + i + key.len();
            let value: String = lower[start..]
                .chars()
                .take_while(|c| !matches!(c, '"' | '\'' | ')' | ' ' | ';'))
                .collect();
            let v = value.trim_start_matches(['"', '\'']);
            if key == "@import" || !(v.starts_with('#') || v.starts_with("data:")) {
                // Name the kind of reference, not the content of the file.
                return Some(format!("{}…", &key.trim_end_matches(['"', '\'', '('])));
            }
            from = start;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_images_are_refused_without_echoing_content() {
        let e = decode(b"root:x:0:0:root:/root:/bin/bash\n".to_vec()).unwrap_err();
        assert!(!e.contains("root"), "{e}");
    }

    #[test]
    fn svg_with_external_reference_is_refused() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><image xlink:href="/etc/passwd" width="10" height="10"/></svg>"#;
        let e = decode(svg.as_bytes().to_vec()).unwrap_err();
        assert!(e.contains("outside"), "{e}");
        assert!(!e.contains("passwd"), "{e}");
    }

    #[test]
    fn plain_svg_is_accepted() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><circle cx="5" cy="5" r="4" fill="#1a5"/></svg>"##;
        let e = decode(svg.as_bytes().to_vec()).unwrap();
        assert_eq!((e.width, e.height), (20.0, 10.0));
    }
}
