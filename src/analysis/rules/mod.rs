//! The rule registry. Adding a rule means writing one file in this folder (doc comment, `RULE`
//! with its check, tests) and adding one line to the [`registry!`] call below: the line gives
//! the module, the [`RuleCode`] variant and the code users write, and everything else (`ALL`,
//! `as_str`, [`REGISTRY`], the documentation `copydesk explain` prints, SARIF help, the house
//! rules schema and the generated editor settings) follows from it.

use super::finding::{Finding, Severity};
use super::names::{Placed, QuotedSpeaker};
use super::settings::Settings;
use super::suppressions::Suppression;
use super::Context;

/// Declares every rule once: its module, its [`RuleCode`] variant and its code. The order is
/// the order in which findings are computed and the order of `RuleCode`'s comparisons, which
/// break ties between findings at the same place.
macro_rules! registry {
    ($($module:ident => $variant:ident = $code:literal,)*) => {
        $(pub mod $module;)*

        /// The stable code of a rule. Codes are part of the user interface (settings,
        /// suppressions, CI output) and never change once shipped.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RuleCode {
            $($variant,)*
        }

        impl RuleCode {
            pub const ALL: [RuleCode; [$($code),*].len()] = [$(RuleCode::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(RuleCode::$variant => $code,)*
                }
            }
        }

        /// Every rule, in the order their findings are computed.
        pub const REGISTRY: &[Rule] = &[$($module::RULE,)*];

        /// The full documentation of every rule: the `//!` comment that opens its file, read
        /// from the file itself so that `copydesk explain` and the source never disagree.
        const DOCS: &[(RuleCode, &str)] = &[
            $((RuleCode::$variant, include_str!(concat!(stringify!($module), ".rs"))),)*
        ];
    };
}

registry! {
    unattributed_quote => UnattributedQuote = "unattributed-quote",
    relative_date => RelativeDate = "relative-date",
    unsourced_figure => UnsourcedFigure = "unsourced-figure",
    weekday_date_mismatch => WeekdayDateMismatch = "weekday-date-mismatch",
    unclosed_quote => UnclosedQuote = "unclosed-quote",
    distant_attribution => DistantAttribution = "distant-attribution",
    vague_attribution => VagueAttribution = "vague-attribution",
    unused_suppression => UnusedSuppression = "unused-suppression",
    unexplained_suppression => UnexplainedSuppression = "unexplained-suppression",
    name_variant => NameVariant = "name-variant",
    first_reference => FirstReference = "first-reference",
}

/// What the registry knows about a rule.
pub struct Rule {
    pub code: RuleCode,
    /// One line for `copydesk rules` and editor settings.
    pub summary: &'static str,
    pub default_severity: Severity,
    pub check: Check,
}

/// When a rule runs and what it reads. Most rules read one segment of the draft at a time; a
/// few can only judge the whole draft, and run once every segment is read.
pub enum Check {
    /// Reads one segment as it is analysed.
    Segment(fn(&Context, &mut Vec<Finding>)),
    /// Reads the names of the whole draft, after every segment is read and before suppression
    /// comments are applied (so that a comment can silence these findings too).
    Names(fn(&DraftNames) -> Vec<Finding>),
    /// Reads one suppression comment of the draft after every other finding has been matched
    /// against the comments, so that it knows what the comment silenced.
    Suppression(fn(&str, &Suppression, &Settings, &mut Vec<Finding>)),
}

/// The whole draft's names, as the [`Check::Names`] rules read them: offsets are the draft's.
pub struct DraftNames<'a> {
    pub mentions: &'a [Placed<'a>],
    pub speakers: &'a [QuotedSpeaker<'a>],
    pub settings: &'a Settings,
}

/// Runs the [`Check::Suppression`] rules on every suppression comment of the draft, once
/// [`super::suppressions::apply`] has matched the draft's other findings against them.
pub(crate) fn report_suppressions(
    text: &str,
    suppressions: &[Suppression],
    settings: &Settings,
    findings: &mut Vec<Finding>,
) {
    for suppression in suppressions {
        for rule in REGISTRY {
            if let Check::Suppression(check) = rule.check {
                run(rule, settings, findings, |found| {
                    check(text, suppression, settings, found);
                });
            }
        }
    }
}

/// Runs one rule through `check` when the settings leave it on, and gives the findings it adds
/// the severity the settings choose for it. Every stage (segments, names, suppressions) runs
/// its rules through here, so this is the one place where a user's rule choices are applied.
pub(crate) fn run(
    rule: &Rule,
    settings: &Settings,
    findings: &mut Vec<Finding>,
    check: impl FnOnce(&mut Vec<Finding>),
) {
    if !settings.rule_enabled(rule.code) {
        return;
    }
    let first_new = findings.len();
    check(findings);
    if let Some(severity) = settings.severity_override(rule.code) {
        for finding in &mut findings[first_new..] {
            finding.severity = severity;
        }
    }
}

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

    /// A rule file that is not in the registry would never run; a rule the README's table does
    /// not list would be unknown to the people who read it.
    #[test]
    fn every_rule_file_is_registered_and_every_rule_is_in_the_readme() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files: Vec<String> = std::fs::read_dir(root.join("src/analysis/rules"))
            .expect("the rules folder is readable")
            .map(|entry| entry.expect("a readable entry").file_name())
            .filter_map(|name| name.to_str()?.strip_suffix(".rs").map(str::to_string))
            .filter(|name| name != "mod")
            .collect();
        files.sort();
        let mut registered: Vec<String> = super::REGISTRY
            .iter()
            .map(|rule| rule.code.as_str().replace('-', "_"))
            .collect();
        registered.sort();
        assert_eq!(files, registered);
        let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
        for rule in super::REGISTRY {
            let listed = readme
                .lines()
                .any(|line| line.starts_with("| `") && line.contains(&format!("`{}`", rule.code)));
            assert!(
                listed,
                "README.md's rule table has no row for {}",
                rule.code
            );
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
