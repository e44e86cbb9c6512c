//! Sentence boundaries inside a paragraph, the scope in which attribution is looked for.
//!
//! The splitter knows two things a naive split on full stops does not: abbreviations and
//! initials ("Gen. Smith", "H. Malyar", "U.S.") do not end sentences, and a quotation is never
//! cut in two, so `"We tried. We failed," she said.` is one sentence, as a reader takes it.

use std::ops::Range;

/// Abbreviations that are followed by a capitalised word without ending a sentence.
/// Source: the AP Stylebook's abbreviated titles before names and abbreviated months
/// ("abbreviations and acronyms", "titles", "months"), with the other common month and title
/// abbreviations of wire copy, written for copydesk.
pub(crate) const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "sgt", "adm",
    "sen", "rep", "reps", "gov", "pres", "supt", "st", "jr", "sr", "rev", "hon", "mt", "ft", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos",
    "vs", "inc", "corp", "co", "ltd", "dept", "est", "approx", "fig", "vol", "op", "ave", "blvd",
    "gov't", "atty", "del", "calif", "mass", "fla", "ill", "wash", "conn", "penn", "ore", "ariz",
];

/// Byte ranges of the sentences of `text[range]`. `quotations` are the byte ranges of the
/// quotations' interiors, sorted by start; no boundary is placed inside one unless it ends the
/// quotation.
pub fn split(text: &str, range: Range<usize>, quotations: &[Range<usize>]) -> Vec<Range<usize>> {
    // The furthest end among the quotations up to each one: whether a terminal lies inside a
    // quotation is then one binary search, not a scan of every quotation of the paragraph.
    let reach: Vec<usize> = quotations
        .iter()
        .scan(0, |furthest, quote| {
            *furthest = quote.end.max(*furthest);
            Some(*furthest)
        })
        .collect();
    let bytes = text.as_bytes();
    let mut sentences = Vec::new();
    let mut start = range.start;
    let mut index = range.start;
    while index < range.end {
        let byte = bytes[index];
        let is_terminal = matches!(byte, b'.' | b'!' | b'?')
            || (byte == 0xE2 && text[index..range.end].starts_with('…'));
        if !is_terminal {
            index += 1;
            continue;
        }
        let terminal_len = if byte == b'.' || byte == b'!' || byte == b'?' {
            1
        } else {
            '…'.len_utf8()
        };
        // Closing quotation marks and brackets right after the terminal belong to its sentence.
        let mut end = index + terminal_len;
        while end < range.end {
            let next = text[end..].chars().next().unwrap_or(' ');
            if matches!(next, '"' | '”' | '’' | '\'' | ')' | ']' | '»' | '“') {
                end += next.len_utf8();
            } else {
                break;
            }
        }
        // A quotation starting at or before the terminal and ending after the closing marks
        // (so also after the terminal).
        let started = quotations.partition_point(|quote| quote.start <= index);
        let inside_quotation = started > 0 && reach[started - 1] > end;
        let followed_by_sentence_start = {
            let rest = &text[end..range.end];
            let trimmed = rest.trim_start();
            rest.len() != trimmed.len()
                && trimmed.chars().next().is_some_and(|next| {
                    next.is_uppercase()
                        || next.is_ascii_digit()
                        || matches!(next, '"' | '“' | '‘' | '\'' | '«' | '„' | '(' | '[')
                })
        };
        if !inside_quotation
            && followed_by_sentence_start
            && !(byte == b'.' && ends_with_abbreviation(&text[start..index]))
        {
            sentences.push(start..end);
            let rest = &text[end..range.end];
            start = end + (rest.len() - rest.trim_start().len());
            index = start;
            continue;
        }
        index = end;
    }
    if start < range.end {
        let tail = text[start..range.end].trim_end();
        if !tail.is_empty() {
            sentences.push(start..start + tail.len());
        }
    }
    sentences
}

fn ends_with_abbreviation(before: &str) -> bool {
    let last_word = before
        .rsplit(|character: char| character.is_whitespace() || matches!(character, '(' | '"' | '“'))
        .next()
        .unwrap_or("");
    // A single capital letter is an initial ("H. Malyar"); dotted initialisms ("U.S") contain a
    // full stop already.
    let mut characters = last_word.chars();
    if let (Some(first), None) = (characters.next(), characters.next()) {
        if first.is_uppercase() {
            return true;
        }
    }
    if last_word.contains('.')
        && last_word
            .chars()
            .all(|character| character.is_alphabetic() || character == '.')
    {
        return true;
    }
    ABBREVIATIONS.contains(&last_word.to_ascii_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences_of<'a>(text: &'a str, quotations: &[Range<usize>]) -> Vec<&'a str> {
        split(text, 0..text.len(), quotations)
            .into_iter()
            .map(|range| &text[range])
            .collect()
    }

    #[test]
    fn splits_on_terminal_punctuation_before_a_capital() {
        assert_eq!(
            sentences_of("It rained. Then it stopped! Why? Nobody knows.", &[]),
            vec!["It rained.", "Then it stopped!", "Why?", "Nobody knows."]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            sentences_of(
                "Gen. H. Malyar of the U.S. Army met Sen. Smith on Feb. 3. It went well.",
                &[]
            ),
            vec![
                "Gen. H. Malyar of the U.S. Army met Sen. Smith on Feb. 3.",
                "It went well."
            ]
        );
    }

    #[test]
    fn quotations_are_not_cut() {
        let text = "\"We tried. We failed,\" she said. \"It is over.\" They left.";
        let quotations = [1..20, 34..45];
        assert_eq!(
            sentences_of(text, &quotations),
            vec![
                "\"We tried. We failed,\" she said.",
                "\"It is over.\"",
                "They left."
            ]
        );
    }
}
