//! TeX's `\looseness` (tex.web §873–§875): a paragraph set a given number
//! of lines longer or shorter than its best setting, the cheapest setting
//! of the line count nearest that goal the pass can reach. A letter whose
//! last page would hold only its closing and signature sets a few
//! paragraphs one line shorter instead (`crate::typeset::tighten`).

use super::Pass;
use super::candidates::{Node, Setup};

/// What tells two nodes at one break apart, so that the pass keeps the
/// cheaper only of those alike. Without a looseness, nodes whose following
/// lines have the same widths are alike; with one, a node a line shorter
/// must outlive a cheaper one, so every line count is its own.
pub(super) fn identity(setup: &Setup, pass: Pass, lines: usize) -> usize {
    if pass.looseness == 0 {
        setup.class(lines)
    } else {
        lines
    }
}

/// Of the nodes at the paragraph's end (`active`, arena indices into
/// `nodes`), the one to set: the cheapest; with a looseness, the cheapest
/// of those whose line count differs from the cheapest's by as much of the
/// looseness as any does, never more, nor the other way.
pub(super) fn pick(nodes: &[Node], active: &[usize], looseness: i32) -> Option<usize> {
    let cheapest = |among: &mut dyn Iterator<Item = usize>| {
        among.min_by(|&a, &b| nodes[a].cost.order(&nodes[b].cost).then(a.cmp(&b)))
    };
    let best = cheapest(&mut active.iter().copied())?;
    if looseness == 0 {
        return Some(best);
    }
    let goal = i64::from(looseness);
    let diff = |a: usize| nodes[a].lines as i64 - nodes[best].lines as i64;
    let within = |d: i64| d.signum() != -goal.signum() && d.abs() <= goal.abs();
    let nearest = active
        .iter()
        .map(|&a| diff(a))
        .filter(|&d| within(d))
        .min_by_key(|&d| (goal - d).abs())?;
    cheapest(&mut active.iter().copied().filter(|&a| diff(a) == nearest))
}

#[cfg(test)]
mod tests {
    use super::super::tests::finish;
    use super::super::{Item, Params, break_lines};

    const SPACE: Item = Item::Glue {
        width: 10.0,
        stretch: 5.0,
        shrink: 3.5,
    };

    /// `n` words of width `w` with spaces, and the finishing sequence.
    fn words(n: usize, w: f32) -> Vec<Item> {
        let mut items = Vec::new();
        for k in 0..n {
            if k > 0 {
                items.push(SPACE);
            }
            items.push(Item::Box { width: w });
        }
        finish(&mut items);
        items
    }

    fn params(looseness: i32) -> Params {
        Params {
            line_widths: vec![100.0],
            short_last_line: None,
            emergency_stretch: 0.0,
            looseness,
            ..Params::default()
        }
    }

    /// Every line's adjustment ratio is one the tolerance takes: not
    /// shrunk past its glue, not stretched past badness 200.
    fn within_tolerance(lines: &[super::super::Line]) -> bool {
        lines.iter().all(|l| (-1.0..=1.26).contains(&l.ratio))
    }

    #[test]
    fn no_shorter_setting_within_the_tolerance_leaves_the_best() {
        // Words of 20 on a line of 100: four with their three spaces shrunk
        // (110 - 10.5 = 99.5) is the only line the tolerance takes (three
        // words would stretch their spaces by twice their stretch, five
        // overflow), so 12 words are three lines, whatever the looseness.
        let items = words(12, 20.0);
        let best = break_lines(&items, &params(0));
        assert_eq!(best.len(), 3);
        assert_eq!(break_lines(&items, &params(-1)), best);
    }

    /// Words of 16 on a line of 106: four a line stretch their spaces by
    /// 0.8 of their stretch (badness 51), five shrink them by all of their
    /// shrink (80 + 40 - 14 = 106, badness 100); the best setting of 15
    /// words is four lines, the tightest three.
    fn fifteen_words() -> (Vec<Item>, Params) {
        let mut p = params(0);
        p.line_widths = vec![106.0];
        (words(15, 16.0), p)
    }

    #[test]
    fn a_line_is_saved_by_shrinking_when_the_tolerance_allows_it() {
        let (items, mut p) = fifteen_words();
        let best = break_lines(&items, &p);
        assert_eq!(best.len(), 4, "{best:?}");
        p.looseness = -1;
        let tight = break_lines(&items, &p);
        assert_eq!(tight.len(), 3, "{tight:?}");
        assert!(within_tolerance(&tight), "{tight:?}");
    }

    #[test]
    fn a_looseness_beyond_reach_goes_as_near_as_it_can() {
        let (items, mut p) = fifteen_words();
        p.looseness = -2;
        assert_eq!(break_lines(&items, &p).len(), 3);
        // Three words a line would stretch their spaces past the
        // tolerance: no looser setting, the best one stays.
        p.looseness = 1;
        assert_eq!(
            break_lines(&items, &p),
            break_lines(&items, &params_of(&p, 0))
        );
    }

    fn params_of(p: &Params, looseness: i32) -> Params {
        Params {
            looseness,
            ..p.clone()
        }
    }
}
