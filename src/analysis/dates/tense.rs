//! The tense of the clause around a relative date, which decides whether a bare weekday is the
//! one before or after the publication date.

use std::ops::Range;

use super::Direction;
use crate::analysis::words::{window, words, Word};

/// Words that put a clause in the future ("will meet", "plans to meet").
#[rustfmt::skip]
const FUTURE_MARKERS: &[&str] = &[
    "will", "shall", "won't", "going", "upcoming", "plans", "plan", "intends", "aims", "would",
    "'ll", "wants", "hopes", "until", "tomorrow", "next", "seeks", "vows", "promises",
];
/// Participles that point forward after "is"/"are" ("is scheduled to") and backward after
/// "was"/"had been" ("had been due to expire").
#[rustfmt::skip]
const SCHEDULE_WORDS: &[&str] = &[
    "scheduled", "expected", "due", "set", "planned", "slated", "poised", "likely", "supposed",
];
/// Words that put a clause in the past: auxiliaries and common irregular past tenses (regular
/// ones are recognised by their "-ed").
#[rustfmt::skip]
const PAST_MARKERS: &[&str] = &[
    "was", "were", "had", "did", "said", "began", "met", "told", "came", "went", "made", "took",
    "gave", "saw", "left", "won", "lost", "fell", "rose", "held", "spoke", "wrote", "sent",
    "became", "got", "ran", "found", "struck", "hit", "shot", "killed", "died", "since", "ago",
    "yesterday", "last", "earlier", "bought", "sold", "paid", "brought", "thought", "caught",
    "fought", "sought", "taught", "kept", "led", "built", "spent", "meant", "felt", "broke",
    "chose", "drove", "ate", "forgot", "grew", "knew", "stood", "sat", "slept", "hung", "quit",
    "shut", "cut", "previously", "already", "ended", "closed", "opened",
];

/// The tense of the clause around an expression, from the nearest tense marker in its sentence.
pub(crate) fn tense_near(
    text: &str,
    sentence: Range<usize>,
    expression: &Range<usize>,
) -> Option<Direction> {
    // The verb that sets the tense stands near the expression; a bounded reach keeps a
    // "sentence" of thousands of dates linear.
    let sentence_words = words(text, window(text, sentence, expression, TENSE_REACH));
    let mut best: Option<(usize, Direction)> = None;
    for (index, word) in sentence_words.iter().enumerate() {
        if expression.start <= word.range.start && word.range.end <= expression.end {
            continue;
        }
        let previous = index.checked_sub(1).map(|at| &sentence_words[at]);
        let Some(direction) = tense_of(word, previous) else {
            continue;
        };
        let distance = if word.range.end <= expression.start {
            expression.start - word.range.end
        } else {
            // Words after the expression count for a little less: the verb usually precedes.
            (word.range.start - expression.end) + 8
        };
        if best.is_none_or(|(best_distance, _)| distance < best_distance) {
            best = Some((distance, direction));
        }
    }
    best.map(|(_, direction)| direction)
}

/// How far from a relative date, within its sentence, the words that set its tense are read.
const TENSE_REACH: usize = 100;

/// The tense a single word signals, given the word before it.
fn tense_of(word: &Word, previous: Option<&Word>) -> Option<Direction> {
    let lower = word.text.to_ascii_lowercase();
    let previous_is =
        |candidates: &[&str]| previous.is_some_and(|before| before.is_any(candidates));
    if SCHEDULE_WORDS.contains(&lower.as_str()) {
        return if previous_is(&["was", "were", "had", "been"]) {
            Some(Direction::Past)
        } else if previous_is(&["is", "are", "be", "remains", "remain", "'s", "’s"]) {
            Some(Direction::Future)
        } else {
            None
        };
    }
    // "is to resume", "are to meet": a planned event.
    if lower == "to" && previous_is(&["is", "are"]) {
        return Some(Direction::Future);
    }
    if FUTURE_MARKERS.contains(&lower.as_str()) || lower.ends_with("'ll") || lower.ends_with("’ll")
    {
        return Some(Direction::Future);
    }
    if PAST_MARKERS.contains(&lower.as_str()) || is_past_participle(&lower) {
        return Some(Direction::Past);
    }
    None
}

fn is_past_participle(lower: &str) -> bool {
    const NOT_PAST: &[&str] = &[
        "need", "speed", "seed", "indeed", "proceed", "exceed", "succeed", "breed", "embed",
        "hundred", "united", "limited", "red", "bed", "feed", "weed", "deed", "greed", "naked",
        "sacred", "wicked", "kindred", "rugged",
    ];
    lower.len() > 4 && lower.ends_with("ed") && !NOT_PAST.contains(&lower)
}
