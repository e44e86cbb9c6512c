//! The engine never panics, whatever the text: random drafts built from the pieces that make
//! the rules work hardest (quotation marks of every style, accents and emoji next to them,
//! numbers, weekday words, Markdown syntax, line breaks of every kind).

use copydesk::analysis::{analyze, Format, Settings};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

/// A fixed seed and no failure files keep the run deterministic and the source tree clean.
fn config() -> Config {
    Config {
        cases: 512,
        rng_seed: RngSeed::Fixed(20_220_228),
        failure_persistence: None,
        ..Config::default()
    }
}

const PIECES: &[&str] = &[
    "\"",
    "‘",
    " ‘",
    "' ",
    " '",
    "“",
    "”",
    "„",
    "«",
    "»",
    "``",
    "''",
    "‘‘",
    "’’",
    "'",
    "’",
    " ",
    " ",
    " ",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\u{2028}",
    "é",
    "ë",
    "😀",
    "\u{301}",
    "\u{202e}",
    "\0",
    "Monday",
    "last",
    "week",
    "ago",
    "three",
    "days",
    "the",
    "day",
    "before",
    "said",
    "according",
    "to",
    ":",
    ",",
    ".",
    "?",
    "!",
    "—",
    "―",
    "-",
    "$",
    "€",
    "%",
    "3",
    "3,000",
    "1.5bn",
    "million",
    "thousands",
    "of",
    "per",
    "cent",
    "2022",
    "Feb.",
    "28",
    "p.m.",
    "# ",
    "> ",
    "- ",
    "`",
    "```",
    "<!--",
    "-->",
    "[",
    "](",
    ")",
    "*",
    "_",
    "---\n",
    "date: 2022-02-28\n",
    "Smith",
    "RAMOS:",
    "year-ago",
    "or",
    "so",
    "late",
    "night",
    "this",
    "past",
    "winter",
    "quarter",
];

fn draft() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 0..120)
        .prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn analysis_never_panics_and_spans_are_valid(text in draft()) {
        let settings = Settings::new(jiff::civil::date(2022, 2, 28));
        for format in [Format::Markdown, Format::PlainText] {
            let analysis = analyze(&text, format, &settings);
            for finding in &analysis.findings {
                prop_assert!(finding.span.start <= finding.span.end && finding.span.end <= text.len());
                prop_assert!(text.is_char_boundary(finding.span.start) && text.is_char_boundary(finding.span.end));
                for fix in &finding.fixes {
                    for edit in &fix.edits {
                        prop_assert!(edit.range.end <= text.len());
                        prop_assert!(text.is_char_boundary(edit.range.start) && text.is_char_boundary(edit.range.end));
                    }
                }
            }
        }
    }
}

/// Pathological inputs that a property test is unlikely to build: a very long line, a flood
/// of quotation marks, deep nesting. Each must simply finish.
#[test]
fn pathological_inputs_are_analysed() {
    let settings = Settings::new(jiff::civil::date(2022, 2, 28));
    for text in [
        "word ".repeat(20_000),
        "\"".repeat(100_000),
        "“a ".repeat(30_000),
        "[".repeat(10_000) + &"]".repeat(10_000),
        "> ".repeat(5_000) + "\"We met on Monday,\" she said.",
        "3,".repeat(20_000),
    ] {
        for format in [Format::Markdown, Format::PlainText] {
            let analysis = analyze(&text, format, &settings);
            assert!(analysis
                .findings
                .iter()
                .all(|finding| finding.span.end <= text.len()));
        }
    }
}
