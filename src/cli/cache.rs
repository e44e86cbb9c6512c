//! The content cache of `copydesk check`, as ruff and rumdl keep one: a draft whose text,
//! house rules, settings and copydesk build are the same as in an earlier run is not analysed
//! again; its rendered output is read back instead.
//!
//! Each entry is one small file named by a 128-bit hash of everything the output depends on, so
//! a changed draft, house rules file, flag, publication date or copydesk build simply finds no
//! entry. Entries are written to a temporary file and renamed into place, so two runs at once
//! (two CI jobs on one checkout, an editor's task and a terminal) never read half an entry; an
//! entry that cannot be read is treated as missing. The cache is bounded: when a run adds entries
//! and the folder holds more than [`Cache::bound`], the oldest entries are deleted.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The folder name used inside a git work tree when `COPYDESK_CACHE_DIR` is not set.
pub const FOLDER_NAME: &str = ".copydesk_cache";

/// The environment variable that moves the cache (and turns it on outside a git work tree).
pub const DIR_VARIABLE: &str = "COPYDESK_CACHE_DIR";

/// The fewest entries a cache keeps before pruning; a run over more files keeps twice as many
/// as it checked, so that an archive larger than this is never pruned by its own run.
const MIN_BOUND: usize = 20_000;

/// What a draft's check produced, independently of the other drafts: everything `copydesk
/// check` needs to print the draft and count it in the summary.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The draft's part of standard output, already rendered in the chosen format.
    pub output: String,
    /// The draft's SARIF results (only for `--format sarif`, whose log is one document).
    pub sarif: Vec<Value>,
    /// Each reported finding's rule code and severity (`Severity as u8`), for the summary and
    /// the exit status.
    pub findings: Vec<(String, u8)>,
    /// How many suppression comments the draft has, for `--list-suppressions`.
    pub suppressions: usize,
}

/// An open cache folder.
pub struct Cache {
    /// `<cache folder>/<copydesk version>`: a new version starts an empty folder and the old
    /// ones are removed when the cache is pruned.
    entries: PathBuf,
    root: PathBuf,
    /// Identifies the copydesk build (version, and the executable's size and modification
    /// time), so that a rebuilt binary with the same version number does not reuse results.
    build: String,
    created: std::sync::OnceLock<bool>,
    /// Entries written by this run.
    pub written: AtomicUsize,
    /// Entries read back by this run.
    pub hits: AtomicUsize,
    counter: AtomicUsize,
}

/// Where the cache lives for a run started in `cwd`, or `None` when it is off: off with
/// `--no-cache`; on in `$COPYDESK_CACHE_DIR` when that is set; else on by default inside a git
/// work tree (in `.copydesk_cache/` at its top), and with `--cache` anywhere else (in
/// `.copydesk_cache/` of the working folder).
pub fn location(
    requested: Option<bool>,
    variable: Option<std::ffi::OsString>,
    cwd: &Path,
) -> Option<PathBuf> {
    if requested == Some(false) {
        return None;
    }
    if let Some(folder) = variable.filter(|value| !value.is_empty()) {
        return Some(cwd.join(folder));
    }
    match git_work_tree(cwd) {
        Some(top) => Some(top.join(FOLDER_NAME)),
        None if requested == Some(true) => Some(cwd.join(FOLDER_NAME)),
        None => None,
    }
}

/// The top folder of the git work tree holding `folder`: the nearest folder with a `.git`
/// (a folder in a clone, a file in a worktree or submodule).
fn git_work_tree(folder: &Path) -> Option<PathBuf> {
    folder
        .ancestors()
        .find(|dir| dir.join(".git").exists())
        .map(Path::to_path_buf)
}

/// The copydesk version and build this process is.
fn this_build() -> String {
    let executable = std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|metadata| {
            let modified = metadata
                .modified()
                .ok()
                .and_then(|time| time.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |since| since.as_nanos());
            format!("{}-{modified}", metadata.len())
        })
        .unwrap_or_default();
    format!("{} {executable}", env!("CARGO_PKG_VERSION"))
}

/// The cache key of a draft: a hash of the build, the settings it was checked with (house
/// rules, flags, publication and today's date), how its output is rendered (format, colour,
/// the path shown) and its text. Every part is length-prefixed so no two lists of parts run
/// together into the same bytes.
pub fn key(build: &str, settings: &str, rendering: &str, text: &[u8]) -> String {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    for part in [
        build.as_bytes(),
        settings.as_bytes(),
        rendering.as_bytes(),
        text,
    ] {
        hasher.update(&(part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    format!("{:032x}", hasher.digest128())
}

impl Cache {
    /// The cache in `root`; nothing is created on disk until the first entry is written.
    pub fn open(root: PathBuf) -> Cache {
        Cache {
            entries: root.join(env!("CARGO_PKG_VERSION")),
            root,
            build: this_build(),
            created: std::sync::OnceLock::new(),
            written: AtomicUsize::new(0),
            hits: AtomicUsize::new(0),
            counter: AtomicUsize::new(0),
        }
    }

    /// The key of a draft checked by this build.
    pub fn key(&self, settings: &str, rendering: &str, text: &[u8]) -> String {
        key(&self.build, settings, rendering, text)
    }

    /// The entry stored under `key`, if there is a whole one.
    pub fn get(&self, key: &str) -> Option<Entry> {
        let bytes = std::fs::read(self.entries.join(key)).ok()?;
        let entry = serde_json::from_slice(&bytes).ok()?;
        self.hits.fetch_add(1, Ordering::Relaxed);
        Some(entry)
    }

    /// Stores an entry. A cache that cannot be written (a read-only checkout, a full disk) only
    /// costs speed, so failures are ignored.
    pub fn put(&self, key: &str, entry: &Entry) {
        if !*self.created.get_or_init(|| self.create().is_ok()) {
            return;
        }
        let Ok(bytes) = serde_json::to_vec(entry) else {
            return;
        };
        // The temporary name is unique to this process and write, and starts with a dot so that
        // pruning and other runs never take it for an entry.
        let temporary = self.entries.join(format!(
            ".{key}.{}.{}.tmp",
            std::process::id(),
            self.counter.fetch_add(1, Ordering::Relaxed)
        ));
        let written = std::fs::File::create(&temporary)
            .and_then(|mut file| file.write_all(&bytes))
            .and_then(|()| std::fs::rename(&temporary, self.entries.join(key)));
        if written.is_ok() {
            self.written.fetch_add(1, Ordering::Relaxed);
        } else {
            let _ = std::fs::remove_file(&temporary);
        }
    }

    /// Creates the folder, marked as a cache for backup tools and ignored by git, as ruff marks
    /// its own.
    fn create(&self) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.entries)?;
        let ignore = self.root.join(".gitignore");
        if !ignore.exists() {
            std::fs::write(
                &ignore,
                "# Automatically created by copydesk: the cache is never committed.\n*\n",
            )?;
        }
        let tag = self.root.join("CACHEDIR.TAG");
        if !tag.exists() {
            std::fs::write(
                &tag,
                "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache tag created by copydesk.\n",
            )?;
        }
        Ok(())
    }

    /// The most entries kept after a run that checked `files` drafts.
    pub fn bound(files: usize) -> usize {
        MIN_BOUND.max(files.saturating_mul(2))
    }

    /// Keeps the cache bounded after a run that wrote entries: other versions' folders are
    /// removed, and when more than `bound` entries remain, the oldest are deleted down to three
    /// quarters of it. Runs that wrote nothing (a warm re-run) skip this and stay fast.
    pub fn prune(&self, bound: usize) {
        if self.written.load(Ordering::Relaxed) == 0 {
            return;
        }
        if let Ok(folders) = std::fs::read_dir(&self.root) {
            for folder in folders.flatten() {
                let is_folder = folder.file_type().is_ok_and(|kind| kind.is_dir());
                if is_folder && folder.path() != self.entries {
                    let _ = std::fs::remove_dir_all(folder.path());
                }
            }
        }
        let Ok(listing) = std::fs::read_dir(&self.entries) else {
            return;
        };
        let mut entries: Vec<(std::time::SystemTime, PathBuf)> = listing
            .flatten()
            .filter(|entry| !entry.file_name().to_string_lossy().starts_with('.'))
            .filter_map(|entry| {
                let modified = entry.metadata().ok()?.modified().ok()?;
                Some((modified, entry.path()))
            })
            .collect();
        if entries.len() <= bound {
            return;
        }
        entries.sort();
        let excess = entries.len() - bound * 3 / 4;
        for (_, path) in entries.into_iter().take(excess) {
            let _ = std::fs::remove_file(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_part_of_the_key_changes_it() {
        let base = key("0.1.0 1-2", "settings", "text a.md", b"Draft.");
        assert_eq!(base, key("0.1.0 1-2", "settings", "text a.md", b"Draft."));
        assert_ne!(base, key("0.2.0 1-2", "settings", "text a.md", b"Draft."));
        assert_ne!(base, key("0.1.0 1-3", "settings", "text a.md", b"Draft."));
        assert_ne!(base, key("0.1.0 1-2", "settings2", "text a.md", b"Draft."));
        assert_ne!(base, key("0.1.0 1-2", "settings", "json a.md", b"Draft."));
        assert_ne!(base, key("0.1.0 1-2", "settings", "text a.md", b"Draft!"));
        // Moving bytes from one part to the next is a different key, not the same stream.
        assert_ne!(
            key("a", "bc", "", b""),
            key("ab", "c", "", b""),
            "parts are length-prefixed"
        );
    }

    #[test]
    fn the_cache_is_on_in_a_git_work_tree_and_where_asked() {
        let scratch =
            std::env::temp_dir().join(format!("copydesk-cache-location-{}", std::process::id()));
        let repository = scratch.join("repo");
        let inside = repository.join("drafts");
        let outside = scratch.join("loose");
        for folder in [&inside, &outside, &repository.join(".git")] {
            std::fs::create_dir_all(folder).unwrap();
        }
        assert_eq!(
            location(None, None, &inside),
            Some(repository.join(FOLDER_NAME))
        );
        assert_eq!(location(Some(false), None, &inside), None);
        assert_eq!(
            location(Some(false), Some("/tmp/elsewhere".into()), &inside),
            None
        );
        assert_eq!(
            location(None, Some("/tmp/elsewhere".into()), &outside),
            Some(PathBuf::from("/tmp/elsewhere"))
        );
        assert_eq!(
            location(None, Some("".into()), &inside),
            Some(repository.join(FOLDER_NAME))
        );
        if git_work_tree(&outside).is_none() {
            assert_eq!(location(None, None, &outside), None);
            assert_eq!(
                location(Some(true), None, &outside),
                Some(outside.join(FOLDER_NAME))
            );
        }
        let _ = std::fs::remove_dir_all(&scratch);
    }

    #[test]
    fn entries_round_trip_and_pruning_keeps_the_newest() {
        let root =
            std::env::temp_dir().join(format!("copydesk-cache-prune-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let cache = Cache::open(root.clone());
        let entry = Entry {
            output: "warning[relative-date]: ...\n".into(),
            sarif: vec![serde_json::json!({ "ruleId": "relative-date" })],
            findings: vec![("relative-date".into(), 2)],
            suppressions: 1,
        };
        assert_eq!(cache.get("missing"), None);
        for index in 0..8 {
            cache.put(&format!("{index:032x}"), &entry);
            // Distinct modification times, so that "oldest" is well defined.
            let path = root
                .join(env!("CARGO_PKG_VERSION"))
                .join(format!("{index:032x}"));
            let time = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_000 + index);
            std::fs::File::options()
                .write(true)
                .open(&path)
                .unwrap()
                .set_modified(time)
                .unwrap();
        }
        assert_eq!(cache.get(&format!("{:032x}", 7)), Some(entry.clone()));
        std::fs::create_dir_all(root.join("0.0.1")).unwrap();
        assert!(root.join(".gitignore").is_file());
        cache.prune(4);
        assert!(!root.join("0.0.1").exists(), "other versions are removed");
        let left: Vec<bool> = (0..8)
            .map(|index| cache.get(&format!("{index:032x}")).is_some())
            .collect();
        assert_eq!(
            left,
            [false, false, false, false, false, true, true, true],
            "pruning down to three quarters of the bound keeps the newest"
        );
        let _ = std::fs::remove_dir_all(&root);
    }
}
