//! The real `copydesk` program over its standard input and output, as an editor starts it. One
//! session is fed, in turn, the worst input the protocol allows (each case also has an
//! in-memory test of its own in tests/it/lsp.rs); the program must answer each, keep serving, answer
//! a hover at the end, exit with 0 after shutdown and exit, write nothing but framed JSON-RPC to
//! standard output and never panic. A second session has its input cut in the middle of a body.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// How long any single wait may take: generous, so that a slow machine never fails a correct
/// server, yet a hang still ends the test. No test measures elapsed time.
const TIMEOUT: Duration = Duration::from_secs(60);

const ALIVE: &str = "file:///alive.txt";
const ALIVE_TEXT: &str = "The invasion began on Thursday.";

/// One `copydesk` process and what it has written.
struct Session {
    child: Child,
    stdin: Option<ChildStdin>,
    messages: Receiver<Result<Value, String>>,
    /// Messages received but not yet asked for, oldest first.
    unclaimed: Vec<Value>,
    stderr: Option<JoinHandle<String>>,
    next_id: i64,
}

/// Reads framed messages strictly: a frame is exactly `Content-Length: N\r\n\r\n` and N bytes
/// of JSON, so anything else the program writes to standard output fails the test.
fn read_frames(stdout: ChildStdout, sender: Sender<Result<Value, String>>) {
    let mut reader = BufReader::new(stdout);
    loop {
        let mut header = Vec::new();
        match reader.read_until(b'\n', &mut header) {
            Ok(0) => return,
            Ok(_) => {}
            Err(error) => {
                let _ = sender.send(Err(format!("reading standard output: {error}")));
                return;
            }
        }
        let header = String::from_utf8_lossy(&header).to_string();
        let Some(length) = header
            .strip_prefix("Content-Length: ")
            .and_then(|rest| rest.strip_suffix("\r\n"))
            .and_then(|number| number.parse::<usize>().ok())
        else {
            let _ = sender.send(Err(format!("not an LSP header: {header:?}")));
            return;
        };
        let mut blank = [0u8; 2];
        let mut body = vec![0u8; length];
        let read = reader
            .read_exact(&mut blank)
            .and_then(|()| reader.read_exact(&mut body));
        let message = match read {
            Err(error) => Err(format!("a frame cut short: {error}")),
            Ok(()) if &blank != b"\r\n" => Err(format!("no blank line after {header:?}")),
            Ok(()) => serde_json::from_slice(&body)
                .map_err(|error| format!("{error}: {}", String::from_utf8_lossy(&body))),
        };
        let failed = message.is_err();
        if sender.send(message).is_err() || failed {
            return;
        }
    }
}

impl Session {
    fn start() -> Session {
        let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("copydesk starts");
        let stdout = child.stdout.take().expect("stdout is piped");
        let mut stderr = child.stderr.take().expect("stderr is piped");
        let (sender, messages) = mpsc::channel();
        std::thread::spawn(move || read_frames(stdout, sender));
        // Standard error is drained all along, so that the log never fills the pipe and stalls
        // the program; it is read at the end for panics.
        let stderr = std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = stderr.read_to_end(&mut bytes);
            String::from_utf8_lossy(&bytes).to_string()
        });
        Session {
            stdin: child.stdin.take(),
            child,
            messages,
            unclaimed: Vec::new(),
            stderr: Some(stderr),
            next_id: 1,
        }
    }

    fn send_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("the input is open");
        stdin.write_all(bytes).expect("copydesk reads its input");
        stdin.flush().expect("copydesk reads its input");
    }

    fn send(&mut self, message: &Value) {
        self.send_raw(&frame(message.to_string().as_bytes()));
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    fn request(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        id
    }

    fn call(&mut self, method: &str, params: Value) -> Value {
        let id = self.request(method, params);
        self.response(id)
    }

    fn response(&mut self, id: i64) -> Value {
        self.wait_for(&format!("the response to {id}"), |message| {
            message.get("method").is_none() && message["id"] == json!(id)
        })
    }

    fn wait_for(&mut self, what: &str, mut matches: impl FnMut(&Value) -> bool) -> Value {
        if let Some(index) = self.unclaimed.iter().position(&mut matches) {
            return self.unclaimed.remove(index);
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.messages.recv_timeout(left) {
                Ok(Ok(message)) if matches(&message) => return message,
                Ok(Ok(message)) => self.unclaimed.push(message),
                Ok(Err(reason)) => panic!("copydesk wrote something that is not LSP: {reason}"),
                Err(RecvTimeoutError::Timeout) => panic!("no {what} within {TIMEOUT:?}"),
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("copydesk closed its output while the test waited for {what}")
                }
            }
        }
    }

    /// Removes and returns the messages received so far that match. Callers first wait for a
    /// later response, so that every message caused by earlier input has arrived.
    fn take_received(&mut self, mut matches: impl FnMut(&Value) -> bool) -> Vec<Value> {
        while let Ok(message) = self.messages.try_recv() {
            match message {
                Ok(message) => self.unclaimed.push(message),
                Err(reason) => panic!("copydesk wrote something that is not LSP: {reason}"),
            }
        }
        let (taken, kept) = self
            .unclaimed
            .drain(..)
            .partition(|message| matches(message));
        self.unclaimed = kept;
        taken
    }

    /// The codes of the error responses with id null received so far (the replies to messages
    /// whose id could not be read).
    fn null_id_error_codes(&mut self) -> Vec<i64> {
        self.take_received(|message| {
            message.get("method").is_none() && message.get("id") == Some(&Value::Null)
        })
        .iter()
        .map(|message| message["error"]["code"].as_i64().unwrap_or_default())
        .collect()
    }

    fn open(&mut self, uri: &str, version: i32, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": {
                "uri": uri, "languageId": "plaintext", "version": version, "text": text,
            }}),
        );
    }

    fn change(&mut self, uri: &str, version: i32, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": changes }),
        );
    }

    fn diagnostics(&mut self, uri: &str, version: i32) -> Vec<Value> {
        let published = self.wait_for(&format!("diagnostics of {uri} v{version}"), |message| {
            message["method"] == "textDocument/publishDiagnostics"
                && message["params"]["uri"] == uri
                && message["params"]["version"] == version
        });
        published["params"]["diagnostics"]
            .as_array()
            .expect("a list")
            .clone()
    }

    /// A hover on the relative date of [`ALIVE`]: proof that the program still serves.
    fn assert_alive(&mut self) {
        let hover = self.call(
            "textDocument/hover",
            json!({ "textDocument": { "uri": ALIVE }, "position": pos(0, 23) }),
        );
        let value = hover["result"]["contents"]["value"].as_str().unwrap_or("");
        assert!(value.contains("Feb. 24, 2022"), "{hover}");
    }

    /// Waits for the program to end, killing it if it hangs.
    fn wait(&mut self) -> ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().expect("the program can be waited on") {
                return status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("copydesk did not exit within {TIMEOUT:?}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Everything the program wrote to standard error, once it has ended.
    fn log(&mut self) -> String {
        let stderr = self.stderr.take().expect("the log is read once");
        stderr.join().expect("the log reader does not panic")
    }
}

fn frame(body: &[u8]) -> Vec<u8> {
    let mut bytes = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

fn pos(line: u32, character: u32) -> Value {
    json!({ "line": line, "character": character })
}

fn range(start: Value, end: Value) -> Value {
    json!({ "start": start, "end": end })
}

fn initialize(session: &mut Session) {
    let response = session.call(
        "initialize",
        json!({
            "processId": null,
            "rootUri": null,
            "capabilities": {},
            "initializationOptions": { "debounceMs": 0, "referenceDate": "2022-02-28" },
        }),
    );
    assert!(response["result"]["capabilities"].is_object(), "{response}");
    session.notify("initialized", json!({}));
}

fn codes(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics
        .iter()
        .map(|diagnostic| diagnostic["code"].as_str().unwrap_or_default())
        .collect()
}

#[test]
fn the_real_program_survives_protocol_abuse_over_stdio() {
    let mut session = Session::start();

    // A request before initialize.
    let early = session.call(
        "textDocument/hover",
        json!({ "textDocument": { "uri": ALIVE }, "position": pos(0, 0) }),
    );
    assert_eq!(early["error"]["code"], -32002, "{early}");
    initialize(&mut session);
    session.open(ALIVE, 1, ALIVE_TEXT);
    assert_eq!(codes(&session.diagnostics(ALIVE, 1)), ["relative-date"]);

    // A second initialize.
    let second = session.call(
        "initialize",
        json!({ "processId": null, "rootUri": null, "capabilities": {} }),
    );
    assert_eq!(second["error"]["code"], -32600, "{second}");
    session.assert_alive();

    // Malformed JSON, a missing Content-Length, a Content-Length too short, one that is not a
    // number, binary garbage between messages and a body that is not UTF-8: each is one parse
    // error with id null.
    let hover = json!({
        "jsonrpc": "2.0", "id": 9_000, "method": "textDocument/hover",
        "params": { "textDocument": { "uri": ALIVE }, "position": pos(0, 23) },
    })
    .to_string();
    session.send_raw(&frame(br#"{"jsonrpc": "2.0", "id": 900, "method": "#));
    session.send_raw(format!("Content-Type: text/plain\r\n\r\n{hover}").as_bytes());
    session.send_raw(format!("Content-Length: {}\r\n\r\n{hover}", hover.len() - 5).as_bytes());
    session.send_raw(format!("Content-Length: many\r\n\r\n{hover}").as_bytes());
    session.send_raw(b"\x00\xff\xfe\x80garbage\x00\x01\r\n\r\n");
    session.send_raw(&frame(b"\xff\xfe\x00\x80\xc3\x28"));
    session.assert_alive();
    assert_eq!(session.null_id_error_codes(), [-32700; 6]);

    // A Content-Length too long: the next message completes the body, and both are answered.
    session.send_raw(format!("Content-Length: {}\r\n\r\n{hover}", hover.len() + 20).as_bytes());
    session.assert_alive();
    assert!(session.response(9_000)["result"].is_object());
    assert_eq!(session.null_id_error_codes(), Vec::<i64>::new());

    // Unknown methods: a request is answered MethodNotFound, a notification is dropped.
    let unknown = session.call("copydesk/noSuchMethod", json!({}));
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");
    let unknown = session.call("$/copydesk/noSuchMethod", json!({}));
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");
    session.notify("copydesk/noSuchNotification", json!({}));
    session.notify("$/copydesk/noSuchNotification", json!({}));

    // Edits for a draft never opened, and closing it.
    let never = "file:///never-opened.txt";
    session.change(
        never,
        2,
        json!([{ "range": range(pos(3, 0), pos(1, 9)), "text": "x" }]),
    );
    session.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": never } }),
    );
    session.assert_alive();
    let never_hover = session.call(
        "textDocument/hover",
        json!({ "textDocument": { "uri": never }, "position": pos(0, 0) }),
    );
    assert_eq!(never_hover["result"], Value::Null, "{never_hover}");

    // Reversed and out-of-range ranges, then a version lower than the last: applied, and
    // published with the version the client sent.
    let edited = "file:///edited.txt";
    session.open(edited, 7, "The plant closed.");
    session.diagnostics(edited, 7);
    session.change(
        edited,
        8,
        json!([{ "range": range(pos(0, 16), pos(0, 10)), "text": "closed on Thursday" }]),
    );
    session.change(
        edited,
        2,
        json!([{ "range": range(pos(9, 0), pos(5, 99)), "text": " Prices rose 12%." }]),
    );
    let backwards = session.diagnostics(edited, 2);
    let expected = "file:///expected.txt";
    session.open(
        expected,
        1,
        "The plant closed on Thursday. Prices rose 12%.",
    );
    let fresh = session.diagnostics(expected, 1);
    assert_eq!(codes(&fresh), ["relative-date", "unsourced-figure"]);
    assert_eq!(backwards, fresh);

    // A 20 MB draft, four times the default limit, and a binary one: each is reported as not
    // checked.
    let huge = "The vote was held on Monday and 3,000 people came. ".repeat(400_000);
    session.open("file:///huge.txt", 1, &huge);
    let diagnostics = session.diagnostics("file:///huge.txt", 1);
    assert_eq!(codes(&diagnostics), ["not-checked"]);
    let message = diagnostics[0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("too large to check"), "{message}");
    session.open("file:///binary.txt", 1, "PK\u{0}\u{0}\u{3}\u{7f}binary");
    assert_eq!(
        codes(&session.diagnostics("file:///binary.txt", 1)),
        ["not-checked"]
    );

    // Half of an emoji, as JavaScript clients send it: read as U+FFFD, and the draft checked.
    session.send_raw(&frame(br#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///lone.txt","languageId":"plaintext","version":1,"text":"It began \ud83d on Thursday."}}}"#));
    assert_eq!(
        codes(&session.diagnostics("file:///lone.txt", 1)),
        ["relative-date"]
    );

    // Cancelling an id never used, a request already answered and one in flight: the one in
    // flight gets exactly one answer, its result or RequestCancelled.
    session.notify("$/cancelRequest", json!({ "id": 424_242 }));
    session.notify("$/cancelRequest", json!({ "id": "no-such-request" }));
    session.notify("$/cancelRequest", json!({ "id": 9_000 }));
    let big = "file:///big.txt";
    session.open(
        big,
        1,
        &"Officials said on Monday that 3,000 people had left. ".repeat(4_000),
    );
    let in_flight = session.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": big }, "position": pos(0, 20) }),
    );
    session.notify("$/cancelRequest", json!({ "id": in_flight }));
    let response = session.response(in_flight);
    assert!(
        response["error"]["code"] == -32800 || response["result"]["contents"].is_object(),
        "{response}"
    );

    // Still serving after all of it, and nothing left unexplained.
    session.assert_alive();
    let stray = session.take_received(|message| message.get("method").is_none());
    assert_eq!(stray, Vec::<Value>::new(), "responses nobody asked for");
    let shutdown = session.call("shutdown", Value::Null);
    assert_eq!(
        shutdown,
        json!({ "jsonrpc": "2.0", "id": shutdown["id"], "result": null })
    );
    session.notify("exit", Value::Null);
    let status = session.wait();
    assert_eq!(status.code(), Some(0), "{status}");
    let log = session.log();
    assert!(!log.contains("panicked"), "{log}");

    // A second session whose input closes in the middle of a body ends at once with 1 (no
    // shutdown came), instead of waiting for the rest of the body.
    let mut session = Session::start();
    initialize(&mut session);
    session.open(ALIVE, 1, ALIVE_TEXT);
    session.diagnostics(ALIVE, 1);
    session.send_raw(b"Content-Length: 500\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"text\":\"The plant");
    session.stdin = None;
    let status = session.wait();
    assert_eq!(status.code(), Some(1), "{status}");
    let log = session.log();
    assert!(!log.contains("panicked"), "{log}");
}

/// Text standing for a draft under embargo: it must never appear in the program's log.
const SECRET: &str = "EMBARGOED the minister resigns at noon";

/// Malformed messages that carry a draft are logged by their shape and size, never their
/// content: editors save server logs, and drafts must not leave the machine.
#[test]
fn draft_text_never_reaches_the_log() {
    let mut session = Session::start();
    initialize(&mut session);
    session.open(ALIVE, 1, ALIVE_TEXT);
    session.diagnostics(ALIVE, 1);
    // A message without "jsonrpc", whose text is a draft.
    session.send(
        &json!({ "method": "textDocument/didOpen", "params": { "textDocument": {
            "uri": "file:///secret.txt", "languageId": "plaintext", "version": 1, "text": SECRET,
        }}}),
    );
    // Type errors that serde reports with the offending string: a version and a language that
    // are the draft, a change whose range is the draft.
    session.notify(
        "textDocument/didOpen",
        json!({ "textDocument": {
            "uri": "file:///secret.txt", "languageId": "plaintext", "version": SECRET, "text": "",
        }}),
    );
    session.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": ALIVE, "version": 2 },
                "contentChanges": [{ "range": SECRET, "text": SECRET }] }),
    );
    // That edit could not be applied, so the draft is not checked until its whole text comes.
    session.change(ALIVE, 3, json!([{ "text": ALIVE_TEXT }]));
    // A draft line where a header should be.
    session.send_raw(format!("{SECRET}\r\nContent-Length: {SECRET}\r\n\r\n").as_bytes());
    session.assert_alive();
    session.call("shutdown", Value::Null);
    session.notify("exit", Value::Null);
    assert!(session.wait().success());
    let log = session.log();
    assert!(
        log.contains("dropped a message that is not JSON-RPC 2.0"),
        "{log}"
    );
    assert!(log.contains("textDocument/didChange ignored"), "{log}");
    for word in ["EMBARGOED", "minister", "resigns"] {
        assert!(!log.contains(word), "the log holds draft text:\n{log}");
    }
}

/// A wrong Content-Length that swallows the start of the next message is recovered from at the
/// next real header, even when the draft itself contains the text `Content-Length:`.
#[test]
fn recovery_from_a_wrong_length_is_not_fooled_by_a_draft_quoting_a_header() {
    let mut session = Session::start();
    initialize(&mut session);
    let quoting = json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
        "textDocument": { "uri": "file:///quoting.txt", "languageId": "plaintext", "version": 1,
        "text": "The memo's first line read Content-Length: 12\n and it was sent on Monday." },
    }})
    .to_string();
    let next = frame(
        json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": { "uri": ALIVE, "languageId": "plaintext", "version": 1,
            "text": ALIVE_TEXT },
        }})
        .to_string()
        .as_bytes(),
    );
    // The length claims 30 bytes more than the body: the next message's header and the start
    // of its body are read as part of this one.
    let mut bytes = format!("Content-Length: {}\r\n\r\n", quoting.len() + 30).into_bytes();
    bytes.extend_from_slice(quoting.as_bytes());
    bytes.extend_from_slice(&next);
    session.send_raw(&bytes);
    // Both messages arrive whole: the draft quoting a header and the one after it.
    assert_eq!(
        codes(&session.diagnostics("file:///quoting.txt", 1)),
        ["relative-date"]
    );
    assert_eq!(codes(&session.diagnostics(ALIVE, 1)), ["relative-date"]);
    session.assert_alive();
}

/// The not-checked message gives exact sizes, also with a limit of 0.
#[test]
fn a_draft_over_the_limit_is_reported_with_exact_sizes() {
    let mut session = Session::start();
    initialize(&mut session);
    session.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "copydesk": { "maxFileBytes": 0 } } }),
    );
    session.open(ALIVE, 1, ALIVE_TEXT);
    let diagnostics = session.diagnostics(ALIVE, 1);
    assert_eq!(codes(&diagnostics), ["not-checked"]);
    assert_eq!(
        diagnostics[0]["message"],
        "This file is too large to check: 31 bytes; the limit is 0 bytes (setting \
         copydesk.maxFileBytes)."
    );
}

/// The program's resident memory in bytes, from /proc.
fn resident_bytes(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("/proc is read");
    let kilobytes: u64 = status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|number| number.parse().ok())
        .expect("VmRSS in /proc/PID/status");
    kilobytes * 1024
}

/// After one 50 MB message, the memory it took is given back once the draft is closed: the
/// frame reader does not keep a buffer the size of the largest message ever read.
#[test]
fn memory_taken_by_a_huge_message_is_given_back() {
    let mut session = Session::start();
    initialize(&mut session);
    session.open(ALIVE, 1, ALIVE_TEXT);
    session.diagnostics(ALIVE, 1);
    session.assert_alive();
    let pid = session.child.id();
    let baseline = resident_bytes(pid);
    let huge = "The vote was held on Monday. ".repeat(50 * 1024 * 1024 / 29);
    session.open("file:///huge.txt", 1, &huge);
    assert_eq!(
        codes(&session.diagnostics("file:///huge.txt", 1)),
        ["not-checked"]
    );
    drop(huge);
    session.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": "file:///huge.txt" } }),
    );
    session.assert_alive();
    let after = resident_bytes(pid);
    assert!(
        after < baseline + 10 * 1024 * 1024,
        "resident memory was {baseline} bytes before the message and {after} after"
    );
}

/// A change whose positions are numbers out of LSP's range is clamped and applied, not dropped
/// (which would leave the server checking other text than the editor shows); one that cannot be
/// read at all is reported to the user.
#[test]
fn out_of_range_edits_are_clamped_or_reported() {
    let mut session = Session::start();
    initialize(&mut session);
    session.open(ALIVE, 1, ALIVE_TEXT);
    assert_eq!(codes(&session.diagnostics(ALIVE, 1)), ["relative-date"]);
    // Past the end of the line (2^32 and a fraction): appended at its end.
    session.change(
        ALIVE,
        2,
        json!([{ "range": { "start": { "line": 0, "character": 4_294_967_296_u64 },
                            "end": { "line": 0.5, "character": 4_294_967_300.5 } },
                 "text": " Prices rose 12%." }]),
    );
    assert_eq!(
        codes(&session.diagnostics(ALIVE, 2)),
        ["relative-date", "unsourced-figure"]
    );
    // A negative line is the first line.
    session.change(
        ALIVE,
        3,
        json!([{ "range": { "start": { "line": -1, "character": -7 },
                            "end": { "line": -1, "character": 0 } },
                 "text": "Fares rose 15%. " }]),
    );
    assert_eq!(
        codes(&session.diagnostics(ALIVE, 3)),
        ["unsourced-figure", "relative-date", "unsourced-figure"]
    );
    // A range that is not a range: the user is told, in a warning.
    session.change(ALIVE, 4, json!([{ "range": "everywhere", "text": "x" }]));
    let warning = session.wait_for("a warning about the lost edit", |message| {
        message["method"] == "window/showMessage"
    });
    assert_eq!(warning["params"]["type"], 2, "{warning}");
    let text = warning["params"]["message"].as_str().unwrap_or_default();
    assert!(
        text.contains("could not apply an edit to file:///alive.txt"),
        "{text}"
    );
}
