//! One row of a mail merge as it travels to its render: the cells that set
//! fields, each with its place in the data file. Small and plain, so that a
//! render thread sends it to its worker process with the letter (see
//! [`crate::batch::worker`]); laid over the letter as a tree of fields only
//! where the letter is checked, so a bad cell is still reported at
//! `ROWS.csv:ROW:COLUMN` with its field's name.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::letter::node::{FileId, Key, Node, Pos, Value};

/// The fields one data row sets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowFields {
    /// The data file, where messages place the cells.
    pub data: PathBuf,
    /// The row as a spreadsheet counts it (the header is row 1).
    pub row: usize,
    /// The row's cells that set something, left to right.
    pub cells: Vec<Cell>,
}

/// A cell that sets a field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    /// The field its column names (`signature.name`).
    pub field: String,
    /// Its column, counted from 1.
    pub column: usize,
    pub value: CellValue,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CellValue {
    Text(String),
    Flag(bool),
}

impl RowFields {
    /// The row as a tree of fields to lay over the letter, each value
    /// placed at its row and column of the data file.
    pub fn node(&self) -> Node {
        let at = |column: usize| Pos {
            line: self.row,
            column,
        };
        let mut root = Node {
            value: Value::Map(Vec::new()),
            pos: at(1),
            file: FileId::DATA,
            raw: None,
        };
        for cell in &self.cells {
            let value = match &cell.value {
                CellValue::Text(text) => Value::Text(text.clone()),
                CellValue::Flag(flag) => Value::Bool(*flag),
            };
            insert(&mut root, &cell.field, value, at(cell.column));
        }
        root
    }
}

/// Sets the field at the dotted `path` below `root`, making the maps on the
/// way.
fn insert(root: &mut Node, path: &str, value: Value, pos: Pos) {
    let mut node = root;
    let mut names = path.split('.').peekable();
    while let Some(name) = names.next() {
        let Value::Map(entries) = &mut node.value else {
            return;
        };
        let i = match entries.iter().position(|(k, _)| k.name == name) {
            Some(i) => i,
            None => {
                entries.push((
                    Key {
                        name: name.to_owned(),
                        pos,
                        file: FileId::DATA,
                    },
                    Node {
                        value: Value::Map(Vec::new()),
                        pos,
                        file: FileId::DATA,
                        raw: None,
                    },
                ));
                entries.len() - 1
            }
        };
        node = &mut entries[i].1;
        if names.peek().is_none() {
            node.value = value;
            return;
        }
    }
}
