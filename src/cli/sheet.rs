//! `copydesk sheet`: the fact-check sheet of one draft, as HTML, Markdown or JSON.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::check::{EXIT_CLEAN, EXIT_ERROR};
use super::{DateStyleArg, SheetFormat};
use crate::analysis::{analyze, Format, Settings};
use crate::house_rules;
use crate::sheet::Sheet;

#[derive(Debug, clap::Args)]
pub struct SheetArgs {
    /// The draft (Markdown or text), or - for standard input.
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    /// Where to write the sheet; standard output when not given.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// html (one self-contained page), md (for a ticket or CMS note) or json. Default: from the
    /// output file's extension, else md.
    #[arg(long, value_enum)]
    pub format: Option<SheetFormat>,
    /// Publication date for drafts whose front matter does not give one (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub reference_date: Option<String>,
    /// How fixes write dates: ap, iso or long. Overrides the house rules file.
    #[arg(long, value_enum)]
    pub date_style: Option<DateStyleArg>,
    /// The house rules file to use, instead of the .copydesk.toml found above the draft.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
}

/// The format a sheet is written in: the flag, else the output file's extension, else
/// Markdown.
fn format_of(args: &SheetArgs) -> SheetFormat {
    if let Some(format) = args.format {
        return format;
    }
    let extension = args
        .output
        .as_ref()
        .and_then(|path| path.extension())
        .and_then(|extension| extension.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("html" | "htm") => SheetFormat::Html,
        Some("json") => SheetFormat::Json,
        _ => SheetFormat::Md,
    }
}

/// Runs `copydesk sheet` and returns the exit status: 0 when the sheet was written (whatever
/// it lists; the sheet is a record, not a gate), 2 when it could not be.
pub fn run(
    args: &SheetArgs,
    today: jiff::civil::Date,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> i32 {
    match write_sheet(args, today, stdout) {
        Ok(()) => EXIT_CLEAN,
        Err(message) => {
            let _ = writeln!(stderr, "copydesk: {message}");
            EXIT_ERROR
        }
    }
}

fn write_sheet(
    args: &SheetArgs,
    today: jiff::civil::Date,
    stdout: &mut dyn Write,
) -> Result<(), String> {
    let from_stdin = args.path == Path::new("-");
    let (display, bytes) = if from_stdin {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
            .map_err(|error| format!("cannot read standard input: {error}"))?;
        ("<stdin>".to_string(), bytes)
    } else {
        let bytes = std::fs::read(&args.path)
            .map_err(|error| format!("cannot read {}: {error}", args.path.display()))?;
        (args.path.display().to_string(), bytes)
    };
    if bytes.contains(&0) {
        return Err(format!("{display} looks like a binary file, not a draft"));
    }
    let text = String::from_utf8(bytes).map_err(|error| {
        format!(
            "{display} is not UTF-8 text (invalid byte at offset {})",
            error.utf8_error().valid_up_to()
        )
    })?;
    let format = if from_stdin {
        Format::Markdown
    } else {
        Format::from_path(&args.path)
    };
    let mut settings = Settings::new(today);
    let rules_path = match &args.config {
        Some(path) => Some(path.clone()),
        None => {
            let folder = if from_stdin {
                std::env::current_dir().ok()
            } else {
                std::fs::canonicalize(&args.path)
                    .ok()
                    .and_then(|path| path.parent().map(Path::to_path_buf))
            };
            folder.and_then(|folder| house_rules::discover(&folder, None))
        }
    };
    if let Some(path) = rules_path {
        match house_rules::load(&path) {
            Ok((rules, _)) => rules.apply_to(&mut settings),
            Err((problems, rules_text)) => {
                let described: Vec<String> = problems
                    .iter()
                    .map(|problem| problem.render(&path, &rules_text))
                    .collect();
                return Err(format!(
                    "{}\n{} has errors; no sheet was written",
                    described.join("\n"),
                    path.display()
                ));
            }
        }
    }
    if let Some(date) = &args.reference_date {
        settings.reference_date = Some(date.parse().map_err(|_| {
            format!("--reference-date must be a date like 2022-02-28, not {date:?}")
        })?);
    }
    if let Some(style) = args.date_style {
        settings.date_style = style.into();
    }
    let analysis = analyze(&text, format, &settings);
    let sheet = Sheet::build(&display, &text, &analysis);
    let rendered = match format_of(args) {
        SheetFormat::Html => sheet.to_html(),
        SheetFormat::Md => sheet.to_markdown(),
        SheetFormat::Json => {
            serde_json::to_string_pretty(&sheet.to_json()).map_err(|error| error.to_string())?
                + "\n"
        }
    };
    match &args.output {
        Some(path) => std::fs::write(path, rendered)
            .map_err(|error| format!("cannot write {}: {error}", path.display())),
        None => stdout
            .write_all(rendered.as_bytes())
            .map_err(|error| format!("cannot write the sheet: {error}")),
    }
}
