//! Rule `flannel/lease-incompatible`: an etcd lease that does not fit the net-conf.json of the
//! same analysis (outside Network, another mask than SubnetLen, an IPv6 range missing or extra).

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::context::SubnetManager;
use crate::finding::{Finding, Severity};
use crate::model::{ClusterModel, Lease, Stated};
use crate::net::{Cidr, IpFamily};
use crate::rules::RuleId;
use crate::rules::{Area, FixSafety, RuleInfo};

/// The rule's declaration.
pub const RULE: RuleInfo = RuleInfo {
    rule: RuleId::FlannelLeaseIncompatible,
    area: Area::Flannel,
    severity: Severity::Warning,
    summary: "Every etcd lease fits the config: inside Network, of SubnetLen's size, with an IPv6 range exactly when IPv6Network is set.",
    what: "A subnet lease under <prefix>/subnets whose range lies outside flannel's Network (IPv6Network), whose prefix differs from SubnetLen (IPv6SubnetLen, their defaults when unset), or whose key lacks (or has) the `&<IPv6 range>` part while the config enables (or does not enable) IPv6.",
    why: "flanneld reuses its host's lease only when it is compatible with the current config; otherwise it deletes it and takes a new range at its next start. The host's pods keep addresses of the old range until they restart, and cni0 keeps the old gateway (\"already has an IP address different from\"). A lease left from an earlier config shows that config changed under running hosts.",
    how_to_fix: "Roll the hosts of the old leases one at a time (drain, restart flanneld, delete cni0, uncordon), or, if the config change was a mistake, put the old Network and SubnetLen back.",
    source: "flannel-io/flannel@cdf7605 pkg/subnet/etcd/local_manager.go:155-180 (\"not compatible with current config, deleting\") and :413-429 (isSubnetConfigCompat, isIPv6SubnetConfigCompat); pkg/subnet/subnet.go:62 (MakeSubnetKey).",
    fix: FixSafety::None,
    file: file!(),
};

/// The config flanneld would check one family's leases against: its Network and SubnetLen.
struct Config<'m> {
    network: &'m Stated<Cidr>,
    node_prefix: u8,
}

/// Reports each lease the paste's flannel config would not reuse.
pub fn check(model: &ClusterModel, findings: &mut Vec<Finding>) {
    if model.leases.is_empty() {
        return;
    }
    let v4 = configs(model, IpFamily::V4, "Network");
    let v6 = configs(model, IpFamily::V6, "IPv6Network");
    if v4.is_empty() && v6.is_empty() {
        return;
    }
    for lease in &model.leases {
        let ipv6_only = lease.value.subnet.prefix() == 0;
        let problem = if ipv6_only {
            None
        } else {
            misfit(lease.value.subnet, &v4)
        };
        let problem = problem.or_else(|| match (lease.value.ipv6_subnet, v6.first()) {
            (Some(range), Some(_)) => misfit(range, &v6),
            (None, Some(config)) => Some(format!(
                "has no IPv6 range but the config sets IPv6Network {}{}",
                config.network.value,
                config.network.source.mention()
            )),
            (Some(range), None) if !v4.is_empty() => Some(format!(
                "has the IPv6 range {range} but the config sets no IPv6Network"
            )),
            _ => None,
        });
        if let Some(problem) = problem {
            report(lease, &problem, findings);
        }
    }
}

/// Each flannel config's `key` pool of `family` with the node prefix flanneld's etcd manager
/// uses (SubnetLen, or its default).
fn configs<'m>(model: &'m ClusterModel, family: IpFamily, key: &str) -> Vec<Config<'m>> {
    model
        .pod_pools_of(family)
        .filter(|pool| pool.source.key == key)
        .map(|network| {
            let prefix = network.value.prefix();
            let stated = model
                .node_masks_for(family, SubnetManager::Etcd)
                .find(|mask| mask.source.origin == network.source.origin);
            let node_prefix = match (stated, family) {
                (Some(mask), _) => mask.value.prefix,
                (None, IpFamily::V4) if prefix <= 22 => 24,
                (None, IpFamily::V6) if prefix <= 62 => 64,
                (None, family) => (prefix + 2).min(family.bits()),
            };
            Config {
                network,
                node_prefix,
            }
        })
        .collect()
}

/// Why `range` fits none of `configs`, in words (`None` when one takes it, or there is none).
fn misfit(range: Cidr, configs: &[Config<'_>]) -> Option<String> {
    let first = configs.first()?;
    if configs
        .iter()
        .any(|c| c.network.value.contains(&range.aligned()) && range.prefix() == c.node_prefix)
    {
        return None;
    }
    let network = &first.network;
    Some(
        match configs
            .iter()
            .find(|c| c.network.value.contains(&range.aligned()))
        {
            Some(config) => format!(
                "is a /{} but the node ranges of {} {}{} are /{}",
                range.prefix(),
                config.network.source.key,
                config.network.value,
                config.network.source.mention(),
                config.node_prefix
            ),
            None => format!(
                "lies outside {} {}{}",
                network.source.key,
                network.value,
                network.source.mention()
            ),
        },
    )
}

fn report(lease: &Stated<Lease>, problem: &str, findings: &mut Vec<Finding>) {
    let subnet = lease.value.subnet;
    let holder = lease
        .value
        .public_ip
        .map_or(String::from("its host"), |ip| format!("the host {ip}"));
    findings.push(Finding {
        rule: RuleId::FlannelLeaseIncompatible,
        severity: Severity::Warning,
        span: lease.source.span,
        message: format!("lease {subnet} {problem}"),
        explanation: format!("flanneld on {holder} will not reuse it: it deletes it and takes another range at its next start, while its pods keep old addresses. Roll that host (drain, restart flanneld, `ip link delete cni0`)."),
        fix: None,
    });
}
