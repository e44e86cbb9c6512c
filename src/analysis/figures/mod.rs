//! Figures: every number a reader could check, what it measures, and where its source is.
//!
//! Shared knowledge, like quotations: the unsourced-figure rule reports the figures without a
//! source, and hovers show the source of the others.

mod claims;
mod classify;
mod numbers;
mod sources;
mod spelled;
#[cfg(test)]
mod tests;

use std::ops::Range;

use crate::analysis::attribution::find_cue_where;
use crate::analysis::calendar::month_named;
use crate::analysis::clauses::{after_subject_relative, clause_around, final_according_to};
use crate::analysis::quotes::{ParagraphLayout, QuoteKind};
use crate::analysis::words::{floor_char_boundary, window, words, Word};
use crate::analysis::Context;

use claims::*;
use classify::*;
use numbers::*;
use sources::*;
use spelled::*;

/// A figure as understood.
struct Figure {
    range: Range<usize>,
    understood: String,
    vague: bool,
}

/// A figure found in the text, with its source when it has one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureMention {
    pub span: Range<usize>,
    /// What was understood, e.g. "money: 1.2 billion euros".
    pub understood: String,
    /// A vague quantity ("thousands of"), a change ("doubled") or a ranking ("the highest
    /// since 1990") rather than a number: worth a look, reported at information level.
    pub vague: bool,
    /// Where the source is, in words ("according to the ministry, in the same sentence").
    pub source: Option<String>,
    /// For a figure with no source: the data source named earlier in its paragraph, out of
    /// reach (a sentence about something else stands between), which a fix can offer.
    pub nearby_source: Option<String>,
    /// The sentence the figure is in.
    pub sentence: Range<usize>,
}

/// Finds every figure of the document and its source, and the data source named in its last
/// sentence, which sources the figures of the sentence after it (in the next segment).
pub fn find(context: &Context) -> (Vec<FigureMention>, Option<String>) {
    let mut mentions = Vec::new();
    // A data source named in the last sentence of a paragraph reaches the first sentence of the
    // next one: the sentences are adjacent. Sentences are counted over the whole segment, and
    // the segment before stands one sentence before the first.
    let mut ordinal = 1usize;
    let mut carried: Option<Carried> = context.figure_source_before.map(|name| Carried {
        name: name.to_string(),
        sentence: 0,
    });
    for (paragraph_index, paragraph) in context.paragraphs.iter().enumerate() {
        let paragraph_words = context.paragraph_words(paragraph_index);
        let mut figures = scan_numbers(context, paragraph, paragraph_words);
        figures.extend(scan_spelled(
            paragraph_words,
            context.masked,
            context.settings.figures_min_count,
        ));
        figures.extend(scan_claims(paragraph_words, context.masked));
        figures.sort_by_key(|figure| figure.range.start);
        figures.dedup_by(|later, earlier| later.range.start < earlier.range.end);
        let interiors = context.interiors(paragraph);
        // Only the last sentence of the paragraph before is adjacent to this one.
        carried = carried.filter(|source| source.sentence + 1 == ordinal);
        let mut named_earlier: Option<String> = None;
        let mut figures = figures.into_iter().peekable();
        let whole = [paragraph.range.clone()];
        let sentences: &[Range<usize>] = if paragraph.sentences.is_empty() {
            &whole
        } else {
            &paragraph.sentences
        };
        for sentence in sentences {
            let mut figures_here = 0;
            while let Some(figure) = figures.next_if(|figure| figure.range.start < sentence.end) {
                figures_here += 1;
                let source = source_of(context, sentence, &figure, &interiors).or_else(|| {
                    carried.as_ref().map(|source| {
                        let place = if source.sentence + 1 == ordinal {
                            "the sentence before"
                        } else {
                            "earlier in the paragraph"
                        };
                        format!("{}, {place}", source.name)
                    })
                });
                let nearby_source = named_earlier.clone().filter(|_| source.is_none());
                mentions.push(FigureMention {
                    span: figure.range,
                    understood: figure.understood,
                    vague: figure.vague,
                    source,
                    nearby_source,
                    sentence: sentence.clone(),
                });
            }
            // A data source named here carries on through the sentences of figures that
            // follow it; a sentence about something else, or a new speaker, ends it.
            let reach = window(
                context.masked,
                sentence.clone(),
                &(sentence.start..sentence.start),
                SENTENCE_SOURCE_REACH,
            );
            if let Some(name) = data_source_in(context, &reach, &interiors) {
                named_earlier = Some(name.clone());
                carried = Some(Carried {
                    name,
                    sentence: ordinal,
                });
            } else if carried.is_some() {
                let new_speaker = || {
                    super::attribution::find_cue(context.masked, reach.clone(), &interiors)
                        .is_some_and(|cue| cue.speaker.is_some())
                };
                if figures_here == 0 || new_speaker() {
                    carried = None;
                }
            }
            ordinal += 1;
        }
    }
    let at_end = carried
        .filter(|source| source.sentence + 1 == ordinal)
        .map(|source| source.name);
    (mentions, at_end)
}

/// A data source named in an earlier sentence that still sources the figures after it.
struct Carried {
    /// How the hover names it: "the Marist poll".
    name: String,
    /// The document-wide index of the sentence that names it.
    sentence: usize,
}

/// How much of a sentence, from its start, is searched for a data source it names.
const SENTENCE_SOURCE_REACH: usize = 600;
