//! SubnetLen, SubnetMin and SubnetMax as flanneld reads them in etcd mode (`pkg/subnet/config.go`):
//! the default SubnetLen, and the values the fixes write instead of ones flanneld refuses.

use alloc::format;
use alloc::string::String;

use super::inputs::Check;
use crate::net::Cidr;

/// flannel's default SubnetLen for an IPv4 Network of `prefix`, or `None` when it is too small.
pub fn default_subnet_len(prefix: u8) -> Option<u8> {
    match prefix {
        0..=22 => Some(24),
        23..=28 => Some(prefix + 2),
        _ => None,
    }
}

/// The SubnetLen to write instead of `len` when flanneld refuses it in etcd mode (above 30, or
/// fewer than four node subnets): the default for the Network, when that one is accepted.
pub fn corrected_subnet_len(network: &Cidr, len: i64) -> Option<u8> {
    let prefix = i64::from(network.prefix());
    let refused = len > 30 || len < prefix + 2;
    let fixed = default_subnet_len(network.prefix())?;
    (refused && i64::from(fixed) >= prefix + 2).then_some(fixed)
}

/// The node subnet length flannel uses in etcd mode: SubnetLen, or its default for the Network.
pub fn node_subnet_len(check: &Check<'_>, network: &Cidr) -> u8 {
    check
        .conf
        .subnet_len
        .as_ref()
        .and_then(|f| u8::try_from(f.value).ok())
        .or(default_subnet_len(network.prefix()))
        .unwrap_or(24)
}

/// The SubnetMin or SubnetMax `written` moved down to the start of its node subnet, when it lies
/// inside `network` but off a SubnetLen boundary (flannel refuses it in etcd mode); `None` when
/// it is fine, outside the Network or not an address.
pub fn aligned_bound(check: &Check<'_>, network: &Cidr, written: &str) -> Option<String> {
    let address = format!("{written}/{}", network.family().bits())
        .parse::<Cidr>()
        .ok()?;
    if address.family() != network.family() || !network.contains_addr(address.addr()) {
        return None;
    }
    // A SubnetLen longer than the family's width has no boundary to be off.
    let boundary = address.with_prefix(node_subnet_len(check, network))?;
    (boundary.addr() != address.addr()).then(|| network.format_addr(boundary.addr()))
}
