//! House rules: a desk's `.copydesk.toml` (or `copydesk.toml`), found by walking up from the
//! draft, read with the position of every key and value so that a mistake is reported where it
//! is, and turned into [`Settings`] for the engine.
//!
//! The file is all or nothing: one error and the whole file is rejected (the editor keeps the
//! previous good version in force; the command line stops), and an unknown key is an error, so
//! that a typo never silently turns a rule back to its default.
//!
//! The module is split at its seams: [`parse`](fn@parse) reads the file's text, `discovery`
//! finds the file for a draft and loads it from disk, and `schema` describes the file for
//! editors. What the file holds ([`HouseRules`]) and how it applies to the engine's settings
//! stay here.

mod discovery;
mod parse;
mod schema;

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::analysis::settings::{DateStyle, HouseLexicon, RuleSettings};
use crate::analysis::{RuleCode, SettingOrigin, Settings};

pub use discovery::{discover, load};
pub use parse::parse;
pub use schema::schema;

/// The names the file may have, in the order they are looked for in each folder.
pub const FILE_NAMES: [&str; 2] = [".copydesk.toml", "copydesk.toml"];

/// The house rules of one file, checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HouseRules {
    pub reference_date: Option<jiff::civil::Date>,
    /// The file the rules were read from, named wherever its reference date is used.
    pub path: Option<PathBuf>,
    pub date_style: Option<DateStyle>,
    pub figures_min_count: Option<u64>,
    pub rules: BTreeMap<RuleCode, RuleSettings>,
    pub lexicon: HouseLexicon,
}

impl HouseRules {
    /// Applies these rules over `settings` (the defaults); editor settings go on top after.
    pub fn apply_to(&self, settings: &mut Settings) {
        if let Some(date) = self.reference_date {
            settings.reference_date = Some(date);
            settings.reference_origin = match &self.path {
                Some(path) => SettingOrigin::house_rules(&path.display().to_string()),
                None => SettingOrigin::house_rules(FILE_NAMES[0]),
            };
        }
        if let Some(style) = self.date_style {
            settings.date_style = style;
        }
        if let Some(count) = self.figures_min_count {
            settings.figures_min_count = count;
        }
        for (code, choice) in &self.rules {
            settings.rules.entry(*code).or_default().overlay(choice);
        }
        settings.house = self.lexicon.clone();
    }
}

/// A mistake in a house rules file, at a byte range of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub span: Range<usize>,
    pub message: String,
}

impl Problem {
    /// `path:line:column: message`, lines and columns from 1 (columns in characters).
    pub fn render(&self, path: &Path, text: &str) -> String {
        let (line, column) = self.line_column(text);
        format!("{}:{line}:{column}: {}", path.display(), self.message)
    }

    /// 1-based line and column (in characters) of the problem in the file's `text`, counted as
    /// the document model counts them for drafts ([`crate::text::line_column`]).
    pub fn line_column(&self, text: &str) -> (usize, usize) {
        let (line, column) =
            crate::text::line_column(&ropey::Rope::from_str(text), self.span.start);
        (line as usize, column as usize)
    }
}

/// The top-level keys, and the keys of each table, that the file may hold. The parser accepts
/// exactly these and the schema describes exactly these (a test holds them together).
pub const TOP_KEYS: &[&str] = &[
    "referenceDate",
    "dates",
    "figures",
    "rules",
    "attribution",
    "sources",
    "names",
];
pub const DATES_KEYS: &[&str] = &["style", "names"];
pub const FIGURES_KEYS: &[&str] = &["minCount", "exemptions"];
pub const RULE_KEYS: &[&str] = &["enabled", "severity"];
pub const ATTRIBUTION_KEYS: &[&str] = &["verbs", "phrases", "vaguePhrases"];
pub const SOURCE_KEYS: &[&str] = &["name", "aliases"];
pub const NAMES_KEYS: &[&str] = &["spellings"];
