//! Tables: a `[table]` block and the `[caption]`, `[row]` and `[cell]`
//! blocks after it grouped into one typed table (see `templates/README.md`,
//! «Tables»). Everything the typesetter relies on is checked here, at the
//! template line that wrote it: every row has one cell per column, widths
//! and alignments match the columns, the header comes first and the total
//! last, and there is a row to print.

use std::fmt;

use super::Inline;
use super::markup::RawBlock;
use crate::span::Pos;
use crate::tr;

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub caption: Option<Inline>,
    pub columns: Vec<Column>,
    /// Header rows first, then the body, then the total row.
    pub rows: Vec<Row>,
    pub pos: Pos,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Column {
    /// The column's share of the text width: its relative width over the sum.
    pub share: f32,
    pub align: CellAlign,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellAlign {
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// Bold, repeated at the top of every page the table continues on.
    Header,
    Body,
    /// Bold, the last row.
    Total,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub kind: RowKind,
    /// One text per column; an empty cell is an empty text.
    pub cells: Vec<Inline>,
    pub pos: Pos,
}

impl Table {
    pub fn header(&self) -> impl Iterator<Item = &Row> {
        self.rows.iter().filter(|r| r.kind == RowKind::Header)
    }

    /// The caption and every cell, in reading order.
    pub fn texts(&self) -> Vec<&Inline> {
        self.caption
            .iter()
            .chain(self.rows.iter().flat_map(|r| &r.cells))
            .collect()
    }

    pub fn texts_mut(&mut self) -> Vec<&mut Inline> {
        self.caption
            .iter_mut()
            .chain(self.rows.iter_mut().flat_map(|r| &mut r.cells))
            .collect()
    }
}

/// Why the blocks are not a table.
#[derive(Debug, Clone, PartialEq)]
pub struct TableError {
    pub pos: Pos,
    pub problem: TableProblem,
}

#[derive(Debug, Clone, PartialEq)]
pub enum TableProblem {
    /// A value of `widths` that is not a positive number.
    BadWidth(String),
    /// A value of `align` that is not left, center or right.
    BadAlign(String),
    /// `widths` and `align` give different numbers of columns.
    ColumnsDisagree { widths: usize, align: usize },
    /// A row with another number of cells than the table has columns.
    CellCount { cells: usize, columns: usize },
    /// A header row after the body, or a row after the total.
    RowOrder(RowKind),
    /// `[caption]` after the rows.
    LateCaption,
    /// `[cell]` before any `[row]`.
    CellOutsideRow,
    /// No body row.
    NoRows,
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match &self.problem {
            TableProblem::BadWidth(w) => tr!("document-table-bad-width", width = w),
            TableProblem::BadAlign(a) => tr!("document-table-bad-align", align = a),
            TableProblem::ColumnsDisagree { widths, align } => tr!(
                "document-table-columns-disagree",
                widths = *widths,
                align = *align
            ),
            TableProblem::CellCount { cells, columns } => tr!(
                "document-table-cell-count",
                cells = *cells,
                columns = *columns
            ),
            TableProblem::RowOrder(RowKind::Header) => tr!("document-table-late-header"),
            TableProblem::RowOrder(RowKind::Body | RowKind::Total) => {
                tr!("document-table-row-after-total")
            }
            TableProblem::LateCaption => tr!("document-table-late-caption"),
            TableProblem::CellOutsideRow => tr!("document-table-cell-outside-row"),
            TableProblem::NoRows => tr!("document-table-no-rows"),
        })
    }
}

impl TableError {
    /// What the template should do about it.
    pub fn help(&self) -> String {
        match self.problem {
            TableProblem::BadWidth(_) => tr!("document-table-bad-width-help"),
            TableProblem::BadAlign(_) => tr!("document-table-bad-align-help"),
            TableProblem::ColumnsDisagree { .. } => tr!("document-table-columns-disagree-help"),
            TableProblem::CellCount { .. } => tr!("document-table-cell-count-help"),
            TableProblem::RowOrder(_) => tr!("document-table-row-order-help"),
            TableProblem::LateCaption => tr!("document-table-late-caption-help"),
            TableProblem::CellOutsideRow => tr!("document-table-cell-outside-row-help"),
            TableProblem::NoRows => tr!("document-table-no-rows-help"),
        }
    }
}

/// How many blocks from `blocks[0]` (a `[table]`) belong to the table: it
/// ends at the first block that is not `[caption]`, `[row]` or `[cell]`.
pub(super) fn run_len(blocks: &[RawBlock]) -> usize {
    1 + blocks
        .iter()
        .skip(1)
        .take_while(|b| matches!(b.name.as_str(), "caption" | "row" | "cell"))
        .count()
}

/// Builds the table from `blocks`: the `[table]` block and its run.
pub(super) fn build(blocks: &[RawBlock]) -> Result<Table, TableError> {
    let Some((head, rest)) = blocks.split_first() else {
        return Err(TableError {
            pos: Pos::default(),
            problem: TableProblem::NoRows,
        });
    };
    let err = |pos: Pos, problem| Err(TableError { pos, problem });
    let widths = match head.attrs.get("widths") {
        Some(list) => {
            let mut out = Vec::new();
            for w in list.split_whitespace() {
                match w.replace(',', ".").parse::<f32>() {
                    Ok(v) if v.is_finite() && v > 0.0 => out.push(v),
                    _ => return err(head.pos, TableProblem::BadWidth(w.to_owned())),
                }
            }
            Some(out)
        }
        None => None,
    };
    let align = match head.attrs.get("align") {
        Some(list) => {
            let mut out = Vec::new();
            for a in list.split_whitespace() {
                out.push(match a {
                    "left" => CellAlign::Left,
                    "center" => CellAlign::Center,
                    "right" => CellAlign::Right,
                    _ => return err(head.pos, TableProblem::BadAlign(a.to_owned())),
                });
            }
            Some(out)
        }
        None => None,
    };
    if let (Some(w), Some(a)) = (&widths, &align)
        && w.len() != a.len()
    {
        return err(
            head.pos,
            TableProblem::ColumnsDisagree {
                widths: w.len(),
                align: a.len(),
            },
        );
    }

    let mut caption = None;
    let mut rows: Vec<Row> = Vec::new();
    for b in rest {
        match b.name.as_str() {
            "caption" => {
                if !rows.is_empty() {
                    return err(b.pos, TableProblem::LateCaption);
                }
                caption = Some(b.folded());
            }
            "row" => {
                let flag = |key| b.attrs.get(key).is_some_and(|v| v == "true");
                let kind = if flag("header") {
                    RowKind::Header
                } else if flag("total") {
                    RowKind::Total
                } else {
                    RowKind::Body
                };
                if let Some(prev) = rows.last() {
                    let in_order = match (prev.kind, kind) {
                        (RowKind::Total, _) => false,
                        (RowKind::Body, RowKind::Header) => false,
                        (RowKind::Header | RowKind::Body, _) => true,
                    };
                    if !in_order {
                        return err(b.pos, TableProblem::RowOrder(kind));
                    }
                }
                rows.push(Row {
                    kind,
                    cells: Vec::new(),
                    pos: b.pos,
                });
            }
            // The caller's run holds only these three after [table].
            _ => match rows.last_mut() {
                Some(row) => row.cells.push(b.folded()),
                None => return err(b.pos, TableProblem::CellOutsideRow),
            },
        }
    }
    if !rows.iter().any(|r| r.kind != RowKind::Header) {
        return err(head.pos, TableProblem::NoRows);
    }
    let count = widths
        .as_ref()
        .map(Vec::len)
        .or(align.as_ref().map(Vec::len))
        .unwrap_or(rows[0].cells.len());
    for row in &rows {
        if row.cells.len() != count {
            return err(
                row.pos,
                TableProblem::CellCount {
                    cells: row.cells.len(),
                    columns: count,
                },
            );
        }
    }
    let widths = widths.unwrap_or_else(|| vec![1.0; count]);
    let total: f32 = widths.iter().sum();
    let columns = (0..count)
        .map(|k| Column {
            share: widths[k] / total,
            align: align.as_ref().map_or(CellAlign::Left, |a| a[k]),
        })
        .collect();
    Ok(Table {
        caption,
        columns,
        rows,
        pos: head.pos,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::markup::{RawBlock, scan};

    fn raw(markup: &str) -> Vec<RawBlock> {
        scan(markup).0
    }

    const GOOD: &str = "[table widths=\"3 1\" align=\"left right\"]\n\
        [caption]\nТаблица 1. Прием\n\
        [row header=\"true\"]\n[cell]\nОбласть\n[cell]\n2024\n\
        [row]\n[cell]\nАкмолинская\n[cell]\n84\n\
        [row]\n[cell]\n[cell]\n3\n\
        [row total=\"true\"]\n[cell]\nИтого\n[cell]\n87\n\
        [paragraph]\nпосле\n";

    fn text(i: &Inline) -> String {
        i.iter().map(|r| r.text.as_str()).collect()
    }

    #[test]
    fn a_table_is_grouped_with_its_rows() {
        let blocks = raw(GOOD);
        let n = run_len(&blocks);
        assert_eq!(blocks[n].name, "paragraph", "the run ends at the paragraph");
        let t = build(&blocks[..n]).unwrap();
        assert_eq!(text(t.caption.as_ref().unwrap()), "Таблица 1. Прием");
        assert_eq!(t.columns.len(), 2);
        assert!((t.columns[0].share - 0.75).abs() < 1e-6);
        assert_eq!(t.columns[1].align, CellAlign::Right);
        let kinds: Vec<RowKind> = t.rows.iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            [
                RowKind::Header,
                RowKind::Body,
                RowKind::Body,
                RowKind::Total
            ]
        );
        assert_eq!(text(&t.rows[2].cells[0]), "", "an empty cell");
        assert_eq!(text(&t.rows[3].cells[1]), "87");
        assert_eq!(t.header().count(), 1);
    }

    #[test]
    fn columns_default_to_equal_left() {
        let t = build(&raw("[table]\n[row]\n[cell]\na\n[cell]\nb\n[cell]\nc\n")).unwrap();
        assert_eq!(t.columns.len(), 3);
        assert!(
            t.columns
                .iter()
                .all(|c| c.align == CellAlign::Left && (c.share - 1.0 / 3.0).abs() < 1e-6)
        );
    }

    #[test]
    fn bad_tables_are_refused_at_their_line() {
        let cases = [
            ("[table]\n", 1, "no rows"),
            ("[table]\n[row header=\"true\"]\n[cell]\nx\n", 1, "no rows"),
            (
                "[table widths=\"2 0\"]\n[row]\n[cell]\n[cell]\n",
                1,
                "\"0\"",
            ),
            (
                "[table widths=\"2 x\"]\n[row]\n[cell]\n[cell]\n",
                1,
                "\"x\"",
            ),
            (
                "[table align=\"left middle\"]\n[row]\n[cell]\n[cell]\n",
                1,
                "middle",
            ),
            (
                "[table widths=\"1 1\" align=\"left\"]\n[row]\n[cell]\n[cell]\n",
                1,
                "2 widths but 1",
            ),
            (
                "[table widths=\"1 1\"]\n[row]\n[cell]\na\n[cell]\nb\n[row]\n[cell]\nc\n",
                7,
                "1 cell but the table has 2 columns",
            ),
            (
                "[table]\n[row]\n[cell]\na\n[row header=\"true\"]\n[cell]\nb\n",
                5,
                "header",
            ),
            (
                "[table]\n[row total=\"true\"]\n[cell]\na\n[row]\n[cell]\nb\n",
                5,
                "after the total",
            ),
            ("[table]\n[row]\n[cell]\na\n[caption]\nT\n", 5, "caption"),
            (
                "[table]\n[cell]\na\n[row]\n[cell]\nb\n",
                2,
                "before the table's first",
            ),
        ];
        for (markup, line, says) in cases {
            let blocks = raw(markup);
            let e = build(&blocks[..run_len(&blocks)]).unwrap_err();
            assert_eq!(e.pos.line, line, "{markup}");
            assert!(e.to_string().contains(says), "{markup}: {e}");
            assert!(!e.help().is_empty());
        }
    }
}
