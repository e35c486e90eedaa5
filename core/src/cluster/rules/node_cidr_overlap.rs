//! Rule `cluster/node-cidr-overlap`: two listed nodes hold the same or overlapping podCIDRs.

use alloc::format;
use alloc::vec::Vec;

use crate::cluster::pools::{listed, node_name, start_key};
use crate::finding::{Finding, Severity};
use crate::model::{ClusterModel, NodePodCidr, Stated};
use crate::net::IpFamily;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::ClusterNodeCidrOverlap,
    area: Area::Cluster,
    severity: Severity::Error,
    summary: "No two listed nodes hold the same or overlapping podCIDRs.",
    what: "Two differently named nodes of the node listings whose pod ranges are equal or overlap (one node listed twice, by two commands, is one node).",
    why: "Both nodes hand the same pod addresses out: pods get duplicate IPs and traffic to one goes to the other. It happens when ranges were set by hand, when two controllers allocate (kube-controller-manager and a cloud or CNI allocator), or after a restore of an old etcd.",
    how_to_fix: "Roll one of the two nodes (drain, kubectl delete node, restart its kubelet so it gets a fresh range); find which component set the range, and leave allocation to one.",
    source: "kubernetes pkg/controller/nodeipam (one range per node from a bitmap of the cluster CIDR); kubernetes/kubernetes#21458 (multiple nodes with the same podCIDR).",
    fix: FixSafety::None,
    file: file!(),
};

/// Reports each listed range that overlaps an earlier one of another node (a sweep by start).
pub fn check(model: &ClusterModel, findings: &mut Vec<Finding>) {
    for family in [IpFamily::V4, IpFamily::V6] {
        sweep(model, family, findings);
    }
}

fn sweep(model: &ClusterModel, family: IpFamily, findings: &mut Vec<Finding>) {
    let mut ranges: Vec<&Stated<NodePodCidr>> = listed(model)
        .filter(|node| node.value.cidr.family() == family)
        .collect();
    // By start (the shared stable sort keeps the paste's order of equal ranges).
    crate::order::sort_by_position(&mut ranges, |node| start_key(&node.value.cidr));
    let mut widest: Option<&Stated<NodePodCidr>> = None;
    for node in ranges {
        let cidr = node.value.cidr.aligned();
        if let Some(earlier) = widest.filter(|earlier| earlier.value.cidr.aligned().overlaps(&cidr))
        {
            if earlier.value.node != node.value.node {
                report(earlier, node, findings);
            }
        }
        let reaches_further =
            widest.is_none_or(|earlier| cidr.last() > earlier.value.cidr.aligned().last());
        if reaches_further {
            widest = Some(node);
        }
    }
}

fn report(earlier: &Stated<NodePodCidr>, node: &Stated<NodePodCidr>, findings: &mut Vec<Finding>) {
    let (a, b) = (node.value.cidr, earlier.value.cidr);
    let (name, other) = (node_name(&node.value.node), node_name(&earlier.value.node));
    let how = if a.aligned() == b.aligned() {
        "the same podCIDR as"
    } else {
        "a podCIDR overlapping"
    };
    findings.push(Finding {
        rule: RuleId::ClusterNodeCidrOverlap,
        severity: Severity::Error,
        span: node.source.span,
        message: format!("{name} holds {how} {other}: {a} and {b}{}", earlier.source.mention()),
        explanation: format!("{a} and {b} share addresses, so pods on {name} and {other} can get the same IP. Roll one of them (drain, `kubectl delete node`, restart its kubelet) so kube-controller-manager gives it a free range, and make sure only one component allocates node ranges."),
        fix: None,
    });
}
