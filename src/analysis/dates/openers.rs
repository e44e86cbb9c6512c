//! The date scan's prefilter: the words a relative date expression can open with, so that
//! the scan passes over every other word of a paragraph on a look at its first letter and
//! length instead of trying each pattern on it.

use super::expressions::VAGUE_AMOUNTS;
use crate::analysis::words::Word;

/// The words, in lower case, that a date expression can open with (besides numbers written
/// in digits, which open "3 days ago" and "3 March", and a compound ending in "-ago"): every
/// first word [`match_at`](super::expressions::match_at) and the matchers it calls test for.
/// A pattern that opens with a new word must add it here (debug builds check that no skipped
/// word opens one).
const OPENING_WORDS: &[&[&str]] = &[
    // yesterday, today and the like; "over the weekend"; "the day before".
    &[
        "yesterday",
        "today",
        "tonight",
        "tomorrow",
        "overnight",
        "over",
        "the",
    ],
    // The amounts of "a week ago", "a few days ago".
    &["a", "an", "one"],
    VAGUE_AMOUNTS,
    // The edge and deictic words of "early next week", "last month", "this past weekend".
    &["early", "late", "earlier", "later"],
    &["this", "last", "past", "previous", "next", "coming"],
];

/// The opening words by first letter and length: the words of `buckets[32 * l + n]` start with
/// letter `l` and have `n` bytes. Ruling a word out costs a look at its bucket, which is mostly
/// empty and never holds more than a few words.
struct Openers {
    buckets: Vec<Vec<&'static [u8]>>,
}

impl Openers {
    fn bucket(&self, lower: &[u8]) -> &[&'static [u8]] {
        match lower.first() {
            Some(first @ b'a'..=b'z') if lower.len() < 32 => {
                &self.buckets[32 * usize::from(first - b'a') + lower.len()]
            }
            _ => &[],
        }
    }

    fn knows(&self, lower: &[u8]) -> bool {
        self.bucket(lower).contains(&lower)
    }
}

fn openers() -> &'static Openers {
    static OPENERS: std::sync::OnceLock<Openers> = std::sync::OnceLock::new();
    OPENERS.get_or_init(|| {
        let mut openers = Openers {
            buckets: vec![Vec::new(); 26 * 32],
        };
        let all = OPENING_WORDS
            .iter()
            .flat_map(|list| list.iter().copied())
            .chain(
                crate::analysis::calendar::WEEKDAYS
                    .iter()
                    .map(|(name, _)| *name),
            )
            .chain(
                crate::analysis::calendar::MONTH_WORDS
                    .iter()
                    .map(|(name, _)| *name),
            )
            .chain(
                crate::analysis::lexicon::NUMBER_WORDS
                    .iter()
                    .map(|(name, _)| *name),
            );
        for word in all {
            let bytes = word.as_bytes();
            debug_assert!(bytes[0].is_ascii_lowercase() && bytes.len() < 32);
            if !openers.knows(bytes) {
                openers.buckets[32 * usize::from(bytes[0] - b'a') + bytes.len()].push(bytes);
            }
        }
        openers
    })
}

/// Whether `word` could open a date expression, with or without a possessive ending: false
/// only for words that [`match_at`](super::expressions::match_at) never matches from.
pub(super) fn may_open_expression(word: &Word) -> bool {
    let bytes = word.text.as_bytes();
    let first = bytes[0];
    let stem = word.without_possessive().as_bytes();
    let compound_ago = stem.len() > 4 && stem[stem.len() - 4..].eq_ignore_ascii_case(b"-ago");
    if first.is_ascii_digit() || bytes.len() >= 32 || compound_ago {
        return true;
    }
    if !first.is_ascii_alphabetic() {
        return false;
    }
    // The stem is a prefix of the word, so one lowered copy holds both.
    let mut buffer = [0u8; 32];
    let lower = &mut buffer[..bytes.len()];
    lower.copy_from_slice(bytes);
    lower.make_ascii_lowercase();
    let openers = openers();
    openers.knows(lower) || (stem.len() < bytes.len() && openers.knows(&lower[..stem.len()]))
}

#[cfg(test)]
mod tests {
    use super::super::expressions::match_at;
    use super::*;
    use crate::analysis::words::words;

    /// Every expression is still found with the prefilter in front of the matchers: each word
    /// is tried by [`match_at`] directly, and a word the prefilter passes over must open none.
    #[test]
    fn the_prefilter_passes_over_no_word_that_opens_an_expression() {
        let text = "Yesterday's vote, the year-ago QUARTER and TONIGHT: on Monday morning, \
                    three days ago, 90 days ago, ninety days ago, a few weeks ago, several \
                    years ago, the day before, over the weekend, March 3 and 3 March, Feb. 28, \
                    late last week, earlier this month, this past weekend, the past three \
                    years, next fiscal year, the day after Friday's match, coming Tuesday, \
                    previous Sunday's game. Officials said little about it.";
        let all = words(text, 0..text.len());
        let mut opening = Vec::new();
        for index in 0..all.len() {
            if match_at(text, &all, index).is_some() {
                opening.push(all[index].text);
                assert!(
                    may_open_expression(&all[index]),
                    "{:?} opens an expression",
                    all[index].text
                );
            }
        }
        assert!(
            opening.len() > 20,
            "the text opens many expressions: {opening:?}"
        );
        for ordinary in ["Officials", "said", "little", "about", "it", "vote", "and"] {
            let word = words(ordinary, 0..ordinary.len()).remove(0);
            assert!(
                !may_open_expression(&word),
                "{ordinary} opens no expression"
            );
        }
    }
}
