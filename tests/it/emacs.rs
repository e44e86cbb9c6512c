//! Runs copydesk's Emacs package (`editors/emacs/copydesk.el`) in a real batch Emacs with eglot
//! against the freshly built server, set up exactly as the README's init file
//! (`tests/emacs/init.el`, which the README shows verbatim) sets it up, through the script
//! `tests/emacs/e2e.el`: Flymake's diagnostics, eldoc's hover, a quick fix from
//! `eglot-code-actions` saved to disk, edits, settings changed without a restart, house rules and
//! `copydesk-publication-date`, as an Emacs user gets them.
//!
//! Like a user who followed the README, Emacs finds the repository at `~/copydesk` (the test
//! gives Emacs a scratch home where `copydesk` links to this repository) and the server as
//! `copydesk` on PATH (the test puts the built binary's folder first on PATH).
//!
//! Needs `emacs` (28 or newer) with the `eglot` and `markdown-mode` packages (Debian:
//! `apt-get install emacs-nox elpa-eglot elpa-markdown-mode`). Without them the test is skipped
//! on a developer's machine, so that `cargo test` works for everyone, but fails when the `CI`
//! variable is set, so that CI cannot silently stop testing the editor setup the README
//! promises.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The script gives up after 75 s; this is the last resort if Emacs itself hangs.
const TIMEOUT: Duration = Duration::from_secs(90);
const SUCCESS: &str = "checks passed";
/// Batch Emacs skips the package activation an interactive Emacs does before the init file;
/// the test does it first, so that the init file sees what it sees in a user's Emacs.
const ACTIVATE_PACKAGES: &str = "(package-activate-all)";

/// The first line of `emacs --version` if Emacs can load eglot and markdown-mode, or why not.
fn emacs_version(home: &Path) -> Result<String, String> {
    let output = Command::new("emacs")
        .args(["--batch", "--eval", ACTIVATE_PACKAGES, "--eval"])
        .arg("(progn (require 'eglot) (require 'markdown-mode) (princ emacs-version))")
        .env("HOME", home)
        .stdin(Stdio::null())
        .output()
        .map_err(|error| format!("cannot run `emacs`: {error}"))?;
    if !output.status.success() {
        return Err(format!(
            "Emacs cannot load eglot and markdown-mode ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    Ok(format!(
        "GNU Emacs {}",
        String::from_utf8_lossy(&output.stdout).trim()
    ))
}

/// Reads a child's pipe to the end on its own thread, so that a full pipe never blocks it.
fn drain(mut pipe: impl Read + Send + 'static) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// A private home for Emacs (its ~/.emacs.d, eglot's files) and its temporary files, one for
/// each test (`name`), as the tests run at the same time.
fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("copydesk-emacs-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("cannot create a scratch directory for Emacs");
    dir
}

#[test]
fn readme_emacs_setup_works_in_batch_emacs() {
    let home = scratch_dir("e2e");
    let version = match emacs_version(&home) {
        Ok(version) => version,
        Err(reason) if std::env::var_os("CI").is_some() => {
            let _ = std::fs::remove_dir_all(&home);
            panic!(
                "Emacs with eglot and markdown-mode is required for this test on CI ({reason}). \
                 Install them with `apt-get install -y emacs-nox elpa-eglot elpa-markdown-mode`."
            )
        }
        Err(reason) => {
            let _ = std::fs::remove_dir_all(&home);
            eprintln!("skipped: {reason}");
            return;
        }
    };

    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // ~/copydesk, where the README's init file expects the repository.
    #[cfg(unix)]
    std::os::unix::fs::symlink(root, home.join("copydesk"))
        .expect("cannot link the repository into Emacs's scratch home");
    #[cfg(windows)]
    std::os::windows::fs::symlink_dir(root, home.join("copydesk"))
        .expect("cannot link the repository into Emacs's scratch home");
    let binary = Path::new(env!("CARGO_BIN_EXE_copydesk"));
    let mut path = vec![binary
        .parent()
        .expect("the binary has a folder")
        .to_path_buf()];
    path.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    let mut command = Command::new("emacs");
    command
        .args(["--batch", "--eval", ACTIVATE_PACKAGES, "-l"])
        .arg(root.join("tests/emacs/init.el"))
        .arg("-l")
        .arg(root.join("tests/emacs/e2e.el"))
        .current_dir(root)
        .env("COPYDESK_BIN", binary)
        .env("HOME", &home)
        .env(
            "PATH",
            std::env::join_paths(path).expect("PATH can be joined"),
        )
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("TMPDIR", &home)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("cannot start emacs");
    let stdout = drain(child.stdout.take().expect("stdout is piped"));
    let stderr = drain(child.stderr.take().expect("stderr is piped"));

    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("cannot wait for emacs") {
            break Some(status);
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let stdout = stdout.join().unwrap_or_default();
    let stderr = stderr.join().unwrap_or_default();
    let _ = std::fs::remove_dir_all(&home);
    let report = format!("{version}\n--- stdout ---\n{stdout}\n--- stderr ---\n{stderr}");

    let Some(status) = status else {
        panic!(
            "emacs did not finish within {} s and was killed\n{report}",
            TIMEOUT.as_secs()
        );
    };
    assert!(
        status.success(),
        "the Emacs end-to-end script failed ({status})\n{report}"
    );
    assert!(
        stdout.contains("emacs e2e: ") && stdout.contains(SUCCESS),
        "emacs exited with 0 but did not print its success line\n{report}"
    );
    eprintln!("{report}");
}

/// `editors/emacs/copydesk.el` byte-compiles without a single warning, as packages on MELPA and
/// GNU ELPA must: a warning there is often a real bug (a misspelt function, a missing `require`).
#[test]
fn copydesk_el_byte_compiles_without_warnings() {
    let home = scratch_dir("byte-compile");
    if let Err(reason) = emacs_version(&home) {
        let _ = std::fs::remove_dir_all(&home);
        assert!(
            std::env::var_os("CI").is_none(),
            "Emacs with eglot is required for this test on CI ({reason})"
        );
        eprintln!("skipped: {reason}");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // A copy, so that the compiled file lands in the scratch folder, not in the repository.
    let copy = home.join("copydesk.el");
    std::fs::copy(root.join("editors/emacs/copydesk.el"), &copy).expect("cannot copy copydesk.el");
    let output = Command::new("emacs")
        .args(["--batch", "--eval", ACTIVATE_PACKAGES, "--eval"])
        .arg("(setq byte-compile-error-on-warn t)")
        .args(["-f", "batch-byte-compile"])
        .arg(&copy)
        .env("HOME", &home)
        .stdin(Stdio::null())
        .output()
        .expect("cannot run emacs");
    let _ = std::fs::remove_dir_all(&home);
    assert!(
        output.status.success(),
        "copydesk.el does not byte-compile cleanly:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The README's Emacs init file must be the one the end-to-end test loads, word for word, so
/// that what users copy is what was tested.
#[test]
fn the_readme_shows_the_tested_emacs_setup() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README is readable");
    let init = std::fs::read_to_string(root.join("tests/emacs/init.el"))
        .expect("tests/emacs/init.el is readable");
    assert!(
        readme.contains(&format!("```elisp\n{}\n```", init.trim_end())),
        "README.md must show tests/emacs/init.el verbatim, as one elisp code block"
    );
    assert!(
        init.contains("~/copydesk/editors/emacs") && init.contains("(require 'copydesk)"),
        "tests/emacs/init.el must load editors/emacs/copydesk.el"
    );
}
