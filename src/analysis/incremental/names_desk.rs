//! The names desk over the parts of a draft: what it reads of every part, when a keystroke
//! leaves its input as it was (or only moved), and how its findings go into the parts.

use super::merge::{bases, shift_finding};
use super::*;

/// What the names desk reads of the whole draft: every mention and every quotation's named
/// speaker, in draft order with draft offsets, borrowed from the parts' analyses.
pub(super) fn names_input(parts: &[Part]) -> (Vec<Placed<'_>>, Vec<QuotedSpeaker<'_>>) {
    let mut mentions: Vec<Placed> =
        Vec::with_capacity(parts.iter().map(|part| part.result.names.len()).sum());
    let mut speakers: Vec<QuotedSpeaker> = Vec::new();
    // The draft's first paragraph is its headline when no heading comes before it: only the
    // first segment with a body paragraph can hold it, and only when no segment before it
    // holds a paragraph (a heading) of its own.
    let lead_part = parts
        .iter()
        .position(|part| part.result.head.has_body)
        .filter(|&at| parts[..at].iter().all(|part| part.result.paragraphs == 0));
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
    let same_mentions = old.names.iter().zip(&new.names).all(|(old, new)| {
        let mut old = old.clone();
        let Some(range) = moved.within(&old.range, old_base, new_span) else {
            return false;
        };
        old.range = range;
        for word in &mut old.words {
            let Some(range) = moved.within(&word.range, old_base, new_span) else {
                return false;
            };
            word.range = range;
        }
        old == *new
    });
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
    let span_of = |at: usize| {
        let end = parts.get(at + 1).map_or(usize::MAX, |next| next.base);
        (parts[at].base, end)
    };
    previous
        .into_iter()
        .map(|(index, mut findings)| {
            for finding in &mut findings {
                let (from, to) = (old_bases[index], span_of(index));
                finding.span = moved.within(&finding.span, from, to)?;
                for fix in &mut finding.fixes {
                    for edit in &mut fix.edits {
                        // An edit may reach past its finding's segment: only its start is
                        // bound to the segment's.
                        edit.range = moved.within(&edit.range, from, (to.0, usize::MAX))?;
                    }
                }
                for related in &mut finding.related {
                    let at = index.checked_sub(related.segments_back)?;
                    related.span = moved.within(&related.span, old_bases[at], span_of(at))?;
                }
            }
            Some((index, findings))
        })
        .collect()
}

/// Runs the names desk over the whole draft: the `name-variant` and `first-reference`
/// findings, which go into the parts they stand in. A part whose names findings are the same
/// as at the last update keeps its finding list (and its allocation).
///
/// `reused`, when given, holds the findings of the last update's run by part (only the parts
/// that had some): the caller found that every part gives the names desk what it gave then,
/// so the run would find the same, and it is skipped. (The index of people is not made here:
/// only the outline and the sheet read it, through [`Results::analysis`].)
pub(super) fn apply_names(
    parts: &mut [Part],
    settings: &Settings,
    reused: Option<Vec<(usize, Vec<Finding>)>>,
) {
    let mut per_part: Vec<Vec<Finding>> = vec![Vec::new(); parts.len()];
    if let Some(reused) = reused {
        for (index, names) in reused {
            per_part[index] = names;
        }
    } else {
        let (mentions, speakers) = names_input(parts);
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
        for mut finding in findings {
            let index = part_at(finding.span.start);
            for related in &mut finding.related {
                related.segments_back = index - part_at(related.span.start).min(index);
            }
            shift_finding(&mut finding, bases(parts, index), false);
            per_part[index].push(finding);
        }
        for names in &mut per_part {
            names.sort_by_key(|finding| (finding.span.start, finding.span.end, finding.rule));
        }
    }
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
