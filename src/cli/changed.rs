//! `--changed-lines`: which lines of which files a git diff range touched, read from
//! `git diff -U0`, so that a pre-publish gate reports only what this change added.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The added or changed lines (1-based, end exclusive) of each file, by absolute path.
#[derive(Debug, Default)]
pub struct ChangedLines {
    files: HashMap<PathBuf, Vec<Range<u32>>>,
    /// Files git does not track yet: every line of a new draft is a changed line.
    untracked: HashSet<PathBuf>,
}

impl ChangedLines {
    /// Runs `git diff -U0 <range>` in `cwd`'s repository and reads its hunks.
    pub fn from_git(range: &str, cwd: &Path) -> Result<ChangedLines, String> {
        let root = git(cwd, &["rev-parse", "--show-toplevel"])?;
        let root = PathBuf::from(root.trim());
        // A range starting with '-' would read as an option.
        if range.starts_with('-') || range.trim().is_empty() {
            return Err(format!("--changed-lines takes a git range, not {range:?}"));
        }
        let diff = git(
            cwd,
            &["diff", "-U0", "--no-color", "--no-ext-diff", range, "--"],
        )?;
        let mut changed = ChangedLines::parse(&diff, &root);
        // A draft git does not track yet is not in any diff, yet every line of it is new. (A
        // new file that is added shows in the diff against HEAD with all its lines.)
        let untracked = git(
            &root,
            &[
                "ls-files",
                "--others",
                "--exclude-standard",
                "--full-name",
                "-z",
            ],
        )?;
        changed.untracked = untracked
            .split('\0')
            .filter(|path| !path.is_empty())
            .map(|path| normalise(&root.join(path)))
            .collect();
        Ok(changed)
    }

    /// Reads the hunks of a unified diff whose paths are relative to `root`.
    pub fn parse(diff: &str, root: &Path) -> ChangedLines {
        let mut files: HashMap<PathBuf, Vec<Range<u32>>> = HashMap::new();
        let mut current: Option<PathBuf> = None;
        for line in diff.lines() {
            if let Some(path) = line.strip_prefix("+++ ") {
                current = if path == "/dev/null" {
                    None
                } else {
                    let path = path.strip_prefix("b/").unwrap_or(path);
                    let path = path.trim_matches('"');
                    Some(normalise(&root.join(path)))
                };
            } else if let (Some(hunk), Some(path)) = (line.strip_prefix("@@ "), &current) {
                // "@@ -12,3 +14,5 @@ context": the new side is "+start[,count]".
                let Some(new_side) = hunk.split_whitespace().find(|part| part.starts_with('+'))
                else {
                    continue;
                };
                let mut numbers = new_side[1..].split(',');
                let start: u32 = numbers.next().and_then(|n| n.parse().ok()).unwrap_or(0);
                let count: u32 = numbers.next().and_then(|n| n.parse().ok()).unwrap_or(1);
                if count > 0 {
                    files
                        .entry(path.clone())
                        .or_default()
                        .push(start..start + count);
                }
            }
        }
        ChangedLines {
            files,
            untracked: HashSet::new(),
        }
    }

    /// Whether any line from `first` to `last` (1-based) of `path` was changed.
    pub fn touches(&self, path: &Path, first: u32, last: u32) -> bool {
        let path = normalise(path);
        if self.untracked.contains(&path) {
            return true;
        }
        self.files.get(&path).is_some_and(|ranges| {
            ranges
                .iter()
                .any(|range| range.start <= last && first < range.end)
        })
    }
}

fn normalise(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

fn git(cwd: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .args(args)
        .current_dir(cwd)
        .output()
        .map_err(|error| format!("cannot run git for --changed-lines: {error}"))?;
    if !output.status.success() {
        return Err(format!(
            "git {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    String::from_utf8(output.stdout).map_err(|_| "git printed a diff that is not UTF-8".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_new_side_of_each_hunk() {
        let diff = "diff --git a/a.md b/a.md\n--- a/a.md\n+++ b/a.md\n@@ -1,0 +2,3 @@\n+x\n@@ -9 +12 @@ y\n+z\n@@ -20,2 +22,0 @@\n-gone\n--- a/old.md\n+++ /dev/null\n@@ -1 +0,0 @@\n";
        let changed = ChangedLines::parse(diff, Path::new("/repo"));
        let file = Path::new("/repo/a.md");
        assert!(!changed.touches(file, 1, 1));
        assert!(changed.touches(file, 2, 2));
        assert!(changed.touches(file, 4, 4));
        assert!(!changed.touches(file, 5, 11));
        assert!(changed.touches(file, 12, 12));
        assert!(!changed.touches(file, 22, 30));
        assert!(!changed.touches(Path::new("/repo/old.md"), 1, 1));
    }
}
