//! The house rules in force for each draft, found once per folder and loaded once per file.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::output::ConfigError;
use crate::house_rules::{self, HouseRules};

/// The house rules in force for a draft: `--config`, else the file found above the draft.
/// Problems in a file are printed once, and the drafts under it are not checked.
pub(super) struct HouseRulesCache {
    pub(super) explicit: Option<PathBuf>,
    /// The real (canonical) folder of each folder drafts were named in.
    pub(super) real_folders: HashMap<PathBuf, Option<PathBuf>>,
    /// The house rules file found above each folder, so that an archive keeping many drafts in
    /// one folder walks up from that folder once.
    pub(super) discovered: HashMap<PathBuf, Option<PathBuf>>,
    pub(super) loaded: HashMap<PathBuf, Option<HouseRules>>,
    /// Every mistake found in a house rules file, with the drafts it left unchecked.
    pub(super) errors: Vec<ConfigError>,
}

impl HouseRulesCache {
    /// The house rules file that governs a draft (`None` for the built-in defaults), or `Err`
    /// with that file when it has errors and the draft is not to be checked.
    pub(super) fn for_draft(
        &mut self,
        draft_path: Option<&Path>,
        stderr: &mut dyn Write,
    ) -> Result<Option<PathBuf>, PathBuf> {
        let path = match &self.explicit {
            Some(path) => Some(path.clone()),
            None => {
                let folder = match draft_path {
                    Some(path) => self.real_folder(path),
                    None => std::env::current_dir().ok(),
                };
                folder.and_then(|folder| {
                    self.discovered
                        .entry(folder)
                        .or_insert_with_key(|folder| house_rules::discover(folder, None))
                        .clone()
                })
            }
        };
        let Some(path) = path else {
            return Ok(None);
        };
        let errors = &mut self.errors;
        let loaded =
            self.loaded
                .entry(path.clone())
                .or_insert_with(|| match house_rules::load(&path) {
                    Ok((rules, _)) => Some(rules),
                    Err((problems, text)) => {
                        for problem in problems {
                            let _ = writeln!(stderr, "copydesk: {}", problem.render(&path, &text));
                            let (line, column) = problem.line_column(&text);
                            errors.push(ConfigError {
                                path: shown_path(&path),
                                line,
                                column,
                                message: problem.message,
                                unchecked: Vec::new(),
                            });
                        }
                        let _ = writeln!(
                            stderr,
                            "copydesk: {} has errors; the drafts it governs were not checked",
                            path.display()
                        );
                        None
                    }
                });
        if loaded.is_none() {
            return Err(path);
        }
        Ok(Some(path))
    }

    /// The real folder a draft lies in, where its house rules are looked for. A draft that is
    /// not a symbolic link lies in the real folder of the folder it was named in, which is
    /// resolved once per folder (an archive keeps many drafts in one folder, and resolving a
    /// path costs a system call per component) instead of once per draft. A link is resolved
    /// itself, since the house rules beside the file it leads to are the ones in force.
    fn real_folder(&mut self, draft: &Path) -> Option<PathBuf> {
        let is_link = std::fs::symlink_metadata(draft).map(|metadata| metadata.is_symlink());
        if is_link.is_ok_and(|is_link| !is_link) {
            let named_in = match draft.parent() {
                Some(folder) if !folder.as_os_str().is_empty() => folder,
                _ => Path::new("."),
            };
            return self
                .real_folders
                .entry(named_in.to_path_buf())
                .or_insert_with_key(|folder| std::fs::canonicalize(folder).ok())
                .clone();
        }
        std::fs::canonicalize(draft)
            .ok()
            .and_then(|path| path.parent().map(Path::to_path_buf))
    }

    /// Records that a draft was left unchecked because its house rules file has errors.
    pub(super) fn not_checked(&mut self, rules: &Path, display: &str) {
        let shown = shown_path(rules);
        for error in self.errors.iter_mut().filter(|error| error.path == shown) {
            error.unchecked.push(display.to_string());
        }
    }
}

/// A path as reports show it: relative to the working folder when it lies inside it, as CI
/// annotations and code scanning expect, else as it is.
fn shown_path(path: &Path) -> String {
    let relative = std::env::current_dir()
        .ok()
        .and_then(|cwd| std::fs::canonicalize(cwd).ok())
        .and_then(|cwd| {
            let absolute = std::fs::canonicalize(path).ok()?;
            absolute.strip_prefix(&cwd).ok().map(Path::to_path_buf)
        });
    relative
        .unwrap_or_else(|| path.to_path_buf())
        .display()
        .to_string()
}
