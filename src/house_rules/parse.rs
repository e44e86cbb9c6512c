//! Reading a house rules file's text: every key and value checked, every mistake kept with its
//! place.

use std::ops::Range;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::*;
use crate::analysis::settings::{KnownSource, Pattern, RuleChoice};
use crate::analysis::Severity;

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
