//! Position encodings and the conversions between LSP positions and byte
//! offsets in a rope.

use ropey::{Rope, RopeSlice};

/// How LSP counts `character` in a position.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum PositionEncoding {
    /// `character` counts UTF-8 bytes.
    Utf8,
    /// `character` counts UTF-16 code units; the LSP default.
    #[default]
    Utf16,
    /// `character` counts Unicode scalar values.
    Utf32,
}

impl PositionEncoding {
    /// The name LSP uses for this encoding in `positionEncoding`.
    pub fn as_lsp_name(self) -> &'static str {
        match self {
            Self::Utf8 => "utf-8",
            Self::Utf16 => "utf-16",
            Self::Utf32 => "utf-32",
        }
    }

    /// Parses an LSP encoding name; the names are exact strings in the
    /// specification, so no case folding is done.
    pub fn from_lsp_name(name: &str) -> Option<Self> {
        match name {
            "utf-8" => Some(Self::Utf8),
            "utf-16" => Some(Self::Utf16),
            "utf-32" => Some(Self::Utf32),
            _ => None,
        }
    }

    /// The client's first supported preference among the offered names, UTF-16
    /// when none/absent.
    ///
    /// The client lists encodings in order of preference, and every server
    /// must support UTF-16, which is why it is the fallback.
    pub fn negotiate<'a>(offered: impl IntoIterator<Item = &'a str>) -> Self {
        offered
            .into_iter()
            .find_map(Self::from_lsp_name)
            .unwrap_or_default()
    }
}

/// A zero-based LSP position; `character` is counted in the units of the
/// negotiated [`PositionEncoding`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Position {
    /// The zero-based line number.
    pub line: u32,
    /// The zero-based column, in code units of the position encoding.
    pub character: u32,
}

/// Returns the byte range of a line's content, excluding its line break.
///
/// The caller guarantees `line < rope.len_lines()`.
fn line_content(rope: &Rope, line: usize) -> (usize, usize) {
    let start = rope.line_to_byte(line);
    // Ropey accepts one-past-the-last line here, which gives the document end.
    let mut end = rope.line_to_byte(line + 1);
    // LSP positions never address the line break itself, so it is trimmed:
    // "\r\n" as a unit, or a single "\n" or "\r".
    if end > start && rope.byte(end - 1) == b'\n' {
        end -= 1;
    }
    if end > start && rope.byte(end - 1) == b'\r' {
        end -= 1;
    }
    (start, end)
}

/// Byte offset of an LSP position, clamped: a line past the end gives the
/// document end, a character past the line's end gives the end of that line's
/// content (before its line break), a position inside a multi-byte character
/// or a surrogate pair rounds down to the character's start. Never panics.
pub fn offset_at(rope: &Rope, position: Position, encoding: PositionEncoding) -> usize {
    let line = position.line as usize;
    if line >= rope.len_lines() {
        return rope.len_bytes();
    }
    let (start, end) = line_content(rope, line);
    let content = rope.byte_slice(start..end);
    let character = position.character as usize;
    // Each conversion clamps to the line's length first, because ropey panics
    // on out-of-range indices, and ropey's own conversions round a unit in
    // the middle of a character down to that character's start.
    let char_idx = match encoding {
        PositionEncoding::Utf8 => content.byte_to_char(character.min(content.len_bytes())),
        PositionEncoding::Utf16 => content.utf16_cu_to_char(character.min(content.len_utf16_cu())),
        PositionEncoding::Utf32 => character.min(content.len_chars()),
    };
    start + content.char_to_byte(char_idx)
}

/// LSP position of a byte offset (clamped to the document, rounded down to a
/// char boundary).
///
/// An offset between the `\r` and `\n` of a CRLF is not addressable in LSP,
/// so it maps to the end of that line's content, as [`offset_at`] does.
pub fn position_at(rope: &Rope, offset: usize, encoding: PositionEncoding) -> Position {
    let offset = rope.char_to_byte(rope.byte_to_char(offset.min(rope.len_bytes())));
    let line = rope.byte_to_line(offset);
    let (start, end) = line_content(rope, line);
    let prefix = rope.byte_slice(start..offset.min(end));
    Position {
        line: saturate(line),
        character: saturate(units(prefix, encoding)),
    }
}

/// 1-based line and column of a byte offset, as people read a place in a draft or a house rules
/// file: lines split as LSP splits them, columns counted in Unicode scalar values (so an accented
/// letter or an emoji is one column). The command line's reports and the house rules file's
/// problems both use it, so that they name the same place an editor shows.
pub fn line_column(rope: &Rope, offset: usize) -> (u32, u32) {
    let position = position_at(rope, offset, PositionEncoding::Utf32);
    (
        position.line.saturating_add(1),
        position.character.saturating_add(1),
    )
}

/// Length of a slice in the code units of `encoding`.
fn units(slice: RopeSlice<'_>, encoding: PositionEncoding) -> usize {
    match encoding {
        PositionEncoding::Utf8 => slice.len_bytes(),
        PositionEncoding::Utf16 => slice.len_utf16_cu(),
        PositionEncoding::Utf32 => slice.len_chars(),
    }
}

/// Converts to `u32`, saturating, because LSP positions cannot express larger
/// values and a panic would take the whole server down.
fn saturate(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use PositionEncoding::{Utf16, Utf32, Utf8};

    const fn pos(line: u32, character: u32) -> Position {
        Position { line, character }
    }

    #[test]
    fn encoding_names_round_trip() {
        for encoding in [Utf8, Utf16, Utf32] {
            assert_eq!(
                PositionEncoding::from_lsp_name(encoding.as_lsp_name()),
                Some(encoding)
            );
        }
        assert_eq!(PositionEncoding::from_lsp_name("UTF-8"), None);
        assert_eq!(PositionEncoding::from_lsp_name("utf8"), None);
    }

    #[test]
    fn negotiation_picks_first_supported_or_utf16() {
        let cases: &[(&[&str], PositionEncoding)] = &[
            (&[], Utf16),
            (&["latin-1"], Utf16),
            (&["utf-8", "utf-16"], Utf8),
            (&["utf-32", "utf-8"], Utf32),
            (&["bogus", "utf-8"], Utf8),
            (&["utf-16", "utf-8"], Utf16),
        ];
        for &(offered, expected) in cases {
            assert_eq!(
                PositionEncoding::negotiate(offered.iter().copied()),
                expected,
                "{offered:?}"
            );
        }
        assert_eq!(PositionEncoding::default(), Utf16);
    }

    /// Cases where a position maps to an offset and that offset maps back to
    /// the same position.
    const EXACT: &[(&str, PositionEncoding, Position, usize)] = &[
        ("hello", Utf16, pos(0, 0), 0),
        ("hello", Utf16, pos(0, 5), 5),
        ("hello\nworld", Utf8, pos(1, 2), 8),
        // é is 2 bytes, 1 UTF-16 unit, 1 scalar.
        ("café!", Utf8, pos(0, 5), 5),
        ("café!", Utf16, pos(0, 4), 5),
        ("café!", Utf32, pos(0, 4), 5),
        // € is 3 bytes, 1 UTF-16 unit, 1 scalar.
        ("a€b", Utf8, pos(0, 4), 4),
        ("a€b", Utf16, pos(0, 2), 4),
        ("a€b", Utf32, pos(0, 2), 4),
        // 😀 is 4 bytes, 2 UTF-16 units, 1 scalar.
        ("a😀b", Utf8, pos(0, 5), 5),
        ("a😀b", Utf16, pos(0, 3), 5),
        ("a😀b", Utf32, pos(0, 2), 5),
        // CRLF and lone CR both end a line.
        ("ab\r\ncd", Utf16, pos(0, 2), 2),
        ("ab\r\ncd", Utf16, pos(1, 0), 4),
        ("ab\r\ncd", Utf16, pos(1, 2), 6),
        ("ab\rcd", Utf16, pos(1, 1), 4),
        ("a\r\rb", Utf16, pos(1, 0), 2),
        ("a\r\rb", Utf16, pos(2, 1), 4),
        // U+2028 (3 bytes), U+0085, VT and FF do not end a line in LSP.
        ("a\u{2028}b\nc", Utf16, pos(0, 3), 5),
        ("a\u{2028}b\nc", Utf8, pos(0, 5), 5),
        ("a\u{2028}b\nc", Utf16, pos(1, 0), 6),
        ("a\u{85}\x0b\x0cb", Utf32, pos(0, 4), 5),
        // The line after a final newline exists and is empty.
        ("ab\n", Utf16, pos(1, 0), 3),
        ("ab\r\n", Utf16, pos(1, 0), 4),
        ("", Utf16, pos(0, 0), 0),
    ];

    #[test]
    fn exact_positions_convert_both_ways() {
        for &(text, encoding, position, offset) in EXACT {
            let rope = Rope::from_str(text);
            let case = format!("{text:?} {encoding:?} {position:?}");
            assert_eq!(offset_at(&rope, position, encoding), offset, "{case}");
            assert_eq!(position_at(&rope, offset, encoding), position, "{case}");
        }
    }

    /// Positions that are out of range or inside a character, with the
    /// clamped offset they must give.
    const CLAMPED: &[(&str, PositionEncoding, Position, usize)] = &[
        // Past the end of a line stops before its line break.
        ("ab\ncd", Utf16, pos(0, 9), 2),
        ("ab\r\ncd", Utf16, pos(0, 3), 2),
        ("ab\r\ncd", Utf8, pos(0, 99), 2),
        ("ab\rcd", Utf32, pos(0, 3), 2),
        ("ab\ncd", Utf16, pos(1, 9), 5),
        ("ab\n", Utf16, pos(1, 4), 3),
        // Past the last line gives the document end.
        ("ab\ncd", Utf16, pos(2, 0), 5),
        ("ab\ncd", Utf16, pos(u32::MAX, u32::MAX), 5),
        ("", Utf8, pos(0, 3), 0),
        ("", Utf16, pos(1, 0), 0),
        // Inside a multi-byte character or a surrogate pair rounds down.
        ("é", Utf8, pos(0, 1), 0),
        ("a€", Utf8, pos(0, 2), 1),
        ("a€", Utf8, pos(0, 3), 1),
        ("a😀b", Utf8, pos(0, 3), 1),
        ("a😀b", Utf16, pos(0, 2), 1),
        ("😀😀", Utf16, pos(0, 3), 4),
    ];

    #[test]
    fn out_of_range_positions_are_clamped() {
        for &(text, encoding, position, offset) in CLAMPED {
            let rope = Rope::from_str(text);
            let case = format!("{text:?} {encoding:?} {position:?}");
            assert_eq!(offset_at(&rope, position, encoding), offset, "{case}");
        }
    }

    /// Offsets that are past the end, inside a character or inside a CRLF,
    /// with the position they must give.
    const ROUNDED: &[(&str, PositionEncoding, usize, Position)] = &[
        ("ab", Utf16, 99, pos(0, 2)),
        ("ab\n", Utf16, 99, pos(1, 0)),
        ("", Utf16, 5, pos(0, 0)),
        ("aé", Utf8, 2, pos(0, 1)),
        ("a😀", Utf16, 3, pos(0, 1)),
        ("a😀", Utf32, 4, pos(0, 1)),
        // Between \r and \n is the end of the line's content.
        ("ab\r\ncd", Utf16, 3, pos(0, 2)),
    ];

    #[test]
    fn offsets_round_down_and_clamp() {
        for &(text, encoding, offset, position) in ROUNDED {
            let rope = Rope::from_str(text);
            let case = format!("{text:?} {encoding:?} {offset}");
            assert_eq!(position_at(&rope, offset, encoding), position, "{case}");
        }
    }
}
