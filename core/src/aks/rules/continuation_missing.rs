//! `aks/continuation-missing`: A line of a continued command ends without its continuation marker,
//! or a blank line splits the command.

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
    rule: RuleId::AksContinuationMissing,
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

/// Reports each line that lost its continuation marker (fix: add it) and each blank line inside
/// a continued command (fix: remove it); where the command's fix edits there, the finding takes
/// that fix instead (see [`settle`]).
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    let (text, command) = (facts.text, facts.command);
    for &at in &facts.raw.missing_continuations {
        let marker = command.continuations.first();
        let gap = marker.map_or(" ", |m| &text[m.gap_start..m.at]);
        let gap = if gap.is_empty() { " " } else { gap };
        let marker = marker.map_or('\\', |m| m.marker);
        let next = text[at..].find('\n').map_or(text.len(), |n| at + n + 1);
        let flag_line = text[next..].lines().next().unwrap_or_default().trim();
        let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
        if text[line_start..next].trim().is_empty() {
            // A blank line inside a continued command: the shell ends the command there.
            let own = Fix {
                title: String::from("Remove the blank line"),
                edits: alloc::vec![Edit::replace(line_start, next, "")],
            };
            let (fix, why) = settle(Some(own), facts.fix, String::from("A continued command may not contain a blank line: the line before ends with the marker, which joins it to this empty line, and the empty line ends the command. The lines below then run on their own (\"command not found\")."));
            out.report(Draft { rule: RuleId::AksContinuationMissing, severity: Severity::Error, at: (at, at), message: format!("a blank line ends the command here: the shell runs it, and `{flag_line}` below as a separate command"), why, fix });
            continue;
        }
        let rest = &text[at..];
        let blanks = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        // A backtick added to a line with an unpaired one would close it (bash reads the pair as
        // a command substitution) instead of continuing the line: no fix then.
        let pairs_up = marker == '`' && text[line_start..at].matches('`').count() % 2 == 1;
        let own = (!pairs_up).then(|| Fix {
            title: format!("Add \"{marker}\" at the end of the line"),
            // Blanks after the content would follow the marker and break it again.
            edits: alloc::vec![Edit::replace(at, at + blanks, format!("{gap}{marker}"))],
        });
        let (fix, why) = settle(own, facts.fix, String::from("Every line of a continued command but the last must end with the marker (\\ bash, ` PowerShell, ^ cmd). Without it the command ends here, runs without the flags below, and those lines then fail on their own (\"command not found\")."));
        out.report(Draft { rule: RuleId::AksContinuationMissing, severity: Severity::Error, at: (at, at), message: format!("this line ends without \"{marker}\": the shell runs the command here, and `{flag_line}` below as a separate command"), why, fix });
    }
}

/// The command's fix settles the end of a line that lost its continuation marker when it edits
/// there (see `edit::remove` and `edit::insert_after`): it either drops the line below, the
/// last, so that this line needs no marker, or inserts flags that end the line with the marker.
/// The finding then takes the command's fix instead of its `own`, so that the two never clash,
/// and `why` says so.
fn settle(own: Option<Fix>, command_fix: Option<&Fix>, why: String) -> (Option<Fix>, String) {
    let (Some(own_fix), Some(command_fix)) = (&own, command_fix) else {
        return (own, why);
    };
    // An edit of the command's fix that starts at this line's end or spans it (a removal that
    // merely ends there leaves the line, which still needs its marker).
    let clash = command_fix.edits.iter().find(|b| {
        own_fix
            .edits
            .iter()
            .any(|a| b.start == a.start || (b.start < a.start && a.start < b.end))
    });
    let Some(clash) = clash else {
        return (own, why);
    };
    let sentence = if clash.replacement.trim().is_empty()
        || clash.replacement.trim().chars().count() == 1
    {
        " The command's fix drops the line below, the last, so this line becomes the last one and needs no marker."
    } else {
        " The command's fix inserts flags at the end of this line and ends them with the marker."
    };
    (Some(command_fix.clone()), format!("{why}{sentence}"))
}
