//! The house rules file: discovery, every key, errors with their places, the JSON Schema that
//! describes exactly the keys the parser accepts, and `copydesk check` reading it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use copydesk::house_rules::{self, discover, parse};
use serde_json::Value;

fn scratch(name: &str) -> PathBuf {
    let folder = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("house-rules")
        .join(name);
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    folder
}

/// Every key path the schema describes ("figures.minCount", "rules.<code>.severity", ...).
fn schema_keys(schema: &Value, prefix: &str, found: &mut BTreeSet<String>) {
    let object = if schema["type"] == "array" {
        &schema["items"]
    } else {
        schema
    };
    if let Some(properties) = object["properties"].as_object() {
        for (key, value) in properties {
            let path = if prefix.is_empty() {
                key.clone()
            } else {
                format!("{prefix}.{key}")
            };
            found.insert(path.clone());
            schema_keys(value, &path, found);
            for choice in value["oneOf"].as_array().into_iter().flatten() {
                schema_keys(choice, &path, found);
            }
        }
    }
}

#[test]
fn the_schema_describes_exactly_the_keys_the_parser_accepts() {
    let schema = house_rules::schema();
    let mut described = BTreeSet::new();
    schema_keys(&schema, "", &mut described);
    let mut accepted = BTreeSet::new();
    for key in house_rules::TOP_KEYS {
        accepted.insert(key.to_string());
    }
    let nested = [
        ("dates", house_rules::DATES_KEYS),
        ("figures", house_rules::FIGURES_KEYS),
        ("attribution", house_rules::ATTRIBUTION_KEYS),
        ("sources", house_rules::SOURCE_KEYS),
        ("names", house_rules::NAMES_KEYS),
    ];
    for (table, keys) in nested {
        for key in keys {
            accepted.insert(format!("{table}.{key}"));
        }
    }
    for code in copydesk::analysis::RuleCode::ALL {
        accepted.insert(format!("rules.{code}"));
        for key in house_rules::RULE_KEYS {
            accepted.insert(format!("rules.{code}.{key}"));
        }
    }
    assert_eq!(described, accepted);
    // And the parser accepts a file that uses every key, and rejects one key more.
    let mut full = String::from("referenceDate = \"2026-03-04\"\n[dates]\nstyle = \"long\"\nnames = [\"Black Friday Sale\"]\n[figures]\nminCount = 5\nexemptions = [\"COVID-19\"]\n[attribution]\nverbs = [\"harrumph harrumphed\"]\nphrases = [\"going by\"]\nvaguePhrases = [\"people in the know\"]\n[names]\nspellings = [\"Kyiv\"]\n[[sources]]\nname = \"Ukraine's Defence Ministry\"\naliases = [\"the ministry\"]\n");
    for code in copydesk::analysis::RuleCode::ALL {
        full.push_str(&format!(
            "[rules.{code}]\nenabled = true\nseverity = \"hint\"\n"
        ));
    }
    assert!(parse(&full).is_ok(), "{:?}", parse(&full).err());
    for extra in [
        "colour = 1\n",
        "[dates]\nstile = \"ap\"\n",
        "[rules.relative-date]\nseverty = \"hint\"\n",
    ] {
        let text = extra.to_string();
        assert!(parse(&text).is_err(), "{text}");
    }
}

#[test]
fn copydesk_schema_prints_the_schema() {
    let output = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .arg("schema")
        .output()
        .unwrap();
    assert!(output.status.success());
    let printed: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(printed, house_rules::schema());
}

#[test]
fn discovery_walks_up_to_the_stop_folder() {
    let root = scratch("discovery");
    let deep = root.join("desk/politics/2026");
    std::fs::create_dir_all(&deep).unwrap();
    assert_eq!(discover(&deep, Some(&root)), None);
    std::fs::write(root.join("copydesk.toml"), "").unwrap();
    assert_eq!(
        discover(&deep, Some(&root)),
        Some(root.join("copydesk.toml"))
    );
    // The nearest file wins, and .copydesk.toml before copydesk.toml in one folder.
    std::fs::write(root.join("desk/.copydesk.toml"), "").unwrap();
    std::fs::write(root.join("desk/copydesk.toml"), "").unwrap();
    assert_eq!(
        discover(&deep, Some(&root)),
        Some(root.join("desk/.copydesk.toml"))
    );
    // Nothing above the stop folder is read.
    assert_eq!(discover(&deep, Some(&root.join("desk/politics"))), None);
    // Without a stop folder, the walk ends at a git repository's root.
    let repo = scratch("discovery-git");
    std::fs::create_dir_all(repo.join(".git")).unwrap();
    std::fs::create_dir_all(repo.join("a")).unwrap();
    assert_eq!(discover(&repo.join("a"), None), None);
}

fn check_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .arg("check")
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn check_reads_the_house_rules_above_each_draft() {
    let root = scratch("check");
    std::fs::create_dir_all(root.join(".git")).unwrap();
    std::fs::create_dir_all(root.join("wire")).unwrap();
    let draft = "The ministry destroyed 4,000 tanks. Sources said the front held.\n";
    std::fs::write(root.join("wire/story.txt"), draft).unwrap();
    let (status, stdout, _) = check_in(&root, &["--reference-date", "2026-03-04", "wire"]);
    assert_eq!(status, 1);
    assert!(stdout.contains("unsourced-figure"));
    std::fs::write(
        root.join(".copydesk.toml"),
        "[[sources]]\nname = \"Ukraine's Defence Ministry\"\naliases = [\"the ministry\"]\n\n[rules]\nvague-attribution = \"error\"\n",
    )
    .unwrap();
    let (status, stdout, _) = check_in(&root, &["--reference-date", "2026-03-04", "wire"]);
    assert_eq!(status, 1);
    assert!(!stdout.contains("unsourced-figure"), "{stdout}");
    assert!(stdout.contains("error[vague-attribution]"), "{stdout}");
    // --config replaces the discovered file.
    std::fs::write(
        root.join("other.toml"),
        "[rules]\nvague-attribution = false\nunsourced-figure = false\n",
    )
    .unwrap();
    let (status, stdout, _) = check_in(
        &root,
        &[
            "--config",
            "other.toml",
            "--reference-date",
            "2026-03-04",
            "wire",
        ],
    );
    assert_eq!(status, 0, "{stdout}");
}

#[test]
fn check_stops_on_a_broken_house_rules_file_and_says_where() {
    let root = scratch("broken");
    std::fs::create_dir_all(root.join(".git")).unwrap();
    std::fs::write(root.join("story.md"), "Nothing here.\n").unwrap();
    std::fs::write(
        root.join(".copydesk.toml"),
        "[figures]\nminCount = \"ten\"\n[rulez]\n",
    )
    .unwrap();
    let (status, _, stderr) = check_in(&root, &["story.md"]);
    assert_eq!(status, 2);
    assert!(
        stderr.contains(".copydesk.toml:2:12: figures.minCount must be a whole number"),
        "{stderr}"
    );
    assert!(stderr.contains(".copydesk.toml:3:2: unknown key “rulez” at the top level; expected one of: referenceDate"), "{stderr}");
    let (status, _, stderr) = check_in(&root, &["--config", "missing.toml", "story.md"]);
    assert_eq!(status, 2);
    assert!(stderr.contains("missing.toml"));
}

#[test]
fn the_publication_date_names_where_it_was_set() {
    let root = scratch("reference-source");
    std::fs::create_dir_all(root.join(".git")).unwrap();
    std::fs::write(
        root.join(".copydesk.toml"),
        "referenceDate = \"2026-03-04\"\n",
    )
    .unwrap();
    std::fs::write(root.join("vote.txt"), "The vote was on Tuesday.\n").unwrap();
    // From the house rules file, named with its path, in the text and JSON formats.
    let (_, stdout, _) = check_in(&root, &["vote.txt"]);
    assert!(
        stdout.contains("Publication date: Wednesday, March 4, 2026 (from referenceDate in the house rules file ")
            && stdout.contains(".copydesk.toml)."),
        "{stdout}"
    );
    assert!(
        !stdout.contains("copydesk.referenceDate setting"),
        "{stdout}"
    );
    let (_, stdout, _) = check_in(&root, &["--format", "json", "vote.txt"]);
    let json: Value = serde_json::from_str(stdout.trim()).unwrap();
    let source = json["findings"][0]["details"]["referenceSource"]
        .as_str()
        .unwrap();
    assert!(
        source.starts_with("from referenceDate in the house rules file ")
            && source.ends_with(".copydesk.toml"),
        "{source}"
    );
    // From the command line, which overrides the file.
    let (_, stdout, _) = check_in(&root, &["--reference-date", "2026-03-01", "vote.txt"]);
    assert!(
        stdout.contains(
            "Publication date: Sunday, March 1, 2026 (from --reference-date on the command line)."
        ),
        "{stdout}"
    );
}

/// A draft named through a symbolic link follows the house rules beside the file it leads to,
/// whether the link is the draft itself or a folder on its path; the check resolves a draft's
/// folder once per folder, and this keeps that shortcut honest.
#[cfg(unix)]
#[test]
fn a_linked_draft_follows_the_house_rules_beside_its_target() {
    use std::os::unix::fs::symlink;
    let root = scratch("linked-draft");
    std::fs::create_dir_all(root.join(".git")).unwrap();
    for (desk, date) in [("metro", "2026-03-04"), ("sport", "2026-03-01")] {
        std::fs::create_dir_all(root.join(desk)).unwrap();
        std::fs::write(
            root.join(desk).join(".copydesk.toml"),
            format!("referenceDate = \"{date}\"\n"),
        )
        .unwrap();
    }
    std::fs::write(root.join("metro/vote.txt"), "The vote was on Tuesday.\n").unwrap();
    std::fs::write(root.join("sport/match.txt"), "The match was on Tuesday.\n").unwrap();
    symlink("../metro/vote.txt", root.join("sport/vote-link.txt")).unwrap();
    symlink("metro", root.join("metro-link")).unwrap();
    let metro = "Publication date: Wednesday, March 4, 2026";
    let sport = "Publication date: Sunday, March 1, 2026";
    for (draft, expected) in [
        ("sport/match.txt", sport),
        ("sport/vote-link.txt", metro),
        ("metro-link/vote.txt", metro),
        ("sport/../metro/vote.txt", metro),
    ] {
        let (_, stdout, stderr) = check_in(&root, &["sport/match.txt", draft]);
        let own = stdout
            .split("-->")
            .find(|part| part.trim_start().starts_with(draft))
            .unwrap_or_else(|| panic!("{draft} is reported: {stdout}{stderr}"));
        assert!(own.contains(expected), "{draft}: {own}");
    }
}

#[test]
fn drafts_left_unchecked_by_a_broken_house_rules_file_fail_every_format() {
    let root = scratch("broken-gate");
    std::fs::create_dir_all(root.join(".git")).unwrap();
    std::fs::write(root.join("story.md"), "Nothing here.\n").unwrap();
    std::fs::write(
        root.join(".copydesk.toml"),
        "[figures]\nminCount = \"ten\"\n",
    )
    .unwrap();
    let message = "The house rules file has an error: figures.minCount must be a whole number";

    let (status, stdout, _) = check_in(&root, &["story.md"]);
    assert_eq!(status, 2);
    assert_eq!(
        stdout,
        "0 files checked: no findings. 1 draft not checked: the house rules file has errors.\n"
    );

    let (status, stdout, _) = check_in(&root, &["--format", "sarif", "story.md"]);
    assert_eq!(status, 2);
    let sarif: Value = serde_json::from_str(&stdout).unwrap();
    let run = &sarif["runs"][0];
    let result = &run["results"][0];
    assert_eq!(result["level"], "error");
    assert_eq!(result["ruleId"], "house-rules");
    assert!(result["message"]["text"]
        .as_str()
        .unwrap()
        .starts_with(message));
    assert!(result["message"]["text"]
        .as_str()
        .unwrap()
        .ends_with("1 draft was not checked: story.md."));
    let location = &result["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], ".copydesk.toml");
    assert_eq!(location["region"]["startLine"], 2);
    let invocation = &run["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    assert_eq!(
        invocation["toolExecutionNotifications"][0]["level"],
        "error"
    );

    let (status, stdout, _) = check_in(&root, &["--format", "github", "story.md"]);
    assert_eq!(status, 2);
    assert!(
        stdout.starts_with(
            "::error file=.copydesk.toml,line=2,col=12,title=copydesk house rules::The house rules file has an error: figures.minCount must be a whole number"
        ),
        "{stdout}"
    );

    let (status, stdout, _) = check_in(&root, &["--format", "checkstyle", "story.md"]);
    assert_eq!(status, 2);
    assert!(stdout.contains("<file name=\".copydesk.toml\">\n    <error line=\"2\" column=\"12\" severity=\"error\""), "{stdout}");
    assert!(
        stdout.contains("source=\"copydesk.house-rules\""),
        "{stdout}"
    );

    let (status, stdout, _) = check_in(&root, &["--format", "json", "story.md"]);
    assert_eq!(status, 2);
    let json: Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    assert_eq!(json["path"], ".copydesk.toml");
    assert_eq!(json["findings"][0]["code"], "house-rules");
    assert_eq!(json["findings"][0]["severity"], "error");
    assert_eq!(json["findings"][0]["start"]["line"], 2);
    assert_eq!(json["notChecked"], serde_json::json!(["story.md"]));
}
