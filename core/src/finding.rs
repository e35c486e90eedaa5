//! Findings: what a rule says about the text, where, why (with the math), and how to fix it.
//!
//! A finding never rewrites text itself; it may carry a [`Fix`], which is a list of [`Edit`]s that
//! [`crate::fix::apply_fixes`] applies.

use alloc::string::String;
use alloc::vec::Vec;

use crate::rule_id::RuleId;
use crate::span::Span;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Worth knowing; nothing is wrong.
    Info,
    /// Likely to hurt later, or a surprise in waiting.
    Warning,
    /// Broken now, or broken at the target the user gave.
    Error,
}

impl Severity {
    /// The lower-case name used in the CLI and JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One replacement of the byte range `start..end` of the analysed text with `replacement`.
///
/// An empty range is an insertion; an empty replacement is a deletion.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Edit {
    /// Byte offset where the replaced range starts.
    pub start: usize,
    /// Byte offset one past the replaced range.
    pub end: usize,
    /// The new text.
    pub replacement: String,
}

impl Edit {
    /// Replaces `start..end` with `replacement`.
    pub fn replace(start: usize, end: usize, replacement: impl Into<String>) -> Self {
        Edit {
            start,
            end,
            replacement: replacement.into(),
        }
    }

    /// Inserts `text` at `at`.
    pub fn insert(at: usize, text: impl Into<String>) -> Self {
        Edit::replace(at, at, text)
    }
}

/// A suggested correction: a title people read and the edits that make it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// What the fix does, in a few words ("Widen Network to 10.244.0.0/15").
    pub title: String,
    /// The edits, in any order; they must not overlap each other.
    pub edits: Vec<Edit>,
}

/// What a rule found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Which rule; `rule.as_str()` is the stable id, `area/name` (e.g. `flannel/node-capacity`).
    pub rule: RuleId,
    /// How bad it is.
    pub severity: Severity,
    /// One sentence with the numbers.
    pub message: String,
    /// Where in the analysed text.
    pub span: Span,
    /// The reasoning with its arithmetic, and where the rule comes from.
    pub explanation: String,
    /// A correction, where one exists.
    pub fix: Option<Fix>,
}
