//! Levenshtein distance, the one measure of "a typo of" every rule uses (flag names, JSON keys).

use alloc::vec::Vec;

/// The number of single-byte insertions, deletions and substitutions that turn `a` into `b`;
/// `usize::MAX` when either is longer than 64 bytes (names are short; this keeps it cheap).
pub fn edit_distance(a: &[u8], b: &[u8]) -> usize {
    if a.len() > 64 || b.len() > 64 {
        return usize::MAX;
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(above + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_edits_and_refuses_long_inputs() {
        assert_eq!(edit_distance(b"kitten", b"sitting"), 3);
        assert_eq!(edit_distance(b"", b"abc"), 3);
        assert_eq!(edit_distance(b"pod-cidr", b"pod-cidr"), 0);
        assert_eq!(edit_distance(&[b'a'; 65], b"a"), usize::MAX);
    }
}
