//! Traps of the three kinds a held-out set scores: a weekday that is part of a name or title,
//! an absolute date written with its weekday, and a weekday that recurs. Each sentence puts
//! the trap beside a real date where it can, so that a rule that drops the trap by dropping
//! every weekday fails too (publication Monday, Feb. 28, 2022).

use super::{pairs, resolved};

/// (sentence, the relative dates a careful reader finds in it with their values).
type Trap = (&'static str, &'static [(&'static str, &'static str)]);

/// Named days and titles built on a weekday, beside a real date.
const NAMES_AND_TITLES: &[Trap] = &[
    (
        "The band played Freaky Friday at the fair on Saturday.",
        &[("Saturday", "2022-02-26")],
    ),
    (
        "Manic Monday was a hit for the Bangles, the label said Friday.",
        &[("Friday", "2022-02-25")],
    ),
    (
        "The Stones recorded Ruby Tuesday; the reissue came out last week.",
        &[("last week", "2022-W08")],
    ),
    ("He ate at a Ruby Tuesday near the airport.", &[]),
    (
        "Candidates campaigned Sunday ahead of Super Tuesday.",
        &[("Sunday", "2022-02-27")],
    ),
    (
        "Cyber Monday traffic broke records, analysts said Wednesday.",
        &[("Wednesday", "2022-02-23")],
    ),
    ("The Bloody Sunday inquiry reported in 2010.", &[]),
    ("Shops will close for Good Friday.", &[]),
    (
        "Ash Wednesday services were crowded on Wednesday.",
        &[("Wednesday", "2022-02-23")],
    ),
    ("Palm Sunday processions filled the streets.", &[]),
    ("Maundy Thursday rites were held at the cathedral.", &[]),
    ("Shrove Tuesday pancake races were run.", &[]),
    (
        "Giving Tuesday donations rose, the charity said Monday.",
        &[("Monday", "2022-02-28")],
    ),
    ("Small Business Saturday drew shoppers downtown.", &[]),
    ("Fat Tuesday parades wound through the city.", &[]),
    ("Easter Monday is a bank holiday in Ireland.", &[]),
    ("Whit Monday falls in June this time.", &[]),
    (
        "Sunday Bloody Sunday opened the concert on Saturday.",
        &[("Saturday", "2022-02-26")],
    ),
    ("Stormy Monday was his favourite blues.", &[]),
    ("Throwback Thursday posts flooded the site.", &[]),
    ("He lost his savings on Black Monday in 1987.", &[]),
    (
        "Wednesday's child is full of woe, she recited on Friday.",
        &[("Friday", "2022-02-25")],
    ),
    ("Sunday's child is blithe and bonny.", &[]),
    (
        "Tuesday's Child, a charity, held a gala Friday.",
        &[("Friday", "2022-02-25")],
    ),
    ("Crusoe named his companion Friday.", &[]),
    ("The couple named their daughter Tuesday.", &[]),
    (
        "She was a Girl Friday to the editor, who retired on Thursday.",
        &[("Thursday", "2022-02-24")],
    ),
    ("He served as the governor's Man Friday for years.", &[]),
    (
        "He watched Monday Night Football on Thursday.",
        &[("Thursday", "2022-02-24")],
    ),
    (
        "Saturday Night Live mocked the senator last weekend.",
        &[("last weekend", "2022-W08-WE")],
    ),
    ("He hosts Sunday Night Baseball.", &[]),
    ("The actress Tuesday Weld retired.", &[]),
    (
        "The Friday Harbor ferry docked on Sunday.",
        &[("Sunday", "2022-02-27")],
    ),
    (
        "The Wednesday Club gathered yesterday.",
        &[("yesterday", "2022-02-27")],
    ),
    ("USA Today reported it Sunday.", &[("Sunday", "2022-02-27")]),
    (
        "The Today show interviewed her on Wednesday.",
        &[("Wednesday", "2022-02-23")],
    ),
    (
        "The Mail on Sunday published the photos on Saturday.",
        &[("Saturday", "2022-02-26")],
    ),
    ("Wednesday, the Netflix series, was renewed.", &[]),
    ("Yesterday, the Beatles song, topped the chart.", &[]),
    (
        "Rev. Sunday preached to the crowd on Friday.",
        &[("Friday", "2022-02-25")],
    ),
    ("Mr. Friday, the defense attorney, objected.", &[]),
    ("Thursday Island is in the Torres Strait.", &[]),
    (
        "He revived “Sunday in the Park with George” on Broadway on Friday.",
        &[("Friday", "2022-02-25")],
    ),
    ("She starred in “Never on Sunday.”", &[]),
    ("The novel \"Thursday's Children\" sold well.", &[]),
    ("They sang \"Friday I'm in Love\" at the encore.", &[]),
    ("The song \"Monday Monday\" topped the charts.", &[]),
    (
        "Pence spoke on “Fox News Sunday,” his aides said Monday.",
        &[("Monday", "2022-02-28")],
    ),
];

/// Absolute dates written with their weekday: no relative date, or a month and day that only
/// lacks its year.
const ABSOLUTE_DATES: &[Trap] = &[
    ("The rally was held Tuesday, March 1, 2016, in Ohio.", &[]),
    ("The verdict came on Friday, Jan. 8, 2021.", &[]),
    (
        "The hearing opened Monday, 28 February 2022, in London.",
        &[],
    ),
    (
        "The vote is set for Friday (March 4).",
        &[("Friday (March 4)", "2022-03-04")],
    ),
    ("The vote is set for Friday (March 4, 2022).", &[]),
    ("Markets fell Monday 28/02/2022, a day of panic.", &[]),
    ("The meeting on Friday, 2/25/2022, ended early.", &[]),
    ("The notice was published Friday 25 Feb 2022.", &[]),
    ("The game was played Sunday, Feb. 27, '22.", &[]),
    ("Monday.com shares rose on the news.", &[]),
];

/// Weekdays that recur, and the weekly customs named by their day, beside a real date.
const RECURRING_DAYS: &[Trap] = &[
    ("The market opens every Friday.", &[]),
    ("The shop is closed on Fridays.", &[]),
    (
        "Mondays are hard, the manager said on Friday.",
        &[("Friday", "2022-02-25")],
    ),
    ("Thousands attended Friday prayers at the mosque.", &[]),
    ("Farmers sell eggs at the Saturday market.", &[]),
    (
        "The Sunday edition carries the puzzle, the editor said Tuesday.",
        &[("Tuesday", "2022-02-22")],
    ),
    ("The children attend Sunday school.", &[]),
    (
        "He wore his Sunday best to the hearing on Friday.",
        &[("Friday", "2022-02-25")],
    ),
    ("Her Sunday roast is famous.", &[]),
    ("The clinic holds Tuesday sessions for veterans.", &[]),
    ("The Sunday papers led with the story.", &[]),
    (
        "The Friday sermon urged calm, the imam's office said Saturday.",
        &[("Saturday", "2022-02-26")],
    ),
    ("Every other Tuesday the council meets.", &[]),
    ("Sunday after Sunday, the pews sat empty.", &[]),
    (
        "Sunday trading laws were relaxed on Thursday.",
        &[("Thursday", "2022-02-24")],
    ),
    ("The Observer is Britain's oldest Sunday newspaper.", &[]),
    ("The Thursday night lineup includes three comedies.", &[]),
    ("His shift begins Friday night each week.", &[]),
    ("The Saturday before Easter is quiet.", &[]),
];

/// The twins: the same words naming one day stay dates.
const TWINS: &[Trap] = &[
    (
        "The bill must pass by the Tuesday deadline.",
        &[("Tuesday", "2022-03-01")],
    ),
    (
        "The World Court Friday rejected the claim.",
        &[("Friday", "2022-02-25")],
    ),
    (
        "The talks stalled, said Sununu Sunday.",
        &[("Sunday", "2022-02-27")],
    ),
    ("Stocks rose in Tokyo Monday.", &[("Monday", "2022-02-28")]),
    (
        "The president named his cabinet Friday.",
        &[("Friday", "2022-02-25")],
    ),
    (
        "Sunday's edition carried the puzzle.",
        &[("Sunday", "2022-02-27")],
    ),
    (
        "A weekly Saturday market will open on Saturday.",
        &[("Saturday", "2022-03-05")],
    ),
    (
        "The Monday meeting was canceled.",
        &[("Monday", "2022-02-28")],
    ),
    (
        "On Monday, the band, which formed in 2010, played in Ohio.",
        &[("Monday", "2022-02-28")],
    ),
    (
        "Friday, the group said, was its best day.",
        &[("Friday", "2022-02-25")],
    ),
    (
        "He was arrested Friday and every week since he has reported to police.",
        &[("Friday", "2022-02-25")],
    ),
    (
        "The Mail reported on Sunday that the deal was off.",
        &[("Sunday", "2022-02-27")],
    ),
    ("Mr. Smith arrived Friday.", &[("Friday", "2022-02-25")]),
    (
        "Crowds filled Union Square Monday.",
        &[("Monday", "2022-02-28")],
    ),
    (
        "He said the vote would be held “next Tuesday.”",
        &[("next Tuesday", "2022-03-01")],
    ),
    (
        "“We saw him on Sunday,” she said.",
        &[("Sunday", "2022-02-27")],
    ),
    (
        "The memo said “on Monday” twice.",
        &[("Monday", "2022-02-28")],
    ),
    (
        "He promised to decide “Next Tuesday.”",
        &[("Next Tuesday", "2022-03-01")],
    ),
    (
        "The team played Sunday after the storm.",
        &[("Sunday", "2022-02-27")],
    ),
];

#[test]
fn names_absolute_dates_and_recurring_days_are_never_date_findings() {
    let traps = NAMES_AND_TITLES.len() + ABSOLUTE_DATES.len() + RECURRING_DAYS.len();
    assert!(traps >= 40, "only {traps} traps");
    let mut wrong = Vec::new();
    for (text, expected) in [NAMES_AND_TITLES, ABSOLUTE_DATES, RECURRING_DAYS, TWINS]
        .into_iter()
        .flatten()
    {
        let expected = pairs(expected);
        let found = resolved(text);
        if found != expected {
            wrong.push(format!("{text}: found {found:?}, expected {expected:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The hover over a trap's weekday says why it is no date: a named day or title from the
/// built-in list, the name given to a companion, a work set off by commas, a surname after a
/// title, a place.
#[test]
fn the_hover_explains_the_new_names() {
    use crate::analysis::dates::names::name_around;
    for (text, word, name, why) in [
        (
            "The band played Freaky Friday at the fair.",
            "Friday",
            "Freaky Friday",
            "built-in list",
        ),
        (
            "He was the governor's Man Friday.",
            "Friday",
            "Man Friday",
            "built-in list",
        ),
        (
            "Crusoe named his companion Friday.",
            "Friday",
            "Friday",
            "named their companion",
        ),
        (
            "Wednesday, the Netflix series, was renewed.",
            "Wednesday",
            "Wednesday",
            "named as a series",
        ),
        (
            "Rev. Sunday preached.",
            "Sunday",
            "Rev. Sunday",
            "title before a surname",
        ),
        (
            "Thursday Island is in the strait.",
            "Thursday",
            "Thursday Island",
            "place",
        ),
        (
            "She starred in “Never on Sunday.”",
            "Sunday",
            "Never on Sunday",
            "title case",
        ),
    ] {
        let offset = text.find(word).expect("the weekday") + 2;
        let found = name_around(text, offset, &[]).unwrap_or_else(|| panic!("no name in {text:?}"));
        assert_eq!(&text[found.range.clone()], name, "{text}");
        assert!(found.reason.contains(why), "{}", found.reason);
    }
}
