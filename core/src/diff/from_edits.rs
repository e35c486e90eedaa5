//! The diff of a fixed text from the edits that made it, in time linear in the text.
//!
//! [`Diff::between`] searches the whole texts ([`super::myers`]), which takes time proportional to the text
//! times the number of changed lines: a 1 MB runbook of a thousand commands, each with a fix,
//! took seconds. The edits say where the texts differ, so [`Diff::of_edits`] runs the same search
//! only over the lines each group of edits touches and knows the lines between are equal. The
//! hunks turn the original into the fixed text (property-tested); they are those of a search over
//! the whole texts except where lines repeat or an edit joins two lines, where the whole search
//! may align across the edit and show a line or two fewer.

use alloc::vec::Vec;
use core::ops::Range;

use super::build::split_lines;
use super::myers::{self, push, Op};
use super::Diff;
use crate::finding::Edit;

impl Diff {
    /// The diff from `original` to `fixed`, where `fixed` is `original` with `applied` made
    /// (sorted by position, not overlapping, as [`crate::apply_edits`] returns them); `None`
    /// when the texts are equal.
    pub fn of_edits(original: &str, fixed: &str, applied: &[Edit]) -> Option<Diff> {
        if original == fixed {
            return None;
        }
        let old_lines = split_lines(original);
        let new_lines = split_lines(fixed);
        let old_starts = line_starts(&old_lines);
        let new_starts = line_starts(&new_lines);
        let Some(regions) = regions(original, &old_starts, &new_starts, applied) else {
            // The edits do not explain the texts (they should): search the whole texts.
            return Diff::between(original, fixed);
        };
        let mut ops: Vec<Op> = Vec::new();
        let (mut old_at, mut new_at) = (0, 0);
        for (old, new) in regions {
            push(&mut ops, true, old_at..old.start, new_at..new.start);
            let found = myers::diff(&old_lines[old.clone()], &new_lines[new.clone()]);
            for op in found {
                let shift = |range: Range<usize>, by: usize| range.start + by..range.end + by;
                push(
                    &mut ops,
                    op.equal,
                    shift(op.old, old.start),
                    shift(op.new, new.start),
                );
            }
            (old_at, new_at) = (old.end, new.end);
        }
        push(
            &mut ops,
            true,
            old_at..old_lines.len(),
            new_at..new_lines.len(),
        );
        Some(Diff::of_ops(ops, &old_lines, &new_lines))
    }
}

/// The byte offset where each line starts, and the text's length last.
fn line_starts(lines: &[&str]) -> Vec<usize> {
    let mut starts = Vec::with_capacity(lines.len() + 1);
    let mut at = 0;
    for line in lines {
        starts.push(at);
        at += line.len();
    }
    starts.push(at);
    starts
}

/// The index of the line that holds byte `offset` of `text`: at the very end, the last line when
/// it lacks its terminator, else the line count (a line not there yet).
fn line_of(text: &str, starts: &[usize], offset: usize) -> usize {
    let count = starts.len() - 1;
    if offset >= text.len() {
        let complete = text.is_empty() || text.ends_with('\n') || text.ends_with('\r');
        return if complete { count } else { count - 1 };
    }
    starts[..count].partition_point(|&start| start <= offset) - 1
}

/// The line ranges each group of touching edits covers, in the original and in the fixed text;
/// `None` when the edits do not map onto the fixed text's lines.
fn regions(
    original: &str,
    old_starts: &[usize],
    new_starts: &[usize],
    applied: &[Edit],
) -> Option<Vec<(Range<usize>, Range<usize>)>> {
    let old_count = old_starts.len() - 1;
    // Old line ranges, each with the byte growth its edits bring.
    let mut groups: Vec<(Range<usize>, isize)> = Vec::new();
    for edit in applied {
        let first = line_of(original, old_starts, edit.start);
        // The line holding the end changes too: its rest joins the replacement.
        let last = if edit.end < original.len() {
            line_of(original, old_starts, edit.end) + 1
        } else {
            old_count
        };
        let lines = first..last.clamp(first, old_count.max(first));
        let growth = edit.replacement.len() as isize - (edit.end - edit.start) as isize;
        match groups.last_mut() {
            Some((range, sum)) if lines.start <= range.end => {
                range.end = range.end.max(lines.end);
                *sum += growth;
            }
            _ => groups.push((lines, growth)),
        }
    }
    let mut regions = Vec::with_capacity(groups.len());
    let mut growth_before: isize = 0;
    for (old, growth) in groups {
        let new_start = old_starts[old.start].checked_add_signed(growth_before)?;
        let new_end = old_starts[old.end].checked_add_signed(growth_before + growth)?;
        let new = exact_line(new_starts, new_start)?..exact_line(new_starts, new_end)?;
        regions.push((old, new));
        growth_before += growth;
    }
    Some(regions)
}

/// The index of the line starting exactly at byte `offset` (or the line count at the end).
fn exact_line(starts: &[usize], offset: usize) -> Option<usize> {
    starts.binary_search(&offset).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::String;
    use proptest::prelude::*;

    /// Applies `edits` (sorted, not overlapping) and diffs both ways.
    fn both_ways(original: &str, edits: &[Edit]) -> (Option<Diff>, Option<Diff>) {
        let (fixed, applied) = crate::apply_edits(original, edits);
        (
            Diff::of_edits(original, &fixed, &applied),
            Diff::between(original, &fixed),
        )
    }

    #[test]
    fn a_changed_line_in_a_long_text_gives_the_whole_search_s_hunk() {
        let original: String = (0..200).map(|i| alloc::format!("line {i}\n")).collect();
        let at = original.find("line 100").expect("line 100");
        let edits = [Edit::replace(at, at + 8, "LINE 100")];
        let (ours, whole) = both_ways(&original, &edits);
        assert_eq!(ours, whole);
        assert_eq!(ours.expect("a diff").hunks.len(), 1);
    }

    #[test]
    fn insertions_at_the_start_and_the_end_and_a_missing_last_newline() {
        for original in ["a\nb\nc\n", "a\nb\nc", "", "\n", "a\r\nb\r\n"] {
            let end = original.len();
            for edits in [
                alloc::vec![Edit::insert(0, "x\n")],
                alloc::vec![Edit::insert(end, "y\n")],
                alloc::vec![Edit::insert(end, "z")],
                alloc::vec![Edit::insert(0, "x"), Edit::insert(end, "\nz")],
            ] {
                let (ours, whole) = both_ways(original, &edits);
                assert_eq!(ours, whole, "{original:?} {edits:?}");
            }
        }
    }

    /// Texts of a few short lines from a small alphabet (so lines repeat), and edits that keep
    /// to character boundaries.
    fn text_and_edits() -> impl Strategy<Value = (String, Vec<Edit>)> {
        let line = prop::sample::select(alloc::vec!["a", "b", "c", "", "--x", "  y"]);
        let end = prop::sample::select(alloc::vec!["\n", "\n", "\n", "\r\n", ""]);
        prop::collection::vec((line, end), 0..40)
            .prop_map(|lines| {
                lines
                    .into_iter()
                    .map(|(l, e)| alloc::format!("{l}{e}"))
                    .collect::<String>()
            })
            .prop_flat_map(|text| {
                let len = text.len();
                let edit = (
                    0..=len,
                    0..=4usize,
                    prop::sample::select(alloc::vec!["", "q", "\n", "z\n", "a\nb"]),
                );
                (Just(text), prop::collection::vec(edit, 0..6))
            })
            .prop_map(|(text, raw)| {
                let mut edits: Vec<Edit> = Vec::new();
                let mut cursor = 0;
                let mut raw = raw;
                raw.sort_by_key(|(at, _, _)| *at);
                for (at, len, replacement) in raw {
                    let start = at.max(cursor);
                    let end = (start + len).min(text.len());
                    if start > text.len()
                        || !text.is_char_boundary(start)
                        || !text.is_char_boundary(end)
                    {
                        continue;
                    }
                    edits.push(Edit::replace(start, end, replacement));
                    cursor = end + 1;
                }
                (text, edits)
            })
    }

    fn changed_lines(diff: &Diff) -> usize {
        diff.hunks
            .iter()
            .flat_map(|hunk| &hunk.lines)
            .filter(|line| line.kind != crate::diff::LineKind::Context)
            .count()
    }

    proptest! {
        /// The hunks turn the original into the fixed text, and change about as few lines as a
        /// search over the whole texts.
        #[test]
        fn hunks_that_turn_the_original_into_the_fixed_text((text, edits) in text_and_edits()) {
            let (fixed, applied) = crate::apply_edits(&text, &edits);
            let ours = Diff::of_edits(&text, &fixed, &applied);
            let whole = Diff::between(&text, &fixed);
            prop_assert_eq!(ours.is_some(), whole.is_some());
            if let (Some(ours), Some(whole)) = (ours, whole) {
                // The checker itself holds for the whole search's hunks.
                prop_assert_eq!(whole.apply_to(&text), Some(fixed.clone()));
                prop_assert_eq!(ours.apply_to(&text), Some(fixed));
                // Not always minimal: an edit that joins two lines can be explained more cheaply
                // by aligning across it. At most one line more on each side of an edit.
                prop_assert!(changed_lines(&ours) <= changed_lines(&whole) + 2 * applied.len());
            }
        }
    }
}
