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
use crate::letter::node::Pos;
use crate::letter::paths::{CellKind, cell_field};

mod overlay;
pub use overlay::{Cell, CellValue, RowFields};

/// The largest data file read: some hundred thousand rows of a few fields.
pub const MAX_DATA_BYTES: u64 = 64 * 1024 * 1024;

/// The column that names each row's output file instead of a field.
const FILE_COLUMN: &str = "file";

/// A data file read: its columns and rows of text cells.
#[derive(Debug, PartialEq, Eq)]
pub struct Data {
    pub path: PathBuf,
    columns: Vec<Column>,
    cells: Cells,
}

#[derive(Debug, PartialEq, Eq)]
struct Column {
    name: String,
    /// Counted from 1.
    number: usize,
    kind: Option<CellKind>,
}

/// Every row's cells, one cell a column, in one text: a merge holds its
/// rows for the whole run, so a row costs its text and four bytes a cell,
/// not an allocation a cell or a row (issue 17).
#[derive(Debug, Default, PartialEq, Eq)]
struct Cells {
    /// The cells one after another (`""` is an empty cell).
    text: String,
    /// Where each cell ends in `text`, a row's cells after another's.
    ends: Vec<u32>,
    /// Each row's number, counted from 1, the header being row 1.
    numbers: Vec<u32>,
}

/// One row of [`Cells`].
#[derive(Debug, Clone, Copy)]
struct Row<'d> {
    number: usize,
    text: &'d str,
    /// Where the cell before the row's first ends.
    start: u32,
    ends: &'d [u32],
}

impl<'d> Row<'d> {
    fn cell(&self, index: usize) -> &'d str {
        let start = index.checked_sub(1).map_or(self.start, |i| self.ends[i]);
        self.text
            .get(start as usize..self.ends[index] as usize)
            .unwrap_or("")
    }

    fn cells(&self) -> impl Iterator<Item = &'d str> {
        let row = *self;
        (0..self.ends.len()).map(move |i| row.cell(i))
    }
}

impl Data {
    fn len(&self) -> usize {
        self.cells.numbers.len()
    }

    fn row(&self, index: usize) -> Row<'_> {
        let width = self.columns.len();
        let first = index * width;
        Row {
            number: self.cells.numbers[index] as usize,
            text: &self.cells.text,
            start: first.checked_sub(1).map_or(0, |i| self.cells.ends[i]),
            ends: &self.cells.ends[first..first + width],
        }
    }

    /// The fields row `index` sets. Empty cells set nothing.
    fn fields(&self, index: usize) -> RowFields {
        let row = self.row(index);
        let cells = self
            .columns
            .iter()
            .zip(row.cells())
            .filter_map(|(column, cell)| {
                let kind = column.kind?;
                let value = match (kind, cell.trim()) {
                    (_, "") => return None,
                    (CellKind::Flag, "true") => CellValue::Flag(true),
                    (CellKind::Flag, "false") => CellValue::Flag(false),
                    (CellKind::Flag | CellKind::Text, _) => CellValue::Text(cell.to_owned()),
                };
                Some(Cell {
                    field: column.name.clone(),
                    column: column.number,
                    value,
                })
            })
            .collect();
        RowFields {
            data: self.path.clone(),
            row: row.number,
            cells,
        }
    }

    /// Row `index`'s content, for the manifest: a row renders again only
    /// when its own cells (or the letter) change.
    fn fingerprint(&self, index: usize) -> Hash {
        let mut h = Sha256::new();
        for (column, cell) in self.columns.iter().zip(self.row(index).cells()) {
            for part in [column.name.as_bytes(), cell.as_bytes()] {
                h.update((part.len() as u64).to_le_bytes());
                h.update(part);
            }
        }
        Hash::of(&h.finalize())
    }
}

/// The letters of a mail merge: the one letter file, with each job's row.
pub struct Rows {
    data: Data,
    /// The row of each job of the plan, by the job's index.
    of_job: Vec<u32>,
}

impl LetterSource for Rows {
    fn load(&self, index: usize, job: &Job) -> Result<Loaded> {
        let letter = Files.load(index, job)?;
        let Some(&row) = self.of_job.get(index) else {
            return Ok(letter);
        };
        let row = row as usize;
        Ok(Loaded {
            data_row: Some(self.data.fingerprint(row)),
            row: Some(self.data.fields(row)),
            ..letter
        })
    }
}

/// The rows of a data file as its reader gives them, kept as [`Cells`] as
/// they come: the first is the header; blank rows are dropped.
#[derive(Default)]
struct Grid {
    header: Option<(usize, Vec<String>)>,
    cells: Cells,
    /// Rows with more cells than the header has columns: the row's number
    /// and how many cells it fills.
    too_long: Vec<(usize, usize)>,
}

impl Grid {
    fn row<S: AsRef<str>>(&mut self, number: usize, cells: impl IntoIterator<Item = S>) {
        let Some((_, header)) = &self.header else {
            let header = cells.into_iter().map(|c| c.as_ref().to_owned()).collect();
            self.header = Some((number, header));
            return;
        };
        let width = header.len();
        let (text_len, ends_len) = (self.cells.text.len(), self.cells.ends.len());
        let (mut count, mut filled, mut blank) = (0, 0, true);
        for cell in cells {
            let cell = cell.as_ref();
            count += 1;
            if !cell.is_empty() {
                filled = count;
            }
            blank &= cell.trim().is_empty();
            if count <= width {
                self.cells.text.push_str(cell);
                self.push_end();
            }
        }
        if blank {
            self.cells.text.truncate(text_len);
            self.cells.ends.truncate(ends_len);
            return;
        }
        for _ in count..width {
            self.push_end();
        }
        if count > width {
            self.too_long.push((number, filled));
        }
        // Within MAX_DATA_BYTES rows, far below u32::MAX.
        self.cells
            .numbers
            .push(u32::try_from(number).unwrap_or(u32::MAX));
    }

    fn push_end(&mut self) {
        // Within MAX_DATA_BYTES, far below u32::MAX.
        let end = u32::try_from(self.cells.text.len()).unwrap_or(u32::MAX);
        self.cells.ends.push(end);
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
    let Grid {
        header,
        cells,
        too_long,
    } = grid;
    let Some((header_number, header)) = header else {
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
    for (number, filled) in too_long {
        let at = Pos {
            line: number,
            column: columns.len() + 1,
        };
        problems.push(
            at_cell(
                path,
                at,
                tr!(
                    "batch-row-too-long",
                    cells = filled,
                    columns = columns.len()
                ),
            )
            .with_help(tr!("batch-row-too-long-help")),
        );
    }
    if cells.numbers.is_empty() && problems.is_empty() {
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
    let mut cells = cells;
    cells.text.shrink_to_fit();
    cells.ends.shrink_to_fit();
    cells.numbers.shrink_to_fit();
    Ok(Data {
        path: path.to_path_buf(),
        columns,
        cells,
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
    let mut grid = Grid::default();
    // The cells are at most the file's text: no copy as it grows.
    grid.cells.text.reserve(text.len());
    let mut record = csv::StringRecord::new();
    for number in 1.. {
        let more = reader.read_record(&mut record).map_err(|e| {
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
        if !more {
            break;
        }
        grid.row(number, &record);
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
    let mut grid = Grid::default();
    for (i, row) in range.rows().enumerate() {
        // Cells left of the used range are empty: keep columns as Excel counts them.
        let before = std::iter::repeat_n(String::new(), left as usize);
        let cells = before.chain(row.iter().map(|c| match c {
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
        grid.row(top as usize + i + 1, cells);
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
    // Held for the whole run: at their size, not doubled as they grow.
    let mut jobs = Vec::with_capacity(data.len());
    let mut found = Vec::with_capacity(data.len());
    let mut of_job = Vec::with_capacity(data.len());
    for index in 0..data.len() {
        let row = data.row(index);
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
        found.push(super::plan::path_hash(&relative));
        if shard.is_some_and(|s| !s.takes(&relative)) {
            continue;
        }
        // Below MAX_DATA_BYTES rows.
        of_job.push(u32::try_from(index).unwrap_or(u32::MAX));
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
    drop(by_output);
    jobs.shrink_to_fit();
    let plan = Plan::of_rows(jobs, letter, out_dir, format, shard, found)?;
    of_job.shrink_to_fit();
    crate::process::release_freed_memory();
    Ok((plan, Rows { data, of_job }))
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
