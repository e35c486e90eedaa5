//! The collector rules report into: turns inner offsets into spans and edits of the analysed text.

use alloc::string::String;
use alloc::vec::Vec;

use crate::embed::SourceMap;
use crate::finding::{Edit, Finding, Fix, Severity};
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

    /// Reports a finding at inner range `start..end`.
    #[allow(clippy::too_many_arguments)]
    pub fn report(
        &mut self,
        rule: &'static str,
        severity: Severity,
        (start, end): (usize, usize),
        message: String,
        explanation: String,
        fix: Option<Fix>,
    ) {
        let span = self.span(start, end);
        self.findings.push(Finding {
            rule,
            severity,
            message,
            span,
            explanation,
            fix,
        });
    }
}
