//! Whole-article fixtures for the constructions the quotation and figure checks must read the
//! way a reader does: every kind of quotation mark and attribution, and every kind of figure and
//! source. The expectations are explicit tables, so a change in behaviour names what changed.

use std::path::Path;

use copydesk::analysis::prose::{Format, Prose};
use copydesk::analysis::{analyze, quotes, Analysis, RuleCode, Settings};

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
}

fn analysed(name: &str) -> (String, Analysis) {
    let text = fixture(name);
    let analysis = analyze(
        &text,
        Format::Markdown,
        &Settings::new(jiff::civil::date(2030, 1, 1)),
    );
    (text, analysis)
}

fn covered(text: &str, analysis: &Analysis, rule: RuleCode) -> Vec<String> {
    analysis
        .findings
        .iter()
        .filter(|finding| finding.rule == rule)
        .map(|finding| text[finding.span.clone()].to_string())
        .collect()
}

#[test]
fn every_kind_of_quotation_and_attribution() {
    let (text, analysis) = analysed("quotes.md");
    let prose = Prose::parse(&text, Format::Markdown);
    let (_, quotations, _) = quotes::analyse(&prose.masked, &prose.paragraphs, None);
    let read: Vec<(String, &str, Option<&str>, Option<String>)> = quotations
        .iter()
        .map(|quotation| {
            let opening: String = text[quotation.inner.clone()].chars().take(18).collect();
            (
                opening,
                quotation.kind.as_str(),
                quotation
                    .attribution
                    .as_ref()
                    .map(|attribution| attribution.scope.describe()),
                quotation.speaker.clone(),
            )
        })
        .collect();
    let same = Some("in the same sentence");
    let expected: Vec<(String, &str, Option<&str>, Option<String>)> = vec![
        // A quotation split by its attribution: both halves are speech, both hers.
        (
            "We have waited lon",
            "speech",
            same,
            Some("Ines Vahl (“she”)"),
        ),
        (
            "and the crews have",
            "speech",
            same,
            Some("Ines Vahl (“she”)"),
        ),
        // Curly marks, the speaker after the cue.
        ("Nobody on the boar", "speech", same, Some("Vahl")),
        // Doubled curly singles, attribution after, pronoun resolved to the named chair.
        (
            "The old ferries wi",
            "speech",
            same,
            Some("Colm Reyes (“he”)"),
        ),
        // Guillemets after a colon introduction.
        ("The numbers only w", "speech", same, Some("Reyes")),
        // A multi-paragraph quotation carried from "put it differently:".
        (
            "We support new boa",
            "speech",
            Some("at the end of the previous paragraph"),
            Some("Dana Osei"),
        ),
        (
            "We do not support ",
            "speech",
            Some("where the quotation began"),
            Some("Dana Osei"),
        ),
        // Names, scare quotes and slogans are not speech.
        ("Blue Line", "title", None, None),
        ("overdue", "term", None, None),
        ("the Admiral", "title", None, None),
        ("Save Our Ferries", "title", None, None),
        // Nobody said this one.
        ("This contract is t", "speech", None, None),
        // Never closed.
        ("And now the hard p", "speech", None, None),
    ]
    .into_iter()
    .map(|(opening, kind, scope, speaker)| {
        (
            opening.to_string(),
            kind,
            scope,
            speaker.map(str::to_string),
        )
    })
    .collect();
    assert_eq!(read, expected);

    assert_eq!(
        covered(&text, &analysis, RuleCode::UnattributedQuote),
        ["\"This contract is the best deal the port has signed in twenty years.\""]
    );
    assert_eq!(covered(&text, &analysis, RuleCode::UnclosedQuote), ["\""]);
    assert_eq!(
        covered(&text, &analysis, RuleCode::VagueAttribution),
        ["Sources said", "Experts say"]
    );
    assert_eq!(
        covered(&text, &analysis, RuleCode::DistantAttribution),
        ["\"We do not support new boats crewed by half as many people.\""]
    );
}

#[test]
fn every_kind_of_figure_and_source() {
    let (text, analysis) = analysed("figures.md");
    let figures: Vec<(String, bool)> = analysis
        .figures
        .iter()
        .map(|figure| {
            (
                text[figure.span.clone()].to_string(),
                figure.source.is_some(),
            )
        })
        .collect();
    let expected: Vec<(String, bool)> = [
        // Sourced in their sentence: "according to", "the board said".
        ("12%", true),
        ("€48.5 million", true),
        // No source: a count of passengers.
        ("41,300", false),
        // The sentence before publishes the figures.
        ("2.3 million", true),
        // Vague quantities, changes, shares and rankings.
        ("Thousands", false),
        ("doubled", false),
        ("a third of", false),
        ("the stormiest", false),
        // A named survey is a source, and it sources the share in the sentence after it too.
        ("64 percent", true),
        ("Sixty-one percent", true),
        ("49", false),
        // A capacity of 300 people is a figure too.
        ("300", false),
        // Inside an attributed quotation.
        ("4,000", true),
        // Attributed to the union in its sentence.
        ("5,000", true),
    ]
    .iter()
    .map(|(words, sourced)| (words.to_string(), *sourced))
    .collect();
    // Not figures: the year, the address, the age, the phone number, the time, the ordinal,
    // the small count ("Two ferries"), the version number, the link's address.
    assert_eq!(figures, expected);
    let information: Vec<String> = analysis
        .findings
        .iter()
        .filter(|finding| {
            finding.rule == RuleCode::UnsourcedFigure
                && finding.severity == copydesk::analysis::Severity::Information
        })
        .map(|finding| text[finding.span.clone()].to_string())
        .collect();
    assert_eq!(
        information,
        ["Thousands", "doubled", "a third of", "the stormiest"]
    );
}

/// The seed article's two figures, written afresh: "thousands of applications" is sourced by the
/// announcement in its sentence and "several thousand applications" by the attributed quotation
/// around it; with those attributions gone, both are reported (and the quotation too).
#[test]
fn the_seed_figures_with_and_without_their_sources() {
    let settings = Settings::new(jiff::civil::date(2030, 1, 1));
    let with_sources = "The city announced on Monday that it has received thousands of applications from volunteers. Deputy Mayor Lena Ruiz stated on the radio, \"We have already received several thousand applications from people who want to help rebuild the harbour,\" according to the city news office.";
    let without = "The city opened a register on Monday and has received thousands of applications from volunteers. The registry is open all week.\n\n\"We have already received several thousand applications from people who want to help rebuild the harbour.\"";
    let flagged = |text: &str, rule: RuleCode| -> Vec<String> {
        analyze(text, Format::PlainText, &settings)
            .findings
            .iter()
            .filter(|finding| finding.rule == rule)
            .map(|finding| text[finding.span.clone()].to_string())
            .collect()
    };
    assert!(flagged(with_sources, RuleCode::UnsourcedFigure).is_empty());
    assert!(flagged(with_sources, RuleCode::UnattributedQuote).is_empty());
    assert_eq!(
        flagged(without, RuleCode::UnsourcedFigure),
        ["thousands", "several thousand"]
    );
    assert_eq!(flagged(without, RuleCode::UnattributedQuote).len(), 1);
}
