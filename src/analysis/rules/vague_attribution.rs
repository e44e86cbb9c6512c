//! # vague-attribution
//!
//! **What it flags:** attribution to nobody in particular: "sources said", "a source told",
//! "experts say", "critics argue", "studies show", "officials said", "according to sources",
//! when nothing describes who they are.
//!
//! **Why it matters:** AP asks that an anonymous source be described as precisely as possible
//! ("a senior official in the ministry who was present at the meeting") and that the story say
//! why the source is not named. "Experts say" and "studies show" let a claim pass unchecked.
//!
//! **Example:** "Sources said the deal would be signed this week."
//!
//! **Fix:** name the source, or describe it: which sources, what they know, why they are not
//! named. There is no automatic fix: only the reporter knows.

use crate::analysis::finding::{Details, Finding, RuleCode, Severity};
use crate::analysis::lexicon::is_reporting_verb;
use crate::analysis::words::Word;
use crate::analysis::Context;

use super::{Check, Rule};

pub const RULE: Rule = Rule {
    code: RuleCode::VagueAttribution,
    summary:
        "Attribution to undescribed sources: \"sources said\", \"experts say\", \"studies show\".",
    default_severity: Severity::Information,
    check: Check::Segment(check),
};

/// Nouns that stand for a source nobody has named.
/// Source: the AP Stylebook's "anonymous sources" entry and newsroom guides on vague attribution
/// ("experts say", "critics say", "sources said"), written for copydesk.
#[rustfmt::skip]
const VAGUE_SOURCES: &[&str] = &[
    "source", "sources", "experts", "critics", "studies", "officials", "analysts", "observers",
    "insiders", "observers", "research", "reports", "people", "many", "some", "others",
];
/// Words before such a noun that count it without describing it.
/// Source: the English articles, quantifiers and small numbers that count a noun, with the
/// adjectives that say a source is unnamed, written for copydesk.
#[rustfmt::skip]
const NOT_A_DESCRIPTION: &[&str] = &[
    "a", "an", "some", "many", "several", "numerous", "unnamed", "anonymous", "other", "various",
    "certain", "few", "most", "two", "three", "four", "five", "multiple", "according", "to",
];

/// The built-in phrases, then the desk's own from its house rules (which skip words already
/// reported here).
fn check(context: &Context, findings: &mut Vec<Finding>) {
    built_in(context, findings);
    crate::analysis::house_lexicon::vague_phrases(context, RULE.default_severity, findings);
}

fn built_in(context: &Context, findings: &mut Vec<Finding>) {
    for (paragraph_index, paragraph) in context.paragraphs.iter().enumerate() {
        // A nested quotation lies inside its outer one, so the outer interiors alone say
        // whether a word is quoted. They are in order and do not overlap: the only one that may
        // hold a word is the last that starts at or before it (a binary search, not a scan, so
        // a paragraph of many quotations stays linear).
        let interiors: Vec<_> = context.quotations[paragraph.quotations.clone()]
            .iter()
            .filter(|quotation| !quotation.nested)
            .map(|quotation| quotation.inner.clone())
            .collect();
        let inside_a_quotation = |offset: usize| {
            let after = interiors.partition_point(|inside| inside.start <= offset);
            after > 0 && interiors[after - 1].contains(&offset)
        };
        let all: Vec<Word> = context
            .paragraph_words(paragraph_index)
            .iter()
            .filter(|word| !inside_a_quotation(word.range.start))
            .cloned()
            .collect();
        for (index, word) in all.iter().enumerate() {
            if !word.is_any(VAGUE_SOURCES) {
                continue;
            }
            let previous = index.checked_sub(1).map(|at| &all[at]);
            let next = all.get(index + 1);
            let joined = |left: &Word, right: &Word| {
                context.masked[left.range.end..right.range.start]
                    .trim()
                    .is_empty()
            };
            let starts_sentence = previous.is_none_or(|before| !joined(before, word));
            let counted_only = previous
                .is_some_and(|before| joined(before, word) && before.is_any(NOT_A_DESCRIPTION));
            // "many" and "some" alone are only vague as subjects of "say": "some say".
            let pronoun_like = word.is_any(&["many", "some", "others", "people"]);
            let according_to =
                index >= 2 && all[index - 2].is("according") && all[index - 1].is("to");
            let followed_by_verb = next.is_some_and(|verb| {
                joined(word, verb)
                    && (is_reporting_verb(verb.text)
                        || verb.is_any(&["show", "shows", "suggest", "suggests"]))
            });
            // "sources close to the talks" and "experts at the institute" are described.
            let described_after = next.is_some_and(|after| {
                after.is_any(&["close", "familiar", "at", "from", "with", "in", "who", "on"])
            });
            let vague = (starts_sentence || counted_only || according_to)
                && (followed_by_verb || according_to)
                && !described_after
                && !(pronoun_like && according_to);
            if !vague {
                continue;
            }
            let start = if counted_only && !according_to {
                previous.map_or(word.range.start, |before| before.range.start)
            } else {
                word.range.start
            };
            let end = if followed_by_verb {
                next.map_or(word.range.end, |verb| verb.range.end)
            } else {
                word.range.end
            };
            let phrase = context.text[start..end].to_string();
            findings.push(Finding {
                rule: RuleCode::VagueAttribution,
                span: start..end,
                severity: RULE.default_severity,
                message: format!("Vague attribution: “{phrase}”: who, exactly?"),
                details: Details::Notes(vec![
                    "Attribute to a described source: who they are, how they know, and why they are not named (AP: describe anonymous sources as precisely as possible).".to_string(),
                    "\"Experts say\" and \"studies show\" need the expert or the study.".to_string(),
                ]),
                fixes: Vec::new(),
                related: Vec::new(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::tests::findings_of;
    use crate::analysis::RuleCode;

    const RULE: RuleCode = RuleCode::VagueAttribution;

    #[test]
    fn undescribed_sources_are_flagged() {
        for (text, expected) in [
            ("Sources said the deal was close.", vec!["Sources said"]),
            (
                "A source told the paper the deal was close.",
                vec!["A source told"],
            ),
            ("Experts say the bridge is unsafe.", vec!["Experts say"]),
            ("Critics argue the levy is unfair.", vec!["Critics argue"]),
            ("Studies show the levy works.", vec!["Studies show"]),
            ("The deal was close, according to sources.", vec!["sources"]),
            (
                "Two officials said the deal was close.",
                vec!["Two officials said"],
            ),
        ] {
            assert_eq!(findings_of(RULE, text), expected, "{text}");
        }
    }

    #[test]
    fn described_sources_are_not() {
        for text in [
            "Pentagon officials said the deal was close.",
            "Sources close to the talks said the deal was close.",
            "The officials said the deal was close.",
            "Experts at the port authority say the bridge is unsafe.",
            "A study by the university shows the levy works.",
            "\"Sources said nothing,\" she said.",
        ] {
            assert_eq!(findings_of(RULE, text), Vec::<String>::new(), "{text}");
        }
    }
}
