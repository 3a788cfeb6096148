//! Measuring our own layout the way `docs/peers.md` measured the peers: gaps on
//! justified lines relative to the natural space, hyphenated lines and runs
//! of them, and lines that go into the margin.

use super::page::Pages;
use crate::document::BlockKind;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    pub pages: usize,
    pub lines: usize,
    pub justified_lines: usize,
    pub median_gap: f32,
    pub p95_gap: f32,
    pub widest_gap: f32,
    /// Justified lines whose mean gap is over 1.6 natural spaces.
    pub loose_lines: usize,
    pub hyphenated_lines: usize,
    pub longest_hyphen_run: usize,
    /// Lines whose right end passes the right margin.
    pub overfull_lines: usize,
}

pub fn measure(pages: &Pages, right_edge: f32) -> Stats {
    let mut gaps: Vec<f32> = Vec::new();
    let mut s = Stats {
        pages: pages.pages.len(),
        ..Stats::default()
    };
    for page in &pages.pages {
        let mut run = 0;
        for line in &page.lines {
            if line.block.kind != BlockKind::Paragraph || line.block.is_page_number() {
                continue;
            }
            s.lines += 1;
            if line.x + line.width > right_edge + 0.5 {
                s.overfull_lines += 1;
            }
            if line.hyphenated {
                s.hyphenated_lines += 1;
                run += 1;
                s.longest_hyphen_run = s.longest_hyphen_run.max(run);
            } else {
                run = 0;
            }
            if line.justified && !line.gaps.is_empty() && line.natural_space > 0.0 {
                s.justified_lines += 1;
                let ratios: Vec<f32> = line.gaps.iter().map(|g| g / line.natural_space).collect();
                let mean = ratios.iter().sum::<f32>() / ratios.len() as f32;
                if mean > 1.6 {
                    s.loose_lines += 1;
                }
                gaps.extend(ratios);
            }
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
    s
}

impl std::fmt::Display for Stats {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
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
        writeln!(f, "hyphenated lines           {}", self.hyphenated_lines)?;
        writeln!(f, "longest hyphenated run     {}", self.longest_hyphen_run)?;
        write!(f, "overfull lines             {}", self.overfull_lines)
    }
}
