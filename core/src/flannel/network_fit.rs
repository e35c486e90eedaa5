//! The Network flanneld reads once this config's fixes are applied, and how a Network that a fix
//! writes is chosen (sized for the target nodes, off the ranges to avoid), so that the rules that
//! depend on Network offer their fixes in the same pass as the fix that brings it in.

use alloc::vec::Vec;

use super::address_space::ranges_to_avoid;
use super::inputs::Check;
use super::keys::misspelled;
use super::mode::Mode;
use crate::context::SubnetManager;
use crate::net::{Cidr, IpFamily};
use crate::plan;

/// The Network flanneld reads once this config's fixes are applied: the one written, the
/// misspelled one the unknown-key rule renames (as [`renamed_network`] writes it), or the one
/// `flannel/network-missing` adds. The checks that depend on Network run against it, so that their
/// fixes are offered in the same pass as the fix that brings the Network in.
pub fn network_after_fixes(check: &Check<'_>) -> Option<Cidr> {
    let conf = check.conf;
    if let Some(field) = &conf.network {
        return field.value.as_ref().ok().copied();
    }
    if !conf.ipv4_enabled() || conf.is_opaque("Network") {
        return None;
    }
    if let Some(member) = misspelled(&conf.root, "Network") {
        let written = member.value.as_str()?.parse::<Cidr>().ok()?;
        return Some(renamed_network(check, written));
    }
    let members = conf.root.members().unwrap_or_default();
    let mistyped = members
        .iter()
        .any(|m| m.key.eq_ignore_ascii_case("Network"));
    (!mistyped).then(|| default_network(check))
}

/// The Network a misspelled Network key's value becomes when the key is renamed: host bits
/// masked, then fitted like a Network written from scratch (see [`fit_network`]).
pub fn renamed_network(check: &Check<'_>, written: Cidr) -> Cidr {
    fit_network(check, written.aligned())
}

/// The Network to add when none is written: `--cluster-cidr` when the model states one (kube
/// mode needs exactly it), else the manifest's 10.244.0.0/16 fitted to the model (see
/// [`fit_network`]).
pub fn default_network(check: &Check<'_>) -> Cidr {
    let cluster = check
        .model
        .cluster_cidrs
        .iter()
        .map(|stated| stated.value)
        .find(|c| c.family() == IpFamily::V4);
    match cluster {
        Some(cluster) => cluster,
        None => fit_network(check, Cidr::v4::<10, 244, 0, 0, 16>()),
    }
}

/// `network` widened for the target nodes and moved off the ranges to avoid the model states, so that a Network a fix
/// writes raises nothing itself.
pub fn fit_network(check: &Check<'_>, mut network: Cidr) -> Cidr {
    let model = check.model;
    let etcd = check.mode == Mode::Etcd;
    let bits = network.family().bits();
    let default = if network.family() == IpFamily::V4 {
        24
    } else {
        64
    };
    let written = if etcd {
        check
            .conf
            .subnet_len
            .as_ref()
            .and_then(|f| u8::try_from(f.value).ok())
    } else {
        let controller = model.node_masks_for(network.family(), SubnetManager::Kube);
        controller.map(|stated| stated.value.prefix).next()
    };
    let per_node = written.filter(|len| *len <= bits).unwrap_or(default);
    if per_node < network.prefix() {
        return network;
    }
    if let Some(nodes) = model.target_nodes().map(|stated| stated.value) {
        if let Some(wider) = plan::widen_for_nodes(network, per_node, nodes, etcd, &[]) {
            network = wider;
        }
    }
    let avoid: Vec<Cidr> = ranges_to_avoid(model).iter().map(|(c, _)| *c).collect();
    if network.family() == IpFamily::V4 && avoid.iter().any(|range| range.overlaps(&network)) {
        if let Some(free) = plan::nearest_free_block(network.prefix(), network.network(), &avoid) {
            network = free;
        }
    }
    network
}
