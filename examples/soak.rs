//! A soak test of the language server: the release program is driven like a busy editor for a
//! fixed time and must come out with every draft's text, diagnostics and memory in order.
//!
//! ```text
//! cargo build --release
//! cargo run --release --example soak -- --seconds 60
//! ```
//!
//! Options: `--seconds N` (60), `--docs N` (200), `--seed N` (1), `--bin PATH` (or the
//! `COPYDESK_BIN` environment variable; `target/release/copydesk` by default).
//!
//! It opens generated news drafts (quotations, relative dates, figures), then sends random
//! incremental edits (inserts, deletes and replacements, with accented letters, emoji and line
//! breaks, in UTF-16 positions) to random drafts until the time is up, keeping its own copy of
//! every text. The server has no request that returns a draft's text, so equality is proven by
//! opening a second draft with the client's text and comparing the two drafts' diagnostics. It
//! also checks that each draft's last published diagnostics carry its last version, and that
//! memory stays flat while editing, returns near the level measured after `initialize` once
//! every draft is closed, and does not grow when every draft is opened and closed once more. It
//! prints a summary and exits with status 1 on any failure.
//!
//! It is not part of `cargo test`: it runs for a minute and measures a release build.

// The summary on standard output is this tool's whole purpose; the crate denies printing to
// standard output because the server's standard output carries the protocol.
#![allow(clippy::print_stdout)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, ChildStdout, Command, ExitCode, Stdio};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// How far above the level after initialize memory may stay once every draft is closed. The
/// live heap falls back to under 1 MB (heaptrack, 2026-11-27), and the server hands freed
/// memory back to the system when its last draft closes, but the allocator's per-thread pools
/// still hold pages that heavy editing on several threads fragmented: after a 20 s run, 15 MB
/// above an 8 MB baseline, against 15 to 19 MB before memory was handed back. So this is a
/// ceiling; the two checks below (memory stays flat while editing, and over a second round of
/// opening and closing) are the ones that catch leaks.
const RSS_MARGIN_KB: u64 = 20 * 1024;
/// How much memory may grow from the first third of the editing to its end, once it has reached
/// its working size. A leak that grows with every edit shows here: at the 9,000 edits a second
/// of a 60 s run on the project's machine, 15 bytes per edit add 5.4 MB over the last 40 s.
const RSS_EDITING_MARGIN_KB: u64 = 5 * 1024;
/// How much higher memory may be after a second round of opening and closing every draft than
/// after the first: freed memory is reused, so only what closing keeps would add up.
const RSS_ROUND_MARGIN_KB: u64 = 3 * 1024;
/// How long any wait for the server may take before it counts as a hang.
const HANG_GUARD: Duration = Duration::from_secs(120);
/// Edits between two requests that wait for an answer, so that the edits/sec figure counts
/// edits the server has read rather than edits queued in a pipe.
const EDITS_PER_ROUND_TRIP: u64 = 100;
/// The publication date the server is told to use, so that runs are comparable.
const REFERENCE_DATE: &str = "2026-03-04";

struct Options {
    seconds: u64,
    docs: usize,
    seed: u64,
    binary: PathBuf,
}

fn parse_options() -> Result<Options, String> {
    let mut options = Options {
        seconds: 60,
        docs: 200,
        seed: 1,
        binary: std::env::var_os("COPYDESK_BIN").map_or_else(
            || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/release/copydesk"),
            PathBuf::from,
        ),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--seconds" => options.seconds = number(&value("--seconds")?)?,
            "--docs" => options.docs = number(&value("--docs")?)? as usize,
            "--seed" => options.seed = number(&value("--seed")?)?,
            "--bin" => options.binary = PathBuf::from(value("--bin")?),
            other if !other.starts_with("--") => options.binary = PathBuf::from(other),
            other => return Err(format!("unknown option {other}")),
        }
    }
    Ok(options)
}

fn number(text: &str) -> Result<u64, String> {
    text.parse()
        .map_err(|_| format!("{text:?} is not a whole number"))
}

/// SplitMix64: a small, fast generator, so that a seed always gives the same run of drafts
/// and edits.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const PEOPLE: &[(&str, &str)] = &[
    ("Mira Osei", "the mayor"),
    ("Tomás Ibáñez", "a spokesman for the port authority"),
    ("Zoë Müller", "the council's treasurer"),
    ("Kwame Mensah", "a union organiser"),
    ("Anna Kowalska", "the ferry operator's chief executive"),
    ("José Álvarez", "who has lived on the island for 40 years"),
];
const PLACES: &[&str] = &[
    "Liège",
    "São Paulo",
    "Zürich",
    "Kraków",
    "Reykjavík",
    "the harbour district",
];
const ORGANISATIONS: &[&str] = &[
    "the city council",
    "the port authority",
    "the transport ministry",
    "Eurostat",
    "the ferry operator",
    "a local charity",
];
const WHEN: &[&str] = &[
    "on Monday",
    "on Tuesday",
    "yesterday",
    "last week",
    "earlier this month",
    "late on Friday night",
    "three days ago",
    "next month",
    "tomorrow morning",
    "over the weekend",
];
const FIGURES: &[&str] = &[
    "$4.2 million",
    "12%",
    "3,400 passengers",
    "€1.5bn",
    "thousands of commuters",
    "41,300 passengers a month",
    "nine percentage points",
    "£250,000",
    "a third of residents",
    "1,200 jobs",
];
const QUOTES: &[&str] = &[
    "We will rebuild the pier before the summer",
    "Nobody asked the fishermen about any of this",
    "This is the best offer we have had in years",
    "The numbers simply do not add up",
    "We were never told the service would end",
    "It is a disaster for the whole town",
];
const VERBS: &[&str] = &["said", "told reporters", "insisted", "added", "wrote"];
const FILLER: &[&str] = &[
    "The ferry has run between the two towns since 1962.",
    "Work on the new terminal is due to finish in 2027.",
    "The crossing takes about 40 minutes in good weather.",
    "Some residents called the plan “a gamble”.",
    "Sources said the talks had stalled.",
];

/// One sentence of a news draft: an attributed or unattributed quotation, a relative date, a
/// figure with or without a source, or plain background.
fn sentence(rng: &mut Rng) -> String {
    let (name, role) = *rng.pick(PEOPLE);
    let quote = rng.pick(QUOTES);
    let when = rng.pick(WHEN);
    let figure = rng.pick(FIGURES);
    let organisation = rng.pick(ORGANISATIONS);
    let place = rng.pick(PLACES);
    let verb = rng.pick(VERBS);
    match rng.below(9) {
        0 => format!("“{quote},” {name}, {role}, {verb} {when}."),
        1 => format!("\"{quote},\" {verb} {name}."),
        2 => format!("“{quote}.”"),
        3 => format!("The {organisation} said {when} that it would spend {figure} on the harbour."),
        4 => format!("Ridership in {place} fell to {figure} {when}."),
        5 => format!("According to {organisation}, {figure} were affected."),
        6 => format!("{name} met officials in {place} {when}."),
        7 => format!("Costs rose by {figure} {when}, according to a report by {organisation}."),
        _ => rng.pick(FILLER).to_string(),
    }
}

/// A draft of a few hundred words: a headline and 8 to 13 paragraphs of 2 to 4 sentences, as
/// Markdown with front matter or as plain text.
fn draft(rng: &mut Rng, markdown: bool) -> String {
    let mut text = String::new();
    let place = rng.pick(PLACES);
    if markdown {
        text.push_str(&format!(
            "---\ndate: {REFERENCE_DATE}\n---\n\n# Ferry service to {place} in doubt\n\n"
        ));
    } else {
        text.push_str(&format!("Ferry service to {place} in doubt\n\n"));
    }
    let paragraphs = 8 + rng.below(6);
    for paragraph in 0..paragraphs {
        let sentences = 2 + rng.below(3);
        let parts: Vec<String> = (0..sentences).map(|_| sentence(rng)).collect();
        text.push_str(&parts.join(" "));
        if paragraph + 1 < paragraphs {
            text.push_str("\n\n");
        }
    }
    text.push('\n');
    text
}

/// Text typed into drafts: words, punctuation, line breaks and characters that take two bytes,
/// three bytes or two UTF-16 units (the emoji), so that position arithmetic is exercised.
const INSERTS: &[&str] = &[
    "a",
    "e",
    " ",
    "the ",
    ",",
    ".",
    "\n",
    "\n\n",
    "é",
    "ü",
    "ß",
    "—",
    "€",
    "日本",
    "😀",
    "👍🏽",
    "“",
    "”",
    "\"",
    "'",
    "on Monday",
    " yesterday",
    "$4.2 million",
    "12%",
    " said ",
    "“We will,” she said.",
    "According to the council, ",
    "3,000 people",
    "# ",
];

/// The LSP position of a byte offset in UTF-16 units. Drafts and edits never contain "\r", so
/// "\n" is the only line break.
fn position(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    let character = text[line_start..offset].encode_utf16().count();
    json!({ "line": line, "character": character })
}

/// A character boundary at or before `offset`.
fn boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// One random edit: applied to `text` and returned as an LSP content change, its range computed
/// in the text as it was before the edit.
fn random_change(rng: &mut Rng, text: &mut String, original_len: usize) -> Value {
    // Drafts drift back towards their original length, so that no text grows or empties away.
    let growing = text.len() > original_len * 2;
    let shrinking = text.len() < original_len / 2;
    let kind = match rng.below(10) {
        _ if shrinking => 0,
        _ if growing => 1,
        0..=4 => 0,
        5..=7 => 1,
        _ => 2,
    };
    let start = boundary(text, rng.below(text.len() + 1));
    let end = if kind == 0 {
        start
    } else {
        let mut end = start;
        for _ in 0..1 + rng.below(40) {
            match text[end..].chars().next() {
                Some(c) => end += c.len_utf8(),
                None => break,
            }
        }
        end
    };
    let inserted = if kind == 1 { "" } else { *rng.pick(INSERTS) };
    let range = json!({ "start": position(text, start), "end": position(text, end) });
    text.replace_range(start..end, inserted);
    json!({ "range": range, "text": inserted })
}

/// What the server last published for one draft.
struct Published {
    version: Option<i64>,
    diagnostics: Vec<Value>,
}

#[derive(Default)]
struct Inbox {
    last: HashMap<String, Published>,
    publishes: u64,
    responses: HashMap<i64, Value>,
    /// Everything that is wrong with the server's output or behaviour.
    problems: Vec<String>,
    /// The server's standard output ended.
    ended: bool,
}

struct Shared {
    inbox: Mutex<Inbox>,
    changed: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Inbox> {
        self.inbox
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Waits until `done` holds, the output ends, or the hang guard runs out; returns whether
    /// `done` holds.
    fn wait_until(&self, mut done: impl FnMut(&Inbox) -> bool) -> bool {
        let deadline = Instant::now() + HANG_GUARD;
        let mut inbox = self.lock();
        loop {
            if done(&inbox) {
                return true;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if inbox.ended || left.is_zero() {
                return false;
            }
            inbox = self
                .changed
                .wait_timeout(inbox, left.min(Duration::from_millis(500)))
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .0;
        }
    }
}

type Writer = Arc<Mutex<ChildStdin>>;

fn send(writer: &Writer, message: &Value) -> Result<(), String> {
    let body = message.to_string();
    let mut stdin = writer
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    stdin
        .write_all(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes())
        .and_then(|()| stdin.flush())
        .map_err(|error| format!("the server stopped reading: {error}"))
}

/// Reads the server's messages strictly (anything but framed JSON-RPC is a problem) and records
/// diagnostics and responses.
fn read_messages(stdout: ChildStdout, shared: Arc<Shared>) {
    let mut reader = BufReader::new(stdout);
    loop {
        let message = match read_frame(&mut reader) {
            Ok(Some(message)) => message,
            Ok(None) => break,
            Err(problem) => {
                shared.lock().problems.push(problem);
                break;
            }
        };
        let method = message.get("method").and_then(Value::as_str);
        let mut inbox = shared.lock();
        match (method, message.get("id")) {
            (Some("textDocument/publishDiagnostics"), None) => {
                let params = &message["params"];
                let uri = params["uri"].as_str().unwrap_or_default().to_string();
                let diagnostics = params["diagnostics"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
                let version = params["version"].as_i64();
                inbox.publishes += 1;
                inbox.last.insert(
                    uri,
                    Published {
                        version,
                        diagnostics,
                    },
                );
            }
            // copydesk sends requests of its own only for capabilities this client does not
            // declare, and never waits for their answers.
            (Some(method), Some(_)) => inbox.problems.push(format!("unexpected request {method}")),
            (Some(_), None) => inbox
                .problems
                .push(format!("unexpected notification {message}")),
            (None, Some(id)) => {
                let id = id.as_i64().unwrap_or(-1);
                inbox.responses.insert(id, message);
            }
            (None, None) => inbox.problems.push(format!("not JSON-RPC: {message}")),
        }
        drop(inbox);
        shared.changed.notify_all();
    }
    shared.lock().ended = true;
    shared.changed.notify_all();
}

fn read_frame(reader: &mut impl BufRead) -> Result<Option<Value>, String> {
    let mut header = Vec::new();
    match reader.read_until(b'\n', &mut header) {
        Ok(0) => return Ok(None),
        Ok(_) => {}
        Err(error) => return Err(format!("reading the server's output: {error}")),
    }
    let header = String::from_utf8_lossy(&header).to_string();
    let length = header
        .strip_prefix("Content-Length: ")
        .and_then(|rest| rest.strip_suffix("\r\n"))
        .and_then(|number| number.parse::<usize>().ok())
        .ok_or(format!("not an LSP header on standard output: {header:?}"))?;
    let mut blank = [0u8; 2];
    let mut body = vec![0u8; length];
    reader
        .read_exact(&mut blank)
        .and_then(|()| reader.read_exact(&mut body))
        .map_err(|error| format!("a message cut short: {error}"))?;
    if &blank != b"\r\n" {
        return Err(format!("no blank line after {header:?}"));
    }
    serde_json::from_slice(&body)
        .map(Some)
        .map_err(|error| format!("a body that is not JSON ({error})"))
}

/// The server's resident memory in kilobytes, from /proc (Linux).
fn rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|line| line.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// What a diagnostic says, for comparing two drafts with the same text: its range, code,
/// severity and message.
fn essentials(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|diagnostic| {
            format!(
                "{} {} {} {}",
                diagnostic["range"],
                diagnostic["code"],
                diagnostic["severity"],
                diagnostic["message"]
            )
        })
        .collect()
}

struct Draft {
    uri: String,
    language_id: &'static str,
    text: String,
    original_len: usize,
    version: i64,
}

struct Client {
    writer: Writer,
    shared: Arc<Shared>,
    next_id: i64,
}

impl Client {
    fn notify(&self, method: &str, params: Value) -> Result<(), String> {
        send(
            &self.writer,
            &json!({ "jsonrpc": "2.0", "method": method, "params": params }),
        )
    }

    /// Sends a request and waits for its answer; an error response is a failure.
    fn call(&mut self, method: &str, params: Value) -> Result<Value, String> {
        let id = self.next_id;
        self.next_id += 1;
        send(
            &self.writer,
            &json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }),
        )?;
        let answered = self
            .shared
            .wait_until(|inbox| inbox.responses.contains_key(&id));
        let response = self
            .shared
            .lock()
            .responses
            .remove(&id)
            .ok_or(format!("no answer to {method} within {HANG_GUARD:?}"))?;
        if !answered || response.get("error").is_some() {
            return Err(format!("{method} failed: {response}"));
        }
        Ok(response["result"].clone())
    }

    fn open(&self, draft: &Draft) -> Result<(), String> {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": {
                "uri": draft.uri, "languageId": draft.language_id,
                "version": draft.version, "text": draft.text,
            }}),
        )
    }
}

#[derive(Default)]
struct Report {
    edits: u64,
    changes: u64,
    round_trips: u64,
    edit_seconds: f64,
    version_failures: Vec<String>,
    mismatches: Vec<String>,
    rss_baseline: u64,
    rss_peak: u64,
    /// Memory after a third of the editing time, and at its end.
    rss_editing_third: u64,
    rss_editing_end: u64,
    rss_after_close: u64,
    rss_after_second_close: u64,
    exit_code: Option<i32>,
}

fn main() -> ExitCode {
    let options = match parse_options() {
        Ok(options) => options,
        Err(problem) => {
            eprintln!("soak: {problem}");
            return ExitCode::from(2);
        }
    };
    if !options.binary.is_file() {
        eprintln!(
            "soak: no server program at {} (run `cargo build --release` first, or pass --bin PATH)",
            options.binary.display()
        );
        return ExitCode::from(2);
    }
    let mut child = match Command::new(&options.binary)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
    {
        Ok(child) => child,
        Err(error) => {
            eprintln!("soak: cannot start {}: {error}", options.binary.display());
            return ExitCode::from(2);
        }
    };
    let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
        eprintln!("soak: the server's pipes are missing");
        return ExitCode::from(2);
    };
    let writer: Writer = Arc::new(Mutex::new(stdin));
    let shared = Arc::new(Shared {
        inbox: Mutex::new(Inbox::default()),
        changed: Condvar::new(),
    });
    let reader = {
        let shared = shared.clone();
        std::thread::spawn(move || read_messages(stdout, shared))
    };
    let mut client = Client {
        writer,
        shared: shared.clone(),
        next_id: 1,
    };
    let mut report = Report::default();
    let mut drafts = Vec::new();
    let outcome = run(&options, &mut child, &mut client, &mut drafts, &mut report);
    if outcome.is_err() {
        let _ = child.kill();
    }
    let _ = child.wait();
    let _ = reader.join();
    let problems = std::mem::take(&mut shared.lock().problems);
    let publishes = shared.lock().publishes;
    print_report(&options, &report, publishes, drafts.len());

    let mut failures: Vec<String> = Vec::new();
    if let Err(problem) = outcome {
        failures.push(problem);
    }
    failures.extend(problems);
    failures.extend(report.version_failures.iter().take(5).cloned());
    failures.extend(report.mismatches.iter().take(5).cloned());
    if report.rss_after_close > report.rss_baseline + RSS_MARGIN_KB {
        failures.push(format!(
            "memory after closing every draft is {} KB, more than the baseline {} KB + {} KB",
            report.rss_after_close, report.rss_baseline, RSS_MARGIN_KB
        ));
    }
    if report.rss_editing_end > report.rss_editing_third + RSS_EDITING_MARGIN_KB {
        failures.push(format!(
            "memory grew from {} KB to {} KB during the last two thirds of the editing",
            report.rss_editing_third, report.rss_editing_end
        ));
    }
    if report.rss_after_second_close > report.rss_after_close + RSS_ROUND_MARGIN_KB {
        failures.push(format!(
            "memory after a second round of opening and closing is {} KB, more than {} KB + {} KB after the first",
            report.rss_after_second_close, report.rss_after_close, RSS_ROUND_MARGIN_KB
        ));
    }
    if report.exit_code != Some(0) {
        failures.push(format!(
            "the server exited with {:?} after shutdown and exit",
            report.exit_code
        ));
    }
    if failures.is_empty() {
        println!("result:            PASS");
        ExitCode::SUCCESS
    } else {
        println!("result:            FAIL");
        for failure in failures {
            println!("  - {failure}");
        }
        ExitCode::FAILURE
    }
}

fn run(
    options: &Options,
    child: &mut Child,
    client: &mut Client,
    drafts: &mut Vec<Draft>,
    report: &mut Report,
) -> Result<(), String> {
    let pid = child.id();
    let shared = client.shared.clone();
    let initialized = client.call(
        "initialize",
        json!({
            "processId": std::process::id(),
            "rootUri": null,
            "capabilities": { "general": { "positionEncodings": ["utf-16"] } },
            "initializationOptions": { "debounceMs": 0, "referenceDate": REFERENCE_DATE },
        }),
    )?;
    if initialized["capabilities"]["positionEncoding"] != "utf-16" {
        return Err(format!("the server did not choose UTF-16: {initialized}"));
    }
    client.notify("initialized", json!({}))?;
    // A round trip first, so that initialisation has finished when the baseline is taken.
    client.call(
        "textDocument/hover",
        json!({ "textDocument": { "uri": "file:///soak/none.md" },
                "position": { "line": 0, "character": 0 } }),
    )?;
    report.rss_baseline = rss_kb(pid).ok_or("cannot read the server's memory in /proc")?;
    report.rss_peak = report.rss_baseline;

    let mut rng = Rng(options.seed);
    for index in 0..options.docs {
        let markdown = index % 2 == 0;
        let text = draft(&mut rng, markdown);
        let (extension, language_id) = if markdown {
            ("md", "markdown")
        } else {
            ("txt", "plaintext")
        };
        let draft = Draft {
            uri: format!("file:///soak/draft-{index:03}.{extension}"),
            language_id,
            original_len: text.len(),
            text,
            version: 1,
        };
        client.open(&draft)?;
        drafts.push(draft);
    }
    let opened = shared.wait_until(|inbox| {
        drafts.iter().all(|draft| {
            inbox
                .last
                .get(&draft.uri)
                .is_some_and(|published| published.version == Some(1))
        })
    });
    if !opened {
        return Err("not every opened draft was published".to_string());
    }
    let words: usize = drafts
        .iter()
        .map(|draft| draft.text.split_whitespace().count())
        .sum();
    eprintln!(
        "soak: {} drafts open ({} words on average); editing for {} s",
        drafts.len(),
        words / drafts.len().max(1),
        options.seconds
    );

    // Random edits until the time is up, with a hover that waits for its answer every
    // EDITS_PER_ROUND_TRIP edits.
    let started = Instant::now();
    let until = started + Duration::from_secs(options.seconds);
    let mut last_sample = started;
    let mut last_progress = started;
    let third = Duration::from_secs(options.seconds) / 3;
    while Instant::now() < until {
        let index = rng.below(drafts.len());
        let draft = &mut drafts[index];
        // Now and then several changes in one notification, each in the text left by the one
        // before, as the protocol orders them.
        let count = if rng.chance(10) { 2 + rng.below(3) } else { 1 };
        let changes: Vec<Value> = (0..count)
            .map(|_| random_change(&mut rng, &mut draft.text, draft.original_len))
            .collect();
        draft.version += 1;
        client.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": draft.uri, "version": draft.version },
                "contentChanges": changes,
            }),
        )?;
        report.edits += 1;
        report.changes += count as u64;
        if report.edits % EDITS_PER_ROUND_TRIP == 0 {
            let draft = &drafts[rng.below(drafts.len())];
            let offset = boundary(&draft.text, rng.below(draft.text.len() + 1));
            client.call(
                "textDocument/hover",
                json!({ "textDocument": { "uri": draft.uri },
                        "position": position(&draft.text, offset) }),
            )?;
            report.round_trips += 1;
        }
        if last_sample.elapsed() >= Duration::from_millis(250) {
            last_sample = Instant::now();
            let rss = rss_kb(pid).unwrap_or(0);
            report.rss_peak = report.rss_peak.max(rss);
            if report.rss_editing_third == 0 && started.elapsed() >= third {
                report.rss_editing_third = rss;
            }
        }
        if last_progress.elapsed() >= Duration::from_secs(10) {
            last_progress = Instant::now();
            eprintln!(
                "soak: {:>3} s, {} edits, {} KB resident",
                started.elapsed().as_secs(),
                report.edits,
                rss_kb(pid).unwrap_or(0)
            );
        }
    }
    report.edit_seconds = started.elapsed().as_secs_f64();
    report.rss_editing_end = rss_kb(pid).unwrap_or(0);
    if report.rss_editing_third == 0 {
        report.rss_editing_third = report.rss_editing_end;
    }

    // Every draft's last diagnostics carry its last version.
    let caught_up = shared.wait_until(|inbox| {
        drafts.iter().all(|draft| {
            inbox
                .last
                .get(&draft.uri)
                .is_some_and(|published| published.version == Some(draft.version))
        })
    });
    report.rss_peak = report.rss_peak.max(rss_kb(pid).unwrap_or(0));
    if !caught_up {
        let inbox = shared.lock();
        for draft in drafts.iter() {
            let published = inbox.last.get(&draft.uri).and_then(|last| last.version);
            if published != Some(draft.version) {
                report.version_failures.push(format!(
                    "{}: last published version {published:?}, last sent {}",
                    draft.uri, draft.version
                ));
            }
        }
    }

    // The server's text equals the client's: a second draft opened with the client's text has
    // the same diagnostics.
    for (index, draft) in drafts.iter().enumerate() {
        let copy = Draft {
            uri: draft.uri.replace("/draft-", "/check-"),
            language_id: draft.language_id,
            text: draft.text.clone(),
            original_len: draft.text.len(),
            version: 1,
        };
        client.open(&copy)?;
        let published = shared.wait_until(|inbox| {
            inbox
                .last
                .get(&copy.uri)
                .is_some_and(|published| published.version == Some(1))
        });
        if !published {
            return Err(format!("{} was never published", copy.uri));
        }
        let inbox = shared.lock();
        let diagnostics_of = |uri: &str| {
            inbox
                .last
                .get(uri)
                .map(|last| essentials(&last.diagnostics))
                .unwrap_or_default()
        };
        let edited = diagnostics_of(&draft.uri);
        let fresh = diagnostics_of(&copy.uri);
        if edited != fresh {
            // The first difference is enough to start from; the whole lists can be long.
            let at = edited
                .iter()
                .zip(&fresh)
                .position(|(edited, fresh)| edited != fresh)
                .unwrap_or(edited.len().min(fresh.len()));
            report.mismatches.push(format!(
                "draft {index} ({}) differs from a fresh copy of the client's text ({} and {} diagnostics); first difference:\n    edited: {}\n    fresh:  {}",
                draft.uri,
                edited.len(),
                fresh.len(),
                edited.get(at).map_or("(none)", String::as_str),
                fresh.get(at).map_or("(none)", String::as_str),
            ));
        }
    }
    report.rss_peak = report.rss_peak.max(rss_kb(pid).unwrap_or(0));
    // Nothing older was published meanwhile: each draft's last diagnostics still carry its
    // last version.
    {
        let inbox = shared.lock();
        for draft in drafts.iter() {
            let published = inbox.last.get(&draft.uri).and_then(|last| last.version);
            if published != Some(draft.version) && report.version_failures.is_empty() {
                report.version_failures.push(format!(
                    "{}: a later publish carries version {published:?}, last sent {}",
                    draft.uri, draft.version
                ));
            }
        }
    }

    // Close everything and measure memory; then open and close the same drafts once more. If
    // closing a draft kept anything, the second round adds to the first.
    let copies: Vec<Draft> = drafts
        .iter()
        .map(|draft| Draft {
            uri: draft.uri.replace("/draft-", "/check-"),
            language_id: draft.language_id,
            text: draft.text.clone(),
            original_len: draft.text.len(),
            version: 1,
        })
        .collect();
    let all: Vec<&Draft> = drafts.iter().chain(copies.iter()).collect();
    close_all(client, &all)?;
    report.rss_after_close = settled_rss(client, pid, report.rss_baseline + RSS_MARGIN_KB)?;
    for draft in &all {
        client.open(draft)?;
    }
    let reopened = shared.wait_until(|inbox| {
        all.iter().all(|draft| {
            inbox
                .last
                .get(&draft.uri)
                .is_some_and(|published| published.version == Some(draft.version))
        })
    });
    if !reopened {
        return Err("the reopened drafts were not all published".to_string());
    }
    close_all(client, &all)?;
    report.rss_after_second_close =
        settled_rss(client, pid, report.rss_after_close + RSS_ROUND_MARGIN_KB)?;

    client.call("shutdown", Value::Null)?;
    client.notify("exit", Value::Null)?;
    let deadline = Instant::now() + HANG_GUARD;
    loop {
        match child.try_wait() {
            Ok(Some(status)) => {
                report.exit_code = status.code();
                return Ok(());
            }
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(20)),
            Ok(None) => return Err("the server did not exit after shutdown and exit".to_string()),
            Err(error) => return Err(format!("cannot wait for the server: {error}")),
        }
    }
}

/// Closes drafts and waits until the server has cleared the diagnostics of each.
fn close_all(client: &mut Client, drafts: &[&Draft]) -> Result<(), String> {
    for draft in drafts {
        client.notify(
            "textDocument/didClose",
            json!({ "textDocument": { "uri": draft.uri } }),
        )?;
    }
    let cleared = client.shared.wait_until(|inbox| {
        drafts.iter().all(|draft| {
            inbox.last.get(&draft.uri).is_some_and(|published| {
                published.version.is_none() && published.diagnostics.is_empty()
            })
        })
    });
    if cleared {
        Ok(())
    } else {
        Err("closing the drafts did not clear their diagnostics".to_string())
    }
}

/// The server's memory once it is idle: after a round trip, and after up to ten seconds for it
/// to fall to `target`, for memory that is given back late.
fn settled_rss(client: &mut Client, pid: u32, target: u64) -> Result<u64, String> {
    client.call(
        "textDocument/hover",
        json!({ "textDocument": { "uri": "file:///soak/none.md" },
                "position": { "line": 0, "character": 0 } }),
    )?;
    let settle = Instant::now();
    loop {
        let rss = rss_kb(pid).ok_or("cannot read the server's memory in /proc")?;
        if rss <= target || settle.elapsed() > Duration::from_secs(10) {
            return Ok(rss);
        }
        std::thread::sleep(Duration::from_millis(500));
    }
}

fn print_report(options: &Options, report: &Report, publishes: u64, docs: usize) {
    let per_second = if report.edit_seconds > 0.0 {
        report.edits as f64 / report.edit_seconds
    } else {
        0.0
    };
    println!("copydesk soak test ({})", options.binary.display());
    println!("seed:              {}", options.seed);
    println!("drafts:            {docs} (and {docs} fresh copies for the comparison)");
    println!(
        "edits sent:        {} didChange ({} content changes) in {:.1} s",
        report.edits, report.changes, report.edit_seconds
    );
    println!("edits/sec:         {per_second:.0}");
    println!("hover round trips: {}", report.round_trips);
    println!("publishes:         {publishes}");
    println!(
        "version failures:  {} (drafts whose last diagnostics lack their last version)",
        report.version_failures.len()
    );
    println!(
        "mismatches:        {} (drafts whose diagnostics differ from a fresh copy)",
        report.mismatches.len()
    );
    let mb = |kb: u64| kb as f64 / 1024.0;
    println!(
        "memory (RSS):      baseline {:.1} MB after initialize, peak {:.1} MB",
        mb(report.rss_baseline),
        mb(report.rss_peak)
    );
    println!(
        "  while editing:   {:.1} MB after a third, {:.1} MB at the end (allowed: +{:.0} MB)",
        mb(report.rss_editing_third),
        mb(report.rss_editing_end),
        mb(RSS_EDITING_MARGIN_KB)
    );
    println!(
        "  after closing:   {:.1} MB (allowed: baseline + {:.0} MB); after opening and closing all again {:.1} MB (allowed: +{:.0} MB)",
        mb(report.rss_after_close),
        mb(RSS_MARGIN_KB),
        mb(report.rss_after_second_close),
        mb(RSS_ROUND_MARGIN_KB)
    );
    println!("server exit code:  {:?}", report.exit_code);
}
