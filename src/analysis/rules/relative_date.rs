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

use std::ops::Range;

use jiff::civil::{Date, Weekday};

use crate::analysis::calendar::{
    add_days, add_months, explicit_date_after, month_name, timeml_week, week_start, weekday_date,
    weekday_name, weekday_named, written_date_at, House,
};
use crate::analysis::finding::{
    DateDetails, Details, Edit, Finding, Fix, ReferenceSource, RuleCode, Severity,
};
use crate::analysis::quotes::QuoteKind;
use crate::analysis::words::{window, words, Word};
use crate::analysis::Context;

use super::Rule;

pub const RULE: Rule = Rule {
    code: RuleCode::RelativeDate,
    summary: "Date relative to the day of reading (on Monday, yesterday, last week): resolved against the publication date.",
    default_severity: Severity::Warning,
    check,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Direction {
    Past,
    Current,
    Future,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PartOfDay {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl PartOfDay {
    fn from_word(word: &str) -> Option<PartOfDay> {
        match word.to_ascii_lowercase().as_str() {
            "morning" => Some(PartOfDay::Morning),
            "afternoon" => Some(PartOfDay::Afternoon),
            "evening" => Some(PartOfDay::Evening),
            "night" | "overnight" => Some(PartOfDay::Night),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            PartOfDay::Morning => "morning",
            PartOfDay::Afternoon => "afternoon",
            PartOfDay::Evening => "evening",
            PartOfDay::Night => "night",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    /// TimeML's season codes.
    fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Season::Spring => "spring",
            Season::Summer => "summer",
            Season::Fall => "fall",
            Season::Winter => "winter",
        }
    }

    /// The first and last month of the season in the northern hemisphere; winter starts in
    /// December of the year it is named after.
    fn months(self) -> (i8, i8) {
        match self {
            Season::Spring => (3, 5),
            Season::Summer => (6, 8),
            Season::Fall => (9, 11),
            Season::Winter => (12, 2),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
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
    fn from_word(word: &str) -> Option<(Unit, bool)> {
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
            ("fall" | "autumn", _) => return Some((Unit::Season(Season::Fall), false)),
            ("winter", _) => return Some((Unit::Season(Season::Winter), false)),
            (part, _) => return PartOfDay::from_word(part).map(|part| (Unit::Part(part), false)),
        };
        Some((unit, plural))
    }
}

/// A recognised expression before resolution.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Expression {
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
    /// yesterday (-1), today (0), tomorrow (+1), with an optional part of the day.
    DayOffset { days: i64, part: Option<PartOfDay> },
    /// this (0) / last (-1) / next (+1) week, month, year ...
    Shifted { unit: Unit, shift: i64 },
    /// "three days ago"; `amount` is None for "a few" or "several".
    Ago { unit: Unit, amount: Option<i64> },
    /// "the past three years": a stretch of time up to the publication date.
    Stretch { unit: Unit, amount: Option<i64> },
}

struct Match {
    /// The whole expression, e.g. "last Thursday night".
    range: Range<usize>,
    /// The part a replacement rewrites, e.g. "last Thursday" in "late last Thursday".
    replace: Range<usize>,
    expression: Expression,
    /// "early" or "late" when it is part of the rewritten phrase ("late on the night of ...").
    edge: Option<&'static str>,
}

/// The outcome of resolving an expression against the publication date.
struct Resolution {
    timeml: String,
    meaning: String,
    reasoning: String,
    /// The absolute form that can replace the expression, if there is one.
    absolute: Option<String>,
    /// Days between the publication date and the resolved day, for day-level expressions.
    distance_in_days: Option<i64>,
    /// The resolved day, for day-level expressions.
    day: Option<Date>,
}

const WEEKDAY_EVENT_PREFIXES: &[&str] = &[
    "black", "good", "cyber", "super", "ash", "bloody", "easter", "palm", "holy", "maundy",
    "giving", "shrove", "fat",
];
const WEEKDAY_NAME_SUFFIXES: &[&str] = &[
    "times",
    "telegraph",
    "express",
    "mirror",
    "herald",
    "post",
    "observer",
    "mail",
    "star",
    "tribune",
    "football",
    "service",
    "school",
    "club",
];
const NUMBER_WORDS: &[(&str, i64)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("fifteen", 15),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("hundred", 100),
];
const VAGUE_AMOUNTS: &[&str] = &["few", "several", "couple", "many"];
const FILLERS: &[&str] = &["fiscal", "financial", "calendar", "school", "academic"];
/// Words that put a clause in the future ("will meet", "plans to meet").
#[rustfmt::skip]
const FUTURE_MARKERS: &[&str] = &[
    "will", "shall", "won't", "going", "upcoming", "plans", "plan", "intends", "aims", "would",
    "'ll", "wants", "hopes", "until", "tomorrow", "next", "seeks", "vows", "promises",
];
/// Participles that point forward after "is"/"are" ("is scheduled to") and backward after
/// "was"/"had been" ("had been due to expire").
#[rustfmt::skip]
const SCHEDULE_WORDS: &[&str] = &[
    "scheduled", "expected", "due", "set", "planned", "slated", "poised", "likely", "supposed",
];
/// Words that put a clause in the past: auxiliaries and common irregular past tenses (regular
/// ones are recognised by their "-ed").
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
/// A month and day without a year within this many days of publication is taken as meant.
const MONTH_DAY_NEAR_DAYS: i64 = 90;
const PREPOSITIONS: &[&str] = &[
    "in",
    "since",
    "until",
    "by",
    "from",
    "during",
    "of",
    "before",
    "after",
    "through",
    "to",
    "for",
    "over",
    "on",
    "at",
    "till",
    "throughout",
];

fn check(context: &Context, findings: &mut Vec<Finding>) {
    let reference = context.reference;
    for paragraph in &context.paragraphs {
        let paragraph_words = words(context.masked, paragraph.range.clone());
        for found in scan(context.masked, &paragraph_words) {
            let in_dateline = context.dateline.as_ref().is_some_and(|dateline| {
                found.range.start < dateline.end && dateline.start < found.range.end
            });
            if in_dateline {
                continue;
            }
            let sentence = context.sentence_at(paragraph, found.range.start);
            let tense = tense_near(context.masked, sentence, &found.range);
            let house = House {
                publication: reference.date,
                style: context.settings.date_style,
            };
            let resolution = resolve(&found.expression, house, tense);
            let month_day = matches!(found.expression, Expression::MonthDay { .. });
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
            let near_weekday = matches!(
                found.expression,
                Expression::Weekday { .. } | Expression::DatedWeekday { .. }
            ) && resolution
                .distance_in_days
                .is_some_and(|days| days.abs() <= 7);
            let severity = if in_quotation
                || month_day
                || (near_weekday && reference.source != ReferenceSource::AssumedToday)
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

/// The fixes of a relative date: replace it with the absolute date; for a weekday, also keep it
/// and add the date ("on Thursday, Feb. 24"); inside a quotation, only the bracketed date.
fn fixes_for(
    context: &Context,
    found: &Match,
    absolute: &str,
    resolution: &Resolution,
    house: House,
    in_quotation: bool,
) -> Vec<Fix> {
    if in_quotation {
        // A quotation is never rewritten: the date goes in brackets after the words.
        let bracketed = absolute.strip_prefix("in ").unwrap_or(absolute);
        return vec![Fix {
            title: format!("Add the date in brackets: [{bracketed}]"),
            edits: vec![Edit::insert(found.range.end, format!(" [{bracketed}]"))],
        }];
    }
    let mut fixes = vec![replacement_fix(context, found, absolute)];
    let possessive = context.text[found.range.end..].starts_with(['\'', '’']);
    if let (Expression::Weekday { part: None, .. }, Some(day), false) =
        (&found.expression, resolution.day, possessive)
    {
        // AP's form for a date more than a week away, and a clear one for any weekday: the
        // weekday stays and the date follows, set off by commas when the sentence goes on.
        let continues = context.text[found.range.end..]
            .chars()
            .next()
            .is_some_and(|next| next.is_whitespace() || next.is_alphanumeric());
        let date = house.day(day);
        let insertion = if continues {
            format!(", {date},")
        } else {
            format!(", {date}")
        };
        fixes.push(Fix {
            title: format!("Add the date: “{}”", house.weekday_and_day(day)),
            edits: vec![Edit::insert(found.range.end, insertion)],
        });
    }
    fixes
}

fn replacement_fix(context: &Context, found: &Match, absolute: &str) -> Fix {
    let before = context.masked[..found.replace.start].trim_end();
    let after_preposition = before
        .rsplit(|character: char| !character.is_alphabetic())
        .next()
        .is_some_and(|word| PREPOSITIONS.contains(&word.to_ascii_lowercase().as_str()));
    let after = &context.text[found.replace.end..];
    let possessive_ending = ["'s", "’s", "'", "’"]
        .into_iter()
        .find(|ending| after.starts_with(ending));
    let bare = absolute.strip_prefix("in ").unwrap_or(absolute);
    if let Some(ending) = possessive_ending {
        // "Thursday's inspection" becomes "the Feb. 24 inspection": a date is not an owner.
        let sentence_start = before.is_empty() || before.ends_with(['.', '!', '?', '"', '“']);
        let article = if sentence_start { "The" } else { "the" };
        let bare = bare.strip_prefix("the ").unwrap_or(bare);
        let replacement = format!("{article} {bare}");
        return Fix {
            title: format!("Replace with “{replacement}”"),
            edits: vec![Edit::replace(
                found.replace.start..found.replace.end + ending.len(),
                replacement,
            )],
        };
    }
    // "in January" reads as a sentence only when no preposition stands before it already.
    let replacement = match found.edge {
        Some(edge) => format!("{edge} on {absolute}"),
        None if after_preposition => bare.to_string(),
        None => absolute.to_string(),
    };
    Fix {
        title: format!("Replace with “{replacement}”"),
        edits: vec![Edit::replace(found.replace.clone(), replacement)],
    }
}

fn number_value(word: &Word) -> Option<i64> {
    if let Ok(value) = word.text.parse::<i64>() {
        return Some(value);
    }
    NUMBER_WORDS
        .iter()
        .find(|(name, _)| word.is(name))
        .map(|(_, value)| *value)
}

/// Whether only spaces separate two words (no punctuation between them).
fn adjacent(text: &str, left: &Word, right: &Word) -> bool {
    text[left.range.end..right.range.start].trim().is_empty()
}

fn scan(text: &str, paragraph_words: &[Word]) -> Vec<Match> {
    let mut matches: Vec<Match> = Vec::new();
    let mut index = 0;
    while index < paragraph_words.len() {
        let consumed = match_at(text, paragraph_words, index);
        match consumed {
            Some((found, next_index)) => {
                matches.push(found);
                index = next_index.max(index + 1);
            }
            None => index += 1,
        }
    }
    matches
}

/// Tries to match an expression starting at word `index`; returns it and the index after it.
fn match_at(text: &str, all: &[Word], index: usize) -> Option<(Match, usize)> {
    let word = &all[index];
    let next = |offset: usize| {
        all.get(index + offset)
            .filter(|candidate| adjacent(text, &all[index + offset - 1], candidate))
    };
    let lower = word.without_possessive().to_ascii_lowercase();

    // yesterday / today / tonight / tomorrow / overnight, with an optional part of the day.
    let day_offset = match lower.as_str() {
        "yesterday" => Some((-1, None)),
        "today" => Some((0, None)),
        "tonight" => Some((0, Some(PartOfDay::Night))),
        "tomorrow" => Some((1, None)),
        "overnight" => Some((0, Some(PartOfDay::Night))),
        _ => None,
    };
    // "the year-ago quarter": a compound that means a year before publication.
    if let Some(unit_word) = lower.strip_suffix("-ago") {
        if let Some((unit @ (Unit::Week | Unit::Month | Unit::Year), false)) =
            Unit::from_word(unit_word)
        {
            return Some((
                Match {
                    range: word.range.clone(),
                    replace: word.range.clone(),
                    expression: Expression::Ago {
                        unit,
                        amount: Some(1),
                    },
                    edge: None,
                },
                index + 1,
            ));
        }
    }
    if let Some((days, part)) = day_offset {
        let mut end = index + 1;
        let mut part = part;
        if part.is_none() {
            if let Some(following) =
                next(1).and_then(|candidate| PartOfDay::from_word(candidate.text))
            {
                part = Some(following);
                end += 1;
            }
        }
        return Some((
            Match {
                range: word.range.start..all[end - 1].range.end,
                replace: word.range.start..all[end - 1].range.end,
                expression: Expression::DayOffset { days, part },
                edge: None,
            },
            end,
        ));
    }

    // A weekday name, possibly with modifiers before it and a part of the day after it.
    if let Some(weekday) = weekday_named(word.without_possessive()) {
        return match_weekday(text, all, index, weekday);
    }

    // "three days ago", "a week ago", "a few years ago".
    if let Some(found) = match_ago(text, all, index) {
        return Some(found);
    }

    // "the day before", "the week after", when nothing names another event after it.
    if word.is("the") {
        if let (Some(unit_word), Some(relation)) = (next(1), next(2)) {
            let unit = Unit::from_word(unit_word.text)
                .filter(|(_, plural)| !plural)
                .map(|(unit, _)| unit);
            if let (Some(unit @ (Unit::Day | Unit::Week | Unit::Month | Unit::Year)), true) =
                (unit, relation.is_any(&["before", "after"]))
            {
                let rest = text[relation.range.end..].trim_start();
                let ends_phrase = !rest.starts_with(|character: char| character.is_alphanumeric());
                if ends_phrase {
                    let shift = if relation.is("before") { -1 } else { 1 };
                    return Some((
                        Match {
                            range: word.range.start..relation.range.end,
                            replace: word.range.start..relation.range.end,
                            expression: Expression::Shifted { unit, shift },
                            edge: None,
                        },
                        index + 3,
                    ));
                }
            }
        }
    }

    // "over the weekend".
    if word.is("over") {
        if let (Some(article), Some(weekend)) = (next(1), next(2)) {
            if article.is("the") && weekend.is("weekend") {
                return Some((
                    Match {
                        range: article.range.start..weekend.range.end,
                        replace: article.range.start..weekend.range.end,
                        expression: Expression::Shifted {
                            unit: Unit::Weekend,
                            shift: -1,
                        },
                        edge: None,
                    },
                    index + 3,
                ));
            }
        }
    }

    // "March 3" with no year; one with a year is an absolute date, skipped whole.
    if let Some(written) = written_date_at(text, all, index) {
        if written.year.is_some() {
            return None;
        }
        return Some((
            Match {
                range: all[written.first].range.start..all[written.last].range.end,
                replace: all[written.first].range.start..all[written.last].range.end,
                expression: Expression::MonthDay {
                    month: written.month,
                    day: written.day,
                    day_first: written.day_first,
                },
                edge: None,
            },
            written.last + 1,
        ));
    }
    match_shifted(text, all, index)
}

fn match_weekday(
    text: &str,
    all: &[Word],
    index: usize,
    weekday: Weekday,
) -> Option<(Match, usize)> {
    let word = &all[index];
    let previous = |offset: usize| {
        index
            .checked_sub(offset)
            .and_then(|at| all.get(at))
            .filter(|candidate| adjacent(text, candidate, &all[index - offset + 1]))
    };
    // "every Monday" is a habit; "Black Friday" and "Super Tuesday" are names.
    if let Some(before) = previous(1) {
        if before.is_any(&["every", "each"])
            || (before.is_capitalised() && before.is_any(WEEKDAY_EVENT_PREFIXES))
        {
            return None;
        }
    }
    let after = all
        .get(index + 1)
        .filter(|candidate| adjacent(text, word, candidate));
    if let Some(after) = after {
        if after.is_capitalised() && after.is_any(WEEKDAY_NAME_SUFFIXES) {
            return None;
        }
    }
    // "Monday, March 3, 2026" names its date; "Saturday, April 25" names all but the year.
    if let Some((month, day, year, last)) = explicit_date_after(text, all, index)
        .map(|date| (date.month, date.day, date.year, date.last))
    {
        if year.is_some() {
            return None;
        }
        return Some((
            Match {
                range: word.range.start..all[last].range.end,
                replace: word.range.start..all[last].range.end,
                expression: Expression::DatedWeekday {
                    weekday,
                    month,
                    day,
                },
                edge: None,
            },
            last + 1,
        ));
    }
    // Modifiers before the weekday: a deictic word ("last", "next", "this"), possibly after
    // "the" ("the following Monday"), "this" ("this past Monday") or "early"/"late".
    let mut start = index;
    let mut direction = None;
    let mut edge: Option<&'static str> = None;
    if let Some(modifier) = previous(1) {
        if let Some(found) = deictic_direction(modifier) {
            direction = Some(found);
            start = index - 1;
            if let Some(before) = previous(2) {
                let articled = (before.is("the") && modifier.is_any(&["following", "previous"]))
                    || (before.is("this") && modifier.is("past"));
                if articled {
                    start = index - 2;
                } else if let Some(found_edge) = edge_word(before) {
                    start = index - 2;
                    edge = Some(found_edge);
                }
            }
        } else if let Some(found_edge) = edge_word(modifier) {
            start = index - 1;
            edge = Some(found_edge);
        } else if let (true, Some(found_edge)) =
            (modifier.is("on"), previous(2).and_then(edge_word))
        {
            // "late on Sunday": the "on" belongs to the phrase the fix rewrites.
            start = index - 2;
            edge = Some(found_edge);
        }
    }
    let mut end = index + 1;
    let mut part = None;
    if let Some(found) = after.and_then(|after| PartOfDay::from_word(after.text)) {
        part = Some(found);
        end += 1;
    }
    // "Monday's meeting": the possessive ending stays outside the expression.
    let weekday_end = word.range.start + word.without_possessive().len();
    let range_end = if part.is_some() {
        all[end - 1].range.end
    } else {
        weekday_end
    };
    // Without a part of the day the replacement rewrites the deictic words and the weekday and
    // leaves "early"/"late" in place ("late Feb. 24"); with one, it rewrites the whole phrase
    // ("late on the night of Feb. 24").
    let replace_start = match (edge, part) {
        (Some(_), None) => all[start + 1].range.start,
        _ => all[start].range.start,
    };
    Some((
        Match {
            range: all[start].range.start..range_end,
            replace: replace_start..range_end,
            expression: Expression::Weekday {
                weekday,
                direction,
                part,
            },
            edge: edge.filter(|_| part.is_some()),
        },
        end,
    ))
}

fn deictic_direction(word: &Word) -> Option<Direction> {
    match word.text.to_ascii_lowercase().as_str() {
        "last" | "past" | "previous" => Some(Direction::Past),
        "next" | "coming" | "following" => Some(Direction::Future),
        "this" => Some(Direction::Current),
        _ => None,
    }
}

fn edge_word(word: &Word) -> Option<&'static str> {
    match word.text.to_ascii_lowercase().as_str() {
        "early" | "earlier" => Some("early"),
        "late" | "later" => Some("late"),
        _ => None,
    }
}

fn match_ago(text: &str, all: &[Word], index: usize) -> Option<(Match, usize)> {
    // amount [few|several] unit "ago"
    let word = &all[index];
    let mut cursor = index;
    let amount = if word.is_any(&["a", "an", "one"]) {
        Some(1)
    } else if let Some(value) = number_value(word) {
        Some(value)
    } else if word.is_any(VAGUE_AMOUNTS) {
        None
    } else {
        return None;
    };
    let mut amount = amount;
    let mut next_word = all.get(cursor + 1)?;
    if next_word.is_any(VAGUE_AMOUNTS) {
        amount = None;
        cursor += 1;
        next_word = all.get(cursor + 1)?;
    }
    if next_word.is("of") {
        cursor += 1;
        next_word = all.get(cursor + 1)?;
    }
    let (unit, _) = Unit::from_word(next_word.text)?;
    if matches!(
        unit,
        Unit::Part(_) | Unit::Season(_) | Unit::Weekend | Unit::Quarter
    ) {
        return None;
    }
    let mut ago = all.get(cursor + 2)?;
    // "a week or so ago"
    if ago.is("or") && all.get(cursor + 3).is_some_and(|so| so.is("so")) {
        cursor += 2;
        ago = all.get(cursor + 2)?;
    }
    if !ago.is("ago") || !adjacent(text, &all[cursor + 1], ago) {
        return None;
    }
    Some((
        Match {
            range: word.range.start..ago.range.end,
            replace: word.range.start..ago.range.end,
            expression: Expression::Ago { unit, amount },
            edge: None,
        },
        cursor + 3,
    ))
}

/// "last week", "this month", "next year", "earlier this week", "the past three years",
/// "last fiscal year", "this morning", "last night".
fn match_shifted(text: &str, all: &[Word], index: usize) -> Option<(Match, usize)> {
    let first = &all[index];
    let mut cursor = index;
    // An optional "early", "late", "earlier" or "later" before the deictic word.
    if first.is_any(&["early", "late", "earlier", "later"]) {
        cursor += 1;
    }
    let mut deictic = all.get(cursor)?;
    if cursor > index && !adjacent(text, &all[cursor - 1], deictic) {
        return None;
    }
    let mut shift = match deictic.text.to_ascii_lowercase().as_str() {
        "this" => 0,
        "last" | "past" | "previous" => -1,
        "next" | "coming" => 1,
        _ => return None,
    };
    // "this past weekend" is the last one.
    if deictic.is("this") {
        if let Some(past) = all.get(cursor + 1).filter(|next| next.is("past")) {
            shift = -1;
            cursor += 1;
            deictic = past;
        }
    }
    let mut amount: Option<Option<i64>> = None;
    let mut unit_index = cursor + 1;
    let candidate = all.get(unit_index)?;
    if !adjacent(text, deictic, candidate) {
        return None;
    }
    if let Some(value) = number_value(candidate) {
        amount = Some(Some(value));
        unit_index += 1;
    } else if candidate.is_any(VAGUE_AMOUNTS) {
        amount = Some(None);
        unit_index += 1;
    } else if candidate.is_any(FILLERS) {
        unit_index += 1;
    }
    let unit_word = all.get(unit_index)?;
    if !adjacent(text, &all[unit_index - 1], unit_word) {
        return None;
    }
    let (unit, plural) = Unit::from_word(unit_word.without_possessive())?;
    // "the last week of March" is not relative to today; neither is "the next day".
    if all
        .get(unit_index + 1)
        .is_some_and(|after| after.is("of") && adjacent(text, unit_word, after))
    {
        return None;
    }
    let previous_is_the =
        index > 0 && all[index - 1].is("the") && adjacent(text, &all[index - 1], first);
    if unit == Unit::Day && amount.is_none() {
        return None;
    }
    if plural && amount.is_none() {
        return None;
    }
    if !plural && amount.is_some_and(|value| value != Some(1)) {
        return None;
    }
    let expression = match amount {
        Some(amount) if shift < 0 => Expression::Stretch { unit, amount },
        Some(_) => return None,
        None => Expression::Shifted { unit, shift },
    };
    let _ = previous_is_the;
    let range = first.range.start..unit_word.range.end;
    let replace = if first.is_any(&["early", "late", "earlier", "later"]) {
        deictic.range.start.min(all[cursor].range.start)..unit_word.range.end
    } else {
        range.clone()
    };
    let range_end = if unit_word.without_possessive().len() < unit_word.text.len() {
        unit_word.range.start + unit_word.without_possessive().len()
    } else {
        unit_word.range.end
    };
    Some((
        Match {
            range: range.start..range_end,
            replace: replace.start..range_end,
            expression,
            edge: None,
        },
        unit_index + 1,
    ))
}

/// The tense of the clause around an expression, from the nearest tense marker in its sentence.
fn tense_near(text: &str, sentence: Range<usize>, expression: &Range<usize>) -> Option<Direction> {
    // The verb that sets the tense stands near the expression; a bounded reach keeps a
    // "sentence" of thousands of dates linear.
    let sentence_words = words(text, window(text, sentence, expression, TENSE_REACH));
    let mut best: Option<(usize, Direction)> = None;
    for (index, word) in sentence_words.iter().enumerate() {
        if expression.start <= word.range.start && word.range.end <= expression.end {
            continue;
        }
        let previous = index.checked_sub(1).map(|at| &sentence_words[at]);
        let Some(direction) = tense_of(word, previous) else {
            continue;
        };
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
    if PAST_MARKERS.contains(&lower.as_str()) || is_past_participle(&lower) {
        return Some(Direction::Past);
    }
    None
}

fn is_past_participle(lower: &str) -> bool {
    const NOT_PAST: &[&str] = &[
        "need", "speed", "seed", "indeed", "proceed", "exceed", "succeed", "breed", "embed",
        "hundred", "united", "limited", "red", "bed", "feed", "weed", "deed", "greed", "naked",
        "sacred", "wicked", "kindred", "rugged",
    ];
    lower.len() > 4 && lower.ends_with("ed") && !NOT_PAST.contains(&lower)
}

fn resolve(expression: &Expression, house: House, tense: Option<Direction>) -> Resolution {
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
        Expression::MonthDay { month, day, .. } => resolve_month_day(month, day, house, tense),
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

fn day_resolution(
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

/// A month and day without a year: the next such date in a future-tense clause ("opens on
/// June 2"), the last one in a past-tense clause, else the nearest to publication.
fn resolve_month_day(month: i8, day: i8, house: House, tense: Option<Direction>) -> Resolution {
    let publication = house.publication;
    let candidates: Vec<Date> = [-1i16, 0, 1]
        .iter()
        .filter_map(|shift| Date::new(publication.year() + shift, month, day).ok())
        .collect();
    let (chosen, how) = match tense {
        Some(Direction::Future) => (
            candidates.iter().copied().find(|date| *date >= publication),
            "future tense: the next",
        ),
        Some(Direction::Past) => (
            candidates
                .iter()
                .rev()
                .copied()
                .find(|date| *date <= publication),
            "past tense: the last",
        ),
        _ => (None, "no tense signal: the nearest"),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::rules::tests::{apply_first_fix, findings_of, settings};
    use crate::analysis::{analyze, Format};

    const RULE: RuleCode = RuleCode::RelativeDate;

    /// (text, expression, TimeML value) with the publication date Monday, Feb. 28, 2022.
    fn resolved(text: &str) -> Vec<(String, String)> {
        analyze(text, Format::PlainText, &settings())
            .findings
            .into_iter()
            .filter(|finding| finding.rule == RULE)
            .map(|finding| {
                (
                    text[finding.span.clone()].to_string(),
                    finding.resolved_date().unwrap_or_default().to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn resolves_expressions_against_the_publication_date() {
        for (text, expression, value) in [
            ("The invasion began on Thursday.", "Thursday", "2022-02-24"),
            ("Talks will resume on Thursday.", "Thursday", "2022-03-03"),
            ("Talks started on Monday.", "Monday", "2022-02-28"),
            ("He spoke on Sunday.", "Sunday", "2022-02-27"),
            ("He arrived last Friday.", "last Friday", "2022-02-25"),
            ("She leaves next Wednesday.", "next Wednesday", "2022-03-02"),
            (
                "The vote was held late Monday night.",
                "late Monday night",
                "2022-02-28TNI",
            ),
            ("The results came yesterday.", "yesterday", "2022-02-27"),
            ("The results come tomorrow.", "tomorrow", "2022-03-01"),
            ("Rain is expected tonight.", "tonight", "2022-02-28TNI"),
            ("Prices rose last week.", "last week", "2022-W08"),
            ("Prices rose this week.", "this week", "2022-W09"),
            ("Prices fell last month.", "last month", "2022-01"),
            ("Prices may fall next month.", "next month", "2022-03"),
            ("Prices fell last year.", "last year", "2021"),
            (
                "Prices fell earlier this year.",
                "earlier this year",
                "2022",
            ),
            (
                "The plant closed three days ago.",
                "three days ago",
                "2022-02-25",
            ),
            (
                "The plant closed two years ago.",
                "two years ago",
                "2020-02-28",
            ),
            (
                "The plant closed two weeks ago.",
                "two weeks ago",
                "2022-02-14",
            ),
            ("Sales grew last quarter.", "last quarter", "2021-Q4"),
            ("Sales grew last summer.", "last summer", "2021-SU"),
            ("It rained over the weekend.", "the weekend", "2022-W08-WE"),
            (
                "The fire started last night.",
                "last night",
                "2022-02-27TNI",
            ),
            (
                "The mayor resigned this morning.",
                "this morning",
                "2022-02-28TMO",
            ),
            ("Monday's meeting ran late.", "Monday", "2022-02-28"),
            (
                "The editorial ran on Saturday, Feb. 26: it was short.",
                "Saturday, Feb. 26",
                "2022-02-26",
            ),
            (
                "Outflows peaked Friday Feb. 25 alone.",
                "Friday Feb. 25",
                "2022-02-25",
            ),
            (
                "Profit fell from the year-ago quarter.",
                "year-ago",
                "2021-02-28",
            ),
            (
                "It started a week or so ago.",
                "a week or so ago",
                "2022-02-21",
            ),
            (
                "The offer had been due to expire Friday.",
                "Friday",
                "2022-02-25",
            ),
            ("The offer is due to expire Friday.", "Friday", "2022-03-04"),
            (
                "Shares bought from Jan. 4 to Thursday rose.",
                "Thursday",
                "2022-02-24",
            ),
        ] {
            assert_eq!(
                resolved(text),
                vec![(expression.to_string(), value.to_string())],
                "{text}"
            );
        }
    }

    #[test]
    fn leaves_habits_names_durations_and_absolute_dates_alone() {
        for text in [
            "The market opens every Monday.",
            "Shops open on Mondays.",
            "Black Friday sales were strong.",
            "The talks lasted for three days.",
            "It was signed on Monday, March 3, 2025.",
            "It was the last week of March.",
            "The vote came the next day.",
            "Analysts expect gains in the coming weeks.",
            "The Sunday Times reported it first.",
        ] {
            assert_eq!(findings_of(RULE, text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn fixes_write_the_absolute_date_in_ap_style() {
        for (text, fixed) in [
            (
                "The invasion began on Thursday.",
                "The invasion began on Feb. 24.",
            ),
            ("Prices fell last month.", "Prices fell in January."),
            (
                "Prices have risen since last month.",
                "Prices have risen since January.",
            ),
            (
                "Last year's budget was smaller.",
                "The 2021 budget was smaller.",
            ),
            ("The results came yesterday.", "The results came Feb. 27."),
            (
                "\"We will meet on Thursday,\" she said.",
                "\"We will meet on Thursday [March 3],\" she said.",
            ),
            (
                "The storm will stall on Friday night.",
                "The storm will stall on the night of March 4.",
            ),
            (
                "The vote came late Monday night.",
                "The vote came late on the night of Feb. 28.",
            ),
            ("The vote came late Monday.", "The vote came late Feb. 28."),
            (
                "\"Sales rose earlier this year,\" she said.",
                "\"Sales rose earlier this year [2022],\" she said.",
            ),
            (
                "Heating bills soared this winter.",
                "Heating bills soared in the winter of 2021-22.",
            ),
        ] {
            assert_eq!(apply_first_fix(RULE, text), fixed, "{text}");
        }
    }

    /// Applies fix number `index` of the first relative-date finding under `style`.
    fn fixed_with(text: &str, style: crate::analysis::settings::DateStyle, index: usize) -> String {
        let mut settings = settings();
        settings.date_style = style;
        let analysis = analyze(text, Format::PlainText, &settings);
        let finding = analysis
            .findings
            .iter()
            .find(|finding| finding.rule == RULE)
            .expect("a date finding");
        let mut fixed = text.to_string();
        for edit in finding.fixes[index].edits.iter().rev() {
            fixed.replace_range(edit.range.clone(), &edit.replacement);
        }
        fixed
    }

    #[test]
    fn fixes_follow_the_house_style_and_can_keep_the_weekday() {
        use crate::analysis::settings::DateStyle::{Ap, Iso, Long};
        let text = "The invasion began on Thursday and spread.";
        assert_eq!(
            fixed_with(text, Ap, 0),
            "The invasion began on Feb. 24 and spread."
        );
        assert_eq!(
            fixed_with(text, Iso, 0),
            "The invasion began on 2022-02-24 and spread."
        );
        assert_eq!(
            fixed_with(text, Long, 0),
            "The invasion began on 24 February 2022 and spread."
        );
        assert_eq!(
            fixed_with(text, Ap, 1),
            "The invasion began on Thursday, Feb. 24, and spread."
        );
        assert_eq!(
            fixed_with("It began on Thursday.", Ap, 1),
            "It began on Thursday, Feb. 24."
        );
        assert_eq!(
            fixed_with("Prices fell last month.", Long, 0),
            "Prices fell in January 2022."
        );
    }

    #[test]
    fn a_month_and_day_far_from_publication_asks_for_the_year() {
        let analysis = analyze(
            "The law takes effect on Oct. 3 and the review ends 3 March. The vote is on March 10.",
            Format::PlainText,
            &settings(),
        );
        let found: Vec<(&str, Severity)> = analysis
            .findings
            .iter()
            .map(|finding| (finding.resolved_date().unwrap_or(""), finding.severity))
            .collect();
        // Oct. 3 is 217 days after Feb. 28, 2022 and 148 days before it: the nearest reading is
        // Oct. 3, 2021. March 3 and March 10 are within a few days and need no year.
        assert_eq!(found, vec![("2021-10-03", Severity::Information)]);
        let mut fixed = "It opens on Oct. 3.".to_string();
        let analysis = analyze(&fixed, Format::PlainText, &settings());
        let edit = &analysis.findings[0].fixes[0].edits[0];
        fixed.replace_range(edit.range.clone(), &edit.replacement);
        assert_eq!(fixed, "It opens on Oct. 3, 2021.");
    }

    #[test]
    fn the_dateline_gives_the_publication_date_and_is_not_a_finding() {
        // The dateline has no year: it is read in the year nearest today.
        let mut settings = settings();
        settings.reference_date = None;
        settings.today = jiff::civil::date(2022, 3, 2);
        let analysis = analyze(
            "KYIV, Ukraine, Feb. 28 (Reuters) - The invasion began on Thursday.",
            Format::PlainText,
            &settings,
        );
        assert_eq!(analysis.reference.source, ReferenceSource::Dateline);
        assert_eq!(analysis.findings.len(), 1);
        assert_eq!(analysis.findings[0].resolved_date(), Some("2022-02-24"));
    }

    #[test]
    fn nearby_weekdays_are_information_and_far_ones_warnings() {
        let analysis = analyze(
            "It began on Thursday. The plant closed three weeks ago.",
            Format::PlainText,
            &settings(),
        );
        let severities: Vec<Severity> = analysis
            .findings
            .iter()
            .map(|finding| finding.severity)
            .collect();
        assert_eq!(severities, vec![Severity::Information, Severity::Warning]);
    }
}
