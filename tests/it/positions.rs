//! Property tests for LSP position conversion and incremental edits.
//!
//! Every property compares `copydesk::text` with a naive reference written
//! here over a plain `String`. The reference walks the characters one by one
//! and never touches ropey, so a bug in how the module uses ropey cannot hide
//! in both implementations at once.

use copydesk::text::{Document, Position, PositionEncoding};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, RngSeed};

const ENCODINGS: [PositionEncoding; 3] = [
    PositionEncoding::Utf8,
    PositionEncoding::Utf16,
    PositionEncoding::Utf32,
];

/// The pieces random text is built from. They cover every line-break form LSP
/// knows, characters of every UTF-8 and UTF-16 width, separators LSP does not
/// treat as line breaks, and a combining mark.
const PIECES: &[&str] = &[
    "a", "b", "x", "Y", "Z", " ", "\n", "\r", "\r\n", "é", "€", "😀", "\u{2028}", "\u{301}",
];

fn text(max_pieces: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..max_pieces)
        .prop_map(|pieces| pieces.concat())
}

fn encoding() -> impl Strategy<Value = PositionEncoding> {
    prop::sample::select(&ENCODINGS[..])
}

/// A fixed seed and no failure files keep the run deterministic and the
/// source tree clean.
fn config() -> Config {
    Config {
        cases: 256,
        rng_seed: RngSeed::Fixed(0x00c0_ffee),
        failure_persistence: None,
        ..Config::default()
    }
}

/// The width of one character in the encoding's code units.
fn units(c: char, encoding: PositionEncoding) -> u32 {
    match encoding {
        PositionEncoding::Utf8 => c.len_utf8() as u32,
        PositionEncoding::Utf16 => c.len_utf16() as u32,
        PositionEncoding::Utf32 => 1,
    }
}

/// The lines of `text` as `(content start, content end, next line start)`
/// byte offsets, split at "\n", "\r\n" and a lone "\r" only.
fn naive_lines(text: &str) -> Vec<(usize, usize, usize)> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = match c {
            '\r' if chars.peek().map(|&(_, n)| n) == Some('\n') => {
                chars.next();
                i + 2
            }
            '\r' | '\n' => i + 1,
            _ => continue,
        };
        lines.push((start, i, next));
        start = next;
    }
    lines.push((start, text.len(), text.len()));
    lines
}

/// The position of a char boundary; an offset inside a CRLF is the end of
/// that line's content, because LSP cannot address it.
fn naive_position(text: &str, offset: usize, encoding: PositionEncoding) -> Position {
    let lines = naive_lines(text);
    let line = lines
        .iter()
        .rposition(|&(start, _, _)| start <= offset)
        .expect("line 0 starts at 0");
    let (start, end, _) = lines[line];
    let character = text[start..offset.min(end)]
        .chars()
        .map(|c| units(c, encoding))
        .sum();
    Position {
        line: line as u32,
        character,
    }
}

/// The byte offset of a position, with the clamping and rounding down the
/// module documents.
fn naive_offset(text: &str, position: Position, encoding: PositionEncoding) -> usize {
    let lines = naive_lines(text);
    let Some(&(start, end, _)) = lines.get(position.line as usize) else {
        return text.len();
    };
    let mut column = 0;
    for (i, c) in text[start..end].char_indices() {
        column += units(c, encoding);
        if column > position.character {
            return start + i;
        }
    }
    end
}

/// Whether `offset` lies between the "\r" and "\n" of a CRLF.
fn inside_crlf(text: &str, offset: usize) -> bool {
    offset > 0 && text[..offset].ends_with('\r') && text[offset..].starts_with('\n')
}

/// The byte offset of a char boundary chosen by `index`, moved off the middle
/// of a CRLF so that an LSP position can express it.
fn boundary(text: &str, index: Index) -> usize {
    let boundaries: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let offset = boundaries[index.index(boundaries.len())];
    if inside_crlf(text, offset) {
        offset - 1
    } else {
        offset
    }
}

proptest! {
    #![proptest_config(config())]

    /// The same edits, given as LSP ranges in any encoding and in either
    /// direction, produce the same text in a `Document` as in a `String`.
    #[test]
    fn edits_match_string_edits(
        initial in text(40),
        edits in prop::collection::vec(
            (any::<Index>(), any::<Index>(), encoding(), text(6)),
            1..8,
        ),
    ) {
        let mut expected = initial.clone();
        let mut doc = Document::new(&initial, 0, "markdown");
        for (a, b, encoding, new_text) in edits {
            let a = boundary(&expected, a);
            let b = boundary(&expected, b);
            let range = (
                naive_position(&expected, a, encoding),
                naive_position(&expected, b, encoding),
            );
            doc.apply_change(Some(range), &new_text, encoding);
            expected.replace_range(a.min(b)..a.max(b), &new_text);
            prop_assert_eq!(doc.text(), expected.as_str());
        }
    }

    /// Every byte offset maps to the reference position, and every char
    /// boundary LSP can express maps back to itself.
    #[test]
    fn positions_round_trip(text in text(40)) {
        let doc = Document::new(&text, 0, "markdown");
        for encoding in ENCODINGS {
            for offset in 0..=text.len() + 1 {
                let boundary = (0..=offset.min(text.len()))
                    .rev()
                    .find(|&i| text.is_char_boundary(i))
                    .expect("0 is a char boundary");
                let position = doc.position_at(offset, encoding);
                prop_assert_eq!(
                    position,
                    naive_position(&text, boundary, encoding),
                    "offset {} in {:?} as {:?}", offset, text, encoding
                );
                let back = if inside_crlf(&text, boundary) { boundary - 1 } else { boundary };
                prop_assert_eq!(
                    doc.offset_at(position, encoding),
                    back,
                    "offset {} in {:?} as {:?}", offset, text, encoding
                );
            }
        }
    }

    /// Arbitrary positions, including ones past the end of a line or the
    /// document and inside characters, clamp like the reference.
    #[test]
    fn arbitrary_positions_clamp(
        text in text(40),
        line in 0u32..12,
        character in 0u32..48,
        encoding in encoding(),
    ) {
        let doc = Document::new(&text, 0, "markdown");
        let position = Position { line, character };
        prop_assert_eq!(
            doc.offset_at(position, encoding),
            naive_offset(&text, position, encoding),
            "{:?} in {:?} as {:?}", position, text, encoding
        );
    }
}

/// Only "\n", "\r\n" and a lone "\r" split lines; the reference relies on this
/// too, so it is pinned down here against the real module.
#[test]
fn only_lsp_line_breaks_split_lines() {
    let text = "a\u{2028}b\u{85}c\x0bd\x0ce\u{2029}f\rg\r\nh\ni";
    let doc = Document::new(text, 0, "markdown");
    assert_eq!(doc.rope().len_lines(), 4);
    let last = Position {
        line: 3,
        character: 0,
    };
    assert_eq!(doc.offset_at(last, PositionEncoding::Utf16), text.len() - 1);
    assert_eq!(naive_lines(text).len(), 4);
}
