//! Setting a table (`letter-format.md`, «Answer items and tables»): it
//! spans the text width, its columns share the width by their relative
//! widths, and every cell is set by the paragraph setter inside its column,
//! wrapping and hyphenating there. A row is as tall as its tallest cell and
//! is never split; the header and total rows are bold. Thin rules box every
//! cell. The page breaks between rows and the repeated header are the
//! flow's business: this module gives it the rows.

use crate::document::Inline;
use crate::document::table::{CellAlign, RowKind, Table};
use crate::typeset::fonts::FontSet;
use std::rc::Rc;

use super::Ctx;
use crate::typeset::TypesetError;
use crate::typeset::flow::{Drawn, VItem};
use crate::typeset::page::{BlockRef, Role, Rule, VRule};
use crate::typeset::paragraph::{self, Align, SetLine, Setting, Uncovered};

#[derive(Debug, Clone)]
pub struct TableSetting {
    /// The cells' text: size, language; `width` is the table's width (the
    /// text width). Alignment and indent are the table's own.
    pub text: Setting,
    /// Line height in the cells.
    pub lead: f32,
    /// Where the baseline stands in a line box of height `lead`.
    pub baseline: f32,
    /// Space between a cell's rules and its text.
    pub pad_x: f32,
    pub pad_y: f32,
}

/// A set table: rows of set cells, positions relative to the text's left
/// margin and each row's top.
#[derive(Debug, Clone)]
pub struct SetTable {
    /// The column edges, left to right: one more than the columns.
    pub edges: Vec<f32>,
    pub rows: Vec<SetRow>,
}

#[derive(Debug, Clone)]
pub struct SetRow {
    pub kind: RowKind,
    pub height: f32,
    /// Per column, its lines with their left edge and baseline.
    pub cells: Vec<Vec<CellLine>>,
}

#[derive(Debug, Clone)]
pub struct CellLine {
    pub line: SetLine,
    pub x: f32,
    pub baseline: f32,
}

/// A straight rule from one point to another, drawn `thickness` wide.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
    pub thickness: f32,
}

pub fn set(
    fonts: &FontSet,
    table: &Table,
    s: &TableSetting,
    block: BlockRef,
) -> Result<SetTable, Uncovered> {
    let width = s.text.width;
    let mut edges = Vec::with_capacity(table.columns.len() + 1);
    let mut x = 0.0;
    edges.push(x);
    for c in &table.columns {
        x += c.share * width;
        edges.push(x);
    }
    // The last edge is the right margin exactly, whatever the float sums.
    if let Some(last) = edges.last_mut() {
        *last = width;
    }
    let mut rows = Vec::with_capacity(table.rows.len());
    for row in &table.rows {
        let mut cells = Vec::with_capacity(row.cells.len());
        let mut lines_max = 1;
        for (k, (cell, column)) in row.cells.iter().zip(&table.columns).enumerate() {
            let inner = (edges[k + 1] - edges[k] - 2.0 * s.pad_x).max(s.text.size);
            let align = match (row.kind, column.align) {
                // Header cells are centred over their column.
                (RowKind::Header, _) | (RowKind::Body | RowKind::Total, CellAlign::Center) => {
                    Align::Center
                }
                (RowKind::Body | RowKind::Total, CellAlign::Left) => Align::Left,
                (RowKind::Body | RowKind::Total, CellAlign::Right) => Align::Right,
            };
            let setting = Setting {
                width: inner,
                first_indent: 0.0,
                align,
                hyphenate: true,
                bold: row.kind != RowKind::Body,
                ..s.text.clone()
            };
            let lines = set_cell(fonts, cell, &setting, block)?;
            lines_max = lines_max.max(lines.len());
            cells.push(
                lines
                    .into_iter()
                    .enumerate()
                    .map(|(n, line)| CellLine {
                        line,
                        x: edges[k] + s.pad_x,
                        baseline: s.pad_y + n as f32 * s.lead + s.baseline,
                    })
                    .collect(),
            );
        }
        rows.push(SetRow {
            kind: row.kind,
            height: lines_max as f32 * s.lead + 2.0 * s.pad_y,
            cells,
        });
    }
    Ok(SetTable { edges, rows })
}

fn set_cell(
    fonts: &FontSet,
    cell: &Inline,
    s: &Setting,
    block: BlockRef,
) -> Result<Vec<SetLine>, Uncovered> {
    if cell.iter().all(|r| r.text.trim().is_empty()) {
        return Ok(Vec::new());
    }
    paragraph::set(fonts, std::slice::from_ref(cell), s, block)
}

impl SetTable {
    /// The rules of a row, from its top: above and below it and at every
    /// column edge. Neighbouring rows draw their shared rule at the same
    /// place, so each page's piece of the table is closed.
    pub fn strokes(&self, row: &SetRow, thickness: f32) -> Vec<Stroke> {
        let (left, right) = (self.edges[0], self.edges[self.edges.len() - 1]);
        let mut out = vec![
            Stroke {
                x0: left,
                y0: 0.0,
                x1: right,
                y1: 0.0,
                thickness,
            },
            Stroke {
                x0: left,
                y0: row.height,
                x1: right,
                y1: row.height,
                thickness,
            },
        ];
        out.extend(self.edges.iter().map(|&x| Stroke {
            x0: x,
            y0: 0.0,
            x1: x,
            y1: row.height,
            thickness,
        }));
        out
    }

    /// How many rows at the top are the header, repeated on every page the
    /// table continues on.
    pub fn header_rows(&self) -> usize {
        self.rows
            .iter()
            .take_while(|r| r.kind == RowKind::Header)
            .count()
    }
}

impl Ctx<'_> {
    /// The table as the flow's items: its caption's lines, then one
    /// unbreakable item a row; the header rows come back on top of every
    /// page the rows continue on.
    pub(in crate::typeset) fn table(
        &self,
        table: &Table,
        at: BlockRef,
        flow: &mut Vec<VItem>,
    ) -> Result<(), TypesetError> {
        let r = self.rules;
        let body_lead = r.body_lead();
        let lead = r.table_size * r.leading;
        let width = r.text_width();
        let role = |role| BlockRef { role, ..at };
        let captioned = table.caption.is_some();
        let above = if captioned {
            r.caption_space_lines * body_lead
        } else {
            body_lead / 2.0
        };
        flow.push(VItem::space(above));
        // The caption stays with the header and the first row: the only
        // break it allows is before it.
        if let Some(caption) = &table.caption {
            let setting = self.setting(r.body_size, width, 0.0, Align::Left, false);
            let lines = self.set(std::slice::from_ref(caption), &setting, role(Role::Caption))?;
            for (k, line) in lines.into_iter().enumerate() {
                flow.push(VItem {
                    break_before: k == 0,
                    ..self.body_line(line, false, role(Role::Caption))
                });
            }
        }
        let setting = TableSetting {
            text: Setting {
                hyphenate: true,
                ..self.setting(r.table_size, width, 0.0, Align::Left, false)
            },
            lead,
            baseline: r.baseline_in(r.table_size, lead),
            pad_x: r.cell_pad_x,
            pad_y: r.cell_pad_y,
        };
        let set = set(self.fonts, table, &setting, at).map_err(|u| TypesetError::Uncovered {
            c: u.c,
            block: at.index,
        })?;
        let row_item = |k: usize, cell_role: &dyn Fn(u32, u32) -> Role| {
            let row = &set.rows[k];
            let mut draw = Vec::new();
            for s in set.strokes(row, r.table_rule) {
                draw.push(if s.y0 == s.y1 {
                    Drawn::Rule(Rule {
                        x0: r.margin_left + s.x0 - s.thickness / 2.0,
                        x1: r.margin_left + s.x1 + s.thickness / 2.0,
                        y: s.y0,
                        thickness: s.thickness,
                    })
                } else {
                    Drawn::VRule(VRule {
                        x: r.margin_left + s.x0,
                        y0: s.y0,
                        y1: s.y1,
                        thickness: s.thickness,
                    })
                });
            }
            for (c, cell) in row.cells.iter().enumerate() {
                for l in cell {
                    draw.push(Drawn::Line {
                        line: l.line.clone(),
                        x: r.margin_left + l.x,
                        baseline: l.baseline,
                        block: role(cell_role(k as u32, c as u32)),
                    });
                }
            }
            VItem::group(row.height, draw)
        };
        let headers = set.header_rows();
        // The header as drawn again on a continuation page: one group, an
        // artifact there.
        let repeat = (headers > 0).then(|| {
            let mut group = VItem::group(0.0, Vec::new());
            for k in 0..headers {
                let row = row_item(k, &|_, _| Role::RepeatedHeader);
                for mut d in row.draw {
                    d.shift(group.height);
                    group.draw.push(d);
                }
                group.height += row.height;
            }
            Rc::new(group)
        });
        let mut body_seen = false;
        for (k, row) in set.rows.iter().enumerate() {
            let header = row.kind == RowKind::Header;
            let cols = row.cells.len() as u32;
            let mut item = row_item(k, &|row, col| Role::Cell {
                row,
                col,
                cols,
                header,
            });
            item.break_before = if header {
                k == 0 && !captioned
            } else if !body_seen {
                // The first row stays with the header (or the caption).
                headers == 0 && !captioned
            } else {
                true
            };
            if !header {
                if body_seen {
                    item.repeat = repeat.clone();
                }
                body_seen = true;
            }
            flow.push(item);
        }
        flow.push(VItem::space(body_lead / 2.0));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::BlockKind;
    use crate::document::Content;

    fn table_of(markup: &str) -> crate::document::table::Table {
        match super::super::first_content(markup) {
            Content::Table(x) => x,
            other => panic!("not a table: {other:?}"),
        }
    }
    use crate::lang::Lang;
    use crate::typeset::fonts::fonts;

    fn setting(lang: Lang) -> TableSetting {
        TableSetting {
            text: Setting {
                size: 12.0,
                width: 467.7,
                first_indent: 0.0,
                align: Align::Left,
                lang,
                hyphenate: true,
                bold: false,
            },
            lead: 13.8,
            baseline: 10.9,
            pad_x: 4.0,
            pad_y: 2.0,
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

    fn set_markup(markup: &str, lang: Lang) -> SetTable {
        set(fonts(), &table_of(markup), &setting(lang), block()).unwrap()
    }

    const TABLE: &str = "[table widths=\"3 1 1\" align=\"left right center\"]\n\
        [row header=\"true\"]\n[cell]\nОбласть\n[cell]\n2024\n[cell]\nРост, %\n\
        [row]\n[cell]\nАкмолинская область и города республиканского значения с прилегающими районами\n[cell]\n1 250\n[cell]\n12,8\n\
        [row]\n[cell]\n[cell]\n3\n[cell]\n\n\
        [row total=\"true\"]\n[cell]\nИтого\n[cell]\n1 253\n[cell]\n8,3\n";

    #[test]
    fn columns_share_the_width_and_cells_wrap_inside_them() {
        let s = setting(Lang::Ru);
        let t = set_markup(TABLE, Lang::Ru);
        assert_eq!(t.edges.len(), 4);
        assert!((t.edges[1] - 0.6 * s.text.width).abs() < 0.01);
        assert_eq!(t.edges[3], s.text.width);
        assert_eq!(t.header_rows(), 1);
        let long = &t.rows[1].cells[0];
        assert!(long.len() >= 2, "the long cell wraps");
        for (k, row) in t.rows.iter().enumerate() {
            for (c, cell) in row.cells.iter().enumerate() {
                for l in cell {
                    let left = l.x + l.line.x;
                    assert!(left >= t.edges[c] + s.pad_x - 0.01, "row {k} col {c}");
                    assert!(
                        left + l.line.width <= t.edges[c + 1] - s.pad_x + 0.5,
                        "row {k} col {c}: {} overflows",
                        text(&l.line)
                    );
                    assert!(l.baseline < row.height);
                }
            }
            // A row is as tall as its tallest cell.
            let most = row.cells.iter().map(Vec::len).max().unwrap().max(1);
            assert!((row.height - (most as f32 * s.lead + 2.0 * s.pad_y)).abs() < 0.01);
        }
        // Right-aligned figures end at their column's padding.
        let fig = &t.rows[1].cells[1][0];
        assert_eq!(text(&fig.line), "1 250");
        assert!((fig.x + fig.line.x + fig.line.width - (t.edges[2] - s.pad_x)).abs() < 0.5);
        // Centred cells and the header: the middle of the column.
        let mid = |l: &CellLine, c: usize| {
            (l.x + l.line.x + l.line.width / 2.0 - (t.edges[c] + t.edges[c + 1]) / 2.0).abs()
        };
        assert!(mid(&t.rows[1].cells[2][0], 2) < 0.5);
        assert!(mid(&t.rows[0].cells[0][0], 0) < 0.5);
        // Empty cells have no lines; the row keeps one line's height.
        assert!(t.rows[2].cells[0].is_empty() && t.rows[2].cells[2].is_empty());
    }

    #[test]
    fn header_and_total_are_bold_body_is_not() {
        let t = set_markup(TABLE, Lang::Ru);
        let bold = |row: usize| {
            let face = t.rows[row].cells[0][0].line.runs[0].face;
            fonts().face(face).name.to_lowercase().contains("bold")
        };
        assert!(bold(0) && bold(3));
        assert!(!bold(1));
    }

    #[test]
    fn strokes_close_every_row() {
        let t = set_markup(TABLE, Lang::Ru);
        let row = &t.rows[1];
        let strokes = t.strokes(row, 0.5);
        assert_eq!(strokes.len(), 2 + t.edges.len());
        assert!(strokes.iter().any(|s| s.y0 == 0.0 && s.y1 == 0.0));
        assert!(
            strokes
                .iter()
                .any(|s| s.y0 == row.height && s.y1 == row.height)
        );
        assert!(
            strokes
                .iter()
                .filter(|s| s.x0 == s.x1)
                .all(|s| s.y1 - s.y0 == row.height)
        );
    }

    #[test]
    fn kazakh_cells_hyphenate_in_narrow_columns() {
        let m = "[table widths=\"1 7\"]\n[row]\n[cell]\nМемлекеттік ақпараттандыру\n[cell]\nx\n";
        let s = setting(Lang::Kk);
        let t = set_markup(m, Lang::Kk);
        let cell = &t.rows[0].cells[0];
        assert!(cell.len() >= 2);
        for l in cell {
            assert!(l.x + l.line.x + l.line.width <= t.edges[1] - s.pad_x + 0.5);
        }
        assert!(
            cell.iter().any(|l| l.line.hyphenated()),
            "a word is hyphenated"
        );
    }
}
