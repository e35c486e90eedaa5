//! The command's one fix: the corrections (see [`super::corrections`]) as minimal edits.
//!
//! A new value replaces the written one; new flags go right after `--network-plugin-mode` (or
//! `--network-plugin`) when the command has it, the rest after the last option, laid out like
//! the command (see [`super::edit`]); removed options take their lines, and neighbouring
//! removals merge into one deletion. Every finding the corrections resolve carries this same
//! fix, so applying any of them gives the same command and fixing twice changes nothing.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::command::AksCommand;
use super::corrections::Corrections;
use super::edit;
use crate::finding::{Edit, Fix};

/// The one fix of `command` that makes all of `corrections`, as minimal edits; `None` when they
/// change nothing.
pub fn build(text: &str, command: &AksCommand, corrections: &Corrections) -> Option<Fix> {
    let mut titles: Vec<String> = Vec::new();
    let mut edits: Vec<Edit> = Vec::new();
    let mut after_plugin: Vec<(&str, String)> = Vec::new();
    let mut at_end: Vec<(&str, String)> = Vec::new();
    let add_overlay_mode = corrections.add_overlay_mode && !command.has("--network-plugin-mode");
    let plugin_option = command.get("--network-plugin");
    if let Some(plugin) = corrections.plugin {
        let current = plugin_option.and_then(|o| o.text());
        if !current.is_some_and(|c| c.eq_ignore_ascii_case(plugin)) {
            let set = ("--network-plugin", String::from(plugin));
            put(command, set, &mut edits, &mut titles, &mut at_end);
        }
    }
    // New mode and pod CIDR flags go right after the mode (or plugin) option when there is one.
    let anchor = command
        .get("--network-plugin-mode")
        .or(plugin_option)
        .filter(|o| o.value.is_some());
    let near_plugin = if anchor.is_some() {
        &mut after_plugin
    } else {
        &mut at_end
    };
    if add_overlay_mode {
        near_plugin.push(("--network-plugin-mode", String::from("overlay")));
        titles.push(String::from("--network-plugin-mode overlay"));
    }
    if let Some(pod) = corrections.pod_cidr {
        let set = ("--pod-cidr", pod.to_string());
        put(command, set, &mut edits, &mut titles, near_plugin);
    }
    if let Some(service) = corrections.service_cidr {
        let set = ("--service-cidr", service.to_string());
        put(command, set, &mut edits, &mut titles, &mut at_end);
    }
    if let Some(dns) = &corrections.dns_ip {
        let set = ("--dns-service-ip", dns.clone());
        put(command, set, &mut edits, &mut titles, &mut at_end);
    }
    if let Some(max_pods) = corrections.max_pods {
        let value = max_pods.to_string();
        if let Some(replace) = command
            .get("--max-pods")
            .and_then(|o| edit::replace_value(o, &value))
        {
            edits.push(replace);
            titles.push(format!("--max-pods {value}"));
        }
    }
    let mut removals: Vec<Edit> = Vec::new();
    for &name_start in &corrections.remove {
        if let Some(option) = command.options.iter().find(|o| o.name_start == name_start) {
            removals.push(edit::remove(text, command, option));
            let title = format!("drop {}", option.name);
            if !titles.contains(&title) {
                titles.push(title);
            }
        }
    }
    // Removals of neighbouring options may overlap (a last line takes the continuation before
    // it): merge them into one deletion each.
    crate::order::sort_by_position(&mut removals, |e| (e.start, e.end));
    for removal in removals {
        match edits.last_mut().filter(|last| {
            last.replacement.is_empty() && removal.start <= last.end && last.start <= removal.start
        }) {
            Some(last) => last.end = last.end.max(removal.end),
            None => edits.push(removal),
        }
    }
    if !after_plugin.is_empty() {
        if let Some(anchor) = anchor {
            let flags: Vec<(&str, &str)> =
                after_plugin.iter().map(|(n, v)| (*n, v.as_str())).collect();
            edits.push(edit::insert_after(
                text,
                command,
                anchor,
                &flags,
                &corrections.remove,
            ));
        }
    }
    if !at_end.is_empty() {
        let flags: Vec<(&str, &str)> = at_end.iter().map(|(n, v)| (*n, v.as_str())).collect();
        let edit = edit::append(text, command, &flags, &corrections.remove);
        // An insertion at the same point as the one after the plugin joins it.
        match edits
            .iter_mut()
            .find(|e| e.start == edit.start && e.end == edit.start)
        {
            Some(existing) => existing.replacement.push_str(&edit.replacement),
            None => edits.push(edit),
        }
    }
    if edits.is_empty() {
        return None;
    }
    Some(Fix {
        title: format!("Correct the command: {}", titles.join(", ")),
        edits,
    })
}

/// Sets `flag` to `value`: its written value replaced, else the flag added to `missing`; the
/// fix's title names both. One copy for the plugin, the pod and service CIDRs and the DNS IP.
fn put<'f>(
    command: &AksCommand,
    (flag, value): (&'f str, String),
    edits: &mut Vec<Edit>,
    titles: &mut Vec<String>,
    missing: &mut Vec<(&'f str, String)>,
) {
    titles.push(format!("{flag} {value}"));
    match command
        .get(flag)
        .and_then(|o| edit::replace_value(o, &value))
    {
        Some(replace) => edits.push(replace),
        None => missing.push((flag, value)),
    }
}
