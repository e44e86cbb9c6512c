//! The diagnostics worker: the one place that analyses documents in the background and
//! publishes their diagnostics.
//!
//! Edits are debounced per document (a burst of typing yields one analysis shortly after the
//! last keystroke). Each analysis runs on a snapshot of one generation of the text, and its
//! result is published only if that generation is still current, so a client never sees
//! diagnostics for text it no longer has. Every analysed generation is published, an empty list
//! included, so "checked, nothing found" differs from "not checked yet".

use std::collections::HashMap;
use std::sync::Arc;

use tokio::sync::mpsc;
use tokio::time::Instant;
use tower_lsp::lsp_types::Url;

use super::convert;
use super::state::{State, WorkerEvent};

pub async fn run(state: Arc<State>, mut events: mpsc::UnboundedReceiver<WorkerEvent>) {
    let mut due: HashMap<Url, Instant> = HashMap::new();
    // What was last published for each open document, serialised, by segment.
    let mut published: HashMap<Url, convert::DiagnosticsCache> = HashMap::new();
    loop {
        let next_deadline = due.values().min().copied();
        let event = match next_deadline {
            None => match events.recv().await {
                Some(event) => Some(event),
                None => return,
            },
            // A deadline already passed (always so with no debounce) is served at once: the
            // timer wheel counts whole milliseconds, so sleeping until "now" would add up to a
            // millisecond to every keystroke. Events already waiting still come first, so that
            // a burst is coalesced as before.
            Some(deadline) if deadline <= Instant::now() => match events.try_recv() {
                Ok(event) => Some(event),
                Err(mpsc::error::TryRecvError::Empty) => None,
                Err(mpsc::error::TryRecvError::Disconnected) => return,
            },
            Some(deadline) => {
                tokio::select! {
                    biased;
                    event = events.recv() => match event {
                        Some(event) => Some(event),
                        None => return,
                    },
                    _ = tokio::time::sleep_until(deadline) => None,
                }
            }
        };
        match event {
            Some(WorkerEvent::Changed(uri)) => {
                let deadline = Instant::now() + state.config().debounce;
                due.insert(uri, deadline);
            }
            Some(WorkerEvent::AllChanged) => {
                let deadline = Instant::now() + state.config().debounce;
                for uri in state.open_uris() {
                    due.insert(uri, deadline);
                }
            }
            Some(WorkerEvent::Closed(uri)) => {
                due.remove(&uri);
                published.remove(&uri);
                // Closing a document clears its diagnostics in the editor.
                state.send(convert::publish_diagnostics(&uri, Vec::new(), None));
                if state.open_uris().is_empty() {
                    release_freed_memory();
                }
            }
            None => {
                let now = Instant::now();
                let ready: Vec<Url> = due
                    .iter()
                    .filter(|(_, deadline)| **deadline <= now)
                    .map(|(uri, _)| uri.clone())
                    .collect();
                for uri in ready {
                    due.remove(&uri);
                    let cache = published.entry(uri.clone()).or_default();
                    analyze_and_publish(&state, uri, cache).await;
                }
            }
        }
    }
}

async fn analyze_and_publish(state: &Arc<State>, uri: Url, cache: &mut convert::DiagnosticsCache) {
    let task_state = state.clone();
    let mut task_cache = std::mem::take(cache);
    // Analysis is CPU work: it runs on the blocking pool so the protocol keeps flowing. The
    // message is built and sent there too, so that the diagnostics leave as soon as they are
    // ready rather than after this task is woken again.
    let analyzed = tokio::task::spawn_blocking(move || {
        let leftovers = task_state.release_stale_snapshot(&uri);
        // Stored as soon as it is computed, so that a request waiting for this draft's
        // analysis is answered before the diagnostics are built.
        if let Some(snapshot) = task_state.analyze_and_store(&uri) {
            let target = convert::Target {
                uri: &uri,
                encoding: task_state.encoding(),
                related_information: task_state.related_information(),
            };
            let message = convert::publish_snapshot(&snapshot, target, &mut task_cache);
            // Not stored or sent when the text changed during the analysis: the newer
            // generation is already scheduled, and this result would be stale.
            task_state.store_and_send(&uri, &snapshot, Some(message));
        }
        drop(leftovers);
        task_cache
    })
    .await;
    // A panic while building the message loses only the cache: the next publish rebuilds it.
    if let Ok(task_cache) = analyzed {
        *cache = task_cache;
    }
}

/// Hands memory freed by closed drafts back to the operating system. glibc's allocator keeps
/// freed memory for reuse, so without this a server that once held a hundred drafts would keep
/// their memory after all were closed; a newsroom editor runs for days.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn release_freed_memory() {
    extern "C" {
        fn malloc_trim(pad: usize) -> i32;
    }
    // SAFETY: malloc_trim only returns free pages of glibc's own heap to the system; it takes
    // no pointers and is safe to call from any thread at any time.
    unsafe {
        malloc_trim(0);
    }
}

/// Other allocators return memory on their own terms; nothing to do.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn release_freed_memory() {}
