//! The manual pages: `zhauap.1` names `zhauap-render(1)` and the others,
//! and each of them is generated (`zhauap man SUB`, `zhauap man -o DIR`).
//! Also the help of `init`, which once offered a `-o` it did not have.

use crate::common::{subcommands, zhauap};

#[test]
fn every_page_the_main_page_names_is_written_into_the_folder() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("man/man1");
    let out = zhauap().args(["man", "-o"]).arg(&dir).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let main = std::fs::read_to_string(dir.join("zhauap.1")).unwrap();
    let subcommands = subcommands();
    assert!(subcommands.len() >= 8, "{subcommands:?}");
    for sub in &subcommands {
        let name = format!("zhauap-{sub}");
        // Roff writes the name's hyphen as `\-`.
        assert!(
            main.contains(&format!("zhauap\\-{sub}(1)")),
            "zhauap.1 does not name {name}(1)"
        );
        let page = std::fs::read_to_string(dir.join(format!("{name}.1")))
            .unwrap_or_else(|e| panic!("{name}.1: {e}"));
        assert!(page.starts_with(".ie"), "{name}.1 is not roff");
        assert!(page.contains(&format!(".TH {name} 1")), "{name}.1");
        // The same page as `zhauap man SUB` prints.
        let one = zhauap().args(["man", sub]).output().unwrap();
        assert!(one.status.success());
        assert_eq!(String::from_utf8_lossy(&one.stdout), page, "{name}");
    }
    // No page for clap's `help` pseudo-command, and nothing else.
    let written = std::fs::read_dir(&dir).unwrap().count();
    assert_eq!(written, subcommands.len() + 1);
}

#[test]
fn the_render_page_documents_its_options() {
    let out = zhauap().args(["man", "render"]).output().unwrap();
    let page = String::from_utf8_lossy(&out.stdout);
    for option in ["\\-\\-output", "\\-\\-deny\\-warnings", "\\-\\-stats"] {
        assert!(page.contains(option), "{option} not in:\n{page}");
    }
}

#[test]
fn man_of_an_unknown_subcommand_names_the_pages() {
    let out = zhauap().args(["man", "rendr"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("rendr") && err.contains("render"), "{err}");
}

#[test]
fn init_help_offers_only_what_init_takes() {
    let out = zhauap().args(["init", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(
        !help.contains("-o,") && !help.contains("--output"),
        "{help}"
    );
    // And `-o` is refused as a usage error, not taken as something else.
    let t = tempfile::tempdir().unwrap();
    let out = zhauap()
        .current_dir(t.path())
        .args(["init", "-o", "x.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!t.path().join("x.yaml").exists());
}
