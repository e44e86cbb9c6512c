//! Runs the copydesk Neovim plugin (`editors/nvim`) in a real, headless Neovim against the
//! freshly built server, set up exactly as the README's plain `init.lua` (`tests/nvim/init.lua`,
//! which the README shows verbatim) sets it up, through the script `tests/nvim/e2e.lua`:
//! `:help copydesk`, diagnostics, hover, quick fixes and edits, as a Neovim user gets them.
//!
//! Like a user who followed the README, Neovim finds the repository at `~/copydesk` (the test
//! gives Neovim a scratch home where `copydesk` links to this repository) and the server as
//! `copydesk` on PATH (the test puts the built binary's folder first on PATH).
//!
//! Needs `nvim` (0.7 or newer) on PATH. Without it the test is skipped on a developer's machine,
//! so that `cargo test` works for everyone, but fails when the `CI` variable is set (as GitHub
//! Actions and most CI services set it), so that CI cannot silently stop testing the editor
//! setup the README promises.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(60);
/// The README's plain `init.lua`, which the test runs as Neovim's config (`-u`).
const README_INIT_LUA: &str = "tests/nvim/init.lua";
const SUCCESS: &str = "checks passed";

/// The first line of `nvim --version`, or why `nvim` cannot be run.
fn neovim_version() -> Result<String, String> {
    match Command::new("nvim")
        .arg("--version")
        .stdin(Stdio::null())
        .output()
    {
        Ok(output) if output.status.success() => Ok(String::from_utf8_lossy(&output.stdout)
            .lines()
            .next()
            .unwrap_or("nvim")
            .to_string()),
        Ok(output) => Err(format!("`nvim --version` failed with {}", output.status)),
        Err(error) => Err(format!("cannot run `nvim`: {error}")),
    }
}

/// Reads a child's pipe to the end on its own thread, so that a full pipe never blocks it.
fn drain(mut pipe: impl Read + Send + 'static) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// A private home for Neovim (config, data, state, cache, LSP log) and its temporary files.
fn scratch_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("copydesk-nvim-e2e-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("cannot create a scratch directory for Neovim");
    dir
}

/// Makes `link` point at the repository, as a user's clone at `~/copydesk` would be.
fn link_repository(repository: &Path, link: &Path) {
    #[cfg(unix)]
    std::os::unix::fs::symlink(repository, link)
        .expect("cannot link the repository into Neovim's scratch home");
    #[cfg(windows)]
    std::os::windows::fs::symlink_dir(repository, link)
        .expect("cannot link the repository into Neovim's scratch home");
}

#[test]
fn readme_neovim_setup_works_in_headless_neovim() {
    let version = match neovim_version() {
        Ok(version) => version,
        Err(reason) if std::env::var_os("CI").is_some() => panic!(
            "Neovim is required for this test on CI ({reason}). \
             Install it with `apt-get install -y neovim` (any Neovim 0.7 or newer)."
        ),
        Err(reason) => {
            eprintln!("skipped: Neovim is missing ({reason}); install `nvim` to run this test");
            return;
        }
    };

    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let init = root.join(README_INIT_LUA);
    let script = root.join("tests/nvim/e2e.lua");
    let home = scratch_dir();
    // ~/copydesk, where the README's init.lua expects the repository.
    link_repository(root, &home.join("copydesk"));
    let binary = Path::new(env!("CARGO_BIN_EXE_copydesk"));
    let mut path = vec![binary
        .parent()
        .expect("the binary has a folder")
        .to_path_buf()];
    path.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    let mut command = Command::new("nvim");
    command
        .arg("--headless")
        .arg("-u")
        .arg(&init)
        .args(["-i", "NONE", "-n", "-c"])
        .arg(format!("luafile {}", script.display()))
        .current_dir(root)
        .env("COPYDESK_BIN", binary)
        .env("HOME", &home)
        .env(
            "PATH",
            std::env::join_paths(path).expect("PATH can be joined"),
        )
        .env_remove("VIMINIT")
        .env_remove("MYVIMRC")
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("TMPDIR", &home)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("cannot start nvim");
    let stdout = drain(child.stdout.take().expect("stdout is piped"));
    let stderr = drain(child.stderr.take().expect("stderr is piped"));

    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("cannot wait for nvim") {
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
            "nvim did not finish within {} s and was killed\n{report}",
            TIMEOUT.as_secs()
        );
    };
    assert!(
        status.success(),
        "the Neovim end-to-end script failed ({status})\n{report}"
    );
    assert!(
        stdout.contains("nvim e2e: ") && stdout.contains(SUCCESS),
        "nvim exited with 0 but did not print its success line\n{report}"
    );
    eprintln!("{report}");
}
