//! Tests of `copydesk check` through the built binary: what CI systems and people at a terminal
//! see, including the exit status they script against.
//!
//! Every run passes a publication date (a flag or front matter) because the binary otherwise
//! falls back to the system clock, which would make the output depend on the day of the run.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

use crate::one_edits;
use one_edits::{stripped, ONE_EDITS};

struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

/// Runs the binary with `args`, feeding `stdin` to it when given.
fn copydesk(args: &[&str], stdin: Option<&str>) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_copydesk"));
    command
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("the copydesk binary starts");
    if let Some(input) = stdin {
        // Dropping the handle after writing closes standard input, so the binary sees the end.
        let mut handle = child.stdin.take().expect("stdin is piped");
        handle
            .write_all(input.as_bytes())
            .expect("stdin accepts the text");
    }
    let Output {
        status,
        stdout,
        stderr,
    } = child.wait_with_output().expect("the copydesk binary exits");
    Run {
        // A run killed by a signal has no code; -1 fails every assertion on the status.
        status: status.code().unwrap_or(-1),
        stdout: String::from_utf8(stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(stderr).expect("stderr is UTF-8"),
    }
}

/// A fresh, empty folder for one test. Tests run in parallel, so each gets its own name.
fn scratch(test_name: &str) -> PathBuf {
    let folder = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli")
        .join(test_name);
    if folder.exists() {
        std::fs::remove_dir_all(&folder).expect("the old scratch folder can be removed");
    }
    std::fs::create_dir_all(&folder).expect("the scratch folder can be created");
    folder
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

/// Parses JSON output: one object per line, one line per file.
fn json_lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|error| panic!("{error}: {line}")))
        .collect()
}

#[test]
fn text_format_is_rustc_like() {
    let folder = scratch("text_format_is_rustc_like");
    let path = folder.join("turnout.txt");
    // The "é" before the figure checks that the column and the caret count characters, not
    // bytes: "12%" is at column 41, where a byte count would say 42.
    std::fs::write(&path, "Café staff stayed home. Turnout rose to 12%.\n").unwrap();
    let path = path.display().to_string();
    let run = copydesk(
        &[
            "check",
            "--format",
            "text",
            "--reference-date",
            "2022-02-28",
            &path,
        ],
        None,
    );
    let expected = format!(
        "\
warning[unsourced-figure]: Figure has no source: who says Turnout rose to 12%?
  --> {path}:1:41
  |
1 | Café staff stayed home. Turnout rose to 12%.
  |                                         ^^^
  = note: Figure: 12% (percentage: 12%).
  = note: Source: none in this sentence. Looked for: a source in the figure's clause (said, according to, data from, a report by ...), the subject as its own source, a link or a citation, a poll or report named in the sentence before or earlier in the paragraph, a statement about figures earlier in the paragraph, or, for a poll's answers, the poll the story named.
  = fix: Add a source: “according to [SOURCE]”

1 file checked: 1 finding (1 warning; unsourced-figure 1).
"
    );
    assert_eq!(run.stdout, expected);
    assert_eq!(run.stderr, "");
    assert_eq!(run.status, 1);
}

#[test]
fn text_format_is_the_default_and_marks_information() {
    let run = copydesk(
        &[
            "check",
            "--reference-date",
            "2022-02-28",
            &fixture("legion.txt"),
        ],
        None,
    );
    // Weekdays within a week of the publication date are information only, which must not fail
    // a CI gate.
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(
        run.stdout.matches("information[relative-date]: ").count(),
        5
    );
    assert!(!run.stdout.contains("warning["), "{}", run.stdout);
    assert!(
        run.stdout
            .contains(&format!("  --> {}:3:445\n", fixture("legion.txt"))),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .ends_with("\n1 file checked: 5 findings (5 information; relative-date 5).\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn json_format_has_one_object_per_file_with_unicode_columns() {
    let path = fixture("storm.md");
    let run = copydesk(&["check", "--format", "json", &path], None);
    assert_eq!(run.status, 1, "{}", run.stderr);
    let objects = json_lines(&run.stdout);
    assert_eq!(objects.len(), 1, "{}", run.stdout);
    let object = &objects[0];
    assert_eq!(object["path"], path.as_str());
    let findings = object["findings"].as_array().expect("findings is an array");
    assert_eq!(findings.len(), 18);

    // Line 24 reads "The Café Méridien on Dock Street served hot meals to 300 volunteers
    // yesterday." Two "é" come before "300": it starts at character 54 (1-based) but at byte
    // 55 (0-based) of the line.
    let volunteers = findings
        .iter()
        .find(|finding| finding["details"]["text"] == "300")
        .expect("the 300 volunteers are reported");
    let mut keys: Vec<&str> = volunteers
        .as_object()
        .expect("a finding is an object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "byteEnd",
            "byteStart",
            "code",
            "details",
            "end",
            "fixes",
            "message",
            "severity",
            "start"
        ]
    );
    assert_eq!(volunteers["code"], "unsourced-figure");
    assert_eq!(volunteers["severity"], "warning");
    assert_eq!(volunteers["message"], "Figure has no source: who says the Café Méridien on Dock Street served hot meals to 300 volunteers yesterday?");
    assert_eq!(
        volunteers["start"],
        serde_json::json!({ "line": 24, "column": 54 })
    );
    assert_eq!(
        volunteers["end"],
        serde_json::json!({ "line": 24, "column": 57 })
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let line_start: usize = text.split_inclusive('\n').take(23).map(str::len).sum();
    let byte_start = volunteers["byteStart"].as_u64().unwrap() as usize;
    let byte_end = volunteers["byteEnd"].as_u64().unwrap() as usize;
    assert_eq!(byte_start - line_start, 55);
    assert_eq!(&text[byte_start..byte_end], "300");
    assert_eq!(volunteers["details"]["understood"], "count: 300 volunteers");
    let fix = &volunteers["fixes"][0];
    assert_eq!(fix["title"], "Add a source: “according to [SOURCE]”");
    assert_eq!(fix["edits"][0]["newText"], ", according to [SOURCE]");
    // The source goes before the sentence's full stop, after "yesterday".
    assert_eq!(
        fix["edits"][0]["start"],
        serde_json::json!({ "line": 24, "column": 78 })
    );

    // The relative date on the same line carries its resolution.
    let yesterday = findings
        .iter()
        .find(|finding| finding["start"] == serde_json::json!({ "line": 24, "column": 69 }))
        .expect("the second yesterday is reported");
    assert_eq!(yesterday["code"], "relative-date");
    assert_eq!(yesterday["details"]["resolved"], "2025-10-02");
    assert_eq!(
        yesterday["details"]["referenceSource"],
        "from the front matter"
    );
    assert_eq!(yesterday["fixes"][0]["edits"][0]["newText"], "Oct. 2");
}

/// Asserts that every object in `value` lists its keys in sorted order, with where it is.
fn assert_keys_sorted(value: &Value, place: &str) {
    match value {
        Value::Object(map) => {
            let keys: Vec<&String> = map.keys().collect();
            let mut sorted = keys.clone();
            sorted.sort();
            assert_eq!(keys, sorted, "keys out of order at {place}");
            for (key, child) in map {
                assert_keys_sorted(child, &format!("{place}.{key}"));
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                assert_keys_sorted(item, &format!("{place}[{index}]"));
            }
        }
        _ => {}
    }
}

/// The JSON format writes each object's keys in sorted order, as it always has, for every kind
/// of details and for suppressions: a program diffing two runs' output, or a stored report
/// against a new one, sees no change in a draft that did not change.
#[test]
fn json_keys_come_in_sorted_order_for_every_kind_of_finding() {
    let folder = scratch("json-key-order");
    let draft = folder.join("kinds.md");
    std::fs::write(
        &draft,
        "---\ndate: 2025-03-10\n---\n\n\
         <!-- copydesk-disable-next-line relative-date, no-such-rule -- checked with the desk -->\n\
         The mayor resigned last Thursday.\n\n\
         <!-- copydesk-disable unsourced-figure -->\n\
         About 3,000 people came.\n\
         <!-- copydesk-enable unsourced-figure -->\n\n\
         The hearing on Monday, March 4, 2025, was short, and 4,000 tanks were destroyed on Friday.\n\n\
         \"We will never give up on this city, not now and not ever again,\" the crowd heard.\n",
    )
    .unwrap();
    let path = draft.to_str().unwrap();
    let run = copydesk(&["check", "--format", "json", path], None);
    let objects = json_lines(&run.stdout);
    assert_eq!(objects.len(), 1, "{}{}", run.stdout, run.stderr);
    let kinds: std::collections::BTreeSet<&str> = objects[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|finding| finding["code"].as_str().unwrap())
        .collect();
    for code in [
        "relative-date",
        "unsourced-figure",
        "weekday-date-mismatch",
        "unattributed-quote",
        "unused-suppression",
    ] {
        assert!(kinds.contains(code), "{code} is among {kinds:?}");
    }
    assert_keys_sorted(&objects[0], "the draft");
    let run = copydesk(
        &["check", "--format", "json", "--list-suppressions", path],
        None,
    );
    let objects = json_lines(&run.stdout);
    assert_eq!(objects[0]["suppressions"].as_array().unwrap().len(), 3);
    assert_keys_sorted(&objects[0], "the suppressions");
}

#[test]
fn exit_status_is_zero_without_findings() {
    let run = copydesk(&["check", &fixture("no-findings.md")], None);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(run.stdout, "1 file checked: no findings.\n");
    let run = copydesk(
        &["check", "--format", "json", &fixture("no-findings.md")],
        None,
    );
    assert_eq!(run.status, 0);
    assert_eq!(
        json_lines(&run.stdout)[0]["findings"],
        serde_json::json!([])
    );
}

#[test]
fn exit_status_is_one_with_warnings() {
    let run = copydesk(
        &[
            "check",
            "--reference-date",
            "2022-02-28",
            &fixture("legion-unattributed.txt"),
        ],
        None,
    );
    assert_eq!(run.status, 1, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("warning[unattributed-quote]: "));
    assert!(run.stdout.ends_with(
        "1 file checked: 7 findings (1 warning, 6 information; unattributed-quote 1, relative-date 5, unsourced-figure 1).\n"
    ), "{}", run.stdout);
}

#[test]
fn exit_status_is_two_for_a_missing_file() {
    let folder = scratch("exit_status_is_two_for_a_missing_file");
    let missing = folder.join("missing.md").display().to_string();
    let run = copydesk(&["check", &missing], None);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains(&format!("cannot read {missing}")),
        "{}",
        run.stderr
    );
    // A missing file does not hide the findings of the files that exist, and the error wins
    // over the findings in the exit status.
    let run = copydesk(&["check", &missing, &fixture("storm.md")], None);
    assert_eq!(run.status, 2);
    assert!(
        run.stdout.contains("warning[unsourced-figure]"),
        "{}",
        run.stdout
    );
}

#[test]
fn exit_status_is_two_for_an_invalid_reference_date() {
    let run = copydesk(
        &[
            "check",
            "--reference-date",
            "2022-02-30",
            &fixture("legion.txt"),
        ],
        None,
    );
    assert_eq!(run.status, 2);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.contains("--reference-date must be a date like"),
        "{}",
        run.stderr
    );
}

#[test]
fn exit_status_is_two_for_a_binary_file() {
    let folder = scratch("exit_status_is_two_for_a_binary_file");
    let path = folder.join("photo.txt");
    // A text-looking name with NUL bytes inside: the extension alone must not make it a draft.
    std::fs::write(&path, b"Turnout rose to 12%.\0\x89PNG\0\0").unwrap();
    let run = copydesk(
        &[
            "check",
            "--reference-date",
            "2022-02-28",
            path.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("looks like a binary file"),
        "{}",
        run.stderr
    );
    assert!(!run.stdout.contains("12%"), "{}", run.stdout);
}

#[test]
fn exit_status_is_two_for_a_usage_error() {
    let run = copydesk(&["check", "--no-such-flag", &fixture("storm.md")], None);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("--no-such-flag"), "{}", run.stderr);
    assert_eq!(run.stdout, "");
    let run = copydesk(&["check", "--format", "xml", &fixture("storm.md")], None);
    assert_eq!(run.status, 2);
}

#[test]
fn a_folder_is_checked_for_drafts_in_sorted_order() {
    let folder = scratch("a_folder_is_checked_for_drafts_in_sorted_order");
    let figure = "Turnout rose to 12%.\n";
    // Written out of order so that the sorted output does not come from creation order.
    std::fs::write(folder.join("b.md"), figure).unwrap();
    std::fs::create_dir(folder.join("sub")).unwrap();
    std::fs::write(folder.join("sub").join("d.md"), figure).unwrap();
    std::fs::write(folder.join("a.txt"), figure).unwrap();
    // Files that are not drafts hold a figure too, so reading them would show in the output.
    std::fs::write(folder.join("c.rs"), "// Turnout rose to 12%.\n").unwrap();
    std::fs::write(folder.join("data.json"), "{\"turnout\": \"12%\"}\n").unwrap();
    let run = copydesk(
        &[
            "check",
            "--format",
            "json",
            "--reference-date",
            "2022-02-28",
            folder.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(run.status, 1, "{}", run.stderr);
    let paths: Vec<String> = json_lines(&run.stdout)
        .iter()
        .map(|object| object["path"].as_str().unwrap().to_string())
        .collect();
    let expected: Vec<String> = [
        folder.join("a.txt"),
        folder.join("b.md"),
        folder.join("sub").join("d.md"),
    ]
    .iter()
    .map(|path| path.display().to_string())
    .collect();
    assert_eq!(paths, expected);
}

#[test]
fn a_dash_reads_standard_input_as_markdown() {
    // Front matter is honoured, which shows the input is read as Markdown, and its date is used
    // for the relative date.
    let input = "---\ndate: 2024-05-06\n---\n\nTurnout rose to 12% `not 13%` yesterday.\n";
    let run = copydesk(&["check", "--format", "json", "-"], Some(input));
    assert_eq!(run.status, 1, "{}", run.stderr);
    let objects = json_lines(&run.stdout);
    assert_eq!(objects.len(), 1);
    assert_eq!(objects[0]["path"], "<stdin>");
    let summary: Vec<(String, String, u64, u64)> = objects[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|finding| {
            (
                finding["code"].as_str().unwrap().to_string(),
                input[finding["byteStart"].as_u64().unwrap() as usize
                    ..finding["byteEnd"].as_u64().unwrap() as usize]
                    .to_string(),
                finding["start"]["line"].as_u64().unwrap(),
                finding["start"]["column"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("unsourced-figure".to_string(), "12%".to_string(), 5, 17),
            ("relative-date".to_string(), "yesterday".to_string(), 5, 31),
        ]
    );
    let yesterday = &objects[0]["findings"][1];
    assert_eq!(yesterday["details"]["resolved"], "2024-05-05");

    let run = copydesk(&["check", "-"], Some("Nothing to see here.\n"));
    assert_eq!(run.status, 0);
    assert_eq!(run.stdout, "1 file checked: no findings.\n");
}

#[test]
fn the_seed_one_edit_test_passes_in_check() {
    let original = std::fs::read_to_string(fixture("legion.txt")).expect("the fixture reads");
    let quote_findings = |text: &str| -> usize {
        let run = copydesk(
            &[
                "check",
                "--format",
                "json",
                "--reference-date",
                "2022-02-28",
                "-",
            ],
            Some(text),
        );
        let report: Value = serde_json::from_str(run.stdout.trim()).expect("one JSON report");
        report["findings"].as_array().map_or(0, |findings| {
            findings
                .iter()
                .filter(|finding| finding["code"] == "unattributed-quote")
                .count()
        })
    };
    assert_eq!(quote_findings(&original), 0);
    for (quotation, edits) in ONE_EDITS {
        assert_eq!(
            quote_findings(&stripped(&original, edits)),
            1,
            "{quotation}"
        );
    }
}

#[test]
fn a_dateline_without_a_year_is_never_in_the_future_and_a_far_one_is_questioned() {
    // Read on Dec. 7, 2026, "Feb. 28" is Feb. 28, 2026, not 2027; being over nine months back,
    // the dateline itself asks for its year.
    let run = copydesk(
        &[
            "check",
            "--reference-date",
            "2026-12-07",
            "--color",
            "never",
            "-",
        ],
        Some(
            "KYIV, Ukraine, Feb. 28 (Reuters) - Ukraine said on Tuesday that talks would go on.\n",
        ),
    );
    assert_eq!(
        run.stdout,
        "\
warning[relative-date]: Dateline: “Feb. 28” has no year; read as Saturday, Feb. 28, 2026, 9 months ago
  --> <stdin>:1:16
  |
1 | KYIV, Ukraine, Feb. 28 (Reuters) - Ukraine said on Tuesday that talks would go on.
  |                ^^^^^^^
  = note: The dateline's year is inferred: the latest Feb. 28 not after today (Monday, Dec. 7, 2026).
  = note: Every relative date in the story is resolved against it: write the year if the story is from another year.
  = fix: Add the year: 2026

information[relative-date]: Relative date: “Tuesday” means Tuesday, Feb. 24, 2026
  --> <stdin>:1:52
  |
1 | KYIV, Ukraine, Feb. 28 (Reuters) - Ukraine said on Tuesday that talks would go on.
  |                                                    ^^^^^^^
  = note: “Tuesday” = Tuesday, Feb. 24, 2026.
  = note: How: past tense: the Tuesday before the publication date.
  = note: Publication date: Saturday, Feb. 28, 2026 (from the dateline; its year is not written, so it is taken as the latest such date not after today).
  = fix: Replace with “Feb. 24”
  = fix: Add the date: “Tuesday, Feb. 24”

1 file checked: 2 findings (1 warning, 1 information; relative-date 2).
"
    );
    assert_eq!(run.status, 1);
}

#[test]
fn plain_text_front_matter_gives_the_publication_date() {
    let folder = scratch("plain_text_front_matter");
    let draft = folder.join("vote.txt");
    std::fs::write(
        &draft,
        "---\ntitle: Ferry fares\ndate: 2026-03-04\n---\nThe vote was on Tuesday.\n",
    )
    .unwrap();
    let run = copydesk(
        &["check", "--format", "json", &draft.display().to_string()],
        None,
    );
    let lines = json_lines(&run.stdout);
    let details = &lines[0]["findings"][0]["details"];
    assert_eq!(details["referenceSource"], "from the front matter");
    assert_eq!(details["resolved"], "2026-03-03");
}

#[test]
fn only_the_server_mentions_stdio_in_its_help() {
    for command in ["check", "rules", "explain", "schema"] {
        let run = copydesk(&[command, "--help"], None);
        assert_eq!(run.status, 0, "{command}: {}", run.stderr);
        assert!(!run.stdout.contains("--stdio"), "{command}: {}", run.stdout);
    }
    assert!(copydesk(&["--help"], None).stdout.contains("--stdio"));
    assert!(copydesk(&["serve", "--help"], None)
        .stdout
        .contains("--stdio"));
    // Editors pass --stdio before or after `serve`; with input closed the server simply ends,
    // and says nothing on stderr: the note for people at a terminal is not for editors' pipes.
    for args in [&["--stdio"][..], &["serve", "--stdio"]] {
        let run = copydesk(args, Some(""));
        assert_eq!(run.stdout, "", "{args:?}");
        assert!(
            !run.stderr.contains("language server"),
            "{args:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn releases_ship_without_debug_information_and_profiling_keeps_it() {
    let manifest: toml::Table =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
            .unwrap()
            .parse()
            .unwrap();
    let profiles = &manifest["profile"];
    assert_eq!(profiles["release"]["debug"].as_bool(), Some(false));
    assert_eq!(profiles["release"]["strip"].as_str(), Some("debuginfo"));
    assert_eq!(profiles["profiling"]["inherits"].as_str(), Some("release"));
    assert_eq!(profiles["profiling"]["debug"].as_integer(), Some(1));
}
