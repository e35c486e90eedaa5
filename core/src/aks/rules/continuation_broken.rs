//! `aks/continuation-broken`: A line continuation the shell does not see: blanks after the marker,
//! or a comment line inside the command.

use alloc::format;
use alloc::string::String;

use crate::aks::facts::Facts;
use crate::aks::out::Out;
use crate::emit::Draft;
use crate::finding::Severity;
use crate::finding::{Edit, Fix};
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::AksContinuationBroken,
    area: Area::Aks,
    severity: Severity::Error,
    summary: "A line continuation the shell does not see: blanks after the marker, or a comment \
        line inside the command.",
    what: "A continuation marker (\\ in bash, ` in PowerShell, ^ in cmd) followed by blanks at \
        the end of its line (a warning), or a comment line between continued lines (an error).",
    why: "The marker must be the last character of its line. After a blank, bash reads an escaped \
        blank and ends the command at the line break; a comment runs to the end of its line and \
        takes the marker with it. Either way the cluster is created without the flags below, which \
        then run as a separate, failing command.",
    how_to_fix: "Remove the blanks after the marker (the fix does this). Move a comment above the \
        command; podnet leaves comments where they are.",
    source: "Shell syntax: bash's escape character and comments (bash manual, \"Escape \
        Character\", \"Comments\"), PowerShell's backtick and cmd's caret continuation, as the \
        lexer in core/src/aks/lexer.rs reads them.",
    fix: FixSafety::Safe,
    file: file!(),
};

/// Reports blanks after a continuation marker (fix: remove them) and a comment line that ends
/// a continued command (the comment is left for the user to move).
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    let text = facts.text;
    for continuation in &facts.command.continuations {
        let Some((start, end)) = continuation.trailing_blanks(text) else {
            continue;
        };
        let fix = Fix {
            title: String::from("Remove the blanks after the line continuation"),
            edits: alloc::vec![Edit::replace(start, end, "")],
        };
        out.report(Draft { rule: RuleId::AksContinuationBroken, severity: Severity::Warning, at: (continuation.at, end), message: format!("blanks after the line continuation \"{}\": the shell ends the command here", continuation.marker), why: String::from("The continuation marker must be the last character of its line. Followed by a blank, bash reads an escaped blank (PowerShell and cmd likewise do not join the lines), so the command ends at the line break and the next lines run as a separate, failing command."), fix: Some(fix) });
    }
    if let Some(at) = facts.raw.broken_by_comment {
        out.report(Draft { rule: RuleId::AksContinuationBroken, severity: Severity::Error, at: (at, at + 1), message: String::from("a comment line ends the command: the flags on the lines after it are not part of it"), why: String::from("A comment runs to the end of its line, and a continuation marker inside it is part of the comment, so the shell ends the command there. The cluster is created without the flags that follow, which then run as a separate command. Move the comment above the command."), fix: None });
    }
}
