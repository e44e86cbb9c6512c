//! # unsourced-figure
//!
//! **What it flags:** a figure a reader could check — a percentage ("12%", "12 per cent"), an
//! amount of money ("$3m", "€1.2 billion", "3 million dollars"), a number with a scale ("3
//! million", "1.5bn"), a vague statistic ("thousands of", "several thousand", "tens of
//! thousands") or a count of 100 or more ("53,513 residents") — when its sentence names no
//! source: no attribution cue ("said", "according to", "data from"), no link, no citation.
//!
//! **Why it matters:** AP asks for the source of a figure in the same sentence. A number without
//! one is the first thing a fact-checker queries and the first thing a correction fixes.
//!
//! **Example:** "The number of people affected is now 53,513 residents." names nobody who
//! counted them.
//!
//! **Fix:** insert ", according to [SOURCE]" at the end of the sentence, before its final
//! punctuation. Years, dates, times, ordinals, ages, addresses, version numbers and small
//! everyday counts ("two people") are not figures; nor is anything in code or a URL, or a figure
//! inside an attributed quotation.

use std::ops::Range;

use crate::analysis::attribution::find_cue;
use crate::analysis::calendar::month_named;
use crate::analysis::finding::{Details, Edit, FigureDetails, Finding, Fix, RuleCode, Severity};
use crate::analysis::quotes::{ParagraphLayout, QuoteKind};
use crate::analysis::words::{words, Word};
use crate::analysis::Context;

use super::Rule;

pub const RULE: Rule = Rule {
    code: RuleCode::UnsourcedFigure,
    summary:
        "Figure (percentage, money, large count, \"thousands of\") with no source in its sentence.",
    default_severity: Severity::Warning,
    check,
};

const SEARCHED: &str = "an attribution in the same sentence (said, according to, data from, a report by ...), a link or a citation";

/// Words that multiply a number.
const SCALE_WORDS: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("mn", 1e6),
    ("bn", 1e9),
    ("tn", 1e12),
];
/// Scale suffixes written against the digits: "$3m", "1.5bn", "20k".
const SCALE_SUFFIXES: &[(&str, f64)] = &[
    ("m", 1e6),
    ("mn", 1e6),
    ("bn", 1e9),
    ("b", 1e9),
    ("k", 1e3),
    ("tn", 1e12),
    ("trn", 1e12),
];
const CURRENCY_SYMBOLS: &[(char, &str)] = &[
    ('$', "US dollars"),
    ('€', "euros"),
    ('£', "pounds"),
    ('¥', "yen"),
    ('₹', "rupees"),
    ('₽', "roubles"),
    ('₴', "hryvnias"),
];
const CURRENCY_CODES: &[&str] = &[
    "usd", "eur", "gbp", "jpy", "chf", "cad", "aud", "cny", "inr", "rub", "uah",
];
const CURRENCY_WORDS: &[&str] = &[
    "dollars", "euros", "pounds", "yen", "yuan", "rupees", "roubles", "rubles", "hryvnias",
    "francs", "pesos",
];
/// Words before a number that make it a label, not a quantity.
const LABEL_WORDS: &[&str] = &[
    "no",
    "number",
    "section",
    "chapter",
    "page",
    "pages",
    "article",
    "route",
    "highway",
    "interstate",
    "room",
    "suite",
    "flight",
    "version",
    "rule",
    "resolution",
    "proposition",
    "prop",
    "bill",
    "item",
    "paragraph",
    "precinct",
    "district",
    "ward",
    "unit",
    "apartment",
    "apt",
    "box",
    "platform",
    "gate",
    "exit",
    "channel",
    "episode",
    "season",
    "volume",
    "vol",
    "issue",
    "grade",
    "level",
    "tier",
    "phase",
    "step",
    "act",
    "title",
    "code",
    "form",
    "model",
    "year",
    "class",
    "bus",
    "line",
    "lane",
    "road",
    "street",
    "avenue",
    "hb",
    "sb",
    "hr",
];
/// Words after a number that make it a time of day or a duration-like label.
const TIME_WORDS: &[&str] = &[
    "am", "pm", "a.m", "p.m", "gmt", "utc", "est", "edt", "pst", "pdt", "bst", "cet", "o'clock",
    "hours", "hrs",
];
const STREET_WORDS: &[&str] = &[
    "street",
    "st",
    "avenue",
    "ave",
    "road",
    "rd",
    "boulevard",
    "blvd",
    "lane",
    "ln",
    "drive",
    "dr",
    "way",
    "place",
    "pl",
    "court",
    "ct",
    "square",
    "terrace",
    "parkway",
    "highway",
];
const NUMBER_WORDS: &[(&str, f64)] = &[
    ("a", 1.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("fifteen", 15.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("half", 0.5),
];
const VAGUE_MULTIPLES: &[&str] = &["several", "few", "many", "some"];
const PLURAL_SCALES: &[&str] = &["hundreds", "thousands", "millions", "billions", "trillions"];

/// A figure as understood.
struct Figure {
    range: Range<usize>,
    understood: String,
}

fn check(context: &Context, findings: &mut Vec<Finding>) {
    for paragraph in &context.paragraphs {
        let paragraph_words = words(context.masked, paragraph.range.clone());
        let mut figures = scan_numbers(context, paragraph, &paragraph_words);
        figures.extend(scan_spelled(&paragraph_words, context.masked));
        figures.sort_by_key(|figure| figure.range.start);
        figures.dedup_by(|later, earlier| later.range.start < earlier.range.end);
        let interiors = context.interiors(paragraph);
        for figure in figures {
            if let Some(quotation) = context.quotation_at(figure.range.start) {
                if quotation.kind == QuoteKind::Speech && quotation.attribution.is_some() {
                    continue;
                }
            }
            let sentence = context.sentence_at(paragraph, figure.range.start);
            if is_sourced(context, sentence.clone(), &interiors) {
                continue;
            }
            let text = context.text[figure.range.clone()].to_string();
            findings.push(Finding {
                rule: RuleCode::UnsourcedFigure,
                span: figure.range.clone(),
                severity: RULE.default_severity,
                message: format!("Figure has no source: who says {text}?"),
                details: Details::Figure(FigureDetails {
                    text,
                    understood: figure.understood,
                    searched: SEARCHED.to_string(),
                }),
                fixes: vec![Fix {
                    title: "Add a source: , according to [SOURCE]".to_string(),
                    edits: vec![source_insertion(context.text, &sentence)],
                }],
                related: Vec::new(),
            });
        }
    }
}

fn is_sourced(context: &Context, sentence: Range<usize>, interiors: &[Range<usize>]) -> bool {
    if find_cue(context.masked, sentence.clone(), interiors).is_some() {
        return true;
    }
    let overlaps = |range: &Range<usize>| range.start < sentence.end && sentence.start < range.end;
    if context.prose.links.iter().any(overlaps) || context.prose.citations.iter().any(overlaps) {
        return true;
    }
    // A parenthetical citation such as "(Smith, 2021)" or "(Source: Eurostat)".
    let sentence_text = &context.masked[sentence];
    sentence_text.match_indices('(').any(|(open, _)| {
        let inside = sentence_text[open + 1..].split(')').next().unwrap_or("");
        let lower = inside.to_ascii_lowercase();
        lower.starts_with("source")
            || (inside.starts_with(|c: char| c.is_uppercase())
                && inside.rsplit([',', ' ']).next().is_some_and(|year| {
                    year.len() == 4 && year.chars().all(|c| c.is_ascii_digit())
                }))
    })
}

/// The source placeholder and where it goes: before the sentence's final punctuation, or after
/// a final abbreviation ("11:30 p.m.") with the full stop written again.
fn source_insertion(text: &str, sentence: &Range<usize>) -> Edit {
    let body = text[sentence.clone()].trim_end();
    let last_word = body.rsplit(char::is_whitespace).next().unwrap_or("");
    let ends_with_abbreviation = last_word.ends_with('.')
        && last_word[..last_word.len() - 1].contains('.')
        && last_word.chars().all(|c| c.is_alphabetic() || c == '.');
    if ends_with_abbreviation {
        return Edit::insert(sentence.start + body.len(), ", according to [SOURCE].");
    }
    Edit::insert(clause_end(text, sentence), ", according to [SOURCE]")
}

/// Where ", according to [SOURCE]" goes: before the sentence's final punctuation.
fn clause_end(text: &str, sentence: &Range<usize>) -> usize {
    let body = text[sentence.clone()].trim_end();
    let trimmed = body.trim_end_matches(['.', '!', '?', '"', '”', '’', ')', ' ']);
    if trimmed.len() < body.len() && body[trimmed.len()..].starts_with(['"', '”']) {
        // The sentence ends with a quotation: the source goes after it.
        return sentence.start + body.len() - body.chars().last().map_or(0, char::len_utf8);
    }
    sentence.start + trimmed.len()
}

fn scale_of(word: &str) -> Option<f64> {
    SCALE_WORDS
        .iter()
        .find(|(name, _)| word.eq_ignore_ascii_case(name))
        .map(|(_, scale)| *scale)
}

/// Numbers written in digits: "3,000", "3.5", "$3m", "12%", "1 200", "€1.2 billion".
fn scan_numbers(
    context: &Context,
    paragraph: &ParagraphLayout,
    paragraph_words: &[Word],
) -> Vec<Figure> {
    let text = context.masked;
    let bytes = text.as_bytes();
    let mut figures = Vec::new();
    let mut index = paragraph.range.start;
    let end = paragraph.range.end;
    while index < end {
        if !bytes[index].is_ascii_digit() {
            index += 1;
            continue;
        }
        let start = index;
        let previous = text[..start].chars().next_back();
        // Digits glued to letters ("G7", "A320", "COVID-19", "mp3") are names, not quantities.
        if previous.is_some_and(|c| {
            c.is_alphabetic() || c == '_' || c == '/' || c == ':' || c == '.' || c == '#'
        }) || (previous == Some('-')
            && text[..start - 1]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric))
        {
            index = skip_digits(bytes, index, end);
            continue;
        }
        let (number_end, value, groups_ok) = read_number(text, start, end);
        index = number_end.max(start + 1);
        if !groups_ok {
            continue;
        }
        let digits = &text[start..number_end];
        let after = &text[number_end..end];
        // Times (10:30), dates (2/28), ranges and phone numbers (2015-16, 555-1234).
        if after.starts_with([':', '/'])
            || (after.starts_with('-') && after[1..].starts_with(|c: char| c.is_ascii_digit()))
        {
            index = skip_digits(bytes, number_end + 1, end);
            continue;
        }
        // Ordinals (3rd), decades (1990s), ages (56-year-old).
        let attached: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
        let attached_lower = attached.to_ascii_lowercase();
        if ["st", "nd", "rd", "th"].contains(&attached_lower.as_str())
            || (attached_lower == "s" && digits.len() == 4)
            || after.to_ascii_lowercase().starts_with("-year")
        {
            continue;
        }
        let suffix_scale = SCALE_SUFFIXES
            .iter()
            .find(|(name, _)| attached_lower == *name)
            .map(|(_, scale)| *scale);
        if !attached.is_empty() && suffix_scale.is_none() {
            continue;
        }
        let mut figure_end = number_end + attached.len();
        let mut percent = false;
        let mut scale = suffix_scale;
        let mut currency = previous
            .and_then(|symbol| {
                CURRENCY_SYMBOLS
                    .iter()
                    .find(|(candidate, _)| *candidate == symbol)
            })
            .map(|(_, name)| name.to_string());
        let figure_start = if currency.is_some() {
            start - previous.map_or(0, char::len_utf8)
        } else {
            start
        };
        if text[figure_end..].starts_with('%') {
            percent = true;
            figure_end += 1;
        }
        let following: Vec<&Word> = paragraph_words
            .iter()
            .filter(|word| word.range.start >= figure_end)
            .take(3)
            .collect();
        let preceding: Vec<&Word> = paragraph_words
            .iter()
            .filter(|word| word.range.end <= figure_start)
            .rev()
            .take(2)
            .collect();
        let next_word = following
            .first()
            .filter(|word| text[figure_end..word.range.start].trim().is_empty());
        if let Some(word) = next_word {
            if !percent && scale.is_none() {
                if word.is("percent") || word.is("pct") {
                    percent = true;
                    figure_end = word.range.end;
                } else if word.is("per") && following.get(1).is_some_and(|next| next.is("cent")) {
                    percent = true;
                    figure_end = following[1].range.end;
                } else if let Some(found) = scale_of(word.text) {
                    scale = Some(found);
                    figure_end = word.range.end;
                }
            }
            let lower = word.text.to_ascii_lowercase();
            if TIME_WORDS.contains(&lower.as_str()) || month_named(word.text).is_some() {
                continue;
            }
            if word.is_capitalised()
                && following
                    .get(1)
                    .is_some_and(|next| next.is_any(STREET_WORDS))
            {
                continue;
            }
        }
        // "3 million dollars"
        if let Some(word) = paragraph_words
            .iter()
            .find(|word| word.range.start >= figure_end)
        {
            if text[figure_end..word.range.start].trim().is_empty() && word.is_any(CURRENCY_WORDS) {
                currency = Some(word.text.to_ascii_lowercase());
                figure_end = word.range.end;
            }
        }
        if let Some(word) = preceding.first() {
            if text[word.range.end..figure_start].trim().is_empty() && word.is_any(CURRENCY_CODES) {
                currency = Some(word.text.to_ascii_uppercase());
            }
            if currency.is_none() && !percent && scale.is_none() {
                let label_gap = text[word.range.end..figure_start].trim();
                if (label_gap.is_empty() || label_gap == "." || label_gap == "#")
                    && (word.is_any(LABEL_WORDS) || month_named(word.text).is_some())
                {
                    continue;
                }
                // "Feb. 28, 2022": a day and year after a month name.
                if label_gap == "." && month_named(word.text).is_some() {
                    continue;
                }
                if label_gap == ","
                    && preceding
                        .get(1)
                        .is_some_and(|month| month_named(month.text).is_some())
                    && digits.len() == 4
                {
                    continue;
                }
            }
        }
        // A heading's own numbering ("3. Budget") is structure.
        if paragraph.is_heading && text[paragraph.range.start..figure_start].trim().is_empty() {
            continue;
        }
        let is_year = digits.len() == 4 && (1000.0..=2100.0).contains(&value);
        let plain = currency.is_none() && !percent && scale.is_none();
        if plain && (is_year || value < context.settings.figures_min_count as f64) {
            continue;
        }
        let understood = if percent {
            format!("percentage: {}%", digits)
        } else if let Some(currency) = &currency {
            format!(
                "money: {} {}",
                digits,
                scale_name(scale).map_or(currency.clone(), |name| format!("{name} {currency}"))
            )
        } else if let Some(name) = scale_name(scale) {
            format!("quantity: {digits} {name}")
        } else {
            let noun = next_word
                .map(|word| word.text)
                .filter(|word| word.chars().all(|c| c.is_lowercase()));
            match noun {
                Some(noun) => format!("count: {digits} {noun}"),
                None => format!("number: {digits}"),
            }
        };
        figures.push(Figure {
            range: figure_start..figure_end,
            understood,
        });
        index = figure_end.max(index);
    }
    figures
}

fn scale_name(scale: Option<f64>) -> Option<&'static str> {
    match scale? {
        value if value >= 1e12 => Some("trillion"),
        value if value >= 1e9 => Some("billion"),
        value if value >= 1e6 => Some("million"),
        value if value >= 1e3 => Some("thousand"),
        _ => Some("hundred"),
    }
}

fn skip_digits(bytes: &[u8], mut index: usize, end: usize) -> usize {
    while index < end
        && (bytes[index].is_ascii_digit() || bytes[index] == b',' || bytes[index] == b'.')
    {
        index += 1;
    }
    index
}

/// Reads digits with thousands separators and decimals from `start`. Returns the end, the value
/// and whether the grouping was well formed ("3,000", "1 200", "3.5"; not "1,2,3" or "1.2.3").
fn read_number(text: &str, start: usize, end: usize) -> (usize, f64, bool) {
    let bytes = text.as_bytes();
    let mut index = start;
    while index < end && bytes[index].is_ascii_digit() {
        index += 1;
    }
    let mut integer: String = text[start..index].to_string();
    let first_group_len = index - start;
    let mut well_formed = true;
    // Thousands groups: ",000" or " 000" (the space form only after a short first group).
    loop {
        let separator = text[index..end].chars().next();
        let separator_len = separator.map_or(0, char::len_utf8);
        let is_separator = match separator {
            Some(',') => true,
            Some(' ' | '\u{a0}' | '\u{202f}' | '\u{2009}') => first_group_len <= 3,
            _ => false,
        };
        if !is_separator {
            break;
        }
        let group_start = index + separator_len;
        let mut group_end = group_start;
        while group_end < end && bytes[group_end].is_ascii_digit() {
            group_end += 1;
        }
        let group_len = group_end - group_start;
        let followed_by_digit_word = group_end < end && bytes[group_end].is_ascii_alphanumeric();
        if group_len == 3 && !followed_by_digit_word {
            integer.push_str(&text[group_start..group_end]);
            index = group_end;
        } else {
            if separator == Some(',')
                && group_len > 0
                && group_len != 3
                && group_start == index + 1
                && !text[index + 1..].starts_with(' ')
            {
                well_formed = false;
            }
            break;
        }
    }
    let mut value: f64 = integer.parse().unwrap_or(0.0);
    if text[index..end].starts_with('.') && bytes.get(index + 1).is_some_and(u8::is_ascii_digit) {
        let fraction_start = index + 1;
        let mut fraction_end = fraction_start;
        while fraction_end < end && bytes[fraction_end].is_ascii_digit() {
            fraction_end += 1;
        }
        if text[fraction_end..end].starts_with('.')
            && bytes.get(fraction_end + 1).is_some_and(u8::is_ascii_digit)
        {
            // "1.2.3" is a version number.
            well_formed = false;
        }
        value = format!("{integer}.{}", &text[fraction_start..fraction_end])
            .parse()
            .unwrap_or(value);
        index = fraction_end;
    }
    (index, value, well_formed)
}

/// Quantities in words: "three million", "half a million", "thousands of", "tens of thousands",
/// "several thousand", "hundreds of".
fn scan_spelled(paragraph_words: &[Word], text: &str) -> Vec<Figure> {
    let mut figures = Vec::new();
    let mut index = 0;
    while index < paragraph_words.len() {
        let word = &paragraph_words[index];
        let next = paragraph_words.get(index + 1);
        let adjacent_next =
            next.filter(|next| text[word.range.end..next.range.start].trim().is_empty());
        // "thousands of", "tens of thousands"
        if word.is_any(PLURAL_SCALES)
            || (word.is("tens") && adjacent_next.is_some_and(|next| next.is("of")))
        {
            let mut end_index = index;
            if word.is("tens") {
                if let Some(scale) = paragraph_words
                    .get(index + 2)
                    .filter(|scale| scale.is_any(PLURAL_SCALES))
                {
                    let _ = scale;
                    end_index = index + 2;
                } else {
                    index += 1;
                    continue;
                }
            }
            let last = &paragraph_words[end_index];
            let followed_by_of = paragraph_words
                .get(end_index + 1)
                .is_some_and(|of| of.is("of"));
            let hundreds_only = last.is("hundreds") && !followed_by_of;
            if !hundreds_only {
                let range = word.range.start..last.range.end;
                figures.push(Figure {
                    understood: format!("vague quantity: {}", &text[range.clone()]),
                    range,
                });
            }
            index = end_index + 1;
            continue;
        }
        // "three million", "several thousand", "half a million", "a billion"
        let is_amount =
            NUMBER_WORDS.iter().any(|(name, _)| word.is(name)) || word.is_any(VAGUE_MULTIPLES);
        if is_amount {
            let mut cursor = index + 1;
            if word.is("half") && paragraph_words.get(cursor).is_some_and(|a| a.is("a")) {
                cursor += 1;
            }
            if let Some(scale_word) = paragraph_words.get(cursor) {
                let gap_ok = text[paragraph_words[cursor - 1].range.end..scale_word.range.start]
                    .trim()
                    .is_empty();
                let scale = scale_of(scale_word.text)
                    .filter(|_| !scale_word.is("hundred") || !word.is("a"));
                if gap_ok
                    && scale.is_some()
                    && !(word.is_any(&["a", "one"]) && scale_word.is("hundred"))
                {
                    let range = word.range.start..scale_word.range.end;
                    figures.push(Figure {
                        understood: format!("quantity: {}", &text[range.clone()]),
                        range,
                    });
                    index = cursor + 1;
                    continue;
                }
            }
        }
        index += 1;
    }
    figures
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::tests::{apply_first_fix, findings_of};
    use crate::analysis::RuleCode;

    const RULE: RuleCode = RuleCode::UnsourcedFigure;

    #[test]
    fn finds_figures_worth_checking() {
        for (text, expected) in [
            ("The levy raised $3m last year.", vec!["$3m"]),
            ("Turnout rose to 12%.", vec!["12%"]),
            ("Turnout rose 12 per cent.", vec!["12 per cent"]),
            ("Turnout rose 12 percent.", vec!["12 percent"]),
            ("The fund holds €1.2 billion.", vec!["€1.2 billion"]),
            (
                "The fund holds 3 million dollars.",
                vec!["3 million dollars"],
            ),
            (
                "The number affected is now 53,513 residents.",
                vec!["53,513"],
            ),
            ("Thousands of people marched.", vec!["Thousands"]),
            (
                "Tens of thousands of people marched.",
                vec!["Tens of thousands"],
            ),
            ("Several thousand people marched.", vec!["Several thousand"]),
            ("Three million people voted.", vec!["Three million"]),
            ("The city has 1 200 lamps.", vec!["1 200"]),
            ("Costs reached 1.5bn.", vec!["1.5bn"]),
        ] {
            assert_eq!(findings_of(RULE, text), expected, "{text}");
        }
    }

    #[test]
    fn leaves_non_figures_alone() {
        for text in [
            "The law passed in 2016.",
            "The meeting starts at 10:30 a.m.",
            "It was the 3rd round.",
            "Schiff, 56, spoke first.",
            "Two people were hurt.",
            "She lives at 221 Baker Street.",
            "The 56-year-old left.",
            "Version 1.2.3 shipped.",
            "It happened on Feb. 28, 2022.",
            "It happened on 28 February.",
            "The G7 met in the 1990s.",
            "Call 555-1234 now.",
            "Route 66 is long.",
        ] {
            assert_eq!(findings_of(RULE, text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn sourced_figures_are_not_flagged() {
        for text in [
            "The levy raised $3m, the council said.",
            "According to the ministry, turnout rose to 12%.",
            "Ukraine announced that it had received thousands of applications.",
            "\"We received several thousand applications,\" the minister said.",
            "Data from Eurostat put turnout at 12%.",
        ] {
            assert_eq!(findings_of(RULE, text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn fix_adds_a_source_placeholder_before_the_final_punctuation() {
        assert_eq!(
            apply_first_fix(RULE, "Turnout rose to 12%."),
            "Turnout rose to 12%, according to [SOURCE]."
        );
        assert_eq!(
            apply_first_fix(RULE, "The 400 seats sold out by 11:30 p.m."),
            "The 400 seats sold out by 11:30 p.m., according to [SOURCE]."
        );
    }
}
