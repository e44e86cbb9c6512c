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

impl RuleSettings {
    /// Lays `choice` over these settings: what `choice` says wins, what it leaves unsaid stays.
    /// The one merge of rule choices, used for the house rules file over the defaults and for the
    /// editor's choices over the house rules.
    pub fn overlay(&mut self, choice: &RuleSettings) {
        if choice.enabled.is_some() {
            self.enabled = choice.enabled;
        }
        if choice.severity.is_some() {
            self.severity = choice.severity;
        }
    }
}

/// A rule choice written as one word or a boolean, as the house rules file and the editors'
/// settings both allow: `true`, `false`, `"on"`, `"off"` or a severity name. Each reader keeps its
/// own table form (`{ enabled, severity }`) and error messages; this is the one parser of the
/// short form and of what each short form does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleChoice {
    /// `true`, `false` or `"on"`: the rule on or off at its default severity.
    Enabled(bool),
    /// `"off"`: the rule off. A severity chosen before is kept, so that an editor switching the
    /// rule off and then on again by `{ "enabled": true }` gets it back as it was.
    Off,
    /// A severity name: the rule on at that severity.
    Severity(Severity),
}

impl RuleChoice {
    /// Reads a word: `"on"`, `"off"` or a severity name (`Severity::from_name`); `None` for any
    /// other word.
    pub fn from_word(word: &str) -> Option<RuleChoice> {
        match word {
            "on" => Some(RuleChoice::Enabled(true)),
            "off" => Some(RuleChoice::Off),
            name => Severity::from_name(name).map(RuleChoice::Severity),
        }
    }

    /// Applies the choice to a rule's settings. The house rules file applies it to empty
    /// settings, where `"off"` and `false` come to the same; the server applies each editor
    /// choice to the editor's earlier one, where they differ on purpose: `false` (like `true`
    /// and `"on"`) returns the rule to its default severity, `"off"` keeps the severity chosen.
    pub fn apply(self, settings: &mut RuleSettings) {
        match self {
            RuleChoice::Enabled(enabled) => {
                settings.enabled = Some(enabled);
                settings.severity = None;
            }
            RuleChoice::Off => settings.enabled = Some(false),
            RuleChoice::Severity(severity) => {
                settings.enabled = Some(true);
                settings.severity = Some(severity);
            }
        }
    }

    /// The settings this choice gives on its own, as the house rules file holds it.
    pub fn settings(self) -> RuleSettings {
        let mut settings = RuleSettings::default();
        self.apply(&mut settings);
        settings
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_short_rule_choice_is_read() {
        assert_eq!(RuleChoice::from_word("on"), Some(RuleChoice::Enabled(true)));
        assert_eq!(RuleChoice::from_word("off"), Some(RuleChoice::Off));
        assert_eq!(
            RuleChoice::from_word("error"),
            Some(RuleChoice::Severity(Severity::Error))
        );
        assert_eq!(RuleChoice::from_word("maybe"), None);
    }

    #[test]
    fn off_and_false_differ_only_over_an_earlier_severity() {
        let off = RuleSettings {
            enabled: Some(false),
            severity: None,
        };
        // From nothing (a house rules file), the two are the same choice.
        assert_eq!(RuleChoice::Off.settings(), off);
        assert_eq!(RuleChoice::Enabled(false).settings(), off);
        // Over an earlier severity (an editor's settings), "off" keeps it and false drops it.
        let earlier = RuleChoice::Severity(Severity::Error).settings();
        let mut after_off = earlier;
        RuleChoice::Off.apply(&mut after_off);
        assert_eq!(after_off.severity, Some(Severity::Error));
        assert_eq!(after_off.enabled, Some(false));
        let mut after_false = earlier;
        RuleChoice::Enabled(false).apply(&mut after_false);
        assert_eq!(after_false, off);
    }

    #[test]
    fn an_overlay_changes_only_what_the_choice_says() {
        let mut house = RuleSettings {
            enabled: Some(false),
            severity: Some(Severity::Hint),
        };
        house.overlay(&RuleSettings {
            enabled: Some(true),
            severity: None,
        });
        assert_eq!(
            house,
            RuleSettings {
                enabled: Some(true),
                severity: Some(Severity::Hint),
            }
        );
        house.overlay(&RuleSettings::default());
        assert_eq!(house.severity, Some(Severity::Hint));
    }
}
