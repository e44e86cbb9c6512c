//! copydesk: a language server and command line tool that fact-checks news drafts as they are
//! written. See README.md for what it checks and how to use it.
//!
//! - [`analysis`] is the pure engine: text and settings in, findings out.
//! - [`text`] is the document model and position conversion.
//! - [`lsp`] is the language server, the only module that knows the protocol.
//! - [`cli`] is the command line.
//! - [`clock`] is today's date, the same for every part.
//! - [`sheet`] is the fact-check sheet of one draft, for the command line and the editor.

pub mod analysis;
pub mod cli;
pub mod clock;
pub mod house_rules;
pub mod limits;
pub mod lsp;
pub mod sheet;
pub mod text;
