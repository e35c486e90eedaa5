//! Rule `symptom/flannel-out-of-subnets`: flannel (etcd mode) has no node range left to lease.

use alloc::string::String;
use core::fmt::Write as _;

use crate::context::SubnetManager;
use crate::finding::Severity;
use crate::model::ClusterModel;
use crate::rules::{Area, FixSafety, RuleId, RuleInfo};
use crate::symptom::advice::{ETCD, NODES};
use crate::symptom::capacity::node_ranges;
use crate::symptom::seen::{Out, Seen};

const MEANS: &str = "flanneld (etcd mode) found every SubnetLen range of Network leased; the node gets none and its pods no network.";
const WHY: &str = "1. More nodes than Network holds: 2^(SubnetLen - prefix), the first never leased. 2. Leases of deleted nodes, kept until their 24 h TTL ends. 3. SubnetMin/SubnetMax narrow the pool.";

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::SymptomFlannelOutOfSubnets,
    area: Area::Symptom,
    severity: Severity::Error,
    summary: "flanneld: failed to acquire lease: out of subnets.",
    what: MEANS,
    why: WHY,
    how_to_fix: "Remove the leases of nodes that are gone (etcdctl del /coreos.com/network/subnets/<range>), or widen Network (or lengthen SubnetLen) so that every node fits, then restart flanneld everywhere.",
    source: "flannel-io/flannel@cdf7605 pkg/subnet/etcd/local_manager.go:263 (`out of subnets`), wrapped as `failed to acquire lease: %v` by each backend (pkg/backend/vxlan/vxlan.go:146).",
    fix: FixSafety::None,
    file: file!(),
};

/// Explains the line with the pool's numbers when a document states Network.
pub fn check(seen: &Seen<'_>, model: &ClusterModel, out: &mut Out<'_>) {
    let mut here = String::new();
    match node_ranges(model, SubnetManager::Etcd) {
        Some(ranges) => drop(write!(here, " Here: {ranges}")),
        None => out.paste(ETCD.0, ETCD.1),
    }
    out.paste(
        "the leases",
        "etcdctl get --prefix /coreos.com/network/subnets --keys-only",
    );
    out.paste(NODES.0, NODES.1);
    out.report(
        seen,
        RULE.rule,
        String::from("flannel has no node range left to lease (out of subnets)"),
        (MEANS, WHY),
        here,
    );
}
