//! `zhauap verify --ca FILE.pem` (issue 18): the signer's certificate must
//! chain to the trusted certificates: a genuine chain to the test CA
//! passes, a CA of the same name with another key is refused, a file that
//! is not a certificate is refused by name, and without --ca the chain is
//! said to be not checked.

use std::path::Path;

use super::sign::letter;
use crate::common::sign::{self, ca_pem, ecdsa_signer, other_ca_pem, rsa_signer};
use crate::common::zhauap;

fn verify(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = zhauap()
        .current_dir(dir)
        .args(["verify", "letter.pdf", "rsa.cms", "ecdsa.cms"])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn signed() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.path().join(name), bytes).unwrap();
    write("letter.pdf", letter());
    write("rsa.cms", &sign::detached_cms(letter(), rsa_signer()));
    write("ecdsa.cms", &sign::detached_cms(letter(), ecdsa_signer()));
    write("ca.pem", ca_pem().as_bytes());
    write("other-ca.pem", other_ca_pem().as_bytes());
    write(
        "not-a-ca.pem",
        b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
    );
    dir
}

#[test]
fn a_genuine_chain_to_the_trusted_ca_passes_and_another_ca_is_refused() {
    let dir = signed();
    let (code, out, err) = verify(dir.path(), &["--ca", "ca.pem"]);
    assert_eq!(code, Some(0), "{out}\n{err}");
    assert_eq!(
        out.matches("valid         chain: the certificate chains")
            .count(),
        2,
        "{out}"
    );
    assert!(
        err.contains("not checked: the certificates' revocation"),
        "{err}"
    );
    assert!(!err.contains("chain to the NCA RK root"), "{err}");

    // Trusting the other CA as well still finds the genuine issuer.
    let (code, out, err) = verify(dir.path(), &["--ca", "other-ca.pem", "--ca", "ca.pem"]);
    assert_eq!(code, Some(0), "{out}\n{err}");

    // Same name, another key: the signers' certificates are not signed by it.
    let (code, out, err) = verify(dir.path(), &["--ca", "other-ca.pem"]);
    assert_eq!(code, Some(1), "{out}\n{err}");
    assert_eq!(out.matches("INVALID       chain").count(), 2, "{out}");
    assert!(
        err.contains("rsa.cms: error: signer 1")
            && err.contains(
                "chain: the certificate ТЕСТОВ ТЕСТ is not signed by any trusted certificate"
            ),
        "{err}"
    );
    // The other checks still pass: only the chain fails.
    assert!(out.contains("valid         signature"), "{out}");
}

#[test]
fn without_ca_the_chain_is_not_checked_and_a_bad_ca_file_is_refused() {
    let dir = signed();
    let (code, out, err) = verify(dir.path(), &[]);
    assert_eq!(code, Some(0), "{out}\n{err}");
    assert!(!out.contains("chain"), "{out}");
    assert!(
        err.contains("not checked: the certificates' chain"),
        "{err}"
    );

    let (code, out, err) = verify(dir.path(), &["--ca", "not-a-ca.pem"]);
    assert_eq!(code, Some(1), "{out}\n{err}");
    assert!(
        err.contains("not-a-ca.pem") && err.contains("no readable certificate"),
        "{err}"
    );
    let (code, _, err) = verify(dir.path(), &["--ca", "missing.pem"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("missing.pem"), "{err}");
}
