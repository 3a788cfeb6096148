use super::*;
use std::path::Path;

fn plain(inline: &Inline) -> Vec<(String, bool, bool)> {
    inline
        .iter()
        .map(|r| (r.text.clone(), r.style.bold, r.style.italic))
        .collect()
}

fn ru(markup: &str) -> Result<Document> {
    parse(markup, Path::new("t.tera"), Lang::Ru)
}

/// The messages of a refused markup, each with its markup line.
fn refusal(markup: &str) -> Vec<(usize, String, String)> {
    ru(markup)
        .unwrap_err()
        .diagnostics
        .into_iter()
        .map(|d| (d.pos.unwrap().line, d.message, d.help.unwrap_or_default()))
        .collect()
}

#[test]
fn emphasis() {
    let i = parse_inline("a **b** *c* d");
    assert_eq!(
        plain(&i),
        vec![
            ("a ".into(), false, false),
            ("b".into(), true, false),
            (" ".into(), false, false),
            ("c".into(), false, true),
            (" d".into(), false, false)
        ]
    );
}

#[test]
fn unmatched_and_escaped_stars_print() {
    assert_eq!(
        plain(&parse_inline("5 * 3 = 15")),
        vec![("5 * 3 = 15".into(), false, false)]
    );
    assert_eq!(
        plain(&parse_inline("\\*x\\*")),
        vec![("*x*".into(), false, false)]
    );
    assert_eq!(
        plain(&parse_inline("a*")),
        vec![("a*".into(), false, false)]
    );
}

#[test]
fn a_line_without_stars_is_one_plain_run_unescaped() {
    assert_eq!(
        plain(&parse_inline("«a» \\[b\\] \\\\ \\\"c\\\" d\\")),
        vec![("«a» [b] \\ \"c\" d\\".into(), false, false)]
    );
    assert!(parse_inline("").is_empty());
}

#[test]
fn blocks_and_attributes() {
    let m = "[document lang=\"ru\" title=\"T \\\"q\\\"\" date=\"2020-04-22\"]\n[addressee]\nA\nB\n[paragraph]\nx\ny\n[signature name=\"Е. Т\"]\nПост\n";
    let d = ru(m).unwrap();
    assert_eq!(d.info.title, "T \"q\"");
    assert_eq!(d.info.lang, Lang::Ru);
    assert_eq!(d.info.date, NaiveDate::from_ymd_opt(2020, 4, 22));
    assert_eq!(d.blocks.len(), 3);
    assert_eq!(d.blocks[0].content.lines().len(), 2);
    assert_eq!(d.blocks[1].plain_text(), "x y");
    match &d.blocks[2].content {
        Content::Signature(s) => assert_eq!(plain(&s.name)[0].0, "Е. Т"),
        other => panic!("{other:?}"),
    }
    assert_eq!(d.blocks[2].origin.markup.line, 8);
}

#[test]
fn escaped_bracket_is_text_not_a_header() {
    let d = ru("[paragraph]\n\\[paragraph\\] {{ x }}\n").unwrap();
    assert_eq!(d.blocks.len(), 1);
    assert_eq!(d.blocks[0].plain_text(), "[paragraph] {{ x }}");
}

#[test]
fn unknown_block_is_an_error_with_line() {
    let e = ru("[paragraph]\nx\n[foo]\n").unwrap_err();
    assert_eq!(e.diagnostics[0].pos.unwrap().line, 3);
}

#[test]
fn typed_attributes_are_read() {
    let d = ru("[paragraph align=\"center\" bold=\"true\"]\nx\n[paragraph align=\"left\"]\ny\n[addressee bold=\"true\"]\nA\n").unwrap();
    let text = |i: usize| match &d.blocks[i].content {
        Content::Paragraph(t) => (t.align, t.bold),
        other => panic!("{other:?}"),
    };
    assert_eq!(text(0), (Align::Center, true));
    assert_eq!(text(1), (Align::Left, false));
    assert!(matches!(&d.blocks[2].content, Content::Addressee(l) if l.bold));
}

/// Every attribute's wrong value is refused at its header's line, naming
/// the values it takes: nothing prints differently without a word.
#[test]
fn wrong_attribute_values_are_refused_with_their_line() {
    let cases: [(&str, &str); 6] = [
        (
            "[paragraph align=\"centre\"]\nx\n",
            "left, center, right, justify",
        ),
        ("[paragraph bold=\"ture\"]\nx\n", "bold=\"true\""),
        (
            "[signature name=\"Е. Т\" bold=\"yes\"]\nx\n",
            "bold=\"true\"",
        ),
        ("[addressee bold=\"1\"]\nx\n", "bold=\"true\""),
        (
            "[document lang=\"kz\"]\n[paragraph]\nx\n",
            "lang=\"ru\" or lang=\"kk\"",
        ),
        (
            "[document date=\"22.04.2020\"]\n[paragraph]\nx\n",
            "outgoing.date",
        ),
    ];
    for (markup, help) in cases {
        let m = format!("[paragraph]\nfirst\n{markup}");
        let got = refusal(&m);
        assert_eq!(got.len(), 1, "{markup}: {got:?}");
        assert_eq!(got[0].0, 3, "{markup}: the header's line");
        assert!(got[0].2.contains(help), "{markup}: {got:?}");
    }
}

#[test]
fn attributes_a_block_does_not_take_are_refused() {
    for (markup, takes) in [
        (
            "[salutation align=\"left\"]\nx\n",
            "[salutation] takes: bold",
        ),
        ("[executor align=\"left\"]\nx\n", "[executor] takes: bold"),
        ("[letterhead left=\"A\" keywords=\"x\"]\n", "emblem"),
        ("[document keywords=\"x\"]\n", "title"),
    ] {
        let got = refusal(markup);
        assert_eq!(got.len(), 1, "{markup}: {got:?}");
        assert!(got[0].2.contains(takes), "{markup}: {got:?}");
    }
}

#[test]
fn a_language_other_than_the_letters_is_refused() {
    let got = parse(
        "[document lang=\"ru\"]\n[paragraph]\nx\n",
        Path::new("t.tera"),
        Lang::Kk,
    )
    .unwrap_err();
    assert_eq!(got.diagnostics[0].pos.unwrap().line, 1);
    assert!(got.diagnostics[0].message.contains("'kk'"));
    // Without a [document] header, the letter's language holds.
    let d = parse("[paragraph]\nx\n", Path::new("t"), Lang::Kk).unwrap();
    assert_eq!(d.info.lang, Lang::Kk);
}

#[test]
fn every_kind_round_trips_its_name() {
    for (name, kind) in BlockKind::ALL {
        assert_eq!(kind.name(), name);
    }
}
