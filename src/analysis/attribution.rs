//! Finding the attribution cue in a stretch of prose: a reporting verb ("said", "told"), a
//! source phrase ("according to", "in a statement") or a colon introduction ("Smith said:").
//! Quotations and figures share this search, so that both rules agree on what a source is.

use std::ops::Range;

use super::lexicon::{
    reporting_verb, VerbForm, AFTER_PLURAL_NOUN, BEFORE_NON_REPORTING_BASE, DETERMINERS,
    INTENTION_VERBS, MORE_SOURCE_PHRASES, NAME_PARTICLES, NOUN_LIKE_VERBS, PRONOUN_SPEAKERS,
    SOURCE_PHRASES,
};
use super::words::{words, Word};

/// An attribution cue and, when one stands next to it, the speaker it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    pub range: Range<usize>,
    pub text: String,
    pub speaker: Option<Speaker>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    pub range: Range<usize>,
    pub name: String,
}

/// Words that may stand between a speaker and the verb ("Smith also said", "she has told").
/// Source: written for copydesk from the adverbs and auxiliaries English allows between a subject
/// and its verb.
const BETWEEN_SPEAKER_AND_VERB: &[&str] = &[
    "also",
    "later",
    "then",
    "has",
    "had",
    "have",
    "was",
    "were",
    "is",
    "previously",
    "recently",
    "once",
    "further",
    "again",
    "earlier",
    "repeatedly",
    "publicly",
    "privately",
    "would",
    "will",
    "could",
    "did",
    "reportedly",
    "often",
    "had",
    "just",
    "first",
    "last",
];

/// The first cue in `text[range]` that lies outside every range in `excluded` (quotation
/// interiors: a verb inside a quotation does not attribute it).
pub fn find_cue(text: &str, range: Range<usize>, excluded: &[Range<usize>]) -> Option<Cue> {
    // Intentions ("wants", "plans", "proposes") attribute a figure to a plan, but nobody is
    // quoted by them.
    find_cue_where(text, range, excluded, |cue| !is_intention(cue))
}

/// Whether a cue states an intention rather than speech.
pub fn is_intention(cue: &Cue) -> bool {
    reporting_verb(&cue.text).is_some_and(|(base, _)| INTENTION_VERBS.contains(&base))
}

/// The first cue in `text[range]`, outside `excluded`, that `accept` takes.
pub fn find_cue_where(
    text: &str,
    range: Range<usize>,
    excluded: &[Range<usize>],
    accept: impl Fn(&Cue) -> bool,
) -> Option<Cue> {
    let all_words = words(text, range.clone());
    // One sweep instead of testing every word against every excluded range: a sentence of many
    // short quotations would otherwise cost words times quotations on each search. The ranges
    // that reach into `range`, sorted by start; a word lies inside one exactly when the
    // furthest end among those starting at or before it reaches past the word.
    let mut skips: Vec<&Range<usize>> = excluded
        .iter()
        .filter(|skip| skip.start < range.end && skip.end > range.start)
        .collect();
    skips.sort_unstable_by_key(|skip| skip.start);
    let mut next_skip = 0;
    let mut reach = 0;
    let outside: Vec<&Word> = all_words
        .iter()
        .filter(|word| {
            while let Some(skip) = skips.get(next_skip).filter(|s| s.start <= word.range.start) {
                reach = reach.max(skip.end);
                next_skip += 1;
            }
            reach < word.range.end
        })
        .collect();
    for (position, word) in outside.iter().enumerate() {
        let cue = if let Some(length) = phrase_at(&outside, position) {
            let last = outside[position + length - 1];
            let phrase_range = word.range.start..last.range.end;
            // "according to the ministry" names its source after the phrase; "Osei put it",
            // "the union puts the number at" before it.
            let speaker = speaker_after(text, &outside, position + length, range.end)
                .or_else(|| speaker_before(text, &outside, position));
            Cue {
                text: text[phrase_range.clone()].to_string(),
                speaker,
                range: phrase_range,
            }
        } else if used_as_reporting_verb(text, &outside, position) {
            let speaker = speaker_before(text, &outside, position)
                .or_else(|| speaker_after(text, &outside, position + 1, range.end));
            Cue {
                range: word.range.clone(),
                text: word.text.to_string(),
                speaker,
            }
        } else {
            continue;
        };
        if accept(&cue) {
            return Some(cue);
        }
    }
    None
}

/// Whether the word at `position` is a reporting verb used as one: "the claims could rise"
/// and "would add" are not attributions, "officials claim" and "she added" are.
fn used_as_reporting_verb(text: &str, outside: &[&Word], position: usize) -> bool {
    let word = outside[position];
    let Some((base, form)) = reporting_verb(word.text) else {
        return false;
    };
    // "state(s)" and "point(s)" are nearly always the nouns; "stated" and "pointed out" remain.
    if matches!(base, "state" | "point") && matches!(form, VerbForm::Base | VerbForm::ThirdPerson) {
        return false;
    }
    // The word before, unless a quotation stands between them ("“...,” say critics").
    let previous = position
        .checked_sub(1)
        .map(|index| outside[index])
        .filter(|before| {
            !text[before.range.end..word.range.start].contains(['"', '“', '”', '«', '»'])
        });
    let next = outside.get(position + 1);
    // Inside a sentence, a capital makes a name: "the Green Mountain State", "United States".
    let sentence_start = previous.is_none_or(|before| {
        text[before.range.end..word.range.start].contains(['.', '!', '?', '"', '“'])
    });
    if word.is_capitalised() && !sentence_start {
        return false;
    }
    // "continues to review", "continued with the tour": going on with something else reports
    // no speech ("continued, ''...''" and "continues to say" still do, the latter by its "say").
    if base == "continue" && next.is_some_and(|after| after.is_any(&["to", "with"])) {
        return false;
    }
    // "All told, the storm cost": the fixed phrase means "in total".
    if base == "tell"
        && previous.is_some_and(|before| before.is("all"))
        && text[word.range.end..].starts_with(',')
    {
        return false;
    }
    // "Said Hassan closed his shop": a sentence that opens on "Said" and a name, and goes on
    // with the name's own verb, opens on the given name Said. An inverted tag ("Said Smith:",
    // "Said Ana Ruiz, who ...") ends the name with punctuation.
    if word.text == "Said" && sentence_start {
        let name_length = outside[position + 1..]
            .iter()
            .take_while(|after| after.is_capitalised())
            .count();
        let after_name = position + name_length;
        let runs_on = name_length > 0
            && outside.get(after_name + 1).is_some_and(|verb| {
                !verb.is_capitalised()
                    && text[outside[after_name].range.end..verb.range.start]
                        .trim()
                        .is_empty()
            });
        if runs_on {
            return false;
        }
    }
    // A possessive ("Christie's thunder") works like a determiner; "he's" and "it's" do not.
    let after_determiner = previous.is_some_and(|before| {
        let possessive = (before.text.ends_with("'s") || before.text.ends_with("’s"))
            && !PRONOUN_SPEAKERS
                .contains(&before.without_possessive().to_ascii_lowercase().as_str())
            && !before.without_possessive().eq_ignore_ascii_case("that");
        before.is_any(DETERMINERS) || possessive
    });
    let after_preposition = previous.is_some_and(|before| {
        before.is_any(&[
            "of", "in", "for", "by", "with", "from", "on", "at", "into", "about",
        ])
    });
    let after_number =
        previous.is_some_and(|before| before.text.starts_with(|c: char| c.is_ascii_digit()));
    let before_noun_follower = next.is_some_and(|after| after.is_any(AFTER_PLURAL_NOUN));
    // A verb that is also a noun reads as the noun after "the", a possessive or a number, inside
    // or before "could", "of" ...
    let reads_as_noun = NOUN_LIKE_VERBS.contains(&base)
        && (after_determiner || after_preposition || after_number || before_noun_follower);
    match form {
        VerbForm::Base => {
            // "was quick to add that", "he will say that": an infinitive or modal that governs
            // a that-clause still reports speech, unless it is declined or negated.
            let governs_that = next.is_some_and(|after| after.is("that"))
                && position >= 2
                && !outside[position - 2].is_any(&[
                    "declined", "refused", "not", "never", "won't", "wouldn't", "didn't",
                ]);
            let infinitive_or_modal = previous
                .is_some_and(|before| before.is_any(BEFORE_NON_REPORTING_BASE))
                && !governs_that;
            // A present-tense "say" needs a plural subject: "experts say", "they claim",
            // "Democrats argue"; after an adjective ("a massive snap") it is no verb.
            let plural_subject = previous.is_none_or(|before| {
                before.is_any(&[
                    "i", "we", "you", "they", "people", "police", "staff", "many", "some",
                    "others", "both", "all", "two", "three", "four", "five", "six", "several",
                ]) || before.text.starts_with(|c: char| c.is_ascii_digit())
                    || before.is_capitalised()
                    || (before.text.ends_with('s')
                        && !before.text.ends_with("ss")
                        && !before.text.ends_with("'s")
                        && !before.text.ends_with("’s"))
            });
            !infinitive_or_modal && !reads_as_noun && (plural_subject || governs_that)
        }
        VerbForm::ThirdPerson => !reads_as_noun,
        // "the reported figure", "an estimated 300" use the participle as an adjective, and
        // "found itself" is no finding.
        // "pledged delegates", "reported cases": a participle before a plural noun describes it.
        VerbForm::Past
            if ADJECTIVAL_PARTICIPLES.contains(&base)
                && next.is_some_and(|after| {
                    let lower = after.text;
                    lower.chars().all(char::is_lowercase)
                        && lower.len() > 3
                        && lower.ends_with('s')
                        && !lower.ends_with("ss")
                        && !matches!(
                            lower,
                            "this" | "thus" | "was" | "has" | "is" | "us" | "its" | "his"
                        )
                        && text[word.range.end..after.range.start].trim().is_empty()
                }) =>
        {
            false
        }
        // "plans to read": a past tense spelled like its base is the base after "to" or a modal.
        VerbForm::Past
            if word.text.eq_ignore_ascii_case(base)
                && previous.is_some_and(|before| before.is_any(BEFORE_NON_REPORTING_BASE)) =>
        {
            false
        }
        // "the official said", "the new owner said": an adjective of the determiner table before
        // a past tense is part of its subject; only a true determiner makes it a participle.
        VerbForm::Past => {
            let after_true_determiner = after_determiner
                && !previous.is_some_and(|before| {
                    before.is_any(&[
                        "official", "public", "false", "recent", "latest", "annual", "new",
                        "first", "more", "most", "other",
                    ])
                });
            // "is expected to resign", "was told to leave": a passive before "to" reports no
            // speech of its subject.
            // "was lauded for her care", "was blamed for the delay": the subject is talked
            // about, not talking.
            let passive_before_to = previous.is_some_and(|before| {
                before.is_any(&["is", "was", "are", "were", "be", "been", "being"])
            }) && next.is_some_and(|after| after.is_any(&["to", "for"]));
            !after_true_determiner
                && !passive_before_to
                && !next.is_some_and(|after| {
                    after.is_any(&["itself", "himself", "herself", "themselves"])
                })
        }
        // "the downbeat showing", "a warning": a gerund after a determiner is a noun.
        VerbForm::Progressive => {
            !after_determiner
                && !previous
                    .is_some_and(|before| before.is_any(&["downbeat", "strong", "weak", "poor"]))
        }
    }
}

/// Verbs whose participle often describes a noun ("pledged delegates", "reported cases").
/// Source: written for copydesk from the reporting and thought verbs of
/// [`crate::analysis::lexicon`] whose past participle news copy also uses as an adjective (examples
/// above).
#[rustfmt::skip]
const ADJECTIVAL_PARTICIPLES: &[&str] = &[
    "pledge", "report", "estimate", "project", "expect", "allege", "publish", "state", "claim",
    "announce", "disclose", "confirm", "quote", "forecast", "predict", "promise", "show", "find",
    "suspect", "fear", "hope", "question", "answer", "signal", "charge", "post", "call",
];

/// How many words of a source phrase start at `position`, if one does.
fn phrase_at(outside: &[&Word], position: usize) -> Option<usize> {
    // The phrases are grouped by the first byte of their first word, lower-cased, so that each
    // word is compared with the few phrases that can start with it rather than with all of
    // them: this runs for every word of every sentence searched for a cue.
    static PHRASES: std::sync::OnceLock<Vec<Vec<Vec<&'static str>>>> = std::sync::OnceLock::new();
    let by_first_byte = PHRASES.get_or_init(|| {
        let mut groups: Vec<Vec<Vec<&'static str>>> = vec![Vec::new(); 256];
        for phrase in SOURCE_PHRASES.iter().chain(MORE_SOURCE_PHRASES) {
            let parts: Vec<&'static str> = phrase.split(' ').collect();
            let first = parts[0]
                .as_bytes()
                .first()
                .map_or(0, u8::to_ascii_lowercase);
            groups[usize::from(first)].push(parts);
        }
        groups
    });
    let first = outside[position];
    let key = first
        .text
        .as_bytes()
        .first()
        .map_or(0, u8::to_ascii_lowercase);
    by_first_byte[usize::from(key)]
        .iter()
        .filter(|parts| first.is(parts[0]))
        .find(|parts| {
            parts.iter().enumerate().skip(1).all(|(offset, part)| {
                outside
                    .get(position + offset)
                    .is_some_and(|word| word.is(part))
            })
        })
        .map(Vec::len)
}

/// The speaker named at the end of `text[range]` ("... Smith" before a colon), if any.
pub fn speaker_before_offset(text: &str, range: Range<usize>) -> Option<Speaker> {
    let all_words = words(text, range);
    let outside: Vec<&Word> = all_words.iter().collect();
    speaker_before(text, &outside, outside.len())
}

fn speaker_before(text: &str, outside: &[&Word], verb_position: usize) -> Option<Speaker> {
    let mut index = verb_position;
    while index > 0 {
        index -= 1;
        let word = outside[index];
        if word.is_any(BETWEEN_SPEAKER_AND_VERB) {
            continue;
        }
        if word.is_any(PRONOUN_SPEAKERS) {
            return Some(Speaker {
                range: word.range.clone(),
                name: word.text.to_string(),
            });
        }
        if word.is_capitalised() {
            let end = word.range.end;
            let mut start = word.range.start;
            while index > 0 {
                let previous = outside[index - 1];
                let adjacent = text[previous.range.end..start].trim().is_empty();
                if adjacent && (previous.is_capitalised() || previous.is_any(NAME_PARTICLES)) {
                    start = previous.range.start;
                    index -= 1;
                } else {
                    break;
                }
            }
            return Some(Speaker {
                range: start..end,
                name: text[start..end].to_string(),
            });
        }
        // "the minister said", "a spokesperson said": a described speaker.
        if index > 0 && outside[index - 1].is_any(&["the", "a", "an", "his", "her", "their"]) {
            let start = outside[index - 1].range.start;
            return Some(Speaker {
                range: start..word.range.end,
                name: text[start..word.range.end].to_string(),
            });
        }
        return None;
    }
    None
}

fn speaker_after(text: &str, outside: &[&Word], from: usize, limit: usize) -> Option<Speaker> {
    let mut index = from;
    let first = outside.get(index)?;
    if first.range.end > limit {
        return None;
    }
    if first.is_any(PRONOUN_SPEAKERS) {
        return Some(Speaker {
            range: first.range.clone(),
            name: first.text.to_string(),
        });
    }
    let start = first.range.start;
    let mut end = first.range.end;
    // A capitalised name, or a description such as "the ministry" or "the Ukrainian news agency",
    // up to the next punctuation mark.
    let described = first.is_any(&["the", "a", "an"]);
    if !(first.is_capitalised() || described) {
        return None;
    }
    index += 1;
    while let Some(next) = outside.get(index) {
        let gap = &text[end..next.range.start];
        if !gap.trim().is_empty() || next.range.end > limit || index - from >= 6 {
            break;
        }
        if !(next.is_capitalised() || next.is_any(NAME_PARTICLES) || described) {
            break;
        }
        end = next.range.end;
        index += 1;
    }
    Some(Speaker {
        range: start..end,
        name: text[start..end].to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue_and_speaker(text: &str) -> Option<(String, Option<String>)> {
        find_cue(text, 0..text.len(), &[])
            .map(|cue| (cue.text, cue.speaker.map(|speaker| speaker.name)))
    }

    #[test]
    fn cues_and_speakers() {
        for (text, cue, speaker) in [
            (
                "Hanna Malyar stated on Facebook",
                "stated",
                Some("Hanna Malyar"),
            ),
            ("she said", "said", Some("she")),
            ("said Smith", "said", Some("Smith")),
            ("Smith also told reporters", "told", Some("Smith")),
            (
                "according to the Ukrainian news agency",
                "according to",
                Some("the Ukrainian news agency"),
            ),
            ("the minister said", "said", Some("the minister")),
            ("in a statement", "in a statement", None),
        ] {
            assert_eq!(
                cue_and_speaker(text),
                Some((cue.to_string(), speaker.map(str::to_string))),
                "{text}"
            );
        }
    }

    #[test]
    fn verb_forms_used_as_nouns_or_infinitives_are_not_cues() {
        for text in [
            "Last year claims could rise this winter",
            "The levy would add a fee",
            "She declined to comment on the plan",
            "He did not say when",
            "The reports of damage grew",
            "The estimated cost grew",
            "Lunch went to 300 volunteers",
        ] {
            assert_eq!(cue_and_speaker(text), None, "{text}");
        }
        for (text, cue) in [
            ("Officials claim the plan works", "claim"),
            ("The mayor claims the plan works", "claims"),
            ("Experts say the plan works", "say"),
        ] {
            assert_eq!(
                cue_and_speaker(text).map(|found| found.0),
                Some(cue.to_string()),
                "{text}"
            );
        }
    }

    #[test]
    fn no_cue_in_plain_narration_or_inside_excluded_ranges() {
        assert_eq!(cue_and_speaker("The vote passed on a narrow margin"), None);
        let text = "\"I said no,\" the end";
        let interior = 1..10;
        assert_eq!(
            find_cue(text, 0..text.len(), std::slice::from_ref(&interior)),
            None
        );
    }
}
