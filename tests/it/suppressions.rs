//! Suppression comments, every form, in Markdown and plain text, through the public engine.

use copydesk::analysis::suppressions::SuppressionKind;
use copydesk::analysis::{analyze, Analysis, Format, RuleCode, Settings};

fn settings() -> Settings {
    let mut settings = Settings::new(jiff::civil::date(2030, 1, 1));
    settings.reference_date = Some(jiff::civil::date(2022, 2, 28));
    settings
}

fn check(text: &str, format: Format) -> Analysis {
    analyze(text, format, &settings())
}

fn rules(analysis: &Analysis) -> Vec<RuleCode> {
    analysis
        .findings
        .iter()
        .map(|finding| finding.rule)
        .collect()
}

const FIGURE: &str = "Ridership fell to 41,300 passengers a month.";
const DATE: &str = "The ferry stopped on Thursday.";

#[test]
fn without_suppressions_both_findings_stand() {
    let text = format!("{FIGURE}\n\n{DATE}\n");
    assert_eq!(
        rules(&check(&text, Format::Markdown)),
        vec![RuleCode::UnsourcedFigure, RuleCode::RelativeDate]
    );
}

#[test]
fn next_line_with_a_reason_silences_only_the_next_line() {
    let text = format!(
        "<!-- copydesk-disable-next-line unsourced-figure -- from the operator's annual report, p. 12 -->\n{FIGURE}\n\n{FIGURE}\n"
    );
    let analysis = check(&text, Format::Markdown);
    assert_eq!(rules(&analysis), vec![RuleCode::UnsourcedFigure]);
    assert!(analysis.findings[0].span.start > text.find("\n\n").unwrap());
    let suppression = &analysis.suppressions[0];
    assert_eq!(suppression.kind, SuppressionKind::NextLine);
    assert_eq!(suppression.suppressed, 1);
    assert_eq!(
        suppression.reason.as_deref(),
        Some("from the operator's annual report, p. 12")
    );
}

#[test]
fn a_suppression_without_a_reason_works_and_asks_why() {
    let text = format!("<!-- copydesk-disable-next-line unsourced-figure -->\n{FIGURE}\n");
    let analysis = check(&text, Format::Markdown);
    assert_eq!(rules(&analysis), vec![RuleCode::UnexplainedSuppression]);
    let finding = &analysis.findings[0];
    assert_eq!(finding.severity, copydesk::analysis::Severity::Information);
    // The fix adds a reason placeholder inside the comment.
    let edit = &finding.fixes[0].edits[0];
    let mut fixed = text.clone();
    fixed.replace_range(edit.range.clone(), &edit.replacement);
    assert!(fixed.starts_with("<!-- copydesk-disable-next-line unsourced-figure -- [REASON] -->"));
}

#[test]
fn an_unused_suppression_is_reported_with_a_removal_fix() {
    let text = format!("<!-- copydesk-disable-next-line relative-date -- checked -->\n{FIGURE}\n");
    let analysis = check(&text, Format::Markdown);
    assert_eq!(
        rules(&analysis),
        vec![RuleCode::UnusedSuppression, RuleCode::UnsourcedFigure]
    );
    let remove = &analysis.findings[0].fixes[0].edits[0];
    assert_eq!(
        &text[remove.range.clone()],
        text.lines().next().unwrap().to_string() + "\n"
    );
}

#[test]
fn disable_and_enable_make_a_region_per_rule() {
    let text = format!(
        "<!-- copydesk-disable relative-date, unsourced-figure -- quoted from the 2019 notice -->\n\n{DATE} {FIGURE}\n\n<!-- copydesk-enable unsourced-figure -->\n\n{DATE} {FIGURE}\n"
    );
    let analysis = check(&text, Format::Markdown);
    // After the enable, only the figure is reported again; the date stays disabled to the end.
    assert_eq!(rules(&analysis), vec![RuleCode::UnsourcedFigure]);
    assert!(analysis.findings[0].span.start > text.find("copydesk-enable").unwrap());
    assert_eq!(analysis.suppressions[0].suppressed, 3);
}

#[test]
fn disable_with_no_code_is_every_rule_and_enable_with_no_code_ends_it() {
    let text = format!(
        "<!-- copydesk-disable -- wire copy, checked by the desk -->\n\n{DATE} {FIGURE}\n\n<!-- copydesk-enable -->\n\n{DATE}\n"
    );
    let analysis = check(&text, Format::Markdown);
    assert_eq!(rules(&analysis), vec![RuleCode::RelativeDate]);
}

#[test]
fn an_enable_with_nothing_disabled_is_unused() {
    let text = format!("<!-- copydesk-enable relative-date -->\n\n{DATE}\n");
    let analysis = check(&text, Format::Markdown);
    assert_eq!(
        rules(&analysis),
        vec![RuleCode::UnusedSuppression, RuleCode::RelativeDate]
    );
}

#[test]
fn disable_file_silences_the_whole_draft() {
    let text = format!(
        "{FIGURE}\n\n{DATE}\n\n<!-- copydesk-disable-file unsourced-figure,relative-date -- archive piece -->\n"
    );
    let analysis = check(&text, Format::Markdown);
    assert_eq!(rules(&analysis), vec![]);
    assert_eq!(analysis.suppressions[0].kind, SuppressionKind::File);
    assert_eq!(analysis.suppressions[0].suppressed, 2);
}

#[test]
fn an_unknown_code_is_reported() {
    let text = format!("<!-- copydesk-disable-next-line unsourced-figures -- typo -->\n{FIGURE}\n");
    let analysis = check(&text, Format::Markdown);
    assert_eq!(
        rules(&analysis),
        vec![RuleCode::UnusedSuppression, RuleCode::UnsourcedFigure]
    );
    assert!(analysis.findings[0].message.contains("unsourced-figures"));
}

#[test]
fn a_directive_in_a_code_block_is_text() {
    let text = format!("```\n<!-- copydesk-disable-file -->\n```\n\n{FIGURE}\n");
    let analysis = check(&text, Format::Markdown);
    assert_eq!(rules(&analysis), vec![RuleCode::UnsourcedFigure]);
    assert!(analysis.suppressions.is_empty());
}

#[test]
fn plain_text_uses_the_same_words_on_a_line_of_their_own() {
    let text = format!(
        "copydesk-disable-next-line unsourced-figure -- operator's report, 500 copies checked\n{FIGURE}\n{DATE}\ncopydesk-disable relative-date -- as filed\n{DATE}\ncopydesk-enable relative-date\n{DATE}\n"
    );
    let analysis = check(&text, Format::PlainText);
    // The directive lines are not prose: their words ("500 copies") are never findings.
    let lines: Vec<usize> = analysis
        .findings
        .iter()
        .map(|finding| text[..finding.span.start].lines().count())
        .collect();
    assert_eq!(
        rules(&analysis),
        vec![RuleCode::RelativeDate, RuleCode::RelativeDate]
    );
    assert_eq!(lines, vec![3, 7]);
    assert_eq!(analysis.suppressions.len(), 3);
}

#[test]
fn plain_text_wire_copy_keeps_one_paragraph_per_line() {
    // Text without blank lines is read one paragraph per line; a directive must not change that.
    let text =
        format!("copydesk-disable-next-line unsourced-figure -- checked\n{FIGURE}\n{FIGURE}\n");
    let analysis = check(&text, Format::PlainText);
    assert_eq!(rules(&analysis), vec![RuleCode::UnsourcedFigure]);
}

#[test]
fn suppression_rules_follow_the_settings() {
    let text = format!("<!-- copydesk-disable-next-line unsourced-figure -->\n{FIGURE}\n");
    let mut settings = settings();
    settings
        .rules
        .entry(RuleCode::UnexplainedSuppression)
        .or_default()
        .enabled = Some(false);
    assert_eq!(rules(&analyze(&text, Format::Markdown, &settings)), vec![]);
    // A suppression of a rule the settings turned off is not "unused".
    let mut off = self::settings();
    off.rules.entry(RuleCode::RelativeDate).or_default().enabled = Some(false);
    let text = format!("<!-- copydesk-disable-next-line relative-date -- ok -->\n{FIGURE}\n");
    assert_eq!(
        rules(&analyze(&text, Format::Markdown, &off)),
        vec![RuleCode::UnsourcedFigure]
    );
}
