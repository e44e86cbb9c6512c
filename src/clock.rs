//! The one clock: today's date, for the server, the command line and the fact-check sheet alike.
//! Relative dates count from a draft's publication date; when a draft has none, they count from
//! today, so every part of copydesk must agree on what today is.

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Today's date in the machine's time zone: a draft written late in the evening is dated by
/// the reporter's calendar, not by UTC's.
///
/// Looking up the time zone costs tens of microseconds, which the server would otherwise pay on
/// every keystroke, so the date is remembered for a second: a new day shows at most a second
/// late.
pub fn today() -> jiff::civil::Date {
    static LAST: Mutex<Option<(Instant, jiff::civil::Date)>> = Mutex::new(None);
    let now = Instant::now();
    let mut last = LAST.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    match *last {
        Some((taken, date)) if now.duration_since(taken) < Duration::from_secs(1) => date,
        _ => {
            let date = jiff::Zoned::now().date();
            *last = Some((now, date));
            date
        }
    }
}
