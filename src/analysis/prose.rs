//! The prose of a draft: which bytes are words a reader reads, grouped into paragraphs.
//!
//! Rules never look at Markdown syntax. They read a *masked* copy of the text that has exactly
//! the same length as the original, in which every byte that is not prose (code, HTML, link
//! destinations, front matter, emphasis markers) is replaced by a space. Byte offsets therefore
//! stay valid in the original text, and nothing inside code or a URL can ever be reported.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// How the text is to be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    PlainText,
}

impl Format {
    /// Maps an LSP `languageId`: only `markdown` is Markdown; `plaintext`, Neovim's `text` and
    /// unknown ids are read as plain prose.
    pub fn from_language_id(language_id: &str) -> Format {
        match language_id {
            "markdown" | "md" | "mdx" | "quarto" | "rmd" => Format::Markdown,
            _ => Format::PlainText,
        }
    }

    /// Picks the format from a file name, for the command line.
    pub fn from_path(path: &std::path::Path) -> Format {
        match path.extension().and_then(|extension| extension.to_str()) {
            Some(extension)
                if ["md", "markdown", "mdown", "mkd", "mdx"]
                    .contains(&extension.to_ascii_lowercase().as_str()) =>
            {
                Format::Markdown
            }
            _ => Format::PlainText,
        }
    }
}

/// Front matter found at the top of a draft: a Markdown draft's metadata block, or the same
/// block (`---` lines around `key: value` lines) at the very top of a plain-text draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrontMatter {
    pub range: Range<usize>,
    /// The publication date, if a date key holds a readable `YYYY-MM-DD` value.
    pub date: Option<jiff::civil::Date>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub range: Range<usize>,
    /// True for Markdown headings, whose numbering is never a figure.
    pub is_heading: bool,
}

#[derive(Clone, Debug)]
pub struct Prose {
    /// Same length as the analysed text; non-prose bytes are spaces.
    pub masked: String,
    pub paragraphs: Vec<Paragraph>,
    /// Byte ranges of link texts: a figure inside or beside a link has a source.
    pub links: Vec<Range<usize>>,
    /// Footnote references such as `[^1]`, which also count as a citation.
    pub citations: Vec<Range<usize>>,
    pub front_matter: Option<FrontMatter>,
}

/// The keys that may hold the publication date, as static site generators name them.
const DATE_KEYS: [&str; 5] = [
    "date",
    "published",
    "publishdate",
    "pubdate",
    "publish_date",
];

impl Prose {
    pub fn parse(text: &str, format: Format) -> Prose {
        match format {
            Format::Markdown => parse_markdown(text),
            Format::PlainText => parse_plain_text(text, has_blank_line(text)),
        }
    }

    /// Reads one segment of a draft (see [`super::segments`]). Plain text needs to know
    /// whether the whole draft, not just this segment, separates paragraphs by blank lines.
    pub fn parse_segment(text: &str, format: Format, draft_has_blank_line: bool) -> Prose {
        match format {
            Format::Markdown => parse_markdown(text),
            Format::PlainText => parse_plain_text(text, draft_has_blank_line),
        }
    }

    pub fn paragraph_text(&self, paragraph: &Paragraph) -> &str {
        &self.masked[paragraph.range.clone()]
    }
}

/// Whether plain text separates its paragraphs by blank lines: a blank line with a line before
/// and after it.
pub(crate) fn has_blank_line(text: &str) -> bool {
    let lines = line_ranges(text);
    lines.iter().enumerate().any(|(index, line)| {
        index > 0 && index + 1 < lines.len() && text[line.clone()].trim().is_empty()
    })
}

/// How many lines a plain-text draft's front matter may have: a block longer than this is
/// more likely prose between two rules than metadata.
const PLAIN_FRONT_MATTER_LINES: usize = 40;

/// Front matter at the very top of a plain-text draft: a line `---` (or `+++`), lines of
/// `key: value` (or `key = value`), and the same closing line. It is unambiguous: prose does
/// not open with a rule followed by keys and values. The range ends after the closing line.
pub(crate) fn plain_front_matter(text: &str, lines: &[Range<usize>]) -> Option<FrontMatter> {
    let first = lines.first()?;
    let fence = text[first.clone()].trim_end();
    if fence != "---" && fence != "+++" {
        return None;
    }
    let mut has_key = false;
    for line in lines.iter().skip(1).take(PLAIN_FRONT_MATTER_LINES) {
        let content = text[line.clone()].trim_end();
        if content == fence || (fence == "---" && content == "...") {
            if !has_key {
                return None;
            }
            // The closing line's own line break belongs to the block too.
            let end = text[line.end..]
                .find('\n')
                .map_or(line.end, |at| line.end + at + 1);
            return Some(FrontMatter {
                range: 0..end,
                date: front_matter_date(&text[first.end..line.start]),
            });
        }
        let key_value = content
            .split_once([':', '='])
            .is_some_and(|(key, _)| !key.trim().is_empty() && !key.trim().contains(' '));
        let continuation = content.trim().is_empty()
            || content.starts_with([' ', '\t', '-', '#'])
            || content.trim_start().starts_with('-');
        if key_value {
            has_key = true;
        } else if !continuation {
            return None;
        }
    }
    None
}

fn parse_plain_text(text: &str, has_blank_line: bool) -> Prose {
    // Wire copy often arrives with one paragraph per line and no blank lines; when the text has
    // no blank line at all, every line is a paragraph of its own.
    let lines = line_ranges(text);
    let front_matter = plain_front_matter(text, &lines);
    let body_start = front_matter.as_ref().map_or(0, |matter| matter.range.end);
    let mut paragraphs = Vec::new();
    let mut current: Option<Range<usize>> = None;
    for line in lines.into_iter().filter(|line| line.start >= body_start) {
        let content = &text[line.clone()];
        if content.trim().is_empty() {
            if let Some(range) = current.take() {
                paragraphs.push(range);
            }
            continue;
        }
        match (&mut current, has_blank_line) {
            (Some(range), true) => range.end = line.end,
            (slot, _) => {
                if let Some(range) = slot.take() {
                    paragraphs.push(range);
                }
                *slot = Some(line);
            }
        }
    }
    paragraphs.extend(current);
    let masked = match &front_matter {
        // The front matter is not prose: blanked like Markdown's, keeping its line breaks.
        Some(matter) => {
            let mut masked = text.to_string().into_bytes();
            for byte in &mut masked[matter.range.clone()] {
                if *byte != b'\n' && *byte != b'\r' {
                    *byte = b' ';
                }
            }
            String::from_utf8(masked).unwrap_or_else(|_| text.to_string())
        }
        None => text.to_string(),
    };
    Prose {
        masked,
        paragraphs: paragraphs
            .into_iter()
            .map(|range| Paragraph {
                range,
                is_heading: false,
            })
            .collect(),
        links: Vec::new(),
        citations: Vec::new(),
        front_matter,
    }
}

/// Byte ranges of the lines of `text` without their line breaks (`\n`, `\r\n` or a lone `\r`,
/// the three breaks LSP knows).
pub fn line_ranges(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    // Every segment's text is split into lines several times and a news draft's lines are
    // whole paragraphs: the breaks are found with memchr, many bytes at a time, rather than
    // by looking at each byte.
    let mut breaks = memchr::memchr2_iter(b'\n', b'\r', bytes);
    while let Some(index) = breaks.next() {
        lines.push(start..index);
        start = index + 1;
        if bytes[index] == b'\r' && bytes.get(index + 1) == Some(&b'\n') {
            // The "\n" of a "\r\n" ends no second line.
            breaks.next();
            start = index + 2;
        }
    }
    lines.push(start..bytes.len());
    lines
}

fn parse_markdown(text: &str) -> Prose {
    let mut masked = vec![b' '; text.len()];
    // Line breaks are kept so that the masked text has the same lines as the original.
    for (index, byte) in text.bytes().enumerate() {
        if byte == b'\n' || byte == b'\r' {
            masked[index] = byte;
        }
    }
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut paragraphs = Vec::new();
    let mut links = Vec::new();
    let mut citations = Vec::new();
    let mut front_matter = None;
    // The leaf block being collected: its first and last prose byte and whether it is a heading.
    let mut open_block: Option<(usize, usize, bool)> = None;
    // Depth of constructs whose text is not prose: code blocks, metadata, images.
    let mut hidden_depth = 0usize;
    let mut in_metadata = false;
    let mut in_heading = false;
    let flush = |open_block: &mut Option<(usize, usize, bool)>, paragraphs: &mut Vec<Paragraph>| {
        if let Some((start, end, is_heading)) = open_block.take() {
            if end > start {
                paragraphs.push(Paragraph {
                    range: start..end,
                    is_heading,
                });
            }
        }
    };
    // Wire archives write quotations as ``...''; Markdown would read the backticks as code.
    let parse_copy = hide_typewriter_quotes(text);
    let parse_text = parse_copy.as_deref().unwrap_or(text);
    for (event, range) in Parser::new_ext(parse_text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => {
                in_metadata = true;
                hidden_depth += 1;
                front_matter = Some(FrontMatter {
                    range: range.clone(),
                    date: None,
                });
            }
            Event::End(TagEnd::MetadataBlock(_)) => {
                in_metadata = false;
                hidden_depth -= 1;
            }
            Event::Start(Tag::CodeBlock(_)) | Event::Start(Tag::Image { .. }) => hidden_depth += 1,
            Event::End(TagEnd::CodeBlock) | Event::End(TagEnd::Image) => {
                hidden_depth = hidden_depth.saturating_sub(1)
            }
            Event::Start(Tag::Paragraph)
            | Event::Start(Tag::Item)
            | Event::Start(Tag::TableCell)
            | Event::Start(Tag::FootnoteDefinition(_)) => flush(&mut open_block, &mut paragraphs),
            Event::Start(Tag::Heading { .. }) => {
                flush(&mut open_block, &mut paragraphs);
                in_heading = true;
            }
            Event::End(TagEnd::Heading(_)) => {
                flush(&mut open_block, &mut paragraphs);
                in_heading = false;
            }
            Event::End(TagEnd::Paragraph)
            | Event::End(TagEnd::Item)
            | Event::End(TagEnd::TableCell)
            | Event::End(TagEnd::FootnoteDefinition) => flush(&mut open_block, &mut paragraphs),
            Event::Start(Tag::Link { .. }) => links.push(range.clone()),
            Event::FootnoteReference(_) => citations.push(range.clone()),
            Event::Text(content) if in_metadata => {
                if let Some(matter) = front_matter.as_mut() {
                    matter.date = front_matter_date(&content);
                }
            }
            Event::Text(_) if hidden_depth == 0 => {
                masked[range.clone()].copy_from_slice(&text.as_bytes()[range.clone()]);
                let block = open_block.get_or_insert((range.start, range.end, in_heading));
                block.0 = block.0.min(range.start);
                block.1 = block.1.max(range.end);
            }
            Event::SoftBreak | Event::HardBreak if hidden_depth == 0 => {
                if let Some(block) = open_block.as_mut() {
                    block.1 = block.1.max(range.end);
                }
            }
            _ => {}
        }
    }
    flush(&mut open_block, &mut paragraphs);
    // Link syntax around the link text (`[`, `](url)`) is already masked because only Text events
    // were copied. The link ranges kept for sourcing cover the whole link.
    let masked = String::from_utf8(masked).unwrap_or_else(|error| {
        // Copying whole Text events and ASCII spaces always yields UTF-8; this is a guard only.
        String::from_utf8_lossy(error.as_bytes()).into_owned()
    });
    Prose {
        masked,
        paragraphs,
        links,
        citations,
        front_matter,
    }
}

/// A copy of `text` in which every TeX-style opening quotation mark (two backticks closed later
/// in the same paragraph by two apostrophes, before any other pair of backticks) is blanked, so
/// that the Markdown parser does not take the quotation for code. `None` when there is none.
fn hide_typewriter_quotes(text: &str) -> Option<String> {
    if !text.contains("``") {
        return None;
    }
    let mut copy = text.as_bytes().to_vec();
    let mut changed = false;
    // Each search below starts where the previous one of its kind is known to have found
    // nothing earlier, so a paragraph of thousands of backticks is scanned a bounded number of
    // times, not once per backtick pair.
    let mut paragraph_end = 0;
    let mut closing_searched_from = usize::MAX;
    let mut closing_found: Option<usize> = None;
    let mut opening = text.find("``");
    while let Some(at) = opening {
        let after = at + 2;
        if paragraph_end < after {
            paragraph_end = text[after..]
                .find("\n\n")
                .map_or(text.len(), |end| after + end);
        }
        let next_backticks = text[after..].find("``").map(|found| after + found);
        let closing_known =
            closing_searched_from <= after && closing_found.is_none_or(|closing| closing >= after);
        if !closing_known {
            closing_found = text[after..].find("''").map(|found| after + found);
            closing_searched_from = after;
        }
        let within = |found: &usize| found + 2 <= paragraph_end;
        let closing = closing_found.filter(within);
        let next = next_backticks.filter(within);
        if closing.is_some_and(|closing| next.is_none_or(|next| closing < next)) {
            copy[at] = b' ';
            copy[at + 1] = b' ';
            changed = true;
        }
        opening = next_backticks;
    }
    // Only ASCII bytes were replaced by ASCII spaces, so the copy is still UTF-8.
    changed.then(|| String::from_utf8(copy).unwrap_or_else(|_| text.to_string()))
}

/// Reads the publication date from YAML (`date: 2022-02-28`) or TOML (`date = 2022-02-28`) front
/// matter. A date-time keeps the calendar date as written, in the zone it was written in.
pub fn front_matter_date(front_matter: &str) -> Option<jiff::civil::Date> {
    for line in front_matter.lines() {
        let Some(split_at) = line.find([':', '=']) else {
            continue;
        };
        let key = line[..split_at].trim().trim_matches(['"', '\'']);
        if !DATE_KEYS.contains(&key.to_ascii_lowercase().as_str()) {
            continue;
        }
        let value = line[split_at + 1..].trim().trim_matches(['"', '\'']);
        if let Some(date) = value.get(..10).and_then(|day| day.parse().ok()) {
            return Some(date);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The lines found with memchr are those a reading byte by byte finds.
        #[test]
        fn lines_are_those_a_byte_by_byte_reading_finds(text in "[ab\r\n é]{0,40}") {
            let bytes = text.as_bytes();
            let mut expected = Vec::new();
            let (mut start, mut index) = (0, 0);
            while index < bytes.len() {
                if bytes[index] == b'\n' || bytes[index] == b'\r' {
                    expected.push(start..index);
                    if bytes[index] == b'\r' && bytes.get(index + 1) == Some(&b'\n') {
                        index += 1;
                    }
                    start = index + 1;
                }
                index += 1;
            }
            expected.push(start..bytes.len());
            proptest::prop_assert_eq!(line_ranges(&text), expected);
        }
    }

    fn prose_of(text: &str) -> Vec<String> {
        let prose = Prose::parse(text, Format::Markdown);
        prose
            .paragraphs
            .iter()
            .map(|paragraph| prose.paragraph_text(paragraph).trim().to_string())
            .collect()
    }

    #[test]
    fn markdown_hides_code_html_urls_and_front_matter() {
        let text = "---\ndate: 2022-02-28\n---\n\nSee `3,000 rows` and [the report](https://x.org/3000).\n\n```\n\"four words in code\"\n```\n\n<!-- 5,000 hidden -->\n\n<div>\n\"html block quote here\"\n</div>\n";
        let prose = Prose::parse(text, Format::Markdown);
        assert_eq!(prose.masked.len(), text.len());
        assert!(!prose.masked.contains("3,000"));
        assert!(!prose.masked.contains("3000"));
        assert!(!prose.masked.contains("four words"));
        assert!(!prose.masked.contains("5,000"));
        assert!(!prose.masked.contains("html block"));
        assert!(prose.masked.contains("the report"));
        assert_eq!(
            prose.front_matter.as_ref().and_then(|matter| matter.date),
            Some(jiff::civil::date(2022, 2, 28))
        );
        assert_eq!(prose.links.len(), 1);
    }

    #[test]
    fn typewriter_quotes_are_prose_but_double_backtick_code_is_not() {
        let prose = Prose::parse(
            "He said ``we met on Monday'' today.\n\nRun ``cargo test`` and ``x``.\n",
            Format::Markdown,
        );
        assert!(prose.masked.contains("``we met on Monday''"));
        assert!(!prose.masked.contains("cargo test"));
    }

    #[test]
    fn markdown_paragraphs_and_headings_are_blocks() {
        assert_eq!(
            prose_of("# Title here\n\nFirst line\nsecond line.\n\n- item one\n- item two\n"),
            vec![
                "Title here",
                "First line\nsecond line.",
                "item one",
                "item two"
            ]
        );
    }

    #[test]
    fn front_matter_keys_and_forms() {
        for (front_matter, expected) in [
            ("date: 2022-02-28", Some((2022, 2, 28))),
            (
                "published: \"2021-01-05T23:30:00-05:00\"",
                Some((2021, 1, 5)),
            ),
            ("publishDate: 2020-07-01", Some((2020, 7, 1))),
            ("pubDate = 2019-03-04", Some((2019, 3, 4))),
            ("title: On Monday\nupdated: 2020-01-01", None),
            ("date: soon", None),
        ] {
            assert_eq!(
                front_matter_date(front_matter),
                expected.map(|(year, month, day)| jiff::civil::date(year, month, day)),
                "{front_matter}"
            );
        }
    }

    #[test]
    fn plain_text_paragraphs_by_blank_lines_or_by_lines() {
        let by_blank = Prose::parse(
            "One line\nstill one.\n\nTwo.\r\n\r\nThree.",
            Format::PlainText,
        );
        let texts: Vec<&str> = by_blank
            .paragraphs
            .iter()
            .map(|paragraph| by_blank.paragraph_text(paragraph))
            .collect();
        assert_eq!(texts, vec!["One line\nstill one.", "Two.", "Three."]);
        let by_line = Prose::parse("First.\nSecond.\rThird.", Format::PlainText);
        assert_eq!(by_line.paragraphs.len(), 3);
    }

    #[test]
    fn plain_text_reads_front_matter_at_its_top() {
        let text = "---\ntitle: Ferry fares\ndate: 2026-03-04\n---\nFares rose on Tuesday.\n";
        let prose = Prose::parse(text, Format::PlainText);
        let matter = prose.front_matter.as_ref().expect("front matter");
        assert_eq!(matter.date, Some(jiff::civil::date(2026, 3, 4)));
        assert_eq!(
            &text[matter.range.clone()],
            "---\ntitle: Ferry fares\ndate: 2026-03-04\n---\n"
        );
        // The block is not prose: one paragraph, the body's, and nothing of the block is read.
        let texts: Vec<&str> = prose
            .paragraphs
            .iter()
            .map(|paragraph| prose.paragraph_text(paragraph))
            .collect();
        assert_eq!(texts, vec!["Fares rose on Tuesday."]);
        assert!(!prose.masked.contains("title"));
        assert_eq!(prose.masked.len(), text.len());
        // A rule followed by prose, or a block never closed, is not front matter.
        for text in [
            "---\nThe council met. It voted.\n---\nMore.",
            "---\ndate: 2026-03-04\nFares rose.",
            "Fares rose.\n---\ndate: 2026-03-04\n---\n",
        ] {
            assert_eq!(
                Prose::parse(text, Format::PlainText).front_matter,
                None,
                "{text}"
            );
        }
    }
}
