//! Figures: every number a reader could check, what it measures, and where its source is.
//!
//! Shared knowledge, like quotations: the unsourced-figure rule reports the figures without a
//! source, and hovers show the source of the others.

mod claims;
mod classify;
mod numbers;
mod sources;
mod spelled;
#[cfg(test)]
mod tests;

use std::ops::Range;

use crate::analysis::attribution::find_cue_where;
use crate::analysis::calendar::month_named;
use crate::analysis::clauses::{after_subject_relative, clause_around, final_according_to};
use crate::analysis::quotes::{ParagraphLayout, QuoteKind};
use crate::analysis::words::{floor_char_boundary, window, words, Word};
use crate::analysis::Context;

use claims::*;
use classify::*;
use numbers::*;
use sources::*;
use spelled::*;

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

/// Finds every figure of the document and its source, the data source named in its last
/// sentence, which sources the figures of the sentence after it (in the next segment), and the
/// poll the story has named by its end, whose answers later segments report.
pub fn find(context: &Context) -> (Vec<FigureMention>, Option<String>, Option<String>) {
    let mut mentions = Vec::new();
    // A data source named in the last sentence of a paragraph reaches the first sentence of the
    // next one: the sentences are adjacent. Sentences are counted over the whole segment, and
    // the segment before stands one sentence before the first.
    let mut ordinal = 1usize;
    let mut carried: Option<Carried> = context.figure_source_before.map(|name| Carried {
        name: name.to_string(),
        sentence: 0,
        statement: false,
        topic: Vec::new(),
    });
    // A poll story reports its poll's answers paragraph after paragraph ("Just 30 percent of
    // voters consider her honest"); a copy editor reads them as the poll's findings, not as
    // figures without a source.
    let mut story_poll: Option<String> = context.story_poll_before.map(str::to_string);
    for (paragraph_index, paragraph) in context.paragraphs.iter().enumerate() {
        let paragraph_words = context.paragraph_words(paragraph_index);
        let mut figures = scan_numbers(context, paragraph, paragraph_words);
        figures.extend(scan_spelled(
            paragraph_words,
            context.masked,
            context.settings.figures_min_count,
        ));
        figures.extend(scan_claims(paragraph_words, context.masked));
        figures.sort_by_key(|figure| figure.range.start);
        figures.dedup_by(|later, earlier| later.range.start < earlier.range.end);
        let interiors = context.interiors(paragraph);
        // Only the last sentence of the paragraph before is adjacent to this one, and only a
        // named data source reaches across the break: a speaker's statement stays with its
        // paragraph, as the next paragraph of a news story usually turns to something else.
        carried = carried.filter(|source| source.sentence + 1 == ordinal && !source.statement);
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
            let mut sourced_here = 0;
            let mut own_sources: Vec<String> = Vec::new();
            // Whether the sentence reads as a poll's answers, decided once per sentence.
            let mut answers: Option<bool> = None;
            // Whether the sentence goes on with a statement before it, decided once.
            let mut continues: Option<bool> = None;
            // Whether the sentence quotes a share price, decided once.
            let mut market: Option<bool> = None;
            // Whether the sentence gives a company's results per share, decided once.
            let mut per_share: Option<bool> = None;
            // The document whose terms the sentence sets out ("Under the offer, ..."), once.
            let terms = terms_set_out(context, sentence);
            // A market quote neither names a source nor turns to something else: the figures
            // around it keep the source they had.
            let mut market_figures = 0;
            while let Some(figure) = figures.next_if(|figure| figure.range.start < sentence.end) {
                // "Acme shares closed at $13.625, down $1.125, in composite trading": a routine
                // market quote is the exchange's record, which no copy editor sends back for a
                // source; it is no figure claim.
                if *market.get_or_insert_with(|| quotes_a_share_price(context.masked, sentence)) {
                    market_figures += 1;
                    continue;
                }
                // "It remains unclear whether meeting thousands of voters matters": a vague
                // quantity in an open question or a condition is no claim, as a number is not
                // (numbers are read so when they are found).
                if figure.vague {
                    let before = paragraph_words
                        .partition_point(|word| word.range.end <= figure.range.start);
                    if open_question_before(context.masked, paragraph_words, before) {
                        continue;
                    }
                }
                figures_here += 1;
                let own = source_of(context, sentence, &figure, &interiors);
                sourced_here += usize::from(own.is_some());
                if let Some(own) = &own {
                    own_sources.push(own.clone());
                }
                let source = own
                    .or_else(|| {
                        terms
                            .as_ref()
                            .map(|terms| format!("{terms}, in the same sentence"))
                    })
                    .or_else(|| {
                        let mut goes_on = |source: &Carried| {
                            !source.statement
                                || *continues.get_or_insert_with(|| {
                                    continues_topic(
                                        context.masked,
                                        sentence,
                                        &source.topic,
                                        source.sentence + 1 == ordinal,
                                    )
                                })
                        };
                        carried
                            .as_ref()
                            .filter(|source| goes_on(source))
                            .map(|source| {
                                let place = if source.sentence + 1 == ordinal {
                                    "the sentence before"
                                } else {
                                    "earlier in the paragraph"
                                };
                                format!("{}, {place}", source.name)
                            })
                    })
                    .or_else(|| {
                        let poll = story_poll.as_ref()?;
                        let reads_as_answers = *answers.get_or_insert_with(|| {
                            if poll == COMPANY_RESULTS {
                                reads_as_results(context.masked, sentence, SENTENCE_SOURCE_REACH)
                            } else {
                                reads_as_poll_answers(
                                    context.masked,
                                    sentence,
                                    SENTENCE_SOURCE_REACH,
                                )
                            }
                        });
                        reads_as_answers.then(|| format!("{poll}, named earlier in the story"))
                    })
                    .or_else(|| {
                        // "the company had a net loss of $46.9 million, or 91 cents a share": a
                        // result per share is what a company's earnings report gives.
                        per_share
                            .get_or_insert_with(|| {
                                gives_results_per_share(context.masked, sentence)
                            })
                            .then(|| format!("{COMPANY_RESULTS}, in the same sentence"))
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
            if let Some(name) = terms.or_else(|| data_source_in(context, &reach, &interiors)) {
                if names_a_poll(&name)
                    && (story_poll.is_none()
                        || story_poll.as_deref() == Some(COMPANY_RESULTS)
                        || !is_definite(&name))
                {
                    story_poll = Some(name.clone());
                }
                named_earlier = Some(name.clone());
                carried = Some(Carried {
                    name,
                    sentence: ordinal,
                    statement: false,
                    topic: Vec::new(),
                });
            } else {
                let speaker_cue = || {
                    super::attribution::find_cue(context.masked, reach.clone(), &interiors)
                        .filter(|cue| cue.speaker.is_some())
                };
                // A reporting verb that says where numbers come from ("officials said"), not
                // what somebody expects or believes.
                let statement_cue = || {
                    find_cue_where(context.masked, reach.clone(), &interiors, |cue| {
                        let stated = crate::analysis::lexicon::reporting_verb(&cue.text)
                            .is_some_and(|(base, form)| {
                                STATEMENT_VERBS.contains(&base)
                                    && form != crate::analysis::lexicon::VerbForm::Progressive
                            });
                        // The speaker stands before the verb ("Stumpf said", "the party says",
                        // "election officials said"), not after it as in "say it is".
                        let speaker_first = match &cue.speaker {
                            Some(speaker) => {
                                speaker.range.end <= cue.range.start
                                    && !context
                                        .words_in(reach.start..speaker.range.start)
                                        .last()
                                        .is_some_and(|word| word.is_any(SUBORDINATORS))
                            }
                            None => {
                                let before = context.words_in(reach.start..cue.range.start);
                                let mut back = before.iter().rev();
                                let mut last = back.next();
                                // "officials also said"
                                if last.is_some_and(|word| word.is_any(&["also", "later"])) {
                                    last = back.next();
                                }
                                last.is_some_and(|word| word.is_any(SPEAKING_GROUPS))
                            }
                        };
                        // "since he announced his candidacy" is no statement of the figures
                        // before it: the cue must be what sources them.
                        let sources_them = figures_here == 0
                            || own_sources.iter().any(|own| own.contains(&cue.text));
                        stated && speaker_first && sources_them
                    })
                };
                // "Amdahl Corp. reported a decline in net income for its third quarter": an
                // earnings story's results come from the company's report, as a poll story's
                // answers come from its poll.
                if story_poll.is_none()
                    && (per_share == Some(true) || reports_company_results(context.masked, &reach))
                {
                    story_poll = Some(COMPANY_RESULTS.to_string());
                }
                let about_figures = || {
                    figures_here > 0
                        || context.words_in(reach.clone()).iter().any(|word| {
                            (word.is_any(SUPERLATIVES)
                                && !word.is_any(&["most", "least", "best", "worst"]))
                                || word.is_any(CHANGE_VERBS)
                                || word.is_any(MULTIPLIERS)
                        })
                };
                // "Turnout was the second highest, election officials said. It was about 41%.":
                // a speaker's statement about figures sources the figures that go on with it,
                // as a named report would.
                let statement = (sourced_here == figures_here && about_figures())
                    .then(statement_cue)
                    .flatten();
                if let Some(cue) = statement {
                    let speaker = match cue.speaker {
                        Some(speaker) => speaker.name,
                        // "election officials said": the words that name the speaker.
                        None => {
                            let before = context.words_in(reach.start..cue.range.start);
                            let from = before.len().saturating_sub(2);
                            before.get(from).map_or(String::new(), |first| {
                                context.text[first.range.start..cue.range.start]
                                    .trim_end_matches([',', ' '])
                                    .to_string()
                            })
                        }
                    };
                    carried = Some(Carried {
                        name: format!("“{} {}”", speaker, cue.text).replace("“ ", "“"),
                        sentence: ordinal,
                        statement: true,
                        topic: topic_words(context.masked, &reach),
                    });
                } else if carried.is_some()
                    && ((figures_here == 0 && market_figures == 0) || speaker_cue().is_some())
                {
                    carried = None;
                }
            }
            ordinal += 1;
        }
    }
    let at_end = carried
        .filter(|source| source.sentence + 1 == ordinal && !source.statement)
        .map(|source| source.name);
    (mentions, at_end, story_poll)
}

/// The longer words of a statement's sentence, by which a later sentence is seen to go on
/// with its subject.
fn topic_words(text: &str, reach: &Range<usize>) -> Vec<String> {
    words(text, reach.clone())
        .iter()
        .filter(|word| word.text.len() >= 5 && word.text.chars().all(char::is_alphabetic))
        .map(|word| word.text.to_ascii_lowercase())
        .collect()
}

/// Whether a sentence goes on with the subject of a statement before it: it opens with a
/// pronoun ("It was about 41%") or shares a longer word with it ("The turnout was 35%" after
/// "turnout was the second highest"). "Ridership fell to 41,300" after a board's word on the
/// cost of boats turns to something else. A pronoun points at the sentence just before it, so
/// it goes on with the statement only in the sentence `adjacent` to it: "That follows news
/// that growth slowed to 1.2%", two sentences after a word on jobs, is about other figures.
fn continues_topic(text: &str, sentence: &Range<usize>, topic: &[String], adjacent: bool) -> bool {
    let stretch = sentence.start..floor_char_boundary(text, sentence.end.min(sentence.start + 600));
    let sentence_words = words(text, stretch);
    let pronoun = sentence_words.first().is_some_and(|first| {
        first.is_any(&[
            "it", "that", "this", "they", "these", "those", "he", "she", "its",
        ])
    });
    (pronoun && adjacent)
        || sentence_words
            .iter()
            .any(|word| word.text.len() >= 5 && topic.iter().any(|known| word.is(known)))
}

/// Verbs by which a speaker states figures ("officials said", "the agency reported"), as
/// opposed to urging, hoping or planning them.
#[rustfmt::skip]
const STATEMENT_VERBS: &[&str] = &[
    "say", "tell", "report", "announce", "estimate", "state", "confirm", "note", "count",
    "calculate", "project", "disclose", "acknowledge",
];

/// Words that open a subordinate clause: a reporting verb after them ("since he announced")
/// is not the sentence's own statement.
#[rustfmt::skip]
const SUBORDINATORS: &[&str] = &[
    "since", "when", "after", "before", "as", "because", "while", "if", "that", "who", "which",
    "until", "once", "where",
];

/// Plural nouns for people and bodies who state figures without a name of their own:
/// "election officials said", "authorities reported".
#[rustfmt::skip]
const SPEAKING_GROUPS: &[&str] = &[
    "officials", "authorities", "police", "aides", "organizers", "organisers", "analysts",
    "economists", "researchers", "investigators", "prosecutors", "spokesman", "spokeswoman",
    "spokesperson", "officers", "managers", "executives",
];

/// Whether a data source's name is a poll or survey, whose answers a story goes on reporting.
fn names_a_poll(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.contains("poll") || lower.contains("survey")
}

/// Whether a source's name only refers back ("the poll", "this survey") rather than naming it.
fn is_definite(name: &str) -> bool {
    name.split_whitespace()
        .next()
        .is_some_and(|first| DEFINITE.iter().any(|word| first.eq_ignore_ascii_case(word)))
}

/// Opinions and choices that a share of respondents gives in a poll: "say", "view ... as
/// honest", "would back". A candidate's lead is not among them: "she leads by 12 percent" may
/// come from any count, and a sentence about something else cuts it off from the poll.
#[rustfmt::skip]
const POLL_ANSWERS: &[&str] = &[
    "say", "says", "said", "saying", "view", "views", "viewed", "consider", "considered",
    "believe", "believed", "think", "thought", "favor", "favorable", "favourable",
    "unfavorable", "unfavourable", "approve", "approved", "disapprove", "support", "supported",
    "prefer", "preferred", "oppose", "opposed", "trust", "agree", "agreed", "disagree",
    "expect", "plan", "choose", "chose", "back", "backed", "opinion", "rate", "rated",
    "undecided",
];

/// Whether the first `reach` bytes of a sentence give a share of respondents and their answer
/// close to it ("Just 30 percent of voters consider her honest", "Nearly eight of 10 voters
/// say"): a poll's findings.
fn reads_as_poll_answers(text: &str, sentence: &Range<usize>, reach: usize) -> bool {
    let end = floor_char_boundary(text, sentence.end.min(sentence.start + reach));
    let stretch_words = words(text, sentence.start..end);
    let is_share = |index: usize| {
        let word = &stretch_words[index];
        word.text.ends_with('%')
            || word.is_any(&["percent", "majority", "plurality"])
            // "about half of primary voters said", "two-thirds of voters say"
            || (word.is_any(FRACTIONS)
                && stretch_words
                    .get(index + 1)
                    .is_some_and(|of| of.is("of")))
            || (word.is_any(&["of", "in"])
                && stretch_words
                    .get(index + 1)
                    .is_some_and(|ten| ten.text == "10"))
    };
    // "Among likely voters, she leads 49 percent to 47 percent": the population a poll
    // samples makes every share of the sentence its finding, wherever the verb stands.
    let sampled = stretch_words.windows(2).any(|pair| {
        pair[0].is_any(&["likely", "registered"]) && pair[1].is_any(&["voters", "voter"])
    }) || stretch_words.iter().any(|word| word.is("respondents"));
    let shares = || (0..stretch_words.len()).filter(|&index| is_share(index));
    if sampled && shares().next().is_some() {
        return true;
    }
    shares().any(|index| {
        let from = index.saturating_sub(ANSWER_DISTANCE);
        let to = (index + ANSWER_DISTANCE + 1).min(stretch_words.len());
        stretch_words[from..to]
            .iter()
            .any(|word| word.is_any(POLL_ANSWERS))
    })
}

/// Fractions that give a share of respondents before "of": "half of voters", "a third of".
/// Source: the English fraction words from a half to a tenth, with their plural forms.
#[rustfmt::skip]
const FRACTIONS: &[&str] = &[
    "half", "third", "thirds", "two-thirds", "quarter", "quarters", "three-quarters", "fifth",
    "fifths", "tenth", "tenths",
];

/// How the story's standing source reads when it is a company's report of its results rather
/// than a poll: the story carries it in the same place as its poll.
const COMPANY_RESULTS: &str = "the company's report of its results";

/// Nouns of a company's results: what its earnings report gives.
/// Source: the line items of a quarterly earnings report as business copy names them (net income,
/// loss, profit, earnings, revenue, sales), written for copydesk.
#[rustfmt::skip]
const RESULTS_NOUNS: &[&str] = &[
    "income", "loss", "losses", "profit", "profits", "earnings", "earned", "revenue",
    "revenues", "sales", "net",
];

/// Verbs by which a company gives its results: "Amdahl reported", "the company said net was".
#[rustfmt::skip]
const RESULTS_VERBS: &[&str] = &[
    "reported", "reports", "said", "says", "posted", "posts", "announced", "announces",
];

/// Whether a word or a pair of words names a reporting period or a result per share: "third
/// quarter", "fiscal", "the year ended", "or 22 cents a share".
fn names_a_period(text: &str, stretch_words: &[Word], index: usize) -> bool {
    let word = &stretch_words[index];
    let lower = word.text.to_ascii_lowercase();
    lower.contains("quarter")
        || word.is_any(&["fiscal", "ended", "ending", "half-year", "first-half"])
        || per_share_at(text, stretch_words, index)
}

/// Whether `stretch_words[index]` ends a result per share: "or 30 cents a share, from", not
/// "a share amount" or "a share of the vote".
fn per_share_at(text: &str, stretch_words: &[Word], index: usize) -> bool {
    let word = &stretch_words[index];
    let after = &text[word.range.end..];
    let ends_phrase = after.starts_with([',', '.', ';', ')'])
        || after.trim().is_empty()
        || stretch_words.get(index + 1).is_some_and(|next| {
            next.is_any(&[
                "in",
                "on",
                "from",
                "for",
                "compared",
                "a",
                "an",
                "and",
                "last",
                "this",
                "the",
                "reflecting",
                "including",
                "up",
                "down",
                "versus",
                "vs",
            ])
        });
    word.is("share")
        && ends_phrase
        && index
            .checked_sub(1)
            .is_some_and(|before| stretch_words[before].is_any(&["a", "per"]))
}

/// Whether a sentence names a company's report of its results: a results noun, a reporting
/// period or a result per share, and a company that reports them ("Amdahl Corp. reported a
/// sharp decline in net income for its third quarter", "The company said net was $7.4
/// million, or 22 cents a share").
fn reports_company_results(text: &str, reach: &Range<usize>) -> bool {
    let stretch_words = words(text, reach.clone());
    let Some(verb) = stretch_words
        .iter()
        .position(|word| word.is_any(RESULTS_VERBS))
    else {
        return false;
    };
    let company = stretch_words[..verb]
        .iter()
        .enumerate()
        .any(|(index, word)| {
            (word.is_capitalised() && index > 0)
                || word.is_any(&["company", "firm", "bank", "corporation", "group", "insurer"])
        });
    company
        && stretch_words.iter().any(|word| word.is_any(RESULTS_NOUNS))
        && (0..stretch_words.len()).any(|index| names_a_period(text, &stretch_words, index))
}

/// Whether the first `reach` bytes of a sentence give a company's results: "Net income fell
/// 37% to $32.9 million", "Revenue gained 13%", "Elco earned $7.8 million, or $1.65 a share".
fn reads_as_results(text: &str, sentence: &Range<usize>, reach: usize) -> bool {
    let end = floor_char_boundary(text, sentence.end.min(sentence.start + reach));
    let stretch_words = words(text, sentence.start..end);
    (0..stretch_words.len()).any(|index| {
        stretch_words[index].is_any(RESULTS_NOUNS) || per_share_at(text, &stretch_words, index)
    })
}

/// Documents whose terms a sentence opening "Under the ..." sets out.
/// Source: written for copydesk from the agreements, offers and rules whose terms news copy gives
/// after "Under the" ("Under the offer, shareholders will receive one right for each 105 shares").
#[rustfmt::skip]
const TERMS_DOCUMENTS: &[&str] = &[
    "plan", "offer", "agreement", "terms", "proposal", "contract", "settlement", "deal",
    "accord", "bill", "law", "rules", "program", "programme", "arrangement", "pact", "treaty",
];

/// The document whose terms a sentence sets out when it opens "Under the offer," or "Under
/// the new agreement,": its amounts are the document's own, not counts anyone reports.
fn terms_set_out(context: &Context, sentence: &Range<usize>) -> Option<String> {
    let end = floor_char_boundary(context.masked, sentence.end.min(sentence.start + 80));
    let opening = words(context.masked, sentence.start..end);
    // "The plan provides for one right for each share": a document setting out its terms.
    if opening.first()?.is_any(DEFINITE) {
        let noun = opening.get(1)?;
        let verb = opening.get(2)?;
        return (noun.is_any(TERMS_DOCUMENTS)
            && verb.is_any(&["provides", "calls", "requires", "sets", "entitles", "gives"]))
        .then(|| {
            format!(
                "the terms of {}",
                &context.text[opening[0].range.start..noun.range.end]
            )
        });
    }
    if !opening.first()?.is("under") {
        return None;
    }
    let noun = opening
        .iter()
        .take(5)
        .position(|word| word.is_any(TERMS_DOCUMENTS))?;
    let before_comma =
        !context.masked[opening[0].range.start..opening[noun].range.end].contains(',');
    let comma_after = context.masked[opening[noun].range.end..].starts_with(',');
    (noun >= 2 && opening[1].is_any(DEFINITE) && before_comma && comma_after).then(|| {
        format!(
            "the terms of {}",
            &context.text[opening[1].range.start..opening[noun].range.end]
        )
    })
}

/// Whether the first `SENTENCE_SOURCE_REACH` bytes of a sentence give a company's results
/// with a result per share: "net income was $2.1 million, or six cents a share".
fn gives_results_per_share(text: &str, sentence: &Range<usize>) -> bool {
    let end = floor_char_boundary(
        text,
        sentence.end.min(sentence.start + SENTENCE_SOURCE_REACH),
    );
    let stretch_words = words(text, sentence.start..end);
    let per_share = (0..stretch_words.len()).any(|index| per_share_at(text, &stretch_words, index));
    per_share && stretch_words.iter().any(|word| word.is_any(RESULTS_NOUNS))
}

/// Whether a sentence quotes a share price: a stock or its shares and how they traded ("Acme
/// shares closed unchanged at $10.625", "the stock fell $1.125 to $13.625 in over-the-counter
/// trading", "In composite trading on the New York Stock Exchange, Acme closed at $5.25",
/// "shares were up 2 pence, at 260 pence").
fn quotes_a_share_price(text: &str, sentence: &Range<usize>) -> bool {
    let end = floor_char_boundary(
        text,
        sentence.end.min(sentence.start + SENTENCE_SOURCE_REACH),
    );
    let stretch_words = words(text, sentence.start..end);
    let has = |list: &[&str]| stretch_words.iter().any(|word| word.is_any(list));
    // "the New York Stock Exchange", not "the Securities and Exchange Commission".
    let trading = has(&["trading", "Nasdaq"])
        || stretch_words
            .windows(2)
            .any(|pair| pair[0].text == "Stock" && pair[1].text == "Exchange");
    let shares = has(&["shares", "stock"]);
    let quoted = has(&["closed", "unchanged", "pence", "cents"]);
    (trading && (quoted || shares)) || (shares && quoted)
}

/// How many words from a share its respondents' answer may stand.
const ANSWER_DISTANCE: usize = 12;

/// A data source named in an earlier sentence that still sources the figures after it.
struct Carried {
    /// How the hover names it: "the Marist poll".
    name: String,
    /// The document-wide index of the sentence that names it.
    sentence: usize,
    /// A speaker's statement about figures ("election officials said") rather than a named
    /// poll, report or data set: it sources the sentences after it in its paragraph only.
    statement: bool,
    /// For a statement, the longer words of its sentence: a later sentence goes on with it only
    /// when it shares one of them ("turnout ... The turnout was 35%") or opens with a pronoun.
    topic: Vec<String>,
}

/// How much of a sentence, from its start, is searched for a data source it names.
const SENTENCE_SOURCE_REACH: usize = 600;
