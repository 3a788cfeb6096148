//! One JSON record per letter: the line of `manifest.jsonl` and the entry
//! of the `--report` file. Its JSON Schema is `zhauap schema --manifest`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Error, Severity};

/// The version of [`Record`]: bumped when a field changes meaning, so that
/// an older manifest is ignored (its letters render again) rather than
/// misread.
pub const RECORD_VERSION: u32 = 2;

/// What one batch run did with one letter, and what its output was made
/// from. Records of several shards merge by concatenating their files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "zhauap batch manifest record")]
pub struct Record {
    /// The version of this record's format (2).
    pub record_version: u32,
    /// The letter's path below the input root, with `/` separators: the same
    /// on every machine, and what decides the letter's shard.
    pub key: String,
    /// The letter file as it was found, and the SHA-256 of its content.
    pub input: FileRecord,
    /// The other files the output was made from (such as the emblem), by
    /// absolute path.
    pub files: Vec<FileRecord>,
    /// SHA-256 over the names and contents of the templates used.
    pub templates: Sha256,
    /// SHA-256 of the defaults file merged into the letter, if any.
    pub defaults: Option<Sha256>,
    /// The defaults file the letter names itself (the nearest of its
    /// defaults files, which may name others in turn), by absolute path:
    /// what a later run's planning takes for a letter it trusts unchanged,
    /// to know which files of the folder are defaults files and not letters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defaults_file: Option<String>,
    /// SHA-256 of the data row the letter was merged with (mail merge), if any.
    pub data_row: Option<Sha256>,
    /// The version of zhauap that made the output.
    pub version: String,
    /// SHA-256 over everything the output depends on (program, fonts,
    /// templates, options, the letter and its files): an output whose key
    /// is unchanged is not rendered again. None when the letter failed.
    pub cache_key: Option<Sha256>,
    /// The output written (none when the letter failed).
    pub output: Option<OutputRecord>,
    /// Pages of the output.
    pub pages: Option<u32>,
    pub status: Status,
    /// Why the letter failed; empty otherwise.
    pub problems: Vec<Problem>,
    /// What the letter renders with but probably not as meant (severity
    /// `warning`); `--deny-warnings` refuses such a letter.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Problem>,
    /// Milliseconds this run spent on the letter (in the `--report` only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ms: Option<f64>,
}

/// What a run did with a letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Rendered and written.
    Rendered,
    /// Its output was already up to date: nothing was written.
    Unchanged,
    /// Refused or not written; see `problems`.
    Failed,
}

/// A file and the SHA-256 of its content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FileRecord {
    pub path: String,
    /// None when the file could not be read (missing, not a regular file,
    /// too large): the letter then failed, or renders again next time.
    pub sha256: Option<Sha256>,
    /// The letter file as it was before it was read (the letter's record
    /// only): a later run that finds it the same trusts its content to be
    /// unchanged without reading it, unless the batch runs with `--verify`.
    /// Taken only when the file had last changed at least two seconds
    /// before (a change in the same tick of its file system's clock would
    /// not show); a letter read before its times settled is read again by
    /// the next run, which records them. None on systems without a change
    /// time and inode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stat: Option<FileStat>,
}

/// What a file system says of a file without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct FileStat {
    /// Its size in bytes.
    pub bytes: u64,
    /// Its modification time, in nanoseconds since 1970 (UTC).
    pub modified_ns: u64,
    /// When its content or attributes last changed (the inode's change
    /// time, which programs cannot set as they can the modification time),
    /// in nanoseconds since 1970.
    pub changed_ns: u64,
    /// Its inode number (a file put in its place by a rename has another).
    pub inode: u64,
}

/// An output file as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct OutputRecord {
    pub path: String,
    pub sha256: Sha256,
    /// Its size in bytes.
    pub bytes: u64,
    /// Its modification time, in nanoseconds since 1970 (UTC), as written:
    /// an output with the same size and time is trusted to be this one
    /// unless the batch runs with `--verify`.
    pub modified_ns: u64,
}

/// One problem of a letter: why it failed, or a warning. `check --format
/// json` reports the same records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Problem {
    /// `error` refuses the letter; `warning` does only with `--deny-warnings`.
    #[serde(default)]
    pub severity: ProblemSeverity,
    /// The file the problem is in: the letter, a template, an image.
    pub file: String,
    /// Line and column, counted from 1, where the file has text positions.
    pub line: Option<u32>,
    pub column: Option<u32>,
    /// The letter field concerned, such as `inquiry.date`, where known.
    pub field: Option<String>,
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
}

/// How grave a problem is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ProblemSeverity {
    /// The letter is refused.
    #[default]
    Error,
    /// The letter renders, probably not as meant.
    Warning,
}

impl From<Severity> for ProblemSeverity {
    fn from(s: Severity) -> Self {
        match s {
            Severity::Error => ProblemSeverity::Error,
            Severity::Warning => ProblemSeverity::Warning,
        }
    }
}

/// What `zhauap check --format json` prints: every letter checked, with
/// its problems as the batch manifest records them. Its JSON Schema is
/// `zhauap schema --check`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "zhauap check report")]
pub struct CheckReport {
    /// Always `zhauap`.
    pub program: String,
    /// The version of zhauap that checked the letters.
    pub version: String,
    /// The letters, in the order found (an input's letters in name order),
    /// and the inputs that hold none.
    pub letters: Vec<CheckedLetter>,
    /// How many letters were refused.
    pub refused: u32,
}

/// One letter of a check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CheckedLetter {
    /// The letter file as found, or an input that holds no letter.
    pub file: String,
    pub status: CheckStatus,
    /// Its errors (when refused) and warnings, in the order found.
    pub problems: Vec<Problem>,
}

/// The verdict on a letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum CheckStatus {
    /// It renders, and nothing in it looks wrong.
    Ok,
    /// It renders, but has warnings (`--deny-warnings` refuses it).
    Warnings,
    /// It is refused: `render` would write nothing.
    Refused,
}

impl CheckReport {
    pub fn new() -> CheckReport {
        CheckReport {
            program: "zhauap".to_owned(),
            version: env!("CARGO_PKG_VERSION").to_owned(),
            letters: Vec::new(),
            refused: 0,
        }
    }

    pub fn add(&mut self, letter: CheckedLetter) {
        if letter.status == CheckStatus::Refused {
            self.refused += 1;
        }
        self.letters.push(letter);
    }

    /// The report, pretty-printed.
    pub fn json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

impl Default for CheckReport {
    fn default() -> Self {
        CheckReport::new()
    }
}

/// A SHA-256 as 64 lower-case hexadecimal digits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
#[schemars(transparent)]
pub struct Sha256(#[schemars(regex(pattern = r"^[0-9a-f]{64}$"))] pub String);

impl From<super::key::Hash> for Sha256 {
    fn from(h: super::key::Hash) -> Sha256 {
        Sha256(h.hex())
    }
}

/// The problems of an error, one per diagnostic.
pub fn problems(error: &Error) -> Vec<Problem> {
    error.diagnostics.iter().map(problem).collect()
}

/// The record of one diagnostic.
pub fn problem(d: &Diagnostic) -> Problem {
    let number = |n: usize| u32::try_from(n).ok();
    Problem {
        severity: d.severity.into(),
        file: d.file.display().to_string(),
        line: d.pos.and_then(|p| number(p.line)),
        column: d.pos.and_then(|p| number(p.column)),
        field: field_of(&d.message),
        message: d.message.clone(),
        help: d.help.clone(),
    }
}

/// The letter field a message is about. Diagnostics carry the field only in
/// their wording, in two forms: a leading `path: ` (`letterhead.emblem: the
/// emblem is not a file`) or a quoted path at the start or after "field"
/// (`'inquiry.date': …`, `missing required field 'signature.name' …`).
// Until a diagnostic has a field of its own, this reads those two forms.
fn field_of(message: &str) -> Option<String> {
    let is_path = |s: &str| {
        s.starts_with(|c: char| c.is_ascii_lowercase())
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_.[]".contains(c))
    };
    if let Some((head, _)) = message.split_once(": ")
        && is_path(head)
    {
        return Some(head.to_owned());
    }
    let quoted = |rest: &str| {
        let rest = rest.strip_prefix('\'')?;
        let (inside, _) = rest.split_once('\'')?;
        is_path(inside).then(|| inside.to_owned())
    };
    quoted(message).or_else(|| {
        message
            .find("field '")
            .and_then(|i| quoted(&message[i + "field ".len()..]))
    })
}

/// The JSON Schema of a record, pretty-printed.
pub fn schema_json() -> String {
    pretty(&schemars::schema_for!(Record))
}

/// The JSON Schema of `check --format json`, pretty-printed.
pub fn check_schema_json() -> String {
    pretty(&schemars::schema_for!(CheckReport))
}

fn pretty(schema: &schemars::Schema) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_field_is_read_from_both_forms_of_message() {
        let f = |m: &str| field_of(m);
        assert_eq!(
            f("letterhead.emblem: the emblem is not a file").as_deref(),
            Some("letterhead.emblem")
        );
        assert_eq!(
            f("'inquiry.date': '2020-13-01' has month 13").as_deref(),
            Some("inquiry.date")
        );
        assert_eq!(
            f("'body[1]' contains the control character U+001B").as_deref(),
            Some("body[1]")
        );
        assert_eq!(
            f("missing required field 'signature.name' in 'signature'").as_deref(),
            Some("signature.name")
        );
        assert_eq!(f("unknown template 'deputy-replyy'"), None);
        assert_eq!(f("the letter file is empty"), None);
        assert_eq!(f("while parsing a block mapping: x"), None);
    }

    #[test]
    fn a_record_round_trips_and_the_report_time_is_optional() {
        let sha = Sha256("0".repeat(64));
        let record = Record {
            record_version: RECORD_VERSION,
            key: "a/b.yaml".into(),
            input: FileRecord {
                path: "in/a/b.yaml".into(),
                sha256: Some(sha.clone()),
                stat: Some(FileStat {
                    bytes: 8455,
                    modified_ns: 1_796_409_612_844_536_306,
                    changed_ns: 1_796_409_612_844_536_306,
                    inode: 42,
                }),
            },
            files: vec![],
            templates: sha.clone(),
            defaults: None,
            defaults_file: Some("/letters/common.yaml".into()),
            data_row: None,
            version: "0".into(),
            cache_key: Some(sha.clone()),
            output: Some(OutputRecord {
                path: "out/a/b.pdf".into(),
                sha256: sha,
                bytes: 10,
                modified_ns: 1,
            }),
            pages: Some(1),
            status: Status::Rendered,
            problems: vec![],
            warnings: vec![],
            ms: None,
        };
        let line = serde_json::to_string(&record).unwrap();
        assert!(!line.contains("\"ms\""), "{line}");
        assert_eq!(serde_json::from_str::<Record>(&line).unwrap(), record);
        // A record of an older build, without the letter file's stat and
        // defaults file, still reads (its letter is then read and hashed).
        let older = line
            .replace(r#","stat":{"bytes":8455,"modified_ns":1796409612844536306,"changed_ns":1796409612844536306,"inode":42}"#, "")
            .replace(r#","defaults_file":"/letters/common.yaml""#, "");
        assert_ne!(older, line);
        let older: Record = serde_json::from_str(&older).unwrap();
        assert_eq!((older.input.stat, older.defaults_file), (None, None));
    }
}
