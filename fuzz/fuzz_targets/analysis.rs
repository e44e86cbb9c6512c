//! Fuzz target `analysis`: arbitrary bytes become a draft that is analysed as Markdown and as
//! plain text, and the findings are checked against invariants every caller relies on.
//!
//! The bytes are decoded as lossy UTF-8 so that every input reaches the engine; the engine only
//! ever sees `&str`, so invalid UTF-8 would otherwise be wasted work for the fuzzer.

use std::ops::Range;

use copydesk::analysis::{analyze, Format, Settings};

/// Panics unless `range` is a well-formed byte range of `text` whose ends are char boundaries,
/// because the LSP and CLI layers slice the text and convert these offsets to positions.
fn check_range(text: &str, range: &Range<usize>, what: &str) {
    assert!(
        range.start <= range.end && range.end <= text.len(),
        "{what} {range:?} is not within the text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
        "{what} {range:?} does not lie on char boundaries"
    );
}

fn check(text: &str, format: Format, settings: &Settings) {
    let analysis = analyze(text, format, settings);
    for finding in &analysis.findings {
        let what = format!("{format:?}: span of {}", finding.rule);
        check_range(text, &finding.span, &what);
        for related in &finding.related {
            let what = format!("{format:?}: related span of {}", finding.rule);
            check_range(text, &related.span, &what);
        }
        for fix in &finding.fixes {
            for edit in &fix.edits {
                let what = format!(
                    "{format:?}: edit of fix {:?} of {}",
                    fix.title, finding.rule
                );
                check_range(text, &edit.range, &what);
            }
        }
    }
    // `Analysis::findings` is documented as sorted by position; diagnostics and the CLI's
    // output depend on that order.
    for pair in analysis.findings.windows(2) {
        let (first, second) = (&pair[0], &pair[1]);
        assert!(
            (first.span.start, first.span.end) <= (second.span.start, second.span.end),
            "{format:?}: findings out of order: {} at {:?} before {} at {:?}",
            first.rule,
            first.span,
            second.rule,
            second.span
        );
    }
}

/// A draft that reaches every rule, analysed once before fuzzing starts (see `main`).
const WARM_UP: &str = "<!-- copydesk-disable-next-line unsourced-figure -->\n\
    LISBON, Jan. 9 (Wire) - Prices rose 4% to $3 million on Monday, Jan. 7, sources said.\n\n\
    \"We expect more next week,\" the minister said last Friday. \"Nothing is settled.\n";

fn main() {
    // A fixed `today` keeps runs deterministic: a crash found today reproduces tomorrow.
    let today = jiff::civil::date(2025, 3, 4);
    let settings = Settings::new(today);
    // The engine compiles its regular expressions and word lists lazily on first use. Doing that
    // once here, before AFL++ starts forking, keeps the one-off work out of every child's first
    // run, which would otherwise show up as unstable coverage and slow every fork down.
    for format in [Format::Markdown, Format::PlainText] {
        check(WARM_UP, format, &settings);
    }
    afl::fuzz!(|data: &[u8]| {
        let text = String::from_utf8_lossy(data);
        for format in [Format::Markdown, Format::PlainText] {
            check(&text, format, &settings);
        }
    });
}
