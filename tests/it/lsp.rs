//! End-to-end tests of the language server: a real client speaks framed JSON-RPC to
//! `copydesk::lsp::serve` over in-memory pipes, so the framing layer, tower-lsp, the store and
//! the diagnostics worker are all exercised together exactly as an editor would use them.

use crate::support;

use serde_json::{json, Value};
use support::{apply_edits, pos, position_of, range, range_of, text_in, Client, Encoding};

/// Settings that make every test deterministic: no debounce delay, and a fixed publication date
/// (Monday, Feb. 28, 2022) instead of today's.
fn fixed_settings() -> Value {
    json!({ "debounceMs": 0, "referenceDate": "2022-02-28" })
}

/// A server in UTF-16 with [`fixed_settings`].
async fn initialized_client() -> Client {
    Client::initialized(None, fixed_settings()).await
}

/// A framed message with exactly the bytes given.
fn frame(body: &str) -> Vec<u8> {
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

/// Each diagnostic as `(code, the text its range covers)`, which is what a reader checks.
fn findings(text: &str, diagnostics: &[Value], encoding: Encoding) -> Vec<(String, String)> {
    diagnostics
        .iter()
        .map(|diagnostic| {
            assert_eq!(diagnostic["source"], "copydesk", "{diagnostic}");
            (
                diagnostic["code"].as_str().expect("a code").to_string(),
                text_in(text, &diagnostic["range"], encoding).to_string(),
            )
        })
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|&(code, text)| (code.to_string(), text.to_string()))
        .collect()
}

/// The single code action with the given title.
fn action_titled<'a>(actions: &'a [Value], title: &str) -> &'a Value {
    let matching: Vec<&Value> = actions
        .iter()
        .filter(|action| action["title"] == title)
        .collect();
    assert_eq!(
        matching.len(),
        1,
        "one action titled {title:?} in {actions:#?}"
    );
    matching[0]
}

/// The edits a code action makes to `uri`, after checking that it is a well-formed quick fix
/// for a diagnostic with `code`.
fn quickfix_edits(action: &Value, uri: &str, code: &str) -> Vec<Value> {
    assert_eq!(action["kind"], "quickfix", "{action}");
    let diagnostics = action["diagnostics"]
        .as_array()
        .expect("the action names its diagnostics");
    assert_eq!(diagnostics.len(), 1, "{action}");
    assert_eq!(diagnostics[0]["code"], code, "{action}");
    assert_eq!(diagnostics[0]["source"], "copydesk", "{action}");
    let changes = action["edit"]["changes"]
        .as_object()
        .expect("the action edits with `changes`");
    assert_eq!(changes.len(), 1, "only {uri} is edited: {action}");
    changes[uri].as_array().expect("edits of the uri").clone()
}

/// A document that proves the server is still serving: a hover on its relative date.
const ALIVE: &str = "file:///alive.txt";
const ALIVE_TEXT: &str = "The invasion began on Thursday.";

async fn open_alive(client: &mut Client) {
    client.open(ALIVE, "plaintext", 1, ALIVE_TEXT).await;
    let diagnostics = client.diagnostics(ALIVE, 1).await;
    assert_eq!(
        findings(ALIVE_TEXT, &diagnostics, client.encoding),
        pairs(&[("relative-date", "Thursday")])
    );
}

async fn assert_alive(client: &mut Client) {
    let thursday = range_of(ALIVE_TEXT, "Thursday", client.encoding);
    let hover = client.hover_text(ALIVE, thursday["start"].clone()).await;
    assert!(hover.contains("Feb. 24, 2022"), "{hover}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn initialize_negotiates_the_encoding_and_states_capabilities() {
    let cases: [(Option<&[&str]>, &str); 5] = [
        (Some(&["utf-8"]), "utf-8"),
        (Some(&["utf-32", "utf-16"]), "utf-32"),
        (Some(&["utf-16"]), "utf-16"),
        // An empty offer and no offer at all both leave the mandatory UTF-16.
        (Some(&[]), "utf-16"),
        (None, "utf-16"),
    ];
    for (offered, expected) in cases {
        let mut client = Client::start();
        let result = client.initialize(offered, fixed_settings()).await;
        let capabilities = &result["capabilities"];
        assert_eq!(capabilities["positionEncoding"], expected, "{offered:?}");
        assert_eq!(
            capabilities["textDocumentSync"],
            json!({ "openClose": true, "change": 2 })
        );
        assert_eq!(capabilities["hoverProvider"], true);
        assert_eq!(
            capabilities["codeActionProvider"]["codeActionKinds"],
            json!(["quickfix", "source.fixAll.copydesk"])
        );
        assert_eq!(
            capabilities["executeCommandProvider"]["commands"],
            json!(["copydesk.sheet"])
        );
        assert_eq!(result["serverInfo"]["name"], "copydesk");
        assert_eq!(client.shutdown_and_exit().await, 0);
    }
}

/// Emoji, an accented letter, a CRLF and a lone CR all come before the relative date. Line 2 is
/// "In Liège 😀 the plant closed on Thursday."; before "Thursday" stand "In Liège " (9
/// characters, 10 bytes because "è" takes two), the emoji (4 bytes, 2 UTF-16 units, 1 scalar
/// value) and " the plant closed on " (21 characters).
const POSITIONS_TEXT: &str = "😀😀 café\r\nx\rIn Liège 😀 the plant closed on Thursday.";

/// The columns of "Thursday" on its line in each encoding, worked out by hand as above.
fn thursday_columns(encoding: Encoding) -> (u32, u32) {
    match encoding {
        Encoding::Utf8 => (10 + 4 + 21, 10 + 4 + 21 + 8),
        Encoding::Utf16 => (9 + 2 + 21, 9 + 2 + 21 + 8),
        Encoding::Utf32 => (9 + 1 + 21, 9 + 1 + 21 + 8),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn diagnostic_positions_are_exact_in_every_encoding() {
    // The same text as plain text (dated by the setting) and as Markdown under front matter,
    // which moves it down three lines.
    let front_matter = "---\ndate: 2022-02-28\n---\n";
    let markdown = format!("{front_matter}{POSITIONS_TEXT}");
    let documents = [
        ("file:///positions.txt", "plaintext", POSITIONS_TEXT, 2),
        ("file:///positions.md", "markdown", markdown.as_str(), 5),
    ];
    for encoding in Encoding::ALL {
        let mut client = Client::initialized(Some(&[encoding.name()]), fixed_settings()).await;
        assert_eq!(client.encoding, encoding);
        let (start, end) = thursday_columns(encoding);
        for (uri, language_id, text, line) in documents {
            client.open(uri, language_id, 1, text).await;
            let diagnostics = client.diagnostics(uri, 1).await;
            assert_eq!(diagnostics.len(), 1, "{encoding:?} {uri}: {diagnostics:#?}");
            let diagnostic = &diagnostics[0];
            let expected = range(pos(line, start), pos(line, end));
            assert_eq!(diagnostic["range"], expected, "{encoding:?} {uri}");
            assert_eq!(diagnostic["code"], "relative-date");
            assert_eq!(diagnostic["source"], "copydesk");
            assert_eq!(diagnostic["data"]["resolved"], "2022-02-24");
            // The hand-made columns and the test's own position arithmetic agree.
            assert_eq!(text_in(text, &expected, encoding), "Thursday");

            // Positions sent by the client are read in the same units: the space before the
            // date has no hover, the first and last letters of the date do.
            assert_eq!(client.hover(uri, pos(line, start - 1)).await, Value::Null);
            let at_start = client.hover(uri, pos(line, start)).await;
            assert_eq!(at_start["range"], expected, "{encoding:?} {uri}");
            let at_end = client.hover(uri, pos(line, end - 1)).await;
            assert_eq!(at_end["range"], expected, "{encoding:?} {uri}");
        }
        assert_eq!(client.shutdown_and_exit().await, 0);
    }
}

/// The draft typed key by key in the typing tests. Every paragraph holds a finding near its end
/// and most hold characters that are wider than one unit in some encoding, so an edit applied
/// at a wrong position moves or removes a finding that the test compares.
const TYPED_TEXT: &str = "In Liège 😀 the plant closed on Thursday.\n\n\
Officials in Zürich met last week and will meet again tomorrow.\n\n\
“It is a disaster for the whole town and everyone who lives in it.”\n\n\
The café 😀 chain laid off 1,500 workers.\r\n\r\n\
Prices rose 12% in São Paulo yesterday.\n\n\
“We will rebuild,” the mayor said on Monday.\n\n\
Police said 300 people were evacuated overnight.\n\n\
The €2 billion deal was signed on Friday.";

/// What copydesk finds in [`TYPED_TEXT`] with the publication date Feb. 28, 2022.
const TYPED_FINDINGS: &[(&str, &str)] = &[
    ("relative-date", "Thursday"),
    ("relative-date", "last week"),
    ("relative-date", "tomorrow"),
    (
        "unattributed-quote",
        "“It is a disaster for the whole town and everyone who lives in it.”",
    ),
    ("unsourced-figure", "1,500"),
    ("unsourced-figure", "12%"),
    ("relative-date", "yesterday"),
    ("relative-date", "Monday"),
    ("relative-date", "overnight"),
    ("unsourced-figure", "€2 billion"),
    ("relative-date", "Friday"),
];

/// One single-character edit, addressed by character index in the text as it is at that moment.
#[derive(Clone, Copy, Debug)]
enum Keystroke {
    Type { at: usize, c: char },
    Backspace { at: usize },
}

/// Mistyped characters of every width, so that deleting them needs correct ranges too.
const TYPOS: [char; 5] = ['x', '😀', 'é', '€', ' '];

/// A script of exactly `total` keystrokes that turns an empty document into `target`.
///
/// The first pass types the text in order (a CRLF as two keystrokes), making and deleting typos
/// along the way. Some characters are left out of it and inserted last, in the middle of lines
/// already typed: first the characters wider than one unit in some encoding, then the first
/// and last characters of every finding in `findings`. An insertion that the server places even
/// one unit off therefore breaks a finding that the test compares, which a misplaced letter
/// elsewhere in a line might not.
fn typing_script(target: &str, findings: &[(&str, &str)], total: usize) -> Vec<Keystroke> {
    let chars: Vec<char> = target.chars().collect();
    let char_index = |byte: usize| target[..byte].chars().count();
    let mut late: Vec<usize> = (0..chars.len())
        .filter(|&index| !chars[index].is_ascii() && !matches!(chars[index], '“' | '”'))
        .collect();
    for &(_, finding) in findings {
        let start = target
            .find(finding)
            .unwrap_or_else(|| panic!("{finding:?} is in the text"));
        let first = char_index(start);
        let last = char_index(start + finding.len()) - 1;
        for index in [first, last] {
            if !late.contains(&index) {
                late.push(index);
            }
        }
    }
    let mut present: Vec<bool> = (0..chars.len())
        .map(|index| !late.contains(&index))
        .collect();

    assert!(total >= chars.len() && (total - chars.len()) % 2 == 0);
    let typos = (total - chars.len()) / 2;
    let steps = chars.len() - late.len();
    assert!(typos <= steps, "too many typos to spread out");
    let mut script = Vec::with_capacity(total);
    let first_pass = (0..chars.len()).filter(|index| !late.contains(index));
    for (at, index) in first_pass.enumerate() {
        if (at + 1) * typos / steps > at * typos / steps {
            let c = TYPOS[script.len() % TYPOS.len()];
            script.push(Keystroke::Type { at, c });
            script.push(Keystroke::Backspace { at });
        }
        script.push(Keystroke::Type {
            at,
            c: chars[index],
        });
    }
    for index in late {
        let at = present[..index].iter().filter(|&&present| present).count();
        script.push(Keystroke::Type {
            at,
            c: chars[index],
        });
        present[index] = true;
    }
    script
}

fn byte_index(text: &str, char_index: usize) -> usize {
    text.char_indices()
        .nth(char_index)
        .map_or(text.len(), |(byte, _)| byte)
}

impl Keystroke {
    /// Applies the keystroke to the test's copy of the text and returns the LSP content change
    /// that describes it.
    fn apply(self, text: &mut String, encoding: Encoding) -> Value {
        match self {
            Keystroke::Type { at, c } => {
                let offset = byte_index(text, at);
                let position = position_of(text, offset, encoding);
                text.insert(offset, c);
                json!({ "range": range(position.clone(), position), "text": c.to_string() })
            }
            Keystroke::Backspace { at } => {
                let start = byte_index(text, at);
                let end = byte_index(text, at + 1);
                let change = json!({
                    "range": range(position_of(text, start, encoding), position_of(text, end, encoding)),
                    "text": "",
                });
                text.replace_range(start..end, "");
                change
            }
        }
    }
}

/// Types [`TYPED_TEXT`] in 1,000 edits sent without waiting, then proves that the server's copy
/// is exactly the expected text: the diagnostics of the typed document equal, range for range,
/// those of a second document opened with the expected text.
async fn type_a_draft(offered: &str, options: Value) {
    const TYPED: &str = "file:///typed.txt";
    const FRESH: &str = "file:///fresh.txt";
    let mut client = Client::initialized(Some(&[offered]), options).await;
    let encoding = Encoding::from_name(offered);
    assert_eq!(client.encoding, encoding);

    let script = typing_script(TYPED_TEXT, TYPED_FINDINGS, 1000);
    assert_eq!(script.len(), 1000);
    client.open(TYPED, "plaintext", 1, "").await;
    let mut text = String::new();
    for (index, keystroke) in script.into_iter().enumerate() {
        let change = keystroke.apply(&mut text, encoding);
        client
            .change(TYPED, index as i32 + 2, json!([change]))
            .await;
    }
    assert_eq!(text, TYPED_TEXT, "the script itself types the draft");

    // A request round trip on content that only the final text has: the first line's date is
    // completed by the last keystrokes, and the hover range is computed from the server's text.
    let thursday = range_of(TYPED_TEXT, "Thursday", encoding);
    let hover = client.hover(TYPED, thursday["start"].clone()).await;
    assert_eq!(hover["range"], thursday, "{hover}");

    let typed = client.diagnostics(TYPED, 1001).await;
    client.open(FRESH, "plaintext", 1, TYPED_TEXT).await;
    let fresh = client.diagnostics(FRESH, 1).await;
    assert_eq!(
        findings(TYPED_TEXT, &fresh, encoding),
        pairs(TYPED_FINDINGS),
        "{encoding:?}"
    );
    assert_eq!(typed, fresh, "{encoding:?}");
    assert_eq!(client.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_edits_in_utf16_are_applied_in_order() {
    type_a_draft("utf-16", fixed_settings()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_edits_in_utf8_are_applied_in_order() {
    type_a_draft("utf-8", fixed_settings()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_edits_in_utf32_are_applied_in_order() {
    type_a_draft("utf-32", fixed_settings()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_edits_with_the_default_debounce_are_applied_in_order() {
    type_a_draft("utf-16", json!({ "referenceDate": "2022-02-28" })).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_opened_version_is_published_even_when_clean() {
    let mut client = initialized_client().await;
    let clean = "file:///clean.txt";
    client
        .open(
            clean,
            "plaintext",
            1,
            "Residents said the weather was fine.\n",
        )
        .await;
    assert_eq!(client.diagnostics(clean, 1).await, Vec::<Value>::new());

    let empty = "file:///empty.md";
    client.open(empty, "markdown", 3, "").await;
    assert_eq!(client.diagnostics(empty, 3).await, Vec::<Value>::new());

    let draft = "file:///draft.md";
    let text = "The invasion began on Thursday.\n";
    client.open(draft, "markdown", 7, text).await;
    let diagnostics = client.diagnostics(draft, 7).await;
    assert_eq!(
        findings(text, &diagnostics, client.encoding),
        pairs(&[("relative-date", "Thursday")])
    );

    // Fixing the last finding publishes the empty list for the new version.
    client
        .change(draft, 8, json!([{ "text": "Nothing to see here.\n" }]))
        .await;
    assert_eq!(client.diagnostics(draft, 8).await, Vec::<Value>::new());

    // Reopening with a version number already used is a new generation and is published again.
    client.close(clean).await;
    assert_eq!(
        client.published(clean, None).await["diagnostics"],
        json!([])
    );
    client
        .open(
            clean,
            "plaintext",
            1,
            "Residents said the weather was fine.\n",
        )
        .await;
    assert_eq!(client.diagnostics(clean, 1).await, Vec::<Value>::new());
    assert_eq!(client.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hover_explains_why_a_weekday_in_a_name_is_not_a_date() {
    let mut client = Client::initialized(None, json!({ "debounceMs": 0 })).await;
    let uri = "file:///names.md";
    let text =
        "---\ndate: 2022-02-28\n---\nShe watched Monday Night Football in USA Today's lounge.\n";
    client.open(uri, "markdown", 1, text).await;
    // Neither name is a date finding.
    assert_eq!(client.diagnostics(uri, 1).await, Vec::<Value>::new());
    let football = range_of(text, "Monday Night Football", client.encoding);
    let hover = client.hover(uri, pos(3, 14)).await;
    assert_eq!(hover["range"], football);
    let value = hover["contents"]["value"].as_str().expect("hover text");
    assert!(value.contains("**copydesk: not a date**"), "{value:?}");
    assert!(value.contains("capitalised part of the day"), "{value:?}");
    let today = client.hover_text(uri, pos(3, 42)).await;
    assert!(
        today.contains("“Today” is capitalised inside a sentence"),
        "{today:?}"
    );
    // Over an ordinary word there is still nothing to say.
    assert_eq!(client.hover(uri, pos(3, 5)).await, Value::Null);
    assert_eq!(client.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hover_explains_a_relative_date_and_its_publication_date() {
    // The setting says June 1, 2021, but front matter takes precedence in the Markdown draft.
    let mut client = Client::initialized(
        None,
        json!({ "debounceMs": 0, "referenceDate": "2021-06-01" }),
    )
    .await;
    let markdown = "file:///hover.md";
    let markdown_text = "---\ndate: 2022-02-28\n---\nThe invasion began on Thursday.\n";
    client.open(markdown, "markdown", 1, markdown_text).await;
    let thursday = range_of(markdown_text, "Thursday", client.encoding);
    assert_eq!(thursday, range(pos(3, 22), pos(3, 30)));
    let hover = client.hover(markdown, pos(3, 25)).await;
    assert_eq!(hover["range"], thursday);
    assert_eq!(hover["contents"]["kind"], "markdown");
    let value = hover["contents"]["value"].as_str().expect("hover text");
    for expected in [
        "**copydesk: relative-date**",
        "“Thursday” = Thursday, Feb. 24, 2022.",
        "Publication date: Monday, Feb. 28, 2022 (from the front matter).",
    ] {
        assert!(value.contains(expected), "{expected:?} in {value:?}");
    }
    // The diagnostic's message is shown by the editor already, next to the hover.
    assert!(
        !value.contains("Relative date: “Thursday” means"),
        "the hover repeats the diagnostic's message: {value:?}"
    );
    // Away from any finding there is nothing to say, in the body and in the front matter.
    assert_eq!(client.hover(markdown, pos(3, 2)).await, Value::Null);
    assert_eq!(client.hover(markdown, pos(1, 3)).await, Value::Null);

    let plain = "file:///hover.txt";
    client.open(plain, "plaintext", 1, ALIVE_TEXT).await;
    let value = client.hover_text(plain, pos(0, 22)).await;
    for expected in [
        "“Thursday” = Thursday, May 27, 2021.",
        "Publication date: Tuesday, June 1, 2021 (from the copydesk.referenceDate setting).",
    ] {
        assert!(value.contains(expected), "{expected:?} in {value:?}");
    }
    assert_eq!(client.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inlay_hints_show_absolute_dates_and_follow_the_settings() {
    let mut client = Client::initialized(
        None,
        json!({ "debounceMs": 0, "referenceDate": "2022-02-28" }),
    )
    .await;
    let uri = "file:///hints.txt";
    let text = "It began on Thursday. Prices fell last month.\n";
    client.open(uri, "plaintext", 1, text).await;
    let whole = range(pos(0, 0), pos(1, 0));
    let hints = client
        .call_ok(
            "textDocument/inlayHint",
            json!({ "textDocument": { "uri": uri }, "range": whole }),
        )
        .await;
    let labels: Vec<(Value, Value)> = hints
        .as_array()
        .expect("a list of hints")
        .iter()
        .map(|hint| (hint["position"].clone(), hint["label"].clone()))
        .collect();
    assert_eq!(
        labels,
        vec![
            (pos(0, 20), json!("(Feb. 24)")),
            (pos(0, 44), json!("(January)"))
        ]
    );
    client
        .notify(
            "workspace/didChangeConfiguration",
            json!({ "settings": { "copydesk": { "dates": { "style": "iso", "inlayHints": true } } } }),
        )
        .await;
    let hints = client
        .call_ok(
            "textDocument/inlayHint",
            json!({ "textDocument": { "uri": uri }, "range": whole }),
        )
        .await;
    assert_eq!(hints[0]["label"], "(2022-02-24)", "{hints}");
    client
        .notify(
            "workspace/didChangeConfiguration",
            json!({ "settings": { "copydesk": { "dates": { "inlayHints": false } } } }),
        )
        .await;
    let hints = client
        .call_ok(
            "textDocument/inlayHint",
            json!({ "textDocument": { "uri": uri }, "range": whole }),
        )
        .await;
    assert_eq!(hints, json!([]));
    assert_eq!(client.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_settings_change_asks_the_client_to_refresh_inlay_hints() {
    let mut client = Client::initialized_with(
        None,
        json!({ "workspace": { "inlayHint": { "refreshSupport": true } } }),
        json!({ "debounceMs": 0 }),
    )
    .await;
    client
        .notify(
            "workspace/didChangeConfiguration",
            json!({ "settings": { "copydesk": { "dates": { "style": "iso" } } } }),
        )
        .await;
    let refresh = client
        .wait_for("an inlay hint refresh request", |message| {
            message["method"] == "workspace/inlayHint/refresh"
        })
        .await;
    // The client's answer is copydesk's own business: it must not confuse the server.
    client
        .send(&json!({ "jsonrpc": "2.0", "id": refresh["id"], "result": null }))
        .await;
    let symbols = client
        .call(
            "textDocument/documentSymbol",
            json!({ "textDocument": { "uri": "file:///none.md" } }),
        )
        .await;
    assert_eq!(symbols["result"], Value::Null, "{symbols}");
    assert_eq!(client.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fix_all_relative_dates_is_one_action() {
    let mut client = Client::initialized(
        None,
        json!({ "debounceMs": 0, "referenceDate": "2022-02-28" }),
    )
    .await;
    let uri = "file:///fixall.txt";
    let text =
        "It began on Thursday. Prices fell last month. \"We will meet on Friday,\" she said.\n";
    client.open(uri, "plaintext", 1, text).await;
    let actions = client
        .call_ok(
            "textDocument/codeAction",
            json!({
                "textDocument": { "uri": uri },
                "range": range(pos(0, 0), pos(0, 0)),
                "context": { "diagnostics": [], "only": ["source.fixAll"] },
            }),
        )
        .await;
    let actions = actions.as_array().expect("a list of actions");
    assert_eq!(actions.len(), 1, "{actions:?}");
    assert_eq!(actions[0]["kind"], "source.fixAll.copydesk");
    let edits = actions[0]["edit"]["changes"][uri]
        .as_array()
        .expect("edits")
        .clone();
    assert_eq!(
        apply_edits(text, &edits, client.encoding),
        "It began on Feb. 24. Prices fell in January. \"We will meet on Friday [March 4],\" she said.\n"
    );
    // Asking for quick fixes only leaves it out.
    let quick = client
        .call_ok(
            "textDocument/codeAction",
            json!({
                "textDocument": { "uri": uri },
                "range": range(pos(0, 14), pos(0, 14)),
                "context": { "diagnostics": [], "only": ["quickfix"] },
            }),
        )
        .await;
    assert!(
        quick
            .as_array()
            .expect("actions")
            .iter()
            .all(|action| action["kind"] == "quickfix"),
        "{quick}"
    );
    assert_eq!(client.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_assumed_publication_date_is_set_first_and_never_fixed_in_bulk() {
    // No reference date: the server assumes today's date, whatever day the test runs.
    let mut client = Client::initialized(None, json!({ "debounceMs": 0 })).await;
    let uri = "file:///undated.md";
    let text = "# Vote\n\nThe vote was on Thursday. Prices fell last month.\n";
    client.open(uri, "markdown", 1, text).await;
    client.diagnostics(uri, 1).await;
    let actions = client
        .code_actions(uri, range_of(text, "Thursday", client.encoding))
        .await;
    let titles: Vec<&str> = actions
        .iter()
        .map(|action| action["title"].as_str().unwrap_or(""))
        .collect();
    assert!(
        titles[0].starts_with("Set the publication date: add front matter “date: "),
        "{titles:?}"
    );
    assert_eq!(actions[0]["isPreferred"], true);
    assert!(titles[1].ends_with(" (assuming today)"), "{titles:?}");
    assert!(titles[2].ends_with(" (assuming today)"), "{titles:?}");
    assert!(
        !titles.contains(&"Fix all relative dates in this file"),
        "{titles:?}"
    );
    // Setting the date writes front matter that the server then reads.
    let edits = quickfix_edits(&actions[0], uri, "relative-date");
    let fixed = apply_edits(text, &edits, client.encoding);
    assert!(fixed.starts_with("---\ndate: "), "{fixed}");
    assert!(fixed.ends_with("---\n\n# Vote\n\nThe vote was on Thursday. Prices fell last month.\n"));
    assert_eq!(client.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quotations_explain_themselves_and_outline_the_sources() {
    let mut client = Client::initialized_with(
        None,
        json!({ "textDocument": { "publishDiagnostics": { "relatedInformation": true } } }),
        json!({ "debounceMs": 0, "referenceDate": "2022-02-28" }),
    )
    .await;
    let uri = "file:///sources.txt";
    let text = "Mira Osei said: \"We will rebuild the pier before the summer.\"\n\n\"We will reopen the dock in spring.\"\n\n\"And we will stay on budget for all of it.\"\n\nThe plan, dubbed \"Pier Forward\", passed.\n\nLater, a voice from the back. \"Nobody asked the fishermen about any of this.\"\n";
    client.open(uri, "plaintext", 1, text).await;
    let diagnostics = client.diagnostics(uri, 1).await;
    let distant = diagnostics
        .iter()
        .find(|diagnostic| diagnostic["code"] == "distant-attribution")
        .expect("the third quote paragraph is two paragraphs from its speaker");
    assert_eq!(
        distant["message"],
        "Attribution is 2 paragraphs back: restate it?"
    );
    let related = &distant["relatedInformation"][0];
    assert_eq!(related["location"]["uri"], uri);
    assert_eq!(
        related["location"]["range"],
        range_of(text, "Mira Osei", client.encoding)
    );
    // A term is explained on hover, though it is no finding.
    let term = client.hover_text(uri, pos(6, 20)).await;
    assert!(
        term.contains("a title, name or slogan, not speech"),
        "{term}"
    );
    let speech = client.hover_text(uri, pos(0, 30)).await;
    assert!(
        speech.contains("Said by Mira Osei (said), found in the same sentence."),
        "{speech}"
    );
    let symbols = client
        .call_ok(
            "textDocument/documentSymbol",
            json!({ "textDocument": { "uri": uri } }),
        )
        .await;
    let outline: Vec<(String, usize)> = symbols
        .as_array()
        .expect("symbols")
        .iter()
        .map(|group| {
            (
                group["name"].as_str().unwrap_or_default().to_string(),
                group["children"].as_array().map_or(0, Vec::len),
            )
        })
        .collect();
    assert_eq!(
        outline,
        vec![
            ("Mira Osei".to_string(), 3),
            ("Unattributed".to_string(), 1),
            ("People".to_string(), 1)
        ]
    );
    // Each group says how many it holds, in the singular for one.
    let details: Vec<&str> = symbols
        .as_array()
        .expect("symbols")
        .iter()
        .map(|group| group["detail"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(details, ["3 quotations", "1 quotation", "1 name"]);
    assert_eq!(client.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oversized_and_binary_drafts_are_reported_not_checked() {
    let mut client = Client::initialized(None, json!({ "debounceMs": 0 })).await;
    // 20 MB, four times the default 5 MB limit: one information diagnostic, no analysis.
    let huge = "The vote was held on Monday and 3,000 people came. ".repeat(400_000);
    client.open("file:///huge.txt", "plaintext", 1, &huge).await;
    let diagnostics = client.diagnostics("file:///huge.txt", 1).await;
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0]["code"], "not-checked");
    assert_eq!(diagnostics[0]["severity"], 3);
    let message = diagnostics[0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("too large to check"), "{message}");
    // NUL bytes mean a binary file, not a draft.
    client
        .open(
            "file:///binary.txt",
            "plaintext",
            1,
            "PK\u{0}\u{0}\u{3}binary",
        )
        .await;
    let diagnostics = client.diagnostics("file:///binary.txt", 1).await;
    assert_eq!(diagnostics[0]["code"], "not-checked");
    // The server still checks ordinary drafts afterwards.
    client
        .open("file:///small.txt", "plaintext", 1, "Turnout rose to 12%.")
        .await;
    let diagnostics = client.diagnostics("file:///small.txt", 1).await;
    assert_eq!(diagnostics[0]["code"], "unsourced-figure");
    assert_eq!(client.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sourced_figure_says_where_its_source_is() {
    let mut client = Client::initialized(
        None,
        json!({ "debounceMs": 0, "referenceDate": "2022-02-28" }),
    )
    .await;
    let uri = "file:///figures.txt";
    // The sentence between ends the board's reach: the rents are a new subject.
    let text =
        "Turnout rose to 41%, according to the election board. The hall was full. Rents rose 12%.\n";
    client.open(uri, "plaintext", 1, text).await;
    let sourced = client.hover_text(uri, pos(0, 17)).await;
    assert!(
        sourced.contains("Figure: 41% (percentage: 41%)."),
        "{sourced}"
    );
    assert!(
        sourced.contains("Source: “according to the election board”, at the end of the sentence."),
        "{sourced}"
    );
    let unsourced = client.hover_text(uri, pos(0, 85)).await;
    assert!(
        unsourced.contains("Source: none in this sentence."),
        "{unsourced}"
    );
    assert_eq!(client.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_publication_date_in_use_is_reported_for_status_bars() {
    let mut client = Client::initialized(
        None,
        json!({ "debounceMs": 0, "referenceDate": "2021-06-01" }),
    )
    .await;
    let markdown = "file:///dated.md";
    client
        .open(
            markdown,
            "markdown",
            1,
            "---\ndate: 2022-02-28\n---\nText.\n",
        )
        .await;
    let plain = "file:///undated.txt";
    client.open(plain, "plaintext", 1, "Text.\n").await;
    let dated = client
        .call(
            "copydesk/publicationDate",
            json!({ "textDocument": { "uri": markdown } }),
        )
        .await;
    assert_eq!(dated["result"]["date"], "2022-02-28", "{dated}");
    assert_eq!(dated["result"]["source"], "frontMatter");
    assert_eq!(
        dated["result"]["description"],
        "Monday, Feb. 28, 2022 (from the front matter)"
    );
    let undated = client
        .call(
            "copydesk/publicationDate",
            json!({ "textDocument": { "uri": plain } }),
        )
        .await;
    assert_eq!(undated["result"]["date"], "2021-06-01", "{undated}");
    assert_eq!(undated["result"]["source"], "setting");
    let unknown = client
        .call(
            "copydesk/publicationDate",
            json!({ "textDocument": { "uri": "file:///nope.md" } }),
        )
        .await;
    assert_eq!(unknown["result"], Value::Null, "{unknown}");
    assert_eq!(client.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn code_actions_fix_findings_of_the_current_text() {
    for offered in ["utf-8", "utf-16", "utf-32"] {
        let mut client = Client::initialized(Some(&[offered]), fixed_settings()).await;
        let encoding = client.encoding;
        let uri = "file:///fixes.txt";
        let text = "The café 😀 invasion began on Thursday.\nThe company laid off 1,200 workers.\n";
        client.open(uri, "plaintext", 1, text).await;
        let diagnostics = client.diagnostics(uri, 1).await;
        assert_eq!(
            findings(text, &diagnostics, encoding),
            pairs(&[("relative-date", "Thursday"), ("unsourced-figure", "1,200")])
        );

        let thursday = range_of(text, "Thursday", encoding);
        let actions = client.code_actions(uri, thursday.clone()).await;
        let action = action_titled(&actions, "Replace with “Feb. 24”");
        let edits = quickfix_edits(action, uri, "relative-date");
        assert_eq!(action["diagnostics"][0]["range"], thursday);
        assert_eq!(
            apply_edits(text, &edits, encoding),
            "The café 😀 invasion began on Feb. 24.\nThe company laid off 1,200 workers.\n"
        );

        // A cursor (an empty range) inside the figure is enough to be offered its fix.
        let figure = range_of(text, "1,200", encoding);
        let actions = client
            .code_actions(uri, range(figure["start"].clone(), figure["start"].clone()))
            .await;
        let action = action_titled(&actions, "Add a source: “according to [SOURCE]”");
        let edits = quickfix_edits(action, uri, "unsourced-figure");
        assert_eq!(
            apply_edits(text, &edits, encoding),
            "The café 😀 invasion began on Thursday.\nThe company laid off 1,200 workers, according to [SOURCE].\n"
        );

        // Once the date under the finding is rewritten, the old range is offered the new
        // date's fix and never the old one, even though no diagnostics were awaited.
        let edited = "The café 😀 invasion began on Friday.\nThe company laid off 1,200 workers.\n";
        client
            .change(uri, 2, json!([{ "range": thursday, "text": "Friday" }]))
            .await;
        let actions = client.code_actions(uri, thursday.clone()).await;
        let titles: Vec<&Value> = actions.iter().map(|action| &action["title"]).collect();
        assert_eq!(
            titles,
            [
                &json!("Replace with “Feb. 25”"),
                &json!("Add the date: “Friday, Feb. 25”"),
                &json!("Mark as checked (add reason)"),
                &json!("Disable relative-date in this file"),
                &json!("Fix all relative dates in this file"),
            ],
            "{offered}"
        );
        let edits = quickfix_edits(&actions[0], uri, "relative-date");
        assert_eq!(
            apply_edits(edited, &edits, encoding),
            "The café 😀 invasion began on Feb. 25.\nThe company laid off 1,200 workers.\n"
        );

        // Rewriting the figure as a small number removes its finding and its fix.
        let figure_now = range_of(edited, "1,200", encoding);
        client
            .change(uri, 3, json!([{ "range": figure_now, "text": "2" }]))
            .await;
        assert_eq!(
            client.code_actions(uri, figure_now).await,
            Vec::<Value>::new()
        );
        assert_eq!(client.shutdown_and_exit().await, 0);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn closing_a_document_clears_its_diagnostics() {
    let mut client = initialized_client().await;
    open_alive(&mut client).await;
    client.close(ALIVE).await;
    let cleared = client.published(ALIVE, None).await;
    assert_eq!(cleared["diagnostics"], json!([]));
    // A closed document is no longer known to the server.
    assert_eq!(client.hover(ALIVE, pos(0, 23)).await, Value::Null);
    assert_eq!(client.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_then_exit_returns_0() {
    let mut client = initialized_client().await;
    assert_eq!(client.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exit_without_shutdown_returns_1() {
    let mut client = initialized_client().await;
    client.notify("exit", Value::Null).await;
    assert_eq!(client.exit_code().await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn closed_input_ends_the_server() {
    let mut client = initialized_client().await;
    client.close_input();
    assert_eq!(client.exit_code().await, 1);

    // After a shutdown, losing the input is an orderly end.
    let mut client = initialized_client().await;
    assert_eq!(client.call_ok("shutdown", Value::Null).await, Value::Null);
    client.close_input();
    assert_eq!(client.exit_code().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_succeeds_with_null_empty_or_absent_params() {
    for params in [Some(Value::Null), Some(json!({})), None] {
        let mut client = initialized_client().await;
        let id = client.next_id();
        let mut request = json!({ "jsonrpc": "2.0", "id": id, "method": "shutdown" });
        if let Some(params) = &params {
            request["params"] = params.clone();
        }
        client.send(&request).await;
        let response = client.response(id).await;
        assert_eq!(
            response,
            json!({ "jsonrpc": "2.0", "id": id, "result": null }),
            "params {params:?}"
        );
        client.notify("exit", Value::Null).await;
        assert_eq!(client.exit_code().await, 0, "params {params:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_panicking_handler_becomes_an_error_response() {
    let mut client = initialized_client().await;
    open_alive(&mut client).await;
    let response = client.call("copydesk/debugPanic", json!({})).await;
    assert_eq!(response["error"]["code"], -32603, "{response}");
    assert!(response.get("result").is_none(), "{response}");
    assert_alive(&mut client).await;
    // A second panic is survived as well as the first.
    let response = client.call("copydesk/debugPanic", json!({})).await;
    assert_eq!(response["error"]["code"], -32603, "{response}");
    assert_alive(&mut client).await;
    assert_eq!(client.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_panicking_analysis_reports_not_checked() {
    let mut client = initialized_client().await;
    let uri = "file:///panic.txt";
    let text = format!(
        "The invasion began on Thursday.\n{}\n",
        copydesk::lsp::TEST_PANIC_MARKER
    );
    client.open(uri, "plaintext", 1, &text).await;
    let diagnostics = client.diagnostics(uri, 1).await;
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    let diagnostic = &diagnostics[0];
    assert_eq!(diagnostic["code"], "not-checked");
    assert_eq!(diagnostic["severity"], 3);
    assert_eq!(diagnostic["source"], "copydesk");
    assert_eq!(diagnostic["range"], range(pos(0, 0), pos(0, 0)));
    assert!(
        diagnostic["message"]
            .as_str()
            .is_some_and(|message| message.contains("internal error")),
        "{diagnostic}"
    );
    // A draft that could not be checked has no finding to hover over, and asking is harmless.
    assert_eq!(client.hover(uri, pos(0, 23)).await, Value::Null);

    // Other documents are still checked, and so is this one once the marker is gone.
    open_alive(&mut client).await;
    client.change(uri, 2, json!([{ "text": ALIVE_TEXT }])).await;
    let diagnostics = client.diagnostics(uri, 2).await;
    assert_eq!(
        findings(ALIVE_TEXT, &diagnostics, client.encoding),
        pairs(&[("relative-date", "Thursday")])
    );
    assert_eq!(client.shutdown_and_exit().await, 0);
}

/// A quotation whose opening mark comes 40 bytes after the middle of a two-byte letter, as names
/// from outside English easily place it. The draft must be checked like any other.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_quote_after_accented_names_is_checked() {
    let mut client = initialized_client().await;
    let uri = "file:///krakow.txt";
    let text =
        "Zoë Müller, the mayor of Kraków, wrote: “We will rebuild every home in the city.”\n\n\
The plant closed on Thursday.\n";
    client.open(uri, "plaintext", 1, text).await;
    let diagnostics = client.diagnostics(uri, 1).await;
    let codes: Vec<&Value> = diagnostics
        .iter()
        .map(|diagnostic| &diagnostic["code"])
        .collect();
    assert!(
        !codes.contains(&&json!("not-checked")),
        "the draft was not checked: {diagnostics:#?}"
    );
    assert!(
        findings(text, &diagnostics, client.encoding)
            .contains(&("relative-date".to_string(), "Thursday".to_string())),
        "{diagnostics:#?}"
    );
    assert_eq!(client.shutdown_and_exit().await, 0);
}

/// Whether a message is a response with `"id": null`, which is how errors about messages whose
/// id could not be read are sent. (Indexing a notification's missing id also gives null, so the
/// key is looked up explicitly.)
fn is_null_id_response(message: &Value) -> bool {
    message.get("method").is_none() && message.get("id") == Some(&Value::Null)
}

/// The codes of the null-id error responses received so far. Callers first wait for a later
/// response, so that every such error caused by earlier input has arrived.
fn null_id_error_codes(client: &mut Client) -> Vec<i64> {
    client
        .take_received(is_null_id_response)
        .iter()
        .map(|message| {
            message["error"]["code"]
                .as_i64()
                .unwrap_or_else(|| panic!("an error response: {message}"))
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_json_gets_a_parse_error() {
    let mut client = initialized_client().await;
    open_alive(&mut client).await;
    client
        .send_raw(&frame(r#"{"jsonrpc": "2.0", "id": 900, "method": "#))
        .await;
    let error = client.wait_for("a parse error", is_null_id_response).await;
    assert_eq!(error["error"]["code"], -32700, "{error}");
    assert_eq!(error["jsonrpc"], "2.0");
    assert_alive(&mut client).await;
    assert_eq!(null_id_error_codes(&mut client), Vec::<i64>::new());
    assert_eq!(client.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn broken_headers_are_survived() {
    let mut client = initialized_client().await;
    open_alive(&mut client).await;
    let hover = json!({
        "jsonrpc": "2.0", "id": 901, "method": "textDocument/hover",
        "params": { "textDocument": { "uri": ALIVE }, "position": pos(0, 23) },
    })
    .to_string();

    // A header block with no Content-Length: the message cannot be delimited and is dropped.
    let mut bytes = b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n".to_vec();
    bytes.extend_from_slice(hover.as_bytes());
    client.send_raw(&bytes).await;
    assert_alive(&mut client).await;
    assert_eq!(null_id_error_codes(&mut client), [-32700]);

    // A Content-Length five bytes short, as a client that counts characters instead of bytes
    // sends for non-ASCII text: the cut body is reported, and the next message is read.
    let short = format!("Content-Length: {}\r\n\r\n{hover}", hover.len() - 5);
    client.send_raw(short.as_bytes()).await;
    assert_alive(&mut client).await;
    assert_eq!(null_id_error_codes(&mut client), [-32700]);

    // A Content-Length that is not a number.
    client
        .send_raw(format!("Content-Length: lots\r\n\r\n{hover}").as_bytes())
        .await;
    assert_alive(&mut client).await;
    assert_eq!(null_id_error_codes(&mut client), [-32700]);
    assert_eq!(client.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn json_that_is_not_json_rpc_gets_invalid_request() {
    let mut client = initialized_client().await;
    open_alive(&mut client).await;

    client.send_raw(&frame("[1,2]")).await;
    let error = client
        .wait_for("an invalid-request error", is_null_id_response)
        .await;
    assert_eq!(error["error"]["code"], -32600, "{error}");
    assert_alive(&mut client).await;

    // Without "jsonrpc" the request is refused, and the reply still names its id.
    let id = client.next_id();
    let no_version = json!({
        "id": id, "method": "textDocument/hover",
        "params": { "textDocument": { "uri": ALIVE }, "position": pos(0, 23) },
    });
    client.send(&no_version).await;
    let error = client.response(id).await;
    assert_eq!(error["error"]["code"], -32600, "{error}");
    assert_alive(&mut client).await;

    // An id that is neither a number nor a string cannot be echoed, so the reply has id null.
    client
        .send_raw(&frame(
            r#"{"jsonrpc":"2.0","id":{"n":1},"method":"shutdown"}"#,
        ))
        .await;
    let error = client
        .wait_for("an invalid-request error", is_null_id_response)
        .await;
    assert_eq!(error["error"]["code"], -32600, "{error}");
    assert_alive(&mut client).await;
    assert_eq!(null_id_error_codes(&mut client), Vec::<i64>::new());
    assert_eq!(client.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_request_gets_method_not_found() {
    let mut client = initialized_client().await;
    open_alive(&mut client).await;
    let response = client.call("copydesk/noSuchMethod", json!({})).await;
    assert_eq!(response["error"]["code"], -32601, "{response}");
    assert_alive(&mut client).await;
    assert_eq!(client.shutdown_and_exit().await, 0);
}

/// The specification says a request whose method starts with "$/" that the server does not
/// know must be answered with MethodNotFound; only such notifications may be ignored.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_dollar_request_gets_method_not_found() {
    let mut client = initialized_client().await;
    open_alive(&mut client).await;
    let response = client.call("$/copydesk/noSuchRequest", json!({})).await;
    assert_eq!(response["error"]["code"], -32601, "{response}");
    assert_alive(&mut client).await;
    assert_eq!(client.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_before_initialize_gets_server_not_initialized() {
    let mut client = Client::start();
    let response = client
        .call(
            "textDocument/hover",
            json!({ "textDocument": { "uri": ALIVE }, "position": pos(0, 0) }),
        )
        .await;
    assert_eq!(response["error"]["code"], -32002, "{response}");
    client.initialize(None, fixed_settings()).await;
    open_alive(&mut client).await;
    assert_alive(&mut client).await;
    assert_eq!(client.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stray_notifications_are_harmless() {
    let mut client = initialized_client().await;
    open_alive(&mut client).await;
    let never_opened = "file:///never-opened.txt";
    client
        .change(
            never_opened,
            2,
            json!([{ "range": range(pos(0, 0), pos(0, 0)), "text": "The plant closed on Thursday." }]),
        )
        .await;
    client.close("file:///never-opened-either.txt").await;
    client
        .notify("$/cancelRequest", json!({ "id": 123_456 }))
        .await;
    client
        .notify("$/cancelRequest", json!({ "id": "no-such-request" }))
        .await;
    assert_alive(&mut client).await;
    // The edit did not open the document.
    assert_eq!(client.hover(never_opened, pos(0, 22)).await, Value::Null);
    assert_eq!(client.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn out_of_range_and_reversed_edits_are_clamped() {
    let mut client = initialized_client().await;
    let uri = "file:///clamped.txt";
    client
        .open(uri, "plaintext", 1, "The plant closed.\nIt reopened.")
        .await;
    // A reversed range means the same span as the forward one: "closed" is replaced.
    client
        .change(
            uri,
            2,
            json!([{ "range": range(pos(0, 16), pos(0, 10)), "text": "closed on Thursday" }]),
        )
        .await;
    // A character past the end of a line stops before its line break.
    client
        .change(
            uri,
            3,
            json!([{ "range": range(pos(0, 500), pos(0, 900)), "text": " Really." }]),
        )
        .await;
    // Past the end of the last line is the end of the document.
    client
        .change(
            uri,
            4,
            json!([{ "range": range(pos(1, 50), pos(1, 80)), "text": " Workers returned yesterday." }]),
        )
        .await;
    // Lines past the end of the document are the end of the document too, even reversed.
    client
        .change(
            uri,
            5,
            json!([{ "range": range(pos(12, 4), pos(9, 0)), "text": "\nThe company laid off 2,000 workers." }]),
        )
        .await;
    let expected = "The plant closed on Thursday. Really.\nIt reopened. Workers returned yesterday.\nThe company laid off 2,000 workers.";
    let clamped = client.diagnostics(uri, 5).await;
    let fresh_uri = "file:///clamped-expected.txt";
    client.open(fresh_uri, "plaintext", 1, expected).await;
    let fresh = client.diagnostics(fresh_uri, 1).await;
    assert_eq!(
        findings(expected, &fresh, client.encoding),
        pairs(&[
            ("relative-date", "Thursday"),
            ("relative-date", "yesterday"),
            ("unsourced-figure", "2,000"),
        ])
    );
    assert_eq!(clamped, fresh);
    assert_eq!(client.shutdown_and_exit().await, 0);
}

/// Waits for diagnostics of `uri` whose first relative date resolves to `resolved`.
async fn published_resolving(client: &mut Client, uri: &str, resolved: &str) -> Value {
    let what = format!("diagnostics of {uri} resolving to {resolved}");
    let notification = client
        .wait_for(&what, |message| {
            message["method"] == "textDocument/publishDiagnostics"
                && message["params"]["uri"] == uri
                && message["params"]["diagnostics"][0]["data"]["resolved"] == resolved
        })
        .await;
    notification["params"].clone()
}

async fn change_settings(client: &mut Client, section: Value) {
    client
        .notify(
            "workspace/didChangeConfiguration",
            json!({ "settings": { "copydesk": section } }),
        )
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_settings_change_republishes_open_drafts() {
    let mut client = initialized_client().await;
    open_alive(&mut client).await;
    change_settings(&mut client, json!({ "referenceDate": "2021-06-01" })).await;
    // The text did not change, so the draft is published again with the same version.
    let published = published_resolving(&mut client, ALIVE, "2021-05-27").await;
    assert_eq!(published["version"], 1);
    let diagnostics = published["diagnostics"].as_array().expect("a list");
    assert_eq!(diagnostics.len(), 1, "{published}");
    assert_eq!(
        diagnostics[0]["message"],
        "Relative date: “Thursday” means Thursday, May 27, 2021"
    );
    assert_eq!(
        diagnostics[0]["range"],
        range_of(ALIVE_TEXT, "Thursday", client.encoding)
    );
    let hover = client.hover_text(ALIVE, pos(0, 23)).await;
    assert!(
        hover.contains(
            "Publication date: Tuesday, June 1, 2021 (from the copydesk.referenceDate setting)."
        ),
        "{hover}"
    );
    assert_eq!(client.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invalid_settings_are_reported_and_the_rest_still_applies() {
    let mut client = initialized_client().await;
    open_alive(&mut client).await;
    change_settings(
        &mut client,
        json!({ "referenceDate": "last week", "colour": "red" }),
    )
    .await;
    let message = client
        .wait_for("window/showMessage", |message| {
            message["method"] == "window/showMessage"
        })
        .await;
    assert_eq!(message["params"]["type"], 2, "a warning: {message}");
    let text = message["params"]["message"].as_str().expect("a message");
    for expected in [
        "referenceDate must be a date like 2022-02-28, not \"last week\"",
        "unknown setting copydesk.colour",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text:?}");
    }
    // The bad value left the previous date in force, and the server goes on serving.
    assert_alive(&mut client).await;

    // A good key next to a bad one still applies.
    change_settings(
        &mut client,
        json!({ "referenceDate": "2021-06-01", "debounceMs": "fast" }),
    )
    .await;
    let message = client
        .wait_for("window/showMessage", |message| {
            message["method"] == "window/showMessage"
        })
        .await;
    let text = message["params"]["message"].as_str().expect("a message");
    assert!(text.contains("debounceMs"), "{text:?}");
    published_resolving(&mut client, ALIVE, "2021-05-27").await;
    assert_eq!(client.shutdown_and_exit().await, 0);
}

/// Hover and code actions promise the analysis of the current state (the store computes one when
/// the worker has not run yet), so after a settings change they must not answer from an analysis
/// made under the old settings. A long debounce keeps the worker from re-analysing first.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_right_after_a_settings_change_use_the_new_settings() {
    let mut client = initialized_client().await;
    open_alive(&mut client).await;
    assert_alive(&mut client).await;
    change_settings(
        &mut client,
        json!({ "referenceDate": "2021-06-01", "debounceMs": 10_000 }),
    )
    .await;
    let hover = client.hover_text(ALIVE, pos(0, 23)).await;
    assert!(
        hover.contains("“Thursday” = Thursday, May 27, 2021."),
        "hover after the settings change: {hover:?}"
    );
    let thursday = range_of(ALIVE_TEXT, "Thursday", client.encoding);
    let actions = client.code_actions(ALIVE, thursday).await;
    action_titled(&actions, "Replace with “May 27”");
    assert_eq!(client.shutdown_and_exit().await, 0);
}

/// A Content-Length longer than the body makes the reader take the start of the next message
/// as the rest of this one. The header found inside that body starts the next message again, so
/// both requests are answered once the next message arrives.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_content_length_too_long_is_recovered_at_the_next_header() {
    let mut client = initialized_client().await;
    open_alive(&mut client).await;
    let id = client.next_id();
    let hover = json!({
        "jsonrpc": "2.0", "id": id, "method": "textDocument/hover",
        "params": { "textDocument": { "uri": ALIVE }, "position": pos(0, 23) },
    })
    .to_string();
    let long = format!("Content-Length: {}\r\n\r\n{hover}", hover.len() + 20);
    client.send_raw(long.as_bytes()).await;
    // The next message completes the over-long body; both are answered.
    assert_alive(&mut client).await;
    let response = client.response(id).await;
    let value = response["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_else(|| panic!("a hover: {response}"));
    assert!(value.contains("Feb. 24, 2022"), "{value}");
    assert_eq!(null_id_error_codes(&mut client), Vec::<i64>::new());
    assert_eq!(client.shutdown_and_exit().await, 0);
}

/// Bytes that are not text at all, between messages and inside a correctly framed body.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn binary_bytes_on_the_wire_are_survived() {
    let mut client = initialized_client().await;
    open_alive(&mut client).await;
    // A line of binary garbage ended by a blank line: a header block without Content-Length.
    client
        .send_raw(b"\x00\xff\xfe\x80garbage\x00\x01\x02\r\n\r\n")
        .await;
    assert_alive(&mut client).await;
    assert_eq!(null_id_error_codes(&mut client), [-32700]);
    // A well-framed body that is not UTF-8.
    let mut bytes = b"Content-Length: 6\r\n\r\n".to_vec();
    bytes.extend_from_slice(b"\xff\xfe\x00\x80\xc3\x28");
    client.send_raw(&bytes).await;
    assert_alive(&mut client).await;
    assert_eq!(null_id_error_codes(&mut client), [-32700]);
    // Garbage with no line break runs straight into the next header, which is still found.
    let id = client.next_id();
    let hover = json!({
        "jsonrpc": "2.0", "id": id, "method": "textDocument/hover",
        "params": { "textDocument": { "uri": ALIVE }, "position": pos(0, 23) },
    })
    .to_string();
    let mut bytes = b"\x00\x00\xff\xfe".to_vec();
    bytes.extend_from_slice(&frame(&hover));
    client.send_raw(&bytes).await;
    let response = client.response(id).await;
    assert!(response["result"]["contents"].is_object(), "{response}");
    assert_alive(&mut client).await;
    assert_eq!(null_id_error_codes(&mut client), Vec::<i64>::new());
    assert_eq!(client.shutdown_and_exit().await, 0);
}

/// The input closes in the middle of a body, as when an editor is killed while writing: the
/// server must end at once (with 1 before a shutdown, 0 after one), not wait for the rest.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_cut_short_by_closed_input_ends_the_server() {
    let cut = b"Content-Length: 500\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"text\":\"The plant";
    let mut client = initialized_client().await;
    open_alive(&mut client).await;
    client.send_raw(cut).await;
    client.close_input();
    assert_eq!(client.exit_code().await, 1);

    let mut client = initialized_client().await;
    assert_eq!(client.call_ok("shutdown", Value::Null).await, Value::Null);
    client.send_raw(cut).await;
    client.close_input();
    assert_eq!(client.exit_code().await, 0);
}

/// Notifications need no answer, so an unknown one is dropped without a reply (a reply would be
/// a response to a message that has no id), whether or not its method starts with "$/".
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_notification_is_ignored_without_a_reply() {
    let mut client = initialized_client().await;
    open_alive(&mut client).await;
    for method in [
        "copydesk/noSuchNotification",
        "textDocument/noSuchNotification",
        "$/copydesk/noSuchNotification",
    ] {
        client
            .notify(method, json!({ "anything": [1, 2, 3] }))
            .await;
    }
    assert_alive(&mut client).await;
    let responses = client.take_received(|message| message.get("method").is_none());
    assert_eq!(responses, Vec::<Value>::new());
    assert_eq!(client.shutdown_and_exit().await, 0);
}

/// Text synchronisation before `initialize` is dropped, as the protocol asks: the draft is not
/// open afterwards and nothing is published for it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn notifications_before_initialize_are_ignored() {
    let mut client = Client::start();
    let early = "file:///early.txt";
    client.open(early, "plaintext", 1, ALIVE_TEXT).await;
    client
        .change(early, 2, json!([{ "text": "Prices rose 12% on Monday." }]))
        .await;
    client.initialize(None, fixed_settings()).await;
    open_alive(&mut client).await;
    assert_alive(&mut client).await;
    assert_eq!(client.hover(early, pos(0, 23)).await, Value::Null);
    let published = client.take_received(|message| message["params"]["uri"] == early);
    assert_eq!(published, Vec::<Value>::new());
    assert_eq!(client.shutdown_and_exit().await, 0);
}

/// A second `initialize` is refused with InvalidRequest and changes nothing: not the position
/// encoding, not the settings, and not the snippet support the first one declared.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_initialize_is_refused_and_changes_nothing() {
    let mut client = initialized_client().await;
    open_alive(&mut client).await;
    let response = client
        .call(
            "initialize",
            json!({
                "processId": null,
                "rootUri": null,
                "capabilities": {
                    "general": { "positionEncodings": ["utf-8"] },
                    "workspace": { "workspaceEdit": { "snippetEditSupport": true } },
                },
                "initializationOptions": { "referenceDate": "2021-06-01" },
            }),
        )
        .await;
    assert_eq!(response["error"]["code"], -32600, "{response}");
    assert!(response.get("result").is_none(), "{response}");
    // Still the first session's reference date.
    assert_alive(&mut client).await;
    // Still plain text edits with a placeholder, not the snippet edits offered the second time.
    let thursday = range_of(ALIVE_TEXT, "Thursday", client.encoding);
    let actions = client.code_actions(ALIVE, thursday).await;
    let mark = action_titled(&actions, "Mark as checked (add reason)");
    assert!(mark["edit"].get("documentChanges").is_none(), "{mark}");
    let edits = quickfix_edits(mark, ALIVE, "relative-date");
    assert!(
        apply_edits(ALIVE_TEXT, &edits, client.encoding).contains("[REASON]"),
        "{mark}"
    );
    assert_eq!(client.shutdown_and_exit().await, 0);
}

/// The client is the authority on its text: a `didChange` whose version is lower than the last
/// one (a client bug, or a client that restarted its counter) is still applied, and its
/// diagnostics are published with the version the client sent, so that the client matches them
/// to the text it has.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn versions_going_backwards_are_applied_and_published_with_the_clients_version() {
    let mut client = initialized_client().await;
    let uri = "file:///backwards.txt";
    client.open(uri, "plaintext", 10, ALIVE_TEXT).await;
    client.diagnostics(uri, 10).await;
    let text = "Prices rose 12% on Monday.";
    client.change(uri, 3, json!([{ "text": text }])).await;
    let diagnostics = client.diagnostics(uri, 3).await;
    assert_eq!(
        findings(text, &diagnostics, client.encoding),
        pairs(&[("unsourced-figure", "12%"), ("relative-date", "Monday")])
    );
    // An incremental edit on top of the lower version, and the same version sent twice.
    let monday = range_of(text, "Monday", client.encoding);
    client
        .change(uri, 3, json!([{ "range": monday, "text": "Friday" }]))
        .await;
    let text = "Prices rose 12% on Friday.";
    let diagnostics = client.diagnostics(uri, 3).await;
    assert_eq!(
        findings(text, &diagnostics, client.encoding),
        pairs(&[("unsourced-figure", "12%"), ("relative-date", "Friday")])
    );
    let friday = range_of(text, "Friday", client.encoding);
    let hover = client.hover_text(uri, friday["start"].clone()).await;
    assert!(hover.contains("Friday, Feb. 25, 2022"), "{hover}");
    assert_eq!(client.shutdown_and_exit().await, 0);
}

/// `$/cancelRequest` for a request already answered changes nothing; for a request still in
/// flight it yields exactly one answer, the result or RequestCancelled, whichever comes first.
/// (Cancelling ids that were never used is in `stray_notifications_are_harmless`.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancelling_an_answered_or_in_flight_request_gets_one_answer() {
    // A long debounce leaves the big draft unanalysed, so the hover has to analyse it when it
    // arrives, and the cancellation is sent right behind it, before its answer. The server may
    // answer either way, but exactly once.
    let mut client = Client::initialized(
        None,
        json!({ "debounceMs": 10_000, "referenceDate": "2022-02-28" }),
    )
    .await;
    client.open(ALIVE, "plaintext", 1, ALIVE_TEXT).await;
    assert_alive(&mut client).await;
    let answered = client
        .request(
            "textDocument/hover",
            json!({
                "textDocument": { "uri": ALIVE }, "position": pos(0, 23),
            }),
        )
        .await;
    client.response(answered).await;
    client
        .notify("$/cancelRequest", json!({ "id": answered }))
        .await;

    let big = "file:///big.txt";
    let big_text = "Officials said on Monday that 3,000 people had left. ".repeat(4_000);
    client.open(big, "plaintext", 1, &big_text).await;
    let in_flight = client
        .request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": big }, "position": pos(0, 20) }),
        )
        .await;
    client
        .notify("$/cancelRequest", json!({ "id": in_flight }))
        .await;
    let response = client.response(in_flight).await;
    let cancelled = response["error"]["code"] == -32800;
    let answered_in_time = response["result"]["contents"]["value"]
        .as_str()
        .is_some_and(|value| value.contains("relative-date"));
    assert!(cancelled || answered_in_time, "{response}");

    assert_alive(&mut client).await;
    let extra = client.take_received(|message| {
        message.get("method").is_none()
            && (message["id"] == json!(answered) || message["id"] == json!(in_flight))
    });
    assert_eq!(extra, Vec::<Value>::new(), "each request is answered once");
    assert_eq!(null_id_error_codes(&mut client), Vec::<i64>::new());
    assert_eq!(client.shutdown_and_exit().await, 0);
}

/// Fifty keystrokes sent without a pause under the default debounce: the server checks the
/// draft a few times, not fifty, and the last diagnostics are those of the final text at the
/// final version. How long the pause lasts is the benchmark's business, not this test's.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_fifty_keystrokes_with_the_default_debounce_is_published_a_few_times() {
    let mut client = Client::initialized(None, json!({ "referenceDate": "2022-02-28" })).await;
    let uri = "file:///burst.txt";
    let start = "The plant in Liège closed ";
    let typed = "on Thursday, and 1,500 workers lost their jobs 😀😀.";
    assert_eq!(typed.chars().count(), 50);
    client.open(uri, "plaintext", 1, start).await;
    let mut text = start.to_string();
    for (index, c) in typed.chars().enumerate() {
        let end = position_of(&text, text.len(), client.encoding);
        text.push(c);
        client
            .change(
                uri,
                index as i32 + 2,
                json!([{ "range": range(end.clone(), end), "text": c.to_string() }]),
            )
            .await;
    }
    let last = client.diagnostics(uri, 51).await;
    // Everything published earlier arrived before the last version's diagnostics.
    let earlier = client.take_received(|message| {
        message["method"] == "textDocument/publishDiagnostics"
            && message["params"]["uri"] == uri
            && message["params"]["version"]
                .as_i64()
                .is_some_and(|version| version >= 2)
    });
    let publishes = earlier.len() + 1;
    assert!(
        publishes <= 5,
        "{publishes} publishes for one burst: {earlier:#?}"
    );

    let fresh = "file:///burst-fresh.txt";
    client.open(fresh, "plaintext", 1, &text).await;
    let expected = client.diagnostics(fresh, 1).await;
    assert_eq!(
        findings(&text, &expected, client.encoding),
        pairs(&[("relative-date", "Thursday"), ("unsourced-figure", "1,500")])
    );
    assert_eq!(last, expected);
    assert_eq!(client.shutdown_and_exit().await, 0);
}

/// JavaScript strings can hold half of an emoji, and JavaScript clients send it as a lone
/// surrogate escape ("\ud83d"), which Rust strings cannot hold. Such a message is still applied,
/// with U+FFFD in place of each lone surrogate: one UTF-16 unit, as the client counts it, so the
/// client's later positions still agree with the server's text. An escaped backslash followed
/// by "ud83d" is text, and stays as it is.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lone_surrogates_are_read_as_replacement_characters() {
    let mut client = initialized_client().await;
    let uri = "file:///lone.txt";
    client
        .send_raw(&frame(&format!(
            r#"{{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{{"textDocument":{{"uri":"{uri}","languageId":"plaintext","version":1,"text":"It began \ud83d on Thursday. \\ud83d Prices rose 12% on Monday."}}}}}}"#
        )))
        .await;
    client.diagnostics(uri, 1).await;
    // "Thursday" starts after "It began " (9 units), the lone surrogate (1) and " on " (4).
    client
        .send_raw(&frame(&format!(
            r#"{{"jsonrpc":"2.0","method":"textDocument/didChange","params":{{"textDocument":{{"uri":"{uri}","version":2}},"contentChanges":[{{"range":{{"start":{{"line":0,"character":14}},"end":{{"line":0,"character":22}}}},"text":"Friday\udc00"}}]}}}}"#
        )))
        .await;
    let repaired = client.diagnostics(uri, 2).await;
    let expected = "It began \u{fffd} on Friday\u{fffd}. \\ud83d Prices rose 12% on Monday.";
    let fresh = "file:///lone-expected.txt";
    client.open(fresh, "plaintext", 1, expected).await;
    let diagnostics = client.diagnostics(fresh, 1).await;
    assert_eq!(
        findings(expected, &diagnostics, client.encoding),
        pairs(&[
            ("relative-date", "Friday"),
            ("unsourced-figure", "12%"),
            ("relative-date", "Monday"),
        ])
    );
    assert_eq!(repaired, diagnostics);
    assert_eq!(null_id_error_codes(&mut client), Vec::<i64>::new());
    assert_eq!(client.shutdown_and_exit().await, 0);
}

/// A quotation without attribution points at the speaker named in an earlier paragraph, which
/// the server checks as a separate piece of the draft. The pointer must stay on the name while
/// the writer types after it (which leaves the quotation's piece alone) and move with it when
/// text is inserted before it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_speaker_named_in_an_earlier_paragraph_is_pointed_at_through_edits() {
    let mut client = Client::initialized_with(
        None,
        json!({ "textDocument": { "publishDiagnostics": { "relatedInformation": true } } }),
        json!({ "debounceMs": 0, "referenceDate": "2022-02-28" }),
    )
    .await;
    let uri = "file:///speaker.md";
    let mut text = "\"The vote was close,\" Mira Osei said.\n\nThe levy stays in place for now.\n\n\"We will not raise the levy this year.\"\n".to_string();
    client.open(uri, "markdown", 1, &text).await;
    let related_range = |diagnostics: &[Value]| {
        let unattributed = diagnostics
            .iter()
            .find(|diagnostic| diagnostic["code"] == "unattributed-quote")
            .expect("the last quotation has no attribution");
        unattributed["relatedInformation"][0]["location"]["range"].clone()
    };
    let diagnostics = client.diagnostics(uri, 1).await;
    assert_eq!(
        related_range(&diagnostics),
        range_of(&text, "Mira Osei", client.encoding)
    );
    // Typed after the name, in the first paragraph: the name stays where it was.
    let after_name = text.find(" said.").expect("the attribution") + " said.".len();
    let at = position_of(&text, after_name, client.encoding);
    client
        .change(
            uri,
            2,
            json!([{ "range": range(at.clone(), at), "text": " She left." }]),
        )
        .await;
    text.insert_str(after_name, " She left.");
    let diagnostics = client.diagnostics(uri, 2).await;
    assert_eq!(
        related_range(&diagnostics),
        range_of(&text, "Mira Osei", client.encoding)
    );
    // Typed before the name, at the start of its line: the name moves, and the pointer with it.
    client
        .change(
            uri,
            3,
            json!([{ "range": range(pos(0, 0), pos(0, 0)), "text": "Then " }]),
        )
        .await;
    text.insert_str(0, "Then ");
    let diagnostics = client.diagnostics(uri, 3).await;
    assert_eq!(
        related_range(&diagnostics),
        range_of(&text, "Mira Osei", client.encoding)
    );
    assert_eq!(client.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sheet_command_returns_the_open_drafts_fact_check_sheet() {
    let mut client = initialized_client().await;
    let uri = "file:///desk/ferry%20fares.md";
    let text = "---\ndate: 2022-02-28\n---\n\n# Ferry fares rise\n\nPresident Volodymyr Zelensky spoke on Thursday.\n\n\"We will keep the ferry running all winter,\" Zelenskyy said.\n";
    client.open(uri, "markdown", 1, text).await;
    let diagnostics = client.diagnostics(uri, 1).await;
    let codes: Vec<&str> = diagnostics
        .iter()
        .filter_map(|diagnostic| diagnostic["code"].as_str())
        .collect();
    assert!(codes.contains(&"name-variant"), "{codes:?}");
    for (arguments, format) in [
        (json!([{ "uri": uri, "format": "md" }]), "md"),
        (json!([uri, "json"]), "json"),
        (json!([uri]), "html"),
    ] {
        let result = client
            .call_ok(
                "workspace/executeCommand",
                json!({ "command": "copydesk.sheet", "arguments": arguments }),
            )
            .await;
        assert_eq!(result["format"], format);
        assert_eq!(result["headline"], "Ferry fares rise");
        let content = result["content"].as_str().expect("the sheet's text");
        match format {
            "md" => {
                assert!(content.contains("- Draft: `ferry fares.md`"), "{content}");
                assert!(
                    content.contains("| Volodymyr Zelensky | person | President |"),
                    "{content}"
                );
                assert!(
                    content.contains("| ferry fares.md:7 | Thursday |"),
                    "{content}"
                );
            }
            "json" => {
                let sheet: Value = serde_json::from_str(content).expect("JSON");
                assert_eq!(sheet["people"][0]["variants"], json!(["Zelenskyy"]));
            }
            _ => assert!(content.starts_with("<!DOCTYPE html>"), "{content:.80}"),
        }
    }
    // A draft that is not open, or no draft at all, is a clear error, not a crash.
    for arguments in [json!(["file:///desk/closed.md"]), json!([])] {
        let response = client
            .call(
                "workspace/executeCommand",
                json!({ "command": "copydesk.sheet", "arguments": arguments }),
            )
            .await;
        assert_eq!(response["error"]["code"], -32602, "{response}");
    }
    open_alive(&mut client).await;
    assert_alive(&mut client).await;
    assert_eq!(client.shutdown_and_exit().await, 0);
}

use crate::one_edits;

/// The seed article's one-edit test in the editor: the writer cuts one quotation's attribution
/// at a time (each edit a new version of the open draft), and each time exactly that
/// quotation is underlined; restoring the attribution clears it again.
#[tokio::test]
async fn the_seed_one_edit_test_passes_in_the_editor() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/legion.txt");
    let original = std::fs::read_to_string(path).expect("the fixture reads");
    let mut client = initialized_client().await;
    let uri = "file:///legion.txt";
    let quotations = |text: &str, diagnostics: &[Value], encoding: Encoding| -> Vec<String> {
        findings(text, diagnostics, encoding)
            .into_iter()
            .filter(|(code, _)| code == "unattributed-quote")
            .map(|(_, quoted)| quoted)
            .collect()
    };
    client.open(uri, "plaintext", 1, &original).await;
    let diagnostics = client.diagnostics(uri, 1).await;
    assert_eq!(
        quotations(&original, &diagnostics, client.encoding),
        Vec::<String>::new()
    );
    let mut version = 1;
    for (quotation, edits) in one_edits::ONE_EDITS {
        for text in [one_edits::stripped(&original, edits), original.clone()] {
            version += 1;
            client.change(uri, version, json!([{ "text": text }])).await;
            let diagnostics = client.diagnostics(uri, version).await;
            let found = quotations(&text, &diagnostics, client.encoding);
            if text == original {
                assert!(found.is_empty(), "{quotation} restored: {found:?}");
            } else {
                assert_eq!(found.len(), 1, "{quotation}: {found:?}");
                assert!(found[0].starts_with(quotation), "{quotation}: {found:?}");
            }
        }
    }
}
