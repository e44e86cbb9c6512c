//! What the engine needs to know besides the text: which rules run, how loudly, and the dates.
//!
//! Settings are plain values. Reading them from editor JSON or the command line happens in the
//! LSP and CLI layers; the engine never reads files or clocks, so that every analysis is a pure
//! function of its inputs and tests are deterministic.

use std::collections::BTreeMap;

use jiff::civil::Date;

pub use super::calendar::DateStyle;
use super::finding::{RuleCode, SettingOrigin, Severity};

/// A user's choice for one rule.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RuleSettings {
    /// `Some(false)` turns the rule off; `None` keeps the default (on).
    pub enabled: Option<bool>,
    /// Replaces the rule's default severity for every finding it makes.
    pub severity: Option<Severity>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// The publication date to use when the draft does not state one in its front matter.
    pub reference_date: Option<Date>,
    /// Where `reference_date` was set, named in every finding that resolves a date against it.
    pub reference_origin: SettingOrigin,
    /// Today's date, used (and marked as assumed) when nothing else gives a publication date.
    /// The caller reads the clock; the engine never does.
    pub today: Date,
    /// A bare count below this is an everyday number ("two people"), not a statistic.
    pub figures_min_count: u64,
    /// How fixes write dates.
    pub date_style: DateStyle,
    pub rules: BTreeMap<RuleCode, RuleSettings>,
    /// A desk's additions to the built-in word lists (from its `.copydesk.toml`).
    pub house: HouseLexicon,
}

/// Word lists a desk adds to the built-in lexicon. All matching is case-insensitive and word by
/// word; the lists are plain data, read from files by the callers, never by the engine.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HouseLexicon {
    /// Extra reporting verbs, each entry one verb with its forms ("fulminate fulminated").
    pub attribution_verbs: Vec<String>,
    /// Extra phrases that attribute what they stand next to ("per a filing by").
    pub attribution_phrases: Vec<String>,
    /// Sources the desk knows, with the other names it goes by.
    pub sources: Vec<KnownSource>,
    /// Extra phrases that attribute to nobody in particular ("people in the know").
    pub vague_phrases: Vec<String>,
    /// Patterns whose matches are not figures ("COVID-19", "Boeing \\d+").
    pub figure_exemptions: Vec<Pattern>,
    /// Names that contain a date word and are never dates ("Black Friday Sale").
    pub date_names: Vec<String>,
    /// The desk's spellings of names ("Volodymyr Zelenskyy", "Kyiv"): the only accepted
    /// spelling of each name's transliteration family.
    pub name_spellings: Vec<String>,
}

impl HouseLexicon {
    pub fn is_empty(&self) -> bool {
        self == &HouseLexicon::default()
    }
}

/// A source a desk names often: "Ukraine's Defence Ministry", also "the ministry".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KnownSource {
    pub name: String,
    pub aliases: Vec<String>,
}

/// A compiled regular expression, compared by its text.
#[derive(Clone, Debug)]
pub struct Pattern(pub regex::Regex);

impl Pattern {
    /// Compiles `pattern` case-insensitively.
    pub fn new(pattern: &str) -> Result<Pattern, String> {
        regex::RegexBuilder::new(pattern)
            .case_insensitive(true)
            .size_limit(1 << 20)
            .build()
            .map(Pattern)
            .map_err(|error| error.to_string())
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl PartialEq for Pattern {
    fn eq(&self, other: &Pattern) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Pattern {}

impl Settings {
    pub fn new(today: Date) -> Settings {
        Settings {
            reference_date: None,
            reference_origin: SettingOrigin::default(),
            today,
            figures_min_count: 10,
            date_style: DateStyle::default(),
            rules: BTreeMap::new(),
            house: HouseLexicon::default(),
        }
    }

    pub fn rule_enabled(&self, rule: RuleCode) -> bool {
        self.rules
            .get(&rule)
            .and_then(|choice| choice.enabled)
            .unwrap_or(true)
    }

    pub fn severity_override(&self, rule: RuleCode) -> Option<Severity> {
        self.rules.get(&rule).and_then(|choice| choice.severity)
    }
}
