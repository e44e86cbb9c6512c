//! Dates relative to the day of reading: the words that name them, the tense that points them
//! backward or forward, their resolution against the publication date, and the absolute form a
//! fix writes. The `relative-date` rule (`rules/relative_date.rs`) turns these into findings.
//!
//! - [`expressions`] finds "on Monday", "last week", "three days ago", "March 3" in a paragraph.
//! - [`tense`] reads the clause around an expression for its direction (past or future).
//! - [`resolution`] resolves an expression to a TimeML value, a meaning and an AP-style date.
//! - [`names`] tells names that contain a date word (`USA Today`) from dates.
//! - [`written`] reads dates written out beside a weekday ("Monday 28/02/2022", "the last
//!   Friday in August").
//! - [`formatting`] writes the fixes: the absolute date in place, or the date added.

pub(crate) mod expressions;
pub(crate) mod formatting;
pub mod names;
mod openers;
pub(crate) mod resolution;
pub(crate) mod tense;
mod written;

#[cfg(test)]
mod tests;

use std::ops::Range;

use jiff::civil::{Date, Weekday};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Direction {
    Past,
    Current,
    Future,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PartOfDay {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl PartOfDay {
    pub(crate) fn from_word(word: &str) -> Option<PartOfDay> {
        match word.to_ascii_lowercase().as_str() {
            "morning" => Some(PartOfDay::Morning),
            "afternoon" => Some(PartOfDay::Afternoon),
            "evening" => Some(PartOfDay::Evening),
            "night" | "overnight" => Some(PartOfDay::Night),
            _ => None,
        }
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            PartOfDay::Morning => "morning",
            PartOfDay::Afternoon => "afternoon",
            PartOfDay::Evening => "evening",
            PartOfDay::Night => "night",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Season {
    Spring,
    Summer,
    Fall,
    /// The same season as [`Season::Fall`], in the word British and Commonwealth copy uses:
    /// a fix writes the season the way the writer did ("last autumn" -> "the autumn of 2025").
    Autumn,
    Winter,
}

impl Season {
    /// TimeML's season codes.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall | Season::Autumn => "FA",
            Season::Winter => "WI",
        }
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            Season::Spring => "spring",
            Season::Summer => "summer",
            Season::Fall => "fall",
            Season::Autumn => "autumn",
            Season::Winter => "winter",
        }
    }

    /// The first and last month of the season in the northern hemisphere; winter starts in
    /// December of the year it is named after.
    pub(crate) fn months(self) -> (i8, i8) {
        match self {
            Season::Spring => (3, 5),
            Season::Summer => (6, 8),
            Season::Fall | Season::Autumn => (9, 11),
            Season::Winter => (12, 2),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    Week,
    Weekend,
    Month,
    Year,
    Quarter,
    Season(Season),
    Part(PartOfDay),
    Decade,
    Century,
}

impl Unit {
    pub(crate) fn from_word(word: &str) -> Option<(Unit, bool)> {
        let lower = word.to_ascii_lowercase();
        let (stem, plural) = match lower.strip_suffix('s') {
            Some(stem) if !matches!(lower.as_str(), "always") => (stem.to_string(), true),
            _ => (lower.clone(), false),
        };
        let unit = match (lower.as_str(), stem.as_str()) {
            (_, "day") => Unit::Day,
            (_, "week") => Unit::Week,
            (_, "weekend") => Unit::Weekend,
            (_, "month") => Unit::Month,
            (_, "year") => Unit::Year,
            (_, "quarter") => Unit::Quarter,
            (_, "decade") => Unit::Decade,
            ("century", _) => return Some((Unit::Century, false)),
            ("centuries", _) => return Some((Unit::Century, true)),
            ("spring", _) => return Some((Unit::Season(Season::Spring), false)),
            ("summer", _) => return Some((Unit::Season(Season::Summer), false)),
            ("fall", _) => return Some((Unit::Season(Season::Fall), false)),
            ("autumn", _) => return Some((Unit::Season(Season::Autumn), false)),
            ("winter", _) => return Some((Unit::Season(Season::Winter), false)),
            (part, _) => return PartOfDay::from_word(part).map(|part| (Unit::Part(part), false)),
        };
        Some((unit, plural))
    }
}

/// A recognised expression before resolution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Expression {
    Weekday {
        weekday: Weekday,
        direction: Option<Direction>,
        part: Option<PartOfDay>,
    },
    /// "March 3" or "3 March" with no year, far from the publication date.
    MonthDay { month: i8, day: i8, day_first: bool },
    /// "Saturday, April 25": a weekday with a month and day but no year.
    DatedWeekday {
        weekday: Weekday,
        month: i8,
        day: i8,
    },
    /// "the last Friday in August": the nth weekday of a month (-1 for the last), with no year.
    WeekdayOfMonth {
        nth: i8,
        weekday: Weekday,
        month: i8,
    },
    /// "the day before last Tuesday('s hearing)" (-1), "the day after Friday" (+1): a day
    /// counted from a weekday the phrase names, which is resolved as a weekday alone would be.
    DayFromWeekday {
        days: i64,
        weekday: Weekday,
        direction: Option<Direction>,
        part: Option<PartOfDay>,
    },
    /// yesterday (-1), today (0), tomorrow (+1), with an optional part of the day.
    DayOffset { days: i64, part: Option<PartOfDay> },
    /// this (0) / last (-1) / next (+1) week, month, year ...
    Shifted { unit: Unit, shift: i64 },
    /// "three days ago"; `amount` is None for "a few" or "several".
    Ago { unit: Unit, amount: Option<i64> },
    /// "the past three years": a stretch of time up to the publication date.
    Stretch { unit: Unit, amount: Option<i64> },
}

pub(crate) struct Match {
    /// The whole expression, e.g. "last Thursday night".
    pub(crate) range: Range<usize>,
    /// The part a replacement rewrites, e.g. "last Thursday" in "late last Thursday".
    pub(crate) replace: Range<usize>,
    pub(crate) expression: Expression,
    /// "early" or "late" when it is part of the rewritten phrase ("late on the night of ...").
    pub(crate) edge: Option<&'static str>,
}

/// How many paragraphs back a day the story named still anchors "the previous Friday" or a
/// past-tense "overnight": a story's own time rarely carries further, and the bound keeps an
/// edit from re-reading the whole draft after it.
const STORY_REACH: usize = 3;

/// The days a story has named in its last few paragraphs: the story's own time, which "the
/// previous Friday" and a past-tense "overnight" count from. A segment takes it from the text
/// before it and hands it on, so that it crosses paragraphs the way a reader's memory does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct StoryDays {
    /// Oldest first.
    named: Vec<NamedDay>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct NamedDay {
    day: Date,
    /// The weekday the words named, when they named one ("Friday", "Saturday, April 25").
    weekday: Option<Weekday>,
    text: String,
    /// The paragraph of the segment being read, counted from 0; negative for a paragraph
    /// before the segment (-1 for the one just before it).
    paragraph: isize,
}

impl StoryDays {
    /// Records a day the story named in `paragraph` of the segment.
    pub(crate) fn named(
        &mut self,
        paragraph: usize,
        day: Date,
        expression: &Expression,
        text: &str,
    ) {
        let weekday = match expression {
            Expression::Weekday { weekday, .. } | Expression::DatedWeekday { weekday, .. } => {
                Some(*weekday)
            }
            _ => None,
        };
        // Only the last day of each weekday and the last day of all are ever read, so an
        // earlier one of the same kind goes: a paragraph of many dates stays linear.
        self.named.retain(|named| named.weekday != weekday);
        self.named.push(NamedDay {
            day,
            weekday,
            text: text.to_string(),
            paragraph: paragraph as isize,
        });
    }

    /// The last day named by `weekday`'s own name within reach of `paragraph`, and its words.
    pub(crate) fn weekday(&self, weekday: Weekday, paragraph: usize) -> Option<(Date, &str)> {
        self.named
            .iter()
            .rev()
            .filter(|named| within(named, paragraph, STORY_REACH))
            .find(|named| named.weekday == Some(weekday))
            .map(|named| (named.day, named.text.as_str()))
    }

    /// The last day named in `paragraph` or the paragraph before it, and its words.
    pub(crate) fn recent(&self, paragraph: usize) -> Option<(Date, &str)> {
        self.named
            .last()
            .filter(|named| within(named, paragraph, 1))
            .map(|named| (named.day, named.text.as_str()))
    }

    /// What the segment after this one takes: the days still within reach after its
    /// `paragraphs` paragraphs, counted back from that segment's start.
    pub(crate) fn handed_on(mut self, paragraphs: usize) -> StoryDays {
        let paragraphs = paragraphs as isize;
        self.named
            .retain(|named| paragraphs - named.paragraph <= STORY_REACH as isize);
        for named in &mut self.named {
            named.paragraph -= paragraphs;
        }
        self
    }
}

fn within(named: &NamedDay, paragraph: usize, reach: usize) -> bool {
    paragraph as isize - named.paragraph <= reach as isize
}
