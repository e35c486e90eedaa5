//! The corrections as edits to an ARM template or a Bicep file: each new value replaces the
//! written one where it is written (the property, or the parameter default or variable it comes
//! from), keeping its quotes (`"` or Bicep's `'`). A property the cluster does not write yet
//! (`networkPluginMode` when only the plugin changes) is added after a property of the same
//! object (`networkPlugin` first), on a line of its own with that property's indentation. A
//! removed property (`dockerBridgeCidr`) takes its line in Bicep, and in JSON its comma too
//! (the one after it, or before it when it is the last member), so the document still parses.
//! An edit of an expression, a new property with no sibling to go after, or a removal that
//! shares its line with something else gives no fix: the author decides.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::aks::command::{AksCommand, Opt};
use crate::aks::corrections::Corrections;
use crate::aks::form::Form;
use crate::document::DocumentKind;
use crate::finding::{Edit, Fix};

/// The definition's fix for `corrections`, when every change is a replacement or a new property.
pub fn build(
    text: &str,
    command: &AksCommand,
    corrections: &Corrections,
    form: &Form,
) -> Option<Fix> {
    let sets = corrections.value_sets(command);
    if sets.is_empty() && corrections.remove.is_empty() {
        return None;
    }
    let bicep = form.kind == DocumentKind::BicepAks;
    let mut edits = Vec::new();
    let mut titles = Vec::new();
    for &at in &corrections.remove {
        let option = command.options.iter().find(|o| o.name_start == at)?;
        edits.push(removal(text, option, bicep)?);
        titles.push(format!("drop {}", option.written));
    }
    // New properties, each after its sibling: (the sibling, the new lines).
    let mut added: Vec<(&Opt, String)> = Vec::new();
    for (flag, value) in &sets {
        titles.push(format!("{} {value}", form.key(flag)));
        let number = *flag == "--max-pods";
        let Some(option) = command.get(flag) else {
            let sibling = sibling(command, form, flag)?;
            let line = new_property(text, sibling, form.key(flag), value, number, bicep);
            match added.iter_mut().find(|(s, _)| core::ptr::eq(*s, sibling)) {
                Some((_, lines)) => lines.push_str(&line),
                None => added.push((sibling, line)),
            }
            continue;
        };
        let written = option.value.as_ref()?;
        let before = text.as_bytes().get(written.start.wrapping_sub(1));
        let in_quotes = matches!(before, Some(b'"' | b'\''));
        if written.opaque || in_quotes == number {
            return None;
        }
        edits.push(Edit::replace(written.start, written.end, value.as_str()));
    }
    for (sibling, lines) in added {
        edits.push(Edit::insert(after(text, sibling, bicep), lines));
    }
    let elsewhere = edits
        .iter()
        .filter(|e| e.start < command.start || e.start > command.end);
    // A parameters file's value: the object it is in says `deploymentParameters`.
    let in_parameters = |at: usize| {
        let schema = text[..at].match_indices("\"$schema\"").last();
        schema.is_some_and(|(s, _)| text[s..at].contains("deploymentParameters"))
    };
    let place = match (elsewhere.map(|e| in_parameters(e.start)).max(), bicep) {
        (None, _) => "",
        (Some(true), _) => " (in the parameters file)",
        (Some(false), false) => " (at its parameter default or variable)",
        (Some(false), true) => " (at its param default or var)",
    };
    let file = if bicep { "Bicep file" } else { "template" };
    Some(Fix {
        title: format!("Correct the {file}{place}: {}", titles.join(", ")),
        edits,
    })
}

/// The edit that removes the property whose value `option` spans: its key, `:` and value, with
/// its line when nothing else is on it, and in JSON one comma.
fn removal(text: &str, option: &Opt, bicep: bool) -> Option<Edit> {
    let (value_start, value_end) = (option.name_start, option.name_end.min(text.len()));
    // Back over `:` and the key (`"key"`, `'key'` or `key`).
    let before = text[..value_start].trim_end().strip_suffix(':')?.trim_end();
    let key_start = match before.as_bytes().last()? {
        quote @ (b'"' | b'\'') => before[..before.len() - 1].rfind(char::from(*quote))?,
        _ => {
            before.len()
                - before
                    .bytes()
                    .rev()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count()
        }
    };
    let line_start = text[..key_start].rfind('\n').map_or(0, |i| i + 1);
    let alone_before = text[line_start..key_start].trim().is_empty();
    let line_end = text[value_end..]
        .find('\n')
        .map_or(text.len(), |i| value_end + i);
    let rest = text[value_end..line_end].trim();
    if bicep {
        let alone = alone_before && (rest.is_empty() || rest.starts_with("//"));
        return alone.then(|| Edit::replace(line_start, (line_end + 1).min(text.len()), ""));
    }
    if let Some(after_comma) = rest.strip_prefix(',') {
        // A member followed by another: it goes with the comma after it (and its line).
        let comma = value_end + text[value_end..].find(',')?;
        return Some(if alone_before && after_comma.trim().is_empty() {
            Edit::replace(line_start, (line_end + 1).min(text.len()), "")
        } else {
            let blanks =
                text[comma + 1..].len() - text[comma + 1..].trim_start_matches([' ', '\t']).len();
            Edit::replace(key_start, comma + 1 + blanks, "")
        });
    }
    if !rest.is_empty() && !rest.starts_with(['}', ']']) {
        return None;
    }
    // The last member: it goes with the comma before it; the only one: alone.
    let previous = text[..key_start].trim_end();
    match previous.strip_suffix(',') {
        Some(kept) => Some(Edit::replace(kept.len(), value_end, "")),
        None if previous.ends_with('{') => Some(Edit::replace(key_start, value_end, "")),
        None => None,
    }
}

/// A property the cluster writes in the object where `flag`'s goes: `--network-plugin`'s if it
/// is there, else the last one.
fn sibling<'c>(command: &'c AksCommand, form: &Form, flag: &str) -> Option<&'c Opt> {
    let parent = |flag: &str| {
        let path = form.names.iter().find(|(f, _)| *f == flag)?.1;
        Some(path.rsplit_once('.')?.0)
    };
    let object = parent(flag)?;
    let mut found = None;
    for option in &command.options {
        if option.name != flag && parent(&option.name) == Some(object) {
            found = Some(option);
            if option.name == "--network-plugin" {
                break;
            }
        }
    }
    found
}

/// Where new properties go after `sibling`: the end of its line in Bicep (after a comment there),
/// right after its value in JSON (before its comma).
fn after(text: &str, sibling: &Opt, bicep: bool) -> usize {
    let end = sibling.end.min(text.len());
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let rest = text[end..line_end].trim();
    if bicep && (rest.is_empty() || rest.starts_with("//")) {
        line_end - usize::from(text[..line_end].ends_with('\r'))
    } else {
        end
    }
}

/// `key: value` (Bicep) or `, "key": value` (JSON) on a new line indented as `sibling`'s.
fn new_property(
    text: &str,
    sibling: &Opt,
    key: &str,
    value: &str,
    number: bool,
    bicep: bool,
) -> String {
    let start = sibling.name_start.min(text.len());
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let indent: String = text[line_start..]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let newline = if text[start..].contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let (comma, key_quote) = if bicep { ("", "") } else { (",", "\"") };
    let quote = match (bicep, number) {
        (_, true) => "",
        (true, false) => "'",
        (false, false) => "\"",
    };
    format!("{comma}{newline}{indent}{key_quote}{key}{key_quote}: {quote}{value}{quote}")
}
