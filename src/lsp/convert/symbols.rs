//! The document outline: the draft's quotations, dates and figures, and the people it names.

use super::*;

/// The article's sources as an outline: each speaker with their quotations as children, then
/// the speech nobody is said to have said.
#[allow(deprecated)] // DocumentSymbol's `deprecated` field must still be written out.
pub fn document_symbols(snapshot: &Snapshot, encoding: PositionEncoding) -> Vec<DocumentSymbol> {
    let mut groups: Vec<(String, Vec<&Quotation>)> = Vec::new();
    for quotation in quotations(snapshot)
        .iter()
        .filter(|quotation| quotation.kind == QuoteKind::Speech)
    {
        let speaker = match (&quotation.attribution, &quotation.speaker) {
            (None, _) => "Unattributed".to_string(),
            (Some(_), Some(name)) => name.clone(),
            (Some(attribution), None) => format!("Attributed ({})", attribution.cue.text),
        };
        match groups.iter_mut().find(|(name, _)| *name == speaker) {
            Some((_, members)) => members.push(quotation),
            None => groups.push((speaker, vec![quotation])),
        }
    }
    // The unattributed group comes last, where an editor looks for what is left to do.
    groups.sort_by_key(|(name, _)| name == "Unattributed");
    let mut symbols: Vec<DocumentSymbol> = groups
        .into_iter()
        .map(|(name, members)| {
            let children: Vec<DocumentSymbol> = members
                .iter()
                .map(|quotation| {
                    let text = snapshot.rope.byte_slice(quotation.span.clone()).to_string();
                    let mut label: String = text.chars().take(60).collect();
                    if text.chars().count() > 60 {
                        label.push('…');
                    }
                    let quote_range = range(snapshot, &quotation.span, encoding);
                    DocumentSymbol {
                        name: label,
                        detail: quotation
                            .attribution
                            .as_ref()
                            .map(|attribution| attribution.cue.text.clone()),
                        kind: SymbolKind::STRING,
                        tags: None,
                        deprecated: None,
                        range: quote_range,
                        selection_range: quote_range,
                        children: None,
                    }
                })
                .collect();
            let whole = Range::new(
                children
                    .first()
                    .map_or_else(Position::default, |first| first.range.start),
                children
                    .last()
                    .map_or_else(Position::default, |last| last.range.end),
            );
            let selection = children.first().map_or(whole, |first| first.range);
            group_symbol(name, "quotation", whole, selection, children)
        })
        .collect();
    symbols.extend(people_symbol(snapshot, encoding));
    symbols
}

/// The outline's "People" group: every person and organisation the draft names, at their
/// first mention, with the spellings used when there are several.
#[allow(deprecated)] // DocumentSymbol's `deprecated` field must still be written out.
fn people_symbol(snapshot: &Snapshot, encoding: PositionEncoding) -> Option<DocumentSymbol> {
    let Outcome::Analysed(results) = &snapshot.outcome else {
        return None;
    };
    let people = &results.analysis().people;
    let children: Vec<DocumentSymbol> = people
        .iter()
        .filter_map(|person| {
            let first = person
                .first_full
                .clone()
                .or_else(|| person.mentions.first().cloned())?;
            let at = range(snapshot, &first, encoding);
            let mut detail = format!(
                "{}, {}",
                person.kind.as_str(),
                counted(person.mentions.len(), "mention")
            );
            if !person.variants.is_empty() {
                detail.push_str(&format!("; also spelled {}", person.variants.join(", ")));
            }
            if person.first_full.is_none() {
                detail.push_str("; never named in full");
            }
            Some(DocumentSymbol {
                name: match &person.title {
                    Some(title) => format!("{} ({title})", person.name),
                    None => person.name.clone(),
                },
                detail: Some(detail),
                kind: SymbolKind::OBJECT,
                tags: None,
                deprecated: None,
                range: at,
                selection_range: at,
                children: None,
            })
        })
        .collect();
    let first = children.first()?.range;
    let last = children
        .iter()
        .map(|child| child.range.end)
        .max_by_key(|end| (end.line, end.character));
    let whole = Range::new(first.start, last.unwrap_or(first.end));
    Some(group_symbol(
        "People".to_string(),
        "name",
        whole,
        first,
        children,
    ))
}

/// A group of the outline (a speaker's quotations, the people named), its detail saying how
/// many `noun`s it holds.
#[allow(deprecated)] // DocumentSymbol's `deprecated` field must still be written out.
fn group_symbol(
    name: String,
    noun: &str,
    whole: Range,
    selection: Range,
    children: Vec<DocumentSymbol>,
) -> DocumentSymbol {
    DocumentSymbol {
        name,
        detail: Some(counted(children.len(), noun)),
        kind: SymbolKind::NAMESPACE,
        tags: None,
        deprecated: None,
        range: whole,
        selection_range: selection,
        children: Some(children),
    }
}

/// "1 name", "2 names": a count with its noun, in the plural unless it is one.
fn counted(count: usize, noun: &str) -> String {
    format!("{count} {noun}{}", if count == 1 { "" } else { "s" })
}
