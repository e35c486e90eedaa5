//! What the reader saw (one failure, where first, how often) and where the rules report: the
//! finding, and the paste that would explain it, as a next step.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::finding::{Finding, Severity};
use crate::rules::RuleId;
use crate::span::LineIndex;

use super::advice::CAUSES;
use super::signature::Symptom;

/// One failure the paste reports, with its repeats folded in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen<'a> {
    /// Which failure.
    pub symptom: Symptom,
    /// The line that first reports it, without its line break.
    pub line: &'a str,
    /// Where that line starts in the analysed text.
    pub start: usize,
    /// How many lines report it with the same words.
    pub count: usize,
    /// True when kubelet wrapped it ("Failed to create pod sandbox").
    pub sandbox: bool,
}

/// Where the rules report.
pub struct Out<'a> {
    /// The findings.
    pub findings: Vec<Finding>,
    /// What to paste next and the command that prints it, once each.
    pub next_steps: Vec<String>,
    /// The analysed text's lines.
    pub index: &'a LineIndex<'a>,
}

impl Out<'_> {
    /// Reports `seen` as `rule`: `message` (the count and kubelet's wrapper added), and why:
    /// what the failure means, its causes ranked, and `here`, what the analysis adds.
    pub fn report(
        &mut self,
        seen: &Seen<'_>,
        rule: RuleId,
        message: String,
        (means, causes): (&str, &str),
        here: String,
    ) {
        let wrapper = if seen.sandbox {
            "Pods on the node get no sandbox: "
        } else {
            ""
        };
        let times = if seen.count > 1 {
            format!(" ({} lines)", seen.count)
        } else {
            String::new()
        };
        let end = seen.start + seen.line.len();
        self.findings.push(Finding {
            rule,
            severity: Severity::Error,
            message: format!("{wrapper}{message}{times}"),
            span: self.index.span(seen.start, end),
            explanation: format!("{means} {CAUSES} {causes}{here}"),
            fix: None,
        });
    }

    /// Asks for `what` next, printed by `command`, unless asked already.
    pub fn paste(&mut self, what: &str, command: &str) {
        let step = format!("Paste {what} too: `{command}`.");
        if !self.next_steps.contains(&step) {
            self.next_steps.push(step);
        }
    }
}
