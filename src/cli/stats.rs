//! `render --stats`: the layout's figures (`zhauap::typeset::stats`), as
//! text for a reader or as one JSON object (typo2.py's keys) for a script.

use clap::ValueEnum;

use zhauap::typeset::page::{PAGE_WIDTH, Pages};
use zhauap::typeset::{Rules, stats};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    Text,
    Json,
}

/// Prints the figures of `pages`, to standard error when the PDF itself
/// owns standard output.
pub fn print(pages: &Pages, format: StatsFormat, to_stderr: bool) {
    let right = PAGE_WIDTH - Rules::default().margin_right;
    let figures = stats::measure(pages, right);
    let text = match format {
        StatsFormat::Text => figures.to_string(),
        // Plain data of our own: serialising it cannot fail.
        StatsFormat::Json => serde_json::to_string(&figures).unwrap_or_default(),
    };
    if to_stderr {
        eprintln!("{text}");
    } else {
        println!("{text}");
    }
}
