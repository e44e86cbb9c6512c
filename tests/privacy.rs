//! Drafts under embargo never leave the machine: copydesk has no networking code and the
//! language server starts no programs. These tests keep it that way.

use std::path::Path;

/// Crates whose presence would mean the binary can open network connections.
const NETWORKING_CRATES: &[&str] = &[
    "mio",
    "socket2",
    "hyper",
    "reqwest",
    "ureq",
    "curl",
    "isahc",
    "h2",
    "h3",
    "quinn",
    "rustls",
    "native-tls",
    "openssl",
    "tokio-rustls",
    "tokio-native-tls",
    "surf",
    "attohttpc",
];

#[test]
fn no_networking_crate_is_in_the_shipped_dependency_tree() {
    let output = std::process::Command::new(env!("CARGO"))
        .args([
            "tree",
            "-e",
            "normal,build",
            "--prefix",
            "none",
            "--offline",
            "-p",
            "copydesk",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let tree = String::from_utf8_lossy(&output.stdout);
    let crates: Vec<&str> = tree
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    assert!(
        crates.contains(&"tower-lsp"),
        "the tree lists the real dependencies: {crates:?}"
    );
    for networking in NETWORKING_CRATES {
        assert!(
            !crates.contains(networking),
            "{networking} is a dependency: copydesk must not reach the network"
        );
    }
}

fn rust_files(folder: &Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(folder).expect("source folder is readable") {
        let path = entry.expect("directory entry is readable").path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            found.push(path);
        }
    }
}

#[test]
fn the_source_opens_no_sockets_and_the_server_runs_no_programs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    for file in files {
        let source = std::fs::read_to_string(&file).expect("source file is readable");
        assert!(
            !source.contains("std::net"),
            "{} uses std::net",
            file.display()
        );
        // Only the command line runs a program, and only `git diff` when the user asks for
        // --changed-lines; the language server and the engine never do.
        if !file.starts_with(root.join("cli")) {
            assert!(
                !source.contains("std::process::Command") && !source.contains("Command::new"),
                "{} starts a program",
                file.display()
            );
        }
    }
}
