//! What the command's one fix changes, decided once from the command, its network values and the
//! context, before any rule reports.
//!
//! Every change the rules' findings call for is decided here, and only here: a new plugin and
//! the overlay mode (a network policy without a plugin, a pod CIDR with plain Azure CNI, overlay
//! with kubenet, kubenet's retirement), the pod and service CIDRs (see [`super::addresses`], and
//! the aligned block of one written with host bits set), the DNS service IP (its owner is the
//! service CIDR's decision: it moves with a new service range, or to the tenth address when it is
//! misplaced), max pods clamped into 10–250, and `--docker-bridge-address` dropped. The rules
//! read these decisions to say whether the command's fix resolves their finding, so no rule
//! depends on another having run.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::addresses::{self, Decisions};
use super::around::Around;
use super::command::{AksCommand, Verb};
use super::network::{Network, Plugin};
use super::ranges;
use crate::net::{Cidr, IpFamily};

/// The fewest and most pods per node AKS accepts.
pub const MAX_PODS_RANGE: (u32, u32) = (10, 250);

/// The flag azure-cli refuses without an explicit `--network-plugin` (acs
/// managed_cluster_decorator: only a network policy needs one).
pub const NEEDS_PLUGIN: &str = "--network-policy";

/// The corrections of one command.
#[derive(Debug, Clone, Default)]
pub struct Corrections {
    /// New `--network-plugin` value.
    pub plugin: Option<&'static str>,
    /// Add `--network-plugin-mode overlay` (when the command does not have the flag).
    pub add_overlay_mode: bool,
    /// The pod and service ranges: as they apply, their conflicts, their replacements.
    pub addresses: Decisions,
    /// New pod CIDR: the replacement, or the aligned block of one written with host bits set.
    pub pod_cidr: Option<Cidr>,
    /// New service CIDR, likewise.
    pub service_cidr: Option<Cidr>,
    /// New DNS service IP.
    pub dns_ip: Option<String>,
    /// New `--max-pods`.
    pub max_pods: Option<u32>,
    /// Options to remove, by their name offset.
    pub remove: Vec<usize>,
    /// True for `az aks create` with kubenet, which the fix moves to Azure CNI Overlay.
    pub migrates_from_kubenet: bool,
}

impl Corrections {
    /// The flags whose values the corrections set, with their new values, in the order the fix
    /// titles list them: what a definition that is not a command line (a template, Terraform)
    /// writes where each value stands. The command line's own fix builds more (removals, new
    /// lines) in `command_fix`.
    pub fn value_sets(&self, command: &AksCommand) -> Vec<(&'static str, String)> {
        let mut sets: Vec<(&'static str, String)> = Vec::new();
        if let Some(plugin) = self.plugin {
            let current = command.get("--network-plugin").and_then(|o| o.text());
            if !current.is_some_and(|c| c.eq_ignore_ascii_case(plugin)) {
                sets.push(("--network-plugin", String::from(plugin)));
            }
        }
        if self.add_overlay_mode && !command.has("--network-plugin-mode") {
            sets.push(("--network-plugin-mode", String::from("overlay")));
        }
        if let Some(pod) = self.pod_cidr {
            sets.push(("--pod-cidr", pod.to_string()));
        }
        if let Some(service) = self.service_cidr {
            sets.push(("--service-cidr", service.to_string()));
        }
        if let Some(dns) = &self.dns_ip {
            sets.push(("--dns-service-ip", dns.clone()));
        }
        if let Some(max_pods) = self.max_pods.filter(|_| command.has("--max-pods")) {
            sets.push(("--max-pods", max_pods.to_string()));
        }
        sets
    }

    /// Decides every correction of `command`.
    pub fn decide(command: &AksCommand, network: &Network, around: &Around<'_>) -> Corrections {
        let mut corrections = Corrections {
            migrates_from_kubenet: network.migrates_from_kubenet(command.verb),
            ..Corrections::default()
        };
        // `--docker-bridge-address`: every occurrence goes (azure-cli reads the last one, but all
        // of them are dead text).
        corrections.remove = command
            .options
            .iter()
            .filter(|o| o.name == "--docker-bridge-address")
            .map(|o| o.name_start)
            .collect();
        if network_policy_needs_plugin(command) || pod_cidr_needs_overlay(command, network) {
            corrections.plugin = Some("azure");
            corrections.add_overlay_mode = true;
        }
        if overlay_with_kubenet(command, network) {
            // The mode was written for Azure CNI.
            corrections.plugin = Some("azure");
        }
        corrections.max_pods = max_pods_out_of_range(command, network)
            .map(|value| value.clamp(MAX_PODS_RANGE.0, MAX_PODS_RANGE.1));
        corrections.addresses =
            addresses::decide(command, network, around, corrections.add_overlay_mode);
        corrections.pod_cidr = corrections.addresses.pod_replacement;
        corrections.service_cidr = corrections.addresses.service_replacement;
        for &(name, aligned) in &network.unaligned {
            match name {
                "--pod-cidr" => corrections.pod_cidr = corrections.pod_cidr.or(Some(aligned)),
                _ => corrections.service_cidr = corrections.service_cidr.or(Some(aligned)),
            }
        }
        corrections.dns_ip = dns_ip(command, network, &corrections);
        if corrections.migrates_from_kubenet && command.has("--network-plugin") {
            corrections.plugin = Some("azure");
            corrections.add_overlay_mode |= !command.has("--network-plugin-mode");
        }
        corrections
    }
}

/// `az aks create` with `--network-policy` and no `--network-plugin`: azure-cli refuses it.
pub fn network_policy_needs_plugin(command: &AksCommand) -> bool {
    command.verb == Verb::Create && !command.has("--network-plugin") && command.has(NEEDS_PLUGIN)
}

/// `--pod-cidr` with plain Azure CNI (no mode, no pod subnet): azure-cli refuses it.
pub fn pod_cidr_needs_overlay(command: &AksCommand, network: &Network) -> bool {
    network.plugin == Some(Plugin::Azure)
        && !network.overlay
        && !command.has("--network-plugin-mode")
        && command.has("--pod-cidr")
        && !command.has("--pod-subnet-id")
}

/// `--network-plugin-mode overlay` with kubenet.
fn overlay_with_kubenet(command: &AksCommand, network: &Network) -> bool {
    command.has("--network-plugin-mode")
        && network.overlay
        && network.plugin == Some(Plugin::Kubenet)
}

/// `--max-pods` as written, when AKS refuses it.
pub fn max_pods_out_of_range(command: &AksCommand, network: &Network) -> Option<u32> {
    let (low, high) = MAX_PODS_RANGE;
    network
        .max_pods
        .filter(|value| command.has("--max-pods") && !(low..=high).contains(value))
}

/// The DNS service IP the fix sets: the tenth address of a new service CIDR unless the written
/// one is already a good address of it, else the tenth address of the service CIDR when the
/// written one is misplaced in it.
fn dns_ip(command: &AksCommand, network: &Network, corrections: &Corrections) -> Option<String> {
    let service = corrections.addresses.service_after()?;
    if let Some(new_service) = corrections.service_cidr {
        let still_good = network.dns_ip.is_some_and(|(family, address)| {
            family == new_service.family()
                && new_service.contains_addr(address)
                && address > new_service.network() + 1
        });
        return (new_service.family() == IpFamily::V4 && !still_good)
            .then(|| new_service.format_addr(new_service.network() + 10));
    }
    let dns = network.dns_ip.filter(|_| command.has("--dns-service-ip"))?;
    ranges::dns_problem(service, dns)?;
    ranges::tenth_address(service)
}
