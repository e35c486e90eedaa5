//! The pod addresses one node range holds: what host-local keeps for itself, in numbers and in
//! words. (The per-node prefix and the capacity numbers are `pool.rs`'s.)

use crate::net::{Cidr, IpFamily};

/// Addresses of a node range host-local cannot give to pods: the network address and the cni0
/// bridge gateway, plus the broadcast address in IPv4 (IPv6 has none).
pub fn reserved(family: IpFamily) -> u128 {
    if family == IpFamily::V4 {
        3
    } else {
        2
    }
}

/// The words for [`reserved`] in an explanation.
pub fn reserved_words(family: IpFamily) -> &'static str {
    if family == IpFamily::V4 {
        "network, broadcast and the cni0 bridge gateway excluded"
    } else {
        "the network address and the cni0 bridge gateway excluded; IPv6 has no broadcast"
    }
}

/// Pod addresses in one /`node_prefix` node range of `network`; none when `network` holds no
/// such range.
pub fn pod_addresses(network: &Cidr, node_prefix: u8) -> u128 {
    network.subnet(node_prefix, 0).map_or(0, |range| {
        range.size().saturating_sub(reserved(network.family()))
    })
}
