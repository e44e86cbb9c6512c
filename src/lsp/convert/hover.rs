//! The hover over a finding, a sourced figure, an attributed quotation or a name that is not a
//! date: what copydesk found there and why.

use super::*;

/// Hover over a finding (its details; its message only when it has none) or over any
/// quotation (its kind, speaker and how the attribution was found), as Markdown.
pub fn hover(snapshot: &Snapshot, at: Position, encoding: PositionEncoding) -> Option<Hover> {
    let offset = offset(snapshot, at, encoding);
    let under: Vec<&Finding> = findings(snapshot)
        .iter()
        .filter(|finding| finding.span.start <= offset && offset <= finding.span.end)
        .collect();
    let quotation = quotations(snapshot)
        .iter()
        .rev()
        .find(|quotation| quotation.span.start <= offset && offset < quotation.span.end);
    let mut sections = Vec::new();
    for finding in &under {
        // Editors show the diagnostic's message right above the hover (VS Code) or beside it
        // (Flymake, Neovim), so the hover gives only the details, unless there are none.
        let explanation = finding.explanation();
        let mut section = format!(
            "**copydesk: {}** ({})",
            finding.rule,
            finding.severity.as_str()
        );
        if explanation.is_empty() {
            section.push_str("\n\n");
            section.push_str(&finding.message);
        }
        for line in explanation {
            section.push_str("\n\n");
            section.push_str(&line);
        }
        sections.push(section);
    }
    // A figure with a source says where that source is; an unsourced one is a finding already.
    let sourced_figure = figures(snapshot).iter().find(|figure| {
        figure.source.is_some() && figure.span.start <= offset && offset < figure.span.end
    });
    if let Some(figure) = sourced_figure {
        sections.push(format!(
            "**copydesk: figure**\n\nFigure: {} ({}).\n\nSource: {}.",
            snapshot.rope.byte_slice(figure.span.clone()),
            figure.understood,
            figure.source.as_deref().unwrap_or_default()
        ));
    }
    if let Some(quotation) = quotation {
        let mut section = "**copydesk: quotation**".to_string();
        for line in quotation.describe() {
            section.push_str("\n\n");
            section.push_str(&line);
        }
        sections.push(section);
    }
    // A date word read as part of a name says why it is not a date finding.
    let date_name = under
        .is_empty()
        .then(|| date_name_at(snapshot, offset))
        .flatten();
    if let Some(name) = &date_name {
        sections.push(format!("**copydesk: not a date**\n\n{}", name.reason));
    }
    let span = under
        .first()
        .map(|finding| finding.span.clone())
        .or_else(|| date_name.map(|name| name.range))
        .or_else(|| sourced_figure.map(|figure| figure.span.clone()))
        .or_else(|| quotation.map(|quotation| quotation.span.clone()))?;
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: sections.join("\n\n---\n\n"),
        }),
        range: Some(range(snapshot, &span, encoding)),
    })
}

/// The name around `offset` that contains a date word ("USA Today"), read from the few hundred
/// bytes around it.
fn date_name_at(snapshot: &Snapshot, offset: usize) -> Option<DateName> {
    const REACH: usize = 400;
    let rope = &snapshot.rope;
    let length = rope.len_bytes();
    let offset = offset.min(length);
    let start = rope.char_to_byte(rope.byte_to_char(offset.saturating_sub(REACH)));
    let end = rope.char_to_byte(rope.byte_to_char((offset + REACH).min(length)));
    let window = rope.byte_slice(start..end).to_string();
    name_around(&window, offset - start, &snapshot.date_names).map(|name| DateName {
        range: name.range.start + start..name.range.end + start,
        reason: name.reason,
    })
}
