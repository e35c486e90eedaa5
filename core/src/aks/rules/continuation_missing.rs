//! `aks/continuation-missing`: A line of a continued command ends without its continuation marker,
//! or a blank line splits the command.

use crate::finding::Severity;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "aks/continuation-missing",
    area: Area::Aks,
    severity: Severity::Error,
    summary: "A line of a continued command ends without its continuation marker, or a blank line \
        splits the command.",
    what: "A line that ends without \\ (bash), ` (PowerShell) or ^ (cmd) while the next line goes \
        on with an indented flag, or a blank line inside a continued command. podnet reads the \
        command on through the gap, as its author meant it, so the other rules see every flag.",
    why: "The shell runs the command at the end of that line, without the flags below, and those \
        lines then fail on their own (\"--node-count: command not found\"). The cluster is created \
        with defaults where flags were meant.",
    how_to_fix: "Add the marker at the end of the line, or remove the blank line; the fix does \
        either. Where the command's own fix edits that line end (it inserts flags there, or \
        removes the last line below), the finding carries the command's fix instead, so the two \
        never clash. No fix when a backtick marker would pair with an unpaired backtick on the \
        line.",
    source: "Shell syntax: bash, PowerShell and cmd line continuation (bash manual, \"Escape \
        Character\"); \"command not found\" is bash's own message.",
    fix: FixSafety::Safe,
    file: file!(),
};
