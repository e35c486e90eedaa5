//! The collector rules report into: turns inner offsets into spans and edits of the analysed text.

use alloc::string::String;
use alloc::vec::Vec;

use crate::embed::SourceMap;
use crate::finding::{Edit, Finding, Fix, Severity};
use crate::rule_id::RuleId;
use crate::span::{LineIndex, Span};

/// Where rules put their findings while one document is checked.
pub struct Emitter<'a> {
    index: &'a LineIndex<'a>,
    map: &'a SourceMap,
    findings: &'a mut Vec<Finding>,
}

impl<'a> Emitter<'a> {
    /// An emitter for a document whose inner offsets `map` translates into `index`'s text.
    pub fn new(
        index: &'a LineIndex<'a>,
        map: &'a SourceMap,
        findings: &'a mut Vec<Finding>,
    ) -> Self {
        Emitter {
            index,
            map,
            findings,
        }
    }

    /// The span of inner range `start..end`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        self.index.span(self.map.outer(start), self.map.outer(end))
    }

    /// An edit replacing inner range `start..end`, encoded for the container.
    pub fn edit(&self, start: usize, end: usize, replacement: &str) -> Edit {
        Edit::replace(
            self.map.outer(start),
            self.map.outer(end),
            self.map.encode(replacement),
        )
    }

    /// Reports `draft`, turning its inner offsets into a span of the analysed text.
    pub fn report(&mut self, draft: Draft) {
        let (start, end) = draft.at;
        let span = self.span(start, end);
        self.findings.push(Finding {
            rule: draft.rule,
            severity: draft.severity,
            message: draft.message,
            span,
            explanation: draft.why,
            fix: draft.fix,
        });
    }
}

/// A finding as a rule states it: at offsets of the document being checked, which the
/// [`Emitter`] turns into a span of the paste.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// Which rule.
    pub rule: RuleId,
    /// How bad.
    pub severity: Severity,
    /// The inner range `start..end` it points at.
    pub at: (usize, usize),
    /// One sentence with the numbers.
    pub message: String,
    /// The reasoning with its arithmetic (the finding's explanation).
    pub why: String,
    /// A correction, where one exists.
    pub fix: Option<Fix>,
}
