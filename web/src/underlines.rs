//! The editor's underlines, pure: where each finding's span is (its lines and its UTF-16 range,
//! what a textarea's selection counts in), which finding the caret is in, and the pieces of text
//! the underline layer draws for the lines in view.
//!
//! The layer draws only the marked lines that are scrolled into view, each as the text before the
//! span (invisible, so the underline starts where the span does) and the span's own text.

use podnet_core::Span;

/// One finding's span in the editor's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// The byte range in the text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The 1-based lines of its start and of its end.
    pub lines: (u32, u32),
    /// The range in UTF-16 units, for the textarea's selection.
    pub utf16: (u32, u32),
}

/// The marks of `spans` (in their order) in `text`, in one pass over the text.
pub fn marks(text: &str, spans: &[Span]) -> Vec<Mark> {
    // Every start and end, in text order: (byte offset, which span, is it the end). Kept sorted
    // by insertion (a page has tens of findings), so no sort routine is linked into the wasm.
    let mut points: Vec<(usize, usize, bool)> = Vec::with_capacity(spans.len() * 2);
    for (i, span) in spans.iter().enumerate() {
        for point in [(span.start, i, false), (span.end.max(span.start), i, true)] {
            let at = points.partition_point(|p| p.0 <= point.0);
            points.insert(at, point);
        }
    }
    let mut marks: Vec<Mark> = spans
        .iter()
        .map(|span| Mark {
            start: span.start,
            end: span.end.max(span.start),
            lines: (1, 1),
            utf16: (0, 0),
        })
        .collect();
    let mut points = points.into_iter().peekable();
    let (mut line, mut utf16) = (1u32, 0u32);
    let mut record = |at: usize, line: u32, utf16: u32, points: &mut core::iter::Peekable<_>| {
        while let Some((_, i, end)) = points.next_if(|(offset, _, _)| *offset <= at) {
            let mark: &mut Mark = &mut marks[i];
            if end {
                mark.lines.1 = line;
                mark.utf16.1 = utf16;
            } else {
                mark.lines.0 = line;
                mark.utf16.0 = utf16;
            }
        }
    };
    for (at, c) in text.char_indices() {
        record(at, line, utf16, &mut points);
        utf16 += c.len_utf16() as u32;
        line += u32::from(c == '\n');
    }
    record(usize::MAX, line, utf16, &mut points);
    marks
}

/// The narrowest of the marks that `covers` accepts (the first of equal ones): the finding a
/// point names when a wide span (a whole document) holds a narrow one (a value in it).
fn narrowest(marks: &[Mark], covers: impl Fn(&Mark) -> bool) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (i, mark) in marks.iter().enumerate() {
        let width = |m: &Mark| m.end - m.start;
        if covers(mark) && best.is_none_or(|b| width(mark) < width(&marks[b])) {
            best = Some(i);
        }
    }
    best
}

/// The mark the caret (a UTF-16 offset) is in or at either end of: the narrowest.
pub fn at_caret(marks: &[Mark], caret: u32) -> Option<usize> {
    narrowest(marks, |mark| mark.utf16.0 <= caret && caret <= mark.utf16.1)
}

/// The mark the character at byte `at` belongs to (the narrowest; a mark of no width counts
/// the character it stands before).
pub fn at_char(marks: &[Mark], at: usize) -> Option<usize> {
    narrowest(marks, |mark| {
        mark.start <= at && (at < mark.end || mark.start == mark.end && at == mark.start)
    })
}

/// What the layer draws of one mark on one line: the text before it on that line (invisible)
/// and the marked text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece<'a> {
    /// Which mark.
    pub mark: usize,
    /// The 1-based line.
    pub line: u32,
    /// The line's text before the mark.
    pub before: &'a str,
    /// The marked text on this line; a space for a mark of no width or at a line's end.
    pub marked: &'a str,
}

/// The pieces of every mark on lines `first..=last` of `text`, drawn from byte `from` on (the
/// start of the first row in view, which may be inside line `first` when it wraps).
pub fn pieces<'a>(
    text: &'a str,
    marks: &[Mark],
    first: u32,
    last: u32,
    from: usize,
) -> Vec<Piece<'a>> {
    let mut pieces = Vec::new();
    for (index, mark) in marks.iter().enumerate() {
        if mark.lines.1 < first || mark.lines.0 > last || mark.end > text.len() {
            continue;
        }
        let mut line_start = text[..mark.start].rfind('\n').map_or(0, |at| at + 1);
        for line in mark.lines.0..=mark.lines.1.min(last) {
            let line_end = text[line_start..]
                .find('\n')
                .map_or(text.len(), |at| line_start + at);
            let drawn_from = line_start.max(from).min(line_end);
            let start = mark.start.max(drawn_from);
            let to = mark.end.min(line_end);
            // A line holds nothing of a mark that ends where the line (or what is drawn of it)
            // starts.
            if line >= first && start <= to && !(start == to && mark.start < start) {
                let marked = &text[start..to];
                pieces.push(Piece {
                    mark: index,
                    line,
                    before: &text[drawn_from..start],
                    marked: if marked.is_empty() { " " } else { marked },
                });
            }
            line_start = line_end + 1;
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize) -> Span {
        Span {
            start,
            end,
            ..Span::default()
        }
    }

    #[test]
    fn marks_count_lines_and_utf16_units() {
        let text = "ab\né€ x\n😀y\n";
        let y = text.find('y').expect("y");
        let spans = [
            span(3, 5),
            span(y, y + 1),
            span(1, y),
            span(text.len(), text.len()),
        ];
        let marks = marks(text, &spans);
        assert_eq!((marks[0].lines, marks[0].utf16), ((2, 2), (3, 4)));
        // The emoji before y is two UTF-16 units.
        assert_eq!((marks[1].lines, marks[1].utf16), ((3, 3), (10, 11)));
        assert_eq!((marks[2].lines, marks[2].utf16), ((1, 3), (1, 10)));
        assert_eq!((marks[3].lines, marks[3].utf16), ((4, 4), (12, 12)));
        assert_eq!(at_caret(&marks, 4), Some(0));
        assert_eq!(at_caret(&marks, 11), Some(1));
        assert_eq!(at_caret(&marks, 0), None);
        // The caret in mark 0 is in the wider mark 2 too: the narrower one is named.
        assert_eq!(at_caret(&marks, 3), Some(0));
        assert_eq!(at_caret(&marks, 6), Some(2));
    }

    #[test]
    fn a_character_names_the_narrowest_mark_over_it() {
        let text = "kind: ConfigMap\ndata: {\"Network\": \"10.0.0.0/8\"}\n";
        let value = text.find("10.0").expect("value");
        let spans = [span(0, text.len()), span(value, value + 10), span(5, 5)];
        let marks = marks(text, &spans);
        assert_eq!(at_char(&marks, value + 3), Some(1));
        assert_eq!(at_char(&marks, value + 10), Some(0), "just past the value");
        assert_eq!(at_char(&marks, 0), Some(0));
        // A mark of no width names the character it stands before.
        assert_eq!(at_char(&marks, 5), Some(2));
        assert_eq!(at_char(&marks, text.len()), None);
    }

    #[test]
    fn pieces_split_a_mark_by_line_and_keep_to_the_window() {
        let text = "one\n  two\nthree\n";
        let two = text.find("two").expect("two");
        let three_end = text.find("three").expect("three") + 2;
        let spans = [span(two, three_end), span(3, 3)];
        let marks = marks(text, &spans);
        let all = pieces(text, &marks, 1, 10, 0);
        let drawn: Vec<(usize, u32, &str, &str)> = all
            .iter()
            .map(|p| (p.mark, p.line, p.before, p.marked))
            .collect();
        assert_eq!(
            drawn,
            [(0, 2, "  ", "two"), (0, 3, "", "th"), (1, 1, "one", " ")]
        );
        let window = pieces(text, &marks, 3, 3, 0);
        assert_eq!(window.len(), 1);
        assert_eq!(window[0].marked, "th");
        assert!(pieces(text, &marks, 4, 9, 0).is_empty());
    }

    #[test]
    fn a_wrapped_line_scrolled_into_draws_from_the_first_row_in_view() {
        // One line of 30 characters, its first row (10 columns) scrolled out of view.
        let text = "0123456789abcdefghijKLMNOPQRST\nnext\n";
        let k = text.find('K').expect("K");
        let early = text.find('2').expect("2");
        let marks = marks(text, &[span(k, k + 3), span(early, early + 2), span(5, 15)]);
        let drawn: Vec<(usize, &str, &str)> = pieces(text, &marks, 1, 2, 10)
            .iter()
            .map(|p| (p.mark, p.before, p.marked))
            .collect();
        // Mark 1 is wholly in the row out of view; mark 2 is cut where the view starts.
        assert_eq!(drawn, [(0, "abcdefghij", "KLM"), (2, "", "abcde")]);
    }

    #[test]
    fn a_mark_that_ends_at_a_line_start_draws_nothing_on_that_line() {
        let text = "ab\ncd\n";
        let marks = marks(text, &[span(0, 3)]);
        assert_eq!(marks[0].lines, (1, 2));
        let drawn = pieces(text, &marks, 1, 2, 0);
        assert_eq!(drawn.len(), 1);
        assert_eq!(drawn[0].marked, "ab");
    }
}
