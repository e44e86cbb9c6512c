//! Findings to LSP: diagnostics, hovers and code actions, all in one place.
//!
//! Each function renders the findings of a snapshot; none of them runs a rule again. Byte
//! spans become positions in the negotiated encoding through the snapshot's own rope, so the
//! positions always match the text the findings were computed on.

use std::collections::HashMap;
use std::sync::Arc;

use serde_json::json;
use tower_lsp::lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Diagnostic, DiagnosticRelatedInformation,
    DiagnosticSeverity, DocumentSymbol, Hover, HoverContents, InlayHint, InlayHintLabel,
    InlayHintTooltip, Location, MarkupContent, MarkupKind, NumberOrString, Position,
    PublishDiagnosticsParams, Range, SymbolKind, TextEdit, Url, WorkspaceEdit,
};

use super::state::{Outcome, Snapshot};
use crate::analysis::dates::names::{name_around, DateName};
use crate::analysis::figures::FigureMention;
use crate::analysis::incremental;
use crate::analysis::quotes::{Quotation, QuoteKind};
use crate::analysis::{Details, Finding, ReferenceSource, RuleCode, Severity};
use crate::text::{self, PositionEncoding};

pub const SOURCE: &str = "copydesk";

/// The range of a span whose offsets count from `base`.
fn range_from(
    snapshot: &Snapshot,
    base: usize,
    span: &std::ops::Range<usize>,
    encoding: PositionEncoding,
) -> Range {
    Range::new(
        position(snapshot, base + span.start, encoding),
        position(snapshot, base + span.end, encoding),
    )
}

pub fn position(snapshot: &Snapshot, offset: usize, encoding: PositionEncoding) -> Position {
    let converted = text::position_at(&snapshot.rope, offset, encoding);
    Position::new(converted.line, converted.character)
}

pub fn range(
    snapshot: &Snapshot,
    span: &std::ops::Range<usize>,
    encoding: PositionEncoding,
) -> Range {
    Range::new(
        position(snapshot, span.start, encoding),
        position(snapshot, span.end, encoding),
    )
}

pub fn offset(snapshot: &Snapshot, position: Position, encoding: PositionEncoding) -> usize {
    text::offset_at(
        &snapshot.rope,
        text::Position {
            line: position.line,
            character: position.character,
        },
        encoding,
    )
}

fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Information => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

/// Where diagnostics go and what the client can show: related places need the document's URI
/// and a client that declared `relatedInformation` support.
#[derive(Clone, Copy)]
pub struct Target<'a> {
    pub uri: &'a Url,
    pub encoding: PositionEncoding,
    pub related_information: bool,
}

/// The diagnostic of a finding of one segment. `bases(n)` is where the segment `n` segments
/// before the finding's own starts (0: its own); the finding's offsets count from there.
pub fn diagnostic(
    snapshot: &Snapshot,
    finding: &Finding,
    bases: impl Fn(usize) -> usize,
    target: Target,
) -> Diagnostic {
    let base = bases(0);
    let encoding = target.encoding;
    // The rule is the diagnostic's code; `data` carries only what the code does not say (a
    // long draft sends thousands of diagnostics on every keystroke, so repeating it costs).
    let data = finding
        .resolved_date()
        .map(|resolved| json!({ "resolved": resolved }));
    Diagnostic {
        range: range_from(snapshot, base, &finding.span, encoding),
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(finding.rule.as_str().to_string())),
        source: Some(SOURCE.to_string()),
        message: finding.message.clone(),
        data,
        related_information: (target.related_information && !finding.related.is_empty()).then(
            || {
                finding
                    .related
                    .iter()
                    .map(|related| DiagnosticRelatedInformation {
                        location: Location::new(
                            target.uri.clone(),
                            range_from(
                                snapshot,
                                bases(related.segments_back),
                                &related.span,
                                encoding,
                            ),
                        ),
                        message: related.message.clone(),
                    })
                    .collect()
            },
        ),
        ..Diagnostic::default()
    }
}

/// The entries of the last message, matched with the segments of this one by the address of
/// their findings: the segments before and after an edit are in the same order as last time,
/// so they are matched from both ends in one pass each, and only the few in between are looked
/// up by address.
struct Reuse {
    entries: Vec<Option<CachedPart>>,
    /// How many entries match at the start, and at the end.
    lead: usize,
    trail: usize,
    wanted: usize,
    middle: HashMap<usize, usize>,
}

impl Reuse {
    fn new(entries: Vec<CachedPart>, address_of: impl Fn(usize) -> usize, wanted: usize) -> Reuse {
        let lead = entries
            .iter()
            .take(wanted)
            .enumerate()
            .take_while(|(position, entry)| entry.address() == address_of(*position))
            .count();
        let room = entries.len().min(wanted) - lead;
        let trail = entries
            .iter()
            .rev()
            .take(room)
            .enumerate()
            .take_while(|(back, entry)| entry.address() == address_of(wanted - 1 - back))
            .count();
        let middle = (lead..entries.len() - trail)
            .map(|position| (entries[position].address(), position))
            .collect();
        Reuse {
            entries: entries.into_iter().map(Some).collect(),
            lead,
            trail,
            wanted,
            middle,
        }
    }

    /// The entry for the segment at `position` among those wanted, whose findings are at
    /// `address`, if the last message had one.
    fn take(&mut self, position: usize, address: usize) -> Option<CachedPart> {
        let at = if position < self.lead {
            Some(position)
        } else if position >= self.wanted - self.trail {
            Some(position + self.entries.len() - self.wanted)
        } else {
            self.middle.remove(&address)
        };
        at.and_then(|at| self.entries[at].take())
    }
}

/// The one diagnostic of a draft that was not checked, saying why.
fn not_checked(reason: &str) -> Diagnostic {
    Diagnostic {
        range: Range::default(),
        severity: Some(DiagnosticSeverity::INFORMATION),
        code: Some(NumberOrString::String("not-checked".to_string())),
        source: Some(SOURCE.to_string()),
        message: reason.to_string(),
        ..Diagnostic::default()
    }
}

/// Diagnostics already serialised, one entry per segment of a draft (see
/// `analysis::segments`). Publishing after an edit serialises only the segments whose findings
/// changed or moved to other lines; the rest is copied. On a long draft this is most of the
/// cost of a keystroke that the incremental analysis leaves.
#[derive(Default)]
pub struct DiagnosticsCache {
    target: Option<(PositionEncoding, bool)>,
    /// The segments with findings in the last message, in the draft's order.
    entries: Vec<CachedPart>,
    /// The size of the last message, to allocate the next one at once.
    last_size: usize,
}

struct CachedPart {
    /// The segment's findings: a segment is recognised by this allocation, which the entry
    /// keeps alive so that its address cannot be reused by another segment.
    findings: Arc<Vec<Finding>>,
    start_line: usize,
    /// The findings of the segments before, for a segment whose findings point into them.
    before: Vec<usize>,
    json: Vec<u8>,
}

impl CachedPart {
    fn address(&self) -> usize {
        Arc::as_ptr(&self.findings) as usize
    }
}

/// A complete `textDocument/publishDiagnostics` notification for a snapshot: one diagnostic per
/// finding, or one saying why the draft was not checked.
pub fn publish_snapshot(
    snapshot: &Snapshot,
    target: Target,
    cache: &mut DiagnosticsCache,
) -> Vec<u8> {
    // The last message's size is a good guess for this one's: a large draft's message is
    // hundreds of kilobytes, and growing the buffer step by step would copy it over and over.
    let mut message = Vec::with_capacity(cache.last_size + 256);
    message.extend_from_slice(
        br#"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"#,
    );
    let _ = serde_json::to_writer(&mut message, target.uri);
    message.extend_from_slice(
        format!(r#","version":{},"diagnostics":["#, snapshot.version).as_bytes(),
    );
    match &snapshot.outcome {
        Outcome::NotChecked(reason) => {
            let _ = serde_json::to_writer(&mut message, &not_checked(reason));
            cache.entries.clear();
        }
        Outcome::Analysed(results) => {
            let key = (target.encoding, target.related_information);
            if cache.target != Some(key) {
                cache.entries.clear();
                cache.target = Some(key);
            }
            let parts = results.parts();
            let address = |index: usize| Arc::as_ptr(&parts[index].findings) as usize;
            // The segments with findings, each with the line it starts on.
            let mut wanted = Vec::with_capacity(cache.entries.len() + 8);
            let mut line = 0;
            for (index, part) in parts.iter().enumerate() {
                if !part.findings.is_empty() {
                    wanted.push((index, line));
                }
                line += part.line_breaks();
            }
            let mut previous = Reuse::new(
                std::mem::take(&mut cache.entries),
                |position| address(wanted[position].0),
                wanted.len(),
            );
            let mut entries = Vec::with_capacity(wanted.len());
            for (position, &(index, start_line)) in wanted.iter().enumerate() {
                let part = &parts[index];
                let before: Vec<usize> = (1..=part.reaches_back())
                    .map(|back| index.checked_sub(back).map_or(0, address))
                    .collect();
                let entry = match previous.take(position, address(index)) {
                    Some(entry) if entry.start_line == start_line && entry.before == before => {
                        entry
                    }
                    _ => {
                        let mut json = Vec::new();
                        for (number, finding) in part.findings.iter().enumerate() {
                            if number > 0 {
                                json.push(b',');
                            }
                            let bases = incremental::bases(parts, index);
                            let diagnostic = diagnostic(snapshot, finding, bases, target);
                            let _ = serde_json::to_writer(&mut json, &diagnostic);
                        }
                        CachedPart {
                            findings: part.findings.clone(),
                            start_line,
                            before,
                            json,
                        }
                    }
                };
                if position > 0 {
                    message.push(b',');
                }
                message.extend_from_slice(&entry.json);
                entries.push(entry);
            }
            cache.entries = entries;
        }
    }
    message.extend_from_slice(b"]}}");
    cache.last_size = message.len();
    message
}

/// A complete `textDocument/publishDiagnostics` notification body.
pub fn publish_diagnostics(
    uri: &Url,
    diagnostics: Vec<Diagnostic>,
    version: Option<i32>,
) -> Vec<u8> {
    let params = PublishDiagnosticsParams {
        uri: uri.clone(),
        diagnostics,
        version,
    };
    // Serialised straight to bytes: building a `serde_json::Value` tree first would double the
    // memory a large draft's diagnostics take.
    #[derive(serde::Serialize)]
    struct Notification<'a> {
        jsonrpc: &'static str,
        method: &'static str,
        params: &'a PublishDiagnosticsParams,
    }
    serde_json::to_vec(&Notification {
        jsonrpc: "2.0",
        method: "textDocument/publishDiagnostics",
        params: &params,
    })
    .unwrap_or_default()
}

/// The publication date of an analysed draft as `copydesk/publicationDate` returns it.
pub fn publication_date(snapshot: &Snapshot) -> Option<serde_json::Value> {
    let Outcome::Analysed(results) = &snapshot.outcome else {
        return None;
    };
    let reference = results.reference;
    let source = match reference.source {
        ReferenceSource::FrontMatter => "frontMatter",
        ReferenceSource::Dateline => "dateline",
        ReferenceSource::Setting(_) => "setting",
        ReferenceSource::AssumedToday => "assumed",
    };
    Some(json!({
        "date": reference.date.to_string(),
        "source": source,
        "description": format!(
            "{} ({})",
            crate::analysis::calendar::weekday_date(reference.date),
            reference.describe()
        ),
        "yearInferred": reference.year_inferred,
    }))
}

fn findings(snapshot: &Snapshot) -> &[Finding] {
    match &snapshot.outcome {
        Outcome::Analysed(results) => &results.analysis().findings,
        Outcome::NotChecked(_) => &[],
    }
}

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
    name_around(&window, offset - start).map(|name| DateName {
        range: name.range.start + start..name.range.end + start,
        reason: name.reason,
    })
}

fn figures(snapshot: &Snapshot) -> &[FigureMention] {
    match &snapshot.outcome {
        Outcome::Analysed(results) => &results.analysis().figures,
        Outcome::NotChecked(_) => &[],
    }
}

fn quotations(snapshot: &Snapshot) -> &[Quotation] {
    match &snapshot.outcome {
        Outcome::Analysed(results) => &results.analysis().quotations,
        Outcome::NotChecked(_) => &[],
    }
}

/// The article's sources as an outline: each speaker with their quotations as children, then
/// the speech nobody is said to have said.
#[allow(deprecated)] // DocumentSymbol's `deprecated` field must still be written out.
pub fn document_symbols(snapshot: &Snapshot, encoding: PositionEncoding) -> Vec<DocumentSymbol> {
    let mut groups: Vec<(String, Vec<&Quotation>)> = Vec::new();
    for quotation in quotations(snapshot)
        .iter()
        .filter(|quotation| quotation.kind == QuoteKind::Speech)
    {
        let speaker = match (&quotation.attribution, &quotation.speaker) {
            (None, _) => "Unattributed".to_string(),
            (Some(_), Some(name)) => name.clone(),
            (Some(attribution), None) => format!("Attributed ({})", attribution.cue.text),
        };
        match groups.iter_mut().find(|(name, _)| *name == speaker) {
            Some((_, members)) => members.push(quotation),
            None => groups.push((speaker, vec![quotation])),
        }
    }
    // The unattributed group comes last, where an editor looks for what is left to do.
    groups.sort_by_key(|(name, _)| name == "Unattributed");
    let mut symbols: Vec<DocumentSymbol> = groups
        .into_iter()
        .map(|(name, members)| {
            let children: Vec<DocumentSymbol> = members
                .iter()
                .map(|quotation| {
                    let text = snapshot.rope.byte_slice(quotation.span.clone()).to_string();
                    let mut label: String = text.chars().take(60).collect();
                    if text.chars().count() > 60 {
                        label.push('…');
                    }
                    let quote_range = range(snapshot, &quotation.span, encoding);
                    DocumentSymbol {
                        name: label,
                        detail: quotation
                            .attribution
                            .as_ref()
                            .map(|attribution| attribution.cue.text.clone()),
                        kind: SymbolKind::STRING,
                        tags: None,
                        deprecated: None,
                        range: quote_range,
                        selection_range: quote_range,
                        children: None,
                    }
                })
                .collect();
            let whole = Range::new(
                children
                    .first()
                    .map_or_else(Position::default, |first| first.range.start),
                children
                    .last()
                    .map_or_else(Position::default, |last| last.range.end),
            );
            DocumentSymbol {
                name,
                detail: Some(format!(
                    "{} quotation{}",
                    children.len(),
                    if children.len() == 1 { "" } else { "s" }
                )),
                kind: SymbolKind::NAMESPACE,
                tags: None,
                deprecated: None,
                range: whole,
                selection_range: children.first().map_or(whole, |first| first.range),
                children: Some(children),
            }
        })
        .collect();
    symbols.extend(people_symbol(snapshot, encoding));
    symbols
}

/// The outline's "People" group: every person and organisation the draft names, at their
/// first mention, with the spellings used when there are several.
#[allow(deprecated)] // DocumentSymbol's `deprecated` field must still be written out.
fn people_symbol(snapshot: &Snapshot, encoding: PositionEncoding) -> Option<DocumentSymbol> {
    let Outcome::Analysed(results) = &snapshot.outcome else {
        return None;
    };
    let people = &results.analysis().people;
    let children: Vec<DocumentSymbol> = people
        .iter()
        .filter_map(|person| {
            let first = person
                .first_full
                .clone()
                .or_else(|| person.mentions.first().cloned())?;
            let at = range(snapshot, &first, encoding);
            let mut detail = format!(
                "{}, {} mention{}",
                person.kind.as_str(),
                person.mentions.len(),
                if person.mentions.len() == 1 { "" } else { "s" }
            );
            if !person.variants.is_empty() {
                detail.push_str(&format!("; also spelled {}", person.variants.join(", ")));
            }
            if person.first_full.is_none() {
                detail.push_str("; never named in full");
            }
            Some(DocumentSymbol {
                name: match &person.title {
                    Some(title) => format!("{} ({title})", person.name),
                    None => person.name.clone(),
                },
                detail: Some(detail),
                kind: SymbolKind::OBJECT,
                tags: None,
                deprecated: None,
                range: at,
                selection_range: at,
                children: None,
            })
        })
        .collect();
    let first = children.first()?.range;
    let last = children
        .iter()
        .map(|child| child.range.end)
        .max_by_key(|end| (end.line, end.character));
    let whole = Range::new(first.start, last.unwrap_or(first.end));
    Some(DocumentSymbol {
        name: "People".to_string(),
        detail: Some(format!(
            "{} name{}",
            children.len(),
            if children.len() == 1 { "" } else { "s" }
        )),
        kind: SymbolKind::NAMESPACE,
        tags: None,
        deprecated: None,
        range: whole,
        selection_range: first,
        children: Some(children),
    })
}

/// The command that returns an open draft's fact-check sheet (`workspace/executeCommand`).
pub const SHEET_COMMAND: &str = "copydesk.sheet";

/// The fact-check sheet of an open draft in `format` ("html", "md" or "json"), as the result
/// of [`SHEET_COMMAND`]: `{ "format", "headline", "content" }`.
pub fn sheet(snapshot: &Snapshot, uri: &Url, format: &str) -> Result<serde_json::Value, String> {
    let results = match &snapshot.outcome {
        Outcome::Analysed(results) => results,
        Outcome::NotChecked(reason) => {
            return Err(format!("copydesk did not check this draft: {reason}"))
        }
    };
    let text = snapshot.rope.to_string();
    let name = uri
        .path_segments()
        .and_then(|mut segments| segments.next_back().map(str::to_string))
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| uri.to_string());
    let name = percent_decoded(&name);
    let sheet = crate::sheet::Sheet::build(&name, &text, results.analysis());
    let (format, content) = match format {
        "html" => ("html", sheet.to_html()),
        "md" | "markdown" => ("md", sheet.to_markdown()),
        "json" => (
            "json",
            serde_json::to_string_pretty(&sheet.to_json()).map_err(|error| error.to_string())?,
        ),
        other => {
            return Err(format!(
                "unknown sheet format {other:?}; use \"html\", \"md\" or \"json\""
            ))
        }
    };
    Ok(json!({ "format": format, "headline": sheet.headline, "content": content }))
}

/// A URI path segment with its %XX escapes decoded (a draft named "ferry fares.md").
fn percent_decoded(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'%' && index + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[index + 1..index + 3]).ok();
            if let Some(byte) = hex.and_then(|hex| u8::from_str_radix(hex, 16).ok()) {
                decoded.push(byte);
                index += 3;
                continue;
            }
        }
        decoded.push(bytes[index]);
        index += 1;
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

/// Marks a code action whose edits hold a snippet (`${1:reason}`); see `lsp::snippet_edits`.
pub const SNIPPET_MARKER: &str = "copydesk/snippet";

/// "Mark as checked (add reason)" and "Disable <rule> in this file": the edits that write a
/// suppression comment for `finding`, with a placeholder for the reason (a snippet tab stop
/// when the client takes snippet edits, else `[REASON]`).
fn suppression_edits(
    snapshot: &Snapshot,
    finding: &Finding,
    snippets: bool,
) -> Vec<(String, crate::analysis::Edit)> {
    use crate::analysis::{Edit, Format};
    let rope = &snapshot.rope;
    let reason = if snippets { "${1:reason}" } else { "[REASON]" };
    let code = finding.rule.as_str();
    let start = finding.span.start.min(rope.len_bytes());
    let line = rope.byte_to_line(start);
    let line_start = rope.line_to_byte(line);
    let line_text = rope.line(line).to_string();
    let newline = if line_text.ends_with("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let indent: String = line_text
        .chars()
        .take_while(|character| *character == ' ' || *character == '\t')
        .collect();
    let previous = (line > 0).then(|| rope.line(line - 1).to_string());
    let next_line = match snapshot.format {
        Format::PlainText => Edit::insert(
            line_start,
            format!("{indent}copydesk-disable-next-line {code} -- {reason}{newline}"),
        ),
        Format::Markdown => match previous {
            // Inside a paragraph, a comment line of its own would split the paragraph in two:
            // the comment goes at the end of the line before instead.
            Some(previous) if !previous.trim().is_empty() => {
                let end =
                    line_start - (previous.len() - previous.trim_end_matches(['\r', '\n']).len());
                Edit::insert(
                    end,
                    format!(" <!-- copydesk-disable-next-line {code} -- {reason} -->"),
                )
            }
            _ => Edit::insert(
                line_start,
                format!("{indent}<!-- copydesk-disable-next-line {code} -- {reason} -->{newline}"),
            ),
        },
    };
    let end = rope.len_bytes();
    let ends_with_newline = end == 0 || matches!(rope.byte(end - 1), b'\n' | b'\r');
    let before = if ends_with_newline { "" } else { "\n" };
    let whole_file = match snapshot.format {
        Format::PlainText => format!("{before}copydesk-disable-file {code} -- {reason}\n"),
        Format::Markdown => {
            format!("{before}\n<!-- copydesk-disable-file {code} -- {reason} -->\n")
        }
    };
    vec![
        ("Mark as checked (add reason)".to_string(), next_line),
        (
            format!("Disable {code} in this file"),
            Edit::insert(end, whole_file),
        ),
    ]
}

/// Diagnostics on a house rules file: one error per problem, at its place in the file.
pub fn house_rules_diagnostics(
    uri: &Url,
    text: &str,
    problems: &[crate::house_rules::Problem],
    encoding: PositionEncoding,
) -> Vec<u8> {
    let rope = ropey::Rope::from_str(text);
    let at = |offset: usize| {
        let converted = text::position_at(&rope, offset.min(text.len()), encoding);
        Position::new(converted.line, converted.character)
    };
    let diagnostics = problems
        .iter()
        .map(|problem| Diagnostic {
            range: Range::new(at(problem.span.start), at(problem.span.end.max(problem.span.start))),
            severity: Some(DiagnosticSeverity::ERROR),
            code: Some(NumberOrString::String("house-rules".to_string())),
            source: Some(SOURCE.to_string()),
            message: format!(
                "{} (until this is fixed, copydesk keeps the last version of this file without errors)",
                problem.message
            ),
            ..Diagnostic::default()
        })
        .collect();
    publish_diagnostics(uri, diagnostics, None)
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
