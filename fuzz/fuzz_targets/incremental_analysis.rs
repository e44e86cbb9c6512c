//! Fuzz target `incremental_analysis`: a draft edited step by step must get, after every edit, exactly
//! the analysis a fresh full analysis gives. This is what the editor relies on: it keeps one
//! `Incremental` per open draft and re-analyses only the segments an edit touched.
//!
//! Input format: the bytes are split at `0xFF`. The first piece is the starting draft (lossy
//! UTF-8). Each later piece is one edit: its first byte chooses where (a fraction of the text's
//! length, in 255ths), its second byte how many bytes to delete, and the rest is inserted. The
//! first byte of the whole input chooses the format (even: Markdown, odd: plain text).

use copydesk::analysis::{analyze, Format, Incremental, Settings};

/// The char boundary at or before `at`.
fn floor(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn main() {
    // A fixed `today` keeps runs deterministic: a crash found today reproduces tomorrow.
    let settings = Settings::new(jiff::civil::date(2025, 3, 4));
    // Warm the engine's lazily built tables before AFL++ starts forking (see `analysis`).
    let _ = analyze(
        "LISBON, Jan. 9 (Wire) - \"Prices rose 4% on Monday,\" she said.\n",
        Format::Markdown,
        &settings,
    );
    afl::fuzz!(|data: &[u8]| {
        let format = if data.first().is_some_and(|byte| byte % 2 == 1) {
            Format::PlainText
        } else {
            Format::Markdown
        };
        let mut pieces = data.split(|byte| *byte == 0xFF);
        let mut text = String::from_utf8_lossy(pieces.next().unwrap_or_default()).into_owned();
        let mut incremental = Incremental::new(format, settings.clone());
        incremental.update(&text);
        for edit in pieces.take(16) {
            let (place, removed, inserted) = match edit {
                [place, removed, rest @ ..] => (*place, *removed, rest),
                _ => continue,
            };
            let start = floor(&text, text.len() * place as usize / 255);
            let end = floor(&text, start + removed as usize).max(start);
            text.replace_range(start..end, &String::from_utf8_lossy(inserted));
            let updated = incremental.update(&text).into_analysis();
            let full = analyze(&text, format, &settings);
            assert!(
                updated == full,
                "incremental analysis differs from a full analysis of {text:?}"
            );
        }
    });
}
