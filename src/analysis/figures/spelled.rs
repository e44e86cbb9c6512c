//! Figures written in words: "three million", "twelve people", "Twenty-four percent",
//! "thousands of", "tens of thousands", "a dozen".

use super::*;
use crate::analysis::words::WordShapes;

/// Words that stand for an amount before a scale word without being a number word ("a billion",
/// "half a million"). Source: written for copydesk from the amounts of wire copy.
pub(super) const AMOUNT_WORDS: &[&str] = &["a", "half"];
/// Quantifiers that stand for an unstated amount before a scale word ("several thousand", "many
/// millions"). Source: written for copydesk from the English quantifiers that take a scale word.
pub(super) const VAGUE_MULTIPLES: &[&str] = &["several", "few", "many", "some"];
/// The plural scale words that count vaguely ("thousands of", "tens of millions"). Source: the
/// English short-scale number names (hundred to trillion) in the plural, written for copydesk.
pub(super) const PLURAL_SCALES: &[&str] =
    &["hundreds", "thousands", "millions", "billions", "trillions"];

/// Whether `word` is a number word that can stand before a scale word ("three million"). A
/// hundred is itself a scale ("a hundred thousand" is read from "a"), so it is no amount here.
fn spelled_amount(word: &Word) -> bool {
    crate::analysis::lexicon::number_word_value(word.text).is_some_and(|value| value < 100)
}

/// The value of a spelled number from ten up, with hyphenated tens ("twenty-four"), or below
/// ten; `None` for other words.
pub(super) fn spelled_value(word: &str) -> Option<u64> {
    /// Source: the English cardinal numbers from zero to nineteen.
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
    /// Source: the English names of the tens from twenty to ninety.
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    // Every word of every paragraph is read here. Most are ruled out by the first letter and
    // length of the word or of its part before a hyphen; the others are lowered on the stack,
    // not in a new string each time. No spelled number is longer than the buffer.
    static UNIT_SHAPES: WordShapes = WordShapes::of(&UNITS);
    static TEN_SHAPES: WordShapes = WordShapes::of(&TENS);
    if !UNIT_SHAPES.may_hold(word) {
        let hyphen = word.bytes().position(|byte| byte == b'-');
        if !TEN_SHAPES.may_hold(hyphen.map_or(word, |at| &word[..at])) {
            return None;
        }
    }
    let mut buffer = [0u8; 16];
    let lower = buffer.get_mut(..word.len())?;
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    let lower: &[u8] = lower;
    if let Some(value) = UNITS.iter().position(|unit| unit.as_bytes() == lower) {
        return Some(value as u64);
    }
    let (tens, units) = match lower.iter().position(|&byte| byte == b'-') {
        Some(hyphen) => (&lower[..hyphen], &lower[hyphen + 1..]),
        None => (lower, &[][..]),
    };
    let tens_value = TENS.iter().position(|name| name.as_bytes() == tens)? as u64 * 10 + 20;
    let units_value = if units.is_empty() {
        0
    } else {
        UNITS[1..10]
            .iter()
            .position(|unit| unit.as_bytes() == units)? as u64
            + 1
    };
    Some(tens_value + units_value)
}
/// Quantities in words: "three million", "half a million", "thousands of", "tens of thousands",
/// "several thousand", "hundreds of".
pub(super) fn scan_spelled(paragraph_words: &[Word], text: &str, min_count: u64) -> Vec<Figure> {
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
            spelled_amount(word) || word.is_any(AMOUNT_WORDS) || word.is_any(VAGUE_MULTIPLES);
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
/// Source: written for copydesk from the audiences news copy counts in round plurals.
#[rustfmt::skip]
pub(super) const AUDIENCES: &[&str] = &[
    "viewers", "followers", "fans", "listeners", "readers", "subscribers", "delegates",
];
