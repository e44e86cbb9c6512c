//! Figures without digits: changes ("doubled", "fell by a quarter"), shares ("a third of
//! voters", "most voters", "one in five"), rankings ("the highest since 1990"), vague sums
//! ("a six-figure salary") and averages ("the average age ... is 67").

use super::*;
use crate::analysis::words::WordList;

/// Groups that polls, surveys and counts measure shares of: "most voters", "most Americans".
/// Source: written for copydesk from the groups whose shares polls report in news copy (voters,
/// parties, residents).
#[rustfmt::skip]
pub(super) const GROUPS_POLLED: &[&str] = &[
    "voters", "Americans", "Republicans", "Democrats", "independents", "respondents", "adults",
    "residents", "households", "taxpayers", "members", "delegates", "superdelegates",
];

/// Words that state a change by a multiple.
/// Source: the English verbs of multiplication and halving in their inflected forms, written for
/// copydesk.
pub(super) const MULTIPLIERS: &[&str] = &[
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
/// Source: the English fraction nouns from half to fifths, with "majority", written for copydesk.
pub(super) const FRACTIONS: &[&str] = &[
    "third", "thirds", "quarter", "quarters", "half", "majority", "fifth", "fifths",
];
/// Verbs of change that a fraction can follow ("fell by a quarter").
/// Source: written for copydesk from the verbs of increase and decrease that news copy reports
/// changes with.
pub(super) const CHANGE_VERBS: &[&str] = &[
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
/// Source: written for copydesk from the superlative adjectives of size, amount and rank that make
/// record claims in news copy.
pub(super) const SUPERLATIVES: &[&str] = &[
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
/// Source: the English ordinal numbers from first to tenth.
#[rustfmt::skip]
pub(super) const ORDINALS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
];

/// Claims without digits: changes ("doubled", "fell by a quarter"), shares ("a third of
/// voters", "the majority of residents") and rankings ("the highest since 1990", "the worst on
/// record").
/// The lists [`scan_claims`] tests every word of every paragraph against, each ruling most
/// words out by their shape before comparing any entry.
static MULTIPLIER_LIST: WordList = WordList::new(MULTIPLIERS);
static CHANGE_VERB_LIST: WordList = WordList::new(CHANGE_VERBS);
static SUPERLATIVE_LIST: WordList = WordList::new(SUPERLATIVES);
static ORDINAL_LIST: WordList = WordList::new(ORDINALS);

pub(super) fn scan_claims(paragraph_words: &[Word], text: &str) -> Vec<Figure> {
    let mut figures = Vec::new();
    let joined =
        |left: &Word, right: &Word| text[left.range.end..right.range.start].trim().is_empty();
    for (index, word) in paragraph_words.iter().enumerate() {
        let next = |offset: usize| paragraph_words.get(index + offset);
        // "doubled down" is an idiom, not a change.
        if MULTIPLIER_LIST.holds(word) && !next(1).is_some_and(|down| down.is("down")) {
            figures.push(Figure {
                understood: format!("change: {}", word.text),
                range: word.range.clone(),
                vague: true,
            });
            continue;
        }
        // "a six-figure salary": a vague amount of money. Only a hyphenated word is lowered.
        let figure_compound = word
            .text
            .as_bytes()
            .contains(&b'-')
            .then(|| word.text.to_ascii_lowercase());
        if let Some(("five" | "six" | "seven" | "eight" | "nine", "figure")) = figure_compound
            .as_deref()
            .and_then(|compound| compound.split_once('-'))
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
        if CHANGE_VERB_LIST.holds(word) && next(1).is_some_and(|by| by.is("by")) {
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
            SUPERLATIVE_LIST.holds(word) || (word.text.len() > 5 && word.text.ends_with("iest"));
        // "the worst thing that ever happened" is rhetoric, not a ranking.
        let rhetoric = next(1).is_some_and(|thing| thing.is_any(&["thing", "things"]));
        // "only the fourth councillor since 1848 to lose"
        let ordinal = ORDINAL_LIST.holds(word)
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
        // The words after it are read first: they rule out nearly every word, more cheaply
        // than reading the word itself as a number.
        let share_of_every = match (next(1), next(2), next(3)) {
            (Some(of), Some(every), Some(whole))
                if of.is_any(&["of", "in"]) && every.is("every") =>
            {
                is_number(whole)
            }
            (Some(within), Some(whole), _) if within.is("in") && word.is("one") => {
                spelled_value(whole.text).is_some_and(|value| value > 1)
            }
            _ => false,
        } && is_number(word);
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
