//! The body's blocks (letter format v2): paragraphs, numbered answer items
//! and tables, checked with the place of every problem.

use super::node::{Node, Value};
use super::validate::{Checker, fields};
use super::{Align, Block, Item, Table, Text};
use crate::tr;

/// Items nest at most this deep: «1.», «2.1.», «2.1.1.».
pub const MAX_ITEM_LEVELS: usize = 3;

/// `body`: a non-empty list of blocks.
pub(super) fn body(c: &mut Checker, n: &Node) -> Option<Vec<Block>> {
    match &n.value {
        Value::Seq(items) if !items.is_empty() => {
            let mut out = Vec::new();
            let mut ok = true;
            for (i, item) in items.iter().enumerate() {
                match block(c, item, &format!("body[{}]", i + 1)) {
                    Some(b) => out.push(b),
                    None => ok = false,
                }
            }
            ok.then_some(out)
        }
        Value::Seq(_) => {
            c.error(
                n.at(),
                tr!("letter-body-empty"),
                tr!("letter-body-empty-help"),
            );
            None
        }
        Value::Text(_) => {
            c.error(
                n.at(),
                tr!("letter-body-single"),
                tr!("letter-body-single-help"),
            );
            None
        }
        other => {
            c.error(
                n.at(),
                tr!("letter-body-not-list", kind = other.kind()),
                tr!("letter-body-help"),
            );
            None
        }
    }
}

fn block(c: &mut Checker, node: &Node, path: &str) -> Option<Block> {
    let Value::Map(entries) = &node.value else {
        return Some(Block::Paragraph {
            text: c.nonblank(node, path)?,
        });
    };
    let f = c.mapping(node, path, &["items", "table"])?;
    if entries.len() > 1 {
        c.error(
            node.at(),
            tr!("letter-block-many", path = path),
            tr!("letter-block-many-help"),
        );
        return None;
    }
    let (key, value) = entries.first()?;
    let inner = format!("{path}.{}", key.name);
    match (key.name.as_str(), f.get(&key.name)) {
        ("items", Some(n)) => Some(Block::Items {
            items: items(c, n, &inner, 1)?,
        }),
        ("table", Some(n)) => Some(Block::Table(table(c, n, &inner)?)),
        ("items" | "table", None) => {
            c.error(
                value.at(),
                tr!("letter-block-empty", path = &inner),
                tr!("letter-block-empty-help"),
            );
            None
        }
        // An unknown name: `mapping` has reported it.
        _ => None,
    }
}

/// A numbered list at `level` (1 to 3): a non-empty list of items.
fn items(c: &mut Checker, node: &Node, path: &str, level: usize) -> Option<Vec<Item>> {
    let Value::Seq(list) = &node.value else {
        c.error(
            node.at(),
            tr!(
                "letter-items-not-list",
                path = path,
                kind = node.value.kind()
            ),
            tr!("letter-items-not-list-help"),
        );
        return None;
    };
    if list.is_empty() {
        c.error(
            node.at(),
            tr!("letter-items-empty", path = path),
            tr!("letter-items-empty-help"),
        );
        return None;
    }
    let mut out = Vec::new();
    let mut ok = true;
    for (i, n) in list.iter().enumerate() {
        match item(c, n, &format!("{path}[{}]", i + 1), level) {
            Some(it) => out.push(it),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

/// An item: a text, `{text, items}` or `{paragraphs: [...]}` (which may
/// also have `items`).
fn item(c: &mut Checker, node: &Node, path: &str, level: usize) -> Option<Item> {
    if !matches!(node.value, Value::Map(_)) {
        return Some(Item {
            paragraphs: vec![c.nonblank(node, path)?],
            items: Vec::new(),
        });
    }
    let f = c.mapping(node, path, fields::ITEM)?;
    let paragraphs = match (f.get_text("text"), f.get("paragraphs")) {
        (Some(t), None) => c.nonblank(t, &format!("{path}.text")).map(|t| vec![t]),
        (None, Some(p)) => paragraphs(c, p, &format!("{path}.paragraphs")),
        (Some(_), Some(p)) => {
            c.error(
                p.at(),
                tr!("letter-item-both", path = path),
                tr!("letter-item-both-help"),
            );
            None
        }
        (None, None) => {
            c.missing(&f, "text", "text: По первому вопросу …");
            None
        }
    };
    let sub = match f.get("items") {
        None => Some(Vec::new()),
        Some(n) if level >= MAX_ITEM_LEVELS => {
            c.error(
                n.at(),
                tr!("letter-items-deep", levels = MAX_ITEM_LEVELS),
                tr!("letter-items-deep-help"),
            );
            None
        }
        Some(n) => items(c, n, &format!("{path}.items"), level + 1),
    };
    Some(Item {
        paragraphs: paragraphs?,
        items: sub?,
    })
}

fn paragraphs(c: &mut Checker, node: &Node, path: &str) -> Option<Vec<Text>> {
    match &node.value {
        Value::Seq(list) if !list.is_empty() => {
            let texts: Vec<Option<Text>> = list
                .iter()
                .enumerate()
                .map(|(i, n)| c.nonblank(n, &format!("{path}[{}]", i + 1)))
                .collect();
            texts.into_iter().collect()
        }
        _ => {
            c.error(
                node.at(),
                tr!("letter-paragraphs-not-list", path = path),
                tr!("letter-paragraphs-help"),
            );
            None
        }
    }
}

fn table(c: &mut Checker, node: &Node, path: &str) -> Option<Table> {
    let f = c.mapping(node, path, fields::TABLE)?;
    let caption = c.optional_text(&f, "caption");
    let columns = match f.get("columns") {
        Some(n) => cells(c, n, &format!("{path}.columns"), None),
        None => {
            c.missing(&f, "columns", "columns: [Регион, \"2024\", \"2025\"]");
            None
        }
    };
    let count = columns.as_ref().map(Vec::len);
    let align = match f.get("align") {
        None => Some(Vec::new()),
        Some(n) => aligns(c, n, &format!("{path}.align"), count),
    };
    let widths = match f.get("widths") {
        None => Some(Vec::new()),
        Some(n) => widths(c, n, &format!("{path}.widths"), count),
    };
    let rows = match f.get("rows") {
        Some(Node {
            value: Value::Seq(list),
            ..
        }) if !list.is_empty() => {
            let rows: Vec<Option<Vec<Text>>> = list
                .iter()
                .enumerate()
                .map(|(i, n)| cells(c, n, &format!("{path}.rows[{}]", i + 1), count))
                .collect();
            rows.into_iter().collect()
        }
        Some(n) => {
            c.error(
                n.at(),
                tr!("letter-table-no-rows", path = path),
                tr!("letter-table-rows-help"),
            );
            None
        }
        None => {
            c.error(
                node.at(),
                tr!("letter-table-no-rows", path = path),
                tr!("letter-table-add-rows-help"),
            );
            None
        }
    };
    let total = match f.get("total") {
        None => Some(None),
        Some(n) => cells(c, n, &format!("{path}.total"), count).map(Some),
    };
    Some(Table {
        caption,
        columns: columns?,
        align: align?,
        widths: widths?,
        rows: rows?,
        total: total?,
    })
}

/// A row of cells; with `count`, it must have that many.
fn cells(c: &mut Checker, node: &Node, path: &str, count: Option<usize>) -> Option<Vec<Text>> {
    let Value::Seq(list) = &node.value else {
        c.error(
            node.at(),
            tr!(
                "letter-cells-not-list",
                path = path,
                kind = node.value.kind()
            ),
            tr!("letter-cells-help"),
        );
        return None;
    };
    if list.is_empty() {
        c.error(
            node.at(),
            tr!("letter-cells-empty", path = path),
            tr!("letter-cells-help"),
        );
        return None;
    }
    if let Some(n) = count
        && list.len() != n
    {
        c.error(
            node.at(),
            tr!(
                "letter-cells-count",
                path = path,
                cells = list.len(),
                columns = n
            ),
            tr!("letter-cells-count-help"),
        );
        return None;
    }
    let cells: Vec<Option<Text>> = list
        .iter()
        .enumerate()
        .map(|(i, n)| cell(c, n, &format!("{path}[{}]", i + 1)))
        .collect();
    cells.into_iter().collect()
}

/// A cell prints exactly as written: a number or a yes/no is taken from the
/// file's own characters (`12.50` stays `12.50`), an empty value is an
/// empty cell.
fn cell(c: &mut Checker, node: &Node, path: &str) -> Option<Text> {
    match &node.value {
        Value::Null => Some(Text {
            value: String::new(),
            pos: node.pos,
            file: node.file,
        }),
        Value::Number(_) | Value::Bool(_) => {
            let value = match (c.written(node), &node.value) {
                (Some(s), _) => s,
                (None, Value::Number(s)) => s.clone(),
                (None, Value::Bool(b)) => b.to_string(),
                (None, _) => String::new(),
            };
            Some(Text {
                value,
                pos: node.pos,
                file: node.file,
            })
        }
        Value::Text(_) => c.text(node, path, true),
        Value::Seq(_) | Value::Map(_) => {
            c.error(
                node.at(),
                tr!(
                    "letter-cell-not-text",
                    path = path,
                    kind = node.value.kind()
                ),
                tr!("letter-cell-help"),
            );
            None
        }
    }
}

fn count_matches(
    c: &mut Checker,
    node: &Node,
    path: &str,
    len: usize,
    count: Option<usize>,
) -> bool {
    match count {
        Some(n) if n != len => {
            c.error(
                node.at(),
                tr!("letter-entries-count", path = path, len = len, columns = n),
                tr!("letter-entries-count-help"),
            );
            false
        }
        _ => true,
    }
}

fn aligns(c: &mut Checker, node: &Node, path: &str, count: Option<usize>) -> Option<Vec<Align>> {
    let Value::Seq(list) = &node.value else {
        c.error(
            node.at(),
            tr!("letter-not-list", path = path, kind = node.value.kind()),
            tr!("letter-align-help"),
        );
        return None;
    };
    let mut out = Vec::new();
    for (i, n) in list.iter().enumerate() {
        match &n.value {
            Value::Text(s) if s == "left" => out.push(Align::Left),
            Value::Text(s) if s == "center" => out.push(Align::Center),
            Value::Text(s) if s == "right" => out.push(Align::Right),
            other => {
                c.error(
                    n.at(),
                    tr!(
                        "letter-align-bad",
                        path = format!("{path}[{}]", i + 1),
                        found = super::validate::describe(other)
                    ),
                    tr!("letter-align-bad-help"),
                );
                return None;
            }
        }
    }
    count_matches(c, node, path, out.len(), count).then_some(out)
}

fn widths(c: &mut Checker, node: &Node, path: &str, count: Option<usize>) -> Option<Vec<Text>> {
    let Value::Seq(list) = &node.value else {
        c.error(
            node.at(),
            tr!("letter-not-list", path = path, kind = node.value.kind()),
            tr!("letter-widths-help"),
        );
        return None;
    };
    let mut out = Vec::new();
    for (i, n) in list.iter().enumerate() {
        let ok = match &n.value {
            Value::Number(s) => s.parse::<f64>().is_ok_and(|w| w.is_finite() && w > 0.0),
            _ => false,
        };
        if !ok {
            c.error(
                n.at(),
                tr!(
                    "letter-width-bad",
                    path = format!("{path}[{}]", i + 1),
                    found = super::validate::describe(&n.value)
                ),
                tr!("letter-width-bad-help"),
            );
            return None;
        }
        let Value::Number(s) = &n.value else {
            return None;
        };
        out.push(Text {
            value: s.clone(),
            pos: n.pos,
            file: n.file,
        });
    }
    count_matches(c, node, path, out.len(), count).then_some(out)
}
