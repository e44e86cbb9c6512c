//! Words and their byte ranges, the unit every rule matches on.

use std::ops::Range;

/// A word of the masked prose: letters and digits, with apostrophes and hyphens inside it
/// ("don't", "so-called", "Monday's").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub range: Range<usize>,
}

impl Word<'_> {
    /// Whether the word is `lower`, ignoring ASCII case. Callers test words against long
    /// lists one entry at a time, so the lengths are compared first, inline: most entries are
    /// ruled out without looking at a letter.
    #[inline]
    pub fn is(&self, lower: &str) -> bool {
        self.text.len() == lower.len() && self.text.eq_ignore_ascii_case(lower)
    }

    #[inline]
    pub fn is_any(&self, lower: &[&str]) -> bool {
        lower.iter().any(|candidate| self.is(candidate))
    }

    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The word without a possessive ending ("Monday's" -> "Monday").
    pub fn without_possessive(&self) -> &str {
        for suffix in ["'s", "’s", "'", "’"] {
            if let Some(stem) = self.text.strip_suffix(suffix) {
                return stem;
            }
        }
        self.text
    }
}

/// The shapes of a list's words: for each first letter, the lengths its words have. A word
/// whose shape is not among them is none of the list's words, which rules most words out with
/// one lookup instead of a comparison per entry.
pub struct WordShapes {
    /// Bit `n` of entry `l` is set when the list has a word of `n` bytes whose first byte,
    /// lowered, is the letter `l` (entry 26: any other first byte). Words of 32 bytes or more
    /// are never ruled out.
    lengths: [u32; 27],
}

impl WordShapes {
    pub const fn of(words: &[&str]) -> WordShapes {
        let mut shapes = WordShapes { lengths: [0; 27] };
        let mut index = 0;
        while index < words.len() {
            shapes.add(words[index]);
            index += 1;
        }
        shapes
    }

    /// The shapes of the words of a table of words and values.
    pub const fn of_pairs<T>(pairs: &[(&str, T)]) -> WordShapes {
        let mut shapes = WordShapes { lengths: [0; 27] };
        let mut index = 0;
        while index < pairs.len() {
            shapes.add(pairs[index].0);
            index += 1;
        }
        shapes
    }

    /// Adds the shape of `word`.
    pub const fn add(&mut self, word: &str) {
        let bytes = word.as_bytes();
        if !bytes.is_empty() && bytes.len() < 32 {
            self.lengths[Self::slot(bytes[0])] |= 1 << bytes.len();
        }
    }

    const fn slot(first: u8) -> usize {
        let lower = first.to_ascii_lowercase();
        if lower.is_ascii_lowercase() {
            (lower - b'a') as usize
        } else {
            26
        }
    }

    /// False when `text` is, ignoring ASCII case, none of the words; true when it may be one.
    #[inline]
    pub fn may_hold(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        match bytes.first() {
            Some(&first) if bytes.len() < 32 => {
                self.lengths[Self::slot(first)] & (1 << bytes.len()) != 0
            }
            _ => true,
        }
    }
}

/// A list of lower-case words that words of a draft are tested against. [`WordList::holds`]
/// answers as [`Word::is_any`] over the list does, but rules most words out by their shape
/// (see [`WordShapes`]): a long list tested against every word of a paragraph costs little
/// more than a short one.
pub struct WordList {
    words: &'static [&'static str],
    shapes: WordShapes,
}

impl WordList {
    pub const fn new(words: &'static [&'static str]) -> WordList {
        WordList {
            words,
            shapes: WordShapes::of(words),
        }
    }

    /// Whether `word` is one of the list's words, ignoring ASCII case.
    #[inline]
    pub fn holds(&self, word: &Word) -> bool {
        self.shapes.may_hold(word.text) && word.is_any(self.words)
    }
}

fn is_word_char(character: char) -> bool {
    character.is_alphanumeric()
}

fn is_joiner(character: char) -> bool {
    matches!(character, '\'' | '’' | '-' | '‑')
}

/// The character at byte `at` of `text` and its length: read directly when it is ASCII (most
/// of any prose), decoded otherwise.
#[inline]
fn char_at(text: &str, at: usize) -> (char, usize) {
    let byte = text.as_bytes()[at];
    if byte.is_ascii() {
        (char::from(byte), 1)
    } else {
        let character = text[at..]
            .chars()
            .next()
            .unwrap_or(char::REPLACEMENT_CHARACTER);
        (character, character.len_utf8())
    }
}

/// The words of `text[range]`, in order.
pub fn words(text: &str, range: Range<usize>) -> Vec<Word<'_>> {
    // Prose has a word every six bytes or so: room for that many is made at once, so that the
    // list is not copied to a larger one again and again as it grows.
    let mut found = Vec::with_capacity(range.len() / 6 + 1);
    found.extend(words_from(text, range));
    found
}

/// The words of `text[range]`, in order, read one at a time as they are asked for: a reader
/// that needs only the first few words of a long stretch reads no further.
pub fn words_from(text: &str, range: Range<usize>) -> WordsFrom<'_> {
    WordsFrom {
        slice: &text[range.clone()],
        offset: range.start,
        at: 0,
    }
}

/// The iterator of [`words_from`].
pub struct WordsFrom<'a> {
    slice: &'a str,
    /// Where the slice starts in the whole text.
    offset: usize,
    /// Where reading goes on in the slice.
    at: usize,
}

impl<'a> Iterator for WordsFrom<'a> {
    type Item = Word<'a>;

    fn next(&mut self) -> Option<Word<'a>> {
        let slice = self.slice;
        let mut at = self.at;
        while at < slice.len() {
            let (character, length) = char_at(slice, at);
            if !is_word_char(character) {
                at += length;
                continue;
            }
            let start = at;
            let mut end = at + length;
            // Where reading goes on after the word: the first character not taken into it.
            let mut next = end;
            while next < slice.len() {
                let (following, length) = char_at(slice, next);
                if is_word_char(following) {
                    end = next + length;
                    next = end;
                } else if is_joiner(following) {
                    // A joiner belongs to the word only when a letter or digit follows it,
                    // except for the possessive apostrophe after a plural ("officials'").
                    let after = next + length;
                    if after < slice.len() && is_word_char(char_at(slice, after).0) {
                        next = after;
                    } else if matches!(following, '\'' | '’') && slice[..next].ends_with('s') {
                        end = after;
                        next = after;
                        break;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            self.at = next;
            return Some(Word {
                text: &slice[start..end],
                range: self.offset + start..self.offset + end,
            });
        }
        self.at = at;
        None
    }
}

/// The words of `range`, exactly as [`words`] finds them there, taken from `all`, the words of
/// a stretch that holds the range, when no word of `all` is cut by an end of the range (as
/// sentences and windows between words are not): a word's reading depends only on its own
/// characters and the one after it, so the range read alone finds the same words. `None` when
/// a word is cut, and the range must be read on its own.
pub fn words_within<'s, 'a>(all: &'s [Word<'a>], range: &Range<usize>) -> Option<&'s [Word<'a>]> {
    let first = all.partition_point(|word| word.range.end <= range.start);
    let last = all
        .partition_point(|word| word.range.start < range.end)
        .max(first);
    let inside = &all[first..last];
    let cut = inside
        .first()
        .is_some_and(|word| word.range.start < range.start)
        || inside.last().is_some_and(|word| word.range.end > range.end);
    (!cut).then_some(inside)
}

/// The largest character boundary at or before `index`.
pub(crate) fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// The smallest character boundary at or after `index`.
pub(crate) fn ceil_char_boundary(text: &str, mut index: usize) -> usize {
    index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index += 1;
    }
    index
}

/// The part of `range` within `reach` bytes of `around`, on character boundaries: how far a
/// rule looks from a word for what explains it. Real sentences are far shorter than the reaches
/// used; without a bound, a "sentence" of thousands of figures or dates (a table pasted as one
/// line) would make the work per figure grow with its length, and a draft's time quadratic.
pub(crate) fn window(
    text: &str,
    range: Range<usize>,
    around: &Range<usize>,
    reach: usize,
) -> Range<usize> {
    let start = floor_char_boundary(text, range.start.max(around.start.saturating_sub(reach)));
    let end = ceil_char_boundary(
        text,
        range.end.min(around.end.saturating_add(reach)).max(start),
    );
    start..end.min(range.end).max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    use proptest::prelude::*;

    /// The words found one decoded character at a time, as `words` did before it read ASCII
    /// bytes directly: the two must always agree.
    fn decoded_words(text: &str, range: Range<usize>) -> Vec<Word<'_>> {
        let mut found = Vec::new();
        let slice = &text[range.clone()];
        let mut characters = slice.char_indices().peekable();
        while let Some((start, character)) = characters.next() {
            if !is_word_char(character) {
                continue;
            }
            let mut end = start + character.len_utf8();
            while let Some(&(index, next)) = characters.peek() {
                if is_word_char(next) {
                    end = index + next.len_utf8();
                    characters.next();
                } else if is_joiner(next) {
                    let after = slice[index + next.len_utf8()..].chars().next();
                    if after.is_some_and(is_word_char) {
                        characters.next();
                    } else if matches!(next, '\'' | '’') && slice[..index].ends_with('s') {
                        end = index + next.len_utf8();
                        characters.next();
                        break;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            found.push(Word {
                text: &slice[start..end],
                range: range.start + start..range.start + end,
            });
        }
        found
    }

    #[test]
    fn a_word_list_holds_exactly_the_words_the_list_compares_equal() {
        static LIST: WordList = WordList::new(&["poll", "survey", "data", "1st", "état", "a"]);
        let text = "Poll POLLS survey surveys DATA date 1st 2nd État état a A an polling";
        for word in words(text, 0..text.len()) {
            assert_eq!(
                LIST.holds(&word),
                word.is_any(LIST.words),
                "{:?} is held by the list only when it is one of its words",
                word.text
            );
        }
        let held: Vec<&str> = words(text, 0..text.len())
            .iter()
            .filter(|word| LIST.holds(word))
            .map(|word| word.text)
            .collect();
        assert_eq!(held, ["Poll", "survey", "DATA", "1st", "état", "a", "A"]);
    }

    proptest! {
        #[test]
        fn words_within_a_stretch_are_the_words_read_alone(
            text in "[a-zA-Z0-9s'’\\-‑ .,é😀\n]{0,200}",
            from in 0usize..200,
            to in 0usize..200,
        ) {
            let all = words(&text, 0..text.len());
            let start = floor_char_boundary(&text, from.min(to));
            let end = floor_char_boundary(&text, from.max(to));
            if let Some(within) = words_within(&all, &(start..end)) {
                prop_assert_eq!(within, &words(&text, start..end)[..]);
            }
            // A range between words (here, from the start of a word to the end of a later
            // one) never cuts one, so it is always taken from the stretch's words.
            if let (Some(first), Some(last)) = (all.get(from % 7), all.get(from % 7 + to % 5)) {
                let between = first.range.start..last.range.end;
                prop_assert_eq!(words_within(&all, &between), Some(&words(&text, between.clone())[..]));
            }
        }

        #[test]
        fn reading_bytes_finds_the_words_decoding_finds(
            text in "[a-zA-Z0-9s'’\\-‑ .,é😀\n]{0,200}",
            from in 0usize..200,
        ) {
            let start = floor_char_boundary(&text, from);
            prop_assert_eq!(words(&text, start..text.len()), decoded_words(&text, start..text.len()));
        }
    }

    #[test]
    fn words_keep_inner_apostrophes_and_hyphens() {
        let text = "So-called \"experts\" don't agree, officials' Monday's plan.";
        let texts: Vec<&str> = words(text, 0..text.len())
            .iter()
            .map(|word| word.text)
            .collect();
        assert_eq!(
            texts,
            vec![
                "So-called",
                "experts",
                "don't",
                "agree",
                "officials'",
                "Monday's",
                "plan"
            ]
        );
    }

    #[test]
    fn ranges_are_offsets_in_the_whole_text() {
        let text = "ab «cd» é1";
        let found = words(text, 3..text.len());
        assert_eq!(&text[found[0].range.clone()], "cd");
        assert_eq!(&text[found[1].range.clone()], "é1");
    }
}
