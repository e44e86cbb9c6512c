//! A fuzzer that runs on the stable toolchain with nothing to install, and counts a slow input
//! as a finding: drafts are grown from the AFL seeds in `fuzz/seeds/` by random mutations that
//! favour what makes the rules work hardest (runs of quotation marks, figures, cues, weekdays,
//! very long sentences), each is analysed as Markdown and as plain text on a thread of its own,
//! and an input that takes longer than the time limit, or panics, is saved.
//!
//! AFL++ (`fuzz/run.sh`) explores the code more cleverly but needs cargo-afl and LLVM; this one
//! is for the question AFL++ answers badly: is there a paragraph that takes the engine
//! superlinear time? A linear engine analyses the largest input here (256 KB) in well under a
//! second even in a debug build, so the default limit of two seconds flags only real trouble.
//!
//!     cargo run --release --example fuzz_time_limit -- SECONDS [LIMIT_MS] [OUT_DIR]
//!
//! It prints how many inputs were tried, the slowest ones by time per byte, and every finding,
//! and exits with status 1 if there was one. Runs are reproducible: the seed of the random
//! generator is printed and can be passed back with `FUZZ_SEED`.

// A command-line tool of its own: its report is its standard output.
#![allow(clippy::print_stdout)]

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use copydesk::analysis::{analyze, Format, Settings};

/// Pieces that rules react to; a mutation inserts one, or a long run of one.
const PIECES: &[&str] = &[
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "«",
    "»",
    "„",
    "\"a b c d\" ",
    "“We will,” ",
    " said ",
    " told reporters ",
    " according to ",
    ", she said. ",
    " Monday",
    " last Friday",
    " next week",
    " yesterday",
    " on Tuesday, Jan. 7",
    " 3,000",
    " 12%",
    " $4 million",
    " 1.5",
    " two-thirds",
    " a survey by the Pew Research Center",
    " Ana Ruiz",
    " Mr. Ruiz",
    " (",
    ")",
    "—",
    ": ",
    "; ",
    ". ",
    "\n",
    "\n\n",
    "# ",
    "> ",
    "- ",
    "`",
    "<!-- copydesk-disable-next-line -->\n",
    "\u{200D}",
    "\u{301}",
    "é",
    "😀",
    "word ",
];

/// The largest input tried, so that a linear engine stays far inside the time limit.
const MAX_BYTES: usize = 256 * 1024;

/// xorshift64*: enough randomness for mutations, and reproducible from the printed seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound.max(1) as u64) as usize
    }
}

fn boundary(text: &str, at: usize) -> usize {
    (at.min(text.len())..=text.len())
        .find(|&at| text.is_char_boundary(at))
        .unwrap_or(text.len())
}

/// One random change: insert a piece, a run of a piece, a copy of a stretch repeated, or cut.
fn mutate(text: &mut String, rng: &mut Rng) {
    let at = boundary(text, rng.below(text.len() + 1));
    match rng.below(6) {
        0 | 1 => text.insert_str(at, PIECES[rng.below(PIECES.len())]),
        2 => {
            let piece = PIECES[rng.below(PIECES.len())];
            let count = 1 + rng.below(2_000);
            text.insert_str(at, &piece.repeat(count));
        }
        3 => {
            let end = boundary(text, at + rng.below(400));
            let stretch = text[at..end].to_string();
            let count = 1 + rng.below(500);
            text.insert_str(end, &stretch.repeat(count));
        }
        4 => {
            // Sentence and paragraph ends taken out: one enormous sentence.
            let end = boundary(text, at + rng.below(20_000));
            let joined: String = text[at..end]
                .chars()
                .map(|c| {
                    if matches!(c, '.' | '\n' | '!' | '?') {
                        ' '
                    } else {
                        c
                    }
                })
                .collect();
            text.replace_range(at..end, &joined);
        }
        _ => {
            let end = boundary(text, at + rng.below(200));
            text.replace_range(at..end, "");
        }
    }
    if text.len() > MAX_BYTES {
        let cut = boundary(text, MAX_BYTES);
        text.truncate(cut);
    }
}

fn seeds() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds");
    let mut seeds = Vec::new();
    for target in ["analysis", "incremental_analysis"] {
        let Ok(entries) = std::fs::read_dir(root.join(target)) else {
            continue;
        };
        for entry in entries.flatten() {
            if let Ok(bytes) = std::fs::read(entry.path()) {
                seeds.push(String::from_utf8_lossy(&bytes).into_owned());
            }
        }
    }
    if seeds.is_empty() {
        seeds.push("\"We will,\" she said on Monday. Prices rose 4%.\n".to_string());
    }
    seeds
}

/// What one input did.
enum Outcome {
    Done(Duration),
    Panicked(String),
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(seconds) = args.first().and_then(|value| value.parse::<u64>().ok()) else {
        eprintln!("usage: fuzz_time_limit SECONDS [LIMIT_MS] [OUT_DIR]");
        std::process::exit(2);
    };
    let limit = Duration::from_millis(args.get(1).and_then(|v| v.parse().ok()).unwrap_or(2_000));
    let out = PathBuf::from(
        args.get(2)
            .cloned()
            .unwrap_or_else(|| "fuzz/out/slow".into()),
    );
    let seed = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |now| now.as_nanos() as u64 | 1)
        });
    println!("seed {seed}, limit {limit:?} per input, for {seconds} s");
    let mut rng = Rng(seed);
    let seeds = seeds();
    // A fixed `today`, as in the AFL targets, so that a finding reproduces on another day.
    let settings = Settings::new(jiff::civil::date(2025, 3, 4));
    std::panic::set_hook(Box::new(|_| {}));

    let (inputs, worker_inputs) = mpsc::channel::<String>();
    let (worker_results, results) = mpsc::channel::<Outcome>();
    let worker_settings = settings.clone();
    let spawn_worker = move |inputs: mpsc::Receiver<String>, results: mpsc::Sender<Outcome>| {
        let settings = worker_settings.clone();
        std::thread::spawn(move || {
            for text in inputs {
                let started = Instant::now();
                let outcome = std::panic::catch_unwind(|| {
                    for format in [Format::Markdown, Format::PlainText] {
                        std::hint::black_box(analyze(&text, format, &settings));
                    }
                });
                let outcome = match outcome {
                    Ok(()) => Outcome::Done(started.elapsed()),
                    Err(panic) => Outcome::Panicked(
                        panic
                            .downcast_ref::<String>()
                            .cloned()
                            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                            .unwrap_or_default(),
                    ),
                };
                if results.send(outcome).is_err() {
                    return;
                }
            }
        });
    };
    spawn_worker(worker_inputs, worker_results);
    let mut inputs = inputs;
    let mut results = results;

    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut tried = 0u64;
    let mut bytes = 0u64;
    let mut findings = Vec::new();
    // The slowest inputs by time per byte, for a look even when none passed the limit.
    let mut slowest: Vec<(f64, usize, Duration, String)> = Vec::new();
    while Instant::now() < deadline {
        let mut text = seeds[rng.below(seeds.len())].clone();
        for _ in 0..1 + rng.below(12) {
            mutate(&mut text, &mut rng);
        }
        tried += 1;
        bytes += text.len() as u64;
        inputs.send(text.clone()).expect("the worker runs");
        match results.recv_timeout(limit) {
            Ok(Outcome::Done(took)) => {
                let per_byte = took.as_nanos() as f64 / text.len().max(1) as f64;
                if text.len() >= 4_096 {
                    slowest.push((per_byte, text.len(), took, text));
                    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
                    slowest.truncate(5);
                }
            }
            Ok(Outcome::Panicked(message)) => {
                findings.push(("panic", message, text));
                let (sender, receiver) = mpsc::channel();
                let (result_sender, result_receiver) = mpsc::channel();
                spawn_worker(receiver, result_sender);
                inputs = sender;
                results = result_receiver;
            }
            Err(_) => {
                // Too slow: saved, and a fresh worker takes over while this one finishes.
                let waited = results.recv_timeout(Duration::from_secs(120));
                let took = match waited {
                    Ok(Outcome::Done(took)) => format!("{took:?}"),
                    _ => "more than two minutes".to_string(),
                };
                findings.push(("slow", format!("took {took}"), text));
                let (sender, receiver) = mpsc::channel();
                let (result_sender, result_receiver) = mpsc::channel();
                spawn_worker(receiver, result_sender);
                inputs = sender;
                results = result_receiver;
            }
        }
    }
    println!(
        "{tried} inputs, {:.1} MB in all, {} findings",
        bytes as f64 / 1e6,
        findings.len()
    );
    for (per_byte, length, took, _) in &slowest {
        println!("  slowest: {length} bytes in {took:?} ({per_byte:.0} ns per byte)");
    }
    if findings.is_empty() {
        return;
    }
    let _ = std::fs::create_dir_all(&out);
    for (index, (kind, message, text)) in findings.iter().enumerate() {
        let path = out.join(format!("{kind}-{index}.txt"));
        let _ = std::fs::write(&path, text);
        println!(
            "{kind}: {message} ({} bytes, saved as {})",
            text.len(),
            path.display()
        );
    }
    std::process::exit(1);
}
