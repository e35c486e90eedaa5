//! AKS: reading `az aks create` / `az aks update` command lines and the rules that check them.
//!
//! The pipeline for each command: [`lexer`] splits the paste into commands and spanned words,
//! [`command`] turns the words into options, [`network`] reads the typed values, then each rule
//! in [`rules`] (one file per rule) checks one thing. Rules that need the command changed record
//! the change in [`Changes`]; when all rules ran, the changes become one set of minimal edits (see
//! [`edit`]) and every finding the changes resolve carries that same fix, so applying any of them
//! gives the same corrected command and fixing twice changes nothing.

mod addresses;
mod az_flags;
mod capacity;
mod choose;
pub mod command;
mod edit;
pub mod flags;
pub mod lexer;
pub mod network;
mod ranges;
mod reserved;
pub mod rules;

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use crate::context::Context;
use crate::embed::SourceMap;
use crate::emit::Draft;
use crate::finding::{Edit, Finding, Fix};
use crate::net::Cidr;
use crate::report::{AreaOutcome, Capacity, Document, DocumentKind};
use crate::rules::RuleId;
use crate::span::LineIndex;

use command::AksCommand;
use lexer::RawCommand;
use network::Network;
use rules::*;

/// Finds every `az aks create|update` command in `text` and checks it.
pub fn analyze(text: &str, index: &LineIndex<'_>, context: &Context) -> AreaOutcome {
    let mut outcome = AreaOutcome::default();
    for raw in lexer::az_commands(text) {
        let Some(command) = AksCommand::from_raw(&raw) else {
            continue;
        };
        outcome.documents.push(Document {
            kind: DocumentKind::AksCommand,
            span: index.span(command.start, raw.end.max(command.end)),
        });
        let mut out = Out::new(index);
        if let Some(error) = &raw.error {
            // The rest of the command is unknown: report only why it cannot be read.
            unreadable::check(error, &mut out);
            outcome.findings.extend(out.findings);
            continue;
        }
        let network = network::read(&command);
        let facts = Facts {
            text,
            raw: &raw,
            command: &command,
            end: raw.end.max(command.end),
            network: &network,
            context,
        };
        let checked = check(&facts, &mut out);
        outcome.findings.extend(out.findings);
        outcome.capacity = outcome.capacity.take().or(checked.capacity);
        outcome.next_steps.extend(checked.next_steps);
    }
    outcome
}

/// What the rules read about one command.
pub struct Facts<'a> {
    /// The analysed text.
    pub text: &'a str,
    /// The command as the lexer read it (continuations, a comment that ends it).
    pub raw: &'a RawCommand,
    /// The command model.
    pub command: &'a AksCommand,
    /// Text offset one past the command's text.
    pub end: usize,
    /// Its typed network values.
    pub network: &'a Network,
    /// The context: node target, VNet ranges, ranges to avoid.
    pub context: &'a Context,
}

/// What checking one command produced besides findings.
#[derive(Debug, Default)]
struct Checked {
    capacity: Option<Capacity>,
    next_steps: Vec<String>,
}

/// Runs every rule over one command, in the order their findings are listed.
fn check(facts: &Facts<'_>, out: &mut Out<'_>) -> Checked {
    let mut changes = Changes::default();
    // How the command is written.
    continuation_broken::check(facts, out);
    continuation_missing::check(facts, out);
    unicode_punctuation::check(facts, out);
    backtick_flag::check(facts, out);
    flag_glued::check(facts, out);
    repeated_flag::check(facts, out);
    let unaligned_found = malformed_value::check(facts, out);
    load_balancer::check(facts, out);
    opaque_value::check(facts, out);
    stray_argument::check(facts, out);
    unknown_flag::check(facts, out);
    preview_flag::check(facts, out);
    missing_value::check(facts, out);
    resource_id::check(facts, out);
    docker_bridge_address::check(facts, out, &mut changes);
    // Plugin, mode, dataplane and policy.
    default_plugin::check(facts, out);
    plugin_required::check(facts, out, &mut changes);
    pod_cidr_needs_overlay::check(facts, out, &mut changes);
    plugin_mode::check(facts, out, &mut changes);
    dataplane_plugin::check(facts, out, &mut changes);
    dataplane_policy::check(facts, out);
    network_policy::check(facts, out, &mut changes);
    dual_stack::check(facts, out);
    max_pods::check(facts, out, &mut changes);
    node_limit::check(facts, out, &mut changes);
    // Addresses.
    let (command, network) = (facts.command, facts.network);
    let decisions = addresses::decide(command, network, facts.context, changes.add_overlay_mode);
    vnet_reserved_range::check(facts, out);
    let mut service_found = service_cidr_reserved::check(facts, &decisions, out);
    service_found.extend(service_cidr_overlap::check(facts, &decisions, out));
    let mut pod_found = pod_cidr_reserved::check(facts, &decisions, out);
    pod_found.extend(pod_cidr_overlap::check(facts, &decisions, out));
    pod_found.extend(pod_cidr_space::check(facts, &decisions, out));
    if let Some(new) = decisions.pod_replacement {
        changes.pod_cidr = Some(new);
        for at in pod_found {
            changes.resolve(at);
        }
    }
    if let Some(new) = decisions.service_replacement {
        changes.service_cidr = Some(new);
        for at in service_found {
            changes.resolve(at);
        }
    }
    for (&(name, aligned), at) in network.unaligned.iter().zip(unaligned_found) {
        match name {
            "--pod-cidr" if changes.pod_cidr.is_none() => changes.pod_cidr = Some(aligned),
            "--service-cidr" if changes.service_cidr.is_none() => {
                changes.service_cidr = Some(aligned)
            }
            _ => {}
        }
        changes.resolve(at);
    }
    service_cidr_size::check(facts, out, &mut changes);
    dns_service_ip::check(facts, &decisions, out, &mut changes);
    // Capacity.
    node_subnet_capacity::check(facts, out);
    let capacity = capacity::numbers(facts, &decisions);
    if let Some(capacity) = &capacity {
        pod_cidr_capacity::check(facts, capacity, &decisions, out, &mut changes);
    }
    // Kubenet's retirement.
    let mut next_steps = Vec::new();
    kubenet_retirement::check(facts, &decisions, out, &mut changes, &mut next_steps);
    let fix = changes.build(facts.text, command);
    if let Some(fix) = fix {
        for &at in &changes.resolved {
            if let Some(finding) = out.findings.get_mut(at) {
                finding.fix = Some(fix.clone());
            }
        }
        settle_marker_fixes(&fix, out);
    }
    Checked {
        capacity,
        next_steps,
    }
}

/// The command's fix settles the end of a line that lost its continuation marker when it edits
/// there (see [`edit::remove`] and [`edit::insert_after`]): it either drops the line below, the
/// last, so that this line needs no marker, or inserts flags that end the line with the marker.
/// That line's finding takes the command's fix instead of its own, so that the two never clash.
fn settle_marker_fixes(fix: &Fix, out: &mut Out<'_>) {
    for finding in &mut out.findings {
        if finding.rule != RuleId::AksContinuationMissing {
            continue;
        }
        let Some(own) = &finding.fix else {
            continue;
        };
        // An edit of the command's fix that starts at this line's end or spans it (a removal
        // that merely ends there leaves the line, which still needs its marker).
        let clash = fix.edits.iter().find(|b| {
            own.edits
                .iter()
                .any(|a| b.start == a.start || (b.start < a.start && a.start < b.end))
        });
        let Some(clash) = clash else {
            continue;
        };
        let sentence = if clash.replacement.trim().is_empty()
            || clash.replacement.trim().chars().count() == 1
        {
            " The command's fix drops the line below, the last, so this line becomes the last one and needs no marker."
        } else {
            " The command's fix inserts flags at the end of this line and ends them with the marker."
        };
        finding.fix = Some(fix.clone());
        finding.explanation.push_str(sentence);
    }
}

/// The collector rules report into; spans are offsets of the analysed text.
pub struct Out<'a> {
    index: &'a LineIndex<'a>,
    findings: Vec<Finding>,
}

impl<'a> Out<'a> {
    fn new(index: &'a LineIndex<'a>) -> Self {
        Out {
            index,
            findings: Vec::new(),
        }
    }

    /// Reports `draft` (at offsets of the analysed text); returns its position for
    /// [`Changes::resolve`].
    pub fn report(&mut self, draft: Draft) -> usize {
        let map = SourceMap::offset(0);
        let mut findings = Vec::new();
        crate::emit::Emitter::new(self.index, &map, &mut findings).report(draft);
        self.findings.extend(findings);
        self.findings.len() - 1
    }
}

/// The corrections the rules ask for, merged into one fix per command.
#[derive(Debug, Default)]
pub struct Changes {
    /// New `--network-plugin` value.
    pub plugin: Option<&'static str>,
    /// Add `--network-plugin-mode overlay`.
    pub add_overlay_mode: bool,
    /// New pod CIDR.
    pub pod_cidr: Option<Cidr>,
    /// New service CIDR.
    pub service_cidr: Option<Cidr>,
    /// New DNS service IP.
    pub dns_ip: Option<String>,
    /// New `--max-pods`.
    pub max_pods: Option<u32>,
    /// Options to remove, by their name offset.
    pub remove: Vec<usize>,
    /// Findings the fix resolves.
    pub resolved: Vec<usize>,
    /// What the fix does, one phrase per change.
    titles: Vec<String>,
}

impl Changes {
    /// Marks finding `at` as resolved by the command's fix.
    pub fn resolve(&mut self, at: usize) {
        if !self.resolved.contains(&at) {
            self.resolved.push(at);
        }
    }

    fn build(&mut self, text: &str, command: &AksCommand) -> Option<Fix> {
        let mut edits: Vec<Edit> = Vec::new();
        let mut after_plugin: Vec<(&str, String)> = Vec::new();
        let mut at_end: Vec<(&str, String)> = Vec::new();
        if command.has("--network-plugin-mode") {
            self.add_overlay_mode = false;
        }
        let plugin_option = command.get("--network-plugin");
        if let Some(plugin) = self.plugin {
            let current = plugin_option.and_then(|o| o.text());
            if !current.is_some_and(|c| c.eq_ignore_ascii_case(plugin)) {
                match plugin_option.and_then(|o| edit::replace_value(o, plugin)) {
                    Some(replace) => edits.push(replace),
                    None => at_end.push(("--network-plugin", String::from(plugin))),
                }
                self.titles.push(format!("--network-plugin {plugin}"));
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
        if self.add_overlay_mode {
            near_plugin.push(("--network-plugin-mode", String::from("overlay")));
            self.titles
                .push(String::from("--network-plugin-mode overlay"));
        }
        if let Some(pod) = self.pod_cidr {
            let value = pod.to_string();
            match command
                .get("--pod-cidr")
                .and_then(|o| edit::replace_value(o, &value))
            {
                Some(replace) => edits.push(replace),
                None => near_plugin.push(("--pod-cidr", value.clone())),
            }
            self.titles.push(format!("--pod-cidr {value}"));
        }
        if let Some(service) = self.service_cidr {
            let value = service.to_string();
            match command
                .get("--service-cidr")
                .and_then(|o| edit::replace_value(o, &value))
            {
                Some(replace) => edits.push(replace),
                None => at_end.push(("--service-cidr", value.clone())),
            }
            self.titles.push(format!("--service-cidr {value}"));
        }
        if let Some(dns) = &self.dns_ip {
            match command
                .get("--dns-service-ip")
                .and_then(|o| edit::replace_value(o, dns))
            {
                Some(replace) => edits.push(replace),
                None => at_end.push(("--dns-service-ip", dns.clone())),
            }
            self.titles.push(format!("--dns-service-ip {dns}"));
        }
        if let Some(max_pods) = self.max_pods {
            let value = max_pods.to_string();
            if let Some(replace) = command
                .get("--max-pods")
                .and_then(|o| edit::replace_value(o, &value))
            {
                edits.push(replace);
                self.titles.push(format!("--max-pods {value}"));
            }
        }
        let mut removals: Vec<Edit> = Vec::new();
        for &name_start in &self.remove {
            if let Some(option) = command.options.iter().find(|o| o.name_start == name_start) {
                removals.push(edit::remove(text, command, option));
                let title = format!("drop {}", option.name);
                if !self.titles.contains(&title) {
                    self.titles.push(title);
                }
            }
        }
        // Removals of neighbouring options may overlap (a last line takes the continuation before
        // it): merge them into one deletion each.
        crate::order::sort_by_position(&mut removals, |e| (e.start, e.end));
        for removal in removals {
            match edits.last_mut().filter(|last| {
                last.replacement.is_empty()
                    && removal.start <= last.end
                    && last.start <= removal.start
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
                    &self.remove,
                ));
            }
        }
        if !at_end.is_empty() {
            let flags: Vec<(&str, &str)> = at_end.iter().map(|(n, v)| (*n, v.as_str())).collect();
            let edit = edit::append(text, command, &flags, &self.remove);
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
            title: format!("Correct the command: {}", self.titles.join(", ")),
            edits,
        })
    }
}
