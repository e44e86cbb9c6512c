//! Comparing the spellings of a name: the folded key a transliteration family shares, and
//! spellings one letter apart.

use super::NameWord;

/// The key under which spellings of one name meet: the word in small letters without accents,
/// apostrophes or hyphens, with the letters that transliterations of one name disagree on made
/// the same: "y", "iy" and "yy" at the end and "y" beside a vowel become "i", "ks" becomes
/// "x", and double letters single. "Zelenskyy", "Zelenskiy", "Zelensky" all give "zelenski";
/// "Podolyak" and "Podoliak" give "podoliak"; "Smyth" stays apart from "Smith".
pub fn fold(word: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut plain = String::with_capacity(word.len());
    if word.is_ascii() {
        // Most names are plain ASCII, which decomposes to itself with no accents to drop: the
        // same letters as the decomposing loop below gives, without the decomposition.
        plain.extend(
            word.chars()
                .filter(|character| !matches!(character, '\'' | '-' | ' ' | '`'))
                .map(|character| character.to_ascii_lowercase()),
        );
    } else {
        for character in word.nfkd() {
            if unicode_normalization::char::is_combining_mark(character) {
                continue;
            }
            match character {
                '\'' | '’' | '‘' | '-' | '‐' | '‑' | ' ' | '`' | 'ʼ' => {}
                'ø' | 'Ø' => plain.push('o'),
                'ł' | 'Ł' => plain.push('l'),
                'đ' | 'Đ' => plain.push('d'),
                'ß' => plain.push_str("ss"),
                'æ' | 'Æ' => plain.push_str("ae"),
                'œ' | 'Œ' => plain.push_str("oe"),
                _ => plain.extend(character.to_lowercase()),
            }
        }
    }
    let plain = plain.replace("ks", "x");
    let characters: Vec<char> = plain.chars().collect();
    let is_vowel = |character: char| matches!(character, 'a' | 'e' | 'i' | 'o' | 'u');
    let mut folded = String::with_capacity(plain.len());
    let mut index = 0;
    while index < characters.len() {
        let character = characters[index];
        let next = characters.get(index + 1).copied();
        let at_end = index + 1 == characters.len();
        if character == 'i' && next == Some('y') && index + 2 == characters.len() {
            folded.push('i');
            index += 2;
            continue;
        }
        if character == 'y' {
            let previous = index.checked_sub(1).map(|at| characters[at]);
            if at_end
                || next.is_some_and(is_vowel)
                || previous.is_some_and(is_vowel)
                || next == Some('y')
            {
                folded.push('i');
                index += 1;
                continue;
            }
        }
        folded.push(character);
        index += 1;
    }
    let mut single = String::with_capacity(folded.len());
    for character in folded.chars() {
        if !single.ends_with(character) {
            single.push(character);
        }
    }
    single
}

/// Whether two folded keys are one letter apart (an insertion, deletion, substitution or
/// swap) in a way that keeps their first and last letters: "kiev" and "kiv" ("Kiev", "Kyiv")
/// are, "zelenska" and "zelenski" are not, because Slavic surnames change their ending with
/// the bearer's gender, so a different ending is a different person.
pub fn one_letter_apart(left: &str, right: &str) -> bool {
    let (left_len, right_len) = (left.chars().count(), right.chars().count());
    if left_len.min(right_len) < 3 || left_len.max(right_len) < 4 {
        return false;
    }
    if left.chars().next() != right.chars().next() || left.chars().last() != right.chars().last() {
        return false;
    }
    strsim::damerau_levenshtein(left, right) == 1
}

/// Whether two spellings of a word are the same as written in print: identical, or different
/// only in the capital of a word that opens a sentence ("Al-Assad said" and "al-Assad"), or
/// in the shape of the apostrophe ("O'Neill" and "O’Neill").
pub fn same_spelling(left: &NameWord, right: &NameWord) -> bool {
    // Compared character by character, without copies: the names desk compares every
    // mention of a long draft on every edit.
    let normal = |character: char| if character == '’' { '\'' } else { character };
    let (mut a, mut b) = (
        left.text.chars().map(normal),
        right.text.chars().map(normal),
    );
    if a.clone().eq(b.clone()) {
        return true;
    }
    if !(left.sentence_start || right.sentence_start) {
        return false;
    }
    match (a.next(), b.next()) {
        (Some(first), Some(other)) => first
            .to_lowercase()
            .chain(a)
            .eq(other.to_lowercase().chain(b)),
        (first, other) => first.is_none() && other.is_none(),
    }
}
