//! The unified diff people read: original text against fixed text.
//!
//! The edit script comes from `similar`'s Myers diff with the same hooks `similar::TextDiff` uses
//! (compaction, then replace detection), and the hunks are formatted here in `similar`'s format,
//! so they are the ones `TextDiff::from_lines(..).unified_diff()` prints (tests compare the two).
//! Calling the one algorithm directly, for one input type (slices of lines), keeps the other
//! algorithms and their copies per input type out of the wasm (they were a fifth of its code).
//! It is the raw Myers search (`diff_deadline_raw`): `myers::diff` first runs a preflight that
//! hashes every line to drop the ones only one side has, which can change the edit script on big
//! inputs, and whose hashing and second search copy cost 6.8 KB of gzip'd page; the raw search
//! gives a minimal diff and still trims the common head and tail first.
//!
//! Speed: Myers trims the common head and tail first, and podnet's fixes change a few lines, so a
//! 1 MB paste with three changed lines diffs in 5–9 ms natively (`TextDiff` with `std` took 12 ms).
//! Many scattered changes are slower (about 90 ms for 1,000 changed lines in 25,000, natively)
//! because `similar` without `std` keeps its maps in a `BTreeMap`; that saved 1 KB of gzip'd wasm,
//! and podnet's fixes never make such a diff.

use alloc::string::String;
use alloc::vec::Vec;

use similar::algorithms::{myers, Capture, Compact, Replace};
use similar::{group_diff_ops, DiffTag};

/// Lines of unchanged context around each change; hunks closer than twice this merge.
const CONTEXT_LINES: usize = 3;

/// A unified diff (3 lines of context) from `original` to `fixed`, or `None` when they are equal.
pub fn unified_diff(original: &str, fixed: &str) -> Option<String> {
    if original == fixed {
        return None;
    }
    let old_lines = split_lines(original);
    let new_lines = split_lines(fixed);

    let mut hook = Compact::new(Replace::new(Capture::new()), &old_lines[..], &new_lines[..]);
    // The hooks only collect operations, so they cannot fail.
    let Ok(()) = myers::diff_deadline_raw(
        &mut hook,
        &old_lines[..],
        0..old_lines.len(),
        &new_lines[..],
        0..new_lines.len(),
        None,
    );
    let ops = hook.into_inner().into_inner().into_ops();

    let mut out = String::new();
    for hunk in group_diff_ops(ops, CONTEXT_LINES) {
        let (Some(first), Some(last)) = (hunk.first(), hunk.last()) else {
            continue;
        };
        if out.is_empty() {
            out.push_str("--- original\n+++ fixed\n");
        }
        out.push_str("@@ -");
        push_range(&mut out, first.old_range().start, last.old_range().end);
        out.push_str(" +");
        push_range(&mut out, first.new_range().start, last.new_range().end);
        out.push_str(" @@\n");
        for op in &hunk {
            let (tag, old_range, new_range) = op.as_tag_tuple();
            match tag {
                DiffTag::Equal => push_lines(&mut out, ' ', &old_lines[old_range]),
                DiffTag::Delete => push_lines(&mut out, '-', &old_lines[old_range]),
                DiffTag::Insert => push_lines(&mut out, '+', &new_lines[new_range]),
                DiffTag::Replace => {
                    push_lines(&mut out, '-', &old_lines[old_range]);
                    push_lines(&mut out, '+', &new_lines[new_range]);
                }
            }
        }
    }
    Some(out)
}

/// Splits text into lines that keep their terminator (`\n`, `\r\n` or a lone `\r`), as `similar`
/// does; only the last line can lack one.
fn split_lines(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    let mut at = 0;
    while at < bytes.len() {
        let end = match bytes[at] {
            b'\r' if bytes.get(at + 1) == Some(&b'\n') => at + 2,
            b'\r' | b'\n' => at + 1,
            _ => {
                at += 1;
                continue;
            }
        };
        lines.push(&text[start..end]);
        start = end;
        at = end;
    }
    if start < text.len() {
        lines.push(&text[start..]);
    }
    lines
}

/// Writes a hunk header range the way unified diffs count lines: 1-based `start,length`, only
/// `start` for one line, and the line before the range with length 0 for an empty one.
fn push_range(out: &mut String, start: usize, end: usize) {
    let len = end.saturating_sub(start);
    let shown_start = if len == 0 { start } else { start + 1 };
    push_number(out, shown_start);
    if len != 1 {
        out.push(',');
        push_number(out, len);
    }
}

/// Appends a decimal number (without `core::fmt`, which the wasm would otherwise carry here).
fn push_number(out: &mut String, mut number: usize) {
    let mut digits = [0u8; 20];
    let mut count = 0;
    loop {
        // The remainder is below 10, so it fits a digit.
        digits[count] = b'0' + (number % 10) as u8;
        count += 1;
        number /= 10;
        if number == 0 {
            break;
        }
    }
    for digit in digits[..count].iter().rev() {
        out.push(char::from(*digit));
    }
}

/// Appends changed or context lines with their marker; a last line without a terminator gets one
/// and the `\ No newline at end of file` note.
fn push_lines(out: &mut String, marker: char, lines: &[&str]) {
    for line in lines {
        out.push(marker);
        out.push_str(line);
        if !line.ends_with(['\r', '\n']) {
            out.push_str("\n\\ No newline at end of file\n");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;
    use proptest::prelude::*;

    /// The definition this module must match byte for byte.
    fn similar_unified_diff(original: &str, fixed: &str) -> String {
        similar::TextDiff::from_lines(original, fixed)
            .unified_diff()
            .context_radius(3)
            .header("original", "fixed")
            .to_string()
    }

    fn assert_same_as_similar(original: &str, fixed: &str) {
        let ours = unified_diff(original, fixed).expect("texts differ");
        assert_eq!(
            ours,
            similar_unified_diff(original, fixed),
            "{original:?} → {fixed:?}"
        );
    }

    #[test]
    fn shows_only_the_changed_line_with_context() {
        let diff = unified_diff("a\nb\nc\n", "a\nB\nc\n").expect("texts differ");
        assert_eq!(
            diff,
            "--- original\n+++ fixed\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"
        );
        assert_eq!(unified_diff("same", "same"), None);
    }

    #[test]
    fn marks_a_missing_final_newline_on_either_side() {
        assert_same_as_similar("a\nb", "a\nc");
        assert_same_as_similar("a\nb\n", "a\nb");
        assert_same_as_similar("a\nb", "a\nb\n");
        assert_same_as_similar("x", "y\n");
        let diff = unified_diff("a\nb", "a\nc").expect("texts differ");
        assert!(
            diff.ends_with("-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n")
        );
    }

    #[test]
    fn diffs_from_and_to_empty_text() {
        assert_same_as_similar("", "a\nb\n");
        assert_same_as_similar("a\nb\n", "");
        assert_same_as_similar("", "a");
        let diff = unified_diff("", "a\n").expect("texts differ");
        assert_eq!(diff, "--- original\n+++ fixed\n@@ -0,0 +1 @@\n+a\n");
    }

    #[test]
    fn merges_hunks_at_most_six_lines_apart_and_splits_farther_ones() {
        let original: String = (0..30).map(|n| format!("line {n}\n")).collect();
        for gap in [5, 6, 7, 8] {
            let fixed = original
                .replace("line 5\n", "LINE 5\n")
                .replace(&format!("line {}\n", 6 + gap), "CHANGED\n");
            assert_same_as_similar(&original, &fixed);
            let hunks = unified_diff(&original, &fixed)
                .expect("texts differ")
                .matches("@@ -")
                .count();
            assert_eq!(hunks, if gap <= 6 { 1 } else { 2 }, "gap {gap}");
        }
    }

    #[test]
    fn one_line_files() {
        assert_same_as_similar("a\n", "b\n");
        assert_same_as_similar("a", "b");
        let diff = unified_diff("a\n", "b\n").expect("texts differ");
        assert_eq!(diff, "--- original\n+++ fixed\n@@ -1 +1 @@\n-a\n+b\n");
    }

    #[test]
    fn keeps_crlf_and_lone_cr_line_ends() {
        assert_same_as_similar("a\r\nb\r\nc\r\n", "a\r\nB\r\nc\r\n");
        assert_same_as_similar("a\rb\rc", "a\rb\rC");
        assert_same_as_similar("a\r\nb", "a\nb");
    }

    #[test]
    fn long_files_with_repeated_lines_match_similar() {
        let original: String = (0..400)
            .map(|n| format!("key{}: {}\n", n % 7, n % 13))
            .collect();
        let fixed: String = (0..420)
            .map(|n| {
                if n % 37 == 0 {
                    "changed\n".to_string()
                } else {
                    format!("key{}: {}\n", n % 7, n % 11)
                }
            })
            .collect();
        assert_same_as_similar(&original, &fixed);
    }

    /// Text from line numbers: numbers below 6 are common lines that repeat (blank lines, list
    /// items), the others are distinct lines.
    fn text_of(ids: &[u8], newline_at_end: bool) -> String {
        const COMMON: [&str; 6] = ["a", "b", "key: value", "", "  - x", "}"];
        let lines: Vec<String> = ids
            .iter()
            .map(|id| match COMMON.get(usize::from(*id)) {
                Some(line) => line.to_string(),
                None => format!("line {id}"),
            })
            .collect();
        let mut text = lines.join("\n");
        if newline_at_end && !ids.is_empty() {
            text.push('\n');
        }
        text
    }

    /// Random line edits: (where, what: 0 delete / 1 insert / 2 replace, which line).
    fn edits() -> impl Strategy<Value = Vec<(usize, u8, u8)>> {
        proptest::collection::vec((0usize..200, 0u8..3, 0u8..40), 1..12)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn random_line_edits_give_the_same_diff_as_similar(
            old_ids in proptest::collection::vec(0u8..40, 0..150),
            edits in edits(),
            old_newline_at_end in any::<bool>(),
            new_newline_at_end in any::<bool>(),
        ) {
            let mut new_ids = old_ids.clone();
            for (at, kind, id) in edits {
                let at = at % (new_ids.len() + 1);
                match kind {
                    0 if at < new_ids.len() => {
                        new_ids.remove(at);
                    }
                    2 if at < new_ids.len() => new_ids[at] = id,
                    _ => new_ids.insert(at, id),
                }
            }
            let original = text_of(&old_ids, old_newline_at_end);
            let fixed = text_of(&new_ids, new_newline_at_end);
            match unified_diff(&original, &fixed) {
                None => prop_assert_eq!(&original, &fixed),
                Some(ours) => prop_assert_eq!(ours, similar_unified_diff(&original, &fixed)),
            }
        }
    }
}
