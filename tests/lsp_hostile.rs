//! The language server under heavy and careless use, through the real transport: requests on a
//! draft whose analysis is still running hold up no request on another draft and can be
//! cancelled, edits and settings the server cannot use are said out loud, never dropped in
//! silence.
//!
//! Analyses are kept running for as long as a test needs with the test hook
//! [`AnalysisHold`]: what is asserted is the order and content of the answers, never a time.

#[allow(dead_code)] // The helpers serve several test files; this one uses some of them.
mod support;

use copydesk::lsp::state::AnalysisHold;
use serde_json::{json, Value};
use support::{pos, Client};

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
