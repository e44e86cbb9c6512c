//! Figures written in digits: "3,000", "3.5", "$3m", "12%", "1 200", "€1.2 billion", read
//! with their currency, scale and unit, and what each measures.

use super::*;

/// Words that multiply a number.
/// Source: the English short-scale number names (hundred to trillion), with the abbreviations "mn",
/// "bn" and "tn" of British financial copy, written for copydesk.
pub(super) const SCALE_WORDS: &[(&str, f64)] = &[
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
/// Source: written for copydesk from the abbreviations of financial wire copy ("$3m", "1.5bn") and
/// the "k" for thousand of informal copy.
pub(super) const SCALE_SUFFIXES: &[(&str, f64)] = &[
    ("m", 1e6),
    ("mn", 1e6),
    ("bn", 1e9),
    ("b", 1e9),
    ("k", 1e3),
    ("tn", 1e12),
    ("trn", 1e12),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];
/// Currency symbols written before an amount, with the currency each names. Source: the symbols of
/// the Unicode Currency Symbols block and Latin-1 ($, £, ¥) for the currencies news copy reports
/// most, written for copydesk.
pub(super) const CURRENCY_SYMBOLS: &[(char, &str)] = &[
    ('$', "US dollars"),
    ('€', "euros"),
    ('£', "pounds"),
    ('¥', "yen"),
    ('₹', "rupees"),
    ('₽', "roubles"),
    ('₴', "hryvnias"),
];
/// Currency codes written beside an amount ("USD 3,000"), lower case. Source: ISO 4217, the codes
/// of the currencies in [`CURRENCY_SYMBOLS`].
pub(super) const CURRENCY_CODES: &[&str] = &[
    "usd", "eur", "gbp", "jpy", "chf", "cad", "aud", "cny", "inr", "rub", "uah",
];
/// Currency names written after an amount ("3,000 euros"), with both spellings of the rouble.
/// Source: the English names of the currencies in [`CURRENCY_SYMBOLS`] and the franc and peso,
/// written for copydesk.
pub(super) const CURRENCY_WORDS: &[&str] = &[
    "dollars", "euros", "pounds", "yen", "yuan", "rupees", "roubles", "rubles", "hryvnias",
    "francs", "pesos",
];
/// Words before a number that make it a label, not a quantity.
/// Source: written for copydesk from the nouns that number things in news copy (sections, routes,
/// rooms, flights, bills), each one a label a number follows.
pub(super) const LABEL_WORDS: &[&str] = &[
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
/// Source: the AP Stylebook's "a.m., p.m." and "time zones" entries (the abbreviations wire copy
/// writes after a time), with UTC, GMT, BST, CET and "hours", written for copydesk.
pub(super) const TIME_WORDS: &[&str] = &[
    "am", "pm", "a.m", "p.m", "gmt", "utc", "est", "edt", "pst", "pdt", "bst", "cet", "o'clock",
    "hours", "hrs",
];
/// Words after a number that make it a street address ("10 Downing Street", "1600 Pennsylvania
/// Ave"). Source: the AP Stylebook's "addresses" entry (Avenue, Boulevard and Street, and their
/// abbreviations), widened with the other street types of addresses, written for copydesk.
pub(super) const STREET_WORDS: &[&str] = &[
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

pub(super) fn scale_of(word: &str) -> Option<f64> {
    SCALE_WORDS
        .iter()
        .find(|(name, _)| word.eq_ignore_ascii_case(name))
        .map(|(_, scale)| *scale)
}

/// Numbers written in digits: "3,000", "3.5", "$3m", "12%", "1 200", "€1.2 billion".
pub(super) fn scan_numbers(
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
        // Times (10:30), dates (2/28), ranges and phone numbers (2015-16, 555-1234), and a
        // score written out ("a 73-to-25 percent victory").
        let written_out =
            after.starts_with("-to-") && after[4..].starts_with(|c: char| c.is_ascii_digit());
        if after.starts_with([':', '/'])
            || (after.starts_with('-') && after[1..].starts_with(|c: char| c.is_ascii_digit()))
            || written_out
        {
            index = skip_digits(bytes, number_end + if written_out { 4 } else { 1 }, end);
            // "72-75 percent" is a range of shares, not a date or a phone number.
            let rest = &text[index..end];
            let percent_range = if rest.starts_with('%') {
                Some(index + 1)
            } else {
                [" percent", " per cent", " pct"]
                    .iter()
                    .find(|unit| rest.starts_with(*unit))
                    .map(|unit| index + unit.len())
            };
            if let (Some(range_end), '-') = (percent_range, after.chars().next().unwrap_or(' ')) {
                figures.push(Figure {
                    understood: format!("percentage: {}", &text[start..range_end]),
                    range: start..range_end,
                    vague: false,
                });
                index = range_end;
            }
            continue;
        }
        // Ordinals (3rd), decades (1990s), and numbers that form an adjective with a hyphen
        // ("56-year-old", "a 300-person meeting", "an 800-acre property") describe, not count.
        let attached: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
        let attached_lower = attached.to_ascii_lowercase();
        let hyphen_compound =
            after.starts_with('-') && after[1..].starts_with(|c: char| c.is_alphabetic());
        if ["st", "nd", "rd", "th"].contains(&attached_lower.as_str())
            || (attached_lower == "s" && digits.len() == 4)
            || hyphen_compound
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
            // "the company, which is 61%-owned by Murphy Oil": a share that forms an adjective
            // with a hyphen describes, as "56-year-old" does.
            let rest = &text[figure_end..end];
            if rest.starts_with('-') && rest[1..].starts_with(|c: char| c.is_alphabetic()) {
                continue;
            }
        }
        // The words around the figure, found by binary search: a paragraph can be long.
        let after_figure = paragraph_words.partition_point(|word| word.range.start < figure_end);
        let before_figure = paragraph_words.partition_point(|word| word.range.end <= figure_start);
        let following: Vec<&Word> = paragraph_words[after_figure..].iter().take(3).collect();
        let preceding: Vec<&Word> = paragraph_words[..before_figure]
            .iter()
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
                } else if (word.is("percentage")
                    && following
                        .get(1)
                        .is_some_and(|next| next.is_any(&["point", "points"])))
                    || (word.is("per") && following.get(1).is_some_and(|next| next.is("cent")))
                {
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
            .get(paragraph_words.partition_point(|word| word.range.start < figure_end))
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
        let after_figure = paragraph_words.partition_point(|word| word.range.start < figure_end);
        if not_a_claim(
            text,
            figure_start,
            paragraph_words,
            before_figure,
            after_figure,
            plain,
            currency.is_some(),
        ) {
            continue;
        }
        // A margin in points ("won by 22 points", "22 points behind", "2.5 ahead") and the
        // other side of a score whose first side is a figure ("516 to 39") are the news
        // whatever their size.
        let following_text = |offset: usize| paragraph_words.get(after_figure + offset);
        let margin = plain
            && (following_text(0).is_some_and(|word| word.is_any(&["ahead", "behind"]))
                || (following_text(0).is_some_and(|word| word.is_any(&["points", "point"]))
                    && (following_text(1)
                        .is_some_and(|word| word.is_any(&["ahead", "behind", "lead"]))
                        || preceding.first().is_some_and(|word| word.is("by")))));
        let score_side = plain
            && preceding.first().is_some_and(|word| word.is("to"))
            && paragraph_words[..before_figure]
                .iter()
                .rev()
                .nth(1)
                .and_then(|word| {
                    let start = word.range.start;
                    let digits_end = skip_digits(bytes, start, end);
                    text[start..digits_end].replace(',', "").parse::<f64>().ok()
                })
                .is_some_and(|other| {
                    other >= BARE_NUMBER_MINIMUM && !(1000.0..=2100.0).contains(&other)
                });
        if margin || score_side {
            let understood = if margin {
                format!("margin: {digits} points")
            } else {
                format!("count: {digits}")
            };
            let points =
                following_text(0).filter(|word| margin && word.is_any(&["points", "point"]));
            let range_end = points.map_or(figure_end, |word| word.range.end);
            figures.push(Figure {
                range: figure_start..range_end,
                understood,
                vague: false,
            });
            index = range_end.max(index);
            continue;
        }
        // A bare number is a statistic from 100 up; one that counts something ("49 people")
        // from `figures.minCount` up.
        let counts_a_noun = next_word.is_some_and(|word| is_counted_noun(word));
        let threshold = if counts_a_noun {
            context.settings.figures_min_count as f64
        } else {
            BARE_NUMBER_MINIMUM.max(context.settings.figures_min_count as f64)
        };
        if plain && (is_year || value < threshold) {
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
            vague: false,
        });
        index = figure_end.max(index);
    }
    figures
}

pub(super) fn scale_name(scale: Option<f64>) -> Option<&'static str> {
    match scale? {
        value if value >= 1e12 => Some("trillion"),
        value if value >= 1e9 => Some("billion"),
        value if value >= 1e6 => Some("million"),
        value if value >= 1e3 => Some("thousand"),
        _ => Some("hundred"),
    }
}

pub(super) fn skip_digits(bytes: &[u8], mut index: usize, end: usize) -> usize {
    while index < end
        && (bytes[index].is_ascii_digit() || bytes[index] == b',' || bytes[index] == b'.')
    {
        index += 1;
    }
    index
}

/// Reads digits with thousands separators and decimals from `start`. Returns the end, the value
/// and whether the grouping was well formed ("3,000", "1 200", "3.5"; not "1,2,3" or "1.2.3").
pub(super) fn read_number(text: &str, start: usize, end: usize) -> (usize, f64, bool) {
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
