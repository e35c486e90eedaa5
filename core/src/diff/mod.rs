//! The diff from the analysed text to the fixed text, as data: hunks of numbered lines, each
//! removed, added or unchanged context.
//!
//! [`Diff::between`] builds it (with the `std` feature, through `similar`'s Myers search), and
//! [`Diff::of_edits`] builds it from the edits that made the fixed text, searching only the lines
//! they touch (linear in the text; `analyze` uses it);
//! [`Diff::unified`] prints it as the unified diff people read, which the CLI shows and its JSON
//! carries. The page draws its two views from the hunks themselves, so no one reads diff text back.

#[cfg(feature = "std")]
mod build;
#[cfg(feature = "std")]
mod from_edits;
pub mod myers;
mod unified;

use alloc::string::String;
use alloc::vec::Vec;

/// The first file header of the unified diff.
pub const OLD_HEADER: &str = "--- original";
/// The second file header of the unified diff.
pub const NEW_HEADER: &str = "+++ fixed";
/// The note after a line that has no line end (the last line of a text without a final newline).
pub const NO_NEWLINE_NOTE: &str = "\\ No newline at end of file";

/// Lines of unchanged context around each change; hunks closer than twice this merge.
pub const CONTEXT_LINES: usize = 3;

/// The changes from one text to another, grouped into hunks with [`CONTEXT_LINES`] of context.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Diff {
    /// The hunks, in text order.
    pub hunks: Vec<Hunk>,
}

/// A run of changes with the unchanged lines around them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hunk {
    /// 1-based number of the hunk's first line in the original; for a hunk that holds no line of
    /// the original, the number of the line it comes before.
    pub old_start: usize,
    /// How many lines of the original the hunk holds (context and removed).
    pub old_len: usize,
    /// 1-based number of the hunk's first line in the fixed text (as `old_start`).
    pub new_start: usize,
    /// How many lines of the fixed text the hunk holds (context and added).
    pub new_len: usize,
    /// The lines, in the order a unified diff prints them (removed before added).
    pub lines: Vec<DiffLine>,
}

/// One line of a hunk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffLine {
    /// Whether the line is context, removed or added.
    pub kind: LineKind,
    /// Its 1-based number in the original (context and removed lines).
    pub old: Option<usize>,
    /// Its 1-based number in the fixed text (context and added lines).
    pub new: Option<usize>,
    /// The line without its line end.
    pub text: String,
    /// How the line ends.
    pub end: LineEnd,
}

/// What a line of a hunk is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// A line both texts have.
    Context,
    /// A line only the original has.
    Removed,
    /// A line only the fixed text has.
    Added,
}

/// How a line ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineEnd {
    /// `\n`.
    Lf,
    /// `\r\n`.
    CrLf,
    /// A lone `\r`.
    Cr,
    /// Nothing: the last line of a text without a final newline.
    Missing,
}

impl LineKind {
    /// The line's marker in a unified diff: ` `, `-` or `+`.
    pub fn marker(self) -> char {
        match self {
            LineKind::Context => ' ',
            LineKind::Removed => '-',
            LineKind::Added => '+',
        }
    }
}

impl LineEnd {
    /// The line end's characters (empty when missing).
    pub fn as_str(self) -> &'static str {
        match self {
            LineEnd::Lf => "\n",
            LineEnd::CrLf => "\r\n",
            LineEnd::Cr => "\r",
            LineEnd::Missing => "",
        }
    }
}
