//! The worker pool: drafts are checked on several threads and delivered in their order.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex, PoisonError};

/// Runs `work` over `items` on `workers` threads and hands each result to `deliver` in the
/// order of `items`, as soon as it and all before it are done, so output is streamed in a
/// stable order whatever the scheduling. A worker never runs more than a window of items ahead
/// of the last one delivered, so memory stays flat however many items there are. `arrived` is
/// called as each result comes in (for the progress bar); `deliver` returns false to stop.
pub(super) fn in_order<T: Sync, R: Send>(
    items: &[T],
    workers: usize,
    work: impl Fn(&T) -> R + Sync,
    mut arrived: impl FnMut(),
    mut deliver: impl FnMut(usize, R) -> bool,
) {
    let workers = workers.clamp(1, items.len().max(1));
    let window = workers * 8 + 16;
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let delivered = (Mutex::new(0usize), Condvar::new());
    let (sender, receiver) = mpsc::channel();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let sender = sender.clone();
            let (next, stop, delivered, work) = (&next, &stop, &delivered, &work);
            scope.spawn(move || loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                if index >= items.len() || stop.load(Ordering::Relaxed) {
                    break;
                }
                {
                    // The item at the delivery position always passes this test, so the
                    // workers holding it never wait and delivery always moves on.
                    let (position, moved) = delivered;
                    let mut position = position.lock().unwrap_or_else(PoisonError::into_inner);
                    while index >= *position + window && !stop.load(Ordering::Relaxed) {
                        position = moved.wait(position).unwrap_or_else(PoisonError::into_inner);
                    }
                }
                if sender.send((index, work(&items[index]))).is_err() {
                    break;
                }
            });
        }
        drop(sender);
        let mut waiting = BTreeMap::new();
        let mut position = 0;
        for (index, result) in receiver {
            arrived();
            waiting.insert(index, result);
            while let Some(result) = waiting.remove(&position) {
                position += 1;
                if !stop.load(Ordering::Relaxed) && !deliver(position - 1, result) {
                    stop.store(true, Ordering::Relaxed);
                }
            }
            let (shared, moved) = &delivered;
            *shared.lock().unwrap_or_else(PoisonError::into_inner) = position;
            moved.notify_all();
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_are_delivered_in_order_whatever_finishes_first() {
        let items: Vec<u64> = (0..200).collect();
        for workers in [1, 2, 7] {
            let mut arrivals = 0;
            let mut delivered = Vec::new();
            in_order(
                &items,
                workers,
                |item| {
                    // Early items take longest, so later ones finish first.
                    std::thread::sleep(std::time::Duration::from_micros((200 - item) % 13 * 50));
                    item * 10
                },
                || arrivals += 1,
                |index, result| {
                    delivered.push((index, result));
                    true
                },
            );
            assert_eq!(arrivals, items.len());
            let expected: Vec<(usize, u64)> = items
                .iter()
                .map(|item| (*item as usize, item * 10))
                .collect();
            assert_eq!(delivered, expected, "with {workers} workers");
        }
    }

    #[test]
    fn a_refused_delivery_stops_the_run() {
        let items: Vec<usize> = (0..10_000).collect();
        let worked = AtomicUsize::new(0);
        let mut delivered = 0;
        in_order(
            &items,
            2,
            |item| {
                worked.fetch_add(1, Ordering::Relaxed);
                *item
            },
            || {},
            |_, _| {
                delivered += 1;
                delivered < 3
            },
        );
        assert_eq!(delivered, 3, "nothing is delivered after a refusal");
        // The window keeps the workers near the delivery position, so they stop soon after.
        assert!(worked.load(Ordering::Relaxed) < 200);
    }

    #[test]
    fn an_empty_list_delivers_nothing() {
        let mut delivered = 0;
        in_order(
            &[] as &[u8],
            4,
            |_| (),
            || {},
            |_, ()| {
                delivered += 1;
                true
            },
        );
        assert_eq!(delivered, 0);
    }
}
