//! Builds a [`Diff`]: original text against fixed text, line by line.
//!
//! The edit script is [`super::myers`]' shortest one over the lines, grouped into hunks as
//! `similar`'s `group_diff_ops` groups them, so [`Diff::unified`] prints what
//! `TextDiff::from_lines(..).unified_diff()` prints wherever the shortest script is unique
//! (tests compare the two, and the number of changed lines always).
//!
//! Speed: the common head and tail are trimmed first, and podnet's fixes change a few lines, so
//! a 1 MB paste with three changed lines diffs in a few milliseconds. `analyze` does not search
//! the whole texts at all: [`Diff::of_edits`] searches only the lines the edits touch.

use alloc::string::String;
use alloc::vec::Vec;
use core::ops::Range;

use super::myers::{self, Op};
use super::{Diff, DiffLine, Hunk, LineEnd, LineKind, CONTEXT_LINES};

impl Diff {
    /// The diff from `original` to `fixed` with [`CONTEXT_LINES`] of context, or `None` when the
    /// texts are equal.
    pub fn between(original: &str, fixed: &str) -> Option<Diff> {
        if original == fixed {
            return None;
        }
        let old_lines = split_lines(original);
        let new_lines = split_lines(fixed);

        let ops = myers::diff(&old_lines, &new_lines);
        Some(Diff::of_ops(ops, &old_lines, &new_lines))
    }

    /// The hunks of an edit script over the lines.
    pub(super) fn of_ops(ops: Vec<Op>, old_lines: &[&str], new_lines: &[&str]) -> Diff {
        let hunks = groups(ops, CONTEXT_LINES)
            .iter()
            .filter_map(|ops| hunk(ops, old_lines, new_lines))
            .collect();
        Diff { hunks }
    }
}

/// The script cut into hunks, as `similar::group_diff_ops` cuts it: the first shared run keeps
/// its last `context` items and the last its first `context`; a shared run longer than twice
/// `context` ends one group (with its first `context`) and opens the next (with its last
/// `context`); a group without a change is dropped.
fn groups(mut ops: Vec<Op>, context: usize) -> Vec<Vec<Op>> {
    if let Some(first) = ops.first_mut().filter(|op| op.equal) {
        let cut = first.old.len().saturating_sub(context);
        first.old.start += cut;
        first.new.start += cut;
    }
    if let Some(last) = ops.last_mut().filter(|op| op.equal) {
        let cut = last.old.len().saturating_sub(context);
        last.old.end -= cut;
        last.new.end -= cut;
    }
    let mut groups = Vec::new();
    let mut group: Vec<Op> = Vec::new();
    for op in ops {
        if op.equal && op.old.len() > 2 * context {
            let (old, new) = (op.old.clone(), op.new.clone());
            group.push(Op {
                equal: true,
                old: old.start..old.start + context,
                new: new.start..new.start + context,
            });
            groups.push(core::mem::take(&mut group));
            group.push(Op {
                equal: true,
                old: old.end - context..old.end,
                new: new.end - context..new.end,
            });
            continue;
        }
        group.push(op);
    }
    if group.iter().any(|op| !op.equal) {
        groups.push(group);
    }
    groups
}

impl Diff {
    /// `original` with the hunks applied: the fixed text the diff was made for, or `None` when a
    /// context or removed line does not match `original`'s line at its number (a check of the
    /// diff itself, for tests and fuzzing).
    pub fn apply_to(&self, original: &str) -> Option<String> {
        let lines = split_lines(original);
        let mut out = String::new();
        let mut at = 0;
        for hunk in &self.hunks {
            // `old_start` is one-based; for a hunk that removes nothing it is where lines go.
            let start = hunk.old_start.checked_sub(1)?;
            for line in lines.get(at..start)? {
                out.push_str(line);
            }
            at = start;
            for line in &hunk.lines {
                let whole = alloc::format!("{}{}", line.text, line.end.as_str());
                match line.kind {
                    LineKind::Context | LineKind::Removed => {
                        if *lines.get(at)? != whole {
                            return None;
                        }
                        if line.kind == LineKind::Context {
                            out.push_str(&whole);
                        }
                        at += 1;
                    }
                    LineKind::Added => out.push_str(&whole),
                }
            }
        }
        for line in lines.get(at..)? {
            out.push_str(line);
        }
        Some(out)
    }
}

/// One group of operations as a hunk, its lines numbered in both texts.
pub(super) fn hunk(ops: &[Op], old_lines: &[&str], new_lines: &[&str]) -> Option<Hunk> {
    let (first, last) = (ops.first()?, ops.last()?);
    let old = first.old.start..last.old.end;
    let new = first.new.start..last.new.end;
    let mut lines = Vec::new();
    for op in ops {
        if op.equal {
            for (old_at, new_at) in op.old.clone().zip(op.new.clone()) {
                lines.push(line(
                    LineKind::Context,
                    Some(old_at),
                    Some(new_at),
                    old_lines[old_at],
                ));
            }
        } else {
            push_side(&mut lines, LineKind::Removed, op.old.clone(), old_lines);
            push_side(&mut lines, LineKind::Added, op.new.clone(), new_lines);
        }
    }
    Some(Hunk {
        old_start: old.start + 1,
        old_len: old.len(),
        new_start: new.start + 1,
        new_len: new.len(),
        lines,
    })
}

/// Appends the removed lines `range` of the original, or the added lines `range` of the fixed text.
fn push_side(lines: &mut Vec<DiffLine>, kind: LineKind, range: Range<usize>, side: &[&str]) {
    for at in range {
        let (old, new) = match kind {
            LineKind::Removed => (Some(at), None),
            _ => (None, Some(at)),
        };
        lines.push(line(kind, old, new, side[at]));
    }
}

/// A hunk line from 0-based indexes and the line with its terminator.
fn line(kind: LineKind, old: Option<usize>, new: Option<usize>, with_end: &str) -> DiffLine {
    let (text, end) = if let Some(text) = with_end.strip_suffix("\r\n") {
        (text, LineEnd::CrLf)
    } else if let Some(text) = with_end.strip_suffix('\n') {
        (text, LineEnd::Lf)
    } else if let Some(text) = with_end.strip_suffix('\r') {
        (text, LineEnd::Cr)
    } else {
        (with_end, LineEnd::Missing)
    };
    DiffLine {
        kind,
        old: old.map(|at| at + 1),
        new: new.map(|at| at + 1),
        text: String::from(text),
        end,
    }
}

/// Splits text into lines that keep their terminator (`\n`, `\r\n` or a lone `\r`), as `similar`
/// does; only the last line can lack one.
pub(super) fn split_lines(text: &str) -> Vec<&str> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;
    use proptest::prelude::*;

    /// The unified text of the diff, as the CLI prints it.
    fn unified_diff(original: &str, fixed: &str) -> Option<String> {
        Diff::between(original, fixed).map(|diff| diff.unified())
    }

    /// Each hunk holds as many lines of each text as its header says, numbered one after the
    /// other from its start.
    fn assert_numbered(diff: &Diff) {
        for hunk in &diff.hunks {
            let old: Vec<usize> = hunk.lines.iter().filter_map(|line| line.old).collect();
            let new: Vec<usize> = hunk.lines.iter().filter_map(|line| line.new).collect();
            let old_expected: Vec<usize> =
                (hunk.old_start..hunk.old_start + hunk.old_len).collect();
            let new_expected: Vec<usize> =
                (hunk.new_start..hunk.new_start + hunk.new_len).collect();
            assert_eq!(old, old_expected, "{hunk:?}");
            assert_eq!(new, new_expected, "{hunk:?}");
        }
    }

    /// The definition this module must match byte for byte.
    fn similar_unified_diff(original: &str, fixed: &str) -> String {
        similar::TextDiff::from_lines(original, fixed)
            .unified_diff()
            .context_radius(3)
            .header("original", "fixed")
            .to_string()
    }

    /// Where the shortest edit script is not unique (repeated lines), podnet's search and
    /// `similar`'s may pick different ones: the diff must still rebuild the fixed text and
    /// change exactly as many lines as `similar`'s.
    fn assert_as_short_as_similar(original: &str, fixed: &str) {
        let diff = Diff::between(original, fixed).expect("texts differ");
        assert_numbered(&diff);
        assert_eq!(diff.apply_to(original).as_deref(), Some(fixed));
        let changed = |text: &str| {
            text.lines()
                .filter(|line| {
                    (line.starts_with('-') && !line.starts_with("---"))
                        || (line.starts_with('+') && !line.starts_with("+++"))
                })
                .count()
        };
        assert_eq!(
            changed(&diff.unified()),
            changed(&similar_unified_diff(original, fixed)),
            "{original:?} → {fixed:?}"
        );
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
    fn hunk_lines_carry_their_kind_numbers_and_text_without_the_line_end() {
        let diff = Diff::between("a\r\nb\r\nc\r\n", "a\r\nB\r\nc\r\nd").expect("texts differ");
        let [hunk] = &diff.hunks[..] else {
            panic!("one hunk: {diff:?}");
        };
        assert_eq!(
            (hunk.old_start, hunk.old_len, hunk.new_start, hunk.new_len),
            (1, 3, 1, 4)
        );
        let lines: Vec<_> = hunk
            .lines
            .iter()
            .map(|line| (line.kind, line.old, line.new, line.text.as_str(), line.end))
            .collect();
        assert_eq!(
            lines,
            [
                (LineKind::Context, Some(1), Some(1), "a", LineEnd::CrLf),
                (LineKind::Removed, Some(2), None, "b", LineEnd::CrLf),
                (LineKind::Added, None, Some(2), "B", LineEnd::CrLf),
                (LineKind::Context, Some(3), Some(3), "c", LineEnd::CrLf),
                (LineKind::Added, None, Some(4), "d", LineEnd::Missing),
            ]
        );
        assert_numbered(&diff);
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
            let hunks = Diff::between(&original, &fixed)
                .expect("texts differ")
                .hunks
                .len();
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
    fn long_files_with_repeated_lines_are_as_short_as_similar() {
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
        assert_as_short_as_similar(&original, &fixed);
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
        fn random_line_edits_give_a_diff_as_short_as_similar(
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
            match Diff::between(&original, &fixed) {
                None => prop_assert_eq!(&original, &fixed),
                Some(_) => assert_as_short_as_similar(&original, &fixed),
            }
        }
    }
}
