//! The sheet as one self-contained HTML page: inline style and script, nothing loaded from
//! elsewhere.

use std::fmt::Write as _;

use super::*;

impl Sheet {
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
            &QUOTES,
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
            &PEOPLE,
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
            &DATES,
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
            &FIGURES,
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
            &SUPPRESSIONS,
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
    section: &Section,
    rows: impl Iterator<Item = (&'a Place, Vec<String>)>,
) {
    let Section { id, title, columns } = section;
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
    for cell in *columns {
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
    fn html_escapes_everything_from_the_draft() {
        assert_eq!(
            html("<script>\"a\" & 'b'"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;"
        );
    }
}
