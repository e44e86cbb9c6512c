//! What the engine needs to know besides the text: which rules run, how loudly, and the dates.
//!
//! Settings are plain values. Reading them from editor JSON or the command line happens in the
//! LSP and CLI layers; the engine never reads files or clocks, so that every analysis is a pure
//! function of its inputs and tests are deterministic.

use std::collections::BTreeMap;

use jiff::civil::Date;

pub use super::calendar::DateStyle;
use super::finding::{RuleCode, Severity};

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
    /// Today's date, used (and marked as assumed) when nothing else gives a publication date.
    /// The caller reads the clock; the engine never does.
    pub today: Date,
    /// A bare count below this is an everyday number ("two people"), not a statistic.
    pub figures_min_count: u64,
    /// How fixes write dates.
    pub date_style: DateStyle,
    pub rules: BTreeMap<RuleCode, RuleSettings>,
}

impl Settings {
    pub fn new(today: Date) -> Settings {
        Settings {
            reference_date: None,
            today,
            figures_min_count: 10,
            date_style: DateStyle::default(),
            rules: BTreeMap::new(),
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
