//! The copydesk engine: text and settings in, findings out.
//!
//! Nothing here knows about the Language Server Protocol, files or clocks. The LSP server and
//! the command line both call [`analyze`] and render the [`Finding`]s it returns.

pub mod attribution;
pub mod calendar;
pub mod dateline;
pub mod figures;
pub mod finding;
pub mod house;
pub mod lexicon;
pub mod prose;
pub mod quotes;
pub mod rules;
pub mod sentences;
pub mod settings;
pub mod suppressions;
pub mod words;

use std::ops::Range;

pub use finding::{
    DateDetails, Details, Edit, FigureDetails, Finding, Fix, MismatchDetails, QuoteDetails,
    ReferenceDate, ReferenceSource, Related, RuleCode, Severity,
};
pub use prose::Format;
pub use settings::{RuleSettings, Settings};

use prose::Prose;
use quotes::{ParagraphLayout, Quotation};

/// The result of analysing one text.
#[derive(Clone, Debug)]
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
}

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
}

impl Context<'_> {
    /// The quotation whose marks enclose `offset`, if any.
    pub fn quotation_at(&self, offset: usize) -> Option<&Quotation> {
        let after = self
            .quotations
            .partition_point(|quotation| quotation.span.start <= offset);
        // The outermost quotation: a nested one speaks with its outer quotation's voice.
        let mut found = self.quotations[..after]
            .iter()
            .enumerate()
            .rev()
            .find(|(_, quotation)| quotation.span.contains(&offset))?;
        while found.1.nested {
            found = self.quotations[..found.0]
                .iter()
                .enumerate()
                .rev()
                .find(|(_, quotation)| quotation.span.contains(&offset))?;
        }
        Some(found.1)
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

/// Analyses `text` read as `format` under `settings`.
pub fn analyze(text: &str, format: Format, settings: &Settings) -> Analysis {
    let mut suppressions = suppressions::parse(text, format);
    // In plain text a directive is a line of words: it must not be read as prose.
    let prose = if format == Format::PlainText && !suppressions.is_empty() {
        Prose::parse(&suppressions::mask_directives(text, &suppressions), format)
    } else {
        Prose::parse(text, format)
    };
    // The publication date, in order of authority: the draft's front matter, its dateline, the
    // configured reference date, and today's date as a last, clearly marked, resort.
    let dateline = dateline::find(&prose, settings.reference_date.unwrap_or(settings.today));
    let front_matter_date = prose.front_matter.as_ref().and_then(|matter| matter.date);
    let reference = if let Some(date) = front_matter_date {
        ReferenceDate {
            date,
            source: ReferenceSource::FrontMatter,
        }
    } else if let Some(found) = &dateline {
        ReferenceDate {
            date: found.date,
            source: ReferenceSource::Dateline,
        }
    } else if let Some(date) = settings.reference_date {
        ReferenceDate {
            date,
            source: ReferenceSource::Setting,
        }
    } else {
        ReferenceDate {
            date: settings.today,
            source: ReferenceSource::AssumedToday,
        }
    };
    let (paragraphs, quotations) = quotes::analyse(&prose.masked, &prose.paragraphs);
    let mut context = Context {
        text,
        masked: &prose.masked,
        prose: &prose,
        paragraphs,
        quotations,
        reference,
        settings,
        dateline: dateline.map(|found| found.range),
        figures: Vec::new(),
    };
    house::attribute_quotations(&mut context);
    context.figures = figures::find(&context);
    house::adjust_figures(&mut context);
    let mut findings = Vec::new();
    for rule in rules::REGISTRY {
        if !settings.rule_enabled(rule.code) {
            continue;
        }
        let first_new = findings.len();
        (rule.check)(&context, &mut findings);
        if let Some(severity) = settings.severity_override(rule.code) {
            for finding in &mut findings[first_new..] {
                finding.severity = severity;
            }
        }
    }
    house::vague_phrases(&context, &mut findings);
    suppressions::apply(text, &mut suppressions, &mut findings, settings);
    findings.sort_by_key(|finding| (finding.span.start, finding.span.end, finding.rule));
    Analysis {
        findings,
        reference,
        quotations: context.quotations,
        figures: context.figures,
        suppressions,
    }
}
