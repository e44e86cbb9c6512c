//! The integration tests, as one crate: each former `tests/<name>.rs` is a module here, so a
//! change to the library relinks one test binary instead of one per file.
//!
//! To add integration tests, write `tests/it/<name>.rs` and add `mod <name>;` below. Run them
//! alone with `cargo test --test it <name>::`. Shared helpers stay where they were:
//! `tests/support` (the in-memory LSP client, `use crate::support;`) and `tests/common`
//! (`use crate::one_edits;`); insta snapshots live in `tests/it/snapshots/` and are named
//! `it__<name>__<snapshot>.snap`.

#[path = "../common/one_edits.rs"]
mod one_edits;
#[path = "../support/mod.rs"]
mod support;

mod architecture;
mod archive;
mod ci_output;
mod cli;
mod cli_hostile;
mod constructions;
mod editors;
mod emacs;
mod fixtures;
mod house_rules;
mod incremental;
mod linear_time;
mod lsp;
mod lsp_hostile;
mod lsp_house_rules;
mod lsp_stdio;
mod lsp_unicode;
mod neovim;
mod positions;
mod privacy;
mod robustness;
mod sheet;
mod suppressions;
