//! The command line: `copydesk` (the language server) and `copydesk check` (the same checks
//! over files, for CI gates and for anyone without an editor set up).

pub mod check;

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
    #[arg(long, global = true)]
    pub stdio: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the language server on stdin/stdout.
    Serve,
    /// Check drafts and print what copydesk finds.
    Check(CheckArgs),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Readable report with the source line and a caret under each finding.
    Text,
    /// One JSON object per file, one per line.
    Json,
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
    /// How fixes write dates: ap ("Feb. 24"), iso ("2022-02-24") or long ("24 February 2022").
    #[arg(long, value_enum, default_value_t = DateStyleArg::Ap)]
    pub date_style: DateStyleArg,
    /// Exit with status 0 even when there are findings (for trying copydesk out; CI gates
    /// should rely on the default status 1).
    #[arg(long)]
    pub exit_zero: bool,
}
