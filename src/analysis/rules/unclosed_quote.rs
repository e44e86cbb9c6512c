//! # unclosed-quote
//!
//! **What it flags:** a quotation mark that is never closed in its paragraph (when the next
//! paragraph does not open with a quotation mark to continue it), and a closing mark with no
//! opening mark before it.
//!
//! **Why it matters:** the reader cannot tell where the quoted words end, and every check that
//! depends on quotations (attribution, dates inside quotes) is unsure too. One clear finding here
//! replaces a cascade of wrong ones.
//!
//! **Example:** `The mayor said "we will rebuild the pier before summer.` (no closing mark).
//!
//! **Fix:** add the closing mark at the end of the paragraph; where it really goes is for the
//! writer to decide, so check the result.

use crate::analysis::finding::{Details, Edit, Finding, Fix, RuleCode, Severity};
use crate::analysis::Context;

use super::{Check, Rule};

pub const RULE: Rule = Rule {
    code: RuleCode::UnclosedQuote,
    summary: "Quotation mark that is never closed, or a closing mark that was never opened.",
    default_severity: Severity::Information,
    check: Check::Segment(check),
};

fn check(context: &Context, findings: &mut Vec<Finding>) {
    for quotation in context
        .quotations
        .iter()
        .filter(|quotation| quotation.is_unclosed())
    {
        let opening = context.text[quotation.span.clone()]
            .chars()
            .next()
            .unwrap_or('"');
        let closing = match opening {
            '“' => '”',
            '«' => '»',
            '„' => '“',
            _ => '"',
        };
        findings.push(Finding {
            rule: RuleCode::UnclosedQuote,
            span: quotation.span.start..quotation.inner.start,
            severity: RULE.default_severity,
            message: "Quotation mark is never closed: where does the quote end?".to_string(),
            details: Details::Notes(vec![
                "The paragraph ends before a closing mark, and the next paragraph does not open with a quotation mark to continue the quote.".to_string(),
                "Until it is closed, copydesk cannot tell which words are quoted.".to_string(),
            ]),
            fixes: vec![Fix {
                title: format!("Close the quotation at the end of the paragraph ({closing})"),
                edits: vec![Edit::insert(quotation.span.end, closing.to_string())],
            }],
            related: Vec::new(),
        });
    }
    for paragraph in &context.paragraphs {
        for mark in &paragraph.stray_marks {
            findings.push(Finding {
                rule: RuleCode::UnclosedQuote,
                span: mark.clone(),
                severity: RULE.default_severity,
                message: "Closing quotation mark with no opening mark: where does the quote start?"
                    .to_string(),
                details: Details::Notes(vec![
                    "No opening quotation mark comes before this closing mark in the paragraph."
                        .to_string(),
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

    const RULE: RuleCode = RuleCode::UnclosedQuote;

    #[test]
    fn open_and_stray_marks_are_reported_once() {
        for (text, expected) in [
            (
                "The mayor said \"we will rebuild the pier before summer.",
                vec!["\""],
            ),
            ("The mayor said “we will rebuild.” Then she left.", vec![]),
            (
                "“This quote goes on\n\n“into the next paragraph,” she said.",
                vec![],
            ),
            ("The mayor said we will rebuild.” Then she left.", vec!["”"]),
        ] {
            assert_eq!(findings_of(RULE, text), expected, "{text}");
        }
    }

    #[test]
    fn an_unclosed_quote_is_not_also_an_unattributed_one() {
        let text = "The storm passed. \"Nobody expected the water to rise this fast";
        assert_eq!(
            findings_of(RuleCode::UnattributedQuote, text),
            Vec::<String>::new()
        );
        assert_eq!(findings_of(RULE, text), vec!["\""]);
    }
}
