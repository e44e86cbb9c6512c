//! The rule registry. Adding a rule means writing one file in this folder (doc comment, check
//! function, tests) and adding one line to [`REGISTRY`].

pub mod distant_attribution;
pub mod first_reference;
pub mod name_variant;
pub mod relative_date;
pub mod unattributed_quote;
pub mod unclosed_quote;
pub mod unexplained_suppression;
pub mod unsourced_figure;
pub mod unused_suppression;
pub mod vague_attribution;
pub mod weekday_date_mismatch;

use super::finding::{Finding, RuleCode, Severity};
use super::Context;

/// What the registry knows about a rule.
pub struct Rule {
    pub code: RuleCode,
    /// One line for `copydesk rules` and editor settings.
    pub summary: &'static str,
    pub default_severity: Severity,
    pub check: fn(&Context, &mut Vec<Finding>),
}

/// Every rule, in the order their findings are computed.
pub const REGISTRY: &[Rule] = &[
    unattributed_quote::RULE,
    relative_date::RULE,
    unsourced_figure::RULE,
    weekday_date_mismatch::RULE,
    unclosed_quote::RULE,
    distant_attribution::RULE,
    vague_attribution::RULE,
    unused_suppression::RULE,
    unexplained_suppression::RULE,
    name_variant::RULE,
    first_reference::RULE,
];

/// The full documentation of every rule: the `//!` comment that opens its file, read from the
/// file itself so that `copydesk explain` and the source never disagree.
const DOCS: &[(RuleCode, &str)] = &[
    (
        RuleCode::UnattributedQuote,
        include_str!("unattributed_quote.rs"),
    ),
    (RuleCode::RelativeDate, include_str!("relative_date.rs")),
    (
        RuleCode::UnsourcedFigure,
        include_str!("unsourced_figure.rs"),
    ),
    (
        RuleCode::WeekdayDateMismatch,
        include_str!("weekday_date_mismatch.rs"),
    ),
    (RuleCode::UnclosedQuote, include_str!("unclosed_quote.rs")),
    (
        RuleCode::DistantAttribution,
        include_str!("distant_attribution.rs"),
    ),
    (
        RuleCode::VagueAttribution,
        include_str!("vague_attribution.rs"),
    ),
    (
        RuleCode::UnusedSuppression,
        include_str!("unused_suppression.rs"),
    ),
    (
        RuleCode::UnexplainedSuppression,
        include_str!("unexplained_suppression.rs"),
    ),
    (RuleCode::NameVariant, include_str!("name_variant.rs")),
    (RuleCode::FirstReference, include_str!("first_reference.rs")),
];

impl Rule {
    /// The rule's documentation as Markdown: its file's leading `//!` lines without the markers.
    pub fn documentation(&self) -> String {
        let source = DOCS
            .iter()
            .find(|(code, _)| *code == self.code)
            .map_or("", |(_, source)| source);
        let mut lines = Vec::new();
        for line in source.lines() {
            let Some(rest) = line.strip_prefix("//!") else {
                break;
            };
            lines.push(rest.strip_prefix(' ').unwrap_or(rest));
        }
        lines.join("\n").trim().to_string() + "\n"
    }
}

pub fn rule(code: RuleCode) -> &'static Rule {
    REGISTRY
        .iter()
        .find(|rule| rule.code == code)
        .expect("every rule code has a registry entry")
}

/// Helpers for the rules' own tests: analyse a snippet with a fixed publication date and read
/// back the findings of one rule as the text they cover.
#[cfg(test)]
pub(crate) mod tests {
    use crate::analysis::{analyze, Format, RuleCode, Settings};

    pub fn settings() -> Settings {
        let mut settings = Settings::new(jiff::civil::date(2030, 1, 1));
        settings.reference_date = Some(jiff::civil::date(2022, 2, 28));
        settings
    }

    pub fn findings_of(rule: RuleCode, text: &str) -> Vec<String> {
        analyze(text, Format::PlainText, &settings())
            .findings
            .into_iter()
            .filter(|finding| finding.rule == rule)
            .map(|finding| text[finding.span].to_string())
            .collect()
    }

    /// The first finding of `rule` in `text`, which the test expects to exist.
    pub fn first_finding(rule: RuleCode, text: &str) -> crate::analysis::Finding {
        analyze(text, Format::PlainText, &settings())
            .findings
            .into_iter()
            .find(|finding| finding.rule == rule)
            .unwrap_or_else(|| panic!("no {rule} finding in {text:?}"))
    }

    /// The titles of the fixes of the first finding of `rule` in `text`.
    pub fn fix_titles(rule: RuleCode, text: &str) -> Vec<String> {
        first_finding(rule, text)
            .fixes
            .into_iter()
            .map(|fix| fix.title)
            .collect()
    }

    pub fn apply_first_fix(rule: RuleCode, text: &str) -> String {
        let analysis = analyze(text, Format::PlainText, &settings());
        let finding = analysis
            .findings
            .iter()
            .find(|finding| finding.rule == rule)
            .unwrap_or_else(|| panic!("no {rule} finding in {text:?}"));
        let fix = finding
            .fixes
            .first()
            .unwrap_or_else(|| panic!("no fix in {text:?}"));
        let mut edits = fix.edits.clone();
        edits.sort_by_key(|edit| std::cmp::Reverse(edit.range.start));
        let mut fixed = text.to_string();
        for edit in edits {
            fixed.replace_range(edit.range, &edit.replacement);
        }
        fixed
    }

    #[test]
    fn every_rule_has_documentation_that_opens_with_its_code() {
        for rule in super::REGISTRY {
            let docs = rule.documentation();
            assert!(
                docs.starts_with(&format!("# {}\n", rule.code)),
                "{}: {docs}",
                rule.code
            );
            for part in [
                "**What it flags:**",
                "**Why it matters:**",
                "**Example:**",
                "**Fix:**",
            ] {
                assert!(docs.contains(part), "{} lacks {part}", rule.code);
            }
        }
    }

    #[test]
    fn every_rule_code_has_exactly_one_registry_entry() {
        for code in RuleCode::ALL {
            let entries = super::REGISTRY
                .iter()
                .filter(|rule| rule.code == code)
                .count();
            assert_eq!(entries, 1, "{code}");
        }
    }
}
