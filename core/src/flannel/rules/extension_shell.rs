//! Rule `flannel/extension-shell`: extension backend commands written for a shell that flannel
//! v0.28.2 and later no longer uses.

use alloc::format;
use alloc::string::String;

use crate::emit::{Draft, Emitter};
use crate::finding::Severity;
use crate::flannel::backend_names::known_backend;
use crate::flannel::inputs::Check;
use crate::json::Node;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelExtensionShell,
    area: Area::Flannel,
    severity: Severity::Warning,
    summary: "Extension backend commands use no shell syntax.",
    what: "A PreStartupCommand, PostStartupCommand, SubnetAddCommand or SubnetRemoveCommand of the extension backend that holds a pipe, a redirect, &&, ;, quotes, $( ), backticks, export or a line break.",
    why: "Since v0.28.2 flannel splits each command on white space, expands $VAR and runs it without sh -c: pipes, redirects, &&, ;, quotes and shell builtins reach the program as literal words, so a command that worked under sh -c now fails or does something else.",
    how_to_fix: "Put the shell logic in a script on the node and call the script. There is no automatic fix.",
    source: "flannel-io/flannel pkg/backend/extension, commit 08bc9a4c (v0.28.2); Documentation/extension.md.",
    fix: FixSafety::None,
    file: file!(),
};

/// Checks the commands of an extension backend.
pub fn check(check: &Check<'_>, out: &mut Emitter<'_>) {
    let Some(backend) = known_backend(check.conf).filter(|backend| backend.name == "extension")
    else {
        return;
    };
    extension(backend.object, out);
}

/// Shell syntax that a command run without a shell passes on literally (or cannot run).
const SHELL_SYNTAX: [&str; 11] = [
    "|", ">", "<", "&&", ";", "'", "\"", "$(", "`", "export ", "\n",
];

fn extension(object: &Node, out: &mut Emitter<'_>) {
    for key in [
        "PreStartupCommand",
        "PostStartupCommand",
        "SubnetAddCommand",
        "SubnetRemoveCommand",
    ] {
        let Some(member) = object.get_ignore_case(key) else {
            continue;
        };
        let Some(command) = member.value.as_str() else {
            continue;
        };
        let Some(syntax) = SHELL_SYNTAX.iter().find(|s| command.contains(**s)) else {
            continue;
        };
        let shown = if *syntax == "\n" {
            "a line break"
        } else {
            syntax.trim()
        };
        out.report(Draft { rule: RuleId::FlannelExtensionShell, severity: Severity::Warning, at: (member.value.start, member.value.end), message: format!("{key} uses shell syntax ({shown}), but flannel v0.28.2 and later run it without a shell"), why: String::from("Since v0.28.2 flannel splits extension commands on white space, expands $VAR and runs them without sh -c: pipes, redirects, &&, ;, quotes and builtins such as export reach the program as words. Call a script on the node instead."), fix: None });
    }
}
