//! Setting a list of answer items (`layout.md`, «Answer items»): every
//! number stands at the paragraph indent, whatever its level, and the text
//! hangs after it; continuation lines and an item's further paragraphs
//! align with the text. The text is set by the paragraph setter, justified
//! and hyphenated like a paragraph.
//!
//! Keep rules, as for paragraphs but over whole items: a break never
//! leaves fewer than two lines of any item it splits on either page (so a
//! number never stands alone at a page foot), nor fewer than two lines of a
//! paragraph.

use super::Ctx;
use crate::document::list::{Item, List, Part};
use crate::document::{Run, Style};
use crate::typeset::TypesetError;
use crate::typeset::flow::{Drawn, VItem};
use crate::typeset::fonts::FontSet;
use crate::typeset::page::{BlockRef, Glyph, Role};
use crate::typeset::paragraph::{self, Align, SetLine, Setting, Uncovered};
use crate::typeset::shape::shape_in_face;

/// What the list is set with: the body text's setting and the page's
/// paragraph indent.
#[derive(Debug, Clone)]
pub struct ListSetting {
    /// Size, width (the text width), language; `first_indent` is the
    /// paragraph indent where the numbers stand.
    pub text: Setting,
}

/// One printed line of a list.
#[derive(Debug, Clone)]
pub struct ListLine {
    /// The item's number, on the first line of the item, with its left edge
    /// from the text's left margin.
    pub label: Option<(SetLine, f32)>,
    /// The text, and its left edge from the text's left margin.
    pub line: SetLine,
    pub x: f32,
    /// A page may break before this line.
    pub break_before: bool,
    /// The item the line belongs to, as its index in [`List::walk`], its
    /// level, and which of the item's paragraphs the line is in.
    pub item: usize,
    pub level: u8,
    pub part: usize,
}

/// The gap between a number and its text, in ems: a word space.
const LABEL_GAP: f32 = 0.25;

/// Sets `list`. Returns its lines top to bottom.
pub fn set(
    fonts: &FontSet,
    list: &List,
    s: &ListSetting,
    block: BlockRef,
) -> Result<Vec<ListLine>, Uncovered> {
    let items = list.walk();
    let label_setting = Setting {
        first_indent: 0.0,
        align: Align::Left,
        hyphenate: false,
        ..s.text.clone()
    };
    // The numbers of one level share their text's left edge: the widest
    // number of the level and a word space.
    let mut labels = Vec::with_capacity(items.len());
    let mut hang = [0.0f32; 3];
    for item in &items {
        let label = paragraph::set(
            fonts,
            &[vec![Run {
                text: item.number.clone(),
                style: Style::default(),
            }]],
            &label_setting,
            block,
        )?;
        let width = label.iter().map(|l| l.width).fold(0.0, f32::max);
        let level = level_slot(item);
        hang[level] = hang[level].max(width + LABEL_GAP * s.text.size);
        labels.push(label);
    }
    let mut out = Vec::new();
    // Line spans of the items, [start, end), to apply the keep rule after.
    let mut spans = vec![(0usize, 0usize); items.len()];
    let mut labels = labels.into_iter();
    let mut next = 0;
    set_items(
        fonts,
        &list.items,
        s,
        block,
        &hang,
        &mut labels,
        &mut next,
        &mut spans,
        &mut out,
    )?;
    for (g, line) in out.iter_mut().enumerate() {
        line.break_before &= spans
            .iter()
            .filter(|&&(start, end)| start < g && g < end)
            .all(|&(start, end)| g - start >= 2 && end - g >= 2);
    }
    Ok(out)
}

/// The number with a space glyph reaching to its text: the gap then
/// copies out as a space («1. По первому …»), in the PDF and the preview.
fn spaced(fonts: &FontSet, mut label: SetLine, to: f32) -> SetLine {
    let width = label.width;
    if let Some(run) = label.runs.last_mut()
        && let Some(space) = shape_in_face(fonts, run.face, " ").first()
    {
        let start = run.text.len();
        run.text.push(' ');
        let gap = (to - width).max(0.0);
        let advance = space.advance * run.size;
        run.glyphs.push(Glyph {
            id: space.id,
            advance,
            tracking: Glyph::tracking_to(advance, run.scale, gap),
            x_offset: 0.0,
            y_offset: 0.0,
            text: start..start + 1,
        });
        label.width += gap;
    }
    label
}

fn level_slot(item: &Item) -> usize {
    usize::from(item.level.clamp(1, 3) - 1)
}

#[allow(clippy::too_many_arguments)]
fn set_items(
    fonts: &FontSet,
    items: &[Item],
    s: &ListSetting,
    block: BlockRef,
    hang: &[f32; 3],
    labels: &mut impl Iterator<Item = Vec<SetLine>>,
    next: &mut usize,
    spans: &mut [(usize, usize)],
    out: &mut Vec<ListLine>,
) -> Result<(), Uncovered> {
    let indent = s.text.first_indent;
    for item in items {
        let index = *next;
        *next += 1;
        let start = out.len();
        let x = indent + hang[level_slot(item)];
        let mut label = labels
            .next()
            .and_then(|l| l.into_iter().next())
            .map(|l| spaced(fonts, l, x - indent));
        let setting = Setting {
            first_indent: 0.0,
            width: (s.text.width - x).max(s.text.size),
            ..s.text.clone()
        };
        let mut paragraphs = 0;
        for part in &item.parts {
            match part {
                Part::Paragraph(text) => {
                    paragraphs += 1;
                    let lines = paragraph::set(fonts, std::slice::from_ref(text), &setting, block)?;
                    let n = lines.len();
                    for (k, line) in lines.into_iter().enumerate() {
                        out.push(ListLine {
                            label: label.take().map(|l| (l, indent)),
                            line,
                            x,
                            // Inside a paragraph: two lines on each side.
                            break_before: k == 0 || (k >= 2 && n - k >= 2),
                            item: index,
                            level: item.level,
                            part: paragraphs - 1,
                        });
                    }
                }
                Part::List(sub) => {
                    set_items(fonts, &sub.items, s, block, hang, labels, next, spans, out)?
                }
            }
        }
        spans[index] = (start, out.len());
    }
    Ok(())
}

impl Ctx<'_> {
    /// The list's lines as the flow's items, one a line, each number drawn
    /// beside the first line of its item.
    pub(in crate::typeset) fn list(
        &self,
        list: &List,
        at: BlockRef,
        after_salutation: bool,
        flow: &mut Vec<VItem>,
    ) -> Result<(), TypesetError> {
        let r = self.rules;
        let lead = r.body_lead();
        let setting = ListSetting {
            text: self.setting(r.body_size, r.text_width(), r.indent, Align::Justify, false),
        };
        let lines = set(self.fonts, list, &setting, at).map_err(|u| TypesetError::Uncovered {
            c: u.c,
            block: at.index,
        })?;
        let baseline = r.baseline_in(r.body_size, lead);
        for (g, l) in lines.into_iter().enumerate() {
            let item = l.item as u32;
            let mut draw = Vec::with_capacity(2);
            if let Some((label, x)) = l.label {
                draw.push(Drawn::Line {
                    line: label,
                    x: r.margin_left + x,
                    baseline,
                    block: BlockRef {
                        role: Role::Label {
                            item,
                            level: l.level,
                        },
                        ..at
                    },
                });
            }
            draw.push(Drawn::Line {
                line: l.line,
                x: r.margin_left + l.x,
                baseline,
                block: BlockRef {
                    role: Role::ItemText {
                        item,
                        level: l.level,
                        part: l.part as u32,
                    },
                    ..at
                },
            });
            flow.push(VItem {
                // A list follows the salutation only with its first lines.
                break_before: l.break_before && !(g == 0 && after_salutation),
                text_line: true,
                ..VItem::group(lead, draw)
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::BlockKind;
    use crate::document::Content;

    fn list_of(markup: &str) -> crate::document::list::List {
        match super::super::first_content(markup) {
            Content::List(x) => x,
            other => panic!("not a list: {other:?}"),
        }
    }
    use crate::lang::Lang;
    use crate::typeset::fonts::fonts;

    fn setting() -> ListSetting {
        ListSetting {
            text: Setting {
                size: 14.0,
                width: 467.7,
                first_indent: 35.4,
                align: Align::Justify,
                lang: Lang::Ru,
                hyphenate: true,
                bold: false,
            },
        }
    }

    fn block() -> BlockRef {
        BlockRef {
            kind: BlockKind::Paragraph,
            index: 0,
            role: Role::Text,
        }
    }

    fn text(l: &SetLine) -> String {
        l.runs.iter().map(|r| r.text.as_str()).collect()
    }

    fn words(n: usize) -> String {
        const W: [&str; 6] = [
            "государственных",
            "органов",
            "информационной",
            "поддержки",
            "граждан",
            "регионах",
        ];
        (0..n).map(|i| W[i % W.len()]).collect::<Vec<_>>().join(" ")
    }

    fn set_markup(markup: &str) -> Vec<ListLine> {
        let list = list_of(markup);
        set(fonts(), &list, &setting(), block()).unwrap()
    }

    #[test]
    fn numbers_at_the_indent_text_hanging_after() {
        let m = format!(
            "[item number=\"1.\" level=\"1\"]\n{}\n[item number=\"2.\" level=\"1\"]\nкоротко\n\
             [item number=\"2.1.\" level=\"2\"]\n{}\n[item level=\"1\"]\n{}\n",
            words(40),
            words(30),
            words(20)
        );
        let lines = set_markup(&m);
        let s = setting();
        let labelled: Vec<(String, f32)> = lines
            .iter()
            .filter_map(|l| l.label.as_ref().map(|(t, x)| (text(t), *x)))
            .collect();
        // The number copies out with a space before its text.
        assert_eq!(
            labelled.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>(),
            ["1. ", "2. ", "2.1. "]
        );
        assert!(labelled.iter().all(|(_, x)| *x == s.text.first_indent));
        // Every line of an item, continuation or further paragraph, starts
        // at its text's edge, right of the number and its gap.
        for item in 0..4 {
            let xs: Vec<f32> = lines
                .iter()
                .filter(|l| l.item == item)
                .map(|l| l.x + l.line.x)
                .collect();
            assert!(xs.windows(2).all(|w| (w[0] - w[1]).abs() < 0.01), "{xs:?}");
        }
        let first = &lines[0];
        // The number's space glyph reaches exactly to the text.
        let (label, lx) = first.label.as_ref().unwrap();
        assert!((first.x - (lx + label.width)).abs() < 0.01);
        let number = &label.runs[0];
        let digits = number.glyphs[..2]
            .iter()
            .map(|g| g.drawn_advance(number.scale))
            .sum::<f32>();
        assert!(first.x >= lx + digits + 0.2 * 14.0);
        // A sub-item's text stands right of the wider «2.1.».
        let sub = lines.iter().find(|l| l.item == 2).unwrap();
        assert!(sub.x > first.x);
        // Lines end at the right margin: justified.
        let right = |l: &ListLine| l.x + l.line.x + l.line.width;
        assert!((right(&lines[0]) - s.text.width).abs() < 0.5);
        // The further paragraph of item 2 comes after 2.1 and hangs with 2.
        let further = lines.iter().rposition(|l| l.item == 1).unwrap();
        assert!(further > lines.iter().rposition(|l| l.item == 2).unwrap());
        assert!((lines[further].x - lines[0].x).abs() < 0.01);
    }

    #[test]
    fn breaks_keep_two_lines_of_every_item_on_each_side() {
        let m = format!(
            "[item number=\"1.\" level=\"1\"]\n{}\n[item number=\"2.\" level=\"1\"]\nкоротко\n\
             [item number=\"2.1.\" level=\"2\"]\n{}\n[item number=\"2.2.\" level=\"2\"]\nещё\n\
             [item number=\"3.\" level=\"1\"]\n{}\n[item level=\"1\"]\nконец\n",
            words(60),
            words(45),
            words(30)
        );
        let lines = set_markup(&m);
        let list = list_of(&m);
        let walk = list.walk();
        // An item's lines with its sub-items' run from its first line to
        // the last line of the last item deeper than it that follows.
        let span = |i: usize| {
            let mut j = i;
            while j + 1 < walk.len() && walk[j + 1].level > walk[i].level {
                j += 1;
            }
            let start = lines.iter().position(|l| l.item == i).unwrap();
            let end = lines
                .iter()
                .rposition(|l| (i..=j).contains(&l.item))
                .unwrap()
                + 1;
            (start, end)
        };
        let spans: Vec<(usize, usize)> = (0..walk.len()).map(span).collect();
        let mut allowed = 0;
        for (g, l) in lines.iter().enumerate() {
            if !l.break_before || g == 0 {
                continue;
            }
            allowed += 1;
            for &(start, end) in &spans {
                if start < g && g < end {
                    assert!(
                        g - start >= 2 && end - g >= 2,
                        "break before line {g} splits {start}..{end}"
                    );
                }
            }
        }
        assert!(allowed > 5, "the list can still break: {allowed}");
        // «2. коротко» is one line followed by its sub-items: no break right
        // after it, so its number never stands alone at a page foot.
        let two = lines.iter().position(|l| l.item == 1).unwrap();
        assert!(!lines[two + 1].break_before);
        // Between whole items a break is fine.
        let three = lines.iter().position(|l| l.item == 4).unwrap();
        assert!(lines[three].break_before);
        // The last one-line paragraph of item 3 never goes alone.
        assert!(!lines.last().unwrap().break_before);
    }

    #[test]
    fn kazakh_items_hyphenate_in_their_column() {
        let mut s = setting();
        s.text.lang = Lang::Kk;
        let text = "Мемлекеттік органдардың ақпараттық қолдауы туралы ".repeat(12);
        let list = list_of(&format!("[item number=\"1.\" level=\"1\"]\n{text}\n"));
        let lines = set(fonts(), &list, &s, block()).unwrap();
        assert!(lines.len() > 3);
        for l in &lines {
            assert!(l.x + l.line.x + l.line.width <= s.text.width + 0.5);
        }
    }
}
