//! A small LSP client that drives `copydesk::lsp::serve` over in-memory pipes, and a reference
//! implementation of LSP positions that is independent of `copydesk::text`, so that a bug in the
//! server's conversions cannot hide in the test's own arithmetic.

use std::collections::VecDeque;
use std::time::Duration;

use copydesk::lsp::framing::{write_frame, Frame, FrameReader};
use copydesk::lsp::{serve, ServerOptions};
use serde_json::{json, Value};
use tokio::io::{AsyncWriteExt, DuplexStream};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

/// How long any single wait may take. It is generous so that a slow machine never turns a
/// correct server into a failing test; no test measures elapsed time.
pub const TIMEOUT: Duration = Duration::from_secs(20);

/// The position encodings of LSP, as the test counts them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    Utf32,
}

impl Encoding {
    pub const ALL: [Encoding; 3] = [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32];

    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16 => "utf-16",
            Encoding::Utf32 => "utf-32",
        }
    }

    pub fn from_name(name: &str) -> Encoding {
        Encoding::ALL
            .into_iter()
            .find(|encoding| encoding.name() == name)
            .unwrap_or_else(|| panic!("the server negotiated an unknown encoding {name:?}"))
    }

    fn units(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
            Encoding::Utf32 => 1,
        }
    }
}

/// A JSON position.
pub fn pos(line: u32, character: u32) -> Value {
    json!({ "line": line, "character": character })
}

/// A JSON range.
pub fn range(start: Value, end: Value) -> Value {
    json!({ "start": start, "end": end })
}

/// The lines of `text` as `(content start, content end)` byte offsets. Lines end at "\n",
/// "\r\n" and a lone "\r", as LSP says; nothing else ends a line.
fn lines(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'\r' if bytes.get(index + 1) == Some(&b'\n') => {
                lines.push((start, index));
                index += 2;
                start = index;
            }
            b'\r' | b'\n' => {
                lines.push((start, index));
                index += 1;
                start = index;
            }
            _ => index += 1,
        }
    }
    lines.push((start, text.len()));
    lines
}

/// The position of a byte offset. The offset must be a character boundary that LSP can
/// address (not between the "\r" and "\n" of a CRLF), because the test only asks for those.
pub fn position_of(text: &str, offset: usize, encoding: Encoding) -> Value {
    assert!(
        text.is_char_boundary(offset),
        "offset {offset} is inside a character"
    );
    for (line, &(start, end)) in lines(text).iter().enumerate() {
        if (start..=end).contains(&offset) {
            let character: usize = text[start..offset].chars().map(|c| encoding.units(c)).sum();
            return pos(line as u32, character as u32);
        }
    }
    panic!("offset {offset} is not addressable in {text:?}");
}

/// The byte offset of a position that the server sent. Server positions must be exact: on an
/// existing line, on a character boundary and within the line's content, so anything else
/// fails the test.
pub fn offset_of(text: &str, position: &Value, encoding: Encoding) -> usize {
    let line = position["line"].as_u64().expect("line is a number") as usize;
    let character = position["character"]
        .as_u64()
        .expect("character is a number") as usize;
    let lines = lines(text);
    let &(start, end) = lines
        .get(line)
        .unwrap_or_else(|| panic!("position {position} is past the last line of {text:?}"));
    let mut units = 0;
    for (index, c) in text[start..end].char_indices() {
        if units == character {
            return start + index;
        }
        units += encoding.units(c);
        assert!(
            units <= character,
            "position {position} is inside a character in {encoding:?}"
        );
    }
    assert_eq!(
        units, character,
        "position {position} is past the end of its line in {encoding:?}"
    );
    end
}

/// The range of the first occurrence of `needle` in `text`.
pub fn range_of(text: &str, needle: &str, encoding: Encoding) -> Value {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} is not in {text:?}"));
    range(
        position_of(text, start, encoding),
        position_of(text, start + needle.len(), encoding),
    )
}

/// The text a JSON range covers.
pub fn text_in<'a>(text: &'a str, range: &Value, encoding: Encoding) -> &'a str {
    &text[offset_of(text, &range["start"], encoding)..offset_of(text, &range["end"], encoding)]
}

/// Applies a list of LSP `TextEdit`s, whose ranges all refer to the original text, as a client
/// would: inserts at the same position keep the order in which they are listed.
pub fn apply_edits(text: &str, edits: &[Value], encoding: Encoding) -> String {
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|edit| {
            (
                offset_of(text, &edit["range"]["start"], encoding),
                offset_of(text, &edit["range"]["end"], encoding),
                edit["newText"].as_str().expect("newText is a string"),
            )
        })
        .collect();
    spans.sort_by_key(|&(start, _, _)| start);
    let mut result = text.to_string();
    for &(start, end, new_text) in spans.iter().rev() {
        assert!(start <= end, "a text edit has a reversed range: {edits:?}");
        result.replace_range(start..end, new_text);
    }
    result
}

/// A test client connected to a server running on its own task.
pub struct Client {
    /// The write end of the server's input; `None` once closed.
    input: Option<DuplexStream>,
    incoming: mpsc::UnboundedReceiver<Result<Value, String>>,
    /// Messages received but not yet asked for, oldest first.
    unclaimed: VecDeque<Value>,
    next_id: i64,
    server: Option<JoinHandle<i32>>,
    /// The encoding the server chose in `initialize`.
    pub encoding: Encoding,
}

impl Client {
    /// Starts a server with the test hooks on, without initializing it.
    pub fn start() -> Client {
        let (input, server_input) = tokio::io::duplex(1 << 16);
        let (server_output, output) = tokio::io::duplex(1 << 16);
        let server = tokio::spawn(serve(
            server_input,
            server_output,
            ServerOptions { test_hooks: true },
        ));
        let (sender, incoming) = mpsc::unbounded_channel();
        // Frames are read on their own task, so the server never blocks on a full pipe while the
        // test is busy sending.
        tokio::spawn(async move {
            let mut frames = FrameReader::new(output);
            loop {
                let message = match frames.next_frame().await {
                    Frame::Body(body) => serde_json::from_slice(&body)
                        .map_err(|error| format!("{error}: {}", String::from_utf8_lossy(&body))),
                    Frame::Malformed(reason) => Err(reason),
                    Frame::Eof => return,
                };
                if sender.send(message).is_err() {
                    return;
                }
            }
        });
        Client {
            input: Some(input),
            incoming,
            unclaimed: VecDeque::new(),
            next_id: 1,
            server: Some(server),
            encoding: Encoding::Utf16,
        }
    }

    /// Starts a server and initializes it, offering `encodings` (or none) and passing `options`
    /// as `initializationOptions`.
    pub async fn initialized(encodings: Option<&[&str]>, options: Value) -> Client {
        let mut client = Client::start();
        client.initialize(encodings, options).await;
        client
    }

    /// A started and initialized client that declares `capabilities`, in the workspace
    /// `root_uri` (none when `None`).
    pub async fn initialized_with(
        root_uri: Option<&str>,
        capabilities: Value,
        options: Value,
    ) -> Client {
        let mut client = Client::start();
        client
            .initialize_with(root_uri, capabilities, options)
            .await;
        client
    }

    /// Sends `initialize` and `initialized`; returns the initialize result.
    pub async fn initialize(&mut self, encodings: Option<&[&str]>, options: Value) -> Value {
        let capabilities = match encodings {
            Some(encodings) => json!({ "general": { "positionEncodings": encodings } }),
            None => json!({}),
        };
        self.initialize_with(None, capabilities, options).await
    }

    /// Sends `initialize` with `capabilities` and `options` in the workspace `root_uri`, then
    /// `initialized`; takes the position encoding the server chose and returns its answer.
    pub async fn initialize_with(
        &mut self,
        root_uri: Option<&str>,
        capabilities: Value,
        options: Value,
    ) -> Value {
        let result = self
            .call_ok(
                "initialize",
                json!({
                    "processId": null,
                    "rootUri": root_uri,
                    "capabilities": capabilities,
                    "initializationOptions": options,
                }),
            )
            .await;
        let name = result["capabilities"]["positionEncoding"]
            .as_str()
            .unwrap_or("utf-16");
        self.encoding = Encoding::from_name(name);
        self.notify("initialized", json!({})).await;
        result
    }

    /// Writes bytes to the server as they are, for tests of broken framing.
    pub async fn send_raw(&mut self, bytes: &[u8]) {
        let input = self.input.as_mut().expect("the input is still open");
        input.write_all(bytes).await.expect("the server reads");
        input.flush().await.expect("the server reads");
    }

    /// Writes one correctly framed message.
    pub async fn send(&mut self, message: &Value) {
        let body = serde_json::to_vec(message).expect("messages serialize");
        let input = self.input.as_mut().expect("the input is still open");
        write_frame(input, &body).await.expect("the server reads");
        input.flush().await.expect("the server reads");
    }

    pub async fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }))
            .await;
    }

    /// A fresh request id.
    pub fn next_id(&mut self) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// Sends a request without waiting for its response; returns its id.
    pub async fn request(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id();
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }))
            .await;
        id
    }

    /// Waits for the response to request `id`.
    pub async fn response(&mut self, id: i64) -> Value {
        self.wait_for(&format!("the response to request {id}"), |message| {
            message.get("method").is_none() && message["id"] == json!(id)
        })
        .await
    }

    /// Sends a request and returns the whole response.
    pub async fn call(&mut self, method: &str, params: Value) -> Value {
        let id = self.request(method, params).await;
        self.response(id).await
    }

    /// Sends a request and returns its result, failing the test on an error response.
    pub async fn call_ok(&mut self, method: &str, params: Value) -> Value {
        let response = self.call(method, params).await;
        assert!(
            response.get("error").is_none(),
            "{method} failed: {response}"
        );
        assert!(
            response.get("result").is_some(),
            "{method} has no result: {response}"
        );
        response["result"].clone()
    }

    /// Waits for the first message, received or still to come, that `matches`, and claims it.
    pub async fn wait_for(&mut self, what: &str, mut matches: impl FnMut(&Value) -> bool) -> Value {
        if let Some(index) = self.unclaimed.iter().position(&mut matches) {
            return self.unclaimed.remove(index).expect("the index exists");
        }
        let deadline = tokio::time::Instant::now() + TIMEOUT;
        loop {
            match tokio::time::timeout_at(deadline, self.incoming.recv()).await {
                Ok(Some(Ok(message))) => {
                    if matches(&message) {
                        return message;
                    }
                    self.unclaimed.push_back(message);
                }
                Ok(Some(Err(reason))) => panic!("the server wrote a bad message: {reason}"),
                Ok(None) => panic!(
                    "the server closed its output while the test waited for {what}; last messages: {:#?}",
                    self.recent()
                ),
                Err(_) => panic!(
                    "no {what} within {TIMEOUT:?}; last messages: {:#?}",
                    self.recent()
                ),
            }
        }
    }

    /// The last few unclaimed messages, for failure reports that stay readable.
    fn recent(&self) -> Vec<&Value> {
        let skip = self.unclaimed.len().saturating_sub(12);
        self.unclaimed.iter().skip(skip).collect()
    }

    /// Removes and returns every message received so far that matches. Only messages already
    /// received are looked at; callers first wait for a later message, so that the ones they
    /// ask about are known to have arrived.
    pub fn take_received(&mut self, mut matches: impl FnMut(&Value) -> bool) -> Vec<Value> {
        while let Ok(message) = self.incoming.try_recv() {
            match message {
                Ok(message) => self.unclaimed.push_back(message),
                Err(reason) => panic!("the server wrote a bad message: {reason}"),
            }
        }
        let (taken, kept) = self
            .unclaimed
            .drain(..)
            .partition(|message| matches(message));
        self.unclaimed = kept;
        taken.into()
    }

    pub async fn open(&mut self, uri: &str, language_id: &str, version: i32, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": {
                "uri": uri, "languageId": language_id, "version": version, "text": text,
            }}),
        )
        .await;
    }

    /// Sends one `didChange` with the given content changes.
    pub async fn change(&mut self, uri: &str, version: i32, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": uri, "version": version },
                "contentChanges": changes,
            }),
        )
        .await;
    }

    pub async fn close(&mut self, uri: &str) {
        self.notify(
            "textDocument/didClose",
            json!({ "textDocument": { "uri": uri } }),
        )
        .await;
    }

    /// Waits for the publishDiagnostics notification of `uri` with `version` and returns it.
    pub async fn published(&mut self, uri: &str, version: Option<i32>) -> Value {
        let what = format!("publishDiagnostics for {uri} version {version:?}");
        let expected_version = version.map_or(Value::Null, |version| json!(version));
        let notification = self
            .wait_for(&what, |message| {
                message["method"] == "textDocument/publishDiagnostics"
                    && message["params"]["uri"] == uri
                    && message["params"]
                        .get("version")
                        .cloned()
                        .unwrap_or(Value::Null)
                        == expected_version
            })
            .await;
        notification["params"].clone()
    }

    /// Waits for the diagnostics of `uri` at `version`.
    pub async fn diagnostics(&mut self, uri: &str, version: i32) -> Vec<Value> {
        let params = self.published(uri, Some(version)).await;
        params["diagnostics"]
            .as_array()
            .expect("diagnostics is an array")
            .clone()
    }

    pub async fn hover(&mut self, uri: &str, position: Value) -> Value {
        self.call_ok(
            "textDocument/hover",
            json!({ "textDocument": { "uri": uri }, "position": position }),
        )
        .await
    }

    /// The Markdown of a hover, failing the test when there is none.
    pub async fn hover_text(&mut self, uri: &str, position: Value) -> String {
        let hover = self.hover(uri, position.clone()).await;
        assert_eq!(
            hover["contents"]["kind"], "markdown",
            "hover at {position} in {uri}: {hover}"
        );
        hover["contents"]["value"]
            .as_str()
            .expect("the hover has text")
            .to_string()
    }

    pub async fn code_actions(&mut self, uri: &str, range: Value) -> Vec<Value> {
        let result = self
            .call_ok(
                "textDocument/codeAction",
                json!({
                    "textDocument": { "uri": uri },
                    "range": range,
                    "context": { "diagnostics": [] },
                }),
            )
            .await;
        result
            .as_array()
            .unwrap_or_else(|| panic!("code actions are a list: {result}"))
            .clone()
    }

    /// Closes the server's input, as an editor that quits without a word does.
    pub fn close_input(&mut self) {
        self.input = None;
    }

    /// Waits for `serve` to return and gives its exit code.
    pub async fn exit_code(&mut self) -> i32 {
        let server = self.server.take().expect("the server is awaited once");
        tokio::time::timeout(TIMEOUT, server)
            .await
            .expect("serve returned")
            .expect("serve did not panic")
    }

    /// The polite end of a session: shutdown, exit, and the exit code.
    pub async fn shutdown_and_exit(&mut self) -> i32 {
        let result = self.call_ok("shutdown", Value::Null).await;
        assert_eq!(result, Value::Null);
        self.notify("exit", Value::Null).await;
        self.exit_code().await
    }
}
