//! Rule `symptom/node-cidr-mask-invalid`: kube-controller-manager refused the node mask for its
//! cluster CIDR.

use alloc::format;
use alloc::string::String;

use crate::context::SubnetManager;
use crate::finding::Severity;
use crate::model::ClusterModel;
use crate::rules::{Area, FixSafety, RuleId, RuleInfo};
use crate::symptom::advice::CONTROLLER;
use crate::symptom::capacity::say;
use crate::symptom::seen::{Out, Seen};

const MEANS: &str = "kube-controller-manager refuses a cluster CIDR smaller than one node range (or, IPv6, 17+ bits wider): no node gets a podCIDR.";
const WHY: &str = "1. A cluster CIDR narrower than /24 (/64) with the default node mask. 2. kubeadm passing no --node-cidr-mask-size-ipv4/-ipv6. 3. IPv6 wider than /48.";

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::SymptomNodeCidrMaskInvalid,
    area: Area::Symptom,
    severity: Severity::Error,
    summary: "kube-controller-manager: Invalid --cluster-cidr, mask size of cluster CIDR must be less than or equal to --node-cidr-mask-size; the node CIDR size is too big.",
    what: MEANS,
    why: WHY,
    how_to_fix: "Set --node-cidr-mask-size-ipv4 (-ipv6) at least the cluster CIDR's prefix (and at most 16 more for IPv6), or widen --cluster-cidr.",
    source: "kubernetes/kubernetes@01f5e9c pkg/controller/nodeipam/node_ipam_controller.go:110-116; pkg/controller/nodeipam/ipam/cidrset/cidr_set.go (ErrCIDRSetSubNetTooBig).",
    fix: FixSafety::None,
    file: file!(),
};

/// Explains the line with the cluster CIDR and node mask the analysis states.
pub fn check(seen: &Seen<'_>, model: &ClusterModel, out: &mut Out<'_>) {
    let mut here = String::new();
    let mut message = String::from("The node mask does not fit the cluster CIDR");
    match model.cluster_cidrs.first().or(model.pod_pools.first()) {
        Some(pool) => {
            say(
                &mut here,
                "Cluster CIDR here:",
                &pool.value,
                &pool.source,
                ".",
            );
            let family = pool.value.family();
            let mask = model.node_masks_for(family, SubnetManager::Kube).next();
            let prefix = mask.map_or(
                if family == crate::net::IpFamily::V4 {
                    24
                } else {
                    64
                },
                |m| m.value.prefix,
            );
            if let Some(mask) = mask {
                say(
                    &mut here,
                    "Node mask:",
                    &mask.value.prefix,
                    &mask.source,
                    ".",
                );
            }
            if pool.value.prefix() > prefix {
                message = format!(
                    "The cluster CIDR {} is smaller than one /{prefix} node range",
                    pool.value
                );
            }
        }
        None => out.paste(CONTROLLER.0, CONTROLLER.1),
    }
    out.report(seen, RULE.rule, message, (MEANS, WHY), here);
}
