//! The language server. This module and its children are the only code that knows LSP.
//!
//! ```text
//!  client ──bytes──▶ framing (this file) ──valid requests──▶ tower-lsp ──▶ server.rs handlers
//!                       │ didOpen/didChange/didClose/didChangeConfiguration
//!                       ▼ applied to the store at once, in wire order
//!                     state.rs ──events──▶ worker.rs ──publishDiagnostics──┐
//!  client ◀──bytes── writer ◀────────── tower-lsp responses ◀─────────────┘
//! ```
//!
//! The framing layer in front of tower-lsp 0.20 exists to fix four of its sharp edges: it
//! dispatches notifications concurrently (so edits could be applied out of order), it stops
//! reading after the first undecodable message, it rejects `shutdown` sent with `"params": null`
//! or `{}` (as Emacs eglot and lsp4j send it), and its `exit` handling can hang.

pub mod config;
pub mod convert;
pub mod framing;
pub mod server;
pub mod settings_table;
pub mod state;
pub mod stdio;
pub mod worker;

use std::sync::Arc;

use serde_json::{json, Value};
use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt};
use tokio::sync::{mpsc, oneshot};
use tower_lsp::lsp_types::{
    DidChangeConfigurationParams, DidChangeTextDocumentParams, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, InitializeParams,
};
use tower_lsp::{LspService, Server};

use framing::{find, write_frame, Frame, FrameReader};
use server::Backend;
use state::State;

use crate::text::{Document, Position};

/// Options for embedding the server; the binary uses the defaults.
#[derive(Clone, Debug, Default)]
pub struct ServerOptions {
    /// Registers `copydesk/debugPanic` and makes analysis panic on the text
    /// [`TEST_PANIC_MARKER`], so that tests can prove panics are survived; analysis of text
    /// holding [`state::AnalysisHold::MARKER`] waits for `copydesk/debugReleaseAnalysis`.
    pub test_hooks: bool,
}

/// How many requests are answered at once; see where the router is started.
const REQUESTS_AT_ONCE: usize = 64;

pub const TEST_PANIC_MARKER: &str = "copydesk-test-panic-in-analysis";

/// What the reader does with one decoded message.
enum Action {
    Forward(Vec<u8>),
    Handled,
    Exit,
}

/// Serves LSP on `input`/`output` until `exit` or the end of input. Returns the process exit
/// code: 0 after `shutdown`, 1 otherwise (as the specification asks).
pub async fn serve<I, O>(input: I, output: O, options: ServerOptions) -> i32
where
    I: AsyncRead + Unpin + Send + 'static,
    O: AsyncWrite + Unpin + Send + 'static,
{
    let start_writer = |bodies| {
        let (finished, finished_receiver) = oneshot::channel();
        tokio::spawn(async move {
            write_all(output, bodies).await;
            let _ = finished.send(());
        });
        Ok(finished_receiver)
    };
    serve_with_writer(input, start_writer, options).await
}

/// [`serve`] on the process's standard input and output, the way editors run a language
/// server. Standard output is written by a thread of its own (see [`stdio`]).
pub async fn serve_stdio(options: ServerOptions) -> i32 {
    serve_with_writer(tokio::io::stdin(), stdio::spawn_stdout_writer, options).await
}

/// The server, with `start_writer` starting whatever writes the queued outgoing messages; it
/// returns a receiver that completes once everything queued before the stop signal (an empty
/// body) has been written.
async fn serve_with_writer<I>(
    input: I,
    start_writer: impl FnOnce(
        mpsc::UnboundedReceiver<Vec<u8>>,
    ) -> std::io::Result<oneshot::Receiver<()>>,
    options: ServerOptions,
) -> i32
where
    I: AsyncRead + Unpin + Send + 'static,
{
    let (outgoing_sender, outgoing_receiver) = mpsc::unbounded_channel::<Vec<u8>>();
    let writer = match start_writer(outgoing_receiver) {
        Ok(writer) => writer,
        Err(error) => {
            tracing::error!("cannot write to the editor: {error}");
            return 1;
        }
    };
    let (worker_sender, worker_receiver) = mpsc::unbounded_channel();
    let mut state = State::new(worker_sender, outgoing_sender.clone());
    if options.test_hooks {
        state.analysis_panic_marker = Some(TEST_PANIC_MARKER.to_string());
        state.analysis_hold = Some(state::AnalysisHold::default());
    }
    let state = Arc::new(state);
    let worker = tokio::spawn(worker::run(state.clone(), worker_receiver));

    let backend_state = state.clone();
    let mut builder = LspService::build(move |_client| Backend::new(backend_state.clone()))
        .custom_method("copydesk/publicationDate", Backend::publication_date);
    if options.test_hooks {
        builder = builder
            .custom_method("copydesk/debugPanic", Backend::debug_panic)
            .custom_method(
                "copydesk/debugReleaseAnalysis",
                Backend::debug_release_analysis,
            );
    }
    let (service, socket) = builder.finish();
    let (mut to_tower, tower_input) = tokio::io::duplex(1 << 20);
    let (tower_output, from_tower) = tokio::io::duplex(1 << 20);
    // tower-lsp runs at most this many requests at once and queues the rest. Requests wait for
    // analyses off the runtime, so a few slow ones on a large draft must not fill every place
    // and queue a hover on a small draft behind them.
    let tower = tokio::spawn(
        Server::new(tower_input, tower_output, socket)
            .concurrency_level(REQUESTS_AT_ONCE)
            .serve(service),
    );

    // tower-lsp's responses are re-framed and merged with copydesk's own messages, so that one
    // writer owns the client's output and messages never interleave.
    let tower_sender = outgoing_sender.clone();
    let tower_reader = tokio::spawn(async move {
        let mut frames = FrameReader::new(from_tower);
        loop {
            match frames.next_frame().await {
                Frame::Body(body) => {
                    if tower_sender.send(snippet_edits(body)).is_err() {
                        return;
                    }
                }
                Frame::Malformed(reason) => {
                    tracing::error!("tower-lsp wrote a bad frame: {reason}")
                }
                Frame::Eof => return,
            }
        }
    });
    let mut reader = FrameReader::new(input);
    let mut shutdown_requested = false;
    let mut initialize_seen = false;
    let exit_code = loop {
        let body = match reader.next_frame().await {
            Frame::Eof => {
                tracing::info!("input closed");
                break if shutdown_requested { 0 } else { 1 };
            }
            Frame::Malformed(reason) => {
                tracing::warn!("dropped a malformed message: {reason}");
                state.send(error_response(
                    Value::Null,
                    -32700,
                    &format!("Parse error: {reason}"),
                ));
                continue;
            }
            Frame::Body(body) => body,
        };
        let message = match serde_json::from_slice::<Value>(&body) {
            Ok(message) => message,
            Err(error) => match without_lone_surrogates(&body)
                .or_else(|| recover_from_bad_length(&mut reader, &body))
            {
                Some(message) => message,
                None => {
                    tracing::warn!("dropped a message that is not JSON: {error}");
                    state.send(error_response(
                        Value::Null,
                        -32700,
                        &format!("Parse error: {error}"),
                    ));
                    continue;
                }
            },
        };
        let closes_a_draft = message.get("method") == Some(&json!("textDocument/didClose"));
        let action = classify(
            &state,
            message,
            &mut shutdown_requested,
            &mut initialize_seen,
        );
        if closes_a_draft || body.len() > 1024 * 1024 {
            give_back_memory();
        }
        match action {
            Action::Forward(body) => {
                let written = async {
                    write_frame(&mut to_tower, &body).await?;
                    to_tower.flush().await
                };
                if let Err(error) = written.await {
                    tracing::error!("the request router stopped: {error}");
                    break 1;
                }
            }
            Action::Handled => {}
            Action::Exit => break if shutdown_requested { 0 } else { 1 },
        }
    };

    // Stop everything, then let the writer flush what was queued before the exit.
    tower.abort();
    worker.abort();
    tower_reader.abort();
    let _ = outgoing_sender.send(Vec::new());
    let _ = tokio::time::timeout(std::time::Duration::from_secs(2), writer).await;
    exit_code
}

/// Clamps the positions of a didChange's ranges that are numbers but not LSP's unsigned
/// 32-bit integers (character 2^32, line -1, 3.5) into that range, so that the edit is applied
/// (positions past a line's end are already taken as its end) instead of being dropped whole.
/// Returns how many were clamped.
fn clamp_positions(params: &mut Value) -> usize {
    let mut clamped = 0;
    let Some(changes) = params
        .get_mut("contentChanges")
        .and_then(Value::as_array_mut)
    else {
        return 0;
    };
    for change in changes {
        for end in ["start", "end"] {
            for field in ["line", "character"] {
                let Some(number) =
                    change
                        .pointer_mut(&format!("/range/{end}/{field}"))
                        .filter(|value| {
                            value.is_number() && value.as_u64().is_none_or(|n| n > u32::MAX as u64)
                        })
                else {
                    continue;
                };
                let value = number
                    .as_f64()
                    .unwrap_or(0.0)
                    .floor()
                    .clamp(0.0, u32::MAX as f64);
                *number = json!(value as u32);
                clamped += 1;
            }
        }
    }
    clamped
}

/// Returns freed memory to the system. The allocator keeps the memory of freed blocks for
/// reuse, so after a huge message or a closed draft the process would stay as large as its
/// largest moment; this asks glibc to release what it no longer uses, in every thread's arena.
fn give_back_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases memory that the allocator holds free; it touches no
    // block in use and may be called from any thread at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Rewrites the code actions that `convert` marked as holding a snippet into LSP 3.18 snippet
/// edits (`documentChanges` with `SnippetTextEdit`s), which tower-lsp's types cannot express.
/// Every other message passes through untouched.
fn snippet_edits(body: Vec<u8>) -> Vec<u8> {
    let marker = convert::SNIPPET_MARKER.as_bytes();
    if find(&body, marker).is_none() {
        return body;
    }
    let Ok(mut message) = serde_json::from_slice::<Value>(&body) else {
        return body;
    };
    let Some(actions) = message.get_mut("result").and_then(Value::as_array_mut) else {
        return body;
    };
    for action in actions {
        let marked = action
            .pointer(&format!(
                "/data/{}",
                convert::SNIPPET_MARKER.replace('/', "~1")
            ))
            .is_some();
        if !marked {
            continue;
        }
        let Some(object) = action.as_object_mut() else {
            continue;
        };
        object.remove("data");
        let changes = object
            .get("edit")
            .and_then(|edit| edit.get("changes"))
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        let document_changes: Vec<Value> = changes
            .into_iter()
            .map(|(uri, edits)| {
                let edits: Vec<Value> = edits
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|edit| {
                        json!({
                            "range": edit["range"],
                            "snippet": { "kind": "snippet", "value": edit["newText"] },
                        })
                    })
                    .collect();
                json!({ "textDocument": { "uri": uri, "version": null }, "edits": edits })
            })
            .collect();
        object.insert(
            "edit".to_string(),
            json!({ "documentChanges": document_changes }),
        );
    }
    serde_json::to_vec(&message).unwrap_or(body)
}

/// Writes queued message bodies until an empty body (the stop signal) or a closed channel.
async fn write_all<O: AsyncWrite + Unpin>(
    mut output: O,
    mut bodies: mpsc::UnboundedReceiver<Vec<u8>>,
) {
    while let Some(body) = bodies.recv().await {
        if body.is_empty() {
            break;
        }
        if write_frame(&mut output, &body).await.is_err() {
            return;
        }
        // Flush only when nothing else is waiting: a burst of messages goes out in one write.
        if bodies.is_empty() && output.flush().await.is_err() {
            return;
        }
    }
    let _ = output.flush().await;
}

/// JavaScript strings can hold half of a surrogate pair (an emoji cut in two), and JavaScript
/// clients send it as a lone escape such as `"\ud83d"`, which serde_json rejects and Rust
/// strings cannot hold. Dropping the message would leave the server with other text than the
/// client, so each lone surrogate is read as U+FFFD instead: one UTF-16 unit like the surrogate
/// it replaces, so the positions the client sends later still land where it means them.
fn without_lone_surrogates(body: &[u8]) -> Option<Value> {
    fn unit_at(body: &[u8], at: usize) -> Option<u16> {
        let hex = body.get(at..at + 6)?.strip_prefix(b"\\u")?;
        u16::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()
    }
    let mut repaired = Vec::with_capacity(body.len());
    let mut replaced = false;
    let mut at = 0;
    while at < body.len() {
        if body[at] != b'\\' {
            repaired.push(body[at]);
            at += 1;
            continue;
        }
        // An escape: six bytes for `\uXXXX`, twelve for a surrogate pair, two for the others
        // (so an escaped backslash followed by "ud83d" is left alone).
        let length = match unit_at(body, at) {
            Some(0xD800..=0xDBFF)
                if unit_at(body, at + 6).is_some_and(|low| (0xDC00..=0xDFFF).contains(&low)) =>
            {
                12
            }
            Some(0xD800..=0xDFFF) => {
                repaired.extend_from_slice(b"\\ufffd");
                replaced = true;
                at += 6;
                continue;
            }
            Some(_) => 6,
            None => 2,
        };
        let end = (at + length).min(body.len());
        repaired.extend_from_slice(&body[at..end]);
        at = end;
    }
    if !replaced {
        return None;
    }
    tracing::warn!("read lone UTF-16 surrogates in a message as U+FFFD");
    serde_json::from_slice(&repaired).ok()
}

/// A body that is not JSON may hold the start of the next message when the client sent a wrong
/// `Content-Length`: the header is put back for the reader, and the part before it is used if it
/// is a message of its own.
fn recover_from_bad_length(
    reader: &mut FrameReader<impl tokio::io::AsyncRead + Unpin>,
    body: &[u8],
) -> Option<Value> {
    let at = real_header_at(body)?;
    reader.unread(&body[at..]);
    serde_json::from_slice(&body[..at]).ok()
}

/// Where a real `Content-Length` header starts in `body`: the name, a number and a line break.
/// A draft that contains the text `Content-Length: 12` does not count, since a JSON string
/// cannot hold a raw line break (it is written `\n`), and a real header always ends with one
/// (or with the body, when the wrong length cut the header short).
fn real_header_at(body: &[u8]) -> Option<usize> {
    let lower = body.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = find(&lower[from..], b"content-length:") {
        let at = from + found;
        let value = &body[at + b"content-length:".len()..];
        let digits_start = value.iter().take_while(|&&byte| byte == b' ').count();
        let digits = value[digits_start..]
            .iter()
            .take_while(|byte| byte.is_ascii_digit())
            .count();
        let line_end = &value[digits_start + digits..];
        // The body may end inside the header, before its line break.
        if digits > 0
            && (line_end.is_empty() || line_end.starts_with(b"\r") || line_end.starts_with(b"\n"))
        {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

pub fn error_response(id: Value, code: i64, message: &str) -> Vec<u8> {
    serde_json::to_vec(&json!({
        "jsonrpc": "2.0",
        "id": id,
        "error": { "code": code, "message": message },
    }))
    .unwrap_or_default()
}

/// Whether a JSON-RPC id is one tower-lsp can decode (an integer, a string or null).
fn valid_id(id: &Value) -> bool {
    id.is_null() || id.is_string() || id.as_i64().is_some()
}

/// Decides what to do with one message, applying text synchronisation at once.
fn classify(
    state: &Arc<State>,
    mut message: Value,
    shutdown_requested: &mut bool,
    initialize_seen: &mut bool,
) -> Action {
    let id = message.get("id").cloned();
    let well_formed = message.is_object()
        && message.get("jsonrpc") == Some(&json!("2.0"))
        && id.as_ref().is_none_or(valid_id)
        && message.get("method").is_none_or(Value::is_string)
        && (message.get("method").is_some()
            || (id.is_some()
                && (message.get("result").is_some() || message.get("error").is_some())));
    if !well_formed {
        let reply_id = id.filter(valid_id).unwrap_or(Value::Null);
        tracing::warn!(
            "dropped a message that is not JSON-RPC 2.0: {}",
            shape(&message)
        );
        state.send(error_response(
            reply_id,
            -32600,
            "Invalid Request: not a JSON-RPC 2.0 message",
        ));
        return Action::Handled;
    }
    let Some(method) = message
        .get("method")
        .and_then(Value::as_str)
        .map(str::to_string)
    else {
        // A response: to a request copydesk sent itself (nothing to do with it), or to one
        // tower-lsp sent.
        let ours = id
            .as_ref()
            .and_then(Value::as_str)
            .is_some_and(|id| id.starts_with(state::OWN_REQUEST_PREFIX));
        if ours {
            return Action::Handled;
        }
        return Action::Forward(serde_json::to_vec(&message).unwrap_or_default());
    };
    let params = message.get("params").cloned().unwrap_or(Value::Null);
    match method.as_str() {
        "exit" => Action::Exit,
        "shutdown" => {
            if id.is_some() {
                *shutdown_requested = true;
            }
            // tower-lsp 0.20 answers `shutdown` with `"params": null` or `{}` with an error.
            if let Some(object) = message.as_object_mut() {
                object.remove("params");
            }
            Action::Forward(serde_json::to_vec(&message).unwrap_or_default())
        }
        "initialize" => {
            // tower-lsp answers an `initialize` whose params it cannot read with an error and waits
            // for another, and refuses every one after the first it accepted: neither kind may
            // change anything here either.
            let accepted = !*initialize_seen
                && serde_json::from_value::<InitializeParams>(params.clone()).is_ok();
            if accepted {
                *initialize_seen = true;
                // LSP 3.18's snippet edits are newer than tower-lsp's types: read them here.
                let snippets = message
                    .pointer("/params/capabilities/workspace/workspaceEdit/snippetEditSupport")
                    .and_then(Value::as_bool)
                    .unwrap_or(false);
                state.set_snippet_edits(snippets);
            }
            Action::Forward(serde_json::to_vec(&message).unwrap_or_default())
        }
        "textDocument/didOpen"
        | "textDocument/didChange"
        | "textDocument/didClose"
        | "workspace/didChangeConfiguration" => {
            if !*initialize_seen {
                tracing::warn!("{method} before initialize: ignored");
            } else if let Err(error) = apply_notification(state, &method, params) {
                tracing::warn!("{method} ignored: {}", without_values(&error));
            }
            Action::Handled
        }
        // tower-lsp 0.20 never answers a request for an unknown `$/` method (it treats every
        // `$/` message as an ignorable notification), so the client would wait forever.
        unknown if unknown.starts_with("$/") && id.is_some() && unknown != "$/cancelRequest" => {
            state.send(error_response(
                id.unwrap_or(Value::Null),
                -32601,
                &format!("Method not found: {unknown}"),
            ));
            Action::Handled
        }
        _ => Action::Forward(serde_json::to_vec(&message).unwrap_or_default()),
    }
}

/// What a message looks like, for logs: its JSON type and, for an object, its keys and the
/// size of each value. Never its content: a message may carry a draft, and editors save server
/// logs, while the README promises that drafts never leave the machine.
fn shape(message: &Value) -> String {
    fn kind(value: &Value) -> String {
        match value {
            Value::Null => "null".to_string(),
            Value::Bool(_) => "a boolean".to_string(),
            Value::Number(_) => "a number".to_string(),
            Value::String(text) => format!("a string of {} bytes", text.len()),
            Value::Array(items) => format!("an array of {} items", items.len()),
            Value::Object(fields) => format!("an object of {} keys", fields.len()),
        }
    }
    let Value::Object(fields) = message else {
        return kind(message);
    };
    // Only the protocol's own keys are named: any other key could be text from a draft.
    let known = ["jsonrpc", "id", "method", "params", "result", "error"];
    let described: Vec<String> = fields
        .iter()
        .map(|(key, value)| match known.contains(&key.as_str()) {
            true => format!("{key}: {}", kind(value)),
            false => format!("another key: {}", kind(value)),
        })
        .collect();
    format!("an object with {}", described.join(", "))
}

/// A serde error without the values it quotes: "invalid type: string \"the draft\", expected
/// u32" becomes "invalid type: string (9 bytes), expected u32". Quoted values are whatever the
/// client sent, and that may be a draft's text.
pub fn without_values(error: &str) -> String {
    let mut out = String::with_capacity(error.len());
    let mut rest = error;
    while let Some(open) = rest.find(['"', '`']) {
        let mark = rest[open..].chars().next().unwrap_or('"');
        let closing = mark;
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        // A quoted value ends at the last closing mark before the next comma-led clause of the
        // message, so that quotes inside the value do not cut it short.
        let end = after
            .find(", expected")
            .or_else(|| after.find(" at line"))
            .map_or(after.len(), |clause| clause)
            .min(after.len());
        let value_end = after[..end].rfind(closing).unwrap_or(end);
        out.push_str(&format!("({} bytes)", after[..value_end].len()));
        rest = &after[(value_end + closing.len_utf8()).min(after.len())..];
    }
    out.push_str(rest);
    out
}

/// Applies a text-synchronisation or configuration notification to the store.
fn apply_notification(state: &Arc<State>, method: &str, params: Value) -> Result<(), String> {
    match method {
        "textDocument/didOpen" => {
            let params: DidOpenTextDocumentParams =
                serde_json::from_value(params).map_err(|error| error.to_string())?;
            let item = params.text_document;
            state.open(
                item.uri,
                Document::new(&item.text, item.version, &item.language_id),
            );
        }
        "textDocument/didChange" => {
            let mut params = params;
            let clamped = clamp_positions(&mut params);
            if clamped > 0 {
                tracing::warn!("didChange: clamped {clamped} positions out of range");
            }
            let uri = params.pointer("/textDocument/uri").cloned();
            let params: DidChangeTextDocumentParams = match serde_json::from_value(params) {
                Ok(params) => params,
                Err(error) => {
                    // The editor's text and the server's now differ: say so, and check nothing
                    // until the editor sends the whole text again, instead of checking a draft
                    // the writer no longer sees.
                    let lost = uri
                        .as_ref()
                        .and_then(Value::as_str)
                        .and_then(|uri| tower_lsp::lsp_types::Url::parse(uri).ok())
                        .is_some_and(|uri| state.lose_sync(&uri));
                    let name = uri.as_ref().and_then(Value::as_str).unwrap_or("a draft");
                    if lost {
                        server::show_message(
                            state,
                            tower_lsp::lsp_types::MessageType::WARNING,
                            &format!(
                                "copydesk could not apply an edit to {name} (the editor sent a \
                                 change it cannot read), so it no longer knows the draft's text \
                                 and stops checking it. Close and reopen the file to check it \
                                 again."
                            ),
                        );
                    }
                    return Err(error.to_string());
                }
            };
            let encoding = state.encoding();
            let uri = params.text_document.uri;
            let version = params.text_document.version;
            let applied = state.change(&uri, |open| {
                // Out of sync, edits by range would land in the wrong text; the whole text,
                // when the editor sends it, brings the draft back.
                let skip = if open.out_of_sync {
                    match params
                        .content_changes
                        .iter()
                        .rposition(|change| change.range.is_none())
                    {
                        Some(whole) => {
                            open.out_of_sync = false;
                            whole
                        }
                        None => params.content_changes.len(),
                    }
                } else {
                    0
                };
                let document = &mut open.document;
                if version < document.version() {
                    tracing::warn!(
                        "{uri}: version went backwards from {} to {version}",
                        document.version()
                    );
                }
                for change in &params.content_changes[skip..] {
                    let range = change.range.map(|range| {
                        (
                            Position {
                                line: range.start.line,
                                character: range.start.character,
                            },
                            Position {
                                line: range.end.line,
                                character: range.end.character,
                            },
                        )
                    });
                    document.apply_change(range, &change.text, encoding);
                }
                document.set_version(version);
            });
            if !applied {
                return Err(format!("{uri} is not open"));
            }
        }
        "textDocument/didClose" => {
            let params: DidCloseTextDocumentParams =
                serde_json::from_value(params).map_err(|error| error.to_string())?;
            if !state.close(&params.text_document.uri) {
                return Err(format!("{} is not open", params.text_document.uri));
            }
        }
        "workspace/didChangeConfiguration" => {
            let params: DidChangeConfigurationParams =
                serde_json::from_value(params).map_err(|error| error.to_string())?;
            server::apply_settings(state, &params.settings);
        }
        _ => {}
    }
    Ok(())
}
