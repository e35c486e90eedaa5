//! The editor's line-number gutter as pure numbers: which line numbers to draw for the part of
//! the text that is scrolled into view.
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

#[cfg(test)]
mod tests {
    use super::*;

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
