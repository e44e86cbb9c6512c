//! `copydesk check`: finds the drafts, analyses each, prints the findings.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use super::{CheckArgs, OutputFormat};
use crate::analysis::{analyze, Details, Finding, Format, RuleCode, Settings, Severity};
use crate::text::{Document, PositionEncoding};

/// Exit statuses, as CI systems read them.
pub const EXIT_CLEAN: i32 = 0;
pub const EXIT_FINDINGS: i32 = 1;
pub const EXIT_ERROR: i32 = 2;

/// File extensions checked when a folder is given.
const DRAFT_EXTENSIONS: &[&str] = &["md", "markdown", "mdown", "mkd", "txt", "text"];

/// One draft to check.
struct Draft {
    /// The name shown in output ("-" reads as "<stdin>").
    display: String,
    text: String,
    format: Format,
}

/// Runs the check and returns the process exit status.
pub fn run(
    args: &CheckArgs,
    today: jiff::civil::Date,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> i32 {
    let mut settings = Settings::new(today);
    settings.date_style = args.date_style.into();
    if let Some(date) = &args.reference_date {
        match date.parse() {
            Ok(date) => settings.reference_date = Some(date),
            Err(_) => {
                let _ = writeln!(
                    stderr,
                    "copydesk: --reference-date must be a date like 2022-02-28, not {date:?}"
                );
                return EXIT_ERROR;
            }
        }
    }
    let mut had_error = false;
    let mut paths = Vec::new();
    for path in &args.paths {
        if let Err(message) = collect(path, &mut paths) {
            let _ = writeln!(stderr, "copydesk: {message}");
            had_error = true;
        }
    }
    let mut drafts = Vec::new();
    for path in paths {
        match read_draft(&path) {
            Ok(draft) => drafts.push(draft),
            Err(message) => {
                let _ = writeln!(stderr, "copydesk: {message}");
                had_error = true;
            }
        }
    }
    let mut counts: Vec<(RuleCode, usize)> = RuleCode::ALL.iter().map(|code| (*code, 0)).collect();
    let mut failing = false;
    let mut by_severity = [0usize; 4];
    for draft in &drafts {
        let analysis = analyze(&draft.text, draft.format, &settings);
        let document = Document::new(&draft.text, 0, "");
        for finding in &analysis.findings {
            failing |= finding.severity >= Severity::Warning;
            by_severity[finding.severity as usize] += 1;
            if let Some(entry) = counts.iter_mut().find(|(code, _)| *code == finding.rule) {
                entry.1 += 1;
            }
        }
        let written = match args.format {
            OutputFormat::Text => write_text(stdout, draft, &document, &analysis.findings),
            OutputFormat::Json => write_json(stdout, draft, &document, &analysis.findings),
        };
        if written.is_err() {
            return EXIT_ERROR;
        }
    }
    if args.format == OutputFormat::Text {
        let per_rule: Vec<String> = counts
            .iter()
            .filter(|(_, count)| *count > 0)
            .map(|(code, count)| format!("{code} {count}"))
            .collect();
        let total: usize = by_severity.iter().sum();
        let summary = if total == 0 {
            format!("{} checked: no findings.", plural(drafts.len(), "file"))
        } else {
            format!(
                "{} checked: {} ({}; {}).",
                plural(drafts.len(), "file"),
                plural(total, "finding"),
                [
                    (Severity::Error, "error"),
                    (Severity::Warning, "warning"),
                    (Severity::Information, "information"),
                    (Severity::Hint, "hint"),
                ]
                .iter()
                .filter(|(severity, _)| by_severity[*severity as usize] > 0)
                .map(|(severity, name)| format!("{} {name}", by_severity[*severity as usize]))
                .collect::<Vec<_>>()
                .join(", "),
                per_rule.join(", ")
            )
        };
        let _ = writeln!(stdout, "{summary}");
    }
    if had_error {
        EXIT_ERROR
    } else if failing && !args.exit_zero {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

/// Adds `path` (a file, or the drafts inside a folder, sorted) to `found`.
fn collect(path: &Path, found: &mut Vec<PathBuf>) -> Result<(), String> {
    if path == Path::new("-") {
        found.push(path.to_path_buf());
        return Ok(());
    }
    let metadata = std::fs::metadata(path)
        .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    if metadata.is_file() {
        found.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|error| format!("cannot read folder {}: {error}", path.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .collect();
    entries.sort();
    for entry in entries {
        let name = entry
            .file_name()
            .and_then(|name| name.to_str())
            .unwrap_or("");
        if name.starts_with('.') || name == "node_modules" || name == "target" {
            continue;
        }
        if entry.is_dir() {
            collect(&entry, found)?;
        } else if entry
            .extension()
            .and_then(|extension| extension.to_str())
            .is_some_and(|extension| {
                DRAFT_EXTENSIONS.contains(&extension.to_ascii_lowercase().as_str())
            })
        {
            found.push(entry);
        }
    }
    Ok(())
}

fn read_draft(path: &Path) -> Result<Draft, String> {
    let (display, bytes, format) = if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|error| format!("cannot read standard input: {error}"))?;
        ("<stdin>".to_string(), bytes, Format::Markdown)
    } else {
        let bytes = std::fs::read(path)
            .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
        (path.display().to_string(), bytes, Format::from_path(path))
    };
    if bytes.contains(&0) {
        return Err(format!(
            "{display} looks like a binary file, not a draft; skipped"
        ));
    }
    let text = String::from_utf8(bytes).map_err(|error| {
        format!(
            "{display} is not UTF-8 text (invalid byte at offset {}); skipped",
            error.utf8_error().valid_up_to()
        )
    })?;
    Ok(Draft {
        display,
        text,
        format,
    })
}

/// 1-based line and column (in Unicode scalar values) of a byte offset.
fn line_column(document: &Document, offset: usize) -> (u32, u32) {
    let position = document.position_at(offset, PositionEncoding::Utf32);
    (position.line + 1, position.character + 1)
}

/// The text of a line, for the snippet under a finding.
fn line_text(document: &Document, line: u32) -> String {
    let rope = document.rope();
    let index = (line as usize)
        .saturating_sub(1)
        .min(rope.len_lines().saturating_sub(1));
    rope.line(index)
        .to_string()
        .trim_end_matches(['\n', '\r'])
        .to_string()
}

fn write_text(
    out: &mut dyn Write,
    draft: &Draft,
    document: &Document,
    findings: &[Finding],
) -> std::io::Result<()> {
    for finding in findings {
        let (line, column) = line_column(document, finding.span.start);
        let (end_line, end_column) = line_column(document, finding.span.end);
        writeln!(
            out,
            "{}[{}]: {}",
            finding.severity.as_str(),
            finding.rule,
            finding.message
        )?;
        writeln!(out, "  --> {}:{line}:{column}", draft.display)?;
        let source_line = line_text(document, line);
        let underline_end = if end_line == line {
            end_column
        } else {
            source_line.chars().count() as u32 + 1
        };
        let (excerpt, caret_start) = excerpt(
            &source_line,
            column as usize - 1,
            underline_end as usize - 1,
        );
        let gutter = " ".repeat(line.to_string().len());
        let caret_len = (underline_end.saturating_sub(column) as usize).max(1);
        writeln!(out, "{gutter} |")?;
        writeln!(out, "{line} | {excerpt}")?;
        writeln!(
            out,
            "{gutter} | {}{}",
            " ".repeat(caret_start),
            "^".repeat(caret_len.min(excerpt.chars().count().saturating_sub(caret_start).max(1)))
        )?;
        for note in finding.explanation() {
            writeln!(out, "{gutter} = note: {note}")?;
        }
        for fix in &finding.fixes {
            writeln!(out, "{gutter} = fix: {}", fix.title)?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Cuts a long line to a window around columns `start..end` (in characters); returns the
/// excerpt and where the underline starts in it. Wire copy often has a whole paragraph per line.
fn excerpt(line: &str, start: usize, end: usize) -> (String, usize) {
    const CONTEXT: usize = 40;
    let characters: Vec<char> = line.chars().collect();
    if characters.len() <= 100 {
        return (line.to_string(), start);
    }
    let from = start.saturating_sub(CONTEXT);
    let to = (end + CONTEXT).min(characters.len());
    let mut text = String::new();
    let mut caret = start - from;
    if from > 0 {
        text.push('…');
        caret += 1;
    }
    text.extend(&characters[from..to]);
    if to < characters.len() {
        text.push('…');
    }
    (text, caret)
}

fn details_json(finding: &Finding) -> Value {
    match &finding.details {
        Details::Quote(quote) => json!({
            "kind": quote.kind,
            "words": quote.words,
            "searched": quote.searched,
        }),
        Details::RelativeDate(date) => json!({
            "expression": date.expression,
            "resolved": date.resolved,
            "meaning": date.meaning,
            "reasoning": date.reasoning,
            "referenceDate": date.reference.date.to_string(),
            "referenceSource": date.reference.source.describe(),
            "inQuotation": date.in_quotation,
        }),
        Details::WeekdayMismatch(mismatch) => json!({
            "written": mismatch.written,
            "actual": mismatch.actual,
            "nearest": mismatch.nearest,
        }),
        Details::Notes(notes) => json!({ "notes": notes }),
        Details::Figure(figure) => json!({
            "text": figure.text,
            "understood": figure.understood,
            "searched": figure.searched,
        }),
    }
}

fn position_json(document: &Document, offset: usize) -> Value {
    let (line, column) = line_column(document, offset);
    json!({ "line": line, "column": column })
}

fn write_json(
    out: &mut dyn Write,
    draft: &Draft,
    document: &Document,
    findings: &[Finding],
) -> std::io::Result<()> {
    let findings: Vec<Value> = findings
        .iter()
        .map(|finding| {
            json!({
                "code": finding.rule.as_str(),
                "severity": finding.severity.as_str(),
                "message": finding.message,
                "start": position_json(document, finding.span.start),
                "end": position_json(document, finding.span.end),
                "byteStart": finding.span.start,
                "byteEnd": finding.span.end,
                "details": details_json(finding),
                "fixes": finding.fixes.iter().map(|fix| json!({
                    "title": fix.title,
                    "edits": fix.edits.iter().map(|edit| json!({
                        "start": position_json(document, edit.range.start),
                        "end": position_json(document, edit.range.end),
                        "byteStart": edit.range.start,
                        "byteEnd": edit.range.end,
                        "newText": edit.replacement,
                    })).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let object = json!({ "path": draft.display, "findings": findings });
    writeln!(out, "{object}")
}
