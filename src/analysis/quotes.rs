//! Quotations: where they are, what kind they are, and who said them.
//!
//! This is shared knowledge, not a rule: the quote rule reports unattributed speech, the figure
//! rule treats a figure inside an attributed quotation as sourced, and the date rule never
//! rewrites a date inside a quotation.

use std::ops::Range;

use super::attribution::{find_cue, find_cue_where, is_intention, Cue, Speaker};
use super::lexicon::{NAME_PARTICLES, PRONOUN_SPEAKERS, SPEECH_NOUNS, TERM_INTRODUCERS};
use super::words::{floor_char_boundary, words, Word};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteKind {
    /// A direct quotation of what someone said or wrote.
    Speech,
    /// Scare quotes or a coined name: `the "International Legion"`.
    Term,
    /// A work, headline or slogan in title case.
    Title,
}

impl QuoteKind {
    /// The kind with what made it so, for hovers.
    pub fn describe(self) -> &'static str {
        match self {
            QuoteKind::Speech => "speech, a direct quotation",
            QuoteKind::Term => "a term or scare quotes, not speech",
            QuoteKind::Title => "a title, name or slogan, not speech",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Speech => "speech",
            QuoteKind::Term => "term",
            QuoteKind::Title => "title",
        }
    }
}

/// Where the attribution of a quotation was found, nearest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttributionScope {
    SameSentence,
    PreviousSentence,
    NextSentence,
    /// Two sentences back, with one descriptive sentence between.
    TwoSentencesBack,
    /// A partial quotation whose paragraph names its source.
    SameParagraph,
    /// The quotation is a paragraph of its own and the previous paragraph names the speaker.
    PreviousParagraph,
    /// The quotation continues one opened in an earlier paragraph.
    ContinuedQuotation,
}

impl AttributionScope {
    pub fn describe(self) -> &'static str {
        match self {
            AttributionScope::SameSentence => "in the same sentence",
            AttributionScope::PreviousSentence => "in the sentence before",
            AttributionScope::NextSentence => "in the sentence after",
            AttributionScope::TwoSentencesBack => "2 sentences back",
            AttributionScope::SameParagraph => "in the same paragraph",
            AttributionScope::PreviousParagraph => "at the end of the previous paragraph",
            AttributionScope::ContinuedQuotation => "where the quotation began",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    pub cue: Cue,
    pub scope: AttributionScope,
    /// How many paragraphs before the quotation the cue stands (0: in its own paragraph).
    pub paragraphs_back: usize,
}

impl Attribution {
    /// An attribution by a name alone, with no reporting verb: a signature, a dash or an action
    /// beat ("Betsy Ebeling shook her head.").
    fn named(speaker: Speaker, scope: AttributionScope) -> Attribution {
        Attribution {
            cue: Cue {
                range: speaker.range.clone(),
                text: speaker.name.clone(),
                speaker: Some(speaker),
            },
            scope,
            paragraphs_back: 0,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quotation {
    /// The quotation including its marks.
    pub span: Range<usize>,
    /// The quoted words without the marks.
    pub inner: Range<usize>,
    pub paragraph: usize,
    /// False when the paragraph ends before a closing mark (a quotation that goes on in the next
    /// paragraph, or a missing mark).
    pub closed: bool,
    pub kind: QuoteKind,
    pub words: usize,
    pub attribution: Option<Attribution>,
    /// True when the next paragraph opens with a quotation mark and so continues this one.
    pub continued: bool,
    /// A quotation inside another (single marks inside double ones): it shares the outer
    /// quotation's attribution and is never reported on its own.
    pub nested: bool,
    /// The speaker's name with a pronoun resolved to the last person named before it
    /// ("she" after "Mira Osei said ..." is Mira Osei).
    pub speaker: Option<String>,
    /// Candidates for an attribution that were looked at and turned down, each with why
    /// ("'decided' is not a speech verb"), for the hover of an unattributed quotation.
    pub rejected: Vec<String>,
}

impl Quotation {
    /// A quotation left open at the end of its paragraph that the next paragraph does not
    /// continue: a missing closing mark.
    pub fn is_unclosed(&self) -> bool {
        !self.closed && !self.continued
    }

    /// What a reader learns about the quotation, as short lines for hovers and reports.
    pub fn describe(&self) -> Vec<String> {
        let mut lines = vec![format!(
            "Quotation: {} ({} words).",
            self.kind.describe(),
            self.words
        )];
        match (&self.attribution, self.kind) {
            (Some(attribution), _) => {
                let who = self
                    .speaker
                    .as_deref()
                    .map_or(String::new(), |name| format!("Said by {name} "));
                let cue = &attribution.cue.text;
                lines.push(format!(
                    "{who}({cue}), found {}.",
                    attribution.scope.describe()
                ));
                if attribution.paragraphs_back > 1 {
                    lines.push(format!(
                        "The attribution is {} paragraphs back.",
                        attribution.paragraphs_back
                    ));
                }
            }
            (None, QuoteKind::Speech) => {
                lines.push("No attribution found.".to_string());
                lines.extend(
                    self.rejected
                        .iter()
                        .map(|reason| format!("Looked at and rejected: {reason}.")),
                );
            }
            (None, _) => lines.push("Not speech, so it needs no attribution.".to_string()),
        }
        lines
    }
}

/// The sentences of one paragraph, computed once and shared by every rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParagraphLayout {
    pub range: Range<usize>,
    pub is_heading: bool,
    pub sentences: Vec<Range<usize>>,
    /// Indices into the quotation list of the quotations that open in this paragraph.
    pub quotations: Range<usize>,
    /// Closing marks (”, ») with no opening mark before them in the paragraph.
    pub stray_marks: Vec<Range<usize>>,
}

/// The double quotation marks of news copy, as written: straight and curly marks, low-9 and
/// guillemets, and the typewriter conventions of wire archives (TeX-style ``...'' and doubled
/// apostrophes ''...''; doubled curly singles ‘‘...’’).
const MARKS: &[&str] = &["``", "''", "‘‘", "’’", "\"", "“", "”", "„", "«", "»"];

/// The marks that may close a quotation opened by `opening`.
fn closing_marks(opening: &str) -> &'static [&'static str] {
    match opening {
        "\"" => &["\""],
        "“" => &["”", "\""],
        "„" => &["“", "”"],
        "«" => &["»"],
        "``" | "''" => &["''", "\"", "”"],
        "‘‘" => &["’’", "”"],
        _ => &[],
    }
}

/// Scans one paragraph of masked prose for quotations. Returns (span, inner, closed).
/// Quotations found in a paragraph: (span with marks, interior, closed).
type ScannedQuotation = (Range<usize>, Range<usize>, bool);

fn scan_paragraph(text: &str, range: Range<usize>) -> (Vec<ScannedQuotation>, Vec<Range<usize>>) {
    let mut found = Vec::new();
    let mut stray = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    let slice = &text[range.clone()];
    let mut relative = 0;
    while relative < slice.len() {
        let rest = &slice[relative..];
        let Some(mark) = MARKS.iter().copied().find(|mark| rest.starts_with(mark)) else {
            relative += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let index = range.start + relative;
        match open {
            Some((start, opening)) => {
                if closing_marks(opening).contains(&mark) {
                    let end = index + mark.len();
                    found.push((start..end, start + opening.len()..index, true));
                    open = None;
                }
            }
            None => {
                let previous = slice[..relative].chars().next_back();
                let next = rest[mark.len()..].chars().next();
                // A straight mark after a digit is an inch mark (6'2"); a mark followed by a
                // space or the end cannot open a quotation.
                let is_inch_mark = mark == "\"" && previous.is_some_and(|c| c.is_ascii_digit());
                let opens_something = next.is_some_and(|next| !next.is_whitespace());
                if !closing_marks(mark).is_empty() && !is_inch_mark && opens_something {
                    open = Some((index, mark));
                } else if matches!(mark, "”" | "»") {
                    stray.push(index..index + mark.len());
                }
            }
        }
        relative += mark.len();
    }
    if let Some((start, opening)) = open {
        let end = range.start + slice.trim_end().len();
        found.push((start..end, (start + opening.len()).min(end)..end, false));
    }
    (found, stray)
}

fn classify(
    text: &str,
    span: &Range<usize>,
    inner: &Range<usize>,
    paragraph_start: usize,
) -> (QuoteKind, usize) {
    let inner_words = words(text, inner.clone());
    let count = inner_words.len();
    let before = words(
        text,
        floor_char_boundary(text, paragraph_start.max(span.start.saturating_sub(40)))..span.start,
    );
    let introduced_as_term = before
        .iter()
        .rev()
        .take(2)
        .any(|word| word.is_any(TERM_INTRODUCERS));
    let title_case = count >= 2
        && inner_words.iter().all(|word| {
            word.is_capitalised()
                || word.text.chars().next().is_some_and(|c| c.is_ascii_digit())
                || word.is_any(&[
                    "a", "an", "the", "of", "and", "or", "in", "on", "for", "to", "at", "by",
                    "with", "from", "is",
                ])
        })
        && !text[inner.clone()]
            .trim_end_matches([',', '.', '!', '?'])
            .contains(['.', '!', '?', ',']);
    let kind = if count < 4 || introduced_as_term {
        if title_case {
            QuoteKind::Title
        } else {
            QuoteKind::Term
        }
    } else if title_case {
        QuoteKind::Title
    } else {
        QuoteKind::Speech
    };
    (kind, count)
}

/// Finds every quotation of the document, lays out each paragraph's sentences around them, and
/// attributes each speech quotation.
/// Finds, classifies and attributes the quotations of `paragraphs`. `last_named` is the last
/// speaker named before this text (a pronoun at its start stands for that person); the
/// returned name is the last one named by its end.
pub fn analyse(
    text: &str,
    paragraphs: &[super::prose::Paragraph],
    last_named: Option<String>,
) -> (Vec<ParagraphLayout>, Vec<Quotation>, Option<String>) {
    let mut layouts = Vec::with_capacity(paragraphs.len());
    let mut quotations: Vec<Quotation> = Vec::new();
    for (paragraph_index, paragraph) in paragraphs.iter().enumerate() {
        let first = quotations.len();
        let (raw, stray_marks) = scan_paragraph(text, paragraph.range.clone());
        let interiors: Vec<Range<usize>> = raw.iter().map(|(_, inner, _)| inner.clone()).collect();
        let sentences = super::sentences::split(text, paragraph.range.clone(), &interiors);
        let mut found = Vec::new();
        for (span, inner, closed) in raw {
            let nested_quotations = if closed {
                nested_in(text, &inner)
            } else {
                Vec::new()
            };
            for (nested_span, nested_inner) in nested_quotations {
                let (kind, count) =
                    classify(text, &nested_span, &nested_inner, paragraph.range.start);
                found.push(Quotation {
                    span: nested_span,
                    inner: nested_inner,
                    paragraph: paragraph_index,
                    closed: true,
                    kind,
                    words: count,
                    attribution: None,
                    continued: false,
                    nested: true,
                    speaker: None,
                    rejected: Vec::new(),
                });
            }
            let (kind, count) = classify(text, &span, &inner, paragraph.range.start);
            found.push(Quotation {
                span,
                inner,
                paragraph: paragraph_index,
                closed,
                kind,
                words: count,
                attribution: None,
                continued: false,
                nested: false,
                speaker: None,
                rejected: Vec::new(),
            });
        }
        found.sort_by_key(|quotation| quotation.span.start);
        quotations.extend(found);
        layouts.push(ParagraphLayout {
            range: paragraph.range.clone(),
            is_heading: paragraph.is_heading,
            sentences,
            quotations: first..quotations.len(),
            stray_marks,
        });
    }
    // A quotation left open continues when the next paragraph opens with a quotation mark.
    for pair in layouts.windows(2) {
        let (this, next) = (&pair[0], &pair[1]);
        let next_opens_with_quotation = quotations[next.quotations.clone()]
            .first()
            .is_some_and(|first| text[next.range.start..first.span.start].trim().is_empty());
        if let (Some(last), true) = (this.quotations.clone().last(), next_opens_with_quotation) {
            if !quotations[last].closed {
                quotations[last].continued = true;
            }
        }
    }
    // "We tried," she said, "but failed.": a short piece of a quotation split by its
    // attribution is speech, not a term.
    let split_halves: Vec<usize> = quotations
        .iter()
        .enumerate()
        .filter(|(_, quotation)| {
            quotation.kind == QuoteKind::Term && is_split_speech(text, &layouts, quotation)
        })
        .map(|(index, _)| index)
        .collect();
    for index in split_halves {
        quotations[index].kind = QuoteKind::Speech;
    }
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

/// Single-quoted stretches inside a double quotation's interior: `'we are done'`, `‘enough’`.
/// An apostrophe between letters ("don't"), before a digit ("the '90s") or after a plural
/// ("Reuters'") opens nothing.
fn nested_in(text: &str, inner: &Range<usize>) -> Vec<(Range<usize>, Range<usize>)> {
    let interior = &text[inner.clone()];
    let mut found = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (offset, character) in interior.char_indices() {
        if !matches!(character, '\'' | '‘' | '’') {
            continue;
        }
        let before = interior[..offset].chars().next_back();
        let after = interior[offset + character.len_utf8()..].chars().next();
        let opens = character != '’'
            && before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '—' | '"' | '“'))
            && after.is_some_and(char::is_alphabetic);
        let closes = character != '‘'
            && before.is_some_and(|c| !c.is_whitespace())
            && after.is_none_or(|c| !c.is_alphanumeric());
        match open {
            None if opens => open = Some((offset, character.len_utf8())),
            Some((start, opening_length)) if closes => {
                let end = offset + character.len_utf8();
                found.push((
                    inner.start + start..inner.start + end,
                    inner.start + start + opening_length..inner.start + offset,
                ));
                open = None;
            }
            _ => {}
        }
    }
    found
}

/// Whether a short quotation ends with sentence punctuation and is followed at once by an
/// attribution and another quotation, as the halves of a split quotation are.
fn is_split_speech(text: &str, layouts: &[ParagraphLayout], quotation: &Quotation) -> bool {
    let interior = text[quotation.inner.clone()].trim_end();
    if !interior.ends_with([',', '.', '?', '!']) || !quotation.closed {
        return false;
    }
    let paragraph_end = layouts[quotation.paragraph].range.end;
    let after = &text[quotation.span.end..paragraph_end];
    let reopens = after
        .char_indices()
        .take_while(|(offset, _)| *offset < 60)
        .find(|(_, c)| matches!(c, '"' | '“' | '«' | '„'))
        .map(|(offset, _)| quotation.span.end + offset);
    let Some(reopen) = reopens else {
        return false;
    };
    find_cue(text, quotation.span.end..reopen, &[]).is_some()
}

/// Fills in each attributed quotation's speaker name, resolving "he", "she" and "they" to the
/// last speaker named before them; returns the last speaker named.
fn resolve_speakers(
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
    Some(text[before[first].range.start..before[last].range.end].to_string())
}

/// The quotation interiors of one paragraph and the cues already found in its sentences.
/// Every quotation of a sentence looks for a cue in the same sentences, and each search skips
/// the interiors; without this, a paragraph of many short quotations would search its sentence
/// once per quotation, each time against every interior of the paragraph.
#[derive(Default)]
struct ParagraphCues {
    paragraph: Option<usize>,
    /// The interiors, sorted by start. Shared, so that an attribution search can read them
    /// while it also asks for cues.
    interiors: std::rc::Rc<[Range<usize>]>,
    /// The furthest end among the interiors up to each index, for finding by binary search the
    /// first interior that can reach a stretch of text.
    reach: std::rc::Rc<[usize]>,
    found: std::collections::HashMap<Range<usize>, Option<Cue>>,
}

impl ParagraphCues {
    fn new(paragraph: usize, quotations: &[Quotation]) -> ParagraphCues {
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

fn attribute(
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
        .or_else(signed_below)
        .or_else(name_below)
    {
        return Some(Attribution::named(speaker, AttributionScope::SameSentence));
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

/// The cue for a colon introduction: the reporting verb of the clause before the colon when
/// there is one (it names the speaker), else the colon itself.
fn colon_cue(
    text: &str,
    layout: &ParagraphLayout,
    quotation: &Quotation,
    colon_at: usize,
    interiors: &[Range<usize>],
) -> Cue {
    let clause_start = layout
        .sentences
        .iter()
        .rev()
        .find(|sentence| sentence.start <= colon_at)
        .map_or(layout.range.start, |sentence| sentence.start);
    find_cue(text, clause_start..colon_at, interiors).unwrap_or_else(|| Cue {
        range: colon_at..colon_at + 1,
        text: ":".to_string(),
        speaker: super::attribution::speaker_before_offset(text, clause_start..colon_at)
            .filter(|_| colon_at < quotation.span.start),
    })
}

/// How far before a quotation the verb introducing it, and the speaker before that verb, are
/// looked for.
const VERB_REACH: usize = 300;

/// The reporting verb (or "words", as in "in Forbes' words") that ends the text before a
/// quotation, with at most a comma, colon or dash between them.
fn verb_right_before(text: &str, paragraph_start: usize, quotation_start: usize) -> Option<Cue> {
    // Only the words just before the quotation matter; reading from the paragraph's start
    // would make a paragraph of many quotations quadratic.
    let paragraph_start = floor_char_boundary(
        text,
        paragraph_start.max(quotation_start.saturating_sub(VERB_REACH)),
    );
    let before = text[paragraph_start..quotation_start].trim_end();
    let stripped = before.trim_end_matches([',', ':', '—', '–']).trim_end();
    let preceding = words(text, paragraph_start..paragraph_start + stripped.len());
    let last = preceding.last()?;
    if last.range.end != paragraph_start + stripped.len() {
        return None;
    }
    let is_cue = super::lexicon::is_reporting_verb(last.text) || last.is("words");
    if !is_cue {
        return speech_noun_before(&preceding);
    }
    is_cue.then(|| Cue {
        range: last.range.clone(),
        text: last.text.to_string(),
        speaker: super::attribution::speaker_before_offset(text, paragraph_start..last.range.start),
    })
}

/// A noun of speech that owns the quotation right after it: `her remark that "..."`, `Her
/// answer was that "..."`, `comments from the senator that "..."`, `issued a statement, "..."`.
/// The noun needs an owner (a possessive, "from"/"by" someone) or a verb that issues it.
fn speech_noun_before(preceding: &[Word]) -> Option<Cue> {
    let mut index = preceding.len();
    // Link words between the noun and the quotation.
    while index > 0 && preceding[index - 1].is_any(&["that", "was", "is", "were", "then", "as"]) {
        index -= 1;
    }
    // An owner after the noun: "comments from the senator", "a statement by Reyes".
    let mut owner_after = false;
    for back in 1..=5 {
        let Some(position) = index.checked_sub(back) else {
            break;
        };
        if preceding[position].is_any(&["from", "by", "of"])
            && position > 0
            && SPEECH_NOUNS.contains(&preceding[position - 1].text.to_ascii_lowercase().as_str())
        {
            index = position;
            owner_after = true;
            break;
        }
    }
    let noun = preceding.get(index.checked_sub(1)?)?;
    if !SPEECH_NOUNS.contains(&noun.text.to_ascii_lowercase().as_str()) {
        return None;
    }
    let noun_index = index - 1;
    let owned = (noun_index.saturating_sub(3)..noun_index).any(|position| {
        let word = &preceding[position];
        word.is_any(&["his", "her", "their", "its", "our", "my"])
            || word.text.ends_with("'s")
            || word.text.ends_with("’s")
            || word.is_any(&[
                "issued",
                "released",
                "made",
                "gave",
                "posted",
                "sent",
                "offered",
                "delivered",
                "had",
            ])
    });
    (owned || owner_after).then(|| Cue {
        range: noun.range.clone(),
        text: noun.text.to_string(),
        speaker: None,
    })
}

/// The first noun of speech with an owner among `before`: a possessive or "his"/"her" just
/// before it ("his warning", "Barrett's dictum"), or "by"/"from" and a name after it ("a
/// statement by Reyes").
fn owned_speech_noun<'a>(before: &'a [Word<'a>]) -> Option<&'a Word<'a>> {
    before.iter().enumerate().find_map(|(index, word)| {
        if !SPEECH_NOUNS.contains(&word.text.to_ascii_lowercase().as_str()) || word.is("post") {
            return None;
        }
        let possessed = before[index.saturating_sub(2)..index].iter().any(|owner| {
            owner.is_any(&["his", "her", "their", "its"])
                || ((owner.text.ends_with("'s") || owner.text.ends_with("’s"))
                    && owner.is_capitalised())
        });
        // "issued a statement", "had a question for the crowd": a verb that delivers it.
        let delivered = before[index.saturating_sub(3)..index].iter().any(|verb| {
            verb.is_any(&[
                "issued",
                "released",
                "made",
                "gave",
                "posed",
                "offered",
                "delivered",
                "had",
            ])
        });
        // "In an August speech, Trump attacked ...": the medium of the sentence's speaker.
        let medium = index >= 2
            && before[index.saturating_sub(3)..index - 1]
                .iter()
                .any(|word| word.is("in"))
            && !word.is_any(&["response", "answer", "question", "reply"]);
        let by_someone = before
            .get(index + 1)
            .is_some_and(|after| after.is_any(&["by", "from"]))
            && before[(index + 2).min(before.len())..(index + 4).min(before.len())]
                .iter()
                .any(|name| name.is_capitalised() || name.is_any(&["the", "a"]));
        (possessed || delivered || medium || by_someone).then_some(word)
    })
}

/// The first name in `text[range]` that is not merely the capital of the sentence's first word:
/// "the FBI", "Trump, who", "Senator Bernie Sanders". A lone capitalised first word ("The",
/// "Under") names nobody.
fn named_subject_before(text: &str, range: Range<usize>) -> Option<Speaker> {
    let before = words(text, range);
    let mut index = before.iter().enumerate().position(|(position, word)| {
        word.is_capitalised()
            && word.text.len() > 1
            && !word.is("I")
            && (position > 0 || before.get(1).is_some_and(|second| second.is_capitalised()))
    })?;
    let start = before[index].range.start;
    while before.get(index + 1).is_some_and(|next| {
        next.is_capitalised()
            && text[before[index].range.end..next.range.start]
                .trim()
                .is_empty()
    }) {
        index += 1;
    }
    let end = before[index].range.end;
    Some(Speaker {
        range: start..end,
        name: text[start..end].to_string(),
    })
}

/// A capitalised name after a dash right after a quotation: `"..." ― Ana Ruiz`.
fn dash_signature(text: &str, quotation_end: usize, paragraph_end: usize) -> Option<Speaker> {
    let after = &text[quotation_end..paragraph_end];
    let rest = after.trim_start();
    // An em dash, a horizontal bar, an en dash, or a hyphen standing for one ("- Clinton").
    let dash = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '―' | '—' | '–') || (*c == '-' && rest[1..].starts_with(' ')))?;
    let name_start = quotation_end + (after.len() - rest.len()) + dash.len_utf8();
    let window_end = floor_char_boundary(text, paragraph_end.min(name_start + 80));
    let following = words(text, name_start..window_end);
    let name: Vec<_> = following
        .iter()
        .take_while(|word| word.is_capitalised())
        .take(4)
        .collect();
    let (first, last) = (name.first()?, name.last()?);
    if !text[name_start..first.range.start].trim().is_empty() {
        return None;
    }
    Some(Speaker {
        range: first.range.start..last.range.end,
        name: text[first.range.start..last.range.end].to_string(),
    })
}

/// A paragraph that is only a name of one to four capitalised words, with at most a full stop
/// after it ("Hillary Clinton."), as signatures under pull quotes and fact checks are set.
fn name_line(text: &str, paragraph: Range<usize>) -> Option<Speaker> {
    let raw = &text[paragraph.clone()];
    let line = raw.trim();
    let start = paragraph.start + (raw.len() - raw.trim_start().len());
    let name = line.strip_suffix('.').unwrap_or(line);
    let name_words = words(text, start..start + name.len());
    let is_name = (1..=4).contains(&name_words.len())
        && name_words
            .iter()
            .all(|word| word.is_capitalised() || word.is_any(NAME_PARTICLES))
        && !name_words[0].is_any(&["the", "a", "an", "this", "that", "i"])
        && name_words
            .last()
            .is_some_and(|last| last.range.end == start + name.len())
        && !name.contains([':', ',', '"', '“', '”', '(', ')']);
    is_name.then(|| Speaker {
        range: start..start + name.len(),
        name: name.to_string(),
    })
}

/// The last line of a quotation when it is only a name (and affiliation): a signature.
fn signature_line(text: &str, inner: &Range<usize>) -> Option<Speaker> {
    let interior = text[inner.clone()].trim_end();
    let newline = interior.rfind('\n')?;
    let line = interior[newline + 1..]
        .trim()
        .trim_end_matches(['.', '"', '”']);
    let line_start = inner.start
        + newline
        + 1
        + (interior[newline + 1..].len() - interior[newline + 1..].trim_start().len());
    let name_words = words(text, line_start..line_start + line.len());
    let capitalised = name_words
        .iter()
        .filter(|word| word.is_capitalised())
        .count();
    let signature = !name_words.is_empty()
        && name_words.len() <= 10
        && name_words[0].is_capitalised()
        && capitalised * 2 >= name_words.len()
        && !line.contains(['?', '!', ';']);
    signature.then(|| Speaker {
        range: line_start..line_start + line.len(),
        name: line.to_string(),
    })
}

/// The named person (two or more capitalised words) or the "he" or "she" that opens a sentence
/// as the subject of an action beat ("Lopez shook her head."). A sentence-initial adverb
/// ("Earlier, Ukraine's delegation ...") is no name, a possessive ("Ukraine's delegation") names
/// no speaker, and a subject whose verb governs a that-clause of its own ("Reyes decided on
/// Sunday that ...") did something other than speak.
fn opening_subject(
    text: &str,
    sentence: Range<usize>,
    excluded: &[Range<usize>],
) -> Option<Speaker> {
    let sentence_words = words(text, sentence.clone());
    let first = sentence_words.first()?;
    if first.is_any(&[
        "the", "a", "an", "this", "that", "in", "on", "at", "for", "but", "and", "as", "when",
        "after", "before", "if",
    ]) {
        return None;
    }
    let has_own_that_clause = super::clauses::clauses(text, sentence.clone(), excluded)
        .iter()
        .any(|clause| clause.kind == super::clauses::ClauseKind::That);
    if has_own_that_clause {
        return None;
    }
    if first.is_any(&["he", "she"]) {
        return Some(Speaker {
            range: first.range.clone(),
            name: first.text.to_string(),
        });
    }
    let mut name: Vec<&Word> = Vec::new();
    for word in &sentence_words {
        let adjacent = name.last().is_none_or(|last| {
            // "Mr. Hannity" and "H. Malyar" are one name; "Earlier, Ukraine" is not.
            text[last.range.end..word.range.start]
                .trim_matches(|c: char| c.is_whitespace() || c == '.')
                .is_empty()
        });
        if !word.is_capitalised() || !adjacent {
            break;
        }
        name.push(word);
    }
    // Two or more capitalised words, followed by a verb-like lower-case word.
    let next = sentence_words.get(name.len())?;
    let possessive = name
        .iter()
        .any(|word| word.text.ends_with("'s") || word.text.ends_with("’s"));
    if name.len() < 2
        || name.len() > 4
        || possessive
        || !next.text.chars().all(|c| c.is_lowercase())
    {
        return None;
    }
    let (start, end) = (name[0].range.start, name[name.len() - 1].range.end);
    Some(Speaker {
        range: start..end,
        name: text[start..end].to_string(),
    })
}

/// Why the sentence before a quotation, opening on what looks like a person, was not read as
/// an action beat: its verb is no speech verb and governs a that-clause of its own, its subject
/// is a possessive, or its first word is an adverb.
fn beat_rejection(text: &str, sentence: Range<usize>) -> Option<String> {
    let sentence_words = words(text, sentence.clone());
    let first = sentence_words.first()?;
    if !first.is_capitalised() {
        return None;
    }
    if text[first.range.end..sentence.end].starts_with(',')
        && sentence_words.get(1).is_some_and(Word::is_capitalised)
    {
        return Some(format!(
            "'{}' is an adverb, not a speaker's name",
            first.text
        ));
    }
    let name_length = sentence_words
        .iter()
        .take_while(|word| word.is_capitalised())
        .count();
    let name = &sentence_words[..name_length];
    if let Some(owner) = name
        .iter()
        .find(|word| word.text.ends_with("'s") || word.text.ends_with("’s"))
    {
        return Some(format!("'{}' is a possessive, not a speaker", owner.text));
    }
    let verb = sentence_words.get(name_length)?;
    let has_that_clause = super::clauses::clauses(text, sentence, &[])
        .iter()
        .any(|clause| clause.kind == super::clauses::ClauseKind::That);
    (name_length >= 1 && has_that_clause).then(|| {
        format!(
            "'{}' is not a speech verb, and its that-clause is a statement of its own",
            verb.text
        )
    })
}

/// Whether a sentence only describes: short, naming nobody new (no capitalised word after its
/// first), with no quotation and no cue of its own ("It surprised everyone.").
fn describes_without_a_new_subject(
    text: &str,
    sentence: Range<usize>,
    excluded: &[Range<usize>],
) -> bool {
    let sentence_words = words(text, sentence.clone());
    let quiet = sentence_words.len() <= 12
        && sentence_words
            .iter()
            .skip(1)
            .all(|word| !word.is_capitalised() || word.is("I"))
        && !text[sentence.clone()].contains(['"', '“', '”', '«', '»'])
        && sentence_words.first().is_some_and(|first| {
            first.is_any(&["it", "that", "this", "the", "there", "he", "she", "they"])
        });
    quiet && find_cue(text, sentence, excluded).is_none()
}

/// An upper-case speaker label that opens a quotation, as transcripts print them ("PENCE:").
fn speaker_label(text: &str, inner: &Range<usize>) -> Option<Range<usize>> {
    let interior = &text[inner.clone()];
    let colon = interior.find(':')?;
    let label = &interior[..colon];
    let letters: Vec<char> = label.chars().filter(|c| c.is_alphabetic()).collect();
    let is_label = letters.len() >= 2
        && label.len() <= 40
        && letters.iter().all(|c| c.is_uppercase())
        && label
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '\''));
    is_label.then(|| inner.start..inner.start + colon + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::prose::{Format, Prose};

    fn quotations_of(text: &str) -> Vec<(String, QuoteKind, Option<AttributionScope>)> {
        let prose = Prose::parse(text, Format::PlainText);
        let (_, quotations, _) = analyse(&prose.masked, &prose.paragraphs, None);
        quotations
            .into_iter()
            .map(|quotation| {
                (
                    text[quotation.span].to_string(),
                    quotation.kind,
                    quotation.attribution.map(|attribution| attribution.scope),
                )
            })
            .collect()
    }

    #[test]
    fn kinds_and_attribution_scopes() {
        use AttributionScope::*;
        use QuoteKind::*;
        for (text, expected) in [
            (
                "\"We will rebuild every house,\" the mayor said.",
                vec![(
                    "\"We will rebuild every house,\"",
                    Speech,
                    Some(SameSentence),
                )],
            ),
            (
                "The mayor arrived at noon. “We will rebuild every house.”",
                vec![("“We will rebuild every house.”", Speech, None)],
            ),
            (
                "The mayor said it plainly. “We will rebuild every house.”",
                vec![(
                    "“We will rebuild every house.”",
                    Speech,
                    Some(PreviousSentence),
                )],
            ),
            (
                "It formed what it termed the \"International Legion\" on Monday.",
                vec![("\"International Legion\"", Title, None)],
            ),
            (
                "The so-called \"peace at any price plan\" failed.",
                vec![("\"peace at any price plan\"", Term, None)],
            ),
            (
                "He read \"The Art of the Deal\" twice.",
                vec![("\"The Art of the Deal\"", Title, None)],
            ),
            (
                "Smith was a \"complete and utter failure as a manager\" in the story.",
                vec![("\"complete and utter failure as a manager\"", Speech, None)],
            ),
        ] {
            let expected: Vec<_> = expected
                .into_iter()
                .map(|(span, kind, scope)| (span.to_string(), kind, scope))
                .collect();
            assert_eq!(quotations_of(text), expected, "{text}");
        }
    }

    #[test]
    fn colon_introductions_and_transcript_labels_attribute() {
        let found =
            quotations_of("Then he leaned in and boomed: \"Let us win this one in November.\"");
        assert_eq!(found[0].2, Some(AttributionScope::SameSentence));
        let found = quotations_of(
            "The transcript follows:\n\n\"RAMOS: Did you lie to the families then?\n\n\"CLINTON: I did not, and I never would.\"",
        );
        assert_eq!(found.len(), 2);
        assert!(
            found.iter().all(|quotation| quotation.2.is_some()),
            "{found:?}"
        );
    }

    #[test]
    fn verbs_right_before_and_signatures_after_attribute() {
        for text in [
            "Trump was prompted to say, \"So far I cannot believe how civil it is.\"",
            "In the song, Joel sings, \"Don't go changing to try and please me.\"",
            "“Maybe we can build a wall around the candidate.” ― Steve Quinlan.",
            "The company, in Forbes’ words, “is the most entrepreneurial place on the planet.”",
        ] {
            let found = quotations_of(text);
            assert!(found[0].2.is_some(), "{text}: {found:?}");
        }
    }

    #[test]
    fn a_title_keeps_its_title_case_before_a_closing_comma() {
        let found =
            quotations_of("Her book, \"Salt on the Wheelhouse Glass,\" comes out next spring.");
        assert_eq!(found[0].1, QuoteKind::Title);
    }

    #[test]
    fn carried_over_and_continued_quotations() {
        let text = "The governor took questions after the vote, and she said:\n\n\"We have done what we promised to do.\"\n\n\"This is the first paragraph of a long quote\n\n\"and this is where the long quote ends.\"";
        let found = quotations_of(text);
        assert_eq!(found[0].2, Some(AttributionScope::PreviousParagraph));
        assert_eq!(found[1].2, Some(AttributionScope::PreviousParagraph));
        assert_eq!(found[2].2, Some(AttributionScope::ContinuedQuotation));
    }

    #[test]
    fn typewriter_and_international_marks_are_quotation_marks() {
        use QuoteKind::*;
        for (text, span) in [
            (
                "He said ``we will win this fight'' and left.",
                "``we will win this fight''",
            ),
            (
                "He said ''we will win this fight'' and left.",
                "''we will win this fight''",
            ),
            (
                "He said „we will win this fight“ and left.",
                "„we will win this fight“",
            ),
            (
                "He said «we will win this fight» and left.",
                "«we will win this fight»",
            ),
            (
                "He said ‘‘we will win this fight’’ and left.",
                "‘‘we will win this fight’’",
            ),
        ] {
            let found = quotations_of(text);
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!((found[0].0.as_str(), found[0].1), (span, Speech), "{text}");
        }
    }

    #[test]
    fn single_quotes_inside_double_quotes_are_nested_quotations() {
        let text = "\"He told us 'we are done with this port' and left,\" the captain said of the Reuters' crew in the '90s, who don't agree.";
        let found = quotations_of(text);
        assert_eq!(
            found
                .iter()
                .map(|quotation| quotation.0.as_str())
                .collect::<Vec<_>>(),
            vec![
                text.split(" the captain").next().unwrap_or(""),
                "'we are done with this port'"
            ]
        );
        // The nested quotation shares the outer one's attribution.
        assert_eq!(found[1].2, Some(AttributionScope::SameSentence));
    }

    fn descriptions_of(text: &str) -> Vec<Vec<String>> {
        let prose = Prose::parse(text, Format::PlainText);
        let (_, quotations, _) = analyse(&prose.masked, &prose.paragraphs, None);
        quotations.iter().map(Quotation::describe).collect()
    }

    #[test]
    fn the_description_says_which_cue_attributed_or_why_each_candidate_was_rejected() {
        let found = descriptions_of(
            "President Ilse Varga decided on Sunday that the city would build a seawall. \"This is the best defence we have.\" Reyes stated on Monday that the plan was costly.",
        );
        assert_eq!(
            found[0][1..],
            [
                "No attribution found.",
                "Looked at and rejected: 'stated' in the sentence after reports a statement of its own and does not point back to this quotation.",
                "Looked at and rejected: 'decided' is not a speech verb, and its that-clause is a statement of its own.",
            ]
        );
        let found = descriptions_of(
            "Earlier, Dunmore's delegation reached the harbour. \"The main goal is to reopen the port.\"",
        );
        assert_eq!(
            found[0][2],
            "Looked at and rejected: 'Earlier' is an adverb, not a speaker's name."
        );
        let found = descriptions_of(
            "The harbour will reopen in May, she says. It surprised everyone. \"We were sure it would take a whole year.\"",
        );
        assert_eq!(found[0][1], "Said by she (says), found 2 sentences back.");
    }

    #[test]
    fn inch_marks_and_apostrophes_are_not_quotation_marks() {
        assert!(
            quotations_of("The 6'2\" guard didn't play in the '90s, Reuters' data shows.")
                .is_empty()
        );
    }
}
