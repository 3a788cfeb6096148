//! A small PDF text reader for the tests: it reads back what zhauap's PDF
//! writer (krilla) produces, independently of the library, so the tests
//! measure the printed letter rather than the typesetter's own bookkeeping.
//!
//! It understands what krilla writes and a little more: Type0 fonts with
//! Identity-H (and simple fonts), `/W` and `/Widths`, ToUnicode CMaps with
//! `bfchar` and `bfrange`, the text operators (`Tf Tm Td TD T* Tc Tw Tz TL Ts
//! Tj TJ ' "`), `q Q cm`, form XObjects, and marked content with
//! `/ActualText` (inline or through `/Properties`), where the actual text
//! replaces the glyphs of the span in the copied text. Besides text, it
//! counts the curves a page draws and lists the file's raster images, for
//! the tests that an emblem is vector artwork or the raster it was given.
//!
//! Coordinates are in points from the page's top-left corner, x to the
//! right and y down, as in the library's `Pages`.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

/// A read-back PDF.
#[derive(Debug, Clone)]
pub struct Pdf {
    pub pages: Vec<Page>,
    /// Every font a page shows text with, by its `/BaseFont`.
    pub fonts: BTreeMap<String, FontInfo>,
    /// The pixel size (width, height) of every image XObject in the file,
    /// drawn or not, in object order: so a test can tell that vector
    /// artwork (an SVG emblem) stayed vector, or which raster went in.
    pub images: Vec<(i64, i64)>,
}

/// What the tests check about a font.
#[derive(Debug, Clone)]
pub struct FontInfo {
    pub base_font: String,
    /// `/Subtype` of the font dictionary (`Type0`, `TrueType`, …).
    pub subtype: String,
    /// `/Subtype` of the descendant font of a Type0 font (`CIDFontType2`).
    pub descendant_subtype: Option<String>,
    pub encoding: Option<String>,
    pub has_to_unicode: bool,
    /// The font program is embedded as TrueType (`/FontFile2`).
    pub has_font_file2: bool,
    /// `/Ascent` of the font descriptor, in em.
    pub ascent: f32,
    /// The advance of the glyph that copies as a space, in em.
    pub space_width: Option<f32>,
    /// The longest text a ToUnicode entry maps one glyph to, in UTF-16
    /// code units.
    pub longest_to_unicode: usize,
}

impl FontInfo {
    /// A subset's name starts with six capital letters and a `+`.
    pub fn is_subset(&self) -> bool {
        let b = self.base_font.as_bytes();
        b.len() > 7 && b[..6].iter().all(u8::is_ascii_uppercase) && b[6] == b'+'
    }

    /// The name without the subset tag.
    pub fn family(&self) -> &str {
        if self.is_subset() {
            &self.base_font[7..]
        } else {
            &self.base_font
        }
    }
}

#[derive(Debug, Clone)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    /// Lines in reading order: the order of the content stream, which is
    /// the typesetter's (and the structure tree's) order.
    pub lines: Vec<Line>,
    /// Base names of the fonts this page shows text with.
    pub fonts: BTreeSet<String>,
    /// Curve operators (`c`, `v`, `y`) the page draws, in the form XObjects
    /// it draws too: vector artwork such as an SVG emblem, as text and
    /// rules have none.
    pub curves: usize,
}

impl Page {
    /// The page's copied text, one line per line.
    pub fn text(&self) -> String {
        let lines: Vec<String> = self.lines.iter().map(Line::text).collect();
        lines.join("\n")
    }

    /// Lines that are content, not artifacts (page numbers).
    pub fn content_lines(&self) -> impl Iterator<Item = &Line> {
        self.lines.iter().filter(|l| !l.is_artifact())
    }

    /// The page's copied text as it is laid out, one string per row, top
    /// to bottom: the lines on one baseline (within 0.5 pt) joined left to
    /// right, with a tab where more than 1 pt separates two of them. A
    /// two-column row (a bilingual letterhead, a signature's title and
    /// name) is two [`Line`]s in content order; tests that look for a label
    /// as it reads on the page need it as one row. Page numbers included,
    /// lines that copy nothing left out.
    pub fn rows(&self) -> Vec<String> {
        let mut sorted: Vec<(&Line, String)> = self
            .lines
            .iter()
            .map(|l| (l, l.text()))
            .filter(|(_, text)| !text.is_empty())
            .collect();
        sorted.sort_by(|(a, _), (b, _)| {
            a.baseline
                .total_cmp(&b.baseline)
                .then(a.x0().total_cmp(&b.x0()))
        });
        // (baseline of the row's first line, where the row ends, its text)
        let mut rows: Vec<(f32, f32, String)> = Vec::new();
        for (line, text) in sorted {
            match rows.last_mut() {
                Some((baseline, end, row)) if (line.baseline - *baseline).abs() < 0.5 => {
                    if line.x0() - *end > 1.0 {
                        row.push('\t');
                    }
                    row.push_str(&text);
                    *end = line.x1();
                }
                _ => rows.push((line.baseline, line.x1(), text)),
            }
        }
        rows.into_iter().map(|(_, _, text)| text).collect()
    }
}

/// One shown glyph.
#[derive(Debug, Clone)]
pub struct Glyph {
    /// What the glyph stands for according to the font's ToUnicode map.
    pub drawn: String,
    /// What it contributes to copied text: `drawn`, unless the glyph is in
    /// an `/ActualText` span: then the span's first glyph carries the
    /// actual text and the others nothing.
    pub copy: String,
    /// The pen position where the glyph starts.
    pub x0: f32,
    /// The pen position after its advance and any `TJ` adjustment after it.
    pub x1: f32,
    /// The advance the font gives the glyph (`/W` × size), without
    /// adjustments: `x1 - x0 - natural` is the spacing added to it.
    pub natural: f32,
    /// Distance of the baseline from the top edge.
    pub baseline: f32,
    /// The font size in points, text and page scaling included.
    pub size: f32,
    pub font: String,
    /// Inside an `/Artifact` marked-content sequence.
    pub artifact: bool,
    /// The last glyph of a `Tj` or `TJ`: krilla leaves out the adjustment
    /// after it, so its true advance is known only from the glyph after it.
    pub ends_show: bool,
}

impl Glyph {
    fn advance(&self) -> f32 {
        self.x1 - self.x0
    }

    fn is_space(&self) -> bool {
        !self.drawn.is_empty() && self.drawn.chars().all(is_space_char)
    }
}

fn is_space_char(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Glyphs on one baseline that follow each other without a jump.
#[derive(Debug, Clone)]
pub struct Line {
    pub baseline: f32,
    pub glyphs: Vec<Glyph>,
}

/// A word: the glyphs between two spaces.
#[derive(Debug, Clone)]
pub struct Word {
    /// The drawn text.
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    pub baseline: f32,
    pub size: f32,
    /// The font of the word's first glyph.
    pub font: String,
}

impl Line {
    /// The copied text of the line (actual text honoured).
    pub fn text(&self) -> String {
        self.glyphs.iter().map(|g| g.copy.as_str()).collect()
    }

    /// The drawn text of the line (what the glyphs show).
    pub fn drawn(&self) -> String {
        self.glyphs.iter().map(|g| g.drawn.as_str()).collect()
    }

    pub fn x0(&self) -> f32 {
        self.glyphs.first().map_or(0.0, |g| g.x0)
    }

    /// Where the ink of the line ends: the end of the last glyph with an
    /// advance (zero-width glyphs draw nothing).
    pub fn x1(&self) -> f32 {
        self.glyphs
            .iter()
            .filter(|g| g.advance().abs() > 1e-4)
            .map(|g| g.x1)
            .fold(self.x0(), f32::max)
    }

    /// The largest font size on the line.
    pub fn size(&self) -> f32 {
        self.glyphs.iter().map(|g| g.size).fold(0.0, f32::max)
    }

    pub fn fonts(&self) -> BTreeSet<&str> {
        self.glyphs.iter().map(|g| g.font.as_str()).collect()
    }

    pub fn is_artifact(&self) -> bool {
        self.glyphs.iter().all(|g| g.artifact)
    }

    /// Whether the last glyph that draws something is a hyphen.
    pub fn ends_with_hyphen(&self) -> bool {
        self.glyphs
            .iter()
            .rev()
            .find(|g| g.advance().abs() > 1e-4)
            .is_some_and(|g| g.drawn == "-")
    }

    /// The spacing added between the letters of words, in em: for every
    /// glyph of a word but its last, its advance less the font's advance
    /// (kerning shows here too, as small negative or positive values).
    pub fn letter_spacing(&self) -> Vec<f32> {
        let mut out = Vec::new();
        let drawn: Vec<&Glyph> = self
            .glyphs
            .iter()
            .filter(|g| g.advance().abs() > 1e-4)
            .collect();
        for pair in drawn.windows(2) {
            if !pair[0].is_space() && !pair[1].is_space() {
                out.push((pair[0].advance() - pair[0].natural) / pair[0].size);
            }
        }
        out
    }

    /// The line's words with their boxes.
    pub fn words(&self) -> Vec<Word> {
        self.split().0
    }

    /// The spaces between consecutive words.
    pub fn gaps(&self) -> Vec<Gap> {
        self.split().1
    }

    /// Words and the gaps between them. Zero-width glyphs (the carrier of a
    /// broken word's copy text) draw nothing and are not part of any word.
    fn split(&self) -> (Vec<Word>, Vec<Gap>) {
        let mut words: Vec<Word> = Vec::new();
        let mut gaps = Vec::new();
        let mut current: Option<Word> = None;
        // The first space glyph after the last word: its font and size.
        let mut space: Option<(String, f32)> = None;
        for g in &self.glyphs {
            if g.is_space() {
                if let Some(w) = current.take() {
                    words.push(w);
                    space = Some((g.font.clone(), g.size));
                }
                continue;
            }
            if g.advance().abs() <= 1e-4 {
                continue;
            }
            match &mut current {
                Some(w) => {
                    w.text.push_str(&g.drawn);
                    w.x1 = g.x1;
                }
                None => {
                    if let (Some(prev), Some((font, size))) = (words.last(), space.take()) {
                        gaps.push(Gap {
                            width: g.x0 - prev.x1,
                            font,
                            size,
                        });
                    }
                    current = Some(Word {
                        text: g.drawn.clone(),
                        x0: g.x0,
                        x1: g.x1,
                        baseline: g.baseline,
                        size: g.size,
                        font: g.font.clone(),
                    });
                }
            }
        }
        words.extend(current);
        (words, gaps)
    }
}

/// The space between two words on a line.
#[derive(Debug, Clone)]
pub struct Gap {
    /// From the end of one word to the start of the next, in points.
    pub width: f32,
    /// Font and size of the space glyph set there.
    pub font: String,
    pub size: f32,
}

impl Pdf {
    pub fn parse(bytes: &[u8]) -> Result<Pdf, String> {
        let doc = Document::load_mem(bytes).map_err(|e| format!("not a PDF lopdf reads: {e}"))?;
        let mut reader = Reader {
            doc: &doc,
            fonts: HashMap::new(),
        };
        let mut pages = Vec::new();
        for (number, id) in doc.get_pages() {
            pages.push(reader.page(id).map_err(|e| format!("page {number}: {e}"))?);
        }
        let images = doc
            .objects
            .values()
            .filter_map(|o| o.as_stream().ok())
            .filter(|s| {
                reader
                    .dict_get(&s.dict, b"Subtype")
                    .and_then(|o| o.as_name().ok())
                    == Some(b"Image")
            })
            .filter_map(|s| {
                let size = |key: &[u8]| reader.dict_get(&s.dict, key)?.as_i64().ok();
                Some((size(b"Width")?, size(b"Height")?))
            })
            .collect();
        let mut fonts = BTreeMap::new();
        for font in reader.fonts.into_values() {
            if pages.iter().any(|p| p.fonts.contains(&font.info.base_font)) {
                fonts.insert(font.info.base_font.clone(), font.info);
            }
        }
        Ok(Pdf {
            pages,
            fonts,
            images,
        })
    }

    /// All copied text: lines joined by [`join_lines`], artifacts left out.
    pub fn copied_text(&self) -> String {
        join_lines(
            self.pages
                .iter()
                .flat_map(|p| p.content_lines().map(Line::text)),
        )
    }
}

/// Joins lines of copied text the way a reader re-reads a printed text: a
/// line ending in `-` before a line starting with a lowercase letter is a
/// hyphenated word and is joined without the hyphen; other lines are joined
/// with a space. Whitespace (U+00A0 included) is normalised to single spaces.
pub fn join_lines<I: IntoIterator<Item = String>>(lines: I) -> String {
    let mut out = String::new();
    for line in lines {
        let line = normalize_space(&line);
        if line.is_empty() {
            continue;
        }
        let next_lower = line.chars().next().is_some_and(char::is_lowercase);
        if out.ends_with('-') && next_lower {
            out.pop();
        } else if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&line);
    }
    out
}

/// Collapses runs of whitespace (U+00A0 and other spaces included) into one
/// space and trims the ends.
pub fn normalize_space(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || is_space_char(c))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

// ---------------------------------------------------------------------------
// The reader
// ---------------------------------------------------------------------------

type Matrix = [f32; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `a × b` for PDF's row-vector matrices.
fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn translate(tx: f32, ty: f32) -> Matrix {
    [1.0, 0.0, 0.0, 1.0, tx, ty]
}

struct Font {
    info: FontInfo,
    /// Codes are two bytes (Type0 with Identity-H) or one.
    two_byte: bool,
    /// Advances in glyph space (1/1000 em) by CID or code.
    widths: HashMap<u32, f32>,
    default_width: f32,
    to_unicode: HashMap<u32, String>,
}

impl Font {
    fn codes(&self, bytes: &[u8]) -> Vec<u32> {
        if self.two_byte {
            bytes
                .chunks(2)
                .map(|c| (u32::from(c[0]) << 8) | u32::from(*c.get(1).unwrap_or(&0)))
                .collect()
        } else {
            bytes.iter().map(|&b| u32::from(b)).collect()
        }
    }

    fn width(&self, code: u32) -> f32 {
        self.widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width)
    }
}

/// The graphics and text state saved by `q` and restored by `Q`.
#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<ObjectId>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    h_scale: f32,
    leading: f32,
    rise: f32,
}

/// An `/ActualText` span being read: its text goes to its first glyph.
struct Actual {
    text: String,
    given: bool,
    /// The marked-content depth that opened it.
    depth: usize,
}

struct Reader<'a> {
    doc: &'a Document,
    fonts: HashMap<ObjectId, Font>,
}

/// What one content stream (and the forms it draws) produces.
struct Run<'r> {
    state: State,
    stack: Vec<State>,
    tm: Matrix,
    tlm: Matrix,
    /// For each open marked-content sequence: whether it is an artifact.
    marked: Vec<bool>,
    actual: Option<Actual>,
    glyphs: &'r mut Vec<Glyph>,
    page_top: f32,
    /// Curve operators drawn so far.
    curves: usize,
}

impl<'a> Reader<'a> {
    fn deref(&self, o: &'a Object) -> &'a Object {
        match o {
            Object::Reference(id) => self.doc.get_object(*id).unwrap_or(o),
            _ => o,
        }
    }

    fn dict_get(&self, d: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
        d.get(key).ok().map(|o| self.deref(o))
    }

    /// A page attribute, inherited from the page tree if need be.
    fn inherited(&self, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
        let mut node = page;
        for _ in 0..32 {
            if let Some(o) = self.dict_get(node, key) {
                return Some(o);
            }
            node = self.dict_get(node, b"Parent")?.as_dict().ok()?;
        }
        None
    }

    fn page(&mut self, id: ObjectId) -> Result<Page, String> {
        let doc = self.doc;
        let dict = doc.get_dictionary(id).map_err(|e| e.to_string())?;
        let media: Vec<f32> = self
            .inherited(dict, b"MediaBox")
            .and_then(|o| o.as_array().ok())
            .map(|a| {
                a.iter()
                    .filter_map(|o| self.deref(o).as_float().ok())
                    .collect()
            })
            .ok_or("no MediaBox")?;
        if media.len() != 4 {
            return Err("a MediaBox without four numbers".into());
        }
        let resources = self
            .inherited(dict, b"Resources")
            .and_then(|o| o.as_dict().ok());
        let content = doc
            .get_page_content_with_limit(id, 64 << 20)
            .map_err(|e| format!("content: {e}"))?;
        let mut glyphs = Vec::new();
        let mut run = Run {
            state: State {
                ctm: IDENTITY,
                font: None,
                size: 0.0,
                char_spacing: 0.0,
                word_spacing: 0.0,
                h_scale: 1.0,
                leading: 0.0,
                rise: 0.0,
            },
            stack: Vec::new(),
            tm: IDENTITY,
            tlm: IDENTITY,
            marked: Vec::new(),
            actual: None,
            glyphs: &mut glyphs,
            page_top: media[3],
            curves: 0,
        };
        self.stream(&content, resources, &mut run, 0)?;
        let curves = run.curves;
        let fonts = glyphs.iter().map(|g| g.font.clone()).collect();
        Ok(Page {
            width: media[2] - media[0],
            height: media[3] - media[1],
            lines: group_lines(glyphs),
            fonts,
            curves,
        })
    }

    fn stream(
        &mut self,
        content: &[u8],
        resources: Option<&'a Dictionary>,
        run: &mut Run,
        depth: usize,
    ) -> Result<(), String> {
        if depth > 8 {
            return Err("form XObjects nested too deep".into());
        }
        let ops = Content::decode(content).map_err(|e| format!("content stream: {e}"))?;
        for op in &ops.operations {
            let nums: Vec<f32> = op
                .operands
                .iter()
                .filter_map(|o| o.as_float().ok())
                .collect();
            let num = |i: usize| nums.get(i).copied().unwrap_or(0.0);
            match op.operator.as_str() {
                "q" => run.stack.push(run.state.clone()),
                "c" | "v" | "y" => run.curves += 1,
                "Q" => {
                    if let Some(s) = run.stack.pop() {
                        run.state = s;
                    }
                }
                "cm" if nums.len() == 6 => {
                    let m = [num(0), num(1), num(2), num(3), num(4), num(5)];
                    run.state.ctm = mul(&m, &run.state.ctm);
                }
                "BT" => {
                    run.tm = IDENTITY;
                    run.tlm = IDENTITY;
                }
                "Tf" => {
                    let name = op
                        .operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .ok_or("Tf without a font name")?;
                    run.state.font = Some(self.font(resources, name)?);
                    run.state.size = num(0);
                }
                "Tc" => run.state.char_spacing = num(0),
                "Tw" => run.state.word_spacing = num(0),
                "Tz" => run.state.h_scale = num(0) / 100.0,
                "TL" => run.state.leading = num(0),
                "Ts" => run.state.rise = num(0),
                "Tm" if nums.len() == 6 => {
                    run.tm = [num(0), num(1), num(2), num(3), num(4), num(5)];
                    run.tlm = run.tm;
                }
                "Td" => run.next_line(num(0), num(1)),
                "TD" => {
                    run.state.leading = -num(1);
                    run.next_line(num(0), num(1));
                }
                "T*" => run.next_line(0.0, -run.state.leading),
                "Tj" => {
                    if let Some(Object::String(s, _)) = op.operands.first() {
                        self.show(run, s)?;
                    }
                }
                "'" => {
                    run.next_line(0.0, -run.state.leading);
                    if let Some(Object::String(s, _)) = op.operands.first() {
                        self.show(run, s)?;
                    }
                }
                "\"" => {
                    run.state.word_spacing = num(0);
                    run.state.char_spacing = num(1);
                    run.next_line(0.0, -run.state.leading);
                    if let Some(Object::String(s, _)) = op.operands.get(2) {
                        self.show(run, s)?;
                    }
                }
                "TJ" => {
                    let items = op
                        .operands
                        .first()
                        .and_then(|o| o.as_array().ok())
                        .ok_or("TJ without an array")?;
                    let first = run.glyphs.len();
                    for item in items {
                        // Only the TJ's own last glyph can lack its adjustment;
                        // one followed by more of the TJ ends at the pen.
                        let pen = run.pen().0;
                        if run.glyphs.len() > first
                            && let Some(g) = run.glyphs.last_mut()
                        {
                            if g.ends_show {
                                g.x1 = pen;
                            }
                            g.ends_show = false;
                        }
                        match item {
                            Object::String(s, _) => self.show(run, s)?,
                            other => {
                                let n = other.as_float().map_err(|e| e.to_string())?;
                                let tx = -n / 1000.0 * run.state.size * run.state.h_scale;
                                run.tm = mul(&translate(tx, 0.0), &run.tm);
                                // The adjustment after a glyph is part of its advance.
                                let x = run.pen().0;
                                if run.glyphs.len() > first
                                    && let Some(g) = run.glyphs.last_mut()
                                {
                                    g.x1 = x;
                                }
                            }
                        }
                    }
                }
                "BMC" => run.marked.push(is_artifact_tag(op.operands.first())),
                "BDC" => {
                    let props = match op.operands.get(1) {
                        Some(Object::Dictionary(d)) => Some(d),
                        Some(Object::Name(n)) => resources
                            .and_then(|r| self.dict_get(r, b"Properties"))
                            .and_then(|p| p.as_dict().ok())
                            .and_then(|p| self.dict_get(p, n))
                            .and_then(|o| o.as_dict().ok()),
                        _ => None,
                    };
                    run.marked.push(is_artifact_tag(op.operands.first()));
                    let actual = props
                        .and_then(|p| self.dict_get(p, b"ActualText"))
                        .and_then(|o| o.as_str().ok());
                    if let (Some(text), None) = (actual, &run.actual) {
                        run.actual = Some(Actual {
                            text: decode_text_string(text),
                            given: false,
                            depth: run.marked.len(),
                        });
                    }
                }
                "EMC" => {
                    if run
                        .actual
                        .as_ref()
                        .is_some_and(|a| a.depth == run.marked.len())
                        && let Some(a) = run.actual.take()
                        && !a.given
                        && let Some(g) = run.glyphs.last_mut()
                    {
                        // A span with actual text but no glyph: the text
                        // follows what came before.
                        g.copy.push_str(&a.text);
                    }
                    run.marked.pop();
                }
                "Do" => {
                    let name = op
                        .operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .ok_or("Do without a name")?;
                    let Some(form) = resources
                        .and_then(|r| self.dict_get(r, b"XObject"))
                        .and_then(|x| x.as_dict().ok())
                        .and_then(|x| self.dict_get(x, name))
                        .and_then(|o| o.as_stream().ok())
                    else {
                        continue;
                    };
                    if self
                        .dict_get(&form.dict, b"Subtype")
                        .and_then(|s| s.as_name().ok())
                        != Some(b"Form")
                    {
                        continue;
                    }
                    let matrix: Vec<f32> = self
                        .dict_get(&form.dict, b"Matrix")
                        .and_then(|m| m.as_array().ok())
                        .map(|a| a.iter().filter_map(|o| o.as_float().ok()).collect())
                        .unwrap_or_default();
                    let data = form
                        .decompressed_content()
                        .unwrap_or_else(|_| form.content.clone());
                    let inner = self
                        .dict_get(&form.dict, b"Resources")
                        .and_then(|r| r.as_dict().ok())
                        .or(resources);
                    let saved = run.state.clone();
                    if let [a, b, c, d, e, f] = matrix[..] {
                        run.state.ctm = mul(&[a, b, c, d, e, f], &run.state.ctm);
                    }
                    self.stream(&data, inner, run, depth + 1)?;
                    run.state = saved;
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Shows the glyphs of one string at the pen and advances it.
    fn show(&mut self, run: &mut Run, bytes: &[u8]) -> Result<(), String> {
        let id = run.state.font.ok_or("text shown before Tf")?;
        let font = &self.fonts[&id];
        for code in font.codes(bytes) {
            let (x0, y) = run.pen();
            let w = font.width(code) / 1000.0;
            let start = run.tm;
            run.tm = mul(
                &translate(w * run.state.size * run.state.h_scale, 0.0),
                &start,
            );
            let natural = run.pen().0 - x0;
            // `Tc` (and `Tw` after a one-byte space) move the pen after the glyph.
            let mut tx = w * run.state.size + run.state.char_spacing;
            if !font.two_byte && code == 32 {
                tx += run.state.word_spacing;
            }
            run.tm = mul(&translate(tx * run.state.h_scale, 0.0), &start);
            let (x1, _) = run.pen();
            let m = mul(&run.tm, &run.state.ctm);
            let size = run.state.size * (m[2] * m[2] + m[3] * m[3]).sqrt();
            let drawn = font.to_unicode.get(&code).cloned().unwrap_or_default();
            let copy = match &mut run.actual {
                None => drawn.clone(),
                Some(a) if !a.given => {
                    a.given = true;
                    a.text.clone()
                }
                Some(_) => String::new(),
            };
            run.glyphs.push(Glyph {
                drawn,
                copy,
                x0,
                x1,
                natural,
                baseline: run.page_top - y,
                size,
                font: font.info.base_font.clone(),
                artifact: run.marked.iter().any(|&a| a),
                ends_show: false,
            });
        }
        if let Some(g) = run.glyphs.last_mut() {
            // Like the dropped adjustment, the character spacing after a
            // show's last glyph is known to be drawn only if something follows.
            g.ends_show = true;
            g.x1 = g.x0 + g.natural;
        }
        Ok(())
    }

    /// Loads the font a resource name stands for, once per font object.
    fn font(&mut self, resources: Option<&'a Dictionary>, name: &[u8]) -> Result<ObjectId, String> {
        let missing = || {
            format!(
                "font /{} not in the resources",
                String::from_utf8_lossy(name)
            )
        };
        let fonts = resources
            .and_then(|r| self.dict_get(r, b"Font"))
            .and_then(|f| f.as_dict().ok())
            .ok_or_else(missing)?;
        let id = fonts
            .get(name)
            .ok()
            .and_then(|o| o.as_reference().ok())
            .ok_or_else(missing)?;
        if !self.fonts.contains_key(&id) {
            let dict = self.doc.get_dictionary(id).map_err(|e| e.to_string())?;
            let font = self.load_font(dict)?;
            self.fonts.insert(id, font);
        }
        Ok(id)
    }

    fn name_of(&self, d: &'a Dictionary, key: &[u8]) -> Option<String> {
        self.dict_get(d, key)
            .and_then(|o| o.as_name().ok())
            .map(|n| String::from_utf8_lossy(n).into_owned())
    }

    fn load_font(&self, dict: &'a Dictionary) -> Result<Font, String> {
        let base_font = self.name_of(dict, b"BaseFont").unwrap_or_default();
        let subtype = self.name_of(dict, b"Subtype").unwrap_or_default();
        let encoding = self.name_of(dict, b"Encoding");
        let two_byte = subtype == "Type0";
        if two_byte && encoding.as_deref() != Some("Identity-H") {
            return Err(format!(
                "{base_font}: only Identity-H is read, not {encoding:?}"
            ));
        }
        let descendant = if two_byte {
            self.dict_get(dict, b"DescendantFonts")
                .and_then(|o| o.as_array().ok())
                .and_then(|a| a.first())
                .and_then(|o| self.deref(o).as_dict().ok())
        } else {
            None
        };
        let mut widths = HashMap::new();
        let mut default_width = 0.0;
        if let Some(cid) = descendant {
            default_width = self
                .dict_get(cid, b"DW")
                .and_then(|o| o.as_float().ok())
                .unwrap_or(1000.0);
            let w: Vec<&Object> = self
                .dict_get(cid, b"W")
                .and_then(|o| o.as_array().ok())
                .map(|a| a.iter().map(|o| self.deref(o)).collect())
                .unwrap_or_default();
            // `c [w1 w2 …]` or `c_first c_last w`.
            let mut i = 0;
            while i < w.len() {
                let first = w[i].as_float().map_err(|e| e.to_string())? as u32;
                match w.get(i + 1) {
                    Some(Object::Array(list)) => {
                        for (k, v) in list.iter().enumerate() {
                            let v = self.deref(v).as_float().map_err(|e| e.to_string())?;
                            widths.insert(first + k as u32, v);
                        }
                        i += 2;
                    }
                    Some(last) => {
                        let last = last.as_float().map_err(|e| e.to_string())? as u32;
                        let v = w
                            .get(i + 2)
                            .and_then(|o| o.as_float().ok())
                            .ok_or("a /W range without a width")?;
                        for c in first..=last.min(first + 0xFFFF) {
                            widths.insert(c, v);
                        }
                        i += 3;
                    }
                    None => return Err("a /W array that ends early".into()),
                }
            }
        } else {
            let first = self
                .dict_get(dict, b"FirstChar")
                .and_then(|o| o.as_float().ok())
                .unwrap_or(0.0) as u32;
            if let Some(list) = self
                .dict_get(dict, b"Widths")
                .and_then(|o| o.as_array().ok())
            {
                for (k, v) in list.iter().enumerate() {
                    if let Ok(v) = self.deref(v).as_float() {
                        widths.insert(first + k as u32, v);
                    }
                }
            }
        }
        let descriptor = descendant
            .unwrap_or(dict)
            .get(b"FontDescriptor")
            .ok()
            .and_then(|o| self.deref(o).as_dict().ok());
        let to_unicode = match self
            .dict_get(dict, b"ToUnicode")
            .and_then(|o| o.as_stream().ok())
        {
            Some(s) => {
                let data = s
                    .decompressed_content()
                    .unwrap_or_else(|_| s.content.clone());
                parse_cmap(&data)
            }
            None => HashMap::new(),
        };
        let space_width = to_unicode
            .iter()
            .filter(|(_, t)| t.as_str() == " ")
            .map(|(c, _)| *c)
            .min()
            .map(|c| widths.get(&c).copied().unwrap_or(default_width) / 1000.0);
        let info = FontInfo {
            base_font,
            subtype,
            descendant_subtype: descendant.and_then(|d| self.name_of(d, b"Subtype")),
            encoding,
            has_to_unicode: dict.has(b"ToUnicode"),
            has_font_file2: descriptor.is_some_and(|d| d.has(b"FontFile2")),
            ascent: descriptor
                .and_then(|d| self.dict_get(d, b"Ascent"))
                .and_then(|o| o.as_float().ok())
                .unwrap_or(0.0)
                / 1000.0,
            space_width,
            longest_to_unicode: to_unicode
                .values()
                .map(|t| t.encode_utf16().count())
                .max()
                .unwrap_or(0),
        };
        Ok(Font {
            info,
            two_byte,
            widths,
            default_width,
            to_unicode,
        })
    }
}

impl Run<'_> {
    /// The pen's position on the page: x from the left, y up (PDF space).
    fn pen(&self) -> (f32, f32) {
        let m = mul(
            &mul(&translate(0.0, self.state.rise), &self.tm),
            &self.state.ctm,
        );
        (m[4], m[5])
    }

    fn next_line(&mut self, tx: f32, ty: f32) {
        self.tlm = mul(&translate(tx, ty), &self.tlm);
        self.tm = self.tlm;
    }
}

fn is_artifact_tag(tag: Option<&Object>) -> bool {
    tag.and_then(|t| t.as_name().ok()) == Some(b"Artifact")
}

/// Groups glyphs, in content order, into lines: a glyph starts a new line
/// when it leaves the baseline, starts before the previous glyph, or jumps
/// further than a justified space can be wide. (Not "before the previous
/// glyph's end": krilla drops the `TJ` adjustment after a run's last glyph,
/// so a shrunk space at the end of a run reads a little wider than set.)
fn group_lines(glyphs: Vec<Glyph>) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    for g in glyphs {
        let joins = lines.last().is_some_and(|l| {
            let last = l.glyphs.last().expect("lines are never empty");
            (g.baseline - l.baseline).abs() <= 0.5
                && g.x0 >= last.x0 - 0.01
                && g.x0 - last.x1 <= 1.5 * g.size.max(last.size)
        });
        if joins {
            let line = lines.last_mut().expect("checked");
            let last = line.glyphs.last_mut().expect("lines are never empty");
            if last.ends_show {
                // The next glyph on the line starts where this one ends.
                last.x1 = g.x0;
            }
            line.glyphs.push(g);
        } else {
            lines.push(Line {
                baseline: g.baseline,
                glyphs: vec![g],
            });
        }
    }
    lines
}

/// A PDF text string: UTF-16BE with a byte-order mark, UTF-8 with one, or
/// PDFDocEncoding (read as Latin-1, which it equals for letters).
fn decode_text_string(b: &[u8]) -> String {
    if let Some(rest) = b.strip_prefix(&[0xFE, 0xFF]) {
        utf16be(rest)
    } else if let Some(rest) = b.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        b.iter().map(|&c| char::from(c)).collect()
    }
}

fn utf16be(b: &[u8]) -> String {
    let units: Vec<u16> = b
        .chunks(2)
        .map(|c| (u16::from(c[0]) << 8) | u16::from(*c.get(1).unwrap_or(&0)))
        .collect();
    String::from_utf16_lossy(&units)
}

#[derive(Debug, PartialEq)]
enum CmapToken {
    Hex(Vec<u8>),
    Open,
    Close,
    Word(String),
}

fn cmap_tokens(data: &[u8]) -> Vec<CmapToken> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        match c {
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b'<' if data.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if data.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                let end = data[i..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(data.len(), |p| i + p);
                let digits: Vec<u8> = data[i + 1..end]
                    .iter()
                    .filter(|b| b.is_ascii_hexdigit())
                    .copied()
                    .collect();
                let bytes = digits
                    .chunks(2)
                    .map(|p| {
                        let s = std::str::from_utf8(p).unwrap_or("0");
                        let s = if s.len() == 1 {
                            format!("{s}0")
                        } else {
                            s.to_string()
                        };
                        u8::from_str_radix(&s, 16).unwrap_or(0)
                    })
                    .collect();
                out.push(CmapToken::Hex(bytes));
                i = end + 1;
            }
            b'[' => {
                out.push(CmapToken::Open);
                i += 1;
            }
            b']' => {
                out.push(CmapToken::Close);
                i += 1;
            }
            b'(' => {
                // Literal strings do not occur in bfchar/bfrange here; skip.
                let mut depth = 0;
                while i < data.len() {
                    match data[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
            }
            c if c.is_ascii_whitespace() => i += 1,
            _ => {
                let start = i;
                while i < data.len()
                    && !data[i].is_ascii_whitespace()
                    && !b"<>[]()%/".contains(&data[i])
                {
                    i += 1;
                }
                if i == start {
                    i += 1; // a lone '/' or other delimiter
                } else {
                    out.push(CmapToken::Word(
                        String::from_utf8_lossy(&data[start..i]).into_owned(),
                    ));
                }
            }
        }
    }
    out
}

fn code_of(b: &[u8]) -> u32 {
    b.iter().fold(0, |acc, &x| (acc << 8) | u32::from(x))
}

/// The `bfchar` and `bfrange` mappings of a ToUnicode CMap.
fn parse_cmap(data: &[u8]) -> HashMap<u32, String> {
    let tokens = cmap_tokens(data);
    let mut map = HashMap::new();
    let mut i = 0;
    let word = |t: &CmapToken, w: &str| matches!(t, CmapToken::Word(x) if x == w);
    while i < tokens.len() {
        if word(&tokens[i], "beginbfchar") {
            i += 1;
            while i + 1 < tokens.len() && !word(&tokens[i], "endbfchar") {
                if let (CmapToken::Hex(src), CmapToken::Hex(dst)) = (&tokens[i], &tokens[i + 1]) {
                    map.insert(code_of(src), utf16be(dst));
                }
                i += 2;
            }
        } else if word(&tokens[i], "beginbfrange") {
            i += 1;
            while i + 2 < tokens.len() && !word(&tokens[i], "endbfrange") {
                let (CmapToken::Hex(lo), CmapToken::Hex(hi)) = (&tokens[i], &tokens[i + 1]) else {
                    i += 1;
                    continue;
                };
                let (lo, hi) = (code_of(lo), code_of(hi));
                match &tokens[i + 2] {
                    CmapToken::Hex(dst) => {
                        // The last UTF-16 unit counts up through the range.
                        let mut units: Vec<u16> = dst
                            .chunks(2)
                            .map(|c| (u16::from(c[0]) << 8) | u16::from(*c.get(1).unwrap_or(&0)))
                            .collect();
                        for code in lo..=hi.min(lo + 0xFFFF) {
                            map.insert(code, String::from_utf16_lossy(&units));
                            if let Some(last) = units.last_mut() {
                                *last = last.wrapping_add(1);
                            }
                        }
                        i += 3;
                    }
                    CmapToken::Open => {
                        let mut k = i + 3;
                        let mut code = lo;
                        while k < tokens.len() && tokens[k] != CmapToken::Close {
                            if let CmapToken::Hex(dst) = &tokens[k] {
                                map.insert(code, utf16be(dst));
                                code += 1;
                            }
                            k += 1;
                        }
                        i = k + 1;
                    }
                    _ => i += 3,
                }
            }
        }
        i += 1;
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cmap_bfchar_and_bfrange() {
        let cmap = b"2 beginbfchar\n<0001> <0410>\n<0002> <00660069>\nendbfchar\n\
            1 beginbfrange\n<0010> <0012> <0430>\nendbfrange\n\
            1 beginbfrange\n<0020> <0021> [<0031> <D83DDE00>]\nendbfrange";
        let m = parse_cmap(cmap);
        assert_eq!(m[&1], "А");
        assert_eq!(m[&2], "fi");
        assert_eq!(m[&0x11], "б");
        assert_eq!(m[&0x12], "в");
        assert_eq!(m[&0x20], "1");
        assert_eq!(m[&0x21], "😀");
    }

    #[test]
    fn text_strings() {
        assert_eq!(decode_text_string(b"abc"), "abc");
        assert_eq!(decode_text_string(&[0xFE, 0xFF, 0x04, 0x10]), "А");
        assert_eq!(decode_text_string(b""), "");
    }

    #[test]
    fn joining_lines() {
        let lines = [
            "инфор-",
            "мация и\u{a0}ДЗ-",
            "83 и",
            "",
            "Интернет-",
            "Ресурс",
        ];
        assert_eq!(
            join_lines(lines.iter().map(|s| s.to_string())),
            "информация и ДЗ- 83 и Интернет- Ресурс"
        );
    }
}
