//! Inlay hints: the absolute date after each relative one.

use super::*;

/// Inlay hints after relative dates in `requested`: " (Feb. 24)".
pub fn inlay_hints(
    snapshot: &Snapshot,
    requested: Range,
    encoding: PositionEncoding,
) -> Vec<InlayHint> {
    let start = offset(snapshot, requested.start, encoding);
    let end = offset(snapshot, requested.end, encoding);
    findings(snapshot)
        .iter()
        .filter(|finding| start <= finding.span.end && finding.span.end <= end)
        .filter_map(|finding| match &finding.details {
            Details::RelativeDate(date) => date.short.as_ref().map(|short| InlayHint {
                position: position(snapshot, finding.span.end, encoding),
                label: InlayHintLabel::String(format!("({short})")),
                kind: None,
                text_edits: None,
                tooltip: Some(InlayHintTooltip::String(format!(
                    "{} = {}",
                    date.expression, date.meaning
                ))),
                padding_left: Some(true),
                padding_right: None,
                data: None,
            }),
            _ => None,
        })
        .collect()
}
