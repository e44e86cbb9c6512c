//! Drafts under embargo never leave the machine: copydesk has no networking code and the
//! language server starts no programs. These tests keep it that way.

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
