//! Rule `aks/kubenet-retirement`: kubenet retires on 31 March 2028; move to Azure CNI Overlay.
//!
//! What it checks: `az aks create --network-plugin kubenet`.
//! Why it matters: kubenet clusters lose support on 31 March 2028 (AKS docs
//! `includes/kubenet-retirement.md`, Azure/AKS#4859). Kubenet also caps a cluster at 400 nodes
//! (one route per node in the route table) and caps every node at its /24.
//! Fix: `--network-plugin azure --network-plugin-mode overlay --pod-cidr 100.64.0.0/10` (RFC 6598)
//! when that range overlaps nothing known, otherwise the smallest fitting free RFC 6598/RFC 1918
//! block; for an existing cluster, the matching in-place `az aks update` in the next steps (or a
//! blue/green move to a new cluster).
//! Source: AKS docs "Kubenet retirement", "Upgrade Azure CNI IPAM modes and data plane".

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::addresses::Decisions;
use super::choose::PREFERRED_POD_CIDR;
use super::command::{AksCommand, Verb};
use super::network::{Network, Plugin};
use super::{Changes, Out};
use crate::context::Context;
use crate::finding::Severity;

/// The rule id.
pub const RULE: &str = "aks/kubenet-retirement";

const MESSAGE: &str =
    "kubenet retires on 31 March 2028; create the cluster with Azure CNI Overlay instead";

const WHY: &str = "AKS retires kubenet on 31 March 2028 (Azure/AKS#4859). Kubenet gives each node a /24 from --pod-cidr (253 pod addresses, a hard per-node ceiling) and routes it through the subnet's route table, which stops the cluster at 400 nodes. Azure CNI Overlay also takes pod addresses from --pod-cidr outside the VNet, without route tables, up to 5,000 nodes and 250 pods per node.";

/// Runs the rule; pushes the in-place migration command to `next_steps`.
pub fn check(
    command: &AksCommand,
    network: &Network,
    _context: &Context,
    decisions: &Decisions,
    out: &mut Out<'_>,
    changes: &mut Changes,
    next_steps: &mut Vec<String>,
) {
    if network.plugin != Some(Plugin::Kubenet) || command.verb != Verb::Create {
        return;
    }
    let Some(option) = command.get("--network-plugin") else {
        return;
    };
    if decisions.pod_replacement.is_none() && network.pod_cidr_written && network.pod_cidr.is_none()
    {
        // The pod CIDR is a shell variable (or unreadable): migrate the plugin and keep it.
        let at = out.report(
            RULE,
            Severity::Warning,
            option.value_range(),
            String::from(MESSAGE),
            format!("{WHY} The --pod-cidr value cannot be read here (a shell variable or a malformed block), so it is kept: overlay needs it in RFC 1918 or RFC 6598 space, overlapping neither the VNet nor the service CIDR; 100.64.0.0/10 is the usual choice."),
            None,
        );
        changes.plugin = Some("azure");
        if !command.has("--network-plugin-mode") {
            changes.add_overlay_mode = true;
        }
        changes.resolve(at);
        return;
    }
    let Some(pod) = decisions.pod_replacement else {
        out.report(RULE, Severity::Warning, option.value_range(), String::from("kubenet retires on 31 March 2028; create the cluster with Azure CNI Overlay instead"), String::from("No free RFC 6598 or RFC 1918 pod range was found that overlaps nothing known, so no corrected command is offered: choose a pod CIDR for --network-plugin azure --network-plugin-mode overlay by hand."), None);
        return;
    };
    let known: Vec<String> = decisions
        .taken_for_pod
        .iter()
        .map(|(range, what)| format!("{what} {range}"))
        .collect();
    let known = if known.is_empty() {
        String::from("no VNet, service or avoided range")
    } else {
        known.join(", ")
    };
    let fits = pod.subnet_count(24) >= u128::from(decisions.nodes);
    let choice = if !fits {
        format!("No free RFC 6598/RFC 1918 block holds {} nodes without overlapping a known range ({known}); {pod} is the biggest free one and holds {} nodes with a /24 each.", decisions.nodes, pod.subnet_count(24))
    } else if pod == PREFERRED_POD_CIDR {
        format!("{pod} (RFC 6598 shared address space, the range AKS's overlay docs use) overlaps nothing known ({known}) and holds {} nodes with a /24 each.", pod.subnet_count(24))
    } else {
        format!("{PREFERRED_POD_CIDR} overlaps a known range ({known}), so the pod CIDR is {pod}, the smallest free RFC 6598/RFC 1918 block that holds {} nodes at most 75% used.", decisions.nodes)
    };
    let at = out.report(
        RULE,
        Severity::Warning,
        option.value_range(),
        String::from(MESSAGE),
        format!("{WHY} {choice} Existing clusters migrate in place with az aks update (see next steps) or blue/green."),
        None,
    );
    changes.plugin = Some("azure");
    if !command.has("--network-plugin-mode") {
        changes.add_overlay_mode = true;
    }
    changes.pod_cidr = Some(pod);
    changes.resolve(at);
    let group = value_or(command, "--resource-group", "<resource-group>");
    let name = value_or(command, "--name", "<cluster-name>");
    next_steps.push(format!("For an existing kubenet cluster, migrate in place (every node pool is reimaged at once and the change cannot be undone; check the documented prerequisites first, e.g. a network policy engine may need to be removed): az aks update --resource-group {group} --name {name} --network-plugin azure --network-plugin-mode overlay --pod-cidr {pod}"));
}

/// The value of `name` as written (expansions kept), or `placeholder`.
fn value_or(command: &AksCommand, name: &str, placeholder: &str) -> String {
    command
        .get(name)
        .and_then(|option| option.value.as_ref())
        .map_or_else(|| String::from(placeholder), |value| value.text.clone())
}
