//! Incremental analysis: after an edit, only the segments the edit touched are analysed again.
//!
//! A draft is cut into [`segments`](super::segments), stretches that can be read without the
//! text around them. Each segment's analysis depends on its own text and on three things the
//! rest of the draft determines:
//!
//! - the publication date (front matter, else the dateline of the first body paragraph, else
//!   the settings), which every relative date is resolved against;
//! - whether the dateline stands in this segment (its date is never itself a finding);
//! - the last speaker named before the segment, whom a leading "she said" refers to.
//!
//! [`Incremental::update`] compares the new text with the previous one, reuses the result of
//! every segment whose text and inputs are unchanged, and analyses the others. When an edit
//! changes the publication date, every segment is analysed again; when it changes the last
//! speaker named, the following segments are analysed until the name carried into one is the
//! one it was analysed with. Suppression directives are applied last, to the whole draft, since
//! a `copydesk-disable` region may span segments.
//!
//! [`analyze`](super::analyze) runs the same code on a fresh `Incremental`, so the editor and the
//! command line always agree; a property test applies random edits and compares the two.

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use jiff::civil::Date;

use super::dateline::{self, Dateline};
use super::figures::FigureMention;
use super::finding::{Finding, ReferenceDate, ReferenceSource};
use super::prose::{Format, Prose};
use super::quotes::Quotation;
use super::segments;
use super::settings::Settings;
use super::suppressions::{self, Suppression};
use super::words::floor_char_boundary;
use super::{analyze_segment, Analysis, Carried};

/// A draft's analysis kept up to date across edits.
pub struct Incremental {
    format: Format,
    settings: Settings,
    /// The text of the last update.
    text: String,
    segments: Vec<Part>,
    segmentation: segments::Segmentation,
    suppressions: Arc<Vec<Suppression>>,
    /// How many segments the last update analysed (the rest were reused).
    analysed_last: usize,
}

/// One segment of the current text: where it starts, its analysis, and its findings once the
/// draft's suppression directives are applied.
#[derive(Clone)]
pub struct Part {
    /// The segment's first byte in the draft; every offset in its results counts from here.
    pub base: usize,
    result: Arc<SegmentResult>,
    /// Findings after suppression, with offsets relative to `base`. The same allocation as the
    /// raw findings when no directive touches the segment, so callers may cache what they
    /// derive from a part by this pointer.
    pub findings: Arc<Vec<Finding>>,
}

impl Part {
    /// Whether the part's findings may point into the parts before it (at a speaker named
    /// there); what is derived from its positions then depends on those parts too.
    pub fn reaches_back(&self) -> bool {
        !self.result.carried_before.nearby_speakers.is_empty()
    }
}

/// What the opening of a segment says about the publication date.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Head {
    front_matter_date: Option<Date>,
    /// Whether the segment has a paragraph that is not a heading (the first such paragraph of
    /// the draft may hold the dateline).
    has_body: bool,
    dateline: Option<Dateline>,
}

/// The analysis of one segment, with the inputs it was computed from besides its text.
struct SegmentResult {
    head: Head,
    reference: ReferenceDate,
    has_blank_line: bool,
    holds_dateline: bool,
    /// Shared between neighbouring segments, so that passing it on allocates nothing.
    carried_before: Arc<Carried>,
    carried_after: Arc<Carried>,
    findings: Arc<Vec<Finding>>,
    quotations: Vec<Quotation>,
    figures: Vec<FigureMention>,
    directives: Vec<Suppression>,
    paragraphs: usize,
}

/// A segment read but not yet analysed.
struct Reading {
    directives: Vec<Suppression>,
    prose: Prose,
    head: Head,
}

/// The results of one update: cheap to clone and to keep beside the text they describe.
#[derive(Clone)]
pub struct Results {
    pub reference: ReferenceDate,
    parts: Arc<Vec<Part>>,
    suppressions: Arc<Vec<Suppression>>,
    merged: Arc<OnceLock<Analysis>>,
}

impl std::fmt::Debug for Results {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("Results")
            .field("reference", &self.reference)
            .field("segments", &self.parts.len())
            .finish_non_exhaustive()
    }
}

impl Results {
    /// The segments in order, each with its findings.
    pub fn parts(&self) -> &[Part] {
        &self.parts
    }

    /// The whole draft's analysis with offsets in the draft, put together on first use.
    pub fn analysis(&self) -> &Analysis {
        self.merged.get_or_init(|| self.merge())
    }

    /// The whole draft's analysis, taken out of these results (put together if no one did yet).
    pub fn into_analysis(self) -> Analysis {
        match self.merged.get() {
            Some(merged) => merged.clone(),
            None => self.merge(),
        }
    }
}

impl Incremental {
    pub fn new(format: Format, settings: Settings) -> Incremental {
        Incremental {
            format,
            settings,
            text: String::new(),
            segments: Vec::new(),
            segmentation: segments::Segmentation {
                ranges: std::iter::once(0..0).collect(),
                has_blank_line: false,
            },
            suppressions: Arc::new(Vec::new()),
            analysed_last: 0,
        }
    }

    /// Changes the settings or the format; the next update analyses every segment again if
    /// either differs.
    pub fn configure(&mut self, format: Format, settings: &Settings) {
        if self.format != format || self.settings != *settings {
            self.format = format;
            self.settings = settings.clone();
            self.segments.clear();
            self.segmentation.ranges = std::iter::once(0..0).collect();
            self.text.clear();
        }
    }

    /// How many segments the last update analysed; the others were reused.
    pub fn analysed_last_update(&self) -> usize {
        self.analysed_last
    }

    /// The text of the last update.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Brings the analysis up to date with `text`.
    pub fn update(&mut self, text: &str) -> Results {
        let (prefix, suffix) = common_ends(self.text.as_bytes(), text.as_bytes());
        // Both texts have the same bytes before `prefix` and after their last `suffix` bytes, so
        // a character boundary there in one is a character boundary in the other.
        let prefix = floor_char_boundary(&self.text, prefix);
        let mut suffix_start = self.text.len() - suffix;
        while !self.text.is_char_boundary(suffix_start) {
            suffix_start += 1;
        }
        let suffix = self.text.len() - suffix_start;
        self.replace(prefix..suffix_start, &text[prefix..text.len() - suffix])
    }

    /// Replaces the bytes `replaced` of the last update's text with `replacement` and brings the
    /// analysis up to date. For a caller that knows what changed, so that the whole new text
    /// need not be copied; `replaced` must lie on character boundaries of that text.
    pub fn replace(&mut self, replaced: Range<usize>, replacement: &str) -> Results {
        let previous_len = self.text.len();
        let prefix = replaced.start;
        let suffix = previous_len - replaced.end;
        self.text.replace_range(replaced, replacement);
        // The text is taken out while the segments are brought up to date, so that they can be
        // read from it while `self` changes; it is put back at the end.
        let owned = std::mem::take(&mut self.text);
        let text = owned.as_str();
        let previous = std::mem::take(&mut self.segments);
        let segmentation = segments::resplit(
            &self.segmentation,
            previous_len,
            text,
            self.format,
            prefix,
            suffix,
        );
        let previous_ranges = std::mem::replace(&mut self.segmentation, segmentation).ranges;
        let ranges = &self.segmentation.ranges;
        let has_blank_line = self.segmentation.has_blank_line;

        // A segment wholly inside the unchanged start or end of the text has the same text as
        // a segment of the previous version, if the previous version was cut there too. (The
        // previous parts are in the order of the previous ranges.)
        let reusable_before =
            |range: &Range<usize>, old_start: usize| -> Option<Arc<SegmentResult>> {
                let at = previous_ranges
                    .binary_search_by_key(&old_start, |old| old.start)
                    .ok()?;
                (previous_ranges[at].len() == range.len())
                    .then(|| previous.get(at).map(|part| part.result.clone()))
                    .flatten()
            };
        let mut cached: Vec<Option<Arc<SegmentResult>>> = ranges
            .iter()
            .map(|range| {
                if range.end <= prefix {
                    reusable_before(range, range.start)
                } else if range.start >= text.len() - suffix {
                    reusable_before(range, range.start + previous_len - text.len())
                } else {
                    None
                }
            })
            .collect();
        let mut readings: Vec<Option<Reading>> = ranges.iter().map(|_| None).collect();

        // The publication date comes from the first segment's front matter, else from the
        // dateline of the first segment with a body paragraph.
        let head_of = |index: usize, readings: &mut Vec<Option<Reading>>| -> Head {
            if let Some(result) = &cached[index] {
                return result.head.clone();
            }
            let reading = readings[index]
                .get_or_insert_with(|| self.read(&text[ranges[index].clone()], has_blank_line));
            reading.head.clone()
        };
        let front_matter_date = head_of(0, &mut readings).front_matter_date;
        let mut dateline: Option<(usize, Dateline)> = None;
        for index in 0..ranges.len() {
            let head = head_of(index, &mut readings);
            if head.has_body {
                dateline = head.dateline.map(|found| (index, found));
                break;
            }
        }
        let reference = reference_date(
            front_matter_date,
            dateline.as_ref().map(|(_, found)| found.date),
            &self.settings,
        );

        let mut parts = Vec::with_capacity(ranges.len());
        let mut carried = Arc::new(Carried::default());
        let mut analysed = 0;
        for (index, range) in ranges.iter().enumerate() {
            let holds_dateline = dateline.as_ref().is_some_and(|(at, _)| *at == index);
            let still_valid = cached[index].take().filter(|result| {
                result.reference == reference
                    && result.has_blank_line == has_blank_line
                    && result.holds_dateline == holds_dateline
                    && (Arc::ptr_eq(&result.carried_before, &carried)
                        || result.carried_before == carried)
            });
            let result = match still_valid {
                Some(result) => result,
                None => {
                    analysed += 1;
                    let segment_text = &text[range.clone()];
                    let reading = readings[index]
                        .take()
                        .unwrap_or_else(|| self.read(segment_text, has_blank_line));
                    let dateline_range = holds_dateline
                        .then(|| dateline.as_ref().map(|(_, found)| found.range.clone()))
                        .flatten();
                    let analysis = analyze_segment(
                        segment_text,
                        &reading.prose,
                        &self.settings,
                        reference,
                        dateline_range,
                        &carried,
                    );
                    Arc::new(SegmentResult {
                        head: reading.head,
                        reference,
                        has_blank_line,
                        holds_dateline,
                        carried_before: carried.clone(),
                        carried_after: Arc::new(Carried {
                            last_named: analysis.last_named,
                            nearby_speakers: analysis.nearby_speakers,
                        }),
                        findings: Arc::new(analysis.findings),
                        quotations: analysis.quotations,
                        figures: analysis.figures,
                        directives: reading.directives,
                        paragraphs: analysis.paragraphs,
                    })
                }
            };
            carried = result.carried_after.clone();
            parts.push(Part {
                base: range.start,
                findings: result.findings.clone(),
                result,
            });
        }
        self.suppressions = Arc::new(apply_suppressions(text, &mut parts, &self.settings));
        self.analysed_last = analysed;
        self.text = owned;
        self.segments = parts;
        Results {
            reference,
            parts: Arc::new(self.segments.clone()),
            suppressions: self.suppressions.clone(),
            merged: Arc::new(OnceLock::new()),
        }
    }

    /// Reads a segment: its suppression directives, its prose, and what its opening says about
    /// the publication date.
    fn read(&self, text: &str, has_blank_line: bool) -> Reading {
        let directives = suppressions::directives(text, self.format);
        // In plain text a directive is a line of words: it must not be read as prose.
        let prose = if self.format == Format::PlainText && !directives.is_empty() {
            let masked = suppressions::mask_directives(text, &directives);
            Prose::parse_segment(&masked, self.format, has_blank_line)
        } else {
            Prose::parse_segment(text, self.format, has_blank_line)
        };
        let near = self.settings.reference_date.unwrap_or(self.settings.today);
        let head = Head {
            front_matter_date: prose.front_matter.as_ref().and_then(|matter| matter.date),
            has_body: prose
                .paragraphs
                .iter()
                .any(|paragraph| !paragraph.is_heading),
            dateline: dateline::find(&prose, near),
        };
        Reading {
            directives,
            prose,
            head,
        }
    }
}

/// The publication date, in order of authority: the draft's front matter, its dateline, the
/// configured reference date, and today's date as a last, clearly marked, resort.
fn reference_date(
    front_matter: Option<Date>,
    dateline: Option<Date>,
    settings: &Settings,
) -> ReferenceDate {
    let (date, source) = if let Some(date) = front_matter {
        (date, ReferenceSource::FrontMatter)
    } else if let Some(date) = dateline {
        (date, ReferenceSource::Dateline)
    } else if let Some(date) = settings.reference_date {
        (date, ReferenceSource::Setting)
    } else {
        (settings.today, ReferenceSource::AssumedToday)
    };
    ReferenceDate { date, source }
}

/// How many bytes the two texts share at their start and, after that, at their end.
fn common_ends(old: &[u8], new: &[u8]) -> (usize, usize) {
    let shortest = old.len().min(new.len());
    // Whole blocks first: slice comparison is vectorised, byte-by-byte comparison is not.
    const BLOCK: usize = 64;
    let mut prefix = 0;
    while prefix + BLOCK <= shortest && old[prefix..prefix + BLOCK] == new[prefix..prefix + BLOCK] {
        prefix += BLOCK;
    }
    while prefix < shortest && old[prefix] == new[prefix] {
        prefix += 1;
    }
    let room = shortest - prefix;
    let mut suffix = 0;
    while suffix + BLOCK <= room
        && old[old.len() - suffix - BLOCK..old.len() - suffix]
            == new[new.len() - suffix - BLOCK..new.len() - suffix]
    {
        suffix += BLOCK;
    }
    while suffix < room && old[old.len() - suffix - 1] == new[new.len() - suffix - 1] {
        suffix += 1;
    }
    (prefix, suffix)
}

/// Applies the draft's suppression directives to the parts' findings and returns the
/// directives with their scopes and counts. Only the parts a directive stands in or reaches
/// get new finding lists; the others keep their analysis's own.
fn apply_suppressions(text: &str, parts: &mut [Part], settings: &Settings) -> Vec<Suppression> {
    let mut directives: Vec<Suppression> = parts
        .iter()
        .flat_map(|part| {
            part.result.directives.iter().map(|directive| {
                let mut directive = directive.clone();
                shift_suppression(&mut directive, part.base);
                directive
            })
        })
        .collect();
    if directives.is_empty() {
        return directives;
    }
    suppressions::assign_scopes(text, &mut directives);
    let part_at = |offset: usize| {
        parts
            .partition_point(|part| part.base <= offset)
            .saturating_sub(1)
    };
    let mut touched = vec![false; parts.len()];
    for directive in &directives {
        touched[part_at(directive.span.start)] = true;
        for (range, _) in &directive.scope {
            let last = part_at(range.end.max(range.start + 1) - 1);
            for flag in &mut touched[part_at(range.start)..=last] {
                *flag = true;
            }
        }
    }
    let mut findings: Vec<Finding> = Vec::new();
    for (part, _) in parts.iter().zip(&touched).filter(|(_, touched)| **touched) {
        findings.extend(part.result.findings.iter().map(|finding| {
            let mut finding = finding.clone();
            shift_finding(&mut finding, part.base, true);
            finding
        }));
    }
    suppressions::apply(text, &mut directives, &mut findings, settings);
    findings.sort_by_key(|finding| (finding.span.start, finding.span.end, finding.rule));
    let mut per_part: Vec<Vec<Finding>> = vec![Vec::new(); parts.len()];
    for mut finding in findings {
        let index = part_at(finding.span.start);
        shift_finding(&mut finding, parts[index].base, false);
        per_part[index].push(finding);
    }
    for ((part, touched), findings) in parts.iter_mut().zip(touched).zip(per_part) {
        if touched {
            part.findings = Arc::new(findings);
        }
    }
    directives
}

impl Results {
    /// The whole draft's analysis from its parts: offsets moved from each segment's own to the
    /// draft's.
    fn merge(&self) -> Analysis {
        merge_parts(self.reference, &self.parts, &self.suppressions)
    }
}

fn merge_parts(reference: ReferenceDate, parts: &[Part], suppressions: &[Suppression]) -> Analysis {
    let mut findings = Vec::with_capacity(parts.iter().map(|part| part.findings.len()).sum());
    let mut quotations = Vec::new();
    let mut figures = Vec::new();
    let mut paragraphs_before = 0;
    for part in parts {
        findings.extend(part.findings.iter().map(|finding| {
            let mut finding = finding.clone();
            shift_finding(&mut finding, part.base, true);
            finding
        }));
        quotations.extend(part.result.quotations.iter().map(|quotation| {
            let mut quotation = quotation.clone();
            shift_quotation(&mut quotation, part.base);
            quotation.paragraph += paragraphs_before;
            quotation
        }));
        figures.extend(part.result.figures.iter().map(|figure| {
            let mut figure = figure.clone();
            shift(&mut figure.span, part.base, true);
            shift(&mut figure.sentence, part.base, true);
            figure
        }));
        paragraphs_before += part.result.paragraphs;
    }
    Analysis {
        findings,
        reference,
        quotations,
        figures,
        suppressions: suppressions.to_vec(),
    }
}

/// Moves a range by `by` bytes, forward or back. The arithmetic wraps because a finding may
/// point at a speaker named before its segment, which the segment counts below zero.
fn shift(range: &mut Range<usize>, by: usize, forward: bool) {
    if forward {
        *range = range.start.wrapping_add(by)..range.end.wrapping_add(by);
    } else {
        *range = range.start.wrapping_sub(by)..range.end.wrapping_sub(by);
    }
}

fn shift_finding(finding: &mut Finding, by: usize, forward: bool) {
    shift(&mut finding.span, by, forward);
    for fix in &mut finding.fixes {
        for edit in &mut fix.edits {
            shift(&mut edit.range, by, forward);
        }
    }
    for related in &mut finding.related {
        shift(&mut related.span, by, forward);
    }
}

fn shift_quotation(quotation: &mut Quotation, by: usize) {
    shift(&mut quotation.span, by, true);
    shift(&mut quotation.inner, by, true);
    if let Some(attribution) = &mut quotation.attribution {
        shift(&mut attribution.cue.range, by, true);
        if let Some(speaker) = &mut attribution.cue.speaker {
            shift(&mut speaker.range, by, true);
        }
    }
}

fn shift_suppression(directive: &mut Suppression, by: usize) {
    shift(&mut directive.span, by, true);
    directive.reason_at += by;
    for (range, _) in &mut directive.scope {
        shift(range, by, true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_ends_never_overlap() {
        for (old, new, expected) in [
            ("abc", "abc", (3, 0)),
            ("abc", "abXc", (2, 1)),
            ("aaaa", "aa", (2, 0)),
            ("", "x", (0, 0)),
            ("xyz", "", (0, 0)),
        ] {
            assert_eq!(
                common_ends(old.as_bytes(), new.as_bytes()),
                expected,
                "{old} -> {new}"
            );
        }
        let long = "word ".repeat(100);
        let edited = format!("{}X{}", &long[..250], &long[250..]);
        assert_eq!(common_ends(long.as_bytes(), edited.as_bytes()), (250, 250));
    }
}
