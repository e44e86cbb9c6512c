//! Resolving a relative date against the publication date: a TimeML value, a meaning for the
//! hover, the reasoning behind it and the absolute form a fix writes.

use jiff::civil::{Date, Weekday};

use super::{Direction, Expression, PartOfDay, Season, Unit};
use crate::analysis::calendar::{
    add_days, add_months, month_name, timeml_week, week_start, weekday_date, weekday_name, House,
};

/// The outcome of resolving an expression against the publication date.
pub(crate) struct Resolution {
    pub(crate) timeml: String,
    pub(crate) meaning: String,
    pub(crate) reasoning: String,
    /// The absolute form that can replace the expression, if there is one.
    pub(crate) absolute: Option<String>,
    /// Days between the publication date and the resolved day, for day-level expressions.
    pub(crate) distance_in_days: Option<i64>,
    /// The resolved day, for day-level expressions.
    pub(crate) day: Option<Date>,
}

pub(crate) fn resolve(
    expression: &Expression,
    house: House,
    tense: Option<Direction>,
) -> Resolution {
    let publication = house.publication;
    match *expression {
        Expression::Weekday {
            weekday,
            direction,
            part,
        } => resolve_weekday(weekday, direction, part, house, tense),
        Expression::DatedWeekday {
            weekday,
            month,
            day,
        } => resolve_dated_weekday(weekday, month, day, house),
        Expression::DayFromWeekday {
            days,
            weekday,
            direction,
            part,
        } => {
            let anchor = resolve_weekday(weekday, direction, None, house, tense);
            let anchor_day = anchor.day.unwrap_or(publication);
            let which = if days < 0 { "before" } else { "after" };
            let mut resolution = day_resolution(
                add_days(anchor_day, days),
                part,
                house,
                format!(
                    "the day {which} {} ({})",
                    weekday_date(anchor_day),
                    anchor.reasoning
                ),
            );
            resolution.meaning = format!(
                "{}, the day {which} {}",
                resolution.meaning,
                weekday_date(anchor_day)
            );
            // The fix rewrites the weekday the phrase counts from, so it writes that day.
            resolution.absolute = anchor.absolute;
            resolution
        }
        Expression::MonthDay { month, day, .. } => resolve_month_day(month, day, house, tense),
        Expression::WeekdayOfMonth {
            nth,
            weekday,
            month,
        } => resolve_weekday_of_month(nth, weekday, month, house, tense),
        Expression::DayOffset { days, part } => {
            let day = add_days(publication, days);
            let label = match days {
                -1 => "the day before publication",
                0 => "the publication date",
                _ => "the day after publication",
            };
            day_resolution(day, part, house, label.to_string())
        }
        Expression::Shifted { unit, shift } => resolve_shifted(unit, shift, house),
        Expression::Ago { unit, amount } => resolve_ago(unit, amount, house),
        Expression::Stretch { unit, amount } => {
            let (code, name) = match unit {
                Unit::Day => ("D", "days"),
                Unit::Week | Unit::Weekend => ("W", "weeks"),
                Unit::Month => ("M", "months"),
                Unit::Year => ("Y", "years"),
                Unit::Decade => ("DE", "decades"),
                Unit::Century => ("CE", "centuries"),
                _ => ("D", "days"),
            };
            let amount_text = amount.map_or("X".to_string(), |value| value.to_string());
            Resolution {
                timeml: format!("P{amount_text}{code}"),
                meaning: format!(
                    "the {} {} up to {}",
                    amount.map_or("few".to_string(), |value| value.to_string()),
                    name,
                    weekday_date(publication)
                ),
                reasoning: "a stretch of time that ends at the publication date".to_string(),
                absolute: None,
                distance_in_days: None,
                day: None,
            }
        }
    }
}

pub(crate) fn day_resolution(
    day: Date,
    part: Option<PartOfDay>,
    house: House,
    reasoning: String,
) -> Resolution {
    let publication = house.publication;
    let suffix = match part {
        Some(PartOfDay::Morning) => "TMO",
        Some(PartOfDay::Afternoon) => "TAF",
        Some(PartOfDay::Evening) => "TEV",
        Some(PartOfDay::Night) => "TNI",
        None => "",
    };
    let absolute = match part {
        Some(part) => format!("the {} of {}", part.name(), house.day(day)),
        None => house.day(day),
    };
    let meaning = match part {
        Some(part) => format!("{} ({})", weekday_date(day), part.name()),
        None => weekday_date(day),
    };
    Resolution {
        timeml: format!("{day}{suffix}"),
        meaning,
        reasoning,
        absolute: Some(absolute),
        distance_in_days: Some((day - publication).get_days() as i64),
        day: Some(day),
    }
}

fn resolve_weekday(
    weekday: Weekday,
    direction: Option<Direction>,
    part: Option<PartOfDay>,
    house: House,
    tense: Option<Direction>,
) -> Resolution {
    let publication = house.publication;
    let back = (publication.weekday().to_monday_zero_offset() - weekday.to_monday_zero_offset())
        .rem_euclid(7) as i64;
    let forward = (7 - back) % 7;
    let name = weekday_name(weekday);
    let (offset, reasoning) = match direction {
        // Newsroom reading: "last Friday" is the most recent Friday before publication, "next
        // Friday" the first one after it; both are ambiguous to some readers.
        Some(Direction::Past) => (
            -(if back == 0 { 7 } else { back }),
            format!("“last {name}”: the most recent {name} before the publication date (some readers take it as the {name} of the previous week)"),
        ),
        Some(Direction::Future) => (
            if forward == 0 { 7 } else { forward },
            format!("“next {name}”: the first {name} after the publication date (some readers take it as the {name} of the following week)"),
        ),
        Some(Direction::Current) | None => match tense {
            _ if back == 0 => (0, format!("the publication date is a {name}")),
            Some(Direction::Past) => (-back, format!("past tense: the {name} before the publication date")),
            Some(Direction::Future) => (forward, format!("future tense: the {name} after the publication date")),
            _ if back <= forward => (-back, format!("no tense signal: the nearest {name}, before the publication date")),
            _ => (forward, format!("no tense signal: the nearest {name}, after the publication date")),
        },
    };
    day_resolution(add_days(publication, offset), part, house, reasoning)
}

/// A month and day without a year is read in the year that puts it nearest the publication
/// date; the hover says so, and says when the weekday does not match that date.
fn resolve_dated_weekday(weekday: Weekday, month: i8, day: i8, house: House) -> Resolution {
    let publication = house.publication;
    let nearest = [-1i16, 0, 1]
        .iter()
        .filter_map(|shift| Date::new(publication.year() + shift, month, day).ok())
        .min_by_key(|date| (*date - publication).get_days().abs());
    let Some(date) = nearest else {
        return Resolution {
            timeml: format!("XXXX-{month:02}-{day:02}"),
            meaning: format!("{} {day}, in no year near publication", month_name(month)),
            reasoning: "this month has no such day".to_string(),
            absolute: None,
            distance_in_days: None,
            day: None,
        };
    };
    let mut resolution = day_resolution(
        date,
        None,
        house,
        "a month and day without a year: the nearest such date to the publication date".to_string(),
    );
    if date.weekday() != weekday {
        resolution.reasoning.push_str(&format!(
            "; note that it is a {}, not a {}",
            weekday_name(date.weekday()),
            weekday_name(weekday)
        ));
    }
    // The date is written out already; only the year is implied, so there is nothing to replace.
    resolution.absolute = None;
    resolution
}

/// "the last Friday in August": that day in the next such month in a future-tense clause, the
/// last one in a past-tense clause, else in the story's year; the hover says the year is
/// implied.
fn resolve_weekday_of_month(
    nth: i8,
    weekday: Weekday,
    month: i8,
    house: House,
    tense: Option<Direction>,
) -> Resolution {
    let publication = house.publication;
    let in_year = |year: i16| {
        Date::new(year, month, 1)
            .and_then(|first| first.nth_weekday_of_month(nth, weekday))
            .ok()
    };
    let candidates = around_publication(publication, in_year);
    let chosen = chosen_by_tense(&candidates, publication, tense);
    let how = match tense {
        Some(Direction::Future) => "future tense, the first after the publication date",
        Some(Direction::Past) => "past tense, the last before the publication date",
        _ => "the publication year's",
    };
    let (chosen, how) = match chosen {
        Some(date) => (Some(date), how),
        None => (in_year(publication.year()), "the publication year's"),
    };
    let ordinal = match nth {
        -1 => "last".to_string(),
        1 => "first".to_string(),
        2 => "second".to_string(),
        3 => "third".to_string(),
        4 => "fourth".to_string(),
        other => format!("{other}th"),
    };
    let Some(date) = chosen else {
        return Resolution {
            timeml: format!("XXXX-{month:02}"),
            meaning: format!(
                "the {ordinal} {} in {}, in no year near publication",
                weekday_name(weekday),
                month_name(month)
            ),
            reasoning: "this month has no such day near the publication date".to_string(),
            absolute: None,
            distance_in_days: None,
            day: None,
        };
    };
    day_resolution(
        date,
        None,
        house,
        format!(
            "the {ordinal} {} in {} with no year, relative to a year ({how}): check the year",
            weekday_name(weekday),
            month_name(month)
        ),
    )
}

/// The dates a day written without a year could be: `in_year` gives it in a year; the year
/// before publication, the publication year and the year after, where it exists.
fn around_publication(publication: Date, in_year: impl Fn(i16) -> Option<Date>) -> Vec<Date> {
    [-1i16, 0, 1]
        .iter()
        .filter_map(|shift| in_year(publication.year() + shift))
        .collect()
}

/// Of the dates a day written without a year could be (in calendar order), the one a clause's
/// tense picks: the first on or after the publication date in a future clause, the last on or
/// before it in a past one; `None` without a tense, or when no candidate lies that way.
fn chosen_by_tense(
    candidates: &[Date],
    publication: Date,
    tense: Option<Direction>,
) -> Option<Date> {
    match tense {
        Some(Direction::Future) => candidates.iter().copied().find(|date| *date >= publication),
        Some(Direction::Past) => candidates
            .iter()
            .rev()
            .copied()
            .find(|date| *date <= publication),
        _ => None,
    }
}

/// A month and day without a year: the next such date in a future-tense clause ("opens on
/// June 2"), the last one in a past-tense clause, else the nearest to publication.
fn resolve_month_day(month: i8, day: i8, house: House, tense: Option<Direction>) -> Resolution {
    let publication = house.publication;
    let candidates = around_publication(publication, |year| Date::new(year, month, day).ok());
    let chosen = chosen_by_tense(&candidates, publication, tense);
    let how = match tense {
        Some(Direction::Future) => "future tense: the next",
        Some(Direction::Past) => "past tense: the last",
        _ => "no tense signal: the nearest",
    };
    let nearest = || {
        candidates
            .iter()
            .copied()
            .min_by_key(|date| (*date - publication).get_days().abs())
    };
    let how = if chosen.is_some() {
        how
    } else {
        "no tense signal: the nearest"
    };
    let Some(date) = chosen.or_else(nearest) else {
        return resolve_dated_weekday(Weekday::Monday, month, day, house);
    };
    let days = (date - publication).get_days();
    let mut resolution = day_resolution(
        date,
        None,
        house,
        format!(
            "no year is given; {how} {} {day}, {} days {} the publication date",
            month_name(month),
            days.abs(),
            if days < 0 { "before" } else { "after" }
        ),
    );
    resolution.absolute = None;
    resolution
}

fn resolve_shifted(unit: Unit, shift: i64, house: House) -> Resolution {
    let publication = house.publication;
    let direction_word = match shift {
        0 => "the current",
        value if value < 0 => "the previous",
        _ => "the next",
    };
    match unit {
        Unit::Day => {
            let day = add_days(publication, shift);
            day_resolution(day, None, house, format!("{direction_word} day"))
        }
        Unit::Part(part) => {
            // "last night" is the night before publication; "this morning" is the publication day.
            let day = add_days(publication, shift);
            day_resolution(
                day,
                Some(part),
                house,
                format!("{direction_word} {}", part.name()),
            )
        }
        Unit::Week => {
            let day = add_days(publication, 7 * shift);
            let monday = week_start(day);
            Resolution {
                timeml: timeml_week(day),
                meaning: format!("the week of {}", weekday_date(monday)),
                reasoning: format!("{direction_word} calendar week (Monday to Sunday)"),
                absolute: Some(format!("the week of {}", house.day(monday))),
                distance_in_days: None,
                day: None,
            }
        }
        Unit::Weekend => {
            // The weekend of the publication week, or of the week before for "last weekend";
            // published on a weekend day, "this weekend" is that weekend.
            let day = add_days(publication, 7 * shift);
            let saturday = add_days(week_start(day), 5);
            Resolution {
                timeml: format!("{}-WE", timeml_week(day)),
                meaning: format!("the weekend of {}", weekday_date(saturday)),
                reasoning: format!("{direction_word} weekend"),
                absolute: Some(format!(
                    "the weekend of {}-{}",
                    house.day(saturday),
                    add_days(saturday, 1).day()
                )),
                distance_in_days: None,
                day: None,
            }
        }
        Unit::Month => {
            let month = add_months(publication.first_of_month(), shift);
            let name = month_name(month.month());
            Resolution {
                timeml: format!("{:04}-{:02}", month.year(), month.month()),
                meaning: format!("{name} {}", month.year()),
                reasoning: format!("{direction_word} month"),
                absolute: Some(format!("in {}", house.month(month))),
                distance_in_days: None,
                day: None,
            }
        }
        Unit::Year => {
            let year = publication.year() as i64 + shift;
            Resolution {
                timeml: format!("{year:04}"),
                meaning: year.to_string(),
                reasoning: format!("{direction_word} year"),
                absolute: Some(format!("in {year}")),
                distance_in_days: None,
                day: None,
            }
        }
        Unit::Quarter => {
            let quarter_index =
                (publication.year() as i64) * 4 + (publication.month() as i64 - 1) / 3 + shift;
            let (year, quarter) = (quarter_index.div_euclid(4), quarter_index.rem_euclid(4) + 1);
            let ordinal = ["first", "second", "third", "fourth"][(quarter - 1) as usize];
            Resolution {
                timeml: format!("{year:04}-Q{quarter}"),
                meaning: format!("the {ordinal} quarter of {year}"),
                reasoning: format!("{direction_word} calendar quarter"),
                absolute: Some(format!("in the {ordinal} quarter of {year}")),
                distance_in_days: None,
                day: None,
            }
        }
        Unit::Season(season) => {
            let year = season_year(season, shift, publication);
            // Winter spans two years and is named by both, as readers say it: "winter 2021-22".
            let named = if season == Season::Winter {
                format!("{year}-{:02}", (year + 1) % 100)
            } else {
                year.to_string()
            };
            Resolution {
                timeml: format!("{year:04}-{}", season.code()),
                meaning: format!("{} {named}", season.name()),
                reasoning: format!("{direction_word} {}", season.name()),
                absolute: Some(format!("in the {} of {named}", season.name())),
                distance_in_days: None,
                day: None,
            }
        }
        Unit::Decade => {
            let decade = publication.year() as i64 / 10 + shift;
            Resolution {
                timeml: format!("{decade:03}"),
                meaning: format!("the {}0s", decade),
                reasoning: format!("{direction_word} decade"),
                absolute: Some(format!("in the {decade}0s")),
                distance_in_days: None,
                day: None,
            }
        }
        Unit::Century => {
            let century = publication.year() as i64 / 100 + shift;
            Resolution {
                timeml: format!("{century:02}"),
                meaning: format!("the {}00s", century),
                reasoning: format!("{direction_word} century"),
                absolute: None,
                distance_in_days: None,
                day: None,
            }
        }
    }
}

/// The year a season named relative to the publication date falls in: "last summer" is the
/// most recent summer that has ended, "next summer" the first that has not begun.
fn season_year(season: Season, shift: i64, publication: Date) -> i64 {
    let (first_month, last_month) = season.months();
    let year = publication.year() as i64;
    let month = publication.month();
    let has_begun = month >= first_month || (season == Season::Winter && month <= last_month);
    let has_ended = if season == Season::Winter {
        month > last_month && month < first_month
    } else {
        month > last_month
    };
    // Winter is named after the year it starts in; in January it began the year before.
    let current_winter_year = if season == Season::Winter && month <= last_month {
        year - 1
    } else {
        year
    };
    match shift {
        0 => {
            if season == Season::Winter {
                current_winter_year
            } else {
                year
            }
        }
        value if value < 0 => {
            if season == Season::Winter {
                if has_ended {
                    year - 1
                } else {
                    current_winter_year - 1
                }
            } else if has_ended {
                year
            } else {
                year - 1
            }
        }
        _ => {
            if season == Season::Winter {
                if month <= last_month {
                    year
                } else if has_begun {
                    year + 1
                } else {
                    year
                }
            } else if has_begun {
                year + 1
            } else {
                year
            }
        }
    }
}

fn resolve_ago(unit: Unit, amount: Option<i64>, house: House) -> Resolution {
    let publication = house.publication;
    let Some(amount) = amount else {
        return Resolution {
            timeml: "PAST_REF".to_string(),
            meaning: "an unspecified time before publication".to_string(),
            reasoning: "a vague amount (\"a few\", \"several\") cannot be resolved to a date"
                .to_string(),
            absolute: None,
            distance_in_days: None,
            day: None,
        };
    };
    match unit {
        Unit::Day => day_resolution(
            add_days(publication, -amount),
            None,
            house,
            format!("{amount} days before the publication date"),
        ),
        // TimeML gives "two weeks ago" and "a year ago" the exact day that many units back;
        // the replacement stays as coarse as the words ("the week of Feb. 14", "in 2021").
        Unit::Week | Unit::Month | Unit::Year => {
            let (name, day) = match unit {
                Unit::Week => ("weeks", add_days(publication, -7 * amount)),
                Unit::Month => ("months", add_months(publication, -amount)),
                _ => ("years", add_months(publication, -12 * amount)),
            };
            let mut resolution = resolve_shifted(unit, -amount, house);
            resolution.timeml = day.to_string();
            resolution.meaning = format!("about {}", weekday_date(day));
            resolution.reasoning = format!("{amount} {name} before the publication date");
            resolution
        }
        Unit::Decade => {
            let year = publication.year() as i64 - 10 * amount;
            Resolution {
                timeml: format!("{:03}", year / 10),
                meaning: format!("around {year}"),
                reasoning: format!("{amount} decades before the publication date"),
                absolute: Some(format!("in the {}0s", year / 10)),
                distance_in_days: None,
                day: None,
            }
        }
        other => resolve_shifted(other, -amount, house),
    }
}

/// An expression that counts from an event ("the next morning", "the following Monday", "the
/// day before") resolved from that event's day, when the sentence names it.
pub(crate) fn resolve_from_event(
    expression: &Expression,
    event: Date,
    event_text: &str,
    house: House,
) -> Option<Resolution> {
    let (day, part, how) = match *expression {
        Expression::Shifted {
            unit: Unit::Day,
            shift,
        } => (
            add_days(event, shift),
            None,
            if shift < 0 {
                "the day before"
            } else {
                "the day after"
            }
            .to_string(),
        ),
        Expression::Shifted {
            unit: Unit::Part(part),
            shift,
        } => (
            add_days(event, shift),
            Some(part),
            format!(
                "the {} {}",
                if shift < 0 { "previous" } else { "next" },
                part.name()
            ),
        ),
        Expression::Weekday {
            weekday,
            direction: Some(direction @ (Direction::Past | Direction::Future)),
            part,
        } => {
            let back = (event.weekday().to_monday_zero_offset() - weekday.to_monday_zero_offset())
                .rem_euclid(7) as i64;
            let offset = match direction {
                Direction::Past => -(if back == 0 { 7 } else { back }),
                _ => {
                    let forward = (7 - back) % 7;
                    if forward == 0 {
                        7
                    } else {
                        forward
                    }
                }
            };
            let name = weekday_name(weekday);
            let which = if offset < 0 { "before" } else { "after" };
            (add_days(event, offset), part, format!("the {name} {which}"))
        }
        _ => return None,
    };
    Some(day_resolution(
        day,
        part,
        house,
        format!(
            "counted from the event the sentence names: {how} “{event_text}” ({})",
            weekday_date(event)
        ),
    ))
}
