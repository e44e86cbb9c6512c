//! Suppression comments: a reporter's record that a finding was checked, and why.
//!
//! ```text
//! <!-- copydesk-disable-next-line unsourced-figure -- figure from the ministry's PDF -->
//! <!-- copydesk-disable relative-date -- quoting the 2019 statement as written -->
//! ...
//! <!-- copydesk-enable relative-date -->
//! <!-- copydesk-disable-file vague-attribution -- the desk's style for this series -->
//! ```
//!
//! In Markdown the directives are HTML comments (read from the original text at the places the
//! Markdown parser reports HTML, so a comment inside a code block is never a directive); in
//! plain text the same words stand on a line of their own, with or without `<!-- -->`. Several
//! codes may be given, separated by commas; no code means every rule. The reason follows ` -- `.
//!
//! A directive without a reason still works and is reported as `unexplained-suppression`
//! (information); one that silences nothing is reported as `unused-suppression`.

use std::ops::Range;
use std::sync::OnceLock;

use pulldown_cmark::{Event, Options, Parser};
use regex::Regex;

use super::finding::{Details, Edit, Finding, Fix, RuleCode, Severity};
use super::prose::{line_ranges, Format};

/// What a directive does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SuppressionKind {
    /// `copydesk-disable-next-line`: findings that start on the next line.
    NextLine,
    /// `copydesk-disable`: findings from here to the matching `copydesk-enable` (or the end).
    Disable,
    /// `copydesk-enable`: ends a `copydesk-disable` region.
    Enable,
    /// `copydesk-disable-file`: findings anywhere in the draft.
    File,
}

impl SuppressionKind {
    pub fn keyword(self) -> &'static str {
        match self {
            SuppressionKind::NextLine => "copydesk-disable-next-line",
            SuppressionKind::Disable => "copydesk-disable",
            SuppressionKind::Enable => "copydesk-enable",
            SuppressionKind::File => "copydesk-disable-file",
        }
    }
}

/// One suppression directive found in a draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suppression {
    pub kind: SuppressionKind,
    /// The directive: the whole HTML comment, or the line's text in plain text.
    pub span: Range<usize>,
    /// The rules it names; empty means every rule.
    pub codes: Vec<RuleCode>,
    /// Codes it names that are no rule's.
    pub unknown_codes: Vec<String>,
    /// The text after ` -- `, if any.
    pub reason: Option<String>,
    /// Where the reason would go: before `-->`, or at the end of the line.
    pub reason_at: usize,
    /// The byte ranges it applies to, each for one rule or (`None`) for all the rules it names;
    /// empty for `copydesk-enable`.
    pub scope: Vec<(Range<usize>, Option<RuleCode>)>,
    /// How many findings it silenced (for `copydesk-enable`: how many regions it closed).
    pub suppressed: usize,
}

impl Suppression {
    /// "unsourced-figure, relative-date" or "all rules".
    pub fn describe_codes(&self) -> String {
        if self.codes.is_empty() && self.unknown_codes.is_empty() {
            return "all rules".to_string();
        }
        self.codes
            .iter()
            .map(|code| code.as_str().to_string())
            .chain(self.unknown_codes.iter().cloned())
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn covers(&self, rule: RuleCode) -> bool {
        (self.codes.is_empty() && self.unknown_codes.is_empty()) || self.codes.contains(&rule)
    }
}

fn directive_pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(
            r"(?s)^\s*copydesk-(disable-next-line|disable-file|disable|enable)(?:\s(.*?))?\s*$",
        )
        .expect("the directive pattern compiles")
    })
}

/// What a directive says: its kind, the rules it names, the codes that name no rule, its reason.
type Directive = (SuppressionKind, Vec<RuleCode>, Vec<String>, Option<String>);

/// Reads a directive's words (without `<!--`/`-->`); `None` when they are not a directive.
fn read_directive(words: &str) -> Option<Directive> {
    let captures = directive_pattern().captures(words)?;
    let kind = match &captures[1] {
        "disable-next-line" => SuppressionKind::NextLine,
        "disable-file" => SuppressionKind::File,
        "disable" => SuppressionKind::Disable,
        _ => SuppressionKind::Enable,
    };
    let rest = captures.get(2).map_or("", |rest| rest.as_str());
    // The reason starts at the first "--" that begins a word.
    let split = rest
        .match_indices("--")
        .find(|(at, _)| *at == 0 || rest[..*at].ends_with(char::is_whitespace))
        .map(|(at, _)| at);
    let (codes_text, reason) = match split {
        Some(at) => {
            let reason = rest[at + 2..].trim();
            let reason = (!reason.is_empty())
                .then(|| reason.split_whitespace().collect::<Vec<_>>().join(" "));
            (&rest[..at], reason)
        }
        None => (rest, None),
    };
    let mut codes = Vec::new();
    let mut unknown = Vec::new();
    for code in codes_text
        .split(|character: char| character == ',' || character.is_whitespace())
        .filter(|code| !code.is_empty())
    {
        match RuleCode::from_code(&code.to_ascii_lowercase()) {
            Some(rule) if !codes.contains(&rule) => codes.push(rule),
            Some(_) => {}
            None => unknown.push(code.to_string()),
        }
    }
    Some((kind, codes, unknown, reason))
}

/// Every directive in `text`, in order, with the ranges it applies to.
pub fn parse(text: &str, format: Format) -> Vec<Suppression> {
    let mut found = directives(text, format);
    assign_scopes(text, &mut found);
    found
}

/// Every directive in `text`, in order, without the ranges it applies to (see
/// [`assign_scopes`]): a segment of a draft knows its directives, but only the whole draft
/// knows where a `copydesk-disable` region ends.
pub fn directives(text: &str, format: Format) -> Vec<Suppression> {
    let mut found = Vec::new();
    // Most drafts have no directive: one substring search, and nothing else is parsed.
    if !text.contains("copydesk-") {
        return found;
    }
    match format {
        Format::Markdown => {
            for range in html_ranges(text) {
                let html = &text[range.clone()];
                let mut from = 0;
                while let Some(open) = html[from..].find("<!--") {
                    let start = from + open;
                    let Some(close) = html[start + 4..].find("-->") else {
                        break;
                    };
                    let end = start + 4 + close + 3;
                    if let Some((kind, codes, unknown_codes, reason)) =
                        read_directive(&html[start + 4..end - 3])
                    {
                        let reason_at = range.start + end - 3;
                        let reason_at = reason_at
                            - (text[..reason_at].len() - text[..reason_at].trim_end().len());
                        found.push(Suppression {
                            kind,
                            span: range.start + start..range.start + end,
                            codes,
                            unknown_codes,
                            reason,
                            reason_at,
                            scope: Vec::new(),
                            suppressed: 0,
                        });
                    }
                    from = end;
                }
            }
        }
        Format::PlainText => {
            for line in line_ranges(text) {
                let content = &text[line.clone()];
                let trimmed = content.trim();
                let inner = trimmed
                    .strip_prefix("<!--")
                    .and_then(|rest| rest.strip_suffix("-->"))
                    .unwrap_or(trimmed);
                if let Some((kind, codes, unknown_codes, reason)) = read_directive(inner) {
                    let start = line.start + (content.len() - content.trim_start().len());
                    let end = start + trimmed.len();
                    let reason_at = if trimmed.ends_with("-->") && trimmed.starts_with("<!--") {
                        start + text[start..end - 3].trim_end().len()
                    } else {
                        end
                    };
                    found.push(Suppression {
                        kind,
                        span: start..end,
                        codes,
                        unknown_codes,
                        reason,
                        reason_at,
                        scope: Vec::new(),
                        suppressed: 0,
                    });
                }
            }
        }
    }
    found
}

/// The byte ranges that the Markdown parser reports as HTML, with adjacent pieces of one block
/// joined (an HTML block arrives one line at a time).
fn html_ranges(text: &str) -> Vec<Range<usize>> {
    if !text.contains("copydesk-") {
        return Vec::new();
    }
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        if !matches!(event, Event::Html(_) | Event::InlineHtml(_)) {
            continue;
        }
        match ranges.last_mut() {
            Some(last)
                if last.end <= range.start && text[last.end..range.start].trim().is_empty() =>
            {
                last.end = last.end.max(range.end);
            }
            _ => ranges.push(range),
        }
    }
    ranges
}

/// Works out the ranges each directive of `text` applies to.
pub fn assign_scopes(text: &str, found: &mut [Suppression]) {
    // Per rule: the directive that opened a region still open, and where the region starts.
    let mut open: Vec<Option<(usize, usize)>> = vec![None; RuleCode::ALL.len()];
    let index_of = |rule: RuleCode| RuleCode::ALL.iter().position(|code| *code == rule);
    for at in 0..found.len() {
        let directive = found[at].clone();
        let rules: Vec<usize> = if directive.codes.is_empty() && directive.unknown_codes.is_empty()
        {
            (0..RuleCode::ALL.len()).collect()
        } else {
            directive
                .codes
                .iter()
                .filter_map(|code| index_of(*code))
                .collect()
        };
        match directive.kind {
            SuppressionKind::NextLine => {
                if let Some(next) = line_after(text, directive.span.end) {
                    found[at].scope.push((next, None));
                }
            }
            SuppressionKind::File => found[at].scope.push((0..text.len(), None)),
            SuppressionKind::Disable => {
                for rule in rules {
                    if open[rule].is_none() {
                        open[rule] = Some((at, directive.span.end));
                    }
                }
            }
            SuppressionKind::Enable => {
                for rule in rules {
                    if let Some((opener, start)) = open[rule].take() {
                        found[opener]
                            .scope
                            .push((start..directive.span.start, Some(RuleCode::ALL[rule])));
                        found[at].suppressed += 1;
                    }
                }
            }
        }
    }
    for (rule, slot) in open.into_iter().enumerate() {
        if let Some((opener, start)) = slot {
            found[opener]
                .scope
                .push((start..text.len(), Some(RuleCode::ALL[rule])));
        }
    }
}

/// The line after the one holding `offset`, without its line break; `None` on the last line.
/// Only the text from `offset` on is read, so the cost does not grow with the draft.
fn line_after(text: &str, offset: usize) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let is_break = |byte: &u8| matches!(byte, b'\n' | b'\r');
    let break_at = offset + bytes[offset..].iter().position(is_break)?;
    let start = if bytes[break_at] == b'\r' && bytes.get(break_at + 1) == Some(&b'\n') {
        break_at + 2
    } else {
        break_at + 1
    };
    let end = bytes[start..]
        .iter()
        .position(is_break)
        .map_or(text.len(), |length| start + length);
    Some(start..end)
}

/// Removes the findings that directives silence and counts what each silenced. The findings
/// about the directives themselves are the suppression rules' (see
/// `rules::report_suppressions`), which read these counts.
pub fn apply(suppressions: &mut [Suppression], findings: &mut Vec<Finding>) {
    findings.retain(|finding| {
        if finding.rule.is_about_suppressions() {
            return true;
        }
        let mut silenced = false;
        for suppression in suppressions.iter_mut() {
            if suppression.kind == SuppressionKind::Enable || !suppression.covers(finding.rule) {
                continue;
            }
            let start = finding.span.start;
            if suppression.scope.iter().any(|(range, rule)| {
                rule.is_none_or(|rule| rule == finding.rule)
                    && range.start <= start
                    && start < range.end.max(range.start + 1)
            }) {
                suppression.suppressed += 1;
                silenced = true;
            }
        }
        !silenced
    });
}

/// A finding of `rule` on the suppression comment itself, at `severity` (the rule's default:
/// the registry applies the user's choice).
pub(crate) fn finding_on(
    suppression: &Suppression,
    rule: RuleCode,
    severity: Severity,
    message: String,
    notes: Vec<String>,
    fixes: Vec<Fix>,
) -> Finding {
    Finding {
        rule,
        span: suppression.span.clone(),
        severity,
        message,
        details: Details::Notes(notes),
        fixes,
        related: Vec::new(),
    }
}

/// Where a suppression comment for a finding is written: the finding's line and the line
/// before it, with where they stand in the draft. The caller reads them from whatever holds the
/// draft (the server's rope), so that writing a comment never copies the whole text.
pub struct CommentSite<'a> {
    /// Where the finding's line starts in the draft.
    pub line_start: usize,
    /// The finding's line, with its line break.
    pub line: &'a str,
    /// The line before it, with its line break, when there is one.
    pub previous: Option<&'a str>,
    /// The draft's length in bytes, and whether it ends with a line break (or is empty).
    pub draft_len: usize,
    pub ends_with_newline: bool,
}

/// "Mark as checked (add reason)" and "Disable <rule> in this file": the edits that write a
/// suppression comment for a finding of `rule` at `site`, in the form [`parse`] reads, with
/// `reason` as the reason's placeholder.
pub fn comment_edits(
    site: &CommentSite,
    format: Format,
    rule: RuleCode,
    reason: &str,
) -> Vec<(String, Edit)> {
    let code = rule.as_str();
    let newline = if site.line.ends_with("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let indent: String = site
        .line
        .chars()
        .take_while(|character| *character == ' ' || *character == '\t')
        .collect();
    let line_start = site.line_start;
    let next_line = match format {
        Format::PlainText => Edit::insert(
            line_start,
            format!("{indent}copydesk-disable-next-line {code} -- {reason}{newline}"),
        ),
        Format::Markdown => match site.previous {
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
    let before = if site.ends_with_newline { "" } else { "\n" };
    let whole_file = match format {
        Format::PlainText => format!("{before}copydesk-disable-file {code} -- {reason}\n"),
        Format::Markdown => {
            format!("{before}\n<!-- copydesk-disable-file {code} -- {reason} -->\n")
        }
    };
    vec![
        ("Mark as checked (add reason)".to_string(), next_line),
        (
            format!("Disable {code} in this file"),
            Edit::insert(site.draft_len, whole_file),
        ),
    ]
}

/// The fix that deletes a suppression comment (with its line when it stands alone on it).
pub(crate) fn removal(text: &str, suppression: &Suppression) -> Fix {
    Fix {
        title: "Remove the suppression".to_string(),
        edits: vec![Edit::replace(removal_range(text, &suppression.span), "")],
    }
}

/// The directive with its line when it stands alone on it, else just the directive.
fn removal_range(text: &str, span: &Range<usize>) -> Range<usize> {
    let line_start = text[..span.start].rfind('\n').map_or(0, |at| at + 1);
    let line_end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |at| span.end + at + 1);
    let alone = text[line_start..span.start].trim().is_empty()
        && text[span.end..line_end].trim().is_empty();
    if alone {
        line_start..line_end
    } else {
        span.clone()
    }
}

/// For plain text: the text with every directive blanked (NUL bytes keep the length and line
/// structure, and are no word, no space and no sentence end), so that a directive's words are
/// never read as prose.
pub fn mask_directives(text: &str, suppressions: &[Suppression]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for suppression in suppressions {
        for byte in &mut bytes[suppression.span.clone()] {
            if *byte != b'\n' && *byte != b'\r' {
                *byte = 0;
            }
        }
    }
    // Whole characters were replaced (a directive starts and ends on a character boundary).
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str, format: Format) -> Vec<(SuppressionKind, String, Option<String>)> {
        parse(text, format)
            .into_iter()
            .map(|found| (found.kind, found.describe_codes(), found.reason))
            .collect()
    }

    #[test]
    fn reads_every_form_in_markdown() {
        let text = "<!-- copydesk-disable-next-line unsourced-figure -- from the PDF, p. 4 -->\n\
                    A\n\
                    <!-- copydesk-disable relative-date,unattributed-quote -->\n\
                    B\n\
                    <!--copydesk-enable-->\n\
                    <!-- copydesk-disable-file -- series style -->\n";
        assert_eq!(
            kinds(text, Format::Markdown),
            vec![
                (
                    SuppressionKind::NextLine,
                    "unsourced-figure".to_string(),
                    Some("from the PDF, p. 4".to_string())
                ),
                (
                    SuppressionKind::Disable,
                    "relative-date, unattributed-quote".to_string(),
                    None
                ),
                (SuppressionKind::Enable, "all rules".to_string(), None),
                (
                    SuppressionKind::File,
                    "all rules".to_string(),
                    Some("series style".to_string())
                ),
            ]
        );
    }

    #[test]
    fn a_directive_in_code_is_no_directive() {
        let text = "```\n<!-- copydesk-disable-file -->\n```\n\nSay `<!-- copydesk-disable -->`.\n";
        assert!(parse(text, Format::Markdown).is_empty());
    }

    #[test]
    fn plain_text_directives_stand_on_their_own_line() {
        let text = "copydesk-disable-next-line relative-date -- checked\nOn Monday.\nHe said copydesk-disable.\n  <!-- copydesk-disable-file -->\n";
        assert_eq!(
            kinds(text, Format::PlainText),
            vec![
                (
                    SuppressionKind::NextLine,
                    "relative-date".to_string(),
                    Some("checked".to_string())
                ),
                (SuppressionKind::File, "all rules".to_string(), None),
            ]
        );
    }

    #[test]
    fn regions_end_at_enable_per_rule() {
        let text = "<!-- copydesk-disable -->\nA\n<!-- copydesk-enable relative-date -->\nB\n";
        let found = parse(text, Format::Markdown);
        let disable = &found[0];
        let enable_at = text.find("<!-- copydesk-enable").unwrap();
        assert!(disable
            .scope
            .contains(&(disable.span.end..enable_at, Some(RuleCode::RelativeDate))));
        assert!(disable.scope.contains(&(
            disable.span.end..text.len(),
            Some(RuleCode::UnsourcedFigure)
        )));
        assert_eq!(found[1].suppressed, 1);
    }

    #[test]
    fn masking_keeps_length_and_lines() {
        let text = "copydesk-disable-file — ok\nText\n";
        let masked = mask_directives(text, &parse(text, Format::PlainText));
        assert_eq!(masked.len(), text.len());
        assert!(masked.ends_with("\nText\n"));
        assert!(!masked.contains("copydesk"));
    }
}
