//! Where a rope differs from a string, found without copying the rope.

use std::ops::Range;

use ropey::Rope;

/// The stretch in which `new` differs from `old`: the bytes of `old` that were replaced, and
/// the bytes of `new` that replaced them. Everything before and after is the same in both. Both
/// ranges lie on character boundaries.
///
/// The server keeps the text it last analysed as a string; comparing the document's rope with
/// it chunk by chunk costs a fast comparison of the text, where copying the rope to a new string
/// on every keystroke would cost an allocation and a copy of the whole draft.
pub fn changed_span(old: &str, new: &Rope) -> (Range<usize>, Range<usize>) {
    let old_bytes = old.as_bytes();
    let new_len = new.len_bytes();
    let shortest = old_bytes.len().min(new_len);

    let mut prefix = 0;
    for chunk in new.chunks() {
        let chunk = chunk.as_bytes();
        let room = chunk.len().min(shortest - prefix);
        let same = matching_prefix(&chunk[..room], &old_bytes[prefix..prefix + room]);
        prefix += same;
        if same < chunk.len() {
            break;
        }
    }
    // Bytes before `prefix` are the same in both texts, so the start of the character holding
    // byte `prefix` is found in either.
    while !old.is_char_boundary(prefix) {
        prefix -= 1;
    }

    let room = shortest - prefix;
    let mut suffix = 0;
    let (mut chunks, ..) = new.chunks_at_byte(new_len);
    while suffix < room {
        let Some(chunk) = chunks.prev() else { break };
        let chunk = chunk.as_bytes();
        let take = chunk.len().min(room - suffix);
        let old_end = old_bytes.len() - suffix;
        let same = matching_suffix(
            &chunk[chunk.len() - take..],
            &old_bytes[old_end - take..old_end],
        );
        suffix += same;
        if same < chunk.len() {
            break;
        }
    }
    let mut old_suffix_start = old_bytes.len() - suffix;
    while !old.is_char_boundary(old_suffix_start) {
        old_suffix_start += 1;
    }
    let suffix = old_bytes.len() - old_suffix_start;
    (prefix..old_suffix_start, prefix..new_len - suffix)
}

/// How many bytes `a` and `b` (of equal length) share at their start.
fn matching_prefix(a: &[u8], b: &[u8]) -> usize {
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
fn matching_suffix(a: &[u8], b: &[u8]) -> usize {
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

    /// The span by the obvious method, on strings.
    fn expected(old: &str, new: &str) -> (Range<usize>, Range<usize>) {
        let shortest = old.len().min(new.len());
        let mut prefix = old
            .bytes()
            .zip(new.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        while !old.is_char_boundary(prefix) {
            prefix -= 1;
        }
        let mut suffix = old
            .bytes()
            .rev()
            .zip(new.bytes().rev())
            .take_while(|(a, b)| a == b)
            .count()
            .min(shortest - prefix);
        while !old.is_char_boundary(old.len() - suffix) {
            suffix -= 1;
        }
        (prefix..old.len() - suffix, prefix..new.len() - suffix)
    }

    #[test]
    fn finds_the_changed_stretch() {
        let cases = [
            ("", ""),
            ("same", "same"),
            ("abc", "abXc"),
            ("aaaa", "aaa"),
            ("aaa", "aaaa"),
            ("é", "è"),
            ("xéy", "xèy"),
            ("😀", "😁"),
            ("ab", ""),
            ("", "ab"),
        ];
        for (old, new) in cases {
            let (replaced, replacement) = changed_span(old, &Rope::from_str(new));
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

    proptest! {
        /// On texts long enough to span many chunks, with edits anywhere.
        #[test]
        fn matches_the_obvious_method(
            base in "[a-zé😀\n ]{0,3000}",
            at in 0usize..4000,
            removed in 0usize..50,
            inserted in "[a-zé😀\n ]{0,20}",
        ) {
            let mut at = at.min(base.len());
            while !base.is_char_boundary(at) { at -= 1; }
            let mut end = (at + removed).min(base.len());
            while !base.is_char_boundary(end) { end += 1; }
            let mut new = base.clone();
            new.replace_range(at..end, &inserted);
            let rope = Rope::from_str(&new);
            prop_assert_eq!(changed_span(&base, &rope), expected(&base, &new));
        }
    }
}
