//! Rules `flannel/kube-mode-ignored-key`, `flannel/cluster-cidr`, `flannel/node-mask`: what the
//! kube subnet manager (`--kube-subnet-mgr`, the official manifest) does with net-conf.json.
//!
//! What it checks: SubnetLen/SubnetMin/SubnetMax (and their IPv6 forms) written in kube mode, where
//! flannel ignores them; Network against kube-controller-manager `--cluster-cidr` when known; the
//! node mask against the Network prefix.
//! Why it matters: a user sets `SubnetLen: 26` and nothing changes (flannel#847, #1328, #1504);
//! a Network that does not contain a node's podCIDR stops flanneld with `subnet "N" specified in
//! the flannel net config doesn't contain "P" PodCIDR of the "X" node`.
//! Fix: Network set to `--cluster-cidr`; the per-node size is `--node-cidr-mask-size`.
//! Source: flannel `pkg/subnet/kube/kube.go`; kube-controller-manager node IPAM; domain facts §1–§2.

use crate::emit::Draft;
use crate::rules::RuleId;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec;

use super::netconf::Field;
use super::rule::{Check, Mode};
use crate::emit::Emitter;
use crate::finding::{Fix, Severity};
use crate::net::IpFamily;

/// Runs the kube-mode rules (nothing in etcd mode).
pub fn check(check: &Check<'_>, out: &mut Emitter<'_>) {
    if !check.mode.may_be_kube() {
        return;
    }
    let conf = check.conf;
    let mask = check.context.node_cidr_mask_size;
    // Whatever the value (a number, a template placeholder), kube mode does not read these keys.
    let ignored = [
        "SubnetLen",
        "SubnetMin",
        "SubnetMax",
        "IPv6SubnetLen",
        "IPv6SubnetMin",
        "IPv6SubnetMax",
    ];
    for name in ignored {
        let Some(member) = conf.root.get_ignore_case(name) else {
            continue;
        };
        let range = (member.value.start, member.value.end);
        let size = if name.starts_with("IPv6") {
            mask.unwrap_or(64)
        } else {
            mask.unwrap_or(24)
        };
        let source = if mask.is_some() {
            "as you set"
        } else {
            "its default"
        };
        // Known kube mode: the key does nothing, a surprise worth a warning. Mode unknown: the key
        // works in etcd mode (flannel's own etcd examples write it), so only say what kube mode does.
        let (severity, lead) = if check.mode == Mode::Kube {
            (Severity::Warning, "")
        } else {
            (Severity::Info, "if flanneld runs in kube mode, ")
        };
        out.report(Draft { rule: RuleId::FlannelKubeModeIgnoredKey, severity, at: range, message: format!("{lead}{name} is ignored with --kube-subnet-mgr: each node gets a /{size} from kube-controller-manager --node-cidr-mask-size ({source})"), why: format!("In kube mode (the official kube-flannel.yml runs flanneld with --kube-subnet-mgr) flannel uses node.spec.podCIDR, which kube-controller-manager allocates from --cluster-cidr in blocks of --node-cidr-mask-size (default /24 IPv4, /64 IPv6). {name} has no effect; change the per-node size with --node-cidr-mask-size (kubeadm: controllerManager.extraArgs) instead, or run flanneld in etcd mode. A recurring confusion: flannel issues #847, #1328, #1504."), fix: None });
    }
    let Some(Field {
        value: Ok(network),
        start,
        end,
    }) = &conf.network
    else {
        return;
    };
    let inner = (start + 1, end - 1);
    if let Some(cluster) = check
        .context
        .cluster_cidr
        .filter(|c| c.family == network.family)
    {
        if !network.contains(&cluster) {
            out.report(Draft { rule: RuleId::FlannelClusterCidr, severity: Severity::Error, at: inner, message: format!("Network {network} does not contain --cluster-cidr {cluster}: nodes get podCIDRs outside it"), why: format!("kube-controller-manager hands each node a podCIDR from --cluster-cidr {cluster}; flanneld then stops with `subnet \"{network}\" specified in the flannel net config doesn't contain \"<podCIDR>\" PodCIDR of the \"<node>\" node`. Network must equal --cluster-cidr (kubeadm --pod-network-cidr)."), fix: Some(Fix { title: format!("Set Network to {cluster}"), edits: vec![out.edit(inner.0, inner.1, &cluster.to_string())] }) });
        } else if network.aligned() != cluster.aligned() {
            out.report(Draft { rule: RuleId::FlannelClusterCidr, severity: Severity::Info, at: inner, message: format!("Network {network} is wider than --cluster-cidr {cluster}"), why: format!("Every podCIDR from {cluster} lies inside {network}, so flannel works, but traffic to the rest of {network} is treated as pod traffic. Keeping Network equal to --cluster-cidr avoids surprises."), fix: None });
        }
    }
    if let Some(mask) = mask {
        let family_mask = if network.family == IpFamily::V6 {
            mask.max(1)
        } else {
            mask
        };
        if family_mask < network.prefix || family_mask > network.family.bits() {
            out.report(Draft { rule: RuleId::FlannelNodeMask, severity: Severity::Error, at: inner, message: format!("--node-cidr-mask-size /{mask} is larger than Network {network}: no node range fits"), why: String::from("Each node's podCIDR is a block of --node-cidr-mask-size bits; it must be at least as long as the cluster prefix."), fix: None });
        } else if network.family == IpFamily::V6 && family_mask - network.prefix > 16 {
            out.report(Draft { rule: RuleId::FlannelNodeMask, severity: Severity::Error, at: inner, message: format!("--node-cidr-mask-size /{mask} is more than 16 bits longer than {network}"), why: format!("kube-controller-manager refuses a difference above 16 (\"New CIDR set failed; the node CIDR size is too big\"): here {} − {} = {}.", mask, network.prefix, mask - network.prefix), fix: None });
        }
    }
}
