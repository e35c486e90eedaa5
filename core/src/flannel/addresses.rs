//! Rules `flannel/network-overlap`, `flannel/network-reserved`, `flannel/public-network`,
//! `flannel/network-host-bits`: where the pod Network sits in the address space.
//!
//! What it checks: Network against the CIDRs to avoid and the VNet/VPC ranges from the context,
//! against reserved ranges (loopback, link-local, documentation, multicast), against public space,
//! and whether the address has host bits set.
//! Why it matters: overlapping ranges make pods unable to reach those hosts (routes collide);
//! a public Network hides real internet hosts; host bits set usually mean a typo.
//! Fix: the nearest free private range from the sizing solver; the block's own network address.
//! Source: RFC 1918, RFC 6598, IANA special-purpose registry; domain facts §1, §3.

use crate::emit::Draft;
use crate::rules::RuleId;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;

use super::capacity::node_prefix;
use super::netconf::Field;
use super::rule::Check;
use crate::context::SubnetManager;
use crate::emit::Emitter;
use crate::finding::{Fix, Severity};
use crate::net::{private_ranges, Cidr, IpFamily, WELL_KNOWN_RANGES};
use crate::plan::{nearest_free_block, ranges_needed, usable_ranges};

/// Runs the address rules on Network.
pub fn check(check: &Check<'_>, out: &mut Emitter<'_>) {
    let Some(Field {
        value: Ok(network),
        start,
        end,
    }) = &check.conf.network
    else {
        return;
    };
    let inner = (start + 1, end - 1);
    let network = *network;
    if !network.is_aligned() {
        let aligned = network.aligned();
        out.report(Draft { rule: RuleId::FlannelNetworkHostBits, severity: Severity::Warning, at: inner, message: format!("Network {network} has host bits set; the block is {aligned}"), why: format!("A /{} block starts at a multiple of 2^({} − {}) addresses; Go's net.ParseCIDR keeps only the network part, so {network} means {aligned}. Write it that way to avoid misreading the range.", network.prefix, network.family.bits(), network.prefix), fix: Some(Fix { title: format!("Write Network as {aligned}"), edits: vec![out.edit(inner.0, inner.1, &aligned.to_string())] }) });
    }
    let network = network.aligned();
    let mut avoid: Vec<(Cidr, &str)> = check
        .context
        .avoid
        .iter()
        .map(|c| (*c, "a range to avoid"))
        .collect();
    avoid.extend(check.context.vnet.iter().map(|c| (*c, "the VNet/VPC")));
    if let Some((range, what)) = avoid.iter().find(|(range, _)| range.overlaps(&network)) {
        let avoided: Vec<Cidr> = avoid.iter().map(|(c, _)| *c).collect();
        // Keep the size, or widen it when the target nodes need more, so that the moved block
        // does not trip the capacity rule.
        let per_node = node_prefix(check.conf, &network, check.context, check.mode.manager());
        let etcd = check.mode.manager() == SubnetManager::Etcd;
        let needed = check.context.target_nodes.map(ranges_needed).unwrap_or(0);
        let prefix = (0..=network.prefix.min(per_node))
            .rev()
            .find(|&p| usable_ranges(p, per_node, etcd) >= needed)
            .unwrap_or(network.prefix);
        let fix = (network.family == IpFamily::V4)
            .then(|| nearest_free_block(prefix, network.network(), &avoided))
            .flatten()
            .map(|pool| Fix {
                title: format!("Move Network to {pool}"),
                edits: vec![out.edit(inner.0, inner.1, &pool.to_string())],
            });
        out.report(Draft { rule: RuleId::FlannelNetworkOverlap, severity: Severity::Error, at: inner, message: format!("Network {network} overlaps {range} ({what})"), why: format!("Pod addresses in {} would shadow hosts in {range}: nodes route that range into the overlay, so pods cannot reach those hosts and replies go astray. The sizing solver (podnet plan) picks the nearest free private or RFC 6598 block of the same size.", network), fix });
        return;
    }
    if network.family != IpFamily::V4 {
        return;
    }
    if let Some(range) = WELL_KNOWN_RANGES.iter().find(|r| r.cidr.overlaps(&network)) {
        out.report(Draft { rule: RuleId::FlannelNetworkReserved, severity: Severity::Error, at: inner, message: format!("Network {network} overlaps {} space ({})", range.name, range.cidr), why: String::from("Reserved ranges are not routable as ordinary unicast addresses; pods there break in ways that are hard to see. Use RFC 1918 or RFC 6598 (100.64.0.0/10) space."), fix: None });
        return;
    }
    if !private_ranges().iter().any(|r| r.cidr.contains(&network)) {
        out.report(Draft { rule: RuleId::FlannelPublicNetwork, severity: Severity::Warning, at: inner, message: format!("Network {network} is public address space"), why: String::from("Pods would take addresses that belong to someone on the internet, and traffic to the real hosts of that range stays in the cluster. Use RFC 1918 (10/8, 172.16/12, 192.168/16) or RFC 6598 (100.64.0.0/10) space; `podnet plan` finds a free block."), fix: None });
    }
}
