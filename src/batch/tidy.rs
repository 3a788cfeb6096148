//! Keeping the output folder tidy: temporary files a killed run left
//! behind, and outputs whose letters are gone (`--prune`).

use std::collections::HashSet;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use super::manifest::Manifest;
use super::plan::Plan;

/// Removes the temporary files of this run's outputs, its manifest and its
/// report that a killed run left. Only this run's own: another shard
/// writing the same folder at this moment has other outputs and another
/// manifest, and a run of the same shard would hold the manifest's lock.
/// Returns how many were removed.
pub(super) fn remove_stale_temps(plan: &Plan, manifest: &Path, report: Option<&Path>) -> usize {
    let mut targets: HashSet<&Path> = plan.jobs.iter().map(|j| j.output.as_path()).collect();
    targets.insert(manifest);
    if let Some(r) = report {
        targets.insert(r);
    }
    let folders: HashSet<&Path> = targets
        .iter()
        .map(|t| t.parent().unwrap_or(Path::new("")))
        .collect();
    let mut removed = 0;
    for folder in folders {
        let listing = if folder.as_os_str().is_empty() {
            Path::new(".")
        } else {
            folder
        };
        let Ok(entries) = std::fs::read_dir(listing) else {
            continue;
        };
        for entry in entries.filter_map(|e| e.ok()) {
            let name = entry.file_name();
            let Some(target) = temp_target(&name) else {
                continue;
            };
            let target_path = folder.join(target);
            if targets.contains(target_path.as_path())
                && crate::write::is_temp_of(target_path.file_name().unwrap_or_default(), &name)
                && std::fs::remove_file(folder.join(&name)).is_ok()
            {
                removed += 1;
            }
        }
    }
    removed
}

/// The file name a temporary file's name is made from: `.NAME.X.tmp` →
/// `NAME`.
fn temp_target(name: &OsStr) -> Option<&str> {
    let name = name.to_str()?.strip_prefix('.')?.strip_suffix(".tmp")?;
    name.rsplit_once('.').map(|(target, _)| target)
}

/// What became of the outputs of letters that are gone.
#[derive(Debug, Default)]
pub(super) struct Gone {
    /// Removed (with `--prune`).
    pub pruned: Vec<PathBuf>,
    /// Kept: their records stay in the manifest, by line.
    pub kept_lines: Vec<u32>,
    /// Records of letters now in another shard: dropped from this manifest.
    pub moved: usize,
}

/// Looks at the manifest's letters that this run does not render: gone
/// from every input (pruned with `prune`, if their output is still the one
/// written), or now in another shard.
pub(super) fn gone(plan: &Plan, manifest: &Manifest, prune: bool) -> Gone {
    let mut gone = Gone::default();
    let ours = |key: &str| {
        plan.jobs
            .binary_search_by(|j| j.relative.as_str().cmp(key))
            .is_ok()
    };
    let mut keys: Vec<&String> = manifest.known.keys().filter(|k| !ours(k)).collect();
    keys.sort();
    for key in keys {
        let known = &manifest.known[key];
        if plan.has_letter(key) {
            gone.moved += 1;
            continue;
        }
        let output = known.output.as_ref().map(|w| (output_path(plan, key), w));
        match output {
            Some((path, written)) if prune && written.is_at(&path, true) => {
                if std::fs::remove_file(&path).is_ok() {
                    remove_empty_folders(&plan.out_dir, &path);
                    gone.pruned.push(path);
                } else {
                    gone.kept_lines.push(known.line);
                }
            }
            // Never written, or failed: nothing to remove, nothing to keep.
            None if prune => {}
            _ => gone.kept_lines.push(known.line),
        }
    }
    gone.kept_lines.sort_unstable();
    gone
}

/// Where the output of the letter with this key went: the key below the
/// output folder, with the output's extension.
fn output_path(plan: &Plan, key: &str) -> PathBuf {
    plan.out_dir
        .join(key)
        .with_extension(plan.format.extension())
}

/// Removes the folders of a pruned output that are left empty, up to the
/// output folder.
fn remove_empty_folders(out_dir: &Path, output: &Path) {
    let mut dir = output.parent();
    while let Some(d) = dir {
        if d == out_dir || !d.starts_with(out_dir) || std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_temporary_name_gives_its_target() {
        fn t(s: &str) -> Option<&str> {
            temp_target(OsStr::new(s))
        }
        assert_eq!(t(".b.pdf.1234.tmp"), Some("b.pdf"));
        assert_eq!(t(".manifest.jsonl.77.tmp"), Some("manifest.jsonl"));
        assert_eq!(t("b.pdf"), None);
        assert_eq!(t(".hidden"), None);
    }
}
