//! Architecture rules that code review alone would let slip.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use syn::visit::Visit;

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

/// The module path of a source file below `src/`: `src/analysis/rules/mod.rs` is
/// `["analysis", "rules"]`, `src/analysis/words.rs` is `["analysis", "words"]`.
fn module_of(file: &Path) -> Vec<String> {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let relative = file.strip_prefix(&source).expect("a file below src/");
    let mut parts: Vec<String> = relative
        .with_extension("")
        .iter()
        .map(|part| part.to_string_lossy().into_owned())
        .collect();
    if parts
        .last()
        .is_some_and(|last| last == "mod" || last == "lib")
    {
        parts.pop();
    }
    parts
}

/// Every path a file names, in `use` items and in code, with `self` and `super` resolved to
/// `crate::...`. Paths inside macro calls are token streams to syn and are not read.
struct Paths {
    module: Vec<String>,
    found: BTreeSet<String>,
    /// Whether `#[cfg(test)]` modules are skipped: a rule's tests may use the registry's test
    /// helpers without making the module depend on the rules.
    skip_tests: bool,
}

/// Whether `attrs` hold `#[cfg(test)]`.
fn is_test_only(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|attr| {
        attr.path().is_ident("cfg")
            && matches!(&attr.meta, syn::Meta::List(list) if list.tokens.to_string() == "test")
    })
}

impl Paths {
    fn add(&mut self, segments: &[String]) {
        let Some(first) = segments.first() else {
            return;
        };
        let mut resolved: Vec<String> = match first.as_str() {
            "self" | "super" => {
                let mut base = self.module.clone();
                let mut rest = segments;
                while let Some(head) = rest.first() {
                    match head.as_str() {
                        "self" => {}
                        "super" => {
                            base.pop();
                        }
                        _ => break,
                    }
                    rest = &rest[1..];
                }
                let mut resolved = vec!["crate".to_string()];
                resolved.extend(base);
                resolved.extend(rest.iter().cloned());
                resolved
            }
            _ => segments.to_vec(),
        };
        if resolved.first().is_some_and(|first| first.is_empty()) {
            resolved.remove(0);
        }
        self.found.insert(resolved.join("::"));
    }

    fn use_tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree) {
        match tree {
            syn::UseTree::Path(path) => {
                prefix.push(path.ident.to_string());
                self.use_tree(prefix, &path.tree);
                prefix.pop();
            }
            // `use a::b::{self}` names `a::b` itself.
            syn::UseTree::Name(name) if name.ident == "self" => self.add(&prefix.clone()),
            syn::UseTree::Name(name) => {
                prefix.push(name.ident.to_string());
                self.add(&prefix.clone());
                prefix.pop();
            }
            syn::UseTree::Rename(rename) => {
                prefix.push(rename.ident.to_string());
                self.add(&prefix.clone());
                prefix.pop();
            }
            syn::UseTree::Glob(_) => self.add(&prefix.clone()),
            syn::UseTree::Group(group) => {
                for tree in &group.items {
                    self.use_tree(prefix, tree);
                }
            }
        }
    }
}

impl<'ast> Visit<'ast> for Paths {
    fn visit_item_mod(&mut self, item: &'ast syn::ItemMod) {
        if self.skip_tests && is_test_only(&item.attrs) {
            return;
        }
        syn::visit::visit_item_mod(self, item);
    }

    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        let mut prefix = Vec::new();
        if item.leading_colon.is_some() {
            prefix.push(String::new());
        }
        self.use_tree(&mut prefix, &item.tree);
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        let mut segments: Vec<String> = Vec::new();
        if path.leading_colon.is_some() {
            segments.push(String::new());
        }
        segments.extend(
            path.segments
                .iter()
                .map(|segment| segment.ident.to_string()),
        );
        // A one-segment path is a local name, never another module.
        if segments.len() > 1 {
            self.add(&segments);
        }
        syn::visit::visit_path(self, path);
    }
}

/// The paths named by every file below `src/<folder>`, by file; without the `#[cfg(test)]`
/// modules' when `skip_tests` is set.
fn paths_under(folder: &str, skip_tests: bool) -> Vec<(PathBuf, BTreeSet<String>)> {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src")
            .join(folder),
        &mut files,
    );
    files.sort();
    let parsed: Vec<(PathBuf, syn::File)> = files
        .into_iter()
        .map(|file| {
            let source = std::fs::read_to_string(&file).expect("source file is readable");
            let syntax = syn::parse_file(&source)
                .unwrap_or_else(|error| panic!("{} does not parse: {error}", file.display()));
            (file, syntax)
        })
        .collect();
    // Files that are whole `#[cfg(test)] mod tests;` modules count as test code too.
    let mut test_files = BTreeSet::new();
    for (file, syntax) in &parsed {
        let folder = if file.file_name().is_some_and(|name| name == "mod.rs") {
            file.parent().expect("a folder").to_path_buf()
        } else {
            file.with_extension("")
        };
        for item in &syntax.items {
            if let syn::Item::Mod(module) = item {
                if module.content.is_none() && is_test_only(&module.attrs) {
                    let name = module.ident.to_string();
                    test_files.insert(folder.join(format!("{name}.rs")));
                    test_files.insert(folder.join(name).join("mod.rs"));
                }
            }
        }
    }
    parsed
        .into_iter()
        .filter(|(file, _)| !(skip_tests && test_files.contains(file)))
        .map(|(file, syntax)| {
            let mut paths = Paths {
                module: module_of(&file),
                found: BTreeSet::new(),
                skip_tests,
            };
            paths.visit_file(&syntax);
            (file, paths.found)
        })
        .collect()
}

fn forbidden_import(path: &str) -> Option<&'static str> {
    ["crate::lsp", "crate::cli", "tower_lsp", "lsp_types"]
        .into_iter()
        .find(|forbidden| path == *forbidden || path.starts_with(&format!("{forbidden}::")))
}

/// The engine and the document model are plain data: they never import the server, the
/// command line or protocol types, so every output renders the same findings. Read from the
/// syntax tree, so that a comment mentioning the server is no violation and a `super::super`
/// path to it is one.
#[test]
fn the_engine_and_the_text_model_import_no_server_cli_or_protocol() {
    let mut read = 0;
    for folder in ["analysis", "text"] {
        for (file, paths) in paths_under(folder, false) {
            read += 1;
            for path in paths {
                if let Some(forbidden) = forbidden_import(&path) {
                    panic!(
                        "{} uses {path}: {forbidden} is off limits below src/{folder}",
                        file.display()
                    );
                }
            }
        }
    }
    assert!(read >= 20, "expected the engine's files, read {read}");
}

#[test]
fn the_import_reader_sees_through_super_and_use_groups() {
    let mut paths = Paths {
        module: vec!["analysis".to_string(), "rules".to_string(), "x".to_string()],
        found: BTreeSet::new(),
        skip_tests: false,
    };
    let syntax: syn::File = syn::parse_str(
        "use super::super::super::lsp::config; use crate::{cli::{self, check::run}}; fn f() { tower_lsp::lsp_types::Url::parse(\"\"); }",
    )
    .expect("the sample parses");
    paths.visit_file(&syntax);
    for expected in ["crate::lsp::config", "crate::cli", "crate::cli::check::run"] {
        assert!(
            paths.found.contains(expected),
            "{expected} in {:?}",
            paths.found
        );
    }
    let forbidden: Vec<_> = paths
        .found
        .iter()
        .filter_map(|path| forbidden_import(path))
        .collect();
    assert!(
        forbidden.contains(&"tower_lsp") && forbidden.contains(&"crate::lsp"),
        "{forbidden:?}"
    );
}

/// The engine's modules (`analysis::<name>`, with `rules` and `dates` each one module) and
/// the engine modules each imports.
fn analysis_graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (file, paths) in paths_under("analysis", true) {
        let module = module_of(&file);
        // analysis/mod.rs is the engine's front door (it re-exports and drives the rules), not
        // one of its modules.
        let Some(from) = module.get(1).cloned() else {
            continue;
        };
        let edges = graph.entry(from.clone()).or_default();
        for path in paths {
            let mut segments = path.split("::");
            if segments.next() != Some("crate") || segments.next() != Some("analysis") {
                continue;
            }
            if let Some(to) = segments.next() {
                let is_module = Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("src/analysis")
                    .join(format!("{to}.rs"))
                    .is_file()
                    || Path::new(env!("CARGO_MANIFEST_DIR"))
                        .join("src/analysis")
                        .join(to)
                        .is_dir();
                if is_module && to != from {
                    edges.insert(to.to_string());
                }
            }
        }
    }
    graph
}

/// The imports between engine modules that point back up the layering, each with why it is
/// allowed. Every cycle between engine modules must pass through one of them: a new cycle is a
/// module reaching into one that depends on it, which is what makes a change ripple.
const ALLOWED_BACK_EDGES: &[(&str, &str, &str)] = &[
    // RuleCode is declared by the rule registry (one line per rule) and re-exported by the
    // finding, the plain data every rule makes.
    (
        "finding",
        "rules",
        "RuleCode comes from the registry's declaration",
    ),
];

/// The engine's modules import each other in one direction, apart from the documented back
/// edges above.
#[test]
fn the_engine_modules_form_no_undocumented_cycle() {
    let mut graph = analysis_graph();
    assert!(
        graph.len() >= 15,
        "expected the engine's modules: {graph:?}"
    );
    for (from, to, _why) in ALLOWED_BACK_EDGES {
        assert!(
            graph.get(*from).is_some_and(|edges| edges.contains(*to)),
            "the allowed back edge {from} -> {to} no longer exists: remove it from the list"
        );
        graph.get_mut(*from).expect("checked above").remove(*to);
    }
    // Depth-first search for a cycle; on finding one, name its modules.
    fn visit<'g>(
        node: &'g str,
        graph: &'g BTreeMap<String, BTreeSet<String>>,
        done: &mut BTreeSet<&'g str>,
        stack: &mut Vec<&'g str>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|open| *open == node) {
            let mut cycle: Vec<String> = stack[at..].iter().map(|name| name.to_string()).collect();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node);
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, done, stack) {
                return Some(cycle);
            }
        }
        stack.pop();
        done.insert(node);
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        if let Some(cycle) = visit(node, &graph, &mut done, &mut Vec::new()) {
            panic!(
                "the engine's modules import each other in a cycle: {}. Move the shared piece down, or document the back edge in ALLOWED_BACK_EDGES",
                cycle.join(" -> ")
            );
        }
    }
}

/// The longest a source file under `src/` may grow before it mixes concerns and wants splitting
/// at its seams.
const MAX_SOURCE_LINES: usize = 800;

/// The files allowed past [`MAX_SOURCE_LINES`], each with its reason. An entry whose file has
/// come back under the limit fails the test too, so that the list never keeps a stale pass.
const LONG_SOURCE_FILES: &[(&str, &str)] = &[(
    "src/analysis/dates/tests.rs",
    "tests only: the date reader's cases, one table per construction",
)];

/// No source file grows past [`MAX_SOURCE_LINES`] unless [`LONG_SOURCE_FILES`] names it with a
/// reason, so that a file mixing concerns is split when it gets long rather than noticed later.
#[test]
fn no_source_file_is_too_long_without_a_reason() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut too_long = Vec::new();
    let mut long = BTreeSet::new();
    for file in files {
        let source = std::fs::read_to_string(&file).expect("source file is readable");
        let lines = source.lines().count();
        let name = file
            .strip_prefix(root)
            .expect("source files are under the crate")
            .to_string_lossy()
            .replace('\\', "/");
        if lines > MAX_SOURCE_LINES {
            if LONG_SOURCE_FILES
                .iter()
                .any(|(allowed, _)| *allowed == name)
            {
                long.insert(name);
            } else {
                too_long.push(format!("{name} ({lines} lines)"));
            }
        }
    }
    assert!(
        too_long.is_empty(),
        "source files over {MAX_SOURCE_LINES} lines: {too_long:?}; split them at their seams, \
         or name them in LONG_SOURCE_FILES with the reason"
    );
    let stale: Vec<&str> = LONG_SOURCE_FILES
        .iter()
        .map(|(allowed, _)| *allowed)
        .filter(|allowed| !long.contains(*allowed))
        .collect();
    assert!(
        stale.is_empty(),
        "LONG_SOURCE_FILES names files that are no longer over {MAX_SOURCE_LINES} lines (or no \
         longer exist): {stale:?}; take them off the list"
    );
}
