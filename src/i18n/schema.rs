//! The JSON Schemas zhauap prints (`zhauap schema`, the one `init` writes
//! beside a letter) with their descriptions in the user's language.
//!
//! The schemas are made by schemars from the Rust types, with the doc
//! comments as English descriptions. Each `description` and `title` gets an
//! id from where it stands in the schema: `schema-letter-outgoing-number`
//! for `/properties/outgoing/properties/number`, `schema-letter-OutgoingFile`
//! for `/$defs/OutgoingFile` (`properties` and `$defs` are left out of the
//! id; a title adds `-title`). `locales/<lang>/schema.ftl` holds them; the
//! English file holds the doc comments word for word (a test keeps them
//! equal), so the English schema is byte for byte the one made from the
//! types.

use serde_json::Value;

use super::{UiLang, lookup};

/// The letter file's schema (`zhauap schema`, and the file `init` writes
/// beside a new letter), pretty-printed, with its texts in `lang`. (The
/// schemas for programs, `--manifest`, `--check` and `--meta`, stay
/// English.)
pub fn letter(lang: UiLang) -> String {
    let english = crate::letter::schema::json();
    let Ok(mut schema) = serde_json::from_str::<Value>(&english) else {
        return english;
    };
    texts(&mut schema, &mut |id, _| lookup(lang, id));
    // schemars writes its keywords in its own order, not the parsed one.
    let Ok(schema) = schemars::Schema::try_from(schema) else {
        return english;
    };
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or(english);
    text.push('\n');
    text
}

/// Calls `put(id, text)` for each description and title of `schema` and
/// puts in what it returns.
pub fn texts(schema: &mut Value, put: &mut dyn FnMut(&str, &str) -> Option<String>) {
    walk(schema, "schema-letter", put);
}

fn walk(node: &mut Value, id: &str, put: &mut dyn FnMut(&str, &str) -> Option<String>) {
    match node {
        Value::Object(map) => {
            for (key, suffix) in [("description", ""), ("title", "-title")] {
                if let Some(Value::String(text)) = map.get_mut(key)
                    && let Some(new) = put(&format!("{id}{suffix}"), text)
                {
                    *text = new;
                }
            }
            for (key, child) in map.iter_mut() {
                match key.as_str() {
                    // Values the file may hold, not texts about it.
                    "description" | "title" | "const" | "enum" | "default" | "examples"
                    | "pattern" => {}
                    "properties" | "$defs" | "definitions" => walk_members(child, id, put),
                    _ => walk(child, &format!("{id}-{}", segment(key)), put),
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                walk(item, &format!("{id}-{i}"), put);
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => {}
    }
}

/// The members of `properties` or `$defs`: each by its name alone.
fn walk_members(node: &mut Value, id: &str, put: &mut dyn FnMut(&str, &str) -> Option<String>) {
    if let Value::Object(members) = node {
        for (name, member) in members.iter_mut() {
            walk(member, &format!("{id}-{}", segment(name)), put);
        }
    }
}

/// A name as a part of a Fluent id (letters, digits, `-`, `_`).
fn segment(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english() -> Value {
        serde_json::from_str(&crate::letter::schema::json()).unwrap()
    }

    /// Every id of the schema with its English text.
    fn ids() -> Vec<(String, String)> {
        let mut found = Vec::new();
        texts(&mut english(), &mut |id, text| {
            found.push((id.to_owned(), text.to_owned()));
            None
        });
        found
    }

    #[test]
    fn every_description_has_one_id_in_every_language_and_english_is_the_doc_comment() {
        let ids = ids();
        assert!(ids.len() > 50, "{}", ids.len());
        for (i, (id, english)) in ids.iter().enumerate() {
            assert!(
                ids[..i].iter().all(|(other, _)| other != id),
                "{id} names two texts"
            );
            for lang in UiLang::ALL {
                assert!(
                    lookup(lang, id).is_some_and(|t| !t.trim().is_empty()),
                    "{id} is missing in locales/{}/schema.ftl",
                    lang.code()
                );
            }
            assert_eq!(lookup(UiLang::En, id).as_ref(), Some(english), "{id}");
        }
    }

    #[test]
    fn every_id_of_the_schema_file_is_used() {
        let used: Vec<String> = ids().into_iter().map(|(id, _)| id).collect();
        for line in include_str!("../../locales/en/schema.ftl").lines() {
            if let Some((id, _)) = line.split_once(" =")
                && id.starts_with("schema-")
            {
                assert!(used.iter().any(|u| u == id), "{id} is not in the schema");
            }
        }
    }

    #[test]
    fn the_english_schema_is_byte_for_byte_that_of_the_types() {
        assert_eq!(letter(UiLang::En), crate::letter::schema::json());
    }

    #[test]
    fn russian_and_kazakh_schemas_describe_in_their_language_and_keep_the_rest() {
        for lang in [UiLang::Ru, UiLang::Kk] {
            let mut schema: Value = serde_json::from_str(&letter(lang)).unwrap();
            let mut described = 0;
            texts(&mut schema, &mut |id, text| {
                let cyrillic = text.chars().any(|c| ('а'..='я').contains(&c));
                assert!(cyrillic, "{id} in {}: {text}", lang.code());
                assert_ne!(lookup(UiLang::En, id).as_deref(), Some(text), "{id}");
                described += 1;
                // The English back, to compare the rest below.
                lookup(UiLang::En, id)
            });
            assert!(described > 50);
            assert_eq!(schema, english(), "{}: only the texts differ", lang.code());
        }
    }
}
