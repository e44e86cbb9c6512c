//! The text format: rustc-like findings with the line and an underline.

use std::fmt::{self, Display, Write as _};
use std::io::Write;

use super::drafts::Draft;
use crate::analysis::Severity;
use crate::cli::output::Report;
use crate::text::Document;

/// The text of a line, for the snippet under a finding.
/// A line of the document (1-based) without its line break.
fn line_of(document: &Document, line: u32) -> ropey::RopeSlice<'_> {
    let rope = document.rope();
    let index = (line as usize)
        .saturating_sub(1)
        .min(rope.len_lines().saturating_sub(1));
    let slice = rope.line(index);
    let mut length = slice.len_chars();
    while length > 0 && matches!(slice.char(length - 1), '\n' | '\r') {
        length -= 1;
    }
    slice.slice(..length)
}

/// ANSI styles for the text format.
struct Paint(bool);

impl Paint {
    /// `text` in the style `code` when colour is on. It is written straight to the output when
    /// the line is, not first into a string of its own: a report has a dozen styled pieces per
    /// finding.
    fn style<T: Display>(&self, code: &'static str, text: T) -> Styled<T> {
        Styled {
            code: self.0.then_some(code),
            text,
        }
    }

    fn severity(&self, severity: Severity) -> &'static str {
        match severity {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Information => "1;34",
            Severity::Hint => "1;36",
        }
    }
}

/// A piece of the report in an ANSI style, or as it is without colour.
struct Styled<T> {
    code: Option<&'static str>,
    text: T,
}

impl<T: Display> Display for Styled<T> {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.code {
            Some(code) => write!(formatter, "\u{1b}[{code}m{}\u{1b}[0m", self.text),
            None => write!(formatter, "{}", self.text),
        }
    }
}

/// A character written `count` times (the gutter's spaces, the underline's carets), without
/// a string made of them first.
struct Repeated(char, usize);

impl Display for Repeated {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        (0..self.1).try_for_each(|_| formatter.write_char(self.0))
    }
}

/// How many digits `number` is written with.
fn digits(mut number: u32) -> usize {
    let mut count = 1;
    while number >= 10 {
        number /= 10;
        count += 1;
    }
    count
}

pub(super) fn write_text(
    out: &mut dyn Write,
    draft: &Draft,
    document: &Document,
    report: &Report,
    colour: bool,
) -> std::io::Result<()> {
    let paint = Paint(colour);
    for located in &report.findings {
        let finding = located.finding;
        let (line, column) = located.start;
        let (end_line, end_column) = located.end;
        let level = paint.severity(finding.severity);
        writeln!(
            out,
            "{}{}",
            paint.style(
                level,
                format_args!("{}[{}]", finding.severity.as_str(), finding.rule)
            ),
            paint.style("1", format_args!(": {}", finding.message))
        )?;
        writeln!(
            out,
            "  {} {}:{line}:{column}",
            paint.style("1;34", "-->"),
            draft.display
        )?;
        let source_line = line_of(document, line);
        let underline_end = if end_line == line {
            end_column
        } else {
            source_line.len_chars() as u32 + 1
        };
        let (excerpt, caret_start) =
            excerpt(source_line, column as usize - 1, underline_end as usize - 1);
        let gutter = Repeated(' ', digits(line));
        let bar = paint.style("1;34", "|");
        let caret_len = (underline_end.saturating_sub(column) as usize).max(1);
        writeln!(out, "{gutter} {bar}")?;
        writeln!(out, "{} {bar} {excerpt}", paint.style("1;34", line))?;
        writeln!(
            out,
            "{gutter} {bar} {}{}",
            Repeated(' ', caret_start),
            paint.style(
                level,
                Repeated(
                    '^',
                    caret_len.min(excerpt.chars().count().saturating_sub(caret_start).max(1))
                )
            )
        )?;
        let equals = paint.style("1;34", "=");
        for note in finding.explanation() {
            writeln!(
                out,
                "{gutter} {equals} {} {note}",
                paint.style("1", "note:")
            )?;
        }
        for fix in &finding.fixes {
            writeln!(
                out,
                "{gutter} {equals} {} {}",
                paint.style("1", "fix:"),
                fix.title
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Cuts a long line to a window around columns `start..end` (in characters); returns the
/// excerpt and where the underline starts in it. Wire copy often has a whole paragraph per line,
/// and a broken export a whole draft: only the window is copied, so a draft of one giant line
/// with thousands of findings is still printed in time linear in its size.
fn excerpt(line: ropey::RopeSlice, start: usize, end: usize) -> (String, usize) {
    const CONTEXT: usize = 40;
    let length = line.len_chars();
    if length <= 100 {
        return (line.to_string(), start);
    }
    let from = start.saturating_sub(CONTEXT).min(length);
    let to = (end + CONTEXT).min(length).max(from);
    let mut text = String::new();
    let mut caret = start - from;
    if from > 0 {
        text.push('…');
        caret += 1;
    }
    text.extend(line.slice(from..to).chars());
    if to < length {
        text.push('…');
    }
    (text, caret)
}
