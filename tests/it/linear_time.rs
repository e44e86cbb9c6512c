//! Analysis takes time linear in the length of the draft, even for drafts built to make naive
//! scanning slow: a flood of quotation marks, one giant line, deep nesting, thousands of short
//! lines, carriage returns alone as line breaks, and sentences packed with figures or dates.
//!
//! Time is counted, never timed, so that the tests are deterministic on a loaded machine: each
//! test runs `copydesk check` under Valgrind's Callgrind, which counts the instructions executed
//! inside `copydesk::analysis::analyze`, one count per draft (`--zero-before` and `--dump-after`
//! on that function). Each family of drafts is analysed at a size and at four times that size;
//! linear work grows about 4 times, quadratic work about 16 times, and growth of
//! [`MAX_GROWTH`] or more fails the test.
//!
//! A failing test keeps its profiles in the target directory's `tmp/linear-time/` and names the
//! profile of the larger draft; `callgrind_annotate --inclusive=yes` on it shows which function
//! does the extra work. CI installs Valgrind (`.ci/run`) and, with `CI` set, these tests fail
//! without it; elsewhere (a newcomer's first `cargo test`) they are skipped with a notice on
//! the terminal saying how to install it.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The growth of the instruction count, when the draft grows 4 times, from which the work is
/// not linear. Linear work grows 4 times at most (less when each draft also costs a constant),
/// work in `n log n` about 4.6 at these sizes, in `n^1.5` 8 and quadratic work 16. A
/// quadratic part that is a sixth of the work at the larger size already gives 4.5.
const MAX_GROWTH: f64 = 4.5;

/// The function whose instructions are counted: the engine's single entry point.
const ANALYZE: &str = "copydesk::analysis::analyze";

/// A draft with quotations, dates, figures and Markdown, analysed first in each format so that
/// work done once per process (tables built on first use) is not counted against one size.
const WARM_UP: &str = "---\ndate: 2022-02-28\n---\n\n# Ferry\n\n\"We will not cut the \
    service,\" Ramos said on Monday. Ridership fell 12% to 41,300, or $3m a year, last week, \
    according to the operator. Thousands of commuters rely on it.\n\n“Yes,” ‘no’ «oui» „ja“ \
    ``so'' <!-- copydesk-disable-next-line -- checked -->\n\n> Sources said [the fare](https://\
    example.org/3000) *doubled* yesterday.\n";

/// The drafts of one family at one size: Markdown and plain text get the same text.
struct Sizes {
    small: String,
    large: String,
}

/// Builds a family's drafts from `build(copies)`, which makes a draft of `copies` units.
fn sizes(copies: usize, build: impl Fn(usize) -> String) -> Sizes {
    Sizes {
        small: build(copies),
        large: build(4 * copies),
    }
}

/// Instruction counts of `analyze` for each of `drafts`, in order, from one Callgrind run of
/// `copydesk check` in `folder`. `--list-suppressions` makes the command analyse every draft
/// and print only the (empty) suppression list, so the run does not spend its time on output.
fn count_instructions(folder: &Path, drafts: &[(&str, &str)]) -> Vec<u64> {
    let house_rules = folder.join("house.toml");
    // An empty house rules file, so that no `.copydesk.toml` above the target directory applies.
    std::fs::write(&house_rules, "").expect("the target directory is writable");
    let mut paths = Vec::new();
    for (name, text) in drafts {
        let path = folder.join(name);
        std::fs::write(&path, text).expect("the target directory is writable");
        paths.push(path);
    }
    let profile = folder.join("callgrind.out");
    let output = Command::new("valgrind")
        .arg("--tool=callgrind")
        .arg(format!("--callgrind-out-file={}", profile.display()))
        .arg(format!("--zero-before={ANALYZE}"))
        .arg(format!("--dump-after={ANALYZE}"))
        .arg(env!("CARGO_BIN_EXE_copydesk"))
        // One job, so that the drafts are analysed, and their profiles dumped, in the order
        // given (with more, two threads race and the counts of two drafts can swap); no cache,
        // so that every draft is analysed even when an earlier run saw the same text.
        .args([
            "check",
            "--list-suppressions",
            "--jobs",
            "1",
            "--no-cache",
            "--reference-date",
            "2022-02-28",
        ])
        .arg("--config")
        .arg(&house_rules)
        .args(&paths)
        .output()
        .unwrap_or_else(|error| {
            panic!(
                "cannot run valgrind ({error}): the linear-time tests count instructions with \
                 Valgrind's Callgrind; install it (Debian and Ubuntu: apt-get install valgrind)"
            )
        });
    assert!(
        output.status.success(),
        "valgrind copydesk check failed with {}: {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    (1..=drafts.len())
        .map(|part| {
            let path = part_path(&profile, part);
            let text = std::fs::read_to_string(&path).unwrap_or_else(|error| {
                panic!(
                    "Callgrind wrote no profile {} ({error}): is {ANALYZE} still the function \
                     that `copydesk check` calls once per draft?",
                    path.display()
                )
            });
            assert!(
                text.contains(&format!("desc: Trigger: --dump-after={ANALYZE}")),
                "{} is not a dump after {ANALYZE}",
                path.display()
            );
            instructions(&text).unwrap_or_else(|| panic!("no totals in {}", path.display()))
        })
        .collect()
}

/// Callgrind numbers the profile dumped at the end of the `part`th call from 1.
fn part_path(profile: &Path, part: usize) -> PathBuf {
    PathBuf::from(format!("{}.{part}", profile.display()))
}

/// The total instruction count of a Callgrind profile: its `summary:` line, or `totals:`.
fn instructions(profile: &str) -> Option<u64> {
    ["summary:", "totals:"].iter().find_map(|key| {
        profile
            .lines()
            .find_map(|line| line.strip_prefix(key))
            .and_then(|count| count.split_whitespace().next())
            .and_then(|count| count.parse().ok())
    })
}

/// Whether Valgrind can be run. Without it, the tests fail under CI (`CI` set, as CI services
/// set it) and are skipped elsewhere with a notice written straight to the terminal, past the
/// test harness's capture of passing tests' output, so that the skip is seen.
fn valgrind_present(family: &str) -> bool {
    let present = Command::new("valgrind")
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success());
    if present {
        return true;
    }
    let ci = std::env::var_os("CI").is_some_and(|value| !value.is_empty() && value != "false");
    assert!(
        !ci,
        "valgrind is not installed: the linear-time tests count instructions with Valgrind's \
         Callgrind and CI must run them (Debian and Ubuntu: apt-get install valgrind)"
    );
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "note: skipped linear-time test {family:?}: Valgrind is not installed (Debian and \
         Ubuntu: sudo apt-get install valgrind; CI runs it)"
    );
    false
}

/// Asserts that analysing the family's large draft costs less than [`MAX_GROWTH`] times the
/// small one, in Markdown and in plain text.
fn assert_linear(family: &str, drafts: Sizes) {
    if !valgrind_present(family) {
        return;
    }
    // The process id keeps two runs of the tests at once (the target directory is shared) out
    // of each other's files.
    let folder = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("linear-time")
        .join(format!("{family}-{}", std::process::id()));
    std::fs::create_dir_all(&folder).expect("the target directory is writable");
    let order = [
        ("warm-up.md", WARM_UP),
        ("warm-up.txt", WARM_UP),
        ("small.md", drafts.small.as_str()),
        ("large.md", drafts.large.as_str()),
        ("small.txt", drafts.small.as_str()),
        ("large.txt", drafts.large.as_str()),
    ];
    let counts = count_instructions(&folder, &order);
    let profile = folder.join("callgrind.out");
    let mut report = Vec::new();
    let mut superlinear = false;
    for (format, small, large) in [("Markdown", 2, 3), ("plain text", 4, 5)] {
        let growth = counts[large] as f64 / counts[small].max(1) as f64;
        superlinear |= growth >= MAX_GROWTH;
        report.push(format!(
            "{format}: {} bytes: {} instructions; {} bytes: {} instructions; growth {growth:.2} \
             (profile {})",
            drafts.small.len(),
            counts[small],
            drafts.large.len(),
            counts[large],
            part_path(&profile, large + 1).display(),
        ));
    }
    // The counts are printed for `cargo test -- --nocapture`, to see the margin of a pass.
    eprintln!("{family}:\n  {}", report.join("\n  "));
    if !superlinear {
        // Only a failure's profiles are worth keeping: they show where the work goes.
        let _ = std::fs::remove_dir_all(&folder);
    }
    assert!(
        !superlinear,
        "analysing 4 times more of the {family} family costs {MAX_GROWTH} times more or worse:\n  \
         {}",
        report.join("\n  ")
    );
}

/// A sentence with a quotation, its attribution, a relative date and figures: what a real
/// article is made of.
const SENTENCES: &str = "\"We will not cut the service,\" Ramos said on Monday. Ridership fell \
    12% to 41,300 passengers, or $3m a year, last week, according to the operator. ";

/// Every kind of quotation mark, with nothing between them to quote: each one opens or closes.
#[test]
fn quotation_marks_alone_take_linear_time() {
    assert_linear(
        "quotation-marks",
        sizes(120, |copies| "\" “ ” ‘ ’ « » „ `` '' ".repeat(copies)),
    );
}

/// One paragraph of one-word quotations in every kind of mark, typewriter pairs included.
#[test]
fn quoted_words_in_one_paragraph_take_linear_time() {
    assert_linear(
        "quoted-words",
        sizes(60, |copies| "\"a\" “b” ‘c’ «d» „e“ ``f'' ".repeat(copies)),
    );
}

/// A whole article on one line: one paragraph, so whatever is searched per paragraph is
/// searched in all of it.
#[test]
fn one_giant_line_takes_linear_time() {
    assert_linear("giant-line", sizes(16, |copies| SENTENCES.repeat(copies)));
}

/// Links, parentheses and emphasis nested 600 and 2,400 deep around a quotation with a figure.
#[test]
fn deeply_nested_brackets_and_emphasis_take_linear_time() {
    assert_linear(
        "nested",
        sizes(600, |depth| {
            format!(
                "{}\"Fares rose 12% on Monday,\" she said.{}",
                "[(*_".repeat(depth),
                "_*)]".repeat(depth)
            )
        }),
    );
}

/// Paragraphs as a real article has them, each with a quotation, dates and figures.
#[test]
fn article_paragraphs_take_linear_time() {
    assert_linear(
        "article",
        sizes(12, |copies| {
            format!("{}\n\n", SENTENCES.trim_end()).repeat(copies)
        }),
    );
}

/// Each paragraph a quotation of four words (long enough to be speech) that nobody is said to
/// have said: every one is reported, and the fix looks for the last speaker named nearby.
#[test]
fn unattributed_quotations_in_many_paragraphs_take_linear_time() {
    assert_linear(
        "unattributed-quotations",
        sizes(250, |copies| "“We will not stay.”\n\n".repeat(copies)),
    );
}

/// Wire copy: short lines without blank lines, one paragraph per line in plain text and one
/// long paragraph in Markdown.
#[test]
fn many_short_lines_take_linear_time() {
    assert_linear(
        "short-lines",
        sizes(80, |copies| {
            "He said on Monday: \"Up 5%.\"\n".repeat(copies)
        }),
    );
}

/// Article paragraphs whose lines end with "\r" alone, as old Mac exports have them.
#[test]
fn carriage_returns_alone_as_line_breaks_take_linear_time() {
    assert_linear(
        "carriage-returns",
        sizes(12, |copies| {
            format!("{}\r\r", SENTENCES.trim_end().replace(". ", ".\r")).repeat(copies)
        }),
    );
}

/// One sentence packed with figures, as a pasted table is: each looks for its source.
#[test]
fn figures_in_one_sentence_take_linear_time() {
    assert_linear(
        "figures",
        sizes(32, |copies| {
            "fares of $3.5m, 12% more and 41,300 riders, ".repeat(copies)
        }),
    );
}

/// One paragraph of many sentences, each naming a speaker or holding an unsourced figure: each
/// figure's fix offers the last speaker named before it, which must not cost a search of every
/// sentence before it (the time-limited fuzzer's first finding).
#[test]
fn speakers_and_figures_in_one_paragraph_take_linear_time() {
    assert_linear(
        "paragraph-speakers",
        sizes(32, |copies| {
            "Reyes said the plan was late. Turnout rose to 12%. ".repeat(copies)
        }),
    );
}

/// One sentence packed with relative dates: each looks for the tense that resolves it.
#[test]
fn relative_dates_in_one_sentence_take_linear_time() {
    assert_linear(
        "dates",
        sizes(32, |copies| {
            "on Monday, last week and three days ago, ".repeat(copies)
        }),
    );
}

/// One sentence of names that contain date words, in one long run of capitals: each name is
/// followed only a few words.
#[test]
fn names_with_date_words_in_one_sentence_take_linear_time() {
    assert_linear(
        "date-names",
        sizes(32, |copies| {
            format!(
                "watched {} on Monday and called Friday.",
                "USA Today Monday Night Football This Week ".repeat(copies)
            )
        }),
    );
}

/// Numbers thousands of digits long and a run of currency signs.
#[test]
fn long_runs_of_digits_and_currency_signs_take_linear_time() {
    assert_linear(
        "digit-runs",
        sizes(1_000, |length| {
            format!(
                "Fares rose {}% to ${} in {}.",
                "9".repeat(length),
                "9".repeat(length),
                "$€£¥".repeat(length / 4)
            )
        }),
    );
}

/// One line of short quotations long enough to be speech, with nothing to attribute them: each
/// looks for its cue in the one sentence they all share, which was once searched again for every
/// quotation against every other quotation (cubic: 4,000 quotations took minutes).
#[test]
fn short_speech_quotations_on_one_line_take_linear_time() {
    assert_linear(
        "speech-quotations",
        sizes(150, |copies| "\"we do not know\" ".repeat(copies)),
    );
}

/// Short quoted sentences, each its own sentence, packed in one paragraph: every sentence break
/// is checked against the quotations around it.
#[test]
fn quoted_sentences_in_one_paragraph_take_linear_time() {
    assert_linear(
        "quoted-sentences",
        sizes(150, |copies| "\"We do not know.\" ".repeat(copies)),
    );
}

/// One quotation holding many single-quoted stretches: each nested quotation looks for the
/// quotation around it.
#[test]
fn many_nested_quotations_take_linear_time() {
    assert_linear(
        "nested-quotations",
        sizes(150, |copies| {
            format!("\"{}\"", "we heard 'not now' and ".repeat(copies))
        }),
    );
}

/// Opening marks of every kind that nothing closes, nested in one another.
#[test]
fn unbalanced_quotation_marks_take_linear_time() {
    assert_linear(
        "unbalanced-marks",
        sizes(150, |copies| "“we ‘do «not „know ``so ".repeat(copies)),
    );
}

/// A straight mark left open over many curly closing marks after punctuation, with a straight
/// mark at the end: each curly mark is judged as a possible malformed closing mark, and none may
/// reread the paragraph to do so.
#[test]
fn curly_marks_inside_an_open_straight_quotation_take_linear_time() {
    assert_linear(
        "curly-in-straight",
        sizes(150, |copies| {
            format!("\"{}\"", "we know.\u{201d} ".repeat(copies))
        }),
    );
}

/// One sentence of many reporting verbs and source phrases, and colon introductions before
/// quotations.
#[test]
fn many_attribution_cues_in_one_sentence_take_linear_time() {
    assert_linear(
        "cues",
        sizes(80, |copies| {
            "Smith said, she told, according to officials, Jones added: \"we do not know\" and "
                .repeat(copies)
        }),
    );
}

/// Weekday names and relative dates in one sentence with no full stop.
#[test]
fn many_weekdays_in_one_sentence_take_linear_time() {
    assert_linear(
        "weekdays",
        sizes(80, |copies| {
            "Monday Tuesday on Wednesday next Friday last Sunday ".repeat(copies)
        }),
    );
}

/// A long sentence of plain words with no punctuation at all.
#[test]
fn a_long_sentence_without_punctuation_takes_linear_time() {
    assert_linear(
        "no-punctuation",
        sizes(150, |copies| {
            "the ferry runs along the coast with the boats ".repeat(copies)
        }),
    );
}

/// One enormous sentence with everything in it: abbreviations that do not end it, quotations,
/// dates, figures and sources, joined by semicolons.
#[test]
fn one_enormous_sentence_takes_linear_time() {
    assert_linear(
        "enormous-sentence",
        sizes(40, |copies| {
            "Gen. Smith said \"we will not go\" on Monday as fares rose 12% to $3m, according to \
             the U.S. ministry; "
                .repeat(copies)
        }),
    );
}

/// Quotations attributed to a pronoun, each in its own sentence: each pronoun looks back for
/// the person it stands for.
#[test]
fn quotations_attributed_to_pronouns_take_linear_time() {
    assert_linear(
        "pronouns",
        sizes(150, |copies| {
            "\"We do not know it,\" he said. ".repeat(copies)
        }),
    );
}
