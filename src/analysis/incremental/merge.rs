//! Putting the parts back together: the draft's suppression directives applied across parts,
//! and the whole draft's analysis made from the parts, offsets moved from each segment's to the
//! draft's.

use super::names_desk::names_input;
use super::*;

/// Applies the draft's suppression directives to the parts' findings and returns the
/// directives with their scopes and counts; `None` when the draft has none and no part's
/// findings were suppressed before (the usual case, checked with one pass over the parts).
/// Only the parts a directive stands in or reaches get new finding lists; the others keep
/// their analysis's own.
pub(super) fn apply_suppressions(
    text: &str,
    parts: &mut [Part],
    settings: &Settings,
) -> Option<Vec<Suppression>> {
    if !parts
        .iter()
        .any(|part| part.has_directives || part.suppressed)
    {
        return None;
    }
    for part in parts.iter_mut().filter(|part| part.suppressed) {
        part.findings = part.own.clone();
        part.suppressed = false;
    }
    let mut directives: Vec<Suppression> = parts
        .iter()
        .filter(|part| part.has_directives)
        .flat_map(|part| {
            part.result.directives.iter().map(|directive| {
                let mut directive = directive.clone();
                shift_suppression(&mut directive, part.base);
                directive
            })
        })
        .collect();
    if directives.is_empty() {
        return Some(directives);
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
    for (index, part) in parts
        .iter()
        .enumerate()
        .filter(|(index, _)| touched[*index])
    {
        findings.extend(part.own.iter().map(|finding| {
            let mut finding = finding.clone();
            shift_finding(&mut finding, bases(parts, index), true);
            finding
        }));
    }
    suppressions::apply(&mut directives, &mut findings);
    rules::report_suppressions(text, &directives, settings, &mut findings);
    findings.sort_by_key(|finding| (finding.span.start, finding.span.end, finding.rule));
    let mut per_part: Vec<Vec<Finding>> = vec![Vec::new(); parts.len()];
    for mut finding in findings {
        let index = part_at(finding.span.start);
        shift_finding(&mut finding, bases(parts, index), false);
        per_part[index].push(finding);
    }
    for ((part, touched), findings) in parts.iter_mut().zip(touched).zip(per_part) {
        if touched {
            part.findings = Arc::new(findings);
            part.suppressed = true;
        }
    }
    Some(directives)
}

impl Results {
    /// The whole draft's analysis from its parts: offsets moved from each segment's own to the
    /// draft's.
    pub(super) fn merge(&self) -> Analysis {
        let mut analysis = merge_parts(
            self.reference,
            &self.parts,
            &self.suppressions,
            self.people(),
        );
        if let Some(set_date) = &self.set_date {
            for finding in &mut analysis.findings {
                dateline::mark_assumed(finding, set_date);
            }
        }
        analysis
    }

    /// The people and organisations the draft names (draft offsets), indexed on first use.
    pub fn people(&self) -> &[Person] {
        self.people.get_or_init(|| {
            let (mentions, speakers) = names_input(&self.parts);
            names::index(&mentions, &speakers)
        })
    }
}

pub(super) fn merge_parts(
    reference: ReferenceDate,
    parts: &[Part],
    suppressions: &[Suppression],
    people: &[Person],
) -> Analysis {
    let mut findings = Vec::with_capacity(parts.iter().map(|part| part.findings.len()).sum());
    let mut quotations = Vec::new();
    let mut figures = Vec::new();
    let mut paragraphs_before = 0;
    for (index, part) in parts.iter().enumerate() {
        findings.extend(part.findings.iter().map(|finding| {
            let mut finding = finding.clone();
            shift_finding(&mut finding, bases(parts, index), true);
            for related in &mut finding.related {
                related.segments_back = 0;
            }
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
        people: people.to_vec(),
    }
}

/// Moves a range by `by` bytes, forward or back.
pub(super) fn shift(range: &mut Range<usize>, by: usize, forward: bool) {
    if forward {
        *range = range.start + by..range.end + by;
    } else {
        *range = range.start - by..range.end - by;
    }
}

/// Where the segments before the part at `index` start: `n` gives the start of the segment `n`
/// before it (0: its own), as a finding's [`Related::segments_back`](super::Related) counts.
pub fn bases(parts: &[Part], index: usize) -> impl Fn(usize) -> usize + '_ {
    move |back| index.checked_sub(back).map_or(0, |at| parts[at].base)
}

/// Moves a finding's offsets from its segment's to the draft's, or back. `bases` says where
/// each segment it refers to starts (see [`bases`]).
pub(super) fn shift_finding(finding: &mut Finding, bases: impl Fn(usize) -> usize, forward: bool) {
    let own = bases(0);
    shift(&mut finding.span, own, forward);
    for fix in &mut finding.fixes {
        for edit in &mut fix.edits {
            shift(&mut edit.range, own, forward);
        }
    }
    for related in &mut finding.related {
        shift(&mut related.span, bases(related.segments_back), forward);
    }
}

pub(super) fn shift_quotation(quotation: &mut Quotation, by: usize) {
    shift(&mut quotation.span, by, true);
    shift(&mut quotation.inner, by, true);
    if let Some(attribution) = &mut quotation.attribution {
        shift(&mut attribution.cue.range, by, true);
        if let Some(speaker) = &mut attribution.cue.speaker {
            shift(&mut speaker.range, by, true);
        }
    }
}

pub(super) fn shift_suppression(directive: &mut Suppression, by: usize) {
    shift(&mut directive.span, by, true);
    directive.reason_at += by;
    for (range, _) in &mut directive.scope {
        shift(range, by, true);
    }
}
