//! `copydesk sheet`: the fact-check sheet of the example draft in each format, kept as
//! snapshots, and the HTML page's promise to be self-contained (nothing loaded from anywhere,
//! no script but its own).

use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs `copydesk sheet` in the repository's folder, so that the draft's name in the sheet is
/// the same on every machine. Returns (status, stdout, stderr).
fn sheet(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .arg("sheet")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("copydesk runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).expect("UTF-8 output"),
        String::from_utf8(output.stderr).expect("UTF-8 errors"),
    )
}

fn scratch(name: &str) -> PathBuf {
    let folder = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("sheet")
        .join(name);
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("the target directory is writable");
    folder
}

#[test]
fn the_markdown_sheet_of_the_example_draft() {
    let (status, markdown, errors) = sheet(&["examples/draft.md", "--format", "md"]);
    assert_eq!(status, 0, "{errors}");
    insta::assert_snapshot!("sheet_example_md", markdown);
}

#[test]
fn the_json_sheet_of_the_example_draft() {
    let (status, json, errors) = sheet(&["examples/draft.md", "--format", "json"]);
    assert_eq!(status, 0, "{errors}");
    let parsed: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(parsed["publication"]["source"], "from the front matter");
    insta::assert_snapshot!("sheet_example_json", json);
}

#[test]
fn the_html_sheet_of_the_example_draft() {
    let (status, html, errors) = sheet(&["examples/draft.md", "--format", "html"]);
    assert_eq!(status, 0, "{errors}");
    insta::assert_snapshot!("sheet_example_html", html);
}

/// What in an HTML page makes a browser load something from elsewhere: an attribute that
/// points at a resource, a style that imports or fetches one, a script from a file.
const EXTERNAL_REFERENCES: &[&str] = &[
    " src=", " href=", "srcset=", "<link", "<iframe", "<object", "<embed", "<img", "@import",
    "url(", "<base", "http://", "https://", "//cdn", "action=",
];

#[test]
fn the_html_sheet_is_self_contained_with_only_its_own_script() {
    let (_, html, _) = sheet(&["examples/draft.md", "--format", "html"]);
    for reference in EXTERNAL_REFERENCES {
        assert!(
            !html.contains(reference),
            "the sheet refers to something outside itself: {reference}"
        );
    }
    assert_eq!(html.matches("<script").count(), 1, "one script only");
    assert!(
        html.contains("<script>\n"),
        "the script is inline, with no src"
    );
    // The page also tells the browser to load nothing else, whatever the text holds.
    assert!(html.contains(
        "content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\""
    ));
    // Printing: rows do not break across pages, and the sign-off block is there.
    assert!(html.contains("@media print"));
    assert!(html.contains("Checked by"));
}

#[test]
fn the_draft_text_cannot_inject_markup_into_the_sheet() {
    let folder = scratch("inject");
    let draft = folder.join("draft.md");
    std::fs::write(
        &draft,
        "---\ntitle: \"<script>alert(1)</script>\"\ndate: 2026-03-04\n---\n\nThe <img src=x> council met on Tuesday, Mira Osei said. \"We will <b>raise</b> the fares by April,\" she said.\n",
    )
    .expect("writable");
    let (status, html, errors) = sheet(&[draft.to_str().expect("UTF-8 path"), "--format", "html"]);
    assert_eq!(status, 0, "{errors}");
    assert_eq!(html.matches("<script").count(), 1);
    assert!(!html.contains("<img"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn the_format_follows_the_output_file_and_the_file_is_written() {
    let folder = scratch("output");
    for (name, opening) in [
        ("sheet.html", "<!DOCTYPE html>"),
        ("sheet.md", "# Fact-check sheet: "),
        ("sheet.json", "{"),
    ] {
        let out = folder.join(name);
        let (status, stdout, errors) =
            sheet(&["examples/draft.md", "-o", out.to_str().expect("UTF-8")]);
        assert_eq!(status, 0, "{errors}");
        assert!(stdout.is_empty(), "the sheet goes to the file only");
        let written = std::fs::read_to_string(&out).expect("written");
        assert!(written.starts_with(opening), "{name}: {written:.40}");
    }
}

#[test]
fn a_missing_draft_is_a_clear_error_and_writes_nothing() {
    let folder = scratch("missing");
    let out = folder.join("sheet.html");
    let (status, stdout, errors) = sheet(&["no-such-draft.md", "-o", out.to_str().expect("UTF-8")]);
    assert_eq!(status, 2);
    assert!(stdout.is_empty());
    assert!(errors.contains("cannot read no-such-draft.md"), "{errors}");
    assert!(!out.exists());
}

#[test]
fn the_names_desk_shows_people_and_their_variants() {
    let folder = scratch("names");
    let draft = folder.join("names.md");
    std::fs::write(
        &draft,
        "---\ndate: 2022-02-28\n---\n\nUkrainian presidential adviser Mykhailo Podolyak said on Monday that talks would go on.\n\nPresident Volodymyr Zelenskyy met Hillary Clinton and Bill Clinton in Kyiv.\n\nThe plan, Podoliak said, is ready. Clinton agreed.\n",
    )
    .expect("writable");
    let (status, markdown, errors) =
        sheet(&[draft.to_str().expect("UTF-8 path"), "--format", "md"]);
    assert_eq!(status, 0, "{errors}");
    let people: Vec<&str> = markdown
        .lines()
        .skip_while(|line| !line.starts_with("## People"))
        .skip(1)
        .take_while(|line| !line.starts_with("## "))
        .filter(|line| line.starts_with("| [ ]"))
        .collect();
    let names: Vec<String> = people
        .iter()
        .map(|row| row.split(" | ").nth(2).unwrap_or_default().to_string())
        .collect();
    assert_eq!(
        names,
        vec![
            "Mykhailo Podolyak",
            "Volodymyr Zelenskyy",
            "Hillary Clinton",
            "Bill Clinton"
        ]
    );
    assert!(people[0].contains("| Podoliak |"), "{}", people[0]);
    assert!(people[1].contains("| President |"), "{}", people[1]);
}
