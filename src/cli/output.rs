//! The machine formats of `copydesk check` for CI: SARIF 2.1.0, GitHub workflow commands and
//! Checkstyle XML. Each renders the same findings as the text and JSON formats.

use std::io::Write;

use serde_json::{json, Value};

use crate::analysis::rules::REGISTRY;
use crate::analysis::{Finding, Severity};

/// One checked draft, ready to render.
pub struct Report<'a> {
    /// The path as given (or `<stdin>`).
    pub display: &'a str,
    pub findings: Vec<Located<'a>>,
}

/// A mistake in a house rules file: the drafts it governs were not checked, which every format
/// reports as an error so that a CI gate cannot pass over them.
pub struct ConfigError {
    /// The house rules file as a path to show.
    pub path: String,
    /// 1-based line and column (in characters) of the mistake.
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// The drafts left unchecked because of the file.
    pub unchecked: Vec<String>,
}

/// The rule-like identifier under which house rules errors are reported.
pub const HOUSE_RULES_ERROR: &str = "house-rules";

impl ConfigError {
    /// The message with the consequence: which drafts were not checked.
    pub fn full_message(&self) -> String {
        let drafts = match self.unchecked.len() {
            0 => String::new(),
            1 => format!(" 1 draft was not checked: {}.", self.unchecked[0]),
            count => format!(
                " {count} drafts were not checked: {}.",
                self.unchecked.join(", ")
            ),
        };
        format!(
            "The house rules file has an error: {}.{drafts}",
            self.message.trim_end_matches('.')
        )
    }
}

/// A finding with its 1-based lines and columns (columns in characters).
pub struct Located<'a> {
    pub finding: &'a Finding,
    pub start: (u32, u32),
    pub end: (u32, u32),
}

/// The path as a relative URI reference: forward slashes, and the few characters a URI cannot
/// hold escaped.
fn uri(display: &str) -> String {
    let path = if display == "<stdin>" {
        "stdin"
    } else {
        display.strip_prefix("./").unwrap_or(display)
    };
    let mut out = String::new();
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for byte in path.replace('\\', "/").bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(byte as char)
            }
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information | Severity::Hint => "note",
    }
}

/// A SARIF 2.1.0 log with one run: the rules with their documentation, and one result per
/// finding.
pub fn sarif(reports: &[Report], config_errors: &[ConfigError]) -> Value {
    let results = reports.iter().flat_map(sarif_results).collect();
    let displays: Vec<&str> = reports.iter().map(|report| report.display).collect();
    sarif_log(results, &displays, config_errors)
}

/// The SARIF results of one draft, so that `copydesk check` can render each draft as soon as it
/// is checked (and cache it) instead of keeping every draft's analysis until the end.
pub fn sarif_results(report: &Report) -> Vec<Value> {
    report
        .findings
        .iter()
        .map(|located| {
            let finding = located.finding;
            let index = REGISTRY
                .iter()
                .position(|rule| rule.code == finding.rule)
                .unwrap_or(0);
            let mut message = finding.message.clone();
            for note in finding.explanation() {
                message.push('\n');
                message.push_str(&note);
            }
            json!({
                "ruleId": finding.rule.as_str(),
                "ruleIndex": index,
                "level": sarif_level(finding.severity),
                "message": { "text": message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(report.display) },
                        "region": {
                            "startLine": located.start.0,
                            "startColumn": located.start.1,
                            "endLine": located.end.0,
                            "endColumn": located.end.1,
                        },
                    },
                }],
            })
        })
        .collect()
}

/// The SARIF log around the results of every draft (`displays` names the drafts, in order).
pub fn sarif_log<S: AsRef<str>>(
    mut results: Vec<Value>,
    displays: &[S],
    config_errors: &[ConfigError],
) -> Value {
    let rules: Vec<Value> = REGISTRY
        .iter()
        .map(|rule| {
            let docs = rule.documentation();
            json!({
                "id": rule.code.as_str(),
                "name": rule.code.as_str(),
                "shortDescription": { "text": rule.summary },
                "fullDescription": { "text": rule.summary },
                "help": { "text": docs, "markdown": docs },
                "defaultConfiguration": { "level": sarif_level(rule.default_severity) },
                "properties": { "tags": ["journalism", "fact-checking"] },
            })
        })
        .collect();
    let mut notifications = Vec::new();
    for error in config_errors {
        let location = json!({
            "physicalLocation": {
                "artifactLocation": { "uri": uri(&error.path) },
                "region": { "startLine": error.line, "startColumn": error.column },
            },
        });
        results.push(json!({
            "ruleId": HOUSE_RULES_ERROR,
            "level": "error",
            "kind": "fail",
            "message": { "text": error.full_message() },
            "locations": [location.clone()],
        }));
        notifications.push(json!({
            "level": "error",
            "message": { "text": error.full_message() },
            "locations": [location],
        }));
    }
    let mut artifacts: Vec<Value> = displays
        .iter()
        .map(|display| json!({ "location": { "uri": uri(display.as_ref()) } }))
        .collect();
    for error in config_errors {
        let location = json!({ "location": { "uri": uri(&error.path) } });
        if !artifacts.contains(&location) {
            artifacts.push(location);
        }
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "copydesk",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                },
            },
            "invocations": [{
                "executionSuccessful": config_errors.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "columnKind": "unicodeCodePoints",
            "artifacts": artifacts,
            "results": results,
        }],
    })
}

/// Escapes the message of a workflow command.
fn github_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property (file, title) of a workflow command.
fn github_property(text: &str) -> String {
    github_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// GitHub Actions workflow commands, one line per finding:
/// `::warning file=story.md,line=3,col=5,endLine=3,endColumn=11,title=...::message`.
pub fn github(
    out: &mut dyn Write,
    reports: &[Report],
    config_errors: &[ConfigError],
) -> std::io::Result<()> {
    github_config_errors(out, config_errors)?;
    reports
        .iter()
        .try_for_each(|report| github_report(out, report))
}

/// The workflow commands of the house rules errors, which come before every draft's.
pub fn github_config_errors(
    out: &mut dyn Write,
    config_errors: &[ConfigError],
) -> std::io::Result<()> {
    for error in config_errors {
        writeln!(
            out,
            "::error file={},line={},col={},title={}::{}",
            github_property(&error.path),
            error.line,
            error.column,
            github_property("copydesk house rules"),
            github_data(&error.full_message())
        )?;
    }
    Ok(())
}

/// The workflow commands of one draft's findings.
pub fn github_report(out: &mut dyn Write, report: &Report) -> std::io::Result<()> {
    for located in &report.findings {
        let finding = located.finding;
        let command = match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Information | Severity::Hint => "notice",
        };
        let mut message = finding.message.clone();
        if let Some(fix) = finding.fixes.first() {
            message.push_str(&format!("\nFix: {}", fix.title));
        }
        writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            github_property(report.display),
            located.start.0,
            located.start.1,
            located.end.0,
            located.end.1,
            github_property(&format!("copydesk {}", finding.rule)),
            github_data(&message)
        )?;
    }
    Ok(())
}

fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            // Characters XML 1.0 cannot hold at all.
            c if (c as u32) < 0x20 && c != '\t' && c != '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Checkstyle XML: one `<file>` per draft, one `<error>` per finding.
pub fn checkstyle(
    out: &mut dyn Write,
    reports: &[Report],
    config_errors: &[ConfigError],
) -> std::io::Result<()> {
    checkstyle_head(out, config_errors)?;
    reports
        .iter()
        .try_for_each(|report| checkstyle_report(out, report))?;
    checkstyle_tail(out)
}

/// The start of the Checkstyle document, with the house rules errors, which come first.
pub fn checkstyle_head(out: &mut dyn Write, config_errors: &[ConfigError]) -> std::io::Result<()> {
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(out, "<checkstyle version=\"4.3\">")?;
    for error in config_errors {
        writeln!(out, "  <file name=\"{}\">", xml(&error.path))?;
        writeln!(
            out,
            "    <error line=\"{}\" column=\"{}\" severity=\"error\" message=\"{}\" source=\"copydesk.{HOUSE_RULES_ERROR}\"/>",
            error.line,
            error.column,
            xml(&error.full_message()),
        )?;
        writeln!(out, "  </file>")?;
    }
    Ok(())
}

/// One draft's `<file>` element.
pub fn checkstyle_report(out: &mut dyn Write, report: &Report) -> std::io::Result<()> {
    writeln!(out, "  <file name=\"{}\">", xml(report.display))?;
    for located in &report.findings {
        let finding = located.finding;
        let severity = match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Information => "info",
            Severity::Hint => "ignore",
        };
        writeln!(
            out,
            "    <error line=\"{}\" column=\"{}\" severity=\"{severity}\" message=\"{}\" source=\"copydesk.{}\"/>",
            located.start.0,
            located.start.1,
            xml(&finding.message),
            finding.rule
        )?;
    }
    writeln!(out, "  </file>")
}

/// The end of the Checkstyle document.
pub fn checkstyle_tail(out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "</checkstyle>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(github_property("a:b,c%\nd"), "a%3Ab%2Cc%25%0Ad");
        assert_eq!(xml("<\"a&b'>\u{1}"), "&lt;&quot;a&amp;b&apos;&gt;");
        assert_eq!(uri("./drafts/my story.md"), "drafts/my%20story.md");
        assert_eq!(uri("<stdin>"), "stdin");
    }
}
