//! The editor's numbers, pure: how the text wraps into visual rows (the textarea wraps at any
//! character, so a row holds a fixed number of columns), which line numbers the gutter draws for
//! the rows scrolled into view, which character is at a point, and where a picked line is (its
//! UTF-16 range for the textarea's selection and the scroll position that shows it).
//!
//! The gutter draws only the visible window of rows (plus a few spare ones), never one number per
//! line of the whole text: a 1 MB paste has some 50,000 lines, and laying out a 50,000-line
//! gutter costs the browser about half a second on every change. Where each line's rows start is
//! counted here instead, in one pass over the text: the editor's CSS (`white-space:
//! break-spaces; line-break: anywhere`) lets a line break between any two characters and keeps
//! every space, so a row of a monospace font holds exactly `cols` columns and the count is exact
//! for the text configs are written in (a wide CJK or emoji character is counted as two columns,
//! which fonts mostly agree with).

/// Rows drawn below the visible ones, so the gutter can scroll by part of a row and a resized
/// editor is still covered until its next scroll event.
pub const SPARE_LINES: usize = 3;

/// The textarea's tab stops (CSS `tab-size`, 8 by default).
const TAB: u32 = 8;

/// How the text wraps: each line's first byte and first visual row.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Layout {
    /// Columns per row (0: rows never wrap).
    pub cols: u32,
    /// Each line's first byte in the text.
    pub line_starts: Vec<u32>,
    /// Each line's first visual row (0-based), then the total number of rows.
    pub row_starts: Vec<u32>,
}

/// The columns `c` takes at column `col`.
fn width(c: char, col: u32) -> u32 {
    match c as u32 {
        0x09 => TAB - col % TAB,
        0x300..=0x36F | 0x200B..=0x200F => 0,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F300..=0x1F64F
        | 0x1F900..=0x1F9FF
        | 0x20000..=0x3FFFD => 2,
        _ => 1,
    }
}

/// Walks `line` (no newline) at `cols` columns per row (0: no wrapping): how many rows it
/// takes, and the byte offset where its row `row` (0-based) starts, if it has that row.
fn walk(line: &str, cols: u32, row: usize) -> (u32, Option<usize>) {
    if row == 0 {
        return (1, Some(0));
    }
    let (mut col, mut rows) = (0u32, 1u32);
    for (at, c) in line.char_indices() {
        let mut w = width(c, col);
        if cols > 0 && col > 0 && col + w > cols {
            if rows as usize == row {
                return (rows + 1, Some(at));
            }
            rows += 1;
            col = 0;
            w = width(c, 0);
        }
        col += w;
    }
    (rows, None)
}

/// How many rows `line` (no newline) takes.
fn rows_of(line: &str, cols: u32) -> u32 {
    if cols > 0 && line.bytes().all(|b| b != b'\t' && b < 0x80) {
        // Every character one column: the common case, without walking the characters.
        (line.len() as u32).div_ceil(cols).max(1)
    } else {
        walk(line, cols, usize::MAX).0
    }
}

impl Layout {
    /// The rows of `text` at `cols` columns per row.
    pub fn new(text: &str, cols: u32) -> Layout {
        let mut layout = Layout {
            cols,
            ..Layout::default()
        };
        let (mut at, mut row) = (0u32, 0u32);
        for line in text.split('\n') {
            layout.line_starts.push(at);
            layout.row_starts.push(row);
            at += line.len() as u32 + 1;
            row += rows_of(line, cols);
        }
        layout.row_starts.push(row);
        layout
    }

    /// How many lines the text has (an empty text, or one ending in a newline, still shows its
    /// last, empty line).
    pub fn lines(&self) -> usize {
        self.line_starts.len()
    }

    /// How many rows the text takes.
    pub fn rows(&self) -> u32 {
        self.row_starts.last().copied().unwrap_or(0)
    }

    /// The line (0-based) that visual row `row` belongs to (the last line past the end).
    pub fn line_of_row(&self, row: u32) -> usize {
        self.row_starts[..self.lines()]
            .partition_point(|start| *start <= row)
            .saturating_sub(1)
    }

    /// Line `index`'s (0-based) text in `text`, without its newline.
    pub fn line<'a>(&self, text: &'a str, index: usize) -> &'a str {
        let start = self
            .line_starts
            .get(index)
            .map_or(text.len(), |s| *s as usize);
        let end = self
            .line_starts
            .get(index + 1)
            .map_or(text.len(), |next| *next as usize - 1);
        text.get(start..end).unwrap_or("")
    }

    /// The byte offset in `text` where visual row `row` starts.
    pub fn row_start(&self, text: &str, row: u32) -> usize {
        let index = self.line_of_row(row);
        let skip = row.saturating_sub(self.row_starts[index]) as usize;
        let start = self.line_starts[index] as usize;
        let line = self.line(text, index);
        start + walk(line, self.cols, skip).1.unwrap_or(line.len())
    }

    /// The byte offset of the character at column `col` of visual row `row`, if a character is
    /// there (not past its row's end).
    pub fn char_at(&self, text: &str, row: u32, col: u32) -> Option<usize> {
        if row >= self.rows() {
            return None;
        }
        let index = self.line_of_row(row);
        let start = self.row_start(text, row);
        let line_end = self.line_starts[index] as usize + self.line(text, index).len();
        let next = if row + 1 < self.row_starts[index + 1] {
            self.row_start(text, row + 1)
        } else {
            line_end
        };
        let mut at_col = 0u32;
        for (at, c) in text.get(start..next)?.char_indices() {
            at_col += width(c, at_col);
            if col < at_col {
                return Some(start + at);
            }
        }
        None
    }
}

/// What the gutter shows for one scroll position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GutterWindow {
    /// The numbers before the selected line (or all of them): a line's number on its first row,
    /// a blank on each row it wraps to.
    pub before: String,
    /// The selected line's rows, if they are in the window (drawn marked).
    pub marked: String,
    /// The rows after the selected line, then blank rows to fill the window.
    pub after: String,
    /// How far the gutter itself scrolls: the part of the first row scrolled out of view.
    pub offset_px: i32,
}

/// The gutter for a text laid out as `layout`, scrolled `scroll_top` pixels down in an editor
/// `height` pixels tall with `line_height` pixel rows; `selected` is the marked line (1-based).
pub fn gutter_window(
    layout: &Layout,
    scroll_top: i32,
    height: i32,
    line_height: i32,
    selected: Option<usize>,
) -> GutterWindow {
    let line_height = line_height.max(1);
    let scroll_top = scroll_top.max(0);
    let first = (scroll_top / line_height) as u32;
    let rows = (height.max(0) / line_height) as u32 + 1 + SPARE_LINES as u32;
    let mut window = GutterWindow {
        before: String::new(),
        marked: String::new(),
        after: String::new(),
        offset_px: scroll_top - first as i32 * line_height,
    };
    let mut index = layout.line_of_row(first);
    for row in first..first + rows {
        while index + 1 < layout.lines() && layout.row_starts[index + 1] <= row {
            index += 1;
        }
        // Rows past the text's end belong to no line.
        let line = if row < layout.rows() {
            index + 1
        } else {
            usize::MAX
        };
        let part = match selected {
            Some(s) if line == s => &mut window.marked,
            Some(s) if line > s => &mut window.after,
            _ => &mut window.before,
        };
        if row < layout.rows() && layout.row_starts.get(index) == Some(&row) {
            part.push_str(&line.to_string());
        }
        part.push('\n');
    }
    window
}

/// Lines of the text shown above a picked line when the editor scrolls to it.
pub const LINES_ABOVE_PICK: u32 = 3;

/// The UTF-16 offsets (what a textarea's selection uses) of the start and end of line `line`
/// (1-based) in `text`, without its newline; past the last line, the end of the text.
pub fn line_range_utf16(text: &str, line: u32) -> (u32, u32) {
    let mut offset = 0u32;
    for (index, content) in text.split('\n').enumerate() {
        let length = content.encode_utf16().count() as u32;
        if index + 1 == line as usize {
            return (offset, offset + length);
        }
        offset += length + 1;
    }
    (offset, offset)
}

/// The editor's scroll position that shows line `line` (1-based) with [`LINES_ABOVE_PICK`] rows
/// above it, for `line_height` pixel rows.
pub fn scroll_top_for_line(layout: &Layout, line: u32, line_height: i32) -> i32 {
    let index = (line.max(1) as usize - 1).min(layout.lines().saturating_sub(1));
    let row = layout.row_starts.get(index).copied().unwrap_or(0);
    let row = i32::try_from(row.saturating_sub(LINES_ABOVE_PICK)).unwrap_or(i32::MAX);
    row.saturating_mul(line_height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_range_counts_utf16_units_and_leaves_out_the_newline() {
        let text = "ab\né€\n😀x\n";
        assert_eq!(line_range_utf16(text, 1), (0, 2));
        assert_eq!(line_range_utf16(text, 2), (3, 5));
        // An emoji is two UTF-16 units.
        assert_eq!(line_range_utf16(text, 3), (6, 9));
        assert_eq!(line_range_utf16(text, 4), (10, 10));
        assert_eq!(line_range_utf16(text, 9), (11, 11));
        assert_eq!(line_range_utf16("", 1), (0, 0));
    }

    #[test]
    fn line_counts_include_the_last_empty_line() {
        assert_eq!(Layout::new("", 0).lines(), 1);
        assert_eq!(Layout::new("a", 0).lines(), 1);
        assert_eq!(Layout::new("a\n", 0).lines(), 2);
        assert_eq!(Layout::new("a\r\nb", 0).lines(), 2);
    }

    #[test]
    fn a_long_line_wraps_into_rows_of_cols_columns() {
        // 10 columns: 25 characters take 3 rows, 10 exactly one, an empty line one.
        let text = format!("{}\n{}\n\nend", "x".repeat(25), "y".repeat(10));
        let layout = Layout::new(&text, 10);
        assert_eq!(layout.row_starts, [0, 3, 4, 5, 6]);
        assert_eq!(layout.rows(), 6);
        assert_eq!(layout.line_of_row(0), 0);
        assert_eq!(layout.line_of_row(2), 0);
        assert_eq!(layout.line_of_row(3), 1);
        assert_eq!(layout.line_of_row(5), 3);
        assert_eq!(layout.row_start(&text, 1), 10);
        assert_eq!(layout.row_start(&text, 2), 20);
        assert_eq!(layout.row_start(&text, 3), 26);
        // No wrapping before the editor's width is known.
        assert_eq!(Layout::new(&text, 0).rows(), 4);
    }

    #[test]
    fn wide_characters_and_tabs_take_their_columns() {
        // Two columns each: four of them fill a row of 8, the fifth starts the next.
        let wide = "日本語の文";
        assert_eq!(walk(wide, 8, 1), (2, Some(12)));
        assert_eq!(walk(wide, 8, 2), (2, None));
        assert_eq!(Layout::new(wide, 8).rows(), 2);
        // A tab runs to the next stop of 8: "a\tb" is 9 columns.
        assert_eq!(Layout::new("a\tb", 8).rows(), 2);
        assert_eq!(Layout::new("a\tb", 9).rows(), 1);
        // A character wider than the row still moves on.
        assert_eq!(Layout::new("日日", 1).rows(), 2);
    }

    #[test]
    fn the_character_at_a_point_follows_the_rows() {
        let text = "abcdefghij\nkl";
        let layout = Layout::new(text, 4);
        // Rows: "abcd", "efgh", "ij", "kl".
        assert_eq!(layout.char_at(text, 0, 0), Some(0));
        assert_eq!(layout.char_at(text, 1, 1), Some(5));
        assert_eq!(layout.char_at(text, 2, 1), Some(9));
        assert_eq!(layout.char_at(text, 2, 2), None, "past the row's end");
        assert_eq!(layout.char_at(text, 3, 0), Some(11));
        assert_eq!(layout.char_at(text, 4, 0), None, "past the text");
        let wide = "日本x";
        let layout = Layout::new(wide, 10);
        assert_eq!(layout.char_at(wide, 0, 1), Some(0));
        assert_eq!(layout.char_at(wide, 0, 2), Some(3));
        assert_eq!(layout.char_at(wide, 0, 4), Some(6));
    }

    #[test]
    fn scrolling_to_a_line_keeps_three_rows_above_it() {
        let text = "l\n".repeat(200);
        let layout = Layout::new(&text, 0);
        assert_eq!(scroll_top_for_line(&layout, 1, 20), 0);
        assert_eq!(scroll_top_for_line(&layout, 4, 20), 0);
        assert_eq!(scroll_top_for_line(&layout, 5, 20), 20);
        assert_eq!(scroll_top_for_line(&layout, 100, 20), 96 * 20);
        assert_eq!(scroll_top_for_line(&layout, u32::MAX, 20), 197 * 20);
        // Rows a line above wraps to count.
        let wrapped = format!("{}\n{}", "x".repeat(100), "l\n".repeat(10));
        let layout = Layout::new(&wrapped, 10);
        assert_eq!(scroll_top_for_line(&layout, 6, 20), (10 + 4 - 3) * 20);
    }

    #[test]
    fn the_top_of_the_text_shows_the_first_numbers_and_no_offset() {
        let layout = Layout::new(&"l\n".repeat(50_000), 80);
        let window = gutter_window(&layout, 0, 100, 20, None);
        assert_eq!(window.offset_px, 0);
        let numbers: Vec<&str> = window.before.lines().collect();
        assert_eq!(numbers.first(), Some(&"1"));
        // 100 px of 20 px rows: 5 visible, one partly shown, and the spare rows.
        assert_eq!(numbers.len(), 5 + 1 + SPARE_LINES);
        assert_eq!(numbers.last(), Some(&"9"));
        assert!(window.marked.is_empty() && window.after.is_empty());
    }

    #[test]
    fn a_scrolled_editor_starts_at_the_first_visible_row_with_the_remainder_as_offset() {
        let layout = Layout::new(&"l\n".repeat(50_000), 80);
        let window = gutter_window(&layout, 20 * 40_000 + 7, 448, 20, None);
        assert_eq!(window.before.lines().next(), Some("40001"));
        assert_eq!(window.offset_px, 7);
        assert_eq!(window.before.lines().count(), 448 / 20 + 1 + SPARE_LINES);
    }

    #[test]
    fn a_wrapped_line_has_its_number_on_its_first_row_only() {
        let text = format!("short\n{}\nnext", "x".repeat(25));
        let layout = Layout::new(&text, 10);
        let window = gutter_window(&layout, 0, 100, 20, None);
        assert!(
            window.before.starts_with("1\n2\n\n\n3\n\n"),
            "{:?}",
            window.before
        );
        // Scrolled into the middle of line 2: its continuation rows are blank.
        let window = gutter_window(&layout, 40, 40, 20, Some(3));
        assert_eq!(window.before, "\n\n");
        assert_eq!(window.marked, "3\n");
    }

    #[test]
    fn past_the_last_line_the_window_is_filled_with_blank_lines() {
        let layout = Layout::new("a\nb\nc", 0);
        let window = gutter_window(&layout, 0, 100, 20, None);
        let lines: Vec<&str> = window.before.split('\n').collect();
        assert_eq!(&lines[..4], &["1", "2", "3", ""]);
        assert_eq!(window.before.matches('\n').count(), 5 + 1 + SPARE_LINES);
        // An empty text still numbers its one line.
        assert!(gutter_window(&Layout::new("", 0), 0, 40, 20, None)
            .before
            .starts_with("1\n\n"));
    }

    #[test]
    fn the_selected_line_is_split_out_when_it_is_in_view() {
        let layout = Layout::new(&"l\n".repeat(99), 80);
        let window = gutter_window(&layout, 0, 100, 20, Some(3));
        assert_eq!(window.before, "1\n2\n");
        assert_eq!(window.marked, "3\n");
        assert!(window.after.starts_with("4\n5\n"));
        let scrolled_past = gutter_window(&layout, 20 * 50, 100, 20, Some(3));
        assert!(scrolled_past.marked.is_empty());
        assert!(
            scrolled_past.before.is_empty(),
            "every line in view is after line 3"
        );
        assert!(scrolled_past.after.starts_with("51\n"));
    }
}
