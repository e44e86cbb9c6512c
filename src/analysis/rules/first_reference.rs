//! # first-reference
//!
//! **What it flags:** a person named by surname alone before the draft gives their full name
//! ("Reyes said ..." two paragraphs before "Tomas Reyes"); a quotation attributed to a surname
//! the draft never introduces ("said Podolyak" with no "Mykhailo Podolyak" anywhere); and a
//! quotation whose speaker is "he" or "she" before anyone at all is named.
//!
//! **Why it matters:** news style introduces everyone by full name (and title) on first
//! reference and by surname after. A reader who meets a bare surname first does not know who is
//! speaking; after an edit moves paragraphs around, the full name often ends up below its
//! first use.
//!
//! **Example:** `Reyes said the fares would rise. ... Chief executive Tomas Reyes ...` flags
//! the first "Reyes".
//!
//! **Fix:** give the full name at the first mention (the quick fix writes the full name the
//! draft uses later), and the surname after it.
//!
//! Organisations ("the White House") and names in quotations and headings are left alone. The
//! rule reads the whole draft at once, after every segment is read. Information: the editor
//! decides whether the person is well enough known to need no introduction.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::analysis::finding::{Details, Edit, Finding, Fix, RuleCode, Severity};
use crate::analysis::names::{
    is_pronoun_speaker, speaker_key, Mention, Placed, QuotedSpeaker, ORGANISATION_HEADS,
};

use super::{Check, DraftNames, Rule};

pub const RULE: Rule = Rule {
    code: RuleCode::FirstReference,
    summary: "A bare surname or pronoun speaker before the person's full name appears.",
    default_severity: Severity::Information,
    check: Check::Names(check),
};

/// First references are a matter of the whole draft's order, so the rule runs once every
/// segment is read.
fn check(names: &DraftNames) -> Vec<Finding> {
    check_draft(names.mentions, names.speakers)
}

/// Finds bare surnames before their full name, speakers never introduced, and pronoun speakers
/// before anyone is named. `mentions` and `speakers` are in draft order with draft offsets.
///
/// The draft's text is not read: what the rule needs of it (the name as written, whether a
/// surname speaks) was read with each segment, so this pass costs a few look-ups per name.
pub fn check_draft(mentions: &[Placed], speakers: &[QuotedSpeaker]) -> Vec<Finding> {
    // Where each surname is first given in full, and how.
    let mut first_full: HashMap<&str, &Placed> = HashMap::new();
    // Surnames the draft introduces some other way: with a title ("President Obama").
    let mut titled: HashMap<&str, usize> = HashMap::new();
    // Where any full name with the surname first stands, person-like or not.
    let mut any_full: HashMap<&str, usize> = HashMap::new();
    // Words that open a longer name somewhere in the draft: a given name ("Donald" of "Donald
    // J. Trump") or an organisation's short name ("Magna" of "Magna International Inc.",
    // "Anheuser" of "Anheuser-Busch Cos."). Neither is a surname that was never introduced.
    let mut opening_words: HashSet<Cow<str>> = HashSet::new();
    // Names the draft refers to as "it": organisations.
    let mut called_it: HashSet<&str> = HashSet::new();
    for mention in mentions {
        let key = mention.surname().key.as_str();
        let first = &mention.mention.words[0];
        if mention.is_full() {
            opening_words.insert(Cow::Borrowed(first.key.as_str()));
        }
        if let Some(head) = mention.mention.hyphen_head() {
            opening_words.insert(Cow::Owned(head));
        }
        if mention.mention.referred_to_as_it {
            called_it.insert(key);
        }
        if mention.is_full() {
            any_full.entry(key).or_insert(mention.start());
            if looks_like_a_person(mention.mention) {
                first_full.entry(key).or_insert(mention);
            }
        } else if mention.mention.title.is_some() {
            titled.entry(key).or_insert(mention.start());
        }
    }
    let mut findings = Vec::new();
    let mut reported: HashSet<&str> = HashSet::new();
    for mention in mentions.iter().filter(|mention| {
        !mention.is_full() && !mention.mention.in_short_paragraph && !mention.in_lead_paragraph
    }) {
        let word = mention.surname();
        let word_range = mention.word_range(word);
        let key = word.key.as_str();
        let Some(full) = first_full.get(key) else {
            continue;
        };
        if full.start() < word_range.start
            || any_full.get(key).is_some_and(|at| *at < word_range.start)
            || reported.contains(key)
            || titled.get(key).is_some_and(|at| *at <= word_range.start)
        {
            continue;
        }
        if !mention.mention.speaks.reporting {
            continue;
        }
        reported.insert(key);
        let full_name = full.mention.name.clone();
        let written = &word.text;
        findings.push(finding(
            word_range.clone(),
            format!("“{written}” appears before the full name “{full_name}”"),
            vec![
                format!("The draft gives the full name, “{full_name}”, only later."),
                "News style: full name (and title) on first reference, surname after.".to_string(),
            ],
            vec![Fix {
                title: format!("Write the full name “{full_name}” here"),
                edits: vec![Edit::replace(word_range, full_name.clone())],
            }],
        ));
    }
    let mut never_introduced: HashSet<String> = HashSet::new();
    // The bare surname that starts where `offset` does, found by binary search: mentions are
    // in draft order and never overlap.
    let single_at = |offset: usize| -> Option<&Placed> {
        let at = mentions.partition_point(|mention| mention.start() < offset);
        mentions
            .get(at)
            .filter(|mention| mention.start() == offset && !mention.is_full())
    };
    let mut someone_named = mentions.first().map(|mention| mention.start());
    for speaker in speakers {
        let name = speaker.name.trim();
        if is_pronoun_speaker(name) {
            if someone_named.is_some_and(|at| at < speaker.range.start) {
                continue;
            }
            findings.push(finding(
                speaker.range.clone(),
                format!("“{name}” is quoted before anyone is named"),
                vec![
                    "No person is named before this quotation, so the reader cannot tell who is speaking.".to_string(),
                ],
                Vec::new(),
            ));
            someone_named = Some(speaker.range.start);
            continue;
        }
        // A single capitalised word: a surname (or an agency) used as a speaker.
        if name.contains(char::is_whitespace)
            || !name.chars().next().is_some_and(char::is_uppercase)
            || name
                .chars()
                .filter(|character| character.is_alphabetic())
                .all(char::is_uppercase)
            || ORGANISATION_HEADS.contains(&name.to_lowercase().as_str())
        {
            continue;
        }
        // Only a speaker that reads as a name where it stands: not a sentence's first word
        // ("It continued"), a title ("Gov."), a day or a word in a headline. (Looked at
        // before the name is folded, which is the costly part.)
        let Some(mention) = single_at(speaker.range.start) else {
            continue;
        };
        if mention.range() != speaker.range {
            continue;
        }
        let surname = mention.surname();
        let key = speaker_key(surname, name).into_owned();
        if any_full.contains_key(key.as_str())
            || titled.contains_key(key.as_str())
            || never_introduced.contains(&key)
            || opening_words.contains(key.as_str())
            || called_it.contains(key.as_str())
        {
            continue;
        }
        if mention.mention.in_short_paragraph
            || mention.in_lead_paragraph
            || surname.sentence_start
            || !mention.mention.speaks.as_person
        {
            continue;
        }
        findings.push(finding(
            speaker.range.clone(),
            format!("“{name}” is quoted, but the draft never gives the full name"),
            vec![
                format!(
                    "No “… {name}” with a first name (and title) appears anywhere in the draft."
                ),
                "News style: full name (and title) on first reference, surname after.".to_string(),
            ],
            Vec::new(),
        ));
        never_introduced.insert(key);
    }
    findings.sort_by_key(|finding| finding.span.start);
    findings
}

/// A first-reference finding at the rule's default severity.
fn finding(span: Range<usize>, message: String, notes: Vec<String>, fixes: Vec<Fix>) -> Finding {
    Finding {
        rule: RuleCode::FirstReference,
        span,
        severity: RULE.default_severity,
        message,
        details: Details::Notes(notes),
        fixes,
        related: Vec::new(),
    }
}

/// Whether a full name reads as a person's: two or three words, the first not a sentence's
/// opening word ("Maybe Trump"), and none of them an organisation's ("Senate Benghazi", "the
/// Office of Immigrant Affairs Clinton had announced").
fn looks_like_a_person(mention: &Mention) -> bool {
    let Some(given) = mention.given() else {
        return false;
    };
    mention.words.len() <= 3
        && !given.sentence_start
        && !mention
            .words
            .iter()
            .any(|word| crate::analysis::names::is_organisation_head(&word.text))
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::tests::{apply_first_fix, findings_of};
    use crate::analysis::RuleCode;

    fn flagged(text: &str) -> Vec<String> {
        findings_of(RuleCode::FirstReference, text)
    }

    #[test]
    fn a_bare_surname_before_the_full_name_is_flagged_once() {
        let text = "Ferry fares rise\n\nThe fares will rise, Reyes said. Reyes told staff.\n\nChief executive Tomas Reyes said so.\n";
        assert_eq!(flagged(text), vec!["Reyes"]);
        assert_eq!(
            apply_first_fix(RuleCode::FirstReference, text),
            "Ferry fares rise\n\nThe fares will rise, Tomas Reyes said. Reyes told staff.\n\nChief executive Tomas Reyes said so.\n"
        );
        // A surname that is not speaking is not a person's first reference: the ferry of
        // "Reyes Line" is named after him.
        assert!(
            flagged("The Reyes fleet sails.\n\nChief executive Tomas Reyes said so.\n").is_empty()
        );
    }

    #[test]
    fn a_headline_first_paragraph_may_use_surnames() {
        // A plain draft's first paragraph is its headline, where surnames alone are the norm.
        assert!(
            flagged("Reyes says fares will rise.\n\nChief executive Tomas Reyes said so.\n")
                .is_empty()
        );
        // Under a heading, the first paragraph is the lede and is checked.
        assert_eq!(
            flagged("Fares rise\n\nThe fares will rise in April. Reyes said so.\n\nChief executive Tomas Reyes said so.\n"),
            vec!["Reyes"]
        );
    }

    #[test]
    fn a_surname_after_the_full_name_is_fine() {
        assert!(flagged("Tomas Reyes runs the ferry.\n\n\"We sail,\" Reyes said.\n").is_empty());
        assert!(flagged("The White House spoke. Later the House voted.\n").is_empty());
    }

    #[test]
    fn a_quoted_surname_never_introduced_is_flagged() {
        let text = "Talks end\n\nThe delegation left on Monday. \"The talks are over for now,\" said Podolyak.\n";
        assert_eq!(flagged(text), vec!["Podolyak"]);
        assert!(flagged(
            "Mykhailo Podolyak spoke.\n\nThe delegation left on Monday. \"The talks are over for now,\" said Podolyak.\n"
        )
        .is_empty());
    }

    #[test]
    fn a_quoted_short_name_the_draft_explains_is_not_a_surname_never_introduced() {
        // (silent: the draft says who or what the name is, flagged twin: it does not). The
        // quotations follow a sentence in their paragraph: a paragraph of one short sentence
        // reads as a caption, where surnames alone are the norm.
        let cases = [
            // An organisation's short name: the first word of its full name.
            (
                "Results\n\nMagna International cut its dividend on Monday.\n\nShares fell on the news. \"The profit will recover in the spring,\" Magna said.\n",
                "Results\n\nThe parts maker cut jobs on Monday.\n\nShares fell on the news. \"The profit will recover in the spring,\" Magna said.\n",
            ),
            (
                "Beer war\n\nThe brewer Anheuser-Busch cut prices.\n\nIt was a hard year for the firm. \"We will not lose volume,\" Anheuser said.\n",
                "Beer war\n\nThe brewer cut prices.\n\nIt was a hard year for the firm. \"We will not lose volume,\" Anheuser said.\n",
            ),
            // A name the draft calls "it" is an organisation.
            (
                "Platforms\n\nThe site is big. Twitter has positioned itself as a town square.\n\nIt was a hard year for the firm. \"We act on reports,\" Twitter said.\n",
                "Platforms\n\nThe site is big. Twitter has a new logo.\n\nIt was a hard year for the firm. \"We act on reports,\" Twitter said.\n",
            ),
            // A given name, in a family story that names the person in full.
            (
                "Family\n\nIn college, Donald Trump worked for his father.\n\nIt was a hard year for the firm. \"You must work much harder at the business,\" Donald said.\n",
                "Family\n\nIn college, his brother worked for his father.\n\nIt was a hard year for the firm. \"You must work much harder at the business,\" Donald said.\n",
            ),
        ];
        for (silent, twin) in cases {
            assert!(
                flagged(silent).is_empty(),
                "{silent:?}: {:?}",
                flagged(silent)
            );
            assert_eq!(flagged(twin).len(), 1, "{twin:?}");
        }
    }

    #[test]
    fn a_full_name_with_an_organisation_word_is_no_person() {
        // "Immigrant Affairs Clinton" runs an office's name into a surname: no one's full name.
        assert!(flagged(
            "Plans\n\nThe office is new. It opens soon, Clinton said.\n\nShe would not lead the Office of Immigrant Affairs Clinton had announced.\n"
        )
        .is_empty());
        assert_eq!(
            flagged("Plans\n\nThe office is new. It opens soon, Clinton said.\n\nLater Hillary Clinton spoke.\n"),
            vec!["Clinton"]
        );
    }

    #[test]
    fn a_pronoun_speaker_before_anyone_is_named_is_flagged() {
        assert_eq!(
            flagged("\"We will sail the ferry at dawn,\" she said.\n"),
            vec!["she"]
        );
        assert!(
            flagged("Mira Osei chairs it. \"We will sail the ferry at dawn,\" she said.\n")
                .is_empty()
        );
    }
}
