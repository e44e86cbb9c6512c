//! The language server under heavy and careless use, through the real transport: requests on a
//! draft whose analysis is still running hold up no request on another draft and can be
//! cancelled, edits and settings the server cannot use are said out loud, never dropped in
//! silence.
//!
//! Analyses are kept running for as long as a test needs with the test hook
//! [`AnalysisHold`]: what is asserted is the order and content of the answers, never a time.

#[allow(dead_code)] // The helpers serve several test files; this one uses some of them.
use crate::support;

use copydesk::lsp::state::AnalysisHold;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};
use support::{pos, range, Client};

fn fixed_settings() -> Value {
    json!({ "debounceMs": 0, "referenceDate": "2022-02-28" })
}

const BRIEF: &str = "file:///brief.txt";
const BRIEF_TEXT: &str = "The council met on Thursday.";

/// Whether `message` answers request `id`.
fn answers(message: &Value, id: i64) -> bool {
    message.get("method").is_none() && message["id"] == json!(id)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_waiting_for_one_drafts_analysis_holds_up_no_other_and_can_be_cancelled() {
    let mut client = Client::initialized(None, fixed_settings()).await;
    client.open(BRIEF, "plaintext", 1, BRIEF_TEXT).await;
    client.diagnostics(BRIEF, 1).await;

    // The dossier's analysis (the worker's, or a request's) cannot finish until it is released.
    let dossier = "file:///dossier.txt";
    let dossier_text = format!(
        "Officials said on Monday that 3,000 people had left. \"We are leaving,\" said Ana Ruiz.\n{}\n",
        AnalysisHold::MARKER
    );
    client.open(dossier, "plaintext", 1, &dossier_text).await;
    let outline = client
        .request(
            "textDocument/documentSymbol",
            json!({ "textDocument": { "uri": dossier } }),
        )
        .await;
    let dossier_hover = json!({ "textDocument": { "uri": dossier }, "position": pos(0, 20) });
    let cancelled = client.request("textDocument/hover", dossier_hover).await;

    // Two requests wait for the dossier; the brief's hover is answered all the same.
    let hover = client.hover_text(BRIEF, pos(0, 20)).await;
    assert!(hover.contains("Thursday, Feb. 24, 2022"), "{hover}");
    let early = client.take_received(|message| answers(message, outline));
    assert_eq!(
        early,
        Vec::<Value>::new(),
        "the held analysis has not finished"
    );

    // A cancelled request is answered with RequestCancelled at once, while the analysis it
    // waited for still runs.
    client
        .notify("$/cancelRequest", json!({ "id": cancelled }))
        .await;
    let response = client.response(cancelled).await;
    assert_eq!(response["error"]["code"], -32800, "{response}");
    let early = client.take_received(|message| answers(message, outline));
    assert_eq!(
        early,
        Vec::<Value>::new(),
        "the held analysis has not finished"
    );

    // Released, the analysis answers the request that kept waiting, and is published.
    client
        .call_ok("copydesk/debugReleaseAnalysis", Value::Null)
        .await;
    let response = client.response(outline).await;
    // The outline is the dossier's: the speaker is in it.
    assert!(response["result"].is_array(), "{response}");
    assert!(
        response["result"].to_string().contains("\"Ana Ruiz\""),
        "{response}"
    );
    let codes: Vec<Value> = client
        .diagnostics(dossier, 1)
        .await
        .iter()
        .map(|diagnostic| diagnostic["code"].clone())
        .collect();
    assert!(codes.contains(&json!("relative-date")), "{codes:?}");
    let extra = client.take_received(|message| answers(message, cancelled));
    assert_eq!(
        extra,
        Vec::<Value>::new(),
        "a cancelled request is answered once"
    );
    assert_eq!(client.shutdown_and_exit().await, 0);
}

/// The next `window/showMessage`'s type and text.
async fn shown_message(client: &mut Client) -> (u64, String) {
    let message = client
        .wait_for("window/showMessage", |message| {
            message["method"] == "window/showMessage"
        })
        .await;
    (
        message["params"]["type"].as_u64().expect("a type"),
        message["params"]["message"]
            .as_str()
            .expect("a message")
            .to_string(),
    )
}

fn codes(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|diagnostic| diagnostic["code"].as_str().unwrap_or("").to_string())
        .collect()
}

/// Positions that are numbers but not LSP's unsigned 32-bit integers (character 2^32, line -1,
/// a fraction) are clamped into range and the edit applied, so the text stays the editor's.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn positions_outside_lsps_integers_are_clamped_and_applied() {
    let mut client = Client::initialized(None, fixed_settings()).await;
    let uri = "file:///clamped-numbers.txt";
    client
        .open(uri, "plaintext", 1, "The plant closed.\nIt reopened.")
        .await;
    let beyond = json!(4_294_967_296_u64);
    let edits = [
        // Character 2^32 is past the end of line 0: the end of the line.
        json!({ "range": { "start": { "line": 0, "character": beyond },
                           "end": { "line": 0, "character": beyond } },
                "text": " Workers left on Thursday." }),
        // Line -1 is line 0.
        json!({ "range": { "start": { "line": -1, "character": 0 },
                           "end": { "line": -1, "character": 3 } },
                "text": "A" }),
        // A fraction is rounded down.
        json!({ "range": { "start": { "line": 1, "character": 2.5 },
                           "end": { "line": 1, "character": 2.9 } },
                "text": " never" }),
    ];
    for (version, edit) in (2..).zip(edits) {
        client.change(uri, version, json!([edit])).await;
    }
    let clamped = client.diagnostics(uri, 4).await;
    let expected = "A plant closed. Workers left on Thursday.\nIt never reopened.";
    let fresh_uri = "file:///clamped-numbers-expected.txt";
    client.open(fresh_uri, "plaintext", 1, expected).await;
    let fresh = client.diagnostics(fresh_uri, 1).await;
    assert!(
        codes(&fresh).contains(&"relative-date".to_string()),
        "{fresh:?}"
    );
    assert_eq!(clamped, fresh);
    let shown = client.take_received(|message| message["method"] == "window/showMessage");
    assert_eq!(shown, Vec::<Value>::new(), "clamping needs no warning");
    assert_eq!(client.shutdown_and_exit().await, 0);
}

/// An edit whose positions cannot be read at all is not dropped in silence: the user is warned,
/// the draft is reported as not checked (its text is no longer the editor's), later edits by
/// range are not applied to the wrong text, and the whole text brings the draft back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_edit_that_cannot_be_read_stops_checking_until_the_whole_text_comes() {
    let mut client = Client::initialized(None, fixed_settings()).await;
    let uri = "file:///unreadable-edit.txt";
    client
        .open(uri, "plaintext", 1, "The plant closed on Thursday.")
        .await;
    assert_eq!(codes(&client.diagnostics(uri, 1).await), ["relative-date"]);

    client
        .change(
            uri,
            2,
            json!([{ "range": range(json!({ "line": "one", "character": 0 }), pos(0, 3)),
                     "text": "A" }]),
        )
        .await;
    let (kind, text) = shown_message(&mut client).await;
    assert_eq!(kind, 2, "a warning: {text}");
    assert!(text.contains(uri) && text.contains("reopen"), "{text}");
    // Published again under the last version the server applied, as not checked.
    let lost = client.diagnostics(uri, 1).await;
    assert_eq!(codes(&lost), ["not-checked"], "{lost:?}");
    assert!(
        lost[0]["message"].as_str().unwrap().contains("lost track"),
        "{lost:?}"
    );

    // An edit by range would land in text the editor no longer has: still not checked.
    client
        .change(
            uri,
            3,
            json!([{ "range": range(pos(0, 0), pos(0, 3)), "text": "A" }]),
        )
        .await;
    assert_eq!(codes(&client.diagnostics(uri, 3).await), ["not-checked"]);

    // The whole text (a change without a range) is the editor's text again.
    let whole = "Workers left on Monday.";
    client.change(uri, 4, json!([{ "text": whole }])).await;
    let back = client.diagnostics(uri, 4).await;
    let fresh_uri = "file:///unreadable-edit-expected.txt";
    client.open(fresh_uri, "plaintext", 1, whole).await;
    assert_eq!(back, client.diagnostics(fresh_uri, 1).await);
    assert_eq!(codes(&back), ["relative-date"]);
    assert_eq!(client.shutdown_and_exit().await, 0);
}

/// Settings of the right name but unusable shape or size are reported, never ignored: the rest
/// of the settings still apply.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unusable_figures_and_debounce_settings_are_reported() {
    let mut client = Client::initialized(None, fixed_settings()).await;
    client.open(BRIEF, "plaintext", 1, BRIEF_TEXT).await;
    client.diagnostics(BRIEF, 1).await;
    for (settings, expected) in [
        (
            json!({ "figures": 5 }),
            "figures must be an object such as {\"minCount\": 10}, not 5",
        ),
        (
            json!({ "figures": { "minimum": 3 } }),
            "unknown setting copydesk.figures.minimum",
        ),
        (
            json!({ "debounceMs": 60_000 }),
            "debounceMs is at most 10000 (ten seconds); 60000 was read as 10000",
        ),
    ] {
        client
            .notify(
                "workspace/didChangeConfiguration",
                json!({ "settings": { "copydesk": settings } }),
            )
            .await;
        let (kind, text) = shown_message(&mut client).await;
        assert_eq!(kind, 2, "a warning: {text}");
        assert!(text.contains(expected), "{expected:?} in {text:?}");
    }
    // The capped debounce is in force, not dropped: the open draft is still checked again after
    // the settings change (ten seconds later at most, so it is asked for by a request here).
    let hover = client.hover_text(BRIEF, pos(0, 20)).await;
    assert!(hover.contains("Thursday, Feb. 24, 2022"), "{hover}");
    assert_eq!(client.shutdown_and_exit().await, 0);
}

fn workspace(name: &str) -> PathBuf {
    let folder = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("lsp-hostile")
        .join(name);
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    folder
}

/// Makes something at a path: a folder, a FIFO, a link.
type MakePath = fn(&Path);

/// A house rules file that is a folder, a FIFO, a link to a device or a broken link is reported
/// (reading a FIFO or a device would block or never end) and the draft is still checked, with
/// the defaults; none of them lets a house rules file further up take its place in silence.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_house_rules_path_that_is_no_file_is_reported() {
    let make: [(&str, MakePath, &str); 4] = [
        (
            "folder",
            |path| std::fs::create_dir(path).unwrap(),
            "is a folder, not a house rules file",
        ),
        (
            "fifo",
            |path| {
                let made = Command::new("mkfifo").arg(path).status().expect("mkfifo");
                assert!(made.success());
            },
            "is not a regular file (a pipe, socket or device)",
        ),
        (
            "device",
            |path| std::os::unix::fs::symlink("/dev/zero", path).unwrap(),
            "is not a regular file (a pipe, socket or device)",
        ),
        (
            "dangling",
            |path| std::os::unix::fs::symlink("gone.toml", path).unwrap(),
            "is a link to gone.toml, which does not exist",
        ),
    ];
    for (name, make, expected) in make {
        let root = workspace(name);
        // A good file above would silence the rule; it must not be used instead.
        std::fs::write(
            root.join(".copydesk.toml"),
            "[rules.relative-date]\nenabled = false\n",
        )
        .unwrap();
        let desk = root.join("desk");
        std::fs::create_dir(&desk).unwrap();
        let rules = desk.join(".copydesk.toml");
        make(&rules);
        let mut client = Client::initialized_with(
            Some(&format!("file://{}", root.display())),
            json!({}),
            fixed_settings(),
        )
        .await;
        let draft = format!("file://{}", desk.join("draft.md").display());
        client.open(&draft, "markdown", 1, BRIEF_TEXT).await;
        let (kind, text) = shown_message(&mut client).await;
        assert_eq!(kind, 2, "{name}: a warning: {text}");
        assert!(
            text.contains(&format!("{}", rules.display())) && text.contains(expected),
            "{name}: {expected:?} in {text:?}"
        );
        let diagnostics = client.diagnostics(&draft, 1).await;
        assert_eq!(codes(&diagnostics), ["relative-date"], "{name}");
        assert_eq!(client.shutdown_and_exit().await, 0, "{name}");
    }
}
