//! Fuzz target `edits`: an initial text and a sequence of LSP content changes are applied to
//! `copydesk::text::Document` and, in parallel, to a plain `String` by a reference written here.
//! After every change the two texts must be equal, and the document's position conversions must
//! agree with the reference's.
//!
//! Input format, chosen so that seeds can be written by hand with `printf`: the bytes are split
//! at 0xFF, a byte that never occurs in UTF-8, so text segments survive mutation intact.
//!
//! - The first segment is the initial text (lossy UTF-8).
//! - Every further segment is one change: five header bytes, then the inserted text (lossy
//!   UTF-8). Missing header bytes read as `b'0'`.
//!   - Header byte 0 picks the kind: its value modulo 4 is 0 for a ranged change in UTF-8,
//!     1 in UTF-16, 2 in UTF-32, and 3 for a whole-text replacement (no range).
//!   - Header bytes 1 to 4 are start line, start character, end line and end character. Each is
//!     the byte minus `b'0'` (wrapping), so the digits `'0'..='9'` mean 0 to 9, letters mean
//!     larger numbers, and a value of 0xF0 or more maps to `u32::MAX - (value - 0xF0)` so that
//!     positions far out of range are reachable too.
//!
//! The reference follows the clamping rules that `Document::apply_change` and
//! `text::offset_at` document: lines end at "\n", "\r\n" or a lone "\r"; a line past the end is
//! the document end; a character past the line's content is the content's end (before the line
//! break); a unit inside a character rounds down to the character's start; a reversed range is
//! swapped. It walks characters one by one and never uses ropey, so that a misuse of ropey in
//! the document cannot hide in both implementations at once.

use copydesk::text::{Document, Position, PositionEncoding};

/// The byte that separates the initial text and the changes.
const SEPARATOR: u8 = 0xFF;

/// One decoded content change.
#[derive(Debug)]
struct Change {
    range: Option<(Position, Position)>,
    encoding: PositionEncoding,
    text: String,
}

fn number(byte: u8) -> u32 {
    let value = byte.wrapping_sub(b'0');
    if value >= 0xF0 {
        u32::MAX - u32::from(value - 0xF0)
    } else {
        u32::from(value)
    }
}

fn decode_change(segment: &[u8]) -> Change {
    let header_len = segment.len().min(5);
    let mut header = [b'0'; 5];
    header[..header_len].copy_from_slice(&segment[..header_len]);
    let text = String::from_utf8_lossy(&segment[header_len..]).into_owned();
    let start = Position {
        line: number(header[1]),
        character: number(header[2]),
    };
    let end = Position {
        line: number(header[3]),
        character: number(header[4]),
    };
    let (range, encoding) = match header[0] % 4 {
        0 => (Some((start, end)), PositionEncoding::Utf8),
        1 => (Some((start, end)), PositionEncoding::Utf16),
        2 => (Some((start, end)), PositionEncoding::Utf32),
        // A whole-text replacement has no range; the encoding is then irrelevant.
        _ => (None, PositionEncoding::Utf16),
    };
    Change {
        range,
        encoding,
        text,
    }
}

/// The width of `c` in the code units `character` counts in.
fn width(c: char, encoding: PositionEncoding) -> usize {
    match encoding {
        PositionEncoding::Utf8 => c.len_utf8(),
        PositionEncoding::Utf16 => c.len_utf16(),
        PositionEncoding::Utf32 => 1,
    }
}

/// Every line of `text` as `(start, content end)` byte offsets; the content excludes the line
/// break. There is always at least one line, and a text ending in a line break has an empty
/// last line after it.
fn reference_lines(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    let mut index = 0;
    while index < bytes.len() {
        let break_len = match bytes[index] {
            b'\r' if bytes.get(index + 1) == Some(&b'\n') => 2,
            b'\r' | b'\n' => 1,
            _ => {
                index += 1;
                continue;
            }
        };
        lines.push((start, index));
        index += break_len;
        start = index;
    }
    lines.push((start, bytes.len()));
    lines
}

/// The reference for `Document::offset_at`.
fn reference_offset(text: &str, position: Position, encoding: PositionEncoding) -> usize {
    let lines = reference_lines(text);
    let Some(&(start, end)) = lines.get(position.line as usize) else {
        return text.len();
    };
    let target = position.character as usize;
    let mut units = 0;
    for (index, c) in text[start..end].char_indices() {
        // The character that holds unit `target`, or starts at it, is where the offset lands.
        if units + width(c, encoding) > target {
            return start + index;
        }
        units += width(c, encoding);
    }
    end
}

/// The reference for `Document::position_at`: the offset is clamped to the text and rounded
/// down to a char boundary, and an offset inside a line break maps to the end of its line's
/// content.
fn reference_position(text: &str, offset: usize, encoding: PositionEncoding) -> Position {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let lines = reference_lines(text);
    // The last line that starts at or before the offset holds it.
    let line = lines
        .iter()
        .rposition(|&(start, _)| start <= offset)
        .expect("the first line starts at 0");
    let (start, end) = lines[line];
    let character: usize = text[start..offset.min(end)]
        .chars()
        .map(|c| width(c, encoding))
        .sum();
    Position {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        character: u32::try_from(character).unwrap_or(u32::MAX),
    }
}

/// The reference for `Document::apply_change`.
fn reference_apply(text: &mut String, change: &Change) {
    let Some((start, end)) = change.range else {
        *text = change.text.clone();
        return;
    };
    let start = reference_offset(text, start, change.encoding);
    let end = reference_offset(text, end, change.encoding);
    text.replace_range(start.min(end)..start.max(end), &change.text);
}

fn check_positions(document: &Document, reference: &str, change: &Change) {
    let Some((start, end)) = change.range else {
        return;
    };
    let encoding = change.encoding;
    for position in [start, end] {
        let offset = document.offset_at(position, encoding);
        assert_eq!(
            offset,
            reference_offset(reference, position, encoding),
            "offset_at({position:?}, {encoding:?}) in {reference:?}"
        );
        assert_eq!(
            document.position_at(offset, encoding),
            reference_position(reference, offset, encoding),
            "position_at({offset}, {encoding:?}) in {reference:?}"
        );
        // The character number also serves as a raw byte offset, which reaches offsets inside
        // characters, inside CRLFs and past the end.
        let raw = position.character as usize;
        assert_eq!(
            document.position_at(raw, encoding),
            reference_position(reference, raw, encoding),
            "position_at({raw}, {encoding:?}) in {reference:?}"
        );
    }
}

fn check_document(document: &Document, reference: &str) {
    assert_eq!(document.text(), reference);
    assert_eq!(document.len_bytes(), reference.len());
    assert_eq!(
        document.rope().len_lines(),
        reference_lines(reference).len(),
        "line count of {reference:?}"
    );
}

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let mut segments = data.split(|&byte| byte == SEPARATOR);
        let initial = String::from_utf8_lossy(segments.next().unwrap_or_default()).into_owned();
        let mut document = Document::new(&initial, 1, "markdown");
        let mut reference = initial;
        check_document(&document, &reference);
        for segment in segments {
            let change = decode_change(segment);
            check_positions(&document, &reference, &change);
            document.apply_change(change.range, &change.text, change.encoding);
            reference_apply(&mut reference, &change);
            check_document(&document, &reference);
        }
    });
}
