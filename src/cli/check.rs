//! `copydesk check`: finds the drafts, analyses each, prints the findings.
//!
//! This file runs a check from start to end: it settles each draft's house rules and settings,
//! hands the drafts to the worker pool, checks each (from the cache or by analysing it) and
//! prints the results in order. Walking and reading the drafts, the house rules lookup, the pool,
//! the progress bar, the summary and `--stats`, and the text and JSON formats live in the
//! modules below; the CI formats are in `cli::output`.

use std::io::Write;
use std::path::{Path, PathBuf};

use std::collections::HashMap;
use std::io::IsTerminal;
use std::sync::atomic::Ordering;

use indicatif::ProgressBar;

use super::cache::{self, Cache, Entry};
use super::changed::ChangedLines;
use super::output::{self, Located, Report};
use super::{CheckArgs, ColorChoice, OutputFormat};
use crate::analysis::suppressions::SuppressionKind;
use crate::analysis::{analyze, Analysis, RuleCode, Settings, Severity};
use crate::text::Document;

mod drafts;
mod house;
mod json;
mod pool;
mod progress;
mod stats;
mod text;

use drafts::{collect, read_draft, Draft};
use house::HouseRulesCache;
use json::{json_suppressions, write_config_error_json, write_json, JsonSuppressions};
use pool::in_order;
use progress::progress_bar;
use stats::{plural, summary, write_stats, Stats};
use text::write_text;

/// Exit statuses, as CI systems read them.
pub const EXIT_CLEAN: i32 = 0;
pub const EXIT_FINDINGS: i32 = 1;
pub const EXIT_ERROR: i32 = 2;

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
        let start = document.line_column(finding.span.start);
        let end = document.line_column(finding.span.end);
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
        output: into_text(output),
        sarif,
        findings,
        suppressions: analysis.suppressions.len(),
    }
}

/// A report written into memory, as text. It was written from strings, so it is UTF-8 and is
/// taken as it is, without a copy; were it not, what is not would be replaced, not lost.
fn into_text(output: Vec<u8>) -> String {
    String::from_utf8(output)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned())
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
        let (line, column) = document.line_column(suppression.span.start);
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

#[cfg(test)]
mod tests {
    use super::*;

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
