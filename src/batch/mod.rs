//! Batch regeneration: many letters in one process, in parallel, skipping
//! those whose output is already up to date.
//!
//! - **Inputs** are letter files, folders (searched recursively for
//!   `*.yaml`) and globs. The output folder mirrors the input folders below
//!   their common root: `in/a/b.yaml` → `OUT/a/b.pdf`.
//! - **Sharing:** one [`Engine`] (templates) and the process-wide fonts and
//!   hyphenation patterns serve every letter on every thread.
//! - **Failures** are per letter: a refused letter is reported with its
//!   `file:line:col` and the others carry on.
//! - **Incremental:** a manifest in the output folder ([`MANIFEST`]) keeps,
//!   per output, a key over everything the output depends on: the letter's
//!   text, the files its document refers to (the emblem), the templates, the
//!   fonts, the options and the program version, and a hash of the output
//!   written. A letter is skipped only when the key is the same and the
//!   output on disk is the one written. Every doubt (no manifest, a damaged
//!   one, a missing file) re-renders: the manifest can only save work, never
//!   leave a stale output.
//! - **Defaults files** (`defaults: FILE` of letter format v2) found among
//!   the letters are not letters: a file another file of the batch names as
//!   its defaults is left out, and [`Plan::defaults`] lists it. A defaults
//!   file is an input of every letter merged with it: changing it renders
//!   exactly those letters again.
//! - **Shards:** `--shard K/N` takes the letters whose path hashes to K, so
//!   N machines share a regeneration without talking to each other.

mod defaults;
mod manifest;
pub mod merge;
mod plan;
mod report;
mod run;

pub use manifest::MANIFEST;
pub use plan::{Job, Plan, Shard, plan};
pub use report::{Outcome, Status, Summary};
pub use run::{Settings, run};

use crate::Engine;

// Letters share one engine across threads.
const _: fn() = || {
    fn shared<T: Sync + Send>() {}
    shared::<Engine>();
};
