//! Dates written out beside a weekday, which make it no date counted from publication or a
//! date of another kind: the year written in a form the date reader does not join ("Monday
//! 28/02/2022", "Friday 25 Feb 2022") and the nth weekday of a month ("the first Tuesday of each
//! month", "the last Friday in August").

use std::sync::OnceLock;

use regex::Regex;

use super::expressions::adjacent;
use crate::analysis::calendar::month_named;
use crate::analysis::words::Word;

/// Whether a date with its year follows a weekday in a form the date reader does not join:
/// all in figures ("Monday 28/02/2022", "Friday, 2/25/2022"), a month abbreviated without its
/// full stop ("Friday 25 Feb 2022") or a year cut to two figures ("Sunday, Feb. 27, '22"). Such
/// a weekday names its date, as "Monday, March 3, 2026" does.
pub(super) fn year_written_after(text: &str, end: usize) -> bool {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    let pattern = PATTERN.get_or_init(|| {
        Regex::new(concat!(
            r"^[,(]?\s{0,2}(?:",
            r"\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})\b",
            r"|\d{1,2}(?:st|nd|rd|th)?\s+(?P<after>[A-Za-z]{3,9})\.?,?\s+(?:\d{4}\b|['’]\d{2}\b)",
            r"|(?P<before>[A-Za-z]{3,9})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:\d{4}\b|['’]\d{2}\b)",
            r")"
        ))
        .expect("the date pattern compiles")
    });
    // A date is short: the pattern never needs more than this many bytes after the weekday.
    let mut stop = (end + 40).min(text.len());
    while !text.is_char_boundary(stop) {
        stop -= 1;
    }
    pattern.captures(&text[end..stop]).is_some_and(|found| {
        match found.name("after").or_else(|| found.name("before")) {
            Some(month) => month_named(month.as_str()).is_some(),
            None => true,
        }
    })
}

/// Ordinals that pick one weekday out of a month: "the first Tuesday of each month".
const MONTH_ORDINALS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "last", "1st", "2nd", "3rd", "4th", "5th",
];

/// The nth weekday of a month that the words after an ordinal name.
pub(super) enum WeekdayOfAMonth {
    /// "the first Tuesday of each month", "the last Friday of the month": every month's.
    EveryMonth,
    /// "the second Sunday in May", "the last Friday in August": one day of a month in a year
    /// the clause's tense picks (or a rule for every year, in a clause with no tense).
    InMonth {
        /// 1 to 5, or -1 for the last.
        nth: i8,
        month: i8,
        /// The index of the ordinal and of the month's word.
        first: usize,
        last: usize,
    },
}

/// Whether the weekday at `index` is the nth weekday of a month ("the first Tuesday of each
/// month", "the second Sunday in May", "the last Friday of the month"), never a day counted
/// from the publication date. "last Friday" alone stays a date: only "of"/"in" followed by a
/// month, "the month" or "each/every month" makes it one.
pub(super) fn weekday_of_a_month(
    text: &str,
    all: &[Word],
    index: usize,
) -> Option<WeekdayOfAMonth> {
    let ordinal = index
        .checked_sub(1)
        .filter(|at| adjacent(text, &all[*at], &all[index]))
        .filter(|at| all[*at].is_any(MONTH_ORDINALS))?;
    let nth = match MONTH_ORDINALS
        .iter()
        .position(|candidate| all[ordinal].is(candidate))?
    {
        // "first" to "fifth" are 1 to 5, "last" is -1, and "1st" to "5th" follow it.
        5 => -1,
        position if position < 5 => position as i8 + 1,
        position => position as i8 - 5,
    };
    let mut following = all[index + 1..].iter().enumerate();
    let mut previous = &all[index];
    let mut next = || {
        let (offset, word) = following.next()?;
        let joined = adjacent(text, previous, word);
        previous = word;
        joined.then_some((index + 1 + offset, word))
    };
    if !next().is_some_and(|(_, word)| word.is_any(&["of", "in"])) {
        return None;
    }
    match next() {
        Some((at, word)) if word.is_capitalised() && month_named(word.text).is_some() => {
            let month = month_named(word.text)?;
            let first = ordinal
                .checked_sub(1)
                .filter(|at| adjacent(text, &all[*at], &all[ordinal]) && all[*at].is("the"))
                .unwrap_or(ordinal);
            Some(WeekdayOfAMonth::InMonth {
                nth,
                month,
                first,
                last: at,
            })
        }
        Some((_, word)) if word.is_any(&["the", "each", "every"]) => next()
            .is_some_and(|(_, word)| word.is_any(&["month", "year"]))
            .then_some(WeekdayOfAMonth::EveryMonth),
        _ => None,
    }
}
