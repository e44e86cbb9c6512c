//! # unused-suppression
//!
//! **What it flags:** a `copydesk-disable...` comment that silences nothing: no finding of the
//! rules it names stands where it applies (the next line, its region or the whole file), a rule
//! code it names does not exist, or a `copydesk-enable` has nothing disabled to turn back on.
//!
//! **Why it matters:** a suppression is an editor's signature that a finding was checked. One
//! left behind after the text changed signs off on nothing, and it would silently hide the next
//! finding that appears on its line, which nobody has checked.
//!
//! **Example:** `<!-- copydesk-disable-next-line unsourced-figure -- from the ministry's PDF -->`
//! above a line whose figure was since cut.
//!
//! **Fix:** remove the comment, or correct the rule code it names. A suppression of a rule that
//! is turned off in the settings is not reported.

use crate::analysis::finding::{Finding, RuleCode, Severity};
use crate::analysis::settings::Settings;
use crate::analysis::suppressions::{finding_on, removal, Suppression, SuppressionKind};

use super::{Check, Rule};

pub const RULE: Rule = Rule {
    code: RuleCode::UnusedSuppression,
    summary: "Suppression comment that silences no finding, or names an unknown rule.",
    default_severity: Severity::Warning,
    check: Check::Suppression(check),
};

/// Reads one suppression comment after every other finding has been matched against the
/// draft's comments, so that `suppression.suppressed` counts what it silenced.
fn check(text: &str, suppression: &Suppression, settings: &Settings, findings: &mut Vec<Finding>) {
    let keyword = suppression.kind.keyword();
    for unknown in &suppression.unknown_codes {
        findings.push(finding_on(
            suppression,
            RULE.code,
            RULE.default_severity,
            format!("Unknown rule “{unknown}” in {keyword}"),
            vec![format!(
                "Known rules: {}.",
                RuleCode::ALL
                    .iter()
                    .map(|code| code.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )],
            Vec::new(),
        ));
    }
    if suppression.kind == SuppressionKind::Enable {
        if suppression.suppressed == 0 {
            findings.push(finding_on(
                suppression,
                RULE.code,
                RULE.default_severity,
                format!(
                    "Unused {keyword}: {} not disabled above it",
                    suppression.describe_codes()
                ),
                vec![
                    "A copydesk-enable ends a copydesk-disable region; none is open here."
                        .to_string(),
                ],
                vec![removal(text, suppression)],
            ));
        }
        return;
    }
    // A suppression of rules that are all turned off cannot silence anything; that is the
    // settings' doing, not the draft's.
    let all_off = !suppression.codes.is_empty()
        && suppression.unknown_codes.is_empty()
        && suppression
            .codes
            .iter()
            .all(|code| !settings.rule_enabled(*code));
    let only_unknown = suppression.codes.is_empty() && !suppression.unknown_codes.is_empty();
    if suppression.suppressed == 0 && !all_off && !only_unknown {
        let place = match suppression.kind {
            SuppressionKind::NextLine => "on the next line",
            SuppressionKind::File => "in this file",
            _ => "in its region",
        };
        findings.push(finding_on(
            suppression,
            RULE.code,
            RULE.default_severity,
            format!(
                "Unused suppression: no {} finding {place}",
                suppression.describe_codes()
            ),
            vec![
                "A suppression that silences nothing would hide the next finding here unchecked."
                    .to_string(),
            ],
            vec![removal(text, suppression)],
        ));
    }
}
