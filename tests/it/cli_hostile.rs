//! `copydesk check` on trees and files built to make it hang or run out of memory: symbolic
//! link loops, links out of the tree, a FIFO and a device named like drafts, a sparse 1 GiB house
//! rules file and drafts over the size limit. Each run must finish, say clearly what it
//! skipped, and exit with the documented status (2 when something could not be checked).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long a run may take before it counts as hung: generous, so that a slow machine never
/// fails a correct program. No test measures elapsed time.
const HANG: Duration = Duration::from_secs(60);

struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

/// Runs the binary in `folder` with `args`; a run that does not end within [`HANG`] is killed
/// and fails the test.
fn copydesk(folder: &Path, args: &[&str]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .current_dir(folder)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the copydesk binary starts");
    let started = Instant::now();
    while child.try_wait().expect("the child can be polled").is_none() {
        if started.elapsed() > HANG {
            let _ = child.kill();
            panic!("copydesk {args:?} did not finish: it hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().expect("the copydesk binary exits");
    Run {
        status: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).to_string(),
        stderr: String::from_utf8_lossy(&output.stderr).to_string(),
    }
}

/// A fresh, empty folder for one test, with a `.git` folder so that no house rules file above
/// it applies.
fn scratch(test_name: &str) -> PathBuf {
    let folder = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli-hostile")
        .join(test_name);
    if folder.exists() {
        std::fs::remove_dir_all(&folder).expect("the old scratch folder can be removed");
    }
    std::fs::create_dir_all(folder.join(".git")).expect("the scratch folder can be created");
    folder
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("a file has a folder")).expect("mkdir");
    std::fs::write(path, text).expect("the scratch folder is writable");
}

/// The drafts a JSON run reported, in order.
fn checked_files(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).expect("one JSON per line");
            value["path"].as_str().expect("a file name").to_string()
        })
        .collect()
}

const DRAFT: &str = "Fares rose 12% on Monday.\n";

/// A tree with every trap a folder walk can fall into.
fn hostile_tree(test_name: &str) -> PathBuf {
    use std::os::unix::fs::symlink;
    let root = scratch(test_name);
    let tree = root.join("tree");
    write(&tree.join("a.md"), DRAFT);
    write(&tree.join("sub/b.md"), DRAFT);
    // Loops: to the folder itself and to its parent.
    symlink(".", tree.join("sub/loop")).expect("symlink");
    symlink("..", tree.join("sub/up")).expect("symlink");
    // Out of the tree: a folder and a draft beside it.
    write(&root.join("outside/c.md"), DRAFT);
    symlink("../outside", tree.join("out")).expect("symlink");
    symlink("../outside/c.md", tree.join("linked.md")).expect("symlink");
    // A device and a FIFO named like drafts: reading either never ends.
    symlink("/dev/zero", tree.join("zero.md")).expect("symlink");
    let fifo = tree.join("pipe.md");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo {} failed", fifo.display());
    // Hidden, ignored and excluded drafts.
    write(&tree.join(".hidden.md"), DRAFT);
    write(&tree.join(".gitignore"), "ignored-by-git.md\n");
    write(&tree.join("ignored-by-git.md"), DRAFT);
    write(&tree.join(".ignore"), "ignored.md\n");
    write(&tree.join("ignored.md"), DRAFT);
    write(&tree.join("archive/old.md"), DRAFT);
    write(&tree.join("node_modules/pkg/readme.md"), DRAFT);
    root
}

#[test]
fn a_hostile_tree_is_walked_once_without_links_and_special_files() {
    let root = hostile_tree("walk");
    let run = copydesk(
        &root,
        &[
            "check",
            "--format",
            "json",
            "--reference-date",
            "2022-02-28",
            "--exclude",
            "archive/**",
            "tree",
        ],
    );
    assert_eq!(
        checked_files(&run.stdout),
        ["tree/a.md", "tree/sub/b.md"],
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("tree/pipe.md is not a regular file (a pipe, socket or device); skipped"),
        "{}",
        run.stderr
    );
    // A FIFO is reported, not an error: the drafts were all checked and have findings.
    assert_eq!(run.status, 1, "{}", run.stderr);
}

#[test]
fn follow_walks_links_once_and_reports_loops() {
    let root = hostile_tree("follow");
    let run = copydesk(
        &root,
        &[
            "check",
            "--follow",
            "--format",
            "json",
            "--reference-date",
            "2022-02-28",
            "tree",
        ],
    );
    // The linked draft outside is checked once, however many links lead to it; the device
    // behind zero.md is skipped.
    let files = checked_files(&run.stdout);
    assert_eq!(
        files,
        [
            "tree/a.md",
            "tree/archive/old.md",
            "tree/linked.md",
            "tree/sub/b.md"
        ],
        "{}",
        run.stderr
    );
    for expected in [
        "File system loop found: tree/sub/loop points to an ancestor tree/sub; skipped",
        "File system loop found: tree/sub/up points to an ancestor tree; skipped",
        "tree/zero.md is not a regular file (a pipe, socket or device); skipped",
        "tree/pipe.md is not a regular file (a pipe, socket or device); skipped",
    ] {
        assert!(run.stderr.contains(expected), "{expected}\n{}", run.stderr);
    }
    assert_eq!(run.status, 1, "{}", run.stderr);
}

#[test]
fn a_device_or_fifo_named_on_the_command_line_is_refused_at_once() {
    let root = hostile_tree("named-device");
    let run = copydesk(
        &root,
        &["check", "--reference-date", "2022-02-28", "tree/zero.md"],
    );
    assert!(
        run.stderr
            .contains("tree/zero.md is not a regular file (a pipe, socket or device); skipped"),
        "{}",
        run.stderr
    );
    assert_eq!(run.status, 2, "{}", run.stderr);
}

#[test]
fn a_sparse_gigabyte_house_rules_file_is_refused_with_its_size() {
    let root = scratch("huge-house-rules");
    write(&root.join("draft.md"), DRAFT);
    let rules = std::fs::File::create(root.join(".copydesk.toml")).expect("create");
    // Sparse: it takes no disk space, but reading it would take a gigabyte of memory.
    rules.set_len(1 << 30).expect("a sparse file can be made");
    let run = copydesk(&root, &["check", "--reference-date", "2022-02-28", "."]);
    assert!(
        run.stderr.contains(
            ".copydesk.toml is too large for a house rules file: 1,073,741,824 bytes; the limit \
             is 1,048,576 bytes"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(run.status, 2, "{}", run.stderr);
}

#[test]
fn drafts_over_the_size_limit_are_skipped_with_exact_sizes() {
    let root = scratch("size-limit");
    // One byte over the default limit of 5 MiB.
    let line = "The ferry ran on Monday.\n";
    let mut big = line.repeat(5 * 1024 * 1024 / line.len() + 1);
    big.truncate(5 * 1024 * 1024 + 1);
    write(&root.join("big.md"), &big);
    write(&root.join("small.md"), DRAFT);
    let run = copydesk(
        &root,
        &["check", "--reference-date", "2022-02-28", "big.md"],
    );
    assert!(
        run.stderr.contains(
            "big.md: This file is too large to check: 5,242,881 bytes; the limit is 5,242,880 \
             bytes (option --max-file-bytes). Skipped"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(run.status, 2);
    let run = copydesk(
        &root,
        &[
            "check",
            "--max-file-bytes",
            "10",
            "--reference-date",
            "2022-02-28",
            "small.md",
        ],
    );
    assert!(
        run.stderr
            .contains("small.md: This file is too large to check: 26 bytes; the limit is 10 bytes"),
        "{}",
        run.stderr
    );
    assert_eq!(run.status, 2);
    // A limit of exactly the draft's size checks it.
    let run = copydesk(
        &root,
        &[
            "check",
            "--max-file-bytes",
            "26",
            "--format",
            "json",
            "--reference-date",
            "2022-02-28",
            "small.md",
        ],
    );
    assert_eq!(checked_files(&run.stdout), ["small.md"], "{}", run.stderr);
}

/// A `.copydesk.toml` that is a FIFO or a folder is reported as unusable house rules: the run
/// neither blocks on opening the FIFO nor falls back to a file further up, and the drafts it
/// governs count as not checked (status 2).
#[test]
fn house_rules_that_are_a_fifo_or_a_folder_are_reported_not_read() {
    let root = scratch("house-rules-not-a-file");
    let (fifo_desk, folder_desk) = (root.join("fifo"), root.join("folder"));
    for desk in [&fifo_desk, &folder_desk] {
        std::fs::create_dir_all(desk).expect("the target directory is writable");
        write(&desk.join("draft.md"), DRAFT);
    }
    // Good house rules one level up must not be used instead of the broken ones.
    write(&root.join(".copydesk.toml"), "[rules]\n");
    let made = Command::new("mkfifo")
        .arg(fifo_desk.join(".copydesk.toml"))
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    std::fs::create_dir(folder_desk.join(".copydesk.toml")).expect("a folder can be made");

    let run = copydesk(&root, &["check", "--reference-date", "2022-02-28", "fifo"]);
    assert!(
        run.stderr
            .contains(".copydesk.toml is not a regular file (a pipe, socket or device), so it cannot be house rules"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("1 draft not checked"), "{}", run.stdout);
    assert_eq!(run.status, 2, "{}", run.stderr);

    let run = copydesk(
        &root,
        &["check", "--reference-date", "2022-02-28", "folder"],
    );
    assert!(
        run.stderr
            .contains(".copydesk.toml is a folder, not a house rules file"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("1 draft not checked"), "{}", run.stdout);
    assert_eq!(run.status, 2, "{}", run.stderr);
}
