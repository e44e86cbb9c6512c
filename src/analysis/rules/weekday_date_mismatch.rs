//! # weekday-date-mismatch
//!
//! **What it flags:** a weekday written with a full date that falls on another day: "Monday,
//! March 4, 2025" when March 4, 2025 is a Tuesday.
//!
//! **Why it matters:** one of the two is wrong, and a reader cannot tell which. Corrections of
//! this kind are among the most common in print.
//!
//! **Example:** "The hearing is set for Monday, March 4, 2025." March 4, 2025 is a Tuesday.
//!
//! **Fix:** either correction: change the weekday to match the date ("Tuesday, March 4, 2025"),
//! or change the date to the nearest day with that weekday ("Monday, March 3, 2025").

use jiff::civil::Date;

use crate::analysis::calendar::{
    add_days, explicit_date_after, weekday_date, weekday_name, weekday_named, DateStyle, House,
};
use crate::analysis::finding::{Details, Edit, Finding, Fix, MismatchDetails, RuleCode, Severity};
use crate::analysis::Context;

use super::{Check, Rule};

pub const RULE: Rule = Rule {
    code: RuleCode::WeekdayDateMismatch,
    summary: "A weekday written with a full date that falls on another day of the week.",
    default_severity: Severity::Warning,
    check: Check::Segment(check),
};

fn check(context: &Context, findings: &mut Vec<Finding>) {
    for index in 0..context.paragraphs.len() {
        let all = context.paragraph_words(index);
        for (index, word) in all.iter().enumerate() {
            let Some(weekday) = weekday_named(word.without_possessive()) else {
                continue;
            };
            let Some(written) = explicit_date_after(context.masked, all, index) else {
                continue;
            };
            let Some(year) = written.year else {
                continue;
            };
            let Some(date) = written.in_year(year) else {
                continue;
            };
            if date.weekday() == weekday {
                continue;
            }
            let span = word.range.start..all[written.last].range.end;
            let date_words = all[written.first].range.start..all[written.last].range.end;
            // The nearest date that is a `weekday`, at most three days away.
            let nearest = (1..=3)
                .flat_map(|distance| [add_days(date, -distance), add_days(date, distance)])
                .find(|candidate| candidate.weekday() == weekday)
                .unwrap_or(date);
            let house = House {
                publication: nearest,
                style: if written.day_first {
                    DateStyle::Long
                } else {
                    DateStyle::Ap
                },
            };
            let written_text = context.text[span.clone()].to_string();
            let actual = weekday_name(date.weekday());
            findings.push(Finding {
                rule: RuleCode::WeekdayDateMismatch,
                span: span.clone(),
                severity: RULE.default_severity,
                message: format!(
                    "Weekday and date disagree: {} is a {actual}, not a {}",
                    plain_date(date),
                    weekday_name(weekday)
                ),
                details: Details::WeekdayMismatch(MismatchDetails {
                    written: written_text,
                    actual: weekday_date(date),
                    nearest: weekday_date(nearest),
                }),
                fixes: vec![
                    Fix {
                        title: format!("Change the weekday to {actual}"),
                        edits: vec![Edit::replace(
                            word.range.start..word.range.start + word.without_possessive().len(),
                            actual,
                        )],
                    },
                    Fix {
                        title: format!("Change the date to {}", weekday_date(nearest)),
                        edits: vec![Edit::replace(date_words, with_year(&house, nearest))],
                    },
                ],
                related: Vec::new(),
            });
        }
    }
}

/// "March 4, 2025" for the message, whatever the house style.
fn plain_date(date: Date) -> String {
    House {
        publication: Date::MIN,
        style: DateStyle::Ap,
    }
    .day(date)
}

/// The date in the style it was written in, always with its year (it had one).
fn with_year(house: &House, date: Date) -> String {
    match house.style {
        DateStyle::Long => house.day(date),
        _ => House {
            publication: Date::MIN,
            style: DateStyle::Ap,
        }
        .day(date),
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::tests::{apply_first_fix, findings_of};
    use crate::analysis::{analyze, Format, RuleCode};

    const RULE: RuleCode = RuleCode::WeekdayDateMismatch;

    #[test]
    fn flags_only_weekdays_that_disagree_with_their_dates() {
        for (text, flagged) in [
            (
                "The hearing is on Monday, March 4, 2025.",
                vec!["Monday, March 4, 2025"],
            ),
            ("The hearing is on Tuesday, March 4, 2025.", vec![]),
            (
                "The hearing is on Monday 4 March 2025.",
                vec!["Monday 4 March 2025"],
            ),
            ("The hearing is on Monday, March 4.", vec![]),
        ] {
            assert_eq!(findings_of(RULE, text), flagged, "{text}");
        }
    }

    #[test]
    fn both_corrections_are_offered() {
        assert_eq!(
            apply_first_fix(RULE, "It is on Monday, March 4, 2025."),
            "It is on Tuesday, March 4, 2025."
        );
        let text = "It is on Monday, March 4, 2025.";
        let analysis = analyze(
            text,
            Format::PlainText,
            &crate::analysis::rules::tests::settings(),
        );
        let finding = analysis
            .findings
            .iter()
            .find(|finding| finding.rule == RULE)
            .expect("a finding");
        let mut fixed = text.to_string();
        let edit = &finding.fixes[1].edits[0];
        fixed.replace_range(edit.range.clone(), &edit.replacement);
        assert_eq!(fixed, "It is on Monday, March 3, 2025.");
        assert!(
            finding
                .message
                .contains("March 4, 2025 is a Tuesday, not a Monday"),
            "{}",
            finding.message
        );
    }
}
