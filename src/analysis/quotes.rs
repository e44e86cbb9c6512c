//! Quotations: where they are and what kind they are (who said them is
//! [`super::quote_attribution`]'s part).
//!
//! This is shared knowledge, not a rule: the quote rule reports unattributed speech, the figure
//! rule treats a figure inside an attributed quotation as sourced, and the date rule never
//! rewrites a date inside a quotation.

use std::ops::Range;

use super::attribution::{find_cue, Cue, Speaker};
use super::lexicon::TERM_INTRODUCERS;
use super::words::{floor_char_boundary, words};

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
    pub(super) fn named(speaker: Speaker, scope: AttributionScope) -> Attribution {
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

/// The bytes a mark of [`MARKS`] starts with: the scan leaps over every other byte, as no mark
/// starts there (each is an ASCII character or the first byte of a character, so a leap lands
/// on a character).
const MARK_STARTS: [bool; 256] = {
    let mut starts = [false; 256];
    let mut index = 0;
    while index < MARKS.len() {
        starts[MARKS[index].as_bytes()[0] as usize] = true;
        index += 1;
    }
    starts
};

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
    // Where the paragraph's last straight mark stands, and whether a curly mark opened inside
    // the open quotation: both kept as the scan goes, so that judging a malformed closing mark
    // never rereads the paragraph.
    let last_straight = slice.rfind('"');
    let mut curly_opened_inside = false;
    let mut relative = 0;
    while relative < slice.len() {
        let rest = &slice[relative..];
        let Some(mark) = MARKS.iter().copied().find(|mark| rest.starts_with(mark)) else {
            relative += rest.chars().next().map_or(1, char::len_utf8);
            relative += slice.as_bytes()[relative..]
                .iter()
                .position(|&byte| MARK_STARTS[usize::from(byte)])
                .unwrap_or(slice.len() - relative);
            continue;
        };
        let index = range.start + relative;
        match open {
            Some((start, opening)) => {
                let previous = slice[..relative].chars().next_back();
                let next = rest[mark.len()..].chars().next();
                // Malformed marks that still show the writer's intent: an opening curly mark
                // typed where the closing one belongs (`“It is rare,“ said Ruiz`), which follows
                // the quotation's last punctuation and opens nothing; and a straight opening
                // mark closed by a curly one after the quotation's last punctuation, when no
                // curly mark opened inside it (that one is a nested quotation's) and no straight
                // mark follows to close it.
                let ends_quoted_sentence =
                    previous.is_some_and(|c| matches!(c, ',' | '.' | '?' | '!'));
                let misused_opening = opening == "“"
                    && mark == "“"
                    && ends_quoted_sentence
                    && next.is_none_or(char::is_whitespace);
                let curly_after_straight = opening == "\""
                    && mark == "”"
                    && ends_quoted_sentence
                    && !curly_opened_inside
                    && last_straight.is_none_or(|last| last < relative);
                if closing_marks(opening).contains(&mark) || misused_opening || curly_after_straight
                {
                    let end = index + mark.len();
                    found.push((start..end, start + opening.len()..index, true));
                    open = None;
                } else if mark == "“" {
                    curly_opened_inside = true;
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
                    curly_opened_inside = false;
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

/// Finds and classifies the quotations of `paragraphs` and lays out each paragraph's sentences
/// around them. Who said each speech quotation is decided afterwards, by
/// [`super::quote_attribution::analyze`], which calls this first.
pub fn scan(
    text: &str,
    paragraphs: &[super::prose::Paragraph],
) -> (Vec<ParagraphLayout>, Vec<Quotation>) {
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
    (layouts, quotations)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::prose::{Format, Prose};

    fn quotations_of(text: &str) -> Vec<(String, QuoteKind, Option<AttributionScope>)> {
        let prose = Prose::parse(text, Format::PlainText);
        let (_, quotations, _) =
            crate::analysis::quote_attribution::analyze(&prose.masked, &prose.paragraphs, None);
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
    fn an_interview_answer_is_the_interviewees_and_the_hover_says_so() {
        let text = "Q. Will the piers be rebuilt?\n\nA. \"We will rebuild every pier.\"";
        let prose = Prose::parse(text, Format::PlainText);
        let (_, quotations, _) =
            crate::analysis::quote_attribution::analyze(&prose.masked, &prose.paragraphs, None);
        let description = quotations[0].describe().join(" ");
        assert!(
            description.contains("(the answer label “A.” of a question-and-answer interview)"),
            "{description}"
        );
        // "A." opening a paragraph that answers no question is no label.
        let found = quotations_of("The pier closed.\n\nA. \"We will rebuild every pier.\"");
        assert_eq!(found[0].2, None);
        // Nor is an initial ("A.J.") or the article.
        assert_eq!(
            crate::analysis::quote_attribution::answer_label("A.J. Smith said"),
            None
        );
        assert_eq!(
            crate::analysis::quote_attribution::answer_label("A man said"),
            None
        );
        assert_eq!(
            crate::analysis::quote_attribution::answer_label("**A:** Yes"),
            Some(6)
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
        let (_, quotations, _) =
            crate::analysis::quote_attribution::analyze(&prose.masked, &prose.paragraphs, None);
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
