//! Which drafts a check reads: the walk over the folders named, and reading each draft.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::analysis::Format;
use crate::cli::CheckArgs;

/// File extensions checked when a folder is given.
const DRAFT_EXTENSIONS: &[&str] = &["md", "markdown", "mdown", "mkd", "txt", "text"];

/// One draft to check.
pub(super) struct Draft {
    /// The name shown in output ("-" reads as "<stdin>").
    pub(super) display: String,
    /// The file, for finding its house rules and its changed lines; `None` for standard input.
    pub(super) path: Option<PathBuf>,
    pub(super) text: String,
    pub(super) format: Format,
}

/// Adds `path` (a file, or the drafts inside a folder, sorted) to `found`. Only regular files
/// are read: a FIFO or a device named `*.md` would block or never end. Inside folders the walk
/// is ripgrep's: hidden files and what `.gitignore` and `.ignore` list are skipped, symbolic links
/// are followed only with `--follow`, and a link that leads back into the walk is reported
/// instead of walked again. Returns notes for standard error and whether any was an error.
pub(super) fn collect(
    path: &Path,
    args: &CheckArgs,
    found: &mut Vec<PathBuf>,
) -> Vec<(String, bool)> {
    let mut notes = Vec::new();
    if path == Path::new("-") {
        found.push(path.to_path_buf());
        return notes;
    }
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(error) => {
            notes.push((format!("cannot read {}: {error}", path.display()), true));
            return notes;
        }
    };
    if metadata.is_file() {
        found.push(path.to_path_buf());
        return notes;
    }
    if !metadata.is_dir() {
        notes.push((
            format!(
                "{} is not a regular file (a pipe, socket or device); skipped",
                path.display()
            ),
            true,
        ));
        return notes;
    }
    let mut overrides = ignore::overrides::OverrideBuilder::new(path);
    for glob in &args.exclude {
        if let Err(error) = overrides.add(&format!("!{glob}")) {
            notes.push((format!("--exclude {glob:?}: {error}"), true));
            return notes;
        }
    }
    let overrides = match overrides.build() {
        Ok(overrides) => overrides,
        Err(error) => {
            notes.push((format!("--exclude: {error}"), true));
            return notes;
        }
    };
    let walker = ignore::WalkBuilder::new(path)
        .follow_links(args.follow)
        .require_git(false)
        .overrides(overrides)
        .sort_by_file_name(|a, b| a.cmp(b))
        .filter_entry(|entry| {
            !(entry.depth() > 0
                && entry.file_type().is_some_and(|kind| kind.is_dir())
                && matches!(entry.file_name().to_str(), Some("node_modules" | "target")))
        })
        .build();
    // With `--follow`, two links may lead to the same draft: it is checked once.
    let mut seen = std::collections::HashSet::new();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                // A loop is the tree's shape, not a reading error: it is reported and walked once.
                notes.push((format!("{error}; skipped"), !is_loop(&error)));
                continue;
            }
        };
        let is_draft_name = entry
            .path()
            .extension()
            .and_then(|extension| extension.to_str())
            .is_some_and(|extension| {
                DRAFT_EXTENSIONS.contains(&extension.to_ascii_lowercase().as_str())
            });
        let Some(kind) = entry.file_type() else {
            continue;
        };
        if !is_draft_name || kind.is_dir() {
            continue;
        }
        if kind.is_symlink() {
            // Without --follow, a link is not read; its target may be outside the tree.
            continue;
        }
        if !kind.is_file() {
            notes.push((
                format!(
                    "{} is not a regular file (a pipe, socket or device); skipped",
                    entry.path().display()
                ),
                false,
            ));
            continue;
        }
        // Without --follow no link is walked, so no draft is reached twice and the walk need not
        // resolve every draft's path.
        if !args.follow
            || seen
                .insert(std::fs::canonicalize(entry.path()).unwrap_or(entry.path().to_path_buf()))
        {
            found.push(entry.into_path());
        }
    }
    notes
}

/// Whether a walk error is a symbolic link leading back into the walk.
fn is_loop(error: &ignore::Error) -> bool {
    match error {
        ignore::Error::Loop { .. } => true,
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => is_loop(err),
        ignore::Error::Partial(errors) => errors.iter().any(is_loop),
        _ => false,
    }
}

/// Reads a draft of at most `limit` bytes. Reading stops one byte past the limit, so a huge
/// file (or an endless stream on standard input) costs no more than the limit.
pub(super) fn read_draft(path: &Path, limit: u64) -> Result<Draft, String> {
    let (display, format) = if path == Path::new("-") {
        ("<stdin>".to_string(), Format::Markdown)
    } else {
        (path.display().to_string(), Format::from_path(path))
    };
    let mut bytes = Vec::new();
    let read = if path == Path::new("-") {
        std::io::stdin()
            .lock()
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|error| format!("cannot read standard input: {error}"))
    } else {
        std::fs::File::open(path)
            .and_then(|file| {
                // The buffer takes the file's size at once instead of growing as it reads.
                let size = file.metadata().map_or(0, |metadata| metadata.len());
                bytes.reserve(usize::try_from(size.min(limit)).unwrap_or(0) + 1);
                file.take(limit.saturating_add(1)).read_to_end(&mut bytes)
            })
            .map_err(|error| format!("cannot read {}: {error}", path.display()))
    };
    read?;
    if bytes.len() as u64 > limit {
        // The file's own size when it has one; standard input is only known to be larger.
        let size = std::fs::metadata(path)
            .ok()
            .filter(|metadata| metadata.is_file() && path != Path::new("-"))
            .map(|metadata| metadata.len());
        let message = match size {
            Some(size) => crate::limits::draft_too_large(size, limit, "option --max-file-bytes"),
            None => format!(
                "This file is too large to check: more than {}; the limit is {} (option \
                 --max-file-bytes).",
                crate::limits::bytes(limit),
                crate::limits::bytes(limit)
            ),
        };
        return Err(format!("{display}: {message} Skipped"));
    }
    if bytes.contains(&0) {
        return Err(format!(
            "{display} looks like a binary file, not a draft; skipped"
        ));
    }
    let text = String::from_utf8(bytes).map_err(|error| {
        format!(
            "{display} is not UTF-8 text (invalid byte at offset {}); skipped",
            error.utf8_error().valid_up_to()
        )
    })?;
    Ok(Draft {
        path: (path != Path::new("-")).then(|| path.to_path_buf()),
        display,
        text,
        format,
    })
}
