//! Rules on how the command is written, before any networking meaning.
//!
//! - `aks/unreadable` (error): a quote or `$(` that is never closed; nothing after it can be read.
//! - `aks/continuation-broken` (warning, error): blanks after a continuation marker, or a comment
//!   line between continued lines: the shell ends the command there.
//! - `aks/continuation-missing` (error): a line that ends without its continuation marker while
//!   the next line goes on with an indented flag: the shell runs the command without the flags
//!   below and then fails on them ("--node-count: command not found"). Fix: add the marker.
//! - `aks/stray-argument` (error): a word that is neither a flag nor a flag's value, or a value
//!   given to a switch; azure-cli stops with "unrecognized arguments" ("ignored explicit argument").
//! - `aks/unknown-flag` (error): a flag that `az aks create|update` does not have, or an
//!   abbreviation of several (azure-cli stops with "unrecognized arguments" / "ambiguous option");
//!   the message names the closest flag. The flag is left untouched.
//! - `aks/preview-flag` (info): a flag only the aks-preview extension adds.
//! - `aks/missing-value` (error): a flag that takes a value followed by another flag or nothing
//!   (azure-cli: "argument --x: expected one argument").
//! - `aks/resource-id` (error): `--vnet-subnet-id` / `--pod-subnet-id` that azure-cli's shape check
//!   refuses ("--vnet-subnet-id is not a valid Azure resource ID."); (warning) a well-formed id that
//!   is not a subnet's, which azure-cli sends and AKS refuses; (info) an id shortened with `...`.
//!   Placeholders (`<subscriptionId>`, `$SUBNET_ID`) pass: azure-cli checks only the shape.
//!
//! Source: azure-cli `acs/_validators.py` (`_validate_subnet_id`), `acs/_params.py`, and its
//! argparse parser (the flag table in `az_flags.rs`).

use crate::emit::Draft;
use crate::rules::RuleId;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::command::{AksCommand, FlagState, Opt, Verb};
use super::flags::{self, Arity};
use super::lexer::{LexError, RawCommand};
use super::Out;
use crate::finding::{Edit, Fix, Severity};

/// Reports a command that cannot be read to its end.
pub fn unreadable(error: &LexError, out: &mut Out<'_>) {
    out.report(Draft { rule: RuleId::AksUnreadable, severity: Severity::Error, at: (error.at, error.at + 1), message: format!("the command cannot be read: {}", error.message), why: String::from("The shell would keep reading the next lines as part of the quoted text (or wait for more input), so the command never runs as written. Close the quote, or remove it."), fix: None });
}

/// Rule `aks/continuation-broken`: a line continuation the shell does not see as one.
///
/// A blank after the marker (`\ `, `` ` ``, `^ ` at the end of a line) makes the shell read an
/// escaped blank and end the command at the line break; a comment line between continued lines
/// ends the command too. Either way the flags on the following lines are run as a separate
/// command (and fail), while the cluster is created without them. Fix: remove the blanks (the
/// comment is left for the user to move).
pub fn continuations(text: &str, command: &AksCommand, raw: &RawCommand, out: &mut Out<'_>) {
    for continuation in &command.continuations {
        let Some((start, end)) = continuation.trailing_blanks(text) else {
            continue;
        };
        let fix = Fix {
            title: String::from("Remove the blanks after the line continuation"),
            edits: alloc::vec![Edit::replace(start, end, "")],
        };
        out.report(Draft { rule: RuleId::AksContinuationBroken, severity: Severity::Warning, at: (continuation.at, end), message: format!("blanks after the line continuation \"{}\": the shell ends the command here", continuation.marker), why: String::from("The continuation marker must be the last character of its line. Followed by a blank, bash reads an escaped blank (PowerShell and cmd likewise do not join the lines), so the command ends at the line break and the next lines run as a separate, failing command."), fix: Some(fix) });
    }
    for &at in &raw.missing_continuations {
        let marker = command.continuations.first();
        let gap = marker.map_or(" ", |m| &text[m.gap_start..m.at]);
        let gap = if gap.is_empty() { " " } else { gap };
        let marker = marker.map_or('\\', |m| m.marker);
        let next = text[at..].find('\n').map_or(text.len(), |n| at + n + 1);
        let flag_line = text[next..].lines().next().unwrap_or_default().trim();
        let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
        if text[line_start..next].trim().is_empty() {
            // A blank line inside a continued command: the shell ends the command there.
            out.report(Draft { rule: RuleId::AksContinuationMissing, severity: Severity::Error, at: (at, at), message: format!("a blank line ends the command here: the shell runs it, and `{flag_line}` below as a separate command"), why: String::from("A continued command may not contain a blank line: the line before ends with the marker, which joins it to this empty line, and the empty line ends the command. The lines below then run on their own (\"command not found\")."), fix: Some(Fix {
                    title: String::from("Remove the blank line"),
                    edits: alloc::vec![Edit::replace(line_start, next, "")],
                }) });
            continue;
        }
        let rest = &text[at..];
        let blanks = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        // A backtick added to a line with an unpaired one would close it (bash reads the pair as
        // a command substitution) instead of continuing the line: no fix then.
        let pairs_up = marker == '`' && text[line_start..at].matches('`').count() % 2 == 1;
        out.report(Draft { rule: RuleId::AksContinuationMissing, severity: Severity::Error, at: (at, at), message: format!("this line ends without \"{marker}\": the shell runs the command here, and `{flag_line}` below as a separate command"), why: String::from("Every line of a continued command but the last must end with the marker (\\ bash, ` PowerShell, ^ cmd). Without it the command ends here, runs without the flags below, and those lines then fail on their own (\"command not found\")."), fix: (!pairs_up).then(|| Fix {
                title: format!("Add \"{marker}\" at the end of the line"),
                // Blanks after the content would follow the marker and break it again.
                edits: alloc::vec![Edit::replace(at, at + blanks, format!("{gap}{marker}"))],
            }) });
    }
    if let Some(at) = raw.broken_by_comment {
        out.report(Draft { rule: RuleId::AksContinuationBroken, severity: Severity::Error, at: (at, at + 1), message: String::from("a comment line ends the command: the flags on the lines after it are not part of it"), why: String::from("A comment runs to the end of its line, and a continuation marker inside it is part of the comment, so the shell ends the command there. The cluster is created without the flags that follow, which then run as a separate command. Move the comment above the command."), fix: None });
    }
}

/// How many options of one command are compared against the flag table for a typo.
const MAX_FLAGS_CHECKED: usize = 1000;

/// Runs the stray-argument, unknown-flag, missing-value and resource-id rules.
pub fn check(text: &str, command: &AksCommand, out: &mut Out<'_>) {
    for &(start, end) in &command.stray {
        // A flag in backticks is `aks/backtick-flag`'s.
        if super::pasted::is_backticked_flag(&text[start..end]) {
            continue;
        }
        out.report(Draft { rule: RuleId::AksStrayArgument, severity: Severity::Error, at: (start, end), message: String::from("this word is neither a flag nor a flag's value; azure-cli stops with \"unrecognized arguments\""), why: String::from("azure-cli takes no positional arguments after az aks create|update: every value follows its flag, and a switch such as --generate-ssh-keys takes none. A value with spaces needs quotes, and a line continuation must be the last character of its line."), fix: None });
    }
    let create = command.verb == Verb::Create;
    // A pasted command has tens of options; the cap keeps a pathological paste linear.
    for option in command.options.iter().take(MAX_FLAGS_CHECKED) {
        flag(command, option, create, out);
    }
    for name in ["--vnet-subnet-id", "--pod-subnet-id"] {
        let Some(value) = command.get(name).and_then(|option| option.value.as_ref()) else {
            continue;
        };
        // Variables inside an id (`/subscriptions/$SUB/…`) each stand for one segment: its shape
        // can still be checked. An id that is one variable (`$SUBNET_ID`) cannot.
        if let Some(shape) = shape_of(&value.text) {
            resource_id(name, &shape, value.start, out);
        }
    }
}

/// Rules on one flag as written: unknown or ambiguous to azure-cli, known only to the aks-preview
/// extension, a value missing or given to a switch.
fn flag(command: &AksCommand, option: &Opt, create: bool, out: &mut Out<'_>) {
    let verb = command.verb.name();
    let range = (option.name_start, option.name_end);
    let rejected = |option: &Opt| {
        let mut words = String::from(&option.written);
        for value in option.value.iter().chain(&option.more) {
            words.push(' ');
            words.push_str(&value.text);
        }
        words
    };
    let known = match &option.state {
        FlagState::Unknown => {
            let hint = flags::likely_intended(&option.written, create)
                .map_or_else(String::new, |intended| {
                    format!("; did you mean {intended}?")
                });
            out.report(Draft { rule: RuleId::AksUnknownFlag, severity: Severity::Error, at: range, message: format!("{} is not a flag of az aks {verb}{hint}", option.written), why: format!("azure-cli stops with \"unrecognized arguments: {}\" and nothing is created or changed. podnet knows every flag of az aks create and az aks update in azure-cli {} and in the aks-preview extension. The flag is left as written.", rejected(option), super::az_flags::AZURE_CLI_VERSION), fix: None });
            return;
        }
        FlagState::Ambiguous(names) => {
            out.report(Draft { rule: RuleId::AksUnknownFlag, severity: Severity::Error, at: range, message: format!("ambiguous option: {} could match {}{}", option.written, names[..names.len().min(6)].join(", "), if names.len() > 6 { ", …" } else { "" }), why: String::from("azure-cli accepts a shortened long flag only when it is the beginning of exactly one flag; write the whole name."), fix: None });
            return;
        }
        FlagState::Known(known) => *known,
    };
    if known.preview_only {
        out.report(Draft { rule: RuleId::AksPreviewFlag, severity: Severity::Info, at: range, message: format!("{} needs the aks-preview extension", option.written), why: format!("Only the aks-preview extension adds {} to az aks {verb}; without it azure-cli stops with \"unrecognized arguments\". Install it with az extension add --name aks-preview (preview features are not covered by AKS support).", known.name), fix: None });
    }
    if known.arity == Arity::Switch && option.equals {
        let value = option.value.as_ref().map_or("", |v| v.text.as_str());
        out.report(Draft {
            rule: RuleId::AksStrayArgument,
            severity: Severity::Error,
            at: option.value_range(),
            message: format!(
                "{} takes no value; azure-cli stops with \"ignored explicit argument '{value}'\"",
                option.written
            ),
            why: format!(
                "{} is a switch: writing it turns the setting on, and it accepts no =value.",
                known.name
            ),
            fix: None,
        });
    }
    if known.arity.needs_value() && option.value.is_none() {
        let expected = if known.arity == Arity::Many {
            "expected at least one argument"
        } else {
            "expected one argument"
        };
        out.report(Draft { rule: RuleId::AksMissingValue, severity: Severity::Error, at: range, message: format!("{} needs a value; azure-cli stops with \"argument {}: {expected}\"", option.written, option.written), why: String::from("azure-cli reads the next word as the flag's value; here the flag is last, or the next word is another flag (a value left out, or a continued line whose value went missing)."), fix: None });
    }
}

/// How a subnet resource id is laid out, for the messages.
const SUBNET_ID_SHAPE: &str = "/subscriptions/<subscription>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>";

fn resource_id(name: &str, text: &str, start: usize, out: &mut Out<'_>) {
    let range = (start, start + text.len());
    if text.contains("...") || text.contains('…') {
        out.report(Draft { rule: RuleId::AksResourceId, severity: Severity::Info, at: range, message: format!("{name} is shortened with \"...\"; the real command needs the full subnet resource id"), why: format!("A subnet id is {SUBNET_ID_SHAPE}. The subnet's address range matters for the overlap and capacity checks: give it as vnet-cidr in the context."), fix: None });
        return;
    }
    if !azure_cli_accepts(text) {
        out.report(Draft { rule: RuleId::AksResourceId, severity: Severity::Error, at: range, message: format!("{name} is not a valid Azure resource ID."), why: format!("azure-cli refuses it before sending anything: an id reads /subscriptions/<id>[/resourceGroups/<group>][/providers/<namespace>/<type>/<name>…], no empty part, no trailing slash. A subnet id is {SUBNET_ID_SHAPE}. Source: azure-cli acs/_validators.py (is_valid_resource_id)."), fix: None });
        return;
    }
    if !is_subnet_id(text) {
        out.report(Draft { rule: RuleId::AksResourceId, severity: Severity::Warning, at: range, message: format!("{name} is a resource id, but not a subnet's"), why: format!("azure-cli only checks the shape of a resource id, so it sends this one; AKS needs the id of a subnet, {SUBNET_ID_SHAPE}, and refuses anything else."), fix: None });
    }
}

/// The id with each shell variable or placeholder in it replaced by a one-segment stand-in, when
/// its shape is written out (it starts with `/`); `None` for an id that is a variable itself.
fn shape_of(text: &str) -> Option<String> {
    if !text.starts_with('/') {
        return (!crate::placeholder::is_placeholder(text)).then(|| String::from(text));
    }
    let segments: Vec<String> = text
        .split('/')
        .map(|segment| {
            if !segment.is_empty() && crate::placeholder::is_placeholder(segment) {
                String::from("x")
            } else {
                String::from(segment)
            }
        })
        .collect();
    Some(segments.join("/"))
}

/// What azure-cli's `is_valid_resource_id` accepts: `/subscriptions/<s>`, then optionally
/// `/resourceGroups/<g>`, then optionally `/providers/<namespace>/<type>/<name>` followed by
/// `<type>/<name>` pairs, every name non-empty, names of the fixed parts compared ignoring case,
/// nothing left over.
fn azure_cli_accepts(text: &str) -> bool {
    let Some(rest) = text.strip_prefix('/') else {
        return false;
    };
    let segments: Vec<&str> = rest.split('/').collect();
    let fixed = |at: usize, name: &str| {
        segments
            .get(at)
            .is_some_and(|segment| segment.eq_ignore_ascii_case(name))
    };
    let named = |at: usize| segments.get(at).is_some_and(|segment| !segment.is_empty());
    if !fixed(0, "subscriptions") || !named(1) {
        return false;
    }
    let mut at = 2;
    if fixed(at, "resourceGroups") {
        if !named(at + 1) {
            return false;
        }
        at += 2;
    }
    if at == segments.len() {
        return true;
    }
    if !fixed(at, "providers") || !named(at + 1) || segments.len() < at + 4 || !named(at + 3) {
        return false;
    }
    let children = &segments[at + 4..];
    children.len() % 2 == 0 && children.chunks(2).all(|pair| !pair[1].is_empty())
}

/// A resource id that ends in `providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>`.
fn is_subnet_id(text: &str) -> bool {
    let segments: Vec<&str> = text.trim_end_matches('/').rsplit('/').take(6).collect();
    matches!(
        segments.as_slice(),
        [_, subnets, _, networks, namespace, providers]
            if subnets.eq_ignore_ascii_case("subnets")
                && networks.eq_ignore_ascii_case("virtualNetworks")
                && namespace.eq_ignore_ascii_case("Microsoft.Network")
                && providers.eq_ignore_ascii_case("providers")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resource_ids_are_checked_for_shape_as_azure_cli_does() {
        let subnet = "/subscriptions/<subscriptionId>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>";
        assert!(azure_cli_accepts(subnet));
        assert!(is_subnet_id(subnet));
        for accepted in [
            "/subscriptions/x",
            "/subscriptions/x/resourcegroups/rg/providers/Microsoft.Network/virtualNetworks/v",
            "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s",
        ] {
            assert!(azure_cli_accepts(accepted), "{accepted}");
        }
        for refused in [
            "subscriptions/x/resourceGroups/rg",
            "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s/",
            "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets",
            "/subscriptions/x/resourceGroups//providers/a/b/c",
            "/subscriptions/x/foo/bar",
            "/subscriptions//resourceGroups/rg",
        ] {
            assert!(!azure_cli_accepts(refused), "{refused}");
        }
        assert!(!is_subnet_id(
            "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v"
        ));
    }
}
