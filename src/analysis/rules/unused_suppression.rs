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
use crate::analysis::Context;

use super::Rule;

pub const RULE: Rule = Rule {
    code: RuleCode::UnusedSuppression,
    summary: "Suppression comment that silences no finding, or names an unknown rule.",
    default_severity: Severity::Warning,
    check,
};

/// Suppressions are matched against every other rule's findings after all rules have run, so
/// this rule's findings are made in `analysis::suppressions`, not here.
fn check(_context: &Context, _findings: &mut Vec<Finding>) {}
