//! `aks/kubenet-retirement`: az aks create with kubenet, which retires on 31 March 2028.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::aks::command::{AksCommand, Verb};
use crate::aks::facts::Facts;
use crate::aks::network::Plugin;
use crate::aks::out::Out;
use crate::document::DocumentKind;
use crate::emit::Draft;
use crate::finding::Severity;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::AksKubenetRetirement,
    area: Area::Aks,
    severity: Severity::Warning,
    summary: "az aks create with kubenet, which retires on 31 March 2028.",
    what: "az aks create --network-plugin kubenet.",
    why: "AKS ends kubenet support on 31 March 2028 and points to Azure CNI Overlay. Kubenet \
        routes each node's /24 through a route table of at most 400 routes, so a cluster stops at \
        400 nodes; Overlay gives each node a /24 from --pod-cidr outside the VNet without a route \
        table, up to 5,000 nodes.",
    how_to_fix: "Create the cluster with --network-plugin azure --network-plugin-mode overlay. \
        The fix does this and keeps the pod CIDR when Overlay accepts it (as the in-place update \
        does), replacing only one Overlay cannot use. An existing cluster moves in place with az \
        aks update --network-plugin azure --network-plugin-mode overlay once it meets the \
        prerequisites (Kubernetes 1.27+, no network policy engine, a user-assigned managed \
        identity, no dynamic pod IP allocation, no Windows Docker pools), or blue/green; the next \
        steps give the command.",
    source: "AKS docs includes/kubenet-retirement.md and Azure/AKS#4859 (the date); \
        configure-kubenet.md (400 routes); update-azure-cni.md (the in-place update and its \
        prerequisites).",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};

const MESSAGE: &str =
    "kubenet retires on 31 March 2028; create the cluster with Azure CNI Overlay instead";

/// The message for a running cluster (`az aks show`), which is moved rather than created.
const MESSAGE_RUNNING: &str =
    "kubenet retires on 31 March 2028; move this cluster to Azure CNI Overlay";

const WHY: &str = "AKS ends kubenet support on 31 March 2028 and points to Azure CNI Overlay (AKS docs; Azure/AKS#4859). Kubenet routes each node's /24 through a route table of at most 400 routes, so it stops at 400 nodes. Overlay also gives each node a /24 from --pod-cidr outside the VNet, without a route table.";

/// What the in-place update requires, as `update-azure-cni.md` lists it.
const PREREQUISITES: &str = "Kubernetes 1.27+, no network policy engine (uninstall Azure NPM or Calico first), a user-assigned managed identity to detach the route table, no dynamic pod IP allocation, no Windows Docker pools; all node pools are reimaged at once, irreversibly";

/// Reports `az aks create --network-plugin kubenet`; the command's fix moves it to Azure CNI
/// Overlay with as little change as possible (the pod CIDR stays when Overlay accepts it), and
/// the next steps give the in-place `az aks update` for an existing cluster.
pub fn check(facts: &Facts<'_>, out: &mut Out<'_>) {
    let (command, decisions) = (facts.command, &facts.corrections.addresses);
    if facts.network.plugin != Some(Plugin::Kubenet) || command.verb != Verb::Create {
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
    let message = if facts.form.kind == DocumentKind::AksShow {
        MESSAGE_RUNNING
    } else {
        MESSAGE
    };
    out.report(Draft { rule: RuleId::AksKubenetRetirement, severity: Severity::Warning, at: option.value_range(), message: String::from(message), why: format!("{WHY} {kept} An existing cluster can be updated in place (see next steps) or moved blue/green."), fix: facts.fix_if(true) });
    let group = value_or(command, "--resource-group", "<resource-group>");
    let name = value_or(command, "--name", "<cluster-name>");
    let pod = decisions
        .pod_replacement
        .map_or_else(String::new, |pod| format!(" --pod-cidr {pod}"));
    out.next_step(format!("For an existing kubenet cluster, update it in place once it meets the prerequisites ({PREREQUISITES}): az aks update --resource-group {group} --name {name} --network-plugin azure --network-plugin-mode overlay{pod}"));
}

/// The value of `name` as written (expansions kept), or `placeholder`.
fn value_or(command: &AksCommand, name: &str, placeholder: &str) -> String {
    command
        .get(name)
        .and_then(|option| option.value.as_ref())
        .map_or_else(|| String::from(placeholder), |value| value.text.clone())
}
