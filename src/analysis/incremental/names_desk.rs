//! The names desk over the parts of a draft: what it reads of every part, when a keystroke
//! leaves its input as it was (or only moved), and how its findings go into the parts.

use std::borrow::Cow;

use super::merge::{bases, shift_finding};
use super::names_reach::{add_speaker_name, gather, speaker_keys, Keys};
use super::*;

/// What the names desk reads of the whole draft: every mention and every quotation's named
/// speaker, in draft order with draft offsets, borrowed from the parts' analyses.
pub(super) fn names_input(parts: &[Part]) -> (Vec<Placed<'_>>, Vec<QuotedSpeaker<'_>>) {
    let mut mentions: Vec<Placed> =
        Vec::with_capacity(parts.iter().map(|part| part.result.names.len()).sum());
    let mut speakers: Vec<QuotedSpeaker> = Vec::new();
    let lead_part = lead_part(parts);
    for (index, part) in parts.iter().enumerate() {
        mentions.extend(part.result.names.iter().map(|mention| Placed {
            mention,
            base: part.base,
            in_lead_paragraph: mention.in_lead_paragraph && lead_part == Some(index),
        }));
        speakers.extend(
            quoted_speakers(&part.result).map(|(range, name)| QuotedSpeaker {
                range: range.start + part.base..range.end + part.base,
                name,
            }),
        );
    }
    (mentions, speakers)
}

/// What the names desk reads of the names [`gather`]ed: those mentions and the speakers quoted
/// at the bare ones, in draft order with draft offsets.
fn gathered_input<'a>(
    parts: &'a [Part],
    only: &[(usize, usize)],
) -> (Vec<Placed<'a>>, Vec<QuotedSpeaker<'a>>) {
    let lead_part = lead_part(parts);
    let mut mentions = Vec::with_capacity(only.len());
    let mut speakers = Vec::new();
    for &(index, at) in only {
        let part = &parts[index];
        let mention = &part.result.names[at];
        mentions.push(Placed {
            mention,
            base: part.base,
            in_lead_paragraph: mention.in_lead_paragraph && lead_part == Some(index),
        });
        if mention.is_full() {
            continue;
        }
        speakers.extend(
            quoted_speakers(&part.result)
                .filter(|(range, name)| {
                    range.start == mention.range.start && !names::is_pronoun_speaker(name.trim())
                })
                .map(|(range, name)| QuotedSpeaker {
                    range: range.start + part.base..range.end + part.base,
                    name,
                }),
        );
    }
    (mentions, speakers)
}

/// The part that holds the draft's first paragraph when that is its headline: the first part
/// with a body paragraph, when no part before it holds a paragraph (a heading) of its own.
fn lead_part(parts: &[Part]) -> Option<usize> {
    parts
        .iter()
        .position(|part| part.result.head.has_body)
        .filter(|&at| parts[..at].iter().all(|part| part.result.paragraphs == 0))
}

/// The named speakers of a segment's quotations (segment offsets), as the names desk reads
/// them: spoken words only, outer quotations only.
pub(super) fn quoted_speakers(
    result: &SegmentResult,
) -> impl Iterator<Item = (&Range<usize>, &str)> {
    result.quotations.iter().filter_map(|quotation| {
        if quotation.nested || quotation.kind != QuoteKind::Speech {
            return None;
        }
        let speaker = quotation.attribution.as_ref()?.cue.speaker.as_ref()?;
        Some((&speaker.range, speaker.name.as_str()))
    })
}

/// One edit in draft offsets: at `at`, `removed` bytes of the previous text were replaced
/// with `inserted` bytes.
pub(super) struct Moved {
    pub(super) at: usize,
    pub(super) removed: usize,
    pub(super) inserted: usize,
}

impl Moved {
    /// Where a range of the previous text stands in the new one: the same place when it lies
    /// wholly before the edit, moved by the change in length when wholly after it. `None` when
    /// it touches the replaced bytes, or is empty just where text was inserted (it could belong
    /// on either side).
    fn range(&self, range: &Range<usize>) -> Option<Range<usize>> {
        let after = self.at + self.removed;
        let (before, behind) = if range.is_empty() {
            (
                range.end < self.at,
                range.start > after || (range.start == after && self.removed > 0),
            )
        } else {
            (range.end <= self.at, range.start >= after)
        };
        if before {
            Some(range.clone())
        } else if behind {
            let moved = |offset: usize| offset - self.removed + self.inserted;
            Some(moved(range.start)..moved(range.end))
        } else {
            None
        }
    }

    /// A range of a segment that started at `old_base` in the previous text, moved by the edit
    /// and counted from `new_base`; `None` unless it then starts in `new_base..new_end`.
    fn within(
        &self,
        range: &Range<usize>,
        old_base: usize,
        (new_base, new_end): (usize, usize),
    ) -> Option<Range<usize>> {
        let moved = self.range(&(range.start + old_base..range.end + old_base))?;
        (new_base..new_end)
            .contains(&moved.start)
            .then(|| moved.start - new_base..moved.end - new_base)
    }
}

/// Whether two analyses of a segment give the names desk the same input, once the previous
/// one's places are moved by the edit: the same mentions and speakers at the same places in
/// the draft, and the same say in which segment holds the draft's lead paragraph. The
/// segments start at `old_base` and `new_base`.
pub(super) fn same_names(
    old: &SegmentResult,
    old_base: usize,
    new: &SegmentResult,
    new_span: (usize, usize),
    moved: &Moved,
) -> bool {
    if old.names.len() != new.names.len()
        || old.head.has_body != new.head.has_body
        || (old.paragraphs == 0) != (new.paragraphs == 0)
    {
        return false;
    }
    let same_mentions = old
        .names
        .iter()
        .zip(&new.names)
        .all(|(old, new)| moved_mention(old, old_base, new_span, moved).as_ref() == Some(new));
    same_mentions && {
        let mut new_speakers = quoted_speakers(new);
        quoted_speakers(old).all(|(range, name)| {
            new_speakers.next().is_some_and(|(new_range, new_name)| {
                name == new_name
                    && moved.within(range, old_base, new_span).as_ref() == Some(new_range)
            })
        }) && new_speakers.next().is_none()
    }
}

/// A mention of a segment that started at `old_base` in the previous text, moved by the edit
/// into the segment that spans `new_span` now; `None` when the edit touched it.
fn moved_mention(
    old: &Mention,
    old_base: usize,
    new_span: (usize, usize),
    moved: &Moved,
) -> Option<Mention> {
    let mut old = old.clone();
    old.range = moved.within(&old.range, old_base, new_span)?;
    for word in &mut old.words {
        word.range = moved.within(&word.range, old_base, new_span)?;
    }
    Some(old)
}

/// The names desk's findings of the last update, by part, moved by the edit into the new
/// parts: what the desk would find again when its input only moved (see [`same_names`]).
/// `old_bases` are where the parts started in the previous text. `None` when a place a finding
/// points to cannot be moved, or would move into another segment than the one it was counted
/// from.
pub(super) fn move_names(
    previous: Vec<(usize, Vec<Finding>)>,
    old_bases: &[usize],
    parts: &[Part],
    moved: &Moved,
) -> Option<Vec<(usize, Vec<Finding>)>> {
    previous
        .into_iter()
        .map(|(index, findings)| {
            Some((index, move_part(findings, index, old_bases, parts, moved)?))
        })
        .collect()
}

/// One part's names findings of the last update, moved by the edit (see [`move_names`]).
fn move_part(
    findings: Vec<Finding>,
    index: usize,
    old_bases: &[usize],
    parts: &[Part],
    moved: &Moved,
) -> Option<Vec<Finding>> {
    findings
        .into_iter()
        .map(|finding| move_finding(finding, index, old_bases, parts, moved))
        .collect()
}

/// A names finding of the last update in part `index`, moved by the edit; `None` when a place
/// it points to cannot be moved (see [`move_names`]).
fn move_finding(
    mut finding: Finding,
    index: usize,
    old_bases: &[usize],
    parts: &[Part],
    moved: &Moved,
) -> Option<Finding> {
    let span_of = |at: usize| {
        let end = parts.get(at + 1).map_or(usize::MAX, |next| next.base);
        (parts[at].base, end)
    };
    let (from, to) = (old_bases[index], span_of(index));
    finding.span = moved.within(&finding.span, from, to)?;
    for fix in &mut finding.fixes {
        for edit in &mut fix.edits {
            // An edit may reach past its finding's segment: only its start is bound to the
            // segment's.
            edit.range = moved.within(&edit.range, from, (to.0, usize::MAX))?;
        }
    }
    for related in &mut finding.related {
        // Counted from the start of the part `segments_back` before; a reference further
        // down the draft (a first reference after a sentence-opening use) is counted from the
        // finding's own part and may reach past it.
        let at = index.checked_sub(related.segments_back)?;
        let in_draft = related.span.start + old_bases[at]..related.span.end + old_bases[at];
        let now = moved.range(&in_draft)?;
        related.span = now.start.checked_sub(parts[at].base)?..now.end - parts[at].base;
    }
    Some(finding)
}

/// The names desk's findings by part, for the parts that have some: (part index, findings with
/// offsets counted from the part's start).
pub(super) type NamesByPart = Vec<(usize, Vec<Finding>)>;

/// What the names desk read at an update.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NamesDeskRead {
    /// Nothing: no part gave it other names than before, so its findings were moved.
    Nothing,
    /// Only the names an edit could change the findings of (this many mentions).
    Names(usize),
    /// Every name of the draft.
    WholeDraft,
}

/// The most parts an edit may change the names of for the desk to read only the names the edit
/// touches; beyond that (a paste, a find-and-replace) reading the whole draft is as quick.
const MAX_CHANGED_PARTS: usize = 4;

/// The names desk's findings for this update, by part (only the parts that have some), without
/// reading the whole draft when the edit allows it. `read_from` holds the previous parts'
/// analyses and where they started, `previous` the desk's findings then.
///
/// What the desk finds about a name depends only on the names its keys reach (see [`Keys`]):
/// the names with its surname, full names with its given name and a surname one letter apart,
/// and for a bare speaker the names that open with its word. So when an edit changes the names
/// of a few parts (a name being typed), the desk gathers the names the edit's added and removed
/// names reach, and what those reach in turn, reads only those, and keeps its other findings,
/// moved by the edit.
///
/// The whole draft is read (`None`) when the parts changed in number or in which holds the
/// draft's lead paragraph, when the edit stands before the draft's first name (a "he" quoted
/// before anyone is named depends on where that is), or when the names gathered grow large.
pub(super) fn update_names(
    previous: Vec<(usize, Vec<Finding>)>,
    read_from: &[(Arc<SegmentResult>, usize)],
    parts: &[Part],
    ranges: &[Range<usize>],
    moved: &Moved,
    settings: &Settings,
) -> (Option<NamesByPart>, NamesDeskRead) {
    let whole_draft = (None, NamesDeskRead::WholeDraft);
    if read_from.len() != parts.len() {
        return whole_draft;
    }
    let old_bases: Vec<usize> = read_from.iter().map(|(_, base)| *base).collect();
    let mut changed = Vec::new();
    for (index, ((part, range), (old, old_base))) in
        parts.iter().zip(ranges).zip(read_from).enumerate()
    {
        let span = (range.start, range.end);
        if !(Arc::ptr_eq(&part.result, old)
            || same_names(old, *old_base, &part.result, span, moved))
        {
            changed.push(index);
            if changed.len() > MAX_CHANGED_PARTS {
                return whole_draft;
            }
        }
    }
    let Some(&first_changed) = changed.first() else {
        return match move_names(previous, &old_bases, parts, moved) {
            Some(findings) => (Some(findings), NamesDeskRead::Nothing),
            None => whole_draft,
        };
    };
    let first_named = parts.iter().position(|part| !part.result.names.is_empty());
    let first_named_before = read_from
        .iter()
        .position(|(result, _)| !result.names.is_empty());
    let after_first_name =
        first_named.is_some_and(|at| at < first_changed) && first_named == first_named_before;
    let same_lead = changed.iter().all(|&index| {
        let (old, new) = (&read_from[index].0, &parts[index].result);
        old.head.has_body == new.head.has_body && (old.paragraphs == 0) == (new.paragraphs == 0)
    });
    if !after_first_name || !same_lead {
        return whole_draft;
    }
    // The keys of the names the edit removed or added, and of the speakers quoted at them;
    // a name the edit only moved in its segment adds none.
    let mut keys = Keys::default();
    // Where names the edit removed or changed stood in the previous text (by part): the
    // desk's findings on them go.
    let mut gone: Vec<(usize, Range<usize>)> = Vec::new();
    let mut changed_names = 0;
    for &index in &changed {
        let ((old, old_base), new) = (&read_from[index], &*parts[index].result);
        let span = (ranges[index].start, ranges[index].end);
        let old_names: Vec<Option<Mention>> = old
            .names
            .iter()
            .map(|mention| moved_mention(mention, *old_base, span, moved))
            .collect();
        let (old_spoken, new_spoken) = (speaker_keys(old), speaker_keys(new));
        let spoken_at = |spoken: &[(usize, Cow<str>)], at: usize| -> Option<String> {
            spoken
                .iter()
                .find(|(spoken_at, _)| *spoken_at == at)
                .map(|(_, key)| key.to_string())
        };
        for (at, (mention, now)) in old.names.iter().zip(&old_names).enumerate() {
            if !now.as_ref().is_some_and(|now| new.names.contains(now)) {
                keys.add_mention(mention, spoken_at(&old_spoken, at).as_deref());
                gone.push((index, mention.range.clone()));
                changed_names += 1;
            }
        }
        for (at, mention) in new.names.iter().enumerate() {
            if !old_names.contains(&Some(mention.clone())) {
                keys.add_mention(mention, spoken_at(&new_spoken, at).as_deref());
                changed_names += 1;
            }
        }
        let old_speakers: Vec<(Option<Range<usize>>, &str)> = quoted_speakers(old)
            .map(|(range, name)| (moved.within(range, *old_base, span), name))
            .collect();
        for (range, name) in quoted_speakers(new) {
            if !old_speakers.contains(&(Some(range.clone()), name)) {
                add_speaker_name(&mut keys, name);
            }
        }
        for (now, name) in &old_speakers {
            let still = now.as_ref().is_some_and(|now| {
                quoted_speakers(new).any(|(range, new_name)| range == now && new_name == *name)
            });
            if !still {
                add_speaker_name(&mut keys, name);
            }
        }
    }
    let Some(gathered) = gather(parts, &mut keys, changed_names) else {
        return whole_draft;
    };
    let read = gathered.len();
    let mut per_part = run_desk(parts, Some(&gathered), settings);
    // The previous findings on names the desk did not read again stand, moved by the edit. In
    // a part the edit changed, a finding on the edited text stood on a name the edit touched,
    // which the desk read again (or which is gone).
    for (index, findings) in previous {
        let part_changed = changed.binary_search(&index).is_ok();
        let read_here: Vec<&Range<usize>> = gathered
            .iter()
            .filter(|(at, _)| *at == index)
            .map(|&(_, mention)| &parts[index].result.names[mention].range)
            .collect();
        let gone_here: Vec<&Range<usize>> = gone
            .iter()
            .filter(|(at, _)| *at == index)
            .map(|(_, range)| range)
            .collect();
        let within = |ranges: &[&Range<usize>], span: &Range<usize>| {
            ranges
                .iter()
                .any(|range| range.start <= span.start && span.end <= range.end)
        };
        for finding in findings {
            if within(&gone_here, &finding.span) {
                continue;
            }
            let Some(finding) = move_finding(finding, index, &old_bases, parts, moved) else {
                if part_changed {
                    continue;
                }
                return whole_draft;
            };
            if !within(&read_here, &finding.span) {
                per_part[index].push(finding);
            }
        }
    }
    let findings = per_part
        .into_iter()
        .enumerate()
        .filter(|(_, findings)| !findings.is_empty())
        .map(|(index, mut findings)| {
            findings.sort_by_key(|finding| (finding.span.start, finding.span.end, finding.rule));
            (index, findings)
        })
        .collect();
    (Some(findings), NamesDeskRead::Names(read))
}

/// Runs the names desk over the whole draft: the `name-variant` and `first-reference`
/// findings, which go into the parts they stand in. A part whose names findings are the same
/// as at the last update keeps its finding list (and its allocation).
///
/// `reused`, when given, holds the desk's findings by part (only the parts that have some),
/// found by [`update_names`] without reading the whole draft. (The index of people is not made
/// here: only the outline and the sheet read it, through [`Results::analysis`].)
pub(super) fn apply_names(
    parts: &mut [Part],
    settings: &Settings,
    reused: Option<Vec<(usize, Vec<Finding>)>>,
) {
    let per_part = match reused {
        Some(reused) => {
            let mut per_part: Vec<Vec<Finding>> = vec![Vec::new(); parts.len()];
            for (index, names) in reused {
                per_part[index] = names;
            }
            per_part
        }
        None => {
            let mut per_part = run_desk(parts, None, settings);
            for names in &mut per_part {
                names.sort_by_key(|finding| (finding.span.start, finding.span.end, finding.rule));
            }
            per_part
        }
    };
    for (part, names) in parts.iter_mut().zip(per_part) {
        if names == part.names {
            continue;
        }
        let mut own: Vec<Finding> = part.result.findings.as_ref().clone();
        own.extend(names.iter().cloned());
        own.sort_by_key(|finding| (finding.span.start, finding.span.end, finding.rule));
        part.own = if names.is_empty() {
            part.result.findings.clone()
        } else {
            Arc::new(own)
        };
        part.findings = part.own.clone();
        part.suppressed = false;
        part.reaches_back = names
            .iter()
            .flat_map(|finding| finding.related.iter())
            .map(|related| related.segments_back)
            .chain(std::iter::once(own_reach(&part.result)))
            .max()
            .unwrap_or(0);
        part.names = names;
    }
}

/// Runs the names desk's rules over the names of `only` (as (part, mention), in draft order,
/// with the speakers quoted at them), or over every name and speaker of the draft; their
/// findings by part, with offsets counted from each part's start, unsorted.
fn run_desk(
    parts: &[Part],
    only: Option<&[(usize, usize)]>,
    settings: &Settings,
) -> Vec<Vec<Finding>> {
    let (mentions, speakers) = match only {
        Some(only) => gathered_input(parts, only),
        None => names_input(parts),
    };
    let draft = DraftNames {
        mentions: &mentions,
        speakers: &speakers,
        settings,
    };
    let mut findings = Vec::new();
    for rule in rules::REGISTRY {
        if let Check::Names(check) = rule.check {
            rules::run(rule, settings, &mut findings, |found| {
                found.extend(check(&draft));
            });
        }
    }
    let part_at = |offset: usize| {
        parts
            .partition_point(|part| part.base <= offset)
            .saturating_sub(1)
    };
    let mut per_part: Vec<Vec<Finding>> = vec![Vec::new(); parts.len()];
    for mut finding in findings {
        let index = part_at(finding.span.start);
        for related in &mut finding.related {
            related.segments_back = index - part_at(related.span.start).min(index);
        }
        shift_finding(&mut finding, bases(parts, index), false);
        per_part[index].push(finding);
    }
    per_part
}

/// How many segments before its own a segment's analysis refers to (speakers named there).
pub(super) fn own_reach(result: &SegmentResult) -> usize {
    result
        .carried_before
        .nearby_speakers
        .iter()
        .map(|speaker| speaker.segments_back)
        .max()
        .unwrap_or(0)
}
