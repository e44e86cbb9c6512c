//! # relative-date
//!
//! **What it flags:** dates whose meaning depends on when the story is read: weekday names ("on
//! Monday", "last Thursday", "Friday night"), "yesterday", "today", "tonight", "tomorrow",
//! "overnight", "last week", "this month", "next year", "earlier this week", "three days ago",
//! "the day before".
//!
//! **Why it matters:** copy is read, syndicated and archived long after it is written; "on
//! Monday" in a story first read on Wednesday sends readers to the wrong day. Each finding is
//! resolved against the draft's publication date (front matter, else the `referenceDate`
//! setting, else today, marked as assumed), so the editor can check the date the reporter meant.
//!
//! **Example:** with the publication date Monday, Feb. 28, 2022, "the invasion that began on
//! Thursday" means Thursday, Feb. 24, 2022 (past tense: the Thursday before).
//!
//! **Fix:** replace the expression with the absolute date in AP style ("Feb. 24"; the year only
//! when it differs from the publication year). Inside a quotation the words are never changed:
//! the fix adds the date in brackets after them, as editors do (`on Monday [Feb. 28]`).
//! Weekdays within seven days of publication are information only: AP style allows them.
//! So is a direction that is a guess (a plan told in the past: "planned a march on Saturday")
//! and a date counted from an event the sentence does not name ("the next morning").
//! A date counted from a day the words name resolves from it: "the day before last Tuesday's
//! hearing" is the Monday before that Tuesday, "the previous Friday" in a story that named a
//! Friday in the last few paragraphs is the Friday before that one, and a past-tense
//! "overnight" is the night before the story's day (else the night before publication).
//! The nth weekday of a named month in a past or future clause ("was held on the last Friday in
//! August") is one day in the year the tense picks, information only, and the hover says the
//! year is implied.
//!
//! **Not flagged:** habits ("every Monday", "on a Monday", "on Mondays", "any given Sunday",
//! "Monday mornings", "the Sunday edition", "Friday prayers"), yearly rules ("polls close the
//! second Sunday in May"), timetables ("service runs Monday through Friday") and names that
//! contain a date word (USA Today, the Today show, Monday Night Football, a dog named Tuesday,
//! Freaky Friday, the Sept. 11 attacks); a desk adds its own names in the house rules (`[dates] names`), and hovering a
//! name says why it was not read as a date.

use std::ops::Range;

use crate::analysis::calendar::House;
use crate::analysis::calendar::{add_days, weekday_date};
use crate::analysis::dates::expressions::scan;
use crate::analysis::dates::formatting::fixes_for;
use crate::analysis::dates::names::{house_names_in, name_at};
use crate::analysis::dates::resolution::{day_resolution, resolve, resolve_from_event};
use crate::analysis::dates::tense::tense_near;
use crate::analysis::dates::{Direction, Expression, PartOfDay, Unit};
use crate::analysis::finding::{
    DateDetails, Details, Edit, Finding, Fix, ReferenceSource, RuleCode, Severity,
};
use crate::analysis::quotes::QuoteKind;
use crate::analysis::Context;

use super::{Check, Rule};

pub const RULE: Rule = Rule {
    code: RuleCode::RelativeDate,
    summary: "Date relative to the day of reading (on Monday, yesterday, last week): resolved against the publication date.",
    default_severity: Severity::Warning,
    check: Check::Segment(check),
};

/// A month and day without a year within this many days of publication is taken as meant.
const MONTH_DAY_NEAR_DAYS: i64 = 90;

fn check(context: &Context, findings: &mut Vec<Finding>) {
    let reference = context.reference;
    // The days the story has named so far, for "the previous Friday" after "Friday" and for a
    // past-tense "overnight": the story's own time, which the publication date only stands in
    // for. They come from the segments before this one and go on to the one after it.
    let mut story = context.story_days.borrow_mut();
    for (paragraph_index, paragraph) in context.paragraphs.iter().enumerate() {
        let paragraph_words = context.paragraph_words(paragraph_index);
        let house_names = house_names_in(
            context.masked,
            paragraph.range.clone(),
            &context.settings.house.date_names,
        );
        // The last day resolved in the current sentence, for "the next morning" after it.
        let mut event: Option<(Range<usize>, jiff::civil::Date, String)> = None;
        for found in scan(context.masked, paragraph_words) {
            if name_at(context.masked, paragraph_words, &found, &house_names).is_some() {
                continue;
            }
            let in_dateline = context.dateline.as_ref().is_some_and(|dateline| {
                found.range.start < dateline.end && dateline.start < found.range.end
            });
            if in_dateline {
                continue;
            }
            let sentence = context.sentence_at(paragraph, found.range.start);
            let tense = tense_near(context.masked, sentence.clone(), &found.range);
            // "Service runs Monday through Friday": a span of weekdays in a sentence that is
            // neither past nor future is a timetable, every week's Monday to Friday.
            let timetable = matches!(
                found.expression,
                Expression::Weekday {
                    direction: None,
                    part: None,
                    ..
                }
            ) && matches!(tense.direction, None | Some(Direction::Current))
                && in_weekday_span(context.masked, &found.range);
            if timetable {
                continue;
            }
            // "Polls close the second Sunday in May": with no past or future, the nth weekday
            // of a month is every year's rule; "was held on the last Friday in August" is one
            // day.
            let yearly_rule = matches!(found.expression, Expression::WeekdayOfMonth { .. })
                && matches!(tense.direction, None | Some(Direction::Current));
            if yearly_rule {
                continue;
            }
            let house = House {
                publication: reference.date,
                style: context.settings.date_style,
            };
            let mut resolution = resolve(&found.expression, house, tense.direction);
            // A plan told in the past ("planned a march on Saturday") is read as still to
            // come, but that is a guess, and the hover says so.
            let guessed =
                tense.future_in_the_past && resolution.reasoning.starts_with("future tense:");
            if guessed {
                resolution.reasoning = resolution.reasoning.replacen(
                    "future tense:",
                    "a plan or expectation told in the past, read as still to come (a guess: check that it has not happened):",
                    1,
                );
            }
            // "the next morning", "the following Monday" count from an event in the story,
            // which the publication date only stands in for.
            // "the day before last Tuesday's hearing" names the day it counts from.
            let mut anaphoric = is_anaphoric(context.masked, &found.range)
                && !matches!(found.expression, Expression::DayFromWeekday { .. });
            let event_in_sentence = event
                .as_ref()
                .filter(|(event_sentence, _, _)| *event_sentence == sentence);
            if let (true, Some((_, day, text))) = (anaphoric, event_in_sentence) {
                if let Some(from_event) = resolve_from_event(&found.expression, *day, text, house) {
                    resolution = from_event;
                    anaphoric = false;
                }
            }
            // "the previous Friday" in a story that has already named a Friday is the one
            // before it: a writer adds "the previous" only to tell it from the Friday named.
            if let (true, Expression::Weekday { weekday, .. }) = (anaphoric, &found.expression) {
                let named = story.weekday(*weekday, paragraph_index);
                if let Some(from_event) = named
                    .and_then(|(day, text)| resolve_from_event(&found.expression, day, text, house))
                {
                    resolution = from_event;
                    resolution.reasoning = resolution.reasoning.replacen(
                        "the event the sentence names",
                        "the day the story named last",
                        1,
                    );
                    anaphoric = false;
                }
            }
            // A past-tense "overnight" is the night that ended as the story's day began: the
            // night before the last day the story named in this paragraph or the one before,
            // else the night before publication. A day named earlier in the same sentence may
            // be the evening it follows ("voted Thursday and counted overnight"), so there the
            // words are left to the general reading.
            let past_overnight = matches!(
                found.expression,
                Expression::DayOffset {
                    days: 0,
                    part: Some(PartOfDay::Night)
                }
            ) && tense.direction == Some(Direction::Past)
                && context.text[found.range.clone()].eq_ignore_ascii_case("overnight")
                && event_in_sentence.is_none();
            if past_overnight {
                let (anchor, how) = match story.recent(paragraph_index) {
                    Some((day, text)) if day <= reference.date => (
                        day,
                        format!(
                            "the night before the day the story is telling, “{text}” ({})",
                            weekday_date(day)
                        ),
                    ),
                    _ => (reference.date, "the night before publication".to_string()),
                };
                resolution = day_resolution(
                    add_days(anchor, -1),
                    Some(PartOfDay::Night),
                    house,
                    format!("past tense: “overnight” is {how}"),
                );
            }
            if anaphoric {
                resolution.reasoning.push_str(
                    "; relative to an event, not to the publication date: check the event's date",
                );
            }
            if let Some(day) = resolution.day {
                event = Some((
                    sentence.clone(),
                    day,
                    context.text[found.range.clone()].to_string(),
                ));
                if !anaphoric {
                    story.named(
                        paragraph_index,
                        day,
                        &found.expression,
                        &context.text[found.range.clone()],
                    );
                }
            }
            // "early this week", "the start of this year": the words narrow the period but
            // name no day, so the resolution keeps the period.
            let narrowed = matches!(
                found.expression,
                Expression::Shifted { unit, .. } if !matches!(unit, Unit::Day | Unit::Part(_))
            ) && (EDGE_WORDS
                .iter()
                .any(|edge| found_text_starts_with(context.masked, &found.range, edge))
                || ["start of", "beginning of", "end of", "middle of"]
                    .iter()
                    .any(|edge| {
                        context.masked[..found.range.start]
                            .trim_end()
                            .ends_with(edge)
                    }));
            if narrowed {
                resolution.reasoning.push_str(
                    "; the words narrow the period but name no day, so the period is kept",
                );
            }
            let month_day = matches!(found.expression, Expression::MonthDay { .. });
            // "the last Friday in August" names its month: only the year is implied.
            let weekday_of_month = matches!(found.expression, Expression::WeekdayOfMonth { .. });
            // A month and day near the publication date is unambiguous; only a far one asks
            // "which year?".
            if month_day
                && resolution
                    .distance_in_days
                    .is_some_and(|days| days.abs() <= MONTH_DAY_NEAR_DAYS)
            {
                continue;
            }
            let expression_text = context.text[found.range.clone()].to_string();
            let in_quotation = context
                .quotation_at(found.range.start)
                .is_some_and(|quotation| quotation.kind == QuoteKind::Speech);
            // "Tuesday, March 8" near the publication date names its day: it is only checked
            // against the calendar, like a weekday within a week.
            let near_dated_weekday = matches!(found.expression, Expression::DatedWeekday { .. })
                && resolution
                    .distance_in_days
                    .is_some_and(|days| days.abs() <= MONTH_DAY_NEAR_DAYS);
            let near_weekday = matches!(
                found.expression,
                Expression::Weekday { .. }
                    | Expression::DatedWeekday { .. }
                    | Expression::DayFromWeekday { .. }
            ) && resolution
                .distance_in_days
                .is_some_and(|days| days.abs() <= 7);
            let severity = if in_quotation
                || month_day
                || weekday_of_month
                || guessed
                || anaphoric
                || ((near_weekday || near_dated_weekday)
                    && reference.source != ReferenceSource::AssumedToday)
            {
                Severity::Information
            } else {
                RULE.default_severity
            };
            let fixes = match (&found.expression, &resolution.absolute, resolution.day) {
                (Expression::MonthDay { day_first, .. }, _, Some(day)) => {
                    let separator = if *day_first { " " } else { ", " };
                    vec![Fix {
                        title: format!("Add the year: {}", day.year()),
                        edits: vec![Edit::insert(
                            found.range.end,
                            format!("{separator}{}", day.year()),
                        )],
                    }]
                }
                (_, Some(absolute), _) => {
                    fixes_for(context, &found, absolute, &resolution, house, in_quotation)
                }
                _ => Vec::new(),
            };
            let message = match reference.source {
                ReferenceSource::AssumedToday => format!(
                    "Relative date: “{expression_text}” would mean {}, but the draft has no publication date",
                    resolution.meaning
                ),
                _ => format!(
                    "Relative date: “{expression_text}” means {}",
                    resolution.meaning
                ),
            };
            findings.push(Finding {
                rule: RuleCode::RelativeDate,
                span: found.range.clone(),
                severity,
                message,
                details: Details::RelativeDate(DateDetails {
                    expression: expression_text,
                    resolved: resolution.timeml,
                    meaning: resolution.meaning,
                    reasoning: resolution.reasoning,
                    reference,
                    in_quotation,
                    short: resolution.absolute.as_deref().map(|absolute| {
                        absolute.strip_prefix("in ").unwrap_or(absolute).to_string()
                    }),
                }),
                fixes,
                related: Vec::new(),
            });
        }
    }
}

/// Whether the expression counts from another event ("the next morning", "the following
/// Monday", "the previous Friday", "the day before") rather than from the day of reading.
fn is_anaphoric(text: &str, range: &Range<usize>) -> bool {
    let phrase = text[range.clone()].to_ascii_lowercase();
    let before = text[..range.start].trim_end();
    let articled = before
        .rsplit(|character: char| !character.is_alphabetic())
        .next()
        .is_some_and(|word| word.eq_ignore_ascii_case("the"));
    let relative_word = ["next ", "following ", "previous "]
        .iter()
        .any(|word| phrase.starts_with(word));
    (articled && relative_word)
        || phrase.starts_with("the following ")
        || phrase.starts_with("the previous ")
        || phrase.starts_with("the day ")
}

/// Whether the weekday at `range` opens or closes a span of weekdays ("Monday through Friday",
/// "Monday to Friday", "Monday-Friday").
fn in_weekday_span(text: &str, range: &Range<usize>) -> bool {
    /// Source: written for copydesk from the ways news copy writes a span of days ("through", "to",
    /// "thru", a hyphen or a dash).
    const LINKS: &[&str] = &[" through ", " thru ", " to ", "-", "–", " – ", " - "];
    let weekday_at = |rest: &str| {
        let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        crate::analysis::calendar::weekday_named(&word).is_some()
    };
    let ends_weekday = |before: &str| {
        let word: String = before
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        crate::analysis::calendar::weekday_named(&word).is_some()
    };
    let after = &text[range.end..];
    let before = &text[..range.start];
    LINKS.iter().any(|link| {
        after.strip_prefix(link).is_some_and(weekday_at)
            || before.strip_suffix(link).is_some_and(ends_weekday)
    })
}

/// Words that narrow a period to its start or end ("early this week", "mid-month"). Source: written
/// for copydesk from the English modifiers of a period's edge.
const EDGE_WORDS: &[&str] = &["early ", "earlier ", "late ", "later ", "mid-"];

fn found_text_starts_with(text: &str, range: &Range<usize>, prefix: &str) -> bool {
    text[range.clone()].to_ascii_lowercase().starts_with(prefix)
}
