//! The letterhead emblem: a PNG or an SVG, checked and decoded once.
//!
//! An emblem is read only as an image. A file that is not one is refused
//! without echoing any of its content (`emblem: /etc/passwd` must never leak
//! into a message or an output), and an SVG may not reach outside itself.

use std::borrow::Cow;
use std::path::Path;
use std::sync::Arc;

use usvg::roxmltree;

use crate::tr;

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
        std::io::ErrorKind::NotFound => tr!("output-emblem-missing"),
        _ => tr!(
            "output-emblem-unreadable",
            reason = crate::input::io_reason(&e)
        ),
    })?;
    if !meta.is_file() {
        return Err(tr!("output-emblem-not-a-file"));
    }
    if meta.len() > MAX_EMBLEM_BYTES {
        return Err(tr!(
            "output-emblem-too-large",
            kib = meta.len() / 1024,
            limit = MAX_EMBLEM_BYTES / 1024
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
        .map_err(|e| {
            tr!(
                "output-emblem-unreadable",
                reason = crate::input::io_reason(&e)
            )
        })?;
    if bytes.len() as u64 > MAX_EMBLEM_BYTES {
        return Err(tr!(
            "typeset-emblem-too-large",
            kib = MAX_EMBLEM_BYTES / 1024
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
    Err(tr!("output-emblem-not-png-svg"))
}

fn decode_png(bytes: Vec<u8>) -> Result<Emblem, String> {
    let (w, h) = check_png(&bytes, &tr!("output-emblem-png"))?;
    let bytes = Arc::new(bytes);
    let data: Arc<dyn AsRef<[u8]> + Send + Sync> = bytes.clone();
    if krilla::image::Image::from_png(data.into(), false).is_err() {
        return Err(tr!("output-emblem-png-undecodable"));
    }
    Ok(Emblem {
        data: EmblemData::Png { bytes },
        width: w as f32,
        height: h as f32,
    })
}

/// Checks a PNG by the emblem's limits and decodes every row of it, so that
/// a damaged or oversized image is refused before any output: krilla decodes
/// only when the PDF is written, the preview never. Row by row, so checking
/// costs one row of memory. `what` names the image in the message.
fn check_png(bytes: &[u8], what: &str) -> Result<(u32, u32), String> {
    // IHDR is the first chunk: width and height are big-endian at 16..24.
    if bytes.len() < 33 || &bytes[12..16] != b"IHDR" {
        return Err(tr!("output-png-no-header", what = what));
    }
    let w = u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
    let h = u32::from_be_bytes([bytes[20], bytes[21], bytes[22], bytes[23]]);
    if w == 0 || h == 0 {
        return Err(tr!("output-png-no-pixels", what = what));
    }
    if w > MAX_EMBLEM_PIXELS || h > MAX_EMBLEM_PIXELS {
        return Err(tr!(
            "output-png-too-many-pixels",
            what = what,
            width = w,
            height = h,
            limit = MAX_EMBLEM_PIXELS
        ));
    }
    let damaged = |_| tr!("output-png-damaged", what = what);
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().map_err(damaged)?;
    while reader.next_row().map_err(damaged)?.is_some() {}
    Ok((w, h))
}

/// How usvg parses SVG's XML (`usvg::Tree::from_str`).
fn xml_options<'input>() -> roxmltree::ParsingOptions<'input> {
    roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    }
}

/// Text in an emblem would vanish from the letter: usvg is built without
/// text layout (and would have no fonts to lay it out with), so a `text`
/// element is refused rather than silently dropped.
fn refuse_text(doc: &roxmltree::Document) -> Result<(), String> {
    const SVG: &str = "http://www.w3.org/2000/svg";
    let text = doc
        .descendants()
        .any(|n| n.tag_name().namespace() == Some(SVG) && n.tag_name().name() == "text");
    if text {
        Err(tr!("output-svg-text"))
    } else {
        Ok(())
    }
}

fn decode_svg(bytes: Vec<u8>) -> Result<Emblem, String> {
    // usvg hands every `href` it meets to these resolvers, wherever and
    // however it is written in the file (`href = "…"`, `xlink:href`, inside
    // a nested SVG): the first problem is kept and the SVG refused, since an
    // image usvg is told to skip would silently vanish from the letter.
    let problem: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);
    let note = |why: String| {
        let mut first = problem.lock().unwrap_or_else(|p| p.into_inner());
        first.get_or_insert(why);
    };
    let options = usvg::Options {
        resources_dir: None,
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: Box::new(|mime, data, options| match embedded(mime, &data, options) {
                Ok(kind) => Some(kind),
                Err(why) => {
                    note(why);
                    None
                }
            }),
            resolve_string: Box::new(|_, _| {
                // Name the kind of reference, never the target: it may be
                // the name of a private file.
                note(tr!("output-svg-external"));
                None
            }),
        },
        ..usvg::Options::default()
    };
    let unreadable = |e: usvg::Error| tr!("output-svg-unreadable", reason = e.to_string());
    let xml = std::str::from_utf8(&bytes).map_err(|_| tr!("output-svg-not-utf8"))?;
    // Parsed here as usvg parses it (`Tree::from_str`), to look for text first.
    let doc = roxmltree::Document::parse_with_options(xml, xml_options())
        .map_err(|e| unreadable(usvg::Error::ParsingFailed(e)))?;
    refuse_text(&doc)?;
    let tree = usvg::Tree::from_xmltree(&doc, &options).map_err(unreadable)?;
    drop(options);
    if let Some(why) = problem.into_inner().unwrap_or_else(|p| p.into_inner()) {
        return Err(why);
    }
    filters::check(&tree)?;
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

/// A picture embedded in the emblem SVG as a `data:` URI. krilla decodes it
/// in full when the PDF is written, so it is held to the same limits as a
/// PNG emblem file; a nested SVG is read with the same resolvers, so the
/// pictures inside it are checked too.
fn embedded(mime: &str, data: &[u8], options: &usvg::Options) -> Result<usvg::ImageKind, String> {
    const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if data.starts_with(PNG_SIGNATURE) {
        check_png(data, &tr!("output-svg-inner-png"))?;
        return Ok(usvg::ImageKind::PNG(Arc::new(data.to_vec())));
    }
    match mime {
        "image/svg+xml" | "text/plain" => {
            let unreadable = |_| tr!("output-svg-inner-svg-unreadable");
            let tree = usvg::Tree::from_data_nested(data, options).map_err(unreadable)?;
            // Read by usvg, so UTF-8 XML, perhaps gzipped (SVGZ).
            let xml = match data.starts_with(&[0x1f, 0x8b]) {
                true => Cow::Owned(usvg::decompress_svgz(data).map_err(unreadable)?),
                false => Cow::Borrowed(data),
            };
            let xml =
                std::str::from_utf8(&xml).map_err(|_| tr!("output-svg-inner-svg-unreadable"))?;
            let doc = roxmltree::Document::parse_with_options(xml, xml_options())
                .map_err(|_| tr!("output-svg-inner-svg-unreadable"))?;
            refuse_text(&doc)?;
            filters::refuse_nested(&tree)?;
            Ok(usvg::ImageKind::SVG(tree))
        }
        // JPEG, GIF, WebP and anything else: their decoders are not checked
        // here, so their size and soundness could only be learnt by krilla
        // while writing the PDF.
        _ => Err(tr!("output-svg-inner-not-png-svg")),
    }
}

/// SVG filters are drawn by resvg into a bitmap while the PDF is written,
/// at four times the size the emblem prints (krilla), up to 5000 pixels a
/// side: a filter region far larger than the picture, a long chain of
/// primitives or a costly primitive (`feTurbulence numOctaves="1000"`,
/// `feMorphology` with a large radius) can take minutes and gigabytes. The
/// cost is estimated from the parsed tree, before anything is drawn.
mod filters {
    use usvg::filter::Kind;

    use crate::tr;

    /// Pixels of the longer side of the emblem's filter bitmap: the emblem
    /// prints 24 mm (68 pt) at most and krilla rasterises filters at 4×.
    const RASTER_SIDE: f32 = 68.1 * 4.0;
    /// krilla's own cap on a filter bitmap's side.
    const KRILLA_MAX_SIDE: f32 = 5000.0;
    /// Largest filter bitmap, in pixels (8 MB): a region about five times
    /// the emblem each way. resvg keeps one such bitmap per primitive.
    const MAX_REGION_PIXELS: f64 = 2.0e6;
    /// Most primitives in one filter, and in the whole emblem.
    const MAX_PRIMITIVES: usize = 16;
    const MAX_ALL_PRIMITIVES: usize = 64;
    /// Octaves past 10 change no visible pixel: each halves the last.
    const MAX_OCTAVES: u32 = 10;
    /// Budget of pixel operations for all filters, about a second of work.
    const MAX_WORK: f64 = 2.0e8;

    /// Filters of the emblem SVG, within the budget.
    pub(super) fn check(tree: &usvg::Tree) -> Result<(), String> {
        let size = tree.size();
        let scale = RASTER_SIDE / size.width().max(size.height());
        let mut budget = Budget {
            work: 0.0,
            primitives: 0,
        };
        visit(tree.root(), scale, &mut budget)
    }

    /// A nested SVG is drawn at a size only its parent knows: it may carry
    /// no filters at all.
    pub(super) fn refuse_nested(tree: &usvg::Tree) -> Result<(), String> {
        if tree.filters().is_empty() {
            Ok(())
        } else {
            Err(tr!("output-filter-nested"))
        }
    }

    struct Budget {
        work: f64,
        primitives: usize,
    }

    fn visit(group: &usvg::Group, scale: f32, budget: &mut Budget) -> Result<(), String> {
        if !group.filters().is_empty() {
            let bbox = group.abs_layer_bounding_box();
            let w = (bbox.width() * scale).clamp(1.0, KRILLA_MAX_SIDE) as f64;
            let h = (bbox.height() * scale).clamp(1.0, KRILLA_MAX_SIDE) as f64;
            if w * h > MAX_REGION_PIXELS {
                let times = (w * h / (RASTER_SIDE as f64 * RASTER_SIDE as f64)).round();
                return Err(tr!("output-filter-region", times = times as u64));
            }
            for filter in group.filters() {
                let primitives = filter.primitives();
                budget.primitives += primitives.len();
                if primitives.len() > MAX_PRIMITIVES || budget.primitives > MAX_ALL_PRIMITIVES {
                    let steps = if primitives.len() > MAX_PRIMITIVES {
                        MAX_PRIMITIVES
                    } else {
                        MAX_ALL_PRIMITIVES
                    };
                    return Err(tr!("output-filter-steps", steps = steps));
                }
                for p in primitives {
                    budget.work += w * h * weight(p.kind(), scale, w, h)?;
                }
            }
            if budget.work > MAX_WORK {
                return Err(tr!("output-filter-too-slow"));
            }
        }
        for node in group.children() {
            if let usvg::Node::Group(g) = node {
                visit(g, scale, budget)?;
            }
            let mut found = Ok(());
            node.subroots(|root| {
                if found.is_ok() {
                    found = visit(root, scale, budget);
                }
            });
            found?;
        }
        Ok(())
    }

    /// Operations per pixel of one primitive, as resvg does it.
    fn weight(kind: &Kind, scale: f32, w: f64, h: f64) -> Result<f64, String> {
        Ok(match kind {
            Kind::Turbulence(t) => {
                if t.num_octaves() > MAX_OCTAVES {
                    return Err(tr!(
                        "output-filter-octaves",
                        octaves = t.num_octaves(),
                        limit = MAX_OCTAVES
                    ));
                }
                8.0 * t.num_octaves().max(1) as f64
            }
            // resvg looks at every pixel of a (2r × 2r) window, up to the
            // whole bitmap.
            Kind::Morphology(m) => {
                let side = |r: f32, limit: f64| (2.0 * (r * scale).ceil() as f64).clamp(1.0, limit);
                side(m.radius_x().get(), w) * side(m.radius_y().get(), h)
            }
            Kind::ConvolveMatrix(c) => (c.matrix().columns() * c.matrix().rows()).max(1) as f64,
            Kind::DiffuseLighting(_) | Kind::SpecularLighting(_) => 16.0,
            // Box blur: three passes each way, whatever the deviation.
            Kind::GaussianBlur(_) | Kind::DropShadow(_) => 8.0,
            Kind::Image(_) | Kind::Tile(_) | Kind::DisplacementMap(_) => 4.0,
            Kind::Blend(_)
            | Kind::ColorMatrix(_)
            | Kind::ComponentTransfer(_)
            | Kind::Composite(_)
            | Kind::Flood(_)
            | Kind::Merge(_)
            | Kind::Offset(_) => 1.0,
        })
    }
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

    fn svg(body: &str) -> Vec<u8> {
        format!(r#"<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20">{body}</svg>"#)
            .into_bytes()
    }

    #[test]
    fn a_reference_written_with_spaces_is_still_refused() {
        let e = decode(svg(r#"<image href = "/etc/passwd" width="9" height="9"/>"#)).unwrap_err();
        assert!(e.contains("outside itself"), "{e}");
        assert!(!e.contains("passwd"), "{e}");
    }

    /// The 222-byte bomb of issue 19: a PNG inside the SVG announcing
    /// 100000×75000 pixels, which krilla would allocate 30 GB for.
    #[test]
    fn a_png_inside_an_svg_is_held_to_the_png_limits() {
        let bomb = include_bytes!("../../tests/corpus/assets/svg-png-bomb.svg");
        let e = decode(bomb.to_vec()).unwrap_err();
        assert!(e.contains("100000×75000 pixels; the limit is 4096"), "{e}");
        let nested = include_bytes!("../../tests/corpus/assets/svg-nested-bomb.svg");
        let e = decode(nested.to_vec()).unwrap_err();
        assert!(e.contains("100000×75000"), "{e}");
        let damaged = include_bytes!("../../tests/corpus/assets/svg-png-damaged.svg");
        let e = decode(damaged.to_vec()).unwrap_err();
        assert!(e.contains("a PNG inside the emblem SVG is damaged"), "{e}");
    }

    #[test]
    fn costly_filters_are_refused_before_drawing() {
        for (body, says) in [
            (
                r#"<filter id="f"><feTurbulence numOctaves="1000"/></filter><rect width="20" height="20" filter="url(#f)"/>"#,
                "1000 octaves",
            ),
            (
                r#"<filter id="f" x="-1000" y="-1000" width="2000" height="2000" filterUnits="userSpaceOnUse"><feGaussianBlur stdDeviation="9"/></filter><rect width="20" height="20" filter="url(#f)"/>"#,
                "region",
            ),
            (
                r#"<filter id="f"><feMorphology radius="100000"/></filter><rect width="20" height="20" filter="url(#f)"/>"#,
                "too long",
            ),
        ] {
            let e = decode(svg(body)).unwrap_err();
            assert!(e.contains(says), "{body}: {e}");
        }
        let chain = "<feGaussianBlur stdDeviation=\"1\"/>".repeat(17);
        let e = decode(svg(&format!(
            r#"<filter id="f">{chain}</filter><rect width="9" height="9" filter="url(#f)"/>"#
        )))
        .unwrap_err();
        assert!(e.contains("more than 16 steps"), "{e}");
    }

    #[test]
    fn a_modest_shadow_and_a_small_embedded_png_are_accepted() {
        let ok = include_bytes!("../../tests/corpus/assets/svg-filter-ok.svg");
        decode(ok.to_vec()).unwrap();
    }

    #[test]
    fn text_in_the_svg_or_in_an_svg_inside_it_is_refused() {
        let text = r#"<text x="2" y="9">ГЕРБ</text>"#;
        let e = decode(svg(text)).unwrap_err();
        assert!(e.contains("contains text"), "{e}");
        // Inside a group and a `switch`, with a prefix for the namespace.
        let prefixed = r#"<svg:svg xmlns:svg="http://www.w3.org/2000/svg" width="9" height="9"><svg:g><svg:switch><svg:text>A</svg:text></svg:switch></svg:g></svg:svg>"#;
        let e = decode(prefixed.as_bytes().to_vec()).unwrap_err();
        assert!(e.contains("contains text"), "{e}");
        let nested = format!(
            r#"<image width="9" height="9" href="data:image/svg+xml;utf8,{}"/>"#,
            r#"&lt;svg xmlns='http://www.w3.org/2000/svg' width='9' height='9'&gt;&lt;text&gt;A&lt;/text&gt;&lt;/svg&gt;"#
        );
        let e = decode(svg(&nested)).unwrap_err();
        assert!(e.contains("contains text"), "{e}");
        // An element named `text` in another namespace is not SVG text.
        let foreign = r#"<metadata><x:text xmlns:x="urn:example">note</x:text></metadata><rect width="5" height="5"/>"#;
        decode(svg(foreign)).unwrap();
    }

    #[test]
    fn plain_svg_is_accepted() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><circle cx="5" cy="5" r="4" fill="#1a5"/></svg>"##;
        let e = decode(svg.as_bytes().to_vec()).unwrap();
        assert_eq!((e.width, e.height), (20.0, 10.0));
    }
}
