//! Who said each quotation: the attribution search over the sentences around a speech
//! quotation (a cue in its own sentence, the sentence before or after it, a colon introduction,
//! a signature or speaker label, a named subject opening the sentence before), and the speaker
//! names that pronouns stand for.
//!
//! [`super::quotes`] finds and classifies the quotations; this module decides, for each speech
//! quotation, which cue attributes it, or records why every candidate was rejected so that the
//! hover can say so.

use std::ops::Range;

use super::attribution::{find_cue, find_cue_where, is_intention, Cue, Speaker};
use super::lexicon::{PRONOUN_SPEAKERS, TERM_INTRODUCERS};
use super::quotes::{Attribution, AttributionScope, ParagraphLayout, Quotation, QuoteKind};
use super::words::{floor_char_boundary, words, Word};

mod cues;
use cues::{
    beat_rejection, bracketed_source, colon_cue, dash_signature, describes_without_a_new_subject,
    name_line, named_subject_before, opening_subject, owned_speech_noun, signature_line,
    speaker_label, verb_right_before, VERB_REACH,
};

/// Finds, classifies and attributes the quotations of `paragraphs`. `last_named` is the last
/// speaker named before this text (a pronoun at its start stands for that person); the
/// returned name is the last one named by its end.
pub fn analyze(
    text: &str,
    paragraphs: &[super::prose::Paragraph],
    last_named: Option<String>,
) -> (Vec<ParagraphLayout>, Vec<Quotation>, Option<String>) {
    let (layouts, mut quotations) = super::quotes::scan(text, paragraphs);
    let mut cues = ParagraphCues::default();
    for index in 0..quotations.len() {
        if quotations[index].kind == QuoteKind::Speech && !quotations[index].nested {
            let paragraph = quotations[index].paragraph;
            if cues.paragraph != Some(paragraph) {
                cues = ParagraphCues::new(
                    paragraph,
                    &quotations[layouts[paragraph].quotations.clone()],
                );
            }
            let mut rejected = Vec::new();
            let attribution =
                attribute(text, &layouts, &quotations, index, &mut rejected, &mut cues);
            if attribution.is_none() {
                quotations[index].rejected = rejected;
            }
            quotations[index].attribution = attribution;
        }
    }
    let last_named = resolve_speakers(text, &mut quotations, last_named);
    // A nested quotation is reported speech within speech: whoever is quoted around it
    // reports it.
    for index in 0..quotations.len() {
        if !quotations[index].nested {
            continue;
        }
        let outer = quotations[..index].iter().rev().find(|outer| {
            !outer.nested
                && outer.span.start <= quotations[index].span.start
                && quotations[index].span.end <= outer.span.end
        });
        if let Some((attribution, speaker)) =
            outer.map(|outer| (outer.attribution.clone(), outer.speaker.clone()))
        {
            quotations[index].attribution = attribution;
            quotations[index].speaker = speaker;
        }
    }
    (layouts, quotations, last_named)
}

/// Fills in each attributed quotation's speaker name, resolving "he", "she" and "they" to the
/// last speaker named before them; returns the last speaker named.
pub(super) fn resolve_speakers(
    text: &str,
    quotations: &mut [Quotation],
    mut last_named: Option<String>,
) -> Option<String> {
    for quotation in quotations.iter_mut() {
        let Some(speaker) = quotation
            .attribution
            .as_ref()
            .and_then(|found| found.cue.speaker.as_ref())
        else {
            continue;
        };
        let name = speaker.name.trim().to_string();
        let is_pronoun = PRONOUN_SPEAKERS.contains(&name.to_ascii_lowercase().as_str());
        if is_pronoun {
            let named_before =
                named_before(text, speaker.range.start).or_else(|| last_named.clone());
            quotation.speaker = Some(match named_before {
                Some(person) => format!("{person} (“{name}”)"),
                None => name,
            });
        } else {
            quotation.speaker = Some(name.clone());
            if name.chars().next().is_some_and(char::is_uppercase) {
                last_named = Some(name);
            }
        }
    }
    last_named
}

/// The last run of two or more capitalised words in the 400 bytes before `offset`: the person a
/// pronoun most likely stands for.
fn named_before(text: &str, offset: usize) -> Option<String> {
    let start = floor_char_boundary(text, offset.saturating_sub(400));
    let before = words(text, start..offset);
    let mut best: Option<(usize, usize)> = None;
    let mut run_start: Option<usize> = None;
    for (index, word) in before.iter().enumerate() {
        let joined = index > 0
            && text[before[index - 1].range.end..word.range.start]
                .trim()
                .is_empty();
        if word.is_capitalised() && word.text.len() > 1 {
            if run_start.is_none() || !joined {
                run_start = Some(index);
            }
            if let Some(first) = run_start {
                if index > first {
                    best = Some((first, index));
                }
            }
        } else {
            run_start = None;
        }
    }
    let (first, last) = best?;
    // A pronoun stands for the person, not the possessive the name was written in ("Chauncey
    // Gardiner's circularity ... as they say" names Chauncey Gardiner).
    let end = before[last].range.start + before[last].without_possessive().len();
    Some(text[before[first].range.start..end].to_string())
}

/// The quotation interiors of one paragraph and the cues already found in its sentences.
/// Every quotation of a sentence looks for a cue in the same sentences, and each search skips
/// the interiors; without this, a paragraph of many short quotations would search its sentence
/// once per quotation, each time against every interior of the paragraph.
#[derive(Default)]
pub(super) struct ParagraphCues {
    pub(super) paragraph: Option<usize>,
    /// The interiors, sorted by start. Shared, so that an attribution search can read them
    /// while it also asks for cues.
    interiors: std::rc::Rc<[Range<usize>]>,
    /// The furthest end among the interiors up to each index, for finding by binary search the
    /// first interior that can reach a stretch of text.
    reach: std::rc::Rc<[usize]>,
    found: std::collections::HashMap<Range<usize>, Option<Cue>>,
}

impl ParagraphCues {
    pub(super) fn new(paragraph: usize, quotations: &[Quotation]) -> ParagraphCues {
        let mut interiors: Vec<Range<usize>> =
            quotations.iter().map(|other| other.inner.clone()).collect();
        interiors.sort_unstable_by_key(|interior| interior.start);
        let reach = interiors
            .iter()
            .scan(0, |furthest, interior| {
                *furthest = interior.end.max(*furthest);
                Some(*furthest)
            })
            .collect();
        ParagraphCues {
            paragraph: Some(paragraph),
            interiors: interiors.into(),
            reach,
            found: Default::default(),
        }
    }

    /// The interiors that may overlap `range` (and perhaps a few that do not).
    fn within(&self, range: &Range<usize>) -> &[Range<usize>] {
        interiors_within(&self.interiors, &self.reach, range)
    }

    /// The first cue in `text[range]` outside the quotations, found once per range.
    fn find(&mut self, text: &str, range: Range<usize>) -> Option<Cue> {
        if let Some(cue) = self.found.get(&range) {
            return cue.clone();
        }
        let cue = find_cue(text, range.clone(), self.within(&range));
        self.found.insert(range, cue.clone());
        cue
    }
}

/// The label of an interview's answer opening a line: "A." or "A:" and the space after it,
/// as question-and-answer pieces print them (AP Stylebook, "Q and A format"). Returns the
/// label's length in bytes, Markdown emphasis around it included.
pub(crate) fn answer_label(line: &str) -> Option<usize> {
    interview_label(line, 'A')
}

/// The label of an interview's question opening a line: "Q." or "Q:".
fn question_label(line: &str) -> Option<usize> {
    interview_label(line, 'Q')
}

fn interview_label(line: &str, letter: char) -> Option<usize> {
    let emphasis = |c: char| matches!(c, '*' | '_');
    let rest = line.trim_start_matches(emphasis);
    let rest = rest.strip_prefix(letter)?;
    let rest = rest.strip_prefix(['.', ':'])?;
    let rest = rest.trim_start_matches(emphasis);
    rest.starts_with(char::is_whitespace)
        .then(|| line.len() - rest.len())
}

/// The answer label of the paragraph holding `quotation`, when the quotation opens the answer
/// and the paragraph before it is the question (so that a paragraph that merely begins "A." is
/// not read as an interview).
fn interview_answer(
    text: &str,
    layouts: &[ParagraphLayout],
    quotation: &Quotation,
) -> Option<Range<usize>> {
    let layout = &layouts[quotation.paragraph];
    let paragraph = &text[layout.range.clone()];
    let indent = paragraph.len() - paragraph.trim_start().len();
    let label = answer_label(&paragraph[indent..])?;
    let start = layout.range.start + indent;
    let opens_answer = text[start + label..quotation.span.start].trim().is_empty();
    let question = quotation
        .paragraph
        .checked_sub(1)
        .map(|previous| text[layouts[previous].range.clone()].trim_start())
        .is_some_and(|previous| question_label(previous).is_some());
    (opens_answer && question).then(|| start..start + text[start..start + label].trim_end().len())
}

/// The interiors (sorted by start, with `reach` the furthest end up to each) that may overlap
/// `range`, found by binary search so that a paragraph of many quotations stays linear.
fn interiors_within<'a>(
    interiors: &'a [Range<usize>],
    reach: &[usize],
    range: &Range<usize>,
) -> &'a [Range<usize>] {
    let first = reach.partition_point(|&end| end <= range.start);
    let last = interiors.partition_point(|interior| interior.start < range.end);
    &interiors[first..last.max(first)]
}

pub(super) fn attribute(
    text: &str,
    layouts: &[ParagraphLayout],
    quotations: &[Quotation],
    index: usize,
    rejected: &mut Vec<String>,
    cues: &mut ParagraphCues,
) -> Option<Attribution> {
    let quotation = &quotations[index];
    let layout = &layouts[quotation.paragraph];
    let (all_interiors, reach) = (cues.interiors.clone(), cues.reach.clone());
    let interiors_in = |range: &Range<usize>| interiors_within(&all_interiors, &reach, range);
    // The sentences are in order: the last one starting at or before the quotation holds it.
    let sentence_index = layout
        .sentences
        .partition_point(|sentence| sentence.start <= quotation.span.start)
        .checked_sub(1)
        .filter(|&candidate| {
            let sentence = &layout.sentences[candidate];
            quotation.span.start < sentence.end.max(sentence.start + 1)
        })
        .unwrap_or(0);
    let mut found = |range: Range<usize>, scope| {
        cues.find(text, range).map(|cue| Attribution {
            cue,
            scope,
            paragraphs_back: 0,
        })
    };
    // A block quotation signed on its last line: `"... for her here.\\nS.C. Rep. Jim Clyburn."`.
    if let Some(speaker) = signature_line(text, &quotation.inner) {
        return Some(Attribution::named(speaker, AttributionScope::SameSentence));
    }
    // A transcript line names its speaker inside the quotation: "RAMOS: Secretary ..." .
    if let Some(label) = speaker_label(text, &quotation.inner) {
        return Some(Attribution {
            cue: Cue {
                range: label.clone(),
                text: text[label.clone()].to_string(),
                speaker: Some(Speaker {
                    name: text[label.start..label.end - 1].to_string(),
                    range: label.start..label.end - 1,
                }),
            },
            scope: AttributionScope::SameSentence,
            paragraphs_back: 0,
        });
    }
    // A reporting verb right before the quotation introduces it, whatever its form: "was
    // prompted to say, ''...''", "sings, ''...''".
    if let Some(cue) = verb_right_before(text, layout.range.start, quotation.span.start) {
        return Some(Attribution {
            cue,
            scope: AttributionScope::SameSentence,
            paragraphs_back: 0,
        });
    }
    // A name after a dash signs the quotation, as in vox pops and pull quotes: `"..." ― Ana Ruiz`,
    // on the same line or opening the next paragraph.
    let signed_below = || {
        let next = layouts.get(quotation.paragraph + 1)?;
        let ends_paragraph = text[quotation.span.end..layout.range.end].trim().is_empty();
        ends_paragraph
            .then(|| dash_signature(text, next.range.start, next.range.end))
            .flatten()
    };
    // A list item "- Sanders." under a quotation reaches us as a paragraph holding only the
    // name (the list marker is markup): it signs the quotation the same way.
    let name_below = || {
        let next = layouts.get(quotation.paragraph + 1)?;
        let ends_paragraph = text[quotation.span.end..layout.range.end].trim().is_empty();
        ends_paragraph
            .then(|| name_line(text, next.range.clone()))
            .flatten()
    };
    if let Some(speaker) = dash_signature(text, quotation.span.end, layout.range.end)
        .or_else(|| bracketed_source(text, quotation.span.end, layout.range.end))
        .or_else(signed_below)
        .or_else(name_below)
    {
        return Some(Attribution::named(speaker, AttributionScope::SameSentence));
    }
    // An interview's answer: `A. "..."` under a `Q.` paragraph is the interviewee's, named where
    // the interview is introduced.
    if let Some(label) = interview_answer(text, layouts, quotation) {
        return Some(Attribution {
            cue: Cue {
                text: format!(
                    "the answer label “{}” of a question-and-answer interview",
                    &text[label.clone()]
                ),
                range: label,
                speaker: None,
            },
            scope: AttributionScope::SameSentence,
            paragraphs_back: 0,
        });
    }
    // A colon right before the quotation introduces it: `Smith said:` or `In a statement:`; the
    // speaker is whoever the clause before the colon names.
    let before = text[layout.range.start..quotation.span.start].trim_end();
    if let Some(colon_at) = before
        .strip_suffix(':')
        .map(|rest| layout.range.start + rest.len())
    {
        return Some(Attribution {
            cue: colon_cue(
                text,
                layout,
                quotation,
                colon_at,
                cues.within(&(layout.range.start..colon_at)),
            ),
            scope: AttributionScope::SameSentence,
            paragraphs_back: 0,
        });
    }
    if let Some(sentence) = layout.sentences.get(sentence_index) {
        if let Some(attribution) = found(sentence.clone(), AttributionScope::SameSentence) {
            return Some(attribution);
        }
    }
    // A cue in the sentence before counts unless it only names a term quoted right after it
    // ("what it termed the \"Legion\"" introduces the term, not the next quotation).
    let introduces_a_term = |cue: &Cue| {
        let naming_verb = TERM_INTRODUCERS.contains(&cue.text.to_ascii_lowercase().as_str());
        naming_verb
            && quotations[layout.quotations.clone()].iter().any(|other| {
                other.kind != QuoteKind::Speech
                    && other.span.start >= cue.range.end
                    && text[cue.range.end..other.span.start]
                        .split_whitespace()
                        .count()
                        <= 2
            })
    };
    let speech_cue_in = |range: Range<usize>| {
        find_cue_where(text, range.clone(), interiors_in(&range), |cue| {
            !is_intention(cue) && !introduces_a_term(cue)
        })
    };
    if sentence_index > 0 {
        let previous = layout.sentences[sentence_index - 1].clone();
        if let Some(cue) = find_cue_where(text, previous.clone(), interiors_in(&previous), |cue| {
            !is_intention(cue) && introduces_a_term(cue)
        }) {
            rejected.push(format!(
                "'{}' in the sentence before names the term quoted after it, not this quotation",
                cue.text
            ));
        }
        if let Some(cue) = speech_cue_in(previous) {
            return Some(Attribution {
                cue,
                scope: AttributionScope::PreviousSentence,
                paragraphs_back: 0,
            });
        }
    }
    // "He then had a question for the crowd. “Who will pay for it?”": a noun of speech that
    // someone owns or delivers in the sentence before introduces the quotation.
    if sentence_index > 0 {
        let previous = layout.sentences[sentence_index - 1].clone();
        // The end of the sentence before is what introduces the quotation; reading only its
        // last stretch keeps a sentence of many quotations linear.
        let tail_start = floor_char_boundary(
            text,
            previous.start.max(previous.end.saturating_sub(VERB_REACH)),
        );
        let tail_interiors = interiors_in(&(tail_start..previous.end));
        let previous_words: Vec<Word> = words(text, tail_start..previous.end)
            .into_iter()
            .filter(|word| {
                !tail_interiors
                    .iter()
                    .any(|skip| skip.start <= word.range.start && word.range.end <= skip.end)
            })
            .collect();
        if let Some(noun) = owned_speech_noun(&previous_words) {
            return Some(Attribution {
                cue: Cue {
                    range: noun.range.clone(),
                    text: noun.text.to_string(),
                    speaker: None,
                },
                scope: AttributionScope::PreviousSentence,
                paragraphs_back: 0,
            });
        }
    }
    // The sentence after attributes the quotation only when it points back at it ("That was
    // how Smith put it.") or is a bare tag with nothing of its own to report ("Smith said on
    // Monday."); "Smith stated on Sunday that ..." reports another statement.
    if let Some(next) = layout.sentences.get(sentence_index + 1) {
        // "Those were the words of the harbour master.", "That quote from Mayor Reyes ...":
        // the sentence points back with a noun, not a verb.
        let next_starts_right_after = text[quotation.span.end..next.start].trim().is_empty();
        if next_starts_right_after && super::clauses::points_back(text, next.clone()) {
            let pointer = text[next.clone()].trim_end();
            let cue = speech_cue_in(next.clone()).unwrap_or_else(|| Cue {
                range: next.start..next.start + pointer.len(),
                text: pointer.to_string(),
                speaker: None,
            });
            return Some(Attribution {
                cue,
                scope: AttributionScope::NextSentence,
                paragraphs_back: 0,
            });
        }
        if let Some(cue) = speech_cue_in(next.clone()) {
            let bare_tag = super::clauses::governed_by(text, cue.range.end, next.end)
                == super::clauses::Governs::Nothing;
            // `"Can we win?" Ortiz asked, turning to the crowd.`: a question or exclamation
            // ends the quotation, and the tag that opens the next sentence is still its own.
            let own_tag = text[quotation.inner.clone()]
                .trim_end()
                .trim_end_matches(['\'', '’', '"', '”'])
                .ends_with(['?', '!'])
                && text[quotation.span.end..next.start]
                    .trim_matches(|c: char| c.is_whitespace() || matches!(c, '\'' | '’'))
                    .is_empty()
                && words(text, next.start..cue.range.start).len() <= 3;
            if bare_tag || own_tag || super::clauses::points_back(text, next.clone()) {
                return Some(Attribution {
                    cue,
                    scope: AttributionScope::NextSentence,
                    paragraphs_back: 0,
                });
            }
            rejected.push(format!(
                "'{}' in the sentence after reports a statement of its own and does not point back to this quotation",
                cue.text
            ));
        }
    }
    // "Betsy Ebeling shook her head. “Tom’s much better about it than I am.”": a sentence that
    // opens on a named person (or he or she) and then a quotation reads as that person speaking.
    if sentence_index > 0 {
        let previous_sentence = layout.sentences[sentence_index - 1].clone();
        if let Some(speaker) = opening_subject(
            text,
            previous_sentence.clone(),
            interiors_in(&previous_sentence),
        ) {
            return Some(Attribution::named(
                speaker,
                AttributionScope::PreviousSentence,
            ));
        }
        rejected.extend(beat_rejection(text, previous_sentence));
    }
    // "..., she says. It surprised everyone. “Quote.”": a cue two sentences back, with one
    // short descriptive sentence between that names nobody new and reports nothing.
    if sentence_index > 1 {
        let between = layout.sentences[sentence_index - 1].clone();
        if describes_without_a_new_subject(text, between.clone(), interiors_in(&between)) {
            if let Some(cue) = speech_cue_in(layout.sentences[sentence_index - 2].clone()) {
                return Some(Attribution {
                    cue,
                    scope: AttributionScope::TwoSentencesBack,
                    paragraphs_back: 0,
                });
            }
        }
    }
    // "his warning that Britain would go to the “back of the queue”", "Barrett's dictum to
    // his interns was, “...”": a noun of speech with an owner earlier in the quotation's own
    // sentence attributes it.
    // Only the stretch just before the quotation is read (as for the verb right before it), so
    // that a sentence of many quotations stays linear.
    let near_start = |sentence_start: usize| {
        floor_char_boundary(
            text,
            sentence_start.max(quotation.span.start.saturating_sub(VERB_REACH)),
        )
    };
    if let Some(sentence) = layout.sentences.get(sentence_index) {
        let before_range = near_start(sentence.start)..quotation.span.start;
        let before_interiors = interiors_in(&before_range);
        let before_quotation: Vec<Word> = words(text, before_range)
            .into_iter()
            .filter(|word| {
                !before_interiors
                    .iter()
                    .any(|skip| skip.start <= word.range.start && word.range.end <= skip.end)
            })
            .collect();
        if let Some(noun) = owned_speech_noun(&before_quotation) {
            return Some(Attribution {
                cue: Cue {
                    range: noun.range.clone(),
                    text: noun.text.to_string(),
                    speaker: None,
                },
                scope: AttributionScope::SameSentence,
                paragraphs_back: 0,
            });
        }
    }
    // A partial quotation ("called the system “rotten to the core”") is part of the writer's
    // sentence about someone: any cue in its paragraph, or at the end of the one before, counts.
    let partial = text[quotation.inner.clone()].starts_with(|c: char| c.is_lowercase());
    if partial {
        if let Some(attribution) = found(layout.range.clone(), AttributionScope::SameParagraph) {
            return Some(attribution);
        }
        // "the FBI lists “public corruption as its top priority”": a fragment woven into a
        // sentence about a named subject is that subject's wording.
        if let Some(sentence) = layout.sentences.get(sentence_index) {
            if let Some(speaker) =
                named_subject_before(text, near_start(sentence.start)..quotation.span.start)
            {
                return Some(Attribution::named(speaker, AttributionScope::SameSentence));
            }
        }
    }
    if quotation.paragraph == 0 {
        return None;
    }
    let previous_layout = &layouts[quotation.paragraph - 1];
    let previous_quotations = &quotations[previous_layout.quotations.clone()];
    // A quotation that opens a paragraph and continues one left open in the previous paragraph
    // shares its attribution (newsroom convention for multi-paragraph quotes).
    let opens_paragraph = text[layout.range.start..quotation.span.start]
        .trim()
        .is_empty();
    if opens_paragraph {
        if let Some(open) = previous_quotations
            .last()
            .filter(|previous| !previous.closed)
        {
            if let Some(attribution) = &open.attribution {
                return Some(Attribution {
                    cue: attribution.cue.clone(),
                    scope: AttributionScope::ContinuedQuotation,
                    paragraphs_back: attribution.paragraphs_back + 1,
                });
            }
        }
    }
    // A paragraph that is only quotation carries the attribution of the end of the previous one.
    let only_quotation = {
        let mut outside = String::new();
        let mut cursor = layout.range.start;
        for other in &quotations[layout.quotations.clone()] {
            outside.push_str(&text[cursor..other.span.start.max(cursor)]);
            cursor = other.span.end.max(cursor);
        }
        outside.push_str(&text[cursor.min(layout.range.end)..layout.range.end]);
        words(&outside, 0..outside.len()).is_empty()
    };
    if only_quotation {
        // A previous paragraph ending in a colon introduces this one ("Cruz continued:").
        let previous_text = text[previous_layout.range.clone()].trim_end();
        if previous_text.ends_with(':') {
            let colon_at = previous_layout.range.start + previous_text.len() - 1;
            return Some(Attribution {
                cue: colon_cue(text, previous_layout, quotation, colon_at, &[]),
                scope: AttributionScope::PreviousParagraph,
                paragraphs_back: 1,
            });
        }
        // The previous paragraph may itself end with an attributed quotation.
        if let Some(previous) = previous_quotations.last() {
            let ends_previous = text[previous.span.end..previous_layout.range.end]
                .trim()
                .is_empty();
            if let (true, Some(attribution)) = (ends_previous, &previous.attribution) {
                return Some(Attribution {
                    cue: attribution.cue.clone(),
                    scope: AttributionScope::PreviousParagraph,
                    paragraphs_back: attribution.paragraphs_back + 1,
                });
            }
        }
        if let Some(last_sentence) = previous_layout.sentences.last() {
            let previous_interiors: Vec<Range<usize>> = previous_quotations
                .iter()
                .map(|other| other.inner.clone())
                .collect();
            if let Some(cue) = find_cue(text, last_sentence.clone(), &previous_interiors) {
                return Some(Attribution {
                    cue,
                    scope: AttributionScope::PreviousParagraph,
                    paragraphs_back: 1,
                });
            }
        }
    }
    None
}
