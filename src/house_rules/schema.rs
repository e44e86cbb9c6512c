//! The JSON Schema of the house rules file, for editors that validate and complete it.

use serde_json::{json, Value};

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
