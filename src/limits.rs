//! Size limits shared by the language server and the command line, and the messages that
//! state them. Sizes are given in exact bytes: "5.0 MB, up to 5.0 MB" does not tell a writer
//! how far over the limit a draft is.

/// Drafts larger than this are not checked unless the user raises the limit (the editor
/// setting `maxFileBytes`, the command line's `--max-file-bytes`).
pub const DEFAULT_MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

/// House rules files larger than this are not read: a real one is a few kilobytes, and
/// parsing a huge (perhaps sparse) file would take the server's memory and time.
pub const MAX_HOUSE_RULES_BYTES: u64 = 1024 * 1024;

/// A count of bytes with thousands separators: "5,242,880 bytes", "1 byte".
pub fn bytes(count: u64) -> String {
    let digits = count.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let unit = if count == 1 { "byte" } else { "bytes" };
    format!("{grouped} {unit}")
}

/// Why a draft of `size` bytes is not checked when the limit is `limit`; `setting` names how
/// to change the limit.
pub fn draft_too_large(size: u64, limit: u64, setting: &str) -> String {
    format!(
        "This file is too large to check: {}; the limit is {} ({setting}).",
        bytes(size),
        bytes(limit)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_exact_and_grouped_by_thousands() {
        for (count, expected) in [
            (0, "0 bytes"),
            (1, "1 byte"),
            (999, "999 bytes"),
            (1_000, "1,000 bytes"),
            (5_242_881, "5,242,881 bytes"),
            (1_073_741_824, "1,073,741,824 bytes"),
        ] {
            assert_eq!(bytes(count), expected);
        }
    }

    #[test]
    fn the_message_gives_both_sizes_and_the_setting() {
        assert_eq!(
            draft_too_large(5_242_881, 5_242_880, "setting copydesk.maxFileBytes"),
            "This file is too large to check: 5,242,881 bytes; the limit is 5,242,880 bytes \
             (setting copydesk.maxFileBytes)."
        );
    }
}
