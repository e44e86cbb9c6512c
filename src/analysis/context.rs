//! [`Context`]: everything a rule may read about one piece of a draft, computed once per analysis
//! of that piece and shared by every rule.

use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use std::ops::Range;

use super::prose::Prose;
use super::quotes::{ParagraphLayout, Quotation};
use super::words::{words, words_within, Word};
use super::{dates, figures, ReferenceDate, Settings};

/// Everything a rule may read about the text, computed once per analysis.
pub struct Context<'a> {
    /// The original text; fixes and messages quote from it.
    pub text: &'a str,
    /// The text with everything that is not prose blanked out; rules scan this.
    pub masked: &'a str,
    pub prose: &'a Prose,
    pub paragraphs: Vec<ParagraphLayout>,
    pub quotations: Vec<Quotation>,
    pub reference: ReferenceDate,
    pub settings: &'a Settings,
    /// The dateline's date, which is never itself a finding.
    pub dateline: Option<Range<usize>>,
    /// Every figure with its source, when it has one.
    pub figures: Vec<figures::FigureMention>,
    /// Speakers named in the last two paragraphs before this text, oldest first.
    pub nearby_speakers: &'a [NearbySpeaker],
    /// A data source named in the last sentence before this segment, which sources the
    /// figures of its first sentence.
    pub figure_source_before: Option<&'a str>,
    /// The poll or survey the story named before this segment, whose respondents' answers
    /// ("54 percent of voters say") later paragraphs go on reporting.
    pub story_poll_before: Option<&'a str>,
    /// The days the story named in the last few paragraphs, which the relative-date rule
    /// reads and adds to ("the previous Friday" after "Friday").
    pub(crate) story_days: RefCell<dates::StoryDays>,
    /// The words of each paragraph, read once on first use and shared by every rule that walks
    /// a paragraph's words (see [`Context::paragraph_words`]).
    pub(crate) paragraph_words: OnceCell<Vec<Vec<Word<'a>>>>,
}

/// A speaker named in an attribution shortly before the text being analysed: a quotation
/// without attribution near the start of the text may be offered this speaker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NearbySpeaker {
    pub name: String,
    /// Where the name stands, counted from the start of the segment that names it.
    pub range: Range<usize>,
    /// How many segments before the one being analysed that segment is.
    pub segments_back: usize,
    /// How many paragraphs before the text's first paragraph the name stands: 1 for the
    /// paragraph just before it.
    pub paragraphs_back: usize,
}

impl<'a> Context<'a> {
    /// The words of the paragraph at `index` of [`Context::paragraphs`], in the masked text.
    /// Several rules and the figure scan walk every paragraph's words: they are found once
    /// for all of them instead of once per rule.
    pub fn paragraph_words(&self, index: usize) -> &[Word<'a>] {
        let all = self.paragraph_words.get_or_init(|| {
            self.paragraphs
                .iter()
                .map(|paragraph| words(self.masked, paragraph.range.clone()))
                .collect()
        });
        &all[index]
    }

    /// The words of `range` of the masked text, exactly as [`words`] would find them there,
    /// taken from the shared words of the paragraph that holds the range (see
    /// [`Context::paragraph_words`] and [`words_within`]) instead of splitting it again;
    /// a range that cuts a word, or lies outside every paragraph, is read on its own.
    pub fn words_in(&self, range: Range<usize>) -> Cow<'_, [Word<'a>]> {
        let index = self
            .paragraphs
            .partition_point(|paragraph| paragraph.range.start <= range.start);
        let holder = index.checked_sub(1).filter(|&at| {
            let paragraph = &self.paragraphs[at].range;
            paragraph.start <= range.start && range.end <= paragraph.end
        });
        if let Some(within) = holder.and_then(|at| words_within(self.paragraph_words(at), &range)) {
            return Cow::Borrowed(within);
        }
        Cow::Owned(words(self.masked, range))
    }

    /// The quotation whose marks enclose `offset`, if any.
    pub fn quotation_at(&self, offset: usize) -> Option<&Quotation> {
        let after = self
            .quotations
            .partition_point(|quotation| quotation.span.start <= offset);
        // The outermost quotation: a nested one speaks with its outer quotation's voice. Outer
        // quotations do not overlap and each nested one lies inside its outer one, so the only
        // candidate is the last outer quotation that opens at or before `offset`.
        self.quotations[..after]
            .iter()
            .rev()
            .find(|quotation| !quotation.nested)
            .filter(|quotation| quotation.span.contains(&offset))
    }

    /// The quotation interiors of one paragraph: words there are the speaker's, not the writer's.
    pub fn interiors(&self, paragraph: &ParagraphLayout) -> Vec<Range<usize>> {
        self.quotations[paragraph.quotations.clone()]
            .iter()
            .map(|quotation| quotation.inner.clone())
            .collect()
    }

    /// The sentence that contains `offset` within `paragraph`.
    pub fn sentence_at(&self, paragraph: &ParagraphLayout, offset: usize) -> Range<usize> {
        paragraph
            .sentences
            .iter()
            .find(|sentence| sentence.start <= offset && offset < sentence.end)
            .cloned()
            .unwrap_or_else(|| paragraph.range.clone())
    }
}
