//! Rule `flannel/public-network`: the pod Network lies in public address space.

use alloc::format;
use alloc::string::String;

use alloc::vec::Vec;

use crate::finding::{Finding, Severity};
use crate::flannel::address_space::{placement, Placed, Placement};
use crate::flannel::pool::FlannelPool;
use crate::model::ClusterModel;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelPublicNetwork,
    area: Area::Flannel,
    severity: Severity::Warning,
    summary: "The pod Network lies in private address space (RFC 1918 or RFC 6598).",
    what: "An IPv4 Network outside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 and 100.64.0.0/10 (checked after the ranges to avoid and reserved space).",
    why: "Pods take addresses that belong to someone on the internet: traffic from the cluster to the real hosts of that range stays inside the cluster and never reaches them. Nothing fails until a pod needs one of those hosts.",
    how_to_fix: "Move Network into RFC 1918 or RFC 6598 space (`podnet plan` finds a free block of the size needed) and, in kube mode, --cluster-cidr with it. There is no automatic fix: the new range has to agree with --cluster-cidr and the ranges around the cluster.",
    source: "RFC 1918 (private internets), RFC 6598 (shared address space 100.64.0.0/10).",
    fix: FixSafety::None,
    file: file!(),
};

/// Reports a Network in public space.
pub fn check(pool: &FlannelPool<'_>, model: &ClusterModel, findings: &mut Vec<Finding>) {
    let Placed {
        network,
        placement: Placement::Public,
    } = placement(pool, model)
    else {
        return;
    };
    let at = &pool.network.source;
    findings.push(Finding { rule: RuleId::FlannelPublicNetwork, severity: Severity::Warning, span: at.span, message: format!("{} {network} is public address space", at.key), explanation: String::from("Pods would take addresses that belong to someone on the internet, and traffic to the real hosts of that range stays in the cluster. Use RFC 1918 (10/8, 172.16/12, 192.168/16) or RFC 6598 (100.64.0.0/10) space; `podnet plan` finds a free block."), fix: None });
}
