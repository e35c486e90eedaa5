//! Where node ranges come from, as the model states it: the pool of a family (kube-controller-
//! manager's cluster CIDR when stated, else the plugin's pod pool) and the node mask its subnet
//! manager uses. The node-range rules share this so each picks the same pool.

use alloc::string::String;
use alloc::vec::Vec;

use crate::document::DocumentKind;

use crate::flannel::Mode;
use crate::model::{ClusterModel, NodeMask, NodePodCidr, Stated};
use crate::net::{Cidr, IpFamily};

/// The pools node ranges of `family` are handed out of: the cluster CIDRs when stated (they are
/// what kube-controller-manager allocates from), else the pod pools.
pub fn pools_of(model: &ClusterModel, family: IpFamily) -> Vec<&Stated<Cidr>> {
    let cluster: Vec<&Stated<Cidr>> = model
        .cluster_cidrs
        .iter()
        .filter(|cidr| cidr.value.family() == family)
        .collect();
    if !cluster.is_empty() {
        return cluster;
    }
    model.pod_pools_of(family).collect()
}

/// The node mask that applies to `family` for the subnet manager the model shows.
pub fn node_mask(model: &ClusterModel, family: IpFamily) -> Option<&Stated<NodeMask>> {
    let manager = Mode::of_model(model).manager();
    model.node_masks_for(family, manager).next()
}

/// True when flannel's etcd subnet manager hands the ranges out (it never leases the first).
pub fn etcd_mode(model: &ClusterModel) -> bool {
    Mode::of_model(model) == Mode::Etcd
}

/// The node ranges node listings show (a subnet.env's `FLANNEL_SUBNET` is flannel's to judge).
pub fn listed(model: &ClusterModel) -> impl Iterator<Item = &Stated<NodePodCidr>> {
    model
        .node_pod_cidrs
        .iter()
        .filter(|node| node.source.origin.kind() == Some(DocumentKind::NodeListing))
}

/// A node's name for a message: `node01`, or "a node" when the listing does not name it.
pub fn node_name(node: &Option<String>) -> &str {
    node.as_deref().unwrap_or("a node")
}

/// The usable node ranges of `pool` cut into /`prefix`, and how many of them the listings and
/// leases of the paste already hold (distinct ranges inside it).
pub fn taken(model: &ClusterModel, pool: Cidr, prefix: u8) -> (u128, u128) {
    let usable = crate::plan::usable_ranges(pool.prefix(), prefix, etcd_mode(model));
    let mut inside: Vec<Cidr> = listed(model)
        .map(|node| node.value.cidr.aligned())
        .chain(
            model
                .leases
                .iter()
                .map(|lease| lease.value.subnet.aligned()),
        )
        .filter(|range| range.prefix() == prefix && pool.contains(range))
        .collect();
    crate::order::sort_by_position(&mut inside, start_key);
    inside.dedup();
    (usable, inside.len() as u128)
}

/// A sort key by where a range of one family starts, for the one stable sort the crate shares
/// (`order::sort_by_position`): exact for IPv4, the first 64 bits for IPv6 (node ranges there are
/// /64 or wider, so equal keys are equal starts). Sort one family at a time.
pub fn start_key(range: &Cidr) -> (usize, usize) {
    let start = range.network();
    match range.family() {
        IpFamily::V4 => (0, start as u32 as usize),
        IpFamily::V6 => ((start >> 96) as u32 as usize, (start >> 64) as u32 as usize),
    }
}
