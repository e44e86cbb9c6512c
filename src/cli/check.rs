//! `copydesk check`: finds the drafts, analyses each, prints the findings.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::json;

use std::collections::{BTreeMap, HashMap};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex, PoisonError};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::cache::{self, Cache, Entry};
use super::changed::ChangedLines;
use super::output::{self, ConfigError, Located, Report};
use super::{CheckArgs, ColorChoice, OutputFormat};
use crate::analysis::suppressions::{Suppression, SuppressionKind};
use crate::analysis::{analyze, Analysis, Details, Finding, Format, RuleCode, Settings, Severity};
use crate::house_rules::{self, HouseRules};
use crate::text::{Document, PositionEncoding};

/// Exit statuses, as CI systems read them.
pub const EXIT_CLEAN: i32 = 0;
pub const EXIT_FINDINGS: i32 = 1;
pub const EXIT_ERROR: i32 = 2;

/// File extensions checked when a folder is given.
const DRAFT_EXTENSIONS: &[&str] = &["md", "markdown", "mdown", "mkd", "txt", "text"];

/// One draft to check.
struct Draft {
    /// The name shown in output ("-" reads as "<stdin>").
    display: String,
    /// The file, for finding its house rules and its changed lines; `None` for standard input.
    path: Option<PathBuf>,
    text: String,
    format: Format,
}

/// Whether the text format is coloured.
fn use_colour(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

/// The house rules in force for a draft: `--config`, else the file found above the draft.
/// Problems in a file are printed once, and the drafts under it are not checked.
struct HouseRulesCache {
    explicit: Option<PathBuf>,
    /// The real (canonical) folder of each folder drafts were named in.
    real_folders: HashMap<PathBuf, Option<PathBuf>>,
    /// The house rules file found above each folder, so that an archive keeping many drafts in
    /// one folder walks up from that folder once.
    discovered: HashMap<PathBuf, Option<PathBuf>>,
    loaded: HashMap<PathBuf, Option<HouseRules>>,
    /// Every mistake found in a house rules file, with the drafts it left unchecked.
    errors: Vec<ConfigError>,
}

impl HouseRulesCache {
    /// The house rules file that governs a draft (`None` for the built-in defaults), or `Err`
    /// with that file when it has errors and the draft is not to be checked.
    fn for_draft(
        &mut self,
        draft_path: Option<&Path>,
        stderr: &mut dyn Write,
    ) -> Result<Option<PathBuf>, PathBuf> {
        let path = match &self.explicit {
            Some(path) => Some(path.clone()),
            None => {
                let folder = match draft_path {
                    Some(path) => self.real_folder(path),
                    None => std::env::current_dir().ok(),
                };
                folder.and_then(|folder| {
                    self.discovered
                        .entry(folder)
                        .or_insert_with_key(|folder| house_rules::discover(folder, None))
                        .clone()
                })
            }
        };
        let Some(path) = path else {
            return Ok(None);
        };
        let errors = &mut self.errors;
        let loaded =
            self.loaded
                .entry(path.clone())
                .or_insert_with(|| match house_rules::load(&path) {
                    Ok((rules, _)) => Some(rules),
                    Err((problems, text)) => {
                        for problem in problems {
                            let _ = writeln!(stderr, "copydesk: {}", problem.render(&path, &text));
                            let (line, column) =
                                house_rules::line_column(&text, problem.span.start);
                            errors.push(ConfigError {
                                path: shown_path(&path),
                                line,
                                column,
                                message: problem.message,
                                unchecked: Vec::new(),
                            });
                        }
                        let _ = writeln!(
                            stderr,
                            "copydesk: {} has errors; the drafts it governs were not checked",
                            path.display()
                        );
                        None
                    }
                });
        if loaded.is_none() {
            return Err(path);
        }
        Ok(Some(path))
    }

    /// The real folder a draft lies in, where its house rules are looked for. A draft that is
    /// not a symbolic link lies in the real folder of the folder it was named in, which is
    /// resolved once per folder (an archive keeps many drafts in one folder, and resolving a
    /// path costs a system call per component) instead of once per draft. A link is resolved
    /// itself, since the house rules beside the file it leads to are the ones in force.
    fn real_folder(&mut self, draft: &Path) -> Option<PathBuf> {
        let is_link = std::fs::symlink_metadata(draft).map(|metadata| metadata.is_symlink());
        if is_link.is_ok_and(|is_link| !is_link) {
            let named_in = match draft.parent() {
                Some(folder) if !folder.as_os_str().is_empty() => folder,
                _ => Path::new("."),
            };
            return self
                .real_folders
                .entry(named_in.to_path_buf())
                .or_insert_with_key(|folder| std::fs::canonicalize(folder).ok())
                .clone();
        }
        std::fs::canonicalize(draft)
            .ok()
            .and_then(|path| path.parent().map(Path::to_path_buf))
    }

    /// Records that a draft was left unchecked because its house rules file has errors.
    fn not_checked(&mut self, rules: &Path, display: &str) {
        let shown = shown_path(rules);
        for error in self.errors.iter_mut().filter(|error| error.path == shown) {
            error.unchecked.push(display.to_string());
        }
    }
}

/// A path as reports show it: relative to the working folder when it lies inside it, as CI
/// annotations and code scanning expect, else as it is.
fn shown_path(path: &Path) -> String {
    let relative = std::env::current_dir()
        .ok()
        .and_then(|cwd| std::fs::canonicalize(cwd).ok())
        .and_then(|cwd| {
            let absolute = std::fs::canonicalize(path).ok()?;
            absolute.strip_prefix(&cwd).ok().map(Path::to_path_buf)
        });
    relative
        .unwrap_or_else(|| path.to_path_buf())
        .display()
        .to_string()
}

/// The settings drafts are checked with, one for each house rules file in use.
struct Profile {
    settings: Settings,
    /// Everything in the settings, as part of the cache key: house rules, flags, the
    /// publication date and today's date (relative dates resolve against them).
    key: String,
}

/// One draft to check, in output order.
struct Job {
    path: PathBuf,
    display: String,
    profile: usize,
}

/// What the workers share.
struct Context<'a> {
    args: &'a CheckArgs,
    profiles: &'a [Profile],
    changed: Option<&'a ChangedLines>,
    cache: Option<&'a Cache>,
    colour: bool,
}

/// A draft's result.
enum Outcome {
    Checked {
        entry: Entry,
        bytes: u64,
    },
    /// The draft could not be read (or checked): the message for standard error.
    Failed(String),
}

/// Runs the check and returns the process exit status.
pub fn run(
    args: &CheckArgs,
    today: jiff::civil::Date,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> i32 {
    let started = std::time::Instant::now();
    let reference_date = match &args.reference_date {
        Some(date) => match date.parse() {
            Ok(date) => Some(date),
            Err(_) => {
                let _ = writeln!(
                    stderr,
                    "copydesk: --reference-date must be a date like 2022-02-28, not {date:?}"
                );
                return EXIT_ERROR;
            }
        },
        None => None,
    };
    if let Some(path) = &args.config {
        if !path.is_file() {
            let _ = writeln!(
                stderr,
                "copydesk: --config {}: no such file",
                path.display()
            );
            return EXIT_ERROR;
        }
    }
    let changed = match &args.changed_lines {
        Some(range) => {
            let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
            match ChangedLines::from_git(range, &cwd) {
                Ok(changed) => Some(changed),
                Err(message) => {
                    let _ = writeln!(stderr, "copydesk: {message}");
                    return EXIT_ERROR;
                }
            }
        }
        None => None,
    };
    let mut had_error = false;
    let mut paths = Vec::new();
    for path in &args.paths {
        let before = paths.len();
        let mut failed = false;
        for (message, is_error) in collect(path, args, &mut paths) {
            let _ = writeln!(stderr, "copydesk: {message}");
            had_error |= is_error;
            failed |= is_error;
        }
        if !failed && paths.len() == before && !args.allow_empty {
            // A gate pointed at the wrong folder must not pass by checking nothing.
            let _ = writeln!(
                stderr,
                "copydesk: no drafts found under {} (Markdown or text files); pass --allow-empty if that is expected",
                path.display()
            );
            had_error = true;
        }
    }
    // The house rules of every draft are settled before any draft is read, so that the formats
    // that report house rules errors first (JSON, GitHub, Checkstyle) can stream the drafts.
    let mut house = HouseRulesCache {
        explicit: args.config.clone(),
        real_folders: HashMap::new(),
        discovered: HashMap::new(),
        loaded: HashMap::new(),
        errors: Vec::new(),
    };
    let mut profiles: Vec<Profile> = Vec::new();
    let mut profile_of: HashMap<Option<PathBuf>, usize> = HashMap::new();
    let mut jobs = Vec::with_capacity(paths.len());
    for path in paths {
        let is_stdin = path == Path::new("-");
        let display = if is_stdin {
            "<stdin>".to_string()
        } else {
            path.display().to_string()
        };
        let rules_path = match house.for_draft((!is_stdin).then_some(&*path), stderr) {
            Ok(rules_path) => rules_path,
            Err(broken) => {
                had_error = true;
                // A draft that cannot be read is reported as such, not as left unchecked.
                match read_draft(&path, args.max_file_bytes) {
                    Ok(_) => house.not_checked(&broken, &display),
                    Err(message) => {
                        let _ = writeln!(stderr, "copydesk: {message}");
                    }
                }
                continue;
            }
        };
        let profile = match profile_of.get(&rules_path) {
            Some(profile) => *profile,
            None => {
                let rules = rules_path
                    .as_ref()
                    .and_then(|path| house.loaded.get(path).cloned().flatten())
                    .unwrap_or_default();
                let mut settings = Settings::new(today);
                rules.apply_to(&mut settings);
                // The command line's flags override the house rules, as editor settings do.
                if let Some(style) = args.date_style {
                    settings.date_style = style.into();
                }
                if reference_date.is_some() {
                    settings.reference_date = reference_date;
                    settings.reference_origin = crate::analysis::SettingOrigin::CommandLine;
                }
                let key = format!("{settings:?}");
                profiles.push(Profile { settings, key });
                profile_of.insert(rules_path, profiles.len() - 1);
                profiles.len() - 1
            }
        };
        jobs.push(Job {
            path,
            display,
            profile,
        });
    }
    // Lines changed in a git diff depend on more than the draft, so that mode is never cached.
    let cache = if changed.is_some() {
        None
    } else {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let requested = if args.no_cache {
            Some(false)
        } else {
            args.cache.then_some(true)
        };
        cache::location(requested, std::env::var_os(cache::DIR_VARIABLE), &cwd).map(Cache::open)
    };
    let context = Context {
        args,
        profiles: &profiles,
        changed: changed.as_ref(),
        cache: cache.as_ref(),
        colour: use_colour(args.color),
    };
    let workers = args
        .jobs
        .map(std::num::NonZeroUsize::get)
        .or_else(|| std::thread::available_parallelism().ok().map(Into::into))
        .unwrap_or(1);
    let bar = progress_bar(args, jobs.len());
    let mut sink = Sink {
        out: std::io::BufWriter::new(stdout),
        error: None,
    };
    let mut header = Vec::new();
    if !args.list_suppressions {
        let _ = match args.format {
            OutputFormat::Json => house
                .errors
                .iter()
                .try_for_each(|error| write_config_error_json(&mut header, error)),
            OutputFormat::Github => output::github_config_errors(&mut header, &house.errors),
            OutputFormat::Checkstyle => output::checkstyle_head(&mut header, &house.errors),
            OutputFormat::Text | OutputFormat::Sarif => Ok(()),
        };
    }
    sink.write(&header, bar.as_ref());
    let threshold: Severity = args.severity.into();
    let mut counts: Vec<(RuleCode, usize)> = RuleCode::ALL.iter().map(|code| (*code, 0)).collect();
    let mut failing = false;
    let mut by_severity = [0usize; 4];
    let mut checked = 0usize;
    let mut checked_bytes = 0u64;
    let mut suppressions = 0usize;
    let mut sarif_results = Vec::new();
    let mut sarif_displays = Vec::new();
    in_order(
        &jobs,
        workers,
        |job| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check_one(job, &context)))
                .unwrap_or_else(|_| {
                    Outcome::Failed(format!(
                        "{}: copydesk failed on this draft (an internal error); skipped",
                        job.display
                    ))
                })
        },
        || {
            if let Some(bar) = &bar {
                bar.inc(1);
            }
        },
        |index, outcome| {
            match outcome {
                Outcome::Failed(message) => {
                    match &bar {
                        Some(bar) => bar.suspend(|| writeln!(stderr, "copydesk: {message}")),
                        None => writeln!(stderr, "copydesk: {message}"),
                    }
                    .ok();
                    had_error = true;
                }
                Outcome::Checked { entry, bytes } => {
                    checked += 1;
                    checked_bytes += bytes;
                    suppressions += entry.suppressions;
                    for (code, severity) in &entry.findings {
                        let severity = severity_from_index(*severity);
                        failing |= severity >= threshold;
                        by_severity[severity as usize] += 1;
                        if let Some(entry) =
                            counts.iter_mut().find(|(rule, _)| rule.as_str() == code)
                        {
                            entry.1 += 1;
                        }
                    }
                    sink.write(entry.output.as_bytes(), bar.as_ref());
                    if args.format == OutputFormat::Sarif && !args.list_suppressions {
                        sarif_results.extend(entry.sarif);
                        sarif_displays.push(jobs[index].display.clone());
                    }
                    if let Some(bar) = &bar {
                        bar.set_message(plural(by_severity.iter().sum(), "finding"));
                    }
                }
            }
            // Any failure but a closed pipe stops the run: its output would be incomplete.
            sink.error
                .as_ref()
                .is_none_or(|error| error.kind() == std::io::ErrorKind::BrokenPipe)
        },
    );
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let mut footer = Vec::new();
    if args.list_suppressions {
        if args.format != OutputFormat::Json {
            let _ = writeln!(
                footer,
                "{} in {}.",
                plural(suppressions, "suppression"),
                plural(checked, "file")
            );
        }
    } else {
        let _ = match args.format {
            OutputFormat::Sarif => serde_json::to_writer_pretty(
                &mut footer,
                &output::sarif_log(sarif_results, &sarif_displays, &house.errors),
            )
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(footer)),
            OutputFormat::Checkstyle => output::checkstyle_tail(&mut footer),
            OutputFormat::Text | OutputFormat::Json | OutputFormat::Github => Ok(()),
        };
    }
    sink.write(&footer, None);
    if sink.error.is_none() {
        if let Err(error) = sink.out.flush() {
            sink.error = Some(error);
        }
    }
    let pipe_closed = match &sink.error {
        None => false,
        // A reader that stops early (`copydesk check ... | head`) closes the pipe: that is the
        // end of the output, not a failure, and the status is what the findings make it.
        Some(error) if error.kind() == std::io::ErrorKind::BrokenPipe => true,
        Some(_) => return EXIT_ERROR,
    };
    if args.stats {
        let _ = write_stats(
            stderr,
            &Stats {
                files: checked,
                bytes: checked_bytes,
                counts: &counts,
                reused: cache
                    .as_ref()
                    .map(|cache| cache.hits.load(Ordering::Relaxed)),
                elapsed: started.elapsed(),
                workers: workers.min(jobs.len()).max(1),
            },
        );
    }
    if let Some(cache) = &cache {
        cache.prune(Cache::bound(jobs.len()));
    }
    if args.list_suppressions {
        return if had_error { EXIT_ERROR } else { EXIT_CLEAN };
    }
    let unchecked: usize = house.errors.iter().map(|error| error.unchecked.len()).sum();
    let mut summary = summary(checked, &by_severity, &counts, changed.is_some());
    if unchecked > 0 {
        summary.push_str(&format!(
            " {} not checked: the house rules file has errors.",
            plural(unchecked, "draft")
        ));
    }
    // Formats that a program reads keep standard output to themselves.
    if !args.quiet {
        let _ = match args.format {
            OutputFormat::Text | OutputFormat::Github if pipe_closed => Ok(()),
            OutputFormat::Text | OutputFormat::Github => {
                writeln!(sink.out, "{summary}").and_then(|()| sink.out.flush())
            }
            _ => writeln!(stderr, "{summary}"),
        };
    }
    if had_error {
        EXIT_ERROR
    } else if failing && !args.exit_zero {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

/// Standard output, buffered, remembering the first failure to write: after it nothing more is
/// written.
struct Sink<'a> {
    out: std::io::BufWriter<&'a mut dyn Write>,
    error: Option<std::io::Error>,
}

impl Sink<'_> {
    fn write(&mut self, bytes: &[u8], bar: Option<&ProgressBar>) {
        if self.error.is_some() || bytes.is_empty() {
            return;
        }
        // On a terminal the bar steps aside while the findings are printed above it.
        let out = &mut self.out;
        let written = match bar {
            Some(bar) => bar.suspend(|| out.write_all(bytes).and_then(|()| out.flush())),
            None => out.write_all(bytes),
        };
        if let Err(error) = written {
            self.error = Some(error);
        }
    }
}

/// The severity stored in a cache entry as `Severity as u8`.
fn severity_from_index(index: u8) -> Severity {
    [
        Severity::Hint,
        Severity::Information,
        Severity::Warning,
        Severity::Error,
    ]
    .into_iter()
    .find(|severity| *severity as u8 == index)
    .unwrap_or(Severity::Error)
}

/// Checks one draft: from the cache when an entry matches, else by analysing it.
fn check_one(job: &Job, context: &Context) -> Outcome {
    let draft = match read_draft(&job.path, context.args.max_file_bytes) {
        Ok(draft) => draft,
        Err(message) => return Outcome::Failed(message),
    };
    let bytes = draft.text.len() as u64;
    let profile = &context.profiles[job.profile];
    let key = context.cache.map(|cache| {
        let rendering = format!(
            "{:?} colour={} list-suppressions={} {}",
            context.args.format, context.colour, context.args.list_suppressions, draft.display
        );
        cache.key(&profile.key, &rendering, draft.text.as_bytes())
    });
    if let (Some(cache), Some(key)) = (context.cache, &key) {
        if let Some(entry) = cache.get(key) {
            return Outcome::Checked { entry, bytes };
        }
    }
    let entry = render(&draft, &profile.settings, context);
    if let (Some(cache), Some(key)) = (context.cache, &key) {
        cache.put(key, &entry);
    }
    Outcome::Checked { entry, bytes }
}

/// Analyses a draft and renders its part of the output.
fn render(draft: &Draft, settings: &Settings, context: &Context) -> Entry {
    let args = context.args;
    let analysis = analyze(&draft.text, draft.format, settings);
    let document = Document::new(&draft.text, 0, "");
    let mut output = Vec::new();
    if args.list_suppressions {
        // Writing into memory cannot fail.
        let _ = list_suppressions(
            &mut output,
            draft,
            &analysis,
            &document,
            args.format == OutputFormat::Json,
        );
        return Entry {
            output: String::from_utf8_lossy(&output).into_owned(),
            suppressions: analysis.suppressions.len(),
            ..Entry::default()
        };
    }
    let mut located = Vec::new();
    for finding in &analysis.findings {
        let start = line_column(&document, finding.span.start);
        let end = line_column(&document, finding.span.end);
        if let (Some(changed), Some(path)) = (context.changed, &draft.path) {
            if !changed.touches(path, start.0, end.0) {
                continue;
            }
        } else if context.changed.is_some() {
            // Standard input has no lines in any diff.
            continue;
        }
        located.push(Located {
            finding,
            start,
            end,
        });
    }
    let findings = located
        .iter()
        .map(|located| {
            (
                located.finding.rule.as_str().to_string(),
                located.finding.severity as u8,
            )
        })
        .collect();
    let report = Report {
        display: &draft.display,
        findings: located,
    };
    let mut sarif = Vec::new();
    // Writing into memory cannot fail.
    let _ = match args.format {
        OutputFormat::Text => write_text(&mut output, draft, &document, &report, context.colour),
        OutputFormat::Json => write_json(
            &mut output,
            draft,
            &document,
            &report,
            &analysis.suppressions,
        ),
        OutputFormat::Sarif => {
            sarif = output::sarif_results(&report);
            Ok(())
        }
        OutputFormat::Github => output::github_report(&mut output, &report),
        OutputFormat::Checkstyle => output::checkstyle_report(&mut output, &report),
    };
    Entry {
        output: String::from_utf8_lossy(&output).into_owned(),
        sarif,
        findings,
        suppressions: analysis.suppressions.len(),
    }
}

/// Runs `work` over `items` on `workers` threads and hands each result to `deliver` in the
/// order of `items`, as soon as it and all before it are done, so output is streamed in a
/// stable order whatever the scheduling. A worker never runs more than a window of items ahead
/// of the last one delivered, so memory stays flat however many items there are. `arrived` is
/// called as each result comes in (for the progress bar); `deliver` returns false to stop.
fn in_order<T: Sync, R: Send>(
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
fn progress_bar(args: &CheckArgs, files: usize) -> Option<ProgressBar> {
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

/// What `--stats` reports.
struct Stats<'a> {
    files: usize,
    bytes: u64,
    counts: &'a [(RuleCode, usize)],
    /// Drafts whose result came from the cache, or `None` without a cache.
    reused: Option<usize>,
    elapsed: std::time::Duration,
    workers: usize,
}

/// `--stats`: one fact per line, on standard error so that no format's output changes.
fn write_stats(out: &mut dyn Write, stats: &Stats) -> std::io::Result<()> {
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
fn summary(
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

/// `--list-suppressions`: a draft's suppressions with their reasons, one per line, or as JSON.
fn list_suppressions(
    out: &mut dyn Write,
    draft: &Draft,
    analysis: &Analysis,
    document: &Document,
    json_format: bool,
) -> std::io::Result<()> {
    if json_format {
        let listing = JsonSuppressions {
            path: &draft.display,
            suppressions: json_suppressions(document, &analysis.suppressions),
        };
        serde_json::to_writer(&mut *out, &listing)?;
        return writeln!(out);
    }
    for suppression in &analysis.suppressions {
        let (line, column) = line_column(document, suppression.span.start);
        let reason = suppression
            .reason
            .as_deref()
            .map_or("(no reason given)".to_string(), |reason| {
                format!("reason: {reason}")
            });
        let effect = if suppression.kind == SuppressionKind::Enable {
            String::new()
        } else {
            format!(" [silenced {}]", suppression.suppressed)
        };
        writeln!(
            out,
            "{}:{line}:{column}: {} {}: {reason}{effect}",
            draft.display,
            suppression.kind.keyword(),
            suppression.describe_codes()
        )?;
    }
    Ok(())
}

fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

/// Adds `path` (a file, or the drafts inside a folder, sorted) to `found`. Only regular files
/// are read: a FIFO or a device named `*.md` would block or never end. Inside folders the walk
/// is ripgrep's: hidden files and what `.gitignore` and `.ignore` list are skipped, symbolic links
/// are followed only with `--follow`, and a link that leads back into the walk is reported
/// instead of walked again. Returns notes for standard error and whether any was an error.
fn collect(path: &Path, args: &CheckArgs, found: &mut Vec<PathBuf>) -> Vec<(String, bool)> {
    let mut notes = Vec::new();
    if path == Path::new("-") {
        found.push(path.to_path_buf());
        return notes;
    }
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(error) => {
            notes.push((format!("cannot read {}: {error}", path.display()), true));
            return notes;
        }
    };
    if metadata.is_file() {
        found.push(path.to_path_buf());
        return notes;
    }
    if !metadata.is_dir() {
        notes.push((
            format!(
                "{} is not a regular file (a pipe, socket or device); skipped",
                path.display()
            ),
            true,
        ));
        return notes;
    }
    let mut overrides = ignore::overrides::OverrideBuilder::new(path);
    for glob in &args.exclude {
        if let Err(error) = overrides.add(&format!("!{glob}")) {
            notes.push((format!("--exclude {glob:?}: {error}"), true));
            return notes;
        }
    }
    let overrides = match overrides.build() {
        Ok(overrides) => overrides,
        Err(error) => {
            notes.push((format!("--exclude: {error}"), true));
            return notes;
        }
    };
    let walker = ignore::WalkBuilder::new(path)
        .follow_links(args.follow)
        .require_git(false)
        .overrides(overrides)
        .sort_by_file_name(|a, b| a.cmp(b))
        .filter_entry(|entry| {
            !(entry.depth() > 0
                && entry.file_type().is_some_and(|kind| kind.is_dir())
                && matches!(entry.file_name().to_str(), Some("node_modules" | "target")))
        })
        .build();
    // With `--follow`, two links may lead to the same draft: it is checked once.
    let mut seen = std::collections::HashSet::new();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                // A loop is the tree's shape, not a reading error: it is reported and walked once.
                notes.push((format!("{error}; skipped"), !is_loop(&error)));
                continue;
            }
        };
        let is_draft_name = entry
            .path()
            .extension()
            .and_then(|extension| extension.to_str())
            .is_some_and(|extension| {
                DRAFT_EXTENSIONS.contains(&extension.to_ascii_lowercase().as_str())
            });
        let Some(kind) = entry.file_type() else {
            continue;
        };
        if !is_draft_name || kind.is_dir() {
            continue;
        }
        if kind.is_symlink() {
            // Without --follow, a link is not read; its target may be outside the tree.
            continue;
        }
        if !kind.is_file() {
            notes.push((
                format!(
                    "{} is not a regular file (a pipe, socket or device); skipped",
                    entry.path().display()
                ),
                false,
            ));
            continue;
        }
        // Without --follow no link is walked, so no draft is reached twice and the walk need not
        // resolve every draft's path.
        if !args.follow
            || seen
                .insert(std::fs::canonicalize(entry.path()).unwrap_or(entry.path().to_path_buf()))
        {
            found.push(entry.into_path());
        }
    }
    notes
}

/// Reads a draft of at most `limit` bytes. Reading stops one byte past the limit, so a huge
/// file (or an endless stream on standard input) costs no more than the limit.
/// Whether a walk error is a symbolic link leading back into the walk.
fn is_loop(error: &ignore::Error) -> bool {
    match error {
        ignore::Error::Loop { .. } => true,
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => is_loop(err),
        ignore::Error::Partial(errors) => errors.iter().any(is_loop),
        _ => false,
    }
}

fn read_draft(path: &Path, limit: u64) -> Result<Draft, String> {
    let (display, format) = if path == Path::new("-") {
        ("<stdin>".to_string(), Format::Markdown)
    } else {
        (path.display().to_string(), Format::from_path(path))
    };
    let mut bytes = Vec::new();
    let read = if path == Path::new("-") {
        std::io::stdin()
            .lock()
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|error| format!("cannot read standard input: {error}"))
    } else {
        std::fs::File::open(path)
            .and_then(|file| {
                // The buffer takes the file's size at once instead of growing as it reads.
                let size = file.metadata().map_or(0, |metadata| metadata.len());
                bytes.reserve(usize::try_from(size.min(limit)).unwrap_or(0) + 1);
                file.take(limit.saturating_add(1)).read_to_end(&mut bytes)
            })
            .map_err(|error| format!("cannot read {}: {error}", path.display()))
    };
    read?;
    if bytes.len() as u64 > limit {
        // The file's own size when it has one; standard input is only known to be larger.
        let size = std::fs::metadata(path)
            .ok()
            .filter(|metadata| metadata.is_file() && path != Path::new("-"))
            .map(|metadata| metadata.len());
        let message = match size {
            Some(size) => crate::limits::draft_too_large(size, limit, "option --max-file-bytes"),
            None => format!(
                "This file is too large to check: more than {}; the limit is {} (option \
                 --max-file-bytes).",
                crate::limits::bytes(limit),
                crate::limits::bytes(limit)
            ),
        };
        return Err(format!("{display}: {message} Skipped"));
    }
    if bytes.contains(&0) {
        return Err(format!(
            "{display} looks like a binary file, not a draft; skipped"
        ));
    }
    let text = String::from_utf8(bytes).map_err(|error| {
        format!(
            "{display} is not UTF-8 text (invalid byte at offset {}); skipped",
            error.utf8_error().valid_up_to()
        )
    })?;
    Ok(Draft {
        path: (path != Path::new("-")).then(|| path.to_path_buf()),
        display,
        text,
        format,
    })
}

/// 1-based line and column (in Unicode scalar values) of a byte offset.
fn line_column(document: &Document, offset: usize) -> (u32, u32) {
    let position = document.position_at(offset, PositionEncoding::Utf32);
    (position.line + 1, position.character + 1)
}

/// The text of a line, for the snippet under a finding.
/// A line of the document (1-based) without its line break.
fn line_of(document: &Document, line: u32) -> ropey::RopeSlice<'_> {
    let rope = document.rope();
    let index = (line as usize)
        .saturating_sub(1)
        .min(rope.len_lines().saturating_sub(1));
    let slice = rope.line(index);
    let mut length = slice.len_chars();
    while length > 0 && matches!(slice.char(length - 1), '\n' | '\r') {
        length -= 1;
    }
    slice.slice(..length)
}

/// ANSI styles for the text format.
struct Paint(bool);

impl Paint {
    fn style(&self, code: &str, text: &str) -> String {
        if self.0 {
            format!("\u{1b}[{code}m{text}\u{1b}[0m")
        } else {
            text.to_string()
        }
    }

    fn severity(&self, severity: Severity) -> &'static str {
        match severity {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Information => "1;34",
            Severity::Hint => "1;36",
        }
    }
}

fn write_text(
    out: &mut dyn Write,
    draft: &Draft,
    document: &Document,
    report: &Report,
    colour: bool,
) -> std::io::Result<()> {
    let paint = Paint(colour);
    for located in &report.findings {
        let finding = located.finding;
        let (line, column) = located.start;
        let (end_line, end_column) = located.end;
        let level = paint.severity(finding.severity);
        writeln!(
            out,
            "{}{}",
            paint.style(
                level,
                &format!("{}[{}]", finding.severity.as_str(), finding.rule)
            ),
            paint.style("1", &format!(": {}", finding.message))
        )?;
        writeln!(
            out,
            "  {} {}:{line}:{column}",
            paint.style("1;34", "-->"),
            draft.display
        )?;
        let source_line = line_of(document, line);
        let underline_end = if end_line == line {
            end_column
        } else {
            source_line.len_chars() as u32 + 1
        };
        let (excerpt, caret_start) =
            excerpt(source_line, column as usize - 1, underline_end as usize - 1);
        let gutter = " ".repeat(line.to_string().len());
        let bar = paint.style("1;34", "|");
        let caret_len = (underline_end.saturating_sub(column) as usize).max(1);
        writeln!(out, "{gutter} {bar}")?;
        writeln!(
            out,
            "{} {bar} {excerpt}",
            paint.style("1;34", &line.to_string())
        )?;
        writeln!(
            out,
            "{gutter} {bar} {}{}",
            " ".repeat(caret_start),
            paint.style(
                level,
                &"^".repeat(
                    caret_len.min(excerpt.chars().count().saturating_sub(caret_start).max(1))
                )
            )
        )?;
        let equals = paint.style("1;34", "=");
        for note in finding.explanation() {
            writeln!(
                out,
                "{gutter} {equals} {} {note}",
                paint.style("1", "note:")
            )?;
        }
        for fix in &finding.fixes {
            writeln!(
                out,
                "{gutter} {equals} {} {}",
                paint.style("1", "fix:"),
                fix.title
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Cuts a long line to a window around columns `start..end` (in characters); returns the
/// excerpt and where the underline starts in it. Wire copy often has a whole paragraph per line,
/// and a broken export a whole draft: only the window is copied, so a draft of one giant line
/// with thousands of findings is still printed in time linear in its size.
fn excerpt(line: ropey::RopeSlice, start: usize, end: usize) -> (String, usize) {
    const CONTEXT: usize = 40;
    let length = line.len_chars();
    if length <= 100 {
        return (line.to_string(), start);
    }
    let from = start.saturating_sub(CONTEXT).min(length);
    let to = (end + CONTEXT).min(length).max(from);
    let mut text = String::new();
    let mut caret = start - from;
    if from > 0 {
        text.push('…');
        caret += 1;
    }
    text.extend(line.slice(from..to).chars());
    if to < length {
        text.push('…');
    }
    (text, caret)
}

/// A house rules error in the JSON format: an object like a draft's, for the house rules file,
/// with one error finding, so that a program counting errors counts it.
fn write_config_error_json(out: &mut dyn Write, error: &ConfigError) -> std::io::Result<()> {
    let position = json!({ "line": error.line, "column": error.column });
    writeln!(
        out,
        "{}",
        json!({
            "path": error.path,
            "findings": [{
                "code": output::HOUSE_RULES_ERROR,
                "severity": "error",
                "message": error.full_message(),
                "start": position,
                "end": position,
                "fixes": [],
                "details": { "notChecked": error.unchecked },
            }],
            "notChecked": error.unchecked,
            "suppressions": [],
        })
    )
}

// The JSON format is written straight from these borrowed structures, with no intermediate
// `serde_json::Value` per finding. Their fields are declared in the alphabetical order of their
// JSON names: the format used to be built as `Value` objects, whose maps sort their keys, and
// its bytes stay exactly what they were.

/// A line and column (1-based, columns in characters).
#[derive(Serialize)]
struct JsonPosition {
    column: u32,
    line: u32,
}

impl JsonPosition {
    fn at(document: &Document, offset: usize) -> JsonPosition {
        let (line, column) = line_column(document, offset);
        JsonPosition { column, line }
    }
}

/// One draft's line of the JSON format.
#[derive(Serialize)]
struct JsonDraft<'a> {
    findings: Vec<JsonFinding<'a>>,
    path: &'a str,
    suppressions: Vec<JsonSuppression<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonFinding<'a> {
    byte_end: usize,
    byte_start: usize,
    code: &'static str,
    details: JsonDetails<'a>,
    end: JsonPosition,
    fixes: Vec<JsonFix<'a>>,
    message: &'a str,
    severity: &'static str,
    start: JsonPosition,
}

/// What the rule understood; each kind of details is an object of its own keys.
#[derive(Serialize)]
#[serde(untagged, rename_all_fields = "camelCase")]
enum JsonDetails<'a> {
    Quote {
        kind: &'a str,
        searched: &'a str,
        words: usize,
    },
    RelativeDate {
        expression: &'a str,
        in_quotation: bool,
        meaning: &'a str,
        reasoning: &'a str,
        reference_date: String,
        reference_source: String,
        resolved: &'a str,
    },
    WeekdayMismatch {
        actual: &'a str,
        nearest: &'a str,
        written: &'a str,
    },
    Notes {
        notes: &'a [String],
    },
    Figure {
        searched: &'a str,
        text: &'a str,
        understood: &'a str,
    },
}

impl<'a> JsonDetails<'a> {
    fn of(finding: &'a Finding) -> JsonDetails<'a> {
        match &finding.details {
            Details::Quote(quote) => JsonDetails::Quote {
                kind: quote.kind,
                searched: &quote.searched,
                words: quote.words,
            },
            Details::RelativeDate(date) => JsonDetails::RelativeDate {
                expression: &date.expression,
                in_quotation: date.in_quotation,
                meaning: &date.meaning,
                reasoning: &date.reasoning,
                reference_date: date.reference.date.to_string(),
                reference_source: date.reference.describe(),
                resolved: &date.resolved,
            },
            Details::WeekdayMismatch(mismatch) => JsonDetails::WeekdayMismatch {
                actual: &mismatch.actual,
                nearest: &mismatch.nearest,
                written: &mismatch.written,
            },
            Details::Notes(notes) => JsonDetails::Notes { notes },
            Details::Figure(figure) => JsonDetails::Figure {
                searched: &figure.searched,
                text: &figure.text,
                understood: &figure.understood,
            },
        }
    }
}

#[derive(Serialize)]
struct JsonFix<'a> {
    edits: Vec<JsonEdit<'a>>,
    title: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonEdit<'a> {
    byte_end: usize,
    byte_start: usize,
    end: JsonPosition,
    new_text: &'a str,
    start: JsonPosition,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonSuppression<'a> {
    codes: Vec<&'static str>,
    end: JsonPosition,
    kind: &'static str,
    reason: Option<&'a str>,
    silenced: usize,
    start: JsonPosition,
    unknown_codes: &'a [String],
}

/// A draft's line of `--list-suppressions --format json`.
#[derive(Serialize)]
struct JsonSuppressions<'a> {
    path: &'a str,
    suppressions: Vec<JsonSuppression<'a>>,
}

fn json_suppressions<'a>(
    document: &Document,
    suppressions: &'a [Suppression],
) -> Vec<JsonSuppression<'a>> {
    suppressions
        .iter()
        .map(|suppression| JsonSuppression {
            codes: suppression.codes.iter().map(|code| code.as_str()).collect(),
            end: JsonPosition::at(document, suppression.span.end),
            kind: suppression.kind.keyword(),
            reason: suppression.reason.as_deref(),
            silenced: suppression.suppressed,
            start: JsonPosition::at(document, suppression.span.start),
            unknown_codes: &suppression.unknown_codes,
        })
        .collect()
}

fn write_json(
    out: &mut dyn Write,
    draft: &Draft,
    document: &Document,
    report: &Report,
    suppressions: &[Suppression],
) -> std::io::Result<()> {
    let findings = report
        .findings
        .iter()
        .map(|located| {
            let finding = located.finding;
            JsonFinding {
                byte_end: finding.span.end,
                byte_start: finding.span.start,
                code: finding.rule.as_str(),
                details: JsonDetails::of(finding),
                end: JsonPosition::at(document, finding.span.end),
                fixes: finding
                    .fixes
                    .iter()
                    .map(|fix| JsonFix {
                        edits: fix
                            .edits
                            .iter()
                            .map(|edit| JsonEdit {
                                byte_end: edit.range.end,
                                byte_start: edit.range.start,
                                end: JsonPosition::at(document, edit.range.end),
                                new_text: &edit.replacement,
                                start: JsonPosition::at(document, edit.range.start),
                            })
                            .collect(),
                        title: &fix.title,
                    })
                    .collect(),
                message: &finding.message,
                severity: finding.severity.as_str(),
                start: JsonPosition::at(document, finding.span.start),
            }
        })
        .collect();
    let line = JsonDraft {
        findings,
        path: &draft.display,
        suppressions: json_suppressions(document, suppressions),
    };
    serde_json::to_writer(&mut *out, &line)?;
    writeln!(out)
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

    #[test]
    fn stored_severities_read_back() {
        for severity in [
            Severity::Hint,
            Severity::Information,
            Severity::Warning,
            Severity::Error,
        ] {
            assert_eq!(severity_from_index(severity as u8), severity);
        }
    }
}
