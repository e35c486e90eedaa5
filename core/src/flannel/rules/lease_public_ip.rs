//! Rule `flannel/lease-public-ip`: two etcd leases carry one `PublicIP` (seed 003's conflict).

use alloc::format;
use alloc::vec::Vec;

use crate::finding::{Finding, Severity};
use crate::model::ClusterModel;
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelLeasePublicIp,
    area: Area::Flannel,
    severity: Severity::Error,
    summary: "No two of flannel's etcd leases carry the same PublicIP.",
    what: "Two subnet leases under <prefix>/subnets whose values name the same PublicIP.",
    why: "flanneld finds its lease by PublicIP when it restarts: with two, one is stale (the node re-leased after its old lease was kept, a second flanneld on the host, or two hosts with one --public-ip / --iface address) and both ranges route to one host; the other range's pods are unreachable, and the leases fight (\"failed to acquire lease\").",
    how_to_fix: "Make sure one flanneld runs per host (ps aux | grep flanneld) and each host has its own --public-ip; back up etcd, then delete the lease the host does not use (etcdctl del <prefix>/subnets/<range>; compare FLANNEL_SUBNET in its /run/flannel/subnet.env) and restart flanneld.",
    source: "flannel-io/flannel pkg/subnet/etcd (leases keyed by subnet, reused by PublicIP); Documentation/reservations.md; seed 003.",
    fix: FixSafety::None,
    file: file!(),
};

/// Reports each lease whose PublicIP an earlier lease already carries.
pub fn check(model: &ClusterModel, findings: &mut Vec<Finding>) {
    for (at, lease) in model.leases.iter().enumerate() {
        let Some(ip) = lease.value.public_ip else {
            continue;
        };
        let earlier = model.leases[..at].iter().find(|other| {
            other.value.public_ip == Some(ip) && other.value.subnet != lease.value.subnet
        });
        let Some(earlier) = earlier else { continue };
        let (a, b) = (lease.value.subnet, earlier.value.subnet);
        findings.push(Finding {
            rule: RuleId::FlannelLeasePublicIp,
            severity: Severity::Error,
            span: lease.source.span,
            message: format!("leases {b} and {a} both carry PublicIP {ip}"),
            explanation: format!("flanneld reuses the lease whose PublicIP is its own, so {ip} holds two ranges; routes for both lead to one host and one of them is stale. Check that one flanneld runs on {ip} (`ps aux | grep flanneld`) and which range its /run/flannel/subnet.env holds (FLANNEL_SUBNET); back up etcd and delete the other lease (`etcdctl del <prefix>/subnets/<range>`), then restart flanneld."),
            fix: None,
        });
    }
}
