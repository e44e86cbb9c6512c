//! The fixes of a relative date: the absolute date written in place of the words, the date
//! added after a weekday, or, inside a quotation, the date in brackets.

use super::resolution::Resolution;
use super::{Expression, Match};
use crate::analysis::calendar::House;
use crate::analysis::finding::{Edit, Fix};
use crate::analysis::Context;

/// Prepositions after which a weekday is replaced by a bare date ("since Thursday" becomes "since
/// Feb. 24"). Source: the English prepositions of time, written for copydesk.
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

/// The fixes of a relative date: replace it with the absolute date; for a weekday, also keep it
/// and add the date ("on Thursday, Feb. 24"); inside a quotation, only the bracketed date.
pub(crate) fn fixes_for(
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
