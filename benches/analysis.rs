//! Analysis throughput on the generated drafts in `../shared/tools/docs/` (1k, 10k and 100k
//! words), in total and per rule. Run with `cargo bench --bench analysis`; numbers go to stdout
//! as an aligned table.
//!
//! Each draft is analysed with every rule on ("all rules"), with every rule off ("shared passes
//! alone": prose, quotations, attributions, figures and suppressions, which every rule reads),
//! and with one rule on at a time. "Adds" is a rule's time minus the shared passes' time: what
//! that rule costs on top of the work it cannot run without.
//!
//! This is a benchmark, not a test: it asserts nothing and no test depends on its timing.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use copydesk::analysis::{analyze, Format, RuleCode, RuleSettings, Settings};

/// The drafts to measure: the shared generated drafts, or, on a clone without
/// `../shared/tools/docs/` (or `COPYDESK_BENCH_DOCS`), the bundled example draft repeated to
/// the same number of words, so that the benchmark always runs.
fn documents() -> Vec<(String, String)> {
    let folder = std::env::var_os("COPYDESK_BENCH_DOCS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/docs"));
    let mut found = Vec::new();
    for (name, words_wanted) in [
        ("article-1k.md", 1_000),
        ("article-10k.md", 10_000),
        ("article-100k.md", 100_000),
    ] {
        match std::fs::read_to_string(folder.join(name)) {
            Ok(text) => found.push((name.to_string(), text)),
            Err(_) => {
                let example = include_str!("../examples/draft.md");
                let words_per_copy = example.split_whitespace().count().max(1);
                let copies = words_wanted / words_per_copy + 1;
                found.push((format!("{name} (generated)"), example.repeat(copies)));
            }
        }
    }
    found
}

/// Median wall time of `runs` analyses of `text` under each of `settings`. The settings take
/// turns, run after run, so that a change in the machine's load (it is shared) affects them all
/// alike and the differences between them stay meaningful. One analysis under each is not
/// counted: it pays for tables built on first use and brings the text into the cache.
fn median_times(text: &str, settings: &[Settings], runs: usize) -> Vec<Duration> {
    for each in settings {
        std::hint::black_box(analyze(text, Format::Markdown, each));
    }
    let mut times = vec![Vec::with_capacity(runs); settings.len()];
    for _ in 0..runs {
        for (each, times) in settings.iter().zip(&mut times) {
            let started = Instant::now();
            let analysis = analyze(std::hint::black_box(text), Format::Markdown, each);
            std::hint::black_box(analysis);
            times.push(started.elapsed());
        }
    }
    times
        .into_iter()
        .map(|mut times| {
            times.sort();
            times[times.len() / 2]
        })
        .collect()
}

/// Settings with the rules in `enabled` on and every other rule off.
fn with_rules(enabled: &[RuleCode]) -> Settings {
    let mut settings = Settings::new(jiff::civil::date(2026, 2, 11));
    for code in RuleCode::ALL {
        settings.rules.insert(
            code,
            RuleSettings {
                enabled: Some(enabled.contains(&code)),
                severity: None,
            },
        );
    }
    settings
}

fn milliseconds(time: Duration) -> f64 {
    time.as_secs_f64() * 1000.0
}

/// Megabytes of 2^20 bytes per second, as in the README's performance table.
fn megabytes_per_second(bytes: usize, time: Duration) -> f64 {
    bytes as f64 / 1_048_576.0 / time.as_secs_f64()
}

fn main() {
    // `cargo bench` passes `--bench`; filter arguments are not supported and are ignored.
    let mut rows: Vec<[String; 6]> = vec![[
        "draft".to_string(),
        "bytes".to_string(),
        "rules".to_string(),
        "median ms".to_string(),
        "MB/s".to_string(),
        "adds ms".to_string(),
    ]];
    for (name, text) in documents() {
        // Fewer runs of the large draft keep the whole benchmark well under a minute.
        let runs = if text.len() > 300_000 { 11 } else { 41 };
        let mut labels = vec!["all rules".to_string(), "shared passes alone".to_string()];
        let mut settings = vec![with_rules(&RuleCode::ALL), with_rules(&[])];
        for code in RuleCode::ALL {
            labels.push(code.as_str().to_string());
            settings.push(with_rules(&[code]));
        }
        let times = median_times(&text, &settings, runs);
        let shared = times[1];
        for (index, (label, time)) in labels.iter().zip(&times).enumerate() {
            // A rule faster than the noise between runs adds nothing measurable, which
            // `saturating_sub` shows as +0.000 rather than as a negative cost.
            let adds = (index != 1).then(|| time.saturating_sub(shared));
            rows.push([
                name.clone(),
                text.len().to_string(),
                label.clone(),
                format!("{:.3}", milliseconds(*time)),
                format!("{:.1}", megabytes_per_second(text.len(), *time)),
                adds.map_or(String::new(), |adds| format!("{:+.3}", milliseconds(adds))),
            ]);
        }
        // INCREMENTAL PATH: its benchmark goes here. Re-analysis after an edit, which the
        // language server does on each keystroke, is to be measured on this same draft and
        // pushed to `rows` so that it shares the table.
    }

    let widths: Vec<usize> = (0..6)
        .map(|column| {
            rows.iter()
                .map(|row| row[column].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for (index, row) in rows.iter().enumerate() {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(column, cell)| {
                // Text columns are aligned left, numbers right.
                if column == 0 || column == 2 {
                    format!("{cell:<width$}", width = widths[column])
                } else {
                    format!("{cell:>width$}", width = widths[column])
                }
            })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
        if index == 0 {
            let rule: Vec<String> = widths.iter().map(|width| "-".repeat(*width)).collect();
            out.push_str(&rule.join("  "));
            out.push('\n');
        }
    }
    out.push_str(
        "MB/s: 2^20 bytes per second. adds ms: the row's median minus the shared passes' median.\n",
    );
    std::io::Write::write_all(&mut std::io::stdout(), out.as_bytes()).expect("stdout is writable");
}
