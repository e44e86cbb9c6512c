//! # name-variant
//!
//! **What it flags:** the same name spelled two ways in one draft: "Zelenskyy" after
//! "Zelensky", "Podoliak" after "Mykhailo Podolyak", "Al-Assad" in mid-sentence after
//! "al-Assad", or any spelling that differs from the desk's house spelling (`[names] spellings`
//! in `.copydesk.toml`, e.g. "Kiev" when the house writes "Kyiv").
//!
//! **Why it matters:** after dates and attributions, a name spelled two ways is the mistake copy
//! editors fix most often. Readers take it as carelessness, and a search for the name misses
//! half the story.
//!
//! **Example:** `Mykhailo Podolyak said ... Podoliak added ...` flags "Podoliak".
//!
//! **Fix:** use the spelling of the first reference, or the house spelling when the desk has
//! one (the quick fix writes it).
//!
//! Spellings are compared within one transliteration family only: the same word once accents,
//! apostrophes, hyphens and the letters transliterations disagree on (y/i/iy, ks/x, double
//! letters) are set aside, or one letter apart when the given name is the same ("Tomas Reyes" /
//! "Thomas Reyes"). Different people who share a surname are never variants: "Hillary Clinton"
//! and "Bill Clinton", or two spellings each written with a different given name. Names inside
//! quotations and headings are left alone. The rule reads the whole draft at once, after every
//! segment is read, so a variant ten paragraphs after the first reference is found as it is
//! typed.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::analysis::finding::{Details, Edit, Finding, Fix, Related, RuleCode, Severity};
use crate::analysis::names::{fold, one_letter_apart, same_spelling, NameWord, Placed};
use crate::analysis::settings::Settings;

use super::{Check, DraftNames, Rule};

pub const RULE: Rule = Rule {
    code: RuleCode::NameVariant,
    summary: "The same name spelled two ways in one draft, or against the house spelling.",
    default_severity: Severity::Warning,
    check: Check::Names(check),
};

/// Names are compared across the whole draft, not within one segment, so the rule runs once
/// every segment is read.
fn check(names: &DraftNames) -> Vec<Finding> {
    check_draft(names.mentions, names.settings)
}

/// One word of one mention, with the family it belongs to and where it stands in the draft.
struct Occurrence<'a> {
    word: &'a NameWord,
    range: Range<usize>,
    family: usize,
}

/// A house spelling word ("Zelenskyy" of "Volodymyr Zelenskyy") and its key.
struct HouseWord {
    text: String,
    key: String,
}

fn house_words(settings: &Settings) -> Vec<HouseWord> {
    settings
        .house
        .name_spellings
        .iter()
        .flat_map(|spelling| spelling.split_whitespace())
        .filter(|word| word.chars().next().is_some_and(char::is_uppercase))
        .map(|word| HouseWord {
            text: word.to_string(),
            key: fold(word),
        })
        .collect()
}

fn house_match<'h>(house: &'h [HouseWord], key: &str) -> Option<&'h HouseWord> {
    house
        .iter()
        .find(|word| word.key == key)
        .or_else(|| house.iter().find(|word| one_letter_apart(&word.key, key)))
}

/// A family of spellings: every spelling of one surname, or of one given name with one
/// surname.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum FamilyKey<'a> {
    Surname(&'a str),
    Given(&'a str, &'a str),
}

/// A surname as printed, apostrophes made straight; borrowed unless it has a curly one.
fn printed(word: &str) -> Cow<'_, str> {
    if word.contains('’') {
        Cow::Owned(word.replace('’', "'"))
    } else {
        Cow::Borrowed(word)
    }
}

/// Finds one name's other spellings across the whole draft. `mentions` are in draft order
/// with draft offsets.
///
/// The draft's text is not read, and nothing is copied per name: this runs over every name
/// of the draft on every edit.
pub fn check_draft<'a>(mentions: &[Placed<'a>], settings: &Settings) -> Vec<Finding> {
    let house = house_words(settings);
    // Families: surnames by key; given names by (surname key, given key).
    let mut family_of: HashMap<FamilyKey<'a>, usize> = HashMap::new();
    let mut parents: Vec<usize> = Vec::new();
    let mut new_family = |key: FamilyKey<'a>, parents: &mut Vec<usize>| -> usize {
        *family_of.entry(key).or_insert_with(|| {
            parents.push(parents.len());
            parents.len() - 1
        })
    };
    let mut occurrences: Vec<Occurrence<'a>> = Vec::new();
    // The given names each surname spelling is written with, to tell two people apart.
    let mut givens: HashMap<Cow<'a, str>, Vec<&'a str>> = HashMap::new();
    // The surname keys each given name goes with, for one-letter slips in a surname.
    let mut surnames_of_given: HashMap<&'a str, Vec<(&'a str, usize)>> = HashMap::new();
    let mut givens_of_surname: HashMap<&'a str, Vec<(&'a str, usize)>> = HashMap::new();
    for mention in mentions {
        let surname = mention.surname();
        let surname_key = surname.key.as_str();
        if surname_key.chars().count() < 4 {
            continue;
        }
        let family = new_family(FamilyKey::Surname(surname_key), &mut parents);
        occurrences.push(Occurrence {
            word: surname,
            range: mention.word_range(surname),
            family,
        });
        if let Some(given) = mention.given() {
            let given_key = given.key.as_str();
            givens
                .entry(printed(&surname.text))
                .or_default()
                .push(given_key);
            let entry = surnames_of_given.entry(given_key).or_default();
            if !entry.iter().any(|(key, _)| *key == surname_key) {
                entry.push((surname_key, family));
            }
            if given_key.chars().count() >= 4 {
                let given_family =
                    new_family(FamilyKey::Given(surname_key, given_key), &mut parents);
                occurrences.push(Occurrence {
                    word: given,
                    range: mention.word_range(given),
                    family: given_family,
                });
                let entry = givens_of_surname.entry(surname_key).or_default();
                if !entry.iter().any(|(key, _)| *key == given_key) {
                    entry.push((given_key, given_family));
                }
            }
        }
    }
    // One-letter slips: surnames written with the same given name, given names written with the
    // same surname.
    // Groups are small in real copy (the surnames one given name goes with); a huge one (a
    // list of a thousand Johns) is left out rather than compared pair by pair.
    for keyed in surnames_of_given
        .values()
        .chain(givens_of_surname.values())
        .filter(|keyed| keyed.len() <= MAX_SLIP_GROUP)
    {
        for (index, (left, left_family)) in keyed.iter().enumerate() {
            for (right, right_family) in &keyed[index + 1..] {
                if one_letter_apart(left, right) {
                    let (a, b) = (root(&parents, *left_family), root(&parents, *right_family));
                    let (keep, join) = (a.min(b), a.max(b));
                    parents[join] = keep;
                }
            }
        }
    }
    // The occurrences grouped by family, each family in draft order of its first member and
    // its members in the order they were met (a counting sort: no list per family).
    let roots: Vec<usize> = occurrences
        .iter()
        .map(|occurrence| root(&parents, occurrence.family))
        .collect();
    let mut sizes = vec![0usize; parents.len()];
    let mut first_member = vec![usize::MAX; parents.len()];
    for (index, &family) in roots.iter().enumerate() {
        sizes[family] += 1;
        if first_member[family] == usize::MAX {
            first_member[family] = index;
        }
    }
    let mut families: Vec<usize> = (0..parents.len())
        .filter(|&family| sizes[family] > 0)
        .collect();
    families.sort_by_key(|&family| occurrences[first_member[family]].range.start);
    let mut offsets = vec![0usize; parents.len()];
    let mut next = 0;
    for &family in &families {
        offsets[family] = next;
        next += sizes[family];
    }
    let mut grouped = vec![0usize; occurrences.len()];
    let mut filled = offsets.clone();
    for (index, &family) in roots.iter().enumerate() {
        grouped[filled[family]] = index;
        filled[family] += 1;
    }
    let mut findings: Vec<Finding> = Vec::new();
    let mut flagged: HashSet<Range<usize>> = HashSet::new();
    for &family in &families {
        let family = &grouped[offsets[family]..offsets[family] + sizes[family]];
        let first = &occurrences[family[0]];
        let house_word = house_match(&house, &first.word.key);
        // The first reference in mid-sentence shows the spelling best: "al-Assad", not the
        // "Al-Assad" that opens a sentence.
        let reference = family
            .iter()
            .map(|&index| &occurrences[index])
            .find(|occurrence| {
                same_spelling(occurrence.word, first.word) && !occurrence.word.sentence_start
            })
            .unwrap_or(first);
        for occurrence in family.iter().map(|&index| &occurrences[index]) {
            let word = occurrence.word;
            let finding = match house_word {
                Some(house_word) => {
                    let wanted = NameWord {
                        range: 0..0,
                        text: house_word.text.clone(),
                        key: house_word.key.clone(),
                        sentence_start: false,
                    };
                    if same_spelling(word, &wanted) {
                        continue;
                    }
                    house_finding(word, occurrence.range.clone(), &house_word.text)
                }
                None => {
                    if same_spelling(word, reference.word)
                        || occurrence.range.start <= first.range.start
                    {
                        continue;
                    }
                    if different_people(&givens, &word.text, &reference.word.text) {
                        continue;
                    }
                    variant_finding(occurrence, reference)
                }
            };
            if flagged.insert(occurrence.range.clone()) {
                findings.push(finding);
            }
        }
    }
    // Words no family holds (too short, or first words of an organisation) may still go
    // against a house spelling: "Kiev" alone.
    if !house.is_empty() {
        for mention in mentions {
            for word in &mention.mention.words {
                let range = mention.word_range(word);
                if flagged.contains(&range) {
                    continue;
                }
                let Some(house_word) = house_match(&house, &word.key) else {
                    continue;
                };
                let wanted = NameWord {
                    range: 0..0,
                    text: house_word.text.clone(),
                    key: house_word.key.clone(),
                    sentence_start: false,
                };
                if !same_spelling(word, &wanted) {
                    flagged.insert(range.clone());
                    findings.push(house_finding(word, range, &house_word.text));
                }
            }
        }
    }
    findings.sort_by_key(|finding| finding.span.start);
    findings
}

/// The largest group whose members are compared pair by pair for one-letter slips.
pub(crate) const MAX_SLIP_GROUP: usize = 64;

fn root(parents: &[usize], mut family: usize) -> usize {
    while parents[family] != family {
        family = parents[family];
    }
    family
}

/// Two surname spellings each written with given names the other never has are two people
/// ("Iryna Podoliak" and "Mykhailo Podolyak"), not one name spelled two ways.
fn different_people(givens: &HashMap<Cow<str>, Vec<&str>>, left: &str, right: &str) -> bool {
    let (Some(left), Some(right)) = (givens.get(&printed(left)), givens.get(&printed(right)))
    else {
        return false;
    };
    !left.iter().any(|given| {
        right
            .iter()
            .any(|other| other == given || one_letter_apart(other, given))
    })
}

/// `occurrence` spelled otherwise than `reference`, the family's first reference. A name's
/// words are the draft's own text (see [`NameWord`]), so the message quotes them as written.
fn variant_finding(occurrence: &Occurrence, reference: &Occurrence) -> Finding {
    let written = &occurrence.word.text;
    let wanted = &reference.word.text;
    Finding {
        rule: RuleCode::NameVariant,
        span: occurrence.range.clone(),
        severity: RULE.default_severity,
        message: format!("“{written}” is spelled “{wanted}” at its first reference"),
        details: Details::Notes(vec![
            format!("First reference: “{wanted}”. Here: “{written}”."),
            "The two spellings are one name once accents, apostrophes, hyphens, capitals and transliteration letters (y/i, ks/x, double letters) are set aside.".to_string(),
        ]),
        fixes: vec![Fix {
            title: format!("Spell it “{wanted}” as at the first reference"),
            edits: vec![Edit::replace(occurrence.range.clone(), wanted.clone())],
        }],
        related: vec![Related {
            span: reference.range.clone(),
            message: format!("first reference: “{wanted}”"),
            segments_back: 0,
        }],
    }
}

fn house_finding(word: &NameWord, range: Range<usize>, wanted: &str) -> Finding {
    let written = &word.text;
    Finding {
        rule: RuleCode::NameVariant,
        span: range.clone(),
        severity: RULE.default_severity,
        message: format!("The house spelling is “{wanted}”, not “{written}”"),
        details: Details::Notes(vec![format!(
            "“{wanted}” is in the desk's [names] spellings (.copydesk.toml); “{written}” is the same name spelled another way."
        )]),
        fixes: vec![Fix {
            title: format!("Spell it “{wanted}” (house spelling)"),
            edits: vec![Edit::replace(range, wanted)],
        }],
        related: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::tests::{apply_first_fix, findings_of};
    use crate::analysis::{analyze, Format, RuleCode};

    fn flagged(text: &str) -> Vec<String> {
        findings_of(RuleCode::NameVariant, text)
    }

    #[test]
    fn flags_each_family_of_the_issue_and_keeps_its_twin_silent() {
        // (draft with a variant, the variant, the same draft's twin that must stay silent)
        let cases = [
            (
                "President Volodymyr Zelensky spoke on Monday.\n\nLater Zelenskyy met the mayor.\n",
                "Zelenskyy",
                "President Volodymyr Zelensky spoke on Monday.\n\nLater Olena Zelenska met the mayor.\n",
            ),
            (
                "Volodymyr Zelenskiy spoke.\n\nThe talks, Zelensky said, went well.\n",
                "Zelensky",
                "Volodymyr Zelenskiy spoke.\n\nThe talks, Zelenskiy said, went well.\n",
            ),
            (
                "Adviser Mykhailo Podolyak spoke.\n\nThe plan, Podoliak said, is ready.\n",
                "Podoliak",
                "Adviser Mykhailo Podolyak spoke.\n\nThe plan, his colleague Iryna Podoliak said, is ready.\n",
            ),
            (
                "Syria's Bashar al-Assad spoke.\n\nThe army of Al-Assad moved.\n",
                "Al-Assad",
                "Syria's Bashar al-Assad spoke.\n\nAl-Assad moved the army.\n",
            ),
            (
                "Hillary Clinton spoke in Iowa.\n\nLater Hilary Clinton left.\n",
                "Hilary",
                "Hillary Clinton spoke in Iowa.\n\nLater Bill Clinton left.\n",
            ),
            (
                "Tomas Reyes runs the ferry.\n\nThomas Reyes said the fares rise.\n",
                "Thomas",
                "Tomas Reyes runs the ferry.\n\nHis brother Tomas Reye said nothing.\n",
            ),
            (
                "Dmitry Peskov spoke for the Kremlin.\n\nDmitri Peskov later added more.\n",
                "Dmitri",
                "Dmitry Peskov spoke for the Kremlin.\n\nDmitry Peskov later added more.\n",
            ),
            (
                "Minister Sergey Lavrov spoke.\n\nThe aide of Lavrov, Aleksei Navalny and Alexei Navalny met.\n",
                "Alexei",
                "Minister Sergey Lavrov spoke.\n\nThe aide of Lavrov, Aleksei Navalny and Aleksei Navalny met.\n",
            ),
            (
                "José Andrés cooked.\n\nLater Jose Andres left.\n",
                "Andres",
                "José Andrés cooked.\n\nLater José Andrés left.\n",
            ),
            (
                "Conan O'Brien joked.\n\nLater OBrien left.\n",
                "OBrien",
                "Conan O'Brien joked.\n\nLater O’Brien left.\n",
            ),
        ];
        for (with_variant, variant, twin) in cases {
            let found = flagged(with_variant);
            assert!(
                found.contains(&variant.to_string()),
                "{with_variant:?}: {found:?}"
            );
            assert_eq!(flagged(twin), Vec::<String>::new(), "{twin:?}");
        }
    }

    #[test]
    fn the_fix_writes_the_first_reference_spelling() {
        assert_eq!(
            apply_first_fix(
                RuleCode::NameVariant,
                "Mykhailo Podolyak spoke.\n\nThe plan, Podoliak's aide said, is ready.\n"
            ),
            "Mykhailo Podolyak spoke.\n\nThe plan, Podolyak's aide said, is ready.\n"
        );
    }

    #[test]
    fn names_in_quotations_headings_and_capitals_are_left_alone() {
        for text in [
            "# Zelenskiy visits\n\nVolodymyr Zelensky spoke.\n",
            "Volodymyr Zelensky spoke. \"We thank Zelenskiy,\" the mayor said.\n",
            "WASHINGTON - Washington voted.\n",
            "Iran and Iraq met. Austria and Australia too.\n",
            "We'll see, said Well.\n",
        ] {
            let analysis = analyze(
                text,
                Format::Markdown,
                &crate::analysis::rules::tests::settings(),
            );
            let flagged: Vec<_> = analysis
                .findings
                .iter()
                .filter(|finding| finding.rule == RuleCode::NameVariant)
                .map(|finding| &text[finding.span.clone()])
                .collect();
            assert!(flagged.is_empty(), "{text:?}: {flagged:?}");
        }
    }

    #[test]
    fn house_spellings_are_the_only_accepted_spelling_of_their_family() {
        let mut settings = crate::analysis::rules::tests::settings();
        settings.house.name_spellings = vec!["Volodymyr Zelenskyy".to_string(), "Kyiv".to_string()];
        let text = "Volodymyr Zelensky flew from Kiev to Lviv. Later Zelenskiy spoke in Kyiv.\n";
        let analysis = analyze(text, Format::PlainText, &settings);
        let flagged: Vec<(&str, &str)> = analysis
            .findings
            .iter()
            .filter(|finding| finding.rule == RuleCode::NameVariant)
            .map(|finding| {
                (
                    &text[finding.span.clone()],
                    finding.fixes[0].edits[0].replacement.as_str(),
                )
            })
            .collect();
        assert_eq!(
            flagged,
            vec![
                ("Zelensky", "Zelenskyy"),
                ("Kiev", "Kyiv"),
                ("Zelenskiy", "Zelenskyy")
            ]
        );
    }
}
