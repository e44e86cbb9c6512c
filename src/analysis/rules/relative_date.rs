//! # relative-date
//!
//! **What it flags:** dates whose meaning depends on when the story is read: weekday names ("on
//! Monday", "last Thursday", "Friday night"), "yesterday", "today", "tonight", "tomorrow",
//! "overnight", "last week", "this month", "next year", "earlier this week", "three days ago",
//! "the day before".
//!
//! **Why it matters:** copy is read, syndicated and archived long after it is written; "on
//! Monday" in a story first read on Wednesday sends readers to the wrong day. Each finding is
//! resolved against the draft's publication date (front matter, else the `referenceDate`
//! setting, else today, marked as assumed), so the editor can check the date the reporter meant.
//!
//! **Example:** with the publication date Monday, Feb. 28, 2022, "the invasion that began on
//! Thursday" means Thursday, Feb. 24, 2022 (past tense: the Thursday before).
//!
//! **Fix:** replace the expression with the absolute date in AP style ("Feb. 24"; the year only
//! when it differs from the publication year). Inside a quotation the words are never changed:
//! the fix adds the date in brackets after them, as editors do (`on Monday [Feb. 28]`).
//! Weekdays within seven days of publication are information only: AP style allows them.

use crate::analysis::calendar::House;
use crate::analysis::dates::expressions::scan;
use crate::analysis::dates::formatting::fixes_for;
use crate::analysis::dates::names::{house_names_in, name_at};
use crate::analysis::dates::resolution::resolve;
use crate::analysis::dates::tense::tense_near;
use crate::analysis::dates::Expression;
use crate::analysis::finding::{
    DateDetails, Details, Edit, Finding, Fix, ReferenceSource, RuleCode, Severity,
};
use crate::analysis::quotes::QuoteKind;
use crate::analysis::words::words;
use crate::analysis::Context;

use super::Rule;

pub const RULE: Rule = Rule {
    code: RuleCode::RelativeDate,
    summary: "Date relative to the day of reading (on Monday, yesterday, last week): resolved against the publication date.",
    default_severity: Severity::Warning,
    check,
};

/// A month and day without a year within this many days of publication is taken as meant.
const MONTH_DAY_NEAR_DAYS: i64 = 90;

fn check(context: &Context, findings: &mut Vec<Finding>) {
    let reference = context.reference;
    for paragraph in &context.paragraphs {
        let paragraph_words = words(context.masked, paragraph.range.clone());
        let house_names = house_names_in(
            context.masked,
            paragraph.range.clone(),
            &context.settings.house.date_names,
        );
        for found in scan(context.masked, &paragraph_words) {
            if name_at(context.masked, &paragraph_words, &found, &house_names).is_some() {
                continue;
            }
            let in_dateline = context.dateline.as_ref().is_some_and(|dateline| {
                found.range.start < dateline.end && dateline.start < found.range.end
            });
            if in_dateline {
                continue;
            }
            let sentence = context.sentence_at(paragraph, found.range.start);
            let tense = tense_near(context.masked, sentence, &found.range);
            let house = House {
                publication: reference.date,
                style: context.settings.date_style,
            };
            let resolution = resolve(&found.expression, house, tense);
            let month_day = matches!(found.expression, Expression::MonthDay { .. });
            // A month and day near the publication date is unambiguous; only a far one asks
            // "which year?".
            if month_day
                && resolution
                    .distance_in_days
                    .is_some_and(|days| days.abs() <= MONTH_DAY_NEAR_DAYS)
            {
                continue;
            }
            let expression_text = context.text[found.range.clone()].to_string();
            let in_quotation = context
                .quotation_at(found.range.start)
                .is_some_and(|quotation| quotation.kind == QuoteKind::Speech);
            let near_weekday = matches!(
                found.expression,
                Expression::Weekday { .. } | Expression::DatedWeekday { .. }
            ) && resolution
                .distance_in_days
                .is_some_and(|days| days.abs() <= 7);
            let severity = if in_quotation
                || month_day
                || (near_weekday && reference.source != ReferenceSource::AssumedToday)
            {
                Severity::Information
            } else {
                RULE.default_severity
            };
            let fixes = match (&found.expression, &resolution.absolute, resolution.day) {
                (Expression::MonthDay { day_first, .. }, _, Some(day)) => {
                    let separator = if *day_first { " " } else { ", " };
                    vec![Fix {
                        title: format!("Add the year: {}", day.year()),
                        edits: vec![Edit::insert(
                            found.range.end,
                            format!("{separator}{}", day.year()),
                        )],
                    }]
                }
                (_, Some(absolute), _) => {
                    fixes_for(context, &found, absolute, &resolution, house, in_quotation)
                }
                _ => Vec::new(),
            };
            let message = match reference.source {
                ReferenceSource::AssumedToday => format!(
                    "Relative date: “{expression_text}” would mean {}, but the draft has no publication date",
                    resolution.meaning
                ),
                _ => format!(
                    "Relative date: “{expression_text}” means {}",
                    resolution.meaning
                ),
            };
            findings.push(Finding {
                rule: RuleCode::RelativeDate,
                span: found.range.clone(),
                severity,
                message,
                details: Details::RelativeDate(DateDetails {
                    expression: expression_text,
                    resolved: resolution.timeml,
                    meaning: resolution.meaning,
                    reasoning: resolution.reasoning,
                    reference,
                    in_quotation,
                    short: resolution.absolute.as_deref().map(|absolute| {
                        absolute.strip_prefix("in ").unwrap_or(absolute).to_string()
                    }),
                }),
                fixes,
                related: Vec::new(),
            });
        }
    }
}
