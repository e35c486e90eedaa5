//! Positions in the pasted text: byte spans and the 1-based line and column people read.
//!
//! Every finding, edit and error points into the text the analysis ran on. Byte offsets are what the
//! code uses; line and column (counted in characters, both 1-based) are what people see. The
//! conversion happens in one place, [`LineIndex`].

use alloc::vec::Vec;

/// A byte range `start..end` in the analysed text, with the 1-based line and column of `start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: u32,
    /// 1-based column of `start`, counted in characters.
    pub column: u32,
}

impl Span {
    /// The length of the span in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes (an insertion point).
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// Maps byte offsets of one text to lines and columns.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    /// The 0-based first line of each part after the first, when the text holds several inputs
    /// one after the other: a position's line counts from its part's first line.
    part_lines: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes the line starts of `text`. Lines end at `\n`; a `\r` before it belongs to the line.
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = Vec::with_capacity(text.len() / 32 + 1);
        line_starts.push(0);
        line_starts.extend(text.match_indices('\n').map(|(at, _)| at + 1));
        LineIndex {
            text,
            line_starts,
            part_lines: Vec::new(),
        }
    }

    /// Indexes `text` holding several inputs that start at the line starts `part_starts`:
    /// [`position`](Self::position) counts lines from the first line of the input an offset is in.
    pub fn with_parts(text: &'a str, part_starts: &[usize]) -> Self {
        let mut index = LineIndex::new(text);
        index.part_lines = part_starts
            .iter()
            .filter(|&&start| start > 0)
            .filter_map(|start| index.line_starts.binary_search(start).ok())
            .collect();
        index
    }

    /// The text this index was built for.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The number of lines (a text without a trailing newline still has its last line).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The 1-based line and column of byte `offset` (clamped to the text, and to a char boundary).
    pub fn position(&self, offset: usize) -> (u32, u32) {
        let offset = self.floor_char_boundary(offset.min(self.text.len()));
        let line = match self.line_starts.binary_search(&offset) {
            Ok(exact) => exact,
            Err(next) => next - 1,
        };
        let column = self.text[self.line_starts[line]..offset].chars().count() + 1;
        let first = self
            .part_lines
            .iter()
            .rev()
            .find(|&&first| first <= line)
            .copied()
            .unwrap_or(0);
        (to_u32(line - first + 1), to_u32(column))
    }

    /// The byte offset of 1-based `line` and `column` (in characters), the inverse of
    /// [`position`](Self::position): line 0 counts as the first and a line past the last as the
    /// last; a column past the end of its line counts on into the lines after it, and one past
    /// the end of the text gives the text's length.
    pub fn offset(&self, line: u32, column: u32) -> usize {
        let line = usize::try_from(line)
            .unwrap_or(usize::MAX)
            .saturating_sub(1)
            .min(self.line_starts.len() - 1);
        let start = self.line_starts[line];
        let characters = usize::try_from(column)
            .unwrap_or(usize::MAX)
            .saturating_sub(1);
        self.text[start..]
            .char_indices()
            .nth(characters)
            .map_or(self.text.len(), |(at, _)| start + at)
    }

    /// A [`Span`] for the byte range `start..end`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let (line, column) = self.position(start);
        Span {
            start,
            end: end.max(start),
            line,
            column,
        }
    }

    /// The byte offset where 1-based `line` starts, if the text has that line.
    pub fn line_start(&self, line: u32) -> Option<usize> {
        let index = usize::try_from(line).ok()?.checked_sub(1)?;
        self.line_starts.get(index).copied()
    }

    fn floor_char_boundary(&self, mut offset: usize) -> usize {
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

fn to_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_count_from_the_first_line_of_each_part() {
        let text = "a\nb\nc\nd\n";
        let index = LineIndex::with_parts(text, &[0, 4]);
        assert_eq!(index.position(2), (2, 1));
        assert_eq!(index.position(4), (1, 1));
        assert_eq!(index.position(6), (2, 1));
        assert_eq!(LineIndex::new(text).position(6), (4, 1));
    }

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let index = LineIndex::new("ab\nçd\r\nx");
        assert_eq!(index.position(0), (1, 1));
        assert_eq!(index.position(3), (2, 1));
        // 'ç' is two bytes, so byte 5 is the second character of line 2.
        assert_eq!(index.position(5), (2, 2));
        assert_eq!(index.position(8), (3, 1));
        assert_eq!(index.line_count(), 3);
    }

    #[test]
    fn offsets_inside_a_character_or_past_the_end_are_clamped() {
        let index = LineIndex::new("ç\n");
        assert_eq!(index.position(1), (1, 1));
        assert_eq!(index.position(99), (2, 1));
    }

    #[test]
    fn offsets_are_the_inverse_of_positions() {
        let text = "ab\nçd\r\nx";
        let index = LineIndex::new(text);
        for offset in (0..=text.len()).filter(|&at| text.is_char_boundary(at)) {
            let (line, column) = index.position(offset);
            assert_eq!(index.offset(line, column), offset, "{offset}");
        }
        assert_eq!(index.offset(0, 1), 0);
        assert_eq!(index.offset(9, 1), 8);
        // Column 5 of line 1 runs on past its line break, to the `d` of line 2.
        assert_eq!(index.offset(1, 5), 5);
        assert_eq!(index.offset(3, 9), text.len());
    }

    #[test]
    fn line_start_finds_each_line() {
        let index = LineIndex::new("a\nbb\nc");
        assert_eq!(index.line_start(2), Some(2));
        assert_eq!(index.line_start(3), Some(5));
        assert_eq!(index.line_start(4), None);
        assert_eq!(index.line_start(0), None);
    }
}
