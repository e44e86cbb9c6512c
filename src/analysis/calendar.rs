//! Calendar words and house-style date formatting. Arithmetic is jiff's; this module only names
//! things the way a news desk writes them.

use jiff::civil::{Date, Weekday};

use super::words::Word;
use jiff::ToSpan;

/// The English weekday names, lower case, with their days. Source: the English calendar.
pub const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
];

/// Month names as written in prose, with AP abbreviations, mapped to month numbers.
pub const MONTH_WORDS: [(&str, i8); 22] = [
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    ("mar", 3),
    ("apr", 4),
];

/// Lengths are compared first, inline: every word of a paragraph is looked up here, and most
/// are ruled out without a call per entry.
pub fn weekday_named(word: &str) -> Option<Weekday> {
    WEEKDAYS
        .iter()
        .find(|(name, _)| word.len() == name.len() && word.eq_ignore_ascii_case(name))
        .map(|(_, weekday)| *weekday)
}

pub fn month_named(word: &str) -> Option<i8> {
    MONTH_WORDS
        .iter()
        .find(|(name, _)| word.len() == name.len() && word.eq_ignore_ascii_case(name))
        .map(|(_, month)| *month)
}

pub fn weekday_name(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

pub fn month_name(month: i8) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES[(month.clamp(1, 12) - 1) as usize]
}

/// AP style abbreviates the long month names before a day: Jan., Feb., Aug., Sept., Oct., Nov.,
/// Dec.; March through July are spelled out.
pub fn ap_month(month: i8) -> &'static str {
    const NAMES: [&str; 12] = [
        "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
        "Dec.",
    ];
    NAMES[(month.clamp(1, 12) - 1) as usize]
}

/// "Feb. 24", with the year only when it differs from the publication year: "Feb. 24, 2021".
pub fn ap_date(date: Date, publication: Date) -> String {
    if date.year() == publication.year() {
        format!("{} {}", ap_month(date.month()), date.day())
    } else {
        format!("{} {}, {}", ap_month(date.month()), date.day(), date.year())
    }
}

/// "Thursday, Feb. 24, 2022": the unambiguous form used in hovers.
pub fn weekday_date(date: Date) -> String {
    format!(
        "{}, {} {}, {}",
        weekday_name(date.weekday()),
        ap_month(date.month()),
        date.day(),
        date.year()
    )
}

/// How fixes write dates (setting `dates.style`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DateStyle {
    /// AP: "Feb. 24", the year only when it is not the publication year.
    #[default]
    Ap,
    /// ISO 8601: "2022-02-24".
    Iso,
    /// Day first, month spelled out, year always: "24 February 2022".
    Long,
}

impl DateStyle {
    pub fn from_name(name: &str) -> Option<DateStyle> {
        match name.to_ascii_lowercase().as_str() {
            "ap" => Some(DateStyle::Ap),
            "iso" => Some(DateStyle::Iso),
            "long" => Some(DateStyle::Long),
            _ => None,
        }
    }
}

/// The house style together with the publication date it is relative to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct House {
    pub publication: Date,
    pub style: DateStyle,
}

impl House {
    /// A day: "Feb. 24", "2022-02-24" or "24 February 2022".
    pub fn day(&self, date: Date) -> String {
        match self.style {
            DateStyle::Ap => ap_date(date, self.publication),
            DateStyle::Iso => date.to_string(),
            DateStyle::Long => format!(
                "{} {} {}",
                date.day(),
                month_name(date.month()),
                date.year()
            ),
        }
    }

    /// A day with its weekday: "Thursday, Feb. 24", "Thursday 2022-02-24", "Thursday 24 February 2022".
    pub fn weekday_and_day(&self, date: Date) -> String {
        let weekday = weekday_name(date.weekday());
        match self.style {
            DateStyle::Ap => format!("{weekday}, {}", self.day(date)),
            DateStyle::Iso | DateStyle::Long => format!("{weekday} {}", self.day(date)),
        }
    }

    /// A month, given its first day: "January", "2022-01" or "January 2022".
    pub fn month(&self, first: Date) -> String {
        let name = month_name(first.month());
        match self.style {
            DateStyle::Ap if first.year() == self.publication.year() => name.to_string(),
            DateStyle::Ap | DateStyle::Long => format!("{name} {}", first.year()),
            DateStyle::Iso => format!("{:04}-{:02}", first.year(), first.month()),
        }
    }
}

/// A date written out in words: "March 3", "Feb. 28, 2022", "3 March 2026".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WrittenDate {
    pub month: i8,
    pub day: i8,
    pub year: Option<i16>,
    /// Index of its first and last word in the word list it was read from.
    pub first: usize,
    pub last: usize,
    /// True when the day comes before the month ("3 March").
    pub day_first: bool,
}

impl WrittenDate {
    /// The date in `year` (its own year when it has one); `None` for Feb. 30 and the like.
    pub fn in_year(&self, year: i16) -> Option<Date> {
        Date::new(self.year.unwrap_or(year), self.month, self.day).ok()
    }
}

/// Whether only spaces, commas and full stops separate two words ("Feb. 28, 2022").
fn joined_by_date_punctuation(text: &str, left: &Word, right: &Word) -> bool {
    text[left.range.end..right.range.start]
        .chars()
        .all(|character| character.is_whitespace() || matches!(character, ',' | '.'))
}

fn day_of_month(word: &Word) -> Option<i8> {
    let digits = word
        .text
        .trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word.text[digits.len()..];
    if !["", "st", "nd", "rd", "th"].contains(&suffix) || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits
        .parse::<i8>()
        .ok()
        .filter(|day| (1..=31).contains(day))
}

/// A month name as it starts a date: capitalised, and abbreviations only with their full stop
/// ("Feb." but not "Feb"; "May" needs nothing, and lower-case "may" is the verb).
fn date_month(text: &str, word: &Word) -> Option<i8> {
    if !word.is_capitalised() {
        return None;
    }
    let month = month_named(word.text)?;
    let full = month_name(month).eq_ignore_ascii_case(word.text);
    (full || text[word.range.end..].starts_with('.')).then_some(month)
}

/// The date whose first word is `all[index]`: month then day ("March 3", "Feb. 28, 2022") or day
/// then month ("3 March 2026"), with the year if one follows.
pub fn written_date_at(text: &str, all: &[Word], index: usize) -> Option<WrittenDate> {
    let first = all.get(index)?;
    let second = all
        .get(index + 1)
        .filter(|second| joined_by_date_punctuation(text, first, second))?;
    let (month, day, day_first) = match (date_month(text, first), day_of_month(second)) {
        (Some(month), Some(day)) => (month, day, false),
        _ => (date_month(text, second)?, day_of_month(first)?, true),
    };
    let year = all
        .get(index + 2)
        .filter(|year| {
            joined_by_date_punctuation(text, second, year)
                && year.text.len() == 4
                && year.text.chars().all(|c| c.is_ascii_digit())
        })
        .and_then(|year| year.text.parse::<i16>().ok());
    Some(WrittenDate {
        month,
        day,
        year,
        first: index,
        last: index + 1 + usize::from(year.is_some()),
        day_first,
    })
}

/// The date written right after the word at `index` ("Saturday, April 25", "Friday Oct. 13").
pub fn explicit_date_after(text: &str, all: &[Word], index: usize) -> Option<WrittenDate> {
    let next = all.get(index + 1)?;
    // "Friday (March 4)" gives its date in parentheses, as "Friday, March 4" does after a comma.
    let parenthesised = text[all[index].range.end..next.range.start].trim() == "(";
    if !parenthesised && !joined_by_date_punctuation(text, &all[index], next) {
        return None;
    }
    written_date_at(text, all, index + 1)
}

/// Adds days without ever panicking: dates at the edge of the calendar stay where they are.
pub fn add_days(date: Date, days: i64) -> Date {
    date.checked_add(days.days()).unwrap_or(date)
}

pub fn add_months(date: Date, months: i64) -> Date {
    date.checked_add(months.months()).unwrap_or(date)
}

/// The ISO week of a date in TimeML form: "2022-W08".
pub fn timeml_week(date: Date) -> String {
    let week = date.iso_week_date();
    format!("{:04}-W{:02}", week.year(), week.week())
}

/// The Monday that starts the ISO week of `date`.
pub fn week_start(date: Date) -> Date {
    add_days(date, -(date.weekday().to_monday_zero_offset() as i64))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn ap_style_dates() {
        let publication = date(2022, 2, 28);
        assert_eq!(ap_date(date(2022, 2, 24), publication), "Feb. 24");
        assert_eq!(ap_date(date(2022, 3, 3), publication), "March 3");
        assert_eq!(ap_date(date(2021, 9, 30), publication), "Sept. 30, 2021");
        assert_eq!(weekday_date(date(2022, 2, 24)), "Thursday, Feb. 24, 2022");
    }

    #[test]
    fn house_styles() {
        let publication = date(2022, 2, 28);
        let thursday = date(2022, 2, 24);
        for (style, day, with_weekday, month) in [
            (DateStyle::Ap, "Feb. 24", "Thursday, Feb. 24", "January"),
            (
                DateStyle::Iso,
                "2022-02-24",
                "Thursday 2022-02-24",
                "2022-01",
            ),
            (
                DateStyle::Long,
                "24 February 2022",
                "Thursday 24 February 2022",
                "January 2022",
            ),
        ] {
            let house = House { publication, style };
            assert_eq!(house.day(thursday), day);
            assert_eq!(house.weekday_and_day(thursday), with_weekday);
            assert_eq!(house.month(date(2022, 1, 1)), month);
        }
    }

    #[test]
    fn weeks_in_timeml_form() {
        assert_eq!(timeml_week(date(2022, 2, 28)), "2022-W09");
        assert_eq!(timeml_week(date(2021, 1, 1)), "2020-W53");
        assert_eq!(week_start(date(2022, 3, 2)), date(2022, 2, 28));
    }
}
