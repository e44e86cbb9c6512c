//! Where a figure's source is: an attributed quotation around it, a cue in its own clause, the
//! subject as its own source (an agency's release, a poll's methodology, a bill's amount), a
//! poll or report named in its sentence, a link or a citation; and the data source a sentence
//! names, which carries to the sentences after it.

use super::*;
use crate::analysis::words::WordList;

/// Reporting verbs that attribute a quotation but say nothing about where a number comes from
/// ("Sanders continues to lead with 60%", "analysts fear 3% growth"). "Officials expect rates to
/// rise by one point" gives the officials' forecast, whose source they are.
/// Source: written for copydesk from the verbs of thought, expectation and manner of speaking that
/// the reporting verbs of [`crate::analysis::lexicon`] include but that give no number a source.
#[rustfmt::skip]
pub(super) const NOT_FIGURE_SOURCES: &[&str] = &[
    "continue", "hope", "fear", "worry", "believe", "think", "feel", "doubt",
    "suspect", "complain", "reflect", "laugh", "sigh", "joke", "mock", "tease", "speak",
];

/// Nouns for the documents and counts that figures come from.
/// Source: written for copydesk from the documents and counts that news copy names as the source of
/// a figure (polls, surveys, studies, reports, official statistics).
#[rustfmt::skip]
pub(super) const SOURCE_NOUNS: &[&str] = &[
    "poll", "polls", "polling", "survey", "surveys", "study", "studies", "report", "reports",
    "analysis", "census", "data", "statistics", "figures", "estimates", "estimate",
    "projections", "forecast", "forecasts", "tally", "audit", "index", "ranking", "rankings",
    "count", "list", "documents", "records", "filing", "filings", "results", "findings",
    "release", "database", "spreadsheet", "review", "investigation",
];

/// [`SOURCE_NOUNS`] and [`STUDY_VERBS`] are tested against every word of every sentence.
static SOURCE_NOUN_LIST: WordList = WordList::new(SOURCE_NOUNS);
static STUDY_VERB_LIST: WordList = WordList::new(STUDY_VERBS);

/// Words that make a source noun a definite, already known source: "the poll", "this list",
/// "its figures", "last week's survey".
/// Source: the definite determiners and possessive determiners of English grammar (a closed class).
#[rustfmt::skip]
pub(super) const DEFINITE: &[&str] = &["the", "this", "that", "these", "those", "its", "their", "his", "her"];

/// Verbs that describe a study or a count by whoever is named before them.
/// Source: written for copydesk from the verbs news copy uses for a study or count (past tense).
#[rustfmt::skip]
pub(super) const STUDY_VERBS: &[&str] = &[
    "examined", "analysed", "analyzed", "studied", "ranked", "compiled", "tracked", "surveyed",
    "polled", "tallied", "counted",
];

/// Function words that end a noun phrase: a source noun after them is not the one the
/// determiner before them opens.
/// Source: the common prepositions, coordinators and auxiliaries of English grammar, with a few
/// nouns of time and money that end a phrase in figure sentences, written for copydesk.
#[rustfmt::skip]
pub(super) const NOT_IN_A_NOUN_PHRASE: &[&str] = &[
    "in", "of", "on", "at", "by", "for", "from", "to", "with", "after", "before", "and", "or",
    "but", "is", "are", "was", "were", "has", "have", "had", "money", "day", "week", "year",
];

/// A data source named in `range` outside quotations: an "according to" phrase, or a poll,
/// survey, report or data set with its owner's name before it ("a Fox News poll") or after it
/// ("a study by Harvard", "data from Eurostat"), or referred to as known ("the poll", "this
/// list", "its figures"). Returns how a hover names it.
pub(super) fn data_source_in(
    context: &Context,
    range: &Range<usize>,
    interiors: &[Range<usize>],
) -> Option<String> {
    // Quotation interiors are in order and do not overlap: only the last one that starts at or
    // before a word can hold it. A binary search keeps a paragraph of many quotations linear.
    let quoted = |offset: usize| {
        let before = interiors.partition_point(|inside| inside.start <= offset);
        before > 0 && interiors[before - 1].contains(&offset)
    };
    let sentence_words: Vec<Word> = context
        .words_in(range.clone())
        .iter()
        .filter(|word| !quoted(word.range.start))
        .cloned()
        .collect();
    let joined = |left: &Word, right: &Word| {
        context.masked[left.range.end..right.range.start]
            .trim()
            .is_empty()
    };
    // "according to the results", "according to a new Associated Press-GfK poll"
    if let Some(index) = sentence_words
        .windows(2)
        .position(|pair| pair[0].is("according") && pair[1].is("to"))
    {
        let first = sentence_words.get(index + 2)?;
        let mut last = first;
        for word in sentence_words[index + 3..].iter().take(7) {
            if !joined(last, word) {
                break;
            }
            last = word;
        }
        return Some(context.text[first.range.start..last.range.end].to_string());
    }
    // "The advocacy group looked at murders per capita in 50 cities": a study described by
    // who made it, whose figures follow.
    let studied = sentence_words.iter().enumerate().find(|(index, word)| {
        STUDY_VERB_LIST.holds(word)
            || (word.is("looked") && sentence_words.get(index + 1).is_some_and(|at| at.is("at")))
    });
    if let Some((index, verb)) = studied.filter(|(index, _)| (1..=6).contains(index)) {
        let first = &sentence_words[0];
        let subject_capitalised = sentence_words[..index]
            .iter()
            .any(|word| word.is_capitalised() || word.is_any(&["group", "agency", "researchers"]));
        if subject_capitalised {
            return Some(context.text[first.range.start..verb.range.end].to_string());
        }
    }
    let mut definite = None;
    for (index, word) in sentence_words.iter().enumerate() {
        if !SOURCE_NOUN_LIST.holds(word) {
            continue;
        }
        let named_before = index > 1 && {
            let before = &sentence_words[index - 1];
            joined(before, word) && before.is_capitalised()
        };
        let named_after = match (sentence_words.get(index + 1), sentence_words.get(index + 2)) {
            (Some(preposition), Some(name)) => {
                preposition.is_any(&["by", "from", "of"])
                    && name.is_capitalised()
                    && joined(word, preposition)
            }
            _ => false,
        };
        if named_before || named_after {
            let start = if named_before {
                // The whole name before the noun: "Harbor Institute poll", not "Institute poll".
                let mut first = index - 1;
                while first > 0
                    && index - first < 4
                    && joined(&sentence_words[first - 1], &sentence_words[first])
                    && sentence_words[first - 1].is_capitalised()
                    && !sentence_words[first - 1].is_any(DEFINITE)
                    && !sentence_words[first - 1].is_any(&["a", "an"])
                {
                    first -= 1;
                }
                sentence_words[first].range.start
            } else {
                word.range.start
            };
            let end = if named_after {
                sentence_words[index + 2].range.end
            } else {
                word.range.end
            };
            return Some(context.text[start..end].to_string());
        }
        // "the poll", "this new national poll", "last week's poll", "its own figures"
        if definite.is_none() {
            let opener = (1..=3)
                .filter_map(|back| index.checked_sub(back))
                .find(|&at| {
                    let candidate = &sentence_words[at];
                    // "in recent national polls", "the latest surveys"
                    candidate.is_any(DEFINITE)
                        || candidate.is_any(&["recent", "latest"])
                        || candidate.text.ends_with("'s")
                        || candidate.text.ends_with("’s")
                });
            // Only adjectives stand between: "the new national poll", not "the day after polls"
            // or "their money in index funds".
            let phrase_joined = opener.is_some_and(|at| {
                sentence_words[at..=index]
                    .windows(2)
                    .all(|pair| joined(&pair[0], &pair[1]))
                    && sentence_words[at + 1..index]
                        .iter()
                        .all(|between| !between.is_any(NOT_IN_A_NOUN_PHRASE))
            });
            // A verb in the plural ("the figures show") or a noun that reads as a verb ("he
            // reports") needs its determiner; "report" after "to" is a verb.
            if let Some(at) = opener.filter(|_| phrase_joined) {
                definite =
                    Some(context.text[sentence_words[at].range.start..word.range.end].to_string());
            }
        }
    }
    definite
}

/// How far from a figure, within its sentence, its source is looked for.
pub(super) const SOURCE_REACH: usize = 320;

/// Where a figure's source is within its own sentence, if it has one: an attributed quotation
/// around it, an attribution cue, a named data source, a link or a citation.
pub(super) fn source_of(
    context: &Context,
    sentence: &Range<usize>,
    figure: &Figure,
    interiors: &[Range<usize>],
) -> Option<String> {
    // A source stands near its figure; the bound keeps a "sentence" of thousands of figures (a
    // table pasted as one line) linear instead of quadratic.
    let near = window(
        context.masked,
        sentence.clone(),
        &figure.range,
        SOURCE_REACH,
    );
    // The subject of a sentence stands at its start, which the window around a figure may
    // cut off: this check reads the whole sentence, in bounded stretches.
    if let Some(source) = speaker_described(context, sentence, figure) {
        return Some(source);
    }
    source_in_sentence(context, &near, figure, interiors)
}

/// The speaker whose description holds the figure: "Acme, which offered $40 million for the
/// plant, said ..." (see [`after_subject_relative`]).
fn speaker_described(
    context: &Context,
    sentence: &Range<usize>,
    figure: &Figure,
) -> Option<String> {
    // "Acme, which offered $40 million for the plant, said ...": the relative clause describes
    // the speaker, so its figure is part of what the speaker states about itself.
    if let Some(resumed) = after_subject_relative(context.masked, sentence, figure.range.start) {
        let verb = resumed.iter().find_map(|range| {
            let word = &context.masked[range.clone()];
            let (base, form) = crate::analysis::lexicon::reporting_verb(word)?;
            let finite = form != crate::analysis::lexicon::VerbForm::Progressive;
            (finite
                && !NOT_FIGURE_SOURCES.contains(&base)
                && !crate::analysis::lexicon::INTENTION_VERBS.contains(&base))
            .then(|| context.text[range.clone()].to_string())
        });
        if let Some(verb) = verb {
            return Some(format!(
                "“{verb}”, by the subject the figure's relative clause describes"
            ));
        }
    }
    None
}

/// The source of a figure within its own sentence.
pub(super) fn source_in_sentence(
    context: &Context,
    sentence: &Range<usize>,
    figure: &Figure,
    interiors: &[Range<usize>],
) -> Option<String> {
    if let Some(quotation) = context.quotation_at(figure.range.start) {
        if quotation.kind == QuoteKind::Speech {
            if let Some(attribution) = &quotation.attribution {
                let who = quotation
                    .speaker
                    .clone()
                    .unwrap_or_else(|| attribution.cue.text.clone());
                return Some(format!("inside a quotation attributed to {who}"));
            }
        }
    }
    // A cue about the figure's own noun ("30 percent of voters who said", "50 percent saying")
    // reports what those people said, not where the number comes from.
    let about_the_figure = |cue: &crate::analysis::attribution::Cue| {
        if cue.range.start < figure.range.end {
            return false;
        }
        // "52 percent of registered voters say": the figure is the verb's own subject. "has
        // deemed 1,500 pages personal and says" coordinates the cue with the sentence's own
        // verb, whose subject is the source.
        let between = &context.masked[figure.range.end..cue.range.start];
        let coordinated = between.trim_end().to_ascii_lowercase().ends_with(" and");
        let near = between.split_whitespace().count() <= 12;
        // "the $20 million experts say it costs": the cue's own subject names who speaks.
        let speakers_between = between
            .split_whitespace()
            .last()
            .is_some_and(|last| EXPERT_NOUNS.contains(&last.to_ascii_lowercase().as_str()));
        near && !coordinated && !speakers_between && !between.contains([',', ';', ':', '(', '—'])
    };
    // "46 percent said they were unenthusiastic, compared with 33 percent who say ...": the
    // verb of a share of respondents gives their answer, not the source of any figure in the
    // clause. Who counted the answers is the question (a poll named nearby answers it).
    let respondents_answer = |cue: &crate::analysis::attribution::Cue| {
        let from = floor_char_boundary(
            context.masked,
            cue.range
                .start
                .saturating_sub(RESPONDENT_REACH)
                .max(sentence.start),
        );
        let leading = &context.masked[from..cue.range.start];
        let stretch = leading
            .rsplit([',', ';', ':', '(', ')', '—'])
            .next()
            .unwrap_or(leading);
        let lower = stretch.to_ascii_lowercase();
        let share = lower.contains('%') || lower.contains(" percent") || lower.contains("per cent");
        share && stretch.split_whitespace().count() <= 12
    };
    // "is expected to", "was estimated at": a passive with no "by" names nobody.
    let agentless_passive = |cue: &crate::analysis::attribution::Cue| {
        let before = context.masked[sentence.start..cue.range.start].trim_end();
        let passive = ["is", "are", "was", "were", "be", "been", "being"]
            .iter()
            .any(|auxiliary| {
                before
                    .to_ascii_lowercase()
                    .ends_with(&format!(" {auxiliary}"))
                    || before.eq_ignore_ascii_case(auxiliary)
            });
        let after = &context.masked[cue.range.end..sentence.end];
        let agent = after
            .split_whitespace()
            .take(3)
            .any(|word| word.eq_ignore_ascii_case("by"));
        passive && !agent
    };
    // "Asked which issue matters most, 23 percent said ...": the question is no source.
    let opening_participle = |cue: &crate::analysis::attribution::Cue| {
        context.masked[sentence.start..cue.range.start]
            .trim()
            .is_empty()
            && cue.text.ends_with("ed")
    };
    // An intention sources only what it governs: "wants to sign up 5 million people", not
    // "received thousands of applications ... which Varga plans to form".
    let intention_after = |cue: &crate::analysis::attribution::Cue| {
        crate::analysis::attribution::is_intention(cue) && cue.range.start > figure.range.start
    };
    let not_a_source = |cue: &crate::analysis::attribution::Cue| {
        let base = crate::analysis::lexicon::reporting_verb(&cue.text).map(|(base, _)| base);
        let before = context.masked[sentence.start..cue.range.start]
            .trim_end()
            .to_ascii_lowercase();
        let after = context.masked[cue.range.end..sentence.end].trim_start();
        let figure_follows = after.starts_with(|c: char| {
            c.is_ascii_digit() || CURRENCY_SYMBOLS.iter().any(|(symbol, _)| *symbol == c)
        });
        let after_article = [" a", " an"]
            .iter()
            .any(|article| before.ends_with(article))
            || before == "a"
            || before == "an";
        base.is_some_and(|base| NOT_FIGURE_SOURCES.contains(&base))
            // "All told, 300 people ...": a summing-up, not a teller.
            || (base == Some("tell") && before.ends_with("all"))
            // "Economy adds 200,000 jobs": the verb of the figure, not of a speaker.
            || (base == Some("add") && figure_follows)
            // "an estimated 30,000": an adjective that names no estimator.
            || (figure_follows && after_article)
            // "seems to have found", "is believed to have said": a hedge, not a finding.
            || before.ends_with("to have")
            // "responded by cutting 300 jobs": an action, not a reply about the figure.
            || (base == Some("respond") && after.to_ascii_lowercase().starts_with("by "))
            // "Other shows did better", "the debate showed 80 million viewers": a television
            // programme, not a finding.
            || (base == Some("show") && about_television(&before))
            // "The group pledged $2 million": a promise of money is an action, not a report
            // of it; "pledged that unemployment would fall to 6 percent" states the figure.
            || (base == Some("pledge") && !after.to_ascii_lowercase().starts_with("that "))
            // An expectation sources only the forecast it governs, after it in its clause:
            // "Officials expect rates to rise by one point", not "at a higher price than
            // analysts had expected, boosts its 7% share".
            || (base == Some("expect")
                && (cue.range.start > figure.range.start
                    || context.masked[cue.range.end..figure.range.start].contains([',', ';'])))
            || respondents_answer(cue)
    };
    // A sentence-final "according to" sources every clause before it: "Sales rose 4 percent,
    // and exports fell 2 percent, according to the ministry."
    if let Some(phrase) = final_according_to(context.masked, sentence) {
        if phrase.start > figure.range.end {
            return Some(format!(
                "“{}”, at the end of the sentence",
                context.text[phrase]
                    .trim_end_matches(['.', '!', '?'])
                    .trim_end()
            ));
        }
    }
    // The cue must stand in the figure's own clause: "61 percent said they would pay more, and
    // 49 people wrote in" gives the 49 no source, nor does "which the mayor promised" the
    // spending before it.
    let clause = clause_around(context.masked, sentence, figure.range.start);
    if let Some(known) = subject_is_source(context, &clause, figure) {
        return Some(known);
    }
    if let Some(cue) = find_cue_where(context.masked, clause.clone(), interiors, |cue| {
        !about_the_figure(cue)
            && !agentless_passive(cue)
            && !opening_participle(cue)
            && !not_a_source(cue)
            && !intention_after(cue)
    }) {
        let source = cue
            .speaker
            .as_ref()
            .map_or(String::new(), |speaker| format!(" {}", speaker.name));
        return Some(format!("“{}{source}”, in the same clause", cue.text));
    }
    // A poll, survey, report or data set named in the sentence is the figure's source.
    if let Some(noun) = data_source_in(context, sentence, interiors) {
        return Some(format!("“{noun}”, in the same sentence"));
    }
    // Links and footnote references are in order and do not overlap: only the last one that
    // starts before the sentence ends can reach into it.
    let reaches_into_sentence = |ranges: &[Range<usize>]| {
        let before_end = ranges.partition_point(|range| range.start < sentence.end);
        before_end > 0 && sentence.start < ranges[before_end - 1].end
    };
    if reaches_into_sentence(&context.prose.links) {
        return Some("a link in the same sentence".to_string());
    }
    if reaches_into_sentence(&context.prose.citations) {
        return Some("a footnote in the same sentence".to_string());
    }
    // A parenthetical citation such as "(Smith, 2021)" or "(Source: Eurostat)".
    let sentence_text = &context.masked[sentence.clone()];
    let cited = sentence_text.match_indices('(').any(|(open, _)| {
        let inside = sentence_text[open + 1..].split(')').next().unwrap_or("");
        let lower = inside.to_ascii_lowercase();
        lower.starts_with("source")
            || (inside.starts_with(|c: char| c.is_uppercase())
                && inside.rsplit([',', ' ']).next().is_some_and(|year| {
                    year.len() == 4 && year.chars().all(|c| c.is_ascii_digit())
                }))
    });
    cited.then(|| "a citation in the same sentence".to_string())
}

/// People whose "say" after a figure states the figure rather than answers for it: "the $20
/// million experts say it costs".
#[rustfmt::skip]
pub(super) const EXPERT_NOUNS: &[&str] = &[
    "experts", "analysts", "economists", "officials", "researchers", "strategists",
    "scientists", "forecasters", "estimates", "observers",
];

/// How many bytes before a reporting verb its subject is read, to tell a share of respondents
/// ("46 percent of voters said") from a speaker.
pub(super) const RESPONDENT_REACH: usize = 120;

/// Whether the words before a form of "show" make it a television programme ("other shows",
/// "the morning show") or the audience of one ("the debate showed 80 million viewers").
pub(super) fn about_television(before: &str) -> bool {
    /// Source: written for copydesk from the words that name a broadcast before "show".
    #[rustfmt::skip]
    const PROGRAMME_WORDS: &[&str] = &[
        "the", "a", "other", "news", "morning", "talk", "tv", "television", "cable", "game",
        "debate", "broadcast", "episode", "programme", "program", "telecast", "finale",
    ];
    before
        .rsplit(|c: char| !c.is_alphanumeric())
        .find(|word| !word.is_empty())
        .is_some_and(|word| PROGRAMME_WORDS.contains(&word))
}

/// Verbs by which an organisation or a document gives its own figures: "The agency lists the
/// population as 21,090", "the union puts the number at 3,000", "estimates peg the cost at".
/// Source: written for copydesk from the verbs with which news copy reports an organisation's own
/// figures (examples above).
#[rustfmt::skip]
pub(super) const FIGURE_SOURCE_VERBS: &[&str] = &[
    "lists", "listed", "pegs", "pegged", "puts", "counted", "tallied", "tallies", "released",
    "releases", "publishes", "recorded", "logged", "showed", "shows", "found", "finds",
    // A fact-checker or a rating agency counting its own verdicts: "PolitiFact has rated 32
    // percent of his statements false".
    "rated", "rates", "graded", "grades", "classified",
];

/// Words of a poll's own description of itself: its sample, its error, its fieldwork.
/// Source: the methodology terms of a poll's statement (sample, margin of error, fieldwork) as the
/// AP Stylebook's "polls and surveys" entry asks copy to give them, written for copydesk.
#[rustfmt::skip]
pub(super) const METHODOLOGY: &[&str] = &[
    "margin", "polled", "surveyed", "interviewed", "respondents", "sampled", "conducted",
];

/// Nouns of a bill, budget or request, whose amount the document itself sets.
/// Source: written for copydesk from the names of legislative and budget documents in news copy.
#[rustfmt::skip]
pub(super) const BILL_NOUNS: &[&str] = &[
    "bill", "bills", "request", "proposal", "package", "budget", "appropriation", "measure",
    "legislation", "act", "amendment", "ordinance",
];

/// Figures whose clause is their own source: an organisation or document giving its own
/// numbers ("The agency lists ...", "the poll has a margin of error of 3 points"), or the
/// amount of a named bill or request ("the $1.1 billion Zika bill", "the bill would spend").
pub(super) fn subject_is_source(
    context: &Context,
    clause: &Range<usize>,
    figure: &Figure,
) -> Option<String> {
    let clause_words = words(context.masked, clause.clone());
    // "lists", "shows" and "releases" are nouns as often as verbs: as verbs they take an
    // object ("lists the population", "released roughly 5,500 pages").
    let verb_with_object = |index: usize| {
        let verb = &clause_words[index];
        let object = clause_words.get(index + 1).is_some_and(|next| {
            next.is_any(DEFINITE)
                || next.is_any(&[
                    "a", "an", "roughly", "about", "nearly", "more", "some", "another",
                ])
                || next.text.starts_with(|c: char| c.is_ascii_digit())
                || context.masked[verb.range.end..next.range.start].contains('$')
        });
        let after_determiner = index
            .checked_sub(1)
            .is_some_and(|before| clause_words[before].is_any(&["the", "a", "an"]));
        // "The broadcast showed 84 million viewers": a programme shows, it does not count.
        let programme = verb.is_any(&["showed", "shows"])
            && index > 0
            && about_television(&clause_words[index - 1].text.to_ascii_lowercase());
        verb.is_any(FIGURE_SOURCE_VERBS)
            && !after_determiner
            && !programme
            && (object || !verb.text.ends_with('s'))
    };
    if let Some(verb) = (0..clause_words.len())
        .find(|&index| verb_with_object(index))
        .map(|index| &clause_words[index])
    {
        return Some(format!("“{}”, in the same clause", verb.text));
    }
    if clause_words.iter().any(|word| word.is_any(METHODOLOGY))
        && clause_words.iter().any(|word| {
            word.is_any(&[
                "poll",
                "survey",
                "error",
                "sample",
                "polled",
                "surveyed",
                "respondents",
            ])
        })
    {
        return Some("the poll's own methodology, in the same clause".to_string());
    }
    let money = figure.understood.starts_with("money");
    // "a $1.1 billion Zika funding bill", "Obama's original $1.9 billion request", "The bill
    // would spend $275 billion".
    let bill = clause_words.iter().find(|noun| {
        noun.is_any(BILL_NOUNS)
            && (noun.range.start < figure.range.start
                || clause_words
                    .iter()
                    .skip_while(|word| word.range.start < figure.range.end)
                    .take(4)
                    .any(|word| word.range == noun.range))
    });
    bill.filter(|_| money).map(|noun| {
        format!(
            "the {} itself, in the same clause",
            noun.text.to_ascii_lowercase()
        )
    })
}
