//! The editors' settings are generated from the server's own description of its rules and
//! settings (`copydesk rules --format json`, `copydesk settings --format json`), in the style of
//! rust-analyzer's `generate_package_json_config`: each test below computes what a file must
//! say, and when the file says something else it rewrites the file and fails. Run the tests
//! again (and commit the files) after adding a rule or a setting.
//!
//! Generated: the `copydesk.*` settings in `editors/vscode/package.json` (the extension's own
//! `server.path` and `trace.server` are kept as they are), `editors/vscode/src/generated.ts`
//! (the rule codes and defaults the extension's settings mapping uses), and the settings section
//! of `editors/nvim/doc/copydesk.txt`.

use std::path::Path;

use copydesk::lsp::settings_table::{self, Setting};
use serde_json::Value;

/// The extension's own settings, which it never sends to the server.
const CLIENT_ONLY_KEYS: [&str; 2] = ["copydesk.server.path", "copydesk.trace.server"];

/// Compares `path` (from the repository root) with `contents`; when they differ, writes
/// `contents` and fails, so that a stale file is fixed by running the test once.
fn ensure_file_contents(path: &str, contents: &str) {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let old = std::fs::read_to_string(&full).unwrap_or_default();
    if old.replace("\r\n", "\n") == contents {
        return;
    }
    std::fs::write(&full, contents).unwrap_or_else(|error| panic!("cannot write {path}: {error}"));
    panic!("{path} was not up to date with the server's rules and settings; it has been regenerated: review and commit it");
}

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|error| panic!("cannot read {path}: {error}"))
        .replace("\r\n", "\n")
}

/// `value` as pretty JSON whose lines after the first are indented by `indent` spaces.
fn indented(value: &Value, indent: usize) -> String {
    let text = serde_json::to_string_pretty(value).expect("JSON values serialize");
    text.replace('\n', &format!("\n{}", " ".repeat(indent)))
}

/// One VS Code setting as package.json lists it: the keys in a fixed, readable order.
fn vscode_property(setting: &Setting) -> Vec<(String, Value)> {
    let mut fields = vec![
        ("type".to_string(), Value::from(setting.kind)),
        ("default".to_string(), setting.default.clone()),
    ];
    if let Value::Object(schema) = &setting.schema {
        for key in [
            "enum",
            "enumDescriptions",
            "minimum",
            "maximum",
            "pattern",
            "patternErrorMessage",
        ] {
            if let Some(value) = schema.get(key) {
                fields.push((key.to_string(), value.clone()));
            }
        }
    }
    fields.push((
        "markdownDescription".to_string(),
        Value::from(setting.description.clone()),
    ));
    fields
}

/// The text of package.json's `contributes.configuration.properties` object, from its opening
/// brace to its closing one, as it sits at eight spaces of indentation.
fn vscode_properties(existing: &serde_json::Map<String, Value>) -> String {
    let mut entries: Vec<(String, Vec<(String, Value)>)> = Vec::new();
    for key in CLIENT_ONLY_KEYS {
        let Some(Value::Object(property)) = existing.get(key) else {
            panic!("package.json lost the extension's own setting {key}");
        };
        // The extension's own settings keep their fields in a fixed order too.
        let mut fields: Vec<(String, Value)> = Vec::new();
        for field in ["type", "enum", "default", "scope", "markdownDescription"] {
            if let Some(value) = property.get(field) {
                fields.push((field.to_string(), value.clone()));
            }
        }
        for (field, value) in property {
            if !fields.iter().any(|(known, _)| known == field) {
                fields.push((field.clone(), value.clone()));
            }
        }
        entries.push((key.to_string(), fields));
    }
    for setting in settings_table::settings() {
        entries.push((
            format!("copydesk.{}", setting.key),
            vscode_property(&setting),
        ));
    }
    let mut text = String::from("{\n");
    for (index, (key, fields)) in entries.iter().enumerate() {
        text.push_str(&format!("        {}: {{\n", Value::from(key.as_str())));
        for (field_index, (field, value)) in fields.iter().enumerate() {
            let comma = if field_index + 1 < fields.len() {
                ","
            } else {
                ""
            };
            text.push_str(&format!(
                "          {}: {}{comma}\n",
                Value::from(field.as_str()),
                indented(value, 10)
            ));
        }
        let comma = if index + 1 < entries.len() { "," } else { "" };
        text.push_str(&format!("        }}{comma}\n"));
    }
    text.push_str("      }");
    text
}

/// Where the object that opens at `open` (a `{`) closes, reading JSON strings as strings.
fn matching_brace(text: &str, open: usize) -> usize {
    let mut depth = 0;
    let mut in_string = false;
    let mut escaped = false;
    for (offset, byte) in text.bytes().enumerate().skip(open) {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return offset;
                }
            }
            _ => {}
        }
    }
    panic!("unbalanced braces in package.json");
}

#[test]
fn vscode_package_json_contributes_every_setting_and_rule() {
    let path = "editors/vscode/package.json";
    let text = read(path);
    let manifest: Value = serde_json::from_str(&text).expect("package.json is JSON");
    let existing = manifest["contributes"]["configuration"]["properties"]
        .as_object()
        .expect("package.json contributes configuration properties");
    let configuration = text
        .find("\"configuration\": {")
        .expect("package.json has contributes.configuration");
    let open = configuration
        + text[configuration..]
            .find("\"properties\": {")
            .expect("contributes.configuration has properties")
        + "\"properties\": ".len();
    let close = matching_brace(&text, open);
    let generated = format!(
        "{}{}{}",
        &text[..open],
        vscode_properties(existing),
        &text[close + 1..]
    );
    serde_json::from_str::<Value>(&generated).expect("the generated package.json is JSON");
    ensure_file_contents(path, &generated);
}

#[test]
fn vscode_settings_mapping_knows_every_rule_and_default() {
    let settings = settings_table::settings();
    let rules: Vec<String> = copydesk::analysis::rules::REGISTRY
        .iter()
        .map(|rule| format!("  {},\n", Value::from(rule.code.as_str())))
        .collect();
    let defaults: Vec<String> = settings
        .iter()
        .map(|setting| {
            format!(
                "  {}: {},\n",
                Value::from(setting.key.as_str()),
                setting.default
            )
        })
        .collect();
    let editor_only: Vec<String> = settings
        .iter()
        .filter(|setting| !setting.house_rules)
        .map(|setting| format!("  {},\n", Value::from(setting.key.as_str())))
        .collect();
    let contents = format!(
        "// Generated by tests/it/editors.rs from `copydesk rules --format json` and `copydesk settings\n\
         // --format json`: do not edit by hand. After a rule or a setting changes, `cargo test --test\n\
         // it editors` rewrites this file.\n\
         \n\
         /** The rule codes, in the order of the settings UI. */\n\
         export const RULE_CODES = [\n{}] as const;\n\
         \n\
         /** Every key below `copydesk.` that the mapping sends to the server, with its default. */\n\
         export const SERVER_KEYS: Record<string, unknown> = {{\n{}}};\n\
         \n\
         /**\n \
         * Settings that only the editor sets (the house rules file has no say in them): when the user\n \
         * set none, their defaults are sent as they are. Every other setting is sent only when the\n \
         * user set it, so that a desk's `.copydesk.toml` keeps its say.\n \
         */\n\
         export const EDITOR_ONLY_KEYS = [\n{}] as const;\n",
        rules.concat(),
        defaults.concat(),
        editor_only.concat()
    );
    ensure_file_contents("editors/vscode/src/generated.ts", &contents);
}

/// `text` wrapped to lines of at most `width` characters, every line after the first indented
/// by `indent` spaces.
fn wrap(text: &str, first: &str, indent: usize, width: usize) -> String {
    let mut lines = vec![first.to_string()];
    for word in text.split_whitespace() {
        let line = lines.last_mut().expect("there is a line");
        let blank = line.trim().is_empty() || line.ends_with(' ');
        if line.chars().count() + usize::from(!blank) + word.chars().count() > width && !blank {
            lines.push(format!("{}{word}", " ".repeat(indent)));
        } else {
            if !blank {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines.join("\n") + "\n"
}

fn vim_default(value: &Value) -> String {
    match value {
        Value::String(text) if text.is_empty() => "none".to_string(),
        other => other.to_string(),
    }
}

#[test]
fn neovim_help_lists_every_setting_and_rule() {
    const COLUMN: usize = 20;
    const WIDTH: usize = 78;
    let path = "editors/nvim/doc/copydesk.txt";
    let text = read(path);
    let start_marker = "Keys of `settings` (nested tables, as in the example above):\n\n";
    let end_marker = "A setting copydesk cannot use is reported";
    let start = text
        .find(start_marker)
        .expect("the help has a settings section")
        + start_marker.len();
    let end = text[start..]
        .find(end_marker)
        .expect("the settings section ends")
        + start;
    let mut section = String::new();
    let mut rules_written = false;
    for setting in settings_table::settings() {
        if setting.key.starts_with("rules.") {
            if rules_written {
                continue;
            }
            rules_written = true;
            section.push_str("*copydesk-rules*\n");
            section.push_str(&wrap(
                "`true` or `\"on\"`, `false` or `\"off\"`, a severity (\"error\", \"warning\", \"information\", \"hint\"), or `{ enabled = true, severity = \"hint\" }`. Default: every rule on, with its own severity. The codes, with their default severity (`copydesk explain <code>` tells more):",
                &format!("{:COLUMN$}", "rules.<code>"),
                COLUMN,
                WIDTH,
            ));
            section.push('\n');
            for rule in copydesk::analysis::rules::REGISTRY {
                section.push_str(&wrap(
                    rule.summary,
                    &format!(
                        "  {:25}{:13}",
                        rule.code.as_str(),
                        rule.default_severity.as_str()
                    ),
                    40,
                    WIDTH,
                ));
            }
            section.push('\n');
            continue;
        }
        section.push_str(&format!("*copydesk-{}*\n", setting.key));
        section.push_str(&wrap(
            &format!(
                "{} Default: {}.",
                setting.description,
                vim_default(&setting.default)
            ),
            &format!("{:COLUMN$}", setting.key),
            COLUMN,
            WIDTH,
        ));
        section.push('\n');
    }
    let generated = format!("{}{}{}", &text[..start], section, &text[end..]);
    ensure_file_contents(path, &generated);
}

/// The generator reads the same description that the command line prints, so a script (or
/// another editor's plugin) that reads `copydesk rules --format json` and `copydesk settings
/// --format json` sees what the editors above were generated from.
#[test]
fn the_command_line_prints_the_description_the_editors_are_generated_from() {
    for (command, expected) in [
        ("rules", settings_table::rules_json()),
        ("settings", settings_table::settings_json()),
    ] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_copydesk"))
            .args([command, "--format", "json"])
            .output()
            .expect("copydesk runs");
        assert!(
            output.status.success(),
            "copydesk {command} --format json failed"
        );
        let printed: Value =
            serde_json::from_slice(&output.stdout).expect("the output is one JSON value");
        assert_eq!(printed, expected, "copydesk {command} --format json");
        let listed = printed.as_array().expect("a JSON array").len();
        assert!(
            listed >= copydesk::analysis::rules::REGISTRY.len(),
            "{command}"
        );
    }
}
