//! A YAML document read as a tree of nodes that remember where they stand in
//! the file.
//!
//! The letter is first read into this loose tree and only then checked field
//! by field (see `validate`). Going through serde's derive directly would stop
//! at the first problem; a clerk wants every problem of the letter at once,
//! each with its line and column.

use crate::tr;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

pub use crate::span::Pos;

impl Pos {
    fn of(location: &serde_saphyr::Location) -> Pos {
        Pos {
            line: location.line() as usize,
            column: location.column() as usize,
        }
    }
}

/// Which file a value is written in: the letter itself, one of the
/// defaults files it draws on (nearest first), or a mail merge's data file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct FileId(u16);

impl FileId {
    pub const LETTER: FileId = FileId(0);
    /// A cell of a mail merge's data file: its place is a row and a column.
    pub const DATA: FileId = FileId(u16::MAX);

    pub fn defaults(index: usize) -> FileId {
        FileId(u16::try_from(index + 1).unwrap_or(u16::MAX - 1))
    }

    /// The index into the letter's list of defaults files, if it is one.
    pub fn defaults_index(self) -> Option<usize> {
        (self != FileId::LETTER && self != FileId::DATA).then(|| usize::from(self.0) - 1)
    }
}

/// A place in one of the files a letter is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct At {
    pub file: FileId,
    pub pos: Pos,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(String),
    Text(String),
    Seq(Vec<Node>),
    Map(Vec<(Key, Node)>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub pos: Pos,
    pub file: FileId,
    /// The byte range of a scalar as written in its file, where the reader
    /// knows it: a table cell prints `12.50` as written, not as the number.
    pub raw: Option<(usize, usize)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    pub name: String,
    pub pos: Pos,
    pub file: FileId,
}

impl Node {
    pub fn at(&self) -> At {
        At {
            file: self.file,
            pos: self.pos,
        }
    }

    /// Marks this node and everything under it as written in `file`.
    pub fn set_file(&mut self, file: FileId) {
        self.file = file;
        match &mut self.value {
            Value::Seq(items) => items.iter_mut().for_each(|n| n.set_file(file)),
            Value::Map(entries) => entries.iter_mut().for_each(|(k, v)| {
                k.file = file;
                v.set_file(file);
            }),
            Value::Null | Value::Bool(_) | Value::Number(_) | Value::Text(_) => {}
        }
    }
}

impl Key {
    pub fn at(&self) -> At {
        At {
            file: self.file,
            pos: self.pos,
        }
    }
}

impl Value {
    /// How the value is named in messages ("expected text, found a list").
    pub fn kind(&self) -> String {
        match self {
            Value::Null => tr!("letter-kind-null"),
            Value::Bool(_) => tr!("letter-kind-bool"),
            Value::Number(_) => tr!("letter-kind-number"),
            Value::Text(_) => tr!("letter-kind-text"),
            Value::Seq(_) => tr!("letter-kind-list"),
            Value::Map(_) => tr!("letter-kind-map"),
        }
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<Value>::deserialize(deserializer)?;
        let span = spanned.referenced.span();
        let raw = span
            .byte_offset()
            .zip(span.byte_len())
            .and_then(|(start, len)| {
                Some((usize::try_from(start).ok()?, usize::try_from(len).ok()?))
            })
            .map(|(start, len)| (start, start + len));
        Ok(Node {
            value: spanned.value,
            pos: Pos::of(&spanned.referenced),
            file: FileId::LETTER,
            raw,
        })
    }
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<KeyText>::deserialize(deserializer)?;
        Ok(Key {
            name: spanned.value.0,
            pos: Pos::of(&spanned.referenced),
            file: FileId::LETTER,
        })
    }
}

/// A mapping key: any scalar, kept as its text so that `1: x` is reported as
/// an unknown field rather than a type error.
struct KeyText(String);

impl<'de> Deserialize<'de> for KeyText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Value::deserialize(deserializer)? {
            Value::Text(s) | Value::Number(s) => Ok(KeyText(s)),
            Value::Bool(b) => Ok(KeyText(b.to_string())),
            Value::Null => Ok(KeyText(String::new())),
            Value::Seq(_) | Value::Map(_) => Err(de::Error::custom(tr!("letter-key-not-text"))),
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a YAML value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Text(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::Text(v))
    }
    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Value, E> {
        Err(E::custom(tr!("letter-binary")))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Node>()? {
            items.push(item);
        }
        Ok(Value::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        while let Some((k, v)) = map.next_entry::<Key, Node>()? {
            entries.push((k, v));
        }
        Ok(Value::Map(entries))
    }
}
