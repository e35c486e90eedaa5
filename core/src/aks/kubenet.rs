//! Rule `aks/kubenet-retirement`: kubenet retires on 31 March 2028; move to Azure CNI Overlay.
//!
//! What it checks: `az aks create --network-plugin kubenet`.
//! Why it matters: AKS stops supporting kubenet on 31 March 2028 (AKS docs
//! `includes/kubenet-retirement.md`, Azure/AKS#4859). Kubenet also caps a cluster at 400 nodes
//! (one route per node in a route table holding at most 400) and every node at its /24.
//! Fix: as little as possible: `--network-plugin azure --network-plugin-mode overlay`. The pod CIDR
//! stays when Overlay accepts it (private or shared address space overlapping nothing known),
//! as the in-place update keeps it; only a pod CIDR Overlay cannot use is replaced (see
//! `addresses`). For an existing cluster the next steps give the in-place `az aks update` and its
//! documented prerequisites.
//! Source: AKS docs `includes/kubenet-retirement.md`, `configure-kubenet.md` (400 routes),
//! `update-azure-cni.md` (the in-place update and its prerequisites).

use crate::emit::Draft;
use crate::rules::RuleId;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::addresses::Decisions;
use super::command::{AksCommand, Verb};
use super::network::{Network, Plugin};
use super::{Changes, Out};
use crate::context::Context;
use crate::finding::Severity;

const MESSAGE: &str =
    "kubenet retires on 31 March 2028; create the cluster with Azure CNI Overlay instead";

const WHY: &str = "AKS ends kubenet support on 31 March 2028 and points to Azure CNI Overlay (AKS docs; Azure/AKS#4859). Kubenet routes each node's /24 through a route table of at most 400 routes, so it stops at 400 nodes. Overlay also gives each node a /24 from --pod-cidr outside the VNet, without a route table.";

/// What the in-place update requires, as `update-azure-cni.md` lists it.
const PREREQUISITES: &str = "Kubernetes 1.27+, no network policy engine (uninstall Azure NPM or Calico first), a user-assigned managed identity to detach the route table, no dynamic pod IP allocation, no Windows Docker pools; all node pools are reimaged at once, irreversibly";

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
    let kept = match (decisions.pod_replacement, decisions.pod_before) {
        (Some(pod), _) => {
            let known: Vec<String> = decisions
                .taken_for_pod
                .iter()
                .map(|(range, what)| format!("{what} {range}"))
                .collect();
            format!("The pod CIDR cannot stay as it is for Overlay (see its finding), so the fix moves it to {pod}, a free block that overlaps nothing known ({}).", if known.is_empty() { String::from("no VNet, service or avoided range") } else { known.join(", ") })
        }
        (None, Some(pod)) => format!("The pod CIDR {pod} stays: Overlay accepts it, and the in-place update keeps it."),
        (None, None) => String::from("The --pod-cidr value cannot be read here (a shell variable or placeholder), so it is kept: Overlay needs it in private (RFC 1918) or shared (RFC 6598) address space, overlapping neither the VNet nor the service CIDR."),
    };
    let at = out.report(Draft { rule: RuleId::AksKubenetRetirement, severity: Severity::Warning, at: option.value_range(), message: String::from(MESSAGE), why: format!("{WHY} {kept} An existing cluster can be updated in place (see next steps) or moved blue/green."), fix: None });
    changes.plugin = Some("azure");
    if !command.has("--network-plugin-mode") {
        changes.add_overlay_mode = true;
    }
    if let Some(pod) = decisions.pod_replacement {
        changes.pod_cidr = Some(pod);
    }
    changes.resolve(at);
    let group = value_or(command, "--resource-group", "<resource-group>");
    let name = value_or(command, "--name", "<cluster-name>");
    let pod = decisions
        .pod_replacement
        .map_or_else(String::new, |pod| format!(" --pod-cidr {pod}"));
    next_steps.push(format!("For an existing kubenet cluster, update it in place once it meets the prerequisites ({PREREQUISITES}): az aks update --resource-group {group} --name {name} --network-plugin azure --network-plugin-mode overlay{pod}"));
}

/// The value of `name` as written (expansions kept), or `placeholder`.
fn value_or(command: &AksCommand, name: &str, placeholder: &str) -> String {
    command
        .get(name)
        .and_then(|option| option.value.as_ref())
        .map_or_else(|| String::from(placeholder), |value| value.text.clone())
}
