//! The JSON format: one object per draft, one line each.

use std::io::Write;

use serde::Serialize;
use serde_json::json;

use super::drafts::Draft;
use crate::analysis::suppressions::Suppression;
use crate::analysis::{Details, Finding};
use crate::cli::output::{self, ConfigError, Report};
use crate::text::Document;

/// A house rules error in the JSON format: an object like a draft's, for the house rules file,
/// with one error finding, so that a program counting errors counts it.
pub(super) fn write_config_error_json(
    out: &mut dyn Write,
    error: &ConfigError,
) -> std::io::Result<()> {
    let position = json!({ "line": error.line, "column": error.column });
    writeln!(
        out,
        "{}",
        json!({
            "path": error.path,
            "findings": [{
                "code": output::HOUSE_RULES_ERROR,
                "severity": "error",
                "message": error.full_message(),
                "start": position,
                "end": position,
                "fixes": [],
                "details": { "notChecked": error.unchecked },
            }],
            "notChecked": error.unchecked,
            "suppressions": [],
        })
    )
}

// The JSON format is written straight from these borrowed structures, with no intermediate
// `serde_json::Value` per finding. Their fields are declared in the alphabetical order of their
// JSON names: the format used to be built as `Value` objects, whose maps sort their keys, and
// its bytes stay exactly what they were.

/// A line and column (1-based, columns in characters).
#[derive(Serialize)]
struct JsonPosition {
    column: u32,
    line: u32,
}

impl JsonPosition {
    fn at(document: &Document, offset: usize) -> JsonPosition {
        let (line, column) = document.line_column(offset);
        JsonPosition { column, line }
    }
}

/// One draft's line of the JSON format.
#[derive(Serialize)]
struct JsonDraft<'a> {
    findings: Vec<JsonFinding<'a>>,
    path: &'a str,
    suppressions: Vec<JsonSuppression<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonFinding<'a> {
    byte_end: usize,
    byte_start: usize,
    code: &'static str,
    details: JsonDetails<'a>,
    end: JsonPosition,
    fixes: Vec<JsonFix<'a>>,
    message: &'a str,
    severity: &'static str,
    start: JsonPosition,
}

/// What the rule understood; each kind of details is an object of its own keys.
#[derive(Serialize)]
#[serde(untagged, rename_all_fields = "camelCase")]
enum JsonDetails<'a> {
    Quote {
        kind: &'a str,
        searched: &'a str,
        words: usize,
    },
    RelativeDate {
        expression: &'a str,
        in_quotation: bool,
        meaning: &'a str,
        reasoning: &'a str,
        reference_date: String,
        reference_source: String,
        resolved: &'a str,
    },
    WeekdayMismatch {
        actual: &'a str,
        nearest: &'a str,
        written: &'a str,
    },
    Notes {
        notes: &'a [String],
    },
    Figure {
        searched: &'a str,
        text: &'a str,
        understood: &'a str,
    },
}

impl<'a> JsonDetails<'a> {
    fn of(finding: &'a Finding) -> JsonDetails<'a> {
        match &finding.details {
            Details::Quote(quote) => JsonDetails::Quote {
                kind: quote.kind,
                searched: &quote.searched,
                words: quote.words,
            },
            Details::RelativeDate(date) => JsonDetails::RelativeDate {
                expression: &date.expression,
                in_quotation: date.in_quotation,
                meaning: &date.meaning,
                reasoning: &date.reasoning,
                reference_date: date.reference.date.to_string(),
                reference_source: date.reference.describe(),
                resolved: &date.resolved,
            },
            Details::WeekdayMismatch(mismatch) => JsonDetails::WeekdayMismatch {
                actual: &mismatch.actual,
                nearest: &mismatch.nearest,
                written: &mismatch.written,
            },
            Details::Notes(notes) => JsonDetails::Notes { notes },
            Details::Figure(figure) => JsonDetails::Figure {
                searched: &figure.searched,
                text: &figure.text,
                understood: &figure.understood,
            },
        }
    }
}

#[derive(Serialize)]
struct JsonFix<'a> {
    edits: Vec<JsonEdit<'a>>,
    title: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonEdit<'a> {
    byte_end: usize,
    byte_start: usize,
    end: JsonPosition,
    new_text: &'a str,
    start: JsonPosition,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct JsonSuppression<'a> {
    codes: Vec<&'static str>,
    end: JsonPosition,
    kind: &'static str,
    reason: Option<&'a str>,
    silenced: usize,
    start: JsonPosition,
    unknown_codes: &'a [String],
}

/// A draft's line of `--list-suppressions --format json`.
#[derive(Serialize)]
pub(super) struct JsonSuppressions<'a> {
    pub(super) path: &'a str,
    pub(super) suppressions: Vec<JsonSuppression<'a>>,
}

pub(super) fn json_suppressions<'a>(
    document: &Document,
    suppressions: &'a [Suppression],
) -> Vec<JsonSuppression<'a>> {
    suppressions
        .iter()
        .map(|suppression| JsonSuppression {
            codes: suppression.codes.iter().map(|code| code.as_str()).collect(),
            end: JsonPosition::at(document, suppression.span.end),
            kind: suppression.kind.keyword(),
            reason: suppression.reason.as_deref(),
            silenced: suppression.suppressed,
            start: JsonPosition::at(document, suppression.span.start),
            unknown_codes: &suppression.unknown_codes,
        })
        .collect()
}

pub(super) fn write_json(
    out: &mut dyn Write,
    draft: &Draft,
    document: &Document,
    report: &Report,
    suppressions: &[Suppression],
) -> std::io::Result<()> {
    let findings = report
        .findings
        .iter()
        .map(|located| {
            let finding = located.finding;
            JsonFinding {
                byte_end: finding.span.end,
                byte_start: finding.span.start,
                code: finding.rule.as_str(),
                details: JsonDetails::of(finding),
                end: JsonPosition::at(document, finding.span.end),
                fixes: finding
                    .fixes
                    .iter()
                    .map(|fix| JsonFix {
                        edits: fix
                            .edits
                            .iter()
                            .map(|edit| JsonEdit {
                                byte_end: edit.range.end,
                                byte_start: edit.range.start,
                                end: JsonPosition::at(document, edit.range.end),
                                new_text: &edit.replacement,
                                start: JsonPosition::at(document, edit.range.start),
                            })
                            .collect(),
                        title: &fix.title,
                    })
                    .collect(),
                message: &finding.message,
                severity: finding.severity.as_str(),
                start: JsonPosition::at(document, finding.span.start),
            }
        })
        .collect();
    let line = JsonDraft {
        findings,
        path: &draft.display,
        suppressions: json_suppressions(document, suppressions),
    };
    serde_json::to_writer(&mut *out, &line)?;
    writeln!(out)
}
