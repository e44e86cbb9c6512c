//! Clauses inside a sentence, found from punctuation and joining words alone.
//!
//! A source stands in the clause of what it sources: in "The plant employs 1,200 people, and
//! the governor said she hoped to visit it." the governor speaks about a visit, not about the
//! head count, and in "The city has spent $4 million on the stadium, which the mayor promised
//! to finish next year." the mayor promises the stadium, not the spending. These helpers cut
//! a sentence at the joins a reader hears as a new clause (", and", ", but", ", while", a
//! relative ", which" or ", who") without a part-of-speech tagger. They are generic: nothing
//! here knows about figures or quotations, so a fuller clause layer can replace them.

use std::ops::Range;

/// Joins that start a coordinated clause: the clause before ends at the comma.
const COORDINATING_JOINS: [&str; 4] = [", and ", ", but ", ", while ", ", whereas "];

/// Joins that start a relative clause about the noun before the comma.
const RELATIVE_JOINS: [&str; 3] = [", which ", ", who ", ", whose "];

/// The clause of `text[sentence]` that holds `offset`.
///
/// Coordinated clauses (", and the governor said ...") are cut at their comma. A relative
/// clause (", which the mayor promised ...") that follows `offset` ends its clause; one that
/// holds `offset` reaches back over the clause it describes and ends at the next comma.
pub fn clause_around(text: &str, sentence: &Range<usize>, offset: usize) -> Range<usize> {
    let body = &text[sentence.clone()];
    let mut start = sentence.start;
    let mut end = sentence.end;
    let mut last_relative = None;
    for join in COORDINATING_JOINS {
        for (at, _) in body.match_indices(join) {
            let boundary = sentence.start + at;
            if boundary + join.len() <= offset {
                start = start.max(boundary + 2);
            } else if boundary >= offset {
                end = end.min(boundary);
            }
        }
    }
    for join in RELATIVE_JOINS {
        for (at, _) in body.match_indices(join) {
            let boundary = sentence.start + at;
            if boundary + join.len() <= offset {
                last_relative = last_relative.max(Some(boundary));
            } else if boundary >= offset {
                end = end.min(boundary);
            }
        }
    }
    // A relative clause describes a noun of the clause before it, which stays in reach ("said
    // the agency, which fell about 2,000 pages short"), and the next comma closes it: "Acme,
    // which employs 300 people, said on Monday" keeps "said" out.
    if last_relative.is_some_and(|relative| relative >= start) {
        let from = offset.min(end);
        if let Some(comma) = text[from..end].find(", ") {
            end = from + comma;
        }
    }
    start..end.max(start)
}

/// The range of a sentence-final ", according to X", which sources every coordinated clause
/// before it: "Sales rose 4 percent, and exports fell 2 percent, according to the ministry."
pub fn final_according_to(text: &str, sentence: &Range<usize>) -> Option<Range<usize>> {
    let body = &text[sentence.clone()];
    let at = body.rfind(", according to ")?;
    let tail = &body[at + 2..];
    // The phrase must run to the end of the sentence: no further clause after it.
    let closes_sentence = !tail.contains([',', ';', '—']);
    closes_sentence.then(|| sentence.start + at + 2..sentence.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clause_of(sentence: &str, marker: &str) -> &'static str {
        let offset = sentence.find(marker).expect("marker in sentence");
        let range = clause_around(sentence, &(0..sentence.len()), offset);
        Box::leak(sentence[range].trim().to_string().into_boxed_str())
    }

    #[test]
    fn cuts_coordinated_and_relative_clauses() {
        for (sentence, marker, expected) in [
            (
                "The plant employs 1,200 people, and the governor said she hoped to visit it.",
                "1,200",
                "The plant employs 1,200 people",
            ),
            (
                "The plant employs 1,200 people, and the governor said she hoped to visit it.",
                "governor",
                "and the governor said she hoped to visit it.",
            ),
            (
                "The city has spent $4 million on the stadium, which the mayor promised to finish.",
                "$4",
                "The city has spent $4 million on the stadium",
            ),
            (
                "Acme, which employs 300 people, said it would close.",
                "300",
                "Acme, which employs 300 people",
            ),
            (
                "\"We missed it,\" said the agency, which fell 2,000 pages short.",
                "2,000",
                "\"We missed it,\" said the agency, which fell 2,000 pages short.",
            ),
            (
                "Sales rose 4 percent while costs fell.",
                "4 percent",
                "Sales rose 4 percent while costs fell.",
            ),
        ] {
            assert_eq!(clause_of(sentence, marker), expected, "{sentence}");
        }
    }

    #[test]
    fn finds_a_sentence_final_according_to() {
        let sentence =
            "Sales rose 4 percent, and exports fell 2 percent, according to the ministry.";
        let found = final_according_to(sentence, &(0..sentence.len())).expect("found");
        assert_eq!(&sentence[found], "according to the ministry.");
        let inside = "According to the ministry, sales rose.";
        assert_eq!(final_according_to(inside, &(0..inside.len())), None);
    }
}
