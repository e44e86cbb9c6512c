//! Findings to LSP, all in one place, one file per kind of output: diagnostics, hovers, code
//! actions, the outline, inlay hints and the fact-check sheet command.
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

mod actions;
mod diagnostics;
mod hints;
mod hover;
mod sheet;
mod symbols;

pub use actions::*;
pub use diagnostics::*;
pub use hints::*;
pub use hover::*;
pub use sheet::*;
pub use symbols::*;

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
