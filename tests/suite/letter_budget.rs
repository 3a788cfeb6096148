//! A letter whose work never ends is refused by `render` and `check` within
//! its budget and a few seconds, with its name, and nothing is written
//! (issue 19). A loop over a range made once (`{% set r = range(…) %}`) calls
//! nothing that looks at the clock, so only the command's watchdog stops it.

use crate::common::{crate_path, zhauap};

const LOOP: &str = "{% set r = range(end=100000) %}{% for a in r %}{% for b in r %}\
                    {% endfor %}{% endfor %}[paragraph]\nx\n";

#[test]
fn a_template_loop_over_a_set_range_is_refused_by_render_and_check() {
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join("templates/deputy-reply");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(templates.join("ru.tera"), LOOP).unwrap();
    let letter = dir.path().join("letter.yaml");
    std::fs::copy(
        crate_path("tests/corpus/letters/template-nested-loops.yaml"),
        &letter,
    )
    .unwrap();
    let pdf = dir.path().join("letter.pdf");
    for command in ["render", "check"] {
        let started = std::time::Instant::now();
        let out = zhauap()
            .arg(command)
            .arg(&letter)
            .arg("--templates")
            .arg(dir.path().join("templates"))
            .timeout(std::time::Duration::from_secs(120))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{command}: {stderr}");
        assert!(
            stderr.contains("letter.yaml: error: rendering this letter took longer than"),
            "{command}: {stderr}"
        );
        assert!(stderr.contains("template loop"), "{command}: {stderr}");
        // The budget and its grace, not the test's own timeout, ended it.
        assert!(started.elapsed().as_secs() < 60, "{command}");
        assert!(!pdf.exists(), "{command} wrote a PDF");
    }
}
