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
use super::finding::{Finding, Fix, ReferenceDate, ReferenceSource};
use super::names::{self, Mention, Person, Placed, QuotedSpeaker};
use super::prose::{line_ranges, Format, Prose};
use super::quotes::Quotation;
use super::quotes::QuoteKind;
use super::rules::{self, Check, DraftNames};
use super::segments;
use super::settings::Settings;
use super::suppressions::{self, Suppression};
use super::{analyze_segment, Analysis, Carried};

mod merge;
mod names_desk;
mod names_reach;
mod span;

use merge::apply_suppressions;
pub use merge::bases;
pub use names_desk::NamesDeskRead;
use names_desk::{apply_names, own_reach, update_names, Moved};
use names_reach::{name_print, KeyPrint};
pub use span::changed_span;

/// A draft's analysis kept up to date across edits.
pub struct Incremental {
    format: Format,
    settings: Settings,
    /// The text of the last update.
    text: String,
    /// Shared with the last [`Results`]; updated in place when those are gone.
    segments: Arc<Vec<Part>>,
    segmentation: segments::Segmentation,
    suppressions: Arc<Vec<Suppression>>,
    /// What the whole draft shared at the last update.
    inputs: Option<DraftInputs>,
    /// How many segments the last update analysed (the rest were reused).
    analyzed_last: usize,
    /// What the names desk read at the last update.
    names_desk_read: NamesDeskRead,
    /// How many threads an update may use (see [`Incremental::with_threads`]).
    threads: usize,
}

/// What every segment's analysis depends on besides its own text and what the segment before
/// carries into it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct DraftInputs {
    reference: ReferenceDate,
    has_blank_line: bool,
    /// Which segment holds the dateline.
    dateline_segment: Option<usize>,
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
    /// The analysis's own findings with those the whole draft's names make in this segment
    /// (see [`apply_names`]), before suppression: the same allocation as the analysis's own
    /// findings while the names desk has nothing to say here.
    own: Arc<Vec<Finding>>,
    /// The names desk's findings in this segment, with offsets relative to `base`.
    names: Vec<Finding>,
    // Facts about the result kept beside it, so that a pass over every part of a long draft
    // (each keystroke makes a few) reads one array and not a thousand scattered allocations.
    line_breaks: usize,
    reaches_back: usize,
    has_directives: bool,
    /// Whether `findings` are not the analysis's own because a directive suppressed some.
    suppressed: bool,
    /// The spelling keys of the segment's names and speakers, as a fingerprint, and how many
    /// names it has: the names desk passes over a segment that holds none of the keys an
    /// edit's names reach without reading its names.
    name_print: KeyPrint,
    name_count: usize,
}

impl Part {
    fn new(base: usize, result: Arc<SegmentResult>) -> Part {
        Part {
            base,
            findings: result.findings.clone(),
            own: result.findings.clone(),
            names: Vec::new(),
            line_breaks: result.line_breaks,
            reaches_back: own_reach(&result),
            has_directives: !result.directives.is_empty(),
            suppressed: false,
            name_print: name_print(&result),
            name_count: result.names.len(),
            result,
        }
    }

    /// How many parts before it the part's findings may point into (at a speaker named
    /// there); what is derived from their positions depends on those parts too.
    pub fn reaches_back(&self) -> usize {
        self.reaches_back
    }

    /// How many line breaks the segment holds (`\n`, `\r\n` or a lone `\r`, as LSP counts
    /// lines): the sum over the parts before one is the line it starts on.
    pub fn line_breaks(&self) -> usize {
        self.line_breaks
    }
}

/// What the opening of a segment says about the publication date.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Head {
    front_matter_date: Option<Date>,
    /// Where the segment's front matter stands, if it has any.
    front_matter: Option<Range<usize>>,
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
    names: Vec<Mention>,
    directives: Vec<Suppression>,
    paragraphs: usize,
    line_breaks: usize,
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
    /// The index of people, made on first use from the parts' mentions.
    people: Arc<OnceLock<Vec<Person>>>,
    merged: Arc<OnceLock<Analysis>>,
    /// The fix that sets the publication date, while it is only assumed.
    set_date: Option<Arc<Fix>>,
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

    /// Lets go of the parts at once and returns the rest, which may hold the whole draft's
    /// analysis: an updater that shares the parts can then change them in place, and the
    /// caller frees the rest when it suits it (freeing a long draft's analysis takes a while).
    pub fn release_parts(self) -> impl Send {
        self.merged
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
            segments: Arc::new(Vec::new()),
            segmentation: segments::Segmentation {
                ranges: std::iter::once(0..0).collect(),
                has_blank_line: false,
            },
            suppressions: Arc::new(Vec::new()),
            inputs: None,
            analyzed_last: 0,
            names_desk_read: NamesDeskRead::WholeDraft,
            threads: 1,
        }
    }

    /// Lets an update that analyses many segments (opening a long draft) use up to `threads`
    /// threads; the results are the same whatever the number. One by default: the command
    /// line already checks one draft per core.
    pub fn with_threads(mut self, threads: usize) -> Incremental {
        self.threads = threads.max(1);
        self
    }

    /// Changes the settings or the format; the next update analyses every segment again if
    /// either differs.
    pub fn configure(&mut self, format: Format, settings: &Settings) {
        if self.format != format || self.settings != *settings {
            self.format = format;
            self.settings = settings.clone();
            self.segments = Arc::new(Vec::new());
            self.inputs = None;
            self.segmentation.ranges = std::iter::once(0..0).collect();
            self.text.clear();
        }
    }

    /// How many segments the last update analysed; the others were reused.
    pub fn analyzed_last_update(&self) -> usize {
        self.analyzed_last
    }

    /// Whether the last update ran the names desk, over the whole draft or over the names an
    /// edit touched, rather than keeping (and moving) its findings because no name changed.
    pub fn names_desk_ran_last_update(&self) -> bool {
        self.names_desk_read != NamesDeskRead::Nothing
    }

    /// What the names desk read at the last update (see [`NamesDeskRead`]).
    pub fn names_desk_read_last_update(&self) -> NamesDeskRead {
        self.names_desk_read
    }

    /// The text of the last update.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Brings the analysis up to date with `text`.
    pub fn update(&mut self, text: &str) -> Results {
        let one_piece = std::iter::once(text);
        let (replaced, replacement) =
            changed_span(&self.text, text.len(), one_piece.clone(), one_piece);
        self.replace(replaced, &text[replacement])
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
        // The previous parts are taken over without touching each one's reference counts when
        // no one else holds them (the server drops its previous results before updating).
        let previous = Arc::try_unwrap(std::mem::take(&mut self.segments))
            .unwrap_or_else(|shared| shared.as_ref().clone());
        // What the names desk found last time, and from what: if every segment gives it the
        // same mentions and speakers at the same places as then (the usual keystroke, which
        // types no name), it would find the same, and its run is skipped; if a few segments
        // give it other names, it reads only the names those could change the findings of.
        let (names_read_from, previous_names) = if previous.len() == ranges.len() {
            (
                previous
                    .iter()
                    .map(|part| (part.result.clone(), part.base))
                    .collect::<Vec<_>>(),
                previous
                    .iter()
                    .enumerate()
                    .filter(|(_, part)| !part.names.is_empty())
                    .map(|(index, part)| (index, part.names.clone()))
                    .collect::<Vec<_>>(),
            )
        } else {
            (Vec::new(), Vec::new())
        };

        // The segments kept from the previous version: the leading ones wholly before the
        // change with the same range, and the trailing ones wholly after it with the same range
        // moved by the change in length. The others (usually one) are read again.
        let (lead, trail) = if previous.len() == previous_ranges.len() {
            let lengths = (previous_len, text.len());
            kept_ends(&previous_ranges, ranges, lengths, prefix, suffix)
        } else {
            (0, 0)
        };
        let middle = lead..ranges.len() - trail;
        let readings = self.read_all(text, &ranges[middle.clone()], has_blank_line);
        let head_of = |index: usize| -> &Head {
            if middle.contains(&index) {
                &readings[index - lead].head
            } else if index < lead {
                &previous[index].result.head
            } else {
                &previous[index + previous.len() - ranges.len()].result.head
            }
        };

        // The publication date comes from the first segment's front matter, else from the
        // dateline of the first segment with a body paragraph.
        let front_matter_date = head_of(0).front_matter_date;
        let front_matter_range = head_of(0).front_matter.clone();
        let dateline: Option<(usize, Dateline)> = (0..ranges.len())
            .find(|&index| head_of(index).has_body)
            .and_then(|index| head_of(index).dateline.clone().map(|found| (index, found)));
        let reference = reference_date(
            front_matter_date,
            dateline.as_ref().map(|(_, found)| found),
            &self.settings,
        );
        // When nothing the whole draft shares has changed, every kept segment is still valid
        // without looking at it, and so is every one after the first trailing segment found
        // valid; otherwise each is checked.
        let inputs = DraftInputs {
            reference,
            has_blank_line,
            dateline_segment: dateline.as_ref().map(|(index, _)| *index),
        };
        let unchanged_inputs = self.inputs.as_ref() == Some(&inputs);

        let mut parts = Vec::with_capacity(ranges.len());
        let mut old = previous.into_iter();
        let mut carried = Arc::new(Carried::default());
        if unchanged_inputs && lead > 0 {
            parts.extend(old.by_ref().take(lead));
            carried = parts[lead - 1].result.carried_after.clone();
        }
        let mut analysed = 0;
        let mut index = parts.len();
        let holds_dateline = |index: usize| dateline.as_ref().is_some_and(|(at, _)| *at == index);
        let inputs_of = |index: usize| SegmentInputs {
            settings: &self.settings,
            reference,
            has_blank_line,
            holds_dateline: holds_dateline(index),
            dateline: dateline
                .as_ref()
                .filter(|_| holds_dateline(index))
                .map(|(_, found)| found.range.clone()),
        };
        // A long stretch to analyse (a draft just opened) is cut in two: the second half is
        // analysed on another thread meanwhile, from the start of a draft's carried state, as a
        // guess. Each guessed segment is then checked like a kept one: it is kept if what the
        // segment before it really carries in is what it was analysed with, and analysed again
        // otherwise (usually only the first few, until a paragraph names its own speaker and
        // days), so the result is the one a single thread gives.
        let guess_from = (self.threads > 1 && middle.len() >= GUESS_MIN_SEGMENTS)
            .then(|| middle.start + middle.len() / 2);
        std::thread::scope(|scope| {
            let mut guessing = guess_from.map(|from| {
                let readings = &readings[from - lead..];
                let ranges = &ranges[from..middle.end];
                let inputs_of = &inputs_of;
                scope.spawn(move || {
                    let mut carried = Arc::new(Carried::default());
                    let mut guessed = Vec::with_capacity(ranges.len());
                    for (offset, (range, reading)) in ranges.iter().zip(readings).enumerate() {
                        let part =
                            analyse_part(text, range, reading, &inputs_of(from + offset), carried);
                        carried = part.result.carried_after.clone();
                        guessed.push(part);
                    }
                    guessed
                })
            });
            let mut guessed = Vec::new().into_iter();
            while index < ranges.len() {
                let range = &ranges[index];
                let candidate = if middle.contains(&index) {
                    if Some(index) == guess_from {
                        if let Some(thread) = guessing.take() {
                            guessed = thread
                                .join()
                                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                                .into_iter();
                        }
                    }
                    guessed.next()
                } else {
                    if index == middle.end {
                        // The previous version's own middle segments are not reused.
                        let skipped = old.len() - trail;
                        old.by_ref().take(skipped).for_each(drop);
                    }
                    old.next()
                };
                let inputs = inputs_of(index);
                let still_valid = candidate.filter(|part| {
                    let result = &part.result;
                    result.reference == reference
                        && result.has_blank_line == has_blank_line
                        && result.holds_dateline == inputs.holds_dateline
                        && (Arc::ptr_eq(&result.carried_before, &carried)
                            || result.carried_before == carried)
                });
                let part = match still_valid {
                    Some(mut part) => {
                        // A guess kept was analysed for this update all the same.
                        if middle.contains(&index) {
                            analysed += 1;
                        }
                        part.base = range.start;
                        if unchanged_inputs && index >= middle.end {
                            // Every later segment was analysed after this one, with what it
                            // carried, and nothing the draft shares has changed: all still
                            // valid.
                            parts.push(part);
                            parts.extend(old.by_ref().zip(&ranges[index + 1..]).map(
                                |(mut part, range)| {
                                    part.base = range.start;
                                    part
                                },
                            ));
                            break;
                        }
                        part
                    }
                    None => {
                        analysed += 1;
                        let fresh;
                        let reading = if middle.contains(&index) {
                            &readings[index - lead]
                        } else {
                            fresh = self.read(&text[range.clone()], has_blank_line);
                            &fresh
                        };
                        analyse_part(text, range, reading, &inputs, carried.clone())
                    }
                };
                carried = part.result.carried_after.clone();
                parts.push(part);
                index += 1;
            }
        });
        drop(readings);
        // Typing before a name in its segment moves the name, not what the names desk finds
        // about it; typing a name changes what it finds about that name and its namesakes only.
        let moved = Moved {
            at: prefix,
            removed: previous_len - suffix - prefix,
            inserted: text.len() - suffix - prefix,
        };
        let (reused, read) = update_names(
            previous_names,
            &names_read_from,
            &parts,
            ranges,
            &moved,
            &self.settings,
        );
        drop(names_read_from);
        self.names_desk_read = read;
        apply_names(&mut parts, &self.settings, reused);
        match apply_suppressions(text, &mut parts, &self.settings) {
            Some(directives) => self.suppressions = Arc::new(directives),
            None if !self.suppressions.is_empty() => self.suppressions = Arc::default(),
            None => {}
        }
        self.analyzed_last = analysed;
        self.inputs = Some(inputs);
        self.text = owned;
        self.segments = Arc::new(parts);
        // While the publication date is only assumed, every date fix says so and setting the
        // date comes first.
        let set_date = (reference.source == ReferenceSource::AssumedToday).then(|| {
            Arc::new(dateline::set_publication_date(
                &self.text,
                self.format,
                front_matter_range,
                reference.date,
                self.settings.date_style,
            ))
        });
        Results {
            reference,
            parts: self.segments.clone(),
            suppressions: self.suppressions.clone(),
            people: Arc::new(OnceLock::new()),
            merged: Arc::new(OnceLock::new()),
            set_date,
        }
    }

    /// Reads the segments of `text` at `ranges`, on a second thread for the second half when
    /// there are many and the updater may use threads.
    fn read_all(&self, text: &str, ranges: &[Range<usize>], has_blank_line: bool) -> Vec<Reading> {
        let read = |ranges: &[Range<usize>]| -> Vec<Reading> {
            ranges
                .iter()
                .map(|range| self.read(&text[range.clone()], has_blank_line))
                .collect()
        };
        if self.threads < 2 || ranges.len() < GUESS_MIN_SEGMENTS {
            return read(ranges);
        }
        let (first, second) = ranges.split_at(ranges.len() / 2);
        std::thread::scope(|scope| {
            let second = scope.spawn(|| read(second));
            let mut readings = read(first);
            readings.extend(
                second
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            );
            readings
        })
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
            front_matter: prose
                .front_matter
                .as_ref()
                .map(|matter| matter.range.clone()),
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

/// How many segments an update must analyse before a second thread guesses at the second half
/// (see [`Incremental::replace`]): below it, starting a thread costs more than it saves.
const GUESS_MIN_SEGMENTS: usize = 16;

/// What a segment's analysis depends on besides its text and what the segment before carries.
struct SegmentInputs<'a> {
    settings: &'a Settings,
    reference: ReferenceDate,
    has_blank_line: bool,
    holds_dateline: bool,
    /// The dateline's range in the segment, when the segment holds it.
    dateline: Option<Range<usize>>,
}

/// Analyses the segment of `text` at `range`, already read, given what the segment before it
/// carries in.
fn analyse_part(
    text: &str,
    range: &Range<usize>,
    reading: &Reading,
    inputs: &SegmentInputs,
    carried: Arc<Carried>,
) -> Part {
    let segment_text = &text[range.clone()];
    let analysis = analyze_segment(
        segment_text,
        &reading.prose,
        inputs.settings,
        inputs.reference,
        inputs.dateline.clone(),
        &carried,
    );
    let result = Arc::new(SegmentResult {
        head: reading.head.clone(),
        reference: inputs.reference,
        has_blank_line: inputs.has_blank_line,
        holds_dateline: inputs.holds_dateline,
        carried_before: carried,
        carried_after: Arc::new(Carried {
            last_named: analysis.last_named,
            nearby_speakers: analysis.nearby_speakers,
            figure_source: analysis.figure_source,
            story_poll: analysis.story_poll,
            story_days: analysis.story_days,
        }),
        findings: Arc::new(analysis.findings),
        quotations: analysis.quotations,
        figures: analysis.figures,
        names: analysis.names,
        directives: reading.directives.clone(),
        paragraphs: analysis.paragraphs,
        // LSP's lines: `\n`, `\r\n` and a lone `\r` each end one.
        line_breaks: line_ranges(segment_text).len() - 1,
    });
    Part::new(range.start, result)
}

/// The publication date, in order of authority: the draft's front matter, its dateline, the
/// configured reference date, and today's date as a last, clearly marked, resort.
fn reference_date(
    front_matter: Option<Date>,
    dateline: Option<&Dateline>,
    settings: &Settings,
) -> ReferenceDate {
    let (date, source, year_inferred) = if let Some(date) = front_matter {
        (date, ReferenceSource::FrontMatter, false)
    } else if let Some(dateline) = dateline {
        (
            dateline.date,
            ReferenceSource::Dateline,
            dateline.year_inferred,
        )
    } else if let Some(date) = settings.reference_date {
        (
            date,
            ReferenceSource::Setting(settings.reference_origin),
            false,
        )
    } else {
        (settings.today, ReferenceSource::AssumedToday, false)
    };
    ReferenceDate {
        date,
        source,
        year_inferred,
    }
}

/// How many segments at the start and at the end of the new segmentation are the previous
/// version's, with the same text: at the start, those wholly within the unchanged first
/// `prefix` bytes with the same range; at the end, those wholly within the unchanged last
/// `suffix` bytes with the same range, moved by the change in length (the texts' lengths are
/// given as previous, new).
fn kept_ends(
    previous: &[Range<usize>],
    ranges: &[Range<usize>],
    (previous_len, new_len): (usize, usize),
    prefix: usize,
    suffix: usize,
) -> (usize, usize) {
    let lead = previous
        .iter()
        .zip(ranges)
        .take_while(|(old, new)| old == new && new.end <= prefix)
        .count();
    let room = previous.len().min(ranges.len()) - lead;
    let trail = previous
        .iter()
        .rev()
        .zip(ranges.iter().rev())
        .take(room)
        .take_while(|(old, new)| {
            new.start >= new_len - suffix
                && old.start + new_len == new.start + previous_len
                && old.len() == new.len()
        })
        .count();
    (lead, trail)
}
