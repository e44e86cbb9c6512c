//! The incremental path: what one edit costs the engine on the generated drafts in
//! `../shared/tools/docs/` (1k, 10k and 100k words). Run with `cargo bench --bench incremental`.
//!
//! For each draft: a full analysis (opening it, on one thread and on two), then a sentence
//! typed one character at a time in the middle of a paragraph halfway through (the common
//! keystroke, which moves the names after it in its paragraph), a sentence that names people
//! typed the same way (each keystroke changes the draft's names; the bench counts how many of
//! all these keystrokes made the names desk read the whole draft's names), a line break typed
//! there (every later
//! line moves), and a change of the front matter's publication date (every segment is analysed
//! again). Each edit is followed by the update an editor would run.
//!
//! This is a benchmark, not a test: it asserts nothing, and `tests/it/incremental.rs` checks the
//! results. Times are wall-clock medians and 95th percentiles in microseconds.

// A benchmark reports on standard output; the crate-wide lint is for the server.
#![allow(clippy::print_stdout)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use copydesk::analysis::{Format, Incremental, NamesDeskRead, Settings};

const SENTENCE: &str = " The council said it would vote on Monday.";

/// A sentence that names people: every keystroke changes the names of its paragraph, so the
/// names desk compares the whole draft's names again (the sentence above leaves them alone,
/// and the names desk keeps its last findings).
const NAMES_SENTENCE: &str = " Mira Osei said Osei would stay.";

fn documents() -> Vec<(String, String)> {
    let folder = std::env::var_os("COPYDESK_BENCH_DOCS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/docs"));
    ["article-1k.md", "article-10k.md", "article-100k.md"]
        .iter()
        .enumerate()
        .map(
            |(index, name)| match std::fs::read_to_string(folder.join(name)) {
                Ok(text) => (name.to_string(), text),
                Err(_) => {
                    // Without the shared drafts, the bundled example repeated to a similar size.
                    let example = include_str!("../examples/draft.md");
                    (
                        format!("{name} (generated)"),
                        example.repeat(10usize.pow(index as u32 + 1) * 2),
                    )
                }
            },
        )
        .collect()
}

fn settings() -> Settings {
    Settings::new(jiff::civil::date(2026, 11, 27))
}

/// Where a writer types: the end of the first sentence of the paragraph halfway through.
fn typing_point(text: &str) -> usize {
    let middle = text.len() / 2;
    let paragraph = text[middle..]
        .find("\n\n")
        .map_or(middle, |found| middle + found + 2);
    text[paragraph..]
        .find(". ")
        .map_or(paragraph, |found| paragraph + found + 1)
}

fn micros(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e6
}

/// Median and 95th percentile.
fn summary(mut times: Vec<Duration>) -> (f64, f64) {
    times.sort();
    let median = times[times.len() / 2];
    let p95 = times[(times.len() * 95 / 100).min(times.len() - 1)];
    (micros(median), micros(p95))
}

fn main() {
    println!(
        "{:<18} {:>9} {:>12} {:>12} {:>20} {:>12} {:>20} {:>14} {:>14}",
        "draft",
        "size KB",
        "open (µs)",
        "2 threads",
        "keystroke med/p95",
        "desk: whole",
        "name typed med/p95",
        "line break",
        "new pub. date"
    );
    for (name, original) in documents() {
        let settings = settings();
        let mut opens = Vec::new();
        for _ in 0..5 {
            let mut engine = Incremental::new(Format::Markdown, settings.clone());
            let started = Instant::now();
            std::hint::black_box(engine.update(&original));
            opens.push(started.elapsed());
        }
        let (open, _) = summary(opens);
        // The server opens a draft with a thread per core (two here): the second half of the
        // draft is analysed meanwhile from a guessed start.
        let mut threaded_opens = Vec::new();
        for _ in 0..5 {
            let mut engine = Incremental::new(Format::Markdown, settings.clone()).with_threads(2);
            let started = Instant::now();
            std::hint::black_box(engine.update(&original));
            threaded_opens.push(started.elapsed());
        }
        let (threaded_open, _) = summary(threaded_opens);

        let mut engine = Incremental::new(Format::Markdown, settings.clone());
        engine.update(&original);
        let mut text = original.clone();
        let at = typing_point(&text);
        let mut keystrokes = Vec::new();
        // How many keystrokes made the names desk read the whole draft's names: the typing
        // point has names after it in its paragraph, which each keystroke moves, and the names
        // sentence makes new names.
        let mut whole_draft_reads = 0;
        for round in 0..5 {
            for (offset, character) in SENTENCE.char_indices() {
                text.insert(at + round * SENTENCE.len() + offset, character);
                let started = Instant::now();
                std::hint::black_box(engine.update(&text));
                keystrokes.push(started.elapsed());
                whole_draft_reads +=
                    usize::from(engine.names_desk_read_last_update() == NamesDeskRead::WholeDraft);
            }
        }
        let typed = keystrokes.len();
        let (keystroke, keystroke_p95) = summary(keystrokes);

        let name_at = at + 5 * SENTENCE.len();
        let mut name_keystrokes = Vec::new();
        for (offset, character) in NAMES_SENTENCE.char_indices() {
            text.insert(name_at + offset, character);
            let started = Instant::now();
            std::hint::black_box(engine.update(&text));
            name_keystrokes.push(started.elapsed());
            whole_draft_reads +=
                usize::from(engine.names_desk_read_last_update() == NamesDeskRead::WholeDraft);
        }
        let (name_keystroke, name_keystroke_p95) = summary(name_keystrokes);

        let mut line_breaks = Vec::new();
        for _ in 0..20 {
            text.insert(at, '\n');
            let started = Instant::now();
            std::hint::black_box(engine.update(&text));
            line_breaks.push(started.elapsed());
            text.remove(at);
            engine.update(&text);
        }
        let (line_break, _) = summary(line_breaks);

        let mut date_changes = Vec::new();
        for day in 10..15 {
            let Some(date_at) = text.find("date: ") else {
                break;
            };
            let value = date_at + "date: ".len();
            text.replace_range(value + 8..value + 10, &day.to_string());
            let started = Instant::now();
            std::hint::black_box(engine.update(&text));
            date_changes.push(started.elapsed());
        }
        let date_change = if date_changes.is_empty() {
            "-".to_string()
        } else {
            format!("{:.0}", summary(date_changes).0)
        };
        println!(
            "{:<18} {:>9.1} {:>12.0} {:>12.0} {:>20} {:>12} {:>20} {:>14.0} {:>14}",
            name,
            original.len() as f64 / 1024.0,
            open,
            threaded_open,
            format!("{keystroke:.0} / {keystroke_p95:.0}"),
            format!("{whole_draft_reads} of {}", typed + NAMES_SENTENCE.len()),
            format!("{name_keystroke:.0} / {name_keystroke_p95:.0}"),
            line_break,
            date_change
        );
    }
}
