//! Where a finding or an edit is, as the machine formats (SARIF, GitHub annotations) want it: the
//! 1-based line and column (in characters) of its first character and of the position just past
//! its last one.

use podnet_core::LineIndex;

/// A range of the analysed text in lines and columns; an empty range has its end at its start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    /// 1-based line of the start.
    pub start_line: u32,
    /// 1-based column of the start, in characters.
    pub start_column: u32,
    /// 1-based line of the end.
    pub end_line: u32,
    /// 1-based column just past the end, in characters.
    pub end_column: u32,
}

impl Region {
    /// The region of the bytes `start..end` of the text `index` was built for.
    pub fn of(index: &LineIndex<'_>, start: usize, end: usize) -> Region {
        let (start_line, start_column) = index.position(start);
        let (end_line, end_column) = index.position(end.max(start));
        Region {
            start_line,
            start_column,
            end_line,
            end_column,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_region_counts_characters_and_may_end_on_a_later_line() {
        let text = "é: x\nab: [1,\n 2]\n";
        let index = LineIndex::new(text);
        let colon = text.find(':').expect("colon");
        assert_eq!(
            Region::of(&index, colon, colon + 1),
            Region {
                start_line: 1,
                start_column: 2,
                end_line: 1,
                end_column: 3
            }
        );
        let open = text.find('[').expect("bracket");
        let close = text.find(']').expect("bracket") + 1;
        assert_eq!(
            Region::of(&index, open, close),
            Region {
                start_line: 2,
                start_column: 5,
                end_line: 3,
                end_column: 4
            }
        );
    }
}
