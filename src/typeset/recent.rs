//! A map of what was used recently, for the per-thread caches of shaped
//! words, prepared words and hyphenation points.
//!
//! A batch sees the same few thousand words in every letter (the body's
//! paragraphs, the labels) and a few new ones in each (numbers, dates,
//! names). A cache that keeps everything grows with the batch (issue 20:
//! 2.5 KB a letter); one cleared when full forgets the common words too and
//! shapes them all again. This one keeps two generations: new entries go to
//! the current one, and when it is full the previous generation is dropped
//! and the current one becomes the previous. An entry found in the previous
//! generation moves back into the current one, so whatever every letter
//! uses stays, and a word seen once is gone two generations later. At most
//! twice `limit` entries are held, whatever the number of letters.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hash};

pub struct Recent<K, V, S> {
    current: HashMap<K, V, S>,
    previous: HashMap<K, V, S>,
    limit: usize,
}

impl<K: Hash + Eq, V, S: BuildHasher + Default> Recent<K, V, S> {
    pub fn new(limit: usize) -> Self {
        Recent {
            current: HashMap::default(),
            previous: HashMap::default(),
            limit,
        }
    }

    /// `read` of the entry for `key`, if there is one (which then counts as
    /// used: it is kept for another generation).
    pub fn find<Q, R>(&mut self, key: &Q, read: impl FnOnce(&V) -> R) -> Option<R>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        if let Some(value) = self.current.get(key) {
            return Some(read(value));
        }
        if self.previous.is_empty() {
            // Spares hashing the key again (all a single letter's misses).
            return None;
        }
        let (key, value) = self.previous.remove_entry(key)?;
        let found = read(&value);
        self.current.insert(key, value);
        Some(found)
    }

    /// The entry for `key` in the current generation, made by `make` if it
    /// has none; starts a new generation first when the current one is full.
    /// Call [`Recent::find`] first: an entry of the previous generation is
    /// not looked at here.
    pub fn entry(&mut self, key: K, make: impl FnOnce() -> V) -> &mut V {
        if self.current.len() >= self.limit && !self.current.contains_key(&key) {
            // The previous generation goes and its table becomes the new
            // current one, already the size a generation grows to.
            std::mem::swap(&mut self.current, &mut self.previous);
            self.current.clear();
        }
        self.current.entry(key).or_insert_with(make)
    }

    /// Entries held, in both generations.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.current.len() + self.previous.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Map = Recent<String, u32, std::collections::hash_map::RandomState>;

    #[test]
    fn what_is_used_stays_and_what_is_not_goes() {
        let mut m = Map::new(3);
        for (i, word) in ["в", "по", "Республики"].iter().enumerate() {
            *m.entry((*word).to_owned(), || 0) = i as u32;
        }
        // A fourth word starts a generation: the three become the previous.
        *m.entry("ДЗ-84".into(), || 0) = 10;
        assert_eq!(m.find("по", |v| *v), Some(1));
        for n in 85..100 {
            *m.entry(format!("ДЗ-{n}"), || 0) = n;
            // A word every letter uses is found every time.
            assert_eq!(m.find("по", |v| *v), Some(1), "after ДЗ-{n}");
            assert!(m.len() <= 6, "{} entries", m.len());
        }
        assert_eq!(m.find("в", |v| *v), None);
        assert_eq!(m.find("ДЗ-84", |v| *v), None);
        assert_eq!(m.find("ДЗ-99", |v| *v), Some(99));
    }

    #[test]
    fn an_entry_is_made_once_and_then_changed_in_place() {
        let mut m = Map::new(8);
        *m.entry("a".into(), || 1) += 1;
        *m.entry("a".into(), || 100) += 1;
        assert_eq!(m.find("a", |v| *v), Some(3));
    }
}
