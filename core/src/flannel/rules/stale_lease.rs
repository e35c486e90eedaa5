//! Rule `flannel/stale-lease`: an etcd lease whose `PublicIP` is no address of any node the
//! paste's node listings show.

use alloc::format;
use alloc::vec::Vec;

use crate::finding::{Finding, Severity};
use crate::model::ClusterModel;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelStaleLease,
    area: Area::Flannel,
    severity: Severity::Warning,
    summary: "Every etcd lease belongs to a node the listings show.",
    what: "A subnet lease whose PublicIP matches no InternalIP or flannel public-ip of the nodes in the paste's node listings (checked only when a listing shows node addresses).",
    why: "A lease of a host that is gone keeps its range until its TTL (24 h) runs out, or for ever if it was made a reservation; with many of them the pool runs out and new hosts fail with \"failed to acquire lease: out of subnets\".",
    how_to_fix: "Confirm the host is gone, back up etcd, and delete the lease: etcdctl del <prefix>/subnets/<range>.",
    source: "flannel-io/flannel Documentation/reservations.md (leases, TTL, reservations); seed 003.",
    fix: FixSafety::None,
    file: file!(),
};

/// Reports each lease with a PublicIP no listed node has.
pub fn check(model: &ClusterModel, findings: &mut Vec<Finding>) {
    if model.node_addresses.is_empty() {
        return;
    }
    for lease in &model.leases {
        let Some(ip) = lease.value.public_ip else {
            continue;
        };
        if model.node_addresses.iter().any(|node| node.value.ip == ip) {
            continue;
        }
        let subnet = lease.value.subnet;
        findings.push(Finding {
            rule: RuleId::FlannelStaleLease,
            severity: Severity::Warning,
            span: lease.source.span,
            message: format!("lease {subnet} belongs to {ip}, which no listed node has"),
            explanation: format!("The node listings show {} node address(es) and none is {ip}: the host that leased {subnet} is gone or was renamed, or the listing is partial. A stale lease holds its range until its TTL expires. If the host is gone, back up etcd and run `etcdctl del <prefix>/subnets/{}`.", model.node_addresses.len(), lease_key(subnet)),
            fix: None,
        });
    }
}

/// The key name of a lease: `10.244.5.0-24`.
fn lease_key(subnet: crate::net::Cidr) -> alloc::string::String {
    let text = alloc::string::ToString::to_string(&subnet);
    text.replacen('/', "-", 1)
}
