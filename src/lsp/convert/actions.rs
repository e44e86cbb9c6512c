//! Quick fixes for the findings under the cursor, suppression comments, and "fix all relative
//! dates" on save.

use super::*;
use crate::analysis::suppressions;

/// Marks a code action whose edits hold a snippet (`${1:reason}`); see `lsp::snippet_edits`.
pub const SNIPPET_MARKER: &str = "copydesk/snippet";

/// "Mark as checked (add reason)" and "Disable <rule> in this file" for `finding`, written by
/// [`suppressions::comment_edits`] from the lines the rope holds, with a placeholder for the
/// reason (a snippet tab stop when the client takes snippet edits, else `[REASON]`).
fn suppression_edits(
    snapshot: &Snapshot,
    finding: &Finding,
    snippets: bool,
) -> Vec<(String, crate::analysis::Edit)> {
    let rope = &snapshot.rope;
    let start = finding.span.start.min(rope.len_bytes());
    let line = rope.byte_to_line(start);
    let line_text = rope.line(line).to_string();
    let previous = (line > 0).then(|| rope.line(line - 1).to_string());
    let end = rope.len_bytes();
    let site = suppressions::CommentSite {
        line_start: rope.line_to_byte(line),
        line: &line_text,
        previous: previous.as_deref(),
        draft_len: end,
        ends_with_newline: end == 0 || matches!(rope.byte(end - 1), b'\n' | b'\r'),
    };
    let reason = if snippets { "${1:reason}" } else { "[REASON]" };
    suppressions::comment_edits(&site, snapshot.format, finding.rule, reason)
}

/// The kind of the "fix all relative dates" action, under `source.fixAll` so that editors can
/// run it on save.
pub const FIX_ALL_DATES: &str = "source.fixAll.copydesk";

/// Whether a client's `only` filter lets actions of `kind` through (a filter entry admits its
/// own kind and every kind below it: `source` admits `source.fixAll.copydesk`).
fn admitted(only: Option<&[CodeActionKind]>, kind: &str) -> bool {
    only.is_none_or(|kinds| {
        kinds.iter().any(|wanted| {
            let wanted = wanted.as_str();
            wanted.is_empty() || kind == wanted || kind.starts_with(&format!("{wanted}."))
        })
    })
}

fn text_edits(
    snapshot: &Snapshot,
    edits: &[crate::analysis::Edit],
    encoding: PositionEncoding,
) -> Vec<TextEdit> {
    edits
        .iter()
        .map(|edit| TextEdit {
            range: range(snapshot, &edit.range, encoding),
            new_text: edit.replacement.clone(),
        })
        .collect()
}

/// Quick fixes of the findings that touch `requested`, and "Fix all relative dates in this file".
pub fn code_actions(
    snapshot: &Snapshot,
    uri: &Url,
    requested: Range,
    only: Option<&[CodeActionKind]>,
    encoding: PositionEncoding,
    snippets: bool,
) -> Vec<CodeActionOrCommand> {
    let start = offset(snapshot, requested.start, encoding);
    let end = offset(snapshot, requested.end, encoding).max(start);
    let mut actions = Vec::new();
    let mut touches_a_date = false;
    for finding in findings(snapshot) {
        let touches = finding.span.start <= end && start <= finding.span.end;
        if !touches {
            continue;
        }
        touches_a_date |= finding.rule == RuleCode::RelativeDate;
        if !admitted(only, CodeActionKind::QUICKFIX.as_str()) {
            continue;
        }
        // The whole draft's findings count from its start.
        let diagnostic = diagnostic(
            snapshot,
            finding,
            |_| 0,
            Target {
                uri,
                encoding,
                related_information: false,
            },
        );
        for (index, fix) in finding.fixes.iter().enumerate() {
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: fix.title.clone(),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic.clone()]),
                edit: Some(WorkspaceEdit {
                    changes: Some(HashMap::from([(
                        uri.clone(),
                        text_edits(snapshot, &fix.edits, encoding),
                    )])),
                    ..WorkspaceEdit::default()
                }),
                is_preferred: Some(index == 0),
                ..CodeAction::default()
            }));
        }
        if !finding.rule.is_about_suppressions() {
            for (title, edit) in suppression_edits(snapshot, finding, snippets) {
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title,
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic.clone()]),
                    edit: Some(WorkspaceEdit {
                        changes: Some(HashMap::from([(
                            uri.clone(),
                            text_edits(snapshot, &[edit], encoding),
                        )])),
                        ..WorkspaceEdit::default()
                    }),
                    // The framing layer turns these edits into snippet edits for the client.
                    data: snippets.then(|| json!({ SNIPPET_MARKER: true })),
                    ..CodeAction::default()
                }));
            }
        }
    }
    // Offered beside a date's own fixes, or whenever the client asks for fix-all actions.
    let asked_for_fix_all = only.is_some() && admitted(only, FIX_ALL_DATES);
    // Not while the publication date is assumed: rewriting every date against today's would
    // write wrong dates for any story that does not run today. Setting the date comes first.
    let date_known = match &snapshot.outcome {
        Outcome::Analysed(results) => results.reference.source != ReferenceSource::AssumedToday,
        Outcome::NotChecked(_) => false,
    };
    if date_known && (touches_a_date && admitted(only, FIX_ALL_DATES) || asked_for_fix_all) {
        let edits: Vec<crate::analysis::Edit> = findings(snapshot)
            .iter()
            .filter(|finding| finding.rule == RuleCode::RelativeDate)
            .filter_map(|finding| finding.fixes.first())
            .flat_map(|fix| fix.edits.iter().cloned())
            .collect();
        if !edits.is_empty() {
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: "Fix all relative dates in this file".to_string(),
                kind: Some(CodeActionKind::new(FIX_ALL_DATES)),
                edit: Some(WorkspaceEdit {
                    changes: Some(HashMap::from([(
                        uri.clone(),
                        text_edits(snapshot, &edits, encoding),
                    )])),
                    ..WorkspaceEdit::default()
                }),
                ..CodeAction::default()
            }));
        }
    }
    actions
}
