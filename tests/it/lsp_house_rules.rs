//! House rules and suppressions in the editor, through the real transport: diagnostics on a
//! broken `.copydesk.toml` (the last good version stays in force), re-checks when the watched
//! file changes (registered dynamically), editor settings over the file, and the suppression
//! code actions with snippet placeholders.

#[allow(dead_code)] // The helpers serve several test files; this one uses some of them.
use crate::support;

use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use support::{pos, range_of, Client, Encoding};

fn workspace(name: &str) -> PathBuf {
    let folder = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("lsp-house-rules")
        .join(name);
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    folder
}

fn uri_of(path: &Path) -> String {
    format!("file://{}", path.display())
}

async fn start(root: &Path, capabilities: Value) -> Client {
    Client::initialized_with(
        Some(&uri_of(root)),
        capabilities,
        json!({ "debounceMs": 0, "referenceDate": "2026-03-04" }),
    )
    .await
}

/// Waits for the next diagnostics of `uri` and returns their (code, severity) pairs.
async fn next_diagnostics(client: &mut Client, uri: &str) -> Vec<(String, u64)> {
    let published = client
        .wait_for(&format!("diagnostics of {uri}"), |message| {
            message["method"] == "textDocument/publishDiagnostics"
                && message["params"]["uri"] == uri
        })
        .await;
    published["params"]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|diagnostic| {
            (
                diagnostic["code"].as_str().unwrap_or("").to_string(),
                diagnostic["severity"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

async fn file_changed(client: &mut Client, path: &Path, change_type: u32) {
    client
        .notify(
            "workspace/didChangeWatchedFiles",
            json!({ "changes": [{ "uri": uri_of(path), "type": change_type }] }),
        )
        .await;
}

const DRAFT: &str = "The ferry carried 41,300 passengers a month.\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn house_rules_apply_errors_are_shown_on_the_file_and_changes_recheck_drafts() {
    let root = workspace("watch");
    let config = root.join(".copydesk.toml");
    std::fs::write(&config, "[rules.unsourced-figure]\nseverity = \"error\"\n").unwrap();
    let mut client = start(
        &root,
        json!({ "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } } }),
    )
    .await;
    // The server asks to watch the house rules files, with an id in its own namespace.
    let registration = client
        .wait_for("client/registerCapability", |message| {
            message["method"] == "client/registerCapability"
        })
        .await;
    assert!(registration["id"]
        .as_str()
        .unwrap()
        .starts_with("copydesk/"));
    let registered = &registration["params"]["registrations"][0];
    assert_eq!(registered["method"], "workspace/didChangeWatchedFiles");
    assert_eq!(
        registered["registerOptions"]["watchers"],
        json!([{ "globPattern": "**/.copydesk.toml" }, { "globPattern": "**/copydesk.toml" }])
    );
    // The client's answer is taken by the framing layer, not passed to tower-lsp.
    client
        .send(&json!({ "jsonrpc": "2.0", "id": registration["id"], "result": null }))
        .await;

    let draft = root.join("story.txt");
    let draft_uri = uri_of(&draft);
    client.open(&draft_uri, "plaintext", 1, DRAFT).await;
    let config_uri = uri_of(&config);
    // The file is good: its diagnostics are cleared, and the figure is an error by house rule.
    assert_eq!(next_diagnostics(&mut client, &config_uri).await, vec![]);
    assert_eq!(
        next_diagnostics(&mut client, &draft_uri).await,
        vec![("unsourced-figure".to_string(), 1)]
    );

    // A mistake: reported on the file at its place, and the last good rules stay in force.
    std::fs::write(&config, "[rules.unsourced-figure]\nseverity = \"loud\"\n").unwrap();
    file_changed(&mut client, &config, 2).await;
    let published = client
        .wait_for("config diagnostics", |message| {
            message["method"] == "textDocument/publishDiagnostics"
                && message["params"]["uri"] == config_uri.as_str()
        })
        .await;
    let problem = &published["params"]["diagnostics"][0];
    assert_eq!(
        problem["range"]["start"],
        json!({ "line": 1, "character": 11 })
    );
    assert_eq!(problem["severity"], 1);
    let message = problem["message"].as_str().unwrap();
    assert!(message.contains("rules.unsourced-figure.severity must be \"error\", \"warning\", \"information\" or \"hint\", not the string \"loud\""), "{message}");
    assert_eq!(
        next_diagnostics(&mut client, &draft_uri).await,
        vec![("unsourced-figure".to_string(), 1)]
    );

    // Fixed: the file's diagnostics clear and the draft is checked again, no restart.
    std::fs::write(&config, "[rules.unsourced-figure]\nseverity = \"hint\"\n").unwrap();
    file_changed(&mut client, &config, 2).await;
    assert_eq!(next_diagnostics(&mut client, &config_uri).await, vec![]);
    assert_eq!(
        next_diagnostics(&mut client, &draft_uri).await,
        vec![("unsourced-figure".to_string(), 4)]
    );

    // Editor settings override the file.
    client
        .notify(
            "workspace/didChangeConfiguration",
            json!({ "settings": { "copydesk": { "rules": { "unsourced-figure": "warning" } } } }),
        )
        .await;
    assert_eq!(
        next_diagnostics(&mut client, &draft_uri).await,
        vec![("unsourced-figure".to_string(), 2)]
    );

    // Deleted: the defaults apply again.
    client
        .notify(
            "workspace/didChangeConfiguration",
            json!({ "settings": { "copydesk": { "rules": { "unsourced-figure": "on" } } } }),
        )
        .await;
    assert_eq!(
        next_diagnostics(&mut client, &draft_uri).await,
        vec![("unsourced-figure".to_string(), 4)]
    );
    std::fs::remove_file(&config).unwrap();
    file_changed(&mut client, &config, 3).await;
    assert_eq!(
        next_diagnostics(&mut client, &draft_uri).await,
        vec![("unsourced-figure".to_string(), 2)]
    );
    assert_eq!(client.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_registration_without_dynamic_registration_support() {
    let root = workspace("no-watch");
    let mut client = start(&root, json!({})).await;
    let uri = uri_of(&root.join("a.txt"));
    client.open(&uri, "plaintext", 1, DRAFT).await;
    client.diagnostics(&uri, 1).await;
    assert!(client
        .take_received(|message| message["method"] == "client/registerCapability")
        .is_empty());
    assert_eq!(client.shutdown_and_exit().await, 0);
}

fn edit_text(action: &Value) -> String {
    if let Some(changes) = action["edit"]["documentChanges"].as_array() {
        return changes[0]["edits"][0]["snippet"]["value"]
            .as_str()
            .unwrap()
            .to_string();
    }
    let changes = action["edit"]["changes"].as_object().unwrap();
    changes.values().next().unwrap()[0]["newText"]
        .as_str()
        .unwrap()
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_finding_can_be_marked_as_checked_or_disabled_in_the_file() {
    let root = workspace("actions");
    let text = "# Ferry\n\nThe ferry carried 41,300 passengers a month.\nFares rose 30% in 2025.\n";
    for snippets in [true, false] {
        let mut client = start(
            &root,
            json!({ "workspace": { "workspaceEdit": { "snippetEditSupport": snippets } } }),
        )
        .await;
        let uri = uri_of(&root.join("story.md"));
        client.open(&uri, "markdown", 1, text).await;
        client.diagnostics(&uri, 1).await;
        let reason = if snippets { "${1:reason}" } else { "[REASON]" };

        // A finding on the first line of a paragraph: the comment goes on a line of its own.
        let actions = client
            .code_actions(&uri, range_of(text, "41,300", Encoding::Utf16))
            .await;
        let mark = actions
            .iter()
            .find(|action| action["title"] == "Mark as checked (add reason)")
            .expect("offered");
        assert_eq!(
            edit_text(mark),
            format!("<!-- copydesk-disable-next-line unsourced-figure -- {reason} -->\n")
        );
        assert_eq!(mark["data"], Value::Null);
        let disable = actions
            .iter()
            .find(|action| action["title"] == "Disable unsourced-figure in this file")
            .expect("offered");
        assert_eq!(
            edit_text(disable),
            format!("\n<!-- copydesk-disable-file unsourced-figure -- {reason} -->\n")
        );

        // Inside a paragraph the comment ends the line before, so the paragraph stays whole.
        let actions = client
            .code_actions(&uri, range_of(text, "30%", Encoding::Utf16))
            .await;
        let mark = actions
            .iter()
            .find(|action| action["title"] == "Mark as checked (add reason)")
            .expect("offered");
        assert_eq!(
            edit_text(mark),
            format!(" <!-- copydesk-disable-next-line unsourced-figure -- {reason} -->")
        );
        assert_eq!(client.shutdown_and_exit().await, 0);
    }
    // Applying the edit with a reason silences exactly that finding.
    let fixed = "# Ferry\n\nThe ferry carried 41,300 passengers a month. <!-- copydesk-disable-next-line unsourced-figure -- from the annual report -->\nFares rose 30% in 2025.\n";
    let mut settings = copydesk::analysis::Settings::new(jiff::civil::date(2026, 3, 4));
    settings.reference_date = Some(jiff::civil::date(2026, 3, 4));
    let analysis =
        copydesk::analysis::analyze(fixed, copydesk::analysis::Format::Markdown, &settings);
    let texts: Vec<&str> = analysis
        .findings
        .iter()
        .map(|finding| &fixed[finding.span.clone()])
        .collect();
    assert_eq!(texts, vec!["41,300"]);
}

/// A name listed in the house rules' `[dates] names` is no date finding in the editor, and the
/// hover over it says why, naming the house rules; the same words outside the name are a date.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_house_date_name_is_no_finding_and_its_hover_says_why() {
    let root = workspace("date-names");
    std::fs::write(
        root.join(".copydesk.toml"),
        "[dates]\nnames = [\"Monday market\"]\n",
    )
    .unwrap();
    let mut client = start(&root, json!({})).await;
    let draft = root.join("market.txt");
    let draft_uri = uri_of(&draft);
    let text = "Crowds filled the Monday market, which reopened on Monday.\n";
    client.open(&draft_uri, "plaintext", 1, text).await;
    let diagnostics = client.diagnostics(&draft_uri, 1).await;
    // Only the second Monday, a date, is a finding.
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    let last_monday = text.rfind("Monday").unwrap();
    assert_eq!(
        diagnostics[0]["range"]["start"]["character"],
        json!(last_monday)
    );
    let first_monday = text.find("Monday").unwrap() as u32;
    let hover = client.hover(&draft_uri, pos(0, first_monday + 2)).await;
    assert_eq!(
        hover["range"],
        range_of(text, "Monday market", client.encoding)
    );
    let value = hover["contents"]["value"].as_str().expect("hover text");
    assert!(value.contains("**copydesk: not a date**"), "{value:?}");
    assert!(
        value.contains("“Monday market” is a name in the house rules ([dates] names)"),
        "{value:?}"
    );
    assert_eq!(client.shutdown_and_exit().await, 0);
}
