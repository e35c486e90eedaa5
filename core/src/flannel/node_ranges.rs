//! How the pod network splits into node ranges: the per-node prefix flannel uses in each mode, the
//! pool the ranges come from, the capacity numbers, and the pod addresses one range holds.

use super::etcd_subnets::corrected_subnet_len;
use super::mode::Mode;
use super::netconf::{CidrField, Field, NetConf};
use crate::context::{Context, SubnetManager};
use crate::net::{Cidr, IpFamily};
use crate::report::Capacity;

/// The per-node prefix flannel uses: SubnetLen (or its default) in etcd mode, the controller's
/// `--node-cidr-mask-size` (default /24, /64 for IPv6) in kube mode.
pub fn node_prefix(
    conf: &NetConf,
    network: &Cidr,
    context: &Context,
    manager: SubnetManager,
) -> u8 {
    let v4 = network.family() == IpFamily::V4;
    let family_default = if v4 { 24 } else { 64 };
    match manager {
        SubnetManager::Kube => context.node_cidr_mask_size.unwrap_or(family_default),
        SubnetManager::Etcd => {
            let written = if v4 {
                conf.subnet_len.as_ref()
            } else {
                conf.ipv6_subnet_len.as_ref()
            };
            // flannel's defaults (config.go): /24 (IPv4) or /64 (IPv6) when the Network is wide
            // enough for four, else prefix + 2.
            let wide = if v4 { 22 } else { 62 };
            // A SubnetLen flanneld refuses counts as the one its fix writes (the capacity after
            // that fix is what matters next).
            let fixed = written
                .filter(|_| v4)
                .and_then(|f| corrected_subnet_len(network, f.value));
            match fixed.or_else(|| written.and_then(|f| u8::try_from(f.value).ok())) {
                Some(len) => len,
                None if network.prefix() <= wide => family_default,
                // At most 128 + 2: no overflow.
                None => network.prefix() + 2,
            }
        }
    }
}

/// The block pods take addresses from and the per-node prefix it splits into.
pub struct Pool<'a> {
    /// The field it was read from: Network, or IPv6Network in an IPv6-only cluster.
    pub field: &'a CidrField,
    /// The block.
    pub network: Cidr,
    /// The per-node prefix (see [`node_prefix`]); may be shorter than the block's own.
    pub node_prefix: u8,
}

/// The pool of `conf`: Network, or IPv6Network in an IPv6-only cluster; `None` when Network does
/// not parse (`flannel/network-syntax`), when the pool is missing or unusable, or is of the other
/// family (an IPv6 block in Network is `flannel/network-missing`'s error; a bad IPv6Network is
/// `flannel/ipv6-network`'s).
pub fn pool<'a>(conf: &'a NetConf, context: &Context, mode: Mode) -> Option<Pool<'a>> {
    if let Some(Field { value: Err(_), .. }) = &conf.network {
        return None;
    }
    let field = if conf.ipv4_enabled() {
        conf.network.as_ref()
    } else if conf.ipv6_enabled() {
        conf.ipv6_network.as_ref()
    } else {
        None
    }?;
    let network = *field.value.as_ref().ok()?;
    let wanted = if conf.ipv4_enabled() {
        IpFamily::V4
    } else {
        IpFamily::V6
    };
    if network.family() != wanted {
        return None;
    }
    let node_prefix = node_prefix(conf, &network, context, mode.manager());
    Some(Pool {
        field,
        network,
        node_prefix,
    })
}

/// The capacity numbers of `pool`; `None` when its per-node prefix does not fit in the block.
pub fn capacity(pool: &Pool<'_>, context: &Context, mode: Mode) -> Option<Capacity> {
    let (network, node_prefix) = (pool.network, pool.node_prefix);
    if network.subnet_count(node_prefix) == 0 {
        return None;
    }
    let skip_first = mode.manager() == SubnetManager::Etcd;
    let pod_addresses = pod_addresses(&network, node_prefix);
    let target = context.target_nodes;
    // flannel's configs never name the cluster's service range.
    let service_range = None;
    Some(Capacity::new(
        network,
        node_prefix,
        skip_first,
        pod_addresses,
        target,
        service_range,
    ))
}

/// The capacity numbers of `conf`'s pool (see [`pool`] and [`capacity`]).
pub fn capacity_of(conf: &NetConf, context: &Context, mode: Mode) -> Option<Capacity> {
    capacity(&pool(conf, context, mode)?, context, mode)
}

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
