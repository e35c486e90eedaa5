//! The unified diff read back into rows for the page's two diff views, pure text.
//!
//! A unified diff's file headers (`--- original`, `+++ fixed`) come only before the first `@@`
//! hunk header; inside a hunk the first character of every line is its tag (` `, `-`, `+`, or `\`
//! for "No newline at end of file"), whatever follows it. So a removed line `--pod-cidr …`, an `az`
//! flag at the start of a line, is the row `-` + `--pod-cidr …`, never a header.

/// What a row of the diff is.
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

/// One line of the unified diff with what it is and, for lines of the texts, the text without
/// its tag and its line numbers in the original and the fixed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<'a> {
    /// What the row is.
    pub kind: RowKind,
    /// The whole diff line as printed (for the unified view).
    pub line: &'a str,
    /// The line of the text without its tag (empty for headers).
    pub text: &'a str,
    /// Line number in the original, for context and deleted lines.
    pub old: Option<usize>,
    /// Line number in the fixed text, for context and added lines.
    pub new: Option<usize>,
}

/// The rows of a unified diff.
pub fn rows(diff: &str) -> Vec<Row<'_>> {
    let mut rows = Vec::new();
    let mut in_hunk = false;
    let (mut old, mut new) = (0usize, 0usize);
    for line in diff.lines() {
        let tag = line.as_bytes().first().copied();
        let (kind, text) = match tag {
            Some(b'@') if line.starts_with("@@ ") => {
                in_hunk = true;
                let (old_start, new_start) = hunk_starts(line);
                old = old_start;
                new = new_start;
                (RowKind::Hunk, line)
            }
            _ if !in_hunk => (RowKind::Header, line),
            Some(b'-') => (RowKind::Deleted, &line[1..]),
            Some(b'+') => (RowKind::Added, &line[1..]),
            Some(b'\\') => (RowKind::NoNewline, line),
            _ => (RowKind::Context, line.get(1..).unwrap_or_default()),
        };
        let (old_number, new_number) = match kind {
            RowKind::Context => {
                old += 1;
                new += 1;
                (Some(old - 1), Some(new - 1))
            }
            RowKind::Deleted => {
                old += 1;
                (Some(old - 1), None)
            }
            RowKind::Added => {
                new += 1;
                (None, Some(new - 1))
            }
            _ => (None, None),
        };
        rows.push(Row {
            kind,
            line,
            text,
            old: old_number,
            new: new_number,
        });
    }
    rows
}

/// The first line numbers of a hunk header `@@ -a[,b] +c[,d] @@` (1-based; an empty side
/// starts at its number + 1, as unified diffs count).
fn hunk_starts(header: &str) -> (usize, usize) {
    let mut parts = header.split_whitespace().skip(1);
    let start = |part: Option<&str>, sign: char| -> usize {
        let Some(range) = part.and_then(|p| p.strip_prefix(sign)) else {
            return 1;
        };
        let mut numbers = range.split(',');
        let first: usize = numbers.next().and_then(|n| n.parse().ok()).unwrap_or(1);
        let count: usize = numbers.next().and_then(|n| n.parse().ok()).unwrap_or(1);
        if count == 0 {
            first + 1
        } else {
            first
        }
    };
    let old = start(parts.next(), '-');
    let new = start(parts.next(), '+');
    (old, new)
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
    pub hunk: Option<&'a str>,
    /// True when the row shows a change (deleted and/or added lines).
    pub changed: bool,
}

/// Pairs a run of deleted lines with the run of added lines that replaced it.
fn flush<'a>(
    pairs: &mut Vec<Pair<'a>>,
    deleted: &mut Vec<(usize, &'a str)>,
    added: &mut Vec<(usize, &'a str)>,
) {
    for i in 0..deleted.len().max(added.len()) {
        pairs.push(Pair {
            left: deleted.get(i).copied(),
            right: added.get(i).copied(),
            hunk: None,
            changed: true,
        });
    }
    deleted.clear();
    added.clear();
}

/// The side-by-side rows of a unified diff.
pub fn pairs(diff: &str) -> Vec<Pair<'_>> {
    let mut pairs = Vec::new();
    let mut deleted: Vec<(usize, &str)> = Vec::new();
    let mut added: Vec<(usize, &str)> = Vec::new();
    for row in rows(diff) {
        match row.kind {
            RowKind::Deleted => deleted.push((row.old.unwrap_or_default(), row.text)),
            RowKind::Added => added.push((row.new.unwrap_or_default(), row.text)),
            RowKind::Header | RowKind::NoNewline => {}
            RowKind::Hunk => {
                flush(&mut pairs, &mut deleted, &mut added);
                pairs.push(Pair {
                    left: None,
                    right: None,
                    hunk: Some(row.line),
                    changed: false,
                });
            }
            RowKind::Context => {
                flush(&mut pairs, &mut deleted, &mut added);
                pairs.push(Pair {
                    left: row.old.map(|n| (n, row.text)),
                    right: row.new.map(|n| (n, row.text)),
                    hunk: None,
                    changed: false,
                });
            }
        }
    }
    flush(&mut pairs, &mut deleted, &mut added);
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    const DIFF: &str = "--- original\n+++ fixed\n@@ -1,4 +1,4 @@\n az aks create \\\n---network-plugin kubenet \\\n+--network-plugin azure \\\n+--network-plugin-mode overlay \\\n --name aks\n";

    #[test]
    fn a_removed_flag_at_the_start_of_a_line_is_a_deleted_row_not_a_header() {
        let rows = rows(DIFF);
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
        assert_eq!(rows[4].text, "--network-plugin kubenet \\");
        assert_eq!((rows[4].old, rows[4].new), (Some(2), None));
        assert_eq!(rows[6].text, "--network-plugin-mode overlay \\");
        assert_eq!((rows[6].old, rows[6].new), (None, Some(3)));
        assert_eq!(rows[7].text, "--name aks");
        assert_eq!((rows[7].old, rows[7].new), (Some(3), Some(4)));
    }

    #[test]
    fn side_by_side_pairs_the_change_and_keeps_the_context_on_both_sides() {
        let pairs = pairs(DIFF);
        assert_eq!(pairs[0].hunk, Some("@@ -1,4 +1,4 @@"));
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
    fn hunks_that_start_later_and_missing_newlines_are_read() {
        let diff =
            "--- original\n+++ fixed\n@@ -7 +7,2 @@\n-a\n\\ No newline at end of file\n+b\n+c\n";
        let rows = rows(diff);
        assert_eq!(rows[3].old, Some(7));
        assert_eq!(rows[4].kind, RowKind::NoNewline);
        assert_eq!(rows[5].new, Some(7));
        assert_eq!(rows[6].new, Some(8));
        assert_eq!(hunk_starts("@@ -0,0 +1 @@"), (1, 1));
    }
}
