//! `zhauap verify LETTER.pdf SIGNATURE.cms…`: prints each signer and the
//! result of each check; exit 0 only when every check was made and is
//! valid (see docs/signatures.md).

use std::path::{Path, PathBuf};

use zhauap::diagnostic::{Diagnostic, Error};
use zhauap::sign::{Outcome, Signature, SignerCheck};

use super::{EXIT_OK, EXIT_REFUSED, Ui};

#[derive(clap::Args, Debug)]
pub struct VerifyArgs {
    /// The signed file, exactly as it was signed (the letter's PDF).
    letter: PathBuf,
    /// Its detached CMS signatures (DER, PEM or base64 text), one file per signing or a joint one.
    signatures: Vec<PathBuf>,
    /// Accept checks zhauap could not make (a GOST 34.10 signature value, a
    /// missing signing time) when all the others are valid; they are still printed.
    #[arg(long)]
    allow_unverified: bool,
}

pub fn run(ui: &Ui, args: &VerifyArgs) -> i32 {
    if args.signatures.is_empty() {
        // A document card carries its letter and signatures (docs/card.md).
        return super::card::verify(ui, &args.letter, args.allow_unverified);
    }
    let letter = match std::fs::read(&args.letter) {
        Ok(bytes) => bytes,
        Err(e) => {
            ui.error(&Error::one(
                Diagnostic::new(&args.letter, format!("the letter cannot be read: {e}"))
                    .with_help("give the signed PDF exactly as it was signed"),
            ));
            return EXIT_REFUSED;
        }
    };
    let mut signatures = Vec::new();
    let mut unreadable = 0;
    for path in &args.signatures {
        match zhauap::sign::read_signature(path) {
            Ok(s) => signatures.push(s),
            Err(e) => {
                unreadable += 1;
                ui.error(&e.into());
            }
        }
    }
    let code = report(
        ui,
        &args.letter,
        &letter,
        &signatures,
        args.allow_unverified,
    );
    if unreadable > 0 { EXIT_REFUSED } else { code }
}

/// Prints every signer of `signatures` and their checks against `letter`
/// (named `letter_name`); the exit code: 0 only when each check was made
/// and is valid (or, with `allow_unverified`, none is invalid), and there
/// is at least one signer. `verify CARD.pdf` calls it with the card's
/// embedded files.
pub fn report(
    ui: &Ui,
    letter_name: &Path,
    letter: &[u8],
    signatures: &[Signature],
    allow_unverified: bool,
) -> i32 {
    let mut failures = Vec::new();
    let mut unverified = 0;
    let mut signers = 0;
    for signature in signatures {
        for check in zhauap::sign::verify(letter, signature) {
            signers += 1;
            print_signer(signature, &check);
            let Some(signer) = signature.signers.get(check.signer) else {
                continue;
            };
            for (kind, outcome) in check.checks() {
                let refused = match outcome {
                    Outcome::Valid => None,
                    Outcome::Invalid(why) => Some(why),
                    Outcome::NotVerified(why) => {
                        unverified += 1;
                        (!allow_unverified).then_some(why)
                    }
                };
                if let Some(why) = refused {
                    failures.push(
                        Diagnostic::new(
                            &signature.file,
                            format!(
                                "signer {} ({}) of {}: {}: {why}",
                                check.signer + 1,
                                signer.name,
                                letter_name.display(),
                                kind.name()
                            ),
                        )
                        .with_help(help(outcome)),
                    );
                }
            }
        }
    }
    if signers == 0 {
        ui.error(&Error::one(
            Diagnostic::new(letter_name, "no signature of the letter could be read")
                .with_help("give the CMS signature files made over this letter"),
        ));
        return EXIT_REFUSED;
    }
    if !failures.is_empty() {
        ui.error(&Error {
            diagnostics: failures,
        });
        return EXIT_REFUSED;
    }
    let unverified_note = if unverified > 0 {
        format!(", {unverified} check(s) NOT VERIFIED and accepted by --allow-unverified")
    } else {
        String::new()
    };
    println!(
        "verified: {signers} signer(s) of {}{unverified_note}",
        letter_name.display()
    );
    ui.info(
        "not checked: the certificates' chain to the NCA RK root and their revocation (OCSP/CRL)",
    );
    EXIT_OK
}

fn help(outcome: &Outcome) -> &'static str {
    match outcome {
        Outcome::Valid => "",
        Outcome::Invalid(_) => {
            "do not accept the letter as signed: ask for the letter and its signature again"
        }
        Outcome::NotVerified(_) => {
            "check this signature with NCALayer or ezSigner, then accept it with --allow-unverified"
        }
    }
}

fn print_signer(signature: &Signature, check: &SignerCheck) {
    let Some(s) = signature.signers.get(check.signer) else {
        return;
    };
    println!(
        "{}, signer {}: {}",
        signature.file.display(),
        check.signer + 1,
        s.name
    );
    let ids: Vec<String> = [
        s.iin.as_ref().map(|v| format!("IIN {v}")),
        s.bin.as_ref().map(|v| format!("BIN {v}")),
        s.organization.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !ids.is_empty() {
        println!("  {}", ids.join(", "));
    }
    println!(
        "  certificate {} issued by {}, valid {} – {} UTC",
        s.serial, s.issuer, s.not_before, s.not_after
    );
    match s.signing_time {
        Some(t) => println!(
            "  signed at {t} UTC with {}, {}",
            s.algorithm.name(),
            s.digest.name()
        ),
        None => println!(
            "  signed (no signing time) with {}, {}",
            s.algorithm.name(),
            s.digest.name()
        ),
    }
    for (kind, outcome) in check.checks() {
        let (word, text) = match outcome {
            Outcome::Valid => ("valid", valid_text(kind)),
            Outcome::Invalid(why) => ("INVALID", why.as_str()),
            Outcome::NotVerified(why) => ("NOT VERIFIED", why.as_str()),
        };
        println!("  {word:<12}  {}: {text}", kind.name());
    }
}

fn valid_text(kind: zhauap::sign::Check) -> &'static str {
    match kind {
        zhauap::sign::Check::Content => "the signature's attached content is the letter",
        zhauap::sign::Check::Digest => "the letter's digest is the one signed",
        zhauap::sign::Check::Signature => {
            "the signature value is valid under the certificate's key"
        }
        zhauap::sign::Check::Validity => "signed within the certificate's validity",
    }
}
