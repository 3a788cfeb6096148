//! Watching the letter, its template folder and its emblem for changes.
//!
//! Folders are watched rather than files: editors save by writing a new
//! file and renaming it over the old one, which ends a watch on the file
//! itself. Events are filtered down to the files that matter here, and
//! reading them (our own builds do) is no change.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use notify::event::{AccessKind, AccessMode};
use notify::{Event, EventKind, PollWatcher, RecommendedWatcher, RecursiveMode, Watcher};
use tokio::sync::mpsc::UnboundedSender;

/// How often the fallback watcher looks, where the system's file events
/// are not available (inotify limits, network file systems).
const POLL_INTERVAL: Duration = Duration::from_millis(250);

/// What to watch: files, and folders whose every file counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inputs {
    pub files: BTreeSet<PathBuf>,
    pub folders: BTreeSet<PathBuf>,
}

impl Inputs {
    fn wants(&self, path: &Path) -> bool {
        self.files.contains(path) || self.folders.iter().any(|f| path.starts_with(f))
    }

    /// The folders to give the watcher, each with its recursion.
    fn watches(&self) -> BTreeSet<(PathBuf, bool)> {
        let parents = self
            .files
            .iter()
            .filter_map(|f| f.parent().map(|p| (p.to_path_buf(), false)));
        let folders = self.folders.iter().map(|f| (f.clone(), true));
        parents.chain(folders).collect()
    }
}

/// The absolute, resolved form of `path` (as the watcher reports paths), or
/// `path` made absolute when it does not exist (yet).
pub fn resolve(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| {
        // A missing file: resolve its folder, which may exist.
        match (path.parent(), path.file_name()) {
            (Some(dir), Some(name)) if !dir.as_os_str().is_empty() => std::fs::canonicalize(dir)
                .map(|d| d.join(name))
                .unwrap_or_else(|_| absolute(path)),
            _ => absolute(path),
        }
    })
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Watches `Inputs` and sends `()` on every change to one of them.
pub struct Changes {
    watcher: Box<dyn Watcher + Send>,
    inputs: std::sync::Arc<std::sync::Mutex<Inputs>>,
    watching: BTreeSet<(PathBuf, bool)>,
}

impl Changes {
    /// The system's watcher, or a polling one where that fails.
    pub fn new(changed: UnboundedSender<()>) -> Result<Changes, notify::Error> {
        let inputs = std::sync::Arc::new(std::sync::Mutex::new(Inputs::default()));
        let handler = {
            let inputs = inputs.clone();
            move |event: notify::Result<Event>| {
                let Ok(event) = event else {
                    // The watcher lost track (an overflow): build to be sure.
                    let _ = changed.send(());
                    return;
                };
                if is_read(&event.kind) {
                    return;
                }
                let wanted = inputs
                    .lock()
                    .map(|i| event.paths.iter().any(|p| i.wants(p)))
                    .unwrap_or(true);
                if wanted {
                    let _ = changed.send(());
                }
            }
        };
        let watcher: Box<dyn Watcher + Send> =
            match RecommendedWatcher::new(handler.clone(), notify::Config::default()) {
                Ok(w) => Box::new(w),
                Err(_) => Box::new(PollWatcher::new(
                    handler,
                    notify::Config::default().with_poll_interval(POLL_INTERVAL),
                )?),
            };
        Ok(Changes {
            watcher,
            inputs,
            watching: BTreeSet::new(),
        })
    }

    /// Watches `inputs` from now on (and stops watching what they dropped).
    /// A folder that cannot be watched (it does not exist) is skipped; the
    /// letter's own folder always can be.
    pub fn watch(&mut self, inputs: Inputs) {
        let wanted = inputs.watches();
        for (dir, _) in self.watching.difference(&wanted) {
            let _ = self.watcher.unwatch(dir);
        }
        for (dir, recursive) in wanted.difference(&self.watching) {
            let mode = if *recursive {
                RecursiveMode::Recursive
            } else {
                RecursiveMode::NonRecursive
            };
            let _ = self.watcher.watch(dir, mode);
        }
        self.watching = wanted;
        if let Ok(mut current) = self.inputs.lock() {
            *current = inputs;
        }
    }
}

/// Opening, reading and closing a file unchanged are not changes.
fn is_read(kind: &EventKind) -> bool {
    matches!(kind, EventKind::Access(access) if *access != AccessKind::Close(AccessMode::Write))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_watched_through_its_folder_and_a_folder_recursively() {
        let inputs = Inputs {
            files: BTreeSet::from([PathBuf::from("/a/letter.yaml"), PathBuf::from("/b/e.svg")]),
            folders: BTreeSet::from([PathBuf::from("/t")]),
        };
        assert_eq!(
            inputs.watches(),
            BTreeSet::from([
                (PathBuf::from("/a"), false),
                (PathBuf::from("/b"), false),
                (PathBuf::from("/t"), true)
            ])
        );
        assert!(inputs.wants(Path::new("/a/letter.yaml")));
        assert!(!inputs.wants(Path::new("/a/other.yaml")));
        assert!(inputs.wants(Path::new("/t/deputy-reply/ru.tera")));
    }

    #[test]
    fn reading_is_no_change() {
        assert!(is_read(&EventKind::Access(AccessKind::Open(
            AccessMode::Any
        ))));
        assert!(!is_read(&EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
        assert!(!is_read(&EventKind::Modify(notify::event::ModifyKind::Any)));
    }

    #[test]
    fn a_missing_file_resolves_through_its_folder() {
        let dir = std::env::temp_dir();
        let missing = dir.join("zhauap-no-such-letter.yaml");
        assert_eq!(
            resolve(&missing),
            std::fs::canonicalize(&dir)
                .unwrap()
                .join("zhauap-no-such-letter.yaml")
        );
    }
}
