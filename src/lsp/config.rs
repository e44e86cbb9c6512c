//! The server's settings as editors send them: camelCase JSON, first as `initializationOptions`
//! and later in `workspace/didChangeConfiguration` as `{"copydesk": {...}}`.
//!
//! Reading is forgiving: a wrong value for one key is reported and ignored, and every other key
//! still applies, so one typo in an editor's settings never turns the checker off.

use std::time::Duration;

use serde_json::Value;

use crate::analysis::settings::{DateStyle, RuleChoice};
use crate::analysis::{RuleCode, Settings, Severity};
use crate::clock::today;
use crate::house_rules::HouseRules;

pub const DEFAULT_DEBOUNCE_MS: u64 = 150;
/// The longest debounce: a longer one would leave a writer without findings for minutes.
pub const MAX_DEBOUNCE_MS: u64 = 10_000;
pub const DEFAULT_MAX_FILE_BYTES: usize = crate::limits::DEFAULT_MAX_FILE_BYTES;

#[derive(Clone, Debug)]
pub struct ServerConfig {
    /// Analysis settings; `today` is refreshed from the clock before every analysis.
    pub analysis: Settings,
    pub debounce: Duration,
    /// Drafts larger than this are not analysed; one information diagnostic says so.
    pub max_file_bytes: usize,
    /// Whether relative dates get an inlay hint with their absolute date.
    pub inlay_hints: bool,
    /// The analysis settings the editor set itself, which override the house rules file.
    /// (Rule choices are the entries of `analysis.rules`: the editor is their only writer.)
    pub editor: EditorChoices,
}

/// Analysis settings an editor has set, as opposed to defaults: `null` clears a choice.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EditorChoices {
    pub reference_date: Option<jiff::civil::Date>,
    pub figures_min_count: Option<u64>,
    pub date_style: Option<DateStyle>,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            analysis: Settings::new(today()),
            debounce: Duration::from_millis(DEFAULT_DEBOUNCE_MS),
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            inlay_hints: true,
            editor: EditorChoices::default(),
        }
    }
}

/// Takes the copydesk section out of a settings object: `{"copydesk": {...}}` or the section
/// itself (as `initializationOptions` carries it).
pub fn copydesk_section(value: &Value) -> Option<&Value> {
    match value {
        Value::Object(map) => Some(map.get("copydesk").unwrap_or(value)),
        _ => None,
    }
}

impl ServerConfig {
    /// The analysis settings for a draft: the defaults, then the house rules file's, then every
    /// choice the editor made. An editor's rule choice overrides only what it says: `"on"`
    /// keeps the severity the house rules give.
    pub fn effective(&self, house: Option<&HouseRules>) -> Settings {
        let mut settings = Settings::new(self.analysis.today);
        if let Some(house) = house {
            house.apply_to(&mut settings);
        }
        if let Some(date) = self.editor.reference_date {
            settings.reference_date = Some(date);
            settings.reference_origin = crate::analysis::SettingOrigin::EditorSetting;
        }
        if let Some(count) = self.editor.figures_min_count {
            settings.figures_min_count = count;
        }
        if let Some(style) = self.editor.date_style {
            settings.date_style = style;
        }
        for (code, choice) in &self.analysis.rules {
            settings.rules.entry(*code).or_default().overlay(choice);
        }
        settings
    }

    /// Applies the keys present in `section`; returns one message per key it could not use.
    pub fn apply(&mut self, section: &Value) -> Vec<String> {
        let mut problems = Vec::new();
        let Value::Object(map) = section else {
            // Neovim encodes an empty Lua table as `[]`: it means "no settings".
            let empty = section.is_null() || section.as_array().is_some_and(Vec::is_empty);
            if !empty {
                problems.push(format!("settings must be an object, not {section}"));
            }
            return problems;
        };
        for (key, value) in map {
            match key.as_str() {
                "debounceMs" => match value.as_u64() {
                    Some(millis) if millis > MAX_DEBOUNCE_MS => {
                        // Used at its cap, so that the draft is still checked, and said so.
                        self.debounce = Duration::from_millis(MAX_DEBOUNCE_MS);
                        problems.push(format!(
                            "debounceMs is at most {MAX_DEBOUNCE_MS} (ten seconds); {millis} was \
                             read as {MAX_DEBOUNCE_MS}"
                        ));
                    }
                    Some(millis) => self.debounce = Duration::from_millis(millis),
                    None => problems.push(format!(
                        "debounceMs must be a whole number of milliseconds, not {value}"
                    )),
                },
                "maxFileBytes" => match value.as_u64() {
                    Some(bytes) => self.max_file_bytes = bytes as usize,
                    None => {
                        problems.push(format!("maxFileBytes must be a whole number, not {value}"))
                    }
                },
                "referenceDate" => match value {
                    Value::Null => {
                        self.analysis.reference_date = None;
                        self.editor.reference_date = None;
                    }
                    Value::String(text) if text.trim().is_empty() => {
                        self.analysis.reference_date = None;
                        self.editor.reference_date = None;
                    }
                    Value::String(text) => match text.trim().parse() {
                        Ok(date) => {
                            self.analysis.reference_date = Some(date);
                            self.editor.reference_date = Some(date);
                        }
                        Err(_) => problems.push(format!(
                            "referenceDate must be a date like 2022-02-28, not {text:?}"
                        )),
                    },
                    other => problems.push(format!(
                        "referenceDate must be a date like 2022-02-28, not {other}"
                    )),
                },
                "figures" => {
                    let Value::Object(fields) = value else {
                        problems.push(format!(
                            "figures must be an object such as {{\"minCount\": 10}}, not {value}"
                        ));
                        continue;
                    };
                    for key in fields.keys().filter(|key| key.as_str() != "minCount") {
                        problems.push(format!("unknown setting copydesk.figures.{key}"));
                    }
                    if let Some(min_count) = value.get("minCount") {
                        match min_count.as_u64() {
                            // null: no choice of the editor's; the house rules or the default apply.
                            None if min_count.is_null() => {
                                self.analysis.figures_min_count =
                                    Settings::new(self.analysis.today).figures_min_count;
                                self.editor.figures_min_count = None;
                            }
                            Some(count) => {
                                self.analysis.figures_min_count = count;
                                self.editor.figures_min_count = Some(count);
                            }
                            None => problems.push(format!(
                                "figures.minCount must be a whole number, not {min_count}"
                            )),
                        }
                    }
                }
                "rules" => self.apply_rules(value, &mut problems),
                "dates" => self.apply_dates(value, &mut problems),
                // Settings that belong to editor extensions (their own trace level, the server
                // path) arrive in the same section and are not the server's business.
                "trace" | "server" | "path" => {}
                other => problems.push(format!("unknown setting copydesk.{other}")),
            }
        }
        problems
    }

    fn apply_dates(&mut self, value: &Value, problems: &mut Vec<String>) {
        let Value::Object(fields) = value else {
            problems.push(format!("dates must be an object, not {value}"));
            return;
        };
        for (key, field) in fields {
            match key.as_str() {
                "style" if field.is_null() => {
                    self.analysis.date_style = DateStyle::default();
                    self.editor.date_style = None;
                }
                "style" => match field.as_str().and_then(DateStyle::from_name) {
                    Some(style) => {
                        self.analysis.date_style = style;
                        self.editor.date_style = Some(style);
                    }
                    None => problems.push(format!(
                        "dates.style must be \"ap\", \"iso\" or \"long\", not {field}"
                    )),
                },
                "inlayHints" => match field.as_bool() {
                    Some(enabled) => self.inlay_hints = enabled,
                    None => problems.push(format!(
                        "dates.inlayHints must be true or false, not {field}"
                    )),
                },
                other => problems.push(format!("unknown setting copydesk.dates.{other}")),
            }
        }
    }

    fn apply_rules(&mut self, value: &Value, problems: &mut Vec<String>) {
        let Value::Object(rules) = value else {
            problems.push(format!(
                "rules must be an object keyed by rule code, not {value}"
            ));
            return;
        };
        for (code, choice) in rules {
            let Some(rule) = RuleCode::from_code(code) else {
                problems.push(format!("unknown rule {code:?} in copydesk.rules"));
                continue;
            };
            if choice.is_null() {
                // No choice of the editor's (an editor sends null when its user clears the
                // setting): the house rules file, else the rule's default, decides.
                self.analysis.rules.remove(&rule);
                continue;
            }
            let entry = self.analysis.rules.entry(rule).or_default();
            match choice {
                // A plain on/off choice also returns the rule to its default severity, so that
                // switching a rule back "on" in an editor undoes an earlier severity choice;
                // "off" keeps it (see `RuleChoice::apply`).
                Value::Bool(enabled) => RuleChoice::Enabled(*enabled).apply(entry),
                Value::String(text) => match RuleChoice::from_word(text) {
                    Some(short) => short.apply(entry),
                    None => problems.push(format!(
                        "rules.{code} must be true, false, \"on\", \"off\" or a severity, not {text:?}"
                    )),
                },
                Value::Object(fields) => {
                    if let Some(enabled) = fields.get("enabled") {
                        match enabled.as_bool() {
                            Some(enabled) => entry.enabled = Some(enabled),
                            None => {
                                problems.push(format!("rules.{code}.enabled must be true or false"))
                            }
                        }
                    }
                    if let Some(severity) = fields.get("severity") {
                        match severity.as_str().and_then(Severity::from_name) {
                            _ if severity.is_null() || severity == "default" => entry.severity = None,
                            Some(severity) => entry.severity = Some(severity),
                            None => problems.push(format!(
                                "rules.{code}.severity must be error, warning, information or hint, not {severity}"
                            )),
                        }
                    }
                }
                other => problems.push(format!("rules.{code} must be an object, not {other}")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_null_rule_choice_hands_the_rule_back_to_the_house_rules() {
        let mut config = ServerConfig::default();
        let mut house = HouseRules::default();
        house.rules.insert(
            RuleCode::RelativeDate,
            crate::analysis::RuleSettings {
                enabled: Some(false),
                severity: None,
            },
        );
        assert!(config
            .apply(&json!({"rules": {"relative-date": true}}))
            .is_empty());
        assert!(config
            .effective(Some(&house))
            .rule_enabled(RuleCode::RelativeDate));
        assert!(config
            .apply(&json!({"rules": {"relative-date": null}}))
            .is_empty());
        assert!(!config
            .effective(Some(&house))
            .rule_enabled(RuleCode::RelativeDate));
        assert!(config.analysis.rules.is_empty());
    }

    #[test]
    fn applies_known_keys_and_reports_the_rest() {
        let mut config = ServerConfig::default();
        let problems = config.apply(&json!({
            "debounceMs": 0,
            "referenceDate": "2022-02-28",
            "figures": {"minCount": 50},
            "rules": {"unsourced-figure": {"severity": "info"}, "relative-date": false, "nope": true},
            "colour": "red",
        }));
        assert_eq!(config.debounce, Duration::ZERO);
        assert_eq!(
            config.analysis.reference_date,
            Some(jiff::civil::date(2022, 2, 28))
        );
        assert_eq!(config.analysis.figures_min_count, 50);
        assert!(!config.analysis.rule_enabled(RuleCode::RelativeDate));
        assert_eq!(
            config.analysis.severity_override(RuleCode::UnsourcedFigure),
            Some(Severity::Information)
        );
        assert_eq!(
            problems,
            vec![
                "unknown setting copydesk.colour".to_string(),
                "unknown rule \"nope\" in copydesk.rules".to_string()
            ]
        );
    }

    #[test]
    fn a_bad_value_keeps_the_previous_one() {
        let mut config = ServerConfig::default();
        config.apply(&json!({"referenceDate": "2022-02-28"}));
        let problems = config.apply(&json!({"referenceDate": "last week", "debounceMs": "fast"}));
        assert_eq!(problems.len(), 2);
        assert_eq!(
            config.analysis.reference_date,
            Some(jiff::civil::date(2022, 2, 28))
        );
        assert_eq!(config.debounce, Duration::from_millis(DEFAULT_DEBOUNCE_MS));
    }

    #[test]
    fn switching_a_rule_back_on_restores_its_default_severity() {
        let mut config = ServerConfig::default();
        config.apply(&json!({"rules": {"unsourced-figure": "hint"}}));
        assert_eq!(
            config.analysis.severity_override(RuleCode::UnsourcedFigure),
            Some(Severity::Hint)
        );
        for back_on in [json!("on"), json!(true), json!({"severity": null})] {
            config.apply(&json!({"rules": {"unsourced-figure": "hint"}}));
            let problems = config.apply(&json!({"rules": {"unsourced-figure": back_on}}));
            assert!(problems.is_empty(), "{problems:?}");
            assert_eq!(
                config.analysis.severity_override(RuleCode::UnsourcedFigure),
                None
            );
            assert!(config.analysis.rule_enabled(RuleCode::UnsourcedFigure));
        }
    }

    #[test]
    fn an_editor_off_keeps_its_severity_and_false_drops_it() {
        // The house rules file reads "off" and false alike; over an editor's earlier severity
        // they differ on purpose, and this holds the difference.
        let mut config = ServerConfig::default();
        config.apply(&json!({"rules": {"unsourced-figure": "hint"}}));
        config.apply(&json!({"rules": {"unsourced-figure": "off"}}));
        assert!(!config.analysis.rule_enabled(RuleCode::UnsourcedFigure));
        config.apply(&json!({"rules": {"unsourced-figure": {"enabled": true}}}));
        assert!(config.analysis.rule_enabled(RuleCode::UnsourcedFigure));
        assert_eq!(
            config.analysis.severity_override(RuleCode::UnsourcedFigure),
            Some(Severity::Hint)
        );
        config.apply(&json!({"rules": {"unsourced-figure": false}}));
        config.apply(&json!({"rules": {"unsourced-figure": {"enabled": true}}}));
        assert_eq!(
            config.analysis.severity_override(RuleCode::UnsourcedFigure),
            None
        );
    }

    #[test]
    fn an_empty_list_is_no_settings() {
        let mut config = ServerConfig::default();
        assert!(config.apply(&json!([])).is_empty());
        assert_eq!(config.apply(&json!([1])).len(), 1);
    }

    #[test]
    fn section_is_found_with_or_without_the_wrapper() {
        let wrapped = json!({"copydesk": {"debounceMs": 5}});
        let bare = json!({"debounceMs": 5});
        assert_eq!(copydesk_section(&wrapped), Some(&bare));
        assert_eq!(copydesk_section(&bare), Some(&bare));
    }
}
