//! The engine never panics, whatever the text: random drafts built from the pieces that make
//! the rules work hardest (quotation marks of every style, accents and emoji next to them,
//! numbers, weekday words, Markdown syntax, line breaks of every kind), arbitrary Unicode
//! (emoji and ZWJ sequences, combining marks, right-to-left text and bidi controls, NUL and
//! other control characters), and giant inputs no writer types but a paste or a broken export
//! can produce. Every result must also be usable: spans inside the text, on char boundaries.
//!
//! That the analysis of such inputs also takes linear time is asserted in `linear_time.rs`.

use std::ops::Range;

use copydesk::analysis::{analyze, Analysis, Format, Settings};
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

/// Unicode that is not in [`PIECES`]: every piece is a hazard for code that slices text by
/// bytes, counts characters as letters or digits, or treats only "\n" as a line break.
const UNICODE_PIECES: &[&str] = &[
    // Emoji: ZWJ sequences, skin tones, flags, variation selectors, keycaps (a digit that is
    // not a number) and a lone joiner.
    "👩\u{200d}👩\u{200d}👧\u{200d}👦",
    "🏳\u{fe0f}\u{200d}🌈",
    "👍🏽",
    "🇺🇦",
    "❤\u{fe0f}",
    "1\u{fe0f}\u{20e3}",
    "\u{200d}",
    "\u{fe0f}",
    // Combining marks, stacked, alone and enclosing.
    "e\u{301}",
    "\u{301}\u{302}\u{303}\u{304}",
    "Z\u{337}\u{322}\u{348}",
    "\u{20dd}",
    "\u{65}\u{338}",
    // Right-to-left text with its own digits, percent sign and quotation marks.
    "مرحبا",
    "قال",
    "שלום",
    "אמר",
    "١٢٣٤",
    "٪",
    "۱۲",
    "״",
    "׳",
    // Bidi controls.
    "\u{200e}",
    "\u{200f}",
    "\u{202a}",
    "\u{202b}",
    "\u{202c}",
    "\u{202d}",
    "\u{202e}",
    "\u{2066}",
    "\u{2067}",
    "\u{2068}",
    "\u{2069}",
    "\u{61c}",
    // Control characters, C0 and C1, and other separators and specials.
    "\0",
    "\u{1}",
    "\u{7}",
    "\u{8}",
    "\t",
    "\u{b}",
    "\u{c}",
    "\u{1b}",
    "\u{7f}",
    "\u{85}",
    "\u{9f}",
    "\u{2028}",
    "\u{2029}",
    "\u{feff}",
    "\u{fffd}",
    "\u{ffff}",
    "\u{10ffff}",
    "\u{a0}",
    "\u{2009}",
    "\u{202f}",
    "\u{3000}",
    // Wide and unusual digits, currencies and quotation marks.
    "東京",
    "一万",
    "１２３",
    "％",
    "＄",
    "𝟙𝟚",
    "½",
    "²",
    "₹",
    "₽",
    "₿",
    "£",
    "¥",
    "₩",
    "‚",
    "‛",
    "‟",
    "‹",
    "›",
    "「",
    "」",
    "『",
    "』",
    "〝",
    "〞",
    "＂",
];

/// Every quotation mark the engine reads, and the typewriter pairs of wire archives.
const QUOTATION_MARKS: &[&str] = &["\"", "“", "”", "‘", "’", "«", "»", "„", "``", "''"];

fn settings() -> Settings {
    Settings::new(jiff::civil::date(2022, 2, 28))
}

/// Panics unless `range` lies within `text` on char boundaries: every caller slices the text
/// with these ranges and converts them to line and column positions.
fn assert_range(text: &str, range: &Range<usize>, what: &str) {
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

/// Checks what callers rely on in an analysis: spans of findings, related places, fixes,
/// quotations and figures inside the text, and findings sorted by position.
fn assert_sound(text: &str, format: Format, analysis: &Analysis) {
    for finding in &analysis.findings {
        let what = format!("{format:?}: {}", finding.rule);
        assert_range(text, &finding.span, &format!("{what}: span"));
        for related in &finding.related {
            assert_range(text, &related.span, &format!("{what}: related span"));
        }
        for fix in &finding.fixes {
            for edit in &fix.edits {
                assert_range(
                    text,
                    &edit.range,
                    &format!("{what}: edit of {:?}", fix.title),
                );
            }
        }
    }
    for pair in analysis.findings.windows(2) {
        assert!(
            (pair[0].span.start, pair[0].span.end) <= (pair[1].span.start, pair[1].span.end),
            "{format:?}: findings out of order: {:?} before {:?}",
            pair[0].span,
            pair[1].span
        );
    }
    for quotation in &analysis.quotations {
        assert_range(text, &quotation.span, &format!("{format:?}: quotation"));
        assert_range(
            text,
            &quotation.inner,
            &format!("{format:?}: quotation interior"),
        );
    }
    for figure in &analysis.figures {
        assert_range(text, &figure.span, &format!("{format:?}: figure"));
    }
}

/// Analyses `text` in both formats and checks both results.
fn assert_analysed(text: &str) {
    let settings = settings();
    for format in [Format::Markdown, Format::PlainText] {
        let analysis = analyze(text, format, &settings);
        assert_sound(text, format, &analysis);
    }
}

fn draft() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 0..120)
        .prop_map(|pieces| pieces.concat())
}

/// One piece of arbitrary Unicode: a piece the rules react to, a hazard, or any char at all.
fn unicode_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(PIECES).prop_map(String::from),
        proptest::sample::select(UNICODE_PIECES).prop_map(String::from),
        any::<char>().prop_map(String::from),
    ]
}

/// Drafts of arbitrary Unicode mixed with the pieces that make the rules work.
fn unicode_draft() -> impl Strategy<Value = String> {
    proptest::collection::vec(unicode_piece(), 0..160).prop_map(|pieces| pieces.concat())
}

/// A few pieces, each repeated up to thousands of times: long runs of one thing (digits,
/// currency signs, quotation marks, bidi controls, line breaks) next to one another.
fn runs_draft() -> impl Strategy<Value = String> {
    proptest::collection::vec((unicode_piece(), 1..2_000usize), 1..6).prop_map(|runs| {
        runs.iter()
            .map(|(piece, count)| piece.repeat(*count))
            .collect()
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn analysis_never_panics_and_spans_are_valid(text in draft()) {
        assert_analysed(&text);
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in unicode_draft()) {
        assert_analysed(&text);
    }
}

proptest! {
    // Each case is up to tens of kilobytes, so fewer cases keep the run short.
    #![proptest_config(Config { cases: 48, ..config() })]

    #[test]
    fn long_runs_of_any_piece_never_panic(text in runs_draft()) {
        assert_analysed(&text);
    }
}

/// Pathological inputs that a property test is unlikely to build: a very long line, a flood
/// of quotation marks, deep nesting. Each must simply finish.
#[test]
fn pathological_inputs_are_analysed() {
    for text in [
        "word ".repeat(20_000),
        "\"".repeat(100_000),
        "“a ".repeat(30_000),
        "[".repeat(10_000) + &"]".repeat(10_000),
        "> ".repeat(5_000) + "\"We met on Monday,\" she said.",
        "3,".repeat(20_000),
    ] {
        assert_analysed(&text);
    }
}

/// A line of 10,000 characters of each kind of hazard, ended by one of the kinds of line
/// break in turn and followed by an ordinary sentence, so that the line's end is read too.
/// (Lines packed with figures or dates are drafts of their own families in `linear_time.rs`.)
#[test]
fn ten_thousand_character_lines_are_analysed() {
    const CHARACTERS: usize = 10_000;
    let units = [
        "\"We won,\" she said. ",
        "word ",
        "👩\u{200d}👩\u{200d}👧\u{200d}👦 ",
        "a\u{301}\u{302}",
        "\u{202e}قال \u{202c}\u{2066}مرحبا\u{2069} ",
        "\u{200f}שלום \"אמר\" ",
        "\u{1}\u{7}\u{1b}\u{7f}\u{85}",
        "“",
        "x",
    ];
    let line_breaks = ["\n", "\r\n", "\r", "\n\r", "\u{2028}"];
    for (index, unit) in units.iter().enumerate() {
        let copies = CHARACTERS / unit.chars().count() + 1;
        let line: String = unit.repeat(copies).chars().take(CHARACTERS).collect();
        let line_break = line_breaks[index % line_breaks.len()];
        assert_analysed(&format!(
            "{line}{line_break}\"We won,\" she said on Monday.{line_break}"
        ));
    }
}

/// `count` copies of `block`, each a paragraph of its own.
fn paragraphs(block: &str, count: usize) -> String {
    format!("{block}\n\n").repeat(count)
}

/// 100,000 quotation marks of each kind alone and of all kinds mixed, and 10,000 with words
/// between them: every mark is a candidate opening or closing. The runs of one kind stand on
/// one line; the mixes stand in paragraphs, as in a draft full of quotations. Marks between
/// words stop at 10,000 because each pair of them is a quotation the rules attribute, which is
/// the work of `linear_time.rs`; 5,000 quotations already pair every kind with every other.
#[test]
fn a_hundred_thousand_quotation_marks_of_every_kind_are_analysed() {
    const MARKS: usize = 100_000;
    const WORDED_MARKS: usize = 10_000;
    let kinds = QUOTATION_MARKS.len();
    for mark in QUOTATION_MARKS {
        if *mark == "``" {
            // Typewriter openings are looked up to the end of their paragraph.
            assert_analysed(&paragraphs(&mark.repeat(1_000), MARKS / 1_000));
        } else {
            assert_analysed(&mark.repeat(MARKS));
        }
    }
    let mixed = QUOTATION_MARKS.concat().repeat(1_000 / kinds);
    assert_analysed(&paragraphs(&mixed, MARKS / 1_000));
    let spaced = (QUOTATION_MARKS.join(" ") + " ").repeat(1_000 / kinds);
    assert_analysed(&paragraphs(&spaced, MARKS / 1_000));
    let worded = (QUOTATION_MARKS.join("no ") + "no ").repeat(50 / kinds);
    assert_analysed(&paragraphs(&worded, WORDED_MARKS / 50));
    let lines = (QUOTATION_MARKS.join("no ") + "no\n").repeat(50 / kinds);
    assert_analysed(&paragraphs(&lines, WORDED_MARKS / 50));
}

/// Brackets, parentheses, emphasis, links, HTML and quotation marks nested 5,000 deep, with a
/// quotation, a date and a figure at the centre, and the same left unclosed or never opened.
#[test]
fn deep_nesting_is_analysed() {
    const DEPTH: usize = 5_000;
    let centre = "\"Fares rose 12% on Monday,\" she said.";
    let pairs = [
        ("[", "]"),
        ("(", ")"),
        ("{", "}"),
        ("<", ">"),
        ("*", "*"),
        ("_", "_"),
        ("**", "**"),
        ("~~", "~~"),
        ("[a](", ")"),
        ("<div>", "</div>"),
        ("“", "”"),
        ("«", "»"),
        ("``", "''"),
        ("[(*_", "_*)]"),
    ];
    for (open, close) in pairs {
        assert_analysed(&format!(
            "{}{centre}{}",
            open.repeat(DEPTH),
            close.repeat(DEPTH)
        ));
        assert_analysed(&format!("{}{centre}", open.repeat(DEPTH)));
        assert_analysed(&format!("{centre}{}", close.repeat(DEPTH)));
    }
    // Block quotes and lists nest by line prefixes rather than by pairs: one 5,000 deep, and
    // paragraphs at every depth up to 200.
    assert_analysed(&format!("{}{centre}", "> ".repeat(DEPTH)));
    assert_analysed(&format!("{}- {centre}", "  ".repeat(DEPTH)));
    let quoted: String = (0..DEPTH)
        .map(|depth| "> ".repeat(depth % 200) + centre + "\n\n")
        .collect();
    assert_analysed(&quoted);
    let listed: String = (0..DEPTH)
        .map(|depth| "  ".repeat(depth % 200) + "- " + centre + "\n")
        .collect();
    assert_analysed(&listed);
}

/// Long runs of digits and currency signs: one 100,000-digit number, 100,000 currency signs,
/// and numbers glued to signs, separators and scale words.
#[test]
fn long_runs_of_digits_and_currency_signs_are_analysed() {
    const LENGTH: usize = 100_000;
    let runs = [
        "9".repeat(LENGTH),
        "$".repeat(LENGTH),
        "$€£¥₹₽₿₩¢".repeat(LENGTH / 9),
        "1,".repeat(LENGTH / 2),
        "1.".repeat(LENGTH / 2),
        "３".repeat(LENGTH),
        "٣".repeat(LENGTH),
        "$".repeat(LENGTH / 2) + &"9".repeat(LENGTH / 2),
        format!("${} million", "9".repeat(LENGTH)),
        format!("{}%", "9".repeat(LENGTH)),
        format!("€{}.{}bn", "9".repeat(LENGTH / 2), "9".repeat(LENGTH / 2)),
        // Figures glued to signs: each looks for its source in its paragraph, so they stand in
        // paragraphs of 10, and a sentence full of them is a `linear_time.rs` family.
        paragraphs(&"$9".repeat(10), 1_000),
        paragraphs(&"9%".repeat(10), 1_000),
        paragraphs(&"€1.2bn ".repeat(10), 1_000),
    ];
    for text in runs {
        assert_analysed(&text);
    }
}

/// NUL and every other control character, alone and in runs, and line breaks of every kind:
/// "\r\n", a lone "\r", "\n\r", the other characters some readers count as line breaks, and
/// all of them mixed.
#[test]
fn control_characters_and_mixed_line_breaks_are_analysed() {
    let controls: String = ('\0'..='\u{1f}').chain('\u{7f}'..='\u{9f}').collect();
    assert_analysed(&controls);
    assert_analysed(&controls.repeat(1_000));
    assert_analysed(&"\0".repeat(100_000));
    let sentence = "\"We met on Monday,\" she said of the $3m deal";
    for line_break in [
        "\n", "\r\n", "\r", "\n\r", "\u{b}", "\u{c}", "\u{85}", "\u{2028}", "\u{2029}",
    ] {
        assert_analysed(&line_break.repeat(100_000));
        assert_analysed(&format!("{sentence}{line_break}").repeat(100));
        assert_analysed(&format!("{sentence}{line_break}{line_break}").repeat(100));
    }
    let mixed: String = ["\n", "\r\n", "\r", "\n\r", "\r\r\n", "\n\n"]
        .iter()
        .map(|line_break| format!("{sentence}{line_break}\0{line_break}"))
        .collect();
    assert_analysed(&mixed.repeat(200));
}
