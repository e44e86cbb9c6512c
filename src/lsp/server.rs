//! The requests tower-lsp routes to copydesk: initialize, shutdown, hover, code actions.
//!
//! Text synchronisation never reaches this file: the framing layer applies it to the store in
//! wire order (see `mod.rs`). Every handler runs under [`guard`], so a panic becomes an error
//! response and the server keeps serving.

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;

use futures::FutureExt;
use serde_json::{json, Value};
use tower_lsp::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp::lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionParams, CodeActionProviderCapability,
    CodeActionResponse, DidChangeWatchedFilesParams, DocumentSymbolParams, DocumentSymbolResponse,
    ExecuteCommandOptions, ExecuteCommandParams, FileChangeType, Hover, HoverParams,
    HoverProviderCapability, InitializeParams, InitializeResult, InitializedParams, InlayHint,
    InlayHintParams, MessageType, OneOf, PositionEncodingKind, ServerCapabilities, ServerInfo,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
};
use tower_lsp::LanguageServer;

use super::config::copydesk_section;
use super::convert;
use super::state::{Snapshot, State};
use crate::text::PositionEncoding;

pub struct Backend {
    state: Arc<State>,
    /// Whether the client can watch files for copydesk (dynamic registration).
    watch_house_rules: std::sync::atomic::AtomicBool,
}

/// Runs a handler, turning a panic into an internal-error response.
async fn guard<T>(name: &str, handler: impl Future<Output = Result<T>>) -> Result<T> {
    match AssertUnwindSafe(handler).catch_unwind().await {
        Ok(result) => result,
        Err(_) => {
            tracing::error!("the {name} handler panicked; the server goes on");
            Err(Error {
                code: ErrorCode::InternalError,
                message: format!("copydesk hit an internal error in {name}; see the server log")
                    .into(),
                data: None,
            })
        }
    }
}

/// Sends `window/showMessage`, used when settings cannot be applied: nothing is ignored silently.
pub fn show_message(state: &State, kind: MessageType, message: &str) {
    let body = json!({
        "jsonrpc": "2.0",
        "method": "window/showMessage",
        "params": { "type": kind, "message": message },
    });
    state.send(serde_json::to_vec(&body).unwrap_or_default());
}

/// Applies a settings object and tells the user about every key that could not be used.
pub fn apply_settings(state: &State, settings: &Value) {
    let Some(section) = copydesk_section(settings) else {
        return;
    };
    let problems = state.update_config(section);
    state.refresh_inlay_hints();
    for problem in &problems {
        tracing::warn!("settings: {problem}");
    }
    if !problems.is_empty() {
        show_message(
            state,
            MessageType::WARNING,
            &format!("copydesk settings: {}", problems.join("; ")),
        );
    }
}

/// Runs `work` on the blocking pool and waits for it without blocking the server: turning a
/// large draft's analysis into a response is CPU work, and every request shares one task in
/// tower-lsp, so work done inline would hold up the requests on other drafts (and their
/// cancellation). A panic is passed on to the handler's [`guard`].
async fn off_the_runtime<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
    match tokio::task::spawn_blocking(work).await {
        Ok(value) => value,
        Err(error) => match error.try_into_panic() {
            Ok(panic) => std::panic::resume_unwind(panic),
            Err(error) => panic!("a blocking task of copydesk was cancelled: {error}"),
        },
    }
}

impl Backend {
    /// Answers from the analysis of the draft at `uri`, or `None` when it is not open. The
    /// analysis is waited for (see [`State::analysis_of`]) and `answer` runs off the runtime,
    /// so a cancelled request stops waiting at once.
    async fn with_analysis<T: Send + 'static>(
        &self,
        uri: &tower_lsp::lsp_types::Url,
        answer: impl FnOnce(&Snapshot) -> T + Send + 'static,
    ) -> Option<T> {
        let snapshot = self.state.analysis_of(uri).await?;
        Some(off_the_runtime(move || answer(&snapshot)).await)
    }

    pub fn new(state: Arc<State>) -> Backend {
        Backend {
            state,
            watch_house_rules: std::sync::atomic::AtomicBool::new(false),
        }
    }

    /// `copydesk/publicationDate`: the publication date in use for a draft and where it came
    /// from, for editors' status bars. Params: `{"textDocument": {"uri": ...}}`.
    pub async fn publication_date(&self, params: Value) -> Result<Value> {
        guard("copydesk/publicationDate", async {
            let uri = params
                .pointer("/textDocument/uri")
                .or_else(|| params.get("uri"))
                .and_then(Value::as_str)
                .and_then(|uri| tower_lsp::lsp_types::Url::parse(uri).ok())
                .ok_or_else(|| {
                    Error::invalid_params("expected {\"textDocument\": {\"uri\": ...}}")
                })?;
            let date = self.with_analysis(&uri, convert::publication_date).await;
            Ok(date.flatten().unwrap_or(Value::Null))
        })
        .await
    }

    /// Lets held analyses go on; registered only for tests (see `ServerOptions::test_hooks`).
    pub async fn debug_release_analysis(&self, _params: Value) -> Result<Value> {
        if let Some(hold) = &self.state.analysis_hold {
            hold.release();
        }
        Ok(Value::Null)
    }

    /// A request that panics on purpose, registered only for tests of the panic guard.
    pub async fn debug_panic(&self, _params: Value) -> Result<Value> {
        guard("copydesk/debugPanic", async {
            panic!("copydesk/debugPanic was requested")
        })
        .await
    }
}

#[tower_lsp::async_trait]
impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        guard("initialize", async {
            let offered: Vec<String> = params
                .capabilities
                .general
                .as_ref()
                .and_then(|general| general.position_encodings.as_ref())
                .map(|kinds| kinds.iter().map(|kind| kind.as_str().to_string()).collect())
                .unwrap_or_default();
            let encoding = PositionEncoding::negotiate(offered.iter().map(String::as_str));
            self.state.set_encoding(encoding);
            let related_information = params
                .capabilities
                .text_document
                .as_ref()
                .and_then(|document| document.publish_diagnostics.as_ref())
                .and_then(|publish| publish.related_information)
                .unwrap_or(false);
            self.state.set_related_information(related_information);
            let refresh = params
                .capabilities
                .workspace
                .as_ref()
                .and_then(|workspace| workspace.inlay_hint.as_ref())
                .and_then(|inlay| inlay.refresh_support)
                .unwrap_or(false);
            // House rules files are looked for up to the workspace folder holding a draft.
            #[allow(deprecated)]
            let mut roots: Vec<std::path::PathBuf> = params
                .workspace_folders
                .iter()
                .flatten()
                .filter_map(|folder| folder.uri.to_file_path().ok())
                .collect();
            #[allow(deprecated)]
            if let Some(root) = params
                .root_uri
                .as_ref()
                .and_then(|uri| uri.to_file_path().ok())
            {
                roots.push(root);
            }
            self.state.set_workspace_roots(roots);
            let watch = params
                .capabilities
                .workspace
                .as_ref()
                .and_then(|workspace| workspace.did_change_watched_files.as_ref())
                .and_then(|watched| watched.dynamic_registration)
                .unwrap_or(false);
            self.watch_house_rules
                .store(watch, std::sync::atomic::Ordering::Relaxed);
            if let Some(options) = &params.initialization_options {
                apply_settings(&self.state, options);
            }
            // Set after the initialization options are applied: no refresh before `initialized`.
            self.state.set_inlay_hint_refresh(refresh);
            tracing::info!("initialized with {} positions", encoding.as_lsp_name());
            Ok(InitializeResult {
                capabilities: ServerCapabilities {
                    position_encoding: Some(PositionEncodingKind::from(
                        encoding.as_lsp_name().to_string(),
                    )),
                    text_document_sync: Some(TextDocumentSyncCapability::Options(
                        TextDocumentSyncOptions {
                            open_close: Some(true),
                            change: Some(TextDocumentSyncKind::INCREMENTAL),
                            ..TextDocumentSyncOptions::default()
                        },
                    )),
                    hover_provider: Some(HoverProviderCapability::Simple(true)),
                    document_symbol_provider: Some(OneOf::Left(true)),
                    inlay_hint_provider: Some(OneOf::Left(true)),
                    execute_command_provider: Some(ExecuteCommandOptions {
                        commands: vec![convert::SHEET_COMMAND.to_string()],
                        ..ExecuteCommandOptions::default()
                    }),
                    code_action_provider: Some(CodeActionProviderCapability::Options(
                        CodeActionOptions {
                            code_action_kinds: Some(vec![
                                CodeActionKind::QUICKFIX,
                                CodeActionKind::new(convert::FIX_ALL_DATES),
                            ]),
                            resolve_provider: Some(false),
                            ..CodeActionOptions::default()
                        },
                    )),
                    ..ServerCapabilities::default()
                },
                server_info: Some(ServerInfo {
                    name: "copydesk".to_string(),
                    version: Some(env!("CARGO_PKG_VERSION").to_string()),
                }),
            })
        })
        .await
    }

    async fn initialized(&self, _: InitializedParams) {
        tracing::debug!("client initialized");
        // Registered dynamically, as the protocol requires for file watching: the client then
        // tells copydesk when a house rules file is created, changed or deleted.
        if self
            .watch_house_rules
            .load(std::sync::atomic::Ordering::Relaxed)
        {
            let watchers: Vec<Value> = crate::house_rules::FILE_NAMES
                .iter()
                .map(|name| json!({ "globPattern": format!("**/{name}") }))
                .collect();
            self.state.request_client(
                "client/registerCapability",
                json!({
                    "registrations": [{
                        "id": "copydesk-house-rules",
                        "method": "workspace/didChangeWatchedFiles",
                        "registerOptions": { "watchers": watchers },
                    }],
                }),
            );
        }
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let mut changed = false;
        for event in params.changes {
            let Ok(path) = event.uri.to_file_path() else {
                continue;
            };
            let is_house_rules = path
                .file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| crate::house_rules::FILE_NAMES.contains(&name));
            if !is_house_rules {
                continue;
            }
            changed = true;
            if event.typ == FileChangeType::DELETED {
                self.state.forget_house_rules(&path);
                // Clear the deleted file's diagnostics.
                self.state
                    .send(convert::publish_diagnostics(&event.uri, Vec::new(), None));
            } else {
                // Read now, so that its problems are shown at once; a created file may now
                // govern drafts that another file (or none) governed before.
                for known in self.state.known_house_rules() {
                    if !known.exists() {
                        self.state.forget_house_rules(&known);
                    }
                }
                self.state.reload_house_rules(&path);
            }
        }
        if changed {
            tracing::info!("house rules changed: checking open drafts again");
            self.state.recheck_all();
        }
    }

    async fn shutdown(&self) -> Result<()> {
        tracing::info!("shutdown requested");
        Ok(())
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        guard("hover", async {
            let uri = &params.text_document_position_params.text_document.uri;
            let position = params.text_document_position_params.position;
            let encoding = self.state.encoding();
            let hover = self
                .with_analysis(uri, move |snapshot| {
                    convert::hover(snapshot, position, encoding)
                })
                .await;
            Ok(hover.flatten())
        })
        .await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        guard("codeAction", async {
            let uri = params.text_document.uri.clone();
            let encoding = self.state.encoding();
            let snippet_edits = self.state.snippet_edits();
            // A client asking only for other kinds (e.g. `source.organizeImports` on save)
            // gets only what it asked for, often nothing.
            let actions = self
                .with_analysis(&params.text_document.uri, move |snapshot| {
                    convert::code_actions(
                        snapshot,
                        &uri,
                        params.range,
                        params.context.only.as_deref(),
                        encoding,
                        snippet_edits,
                    )
                })
                .await;
            Ok(actions)
        })
        .await
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        guard("documentSymbol", async {
            let encoding = self.state.encoding();
            let symbols = self
                .with_analysis(&params.text_document.uri, move |snapshot| {
                    convert::document_symbols(snapshot, encoding)
                })
                .await;
            Ok(symbols.map(DocumentSymbolResponse::Nested))
        })
        .await
    }

    /// `copydesk.sheet`: the fact-check sheet of an open draft. Arguments: the draft's URI,
    /// then optionally the format ("html", the default; "md"; "json"), either as two strings
    /// or as one object `{ "uri": ..., "format": ... }`. The result is
    /// `{ "format", "headline", "content" }`, which the editor shows.
    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<Value>> {
        guard("executeCommand", async {
            if params.command != convert::SHEET_COMMAND {
                return Err(Error::invalid_params(format!(
                    "unknown command {:?}; copydesk offers {}",
                    params.command,
                    convert::SHEET_COMMAND
                )));
            }
            let (uri, format) = match params.arguments.as_slice() {
                [Value::Object(options), ..] => (
                    options
                        .get("uri")
                        .and_then(Value::as_str)
                        .map(str::to_string),
                    options
                        .get("format")
                        .and_then(Value::as_str)
                        .map(str::to_string),
                ),
                [Value::String(uri), rest @ ..] => (
                    Some(uri.clone()),
                    rest.first().and_then(Value::as_str).map(str::to_string),
                ),
                _ => (None, None),
            };
            let Some(uri) = uri.and_then(|uri| tower_lsp::lsp_types::Url::parse(&uri).ok()) else {
                return Err(Error::invalid_params(
                    "copydesk.sheet needs the draft's URI as its first argument",
                ));
            };
            let sheet_uri = uri.clone();
            let sheet = self
                .with_analysis(&uri, move |snapshot| {
                    convert::sheet(snapshot, &sheet_uri, format.as_deref().unwrap_or("html"))
                })
                .await;
            let Some(sheet) = sheet else {
                return Err(Error::invalid_params(format!(
                    "{uri} is not open in the editor, so copydesk has no analysis of it"
                )));
            };
            sheet.map(Some).map_err(Error::invalid_params)
        })
        .await
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        guard("inlayHint", async {
            if !self.state.config().inlay_hints {
                return Ok(Some(Vec::new()));
            }
            let encoding = self.state.encoding();
            let range = params.range;
            let hints = self
                .with_analysis(&params.text_document.uri, move |snapshot| {
                    convert::inlay_hints(snapshot, range, encoding)
                })
                .await;
            Ok(hints)
        })
        .await
    }
}
