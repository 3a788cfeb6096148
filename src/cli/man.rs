//! `zhauap man`: the manual pages, rendered from the command line's own
//! definition (clap_mangen): `zhauap.1`, which names `zhauap-render(1)` and
//! the others, and one `zhauap-SUB.1` per subcommand.

use std::path::Path;

use zhauap::diagnostic::{Diagnostic, Error};

use super::{EXIT_OK, EXIT_REFUSED, EXIT_USAGE, Ui};

/// The pages: `zhauap` and each visible subcommand, with their file names.
fn pages(cmd: clap::Command) -> Vec<clap_mangen::Man> {
    let mut cmd = cmd.disable_help_subcommand(true);
    // Built, the subcommands are named `zhauap-render` and so on.
    cmd.build();
    // A subcommand has no version of its own: the footer names zhauap's.
    let source = format!("zhauap {}", env!("CARGO_PKG_VERSION"));
    let mut pages = vec![clap_mangen::Man::new(cmd.clone())];
    pages.extend(
        cmd.get_subcommands()
            .filter(|s| !s.is_hide_set())
            .map(|s| clap_mangen::Man::new(s.clone()).source(source.clone())),
    );
    pages
}

fn render(page: &clap_mangen::Man) -> std::io::Result<Vec<u8>> {
    let mut roff = Vec::new();
    page.render(&mut roff)?;
    Ok(roff)
}

/// `zhauap man [SUB]`: one page on standard output.
pub fn print(ui: &Ui, cmd: clap::Command, sub: Option<&str>) -> i32 {
    let wanted = match sub {
        None => "zhauap".to_owned(),
        Some(s) => format!("zhauap-{s}"),
    };
    let all = pages(cmd);
    let Some(page) = all
        .iter()
        .find(|p| p.get_filename() == format!("{wanted}.1"))
    else {
        let names: Vec<String> = all
            .iter()
            .skip(1)
            .map(|p| {
                p.get_filename()
                    .trim_start_matches("zhauap-")
                    .trim_end_matches(".1")
                    .to_owned()
            })
            .collect();
        eprintln!(
            "error: there is no subcommand '{}'\n  help: the pages are: {}",
            sub.unwrap_or_default(),
            names.join(", ")
        );
        return EXIT_USAGE;
    };
    match render(page)
        .and_then(|roff| std::io::Write::write_all(&mut std::io::stdout().lock(), &roff))
    {
        Ok(()) => EXIT_OK,
        Err(e) => {
            ui.error(&Error::one(Diagnostic::new(
                Path::new("<stdout>"),
                format!("cannot write the manual page: {e}"),
            )));
            EXIT_REFUSED
        }
    }
}

/// `zhauap man -o DIR`: every page into `DIR` (created), for packaging.
pub fn write_all(ui: &Ui, cmd: clap::Command, dir: &Path) -> i32 {
    if let Err(e) = std::fs::create_dir_all(dir) {
        ui.error(&Error::one(
            Diagnostic::new(dir, format!("the folder could not be created: {e}"))
                .with_help("choose a folder you can write to"),
        ));
        return EXIT_REFUSED;
    }
    let mut written = Vec::new();
    for page in pages(cmd) {
        let path = dir.join(page.get_filename());
        let roff = match render(&page) {
            Ok(r) => r,
            Err(e) => {
                ui.error(&Error::one(Diagnostic::new(
                    &path,
                    format!("cannot render the manual page: {e}"),
                )));
                return EXIT_REFUSED;
            }
        };
        if let Err(e) = zhauap::write::atomic_named(&path, &roff) {
            ui.error(&e);
            return EXIT_REFUSED;
        }
        written.push(page.get_filename());
    }
    ui.info(&format!(
        "wrote {} manual pages into {}: {}",
        written.len(),
        dir.display(),
        written.join(", ")
    ));
    EXIT_OK
}
