//! `copydesk check`: finds the drafts, analyses each, prints the findings.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use std::collections::HashMap;
use std::io::IsTerminal;

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
    loaded: HashMap<PathBuf, Option<HouseRules>>,
    /// Every mistake found in a house rules file, with the drafts it left unchecked.
    errors: Vec<ConfigError>,
}

impl HouseRulesCache {
    fn for_draft(&mut self, draft: &Draft, stderr: &mut dyn Write) -> Result<HouseRules, ()> {
        let path = match &self.explicit {
            Some(path) => Some(path.clone()),
            None => {
                let folder = match &draft.path {
                    Some(path) => std::fs::canonicalize(path)
                        .ok()
                        .and_then(|path| path.parent().map(Path::to_path_buf)),
                    None => std::env::current_dir().ok(),
                };
                folder.and_then(|folder| house_rules::discover(&folder, None))
            }
        };
        let Some(path) = path else {
            return Ok(HouseRules::default());
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
            let shown = shown_path(&path);
            for error in self.errors.iter_mut().filter(|error| error.path == shown) {
                error.unchecked.push(draft.display.clone());
            }
        }
        loaded.clone().ok_or(())
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

/// Runs the check and returns the process exit status.
pub fn run(
    args: &CheckArgs,
    today: jiff::civil::Date,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> i32 {
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
    let mut drafts = Vec::new();
    for path in paths {
        match read_draft(&path, args.max_file_bytes) {
            Ok(draft) => drafts.push(draft),
            Err(message) => {
                let _ = writeln!(stderr, "copydesk: {message}");
                had_error = true;
            }
        }
    }
    let mut house = HouseRulesCache {
        explicit: args.config.clone(),
        loaded: HashMap::new(),
        errors: Vec::new(),
    };
    let threshold: Severity = args.severity.into();
    let mut checked = Vec::new();
    for draft in &drafts {
        let Ok(rules) = house.for_draft(draft, stderr) else {
            had_error = true;
            continue;
        };
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
        let analysis = analyze(&draft.text, draft.format, &settings);
        let document = Document::new(&draft.text, 0, "");
        checked.push((draft, analysis, document));
    }
    if args.list_suppressions {
        let written = list_suppressions(stdout, &checked, args.format == OutputFormat::Json);
        let failed = written.is_err_and(|error| error.kind() != std::io::ErrorKind::BrokenPipe);
        return if had_error || failed {
            EXIT_ERROR
        } else {
            EXIT_CLEAN
        };
    }
    let mut counts: Vec<(RuleCode, usize)> = RuleCode::ALL.iter().map(|code| (*code, 0)).collect();
    let mut failing = false;
    let mut by_severity = [0usize; 4];
    let mut reports = Vec::new();
    for (draft, analysis, document) in &checked {
        let mut located = Vec::new();
        for finding in &analysis.findings {
            let start = line_column(document, finding.span.start);
            let end = line_column(document, finding.span.end);
            if let (Some(changed), Some(path)) = (&changed, &draft.path) {
                if !changed.touches(path, start.0, end.0) {
                    continue;
                }
            } else if changed.is_some() {
                // Standard input has no lines in any diff.
                continue;
            }
            failing |= finding.severity >= threshold;
            by_severity[finding.severity as usize] += 1;
            if let Some(entry) = counts.iter_mut().find(|(code, _)| *code == finding.rule) {
                entry.1 += 1;
            }
            located.push(Located {
                finding,
                start,
                end,
            });
        }
        reports.push(Report {
            display: &draft.display,
            findings: located,
        });
    }
    let colour = use_colour(args.color);
    let written = match args.format {
        OutputFormat::Text => {
            checked
                .iter()
                .zip(&reports)
                .try_for_each(|((draft, _, document), report)| {
                    write_text(stdout, draft, document, report, colour)
                })
        }
        OutputFormat::Json => house
            .errors
            .iter()
            .try_for_each(|error| write_config_error_json(stdout, error))
            .and_then(|()| {
                checked.iter().zip(&reports).try_for_each(
                    |((draft, analysis, document), report)| {
                        write_json(stdout, draft, document, report, &analysis.suppressions)
                    },
                )
            }),
        OutputFormat::Sarif => {
            // serde_json keeps an I/O error's kind (a closed pipe stays one).
            serde_json::to_writer_pretty(&mut *stdout, &output::sarif(&reports, &house.errors))
                .map_err(std::io::Error::from)
                .and_then(|()| writeln!(stdout))
        }
        OutputFormat::Github => output::github(stdout, &reports, &house.errors),
        OutputFormat::Checkstyle => output::checkstyle(stdout, &reports, &house.errors),
    };
    let pipe_closed = match written {
        Ok(()) => false,
        // A reader that stops early (`copydesk check ... | head`) closes the pipe: that is the
        // end of the output, not a failure, and the status is what the findings make it.
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => true,
        Err(_) => return EXIT_ERROR,
    };
    let unchecked: usize = house.errors.iter().map(|error| error.unchecked.len()).sum();
    let mut summary = summary(checked.len(), &by_severity, &counts, changed.is_some());
    if unchecked > 0 {
        summary.push_str(&format!(
            " {} not checked: the house rules file has errors.",
            plural(unchecked, "draft")
        ));
    }
    // Formats that a program reads keep standard output to themselves.
    let _ = match args.format {
        OutputFormat::Text | OutputFormat::Github if pipe_closed => Ok(()),
        OutputFormat::Text | OutputFormat::Github => writeln!(stdout, "{summary}"),
        _ => writeln!(stderr, "{summary}"),
    };
    if had_error {
        EXIT_ERROR
    } else if failing && !args.exit_zero {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
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

/// `--list-suppressions`: every suppression with its reason, one per line, or as JSON.
fn list_suppressions(
    out: &mut dyn Write,
    checked: &[(&Draft, Analysis, Document)],
    json_format: bool,
) -> std::io::Result<()> {
    let mut total = 0;
    for (draft, analysis, document) in checked {
        if json_format {
            writeln!(
                out,
                "{}",
                json!({
                    "path": draft.display,
                    "suppressions": suppressions_json(document, &analysis.suppressions),
                })
            )?;
            continue;
        }
        for suppression in &analysis.suppressions {
            total += 1;
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
    }
    if !json_format {
        writeln!(
            out,
            "{} in {}.",
            plural(total, "suppression"),
            plural(checked.len(), "file")
        )?;
    }
    Ok(())
}

fn suppressions_json(document: &Document, suppressions: &[Suppression]) -> Vec<Value> {
    suppressions
        .iter()
        .map(|suppression| {
            json!({
                "kind": suppression.kind.keyword(),
                "codes": suppression.codes.iter().map(|code| code.as_str()).collect::<Vec<_>>(),
                "unknownCodes": suppression.unknown_codes,
                "reason": suppression.reason,
                "silenced": suppression.suppressed,
                "start": position_json(document, suppression.span.start),
                "end": position_json(document, suppression.span.end),
            })
        })
        .collect()
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
        let identity = std::fs::canonicalize(entry.path()).unwrap_or(entry.path().to_path_buf());
        if seen.insert(identity) {
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
            .and_then(|file| file.take(limit.saturating_add(1)).read_to_end(&mut bytes))
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

fn details_json(finding: &Finding) -> Value {
    match &finding.details {
        Details::Quote(quote) => json!({
            "kind": quote.kind,
            "words": quote.words,
            "searched": quote.searched,
        }),
        Details::RelativeDate(date) => json!({
            "expression": date.expression,
            "resolved": date.resolved,
            "meaning": date.meaning,
            "reasoning": date.reasoning,
            "referenceDate": date.reference.date.to_string(),
            "referenceSource": date.reference.describe(),
            "inQuotation": date.in_quotation,
        }),
        Details::WeekdayMismatch(mismatch) => json!({
            "written": mismatch.written,
            "actual": mismatch.actual,
            "nearest": mismatch.nearest,
        }),
        Details::Notes(notes) => json!({ "notes": notes }),
        Details::Figure(figure) => json!({
            "text": figure.text,
            "understood": figure.understood,
            "searched": figure.searched,
        }),
    }
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

fn position_json(document: &Document, offset: usize) -> Value {
    let (line, column) = line_column(document, offset);
    json!({ "line": line, "column": column })
}

fn write_json(
    out: &mut dyn Write,
    draft: &Draft,
    document: &Document,
    report: &Report,
    suppressions: &[Suppression],
) -> std::io::Result<()> {
    let findings: Vec<Value> = report
        .findings
        .iter()
        .map(|located| {
            let finding = located.finding;
            json!({
                "code": finding.rule.as_str(),
                "severity": finding.severity.as_str(),
                "message": finding.message,
                "start": position_json(document, finding.span.start),
                "end": position_json(document, finding.span.end),
                "byteStart": finding.span.start,
                "byteEnd": finding.span.end,
                "details": details_json(finding),
                "fixes": finding.fixes.iter().map(|fix| json!({
                    "title": fix.title,
                    "edits": fix.edits.iter().map(|edit| json!({
                        "start": position_json(document, edit.range.start),
                        "end": position_json(document, edit.range.end),
                        "byteStart": edit.range.start,
                        "byteEnd": edit.range.end,
                        "newText": edit.replacement,
                    })).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let object = json!({
        "path": draft.display,
        "findings": findings,
        "suppressions": suppressions_json(document, suppressions),
    });
    writeln!(out, "{object}")
}
