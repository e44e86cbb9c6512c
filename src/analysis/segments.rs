//! Segments: the stretches of a draft that are analysed independently of each other.
//!
//! Every check copydesk makes reads a paragraph together with its neighbours: a quotation that
//! opens a paragraph may continue one left open in the paragraph before, a paragraph made only
//! of quotation takes the attribution at the end of the one before, and a name after a dash in
//! the next paragraph may sign a quotation. All of those links run into a paragraph that *opens*
//! with a quotation mark, a dash or some other mark. A paragraph that opens with a letter or a
//! digit after a blank line depends on nothing before it, so the draft is cut there.
//!
//! The cut must also never fall inside a construct that spans blank lines: front matter, a
//! fenced code block, an HTML comment (where suppression directives live) or a raw HTML block
//! such as `<pre>`. Inside those, blank lines are content, not paragraph breaks.
//!
//! Analysing a draft means analysing its segments one after another (see
//! [`super::incremental`]); an edit then only re-analyses the segments it touched, which is what
//! keeps every keystroke cheap however long the draft is.

use std::ops::Range;

use super::prose::{has_blank_line, line_ranges, Format};

/// Where a draft is cut into segments, and the one fact about the whole draft that reading a
/// segment needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segmentation {
    /// Byte ranges that cover the text exactly, in order. There is always at least one.
    pub ranges: Vec<Range<usize>>,
    /// Plain text only: whether the draft has a blank line between two lines. Without one,
    /// every line is a paragraph of its own (wire copy), and the text is cut at every line.
    pub has_blank_line: bool,
}

/// Cuts `text` into segments.
pub fn split(text: &str, format: Format) -> Segmentation {
    let (starts, has_blank_line) = match format {
        Format::Markdown => (markdown_starts(Lines::new(text)), true),
        Format::PlainText => plain_text_starts(text),
    };
    Segmentation {
        ranges: ranges_between(starts, text.len()),
        has_blank_line,
    }
}

/// The segments of a text `length` bytes long cut at `starts` (in order, none at 0).
fn ranges_between(starts: Vec<usize>, length: usize) -> Vec<Range<usize>> {
    let mut ranges = Vec::with_capacity(starts.len() + 1);
    let mut previous = 0;
    for start in starts {
        ranges.push(previous..start);
        previous = start;
    }
    ranges.push(previous..length);
    ranges
}

/// Cuts `text` into segments again after an edit, given how `previous` (the segmentation of
/// the text before the edit, `previous_length` bytes long) was cut, and that the two texts
/// share their first `prefix` and last `suffix` bytes. Markdown is scanned only from the
/// segment before the edit up to the first cut after it that the previous text also had;
/// the result is always exactly what [`split`] gives.
pub fn resplit(
    previous: &Segmentation,
    previous_length: usize,
    text: &str,
    format: Format,
    prefix: usize,
    suffix: usize,
) -> Segmentation {
    let ranges = &previous.ranges;
    // The segment holding the first changed byte may have lost its cut (its first line may
    // have changed), so scanning starts one segment earlier, at a cut made before the edit.
    let holding = ranges
        .partition_point(|range| range.start <= prefix)
        .saturating_sub(1);
    let restart_index = holding.saturating_sub(1);
    if format != Format::Markdown || restart_index == 0 || previous_length == 0 {
        return split(text, format);
    }
    let restart = ranges[restart_index].start;
    let mut starts: Vec<usize> = ranges[1..=restart_index]
        .iter()
        .map(|range| range.start)
        .collect();
    let unchanged_from = text.len() - suffix;
    markdown_scan(Lines { text, at: restart }, false, |start| {
        if start == restart {
            return true;
        }
        // From a cut in the unchanged end that the previous text also had, everything after
        // is the previous text's cuts, moved by the edit's change in length.
        if start >= unchanged_from {
            let previous_start = start + previous_length - text.len();
            if let Ok(at) = ranges.binary_search_by_key(&previous_start, |range| range.start) {
                starts.extend(
                    ranges[at..]
                        .iter()
                        .map(|range| range.start + text.len() - previous_length),
                );
                return false;
            }
        }
        starts.push(start);
        true
    });
    Segmentation {
        ranges: ranges_between(starts, text.len()),
        has_blank_line: true,
    }
}

/// The lines of a text as `(start, content)`, the content without its line break. Breaks are
/// `\n`, `\r\n` and a lone `\r`, as LSP counts them.
#[derive(Clone, Copy)]
struct Lines<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        Lines { text, at: 0 }
    }
}

impl<'a> Iterator for Lines<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        if self.at > self.text.len() || (self.at == self.text.len() && self.at != 0) {
            return None;
        }
        let start = self.at;
        let rest = &self.text.as_bytes()[start..];
        match rest.iter().position(|byte| matches!(byte, b'\n' | b'\r')) {
            Some(length) => {
                let break_length = if rest[length] == b'\r' && rest.get(length + 1) == Some(&b'\n')
                {
                    2
                } else {
                    1
                };
                self.at = start + length + break_length;
                Some((start, &self.text[start..start + length]))
            }
            None => {
                // The last line; an empty text is one empty line, read once.
                self.at = self.text.len() + 1;
                Some((start, &self.text[start..]))
            }
        }
    }
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// Whether a paragraph opening with this line depends on nothing before it: it starts at the
/// margin with a letter or a digit that is not a list number ("3." or "3)").
fn opens_independent_paragraph(line: &str) -> bool {
    let Some(first) = line.chars().next() else {
        return false;
    };
    // An interview's answer label ("A." or "A:") leans on the question before it: the answer's
    // quotations are the interviewee's (see `quote_attribution::answer_label`).
    if crate::analysis::quote_attribution::answer_label(line).is_some() {
        return false;
    }
    if first.is_alphabetic() {
        return true;
    }
    if !first.is_ascii_digit() {
        return false;
    }
    let after_digits = line.trim_start_matches(|c: char| c.is_ascii_digit());
    !(after_digits.starts_with(['.', ')'])
        && after_digits[1..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace))
}

/// A fence that opens or closes a fenced code block: up to three spaces, then three or more
/// backticks or tildes. Returns the fence character and its length.
fn fence(line: &str) -> Option<(u8, usize)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = &line.as_bytes()[indent..];
    let character = *rest.first()?;
    if character != b'`' && character != b'~' {
        return None;
    }
    let length = rest.iter().take_while(|byte| **byte == character).count();
    (length >= 3).then_some((character, length))
}

/// The raw HTML blocks whose content may hold blank lines, with the tag that ends each.
const RAW_HTML_BLOCKS: [(&str, &str); 4] = [
    ("<pre", "</pre>"),
    ("<script", "</script>"),
    ("<style", "</style>"),
    ("<textarea", "</textarea>"),
];

/// What a Markdown line may be inside of, where blank lines do not separate paragraphs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Inside {
    Nothing,
    FrontMatter(u8),
    Fence(u8, usize),
    Comment,
    RawHtml(usize),
}

fn markdown_starts(lines: Lines) -> Vec<usize> {
    let mut starts = Vec::new();
    markdown_scan(lines, true, |start| {
        starts.push(start);
        true
    });
    starts
}

/// Scans Markdown lines for segment starts, calling `found` with each until it returns false.
/// `at_text_start` says whether the first line is the text's first (front matter may open
/// there); otherwise the first line must follow a blank line outside every construct, as a
/// segment start does.
fn markdown_scan(lines: Lines, at_text_start: bool, mut found: impl FnMut(usize) -> bool) {
    let mut inside = Inside::Nothing;
    let mut previous_blank = !at_text_start;
    for (index, (start, line)) in lines.enumerate() {
        if at_text_start && index == 0 && (line.trim_end() == "---" || line.trim_end() == "+++") {
            inside = Inside::FrontMatter(line.as_bytes()[0]);
            continue;
        }
        if inside == Inside::Nothing
            && previous_blank
            && opens_independent_paragraph(line)
            && !found(start)
        {
            return;
        }
        inside = match inside {
            Inside::FrontMatter(marker) => {
                let closing = line.trim_end();
                let closes = closing.len() == 3 && closing.bytes().all(|byte| byte == marker)
                    || (marker == b'-' && closing == "...");
                if closes {
                    Inside::Nothing
                } else {
                    inside
                }
            }
            Inside::Fence(character, length) => match fence(line) {
                Some((closing, closing_length))
                    if closing == character
                        && closing_length >= length
                        && is_blank(line.trim_start().trim_start_matches(closing as char)) =>
                {
                    Inside::Nothing
                }
                _ => inside,
            },
            Inside::Comment => after_comments(line, true),
            Inside::RawHtml(block) => {
                if contains_ignoring_case(line, RAW_HTML_BLOCKS[block].1) {
                    Inside::Nothing
                } else {
                    inside
                }
            }
            Inside::Nothing => {
                if let Some((character, length)) = fence(line) {
                    Inside::Fence(character, length)
                } else if let Some(block) = raw_html_opening(line) {
                    if contains_ignoring_case(line, RAW_HTML_BLOCKS[block].1) {
                        Inside::Nothing
                    } else {
                        Inside::RawHtml(block)
                    }
                } else {
                    after_comments(line, false)
                }
            }
        };
        previous_blank = is_blank(line);
    }
}

/// Whether an HTML comment is still open at the end of `line`, given whether one was open at
/// its start.
fn after_comments(line: &str, mut open: bool) -> Inside {
    let mut rest = line;
    loop {
        if open {
            match rest.find("-->") {
                Some(end) => {
                    rest = &rest[end + 3..];
                    open = false;
                }
                None => return Inside::Comment,
            }
        } else {
            match rest.find("<!--") {
                Some(start) => {
                    rest = &rest[start + 4..];
                    open = true;
                }
                None => return Inside::Nothing,
            }
        }
    }
}

/// The raw HTML block a line opens, if any (the tag at the start of the line, up to three
/// spaces in).
fn raw_html_opening(line: &str) -> Option<usize> {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 {
        return None;
    }
    RAW_HTML_BLOCKS.iter().position(|(opening, _)| {
        trimmed
            .get(..opening.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(opening))
            && trimmed[opening.len()..]
                .chars()
                .next()
                .is_none_or(|c| c.is_whitespace() || c == '>')
    })
}

fn contains_ignoring_case(line: &str, needle: &str) -> bool {
    line.as_bytes()
        .windows(needle.len())
        .any(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
}

fn plain_text_starts(text: &str) -> (Vec<usize>, bool) {
    let has_blank_line = has_blank_line(text);
    let lines = line_ranges(text);
    // Front matter at the top is read whole, by the first segment.
    let body_start = crate::analysis::prose::plain_front_matter(text, &lines)
        .map_or(0, |matter| matter.range.end);
    let mut starts = Vec::new();
    let mut previous_blank = false;
    for (index, line) in lines.iter().enumerate() {
        let content = &text[line.clone()];
        if line.start < body_start {
            continue;
        }
        // Without blank lines every line is a paragraph, so every line may start a segment.
        let after_break = previous_blank || (!has_blank_line && index > 0);
        if after_break && line.start < text.len() && opens_independent_paragraph(content) {
            starts.push(line.start);
        }
        previous_blank = is_blank(content);
    }
    (starts, has_blank_line)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::words::floor_char_boundary;

    fn pieces(text: &str, format: Format) -> Vec<&str> {
        split(text, format)
            .ranges
            .into_iter()
            .map(|range| &text[range])
            .collect()
    }

    #[test]
    fn cuts_before_paragraphs_that_open_with_a_letter_or_digit() {
        let text = "# Title\n\nFirst one.\n\n2024 was long.\n\nÉlan too.\n";
        assert_eq!(
            pieces(text, Format::Markdown),
            [
                "# Title\n\n",
                "First one.\n\n",
                "2024 was long.\n\n",
                "Élan too.\n"
            ]
        );
    }

    #[test]
    fn keeps_paragraphs_that_lean_on_the_one_before() {
        for dependent in [
            "“And more,” she said.",
            "\"Continued quotation.",
            "― Ana Ruiz",
            "- a list item",
            "1. a numbered item",
            "> a block quote",
            "    indented code",
            "*emphasis* first",
            "<!-- copydesk-disable-next-line -->",
            "``A wire quotation,'' he said.",
            "A. \"We will rebuild,\" the answer to a question.",
            "A: Yes.",
        ] {
            let text = format!("He spoke.\n\n{dependent}\n");
            assert_eq!(pieces(&text, Format::Markdown).len(), 1, "{dependent}");
        }
    }

    #[test]
    fn never_cuts_inside_front_matter_fences_comments_or_raw_html() {
        for text in [
            "---\ntitle: x\n\ndate: 2024-01-01\n---\n",
            "Intro.\n\n```\ncode\n\nmore code\n```\n",
            "Intro.\n\n~~~~\ncode\n\n```\nstill code\n~~~~\n",
            "Intro.\n\n<!-- a comment\n\nstill comment -->\n",
            "Intro.\n\n<pre>\nline\n\nline\n</pre>\n",
        ] {
            let cut = pieces(text, Format::Markdown);
            assert!(
                cut.iter()
                    .all(|piece| !piece.starts_with(['t', 'm', 'c', 's', 'l', 'd'])),
                "{text:?} was cut into {cut:?}"
            );
        }
        assert_eq!(
            pieces("```\na\n```\n\nAfter.\n", Format::Markdown),
            ["```\na\n```\n\n", "After.\n"]
        );
    }

    #[test]
    fn plain_text_cuts_at_blank_lines_or_at_every_line_without_them() {
        assert_eq!(
            pieces("One.\nstill one.\n\nTwo.\n", Format::PlainText),
            ["One.\nstill one.\n\n", "Two.\n"]
        );
        let wire = split("One.\nTwo.\n“Three.”\n", Format::PlainText);
        assert!(!wire.has_blank_line);
        assert_eq!(wire.ranges, [0..5, 5..23]);
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config {
            cases: 512,
            rng_seed: proptest::test_runner::RngSeed::Fixed(27),
            failure_persistence: None,
            ..proptest::test_runner::Config::default()
        })]

        #[test]
        fn cutting_again_after_an_edit_equals_cutting_afresh(
            pieces in proptest::collection::vec(0usize..12, 1..80),
            at in proptest::prelude::any::<usize>(),
            removed in 0usize..30,
            inserted in 0usize..12,
        ) {
            const PIECES: [&str; 12] = [
                "Words here.", "\n\n", "\n", "“Quoted,” she said.", "```", "<!--", "-->",
                "<pre>", "</pre>", "- item", "---\n", "2024 began.",
            ];
            let before: String = pieces.iter().map(|index| PIECES[*index]).collect();
            let start = floor_char_boundary(&before, at % (before.len() + 1));
            let end = floor_char_boundary(&before, start + removed);
            let after = format!("{}{}{}", &before[..start], PIECES[inserted], &before[end..]);
            let previous = split(&before, Format::Markdown);
            let shared_start = before.bytes().zip(after.bytes()).take_while(|(a, b)| a == b).count();
            let room = before.len().min(after.len()) - shared_start;
            let shared_end = before
                .bytes()
                .rev()
                .zip(after.bytes().rev())
                .take(room)
                .take_while(|(a, b)| a == b)
                .count();
            let again = resplit(&previous, before.len(), &after, Format::Markdown, shared_start, shared_end);
            proptest::prop_assert_eq!(again, split(&after, Format::Markdown));
        }
    }

    #[test]
    fn cutting_again_resumes_the_previous_cuts_after_the_edit() {
        let before = "Paragraph about the vote.\n\n".repeat(50);
        let previous = split(&before, Format::Markdown);
        for (start, end, inserted) in [
            (700, 700, "longer "),
            (700, 720, ""),
            (700, 701, "\n\nNew paragraph.\n\n“Quoted.”"),
            (702, 702, "```"),
        ] {
            let after = format!("{}{}{}", &before[..start], inserted, &before[end..]);
            let suffix = before.len() - end;
            let again = resplit(
                &previous,
                before.len(),
                &after,
                Format::Markdown,
                start,
                suffix,
            );
            assert_eq!(again, split(&after, Format::Markdown), "{inserted:?}");
        }
    }

    #[test]
    fn segments_cover_the_text_exactly() {
        for text in ["", "\n", "a", "a\r\n\r\nb\rc\n\n\nd", "\n\nA\n\nB"] {
            for format in [Format::Markdown, Format::PlainText] {
                let ranges = split(text, format).ranges;
                assert_eq!(ranges.first().map(|range| range.start), Some(0));
                assert_eq!(ranges.last().map(|range| range.end), Some(text.len()));
                assert!(ranges.windows(2).all(|pair| pair[0].end == pair[1].start));
            }
        }
    }
}
