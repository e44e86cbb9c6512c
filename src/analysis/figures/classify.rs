//! Whether a number is a claim a copy editor would query, and what a bare number counts: a
//! hypothetical, a rate's base, a span of time, a rule, a policy parameter, a market quote, a
//! name or an allotment is no claim; "49 people" counts, "10 years" measures.

use super::*;

/// Words after a number that make it a stretch of time: "200 days since", "100 days left".
/// Source: the English units of time from the second to the century, in the plural.
#[rustfmt::skip]
pub(super) const TIME_UNITS: &[&str] = &[
    "seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "centuries",
];

/// Words after an amount that make it a parameter of a policy rather than a claim: "a $50,000
/// borrowing cap", "a $15 minimum wage", "incomes above the $125,000 threshold".
/// Source: written for copydesk from the nouns that name a limit a policy sets (examples above).
#[rustfmt::skip]
pub(super) const POLICY_PARAMETERS: &[&str] = &[
    "cap", "limit", "ceiling", "threshold", "minimum", "wage", "deductible",
];

/// Whether the number between `paragraph_words[..before]` and `paragraph_words[after..]` is no
/// claim a copy editor would query: a hypothetical ("if they garner 100,000 signatures"), the
/// base of a rate ("for every $10,000"), a span of time ("200 days"), a rule of procedure
/// ("2,383 delegates needed to win"), a policy parameter ("a $50,000 borrowing cap"), a market
/// quote ("rose 12 cents to $18.40") or part of a name ("S&P 500", "First 100 Days").
pub(super) fn not_a_claim(
    text: &str,
    figure_start: usize,
    paragraph_words: &[Word],
    before: usize,
    after: usize,
    plain: bool,
    money: bool,
) -> bool {
    let previous = |back: usize| before.checked_sub(back).map(|at| &paragraph_words[at]);
    let next = |offset: usize| paragraph_words.get(after + offset);
    let hypothetical = open_question_before(text, paragraph_words, before);
    let rate_base = previous(1).is_some_and(|word| word.is_any(&["every", "per"]));
    let time_span = plain && next(0).is_some_and(|word| word.is_any(TIME_UNITS));
    // "2,383 delegates needed to win", and "It takes 1,237 delegates to win the nomination":
    // what a rule demands, not a count anyone reports.
    let procedure = (0..3)
        .filter_map(next)
        .any(|word| word.is_any(&["needed", "required", "necessary"]))
        || (previous(1).is_some_and(|word| word.is_any(&["takes", "take", "requires", "require"]))
            && (0..3).filter_map(next).any(|word| word.is("to")));
    let policy = money
        && (0..3)
            .filter_map(next)
            .any(|word| word.is_any(POLICY_PARAMETERS));
    // "Trump's plan to deport 11 million people", "the alliance's recommended 2 percent", "a
    // goal of 2 percent": what a proposal or a rule sets out to do, not a count anyone reports.
    let proposal = previous(1).is_some_and(|word| word.is_any(SET_BY_RULE))
        || (previous(1).is_some_and(|word| word.is("of"))
            && previous(2).is_some_and(|word| word.is_any(TARGETS)))
        || (1..=3).any(|back| {
            previous(back + 1).is_some_and(|word| word.is("to"))
                && previous(back + 2).is_some_and(|word| word.is_any(PROPOSALS))
                && (1..=back).all(|between| {
                    previous(between).is_some_and(|word| !word.is_any(&["and", "or", "but"]))
                })
        });
    // "The 757 can often be seen on the runway": a number used as a singular noun is the name of
    // a model or a thing, not a count.
    let model_name = plain
        && previous(1).is_some_and(|word| word.is("the"))
        && !paragraph_words
            .get(before)
            .is_some_and(|number| number.text.contains(','))
        && next(0).is_some_and(|word| word.is_any(&["is", "was", "has", "does", "can"]));
    // "all 1.6 billion members of an entire religion", "all 50 states": the whole of a known
    // group, named to say "every one", not a count anyone reports.
    // "In all, 691 delegates" sums up instead: the count is the claim.
    let whole_group = previous(1)
        .is_some_and(|word| word.is("all") && text[word.range.end..figure_start].trim().len() <= 1)
        && !previous(2).is_some_and(|word| word.is("in"));
    let market_quote = next(0).is_some_and(|word| word.is("cents"))
        || (money
            && previous(1).is_some_and(|word| word.is("to"))
            && previous(2).is_some_and(|word| word.is("cents")));
    // "S&P 500", "FTSE 100", "First 100 Days": a number inside a name.
    let token_before = text[..figure_start]
        .trim_end_matches(' ')
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    let glued = text[..figure_start].ends_with(' ') && !text[..figure_start].ends_with("  ");
    // The capitalised word after the number must stand in its sentence: in "to Sanders' 870.
    // It takes", the number ends a sentence and names nothing.
    let next_in_sentence = after
        .checked_sub(1)
        .and_then(|last| paragraph_words.get(last))
        .zip(next(0))
        .is_some_and(|(last, following)| {
            !text[last.range.end..following.range.start].contains(['.', '!', '?', ';', ':'])
        });
    let name = plain
        && glued
        && (token_before.contains('&')
            || (token_before.len() >= 3 && token_before.chars().all(|c| c.is_ascii_uppercase()))
            || (token_before.starts_with(char::is_uppercase)
                && previous(2).is_some()
                && next_in_sentence
                && next(0).is_some_and(|after| after.is_capitalised())));
    // "the state's 99 delegates": a fixed allotment of delegates, electors or seats is a fact
    // of procedure, not a count anyone reports.
    // "865 delegates are up for grabs", "with 99 delegates at stake" and "California has 475
    // delegates" say the same.
    let state_has = previous(1).is_some_and(|verb| verb.is_any(&["has", "have", "awards"]))
        && US_STATES.iter().any(|state| {
            let parts: Vec<&str> = state.split(' ').collect();
            parts
                .iter()
                .rev()
                .enumerate()
                .all(|(back, part)| previous(back + 2).is_some_and(|word| word.text == *part))
        });
    let allotment = plain
        && next(0).is_some_and(|unit| unit.is_any(ALLOTTED))
        && (state_has
            || previous(1)
                .is_some_and(|owner| owner.text.ends_with("'s") || owner.text.ends_with("’s"))
            || (1..6)
                .filter_map(next)
                .any(|word| word.is_any(&["stake", "grabs"])));
    // "the Fight for $15": a round amount in the name of a campaign, after a capitalised word
    // that does not open the sentence.
    let campaign_name = money
        && !ends_with_scale(paragraph_words, after)
        && previous(1).is_some_and(|word| word.is("for"))
        && previous(2).is_some_and(|word| {
            word.is_capitalised()
                && previous(3).is_some_and(|before| {
                    !text[before.range.end..word.range.start].contains(['.', '!', '?', '"', '“'])
                })
        });
    // "a summit of 27 leaders", "a bloc of 28 nations": the membership of a body of states,
    // which whoever follows the body knows, not a count anyone reports.
    let membership = plain
        && previous(1).is_some_and(|word| word.is("of"))
        && previous(2).is_some_and(|word| word.is_any(BODIES))
        && next(0).is_some_and(|unit| unit.is_any(MEMBER_STATES));
    hypothetical
        || membership
        || rate_base
        || time_span
        || procedure
        || policy
        || proposal
        || model_name
        || whole_group
        || market_quote
        || name
        || allotment
        || campaign_name
}

/// Whether the words before `paragraph_words[before]`, back to the start of its sentence (at
/// most twenty), open a condition or a question the figure stands in: "if they garner 100,000
/// signatures", "whether it will resonate with the majority of voters".
pub(super) fn open_question_before(text: &str, paragraph_words: &[Word], before: usize) -> bool {
    // The words of the sentence before the figure, back to its start or a clause's "if".
    let hypothetical = paragraph_words[..before]
        .iter()
        .rev()
        .take(20)
        .scan(before, |end, word| {
            let gap = &text[word.range.end
                ..paragraph_words
                    .get(*end)
                    .map_or(word.range.end, |next| next.range.start)];
            *end = end.saturating_sub(1);
            (!gap.contains(['.', '!', '?', ';'])).then_some(word)
        })
        .collect::<Vec<_>>();
    // "Asked if her practices were illegal, 46 percent said yes": a question, not a condition.
    // "whether" opens an open question as "if" does, and "is conditional on 50.1% of the
    // shares being tendered" states a condition of an offer, not a count.
    hypothetical.iter().enumerate().any(|(index, word)| {
        word.is_any(&["if", "unless", "whether", "conditional", "contingent"])
            && !hypothetical.get(index + 1).is_some_and(|before| {
                before.is_any(&[
                    "asked", "ask", "asks", "asking", "wondered", "know", "whether",
                ])
            })
    })
}

/// Adjectives of an amount that a rule or a proposal sets: "the recommended 2 percent".
#[rustfmt::skip]
pub(super) const SET_BY_RULE: &[&str] = &[
    "recommended", "mandated", "prescribed", "proposed", "targeted", "statutory",
];

/// Nouns of a goal whose amount follows "of": "a target of 2 percent".
#[rustfmt::skip]
pub(super) const TARGETS: &[&str] = &["target", "goal", "quota", "benchmark", "aim"];

/// Nouns of a plan whose "to" clause sets an amount: "his plan to deport 11 million people".
#[rustfmt::skip]
pub(super) const PROPOSALS: &[&str] = &[
    "plan", "plans", "proposal", "proposals", "pledge", "promise", "vow", "bid", "offer",
];

/// Units of a fixed allotment that a possessive owns: "the state's 99 delegates".
/// Source: written for copydesk from the units of election allotments in US political copy.
#[rustfmt::skip]
pub(super) const ALLOTTED: &[&str] = &["delegates", "electors", "seats", "superdelegates"];

/// The meetings and unions of states whose membership a number gives: "a summit of 27 leaders".
/// Source: written for copydesk from the names of international gatherings and blocs in news copy.
#[rustfmt::skip]
pub(super) const BODIES: &[&str] = &[
    "summit", "summits", "bloc", "alliance", "union", "coalition", "grouping", "club",
];

/// Who sits in a body of states: "27 leaders", "28 nations".
/// Source: written for copydesk from the members of international bodies as news copy counts them.
#[rustfmt::skip]
pub(super) const MEMBER_STATES: &[&str] = &[
    "leaders", "nations", "countries", "states", "governments", "members", "heads",
];

/// The fifty states of the United States and its capital district, whose delegates a party's
/// rules allot: "California has 475 delegates".
/// Source: the states of the United States (U.S. Census Bureau), with the District of Columbia.
#[rustfmt::skip]
pub(super) const US_STATES: &[&str] = &[
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
    "Delaware", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas",
    "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota",
    "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey",
    "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon",
    "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas",
    "Utah", "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming",
    "Columbia", "state",
];

/// Whether the amount before `paragraph_words[after]` carries a scale word ("$15 million",
/// "$3m").
pub(super) fn ends_with_scale(paragraph_words: &[Word], after: usize) -> bool {
    after
        .checked_sub(1)
        .and_then(|last| paragraph_words.get(last))
        .is_some_and(|last| {
            let word = last.text.to_ascii_lowercase();
            scale_of(&word).is_some()
                || (word.starts_with(|c: char| c.is_ascii_digit())
                    && SCALE_SUFFIXES
                        .iter()
                        .any(|(suffix, _)| word.ends_with(suffix)))
        })
}

/// A bare number (no unit, no counted noun) is a statistic from this value up.
pub(super) const BARE_NUMBER_MINIMUM: f64 = 100.0;

/// Nouns that measure time or position rather than count things: "10 years" is a duration.
/// Source: written for copydesk from the English units of time, measure and sport that follow a
/// number in news copy, with the verbs that show a number is a subject ("10 is").
#[rustfmt::skip]
pub(super) const NOT_COUNTED: &[&str] = &[
    "years", "months", "weeks", "days", "hours", "minutes", "seconds", "decades", "centuries",
    "times", "points", "percent", "inches", "feet", "miles", "yards", "pounds", "ounces",
    "degrees", "games", "innings", "rounds", "laps", "pages", "chapters", "is", "was", "has",
    "metres", "meters", "kilometres", "kilometers", "centimetres", "centimeters", "kilograms",
    "grams", "tons", "tonnes", "litres", "liters", "gallons", "acres", "hectares", "storeys",
    "stories", "floors", "lengths",
    "this", "his", "its", "us", "as", "yes",
];

/// Whether a word is a plural noun that a number counts ("people", "voters", "homes").
pub(super) fn is_counted_noun(word: &Word) -> bool {
    let lower = word.text.to_ascii_lowercase();
    let plural = (lower.ends_with('s') && !lower.ends_with("ss") && lower.len() > 3)
        || matches!(
            lower.as_str(),
            "people" | "children" | "men" | "women" | "police" | "staff" | "troops"
        );
    plural && word.text.chars().all(|c| c.is_lowercase()) && !NOT_COUNTED.contains(&lower.as_str())
}
