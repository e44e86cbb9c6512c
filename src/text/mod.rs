//! Plain-data text storage and LSP position conversion.
//!
//! Documents are stored as a [`ropey::Rope`] and addressed internally by byte
//! offsets, because that is what the analysis code works with. The LSP speaks
//! in `(line, character)` positions whose `character` is counted in the code
//! units of a negotiated [`PositionEncoding`], so this module is the single
//! place where the two are converted.
//!
//! Lines are split exactly as LSP splits them: at `"\n"`, `"\r\n"` and a lone
//! `"\r"` only. Ropey's `cr_lines` feature gives this behaviour; other
//! Unicode line separators such as U+2028 or U+0085 stay inside their line.
//!
//! Nothing here depends on LSP crates, so the module can be used and tested as
//! plain data.

mod document;
mod encoding;

pub use document::Document;
pub use encoding::{line_column, offset_at, position_at, Position, PositionEncoding};
