//! The unified diff text of a [`Diff`], in `similar`'s format (`TextDiff::unified_diff()` with
//! the headers `original` and `fixed`), without `core::fmt`, which the wasm would otherwise carry.

use alloc::string::String;

use super::{Diff, Hunk, LineEnd, NEW_HEADER, NO_NEWLINE_NOTE, OLD_HEADER};

impl Diff {
    /// The unified diff: the two file headers, then each hunk's header and lines, every line
    /// with its own line end; a line without one gets a newline and [`NO_NEWLINE_NOTE`]. Empty
    /// when there are no hunks.
    pub fn unified(&self) -> String {
        let mut out = String::new();
        if self.hunks.is_empty() {
            return out;
        }
        out.push_str(OLD_HEADER);
        out.push('\n');
        out.push_str(NEW_HEADER);
        out.push('\n');
        for hunk in &self.hunks {
            out.push_str(&hunk.header());
            out.push('\n');
            for line in &hunk.lines {
                out.push(line.kind.marker());
                out.push_str(&line.text);
                out.push_str(line.end.as_str());
                if line.end == LineEnd::Missing {
                    out.push('\n');
                    out.push_str(NO_NEWLINE_NOTE);
                    out.push('\n');
                }
            }
        }
        out
    }
}

impl Hunk {
    /// The hunk header, `@@ -old +new @@`, each range as unified diffs count lines.
    pub fn header(&self) -> String {
        let mut out = String::from("@@ -");
        push_range(&mut out, self.old_start, self.old_len);
        out.push_str(" +");
        push_range(&mut out, self.new_start, self.new_len);
        out.push_str(" @@");
        out
    }
}

/// Writes a hunk header range: `start,length`, only `start` for one line, and the line before
/// the range (`start - 1`) with length 0 for an empty one.
fn push_range(out: &mut String, start: usize, len: usize) {
    let shown_start = if len == 0 {
        start.saturating_sub(1)
    } else {
        start
    };
    push_number(out, shown_start);
    if len != 1 {
        out.push(',');
        push_number(out, len);
    }
}

/// Appends a decimal number.
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

#[cfg(test)]
mod tests {
    use super::super::{DiffLine, LineKind};
    use super::*;
    use alloc::vec;

    fn line(kind: LineKind, old: Option<usize>, new: Option<usize>, text: &str) -> DiffLine {
        DiffLine {
            kind,
            old,
            new,
            text: String::from(text),
            end: LineEnd::Lf,
        }
    }

    #[test]
    fn hunk_headers_count_lines_as_unified_diffs_do() {
        let hunk = |old_start, old_len, new_start, new_len| Hunk {
            old_start,
            old_len,
            new_start,
            new_len,
            lines: vec![],
        };
        assert_eq!(hunk(1, 3, 1, 3).header(), "@@ -1,3 +1,3 @@");
        assert_eq!(hunk(7, 1, 7, 2).header(), "@@ -7 +7,2 @@");
        assert_eq!(hunk(1, 0, 1, 1).header(), "@@ -0,0 +1 @@");
        assert_eq!(hunk(120, 6, 121, 0).header(), "@@ -120,6 +120,0 @@");
    }

    #[test]
    fn prints_headers_markers_line_ends_and_the_no_newline_note() {
        let mut last = line(LineKind::Added, None, Some(2), "c");
        last.end = LineEnd::Missing;
        let mut crlf = line(LineKind::Removed, Some(2), None, "b");
        crlf.end = LineEnd::CrLf;
        let diff = Diff {
            hunks: vec![Hunk {
                old_start: 1,
                old_len: 2,
                new_start: 1,
                new_len: 2,
                lines: vec![line(LineKind::Context, Some(1), Some(1), "a"), crlf, last],
            }],
        };
        assert_eq!(
            diff.unified(),
            "--- original\n+++ fixed\n@@ -1,2 +1,2 @@\n a\n-b\r\n+c\n\\ No newline at end of file\n"
        );
        assert_eq!(Diff::default().unified(), "");
    }
}
