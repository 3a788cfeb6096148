//! `zhauap card LETTER.pdf SIGNATURE.cms… -o CARD.pdf` and `zhauap verify
//! CARD.pdf`: the document card (docs/card.md) made and checked.

use std::path::{Path, PathBuf};

use zhauap::diagnostic::{Diagnostic, Error};
use zhauap::tr;
use zhauap::typeset::page::Pages;

use super::{EXIT_OK, EXIT_REFUSED, Ui};

#[derive(clap::Args, Debug)]
pub struct CardArgs {
    /// The signed letter (the PDF exactly as it was signed).
    letter: PathBuf,
    /// Its detached CMS signatures, in the order they were made.
    #[arg(required = true)]
    signatures: Vec<PathBuf>,
    /// The card to write.
    #[arg(short, long, value_name = "CARD.pdf")]
    output: PathBuf,
    /// The letter's YAML source: the card then shows the letter's pages
    /// first. zhauap renders it again (with --templates, if given) and
    /// refuses a source that does not give LETTER.pdf byte for byte.
    #[arg(long, value_name = "LETTER.yaml")]
    source: Option<PathBuf>,
    /// With --source: the letter was rendered with --no-typography.
    #[arg(long, requires = "source")]
    no_typography: bool,
}

fn refuse(ui: &Ui, path: &Path, message: String, help: &str) -> i32 {
    ui.error(&Error::one(Diagnostic::new(path, message).with_help(help)));
    EXIT_REFUSED
}

pub fn run(ui: &Ui, args: &CardArgs, templates: Option<&Path>) -> i32 {
    let letter = match std::fs::read(&args.letter) {
        Ok(b) => b,
        Err(e) => {
            return refuse(
                ui,
                &args.letter,
                tr!("sign-letter-unreadable", reason = e.to_string()),
                &tr!("sign-letter-unreadable-help"),
            );
        }
    };
    let mut signatures = Vec::new();
    for path in &args.signatures {
        match zhauap::sign::read_signature(path) {
            Ok(s) => signatures.push(s),
            Err(e) => {
                ui.error(&e.into());
                return EXIT_REFUSED;
            }
        }
    }
    // A card is made of a letter its signatures sign: each must verify.
    for s in &signatures {
        for check in zhauap::sign::verify(&letter, s) {
            if let Some((kind, zhauap::sign::Outcome::Invalid(why))) = check
                .checks()
                .into_iter()
                .find(|(_, o)| matches!(o, zhauap::sign::Outcome::Invalid(_)))
            {
                return refuse(
                    ui,
                    &s.file,
                    format!("{}: {why}", kind.name()),
                    &tr!("card-signature-refused-help"),
                );
            }
        }
    }
    let name = args
        .letter
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "letter.pdf".into());
    let shown = match &args.source {
        Some(source) => match shown_pages(
            source,
            templates,
            !args.no_typography,
            &args.letter,
            &letter,
        ) {
            Ok(pages) => Some(pages),
            Err(e) => {
                ui.error(&e);
                return EXIT_REFUSED;
            }
        },
        None => None,
    };
    let card = match zhauap::card::build(&name, &letter, &signatures, shown.as_ref()) {
        Ok(c) => c,
        Err(why) => {
            return refuse(
                ui,
                &args.letter,
                tr!("card-not-made", reason = why),
                &tr!("card-not-made-help"),
            );
        }
    };
    if let Err(e) = zhauap::write::atomic_named(&args.output, &card) {
        ui.error(&e);
        return EXIT_REFUSED;
    }
    ui.info(&tr!(
        "card-wrote",
        file = args.output.display().to_string(),
        count = signatures.len()
    ));
    if shown.is_none() {
        ui.info(&tr!("card-sheets-only"));
    }
    EXIT_OK
}

/// The letter's pages, typeset again from its source, when they give the
/// signed PDF byte for byte: what the card shows is then what was signed.
fn shown_pages(
    source: &Path,
    templates: Option<&Path>,
    typography: bool,
    letter_path: &Path,
    letter: &[u8],
) -> Result<Pages, Error> {
    let engine = zhauap::Engine::new(templates)?;
    let options = zhauap::Options {
        typography,
        format: zhauap::Format::Pdf,
    };
    let rendered = engine.render(source, &options)?;
    if rendered.bytes != letter {
        let at = rendered
            .bytes
            .iter()
            .zip(letter)
            .position(|(a, b)| a != b)
            .unwrap_or(rendered.bytes.len().min(letter.len()));
        return Err(Error::one(
            Diagnostic::new(
                source,
                tr!(
                    "card-source-differs",
                    letter = letter_path.display().to_string(),
                    rendered = rendered.bytes.len(),
                    size = letter.len(),
                    at = at
                ),
            )
            .with_help(tr!("card-source-differs-help")),
        ));
    }
    Ok(rendered.pages)
}

/// `zhauap verify CARD.pdf`: the embedded letter against the embedded
/// signatures, after checking that the drawn QR codes carry them.
pub fn verify(
    ui: &Ui,
    path: &Path,
    allow_unverified: bool,
    trusted: Option<&zhauap::sign::Trusted>,
) -> i32 {
    let card = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            return refuse(
                ui,
                path,
                tr!("card-unreadable", reason = e.to_string()),
                &tr!("card-unreadable-help"),
            );
        }
    };
    let opened = match zhauap::card::open(&card) {
        Ok(o) => o,
        Err(why) => {
            return refuse(ui, path, why, &tr!("card-altered-help"));
        }
    };
    let mut signatures = Vec::new();
    for s in &opened.signatures {
        match zhauap::sign::parse_signature(&path.join(&s.name), s.bytes.clone()) {
            Ok(sig) => signatures.push(sig),
            Err(e) => {
                ui.error(&e.into());
                return EXIT_REFUSED;
            }
        }
    }
    super::verify::report(
        ui,
        &path.join(&opened.letter.name),
        &opened.letter.bytes,
        &signatures,
        allow_unverified,
        trusted,
    )
}
