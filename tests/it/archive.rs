//! `copydesk check` as an archive auditor, through the built binary: the content cache (reused
//! only while the draft, house rules, settings and build are the same, and never changing the
//! output), the order of the output whatever the number of jobs, and the progress bar, which
//! only a person at a terminal sees.
//!
//! Every run sets `COPYDESK_CACHE_DIR` to a folder of its own test, so tests running at once
//! never share a cache, and passes `--stats`, whose cache line says how many drafts were read
//! back from the cache.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

/// Runs `copydesk check` in `folder` with its cache in `cache`.
fn check(folder: &Path, cache: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .arg("check")
        .args(args)
        .current_dir(folder)
        .env("COPYDESK_CACHE_DIR", cache)
        .env_remove("CI")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("the copydesk binary runs");
    Run {
        status: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// How many drafts `--stats` says came from the cache.
fn reused(run: &Run) -> usize {
    let line = run
        .stderr
        .lines()
        .find(|line| line.starts_with("cache:"))
        .unwrap_or_else(|| panic!("--stats prints a cache line: {}", run.stderr));
    line.split_whitespace()
        .nth(1)
        .and_then(|count| count.parse().ok())
        .unwrap_or_else(|| panic!("a count in {line:?}"))
}

/// The run's standard error without the `--stats` lines, whose time and rate vary.
fn messages(run: &Run) -> String {
    run.stderr
        .lines()
        .take_while(|line| !line.starts_with("files:"))
        .map(|line| format!("{line}\n"))
        .collect()
}

/// A fresh folder for one test, with a `drafts/` folder of `count` drafts of our own writing,
/// each with a quotation, a relative date and a figure, and a cache folder beside it.
fn archive(test_name: &str, count: usize) -> (PathBuf, PathBuf) {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("archive")
        .join(test_name);
    if root.exists() {
        std::fs::remove_dir_all(&root).expect("the old scratch folder can be removed");
    }
    let drafts = root.join("drafts");
    std::fs::create_dir_all(&drafts).expect("the scratch folder can be created");
    for index in 0..count {
        let text = format!(
            "---\ndate: 2024-03-{day:02}\n---\n\n# Council vote {index}\n\n\
             The council will vote on the ferry budget next Tuesday. Fares rose {rise}% last \
             year, and {riders} riders a day now use the service.\n\n\
             \"We cannot keep the boats running on hope,\" the harbour master said on Monday.\n\n\
             \"The timetable is a promise.\"\n",
            day = index % 27 + 1,
            rise = index % 9 + 2,
            riders = 1_000 + index * 37,
        );
        std::fs::write(drafts.join(format!("vote-{index:03}.md")), text)
            .expect("the draft is written");
    }
    let cache = root.join("cache");
    (root, cache)
}

const FORMATS: [&str; 5] = ["text", "json", "sarif", "github", "checkstyle"];

#[test]
fn a_cached_run_prints_exactly_what_an_uncached_one_does() {
    let (root, cache) = archive("identical", 12);
    for format in FORMATS {
        let fresh = check(
            &root,
            &cache,
            &["--no-cache", "--stats", "--format", format, "drafts"],
        );
        assert_eq!(fresh.status, 1, "{format}: the drafts have warnings");
        assert!(
            fresh.stderr.contains("cache:       off"),
            "{}",
            fresh.stderr
        );
        let cold = check(&root, &cache, &["--stats", "--format", format, "drafts"]);
        assert_eq!(reused(&cold), 0, "{format}: the first run fills the cache");
        let warm = check(&root, &cache, &["--stats", "--format", format, "drafts"]);
        assert_eq!(reused(&warm), 12, "{format}: the second run reads it back");
        for run in [&cold, &warm] {
            assert_eq!(run.status, fresh.status, "{format}");
            assert_eq!(run.stdout, fresh.stdout, "{format}");
            assert_eq!(messages(run), messages(&fresh), "{format}");
        }
    }
    // --no-cache neither reads nor writes: the cache above was made by the cached runs only.
    let (root, cache) = archive("no-cache-writes-nothing", 3);
    check(&root, &cache, &["--no-cache", "drafts"]);
    assert!(!cache.exists(), "--no-cache created {}", cache.display());
}

#[test]
fn the_suppression_list_is_cached_like_the_findings() {
    let (root, cache) = archive("suppressions", 4);
    std::fs::write(
        root.join("drafts/vote-001.md"),
        "<!-- copydesk-disable-next-line unsourced-figure -- from the annual report -->\nFares rose 12% last year.\n",
    )
    .unwrap();
    for format in ["text", "json"] {
        let args = [
            "--list-suppressions",
            "--stats",
            "--format",
            format,
            "drafts",
        ];
        let fresh = check(&root, &cache, &[&["--no-cache"], &args[..]].concat());
        let cold = check(&root, &cache, &args);
        let warm = check(&root, &cache, &args);
        assert_eq!(reused(&warm), 4, "{format}");
        assert!(fresh.stdout.contains("annual report"), "{}", fresh.stdout);
        assert_eq!(cold.stdout, fresh.stdout, "{format}");
        assert_eq!(warm.stdout, fresh.stdout, "{format}");
    }
}

#[test]
fn an_edited_draft_is_checked_again_and_the_others_come_from_the_cache() {
    let (root, cache) = archive("content", 6);
    let first = check(&root, &cache, &["--stats", "--format", "json", "drafts"]);
    assert_eq!(reused(&first), 0);
    let edited = root.join("drafts/vote-002.md");
    let text = std::fs::read_to_string(&edited).unwrap();
    // The same length, so that nothing but the content tells the old draft from the new.
    std::fs::write(&edited, text.replace("next Tuesday", "next Sunday")).unwrap();
    let second = check(&root, &cache, &["--stats", "--format", "json", "drafts"]);
    assert_eq!(reused(&second), 5, "only the edited draft is checked again");
    assert!(!first.stdout.contains("next Sunday"));
    assert!(second.stdout.contains("next Sunday"), "{}", second.stdout);
    let fresh = check(&root, &cache, &["--no-cache", "--format", "json", "drafts"]);
    assert_eq!(second.stdout, fresh.stdout);
}

#[test]
fn changed_house_rules_check_every_draft_they_govern_again() {
    let (root, cache) = archive("rules", 5);
    let rules = root.join("drafts/.copydesk.toml");
    std::fs::write(&rules, "[rules]\nrelative-date = \"warning\"\n").unwrap();
    let first = check(&root, &cache, &["--stats", "--format", "json", "drafts"]);
    assert_eq!(reused(&first), 0);
    assert_eq!(
        reused(&check(
            &root,
            &cache,
            &["--stats", "--format", "json", "drafts"]
        )),
        5
    );
    std::fs::write(&rules, "[rules]\nrelative-date = \"off\"\n").unwrap();
    let second = check(&root, &cache, &["--stats", "--format", "json", "drafts"]);
    assert_eq!(reused(&second), 0, "new house rules: nothing is reused");
    assert!(first.stdout.contains("\"relative-date\""));
    assert!(
        !second.stdout.contains("\"relative-date\""),
        "{}",
        second.stdout
    );
    let fresh = check(&root, &cache, &["--no-cache", "--format", "json", "drafts"]);
    assert_eq!(second.stdout, fresh.stdout);
}

#[test]
fn changed_settings_and_dates_check_every_draft_again() {
    let (root, cache) = archive("settings", 4);
    let baseline = check(&root, &cache, &["--stats", "drafts"]);
    assert_eq!(reused(&baseline), 0);
    assert_eq!(reused(&check(&root, &cache, &["--stats", "drafts"])), 4);
    // Each of these changes what the same drafts produce, so none may reuse another's result.
    let variants: [&[&str]; 4] = [
        &["--date-style", "iso"],
        &["--date-style", "long"],
        &["--color", "always"],
        &["--format", "github"],
    ];
    for variant in variants {
        let args = [variant, &["--stats", "drafts"]].concat();
        let run = check(&root, &cache, &args);
        assert_eq!(reused(&run), 0, "{variant:?}");
        let fresh = check(&root, &cache, &[&["--no-cache"], &args[..]].concat());
        assert_eq!(run.stdout, fresh.stdout, "{variant:?}");
        assert_ne!(
            run.stdout, baseline.stdout,
            "{variant:?} changes the output"
        );
    }
    // A draft without a date in its front matter resolves relative dates against the reference
    // date, which the key holds: two reference dates give two answers.
    std::fs::write(
        root.join("drafts/undated.md"),
        "The ferry vote is next Tuesday, the harbour master said.\n",
    )
    .unwrap();
    let undated = |date: &str| {
        let args = [
            "--reference-date",
            date,
            "--format",
            "json",
            "drafts/undated.md",
        ];
        let run = check(&root, &cache, &args);
        let fresh = check(&root, &cache, &[&["--no-cache"], &args[..]].concat());
        assert_eq!(run.stdout, fresh.stdout, "{date}");
        run.stdout
    };
    let march = undated("2024-03-01");
    assert_eq!(undated("2024-03-01"), march);
    assert_ne!(
        undated("2024-04-01"),
        march,
        "another reference date, another answer"
    );
}

#[test]
fn a_damaged_cache_entry_is_checked_again() {
    let (root, cache) = archive("damaged", 3);
    let fresh = check(&root, &cache, &["--no-cache", "drafts"]);
    check(&root, &cache, &["drafts"]);
    let mut damaged = 0;
    for folder in std::fs::read_dir(&cache).unwrap().flatten() {
        if folder.path().is_dir() {
            for entry in std::fs::read_dir(folder.path()).unwrap().flatten() {
                std::fs::write(entry.path(), "{\"output\": \"half an entr").unwrap();
                damaged += 1;
            }
        }
    }
    assert_eq!(damaged, 3);
    let run = check(&root, &cache, &["--stats", "drafts"]);
    assert_eq!(reused(&run), 0);
    assert_eq!(run.stdout, fresh.stdout);
    assert_eq!(reused(&check(&root, &cache, &["--stats", "drafts"])), 3);
}

#[test]
fn concurrent_runs_share_a_cache_safely() {
    let (root, cache) = archive("concurrent", 40);
    let fresh = check(&root, &cache, &["--no-cache", "--format", "json", "drafts"]);
    let runs: Vec<Run> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..4)
            .map(|_| scope.spawn(|| check(&root, &cache, &["--format", "json", "drafts"])))
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().unwrap())
            .collect()
    });
    for run in runs {
        assert_eq!(run.stdout, fresh.stdout);
    }
    let warm = check(&root, &cache, &["--stats", "--format", "json", "drafts"]);
    assert_eq!(reused(&warm), 40);
    assert_eq!(warm.stdout, fresh.stdout);
    // Every temporary file was renamed into place or removed.
    for folder in std::fs::read_dir(&cache).unwrap().flatten() {
        if folder.path().is_dir() {
            for entry in std::fs::read_dir(folder.path()).unwrap().flatten() {
                assert!(
                    !entry.file_name().to_string_lossy().ends_with(".tmp"),
                    "{}",
                    entry.path().display()
                );
            }
        }
    }
}

#[test]
fn the_output_order_is_the_same_for_any_number_of_jobs() {
    let (root, cache) = archive("jobs", 30);
    let one = check(&root, &cache, &["--no-cache", "--jobs", "1", "drafts"]);
    let paths: Vec<&str> = one
        .stdout
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("--> "))
        .map(|location| location.split(':').next().unwrap())
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "the drafts are reported in path order");
    assert!(paths.len() >= 30);
    for jobs in ["2", "5", "64"] {
        let run = check(&root, &cache, &["--no-cache", "--jobs", jobs, "drafts"]);
        assert_eq!(run.stdout, one.stdout, "--jobs {jobs}");
        assert_eq!(run.status, one.status);
    }
    let zero = check(&root, &cache, &["--jobs", "0", "drafts"]);
    assert_eq!(zero.status, 2, "--jobs 0 is a usage error");
}

#[test]
fn no_progress_bar_when_standard_error_is_not_a_terminal() {
    let (root, cache) = archive("no-bar", 25);
    let run = check(&root, &cache, &["--format", "json", "drafts"]);
    assert_eq!(run.status, 1);
    // Only the summary line: no bar, no cursor movement, no carriage return.
    assert_eq!(run.stderr.lines().count(), 1, "{:?}", run.stderr);
    assert!(
        run.stderr.starts_with("25 files checked:"),
        "{:?}",
        run.stderr
    );
    assert!(!run.stderr.contains('\r') && !run.stderr.contains('\u{1b}'));
}

#[test]
fn quiet_prints_the_findings_only_and_stats_add_the_numbers() {
    let (root, cache) = archive("quiet", 3);
    let normal = check(&root, &cache, &["--no-cache", "drafts"]);
    let quiet = check(&root, &cache, &["--no-cache", "--quiet", "drafts"]);
    assert_eq!(quiet.status, normal.status);
    let summary = normal.stdout.lines().last().unwrap();
    assert!(summary.starts_with("3 files checked:"), "{summary}");
    assert_eq!(
        quiet.stdout,
        normal.stdout.strip_suffix(&format!("{summary}\n")).unwrap()
    );
    let stats = check(&root, &cache, &["--no-cache", "--stats", "drafts"]);
    assert_eq!(stats.stdout, normal.stdout, "--stats leaves stdout alone");
    for fact in [
        "files:       3",
        "bytes:",
        "findings:",
        "unsourced-figure",
        "time:",
        "throughput:",
    ] {
        assert!(stats.stderr.contains(fact), "{fact}: {}", stats.stderr);
    }
}

/// The bar itself, seen through a pseudo-terminal (`script` from util-linux gives the run one),
/// and gone again as soon as `CI` is set.
#[cfg(target_os = "linux")]
#[test]
fn a_terminal_shows_the_progress_bar_unless_ci_is_set() {
    let (root, cache) = archive("bar", 40);
    let command = format!(
        "{} check --no-cache --format json drafts > /dev/null",
        env!("CARGO_BIN_EXE_copydesk")
    );
    let at_terminal = |ci: bool| {
        let mut script = Command::new("script");
        script
            .args(["-qec", &command, "/dev/null"])
            .current_dir(&root)
            .env("COPYDESK_CACHE_DIR", &cache)
            .stdin(Stdio::null());
        if ci {
            script.env("CI", "true");
        } else {
            script.env_remove("CI");
        }
        let output = script.output().expect("script (util-linux) runs");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let shown = at_terminal(false);
    assert!(shown.contains("/40 files"), "{shown:?}");
    assert!(shown.contains("files/s"), "{shown:?}");
    assert!(shown.contains("40 files checked:"), "{shown:?}");
    let in_ci = at_terminal(true);
    assert!(!in_ci.contains("/40 files"), "{in_ci:?}");
    assert!(in_ci.contains("40 files checked:"), "{in_ci:?}");
}
