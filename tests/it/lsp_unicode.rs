//! Text the engine can never see: lone UTF-16 surrogates. A Rust `&str` cannot hold one, but an
//! editor can send one, escaped in JSON (`"\ud83d"`, from a JavaScript string that cut an emoji
//! in two) or as the bytes of WTF-8, which are not UTF-8. `serde_json` refuses both. The framing
//! layer reads each escaped lone surrogate as U+FFFD (one UTF-16 unit, as the client counts it)
//! and answers bytes that are not UTF-8 with a parse error; either way the server keeps serving.
//! An escaped surrogate pair, by contrast, is one character. `tests/it/lsp.rs` has the basic case
//! of each; these tests cover every form a lone surrogate takes and where it can stand.

#[allow(dead_code)] // The helpers serve several test files; this one uses some of them.
use crate::support;

use serde_json::{json, Value};
use support::{range_of, Client, Encoding};

/// No debounce delay and a fixed publication date (Monday, Feb. 28, 2022).
fn fixed_settings() -> Value {
    json!({ "debounceMs": 0, "referenceDate": "2022-02-28" })
}

/// A framed message with exactly the bytes given.
fn frame(body: &[u8]) -> Vec<u8> {
    let mut bytes = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

/// A `didOpen` whose text is `text_json`, already written as the inside of a JSON string, so
/// that escapes and bytes reach the server exactly as given.
fn did_open(uri: &str, version: i32, text_json: &[u8]) -> Vec<u8> {
    let mut body = format!(
        r#"{{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{{"textDocument":{{"uri":"{uri}","languageId":"plaintext","version":{version},"text":""#
    )
    .into_bytes();
    body.extend_from_slice(text_json);
    body.extend_from_slice(br#""}}}"#);
    frame(&body)
}

/// Whether a message is a response with `"id": null`, which is how errors about messages that
/// could not be decoded are sent (their id is unknown).
fn is_null_id_response(message: &Value) -> bool {
    message.get("method").is_none() && message.get("id") == Some(&Value::Null)
}

fn is_publication_of(message: &Value, uri: &str) -> bool {
    message["method"] == "textDocument/publishDiagnostics" && message["params"]["uri"] == uri
}

/// The server still answers: a hover on the date of a document it has read.
async fn assert_alive(client: &mut Client, uri: &str, text: &str) {
    let monday = range_of(text, "Monday", client.encoding);
    let hover = client.hover_text(uri, monday["start"].clone()).await;
    assert!(hover.contains("Feb. 28, 2022"), "{hover}");
}

/// Each form of lone surrogate as JSON escapes, and the text the server must read for it.
const LONE_SURROGATES: &[(&str, &str)] = &[
    (r"\ud800", "\u{fffd}"),
    (r"\uDBFF", "\u{fffd}"),
    (r"\udc00", "\u{fffd}"),
    (r"\udfff", "\u{fffd}"),
    // A pair in the wrong order is two lone halves.
    (r"\ude00\ud83d", "\u{fffd}\u{fffd}"),
    // A leading half before an escape that is not a trailing half.
    (r"\ud83d\u0041", "\u{fffd}A"),
    (r"\ud83d\n", "\u{fffd}\n"),
    (r"\ud83d\\", "\u{fffd}\\"),
    // Two leading halves, the second one paired.
    (r"\ud83d\ud83d\ude00", "\u{fffd}😀"),
    // An escaped backslash before "ud83d" is text, not an escape.
    (r"\\ud83d", "\\ud83d"),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_form_of_lone_surrogate_is_read_as_a_replacement_character() {
    let mut client = Client::initialized(None, fixed_settings()).await;
    for (index, (escaped, read)) in LONE_SURROGATES.iter().enumerate() {
        // The surrogate stands first, inside a quotation, before a date and last, so that a
        // wrong count of UTF-16 units would move every finding after it.
        let template = |surrogate: &str, quote: &str| {
            format!(
                "{surrogate}The fare rose 12%{surrogate}, she said. {quote}We won{surrogate},{quote} \
                 Ana Ruiz said on{surrogate} Monday.{surrogate}"
            )
        };
        let uri = format!("file:///lone-{index}.txt");
        let json_text = template(escaped, "\\\"");
        client
            .send_raw(&did_open(&uri, 1, json_text.as_bytes()))
            .await;
        let diagnostics = client.diagnostics(&uri, 1).await;
        assert!(!diagnostics.is_empty(), "{escaped}: no findings");

        let expected_text = template(read, "\"");
        let expected_uri = format!("file:///expected-{index}.txt");
        client
            .open(&expected_uri, "plaintext", 1, &expected_text)
            .await;
        let expected = client.diagnostics(&expected_uri, 1).await;
        assert_eq!(diagnostics, expected, "{escaped} read as {read:?}");
        assert_alive(&mut client, &uri, &expected_text).await;
    }
    assert_eq!(
        client.take_received(is_null_id_response),
        Vec::<Value>::new()
    );
    assert_eq!(client.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hundred_thousand_lone_surrogates_are_read() {
    let mut client = Client::initialized(None, fixed_settings()).await;
    let uri = "file:///many.txt";
    let json_text = r"\ud83d".repeat(100_000) + " It began on Monday.";
    client
        .send_raw(&did_open(uri, 1, json_text.as_bytes()))
        .await;
    let diagnostics = client.diagnostics(uri, 1).await;
    let text = "\u{fffd}".repeat(100_000) + " It began on Monday.";
    let monday = range_of(&text, "Monday", client.encoding);
    assert!(
        diagnostics
            .iter()
            .any(|diagnostic| diagnostic["range"] == monday),
        "{diagnostics:?}"
    );
    assert_alive(&mut client, uri, &text).await;
    assert_eq!(client.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_with_a_lone_surrogate_is_answered_with_its_id() {
    let mut client = Client::initialized(None, fixed_settings()).await;
    let uri = "file:///draft.txt";
    let text = "The talks resume on Monday.";
    client.open(uri, "plaintext", 1, text).await;
    client.diagnostics(uri, 1).await;
    // A hover on a document whose name holds a lone surrogate: no such document is open, so the
    // answer is null, but it is an answer to request 7.
    let body = br#"{"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///\ud800.txt"},"position":{"line":0,"character":0}}}"#;
    client.send_raw(&frame(body)).await;
    let response = client.response(7).await;
    assert_eq!(response["result"], Value::Null, "{response}");
    assert!(response.get("error").is_none(), "{response}");
    assert_alive(&mut client, uri, text).await;
    assert_eq!(
        client.take_received(is_null_id_response),
        Vec::<Value>::new()
    );
    assert_eq!(client.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lone_surrogate_as_wtf8_bytes_gets_a_parse_error_and_opens_nothing() {
    let mut client = Client::initialized(None, fixed_settings()).await;
    let alive_uri = "file:///alive.txt";
    let alive_text = "The talks resume on Monday.";
    client.open(alive_uri, "plaintext", 1, alive_text).await;
    client.diagnostics(alive_uri, 1).await;

    // U+D83D written as the three bytes WTF-8 (and CESU-8) give it: not UTF-8, so not JSON.
    let uri = "file:///wtf8.txt";
    client
        .send_raw(&did_open(uri, 1, b"It began \xed\xa0\xbd on Monday."))
        .await;
    let error = client
        .wait_for(
            "a parse error for bytes that are not UTF-8",
            is_null_id_response,
        )
        .await;
    assert_eq!(error["error"]["code"], -32700, "{error}");
    assert_alive(&mut client, alive_uri, alive_text).await;

    // Nothing was opened: the same document opens afresh at version 2, and version 1 is never
    // published.
    let text = "It began on Monday.";
    client.open(uri, "plaintext", 2, text).await;
    assert_eq!(client.diagnostics(uri, 2).await.len(), 1);
    let unread = client.take_received(|message| is_publication_of(message, uri));
    assert_eq!(unread, Vec::<Value>::new());
    assert_eq!(
        client.take_received(is_null_id_response),
        Vec::<Value>::new()
    );
    assert_eq!(client.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_escaped_surrogate_pair_is_one_character_in_every_encoding() {
    // "\ud83d\ude00" is 😀: two UTF-16 code units, four UTF-8 bytes, one character.
    let decoded = "😀👩\u{200d}👩\u{200d}👧 \"We won,\" she said on Monday.";
    let escaped = br#"\ud83d\ude00\ud83d\udc69\u200d\ud83d\udc69\u200d\ud83d\udc67 \"We won,\" she said on Monday."#;
    for encoding in Encoding::ALL {
        let mut client = Client::initialized(Some(&[encoding.name()]), fixed_settings()).await;
        assert_eq!(client.encoding, encoding);
        let uri = "file:///emoji.txt";
        client.send_raw(&did_open(uri, 1, escaped)).await;
        let diagnostics = client.diagnostics(uri, 1).await;
        let date = diagnostics
            .iter()
            .find(|diagnostic| diagnostic["code"] == "relative-date")
            .unwrap_or_else(|| panic!("a relative date in {diagnostics:?}"));
        assert_eq!(
            date["range"],
            range_of(decoded, "Monday", encoding),
            "{encoding:?}"
        );
        assert_alive(&mut client, uri, decoded).await;
        assert_eq!(client.shutdown_and_exit().await, 0);
    }
}
