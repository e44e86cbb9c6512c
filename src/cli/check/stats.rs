//! The summary line and `--stats`.

use std::io::Write;

use crate::analysis::{RuleCode, Severity};

/// What `--stats` reports.
pub(super) struct Stats<'a> {
    pub(super) files: usize,
    pub(super) bytes: u64,
    pub(super) counts: &'a [(RuleCode, usize)],
    /// Drafts whose result came from the cache, or `None` without a cache.
    pub(super) reused: Option<usize>,
    pub(super) elapsed: std::time::Duration,
    pub(super) workers: usize,
}

/// `--stats`: one fact per line, on standard error so that no format's output changes.
pub(super) fn write_stats(out: &mut dyn Write, stats: &Stats) -> std::io::Result<()> {
    let seconds = stats.elapsed.as_secs_f64();
    let megabytes = stats.bytes as f64 / 1_000_000.0;
    let total: usize = stats.counts.iter().map(|(_, count)| count).sum();
    writeln!(out, "files:       {}", stats.files)?;
    writeln!(out, "bytes:       {} ({megabytes:.1} MB)", stats.bytes)?;
    writeln!(out, "findings:    {total}")?;
    for (code, count) in stats.counts {
        writeln!(out, "  {:24} {count}", code.as_str())?;
    }
    match stats.reused {
        Some(reused) => writeln!(
            out,
            "cache:       {reused} from the cache, {} checked",
            stats.files.saturating_sub(reused)
        )?,
        None => writeln!(out, "cache:       off")?,
    }
    writeln!(
        out,
        "time:        {seconds:.3} s with {}",
        plural(stats.workers, "job")
    )?;
    let rate = |amount: f64| if seconds > 0.0 { amount / seconds } else { 0.0 };
    writeln!(
        out,
        "throughput:  {:.0} files/s, {:.1} MB/s",
        rate(stats.files as f64),
        rate(megabytes)
    )
}

/// "3 files checked: 4 findings (2 warning, 2 information; relative-date 2, unsourced-figure 2)."
pub(super) fn summary(
    files: usize,
    by_severity: &[usize; 4],
    counts: &[(RuleCode, usize)],
    changed_only: bool,
) -> String {
    let per_rule: Vec<String> = counts
        .iter()
        .filter(|(_, count)| *count > 0)
        .map(|(code, count)| format!("{code} {count}"))
        .collect();
    let total: usize = by_severity.iter().sum();
    let checked = if changed_only {
        format!("{} checked (changed lines only)", plural(files, "file"))
    } else {
        format!("{} checked", plural(files, "file"))
    };
    if total == 0 {
        return format!("{checked}: no findings.");
    }
    format!(
        "{checked}: {} ({}; {}).",
        plural(total, "finding"),
        [
            (Severity::Error, "error"),
            (Severity::Warning, "warning"),
            (Severity::Information, "information"),
            (Severity::Hint, "hint"),
        ]
        .iter()
        .filter(|(severity, _)| by_severity[*severity as usize] > 0)
        .map(|(severity, name)| format!("{} {name}", by_severity[*severity as usize]))
        .collect::<Vec<_>>()
        .join(", "),
        per_rule.join(", ")
    )
}

pub(super) fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}
