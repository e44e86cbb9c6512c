//! Names that contain a date word: `USA Today`, `the Today show`, `Monday Night Football`,
//! `Wednesday Addams`, `a man they called Friday`, `the Sept. 11 attacks`, and any name a desk
//! lists in its house rules (`[dates] names`). None of them is a date, and a flag on one is the
//! kind of false alarm that makes an editor stop trusting the check.
//!
//! The rules are the ones a copy editor applies by eye:
//! - "today", "tonight", "tomorrow" and "yesterday" are lower case inside a sentence; capitalised
//!   there, they are part of a name (`USA Today`, `USA TODAY`, `the Today show`).
//! - A weekday with a capitalised part of the day (`Monday Night Football`, `CBS Sunday
//!   Morning`) is a title: as a date the part of the day is lower case (`Monday night`).
//! - A weekday inside a sentence followed by a capitalised word that is neither a month nor a
//!   time of day (`actress Tuesday Weld`, `Wednesday Addams`) is a first name, unless a
//!   preposition or a verb before it makes it a date (`on Monday Biden signed`, `said Monday
//!   President Biden`).
//! - The object of "named", "called", "dubbed" (`a man they called Friday`).
//! - Event names built on a month and day (`the Sept. 11 attacks`, `the July 4 holiday`).
//!
//! A heading in title case capitalises every word, so there the capitalisation rules do not
//! apply; house names and "named"/"called" still do.

use std::ops::Range;

use super::expressions::{WEEKDAY_EVENT_PREFIXES, WEEKDAY_NAME_SUFFIXES};
use super::{Expression, Match, PartOfDay};
use crate::analysis::calendar::{month_named, weekday_named};
use crate::analysis::words::Word;

/// Why a date word was read as part of a name; the hover shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateName {
    /// The name as written, e.g. "USA Today".
    pub range: Range<usize>,
    /// One sentence for the hover: why this is a name and not a date.
    pub reason: String,
}

/// The most words a name is followed through, so that a run of capitals costs the same
/// however long it is.
const NAME_REACH: usize = 8;

/// The words for the day of writing and its neighbours. Source: the English deictic day words.
const DAY_WORDS: &[&str] = &["today", "tonight", "tomorrow", "yesterday"];

/// Words that introduce a date, so that a capitalised word after the weekday is the next
/// clause's subject ("On Monday Biden signed"), not a surname.
/// Source: the English prepositions and modifiers of time that stand before a weekday, with the
/// coordinators that join two days, written for copydesk.
#[rustfmt::skip]
const DATE_INTRODUCERS: &[&str] = &[
    "on", "since", "until", "till", "by", "before", "after", "from", "through", "last", "next",
    "this", "early", "late", "earlier", "later", "past", "coming", "following", "previous",
    "and", "or", "also", "then", "each", "every",
];

/// Reporting verbs a date often follows in wire copy ("said Monday President Biden would").
/// Source: the most common reporting verbs of [`crate::analysis::lexicon`] in the past and present,
/// written for copydesk.
#[rustfmt::skip]
const REPORTING_VERBS: &[&str] = &[
    "said", "says", "announced", "reported", "told", "confirmed", "added", "declared", "warned",
];

/// Words after "called Tuesday" that make the weekday the day of a call ("called Tuesday for an
/// inquiry"), not a name.
/// Source: the English prepositions, articles and pronouns that follow "called" when it means a
/// call, written for copydesk.
#[rustfmt::skip]
const AFTER_A_CALL: &[&str] = &[
    "for", "on", "as", "a", "an", "the", "to", "his", "her", "its", "their", "it", "him", "them",
    "in", "at", "with", "and",
];

/// Verbs whose object is a name: "a dog named Tuesday", "a man they called Friday".
/// Source: the English verbs of naming, written for copydesk.
const NAMING_VERBS: &[&str] = &["named", "called", "dubbed", "nicknamed", "christened"];

/// Auxiliaries before "named" or "called" that make it an appointment or a call made on a day
/// ("was named Tuesday as chief", "has called Friday for a vote"), not a name.
/// Source: the English past and perfect auxiliaries (a closed class).
const APPOINTMENT_AUXILIARIES: &[&str] = &["was", "were", "been", "has", "have", "had"];

/// Month-and-day pairs that also name an event, and the nouns that follow them as such ("the
/// Sept. 11 attacks", "the July 4 holiday"). Sources: AP Stylebook entries "9/11" and "Fourth
/// of July, July Fourth".
const EVENT_DATES: &[(i8, i8)] = &[(9, 11), (7, 4)];

/// Whether the expression `found` (its words among `all`) is part of a name, and why.
pub(crate) fn name_at(
    text: &str,
    all: &[Word],
    found: &Match,
    house_names: &[(Range<usize>, String)],
) -> Option<DateName> {
    if let Some((range, name)) = house_names
        .iter()
        .find(|(range, _)| range.start < found.range.end && found.range.start < range.end)
    {
        return Some(DateName {
            range: range.clone(),
            reason: format!("“{name}” is a name in the house rules ([dates] names), not a date."),
        });
    }
    if let Some(name) = capitalised_unit(text, all, found) {
        return Some(name);
    }
    // The words are in order: a binary search keeps a sentence of thousands of dates linear.
    let first = all.partition_point(|word| word.range.start < found.range.start);
    let key = first
        + all[first..]
            .iter()
            .take_while(|word| word.range.start < found.range.end)
            .position(|word| is_key_word(word, &found.expression))?;
    let word = &all[key];
    if let Some(name) = object_of_naming_verb(text, all, key) {
        return Some(name);
    }
    if let Expression::MonthDay { month, day, .. } = found.expression {
        return event_date(text, all, found, month, day);
    }
    if in_title_case_heading(text, all, key) {
        return None;
    }
    let initial = sentence_initial(text, all, key);
    if let Some(name) = appositive_title(text, all, key).or_else(|| quoted_title(text, all, key)) {
        return Some(name);
    }
    let lower = word.without_possessive().to_ascii_lowercase();
    if DAY_WORDS.contains(&lower.as_str()) {
        // "Today Show", "Tonight Show host": a programme's name, even opening a sentence.
        if let Some(show) = next_adjacent(text, all, key).filter(|after| {
            after.is_capitalised() && after.is_any(&["show", "programme", "program"])
        }) {
            return Some(DateName {
                range: word.range.start..show.range.end,
                reason: format!(
                    "“{} {}” names a programme, not a date.",
                    word.text, show.text
                ),
            });
        }
        if word.is_capitalised() && !initial {
            let start = title_run_start(text, all, key);
            return Some(DateName {
                range: all[start].range.start..word.range.end,
                reason: format!(
                    "“{}” is capitalised inside a sentence, as in a name (USA Today, the Today show); the date is written in lower case.",
                    word.without_possessive()
                ),
            });
        }
        return None;
    }
    weekday_named(word.without_possessive())?;
    if let Some(title) = key
        .checked_sub(1)
        .map(|before| &all[before])
        .filter(|before| before.is_capitalised() && before.is_any(COURTESY_TITLES))
        .filter(|before| {
            text[before.range.end..word.range.start]
                .trim_start_matches('.')
                .trim()
                .is_empty()
        })
    {
        return Some(DateName {
            range: title.range.start..word.range.end,
            reason: format!(
                "“{}” is a title before a surname, not a date.",
                &text[title.range.start..word.range.end]
            ),
        });
    }
    let following = next_adjacent(text, all, key);
    if let Some(place) = following
        .filter(|after| after.is_capitalised() && !is_all_caps(after) && after.is_any(PLACE_NOUNS))
    {
        return Some(DateName {
            range: word.range.start..place.range.end,
            reason: format!(
                "“{} {}” names a place or an institution, not a date.",
                word.text, place.text
            ),
        });
    }
    if let Some(part) = following.filter(|after| {
        after.is_capitalised() && PartOfDay::from_word(after.text).is_some() && !is_all_caps(after)
    }) {
        let mut end = key + 1;
        while end - key < NAME_REACH
            && next_adjacent(text, all, end).is_some_and(Word::is_capitalised)
        {
            end += 1;
        }
        return Some(DateName {
            range: word.range.start..all[end].range.end,
            reason: format!(
                "“{} {}” has a capitalised part of the day, as in a title (Monday Night Football); the date is written “{} {}”.",
                word.text,
                part.text,
                word.text,
                part.text.to_ascii_lowercase()
            ),
        });
    }
    let introduced = key
        .checked_sub(1)
        .map(|before| &all[before])
        .filter(|before| adjacent(text, before, word))
        .is_some_and(|before| before.is_any(DATE_INTRODUCERS) || before.is_any(REPORTING_VERBS));
    if let Some(after) = following {
        let first_name = after.is_capitalised()
            && !is_all_caps(after)
            && month_named(after.text).is_none()
            && PartOfDay::from_word(after.text).is_none()
            && !after.is_any(&["Night", "Noon", "Midnight", "Morning"]);
        if first_name && !initial && !introduced {
            return Some(DateName {
                range: word.range.start..after.range.end,
                reason: format!(
                    "“{} {}”: a weekday followed by a capitalised word, inside a sentence, is a first name; a date would read “on {}”.",
                    word.text, after.text, word.text
                ),
            });
        }
    }
    None
}

/// Courtesy and formal titles that stand before a surname ("Mr. Friday", "Rev. Sunday").
/// Source: the AP Stylebook entries "courtesy titles" and "titles" (the abbreviated forms before
/// a name).
#[rustfmt::skip]
const COURTESY_TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "rev", "reverend", "sen", "rep", "gov", "gen", "col",
    "capt", "sgt", "lt", "prof", "judge", "pastor", "detective", "officer",
];

/// Capitalised words that make a weekday before them part of a place's or an institution's
/// name ("Thursday Island", "Friday Harbor"). Source: the generic parts of place names in the
/// USGS Geographic Names Information System's feature classes, with the commonest generic
/// words of institutions' names, written for copydesk.
#[rustfmt::skip]
const PLACE_NOUNS: &[&str] = &[
    "island", "islands", "harbor", "harbour", "bay", "creek", "lake", "river", "point", "beach",
    "mountain", "county", "street", "road", "avenue", "square", "park", "hall", "church",
    "foundation", "group", "society", "institute",
];

/// Nouns for a work, a brand or a body that, set off by commas after a weekday or "today",
/// say the word is its name ("Wednesday, the Netflix series, was renewed"; "Yesterday, the
/// Beatles song, topped the chart"). Source: written for copydesk from the kinds of titled
/// works and named bodies that news copy identifies in apposition.
#[rustfmt::skip]
const WORK_NOUNS: &[&str] = &[
    "series", "show", "film", "movie", "novel", "book", "song", "single", "album", "play",
    "musical", "sitcom", "programme", "program", "podcast", "band", "group", "chain", "brand",
    "charity", "newspaper", "magazine", "restaurant", "label", "horse", "dog",
];

/// "Wednesday, the Netflix series, was renewed": the word is followed, between commas, by an
/// article and a noun for a work or a body, which names what the word is; a date introduced by
/// a preposition ("On Monday, the band, ...") is still a date.
fn appositive_title(text: &str, all: &[Word], key: usize) -> Option<DateName> {
    let word = &all[key];
    let introduced = key
        .checked_sub(1)
        .map(|before| &all[before])
        .is_some_and(|before| adjacent(text, before, word) && before.is_any(DATE_INTRODUCERS));
    let article = all.get(key + 1)?;
    if introduced
        || text[word.range.end..article.range.start].trim() != ","
        || !article.is_any(&["the", "a", "an"])
    {
        return None;
    }
    let mut at = key + 1;
    while at - key <= 4 {
        let next = next_adjacent(text, all, at)?;
        at += 1;
        if next.is_any(WORK_NOUNS) {
            let closed = all
                .get(at + 1)
                .is_none_or(|after| text[next.range.end..after.range.start].trim() == ",");
            return closed.then(|| DateName {
                range: word.range.start..word.range.end,
                reason: format!(
                    "“{}” is named as a {} by the words set off after it, not a date.",
                    word.text,
                    next.text.to_ascii_lowercase()
                ),
            });
        }
    }
    None
}

/// Prepositions of four letters that Chicago's title case leaves in lower case, as it does
/// every preposition ("Sunday in the Park with George"). Source: The Chicago Manual of Style,
/// 8.159.
const LONGER_TITLE_CASE_PREPOSITIONS: &[&str] = &["with", "from", "into", "onto", "upon", "over"];

/// The most bytes a quoted title runs on either side of its date word.
const QUOTED_TITLE_REACH: usize = 80;

/// “Never on Sunday”, "Friday I'm in Love": a weekday or "today" inside a short quotation
/// in title case (every word of four letters or more capitalised, shorter ones capitalised or
/// title case's lower-case function words) is a title; quoted speech ("“I saw him on Tuesday,”
/// she said") has lower-case words.
fn quoted_title(text: &str, all: &[Word], key: usize) -> Option<DateName> {
    let word = &all[key];
    let mut floor = word.range.start.saturating_sub(QUOTED_TITLE_REACH);
    while !text.is_char_boundary(floor) {
        floor += 1;
    }
    let before = &text[floor..word.range.start];
    let open = before.rfind(['“', '"', '”', '\n'])?;
    let opening = before[open..].chars().next()?;
    let preceded_by_space = before[..open]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || c == '(');
    if opening == '\n' || opening == '”' || (opening == '"' && !preceded_by_space) {
        return None;
    }
    let start = floor + open + opening.len_utf8();
    let mut ceiling = (word.range.end + QUOTED_TITLE_REACH).min(text.len());
    while !text.is_char_boundary(ceiling) {
        ceiling -= 1;
    }
    let close = text[word.range.end..ceiling].find(['”', '"', '“', '\n'])?;
    let end = word.range.end + close;
    if text[end..].starts_with(['“', '\n']) {
        return None;
    }
    let first = all.partition_point(|candidate| candidate.range.start < start);
    let last = all.partition_point(|candidate| candidate.range.end <= end);
    let inside = &all[first..last];
    let title_case = inside.len() >= 2
        && inside.len() <= 10
        && inside.iter().all(|candidate| {
            candidate.is_capitalised()
                || !candidate
                    .text
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic)
                || (candidate.text.chars().count() <= 3 && candidate.is_any(TITLE_CASE_LOWER_WORDS))
                || candidate.is_any(LONGER_TITLE_CASE_PREPOSITIONS)
        });
    // "“on Monday”", "“Last Tuesday”": a quoted date is no title; a title has a capitalised
    // word of its own besides the date and the words that introduce one.
    let own_word = inside.iter().any(|candidate| {
        candidate.range != word.range
            && candidate.is_capitalised()
            && !candidate.is_any(DATE_INTRODUCERS)
            && !candidate.is_any(TITLE_CASE_LOWER_WORDS)
    });
    (title_case && own_word).then(|| {
        let title = text[start..end].trim_end_matches(['.', ',', '!', '?']);
        DateName {
            range: start..start + title.len(),
            reason: format!("“{title}” is quoted in title case, as a title is; a date is not."),
        }
    })
}

/// "This Week", "Last Week Tonight": a relative phrase whose unit word is capitalised is a title;
/// as a date the unit is lower case even at the start of a sentence ("This week").
fn capitalised_unit(text: &str, all: &[Word], found: &Match) -> Option<DateName> {
    if !matches!(found.expression, Expression::Shifted { .. }) {
        return None;
    }
    let last = all
        .partition_point(|word| word.range.start < found.range.end)
        .checked_sub(1)?;
    let unit = &all[last];
    let first = all.partition_point(|word| word.range.start < found.range.start);
    if last == first || !unit.is_capitalised() || in_title_case_heading(text, all, last) {
        return None;
    }
    let mut end = last;
    while end - last < NAME_REACH && next_adjacent(text, all, end).is_some_and(Word::is_capitalised)
    {
        end += 1;
    }
    Some(DateName {
        range: found.range.start..all[end].range.end,
        reason: format!(
            "“{}” is capitalised like a title (ABC's This Week); the date is written in lower case.",
            &text[found.range.start..all[end].range.end]
        ),
    })
}

fn is_key_word(word: &Word, expression: &Expression) -> bool {
    let bare = word.without_possessive();
    match expression {
        Expression::MonthDay { .. } => true,
        Expression::DayOffset { .. } => DAY_WORDS.contains(&bare.to_ascii_lowercase().as_str()),
        Expression::Weekday { .. }
        | Expression::DatedWeekday { .. }
        | Expression::WeekdayOfMonth { .. }
        | Expression::DayFromWeekday { .. } => weekday_named(bare).is_some(),
        _ => false,
    }
}

fn adjacent(text: &str, left: &Word, right: &Word) -> bool {
    text[left.range.end..right.range.start].trim().is_empty()
}

fn next_adjacent<'w, 't>(text: &str, all: &'w [Word<'t>], index: usize) -> Option<&'w Word<'t>> {
    all.get(index + 1)
        .filter(|after| adjacent(text, &all[index], after))
}

fn is_all_caps(word: &Word) -> bool {
    word.text.chars().filter(|c| c.is_alphabetic()).count() > 1
        && !word.text.chars().any(char::is_lowercase)
}

/// Whether the word opens a sentence, a quotation, a parenthesis or a line.
fn sentence_initial(text: &str, all: &[Word], index: usize) -> bool {
    let Some(before) = index.checked_sub(1).map(|at| &all[at]) else {
        return true;
    };
    let gap = &text[before.range.end..all[index].range.start];
    gap.contains([
        '.', '!', '?', ':', ';', '"', '“', '(', '\n', '—', '–', '‘', '*', '#', '>',
    ])
}

/// The first word of the capitalised run that ends at `index` ("USA" in "USA Today"); the run
/// stops at a sentence start, where capitals say nothing.
fn title_run_start(text: &str, all: &[Word], index: usize) -> usize {
    let mut start = index;
    while start > 0
        && index - start < NAME_REACH
        && !sentence_initial(text, all, start)
        && all[start - 1].is_capitalised()
        && adjacent(text, &all[start - 1], &all[start])
    {
        start -= 1;
    }
    start
}

/// Whether the sentence around `index` is a heading in title case, where every word is
/// capitalised and capitals do not mark names.
fn in_title_case_heading(text: &str, all: &[Word], index: usize) -> bool {
    // Quotation marks do not end a heading: a quoted title inside a sentence is not one.
    let ends_line = |at: usize| {
        at == 0 || text[all[at - 1].range.end..all[at].range.start].contains(['.', '!', '?', '\n'])
    };
    // A heading is short: one that runs past this many words either way is a sentence.
    const HEADING_REACH: usize = 24;
    let mut start = index;
    while !ends_line(start) {
        if index - start >= HEADING_REACH {
            return false;
        }
        start -= 1;
    }
    let mut end = index;
    while end + 1 < all.len() && !ends_line(end + 1) {
        if end - index >= HEADING_REACH {
            return false;
        }
        end += 1;
    }
    // Title case leaves only short function words in lower case ("of", "the", "and"); a short
    // word of any other kind in lower case ("met", "is") shows an ordinary sentence with a name
    // in it ("Members of the Tuesday Night Club met.").
    let words = &all[start..=end];
    let long_words = words
        .iter()
        .filter(|word| word.text.chars().count() > 3)
        .count();
    long_words >= 3
        && words.iter().all(|word| {
            word.is_capitalised()
                || !word.text.chars().next().is_some_and(char::is_alphabetic)
                || (word.text.chars().count() <= 3 && word.is_any(TITLE_CASE_LOWER_WORDS))
        })
}

/// The short words that title case leaves in lower case: articles, coordinating conjunctions
/// and short prepositions (The Chicago Manual of Style, 8.159; AP capitalises the same words
/// of four letters or more).
#[rustfmt::skip]
const TITLE_CASE_LOWER_WORDS: &[&str] = &[
    "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in",
    "of", "off", "on", "per", "to", "up", "via", "vs", "v",
];

/// Things that are given names, so that "named his companion Friday" gives one and "named his
/// cabinet Friday" or "called his lawyer Friday" is an act done on a day.
/// Source: written for copydesk from the children, animals, companions and vessels that news copy
/// reports being named.
#[rustfmt::skip]
const NAMED_THINGS: &[&str] = &[
    "son", "daughter", "baby", "child", "boy", "girl", "twins", "companion", "servant", "dog",
    "puppy", "cat", "kitten", "horse", "pony", "foal", "pet", "parrot", "bear", "cub", "boat",
    "yacht", "ship", "robot", "doll", "character", "hero", "heroine",
];

/// The possessives and articles that stand before a named thing ("his companion").
/// Source: the English articles and possessive determiners (a closed class).
#[rustfmt::skip]
const NAMED_THING_DETERMINERS: &[&str] = &[
    "a", "an", "the", "his", "her", "their", "its", "our", "my", "your",
];

/// "named his companion Friday": a naming verb, a possessive or article and a thing that is
/// given names, then the weekday; the index of the verb.
fn naming_verb_over_an_object(text: &str, all: &[Word], index: usize) -> Option<usize> {
    let verb = index.checked_sub(3)?;
    let joined = (verb..index).all(|at| adjacent(text, &all[at], &all[at + 1]));
    (joined
        && all[verb].is_any(NAMING_VERBS)
        && all[verb + 1].is_any(NAMED_THING_DETERMINERS)
        && all[verb + 2].is_any(NAMED_THINGS))
    .then_some(verb)
}

/// "a man they called Friday", "a dog named Tuesday, who", "named his companion Friday": the
/// object of a naming verb, when the name ends the clause or a surname follows.
fn object_of_naming_verb(text: &str, all: &[Word], index: usize) -> Option<DateName> {
    if let Some(at) = naming_verb_over_an_object(text, all, index) {
        let word = &all[index];
        return Some(DateName {
            range: word.range.start..word.range.end,
            reason: format!(
                "“{}” is what someone {} their {}, a name, not a date.",
                word.text,
                all[at].text.to_ascii_lowercase(),
                all[at + 2].text.to_ascii_lowercase()
            ),
        });
    }
    let verb = all.get(index.checked_sub(1)?)?;
    if !verb.is_any(NAMING_VERBS) || !adjacent(text, verb, &all[index]) {
        return None;
    }
    let auxiliary = index
        .checked_sub(2)
        .map(|at| &all[at])
        .is_some_and(|before| before.is_any(APPOINTMENT_AUXILIARIES));
    if auxiliary && verb.is_any(&["named", "called"]) {
        return None;
    }
    let word = &all[index];
    let after = next_adjacent(text, all, index);
    if after.is_some_and(|after| after.is_any(AFTER_A_CALL)) {
        return None;
    }
    let surname = after.filter(|after| after.is_capitalised());
    let end = surname.map_or(word.range.end, |surname| surname.range.end);
    Some(DateName {
        range: word.range.start..end,
        reason: format!(
            "“{}” is what someone or something is {}, a name, not a date.",
            &text[word.range.start..end],
            verb.text.to_ascii_lowercase()
        ),
    })
}

/// "the Sept. 11 attacks", "the July 4 holiday": a month and day used as the name of an event.
fn event_date(text: &str, all: &[Word], found: &Match, month: i8, day: i8) -> Option<DateName> {
    if !EVENT_DATES.contains(&(month, day)) {
        return None;
    }
    let last = all
        .partition_point(|word| word.range.end <= found.range.end)
        .checked_sub(1)?;
    let after = next_adjacent(text, all, last)?;
    let attributive = after.text.chars().next().is_some_and(char::is_lowercase)
        && !after.is_any(&[
            "and", "or", "to", "through", "in", "at", "for", "on", "by", "is", "was", "will",
            "when", "until", "from", "of", "as",
        ]);
    attributive.then(|| DateName {
        range: found.range.start..after.range.end,
        reason: format!(
            "“{}” names an event, not a day to be dated.",
            &text[found.range.start..after.range.end]
        ),
    })
}

/// Where each house-rules name occurs in `text[range]`, matched without regard to case and
/// only as whole words.
pub(crate) fn house_names_in(
    text: &str,
    range: Range<usize>,
    names: &[String],
) -> Vec<(Range<usize>, String)> {
    if names.is_empty() {
        return Vec::new();
    }
    let slice = &text[range.clone()];
    // ASCII lower-casing keeps every byte offset where it was.
    let lower = slice.to_ascii_lowercase();
    let mut found = Vec::new();
    for name in names {
        let needle = name.trim().to_ascii_lowercase();
        if needle.is_empty() {
            continue;
        }
        let mut from = 0;
        while let Some(at) = lower[from..].find(&needle) {
            let start = from + at;
            let end = start + needle.len();
            let bounded_before = lower[..start]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let bounded_after = lower[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if bounded_before && bounded_after {
                found.push((
                    range.start + start..range.start + end,
                    name.trim().to_string(),
                ));
            }
            from = end;
        }
    }
    found
}

/// The name containing a date word at `offset` of `text`, for a hover that explains why the word
/// was not read as a date; `house_names` are the house rules' `[dates] names`, looked for first
/// as the rule does. Only the line around the offset, at most a few hundred bytes either side,
/// is read, so a hover costs the same on any draft.
pub fn name_around(text: &str, offset: usize, house_names: &[String]) -> Option<DateName> {
    const REACH: usize = 300;
    let offset = offset.min(text.len());
    let mut start = text[..offset].rfind('\n').map_or(0, |at| at + 1);
    if offset - start > REACH {
        start = offset - REACH;
        while !text.is_char_boundary(start) {
            start += 1;
        }
    }
    let mut end = text[offset..]
        .find('\n')
        .map_or(text.len(), |at| offset + at);
    if end - offset > REACH {
        end = offset + REACH;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
    }
    let all = crate::analysis::words::words(text, start..end);
    let house_names = house_names_in(text, start..end, house_names);
    // A house name is explained wherever the offset falls in it, even where the built-in reading
    // would not have taken its weekday for a date ("the Monday market", a weekly custom).
    if let Some((range, name)) = house_names
        .iter()
        .find(|(range, _)| range.start <= offset && offset <= range.end)
    {
        return Some(DateName {
            range: range.clone(),
            reason: format!("“{name}” is a name in the house rules ([dates] names), not a date."),
        });
    }
    super::expressions::scan(text, &all)
        .iter()
        .filter_map(|found| name_at(text, &all, found, &house_names))
        .find(|name| name.range.start <= offset && offset <= name.range.end)
        .or_else(|| listed_name(text, &all, offset))
}

/// A weekday that the scan never offers as a date because a word beside it is in copydesk's
/// own list of named days and titles ("Black Friday", "the Sunday Times"), for the hover.
fn listed_name(text: &str, all: &[Word], offset: usize) -> Option<DateName> {
    let at = all.partition_point(|word| word.range.end < offset);
    let candidates = at.saturating_sub(1)..(at + 2).min(all.len());
    candidates.into_iter().find_map(|index| {
        let word = &all[index];
        weekday_named(word.without_possessive())?;
        let before = index
            .checked_sub(1)
            .map(|before| &all[before])
            .filter(|before| adjacent(text, before, word))
            .filter(|before| before.is_capitalised() && before.is_any(WEEKDAY_EVENT_PREFIXES));
        let after = next_adjacent(text, all, index)
            .filter(|after| after.is_capitalised() && after.is_any(WEEKDAY_NAME_SUFFIXES));
        let range = match (before, after) {
            (Some(before), _) => before.range.start..word.range.end,
            (None, Some(after)) => word.range.start..after.range.end,
            (None, None) => return None,
        };
        (range.start <= offset && offset <= range.end).then(|| DateName {
            reason: format!(
                "“{}” is a named day or a title in copydesk's built-in list (Black Friday, Super Tuesday, Good Friday, the Sunday Times, Sunday School), not a date.",
                &text[range.clone()]
            ),
            range,
        })
    })
}
