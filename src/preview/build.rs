//! One build of the live preview: the letter rendered (or refused), as the
//! pages the server sends.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::output::html::{self, Overlay, escape};
use crate::{Engine, Format, Options};

/// What the server shows until the next build.
#[derive(Debug)]
pub struct Build {
    /// Counts builds from 1; the page knows its own and reloads when the
    /// server announces another.
    pub number: u64,
    pub outcome: Outcome,
    /// Files whose change calls for a new build besides the letter and the
    /// template folder: the emblem the letter names.
    pub inputs: Vec<PathBuf>,
}

#[derive(Debug)]
pub enum Outcome {
    Rendered {
        /// The preview page, toolbar and reload script included.
        page: String,
        pdf: Vec<u8>,
        pages: usize,
        millis: u128,
    },
    Refused {
        /// The error page.
        page: String,
        /// The errors as the command line shows them (file:line:col first).
        message: String,
    },
}

impl Build {
    pub fn page(&self) -> &str {
        match &self.outcome {
            Outcome::Rendered { page, .. } | Outcome::Refused { page, .. } => page,
        }
    }
}

/// Renders `letter` once, with the templates of `templates` (read afresh,
/// since they may have changed) or the built-in ones.
pub fn build(
    number: u64,
    letter: &Path,
    templates: Option<&Path>,
    typography: bool,
    draft: bool,
) -> Build {
    let started = Instant::now();
    let options = Options {
        typography,
        format: Format::Pdf,
    };
    let (result, inputs) = match Engine::new(templates) {
        // The emblem and the defaults files are looked up also when
        // rendering fails, since a broken one is itself a reason to fail.
        Ok(engine) => {
            let engine = engine.with_draft(draft);
            let mut inputs: Vec<PathBuf> = emblem(&engine, letter).into_iter().collect();
            if let Ok(source) = crate::letter::Source::read(letter) {
                inputs.extend(crate::letter::defaults_named(&source));
            }
            (engine.render(letter, &options), inputs)
        }
        Err(e) => (Err(e), Vec::new()),
    };
    let outcome = match result {
        Ok(rendered) => {
            let pages = rendered.pages.pages.len();
            let head = reload_script(number);
            let body = toolbar(letter, pages);
            let page = html::write_with(
                &rendered.pages,
                Overlay {
                    head: &head,
                    body: &body,
                },
            );
            Outcome::Rendered {
                page,
                pdf: rendered.bytes,
                pages,
                millis: started.elapsed().as_millis(),
            }
        }
        Err(e) => refused(number, letter, e.render(false)),
    };
    Build {
        number,
        outcome,
        inputs,
    }
}

/// A build that failed inside zhauap (a panic): the page says so, and the
/// server goes on.
pub fn crashed(number: u64, letter: &Path) -> Build {
    let message = format!(
        "{}: {}: {}",
        letter.display(),
        crate::tr!("common-error"),
        crate::tr!("preview-crashed")
    );
    Build {
        number,
        outcome: refused(number, letter, message),
        inputs: Vec::new(),
    }
}

/// A build still running past the letter's budget: refused; the server
/// goes on without it.
pub fn over_budget(number: u64, letter: &Path) -> Build {
    Build {
        number,
        outcome: refused(number, letter, crate::budget::over(letter).render(false)),
        inputs: Vec::new(),
    }
}

fn refused(number: u64, letter: &Path, message: String) -> Outcome {
    Outcome::Refused {
        page: error_page(number, letter, &message),
        message,
    }
}

/// The emblem file the letter names, if it names one.
fn emblem(engine: &Engine, letter: &Path) -> Option<PathBuf> {
    let (_, parsed) = engine.load(letter).ok()?;
    let emblem = parsed.letterhead?.emblem?;
    let dir = letter.parent().unwrap_or(Path::new(""));
    Some(dir.join(&emblem.value))
}

/// Listens to the server's build announcements and reloads on a new one.
/// The page carries its own build number, so an announcement that came
/// while it loaded is not missed.
fn reload_script(number: u64) -> String {
    format!(
        "<script>\n\
(function () {{\n\
  var shown = \"{number}\";\n\
  var events = new EventSource(\"/events\");\n\
  events.addEventListener(\"build\", function (e) {{\n\
    if (e.data !== shown) {{ location.reload(); }}\n\
  }});\n\
}})();\n\
</script>\n"
    )
}

const TOOLBAR_STYLE: &str = "<style>\n\
.toolbar{position:fixed;top:8px;right:8px;z-index:10;display:flex;gap:12px;align-items:center;\
font:13px/1.4 system-ui,sans-serif;background:#fff;border:1px solid #bbb;border-radius:6px;\
padding:6px 10px;box-shadow:0 1px 4px rgba(0,0,0,.2)}\n\
.toolbar a{color:#0645ad}\n\
.refused{max-width:52em;margin:48px auto;padding:16px 20px;background:#fff;border-left:6px solid #c00;\
font:14px/1.5 system-ui,sans-serif}\n\
.refused pre{white-space:pre-wrap;font:13px/1.45 ui-monospace,monospace;margin:12px 0 0}\n\
@media print{.toolbar{display:none}}\n\
</style>\n";

fn toolbar(letter: &Path, pages: usize) -> String {
    format!(
        "{TOOLBAR_STYLE}<div class=\"toolbar screen-only\"><span>{status}</span>\
<a href=\"/letter.pdf\" download>{download}</a></div>\n",
        status = escape(&crate::tr!(
            "preview-toolbar-status",
            name = file_name(letter),
            pages = pages
        )),
        download = escape(&crate::tr!("preview-download")),
    )
}

fn error_page(number: u64, letter: &Path, message: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'\">\n\
<title>{title}</title>\n{script}</head>\n<body style=\"margin:0;background:#e8e8e8\">\n\
{toolbar_style}<div class=\"toolbar\"><span>{not_rendered}</span></div>\n\
<div class=\"refused\"><strong>{cannot}</strong> {fix}<pre>{message}</pre></div>\n</body>\n</html>\n",
        lang = crate::i18n::current().code(),
        title = escape(&crate::tr!(
            "preview-refused-title",
            name = file_name(letter)
        )),
        not_rendered = escape(&crate::tr!(
            "preview-not-rendered",
            name = file_name(letter)
        )),
        cannot = escape(&crate::tr!("preview-cannot-render")),
        fix = escape(&crate::tr!("preview-fix-and-save")),
        script = reload_script(number),
        toolbar_style = TOOLBAR_STYLE,
        message = escape(message)
    )
}

pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}
