//! The tense of the clause around a relative date, which decides whether a bare weekday is the
//! one before or after the publication date.

use std::ops::Range;

use super::Direction;
use crate::analysis::words::{window, words, Word};

/// Words that put a clause in the future ("will meet", "plans to meet").
/// Source: the English future auxiliaries and verbs of intention (closed and common classes),
/// written for copydesk.
#[rustfmt::skip]
const FUTURE_MARKERS: &[&str] = &[
    "will", "shall", "won't", "going", "upcoming", "plans", "plan", "intends", "aims", "would",
    "'ll", "wants", "hopes", "until", "tomorrow", "next", "seeks", "vows", "promises",
];
/// Participles that point forward after "is"/"are" ("is scheduled to") and backward after
/// "was"/"had been" ("had been due to expire").
/// Source: written for copydesk from the English participles and adjectives of scheduling.
#[rustfmt::skip]
const SCHEDULE_WORDS: &[&str] = &[
    "scheduled", "expected", "due", "set", "planned", "slated", "poised", "likely", "supposed",
];
/// Words that put a clause in the past: auxiliaries and common irregular past tenses (regular
/// ones are recognised by their "-ed").
/// Source: the English past auxiliaries and the most common irregular past tenses of news copy,
/// with "since" and "ago", written for copydesk.
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

/// The direction the clause around a relative date points in, and whether it is a guess.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct ClauseTense {
    pub(crate) direction: Option<Direction>,
    /// A plan or expectation told in the past ("planned a march on Saturday"): the event is
    /// read as still to come, but the words do not say so for certain.
    pub(crate) future_in_the_past: bool,
}

/// Words that make a clause look forward from a past-tense frame: "planned a march on
/// Saturday", "were planning to drive on Monday", "might come as soon as Tuesday".
/// Source: written for copydesk from the English modals and verbs of plan and intention in the
/// past.
#[rustfmt::skip]
const PROSPECTIVE_MARKERS: &[&str] = &[
    "planned", "planning", "might", "could", "intended", "hoped", "wanted", "aimed", "vowed",
    "promised", "threatened", "prepared", "preparing", "expecting",
];

/// Reporting verbs that tag a sentence after its clause ("..., Ortega said"): they say when the
/// words were said, not when what they report happens.
/// Source: the most common reporting verbs of [`crate::analysis::lexicon`] in the past and present,
/// with "according", written for copydesk.
#[rustfmt::skip]
const REPORTING_TAGS: &[&str] = &[
    "said", "says", "told", "added", "announced", "reported", "according", "explained", "stated",
    "noted", "insisted", "warned", "wrote",
];

/// How far before a date, in bytes, a plan or "as soon as" is read as its own.
const PROSPECTIVE_REACH: usize = 80;

/// The tense of the clause around an expression. In order: a possessive weekday ("Wednesday's
/// ruling") names a past event unless a future verb follows it; a plan or "as soon as" just
/// before the date points forward; a past perfect in the sentence ("had not named a suspect
/// until Thursday") points back; else the nearest tense marker in the sentence, leaving out an
/// attribution tag after the date ("..., Ortega said").
pub(crate) fn tense_near(
    text: &str,
    sentence: Range<usize>,
    expression: &Range<usize>,
) -> ClauseTense {
    // The verb that sets the tense stands near the expression; a bounded reach keeps a
    // "sentence" of thousands of dates linear.
    let sentence_words = words(text, window(text, sentence, expression, TENSE_REACH));
    let past = ClauseTense {
        direction: Some(Direction::Past),
        future_in_the_past: false,
    };
    let after = &text[expression.end..];
    if after.starts_with("'s") || after.starts_with("’s") {
        let future_verb_follows = sentence_words
            .iter()
            .enumerate()
            .filter(|(_, word)| word.range.start >= expression.end)
            .take(4)
            .any(|(index, word)| {
                let previous = index.checked_sub(1).map(|at| &sentence_words[at]);
                tense_of(word, previous) == Some(Direction::Future)
            });
        if !future_verb_follows {
            return past;
        }
    }
    let nearest = nearest_marker(text, &sentence_words, expression);
    if let Some(prospective) = prospective_before(text, &sentence_words, expression) {
        return ClauseTense {
            direction: Some(Direction::Future),
            future_in_the_past: prospective || nearest == Some(Direction::Past),
        };
    }
    if has_past_perfect(&sentence_words, expression) {
        return past;
    }
    ClauseTense {
        direction: nearest,
        future_in_the_past: false,
    }
}

/// "had not named", "had been due to", "hadn't": a past perfect anywhere near the date.
fn has_past_perfect(sentence_words: &[Word], expression: &Range<usize>) -> bool {
    sentence_words.iter().enumerate().any(|(index, word)| {
        if expression.start <= word.range.start && word.range.end <= expression.end {
            return false;
        }
        if word.is_any(&["hadn't", "hadn’t"]) {
            return true;
        }
        if !word.is("had") {
            return false;
        }
        sentence_words[index + 1..]
            .iter()
            .take(3)
            .find(|next| !next.is_any(&["not", "never", "already", "just", "long", "also"]))
            .is_some_and(|next| {
                let lower = next.text.to_ascii_lowercase();
                lower == "been"
                    || is_past_participle(&lower)
                    || PAST_MARKERS.contains(&lower.as_str())
            })
    })
}

/// A plan or "as soon as" in the words just before the date, with no comma between. Returns
/// whether it is told in the past (a guess that the event is still to come), or None.
fn prospective_before(
    text: &str,
    sentence_words: &[Word],
    expression: &Range<usize>,
) -> Option<bool> {
    let before: Vec<(usize, &Word)> = sentence_words
        .iter()
        .enumerate()
        .filter(|(_, word)| {
            word.range.end <= expression.start
                && expression.start - word.range.start <= PROSPECTIVE_REACH
                && !text[word.range.end..expression.start].contains([',', ';', ':', '.'])
        })
        .collect();
    for (index, word) in before.iter().rev() {
        let following = sentence_words.get(index + 1);
        let previous = index.checked_sub(1).map(|at| &sentence_words[at]);
        // "as soon as Tuesday", "as early as Monday".
        if word.is("as")
            && previous.is_some_and(|before| before.is_any(&["soon", "early"]))
            && index
                .checked_sub(2)
                .is_some_and(|at| sentence_words[at].is("as"))
        {
            return Some(false);
        }
        // "as planned", "had planned to": the plan is part of the past.
        let settled = previous.is_some_and(|before| {
            before.is_any(&[
                "as",
                "previously",
                "originally",
                "initially",
                "than",
                "had",
                "been",
            ])
        });
        if word.is_any(PROSPECTIVE_MARKERS) && !settled {
            // "planned a march", "were planning to drive", "might come".
            return Some(true);
        }
        // "set to resume", "is expected to", "was likely to buy": a schedule looks forward; told
        // with "was" it is a plan in the past.
        if SCHEDULE_WORDS.contains(&word.text.to_ascii_lowercase().as_str())
            && following.is_some_and(|to| to.is("to"))
        {
            if previous.is_some_and(|before| before.is_any(&["had", "been"])) {
                return None;
            }
            return Some(previous.is_some_and(|before| before.is_any(&["was", "were"])));
        }
    }
    None
}

/// The direction of the nearest tense marker; markers after the date count a little less, and
/// an attribution tag after a comma ("..., Ortega said") not at all.
fn nearest_marker(
    text: &str,
    sentence_words: &[Word],
    expression: &Range<usize>,
) -> Option<Direction> {
    let mut best: Option<(usize, Direction)> = None;
    for (index, word) in sentence_words.iter().enumerate() {
        if expression.start <= word.range.start && word.range.end <= expression.end {
            continue;
        }
        let previous = index.checked_sub(1).map(|at| &sentence_words[at]);
        let following = sentence_words.get(index + 1);
        let Some(direction) = tense_of(word, previous) else {
            continue;
        };
        // "next to the embassy" is a place; "vacation plans" a noun.
        if word.is("next") && following.is_some_and(|to| to.is("to")) {
            continue;
        }
        if word.is_any(&["plan", "plans"]) && !following.is_some_and(|to| to.is("to")) {
            continue;
        }
        let after_the_date = word.range.start >= expression.end;
        if after_the_date
            && word.is_any(REPORTING_TAGS)
            && text[expression.end..word.range.start].contains(',')
        {
            continue;
        }
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
    // "is staffed", "are collected": a present passive says nothing of past or future; "will
    // be held", "to be charged": a participle after "be" takes its time from the words before.
    if is_past_participle(&lower) && previous_is(&["is", "are", "am"]) {
        return None;
    }
    if previous_is(&["be"])
        && (is_past_participle(&lower) || PAST_MARKERS.contains(&lower.as_str()))
    {
        return None;
    }
    if PAST_MARKERS.contains(&lower.as_str()) || is_past_participle(&lower) {
        return Some(Direction::Past);
    }
    None
}

fn is_past_participle(lower: &str) -> bool {
    /// Words that end in "-ed" without being a past participle. Source: written for copydesk from
    /// English words ending in "-ed" that are not verb forms.
    const NOT_PAST: &[&str] = &[
        "need", "speed", "seed", "indeed", "proceed", "exceed", "succeed", "breed", "embed",
        "hundred", "united", "limited", "red", "bed", "feed", "weed", "deed", "greed", "naked",
        "sacred", "wicked", "kindred", "rugged",
    ];
    lower.len() > 4 && lower.ends_with("ed") && !NOT_PAST.contains(&lower)
}
