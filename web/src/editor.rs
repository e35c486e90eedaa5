//! The editor's numbers, pure: which line numbers the gutter draws for the part of the text that
//! is scrolled into view, how many lines a text has, and where a picked line is (its UTF-16 range
//! for the textarea's selection and the scroll position that shows it).
//!
//! The gutter draws only the visible window of numbers (plus a few spare lines), never one
//! number per line of the whole text: a 1 MB paste has some 50,000 lines, and laying out a
//! 50,000-line gutter costs the browser about half a second on every change.

/// Lines drawn below the visible ones, so the gutter can scroll by part of a line and a resized
/// editor is still covered until its next scroll event.
pub const SPARE_LINES: usize = 3;

/// What the gutter shows for one scroll position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GutterWindow {
    /// The numbers before the selected line (or all of them), one per line.
    pub before: String,
    /// The selected line's number, if it is in the window (drawn marked).
    pub marked: String,
    /// The numbers after the selected line, then blank lines to fill the window.
    pub after: String,
    /// How far the gutter itself scrolls: the part of the first line scrolled out of view.
    pub offset_px: i32,
}

/// The gutter for a text of `line_count` lines scrolled `scroll_top` pixels down in an editor
/// `height` pixels tall with `line_height` pixel lines; `selected` is the marked line (1-based).
pub fn gutter_window(
    line_count: usize,
    scroll_top: i32,
    height: i32,
    line_height: i32,
    selected: Option<usize>,
) -> GutterWindow {
    let line_height = line_height.max(1);
    let scroll_top = scroll_top.max(0);
    let first = (scroll_top / line_height) as usize + 1;
    let rows = (height.max(0) / line_height) as usize + 1 + SPARE_LINES;
    let mut window = GutterWindow {
        before: String::new(),
        marked: String::new(),
        after: String::new(),
        offset_px: scroll_top - (first as i32 - 1) * line_height,
    };
    for line in first..first + rows {
        let part = match selected {
            Some(s) if line == s => &mut window.marked,
            Some(s) if line > s => &mut window.after,
            _ => &mut window.before,
        };
        if line <= line_count.max(1) {
            part.push_str(&line.to_string());
        }
        part.push('\n');
    }
    window
}

/// Lines of the text shown above a picked line when the editor scrolls to it.
pub const LINES_ABOVE_PICK: i32 = 3;

/// How many lines the editor shows for `text` (an empty text, or one ending in a newline, still
/// shows its last, empty line).
pub fn line_count(text: &str) -> usize {
    text.bytes().filter(|byte| *byte == b'\n').count() + 1
}

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

/// The editor's scroll position that shows line `line` (1-based) with [`LINES_ABOVE_PICK`] lines
/// above it, for `line_height` pixel lines.
pub fn scroll_top_for_line(line: u32, line_height: i32) -> i32 {
    let line = i32::try_from(line).unwrap_or(i32::MAX);
    line.saturating_sub(1 + LINES_ABOVE_PICK)
        .max(0)
        .saturating_mul(line_height)
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
        assert_eq!(line_count(""), 1);
        assert_eq!(line_count("a"), 1);
        assert_eq!(line_count("a\n"), 2);
        assert_eq!(line_count("a\r\nb"), 2);
    }

    #[test]
    fn scrolling_to_a_line_keeps_three_lines_above_it() {
        assert_eq!(scroll_top_for_line(1, 20), 0);
        assert_eq!(scroll_top_for_line(4, 20), 0);
        assert_eq!(scroll_top_for_line(5, 20), 20);
        assert_eq!(scroll_top_for_line(100, 20), 96 * 20);
        assert_eq!(scroll_top_for_line(u32::MAX, 20), i32::MAX);
    }

    #[test]
    fn the_top_of_the_text_shows_the_first_numbers_and_no_offset() {
        let window = gutter_window(50_000, 0, 100, 20, None);
        assert_eq!(window.offset_px, 0);
        let numbers: Vec<&str> = window.before.lines().collect();
        assert_eq!(numbers.first(), Some(&"1"));
        // 100 px of 20 px lines: 5 visible, one partly shown, and the spare lines.
        assert_eq!(numbers.len(), 5 + 1 + SPARE_LINES);
        assert_eq!(numbers.last(), Some(&"9"));
        assert!(window.marked.is_empty() && window.after.is_empty());
    }

    #[test]
    fn a_scrolled_editor_starts_at_the_first_visible_line_with_the_remainder_as_offset() {
        let window = gutter_window(50_000, 20 * 40_000 + 7, 448, 20, None);
        assert_eq!(window.before.lines().next(), Some("40001"));
        assert_eq!(window.offset_px, 7);
        assert_eq!(window.before.lines().count(), 448 / 20 + 1 + SPARE_LINES);
    }

    #[test]
    fn past_the_last_line_the_window_is_filled_with_blank_lines() {
        let window = gutter_window(3, 0, 100, 20, None);
        let lines: Vec<&str> = window.before.split('\n').collect();
        assert_eq!(&lines[..4], &["1", "2", "3", ""]);
        assert_eq!(window.before.matches('\n').count(), 5 + 1 + SPARE_LINES);
        // An empty text still numbers its one line.
        assert!(gutter_window(0, 0, 40, 20, None)
            .before
            .starts_with("1\n\n"));
    }

    #[test]
    fn the_selected_line_is_split_out_when_it_is_in_view() {
        let window = gutter_window(100, 0, 100, 20, Some(3));
        assert_eq!(window.before, "1\n2\n");
        assert_eq!(window.marked, "3\n");
        assert!(window.after.starts_with("4\n5\n"));
        let scrolled_past = gutter_window(100, 20 * 50, 100, 20, Some(3));
        assert!(scrolled_past.marked.is_empty());
        assert!(
            scrolled_past.before.is_empty(),
            "every line in view is after line 3"
        );
        assert!(scrolled_past.after.starts_with("51\n"));
    }
}
