//! Whole-article fixtures: each draft in `tests/fixtures/` is analysed exactly as the command
//! line analyses it, and every finding is rendered into a readable report that is kept as a
//! snapshot in `tests/snapshots/`.
//!
//! The snapshots record today's behaviour, including findings we believe are wrong; those are
//! marked in the per-fixture tests below with a FIXME so that a rule change that fixes them
//! shows up as a reviewed snapshot change. The expected count of findings per rule is also
//! asserted directly, so that the expectations do not live only in the snapshot files.

use std::fmt::Write as _;
use std::path::Path;

use copydesk::analysis::prose::Prose;
use copydesk::analysis::{
    analyze, quote_attribution, Analysis, Finding, Format, RuleCode, Settings,
};

/// The date the engine is told is "today". It is far from every fixture's publication date, so
/// a finding resolved against it instead of the publication date stands out in the snapshot.
fn today() -> jiff::civil::Date {
    jiff::civil::date(2030, 1, 1)
}

/// The publication date of the plain-text fixtures, which have no front matter to give one;
/// the command line passes it with `--reference-date`.
fn plain_text_reference_date() -> jiff::civil::Date {
    jiff::civil::date(2022, 2, 28)
}

/// A fixture's text and what the engine found in it.
struct Checked {
    text: String,
    analysis: Analysis,
}

/// Reads a fixture and analyses it with the settings the command line would use for it.
fn check(name: &str) -> Checked {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()));
    let format = Format::from_path(&path);
    let mut settings = Settings::new(today());
    if format == Format::PlainText {
        settings.reference_date = Some(plain_text_reference_date());
    }
    let analysis = analyze(&text, format, &settings);
    Checked { text, analysis }
}

/// 1-based line and column of a byte offset; columns count Unicode scalar values, as the
/// command line prints them.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    let line = before.matches('\n').count() + 1;
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// The byte range of the line that contains `offset`, without its line break.
fn line_range(text: &str, offset: usize) -> std::ops::Range<usize> {
    let start = text[..offset].rfind('\n').map_or(0, |newline| newline + 1);
    let end = text[offset..]
        .find('\n')
        .map_or(text.len(), |newline| offset + newline);
    start..end
}

/// The finding's line after a fix is applied. Edits are applied from the last to the first so
/// that earlier byte offsets stay valid; every current fix edits a single line, and a fix that
/// reaches past the finding's line would show up here as text from the next line.
fn fixed_line(text: &str, finding: &Finding, fix_index: usize) -> String {
    let fix = &finding.fixes[fix_index];
    let mut edits = fix.edits.clone();
    edits.sort_by_key(|edit| std::cmp::Reverse(edit.range.start));
    let mut fixed = text.to_string();
    let line = line_range(text, finding.span.start);
    let mut line_end = line.end;
    for edit in &edits {
        fixed.replace_range(edit.range.clone(), &edit.replacement);
        if edit.range.start <= line_end {
            line_end = line_end + edit.replacement.len() - edit.range.len();
        }
    }
    excerpt(&text[line.clone()], &fixed[line.start..line_end])
}

/// Wire copy keeps a whole paragraph on one line, so a long fixed line is cut to the part that
/// changed with about sixty characters either side; the cut ends are marked with "…". Short lines are
/// shown whole.
fn excerpt(original: &str, fixed: &str) -> String {
    const CONTEXT: usize = 60;
    let fixed_chars: Vec<char> = fixed.chars().collect();
    if fixed_chars.len() <= 2 * CONTEXT + 40 {
        return fixed.to_string();
    }
    let original_chars: Vec<char> = original.chars().collect();
    let common_prefix = original_chars
        .iter()
        .zip(&fixed_chars)
        .take_while(|(before, after)| before == after)
        .count();
    let common_suffix = original_chars
        .iter()
        .rev()
        .zip(fixed_chars.iter().rev())
        .take_while(|(before, after)| before == after)
        .count()
        .min(fixed_chars.len() - common_prefix)
        .min(original_chars.len() - common_prefix);
    // The cut ends move outwards to the nearest space so that no word is shown in part.
    let mut from = common_prefix.saturating_sub(CONTEXT);
    while from > 0 && fixed_chars[from - 1] != ' ' {
        from -= 1;
    }
    let mut to = (fixed_chars.len() - common_suffix + CONTEXT).min(fixed_chars.len());
    while to < fixed_chars.len() && fixed_chars[to] != ' ' {
        to += 1;
    }
    let mut shown = String::new();
    if from > 0 {
        shown.push('…');
    }
    shown.extend(&fixed_chars[from..to]);
    if to < fixed_chars.len() {
        shown.push('…');
    }
    shown
}

/// Renders an analysis as a stable report: a header with the publication date and the counts,
/// then one block per finding.
fn render(checked: &Checked) -> String {
    let Checked { text, analysis } = checked;
    let mut report = String::new();
    writeln!(
        report,
        "publication date: {} ({})",
        analysis.reference.date,
        analysis.reference.source.describe()
    )
    .unwrap();
    let counts: Vec<String> = RuleCode::ALL
        .iter()
        .filter(|rule| !rule.is_about_suppressions())
        .map(|rule| format!("{rule} {}", count(analysis, *rule)))
        .collect();
    writeln!(
        report,
        "findings: {} ({})",
        analysis.findings.len(),
        counts.join(", ")
    )
    .unwrap();
    for finding in &analysis.findings {
        let (line, column) = line_column(text, finding.span.start);
        writeln!(report).unwrap();
        writeln!(
            report,
            "{line}:{column} {} {} {:?}",
            finding.severity.as_str(),
            finding.rule,
            &text[finding.span.clone()]
        )
        .unwrap();
        writeln!(report, "  message: {}", finding.message).unwrap();
        for note in finding.explanation() {
            writeln!(report, "  note: {note}").unwrap();
        }
        for (fix_index, fix) in finding.fixes.iter().enumerate() {
            writeln!(report, "  fix: {}", fix.title).unwrap();
            writeln!(report, "    => {}", fixed_line(text, finding, fix_index)).unwrap();
        }
    }
    report
}

fn count(analysis: &Analysis, rule: RuleCode) -> usize {
    analysis
        .findings
        .iter()
        .filter(|finding| finding.rule == rule)
        .count()
}

/// The covered text of every finding of one rule, in order.
fn covered(checked: &Checked, rule: RuleCode) -> Vec<&str> {
    checked
        .analysis
        .findings
        .iter()
        .filter(|finding| finding.rule == rule)
        .map(|finding| &checked.text[finding.span.clone()])
        .collect()
}

/// Every quotation of a fixture as (its first three words, its kind, where its attribution was
/// found). A zero
/// count of unattributed quotes proves little unless the speech quotations were read as speech,
/// so the fixtures with many quotations check this too.
fn quotations(
    checked: &Checked,
    format: Format,
) -> Vec<(String, &'static str, Option<&'static str>)> {
    let prose = Prose::parse(&checked.text, format);
    let (_, found, _) = quote_attribution::analyze(&prose.masked, &prose.paragraphs, None);
    found
        .into_iter()
        .map(|quotation| {
            let words: Vec<&str> = checked.text[quotation.inner.clone()]
                .split_whitespace()
                .take(3)
                .collect();
            (
                words.join(" "),
                quotation.kind.as_str(),
                quotation
                    .attribution
                    .map(|attribution| attribution.scope.describe()),
            )
        })
        .collect()
}

fn owned(
    expected: &[(&str, &'static str, Option<&'static str>)],
) -> Vec<(String, &'static str, Option<&'static str>)> {
    expected
        .iter()
        .map(|(words, kind, scope)| (words.to_string(), *kind, *scope))
        .collect()
}

/// Asserts the number of findings of each rule: (relative dates, unattributed quotes,
/// unsourced figures).
fn assert_counts(checked: &Checked, dates: usize, quotes: usize, figures: usize) {
    let actual = (
        count(&checked.analysis, RuleCode::RelativeDate),
        count(&checked.analysis, RuleCode::UnattributedQuote),
        count(&checked.analysis, RuleCode::UnsourcedFigure),
    );
    assert_eq!(
        actual,
        (dates, quotes, figures),
        "(relative-date, unattributed-quote, unsourced-figure) counts differ; report:\n{}",
        render(checked)
    );
}

#[test]
fn legion() {
    let checked = check("legion.txt");
    // Every speech quotation has a cue before, after or around it, the three short quotations
    // are terms, and both vague figures are attributed: only the five weekdays are reported.
    assert_counts(&checked, 5, 0, 0);
    assert_eq!(
        covered(&checked, RuleCode::RelativeDate),
        ["Monday", "Sunday", "Monday", "Monday", "Thursday"]
    );
    let same = Some("in the same sentence");
    assert_eq!(
        quotations(&checked, Format::PlainText),
        owned(&[
            ("Reconstruction Brigade,", "title", None),
            ("We have already", "speech", same),
            ("national", "term", None),
            ("This will be", "speech", same),
            ("the main aim", "speech", same),
            ("settlement", "term", None),
            ("The longer the", "speech", same),
        ])
    );
    insta::assert_snapshot!("legion", render(&checked));
}

#[test]
fn legion_unattributed() {
    let checked = check("legion-unattributed.txt");
    // The same article with the attribution taken away from the "thousands of" sentence and
    // from Lund's quotation: exactly one finding more for each of those two rules.
    assert_counts(&checked, 5, 1, 1);
    assert_eq!(covered(&checked, RuleCode::UnsourcedFigure), ["thousands"]);
    let quotes = covered(&checked, RuleCode::UnattributedQuote);
    assert!(
        quotes[0].starts_with("\"The longer the dispute lasts"),
        "{quotes:?}"
    );
    insta::assert_snapshot!("legion_unattributed", render(&checked));
}

#[test]
fn council() {
    let checked = check("council.md");
    // Nothing in the front matter, the inline code, the fenced block or the HTML comment is
    // prose, so the "Monday", "next month", "2,500", "3,000" and "Friday" written there are
    // never reported. Years, the time, the age, the ordinal and the small counts are not figures.
    // "The levy would add 3% to the average mooring fee" follows the sentence that cites the
    // harbour survey, so it is taken as sourced (the adjacent sentence names a data source);
    // it is a parameter of the proposed levy in any case. "38 boats" counts something from
    // `figures.minCount` (10) up; "12 metres" is a measurement, not a count.
    assert_counts(&checked, 3, 1, 4);
    assert_eq!(
        covered(&checked, RuleCode::RelativeDate),
        ["Tuesday", "last summer", "next Friday"]
    );
    assert_eq!(
        covered(&checked, RuleCode::UnattributedQuote),
        ["\"Nobody asked the people who work on the water what they can afford.\""]
    );
    assert_eq!(
        covered(&checked, RuleCode::UnsourcedFigure),
        ["200", "38", "tens of thousands", "1,150"]
    );
    // The source placeholder for "200" follows the abbreviation "p.m." and repeats its full
    // stop: "11:30 p.m., according to [SOURCE]." (line 8).
    insta::assert_snapshot!("council", render(&checked));
}

#[test]
fn storm() {
    let checked = check("storm.md");
    // The front matter's date-time gives the publication date as written: Friday, Oct. 3, 2025.
    assert_eq!(
        checked.analysis.reference.date,
        jiff::civil::date(2025, 10, 3)
    );
    assert_counts(&checked, 12, 0, 6);
    assert_eq!(
        covered(&checked, RuleCode::RelativeDate),
        [
            "yesterday",
            "three days ago",
            "Friday night",
            "last year",
            "the weekend",
            "last week",
            "tomorrow",
            "Thursday evening",
            "yesterday",
            "earlier this year",
            "next month",
            "Monday",
        ]
    );
    // "the claims could run 25% higher" uses "claims" as a noun, not as a reporting verb, so the
    // figures of that sentence are unsourced.
    assert_eq!(
        covered(&checked, RuleCode::UnsourcedFigure),
        ["$40 million", "25%", "$6.3 million", "12%", "4,000", "300"]
    );
    // The fixes for "Friday night" and "Thursday evening" rewrite the whole phrase: "on the
    // night of Oct. 3", "by the evening of Oct. 2".
    insta::assert_snapshot!("storm", render(&checked));
}

#[test]
fn interview() {
    let checked = check("interview.txt");
    // The split quotation, the quotation carried over from "she said:" across two paragraphs,
    // and the nickname are not reported; the figure "212 passengers" sits inside that
    // attributed quotation. The paragraph quoting what "they" did is genuinely unattributed.
    // The book title "Salt on the Wheelhouse Glass," keeps its title case before the comma
    // that AP puts inside the closing mark, so it is a title, not speech.
    assert_counts(&checked, 2, 1, 0);
    assert_eq!(
        covered(&checked, RuleCode::UnattributedQuote),
        ["\"They sold the route because the numbers never added up for them.\""]
    );
    assert_eq!(
        covered(&checked, RuleCode::RelativeDate),
        ["next spring", "Saturday"]
    );
    let same = Some("in the same sentence");
    assert_eq!(
        quotations(&checked, Format::PlainText),
        owned(&[
            ("Salt on the", "title", None),
            ("the Admiral,", "title", None),
            ("We tried,", "speech", same),
            ("but the old", "speech", same),
            (
                "It was the",
                "speech",
                Some("at the end of the previous paragraph")
            ),
            ("I had 212", "speech", Some("where the quotation began")),
            ("Every single day,", "speech", same),
            ("They sold the", "speech", None),
        ])
    );
    insta::assert_snapshot!("interview", render(&checked));
}

#[test]
fn dates() {
    let checked = check("dates.md");
    // Published on Wednesday, Nov. 20, 2024, by the front matter.
    assert_eq!(
        checked.analysis.reference.date,
        jiff::civil::date(2024, 11, 20)
    );
    let resolved: Vec<(String, String)> = checked
        .analysis
        .findings
        .iter()
        .filter(|finding| finding.rule == RuleCode::RelativeDate)
        .map(|finding| {
            (
                checked.text[finding.span.clone()].to_string(),
                finding.resolved_date().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let expected: Vec<(String, String)> = [
        ("Monday", "2024-11-18"),
        ("Thursday", "2024-11-14"),
        ("next Wednesday", "2024-11-27"),
        ("Tuesday", "2024-11-19"),
        ("late on Sunday night", "2024-11-17TNI"),
        ("yesterday", "2024-11-19"),
        ("tomorrow morning", "2024-11-21TMO"),
        ("next month", "2024-12"),
        ("Friday", "2024-11-22"),
        ("last year", "2023"),
        ("three weeks ago", "2024-10-30"),
        ("the weekend", "2024-W46-WE"),
        ("earlier this month", "2024-11"),
        ("last quarter", "2024-Q3"),
        ("next summer", "2025-SU"),
        ("June 2", "2024-06-02"),
    ]
    .iter()
    .map(|(words, value)| (words.to_string(), value.to_string()))
    .collect();
    assert_eq!(resolved, expected);
    // "Monday, Nov. 19, 2024" names a Tuesday; "Friday, Nov. 15, 2024" is right; "Nov. 22" is
    // two days away and needs no year; habits, durations and years are left alone.
    assert_eq!(
        covered(&checked, RuleCode::WeekdayDateMismatch),
        ["Monday, Nov. 19, 2024"]
    );
    insta::assert_snapshot!("dates", render(&checked));
}

#[test]
fn no_findings() {
    let checked = check("no-findings.md");
    // Absolute dates, a year, times, an age, an ordinal, plural weekdays ("on Tuesdays") and
    // figures that each name their source in the same sentence.
    assert_counts(&checked, 0, 0, 0);
    insta::assert_snapshot!("no_findings", render(&checked));
}

#[test]
fn poll() {
    let checked = check("poll.md");
    // The poll named in the lead sources the figures after it in its paragraph; its margin of
    // error is its own; the electoral votes, the rule of the runoff and the hypothetical
    // turnout are no claims. Left to query: the spending whose relative clause names the
    // governor's promise, the head count whose coordinated clause is about a visit, and the
    // vague "Thousands".
    assert_eq!(
        covered(&checked, RuleCode::UnsourcedFigure),
        ["$4 million", "1,200", "Thousands"]
    );
    insta::assert_snapshot!("poll", render(&checked));
}

#[test]
fn poll_with_its_source_cut() {
    let checked = check("poll-unsourced.md");
    // The same article with the poll's sentence cut: the figures it sourced are queried.
    assert_eq!(
        covered(&checked, RuleCode::UnsourcedFigure),
        [
            "12 points",
            "51 percent",
            "$4 million",
            "1,200",
            "Thousands"
        ]
    );
    insta::assert_snapshot!("poll_unsourced", render(&checked));
}
