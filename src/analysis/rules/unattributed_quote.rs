//! # unattributed-quote
//!
//! **What it flags:** a direct quotation of four or more words that nobody is said to have said:
//! no reporting verb ("said", "told", "wrote" ...) or source phrase ("according to", "in a
//! statement") in its sentence, in the sentence before or after it, or, for a quotation that is
//! a paragraph of its own, at the end of the previous paragraph.
//!
//! **Why it matters:** a quotation without a speaker cannot be checked, and readers cannot judge
//! it. AP asks for attribution with every direct quote ("restate attribution unless perfectly
//! clear from context").
//!
//! **Example:** `"We will not raise the levy this year."` standing alone in a paragraph that does
//! not follow a named speaker.
//!
//! **Fix:** "Add attribution" turns the quotation into `"We will not raise the levy this year,"
//! [SPEAKER] said.`, leaving the bracketed placeholder to fill in. Short scare quotes and terms
//! (`the "International Legion"`) and titles are not speech and are never reported.

use std::ops::Range;

use crate::analysis::finding::{
    Details, Edit, Finding, Fix, QuoteDetails, Related, RuleCode, Severity,
};
use crate::analysis::lexicon::PRONOUN_SPEAKERS;
use crate::analysis::quotes::{Quotation, QuoteKind};
use crate::analysis::Context;

use super::{Check, Rule};

pub const RULE: Rule = Rule {
    code: RuleCode::UnattributedQuote,
    summary: "Quotation of four or more words with no speaker or attribution nearby.",
    default_severity: Severity::Warning,
    check: Check::Segment(check),
};

const SEARCHED: &str = "a reporting verb (said, told, added, stated, wrote ...) or a source phrase (according to, in a statement ...) in the quote's sentence, the sentence before or after it, or, for a quote standing alone, at the end of the previous paragraph";

fn check(context: &Context, findings: &mut Vec<Finding>) {
    // The last speaker named before each quotation, found in one pass (looking back from every
    // unattributed quotation would make a paragraph of many quotations quadratic).
    let mut last_named: Option<(String, Range<usize>, usize)> = None;
    for quotation in &context.quotations {
        let named_before = last_named.clone();
        if let Some((name, range)) = named_speaker(quotation) {
            last_named = Some((name, range, quotation.paragraph));
        }
        // An unclosed quotation is reported once, by unclosed-quote, not twice.
        if quotation.kind != QuoteKind::Speech
            || quotation.nested
            || quotation.attribution.is_some()
            || quotation.is_unclosed()
        {
            continue;
        }
        let mut fixes: Vec<Fix> = add_attribution(context, quotation, "[SPEAKER]")
            .into_iter()
            .collect();
        let nearby = nearby_speaker(context, quotation, named_before);
        if let Some((name, ..)) = &nearby {
            fixes.extend(add_attribution(context, quotation, name));
        }
        findings.push(Finding {
            rule: RuleCode::UnattributedQuote,
            span: quotation.span.clone(),
            severity: RULE.default_severity,
            message: "Quote has no attribution: who said this?".to_string(),
            details: Details::Quote(QuoteDetails {
                kind: quotation.kind.as_str(),
                words: quotation.words,
                searched: SEARCHED.to_string(),
            }),
            fixes,
            related: nearby
                .map(|(name, span, segments_back)| Related {
                    span,
                    message: format!("{name}, the last speaker named nearby"),
                    segments_back,
                })
                .into_iter()
                .collect(),
        });
    }
}

/// The last speaker named in an attribution within the two paragraphs before the quotation,
/// looking into the text before this segment when the quotation is near its start.
/// `named_before` is the last speaker named by a quotation before this one, with its paragraph.
/// Returns the name, where it stands and in which segment (as in [`Related::segments_back`]).
fn nearby_speaker(
    context: &Context,
    quotation: &Quotation,
    named_before: Option<(String, Range<usize>, usize)>,
) -> Option<(String, Range<usize>, usize)> {
    if let Some((name, range, paragraph)) = named_before {
        if paragraph + 2 >= quotation.paragraph {
            return Some((name, range, 0));
        }
    }
    context
        .nearby_speakers
        .iter()
        .filter(|earlier| quotation.paragraph + earlier.paragraphs_back <= 2)
        .map(|earlier| {
            (
                earlier.name.clone(),
                earlier.range.clone(),
                earlier.segments_back,
            )
        })
        .next_back()
}

/// The person a quotation's attribution names, with where the name stands; `None` for a
/// pronoun or an attribution without a name.
pub(crate) fn named_speaker(quotation: &Quotation) -> Option<(String, Range<usize>)> {
    let speaker = quotation.attribution.as_ref()?.cue.speaker.as_ref()?;
    let name = quotation
        .speaker
        .as_deref()?
        .split(" (“")
        .next()?
        .to_string();
    let is_name = name.chars().next().is_some_and(char::is_uppercase)
        && !PRONOUN_SPEAKERS.contains(&name.to_ascii_lowercase().as_str());
    is_name.then(|| (name, speaker.range.clone()))
}

/// Builds the "Add attribution" fix in news style: the attribution follows the quotation, and a
/// full stop that ended the quotation becomes a comma inside the closing mark.
fn add_attribution(context: &Context, quotation: &Quotation, speaker: &str) -> Option<Fix> {
    if !quotation.closed {
        return None;
    }
    let text = context.text;
    let interior = text[quotation.inner.clone()].trim_end();
    let last = interior.chars().last()?;
    let interior_end = quotation.inner.start + interior.len();
    let after_mark = &text[quotation.span.end..];
    let continues_with_quotation = after_mark.trim_start().starts_with(['"', '“', '«', '„']);
    let edits = match last {
        '.' => vec![
            Edit::replace(interior_end - 1..interior_end, ","),
            Edit::insert(quotation.span.end, format!(" {speaker} said.")),
        ],
        ',' if continues_with_quotation => {
            vec![Edit::insert(
                quotation.span.end,
                format!(" {speaker} said,"),
            )]
        }
        ',' => vec![Edit::insert(quotation.span.end, format!(" {speaker} said"))],
        '?' | '!' => {
            let ends_sentence = after_mark.trim_start().is_empty()
                || after_mark
                    .trim_start()
                    .starts_with(|c: char| c.is_uppercase());
            let insertion = if ends_sentence {
                format!(" {speaker} said.")
            } else {
                format!(" {speaker} said")
            };
            vec![Edit::insert(quotation.span.end, insertion)]
        }
        _ => {
            // A partial quotation inside a sentence: attribute the whole sentence at its end.
            let sentence_end = sentence_end_before_punctuation(context, quotation)?;
            vec![Edit::insert(sentence_end, format!(", {speaker} said"))]
        }
    };
    let title = if speaker == "[SPEAKER]" {
        "Add attribution: [SPEAKER] said".to_string()
    } else {
        format!("Attribute to {speaker}")
    };
    Some(Fix { title, edits })
}

fn sentence_end_before_punctuation(context: &Context, quotation: &Quotation) -> Option<usize> {
    let paragraph = context.paragraphs.get(quotation.paragraph)?;
    let sentence: Range<usize> = context.sentence_at(paragraph, quotation.span.start);
    let body = context.text[sentence.clone()].trim_end();
    let trimmed = body.trim_end_matches(['.', '!', '?']);
    Some(sentence.start + trimmed.len().max(quotation.span.end - sentence.start))
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::tests::{apply_first_fix, findings_of};
    use crate::analysis::RuleCode;

    const RULE: RuleCode = RuleCode::UnattributedQuote;

    #[test]
    fn flags_speech_without_attribution() {
        for (text, flagged) in [
            ("The council met. \"We will not raise the levy this year.\"", vec!["\"We will not raise the levy this year.\""]),
            ("“We will not raise the levy this year,” the mayor said.", vec![]),
            ("The mayor said: “We will not raise the levy this year.”", vec![]),
            ("According to the mayor, “the levy will not rise this year.”", vec![]),
            ("Officials formed the \"International Legion\" on Monday.", vec![]),
            ("The mayor spoke. She was clear.\n\nThe levy stays. \"Nobody will pay more next year.\"", vec!["\"Nobody will pay more next year.\""]),
            ("He called it a \"deal\" and left.", vec![]),
        ] {
            assert_eq!(findings_of(RULE, text), flagged, "{text}");
        }
    }

    #[test]
    fn a_speaker_named_nearby_is_offered() {
        let text =
            "Mira Osei said the vote was close.\n\n\"We will not raise the levy this year.\"";
        let analysis = crate::analysis::analyze(
            text,
            crate::analysis::Format::PlainText,
            &crate::analysis::rules::tests::settings(),
        );
        let finding = analysis
            .findings
            .iter()
            .find(|finding| finding.rule == RULE);
        // The previous paragraph's cue already attributes a quote-only paragraph.
        assert!(finding.is_none(), "{finding:?}");
        let text = "\"The vote was close,\" Mira Osei said.\n\nThe levy stays in place for now.\n\n\"We will not raise the levy this year.\"";
        let finding = crate::analysis::rules::tests::first_finding(RULE, text);
        let titles: Vec<&str> = finding.fixes.iter().map(|fix| fix.title.as_str()).collect();
        assert_eq!(
            titles,
            vec!["Add attribution: [SPEAKER] said", "Attribute to Mira Osei"]
        );
        assert_eq!(
            finding.related[0].message,
            "Mira Osei, the last speaker named nearby"
        );
        // The name stands in an earlier segment than the quotation; the whole draft's analysis
        // points at it in the draft.
        assert_eq!(&text[finding.related[0].span.clone()], "Mira Osei");
        assert_eq!(finding.related[0].segments_back, 0);
    }

    #[test]
    fn a_speaker_a_pronoun_stands_for_is_offered_without_a_possessive() {
        let text = "Voters like Ana Reyes’s plan. As they say, “the levy is fair.”\n\nThe levy stays in place for now.\n\nThe council met. “We will not raise the levy this year.”";
        let finding = crate::analysis::rules::tests::first_finding(RULE, text);
        let titles: Vec<&str> = finding.fixes.iter().map(|fix| fix.title.as_str()).collect();
        assert_eq!(
            titles,
            vec!["Add attribution: [SPEAKER] said", "Attribute to Ana Reyes"]
        );
    }

    #[test]
    fn add_attribution_keeps_news_punctuation() {
        for (text, fixed) in [
            ("The council met. \"We will not raise the levy.\"", "The council met. \"We will not raise the levy,\" [SPEAKER] said."),
            ("The council met. \"Will you raise the levy this year?\"", "The council met. \"Will you raise the levy this year?\" [SPEAKER] said."),
            ("The council met. It was a \"complete and utter waste of time\" for many.", "The council met. It was a \"complete and utter waste of time\" for many, [SPEAKER] said."),
        ] {
            assert_eq!(apply_first_fix(RULE, text), fixed, "{text}");
        }
    }
}
