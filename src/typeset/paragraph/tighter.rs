//! A block set one line shorter than its best setting, as TeX's
//! `\looseness=-1` sets it: the fewest lines the tolerance allows, every
//! line still within it (no space shrunk past its limit, no letter spaced
//! out, no runt, at most two hyphenated lines in a row). The typesetter
//! takes such settings, cheapest first, where they save a page
//! (`crate::typeset::tighten`).

use super::super::fonts::FontSet;
use super::super::linebreak;
use super::super::page::BlockRef;
use super::justify::{EXPANSION, EXPANSION_BADNESS};
use super::{Align, SetLine, Setting, Uncovered, break_inline, pieces, set_best};
use crate::document::Inline;

/// A block's text set shorter than its best setting.
#[derive(Debug, Clone)]
pub struct Tighter {
    pub lines: Vec<SetLine>,
    /// Lines fewer than the best setting has.
    pub saved: usize,
    /// The badness of its worst line (TeX's, 100 at a space shrunk by all
    /// its shrink, font expansion priced as the breaker prices it): what a
    /// reader would see first.
    pub worst: f32,
    /// The badness of all its lines together.
    pub total: f32,
}

/// `lines` (a block's text, as [`super::set`] takes it) set with each of
/// its paragraphs one line shorter where the tolerance allows; `None` when
/// none can be (or the text is not justified).
pub fn set_tighter(
    fonts: &FontSet,
    lines: &[Inline],
    setting: &Setting,
    block: BlockRef,
) -> Result<Option<Tighter>, Uncovered> {
    if setting.align != Align::Justify {
        return Ok(None);
    }
    let mut out = Tighter {
        lines: Vec::new(),
        saved: 0,
        worst: 0.0,
        total: 0.0,
    };
    for (inline, s) in pieces(lines, setting) {
        let best = set_best(fonts, inline, &s, block)?;
        match break_inline(fonts, inline, &s, -1)? {
            Some(tight) if tight.breaks.len() < best.len() => {
                out.saved += best.len() - tight.breaks.len();
                for line in &tight.breaks {
                    let b = badness(line);
                    out.worst = out.worst.max(b);
                    out.total += b;
                }
                out.lines.extend(tight.commit(fonts, &s, block));
            }
            Some(_) | None => out.lines.extend(best),
        }
    }
    Ok((out.saved > 0).then_some(out))
}

/// A line's badness as the breaker prices it within the tolerance: TeX's
/// 100·|r|³ for its spaces, and the cube of the share of font expansion
/// used times its price.
fn badness(line: &linebreak::Line) -> f32 {
    let r = line.ratio.abs();
    let e = line.expansion.abs() / EXPANSION;
    100.0 * r * r * r + EXPANSION_BADNESS * e * e * e
}

#[cfg(test)]
mod tests {
    use super::super::tests::{block, inline};
    use super::*;
    use crate::lang::Lang;
    use crate::typeset::fonts::fonts;

    /// A letter's body paragraph, by the default rules.
    fn setting() -> Setting {
        let r = crate::typeset::Rules::default();
        Setting {
            size: r.body_size,
            width: r.text_width(),
            first_indent: r.indent,
            align: Align::Justify,
            lang: Lang::Ru,
            hyphenate: true,
            bold: false,
        }
    }

    fn text(t: &str) -> Vec<Inline> {
        vec![inline(t)]
    }

    /// Short words, so a line has many spaces to shrink, and a last line
    /// of one word: the paragraph can lose its last line.
    fn short_words(n: usize) -> String {
        const W: [&str; 8] = ["луг", "мир", "дом", "сад", "лес", "поле", "река", "гора"];
        let mut t: Vec<&str> = (0..n).map(|i| W[(i * 5 + i / 3) % W.len()]).collect();
        t.push("конец.");
        t.join(" ")
    }

    #[test]
    fn a_paragraph_with_a_short_last_line_is_set_a_line_shorter_within_the_limits() {
        let s = setting();
        let t = text(&short_words(88));
        let best = super::super::set(fonts(), &t, &s, block()).expect("set");
        let tight = set_tighter(fonts(), &t, &s, block())
            .expect("set")
            .expect("88 short words and a short last line can lose a line");
        assert_eq!(best.len(), 6);
        assert_eq!(tight.lines.len(), 5);
        assert_eq!(tight.saved, 1);
        // Within the tolerance: no line worse than badness 200, and the
        // cheapest of the five-line settings is not free.
        assert!(0.0 < tight.worst && tight.worst <= 200.0, "{tight:?}");
        assert!(tight.total >= tight.worst);
        let last = tight.lines.len() - 1;
        for (k, line) in tight.lines.iter().enumerate() {
            if k < last {
                assert!((line.width - (s.width - line.x)).abs() < 0.05 || k == 0);
            }
            // No space shrunk past its limit, none stretched into a hole.
            for gap in &line.gaps {
                let ratio = gap / line.natural_space;
                assert!((0.6..=1.5).contains(&ratio), "line {k}: gap {ratio}");
            }
        }
        // The same words, in the same order.
        let words = |lines: &[SetLine]| -> String {
            lines
                .iter()
                .flat_map(|l| l.runs.iter().map(|r| r.text.as_str()))
                .collect::<String>()
                .replace(['-', ' '], "")
        };
        assert_eq!(words(&tight.lines), words(&best));
    }

    #[test]
    fn a_paragraph_whose_lines_cannot_shrink_more_is_left_alone() {
        // A last line of 280 pt: more than its five lines' spaces can take.
        let t = text(
            "Көлік министрлігі депутаттық сауалды облыстардың жергілікті \
             атқарушы органдарымен бірлесіп қарап, мынаны хабарлайды. \
             Республикалық маңызы бар автомобиль жолдарының жалпы ұзындығы \
             25\u{a0}240\u{a0}км, облыстық және аудандық маңызы бар жолдардың \
             ұзындығы 71\u{a0}660\u{a0}км құрайды. 2026 жылғы 1 қыркүйектегі \
             жағдай бойынша республикалық жолдардың 89%-ы, жергілікті \
             жолдардың 74%-ы жақсы және қанағаттанарлық жағдайда.",
        );
        let s = Setting {
            lang: Lang::Kk,
            ..setting()
        };
        assert!(
            set_tighter(fonts(), &t, &s, block())
                .expect("set")
                .is_none()
        );
        // Nor is ragged text tightened.
        let left = Setting {
            align: Align::Left,
            ..setting()
        };
        let t = text(&short_words(88));
        assert!(
            set_tighter(fonts(), &t, &left, block())
                .expect("set")
                .is_none()
        );
    }
}
