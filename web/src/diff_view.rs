//! The rows of the page's two diff views, drawn from the core's hunks (no diff text is read back).
//!
//! The unified view shows the file headers (`--- original`, `+++ fixed`) once, before the first
//! hunk; every line of a hunk is a row of its own kind whatever its text, so a removed line
//! `--pod-cidr …` (an `az` flag at the start of a line) is a deleted row, never a header. The
//! side-by-side view pairs each run of removed lines with the run of added lines that replaced it.
//! In both views a removed line and the added line paired with it mark the words that changed
//! ([`word_diff`]), and [`changes`] lists the changes of long lines (a one-line command) so they
//! can be read before the diff.

use std::borrow::Cow;
use std::ops::Range;

use podnet_core::diff::{Diff, Hunk, LineEnd, LineKind, NEW_HEADER, NO_NEWLINE_NOTE, OLD_HEADER};

use crate::word_diff::{self, Change};

/// What a row of the unified view is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// The `--- original` / `+++ fixed` header.
    Header,
    /// An `@@ -a,b +c,d @@` hunk header.
    Hunk,
    /// A line both texts have.
    Context,
    /// A line only the original has.
    Deleted,
    /// A line only the fixed text has.
    Added,
    /// `\ No newline at end of file`, about the line before it.
    NoNewline,
}

impl RowKind {
    /// What the unified view prints before a line of the texts: ` `, `-` or `+` (nothing for the
    /// header and note rows, whose text is whole).
    pub fn marker(self) -> &'static str {
        match self {
            RowKind::Context => " ",
            RowKind::Deleted => "-",
            RowKind::Added => "+",
            RowKind::Header | RowKind::Hunk | RowKind::NoNewline => "",
        }
    }
}

impl RowKind {
    /// The row's CSS class in the unified view: `add`, `del`, `hunk`, or `ctx` for the rest.
    pub fn class(self) -> &'static str {
        match self {
            RowKind::Added => "add",
            RowKind::Deleted => "del",
            RowKind::Hunk => "hunk",
            RowKind::Header | RowKind::Context | RowKind::NoNewline => "ctx",
        }
    }
}

/// One row of the unified view: what it is, its text (without a marker), and for lines of the
/// texts their numbers in the original and the fixed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<'a> {
    /// What the row is.
    pub kind: RowKind,
    /// The line of the text, or the header or note.
    pub text: Cow<'a, str>,
    /// Line number in the original, for context and deleted lines.
    pub old: Option<usize>,
    /// Line number in the fixed text, for context and added lines.
    pub new: Option<usize>,
    /// The changed words of a deleted or added line paired with its replacement.
    pub marks: Vec<Range<usize>>,
}

impl Row<'_> {
    fn whole(kind: RowKind, text: impl Into<Cow<'static, str>>) -> Row<'static> {
        Row {
            kind,
            text: text.into(),
            old: None,
            new: None,
            marks: Vec::new(),
        }
    }
}

/// A line's text cut at its marks: each piece with whether it is a changed word.
pub fn pieces<'t>(text: &'t str, marks: &[Range<usize>]) -> Vec<(&'t str, bool)> {
    let mut pieces = Vec::new();
    let mut at = 0;
    for mark in marks {
        if mark.start > at {
            pieces.push((&text[at..mark.start], false));
        }
        pieces.push((&text[mark.clone()], true));
        at = mark.end;
    }
    if at < text.len() || pieces.is_empty() {
        pieces.push((&text[at..], false));
    }
    pieces
}

/// The lines of a hunk that replace one another, as (removed, added) index pairs: a run of
/// removed lines is paired, line by line, with the run of added lines that follows it.
fn replacements(hunk: &Hunk) -> Vec<(usize, usize)> {
    let lines = &hunk.lines;
    let run = |from: usize, kind: LineKind| {
        lines[from..]
            .iter()
            .take_while(|line| line.kind == kind)
            .count()
    };
    let mut pairs = Vec::new();
    let mut at = 0;
    while at < lines.len() {
        let removed = run(at, LineKind::Removed);
        let added = run(at + removed, LineKind::Added);
        pairs.extend((0..removed.min(added)).map(|k| (at + k, at + removed + k)));
        at += (removed + added).max(1);
    }
    pairs
}

/// Each line of a hunk's changed words (empty for lines that replace nothing).
fn hunk_marks(hunk: &Hunk) -> Vec<Vec<Range<usize>>> {
    let mut marks = vec![Vec::new(); hunk.lines.len()];
    for (old, new) in replacements(hunk) {
        let pair = word_diff::marks(&hunk.lines[old].text, &hunk.lines[new].text);
        marks[old] = pair.old;
        marks[new] = pair.new;
    }
    marks
}

/// The changes inside long changed lines (at least [`word_diff::LONG_LINE`] bytes, such as a
/// one-line `az aks create`), in order: shown before the diff, where a reader would otherwise
/// scroll along the line to find them.
pub fn changes(diff: &Diff) -> Vec<Change> {
    let mut changes = Vec::new();
    for hunk in &diff.hunks {
        for (old, new) in replacements(hunk) {
            let (old, new) = (&hunk.lines[old].text, &hunk.lines[new].text);
            if old.len().max(new.len()) >= word_diff::LONG_LINE {
                changes.extend(word_diff::changes(old, new));
            }
        }
    }
    changes
}

/// The rows of the unified view: the file headers, then each hunk's header and lines.
pub fn rows(diff: &Diff) -> Vec<Row<'_>> {
    let mut rows = Vec::new();
    if diff.hunks.is_empty() {
        return rows;
    }
    rows.push(Row::whole(RowKind::Header, OLD_HEADER));
    rows.push(Row::whole(RowKind::Header, NEW_HEADER));
    for hunk in &diff.hunks {
        rows.push(Row::whole(RowKind::Hunk, hunk.header()));
        for (line, marks) in hunk.lines.iter().zip(hunk_marks(hunk)) {
            let kind = match line.kind {
                LineKind::Context => RowKind::Context,
                LineKind::Removed => RowKind::Deleted,
                LineKind::Added => RowKind::Added,
            };
            rows.push(Row {
                kind,
                text: Cow::Borrowed(&line.text),
                old: line.old,
                new: line.new,
                marks,
            });
            if line.end == LineEnd::Missing {
                rows.push(Row::whole(RowKind::NoNewline, NO_NEWLINE_NOTE));
            }
        }
    }
    rows
}

/// A row of the side-by-side view: the original's line on the left, the fixed text's on the
/// right; a change pairs a run of deleted lines with the run of added lines that replaced it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair<'a> {
    /// The left cell's line (number and text), if any.
    pub left: Option<(usize, &'a str)>,
    /// The right cell's line, if any.
    pub right: Option<(usize, &'a str)>,
    /// A hunk header spanning both sides.
    pub hunk: Option<String>,
    /// True when the row shows a change (deleted and/or added lines).
    pub changed: bool,
    /// The changed words of the left and the right line.
    pub marks: [Vec<Range<usize>>; 2],
}

/// A column of the side-by-side view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The original (left).
    Before,
    /// The fixed text (right).
    After,
}

impl Pair<'_> {
    /// The line this row shows on `side`, if any.
    pub fn line(&self, side: Side) -> Option<(usize, &str)> {
        match side {
            Side::Before => self.left,
            Side::After => self.right,
        }
    }

    /// The cell's CSS class: `hunk` for a hunk header, `del` or `add` for a changed line,
    /// `blank` where a change has no line on this side, `ctx` for context.
    pub fn class(&self, side: Side) -> &'static str {
        match (&self.hunk, self.changed, self.line(side), side) {
            (Some(_), ..) => "hunk",
            (None, true, Some(_), Side::Before) => "del",
            (None, true, Some(_), Side::After) => "add",
            (None, true, None, _) => "blank",
            _ => "ctx",
        }
    }

    /// The cell's line number (empty when it shows no line).
    pub fn number(&self, side: Side) -> String {
        self.line(side)
            .map(|(number, _)| number.to_string())
            .unwrap_or_default()
    }

    /// The changed words of the cell's line.
    pub fn marks(&self, side: Side) -> &[Range<usize>] {
        &self.marks[side as usize]
    }

    /// The cell's text: the hunk header, or the line's text.
    pub fn text(&self, side: Side) -> &str {
        match (&self.hunk, self.line(side)) {
            (Some(header), _) => header,
            (None, Some((_, text))) => text,
            (None, None) => "",
        }
    }
}

/// A line of one side: its number, text and changed words.
type SideLine<'a> = (usize, &'a str, Vec<Range<usize>>);

/// Pairs a run of deleted lines with the run of added lines that replaced it.
fn flush<'a>(
    pairs: &mut Vec<Pair<'a>>,
    deleted: &mut Vec<SideLine<'a>>,
    added: &mut Vec<SideLine<'a>>,
) {
    let mut deleted = deleted.drain(..);
    let mut added = added.drain(..);
    loop {
        let (left, right) = (deleted.next(), added.next());
        if left.is_none() && right.is_none() {
            break;
        }
        let split = |line: Option<SideLine<'a>>| match line {
            Some((number, text, marks)) => (Some((number, text)), marks),
            None => (None, Vec::new()),
        };
        let ((left, left_marks), (right, right_marks)) = (split(left), split(right));
        pairs.push(Pair {
            left,
            right,
            hunk: None,
            changed: true,
            marks: [left_marks, right_marks],
        });
    }
}

/// The rows of the side-by-side view.
pub fn pairs(diff: &Diff) -> Vec<Pair<'_>> {
    let mut pairs = Vec::new();
    let mut deleted: Vec<SideLine<'_>> = Vec::new();
    let mut added: Vec<SideLine<'_>> = Vec::new();
    for hunk in &diff.hunks {
        flush(&mut pairs, &mut deleted, &mut added);
        pairs.push(Pair {
            left: None,
            right: None,
            hunk: Some(hunk.header()),
            changed: false,
            marks: Default::default(),
        });
        for (line, marks) in hunk.lines.iter().zip(hunk_marks(hunk)) {
            let text = line.text.as_str();
            match (line.kind, line.old, line.new) {
                (LineKind::Removed, Some(old), _) => deleted.push((old, text, marks)),
                (LineKind::Added, _, Some(new)) => added.push((new, text, marks)),
                _ => {
                    flush(&mut pairs, &mut deleted, &mut added);
                    pairs.push(Pair {
                        left: line.old.map(|n| (n, text)),
                        right: line.new.map(|n| (n, text)),
                        hunk: None,
                        changed: false,
                        marks: Default::default(),
                    });
                }
            }
        }
    }
    flush(&mut pairs, &mut deleted, &mut added);
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORIGINAL: &str = "az aks create \\\n--network-plugin kubenet \\\n--name aks\n";
    const FIXED: &str = "az aks create \\\n--network-plugin azure \\\n--network-plugin-mode overlay \\\n--name aks\n";

    fn diff() -> Diff {
        Diff::between(ORIGINAL, FIXED).expect("texts differ")
    }

    #[test]
    fn a_removed_flag_at_the_start_of_a_line_is_a_deleted_row_not_a_header() {
        let diff = diff();
        let rows = rows(&diff);
        let kinds: Vec<RowKind> = rows.iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            [
                RowKind::Header,
                RowKind::Header,
                RowKind::Hunk,
                RowKind::Context,
                RowKind::Deleted,
                RowKind::Added,
                RowKind::Added,
                RowKind::Context,
            ]
        );
        assert_eq!(rows[0].text, "--- original");
        assert_eq!(rows[2].text, "@@ -1,3 +1,4 @@");
        assert_eq!(rows[4].text, "--network-plugin kubenet \\");
        assert_eq!((rows[4].old, rows[4].new), (Some(2), None));
        assert_eq!(rows[6].text, "--network-plugin-mode overlay \\");
        assert_eq!((rows[6].old, rows[6].new), (None, Some(3)));
        assert_eq!(rows[7].text, "--name aks");
        assert_eq!((rows[7].old, rows[7].new), (Some(3), Some(4)));
    }

    #[test]
    fn file_headers_come_only_before_the_first_hunk() {
        let original: String = (1..=30).map(|n| format!("--flag-{n}\n")).collect();
        let fixed = original
            .replace("--flag-2\n", "--flag-two\n")
            .replace("--flag-25\n", "--flag-twenty-five\n");
        let diff = Diff::between(&original, &fixed).expect("texts differ");
        let rows = rows(&diff);
        let headers: Vec<usize> = (0..rows.len())
            .filter(|&i| rows[i].kind == RowKind::Header)
            .collect();
        assert_eq!(headers, [0, 1]);
        let hunks = rows.iter().filter(|r| r.kind == RowKind::Hunk).count();
        assert_eq!(hunks, 2);
        let deleted: Vec<(&str, Option<usize>)> = rows
            .iter()
            .filter(|r| r.kind == RowKind::Deleted)
            .map(|r| (r.text.as_ref(), r.old))
            .collect();
        assert_eq!(deleted, [("--flag-2", Some(2)), ("--flag-25", Some(25))]);
    }

    #[test]
    fn side_by_side_pairs_the_change_and_keeps_the_context_on_both_sides() {
        let diff = diff();
        let pairs = pairs(&diff);
        assert_eq!(pairs[0].hunk.as_deref(), Some("@@ -1,3 +1,4 @@"));
        assert_eq!(pairs[1].left, Some((1, "az aks create \\")));
        assert_eq!(pairs[2].left, Some((2, "--network-plugin kubenet \\")));
        assert_eq!(pairs[2].right, Some((2, "--network-plugin azure \\")));
        assert!(pairs[2].changed);
        assert_eq!(pairs[3].left, None);
        assert_eq!(
            pairs[3].right,
            Some((3, "--network-plugin-mode overlay \\"))
        );
        assert_eq!(pairs[4].left, Some((3, "--name aks")));
        assert_eq!(pairs[4].right, Some((4, "--name aks")));
    }

    #[test]
    fn a_replaced_line_marks_its_changed_words_in_both_views() {
        let diff = diff();
        let pairs = pairs(&diff);
        let marked = |pair: &Pair<'_>, side| -> Vec<String> {
            pieces(pair.text(side), pair.marks(side))
                .into_iter()
                .filter(|(_, changed)| *changed)
                .map(|(text, _)| text.to_string())
                .collect()
        };
        assert_eq!(marked(&pairs[2], Side::Before), ["kubenet"]);
        assert_eq!(marked(&pairs[2], Side::After), ["azure"]);
        assert!(pairs[1].marks(Side::Before).is_empty());
        // An added line that replaces nothing is a change as a whole, with no words marked.
        assert!(pairs[3].marks(Side::After).is_empty());
        let rows = rows(&diff);
        assert_eq!(
            pieces(&rows[4].text, &rows[4].marks),
            [
                ("--network-plugin ", false),
                ("kubenet", true),
                (" \\", false)
            ]
        );
        assert_eq!(
            pieces(&rows[5].text, &rows[5].marks),
            [
                ("--network-plugin ", false),
                ("azure", true),
                (" \\", false)
            ]
        );
        assert_eq!(
            pieces(&rows[3].text, &rows[3].marks),
            [("az aks create \\", false)]
        );
    }

    #[test]
    fn only_long_changed_lines_list_their_changes_first() {
        assert!(changes(&diff()).is_empty(), "short lines need no list");
        let original = "az aks create -g rg -n aks --network-plugin kubenet --pod-cidr 10.244.0.0/16 --node-count 300\n";
        let fixed = "az aks create -g rg -n aks --network-plugin azure --network-plugin-mode overlay --pod-cidr 10.244.0.0/16 --node-count 300\n";
        let diff = Diff::between(original, fixed).expect("texts differ");
        let changes = changes(&diff);
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].before, "--network-plugin kubenet");
        assert_eq!(
            changes[0].after,
            "--network-plugin azure --network-plugin-mode overlay"
        );
    }

    #[test]
    fn cells_say_their_class_number_and_text() {
        let diff = diff();
        let pairs = pairs(&diff);
        let cell = |pair: &Pair<'_>, side| {
            (
                pair.class(side),
                pair.number(side),
                pair.text(side).to_string(),
            )
        };
        let hunk = String::from("@@ -1,3 +1,4 @@");
        assert_eq!(
            cell(&pairs[0], Side::Before),
            ("hunk", String::new(), hunk.clone())
        );
        assert_eq!(cell(&pairs[0], Side::After), ("hunk", String::new(), hunk));
        assert_eq!(
            cell(&pairs[1], Side::After),
            ("ctx", "1".into(), "az aks create \\".into())
        );
        assert_eq!(
            cell(&pairs[2], Side::Before),
            ("del", "2".into(), "--network-plugin kubenet \\".into())
        );
        assert_eq!(
            cell(&pairs[2], Side::After),
            ("add", "2".into(), "--network-plugin azure \\".into())
        );
        assert_eq!(
            cell(&pairs[3], Side::Before),
            ("blank", String::new(), String::new())
        );
        let classes: Vec<&str> = rows(&diff).iter().map(|row| row.kind.class()).collect();
        assert_eq!(
            classes,
            ["ctx", "ctx", "hunk", "ctx", "del", "add", "add", "ctx"]
        );
    }

    #[test]
    fn hunks_that_start_later_and_missing_newlines_are_numbered() {
        let original: String = (1..=7).map(|n| format!("line {n}\n")).collect::<String>() + "a";
        let fixed: String = (1..=7).map(|n| format!("line {n}\n")).collect::<String>() + "b\nc\n";
        let diff = Diff::between(&original, &fixed).expect("texts differ");
        let rows = rows(&diff);
        let deleted = rows
            .iter()
            .position(|r| r.kind == RowKind::Deleted)
            .expect("a deleted row");
        assert_eq!(
            (rows[deleted].text.as_ref(), rows[deleted].old),
            ("a", Some(8))
        );
        assert_eq!(rows[deleted + 1].kind, RowKind::NoNewline);
        assert_eq!(rows[deleted + 1].text, "\\ No newline at end of file");
        assert_eq!(rows[deleted + 2].new, Some(8));
        assert_eq!(rows[deleted + 3].new, Some(9));
    }
}
