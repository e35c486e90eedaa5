//! Rules on how the command is written, before any networking meaning.
//!
//! - `aks/unreadable` (error): a quote or `$(` that is never closed; nothing after it can be read.
//! - `aks/stray-argument` (error): a word that is neither a flag nor a flag's value; azure-cli stops
//!   with "unrecognized arguments".
//! - `aks/unknown-flag` (warning): a flag azure-cli does not know that is one or two typos away from
//!   a networking flag (azure-cli stops with "unrecognized arguments", and the setting is lost).
//!   The message names the likely intended flag; the flag is otherwise left untouched.
//! - `aks/resource-id` (error): `--vnet-subnet-id` / `--pod-subnet-id` that is not a subnet
//!   resource id (azure-cli: "--vnet-subnet-id is not a valid Azure resource ID."), pointed at the
//!   segment that is wrong; (info) an id shortened with `...`, as people do when they post one.
//!   A redaction placeholder (`REDACTED_AZURE_SUBSCRIPTION_1`) is accepted where a GUID stands.
//!
//! Source: azure-cli `acs/_validators.py` (`validate_vnet_subnet_id`), `acs/_params.py`.

use alloc::format;
use alloc::string::String;

use super::command::AksCommand;
use super::flags;
use super::lexer::{LexError, RawCommand};
use super::Out;
use crate::finding::{Edit, Fix, Severity};

/// Reports a command that cannot be read to its end.
pub fn unreadable(error: &LexError, out: &mut Out<'_>) {
    out.report(
        "aks/unreadable",
        Severity::Error,
        (error.at, error.at + 1),
        format!("the command cannot be read: {}", error.message),
        String::from("The shell would keep reading the next lines as part of the quoted text (or wait for more input), so the command never runs as written. Close the quote, or remove it."),
        None,
    );
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
        out.report(
            "aks/continuation-broken",
            Severity::Warning,
            (continuation.at, end),
            format!("blanks after the line continuation {:?}: the shell ends the command here", continuation.marker),
            String::from("The continuation marker must be the last character of its line. Followed by a blank, bash reads an escaped blank (PowerShell and cmd likewise do not join the lines), so the command ends at the line break and the next lines run as a separate, failing command."),
            Some(fix),
        );
    }
    if let Some(at) = raw.broken_by_comment {
        out.report(
            "aks/continuation-broken",
            Severity::Error,
            (at, at + 1),
            String::from("a comment line ends the command: the flags on the lines after it are not part of it"),
            String::from("A comment runs to the end of its line, and a continuation marker inside it is part of the comment, so the shell ends the command there. The cluster is created without the flags that follow, which then run as a separate command. Move the comment above the command."),
            None,
        );
    }
}

/// How many options of one command are compared against the networking flags.
const MAX_FLAGS_CHECKED: usize = 1000;

/// Runs the stray-argument, unknown-flag and resource-id rules.
pub fn check(command: &AksCommand, out: &mut Out<'_>) {
    for &(start, end) in &command.stray {
        out.report(
            "aks/stray-argument",
            Severity::Error,
            (start, end),
            String::from("this word is neither a flag nor a flag's value; azure-cli stops with \"unrecognized arguments\""),
            String::from("azure-cli takes no positional arguments after az aks create|update: every value follows its flag. A value with spaces needs quotes, and a line continuation must be the last character of its line."),
            None,
        );
    }
    // A pasted command has tens of options; the cap keeps a pathological paste linear.
    for option in command.options.iter().take(MAX_FLAGS_CHECKED) {
        if let Some(intended) = flags::likely_intended(&option.name) {
            out.report(
                "aks/unknown-flag",
                Severity::Warning,
                (option.name_start, option.name_end),
                format!("{} is not an az aks flag; did you mean {intended}?", option.name),
                format!("azure-cli stops with \"unrecognized arguments: {}\" and the setting is lost. {intended} is the networking flag closest to it. The flag is left as written.", option.name),
                None,
            );
        }
    }
    for name in ["--vnet-subnet-id", "--pod-subnet-id"] {
        if let Some(option) = command.get(name) {
            if let (Some(text), Some(value)) = (option.text(), option.value.as_ref()) {
                resource_id(name, text, value.start, out);
            }
        }
    }
}

/// The segments a subnet resource id has, with the fixed names in their places.
const SUBNET_ID: [&str; 10] = [
    "subscriptions",
    "",
    "resourceGroups",
    "",
    "providers",
    "Microsoft.Network",
    "virtualNetworks",
    "",
    "subnets",
    "",
];

fn resource_id(name: &str, text: &str, start: usize, out: &mut Out<'_>) {
    if text.contains("...") || text.contains('…') {
        out.report(
            "aks/resource-id",
            Severity::Info,
            (start, start + text.len()),
            format!("{name} is shortened with \"...\"; the real command needs the full subnet resource id"),
            String::from("A subnet id is /subscriptions/<subscription>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>. The subnet's address range matters for the overlap and capacity checks: give it as vnet-cidr in the context."),
            None,
        );
        return;
    }
    let why = format!("azure-cli refuses it with \"{name} is not a valid Azure resource ID.\" A subnet id is /subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>.");
    let Some(rest) = text.strip_prefix('/') else {
        out.report(
            "aks/resource-id",
            Severity::Error,
            (start, start + text.len()),
            format!("{name} is not a resource id: it must start with /subscriptions/"),
            why,
            None,
        );
        return;
    };
    let mut offset = 1;
    let segments: alloc::vec::Vec<&str> = rest.trim_end_matches('/').split('/').collect();
    for (index, expected) in SUBNET_ID.iter().enumerate() {
        let Some(segment) = segments.get(index) else {
            out.report(
                "aks/resource-id",
                Severity::Error,
                (start, start + text.len()),
                format!(
                    "{name} ends early: a subnet id has 10 segments, this one has {}",
                    segments.len()
                ),
                why,
                None,
            );
            return;
        };
        let range = (start + offset, start + offset + segment.len());
        let wrong = if expected.is_empty() {
            if segment.is_empty() {
                Some(format!("{name} has an empty segment where a name belongs"))
            } else if index == 1 && !is_subscription(segment) {
                Some(format!("{name}: {segment:?} is not a subscription GUID"))
            } else {
                None
            }
        } else if !segment.eq_ignore_ascii_case(expected) {
            Some(format!(
                "{name}: {segment:?} stands where {expected:?} belongs"
            ))
        } else {
            None
        };
        if let Some(message) = wrong {
            out.report(
                "aks/resource-id",
                Severity::Error,
                range,
                message,
                why,
                None,
            );
            return;
        }
        offset += segment.len() + 1;
    }
    if segments.len() > SUBNET_ID.len() {
        out.report(
            "aks/resource-id",
            Severity::Error,
            (start + offset, start + text.len()),
            format!("{name} continues after the subnet name"),
            why,
            None,
        );
    }
}

/// A GUID (8-4-4-4-12 hex digits) or a redaction placeholder.
fn is_subscription(segment: &str) -> bool {
    if segment.starts_with("REDACTED_") {
        return segment
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
    }
    let groups: alloc::vec::Vec<&str> = segment.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(group, len)| group.len() == len && group.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subscriptions_are_guids_or_placeholders() {
        assert!(is_subscription("0b1f6471-1bf0-4dda-aec3-cb9272f09590"));
        assert!(is_subscription("REDACTED_AZURE_SUBSCRIPTION_1"));
        assert!(!is_subscription("my-subscription"));
        assert!(!is_subscription("0b1f6471-1bf0-4dda-aec3-cb9272f0959"));
        assert!(!is_subscription("REDACTED_azure"));
    }
}
