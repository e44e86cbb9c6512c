//! The server's shared state: open documents, settings, and the latest analysis of each
//! document.
//!
//! Every lock here is a plain `std::sync::Mutex` held for a few microseconds and never across an
//! `.await`. Text-sync notifications are applied by the reading task in wire order, so the store
//! always holds exactly the text the client has.

use std::collections::HashMap;
use std::ops::Range;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use ropey::Rope;
use tokio::sync::mpsc;
use tower_lsp::lsp_types::Url;

use super::config::ServerConfig;
use crate::analysis::incremental::changed_span;
use crate::analysis::{Format, Incremental, Results};
use crate::clock::today;
use crate::house_rules::{self, HouseRules};
use crate::text::{Document, PositionEncoding};

/// The outcome of analysing one generation of a document.
#[derive(Debug)]
pub enum Outcome {
    /// The findings by segment; the whole draft's analysis is put together when a request
    /// needs it.
    Analysed(Results),
    /// The document was not analysed; the message says why (too large, binary, engine failure).
    NotChecked(String),
}

/// Why a draft whose text no longer matches the editor's is not checked.
pub const OUT_OF_SYNC: &str = "copydesk lost track of this draft's text (the editor sent an edit \
     it could not read), so it is not checked until the editor sends the whole text again: close \
     and reopen the file.";

/// What is left of a replaced snapshot, freed by dropping it (see
/// [`State::release_stale_snapshot`]).
pub struct Leftovers {
    _held: Box<dyn Send>,
}

/// One analysed generation of a document, with the text it was computed on.
#[derive(Debug)]
pub struct Snapshot {
    pub generation: u64,
    /// How the text was read (suppression comments are written differently in each).
    pub format: Format,
    pub version: i32,
    pub rope: Rope,
    pub outcome: Outcome,
    /// The house rules' `[dates] names` the draft was analysed with, so that the hover over one
    /// explains it as the rule read it.
    pub date_names: Arc<[String]>,
}

pub struct OpenDocument {
    pub document: Document,
    /// Increases with every open and change. Unlike the client's version number it is never
    /// reused, even when a document is closed and opened again with version 1.
    pub generation: u64,
    pub latest: Option<Arc<Snapshot>>,
    /// The document's analysis kept up to date across edits; created by the first analysis.
    pub engine: Arc<Mutex<Option<Incremental>>>,
    /// Set when an edit could not be applied: the text here is no longer the editor's, so the
    /// draft is reported as not checked, and edits by range are not applied to it, until the
    /// editor sends the whole text again (a change without a range, or a reopen).
    pub out_of_sync: bool,
}

/// What the diagnostics worker is told.
#[derive(Debug)]
pub enum WorkerEvent {
    Changed(Url),
    Closed(Url),
    /// Settings changed: every open document is analysed again.
    AllChanged,
}

pub struct State {
    documents: Mutex<HashMap<Url, OpenDocument>>,
    config: Mutex<ServerConfig>,
    encoding: Mutex<PositionEncoding>,
    /// Whether the client shows `relatedInformation` on diagnostics.
    related_information: std::sync::atomic::AtomicBool,
    /// Whether the client accepts `workspace/inlayHint/refresh`.
    inlay_hint_refresh: std::sync::atomic::AtomicBool,
    /// Numbers the requests copydesk sends to the client.
    next_request: std::sync::atomic::AtomicU64,
    next_generation: Mutex<u64>,
    worker: mpsc::UnboundedSender<WorkerEvent>,
    /// Bodies of messages to send to the client (the framing layer writes them).
    outgoing: mpsc::UnboundedSender<Vec<u8>>,
    /// When set, analysis panics on text containing this marker; tests use it to prove that a
    /// failing analysis does not take the server down.
    pub analysis_panic_marker: Option<String>,
    /// When set, analysis of text containing [`AnalysisHold::MARKER`] waits until the hold is
    /// released; tests use it to keep a draft's analysis running for as long as they need.
    pub analysis_hold: Option<AnalysisHold>,
    /// The workspace folders: house rules files are looked for up to the one holding a draft.
    workspace_roots: Mutex<Vec<PathBuf>>,
    /// House rules files read so far, by path.
    house_rules: Mutex<HashMap<PathBuf, HouseRulesFile>>,
    /// Whether the client takes snippet text edits in workspace edits (LSP 3.18).
    snippet_edits: std::sync::atomic::AtomicBool,
}

/// Keeps analyses of marked text waiting until released, so that tests can show what the server
/// does while a draft is being analysed without depending on how long an analysis takes.
#[derive(Default)]
pub struct AnalysisHold {
    released: Mutex<bool>,
    on_release: std::sync::Condvar,
}

impl AnalysisHold {
    pub const MARKER: &'static str = "copydesk-test-hold-analysis";

    /// Lets every waiting and future analysis of marked text go on.
    pub fn release(&self) {
        *lock(&self.released) = true;
        self.on_release.notify_all();
    }

    fn wait_if_marked(&self, rope: &Rope) {
        if !rope.to_string().contains(Self::MARKER) {
            return;
        }
        let mut released = lock(&self.released);
        while !*released {
            released = self
                .on_release
                .wait(released)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
        }
    }
}

/// One house rules file as the server knows it.
#[derive(Clone, Debug, Default)]
pub struct HouseRulesFile {
    /// The last version of the file without errors: it stays in force while the file has errors.
    pub good: Option<HouseRules>,
    /// The problems of the current version (empty when it is good).
    pub problems: Vec<house_rules::Problem>,
}

/// The prefix of the ids of requests copydesk sends to the client.
pub const OWN_REQUEST_PREFIX: &str = "copydesk/";

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while a lock was held cannot leave these maps half-updated in a way that matters
    // more than stopping the server would, so a poisoned lock is simply taken over.
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl State {
    pub fn new(
        worker: mpsc::UnboundedSender<WorkerEvent>,
        outgoing: mpsc::UnboundedSender<Vec<u8>>,
    ) -> State {
        State {
            documents: Mutex::new(HashMap::new()),
            config: Mutex::new(ServerConfig::default()),
            encoding: Mutex::new(PositionEncoding::Utf16),
            related_information: std::sync::atomic::AtomicBool::new(false),
            inlay_hint_refresh: std::sync::atomic::AtomicBool::new(false),
            next_request: std::sync::atomic::AtomicU64::new(1),
            next_generation: Mutex::new(0),
            worker,
            outgoing,
            analysis_panic_marker: None,
            analysis_hold: None,
            workspace_roots: Mutex::new(Vec::new()),
            house_rules: Mutex::new(HashMap::new()),
            snippet_edits: std::sync::atomic::AtomicBool::new(false),
        }
    }

    pub fn set_workspace_roots(&self, roots: Vec<PathBuf>) {
        *lock(&self.workspace_roots) = roots;
    }

    pub fn snippet_edits(&self) -> bool {
        self.snippet_edits
            .load(std::sync::atomic::Ordering::Relaxed)
    }

    pub fn set_snippet_edits(&self, supported: bool) {
        self.snippet_edits
            .store(supported, std::sync::atomic::Ordering::Relaxed);
    }

    /// Sends a request of copydesk's own to the client; its answer is dropped by the framing
    /// layer (the id is in copydesk's namespace).
    pub fn request_client(&self, method: &str, params: serde_json::Value) {
        let number = self
            .next_request
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let request = serde_json::json!({
            "jsonrpc": "2.0",
            "id": format!("{OWN_REQUEST_PREFIX}{number}"),
            "method": method,
            "params": params,
        });
        self.send(serde_json::to_vec(&request).unwrap_or_default());
    }

    /// The house rules file that governs the draft at `uri`, if it is a file with one: the
    /// nearest `.copydesk.toml` or `copydesk.toml` up to the workspace folder holding the draft
    /// (or, outside every workspace folder, up to the git root).
    pub fn house_rules_path(&self, uri: &Url) -> Option<PathBuf> {
        let path = uri.to_file_path().ok()?;
        let folder = path.parent()?;
        let roots = lock(&self.workspace_roots).clone();
        let root = roots
            .iter()
            .filter(|root| folder.starts_with(root))
            .max_by_key(|root| root.components().count());
        house_rules::discover(folder, root.map(PathBuf::as_path))
    }

    /// The rules in force from the file at `path`, reading it the first time; the second value
    /// is true when the file was read now (so its diagnostics are due).
    fn house_rules_of(&self, path: &Path) -> (Option<HouseRules>, bool) {
        if let Some(known) = lock(&self.house_rules).get(path) {
            return (known.good.clone(), false);
        }
        self.reload_house_rules(path);
        let good = lock(&self.house_rules)
            .get(path)
            .and_then(|known| known.good.clone());
        (good, true)
    }

    /// Reads a house rules file again (it changed on disk) and publishes its problems as
    /// diagnostics on the file itself. A file with errors leaves its last good version in force.
    pub fn reload_house_rules(&self, path: &Path) {
        let (problems, text) = match house_rules::load(path) {
            Ok((rules, _)) => {
                let mut files = lock(&self.house_rules);
                let entry = files.entry(path.to_path_buf()).or_default();
                entry.good = Some(rules);
                entry.problems = Vec::new();
                (Vec::new(), String::new())
            }
            Err((problems, text)) => {
                // A broken link is reported; only a file that is really gone is forgotten.
                if std::fs::symlink_metadata(path).is_err() {
                    // A deleted file governs nothing any more.
                    lock(&self.house_rules).remove(path);
                    (Vec::new(), String::new())
                } else {
                    let mut files = lock(&self.house_rules);
                    let entry = files.entry(path.to_path_buf()).or_default();
                    entry.problems = problems.clone();
                    (problems, text)
                }
            }
        };
        if let Ok(uri) = Url::from_file_path(path) {
            let message =
                super::convert::house_rules_diagnostics(&uri, &text, &problems, self.encoding());
            self.send(message);
        }
        // A file that could not be read at all (a folder, a pipe, a device, a broken link) is
        // not open in any editor, so diagnostics on it would go unseen: the user is told.
        if text.is_empty() {
            if let Some(problem) = problems.first() {
                super::server::show_message(
                    self,
                    tower_lsp::lsp_types::MessageType::WARNING,
                    &format!(
                        "copydesk cannot use the house rules: {}. Drafts under it are checked \
                         with the last rules read from it, or the defaults.",
                        problem.message
                    ),
                );
            }
        }
    }

    /// Every house rules file read so far.
    pub fn known_house_rules(&self) -> Vec<PathBuf> {
        lock(&self.house_rules).keys().cloned().collect()
    }

    /// Forgets a house rules file (deleted, or created where none was), so that the next
    /// analysis looks again.
    pub fn forget_house_rules(&self, path: &Path) {
        lock(&self.house_rules).remove(path);
    }

    /// Analyses every open document again (settings or house rules changed).
    pub fn recheck_all(&self) {
        for open in lock(&self.documents).values_mut() {
            open.generation = self.next_generation();
        }
        let _ = self.worker.send(WorkerEvent::AllChanged);
    }

    /// The settings for the draft at `uri`: defaults, then its house rules, then the editor's.
    pub fn settings_for(&self, uri: &Url, config: &ServerConfig) -> crate::analysis::Settings {
        let house = self
            .house_rules_path(uri)
            .and_then(|path| self.house_rules_of(&path).0);
        config.effective(house.as_ref())
    }

    pub fn encoding(&self) -> PositionEncoding {
        *lock(&self.encoding)
    }

    pub fn set_encoding(&self, encoding: PositionEncoding) {
        *lock(&self.encoding) = encoding;
    }

    pub fn related_information(&self) -> bool {
        self.related_information
            .load(std::sync::atomic::Ordering::Relaxed)
    }

    pub fn set_related_information(&self, supported: bool) {
        self.related_information
            .store(supported, std::sync::atomic::Ordering::Relaxed);
    }

    pub fn set_inlay_hint_refresh(&self, supported: bool) {
        self.inlay_hint_refresh
            .store(supported, std::sync::atomic::Ordering::Relaxed);
    }

    /// Asks the client to fetch inlay hints again (after settings changed what they say), when
    /// it supports that. The request's id is a string in copydesk's own namespace, so that the
    /// framing layer recognises and drops the client's answer.
    pub fn refresh_inlay_hints(&self) {
        if !self
            .inlay_hint_refresh
            .load(std::sync::atomic::Ordering::Relaxed)
        {
            return;
        }
        self.request_client("workspace/inlayHint/refresh", serde_json::Value::Null);
    }

    pub fn config(&self) -> ServerConfig {
        lock(&self.config).clone()
    }

    /// Applies a settings section; returns the problems found in it.
    pub fn update_config(&self, section: &serde_json::Value) -> Vec<String> {
        let problems = lock(&self.config).apply(section);
        // Every cached analysis was computed under the old settings: a new generation makes
        // hovers and code actions recompute, and any analysis still running stale.
        for open in lock(&self.documents).values_mut() {
            open.generation = self.next_generation();
        }
        let _ = self.worker.send(WorkerEvent::AllChanged);
        problems
    }

    pub fn send(&self, body: Vec<u8>) {
        let _ = self.outgoing.send(body);
    }

    fn next_generation(&self) -> u64 {
        let mut generation = lock(&self.next_generation);
        *generation += 1;
        *generation
    }

    pub fn open(&self, uri: Url, document: Document) {
        let generation = self.next_generation();
        lock(&self.documents).insert(
            uri.clone(),
            OpenDocument {
                document,
                generation,
                latest: None,
                engine: Arc::default(),
                out_of_sync: false,
            },
        );
        let _ = self.worker.send(WorkerEvent::Changed(uri));
    }

    /// Runs `edit` on an open document and schedules its analysis; false if it is not open.
    pub fn change(&self, uri: &Url, edit: impl FnOnce(&mut OpenDocument)) -> bool {
        let generation = self.next_generation();
        let mut documents = lock(&self.documents);
        let Some(open) = documents.get_mut(uri) else {
            return false;
        };
        edit(open);
        open.generation = generation;
        drop(documents);
        let _ = self.worker.send(WorkerEvent::Changed(uri.clone()));
        true
    }

    /// Marks an open document as no longer holding the editor's text (see
    /// [`OpenDocument::out_of_sync`]) and has it published as not checked.
    pub fn lose_sync(&self, uri: &Url) -> bool {
        self.change(uri, |open| open.out_of_sync = true)
    }

    pub fn close(&self, uri: &Url) -> bool {
        let removed = lock(&self.documents).remove(uri).is_some();
        if removed {
            let _ = self.worker.send(WorkerEvent::Closed(uri.clone()));
        }
        removed
    }

    pub fn is_open(&self, uri: &Url) -> bool {
        lock(&self.documents).contains_key(uri)
    }

    pub fn open_uris(&self) -> Vec<Url> {
        lock(&self.documents).keys().cloned().collect()
    }

    /// The text of an open document, for tests and diagnostics of the server itself.
    pub fn text_of(&self, uri: &Url) -> Option<String> {
        lock(&self.documents)
            .get(uri)
            .map(|open| open.document.text())
    }

    /// The latest snapshot if it is of the current generation.
    fn current_snapshot(&self, uri: &Url) -> Option<Arc<Snapshot>> {
        let documents = lock(&self.documents);
        let open = documents.get(uri)?;
        open.latest
            .clone()
            .filter(|snapshot| snapshot.generation == open.generation)
    }

    /// Stores a snapshot if its generation is still the document's current one; returns whether
    /// it was current (a stale result is never stored or published).
    pub fn store_snapshot(&self, uri: &Url, snapshot: &Arc<Snapshot>) -> bool {
        self.store_and_send(uri, snapshot, None)
    }

    /// Stores a snapshot and sends `message` (its diagnostics) in one step under the documents
    /// lock, so that no edit can slip in between the check that it is current and the send.
    pub fn store_and_send(
        &self,
        uri: &Url,
        snapshot: &Arc<Snapshot>,
        message: Option<Vec<u8>>,
    ) -> bool {
        let mut documents = lock(&self.documents);
        let replaced = match documents.get_mut(uri) {
            Some(open) if open.generation == snapshot.generation => {
                let replaced = open.latest.replace(snapshot.clone());
                if let Some(message) = message {
                    self.send(message);
                }
                replaced
            }
            _ => return false,
        };
        // The snapshot replaced is dropped after the lock is released: freeing a large draft's
        // analysis takes a while, and the next edit waits for this lock.
        drop(documents);
        drop(replaced);
        true
    }

    /// Takes away the document's last snapshot if its text has changed since: it serves no one
    /// any more. The engine can then update the parts it shares with that snapshot in place
    /// instead of copying them; the rest of it (the whole draft's analysis, if a request put it
    /// together) is returned, to be freed once the new diagnostics are on their way.
    pub fn release_stale_snapshot(&self, uri: &Url) -> Option<Leftovers> {
        let stale = {
            let mut documents = lock(&self.documents);
            let open = documents.get_mut(uri)?;
            let generation = open.generation;
            open.latest
                .take_if(|snapshot| snapshot.generation != generation)?
        };
        match Arc::try_unwrap(stale) {
            Ok(Snapshot {
                outcome: Outcome::Analysed(results),
                ..
            }) => Some(Leftovers {
                _held: Box::new(results.release_parts()),
            }),
            Ok(_) => None,
            // A request still holds it: it is freed when the request is done.
            Err(shared) => Some(Leftovers {
                _held: Box::new(shared),
            }),
        }
    }

    /// The analysis of the document's current text, for a request: the cached one, the one the
    /// worker is computing (waited for), or a fresh one. The work runs on the blocking pool, so
    /// a request on a large draft that was just edited holds up no request on another draft, and
    /// the wait can be cancelled: dropping the returned future leaves the analysis to finish
    /// and be stored for whoever asks next.
    pub async fn analysis_of(self: &Arc<Self>, uri: &Url) -> Option<Arc<Snapshot>> {
        if let Some(snapshot) = self.current_snapshot(uri) {
            return Some(snapshot);
        }
        let state = self.clone();
        let uri = uri.clone();
        match tokio::task::spawn_blocking(move || state.analyze_and_store(&uri)).await {
            Ok(snapshot) => snapshot,
            Err(error) if error.is_panic() => std::panic::resume_unwind(error.into_panic()),
            Err(_) => None,
        }
    }

    /// The analysis of the document's current generation, computed now unless another thread
    /// has just computed it: the document's engine is taken first, so a request that arrives
    /// while the worker analyses the same draft waits for that analysis and shares it instead of
    /// repeating it. The result is stored before the engine is released. Blocks; for the
    /// blocking pool only.
    pub fn analyze_and_store(&self, uri: &Url) -> Option<Arc<Snapshot>> {
        let engine = lock(&self.documents).get(uri)?.engine.clone();
        let mut engine = lock(&engine);
        if let Some(snapshot) = self.current_snapshot(uri) {
            return Some(snapshot);
        }
        let snapshot = Arc::new(self.analyze_with(uri, &mut engine)?);
        self.store_snapshot(uri, &snapshot);
        Some(snapshot)
    }

    /// Analyses the current generation of a document with its engine, which the caller holds.
    /// Never panics: a panic in the engine is caught, logged, and turned into a "not checked"
    /// outcome.
    fn analyze_with(&self, uri: &Url, engine: &mut Option<Incremental>) -> Option<Snapshot> {
        let (rope, version, generation, language_id, out_of_sync) = {
            let documents = lock(&self.documents);
            let open = documents.get(uri)?;
            (
                open.document.rope().clone(),
                open.document.version(),
                open.generation,
                open.document.language_id().to_string(),
                open.out_of_sync,
            )
        };
        if out_of_sync {
            return Some(Snapshot {
                generation,
                format: Format::from_language_id(&language_id),
                version,
                rope,
                outcome: Outcome::NotChecked(OUT_OF_SYNC.to_string()),
                date_names: Arc::new([]),
            });
        }
        if let Some(hold) = &self.analysis_hold {
            hold.wait_if_marked(&rope);
        }
        let mut config = self.config();
        config.analysis = self.settings_for(uri, &config);
        let outcome = analyze_rope(
            &rope,
            &language_id,
            &config,
            engine,
            self.analysis_panic_marker.as_deref(),
        );
        Some(Snapshot {
            generation,
            format: Format::from_language_id(&language_id),
            version,
            rope,
            outcome,
            date_names: config.analysis.house.date_names.clone().into(),
        })
    }
}

/// Runs the engine on a rope under the server's limits, reusing what `engine` knows of the
/// document's previous text.
fn analyze_rope(
    rope: &Rope,
    language_id: &str,
    config: &ServerConfig,
    engine: &mut Option<Incremental>,
    panic_marker: Option<&str>,
) -> Outcome {
    let length = rope.len_bytes();
    if length > config.max_file_bytes {
        return Outcome::NotChecked(crate::limits::draft_too_large(
            length as u64,
            config.max_file_bytes as u64,
            "setting copydesk.maxFileBytes",
        ));
    }
    let mut settings = config.analysis.clone();
    settings.today = today();
    let format = Format::from_language_id(language_id);
    let result = std::panic::catch_unwind(AssertUnwindSafe(|| {
        // Opening a long draft analyses it on every core; the results do not depend on it.
        let incremental = engine.get_or_insert_with(|| {
            let cores = std::thread::available_parallelism().map_or(1, usize::from);
            Incremental::new(format, settings.clone()).with_threads(cores)
        });
        incremental.configure(format, &settings);
        // Only the stretch that changed since the last analysis is copied out of the rope.
        let (replaced, replacement) = changed_since(incremental.text(), rope);
        let replacement = rope.byte_slice(replacement).to_string();
        // The engine only ever holds text without NUL bytes, so the new text has one exactly
        // when the stretch that changed has one; the engine then keeps the text it had.
        if replacement.contains('\0') {
            return None;
        }
        let results = incremental.replace(replaced, &replacement);
        if panic_marker.is_some_and(|marker| incremental.text().contains(marker)) {
            panic!("analysis panic requested by a test");
        }
        Some(results)
    }));
    match result {
        Ok(Some(results)) => Outcome::Analysed(results),
        Ok(None) => Outcome::NotChecked(
            "This file looks binary (it contains NUL bytes), so copydesk did not check it."
                .to_string(),
        ),
        Err(_) => {
            // The engine may have been left half-updated: start afresh next time.
            *engine = None;
            tracing::error!(
                "analysis failed with a panic; the document is reported as not checked"
            );
            Outcome::NotChecked(
                "copydesk could not check this draft: an internal error occurred (see the server log).".to_string(),
            )
        }
    }
}

/// Where `rope` differs from `analysed`, found by reading the rope's chunks from both ends.
fn changed_since(analyzed: &str, rope: &Rope) -> (Range<usize>, Range<usize>) {
    let (from_the_end, ..) = rope.chunks_at_byte(rope.len_bytes());
    changed_span(
        analyzed,
        rope.len_bytes(),
        rope.chunks(),
        from_the_end.reversed(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rope_is_read_from_both_ends_across_its_chunks() {
        let analyzed = "Paragraph with “quotes” and é. ".repeat(2_000);
        for at in [0, 1, 31, 30_000, analyzed.len() - 1, analyzed.len()] {
            let at = (at..=analyzed.len())
                .find(|&at| analyzed.is_char_boundary(at))
                .unwrap();
            let mut edited = analyzed.clone();
            edited.insert_str(at, "new words");
            let rope = Rope::from_str(&edited);
            assert!(rope.chunks().count() > 10, "the rope has many chunks");
            let whole = std::iter::once(edited.as_str());
            assert_eq!(
                changed_since(&analyzed, &rope),
                changed_span(&analyzed, edited.len(), whole.clone(), whole),
                "edit at {at}"
            );
        }
    }
}
