//! A desk's own word lists ([`HouseLexicon`], from its `.copydesk.toml`), applied around the
//! built-in analysis: extra attribution verbs and phrases attribute quotations and source
//! figures, known sources source figures and give speakers their full names, extra vague phrases
//! are reported as vague attribution, and figure exemptions take matches out of the figures.
//!
//! The built-in lexicon stays as it is; these steps only add to what it found, so a draft
//! without house rules is analysed exactly as before.

use std::ops::Range;

use super::attribution::Cue;
use super::finding::{Details, Finding, RuleCode, Severity};
use super::quotes::{Attribution, AttributionScope, QuoteKind};
use super::settings::HouseLexicon;
use super::words::{words, Word};
use super::Context;

/// The house lexicon split into words once per analysis.
struct Phrases {
    /// Each entry's words, lower case.
    cues: Vec<Vec<String>>,
    /// Known sources' names and aliases, each with the name to show.
    sources: Vec<(Vec<String>, String)>,
}

fn split(phrase: &str) -> Vec<String> {
    words(phrase, 0..phrase.len())
        .into_iter()
        .map(|word| word.text.to_lowercase())
        .collect()
}

impl Phrases {
    fn new(house: &HouseLexicon) -> Phrases {
        let mut cues: Vec<Vec<String>> = Vec::new();
        for verb in &house.attribution_verbs {
            // One entry is a verb with its forms: every form is a cue of one word.
            cues.extend(split(verb).into_iter().map(|form| vec![form]));
        }
        cues.extend(house.attribution_phrases.iter().map(|phrase| split(phrase)));
        cues.retain(|cue| !cue.is_empty());
        let mut sources = Vec::new();
        for source in &house.sources {
            for name in std::iter::once(&source.name).chain(&source.aliases) {
                let parts = split(name);
                if !parts.is_empty() {
                    sources.push((parts, source.name.clone()));
                }
            }
        }
        Phrases { cues, sources }
    }
}

/// Whether `parts` stands in `all` from `position` on, word by word, with nothing between.
fn matches_at(text: &str, all: &[&Word], position: usize, parts: &[String]) -> bool {
    parts.iter().enumerate().all(|(offset, part)| {
        all.get(position + offset).is_some_and(|word| {
            word.text.to_lowercase() == *part
                && (offset == 0
                    || text[all[position + offset - 1].range.end..word.range.start]
                        .trim()
                        .is_empty())
        })
    })
}

/// The first of `candidates` in `text[range]` outside `excluded`, as its byte range.
fn find_phrase(
    text: &str,
    range: Range<usize>,
    excluded: &[Range<usize>],
    candidates: &[&Vec<String>],
) -> Option<Range<usize>> {
    let found = words(text, range);
    let outside: Vec<&Word> = found
        .iter()
        .filter(|word| !excluded.iter().any(|skip| skip.contains(&word.range.start)))
        .collect();
    for position in 0..outside.len() {
        for parts in candidates {
            if matches_at(text, &outside, position, parts) {
                let last = outside[position + parts.len() - 1];
                return Some(outside[position].range.start..last.range.end);
            }
        }
    }
    None
}

/// Before figures are found: quotations that a house cue attributes, and speakers that are
/// aliases of a known source.
pub fn attribute_quotations(context: &mut Context) {
    let house = &context.settings.house;
    if house.is_empty() {
        return;
    }
    let phrases = Phrases::new(house);
    let cues: Vec<&Vec<String>> = phrases.cues.iter().collect();
    for index in 0..context.quotations.len() {
        let quotation = &context.quotations[index];
        if quotation.kind == QuoteKind::Speech
            && quotation.attribution.is_none()
            && !cues.is_empty()
        {
            let paragraph = &context.paragraphs[quotation.paragraph];
            let excluded = context.interiors(paragraph);
            let sentences = &paragraph.sentences;
            let first = sentences
                .iter()
                .position(|sentence| sentence.contains(&quotation.span.start));
            let last = sentences
                .iter()
                .position(|sentence| sentence.contains(&quotation.span.end.saturating_sub(1)));
            let mut places = Vec::new();
            if let (Some(first), Some(last)) = (first, last) {
                places.push((
                    sentences[first].start..sentences[last].end,
                    AttributionScope::SameSentence,
                ));
                if first > 0 {
                    places.push((
                        sentences[first - 1].clone(),
                        AttributionScope::PreviousSentence,
                    ));
                }
                if let Some(next) = sentences.get(last + 1) {
                    places.push((next.clone(), AttributionScope::NextSentence));
                }
            }
            let found = places.into_iter().find_map(|(range, scope)| {
                find_phrase(context.masked, range, &excluded, &cues).map(|cue| (cue, scope))
            });
            if let Some((range, scope)) = found {
                context.quotations[index].attribution = Some(Attribution {
                    cue: Cue {
                        text: context.text[range.clone()].to_string(),
                        range,
                        speaker: None,
                    },
                    scope,
                    paragraphs_back: 0,
                });
            }
        }
        // "the ministry" is shown as the source the desk knows it to be.
        let quotation = &mut context.quotations[index];
        if let Some(speaker) = &quotation.speaker {
            let said_by = split(speaker);
            if let Some((_, name)) = phrases.sources.iter().find(|(parts, _)| *parts == said_by) {
                quotation.speaker = Some(name.clone());
            }
        }
    }
}

/// After figures are found: drop the exempt ones and source the ones a house cue or a known
/// source stands beside.
pub fn adjust_figures(context: &mut Context) {
    let house = &context.settings.house;
    if house.is_empty() || context.figures.is_empty() {
        return;
    }
    if !house.figure_exemptions.is_empty() {
        let exempt: Vec<Range<usize>> = house
            .figure_exemptions
            .iter()
            .flat_map(|pattern| pattern.0.find_iter(context.text).map(|found| found.range()))
            .collect();
        context.figures.retain(|figure| {
            !exempt
                .iter()
                .any(|range| range.start <= figure.span.start && figure.span.end <= range.end)
        });
    }
    let phrases = Phrases::new(house);
    let candidates: Vec<&Vec<String>> = phrases
        .cues
        .iter()
        .chain(phrases.sources.iter().map(|(parts, _)| parts))
        .collect();
    if candidates.is_empty() {
        return;
    }
    for index in 0..context.figures.len() {
        if context.figures[index].source.is_some() {
            continue;
        }
        let sentence = context.figures[index].sentence.clone();
        let excluded: Vec<Range<usize>> = context
            .quotations
            .iter()
            .filter(|quotation| {
                quotation.span.start < sentence.end && sentence.start < quotation.span.end
            })
            .map(|quotation| quotation.inner.clone())
            .collect();
        if let Some(range) = find_phrase(context.masked, sentence, &excluded, &candidates) {
            context.figures[index].source = Some(format!(
                "“{}” (house rules), in the same sentence",
                &context.text[range]
            ));
        }
    }
}

/// The desk's own vague phrases, reported as `vague-attribution` (whose check calls this, with
/// the rule's default severity) where the built-in phrases have not already reported the same
/// words. The registry applies the user's severity to these findings like to every other.
pub fn vague_phrases(context: &Context, severity: Severity, findings: &mut Vec<Finding>) {
    let house = &context.settings.house;
    if house.vague_phrases.is_empty() {
        return;
    }
    let phrases: Vec<Vec<String>> = house
        .vague_phrases
        .iter()
        .map(|phrase| split(phrase))
        .filter(|parts| !parts.is_empty())
        .collect();
    for paragraph in &context.paragraphs {
        let excluded = context.interiors(paragraph);
        let found = words(context.masked, paragraph.range.clone());
        let outside: Vec<&Word> = found
            .iter()
            .filter(|word| !excluded.iter().any(|skip| skip.contains(&word.range.start)))
            .collect();
        for position in 0..outside.len() {
            for parts in &phrases {
                if !matches_at(context.masked, &outside, position, parts) {
                    continue;
                }
                let span =
                    outside[position].range.start..outside[position + parts.len() - 1].range.end;
                let reported = findings.iter().any(|finding| {
                    finding.rule == RuleCode::VagueAttribution
                        && finding.span.start < span.end
                        && span.start < finding.span.end
                });
                if reported {
                    continue;
                }
                let phrase = context.text[span.clone()].to_string();
                findings.push(Finding {
                    rule: RuleCode::VagueAttribution,
                    span,
                    severity,
                    message: format!("Vague attribution: “{phrase}”: who, exactly?"),
                    details: Details::Notes(vec![
                        "Attribute to a described source: who they are, how they know, and why they are not named (AP: describe anonymous sources as precisely as possible).".to_string(),
                        "This phrase is on the desk's list of vague sources (.copydesk.toml).".to_string(),
                    ]),
                    fixes: Vec::new(),
                    related: Vec::new(),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::settings::{KnownSource, Pattern};
    use crate::analysis::{analyze, Format, RuleCode, Settings};

    fn settings() -> Settings {
        let mut settings = Settings::new(jiff::civil::date(2030, 1, 1));
        settings.reference_date = Some(jiff::civil::date(2022, 2, 28));
        settings
    }

    fn codes(text: &str, settings: &Settings) -> Vec<(RuleCode, String)> {
        analyze(text, Format::PlainText, settings)
            .findings
            .into_iter()
            .map(|finding| (finding.rule, text[finding.span].to_string()))
            .collect()
    }

    #[test]
    fn house_verbs_and_phrases_attribute_quotes_and_source_figures() {
        let quote = "\"We will not raise the levy again.\" The mayor harrumphed.";
        let figure = "The levy raised $3 million, going by the town ledger.";
        let plain = settings();
        assert!(codes(quote, &plain)
            .iter()
            .any(|(code, _)| *code == RuleCode::UnattributedQuote));
        assert!(codes(figure, &plain)
            .iter()
            .any(|(code, _)| *code == RuleCode::UnsourcedFigure));
        let mut house = settings();
        house.house.attribution_verbs = vec!["harrumph harrumphs harrumphed".to_string()];
        house.house.attribution_phrases = vec!["going by the town ledger".to_string()];
        assert_eq!(codes(quote, &house), vec![]);
        assert_eq!(codes(figure, &house), vec![]);
    }

    #[test]
    fn known_sources_source_figures_and_name_speakers() {
        let text = "The ministry destroyed 4,000 tanks.";
        let mut house = settings();
        assert_eq!(codes(text, &house).len(), 1);
        house.house.sources = vec![KnownSource {
            name: "Ukraine's Defence Ministry".to_string(),
            aliases: vec!["the ministry".to_string()],
        }];
        assert_eq!(codes(text, &house), vec![]);
        let quoted = "\"We hold the line at the river,\" the ministry said.";
        let analysis = analyze(quoted, Format::PlainText, &house);
        assert_eq!(
            analysis.quotations[0].speaker.as_deref(),
            Some("Ukraine's Defence Ministry")
        );
    }

    #[test]
    fn house_vague_phrases_and_figure_exemptions() {
        let mut house = settings();
        house.house.vague_phrases = vec!["people in the know".to_string()];
        house.house.figure_exemptions = vec![Pattern::new(r"\d+ kV").unwrap()];
        assert_eq!(
            codes(
                "People in the know expect a deal. The 400 kV line is down.",
                &house
            ),
            vec![(RuleCode::VagueAttribution, "People in the know".to_string())]
        );
    }
}
