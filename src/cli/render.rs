//! `zhauap render`: one letter to its PDF or HTML (and its statistics and
//! ЕСЭДО data), `-` meaning standard input or output.

use super::*;

fn default_output(letter: &Path, format: Format) -> PathBuf {
    letter.with_extension(format.extension())
}

/// The choices of `render` beyond the letter and where it goes.
pub(super) struct RenderFlags {
    pub(super) options: Options,
    pub(super) stats: Option<stats::StatsFormat>,
    pub(super) deny_warnings: bool,
    /// `--meta`: where the ЕСЭДО data goes.
    pub(super) meta: Option<PathBuf>,
}

/// `-` as a letter or an output: standard input or output.
fn is_stdio(path: &Path) -> bool {
    path.as_os_str() == "-"
}

pub(super) fn render(
    engine: &Engine,
    ui: &Ui,
    letter: &Path,
    output: Option<PathBuf>,
    flags: RenderFlags,
) -> i32 {
    let RenderFlags {
        options,
        stats,
        deny_warnings,
        meta,
    } = flags;
    let started = std::time::Instant::now();
    // A letter read from standard input goes to standard output unless -o says.
    // A link at a path the user typed is followed; at a derived one, refused.
    let write = match output {
        Some(_) => zhauap::write::atomic_named,
        None => zhauap::write::atomic,
    };
    let out = match output {
        Some(o) => o,
        None if is_stdio(letter) => PathBuf::from("-"),
        None => default_output(letter, options.format),
    };
    if !is_stdio(letter)
        && !is_stdio(&out)
        && let Err(e) = zhauap::write::not_the_input(letter, &out)
    {
        ui.error(&e);
        return EXIT_REFUSED;
    }
    let source = if is_stdio(letter) {
        let mut bytes = Vec::new();
        if let Err(e) = std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes) {
            eprintln!(
                "{}: {}",
                tr!("common-error"),
                tr!("cli-stdin-unreadable", reason = e.to_string())
            );
            return EXIT_REFUSED;
        }
        zhauap::letter::Source::from_bytes(Path::new("<stdin>"), bytes)
    } else {
        zhauap::letter::Source::read(letter)
    };
    // The letter's work ends within its budget, or the process does.
    let watch = watchdog::watch(letter, ui.color);
    let checked = match source.and_then(|s| engine.check_source(s)) {
        Ok(c) => c,
        Err(e) => {
            ui.error(&e);
            return EXIT_REFUSED;
        }
    };
    match checked.denied() {
        Some(refusal) if deny_warnings => {
            ui.error(&refusal);
            return EXIT_REFUSED;
        }
        _ => {
            for w in &checked.letter.warnings {
                eprintln!("{}", w.render(ui.color));
            }
        }
    }
    let letter = meta.as_ref().map(|_| checked.letter.clone());
    let rendered = match engine.render_checked(checked, &options) {
        Ok(r) => r,
        Err(e) => {
            ui.error(&e);
            return EXIT_REFUSED;
        }
    };
    // Writing is not watched: the watchdog must not end a half-done write.
    drop(watch);
    let written = if is_stdio(&out) {
        std::io::Write::write_all(&mut std::io::stdout().lock(), &rendered.bytes).map_err(|e| {
            zhauap::diagnostic::Error::one(zhauap::diagnostic::Diagnostic::new(
                Path::new("<stdout>"),
                tr!("cli-stdout-unwritable", reason = e.to_string()),
            ))
        })
    } else {
        create_parent(&out).and_then(|()| write(&out, &rendered.bytes))
    };
    // The ЕСЭДО data of the letter just written (a refused letter has
    // returned above: it writes no data file either).
    let written = written.and_then(|()| match (&meta, &letter) {
        (Some(path), Some(letter)) => {
            let data = zhauap::output::meta::of(letter, &rendered.pages);
            let json = zhauap::output::meta::json(&data);
            create_parent(path).and_then(|()| zhauap::write::atomic_named(path, json.as_bytes()))
        }
        _ => Ok(()),
    });
    if let Err(e) = written {
        ui.error(&e);
        return EXIT_REFUSED;
    }
    if let Some(format) = stats {
        // The PDF owns standard output when it is written there.
        stats::print(&rendered.pages, format, is_stdio(&out));
    }
    // Quiet, the line is not said: not formatted either (the messages of
    // a language are read when the first one is asked for).
    if ui.quiet {
        return EXIT_OK;
    }
    let target = if is_stdio(&out) {
        tr!("cli-standard-output")
    } else {
        out.display().to_string()
    };
    let pages = rendered.pages.pages.len();
    let wrote = if ui.verbose {
        tr!(
            "cli-render-wrote-in",
            output = target,
            pages = pages,
            ms = format!("{:.1}", started.elapsed().as_secs_f64() * 1000.0)
        )
    } else {
        tr!("cli-render-wrote", output = target, pages = pages)
    };
    ui.info(&wrote);
    EXIT_OK
}

/// `-o DIR/new/x.pdf` creates `DIR/new`, as `batch` creates its output folder.
fn create_parent(out: &Path) -> zhauap::diagnostic::Result<()> {
    // A parent that exists as a file is left to the write's own refusal.
    match out
        .parent()
        .filter(|p| !p.as_os_str().is_empty() && !p.exists())
    {
        Some(dir) => std::fs::create_dir_all(dir).map_err(|e| {
            zhauap::diagnostic::Error::one(
                zhauap::diagnostic::Diagnostic::new(
                    dir,
                    tr!("cli-output-folder-failed", reason = e.to_string()),
                )
                .with_help(tr!("cli-output-folder-failed-help")),
            )
        }),
        None => Ok(()),
    }
}
