//! The message files agree with each other and with the code: every id in
//! every language with the same variables, every `tr!` id defined, with
//! the variables its message uses.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use super::{AREAS, UiLang, message_in};

type Variables = BTreeSet<String>;

fn inline_variables(e: &InlineExpression<&str>, out: &mut Variables) {
    match e {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_variables(a, out);
            }
            for a in &arguments.named {
                inline_variables(&a.value, out);
            }
        }
        InlineExpression::TermReference { arguments, .. } => {
            for a in arguments.iter().flat_map(|a| &a.positional) {
                inline_variables(a, out);
            }
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        InlineExpression::StringLiteral { .. }
        | InlineExpression::NumberLiteral { .. }
        | InlineExpression::MessageReference { .. } => {}
    }
}

fn expression_variables(e: &Expression<&str>, out: &mut Variables) {
    match e {
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for v in variants {
                pattern_variables(&v.value, out);
            }
        }
        Expression::Inline(i) => inline_variables(i, out),
    }
}

fn pattern_variables(p: &Pattern<&str>, out: &mut Variables) {
    for element in &p.elements {
        match element {
            PatternElement::TextElement { .. } => {}
            PatternElement::Placeable { expression } => expression_variables(expression, out),
        }
    }
}

/// Every message of one language: id -> (area, variables).
fn messages(lang: usize) -> BTreeMap<String, (&'static str, Variables)> {
    let mut all = BTreeMap::new();
    for (area, files) in AREAS {
        let resource = fluent_syntax::parser::parse(files[lang]).unwrap_or_else(|(_, errors)| {
            panic!(
                "locales/{}/{area}.ftl does not parse: {errors:?}",
                UiLang::ALL[lang].code()
            )
        });
        for entry in &resource.body {
            if let Entry::Message(m) = entry {
                let mut vars = Variables::new();
                if let Some(v) = &m.value {
                    pattern_variables(v, &mut vars);
                }
                let id = m.id.name.to_owned();
                assert!(
                    m.value.is_some(),
                    "{id} in locales/{}/{area}.ftl has no text",
                    UiLang::ALL[lang].code()
                );
                if let Some((first, _)) = all.insert(id.clone(), (*area, vars)) {
                    panic!(
                        "{id} is defined twice in {} (in {first}.ftl and {area}.ftl)",
                        UiLang::ALL[lang].code()
                    );
                }
            }
        }
    }
    all
}

/// The messages and terms `p` refers to (`{ other-id }`, `{ -term }`).
fn pattern_references(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
    fn inline(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match e {
            InlineExpression::MessageReference { id, .. } => {
                out.insert(id.name.to_owned());
            }
            InlineExpression::TermReference { id, .. } => {
                out.insert(format!("-{}", id.name));
            }
            InlineExpression::Placeable { expression } => expr(expression, out),
            InlineExpression::FunctionReference { .. }
            | InlineExpression::VariableReference { .. }
            | InlineExpression::StringLiteral { .. }
            | InlineExpression::NumberLiteral { .. } => {}
        }
    }
    fn expr(e: &Expression<&str>, out: &mut BTreeSet<String>) {
        match e {
            Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    pattern_references(&v.value, out);
                }
            }
            Expression::Inline(i) => inline(i, out),
        }
    }
    for element in &p.elements {
        match element {
            PatternElement::TextElement { .. } => {}
            PatternElement::Placeable { expression } => expr(expression, out),
        }
    }
}

/// Each area's messages are loaded on their own (`super::bundle_of`): a
/// message may refer only to messages and terms of its own file.
#[test]
fn references_stay_in_their_file() {
    for (lang, ui) in UiLang::ALL.iter().enumerate() {
        for (area, files) in AREAS {
            let resource = fluent_syntax::parser::parse(files[lang]).unwrap_or_else(|(r, _)| r);
            let mut defined = BTreeSet::new();
            let mut used = BTreeSet::new();
            for entry in &resource.body {
                let (id, value, attributes) = match entry {
                    Entry::Message(m) => (m.id.name.to_owned(), m.value.as_ref(), &m.attributes),
                    Entry::Term(t) => (format!("-{}", t.id.name), Some(&t.value), &t.attributes),
                    Entry::Comment(_)
                    | Entry::GroupComment(_)
                    | Entry::ResourceComment(_)
                    | Entry::Junk { .. } => continue,
                };
                defined.insert(id);
                value
                    .into_iter()
                    .chain(attributes.iter().map(|a| &a.value))
                    .for_each(|p| pattern_references(p, &mut used));
            }
            let foreign: Vec<_> = used.difference(&defined).collect();
            assert!(
                foreign.is_empty(),
                "{}/{area}.ftl refers to {foreign:?}, defined in another file",
                ui.code()
            );
        }
    }
}

#[test]
fn every_message_is_in_every_language_with_the_same_variables() {
    let per_lang: Vec<_> = (0..UiLang::ALL.len()).map(messages).collect();
    let english = &per_lang[2];
    for (lang, messages) in per_lang.iter().enumerate() {
        let code = UiLang::ALL[lang].code();
        for (id, (area, vars)) in english {
            match messages.get(id) {
                None => panic!("{id} (en/{area}.ftl) is missing in {code}/{area}.ftl"),
                Some((their_area, their_vars)) => {
                    assert_eq!(their_area, area, "{id} is in {code}/{their_area}.ftl");
                    assert_eq!(
                        their_vars, vars,
                        "{id}: {code} uses other variables than en"
                    );
                }
            }
        }
        for id in messages.keys() {
            assert!(english.contains_key(id), "{id} of {code} is missing in en");
        }
    }
}

/// Each `tr!("id", name = …)` in the sources: the id and the names given.
/// Comment lines are left out (they show the macro, they do not use it).
fn uses_in(text: &str) -> Vec<(String, BTreeSet<String>)> {
    let code: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .flat_map(|l| [l, "\n"])
        .collect();
    let mut uses = Vec::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("tr!(") {
        // `include_str!(` is not `tr!(`.
        let glued = rest[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
        rest = &rest[at + 4..];
        if glued {
            continue;
        }
        let body = rest.trim_start();
        let Some(body) = body.strip_prefix('"') else {
            continue;
        };
        let Some(end) = body.find('"') else { break };
        let id = body[..end].to_owned();
        // The arguments: up to the macro's closing parenthesis, split at
        // commas outside parentheses, brackets and strings.
        let mut depth = 0i32;
        let mut quoted = false;
        let mut escaped = false;
        let mut names = BTreeSet::new();
        let mut part = String::new();
        for c in body[end + 1..].chars() {
            if quoted {
                match c {
                    '\\' if !escaped => escaped = true,
                    '"' if !escaped => quoted = false,
                    _ => escaped = false,
                }
                continue;
            }
            match c {
                '"' => quoted = true,
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth > 0 => depth -= 1,
                ')' => break,
                ',' if depth == 0 => {
                    names.extend(argument_name(&part));
                    part.clear();
                    continue;
                }
                _ => {}
            }
            part.push(c);
        }
        names.extend(argument_name(&part));
        uses.push((id, names));
    }
    uses
}

/// `name = value` -> `name`.
fn argument_name(part: &str) -> Option<String> {
    let (name, value) = part.split_once('=')?;
    let name = name.trim();
    let ident = !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_');
    (ident && !value.starts_with('=')).then(|| name.to_owned())
}

fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src/ is readable")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).expect("a source file is readable");
            out.push((path.display().to_string(), text));
        }
    }
}

#[test]
fn every_id_used_is_defined_with_the_variables_given() {
    let english = messages(2);
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut problems = Vec::new();
    for (file, text) in &files {
        // This file's own examples of the macro are not uses.
        if file.ends_with("i18n/tests.rs") {
            continue;
        }
        for (id, given) in uses_in(text) {
            match english.get(&id) {
                None => problems.push(format!("{file}: tr!(\"{id}\") is not in locales/")),
                Some((_, wanted)) if *wanted != given => problems.push(format!(
                    "{file}: tr!(\"{id}\") gives {given:?}, the message uses {wanted:?}"
                )),
                Some(_) => {}
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_scan_finds_ids_and_argument_names() {
    let uses = uses_in(
        r#"let a = tr!("one"); let t = include_str!("x.txt");
        // tr!("in-a-comment")
        let b = tr!(
            "two",
            field = f(x, y),
            n = if a == b { 1 } else { 2 },
        );"#,
    );
    assert_eq!(uses.len(), 2);
    assert_eq!(uses[0], ("one".to_owned(), BTreeSet::new()));
    let names: BTreeSet<String> = ["field", "n"].map(String::from).into();
    assert_eq!(uses[1], ("two".to_owned(), names));
}

#[test]
fn values_are_put_in_without_isolation_marks_and_plurals_follow_the_language() {
    let words = |lang, n: usize| {
        message_in(
            lang,
            "common-more-problems",
            &[("count", super::Arg::from(n))],
        )
    };
    for lang in UiLang::ALL {
        let s = words(lang, 21);
        assert!(s.contains("21"), "{s}");
        assert!(!s.contains(['\u{2068}', '\u{2069}']), "{s:?}");
    }
    assert_eq!(
        words(UiLang::En, 3),
        "… and 3 more problems of the same file"
    );
    assert_eq!(words(UiLang::Ru, 1), "… и ещё 1 замечание к этому же файлу");
    assert_eq!(words(UiLang::Ru, 3), "… и ещё 3 замечания к этому же файлу");
    assert_eq!(words(UiLang::Ru, 5), "… и ещё 5 замечаний к этому же файлу");
    assert_eq!(
        words(UiLang::Ru, 21),
        "… и ещё 21 замечание к этому же файлу"
    );
    assert_eq!(words(UiLang::Kk, 2), "… және осы файлда тағы 2 мәселе бар");
}
