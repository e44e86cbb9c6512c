//! Finding the stretch of a draft an edit changed, by comparing the previous text with the new
//! one in the pieces the server holds it in.

use std::ops::Range;

use super::super::words::{ceil_char_boundary, floor_char_boundary};

/// The stretch in which a new text differs from `old`: the bytes of `old` that were replaced,
/// and the bytes of the new text that replaced them. Everything before and after is the same
/// in both, and both ranges lie on character boundaries.
///
/// The new text is given as its length and its pieces, front to back and back to front, so that
/// a caller holding it in pieces (the server's rope) finds the change without joining them: a
/// fast comparison of the text, where joining would allocate and copy the whole draft on every
/// keystroke.
pub fn changed_span<'a>(
    old: &str,
    new_len: usize,
    forward: impl Iterator<Item = &'a str>,
    backward: impl Iterator<Item = &'a str>,
) -> (Range<usize>, Range<usize>) {
    let old_bytes = old.as_bytes();
    let shortest = old_bytes.len().min(new_len);
    let mut prefix = 0;
    for piece in forward {
        let piece = piece.as_bytes();
        let room = piece.len().min(shortest - prefix);
        let same = matching_prefix(&piece[..room], &old_bytes[prefix..prefix + room]);
        prefix += same;
        if same < piece.len() {
            break;
        }
    }
    // The texts have the same bytes before `prefix`, so the character holding byte `prefix`
    // starts at the same place in both.
    let prefix = floor_char_boundary(old, prefix);
    let room = shortest - prefix;
    let mut suffix = 0;
    for piece in backward {
        if suffix == room {
            break;
        }
        let piece = piece.as_bytes();
        let take = piece.len().min(room - suffix);
        let old_end = old_bytes.len() - suffix;
        let same = matching_suffix(
            &piece[piece.len() - take..],
            &old_bytes[old_end - take..old_end],
        );
        suffix += same;
        if same < piece.len() {
            break;
        }
    }
    // Likewise after the last `suffix` bytes.
    let old_suffix_start = ceil_char_boundary(old, old_bytes.len() - suffix);
    let suffix = old_bytes.len() - old_suffix_start;
    (prefix..old_suffix_start, prefix..new_len - suffix)
}

/// How many bytes `a` and `b` (of equal length) share at their start.
pub(super) fn matching_prefix(a: &[u8], b: &[u8]) -> usize {
    // Whole blocks first: slice comparison is vectorised, byte-by-byte comparison is not.
    const BLOCK: usize = 64;
    let mut same = 0;
    while same + BLOCK <= a.len() && a[same..same + BLOCK] == b[same..same + BLOCK] {
        same += BLOCK;
    }
    same + a[same..]
        .iter()
        .zip(&b[same..])
        .take_while(|(x, y)| x == y)
        .count()
}

/// How many bytes `a` and `b` (of equal length) share at their end.
pub(super) fn matching_suffix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 64;
    let mut same = 0;
    while same + BLOCK <= a.len()
        && a[a.len() - same - BLOCK..a.len() - same] == b[b.len() - same - BLOCK..b.len() - same]
    {
        same += BLOCK;
    }
    same + a[..a.len() - same]
        .iter()
        .rev()
        .zip(b[..b.len() - same].iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    use proptest::prelude::*;

    /// The span found the obvious way, on whole strings.
    fn expected(old: &str, new: &str) -> (Range<usize>, Range<usize>) {
        let shortest = old.len().min(new.len());
        let prefix = old
            .bytes()
            .zip(new.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        let prefix = floor_char_boundary(old, prefix);
        let suffix = old
            .bytes()
            .rev()
            .zip(new.bytes().rev())
            .take_while(|(a, b)| a == b)
            .count()
            .min(shortest - prefix);
        let suffix = old.len() - ceil_char_boundary(old, old.len() - suffix);
        (prefix..old.len() - suffix, prefix..new.len() - suffix)
    }

    /// `new` cut into pieces after every `every` bytes (on character boundaries), as a rope
    /// holds it.
    fn pieces(new: &str, every: usize) -> Vec<&str> {
        let mut found = Vec::new();
        let mut start = 0;
        while start < new.len() {
            let end = ceil_char_boundary(new, start.saturating_add(every.max(1)));
            found.push(&new[start..end]);
            start = end;
        }
        found
    }

    fn span(old: &str, new: &str, every: usize) -> (Range<usize>, Range<usize>) {
        let pieces = pieces(new, every);
        changed_span(
            old,
            new.len(),
            pieces.iter().copied(),
            pieces.iter().rev().copied(),
        )
    }

    #[test]
    fn finds_the_changed_stretch_and_never_overlaps() {
        let long = "word ".repeat(100);
        let edited = format!("{}X{}", &long[..250], &long[250..]);
        let cases = [
            ("", ""),
            ("same", "same"),
            ("abc", "abXc"),
            ("aaaa", "aa"),
            ("aaa", "aaaa"),
            ("", "x"),
            ("xyz", ""),
            ("é", "è"),
            ("xéy", "xèy"),
            ("😀", "😁"),
            (long.as_str(), edited.as_str()),
        ];
        for (old, new) in cases {
            for every in [1, 3, 64, usize::MAX] {
                let (replaced, replacement) = span(old, new, every);
                assert_eq!(
                    (replaced.clone(), replacement.clone()),
                    expected(old, new),
                    "{old:?} -> {new:?}"
                );
                let mut rebuilt = old.to_string();
                rebuilt.replace_range(replaced, &new[replacement]);
                assert_eq!(rebuilt, new);
            }
        }
        assert_eq!(span(&long, &edited, 7), (250..250, 250..251));
    }

    proptest! {
        /// Long texts in pieces of any size, edited anywhere.
        #[test]
        fn pieces_give_what_whole_strings_give(
            base in "[a-zé😀\n ]{0,3000}",
            at in 0usize..4000,
            removed in 0usize..50,
            inserted in "[a-zé😀\n ]{0,20}",
            every in 1usize..2000,
        ) {
            let at = floor_char_boundary(&base, at);
            let end = ceil_char_boundary(&base, at + removed);
            let mut new = base.clone();
            new.replace_range(at..end, &inserted);
            prop_assert_eq!(span(&base, &new, every), expected(&base, &new));
        }
    }
}
