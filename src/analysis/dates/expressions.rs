//! Finding relative date expressions in a paragraph's words: weekdays with their modifiers,
//! yesterday/today/tomorrow, "last week", "three days ago", "the day before" and a month and
//! day without a year.

use jiff::civil::Weekday;

use super::openers::may_open_expression;
use super::written::{weekday_of_a_month, year_written_after, WeekdayOfAMonth};
use super::{Direction, Expression, Match, PartOfDay, Unit};
use crate::analysis::calendar::{explicit_date_after, weekday_named, written_date_at};
use crate::analysis::words::Word;

/// Words that make a weekday after them a named day or a title (Black Friday, Super Tuesday,
/// Good Friday, Freaky Friday). Sources: the moveable feasts of the Christian calendar (The Oxford
/// Dictionary of the Christian Church: Palm, Passion, Low, Trinity, Whit, Mothering Sunday,
/// Shrove and Fat Tuesday, Ash and Spy Wednesday, Maundy and Holy Thursday, Good Friday, Holy
/// Saturday, Easter Sunday and Monday); the shopping, giving and political days of the US
/// calendar (Black Friday, Small Business Saturday, Cyber Monday, Giving Tuesday, Super
/// Tuesday); the days history names (Black Monday and Tuesday, Bloody Sunday); Merriam-Webster's
/// entries "man Friday", "girl Friday" and "blue Monday"; and the best-known titles built on a
/// weekday (the film Freaky Friday, the songs Manic Monday, Ruby Tuesday, Stormy Monday, Gloomy
/// Sunday and Lazy Sunday, the hashtag Throwback Thursday).
#[rustfmt::skip]
pub(crate) const WEEKDAY_EVENT_PREFIXES: &[&str] = &[
    "black", "good", "cyber", "super", "ash", "bloody", "easter", "palm", "holy", "maundy",
    "giving", "shrove", "fat", "passion", "low", "trinity", "whit", "mothering", "spy",
    "business", "man", "girl", "blue", "freaky", "manic", "ruby", "stormy", "gloomy", "lazy",
    "throwback",
];
/// Nouns that make a weekday before them a weekly custom or institution, every such day and no
/// one date: "the Sunday edition", "the Saturday market", "Friday prayers", "Sunday school",
/// "his Sunday best". A noun for one occasion ("the Tuesday deadline", "the Monday vote") keeps
/// the weekday a date. Sources: Merriam-Webster's compounds of a weekday (Sunday school, Sunday
/// best, Sunday driver, Sunday painter, Sunday punch, Sunday supplement), and the weekly
/// newspaper editions, markets, meals and services that news copy names by their day, written
/// for copydesk.
#[rustfmt::skip]
const WEEKDAY_CUSTOM_NOUNS: &[&str] = &[
    "best", "school", "schools", "driver", "drivers", "painter", "painters", "punch",
    "supplement", "supplements", "edition", "editions", "paper", "papers", "section",
    "magazine", "market", "markets", "prayer", "prayers", "mass", "masses", "service",
    "services", "worship", "sermon", "sermons", "roast", "roasts", "brunch", "brunches",
    "matinee", "matinees", "league", "leagues", "shift", "shifts", "sessions", "classes",
    "trading", "newspaper", "newspapers", "lineup", "slot",
];
/// British newspapers named "... on Sunday" (The Mail on Sunday, The Independent on Sunday,
/// Scotland on Sunday, Wales on Sunday), by the word before "on". Source: the titles on the
/// UK's Audit Bureau of Circulations list of Sunday newspapers.
const ON_SUNDAY_TITLES: &[&str] = &["mail", "independent", "scotland", "wales"];
/// Holidays that a weekday is counted from ("the Saturday before Easter", "the Monday after
/// Thanksgiving"): that day is relative to the holiday, not to the publication date.
/// Source: the holidays of the US federal and UK bank holiday calendars and the major religious
/// feasts that news copy counts days from, written for copydesk.
#[rustfmt::skip]
const HOLIDAYS: &[&str] = &[
    "easter", "christmas", "thanksgiving", "passover", "ramadan", "eid", "hanukkah", "diwali",
    "halloween", "pentecost", "lent", "advent",
];
/// Words that make a weekday before them a title (the Sunday Times, Sunday School).
/// Source: written for copydesk from newspaper titles (the Sunday Times) and institutions named for
/// a day (Sunday School).
pub(crate) const WEEKDAY_NAME_SUFFIXES: &[&str] = &[
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
/// Quantifiers that stand for an unstated number of days or weeks ("a few days ago"). Source:
/// written for copydesk from the English quantifiers of a small number.
pub(super) const VAGUE_AMOUNTS: &[&str] = &["few", "several", "couple", "many"];
/// Words between "last" or "next" and a period that name a kind of year ("next fiscal year").
/// Source: written for copydesk from the kinds of year news copy names.
const FILLERS: &[&str] = &["fiscal", "financial", "calendar", "school", "academic"];

fn number_value(word: &Word) -> Option<i64> {
    if let Ok(value) = word.text.parse::<i64>() {
        return Some(value);
    }
    // "ninety days ago" is the same date as "90 days ago".
    crate::analysis::lexicon::number_word_value(word.text).map(i64::from)
}

/// Whether only spaces separate two words (no punctuation between them).
pub(crate) fn adjacent(text: &str, left: &Word, right: &Word) -> bool {
    text[left.range.end..right.range.start].trim().is_empty()
}

pub(crate) fn scan(text: &str, paragraph_words: &[Word]) -> Vec<Match> {
    let mut matches: Vec<Match> = Vec::new();
    let mut index = 0;
    while index < paragraph_words.len() {
        // Most words of a paragraph cannot open a date expression: they are passed over on a
        // look at their first letter and length (and a short list) instead of being tried
        // against every pattern. Debug builds (every test) still try them all, and fail
        // loudly should a pattern ever open with a word the list below does not know.
        if !may_open_expression(&paragraph_words[index]) {
            debug_assert!(
                match_at(text, paragraph_words, index).is_none(),
                "{:?} opens a date expression but is not in OPENING_WORDS",
                paragraph_words[index].text
            );
            index += 1;
            continue;
        }
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
pub(super) fn match_at(text: &str, all: &[Word], index: usize) -> Option<(Match, usize)> {
    let word = &all[index];
    let next = |offset: usize| {
        all.get(index + offset)
            .filter(|candidate| adjacent(text, &all[index + offset - 1], candidate))
    };
    // Every word of every paragraph passes here: its lower-case form is made on the stack,
    // not in a new string each time (a word longer than the buffer is no date word anyway,
    // but is lowered all the same).
    let stem = word.without_possessive();
    let mut buffer = [0u8; 32];
    let spilled;
    let lower: &str = match buffer.get_mut(..stem.len()) {
        Some(bytes) => {
            bytes.copy_from_slice(stem.as_bytes());
            bytes.make_ascii_lowercase();
            std::str::from_utf8(bytes).unwrap_or(stem)
        }
        None => {
            spilled = stem.to_ascii_lowercase();
            &spilled
        }
    };

    // yesterday / today / tonight / tomorrow / overnight, with an optional part of the day.
    let day_offset = match lower {
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

    // "the day before last Tuesday's hearing", "the day after Friday": a day counted from a
    // weekday the phrase names. The weekday is read as it would be alone; the phrase's day is
    // the one before or after it.
    if let Some(found) = match_day_from_weekday(text, all, index) {
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
    // "every Monday" and "any given Sunday" are habits, and "falls on a Monday" any Monday (the
    // article in lower case inside a sentence, or a capital "A" opening one: "A Friday deadline
    // is no deadline"); "Black Friday" and "Super Tuesday" are names.
    if let Some(before) = previous(1) {
        let opens_sentence = text[..before.range.start]
            .trim_end()
            .chars()
            .next_back()
            .is_none_or(|character| ".!?\"“\n".contains(character));
        // "Sunday after Sunday": one after another, a habit.
        let repeated = before.is("after")
            && previous(2).is_some_and(|first| first.is(word.without_possessive()));
        // "every other Tuesday": every second one, a habit too.
        let every_other = before.is("other") && previous(2).is_some_and(|word| word.is("every"));
        // "The Mail on Sunday": a newspaper's title.
        let sunday_title = weekday == Weekday::Sunday
            && before.is("on")
            && previous(2)
                .is_some_and(|title| title.is_capitalised() && title.is_any(ON_SUNDAY_TITLES));
        if before.is_any(&["every", "each", "any", "given"])
            || every_other
            || repeated
            || sunday_title
            || matches!(before.text, "a" | "an")
            || (matches!(before.text, "A" | "An") && opens_sentence)
            || (before.is_capitalised() && before.is_any(WEEKDAY_EVENT_PREFIXES))
        {
            return None;
        }
    }
    match weekday_of_a_month(text, all, index) {
        Some(WeekdayOfAMonth::EveryMonth) => return None,
        Some(WeekdayOfAMonth::InMonth {
            nth,
            month,
            first,
            last,
        }) => {
            let range = all[first].range.start..all[last].range.end;
            return Some((
                Match {
                    range: range.clone(),
                    replace: range,
                    expression: Expression::WeekdayOfMonth {
                        nth,
                        weekday,
                        month,
                    },
                    edge: None,
                },
                last + 1,
            ));
        }
        None => {}
    }
    let after = all
        .get(index + 1)
        .filter(|candidate| adjacent(text, word, candidate));
    if let Some(after) = after {
        // "Monday mornings", "Friday nights": a plural part of the day is every such one.
        let recurring_part = after.is_any(&["mornings", "afternoons", "evenings", "nights"]);
        // "the Sunday edition", "Friday prayers": a weekly custom, unless the weekday is a
        // possessive, which names one day's ("Sunday's edition").
        let custom = word.text == word.without_possessive() && after.is_any(WEEKDAY_CUSTOM_NOUNS);
        // "Monday's child is fair of face": the nursery rhyme (Roud 19299), not a day.
        let rhyme = word.text != word.without_possessive() && after.is_any(&["child"]);
        // "the Thursday night lineup": a part of the day before a weekly custom.
        let custom = custom
            || (PartOfDay::from_word(after.text).is_some()
                && all
                    .get(index + 2)
                    .filter(|third| adjacent(text, after, third))
                    .is_some_and(|third| third.is_any(WEEKDAY_CUSTOM_NOUNS)));
        // "the Saturday before Easter": counted from a holiday, not from publication.
        let from_a_holiday = after.is_any(&["before", "after"])
            && all
                .get(index + 2)
                .filter(|third| adjacent(text, after, third))
                .is_some_and(|third| third.is_capitalised() && third.is_any(HOLIDAYS));
        // "begins Friday night each week": the clause says the day recurs.
        let mut clause = vec![word];
        for next in all[index + 1..].iter().take(3) {
            if !adjacent(text, clause[clause.len() - 1], next) {
                break;
            }
            clause.push(next);
        }
        let rest = match clause.get(1) {
            Some(part) if PartOfDay::from_word(part.text).is_some() => &clause[2..],
            _ => &clause[1..],
        };
        let weekly = rest.len() >= 2 && rest[0].is_any(&["each", "every"]) && rest[1].is("week");
        // "Sunday after Sunday": the first of the pair.
        let repeated = after.is("after")
            && all
                .get(index + 2)
                .filter(|third| adjacent(text, after, third))
                .is_some_and(|third| third.is(word.without_possessive()));
        // "Sunday Bloody Sunday": a weekday before a named day is part of the title.
        let title = after.is_capitalised()
            && after.is_any(WEEKDAY_EVENT_PREFIXES)
            && all
                .get(index + 2)
                .filter(|third| adjacent(text, after, third))
                .is_some_and(|third| weekday_named(third.text).is_some());
        if (after.is_capitalised() && after.is_any(WEEKDAY_NAME_SUFFIXES))
            || recurring_part
            || custom
            || rhyme
            || title
            || from_a_holiday
            || weekly
            || repeated
        {
            return None;
        }
    }
    // "Monday.com": a web address, a company's name.
    let address = text[word.range.end..]
        .strip_prefix('.')
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_lowercase()));
    if address || year_written_after(text, word.range.end) {
        return None;
    }
    // "Monday, March 3, 2026" names its date; "Saturday, April 25" names all but the year.
    if let Some((month, day, year, last)) = explicit_date_after(text, all, index)
        .map(|date| (date.month, date.day, date.year, date.last))
    {
        if year.is_some() {
            return None;
        }
        // "Friday (March 4)": the closing parenthesis belongs to the date a fix rewrites.
        let mut end = all[last].range.end;
        if text[word.range.end..all[index + 1].range.start].contains('(')
            && text[end..].starts_with(')')
        {
            end += 1;
        }
        return Some((
            Match {
                range: word.range.start..end,
                replace: word.range.start..end,
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

/// "the day before [last|next|this] <weekday>['s]", "the day after <weekday>".
fn match_day_from_weekday(text: &str, all: &[Word], index: usize) -> Option<(Match, usize)> {
    let linked = |at: usize| {
        all.get(at)
            .filter(|candidate| adjacent(text, &all[at - 1], candidate))
    };
    let (article, day, relation) = (&all[index], linked(index + 1)?, linked(index + 2)?);
    if !article.is("the") || !day.is("day") || !relation.is_any(&["before", "after"]) {
        return None;
    }
    let mut weekday_index = index + 3;
    let modifier = linked(weekday_index)?;
    if deictic_direction(modifier).is_some() && !modifier.is_any(&["following", "previous"]) {
        weekday_index += 1;
    }
    let weekday_word = linked(weekday_index)?;
    let weekday = weekday_named(weekday_word.without_possessive())?;
    let (anchor, next_index) = match_weekday(text, all, weekday_index, weekday)?;
    let Expression::Weekday {
        direction, part, ..
    } = anchor.expression
    else {
        return None;
    };
    if anchor.range.start != all[index + 3].range.start {
        return None;
    }
    Some((
        Match {
            range: article.range.start..anchor.range.end,
            // The fix rewrites the weekday it counts from ("the day before the Feb. 22
            // hearing"): the words say which day, the date says when.
            replace: anchor.replace,
            expression: Expression::DayFromWeekday {
                days: if relation.is("before") { -1 } else { 1 },
                weekday,
                direction,
                part,
            },
            edge: None,
        },
        next_index,
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
