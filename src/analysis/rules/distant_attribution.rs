//! # distant-attribution
//!
//! **What it flags:** a quotation whose speaker is named more than one paragraph earlier: a run
//! of quote paragraphs, or a long multi-paragraph quotation, carried by one attribution.
//!
//! **Why it matters:** readers lose track of who is talking. AP: "restate attribution unless it
//! is perfectly clear from context".
//!
//! **Example:** three paragraphs of quotation after `The mayor said:`; the third paragraph is
//! two paragraphs away from its speaker.
//!
//! **Fix:** restate the attribution in the quotation's paragraph (`..., [SPEAKER] said.`).

use crate::analysis::finding::{Details, Finding, Related, RuleCode, Severity};
use crate::analysis::Context;

use super::{Check, Rule};

pub const RULE: Rule = Rule {
    code: RuleCode::DistantAttribution,
    summary: "Quotation whose speaker is named more than one paragraph earlier.",
    default_severity: Severity::Information,
    check: Check::Segment(check),
};

fn check(context: &Context, findings: &mut Vec<Finding>) {
    for quotation in context
        .quotations
        .iter()
        .filter(|quotation| !quotation.nested)
    {
        let Some(attribution) = &quotation.attribution else {
            continue;
        };
        let back = attribution.paragraphs_back;
        if back <= 1 {
            continue;
        }
        let speaker = quotation
            .speaker
            .clone()
            .unwrap_or_else(|| "the speaker".to_string());
        findings.push(Finding {
            rule: RuleCode::DistantAttribution,
            span: quotation.span.clone(),
            severity: RULE.default_severity,
            message: format!("Attribution is {back} paragraphs back: restate it?"),
            details: Details::Notes(vec![
                format!(
                    "This quotation is attributed to {speaker} ({}), {back} paragraphs earlier.",
                    attribution.cue.text
                ),
                "AP: restate attribution unless it is perfectly clear from context.".to_string(),
            ]),
            fixes: Vec::new(),
            related: vec![Related {
                span: attribution
                    .cue
                    .speaker
                    .as_ref()
                    .map_or(attribution.cue.range.clone(), |speaker| {
                        speaker.range.clone()
                    }),
                message: format!("{speaker} is named here"),
                segments_back: 0,
            }],
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::tests::findings_of;
    use crate::analysis::RuleCode;

    #[test]
    fn only_quotes_more_than_one_paragraph_from_their_speaker() {
        let text = "The mayor said:\n\n\"We will rebuild the pier before the summer season.\"\n\n\"We will reopen the ferry dock in the spring.\"\n\n\"And we will do it on budget, every single part of it.\"";
        assert_eq!(
            findings_of(RuleCode::DistantAttribution, text),
            vec![
                "\"We will reopen the ferry dock in the spring.\"",
                "\"And we will do it on budget, every single part of it.\""
            ]
        );
    }
}
