//! The dateline: wire copy states where and when it was filed at the top of the story
//! (`KYIV, Ukraine, Feb. 28 (Reuters) -`, `28 February 2022 —`, `WASHINGTON (AP) — Monday,
//! March 3, 2026`). When the draft has no front matter date, that date is the publication date.

use std::ops::Range;

use jiff::civil::Date;

use super::calendar::{weekday_named, written_date_at};
use super::prose::Prose;
use super::words::{floor_char_boundary, words};

/// How far into the first paragraph a dateline's date may stand.
const DATELINE_REACH: usize = 300;
/// How many words into the first paragraph a dateline's date may start.
const DATELINE_WORDS: usize = 40;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    pub date: Date,
    /// The date's words in the text.
    pub range: Range<usize>,
}

/// The dateline of the first body paragraph, if it has one. A date without a year is read in
/// the year that puts it nearest `near` (the configured reference date or today).
pub fn find(prose: &Prose, near: Date) -> Option<Dateline> {
    let paragraph = prose
        .paragraphs
        .iter()
        .find(|paragraph| !paragraph.is_heading)?;
    let text = &prose.masked;
    let end = floor_char_boundary(
        text,
        paragraph
            .range
            .end
            .min(paragraph.range.start + DATELINE_REACH),
    );
    let opening = words(text, paragraph.range.start..end);
    let first = opening.first()?;
    // A city in capitals opens a dateline ("KYIV,", "WASHINGTON (AP)").
    let letters: Vec<char> = first.text.chars().filter(|c| c.is_alphabetic()).collect();
    let city_first = letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase());
    for index in 0..opening.len().min(DATELINE_WORDS) {
        let starts_paragraph = index == 0 || (index == 1 && weekday_named(first.text).is_some());
        if !city_first && !starts_paragraph {
            break;
        }
        let Some(written) = written_date_at(text, &opening, index) else {
            continue;
        };
        let date = match written.year {
            Some(year) => written.in_year(year)?,
            None => [-1i16, 0, 1]
                .iter()
                .filter_map(|shift| written.in_year(near.year() + shift))
                .min_by_key(|date| (*date - near).get_days().abs())?,
        };
        return Some(Dateline {
            date,
            range: opening[written.first].range.start..opening[written.last].range.end,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::prose::Format;
    use jiff::civil::date;

    fn dateline_of(text: &str) -> Option<Date> {
        find(&Prose::parse(text, Format::PlainText), date(2022, 6, 1)).map(|found| found.date)
    }

    #[test]
    fn wire_datelines() {
        for (text, expected) in [
            (
                "KYIV, Ukraine, Feb. 28 (Reuters) - Ukraine said on Monday ...",
                Some(date(2022, 2, 28)),
            ),
            (
                "28 February 2022 — The council met on Monday.",
                Some(date(2022, 2, 28)),
            ),
            (
                "WASHINGTON (AP) — Monday, March 3, 2026: The Senate voted.",
                Some(date(2026, 3, 3)),
            ),
            (
                "LONDON, Sept. 30, 2021 (Reuters) - Prices rose.",
                Some(date(2021, 9, 30)),
            ),
            ("The council met on March 3 to vote.", None),
            ("Officials said May 5 was the deadline.", None),
        ] {
            assert_eq!(dateline_of(text), expected, "{text}");
        }
    }

    #[test]
    fn a_heading_is_skipped_for_the_first_body_paragraph() {
        let prose = Prose::parse(
            "# Storm\n\nMIAMI, Oct. 3 (AP) — Rain fell.\n",
            Format::Markdown,
        );
        assert_eq!(
            find(&prose, date(2025, 9, 1)).map(|found| found.date),
            Some(date(2025, 10, 3))
        );
    }
}
