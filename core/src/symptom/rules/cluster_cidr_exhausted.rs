//! Rule `symptom/cluster-cidr-exhausted`: kube-controller-manager has no node range left.

use alloc::string::String;
use core::fmt::Write as _;

use crate::context::SubnetManager;
use crate::finding::Severity;
use crate::model::ClusterModel;
use crate::rules::{Area, FixSafety, RuleId, RuleInfo};
use crate::symptom::advice::{CONTROLLER, NODES};
use crate::symptom::capacity::node_ranges;
use crate::symptom::seen::{Out, Seen};

const MEANS: &str = "kube-controller-manager has given out every node range of --cluster-cidr: new nodes get no podCIDR (CIDRNotAvailable) and no pod network.";
const WHY: &str = "1. More nodes than the cluster CIDR holds: 2^(node mask - prefix). 2. Deleted machines still registered as nodes. 3. A node mask too long or a cluster CIDR too narrow.";

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::SymptomClusterCidrExhausted,
    area: Area::Symptom,
    severity: Severity::Error,
    summary: "kube-controller-manager: CIDR allocation failed; there are no remaining CIDRs left to allocate; CIDRNotAvailable.",
    what: MEANS,
    why: WHY,
    how_to_fix: "Remove Node objects of machines that are gone; otherwise widen --cluster-cidr (and flannel's Network with it) or shorten --node-cidr-mask-size, which only new nodes see: re-register the old ones one at a time.",
    source: "kubernetes/kubernetes pkg/controller/nodeipam/ipam/cidrset/cidr_set.go (ErrCIDRRangeNoCIDRsRemaining) and range_allocator.go (the `CIDRNotAvailable` node event, `failed to allocate cidr from cluster cidr at idx:%v`).",
    fix: FixSafety::None,
    file: file!(),
};

/// Explains the line with the cluster CIDR's node ranges when a document states it.
pub fn check(seen: &Seen<'_>, model: &ClusterModel, out: &mut Out<'_>) {
    let mut here = String::new();
    match node_ranges(model, SubnetManager::Kube) {
        Some(ranges) => drop(write!(here, " Here: {ranges}")),
        None => out.paste(CONTROLLER.0, CONTROLLER.1),
    }
    out.paste(NODES.0, NODES.1);
    out.report(
        seen,
        RULE.rule,
        String::from("The cluster CIDR has no node range left: new nodes get no podCIDR"),
        (MEANS, WHY),
        here,
    );
}
