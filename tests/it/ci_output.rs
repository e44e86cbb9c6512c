//! `copydesk check` as a pre-publish gate: the CI formats (SARIF validated against the official
//! SARIF 2.1.0 schema, GitHub annotations, Checkstyle), the failure threshold, changed lines,
//! the suppression audit trail, and `copydesk rules` / `explain` / `schema`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

fn copydesk_in(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .output()
        .expect("the copydesk binary runs");
    Run {
        status: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

fn copydesk(args: &[&str]) -> Run {
    copydesk_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

fn scratch(name: &str) -> PathBuf {
    let folder = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("ci-output")
        .join(name);
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    folder
}

const DRAFT: &str = "---\ndate: 2026-03-04\n---\n\nThe ferry carried 41,300 passengers a month.\n\nThe council met on Monday. \"We will not raise the levy this winter or next.\"\n";

#[test]
fn sarif_is_valid_against_the_sarif_2_1_0_schema() {
    let folder = scratch("sarif");
    std::fs::write(folder.join("story.md"), DRAFT).unwrap();
    std::fs::write(folder.join("my notes.md"), "Nothing to see.\n").unwrap();
    let run = copydesk_in(
        &folder,
        &["check", "--format", "sarif", "story.md", "my notes.md"],
    );
    assert_eq!(run.status, 1, "{}", run.stderr);
    let log: Value = serde_json::from_str(&run.stdout).expect("SARIF is JSON");
    // The official schema's pattern for `language` (on runs and tool components) ends in an
    // unbalanced "]", a literal in ECMA-262 regular expressions but rejected by the validator's
    // check of the schema itself; escaping it gives the same expression.
    let official = include_str!("../sarif-schema-2.1.0.json");
    let broken = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    assert_eq!(official.matches(broken).count(), 2);
    let text = official.replace(broken, r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}\\]?$""#);
    let schema: Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the SARIF schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|error| format!("{} at {}", error, error.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let run_ = &log["runs"][0];
    let rules = run_["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), copydesk::analysis::rules::REGISTRY.len());
    let figure_rule = rules
        .iter()
        .find(|rule| rule["id"] == "unsourced-figure")
        .unwrap();
    assert!(figure_rule["help"]["text"]
        .as_str()
        .unwrap()
        .contains("**Why it matters:**"));
    let results = run_["results"].as_array().unwrap();
    let figure = results
        .iter()
        .find(|result| result["ruleId"] == "unsourced-figure")
        .unwrap();
    assert_eq!(figure["level"], "warning");
    let region = &figure["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(5), Some(19))
    );
    assert_eq!(
        figure["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "story.md"
    );
    assert_eq!(
        rules[figure["ruleIndex"].as_u64().unwrap() as usize]["id"],
        "unsourced-figure"
    );
    // The summary goes to stderr so that stdout stays one JSON document.
    assert!(run.stderr.contains("2 files checked"), "{}", run.stderr);
    // A schema check that fails on a broken log, so the test above cannot pass vacuously.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = Value::from("loud");
    assert!(!validator.is_valid(&broken));
}

#[test]
fn github_format_prints_workflow_annotations() {
    let folder = scratch("github");
    std::fs::write(folder.join("story.md"), DRAFT).unwrap();
    let run = copydesk_in(&folder, &["check", "--format", "github", "story.md"]);
    assert_eq!(run.status, 1);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(lines.contains(
        &"::warning file=story.md,line=5,col=19,endLine=5,endColumn=25,title=copydesk unsourced-figure::Figure has no source: who says the ferry carried 41,300 passengers a month?%0AFix: Add a source: “according to [SOURCE]”"
    ), "{}", run.stdout);
    assert!(lines
        .iter()
        .any(|line| line.starts_with("::warning file=story.md,line=7,")
            && line.contains("unattributed-quote")));
    assert!(lines.last().unwrap().starts_with("1 file checked: "));
}

#[test]
fn checkstyle_format_is_well_formed_xml() {
    let folder = scratch("checkstyle");
    std::fs::write(folder.join("a&b.md"), DRAFT).unwrap();
    let run = copydesk_in(&folder, &["check", "--format", "checkstyle", "a&b.md"]);
    assert_eq!(run.status, 1);
    let xml = &run.stdout;
    assert!(xml
        .starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"));
    assert!(xml.contains("<file name=\"a&amp;b.md\">"), "{xml}");
    assert!(xml.contains(
        "<error line=\"5\" column=\"19\" severity=\"warning\" message=\"Figure has no source: who says the ferry carried 41,300 passengers a month?\" source=\"copydesk.unsourced-figure\"/>"
    ), "{xml}");
    assert!(xml.trim_end().ends_with("</checkstyle>"));
    // Every element that opens closes, and no raw ampersand or angle bracket is left in values.
    assert_eq!(
        xml.matches("<file ").count(),
        xml.matches("</file>").count()
    );
    for line in xml
        .lines()
        .filter(|line| line.trim_start().starts_with("<error"))
    {
        let inner = &line.trim()[1..line.trim().len() - 2];
        assert!(!inner.contains('<') && !inner.contains('>'), "{line}");
        assert!(
            inner.matches('&').count() == inner.matches(';').count(),
            "{line}"
        );
    }
}

#[test]
fn the_severity_threshold_decides_the_exit_status() {
    let folder = scratch("threshold");
    std::fs::write(folder.join("story.md"), DRAFT).unwrap();
    assert_eq!(copydesk_in(&folder, &["check", "story.md"]).status, 1);
    assert_eq!(
        copydesk_in(&folder, &["check", "--severity", "error", "story.md"]).status,
        0
    );
    std::fs::write(
        folder.join(".copydesk.toml"),
        "[rules.unsourced-figure]\nseverity = \"error\"\n",
    )
    .unwrap();
    let run = copydesk_in(&folder, &["check", "--severity", "error", "story.md"]);
    assert_eq!(run.status, 1);
    assert!(
        run.stdout.contains("error[unsourced-figure]"),
        "{}",
        run.stdout
    );
}

#[test]
fn text_is_coloured_only_when_asked_or_on_a_terminal() {
    let folder = scratch("colour");
    std::fs::write(folder.join("story.md"), DRAFT).unwrap();
    // Standard output is a pipe here: no colour by default.
    let plain = copydesk_in(&folder, &["check", "story.md"]);
    assert!(!plain.stdout.contains('\u{1b}'));
    let coloured = copydesk_in(&folder, &["check", "--color", "always", "story.md"]);
    assert!(coloured
        .stdout
        .contains("\u{1b}[1;33mwarning[unsourced-figure]\u{1b}[0m"));
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.com")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.com")
        .stdout(Stdio::null())
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

#[test]
fn changed_lines_reports_only_what_the_diff_touched() {
    let folder = scratch("changed-lines");
    git(&folder, &["init", "-q"]);
    let before = "---\ndate: 2026-03-04\n---\n\nThe ferry carried 41,300 passengers a month.\n\nThe council met on Monday.\n";
    std::fs::write(folder.join("story.md"), before).unwrap();
    std::fs::write(folder.join("other.md"), "Ridership fell by 12%.\n").unwrap();
    git(&folder, &["add", "."]);
    git(&folder, &["commit", "-q", "-m", "first"]);
    let after = before.to_string() + "\nFares rose by 30%.\n";
    std::fs::write(folder.join("story.md"), &after).unwrap();
    git(&folder, &["commit", "-q", "-am", "second"]);
    let run = copydesk_in(
        &folder,
        &[
            "check",
            "--format",
            "json",
            "--changed-lines",
            "HEAD~1..HEAD",
            "story.md",
            "other.md",
        ],
    );
    assert_eq!(run.status, 1, "{}", run.stderr);
    let files: Vec<Value> = run
        .stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let story = &files[0]["findings"].as_array().unwrap();
    assert_eq!(story.len(), 1, "{story:#?}");
    assert_eq!(story[0]["start"]["line"], 9);
    assert!(files[1]["findings"].as_array().unwrap().is_empty());
    assert!(run.stderr.contains("(changed lines only)"));
    // Uncommitted edits: the range HEAD compares the work tree with the last commit.
    std::fs::write(
        folder.join("other.md"),
        "Ridership fell by 12%.\nIt rose 40% in 2019.\n",
    )
    .unwrap();
    let run = copydesk_in(&folder, &["check", "--changed-lines", "HEAD", "."]);
    assert!(run.stdout.contains("other.md:2:"), "{}", run.stdout);
    assert!(!run.stdout.contains("other.md:1:"));
    assert!(!run.stdout.contains("story.md"));
    // A range git does not know is a usage error.
    let run = copydesk_in(&folder, &["check", "--changed-lines", "nope..HEAD", "."]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("git diff"), "{}", run.stderr);
}

#[test]
fn list_suppressions_prints_the_audit_trail() {
    let folder = scratch("list-suppressions");
    let draft = "<!-- copydesk-disable-next-line unsourced-figure -- operator's annual report, p. 12 -->\nThe ferry carried 41,300 passengers.\n\n<!-- copydesk-disable-file vague-attribution -->\n";
    std::fs::write(folder.join("story.md"), draft).unwrap();
    let run = copydesk_in(&folder, &["check", "--list-suppressions", "story.md"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "story.md:1:1: copydesk-disable-next-line unsourced-figure: reason: operator's annual report, p. 12 [silenced 1]\n\
         story.md:4:1: copydesk-disable-file vague-attribution: (no reason given) [silenced 0]\n\
         2 suppressions in 1 file.\n"
    );
    let json = copydesk_in(
        &folder,
        &[
            "check",
            "--list-suppressions",
            "--format",
            "json",
            "story.md",
        ],
    );
    let object: Value = serde_json::from_str(json.stdout.trim()).unwrap();
    assert_eq!(
        object["suppressions"][0]["reason"],
        "operator's annual report, p. 12"
    );
    assert_eq!(object["suppressions"][1]["reason"], Value::Null);
    // Without the flag, the suppressions' own findings are reported.
    let run = copydesk_in(&folder, &["check", "story.md"]);
    assert!(
        run.stdout.contains("warning[unused-suppression]"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("information[unexplained-suppression]"));
}

#[test]
fn rules_lists_every_rule_and_explain_prints_its_documentation() {
    let run = copydesk(&["rules"]);
    assert_eq!(run.status, 0);
    for rule in copydesk::analysis::rules::REGISTRY {
        let line = run
            .stdout
            .lines()
            .find(|line| line.split_whitespace().next() == Some(rule.code.as_str()))
            .unwrap_or_else(|| panic!("{} missing from {}", rule.code, run.stdout));
        assert!(line.contains(rule.default_severity.as_str()) && line.ends_with(rule.summary));
    }
    let run = copydesk(&["explain", "unsourced-figure"]);
    assert_eq!(run.status, 0);
    // The same text as the doc comment of the rule's source file.
    let source = include_str!("../../src/analysis/rules/unsourced_figure.rs");
    let doc: Vec<&str> = source
        .lines()
        .take_while(|line| line.starts_with("//!"))
        .map(|line| line.trim_start_matches("//!").trim_start())
        .collect();
    assert!(run.stdout.starts_with(&doc.join("\n")), "{}", run.stdout);
    let run = copydesk(&["explain", "no-such-rule"]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("unsourced-figure"));
}

#[test]
fn changed_lines_count_every_line_of_a_new_draft() {
    let folder = scratch("changed-lines-new");
    git(&folder, &["init", "-q"]);
    std::fs::write(folder.join("old.md"), "Ridership fell by 12%.\n").unwrap();
    git(&folder, &["add", "."]);
    git(&folder, &["commit", "-q", "-m", "first"]);
    let draft = "---\ndate: 2026-03-04\n---\n\nFares rose by 30%.\n";
    // Untracked: git has never seen it, and every line of it is new.
    std::fs::write(folder.join("new.md"), draft).unwrap();
    let run = copydesk_in(&folder, &["check", "--changed-lines", "HEAD", "new.md"]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert!(run.stdout.contains("new.md:5:"), "{}", run.stdout);
    // Added but not committed: the same.
    git(&folder, &["add", "new.md"]);
    let run = copydesk_in(&folder, &["check", "--changed-lines", "HEAD", "new.md"]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert!(run.stdout.contains("new.md:5:"), "{}", run.stdout);
    // The committed draft beside it has no changed lines.
    let run = copydesk_in(&folder, &["check", "--changed-lines", "HEAD", "old.md"]);
    assert_eq!(run.status, 0, "{}", run.stdout);
}

#[test]
fn a_folder_without_drafts_fails_unless_allowed() {
    let folder = scratch("empty");
    std::fs::create_dir_all(folder.join("drafts")).unwrap();
    std::fs::write(folder.join("drafts/notes.pdf"), "not a draft").unwrap();
    let run = copydesk_in(&folder, &["check", "drafts"]);
    assert_eq!(run.status, 2);
    assert_eq!(
        run.stderr,
        "copydesk: no drafts found under drafts (Markdown or text files); pass --allow-empty if that is expected\n"
    );
    let run = copydesk_in(&folder, &["check", "--allow-empty", "drafts"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "0 files checked: no findings.\n");
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    let folder = scratch("closed-pipe");
    std::fs::write(folder.join("story.md"), DRAFT).unwrap();
    for command in [
        &["check", "story.md"][..],
        &["check", "--format", "sarif", "story.md"],
        &["rules"],
        &["schema"],
        &["explain", "unsourced-figure"],
    ] {
        // The reader is gone before copydesk writes a byte: every write meets a closed pipe,
        // as it does behind `| head` once head has what it wants.
        let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
            .args(command)
            .current_dir(&folder)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the copydesk binary runs");
        drop(child.stdout.take());
        let output = child.wait_with_output().expect("copydesk exits");
        let expected = if command[0] == "check" { 1 } else { 0 };
        assert_eq!(output.status.code(), Some(expected), "{command:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(!stderr.contains("copydesk:"), "{command:?}: {stderr}");
    }
}

#[test]
fn sarif_of_a_broken_house_rules_file_is_valid_and_fails() {
    let folder = scratch("sarif-broken");
    std::fs::create_dir_all(folder.join(".git")).unwrap();
    std::fs::write(folder.join("story.md"), DRAFT).unwrap();
    std::fs::write(folder.join(".copydesk.toml"), "[rulez]\n").unwrap();
    let run = copydesk_in(&folder, &["check", "--format", "sarif", "story.md"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    let log: Value = serde_json::from_str(&run.stdout).expect("SARIF is JSON");
    let official = include_str!("../sarif-schema-2.1.0.json");
    let broken = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    let text = official.replace(broken, r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}\\]?$""#);
    let schema: Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the SARIF schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|error| format!("{} at {}", error, error.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(log["runs"][0]["results"][0]["level"], "error");
    assert!(run.stderr.contains("1 draft not checked"), "{}", run.stderr);
}

/// Runs the GitHub Action's check script (action/check.sh) as action.yml runs it, with this
/// build as the copydesk program.
fn action_check(dir: &Path, paths: &str, args: &str) -> Run {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("action/check.sh");
    let output = Command::new("bash")
        .arg(script)
        .current_dir(dir)
        .env("COPYDESK", env!("CARGO_BIN_EXE_copydesk"))
        .env("INPUT_PATHS", paths)
        .env("INPUT_ARGS", args)
        .stdin(Stdio::null())
        .output()
        .expect("bash runs the action's script");
    Run {
        status: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

#[test]
fn the_github_action_annotates_the_paths_it_is_given() {
    let folder = scratch("action");
    std::fs::create_dir_all(folder.join("drafts")).unwrap();
    std::fs::create_dir_all(folder.join("wire")).unwrap();
    std::fs::write(folder.join("drafts/story.md"), DRAFT).unwrap();
    std::fs::write(folder.join("wire/brief.txt"), "Nothing to see.\n").unwrap();
    // Two paths on two lines, as a workflow's `paths: |` block gives them.
    let run = action_check(&folder, "drafts\nwire", "");
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("::warning file=drafts/story.md,line=5,col=19,"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.ends_with("2 files checked: 4 findings (2 warning, 2 information; unattributed-quote 1, relative-date 2, unsourced-figure 1).\n"), "{}", run.stdout);
    // Extra options pass through: only errors fail the check.
    let run = action_check(&folder, "drafts", "--severity error");
    assert_eq!(run.status, 0, "{}", run.stderr);
    // Nothing given: the whole repository.
    let run = action_check(&folder, "", "");
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert!(run.stdout.contains("2 files checked"), "{}", run.stdout);
    // A path without drafts fails the gate.
    std::fs::create_dir_all(folder.join("empty")).unwrap();
    let run = action_check(&folder, "empty", "");
    assert_eq!(run.status, 2, "{}", run.stdout);
}
