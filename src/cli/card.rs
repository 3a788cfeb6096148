//! `zhauap card LETTER.pdf SIGNATURE.cms… -o CARD.pdf` and `zhauap verify
//! CARD.pdf`: the document card (docs/card.md) made and checked.

use std::path::{Path, PathBuf};

use zhauap::diagnostic::{Diagnostic, Error};

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
}

fn refuse(ui: &Ui, path: &Path, message: String, help: &str) -> i32 {
    ui.error(&Error::one(Diagnostic::new(path, message).with_help(help)));
    EXIT_REFUSED
}

pub fn run(ui: &Ui, args: &CardArgs) -> i32 {
    let letter = match std::fs::read(&args.letter) {
        Ok(b) => b,
        Err(e) => {
            return refuse(
                ui,
                &args.letter,
                format!("the letter cannot be read: {e}"),
                "give the signed PDF exactly as it was signed",
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
                    "a card is made of the letter and the signatures made over it; check with zhauap verify LETTER.pdf SIGNATURE.cms",
                );
            }
        }
    }
    let name = args
        .letter
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "letter.pdf".into());
    let card = match zhauap::card::build(&name, &letter, &signatures) {
        Ok(c) => c,
        Err(why) => {
            return refuse(
                ui,
                &args.letter,
                format!("the card could not be made: {why}"),
                "give the PDF zhauap rendered and its CMS signatures",
            );
        }
    };
    if let Err(e) = zhauap::write::atomic_named(&args.output, &card) {
        ui.error(&e);
        return EXIT_REFUSED;
    }
    ui.info(&format!(
        "wrote {} ({} signature file{})",
        args.output.display(),
        signatures.len(),
        if signatures.len() == 1 { "" } else { "s" }
    ));
    EXIT_OK
}

/// `zhauap verify CARD.pdf`: the embedded letter against the embedded
/// signatures, after checking that the drawn QR codes carry them.
pub fn verify(ui: &Ui, path: &Path, allow_unverified: bool) -> i32 {
    let card = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            return refuse(
                ui,
                path,
                format!("the card cannot be read: {e}"),
                "give the card's PDF",
            );
        }
    };
    let opened = match zhauap::card::open(&card) {
        Ok(o) => o,
        Err(why) => {
            return refuse(
                ui,
                path,
                why,
                "the card was altered after it was made, or it is not a card zhauap made; do not trust it",
            );
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
    )
}
