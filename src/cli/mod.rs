//! Command-line interface. Every command is a few calls into the library;
//! `batch` and `preview` use the same [`zhauap::Engine`] as `render`.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

mod batch;
mod card;
mod check;
mod help;
mod man;
mod progress;
mod render;
mod stats;
mod verify;
mod watchdog;
use check::{CheckFormat, CheckRequest};
use progress::{Console, Progress};

use zhauap::diagnostic::Error;
use zhauap::tr;
use zhauap::{Engine, Format, Options};

/// Exit codes: 0 all well, 1 a letter was refused, 2 a usage error.
pub const EXIT_OK: i32 = 0;
pub const EXIT_REFUSED: i32 = 1;
pub const EXIT_USAGE: i32 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "zhauap",
    version,
    about = "Typesets official reply letters (Russian, Kazakh) from YAML into PDF/A and an HTML preview",
    long_about = "zhauap (жауап, \"reply\") turns a YAML description of an official reply letter into a \
typeset PDF/A ready to sign, following the documentation rules for outgoing letters, and into an \
HTML preview with the same pages and lines.",
    after_help = "Example:\n  zhauap render examples/dz-83-reply.yaml\n  zhauap check letters/*.yaml"
)]
pub struct Cli {
    /// Use the templates in this folder instead of the built-in ones.
    #[arg(long, global = true, value_name = "DIR")]
    templates: Option<PathBuf>,
    /// Print only errors.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Print more about what is done.
    #[arg(short, long, global = true)]
    verbose: bool,
    /// The language of messages; by default that of LANGUAGE, LC_ALL,
    /// LC_MESSAGES or LANG (C and POSIX: English), else Russian.
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    ui_lang: Option<UiLangArg>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum FormatArg {
    Pdf,
    Html,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Pdf => Format::Pdf,
            FormatArg::Html => Format::Html,
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Render a letter to PDF (or HTML) next to it, or to -o OUT.
    #[command(
        after_help = "Example:\n  zhauap render examples/dz-83-reply.yaml\n  zhauap render letter.yaml -o out/letter.pdf --stats"
    )]
    Render {
        /// The letter file (YAML); `-` reads it from standard input.
        letter: PathBuf,
        /// Output file (its folder is created); `-` writes to standard output. By default the letter's name with .pdf (or .html) beside it.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "pdf")]
        format: FormatArg,
        /// Leave quotes, dashes and spaces exactly as written.
        #[arg(long)]
        no_typography: bool,
        /// Print measurements of the layout (typo2.py's figures): letter-spacing, gaps, hyphenation, page breaks; `--stats=json` prints them as JSON.
        #[arg(long, value_enum, num_args = 0..=1, default_missing_value = "text", require_equals = true, value_name = "FORMAT")]
        stats: Option<stats::StatsFormat>,
        /// Refuse the letter (exit 1) when it has warnings, not only errors.
        #[arg(long)]
        deny_warnings: bool,
        /// Mark every page as a draft («ПРОЕКТ» / «ЖОБА»), as `draft: true` does.
        #[arg(long)]
        draft: bool,
        /// Also write the ЕСЭДО registration data (number, date, language, sheets…) as JSON; schema: `zhauap schema --meta`.
        #[arg(long, value_name = "OUT.json")]
        meta: Option<PathBuf>,
    },
    /// Check letters without writing anything.
    #[command(
        after_help = "Example:\n  zhauap check examples/dz-83-reply.yaml\n  zhauap check letters/ 'in/**/*.yaml'\n  zhauap check letters/ --format json > problems.json"
    )]
    Check {
        /// Letter files, folders (searched for *.yaml and *.yml) or globs.
        #[arg(value_name = "INPUT", required = true)]
        letters: Vec<PathBuf>,
        /// Refuse the letter (exit 1) when it has warnings, not only errors.
        #[arg(long)]
        deny_warnings: bool,
        /// How to report: text for people, or json on standard output for
        /// programs (see zhauap schema --check).
        #[arg(long, value_enum, default_value = "text")]
        format: CheckFormat,
        /// Mark every page as a draft («ПРОЕКТ» / «ЖОБА»), as `draft: true` does.
        #[arg(long)]
        draft: bool,
    },
    /// Write a starter letter that renders as it is, with every field explained.
    #[command(
        after_help = "Example:\n  zhauap init reply.yaml\n  zhauap init --lang kk жауап.yaml"
    )]
    Init {
        /// The letter file to create.
        #[arg(default_value = "letter.yaml")]
        file: PathBuf,
        /// The letter's language.
        #[arg(long, value_enum, default_value = "ru")]
        lang: LangArg,
        /// Overwrite the file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Print the JSON Schema of the letter format, for editors (or of the batch manifest).
    #[command(
        after_help = "Example:\n  zhauap schema > zhauap-letter.schema.json\n  zhauap schema --ui-lang ru > zhauap-letter.schema.json\n  zhauap schema --manifest > zhauap-manifest.schema.json\n  zhauap schema --check > zhauap-check.schema.json"
    )]
    Schema {
        /// The schema of a batch manifest record instead.
        #[arg(long, conflicts_with_all = ["meta", "check"])]
        manifest: bool,
        /// The schema of `zhauap check --format json` instead.
        #[arg(long, conflicts_with = "meta")]
        check: bool,
        /// The schema of `render --meta`'s ЕСЭДО data instead.
        #[arg(long)]
        meta: bool,
    },
    /// Print shell completions.
    #[command(after_help = "Example:\n  zhauap completions bash > /etc/bash_completion.d/zhauap")]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), or write every page into a folder.
    #[command(
        after_help = "Example:\n  zhauap man > zhauap.1 && man ./zhauap.1\n  zhauap man render | man -l -\n  zhauap man -o man/"
    )]
    Man {
        /// The page of this subcommand (zhauap-SUBCOMMAND.1) instead.
        #[arg(value_name = "SUBCOMMAND")]
        subcommand: Option<String>,
        /// Write zhauap.1 and zhauap-SUBCOMMAND.1 of every subcommand into
        /// this folder (created).
        #[arg(short, long, value_name = "DIR", conflicts_with = "subcommand")]
        output: Option<PathBuf>,
    },
    /// Serve a live preview of a letter on 127.0.0.1, following every save.
    #[command(
        after_help = "The page shows the letter as it will print, with a link to its PDF; it reloads\nwhen the letter, its emblem or the --templates folder change. Ctrl-C stops it.\n\nExample:\n  zhauap preview examples/dz-83-reply.yaml --open"
    )]
    Preview {
        /// The letter file (YAML).
        letter: PathBuf,
        /// Port on 127.0.0.1; 0 takes any free one.
        #[arg(long, default_value_t = 0)]
        port: u16,
        /// Open the preview in the desktop's browser.
        #[arg(long)]
        open: bool,
        /// Leave quotes, dashes and spaces exactly as written.
        #[arg(long)]
        no_typography: bool,
        /// Mark every page as a draft («ПРОЕКТ» / «ЖОБА»), as `draft: true` does.
        #[arg(long)]
        draft: bool,
    },
    /// Render many letters in parallel into a folder, skipping those already up to date.
    #[command(
        after_help = "The output folder gets manifest.jsonl (manifest.shard-K-of-N.jsonl with --shard): one JSON \
record per letter (see zhauap schema --manifest). A re-run renders only what changed and, if nothing did, \
writes nothing.\n\nExample:\n  zhauap batch letters/ -o out/\n  zhauap batch 'in/**/*.yaml' -o out --report report.json --shard 1/4\n  \
JOB_COMPLETION_INDEX=3 zhauap batch /letters -o /out --shard auto --shards 8"
    )]
    Batch {
        /// Letter files, folders (searched for *.yaml and *.yml) or globs.
        #[arg(value_name = "INPUT", required_unless_present = "files_from")]
        inputs: Vec<PathBuf>,
        /// Also the letters listed in FILE, one path a line (- reads the standard input).
        #[arg(long, value_name = "FILE")]
        files_from: Option<PathBuf>,
        /// The output folder; it mirrors the input folders.
        #[arg(short, long, value_name = "OUTDIR")]
        output: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "pdf")]
        format: FormatArg,
        /// Worker threads (default: one per core).
        #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=zhauap::batch::MAX_JOBS as i64))]
        jobs: Option<u16>,
        /// Write a JSON report: the manifest record of each letter, with its time.
        #[arg(long, value_name = "FILE.json")]
        report: Option<PathBuf>,
        /// Render every letter, even those whose output is up to date.
        #[arg(long)]
        force: bool,
        /// Refuse letters with warnings, not only errors: nothing is written
        /// for them and the batch exits 1.
        #[arg(long)]
        deny_warnings: bool,
        /// Check letters and up-to-date outputs by their content, not only size and time.
        #[arg(long)]
        verify: bool,
        /// Remove outputs whose letters are gone (they are listed in the summary).
        #[arg(long)]
        prune: bool,
        /// Take the K-th of N shares of the letters (by a hash of their path), or
        /// `auto`: the share from JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX or
        /// CLOUD_RUN_TASK_INDEX.
        #[arg(long, value_name = "K/N|auto")]
        shard: Option<zhauap::batch::ShardSpec>,
        /// With --shard auto: how many workers there are (else JOB_COMPLETIONS etc.).
        #[arg(long, value_name = "N", requires = "shard", value_parser = clap::value_parser!(u32).range(1..))]
        shards: Option<u32>,
        /// Leave quotes, dashes and spaces exactly as written.
        #[arg(long)]
        no_typography: bool,
        /// Mark every page as a draft («ПРОЕКТ» / «ЖОБА»), as `draft: true` does.
        #[arg(long)]
        draft: bool,
        /// Mail merge: render the one letter given once per row of this CSV or
        /// XLSX file; the first row names the fields, a `file` column the outputs.
        #[arg(long, value_name = "ROWS.csv|ROWS.xlsx")]
        data: Option<PathBuf>,
    },
    /// Check a signed letter's detached CMS signatures and print its signers.
    #[command(
        after_help = "Exit 0 only when every check was made and is valid. The certificates' chain is checked only\nagainst the certificates given with --ca; their revocation is not checked (see docs/signatures.md).\n\nExample:\n  zhauap verify letter.pdf letter.pdf.cms --ca nca-root.pem"
    )]
    Verify(verify::VerifyArgs),
    /// Make a document card: signature sheets (ru and kk) and QR codes, the letter and its CMS files embedded (PDF/A-3b).
    #[command(
        after_help = "Follows the ddcard specification (see docs/card.md). Check a card with zhauap verify CARD.pdf.\n\nExample:\n  zhauap card letter.pdf letter.pdf.cms -o letter-card.pdf --source letter.yaml"
    )]
    Card(card::CardArgs),
}

/// `--ui-lang`: read before parsing (see [`zhauap::i18n::UiLang::from_args`]);
/// declared here so that it is checked and shown in `--help`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum UiLangArg {
    Ru,
    Kk,
    En,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum LangArg {
    Ru,
    Kk,
}

/// The schema file `init` writes beside a new letter, named in its modeline.
const SCHEMA_FILE: &str = "zhauap-letter.schema.json";

struct Ui {
    quiet: bool,
    verbose: bool,
    color: bool,
}

impl Ui {
    fn error(&self, e: &Error) {
        eprintln!("{}", e.render(self.color));
    }
    fn info(&self, msg: &str) {
        if !self.quiet {
            eprintln!("{msg}");
        }
    }
}

fn use_color() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
}

pub fn run() -> i32 {
    // Not in a batch's own process (mimalloc there): it plans, then hands
    // back what planning freed (`release_freed_memory`), which mimalloc does
    // only where it purges; its workers keep their freed memory.
    if zhauap::process::current() == zhauap::process::Heap::System {
        zhauap::process::keep_freed_memory();
    }
    // The language is chosen before anything is printed, the parser's own
    // messages included.
    let ui_lang = zhauap::i18n::UiLang::from_args(std::env::args_os())
        .unwrap_or_else(zhauap::i18n::UiLang::from_env);
    zhauap::i18n::set(ui_lang);
    let cli = match help::parse(ui_lang) {
        Ok(c) => c,
        Err(e) => return help::print_error(&e, ui_lang),
    };
    let ui = Ui {
        quiet: cli.quiet,
        verbose: cli.verbose,
        color: use_color(),
    };
    // Commands that need no letter engine.
    match &cli.command {
        Command::Init { file, lang, force } => return init(&ui, file, *lang, *force),
        Command::Verify(args) => return verify::run(&ui, args),
        Command::Card(args) => return card::run(&ui, args, cli.templates.as_deref()),
        Command::Schema {
            manifest,
            check,
            meta,
        } => {
            if *meta {
                print!("{}", zhauap::output::meta::schema_json());
            } else if *manifest {
                print!("{}", zhauap::batch::schema_json());
            } else if *check {
                print!("{}", zhauap::batch::check_schema_json());
            } else {
                // Editors show its descriptions: the clerk's language.
                print!("{}", zhauap::i18n::schema::letter(ui_lang));
            }
            return EXIT_OK;
        }
        Command::Completions { shell } => {
            // Descriptions in the clerk's language, as `--help` gives them.
            clap_complete::generate(
                *shell,
                &mut help::command(ui_lang),
                "zhauap",
                &mut std::io::stdout(),
            );
            return EXIT_OK;
        }
        Command::Man { subcommand, output } => {
            return match output {
                Some(dir) => man::write_all(&ui, Cli::command(), dir),
                None => man::print(&ui, Cli::command(), subcommand.as_deref()),
            };
        }
        _ => {}
    }
    let draft = match &cli.command {
        Command::Render { draft, .. }
        | Command::Check { draft, .. }
        | Command::Batch { draft, .. }
        | Command::Preview { draft, .. } => *draft,
        Command::Init { .. }
        | Command::Schema { .. }
        | Command::Completions { .. }
        | Command::Verify(_)
        | Command::Card(_)
        | Command::Man { .. } => false,
    };
    let engine = match Engine::new(cli.templates.as_deref()) {
        // Never dropped: the process ends after the command (see `main`'s
        // `exit`), and freeing the parsed templates piece by piece was
        // 0.6% of a cold render.
        Ok(e) => std::mem::ManuallyDrop::new(e.with_draft(draft)),
        Err(e) => {
            ui.error(&e);
            return EXIT_REFUSED;
        }
    };
    match cli.command {
        Command::Render {
            letter,
            output,
            format,
            no_typography,
            stats,
            deny_warnings,
            draft: _,
            meta,
        } => render::render(
            &engine,
            &ui,
            &letter,
            output,
            render::RenderFlags {
                options: Options {
                    typography: !no_typography,
                    format: format.into(),
                },
                stats,
                deny_warnings,
                meta,
            },
        ),
        Command::Check {
            letters,
            deny_warnings,
            format,
            draft: _,
        } => check::check(
            &engine,
            &ui,
            &CheckRequest {
                inputs: &letters,
                deny_warnings,
                format,
            },
        ),
        Command::Batch {
            inputs,
            files_from,
            output,
            format,
            jobs,
            report,
            force,
            deny_warnings,
            verify,
            prune,
            shard,
            shards,
            no_typography,
            draft: _,
            data,
        } => {
            let shard = match shard {
                None => None,
                Some(zhauap::batch::ShardSpec::Fixed(s)) => Some(s),
                Some(zhauap::batch::ShardSpec::Auto) => {
                    match zhauap::batch::Shard::from_orchestrator(shards, |k| std::env::var(k).ok())
                    {
                        Ok(s) => Some(s),
                        Err(why) => {
                            eprintln!("{}: {why}", tr!("common-error"));
                            return EXIT_USAGE;
                        }
                    }
                }
            };
            let request = batch::BatchRequest {
                inputs,
                data,
                files_from,
                out_dir: output,
                shard,
                settings: zhauap::batch::Settings {
                    options: Options {
                        typography: !no_typography,
                        format: format.into(),
                    },
                    force,
                    verify,
                    prune,
                    jobs: jobs.map(usize::from),
                    report,
                    // Letters render in worker processes: one that aborts
                    // or hangs costs only itself (issue 19).
                    worker: zhauap::batch::WorkerCommand::this_program(
                        cli.templates.as_deref(),
                        draft,
                    ),
                    deny_warnings,
                },
            };
            batch::batch(&engine, &ui, &request)
        }
        Command::Init { .. }
        | Command::Schema { .. }
        | Command::Completions { .. }
        | Command::Verify(_)
        | Command::Card(_)
        | Command::Man { .. } => EXIT_OK,
        Command::Preview {
            letter,
            port,
            open,
            no_typography,
            draft,
        } => preview(
            &ui,
            zhauap::preview::Config {
                letter,
                templates: cli.templates,
                port,
                typography: !no_typography,
                draft,
                quiet: ui.quiet,
            },
            open,
        ),
    }
}

/// The starter letters are files of the project, not wording in code.
fn starter(lang: LangArg) -> &'static str {
    match lang {
        LangArg::Ru => include_str!("../../examples/starter-ru.yaml"),
        LangArg::Kk => include_str!("../../examples/starter-kk.yaml"),
    }
}

fn init(ui: &Ui, file: &Path, lang: LangArg, force: bool) -> i32 {
    if file.exists() && !force {
        ui.error(&Error::one(
            zhauap::diagnostic::Diagnostic::new(file, tr!("cli-init-exists"))
                .with_help(tr!("cli-init-exists-help")),
        ));
        return EXIT_REFUSED;
    }
    if let Err(e) = zhauap::write::atomic(file, starter(lang).as_bytes()) {
        ui.error(&e);
        return EXIT_REFUSED;
    }
    // The schema beside the letter lets editors check it without a network.
    let schema = file.with_file_name(SCHEMA_FILE);
    let mut wrote = tr!("cli-init-wrote", file = file.display().to_string());
    if !schema.exists() {
        if let Err(e) = zhauap::write::atomic(
            &schema,
            zhauap::i18n::schema::letter(zhauap::i18n::current()).as_bytes(),
        ) {
            ui.error(&e);
            return EXIT_REFUSED;
        }
        wrote = tr!(
            "cli-init-wrote-with-schema",
            file = file.display().to_string(),
            schema = schema.display().to_string()
        );
    }
    ui.info(&tr!(
        "cli-init-next",
        wrote = wrote,
        file = file.display().to_string()
    ));
    EXIT_OK
}

fn preview(ui: &Ui, config: zhauap::preview::Config, open: bool) -> i32 {
    // A letter that is not there is an error, not a page to wait on.
    if let Err(e) = zhauap::preview::check_letter(&config.letter) {
        ui.error(&e);
        return EXIT_REFUSED;
    }
    let result = zhauap::preview::serve(config, |address| {
        let url = format!("http://{address}/");
        // The address goes to stdout even with --quiet: it is the output.
        println!("{}", tr!("cli-preview-address", url = url.as_str()));
        if open && !zhauap::preview::open_in_browser(&url) {
            ui.info(&tr!("cli-preview-no-browser"));
        }
    });
    match result {
        Ok(()) => EXIT_OK,
        Err(e) => {
            eprintln!("{}: {e}", tr!("common-error"));
            EXIT_REFUSED
        }
    }
}
