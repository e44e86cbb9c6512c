//! The progress bar, drawn only for a person watching a terminal.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::cli::CheckArgs;

/// Runs over fewer drafts than this finish before a bar would be worth reading.
const PROGRESS_MIN_FILES: usize = 10;

/// Whether to draw a progress bar: only for a person watching a terminal. Not in CI (`CI`
/// set), not with `--quiet`, not when standard error is not a terminal, and not when standard
/// output goes into a pipe, whose reader (a pager, `grep`) shares the terminal with the bar.
fn wants_progress(
    quiet: bool,
    in_ci: bool,
    stderr_is_terminal: bool,
    stdout_is_pipe: bool,
    files: usize,
) -> bool {
    !quiet && !in_ci && stderr_is_terminal && !stdout_is_pipe && files >= PROGRESS_MIN_FILES
}

/// Whether standard output is a pipe or a socket (not a terminal or a file).
fn stdout_is_pipe() -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        std::fs::metadata("/dev/stdout").is_ok_and(|metadata| {
            metadata.file_type().is_fifo() || metadata.file_type().is_socket()
        })
    }
    #[cfg(not(unix))]
    {
        !std::io::stdout().is_terminal()
    }
}

/// The progress bar on standard error (files done, findings so far, rate, time left), when one
/// is wanted.
pub(super) fn progress_bar(args: &CheckArgs, files: usize) -> Option<ProgressBar> {
    if !wants_progress(
        args.quiet,
        std::env::var_os("CI").is_some(),
        std::io::stderr().is_terminal(),
        stdout_is_pipe(),
        files,
    ) {
        return None;
    }
    let bar = ProgressBar::with_draw_target(Some(files as u64), ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template(
        "{bar:30.cyan/blue} {pos}/{len} files, {msg}, {rate} files/s, {eta} left",
    )
    .ok()?
    .with_key(
        "rate",
        |state: &indicatif::ProgressState, out: &mut dyn std::fmt::Write| {
            let _ = write!(out, "{:.0}", state.per_sec());
        },
    )
    .progress_chars("=> ");
    bar.set_style(style);
    bar.set_message("0 findings");
    Some(bar)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_is_only_for_a_person_at_a_terminal() {
        // quiet, CI, stderr a terminal, stdout a pipe, files
        assert!(wants_progress(false, false, true, false, 500));
        assert!(!wants_progress(true, false, true, false, 500), "--quiet");
        assert!(!wants_progress(false, true, true, false, 500), "CI set");
        assert!(
            !wants_progress(false, false, false, false, 500),
            "stderr not a terminal"
        );
        assert!(
            !wants_progress(false, false, true, true, 500),
            "stdout into a pipe"
        );
        assert!(
            !wants_progress(false, false, true, false, 3),
            "a handful of drafts"
        );
    }
}
