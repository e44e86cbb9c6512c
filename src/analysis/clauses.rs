//! A small clause layer over one sentence: where its clauses begin and end (main, relative
//! `who`/`which`, coordinated `, and`/`, while`, that-clauses), and, for a reporting verb, what
//! it governs: a that-clause of its own, a quotation, or nothing (a bare tag such as
//! "Smith said on Monday.").
//!
//! Attribution asks these questions of the sentences next to a quotation: does the sentence
//! after a quotation point back to it or merely report another statement ("Smith stated on
//! Sunday that ..."); does the sentence before it open on a speaker or on a person who decided,
//! visited or announced something of their own.
//!
//! Only the sentences next to a quotation are read, so the cost stays proportional to the
//! quotations, not to the draft.

//!
//! A source stands in the clause of what it sources: in "The plant employs 1,200 people, and
//! the governor said she hoped to visit it." the governor speaks about a visit, not about the
//! head count, and in "The city has spent $4 million on the stadium, which the mayor promised
//! to finish next year." the mayor promises the stadium, not the spending. [`clause_around`] and
//! [`final_according_to`] cut a sentence at the joins a reader hears as a new clause (", and",
//! ", but", ", while", a relative ", which" or ", who") for the figures' source search.
//!
//! ## No part-of-speech tagger: the decision and its numbers (issue #14)
//!
//! The words of a clause are read through the lexicon (reporting verbs with their forms, speech
//! nouns, the determiners and auxiliaries before them), not through a tagger. Two maintained
//! taggers were measured against the lexicon on 7 December 2026:
//!
//! | | lexicon only | `english-pos-tagger` 0.2.0 | `harper-brill` =0.54.0 |
//! |---|---|---|---|
//! | key words of our constructions tagged right (47, our own sentences) | n/a | 40 | 39 |
//! | attribution decisions right (55 sentences of our own, read by `copydesk sheet`) | 44 before this pass, 53 after | none of the 11 wrong ones fixed | none fixed |
//! | dev attribution errors caused by a part of speech (29 false flags on `dev.jsonl`, 2 misses on `dev-derived.jsonl`) | 0 | fixes 0 | fixes 0 |
//! | added binary size (stripped release) | 0 | +4.4 MB | +0.9 MB |
//! | crates added, clean build (load average ~18 on 2 cores) | 0 | 20, 259 s | 44, 416 s |
//! | start-up, CPU time | 0 | 60-80 ms (lexicon JSON) | under 10 ms |
//! | throughput, CPU time | (no extra pass) | ~0.2 M words/s | ~0.8 M words/s |
//!
//! Every error left on dev is a matter of discourse, not of word class: the speaker named
//! paragraphs earlier, a quoted document or slogan, a continued speech after a crowd's answer.
//! The constructions that were wrong before this pass ("continues to", "was lauded for", "All
//! told,", the given name "Said") were all tagged as verbs by both taggers, which is right and
//! does not help: the question is whether a verb reports speech, which is the lexicon's. The
//! taggers' own errors fall on the words attribution depends on (`english-pos-tagger` tags
//! "Officials", "Critics" and "Reports" at a sentence's start as proper nouns and "states" as a
//! noun; `harper-brill` tags "official" as an adjective and "plans", "told", "counter" as
//! nouns), so each would need the lexicon as overrides anyway. Lexicon only wins; revisit when a
//! tagger's errors do not fall on the cue words.
use std::ops::Range;

use super::lexicon::SPEECH_NOUNS;
use super::words::{floor_char_boundary, words, Word};

/// What kind of clause a stretch of a sentence is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClauseKind {
    Main,
    /// Opened by "who", "which" or "whose".
    Relative,
    /// Opened by ", and", ", but", ", while" or ", as".
    Coordinated,
    /// Opened by a complementiser "that" after a verb.
    That,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clause {
    pub range: Range<usize>,
    pub kind: ClauseKind,
}

/// What a reporting verb governs in its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Governs {
    /// A that-clause, an indirect question or a topic of its own: "stated that ...", "spoke
    /// about ...", "asked whether ...".
    OwnContent,
    /// A quotation right after it.
    Quotation,
    /// Nothing but adverbials, an audience or a speaker: a bare tag ("Smith said on Monday.").
    Nothing,
}

/// Words that open a relative clause.
/// Source: the relative pronouns of English grammar (a closed class; Cambridge Grammar of the
/// English Language, ch. 12).
const RELATIVE_OPENERS: &[&str] = &["who", "which", "whose", "whom"];

/// Conjunctions that, after a comma, open a coordinated clause.
/// Source: the coordinating and subordinating conjunctions of English grammar that join a second
/// clause after a comma (a closed class), written for copydesk.
const COORDINATORS: &[&str] = &["and", "but", "while", "whereas", "as", "though", "although"];

/// Words that, right after "that", show it opens a clause rather than pointing at a noun
/// ("said that the plan ..." against "that quote"): a determiner, a pronoun or a name follows.
/// Source: written for copydesk from the closed classes of English grammar that open a clause's
/// subject (determiners, personal pronouns, quantifiers) and the subordinators that open an
/// adjunct.
const CLAUSE_STARTERS_AFTER_THAT: &[&str] = &[
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "there", "his", "her", "its",
    "their", "our", "this", "these", "those", "no", "some", "all", "every", "more", "most",
    "nothing", "none", "if", "in", "as", "while", "despite",
];

/// Words after a verb that introduce content of its own: an indirect question or a topic.
/// Source: the subordinators of content clauses and interrogatives in English grammar, with the
/// prepositions of a topic ("about", "of", "on"), written for copydesk.
const CONTENT_OPENERS: &[&str] = &[
    "that", "whether", "if", "how", "why", "what", "when", "where", "who", "about", "of", "on",
];

/// Words that may follow a bare tag without giving it content: adverbials of time and place,
/// the audience and the medium ("told reporters on Monday in a statement").
/// Source: written for copydesk from the adjuncts that follow a reporting verb in wire copy
/// (prepositions of time and place, the audience and the medium), shown in the examples above.
const BARE_TAG_WORDS: &[&str] = &[
    "on",
    "in",
    "at",
    "to",
    "during",
    "after",
    "before",
    "later",
    "earlier",
    "then",
    "again",
    "also",
    "simply",
    "flatly",
    "quietly",
    "recently",
    "today",
    "yesterday",
    "tonight",
    "this",
    "last",
    "week",
    "month",
    "morning",
    "afternoon",
    "evening",
    "night",
    "a",
    "an",
    "the",
    "statement",
    "interview",
    "reporters",
    "journalists",
    "press",
    "conference",
    "briefing",
    "email",
    "phone",
    "telephone",
    "call",
    "post",
    "tweet",
    "speech",
    "rally",
    "told",
    "said",
    "his",
    "her",
    "their",
    "its",
    "news",
    "television",
    "radio",
    "camera",
    "cameras",
];

/// Whether `word` is "that" opening a clause, judged by the word after it.
fn opens_that_clause(word: &Word, next: Option<&Word>) -> bool {
    word.is("that")
        && next.is_some_and(|after| {
            after.is_any(CLAUSE_STARTERS_AFTER_THAT)
                || after.is_capitalised()
                || after.text.starts_with(|c: char| c.is_ascii_digit())
        })
}

/// The clauses of `text[sentence]`, in order. Words inside `excluded` (quotation interiors)
/// never open a clause.
pub fn clauses(text: &str, sentence: Range<usize>, excluded: &[Range<usize>]) -> Vec<Clause> {
    let sentence_words: Vec<Word> = words(text, sentence.clone())
        .into_iter()
        .filter(|word| {
            !excluded
                .iter()
                .any(|skip| skip.start <= word.range.start && word.range.end <= skip.end)
        })
        .collect();
    let mut found = vec![Clause {
        range: sentence.clone(),
        kind: ClauseKind::Main,
    }];
    for (index, word) in sentence_words.iter().enumerate().skip(1) {
        let previous = &sentence_words[index - 1];
        let comma_before = text[previous.range.end..word.range.start].contains(',');
        let kind = if word.is_any(RELATIVE_OPENERS) {
            Some(ClauseKind::Relative)
        } else if comma_before && word.is_any(COORDINATORS) {
            Some(ClauseKind::Coordinated)
        } else if opens_that_clause(word, sentence_words.get(index + 1)) {
            Some(ClauseKind::That)
        } else {
            None
        };
        if let Some(kind) = kind {
            if let Some(last) = found.last_mut() {
                last.range.end = word.range.start;
            }
            found.push(Clause {
                range: word.range.start..sentence.end,
                kind,
            });
        }
    }
    found
}

/// What the reporting verb ending at `cue_end` governs in `text[cue_end..sentence_end]`.
pub fn governed_by(text: &str, cue_end: usize, sentence_end: usize) -> Governs {
    let rest = &text[cue_end..sentence_end];
    if rest
        .trim_start_matches([',', ':', ' ', '—', '–'])
        .starts_with(['"', '“', '«', '„'])
    {
        return Governs::Quotation;
    }
    let following = words(text, cue_end..sentence_end);
    for (index, word) in following.iter().enumerate() {
        if word.is_any(CONTENT_OPENERS) && !(word.is("on") || word.is("of")) {
            return Governs::OwnContent;
        }
        // "spoke on the need for", "warned of a crisis": a topic, unless it is a date or medium.
        if (word.is("on") || word.is("of"))
            && following.get(index + 1).is_some_and(|next| {
                !next.is_capitalised() && !next.is_any(BARE_TAG_WORDS) && !next.is("television")
            })
        {
            return Governs::OwnContent;
        }
        // "said the plan would fail": a clause follows the verb without "that".
        if index == 0 && word.is_any(&["the", "it", "he", "she", "they", "there", "we"]) {
            let clause_follows = following.iter().skip(1).take(4).any(|later| {
                later.is_any(&[
                    "would", "will", "could", "was", "is", "were", "are", "had", "has", "can",
                ])
            });
            if clause_follows {
                return Governs::OwnContent;
            }
        }
    }
    let content_words = following
        .iter()
        .filter(|word| !word.is_any(BARE_TAG_WORDS) && !word.is_capitalised())
        .count();
    if content_words <= 2 {
        Governs::Nothing
    } else {
        Governs::OwnContent
    }
}

/// Whether a sentence points back at what was just quoted: "That was how Smith put it.", "So
/// says the mayor.", "Those were the words of ...", "Such was the verdict of ...".
pub fn points_back(text: &str, sentence: Range<usize>) -> bool {
    let sentence_words = words(text, sentence);
    let Some(first) = sentence_words.first() else {
        return false;
    };
    let opener = first.is_any(&["that", "this", "those", "these", "so", "such", "thus"]);
    let second_is_verb = sentence_words.get(1).is_some_and(|second| {
        second.is_any(&[
            "was", "were", "is", "are", "says", "said", "say", "wrote", "writes", "came",
        ])
    });
    let words_of = sentence_words
        .windows(3)
        .any(|three| three[0].is("words") && three[1].is("of"))
        || sentence_words
            .windows(2)
            .any(|two| two[0].is_any(&["put", "puts"]) && two[1].is("it"));
    // "That quote from Mayor Reyes appeared in ...": a noun of speech that points back.
    let speech_noun = sentence_words
        .get(1)
        .is_some_and(|second| SPEECH_NOUNS.contains(&second.text.to_ascii_lowercase().as_str()));
    opener && (second_is_verb || words_of || speech_noun)
}

// Clause joins for the figures' source search.

/// Joins that start a coordinated clause: the clause before ends at the comma.
/// Source: the coordinators of [`COORDINATORS`] that follow a comma in figure sentences, written
/// for copydesk.
const COORDINATING_JOINS: [&str; 4] = [", and ", ", but ", ", while ", ", whereas "];

/// Joins that start a relative clause about the noun before the comma.
/// Source: the relative pronouns of [`RELATIVE_OPENERS`] after a comma.
const RELATIVE_JOINS: [&str; 3] = [", which ", ", who ", ", whose "];

/// The clause of `text[sentence]` that holds `offset`.
///
/// Coordinated clauses (", and the governor said ...") are cut at their comma. A relative
/// clause (", which the mayor promised ...") that follows `offset` ends its clause; one that
/// holds `offset` reaches back over the clause it describes and ends at the next comma.
pub fn clause_around(text: &str, sentence: &Range<usize>, offset: usize) -> Range<usize> {
    let body = &text[sentence.clone()];
    let mut start = sentence.start;
    let mut end = sentence.end;
    let mut last_relative = None;
    for join in COORDINATING_JOINS {
        for (at, _) in body.match_indices(join) {
            let boundary = sentence.start + at;
            if boundary + join.len() <= offset {
                start = start.max(boundary + 2);
            } else if boundary >= offset {
                end = end.min(boundary);
            }
        }
    }
    for join in RELATIVE_JOINS {
        for (at, _) in body.match_indices(join) {
            let boundary = sentence.start + at;
            if boundary + join.len() <= offset {
                last_relative = last_relative.max(Some(boundary));
            } else if boundary >= offset {
                end = end.min(boundary);
            }
        }
    }
    // A relative clause describes a noun of the clause before it, which stays in reach ("said
    // the agency, which fell about 2,000 pages short"), and the next comma closes it: "Acme,
    // which employs 300 people, said on Monday" keeps "said" out.
    if last_relative.is_some_and(|relative| relative >= start) {
        let from = offset.min(end);
        if let Some(comma) = text[from..end].find(", ") {
            end = from + comma;
        }
    }
    start..end.max(start)
}

/// Where the main clause resumes after a relative clause on the sentence's subject that holds
/// `offset`: in "Acme, which offered $40 million for the plant, said on Monday it would wait."
/// the relative clause describes the subject of "said", so its figures belong to what Acme
/// states about itself. Returns the words that follow the relative clause's closing comma (at
/// most three, where the subject's verb stands), or `None` when `offset` is not in such a
/// clause: the relative clause must follow the sentence's opening noun phrase directly (no
/// comma before it, a few words at most) and close with a comma.
pub fn after_subject_relative(
    text: &str,
    sentence: &Range<usize>,
    offset: usize,
) -> Option<Vec<Range<usize>>> {
    /// How many words the subject noun phrase before ", which" may have.
    const SUBJECT_WORDS: usize = 6;
    /// How many bytes of the sentence's opening hold its subject; and how long a relative
    /// clause is read, before and after the figure. Every scan is bounded, so that a sentence
    /// of many figures costs time linear in its length.
    const OPENING: usize = 160;
    const RELATIVE_REACH: usize = 400;
    let opening_end = floor_char_boundary(text, (sentence.start + OPENING).min(sentence.end));
    let opening_text = &text[sentence.start..opening_end];
    let (at, join) = RELATIVE_JOINS
        .iter()
        .filter_map(|join| opening_text.find(join).map(|at| (at, join)))
        .min_by_key(|(at, _)| *at)?;
    let opening = &opening_text[..at];
    let relative_start = sentence.start + at + join.len();
    // ", or C$37 a share" restates the amount before it and stays in the relative clause:
    // "Merieux, which offered C$942 million, or C$37 a share, said ...".
    let closes = |stretch: &str| {
        stretch
            .match_indices(", ")
            .find(|(at, _)| !stretch[at + 2..].starts_with("or "))
            .map(|(at, _)| at)
    };
    if offset < relative_start
        || offset - relative_start > RELATIVE_REACH
        || opening.contains([',', ';', ':', '(', '"', '“'])
        || opening.split_whitespace().count() > SUBJECT_WORDS
        || closes(&text[relative_start..offset]).is_some()
    {
        return None;
    }
    let reach_end = floor_char_boundary(text, (offset + RELATIVE_REACH).min(sentence.end));
    let close = closes(&text[offset..reach_end])? + offset;
    let verb_end = floor_char_boundary(text, (close + 2 + OPENING).min(sentence.end));
    let resumed: Vec<Range<usize>> = words(text, close + 2..verb_end)
        .into_iter()
        .take(3)
        .map(|word| word.range)
        .collect();
    (!resumed.is_empty()).then_some(resumed)
}

/// The range of a sentence-final ", according to X", which sources every coordinated clause
/// before it: "Sales rose 4 percent, and exports fell 2 percent, according to the ministry."
pub fn final_according_to(text: &str, sentence: &Range<usize>) -> Option<Range<usize>> {
    let body = &text[sentence.clone()];
    let at = body.rfind(", according to ")?;
    let tail = &body[at + 2..];
    // The phrase must run to the end of the sentence: no further clause after it.
    let closes_sentence = !tail.contains([',', ';', '—']);
    closes_sentence.then(|| sentence.start + at + 2..sentence.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(ClauseKind, String)> {
        clauses(text, 0..text.len(), &[])
            .into_iter()
            .map(|clause| (clause.kind, text[clause.range].trim().to_string()))
            .collect()
    }

    #[test]
    fn a_relative_clause_on_the_subject_resumes_at_its_verb() {
        let resumed = |text: &str, figure: &str| {
            let offset = text.find(figure).unwrap();
            after_subject_relative(text, &(0..text.len()), offset).map(|words| {
                words
                    .into_iter()
                    .map(|range| text[range].to_string())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
        };
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "Acme Foods, which offered $40 million for the plant, said on Monday it would wait.",
                "$40",
                Some("said on Monday"),
            ),
            (
                "The union, which has 3,000 members, voted to strike.",
                "3,000",
                Some("voted to strike"),
            ),
            // The figure stands before the relative clause, in the main clause.
            (
                "Acme paid $40 million, which the board approved, said Lee.",
                "$40",
                None,
            ),
            // The relative clause describes an object, not the opening noun phrase.
            (
                "On Monday, the city sold the pier, which cost $9 million, to Acme.",
                "$9",
                None,
            ),
            // A relative clause that never closes has no main verb after it.
            (
                "The mayor cut the fund, which held $9 million.",
                "$9",
                None,
            ),
        ];
        for (text, figure, expected) in cases {
            assert_eq!(resumed(text, figure).as_deref(), *expected, "in {text:?}");
        }
    }

    #[test]
    fn sentences_split_into_their_clauses() {
        use ClauseKind::*;
        assert_eq!(
            kinds("The mayor decided on Sunday that the city would build a park."),
            [
                (Main, "The mayor decided on Sunday".to_string()),
                (That, "that the city would build a park.".to_string()),
            ]
        );
        assert_eq!(
            kinds("Reyes, who chairs the board, spoke first, and the room fell quiet."),
            [
                (Main, "Reyes,".to_string()),
                (Relative, "who chairs the board, spoke first,".to_string()),
                (Coordinated, "and the room fell quiet.".to_string()),
            ]
        );
        // A demonstrative "that" before a noun opens no clause.
        assert_eq!(kinds("She read that quote twice.").len(), 1);
    }

    #[test]
    fn what_a_reporting_verb_governs() {
        for (text, verb, expected) in [
            ("Smith said on Monday.", "said", Governs::Nothing),
            (
                "Smith told reporters in a statement.",
                "told",
                Governs::Nothing,
            ),
            (
                "Smith stated on Sunday that taxes would rise.",
                "stated",
                Governs::OwnContent,
            ),
            (
                "Officials have spoken about their need for help.",
                "spoken",
                Governs::OwnContent,
            ),
            (
                "She asked whether it was over.",
                "asked",
                Governs::OwnContent,
            ),
            ("He said the plan would fail.", "said", Governs::OwnContent),
            ("He said, \"We won.\"", "said", Governs::Quotation),
            (
                "Smith explained on television.",
                "explained",
                Governs::Nothing,
            ),
        ] {
            let end = text.find(verb).map(|start| start + verb.len()).unwrap_or(0);
            assert_eq!(governed_by(text, end, text.len()), expected, "{text}");
        }
    }

    #[test]
    fn sentences_that_point_back_at_a_quotation() {
        for text in [
            "That was how Smith put it.",
            "So says the mayor.",
            "Those were the words of the chief executive.",
            "That quote from Mayor Reyes appeared in the evening paper.",
        ] {
            assert!(points_back(text, 0..text.len()), "{text}");
        }
        for text in [
            "Smith stated on Sunday that taxes would rise.",
            "That decision was made on Friday.",
        ] {
            assert!(!points_back(text, 0..text.len()), "{text}");
        }
    }
}

#[cfg(test)]
mod join_tests {
    use super::*;

    fn clause_of(sentence: &str, marker: &str) -> &'static str {
        let offset = sentence.find(marker).expect("marker in sentence");
        let range = clause_around(sentence, &(0..sentence.len()), offset);
        Box::leak(sentence[range].trim().to_string().into_boxed_str())
    }

    #[test]
    fn cuts_coordinated_and_relative_clauses() {
        for (sentence, marker, expected) in [
            (
                "The plant employs 1,200 people, and the governor said she hoped to visit it.",
                "1,200",
                "The plant employs 1,200 people",
            ),
            (
                "The plant employs 1,200 people, and the governor said she hoped to visit it.",
                "governor",
                "and the governor said she hoped to visit it.",
            ),
            (
                "The city has spent $4 million on the stadium, which the mayor promised to finish.",
                "$4",
                "The city has spent $4 million on the stadium",
            ),
            (
                "Acme, which employs 300 people, said it would close.",
                "300",
                "Acme, which employs 300 people",
            ),
            (
                "\"We missed it,\" said the agency, which fell 2,000 pages short.",
                "2,000",
                "\"We missed it,\" said the agency, which fell 2,000 pages short.",
            ),
            (
                "Sales rose 4 percent while costs fell.",
                "4 percent",
                "Sales rose 4 percent while costs fell.",
            ),
        ] {
            assert_eq!(clause_of(sentence, marker), expected, "{sentence}");
        }
    }

    #[test]
    fn finds_a_sentence_final_according_to() {
        let sentence =
            "Sales rose 4 percent, and exports fell 2 percent, according to the ministry.";
        let found = final_according_to(sentence, &(0..sentence.len())).expect("found");
        assert_eq!(&sentence[found], "according to the ministry.");
        let inside = "According to the ministry, sales rose.";
        assert_eq!(final_according_to(inside, &(0..inside.len())), None);
    }
}
