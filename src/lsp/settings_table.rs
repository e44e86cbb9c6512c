//! Every setting the server reads, described once: `copydesk settings` prints this table, and
//! the editors' settings (VS Code's `contributes.configuration` and TypeScript defaults, the
//! Neovim help) are generated from it by `tests/it/editors.rs`, so they cannot drift from the
//! server again. A unit test below proves that [`ServerConfig::apply`] accepts every key listed
//! here with its default.

use serde_json::{json, Value};

use super::config::{DEFAULT_DEBOUNCE_MS, DEFAULT_MAX_FILE_BYTES};
use crate::analysis::rules::REGISTRY;
use crate::analysis::Settings;

/// What an editor's rule setting may be set to: on or off, or on at a severity.
pub const RULE_CHOICES: [&str; 6] = ["on", "off", "error", "warning", "information", "hint"];

/// One setting, as editors describe it.
pub struct Setting {
    /// The dotted key below `copydesk.` (`figures.minCount`).
    pub key: String,
    /// The JSON type editors offer: "string", "integer" or "boolean".
    pub kind: &'static str,
    /// What applies when nobody chose a value.
    pub default: Value,
    /// What the setting does, in Markdown and without naming an editor.
    pub description: String,
    /// Whether the house rules file (`.copydesk.toml`) may set it too. An editor must then send
    /// it only when its user set it, or the editor's default would override the desk's choice.
    pub house_rules: bool,
    /// Further JSON Schema keywords (`enum`, `minimum`, `pattern`...) for editors that validate.
    pub schema: Value,
}

impl Setting {
    pub fn to_json(&self) -> Value {
        json!({
            "key": self.key,
            "type": self.kind,
            "default": self.default,
            "description": self.description,
            "houseRules": self.house_rules,
            "schema": self.schema,
        })
    }
}

/// Every setting the server reads, in the order editors show them, with one `rules.<code>`
/// setting per rule of the registry.
pub fn settings() -> Vec<Setting> {
    let defaults = Settings::new(jiff::civil::date(2000, 1, 1));
    let mut settings = vec![
        Setting {
            key: "referenceDate".to_string(),
            kind: "string",
            default: json!(""),
            description: "Publication date (`YYYY-MM-DD`) for drafts without one in their front matter (`date:`, `published:`, `publishDate:` or `pubDate:`). When empty, today's date is assumed and every date finding says so.".to_string(),
            house_rules: true,
            schema: json!({
                "pattern": "^(\\d{4}-\\d{2}-\\d{2})?$",
                "patternErrorMessage": "A date like 2022-02-28, or empty.",
            }),
        },
        Setting {
            key: "dates.style".to_string(),
            kind: "string",
            default: json!("ap"),
            description: "How the quick fixes for relative dates write the absolute date.".to_string(),
            house_rules: true,
            schema: json!({
                "enum": ["ap", "iso", "long"],
                "enumDescriptions": [
                    "AP style: Feb. 24, with the year only when it is not the publication year.",
                    "ISO 8601: 2022-02-24.",
                    "Day first, month written out, year always: 24 February 2022.",
                ],
            }),
        },
        Setting {
            key: "dates.inlayHints".to_string(),
            kind: "boolean",
            default: json!(true),
            description: "Show the absolute date next to each relative date (\"on Monday\" [Feb. 28]) as an inlay hint. The editor's own inlay hints must be on too (VS Code: `editor.inlayHints.enabled`; Neovim 0.10+: `vim.lsp.inlay_hint.enable()`).".to_string(),
            house_rules: false,
            schema: json!({}),
        },
        Setting {
            key: "debounceMs".to_string(),
            kind: "integer",
            default: json!(DEFAULT_DEBOUNCE_MS),
            description: "How long to wait after the last keystroke before checking the draft again, in milliseconds.".to_string(),
            house_rules: false,
            schema: json!({ "minimum": 0, "maximum": 10000 }),
        },
        Setting {
            key: "maxFileBytes".to_string(),
            kind: "integer",
            default: json!(DEFAULT_MAX_FILE_BYTES),
            description: "Drafts larger than this many bytes are not checked; an information message says so.".to_string(),
            house_rules: false,
            schema: json!({ "minimum": 0 }),
        },
        Setting {
            key: "figures.minCount".to_string(),
            kind: "integer",
            default: json!(defaults.figures_min_count),
            description: "A count of things below this number (\"two people\") is not treated as a figure that needs a source; a bare number needs 100. Left unset, a `.copydesk.toml` may set it.".to_string(),
            house_rules: true,
            schema: json!({ "minimum": 0 }),
        },
    ];
    for rule in REGISTRY {
        let severity = rule.default_severity.as_str();
        settings.push(Setting {
            key: format!("rules.{}", rule.code),
            kind: "string",
            default: json!("on"),
            description: format!(
                "{} `copydesk explain {}` tells more.",
                rule.summary, rule.code
            ),
            house_rules: true,
            schema: json!({
                "enum": RULE_CHOICES,
                "enumDescriptions": [
                    format!("On, with the rule's own severity ({severity})."),
                    "Off.",
                    "On, reported as errors.",
                    "On, reported as warnings.",
                    "On, reported as information.",
                    "On, reported as hints.",
                ],
            }),
        });
    }
    settings
}

/// `copydesk rules --format json`: every rule with its code, default severity, summary and
/// full documentation.
pub fn rules_json() -> Value {
    Value::Array(
        REGISTRY
            .iter()
            .map(|rule| {
                json!({
                    "code": rule.code.as_str(),
                    "defaultSeverity": rule.default_severity.as_str(),
                    "summary": rule.summary,
                    "documentation": rule.documentation(),
                })
            })
            .collect(),
    )
}

/// `copydesk settings --format json`: [`settings`] as JSON.
pub fn settings_json() -> Value {
    Value::Array(settings().iter().map(Setting::to_json).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lsp::config::ServerConfig;

    /// Nests a dotted key's value the way editors send it (`{"figures": {"minCount": 10}}`).
    fn nested(key: &str, value: Value) -> Value {
        key.rsplit('.')
            .fold(value, |inner, part| json!({ part: inner }))
    }

    #[test]
    fn the_server_accepts_every_listed_setting_at_its_default() {
        for setting in settings() {
            let mut config = ServerConfig::default();
            let problems = config.apply(&nested(&setting.key, setting.default.clone()));
            assert!(problems.is_empty(), "{}: {problems:?}", setting.key);
        }
    }

    #[test]
    fn the_listed_date_style_default_is_the_engines() {
        use crate::analysis::settings::DateStyle;
        assert_eq!(DateStyle::from_name("ap"), Some(DateStyle::default()));
    }

    #[test]
    fn every_rule_has_a_setting() {
        let keys: Vec<String> = settings().into_iter().map(|setting| setting.key).collect();
        for rule in REGISTRY {
            assert!(
                keys.contains(&format!("rules.{}", rule.code)),
                "{}",
                rule.code
            );
        }
    }

    #[test]
    fn an_unknown_key_is_reported_so_the_table_test_can_fail() {
        let mut config = ServerConfig::default();
        assert!(!config.apply(&json!({ "figures": 1, "nope": 2 })).is_empty());
    }
}
