//! # unsourced-figure
//!
//! **What it flags:** a figure a reader could check — a percentage ("12%", "12 per cent"), an
//! amount of money ("$3m", "€1.2 billion", "3 million dollars"), a number with a scale ("3
//! million", "1.5bn"), a vague statistic ("thousands of", "several thousand", "tens of
//! thousands") or a count of 100 or more ("53,513 residents") — when its sentence names no
//! source: no attribution cue ("said", "according to", "data from"), no link, no citation.
//!
//! **Why it matters:** AP asks for the source of a figure in the same sentence. A number without
//! one is the first thing a fact-checker queries and the first thing a correction fixes.
//!
//! **Example:** "The number of people affected is now 53,513 residents." names nobody who
//! counted them.
//!
//! **Fix:** insert ", according to [SOURCE]" at the end of the sentence, before its final
//! punctuation. Years, dates, times, ordinals, ages, addresses, version numbers and small
//! everyday counts ("two people") are not figures; nor is anything in code or a URL, or a figure
//! inside an attributed quotation.

use std::ops::Range;

use crate::analysis::finding::{Details, Edit, FigureDetails, Finding, Fix, RuleCode, Severity};
use crate::analysis::Context;

use super::{Check, Rule};

pub const RULE: Rule = Rule {
    code: RuleCode::UnsourcedFigure,
    summary:
        "Figure (percentage, money, large count, \"thousands of\") with no source in its sentence.",
    default_severity: Severity::Warning,
    check: Check::Segment(check),
};

const SEARCHED: &str = "a source in the figure's clause (said, according to, data from, a report by ...), the subject as its own source, a link or a citation, a poll or report named in the sentence before or earlier in the paragraph, a statement about figures earlier in the paragraph, or, for a poll's answers, the poll the story named";

fn check(context: &Context, findings: &mut Vec<Finding>) {
    let mut paragraph_speakers = None;
    for figure in context
        .figures
        .iter()
        .filter(|figure| figure.source.is_none())
    {
        let text = context.text[figure.span.clone()].to_string();
        let mut fixes = vec![Fix {
            title: "Add a source: “according to [SOURCE]”".to_string(),
            edits: vec![source_insertion(context.text, &figure.sentence, "[SOURCE]")],
        }];
        // A poll or report named earlier in the paragraph, out of reach of this sentence, is
        // the likeliest source; otherwise the last speaker named there.
        let nearby = figure
            .nearby_source
            .clone()
            .or_else(|| nearest_source_in_paragraph(context, figure, &mut paragraph_speakers));
        if let Some(nearby) = nearby.map(|name| as_source_phrase(&name)) {
            fixes.push(Fix {
                title: format!("Source: {nearby}"),
                edits: vec![source_insertion(context.text, &figure.sentence, &nearby)],
            });
        }
        findings.push(Finding {
            rule: RuleCode::UnsourcedFigure,
            span: figure.span.clone(),
            // A vague quantity is worth a look, not an alarm.
            severity: if figure.vague {
                Severity::Information
            } else {
                RULE.default_severity
            },
            message: format!(
                "Figure has no source: who says {}?",
                claim(context.text, &figure.sentence, &figure.span)
            ),
            details: Details::Figure(FigureDetails {
                text,
                understood: figure.understood.clone(),
                searched: SEARCHED.to_string(),
            }),
            fixes,
            related: Vec::new(),
        });
    }
}

/// How many words of a long sentence the message quotes after the figure, and at most before
/// it (from the start of the figure's clause).
const CLAIM_WORDS_AFTER: usize = 6;
const CLAIM_WORDS_BEFORE: usize = 5;
/// How many bytes before a figure the claim's opening is looked for in, and (ten times that)
/// around its sentence a name's other capitalised uses.
const CLAIM_REACH: usize = 200;

/// The claim a figure makes, as a copy editor would query it: "who says thousands of
/// commuters rely on the ferry?", not "who says Thousands?". The whole sentence when it is
/// short; else the figure's clause around it, cut at a comma or after a few words, with "…"
/// where words are left out.
fn claim(text: &str, sentence: &std::ops::Range<usize>, figure: &std::ops::Range<usize>) -> String {
    // Every step looks at a bounded stretch of text around the figure, so that a sentence
    // packed with figures (a pasted table) costs time linear in its length.
    let short_limit = 2 * CLAIM_WORDS_AFTER + CLAIM_WORDS_BEFORE;
    let short = text[sentence.clone()]
        .split_whitespace()
        .take(short_limit + 1)
        .count()
        <= short_limit;
    let (before, opening_cut) = if short {
        (text[sentence.start..figure.start].to_string(), false)
    } else {
        let from = crate::analysis::words::floor_char_boundary(
            text,
            figure.start.saturating_sub(CLAIM_REACH).max(sentence.start),
        );
        let leading = &text[from..figure.start];
        let clause = leading.rfind([',', ';', ':', '—']).map_or(leading, |at| {
            leading[at..].trim_start_matches([',', ';', ':', '—'])
        });
        let words: Vec<&str> = clause.split_whitespace().collect();
        let kept = words.len().min(CLAIM_WORDS_BEFORE);
        let cut = kept < words.len() || clause.len() < leading.len() || from > sentence.start;
        (words[words.len() - kept..].join(" "), cut)
    };
    let mut after = Vec::new();
    let mut closing_cut = false;
    if short {
        after.push(&text[figure.start..sentence.end]);
    } else {
        for word in text[figure.start..sentence.end].split_whitespace() {
            after.push(word);
            if word.ends_with([',', ';', ':']) || after.len() > CLAIM_WORDS_AFTER {
                closing_cut = true;
                break;
            }
        }
    }
    let joined = format!("{} {}", before.trim(), after.join(" "));
    let quoted: Vec<&str> = joined.split_whitespace().collect();
    let quoted = quoted.join(" ");
    let quoted = quoted
        .trim_end_matches(['.', '!', '?', ',', ';', ':'])
        .trim_end_matches(['"', '\'', '”', '’'])
        .trim_end_matches(['.', '!', '?', ',']);
    // A sentence's capital is the sentence's, not the claim's, when the claim opens on a common
    // word: one that opens sentences ("A third of voters ..."), the figure itself ("Thousands
    // of commuters ..."), or a word the nearby text writes in lower case. Any other capitalised
    // word is taken for a name and keeps its capital ("Clinton needs 67 delegates", "Bernie
    // Sanders: 1,501"), as do words in capitals ("NATO") and possessives ("Hale's campaign").
    let first = quoted.split_whitespace().next().unwrap_or("");
    let first = first.trim_end_matches(|c: char| !c.is_alphanumeric());
    let possessive = first.contains(['\'', '’']);
    let first = first.split(['\'', '’']).next().unwrap_or(first);
    let window = crate::analysis::words::floor_char_boundary(
        text,
        sentence.start.saturating_sub(CLAIM_REACH * 10),
    )
        ..crate::analysis::words::floor_char_boundary(
            text,
            (sentence.start + CLAIM_REACH * 10).min(text.len()),
        );
    let lower = first.to_lowercase();
    let whole_word_in_window = |word: &str| {
        text[window.clone()].match_indices(word).any(|(at, _)| {
            let at = window.start + at;
            let starts_word = !text[..at].ends_with(char::is_alphanumeric);
            starts_word && !text[at + word.len()..].starts_with(char::is_alphanumeric)
        })
    };
    let common_word = crate::analysis::names::SENTENCE_OPENERS.contains(&lower.as_str())
        || (before.trim().is_empty() && text[figure.clone()].starts_with(first))
        || whole_word_in_window(&lower);
    let is_name = opening_cut
        || possessive
        || first.is_empty()
        || first.chars().skip(1).any(char::is_uppercase)
        || !common_word;
    let mut out = String::with_capacity(quoted.len() + 6);
    if opening_cut {
        out.push('…');
    }
    if opening_cut || is_name || first.is_empty() {
        out.push_str(quoted);
    } else {
        let mut chars = quoted.chars();
        if let Some(initial) = chars.next() {
            out.extend(initial.to_lowercase());
            out.push_str(chars.as_str());
        }
    }
    if closing_cut {
        out.push('…');
    }
    out
}

/// The names that could source one paragraph's unsourced figures, found once however many
/// figures of the paragraph ask: a paragraph of many figures must cost neither a search of its
/// sentences nor a pass over its quotations per figure.
struct ParagraphSpeakers {
    paragraph: usize,
    /// Each sentence's end, in order, with the latest-placed name (where it stands, the name)
    /// among the attributions of that sentence and those before it.
    by_sentence_end: Vec<(usize, Option<(usize, String)>)>,
    /// Each quotation's start, in order, with the latest-placed named speaker among that
    /// quotation and those before it.
    by_quotation_start: Vec<(usize, Option<(usize, String)>)>,
}

/// Whether a name found next to a figure can be offered as its source: a proper name, not a
/// quotation's words and not a whole clause.
fn usable_source_name(name: &str) -> bool {
    name.chars().next().is_some_and(char::is_uppercase)
        && !name.contains('“')
        && name.split_whitespace().count() <= 6
}

/// Pairs each key with the latest-placed usable name among its entry and those before it.
fn running_latest(
    entries: impl Iterator<Item = (usize, Option<(usize, String)>)>,
) -> Vec<(usize, Option<(usize, String)>)> {
    let mut latest: Option<(usize, String)> = None;
    entries
        .map(|(key, named)| {
            if let Some((at, name)) = named.filter(|(_, name)| usable_source_name(name)) {
                if latest.as_ref().is_none_or(|(best, _)| at >= *best) {
                    latest = Some((at, name));
                }
            }
            (key, latest.clone())
        })
        .collect()
}

/// The latest-placed name of the entries whose key `before` accepts (a prefix of `entries`).
fn latest_before(
    entries: &[(usize, Option<(usize, String)>)],
    before: impl Fn(usize) -> bool,
) -> Option<&(usize, String)> {
    let count = entries.partition_point(|(key, _)| before(*key));
    count
        .checked_sub(1)
        .and_then(|last| entries[last].1.as_ref())
}

/// The last organisation or speaker named in an attribution earlier in the figure's paragraph.
fn nearest_source_in_paragraph(
    context: &Context,
    figure: &crate::analysis::figures::FigureMention,
    cache: &mut Option<ParagraphSpeakers>,
) -> Option<String> {
    let index = context
        .paragraphs
        .partition_point(|paragraph| paragraph.range.end <= figure.span.start);
    let paragraph = context.paragraphs.get(index)?;
    if cache.as_ref().is_none_or(|cached| cached.paragraph != index) {
        let interiors = context.interiors(paragraph);
        let by_sentence_end = running_latest(paragraph.sentences.iter().map(|sentence| {
            let speaker = crate::analysis::attribution::find_cue(
                context.masked,
                sentence.clone(),
                &interiors,
            )
            .and_then(|cue| cue.speaker)
            .map(|speaker| (speaker.range.start, speaker.name));
            (sentence.end, speaker)
        }));
        let by_quotation_start = running_latest(
            context.quotations[paragraph.quotations.clone()]
                .iter()
                .map(|quotation| {
                    let speaker = quotation
                        .speaker
                        .clone()
                        .map(|name| (quotation.span.start, name));
                    (quotation.span.start, speaker)
                }),
        );
        *cache = Some(ParagraphSpeakers {
            paragraph: index,
            by_sentence_end,
            by_quotation_start,
        });
    }
    let cached = cache.as_ref()?;
    // The last named speaker of a quotation that opens before the figure, or source of an
    // attribution in a sentence before the figure's; on a tie, the attribution.
    let attributed = latest_before(&cached.by_sentence_end, |end| end <= figure.sentence.start);
    let quoted = latest_before(&cached.by_quotation_start, |start| start < figure.span.start);
    match (attributed, quoted) {
        (Some(attributed), Some(quoted)) if quoted.0 > attributed.0 => Some(quoted.1.clone()),
        (Some(attributed), _) => Some(attributed.1.clone()),
        (None, quoted) => quoted.map(|(_, name)| name.clone()),
    }
}

/// The source and where it goes: before the sentence's final punctuation, or after a final
/// abbreviation ("11:30 p.m.") with the full stop written again.
fn source_insertion(text: &str, sentence: &Range<usize>, source: &str) -> Edit {
    let body = text[sentence.clone()].trim_end();
    let last_word = body.rsplit(char::is_whitespace).next().unwrap_or("");
    let ends_with_abbreviation = last_word.ends_with('.')
        && last_word[..last_word.len() - 1].contains('.')
        && last_word.chars().all(|c| c.is_alphabetic() || c == '.');
    if ends_with_abbreviation {
        return Edit::insert(
            sentence.start + body.len(),
            format!(", according to {source}."),
        );
    }
    Edit::insert(
        clause_end(text, sentence),
        format!(", according to {source}"),
    )
}

/// How a source's name reads after "according to": a named poll or report takes "the" ("the
/// Marist poll", "the new Harbor Institute poll"), a common noun that opened its sentence loses
/// its capital ("the ministry"), and a person or an organisation's name stays as it is.
fn as_source_phrase(name: &str) -> String {
    const DOCUMENTS: &[&str] = &[
        "poll", "polls", "survey", "study", "report", "analysis", "census", "data", "audit",
        "review", "count", "tally", "index", "ranking", "list", "filing", "release",
    ];
    let mut words = name.split_whitespace();
    let first = words.next().unwrap_or("");
    let second = words.next();
    let last = name.split_whitespace().last().unwrap_or("");
    let names_a_document = DOCUMENTS.contains(&last.to_ascii_lowercase().as_str());
    if first.eq_ignore_ascii_case("a") || first.eq_ignore_ascii_case("an") {
        if names_a_document {
            return format!("the{}", &name[first.len()..]);
        }
        return name.to_string();
    }
    let determiner = ["the", "this", "that", "these", "those", "its", "their"]
        .iter()
        .any(|word| first.eq_ignore_ascii_case(word));
    if determiner {
        // "The ministry", but "The Washington Post".
        let common = second.is_some_and(|word| word.starts_with(|c: char| c.is_lowercase()));
        if common {
            return format!("{}{}", first.to_ascii_lowercase(), &name[first.len()..]);
        }
        return name.to_string();
    }
    if names_a_document {
        return format!("the {name}");
    }
    name.to_string()
}

/// Where ", according to ..." goes: before the sentence's final punctuation.
fn clause_end(text: &str, sentence: &Range<usize>) -> usize {
    let body = text[sentence.clone()].trim_end();
    let trimmed = body.trim_end_matches(['.', '!', '?', '"', '”', '’', ')', ' ']);
    if trimmed.len() < body.len() && body[trimmed.len()..].starts_with(['"', '”']) {
        // The sentence ends with a quotation: the source goes after it.
        return sentence.start + body.len() - body.chars().last().map_or(0, char::len_utf8);
    }
    sentence.start + trimmed.len()
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::tests::{apply_first_fix, findings_of, first_finding};
    use crate::analysis::RuleCode;

    #[test]
    fn the_message_names_the_claim_not_just_the_figure() {
        for (text, expected) in [
            (
                "Thousands of commuters rely on the ferry.",
                "Figure has no source: who says thousands of commuters rely on the ferry?",
            ),
            (
                "A third of voters back the plan.",
                "Figure has no source: who says a third of voters back the plan?",
            ),
            (
                "Ridership doubled.",
                "Figure has no source: who says Ridership doubled?",
            ),
            (
                "Ridership doubled, and ridership is what counts.",
                "Figure has no source: who says ridership doubled, and ridership is what counts?",
            ),
            (
                "Clinton needs 67 delegates to win.",
                "Figure has no source: who says Clinton needs 67 delegates to win?",
            ),
            (
                "Bernie Sanders: 1,501.",
                "Figure has no source: who says Bernie Sanders: 1,501?",
            ),
            (
                "NATO destroyed 4,000 tanks.",
                "Figure has no source: who says NATO destroyed 4,000 tanks?",
            ),
            (
                "Ramos destroyed 4,000 tanks. Officials thanked Ramos.",
                "Figure has no source: who says Ramos destroyed 4,000 tanks?",
            ),
            (
                "After a long winter of closures and repairs on the old line, the ferry carried 41,300 passengers a month, up from last year.",
                "Figure has no source: who says …the ferry carried 41,300 passengers a month…?",
            ),
        ] {
            assert_eq!(
                first_finding(RuleCode::UnsourcedFigure, text).message,
                expected
            );
        }
    }

    const RULE: RuleCode = RuleCode::UnsourcedFigure;

    #[test]
    fn finds_figures_worth_checking() {
        for (text, expected) in [
            ("The levy raised $3m last year.", vec!["$3m"]),
            ("Turnout rose to 12%.", vec!["12%"]),
            ("Turnout rose 12 per cent.", vec!["12 per cent"]),
            ("Turnout rose 12 percent.", vec!["12 percent"]),
            ("The fund holds €1.2 billion.", vec!["€1.2 billion"]),
            (
                "The fund holds 3 million dollars.",
                vec!["3 million dollars"],
            ),
            (
                "The number affected is now 53,513 residents.",
                vec!["53,513"],
            ),
            ("Thousands of people marched.", vec!["Thousands"]),
            (
                "Tens of thousands of people marched.",
                vec!["Tens of thousands"],
            ),
            ("Several thousand people marched.", vec!["Several thousand"]),
            ("Three million people voted.", vec!["Three million"]),
            ("The city has 1 200 lamps.", vec!["1 200"]),
            ("Costs reached 1.5bn.", vec!["1.5bn"]),
        ] {
            assert_eq!(findings_of(RULE, text), expected, "{text}");
        }
    }

    #[test]
    fn finds_spelled_figures_counts_changes_shares_and_rankings() {
        for (text, expected) in [
            (
                "Twenty-four percent backed the plan.",
                vec!["Twenty-four percent"],
            ),
            (
                "Her lead shrank by nine percentage points.",
                vec!["nine percentage points"],
            ),
            (
                "The lead is 13 percentage points.",
                vec!["13 percentage points"],
            ),
            ("The storm killed 49 people.", vec!["49"]),
            ("Twenty-nine people were hurt.", vec!["Twenty-nine"]),
            ("Rents doubled in a decade.", vec!["doubled"]),
            ("Ridership fell by a quarter.", vec!["fell by a quarter"]),
            ("A third of voters stayed home.", vec!["A third of"]),
            (
                "The majority of residents oppose the levy.",
                vec!["The majority of"],
            ),
            ("Turnout was the lowest since 1990.", vec!["the lowest"]),
            ("The fund raised $1million.", vec!["$1million"]),
        ] {
            assert_eq!(findings_of(RULE, text), expected, "{text}");
        }
    }

    #[test]
    fn changes_shares_rankings_and_vague_quantities_are_information() {
        let analysis = crate::analysis::analyze(
            "Thousands of people marched. Rents doubled. Turnout was 12%.",
            crate::analysis::Format::PlainText,
            &crate::analysis::rules::tests::settings(),
        );
        let severities: Vec<crate::analysis::Severity> = analysis
            .findings
            .iter()
            .map(|finding| finding.severity)
            .collect();
        use crate::analysis::Severity::{Information, Warning};
        assert_eq!(severities, vec![Information, Information, Warning]);
    }

    #[test]
    fn dozens_and_a_dozen() {
        for (text, expected) in [
            ("Dozens of boats stayed in port.", vec!["Dozens"]),
            ("A dozen boats stayed in port.", vec!["A dozen"]),
            ("It was the most he could do.", vec![]),
        ] {
            assert_eq!(findings_of(RULE, text), expected, "{text}");
        }
    }

    #[test]
    fn the_source_fix_names_the_source_of_the_paragraph() {
        for (text, offered) in [
            (
                "The ministry said it was late. The hall was quiet. Applications rose to 3,000.",
                "Source: the ministry",
            ),
            (
                "A Marist poll found Reyes ahead. The hall was quiet. She leads by 12 points.",
                "Source: the Marist poll",
            ),
            (
                "Reyes leads, a new Harbor Institute poll shows. The hall was quiet. She leads by 12 points.",
                "Source: the Harbor Institute poll",
            ),
        ] {
            let titles = crate::analysis::rules::tests::fix_titles(RULE, text);
            assert_eq!(
                titles,
                ["Add a source: “according to [SOURCE]”", offered],
                "{text}"
            );
        }
    }

    #[test]
    fn leaves_non_figures_alone() {
        for text in [
            "The law passed in 2016.",
            "The meeting starts at 10:30 a.m.",
            "It was the 3rd round.",
            "Schiff, 56, spoke first.",
            "Two people were hurt.",
            "She lives at 221 Baker Street.",
            "The 56-year-old left.",
            "Version 1.2.3 shipped.",
            "It happened on Feb. 28, 2022.",
            "It happened on 28 February.",
            "The G7 met in the 1990s.",
            "Call 555-1234 now.",
            "Route 66 is long.",
            "Nine people were hurt.",
            "The wall is 12 metres high.",
            "She doubled down on the claim.",
            "It was the largest city in the region.",
            "They met in a 300-person hall.",
        ] {
            assert_eq!(findings_of(RULE, text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn sourced_figures_are_not_flagged() {
        for text in [
            "The levy raised $3m, the council said.",
            "According to the ministry, turnout rose to 12%.",
            "Ukraine announced that it had received thousands of applications.",
            "\"We received several thousand applications,\" the minister said.",
            "Data from Eurostat put turnout at 12%.",
            "A Quinnipiac poll put turnout at 12%.",
            "The ministry published its figures on Monday. Applications rose to 3,000.",
            "Sanders proposes tax increases of $15 trillion.",
        ] {
            assert_eq!(findings_of(RULE, text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn answers_in_a_poll_and_plans_after_the_figure_are_no_source() {
        for (text, expected) in [
            (
                "52 percent of registered voters say they back the levy.",
                vec!["52 percent"],
            ),
            (
                "The city received thousands of applications, which the mayor plans to read.",
                vec!["thousands"],
            ),
            (
                "The ministry spoke on Monday. Applications rose to 3,000.",
                vec!["3,000"],
            ),
        ] {
            assert_eq!(findings_of(RULE, text), expected, "{text}");
        }
    }

    #[test]
    fn fix_adds_a_source_placeholder_before_the_final_punctuation() {
        assert_eq!(
            apply_first_fix(RULE, "Turnout rose to 12%."),
            "Turnout rose to 12%, according to [SOURCE]."
        );
        assert_eq!(
            apply_first_fix(RULE, "The 400 seats sold out by 11:30 p.m."),
            "The 400 seats sold out by 11:30 p.m., according to [SOURCE]."
        );
    }
}
