//! Rule `flannel/cluster-cidr`: flannel's Network and kube-controller-manager's `--cluster-cidr`
//! are the same block. Two places show it: Network against the `--cluster-cidr` the context gives
//! ([`check`]), and `FLANNEL_SUBNET` against `FLANNEL_NETWORK` in a subnet.env ([`check_subnet_env`]).

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;

use crate::detect::EnvLine;
use crate::emit::{Draft, Emitter};
use crate::finding::{Fix, Severity};
use crate::flannel::inputs::Check;
use crate::flannel::netconf::Field;
use crate::net::Cidr;
use crate::rules::{Area, FixSafety, RuleId, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    id: "flannel/cluster-cidr",
    area: Area::Flannel,
    severity: Severity::Error,
    summary: "Network contains kube-controller-manager's --cluster-cidr, and a node's FLANNEL_SUBNET lies in FLANNEL_NETWORK.",
    what: "In kube mode, a Network that does not contain the --cluster-cidr given in the context (information when it is wider than it); in a subnet.env, a FLANNEL_SUBNET outside every FLANNEL_NETWORK block of its family.",
    why: "kube-controller-manager hands each node a podCIDR from --cluster-cidr; flanneld stops on a node whose podCIDR lies outside Network with \"subnet \"N\" specified in the flannel net config doesn't contain \"P\" PodCIDR of the \"X\" node\", and that node's pods get no network. A Network wider than --cluster-cidr works, but traffic to the rest of it is treated as pod traffic.",
    how_to_fix: "Make Network equal to --cluster-cidr (kubeadm --pod-network-cidr or podSubnet); the fix sets Network to the --cluster-cidr given. For a subnet.env, fix the two settings it reflects, then restart flanneld, which rewrites the file.",
    source: "flannel-io/flannel pkg/subnet/kube/kube.go (the podCIDR containment check); kube-controller-manager --cluster-cidr; flannel-io/cni-plugin flannel.go (reads subnet.env).",
    fix: FixSafety::NeedsRollout,
    file: file!(),
};

/// Checks Network against the `--cluster-cidr` the context gives (nothing in etcd mode).
pub fn check(check: &Check<'_>, out: &mut Emitter<'_>) {
    if !check.mode.may_be_kube() {
        return;
    }
    let Some(Field {
        value: Ok(network),
        start,
        end,
    }) = &check.conf.network
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
}

/// Checks `FLANNEL_SUBNET` of a subnet.env against its `FLANNEL_NETWORK` blocks (values that do
/// not parse are `flannel/subnet-env-value`'s).
pub fn check_subnet_env(env: &[EnvLine], out: &mut Emitter<'_>) {
    let mut networks: Vec<Cidr> = Vec::new();
    let mut subnet: Option<(Cidr, &EnvLine)> = None;
    for line in env {
        let value = line.value.trim();
        match line.key.as_str() {
            "FLANNEL_SUBNET" => {
                if let Ok(cidr) = value.parse::<Cidr>() {
                    subnet = Some((cidr, line));
                }
            }
            "FLANNEL_NETWORK" | "FLANNEL_IPV6_NETWORK" => {
                networks.extend(
                    value
                        .split(',')
                        .filter_map(|part| part.trim().parse::<Cidr>().ok()),
                );
            }
            _ => {}
        }
    }
    let Some((subnet, line)) = subnet else {
        return;
    };
    let v4: Vec<&Cidr> = networks
        .iter()
        .filter(|n| n.family == subnet.family)
        .collect();
    if !v4.is_empty() && !v4.iter().any(|network| network.contains(&subnet.aligned())) {
        let list: Vec<String> = v4.iter().map(|n| format!("{n}")).collect();
        out.report(Draft { rule: RuleId::FlannelClusterCidr, severity: Severity::Error, at: (line.value_start, line.value_end), message: format!("FLANNEL_SUBNET {} lies outside FLANNEL_NETWORK {}", subnet, list.join(",")), why: format!("FLANNEL_SUBNET is this node's range (its podCIDR in kube mode), FLANNEL_NETWORK flannel's Network: kube-controller-manager --cluster-cidr and Network differ. flanneld stops with `subnet \"{}\" … doesn't contain \"{}\" PodCIDR of the node`. Make them the same block.", list.join(","), subnet.aligned()), fix: None });
    }
}
