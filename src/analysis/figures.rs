//! Figures: every number a reader could check, what it measures, and where its source is.
//!
//! Shared knowledge, like quotations: the unsourced-figure rule reports the figures without a
//! source, and hovers show the source of the others.

use std::ops::Range;

use super::attribution::find_cue_where;
use super::calendar::month_named;
use super::clauses::{after_subject_relative, clause_around, final_according_to};
use super::quotes::{ParagraphLayout, QuoteKind};
use super::words::{floor_char_boundary, window, words, Word};
use super::Context;

/// Words that multiply a number.
const SCALE_WORDS: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("mn", 1e6),
    ("bn", 1e9),
    ("tn", 1e12),
];
/// Scale suffixes written against the digits: "$3m", "1.5bn", "20k".
const SCALE_SUFFIXES: &[(&str, f64)] = &[
    ("m", 1e6),
    ("mn", 1e6),
    ("bn", 1e9),
    ("b", 1e9),
    ("k", 1e3),
    ("tn", 1e12),
    ("trn", 1e12),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];
const CURRENCY_SYMBOLS: &[(char, &str)] = &[
    ('$', "US dollars"),
    ('€', "euros"),
    ('£', "pounds"),
    ('¥', "yen"),
    ('₹', "rupees"),
    ('₽', "roubles"),
    ('₴', "hryvnias"),
];
const CURRENCY_CODES: &[&str] = &[
    "usd", "eur", "gbp", "jpy", "chf", "cad", "aud", "cny", "inr", "rub", "uah",
];
const CURRENCY_WORDS: &[&str] = &[
    "dollars", "euros", "pounds", "yen", "yuan", "rupees", "roubles", "rubles", "hryvnias",
    "francs", "pesos",
];
/// Words before a number that make it a label, not a quantity.
const LABEL_WORDS: &[&str] = &[
    "no",
    "number",
    "section",
    "chapter",
    "page",
    "pages",
    "article",
    "route",
    "highway",
    "interstate",
    "room",
    "suite",
    "flight",
    "version",
    "rule",
    "resolution",
    "proposition",
    "prop",
    "bill",
    "item",
    "paragraph",
    "precinct",
    "district",
    "ward",
    "unit",
    "apartment",
    "apt",
    "box",
    "platform",
    "gate",
    "exit",
    "channel",
    "episode",
    "season",
    "volume",
    "vol",
    "issue",
    "grade",
    "level",
    "tier",
    "phase",
    "step",
    "act",
    "title",
    "code",
    "form",
    "model",
    "year",
    "class",
    "bus",
    "line",
    "lane",
    "road",
    "street",
    "avenue",
    "hb",
    "sb",
    "hr",
];
/// Words after a number that make it a time of day or a duration-like label.
const TIME_WORDS: &[&str] = &[
    "am", "pm", "a.m", "p.m", "gmt", "utc", "est", "edt", "pst", "pdt", "bst", "cet", "o'clock",
    "hours", "hrs",
];
const STREET_WORDS: &[&str] = &[
    "street",
    "st",
    "avenue",
    "ave",
    "road",
    "rd",
    "boulevard",
    "blvd",
    "lane",
    "ln",
    "drive",
    "dr",
    "way",
    "place",
    "pl",
    "court",
    "ct",
    "square",
    "terrace",
    "parkway",
    "highway",
];
const NUMBER_WORDS: &[(&str, f64)] = &[
    ("a", 1.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("fifteen", 15.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("half", 0.5),
];
const VAGUE_MULTIPLES: &[&str] = &["several", "few", "many", "some"];
const PLURAL_SCALES: &[&str] = &["hundreds", "thousands", "millions", "billions", "trillions"];

/// A figure as understood.
struct Figure {
    range: Range<usize>,
    understood: String,
    vague: bool,
}

/// A figure found in the text, with its source when it has one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureMention {
    pub span: Range<usize>,
    /// What was understood, e.g. "money: 1.2 billion euros".
    pub understood: String,
    /// A vague quantity ("thousands of"), a change ("doubled") or a ranking ("the highest
    /// since 1990") rather than a number: worth a look, reported at information level.
    pub vague: bool,
    /// Where the source is, in words ("according to the ministry, in the same sentence").
    pub source: Option<String>,
    /// For a figure with no source: the data source named earlier in its paragraph, out of
    /// reach (a sentence about something else stands between), which a fix can offer.
    pub nearby_source: Option<String>,
    /// The sentence the figure is in.
    pub sentence: Range<usize>,
}

/// Finds every figure of the document and its source, and the data source named in its last
/// sentence, which sources the figures of the sentence after it (in the next segment).
pub fn find(context: &Context) -> (Vec<FigureMention>, Option<String>) {
    let mut mentions = Vec::new();
    // A data source named in the last sentence of a paragraph reaches the first sentence of the
    // next one: the sentences are adjacent. Sentences are counted over the whole segment, and
    // the segment before stands one sentence before the first.
    let mut ordinal = 1usize;
    let mut carried: Option<Carried> = context.figure_source_before.map(|name| Carried {
        name: name.to_string(),
        sentence: 0,
    });
    for paragraph in &context.paragraphs {
        let paragraph_words = words(context.masked, paragraph.range.clone());
        let mut figures = scan_numbers(context, paragraph, &paragraph_words);
        figures.extend(scan_spelled(
            &paragraph_words,
            context.masked,
            context.settings.figures_min_count,
        ));
        figures.extend(scan_claims(&paragraph_words, context.masked));
        figures.sort_by_key(|figure| figure.range.start);
        figures.dedup_by(|later, earlier| later.range.start < earlier.range.end);
        let interiors = context.interiors(paragraph);
        // Only the last sentence of the paragraph before is adjacent to this one.
        carried = carried.filter(|source| source.sentence + 1 == ordinal);
        let mut named_earlier: Option<String> = None;
        let mut figures = figures.into_iter().peekable();
        let whole = [paragraph.range.clone()];
        let sentences: &[Range<usize>] = if paragraph.sentences.is_empty() {
            &whole
        } else {
            &paragraph.sentences
        };
        for sentence in sentences {
            let mut figures_here = 0;
            while let Some(figure) = figures.next_if(|figure| figure.range.start < sentence.end) {
                figures_here += 1;
                let source = source_of(context, sentence, &figure, &interiors).or_else(|| {
                    carried.as_ref().map(|source| {
                        let place = if source.sentence + 1 == ordinal {
                            "the sentence before"
                        } else {
                            "earlier in the paragraph"
                        };
                        format!("{}, {place}", source.name)
                    })
                });
                let nearby_source = named_earlier.clone().filter(|_| source.is_none());
                mentions.push(FigureMention {
                    span: figure.range,
                    understood: figure.understood,
                    vague: figure.vague,
                    source,
                    nearby_source,
                    sentence: sentence.clone(),
                });
            }
            // A data source named here carries on through the sentences of figures that
            // follow it; a sentence about something else, or a new speaker, ends it.
            let reach = window(
                context.masked,
                sentence.clone(),
                &(sentence.start..sentence.start),
                SENTENCE_SOURCE_REACH,
            );
            if let Some(name) = data_source_in(context, &reach, &interiors) {
                named_earlier = Some(name.clone());
                carried = Some(Carried {
                    name,
                    sentence: ordinal,
                });
            } else if carried.is_some() {
                let new_speaker = || {
                    super::attribution::find_cue(context.masked, reach.clone(), &interiors)
                        .is_some_and(|cue| cue.speaker.is_some())
                };
                if figures_here == 0 || new_speaker() {
                    carried = None;
                }
            }
            ordinal += 1;
        }
    }
    let at_end = carried
        .filter(|source| source.sentence + 1 == ordinal)
        .map(|source| source.name);
    (mentions, at_end)
}

/// A data source named in an earlier sentence that still sources the figures after it.
struct Carried {
    /// How the hover names it: "the Marist poll".
    name: String,
    /// The document-wide index of the sentence that names it.
    sentence: usize,
}

/// How much of a sentence, from its start, is searched for a data source it names.
const SENTENCE_SOURCE_REACH: usize = 600;

/// Reporting verbs that attribute a quotation but say nothing about where a number comes from
/// ("Sanders continues to lead with 60%", "analysts expect 3% growth").
#[rustfmt::skip]
const NOT_FIGURE_SOURCES: &[&str] = &[
    "continue", "expect", "hope", "fear", "worry", "believe", "think", "feel", "doubt",
    "suspect", "complain", "reflect", "laugh", "sigh", "joke", "mock", "tease", "speak",
];

/// Nouns for the documents and counts that figures come from.
#[rustfmt::skip]
const SOURCE_NOUNS: &[&str] = &[
    "poll", "polls", "polling", "survey", "surveys", "study", "studies", "report", "reports",
    "analysis", "census", "data", "statistics", "figures", "estimates", "estimate",
    "projections", "forecast", "forecasts", "tally", "audit", "index", "ranking", "rankings",
    "count", "list", "documents", "records", "filing", "filings", "results", "findings",
    "release", "database", "spreadsheet", "review", "investigation",
];

/// Words that make a source noun a definite, already known source: "the poll", "this list",
/// "its figures", "last week's survey".
#[rustfmt::skip]
const DEFINITE: &[&str] = &["the", "this", "that", "these", "those", "its", "their", "his", "her"];

/// Verbs that describe a study or a count by whoever is named before them.
#[rustfmt::skip]
const STUDY_VERBS: &[&str] = &[
    "examined", "analysed", "analyzed", "studied", "ranked", "compiled", "tracked", "surveyed",
    "polled", "tallied", "counted",
];

/// Function words that end a noun phrase: a source noun after them is not the one the
/// determiner before them opens.
#[rustfmt::skip]
const NOT_IN_A_NOUN_PHRASE: &[&str] = &[
    "in", "of", "on", "at", "by", "for", "from", "to", "with", "after", "before", "and", "or",
    "but", "is", "are", "was", "were", "has", "have", "had", "money", "day", "week", "year",
];

/// A data source named in `range` outside quotations: an "according to" phrase, or a poll,
/// survey, report or data set with its owner's name before it ("a Fox News poll") or after it
/// ("a study by Harvard", "data from Eurostat"), or referred to as known ("the poll", "this
/// list", "its figures"). Returns how a hover names it.
fn data_source_in(
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
    let sentence_words: Vec<Word> = words(context.masked, range.clone())
        .into_iter()
        .filter(|word| !quoted(word.range.start))
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
        word.is_any(STUDY_VERBS)
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
        if !word.is_any(SOURCE_NOUNS) {
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
                sentence_words[index - 1].range.start
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
                    candidate.is_any(DEFINITE)
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
const SOURCE_REACH: usize = 320;

/// Where a figure's source is within its own sentence, if it has one: an attributed quotation
/// around it, an attribution cue, a named data source, a link or a citation.
fn source_of(
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
    source_in_sentence(context, &near, figure, interiors)
}

/// The source of a figure within its own sentence.
fn source_in_sentence(
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
    let about_the_figure = |cue: &super::attribution::Cue| {
        if cue.range.start < figure.range.end {
            return false;
        }
        // "52 percent of registered voters say": the figure is the verb's own subject. "has
        // deemed 1,500 pages personal and says" coordinates the cue with the sentence's own
        // verb, whose subject is the source.
        let between = &context.masked[figure.range.end..cue.range.start];
        let coordinated = between.trim_end().to_ascii_lowercase().ends_with(" and");
        let near = between.split_whitespace().count() <= 12;
        near && !coordinated && !between.contains([',', ';', ':', '(', '—'])
    };
    // "46 percent said they were unenthusiastic, compared with 33 percent who say ...": the
    // verb of a share of respondents gives their answer, not the source of any figure in the
    // clause. Who counted the answers is the question (a poll named nearby answers it).
    let respondents_answer = |cue: &super::attribution::Cue| {
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
    let agentless_passive = |cue: &super::attribution::Cue| {
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
    let opening_participle = |cue: &super::attribution::Cue| {
        context.masked[sentence.start..cue.range.start]
            .trim()
            .is_empty()
            && cue.text.ends_with("ed")
    };
    // An intention sources only what it governs: "wants to sign up 5 million people", not
    // "received thousands of applications ... which Varga plans to form".
    let intention_after = |cue: &super::attribution::Cue| {
        super::attribution::is_intention(cue) && cue.range.start > figure.range.start
    };
    let not_a_source = |cue: &super::attribution::Cue| {
        let base = super::lexicon::reporting_verb(&cue.text).map(|(base, _)| base);
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
    // "Acme, which offered $40 million for the plant, said ...": the relative clause describes
    // the speaker, so its figure is part of what the speaker states about itself.
    if let Some(resumed) = after_subject_relative(context.masked, sentence, figure.range.start) {
        let verb = resumed.iter().find_map(|range| {
            let word = &context.masked[range.clone()];
            let (base, form) = super::lexicon::reporting_verb(word)?;
            let finite = form != super::lexicon::VerbForm::Progressive;
            (finite
                && !NOT_FIGURE_SOURCES.contains(&base)
                && !super::lexicon::INTENTION_VERBS.contains(&base))
            .then(|| context.text[range.clone()].to_string())
        });
        if let Some(verb) = verb {
            return Some(format!(
                "“{verb}”, by the subject the figure's relative clause describes"
            ));
        }
    }
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

/// How many bytes before a reporting verb its subject is read, to tell a share of respondents
/// ("46 percent of voters said") from a speaker.
const RESPONDENT_REACH: usize = 120;

/// Whether the words before a form of "show" make it a television programme ("other shows",
/// "the morning show") or the audience of one ("the debate showed 80 million viewers").
fn about_television(before: &str) -> bool {
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
#[rustfmt::skip]
const FIGURE_SOURCE_VERBS: &[&str] = &[
    "lists", "listed", "pegs", "pegged", "puts", "counted", "tallied", "tallies", "released",
    "releases", "publishes", "recorded", "logged", "showed", "shows", "found", "finds",
];

/// Words of a poll's own description of itself: its sample, its error, its fieldwork.
#[rustfmt::skip]
const METHODOLOGY: &[&str] = &[
    "margin", "polled", "surveyed", "interviewed", "respondents", "sampled", "conducted",
];

/// Nouns of a bill, budget or request, whose amount the document itself sets.
#[rustfmt::skip]
const BILL_NOUNS: &[&str] = &[
    "bill", "bills", "request", "proposal", "package", "budget", "appropriation", "measure",
    "legislation", "act", "amendment", "ordinance",
];

/// Figures whose clause is their own source: an organisation or document giving its own
/// numbers ("The agency lists ...", "the poll has a margin of error of 3 points"), or the
/// amount of a named bill or request ("the $1.1 billion Zika bill", "the bill would spend").
fn subject_is_source(context: &Context, clause: &Range<usize>, figure: &Figure) -> Option<String> {
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

fn scale_of(word: &str) -> Option<f64> {
    SCALE_WORDS
        .iter()
        .find(|(name, _)| word.eq_ignore_ascii_case(name))
        .map(|(_, scale)| *scale)
}

/// Numbers written in digits: "3,000", "3.5", "$3m", "12%", "1 200", "€1.2 billion".
fn scan_numbers(
    context: &Context,
    paragraph: &ParagraphLayout,
    paragraph_words: &[Word],
) -> Vec<Figure> {
    let text = context.masked;
    let bytes = text.as_bytes();
    let mut figures = Vec::new();
    let mut index = paragraph.range.start;
    let end = paragraph.range.end;
    while index < end {
        if !bytes[index].is_ascii_digit() {
            index += 1;
            continue;
        }
        let start = index;
        let previous = text[..start].chars().next_back();
        // Digits glued to letters ("G7", "A320", "COVID-19", "mp3") are names, not quantities.
        if previous.is_some_and(|c| {
            c.is_alphabetic() || c == '_' || c == '/' || c == ':' || c == '.' || c == '#'
        }) || (previous == Some('-')
            && text[..start - 1]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric))
        {
            index = skip_digits(bytes, index, end);
            continue;
        }
        let (number_end, value, groups_ok) = read_number(text, start, end);
        index = number_end.max(start + 1);
        if !groups_ok {
            continue;
        }
        let digits = &text[start..number_end];
        let after = &text[number_end..end];
        // Times (10:30), dates (2/28), ranges and phone numbers (2015-16, 555-1234).
        if after.starts_with([':', '/'])
            || (after.starts_with('-') && after[1..].starts_with(|c: char| c.is_ascii_digit()))
        {
            index = skip_digits(bytes, number_end + 1, end);
            // "72-75 percent" is a range of shares, not a date or a phone number.
            let rest = &text[index..end];
            let percent_range = if rest.starts_with('%') {
                Some(index + 1)
            } else {
                [" percent", " per cent", " pct"]
                    .iter()
                    .find(|unit| rest.starts_with(*unit))
                    .map(|unit| index + unit.len())
            };
            if let (Some(range_end), '-') = (percent_range, after.chars().next().unwrap_or(' ')) {
                figures.push(Figure {
                    understood: format!("percentage: {}", &text[start..range_end]),
                    range: start..range_end,
                    vague: false,
                });
                index = range_end;
            }
            continue;
        }
        // Ordinals (3rd), decades (1990s), and numbers that form an adjective with a hyphen
        // ("56-year-old", "a 300-person meeting", "an 800-acre property") describe, not count.
        let attached: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
        let attached_lower = attached.to_ascii_lowercase();
        let hyphen_compound =
            after.starts_with('-') && after[1..].starts_with(|c: char| c.is_alphabetic());
        if ["st", "nd", "rd", "th"].contains(&attached_lower.as_str())
            || (attached_lower == "s" && digits.len() == 4)
            || hyphen_compound
        {
            continue;
        }
        let suffix_scale = SCALE_SUFFIXES
            .iter()
            .find(|(name, _)| attached_lower == *name)
            .map(|(_, scale)| *scale);
        if !attached.is_empty() && suffix_scale.is_none() {
            continue;
        }
        let mut figure_end = number_end + attached.len();
        let mut percent = false;
        let mut scale = suffix_scale;
        let mut currency = previous
            .and_then(|symbol| {
                CURRENCY_SYMBOLS
                    .iter()
                    .find(|(candidate, _)| *candidate == symbol)
            })
            .map(|(_, name)| name.to_string());
        let figure_start = if currency.is_some() {
            start - previous.map_or(0, char::len_utf8)
        } else {
            start
        };
        if text[figure_end..].starts_with('%') {
            percent = true;
            figure_end += 1;
        }
        // The words around the figure, found by binary search: a paragraph can be long.
        let after_figure = paragraph_words.partition_point(|word| word.range.start < figure_end);
        let before_figure = paragraph_words.partition_point(|word| word.range.end <= figure_start);
        let following: Vec<&Word> = paragraph_words[after_figure..].iter().take(3).collect();
        let preceding: Vec<&Word> = paragraph_words[..before_figure]
            .iter()
            .rev()
            .take(2)
            .collect();
        let next_word = following
            .first()
            .filter(|word| text[figure_end..word.range.start].trim().is_empty());
        if let Some(word) = next_word {
            if !percent && scale.is_none() {
                if word.is("percent") || word.is("pct") {
                    percent = true;
                    figure_end = word.range.end;
                } else if (word.is("percentage")
                    && following
                        .get(1)
                        .is_some_and(|next| next.is_any(&["point", "points"])))
                    || (word.is("per") && following.get(1).is_some_and(|next| next.is("cent")))
                {
                    percent = true;
                    figure_end = following[1].range.end;
                } else if let Some(found) = scale_of(word.text) {
                    scale = Some(found);
                    figure_end = word.range.end;
                }
            }
            let lower = word.text.to_ascii_lowercase();
            if TIME_WORDS.contains(&lower.as_str()) || month_named(word.text).is_some() {
                continue;
            }
            if word.is_capitalised()
                && following
                    .get(1)
                    .is_some_and(|next| next.is_any(STREET_WORDS))
            {
                continue;
            }
        }
        // "3 million dollars"
        if let Some(word) = paragraph_words
            .get(paragraph_words.partition_point(|word| word.range.start < figure_end))
        {
            if text[figure_end..word.range.start].trim().is_empty() && word.is_any(CURRENCY_WORDS) {
                currency = Some(word.text.to_ascii_lowercase());
                figure_end = word.range.end;
            }
        }
        if let Some(word) = preceding.first() {
            if text[word.range.end..figure_start].trim().is_empty() && word.is_any(CURRENCY_CODES) {
                currency = Some(word.text.to_ascii_uppercase());
            }
            if currency.is_none() && !percent && scale.is_none() {
                let label_gap = text[word.range.end..figure_start].trim();
                if (label_gap.is_empty() || label_gap == "." || label_gap == "#")
                    && (word.is_any(LABEL_WORDS) || month_named(word.text).is_some())
                {
                    continue;
                }
                // "Feb. 28, 2022": a day and year after a month name.
                if label_gap == "." && month_named(word.text).is_some() {
                    continue;
                }
                if label_gap == ","
                    && preceding
                        .get(1)
                        .is_some_and(|month| month_named(month.text).is_some())
                    && digits.len() == 4
                {
                    continue;
                }
            }
        }
        // A heading's own numbering ("3. Budget") is structure.
        if paragraph.is_heading && text[paragraph.range.start..figure_start].trim().is_empty() {
            continue;
        }
        let is_year = digits.len() == 4 && (1000.0..=2100.0).contains(&value);
        let plain = currency.is_none() && !percent && scale.is_none();
        let after_figure = paragraph_words.partition_point(|word| word.range.start < figure_end);
        if not_a_claim(
            text,
            figure_start,
            paragraph_words,
            before_figure,
            after_figure,
            plain,
            currency.is_some(),
        ) {
            continue;
        }
        // A margin in points ("won by 22 points", "22 points behind", "2.5 ahead") and the
        // other side of a score whose first side is a figure ("516 to 39") are the news
        // whatever their size.
        let following_text = |offset: usize| paragraph_words.get(after_figure + offset);
        let margin = plain
            && (following_text(0).is_some_and(|word| word.is_any(&["ahead", "behind"]))
                || (following_text(0).is_some_and(|word| word.is_any(&["points", "point"]))
                    && (following_text(1)
                        .is_some_and(|word| word.is_any(&["ahead", "behind", "lead"]))
                        || preceding.first().is_some_and(|word| word.is("by")))));
        let score_side = plain
            && preceding.first().is_some_and(|word| word.is("to"))
            && paragraph_words[..before_figure]
                .iter()
                .rev()
                .nth(1)
                .and_then(|word| {
                    let start = word.range.start;
                    let digits_end = skip_digits(bytes, start, end);
                    text[start..digits_end].replace(',', "").parse::<f64>().ok()
                })
                .is_some_and(|other| {
                    other >= BARE_NUMBER_MINIMUM && !(1000.0..=2100.0).contains(&other)
                });
        if margin || score_side {
            let understood = if margin {
                format!("margin: {digits} points")
            } else {
                format!("count: {digits}")
            };
            let points =
                following_text(0).filter(|word| margin && word.is_any(&["points", "point"]));
            let range_end = points.map_or(figure_end, |word| word.range.end);
            figures.push(Figure {
                range: figure_start..range_end,
                understood,
                vague: false,
            });
            index = range_end.max(index);
            continue;
        }
        // A bare number is a statistic from 100 up; one that counts something ("49 people")
        // from `figures.minCount` up.
        let counts_a_noun = next_word.is_some_and(|word| is_counted_noun(word));
        let threshold = if counts_a_noun {
            context.settings.figures_min_count as f64
        } else {
            BARE_NUMBER_MINIMUM.max(context.settings.figures_min_count as f64)
        };
        if plain && (is_year || value < threshold) {
            continue;
        }
        let understood = if percent {
            format!("percentage: {}%", digits)
        } else if let Some(currency) = &currency {
            format!(
                "money: {} {}",
                digits,
                scale_name(scale).map_or(currency.clone(), |name| format!("{name} {currency}"))
            )
        } else if let Some(name) = scale_name(scale) {
            format!("quantity: {digits} {name}")
        } else {
            let noun = next_word
                .map(|word| word.text)
                .filter(|word| word.chars().all(|c| c.is_lowercase()));
            match noun {
                Some(noun) => format!("count: {digits} {noun}"),
                None => format!("number: {digits}"),
            }
        };
        figures.push(Figure {
            range: figure_start..figure_end,
            understood,
            vague: false,
        });
        index = figure_end.max(index);
    }
    figures
}

/// Words after a number that make it a stretch of time: "200 days since", "100 days left".
#[rustfmt::skip]
const TIME_UNITS: &[&str] = &[
    "seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "centuries",
];

/// Words after an amount that make it a parameter of a policy rather than a claim: "a $50,000
/// borrowing cap", "a $15 minimum wage", "incomes above the $125,000 threshold".
#[rustfmt::skip]
const POLICY_PARAMETERS: &[&str] = &[
    "cap", "limit", "ceiling", "threshold", "minimum", "wage", "deductible",
];

/// Whether the number between `paragraph_words[..before]` and `paragraph_words[after..]` is no
/// claim a copy editor would query: a hypothetical ("if they garner 100,000 signatures"), the
/// base of a rate ("for every $10,000"), a span of time ("200 days"), a rule of procedure
/// ("2,383 delegates needed to win"), a policy parameter ("a $50,000 borrowing cap"), a market
/// quote ("rose 12 cents to $18.40") or part of a name ("S&P 500", "First 100 Days").
fn not_a_claim(
    text: &str,
    figure_start: usize,
    paragraph_words: &[Word],
    before: usize,
    after: usize,
    plain: bool,
    money: bool,
) -> bool {
    let previous = |back: usize| before.checked_sub(back).map(|at| &paragraph_words[at]);
    let next = |offset: usize| paragraph_words.get(after + offset);
    // The words of the sentence before the figure, back to its start or a clause's "if".
    let hypothetical = paragraph_words[..before]
        .iter()
        .rev()
        .take(20)
        .scan(before, |end, word| {
            let gap = &text[word.range.end
                ..paragraph_words
                    .get(*end)
                    .map_or(word.range.end, |next| next.range.start)];
            *end = end.saturating_sub(1);
            (!gap.contains(['.', '!', '?', ';'])).then_some(word)
        })
        .collect::<Vec<_>>();
    // "Asked if her practices were illegal, 46 percent said yes": a question, not a condition.
    let hypothetical = hypothetical.iter().enumerate().any(|(index, word)| {
        word.is_any(&["if", "unless"])
            && !hypothetical.get(index + 1).is_some_and(|before| {
                before.is_any(&[
                    "asked", "ask", "asks", "asking", "wondered", "know", "whether",
                ])
            })
    });
    let rate_base = previous(1).is_some_and(|word| word.is_any(&["every", "per"]));
    let time_span = plain && next(0).is_some_and(|word| word.is_any(TIME_UNITS));
    let procedure = (0..3)
        .filter_map(next)
        .any(|word| word.is_any(&["needed", "required", "necessary"]));
    let policy = money
        && (0..3)
            .filter_map(next)
            .any(|word| word.is_any(POLICY_PARAMETERS));
    let market_quote = next(0).is_some_and(|word| word.is("cents"))
        || (money
            && previous(1).is_some_and(|word| word.is("to"))
            && previous(2).is_some_and(|word| word.is("cents")));
    // "S&P 500", "FTSE 100", "First 100 Days": a number inside a name.
    let token_before = text[..figure_start]
        .trim_end_matches(' ')
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    let glued = text[..figure_start].ends_with(' ') && !text[..figure_start].ends_with("  ");
    let name = plain
        && glued
        && (token_before.contains('&')
            || (token_before.len() >= 3 && token_before.chars().all(|c| c.is_ascii_uppercase()))
            || (token_before.starts_with(char::is_uppercase)
                && previous(2).is_some()
                && next(0).is_some_and(|after| after.is_capitalised())));
    // "the state's 99 delegates": a fixed allotment of delegates, electors or seats is a fact
    // of procedure, not a count anyone reports.
    let allotment = plain
        && previous(1)
            .is_some_and(|owner| owner.text.ends_with("'s") || owner.text.ends_with("’s"))
        && next(0).is_some_and(|unit| unit.is_any(ALLOTTED));
    // "the Fight for $15": a round amount in the name of a campaign, after a capitalised word
    // that does not open the sentence.
    let campaign_name = money
        && !ends_with_scale(paragraph_words, after)
        && previous(1).is_some_and(|word| word.is("for"))
        && previous(2).is_some_and(|word| {
            word.is_capitalised()
                && previous(3).is_some_and(|before| {
                    !text[before.range.end..word.range.start].contains(['.', '!', '?', '"', '“'])
                })
        });
    hypothetical
        || rate_base
        || time_span
        || procedure
        || policy
        || market_quote
        || name
        || allotment
        || campaign_name
}

/// Units of a fixed allotment that a possessive owns: "the state's 99 delegates".
#[rustfmt::skip]
const ALLOTTED: &[&str] = &["delegates", "electors", "seats", "superdelegates"];

/// Whether the amount before `paragraph_words[after]` carries a scale word ("$15 million",
/// "$3m").
fn ends_with_scale(paragraph_words: &[Word], after: usize) -> bool {
    after
        .checked_sub(1)
        .and_then(|last| paragraph_words.get(last))
        .is_some_and(|last| {
            let word = last.text.to_ascii_lowercase();
            scale_of(&word).is_some()
                || (word.starts_with(|c: char| c.is_ascii_digit())
                    && SCALE_SUFFIXES
                        .iter()
                        .any(|(suffix, _)| word.ends_with(suffix)))
        })
}

fn scale_name(scale: Option<f64>) -> Option<&'static str> {
    match scale? {
        value if value >= 1e12 => Some("trillion"),
        value if value >= 1e9 => Some("billion"),
        value if value >= 1e6 => Some("million"),
        value if value >= 1e3 => Some("thousand"),
        _ => Some("hundred"),
    }
}

fn skip_digits(bytes: &[u8], mut index: usize, end: usize) -> usize {
    while index < end
        && (bytes[index].is_ascii_digit() || bytes[index] == b',' || bytes[index] == b'.')
    {
        index += 1;
    }
    index
}

/// Reads digits with thousands separators and decimals from `start`. Returns the end, the value
/// and whether the grouping was well formed ("3,000", "1 200", "3.5"; not "1,2,3" or "1.2.3").
fn read_number(text: &str, start: usize, end: usize) -> (usize, f64, bool) {
    let bytes = text.as_bytes();
    let mut index = start;
    while index < end && bytes[index].is_ascii_digit() {
        index += 1;
    }
    let mut integer: String = text[start..index].to_string();
    let first_group_len = index - start;
    let mut well_formed = true;
    // Thousands groups: ",000" or " 000" (the space form only after a short first group).
    loop {
        let separator = text[index..end].chars().next();
        let separator_len = separator.map_or(0, char::len_utf8);
        let is_separator = match separator {
            Some(',') => true,
            Some(' ' | '\u{a0}' | '\u{202f}' | '\u{2009}') => first_group_len <= 3,
            _ => false,
        };
        if !is_separator {
            break;
        }
        let group_start = index + separator_len;
        let mut group_end = group_start;
        while group_end < end && bytes[group_end].is_ascii_digit() {
            group_end += 1;
        }
        let group_len = group_end - group_start;
        let followed_by_digit_word = group_end < end && bytes[group_end].is_ascii_alphanumeric();
        if group_len == 3 && !followed_by_digit_word {
            integer.push_str(&text[group_start..group_end]);
            index = group_end;
        } else {
            if separator == Some(',')
                && group_len > 0
                && group_len != 3
                && group_start == index + 1
                && !text[index + 1..].starts_with(' ')
            {
                well_formed = false;
            }
            break;
        }
    }
    let mut value: f64 = integer.parse().unwrap_or(0.0);
    if text[index..end].starts_with('.') && bytes.get(index + 1).is_some_and(u8::is_ascii_digit) {
        let fraction_start = index + 1;
        let mut fraction_end = fraction_start;
        while fraction_end < end && bytes[fraction_end].is_ascii_digit() {
            fraction_end += 1;
        }
        if text[fraction_end..end].starts_with('.')
            && bytes.get(fraction_end + 1).is_some_and(u8::is_ascii_digit)
        {
            // "1.2.3" is a version number.
            well_formed = false;
        }
        value = format!("{integer}.{}", &text[fraction_start..fraction_end])
            .parse()
            .unwrap_or(value);
        index = fraction_end;
    }
    (index, value, well_formed)
}

/// Quantities in words: "three million", "half a million", "thousands of", "tens of thousands",
/// "several thousand", "hundreds of".
/// A bare number (no unit, no counted noun) is a statistic from this value up.
const BARE_NUMBER_MINIMUM: f64 = 100.0;

/// Nouns that measure time or position rather than count things: "10 years" is a duration.
#[rustfmt::skip]
const NOT_COUNTED: &[&str] = &[
    "years", "months", "weeks", "days", "hours", "minutes", "seconds", "decades", "centuries",
    "times", "points", "percent", "inches", "feet", "miles", "yards", "pounds", "ounces",
    "degrees", "games", "innings", "rounds", "laps", "pages", "chapters", "is", "was", "has",
    "metres", "meters", "kilometres", "kilometers", "centimetres", "centimeters", "kilograms",
    "grams", "tons", "tonnes", "litres", "liters", "gallons", "acres", "hectares", "storeys",
    "stories", "floors", "lengths",
    "this", "his", "its", "us", "as", "yes",
];

/// Whether a word is a plural noun that a number counts ("people", "voters", "homes").
fn is_counted_noun(word: &Word) -> bool {
    let lower = word.text.to_ascii_lowercase();
    let plural = (lower.ends_with('s') && !lower.ends_with("ss") && lower.len() > 3)
        || matches!(
            lower.as_str(),
            "people" | "children" | "men" | "women" | "police" | "staff" | "troops"
        );
    plural && word.text.chars().all(|c| c.is_lowercase()) && !NOT_COUNTED.contains(&lower.as_str())
}

/// The value of a spelled number from ten up, with hyphenated tens ("twenty-four"), or below
/// ten; `None` for other words.
fn spelled_value(word: &str) -> Option<u64> {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let lower = word.to_ascii_lowercase();
    if let Some(value) = UNITS.iter().position(|unit| *unit == lower) {
        return Some(value as u64);
    }
    let (tens, units) = lower.split_once('-').unwrap_or((lower.as_str(), ""));
    let tens_value = TENS.iter().position(|name| *name == tens)? as u64 * 10 + 20;
    let units_value = if units.is_empty() {
        0
    } else {
        UNITS[1..10].iter().position(|unit| *unit == units)? as u64 + 1
    };
    Some(tens_value + units_value)
}

fn scan_spelled(paragraph_words: &[Word], text: &str, min_count: u64) -> Vec<Figure> {
    let mut figures = Vec::new();
    let mut index = 0;
    while index < paragraph_words.len() {
        let word = &paragraph_words[index];
        let next = paragraph_words.get(index + 1);
        let adjacent_next =
            next.filter(|next| text[word.range.end..next.range.start].trim().is_empty());
        // "dozens of" and "a dozen people": vague or small counts that still stand for a
        // statistic when they count something.
        let counted_after = |offset: usize| {
            paragraph_words
                .get(index + offset)
                .is_some_and(is_counted_noun)
        };
        // "his millions of followers", "worth a thousand words": a quantity with no claim.
        let previous = index.checked_sub(1).map(|at| &paragraph_words[at]);
        let generic = previous.is_some_and(|before| {
            before.is_any(&["his", "her", "their", "its", "our", "your", "my", "worth"])
        }) || (word.is_any(PLURAL_SCALES)
            && adjacent_next.is_some_and(|of| of.is("of"))
            && paragraph_words
                .get(index + 2)
                .is_some_and(|noun| noun.is_any(AUDIENCES)));
        if generic {
            index += 1;
            continue;
        }
        // "Dozens more like it", "tons of marijuana"
        let vague_count = (word.is("dozens")
            && adjacent_next.is_some_and(|next| next.is_any(&["of", "more"])))
            || (word.is_any(&["tons", "scores"])
                && adjacent_next.is_some_and(|next| next.is("of"))
                && !previous.is_some_and(|before| {
                    before.text.starts_with(|c: char| c.is_ascii_digit())
                        || spelled_value(before.text).is_some()
                        || scale_of(before.text).is_some()
                }));
        if vague_count {
            let range = if word.is("dozens") && adjacent_next.is_some_and(|next| next.is("more")) {
                word.range.start..paragraph_words[index + 1].range.end
            } else {
                word.range.clone()
            };
            figures.push(Figure {
                understood: format!("vague quantity: {}", &text[range.clone()]),
                range,
                vague: true,
            });
            index += 1;
            continue;
        }
        if word.is("dozens") && adjacent_next.is_some_and(|next| next.is("of")) {
            figures.push(Figure {
                understood: format!("vague quantity: {}", word.text),
                range: word.range.clone(),
                vague: true,
            });
            index += 1;
            continue;
        }
        if word.is_any(&["a", "half"])
            && adjacent_next.is_some_and(|next| next.is("dozen"))
            && counted_after(2)
        {
            let range = word.range.start..paragraph_words[index + 1].range.end;
            figures.push(Figure {
                understood: format!("count: {}", &text[range.clone()]),
                range,
                vague: false,
            });
            index += 2;
            continue;
        }
        // "thousands of", "tens of thousands"
        if word.is_any(PLURAL_SCALES)
            || (word.is("tens") && adjacent_next.is_some_and(|next| next.is("of")))
        {
            let mut end_index = index;
            if word.is("tens") {
                if let Some(scale) = paragraph_words
                    .get(index + 2)
                    .filter(|scale| scale.is_any(PLURAL_SCALES))
                {
                    let _ = scale;
                    end_index = index + 2;
                } else {
                    index += 1;
                    continue;
                }
            }
            // "hundreds of millions of dollars" is one figure.
            while paragraph_words
                .get(end_index + 1)
                .is_some_and(|of| of.is("of"))
                && paragraph_words
                    .get(end_index + 2)
                    .is_some_and(|scale| scale.is_any(PLURAL_SCALES))
            {
                end_index += 2;
            }
            let last = &paragraph_words[end_index];
            let followed_by_of = paragraph_words
                .get(end_index + 1)
                .is_some_and(|of| of.is("of"));
            let hundreds_only = last.is("hundreds") && !followed_by_of;
            if !hundreds_only {
                let range = word.range.start..last.range.end;
                figures.push(Figure {
                    understood: format!("vague quantity: {}", &text[range.clone()]),
                    range,
                    vague: true,
                });
            }
            index = end_index + 1;
            continue;
        }
        // "Twenty-four percent", "nine percentage points", "twelve people".
        if let Some(value) = spelled_value(word.text) {
            let percent_words = match (adjacent_next, paragraph_words.get(index + 2)) {
                (Some(next), _) if next.is_any(&["percent", "pct"]) => Some(index + 1),
                (Some(next), Some(after))
                    if next.is("percentage") && after.is_any(&["point", "points"]) =>
                {
                    Some(index + 2)
                }
                (Some(next), Some(after)) if next.is("per") && after.is("cent") => Some(index + 2),
                _ => None,
            };
            if let Some(last) = percent_words {
                let range = word.range.start..paragraph_words[last].range.end;
                figures.push(Figure {
                    understood: format!("percentage: {value}%"),
                    range,
                    vague: false,
                });
                index = last + 1;
                continue;
            }
            if value >= min_count && adjacent_next.is_some_and(is_counted_noun) {
                figures.push(Figure {
                    understood: format!(
                        "count: {value} {}",
                        adjacent_next.map_or("", |next| next.text)
                    ),
                    range: word.range.clone(),
                    vague: false,
                });
                index += 1;
                continue;
            }
        }
        // "three million", "several thousand", "half a million", "a billion"
        let is_amount =
            NUMBER_WORDS.iter().any(|(name, _)| word.is(name)) || word.is_any(VAGUE_MULTIPLES);
        if is_amount {
            let mut cursor = index + 1;
            if word.is("half") && paragraph_words.get(cursor).is_some_and(|a| a.is("a")) {
                cursor += 1;
            }
            if let Some(scale_word) = paragraph_words.get(cursor) {
                let gap_ok = text[paragraph_words[cursor - 1].range.end..scale_word.range.start]
                    .trim()
                    .is_empty();
                // "a hundred" is a figure of speech unless it counts something ("a hundred
                // others", "a hundred of them").
                let counts_after = paragraph_words.get(cursor + 1).is_some_and(|after| {
                    after.is("of") || is_counted_noun(after) || after.is("others")
                });
                let idiom = word.is_any(&["a", "one"]) && scale_word.is("hundred") && !counts_after;
                if gap_ok && scale_of(scale_word.text).is_some() && !idiom {
                    let range = word.range.start..scale_word.range.end;
                    figures.push(Figure {
                        understood: format!("quantity: {}", &text[range.clone()]),
                        range,
                        vague: false,
                    });
                    index = cursor + 1;
                    continue;
                }
            }
        }
        index += 1;
    }
    figures
}

/// An audience a vague plural counts with no claim: "millions of viewers", "thousands of
/// delegates".
#[rustfmt::skip]
const AUDIENCES: &[&str] = &[
    "viewers", "followers", "fans", "listeners", "readers", "subscribers", "delegates",
];

/// Groups that polls, surveys and counts measure shares of: "most voters", "most Americans".
#[rustfmt::skip]
const GROUPS_POLLED: &[&str] = &[
    "voters", "Americans", "Republicans", "Democrats", "independents", "respondents", "adults",
    "residents", "households", "taxpayers", "members", "delegates", "superdelegates",
];

/// Words that state a change by a multiple.
const MULTIPLIERS: &[&str] = &[
    "doubled",
    "tripled",
    "trebled",
    "quadrupled",
    "halved",
    "doubling",
    "tripling",
    "halving",
];
/// Fractions that stand for a share of something counted.
const FRACTIONS: &[&str] = &[
    "third", "thirds", "quarter", "quarters", "half", "majority", "fifth", "fifths",
];
/// Verbs of change that a fraction can follow ("fell by a quarter").
const CHANGE_VERBS: &[&str] = &[
    "rose",
    "fell",
    "dropped",
    "grew",
    "increased",
    "decreased",
    "declined",
    "climbed",
    "jumped",
    "cut",
    "slashed",
    "shrank",
    "surged",
    "plunged",
    "soared",
    "rise",
    "fall",
    "drop",
    "grow",
];
/// Superlatives that make a ranking claim when tied to a record ("the highest since 1990").
const SUPERLATIVES: &[&str] = &[
    "largest",
    "biggest",
    "highest",
    "lowest",
    "smallest",
    "fastest",
    "slowest",
    "worst",
    "best",
    "deadliest",
    "costliest",
    "hottest",
    "coldest",
    "wettest",
    "driest",
    "longest",
    "shortest",
    "strongest",
    "weakest",
    "most",
    "least",
];

/// Ordinals that make a ranking when tied to a record: "the fourth since 1848".
#[rustfmt::skip]
const ORDINALS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
];

/// Claims without digits: changes ("doubled", "fell by a quarter"), shares ("a third of
/// voters", "the majority of residents") and rankings ("the highest since 1990", "the worst on
/// record").
fn scan_claims(paragraph_words: &[Word], text: &str) -> Vec<Figure> {
    let mut figures = Vec::new();
    let joined =
        |left: &Word, right: &Word| text[left.range.end..right.range.start].trim().is_empty();
    for (index, word) in paragraph_words.iter().enumerate() {
        let next = |offset: usize| paragraph_words.get(index + offset);
        // "doubled down" is an idiom, not a change.
        if word.is_any(MULTIPLIERS) && !next(1).is_some_and(|down| down.is("down")) {
            figures.push(Figure {
                understood: format!("change: {}", word.text),
                range: word.range.clone(),
                vague: true,
            });
            continue;
        }
        // "a six-figure salary": a vague amount of money.
        let figure_compound = word.text.to_ascii_lowercase();
        if let Some(("five" | "six" | "seven" | "eight" | "nine", "figure")) =
            figure_compound.split_once('-')
        {
            figures.push(Figure {
                understood: format!("vague quantity: {}", word.text),
                range: word.range.clone(),
                vague: true,
            });
            continue;
        }
        // "Most voters back the plan": a share of a group that polls and counts measure, with
        // no number. Not "the most", "at most", "most people imagined" or "most dangerous".
        // After a preposition the group is the frame of a view ("in the eyes of most voters",
        // "for most Democrats"), not the subject of a measured claim.
        let after_article = index > 0
            && paragraph_words[index - 1].is_any(&[
                "the", "at", "a", "of", "for", "to", "among", "with", "by", "in", "from",
            ]);
        if word.is("most")
            && !after_article
            && next(1).is_some_and(|noun| joined(word, noun) && noun.is_any(GROUPS_POLLED))
        {
            let range = word.range.start..paragraph_words[index + 1].range.end;
            figures.push(Figure {
                understood: format!("share: {}", &text[range.clone()]),
                range,
                vague: true,
            });
            continue;
        }
        // "The average age of members is 67": an average is a statistic, though ages alone are
        // not figures.
        if word.is_any(&["average", "median"]) && next(1).is_some_and(|age| age.is("age")) {
            let number = paragraph_words[index + 2..]
                .iter()
                .take(6)
                .take_while(|later| !text[word.range.end..later.range.start].contains(['.', ';']))
                .find(|later| later.text.starts_with(|c: char| c.is_ascii_digit()));
            if let Some(number) = number {
                figures.push(Figure {
                    understood: format!("average age: {}", number.text),
                    range: number.range.clone(),
                    vague: false,
                });
            }
            continue;
        }
        // "fell by a quarter", "rose by half"
        if word.is_any(CHANGE_VERBS) && next(1).is_some_and(|by| by.is("by")) {
            let (fraction_index, start_index) = match (next(2), next(3)) {
                (Some(article), Some(fraction))
                    if article.is_any(&["a", "one", "two", "three"])
                        && fraction.is_any(FRACTIONS) =>
                {
                    (index + 3, index)
                }
                (Some(fraction), _) if fraction.is("half") => (index + 2, index),
                _ => (0, 0),
            };
            if fraction_index > 0 {
                let range = paragraph_words[start_index].range.start
                    ..paragraph_words[fraction_index].range.end;
                figures.push(Figure {
                    understood: format!("change: {}", &text[range.clone()]),
                    range,
                    vague: true,
                });
            }
            continue;
        }
        // "a third of voters", "two-thirds of the members", "half of all residents", "the
        // majority of voters"
        let share_words = word.is_any(&["a", "one", "two", "three", "the"])
            && next(1).is_some_and(|fraction| fraction.is_any(FRACTIONS) && joined(word, fraction));
        let hyphenated = word.text.contains('-')
            && word
                .text
                .rsplit('-')
                .next()
                .is_some_and(|last| FRACTIONS.contains(&last.to_ascii_lowercase().as_str()));
        let fraction_end = if share_words {
            Some(index + 1)
        } else if hyphenated || word.is("half") {
            Some(index)
        } else {
            None
        };
        if let Some(end_index) = fraction_end {
            let of = paragraph_words.get(end_index + 1).filter(|of| of.is("of"));
            let counted = paragraph_words
                .get(end_index + 2)
                .filter(|after| after.is_any(&["the", "all", "its", "their"]))
                .map_or(paragraph_words.get(end_index + 2), |_| {
                    paragraph_words.get(end_index + 3)
                });
            if of.is_some()
                && counted.is_some_and(|noun| is_counted_noun(noun) || noun.is_capitalised())
            {
                let range = word.range.start..paragraph_words[end_index + 1].range.end;
                figures.push(Figure {
                    understood: format!("share: {}", &text[range.clone()]),
                    range,
                    vague: true,
                });
            }
            continue;
        }
        // "the highest since 1990", "the worst on record", "the largest in history"
        let superlative =
            word.is_any(SUPERLATIVES) || (word.text.len() > 5 && word.text.ends_with("iest"));
        // "the worst thing that ever happened" is rhetoric, not a ranking.
        let rhetoric = next(1).is_some_and(|thing| thing.is_any(&["thing", "things"]));
        // "only the fourth councillor since 1848 to lose"
        let ordinal = word.is_any(ORDINALS)
            && index > 0
            && paragraph_words[index - 1].is("the")
            && paragraph_words[index + 1..]
                .iter()
                .take(4)
                .collect::<Vec<_>>()
                .windows(2)
                .any(|pair| {
                    pair[0].is("since") && pair[1].text.starts_with(|c: char| c.is_ascii_digit())
                });
        if ordinal {
            let range = paragraph_words[index - 1].range.start..word.range.end;
            figures.push(Figure {
                understood: format!("ranking: {}", &text[range.clone()]),
                range,
                vague: true,
            });
            continue;
        }
        // "one of every nine voters", "one in five adults"
        let is_number = |candidate: &Word| {
            spelled_value(candidate.text).is_some()
                || candidate.text.chars().all(|c| c.is_ascii_digit())
        };
        let share_of_every = is_number(word)
            && match (next(1), next(2), next(3)) {
                (Some(of), Some(every), Some(whole))
                    if of.is_any(&["of", "in"]) && every.is("every") =>
                {
                    is_number(whole)
                }
                (Some(within), Some(whole), _) if within.is("in") && word.is("one") => {
                    spelled_value(whole.text).is_some_and(|value| value > 1)
                }
                _ => false,
            };
        if share_of_every {
            let last = if next(2).is_some_and(|every| every.is("every")) {
                3
            } else {
                2
            };
            let range = word.range.start..paragraph_words[index + last].range.end;
            figures.push(Figure {
                understood: format!("share: {}", &text[range.clone()]),
                range,
                vague: true,
            });
            continue;
        }
        if superlative && !rhetoric && index > 0 && paragraph_words[index - 1].is("the") {
            let window: Vec<&Word> = paragraph_words[index + 1..].iter().take(5).collect();
            let record = window.windows(2).any(|pair| {
                (pair[0].is("since") && pair[1].text.starts_with(|c: char| c.is_ascii_digit()))
                    || (pair[0].is("on") && pair[1].is("record"))
                    || (pair[0].is("in")
                        && pair[1].is_any(&["history", "decades", "years", "generations"]))
            }) || window.iter().any(|word| word.is("ever"));
            if record {
                let range = paragraph_words[index - 1].range.start..word.range.end;
                figures.push(Figure {
                    understood: format!("ranking: {}", &text[range.clone()]),
                    range,
                    vague: true,
                });
            }
        }
    }
    figures
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::tests::{findings_of, settings};
    use crate::analysis::{analyze, Format, RuleCode};

    const RULE: RuleCode = RuleCode::UnsourcedFigure;

    /// The source a hover shows for the figure `marker` in `text`.
    fn source_of(text: &str, marker: &str) -> Option<String> {
        let analysis = analyze(text, Format::PlainText, &settings());
        let at = text.find(marker).expect("marker in text");
        analysis
            .figures
            .iter()
            .find(|figure| figure.span.contains(&at))
            .unwrap_or_else(|| panic!("no figure at {marker:?} in {text:?}"))
            .source
            .clone()
    }

    /// Each numbered case of the issue as twins: the same figure once with no source (flagged)
    /// and once with the source a copy editor accepts (not flagged).
    #[test]
    fn flagged_and_sourced_twins() {
        for (flagged, sourced, figure) in [
            // 1. The source is in the sentence before or earlier in the paragraph.
            (
                "Reyes spoke in Albany on Monday. She leads among women by 12 percent.",
                "A Marist poll released Monday found Reyes ahead. She leads among women by 12 percent.",
                "12 percent",
            ),
            (
                "Reyes toured the valley.\n\nShe won 48 percent in the county.",
                "According to the county's results, Reyes won the valley.\n\nShe won 48 percent in the county.",
                "48 percent",
            ),
            // 2. The subject is the source: its own release, a poll's methodology, a bill.
            (
                "Soros contributed $1 million to the fund.",
                "The agency has released 1,250 pages of emails.",
                "",
            ),
            (
                "The crowd of 1,003 adults cheered for an hour.",
                "The poll of 1,003 adults has a margin of error of 3.1 points.",
                "1,003",
            ),
            (
                "The city would spend $275 billion.",
                "The bill would spend $275 billion.",
                "$275 billion",
            ),
            // 3. Source words: lists, puts ... at, a count, coordinated "and says".
            (
                "The town had 21,090 residents that year.",
                "The agency lists the town's population that year as 21,090.",
                "21,090",
            ),
            (
                "The department withheld about 1,500 pages as personal.",
                "The department has deemed about 1,500 pages personal and says it will not release them.",
                "1,500",
            ),
            (
                "Sales rose 4 percent, and exports fell.",
                "Sales rose 4 percent, and exports fell, according to the ministry.",
                "4 percent",
            ),
            // 4. A cue in a relative or coordinated clause about something else is no source.
            (
                "The city has spent $4 million on the stadium, which the mayor promised to finish next year.",
                "The city has spent $4 million on the stadium, the mayor said.",
                "$4 million",
            ),
            (
                "The plant employs 1,200 people, and the governor said she hoped to visit it.",
                "The plant employs 1,200 people, the governor said.",
                "1,200",
            ),
            (
                "Economy adds 200,000 jobs.",
                "The Labor Department said the economy added 200,000 jobs.",
                "200,000",
            ),
            (
                "The crowd numbered an estimated 30,000.",
                "Police estimated the crowd at 30,000.",
                "30,000",
            ),
        ] {
            if !figure.is_empty() {
                assert_eq!(findings_of(RULE, flagged), vec![figure.to_string()], "{flagged}");
            } else {
                assert_eq!(findings_of(RULE, flagged).len(), 1, "{flagged}");
            }
            assert_eq!(findings_of(RULE, sourced), Vec::<String>::new(), "{sourced}");
        }
    }

    /// The cases found after the first pass, as twins: respondents' answers, questions, a
    /// relative clause on a speaker, figures once missed, non-figures and spurious sources.
    #[test]
    fn second_pass_twins() {
        for (flagged, sourced, figure) in [
            // The verb of a share of respondents is their answer, not the figure's source.
            (
                "Reyes toured the valley. Just 28 percent of voters said they liked the plan.",
                "A Gallup poll released Monday asked about the plan. Just 28 percent of voters said they liked it.",
                "28 percent",
            ),
            (
                "Reyes toured the valley. She trails 40 percent to 46 percent, with 14 percent saying they are unsure.",
                "A Gallup poll released Monday asked about her. She trails 40 percent to 46 percent, with 14 percent saying they are unsure.",
                "",
            ),
            // "Asked if" opens a question, not a condition.
            (
                "Asked if the plan was legal, 46 percent of voters said yes.",
                "The Marist poll asked about the plan. Asked if it was legal, 46 percent of voters said yes.",
                "46 percent",
            ),
            // A relative clause on the subject of a reporting verb belongs to its statement.
            (
                "Acme Foods, which offered $40 million for the plant, closed on Monday.",
                "Acme Foods, which offered $40 million for the plant, said on Monday it would wait.",
                "$40 million",
            ),
            (
                "Acme Foods, which offered $40 million for the plant, wants to wait.",
                "Acme Foods, which offered $40 million for the plant, told investors it would wait.",
                "$40 million",
            ),
            // 7. Figures once missed: a six-figure sum, a share of a polled group, an average.
            (
                "She earns a six-figure salary.",
                "She earns a six-figure salary, according to her tax filing.",
                "six-figure",
            ),
            (
                "Most voters backed the plan.",
                "Most voters backed the plan, a Quinnipiac poll found.",
                "Most voters",
            ),
            (
                "The average age of the members is 67.",
                "The average age of the members is 67, the club said.",
                "67",
            ),
            // 4. Spurious sources: a pledge and a programme are no source.
            (
                "The group pledged $2 million to the fund.",
                "The group said it gave $2 million to the fund.",
                "$2 million",
            ),
            (
                "The group pledged $2 million to the fund.",
                "The group pledged that it would raise $2 million for the fund.",
                "$2 million",
            ),
            (
                "The broadcast showed 84 million viewers.",
                "Nielsen data showed 84 million viewers.",
                "84 million",
            ),
            (
                "An estimated 30,000 people attended.",
                "Police estimated that 30,000 people attended.",
                "30,000",
            ),
        ] {
            if figure.is_empty() {
                assert!(!findings_of(RULE, flagged).is_empty(), "{flagged}");
            } else {
                assert_eq!(findings_of(RULE, flagged), vec![figure.to_string()], "{flagged}");
            }
            assert_eq!(findings_of(RULE, sourced), Vec::<String>::new(), "{sourced}");
        }
        // "Most" that measures nothing, and the sentences that do not make it a share.
        for silent in [
            "It was the most dangerous city in the state.",
            "Most people imagined a quieter race.",
            "At most voters could wait an hour.",
            "In the eyes of most voters, the race is over.",
        ] {
            assert_eq!(findings_of(RULE, silent), Vec::<String>::new(), "{silent}");
        }
    }

    /// Case 5 again: fixed allotments, campaign names, audiences and markup are no figures;
    /// their twins are.
    #[test]
    fn second_pass_not_figures_and_their_twins() {
        for (not_a_figure, figure_twin, figure) in [
            (
                "Trump will win the state's 99 delegates.",
                "Trump has won 99 delegates so far.",
                "99",
            ),
            (
                "Workers joined the Fight for $15 campaign.",
                "Workers joined the fight for $15 million in back pay.",
                "$15 million",
            ),
            (
                "The debate drew millions of viewers.",
                "The debate cost millions of dollars.",
                "millions",
            ),
            (
                "<span style=\"width: 300px\">The page</span>",
                "The page sold 300 copies.",
                "300",
            ),
        ] {
            assert_eq!(
                findings_of(RULE, not_a_figure),
                Vec::<String>::new(),
                "{not_a_figure}"
            );
            assert_eq!(
                findings_of(RULE, figure_twin),
                vec![figure.to_string()],
                "{figure_twin}"
            );
        }
    }

    /// 5. Numbers that are no figure claim are not flagged; their twins that are, are.
    #[test]
    fn not_figures_and_their_twins() {
        for (not_a_figure, figure_twin, figure) in [
            (
                "They need 2,383 delegates needed to win the nomination.",
                "They won 2,383 delegates in March.",
                "2,383",
            ),
            (
                "Workers marched for a $15 minimum wage.",
                "Workers lost $15 million.",
                "$15 million",
            ),
            (
                "The S&P 500 closed higher.",
                "The firm laid off 500 workers.",
                "500",
            ),
            (
                "It has been 200 days since the vote.",
                "It has been 200 ballots since the vote.",
                "200",
            ),
            (
                "His millions of followers cheered.",
                "Millions of commuters cheered.",
                "Millions",
            ),
            (
                "A photo is worth a thousand words.",
                "A thousand people came.",
                "A thousand",
            ),
            (
                "If they gather 100,000 signatures, a vote follows.",
                "They gathered 100,000 signatures.",
                "100,000",
            ),
            (
                "For every $10,000 you borrow, you repay a share.",
                "Fees are $10,000 a year.",
                "$10,000",
            ),
            (
                "The stock rose 12 cents to $18.40.",
                "The company paid $18.40 million.",
                "$18.40 million",
            ),
            (
                "He said: I'm the worst thing that ever happened to them.",
                "Turnout was the worst ever.",
                "the worst",
            ),
        ] {
            assert_eq!(
                findings_of(RULE, not_a_figure),
                Vec::<String>::new(),
                "{not_a_figure}"
            );
            assert_eq!(
                findings_of(RULE, figure_twin),
                vec![figure.to_string()],
                "{figure_twin}"
            );
        }
    }

    /// 6. One figure, one finding; 7. figures that were missed.
    #[test]
    fn one_finding_per_figure_and_figures_once_missed() {
        for (text, expected) in [
            (
                "The government poured hundreds of millions of dollars into research.",
                vec!["hundreds of millions"],
            ),
            (
                "Dozens more like it snake around town.",
                vec!["Dozens more"],
            ),
            ("Agents seized tons of marijuana.", vec!["tons"]),
            (
                "About one of every nine voters is Latino.",
                vec!["one of every nine"],
            ),
            (
                "He became only the fourth councillor since 1848 to lose.",
                vec!["the fourth"],
            ),
            ("Rubio finished 22 points behind Trump.", vec!["22 points"]),
            (
                "Three cantons had a turnout of 72-75 percent.",
                vec!["72-75 percent"],
            ),
            (
                "Clinton leads 516 to 39 among superdelegates.",
                vec!["516", "39"],
            ),
        ] {
            assert_eq!(findings_of(RULE, text), expected, "{text}");
        }
    }

    #[test]
    fn hovers_say_where_the_source_was_found() {
        let text = "A Marist poll released Monday found Reyes ahead. She leads among women by 12 percent. In Erie she has 54 percent.";
        assert_eq!(
            source_of(text, "12 percent").as_deref(),
            Some("Marist poll, the sentence before")
        );
        assert_eq!(
            source_of(text, "54 percent").as_deref(),
            Some("Marist poll, earlier in the paragraph")
        );
        // A sentence about something else ends the source's reach.
        let interrupted =
            "A Marist poll found Reyes ahead. The hall was quiet. She leads by 12 percent.";
        assert_eq!(source_of(interrupted, "12 percent"), None);
        assert_eq!(
            source_of("The bill would spend $275 billion.", "$275").as_deref(),
            Some("the bill itself, in the same clause")
        );
    }
}
