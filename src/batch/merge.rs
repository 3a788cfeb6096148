//! Mail merge (letter format v2): `zhauap batch LETTER.yaml --data
//! ROWS.csv|ROWS.xlsx -o OUTDIR` renders one letter per data row. The letter
//! (with its defaults) is the common part; each row's cells override the
//! fields its columns name. A column `file` names the output.
//!
//! Places in the data file are a row and a column as a spreadsheet counts
//! them: the header is row 1, the first column is column 1. A multi-line
//! CSV cell is still one row.

use crate::tr;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::key::Hash;
use super::plan::{Job, Plan};
use super::shard::Shard;
use super::source::{Files, LetterSource, Loaded};
use crate::Format;
use crate::diagnostic::{Diagnostic, Error, Result};
use crate::letter::node::{FileId, Key, Node, Pos, Value};
use crate::letter::paths::{CellKind, cell_field};

/// The largest data file read: some hundred thousand rows of a few fields.
pub const MAX_DATA_BYTES: u64 = 64 * 1024 * 1024;

/// The column that names each row's output file instead of a field.
const FILE_COLUMN: &str = "file";

/// A data file read: its columns and rows of text cells.
#[derive(Debug, PartialEq, Eq)]
pub struct Data {
    pub path: PathBuf,
    columns: Vec<Column>,
    rows: Vec<Row>,
}

#[derive(Debug, PartialEq, Eq)]
struct Column {
    name: String,
    /// Counted from 1.
    number: usize,
    kind: Option<CellKind>,
}

#[derive(Debug, PartialEq, Eq)]
struct Row {
    /// Counted from 1, the header being row 1.
    number: usize,
    /// The cells one after another, one per column (`""` is an empty
    /// cell): every row is held for the whole merge, so in two
    /// allocations, not one a cell (issue 20).
    text: Box<str>,
    /// Where each cell ends in `text`.
    ends: Box<[u32]>,
}

impl Row {
    fn new(number: usize, cells: &[String]) -> Row {
        let mut ends = Vec::with_capacity(cells.len());
        let mut text = String::with_capacity(cells.iter().map(String::len).sum());
        for cell in cells {
            text.push_str(cell);
            // Within MAX_DATA_BYTES, far below u32::MAX.
            ends.push(u32::try_from(text.len()).unwrap_or(u32::MAX));
        }
        Row {
            number,
            text: text.into_boxed_str(),
            ends: ends.into_boxed_slice(),
        }
    }

    fn cell(&self, index: usize) -> &str {
        let start = index.checked_sub(1).map_or(0, |i| self.ends[i] as usize);
        self.text
            .get(start..self.ends[index] as usize)
            .unwrap_or("")
    }

    fn cells(&self) -> impl Iterator<Item = &str> {
        (0..self.ends.len()).map(|i| self.cell(i))
    }
}

/// The letters of a mail merge: the one letter file, with each job's row.
pub struct Rows {
    data: Data,
    /// The row of each job, by the job's relative path.
    by_job: HashMap<String, usize>,
}

impl LetterSource for Rows {
    fn load(&self, job: &Job) -> Result<Loaded> {
        let letter = Files.load(job)?;
        let row = self.by_job.get(&job.relative).map(|&index| RowRef {
            data: &self.data,
            index,
        });
        let Some(row) = row else {
            return Ok(letter);
        };
        Ok(Loaded {
            data_row: Some(Hash::of(&row.fingerprint())),
            row: Some((self.data.path.clone(), row.node())),
            ..letter
        })
    }
}

/// One row of a mail merge.
struct RowRef<'d> {
    data: &'d Data,
    index: usize,
}

impl RowRef<'_> {
    fn row(&self) -> &Row {
        &self.data.rows[self.index]
    }

    /// The row as a tree of fields laid over the letter, each value placed
    /// at its row and column of the data file. Empty cells set nothing.
    fn node(&self) -> Node {
        let row = self.row();
        let at = |column: usize| Pos {
            line: row.number,
            column,
        };
        let mut root = Node {
            value: Value::Map(Vec::new()),
            pos: at(1),
            file: FileId::DATA,
            raw: None,
        };
        for (column, cell) in self.data.columns.iter().zip(row.cells()) {
            let Some(kind) = column.kind else { continue };
            if cell.trim().is_empty() {
                continue;
            }
            let value = match (kind, cell.trim()) {
                (CellKind::Flag, "true") => Value::Bool(true),
                (CellKind::Flag, "false") => Value::Bool(false),
                (CellKind::Flag | CellKind::Text, _) => Value::Text(cell.to_owned()),
            };
            insert(&mut root, &column.name, value, at(column.number));
        }
        root
    }

    /// The row's content, for the manifest: a row renders again only when
    /// its own cells (or the letter) change.
    fn fingerprint(&self) -> Vec<u8> {
        let mut h = Sha256::new();
        for (column, cell) in self.data.columns.iter().zip(self.row().cells()) {
            for part in [column.name.as_bytes(), cell.as_bytes()] {
                h.update((part.len() as u64).to_le_bytes());
                h.update(part);
            }
        }
        h.finalize().to_vec()
    }
}

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

/// Reads a CSV (UTF-8, `,` or `;` between cells) or XLSX (first sheet) file
/// and checks its header: every column names a field a cell may set, once.
pub fn read(path: &Path) -> Result<Data> {
    let grid = match extension(path).as_str() {
        "csv" => read_csv(path)?,
        "xlsx" | "xlsm" | "xls" | "ods" => read_sheet(path)?,
        _ => {
            return Err(Diagnostic::new(path, tr!("batch-data-kind"))
                .with_help(tr!("batch-data-kind-help"))
                .into());
        }
    };
    let mut grid = grid.into_iter();
    let Some((header_number, header)) = grid.next() else {
        return Err(Diagnostic::new(path, tr!("batch-data-empty"))
            .with_help(tr!("batch-data-empty-help"))
            .into());
    };
    let mut problems = Vec::new();
    let mut columns = Vec::new();
    for (i, name) in header.iter().enumerate() {
        let name = name.trim();
        let at = Pos {
            line: header_number,
            column: i + 1,
        };
        let kind = if name == FILE_COLUMN {
            None
        } else if name.is_empty() {
            problems.push(
                at_cell(path, at, tr!("batch-column-unnamed"))
                    .with_help(tr!("batch-column-unnamed-help")),
            );
            None
        } else {
            match cell_field(name) {
                Ok(k) => Some(k),
                Err(why) => {
                    problems
                        .push(at_cell(path, at, why).with_help(tr!("batch-column-unknown-help")));
                    None
                }
            }
        };
        if columns.iter().any(|c: &Column| c.name == name) && !name.is_empty() {
            problems.push(
                at_cell(path, at, tr!("batch-column-twice", name = name))
                    .with_help(tr!("batch-column-twice-help")),
            );
        }
        columns.push(Column {
            name: name.to_owned(),
            number: i + 1,
            kind,
        });
    }
    let rows: Vec<Row> = grid
        .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()))
        .map(|(number, mut cells)| {
            cells.resize(columns.len().max(cells.len()), String::new());
            Row::new(number, &cells)
        })
        .collect();
    for row in &rows {
        if row.ends.len() > columns.len() {
            let at = Pos {
                line: row.number,
                column: columns.len() + 1,
            };
            problems.push(
                at_cell(
                    path,
                    at,
                    tr!(
                        "batch-row-too-long",
                        cells = (0..row.ends.len())
                            .rposition(|i| !row.cell(i).is_empty())
                            .map_or(0, |i| i + 1),
                        columns = columns.len()
                    ),
                )
                .with_help(tr!("batch-row-too-long-help")),
            );
        }
    }
    if rows.is_empty() && problems.is_empty() {
        problems.push(
            Diagnostic::new(path, tr!("batch-data-no-rows"))
                .with_help(tr!("batch-data-no-rows-help")),
        );
    }
    if !problems.is_empty() {
        return Err(Error {
            diagnostics: problems,
        });
    }
    Ok(Data {
        path: path.to_path_buf(),
        columns,
        rows,
    })
}

fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

fn at_cell(path: &Path, at: Pos, message: impl Into<String>) -> Diagnostic {
    let mut d = Diagnostic::new(path, message);
    d.pos = Some(at);
    d
}

fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    use std::io::Read;
    let cannot = |e: &std::io::Error| {
        Error::one(
            Diagnostic::new(
                path,
                tr!(
                    "batch-data-unreadable",
                    reason = crate::letter::io_reason(e)
                ),
            )
            .with_help(tr!("batch-data-path-help")),
        )
    };
    let meta = std::fs::metadata(path).map_err(|e| cannot(&e))?;
    if !meta.is_file() {
        return Err(Diagnostic::new(path, tr!("batch-data-not-file"))
            .with_help(tr!("batch-data-path-help"))
            .into());
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_DATA_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| cannot(&e))?;
    if bytes.len() as u64 > MAX_DATA_BYTES {
        return Err(Diagnostic::new(
            path,
            tr!("batch-data-too-large", mib = MAX_DATA_BYTES / 1024 / 1024),
        )
        .with_help(tr!("batch-data-too-large-help"))
        .into());
    }
    Ok(bytes)
}

/// Rows as (row number, cells).
type Grid = Vec<(usize, Vec<String>)>;

fn read_csv(path: &Path) -> Result<Grid> {
    let bytes = read_bytes(path)?;
    let text = match std::str::from_utf8(&bytes) {
        Ok(t) => t.strip_prefix('\u{feff}').unwrap_or(t),
        Err(e) => {
            let line = bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            return Err(
                Diagnostic::new(path, tr!("batch-data-not-utf8", line = line))
                    .with_help(tr!("batch-data-not-utf8-help"))
                    .into(),
            );
        }
    };
    // Spreadsheets set to Russian save CSV with `;` between cells.
    let header = text.lines().next().unwrap_or("");
    let delimiter = if header.contains(';') && !header.contains(',') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut grid = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| {
            let mut d = Diagnostic::new(path, tr!("batch-csv-unreadable", reason = e.to_string()))
                .with_help(tr!("batch-csv-unreadable-help"));
            if let Some(p) = e.position() {
                d.pos = Some(Pos {
                    line: p.record() as usize + 1,
                    column: 1,
                });
            }
            Error::one(d)
        })?;
        grid.push((i + 1, record.iter().map(str::to_owned).collect()));
    }
    Ok(grid)
}

fn read_sheet(path: &Path) -> Result<Grid> {
    use calamine::{Data as Cell, Reader};
    read_bytes(path)?; // the size limit and a clear message for a missing file
    let fail = |e: String| {
        Error::one(
            Diagnostic::new(path, tr!("batch-workbook-unreadable", reason = e))
                .with_help(tr!("batch-workbook-unreadable-help")),
        )
    };
    let mut book = calamine::open_workbook_auto(path).map_err(|e| fail(e.to_string()))?;
    let range = match book.worksheet_range_at(0) {
        Some(r) => r.map_err(|e| fail(e.to_string()))?,
        None => return Err(fail(tr!("batch-workbook-no-sheets"))),
    };
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut grid = Vec::new();
    for (i, row) in range.rows().enumerate() {
        // Cells left of the used range are empty: keep columns as Excel counts them.
        let mut cells = vec![String::new(); left as usize];
        cells.extend(row.iter().map(|c| match c {
            Cell::Empty => String::new(),
            Cell::String(s) | Cell::DateTimeIso(s) | Cell::DurationIso(s) => s.clone(),
            Cell::Int(n) => n.to_string(),
            // A whole number typed into Excel is a float: print it as typed.
            Cell::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
            Cell::Float(f) => f.to_string(),
            Cell::Bool(b) => b.to_string(),
            Cell::DateTime(d) => {
                let (y, m, day, ..) = d.to_ymd_hms_milli();
                format!("{y:04}-{m:02}-{day:02}")
            }
            Cell::Error(e) => format!("#{e:?}"),
        }));
        grid.push((top as usize + i + 1, cells));
    }
    Ok(grid)
}

/// One job per row of `data`, rendering `letter`. The `file` column names
/// each output; without it (or with the cell empty) rows are numbered
/// after the letter: `reply-1.pdf`, `reply-2.pdf`, ….
pub fn plan(
    letter: &Path,
    data: Data,
    out_dir: &Path,
    format: Format,
    shard: Option<Shard>,
) -> Result<(Plan, Rows)> {
    if !letter.is_file() {
        return Err(Diagnostic::new(letter, tr!("batch-merge-no-letter"))
            .with_help(tr!("batch-merge-no-letter-help"))
            .into());
    }
    let stem = letter
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "letter".into());
    let file_column = data.columns.iter().position(|c| c.name == FILE_COLUMN);
    let mut problems = Vec::new();
    let mut by_output: HashMap<String, usize> = HashMap::new();
    let mut jobs = Vec::new();
    let mut found = Vec::new();
    let mut by_job = HashMap::new();
    for (index, row) in data.rows.iter().enumerate() {
        let named = file_column
            .map(|c| row.cell(c).trim())
            .filter(|s| !s.is_empty());
        let name = match named {
            Some(name) => {
                if let Err(why) = output_name(name) {
                    let c = file_column.unwrap_or(0);
                    problems.push(
                        at_cell(
                            &data.path,
                            Pos {
                                line: row.number,
                                column: c + 1,
                            },
                            why,
                        )
                        .with_help(tr!("batch-file-name-help")),
                    );
                    continue;
                }
                name.to_owned()
            }
            None => format!("{stem}-{}", index + 1),
        };
        if let Some(first) = by_output.insert(name.clone(), row.number) {
            let c = file_column.map_or(1, |c| c + 1);
            problems.push(
                at_cell(
                    &data.path,
                    Pos {
                        line: row.number,
                        column: c,
                    },
                    tr!("batch-rows-same-output", first = first, name = &name),
                )
                .with_help(tr!("batch-rows-same-output-help")),
            );
            continue;
        }
        let relative = format!(
            "{}#{name}",
            letter.file_name().unwrap_or_default().to_string_lossy()
        );
        found.push(relative.clone());
        if shard.is_some_and(|s| !s.takes(&relative)) {
            continue;
        }
        by_job.insert(relative.clone(), index);
        jobs.push(Job::new(
            letter.to_path_buf(),
            relative,
            out_dir.join(format!("{name}.{}", format.extension())),
        ));
    }
    if !problems.is_empty() {
        return Err(Error {
            diagnostics: problems,
        });
    }
    let plan = Plan::of_rows(jobs, letter, out_dir, format, shard, &found)?;
    drop((found, by_output));
    crate::process::release_freed_memory();
    Ok((plan, Rows { data, by_job }))
}

/// A `file` cell must name a file in the output folder, not a path.
fn output_name(name: &str) -> std::result::Result<(), String> {
    let bad = name.chars().find(|c| {
        matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control()
    });
    match bad {
        Some(c) => Err(tr!("batch-file-name-bad-char", name = name, char = c)),
        None if name == "." || name == ".." || name.starts_with('.') => {
            Err(tr!("batch-file-name-dot", name = name))
        }
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests;
