//! The names desk: the people and organisations a draft names, and how it spells them.
//!
//! This is shared knowledge, not a rule. Each segment of a draft is read for its *mentions*:
//! runs of capitalised words outside quotations and headings, with the capitalised titles
//! before them taken off ("President Volodymyr Zelenskyy" is the name "Volodymyr Zelenskyy"
//! with the title "President"). Once every segment is read, [`index`] puts the mentions of the
//! whole draft together into people, each with its first reference, its later references and
//! the spellings the draft gives it. The
//! `name-variant` and `first-reference` rules read that index; the fact-check sheet and the
//! editor's outline show it.
//!
//! Spellings are compared through [`fold`], which keeps one key for a transliteration family:
//! "Zelensky", "Zelenskyy" and "Zelenskiy" fold to the same key, "Zelenska" (a different
//! person, his wife) does not.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use super::lexicon::is_reporting_verb;
use super::lexicon::NAME_PARTICLES;
use super::words::words;
use super::Context;

mod reading;
mod spelling;

use reading::is_any;
pub(crate) use reading::SENTENCE_OPENERS;
pub use reading::{is_organisation_head, mentions, ORGANISATION_HEADS};
pub use spelling::{fold, one_letter_apart, same_spelling};

/// One capitalised word of a name, as written, without a possessive ending.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameWord {
    pub range: Range<usize>,
    pub text: String,
    /// The word's [`fold`], computed once when the segment is read: the names desk compares
    /// the whole draft's names on every edit and should not fold each again.
    pub key: String,
    /// The word opens a sentence (or a clause after a colon or dash), where any word is
    /// capitalised: "Al-Assad said" there is the same spelling as "al-Assad" elsewhere.
    pub sentence_start: bool,
}

/// A run of capitalised words that names someone or something: "Mykhailo Podolyak",
/// "Podolyak", "Bashar al-Assad", "White House".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// From the first name word to the last, without the title.
    pub range: Range<usize>,
    /// The name words; particles ("al", "van") inside the name are part of the text between
    /// them and not words of their own.
    pub words: Vec<NameWord>,
    /// Capitalised title words written just before the name ("President", "Councillor").
    pub title: Option<String>,
    /// The mention stands in a paragraph of one short sentence: a headline, subhead, caption
    /// or credit line, where surnames alone are the norm.
    pub in_short_paragraph: bool,
    /// The mention stands in the draft's first paragraph with no heading before it: in a
    /// plain draft that is the headline, where surnames alone are the norm. Set for the
    /// segment's first paragraph when it is read; the names desk keeps it only for the draft's.
    pub in_lead_paragraph: bool,
    /// The name as the draft writes it, title left out ("Bashar al-Assad").
    pub name: String,
    /// A bare surname that is the subject of a reporting verb right beside it ("Reyes said",
    /// "said Reyes."), and whether that verb is one only people take. Read from the text around
    /// the name when its segment is read, so that the names desk, which runs over the whole
    /// draft on every edit, never reads the text again.
    pub speaks: Speech,
    /// The text refers back to the name as "it" right after it ("Magna cut its dividend",
    /// "Twitter has positioned itself"): an organisation, whatever its name looks like.
    pub referred_to_as_it: bool,
}

/// Whether a bare surname speaks where it stands (see [`Mention::speaks`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Speech {
    /// Beside any reporting verb ("Reyes said", "Reyes reported").
    pub reporting: bool,
    /// Beside a verb only a person takes ("Reyes said", not "the survey found").
    pub as_person: bool,
}

impl Mention {
    /// The name as written, title left out.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.range.clone()]
    }

    /// The last word: the surname of a person, the head of an organisation's name.
    pub fn surname(&self) -> &NameWord {
        self.words.last().expect("a mention has at least one word")
    }

    /// The first word of a full name ("Mykhailo" in "Mykhailo Podolyak"); `None` for a bare
    /// surname.
    pub fn given(&self) -> Option<&NameWord> {
        (self.words.len() > 1).then(|| &self.words[0])
    }

    pub fn is_full(&self) -> bool {
        self.words.len() > 1
    }

    /// The folded part before a hyphen of the first word ("anheuser" of "Anheuser-Busch
    /// Cos."): a word that opens a longer name, so no surname never introduced. Only a
    /// hyphenated first word is folded again, which is rare.
    pub fn hyphen_head(&self) -> Option<String> {
        let (head, _) = self.words[0].text.split_once('-')?;
        Some(fold(head))
    }
}

/// Whether a quoted speaker is "he" or "she": a pronoun, which names no one.
pub fn is_pronoun_speaker(name: &str) -> bool {
    name.eq_ignore_ascii_case("he") || name.eq_ignore_ascii_case("she")
}

/// The spelling key of a speaker quoted at a bare name: the name's own key when the speaker is
/// written as the name is, else the speaker's ("Osei’s" quoted as "Osei").
pub fn speaker_key<'a>(surname: &'a NameWord, name: &str) -> Cow<'a, str> {
    if surname.text == name {
        Cow::Borrowed(surname.key.as_str())
    } else {
        Cow::Owned(fold(name))
    }
}

/// A segment's mention as the whole draft sees it: the mention, borrowed from its segment's
/// analysis, and where that segment starts. The names desk reads every mention of a long draft
/// on every edit, so it moves offsets as it reads them instead of copying the mentions.
#[derive(Clone, Copy, Debug)]
pub struct Placed<'a> {
    pub mention: &'a Mention,
    /// Where the mention's segment starts in the draft.
    pub base: usize,
    /// The mention stands in the draft's first paragraph with no heading before it (see
    /// [`Mention::in_lead_paragraph`]), decided for the whole draft.
    pub in_lead_paragraph: bool,
}

impl<'a> Placed<'a> {
    /// Where the name stands in the draft, title left out.
    pub fn range(&self) -> Range<usize> {
        self.mention.range.start + self.base..self.mention.range.end + self.base
    }

    pub fn start(&self) -> usize {
        self.mention.range.start + self.base
    }

    /// Where one of the mention's words stands in the draft.
    pub fn word_range(&self, word: &NameWord) -> Range<usize> {
        word.range.start + self.base..word.range.end + self.base
    }

    pub fn surname(&self) -> &'a NameWord {
        self.mention.surname()
    }

    pub fn given(&self) -> Option<&'a NameWord> {
        self.mention.given()
    }

    pub fn is_full(&self) -> bool {
        self.mention.is_full()
    }
}

/// What kind of name a mention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKind {
    Person,
    Organisation,
}

impl NameKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NameKind::Person => "person",
            NameKind::Organisation => "organisation",
        }
    }
}

/// One person or organisation of the draft, with everything the sheet and the outline show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    /// The name in full as first written ("Mykhailo Podolyak"), or the one form the draft uses.
    pub name: String,
    pub kind: NameKind,
    /// The title written before the full name the first time ("President").
    pub title: Option<String>,
    /// Where the name first appears in full; `None` when the draft never gives it in full.
    pub first_full: Option<Range<usize>>,
    /// Every mention, in draft order, the first one first.
    pub mentions: Vec<Range<usize>>,
    /// Spellings the draft also uses for this name, apart from the first.
    pub variants: Vec<String>,
    /// How many quotations are attributed to this name.
    pub quotations: usize,
}

/// A quotation's named speaker, as the names desk needs it (draft offsets; the name borrowed
/// from the quotation's attribution).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuotedSpeaker<'a> {
    pub range: Range<usize>,
    pub name: &'a str,
}

/// Puts the mentions of a whole draft (in draft order, draft offsets) into people. A bare
/// surname belongs to the person of that surname named in full most recently before it (or
/// first after it, when none was); a full name is a new person when its given name is new for
/// its surname ("Bill Clinton" after "Hillary Clinton").
pub fn index(mentions: &[Placed], speakers: &[QuotedSpeaker]) -> Vec<Person> {
    let mut people: Vec<Person> = Vec::new();
    // Full names by folded surname: (given name's key, person index).
    let mut by_surname: HashMap<String, Vec<(String, usize)>> = HashMap::new();
    for mention in mentions.iter().filter(|mention| mention.is_full()) {
        let surname = mention.surname().key.clone();
        let given = mention
            .given()
            .expect("a full name has a given name")
            .key
            .clone();
        let entry = by_surname.entry(surname).or_default();
        let found = entry
            .iter()
            .find(|(known, _)| *known == given || one_letter_apart(known, &given))
            .map(|(_, at)| *at);
        if found.is_none() {
            let kind = if is_any(&mention.surname().text, ORGANISATION_HEADS)
                || mention.mention.name.contains(" of ")
            {
                NameKind::Organisation
            } else {
                NameKind::Person
            };
            entry.push((given, people.len()));
            people.push(Person {
                name: mention.mention.name.clone(),
                kind,
                title: mention.mention.title.clone(),
                first_full: Some(mention.range()),
                mentions: Vec::new(),
                variants: Vec::new(),
                quotations: 0,
            });
        }
    }
    // Every mention, in order, joins its person.
    let mut last_of_surname: HashMap<String, usize> = HashMap::new();
    let mut singles: HashMap<String, usize> = HashMap::new();
    for mention in mentions {
        let surname = mention.surname().key.clone();
        let person = if mention.is_full() {
            let given = mention
                .given()
                .expect("a full name has a given name")
                .key
                .clone();
            by_surname.get(&surname).and_then(|entries| {
                entries
                    .iter()
                    .find(|(known, _)| *known == given || one_letter_apart(known, &given))
                    .map(|(_, at)| *at)
            })
        } else {
            last_of_surname.get(&surname).copied().or_else(|| {
                by_surname
                    .get(&surname)
                    .and_then(|entries| entries.first().map(|(_, at)| *at))
            })
        };
        let Some(person) = person else {
            // A single word no full name explains is listed only when it is quoted (below).
            singles.entry(surname).or_insert(usize::MAX);
            continue;
        };
        last_of_surname.insert(surname, person);
        people[person].mentions.push(mention.range());
        let written = mention.surname();
        // The person's name is the text of their first full mention.
        let first_written = people[person].first_full.as_ref().map(|range| NameWord {
            range: range.clone(),
            text: people[person]
                .name
                .rsplit(' ')
                .next()
                .unwrap_or("")
                .to_string(),
            key: String::new(),
            sentence_start: false,
        });
        let shown = written.text.replace('’', "'");
        if first_written
            .as_ref()
            .is_some_and(|first| !same_spelling(written, first))
            && !people[person].variants.contains(&shown)
        {
            people[person].variants.push(shown);
        }
    }
    // Quoted speakers: a name the index knows counts the quotation; a name it does not know
    // (an agency, a surname never introduced) becomes an entry of its own.
    let mut quoted_only: HashMap<String, usize> = HashMap::new();
    for speaker in speakers {
        let Some(last) = speaker.name.split_whitespace().last() else {
            continue;
        };
        if !last.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        let key = fold(last);
        let known = last_of_surname
            .get(&key)
            .copied()
            .or_else(|| quoted_only.get(&fold(speaker.name)).copied());
        match known {
            Some(at) => {
                people[at].quotations += 1;
                if people[at].first_full.is_none() {
                    people[at].mentions.push(speaker.range.clone());
                }
            }
            None => {
                quoted_only.insert(fold(speaker.name), people.len());
                people.push(Person {
                    name: speaker.name.to_string(),
                    kind: if speaker.name.contains(' ') && is_any(last, ORGANISATION_HEADS) {
                        NameKind::Organisation
                    } else {
                        NameKind::Person
                    },
                    title: None,
                    first_full: None,
                    mentions: vec![speaker.range.clone()],
                    variants: Vec::new(),
                    quotations: 1,
                });
            }
        }
    }
    for person in &mut people {
        person.mentions.sort_by_key(|range| range.start);
        person.mentions.dedup();
    }
    people.sort_by_key(|person| {
        person
            .mentions
            .first()
            .map_or(usize::MAX, |range| range.start)
    });
    people.retain(|person| !person.mentions.is_empty());
    people
}

/// Verbs only people take, for a name the draft never introduces: an agency "reports" and a
/// survey "finds", but a person "said".
/// Source: written for copydesk from the reporting verbs of [`crate::analysis::lexicon`] that take
/// only a human subject in news copy.
const PERSON_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "recalled",
    "recalls",
    "explained",
    "insisted",
    "replied",
    "continued",
    "stated",
    "asked",
    "tweeted",
    "wrote",
];

/// Words before a capitalised word that make it a place, a group or a description ("the
/// ambassador to Greece said", "the Republican said", "Mr. Obama said").
/// Source: written for copydesk from the prepositions, articles and courtesy titles that stand
/// before a place, group or description (examples above).
const NOT_A_BARE_NAME_AFTER: &[&str] = &[
    "in", "of", "from", "to", "at", "for", "the", "a", "an", "mr", "mrs", "ms", "dr", "by",
    "senior", "one", "another", "top",
];

/// Whether the name at `range` is the subject of a reporting verb right beside it: "Reyes
/// said", "said Reyes." A capitalised word in any other place may be a place, an adjective
/// ("a religious Catholic") or part of a longer name, and is left alone. With `person_verbs`,
/// only verbs a person takes count.
fn speaks(text: &str, range: &Range<usize>, person_verbs: bool) -> bool {
    let is_verb = |word: &str| {
        if person_verbs {
            PERSON_VERBS.contains(&word.to_lowercase().as_str())
        } else {
            is_reporting_verb(word)
        }
    };
    let before = &text[..range.start];
    let previous_word = before.strip_suffix(' ').and_then(|rest| {
        rest.trim_end_matches('.')
            .rsplit(|character: char| !character.is_alphabetic())
            .next()
    });
    if previous_word
        .is_some_and(|word| NOT_A_BARE_NAME_AFTER.contains(&word.to_lowercase().as_str()))
    {
        return false;
    }
    let after = &text[range.end..];
    let after = after
        .strip_prefix("'s")
        .or_else(|| after.strip_prefix("’s"))
        .unwrap_or(after);
    let next_word = after.strip_prefix(' ').and_then(|rest| {
        rest.split(|character: char| !character.is_alphabetic())
            .next()
    });
    if next_word.is_some_and(is_verb) {
        return true;
    }
    let ends_clause = after.chars().next().is_none_or(|character| {
        matches!(character, '.' | ',' | ';' | ':' | '\n' | '\r' | '!' | '?')
    });
    previous_word.is_some_and(is_verb) && ends_clause
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterations_of_one_name_fold_to_one_key() {
        for family in [
            &["Zelensky", "Zelenskyy", "Zelenskiy"][..],
            &["Podolyak", "Podoliak"],
            &["al-Assad", "Al-Assad", "alAssad"],
            &["Aleksandr", "Alexandr"],
            &["Gauck", "Gaück"],
            &["Hillary", "Hilary"],
        ] {
            let keys: Vec<String> = family.iter().map(|word| fold(word)).collect();
            assert!(
                keys.windows(2).all(|pair| pair[0] == pair[1]),
                "{family:?}: {keys:?}"
            );
        }
    }

    #[test]
    fn different_names_keep_different_keys() {
        for (left, right) in [
            ("Zelensky", "Zelenska"),
            ("Smith", "Smyth"),
            ("Iran", "Iraq"),
            ("Clinton", "Clintons"),
            ("Kiev", "Kyiv"),
        ] {
            assert_ne!(fold(left), fold(right), "{left} / {right}");
        }
    }

    #[test]
    fn one_letter_apart_keeps_first_and_last_letters() {
        assert!(one_letter_apart(&fold("Kiev"), &fold("Kyiv")));
        assert!(one_letter_apart(&fold("Thomas"), &fold("Tomas")));
        assert!(!one_letter_apart(&fold("Zelenska"), &fold("Zelensky")));
        assert!(!one_letter_apart(&fold("Iran"), &fold("Iraq")));
        assert!(!one_letter_apart(&fold("Conn"), &fold("Coon")));
    }
}
