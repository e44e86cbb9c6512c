//! Finding the house rules file for a draft and reading it from disk, refusing what cannot be
//! read safely.

use std::path::{Path, PathBuf};

use super::*;

/// The house rules file for a draft in `folder`: the first of [`FILE_NAMES`] found in it or a
/// folder above it, up to and including `stop_at` (a workspace root), or else up to the root of
/// the git repository or of the file system.
pub fn discover(folder: &Path, stop_at: Option<&Path>) -> Option<PathBuf> {
    let mut current = Some(folder);
    while let Some(dir) = current {
        for name in FILE_NAMES {
            let candidate = dir.join(name);
            // Anything by that name counts, a folder, a pipe or a broken link included: it is
            // meant as house rules, so loading it reports why it cannot be read rather than
            // a file further up taking its place in silence.
            if std::fs::symlink_metadata(&candidate).is_ok() {
                return Some(candidate);
            }
        }
        let at_stop = match stop_at {
            Some(stop) => dir == stop,
            None => dir.join(".git").exists(),
        };
        if at_stop {
            return None;
        }
        current = dir.parent();
    }
    None
}

/// Reads and parses a house rules file: the rules, or the problems (a file that cannot be read
/// is one problem at its start).
pub fn load(path: &Path) -> Result<(HouseRules, String), (Vec<Problem>, String)> {
    let text = match read_limited(path) {
        Ok(text) => text,
        Err(message) => {
            return Err((
                vec![Problem {
                    span: 0..0,
                    message,
                }],
                String::new(),
            ))
        }
    };
    match parse(&text) {
        Ok(rules) => Ok((
            HouseRules {
                path: Some(path.to_path_buf()),
                ..rules
            },
            text,
        )),
        Err(problems) => Err((problems, text)),
    }
}

/// The text of a house rules file, if it is a regular file of at most
/// [`MAX_HOUSE_RULES_BYTES`](crate::limits::MAX_HOUSE_RULES_BYTES). Opening a FIFO would block
/// and a device or a huge (perhaps sparse) file would be read for ever, so both are refused
/// before reading, and reading stops one byte past the limit in case the file grew.
fn read_limited(path: &Path) -> Result<String, String> {
    use std::io::Read;
    let limit = crate::limits::MAX_HOUSE_RULES_BYTES;
    let too_large = |size: String| {
        format!(
            "{} is too large for a house rules file: {size}; the limit is {}",
            path.display(),
            crate::limits::bytes(limit)
        )
    };
    let metadata =
        std::fs::metadata(path).map_err(|error| match std::fs::symlink_metadata(path) {
            Ok(link) if link.file_type().is_symlink() => format!(
                "{} is a link to {}, which does not exist",
                path.display(),
                std::fs::read_link(path)
                    .map_or_else(|_| "a file".to_string(), |to| to.display().to_string())
            ),
            _ => format!("cannot read {}: {error}", path.display()),
        })?;
    if metadata.is_dir() {
        return Err(format!(
            "{} is a folder, not a house rules file",
            path.display()
        ));
    }
    if !metadata.is_file() {
        return Err(format!(
            "{} is not a regular file (a pipe, socket or device), so it cannot be house rules",
            path.display()
        ));
    }
    if metadata.len() > limit {
        return Err(too_large(crate::limits::bytes(metadata.len())));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(limit + 1).read_to_end(&mut bytes))
        .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(format!(
            "more than {}",
            crate::limits::bytes(limit)
        )));
    }
    String::from_utf8(bytes).map_err(|error| {
        format!(
            "{} is not UTF-8 text (invalid byte at offset {})",
            path.display(),
            error.utf8_error().valid_up_to()
        )
    })
}
