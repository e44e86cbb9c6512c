//! Analysis throughput on the generated drafts in `../shared/tools/docs/` (1k, 10k and 100k
//! words), in total and per rule. Run with `cargo bench`; numbers go to stdout as a table.
//!
//! This is a benchmark, not a test: it asserts nothing and no test depends on its timing.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use copydesk::analysis::{analyze, Format, RuleCode, RuleSettings, Settings};

fn documents() -> Vec<(String, String)> {
    let folder = std::env::var_os("COPYDESK_BENCH_DOCS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/docs"));
    let mut found = Vec::new();
    for name in ["article-1k.md", "article-10k.md", "article-100k.md"] {
        match std::fs::read_to_string(folder.join(name)) {
            Ok(text) => found.push((name.to_string(), text)),
            Err(_) => {
                // Without the shared drafts, repeat the bundled example to a similar size.
                let example = include_str!("../examples/draft.md");
                let words_wanted = match name {
                    "article-1k.md" => 1_000,
                    "article-10k.md" => 10_000,
                    _ => 100_000,
                };
                let words_per_copy = example.split_whitespace().count().max(1);
                let copies = words_wanted / words_per_copy + 1;
                found.push((format!("{name} (synthetic)"), example.repeat(copies)));
            }
        }
    }
    found
}

/// Median wall time of `runs` analyses.
fn median_time(text: &str, settings: &Settings, runs: usize) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            let analysis = analyze(text, Format::Markdown, settings);
            std::hint::black_box(analysis);
            started.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn only(rule: Option<RuleCode>) -> Settings {
    let mut settings = Settings::new(jiff::civil::date(2026, 2, 11));
    if let Some(kept) = rule {
        for code in RuleCode::ALL {
            if code != kept {
                settings.rules.insert(
                    code,
                    RuleSettings {
                        enabled: Some(false),
                        severity: None,
                    },
                );
            }
        }
    }
    settings
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument is not supported and ignored.
    let mut out = String::new();
    out.push_str("| draft | bytes | rules | median | MB/s |\n|---|---:|---|---:|---:|\n");
    for (name, text) in documents() {
        let runs = if text.len() > 300_000 { 15 } else { 60 };
        let mut rows: Vec<(String, Settings)> = vec![("all".to_string(), only(None))];
        rows.extend(
            RuleCode::ALL
                .iter()
                .map(|code| (code.as_str().to_string(), only(Some(*code)))),
        );
        for (label, settings) in rows {
            let time = median_time(&text, &settings, runs);
            let megabytes_per_second = text.len() as f64 / 1_048_576.0 / time.as_secs_f64();
            out.push_str(&format!(
                "| {name} | {} | {label} | {:.2} ms | {:.1} |\n",
                text.len(),
                time.as_secs_f64() * 1000.0,
                megabytes_per_second
            ));
        }
    }
    std::io::Write::write_all(&mut std::io::stdout(), out.as_bytes()).expect("stdout is writable");
}
