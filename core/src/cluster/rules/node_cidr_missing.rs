//! Rule `cluster/node-cidr-missing`: a listed node has no podCIDR (`<none>`, an empty field, a
//! `describe node` without `PodCIDR:`); the finding ranks the three causes by what the rest of the
//! paste shows.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::cluster::pools::{listed, node_mask, pools_of, taken};
use crate::context::Platform;
use crate::finding::{Finding, Severity};
use crate::model::{ClusterModel, Origin};
use crate::net::IpFamily;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::ClusterNodeCidrMissing,
    area: Area::Cluster,
    severity: Severity::Warning,
    summary: "Every listed node has a podCIDR, unless a managed CNI does its own IPAM.",
    what: "Nodes a listing shows without a pod range, with the likely cause: --allocate-node-cidrs off (or no --cluster-cidr), the cluster CIDR exhausted, or a managed CNI that assigns pod IPs itself (AKS Azure CNI, EKS VPC CNI, GKE VPC-native), where an empty field is normal.",
    why: "With built-in IPAM a node without a range cannot give its pods addresses: flanneld waits with \"pod cidr not assigned\", pods stay in ContainerCreating with FailedCreatePodSandBox. With a managed CNI the field is empty by design.",
    how_to_fix: "Paste kube-controller-manager's flags (ps aux | grep kube-controller-manager) and its log (\"CIDR allocation failed; there are no remaining CIDRs left to allocate\"): set --allocate-node-cidrs=true with --cluster-cidr, or free or widen the pool; then restart the node's kubelet.",
    source: "kubernetes pkg/controller/nodeipam; seed 001 (its table of causes: IPAM exhaustion, drift, a recreated node, managed CNI delegation).",
    fix: FixSafety::None,
    file: file!(),
};

/// Reports, per listing, the nodes without a range and the cause the paste points to.
pub fn check(model: &ClusterModel, findings: &mut Vec<Finding>) {
    let mut listings: Vec<Origin> = Vec::new();
    for node in &model.nodes_without_pod_cidr {
        if !listings.contains(&node.source.origin) {
            listings.push(node.source.origin);
        }
    }
    for origin in listings {
        let nodes: Vec<&str> = model
            .nodes_without_pod_cidr
            .iter()
            .filter(|node| node.source.origin == origin)
            .map(|node| {
                if node.value.is_empty() {
                    "a node"
                } else {
                    node.value.as_str()
                }
            })
            .collect();
        let first = model
            .nodes_without_pod_cidr
            .iter()
            .find(|node| node.source.origin == origin);
        let Some(first) = first else { continue };
        let (severity, cause) = cause(model);
        let count = nodes.len();
        let list = nodes.join(", ");
        findings.push(Finding {
            rule: RuleId::ClusterNodeCidrMissing,
            severity,
            span: first.source.span,
            message: format!("{count} node(s) without a podCIDR: {list}"),
            explanation: format!("An empty podCIDR has three causes: kube-controller-manager runs without --allocate-node-cidrs=true (or without --cluster-cidr); the cluster CIDR has no free range left; or a managed CNI assigns pod IPs itself, where the field is empty by design. {cause}"),
            fix: None,
        });
    }
}

/// The cause the rest of the paste points to, and how serious that makes it.
fn cause(model: &ClusterModel) -> (Severity, String) {
    let managed = model.network_plugin.iter().any(|p| p.value == "azure")
        && !model.plugin_mode.iter().any(|m| m.value == "overlay");
    if managed {
        return (Severity::Info, String::from("The paste shows Azure CNI (not overlay), which gives pods VNet addresses without node ranges: an empty field is normal here; check the CNI's own IPAM instead."));
    }
    for pool in pools_of(model, IpFamily::V4) {
        let prefix = node_mask(model, IpFamily::V4).map_or(24, |mask| mask.value.prefix);
        let (usable, used) = taken(model, pool.value, prefix);
        if usable > 0 && used >= usable {
            return (Severity::Error, format!("{} with /{prefix} per node has {usable} usable ranges and the paste shows {used} of them taken{}: the pool is exhausted. Free ranges (delete gone nodes) or move to a wider pool by recreating nodes.", pool.value, pool.source.mention()));
        }
    }
    let platform = model.platform.iter().find(|p| p.value != Platform::Generic);
    let listed_any = listed(model).next().is_some();
    let next = if model.cluster_cidrs.is_empty() {
        " Paste kube-controller-manager's flags (`ps aux | grep kube-controller-manager`) or the kubeadm ClusterConfiguration (`kubectl -n kube-system get cm kubeadm-config -o yaml`) to tell."
    } else {
        ""
    };
    let lead = if listed_any {
        "Other nodes have ranges, so allocation works: the pool may be exhausted or these nodes registered while it was; check kube-controller-manager's log for \"CIDR allocation failed\"."
    } else {
        "No listed node has a range: most likely --allocate-node-cidrs is off."
    };
    let managed_note = if platform.is_some() {
        " On a managed cloud whose CNI does its own IPAM, an empty field is normal."
    } else {
        ""
    };
    (Severity::Warning, format!("{lead}{managed_note}{next}"))
}
