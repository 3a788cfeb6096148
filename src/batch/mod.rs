//! Batch regeneration: many letters in one process, in parallel, skipping
//! those whose output is already up to date: one clean, stateless,
//! idempotent step for an orchestrator (a Kubernetes Indexed Job, an AWS
//! Batch array job) or a laptop.
//!
//! - **Inputs** ([`plan`]) are letter files, folders (searched recursively
//!   for `*.yaml` and `*.yml`, links to folders not followed), globs and
//!   lists (`--files-from`). The output folder mirrors the input folders
//!   below their common root: `in/a/b.yaml` → `OUT/a/b.pdf`. An output that
//!   is a letter, a special file or a link is refused before any work.
//! - **Shards** ([`Shard`]): `--shard K/N`, or `--shard auto` from the
//!   orchestrator's index, takes the letters whose relative path hashes to
//!   K, so N workers share a regeneration without talking to each other.
//! - **Running** ([`run`]): one [`Engine`] (templates) and the process-wide
//!   fonts serve every letter on every thread. Failures are per letter: a
//!   refused letter, or a fault of the program on one letter, is reported
//!   with its `file:line:col` and the others carry on.
//! - **The manifest** (`OUTDIR/manifest.jsonl`, one file per shard): one
//!   [`Record`] a letter, with a key over everything its output depends on.
//!   A letter is skipped when its key is the same and its output is the one
//!   written; every doubt re-renders. A letter file the manifest saw as it
//!   is now (size, modification and change times, inode, recorded once its
//!   times had settled) is not read at all, and neither is the output
//!   (size and time), unless `--verify`. Saved as letters finish, so a
//!   killed run resumes; a run that changes nothing writes nothing.
//! - **The report** (`--report`) holds the same records, with times.
//! - **Defaults files** (`defaults: FILE` of letter format v2) found among
//!   the letters are not letters: a file another file of the batch names as
//!   its defaults is left out, and [`Plan::defaults`] lists it. A defaults
//!   file is an input of every letter merged with it ([`crate::Checked::inputs`]):
//!   changing it renders exactly those letters again.
//! - **Mail merge** ([`merge`]): one letter rendered once per row of a CSV or
//!   XLSX file, each row's cells laid over the letter's fields.

mod defaults;
mod inputs;
mod key;
mod manifest;
pub mod merge;
mod output;
mod plan;
mod record;
mod report;
mod run;
mod shard;
mod sink;
mod source;
mod tidy;
pub mod worker;

pub use inputs::{letters, read_list};
pub use key::Hash;
pub use manifest::MANIFEST;
pub use plan::{Job, Plan, plan};
pub use record::{
    CheckReport, CheckStatus, CheckedLetter, FileRecord, OutputRecord, Problem, ProblemSeverity,
    RECORD_VERSION, Record, Sha256, check_schema_json, problem, schema_json,
};
pub use report::{Outcome, Status, Summary};
pub use run::{MAX_JOBS, Settings, run, run_from};
pub use shard::{Shard, ShardSpec};
pub use source::{Files, LetterSource, Loaded};
pub use worker::{WORKER, WorkerCommand};

use crate::Engine;

// Letters share one engine across threads.
const _: fn() = || {
    fn shared<T: Sync + Send>() {}
    shared::<Engine>();
};
