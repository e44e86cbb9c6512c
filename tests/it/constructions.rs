//! Whole-article fixtures for the constructions the quotation and figure checks must read the
//! way a reader does: every kind of quotation mark and attribution, and every kind of figure and
//! source. The expectations are explicit tables, so a change in behaviour names what changed.

use std::path::Path;

use crate::one_edits;
use one_edits::{stripped, ONE_EDITS};

use copydesk::analysis::prose::{Format, Prose};
use copydesk::analysis::{analyze, quote_attribution, Analysis, RuleCode, Settings};

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
    let (_, quotations, _) = quote_attribution::analyze(&prose.masked, &prose.paragraphs, None);
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

/// One construction of attribution, written twice: once with nobody named as saying the
/// quotation (it must be flagged) and once attributed the way a reader takes it (it must not).
/// Each row names the construction it exercises; the texts are our own.
#[rustfmt::skip]
const TWINS: &[(&str, &str, &str)] = &[
    // 1. A named subject is a speaker only through a speech act or an action beat.
    ("non-speech verb with its own that-clause",
     "Mayor Ana Reyes decided on Sunday that the city would build a seawall. \"This is the best defence we have against the storms.\"",
     "Mayor Ana Reyes shook her head. \"This is the best defence we have against the storms.\""),
    ("sentence-initial adverb and a possessive are no name",
     "Earlier, Dunmore's delegation reached the harbour to inspect the damage. \"The main goal is to reopen the port within a week.\"",
     "Earlier, Dunmore's delegation said it had reached the harbour. \"The main goal is to reopen the port within a week.\""),
    ("a possessive subject names no speaker",
     "Harbour Master Lina Berg's report reached the council on Monday. \"Nothing will move until the channel is cleared.\"",
     "Harbour Master Lina Berg looked at the wreck for a long time. \"Nothing will move until the channel is cleared.\""),
    ("pronoun beat against a pronoun that decided",
     "She decided that the fund would open next week. \"Every owner will get an answer within ten days.\"",
     "She smiled at the owners. \"Every owner will get an answer within ten days.\""),
    // 2. A following sentence attributes only a quotation it points back to, or as a bare tag.
    ("next sentence reports another statement",
     "\"We have received hundreds of claims from boat owners.\" Mayor Reyes stated on Sunday that the fund would open next week.",
     "\"We have received hundreds of claims from boat owners.\" That was how Mayor Reyes put it."),
    ("next sentence as a bare tag",
     "\"We have received hundreds of claims from boat owners.\" Mayor Reyes spoke on Sunday about the fund and its rules.",
     "\"We have received hundreds of claims from boat owners.\" Mayor Reyes said on Sunday."),
    ("so says and the words of",
     "\"The channel will be dredged before the summer season.\" The dredger arrived from Rotterdam on Tuesday.",
     "\"The channel will be dredged before the summer season.\" Those were the words of the harbour master."),
    ("a tag right after a question",
     "\"Who is going to pay for the new pier?\" The crowd waited in the rain outside the hall.",
     "\"Who is going to pay for the new pier?\" Berg asked, turning to the crowd."),
    // 3. Word forms read in context.
    ("the official said",
     "\"The port will reopen by the end of the month.\" The official car left the harbour at noon.",
     "\"The port will reopen by the end of the month,\" the official said."),
    ("was quick to add that",
     "The fund opened on Monday. \"No owner will be left without help this winter.\"",
     "She was quick to add that the fund is open. \"No owner will be left without help this winter.\""),
    ("doubled apostrophes before a cue",
     "The channel was cleared overnight. ''The boats can sail again from tomorrow morning.''",
     "The channel was cleared overnight. ''The boats can sail again from tomorrow morning,'' the harbour master said."),
    ("a piece that noted",
     "A piece on the storm ran in the Sunday paper. \"The harbour lost a whole season to one night of wind.\"",
     "Berg wrote a piece that noted, \"The harbour lost a whole season to one night of wind.\""),
    ("the ad states",
     "The ad ran on every channel on Sunday. \"Taxes will rise for every family in the harbour town.\"",
     "The ad states, \"Taxes will rise for every family in the harbour town.\""),
    ("he will say",
     "Traffic will be heavy on Monday. \"We reopen the harbour road on Monday morning.\"",
     "He will say, \"We reopen the harbour road on Monday morning.\""),
    ("a capitalised Said in a title-case lead-in is the verb",
     "Senator Ortiz Visited The Harbour \"We will not back down on the harbour levy.\"",
     "Senator Ortiz Said \"We will not back down on the harbour levy.\""),
    ("a sentence opening on the given name Said",
     "Said Hassan decided on Sunday that his shop would close. \"We lost everything we had in one night.\"",
     "Said the harbour master: \"We lost everything we had in one night.\""),
    ("continues to is no speech",
     "The agency continues to review the damage. \"It is a mess from one end of the pier to the other.\"",
     "The agency continues to say, \"It is a mess from one end of the pier to the other.\""),
    ("lauded for is said about the subject, not by it",
     "The nurse was lauded for her care. \"She stayed with every one of us through the night.\"",
     "The nurse was lauded for her care. \"She stayed with every one of us through the night,\" a mother said."),
    ("all told means in total",
     "All told, the storm cost the harbour a whole season. \"We lost everything we had in one night.\"",
     "All told, the storm cost the harbour a whole season, Berg told reporters. \"We lost everything we had in one night.\""),
    ("is expected to is no speech",
     "The mayor is expected to resign on Monday. \"It has been an honour to serve this harbour town.\"",
     "The mayor is expected to resign, she told reporters. \"It has been an honour to serve this harbour town.\""),
    // 4. Speech verbs and phrases.
    ("welcomed",
     "Reyes visited the harbour. \"It is a good day for everyone who works on these docks.\"",
     "Reyes welcomed the decision. \"It is a good day for everyone who works on these docks.\""),
    ("thanked",
     "Reyes counted the volunteers. \"Without them we would have lost the whole fleet.\"",
     "Reyes thanked the volunteers. \"Without them we would have lost the whole fleet.\""),
    ("blamed",
     "The storm wrecked the pier. \"Nobody listened when we asked for a stronger wall.\"",
     "Berg blamed the council. \"Nobody listened when we asked for a stronger wall.\""),
    ("as she puts it",
     "The harbour is quiet now. \"A harbour without boats is just a car park by the sea.\"",
     "As she puts it, \"a harbour without boats is just a car park by the sea.\""),
    ("wanted to know",
     "The owners gathered at the hall. \"When will the money reach our accounts?\"",
     "The owners wanted to know one thing. \"When will the money reach our accounts?\""),
    ("made the point that",
     "The rules changed in March. \"The small boats were never the problem here.\"",
     "Berg made the point that the rules changed in March. \"The small boats were never the problem here.\""),
    // 5. Attribution carried by a noun.
    ("her answer was that",
     "The answer is that \"the money will arrive before the winter storms.\"",
     "Her answer was that \"the money will arrive before the winter storms.\""),
    ("that quote from the mayor",
     "\"The money will arrive before the winter storms.\" The evening paper came out late on Monday.",
     "\"The money will arrive before the winter storms.\" That quote from Mayor Reyes appeared in the evening paper."),
    ("comments from the senator that",
     "The council received a plan that \"the harbour deserves a new breakwater.\"",
     "The council received comments from the senator that \"the harbour deserves a new breakwater.\""),
    ("issued a statement",
     "After the storm, the office stayed closed. \"Our thoughts are with every family on the coast.\"",
     "After the storm, Reyes issued a statement, \"Our thoughts are with every family on the coast.\""),
    ("had a question for the crowd",
     "The crowd grew restless. \"Who is going to pay for the new seawall?\"",
     "He then had a question for the crowd. \"Who is going to pay for the new seawall?\""),
    ("his warning that",
     "Work stopped on the pier, and the boats would have to wait for \"the next dry spell in the spring.\"",
     "His warning that the boats would have to wait for \"the next dry spell in the spring\" went unheard."),
    // 6. Layouts newsrooms use.
    ("a signature line after a dash",
     "\"We will rebuild every pier before the summer.\" — and then the rain came back.",
     "\"We will rebuild every pier before the summer.\" —Mayor Ana Reyes, on the radio"),
    ("a digest's outlet in brackets",
     "HARBOUR LEVY STALLS \"We will not back down on the harbour levy.\"",
     "HARBOUR LEVY STALLS \"We will not back down on the harbour levy.\" [AP.]"),
    ("a title-case lead-in with its source in brackets",
     "Senator Ortiz Visited The Harbour \"We will not back down on the harbour levy.\"",
     "Senator Ortiz Said \"We will not back down on the harbour levy.\" [Chamber speech, 3/14/21.]"),
    ("a handle signs a post",
     "\"We will not back down on the harbour levy.\" –#harbourlevy",
     "\"We will not back down on the harbour levy.\" –@harbourmayor"),
    ("a transcript label",
     "\"We will rebuild every pier before the summer season.\"",
     "\"REYES: We will rebuild every pier before the summer season.\""),
    ("a question-and-answer interview's answer",
     "The harbour stayed closed all week.\n\nA. \"We will rebuild every pier before the summer season.\"",
     "Q. Will the piers be rebuilt?\n\nA. \"We will rebuild every pier before the summer season.\""),
    ("a question-and-answer interview, one line per paragraph",
     "Q: Will the piers be rebuilt?\nThe harbour stayed closed. \"We will rebuild every pier before the summer season.\"",
     "Q: Will the piers be rebuilt?\nA: \"We will rebuild every pier before the summer season.\""),
    // 7. Malformed marks pair up where the writer's intent is clear.
    ("an opening curly mark typed for the closing one",
     "\u{201c}It is rare to see the harbour this empty,\u{201c} and nobody on the docks knows why.",
     "\u{201c}It is rare to see the harbour this empty,\u{201c} said Berg, who runs the pilot boats."),
    ("a straight opening mark closed by a curly one",
     "\"It is rare to see the harbour this empty,\u{201d} and nobody on the docks knows why.",
     "\"It is rare to see the harbour this empty,\u{201d} said Berg, who runs the pilot boats."),
    // 8. A cue two sentences back across one descriptive sentence.
    ("two sentences back",
     "The harbour will reopen in May. It surprised everyone. \"We were sure it would take a whole year.\"",
     "The harbour will reopen in May, she says. It surprised everyone. \"We were sure it would take a whole year.\""),
    ("two sentences back, but a new subject between",
     "The harbour will reopen in May, she says. The mayor of Dunmore then reached the docks with her staff. \"We were sure it would take a whole year.\"",
     "The harbour will reopen in May, she says. It surprised everyone. \"We were sure it would take a whole year.\""),
    // Never across a paragraph break.
    ("a tag in the next paragraph",
     "\"We have received hundreds of claims from boat owners.\"\n\nMayor Reyes said on Sunday.",
     "\"We have received hundreds of claims from boat owners,\" Mayor Reyes said on Sunday."),
    ("a term introduced by a naming verb is not the next quotation's cue",
     "The city opened what it termed the \"Harbour Fund\" on Monday. \"We have already received hundreds of claims from owners.\"",
     "The city opened what it termed the \"Harbour Fund\" on Monday. Reyes said, \"We have already received hundreds of claims from owners.\""),
];

#[test]
fn each_construction_flags_its_unattributed_twin_and_not_its_attributed_one() {
    let settings = Settings::new(jiff::civil::date(2030, 1, 1));
    let flagged = |text: &str| -> Vec<String> {
        analyze(text, Format::PlainText, &settings)
            .findings
            .iter()
            .filter(|finding| finding.rule == RuleCode::UnattributedQuote)
            .map(|finding| text[finding.span.clone()].to_string())
            .collect()
    };
    let mut wrong = Vec::new();
    for (construction, unattributed, attributed) in TWINS {
        if flagged(unattributed).len() != 1 {
            wrong.push(format!("{construction}: not flagged once: {unattributed}"));
        }
        if !flagged(attributed).is_empty() {
            wrong.push(format!("{construction}: flagged: {attributed}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Malformed marks that pair up (item 7) leave no unclosed quotation behind; a mark with no
/// partner at all is still reported as unclosed.
#[test]
fn malformed_marks_pair_up_and_only_a_lone_mark_is_unclosed() {
    let settings = Settings::new(jiff::civil::date(2030, 1, 1));
    let unclosed = |text: &str| -> usize {
        analyze(text, Format::PlainText, &settings)
            .findings
            .iter()
            .filter(|finding| finding.rule == RuleCode::UnclosedQuote)
            .count()
    };
    for paired in [
        "\u{201c}It is rare to see the harbour this empty,\u{201c} said Berg.",
        "\"It is rare to see the harbour this empty,\u{201d} said Berg.",
        "\u{201c}It is rare to see the harbour this empty,\u{201d} said Berg.",
    ] {
        assert_eq!(unclosed(paired), 0, "{paired}");
    }
    for lone in [
        "\u{201c}It is rare to see the harbour this empty, said Berg.",
        "\"It is rare to see the harbour this empty, said Berg.",
    ] {
        assert_eq!(unclosed(lone), 1, "{lone}");
    }
}

#[test]
fn the_seed_one_edit_test_flags_each_stripped_quotation_and_nothing_else() {
    let original = fixture("legion.txt");
    let settings = Settings::new(jiff::civil::date(2022, 2, 28));
    let quote_findings = |text: &str| -> Vec<String> {
        analyze(text, Format::PlainText, &settings)
            .findings
            .iter()
            .filter(|finding| finding.rule == RuleCode::UnattributedQuote)
            .map(|finding| text[finding.span.clone()].to_string())
            .collect()
    };
    assert!(quote_findings(&original).is_empty());
    for (quotation, edits) in ONE_EDITS {
        let text = stripped(&original, edits);
        let found = quote_findings(&text);
        assert_eq!(found.len(), 1, "{quotation}: {found:?}");
        assert!(found[0].starts_with(quotation), "{quotation}: {found:?}");
    }
}
