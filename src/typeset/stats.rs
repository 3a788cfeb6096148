//! Measuring our own layout with the figures of the shared ruler
//! `tools/typo2.py` (see `docs/peers.md`), from the typesetter's own data
//! instead of a PDF read back: letter-spacing per line, word gaps with that
//! letter-spacing counted back, underfull lines, words broken across pages,
//! runts, widows, orphans, hyphenated lines.
//!
//! Definitions and units follow typo2.py so that the two can be compared
//! (`tests/suite/typography_stats.rs` does): the letter-spacing of a line is
//! the median of (next glyph's origin − this glyph's origin − this glyph's
//! font advance) / size over the glyph pairs of two letters or digits,
//! glyphs grouped by baseline as pdfminer groups them; gaps are in natural
//! spaces of 0.25 em. The structure figures (paragraphs, pages) come from
//! the blocks the lines belong to, which typo2 has to guess from positions.

use std::cell::OnceCell;

use harfrust::ShaperFont;

use super::fonts::{FACES, FaceId, FontSet, fonts};
use super::page::{Line, Page, Pages, Role};
use crate::document::BlockKind;

/// A glyph gap wider than this many em is a word space (typo2's
/// `WORD_GAP_EM`).
const WORD_GAP_EM: f32 = 0.12;
/// A line's letter-spacing from this many em is seen as spacing out.
const TRACKED_EM: f32 = 0.02;
/// A line tighter than this many em is squeezed.
const CONDENSED_EM: f32 = -0.005;
/// A justified line whose mean gap is over this many natural spaces is loose.
const LOOSE: f32 = 1.6;

#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Stats {
    pub pages: usize,
    /// Lines of body paragraphs, and those of them justified.
    pub lines: usize,
    pub justified_lines: usize,
    /// Gaps of justified body lines as set, in natural spaces of the line's
    /// font (letter-spacing not counted).
    pub median_gap: f32,
    pub p95_gap: f32,
    pub widest_gap: f32,
    /// Justified body lines whose mean gap (as set) is over 1.6.
    pub loose_lines: usize,
    /// Lines that end with a hyphen at the right margin (typo.py's count:
    /// an added hyphen or a compound's own), and the longest run of them.
    #[serde(rename = "hyphenated_lines")]
    pub hyphenated_lines: usize,
    #[serde(rename = "max_hyphen_run")]
    pub longest_hyphen_run: usize,
    /// Lines whose right end passes the right margin.
    pub overfull_lines: usize,
    /// The widest and the tightest letter-spacing of a line, in em (none
    /// when no line has 8 letter pairs to measure).
    pub tracking_max_em: Option<f32>,
    pub tracking_min_em: Option<f32>,
    /// Lines letter-spaced by at least 0.02 em, and squeezed by -0.005 em.
    pub tracked_lines_002: usize,
    pub condensed_lines: usize,
    /// Word gaps of justified lines with the line's letter-spacing shared
    /// back over its spaces, in natural spaces of 0.25 em: quantiles, and
    /// lines whose mean is over 1.6.
    pub equiv_gap_p50: Option<f32>,
    pub equiv_gap_p95: Option<f32>,
    pub equiv_gap_max: Option<f32>,
    pub equiv_loose_lines: usize,
    /// Justified lines (not a paragraph's last) that stop short of the margin.
    pub underfull_lines: usize,
    /// Pages whose last line ends a broken word that the next page goes on.
    pub page_end_hyphens: usize,
    /// Paragraph last lines narrower than the first-line indent.
    pub runts: usize,
    /// A paragraph's last line alone at the top of a page / its first line
    /// alone at the foot of a page.
    pub widows: usize,
    pub orphans: usize,
}

/// The figures of `pages`, whose text column ends at `right_edge`.
pub fn measure(pages: &Pages, right_edge: f32) -> Stats {
    let fonts = fonts();
    let advances = Advances::new(fonts);
    let mut s = Stats {
        pages: pages.pages.len(),
        ..Stats::default()
    };
    set_gaps(pages, right_edge, &mut s);
    let rows: Vec<Vec<Vec<Placed>>> = pages
        .pages
        .iter()
        .map(|p| baselines(p, &advances))
        .collect();
    tracking(&rows, &mut s);
    equivalent_gaps(&rows, &mut s);
    hyphens(pages, right_edge, &mut s);
    structure(pages, right_edge, &mut s);
    s
}

/// The gaps of justified body lines as set (the ruler of issue 3).
fn set_gaps(pages: &Pages, right_edge: f32, s: &mut Stats) {
    let mut gaps: Vec<f32> = Vec::new();
    for line in pages.pages.iter().flat_map(|p| &p.lines) {
        if !is_body(line) {
            continue;
        }
        s.lines += 1;
        if line.x + line.width > right_edge + 0.5 {
            s.overfull_lines += 1;
        }
        if line.justified && !line.gaps.is_empty() && line.natural_space > 0.0 {
            s.justified_lines += 1;
            let ratios: Vec<f32> = line.gaps.iter().map(|g| g / line.natural_space).collect();
            if mean(&ratios) > LOOSE {
                s.loose_lines += 1;
            }
            gaps.extend(ratios);
        }
    }
    gaps.sort_by(f32::total_cmp);
    if !gaps.is_empty() {
        s.median_gap = gaps[gaps.len() / 2];
        s.p95_gap = gaps[((gaps.len() as f32 * 0.95).ceil() as usize)
            .saturating_sub(1)
            .min(gaps.len() - 1)];
        s.widest_gap = *gaps.last().unwrap_or(&0.0);
    }
}

fn is_body(line: &Line) -> bool {
    line.block.kind == BlockKind::Paragraph && !line.block.is_page_number()
}

fn mean(xs: &[f32]) -> f32 {
    xs.iter().sum::<f32>() / xs.len().max(1) as f32
}

/// The font's own advance of every glyph (what a PDF's width table holds).
struct Advances<'f> {
    fonts: &'f FontSet,
    shapers: [OnceCell<ShaperFont<'f, 'f>>; FACES],
}

impl<'f> Advances<'f> {
    fn new(fonts: &'f FontSet) -> Self {
        Advances {
            fonts,
            shapers: [const { OnceCell::new() }; FACES],
        }
    }

    /// The advance of glyph `id` of `face` in em.
    fn em(&self, face: FaceId, id: u16) -> f32 {
        let upem = self.fonts.face(face).units_per_em;
        self.shapers[usize::from(face.0)]
            .get_or_init(|| ShaperFont::new(&self.fonts.face(face).font))
            .glyph_h_advance(harfrust::GlyphId::new(u32::from(id))) as f32
            / upem
    }
}

/// A drawn glyph: origin, font advance and size in points, and the text it
/// copies as.
struct Placed<'p> {
    x: f32,
    advance: f32,
    size: f32,
    text: &'p str,
}

impl Placed<'_> {
    fn is_space(&self) -> bool {
        !self.text.is_empty() && self.text.chars().all(char::is_whitespace)
    }

    /// Python's `str.isalnum`: some characters, all letters or digits.
    fn is_alnum(&self) -> bool {
        !self.text.is_empty() && self.text.chars().all(char::is_alphanumeric)
    }
}

/// A page's glyphs grouped by baseline (to half a point, as typo2 groups
/// pdfminer's characters), top to bottom, each row sorted by x.
fn baselines<'p>(page: &'p Page, advances: &Advances) -> Vec<Vec<Placed<'p>>> {
    let mut rows: std::collections::BTreeMap<i64, Vec<Placed<'p>>> = Default::default();
    for run in &page.runs {
        let key = (run.baseline * 2.0).round() as i64;
        let row = rows.entry(key).or_default();
        for (pen, g) in run.pens() {
            row.push(Placed {
                x: pen + g.drawn_x_offset(run.scale),
                // As pdfminer reads a PDF: the font's advance scaled by
                // the run's horizontal scaling (`Tz`, font expansion).
                advance: advances.em(run.face, g.id) * run.size * run.scale,
                size: run.size,
                text: &run.text[g.text.clone()],
            });
        }
    }
    rows.into_values()
        .map(|mut row| {
            row.sort_by(|a, b| a.x.total_cmp(&b.x));
            row
        })
        .collect()
}

/// typo2's `line_tracking`: the median letter-spacing of a row in em, if
/// it has 8 pairs of letters to rest on.
fn line_tracking(row: &[&Placed]) -> Option<f32> {
    let mut gaps: Vec<f32> = row
        .windows(2)
        .filter(|w| !w[0].is_space() && !w[1].is_space() && (w[0].size - w[1].size).abs() <= 0.01)
        .map(|w| ((w[1].x - w[0].x - w[0].advance) / w[0].size, w))
        .filter(|(g, _)| (-0.3..=WORD_GAP_EM).contains(g))
        .filter(|(_, w)| w[0].is_alnum() && w[1].is_alnum())
        .map(|(g, _)| g)
        .collect();
    if gaps.len() < 8 {
        return None;
    }
    gaps.sort_by(f32::total_cmp);
    let n = gaps.len();
    Some(if n % 2 == 1 {
        gaps[n / 2]
    } else {
        (gaps[n / 2 - 1] + gaps[n / 2]) / 2.0
    })
}

fn tracking(rows: &[Vec<Vec<Placed>>], s: &mut Stats) {
    for row in rows.iter().flatten() {
        let all: Vec<&Placed> = row.iter().collect();
        let Some(t) = line_tracking(&all) else {
            continue;
        };
        s.tracking_max_em = Some(s.tracking_max_em.map_or(t, |m| m.max(t)));
        s.tracking_min_em = Some(s.tracking_min_em.map_or(t, |m| m.min(t)));
        s.tracked_lines_002 += usize::from(t >= TRACKED_EM);
        s.condensed_lines += usize::from(t <= CONDENSED_EM);
    }
}

/// typo2's `equivalent_gaps`: rows of at least 10 glyphs and two word gaps
/// that end at the most common right end, each gap widened by the row's
/// letter-spacing shared out over its gaps.
fn equivalent_gaps(rows: &[Vec<Vec<Placed>>], s: &mut Stats) {
    struct Row {
        right: f32,
        size: f32,
        gaps: Vec<f32>,
        pairs: usize,
        tracking: f32,
    }
    let mut measured = Vec::new();
    for row in rows.iter().flatten() {
        let glyphs: Vec<&Placed> = row.iter().filter(|g| !g.is_space()).collect();
        if glyphs.len() < 10 {
            continue;
        }
        let mut sizes: Vec<f32> = glyphs.iter().map(|g| g.size).collect();
        sizes.sort_by(f32::total_cmp);
        let size = sizes[sizes.len() / 2];
        let last = glyphs[glyphs.len() - 1];
        let (mut gaps, mut pairs) = (Vec::new(), 0);
        for w in glyphs.windows(2) {
            let g = w[1].x - w[0].x - w[0].advance;
            if g > WORD_GAP_EM * size {
                gaps.push(g);
            } else if g > -0.3 * size {
                pairs += 1;
            }
        }
        let widest = gaps.iter().copied().fold(0.0, f32::max);
        if gaps.len() >= 2 && widest < 2.0 * size {
            measured.push(Row {
                right: last.x + last.advance,
                size,
                gaps,
                pairs,
                tracking: line_tracking(&glyphs).unwrap_or(0.0),
            });
        }
    }
    // The right edge: the most common right end (the first of equals, as
    // Python's statistics.mode).
    let mut counts: Vec<(i64, usize)> = Vec::new();
    for r in &measured {
        let k = r.right.round() as i64;
        match counts.iter_mut().find(|(e, _)| *e == k) {
            Some((_, n)) => *n += 1,
            None => counts.push((k, 1)),
        }
    }
    let Some(edge) = counts
        .iter()
        .fold(None::<(i64, usize)>, |best, &(e, n)| match best {
            Some((_, m)) if m >= n => best,
            _ => Some((e, n)),
        })
        .map(|(e, _)| e as f32)
    else {
        return;
    };
    let mut eq = Vec::new();
    for r in measured.iter().filter(|r| (r.right - edge).abs() <= 1.5) {
        let extra = r.tracking * r.size * r.pairs as f32 / r.gaps.len() as f32;
        let ratios: Vec<f32> = r
            .gaps
            .iter()
            .map(|g| (g + extra) / (0.25 * r.size))
            .collect();
        s.equiv_loose_lines += usize::from(mean(&ratios) > LOOSE);
        eq.extend(ratios);
    }
    if eq.is_empty() {
        return;
    }
    eq.sort_by(f32::total_cmp);
    let q = |p: f32| eq[((p * eq.len() as f32) as usize).min(eq.len() - 1)];
    s.equiv_gap_p50 = Some(q(0.5));
    s.equiv_gap_p95 = Some(q(0.95));
    s.equiv_gap_max = Some(q(1.0));
}

/// A line's text as typo.py reads it from the PDF: what is drawn, then
/// the rest of a word broken with nothing added, which copied text keeps
/// on this line (so such a line does not count as hyphenated).
fn drawn_text(page: &Page, line: &Line) -> String {
    let mut text: String = page.runs[line.runs.clone()]
        .iter()
        .map(|r| r.text.as_str())
        .collect();
    text.push_str(page.carried_rest(line).unwrap_or_default());
    text
}

/// typo.py's hyphen count: lines at the margin whose last word (more than
/// two characters) ends with a hyphen, and the longest run of them.
fn hyphens(pages: &Pages, right_edge: f32, s: &mut Stats) {
    let mut run = 0;
    for page in &pages.pages {
        for line in &page.lines {
            let text = drawn_text(page, line);
            let last = text.split_whitespace().last().unwrap_or("");
            let at_margin = (line.x + line.width - right_edge).abs() <= 1.5;
            if at_margin && last.chars().count() > 2 && last.ends_with(['-', '\u{ad}', '\u{2010}'])
            {
                s.hyphenated_lines += 1;
                run += 1;
                s.longest_hyphen_run = s.longest_hyphen_run.max(run);
            } else {
                run = 0;
            }
        }
    }
}

/// A paragraph's lines, with the page each is on, in reading order.
type Paragraph<'p> = Vec<(usize, &'p Line)>;

/// Body paragraphs (a block's own text, or one paragraph of a list item)
/// across pages; page numbers left out.
fn paragraphs(pages: &Pages) -> Vec<Paragraph<'_>> {
    let mut out: Vec<Paragraph> = Vec::new();
    let mut key = None;
    for (pi, page) in pages.pages.iter().enumerate() {
        for line in &page.lines {
            let part = match line.block.role {
                Role::Text => Some(0),
                Role::ItemText { item, part, .. } => Some((item, part)).map(|(i, p)| {
                    // One key per paragraph of an item.
                    (u64::from(i) << 32) | u64::from(p)
                }),
                Role::Label { .. }
                | Role::Caption
                | Role::Cell { .. }
                | Role::RepeatedHeader
                | Role::PageNumber => None,
            };
            if !is_body(line) && line.block.kind != BlockKind::List {
                key = None;
                continue;
            }
            let Some(part) = part else {
                continue;
            };
            let k = (line.block.index, part);
            if key != Some(k) {
                out.push(Vec::new());
                key = Some(k);
            }
            if let Some(p) = out.last_mut() {
                p.push((pi, line));
            }
        }
    }
    out
}

fn structure(pages: &Pages, right_edge: f32, s: &mut Stats) {
    for para in paragraphs(pages) {
        let (first_page, first) = para[0];
        let last_page = para[para.len() - 1].0;
        for &(_, line) in &para[..para.len() - 1] {
            if line.justified && line.x + line.width < right_edge - 1.5 {
                s.underfull_lines += 1;
            }
        }
        for w in para.windows(2) {
            let ((pa, a), (pb, _)) = (w[0], w[1]);
            if pa != pb && a.hyphenated() {
                s.page_end_hyphens += 1;
            }
        }
        if first_page != last_page {
            s.orphans += usize::from(para.iter().filter(|(p, _)| *p == first_page).count() == 1);
            s.widows += usize::from(para.iter().filter(|(p, _)| *p == last_page).count() == 1);
        }
        // A paragraph of running text: its first line is indented.
        let indent = para.get(1).map_or(0.0, |(_, second)| first.x - second.x);
        let (_, last) = para[para.len() - 1];
        if para.len() >= 2 && indent > 1.0 && !last.justified && last.width < indent {
            s.runts += 1;
        }
    }
}

impl std::fmt::Display for Stats {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let em = |v: Option<f32>| v.map_or("-".to_owned(), |v| format!("{v:.4} em"));
        let ratio = |v: Option<f32>| v.map_or("-".to_owned(), |v| format!("{v:.2}"));
        writeln!(f, "pages                      {}", self.pages)?;
        writeln!(
            f,
            "text lines                 {} ({} justified)",
            self.lines, self.justified_lines
        )?;
        writeln!(f, "median gap                 {:.2}", self.median_gap)?;
        writeln!(f, "95th percentile gap        {:.2}", self.p95_gap)?;
        writeln!(f, "widest gap                 {:.2}", self.widest_gap)?;
        writeln!(f, "loose lines (mean > 1.6)   {}", self.loose_lines)?;
        writeln!(f, "letter-spacing, widest     {}", em(self.tracking_max_em))?;
        writeln!(f, "letter-spacing, tightest   {}", em(self.tracking_min_em))?;
        writeln!(f, "lines spaced >= 0.02 em    {}", self.tracked_lines_002)?;
        writeln!(f, "lines squeezed <= -0.005   {}", self.condensed_lines)?;
        writeln!(
            f,
            "gap, letter-spacing back   median {}, 95th percentile {}, widest {}",
            ratio(self.equiv_gap_p50),
            ratio(self.equiv_gap_p95),
            ratio(self.equiv_gap_max)
        )?;
        writeln!(f, "loose lines, counted back  {}", self.equiv_loose_lines)?;
        writeln!(f, "underfull lines            {}", self.underfull_lines)?;
        writeln!(f, "words broken across pages  {}", self.page_end_hyphens)?;
        writeln!(f, "runts                      {}", self.runts)?;
        writeln!(f, "widows                     {}", self.widows)?;
        writeln!(f, "orphans                    {}", self.orphans)?;
        writeln!(f, "hyphenated lines           {}", self.hyphenated_lines)?;
        writeln!(f, "longest hyphenated run     {}", self.longest_hyphen_run)?;
        write!(f, "overfull lines             {}", self.overfull_lines)
    }
}
