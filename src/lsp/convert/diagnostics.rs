//! Findings to `publishDiagnostics`: one diagnostic per finding, the cache that reuses a piece
//! of the draft's diagnostics when its findings did not change, and the house rules file's own
//! errors.

use super::*;

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
