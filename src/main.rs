//! The `copydesk` binary: the language server by default, `copydesk check` for files.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;

use copydesk::cli::{self as commands, check, Cli, Command};
use copydesk::lsp::{self, ServerOptions};

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging();
    let code = match cli.command {
        None | Some(Command::Serve { .. }) => {
            // Someone who types `copydesk` at a terminal sees a server waiting in silence for
            // protocol messages: one line on stderr says what to do instead. Editors start it
            // with pipes, so they never see this.
            if std::io::stdin().is_terminal() {
                eprintln!(
                    "copydesk is a language server and is waiting for an editor on standard input. \
                     To check a file, run `copydesk check story.md`; editors start the server themselves. \
                     Press Ctrl-C to quit."
                );
            }
            serve()
        }
        Some(Command::Check(args)) => {
            let mut stdout = std::io::stdout().lock();
            let mut stderr = std::io::stderr().lock();
            check::run(&args, copydesk::clock::today(), &mut stdout, &mut stderr)
        }
        Some(Command::Rules { format }) => commands::rules(format, &mut std::io::stdout().lock()),
        Some(Command::Settings { format }) => {
            commands::settings(format, &mut std::io::stdout().lock())
        }
        Some(Command::Explain { code }) => commands::explain(
            &code,
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        ),
        Some(Command::Schema) => commands::schema(&mut std::io::stdout().lock()),
        Some(Command::Sheet(args)) => {
            let mut stdout = std::io::stdout().lock();
            let mut stderr = std::io::stderr().lock();
            commands::sheet::run(&args, copydesk::clock::today(), &mut stdout, &mut stderr)
        }
    };
    ExitCode::from(code.clamp(0, 255) as u8)
}

/// Logs go to stderr, never stdout (which carries the protocol), without colour codes so that
/// editors' log panels show them cleanly. `COPYDESK_LOG=debug` turns on more detail.
fn init_logging() {
    let level = match std::env::var("COPYDESK_LOG")
        .unwrap_or_default()
        .to_ascii_lowercase()
        .as_str()
    {
        "trace" => tracing::Level::TRACE,
        "debug" => tracing::Level::DEBUG,
        "warn" => tracing::Level::WARN,
        "error" => tracing::Level::ERROR,
        "info" => tracing::Level::INFO,
        // Editors show everything a server writes to stderr, often as errors (Neovim's log
        // does), so routine messages stay quiet unless asked for.
        _ => tracing::Level::WARN,
    };
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .with_max_level(level)
        .init();
}

fn serve() -> i32 {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            tracing::error!("cannot start the async runtime: {error}");
            return 1;
        }
    };
    let code = runtime.block_on(lsp::serve_stdio(ServerOptions::default()));
    // The blocking stdin reader may still be parked on a read; do not wait for it.
    runtime.shutdown_background();
    code
}
