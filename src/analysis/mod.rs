//! The copydesk engine: text and settings in, findings out.
//!
//! Nothing here knows about the Language Server Protocol, files or clocks. The LSP server and
//! the command line both call [`analyze`] and render the [`Finding`]s it returns.

pub mod attribution;
pub mod calendar;
pub mod clauses;
mod context;
pub mod dateline;
pub mod dates;
pub mod figures;
pub mod finding;
pub mod house_lexicon;
pub mod incremental;
pub mod lexicon;
pub mod names;
pub mod prose;
pub mod quote_attribution;
pub mod quotes;
pub mod rules;
pub mod segments;
pub mod sentences;
pub mod settings;
pub mod suppressions;
pub mod words;

use std::cell::RefCell;
use std::ops::Range;

pub use context::{Context, NearbySpeaker};
pub use finding::{
    DateDetails, Details, Edit, FigureDetails, Finding, Fix, MismatchDetails, QuoteDetails,
    ReferenceDate, ReferenceSource, Related, RuleCode, SettingOrigin, Severity,
};
pub use incremental::{Incremental, NamesDeskRead, Results};
pub use prose::Format;
pub use settings::{RuleSettings, Settings};

use prose::Prose;
use quotes::Quotation;

/// The result of analysing one text.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    /// Findings sorted by position.
    pub findings: Vec<Finding>,
    /// The publication date that relative dates were resolved against.
    pub reference: ReferenceDate,
    /// Every quotation with its kind and attribution, for hovers and the sources outline.
    pub quotations: Vec<Quotation>,
    /// Every figure with its source, for hovers.
    pub figures: Vec<figures::FigureMention>,
    /// Every suppression comment, with its reason and how many findings it silenced.
    pub suppressions: Vec<suppressions::Suppression>,
    /// The people and organisations the draft names, in order of first mention.
    pub people: Vec<names::Person>,
}

/// Analyses `text` read as `format` under `settings`.
///
/// The draft is cut into [`segments`] and each is analysed on its own, in order; the editor
/// keeps an [`Incremental`] per open draft so that an edit re-analyses only what it touched.
/// Both paths run the same code, so a draft always gets the same findings.
pub fn analyze(text: &str, format: Format, settings: &Settings) -> Analysis {
    let mut incremental = Incremental::new(format, settings.clone());
    incremental.update(text).into_analysis()
}

/// What analysing one segment of a draft yields, with byte offsets in the segment's text.
pub(crate) struct SegmentAnalysis {
    /// Findings sorted by position, before suppression directives are applied (a directive's
    /// region may reach into other segments, so that happens for the whole draft).
    pub findings: Vec<Finding>,
    pub quotations: Vec<Quotation>,
    pub figures: Vec<figures::FigureMention>,
    /// The names the segment mentions, for the names desk (which reads the whole draft).
    pub names: Vec<names::Mention>,
    /// How many paragraphs the segment has (quotations number their paragraph).
    pub paragraphs: usize,
    /// The last speaker named by the end of the segment.
    pub last_named: Option<String>,
    /// The speakers named in the segment's last two paragraphs (or before them), for the
    /// segment after it.
    pub nearby_speakers: Vec<NearbySpeaker>,
    /// A data source named in the segment's last sentence, for the segment after it.
    pub figure_source: Option<String>,
    /// The poll the story has named by the end of the segment, for the segments after it.
    pub story_poll: Option<String>,
    /// The days the story named in its last few paragraphs, for the segment after it.
    pub story_days: dates::StoryDays,
}

/// What a segment's analysis takes from the text before it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Carried {
    /// The last speaker named, whom a leading "she said" refers to.
    pub last_named: Option<String>,
    pub nearby_speakers: Vec<NearbySpeaker>,
    /// A data source named in the last sentence before the segment.
    pub figure_source: Option<String>,
    /// The poll the story named before the segment.
    pub story_poll: Option<String>,
    /// The days the story named in the last few paragraphs before the segment.
    pub story_days: dates::StoryDays,
}

/// Analyses one segment, already read into `prose`, given what the draft around it
/// determines: the publication date, the dateline (when it stands in this segment) and the
/// speakers named before it.
pub(crate) fn analyze_segment(
    text: &str,
    prose: &Prose,
    settings: &Settings,
    reference: ReferenceDate,
    dateline: Option<Range<usize>>,
    carried: &Carried,
) -> SegmentAnalysis {
    let last_named = carried.last_named.clone();
    let (paragraphs, quotations, last_named) =
        quote_attribution::analyze(&prose.masked, &prose.paragraphs, last_named);
    let mut context = Context {
        text,
        masked: &prose.masked,
        prose,
        paragraphs,
        quotations,
        reference,
        settings,
        dateline,
        figures: Vec::new(),
        nearby_speakers: &carried.nearby_speakers,
        figure_source_before: carried.figure_source.as_deref(),
        story_poll_before: carried.story_poll.as_deref(),
        story_days: RefCell::new(carried.story_days.clone()),
        paragraph_words: std::cell::OnceCell::new(),
    };
    house_lexicon::attribute_quotations(&mut context);
    let (figures, figure_source, story_poll) = figures::find(&context);
    context.figures = figures;
    house_lexicon::adjust_figures(&mut context);
    let mut findings = Vec::new();
    for rule in rules::REGISTRY {
        if let rules::Check::Segment(check) = rule.check {
            rules::run(rule, settings, &mut findings, |found| {
                check(&context, found)
            });
        }
    }
    // A dateline's date is never a relative date, but a year it leaves doubtful is reported
    // under the same rule (and the same choices) as the relative dates.
    if let Some(range) = &context.dateline {
        let today = settings.reference_date.unwrap_or(settings.today);
        rules::run(
            rules::rule(RuleCode::RelativeDate),
            settings,
            &mut findings,
            |found| {
                found.extend(dateline::doubtful_year(
                    text,
                    range.clone(),
                    reference,
                    today,
                ))
            },
        );
    }
    let names = names::mentions(&context);
    findings.sort_by_key(|finding| (finding.span.start, finding.span.end, finding.rule));
    let paragraphs = context.paragraphs.len();
    // The speakers the next segment may offer: those of this segment's last two paragraphs,
    // and those carried in that are still within two paragraphs of its end.
    let mut nearby_speakers: Vec<NearbySpeaker> = carried
        .nearby_speakers
        .iter()
        .filter(|earlier| earlier.paragraphs_back + paragraphs <= 2)
        .map(|earlier| NearbySpeaker {
            paragraphs_back: earlier.paragraphs_back + paragraphs,
            segments_back: earlier.segments_back + 1,
            ..earlier.clone()
        })
        .collect();
    nearby_speakers.extend(
        context
            .quotations
            .iter()
            .filter(|quotation| quotation.paragraph + 2 >= paragraphs)
            .filter_map(|quotation| {
                let (name, range) = rules::unattributed_quote::named_speaker(quotation)?;
                Some(NearbySpeaker {
                    name,
                    paragraphs_back: paragraphs - quotation.paragraph,
                    range,
                    segments_back: 1,
                })
            }),
    );
    let story_days = context.story_days.take().handed_on(paragraphs);
    SegmentAnalysis {
        findings,
        story_days,
        nearby_speakers,
        paragraphs,
        quotations: context.quotations,
        figures: context.figures,
        names,
        last_named,
        figure_source,
        story_poll,
    }
}
