//! House rules: a desk's `.copydesk.toml` (or `copydesk.toml`), found by walking up from the
//! draft, read with the position of every key and value so that a mistake is reported where it
//! is, and turned into [`Settings`] for the engine.
//!
//! The file is all or nothing: one error and the whole file is rejected (the editor keeps the
//! previous good version in force; the command line stops), and an unknown key is an error, so
//! that a typo never silently turns a rule back to its default.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::analysis::settings::{
    DateStyle, HouseLexicon, KnownSource, Pattern, RuleChoice, RuleSettings,
};
use crate::analysis::{RuleCode, SettingOrigin, Settings, Severity};

/// The names the file may have, in the order they are looked for in each folder.
pub const FILE_NAMES: [&str; 2] = [".copydesk.toml", "copydesk.toml"];

/// The house rules of one file, checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HouseRules {
    pub reference_date: Option<jiff::civil::Date>,
    /// The file the rules were read from, named wherever its reference date is used.
    pub path: Option<PathBuf>,
    pub date_style: Option<DateStyle>,
    pub figures_min_count: Option<u64>,
    pub rules: BTreeMap<RuleCode, RuleSettings>,
    pub lexicon: HouseLexicon,
}

impl HouseRules {
    /// Applies these rules over `settings` (the defaults); editor settings go on top after.
    pub fn apply_to(&self, settings: &mut Settings) {
        if let Some(date) = self.reference_date {
            settings.reference_date = Some(date);
            settings.reference_origin = match &self.path {
                Some(path) => SettingOrigin::house_rules(&path.display().to_string()),
                None => SettingOrigin::house_rules(FILE_NAMES[0]),
            };
        }
        if let Some(style) = self.date_style {
            settings.date_style = style;
        }
        if let Some(count) = self.figures_min_count {
            settings.figures_min_count = count;
        }
        for (code, choice) in &self.rules {
            settings.rules.entry(*code).or_default().overlay(choice);
        }
        settings.house = self.lexicon.clone();
    }
}

/// A mistake in a house rules file, at a byte range of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub span: Range<usize>,
    pub message: String,
}

impl Problem {
    /// `path:line:column: message`, lines and columns from 1 (columns in characters).
    pub fn render(&self, path: &Path, text: &str) -> String {
        let (line, column) = self.line_column(text);
        format!("{}:{line}:{column}: {}", path.display(), self.message)
    }

    /// 1-based line and column (in characters) of the problem in the file's `text`, counted as
    /// the document model counts them for drafts ([`crate::text::line_column`]).
    pub fn line_column(&self, text: &str) -> (usize, usize) {
        let (line, column) =
            crate::text::line_column(&ropey::Rope::from_str(text), self.span.start);
        (line as usize, column as usize)
    }
}

/// The top-level keys, and the keys of each table, that the file may hold. The parser accepts
/// exactly these and the schema describes exactly these (a test holds them together).
pub const TOP_KEYS: &[&str] = &[
    "referenceDate",
    "dates",
    "figures",
    "rules",
    "attribution",
    "sources",
    "names",
];
pub const DATES_KEYS: &[&str] = &["style", "names"];
pub const FIGURES_KEYS: &[&str] = &["minCount", "exemptions"];
pub const RULE_KEYS: &[&str] = &["enabled", "severity"];
pub const ATTRIBUTION_KEYS: &[&str] = &["verbs", "phrases", "vaguePhrases"];
pub const SOURCE_KEYS: &[&str] = &["name", "aliases"];
pub const NAMES_KEYS: &[&str] = &["spellings"];

struct Reader {
    problems: Vec<Problem>,
}

impl Reader {
    fn problem(&mut self, span: Range<usize>, message: String) {
        self.problems.push(Problem { span, message });
    }

    /// Reports every key of `table` that is not in `known`; returns the known ones.
    fn known<'t, 'i>(
        &mut self,
        table: &'t DeTable<'i>,
        known: &[&str],
        path: &str,
    ) -> Vec<(&'t str, &'t Spanned<DeValue<'i>>)> {
        let mut found = Vec::new();
        for (key, value) in table.iter() {
            let name: &str = key.get_ref();
            if known.contains(&name) {
                found.push((name, value));
            } else {
                let place = if path.is_empty() {
                    "at the top level".to_string()
                } else {
                    format!("in [{path}]")
                };
                self.problem(
                    key.span(),
                    format!(
                        "unknown key “{name}” {place}; expected one of: {}",
                        known.join(", ")
                    ),
                );
            }
        }
        found
    }

    fn table<'t, 'i>(
        &mut self,
        value: &'t Spanned<DeValue<'i>>,
        path: &str,
    ) -> Option<&'t DeTable<'i>> {
        match value.get_ref() {
            DeValue::Table(table) => Some(table),
            other => {
                self.problem(
                    value.span(),
                    format!("{path} must be a table, not {}", describe(other)),
                );
                None
            }
        }
    }

    fn string<'t>(
        &mut self,
        value: &'t Spanned<DeValue<'_>>,
        path: &str,
        expected: &str,
    ) -> Option<&'t str> {
        match value.get_ref() {
            DeValue::String(text) => Some(text),
            other => {
                self.problem(
                    value.span(),
                    format!("{path} must be {expected}, not {}", describe(other)),
                );
                None
            }
        }
    }

    /// A list of non-empty strings.
    fn strings(&mut self, value: &Spanned<DeValue<'_>>, path: &str) -> Vec<(String, Range<usize>)> {
        let DeValue::Array(items) = value.get_ref() else {
            self.problem(
                value.span(),
                format!(
                    "{path} must be a list of strings, like [\"one\", \"two\"], not {}",
                    describe(value.get_ref())
                ),
            );
            return Vec::new();
        };
        let mut found = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(text) if !text.trim().is_empty() => {
                    found.push((text.trim().to_string(), item.span()))
                }
                DeValue::String(_) => self.problem(
                    item.span(),
                    format!("{path}: an empty string matches nothing"),
                ),
                other => self.problem(
                    item.span(),
                    format!("{path} must hold strings, not {}", describe(other)),
                ),
            }
        }
        found
    }
}

fn describe(value: &DeValue<'_>) -> String {
    match value {
        DeValue::String(text) => format!("the string {text:?}"),
        DeValue::Integer(number) => format!("the number {}", number.as_str()),
        DeValue::Float(number) => format!("the number {}", number.as_str()),
        DeValue::Boolean(flag) => format!("{flag}"),
        DeValue::Datetime(date) => format!("the date-time {date}"),
        DeValue::Array(_) => "a list".to_string(),
        DeValue::Table(_) => "a table".to_string(),
    }
}

/// Reads a house rules file. Either every key is understood, or nothing applies and every
/// problem is returned with its place.
pub fn parse(text: &str) -> Result<HouseRules, Vec<Problem>> {
    let root = match DeTable::parse(text) {
        Ok(root) => root,
        Err(error) => {
            let span = error.span().unwrap_or(0..0);
            let message = error.message().trim().replace('\n', " ");
            return Err(vec![Problem {
                span,
                message: format!("this is not valid TOML: {message}"),
            }]);
        }
    };
    let mut reader = Reader {
        problems: Vec::new(),
    };
    let mut rules = HouseRules::default();
    for (key, value) in reader.known(root.get_ref(), TOP_KEYS, "") {
        match key {
            "referenceDate" => {
                let written = match value.get_ref() {
                    DeValue::String(text) => Some(text.trim().to_string()),
                    DeValue::Datetime(date) => Some(date.to_string()),
                    _ => None,
                };
                match written.as_deref().map(str::parse::<jiff::civil::Date>) {
                    Some(Ok(date)) => rules.reference_date = Some(date),
                    _ => reader.problem(
                        value.span(),
                        format!(
                            "referenceDate must be a date like 2022-02-28 (quoted or not), not {}",
                            describe(value.get_ref())
                        ),
                    ),
                }
            }
            "dates" => {
                let Some(table) = reader.table(value, "dates") else {
                    continue;
                };
                for (field, style) in reader.known(table, DATES_KEYS, "dates") {
                    if field == "names" {
                        rules.lexicon.date_names = reader
                            .strings(style, "dates.names")
                            .into_iter()
                            .map(|(name, _)| name)
                            .collect();
                        continue;
                    }
                    let expected = "\"ap\", \"iso\" or \"long\"";
                    if let Some(name) = reader.string(style, "dates.style", expected) {
                        match DateStyle::from_name(name) {
                            Some(parsed) => rules.date_style = Some(parsed),
                            None => reader.problem(
                                style.span(),
                                format!("dates.style must be {expected}, not {name:?}"),
                            ),
                        }
                    }
                }
            }
            "figures" => {
                let Some(table) = reader.table(value, "figures") else {
                    continue;
                };
                for (field, item) in reader.known(table, FIGURES_KEYS, "figures") {
                    if field == "minCount" {
                        let count = match item.get_ref() {
                            DeValue::Integer(number) => i64::from_str_radix(
                                &number.as_str().replace('_', ""),
                                number.radix(),
                            )
                            .ok()
                            .and_then(|count| u64::try_from(count).ok()),
                            _ => None,
                        };
                        match count {
                            Some(count) => rules.figures_min_count = Some(count),
                            None => reader.problem(
                                item.span(),
                                format!(
                                    "figures.minCount must be a whole number, 0 or more, not {}",
                                    describe(item.get_ref())
                                ),
                            ),
                        }
                    } else {
                        for (pattern, span) in reader.strings(item, "figures.exemptions") {
                            match Pattern::new(&pattern) {
                                Ok(compiled) => rules.lexicon.figure_exemptions.push(compiled),
                                Err(error) => reader.problem(
                                    span,
                                    format!(
                                        "figures.exemptions: {pattern:?} is not a regular expression: {}",
                                        error.lines().last().unwrap_or("").trim()
                                    ),
                                ),
                            }
                        }
                    }
                }
            }
            "rules" => {
                let Some(table) = reader.table(value, "rules") else {
                    continue;
                };
                for (code_key, choice) in table.iter() {
                    let code: &str = code_key.get_ref();
                    let Some(rule) = RuleCode::from_code(code) else {
                        reader.problem(
                            code_key.span(),
                            format!(
                                "unknown rule “{code}” in [rules]; expected one of: {}",
                                RuleCode::ALL.map(RuleCode::as_str).join(", ")
                            ),
                        );
                        continue;
                    };
                    if let Some(parsed) = read_rule(&mut reader, code, choice) {
                        rules.rules.insert(rule, parsed);
                    }
                }
            }
            "attribution" => {
                let Some(table) = reader.table(value, "attribution") else {
                    continue;
                };
                for (field, item) in reader.known(table, ATTRIBUTION_KEYS, "attribution") {
                    let list: Vec<String> = reader
                        .strings(item, &format!("attribution.{field}"))
                        .into_iter()
                        .map(|(text, _)| text)
                        .collect();
                    match field {
                        "verbs" => rules.lexicon.attribution_verbs = list,
                        "phrases" => rules.lexicon.attribution_phrases = list,
                        _ => rules.lexicon.vague_phrases = list,
                    }
                }
            }
            "names" => {
                let Some(table) = reader.table(value, "names") else {
                    continue;
                };
                for (_, item) in reader.known(table, NAMES_KEYS, "names") {
                    rules.lexicon.name_spellings = reader
                        .strings(item, "names.spellings")
                        .into_iter()
                        .map(|(text, _)| text.trim().to_string())
                        .filter(|text| !text.is_empty())
                        .collect();
                }
            }
            _ => {
                // "sources": a list of tables ([[sources]]).
                let DeValue::Array(items) = value.get_ref() else {
                    reader.problem(
                        value.span(),
                        format!(
                            "sources must be a list of tables ([[sources]] with name and aliases), not {}",
                            describe(value.get_ref())
                        ),
                    );
                    continue;
                };
                for item in items.iter() {
                    let Some(table) = reader.table(item, "each [[sources]] entry") else {
                        continue;
                    };
                    let mut source = KnownSource::default();
                    for (field, entry) in reader.known(table, SOURCE_KEYS, "[sources]") {
                        if field == "name" {
                            if let Some(name) = reader.string(entry, "sources.name", "a string") {
                                source.name = name.trim().to_string();
                            }
                        } else {
                            source.aliases = reader
                                .strings(entry, "sources.aliases")
                                .into_iter()
                                .map(|(text, _)| text)
                                .collect();
                        }
                    }
                    if source.name.is_empty() {
                        reader.problem(
                            item.span(),
                            "each [[sources]] entry needs a name, like name = \"Ukraine's Defence Ministry\"".to_string(),
                        );
                    } else {
                        rules.lexicon.sources.push(source);
                    }
                }
            }
        }
    }
    if reader.problems.is_empty() {
        Ok(rules)
    } else {
        reader.problems.sort_by_key(|problem| problem.span.start);
        Err(reader.problems)
    }
}

fn read_rule(
    reader: &mut Reader,
    code: &str,
    choice: &Spanned<DeValue<'_>>,
) -> Option<RuleSettings> {
    let severity_names = "\"error\", \"warning\", \"information\" or \"hint\"";
    match choice.get_ref() {
        DeValue::Boolean(enabled) => Some(RuleChoice::Enabled(*enabled).settings()),
        DeValue::String(text) => match RuleChoice::from_word(text) {
            Some(short) => Some(short.settings()),
            None => {
                reader.problem(
                    choice.span(),
                    format!("rules.{code} must be \"on\", \"off\", true, false or a severity ({severity_names}), not {text:?}"),
                );
                None
            }
        },
        DeValue::Table(table) => {
            let mut parsed = RuleSettings::default();
            for (field, value) in reader.known(table, RULE_KEYS, &format!("rules.{code}")) {
                if field == "enabled" {
                    match value.get_ref() {
                        DeValue::Boolean(enabled) => parsed.enabled = Some(*enabled),
                        other => reader.problem(
                            value.span(),
                            format!(
                                "rules.{code}.enabled must be true or false, not {}",
                                describe(other)
                            ),
                        ),
                    }
                } else {
                    let named = match value.get_ref() {
                        DeValue::String(name) => Severity::from_name(name),
                        _ => None,
                    };
                    match named {
                        Some(severity) => parsed.severity = Some(severity),
                        None => reader.problem(
                            value.span(),
                            format!(
                                "rules.{code}.severity must be {severity_names}, not {}",
                                describe(value.get_ref())
                            ),
                        ),
                    }
                }
            }
            Some(parsed)
        }
        other => {
            reader.problem(
                choice.span(),
                format!(
                    "rules.{code} must be a table ({{ enabled = true, severity = \"error\" }}), \"on\", \"off\" or a severity, not {}",
                    describe(other)
                ),
            );
            None
        }
    }
}

/// The house rules file for a draft in `folder`: the first of [`FILE_NAMES`] found in it or a
/// folder above it, up to and including `stop_at` (a workspace root), or else up to the root of
/// the git repository or of the file system.
pub fn discover(folder: &Path, stop_at: Option<&Path>) -> Option<PathBuf> {
    let mut current = Some(folder);
    while let Some(dir) = current {
        for name in FILE_NAMES {
            let candidate = dir.join(name);
            // Anything by that name counts, a folder, a pipe or a broken link included: it is
            // meant as house rules, so loading it reports why it cannot be read rather than
            // a file further up taking its place in silence.
            if std::fs::symlink_metadata(&candidate).is_ok() {
                return Some(candidate);
            }
        }
        let at_stop = match stop_at {
            Some(stop) => dir == stop,
            None => dir.join(".git").exists(),
        };
        if at_stop {
            return None;
        }
        current = dir.parent();
    }
    None
}

/// Reads and parses a house rules file: the rules, or the problems (a file that cannot be read
/// is one problem at its start).
pub fn load(path: &Path) -> Result<(HouseRules, String), (Vec<Problem>, String)> {
    let text = match read_limited(path) {
        Ok(text) => text,
        Err(message) => {
            return Err((
                vec![Problem {
                    span: 0..0,
                    message,
                }],
                String::new(),
            ))
        }
    };
    match parse(&text) {
        Ok(rules) => Ok((
            HouseRules {
                path: Some(path.to_path_buf()),
                ..rules
            },
            text,
        )),
        Err(problems) => Err((problems, text)),
    }
}

/// The text of a house rules file, if it is a regular file of at most
/// [`MAX_HOUSE_RULES_BYTES`](crate::limits::MAX_HOUSE_RULES_BYTES). Opening a FIFO would block
/// and a device or a huge (perhaps sparse) file would be read for ever, so both are refused
/// before reading, and reading stops one byte past the limit in case the file grew.
fn read_limited(path: &Path) -> Result<String, String> {
    use std::io::Read;
    let limit = crate::limits::MAX_HOUSE_RULES_BYTES;
    let too_large = |size: String| {
        format!(
            "{} is too large for a house rules file: {size}; the limit is {}",
            path.display(),
            crate::limits::bytes(limit)
        )
    };
    let metadata =
        std::fs::metadata(path).map_err(|error| match std::fs::symlink_metadata(path) {
            Ok(link) if link.file_type().is_symlink() => format!(
                "{} is a link to {}, which does not exist",
                path.display(),
                std::fs::read_link(path)
                    .map_or_else(|_| "a file".to_string(), |to| to.display().to_string())
            ),
            _ => format!("cannot read {}: {error}", path.display()),
        })?;
    if metadata.is_dir() {
        return Err(format!(
            "{} is a folder, not a house rules file",
            path.display()
        ));
    }
    if !metadata.is_file() {
        return Err(format!(
            "{} is not a regular file (a pipe, socket or device), so it cannot be house rules",
            path.display()
        ));
    }
    if metadata.len() > limit {
        return Err(too_large(crate::limits::bytes(metadata.len())));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(limit + 1).read_to_end(&mut bytes))
        .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(format!(
            "more than {}",
            crate::limits::bytes(limit)
        )));
    }
    String::from_utf8(bytes).map_err(|error| {
        format!(
            "{} is not UTF-8 text (invalid byte at offset {})",
            path.display(),
            error.utf8_error().valid_up_to()
        )
    })
}

fn severity_schema() -> Value {
    json!({ "enum": ["error", "warning", "information", "info", "hint"] })
}

fn strings_schema(description: &str, example: &str) -> Value {
    json!({
        "type": "array",
        "items": { "type": "string", "minLength": 1 },
        "description": description,
        "examples": [[example]],
    })
}

/// The JSON Schema of the house rules file (`copydesk schema`), for editors that validate and
/// complete TOML against a schema (Taplo, Even Better TOML).
pub fn schema() -> Value {
    let mut rule_properties = serde_json::Map::new();
    for rule in crate::analysis::rules::REGISTRY {
        rule_properties.insert(
            rule.code.as_str().to_string(),
            json!({
                "description": format!("{} Default severity: {}.", rule.summary, rule.default_severity.as_str()),
                "oneOf": [
                    { "type": "boolean" },
                    { "enum": ["on", "off", "error", "warning", "information", "info", "hint"] },
                    {
                        "type": "object",
                        "additionalProperties": false,
                        "properties": {
                            "enabled": { "type": "boolean", "description": "false turns the rule off." },
                            "severity": severity_schema(),
                        },
                    },
                ],
            }),
        );
    }
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://copydesk.invalid/copydesk.schema.json",
        "title": "copydesk house rules (.copydesk.toml)",
        "description": "A desk's rules for copydesk. Editor settings override these; an unknown key is an error.",
        "type": "object",
        "additionalProperties": false,
        "properties": {
            "referenceDate": {
                "type": "string",
                "format": "date",
                "description": "Publication date (YYYY-MM-DD) for drafts whose front matter or dateline gives none.",
                "examples": ["2026-03-04"],
            },
            "dates": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                    "style": {
                        "enum": ["ap", "iso", "long"],
                        "description": "How date fixes write dates: ap (Feb. 24), iso (2022-02-24), long (24 February 2022).",
                    },
                    "names": strings_schema(
                        "Names that contain a date word and are never dates (matched without regard to case, as whole words).",
                        "Black Friday Sale",
                    ),
                },
            },
            "figures": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                    "minCount": {
                        "type": "integer",
                        "minimum": 0,
                        "description": "A plain count below this is not a figure.",
                        "examples": [100],
                    },
                    "exemptions": strings_schema(
                        "Regular expressions (case-insensitive): a figure inside a match is not a figure.",
                        "\\d+ kV",
                    ),
                },
            },
            "rules": {
                "type": "object",
                "additionalProperties": false,
                "description": "Per rule: true/false, \"on\"/\"off\", a severity, or { enabled, severity }.",
                "properties": Value::Object(rule_properties),
            },
            "attribution": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                    "verbs": strings_schema("Extra reporting verbs, each entry one verb with its forms.", "harrumph harrumphs harrumphed harrumphing"),
                    "phrases": strings_schema("Extra phrases that attribute (a source cue).", "going by"),
                    "vaguePhrases": strings_schema("Extra phrases that attribute to nobody in particular, reported as vague-attribution.", "people in the know"),
                },
            },
            "names": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                    "spellings": strings_schema(
                        "The house spellings of names: each is the only accepted spelling of its transliteration family (name-variant flags the others).",
                        "Volodymyr Zelenskyy",
                    ),
                },
            },
            "sources": {
                "type": "array",
                "description": "Sources the desk knows: naming one (or an alias) in a figure's sentence sources the figure, and quotes show the full name.",
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["name"],
                    "properties": {
                        "name": { "type": "string", "minLength": 1, "examples": ["Ukraine's Defence Ministry"] },
                        "aliases": strings_schema("Other names of the source.", "the ministry"),
                    },
                },
            },
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_key() {
        let rules = parse(
            r#"
referenceDate = 2026-03-04
[dates]
style = "iso"
names = ["Black Friday Sale"]
[figures]
minCount = 50
exemptions = ['\d+ kV', "COVID-19"]
[rules]
relative-date = "off"
unsourced-figure = { severity = "error" }
[rules.vague-attribution]
enabled = true
severity = "hint"
[attribution]
verbs = ["harrumph harrumphed"]
phrases = ["going by"]
vaguePhrases = ["people in the know"]
[[sources]]
name = "Ukraine's Defence Ministry"
aliases = ["the ministry"]
[names]
spellings = ["Volodymyr Zelenskyy", "Kyiv"]
"#,
        )
        .unwrap();
        assert_eq!(rules.reference_date, Some(jiff::civil::date(2026, 3, 4)));
        assert_eq!(rules.date_style, Some(DateStyle::Iso));
        assert_eq!(rules.lexicon.date_names, vec!["Black Friday Sale"]);
        assert_eq!(rules.figures_min_count, Some(50));
        assert_eq!(rules.lexicon.figure_exemptions.len(), 2);
        assert_eq!(rules.rules[&RuleCode::RelativeDate].enabled, Some(false));
        assert_eq!(
            rules.rules[&RuleCode::UnsourcedFigure].severity,
            Some(Severity::Error)
        );
        assert_eq!(
            rules.rules[&RuleCode::VagueAttribution].severity,
            Some(Severity::Hint)
        );
        assert_eq!(rules.lexicon.sources[0].aliases, vec!["the ministry"]);
        assert_eq!(rules.lexicon.vague_phrases, vec!["people in the know"]);
        assert_eq!(
            rules.lexicon.name_spellings,
            vec!["Volodymyr Zelenskyy", "Kyiv"]
        );
    }

    #[test]
    fn every_problem_has_its_place() {
        let text = "referenceDate = \"soon\"\n[figures]\nminCount = -1\nmincount = 3\n[rules]\nunsourced-figures = \"off\"\n";
        let problems = parse(text).unwrap_err();
        let places: Vec<(usize, usize)> = problems
            .iter()
            .map(|problem| problem.line_column(text))
            .collect();
        assert_eq!(places, vec![(1, 17), (3, 12), (4, 1), (6, 1)]);
        assert!(problems[2]
            .message
            .contains("expected one of: minCount, exemptions"));
        assert!(problems[3]
            .message
            .contains("unknown rule “unsourced-figures”"));
    }

    #[test]
    fn invalid_toml_is_reported_with_its_place() {
        let text = "[rules\nx = 1\n";
        let problems = parse(text).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.starts_with("this is not valid TOML"));
        assert_eq!(problems[0].line_column(text).0, 1);
    }
}
