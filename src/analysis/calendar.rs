//! Calendar words and house-style date formatting. Arithmetic is jiff's; this module only names
//! things the way a news desk writes them.

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;

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

pub fn weekday_named(word: &str) -> Option<Weekday> {
    WEEKDAYS
        .iter()
        .find(|(name, _)| word.eq_ignore_ascii_case(name))
        .map(|(_, weekday)| *weekday)
}

pub fn month_named(word: &str) -> Option<i8> {
    MONTH_WORDS
        .iter()
        .find(|(name, _)| word.eq_ignore_ascii_case(name))
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
    fn weeks_in_timeml_form() {
        assert_eq!(timeml_week(date(2022, 2, 28)), "2022-W09");
        assert_eq!(timeml_week(date(2021, 1, 1)), "2020-W53");
        assert_eq!(week_start(date(2022, 3, 2)), date(2022, 2, 28));
    }
}
