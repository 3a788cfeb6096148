//! The PDF writer (krilla): PDF/A-2b, fonts embedded as subsets, tagged so
//! that a broken word copies out whole, and deterministic: the same pages
//! give the same bytes, also for many letters in one process.
//!
//! How copied text keeps a word that a line ends inside of is this
//! writer's choice alone (the page model only says where it happens): an
//! added hyphen is a glyph like any other; a word broken with nothing added
//! gets a zero-width carrier glyph at the end of its first line whose text
//! is the word's rest, and the rest's glyphs on the next lines copy out as
//! nothing (an empty ActualText).

mod tags;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

use krilla::configure::{Archival, ConfigurationBuilder};
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::metadata::{DateTime, Metadata};
use krilla::page::PageSettings;
use krilla::surface::Surface;
use krilla::tagging::{Artifact, ArtifactType, ContentTag, Node, SpanTag, TagTree};
use krilla::text::GlyphId;
use krilla::{Document, SerializeSettings};

use crate::document::BlockKind;
use crate::tr;
use crate::typeset::draft::{DraftMark, Segment};
use crate::typeset::fonts::{KrillaFonts, fonts as font_set, krilla_fonts};
use crate::typeset::image::EmblemData;
use crate::typeset::page::{Glyph, Line, PAGE_HEIGHT, PAGE_WIDTH, Page, Pages, Role, TextRun};
use crate::typeset::qr::QrMark;

/// PDF/A allows strings of at most 32,767 bytes (ISO 32000-1, annex C);
/// krilla writes text as UTF-16, at most two bytes per byte of UTF-8. Text
/// for copying (a glyph cluster, the title) is cut to this many UTF-8 bytes,
/// so that a hostile letter (a letter under 20,000 accents, a 40 KB inquiry
/// number) still gives a valid file; the drawing is never cut.
const MAX_PDF_TEXT_BYTES: usize = 4096;

/// Glyphs drawn by one call at most: krilla writes a call's glyph ids as one
/// PDF string of two bytes each, and zero-width glyphs (thousands of accents
/// on one letter) can put any number of them on one line.
const MAX_GLYPHS_PER_DRAW: usize = 4096;

/// A carrier glyph holds at most this many characters of a word's rest: the
/// first carrier of a document becomes a ToUnicode entry, and readers such
/// as poppler drop entries over 63 UTF-16 units.
const CARRIER_CHARS: usize = 30;

/// A glyph as krilla wants it: our advances are in points at the run's size.
struct PdfGlyph<'a> {
    glyph: &'a Glyph,
    size: f32,
    /// The run's horizontal scale, which the PDF applies to every advance
    /// (`Tz`): the drawn advances are divided by it.
    scale: f32,
    /// The glyph's advance and offset as drawn in the run.
    advance: f32,
    x_offset: f32,
    /// The bytes of the run's text the glyph copies out as: its cluster's,
    /// cut to [`MAX_PDF_TEXT_BYTES`].
    text: std::ops::Range<usize>,
}

impl krilla::text::Glyph for PdfGlyph<'_> {
    fn glyph_id(&self) -> GlyphId {
        GlyphId::new(u32::from(self.glyph.id))
    }
    fn text_range(&self) -> std::ops::Range<usize> {
        self.text.clone()
    }
    fn x_advance(&self, size: f32) -> f32 {
        self.advance / self.scale / self.size * size
    }
    fn x_offset(&self, size: f32) -> f32 {
        self.x_offset / self.scale / self.size * size
    }
    fn y_offset(&self, size: f32) -> f32 {
        self.glyph.y_offset / self.size * size
    }
    fn y_advance(&self, _: f32) -> f32 {
        0.0
    }
    fn location(&self) -> Option<krilla::surface::Location> {
        None
    }
}

/// Writes the pages as a PDF/A-2b file. A validation failure names its cause.
pub fn write(pages: &Pages) -> Result<Vec<u8>, String> {
    write_as(
        pages,
        ConfigurationBuilder::new().with_archival_validator(Archival::A2_B),
        None,
    )
}

/// What a document card adds to its own pages: the files it embeds (in
/// the order given).
pub struct CardParts {
    pub files: Vec<krilla::embed::EmbeddedFile>,
}

/// Writes a document card: `pages` with the files embedded, validated as
/// PDF/A-3b.
pub fn write_card(pages: &Pages, parts: CardParts) -> Result<Vec<u8>, String> {
    write_as(
        pages,
        ConfigurationBuilder::new().with_archival_validator(Archival::A3_B),
        Some(parts),
    )
}

/// Writes the pages validated as `configuration` says.
fn write_as(
    pages: &Pages,
    configuration: ConfigurationBuilder,
    card: Option<CardParts>,
) -> Result<Vec<u8>, String> {
    let configuration = configuration
        .finish()
        .map_err(|e| format!("PDF configuration: {e:?}"))?;
    let settings = SerializeSettings {
        configuration,
        enable_tagging: true,
        ..SerializeSettings::default()
    };
    let mut document = Document::new_with(settings);
    document.set_metadata(metadata(pages));
    let fonts = krilla_fonts();

    // The structure tree: one group per block, in reading order.
    let mut groups: BTreeMap<usize, (BlockKind, Vec<(Role, Node)>)> = BTreeMap::new();
    let mut order: Vec<usize> = Vec::new();

    let size = Size::from_wh(PAGE_WIDTH, PAGE_HEIGHT).ok_or_else(|| tr!("typeset-page-size"))?;
    if let Some(card) = card {
        for file in card.files {
            let name = file.path.clone();
            document
                .embed_file(file)
                .ok_or_else(|| tr!("typeset-embedded-twice", name = &name))?;
        }
    }
    for page in &pages.pages {
        let mut p = document.start_page_with(PageSettings::new(size));
        let mut surface = p.surface();
        if let Some(mark) = &pages.draft {
            artifact(&mut surface, ArtifactType::Watermark, |s| {
                draw_mark(s, mark)
            });
        }
        for rule in &page.rules {
            artifact(&mut surface, ArtifactType::Layout, |s| {
                let mut pb = PathBuilder::new();
                if let Some(rect) = Rect::from_xywh(
                    rule.x0,
                    rule.y - rule.thickness / 2.0,
                    rule.x1 - rule.x0,
                    rule.thickness,
                ) {
                    pb.push_rect(rect);
                }
                if let Some(path) = pb.finish() {
                    s.set_fill(Some(krilla::paint::Fill::default()));
                    s.draw_path(&path);
                }
            });
        }
        for rule in &page.vrules {
            artifact(&mut surface, ArtifactType::Layout, |s| {
                let mut pb = PathBuilder::new();
                if let Some(rect) = Rect::from_xywh(
                    rule.x - rule.thickness / 2.0,
                    rule.y0,
                    rule.thickness,
                    rule.y1 - rule.y0,
                ) {
                    pb.push_rect(rect);
                }
                if let Some(path) = pb.finish() {
                    s.set_fill(Some(krilla::paint::Fill::default()));
                    s.draw_path(&path);
                }
            });
        }
        for code in &page.codes {
            artifact(&mut surface, ArtifactType::Layout, |s| draw_code(s, code));
        }
        for img in &page.images {
            let mut failed = None;
            artifact(&mut surface, ArtifactType::Layout, |s| {
                s.push_transform(&Transform::from_translate(img.x, img.y));
                let Some(size) = Size::from_wh(img.width, img.height) else {
                    s.pop();
                    return;
                };
                match &img.image.data {
                    EmblemData::Png { bytes } => {
                        let data: Arc<dyn AsRef<[u8]> + Send + Sync> = bytes.clone();
                        // No interpolation: PDF/A forbids /Interpolate true,
                        // and krilla's validator refuses the image with it.
                        match krilla::image::Image::from_png(data.into(), false) {
                            Ok(image) => s.draw_image(image, size),
                            Err(e) => failed = Some(e),
                        }
                    }
                    EmblemData::Svg { tree, .. } => {
                        use krilla_svg::SurfaceExt;
                        if s.draw_svg(tree, size, krilla_svg::SvgSettings::default())
                            .is_none()
                        {
                            failed = Some(tr!("typeset-svg-not-drawn"));
                        }
                    }
                }
                s.pop();
            });
            if let Some(e) = failed {
                return Err(format!("emblem: {e}"));
            }
        }
        for run in page.lines.iter().flat_map(|line| line_runs(page, line)) {
            let run = run.as_ref();
            if run.block.is_page_number() {
                // Page numbers are pagination artifacts, not content.
                artifact(&mut surface, ArtifactType::PageNumber, |s| {
                    draw_run(s, run, &fonts)
                });
                continue;
            }
            if run.block.role == Role::RepeatedHeader {
                // The header again on a continuation page: read once.
                artifact(&mut surface, ArtifactType::PaginationOther, |s| {
                    draw_run(s, run, &fonts)
                });
                continue;
            }
            // The rest of a word that a carrier copied out with the line
            // above copies as nothing.
            let actual = run.continues_word.then_some("");
            let id =
                surface.start_tagged(ContentTag::Span(SpanTag::empty().with_actual_text(actual)));
            draw_run(&mut surface, run, &fonts);
            surface.end_tagged();
            let entry = groups.entry(run.block.index).or_insert_with(|| {
                order.push(run.block.index);
                (run.block.kind, Vec::new())
            });
            entry.1.push((run.block.role, Node::Leaf(id)));
        }
        surface.finish();
        p.finish();
    }

    let mut tree = TagTree::new().with_lang(Some(pages.info.lang.code().to_owned()));
    for index in order {
        if let Some((kind, leaves)) = groups.remove(&index) {
            tree.push(tags::block(kind, leaves));
        }
    }
    document.set_tag_tree(tree);
    document.finish().map_err(describe_error)
}

/// The runs that draw `line`. Where copied text takes the rest of the word
/// the line ends inside of ([`Page::carried_rest`]), zero-width carrier
/// glyphs of the last run's face hold it, in pieces of [`CARRIER_CHARS`]:
/// the first ends the last run, each other is a run of its own. (A face
/// without a carrier glyph copies the word without its rest.)
fn line_runs<'p>(page: &'p Page, line: &Line) -> Vec<Cow<'p, TextRun>> {
    let runs = &page.runs[line.runs.clone()];
    let mut out: Vec<Cow<TextRun>> = runs.iter().map(Cow::Borrowed).collect();
    let (Some(rest), Some(last)) = (page.carried_rest(line), runs.last()) else {
        return out;
    };
    let Some(id) = font_set().face(last.face).carrier else {
        return out;
    };
    let chars: Vec<char> = rest.chars().collect();
    let x = last.x + last.width();
    for (k, piece) in chars.chunks(CARRIER_CHARS).enumerate() {
        let mut run = match out.pop() {
            Some(own) if k == 0 => own.into_owned(),
            other => {
                out.extend(other);
                TextRun {
                    face: last.face,
                    size: last.size,
                    scale: last.scale,
                    x,
                    baseline: last.baseline,
                    glyphs: Vec::new(),
                    text: String::new(),
                    block: last.block,
                    continues_word: false,
                }
            }
        };
        let start = run.text.len();
        run.text.extend(piece);
        run.glyphs.push(Glyph {
            id,
            advance: 0.0,
            tracking: 0.0,
            x_offset: 0.0,
            y_offset: 0.0,
            text: start..run.text.len(),
        });
        out.push(Cow::Owned(run));
    }
    out
}

fn draw_run(surface: &mut Surface, run: &TextRun, fonts: &KrillaFonts) {
    // Font expansion as PDF's own horizontal scaling (`Tz`): text
    // extraction (pdfminer, poppler) then sees the scaled glyphs' advances,
    // not letter-spacing.
    let scale = if run.scale.is_finite() && run.scale > 0.0 {
        run.scale
    } else {
        1.0
    };
    if scale != 1.0 {
        surface.set_horizontal_scaling(scale * 100.0);
    }
    let mut x = run.x;
    let mut from = 0;
    while from < run.glyphs.len() {
        let to = (from + MAX_GLYPHS_PER_DRAW).min(run.glyphs.len());
        let glyphs: Vec<PdfGlyph> = run.glyphs[from..to]
            .iter()
            .map(|glyph| {
                let r = &glyph.text;
                // A cluster cut by the previous call has copied out already.
                let continued = from > 0 && run.glyphs[from - 1].text == *r;
                let end = run
                    .text
                    .floor_char_boundary(r.end.min(r.start.saturating_add(MAX_PDF_TEXT_BYTES)));
                PdfGlyph {
                    glyph,
                    size: run.size,
                    scale,
                    advance: glyph.drawn_advance(run.scale),
                    x_offset: glyph.drawn_x_offset(run.scale),
                    text: if continued {
                        r.end..r.end
                    } else {
                        r.start..end.max(r.start)
                    },
                }
            })
            .collect();
        surface.draw_glyphs(
            Point::from_xy(x, run.baseline),
            &glyphs,
            fonts.get(run.face).clone(),
            &run.text,
            run.size,
            false,
        );
        x += glyphs.iter().map(|g| g.advance).sum::<f32>();
        from = to;
    }
    if scale != 1.0 {
        surface.set_horizontal_scaling(100.0);
    }
}

/// The draft mark: the word's outlines filled in a light grey.
fn draw_mark(surface: &mut Surface, mark: &DraftMark) {
    let mut pb = PathBuilder::new();
    for segment in &mark.path {
        match *segment {
            Segment::Move(p) => pb.move_to(p.x, p.y),
            Segment::Line(p) => pb.line_to(p.x, p.y),
            Segment::Quad(a, p) => pb.quad_to(a.x, a.y, p.x, p.y),
            Segment::Cubic(a, b, p) => pb.cubic_to(a.x, a.y, b.x, b.y, p.x, p.y),
            Segment::Close => pb.close(),
        }
    }
    if let Some(path) = pb.finish() {
        let grey = (mark.grey.clamp(0.0, 1.0) * 255.0).round() as u8;
        surface.set_fill(Some(krilla::paint::Fill {
            paint: krilla::color::luma::Color::new(grey).into(),
            ..krilla::paint::Fill::default()
        }));
        surface.draw_path(&path);
    }
}

/// A QR code: its dark modules as filled rectangles, one path.
fn draw_code(surface: &mut Surface, code: &QrMark) {
    let mut pb = PathBuilder::new();
    for (x, y, w, h) in code.rects() {
        if let Some(rect) = Rect::from_xywh(x, y, w, h) {
            pb.push_rect(rect);
        }
    }
    if let Some(path) = pb.finish() {
        surface.set_fill(Some(krilla::paint::Fill::default()));
        surface.draw_path(&path);
    }
}

fn artifact(surface: &mut Surface, kind: ArtifactType, draw: impl FnOnce(&mut Surface)) {
    surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(kind)));
    draw(surface);
    surface.end_tagged();
}

fn metadata(pages: &Pages) -> Metadata {
    let meta = &pages.info;
    let mut m = Metadata::new()
        .title(clip(&meta.title))
        .language(meta.lang.code().to_owned())
        .creator(format!("zhauap {}", env!("CARGO_PKG_VERSION")));
    if !meta.author.is_empty() {
        m = m.authors(vec![clip(&meta.author)]);
    }
    if !meta.subject.is_empty() {
        m = m.description(clip(&meta.subject));
    }
    // The creation date is the letter's own date, never the clock, so the
    // same letter always gives the same bytes.
    if let Some(date) = meta.date {
        m = m.creation_date(pdf_date(date));
    }
    m
}

/// A metadata string cut to what a PDF/A string may hold.
fn clip(text: &str) -> String {
    if text.len() <= MAX_PDF_TEXT_BYTES {
        return text.to_owned();
    }
    format!("{}…", &text[..text.floor_char_boundary(MAX_PDF_TEXT_BYTES)])
}

fn pdf_date(date: chrono::NaiveDate) -> DateTime {
    use chrono::Datelike;
    {
        DateTime::new(date.year().clamp(0, 9999) as u16)
            .month(date.month() as u8)
            .day(date.day() as u8)
            .hour(0)
            .minute(0)
            .second(0)
            .utc_offset_hour(0)
            .utc_offset_minute(0)
    }
}

fn describe_error(e: krilla::error::KrillaError) -> String {
    match e {
        krilla::error::KrillaError::Validation(errors) => {
            let causes: Vec<String> = errors.iter().map(|(e, _)| format!("{e:?}")).collect();
            tr!("typeset-not-pdfa", causes = causes.join("; "))
        }
        other => tr!("typeset-pdf-failed", cause = format!("{other:?}")),
    }
}
