//! Architecture rules that code review alone would let slip.

use std::path::Path;

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

/// The engine must stay free of protocol types so that the CLI, the server and future outputs
/// all render the same findings (rust-analyzer's rule: one crate knows LSP).
#[test]
fn the_analysis_engine_never_mentions_lsp_types() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/analysis"),
        &mut files,
    );
    assert!(
        files.len() >= 10,
        "expected the engine's files, found {files:?}"
    );
    for file in files {
        let source = std::fs::read_to_string(&file).expect("source file is readable");
        for forbidden in ["tower_lsp", "lsp_types", "tower-lsp"] {
            assert!(
                !source.contains(forbidden),
                "{} mentions {forbidden}: LSP types belong in src/lsp/",
                file.display()
            );
        }
    }
}

/// Only src/lsp/ may use tower-lsp; src/text/ and src/cli/ work on plain data.
#[test]
fn only_the_lsp_module_uses_tower_lsp() {
    for folder in ["src/text", "src/cli", "src/analysis"] {
        let mut files = Vec::new();
        rust_files(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join(folder),
            &mut files,
        );
        for file in files {
            let source = std::fs::read_to_string(&file).expect("source file is readable");
            assert!(
                !source.contains("tower_lsp"),
                "{} uses tower_lsp",
                file.display()
            );
        }
    }
}

/// Every rule file opens with the documentation users read: what it flags, why, an example, the fix.
#[test]
fn every_rule_file_opens_with_its_documentation() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/analysis/rules"),
        &mut files,
    );
    let rules: Vec<_> = files
        .into_iter()
        .filter(|file| file.file_name().is_some_and(|name| name != "mod.rs"))
        .collect();
    assert_eq!(rules.len(), copydesk::analysis::rules::REGISTRY.len());
    for file in rules {
        let source = std::fs::read_to_string(&file).expect("rule file is readable");
        for section in [
            "**What it flags:**",
            "**Why it matters:**",
            "**Example:**",
            "**Fix:**",
        ] {
            assert!(
                source.starts_with("//! # "),
                "{} must open with a doc comment",
                file.display()
            );
            assert!(
                source.contains(section),
                "{} lacks {section}",
                file.display()
            );
        }
    }
}

/// The README's plain `init.lua` for Neovim must be the file the Neovim end-to-end test runs as
/// Neovim's config, word for word, and it must load the plugin that is in the repository, so
/// that what users copy is what was tested.
#[test]
fn the_readme_shows_the_tested_neovim_setup() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README is readable");
    let init = std::fs::read_to_string(root.join("tests/nvim/init.lua"))
        .expect("tests/nvim/init.lua is readable");
    assert!(
        readme.contains(&format!("```lua\n{}\n```", init.trim_end())),
        "README.md must show tests/nvim/init.lua verbatim, as one lua code block"
    );
    let driver =
        std::fs::read_to_string(root.join("tests/it/neovim.rs")).expect("test is readable");
    assert!(
        driver.contains("\"tests/nvim/init.lua\"") && driver.contains(".arg(\"-u\")"),
        "tests/it/neovim.rs must run Neovim with tests/nvim/init.lua as its config (-u)"
    );
    assert!(
        init.contains("~/copydesk/editors/nvim") && init.contains("require(\"copydesk\").setup("),
        "tests/nvim/init.lua must load the plugin in editors/nvim"
    );
    for file in [
        "editors/nvim/lua/copydesk/init.lua",
        "editors/nvim/lsp/copydesk.lua",
        "editors/nvim/doc/copydesk.txt",
    ] {
        assert!(root.join(file).is_file(), "{file} is missing");
    }
}

/// Drafts under embargo never leave the machine (see also tests/it/privacy.rs).
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
