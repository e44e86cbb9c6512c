//! The command line: `copydesk` (the language server) and `copydesk check` (the same checks
//! over files, for CI gates and for anyone without an editor set up).

pub mod cache;
pub mod changed;
pub mod check;
pub mod output;
pub mod sheet;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "copydesk",
    version,
    about = "Fact-checks news drafts: unattributed quotes, ambiguous relative dates, unsourced figures.",
    long_about = "Fact-checks news drafts: unattributed quotes, ambiguous relative dates, unsourced figures.\n\nWith no command, copydesk runs as a language server on standard input and output, which is how editors start it. `copydesk check` checks files."
)]
pub struct Cli {
    /// Run the language server on stdin/stdout (the default; accepted because editors pass it).
    #[arg(long)]
    pub stdio: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the language server on stdin/stdout.
    Serve {
        /// Run on stdin/stdout (the only transport; accepted because editors pass it).
        #[arg(long)]
        stdio: bool,
    },
    /// Check drafts and print what copydesk finds.
    Check(CheckArgs),
    /// List every rule with its code, default severity and what it flags.
    Rules {
        /// `json` prints each rule's documentation too; the editors' settings are generated
        /// from it.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// List every setting the language server reads, with its default.
    Settings {
        /// `json` adds each setting's type and the values it accepts; the editors' settings
        /// are generated from it.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Print a rule's full documentation.
    Explain {
        /// The rule's code, e.g. unsourced-figure.
        code: String,
    },
    /// Print the JSON Schema of the house rules file (.copydesk.toml).
    Schema,
    /// Write a draft's fact-check sheet: every quote, name, date, figure and suppression with
    /// its status, for the desk to sign off.
    Sheet(sheet::SheetArgs),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// One line per entry, for people.
    Text,
    /// A JSON array, for scripts and the editor settings generator.
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SheetFormat {
    /// One self-contained HTML page (no external assets; prints on A4 or Letter).
    Html,
    /// Markdown, to paste into a ticket or a CMS note.
    Md,
    /// JSON, for scripts.
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Readable report with the source line and a caret under each finding.
    Text,
    /// One JSON object per file, one per line.
    Json,
    /// One SARIF 2.1.0 log for all files (GitHub code scanning, Azure DevOps, IDEs).
    Sarif,
    /// GitHub Actions workflow commands: annotations on the pull request's lines.
    Github,
    /// Checkstyle XML (Jenkins, GitLab and most CI dashboards read it).
    Checkstyle,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Threshold {
    Hint,
    Information,
    Warning,
    Error,
}

impl From<Threshold> for crate::analysis::Severity {
    fn from(threshold: Threshold) -> Self {
        match threshold {
            Threshold::Hint => Self::Hint,
            Threshold::Information => Self::Information,
            Threshold::Warning => Self::Warning,
            Threshold::Error => Self::Error,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when standard output is a terminal and NO_COLOR is not set.
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DateStyleArg {
    Ap,
    Iso,
    Long,
}

impl From<DateStyleArg> for crate::analysis::settings::DateStyle {
    fn from(style: DateStyleArg) -> Self {
        match style {
            DateStyleArg::Ap => Self::Ap,
            DateStyleArg::Iso => Self::Iso,
            DateStyleArg::Long => Self::Long,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files or folders to check (Markdown and text files inside folders), or - for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// How to print the findings.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// Publication date for drafts whose front matter does not give one (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub reference_date: Option<String>,
    /// How fixes write dates: ap ("Feb. 24", the default), iso ("2022-02-24") or long ("24
    /// February 2022"). Overrides the house rules file.
    #[arg(long, value_enum)]
    pub date_style: Option<DateStyleArg>,
    /// The house rules file to use for every draft, instead of the .copydesk.toml or
    /// copydesk.toml found by walking up from each draft to the git root.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// The failure threshold: exit with status 1 when a finding is at least this severe.
    #[arg(long, value_enum, default_value_t = Threshold::Warning)]
    pub severity: Threshold,
    /// Check only the lines that a git diff range changed (e.g. origin/main...HEAD, or HEAD for
    /// uncommitted changes): findings elsewhere are not reported.
    #[arg(long, value_name = "RANGE")]
    pub changed_lines: Option<String>,
    /// Print every suppression comment with its reason (the audit trail) instead of the
    /// findings.
    #[arg(long)]
    pub list_suppressions: bool,
    /// Colour in the text format.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Exit with status 0 even when there are findings (for trying copydesk out; CI gates
    /// should rely on the default status 1).
    #[arg(long)]
    pub exit_zero: bool,
    /// Follow symbolic links inside folders (links named on the command line are always
    /// followed). Links that lead back into a folder being walked are reported and skipped.
    #[arg(long)]
    pub follow: bool,
    /// Skip files and folders matching this glob, relative to the folder given (e.g.
    /// 'archive/**' or '*.draft.md'); may be repeated. .gitignore, .ignore and hidden files are
    /// skipped as well.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Drafts larger than this many bytes are reported and not checked (the editor's
    /// maxFileBytes).
    #[arg(long, value_name = "BYTES", default_value_t = crate::limits::DEFAULT_MAX_FILE_BYTES as u64)]
    pub max_file_bytes: u64,
    /// Exit with status 0 when a folder holds no drafts (by default that is an error, status 2,
    /// so that a gate pointed at the wrong folder does not pass by checking nothing).
    #[arg(long)]
    pub allow_empty: bool,
    /// How many drafts to check at once (default: one per core). The output is in the same
    /// order whatever the number.
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<std::num::NonZeroUsize>,
    /// Keep each draft's result in a cache and reuse it while the draft, its house rules, the
    /// flags and copydesk stay the same (on by default inside a git work tree; the cache is
    /// .copydesk_cache/ at its top, or $COPYDESK_CACHE_DIR).
    #[arg(long, overrides_with = "no_cache")]
    pub cache: bool,
    /// Check every draft afresh, without reading or writing the cache.
    #[arg(long, overrides_with = "cache")]
    pub no_cache: bool,
    /// Print the findings only: no progress bar and no summary line.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// After the check, print to standard error the files and bytes checked, findings per
    /// rule, cache use, time and throughput.
    #[arg(long)]
    pub stats: bool,
}

/// The status of a command whose output could not all be written: a closed pipe (`| head`)
/// is the reader's choice to stop, and ends the output quietly with success.
fn write_failed(error: &std::io::Error) -> i32 {
    if error.kind() == std::io::ErrorKind::BrokenPipe {
        check::EXIT_CLEAN
    } else {
        check::EXIT_ERROR
    }
}

/// `copydesk rules`: every rule's code, default severity and one-line description.
pub fn rules(format: ListFormat, out: &mut dyn std::io::Write) -> i32 {
    if format == ListFormat::Json {
        return print_json(&crate::lsp::settings_table::rules_json(), out);
    }
    let width = crate::analysis::rules::REGISTRY
        .iter()
        .map(|rule| rule.code.as_str().len())
        .max()
        .unwrap_or(0);
    for rule in crate::analysis::rules::REGISTRY {
        if let Err(error) = writeln!(
            out,
            "{:width$}  {:11}  {}",
            rule.code.as_str(),
            rule.default_severity.as_str(),
            rule.summary
        ) {
            return write_failed(&error);
        }
    }
    check::EXIT_CLEAN
}

/// `copydesk settings`: every setting the language server reads, with its default.
pub fn settings(format: ListFormat, out: &mut dyn std::io::Write) -> i32 {
    if format == ListFormat::Json {
        return print_json(&crate::lsp::settings_table::settings_json(), out);
    }
    let settings = crate::lsp::settings_table::settings();
    let width = settings
        .iter()
        .map(|setting| setting.key.len())
        .max()
        .unwrap_or(0);
    for setting in settings {
        if let Err(error) = writeln!(
            out,
            "{:width$}  {:9}  {}",
            setting.key,
            setting.default.to_string(),
            setting.description
        ) {
            return write_failed(&error);
        }
    }
    check::EXIT_CLEAN
}

fn print_json(value: &serde_json::Value, out: &mut dyn std::io::Write) -> i32 {
    match serde_json::to_string_pretty(value) {
        Ok(text) => match writeln!(out, "{text}") {
            Ok(()) => check::EXIT_CLEAN,
            Err(error) => write_failed(&error),
        },
        Err(_) => check::EXIT_ERROR,
    }
}

/// `copydesk explain <code>`: the rule's documentation, the same text as its source's doc comment.
pub fn explain(code: &str, out: &mut dyn std::io::Write, err: &mut dyn std::io::Write) -> i32 {
    let Some(rule) = crate::analysis::RuleCode::from_code(code.trim()) else {
        let _ = writeln!(
            err,
            "copydesk: no rule {code:?}; `copydesk rules` lists them: {}",
            crate::analysis::RuleCode::ALL
                .map(|code| code.as_str())
                .join(", ")
        );
        return check::EXIT_ERROR;
    };
    let rule = crate::analysis::rules::rule(rule);
    match write!(
        out,
        "{}\nDefault severity: {}. Turn it off or change its severity in .copydesk.toml ([rules.{}]) or the editor settings (rules.{}).\n",
        rule.documentation(),
        rule.default_severity.as_str(),
        rule.code,
        rule.code
    ) {
        Ok(()) => check::EXIT_CLEAN,
        Err(error) => write_failed(&error),
    }
}

/// `copydesk schema`: the JSON Schema of the house rules file.
pub fn schema(out: &mut dyn std::io::Write) -> i32 {
    match serde_json::to_string_pretty(&crate::house_rules::schema()) {
        Ok(text) => match writeln!(out, "{text}") {
            Ok(()) => check::EXIT_CLEAN,
            Err(error) => write_failed(&error),
        },
        Err(_) => check::EXIT_ERROR,
    }
}
