//! The sheet as Markdown, to paste into a ticket or a CMS note.

use std::fmt::Write as _;

use super::*;

impl Sheet {
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
            &QUOTES,
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
            &PEOPLE,
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
            &DATES,
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
            &FIGURES,
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
            &SUPPRESSIONS,
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
}

/// A Markdown table cell: pipes escaped, on one line.
fn md_cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

fn section(out: &mut String, section: &Section, rows: impl Iterator<Item = Vec<String>>) {
    let title = section.title;
    // A box to tick and the place come first, then the section's own columns.
    let header: Vec<&str> = ["", "Where"]
        .into_iter()
        .chain(section.columns.iter().copied())
        .collect();
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
