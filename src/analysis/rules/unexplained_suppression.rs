//! # unexplained-suppression
//!
//! **What it flags:** a suppression comment with no reason after ` -- `:
//! `<!-- copydesk-disable-next-line unsourced-figure -->`.
//!
//! **Why it matters:** a suppression is the audit trail of a fact-check. "Checked" says nothing;
//! "figure from the ministry's PDF of March 3, page 4" lets an editor sign off on it and a later
//! reader verify it. `copydesk check --list-suppressions` prints every reason.
//!
//! **Example:** `<!-- copydesk-disable relative-date -->` with nothing after the rule code.
//!
//! **Fix:** add why after two hyphens:
//! `<!-- copydesk-disable-next-line unsourced-figure -- figure from the ministry's PDF -->`.
//! The suppression works either way; this is information, not a warning.

use crate::analysis::finding::{Edit, Finding, Fix, RuleCode, Severity};
use crate::analysis::settings::Settings;
use crate::analysis::suppressions::{finding_on, Suppression, SuppressionKind};

use super::{Check, Rule};

pub const RULE: Rule = Rule {
    code: RuleCode::UnexplainedSuppression,
    summary: "Suppression comment that does not say why (no reason after \" -- \").",
    default_severity: Severity::Information,
    check: Check::Suppression(check),
};

/// Reads one suppression comment of the draft. A `copydesk-enable` only ends a region, so it
/// needs no reason of its own.
fn check(
    _text: &str,
    suppression: &Suppression,
    _settings: &Settings,
    findings: &mut Vec<Finding>,
) {
    if suppression.kind == SuppressionKind::Enable || suppression.reason.is_some() {
        return;
    }
    let keyword = suppression.kind.keyword();
    findings.push(finding_on(
        suppression,
        RULE.code,
        RULE.default_severity,
        format!("Suppression without a reason: add why after “--” ({keyword})"),
        vec!["The reason is the audit trail: what was checked, and where.".to_string()],
        vec![Fix {
            title: "Add a reason".to_string(),
            edits: vec![Edit::insert(suppression.reason_at, " -- [REASON]")],
        }],
    ));
}
