//! The shapes an attribution takes next to a quotation, each read on its own: a colon
//! introduction ("Smith said:"), a reporting verb right before the quotation, a speech noun
//! ("in a statement", "her answer"), a named subject, a dash signature or a signature line, a
//! name line above a quotation, a transcript's speaker label, and the subject that opens the
//! sentence before a quotation (with the reasons a copy editor would not take it as the speaker).

use std::ops::Range;

use super::super::attribution::{find_cue, Cue, Speaker};
use super::super::lexicon::{NAME_PARTICLES, SPEECH_NOUNS};
use super::super::quotes::{ParagraphLayout, Quotation};
use super::super::sentences::ABBREVIATIONS;
use super::super::words::{floor_char_boundary, words, Word};

/// Capitalised words that open sentences without naming anyone: the prepositions, conjunctions,
/// demonstratives and possessive determiners a sentence can begin with (closed word classes of
/// any English grammar, e.g. the Cambridge Grammar of the English Language, ch. 7 and 15), and
/// a few sentence adverbs. Articles stay out: "The Post" and "The Hague" are names.
#[rustfmt::skip]
const SENTENCE_OPENERS_NOT_NAMES: &[&str] = &[
    "in", "on", "at", "by", "for", "from", "with", "without", "of", "to",
    "after", "before", "since", "during", "under", "over", "as", "while", "when", "whenever",
    "if", "although", "though", "because", "until", "once", "but", "and", "or", "nor", "yet",
    "so", "then", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my",
    "your", "earlier", "later", "meanwhile", "still",
];

/// The cue for a colon introduction: the reporting verb of the clause before the colon when
/// there is one (it names the speaker), else the colon itself.
pub(super) fn colon_cue(
    text: &str,
    layout: &ParagraphLayout,
    quotation: &Quotation,
    colon_at: usize,
    interiors: &[Range<usize>],
) -> Cue {
    let clause_start = layout
        .sentences
        .iter()
        .rev()
        .find(|sentence| sentence.start <= colon_at)
        .map_or(layout.range.start, |sentence| sentence.start);
    find_cue(text, clause_start..colon_at, interiors).unwrap_or_else(|| Cue {
        range: colon_at..colon_at + 1,
        text: ":".to_string(),
        speaker: super::super::attribution::speaker_before_offset(text, clause_start..colon_at)
            .filter(|_| colon_at < quotation.span.start),
    })
}

/// How far before a quotation the verb introducing it, and the speaker before that verb, are
/// looked for.
pub(super) const VERB_REACH: usize = 300;

/// The reporting verb (or "words", as in "in Forbes' words") that ends the text before a
/// quotation, with at most a comma, colon or dash between them.
pub(super) fn verb_right_before(
    text: &str,
    paragraph_start: usize,
    quotation_start: usize,
) -> Option<Cue> {
    // Only the words just before the quotation matter; reading from the paragraph's start
    // would make a paragraph of many quotations quadratic.
    let paragraph_start = floor_char_boundary(
        text,
        paragraph_start.max(quotation_start.saturating_sub(VERB_REACH)),
    );
    let before = text[paragraph_start..quotation_start].trim_end();
    let stripped = before.trim_end_matches([',', ':', '—', '–']).trim_end();
    let preceding = words(text, paragraph_start..paragraph_start + stripped.len());
    let last = preceding.last()?;
    if last.range.end != paragraph_start + stripped.len() {
        return None;
    }
    let is_cue = super::super::lexicon::is_reporting_verb(last.text) || last.is("words");
    if !is_cue {
        return speech_noun_before(&preceding);
    }
    is_cue.then(|| Cue {
        range: last.range.clone(),
        text: last.text.to_string(),
        speaker: super::super::attribution::speaker_before_offset(
            text,
            paragraph_start..last.range.start,
        ),
    })
}

/// A noun of speech that owns the quotation right after it: `her remark that "..."`, `Her
/// answer was that "..."`, `comments from the senator that "..."`, `issued a statement, "..."`.
/// The noun needs an owner (a possessive, "from"/"by" someone) or a verb that issues it.
pub(super) fn speech_noun_before(preceding: &[Word]) -> Option<Cue> {
    let mut index = preceding.len();
    // Link words between the noun and the quotation.
    while index > 0 && preceding[index - 1].is_any(&["that", "was", "is", "were", "then", "as"]) {
        index -= 1;
    }
    // An owner after the noun: "comments from the senator", "a statement by Reyes".
    let mut owner_after = false;
    for back in 1..=5 {
        let Some(position) = index.checked_sub(back) else {
            break;
        };
        if preceding[position].is_any(&["from", "by", "of"])
            && position > 0
            && SPEECH_NOUNS.contains(&preceding[position - 1].text.to_ascii_lowercase().as_str())
        {
            index = position;
            owner_after = true;
            break;
        }
    }
    let noun = preceding.get(index.checked_sub(1)?)?;
    if !SPEECH_NOUNS.contains(&noun.text.to_ascii_lowercase().as_str()) {
        return None;
    }
    let noun_index = index - 1;
    let owned = (noun_index.saturating_sub(3)..noun_index).any(|position| {
        let word = &preceding[position];
        word.is_any(&["his", "her", "their", "its", "our", "my"])
            || word.text.ends_with("'s")
            || word.text.ends_with("’s")
            || word.is_any(&[
                "issued",
                "released",
                "made",
                "gave",
                "posted",
                "sent",
                "offered",
                "delivered",
                "had",
            ])
    });
    (owned || owner_after).then(|| Cue {
        range: noun.range.clone(),
        text: noun.text.to_string(),
        speaker: None,
    })
}

/// The first noun of speech with an owner among `before`: a possessive or "his"/"her" just
/// before it ("his warning", "Barrett's dictum"), or "by"/"from" and a name after it ("a
/// statement by Reyes").
pub(super) fn owned_speech_noun<'a>(before: &'a [Word<'a>]) -> Option<&'a Word<'a>> {
    before.iter().enumerate().find_map(|(index, word)| {
        if !SPEECH_NOUNS.contains(&word.text.to_ascii_lowercase().as_str()) || word.is("post") {
            return None;
        }
        let possessed = before[index.saturating_sub(2)..index].iter().any(|owner| {
            owner.is_any(&["his", "her", "their", "its"])
                || ((owner.text.ends_with("'s") || owner.text.ends_with("’s"))
                    && owner.is_capitalised())
        });
        // "issued a statement", "had a question for the crowd": a verb that delivers it.
        let delivered = before[index.saturating_sub(3)..index].iter().any(|verb| {
            verb.is_any(&[
                "issued",
                "released",
                "made",
                "gave",
                "posed",
                "offered",
                "delivered",
                "had",
            ])
        });
        // "In an August speech, Trump attacked ...": the medium of the sentence's speaker.
        let medium = index >= 2
            && before[index.saturating_sub(3)..index - 1]
                .iter()
                .any(|word| word.is("in"))
            && !word.is_any(&["response", "answer", "question", "reply"]);
        let by_someone = before
            .get(index + 1)
            .is_some_and(|after| after.is_any(&["by", "from"]))
            && before[(index + 2).min(before.len())..(index + 4).min(before.len())]
                .iter()
                .any(|name| name.is_capitalised() || name.is_any(&["the", "a"]));
        (possessed || delivered || medium || by_someone).then_some(word)
    })
}

/// The first name in `text[range]` that is not merely the capital of the sentence's first word:
/// "the FBI", "Trump, who", "Senator Bernie Sanders". A lone capitalised first word ("The",
/// "Under") names nobody.
pub(super) fn named_subject_before(text: &str, range: Range<usize>) -> Option<Speaker> {
    let before = words(text, range);
    let mut index = before.iter().enumerate().position(|(position, word)| {
        word.is_capitalised()
            && word.text.len() > 1
            && !word.is("I")
            && (position > 0 || before.get(1).is_some_and(|second| second.is_capitalised()))
            // "In Trump's", "While Mr. Ryan", "The Sanders campaign": a sentence's opening
            // preposition, conjunction or article is capitalised but names nobody.
            && !(position == 0 && word.is_any(SENTENCE_OPENERS_NOT_NAMES))
    })?;
    let start = before[index].range.start;
    while before.get(index + 1).is_some_and(|next| {
        let between = text[before[index].range.end..next.range.start].trim();
        // "Mr. Ryan", "Sen. Elizabeth Warren": an abbreviated title's full stop joins the name.
        let after_title = between == "." && before[index].is_any(ABBREVIATIONS);
        next.is_capitalised() && (between.is_empty() || after_title)
    }) {
        index += 1;
    }
    let end = before[index].range.end;
    Some(Speaker {
        range: start..end,
        name: text[start..end].to_string(),
    })
}

/// A capitalised name after a dash right after a quotation: `"..." ― Ana Ruiz`.
pub(super) fn dash_signature(
    text: &str,
    quotation_end: usize,
    paragraph_end: usize,
) -> Option<Speaker> {
    let after = &text[quotation_end..paragraph_end];
    let rest = after.trim_start();
    // An em dash, a horizontal bar, an en dash, or a hyphen standing for one ("- Clinton").
    let dash = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '―' | '—' | '–') || (*c == '-' && rest[1..].starts_with(' ')))?;
    let name_start = quotation_end + (after.len() - rest.len()) + dash.len_utf8();
    // "–@handle": a social-media handle signs a post the way a name signs a pull quote.
    let signed = text[name_start..paragraph_end].trim_start();
    if let Some(handle) = signed.strip_prefix('@') {
        let length = handle
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(handle.len());
        if length > 0 {
            let start = paragraph_end - signed.len();
            return Some(Speaker {
                range: start..start + 1 + length,
                name: text[start..start + 1 + length].to_string(),
            });
        }
    }
    let window_end = floor_char_boundary(text, paragraph_end.min(name_start + 80));
    let following = words(text, name_start..window_end);
    let name: Vec<_> = following
        .iter()
        .take_while(|word| word.is_capitalised())
        .take(4)
        .collect();
    let (first, last) = (name.first()?, name.last()?);
    if !text[name_start..first.range.start].trim().is_empty() {
        return None;
    }
    Some(Speaker {
        range: first.range.start..last.range.end,
        name: text[first.range.start..last.range.end].to_string(),
    })
}

/// A paragraph that is only a name of one to four capitalised words, with at most a full stop
/// after it ("Hillary Clinton."), as signatures under pull quotes and fact checks are set.
pub(super) fn name_line(text: &str, paragraph: Range<usize>) -> Option<Speaker> {
    let raw = &text[paragraph.clone()];
    let line = raw.trim();
    let start = paragraph.start + (raw.len() - raw.trim_start().len());
    let name = line.strip_suffix('.').unwrap_or(line);
    let name_words = words(text, start..start + name.len());
    let is_name = (1..=4).contains(&name_words.len())
        && name_words
            .iter()
            .all(|word| word.is_capitalised() || word.is_any(NAME_PARTICLES))
        && !name_words[0].is_any(&["the", "a", "an", "this", "that", "i"])
        && name_words
            .last()
            .is_some_and(|last| last.range.end == start + name.len())
        && !name.contains([':', ',', '"', '“', '”', '(', ')']);
    is_name.then(|| Speaker {
        range: start..start + name.len(),
        name: name.to_string(),
    })
}

/// The last line of a quotation when it is only a name (and affiliation): a signature.
pub(super) fn signature_line(text: &str, inner: &Range<usize>) -> Option<Speaker> {
    let interior = text[inner.clone()].trim_end();
    let newline = interior.rfind('\n')?;
    let line = interior[newline + 1..]
        .trim()
        .trim_end_matches(['.', '"', '”']);
    let line_start = inner.start
        + newline
        + 1
        + (interior[newline + 1..].len() - interior[newline + 1..].trim_start().len());
    let name_words = words(text, line_start..line_start + line.len());
    let capitalised = name_words
        .iter()
        .filter(|word| word.is_capitalised())
        .count();
    let signature = !name_words.is_empty()
        && name_words.len() <= 10
        && name_words[0].is_capitalised()
        && capitalised * 2 >= name_words.len()
        && !line.contains(['?', '!', ';']);
    signature.then(|| Speaker {
        range: line_start..line_start + line.len(),
        name: line.to_string(),
    })
}

/// The named person (two or more capitalised words) or the "he" or "she" that opens a sentence
/// as the subject of an action beat ("Lopez shook her head."). A sentence-initial adverb
/// ("Earlier, Ukraine's delegation ...") is no name, a possessive ("Ukraine's delegation") names
/// no speaker, and a subject whose verb governs a that-clause of its own ("Reyes decided on
/// Sunday that ...") did something other than speak.
pub(super) fn opening_subject(
    text: &str,
    sentence: Range<usize>,
    excluded: &[Range<usize>],
) -> Option<Speaker> {
    let sentence_words = words(text, sentence.clone());
    let first = sentence_words.first()?;
    if first.is_any(&[
        "the", "a", "an", "this", "that", "in", "on", "at", "for", "but", "and", "as", "when",
        "after", "before", "if",
    ]) {
        return None;
    }
    let has_own_that_clause = super::super::clauses::clauses(text, sentence.clone(), excluded)
        .iter()
        .any(|clause| clause.kind == super::super::clauses::ClauseKind::That);
    if has_own_that_clause {
        return None;
    }
    if first.is_any(&["he", "she"]) {
        return Some(Speaker {
            range: first.range.clone(),
            name: first.text.to_string(),
        });
    }
    let mut name: Vec<&Word> = Vec::new();
    for word in &sentence_words {
        let adjacent = name.last().is_none_or(|last| {
            // "Mr. Hannity" and "H. Malyar" are one name; "Earlier, Ukraine" is not.
            text[last.range.end..word.range.start]
                .trim_matches(|c: char| c.is_whitespace() || c == '.')
                .is_empty()
        });
        if !word.is_capitalised() || !adjacent {
            break;
        }
        name.push(word);
    }
    // Two or more capitalised words, followed by a verb-like lower-case word.
    let next = sentence_words.get(name.len())?;
    let possessive = name
        .iter()
        .any(|word| word.text.ends_with("'s") || word.text.ends_with("’s"));
    if name.len() < 2
        || name.len() > 4
        || possessive
        || !next.text.chars().all(|c| c.is_lowercase())
    {
        return None;
    }
    let (start, end) = (name[0].range.start, name[name.len() - 1].range.end);
    Some(Speaker {
        range: start..end,
        name: text[start..end].to_string(),
    })
}

/// Why the sentence before a quotation, opening on what looks like a person, was not read as
/// an action beat: its verb is no speech verb and governs a that-clause of its own, its subject
/// is a possessive, or its first word is an adverb.
pub(super) fn beat_rejection(text: &str, sentence: Range<usize>) -> Option<String> {
    let sentence_words = words(text, sentence.clone());
    let first = sentence_words.first()?;
    if !first.is_capitalised() {
        return None;
    }
    if text[first.range.end..sentence.end].starts_with(',')
        && sentence_words.get(1).is_some_and(Word::is_capitalised)
    {
        return Some(format!(
            "'{}' is an adverb, not a speaker's name",
            first.text
        ));
    }
    let name_length = sentence_words
        .iter()
        .take_while(|word| word.is_capitalised())
        .count();
    let name = &sentence_words[..name_length];
    if let Some(owner) = name
        .iter()
        .find(|word| word.text.ends_with("'s") || word.text.ends_with("’s"))
    {
        return Some(format!("'{}' is a possessive, not a speaker", owner.text));
    }
    let verb = sentence_words.get(name_length)?;
    let has_that_clause = super::super::clauses::clauses(text, sentence, &[])
        .iter()
        .any(|clause| clause.kind == super::super::clauses::ClauseKind::That);
    (name_length >= 1 && has_that_clause).then(|| {
        format!(
            "'{}' is not a speech verb, and its that-clause is a statement of its own",
            verb.text
        )
    })
}

/// Whether a sentence only describes: short, naming nobody new (no capitalised word after its
/// first), with no quotation and no cue of its own ("It surprised everyone.").
pub(super) fn describes_without_a_new_subject(
    text: &str,
    sentence: Range<usize>,
    excluded: &[Range<usize>],
) -> bool {
    let sentence_words = words(text, sentence.clone());
    let quiet = sentence_words.len() <= 12
        && sentence_words
            .iter()
            .skip(1)
            .all(|word| !word.is_capitalised() || word.is("I"))
        && !text[sentence.clone()].contains(['"', '“', '”', '«', '»'])
        && sentence_words.first().is_some_and(|first| {
            first.is_any(&["it", "that", "this", "the", "there", "he", "she", "they"])
        });
    quiet && find_cue(text, sentence, excluded).is_none()
}

/// An upper-case speaker label that opens a quotation, as transcripts print them ("PENCE:").
pub(super) fn speaker_label(text: &str, inner: &Range<usize>) -> Option<Range<usize>> {
    let interior = &text[inner.clone()];
    let colon = interior.find(':')?;
    let label = &interior[..colon];
    let letters: Vec<char> = label.chars().filter(|c| c.is_alphabetic()).collect();
    let is_label = letters.len() >= 2
        && label.len() <= 40
        && letters.iter().all(|c| c.is_uppercase())
        && label
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '\''));
    is_label.then(|| inner.start..inner.start + colon + 1)
}

/// A source in brackets right after a quotation, as news digests and fact-check sites print
/// them: `HEADLINE "..." [AP.]`, `Senator Ortiz Said "..." [Chamber speech, 3/14/21.]`. The
/// bracket must close the paragraph (a full stop may follow) and open on a capital, so that an
/// editor's insertion inside a sentence ("[sic]", "[the mayor]") is not read as a source.
pub(super) fn bracketed_source(
    text: &str,
    quotation_end: usize,
    paragraph_end: usize,
) -> Option<Speaker> {
    let after = &text[quotation_end..paragraph_end];
    let rest = after.trim_start();
    let inside = rest.strip_prefix('[')?;
    let close = inside.find(']')?;
    let tail = inside[close + 1..].trim();
    if close > 120 || !(tail.is_empty() || tail == ".") {
        return None;
    }
    let source = inside[..close].trim().trim_end_matches('.').trim();
    if !source.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let start =
        quotation_end + (after.len() - inside.len()) + (inside.len() - inside.trim_start().len());
    Some(Speaker {
        range: start..start + source.len(),
        name: source.to_string(),
    })
}
