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
//!
//! The model and its JSON form are here; the Markdown and HTML renderers are `markdown` and
//! `html`.

mod html;
mod markdown;

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
/// One section of the sheet: its anchor in the HTML page, its title and its columns, named once
/// here so that the Markdown and HTML renderers show the same tables (each puts its own box to
/// tick and the draft's line before the columns).
struct Section {
    id: &'static str,
    title: &'static str,
    columns: &'static [&'static str],
}

const QUOTES: Section = Section {
    id: "quotes",
    title: "Quotes",
    columns: &["Quotation", "Kind", "Speaker", "Cue", "How found", "Status"],
};
const PEOPLE: Section = Section {
    id: "people",
    title: "People and organisations",
    columns: &[
        "Name",
        "Kind",
        "Title",
        "First reference",
        "Mentions",
        "Variants",
        "Quoted",
    ],
};
const DATES: Section = Section {
    id: "dates",
    title: "Dates",
    columns: &["Expression", "Means", "How", "Fix"],
};
const FIGURES: Section = Section {
    id: "figures",
    title: "Figures",
    columns: &["Figure", "Measures", "Source", "Status"],
};
const SUPPRESSIONS: Section = Section {
    id: "suppressions",
    title: "Suppressions",
    columns: &["Rules", "Reason", "Silenced"],
};

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
/// client does: the document model's count ([`crate::text::line_column`]), over a rope built
/// once for the whole sheet.
struct LineIndex {
    rope: ropey::Rope,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        LineIndex {
            rope: ropey::Rope::from_str(text),
        }
    }

    fn line_of(&self, offset: usize) -> usize {
        crate::text::line_column(&self.rope, offset).0 as usize
    }
}

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
    fn lines_count_every_kind_of_break() {
        let lines = LineIndex::new("a\nb\r\nc\rd");
        assert_eq!(
            [0, 2, 5, 7].map(|offset| lines.line_of(offset)),
            [1, 2, 3, 4]
        );
    }
}
