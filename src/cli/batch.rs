//! `zhauap batch`: the letters of folders, a list or a mail merge, planned,
//! rendered and summed up by the library's `batch`; the progress bar here.

use super::*;

pub(super) struct BatchRequest {
    pub(super) inputs: Vec<PathBuf>,
    /// `--data`: a mail merge of the one letter in `inputs`.
    pub(super) data: Option<PathBuf>,
    pub(super) files_from: Option<PathBuf>,
    pub(super) out_dir: PathBuf,
    pub(super) shard: Option<zhauap::batch::Shard>,
    pub(super) settings: zhauap::batch::Settings,
}

pub(super) fn batch(engine: &Engine, ui: &Ui, r: &BatchRequest) -> i32 {
    use zhauap::batch;
    let listed = match &r.files_from {
        Some(list) => match batch::read_list(list) {
            Ok(l) => l,
            Err(e) => {
                ui.error(&e);
                return EXIT_REFUSED;
            }
        },
        None => Vec::new(),
    };
    let planned = match (&r.data, r.inputs.as_slice()) {
        (None, _) => batch::plan(
            &r.inputs,
            &listed,
            &r.out_dir,
            r.settings.options.format,
            r.shard,
            r.settings.verify,
        )
        .map(|p| (p, None)),
        (Some(data), [letter]) if listed.is_empty() => batch::merge::read(data)
            .and_then(|rows| {
                batch::merge::plan(letter, rows, &r.out_dir, r.settings.options.format, r.shard)
            })
            .map(|(p, rows)| (p, Some(rows))),
        (Some(_), _) => {
            eprintln!(
                "{}: {}",
                tr!("common-error"),
                tr!("cli-batch-data-one-letter")
            );
            return EXIT_USAGE;
        }
    };
    let (plan, rows) = match planned {
        Ok(p) => p,
        Err(e) => {
            ui.error(&e);
            return EXIT_REFUSED;
        }
    };
    drop(listed);
    if !plan.defaults.is_empty() {
        let names: Vec<String> = plan
            .defaults
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        ui.info(&tr!(
            "cli-batch-skipped-defaults",
            count = names.len(),
            files = names.join(", ")
        ));
    }
    let progress = Progress::new(
        plan.jobs.len(),
        Console {
            quiet: ui.quiet,
            verbose: ui.verbose,
            color: ui.color,
        },
    );
    let source: &dyn batch::LetterSource = match &rows {
        Some(rows) => rows,
        None => &batch::Files,
    };
    let summary = match batch::run_from(engine, &plan, source, &r.settings, &|o| {
        progress.letter_done(o)
    }) {
        Ok(s) => s,
        Err(e) => {
            ui.error(&e);
            return EXIT_REFUSED;
        }
    };
    progress.finish(&summary);
    if summary.failed() {
        EXIT_REFUSED
    } else {
        EXIT_OK
    }
}
