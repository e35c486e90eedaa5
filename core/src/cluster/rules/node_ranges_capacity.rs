//! Rule `cluster/node-ranges-capacity`: the node ranges listings and etcd leases show, against
//! the pool they come from: how many are left, and the node that will get none.

use alloc::format;
use alloc::vec::Vec;

use crate::cluster::pools::{etcd_mode, node_mask, pools_of, taken};
use crate::document::DocumentKind;
use crate::finding::{Finding, Severity};
use crate::model::ClusterModel;
use crate::net::{Cidr, IpFamily};
use crate::plan::{within_max_utilization, MAX_UTILIZATION_PERCENT};
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::ClusterNodeRangesCapacity,
    area: Area::Cluster,
    severity: Severity::Warning,
    summary: "The pool keeps free node ranges beyond the ones listings and leases show taken.",
    what: "The distinct node ranges of the pool's node size that node listings and flannel's etcd leases show taken, against the usable ranges of the pool (2^(node prefix − pool prefix), minus the first in etcd mode): a warning above the 75% alert threshold, an error when none is left. Silent when flannel/node-capacity or aks/pod-cidr-capacity judges the same pool against at least as many nodes (their finding carries the fix).",
    why: "The next node gets no range: kube-controller-manager logs \"CIDR allocation failed; there are no remaining CIDRs left to allocate\" (kube mode), flanneld \"failed to acquire lease: out of subnets\" (etcd mode), and its pods never start.",
    how_to_fix: "Delete the Node objects (or stale etcd leases) of machines that are gone, or plan a wider pool: --cluster-cidr is read at start and existing nodes keep their ranges, so widening means recreating nodes.",
    source: "kubernetes pkg/controller/nodeipam/ipam/cidrset; flannel pkg/subnet/etcd (\"out of subnets\", the first range never leased); seeds 001, 003.",
    fix: FixSafety::None,
    file: file!(),
};

/// True when a plugin's capacity rule judges the same block against a target node count at least
/// as large as the ranges taken (`flannel/node-capacity` for a net-conf's Network,
/// `aks/pod-cidr-capacity` for an AKS pod CIDR; the model's target counts a listing's nodes), at
/// least as severely: it says the same with a fix, and one concept gets one finding. A full pool
/// whose target still fits is this rule's error to report (the plan's is a warning).
fn judged_by_plan(model: &ClusterModel, pool: Cidr, used: u128, usable: u128) -> bool {
    let judges = |kind: Option<DocumentKind>| {
        kind.is_some_and(|kind| {
            kind.is_aks()
                || matches!(
                    kind,
                    DocumentKind::FlannelNetConf | DocumentKind::FlannelConfigMap
                )
        })
    };
    model
        .target_nodes()
        .map(|target| u128::from(target.value))
        .is_some_and(|target| target >= used && (used < usable || target > usable))
        && model.pod_pools.iter().any(|stated| {
            stated.value.aligned() == pool.aligned() && judges(stated.source.origin.kind())
        })
}

/// Reports a pool whose taken ranges are above the alert threshold, unless a plugin's capacity
/// rule already judges it against as many nodes.
pub fn check(model: &ClusterModel, findings: &mut Vec<Finding>) {
    for family in [IpFamily::V4, IpFamily::V6] {
        let Some(mask) = node_mask(model, family)
            .map(|m| m.value.prefix)
            .or_else(|| {
                // Without a stated mask, the size the ranges shown have.
                crate::cluster::pools::listed(model)
                    .map(|node| node.value.cidr)
                    .chain(model.leases.iter().map(|lease| lease.value.subnet))
                    .find(|range| range.family() == family)
                    .map(|range| range.prefix())
            })
        else {
            continue;
        };
        for pool in pools_of(model, family) {
            let (usable, used) = taken(model, pool.value, mask);
            if used == 0
                || usable == 0
                || within_max_utilization(used, usable)
                || judged_by_plan(model, pool.value, used, usable)
            {
                continue;
            }
            let left = usable.saturating_sub(used);
            let skip = if etcd_mode(model) {
                " − 1 (etcd mode never leases the first)"
            } else {
                ""
            };
            let (severity, message) = if left == 0 {
                (Severity::Error, format!("{} is full: all {usable} /{mask} node ranges are taken; node {} gets no range", pool.value, usable + 1))
            } else {
                (Severity::Warning, format!("{} has {left} of {usable} /{mask} node ranges left ({} taken, above {MAX_UTILIZATION_PERCENT}%): node {} gets no range", pool.value, crate::share::percent(used, usable), usable + 1))
            };
            findings.push(Finding {
                rule: RuleId::ClusterNodeRangesCapacity,
                severity,
                span: pool.source.span,
                message,
                explanation: format!("{pool}{named} holds 2^({mask} − {p}) = {all} ranges of /{mask}{skip}, so {usable} nodes can get one; the node listings and leases in the paste show {used} distinct ranges inside it taken. Free the ranges of machines that are gone (`kubectl delete node`, `etcdctl del <prefix>/subnets/<range>`), or plan a wider pool (existing nodes keep their ranges until recreated).", pool = pool.value, named = pool.source.mention(), p = pool.value.prefix(), all = pool.value.subnet_count(mask)),
                fix: None,
            });
        }
    }
}
