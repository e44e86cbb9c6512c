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

use crate::analysis::finding::{Finding, RuleCode, Severity};
use crate::analysis::Context;

use super::Rule;

pub const RULE: Rule = Rule {
    code: RuleCode::UnexplainedSuppression,
    summary: "Suppression comment that does not say why (no reason after \" -- \").",
    default_severity: Severity::Information,
    check,
};

/// Made in `analysis::suppressions`, like `unused-suppression`'s findings.
fn check(_context: &Context, _findings: &mut Vec<Finding>) {}
