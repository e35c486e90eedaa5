//! `aks/continuation-broken`: A line continuation the shell does not see: blanks after the marker,
//! or a comment line inside the command.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "aks/continuation-broken",
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
