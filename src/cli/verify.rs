//! `zhauap verify LETTER.pdf SIGNATURE.cms…`: prints each signer and the
//! result of each check; exit 0 only when every check was made and is
//! valid (see docs/signatures.md).

use std::path::{Path, PathBuf};

use zhauap::diagnostic::{Diagnostic, Error};
use zhauap::sign::{Outcome, Signature, SignerCheck, Trusted};
use zhauap::tr;

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
    /// Trusted root or intermediate certificates (PEM or DER; repeat for
    /// several files): the signer's certificate must chain to them.
    #[arg(long, value_name = "FILE.pem")]
    ca: Vec<PathBuf>,
}

pub fn run(ui: &Ui, args: &VerifyArgs) -> i32 {
    let trusted = if args.ca.is_empty() {
        None
    } else {
        let mut trusted = Trusted::default();
        for path in &args.ca {
            if let Err(e) = trusted.read(path) {
                ui.error(&e.into());
                return EXIT_REFUSED;
            }
        }
        Some(trusted)
    };
    if args.signatures.is_empty() {
        // A document card carries its letter and signatures (docs/card.md).
        return super::card::verify(ui, &args.letter, args.allow_unverified, trusted.as_ref());
    }
    let letter = match std::fs::read(&args.letter) {
        Ok(bytes) => bytes,
        Err(e) => {
            ui.error(&Error::one(
                Diagnostic::new(
                    &args.letter,
                    tr!("sign-letter-unreadable", reason = e.to_string()),
                )
                .with_help(tr!("sign-letter-unreadable-help")),
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
        trusted.as_ref(),
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
    trusted: Option<&Trusted>,
) -> i32 {
    let mut failures = Vec::new();
    let mut unverified = 0;
    let mut signers = 0;
    for signature in signatures {
        for check in zhauap::sign::verify_with(letter, signature, trusted) {
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
                            tr!(
                                "sign-check-failed",
                                number = check.signer + 1,
                                name = &signer.name,
                                letter = letter_name.display().to_string(),
                                check = kind.name(),
                                reason = why
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
            Diagnostic::new(letter_name, tr!("sign-no-signature"))
                .with_help(tr!("sign-no-signature-help")),
        ));
        return EXIT_REFUSED;
    }
    if !failures.is_empty() {
        ui.error(&Error {
            diagnostics: failures,
        });
        return EXIT_REFUSED;
    }
    let letter = letter_name.display().to_string();
    if unverified > 0 {
        println!(
            "{}",
            tr!(
                "sign-verified-unverified",
                signers = signers,
                letter = letter,
                unverified = unverified
            )
        );
    } else {
        println!(
            "{}",
            tr!("sign-verified", signers = signers, letter = letter)
        );
    }
    ui.info(&match trusted {
        Some(_) => tr!("sign-not-checked-revocation"),
        None => tr!("sign-not-checked"),
    });
    EXIT_OK
}

fn help(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Valid => String::new(),
        Outcome::Invalid(_) => tr!("sign-invalid-help"),
        Outcome::NotVerified(_) => tr!("sign-unverified-help"),
    }
}

fn print_signer(signature: &Signature, check: &SignerCheck) {
    let Some(s) = signature.signers.get(check.signer) else {
        return;
    };
    println!(
        "{}",
        tr!(
            "sign-signer-title",
            file = signature.file.display().to_string(),
            number = check.signer + 1,
            name = &s.name
        )
    );
    let ids: Vec<String> = [
        s.iin.as_ref().map(|v| tr!("sign-iin", iin = v)),
        s.bin.as_ref().map(|v| tr!("sign-bin", bin = v)),
        s.organization.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !ids.is_empty() {
        println!("  {}", ids.join(", "));
    }
    println!(
        "  {}",
        tr!(
            "sign-certificate",
            serial = &s.serial,
            issuer = &s.issuer,
            from = s.not_before.to_string(),
            to = s.not_after.to_string()
        )
    );
    let (algorithm, digest) = (s.algorithm.name(), s.digest.name());
    match s.signing_time {
        Some(t) => println!(
            "  {}",
            tr!(
                "sign-signed-at",
                time = t.to_string(),
                algorithm = algorithm,
                digest = digest
            )
        ),
        None => println!(
            "  {}",
            tr!(
                "sign-signed-no-time",
                algorithm = algorithm,
                digest = digest
            )
        ),
    }
    let words = [
        tr!("sign-outcome-valid"),
        tr!("sign-outcome-invalid"),
        tr!("sign-outcome-unverified"),
    ];
    // The words in a column: 12 wide in English, as wide as the widest in others.
    let width = words
        .iter()
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0)
        .max(12);
    for (kind, outcome) in check.checks() {
        let (word, text) = match outcome {
            Outcome::Valid => (&words[0], valid_text(kind)),
            Outcome::Invalid(why) => (&words[1], why.clone()),
            Outcome::NotVerified(why) => (&words[2], why.clone()),
        };
        println!("  {word:<width$}  {}: {text}", kind.name());
    }
}

fn valid_text(kind: zhauap::sign::Check) -> String {
    match kind {
        zhauap::sign::Check::Content => tr!("sign-valid-content"),
        zhauap::sign::Check::Digest => tr!("sign-valid-digest"),
        zhauap::sign::Check::Signature => tr!("sign-valid-signature"),
        zhauap::sign::Check::Validity => tr!("sign-valid-validity"),
        zhauap::sign::Check::Chain => tr!("sign-valid-chain"),
    }
}
