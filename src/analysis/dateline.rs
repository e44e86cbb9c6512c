//! The dateline: wire copy states where and when it was filed at the top of the story
//! (`KYIV, Ukraine, Feb. 28 (Reuters) -`, `28 February 2022 —`, `WASHINGTON (AP) — Monday,
//! March 3, 2026`). When the draft has no front matter date, that date is the publication date.

use std::ops::Range;

use jiff::civil::Date;

use super::calendar::{ap_month, month_name, weekday_date, weekday_named, written_date_at};
use super::finding::{
    Details, Edit, Finding, Fix, ReferenceDate, ReferenceSource, RuleCode, Severity,
};
use super::prose::Format;
use super::prose::Prose;
use super::settings::DateStyle;
use super::words::{floor_char_boundary, words_from, Word};

/// How far into the first paragraph a dateline's date may stand.
const DATELINE_REACH: usize = 300;
/// How many words into the first paragraph a dateline's date may start.
const DATELINE_WORDS: usize = 40;
/// How far back an inferred dateline year may put the date before the inference is doubtful
/// enough to ask about: about nine months. A story read that long after it was filed is more
/// likely a draft from last year's file than this year's copy.
const INFERRED_YEAR_DOUBTFUL_DAYS: i32 = 274;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    pub date: Date,
    /// The date's words in the text.
    pub range: Range<usize>,
    /// The dateline gives a month and day but no year, and the year was inferred.
    pub year_inferred: bool,
}

/// The dateline of the first body paragraph, if it has one.
///
/// A date without a year is read as the latest such date not after `today` (the configured
/// reference date or today): a wire story is filed before it is read, never from the future,
/// so "Feb. 28" read on Dec. 7 is the Feb. 28 just gone, not the one next year.
pub fn find(prose: &Prose, today: Date) -> Option<Dateline> {
    let paragraph = prose
        .paragraphs
        .iter()
        .find(|paragraph| !paragraph.is_heading)?;
    let text = &prose.masked;
    let end = floor_char_boundary(
        text,
        paragraph
            .range
            .end
            .min(paragraph.range.start + DATELINE_REACH),
    );
    let mut reading = words_from(text, paragraph.range.start..end);
    let first = reading.next()?;
    // A city in capitals opens a dateline ("KYIV,", "WASHINGTON (AP)").
    let letters: Vec<char> = first.text.chars().filter(|c| c.is_alphabetic()).collect();
    let city_first = letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase());
    // Every segment's opening is read here. Without a city a date can only open the paragraph
    // or follow a weekday there, so only the words such a date can take are read (a date has
    // at most three); after a city, those of the first DATELINE_WORDS words.
    let wanted = if city_first { DATELINE_WORDS + 2 } else { 4 };
    let opening: Vec<Word> = std::iter::once(first).chain(reading).take(wanted).collect();
    let first = &opening[0];
    for index in 0..opening.len().min(DATELINE_WORDS) {
        let starts_paragraph = index == 0 || (index == 1 && weekday_named(first.text).is_some());
        if !city_first && !starts_paragraph {
            break;
        }
        let Some(written) = written_date_at(text, &opening, index) else {
            continue;
        };
        let date = match written.year {
            Some(year) => written.in_year(year)?,
            // Feb. 29 exists only in leap years, so up to eight years back are tried.
            None => (0..=8i16)
                .filter_map(|back| written.in_year(today.year() - back))
                .find(|date| *date <= today)?,
        };
        return Some(Dateline {
            date,
            range: opening[written.first].range.start..opening[written.last].range.end,
            year_inferred: written.year.is_none(),
        });
    }
    None
}

/// A warning on a dateline whose year was inferred and puts the publication date far back
/// (more than about nine months before `today`): every relative date in the story is resolved
/// against it, so the year should be written. `range` is the dateline's date in `text`.
pub fn doubtful_year(
    text: &str,
    range: Range<usize>,
    reference: ReferenceDate,
    today: Date,
) -> Option<Finding> {
    if reference.source != ReferenceSource::Dateline || !reference.year_inferred {
        return None;
    }
    let days_back = (today - reference.date).get_days();
    if days_back <= INFERRED_YEAR_DOUBTFUL_DAYS {
        return None;
    }
    let written = text.get(range.clone())?;
    let year = reference.date.year();
    // "Feb. 28" takes ", 2026"; "28 February" takes " 2026".
    let separator = if written.ends_with(|c: char| c.is_ascii_digit()) {
        ", "
    } else {
        " "
    };
    Some(Finding {
        rule: RuleCode::RelativeDate,
        span: range.clone(),
        severity: Severity::Warning,
        message: format!(
            "Dateline: “{written}” has no year; read as {}, {} months ago",
            weekday_date(reference.date),
            days_back / 30
        ),
        details: Details::Notes(vec![
            format!(
                "The dateline's year is inferred: the latest {written} not after today ({}).",
                weekday_date(today)
            ),
            "Every relative date in the story is resolved against it: write the year if the story is from another year.".to_string(),
        ]),
        fixes: vec![Fix {
            title: format!("Add the year: {year}"),
            edits: vec![Edit::insert(range.end, format!("{separator}{year}"))],
        }],
        related: Vec::new(),
    })
}

/// The fix that gives an undated draft its publication date, offered first on every date
/// finding while the date is only assumed: in front matter (a `date:` line added to the
/// draft's front matter, or a new block in Markdown), else as a dateline line at the top of a
/// plain-text draft. It writes `today`, the date assumed, for the writer to correct.
/// `front_matter` is the range of the draft's front matter, which has no date.
pub fn set_publication_date(
    text: &str,
    format: Format,
    front_matter: Option<Range<usize>>,
    today: Date,
    style: DateStyle,
) -> Fix {
    let iso = today.to_string();
    let (title, edit) = match front_matter {
        Some(range) => {
            // The key goes right after the opening fence, in the block's own syntax.
            let block = &text[range.clone()];
            let toml = block.starts_with("+++");
            let line = if toml {
                format!("date = {iso}")
            } else {
                format!("date: {iso}")
            };
            let after_fence = block
                .find('\n')
                .map_or(range.end, |at| range.start + at + 1);
            (
                format!("Set the publication date: add “{line}” to the front matter"),
                Edit::insert(after_fence, format!("{line}\n")),
            )
        }
        None if format == Format::Markdown => (
            format!("Set the publication date: add front matter “date: {iso}”"),
            Edit::insert(0, format!("---\ndate: {iso}\n---\n\n")),
        ),
        None => {
            let written = match style {
                DateStyle::Ap => format!(
                    "{} {}, {}",
                    ap_month(today.month()),
                    today.day(),
                    today.year()
                ),
                DateStyle::Iso => iso,
                DateStyle::Long => format!(
                    "{} {} {}",
                    today.day(),
                    month_name(today.month()),
                    today.year()
                ),
            };
            (
                format!("Set the publication date: add the dateline “{written} —”"),
                Edit::insert(0, format!("{written} —\n")),
            )
        }
    };
    Fix {
        title,
        edits: vec![edit],
    }
}

/// Marks the fixes of a relative date resolved against an assumed publication date: each
/// title says "(assuming today)", and setting the publication date comes first.
pub fn mark_assumed(finding: &mut Finding, set_date: &Fix) {
    if finding.rule != RuleCode::RelativeDate
        || !matches!(finding.details, Details::RelativeDate(_))
    {
        return;
    }
    for fix in &mut finding.fixes {
        fix.title.push_str(" (assuming today)");
    }
    finding.fixes.insert(0, set_date.clone());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::prose::Format;
    use jiff::civil::date;

    fn set_date(text: &str, format: Format, style: DateStyle) -> String {
        let prose = Prose::parse(text, format);
        let fix = set_publication_date(
            text,
            format,
            prose.front_matter.map(|matter| matter.range),
            date(2026, 12, 7),
            style,
        );
        let mut fixed = text.to_string();
        for edit in fix.edits.iter().rev() {
            fixed.replace_range(edit.range.clone(), &edit.replacement);
        }
        // The fixed draft has the date it was given.
        let reread = Prose::parse(&fixed, format);
        let read = reread
            .front_matter
            .clone()
            .and_then(|matter| matter.date)
            .or_else(|| find(&reread, date(2026, 12, 7)).map(|found| found.date));
        assert_eq!(read, Some(date(2026, 12, 7)), "{fixed}");
        format!("{}\n{fixed}", fix.title)
    }

    #[test]
    fn setting_the_publication_date_writes_front_matter_or_a_dateline() {
        assert_eq!(
            set_date("The vote was on Tuesday.\n", Format::Markdown, DateStyle::Ap),
            "Set the publication date: add front matter “date: 2026-12-07”\n---\ndate: 2026-12-07\n---\n\nThe vote was on Tuesday.\n"
        );
        assert_eq!(
            set_date("---\ntitle: Vote\n---\nThe vote was on Tuesday.\n", Format::Markdown, DateStyle::Ap),
            "Set the publication date: add “date: 2026-12-07” to the front matter\n---\ndate: 2026-12-07\ntitle: Vote\n---\nThe vote was on Tuesday.\n"
        );
        assert_eq!(
            set_date("+++\ntitle = \"Vote\"\n+++\nThe vote was on Tuesday.\n", Format::Markdown, DateStyle::Ap),
            "Set the publication date: add “date = 2026-12-07” to the front matter\n+++\ndate = 2026-12-07\ntitle = \"Vote\"\n+++\nThe vote was on Tuesday.\n"
        );
        assert_eq!(
            set_date("The vote was on Tuesday.\n", Format::PlainText, DateStyle::Ap),
            "Set the publication date: add the dateline “Dec. 7, 2026 —”\nDec. 7, 2026 —\nThe vote was on Tuesday.\n"
        );
        assert_eq!(
            set_date("The vote was on Tuesday.\n\nIt passed.\n", Format::PlainText, DateStyle::Long),
            "Set the publication date: add the dateline “7 December 2026 —”\n7 December 2026 —\nThe vote was on Tuesday.\n\nIt passed.\n"
        );
    }

    #[test]
    fn fixes_against_an_assumed_date_say_so_after_setting_the_date() {
        use crate::analysis::{analyze, Settings};
        let settings = Settings::new(date(2026, 12, 7));
        let analysis = analyze("The vote was on Tuesday.\n", Format::PlainText, &settings);
        assert_eq!(analysis.reference.source, ReferenceSource::AssumedToday);
        let titles: Vec<&str> = analysis.findings[0]
            .fixes
            .iter()
            .map(|fix| fix.title.as_str())
            .collect();
        assert_eq!(
            titles,
            [
                "Set the publication date: add the dateline “Dec. 7, 2026 —”",
                "Replace with “Dec. 1” (assuming today)",
                "Add the date: “Tuesday, Dec. 1” (assuming today)",
            ]
        );
        // A known date leaves the fixes as they are.
        let dated = analyze(
            "---\ndate: 2026-12-07\n---\nThe vote was on Tuesday.\n",
            Format::PlainText,
            &settings,
        );
        assert_eq!(dated.reference.source, ReferenceSource::FrontMatter);
        assert_eq!(dated.findings[0].fixes[0].title, "Replace with “Dec. 1”");
    }

    fn dateline_of(text: &str) -> Option<Date> {
        find(&Prose::parse(text, Format::PlainText), date(2022, 6, 1)).map(|found| found.date)
    }

    #[test]
    fn wire_datelines() {
        for (text, expected) in [
            (
                "KYIV, Ukraine, Feb. 28 (Reuters) - Ukraine said on Monday ...",
                Some(date(2022, 2, 28)),
            ),
            (
                "28 February 2022 — The council met on Monday.",
                Some(date(2022, 2, 28)),
            ),
            (
                "WASHINGTON (AP) — Monday, March 3, 2026: The Senate voted.",
                Some(date(2026, 3, 3)),
            ),
            (
                "LONDON, Sept. 30, 2021 (Reuters) - Prices rose.",
                Some(date(2021, 9, 30)),
            ),
            ("The council met on March 3 to vote.", None),
            ("Officials said May 5 was the deadline.", None),
        ] {
            assert_eq!(dateline_of(text), expected, "{text}");
        }
    }

    #[test]
    fn a_heading_is_skipped_for_the_first_body_paragraph() {
        let prose = Prose::parse(
            "# Storm\n\nMIAMI, Oct. 3 (AP) — Rain fell.\n",
            Format::Markdown,
        );
        assert_eq!(
            find(&prose, date(2025, 10, 9)).map(|found| found.date),
            Some(date(2025, 10, 3))
        );
    }

    #[test]
    fn a_dateline_without_a_year_is_the_latest_such_date_not_after_today() {
        let read_on = |today: Date| {
            find(
                &Prose::parse(
                    "KYIV, Ukraine, Feb. 28 (Reuters) - Talks went on.",
                    Format::PlainText,
                ),
                today,
            )
            .expect("a dateline")
        };
        for (today, expected) in [
            // Read in December, February's dateline is from this year, never the next.
            (date(2026, 12, 7), date(2026, 2, 28)),
            // Read in January, it is from last year.
            (date(2026, 1, 10), date(2025, 2, 28)),
            // Read on the day itself, it is today.
            (date(2026, 2, 28), date(2026, 2, 28)),
        ] {
            let found = read_on(today);
            assert_eq!(found.date, expected, "read on {today}");
            assert!(found.year_inferred);
        }
        let leap = find(
            &Prose::parse("LONDON, Feb. 29 (Reuters) - Rain.", Format::PlainText),
            date(2026, 12, 7),
        )
        .expect("a dateline");
        assert_eq!(leap.date, date(2024, 2, 29));
        let with_year = find(
            &Prose::parse(
                "LONDON, Sept. 30, 2021 (Reuters) - Rain.",
                Format::PlainText,
            ),
            date(2026, 12, 7),
        )
        .expect("a dateline");
        assert!(!with_year.year_inferred);
    }

    #[test]
    fn an_inferred_year_far_back_is_a_warning_with_the_year_as_fix() {
        let text = "KYIV, Ukraine, Feb. 28 (Reuters) - Talks went on.";
        let prose = Prose::parse(text, Format::PlainText);
        let reference = |today: Date| {
            let found = find(&prose, today).expect("a dateline");
            (
                found.range.clone(),
                ReferenceDate {
                    date: found.date,
                    source: ReferenceSource::Dateline,
                    year_inferred: found.year_inferred,
                },
            )
        };
        // Read in March, the dateline is days old: no doubt.
        let (range, near) = reference(date(2026, 3, 10));
        assert_eq!(doubtful_year(text, range, near, date(2026, 3, 10)), None);
        // Read in December, it is more than nine months old: ask for the year.
        let today = date(2026, 12, 7);
        let (range, far) = reference(today);
        let finding = doubtful_year(text, range, far, today).expect("a warning");
        assert_eq!(finding.severity, Severity::Warning);
        assert_eq!(
            finding.message,
            "Dateline: “Feb. 28” has no year; read as Saturday, Feb. 28, 2026, 9 months ago"
        );
        assert_eq!(finding.fixes[0].title, "Add the year: 2026");
        let mut fixed = text.to_string();
        let edit = &finding.fixes[0].edits[0];
        fixed.replace_range(edit.range.clone(), &edit.replacement);
        assert_eq!(
            fixed,
            "KYIV, Ukraine, Feb. 28, 2026 (Reuters) - Talks went on."
        );
    }
}
