//! An open document: its text, LSP version and language id.

use ropey::Rope;

use super::encoding::{self, Position, PositionEncoding};

/// The server's copy of one open document.
#[derive(Clone, Debug)]
pub struct Document {
    rope: Rope,
    version: i32,
    language_id: String,
}

impl Document {
    /// Creates a document as received in `textDocument/didOpen`.
    pub fn new(text: &str, version: i32, language_id: &str) -> Self {
        Self {
            rope: Rope::from_str(text),
            version,
            language_id: language_id.to_owned(),
        }
    }

    /// The current text; cloning a rope is cheap, so analysis can take a
    /// snapshot of it.
    pub fn rope(&self) -> &Rope {
        &self.rope
    }

    /// The current text as one string.
    pub fn text(&self) -> String {
        self.rope.to_string()
    }

    /// The length of the text in bytes.
    pub fn len_bytes(&self) -> usize {
        self.rope.len_bytes()
    }

    /// The LSP version of the text.
    pub fn version(&self) -> i32 {
        self.version
    }

    /// Records the version that came with a `textDocument/didChange`.
    pub fn set_version(&mut self, version: i32) {
        self.version = version;
    }

    /// The LSP language id given when the document was opened.
    pub fn language_id(&self) -> &str {
        &self.language_id
    }

    /// Byte offset of an LSP position, clamped: a line past the end gives the
    /// document end, a character past the line's end gives the end of that
    /// line's content (before its line break), a position inside a multi-byte
    /// character or a surrogate pair rounds down to the character's start.
    /// Never panics.
    pub fn offset_at(&self, position: Position, encoding: PositionEncoding) -> usize {
        encoding::offset_at(&self.rope, position, encoding)
    }

    /// LSP position of a byte offset (clamped to the document, rounded down to
    /// a char boundary).
    pub fn position_at(&self, offset: usize, encoding: PositionEncoding) -> Position {
        encoding::position_at(&self.rope, offset, encoding)
    }

    /// 1-based line and column (in Unicode scalar values) of a byte offset, as the command line
    /// prints a place; see [`encoding::line_column`].
    pub fn line_column(&self, offset: usize) -> (u32, u32) {
        encoding::line_column(&self.rope, offset)
    }

    /// Applies one LSP content change. `None` replaces the whole text. A
    /// reversed range is normalised (start/end swapped); out-of-range
    /// positions are clamped as in `offset_at`. Never panics.
    pub fn apply_change(
        &mut self,
        range: Option<(Position, Position)>,
        new_text: &str,
        encoding: PositionEncoding,
    ) {
        let Some((start, end)) = range else {
            self.rope = Rope::from_str(new_text);
            return;
        };
        let start = self.offset_at(start, encoding);
        let end = self.offset_at(end, encoding);
        // Offsets from `offset_at` are always char boundaries, so converting
        // them to the char indices ropey edits with loses nothing.
        let start_char = self.rope.byte_to_char(start.min(end));
        let end_char = self.rope.byte_to_char(start.max(end));
        self.rope.remove(start_char..end_char);
        self.rope.insert(start_char, new_text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PositionEncoding::{Utf16, Utf32, Utf8};

    const fn pos(line: u32, character: u32) -> Position {
        Position { line, character }
    }

    #[test]
    fn accessors_report_what_was_given() {
        let mut doc = Document::new("a\nb", 3, "markdown");
        assert_eq!(doc.text(), "a\nb");
        assert_eq!(doc.len_bytes(), 3);
        assert_eq!(doc.rope().len_lines(), 2);
        assert_eq!(doc.version(), 3);
        assert_eq!(doc.language_id(), "markdown");
        doc.set_version(4);
        assert_eq!(doc.version(), 4);
    }

    #[test]
    fn document_conversions_delegate_to_the_rope() {
        let doc = Document::new("a😀\nb", 1, "plaintext");
        assert_eq!(doc.offset_at(pos(0, 3), Utf16), 5);
        assert_eq!(doc.position_at(5, Utf16), pos(0, 3));
        assert_eq!(doc.position_at(7, Utf32), pos(1, 1));
    }

    type Range = Option<(Position, Position)>;

    /// Starting text, change range, encoding, replacement, expected text.
    const CHANGES: &[(&str, Range, PositionEncoding, &str, &str)] = &[
        ("old", None, Utf16, "new", "new"),
        ("", None, Utf16, "", ""),
        ("", Some((pos(0, 0), pos(0, 0))), Utf16, "hi", "hi"),
        ("abc", Some((pos(0, 1), pos(0, 2))), Utf16, "X", "aXc"),
        // A reversed range means the same span as the forward one.
        ("abc", Some((pos(0, 2), pos(0, 1))), Utf16, "X", "aXc"),
        ("ab\ncd", Some((pos(1, 1), pos(0, 1))), Utf8, "", "ad"),
        // Multi-byte characters are addressed in each encoding's units.
        ("é€😀!", Some((pos(0, 2), pos(0, 4))), Utf16, "-", "é€-!"),
        ("é€😀!", Some((pos(0, 2), pos(0, 9))), Utf8, "-", "é-!"),
        ("é€😀!", Some((pos(0, 1), pos(0, 3))), Utf32, "-", "é-!"),
        // Inside a surrogate pair rounds down, so the emoji is replaced whole.
        ("a😀b", Some((pos(0, 2), pos(0, 4))), Utf16, "-", "a-"),
        // Joining lines across CRLF and lone CR.
        (
            "ab\r\ncd",
            Some((pos(0, 2), pos(1, 0))),
            Utf16,
            " ",
            "ab cd",
        ),
        ("ab\rcd", Some((pos(0, 2), pos(1, 0))), Utf16, "", "abcd"),
        // A character past the line's end keeps the line break.
        (
            "ab\r\ncd",
            Some((pos(0, 1), pos(0, 9))),
            Utf16,
            "",
            "a\r\ncd",
        ),
        // U+2028 is inside the line, so line 1 is "c".
        (
            "a\u{2028}b\nc",
            Some((pos(1, 0), pos(1, 1))),
            Utf16,
            "Z",
            "a\u{2028}b\nZ",
        ),
        // Past the document end appends.
        ("ab\n", Some((pos(1, 0), pos(1, 0))), Utf16, "c", "ab\nc"),
        ("ab", Some((pos(7, 7), pos(9, 9))), Utf16, "!", "ab!"),
        ("ab", Some((pos(0, 1), pos(9, 0))), Utf16, "", "a"),
    ];

    #[test]
    fn changes_edit_the_expected_span() {
        for &(text, range, encoding, new_text, expected) in CHANGES {
            let mut doc = Document::new(text, 1, "markdown");
            doc.apply_change(range, new_text, encoding);
            assert_eq!(doc.text(), expected, "{text:?} {range:?} {encoding:?}");
        }
    }
}
