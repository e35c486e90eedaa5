//! The corrections (see [`crate::aks::corrections`]) as minimal HCL edits, the one fix of a
//! cluster resource.
//!
//! A new value replaces the written one where it is written (in the resource, or in the
//! variable default or local it comes from, and the title says so), keeping its quotes; a new
//! argument goes on its own line in `network_profile`, after `network_plugin`, indented and
//! aligned like it (a resource without the block gets one); a removed argument takes its line.
//! When a correction would overwrite a value the paste does not give (`var.x` without a
//! default), there is no fix: which value is meant is the author's call.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::names::TERRAFORM;
use super::Layout;
use crate::aks::command::AksCommand;
use crate::aks::corrections::Corrections;
use crate::aks::network::{Mode, Network};
use crate::finding::{Edit, Fix};

/// The fix of `command` that makes all of `corrections`; `None` when they change nothing or
/// cannot be written.
pub fn build(
    text: &str,
    command: &AksCommand,
    network: &Network,
    corrections: &Corrections,
    layout: &Layout,
) -> Option<Fix> {
    let sets = corrections.value_sets(command);
    let mut edits = Vec::new();
    let mut titles = Vec::new();
    let mut new_lines: Vec<(&str, String)> = Vec::new();
    for (flag, value) in &sets {
        let key = TERRAFORM.key(flag);
        let quoted = if *flag == "--max-pods" {
            value.clone()
        } else {
            format!("\"{value}\"")
        };
        titles.push(format!("{key} = {quoted}"));
        match command.get(flag) {
            Some(option) => {
                let written = option.value.as_ref()?;
                if written.opaque {
                    return None;
                }
                let in_quotes = text.as_bytes().get(written.start.wrapping_sub(1)) == Some(&b'"');
                let new = if in_quotes { value } else { &quoted };
                edits.push(Edit::replace(written.start, written.end, new.as_str()));
            }
            None => new_lines.push((key, quoted)),
        }
    }
    for &name_start in &corrections.remove {
        let option = command
            .options
            .iter()
            .find(|o| o.name_start == name_start)?;
        let start = line_start(text, name_start);
        if !text[start..name_start].trim().is_empty() {
            return None;
        }
        let end = text[option.end..]
            .find('\n')
            .map_or(text.len(), |n| option.end + n + 1);
        edits.push(Edit::replace(start, end, ""));
        titles.push(format!("drop {}", option.written));
    }
    if !new_lines.is_empty() {
        if layout.profile.is_none() {
            // A new block needs `network_plugin` (the provider requires it): the mode AKS
            // picked when none was written.
            let (plugin, overlay) = match network.mode {
                // Writing kubenet down would bring in its retirement's migration, which the
                // fix did not decide: the author chooses.
                Some(Mode::Kubenet) => return None,
                Some(Mode::Byo) => ("none", false),
                Some(Mode::Overlay) => ("azure", true),
                _ => ("azure", false),
            };
            let plugin = ("network_plugin", format!("\"{plugin}\""));
            if !new_lines.iter().any(|(key, _)| *key == "network_plugin") {
                new_lines.insert(0, plugin);
            }
            if overlay
                && !new_lines
                    .iter()
                    .any(|(key, _)| *key == "network_plugin_mode")
            {
                new_lines.insert(1, ("network_plugin_mode", String::from("\"overlay\"")));
            }
        }
        edits.push(insertion(text, command, layout, &new_lines)?);
    }
    if edits.is_empty() {
        return None;
    }
    let elsewhere = edits
        .iter()
        .any(|e| e.start < command.start || e.start > command.end);
    let place = if elsewhere {
        " (at its variable default or local)"
    } else {
        ""
    };
    Some(Fix {
        title: format!("Correct {}{place}: {}", layout.name, titles.join(", ")),
        edits,
    })
}

/// New `network_profile` arguments: after `network_plugin` when the block has it, else at the
/// block's start, or a new block at the resource's end.
fn insertion(
    text: &str,
    command: &AksCommand,
    layout: &Layout,
    lines: &[(&str, String)],
) -> Option<Edit> {
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let Some((open, close)) = layout.profile else {
        // A `network_profile` block before the resource's `}` on its own line.
        let at = line_start(text, layout.close);
        let indent = &text[at..layout.close];
        if !indent.trim().is_empty() {
            return None;
        }
        let mut block = format!("{indent}  network_profile {{{newline}");
        let width = lines.iter().map(|(key, _)| key.len()).max().unwrap_or(0);
        for (key, value) in lines {
            let pad = width - key.len() + 1;
            block.push_str(&format!("{indent}    {key}{:pad$}= {value}{newline}", ""));
        }
        block.push_str(&format!("{indent}  }}{newline}"));
        return Some(Edit::insert(at, block));
    };
    let anchor = command
        .get("--network-plugin")
        .filter(|o| o.name_start > open && o.name_start < close);
    let (at, indent, column) = match anchor {
        Some(anchor) => {
            let start = line_start(text, anchor.name_start);
            let indent = String::from(&text[start..anchor.name_start]);
            let equals = text[anchor.name_end..anchor.end].find('=');
            let column = equals.map(|e| anchor.name_end - anchor.name_start + e);
            let end = text[anchor.end..].find('\n')? + anchor.end + 1;
            (end, indent, column)
        }
        None => {
            let start = line_start(text, open);
            let indent = format!("{}  ", leading_blanks(&text[start..open]));
            let end = text[open..].find('\n')? + open + 1;
            if end > close {
                return None;
            }
            (end, indent, None)
        }
    };
    let mut inserted = String::new();
    for (key, value) in lines {
        let pad = column.map_or(1, |c| c.saturating_sub(key.len()).max(1));
        inserted.push_str(&format!("{indent}{key}{:pad$}= {value}{newline}", ""));
    }
    Some(Edit::insert(at, inserted))
}

fn leading_blanks(line: &str) -> &str {
    &line[..line.len() - line.trim_start().len()]
}

fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |n| n + 1)
}
