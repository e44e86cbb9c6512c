//! The fact-check sheet: everything copydesk knows about one draft on one page, for the desk to
//! sign off before publication. Every quotation with its speaker and status, every person and
//! organisation with the spellings used, every relative date with the day it means, every
//! figure with its source, and every suppression with its reason.
//!
//! [`Sheet::build`] reads a draft's [`Analysis`]; the sheet then renders as Markdown (to paste
//! into a ticket or CMS note), JSON (for scripts) or one self-contained HTML page (no external
//! assets, prints cleanly, keeps the editor's ticks in the page's local storage). The command
//! line (`copydesk sheet`) and the language server (`copydesk.sheet`) both use it, so they
//! always agree. Nothing here reads files or clocks.

use std::fmt::Write as _;
use std::ops::Range;

use serde_json::{json, Value};

use crate::analysis::names::Person;
use crate::analysis::quotes::QuoteKind;
use crate::analysis::{calendar, Analysis, Details, RuleCode};

/// One row's place in the draft: its line (1-based) and byte range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub line: usize,
    pub span: Range<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteRow {
    pub place: Place,
    pub excerpt: String,
    pub kind: &'static str,
    pub speaker: String,
    pub cue: String,
    pub how: String,
    /// attributed, unattributed, distant, or not speech.
    pub status: &'static str,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonRow {
    pub place: Place,
    pub name: String,
    pub kind: &'static str,
    pub title: String,
    /// "line 4: Mykhailo Podolyak", or that the full name is never given.
    pub first_reference: String,
    pub mentions: usize,
    pub variants: Vec<String>,
    pub quotations: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateRow {
    pub place: Place,
    pub expression: String,
    pub meaning: String,
    pub how: String,
    pub fix: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureRow {
    pub place: Place,
    pub figure: String,
    pub understood: String,
    pub source: String,
    /// sourced, unsourced, or vague.
    pub status: &'static str,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SuppressionRow {
    pub place: Place,
    pub rules: String,
    pub reason: String,
    pub silenced: usize,
}

/// The fact-check sheet of one draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sheet {
    /// The draft's name as the desk knows it (its file name).
    pub draft: String,
    pub headline: String,
    pub publication: String,
    /// Where the publication date came from ("from the front matter").
    pub publication_source: String,
    /// Findings by rule, in the registry's order, rules with none left out.
    pub counts: Vec<(RuleCode, usize)>,
    pub quotes: Vec<QuoteRow>,
    pub people: Vec<PersonRow>,
    pub dates: Vec<DateRow>,
    pub figures: Vec<FigureRow>,
    pub suppressions: Vec<SuppressionRow>,
}

/// The number of characters of a quotation shown in the sheet.
const EXCERPT_CHARACTERS: usize = 90;

impl Sheet {
    /// The sheet of `text` (named `draft`) from its analysis.
    pub fn build(draft: &str, text: &str, analysis: &Analysis) -> Sheet {
        let lines = LineIndex::new(text);
        let place = |span: &Range<usize>| Place {
            line: lines.line_of(span.start),
            span: span.clone(),
        };
        let mut counts: Vec<(RuleCode, usize)> = Vec::new();
        for rule in crate::analysis::rules::REGISTRY {
            let count = analysis
                .findings
                .iter()
                .filter(|finding| finding.rule == rule.code)
                .count();
            if count > 0 {
                counts.push((rule.code, count));
            }
        }
        let quotes = analysis
            .quotations
            .iter()
            .filter(|quotation| !quotation.nested)
            .map(|quotation| {
                let distant = analysis.findings.iter().any(|finding| {
                    finding.rule == RuleCode::DistantAttribution
                        && finding.span.start < quotation.span.end
                        && quotation.span.start < finding.span.end
                });
                let status = match (quotation.kind, &quotation.attribution) {
                    (QuoteKind::Speech, Some(_)) if distant => "distant",
                    (QuoteKind::Speech, Some(_)) => "attributed",
                    (QuoteKind::Speech, None) => "unattributed",
                    _ => "not speech",
                };
                QuoteRow {
                    place: place(&quotation.span),
                    excerpt: excerpt(&text[quotation.span.clone()]),
                    kind: quotation.kind.as_str(),
                    speaker: quotation.speaker.clone().unwrap_or_default(),
                    cue: quotation
                        .attribution
                        .as_ref()
                        .map(|attribution| attribution.cue.text.clone())
                        .unwrap_or_default(),
                    how: quotation
                        .attribution
                        .as_ref()
                        .map(|attribution| format!("found {}", attribution.scope.describe()))
                        .unwrap_or_default(),
                    status,
                }
            })
            .collect();
        let people = analysis
            .people
            .iter()
            .map(|person| person_row(text, &lines, person))
            .collect();
        let mut dates = Vec::new();
        for finding in &analysis.findings {
            match &finding.details {
                Details::RelativeDate(date) => dates.push(DateRow {
                    place: place(&finding.span),
                    expression: date.expression.clone(),
                    meaning: date.meaning.clone(),
                    how: date.reasoning.clone(),
                    fix: finding
                        .fixes
                        .first()
                        .map(|fix| fix.title.clone())
                        .unwrap_or_default(),
                }),
                Details::WeekdayMismatch(mismatch) => dates.push(DateRow {
                    place: place(&finding.span),
                    expression: mismatch.written.clone(),
                    meaning: format!("not a match: the date is {}", mismatch.actual),
                    how: format!("the nearest such weekday is {}", mismatch.nearest),
                    fix: finding
                        .fixes
                        .first()
                        .map(|fix| fix.title.clone())
                        .unwrap_or_default(),
                }),
                _ => {}
            }
        }
        let figures = analysis
            .figures
            .iter()
            .map(|figure| FigureRow {
                place: place(&figure.span),
                figure: text[figure.span.clone()].to_string(),
                understood: figure.understood.clone(),
                source: figure.source.clone().unwrap_or_default(),
                status: match (&figure.source, figure.vague) {
                    (Some(_), _) => "sourced",
                    (None, true) => "vague",
                    (None, false) => "unsourced",
                },
            })
            .collect();
        let suppressions = analysis
            .suppressions
            .iter()
            .map(|suppression| SuppressionRow {
                place: place(&suppression.span),
                rules: format!(
                    "{} ({})",
                    suppression.describe_codes(),
                    suppression.kind.keyword()
                ),
                reason: suppression.reason.clone().unwrap_or_default(),
                silenced: suppression.suppressed,
            })
            .collect();
        Sheet {
            draft: draft.to_string(),
            headline: headline(text).unwrap_or_else(|| draft.to_string()),
            publication: calendar::weekday_date(analysis.reference.date),
            publication_source: analysis.reference.source.describe(),
            counts,
            quotes,
            people,
            dates,
            figures,
            suppressions,
        }
    }

    /// The sheet as Markdown: one table per kind, each row starting with `draft:line` so that
    /// an editor's "go to file" (Vim's `gF`) jumps to it.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# Fact-check sheet: {}\n", md_cell(&self.headline));
        let _ = writeln!(out, "- Draft: `{}`", self.draft);
        let _ = writeln!(
            out,
            "- Publication date: {} ({})",
            self.publication, self.publication_source
        );
        let _ = writeln!(out, "- Findings: {}\n", self.counts_text());
        let location = |place: &Place| format!("{}:{}", self.draft, place.line);
        section(
            &mut out,
            "Quotes",
            &[
                "",
                "Where",
                "Quotation",
                "Kind",
                "Speaker",
                "Cue",
                "How found",
                "Status",
            ],
            self.quotes.iter().map(|row| {
                vec![
                    "[ ]".to_string(),
                    location(&row.place),
                    row.excerpt.clone(),
                    row.kind.to_string(),
                    row.speaker.clone(),
                    row.cue.clone(),
                    row.how.clone(),
                    row.status.to_string(),
                ]
            }),
        );
        section(
            &mut out,
            "People and organisations",
            &[
                "",
                "Where",
                "Name",
                "Kind",
                "Title",
                "First reference",
                "Mentions",
                "Variants",
                "Quoted",
            ],
            self.people.iter().map(|row| {
                vec![
                    "[ ]".to_string(),
                    location(&row.place),
                    row.name.clone(),
                    row.kind.to_string(),
                    row.title.clone(),
                    row.first_reference.clone(),
                    row.mentions.to_string(),
                    row.variants.join(", "),
                    row.quotations.to_string(),
                ]
            }),
        );
        section(
            &mut out,
            "Dates",
            &["", "Where", "Expression", "Means", "How", "Fix"],
            self.dates.iter().map(|row| {
                vec![
                    "[ ]".to_string(),
                    location(&row.place),
                    row.expression.clone(),
                    row.meaning.clone(),
                    row.how.clone(),
                    row.fix.clone(),
                ]
            }),
        );
        section(
            &mut out,
            "Figures",
            &["", "Where", "Figure", "Measures", "Source", "Status"],
            self.figures.iter().map(|row| {
                vec![
                    "[ ]".to_string(),
                    location(&row.place),
                    row.figure.clone(),
                    row.understood.clone(),
                    row.source.clone(),
                    row.status.to_string(),
                ]
            }),
        );
        section(
            &mut out,
            "Suppressions",
            &["", "Where", "Rules", "Reason", "Silenced"],
            self.suppressions.iter().map(|row| {
                vec![
                    "[ ]".to_string(),
                    location(&row.place),
                    row.rules.clone(),
                    row.reason.clone(),
                    row.silenced.to_string(),
                ]
            }),
        );
        out.push_str("## Sign-off\n\nChecked by ______________________ on ______________\n");
        out
    }

    /// The sheet as one JSON object, for scripts.
    pub fn to_json(&self) -> Value {
        let place = |place: &Place| json!({ "line": place.line, "byteStart": place.span.start, "byteEnd": place.span.end });
        json!({
            "draft": self.draft,
            "headline": self.headline,
            "publication": { "date": self.publication, "source": self.publication_source },
            "counts": self.counts.iter().map(|(rule, count)| (rule.as_str().to_string(), json!(count))).collect::<serde_json::Map<_, _>>(),
            "quotes": self.quotes.iter().map(|row| json!({
                "place": place(&row.place), "excerpt": row.excerpt, "kind": row.kind,
                "speaker": row.speaker, "cue": row.cue, "how": row.how, "status": row.status,
            })).collect::<Vec<_>>(),
            "people": self.people.iter().map(|row| json!({
                "place": place(&row.place), "name": row.name, "kind": row.kind, "title": row.title,
                "firstReference": row.first_reference, "mentions": row.mentions,
                "variants": row.variants, "quotations": row.quotations,
            })).collect::<Vec<_>>(),
            "dates": self.dates.iter().map(|row| json!({
                "place": place(&row.place), "expression": row.expression, "means": row.meaning,
                "how": row.how, "fix": row.fix,
            })).collect::<Vec<_>>(),
            "figures": self.figures.iter().map(|row| json!({
                "place": place(&row.place), "figure": row.figure, "measures": row.understood,
                "source": row.source, "status": row.status,
            })).collect::<Vec<_>>(),
            "suppressions": self.suppressions.iter().map(|row| json!({
                "place": place(&row.place), "rules": row.rules, "reason": row.reason,
                "silenced": row.silenced,
            })).collect::<Vec<_>>(),
        })
    }

    /// The sheet as one self-contained HTML page: its style and its one script are inline,
    /// and its Content-Security-Policy forbids loading anything else. Each row has a box to
    /// tick, kept in the page's local storage; in the editor, clicking a row reveals its line.
    pub fn to_html(&self) -> String {
        let mut out = String::new();
        out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n");
        out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        let _ = writeln!(
            out,
            "<title>Fact-check sheet: {}</title>",
            html(&self.headline)
        );
        out.push_str("<style>\n");
        out.push_str(STYLE);
        out.push_str("</style>\n</head>\n");
        let _ = writeln!(
            out,
            "<body data-sheet=\"{}\">",
            html(&format!("{}|{}", self.draft, self.headline))
        );
        let _ = writeln!(
            out,
            "<header>\n<p class=\"kicker\">copydesk fact-check sheet</p>\n<h1>{}</h1>",
            html(&self.headline)
        );
        let _ = writeln!(
            out,
            "<dl>\n<dt>Draft</dt><dd><code>{}</code></dd>\n<dt>Publication date</dt><dd>{} <span class=\"note\">({})</span></dd>\n<dt>Findings</dt><dd>{}</dd>\n</dl>\n</header>",
            html(&self.draft),
            html(&self.publication),
            html(&self.publication_source),
            html(&self.counts_text())
        );
        let status_cell = |status: &str| {
            format!(
                "<span class=\"status status-{}\">{}</span>",
                status.replace(' ', "-"),
                html(status)
            )
        };
        html_section(
            &mut out,
            "quotes",
            "Quotes",
            &["Quotation", "Kind", "Speaker", "Cue", "How found", "Status"],
            self.quotes.iter().map(|row| {
                (
                    &row.place,
                    vec![
                        format!("<q>{}</q>", html(row.excerpt.trim_matches(QUOTE_MARKS))),
                        html(row.kind),
                        html(&row.speaker),
                        html(&row.cue),
                        html(&row.how),
                        status_cell(row.status),
                    ],
                )
            }),
        );
        html_section(
            &mut out,
            "people",
            "People and organisations",
            &[
                "Name",
                "Kind",
                "Title",
                "First reference",
                "Mentions",
                "Variants",
                "Quoted",
            ],
            self.people.iter().map(|row| {
                (
                    &row.place,
                    vec![
                        format!("<strong>{}</strong>", html(&row.name)),
                        html(row.kind),
                        html(&row.title),
                        html(&row.first_reference),
                        row.mentions.to_string(),
                        if row.variants.is_empty() {
                            String::new()
                        } else {
                            status_cell_text("variant", &row.variants.join(", "))
                        },
                        row.quotations.to_string(),
                    ],
                )
            }),
        );
        html_section(
            &mut out,
            "dates",
            "Dates",
            &["Expression", "Means", "How", "Fix"],
            self.dates.iter().map(|row| {
                (
                    &row.place,
                    vec![
                        html(&row.expression),
                        format!("<strong>{}</strong>", html(&row.meaning)),
                        html(&row.how),
                        html(&row.fix),
                    ],
                )
            }),
        );
        html_section(
            &mut out,
            "figures",
            "Figures",
            &["Figure", "Measures", "Source", "Status"],
            self.figures.iter().map(|row| {
                (
                    &row.place,
                    vec![
                        format!("<strong>{}</strong>", html(&row.figure)),
                        html(&row.understood),
                        html(&row.source),
                        status_cell(row.status),
                    ],
                )
            }),
        );
        html_section(
            &mut out,
            "suppressions",
            "Suppressions",
            &["Rules", "Reason", "Silenced"],
            self.suppressions.iter().map(|row| {
                (
                    &row.place,
                    vec![
                        html(&row.rules),
                        html(&row.reason),
                        row.silenced.to_string(),
                    ],
                )
            }),
        );
        out.push_str("<section class=\"signoff\">\n<h2>Sign-off</h2>\n<p>Checked by <span class=\"blank\"></span> on <span class=\"blank short\"></span></p>\n</section>\n");
        out.push_str("<script>\n");
        out.push_str(SCRIPT);
        out.push_str("</script>\n</body>\n</html>\n");
        out
    }

    fn counts_text(&self) -> String {
        if self.counts.is_empty() {
            return "none".to_string();
        }
        self.counts
            .iter()
            .map(|(rule, count)| format!("{rule} {count}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

const QUOTE_MARKS: &[char] = &['"', '“', '”', '„', '«', '»', '\'', '‘', '’', '`'];

fn person_row(text: &str, lines: &LineIndex, person: &Person) -> PersonRow {
    let first = person
        .first_full
        .clone()
        .or_else(|| person.mentions.first().cloned())
        .unwrap_or(0..0);
    let first_reference = match &person.first_full {
        Some(range) => {
            let before_full = person
                .mentions
                .first()
                .is_some_and(|mention| mention.start < range.start);
            let mut described = format!(
                "line {}: {}",
                lines.line_of(range.start),
                &text[range.clone()]
            );
            if before_full {
                described.push_str(" (named by surname earlier)");
            }
            described
        }
        None => "never given in full".to_string(),
    };
    PersonRow {
        place: Place {
            line: lines.line_of(first.start),
            span: first,
        },
        name: person.name.clone(),
        kind: person.kind.as_str(),
        title: person.title.clone().unwrap_or_default(),
        first_reference,
        mentions: person.mentions.len(),
        variants: person.variants.clone(),
        quotations: person.quotations,
    }
}

/// The first `EXCERPT_CHARACTERS` characters of a quotation, on one line.
fn excerpt(quotation: &str) -> String {
    let flat: String = quotation.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= EXCERPT_CHARACTERS {
        return flat;
    }
    let mut cut: String = flat.chars().take(EXCERPT_CHARACTERS - 1).collect();
    cut.push('…');
    cut
}

/// The draft's headline: the front matter's `title:`, else its first heading, else its first
/// line of text.
pub fn headline(text: &str) -> Option<String> {
    let mut body = text;
    if let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    {
        if let Some(end) = rest.find("\n---") {
            for line in rest[..end].lines() {
                if let Some(value) = line.strip_prefix("title:") {
                    let value = value.trim().trim_matches(['"', '\'']).trim();
                    if !value.is_empty() {
                        return Some(value.to_string());
                    }
                }
            }
            body = rest[end + 4..].trim_start_matches(['-', '\r', '\n']);
        }
    }
    let lines = body.lines().map(str::trim).filter(|line| !line.is_empty());
    for line in lines.clone() {
        if let Some(heading) = line.strip_prefix('#') {
            return Some(heading.trim_start_matches('#').trim().to_string());
        }
    }
    lines
        .clone()
        .next()
        .map(|line| excerpt(line.trim_start_matches(['#', ' '])))
}

/// Line numbers (1-based) of byte offsets, counting `\n`, `\r\n` and a lone `\r` as an LSP
/// client does.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        LineIndex {
            starts: crate::analysis::prose::line_ranges(text)
                .into_iter()
                .map(|range| range.start)
                .collect(),
        }
    }

    fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|start| *start <= offset).max(1)
    }
}

/// A Markdown table cell: pipes escaped, on one line.
fn md_cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

fn section(
    out: &mut String,
    title: &str,
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) {
    let rows: Vec<Vec<String>> = rows.collect();
    let _ = writeln!(out, "## {title} ({})\n", rows.len());
    if rows.is_empty() {
        out.push_str("None.\n\n");
        return;
    }
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let _ = writeln!(
        out,
        "|{}|",
        header.iter().map(|_| "---").collect::<Vec<_>>().join("|")
    );
    for row in rows {
        let cells: Vec<String> = row.iter().map(|cell| md_cell(cell)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

/// Escapes text for HTML content and attribute values.
fn html(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            _ => escaped.push(character),
        }
    }
    escaped
}

fn status_cell_text(status: &str, text: &str) -> String {
    format!(
        "<span class=\"status status-{status}\">{}</span>",
        html(text)
    )
}

fn html_section<'a>(
    out: &mut String,
    id: &str,
    title: &str,
    header: &[&str],
    rows: impl Iterator<Item = (&'a Place, Vec<String>)>,
) {
    let rows: Vec<(&Place, Vec<String>)> = rows.collect();
    let _ = writeln!(
        out,
        "<section id=\"{id}\">\n<h2>{} <span class=\"count\">{}</span></h2>",
        html(title),
        rows.len()
    );
    if rows.is_empty() {
        out.push_str("<p class=\"none\">None.</p>\n</section>\n");
        return;
    }
    out.push_str("<table>\n<thead><tr><th class=\"tick\">✓</th><th class=\"line\">Line</th>");
    for cell in header {
        let _ = write!(out, "<th>{}</th>", html(cell));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (index, (place, cells)) in rows.iter().enumerate() {
        let _ = write!(
            out,
            "<tr data-line=\"{}\" data-row=\"{id}-{index}\"><td class=\"tick\"><input type=\"checkbox\" aria-label=\"checked\"></td><td class=\"line\">{}</td>",
            place.line, place.line
        );
        for cell in cells {
            let _ = write!(out, "<td>{cell}</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

const STYLE: &str = r#":root { color-scheme: light; --ink: #1b1b1b; --rule: #c9c9c9; --muted: #5f5f5f; --flag: #a4161a; --warn: #8a5a00; --ok: #1e6b34; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.4 Georgia, "Times New Roman", serif; color: var(--ink); background: #fff; margin: 0 auto; max-width: 1100px; padding: 24px; }
header h1 { font-size: 20pt; margin: 0 0 8px; }
.kicker { font: 600 9pt/1 system-ui, sans-serif; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); margin: 0 0 6px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 12px; }
dt { font-weight: 600; } dd { margin: 0; }
.note { color: var(--muted); }
h2 { font: 600 12.5pt/1.2 system-ui, sans-serif; border-bottom: 2px solid var(--ink); padding-bottom: 3px; margin: 22px 0 6px; }
.count { color: var(--muted); font-weight: 400; }
table { width: 100%; border-collapse: collapse; font-size: 9.5pt; }
th, td { text-align: left; vertical-align: top; padding: 4px 6px; border-bottom: 1px solid var(--rule); }
th { font: 600 8.5pt/1.2 system-ui, sans-serif; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
td.line, th.line { width: 3.5em; color: var(--muted); font-variant-numeric: tabular-nums; }
td.tick, th.tick { width: 2em; }
tr[data-line] { cursor: pointer; }
tr[data-line]:hover { background: #f3f3f3; }
tr.done td { color: var(--muted); }
.status { font: 600 8.5pt/1 system-ui, sans-serif; padding: 2px 5px; border-radius: 3px; border: 1px solid currentColor; white-space: nowrap; }
.status-attributed, .status-sourced { color: var(--ok); }
.status-unattributed, .status-unsourced, .status-variant { color: var(--flag); }
.status-distant, .status-vague { color: var(--warn); }
.status-not-speech { color: var(--muted); }
.none { color: var(--muted); font-style: italic; }
.signoff p { font-size: 11pt; margin-top: 18px; }
.blank { display: inline-block; width: 16em; border-bottom: 1px solid var(--ink); }
.blank.short { width: 9em; }
@page { margin: 14mm 12mm; }
@media print {
  body { padding: 0; max-width: none; font-size: 9.5pt; }
  tr { break-inside: avoid; }
  h2 { break-after: avoid; }
  tr[data-line]:hover { background: none; }
  .signoff { break-inside: avoid; }
}
"#;

const SCRIPT: &str = r#"(function () {
  "use strict";
  // Ticks are kept per sheet in local storage, so that a reload keeps them. Storage may be
  // unavailable (a locked-down browser or webview): the boxes then work for the session only.
  var key = "copydesk-sheet:" + document.body.getAttribute("data-sheet");
  var store = null;
  try { store = window.localStorage; } catch (error) { store = null; }
  var ticked = {};
  try { ticked = JSON.parse((store && store.getItem(key)) || "{}") || {}; } catch (error) { ticked = {}; }
  // In the editor's webview, clicking a row asks the editor to reveal its line in the draft.
  var editor = typeof acquireVsCodeApi === "function" ? acquireVsCodeApi() : null;
  var rows = document.querySelectorAll("tr[data-row]");
  Array.prototype.forEach.call(rows, function (row) {
    var box = row.querySelector("input[type=checkbox]");
    var id = row.getAttribute("data-row");
    box.checked = !!ticked[id];
    row.classList.toggle("done", box.checked);
    box.addEventListener("change", function () {
      ticked[id] = box.checked;
      row.classList.toggle("done", box.checked);
      try { if (store) { store.setItem(key, JSON.stringify(ticked)); } } catch (error) { /* kept for the session */ }
    });
    row.addEventListener("click", function (event) {
      if (event.target === box || !editor) { return; }
      editor.postMessage({ command: "reveal", line: Number(row.getAttribute("data-line")) });
    });
  });
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_headline_comes_from_front_matter_then_heading_then_first_line() {
        assert_eq!(
            headline("---\ntitle: \"Fares rise\"\ndate: 2026-03-04\n---\n\n# Other\n").as_deref(),
            Some("Fares rise")
        );
        assert_eq!(
            headline("---\ndate: 2026-03-04\n---\n\n# Fares rise\n\nText.\n").as_deref(),
            Some("Fares rise")
        );
        assert_eq!(
            headline("\nFares rise\n\nText.\n").as_deref(),
            Some("Fares rise")
        );
        assert_eq!(headline(""), None);
    }

    #[test]
    fn html_escapes_everything_from_the_draft() {
        assert_eq!(
            html("<script>\"a\" & 'b'"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;"
        );
    }

    #[test]
    fn lines_count_every_kind_of_break() {
        let lines = LineIndex::new("a\nb\r\nc\rd");
        assert_eq!(
            [0, 2, 5, 7].map(|offset| lines.line_of(offset)),
            [1, 2, 3, 4]
        );
    }
}
